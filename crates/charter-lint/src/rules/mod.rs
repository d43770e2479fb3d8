//! The lint rule registry: one module per rule, listed once here.
//!
//! To add a rule: copy a rule file, give it a new ID (kebab-case, named after the problem),
//! and add its module name to the `registry!` list below. The tests at the end of this file
//! check the registry itself.

macro_rules! registry {
    ($($module:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// Every lint rule, in ID order.
        pub const RULES: &[&crate::Rule] = &[$(&$module::RULE),*];

        /// Module names, in the order of [`RULES`] (for the registry tests).
        #[cfg(test)]
        const MODULES: &[&str] = &[$(stringify!($module)),*];
    };
}

registry! {
    api_key_in_query,
    byok_setup_missing,
    command_idempotency_undeclared,
    command_safe_method,
    deprecated_dependency,
    deprecated_migration_missing,
    description_too_short,
    duplicate_mcp_tool,
    duplicate_rest_route,
    error_code_format,
    error_status_range,
    error_when_missing,
    event_key_tense,
    event_pii_undeclared,
    examples_missing,
    insecure_url_in_text,
    key_domain_mismatch,
    mcp_tool_name_format,
    oauth2_pkce_missing,
    operation_auth_undeclared,
    operation_errors_missing,
    owner_handle_format,
    path_param_undeclared,
    path_param_unused,
    property_description_missing,
    query_body_method,
    query_output_missing,
    rest_path_format,
    secret_field_exposed,
    stable_health_check_missing,
    stable_rate_limit_missing,
    title_missing,
    version_migration_guide_missing,
    version_sunset_date_missing,
    webhook_scheme_implicit,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_sorted_and_match_their_module() {
        let mut seen = HashSet::new();
        for (rule, module) in RULES.iter().zip(MODULES) {
            assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
            assert_eq!(
                rule.id.replace('-', "_"),
                *module,
                "rule {} lives in its own module",
                rule.id
            );
        }
        let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted, "the registry is in ID order");
    }

    #[test]
    fn ids_follow_the_naming_convention() {
        for r in RULES {
            let words: Vec<&str> = r.id.split('-').collect();
            assert!(
                words.iter().all(|w| !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{} is kebab-case",
                r.id
            );
            assert!((2..=4).contains(&words.len()), "{} has 2 to 4 words", r.id);
            for banned in [
                "no", "avoid", "prefer", "use", "require", "enforce", "check",
            ] {
                assert_ne!(
                    words[0], banned,
                    "{} is named after the problem, not the advice",
                    r.id
                );
            }
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for r in RULES {
            assert!(
                !r.name.is_empty() && r.name.len() <= 60,
                "{} has a short name",
                r.id
            );
            for (field, text) in [("what", r.what), ("why", r.why), ("fix", r.fix)] {
                assert!(text.len() >= 30, "{}: `{field}` says enough", r.id);
                assert!(
                    text.ends_with('.') || text.ends_with(")."),
                    "{}: `{field}` ends with a period",
                    r.id
                );
            }
            assert!(!r.example.trim().is_empty(), "{} has an example", r.id);
            assert!(!r.kinds.is_empty(), "{} applies to some kind", r.id);
            let md = r.markdown();
            assert!(md.starts_with(&format!("# {}: {}\n", r.id, r.name)));
            for section in ["## What it does", "## Why", "## Example", "## Fix"] {
                assert!(md.contains(section), "{} docs have {section}", r.id);
            }
        }
    }

    #[test]
    fn ids_do_not_collide_with_validation_rules() {
        for r in RULES {
            assert!(
                charter_check::rules::find(r.id).is_none(),
                "{} is also a validation rule",
                r.id
            );
        }
    }

    #[test]
    fn registry_size_and_levels() {
        assert_eq!(RULES.len(), 35);
        let off: Vec<&str> = RULES
            .iter()
            .filter(|r| r.default_level == charter_workspace::Level::Off)
            .map(|r| r.id)
            .collect();
        assert_eq!(off, ["property-description-missing"]);
        assert_eq!(
            crate::find("event-key-tense").map(|r| r.name),
            Some("Event key not in past tense")
        );
        assert!(crate::find("nope").is_none());
    }
}

#[cfg(test)]
mod docs_tests {
    /// docs/lint-rules.md is generated from the registry; CI fails when it is stale.
    #[test]
    fn docs_page_is_up_to_date() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/lint-rules.md");
        let want = crate::docs_page();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &want).expect("write docs");
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "docs/lint-rules.md is stale: run `UPDATE_DOCS=1 cargo test -p charter-lint`"
        );
    }
}
