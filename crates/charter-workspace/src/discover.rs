//! Which files make up a workspace.

use std::path::{Path, PathBuf};

use charter_model::Format;

use crate::config::{self, Config};

/// Where contracts come from: the workspace root (for paths and config) and the files.
#[derive(Debug, Clone)]
pub struct Discovery {
    pub root: PathBuf,
    /// Path of the `charter.toml` used, if any.
    pub config_path: Option<PathBuf>,
    pub files: Vec<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("{0}: no such file or folder")]
    NotFound(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Files that live beside contracts in many repositories but are never contracts; skipped
/// when a folder without `charter.toml` is scanned.
const NOT_CONTRACTS: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "pyproject.toml",
    "package.json",
    "package-lock.json",
    "tsconfig.json",
    "rust-toolchain.toml",
    "rustfmt.toml",
    "clippy.toml",
    "deny.toml",
    ".golangci.yml",
    "docker-compose.yml",
    "docker-compose.yaml",
    "pnpm-lock.yaml",
];

/// Finds the `charter.toml` in `dir` or its ancestors.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    let start = if start.is_file() {
        start.parent()?
    } else {
        start
    };
    let start = std::fs::canonicalize(start).ok()?;
    start
        .ancestors()
        .map(|d| d.join(config::FILE_NAME))
        .find(|p| p.is_file())
}

/// Resolves the inputs of `charter validate [PATH...]` into files.
///
/// A folder with a `charter.toml` contributes the folders its config names; a folder without
/// one is scanned whole; a file is taken as is. The config of the first input that has one
/// (in itself or an ancestor) applies.
pub fn discover(
    inputs: &[PathBuf],
    config: &Config,
    config_dir: Option<&Path>,
) -> Result<Vec<PathBuf>, DiscoverError> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => DiscoverError::NotFound(input.display().to_string()),
            _ => DiscoverError::Io {
                path: input.display().to_string(),
                source: e,
            },
        })?;
        if meta.is_file() {
            files.push(input.clone());
            continue;
        }
        let has_config = input.join(config::FILE_NAME).is_file();
        let same_root = config_dir
            .zip(std::fs::canonicalize(input).ok())
            .is_some_and(|(c, i)| c == i);
        if has_config || same_root {
            for folder in &config.workspace.contracts {
                let dir = input.join(folder);
                if dir.is_dir() {
                    walk(&dir, false, &mut files)?;
                } else if dir.is_file() {
                    files.push(dir);
                }
            }
        } else {
            walk(input, true, &mut files)?;
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path, skip_known: bool, files: &mut Vec<PathBuf>) -> Result<(), DiscoverError> {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0
                || !(name.starts_with('.')
                    || (e.file_type().is_dir() && (name == "node_modules" || name == "target")))
        });
    for entry in walker {
        let entry = match entry {
            // A link back to an ancestor folder: its files are visited by their real path.
            Err(e) if e.loop_ancestor().is_some() => continue,
            // A dangling link: one bad link must not stop the run. A contract file is kept
            // (reading it gives an `io` error naming it); anything else is skipped.
            Err(e) if e.path().is_some_and(|p| p.is_symlink() && !p.exists()) => {
                if let Some(p) = e.path().filter(|p| Format::from_path(p).is_some()) {
                    files.push(p.to_path_buf());
                }
                continue;
            }
            other => other,
        };
        let entry = entry.map_err(|e| DiscoverError::Io {
            path: e.path().unwrap_or(dir).display().to_string(),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("filesystem loop")),
        })?;
        if !entry.file_type().is_file() || Format::from_path(entry.path()).is_none() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name == config::FILE_NAME || (skip_known && NOT_CONTRACTS.contains(&name.as_ref())) {
            continue;
        }
        files.push(entry.into_path());
    }
    Ok(())
}
