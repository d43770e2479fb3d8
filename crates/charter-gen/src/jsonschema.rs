//! JSON Schema (2020-12) files: one stand-alone file per schema of a contract (integration
//! config and secret, operation input/output/params/query/headers, event payload), external
//! `$ref` files bundled into `$defs`.

use charter_model::Contract;
use charter_workspace::{Loaded, Workspace};
use rayon::prelude::*;
use serde_json::{json, Map, Value};

use crate::bundle::{contract_dir, Bundler, FileCache};
use crate::json::to_json_file;
use crate::{GeneratedFile, Options, Sink, MARKER_TEXT};

pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schemas of a contract: (part name, schema, examples that must validate).
pub fn parts(c: &Contract) -> Vec<(&'static str, &Value, Vec<&Value>)> {
    let mut out = Vec::new();
    match c {
        Contract::Integration(i) => {
            for (name, s) in [("config", &i.config_schema), ("secret", &i.secret_schema)] {
                if let Some(s) = s {
                    out.push((name, &s.schema, s.example.iter().collect()));
                }
            }
        }
        Contract::Operation(o) => {
            let io = &o.io;
            let inputs = o.examples.iter().filter_map(|e| e.input.as_ref()).collect();
            let outputs = o
                .examples
                .iter()
                .filter_map(|e| e.output.as_ref())
                .collect();
            for (name, s, ex) in [
                ("input", &io.input, inputs),
                ("output", &io.output, outputs),
                ("params", &io.params, vec![]),
                ("query", &io.query, vec![]),
                ("headers", &io.headers, vec![]),
            ] {
                if let Some(s) = s {
                    out.push((name, s, ex));
                }
            }
        }
        Contract::Event(e) => out.push(("payload", &e.payload, e.examples.iter().collect())),
        Contract::Capability(_) | Contract::Feature(_) => {}
    }
    out
}

/// Output path of one part of a contract.
pub fn path_of(c: &Contract, part: &str) -> String {
    let m = c.meta();
    format!(
        "jsonschema/{}/{}@{}.{part}.schema.json",
        c.kind(),
        m.key,
        m.version
    )
}

pub fn generate(ws: &Workspace, _opts: &Options, sink: &dyn Sink) -> std::io::Result<()> {
    ws.contracts
        .par_iter()
        .try_for_each_init(FileCache::default, |cache, l| {
            for (part, schema, _) in parts(&l.contract) {
                let path = path_of(&l.contract, part);
                let contents = if crate::bundle::unchanged_by_bundling(schema) {
                    // Nothing to bundle: written straight from the contract's schema.
                    let title = l.contract.meta().title();
                    let doc = Borrowed::new(schema, format!("urn:charter:{path}"), title);
                    to_json_file(&doc)
                } else {
                    to_json_file(&standalone(ws, l, schema, &path, cache))
                };
                sink.put(GeneratedFile { path, contents })?;
            }
            Ok(())
        })
}

/// One schema as a document of its own: marker, dialect and id first, then the schema with
/// external files in `$defs`.
pub fn standalone(
    ws: &Workspace,
    l: &Loaded,
    schema: &Value,
    path: &str,
    cache: &mut FileCache,
) -> Value {
    let mut bundler = Bundler::new(cache, "#/$defs/");
    let own_defs: Vec<String> = schema
        .get("$defs")
        .and_then(Value::as_object)
        .map(|d| d.keys().cloned().collect())
        .unwrap_or_default();
    for d in &own_defs {
        bundler.reserve(d);
    }
    let body = bundler.bundle(schema, &contract_dir(ws, l), None);
    let mut out = Map::new();
    out.insert("$comment".into(), json!(MARKER_TEXT));
    out.insert("$schema".into(), json!(DIALECT));
    out.insert("$id".into(), json!(format!("urn:charter:{path}")));
    let m = l.contract.meta();
    if !matches!(&body, Value::Object(o) if o.contains_key("title")) {
        out.insert("title".into(), json!(m.title()));
    }
    match body {
        Value::Object(o) => {
            for (k, v) in o {
                if k != "$comment" {
                    out.insert(k, v);
                }
            }
        }
        Value::Bool(false) => {
            out.insert("not".into(), json!({}));
        }
        _ => {}
    }
    if !bundler.defs.is_empty() {
        let defs = out
            .entry("$defs")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(d) = defs {
            d.extend(std::mem::take(&mut bundler.defs));
        }
    }
    Value::Object(out)
}

/// What [`standalone`] makes of a schema that bundling leaves as it is, serialized from the
/// contract's schema without copying it: marker, dialect, id and title first, then the
/// schema's own keywords.
struct Borrowed<'a> {
    schema: &'a Value,
    id: String,
    title: Option<&'a str>,
}

impl<'a> Borrowed<'a> {
    fn new(schema: &'a Value, id: String, title: &'a str) -> Self {
        let has_title = matches!(schema, Value::Object(o) if o.contains_key("title"));
        Borrowed {
            schema,
            id,
            title: (!has_title).then_some(title),
        }
    }
}

impl serde::Serialize for Borrowed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("$comment", MARKER_TEXT)?;
        m.serialize_entry("$schema", DIALECT)?;
        m.serialize_entry("$id", &self.id)?;
        if let Some(t) = self.title {
            m.serialize_entry("title", t)?;
        }
        match self.schema {
            Value::Object(o) => {
                for (k, v) in o.iter().filter(|(k, _)| *k != "$comment") {
                    m.serialize_entry(k, v)?;
                }
            }
            Value::Bool(false) => m.serialize_entry("not", &Map::new())?,
            _ => {}
        }
        m.end()
    }
}
