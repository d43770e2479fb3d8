//! Which files a run reads and reports on: a file or folder inside a workspace, the same file
//! under two spellings, a broken file's references, missing folders.

mod common;

use common::{charter, examples, Ws};

fn short(r: &common::Run) -> Vec<&str> {
    r.stdout.lines().collect()
}

#[test]
fn a_file_inside_a_workspace_resolves_against_the_whole_workspace() {
    let dir = examples();
    let r = charter(
        &dir,
        &[
            "validate",
            "contracts/commerce/checkout.create.yaml",
            "--format",
            "short",
        ],
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "stderr: {}", r.stderr);
}

#[test]
fn a_subfolder_finds_the_charter_toml_above_it() {
    let dir = examples().join("contracts/commerce");
    let r = charter(&dir, &["validate", "--format", "short"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "stderr: {}", r.stderr);
}

#[test]
fn only_the_named_file_is_reported() {
    let ws = Ws::new();
    ws.file("charter.toml", "[workspace]\ncontracts = [\"contracts\"]\n");
    ws.file("contracts/good.yaml", common::seed());
    ws.file("contracts/bad.yaml", "kind: event\n");
    let r = ws.run(&["validate", "contracts/good.yaml", "--format", "short"]);
    assert_eq!((r.code, short(&r)), (0, vec![]));
    let r = ws.run(&["validate", "contracts/bad.yaml", "--format", "short"]);
    assert_eq!(
        (r.code, short(&r)),
        (
            1,
            vec!["contracts/bad.yaml:1:1: error[missing-field]: missing required field `meta`"]
        )
    );
}

#[test]
fn the_same_file_under_two_spellings_is_read_once() {
    let ws = Ws::new();
    ws.file("f.yaml", common::seed());
    let r = ws.run(&["validate", "f.yaml", "./f.yaml", "--format", "short"]);
    assert_eq!((r.code, short(&r)), (0, vec![]));
}

#[test]
fn references_into_a_file_that_does_not_parse_are_not_reported() {
    let ws = Ws::new();
    ws.file(
        "contracts/op.yaml",
        "kind: operation\nmeta: {key: shop.order.create, version: 1.0.0, description: Creates an order., owners: [team.shop], tags: [], stability: beta}\nsideEffects: {emits: [shop.order.created]}\n",
    );
    ws.file(
        "contracts/events.yaml",
        "kind: event\nmeta:\n  key: shop.order.created\n  title: x\n  title: y\n",
    );
    let r = ws.run(&["validate", ".", "--format", "short"]);
    assert_eq!(
        (r.code, short(&r)),
        (1, vec!["contracts/events.yaml:5:3: error[duplicate-key]: duplicate key `title` (first defined at line 4)"])
    );
}

#[test]
fn a_missing_contract_folder_is_an_error() {
    let ws = Ws::new();
    ws.file("charter.toml", "[workspace]\ncontracts = [\"contract\"]\n");
    let r = ws.run(&["validate", "--format", "short"]);
    assert_eq!(
        (r.code, short(&r)),
        (1, vec!["charter.toml:2:14: error[contracts-folder-missing]: the contract folder `contract` does not exist"])
    );
}

#[test]
fn a_folder_without_contracts_warns() {
    let ws = Ws::new();
    ws.file("notes.txt", "hello");
    let r = ws.run(&["validate", ".", "--format", "short"]);
    assert_eq!(
        (r.code, short(&r)),
        (0, vec![".:1:1: warning[no-contracts]: no contract files found (.yaml, .yml, .json or .toml)"])
    );
}

#[test]
fn a_real_looking_secret_is_never_echoed() {
    let ws = Ws::new();
    let token = "ghp_0123456789abcdefABCDEF0123456789abcd";
    ws.file(
        "contracts/s.yaml",
        common::seed_with(
            "    apiKey: 'sk_live_***'",
            &format!("    apiKey: '{token}'"),
        ),
    );
    let r = ws.run(&["validate", "."]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("error[secret-example-real]: this secret example looks like a GitHub token"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains(token), "the token leaked: {}", r.stderr);
    let r = ws.run(&["validate", ".", "--format", "json"]);
    assert!(!r.stdout.contains(token));
}
