pub mod ci;
pub mod diff;
pub mod generate;
pub mod init;
pub mod lint;
pub mod list;
pub mod show;
pub mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use charter_diagnostics::Counts;
use charter_workspace::load::OpenError;
use charter_workspace::{Retain, Workspace};

/// Loads and validates; a broken charter.toml is reported like any other error (exit 1),
/// a missing path is a usage error (exit 2).
pub fn load(paths: &[PathBuf]) -> Result<Result<Workspace, ExitCode>, anyhow::Error> {
    load_with(paths, Retain::Full)
}

pub fn load_with(
    paths: &[PathBuf],
    retain: Retain,
) -> Result<Result<Workspace, ExitCode>, anyhow::Error> {
    match charter_check::validate_with(paths, retain) {
        Ok(ws) => Ok(Ok(ws)),
        Err(OpenError::Config(d)) => {
            crate::output::diagnostics(&[*d]);
            Ok(Err(ExitCode::from(1)))
        }
        Err(e) => Err(e.into()),
    }
}

pub fn exit_for(diags: &[charter_diagnostics::Diagnostic]) -> ExitCode {
    if Counts::of(diags).errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
