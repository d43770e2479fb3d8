//! `deprecated-dependency`: live contracts do not build on deprecated ones.

use charter_diagnostics::{Diagnostic, Label};
use charter_model::{Kind, Stability};
use charter_workspace::{Level, RefTarget, Workspace};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "deprecated-dependency",
    name: "Reference to a deprecated contract",
    default_level: Level::Warn,
    kinds: &Kind::ALL,
    what: "Reports a reference (an emitted event, a feature's operation, a provided surface, an `extends`…) from a contract that is not deprecated to a contract that is.",
    why: "Deprecated contracts are on their way out; new and stable contracts that depend on them will break when they are removed.",
    example: "sideEffects:\n  emits: [commerce.charge.created]   # deprecated",
    fix: "Reference the replacement, or deprecate the referring contract too.",
    check: Check::Workspace(check),
};

fn check(ws: &Workspace, out: &mut Vec<(usize, Diagnostic)>) {
    for (i, l) in ws.contracts.iter().enumerate() {
        if l.contract.meta().stability == Stability::Deprecated {
            continue;
        }
        for site in &l.refs {
            let RefTarget::Contract(kind) = site.target else {
                continue;
            };
            let Some(t) = ws.registry.resolve(&ws.contracts, kind, &site.reference) else {
                continue;
            };
            let target = &ws.contracts[t];
            if target.contract.meta().stability != Stability::Deprecated {
                continue;
            }
            let d = Diagnostic::warning(
                RULE.id,
                format!(
                    "`{}` references deprecated {kind} `{}@{}`",
                    l.contract.meta().key,
                    target.contract.meta().key,
                    target.contract.meta().version
                ),
                &ws.file_of(l).path,
                site.span,
            )
            .with_secondary(Label::new(
                &ws.file_of(target).path,
                target.key_span,
                "deprecated here",
            ))
            .with_help("reference its replacement, or deprecate this contract too");
            out.push((i, d));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{event, operation, workspace};

    #[test]
    fn live_reference_passes() {
        let e = event("shop.cart.created", "payload: {}\n");
        let o = operation("shop.cart.create", "command", "sideEffects: {emits: [shop.cart.created]}\n");
        assert!(workspace(&RULE, &[("e.yaml", &e), ("o.yaml", &o)]).is_empty());
    }

    #[test]
    fn deprecated_reference_fails() {
        let e = event("shop.cart.created", "payload: {}\n").replace("stability: stable", "stability: deprecated");
        let o = operation("shop.cart.create", "command", "sideEffects: {emits: [shop.cart.created]}\n");
        assert_eq!(
            workspace(&RULE, &[("e.yaml", &e), ("o.yaml", &o)]),
            ["o.yaml:11:23 deprecated-dependency: `shop.cart.create` references deprecated event `shop.cart.created@1.0.0`"]
        );
    }
}
