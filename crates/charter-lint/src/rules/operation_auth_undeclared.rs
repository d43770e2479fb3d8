//! `operation-auth-undeclared`: operations say who may call them.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "operation-auth-undeclared",
    name: "Operation auth not declared",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports an operation without `policy.auth` (anonymous, user or admin).",
    why: "Security reviews and the server read the policy; an operation that does not say who may call it is either open by accident or closed by surprise.",
    example: "kind: operation\npolicy:\n  roles: [shopper]",
    fix: "Declare it, even when public: `policy: {auth: anonymous}`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    if op.policy.as_ref().and_then(|p| p.auth).is_none() {
        let pointer = if op.policy.is_some() { "/policy" } else { "/meta/key" };
        out.push(
            ctx.warning(
                RULE.id,
                format!("operation `{}` does not declare `policy.auth`", op.meta.key),
                pointer,
            )
            .with_help("add `policy: {auth: anonymous | user | admin}`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn declared_passes() {
        let y = operation("shop.cart.get", "query", "policy: {auth: anonymous}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn undeclared_fails() {
        assert_eq!(
            doc(&RULE, &operation("shop.cart.get", "query", "")),
            ["3:8 operation-auth-undeclared: operation `shop.cart.get` does not declare `policy.auth`"]
        );
    }
}
