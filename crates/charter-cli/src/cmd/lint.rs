//! `charter lint [PATH...]`, `charter rules`, `charter rule ID`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use charter_diagnostics::{human, json};
use charter_lint::{level_str, rules::RULES, Check};
use charter_workspace::load::OpenError;

use crate::{output, Format};

pub fn run(paths: &[PathBuf], format: Format) -> anyhow::Result<ExitCode> {
    let ws = match charter_lint::lint(paths) {
        Ok(ws) => ws,
        Err(OpenError::Config(d)) => {
            output::diagnostics(&[*d]);
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
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
            let report = json::report("lint", ws.files.len(), ws.contracts.len(), diags);
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    Ok(super::exit_for(diags))
}

/// `charter rules`: one line per rule (ID, default level, scope, name), or JSON.
pub fn list(as_json: bool) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if as_json {
        let rows: Vec<serde_json::Value> = RULES
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "name": r.name,
                    "defaultLevel": level_str(r.default_level),
                    "scope": scope(r.check),
                    "kinds": r.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in RULES {
        writeln!(
            out,
            "{:width$}  {:5}  {:9}  {}",
            r.id,
            level_str(r.default_level),
            scope(r.check),
            r.name
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `charter rule ID`: the rule's documentation as Markdown.
pub fn show(id: &str) -> anyhow::Result<ExitCode> {
    match charter_lint::find(id) {
        Some(r) => {
            print!("{}", r.markdown());
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let ids = RULES.iter().map(|r| r.id);
            let hint = charter_model::de::closest(id, ids)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| "; `charter rules` lists them".into());
            anyhow::bail!("no lint rule `{id}`{hint}")
        }
    }
}

fn scope(c: Check) -> &'static str {
    match c {
        Check::Document(_) => "document",
        Check::Workspace(_) => "workspace",
    }
}
