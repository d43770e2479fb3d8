//! MCP tool manifest: `mcp/tools.json`, shaped like a `tools/list` result, one tool per
//! operation (highest version of each key). Names come from `transport.mcp.toolName` or the
//! key, limited to `^[a-zA-Z0-9_-]{1,64}$` and made unique.

use std::borrow::Cow;
use std::path::Path;

use charter_model::{Contract, Kind, Operation, OperationKind};
use charter_workspace::{Loaded, Workspace};
use indexmap::IndexMap;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::bundle::{contract_dir, Bundler, FileCache};
use crate::json::to_json_file;
use crate::jsonschema::DIALECT;
use crate::naming::Unique;
use crate::openapi::{Entry, XCharter};
use crate::{latest, GeneratedFile, Options, Sink, MARKER_TEXT};

pub const PATH: &str = "mcp/tools.json";
pub const MAX_NAME: usize = 64;

pub fn generate(ws: &Workspace, _opts: &Options, sink: &dyn Sink) -> std::io::Result<()> {
    let contents = to_json_file(&manifest(ws));
    sink.put(GeneratedFile {
        path: PATH.into(),
        contents,
    })
}

/// Keeps the allowed characters (others become `_`), at most [`MAX_NAME`] of them.
pub fn sanitize(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(MAX_NAME)
        .collect();
    if s.is_empty() {
        "tool".into()
    } else {
        s
    }
}

/// Tool names for (key, declared toolName) pairs, in the same order. Declared names are
/// served first (in the given order), then names derived from keys; a taken name gets `_2`,
/// `_3`…
pub fn tool_names(ops: &[(&str, Option<&str>)]) -> Vec<String> {
    let mut unique = Unique::default();
    let mut names = vec![String::new(); ops.len()];
    for declared in [true, false] {
        for (i, (key, tool)) in ops.iter().enumerate() {
            if tool.is_some() == declared {
                let wanted = sanitize(tool.unwrap_or(&key.replace('.', "_")));
                names[i] = unique.claim(&wanted, "_", MAX_NAME);
            }
        }
    }
    names
}

pub fn manifest(ws: &Workspace) -> Manifest<'_> {
    let ops: Vec<(&Loaded, &Operation)> = latest(ws, Kind::Operation)
        .into_iter()
        .filter_map(|l| match &l.contract {
            Contract::Operation(o) => Some((l, o)),
            _ => None,
        })
        .collect();
    let pairs: Vec<(&str, Option<&str>)> = ops
        .iter()
        .map(|(_, o)| {
            let declared = o.transport.as_ref().and_then(|t| t.mcp.as_ref());
            (o.meta.key.as_str(), declared.map(|m| m.tool_name.as_str()))
        })
        .collect();
    let names = tool_names(&pairs);
    let mut cache = FileCache::default();
    let tools = ops
        .iter()
        .zip(names)
        .map(|((l, op), name)| tool(&contract_dir(ws, l), op, name, &mut cache))
        .collect();
    Manifest {
        meta: Entry("generatedBy", MARKER_TEXT),
        tools,
    }
}

/// The manifest, written by serializing it. It borrows the operations' schemas wherever
/// bundling changes nothing: building a `serde_json::Value` tree to write it would copy them.
#[derive(Serialize)]
pub struct Manifest<'w> {
    #[serde(rename = "_meta")]
    meta: Entry<&'static str, &'static str>,
    tools: Vec<Tool<'w>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Tool<'w> {
    name: String,
    title: &'w str,
    description: Cow<'w, str>,
    input_schema: InputSchema<'w>,
    #[serde(skip_serializing_if = "Option::is_none")]
    output_schema: Option<OutputSchema<'w>>,
    annotations: Annotations<'w>,
    #[serde(rename = "_meta")]
    meta: Entry<&'static str, XCharter<'w>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Annotations<'w> {
    title: &'w str,
    read_only_hint: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    idempotent_hint: Option<bool>,
}

fn tool<'w>(dir: &Path, op: &'w Operation, name: String, cache: &mut FileCache) -> Tool<'w> {
    let m = &op.meta;
    let description = match &m.goal {
        Some(g) => format!("{} {}", g.trim(), m.description.trim()).into(),
        None => m.description.trim().into(),
    };
    let input_schema = input_schema(dir, op, cache);
    let output_schema = op.io.output.as_ref().map(|out| {
        let mut b = Bundler::new(cache, "#/$defs/");
        let schema = b.bundle_cow(out, dir, None);
        OutputSchema {
            schema,
            defs: b.defs,
        }
    });
    Tool {
        name,
        title: m.title(),
        description,
        input_schema,
        output_schema,
        annotations: Annotations {
            title: m.title(),
            read_only_hint: m.kind == Some(OperationKind::Query),
            idempotent_hint: op.policy.as_ref().and_then(|p| p.idempotent),
        },
        meta: Entry("charter", XCharter::of(m)),
    }
}

/// The output schema as a document of its own: `$schema`, `"type": "object"` unless the
/// schema has its own `type`, the schema's keywords, and the definitions of the files it
/// refers to, added to its `$defs`.
struct OutputSchema<'w> {
    schema: Cow<'w, Value>,
    /// Definitions of the bundled files.
    defs: IndexMap<String, Value>,
}

impl Serialize for OutputSchema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let own = self.schema.as_object();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("$schema", DIALECT)?;
        match own.and_then(|o| o.get("type")) {
            Some(t) => m.serialize_entry("type", t)?,
            None => m.serialize_entry("type", "object")?,
        }
        for (k, v) in own.into_iter().flatten() {
            match (k.as_str(), v) {
                ("type", _) => {}
                ("$defs", Value::Object(d)) => {
                    m.serialize_entry(k, &Defs::new(Some(d), &self.defs))?
                }
                _ => m.serialize_entry(k, v)?,
            }
        }
        if !own.is_some_and(|o| o.contains_key("$defs")) && !self.defs.is_empty() {
            m.serialize_entry("$defs", &Defs::new(None, &self.defs))?;
        }
        m.end()
    }
}

/// One object schema for the tool's arguments: path and query parameters and the input's
/// properties side by side; an input that is not a plain object goes under `body`.
struct InputSchema<'w> {
    /// The properties of the path and query parameters, bundled.
    params: Vec<(&'w str, Cow<'w, Value>)>,
    /// Their `required` lists.
    required: Vec<&'w Value>,
    input: Option<Input<'w>>,
    /// Definitions of the bundled files.
    defs: IndexMap<String, Value>,
}

/// The bundled input schema.
enum Input<'w> {
    /// A plain object: its properties join the parameters.
    Object(Cow<'w, Value>),
    Body(Cow<'w, Value>),
}

fn input_schema<'w>(dir: &Path, op: &'w Operation, cache: &mut FileCache) -> InputSchema<'w> {
    let mut b = Bundler::new(cache, "#/$defs/");
    let mut params = Vec::new();
    let mut required = Vec::new();
    for src in [&op.io.params, &op.io.query].into_iter().flatten() {
        let Some(ps) = src.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (k, v) in ps {
            params.push((k.as_str(), b.bundle_cow(v, dir, None)));
        }
        if let Some(r) = src.get("required").and_then(Value::as_array) {
            required.extend(r);
        }
    }
    let input = op.io.input.as_ref().map(|input| {
        let bundled = b.bundle_cow(input, dir, None);
        let plain = bundled.as_object().is_some_and(|o| {
            !["$ref", "allOf", "anyOf", "oneOf", "if", "not"]
                .iter()
                .any(|k| o.contains_key(*k))
                && o.get("type").is_none_or(|t| t == "object")
        });
        if plain {
            Input::Object(bundled)
        } else {
            Input::Body(bundled)
        }
    });
    InputSchema {
        params,
        required,
        input,
        defs: b.defs,
    }
}

impl Serialize for InputSchema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let object = match &self.input {
            Some(Input::Object(o)) => o.as_object(),
            _ => None,
        };
        let get = |key| object.and_then(|o| o.get(key));
        let mut props: IndexMap<&str, &Value> =
            self.params.iter().map(|(k, v)| (*k, v.as_ref())).collect();
        let mut required = Required {
            listed: self.required.clone(),
            body: false,
        };
        match &self.input {
            Some(Input::Body(body)) => {
                props.insert("body", body);
                required.body = true;
            }
            Some(Input::Object(_)) => {
                if let Some(Value::Object(ps)) = get("properties") {
                    props.extend(ps.iter().map(|(k, v)| (k.as_str(), v)));
                }
                if let Some(Value::Array(r)) = get("required") {
                    required.listed.extend(r);
                }
            }
            None => {}
        }
        let closed =
            object.is_none_or(|o| o.get("additionalProperties") == Some(&Value::Bool(false)));
        let own_defs = get("$defs").and_then(Value::as_object);

        let mut m = s.serialize_map(None)?;
        m.serialize_entry("$schema", DIALECT)?;
        m.serialize_entry("type", "object")?;
        if own_defs.is_some() {
            m.serialize_entry("$defs", &Defs::new(own_defs, &self.defs))?;
        }
        m.serialize_entry("properties", &props)?;
        if !required.listed.is_empty() || required.body {
            m.serialize_entry("required", &required)?;
        }
        if closed {
            m.serialize_entry("additionalProperties", &false)?;
        }
        if own_defs.is_none() && !self.defs.is_empty() {
            m.serialize_entry("$defs", &Defs::new(None, &self.defs))?;
        }
        m.end()
    }
}

/// Required property names: those listed, then `body` if it is there.
struct Required<'a> {
    listed: Vec<&'a Value>,
    body: bool,
}

impl Serialize for Required<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for name in &self.listed {
            seq.serialize_element(name)?;
        }
        if self.body {
            seq.serialize_element("body")?;
        }
        seq.end()
    }
}

/// A schema's own `$defs` with the definitions of bundled files added; a bundled file's
/// definition replaces one of the same name.
struct Defs<'a> {
    own: Option<&'a Map<String, Value>>,
    added: &'a IndexMap<String, Value>,
}

impl<'a> Defs<'a> {
    fn new(own: Option<&'a Map<String, Value>>, added: &'a IndexMap<String, Value>) -> Self {
        Defs { own, added }
    }
}

impl Serialize for Defs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let own = self.own.into_iter().flatten();
        let is_own = |k: &String| self.own.is_some_and(|o| o.contains_key(k));
        s.collect_map(
            own.map(|(k, v)| (k, self.added.get(k).unwrap_or(v)))
                .chain(self.added.iter().filter(|(k, _)| !is_own(k))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sanitized_and_unique() {
        let long = "x".repeat(80);
        let names = tool_names(&[
            ("a.b", None),
            ("c.d", Some("a_b")),
            ("e.f", Some("bad name!")),
            ("g.h", Some(long.as_str())),
            ("i.j", Some(long.as_str())),
            ("a.b-", None),
        ]);
        assert_eq!(
            names,
            [
                "a_b_2".to_string(),
                "a_b".into(),
                "bad_name_".into(),
                "x".repeat(64),
                format!("{}_2", "x".repeat(62)),
                "a_b-".into(),
            ]
        );
    }
}
