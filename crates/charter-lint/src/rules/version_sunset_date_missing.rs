//! `version-sunset-date-missing`: deprecated API versions have a sunset date.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, VersionStatus};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "version-sunset-date-missing",
    name: "Deprecated version without sunset date",
    default_level: Level::Warn,
    kinds: &[Kind::Integration],
    what: "Reports an entry of `versionPolicy.supportedVersions` with status `deprecated` and no `sunsetDate`.",
    why: "The runtime warns on calls pinned to a deprecated version; a sunset date tells teams how long they have, and lets CI fail before the provider turns the version off.",
    example: "versionPolicy:\n  supportedVersions:\n    - {version: 2023-10-16, status: deprecated}",
    fix: "Add the provider's date: `sunsetDate: 2026-06-01`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Integration(c) = ctx.contract else {
        return;
    };
    let Some(vp) = &c.version_policy else { return };
    for (i, v) in vp.supported_versions.iter().enumerate() {
        if v.status == VersionStatus::Deprecated && v.sunset_date.is_none() {
            out.push(
                ctx.warning(
                    RULE.id,
                    format!("deprecated version `{}` has no `sunsetDate`", v.version),
                    &format!("/versionPolicy/supportedVersions/{i}"),
                )
                .with_help("add `sunsetDate:` with the provider's announced date (YYYY-MM-DD)"),
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
    fn dated_passes() {
        let y = integration("stable", &format!("{VP}    - {{version: '1', status: deprecated, sunsetDate: '2026-06-01'}}\n"));
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn undated_fails() {
        let y = integration("stable", &format!("{VP}    - {{version: '1', status: deprecated}}\n"));
        assert_eq!(
            doc(&RULE, &y),
            ["15:7 version-sunset-date-missing: deprecated version `1` has no `sunsetDate`"]
        );
    }
}
