//! `error-status-range`: error HTTP statuses are 4xx or 5xx.

use charter_diagnostics::Diagnostic;
use charter_model::{node::push_pointer, Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "error-status-range",
    name: "Error status outside 4xx/5xx",
    default_level: Level::Error,
    kinds: &[Kind::Operation],
    what: "Reports an error whose `http` status is not between 400 and 599.",
    why: "HTTP clients, proxies and retries treat 2xx and 3xx as success or redirection; an error sent with such a status is silently taken for a result.",
    example: "io:\n  errors:\n    CART_EMPTY: {http: 200}",
    fix: "Use the 4xx status for a client mistake (422 for a valid but refused request) or the 5xx status for a server failure.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    for (code, e) in &op.io.errors {
        if !(400..=599).contains(&e.http) {
            out.push(
                ctx.error(
                    RULE.id,
                    format!("error `{code}` has HTTP status {}, not 4xx or 5xx", e.http),
                    &format!("{}/http", push_pointer("/io/errors", code)),
                )
                .with_help("use a 4xx status for client errors, 5xx for server errors"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn client_and_server_statuses_pass() {
        let y = operation("shop.cart.get", "query", "io:\n  errors:\n    A: {http: 404}\n    B: {http: 503}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn success_status_fails() {
        let y = operation("shop.cart.get", "query", "io:\n  errors:\n    A: {http: 200}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["13:15 error-status-range: error `A` has HTTP status 200, not 4xx or 5xx"]
        );
    }
}
