//! Generated surfaces. Each surface turns the loaded workspace into a list of files (path
//! relative to the output folder, and contents); [`write`] and [`check`] are shared, so every
//! surface is deterministic and drift-checked the same way.

pub mod docs;
pub mod output;

pub use output::{check, write, Drift, GeneratedFile};

use charter_workspace::Workspace;

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
pub const SURFACES: &[&str] = &["docs"];

#[derive(Debug, thiserror::Error)]
pub enum GenError {
    #[error("unknown surface `{0}` (available: {list})", list = SURFACES.join(", "))]
    UnknownSurface(String),
}

/// Generates the named surfaces, files sorted by path.
pub fn generate(
    ws: &Workspace,
    surfaces: &[String],
    opts: &Options,
) -> Result<Vec<GeneratedFile>, GenError> {
    let mut files = Vec::new();
    for s in surfaces {
        match s.as_str() {
            "docs" => files.extend(docs::generate(ws, opts)),
            other => return Err(GenError::UnknownSurface(other.to_string())),
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
