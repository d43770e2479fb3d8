//! `byok-setup-missing`: bring-your-own-key integrations explain the setup.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, Mode};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "byok-setup-missing",
    name: "BYOK without setup instructions",
    default_level: Level::Warn,
    kinds: &[Kind::Integration],
    what: "Reports an integration whose `supportedModes` include `byok` but that has no `byokSetup.setupInstructions`.",
    why: "In BYOK mode a tenant creates the key; without instructions and required scopes they create one with the wrong permissions and the first call fails.",
    example: "supportedModes: [byok]\n# no byokSetup",
    fix: "Add `byokSetup: {setupInstructions: …, requiredScopes: […]}`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Integration(c) = ctx.contract else {
        return;
    };
    let Some(i) = c.supported_modes.iter().position(|m| *m == Mode::Byok) else {
        return;
    };
    if c.byok_setup
        .as_ref()
        .and_then(|b| b.setup_instructions.as_deref())
        .is_none_or(|s| s.trim().is_empty())
    {
        out.push(
            ctx.warning(
                RULE.id,
                "`byok` is supported but `byokSetup.setupInstructions` is missing",
                &format!("/supportedModes/{i}"),
            )
            .with_help("add `byokSetup: {setupInstructions: …, requiredScopes: […]}`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, integration};

    #[test]
    fn with_setup_passes() {
        let y = integration("stable", "supportedModes: [managed, byok]\nbyokSetup: {setupInstructions: Create a key.}\n");
        assert!(doc(&RULE, &y).is_empty());
        assert!(doc(&RULE, &integration("stable", "supportedModes: [managed]\n")).is_empty());
    }

    #[test]
    fn without_setup_fails() {
        let y = integration("stable", "supportedModes: [managed, byok]\n");
        assert_eq!(
            doc(&RULE, &y),
            ["11:27 byok-setup-missing: `byok` is supported but `byokSetup.setupInstructions` is missing"]
        );
    }
}
