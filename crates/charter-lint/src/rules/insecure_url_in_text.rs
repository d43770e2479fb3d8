//! `insecure-url-in-text`: links in prose use https.

use std::sync::LazyLock;

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind};
use charter_workspace::{DocContext, Level};
use regex::Regex;

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "insecure-url-in-text",
    name: "Insecure URL in text",
    default_level: Level::Warn,
    kinds: &Kind::ALL,
    what: "Reports `http://` links inside descriptions, goals, contexts, error explanations, setup instructions and migration guides (localhost excepted).",
    why: "Docs are copied into generated pages and pull-request comments; a plain-http link invites readers to send credentials or follow a page that can be tampered with.",
    example: "meta:\n  description: See http://docs.example.com/checkout for the flow.",
    fix: "Link the https page: `https://docs.example.com/checkout`.",
    check: Check::Document(check),
};

static HTTP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bhttp://[^\s)>\]'`]+").expect("valid regex"));

fn local(url: &str) -> bool {
    let host = url[7..].split(['/', ':', '?', '#']).next().unwrap_or("");
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let meta = ctx.contract.meta();
    let mut texts: Vec<(String, &str)> = vec![("/meta/description".into(), &meta.description)];
    for (p, v) in [
        ("/meta/title", &meta.title),
        ("/meta/goal", &meta.goal),
        ("/meta/context", &meta.context),
    ] {
        if let Some(v) = v {
            texts.push((p.into(), v));
        }
    }
    match ctx.contract {
        Contract::Operation(op) => {
            for (code, e) in &op.io.errors {
                if let Some(w) = &e.when {
                    texts.push((format!("/io/errors/{code}/when"), w));
                }
            }
        }
        Contract::Integration(c) => {
            if let Some(b) = &c.byok_setup {
                if let Some(s) = &b.setup_instructions {
                    texts.push(("/byokSetup/setupInstructions".into(), s));
                }
                for (i, s) in b.provisioning_steps.iter().enumerate() {
                    texts.push((format!("/byokSetup/provisioningSteps/{i}"), s));
                }
            }
            if let Some(vp) = &c.version_policy {
                for (i, v) in vp.supported_versions.iter().enumerate() {
                    if let Some(m) = &v.migration_guide {
                        texts.push((
                            format!("/versionPolicy/supportedVersions/{i}/migrationGuide"),
                            m,
                        ));
                    }
                }
            }
        }
        _ => {}
    }
    for (pointer, text) in texts {
        for m in HTTP.find_iter(text) {
            if local(m.as_str()) {
                continue;
            }
            out.push(
                ctx.warning(
                    RULE.id,
                    format!("`{}` is a plain-http link", m.as_str()),
                    &pointer,
                )
                .with_help(format!(
                    "link `https://{}` instead",
                    &m.as_str()["http://".len()..]
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, event};

    #[test]
    fn https_and_localhost_pass() {
        let y = event("shop.cart.created", "payload: {}\n").replace(
            "An event used as a lint fixture.",
            "'See https://docs.example.com and http://localhost:8080/x.'",
        );
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn http_fails() {
        let y = event("shop.cart.created", "payload: {}\n").replace(
            "An event used as a lint fixture.",
            "'See http://docs.example.com/cart for details.'",
        );
        assert_eq!(
            doc(&RULE, &y),
            ["6:16 insecure-url-in-text: `http://docs.example.com/cart` is a plain-http link"]
        );
    }
}
