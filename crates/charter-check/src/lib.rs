//! Charter's validation rules.
//!
//! Two phases: [`check_document`] runs on each document while its position tree is alive
//! (in parallel, during loading); [`check_workspace`] runs once over the registry for rules
//! that need several contracts (duplicates, references). Every rule has a stable ID listed in
//! [`rules::RULES`] with its severity and documentation.

mod integration;
mod meta;
mod references;
pub mod rules;
mod schemas;
mod secrets;
mod urls;

use charter_diagnostics::{Diagnostic, Severity};
use charter_model::Contract;
use charter_workspace::{DocContext, Level, Retain, Workspace};

/// Rules that look at one document.
pub fn check_document(ctx: &DocContext<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    meta::check(ctx, &mut out);
    urls::check(ctx, &mut out);
    schemas::check(ctx, &mut out);
    if let Contract::Integration(c) = ctx.contract {
        integration::check(ctx, c, &mut out);
        secrets::check(ctx, c, &mut out);
    }
    out
}

/// Rules that look across the workspace.
pub fn check_workspace(ws: &Workspace) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    references::duplicates(ws, &mut out);
    references::resolve(ws, &mut out);
    out
}

/// Loads a workspace and runs every validation rule; returns the workspace (with all its
/// diagnostics in report order, `[rules]` levels applied).
pub fn validate(
    inputs: &[std::path::PathBuf],
) -> Result<Workspace, charter_workspace::load::OpenError> {
    validate_with(inputs, Retain::Full)
}

/// [`validate`], keeping only what `retain` asks for of each contract.
pub fn validate_with(
    inputs: &[std::path::PathBuf],
    retain: Retain,
) -> Result<Workspace, charter_workspace::load::OpenError> {
    let mut ws = Workspace::open(inputs, &check_document, retain)?;
    let more = check_workspace(&ws);
    ws.diagnostics.extend(more);
    if ws.scope.is_some() {
        let mut diags = std::mem::take(&mut ws.diagnostics);
        diags.retain(|d| ws.in_scope(&d.primary.file));
        ws.diagnostics = diags;
    }
    if ws.files.is_empty() {
        let place = inputs
            .first()
            .map(|p| charter_workspace::load::display_path(p))
            .unwrap_or_else(|| ".".into());
        ws.diagnostics.push(
            Diagnostic::warning(
                "no-contracts",
                "no contract files found (.yaml, .yml, .json or .toml)",
                &place,
                charter_model::Span::new(0, 0, 1, 1),
            )
            .with_help("check the path, or `[workspace] contracts` in charter.toml; `charter init` starts a workspace"),
        );
    }
    apply_levels(&mut ws);
    charter_diagnostics::sort(&mut ws.diagnostics);
    Ok(ws)
}

/// Applies `[rules]` from charter.toml: `off` drops a diagnostic, `warn`/`error` set its level.
pub fn apply_levels(ws: &mut Workspace) {
    if ws.config.rules.is_empty() {
        return;
    }
    let config = &ws.config;
    // Contracts by file, so that finding the kind of a diagnostic's contract is cheap.
    let mut by_file: std::collections::HashMap<&str, Vec<&charter_workspace::Loaded>> =
        std::collections::HashMap::new();
    for l in &ws.contracts {
        by_file
            .entry(ws.files[l.file].path.as_str())
            .or_default()
            .push(l);
    }
    let kind_at = |d: &Diagnostic| -> Option<&'static str> {
        by_file
            .get(d.primary.file.as_str())?
            .iter()
            .find(|l| l.span.start <= d.primary.span.start && d.primary.span.start <= l.span.end)
            .map(|l| l.contract.kind().as_str())
    };
    let mut kept = Vec::with_capacity(ws.diagnostics.len());
    for mut d in std::mem::take(&mut ws.diagnostics) {
        match config.rule_level(&d.code, kind_at(&d)) {
            Some(Level::Off) => continue,
            Some(Level::Warn) => d.severity = Severity::Warning,
            Some(Level::Error) => d.severity = Severity::Error,
            None => {}
        }
        kept.push(d);
    }
    ws.diagnostics = kept;
}
