//! `owner-handle-format`: owners are handles, not names.

use std::sync::LazyLock;

use charter_diagnostics::Diagnostic;
use charter_model::Kind;
use charter_workspace::{DocContext, Level};
use regex::Regex;

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "owner-handle-format",
    name: "Owner handle format",
    default_level: Level::Warn,
    kinds: &Kind::ALL,
    what: "Reports an entry of `meta.owners` that is not a handle: `@team`, `@org/team`, a dotted team id (`team.payments`) or an email address.",
    why: "Service catalogs route alerts, reviews and questions to owners. A display name such as `John Smith` or `Payments Team` cannot be resolved to a person or a group, and it changes when people do.",
    example: "meta:\n  owners: [Payments Team]",
    fix: "Write the handle of the team in your identity system: `owners: ['@acme/payments']` or `owners: [team.payments]`.",
    check: Check::Document(check),
};

static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(@?[a-z0-9][a-z0-9_-]*([./][a-z0-9][a-z0-9_-]*)*|[^@\s]+@[^@\s]+\.[a-z]{2,})$")
        .expect("valid regex")
});

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    for (i, owner) in ctx.contract.meta().owners.iter().enumerate() {
        if owner.trim().is_empty() || HANDLE.is_match(owner) {
            continue; // blank owners are a validation error (`meta-owners`)
        }
        out.push(
            ctx.warning(
                RULE.id,
                format!("owner `{owner}` is not a handle"),
                &format!("/meta/owners/{i}"),
            )
            .with_help("use a lower-case handle: `@org/team`, `team.payments` or an email address"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, event};

    #[test]
    fn handles_pass() {
        let y = event("shop.cart.created", "payload: {type: object}\n")
            .replace("[team.shop]", "['@acme/shop', team.shop, jane@example.com]");
        assert_eq!(doc(&RULE, &y), Vec::<String>::new());
    }

    #[test]
    fn names_fail() {
        let y = event("shop.cart.created", "payload: {type: object}\n")
            .replace("[team.shop]", "[Shop Team, team.shop]");
        assert_eq!(
            doc(&RULE, &y),
            ["7:12 owner-handle-format: owner `Shop Team` is not a handle"]
        );
    }
}
