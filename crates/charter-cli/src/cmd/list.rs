use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use charter_model::{Kind, Stability};
use charter_workspace::Loaded;
use serde::Serialize;

pub struct Filters {
    pub kind: Option<String>,
    pub owner: Option<String>,
    pub tag: Option<String>,
    pub stability: Option<String>,
    pub category: Option<String>,
}

#[derive(Serialize)]
struct Row<'a> {
    kind: Kind,
    key: &'a str,
    version: &'a str,
    title: &'a str,
    stability: Stability,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    owners: &'a [String],
    tags: &'a [String],
    file: &'a str,
}

pub fn run(paths: &[PathBuf], f: &Filters, json: bool) -> anyhow::Result<ExitCode> {
    let kind = match &f.kind {
        Some(k) => match Kind::parse(k) {
            Some(k) => Some(k),
            None => bail!(
                "unknown kind `{k}` (kinds: integration, operation, event, capability, feature)"
            ),
        },
        None => None,
    };
    let stability = match &f.stability {
        Some(s) => match Stability::parse(s) {
            Some(s) => Some(s),
            None => bail!("unknown stability `{s}` (idea, in_creation, experimental, beta, stable, deprecated)"),
        },
        None => None,
    };
    let ws = match super::load(paths)? {
        Ok(ws) => ws,
        Err(code) => return Ok(code),
    };
    let keep = |l: &&Loaded| {
        let m = l.contract.meta();
        kind.is_none_or(|k| l.contract.kind() == k)
            && stability.is_none_or(|s| m.stability == s)
            && f.owner.as_ref().is_none_or(|o| m.owners.contains(o))
            && f.tag.as_ref().is_none_or(|t| m.tags.contains(t))
            && f.category
                .as_ref()
                .is_none_or(|c| m.category.as_ref() == Some(c))
    };
    let mut rows: Vec<Row> = ws
        .contracts
        .iter()
        .filter(keep)
        .map(|l| {
            let m = l.contract.meta();
            Row {
                kind: l.contract.kind(),
                key: &m.key,
                version: &m.version,
                title: m.title(),
                stability: m.stability,
                category: m.category.as_deref(),
                owners: &m.owners,
                tags: &m.tags,
                file: &ws.files[l.file].path,
            }
        })
        .collect();
    rows.sort_by(|a, b| (a.kind, a.key, a.version).cmp(&(b.kind, b.key, b.version)));
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        let w_key = rows.iter().map(|r| r.key.len()).max().unwrap_or(3).max(3);
        let w_ver = rows
            .iter()
            .map(|r| r.version.len())
            .max()
            .unwrap_or(7)
            .max(7);
        writeln!(
            out,
            "{:<11} {:<w_key$} {:<w_ver$} {:<12} OWNERS",
            "KIND", "KEY", "VERSION", "STABILITY"
        )?;
        for r in &rows {
            writeln!(
                out,
                "{:<11} {:<w_key$} {:<w_ver$} {:<12} {}",
                r.kind.as_str(),
                r.key,
                r.version,
                r.stability.as_str(),
                r.owners.join(", ")
            )?;
        }
    }
    let errors = charter_diagnostics::Counts::of(&ws.diagnostics).errors;
    if errors > 0 {
        eprintln!("warning: {errors} validation error(s); run `charter validate` for details");
    }
    Ok(ExitCode::SUCCESS)
}
