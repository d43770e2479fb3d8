//! `schema-invalid`, `schema-ref`, `example-invalid`: every JSON Schema in a contract is a
//! valid schema (2020-12 unless `$schema` names another draft) and every example validates.

use charter_diagnostics::Diagnostic;
use charter_model::{node::push_pointer, Contract, Schema};
use charter_workspace::DocContext;
use lru::LruCache;
use serde_json::Value;
use std::cell::RefCell;
use std::num::NonZeroUsize;
use std::rc::Rc;

/// A schema of the document and the examples that must validate against it.
struct Site<'a> {
    pointer: String,
    schema: &'a Schema,
    examples: Vec<(String, &'a Value)>,
}

pub(crate) fn check(ctx: &DocContext<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(ctx.contract) {
        check_site(ctx, &site, out);
    }
}

fn sites(contract: &Contract) -> Vec<Site<'_>> {
    let mut sites = Vec::new();
    match contract {
        Contract::Integration(c) => {
            for (field, s) in [
                ("configSchema", &c.config_schema),
                ("secretSchema", &c.secret_schema),
            ] {
                if let Some(s) = s {
                    sites.push(Site {
                        pointer: format!("/{field}/schema"),
                        schema: &s.schema,
                        examples: s
                            .example
                            .iter()
                            .map(|e| (format!("/{field}/example"), e))
                            .collect(),
                    });
                }
            }
        }
        Contract::Operation(c) => {
            let io = &c.io;
            for (field, schema) in [
                ("input", &io.input),
                ("output", &io.output),
                ("params", &io.params),
                ("query", &io.query),
                ("headers", &io.headers),
            ] {
                let Some(schema) = schema else { continue };
                let examples = c
                    .examples
                    .iter()
                    .enumerate()
                    .filter_map(|(i, ex)| {
                        let v = match field {
                            "input" => ex.input.as_ref(),
                            "output" => ex.output.as_ref(),
                            _ => None,
                        }?;
                        Some((format!("/examples/{i}/{field}"), v))
                    })
                    .collect();
                sites.push(Site {
                    pointer: format!("/io/{field}"),
                    schema,
                    examples,
                });
            }
        }
        Contract::Event(c) => sites.push(Site {
            pointer: "/payload".into(),
            schema: &c.payload,
            examples: c
                .examples
                .iter()
                .enumerate()
                .map(|(i, e)| (format!("/examples/{i}"), e))
                .collect(),
        }),
        Contract::Capability(_) | Contract::Feature(_) => {}
    }
    sites
}

fn check_site(ctx: &DocContext<'_>, site: &Site<'_>, out: &mut Vec<Diagnostic>) {
    if !matches!(site.schema, Value::Object(_) | Value::Bool(_)) {
        out.push(
            ctx.error(
                "schema-invalid",
                format!(
                    "a JSON Schema is a map (or true/false), not a {}",
                    json_type(site.schema)
                ),
                &site.pointer,
            )
            .with_help("write the schema as a map, e.g. `{type: object, properties: {...}}`"),
        );
        return;
    }
    let refs = has_ref(site.schema);
    let needs_validator = !site.examples.is_empty() || refs;
    if !needs_validator || has_custom_schema_uri(site.schema) {
        if let Some((path, message)) = meta_error(site.schema) {
            out.push(invalid(ctx, &join(&site.pointer, &path), &message));
            return;
        }
        if !needs_validator {
            return;
        }
    }
    let base = refs
        .then(|| std::fs::canonicalize(&ctx.file.abs).ok())
        .flatten()
        .map(|abs| format!("file://{}", abs.display()));
    let validator = match validator_for(site.schema, base) {
        Ok(v) => v,
        Err(e)
            if matches!(
                e.kind(),
                jsonschema::error::ValidationErrorKind::Referencing(_)
            ) =>
        {
            let at = join(&site.pointer, e.schema_path().as_str());
            out.push(
                ctx.error("schema-ref", format!("a `$ref` cannot be resolved: {e}"), &at)
                    .with_help("check that every `$ref` names a file (relative to this contract) or a `#/$defs/...` entry that exists"),
            );
            return;
        }
        Err(e) => {
            out.push(invalid(
                ctx,
                &join(&site.pointer, e.instance_path().as_str()),
                &e.to_string(),
            ));
            return;
        }
    };
    for (pointer, example) in &site.examples {
        for err in validator.iter_errors(example).take(20) {
            let instance = err.instance_path().as_str().to_string();
            let at = join(pointer, &instance);
            let shown = if instance.is_empty() {
                "the example".to_string()
            } else {
                format!("example{instance}")
            };
            out.push(
                ctx.error(
                    "example-invalid",
                    format!("{shown} does not match the schema: {err}"),
                    &at,
                )
                .with_note(format!(
                    "schema at {}, rule {}",
                    site.pointer,
                    err.schema_path()
                ))
                .with_help("fix the example or the schema so that they agree"),
            );
        }
    }
}

/// How many compiled validators each thread keeps.
const CACHE_ENTRIES: usize = 256;

thread_local! {
    /// Recently compiled validators of this thread, by the schema's JSON text. Contracts
    /// repeat schemas (a resource is the output of several operations and the payload of its
    /// events, usually in files of the same folder, which one thread loads in a row), and
    /// compiling is the costly step. Bounded, so memory stays flat on large workspaces.
    static VALIDATORS: RefCell<LruCache<String, Rc<jsonschema::Validator>>> =
        RefCell::new(LruCache::new(NonZeroUsize::new(CACHE_ENTRIES).unwrap_or(NonZeroUsize::MIN)));
}

/// A validator for a schema; `base` is the file a schema with `$ref`s resolves against
/// (such schemas are not cached: what they point at may differ per file). Failed builds are
/// not cached either, so every site with a broken schema gets its own diagnostic.
fn validator_for(
    schema: &Value,
    base: Option<String>,
) -> Result<Rc<jsonschema::Validator>, jsonschema::ValidationError<'static>> {
    // Building also checks the schema against its meta-schema, so that is not done twice.
    let options = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .with_pattern_cache(PATTERNS.clone());
    if let Some(base) = base {
        return Ok(Rc::new(options.with_base_uri(base).build(schema)?));
    }
    // Serializing a `Value` cannot fail (its keys are strings).
    let key = serde_json::to_string(schema).unwrap_or_default();
    if let Some(v) = VALIDATORS.with_borrow_mut(|c| c.get(&key).cloned()) {
        return Ok(v);
    }
    let validator = Rc::new(options.build(schema)?);
    VALIDATORS.with_borrow_mut(|c| c.put(key, Rc::clone(&validator)));
    Ok(validator)
}

/// Compiled `pattern` regexes, shared by every validator of the run.
static PATTERNS: std::sync::LazyLock<jsonschema::PatternCache> =
    std::sync::LazyLock::new(jsonschema::PatternCache::new);

fn invalid(ctx: &DocContext<'_>, pointer: &str, message: &str) -> Diagnostic {
    ctx.error(
        "schema-invalid",
        format!("invalid JSON Schema: {message}"),
        pointer,
    )
    .with_help("see https://json-schema.org/draft/2020-12 for the keyword's allowed values")
}

/// A `$schema` other than a draft the validator knows: checked as 2020-12 by [`meta_error`].
fn has_custom_schema_uri(schema: &Value) -> bool {
    schema
        .get("$schema")
        .and_then(Value::as_str)
        .is_some_and(|s| !KNOWN_DRAFTS.iter().any(|d| s.contains(d)))
}

const KNOWN_DRAFTS: [&str; 5] = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"];

/// The first meta-schema violation: (path inside the schema, message). A `$schema` naming
/// a draft the validator knows is honoured; anything else is checked as 2020-12.
fn meta_error(schema: &Value) -> Option<(String, String)> {
    let declared = schema.get("$schema").and_then(Value::as_str);
    let known = declared.is_some_and(|s| KNOWN_DRAFTS.iter().any(|d| s.contains(d)));
    let result = if known {
        jsonschema::meta::validate(schema)
            .map_err(|e| (e.instance_path().as_str().to_string(), e.to_string()))
    } else if declared.is_some() {
        let mut stripped = schema.clone();
        if let Some(o) = stripped.as_object_mut() {
            o.remove("$schema");
        }
        jsonschema::draft202012::meta::validate(&stripped)
            .map_err(|e| (e.instance_path().as_str().to_string(), e.to_string()))
    } else {
        jsonschema::draft202012::meta::validate(schema)
            .map_err(|e| (e.instance_path().as_str().to_string(), e.to_string()))
    };
    result.err()
}

/// Whether `$ref` appears anywhere in `schema`. Compares keys while walking instead of
/// `contains_key`, which would hash (SipHash) the key once per map.
fn has_ref(schema: &Value) -> bool {
    match schema {
        Value::Object(m) => m.iter().any(|(k, v)| k == "$ref" || has_ref(v)),
        Value::Array(a) => a.iter().any(has_ref),
        _ => false,
    }
}

fn join(base: &str, pointer: &str) -> String {
    let mut out = base.to_string();
    for seg in charter_model::node::segments(pointer) {
        out = push_pointer(&out, &seg);
    }
    out
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "map",
    }
}
