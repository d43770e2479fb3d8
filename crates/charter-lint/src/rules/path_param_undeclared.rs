//! `path-param-undeclared`: every `{param}` of a REST path is declared in `io.params`.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, Operation};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "path-param-undeclared",
    name: "Path parameter not declared",
    default_level: Level::Error,
    kinds: &[Kind::Operation],
    what: "Reports a `{name}` placeholder in `transport.rest.path` that is not a property of `io.params`.",
    why: "Undeclared path parameters have no type or pattern: the server cannot validate them, OpenAPI output is invalid, and generated clients take them as untyped strings.",
    example: "io:\n  params: {type: object, properties: {}}\ntransport:\n  rest: {method: GET, path: /carts/{cartId}}",
    fix: "Declare it: `params: {type: object, required: [cartId], properties: {cartId: {type: string}}}`.",
    check: Check::Document(check),
};

/// `{name}` placeholders of a path, in order.
pub(crate) fn placeholders(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// Property names of `io.params`.
pub(crate) fn declared(op: &Operation) -> Vec<&str> {
    op.io
        .params
        .as_ref()
        .and_then(|p| p.get("properties"))
        .and_then(|p| p.as_object())
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    let Some(rest) = op.transport.as_ref().and_then(|t| t.rest.as_ref()) else {
        return;
    };
    let known = declared(op);
    for name in placeholders(&rest.path) {
        if !known.contains(&name) {
            out.push(
                ctx.error(
                    RULE.id,
                    format!("path parameter `{name}` is not declared in `io.params`"),
                    "/transport/rest/path",
                )
                .with_help(format!(
                    "add `{name}` under `io.params.properties` with its type, and list it in `required`"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn declared_passes() {
        let y = operation(
            "shop.cart.get",
            "query",
            "io:\n  params: {type: object, properties: {cartId: {type: string}}}\ntransport:\n  rest: {method: GET, path: '/carts/{cartId}'}\n",
        );
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn undeclared_fails() {
        let y = operation(
            "shop.cart.get",
            "query",
            "transport:\n  rest: {method: GET, path: '/carts/{cartId}/items/{itemId}'}\n",
        );
        assert_eq!(
            doc(&RULE, &y),
            [
                "12:29 path-param-undeclared: path parameter `cartId` is not declared in `io.params`",
                "12:29 path-param-undeclared: path parameter `itemId` is not declared in `io.params`",
            ]
        );
    }
}
