//! `error-when-missing`: every error code says when it happens.

use charter_diagnostics::Diagnostic;
use charter_model::{node::push_pointer, Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "error-when-missing",
    name: "Undocumented error code",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports an error in `io.errors` without a `when` explanation.",
    why: "An error code without an explanation forces consumers to read the server code to know whether to retry, fix their input or call support.",
    example: "io:\n  errors:\n    CART_EMPTY: {http: 422}",
    fix: "Say when it happens: `CART_EMPTY: {http: 422, when: The cart has no items.}`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    for (code, e) in &op.io.errors {
        if e.when.as_deref().is_none_or(|w| w.trim().is_empty()) {
            out.push(
                ctx.warning(
                    RULE.id,
                    format!("error `{code}` does not say when it happens"),
                    &push_pointer("/io/errors", code),
                )
                .with_help("add `when:` with one sentence on the cause"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn documented_passes() {
        let y = operation("shop.cart.get", "query", "io:\n  errors:\n    NOT_FOUND: {http: 404, when: No cart.}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn undocumented_fails() {
        let y = operation("shop.cart.get", "query", "io:\n  errors:\n    NOT_FOUND: {http: 404}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["13:16 error-when-missing: error `NOT_FOUND` does not say when it happens"]
        );
    }
}
