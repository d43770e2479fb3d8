//! YAML 1.2 through `saphyr_parser`'s event stream. The tree is built with an explicit stack
//! (no recursion), aliases are copied under a node budget, and nesting is capped.

use std::collections::HashMap;

use compact_str::CompactString;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span as YSpan};

use super::yaml_input::SmallBufInput;
use super::{KeyIndex, ParseError, MAX_DEPTH, MAX_NODES};
use crate::node::{Entry, Node, Value};
use crate::span::{LineIndex, Span};

/// An open sequence or map.
struct Frame {
    start: Span,
    anchor: usize,
    /// Where this collection's children begin on the builder's `items` (sequence) or
    /// `entries` (map) stack.
    base: usize,
    kind: Kind,
}

enum Kind {
    Seq,
    Map {
        key: Option<(CompactString, Span)>,
        keys: KeyIndex,
    },
}

struct Builder<'t> {
    text: &'t str,
    /// Built on first use: ASCII text needs none (character index = byte offset).
    index: std::cell::OnceCell<LineIndex>,
    ascii: bool,
    stack: Vec<Frame>,
    /// Children of all open sequences and maps, innermost last. A finished collection moves
    /// its tail into a vector of exactly its size: one allocation per collection instead of a
    /// vector grown (and copied) step by step for each.
    items: Vec<Node>,
    entries: Vec<Entry>,
    anchors: HashMap<usize, Node>,
    nodes: usize,
    docs: Vec<Node>,
}

pub(super) fn parse(text: &str) -> Result<Vec<Node>, ParseError> {
    if let Some(docs) = super::yaml_fast::parse(text) {
        return Ok(docs);
    }
    parse_full(text)
}

/// Every YAML file through `saphyr_parser`: what the fast path leaves alone, and every error.
pub(super) fn parse_full(text: &str) -> Result<Vec<Node>, ParseError> {
    let mut b = Builder {
        text,
        index: std::cell::OnceCell::new(),
        ascii: text.is_ascii(),
        stack: Vec::new(),
        items: Vec::new(),
        entries: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        docs: Vec::new(),
    };
    for item in Parser::new(SmallBufInput::new(text)) {
        let (event, yspan) = item.map_err(|e| b.scan_error(&e))?;
        let span = b.span(&yspan);
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let tag = tag.as_deref().map(|t| t.suffix.as_str());
                let value = resolve(&value, style, tag);
                b.complete(Node::new(span, value), anchor)?;
            }
            Event::SequenceStart(anchor, _) => {
                b.open(span)?;
                b.stack.push(Frame {
                    start: span,
                    anchor,
                    base: b.items.len(),
                    kind: Kind::Seq,
                });
            }
            Event::MappingStart(anchor, _) => {
                b.open(span)?;
                b.stack.push(Frame {
                    start: span,
                    anchor,
                    base: b.entries.len(),
                    kind: Kind::Map {
                        key: None,
                        keys: KeyIndex::default(),
                    },
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = b.stack.pop() else {
                    continue;
                };
                let value = match frame.kind {
                    Kind::Seq => Value::Seq(b.items.split_off(frame.base)),
                    Kind::Map { .. } => Value::Map(b.entries.split_off(frame.base)),
                };
                let node = Node::new(b.join(frame.start, span), value);
                b.complete(node, frame.anchor)?;
            }
            Event::Alias(id) => {
                let Some(target) = b.anchors.get(&id) else {
                    return Err(ParseError::new(
                        "syntax",
                        "alias to an unknown anchor",
                        span,
                    ));
                };
                let copies = target.count();
                b.nodes += copies;
                if b.nodes > MAX_NODES {
                    return Err(super::too_many_nodes(span));
                }
                let mut copy = target.clone();
                copy.span = span;
                b.complete(copy, 0)?;
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
    }
    Ok(b.docs)
}

impl Builder<'_> {
    fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(self.text))
    }

    fn offset(&self, m: &saphyr_parser::Marker) -> usize {
        if self.ascii {
            m.index().min(self.text.len())
        } else {
            self.index().offset(self.text, m.line(), m.col())
        }
    }

    fn span(&self, s: &YSpan) -> Span {
        let start = self.offset(&s.start);
        let end = self.offset(&s.end);
        Span::new(start, end, s.start.line(), s.start.col() + 1)
    }

    fn join(&self, start: Span, end: Span) -> Span {
        Span {
            end: end.end.max(start.end),
            ..start
        }
    }

    fn scan_error(&self, e: &ScanError) -> ParseError {
        let m = e.marker();
        let at = self.offset(m);
        // The scanner refuses flow nesting (`[[[[…`) past 255 levels before the builder's
        // own depth check sees the events: that is nesting, not a syntax error.
        if e.info() == "recursion limit exceeded" {
            return super::too_deep(self.text, self.index(), at);
        }
        // Line and column from the offset, so that a marker past the last line (an error at
        // the end of a file without a final newline) names a position that exists.
        let (line, col) = self.index().line_col(self.text, at);
        let err = ParseError::new(
            "syntax",
            format!("invalid YAML: {}", e.info()),
            Span::new(at, at, line, col),
        );
        // Most YAML syntax errors inside a flow collection are a missing `]` or `}` on an
        // earlier line: say where the collection opened.
        let open_flow = self.stack.iter().rev().find_map(|f| {
            let c = self.text.as_bytes().get(f.start.start as usize).copied()?;
            matches!(c, b'[' | b'{').then_some((c as char, f.start))
        });
        if e.info().contains("tab") {
            // The scanner reports the tab at the end of the previous token, or just after the
            // tab: point at the first tab of the line so far, else the next one.
            let at = at.min(self.text.len());
            let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
            let tab = self.text[line_start..at]
                .find('\t')
                .map(|i| line_start + i)
                .or_else(|| self.text[at..].find('\t').map(|i| at + i))
                .unwrap_or(at);
            let (line, col) = self.index().line_col(self.text, tab);
            return ParseError::new(
                "syntax",
                "invalid YAML: a tab character where YAML expects spaces",
                Span::new(tab, tab + 1, line, col),
            )
            .help("indent YAML with spaces, never tabs");
        }
        match open_flow {
            Some((c, start)) if (start.line as usize) < line || at >= self.text.len() => {
                let close = if c == '[' { ']' } else { '}' };
                err.help(format!(
                    "the `{c}` at line {}, column {} is not closed: is a `{close}` missing?",
                    start.line, start.col
                ))
            }
            _ => err,
        }
    }

    fn open(&mut self, span: Span) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(super::too_deep(
                self.text,
                self.index(),
                span.start as usize,
            ));
        }
        Ok(())
    }

    /// A node is finished: record its anchor and attach it to its parent (or end a document).
    fn complete(&mut self, node: Node, anchor: usize) -> Result<(), ParseError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(super::too_many_nodes(node.span));
        }
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => {
                // A document that is only `---` or `~` is skipped (a trailing separator).
                if node.value != Value::Null {
                    self.docs.push(node);
                }
            }
            Some(Frame {
                kind: Kind::Seq, ..
            }) => self.items.push(node),
            Some(Frame {
                kind: Kind::Map { key, keys },
                base,
                ..
            }) => match key.take() {
                Some((key, key_span)) => {
                    keys.insert(&self.entries[*base..], &key, key_span)?;
                    self.entries.push(Entry {
                        key,
                        key_span,
                        value: node,
                    });
                }
                None => {
                    let span = node.span;
                    let Some(text) = key_text(node.value) else {
                        return Err(ParseError::new(
                            "syntax",
                            "a list or map used as a map key",
                            span,
                        )
                        .help("map keys must be plain strings"));
                    };
                    *key = Some((text, span));
                }
            },
        }
        Ok(())
    }
}

/// A map key as text: scalars are written back as strings (`1.0` becomes `1`), lists and
/// maps are refused.
pub(super) fn key_text(value: Value) -> Option<CompactString> {
    Some(match value {
        Value::Str(s) => s,
        Value::Int(i) => i.to_string().into(),
        Value::UInt(u) => u.to_string().into(),
        Value::Float(f) => f.to_string().into(),
        Value::Bool(b) => b.to_string().into(),
        Value::Null => "null".into(),
        Value::Seq(_) | Value::Map(_) => return None,
    })
}

/// Resolves a scalar by the YAML 1.2 core schema (so `yes`, `on` and `2024-01-01` stay strings).
fn resolve(raw: &str, style: ScalarStyle, tag: Option<&str>) -> Value {
    match tag {
        Some("str") => return Value::Str(raw.into()),
        Some("null") => return Value::Null,
        Some("bool") | Some("int") | Some("float") => return plain(raw),
        _ => {}
    }
    if style != ScalarStyle::Plain {
        return Value::Str(raw.into());
    }
    plain(raw)
}

/// A plain (unquoted, untagged) scalar by the core schema.
pub(super) fn plain(raw: &str) -> Value {
    match raw {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let first = raw.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Value::Str(raw.into());
    }
    if let Some(oct) = raw.strip_prefix("0o") {
        if let Ok(i) = i64::from_str_radix(oct, 8) {
            return Value::Int(i);
        }
    }
    if let Some(hex) = raw.strip_prefix("0x") {
        if let Ok(i) = i64::from_str_radix(hex, 16) {
            return Value::Int(i);
        }
    }
    let digits = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = raw.parse::<i64>() {
            return Value::Int(i);
        }
        if let Ok(u) = raw.trim_start_matches('+').parse::<u64>() {
            return Value::UInt(u);
        }
    }
    if is_float(digits) {
        if let Ok(f) = raw.parse::<f64>() {
            return Value::Float(f);
        }
    }
    Value::Str(raw.into())
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` from the core schema.
fn is_float(s: &str) -> bool {
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (mantissa, None),
    };
    let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match frac {
        Some(f) => digits(int) && digits(f) && !(int.is_empty() && f.is_empty()),
        None => !int.is_empty() && digits(int),
    };
    let exp_ok = match exp {
        Some(e) => {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && digits(e)
        }
        None => true,
    };
    mantissa_ok && exp_ok
}
