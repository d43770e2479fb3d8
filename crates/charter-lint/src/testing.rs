//! Test helpers: run one rule on fixture text and render its findings as
//! `line:col code: message` (document rules) or `file:line:col code: message` (workspace).

use charter_model::{de, parse, Contract, Format};
use charter_workspace::{Config, DocContext, SourceFile, Workspace};

use crate::{Check, Rule};

/// Runs a document rule on every document of a YAML text.
pub fn doc(rule: &Rule, yaml: &str) -> Vec<String> {
    let Check::Document(f) = rule.check else {
        panic!("{} is not a document rule", rule.id)
    };
    let nodes = parse::parse(yaml, Format::Yaml).expect("fixture parses");
    let file = SourceFile {
        path: "fixture.yaml".into(),
        abs: "fixture.yaml".into(),
        format: Format::Yaml,
    };
    let config = Config::default();
    let mut out = Vec::new();
    for node in &nodes {
        let contract: Contract =
            de::from_node(node).unwrap_or_else(|e| panic!("fixture fits the model: {e:?}"));
        let ctx = DocContext {
            file: &file,
            text: yaml,
            node,
            contract: &contract,
            config: &config,
        };
        let mut diags = Vec::new();
        f(&ctx, &mut diags);
        for d in diags {
            assert_eq!(d.code, rule.id, "a rule reports under its own ID");
            out.push(format!(
                "{}:{} {}: {}",
                d.primary.span.line, d.primary.span.col, d.code, d.message
            ));
        }
    }
    out
}

/// Runs a workspace rule on a workspace made of the given files.
pub fn workspace(rule: &Rule, files: &[(&str, &str)]) -> Vec<String> {
    let Check::Workspace(f) = rule.check else {
        panic!("{} is not a workspace rule", rule.id)
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut paths = Vec::new();
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("write fixture");
        paths.push(p);
    }
    let ws = Workspace::load(
        Config::default(),
        None,
        dir.path().to_path_buf(),
        &paths,
        &|_| Vec::new(),
        charter_workspace::Retain::Full,
    );
    assert!(
        ws.diagnostics.is_empty(),
        "fixtures load: {:?}",
        ws.diagnostics
    );
    let mut found = Vec::new();
    f(&ws, &mut found);
    let prefix = format!("{}/", dir.path().display());
    let mut out: Vec<String> = found
        .into_iter()
        .map(|(_, d)| {
            assert_eq!(d.code, rule.id, "a rule reports under its own ID");
            format!(
                "{}:{}:{} {}: {}",
                d.primary.file.trim_start_matches(&prefix),
                d.primary.span.line,
                d.primary.span.col,
                d.code,
                d.message
            )
        })
        .collect();
    out.sort();
    out
}

/// A valid operation with the given `meta` extras and body.
pub fn operation(key: &str, op_kind: &str, body: &str) -> String {
    format!(
        "kind: operation\nmeta:\n  key: {key}\n  version: 1.0.0\n  kind: {op_kind}\n  title: T\n  description: An operation used as a lint fixture.\n  owners: [team.shop]\n  tags: []\n  stability: stable\n{body}"
    )
}

/// A valid event with the given key and body.
pub fn event(key: &str, body: &str) -> String {
    format!(
        "kind: event\nmeta:\n  key: {key}\n  version: 1.0.0\n  title: T\n  description: An event used as a lint fixture.\n  owners: [team.shop]\n  tags: []\n  stability: stable\n{body}"
    )
}

/// A valid integration with the given stability and body.
pub fn integration(stability: &str, body: &str) -> String {
    format!(
        "kind: integration\nmeta:\n  key: payments.acme\n  version: 1.0.0\n  category: payments\n  title: Acme\n  description: An integration used as a lint fixture.\n  owners: [team.pay]\n  tags: []\n  stability: {stability}\n{body}"
    )
}
