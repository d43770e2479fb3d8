//! Charter's lint rules: style and governance advice on top of validation.
//!
//! Every rule lives in one file under `rules/` with its stable ID, a name, a default level,
//! its documentation (what, why, example, fix), its check and its tests. [`rules::RULES`] is
//! the registry; `charter.toml [rules]` sets any rule to `off`, `warn` or `error`, globally or
//! per contract kind.
//!
//! Two kinds of checks: document rules see one contract with its position tree
//! ([`DocContext`]), and run during loading; workspace rules see every loaded contract.

pub mod rules;
mod schema;
#[cfg(test)]
mod testing;

use charter_diagnostics::{Diagnostic, Severity};
use charter_model::Kind;
use charter_workspace::{Config, DocContext, Level, Workspace};

/// What a rule looks at.
#[derive(Clone, Copy)]
pub enum Check {
    /// One document at a time (with positions).
    Document(fn(&DocContext<'_>, &mut Vec<Diagnostic>)),
    /// The whole workspace; each finding names the contract (index into
    /// [`Workspace::contracts`]) it is about.
    Workspace(fn(&Workspace, &mut Vec<(usize, Diagnostic)>)),
}

/// One lint rule: identity, default level, documentation and check.
pub struct Rule {
    /// Stable kebab-case ID, named after the problem (`event-key-tense`).
    pub id: &'static str,
    /// Short human name.
    pub name: &'static str,
    pub default_level: Level,
    /// Kinds the rule looks at.
    pub kinds: &'static [Kind],
    /// What the rule reports.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A contract fragment that the rule reports.
    pub example: &'static str,
    /// What to write instead.
    pub fix: &'static str,
    pub check: Check,
}

impl Rule {
    /// The level that applies to a contract kind under a configuration.
    pub fn level(&self, config: &Config, kind: Kind) -> Level {
        config
            .rule_level(self.id, Some(kind.as_str()))
            .unwrap_or(self.default_level)
    }

    /// Documentation as Markdown (for `charter rule ID` and docs pages).
    pub fn markdown(&self) -> String {
        let kinds: Vec<&str> = self.kinds.iter().map(|k| k.as_str()).collect();
        format!(
            "# {id}: {name}\n\nDefault level: {level}. Applies to: {kinds}.\n\n## What it does\n\n{what}\n\n## Why\n\n{why}\n\n## Example\n\n```yaml\n{example}\n```\n\n## Fix\n\n{fix}\n",
            id = self.id,
            name = self.name,
            level = level_str(self.default_level),
            kinds = kinds.join(", "),
            what = self.what,
            why = self.why,
            example = self.example.trim_end(),
            fix = self.fix,
        )
    }
}

pub fn level_str(l: Level) -> &'static str {
    match l {
        Level::Off => "off",
        Level::Warn => "warn",
        Level::Error => "error",
    }
}

fn severity(l: Level) -> Option<Severity> {
    match l {
        Level::Off => None,
        Level::Warn => Some(Severity::Warning),
        Level::Error => Some(Severity::Error),
    }
}

/// Finds a rule by ID.
pub fn find(id: &str) -> Option<&'static Rule> {
    rules::RULES.iter().copied().find(|r| r.id == id)
}

/// Runs every document rule that is not `off` for this contract's kind.
pub fn check_document(ctx: &DocContext<'_>) -> Vec<Diagnostic> {
    let kind = ctx.contract.kind();
    let mut out = Vec::new();
    for rule in rules::RULES {
        let Check::Document(f) = rule.check else {
            continue;
        };
        if !rule.kinds.contains(&kind) {
            continue;
        }
        let Some(sev) = severity(rule.level(ctx.config, kind)) else {
            continue;
        };
        let start = out.len();
        f(ctx, &mut out);
        for d in &mut out[start..] {
            d.code = rule.id.to_string();
            d.severity = sev;
        }
    }
    out
}

/// Runs every workspace rule; levels are resolved per finding from its contract's kind.
pub fn check_workspace(ws: &Workspace) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules::RULES {
        let Check::Workspace(f) = rule.check else {
            continue;
        };
        if rule
            .kinds
            .iter()
            .all(|&k| rule.level(&ws.config, k) == Level::Off)
        {
            continue;
        }
        let mut found = Vec::new();
        f(ws, &mut found);
        for (i, mut d) in found {
            let kind = ws.contracts[i].contract.kind();
            if let Some(sev) = severity(rule.level(&ws.config, kind)) {
                d.code = rule.id.to_string();
                d.severity = sev;
                out.push(d);
            }
        }
    }
    out
}

/// Loads a workspace and runs every lint rule. The diagnostics are the loader's (files that
/// do not parse or do not fit the model cannot be linted) and the lint findings, sorted.
pub fn lint(
    inputs: &[std::path::PathBuf],
) -> Result<Workspace, charter_workspace::load::OpenError> {
    let mut ws = Workspace::open(inputs, &check_document, charter_workspace::Retain::Full)?;
    let more = check_workspace(&ws);
    ws.diagnostics.extend(more);
    charter_diagnostics::sort(&mut ws.diagnostics);
    Ok(ws)
}

/// The rule reference page (`docs/lint-rules.md`), generated from the registry.
pub fn docs_page() -> String {
    let mut out = String::from(
        "# Lint rules\n\n<!-- generated from crates/charter-lint by `UPDATE_DOCS=1 cargo test -p charter-lint`; do not edit -->\n\nSet any rule in `charter.toml`: `[rules] \"rule-id\" = \"off\" | \"warn\" | \"error\"`, or per kind: `\"rule-id\" = { operation = \"error\", default = \"off\" }`. `charter rule ID` prints one page.\n\n| rule | default | applies to | name |\n|---|---|---|---|\n",
    );
    for r in rules::RULES {
        let kinds: Vec<&str> = r.kinds.iter().map(|k| k.as_str()).collect();
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} | {} |\n",
            r.id,
            r.id,
            level_str(r.default_level),
            kinds.join(", "),
            r.name
        ));
    }
    for r in rules::RULES {
        out.push('\n');
        out.push_str(
            &r.markdown()
                .replacen("# ", "## ", 1)
                .replace("\n## ", "\n### "),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use charter_diagnostics::Severity;
    use charter_model::{de, parse, Contract, Format};
    use charter_workspace::{Config, DocContext, SourceFile};

    fn run(config: &Config, yaml: &str) -> Vec<(String, Severity)> {
        let nodes = parse::parse(yaml, Format::Yaml).expect("parses");
        let contract: Contract = de::from_node(&nodes[0]).expect("fits");
        let file = SourceFile {
            path: "x.yaml".into(),
            abs: "x.yaml".into(),
            format: Format::Yaml,
        };
        let ctx = DocContext {
            file: &file,
            text: yaml,
            node: &nodes[0],
            contract: &contract,
            config,
        };
        super::check_document(&ctx)
            .into_iter()
            .map(|d| (d.code, d.severity))
            .collect()
    }

    #[test]
    fn config_sets_levels_globally_and_per_kind() {
        let yaml =
            crate::testing::event("shop.cart.created", "payload: {}\n").replace("  title: T\n", "");
        let defaults = run(&Config::default(), &yaml);
        assert_eq!(
            defaults,
            [
                ("examples-missing".to_string(), Severity::Warning),
                ("title-missing".to_string(), Severity::Warning),
            ]
        );
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("charter.toml");
        std::fs::write(
            &path,
            "[rules]\n\"title-missing\" = \"error\"\n\"examples-missing\" = { event = \"off\", default = \"warn\" }\n\"property-description-missing\" = \"warn\"\n",
        )
        .expect("write");
        let config = Config::load(&path, "charter.toml").expect("config loads");
        let yaml = yaml.replace("payload: {}", "payload: {properties: {id: {type: string}}}");
        assert_eq!(
            run(&config, &yaml),
            [
                (
                    "property-description-missing".to_string(),
                    Severity::Warning
                ),
                ("title-missing".to_string(), Severity::Error),
            ]
        );
    }
}
