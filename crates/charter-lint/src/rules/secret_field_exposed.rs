//! `secret-field-exposed`: outputs and event payloads do not carry secrets.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::schema::{each_property, normalized};
use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "secret-field-exposed",
    name: "Secret-looking field outside the secret schema",
    default_level: Level::Warn,
    kinds: &[Kind::Operation, Kind::Event],
    what: "Reports a property named like a credential (`password`, `apiKey`, `accessToken`, `secret`, `privateKey`…) in an operation's `io.output` or an event's payload.",
    why: "Outputs are logged, cached and shown in tools; events fan out to every subscriber. Credentials belong in an integration's `secretSchema`, where Charter keeps them out of logs, docs and the database.",
    example: "kind: event\npayload:\n  properties:\n    apiKey: {type: string}",
    fix: "Drop the field, return a reference to the secret (`credentialId`), or keep it in the integration's `secretSchema`.",
    check: Check::Document(check),
};

const SECRET_NAMES: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "apikey",
    "apisecret",
    "secretkey",
    "privatekey",
    "accesstoken",
    "refreshtoken",
    "authtoken",
    "sessiontoken",
    "token",
    "clientsecretkey",
];

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let (base, schema) = match ctx.contract {
        Contract::Operation(op) => match &op.io.output {
            Some(s) => ("/io/output", s),
            None => return,
        },
        Contract::Event(ev) => ("/payload", &ev.payload),
        _ => return,
    };
    each_property(schema, base, &mut |p| {
        if SECRET_NAMES.contains(&normalized(p.name).as_str()) {
            out.push(
                ctx.warning(
                    RULE.id,
                    format!("`{}` looks like a credential in {}", p.name, &base[1..]),
                    &p.pointer,
                )
                .with_help("do not return or publish credentials; keep them in an integration's `secretSchema`"),
            );
            if let Some(d) = out.last_mut() {
                d.primary.span = ctx.key_span(&p.pointer);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn ordinary_output_passes() {
        let y = operation("id.user.login", "command", "io:\n  input:\n    properties: {password: {type: string}}\n  output:\n    properties: {userId: {type: string}}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn secret_in_output_fails() {
        let y = operation("id.user.login", "command", "io:\n  output:\n    properties:\n      user:\n        properties: {access_token: {type: string}}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["15:22 secret-field-exposed: `access_token` looks like a credential in io/output"]
        );
    }
}
