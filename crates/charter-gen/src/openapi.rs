//! OpenAPI 3.1: one document for every operation with a REST route (highest version of each
//! key), event contracts as `webhooks`, external schema files bundled into
//! `components/schemas`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use charter_model::{
    AuthLevel, Contract, Event, HttpMethod, Kind, Meta, Operation, OperationKind, Stability,
};
use charter_workspace::Workspace;
use serde_json::{json, Value};

use crate::bundle::{contract_dir, Bundler, FileCache};
use crate::json::to_json_file;
use crate::naming::{pascal, Unique};
use crate::{latest, GeneratedFile, Options, Sink, MARKER_TEXT};

pub const PATH: &str = "openapi/openapi.json";
const COMPONENTS: &str = "#/components/schemas/";
const PROBLEM: &str = "#/components/schemas/Problem";
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
    // The operations' and events' own components are named `{base}Input` and so on. Their
    // names are reserved first, so that a bundled file never takes one of them.
    let bases: Vec<String> = ops
        .iter()
        .chain(&events)
        .map(|l| pascal(&l.contract.meta().key))
        .collect();
    for base in &bases {
        for part in ["Input", "Output", "Params", "Query", "Headers", "Payload"] {
            d.bundler.reserve(&format!("{base}{part}"));
        }
    }
    let (op_bases, event_bases) = bases.split_at(ops.len());

    // path -> (method, operation)
    let mut paths: BTreeMap<&str, Vec<(String, OperationObject<'_>)>> = BTreeMap::new();
    let mut tags = BTreeSet::new();
    let mut version = semver::Version::new(0, 0, 0);
    for (l, base) in ops.iter().zip(op_bases) {
        let Contract::Operation(op) = &l.contract else {
            continue;
        };
        let Some(route) = op.transport.as_ref().and_then(|t| t.rest.as_ref()) else {
            continue;
        };
        let method = route.method.as_str().to_ascii_lowercase();
        let methods = paths.entry(&route.path).or_default();
        if methods.iter().any(|(m, _)| *m == method) {
            continue; // two keys on one route: the first key (in key order) wins
        }
        if let Ok(v) = semver::Version::parse(&op.meta.version) {
            version = version.max(v);
        }
        tags.insert(op.meta.domain());
        let object = d.operation(&contract_dir(ws, l), op, base, route.method, &route.path);
        methods.push((method, object));
    }
    let mut webhooks = Vec::with_capacity(events.len());
    for (l, base) in events.iter().zip(event_bases) {
        let Contract::Event(ev) = &l.contract else {
            continue;
        };
        let object = d.webhook(&contract_dir(ws, l), ev, base);
        webhooks.push((ev.meta.key.as_str(), Entry("post", object)));
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

    let paths = paths
        .into_iter()
        .map(|(path, mut methods)| {
            methods.sort_by_key(|(m, _)| METHOD_ORDER.iter().position(|x| x == m));
            (path, Pairs(methods))
        })
        .collect();
    Document {
        openapi: "3.1.0",
        info: Info {
            generated_by: MARKER_TEXT,
            title: "Charter contracts",
            version: version.to_string(),
            description: "Operations and events of the workspace, generated from its contracts.",
        },
        tags: tags.into_iter().map(|t| Entry("name", t)).collect(),
        paths,
        webhooks: Pairs(webhooks),
        components: Components {
            schemas: Pairs(schemas),
            security_schemes,
        },
    }
}

/// The OpenAPI document, written by serializing it. It borrows the workspace's schemas and
/// texts wherever bundling changes nothing: building a `serde_json::Value` tree to write it
/// would copy them all, and that copying cost as much as writing the document.
#[derive(Serialize)]
pub struct Document<'w> {
    openapi: &'static str,
    info: Info,
    tags: Vec<Entry<&'static str, &'w str>>,
    paths: BTreeMap<&'w str, Pairs<String, OperationObject<'w>>>,
    webhooks: Pairs<&'w str, Entry<&'static str, OperationObject<'w>>>,
    components: Components<'w>,
}

#[derive(Serialize)]
struct Info {
    #[serde(rename = "x-generated-by")]
    generated_by: &'static str,
    title: &'static str,
    version: String,
    description: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Components<'w> {
    schemas: Pairs<String, Cow<'w, Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    security_schemes: Option<Value>,
}

/// An operation of `paths`, or of `webhooks`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OperationObject<'w> {
    operation_id: String,
    summary: &'w str,
    description: &'w str,
    tags: [&'w str; 1],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    deprecated: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parameters: Vec<Parameter<'w>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_body: Option<RequestBody<'w>>,
    /// By HTTP status.
    responses: Pairs<u16, Response<'w>>,
    /// `[]` for anonymous access, else the schemes of which one is required.
    #[serde(skip_serializing_if = "Option::is_none")]
    security: Option<Vec<Entry<&'static str, [&'static str; 0]>>>,
    #[serde(rename = "x-charter")]
    x_charter: XCharter<'w>,
}

impl<'w> OperationObject<'w> {
    /// The fields every operation and webhook has, from its metadata.
    fn new(m: &'w Meta, operation_id: String, responses: Vec<(u16, Response<'w>)>) -> Self {
        OperationObject {
            operation_id,
            summary: m.title(),
            description: m.description.trim(),
            tags: [m.domain()],
            deprecated: m.stability == Stability::Deprecated,
            parameters: Vec::new(),
            request_body: None,
            responses: Pairs(responses),
            security: None,
            x_charter: XCharter::of(m),
        }
    }
}

/// `x-charter` of an operation, `_meta.charter` of an MCP tool.
#[derive(Serialize)]
pub(crate) struct XCharter<'w> {
    key: &'w str,
    version: &'w str,
    stability: &'static str,
}

impl<'w> XCharter<'w> {
    pub(crate) fn of(m: &'w Meta) -> Self {
        XCharter {
            key: &m.key,
            version: &m.version,
            stability: m.stability.as_str(),
        }
    }
}

struct Parameter<'w> {
    name: &'w str,
    location: &'static str,
    required: bool,
    schema: Cow<'w, Value>,
}

impl Serialize for Parameter<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("name", self.name)?;
        m.serialize_entry("in", self.location)?;
        m.serialize_entry("required", &self.required)?;
        // The schema's description describes the parameter.
        if let Some(d) = self.schema.get("description").and_then(Value::as_str) {
            m.serialize_entry("description", d)?;
        }
        m.serialize_entry("schema", &self.schema)?;
        m.end()
    }
}

#[derive(Serialize)]
struct RequestBody<'w> {
    required: bool,
    content: Entry<&'static str, MediaType<'w>>,
}

impl<'w> RequestBody<'w> {
    fn json(schema: Schema<'w>) -> Self {
        RequestBody {
            required: true,
            content: Entry("application/json", MediaType { schema }),
        }
    }
}

#[derive(Serialize)]
struct Response<'w> {
    description: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<Entry<&'static str, MediaType<'w>>>,
}

#[derive(Serialize)]
struct MediaType<'w> {
    schema: Schema<'w>,
}

/// A schema where it is used.
enum Schema<'w> {
    Inline(Cow<'w, Value>),
    /// A `$ref` to this pointer.
    Ref(String),
    /// The problem details of an error response whose `code` is one of these.
    Problem(Vec<&'w str>),
}

impl Serialize for Schema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Schema::Inline(v) => v.serialize(s),
            Schema::Ref(r) => Entry("$ref", r).serialize(s),
            Schema::Problem(codes) => {
                #[derive(Serialize)]
                struct Codes<'a> {
                    properties: Entry<&'static str, Entry<&'static str, &'a [&'a str]>>,
                    required: [&'static str; 1],
                }
                let codes = Codes {
                    properties: Entry("code", Entry("enum", codes)),
                    required: ["code"],
                };
                Entry("allOf", (Entry("$ref", PROBLEM), codes)).serialize(s)
            }
        }
    }
}

/// A map of one entry.
pub(crate) struct Entry<K, V>(pub K, pub V);

impl<K: Serialize, V: Serialize> Serialize for Entry<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(&self.0, &self.1)?;
        m.end()
    }
}

/// A map of these entries, in this order.
pub(crate) struct Pairs<K, V>(pub Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Pairs<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

const METHOD_ORDER: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];

impl<'w> Doc<'_, 'w> {
    /// A schema of a contract as a named component; a schema that is only a `$ref` is used
    /// as that reference. Returns the schema to use where it is needed.
    fn component(&mut self, dir: &Path, schema: &'w Value, name: String) -> Schema<'w> {
        let local = format!("{COMPONENTS}{name}");
        let bundled = self.bundler.bundle_cow(schema, dir, Some(&local));
        if let Some(obj) = bundled.as_object() {
            if obj.len() == 1 && obj.contains_key("$ref") {
                return Schema::Inline(bundled);
            }
        }
        self.own.insert(name, bundled);
        Schema::Ref(local)
    }

    fn operation(
        &mut self,
        dir: &Path,
        op: &'w Operation,
        base: &str,
        method: HttpMethod,
        path: &'w str,
    ) -> OperationObject<'w> {
        let m = &op.meta;
        let id = self.ids.claim(&m.key, "_", 200);

        let mut params = Vec::new();
        for name in path_params(path) {
            let schema = match property(&op.io.params, name) {
                Some(s) => self.param_schema(dir, op, s, &format!("{base}Params")),
                None => Cow::Owned(json!({ "type": "string" })),
            };
            params.push(Parameter {
                name,
                location: "path",
                required: true,
                schema,
            });
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
                let whole = format!("{base}{suffix}");
                for (name, p) in props {
                    params.push(Parameter {
                        name,
                        location,
                        required: required.contains(&name.as_str()),
                        schema: self.param_schema(dir, op, p, &whole),
                    });
                }
            }
        }

        let mut request_body = None;
        if method.allows_body() {
            if let Some(input) = &op.io.input {
                let schema = self.component(dir, input, format!("{base}Input"));
                request_body = Some(RequestBody::json(schema));
            }
        }

        let created = method == HttpMethod::Post && m.kind == Some(OperationKind::Command);
        let success = if created { 201 } else { 200 };
        let content = op.io.output.as_ref().map(|output| {
            let schema = self.component(dir, output, format!("{base}Output"));
            Entry("application/json", MediaType { schema })
        });
        let mut responses = vec![(
            success,
            Response {
                description: if created { "Created." } else { "Success." }.into(),
                content,
            },
        )];
        let mut by_status: BTreeMap<u16, Vec<(&String, &charter_model::ErrorSpec)>> =
            BTreeMap::new();
        for (code, e) in &op.io.errors {
            by_status.entry(e.http).or_default().push((code, e));
        }
        for (status, errs) in by_status {
            if status == success {
                continue;
            }
            let mut description = String::new();
            for (code, e) in &errs {
                if !description.is_empty() {
                    description.push_str("\n\n");
                }
                description.push('`');
                description.push_str(code);
                description.push('`');
                if let Some(w) = &e.when {
                    description.push_str(": ");
                    description.push_str(w.trim());
                }
            }
            let codes = errs.iter().map(|(c, _)| c.as_str()).collect();
            let content = Entry(
                "application/problem+json",
                MediaType {
                    schema: Schema::Problem(codes),
                },
            );
            responses.push((
                status,
                Response {
                    description: description.into(),
                    content: Some(content),
                },
            ));
        }

        let mut o = OperationObject::new(m, id, responses);
        o.parameters = params;
        o.request_body = request_body;
        o.security = match op.policy.as_ref().and_then(|p| p.auth) {
            Some(AuthLevel::Anonymous) => Some(Vec::new()),
            Some(AuthLevel::User | AuthLevel::Admin) => {
                self.uses_bearer = true;
                Some(vec![Entry(BEARER, [])])
            }
            None => None,
        };
        o
    }

    /// A parameter's schema. Local references point into the whole params/query/headers
    /// schema (`whole`), which then becomes a component too.
    fn param_schema(
        &mut self,
        dir: &Path,
        op: &'w Operation,
        schema: &'w Value,
        whole: &str,
    ) -> Cow<'w, Value> {
        let local = format!("{COMPONENTS}{whole}");
        let out = self.bundler.bundle_cow(schema, dir, Some(&local));
        if refers_to(&out, &local) && !self.own.contains_key(whole) {
            let src = if whole.ends_with("Params") {
                &op.io.params
            } else if whole.ends_with("Query") {
                &op.io.query
            } else {
                &op.io.headers
            };
            if let Some(src) = src {
                let b = self.bundler.bundle_cow(src, dir, Some(&local));
                self.own.insert(whole.to_string(), b);
            }
        }
        out
    }

    fn webhook(&mut self, dir: &Path, ev: &'w Event, base: &str) -> OperationObject<'w> {
        let m = &ev.meta;
        let schema = self.component(dir, &ev.payload, format!("{base}Payload"));
        let id = self.ids.claim(&format!("on.{}", m.key), "_", 200);
        let received = Response {
            description: "The event was received.".into(),
            content: None,
        };
        let mut o = OperationObject::new(m, id, vec![(200, received)]);
        o.request_body = Some(RequestBody::json(schema));
        o
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

fn property<'a>(schema: &'a Option<Value>, name: &str) -> Option<&'a Value> {
    schema.as_ref()?.get("properties")?.get(name)
}

fn required_of(s: &serde_json::Map<String, Value>) -> Vec<&str> {
    s.get("required")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// `{name}` segments of a route template, in order.
pub fn path_params(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push(&rest[start + 1..start + len]);
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
        assert_eq!(super::path_params("/a/{x}/b/{y_z}"), ["x", "y_z"]);
        assert!(super::path_params("/a").is_empty());
    }
}
