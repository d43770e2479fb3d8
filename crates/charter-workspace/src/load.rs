//! Loading a workspace: files are read and parsed in parallel; each document is checked by a
//! caller-supplied function while its position tree is alive, then only the typed contract
//! and the few positions later checks need are kept (so memory stays flat at 50k contracts).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use charter_diagnostics::Diagnostic;
use charter_model::{de, parse, Contract, Format, Node, Span};

use crate::config::{self, Config};
use crate::discover::{self, DiscoverError};
use crate::refs::{self, RefSite};
use crate::registry::Registry;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to people.
    pub path: String,
    pub abs: PathBuf,
    pub format: Format,
}

/// A contract that loaded, with the positions that workspace-wide checks report.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub contract: Contract,
    /// Index into [`Workspace::files`].
    pub file: usize,
    /// Position of the document within its file (0 for single-document files).
    pub doc_index: usize,
    pub span: Span,
    pub key_span: Span,
    pub version_span: Span,
    pub refs: Vec<RefSite>,
}

/// What a per-document check sees.
pub struct DocContext<'a> {
    pub file: &'a SourceFile,
    pub text: &'a str,
    pub node: &'a Node,
    pub contract: &'a Contract,
    pub config: &'a Config,
}

impl DocContext<'_> {
    /// Position of a JSON Pointer in this document (value position).
    pub fn span(&self, pointer: &str) -> Span {
        self.node.locate(pointer, false)
    }
    /// Position of the key of a JSON Pointer's entry.
    pub fn key_span(&self, pointer: &str) -> Span {
        self.node.locate(pointer, true)
    }
    pub fn error(&self, code: &str, message: impl Into<String>, pointer: &str) -> Diagnostic {
        Diagnostic::error(code, message, &self.file.path, self.span(pointer))
    }
    pub fn warning(&self, code: &str, message: impl Into<String>, pointer: &str) -> Diagnostic {
        Diagnostic::warning(code, message, &self.file.path, self.span(pointer))
    }
}

pub type DocCheck<'a> = &'a (dyn Fn(&DocContext<'_>) -> Vec<Diagnostic> + Sync);

/// How much of each contract to keep after its per-document checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retain {
    /// Everything (for generation, diff, show).
    Full,
    /// Without schemas and examples (for validation alone: memory stays flat).
    Summary,
}

#[derive(Debug)]
pub struct Workspace {
    /// Folder of the `charter.toml`, or the first input folder.
    pub root: PathBuf,
    pub config: Config,
    pub config_path: Option<PathBuf>,
    pub files: Vec<SourceFile>,
    pub contracts: Vec<Loaded>,
    pub registry: Registry,
    /// Problems found while loading (parse errors, model errors, per-document checks).
    pub diagnostics: Vec<Diagnostic>,
    /// When the inputs were files or folders inside a workspace, the whole workspace is
    /// loaded (so references resolve) and reports are limited to these canonical paths.
    pub scope: Option<Vec<PathBuf>>,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    /// `charter.toml` is broken.
    #[error("{}", .0.message)]
    Config(Box<Diagnostic>),
}

/// What [`Workspace::discover_scoped`] found.
pub struct Discovered {
    pub config: Config,
    pub config_path: Option<PathBuf>,
    pub root: PathBuf,
    pub files: Vec<PathBuf>,
    pub scope: Option<Vec<PathBuf>>,
}

/// `dir` relative to the current folder when that is shorter to read (`.`, `../..`).
fn relative_to_cwd(dir: &Path) -> PathBuf {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| std::fs::canonicalize(c).ok());
    match cwd.and_then(|c| pathdiff::diff_paths(dir, c)) {
        Some(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
        Some(rel) if rel.components().count() <= dir.components().count() => rel,
        _ => dir.to_path_buf(),
    }
}

/// The same file named twice (`a/f.yaml`, `./a/f.yaml`, an absolute path) is read once.
fn dedupe_by_real_path(files: &mut Vec<PathBuf>) {
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
}

fn missing_folder(config_path: &Path, inputs: &[PathBuf], folder: &str) -> Diagnostic {
    let display = display_config(config_path, inputs);
    let text = std::fs::read_to_string(config_path).unwrap_or_default();
    let span = text
        .find(&format!("\"{folder}\""))
        .map(|at| charter_model::LineIndex::new(&text).span(&text, at, at + folder.len() + 2))
        .unwrap_or_default();
    Diagnostic::error(
        "contracts-folder-missing",
        format!("the contract folder `{folder}` does not exist"),
        &display,
        span,
    )
    .with_help("create the folder, or fix `[workspace] contracts` in charter.toml")
}

/// A path as people should see it: relative when it was given relative, without `./`.
pub fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

impl Workspace {
    /// Finds the configuration and files for `inputs` (the current folder when empty).
    pub fn discover(
        inputs: &[PathBuf],
    ) -> Result<(Config, Option<PathBuf>, PathBuf, Vec<PathBuf>), OpenError> {
        let d = Workspace::discover_scoped(inputs)?;
        Ok((d.config, d.config_path, d.root, d.files))
    }

    /// [`Workspace::discover`], and the scope when the inputs lie inside a workspace.
    pub fn discover_scoped(inputs: &[PathBuf]) -> Result<Discovered, OpenError> {
        let inputs: Vec<PathBuf> = if inputs.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            inputs.to_vec()
        };
        for input in &inputs {
            if !input.exists() && !input.is_symlink() {
                return Err(DiscoverError::NotFound(display_path(input)).into());
            }
        }
        let config_path = inputs.iter().find_map(|i| discover::find_config(i));
        let config = match &config_path {
            Some(p) => Config::load(p, &display_config(p, &inputs)).map_err(OpenError::Config)?,
            None => Config::default(),
        };
        let config_dir = config_path.as_deref().and_then(Path::parent);
        let canonical: Vec<Option<PathBuf>> = inputs
            .iter()
            .map(|i| std::fs::canonicalize(i).ok())
            .collect();
        let mut scope = None;
        let (root, mut files) = match config_dir {
            Some(dir) => {
                let root = relative_to_cwd(dir);
                if let Some(missing) = config
                    .workspace
                    .contracts
                    .iter()
                    .find(|f| !dir.join(f).exists())
                {
                    let path = config_path.as_deref().unwrap_or(dir);
                    return Err(OpenError::Config(Box::new(missing_folder(
                        path, &inputs, missing,
                    ))));
                }
                let is_root = |c: &Option<PathBuf>| c.as_deref() == Some(dir);
                let inside = |c: &Option<PathBuf>| c.as_deref().is_some_and(|c| c.starts_with(dir));
                let mut files =
                    discover::discover(std::slice::from_ref(&root), &config, Some(dir))?;
                if !canonical.iter().all(is_root) {
                    if canonical.iter().all(inside) {
                        // Inputs inside the workspace: load it all, report on the inputs.
                        scope = Some(canonical.iter().flatten().cloned().collect());
                    } else {
                        files.clear();
                    }
                    files.extend(discover::discover(&inputs, &config, Some(dir))?);
                }
                (root, files)
            }
            None => {
                let root = if inputs[0].is_dir() {
                    inputs[0].clone()
                } else {
                    inputs[0]
                        .parent()
                        .map(Path::to_path_buf)
                        .unwrap_or_default()
                };
                (root, discover::discover(&inputs, &config, None)?)
            }
        };
        if inputs.len() > 1 || scope.is_some() {
            dedupe_by_real_path(&mut files);
        }
        Ok(Discovered {
            config,
            config_path,
            root,
            files,
            scope,
        })
    }

    /// Discovers and loads. `check` runs on every document that fits the model.
    pub fn open(
        inputs: &[PathBuf],
        check: DocCheck<'_>,
        retain: Retain,
    ) -> Result<Workspace, OpenError> {
        let d = Workspace::discover_scoped(inputs)?;
        let mut ws = Workspace::load(d.config, d.config_path, d.root, &d.files, check, retain);
        ws.scope = d.scope;
        Ok(ws)
    }

    /// Whether a diagnostic's file is within the scope of the inputs.
    pub fn in_scope(&self, file: &str) -> bool {
        match &self.scope {
            None => true,
            Some(scope) => std::fs::canonicalize(file)
                .map(|f| scope.iter().any(|s| f.starts_with(s)))
                .unwrap_or(true),
        }
    }

    pub fn load(
        config: Config,
        config_path: Option<PathBuf>,
        root: PathBuf,
        paths: &[PathBuf],
        check: DocCheck<'_>,
        retain: Retain,
    ) -> Workspace {
        let results: Vec<FileResult> = paths
            .par_iter()
            .map(|p| load_file(p, &config, check, retain))
            .collect();
        let mut files = Vec::with_capacity(results.len());
        // Sized once: a `Loaded` is large, and growing the vector step by step copies it
        // all each time into fresh memory.
        let mut contracts = Vec::with_capacity(results.iter().map(|r| r.contracts.len()).sum());
        let mut diagnostics = Vec::with_capacity(results.iter().map(|r| r.diagnostics.len()).sum());
        let mut broken = HashSet::new();
        for (i, r) in results.into_iter().enumerate() {
            files.push(r.file);
            contracts.extend(r.contracts.into_iter().map(|mut l| {
                l.file = i;
                l
            }));
            diagnostics.extend(r.diagnostics);
            broken.extend(r.broken);
        }
        let registry = Registry::build(&contracts, &config.workspace.external_capabilities, broken);
        Workspace {
            root,
            config,
            config_path,
            files,
            contracts,
            registry,
            diagnostics,
            scope: None,
        }
    }

    pub fn file_of(&self, l: &Loaded) -> &SourceFile {
        &self.files[l.file]
    }
}

fn display_config(p: &Path, inputs: &[PathBuf]) -> String {
    // Show the config path relative to the current folder when it is inside it.
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| std::fs::canonicalize(c).ok());
    match cwd.and_then(|c| p.strip_prefix(&c).ok().map(Path::to_path_buf)) {
        Some(rel) => display_path(&rel),
        None if inputs.is_empty() => config::FILE_NAME.to_string(),
        None => display_path(p),
    }
}

struct FileResult {
    file: SourceFile,
    contracts: Vec<Loaded>,
    diagnostics: Vec<Diagnostic>,
    broken: Vec<String>,
}

fn load_file(path: &Path, config: &Config, check: DocCheck<'_>, retain: Retain) -> FileResult {
    let display = display_path(path);
    let format = Format::from_path(path).unwrap_or(Format::Yaml);
    let mut out = FileResult {
        file: SourceFile {
            path: display.clone(),
            abs: path.to_path_buf(),
            format,
        },
        contracts: Vec::new(),
        diagnostics: Vec::new(),
        broken: Vec::new(),
    };
    let fail = |code: &str, message: String, span: Span, help: Option<String>| {
        let mut d = Diagnostic::error(code, message, &display, span);
        d.help = help;
        d
    };
    let max = config.workspace.max_file_size;
    let bytes = match read_limited(path, max) {
        Ok(Ok(b)) => b,
        Ok(Err(len)) => {
            out.diagnostics.push(fail(
                "file-too-large",
                format!("the file is {len} bytes; contract files are limited to {max} bytes"),
                Span::new(0, 0, 1, 1),
                Some("split it into several files, or raise `workspace.max-file-size` in charter.toml".into()),
            ));
            return out;
        }
        Err(e) => {
            out.diagnostics.push(fail(
                "io",
                format!("cannot read the file: {e}"),
                Span::new(0, 0, 1, 1),
                None,
            ));
            return out;
        }
    };
    let text = match parse::decode(&bytes) {
        Ok(t) => t,
        Err(e) => {
            out.diagnostics
                .push(fail(e.code, e.message, e.span, e.help));
            return out;
        }
    };
    // Charter's own output (an output folder inside a contracts folder, or a folder scanned
    // without charter.toml) is not a contract.
    let head = &text[..text.floor_char_boundary(512)];
    if head.contains(charter_model::GENERATED_MARKER) {
        return out;
    }
    let docs = match parse::parse(text, format) {
        Ok(d) => d,
        Err(e) => {
            out.diagnostics
                .push(fail(e.code, e.message, e.span, e.help));
            // The file's contracts are unknown; references to keys it seems to declare are
            // not reported, so that one syntax error does not bury itself in false ones.
            out.broken.extend(guess_keys(text));
            return out;
        }
    };
    for (doc_index, node) in docs.iter().enumerate() {
        match de::from_node::<Contract>(node) {
            Ok(mut contract) => {
                let ctx = DocContext {
                    file: &out.file,
                    text,
                    node,
                    contract: &contract,
                    config,
                };
                out.diagnostics.extend(check(&ctx));
                let refs = refs::collect(&contract, &|p| node.locate(p, false));
                if retain == Retain::Summary {
                    contract.strip_bodies();
                }
                out.contracts.push(Loaded {
                    file: 0,
                    doc_index,
                    span: node.span,
                    key_span: node.locate("/meta/key", false),
                    version_span: node.locate("/meta/version", false),
                    refs,
                    contract,
                });
            }
            Err(e) => {
                if let Some(key) = node.pointer("/meta/key").and_then(Node::as_str) {
                    out.broken.push(key.to_string());
                }
                out.diagnostics.push(model_error(&display, node, e));
            }
        }
    }
    out
}

/// The bytes of a file, or its length when that is over `max`. One open for the size check
/// and the read (the size comes from the open file), into a buffer of the file's size.
fn read_limited(path: &Path, max: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > max {
        return Ok(Err(len));
    }
    // One byte more than the size, so that reaching the end needs no second allocation.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.read_to_end(&mut bytes)?;
    Ok(Ok(bytes))
}

/// Values of lines that look like `key: a.b` (YAML), `"key": "a.b"` (JSON) or `key = "a.b"`
/// (TOML), read from text that did not parse.
fn guess_keys(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim_start().trim_start_matches(['"', '\'']);
            let rest = rest
                .strip_prefix("key")?
                .trim_start_matches(['"', '\''])
                .trim_start();
            let rest = rest
                .strip_prefix([':', '='])?
                .trim_start()
                .trim_start_matches(['"', '\'']);
            let key: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
                .collect();
            key.contains('.').then_some(key)
        })
        .collect()
}

/// A document that does not fit the model. Errors on a few well-known fields get the ID of
/// the rule that governs them.
fn model_error(file: &str, node: &Node, e: de::DeError) -> Diagnostic {
    let pointer = e.pointer();
    let code = match (pointer.as_str(), e.code) {
        ("/kind", "invalid-value") => "unknown-kind",
        ("/meta/stability", "invalid-value") => "meta-stability",
        ("/meta/kind", "invalid-value") => "meta-operation-kind",
        (_, code) => code,
    };
    let span = e.span.unwrap_or(node.span);
    let mut d = Diagnostic::error(code, e.message, file, span);
    d.help = e.help;
    if !pointer.is_empty() {
        d.note = Some(format!("at {pointer}"));
    }
    d
}
