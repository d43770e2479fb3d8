//! A parsed document as a tree of values that remember where they came from.
//!
//! YAML, JSON and TOML all parse into [`Node`]; the typed model is deserialized from it
//! (see [`crate::de`]) and every diagnostic finds its position through it.

use compact_str::CompactString;

use crate::span::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    /// Short strings (most keys and values) are stored inline, without an allocation.
    Str(CompactString),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: CompactString,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    pub fn new(span: Span, value: Value) -> Node {
        Node { span, value }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Map(m) => m,
            _ => &[],
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().find(|e| e.key == key)
    }

    pub fn index(&self, i: usize) -> Option<&Node> {
        match &self.value {
            Value::Seq(s) => s.get(i),
            _ => None,
        }
    }

    /// Short name of the value's type, as used in messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) | Value::UInt(_) => "integer",
            Value::Float(_) => "number",
            Value::Str(_) => "string",
            Value::Seq(_) => "list",
            Value::Map(_) => "map",
        }
    }

    /// Follows a JSON Pointer (`/transports/1/inbound`). Returns the node it names, if any.
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        let mut node = self;
        for seg in segments(pointer) {
            node = node.child(&seg)?;
        }
        Some(node)
    }

    fn child(&self, seg: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(_) => self.get(seg),
            Value::Seq(_) => seg.parse::<usize>().ok().and_then(|i| self.index(i)),
            _ => None,
        }
    }

    /// The best position for a JSON Pointer: the node it names, or else the deepest
    /// existing node on the way (so a missing field points at its parent).
    /// With `key` set, a map entry's key position is preferred over its value.
    pub fn locate(&self, pointer: &str, key: bool) -> Span {
        let mut node = self;
        let mut span = self.span;
        for seg in segments(pointer) {
            if let Value::Map(entries) = &node.value {
                match entries.iter().find(|e| e.key == seg) {
                    Some(e) => {
                        span = if key { e.key_span } else { e.value.span };
                        node = &e.value;
                        continue;
                    }
                    None => return span,
                }
            }
            match node.child(&seg) {
                Some(n) => {
                    span = n.span;
                    node = n;
                }
                None => return span,
            }
        }
        span
    }

    /// Converts to a JSON value (for JSON Schema work). Non-finite floats become null.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::UInt(u) => J::from(*u),
            Value::Float(f) => serde_json::Number::from_f64(*f)
                .map(J::Number)
                .unwrap_or(J::Null),
            // `as_str().to_owned()`, not `to_string()`: that goes through `Display` and the
            // formatting machinery, which was most of the cost of converting a string.
            Value::Str(s) => J::String(s.as_str().to_owned()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|e| (e.key.as_str().to_owned(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// Number of nodes in the tree (for limits).
    pub fn count(&self) -> usize {
        match &self.value {
            Value::Seq(items) => 1 + items.iter().map(Node::count).sum::<usize>(),
            Value::Map(entries) => 1 + entries.iter().map(|e| e.value.count()).sum::<usize>(),
            _ => 1,
        }
    }
}

/// Splits a JSON Pointer into unescaped segments.
pub fn segments(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer
        .split('/')
        .skip(1)
        .filter(|_| !pointer.is_empty())
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
}

/// Appends one segment to a JSON Pointer, escaping it.
pub fn push_pointer(pointer: &str, seg: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + seg.len() + 1);
    out.push_str(pointer);
    out.push('/');
    for c in seg.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}
