//! `query-body-method`: queries are served with a safe method.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, OperationKind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "query-body-method",
    name: "Query with a body method",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports a `query` operation whose REST method is POST, PUT or PATCH.",
    why: "Queries change nothing; serving them with a body method defeats HTTP caching, makes retries look unsafe to proxies and clients, and hides reads among writes in access logs.",
    example: "meta:\n  kind: query\ntransport:\n  rest: {method: POST, path: /carts/search}",
    fix: "Use GET with `io.query` parameters; if the filter is too large for a URL, document why and turn the rule off for this contract kind.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    let Some(rest) = op.transport.as_ref().and_then(|t| t.rest.as_ref()) else {
        return;
    };
    if op.meta.kind == Some(OperationKind::Query) && rest.method.allows_body() {
        out.push(
            ctx.warning(
                RULE.id,
                format!("query `{}` is served with {}", op.meta.key, rest.method.as_str()),
                "/transport/rest/method",
            )
            .with_help("serve queries with GET and put filters in `io.query`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn get_passes() {
        let y = operation("shop.cart.get", "query", "transport:\n  rest: {method: GET, path: /carts}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn post_fails() {
        let y = operation("shop.cart.get", "query", "transport:\n  rest: {method: POST, path: /carts}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["12:18 query-body-method: query `shop.cart.get` is served with POST"]
        );
    }
}
