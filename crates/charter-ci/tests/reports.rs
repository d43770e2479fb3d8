//! `charter ci` on the example workspace against a modified copy: JSON summary, SARIF 2.1.0
//! validity (against the official schema) with positions on every result, Markdown, and the
//! `--fail-on` levels.

use std::path::{Path, PathBuf};

use charter_ci::{json, markdown, run, sarif, CiOptions, FailOn};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn copy(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() == "generated" {
                continue;
            }
            std::fs::create_dir_all(&dest).unwrap();
            copy(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

/// A head workspace: the examples with the checkout's method changed and an output enum
/// value added (two breaking changes, no version bump).
fn head() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&examples(), dir.path());
    let f = dir.path().join("contracts/commerce/checkout.create.yaml");
    let text = std::fs::read_to_string(&f).unwrap();
    let text = text.replace("    method: POST", "    method: PUT").replace(
        "          - expired\n",
        "          - expired\n          - abandoned\n",
    );
    std::fs::write(&f, text).unwrap();
    dir
}

fn options(path: &Path, base: Option<&Path>, fail_on: FailOn) -> CiOptions {
    CiOptions {
        path: path.to_path_buf(),
        base: base.map(|b| b.display().to_string()),
        fail_on,
        include_unstable: false,
    }
}

#[test]
fn json_report_counts_everything() {
    let h = head();
    let r = run(&options(h.path(), Some(&examples()), FailOn::Errors)).unwrap();
    let j = serde_json::to_value(json::report(&r)).unwrap();
    assert_eq!(j["schema"], "charter.ci/v1");
    assert_eq!(j["passed"], false);
    let s = &j["summary"];
    assert_eq!(s["files"], 20);
    assert_eq!(s["contracts"], 24);
    assert_eq!(s["breaking"], 2);
    assert_eq!(s["bumpsRequired"], 1);
    assert_eq!(s["errors"], 3, "two unbumped breaking changes and the bump");
    let rules: Vec<&str> = j["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["rest-method-changed", "response-enum-value-added"]);
    let sources: std::collections::BTreeSet<&str> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources.into_iter().collect::<Vec<_>>(), ["diff", "lint"]);
}

#[test]
fn sarif_validates_and_places_every_result() {
    let h = head();
    let r = run(&options(h.path(), Some(&examples()), FailOn::Errors)).unwrap();
    let doc = sarif::report(&r);
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/schemas/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        !validator.is_valid(&serde_json::json!({"runs": [{"results": []}]})),
        "the schema check bites: a log without `version` and `tool` is refused"
    );
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() >= 3);
    for res in results {
        let loc = &res["locations"][0]["physicalLocation"];
        assert!(!loc["artifactLocation"]["uri"].as_str().unwrap().is_empty());
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
    let method = results
        .iter()
        .find(|r| r["ruleId"] == "rest-method-changed")
        .unwrap();
    assert_eq!(method["level"], "error");
    assert_eq!(
        method["locations"][0]["physicalLocation"]["region"]["startLine"],
        149
    );
    assert_eq!(
        method["locations"][0]["physicalLocation"]["region"]["startColumn"],
        13
    );
    assert_eq!(sarif::uri("a b/c.yaml"), "a%20b/c.yaml");
    assert_eq!(sarif::uri("/x/y.yaml"), "file:///x/y.yaml");
}

#[test]
fn markdown_is_a_pr_comment() {
    let h = head();
    let r = run(&options(h.path(), Some(&examples()), FailOn::Errors)).unwrap();
    let md = markdown::report(&r);
    assert!(md.starts_with("## Charter CI: ❌ failed\n"), "{md}");
    assert!(md.contains("| errors | warnings | breaking changes | version bumps required |"));
    assert!(md.contains("### Breaking changes"));
    assert!(md.contains("| `rest-method-changed` | operation `commerce.checkout.create` | REST method changed from POST to PUT |"));
    assert!(md.contains("`major-bump-required`"));
}

#[test]
fn fail_on_levels() {
    // Without a base the examples have lint warnings only.
    let ex = examples();
    let warn_only = run(&options(&ex, None, FailOn::Errors)).unwrap();
    let c = warn_only.counts();
    assert_eq!((c.errors, c.warnings > 0), (0, true));
    assert!(warn_only.passed());
    assert!(!run(&options(&ex, None, FailOn::Warnings)).unwrap().passed());
    assert!(run(&options(&ex, None, FailOn::Breaking)).unwrap().passed());
    let h = head();
    assert!(!run(&options(h.path(), Some(&ex), FailOn::Breaking))
        .unwrap()
        .passed());
    assert!(run(&options(h.path(), Some(&ex), FailOn::Never))
        .unwrap()
        .passed());
    assert!(run(&options(
        h.path(),
        Some(Path::new("/no/such/base")),
        FailOn::Errors
    ))
    .is_err());
}

#[test]
fn drift_is_reported_when_the_output_folder_exists() {
    let h = head();
    std::fs::create_dir_all(h.path().join("generated/docs")).unwrap();
    std::fs::write(
        h.path().join("generated/docs/stale.md"),
        "<!-- generated by Charter, do not edit -->\nold\n",
    )
    .unwrap();
    // Not generated by Charter: never drift.
    std::fs::write(h.path().join("generated/docs/notes.md"), "mine\n").unwrap();
    let r = run(&options(h.path(), None, FailOn::Errors)).unwrap();
    assert_eq!(
        r.drift_checked,
        ["docs", "openapi", "jsonschema", "typescript", "mcp"]
    );
    let drift: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|(s, _)| *s == charter_ci::Source::Generate)
        .map(|(_, d)| d.message.as_str())
        .collect();
    assert!(
        drift.contains(&"`docs/stale.md` is not generated from the contracts"),
        "{drift:?}"
    );
    assert!(!drift.iter().any(|d| d.contains("notes.md")), "{drift:?}");
    assert!(!r.passed());
}
