//! MCP tool manifest: `mcp/tools.json`, shaped like a `tools/list` result, one tool per
//! operation (highest version of each key). Names come from `transport.mcp.toolName` or the
//! key, limited to `^[a-zA-Z0-9_-]{1,64}$` and made unique.

use charter_model::{Contract, Kind, Operation, OperationKind};
use charter_workspace::{Loaded, Workspace};
use serde_json::{json, Map, Value};

use crate::bundle::{contract_dir, Bundler, FileCache};
use crate::jsonschema::DIALECT;
use crate::naming::Unique;
use crate::{latest, GeneratedFile, Options, Sink, MARKER_TEXT};

pub const PATH: &str = "mcp/tools.json";
pub const MAX_NAME: usize = 64;

pub fn generate(ws: &Workspace, _opts: &Options, sink: &dyn Sink) -> std::io::Result<()> {
    let contents = crate::openapi::to_json_file(&manifest(ws));
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

pub fn manifest(ws: &Workspace) -> Value {
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
    let tools: Vec<Value> = ops
        .iter()
        .zip(names)
        .map(|((l, op), name)| tool(ws, l, op, name, &mut cache))
        .collect();
    crate::openapi::object_of([
        ("_meta", json!({ "generatedBy": MARKER_TEXT })),
        ("tools", Value::Array(tools)),
    ])
}

fn tool(ws: &Workspace, l: &Loaded, op: &Operation, name: String, cache: &mut FileCache) -> Value {
    let m = &op.meta;
    let mut description = m.description.trim().to_string();
    if let Some(g) = &m.goal {
        description = format!("{} {description}", g.trim());
    }
    let mut t = Map::new();
    t.insert("name".into(), json!(name));
    t.insert("title".into(), json!(m.title()));
    t.insert("description".into(), json!(description));
    t.insert("inputSchema".into(), input_schema(ws, l, op, cache));
    if let Some(out) = &op.io.output {
        let mut b = Bundler::new(cache, "#/$defs/");
        let bundled = b.bundle(out, &contract_dir(ws, l), None);
        let mut s = Map::new();
        s.insert("$schema".into(), json!(DIALECT));
        s.insert("type".into(), json!("object"));
        if let Value::Object(o) = bundled {
            s.extend(o);
        }
        add_defs(&mut s, b);
        t.insert("outputSchema".into(), Value::Object(s));
    }
    let mut ann = Map::new();
    ann.insert("title".into(), json!(m.title()));
    ann.insert(
        "readOnlyHint".into(),
        json!(m.kind == Some(OperationKind::Query)),
    );
    if let Some(i) = op.policy.as_ref().and_then(|p| p.idempotent) {
        ann.insert("idempotentHint".into(), json!(i));
    }
    t.insert("annotations".into(), Value::Object(ann));
    t.insert(
        "_meta".into(),
        json!({ "charter": { "key": m.key, "version": m.version, "stability": m.stability.as_str() } }),
    );
    Value::Object(t)
}

fn add_defs(s: &mut Map<String, Value>, b: Bundler<'_>) {
    if b.defs.is_empty() {
        return;
    }
    let defs = s.entry("$defs").or_insert_with(|| json!({}));
    if let Value::Object(d) = defs {
        d.extend(b.defs);
    }
}

/// One object schema for the tool's arguments: path and query parameters and the input's
/// properties side by side; an input that is not a plain object goes under `body`.
fn input_schema(ws: &Workspace, l: &Loaded, op: &Operation, cache: &mut FileCache) -> Value {
    let dir = contract_dir(ws, l);
    let mut b = Bundler::new(cache, "#/$defs/");
    let mut props = Map::new();
    let mut required: Vec<Value> = Vec::new();
    for src in [&op.io.params, &op.io.query].into_iter().flatten() {
        let Some(ps) = src.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (k, v) in ps {
            props.insert(k.clone(), b.bundle(v, &dir, None));
        }
        if let Some(r) = src.get("required").and_then(Value::as_array) {
            required.extend(r.iter().cloned());
        }
    }
    let mut s = Map::new();
    s.insert("$schema".into(), json!(DIALECT));
    s.insert("type".into(), json!("object"));
    let mut closed = true;
    if let Some(input) = &op.io.input {
        let bundled = b.bundle_cow(input, &dir, None);
        let plain = bundled.as_object().filter(|o| {
            !["$ref", "allOf", "anyOf", "oneOf", "if", "not"]
                .iter()
                .any(|k| o.contains_key(*k))
                && o.get("type").is_none_or(|t| t == "object")
        });
        match plain {
            Some(o) => {
                if let Some(ps) = o.get("properties").and_then(Value::as_object) {
                    props.extend(ps.clone());
                }
                if let Some(r) = o.get("required").and_then(Value::as_array) {
                    required.extend(r.iter().cloned());
                }
                closed = o.get("additionalProperties") == Some(&Value::Bool(false));
                if let Some(Value::Object(d)) = o.get("$defs") {
                    s.insert("$defs".into(), Value::Object(d.clone()));
                }
            }
            None => {
                props.insert("body".into(), bundled.into_owned());
                required.push(json!("body"));
            }
        }
    }
    s.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        s.insert("required".into(), Value::Array(required));
    }
    if closed {
        s.insert("additionalProperties".into(), json!(false));
    }
    add_defs(&mut s, b);
    Value::Object(s)
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
