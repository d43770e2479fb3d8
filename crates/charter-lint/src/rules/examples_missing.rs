//! `examples-missing`: operations and events carry at least one example.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "examples-missing",
    name: "Missing examples",
    default_level: Level::Warn,
    kinds: &[Kind::Operation, Kind::Event],
    what: "Reports an operation or an event without `examples`.",
    why: "Examples are validated against the schemas, shown in generated docs and used by mocks; without one, consumers guess at the shape of real data.",
    example: "kind: operation\nio:\n  input: {type: object}\n# no examples",
    fix: "Add `examples:` with one realistic `input`/`output` pair (operations) or payload (events).",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let empty = match ctx.contract {
        Contract::Operation(op) => op.examples.is_empty(),
        Contract::Event(ev) => ev.examples.is_empty(),
        _ => false,
    };
    if empty {
        out.push(
            ctx.warning(
                RULE.id,
                format!("`{}` has no examples", ctx.contract.meta().key),
                "/meta/key",
            )
            .with_help("add `examples:` with one realistic example; it is validated against the schema"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, event, operation};

    #[test]
    fn with_examples_passes() {
        let y = event("shop.cart.created", "payload: {type: object}\nexamples: [{}]\n");
        assert!(doc(&RULE, &y).is_empty());
        let y = operation("shop.cart.get", "query", "examples: [{name: a, input: {}}]\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn without_examples_fails() {
        assert_eq!(
            doc(&RULE, &operation("shop.cart.get", "query", "")),
            ["3:8 examples-missing: `shop.cart.get` has no examples"]
        );
    }
}
