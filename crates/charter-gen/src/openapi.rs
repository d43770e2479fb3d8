//! OpenAPI 3.1: one document for every operation with a REST route (highest version of each
//! key), event contracts as `webhooks`, external schema files bundled into
//! `components/schemas`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;

use serde::ser::{Serialize, SerializeMap, Serializer};

use charter_model::{AuthLevel, Contract, Event, HttpMethod, Kind, Operation, OperationKind};
use charter_workspace::{Loaded, Workspace};
use serde_json::ser::Formatter;
use serde_json::{json, Map, Value};

use crate::bundle::{contract_dir, Bundler, FileCache};
use crate::naming::{pascal, Unique};
use crate::{latest, GeneratedFile, Options, Sink, MARKER_TEXT};

pub const PATH: &str = "openapi/openapi.json";
const COMPONENTS: &str = "#/components/schemas/";
const BEARER: &str = "bearerAuth";

pub fn generate(ws: &Workspace, _opts: &Options, sink: &dyn Sink) -> io::Result<()> {
    let contents = to_json_file(&document(ws));
    sink.put(GeneratedFile {
        path: PATH.into(),
        contents,
    })
}

/// State while building the document.
struct Doc<'c, 'w> {
    bundler: Bundler<'c>,
    /// Component schemas of operations and events, by name.
    own: BTreeMap<String, Cow<'w, Value>>,
    ids: Unique,
    uses_bearer: bool,
}

/// The OpenAPI document of the workspace.
pub fn document(ws: &Workspace) -> Document<'_> {
    let mut cache = FileCache::default();
    let mut d = Doc {
        bundler: Bundler::new(&mut cache, COMPONENTS),
        own: BTreeMap::new(),
        ids: Unique::default(),
        uses_bearer: false,
    };
    d.bundler.reserve("Problem");
    let ops = latest(ws, Kind::Operation);
    let events = latest(ws, Kind::Event);
    // Reserve the names of the operations' and events' own components first, so that a
    // bundled file never takes one of them.
    for l in ops.iter().chain(&events) {
        for part in ["Input", "Output", "Params", "Query", "Headers", "Payload"] {
            d.bundler
                .reserve(&format!("{}{part}", pascal(&l.contract.meta().key)));
        }
    }

    // (path, method order) -> operation object
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    let mut tags = std::collections::BTreeSet::new();
    let mut version = semver::Version::new(0, 0, 0);
    for l in &ops {
        let Contract::Operation(op) = &l.contract else {
            continue;
        };
        let Some(route) = op.transport.as_ref().and_then(|t| t.rest.as_ref()) else {
            continue;
        };
        let method = route.method.as_str().to_ascii_lowercase();
        let entry = paths.entry(route.path.clone()).or_default();
        if entry.contains_key(&method) {
            continue; // two keys on one route: the first key (in key order) wins
        }
        if let Ok(v) = semver::Version::parse(&op.meta.version) {
            version = version.max(v);
        }
        tags.insert(op.meta.domain().to_string());
        let object = d.operation(ws, l, op, route.method, &route.path);
        entry.insert(method, object);
    }
    let mut webhooks = Map::new();
    for l in &events {
        let Contract::Event(ev) = &l.contract else {
            continue;
        };
        let object = d.webhook(ws, l, ev);
        webhooks.insert(ev.meta.key.clone(), object_of([("post", object)]));
    }

    let mut bundled: Vec<(String, Cow<'_, Value>)> = std::mem::take(&mut d.bundler.defs)
        .into_iter()
        .map(|(name, schema)| (name, Cow::Owned(schema)))
        .collect();
    bundled.extend(std::mem::take(&mut d.own));
    bundled.sort_by(|a, b| a.0.cmp(&b.0));
    let mut schemas = vec![("Problem".to_string(), Cow::Owned(problem_schema()))];
    schemas.extend(bundled);
    let security_schemes = d.uses_bearer.then(|| {
        json!({ BEARER: {
            "type": "http",
            "scheme": "bearer",
            "description": "Token of the signed-in user (policy.auth user or admin)."
        }})
    });

    let mut paths_obj = Map::new();
    for (p, methods) in paths {
        if !methods.is_empty() {
            paths_obj.insert(p, Value::Object(sort_methods(methods)));
        }
    }
    let tags: Vec<Value> = tags.into_iter().map(|t| json!({ "name": t })).collect();
    // Built by moving the parts in: `json!` would copy them (it serializes by reference).
    let head = object_of([
        ("openapi", json!("3.1.0")),
        (
            "info",
            json!({
                "x-generated-by": MARKER_TEXT,
                "title": "Charter contracts",
                "version": version.to_string(),
                "description": "Operations and events of the workspace, generated from its contracts."
            }),
        ),
        ("tags", Value::Array(tags)),
        ("paths", Value::Object(paths_obj)),
        ("webhooks", Value::Object(webhooks)),
    ]);
    Document {
        head,
        schemas,
        security_schemes,
    }
}

/// The OpenAPI document. Component schemas are borrowed from the contracts where bundling
/// changes nothing, so the workspace's schemas are not copied to be written.
pub struct Document<'w> {
    /// Everything before `components`.
    head: Value,
    schemas: Vec<(String, Cow<'w, Value>)>,
    security_schemes: Option<Value>,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let head = self.head.as_object().map(Map::len).unwrap_or(0);
        let mut m = s.serialize_map(Some(head + 1))?;
        if let Value::Object(o) = &self.head {
            for (k, v) in o {
                m.serialize_entry(k, v)?;
            }
        }
        m.serialize_entry("components", &Components(self))?;
        m.end()
    }
}

struct Components<'a, 'w>(&'a Document<'w>);

impl Serialize for Components<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let mut m = s.serialize_map(Some(1 + usize::from(doc.security_schemes.is_some())))?;
        m.serialize_entry("schemas", &Schemas(&doc.schemas))?;
        if let Some(sec) = &doc.security_schemes {
            m.serialize_entry("securitySchemes", sec)?;
        }
        m.end()
    }
}

struct Schemas<'a, 'w>(&'a [(String, Cow<'w, Value>)]);

impl Serialize for Schemas<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (name, schema) in self.0 {
            m.serialize_entry(name, schema.as_ref())?;
        }
        m.end()
    }
}

/// `value` as `serde_json::to_string_pretty` writes it, and a final newline.
pub(crate) fn to_json_file<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
    if value.serialize(&mut ser).is_err() {
        return "\n".into();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's `PrettyFormatter` (two spaces a level), but writing each line break and its
/// indentation at once: serde_json writes the indentation one level at a time, which cost as
/// much as everything else in writing these large, deeply nested documents.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break and the indentation of the current depth.
    fn new_line<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        /// A line break and the indentation of the first 64 levels.
        const LINE: [u8; 129] = {
            let mut line = [b' '; 129];
            line[0] = b'\n';
            line
        };
        let mut spaces = 2 * self.depth;
        let first = spaces.min(LINE.len() - 1);
        w.write_all(&LINE[..=first])?;
        spaces -= first;
        while spaces > 0 {
            let n = spaces.min(LINE.len() - 1);
            w.write_all(&LINE[1..=n])?;
            spaces -= n;
        }
        Ok(())
    }

    fn begin<W: ?Sized + io::Write>(&mut self, w: &mut W, open: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(open)
    }

    fn end<W: ?Sized + io::Write>(&mut self, w: &mut W, close: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w)?;
        }
        w.write_all(close)
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.new_line(w)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// An object from (key, value) pairs, moving the values.
pub(crate) fn object_of<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

const METHOD_ORDER: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];

fn sort_methods(m: Map<String, Value>) -> Map<String, Value> {
    let mut entries: Vec<(String, Value)> = m.into_iter().collect();
    entries.sort_by_key(|(k, _)| METHOD_ORDER.iter().position(|x| x == k));
    entries.into_iter().collect()
}

impl<'w> Doc<'_, 'w> {
    /// A schema of a contract as a named component; a schema that is only a `$ref` is used
    /// as that reference. Returns the schema to use where it is needed.
    fn component(&mut self, ws: &Workspace, l: &Loaded, schema: &'w Value, name: String) -> Value {
        let local = format!("{COMPONENTS}{name}");
        let bundled = self
            .bundler
            .bundle_cow(schema, &contract_dir(ws, l), Some(&local));
        if let Some(obj) = bundled.as_object() {
            if obj.len() == 1 && obj.contains_key("$ref") {
                return bundled.into_owned();
            }
        }
        self.own.insert(name, bundled);
        json!({ "$ref": local })
    }

    fn operation(
        &mut self,
        ws: &Workspace,
        l: &Loaded,
        op: &'w Operation,
        method: HttpMethod,
        path: &str,
    ) -> Value {
        let m = &op.meta;
        let base = pascal(&m.key);
        let mut o = Map::new();
        o.insert(
            "operationId".into(),
            json!(self.ids.claim(&m.key, "_", 200)),
        );
        o.insert("summary".into(), json!(m.title()));
        o.insert("description".into(), json!(m.description.trim()));
        o.insert("tags".into(), json!([m.domain()]));
        if m.stability == charter_model::Stability::Deprecated {
            o.insert("deprecated".into(), json!(true));
        }

        let mut params = Vec::new();
        for name in path_params(path) {
            let schema = property(&op.io.params, &name)
                .map(|s| self.param_schema(ws, l, s, &format!("{base}Params")))
                .unwrap_or_else(|| json!({ "type": "string" }));
            params.push(parameter(&name, "path", true, schema));
        }
        for (field, location, suffix) in [
            (&op.io.query, "query", "Query"),
            (&op.io.headers, "header", "Headers"),
        ] {
            let Some(Value::Object(s)) = field else {
                continue;
            };
            let required = required_of(s);
            if let Some(Value::Object(props)) = s.get("properties") {
                for (name, p) in props {
                    let schema = self.param_schema(ws, l, p, &format!("{base}{suffix}"));
                    params.push(parameter(
                        name,
                        location,
                        required.contains(&name.as_str()),
                        schema,
                    ));
                }
            }
        }
        if !params.is_empty() {
            o.insert("parameters".into(), Value::Array(params));
        }

        if method.allows_body() {
            if let Some(input) = &op.io.input {
                let schema = self.component(ws, l, input, format!("{base}Input"));
                o.insert(
                    "requestBody".into(),
                    json!({ "required": true, "content": { "application/json": { "schema": schema } } }),
                );
            }
        }

        let mut responses = Map::new();
        let created = method == HttpMethod::Post && m.kind == Some(OperationKind::Command);
        let success = if created { "201" } else { "200" };
        let mut ok = Map::new();
        ok.insert(
            "description".into(),
            json!(if created { "Created." } else { "Success." }),
        );
        if let Some(output) = &op.io.output {
            let schema = self.component(ws, l, output, format!("{base}Output"));
            ok.insert(
                "content".into(),
                json!({ "application/json": { "schema": schema } }),
            );
        }
        responses.insert(success.into(), Value::Object(ok));
        let mut by_status: BTreeMap<u16, Vec<(&String, &charter_model::ErrorSpec)>> =
            BTreeMap::new();
        for (code, e) in &op.io.errors {
            by_status.entry(e.http).or_default().push((code, e));
        }
        for (status, errs) in by_status {
            if status.to_string() == success {
                continue;
            }
            let description = errs
                .iter()
                .map(|(code, e)| match &e.when {
                    Some(w) => format!("`{code}`: {}", w.trim()),
                    None => format!("`{code}`"),
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            let codes: Vec<&String> = errs.iter().map(|(c, _)| *c).collect();
            responses.insert(
                status.to_string(),
                json!({
                    "description": description,
                    "content": { "application/problem+json": { "schema": {
                        "allOf": [
                            { "$ref": format!("{COMPONENTS}Problem") },
                            { "properties": { "code": { "enum": codes } }, "required": ["code"] }
                        ]
                    }}}
                }),
            );
        }
        o.insert("responses".into(), Value::Object(responses));

        match op.policy.as_ref().and_then(|p| p.auth) {
            Some(AuthLevel::Anonymous) => {
                o.insert("security".into(), json!([]));
            }
            Some(AuthLevel::User | AuthLevel::Admin) => {
                self.uses_bearer = true;
                o.insert("security".into(), json!([{ BEARER: [] }]));
            }
            None => {}
        }
        o.insert("x-charter".into(), x_charter(&l.contract));
        Value::Object(o)
    }

    /// A parameter's schema. Local references point into the whole params/query/headers
    /// schema (`whole`), which then becomes a component too.
    fn param_schema(&mut self, ws: &Workspace, l: &Loaded, schema: &Value, whole: &str) -> Value {
        let local = format!("{COMPONENTS}{whole}");
        let dir = contract_dir(ws, l);
        let out = self.bundler.bundle(schema, &dir, Some(&local));
        if refers_to(&out, &local) && !self.own.contains_key(whole) {
            if let Contract::Operation(op) = &l.contract {
                let src = if whole.ends_with("Params") {
                    &op.io.params
                } else if whole.ends_with("Query") {
                    &op.io.query
                } else {
                    &op.io.headers
                };
                if let Some(src) = src {
                    let b = self.bundler.bundle(src, &dir, Some(&local));
                    self.own.insert(whole.to_string(), Cow::Owned(b));
                }
            }
        }
        out
    }

    fn webhook(&mut self, ws: &Workspace, l: &Loaded, ev: &'w Event) -> Value {
        let m = &ev.meta;
        let schema = self.component(ws, l, &ev.payload, format!("{}Payload", pascal(&m.key)));
        let mut o = Map::new();
        o.insert(
            "operationId".into(),
            json!(self.ids.claim(&format!("on.{}", m.key), "_", 200)),
        );
        o.insert("summary".into(), json!(m.title()));
        o.insert("description".into(), json!(m.description.trim()));
        o.insert("tags".into(), json!([m.domain()]));
        if m.stability == charter_model::Stability::Deprecated {
            o.insert("deprecated".into(), json!(true));
        }
        o.insert(
            "requestBody".into(),
            json!({ "required": true, "content": { "application/json": { "schema": schema } } }),
        );
        o.insert(
            "responses".into(),
            json!({ "200": { "description": "The event was received." } }),
        );
        o.insert("x-charter".into(), x_charter(&l.contract));
        Value::Object(o)
    }
}

/// Whether some `$ref` in `v` starts with `prefix`.
fn refers_to(v: &Value, prefix: &str) -> bool {
    match v {
        Value::Object(m) => {
            m.get("$ref")
                .and_then(Value::as_str)
                .is_some_and(|r| r.starts_with(prefix))
                || m.values().any(|c| refers_to(c, prefix))
        }
        Value::Array(a) => a.iter().any(|c| refers_to(c, prefix)),
        _ => false,
    }
}

fn x_charter(c: &Contract) -> Value {
    let m = c.meta();
    json!({ "key": m.key, "version": m.version, "stability": m.stability.as_str() })
}

fn parameter(name: &str, location: &str, required: bool, schema: Value) -> Value {
    let mut p = Map::new();
    p.insert("name".into(), json!(name));
    p.insert("in".into(), json!(location));
    p.insert("required".into(), json!(required));
    if let Some(d) = schema.get("description").and_then(Value::as_str) {
        p.insert("description".into(), json!(d));
    }
    p.insert("schema".into(), schema);
    Value::Object(p)
}

fn property<'a>(schema: &'a Option<Value>, name: &str) -> Option<&'a Value> {
    schema.as_ref()?.get("properties")?.get(name)
}

fn required_of(s: &Map<String, Value>) -> Vec<&str> {
    s.get("required")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// `{name}` segments of a route template, in order.
pub fn path_params(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push(rest[start + 1..start + len].to_string());
        rest = &rest[start + len + 1..];
    }
    out
}

/// RFC 9457 problem details, with the contract's error code in `code`.
fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "Problem details (RFC 9457); `code` is the error code declared in the contract.",
        "required": ["type", "title", "status", "code"],
        "properties": {
            "type": { "type": "string", "format": "uri-reference" },
            "title": { "type": "string" },
            "status": { "type": "integer", "minimum": 100, "maximum": 599 },
            "detail": { "type": "string" },
            "instance": { "type": "string", "format": "uri-reference" },
            "code": { "type": "string" }
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn path_parameters_in_order() {
        assert_eq!(
            super::path_params("/a/{x}/b/{y_z}"),
            vec!["x".to_string(), "y_z".to_string()]
        );
        assert!(super::path_params("/a").is_empty());
    }

    #[test]
    fn json_files_are_written_as_serde_json_writes_them() {
        let mut deep = serde_json::json!({"leaf": [1, {}, []]});
        for i in 0..70 {
            deep = serde_json::json!({ "a": [], "b": {}, "deeper": [deep, i], "s": "x\"y\n" });
        }
        let expected = serde_json::to_string_pretty(&deep).unwrap() + "\n";
        assert_eq!(super::to_json_file(&deep), expected);
    }
}
