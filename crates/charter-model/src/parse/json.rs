//! JSON through `jsonc_parser`'s AST, which keeps byte ranges for every value.

use jsonc_parser::ast;

use super::{check_bracket_depth, MapBuilder, ParseError, MAX_NODES};
use crate::node::{Node, Value};
use crate::span::LineIndex;

pub(super) fn parse(text: &str, index: &LineIndex) -> Result<Vec<Node>, ParseError> {
    check_bracket_depth(text, index, false)?;
    let options = jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let result = jsonc_parser::parse_to_ast(text, &Default::default(), &options).map_err(|e| {
        let r = e.range();
        ParseError::new(
            "syntax",
            format!("invalid JSON: {}", e.kind()),
            index.span(text, r.start, r.end),
        )
    })?;
    let mut count = 0;
    Ok(match result.value {
        Some(v) => vec![convert(v, text, index, &mut count)?],
        None => vec![],
    })
}

fn convert(
    v: ast::Value<'_>,
    text: &str,
    index: &LineIndex,
    count: &mut usize,
) -> Result<Node, ParseError> {
    *count += 1;
    let span_of = |r: jsonc_parser::common::Range| index.span(text, r.start, r.end);
    let (range, value) = match v {
        ast::Value::NullKeyword(n) => (n.range, Value::Null),
        ast::Value::BooleanLit(b) => (b.range, Value::Bool(b.value)),
        ast::Value::StringLit(s) => (s.range, Value::Str(s.value.as_ref().into())),
        ast::Value::NumberLit(n) => (n.range, number(n.value)),
        ast::Value::Array(a) => {
            let mut items = Vec::with_capacity(a.elements.len());
            for e in a.elements {
                items.push(convert(e, text, index, count)?);
            }
            (a.range, Value::Seq(items))
        }
        ast::Value::Object(o) => {
            let mut map = MapBuilder::default();
            for p in o.properties {
                let key_span = match &p.name {
                    ast::ObjectPropName::String(s) => span_of(s.range),
                    ast::ObjectPropName::Word(w) => span_of(w.range),
                };
                let key = p.name.into_string().into();
                let value = convert(p.value, text, index, count)?;
                map.push(key, key_span, value)?;
            }
            (o.range, Value::Map(map.entries))
        }
    };
    let span = span_of(range);
    if *count > MAX_NODES {
        return Err(super::too_many_nodes(span));
    }
    Ok(Node::new(span, value))
}

fn number(raw: &str) -> Value {
    if let Ok(i) = raw.parse::<i64>() {
        Value::Int(i)
    } else if let Ok(u) = raw.parse::<u64>() {
        Value::UInt(u)
    } else {
        Value::Float(raw.parse::<f64>().unwrap_or(f64::NAN))
    }
}
