//! `version-migration-guide-missing`: deprecated and sunset API versions link a guide.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, VersionStatus};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "version-migration-guide-missing",
    name: "Deprecated version without migration guide",
    default_level: Level::Warn,
    kinds: &[Kind::Integration],
    what: "Reports an entry of `versionPolicy.supportedVersions` with status `deprecated` or `sunset` and no `migrationGuide`.",
    why: "Teams pinned to an old provider version need to know what changed; the guide is shown next to the deprecation warning in docs and the studio.",
    example: "versionPolicy:\n  supportedVersions:\n    - {version: 2023-10-16, status: deprecated, sunsetDate: 2026-06-01}",
    fix: "Link the provider's upgrade notes: `migrationGuide: https://…/upgrades#2024-11-20`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Integration(c) = ctx.contract else {
        return;
    };
    let Some(vp) = &c.version_policy else { return };
    for (i, v) in vp.supported_versions.iter().enumerate() {
        if matches!(v.status, VersionStatus::Deprecated | VersionStatus::Sunset)
            && v.migration_guide.is_none()
        {
            out.push(
                ctx.warning(
                    RULE.id,
                    format!("{} version `{}` has no `migrationGuide`", v.status.as_str(), v.version),
                    &format!("/versionPolicy/supportedVersions/{i}"),
                )
                .with_help("add `migrationGuide:` with a link to the provider's upgrade notes"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, integration};

    const VP: &str = "versionPolicy:\n  currentVersion: '2'\n  supportedVersions:\n    - {version: '2', status: stable}\n";

    #[test]
    fn guided_passes() {
        let y = integration("stable", &format!("{VP}    - {{version: '1', status: deprecated, migrationGuide: 'https://x.example.com/m'}}\n"));
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn unguided_fails() {
        let y = integration("stable", &format!("{VP}    - {{version: '1', status: sunset}}\n"));
        assert_eq!(
            doc(&RULE, &y),
            ["15:7 version-migration-guide-missing: sunset version `1` has no `migrationGuide`"]
        );
    }
}
