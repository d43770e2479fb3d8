//! `charter ci --format json`: schema `charter.ci/v1` (docs/ci-report.md). Fields are only
//! added within a major version.

use serde::Serialize;

use crate::{CiRun, Source};

pub const SCHEMA: &str = "charter.ci/v1";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report<'a> {
    pub schema: &'static str,
    pub charter_version: &'static str,
    pub passed: bool,
    pub fail_on: &'static str,
    pub base: Option<&'a str>,
    pub summary: Summary,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Every classified change (null without `--base`).
    pub changes: Option<&'a [charter_diff::Located]>,
    pub generated_surfaces_checked: &'a [String],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub files: usize,
    pub contracts: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub breaking: usize,
    pub non_breaking: usize,
    pub change_infos: usize,
    pub bumps_required: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonDiagnostic<'a> {
    pub code: &'a str,
    pub source: Source,
    pub severity: &'static str,
    pub message: &'a str,
    pub file: &'a str,
    pub line: u32,
    pub column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

pub fn report(run: &CiRun) -> Report<'_> {
    let c = run.counts();
    let diff = run.diff.as_ref();
    Report {
        schema: SCHEMA,
        charter_version: env!("CARGO_PKG_VERSION"),
        passed: run.passed(),
        fail_on: run.fail_on.as_str(),
        base: run.base.as_deref(),
        summary: Summary {
            files: run.files,
            contracts: run.contracts,
            errors: c.errors,
            warnings: c.warnings,
            infos: c.infos,
            breaking: run.breaking(),
            non_breaking: diff
                .map(|d| d.count(charter_diff::Class::NonBreaking))
                .unwrap_or(0),
            change_infos: diff
                .map(|d| d.count(charter_diff::Class::Info))
                .unwrap_or(0),
            bumps_required: diff.map(|d| d.bumps.len()).unwrap_or(0),
        },
        diagnostics: run
            .diagnostics
            .iter()
            .map(|(s, d)| JsonDiagnostic {
                code: &d.code,
                source: *s,
                severity: d.severity.as_str(),
                message: &d.message,
                file: &d.primary.file,
                line: d.primary.span.line.max(1),
                column: d.primary.span.col.max(1),
                help: d.help.as_deref(),
                note: d.note.as_deref(),
            })
            .collect(),
        changes: diff.map(|d| d.changes.as_slice()),
        generated_surfaces_checked: &run.drift_checked,
    }
}
