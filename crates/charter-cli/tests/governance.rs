//! The governance commands end to end: exit codes (0 clean, 1 findings, 2 usage or I/O) and
//! the shape of their output.

use std::path::{Path, PathBuf};
use std::process::Command;

fn charter() -> Command {
    Command::new(env!("CARGO_BIN_EXE_charter"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn code(c: &mut Command) -> (i32, String, String) {
    let out = c.output().expect("charter runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A copy of the examples with one breaking change (POST -> PUT on checkout).
fn broken_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("cp")
        .arg("-r")
        .arg(examples().join("charter.toml"))
        .arg(examples().join("contracts"))
        .arg(examples().join("schemas"))
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let f = dir.path().join("contracts/commerce/checkout.create.yaml");
    let t = std::fs::read_to_string(&f)
        .unwrap()
        .replace("    method: POST", "    method: PUT");
    std::fs::write(&f, t).unwrap();
    dir
}

#[test]
fn rules_and_rule() {
    let (rc, out, _) = code(charter().arg("rules"));
    assert_eq!(rc, 0);
    assert_eq!(out.lines().count(), charter_lint::rules::RULES.len());
    assert!(out
        .lines()
        .any(|l| l.starts_with("event-key-tense ") && l.contains(" warn ")));
    let (rc, out, _) = code(charter().args(["rule", "oauth2-pkce-missing"]));
    assert_eq!(rc, 0);
    assert!(out.starts_with("# oauth2-pkce-missing: OAuth2 authorization code without PKCE\n"));
    let (rc, _, err) = code(charter().args(["rule", "oauth2-pkce"]));
    assert_eq!(rc, 2);
    assert!(err.contains("did you mean `oauth2-pkce-missing`?"), "{err}");
}

#[test]
fn lint_examples_has_warnings_only() {
    let (rc, out, _) = code(
        charter()
            .arg("lint")
            .arg(examples())
            .args(["--format", "json"]),
    );
    assert_eq!(rc, 0);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["command"], "lint");
    assert_eq!(j["summary"]["errors"], 0);
    assert_eq!(j["summary"]["warnings"], 9);
}

#[test]
fn diff_exit_codes() {
    let head = broken_copy();
    let (rc, out, _) = code(
        charter()
            .arg("diff")
            .arg(head.path())
            .arg("--base")
            .arg(examples())
            .args(["--format", "json"]),
    );
    assert_eq!(rc, 1);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["schema"], "charter.diff/v1");
    assert_eq!(j["changes"][0]["rule"], "rest-method-changed");
    assert_eq!(j["changes"][0]["class"], "breaking");
    assert_eq!(j["bumps"][0]["requiredVersion"], "2.0.0");
    let (rc, _, _) = code(
        charter()
            .arg("diff")
            .arg(examples())
            .arg("--base")
            .arg(examples()),
    );
    assert_eq!(rc, 0);
    let (rc, _, err) = code(
        charter()
            .arg("diff")
            .arg(head.path())
            .args(["--base", "no-such-ref"]),
    );
    assert_eq!(rc, 2, "{err}");
}

#[test]
fn ci_exit_codes_and_formats() {
    let head = broken_copy();
    let (rc, _, err) = code(charter().arg("ci").arg(examples()));
    assert_eq!(rc, 0, "{err}");
    assert!(err.ends_with("charter ci: passed\n"), "{err}");
    let (rc, _, _) = code(
        charter()
            .arg("ci")
            .arg(examples())
            .args(["--fail-on", "warnings"]),
    );
    assert_eq!(rc, 1);
    let (rc, out, _) = code(
        charter()
            .arg("ci")
            .arg(head.path())
            .arg("--base")
            .arg(examples())
            .args(["--format", "sarif"]),
    );
    assert_eq!(rc, 1);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["version"], "2.1.0");
    let (rc, out, _) = code(
        charter()
            .arg("ci")
            .arg(head.path())
            .arg("--base")
            .arg(examples())
            .args(["--format", "markdown", "--fail-on", "never"]),
    );
    assert_eq!(rc, 0);
    assert!(out.starts_with("## Charter CI: ✅ passed"), "{out}");
    let (rc, _, _) = code(charter().args(["ci", "/no/such/workspace"]));
    assert_eq!(rc, 2);
}
