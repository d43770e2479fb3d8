//! `stable-health-check-missing`: stable integrations declare a health check.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, Stability};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "stable-health-check-missing",
    name: "Stable integration without health check",
    default_level: Level::Warn,
    kinds: &[Kind::Integration],
    what: "Reports a `stable` integration without `healthCheck`.",
    why: "Connections report their health from the declared check; without one a revoked key or a provider outage is discovered by the first failing customer request.",
    example: "meta:\n  stability: stable\n# no healthCheck",
    fix: "Declare one: `healthCheck: {method: ping, timeoutMs: 5000}`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Integration(c) = ctx.contract else {
        return;
    };
    if c.meta.stability == Stability::Stable && c.health_check.is_none() {
        out.push(
            ctx.warning(
                RULE.id,
                format!("stable integration `{}` declares no health check", c.meta.key),
                "/meta/stability",
            )
            .with_help("add `healthCheck: {method: ping, timeoutMs: 5000}`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, integration};

    #[test]
    fn with_check_passes() {
        let y = integration("stable", "healthCheck: {method: ping, timeoutMs: 5000}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn without_check_fails() {
        assert_eq!(
            doc(&RULE, &integration("stable", "")),
            ["10:14 stable-health-check-missing: stable integration `payments.acme` declares no health check"]
        );
    }
}
