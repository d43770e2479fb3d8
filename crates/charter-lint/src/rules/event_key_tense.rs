//! `event-key-tense`: events are named after something that happened.

use charter_diagnostics::Diagnostic;
use charter_model::Kind;
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "event-key-tense",
    name: "Event key not in past tense",
    default_level: Level::Warn,
    kinds: &[Kind::Event],
    what: "Reports an event whose key does not end with a verb in the past tense (`commerce.charge.succeeded`, `identity.user.signed-up`).",
    why: "An event records a fact that already happened; an imperative name (`charge.create`) reads like a command and gets confused with the operation that causes it.",
    example: "kind: event\nmeta:\n  key: commerce.charge.create",
    fix: "Name the fact: `commerce.charge.created`.",
    check: Check::Document(check),
};

/// Irregular past participles and past forms common in event names.
const IRREGULAR: &[&str] = &[
    "begun", "bought", "broken", "brought", "built", "caught", "chosen", "come", "cut", "dealt",
    "done", "drawn", "driven", "fallen", "felt", "forgotten", "found", "frozen", "given", "gone",
    "grown", "held", "hidden", "hit", "hung", "kept", "known", "laid", "led", "left", "lent",
    "lost", "made", "meant", "met", "paid", "put", "quit", "read", "rebuilt", "reset", "resent",
    "rewritten", "risen", "run", "said", "seen", "sent", "set", "shown", "shut", "sold", "spent",
    "split", "spoken", "spread", "stolen", "struck", "stuck", "swept", "taken", "taught", "thrown",
    "told", "torn", "understood", "undone", "upheld", "withdrawn", "woken", "won", "worn",
    "written",
];

pub(crate) fn is_past(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    (w.len() > 3 && w.ends_with("ed") && !w.ends_with("eed")) || IRREGULAR.contains(&w.as_str())
        || matches!(w.as_str(), "succeeded" | "exceeded" | "proceeded")
}

/// The word that carries the tense: the last segment's last word, ignoring an `-up`/`-in`
/// style particle (`signed-up`, `logged_in`).
fn verb(key: &str) -> &str {
    let last = key.rsplit('.').next().unwrap_or(key);
    let mut words: Vec<&str> = last.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    if words.len() > 1
        && matches!(
            *words.last().unwrap_or(&""),
            "up" | "in" | "out" | "off" | "on" | "over" | "back" | "down"
        )
    {
        words.pop();
    }
    words.last().copied().unwrap_or(last)
}

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let key = &ctx.contract.meta().key;
    let v = verb(key);
    if !is_past(v) {
        out.push(
            ctx.warning(
                RULE.id,
                format!("event `{key}` does not end with a past-tense verb (`{v}`)"),
                "/meta/key",
            )
            .with_help("name the fact that happened, e.g. `….created`, `….paid`, `….signed-up`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, event};

    #[test]
    fn past_tense_passes() {
        for key in [
            "shop.cart.created",
            "pay.charge.succeeded",
            "id.user.signed-up",
            "shop.order.paid",
            "mail.message.sent",
        ] {
            assert!(doc(&RULE, &event(key, "payload: {}\n")).is_empty(), "{key}");
        }
    }

    #[test]
    fn imperative_fails() {
        assert_eq!(
            doc(&RULE, &event("shop.cart.create", "payload: {}\n")),
            ["3:8 event-key-tense: event `shop.cart.create` does not end with a past-tense verb (`create`)"]
        );
        assert_eq!(
            doc(&RULE, &event("shop.feed", "payload: {}\n")),
            ["3:8 event-key-tense: event `shop.feed` does not end with a past-tense verb (`feed`)"]
        );
    }
}
