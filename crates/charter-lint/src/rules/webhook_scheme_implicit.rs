//! `webhook-scheme-implicit`: inbound webhooks name their signature scheme.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind, SignatureScheme, Transport};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "webhook-scheme-implicit",
    name: "Implicit webhook signing scheme",
    default_level: Level::Warn,
    kinds: &[Kind::Integration],
    what: "Reports an inbound webhook without `scheme`: the scheme is then inferred from the signature header name (`Stripe-Signature` -> stripe), or cannot be known at all.",
    why: "The scheme decides which bytes are signed and how the signature is encoded; an inference from a header name breaks silently when a provider renames a header or a proxy rewrites it, and every request is then refused (or, worse, verified the wrong way).",
    example: "transports:\n  - type: webhook\n    inbound: {signatureHeader: Stripe-Signature, signingAlgorithm: hmac-sha256}",
    fix: "Write it: `scheme: stripe` (stripe, standard-webhooks, github, slack, twilio, hmac-hex, hmac-base64, shared-token).",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Integration(c) = ctx.contract else {
        return;
    };
    for (i, t) in c.transports.iter().enumerate() {
        let Transport::Webhook(w) = t else { continue };
        let Some(inb) = &w.inbound else { continue };
        if inb.scheme.is_some() {
            continue;
        }
        let pointer = format!("/transports/{i}/inbound");
        let d = match SignatureScheme::infer(&inb.signature_header) {
            Some(s) => ctx
                .warning(
                    RULE.id,
                    format!(
                        "the signing scheme is inferred as `{}` from header `{}`",
                        s.as_str(),
                        inb.signature_header
                    ),
                    &pointer,
                )
                .with_help(format!("write `scheme: {}`", s.as_str())),
            None => ctx
                .warning(
                    RULE.id,
                    format!(
                        "no signing scheme, and none can be inferred from header `{}`",
                        inb.signature_header
                    ),
                    &pointer,
                )
                .with_help("write `scheme:` (hmac-hex, hmac-base64, standard-webhooks, ...)"),
        };
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, integration};

    #[test]
    fn explicit_scheme_passes() {
        let y = integration("stable", "transports:\n  - type: webhook\n    inbound: {signatureHeader: Stripe-Signature, signingAlgorithm: hmac-sha256, scheme: stripe}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn implicit_scheme_fails() {
        let y = integration("stable", "transports:\n  - type: webhook\n    inbound: {signatureHeader: Stripe-Signature, signingAlgorithm: hmac-sha256}\n  - type: webhook\n    inbound: {signatureHeader: X-Sig, signingAlgorithm: hmac-sha256}\n");
        assert_eq!(
            doc(&RULE, &y),
            [
                "13:14 webhook-scheme-implicit: the signing scheme is inferred as `stripe` from header `Stripe-Signature`",
                "15:14 webhook-scheme-implicit: no signing scheme, and none can be inferred from header `X-Sig`",
            ]
        );
    }
}
