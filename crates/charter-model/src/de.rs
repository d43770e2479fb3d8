//! A serde `Deserializer` over [`Node`], so that the typed model is built by `derive` while
//! every error still knows the position (and JSON Pointer) of the value it is about.
//!
//! Written by hand because no crate deserializes from a spanned tree of all three formats.

use std::fmt::{self, Display};

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::node::{Entry, Node, Value};
use crate::span::Span;

/// `deserialize_struct` name that asks for the entry named by `fields[0]` to come first;
/// used by [`Tagged`] enums to read their tag before the rest of the map.
pub const TAGGED: &str = "$charter::tagged";

/// Why a document does not fit the contract model.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    /// `unknown-field`, `missing-field`, `invalid-type`, `invalid-value`.
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub span: Option<Span>,
    /// Path segments from the document root, in order.
    pub path: Vec<String>,
}

impl DeError {
    fn new(code: &'static str, message: String, help: Option<String>) -> DeError {
        DeError {
            code,
            message,
            help,
            span: None,
            path: Vec::new(),
        }
    }

    /// The JSON Pointer of the value the error is about.
    pub fn pointer(&self) -> String {
        self.path
            .iter()
            .fold(String::new(), |p, s| crate::node::push_pointer(&p, s))
    }

    fn at(mut self, span: Span) -> DeError {
        self.span.get_or_insert(span);
        self
    }

    fn under(mut self, seg: impl Into<String>) -> DeError {
        self.path.insert(0, seg.into());
        self
    }
}

impl Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

/// The closest candidate to `word`, if any is close enough to be a likely typo.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let lower = word.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn one_of(expected: &[&str]) -> String {
    expected
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl de::Error for DeError {
    fn custom<T: Display>(msg: T) -> Self {
        DeError::new("invalid-value", msg.to_string(), None)
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        let expected = in_words(exp.to_string());
        let help = match unexp {
            de::Unexpected::Signed(_)
            | de::Unexpected::Unsigned(_)
            | de::Unexpected::Float(_)
            | de::Unexpected::Bool(_)
                if expected.contains("string") =>
            {
                Some("put the value in quotes so that it is read as text".to_string())
            }
            de::Unexpected::Unit => Some("give this field a value, or remove it".to_string()),
            _ => None,
        };
        DeError::new(
            "invalid-type",
            format!("expected {expected}, found {}", describe(&unexp)),
            help,
        )
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError::new(
            "invalid-value",
            format!(
                "invalid value {}: expected {}",
                describe(&unexp),
                in_words(exp.to_string())
            ),
            None,
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let help = match closest(variant, expected.iter().copied()) {
            Some(c) => format!("did you mean `{c}`? Allowed values: {}", one_of(expected)),
            None => format!("allowed values: {}", one_of(expected)),
        };
        DeError::new(
            "invalid-value",
            format!("unknown value `{variant}`"),
            Some(help),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let help = match closest(field, expected.iter().copied()) {
            Some(c) => format!(
                "did you mean `{c}`? Known fields here: {}",
                one_of(expected)
            ),
            None if expected.is_empty() => "this map takes no fields".to_string(),
            None => format!("known fields here: {}", one_of(expected)),
        };
        DeError::new(
            "unknown-field",
            format!("unknown field `{field}`"),
            Some(help),
        )
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(
            "missing-field",
            format!("missing required field `{field}`"),
            Some(format!("add `{field}:` here")),
        )
    }

    fn duplicate_field(field: &'static str) -> Self {
        DeError::new(
            "invalid-value",
            format!("field `{field}` appears twice"),
            Some("remove one of them".to_string()),
        )
    }
}

/// What serde expected, in the words of the contract format rather than Rust's
/// (`struct Meta`, `a sequence`, `u16` become `a map`, `a list`, `an integer from 0 to 65535`).
fn in_words(expected: String) -> String {
    let words = match expected.as_str() {
        "a sequence" => "a list",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "an integer",
        "u8" => "an integer from 0 to 255",
        "u16" => "an integer from 0 to 65535",
        "u32" => "an integer from 0 to 4294967295",
        "u64" | "u128" | "usize" => "a non-negative integer",
        "f32" | "f64" => "a number",
        "a borrowed string" => "a string",
        e if e.starts_with("struct ") => "a map",
        _ => return expected,
    };
    words.to_string()
}

fn describe(u: &de::Unexpected<'_>) -> String {
    match u {
        de::Unexpected::Unit => "an empty value (null)".to_string(),
        de::Unexpected::Map => "a map".to_string(),
        de::Unexpected::Seq => "a list".to_string(),
        de::Unexpected::Str(s) => format!("the string \"{s}\""),
        other => other.to_string(),
    }
}

/// Deserializes `T` from a node.
pub fn from_node<'a, T: de::Deserialize<'a>>(node: &'a Node) -> Result<T, DeError> {
    T::deserialize(NodeDe {
        node,
        parent_key: None,
    })
}

#[derive(Clone, Copy)]
struct NodeDe<'a> {
    node: &'a Node,
    /// Position of the key this value sits under: a missing field is reported there.
    parent_key: Option<Span>,
}

impl<'a> NodeDe<'a> {
    fn locate(&self, e: DeError) -> DeError {
        match (e.code, self.parent_key) {
            ("missing-field", Some(k)) if e.span.is_none() => e.at(k),
            _ => e.at(self.node.span),
        }
    }

    fn visit_map<V: Visitor<'a>>(
        self,
        visitor: V,
        first: Option<&str>,
    ) -> Result<V::Value, DeError> {
        let Value::Map(entries) = &self.node.value else {
            return self.deserialize_any_inner(visitor);
        };
        let first = first.and_then(|f| entries.iter().position(|e| e.key == f));
        let access = Entries {
            entries,
            first,
            first_done: false,
            pos: 0,
            current: None,
        };
        visitor.visit_map(access).map_err(|e| self.locate(e))
    }

    fn deserialize_any_inner<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let r = match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Int(i) => visitor.visit_i64(*i),
            Value::UInt(u) => visitor.visit_u64(*u),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::Str(s) => visitor.visit_borrowed_str(s),
            Value::Seq(items) => visitor.visit_seq(Items { items, pos: 0 }),
            Value::Map(_) => return self.visit_map(visitor, None),
        };
        r.map_err(|e| self.locate(e))
    }
}

impl<'a> de::Deserializer<'a> for NodeDe<'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_any_inner(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if name == JSON {
            // See `json`: the subtree is converted directly and handed over on the side.
            JSON_SLOT.set(Some(self.node.to_json()));
            return visitor.visit_unit();
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let first = if name == TAGGED {
            fields.first().copied()
        } else {
            None
        };
        // serde's derived structs also accept a list of field values; contracts do not.
        if let Value::Seq(_) = self.node.value {
            let e = <DeError as de::Error>::invalid_type(de::Unexpected::Seq, &visitor);
            return Err(self.locate(e));
        }
        self.visit_map(visitor, first)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let unexpected = match &self.node.value {
            Value::Str(s) => {
                return visitor
                    .visit_enum(de::value::BorrowedStrDeserializer::<DeError>::new(s))
                    .map_err(|e| self.locate(e))
            }
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Int(i) => de::Unexpected::Signed(*i),
            Value::UInt(u) => de::Unexpected::Unsigned(*u),
            Value::Float(f) => de::Unexpected::Float(*f),
            Value::Seq(_) => de::Unexpected::Seq,
            Value::Map(_) => de::Unexpected::Map,
        };
        // Name the allowed values, not the Rust enum (`enum Stability`).
        let expected = format!("one of {}", one_of(variants));
        let e = <DeError as de::Error>::invalid_type(unexpected, &expected.as_str());
        Err(self.locate(e))
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! { <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

struct Entries<'a> {
    entries: &'a [Entry],
    /// Index of the entry to yield before all others (then skipped in order).
    first: Option<usize>,
    first_done: bool,
    pos: usize,
    current: Option<&'a Entry>,
}

impl<'a> MapAccess<'a> for Entries<'a> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let entry = if let Some(i) = self.first.filter(|_| !self.first_done) {
            self.first_done = true;
            &self.entries[i]
        } else {
            if self.first == Some(self.pos) {
                self.pos += 1;
            }
            let Some(e) = self.entries.get(self.pos) else {
                return Ok(None);
            };
            self.pos += 1;
            e
        };
        self.current = Some(entry);
        let key = de::value::BorrowedStrDeserializer::<DeError>::new(&entry.key);
        seed.deserialize(key)
            .map(Some)
            .map_err(|e| e.at(entry.key_span).under(entry.key.clone()))
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let entry = self
            .current
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("value requested before key"))?;
        seed.deserialize(NodeDe {
            node: &entry.value,
            parent_key: Some(entry.key_span),
        })
        // An error raised after the value was read (a tag naming no variant) has no
        // position yet: it is about this value, not the enclosing map.
        .map_err(|e| e.at(entry.value.span).under(entry.key.clone()))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Items<'a> {
    items: &'a [Node],
    pos: usize,
}

impl<'a> SeqAccess<'a> for Items<'a> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(node) = self.items.get(self.pos) else {
            return Ok(None);
        };
        let index = self.pos;
        self.pos += 1;
        seed.deserialize(NodeDe {
            node,
            parent_key: None,
        })
        .map(Some)
        .map_err(|e| e.at(node.span).under(index.to_string()))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.pos)
    }
}

/// An enum stored as a map whose `TAG` field names the variant (`type: rest`), read without
/// buffering so that errors inside the variant keep their positions.
pub trait Tagged: Sized {
    const NAME: &'static str;
    const TAG: &'static str;
    const VARIANTS: &'static [&'static str];
    /// Builds the variant from the rest of the map (the tag already consumed).
    fn from_variant<'de, A: MapAccess<'de>>(variant: &str, rest: A) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` for a [`Tagged`] enum.
pub fn deserialize_tagged<'de, T: Tagged, D: de::Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_struct(
        TAGGED,
        &[T::TAG],
        TaggedVisitor::<T>(std::marker::PhantomData),
    )
}

struct TaggedVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a map with `{}:` naming the {}", T::TAG, T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let Some(first) = map.next_key::<std::borrow::Cow<'de, str>>()? else {
            return Err(de::Error::missing_field(T::TAG));
        };
        if first == T::TAG {
            let variant = map.next_value_seed(VariantSeed::<T>(std::marker::PhantomData))?;
            return T::from_variant(&variant, map);
        }
        // Another deserializer that cannot put the tag first: buffer as JSON.
        let mut rest = serde_json::Map::new();
        rest.insert(first.into_owned(), map.next_value()?);
        while let Some((k, v)) = map.next_entry::<String, serde_json::Value>()? {
            rest.insert(k, v);
        }
        let variant = match rest.remove(T::TAG) {
            Some(serde_json::Value::String(s)) => s,
            Some(_) => return Err(de::Error::custom(format!("`{}` must be a string", T::TAG))),
            None => return Err(de::Error::missing_field(T::TAG)),
        };
        if !T::VARIANTS.contains(&variant.as_str()) {
            return Err(de::Error::unknown_variant(&variant, T::VARIANTS));
        }
        let access = de::value::MapDeserializer::new(rest.into_iter());
        T::from_variant(&variant, access).map_err(de::Error::custom)
    }
}

struct VariantSeed<T>(std::marker::PhantomData<T>);

impl<'de, T: Tagged> DeserializeSeed<'de> for VariantSeed<T> {
    type Value = String;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        if T::VARIANTS.contains(&s.as_ref()) {
            Ok(s.into_owned())
        } else {
            Err(de::Error::unknown_variant(&s, T::VARIANTS))
        }
    }
}

/// Implements `Deserialize` and [`Tagged`] for an enum of newtype variants.
#[macro_export]
macro_rules! tagged_enum {
    ($ty:ident, $name:literal, $tag:literal, { $($variant:literal => $ctor:ident($inner:ty)),+ $(,)? }) => {
        impl $crate::de::Tagged for $ty {
            const NAME: &'static str = $name;
            const TAG: &'static str = $tag;
            const VARIANTS: &'static [&'static str] = &[$($variant),+];
            fn from_variant<'de, A: serde::de::MapAccess<'de>>(variant: &str, rest: A) -> Result<Self, A::Error> {
                let d = serde::de::value::MapAccessDeserializer::new(rest);
                match variant {
                    $($variant => <$inner as serde::Deserialize>::deserialize(d).map($ty::$ctor),)+
                    other => Err(serde::de::Error::unknown_variant(other, Self::VARIANTS)),
                }
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::de::deserialize_tagged(d)
            }
        }
    };
}

/// `deserialize_newtype_struct` name under which [`NodeDe`] converts a whole subtree to JSON
/// at once (see [`json`]).
const JSON: &str = "$charter::json";

thread_local! {
    /// The JSON that `NodeDe` built for the [`JsonVisitor`] it is about to call.
    static JSON_SLOT: std::cell::Cell<Option<serde_json::Value>> = const { std::cell::Cell::new(None) };
}

/// `deserialize_with` for a field kept as JSON (schemas, examples).
///
/// Through serde, a JSON value is built one visitor call per value, and its maps grow (and
/// rehash) one key at a time; schemas and examples are most of a contract, so that was most
/// of the time spent deserializing. From a [`Node`] the value is built directly with
/// [`Node::to_json`] (maps sized once), which gives the same value: `NodeDe` sees the
/// [`JSON`] name, builds the value, leaves it in [`JSON_SLOT`] and calls `visit_unit`, where
/// [`JsonVisitor`] takes it. Any other deserializer gets the ordinary serde path.
pub fn json<'de, D: de::Deserializer<'de>>(d: D) -> Result<serde_json::Value, D::Error> {
    d.deserialize_newtype_struct(JSON, JsonVisitor)
}

/// [`json`] for an optional field (null or absent is `None`, as for `Option<Value>`).
pub fn json_opt<'de, D: de::Deserializer<'de>>(
    d: D,
) -> Result<Option<serde_json::Value>, D::Error> {
    Ok(<Option<JsonField> as de::Deserialize>::deserialize(d)?.map(|j| j.0))
}

/// [`json`] for a list of values.
pub fn json_vec<'de, D: de::Deserializer<'de>>(d: D) -> Result<Vec<serde_json::Value>, D::Error> {
    Ok(<Vec<JsonField> as de::Deserialize>::deserialize(d)?
        .into_iter()
        .map(|j| j.0)
        .collect())
}

struct JsonField(serde_json::Value);

impl<'de> de::Deserialize<'de> for JsonField {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        json(d).map(JsonField)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<serde_json::Value, E> {
        // Empty when a deserializer other than `NodeDe` meant a real unit (null).
        Ok(JSON_SLOT.take().unwrap_or(serde_json::Value::Null))
    }

    fn visit_newtype_struct<D: de::Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<serde_json::Value, D::Error> {
        de::Deserialize::deserialize(d)
    }

    // Deserializers that answer a newtype struct with its content.
    fn visit_none<E: de::Error>(self) -> Result<serde_json::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<serde_json::Value, D::Error> {
        de::Deserialize::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<serde_json::Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, Into::into))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<serde_json::Value, A::Error> {
        de::Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<serde_json::Value, A::Error> {
        de::Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}
