//! `error-code-format`: error codes are UPPER_SNAKE_CASE.

use charter_diagnostics::Diagnostic;
use charter_model::{node::push_pointer, Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "error-code-format",
    name: "Error code format",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports an error code in `io.errors` that is not UPPER_SNAKE_CASE (`CART_NOT_FOUND`).",
    why: "Error codes are matched by clients and become enum members in generated SDKs; one casing keeps them greppable and stable across operations.",
    example: "io:\n  errors:\n    cartNotFound: {http: 404}",
    fix: "Rename to `CART_NOT_FOUND` (a rename is a breaking change once published).",
    check: Check::Document(check),
};

pub(crate) fn upper_snake(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && !s.ends_with('_')
        && !s.contains("__")
}

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    for code in op.io.errors.keys() {
        if !upper_snake(code) {
            let suggestion: String = code
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let sep = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                    sep.into_iter().chain(std::iter::once(c.to_ascii_uppercase()))
                })
                .map(|c| if c == '-' || c == '.' || c == ' ' { '_' } else { c })
                .collect();
            out.push(
                ctx.warning(
                    RULE.id,
                    format!("error code `{code}` is not UPPER_SNAKE_CASE"),
                    &push_pointer("/io/errors", code),
                )
                .with_help(format!("rename it to `{suggestion}`")),
            );
            // Point at the key, not the value.
            if let Some(d) = out.last_mut() {
                d.primary.span = ctx.key_span(&push_pointer("/io/errors", code));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn upper_snake_passes() {
        let y = operation("shop.cart.get", "query", "io:\n  errors:\n    CART_NOT_FOUND_2: {http: 404}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn other_casing_fails() {
        let y = operation("shop.cart.get", "query", "io:\n  errors:\n    cartNotFound: {http: 404}\n    bad-code: {http: 400}\n");
        assert_eq!(
            doc(&RULE, &y),
            [
                "13:5 error-code-format: error code `cartNotFound` is not UPPER_SNAKE_CASE",
                "14:5 error-code-format: error code `bad-code` is not UPPER_SNAKE_CASE",
            ]
        );
    }
}
