//! `duplicate-mcp-tool`: MCP tool names are unique.

use std::collections::BTreeMap;

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind};
use charter_workspace::{Level, Workspace};

use super::duplicate_rest_route::{latest_operations, report_duplicates};
use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "duplicate-mcp-tool",
    name: "Duplicate MCP tool name",
    default_level: Level::Error,
    kinds: &[Kind::Operation],
    what: "Reports operations (highest version of each key) that declare the same `transport.mcp.toolName`.",
    why: "An MCP server lists tools by name; two tools with one name make the model call the wrong operation, and most clients drop one of them.",
    example: "# a.yaml\ntransport: {mcp: {toolName: cart_get}}\n# b.yaml\ntransport: {mcp: {toolName: cart_get}}",
    fix: "Name tools after their operation key: `shop_cart_get`, `shop_cart_read`.",
    check: Check::Workspace(check),
};

fn check(ws: &Workspace, out: &mut Vec<(usize, Diagnostic)>) {
    let mut tools: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for i in latest_operations(ws) {
        let Contract::Operation(op) = &ws.contracts[i].contract else {
            continue;
        };
        if let Some(m) = op.transport.as_ref().and_then(|t| t.mcp.as_ref()) {
            tools.entry(m.tool_name.as_str()).or_default().push(i);
        }
    }
    for (name, list) in tools {
        report_duplicates(
            ws,
            &list,
            RULE.id,
            |key, first| format!("`{key}` uses MCP tool name `{name}`, already used by `{first}`"),
            "the tool name is first declared here",
            "name each tool after its operation key",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{operation, workspace};

    fn op(key: &str, tool: &str) -> String {
        operation(key, "query", &format!("transport:\n  mcp: {{toolName: {tool}}}\n"))
    }

    #[test]
    fn unique_names_pass() {
        let a = op("shop.cart.get", "shop_cart_get");
        let b = op("shop.cart.read", "shop_cart_read");
        assert!(workspace(&RULE, &[("a.yaml", &a), ("b.yaml", &b)]).is_empty());
    }

    #[test]
    fn same_name_fails() {
        let a = op("shop.cart.get", "cart");
        let b = op("shop.cart.read", "cart");
        assert_eq!(
            workspace(&RULE, &[("a.yaml", &a), ("b.yaml", &b)]),
            ["b.yaml:3:8 duplicate-mcp-tool: `shop.cart.read` uses MCP tool name `cart`, already used by `shop.cart.get`"]
        );
    }
}
