//! TypeScript declarations: one `typescript/index.d.ts` with a type for every operation
//! input/output (and params/query/headers), event payload and integration config/secret
//! (highest version of each key), plus one type per bundled schema file.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use charter_model::Kind;
use charter_workspace::Workspace;
use serde_json::{Map, Value};

use crate::bundle::{contract_dir, unchanged_by_bundling, Bundler, FileCache};
use crate::naming::{pascal, push_pascal};
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

/// Every named type: contract parts and bundled files, by name.
pub fn named_types(ws: &Workspace) -> BTreeMap<String, Cow<'_, Value>> {
    let mut cache = FileCache::default();
    let mut bundler = Bundler::new(&mut cache, DEFS);
    // Every part's name is reserved before any file is bundled, so that a bundled file never
    // takes the name of a contract part.
    let mut parts = Vec::new();
    for l in [Kind::Operation, Kind::Event, Kind::Integration]
        .into_iter()
        .flat_map(|k| latest(ws, k))
    {
        let key = pascal(&l.contract.meta().key);
        for (part, schema, _) in crate::jsonschema::parts(&l.contract) {
            let mut name = String::with_capacity(key.len() + part.len() + 1);
            name.push_str(&key);
            push_pascal(&mut name, part);
            bundler.reserve(&name);
            parts.push((name, schema, l));
        }
    }
    let mut named: Vec<(String, Cow<'_, Value>)> = parts
        .into_iter()
        .map(|(name, schema, l)| {
            // As `Bundler::bundle_cow`, with the folder and the local prefix built only for
            // the schemas that bundling changes.
            let t = if unchanged_by_bundling(schema) {
                Cow::Borrowed(schema)
            } else {
                let local = format!("{DEFS}{name}");
                Cow::Owned(bundler.bundle(schema, &contract_dir(ws, l), Some(&local)))
            };
            (name, t)
        })
        .collect();
    // Built sorted rather than by one insertion each. Of two parts with one name, the later
    // one stays, as with insertions (the sort is stable).
    named.sort_by(|a, b| a.0.cmp(&b.0));
    let mut unique: Vec<(String, Cow<'_, Value>)> = Vec::with_capacity(named.len());
    for (name, t) in named {
        match unique.last_mut() {
            Some(last) if last.0 == name => last.1 = t,
            _ => unique.push((name, t)),
        }
    }
    let mut types: BTreeMap<_, _> = unique.into_iter().collect();
    types.extend(
        std::mem::take(&mut bundler.defs)
            .into_iter()
            .map(|(name, schema)| (name, Cow::Owned(schema))),
    );
    types
}

/// The declaration file for a set of named types.
pub fn render(types: &BTreeMap<String, Cow<'_, Value>>) -> String {
    let mut conv = Converter {
        types,
        out: Vec::with_capacity(4096 + 512 * types.len()),
        ranges: Vec::new(),
    };
    conv.push(&format!(
        "// {MARKER_TEXT}.\n// TypeScript declarations of the workspace's contract schemas.\n"
    ));
    for (name, schema) in types {
        let k = schema.as_object().map(Keywords::of);
        conv.push("\n");
        conv.doc_comment(k.as_ref(), 0);
        match k.as_ref().filter(|k| k.is_interface()) {
            Some(k) => {
                conv.push("export interface ");
                conv.push(name);
                conv.push(" ");
                conv.object(k, 0, 0);
                conv.push("\n");
            }
            None => {
                conv.push("export type ");
                conv.push(name);
                conv.push(" = ");
                conv.ts_of(schema, k.as_ref(), 0, 0);
                conv.push(";\n");
            }
        }
    }
    // Everything written is whole `&str`s, cut and moved only at their boundaries.
    String::from_utf8(conv.out).expect("declarations are built from UTF-8 pieces")
}

/// The keywords of a schema object that the conversion reads, found in one walk over its
/// keys: looking each one up would hash it, a dozen times per schema.
#[derive(Default)]
struct Keywords<'v> {
    reference: Option<&'v Value>,
    constant: Option<&'v Value>,
    enumeration: Option<&'v Value>,
    one_of: Option<&'v Value>,
    any_of: Option<&'v Value>,
    all_of: Option<&'v Value>,
    /// `not` or `if`.
    not_or_if: bool,
    ty: Option<&'v Value>,
    properties: Option<&'v Value>,
    additional_properties: Option<&'v Value>,
    items: Option<&'v Value>,
    prefix_items: Option<&'v Value>,
    required: Option<&'v Value>,
    title: Option<&'v Value>,
    description: Option<&'v Value>,
    /// A key other than `$ref` and the annotations.
    beyond_ref: bool,
    /// A key other than `required` and the annotations.
    beyond_required: bool,
}

impl<'v> Keywords<'v> {
    fn of(o: &'v Map<String, Value>) -> Self {
        let mut k = Keywords::default();
        for (key, v) in o {
            let slot = match key.as_str() {
                "title" => &mut k.title,
                "description" => &mut k.description,
                a if is_annotation(a) => continue,
                "$ref" => {
                    k.beyond_required = true;
                    k.reference = Some(v);
                    continue;
                }
                "required" => {
                    k.beyond_ref = true;
                    k.required = Some(v);
                    continue;
                }
                other => {
                    k.beyond_ref = true;
                    k.beyond_required = true;
                    match other {
                        "const" => &mut k.constant,
                        "enum" => &mut k.enumeration,
                        "oneOf" => &mut k.one_of,
                        "anyOf" => &mut k.any_of,
                        "allOf" => &mut k.all_of,
                        "type" => &mut k.ty,
                        "properties" => &mut k.properties,
                        "additionalProperties" => &mut k.additional_properties,
                        "items" => &mut k.items,
                        "prefixItems" => &mut k.prefix_items,
                        "not" | "if" => {
                            k.not_or_if = true;
                            continue;
                        }
                        _ => continue,
                    }
                }
            };
            *slot = Some(v);
        }
        k
    }

    /// A plain object with properties, declared as an `interface`.
    fn is_interface(&self) -> bool {
        let combinator = self.reference.is_some()
            || self.one_of.is_some()
            || self.any_of.is_some()
            || self.all_of.is_some()
            || self.enumeration.is_some()
            || self.constant.is_some()
            || self.not_or_if;
        let has_props = self
            .properties
            .and_then(Value::as_object)
            .is_some_and(|p| !p.is_empty());
        let object_type = match self.ty {
            None => true,
            Some(Value::String(t)) => t == "object",
            Some(_) => false,
        };
        !combinator && has_props && object_type
    }

    /// Only `required` (and annotations): the "one of these fields must be set" idiom.
    fn only_required(&self) -> bool {
        self.required.is_some() && !self.beyond_required
    }
}

/// Unions with more members than this find duplicates with a hash set rather than by
/// comparing with every member.
const LINEAR_DEDUP: usize = 32;

/// A union being written: its members go to the output one after the other, separated by
/// ` | `; a duplicate is taken back, and `unknown` makes the whole union `unknown`. Members
/// are parenthesised when they are unions or intersections themselves, which is known only
/// once a second member is there.
struct Union {
    /// Where the union starts in the output.
    start: usize,
    /// Where its members' ranges start in [`Converter::ranges`].
    base: usize,
    unknown: bool,
    /// The members, once there are more than [`LINEAR_DEDUP`].
    seen: Option<HashSet<Vec<u8>>>,
}

/// Writes TypeScript type expressions into one buffer. A type that must be reused (a
/// property's type in an index signature) or wrapped in parentheses is a range of the buffer,
/// never a separate string.
struct Converter<'a> {
    types: &'a BTreeMap<String, Cow<'a, Value>>,
    out: Vec<u8>,
    /// Ranges of `out` that open unions and objects are keeping (their members and their
    /// properties' types), as a stack: an inner type's entries are gone before the outer one
    /// adds its next.
    ranges: Vec<(usize, usize)>,
}

impl Converter<'_> {
    fn push(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    fn pad(&mut self, indent: usize) {
        self.out.resize(self.out.len() + 2 * indent, b' ');
    }

    /// `/** … */` from a schema's title and description, each line after `indent` levels.
    fn doc_comment(&mut self, k: Option<&Keywords<'_>>, indent: usize) {
        let Some(k) = k else { return };
        fn text(v: Option<&Value>) -> Option<&str> {
            v.and_then(Value::as_str)
                .map(str::trim)
                .filter(|t| !t.is_empty())
        }
        let (title, description) = (text(k.title), text(k.description));
        if title.is_none() && description.is_none() {
            return;
        }
        self.pad(indent);
        self.push("/**\n");
        // The title and the description are separated by an empty line.
        if let Some(t) = title {
            t.lines().for_each(|line| self.doc_line(line, indent));
        }
        if let Some(d) = description {
            if title.is_some() {
                self.doc_line("", indent);
            }
            d.lines().for_each(|line| self.doc_line(line, indent));
        }
        self.pad(indent);
        self.push(" */\n");
    }

    /// One ` * line` of a doc comment, with `*/` escaped and no space before the line end.
    fn doc_line(&mut self, line: &str, indent: usize) {
        self.pad(indent);
        self.push(" * ");
        let mut rest = line;
        if rest.as_bytes().contains(&b'*') {
            while let Some(i) = rest.find("*/") {
                self.push(&rest[..i]);
                self.push("*\\/");
                rest = &rest[i + 2..];
            }
        }
        self.push(rest);
        if self.out.ends_with(b" * ") {
            self.out.pop();
        }
        self.out.push(b'\n');
    }

    /// Parenthesises what was written from `start` when it is a union or intersection.
    fn paren_from(&mut self, start: usize) {
        if needs_paren(&self.out[start..]) {
            self.out.insert(start, b'(');
            self.out.push(b')');
        }
    }

    fn ts(&mut self, s: &Value, indent: usize, depth: usize) {
        if depth > MAX_DEPTH {
            return self.push("unknown");
        }
        match s {
            Value::Bool(true) => self.push("unknown"),
            Value::Bool(false) => self.push("never"),
            Value::Object(o) => self.ts_keywords(&Keywords::of(o), false, indent, depth),
            _ => self.push("unknown"),
        }
    }

    /// [`Converter::ts`] of a schema whose keywords were already read (`k`, for an object).
    fn ts_of(&mut self, s: &Value, k: Option<&Keywords<'_>>, indent: usize, depth: usize) {
        match k {
            Some(k) if depth <= MAX_DEPTH => self.ts_keywords(k, false, indent, depth),
            _ => self.ts(s, indent, depth),
        }
    }

    /// The type of a schema object; `without_ref` reads it as if it had no `$ref`.
    fn ts_keywords(&mut self, k: &Keywords<'_>, without_ref: bool, indent: usize, depth: usize) {
        if depth > MAX_DEPTH {
            return self.push("unknown");
        }
        if let Some(r) = k.reference.and_then(Value::as_str).filter(|_| !without_ref) {
            self.reference(r, indent, depth);
            if k.beyond_ref {
                // The other keywords constrain the referenced type further.
                self.push(" & ");
                self.ts_keywords(k, true, indent, depth + 1);
            }
            return;
        }
        if let Some(c) = k.constant {
            return self.literal(c);
        }
        if let Some(Value::Array(values)) = k.enumeration {
            let mut u = self.union_start();
            for v in values {
                let start = self.member_start(&u);
                self.literal(v);
                if !self.member_end(&mut u, start) {
                    break;
                }
            }
            self.union_end(u);
            return;
        }
        for alts in [k.one_of, k.any_of] {
            if let Some(Value::Array(alts)) = alts {
                let base_start = self.out.len();
                if !self.base(k, indent, depth) {
                    self.alternatives(k, alts, indent, depth + 1);
                    return;
                }
                let base_end = self.out.len();
                let wrap = needs_paren(&self.out[base_start..]);
                self.push(" & (");
                if self.alternatives(k, alts, indent, depth + 1) {
                    // Any value of the base type is allowed: the base alone.
                    self.out.truncate(base_end);
                } else {
                    self.out.push(b')');
                    if wrap {
                        self.out.insert(base_start, b'(');
                        self.out.insert(base_end + 1, b')');
                    }
                }
                return;
            }
        }
        if let Some(Value::Array(all)) = k.all_of {
            for (i, a) in all.iter().enumerate() {
                if i > 0 {
                    self.push(" & ");
                }
                let start = self.out.len();
                self.ts(a, indent, depth + 1);
                self.paren_from(start);
            }
            let before = self.out.len();
            if !all.is_empty() {
                self.push(" & ");
            }
            let start = self.out.len();
            if self.base(k, indent, depth) {
                self.paren_from(start);
            } else {
                self.out.truncate(before);
            }
            return;
        }
        if !self.base(k, indent, depth) {
            self.push("unknown");
        }
    }

    /// The union of the branches of a `oneOf`/`anyOf`; true when it is `unknown`.
    fn alternatives(
        &mut self,
        parent: &Keywords<'_>,
        alts: &[Value],
        indent: usize,
        depth: usize,
    ) -> bool {
        let mut u = self.union_start();
        for a in alts {
            let start = self.member_start(&u);
            self.alternative(parent, a, indent, depth);
            if !self.member_end(&mut u, start) {
                break;
            }
        }
        self.union_end(u)
    }

    /// One branch of a `oneOf`/`anyOf`. A branch that only lists `required` names (a common
    /// "one of these fields must be set" idiom) makes those properties of the parent required.
    fn alternative(&mut self, parent: &Keywords<'_>, alt: &Value, indent: usize, depth: usize) {
        let k = alt.as_object().map(Keywords::of);
        let only_required = k.as_ref().filter(|k| k.only_required());
        let props = parent.properties.and_then(Value::as_object);
        if let (Some(k), Some(props)) = (only_required, props) {
            let names = k
                .required
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            if names.iter().any(Value::is_string) {
                self.push("{\n");
                for (i, n) in names.iter().filter_map(Value::as_str).enumerate() {
                    if i > 0 {
                        self.out.push(b'\n');
                    }
                    self.pad(indent + 1);
                    self.prop_name(n);
                    self.push(": ");
                    match props.get(n) {
                        Some(p) => self.ts(p, indent + 1, depth + 1),
                        None => self.push("unknown"),
                    }
                    self.out.push(b';');
                }
                self.out.push(b'\n');
                self.pad(indent);
                self.out.push(b'}');
                return;
            }
        }
        self.ts_of(alt, k.as_ref(), indent, depth)
    }

    /// The type from `type` and its keywords; false (nothing written) when nothing
    /// constrains it.
    fn base(&mut self, k: &Keywords<'_>, indent: usize, depth: usize) -> bool {
        match k.ty {
            // A union of one member is that member.
            Some(Value::String(t)) => self.base_type(k, t, indent, depth),
            Some(Value::Array(a)) => {
                let mut u = self.union_start();
                for t in a.iter().filter_map(Value::as_str) {
                    let start = self.member_start(&u);
                    self.base_type(k, t, indent, depth);
                    if !self.member_end(&mut u, start) {
                        break;
                    }
                }
                self.union_end(u);
            }
            _ => {
                if k.properties.is_some() || k.additional_properties.is_some() {
                    self.object(k, indent, depth);
                } else if k.items.is_some() || k.prefix_items.is_some() {
                    self.array(k, indent, depth);
                } else {
                    return false;
                }
            }
        }
        true
    }

    fn base_type(&mut self, k: &Keywords<'_>, t: &str, indent: usize, depth: usize) {
        match t {
            "string" => self.push("string"),
            "integer" | "number" => self.push("number"),
            "boolean" => self.push("boolean"),
            "null" => self.push("null"),
            "array" => self.array(k, indent, depth),
            "object" => self.object(k, indent, depth),
            _ => self.push("unknown"),
        }
    }

    fn array(&mut self, k: &Keywords<'_>, indent: usize, depth: usize) {
        if let Some(Value::Array(prefix)) = k.prefix_items {
            self.out.push(b'[');
            for (i, p) in prefix.iter().enumerate() {
                if i > 0 {
                    self.push(", ");
                }
                self.ts(p, indent, depth + 1);
            }
            match k.items {
                Some(Value::Bool(false)) => {}
                Some(i) => {
                    self.push(", ...Array<");
                    self.ts(i, indent, depth + 1);
                    self.out.push(b'>');
                }
                None => self.push(", ...Array<unknown>"),
            }
            self.out.push(b']');
            return;
        }
        match k.items {
            Some(i) => {
                self.push("Array<");
                self.ts(i, indent, depth + 1);
                self.out.push(b'>');
            }
            None => self.push("Array<unknown>"),
        }
    }

    fn object(&mut self, k: &Keywords<'_>, indent: usize, depth: usize) {
        let props = k.properties.and_then(Value::as_object);
        let no_props = props.is_none_or(|p| p.is_empty());
        // The index signature's own value type: a schema, `unknown`, or none.
        let index = match k.additional_properties {
            Some(Value::Bool(false)) => None,
            Some(s @ Value::Object(_)) => Some(Some(s)),
            _ if no_props => Some(None),
            _ => None,
        };
        if no_props && index.is_none() {
            return self.push("Record<string, never>");
        }
        let required = k
            .required
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        // `required` usually lists properties in their order: then walking both at once tells
        // which are required. Each name it holds matches a property of that name, and names
        // are unique, so a property it passes over is not in the list.
        let required_in_order = {
            let mut next = 0;
            for name in props.into_iter().flat_map(Map::keys) {
                if required.get(next).and_then(Value::as_str) == Some(name.as_str()) {
                    next += 1;
                }
            }
            next == required.len()
        };
        let mut next_required = 0;
        let mark = self.ranges.len();
        let mut any_optional = false;
        self.push("{\n");
        for (i, (name, p)) in props.into_iter().flatten().enumerate() {
            if i > 0 {
                self.out.push(b'\n');
            }
            let pk = p.as_object().map(Keywords::of);
            self.doc_comment(pk.as_ref(), indent + 1);
            self.pad(indent + 1);
            self.prop_name(name);
            let optional = if required_in_order {
                let hit =
                    required.get(next_required).and_then(Value::as_str) == Some(name.as_str());
                next_required += usize::from(hit);
                !hit
            } else {
                !required.iter().any(|r| r.as_str() == Some(name.as_str()))
            };
            any_optional |= optional;
            self.push(if optional { "?: " } else { ": " });
            let start = self.out.len();
            self.ts_of(p, pk.as_ref(), indent + 1, depth + 1);
            self.ranges.push((start, self.out.len()));
            self.out.push(b';');
        }
        if let Some(value) = index {
            if !no_props {
                self.out.push(b'\n');
            }
            self.pad(indent + 1);
            self.push("[key: string]: ");
            // An index signature must accept every declared property's type too.
            let mut u = self.union_start();
            let mut open = match value {
                Some(s) => {
                    let start = self.member_start(&u);
                    self.ts(s, indent + 1, depth + 1);
                    self.member_end(&mut u, start)
                }
                None => {
                    u.unknown = true;
                    false
                }
            };
            for i in mark..u.base {
                if !open {
                    break;
                }
                let (s, e) = self.ranges[i];
                open = self.member_copy(&mut u, s, e);
            }
            if open && any_optional {
                let start = self.member_start(&u);
                self.push("undefined");
                self.member_end(&mut u, start);
            }
            self.union_end(u);
            self.out.push(b';');
        }
        self.ranges.truncate(mark);
        self.out.push(b'\n');
        self.pad(indent);
        self.out.push(b'}');
    }

    fn reference(&mut self, r: &str, indent: usize, depth: usize) {
        let Some(rest) = r.strip_prefix(DEFS) else {
            return self.push("unknown");
        };
        let (name, pointer) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let types = self.types;
        let Some(target) = types.get(name) else {
            return self.push("unknown");
        };
        if pointer.is_empty() {
            return self.push(name);
        }
        match target.pointer(pointer) {
            Some(s) => self.ts(s, indent, depth + 1),
            None => self.push("unknown"),
        }
    }

    /// A JSON value as a TypeScript literal type.
    fn literal(&mut self, v: &Value) {
        match v {
            Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null => {
                let _ = serde_json::to_writer(&mut self.out, v);
            }
            _ => self.push("unknown"),
        }
    }

    fn prop_name(&mut self, name: &str) {
        let b = name.as_bytes();
        let ident = b.first().is_some_and(|&c| IDENT[usize::from(c)] == 2)
            && b.iter().all(|&c| IDENT[usize::from(c)] != 0);
        if ident {
            self.push(name);
        } else {
            let _ = serde_json::to_writer(&mut self.out, name);
        }
    }

    fn union_start(&self) -> Union {
        Union {
            start: self.out.len(),
            base: self.ranges.len(),
            unknown: false,
            seen: None,
        }
    }

    /// Starts a member (after the separator when it is not the first); returns its start.
    fn member_start(&mut self, u: &Union) -> usize {
        if self.ranges.len() > u.base {
            self.push(" | ");
        }
        self.out.len()
    }

    /// Ends the member written from `start`: keeps it, or takes it back when it repeats one.
    /// False when it is `unknown`, and so is the union: no more members are needed.
    fn member_end(&mut self, u: &mut Union, start: usize) -> bool {
        let end = self.out.len();
        if &self.out[start..end] == b"unknown" {
            u.unknown = true;
            return false;
        }
        if self.is_member(u, start, end) {
            let sep = if self.ranges.len() > u.base { 3 } else { 0 };
            self.out.truncate(start - sep);
        } else {
            self.add_member(u, start, end);
        }
        true
    }

    /// Adds a copy of `out[s..e]`, written earlier, as a member (as [`Converter::member_end`]).
    fn member_copy(&mut self, u: &mut Union, s: usize, e: usize) -> bool {
        if &self.out[s..e] == b"unknown" {
            u.unknown = true;
            return false;
        }
        if !self.is_member(u, s, e) {
            let start = self.member_start(u);
            self.out.extend_from_within(s..e);
            let end = self.out.len();
            self.add_member(u, start, end);
        }
        true
    }

    fn is_member(&self, u: &Union, s: usize, e: usize) -> bool {
        let t = &self.out[s..e];
        match &u.seen {
            Some(seen) => seen.contains(t),
            None => self.ranges[u.base..]
                .iter()
                .any(|&(ms, me)| &self.out[ms..me] == t),
        }
    }

    /// Records the member at `out[start..end]`, the last thing written, parenthesising it
    /// (and the first member, when this is the second) when needed.
    fn add_member(&mut self, u: &mut Union, mut start: usize, mut end: usize) {
        let before = self.ranges.len() - u.base;
        if before == 1 {
            let (s, e) = self.ranges[u.base];
            if needs_paren(&self.out[s..e]) {
                self.out.insert(s, b'(');
                self.out.insert(e + 1, b')');
                self.ranges[u.base] = (s + 1, e + 1);
                start += 2;
                end += 2;
            }
        }
        if before >= 1 && needs_paren(&self.out[start..end]) {
            self.out.insert(start, b'(');
            self.out.push(b')');
            start += 1;
            end += 1;
        }
        self.ranges.push((start, end));
        if let Some(seen) = &mut u.seen {
            seen.insert(self.out[start..end].to_vec());
        } else if before + 1 > LINEAR_DEDUP {
            let out = &self.out;
            u.seen = Some(
                self.ranges[u.base..]
                    .iter()
                    .map(|&(s, e)| out[s..e].to_vec())
                    .collect(),
            );
        }
    }

    /// Ends a union: `unknown` when a member was, `never` when there was none. True when it
    /// is `unknown`.
    fn union_end(&mut self, u: Union) -> bool {
        let members = self.ranges.len() - u.base;
        self.ranges.truncate(u.base);
        if u.unknown {
            self.out.truncate(u.start);
            self.push("unknown");
        } else if members == 0 {
            self.push("never");
        }
        u.unknown
    }
}

/// By byte: 2 where an identifier may start (ASCII letters, `_`, `$`), 1 for the digits that
/// may follow, 0 elsewhere.
const IDENT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() || b == b'_' || b == b'$' {
            2
        } else if b.is_ascii_digit() {
            1
        } else {
            0
        };
        c += 1;
    }
    t
};

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

/// Whether a type is a union or intersection at its top level, to be parenthesised inside
/// another one. (Brackets inside string literals and comments count too: the rule is
/// textual.)
fn needs_paren(t: &[u8]) -> bool {
    let mut depth = 0i32;
    for &c in t {
        match c {
            b'{' | b'(' | b'<' | b'[' => depth += 1,
            b'}' | b')' | b'>' | b']' => depth -= 1,
            b'|' | b'&' if depth == 0 => return true,
            _ => {}
        }
    }
    false
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

    /// The declarations after the header.
    fn body(schema: Value) -> String {
        let out = one(schema);
        out.split_once("schemas.\n\n").unwrap().1.to_string()
    }

    #[test]
    fn members_are_parenthesised_by_their_text() {
        // A `|` inside a string literal counts too, as it always has.
        assert_eq!(
            body(json!({"type": ["string", "null"],
                "oneOf": [{"enum": ["a|b", "c"]}, {"type": "number"}]})),
            "export type T = (string | null) & (((\"a|b\") | \"c\") | number);\n"
        );
        assert_eq!(
            body(
                json!({"allOf": [{"enum": [1, 2]}, {"type": ["string", "number"]}],
                "type": "object", "additionalProperties": false})
            ),
            "export type T = (1 | 2) & (string | number) & Record<string, never>;\n"
        );
        // An `unknown` branch leaves the base type alone.
        assert_eq!(
            body(
                json!({"type": "object", "properties": {"a": {"type": "string"}},
                "anyOf": [{"required": ["a"]}, true]})
            ),
            "export type T = {\n  a?: string;\n};\n"
        );
    }

    #[test]
    fn doc_comments_escape_and_trim() {
        assert_eq!(
            body(json!({"title": "  Money  ", "description": "Ends */ here.\n\nSecond * \n",
                "type": "string"})),
            "/**\n * Money\n *\n * Ends *\\/ here.\n *\n * Second *\n */\nexport type T = string;\n"
        );
    }

    #[test]
    fn ref_siblings_index_signatures_and_long_unions() {
        assert_eq!(
            body(
                json!({"$ref": "#/$defs/T/properties/a", "description": "x", "required": ["a"],
                "properties": {"a": {"type": "integer"}}})
            ),
            "/**\n * x\n */\nexport type T = number & {\n  a: number;\n};\n"
        );
        assert_eq!(
            body(json!({"type": "object", "required": ["b"],
                "properties": {"a": {"type": ["string", "null"]}, "b": {"type": "number"},
                    "c": {"type": "string"}},
                "additionalProperties": {"type": "number"}})),
            "export interface T {\n  a?: string | null;\n  b: number;\n  c?: string;\n  \
             [key: string]: number | (string | null) | string | undefined;\n}\n"
        );
        // Duplicates go, in a union long enough to be deduplicated by hashing.
        let values: Vec<Value> = (0..40).map(|i| json!(format!("v{}", i % 35))).collect();
        let expected: Vec<String> = (0..35).map(|i| format!("\"v{i}\"")).collect();
        assert_eq!(
            body(json!({ "enum": values })),
            format!("export type T = {};\n", expected.join(" | "))
        );
        assert_eq!(
            body(
                json!({"type": "array", "prefixItems": [{"const": "x"}, {"type": "boolean"}],
                "items": false})
            ),
            "export type T = [\"x\", boolean];\n"
        );
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
