//! Bundling: schemas that `$ref` other files (relative to the contract file) are rewritten
//! so that every reference points inside one document. Each external file becomes one named
//! definition under a prefix (`#/components/schemas/` for OpenAPI, `#/$defs/` for a
//! stand-alone JSON Schema); references inside that file are rewritten to point at its new
//! place. `$schema` and `$id` are dropped from bundled parts: the document that holds them
//! declares the dialect once.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde_json::{Map, Value};

use crate::naming::{pascal, Unique};

/// External schema files read during one generation run, by canonical path.
#[derive(Debug, Default)]
pub struct FileCache {
    files: HashMap<PathBuf, Option<Value>>,
}

impl FileCache {
    fn get(&mut self, path: &Path) -> Option<(PathBuf, Value)> {
        let canon = std::fs::canonicalize(path).ok()?;
        let v = self
            .files
            .entry(canon.clone())
            .or_insert_with(|| {
                let text = std::fs::read_to_string(&canon).ok()?;
                serde_json::from_str(&text).ok()
            })
            .clone()?;
        Some((canon, v))
    }
}

/// Keywords whose values are data, not schemas: never searched for `$ref`.
const DATA_KEYWORDS: &[&str] = &["enum", "const", "default", "examples", "example"];

/// One bundling target (one output document).
#[derive(Debug)]
pub struct Bundler<'c> {
    cache: &'c mut FileCache,
    prefix: String,
    by_file: HashMap<PathBuf, String>,
    names: Unique,
    /// Bundled definitions, in the order they were first referenced.
    pub defs: IndexMap<String, Value>,
}

impl<'c> Bundler<'c> {
    /// `prefix` is the pointer under which definitions will live, e.g. `#/$defs/`.
    pub fn new(cache: &'c mut FileCache, prefix: &str) -> Self {
        Bundler {
            cache,
            prefix: prefix.to_string(),
            by_file: HashMap::new(),
            names: Unique::default(),
            defs: IndexMap::new(),
        }
    }

    /// Keeps a name from being given to a bundled file.
    pub fn reserve(&mut self, name: &str) {
        self.names.reserve(name);
    }

    /// [`Bundler::bundle`], without the copy when nothing would change (no `$ref` anywhere,
    /// no `$schema` or `$id` at the top): most schemas are used as they are.
    pub fn bundle_cow<'v>(
        &mut self,
        schema: &'v Value,
        base_dir: &Path,
        local: Option<&str>,
    ) -> Cow<'v, Value> {
        if unchanged_by_bundling(schema) {
            Cow::Borrowed(schema)
        } else {
            Cow::Owned(self.bundle(schema, base_dir, local))
        }
    }

    /// A copy of `schema` (found in a file in `base_dir`) with external references bundled.
    /// Local references (`#...`) are rewritten to start with `local` when it is given, for a
    /// schema that is moved away from the root of its document.
    pub fn bundle(&mut self, schema: &Value, base_dir: &Path, local: Option<&str>) -> Value {
        let mut out = schema.clone();
        if let Value::Object(m) = &mut out {
            m.shift_remove("$schema");
            m.shift_remove("$id");
        }
        self.walk(&mut out, base_dir, local);
        out
    }

    fn walk(&mut self, v: &mut Value, base_dir: &Path, local: Option<&str>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    let r = r.clone();
                    if let Some(new) = self.rewrite(&r, base_dir, local) {
                        m.insert("$ref".into(), Value::String(new));
                    }
                }
                for (k, child) in m.iter_mut() {
                    if !DATA_KEYWORDS.contains(&k.as_str()) {
                        self.walk(child, base_dir, local);
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|c| self.walk(c, base_dir, local)),
            _ => {}
        }
    }

    /// The new value of one `$ref`, or None to keep it.
    fn rewrite(&mut self, r: &str, base_dir: &Path, local: Option<&str>) -> Option<String> {
        let (file, fragment) = match r.split_once('#') {
            Some((f, frag)) => (f, frag),
            None => (r, ""),
        };
        if file.is_empty() {
            return local.map(|l| format!("{l}{fragment}"));
        }
        if file.contains("://") {
            return None;
        }
        let name = self.include(&base_dir.join(file))?;
        Some(format!("{}{name}{fragment}", self.prefix))
    }

    /// Bundles one file (once) and returns its definition name.
    fn include(&mut self, path: &Path) -> Option<String> {
        let (canon, doc) = self.cache.get(path)?;
        if let Some(name) = self.by_file.get(&canon) {
            return Some(name.clone());
        }
        let wanted = doc
            .get("title")
            .and_then(Value::as_str)
            .map(pascal)
            .unwrap_or_else(|| {
                pascal(
                    canon
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .unwrap_or("Schema"),
                )
            });
        let name = self.names.claim(&wanted, "", 120);
        self.by_file.insert(canon.clone(), name.clone());
        // Placeholder first, so the order is that of first reference even with cycles.
        self.defs.insert(name.clone(), Value::Object(Map::new()));
        let dir = canon.parent().unwrap_or(Path::new("/")).to_path_buf();
        let local = format!("{}{name}", self.prefix);
        let bundled = self.bundle(&doc, &dir, Some(&local));
        self.defs.insert(name.clone(), bundled);
        Some(name)
    }
}

/// Whether [`Bundler::bundle`] returns the schema as it is: no `$ref` anywhere, no `$schema`
/// or `$id` at the top.
pub fn unchanged_by_bundling(schema: &Value) -> bool {
    let declares = |m: &Map<String, Value>| m.contains_key("$schema") || m.contains_key("$id");
    !matches!(schema, Value::Object(m) if declares(m)) && !has_ref(schema)
}

/// Whether a schema holds a `$ref` (outside data keywords, as [`Bundler::bundle`] walks).
fn has_ref(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.iter().any(|(k, c)| {
            k == "$ref"
                || (matches!(c, Value::Object(_) | Value::Array(_))
                    && !DATA_KEYWORDS.contains(&k.as_str())
                    && has_ref(c))
        }),
        Value::Array(a) => a.iter().any(has_ref),
        _ => false,
    }
}

/// The folder of the file a contract was loaded from.
pub fn contract_dir(ws: &charter_workspace::Workspace, l: &charter_workspace::Loaded) -> PathBuf {
    ws.files[l.file]
        .abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn external_files_become_named_definitions() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("s")).unwrap();
        std::fs::write(
            dir.path().join("s/money.json"),
            r##"{"$schema":"x","title":"Money amount","type":"object","properties":{"c":{"$ref":"#/$defs/cur"},"o":{"$ref":"other.json"}},"$defs":{"cur":{"type":"string"}}}"##,
        )
        .unwrap();
        std::fs::write(dir.path().join("s/other.json"), r#"{"type":"integer"}"#).unwrap();
        let mut cache = FileCache::default();
        let mut b = Bundler::new(&mut cache, "#/$defs/");
        let schema = json!({"$schema": "y", "type": "array", "items": {"$ref": "s/money.json"},
            "enum": [{"$ref": "data"}], "x": {"$ref": "#/foo"}});
        let out = b.bundle(&schema, dir.path(), Some("#/components/schemas/X"));
        assert_eq!(
            out,
            json!({"type": "array", "items": {"$ref": "#/$defs/MoneyAmount"},
                "enum": [{"$ref": "data"}], "x": {"$ref": "#/components/schemas/X/foo"}})
        );
        assert_eq!(b.defs.keys().collect::<Vec<_>>(), ["MoneyAmount", "Other"]);
        assert_eq!(
            b.defs["MoneyAmount"],
            json!({"title": "Money amount", "type": "object",
                "properties": {"c": {"$ref": "#/$defs/MoneyAmount/$defs/cur"}, "o": {"$ref": "#/$defs/Other"}},
                "$defs": {"cur": {"type": "string"}}})
        );
        assert_eq!(b.defs["Other"], json!({"type": "integer"}));
    }
}
