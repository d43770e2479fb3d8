use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use charter_diagnostics::{human, json};

use crate::{output, Format};

pub fn run(paths: &[PathBuf], format: Format) -> anyhow::Result<ExitCode> {
    let ws = match super::load(paths)? {
        Ok(ws) => ws,
        Err(code) => return Ok(code),
    };
    let diags = &ws.diagnostics;
    match format {
        Format::Human => {
            output::diagnostics(diags);
            output::summary(ws.files.len(), ws.contracts.len(), diags);
        }
        Format::Short => {
            let mut out = std::io::stdout().lock();
            human::short(&mut out, diags)?;
            out.flush()?;
        }
        Format::Json => {
            let report = json::report("validate", ws.files.len(), ws.contracts.len(), diags);
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    Ok(super::exit_for(diags))
}
