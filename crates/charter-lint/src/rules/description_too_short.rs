//! `description-too-short`: a description says more than the title.

use charter_diagnostics::Diagnostic;
use charter_model::Kind;
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "description-too-short",
    name: "Description too short",
    default_level: Level::Warn,
    kinds: &Kind::ALL,
    what: "Reports a `meta.description` shorter than 20 characters, or equal to the title or the key.",
    why: "The description is the first thing a consumer reads in the catalog; repeating the name tells them nothing about behaviour, limits or side effects.",
    example: "meta:\n  title: Create checkout\n  description: Create checkout",
    fix: "Write one or two sentences on what the contract does and when to use it.",
    check: Check::Document(check),
};

const MIN: usize = 20;

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let meta = ctx.contract.meta();
    let d = meta.description.trim();
    if d.is_empty() {
        return; // `meta-description` (validation)
    }
    let same = |o: &str| o.trim().trim_end_matches('.').eq_ignore_ascii_case(d.trim_end_matches('.'));
    let message = if meta.title.as_deref().is_some_and(same) || same(&meta.key) {
        "the description repeats the name".to_string()
    } else if d.chars().count() < MIN {
        format!(
            "the description has {} characters; write at least {MIN}",
            d.chars().count()
        )
    } else {
        return;
    };
    out.push(
        ctx.warning(RULE.id, message, "/meta/description")
            .with_help("say what the contract does, for whom, and with which side effects"),
    );
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, event};

    #[test]
    fn sentence_passes() {
        assert!(doc(&RULE, &event("shop.cart.created", "payload: {}\n")).is_empty());
    }

    #[test]
    fn short_and_repeated_fail() {
        let y = event("shop.cart.created", "payload: {}\n")
            .replace("An event used as a lint fixture.", "Cart made.");
        assert_eq!(
            doc(&RULE, &y),
            ["6:16 description-too-short: the description has 10 characters; write at least 20"]
        );
        let y = event("shop.cart.created", "payload: {}\n")
            .replace("An event used as a lint fixture.", "t");
        assert_eq!(
            doc(&RULE, &y),
            ["6:16 description-too-short: the description repeats the name"]
        );
    }
}
