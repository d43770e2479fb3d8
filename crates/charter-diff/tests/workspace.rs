//! Whole-workspace comparison: matching by (kind, key), highest versions, added and removed
//! contracts, exemptions below `stable`, the version-bump gate, and git bases.

use std::path::Path;

use charter_diff::{base, diff_workspaces, load, Class, Options};

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn op(version: &str, stability: &str, method: &str) -> String {
    format!("kind: operation\nmeta:\n  key: shop.cart.update\n  version: {version}\n  kind: command\n  description: D\n  owners: [a]\n  tags: []\n  stability: {stability}\ntransport:\n  rest: {{method: {method}, path: /carts}}\n")
}

fn ev(key: &str) -> String {
    format!("kind: event\nmeta:\n  key: {key}\n  version: 1.0.0\n  description: D\n  owners: [a]\n  tags: []\n  stability: stable\npayload: {{type: object}}\n")
}

fn run(
    base_files: &[(&str, String)],
    head_files: &[(&str, String)],
    opts: &Options,
) -> Vec<String> {
    let b = tempfile::tempdir().unwrap();
    let h = tempfile::tempdir().unwrap();
    for (n, t) in base_files {
        write(b.path(), n, t);
    }
    for (n, t) in head_files {
        write(h.path(), n, t);
    }
    let bw = load(b.path()).unwrap();
    let hw = load(h.path()).unwrap();
    let report = diff_workspaces(&bw, &hw, opts);
    let strip = |f: &str| f.rsplit('/').next().unwrap_or(f).to_string();
    let mut out: Vec<String> = report
        .changes
        .iter()
        .map(|c| {
            format!(
                "{} {} {}:{}:{} exempt={}",
                c.rule,
                c.class.as_str(),
                strip(&c.file),
                c.line,
                c.column,
                c.exempt
            )
        })
        .collect();
    out.extend(report.bumps.iter().map(|b| {
        format!(
            "bump {} {} -> {} needs {} ({} breaking) {}:{}:{}",
            b.key,
            b.base_version,
            b.head_version,
            b.required_version,
            b.breaking,
            strip(&b.file),
            b.line,
            b.column
        )
    }));
    out
}

#[test]
fn breaking_change_without_major_bump_is_reported() {
    let got = run(
        &[("op.yaml", op("1.2.0", "stable", "POST"))],
        &[("op.yaml", op("1.3.0", "stable", "PUT"))],
        &Options::default(),
    );
    assert_eq!(
        got,
        [
            "rest-method-changed breaking op.yaml:11:18 exempt=false",
            "bump shop.cart.update 1.2.0 -> 1.3.0 needs 2.0.0 (1 breaking) op.yaml:4:12",
        ]
    );
}

#[test]
fn major_bump_and_highest_versions() {
    // Head keeps 1.x beside 2.0.0: the highest versions are compared.
    let got = run(
        &[("op.yaml", op("1.2.0", "stable", "POST"))],
        &[
            ("v1.yaml", op("1.2.0", "stable", "POST")),
            ("v2.yaml", op("2.0.0", "stable", "PUT")),
        ],
        &Options::default(),
    );
    assert_eq!(
        got,
        ["rest-method-changed breaking v2.yaml:11:18 exempt=false"]
    );
}

#[test]
fn zero_major_needs_a_minor_bump() {
    let got = run(
        &[("op.yaml", op("0.3.1", "stable", "POST"))],
        &[("op.yaml", op("0.3.2", "stable", "PUT"))],
        &Options::default(),
    );
    assert_eq!(
        got[1],
        "bump shop.cart.update 0.3.1 -> 0.3.2 needs 0.4.0 (1 breaking) op.yaml:4:12"
    );
}

#[test]
fn below_stable_is_exempt_unless_configured() {
    let base = [("op.yaml", op("1.0.0", "beta", "POST"))];
    let head = [("op.yaml", op("1.0.1", "beta", "PUT"))];
    assert_eq!(
        run(&base, &head, &Options::default()),
        ["rest-method-changed info op.yaml:11:18 exempt=true"]
    );
    let strict = Options {
        include_unstable: true,
    };
    assert_eq!(
        run(&base, &head, &strict),
        [
            "rest-method-changed breaking op.yaml:11:18 exempt=false",
            "bump shop.cart.update 1.0.0 -> 1.0.1 needs 2.0.0 (1 breaking) op.yaml:4:12",
        ]
    );
}

#[test]
fn added_and_removed_contracts() {
    let got = run(
        &[
            ("a.yaml", ev("shop.cart.created")),
            ("b.yaml", ev("shop.cart.deleted")),
        ],
        &[
            ("a.yaml", ev("shop.cart.created")),
            ("c.yaml", ev("shop.cart.emptied")),
        ],
        &Options::default(),
    );
    assert_eq!(
        got,
        [
            "contract-removed breaking b.yaml:3:8 exempt=false",
            "contract-added non-breaking c.yaml:3:8 exempt=false",
        ]
    );
    assert_eq!(
        charter_diff::rules::class_of("contract-removed"),
        Class::Breaking
    );
}

#[test]
fn git_ref_base_is_extracted_without_touching_the_work_tree() {
    let repo = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let s = std::process::Command::new("git")
            .arg("-C")
            .arg(repo.path())
            .args(["-c", "user.email=t@example.com", "-c", "user.name=t"])
            .args(args)
            .output()
            .unwrap();
        assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
    };
    git(&["init", "-q"]);
    write(
        repo.path(),
        "ws/contracts/op.yaml",
        &op("1.0.0", "stable", "POST"),
    );
    write(repo.path(), "other/readme.txt", "x");
    git(&["add", "-A"]);
    git(&["commit", "-qm", "base"]);
    write(
        repo.path(),
        "ws/contracts/op.yaml",
        &op("1.0.0", "stable", "PUT"),
    );
    let ws_dir = repo.path().join("ws");
    let b = base::resolve("HEAD", &ws_dir).unwrap();
    assert!(b.root.join("contracts/op.yaml").is_file());
    assert!(
        !b.root.parent().unwrap().join("other").exists(),
        "only the workspace folder is extracted"
    );
    let bw = load(&b.root).unwrap();
    let hw = load(&ws_dir).unwrap();
    let report = diff_workspaces(&bw, &hw, &Options::default());
    let rules: Vec<&str> = report.changes.iter().map(|c| c.rule).collect();
    assert_eq!(rules, ["rest-method-changed"]);
    assert_eq!(report.bumps.len(), 1);
    // The work tree still holds the head version.
    assert!(std::fs::read_to_string(ws_dir.join("contracts/op.yaml"))
        .unwrap()
        .contains("PUT"));
    assert!(base::resolve("no-such-ref", &ws_dir).is_err());
}

#[test]
fn incremental_base_gives_the_same_report() {
    let b = tempfile::tempdir().unwrap();
    let h = tempfile::tempdir().unwrap();
    // same file, same bytes
    write(b.path(), "same.yaml", &ev("shop.cart.created"));
    write(h.path(), "same.yaml", &ev("shop.cart.created"));
    // removed, added
    write(b.path(), "gone.yaml", &ev("shop.cart.deleted"));
    write(h.path(), "new.yaml", &ev("shop.cart.emptied"));
    // versions spread over files: 1.x identical, 2.0.0 changed in head
    write(b.path(), "v1.yaml", &op("1.2.0", "stable", "POST"));
    write(h.path(), "v1.yaml", &op("1.2.0", "stable", "POST"));
    write(b.path(), "v2.yaml", &op("2.0.0", "stable", "POST"));
    write(h.path(), "v2.yaml", &op("2.0.0", "stable", "PATCH"));
    let bw = load(b.path()).unwrap();
    let hw = load(h.path()).unwrap();
    let full = diff_workspaces(&bw, &hw, &Options::default());
    let changed = charter_diff::load_changed(b.path(), &hw).unwrap();
    assert_eq!((changed.files, changed.changed_files), (4, 2));
    let inc = charter_diff::diff_changed(&changed, &hw, &Options::default());
    let show = |r: &charter_diff::Report| -> Vec<String> {
        let mut v: Vec<String> = r
            .changes
            .iter()
            .map(|c| {
                format!(
                    "{} {} {}:{}",
                    c.rule,
                    c.file.rsplit('/').next().unwrap(),
                    c.line,
                    c.column
                )
            })
            .collect();
        v.extend(r.bumps.iter().map(|b| format!("bump {}", b.key)));
        v
    };
    assert_eq!(show(&inc), show(&full));
    assert_eq!(
        show(&inc),
        [
            "rest-method-changed v2.yaml 11:18",
            "contract-removed gone.yaml 3:8",
            "contract-added new.yaml 3:8",
            "bump shop.cart.update",
        ]
    );
}
