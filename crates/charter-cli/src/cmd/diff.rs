//! `charter diff --base GIT_REF|DIR [PATH]`: breaking changes against a base.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use charter_diff::{base, Options, Report};
use charter_workspace::{load::OpenError, Workspace};

use crate::{output, Format};

/// Loads head and base and compares them. `Err(code)` when a config is broken (reported).
pub fn compare(
    head: &Workspace,
    head_path: &Path,
    base_arg: &str,
    opts: &Options,
) -> anyhow::Result<Result<Report, ExitCode>> {
    let b = base::resolve(base_arg, head_path)
        .with_context(|| format!("cannot read the base `{base_arg}`"))?;
    let bw = match charter_diff::load_changed(&b.root, head) {
        Ok(ws) => ws,
        Err(OpenError::Config(d)) => {
            output::diagnostics(&[*d]);
            return Ok(Err(ExitCode::from(1)));
        }
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!("cannot load the base `{base_arg}`")))
        }
    };
    Ok(Ok(charter_diff::diff_changed(&bw, head, opts)))
}

pub fn run(
    path: &Path,
    base_arg: &str,
    format: Format,
    include_unstable: bool,
) -> anyhow::Result<ExitCode> {
    let head = match charter_diff::load(path) {
        Ok(ws) => ws,
        Err(OpenError::Config(d)) => {
            output::diagnostics(&[*d]);
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    };
    let opts = Options { include_unstable };
    let report = match compare(&head, path, base_arg, &opts)? {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    match format {
        Format::Json => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &report.json(base_arg))?;
            writeln!(out)?;
        }
        Format::Short => {
            let mut out = std::io::stdout().lock();
            for c in &report.changes {
                writeln!(
                    out,
                    "{}:{}:{}: {}[{}]: {} `{}`: {}",
                    c.file,
                    c.line,
                    c.column,
                    c.class.as_str(),
                    c.rule,
                    c.kind,
                    c.key,
                    c.message
                )?;
            }
            for b in &report.bumps {
                writeln!(
                    out,
                    "{}:{}:{}: error[{}]: {} `{}` needs version {} or higher",
                    b.file,
                    b.line,
                    b.column,
                    charter_diff::BUMP_RULE,
                    b.kind,
                    b.key,
                    b.required_version
                )?;
            }
        }
        Format::Human => {
            if !head.diagnostics.is_empty() {
                output::diagnostics(&head.diagnostics);
            }
            output::diagnostics(&report.diagnostics());
            let s = report.summary();
            eprintln!(
                "against {base_arg}: {} breaking, {} non-breaking, {} info ({} exempt), {} version bump(s) required",
                s.breaking, s.non_breaking, s.info, s.exempt, s.bumps_required
            );
        }
    }
    Ok(if report.has_breaking() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Default PATH.
pub fn path_or_dot(p: Option<PathBuf>) -> PathBuf {
    p.unwrap_or_else(|| PathBuf::from("."))
}
