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

use std::collections::HashMap;

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
    let include_unstable =
        opts.include_unstable || head.config.rule_level(EXEMPT_SETTING, None) == Some(Level::Off);
    let mut keys: Vec<&(Kind, String)> = base.registry.keys().chain(head.registry.keys()).collect();
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
                    let rel = f.abs.strip_prefix(&base.root).unwrap_or(&f.abs);
                    (
                        display_path(&head.root.join(rel)),
                        base_loc.span(side, &pointer),
                    )
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
                    format!("{kind} `{key}` {} was removed", bl.contract.meta().version),
                    bl,
                    false,
                );
                report.changes.push(c);
            }
            (None, Some(hl)) => {
                let c = place(
                    "contract-added",
                    "/meta/key".into(),
                    format!("{kind} `{key}` {} was added", hl.contract.meta().version),
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
