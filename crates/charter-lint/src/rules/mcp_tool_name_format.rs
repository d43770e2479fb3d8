//! `mcp-tool-name-format`: MCP tool names fit what clients accept.

use charter_diagnostics::Diagnostic;
use charter_model::{Contract, Kind};
use charter_workspace::{DocContext, Level};

use crate::{Check, Rule};

pub const RULE: Rule = Rule {
    id: "mcp-tool-name-format",
    name: "MCP tool name format",
    default_level: Level::Error,
    kinds: &[Kind::Operation],
    what: "Reports a `transport.mcp.toolName` that is not 1 to 64 characters of letters, digits, `_` and `-`.",
    why: "MCP clients and LLM function-calling APIs refuse tool names with dots, spaces or more than 64 characters; the tool silently disappears from the model's list.",
    example: "transport:\n  mcp: {toolName: commerce.checkout.create}",
    fix: "Use snake_case: `toolName: commerce_checkout_create`.",
    check: Check::Document(check),
};

pub(crate) fn valid(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    let Contract::Operation(op) = ctx.contract else {
        return;
    };
    let Some(mcp) = op.transport.as_ref().and_then(|t| t.mcp.as_ref()) else {
        return;
    };
    if !valid(&mcp.tool_name) {
        let fixed: String = mcp
            .tool_name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
            .take(64)
            .collect();
        out.push(
            ctx.error(
                RULE.id,
                format!(
                    "MCP tool name `{}` must be 1 to 64 letters, digits, `_` or `-`",
                    mcp.tool_name
                ),
                "/transport/mcp/toolName",
            )
            .with_help(format!("rename it to `{fixed}`")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{doc, operation};

    #[test]
    fn snake_case_passes() {
        let y = operation("shop.cart.get", "query", "transport:\n  mcp: {toolName: shop_cart-get2}\n");
        assert!(doc(&RULE, &y).is_empty());
    }

    #[test]
    fn dotted_fails() {
        let y = operation("shop.cart.get", "query", "transport:\n  mcp: {toolName: shop.cart.get}\n");
        assert_eq!(
            doc(&RULE, &y),
            ["12:19 mcp-tool-name-format: MCP tool name `shop.cart.get` must be 1 to 64 letters, digits, `_` or `-`"]
        );
    }
}
