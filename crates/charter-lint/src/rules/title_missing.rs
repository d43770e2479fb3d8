//! `title-missing`: every contract has a human title.

use charter_diagnostics::Diagnostic;
use charter_model::Kind;
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "title-missing",
    name: "Missing title",
    default_level: Level::Warn,
    kinds: &Kind::ALL,
    what: "Reports a contract without `meta.title`.",
    why: "Catalogs, generated docs and the studio show the title; without one they fall back to the dotted key, which reads poorly for people outside the team.",
    example: "meta:\n  key: commerce.checkout.create\n  description: Creates a checkout.",
    fix: "Add a short title: `title: Create checkout`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let meta = ctx.contract.meta();
    if meta.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        out.push(
            ctx.warning(RULE.id, format!("`{}` has no title", meta.key), "/meta")
                .with_help("add `title:` with a short human name"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, event};

    #[test]
    fn with_title_passes() {
        assert!(doc(&RULE, &event("shop.cart.created", "payload: {}\n")).is_empty());
    }

    #[test]
    fn without_title_fails() {
        let y = event("shop.cart.created", "payload: {}\n").replace("  title: T\n", "");
        assert_eq!(
            doc(&RULE, &y),
            ["3:3 title-missing: `shop.cart.created` has no title"]
        );
    }
}
