//! `path-param-unused`: every property of `io.params` appears in the REST path.

use charter_diagnostics::Diagnostic;
use charter_model::{node::push_pointer, Contract, Kind};
use charter_workspace::{DocContext, Level};

use super::path_param_undeclared::{declared, placeholders};
use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "path-param-unused",
    name: "Path parameter not in path",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports a property of `io.params` that has no `{name}` placeholder in `transport.rest.path`.",
    why: "`io.params` are path parameters; one that is not in the path can never be sent, so the REST surface and the contract disagree.",
    example: "io:\n  params: {properties: {cartId: {type: string}}}\ntransport:\n  rest: {method: GET, path: /carts}",
    fix: "Add `{cartId}` to the path, or move the field to `io.query`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    let Some(rest) = op.transport.as_ref().and_then(|t| t.rest.as_ref()) else {
        return;
    };
    let used = placeholders(&rest.path);
    for name in declared(op) {
        if !used.contains(&name) {
            out.push(
                ctx.warning(
                    RULE.id,
                    format!("`io.params.{name}` does not appear in path `{}`", rest.path),
                    &push_pointer("/io/params/properties", name),
                )
                .with_help(format!("add `{{{name}}}` to the path, or move it to `io.query`")),
            );
            if let Some(d) = out.last_mut() {
                d.primary.span = ctx.key_span(&push_pointer("/io/params/properties", name));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn used_passes() {
        let y = operation(
            "shop.cart.get",
            "query",
            "io:\n  params: {type: object, properties: {cartId: {type: string}}}\ntransport:\n  rest: {method: GET, path: '/carts/{cartId}'}\n",
        );
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn unused_fails() {
        let y = operation(
            "shop.cart.get",
            "query",
            "io:\n  params: {type: object, properties: {cartId: {type: string}}}\ntransport:\n  rest: {method: GET, path: /carts}\n",
        );
        assert_eq!(
            doc(&RULE, &y),
            ["12:39 path-param-unused: `io.params.cartId` does not appear in path `/carts`"]
        );
    }
}
