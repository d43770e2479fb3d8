//! `event-pii-undeclared`: personal data in an event payload is listed in `pii`.

use charter_diagnostics::Diagnostic;
use charter_model::{node::segments, Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::schema::{each_property, normalized};
use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "event-pii-undeclared",
    name: "Personal data not declared",
    default_level: Level::Warn,
    kinds: &[Kind::Event],
    what: "Reports a payload property that holds personal data (an email, phone number, address, birth date, national id or IP address, by name or by `format: email`) and is not covered by a JSON Pointer in the event's `pii` list.",
    why: "Consumers, log pipelines and data retention jobs rely on `pii` to redact and expire personal data; an undeclared field leaks into analytics and logs.",
    example: "kind: event\npayload:\n  properties:\n    customer:\n      properties:\n        email: {type: string, format: email}\npii: []",
    fix: "List the field: `pii: [/customer/email]` (a pointer to an object covers everything under it).",
    check: Check::Document(check),
};

const PERSONAL: &[&str] = &[
    "email",
    "emailaddress",
    "phone",
    "phonenumber",
    "mobile",
    "mobilenumber",
    "address",
    "streetaddress",
    "postalcode",
    "zipcode",
    "dateofbirth",
    "birthdate",
    "dob",
    "ssn",
    "nationalid",
    "taxid",
    "passportnumber",
    "ipaddress",
    "firstname",
    "lastname",
    "fullname",
];

/// The data path of a property schema pointer (`/payload/properties/a/items/properties/b`
/// -> `["a", "*", "b"]`).
pub(crate) fn data_path(pointer: &str, base_len: usize) -> Vec<String> {
    let segs: Vec<String> = segments(pointer).skip(base_len).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        match segs[i].as_str() {
            "properties" if i + 1 < segs.len() => {
                out.push(segs[i + 1].clone());
                i += 2;
            }
            "items" | "additionalProperties" => {
                out.push("*".into());
                i += 1;
            }
            "oneOf" | "anyOf" | "allOf" => i += 2,
            _ => i += 1,
        }
    }
    out
}

fn covered(pii: &[String], path: &[String]) -> bool {
    pii.iter().any(|p| {
        let declared: Vec<String> = segments(p).collect();
        declared.len() <= path.len()
            && declared.iter().zip(path).all(|(d, s)| {
                d == s || (s == "*" && (d == "*" || d == "-" || d.parse::<usize>().is_ok()))
            })
    })
}

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Event(ev) = ctx.contract else {
        return;
    };
    each_property(&ev.payload, "/payload", &mut |p| {
        let by_name = PERSONAL.contains(&normalized(p.name).as_str());
        let by_format = p.schema.get("format").and_then(|f| f.as_str()) == Some("email");
        if !(by_name || by_format) {
            return;
        }
        let path = data_path(&p.pointer, 1);
        if covered(&ev.pii, &path) {
            return;
        }
        let pointer = format!("/{}", path.join("/"));
        out.push(
            ctx.warning(
                RULE.id,
                format!("`{pointer}` looks like personal data but is not listed in `pii`"),
                &p.pointer,
            )
            .with_help(format!("add `{pointer}` to the event's `pii:` list")),
        );
    });
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, event};

    const PAYLOAD: &str = "payload:\n  type: object\n  properties:\n    customer:\n      type: object\n      properties:\n        email: {type: string}\n        contact: {type: string, format: email}\n    total: {type: integer}\n";

    #[test]
    fn declared_passes() {
        let y = event("shop.order.paid", &format!("{PAYLOAD}pii: [/customer]\n"));
        assert!(doc(&RULE, &y).is_empty());
        let y = event(
            "shop.order.paid",
            &format!("{PAYLOAD}pii: [/customer/email, /customer/contact]\n"),
        );
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn undeclared_fails() {
        let y = event("shop.order.paid", &format!("{PAYLOAD}pii: [/customer/email]\n"));
        assert_eq!(
            doc(&RULE, &y),
            ["17:18 event-pii-undeclared: `/customer/contact` looks like personal data but is not listed in `pii`"]
        );
    }
}
