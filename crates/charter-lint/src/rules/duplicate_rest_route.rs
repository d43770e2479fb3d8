//! `duplicate-rest-route`: two operations never share a REST method and path.

use std::collections::BTreeMap;

use charter_diagnostics::{Diagnostic, Label};
use charter_model::{Contract, Kind};
use charter_workspace::{Level, Workspace};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "duplicate-rest-route",
    name: "Duplicate REST route",
    default_level: Level::Error,
    kinds: &[Kind::Operation],
    what: "Reports operations (highest version of each key) that declare the same REST method and path; paths that differ only in parameter names (`/carts/{id}` and `/carts/{cartId}`) are the same route.",
    why: "A router can serve only one of them; the other is unreachable, and which one wins depends on load order.",
    example: "# a.yaml\ntransport: {rest: {method: GET, path: /carts/{id}}}\n# b.yaml\ntransport: {rest: {method: GET, path: /carts/{cartId}}}",
    fix: "Give one operation another path, or merge the two operations.",
    check: Check::Workspace(check),
};

/// `/carts/{cartId}/` -> `/carts/{}`.
pub(crate) fn normalize(path: &str) -> String {
    let trimmed = if path.len() > 1 { path.trim_end_matches('/') } else { path };
    trimmed
        .split('/')
        .map(|s| if s.starts_with('{') && s.ends_with('}') { "{}" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

/// Indices of the highest version of every operation key.
pub(crate) fn latest_operations(ws: &Workspace) -> Vec<usize> {
    let mut out: Vec<usize> = ws
        .registry
        .keys()
        .filter(|(k, _)| *k == Kind::Operation)
        .filter_map(|(k, key)| ws.registry.versions(*k, key).first().copied())
        .collect();
    out.sort_unstable();
    out
}

fn check(ws: &Workspace, out: &mut Vec<(usize, Diagnostic)>) {
    let mut routes: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for i in latest_operations(ws) {
        let Contract::Operation(op) = &ws.contracts[i].contract else {
            continue;
        };
        if let Some(r) = op.transport.as_ref().and_then(|t| t.rest.as_ref()) {
            routes
                .entry((r.method.as_str().to_string(), normalize(&r.path)))
                .or_default()
                .push(i);
        }
    }
    for ((method, path), list) in routes {
        report_duplicates(
            ws,
            &list,
            RULE.id,
            |key, first| format!("`{key}` uses route {method} {path}, already used by `{first}`"),
            "the route is first declared here",
            "give one of the operations another path, or merge them",
            out,
        );
    }
}

/// Reports every contract of `list` after the first as a duplicate of the first.
pub(crate) fn report_duplicates(
    ws: &Workspace,
    list: &[usize],
    rule: &str,
    message: impl Fn(&str, &str) -> String,
    first_label: &str,
    help: &str,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    let Some((&head, rest)) = list.split_first() else { return };
    let first = &ws.contracts[head];
    for &i in rest {
        let l = &ws.contracts[i];
        let d = Diagnostic::error(
            rule,
            message(&l.contract.meta().key, &first.contract.meta().key),
            &ws.file_of(l).path,
            l.key_span,
        )
        .with_secondary(Label::new(&ws.file_of(first).path, first.key_span, first_label))
        .with_help(help);
        out.push((i, d));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{operation, workspace};

    fn op(key: &str, route: &str) -> String {
        operation(key, "query", &format!("transport:\n  rest: {route}\n"))
    }

    #[test]
    fn distinct_routes_pass() {
        let a = op("shop.cart.get", "{method: GET, path: '/carts/{id}'}");
        let b = op("shop.cart.delete", "{method: DELETE, path: '/carts/{id}'}");
        assert!(workspace(&RULE, &[("a.yaml", &a), ("b.yaml", &b)]).is_empty());
    }

    #[test]
    fn same_route_fails() {
        let a = op("shop.cart.get", "{method: GET, path: '/carts/{id}'}");
        let b = op("shop.cart.read", "{method: GET, path: '/carts/{cartId}/'}");
        assert_eq!(
            workspace(&RULE, &[("a.yaml", &a), ("b.yaml", &b)]),
            ["b.yaml:3:8 duplicate-rest-route: `shop.cart.read` uses route GET /carts/{}, already used by `shop.cart.get`"]
        );
    }
}
