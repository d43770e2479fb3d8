use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use charter_diagnostics::{human, json, Diagnostic};
use charter_workspace::load::OpenError;
use charter_workspace::Retain;

use crate::{output, Format};

pub fn run(paths: &[PathBuf], format: Format) -> anyhow::Result<ExitCode> {
    // Validation reports diagnostics and counts only: contracts are kept in summary.
    let ws = match charter_check::validate_with(paths, Retain::Summary) {
        Ok(ws) => ws,
        // A broken charter.toml is reported in the requested format (a JSON reader gets a
        // report, not an empty stdout), and is an error like any other (exit 1).
        Err(OpenError::Config(d)) => {
            let diags = [*d];
            emit(format, 0, 0, &diags)?;
            return Ok(super::exit_for(&diags));
        }
        Err(e) => return Err(e.into()),
    };
    emit(format, ws.files.len(), ws.contracts.len(), &ws.diagnostics)?;
    Ok(super::exit_for(&ws.diagnostics))
}

fn emit(
    format: Format,
    files: usize,
    contracts: usize,
    diags: &[Diagnostic],
) -> anyhow::Result<()> {
    match format {
        Format::Human => {
            output::diagnostics(diags);
            output::summary(files, contracts, diags);
        }
        Format::Short => {
            let mut out = std::io::stdout().lock();
            human::short(&mut out, diags)?;
            out.flush()?;
        }
        Format::Json => {
            let report = json::report("validate", files, contracts, diags);
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    Ok(())
}
