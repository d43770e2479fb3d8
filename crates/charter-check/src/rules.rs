//! The table of validation rules: one entry per stable ID.

use charter_diagnostics::Severity;

pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

const fn rule(id: &'static str, severity: Severity, summary: &'static str) -> Rule {
    Rule {
        id,
        severity,
        summary,
    }
}

use Severity::{Error, Warning};

/// Every validation rule. Structural errors (`syntax`, `unknown-field`…) come first.
pub const RULES: &[Rule] = &[
    rule("syntax", Error, "The file is not valid YAML, JSON or TOML."),
    rule("empty-file", Error, "The file holds no document."),
    rule("binary-file", Error, "The file is binary, not text."),
    rule("not-utf8", Error, "The file is not UTF-8."),
    rule("too-deep", Error, "Nesting is deeper than 128 levels."),
    rule(
        "too-large",
        Error,
        "The document expands to more than a million values (e.g. a YAML alias bomb).",
    ),
    rule(
        "file-too-large",
        Error,
        "The file is larger than `workspace.max-file-size`.",
    ),
    rule("duplicate-key", Error, "A map has the same key twice."),
    rule("io", Error, "The file could not be read."),
    rule(
        "contracts-folder-missing",
        Error,
        "A folder named in `[workspace] contracts` does not exist.",
    ),
    rule(
        "no-contracts",
        Warning,
        "The paths given hold no contract file.",
    ),
    rule(
        "unknown-kind",
        Error,
        "`kind` is not one of integration, operation, event, capability, feature.",
    ),
    rule(
        "unknown-field",
        Error,
        "A field that the contract format does not define (often a typo).",
    ),
    rule("missing-field", Error, "A required field is missing."),
    rule(
        "invalid-type",
        Error,
        "A value has the wrong type (e.g. a number where text is expected).",
    ),
    rule(
        "invalid-value",
        Error,
        "A value is not one of the allowed values.",
    ),
    rule(
        "meta-key-format",
        Error,
        "`meta.key` is dotted lower-case with at least two segments.",
    ),
    rule(
        "meta-version-semver",
        Error,
        "`meta.version` is a semantic version (1.0.0).",
    ),
    rule(
        "meta-stability",
        Error,
        "`meta.stability` is idea, in_creation, experimental, beta, stable or deprecated.",
    ),
    rule(
        "meta-operation-kind",
        Error,
        "An operation's `meta.kind` is command or query.",
    ),
    rule(
        "meta-category",
        Error,
        "An integration's `meta.category` is one of the known categories; other kinds have none.",
    ),
    rule(
        "meta-category-missing",
        Warning,
        "An integration declares `meta.category`.",
    ),
    rule(
        "meta-owners",
        Error,
        "`meta.owners` lists at least one non-empty handle.",
    ),
    rule(
        "meta-description",
        Error,
        "`meta.description` is present and not blank.",
    ),
    rule(
        "duplicate-contract",
        Error,
        "Two documents declare the same (kind, key, version).",
    ),
    rule(
        "unresolved-reference",
        Error,
        "A reference names a contract that is not in the workspace.",
    ),
    rule(
        "unresolved-capability",
        Error,
        "A required capability is provided by no contract and is not declared external.",
    ),
    rule(
        "preferred-transport",
        Error,
        "`preferredTransport` names a declared transport type.",
    ),
    rule(
        "webhook-inbound-missing",
        Error,
        "A webhook transport declares how inbound requests are signed (`inbound`).",
    ),
    rule(
        "webhook-signing-mismatch",
        Error,
        "A `webhook-signing` auth method agrees with the webhook transport (header and algorithm).",
    ),
    rule(
        "oauth2-authorization-url",
        Error,
        "An oauth2 `authorization_code` method has an `authorizationUrl`.",
    ),
    rule(
        "schema-invalid",
        Error,
        "A JSON Schema is not a valid schema (2020-12 unless `$schema` says otherwise).",
    ),
    rule(
        "schema-ref",
        Error,
        "A `$ref` in a schema cannot be resolved.",
    ),
    rule(
        "example-invalid",
        Error,
        "An example does not validate against its schema.",
    ),
    rule(
        "secret-example-real",
        Error,
        "A secret example holds what looks like a real credential.",
    ),
    rule(
        "config-secret-field",
        Warning,
        "A config property looks like a secret; it belongs in `secretSchema`.",
    ),
    rule(
        "version-policy-current",
        Error,
        "`versionPolicy.currentVersion` is one of `supportedVersions` and is not sunset.",
    ),
    rule(
        "rate-limit-positive",
        Error,
        "Rate limits and quotas are positive.",
    ),
    rule(
        "rate-limit-rph-unreachable",
        Warning,
        "`rph` above 60 × `rpm` can never bind.",
    ),
    rule(
        "health-check-timeout",
        Error,
        "`healthCheck.timeoutMs` is within 1..=120000.",
    ),
    rule(
        "url-https",
        Error,
        "URLs are absolute and https (http only for localhost).",
    ),
];

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(
                r.id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "rule id {} is not kebab-case",
                r.id
            );
            assert!(
                r.summary.ends_with('.'),
                "summary of {} ends with a period",
                r.id
            );
        }
    }
}

/// `docs/rules.md`, rendered from [`RULES`].
pub fn markdown() -> String {
    let mut out = String::from(
        "# Validation rules\n\n<!-- generated from crates/charter-check/src/rules.rs by `UPDATE_DOCS=1 cargo test -p charter-check`; do not edit -->\n\n\
         Every diagnostic carries one of these IDs. `charter.toml` can change any rule's level:\n\n\
         ```toml\n[rules]\n\"config-secret-field\" = \"error\"   # off | warn | error\n\"meta-category-missing\" = { integration = \"off\" }\n```\n\n\
         | ID | default | what it checks |\n|---|---|---|\n",
    );
    for r in RULES {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            r.id,
            r.severity.as_str(),
            r.summary
        ));
    }
    out
}

#[cfg(test)]
mod docs_tests {
    #[test]
    fn rules_doc_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");
        let want = super::markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &want).expect("write docs/rules.md");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            have, want,
            "docs/rules.md is stale: run UPDATE_DOCS=1 cargo test -p charter-check"
        );
    }
}
