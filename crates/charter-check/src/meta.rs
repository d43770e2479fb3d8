//! Rules on `meta`: key format, semver, category, owners, description.

use std::sync::LazyLock;

use charter_diagnostics::Diagnostic;
use charter_model::{de::closest, Contract, CATEGORIES};
use charter_workspace::DocContext;
use regex::Regex;

static KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$").expect("valid regex"));

pub(crate) fn is_key(s: &str) -> bool {
    KEY.is_match(s)
}

pub(crate) fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let meta = ctx.contract.meta();
    if !is_key(&meta.key) {
        let suggestion = suggest_key(&meta.key);
        let mut d = ctx
            .error(
                "meta-key-format",
                format!("`{}` is not a valid contract key", meta.key),
                "/meta/key",
            )
            .with_label("expected dotted lower-case segments");
        d.help = Some(match suggestion {
            Some(s) if is_key(&s) => format!("keys look like `payments.stripe`; try `{s}`"),
            _ => "keys are lower-case segments separated by dots, at least two (`payments.stripe`)"
                .into(),
        });
        out.push(d);
    }
    if semver::Version::parse(&meta.version).is_err() {
        out.push(
            ctx.error(
                "meta-version-semver",
                format!("`{}` is not a semantic version", meta.version),
                "/meta/version",
            )
            .with_help("write MAJOR.MINOR.PATCH, for example `1.0.0`"),
        );
    }
    if meta.description.trim().is_empty() {
        out.push(
            ctx.error(
                "meta-description",
                "`meta.description` is empty",
                "/meta/description",
            )
            .with_help("say in a sentence what this contract promises"),
        );
    }
    if meta.owners.is_empty() {
        out.push(
            ctx.error("meta-owners", "`meta.owners` is empty", "/meta/owners")
                .with_help("name at least one team or person handle, e.g. `platform.payments`"),
        );
    }
    for (i, o) in meta.owners.iter().enumerate() {
        if o.trim().is_empty() {
            out.push(
                ctx.error(
                    "meta-owners",
                    "an owner handle is blank",
                    &format!("/meta/owners/{i}"),
                )
                .with_help("write a team or person handle"),
            );
        }
    }
    let is_integration = matches!(ctx.contract, Contract::Integration(_));
    match (&meta.category, is_integration) {
        (Some(c), true) if !CATEGORIES.contains(&c.as_str()) => {
            let help = match closest(c, CATEGORIES.iter().copied()) {
                Some(s) => format!("did you mean `{s}`? Categories: {}", CATEGORIES.join(", ")),
                None => format!("categories: {}", CATEGORIES.join(", ")),
            };
            out.push(
                ctx.error(
                    "meta-category",
                    format!("unknown integration category `{c}`"),
                    "/meta/category",
                )
                .with_help(help),
            );
        }
        (None, true) => out.push(
            ctx.warning(
                "meta-category-missing",
                "this integration has no `meta.category`",
                "/meta",
            )
            .with_help(format!(
                "add `category:` with one of: {}",
                CATEGORIES.join(", ")
            )),
        ),
        (Some(_), false) => out.push(
            ctx.error(
                "meta-category",
                format!(
                    "`meta.category` applies to integrations, not to a {}",
                    ctx.contract.kind()
                ),
                "/meta/category",
            )
            .with_help("remove `category`, or use `tags`"),
        ),
        _ => {}
    }
}

fn suggest_key(key: &str) -> Option<String> {
    let mut s = String::new();
    let mut prev_lower = false;
    for c in key.trim().chars() {
        if c.is_ascii_uppercase() && prev_lower {
            s.push('-');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        match c {
            ' ' | '/' | ':' => s.push('.'),
            c => s.extend(c.to_lowercase()),
        }
    }
    (s != key).then_some(s)
}
