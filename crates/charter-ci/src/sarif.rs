//! `charter ci --format sarif`: SARIF 2.1.0 for code-scanning services. Every result has a
//! file, a line and a column. Breaking, non-breaking and info changes are results too
//! (error/warning for breaking, note for the others).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::{rule_summary, CiRun};
use charter_diagnostics::Severity;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference (separators normalised, unsafe bytes escaped).
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b':'
            | b'@'
            | b'+'
            | b'='
            | b',' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

struct Row<'a> {
    rule: &'a str,
    level: &'static str,
    message: String,
    file: &'a str,
    line: u32,
    column: u32,
    end_line: Option<u32>,
}

pub fn report(run: &CiRun) -> Value {
    let mut rows: Vec<Row<'_>> = Vec::new();
    for (_, d) in &run.diagnostics {
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str(&format!(" (help: {h})"));
        }
        rows.push(Row {
            rule: &d.code,
            level: level(d.severity),
            message,
            file: &d.primary.file,
            line: d.primary.span.line.max(1),
            column: d.primary.span.col.max(1),
            end_line: None,
        });
    }
    if let Some(diff) = &run.diff {
        // Breaking changes are already diagnostics; the others become notes.
        for c in diff
            .changes
            .iter()
            .filter(|c| c.class != charter_diff::Class::Breaking)
        {
            rows.push(Row {
                rule: c.rule,
                level: "note",
                message: format!(
                    "{} `{}`: {} ({} change)",
                    c.kind,
                    c.key,
                    c.message,
                    c.class.as_str()
                ),
                file: &c.file,
                line: c.line.max(1),
                column: c.column.max(1),
                end_line: None,
            });
        }
    }
    let mut rule_index: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        let n = rule_index.len();
        rule_index.entry(r.rule).or_insert(n);
    }
    let mut rules: Vec<(&str, usize)> = rule_index.iter().map(|(k, v)| (*k, *v)).collect();
    rules.sort_by_key(|(_, i)| *i);
    let rules: Vec<Value> = rules
        .into_iter()
        .map(|(id, _)| {
            let text = rule_summary(id).unwrap_or_else(|| id.to_string());
            let mut r = json!({
                "id": id,
                "shortDescription": { "text": text },
            });
            if let Some(l) = charter_lint::find(id) {
                r["name"] = json!(l.name.replace(' ', ""));
                r["fullDescription"] = json!({ "text": format!("{} {}", l.what, l.why) });
                r["help"] = json!({ "text": l.fix, "markdown": l.markdown() });
                r["defaultConfiguration"] = json!({ "level": match l.default_level {
                    charter_workspace::Level::Off => "none",
                    charter_workspace::Level::Warn => "warning",
                    charter_workspace::Level::Error => "error",
                }});
            }
            r
        })
        .collect();
    let results: Vec<Value> = rows
        .iter()
        .map(|r| {
            let mut region = json!({ "startLine": r.line, "startColumn": r.column });
            if let Some(e) = r.end_line {
                region["endLine"] = json!(e);
            }
            json!({
                "ruleId": r.rule,
                "ruleIndex": rule_index[r.rule],
                "level": r.level,
                "message": { "text": r.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(r.file) },
                        "region": region,
                    }
                }],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "charter",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/charter-contracts/charter",
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}
