//! Where each contract came from, computed once per generation run: the path of its file
//! relative to the workspace root, and the text of its document.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use charter_workspace::{Loaded, Workspace};

pub struct Sources {
    root: PathBuf,
    canonical_root: Option<PathBuf>,
    /// Number of contracts per file (a multi-document file shows one document per page).
    per_file: Vec<usize>,
    /// File texts, read once (pages of several surfaces and documents share them).
    texts: Vec<OnceLock<String>>,
}

impl Sources {
    pub fn new(ws: &Workspace) -> Sources {
        let mut per_file = vec![0; ws.files.len()];
        for l in &ws.contracts {
            per_file[l.file] += 1;
        }
        Sources {
            root: ws.root.clone(),
            canonical_root: std::fs::canonicalize(&ws.root).ok(),
            texts: (0..per_file.len()).map(|_| OnceLock::new()).collect(),
            per_file,
        }
    }

    /// Path of a contract's file relative to the workspace root, with `/`.
    pub fn path(&self, ws: &Workspace, l: &Loaded) -> String {
        let abs = &ws.files[l.file].abs;
        let rel = abs
            .strip_prefix(&self.root)
            .ok()
            .map(Path::to_path_buf)
            .or_else(|| {
                let canon = std::fs::canonicalize(abs).ok()?;
                let root = self.canonical_root.as_ref()?;
                canon.strip_prefix(root).ok().map(Path::to_path_buf)
            });
        rel.unwrap_or_else(|| abs.clone())
            .to_string_lossy()
            .replace('\\', "/")
    }

    /// The text of the document that defines a contract.
    pub fn text(&self, ws: &Workspace, l: &Loaded) -> String {
        let text = self.texts[l.file].get_or_init(|| {
            let text = std::fs::read_to_string(&ws.files[l.file].abs).unwrap_or_default();
            // Spans are relative to the text after its byte-order mark (`parse::decode`).
            match text.strip_prefix('\u{feff}') {
                Some(t) => t.to_string(),
                None => text,
            }
        });
        if self.per_file[l.file] <= 1 {
            return text.clone();
        }
        text.get(l.span.range()).unwrap_or(text).to_string()
    }
}
