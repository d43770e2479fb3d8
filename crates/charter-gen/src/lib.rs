//! Generated surfaces. Each surface turns the loaded workspace into a list of files (path
//! relative to the output folder, and contents); [`write`] and [`check`] are shared, so every
//! surface is deterministic and drift-checked the same way.

pub mod bundle;
pub mod docs;
pub mod html;
pub mod i18n;
mod json;
pub mod jsonschema;
pub mod mcp;
pub mod naming;
pub mod openapi;
pub mod output;
pub mod sources;
pub mod typescript;

pub use output::{check, write, Checker, Collect, Drift, GeneratedFile, Sink, Writer, Written};

use charter_model::Kind;
use charter_workspace::{Loaded, Workspace};

/// The marker sentence that formats without comments carry in a field.
pub const MARKER_TEXT: &str = charter_model::GENERATED_MARKER;

/// Options common to every surface.
#[derive(Debug, Clone)]
pub struct Options {
    pub locale: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            locale: "en".into(),
        }
    }
}

/// Surfaces this build of Charter can generate.
pub const SURFACES: &[&str] = &["docs", "openapi", "jsonschema", "typescript", "mcp"];

#[derive(Debug, thiserror::Error)]
pub enum GenError {
    #[error("unknown surface `{0}` (available: {list})", list = SURFACES.join(", "))]
    UnknownSurface(String),
    #[error("unknown locale `{0}` (available: {list})", list = i18n::LOCALES.join(", "))]
    UnknownLocale(String),
    /// The sink failed (a file could not be written or read).
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Generates the named surfaces, files sorted by path.
pub fn generate(
    ws: &Workspace,
    surfaces: &[String],
    opts: &Options,
) -> Result<Vec<GeneratedFile>, GenError> {
    let files = Collect::default();
    generate_into(ws, surfaces, opts, &files)?;
    Ok(files.into_files())
}

/// Generates the named surfaces into a sink. Surfaces run in parallel, and so do the
/// contracts within a surface; each file goes to the sink as soon as it is built.
pub fn generate_into(
    ws: &Workspace,
    surfaces: &[String],
    opts: &Options,
    sink: &dyn Sink,
) -> Result<(), GenError> {
    if let Some(unknown) = surfaces.iter().find(|s| !SURFACES.contains(&s.as_str())) {
        return Err(GenError::UnknownSurface(unknown.clone()));
    }
    let catalog = i18n::Catalog::for_locale(&opts.locale)
        .ok_or_else(|| GenError::UnknownLocale(opts.locale.clone()))?;
    let wants = |name: &str| surfaces.iter().any(|s| s == name);
    // The surfaces that make one file of the whole workspace are built one after the other
    // on one thread, while the per-contract surfaces run on the others; a thread that is
    // done steals per-contract work, so both cores stay busy to the end.
    let (whole, per_contract) = rayon::join(
        || -> std::io::Result<()> {
            if wants("openapi") {
                openapi::generate(ws, opts, sink)?;
            }
            if wants("typescript") {
                typescript::generate(ws, opts, sink)?;
            }
            if wants("mcp") {
                mcp::generate(ws, opts, sink)?;
            }
            Ok(())
        },
        || -> std::io::Result<()> {
            let (docs, schemas) = rayon::join(
                || wants("docs").then(|| docs::generate(ws, catalog, sink)),
                || wants("jsonschema").then(|| jsonschema::generate(ws, opts, sink)),
            );
            docs.transpose()?;
            schemas.transpose()?;
            Ok(())
        },
    );
    whole?;
    per_contract?;
    Ok(())
}

/// The highest version of every key of a kind, in key order.
pub fn latest(ws: &Workspace, kind: Kind) -> Vec<&Loaded> {
    let mut keys: Vec<&str> = ws.registry.keys_of(kind).collect();
    keys.sort_unstable();
    keys.into_iter()
        .filter_map(|k| ws.registry.versions(kind, k).first())
        .map(|&i| &ws.contracts[i])
        .collect()
}

/// Appends `s` to `out` with each byte that `replace` maps to a text written as that text.
/// Only ASCII bytes may be replaced, so every cut falls on a character boundary. Escaping
/// this way copies the runs between replacements whole, instead of a character at a time.
pub(crate) fn push_replacing(
    out: &mut String,
    s: &str,
    replace: impl Fn(u8) -> Option<&'static str>,
) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if let Some(text) = replace(b) {
            out.push_str(&s[start..i]);
            out.push_str(text);
            start = i + 1;
        }
    }
    out.push_str(&s[start..]);
}
