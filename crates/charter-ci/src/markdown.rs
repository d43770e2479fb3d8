//! `charter ci --format markdown`: a pull-request comment.

use std::fmt::Write;

use charter_diagnostics::Severity;

use crate::CiRun;

/// At most this many rows per table; the rest is counted.
pub const MAX_ROWS: usize = 50;

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn report(run: &CiRun) -> String {
    let c = run.counts();
    let mut out = String::new();
    let verdict = if run.passed() {
        "✅ passed"
    } else {
        "❌ failed"
    };
    let _ = writeln!(out, "## Charter CI: {verdict}\n");
    let _ = writeln!(
        out,
        "{} contracts in {} files · fail on: {}{}\n",
        run.contracts,
        run.files,
        run.fail_on.as_str(),
        run.base
            .as_deref()
            .map(|b| format!(" · base: `{b}`"))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "| errors | warnings | breaking changes | version bumps required |"
    );
    let _ = writeln!(out, "|---:|---:|---:|---:|");
    let bumps = run.diff.as_ref().map(|d| d.bumps.len()).unwrap_or(0);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n",
        c.errors,
        c.warnings,
        run.breaking(),
        bumps
    );

    if let Some(diff) = &run.diff {
        let breaking: Vec<_> = diff
            .changes
            .iter()
            .filter(|c| c.class == charter_diff::Class::Breaking)
            .collect();
        if !breaking.is_empty() {
            let _ = writeln!(out, "### Breaking changes\n");
            let _ = writeln!(out, "| rule | contract | change | where |");
            let _ = writeln!(out, "|---|---|---|---|");
            for ch in breaking.iter().take(MAX_ROWS) {
                let _ = writeln!(
                    out,
                    "| `{}` | {} `{}` | {} | `{}:{}` |",
                    ch.rule,
                    ch.kind,
                    cell(&ch.key),
                    cell(&ch.message),
                    cell(&ch.file),
                    ch.line
                );
            }
            if breaking.len() > MAX_ROWS {
                let _ = writeln!(out, "\n…and {} more.", breaking.len() - MAX_ROWS);
            }
            let _ = writeln!(out);
        }
        let others = diff.changes.len() - breaking.len();
        if others > 0 {
            let _ = writeln!(out, "{others} non-breaking or informational change(s).\n");
        }
    }
    let problems: Vec<_> = run
        .diagnostics
        .iter()
        .filter(|(_, d)| d.severity != Severity::Info)
        .collect();
    if !problems.is_empty() {
        let _ = writeln!(out, "### Problems\n");
        let _ = writeln!(out, "| | rule | where | message |");
        let _ = writeln!(out, "|---|---|---|---|");
        for (_, d) in problems.iter().take(MAX_ROWS) {
            let icon = if d.severity == Severity::Error {
                "❌"
            } else {
                "⚠️"
            };
            let _ = writeln!(
                out,
                "| {icon} | `{}` | `{}:{}:{}` | {} |",
                d.code,
                cell(&d.primary.file),
                d.primary.span.line.max(1),
                d.primary.span.col.max(1),
                cell(&d.message)
            );
        }
        if problems.len() > MAX_ROWS {
            let _ = writeln!(out, "\n…and {} more.", problems.len() - MAX_ROWS);
        }
        let _ = writeln!(out);
    }
    if c.errors == 0 && c.warnings == 0 && run.breaking() == 0 {
        let _ = writeln!(out, "No problems found.");
    }
    out
}
