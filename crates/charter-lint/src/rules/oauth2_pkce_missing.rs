//! `oauth2-pkce-missing`: the authorization-code flow uses PKCE.

use charter_diagnostics::Diagnostic;
use charter_model::{AuthMethod, Contract, GrantType, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "oauth2-pkce-missing",
    name: "OAuth2 authorization code without PKCE",
    default_level: Level::Warn,
    kinds: &[Kind::Integration],
    what: "Reports an oauth2 method with `grantType: authorization_code` that does not set `pkce: true`.",
    why: "OAuth 2.1 and RFC 9700 require PKCE for the authorization-code flow: without it an intercepted code can be exchanged for tokens.",
    example: "supportedAuthMethods:\n  - {type: oauth2, grantType: authorization_code, authorizationUrl: https://…, tokenUrl: https://…}",
    fix: "Add `pkce: true` (if the provider does not support PKCE, set `pkce: false` to record it, and turn this rule off for the contract).",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Integration(c) = ctx.contract else {
        return;
    };
    for (i, a) in c.supported_auth_methods.iter().enumerate() {
        if let AuthMethod::OAuth2(o) = a {
            if o.grant_type == GrantType::AuthorizationCode && o.pkce != Some(true) {
                out.push(
                    ctx.warning(
                        RULE.id,
                        "the oauth2 authorization-code flow does not use PKCE",
                        &format!("/supportedAuthMethods/{i}"),
                    )
                    .with_help("add `pkce: true`"),
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
    fn pkce_passes() {
        let y = integration("stable", "supportedAuthMethods:\n  - {type: oauth2, grantType: authorization_code, authorizationUrl: 'https://a.example.com', pkce: true}\n  - {type: oauth2, grantType: client_credentials}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn without_pkce_fails() {
        let y = integration("stable", "supportedAuthMethods:\n  - {type: oauth2, grantType: authorization_code, authorizationUrl: 'https://a.example.com'}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["12:5 oauth2-pkce-missing: the oauth2 authorization-code flow does not use PKCE"]
        );
    }
}
