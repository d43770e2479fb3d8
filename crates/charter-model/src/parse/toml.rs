//! TOML through `toml`'s spanned document tree.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{check_bracket_depth, MapBuilder, ParseError, MAX_DEPTH, MAX_NODES};
use crate::node::{Node, Value};
use crate::span::{LineIndex, Span};

pub(super) fn parse(text: &str, index: &LineIndex) -> Result<Vec<Node>, ParseError> {
    check_bracket_depth(text, index, true)?;
    let table = DeTable::parse(text).map_err(|e| {
        let r = e.span().unwrap_or(0..0);
        let message = e.message().trim().to_string();
        // Same rule ID and wording as YAML and JSON duplicates.
        if message == "duplicate key" {
            let key = text.get(r.clone()).unwrap_or("").trim();
            return ParseError::new(
                "duplicate-key",
                format!("duplicate key `{key}`"),
                index.span(text, r.start, r.end),
            )
            .help("remove one of the two entries");
        }
        ParseError::new(
            "syntax",
            format!("invalid TOML: {message}"),
            index.span(text, r.start, r.end),
        )
    })?;
    let mut ctx = Ctx {
        text,
        index,
        count: 0,
    };
    let span = ctx.span(table.span());
    if table.get_ref().is_empty() {
        // Only comments: no document, as for a YAML file of comments.
        return Ok(vec![]);
    }
    let root = ctx.table(table.into_inner(), span, 0)?;
    Ok(vec![root])
}

struct Ctx<'t> {
    text: &'t str,
    index: &'t LineIndex,
    count: usize,
}

impl Ctx<'_> {
    fn span(&self, r: std::ops::Range<usize>) -> Span {
        self.index.span(self.text, r.start, r.end)
    }

    fn table(&mut self, table: DeTable<'_>, span: Span, depth: usize) -> Result<Node, ParseError> {
        let mut map = MapBuilder::default();
        for (k, v) in table {
            let key_span = self.span(k.span());
            let value = self.value(v, depth + 1)?;
            map.push(k.get_ref().as_ref().into(), key_span, value)?;
        }
        Ok(Node::new(span, Value::Map(map.entries)))
    }

    fn value(&mut self, v: Spanned<DeValue<'_>>, depth: usize) -> Result<Node, ParseError> {
        let span = self.span(v.span());
        self.count += 1;
        if self.count > MAX_NODES {
            return Err(super::too_many_nodes(span));
        }
        if depth > MAX_DEPTH {
            return Err(super::too_deep(self.text, self.index, span.start as usize));
        }
        let value = match v.into_inner() {
            DeValue::String(s) => Value::Str(s.as_ref().into()),
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                match i64::from_str_radix(&digits, i.radix()) {
                    Ok(n) => Value::Int(n),
                    Err(_) => {
                        return Err(ParseError::new("syntax", "integer out of range", span)
                            .help("TOML integers are 64-bit signed"))
                    }
                }
            }
            DeValue::Float(f) => {
                let raw = f.as_str().replace('_', "");
                Value::Float(match raw.as_str() {
                    "inf" | "+inf" => f64::INFINITY,
                    "-inf" => f64::NEG_INFINITY,
                    "nan" | "+nan" | "-nan" => f64::NAN,
                    _ => raw.parse().unwrap_or(f64::NAN),
                })
            }
            DeValue::Boolean(b) => Value::Bool(b),
            // Dates are kept as their RFC 3339 text, which is what the contract fields expect.
            DeValue::Datetime(d) => Value::Str(d.to_string().into()),
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.value(item, depth + 1)?);
                }
                Value::Seq(out)
            }
            DeValue::Table(t) => return self.table(t, span, depth),
        };
        Ok(Node::new(span, value))
    }
}
