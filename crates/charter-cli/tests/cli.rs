//! `charter list`, `show` and `init` on the examples and on temporary workspaces.

mod common;

use common::{charter, examples, Ws};
use serde_json::Value;

fn list_json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["list", ".", "--json"];
    all.extend_from_slice(args);
    let r = charter(&examples(), &all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "no validation warnings on the examples");
    serde_json::from_str::<Vec<Value>>(&r.stdout).expect("a JSON list")
}

fn keys(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            format!(
                "{}@{}",
                r["key"].as_str().expect("key"),
                r["version"].as_str().expect("version")
            )
        })
        .collect()
}

#[test]
fn list_integrations_json() {
    let rows = list_json(&["--kind", "integration"]);
    assert_eq!(
        keys(&rows),
        [
            "ai-llm.mistral@1.0.0",
            "ai-llm.openai@1.0.0",
            "ai-voice-tts.elevenlabs@1.0.0",
            "calendar.google-calendar@1.0.0",
            "custom.notion@1.0.0",
            "email.postmark@1.0.0",
            "email.sendgrid@1.0.0",
            "messaging.slack@1.0.0",
            "payments.stripe@1.0.0",
            "project-management.github@1.0.0",
            "project-management.jira@1.0.0",
            "project-management.linear@1.0.0",
            "sms.twilio@1.0.0",
            "storage.gcs@1.0.0",
        ]
    );
    assert!(rows.iter().all(|r| r["kind"] == "integration"));
    let stripe = rows
        .iter()
        .find(|r| r["key"] == "payments.stripe")
        .expect("stripe");
    assert_eq!(
        *stripe,
        serde_json::json!({
            "kind": "integration",
            "key": "payments.stripe",
            "version": "1.0.0",
            "title": "Stripe Payments",
            "stability": "stable",
            "category": "payments",
            "owners": ["platform.payments"],
            "tags": ["payments", "psp"],
            "file": "contracts/integrations/payments.stripe.yaml"
        })
    );
    // The TOML example lists like the others.
    let openai = rows
        .iter()
        .find(|r| r["key"] == "ai-llm.openai")
        .expect("openai");
    assert_eq!(openai["file"], "contracts/integrations/ai-llm.openai.toml");
}

#[test]
fn list_everything_is_sorted_by_kind_then_key() {
    let rows = list_json(&[]);
    assert_eq!(rows.len(), 24);
    let kinds: Vec<&str> = rows
        .iter()
        .map(|r| r["kind"].as_str().expect("kind"))
        .collect();
    let mut sorted = kinds.clone();
    let order = ["integration", "operation", "event", "capability", "feature"];
    sorted.sort_by_key(|k| order.iter().position(|o| o == k));
    assert_eq!(kinds, sorted);
    // Only integrations carry a category.
    assert!(rows
        .iter()
        .all(|r| (r["kind"] == "integration") == r.get("category").is_some()));
}

#[test]
fn list_filters() {
    assert_eq!(
        keys(&list_json(&["--owner", "platform.payments"])),
        ["payments.stripe@1.0.0", "payments.psp@1.0.0"]
    );
    assert_eq!(
        keys(&list_json(&["--tag", "psp"])),
        ["payments.stripe@1.0.0", "payments.psp@1.0.0"]
    );
    assert_eq!(
        keys(&list_json(&["--stability", "beta"])),
        [
            "custom.notion@1.0.0",
            "email.sendgrid@1.0.0",
            "commerce.refund.create@1.0.0"
        ]
    );
    assert_eq!(
        keys(&list_json(&["--category", "email"])),
        ["email.postmark@1.0.0", "email.sendgrid@1.0.0"]
    );
    assert_eq!(
        keys(&list_json(&[
            "--owner",
            "team.commerce",
            "--stability",
            "beta"
        ])),
        ["commerce.refund.create@1.0.0"]
    );
    assert_eq!(
        keys(&list_json(&["--kind", "event", "--tag", "refunds"])),
        ["commerce.refund.created@1.0.0"]
    );
    assert_eq!(
        keys(&list_json(&["--owner", "nobody"])),
        Vec::<String>::new()
    );
}

#[test]
fn list_table() {
    let r = charter(&examples(), &["list", ".", "--category", "email"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        "KIND        KEY            VERSION STABILITY    OWNERS\n\
         integration email.postmark 1.0.0   stable       platform.integrations\n\
         integration email.sendgrid 1.0.0   beta         platform.integrations\n"
    );
}

#[test]
fn list_with_a_workspace_folder() {
    // `-C DIR` as for `show` and `generate`: the same rows as listing DIR itself.
    let parent = examples().join("..");
    let from_parent = charter(&parent, &["list", "-C", "examples", "--category", "email"]);
    let here = charter(&examples(), &["list", ".", "--category", "email"]);
    assert_eq!(from_parent.code, 0, "{}", from_parent.stderr);
    assert_eq!(from_parent.stdout, here.stdout);
    assert_eq!(from_parent.stdout.lines().count(), 3);
}

#[test]
fn list_refuses_unknown_kind_and_stability() {
    let r = charter(&examples(), &["list", ".", "--kind", "widget"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: unknown kind `widget` (kinds: integration, operation, event, capability, feature)\n"
    );
    let r = charter(&examples(), &["list", ".", "--stability", "gold"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("error: unknown stability `gold`"),
        "{}",
        r.stderr
    );
}

#[test]
fn show_payments_stripe() {
    let r = charter(&examples(), &["show", "payments.stripe"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let expected_head = "integration payments.stripe@1.0.0 (stable)\n  \
        title:  Stripe Payments\n  \
        owners: platform.payments\n  \
        tags:   payments, psp\n  \
        file:   contracts/integrations/payments.stripe.yaml:3\n\n";
    assert!(r.stdout.starts_with(expected_head), "{}", r.stdout);
    // Then the source, exactly as written.
    assert_eq!(
        &r.stdout[expected_head.len()..],
        format!("{}\n", common::seed().trim_end())
    );
    assert!(r.stdout.contains("stable"));
}

#[test]
fn show_with_version_and_workspace_flag() {
    let ex = examples();
    let r = charter(
        ex.parent().expect("repo"),
        &["show", "payments.stripe@1.0.0", "-C", "examples"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r
        .stdout
        .starts_with("integration payments.stripe@1.0.0 (stable)\n"));
    assert!(r
        .stdout
        .contains("file:   examples/contracts/integrations/payments.stripe.yaml:3\n"));
}

#[test]
fn show_json() {
    let r = charter(&examples(), &["show", "payments.stripe", "--json"]);
    assert_eq!(r.code, 0);
    let v: Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["kind"], "integration");
    assert_eq!(v["meta"]["stability"], "stable");
    assert_eq!(v["preferredTransport"], "rest");
    assert_eq!(v["versionPolicy"]["currentVersion"], "2024-11-20.acacia");
}

#[test]
fn show_unknown_key_suggests() {
    let r = charter(&examples(), &["show", "payments.strip"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "error: no contract `payments.strip` in .; did you mean `payments.stripe`?\n"
    );
}

#[test]
fn show_unknown_version_lists_the_versions() {
    let r = charter(&examples(), &["show", "payments.stripe@2.0.0"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: `payments.stripe` has no version 2.0.0; versions present: 1.0.0\n"
    );
}

#[test]
fn show_nothing_close() {
    let r = charter(&examples(), &["show", "zzz.qqq"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: no contract `zzz.qqq` in .; `charter list` shows what there is\n"
    );
}

#[test]
fn init_then_validate() {
    let ws = Ws::new();
    let r = ws.run(&["init", "."]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "created ./charter.toml\ncreated ./contracts/hello.greeting.create.yaml\nnext: charter validate .\n"
    );
    assert!(ws.path().join("charter.toml").is_file());
    assert!(ws
        .path()
        .join("contracts/hello.greeting.create.yaml")
        .is_file());
    let (code, report) = ws.validate_json();
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["contracts"], 1);
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 0);
    // `charter validate` with no path validates the current folder.
    let r = ws.run(&["validate"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "1 file, 1 contract: 0 errors, 0 warnings\n");
    // And the new contract lists and shows.
    let r = ws.run(&["list", "--json"]);
    let rows: Vec<Value> = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["key"], "hello.greeting.create");
    assert_eq!(ws.run(&["show", "hello.greeting.create"]).code, 0);
    // The starter passes every lint rule too: a new user's first `charter lint` is clean.
    let r = ws.run(&["lint"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "1 file, 1 contract: 0 errors, 0 warnings\n");
}

#[test]
fn init_into_a_new_folder() {
    let ws = Ws::new();
    let r = ws.run(&["init", "new/ws"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = ws.run(&["validate", "new/ws"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn init_refuses_to_overwrite() {
    let ws = Ws::new();
    ws.file("charter.toml", "# mine\n");
    let r = ws.run(&["init", "."]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: ./charter.toml already exists; `charter init` never overwrites files\n"
    );
    assert_eq!(
        std::fs::read_to_string(ws.path().join("charter.toml")).expect("read"),
        "# mine\n"
    );
    assert!(!ws.path().join("contracts").exists(), "nothing written");

    // A second init over a first one also refuses, and leaves the files alone.
    let ws = Ws::new();
    assert_eq!(ws.run(&["init", "."]).code, 0);
    ws.file("contracts/hello.greeting.create.yaml", "edited\n");
    std::fs::remove_file(ws.path().join("charter.toml")).expect("rm");
    let r = ws.run(&["init", "."]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: ./contracts/hello.greeting.create.yaml already exists; `charter init` never overwrites files\n"
    );
    assert!(!ws.path().join("charter.toml").exists());
}

#[test]
fn generate_then_check_for_drift() {
    let ws = Ws::new();
    assert_eq!(ws.run(&["init", "."]).code, 0);
    let r = ws.run(&["generate"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = ws
        .path()
        .join("generated/docs/operation/hello.greeting.create@1.0.0.md");
    assert!(page.is_file());
    assert!(ws.path().join("generated/docs/index.md").is_file());
    let r = ws.run(&["generate", "--check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::write(&page, "edited by hand\n").expect("write");
    let r = ws.run(&["generate", "--check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("different: docs/operation/hello.greeting.create@1.0.0.md"),
        "{}",
        r.stderr
    );
    // --check changed nothing.
    assert_eq!(
        std::fs::read_to_string(&page).expect("read"),
        "edited by hand\n"
    );
}

#[test]
fn generate_reports_a_file_it_cannot_write() {
    let ws = Ws::new();
    assert_eq!(ws.run(&["init", "."]).code, 0);
    // A file where the docs folder should be: every docs page fails, the rest is written.
    ws.file("generated/docs", "not a folder\n");
    let r = ws.run(&["generate"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.starts_with("error: cannot write to "),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("/generated/docs/"), "{}", r.stderr);
    assert!(r.stderr.contains("Not a directory"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(ws.path().join("generated/docs")).expect("read"),
        "not a folder\n"
    );
}

#[test]
fn generate_removes_only_its_own_stale_files() {
    let ws = Ws::new();
    assert_eq!(ws.run(&["init", "."]).code, 0);
    assert_eq!(ws.run(&["generate"]).code, 0);
    let out = ws.path().join("generated");
    // A stale page of an earlier run, a hand-written note that quotes the marker's first
    // words, and a file outside every surface folder.
    ws.file(
        "generated/docs/old.md",
        "<!-- generated by Charter, do not edit -->\n# Old\n",
    );
    ws.file(
        "generated/docs/gone/old.md",
        "<!-- generated by Charter, do not edit -->\n# Old\n",
    );
    ws.file(
        "generated/docs/notes.md",
        "Pages here are generated by Charter.\n",
    );
    ws.file(
        "generated/README.md",
        "<!-- generated by Charter, do not edit -->\n",
    );
    let r = ws.run(&["generate", "--check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("extra:     docs/old.md"), "{}", r.stderr);
    assert!(!r.stderr.contains("notes.md"), "{}", r.stderr);
    assert!(!r.stderr.contains("README.md"), "{}", r.stderr);
    let r = ws.run(&["generate"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "removed:   docs/old.md (generated by an earlier run, no longer generated)\n"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.ends_with(", 2 removed)\n"), "{}", r.stderr);
    assert!(!out.join("docs/old.md").exists());
    // The folder the removal emptied is gone; the surface folder stays.
    assert!(!out.join("docs/gone").exists());
    assert!(out.join("docs").is_dir());
    assert!(out.join("docs/notes.md").is_file());
    assert!(out.join("README.md").is_file());
    assert_eq!(ws.run(&["generate", "--check"]).code, 0);
    // Generating one surface leaves the others alone, and checks only itself.
    assert_eq!(ws.run(&["generate", "typescript"]).code, 0);
    let r = ws.run(&["generate", "openapi"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("removed"), "{}", r.stderr);
    assert!(out.join("docs/index.md").is_file());
    assert!(out.join("typescript/index.d.ts").is_file());
    assert_eq!(ws.run(&["generate", "docs", "--check"]).code, 0);
}

#[test]
fn generate_into_a_file_is_a_usage_error() {
    let ws = Ws::new();
    assert_eq!(ws.run(&["init", "."]).code, 0);
    ws.file("out.txt", "x\n");
    for args in [
        &["generate", "--out", "out.txt"][..],
        &["generate", "--out", "out.txt", "--check"],
    ] {
        let r = ws.run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(
            r.stderr,
            "error: the output folder out.txt is a file; choose another `--out` or remove the file\n"
        );
    }
}

#[test]
fn generated_files_inside_the_contracts_folder_are_not_contracts() {
    let ws = Ws::new();
    assert_eq!(ws.run(&["init", "."]).code, 0);
    let r = ws.run(&["generate", "--out", "contracts/gen"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = ws.run(&["validate"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        ws.run(&["generate", "--out", "contracts/gen", "--check"])
            .code,
        0
    );
}

#[test]
fn generate_refuses_a_workspace_with_errors() {
    let ws = Ws::new();
    assert_eq!(ws.run(&["init", "."]).code, 0);
    ws.file("contracts/broken.yaml", "kind: event\n");
    let r = ws.run(&["generate"]);
    assert_eq!(r.code, 1);
    assert!(r
        .stderr
        .ends_with("error: the workspace has validation errors; fix them before generating\n"));
    assert!(!ws.path().join("generated").exists());
}

#[test]
fn generate_unknown_surface_is_a_usage_error() {
    let ws = Ws::new();
    assert_eq!(ws.run(&["init", "."]).code, 0);
    let r = ws.run(&["generate", "pdf"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "error: unknown surface `pdf` (available: docs, openapi, jsonschema, typescript, mcp)\n"
    );
}

#[test]
fn list_still_lists_when_some_files_are_broken() {
    let ws = Ws::new();
    ws.file("contracts/payments.stripe.yaml", common::seed());
    ws.file("contracts/broken.yaml", "kind: event\n");
    let r = ws.run(&["list", "--json"]);
    assert_eq!(r.code, 0);
    let rows: Vec<Value> = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(keys(&rows), ["payments.stripe@1.0.0"]);
    assert_eq!(
        r.stderr,
        "warning: 1 validation error(s); run `charter validate` for details\n"
    );
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    use std::process::{Command, Stdio};
    // Like `charter list --json | head -c 1`: the pipe is closed before anything is read.
    let mut child = Command::new(common::BIN)
        .args(["list", "--json"])
        .arg(examples())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
