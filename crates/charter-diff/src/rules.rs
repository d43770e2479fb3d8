//! The table of change rules: one stable ID per kind of change, with its class.
//!
//! Direction matters for schemas: `request-*` rules are about what clients send (operation
//! input, path, query and header parameters, integration config and secrets), `response-*`
//! rules about what clients receive (operation output, event payloads).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    Breaking,
    NonBreaking,
    Info,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::NonBreaking => "non-breaking",
            Class::Info => "info",
        }
    }
}

pub struct ChangeRule {
    pub id: &'static str,
    pub class: Class,
    pub summary: &'static str,
}

const fn r(id: &'static str, class: Class, summary: &'static str) -> ChangeRule {
    ChangeRule { id, class, summary }
}

use Class::{Breaking as B, Info as I, NonBreaking as N};

/// Every change rule.
pub const RULES: &[ChangeRule] = &[
    // contracts
    r(
        "contract-removed",
        B,
        "A contract (kind, key) no longer exists.",
    ),
    r("contract-added", N, "A new contract (kind, key)."),
    r("stability-changed", I, "`meta.stability` changed."),
    r("owners-changed", I, "`meta.owners` changed."),
    // operations
    r(
        "operation-kind-changed",
        B,
        "An operation switched between command and query.",
    ),
    r(
        "rest-method-changed",
        B,
        "The REST method of an operation changed.",
    ),
    r(
        "rest-path-changed",
        B,
        "The REST path of an operation changed (parameter renames excepted).",
    ),
    r("rest-route-added", N, "An operation gained a REST route."),
    r("rest-route-removed", B, "An operation lost its REST route."),
    r(
        "mcp-tool-renamed",
        B,
        "The MCP tool name of an operation changed.",
    ),
    r("mcp-tool-added", N, "An operation gained an MCP tool."),
    r("mcp-tool-removed", B, "An operation lost its MCP tool."),
    r("error-added", N, "An operation declares a new error code."),
    r(
        "error-removed",
        I,
        "An operation no longer declares an error code.",
    ),
    r(
        "error-status-changed",
        B,
        "The HTTP status of an error code changed.",
    ),
    r(
        "auth-level-raised",
        B,
        "`policy.auth` became stricter (anonymous < user < admin).",
    ),
    r("auth-level-lowered", N, "`policy.auth` became less strict."),
    r(
        "permission-added",
        B,
        "`policy.roles` or `policy.permissions` gained an entry callers now need.",
    ),
    r(
        "idempotency-removed",
        B,
        "A command that was idempotent is no longer declared idempotent.",
    ),
    r(
        "emitted-event-removed",
        B,
        "An operation no longer emits an event.",
    ),
    r("emitted-event-added", N, "An operation emits a new event."),
    // request schemas (input, params, query, headers, config, secrets)
    r(
        "request-property-added",
        N,
        "An optional request property was added.",
    ),
    r(
        "request-required-property-added",
        B,
        "A required request property was added.",
    ),
    r(
        "request-property-removed",
        B,
        "A request property was removed (clients still send it).",
    ),
    r(
        "request-property-became-required",
        B,
        "An optional request property became required.",
    ),
    r(
        "request-property-became-optional",
        N,
        "A required request property became optional.",
    ),
    r(
        "request-type-changed",
        B,
        "The type of a request value changed or narrowed.",
    ),
    r(
        "request-type-widened",
        N,
        "The type of a request value accepts more (integer to number, a type added).",
    ),
    r(
        "request-enum-value-removed",
        B,
        "A request enum lost a value.",
    ),
    r(
        "request-enum-value-added",
        N,
        "A request enum gained a value.",
    ),
    r(
        "request-nullable-removed",
        B,
        "A request value no longer accepts null.",
    ),
    r(
        "request-nullable-added",
        N,
        "A request value now accepts null.",
    ),
    r(
        "request-format-changed",
        B,
        "A request value gained or changed its `format`.",
    ),
    r(
        "request-format-removed",
        N,
        "A request value lost its `format`.",
    ),
    r(
        "request-constraint-tightened",
        B,
        "A request constraint became stricter (bounds, lengths, pattern, allOf member).",
    ),
    r(
        "request-constraint-loosened",
        N,
        "A request constraint became looser.",
    ),
    r(
        "request-variant-added",
        N,
        "A request oneOf/anyOf gained a variant.",
    ),
    r(
        "request-variant-removed",
        B,
        "A request oneOf/anyOf lost a variant.",
    ),
    r(
        "request-additional-properties-closed",
        B,
        "A request object no longer accepts additional properties.",
    ),
    r(
        "config-required-field-added",
        B,
        "An integration's config schema gained a required field.",
    ),
    r(
        "secret-required-field-added",
        B,
        "An integration's secret schema gained a required field.",
    ),
    // response schemas (output, event payloads)
    r(
        "response-property-added",
        N,
        "A response property was added.",
    ),
    r(
        "response-property-removed",
        B,
        "A response property was removed.",
    ),
    r(
        "response-property-became-optional",
        B,
        "A required response property became optional.",
    ),
    r(
        "response-property-became-required",
        N,
        "An optional response property became required.",
    ),
    r(
        "response-type-changed",
        B,
        "The type of a response value changed or widened.",
    ),
    r(
        "response-type-narrowed",
        N,
        "The type of a response value narrowed (number to integer, a type removed).",
    ),
    r(
        "response-enum-value-added",
        B,
        "A response enum gained a value clients may not handle.",
    ),
    r(
        "response-enum-value-removed",
        N,
        "A response enum lost a value.",
    ),
    r(
        "response-nullable-added",
        B,
        "A response value may now be null.",
    ),
    r(
        "response-nullable-removed",
        N,
        "A response value is no longer null.",
    ),
    r(
        "response-format-changed",
        B,
        "A response value changed or lost its `format`.",
    ),
    r(
        "response-format-added",
        N,
        "A response value gained a `format`.",
    ),
    r(
        "response-constraint-loosened",
        B,
        "A response constraint became looser.",
    ),
    r(
        "response-constraint-tightened",
        N,
        "A response constraint became stricter.",
    ),
    r(
        "response-variant-added",
        B,
        "A response oneOf/anyOf gained a variant.",
    ),
    r(
        "response-variant-removed",
        N,
        "A response oneOf/anyOf lost a variant.",
    ),
    r(
        "schema-ref-changed",
        I,
        "A `$ref` points elsewhere (the referenced files are not compared).",
    ),
    // events
    r("pii-changed", I, "An event's `pii` list changed."),
    // integrations
    r(
        "auth-method-removed",
        B,
        "An integration no longer supports an auth method.",
    ),
    r(
        "auth-method-added",
        N,
        "An integration supports a new auth method.",
    ),
    r("transport-removed", B, "An integration lost a transport."),
    r("transport-added", N, "An integration gained a transport."),
    r(
        "mode-removed",
        B,
        "An integration no longer supports a mode (managed, byok).",
    ),
    r("mode-added", N, "An integration supports a new mode."),
    r(
        "webhook-signing-changed",
        B,
        "The inbound webhook signature header, algorithm or scheme changed.",
    ),
    r(
        "base-url-changed",
        I,
        "A REST transport's base URL changed.",
    ),
    r(
        "api-version-current-sunset",
        B,
        "The current provider API version is sunset or no longer supported.",
    ),
    r(
        "api-version-removed",
        B,
        "A supported provider API version was removed.",
    ),
    r("api-version-added", N, "A provider API version was added."),
    r(
        "api-version-deprecated",
        I,
        "A provider API version became deprecated.",
    ),
    r(
        "api-version-current-changed",
        I,
        "The current provider API version changed.",
    ),
    r(
        "capability-provided-removed",
        B,
        "An integration no longer provides a capability.",
    ),
    r(
        "capability-provided-added",
        N,
        "An integration provides a new capability.",
    ),
    r(
        "capability-required-added",
        B,
        "An integration requires a new (non-optional) capability.",
    ),
    r(
        "capability-required-removed",
        N,
        "An integration no longer requires a capability.",
    ),
    r(
        "rate-limit-lowered",
        B,
        "A declared rate limit (rpm, rph) was lowered or added.",
    ),
    r(
        "rate-limit-raised",
        N,
        "A declared rate limit was raised or removed.",
    ),
    r(
        "health-check-changed",
        I,
        "The health check method or timeout changed.",
    ),
    // features and capabilities
    r(
        "feature-member-removed",
        B,
        "A feature no longer includes an operation, event, integration or capability.",
    ),
    r(
        "feature-member-added",
        N,
        "A feature includes a new member.",
    ),
    r(
        "capability-surface-removed",
        B,
        "A capability no longer provides a surface.",
    ),
    r(
        "capability-surface-added",
        N,
        "A capability provides a new surface.",
    ),
];

pub fn find(id: &str) -> Option<&'static ChangeRule> {
    RULES.iter().find(|r| r.id == id)
}

/// The class of a rule; panics on an unknown ID (a bug caught by the tests).
pub fn class_of(id: &str) -> Class {
    find(id)
        .unwrap_or_else(|| panic!("unknown change rule {id}"))
        .class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sound() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate change rule {}", r.id);
            assert!(
                r.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{} is kebab-case",
                r.id
            );
            assert!(
                r.summary.ends_with('.'),
                "{} summary ends with a period",
                r.id
            );
        }
        assert_eq!(RULES.len(), 83);
        assert_eq!(
            RULES.iter().filter(|r| r.class == Class::Breaking).count(),
            43
        );
    }
}

/// The change rule reference page (`docs/change-rules.md`), generated from [`RULES`].
pub fn docs_page() -> String {
    let mut out = String::from(
        "# Change rules\n\n<!-- generated from crates/charter-diff by `UPDATE_DOCS=1 cargo test -p charter-diff`; do not edit -->\n\n`charter diff` and `charter ci --base` classify every change between the base and the head with one of these rules. `request-*` rules are about data clients send (operation input, path, query and header parameters, integration config and secrets); `response-*` rules about data clients receive (operation output, event payloads). Breaking changes to contracts that were below `stable` in the base are reported as `info` (exempt). A breaking change without a major version bump (minor for 0.x) also reports `major-bump-required`.\n\n| rule | class | change |\n|---|---|---|\n",
    );
    for r in RULES {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            r.id,
            r.class.as_str(),
            r.summary
        ));
    }
    out
}

#[cfg(test)]
mod docs_tests {
    #[test]
    fn docs_page_is_up_to_date() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/change-rules.md");
        let want = super::docs_page();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &want).expect("write docs");
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "docs/change-rules.md is stale: run `UPDATE_DOCS=1 cargo test -p charter-diff`"
        );
    }
}
