//! `api-key-in-query`: API keys travel in headers, not URLs.

use charter_diagnostics::Diagnostic;
use charter_model::{AuthMethod, Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "api-key-in-query",
    name: "API key in query string",
    default_level: Level::Warn,
    kinds: &[Kind::Integration],
    what: "Reports an `api-key` auth method that sends the key as a query parameter (`queryParam`) without also offering a header.",
    why: "URLs end up in access logs, proxy logs, browser history and error trackers; a key in the query string leaks wherever the URL goes.",
    example: "supportedAuthMethods:\n  - {type: api-key, queryParam: api_key}",
    fix: "Use `headerName:` when the provider accepts it; otherwise keep the rule as a reminder to scrub URLs from logs.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Integration(c) = ctx.contract else {
        return;
    };
    for (i, a) in c.supported_auth_methods.iter().enumerate() {
        if let AuthMethod::ApiKey(k) = a {
            if let (Some(q), None) = (&k.query_param, &k.header_name) {
                out.push(
                    ctx.warning(
                        RULE.id,
                        format!("the API key is sent in query parameter `{q}`"),
                        &format!("/supportedAuthMethods/{i}/queryParam"),
                    )
                    .with_help("send it in a header (`headerName:`) if the provider accepts one"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, integration};

    #[test]
    fn header_passes() {
        let y = integration("stable", "supportedAuthMethods:\n  - {type: api-key, headerName: X-Api-Key}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn query_fails() {
        let y = integration("stable", "supportedAuthMethods:\n  - {type: api-key, queryParam: key}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["12:33 api-key-in-query: the API key is sent in query parameter `key`"]
        );
    }
}
