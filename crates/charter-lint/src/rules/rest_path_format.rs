//! `rest-path-format`: REST paths are lower-case kebab segments.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "rest-path-format",
    name: "REST path format",
    default_level: Level::Warn,
    kinds: &[Kind::Operation],
    what: "Reports a `transport.rest.path` that does not start with `/`, ends with `/`, has an empty segment, or has a literal segment that is not lower-case kebab-case (`{param}` placeholders excepted).",
    why: "Consistent paths keep an API guessable and avoid routes that differ only by case or a trailing slash, which proxies and routers treat inconsistently.",
    example: "transport:\n  rest: {method: GET, path: /Carts/{cartId}/line_items/}",
    fix: "Write `/carts/{cartId}/line-items`.",
    check: Check::Document(check),
};

fn problem(path: &str) -> Option<String> {
    if !path.starts_with('/') {
        return Some("does not start with `/`".into());
    }
    if path.len() > 1 && path.ends_with('/') {
        return Some("ends with `/`".into());
    }
    if path.len() > 1 && path[1..].split('/').any(str::is_empty) {
        return Some("has an empty segment (`//`)".into());
    }
    for seg in path[1..].split('/') {
        if seg.is_empty() || (seg.starts_with('{') && seg.ends_with('}')) {
            continue;
        }
        let ok = seg
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
            && !seg.starts_with('-');
        if !ok {
            return Some(format!("has segment `{seg}` that is not lower-case kebab-case"));
        }
    }
    None
}

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    let Some(rest) = op.transport.as_ref().and_then(|t| t.rest.as_ref()) else {
        return;
    };
    if let Some(p) = problem(&rest.path) {
        out.push(
            ctx.warning(RULE.id, format!("path `{}` {p}", rest.path), "/transport/rest/path")
                .with_help("write paths as `/lower-case-kebab/{param}` without a trailing slash"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn kebab_passes() {
        let y = operation("shop.cart.get", "query", "transport:\n  rest: {method: GET, path: '/carts/{cartId}/line-items'}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn bad_paths_fail() {
        let y = operation("shop.cart.get", "query", "transport:\n  rest: {method: GET, path: '/Carts/{cartId}'}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["12:29 rest-path-format: path `/Carts/{cartId}` has segment `Carts` that is not lower-case kebab-case"]
        );
        let y = operation("shop.cart.get", "query", "transport:\n  rest: {method: GET, path: /carts/}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["12:29 rest-path-format: path `/carts/` ends with `/`"]
        );
    }
}
