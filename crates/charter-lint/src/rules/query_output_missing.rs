//! `query-output-missing`: queries declare what they return.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, OperationKind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "query-output-missing",
    name: "Query without output",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports a `query` operation without `io.output`.",
    why: "A query exists to return data; without an output schema, generated types are `unknown`, responses are never validated and breaking changes to them go unnoticed.",
    example: "meta:\n  kind: query\nio:\n  params: {properties: {cartId: {type: string}}}",
    fix: "Add `io.output` with the JSON Schema of the result.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    if op.meta.kind == Some(OperationKind::Query) && op.io.output.is_none() {
        out.push(
            ctx.warning(
                RULE.id,
                format!("query `{}` has no `io.output`", op.meta.key),
                "/meta/kind",
            )
            .with_help("add `io.output` with the JSON Schema of the result"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn with_output_passes() {
        let y = operation("shop.cart.get", "query", "io:\n  output: {type: object}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn without_output_fails() {
        assert_eq!(
            doc(&RULE, &operation("shop.cart.get", "query", "")),
            ["5:9 query-output-missing: query `shop.cart.get` has no `io.output`"]
        );
    }
}
