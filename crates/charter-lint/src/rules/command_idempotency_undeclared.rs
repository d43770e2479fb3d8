//! `command-idempotency-undeclared`: commands say whether a retry is safe.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, OperationKind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "command-idempotency-undeclared",
    name: "Command idempotency not declared",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports a `command` operation without `policy.idempotent`.",
    why: "The runtime and generated clients only retry idempotent calls; without the declaration a timed-out command is either never retried or retried into a double charge.",
    example: "meta:\n  kind: command\npolicy:\n  auth: user",
    fix: "Declare it: `policy: {idempotent: true}` (and accept an `Idempotency-Key` header), or `idempotent: false`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    if op.meta.kind != Some(OperationKind::Command) {
        return;
    }
    if op.policy.as_ref().and_then(|p| p.idempotent).is_none() {
        let pointer = if op.policy.is_some() { "/policy" } else { "/meta/kind" };
        out.push(
            ctx.warning(
                RULE.id,
                format!("command `{}` does not declare whether it is idempotent", op.meta.key),
                pointer,
            )
            .with_help("add `policy: {idempotent: true}` or `idempotent: false`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn declared_passes() {
        let y = operation("shop.cart.create", "command", "policy: {idempotent: false}\n");
        assert!(doc(&RULE, &y).is_empty());
        // Queries are idempotent by nature.
        assert!(doc(&RULE, &operation("shop.cart.get", "query", "")).is_empty());
    }

    #[test]
    fn undeclared_fails() {
        assert_eq!(
            doc(&RULE, &operation("shop.cart.create", "command", "")),
            ["5:9 command-idempotency-undeclared: command `shop.cart.create` does not declare whether it is idempotent"]
        );
        let y = operation("shop.cart.create", "command", "policy: {auth: user}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["11:9 command-idempotency-undeclared: command `shop.cart.create` does not declare whether it is idempotent"]
        );
    }
}
