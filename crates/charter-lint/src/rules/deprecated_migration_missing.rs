//! `deprecated-migration-missing`: a deprecated contract points to what replaces it.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, Stability};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "deprecated-migration-missing",
    name: "Deprecated without migration guide",
    default_level: Level::Warn,
    kinds: &Kind::ALL,
    what: "Reports a contract with `stability: deprecated` that has neither a `meta.docsUrl` (the migration guide) nor a description that names its replacement (`use …`, `replaced by …`, `migrate to …`).",
    why: "Deprecation without a path forward leaves consumers stuck on the old contract until it is removed; a link or a named successor turns a surprise into a planned migration.",
    example: "meta:\n  key: commerce.charge.create\n  stability: deprecated\n  description: Creates a charge.",
    fix: "Add `docsUrl: https://…/migrate-to-payment-intents` and say in the description what to use instead.",
    check: Check::Document(check),
};

const HINTS: &[&str] = &["use ", "replaced by", "migrate to", "superseded by", "instead"];

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let meta = ctx.contract.meta();
    if meta.stability != Stability::Deprecated {
        return;
    }
    let has_link = meta.docs_url.is_some()
        || matches!(ctx.contract, Contract::Integration(c) if c.docs_url.is_some());
    let d = meta.description.to_ascii_lowercase();
    if has_link || HINTS.iter().any(|h| d.contains(h)) {
        return;
    }
    out.push(
        ctx.warning(
            RULE.id,
            format!("`{}` is deprecated but names no replacement or migration guide", meta.key),
            "/meta/stability",
        )
        .with_help("add `meta.docsUrl` with the migration guide and say in the description what to use instead"),
    );
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, event};

    #[test]
    fn with_guide_passes() {
        let y = event("shop.cart.created", "payload: {}\n")
            .replace("stability: stable", "stability: deprecated\n  docsUrl: https://docs.example.com/migrate");
        assert!(doc(&RULE, &y).is_empty());
        let y = event("shop.cart.created", "payload: {}\n")
            .replace("stability: stable", "stability: deprecated")
            .replace("An event used as a lint fixture.", "Replaced by shop.basket.created.");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn without_guide_fails() {
        let y = event("shop.cart.created", "payload: {}\n")
            .replace("stability: stable", "stability: deprecated");
        assert_eq!(
            doc(&RULE, &y),
            ["9:14 deprecated-migration-missing: `shop.cart.created` is deprecated but names no replacement or migration guide"]
        );
    }
}
