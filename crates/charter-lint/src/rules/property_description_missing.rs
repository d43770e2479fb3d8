//! `property-description-missing`: schema properties are described.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::schema::each_property;
use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "property-description-missing",
    name: "Schema property without description",
    default_level: Level::Off,
    kinds: &[Kind::Operation, Kind::Event],
    what: "Reports a property of an operation's `io` schemas or an event's payload that has no `description` (properties that only hold a `$ref` are skipped).",
    why: "Field descriptions become the API reference, editor hints and MCP tool docs; a name alone rarely says the unit, format or meaning.",
    example: "io:\n  input:\n    properties:\n      amount: {type: integer}",
    fix: "Describe it: `amount: {type: integer, description: Amount in the currency's minor unit.}`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut schemas = Vec::new();
    match ctx.contract {
        Contract::Operation(op) => {
            for (name, s) in [
                ("input", &op.io.input),
                ("output", &op.io.output),
                ("params", &op.io.params),
                ("query", &op.io.query),
                ("headers", &op.io.headers),
            ] {
                if let Some(s) = s {
                    schemas.push((format!("/io/{name}"), s));
                }
            }
        }
        Contract::Event(ev) => schemas.push(("/payload".to_string(), &ev.payload)),
        _ => return,
    }
    for (base, schema) in schemas {
        each_property(schema, &base, &mut |p| {
            let Some(obj) = p.schema.as_object() else {
                return;
            };
            if obj.contains_key("description") || obj.contains_key("$ref") {
                return;
            }
            out.push(
                ctx.warning(
                    RULE.id,
                    format!("property `{}` has no description", p.name),
                    &p.pointer,
                )
                .with_help("add `description:` with its meaning, unit or format"),
            );
            if let Some(d) = out.last_mut() {
                d.primary.span = ctx.key_span(&p.pointer);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, event};

    #[test]
    fn described_passes() {
        let y = event(
            "shop.cart.created",
            "payload:\n  properties:\n    id: {type: string, description: Cart id.}\n    cart: {$ref: ./cart.json}\n",
        );
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn undescribed_fails() {
        let y = event(
            "shop.cart.created",
            "payload:\n  properties:\n    id: {type: string}\n",
        );
        assert_eq!(
            doc(&RULE, &y),
            ["12:5 property-description-missing: property `id` has no description"]
        );
    }
}
