//! `charter ci [PATH] [--base REF] [--format ...] [--fail-on ...]`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use charter_ci::{json, markdown, run, sarif, CiOptions, FailOn};
use clap::ValueEnum;

use crate::output;

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum CiFormat {
    /// Diagnostics for people, then a summary.
    Text,
    /// The `charter.ci/v1` JSON document (docs/ci-report.md).
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// A pull-request comment.
    Markdown,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum CiFailOn {
    Errors,
    Warnings,
    Breaking,
    Never,
}

pub fn ci(
    path: &Path,
    base: Option<&str>,
    format: CiFormat,
    fail_on: CiFailOn,
    include_unstable: bool,
) -> anyhow::Result<ExitCode> {
    let fail_on = match fail_on {
        CiFailOn::Errors => FailOn::Errors,
        CiFailOn::Warnings => FailOn::Warnings,
        CiFailOn::Breaking => FailOn::Breaking,
        CiFailOn::Never => FailOn::Never,
    };
    let r = run(&CiOptions {
        path: path.to_path_buf(),
        base: base.map(String::from),
        fail_on,
        include_unstable,
    })?;
    let mut out = std::io::stdout().lock();
    match format {
        CiFormat::Text => {
            let diags: Vec<_> = r.diagnostics.iter().map(|(_, d)| d.clone()).collect();
            output::diagnostics(&diags);
            output::summary(r.files, r.contracts, &diags);
            if let Some(d) = &r.diff {
                let s = d.summary();
                eprintln!(
                    "against {}: {} breaking, {} non-breaking, {} info ({} exempt), {} version bump(s) required",
                    base.unwrap_or(""),
                    s.breaking,
                    s.non_breaking,
                    s.info,
                    s.exempt,
                    s.bumps_required
                );
            }
            eprintln!(
                "charter ci: {}",
                if r.passed() { "passed" } else { "failed" }
            );
        }
        CiFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &json::report(&r))?;
            writeln!(out)?;
        }
        CiFormat::Sarif => {
            serde_json::to_writer_pretty(&mut out, &sarif::report(&r))?;
            writeln!(out)?;
        }
        CiFormat::Markdown => write!(out, "{}", markdown::report(&r))?,
    }
    out.flush()?;
    Ok(if r.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
