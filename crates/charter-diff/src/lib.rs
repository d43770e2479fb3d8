//! Breaking-change detection between two versions of a workspace.
//!
//! Contracts are matched by (kind, key); the highest version on each side is compared. Every
//! change gets a rule ID from [`rules::RULES`] and a class (breaking, non-breaking, info).
//! Changes to contracts that were below `stable` in the base are exempt: they are reported
//! with class `info` unless [`Options::include_unstable`] is set. A breaking change without
//! the version bump it needs (major, or minor for 0.x) is reported as `major-bump-required`.

pub mod base;
mod contract;
pub mod rules;
mod schema;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use charter_diagnostics::{Diagnostic, Label, Severity};
use charter_model::{parse, Contract, Kind, Node, Span, Stability};
use charter_workspace::{load::display_path, Level, Loaded, Workspace};
use serde::Serialize;

pub use rules::Class;

/// The ID of the gate diagnostic for a missing version bump.
pub const BUMP_RULE: &str = "major-bump-required";

/// The `[rules]` entry that, set to `off`, stops exempting contracts below `stable`.
pub const EXEMPT_SETTING: &str = "unstable-contract-exempt";

/// One change inside a contract, before it is placed in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub rule: &'static str,
    /// JSON Pointer into the document (head side, or base side for removed contracts).
    pub pointer: String,
    pub message: String,
}

/// Collects changes.
#[derive(Default)]
pub struct Out {
    pub changes: Vec<Change>,
}

impl Out {
    pub(crate) fn push(&mut self, rule: &'static str, pointer: &str, message: String) {
        debug_assert!(rules::find(rule).is_some(), "unknown change rule {rule}");
        self.changes.push(Change {
            rule,
            pointer: pointer.to_string(),
            message,
        });
    }
}

/// Changes between two versions of one contract (same kind and key).
pub fn diff_contracts(base: &Contract, head: &Contract) -> Vec<Change> {
    let mut out = Out::default();
    contract::diff(&mut out, base, head);
    out.changes
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Classify changes to contracts below `stable` like any other.
    pub include_unstable: bool,
}

/// A change placed in a file, with its effective class.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Located {
    pub rule: &'static str,
    /// Effective class (`info` for an exempt breaking change).
    pub class: Class,
    /// The rule's own class.
    pub rule_class: Class,
    /// The contract was below `stable` in the base, so the change does not gate.
    pub exempt: bool,
    pub kind: Kind,
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head_version: Option<String>,
    pub pointer: String,
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    #[serde(skip)]
    pub span: Span,
}

/// A contract with breaking changes whose version was not bumped enough.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BumpRequired {
    pub kind: Kind,
    pub key: String,
    pub base_version: String,
    pub head_version: String,
    /// The smallest version that would do.
    pub required_version: String,
    pub breaking: usize,
    pub file: String,
    pub line: u32,
    pub column: u32,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub changes: Vec<Located>,
    pub bumps: Vec<BumpRequired>,
}

impl Report {
    pub fn count(&self, class: Class) -> usize {
        self.changes.iter().filter(|c| c.class == class).count()
    }
    pub fn has_breaking(&self) -> bool {
        self.count(Class::Breaking) > 0
    }

    /// Diagnostics for reports: a breaking change is an error when its contract lacks the
    /// version bump it needs and a warning otherwise; other changes are infos.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let unbumped: std::collections::HashSet<(Kind, &str)> = self
            .bumps
            .iter()
            .map(|b| (b.kind, b.key.as_str()))
            .collect();
        let mut out = Vec::new();
        for c in &self.changes {
            let severity = match c.class {
                Class::Breaking if unbumped.contains(&(c.kind, c.key.as_str())) => Severity::Error,
                Class::Breaking => Severity::Warning,
                _ => Severity::Info,
            };
            let mut d = Diagnostic::new(
                c.rule,
                severity,
                format!("{} `{}`: {}", c.kind, c.key, c.message),
                Label::new(&c.file, c.span, ""),
            )
            .with_note(format!("{} change", c.rule_class.as_str()));
            if c.exempt {
                d = d.with_note(format!(
                    "{} change, exempt: the contract was below stable in the base",
                    c.rule_class.as_str()
                ));
            }
            out.push(d);
        }
        for b in &self.bumps {
            out.push(
                Diagnostic::error(
                    BUMP_RULE,
                    format!(
                        "{} `{}` has {} breaking change(s) but its version went from {} to {}",
                        b.kind, b.key, b.breaking, b.base_version, b.head_version
                    ),
                    &b.file,
                    b.span,
                )
                .with_help(format!(
                    "bump `meta.version` to {} or higher, or make the changes backward compatible",
                    b.required_version
                )),
            );
        }
        out
    }
}

fn below_stable(s: Stability) -> bool {
    s < Stability::Stable
}

/// The smallest version that a breaking change needs after `base`.
pub fn required_bump(base: &semver::Version) -> semver::Version {
    if base.major == 0 {
        semver::Version::new(0, base.minor + 1, 0)
    } else {
        semver::Version::new(base.major + 1, 0, 0)
    }
}

/// Positions of JSON Pointers in loaded contracts, parsing each file at most once.
struct Locator<'w> {
    ws: &'w Workspace,
    cache: HashMap<usize, Option<Vec<Node>>>,
}

impl<'w> Locator<'w> {
    fn new(ws: &'w Workspace) -> Self {
        Locator {
            ws,
            cache: HashMap::new(),
        }
    }
    fn span(&mut self, l: &Loaded, pointer: &str) -> Span {
        let ws = self.ws;
        let docs = self.cache.entry(l.file).or_insert_with(|| {
            let f = &ws.files[l.file];
            let bytes = std::fs::read(&f.abs).ok()?;
            let text = parse::decode(&bytes).ok()?;
            parse::parse(text, f.format).ok()
        });
        docs.as_ref()
            .and_then(|d| d.get(l.doc_index))
            .map(|n| n.locate(pointer, false))
            .unwrap_or(l.key_span)
    }
}

/// Compares the base workspace with the head workspace.
pub fn diff_workspaces(base: &Workspace, head: &Workspace, opts: &Options) -> Report {
    diff_keys(base, head, opts, None)
}

/// Compares a base loaded with [`load_changed`] with the head: only the keys that may have
/// changed are compared.
pub fn diff_changed(base: &ChangedBase, head: &Workspace, opts: &Options) -> Report {
    diff_keys(&base.workspace, head, opts, Some(&base.keys))
}

fn diff_keys(
    base: &Workspace,
    head: &Workspace,
    opts: &Options,
    only: Option<&HashSet<(Kind, String)>>,
) -> Report {
    let include_unstable =
        opts.include_unstable || head.config.rule_level(EXEMPT_SETTING, None) == Some(Level::Off);
    let mut keys: Vec<&(Kind, String)> = match only {
        Some(set) => set.iter().collect(),
        None => base.registry.keys().chain(head.registry.keys()).collect(),
    };
    keys.sort();
    keys.dedup();
    let mut report = Report::default();
    let mut head_loc = Locator::new(head);
    let mut base_loc = Locator::new(base);
    for (kind, key) in keys {
        let b = base
            .registry
            .versions(*kind, key)
            .first()
            .map(|&i| &base.contracts[i]);
        let h = head
            .registry
            .versions(*kind, key)
            .first()
            .map(|&i| &head.contracts[i]);
        let exempt =
            !include_unstable && b.is_some_and(|b| below_stable(b.contract.meta().stability));
        let mut place =
            |rule: &'static str, pointer: String, message: String, side: &Loaded, on_head: bool| {
                let (file, span) = if on_head {
                    (
                        head.file_of(side).path.clone(),
                        head_loc.span(side, &pointer),
                    )
                } else {
                    let f = base.file_of(side);
                    let file = match relative_to(&f.abs, &base.root) {
                        Some(rel) => head_display(head, &rel),
                        None => f.path.clone(),
                    };
                    (file, base_loc.span(side, &pointer))
                };
                let rule_class = rules::class_of(rule);
                let class = if exempt && rule_class == Class::Breaking {
                    Class::Info
                } else {
                    rule_class
                };
                Located {
                    rule,
                    class,
                    rule_class,
                    exempt: exempt && rule_class == Class::Breaking,
                    kind: *kind,
                    key: key.clone(),
                    base_version: b.map(|b| b.contract.meta().version.clone()),
                    head_version: h.map(|h| h.contract.meta().version.clone()),
                    pointer,
                    message,
                    file,
                    line: span.line,
                    column: span.col,
                    span,
                }
            };
        match (b, h) {
            (Some(bl), None) => {
                let c = place(
                    "contract-removed",
                    "/meta/key".into(),
                    format!("version {} was removed", bl.contract.meta().version),
                    bl,
                    false,
                );
                report.changes.push(c);
            }
            (None, Some(hl)) => {
                let c = place(
                    "contract-added",
                    "/meta/key".into(),
                    format!("version {} was added", hl.contract.meta().version),
                    hl,
                    true,
                );
                report.changes.push(c);
            }
            (Some(bl), Some(hl)) => {
                let start = report.changes.len();
                for ch in diff_contracts(&bl.contract, &hl.contract) {
                    let c = place(ch.rule, ch.pointer, ch.message, hl, true);
                    report.changes.push(c);
                }
                let breaking = report.changes[start..]
                    .iter()
                    .filter(|c| c.class == Class::Breaking)
                    .count();
                if breaking == 0 {
                    continue;
                }
                let (vb, vh) = (&bl.contract.meta().version, &hl.contract.meta().version);
                if let (Ok(sb), Ok(sh)) = (semver::Version::parse(vb), semver::Version::parse(vh)) {
                    let need = required_bump(&sb);
                    if sh < need {
                        report.bumps.push(BumpRequired {
                            kind: *kind,
                            key: key.clone(),
                            base_version: vb.clone(),
                            head_version: vh.clone(),
                            required_version: need.to_string(),
                            breaking,
                            file: head.file_of(hl).path.clone(),
                            line: hl.version_span.line,
                            column: hl.version_span.col,
                            span: hl.version_span,
                        });
                    }
                }
            }
            (None, None) => {}
        }
    }
    report
}

/// Loads a workspace for comparison (no validation checks run).
pub fn load(root: &std::path::Path) -> Result<Workspace, charter_workspace::load::OpenError> {
    Workspace::open(
        &[root.to_path_buf()],
        &|_| Vec::new(),
        charter_workspace::Retain::Full,
    )
}

/// The `charter diff --format json` document, schema `charter.diff/v1`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonReport<'a> {
    pub schema: &'static str,
    pub base: &'a str,
    pub summary: JsonSummary,
    pub changes: &'a [Located],
    pub bumps: &'a [BumpRequired],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonSummary {
    pub breaking: usize,
    pub non_breaking: usize,
    pub info: usize,
    pub exempt: usize,
    pub bumps_required: usize,
}

impl Report {
    pub fn summary(&self) -> JsonSummary {
        JsonSummary {
            breaking: self.count(Class::Breaking),
            non_breaking: self.count(Class::NonBreaking),
            info: self.count(Class::Info),
            exempt: self.changes.iter().filter(|c| c.exempt).count(),
            bumps_required: self.bumps.len(),
        }
    }
    pub fn json<'a>(&'a self, base: &'a str) -> JsonReport<'a> {
        JsonReport {
            schema: "charter.diff/v1",
            base,
            summary: self.summary(),
            changes: &self.changes,
            bumps: &self.bumps,
        }
    }
}

fn canonical(p: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(p).ok()
}

/// `path` relative to `root`, both resolved.
fn relative_to(path: &Path, root: &Path) -> Option<PathBuf> {
    let (p, r) = (canonical(path)?, canonical(root)?);
    p.strip_prefix(&r).ok().map(Path::to_path_buf)
}

/// How the head would show a path relative to its root (the same prefix its files use).
fn head_display(head: &Workspace, rel: &Path) -> String {
    let prefix = head
        .files
        .iter()
        .find_map(|f| {
            let r = relative_to(&f.abs, &head.root)?;
            let shown = f.abs.to_string_lossy();
            let tail = r.to_string_lossy();
            shown.strip_suffix(tail.as_ref()).map(String::from)
        })
        .unwrap_or_default();
    display_path(Path::new(&format!("{prefix}{}", rel.display())))
}

/// A base workspace that holds only what may differ from the head: the contracts of the
/// base files whose bytes differ from the head's file at the same place (or that the head
/// does not have), plus, for the keys those touch, the head's contracts from identical files
/// (identical bytes, identical contracts).
pub struct ChangedBase {
    pub workspace: Workspace,
    /// The (kind, key) pairs worth comparing.
    pub keys: HashSet<(Kind, String)>,
    /// Base files read, and how many of them differ from the head.
    pub files: usize,
    pub changed_files: usize,
}

/// Loads the base at `root` incrementally against an already loaded `head`.
pub fn load_changed(
    root: &Path,
    head: &Workspace,
) -> Result<ChangedBase, charter_workspace::load::OpenError> {
    let (config, config_path, base_root, files) = Workspace::discover(&[root.to_path_buf()])?;
    let head_root = canonical(&head.root).unwrap_or_else(|| head.root.clone());
    let base_canon = canonical(&base_root).unwrap_or_else(|| base_root.clone());
    let same = |f: &PathBuf| -> bool {
        let Some(rel) =
            canonical(f).and_then(|p| p.strip_prefix(&base_canon).ok().map(Path::to_path_buf))
        else {
            return false;
        };
        let other = head_root.join(rel);
        match (std::fs::metadata(f), std::fs::metadata(&other)) {
            (Ok(a), Ok(b)) if a.len() == b.len() => {
                matches!((std::fs::read(f), std::fs::read(&other)), (Ok(x), Ok(y)) if x == y)
            }
            _ => false,
        }
    };
    use rayon::prelude::*;
    let flags: Vec<bool> = files.par_iter().map(same).collect();
    let identical: HashSet<PathBuf> = files
        .iter()
        .zip(&flags)
        .filter(|(_, s)| **s)
        .filter_map(|(f, _)| {
            canonical(f)?
                .strip_prefix(&base_canon)
                .ok()
                .map(|r| head_root.join(r))
        })
        .collect();
    let changed: Vec<PathBuf> = files
        .iter()
        .zip(&flags)
        .filter(|(_, s)| !**s)
        .map(|(f, _)| f.clone())
        .collect();
    let mut ws = Workspace::load(
        config,
        config_path,
        base_root,
        &changed,
        &|_| Vec::new(),
        charter_workspace::Retain::Full,
    );
    // Head files with identical bytes in the base.
    let head_same: Vec<bool> = head
        .files
        .par_iter()
        .map(|f| canonical(&f.abs).is_some_and(|p| identical.contains(&p)))
        .collect();
    let mut keys: HashSet<(Kind, String)> = ws
        .contracts
        .iter()
        .map(|l| (l.contract.kind(), l.contract.meta().key.clone()))
        .collect();
    keys.extend(
        head.contracts
            .iter()
            .filter(|l| !head_same[l.file])
            .map(|l| (l.contract.kind(), l.contract.meta().key.clone())),
    );
    let mut file_map: HashMap<usize, usize> = HashMap::new();
    for l in head.contracts.iter().filter(|l| head_same[l.file]) {
        if !keys.contains(&(l.contract.kind(), l.contract.meta().key.clone())) {
            continue;
        }
        let idx = *file_map.entry(l.file).or_insert_with(|| {
            ws.files.push(head.files[l.file].clone());
            ws.files.len() - 1
        });
        let mut copy = l.clone();
        copy.file = idx;
        ws.contracts.push(copy);
    }
    ws.registry = charter_workspace::Registry::build(
        &ws.contracts,
        &ws.config.workspace.external_capabilities,
        HashSet::new(),
    );
    Ok(ChangedBase {
        workspace: ws,
        keys,
        files: files.len(),
        changed_files: changed.len(),
    })
}
