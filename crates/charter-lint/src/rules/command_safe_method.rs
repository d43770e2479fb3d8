//! `command-safe-method`: commands are not served with GET, HEAD or OPTIONS.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, HttpMethod, Kind, OperationKind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "command-safe-method",
    name: "Command with a safe method",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports a `command` operation whose REST method is GET, HEAD or OPTIONS.",
    why: "Safe methods may be prefetched, cached and retried by browsers, crawlers and proxies; a command behind GET runs when nobody asked for it.",
    example: "meta:\n  kind: command\ntransport:\n  rest: {method: GET, path: /carts/{cartId}/checkout}",
    fix: "Use POST (create or action), PUT/PATCH (update) or DELETE.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    let Some(rest) = op.transport.as_ref().and_then(|t| t.rest.as_ref()) else {
        return;
    };
    if op.meta.kind == Some(OperationKind::Command)
        && matches!(rest.method, HttpMethod::Get | HttpMethod::Head | HttpMethod::Options)
    {
        out.push(
            ctx.warning(
                RULE.id,
                format!(
                    "command `{}` is served with the safe method {}",
                    op.meta.key,
                    rest.method.as_str()
                ),
                "/transport/rest/method",
            )
            .with_help("use POST, PUT, PATCH or DELETE for commands"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn post_passes() {
        let y = operation("shop.cart.create", "command", "transport:\n  rest: {method: POST, path: /carts}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn get_fails() {
        let y = operation("shop.cart.create", "command", "transport:\n  rest: {method: GET, path: /carts}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["12:18 command-safe-method: command `shop.cart.create` is served with the safe method GET"]
        );
    }
}
