//! `operation-errors-missing`: operations say how they fail.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "operation-errors-missing",
    name: "Operation without errors",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports an operation without `io.errors`.",
    why: "Every operation can fail; clients that do not know the error codes cannot tell a retryable failure from a permanent one, and generated SDKs fall back to a generic error.",
    example: "kind: operation\nio:\n  input: {type: object}\n  output: {type: object}",
    fix: "Declare the errors: `errors: {CART_NOT_FOUND: {http: 404, when: No cart has this id.}}`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    if let Contract::Operation(op) = ctx.contract {
        if op.io.errors.is_empty() {
            out.push(
                ctx.warning(
                    RULE.id,
                    format!("operation `{}` declares no errors", op.meta.key),
                    "/meta/key",
                )
                .with_help("add `io.errors` with each error code, its HTTP status and when it happens"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn with_errors_passes() {
        let y = operation("shop.cart.get", "query", "io:\n  errors:\n    NOT_FOUND: {http: 404, when: No cart.}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn without_errors_fails() {
        assert_eq!(
            doc(&RULE, &operation("shop.cart.get", "query", "")),
            ["3:8 operation-errors-missing: operation `shop.cart.get` declares no errors"]
        );
    }
}
