//! Where each contract came from, computed once per generation run: the path of its file
//! relative to the workspace root, and the text of its document.

use std::path::{Path, PathBuf};

use charter_workspace::{Loaded, Workspace};

pub struct Sources {
    root: PathBuf,
    canonical_root: Option<PathBuf>,
    /// Number of contracts per file (a multi-document file shows one document per page).
    per_file: Vec<usize>,
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

    /// The text of the document that defines a contract. Read when asked, not kept: pages
    /// are built in parallel and dropped once written, and so are their sources.
    pub fn text(&self, ws: &Workspace, l: &Loaded) -> String {
        let mut text = std::fs::read_to_string(&ws.files[l.file].abs).unwrap_or_default();
        // Spans are relative to the text after its byte-order mark (`parse::decode`).
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if self.per_file[l.file] <= 1 {
            return text;
        }
        match text.get(l.span.range()) {
            Some(doc) => doc.to_string(),
            None => text,
        }
    }
}
