//! `stable-rate-limit-missing`: stable integrations declare the provider's rate limit.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, Stability};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "stable-rate-limit-missing",
    name: "Stable integration without rate limit",
    default_level: Level::Warn,
    kinds: &[Kind::Integration],
    what: "Reports a `stable` integration without `constraints.rateLimit`.",
    why: "The runtime enforces `constraints.rateLimit` per connection; without it a burst of calls runs into the provider's limit, and every tenant sharing a managed key gets 429s.",
    example: "meta:\n  stability: stable\n# no constraints",
    fix: "Declare the documented limit: `constraints: {rateLimit: {rpm: 1000}}`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Integration(c) = ctx.contract else {
        return;
    };
    if c.meta.stability != Stability::Stable {
        return;
    }
    if c.constraints.as_ref().and_then(|k| k.rate_limit).is_none() {
        out.push(
            ctx.warning(
                RULE.id,
                format!("stable integration `{}` declares no rate limit", c.meta.key),
                "/meta/stability",
            )
            .with_help("add `constraints: {rateLimit: {rpm: …}}` with the provider's documented limit"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, integration};

    #[test]
    fn with_limit_or_beta_passes() {
        let y = integration("stable", "constraints: {rateLimit: {rpm: 100}}\n");
        assert!(doc(&RULE, &y).is_empty());
        assert!(doc(&RULE, &integration("beta", "")).is_empty());
    }

    #[test]
    fn without_limit_fails() {
        assert_eq!(
            doc(&RULE, &integration("stable", "")),
            ["10:14 stable-rate-limit-missing: stable integration `payments.acme` declares no rate limit"]
        );
    }
}
