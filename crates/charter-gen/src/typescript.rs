//! TypeScript declarations: one `typescript/index.d.ts` with a type for every operation
//! input/output (and params/query/headers), event payload and integration config/secret
//! (highest version of each key), plus one type per bundled schema file.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use charter_model::{Contract, Kind};
use charter_workspace::Workspace;
use serde_json::{Map, Value};

use crate::bundle::{contract_dir, Bundler, FileCache};
use crate::naming::pascal;
use crate::{latest, GeneratedFile, Options, Sink, MARKER_TEXT};

pub const PATH: &str = "typescript/index.d.ts";
const DEFS: &str = "#/$defs/";
/// Deeper `$ref`s are inlined; this bounds recursive ones.
const MAX_DEPTH: usize = 24;

pub fn generate(ws: &Workspace, _opts: &Options, sink: &dyn Sink) -> std::io::Result<()> {
    sink.put(GeneratedFile {
        path: PATH.into(),
        contents: render(&named_types(ws)),
    })
}

/// The part names of a contract's schemas as type name suffixes.
fn parts(c: &Contract) -> Vec<(String, &Value)> {
    crate::jsonschema::parts(c)
        .into_iter()
        .map(|(part, schema, _)| (pascal(part), schema))
        .collect()
}

/// Every named type: contract parts and bundled files, by name.
pub fn named_types(ws: &Workspace) -> BTreeMap<String, Cow<'_, Value>> {
    let mut cache = FileCache::default();
    let mut bundler = Bundler::new(&mut cache, DEFS);
    let mut types = BTreeMap::new();
    let chosen: Vec<_> = [Kind::Operation, Kind::Event, Kind::Integration]
        .into_iter()
        .flat_map(|k| latest(ws, k))
        .collect();
    for l in &chosen {
        for (part, _) in parts(&l.contract) {
            bundler.reserve(&format!("{}{part}", pascal(&l.contract.meta().key)));
        }
    }
    for l in &chosen {
        for (part, schema) in parts(&l.contract) {
            let name = format!("{}{part}", pascal(&l.contract.meta().key));
            let local = format!("{DEFS}{name}");
            let t = bundler.bundle_cow(schema, &contract_dir(ws, l), Some(&local));
            types.insert(name, t);
        }
    }
    types.extend(
        std::mem::take(&mut bundler.defs)
            .into_iter()
            .map(|(name, schema)| (name, Cow::Owned(schema))),
    );
    types
}

/// The declaration file for a set of named types.
pub fn render(types: &BTreeMap<String, Cow<'_, Value>>) -> String {
    let mut out = format!(
        "// {MARKER_TEXT}.\n// TypeScript declarations of the workspace's contract schemas.\n"
    );
    let conv = Converter { types };
    for (name, schema) in types {
        out.push('\n');
        out.push_str(&doc_comment(schema, ""));
        match interface_body(&conv, schema) {
            Some(body) => {
                let _ = writeln!(out, "export interface {name} {body}");
            }
            None => {
                let _ = writeln!(out, "export type {name} = {};", conv.ts(schema, 0, 0));
            }
        }
    }
    out
}

/// `{ ... }` when the schema is a plain object with properties, for an `interface`.
fn interface_body(conv: &Converter<'_>, s: &Value) -> Option<String> {
    let o = s.as_object()?;
    let combinators = [
        "$ref", "oneOf", "anyOf", "allOf", "enum", "const", "not", "if",
    ];
    if combinators.iter().any(|k| o.contains_key(*k)) {
        return None;
    }
    let props = o.get("properties")?.as_object()?;
    if props.is_empty() || !is_object_type(o) {
        return None;
    }
    Some(conv.object(o, 0, 0))
}

fn is_object_type(o: &Map<String, Value>) -> bool {
    match o.get("type") {
        None => true,
        Some(Value::String(t)) => t == "object",
        Some(_) => false,
    }
}

fn doc_comment(s: &Value, indent: &str) -> String {
    let text: Vec<&str> = ["title", "description"]
        .iter()
        .filter_map(|k| s.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    if text.is_empty() {
        return String::new();
    }
    let body = text.join("\n\n").replace("*/", "*\\/");
    let mut out = format!("{indent}/**\n");
    for line in body.lines() {
        let _ = writeln!(out, "{indent} * {line}").map(|_| ());
    }
    let _ = writeln!(out, "{indent} */");
    out.replace(" * \n", " *\n")
}

struct Converter<'a> {
    types: &'a BTreeMap<String, Cow<'a, Value>>,
}

impl Converter<'_> {
    fn ts(&self, s: &Value, indent: usize, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return "unknown".into();
        }
        let o = match s {
            Value::Bool(true) => return "unknown".into(),
            Value::Bool(false) => return "never".into(),
            Value::Object(o) => o,
            _ => return "unknown".into(),
        };
        if let Some(r) = o.get("$ref").and_then(Value::as_str) {
            let rest: Vec<&String> = o
                .keys()
                .filter(|k| !is_annotation(k) && *k != "$ref")
                .collect();
            let target = self.reference(r, indent, depth);
            if rest.is_empty() {
                return target;
            }
            let mut without = o.clone();
            without.shift_remove("$ref");
            return format!(
                "{target} & {}",
                self.ts(&Value::Object(without), indent, depth + 1)
            );
        }
        if let Some(c) = o.get("const") {
            return literal(c);
        }
        if let Some(Value::Array(values)) = o.get("enum") {
            return union(values.iter().map(literal).collect());
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(alts)) = o.get(key) {
                let base = self.base(o, indent, depth);
                let alts = union(
                    alts.iter()
                        .map(|a| self.alternative(o, a, indent, depth + 1))
                        .collect(),
                );
                return match base {
                    Some(b) if alts == "unknown" => b,
                    Some(b) => format!("{} & ({alts})", paren(&b)),
                    None => alts,
                };
            }
        }
        if let Some(Value::Array(all)) = o.get("allOf") {
            let mut parts: Vec<String> = all
                .iter()
                .map(|a| paren(&self.ts(a, indent, depth + 1)))
                .collect();
            if let Some(b) = self.base(o, indent, depth) {
                parts.push(paren(&b));
            }
            return parts.join(" & ");
        }
        self.base(o, indent, depth)
            .unwrap_or_else(|| "unknown".into())
    }

    /// One branch of a `oneOf`/`anyOf`. A branch that only lists `required` names (a common
    /// "one of these fields must be set" idiom) makes those properties of the parent required.
    fn alternative(
        &self,
        parent: &Map<String, Value>,
        alt: &Value,
        indent: usize,
        depth: usize,
    ) -> String {
        let only_required = alt.as_object().is_some_and(|a| {
            a.contains_key("required") && a.keys().all(|k| k == "required" || is_annotation(k))
        });
        let props = parent.get("properties").and_then(Value::as_object);
        if let (true, Some(props)) = (only_required, props) {
            let names = alt["required"].as_array().cloned().unwrap_or_default();
            let pad = "  ".repeat(indent + 1);
            let lines: Vec<String> = names
                .iter()
                .filter_map(Value::as_str)
                .map(|n| {
                    let t = props.get(n).map(|p| self.ts(p, indent + 1, depth + 1));
                    format!(
                        "{pad}{}: {};",
                        prop_name(n),
                        t.unwrap_or_else(|| "unknown".into())
                    )
                })
                .collect();
            if !lines.is_empty() {
                return format!("{{\n{}\n{}}}", lines.join("\n"), "  ".repeat(indent));
            }
        }
        self.ts(alt, indent, depth)
    }

    /// The type from `type` and its keywords, or None when nothing constrains it.
    fn base(&self, o: &Map<String, Value>, indent: usize, depth: usize) -> Option<String> {
        let types: Vec<&str> = match o.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => {
                if o.contains_key("properties") || o.contains_key("additionalProperties") {
                    vec!["object"]
                } else if o.contains_key("items") || o.contains_key("prefixItems") {
                    vec!["array"]
                } else {
                    return None;
                }
            }
        };
        Some(union(
            types
                .into_iter()
                .map(|t| match t {
                    "string" => "string".to_string(),
                    "integer" | "number" => "number".to_string(),
                    "boolean" => "boolean".to_string(),
                    "null" => "null".to_string(),
                    "array" => self.array(o, indent, depth),
                    "object" => self.object(o, indent, depth),
                    _ => "unknown".to_string(),
                })
                .collect(),
        ))
    }

    fn array(&self, o: &Map<String, Value>, indent: usize, depth: usize) -> String {
        if let Some(Value::Array(prefix)) = o.get("prefixItems") {
            let items: Vec<String> = prefix
                .iter()
                .map(|p| self.ts(p, indent, depth + 1))
                .collect();
            let rest = match o.get("items") {
                Some(Value::Bool(false)) => String::new(),
                Some(i) => format!(", ...Array<{}>", self.ts(i, indent, depth + 1)),
                None => ", ...Array<unknown>".into(),
            };
            return format!("[{}{rest}]", items.join(", "));
        }
        match o.get("items") {
            Some(i) => format!("Array<{}>", self.ts(i, indent, depth + 1)),
            None => "Array<unknown>".into(),
        }
    }

    fn object(&self, o: &Map<String, Value>, indent: usize, depth: usize) -> String {
        let props = o.get("properties").and_then(Value::as_object);
        let extra = o.get("additionalProperties");
        let required: Vec<&str> = o
            .get("required")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let pad = "  ".repeat(indent + 1);
        let mut lines = Vec::new();
        let mut prop_types = Vec::new();
        let mut any_optional = false;
        for (name, p) in props.into_iter().flatten() {
            let t = self.ts(p, indent + 1, depth + 1);
            let optional = !required.contains(&name.as_str());
            any_optional |= optional;
            lines.push(format!(
                "{}{pad}{}{}: {t};",
                doc_comment(p, &pad),
                prop_name(name),
                if optional { "?" } else { "" }
            ));
            prop_types.push(t);
        }
        let index = match extra {
            Some(Value::Bool(false)) => None,
            Some(s @ Value::Object(_)) => Some(self.ts(s, indent + 1, depth + 1)),
            _ if props.is_none_or(|p| p.is_empty()) => Some("unknown".into()),
            _ => None,
        };
        if let Some(v) = index {
            // An index signature must accept every declared property's type too.
            let mut all = vec![v];
            all.extend(prop_types);
            if any_optional {
                all.push("undefined".into());
            }
            lines.push(format!("{pad}[key: string]: {};", union(all)));
        }
        if lines.is_empty() {
            return "Record<string, never>".into();
        }
        format!("{{\n{}\n{}}}", lines.join("\n"), "  ".repeat(indent))
    }

    fn reference(&self, r: &str, indent: usize, depth: usize) -> String {
        let Some(rest) = r.strip_prefix(DEFS) else {
            return "unknown".into();
        };
        let (name, pointer) = match rest.split_once('/') {
            Some((n, p)) => (n, format!("/{p}")),
            None => (rest, String::new()),
        };
        let Some(target) = self.types.get(name) else {
            return "unknown".into();
        };
        if pointer.is_empty() {
            return name.to_string();
        }
        match target.pointer(&pointer) {
            Some(s) => self.ts(s, indent, depth + 1),
            None => "unknown".into(),
        }
    }
}

fn is_annotation(k: &str) -> bool {
    matches!(
        k,
        "title"
            | "description"
            | "$comment"
            | "examples"
            | "default"
            | "deprecated"
            | "readOnly"
            | "writeOnly"
            | "$schema"
    )
}

/// A JSON value as a TypeScript literal type.
fn literal(v: &Value) -> String {
    match v {
        Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null => v.to_string(),
        _ => "unknown".into(),
    }
}

fn union(mut parts: Vec<String>) -> String {
    if parts.iter().any(|p| p == "unknown") {
        return "unknown".into();
    }
    let mut seen = std::collections::HashSet::new();
    parts.retain(|p| seen.insert(p.clone()));
    match parts.len() {
        0 => "never".into(),
        1 => parts.remove(0),
        _ => parts
            .iter()
            .map(|p| paren(p))
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

/// Parenthesises a union or intersection used inside another one.
fn paren(t: &str) -> String {
    let top_level = {
        let mut depth = 0i32;
        let mut found = false;
        for c in t.chars() {
            match c {
                '{' | '(' | '<' | '[' => depth += 1,
                '}' | ')' | '>' | ']' => depth -= 1,
                '|' | '&' if depth == 0 => found = true,
                _ => {}
            }
        }
        found
    };
    if top_level {
        format!("({t})")
    } else {
        t.to_string()
    }
}

fn prop_name(name: &str) -> String {
    let ident = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if ident {
        name.to_string()
    } else {
        Value::String(name.to_string()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(schema: Value) -> String {
        let mut types = BTreeMap::new();
        types.insert("T".to_string(), Cow::Owned(schema));
        render(&types)
    }

    #[test]
    fn objects_become_interfaces() {
        let out = one(json!({"type": "object", "required": ["a"],
            "properties": {"a": {"type": "string", "description": "The a."}, "b-c": {"type": "integer"}}}));
        assert!(out.ends_with(
            "export interface T {\n  /**\n   * The a.\n   */\n  a: string;\n  \"b-c\"?: number;\n}\n"
        ), "{out}");
    }

    #[test]
    fn enums_unions_arrays_and_maps() {
        assert!(one(json!({"enum": ["x", "y"]})).ends_with("export type T = \"x\" | \"y\";\n"));
        assert!(
            one(json!({"type": ["string", "null"]})).ends_with("export type T = string | null;\n")
        );
        assert!(one(
            json!({"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "number"}]}})
        )
        .ends_with("export type T = Array<string | number>;\n"));
        assert!(
            one(json!({"type": "object", "additionalProperties": {"type": "string"}}))
                .ends_with("export type T = {\n  [key: string]: string;\n};\n")
        );
        assert!(
            one(json!({"type": "object", "additionalProperties": false, "properties": {}}))
                .ends_with("export type T = Record<string, never>;\n")
        );
    }
}
