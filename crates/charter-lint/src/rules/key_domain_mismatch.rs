//! `key-domain-mismatch`: operation and event keys start with their domain.

use charter_diagnostics::Diagnostic;
use charter_model::Kind;
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "key-domain-mismatch",
    name: "Key does not start with its domain",
    default_level: Level::Warn,
    kinds: &[Kind::Operation, Kind::Event],
    what: "Reports an operation or event whose `meta.domain` is set but whose key does not start with `<domain>.`, and a key with fewer than three segments (`domain.resource.verb`).",
    why: "Keys are grouped by domain in catalogs, generated docs and MCP tool lists; a key outside its domain lands in the wrong group and collides with other teams' names.",
    example: "meta:\n  key: checkout.create\n  domain: commerce",
    fix: "Prefix the key with the domain and name the resource: `commerce.checkout.create`.",
    check: Check::Document(check),
};

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let meta = ctx.contract.meta();
    if let Some(domain) = &meta.domain {
        if !meta.key.starts_with(&format!("{domain}.")) {
            out.push(
                ctx.warning(
                    RULE.id,
                    format!(
                        "key `{}` does not start with its domain `{domain}`",
                        meta.key
                    ),
                    "/meta/key",
                )
                .with_help(format!("rename the key to `{domain}.…`, or fix `meta.domain`")),
            );
            return;
        }
    }
    if meta.key.split('.').count() < 3 {
        out.push(
            ctx.warning(
                RULE.id,
                format!(
                    "key `{}` has fewer than three segments (domain.resource.action)",
                    meta.key
                ),
                "/meta/key",
            )
            .with_help("name the domain, the resource and the action or fact"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn domain_prefix_passes() {
        let y = operation("shop.cart.get", "query", "").replace("  tags", "  domain: shop\n  tags");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn other_domain_and_short_key_fail() {
        let y = operation("shop.cart.get", "query", "").replace("  tags", "  domain: billing\n  tags");
        assert_eq!(
            doc(&RULE, &y),
            ["3:8 key-domain-mismatch: key `shop.cart.get` does not start with its domain `billing`"]
        );
        assert_eq!(
            doc(&RULE, &operation("shop.get", "query", "")),
            ["3:8 key-domain-mismatch: key `shop.get` has fewer than three segments (domain.resource.action)"]
        );
    }
}
