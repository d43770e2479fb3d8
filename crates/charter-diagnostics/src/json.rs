//! The `--format json` report, schema `charter.report/v1` (documented in
//! `docs/json-report.md`). Fields are only ever added within a major version.

use serde::Serialize;

use crate::{Counts, Diagnostic, Label};

pub const SCHEMA: &str = "charter.report/v1";

#[derive(Serialize)]
pub struct Report<'a> {
    pub schema: &'static str,
    pub command: &'a str,
    pub summary: Summary,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
pub struct Summary {
    pub files: usize,
    pub contracts: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonDiagnostic<'a> {
    pub code: &'a str,
    pub severity: &'static str,
    pub message: &'a str,
    pub file: &'a str,
    pub line: u32,
    pub column: u32,
    pub end_offset: u32,
    pub start_offset: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub related: &'a [Label],
}

pub fn report<'a>(
    command: &'a str,
    files: usize,
    contracts: usize,
    diags: &'a [Diagnostic],
) -> Report<'a> {
    let c = Counts::of(diags);
    Report {
        schema: SCHEMA,
        command,
        summary: Summary {
            files,
            contracts,
            errors: c.errors,
            warnings: c.warnings,
            infos: c.infos,
        },
        diagnostics: diags
            .iter()
            .map(|d| JsonDiagnostic {
                code: &d.code,
                severity: d.severity.as_str(),
                message: &d.message,
                file: &d.primary.file,
                line: d.primary.span.line,
                column: d.primary.span.col,
                start_offset: d.primary.span.start,
                end_offset: d.primary.span.end,
                help: d.help.as_deref(),
                note: d.note.as_deref(),
                related: &d.secondary,
            })
            .collect(),
    }
}
