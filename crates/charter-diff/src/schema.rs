//! Comparing two JSON Schemas in one direction.

use std::collections::BTreeSet;

use charter_model::node::push_pointer;
use serde_json::{Map, Value};

use crate::Out;

/// Who writes the data a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Clients send it (operation input, params, query, headers).
    Request,
    /// Tenants configure it (integration config schema): request rules.
    Config,
    /// Tenants provide it (integration secret schema): request rules.
    Secret,
    /// Clients receive it (operation output, event payload).
    Response,
}

impl Side {
    fn request(self) -> bool {
        self != Side::Response
    }
    fn rule(self, request: &'static str, response: &'static str) -> &'static str {
        if self.request() {
            request
        } else {
            response
        }
    }
}

const MAX_DEPTH: usize = 64;

/// Compares `base` and `head` (either may be absent).
pub fn diff(out: &mut Out, side: Side, base: Option<&Value>, head: Option<&Value>, ptr: &str) {
    // A schema that appears or disappears: compare with the same schema without its
    // properties, so that only the properties count as added or removed.
    let shell = |s: &Value| {
        let mut s = s.clone();
        if let Some(m) = s.as_object_mut() {
            m.remove("properties");
            m.remove("required");
        }
        s
    };
    match (base, head) {
        (Some(b), Some(h)) => walk(out, side, b, h, ptr, 0),
        (None, Some(h)) => walk(out, side, &shell(h), h, ptr, 0),
        (Some(b), None) => walk(out, side, b, &shell(b), ptr, 0),
        (None, None) => {}
    }
}

fn types(s: &Map<String, Value>) -> (BTreeSet<String>, bool) {
    let mut set = BTreeSet::new();
    match s.get("type") {
        Some(Value::String(t)) => {
            set.insert(t.clone());
        }
        Some(Value::Array(ts)) => {
            set.extend(ts.iter().filter_map(|t| t.as_str().map(String::from)))
        }
        _ => {}
    }
    let mut nullable = set.remove("null");
    if s.get("nullable") == Some(&Value::Bool(true)) {
        nullable = true;
    }
    if let Some(Value::Array(e)) = s.get("enum") {
        if e.contains(&Value::Null) {
            nullable = true;
        }
    }
    (set, nullable)
}

/// Whether every value of type set `a` is also accepted by `b` (empty = anything).
fn covers(b: &BTreeSet<String>, a: &BTreeSet<String>) -> bool {
    if b.is_empty() {
        return true;
    }
    if a.is_empty() {
        return false;
    }
    a.iter()
        .all(|t| b.contains(t) || (t == "integer" && b.contains("number")))
}

fn enum_values(s: &Map<String, Value>) -> Option<Vec<&Value>> {
    if let Some(Value::Array(e)) = s.get("enum") {
        return Some(e.iter().filter(|v| !v.is_null()).collect());
    }
    s.get("const").map(|c| vec![c])
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn walk(out: &mut Out, side: Side, base: &Value, head: &Value, ptr: &str, depth: usize) {
    if depth > MAX_DEPTH || base == head {
        return;
    }
    let (Some(b), Some(h)) = (base.as_object(), head.as_object()) else {
        // Boolean schemas: `false` accepts nothing, `true` anything.
        if base.as_bool() == Some(false) || head.as_bool() == Some(false) {
            let rule = side.rule("request-type-changed", "response-type-changed");
            out.push(
                rule,
                ptr,
                "the schema changed between a boolean and an object schema".into(),
            );
        }
        return;
    };
    if let (Some(rb), Some(rh)) = (b.get("$ref"), h.get("$ref")) {
        if rb != rh {
            out.push(
                "schema-ref-changed",
                ptr,
                format!("`$ref` changed from {} to {}", show(rb), show(rh)),
            );
        }
    }
    // type and nullability
    let (tb, nb) = types(b);
    let (th, nh) = types(h);
    if tb != th {
        let list = |t: &BTreeSet<String>| {
            if t.is_empty() {
                "any".to_string()
            } else {
                t.iter().cloned().collect::<Vec<_>>().join("|")
            }
        };
        let what = format!("type changed from {} to {}", list(&tb), list(&th));
        let rule = match side.request() {
            true if covers(&th, &tb) => "request-type-widened",
            true => "request-type-changed",
            false if covers(&tb, &th) => "response-type-narrowed",
            false => "response-type-changed",
        };
        out.push(rule, ptr, what);
    }
    if nb != nh {
        let rule = match (side.request(), nh) {
            (true, true) => "request-nullable-added",
            (true, false) => "request-nullable-removed",
            (false, true) => "response-nullable-added",
            (false, false) => "response-nullable-removed",
        };
        let what = if nh {
            "now accepts null"
        } else {
            "no longer accepts null"
        };
        out.push(rule, ptr, what.into());
    }
    // enums
    match (enum_values(b), enum_values(h)) {
        (Some(eb), Some(eh)) => {
            for v in eb.iter().filter(|v| !eh.contains(v)) {
                let rule = side.rule("request-enum-value-removed", "response-enum-value-removed");
                out.push(rule, ptr, format!("enum value `{}` removed", show(v)));
            }
            for v in eh.iter().filter(|v| !eb.contains(v)) {
                let rule = side.rule("request-enum-value-added", "response-enum-value-added");
                out.push(rule, ptr, format!("enum value `{}` added", show(v)));
            }
        }
        (None, Some(_)) => {
            let rule = side.rule(
                "request-constraint-tightened",
                "response-constraint-tightened",
            );
            out.push(rule, ptr, "an enum now restricts the values".into());
        }
        (Some(_), None) => {
            let rule = side.rule(
                "request-constraint-loosened",
                "response-constraint-loosened",
            );
            out.push(rule, ptr, "the enum restriction was removed".into());
        }
        (None, None) => {}
    }
    // format
    match (b.get("format"), h.get("format")) {
        (fb, fh) if fb == fh => {}
        (Some(fb), None) => {
            let rule = side.rule("request-format-removed", "response-format-changed");
            out.push(rule, ptr, format!("format `{}` removed", show(fb)));
        }
        (None, Some(fh)) => {
            let rule = side.rule("request-format-changed", "response-format-added");
            out.push(rule, ptr, format!("format `{}` added", show(fh)));
        }
        (Some(fb), Some(fh)) => {
            let rule = side.rule("request-format-changed", "response-format-changed");
            out.push(
                rule,
                ptr,
                format!("format changed from `{}` to `{}`", show(fb), show(fh)),
            );
        }
        _ => {}
    }
    constraints(out, side, b, h, ptr);
    // additionalProperties
    let closed =
        |m: &Map<String, Value>| m.get("additionalProperties") == Some(&Value::Bool(false));
    if side.request() && !closed(b) && closed(h) {
        out.push(
            "request-additional-properties-closed",
            ptr,
            "additional properties are no longer accepted".into(),
        );
    }
    properties(out, side, b, h, ptr, depth);
    for key in ["items", "additionalProperties"] {
        if let (Some(sb @ Value::Object(_)), Some(sh @ Value::Object(_))) = (b.get(key), h.get(key))
        {
            walk(out, side, sb, sh, &push_pointer(ptr, key), depth + 1);
        }
    }
    for key in ["oneOf", "anyOf"] {
        variants(
            out,
            side,
            b.get(key),
            h.get(key),
            &push_pointer(ptr, key),
            depth,
        );
    }
    all_of(
        out,
        side,
        b.get("allOf"),
        h.get("allOf"),
        &push_pointer(ptr, "allOf"),
        depth,
    );
}

fn num(m: &Map<String, Value>, k: &str) -> Option<f64> {
    m.get(k).and_then(Value::as_f64)
}

fn constraints(
    out: &mut Out,
    side: Side,
    b: &Map<String, Value>,
    h: &Map<String, Value>,
    ptr: &str,
) {
    let tightened = side.rule(
        "request-constraint-tightened",
        "response-constraint-tightened",
    );
    let loosened = side.rule(
        "request-constraint-loosened",
        "response-constraint-loosened",
    );
    let fmt = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_else(|| "none".into());
    // Lower bounds: raising one tightens.
    for k in [
        "minimum",
        "exclusiveMinimum",
        "minLength",
        "minItems",
        "minProperties",
    ] {
        let (vb, vh) = (num(b, k), num(h, k));
        let tight = match (vb, vh) {
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(x), Some(y)) if y > x => true,
            (Some(x), Some(y)) if y < x => false,
            _ => continue,
        };
        let msg = format!("`{k}` changed from {} to {}", fmt(vb), fmt(vh));
        out.push(if tight { tightened } else { loosened }, ptr, msg);
    }
    // Upper bounds: lowering one tightens.
    for k in [
        "maximum",
        "exclusiveMaximum",
        "maxLength",
        "maxItems",
        "maxProperties",
    ] {
        let (vb, vh) = (num(b, k), num(h, k));
        let tight = match (vb, vh) {
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(x), Some(y)) if y < x => true,
            (Some(x), Some(y)) if y > x => false,
            _ => continue,
        };
        let msg = format!("`{k}` changed from {} to {}", fmt(vb), fmt(vh));
        out.push(if tight { tightened } else { loosened }, ptr, msg);
    }
    match (b.get("pattern"), h.get("pattern")) {
        (pb, ph) if pb == ph => {}
        (None, Some(p)) => out.push(tightened, ptr, format!("pattern `{}` added", show(p))),
        (Some(p), None) => out.push(loosened, ptr, format!("pattern `{}` removed", show(p))),
        (Some(pb), Some(ph)) => {
            // A different pattern may refuse what the old one accepted, and accept more.
            let rule = side.rule(
                "request-constraint-tightened",
                "response-constraint-loosened",
            );
            out.push(
                rule,
                ptr,
                format!("pattern changed from `{}` to `{}`", show(pb), show(ph)),
            );
        }
        _ => {}
    }
    let unique = |m: &Map<String, Value>| m.get("uniqueItems") == Some(&Value::Bool(true));
    if unique(b) != unique(h) {
        let (rule, msg) = if unique(h) {
            (tightened, "items must now be unique")
        } else {
            (loosened, "items no longer need to be unique")
        };
        out.push(rule, ptr, msg.into());
    }
}

fn required(m: &Map<String, Value>) -> BTreeSet<&str> {
    m.get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn properties(
    out: &mut Out,
    side: Side,
    b: &Map<String, Value>,
    h: &Map<String, Value>,
    ptr: &str,
    depth: usize,
) {
    let empty = Map::new();
    let pb = b
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let ph = h
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let (rb, rh) = (required(b), required(h));
    let props = push_pointer(ptr, "properties");
    for (name, sb) in pb {
        let p = push_pointer(&props, name);
        match ph.get(name) {
            None => {
                let rule = side.rule("request-property-removed", "response-property-removed");
                out.push(rule, &p, format!("property `{name}` removed"));
            }
            Some(sh) => {
                match (rb.contains(name.as_str()), rh.contains(name.as_str())) {
                    (true, false) => {
                        let rule = side.rule(
                            "request-property-became-optional",
                            "response-property-became-optional",
                        );
                        out.push(rule, &p, format!("property `{name}` is no longer required"));
                    }
                    (false, true) => {
                        let rule = side.rule(
                            "request-property-became-required",
                            "response-property-became-required",
                        );
                        out.push(rule, &p, format!("property `{name}` became required"));
                    }
                    _ => {}
                }
                walk(out, side, sb, sh, &p, depth + 1);
            }
        }
    }
    for name in ph.keys().filter(|n| !pb.contains_key(*n)) {
        let p = push_pointer(&props, name);
        let req = rh.contains(name.as_str());
        let rule = match (side, req) {
            (Side::Response, _) => "response-property-added",
            (Side::Config, true) => "config-required-field-added",
            (Side::Secret, true) => "secret-required-field-added",
            (_, true) => "request-required-property-added",
            (_, false) => "request-property-added",
        };
        let what = if req { "required property" } else { "property" };
        out.push(rule, &p, format!("{what} `{name}` added"));
    }
}

/// The members of a schema list keyword (`oneOf`, `allOf`…), without copying them.
fn items(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// Lists of the same length are compared member by member; returns whether they were.
fn walk_pairwise(
    out: &mut Out,
    side: Side,
    vb: &[Value],
    vh: &[Value],
    ptr: &str,
    depth: usize,
) -> bool {
    if vb.len() != vh.len() {
        return false;
    }
    for (i, (sb, sh)) in vb.iter().zip(vh).enumerate() {
        walk(
            out,
            side,
            sb,
            sh,
            &push_pointer(ptr, &i.to_string()),
            depth + 1,
        );
    }
    true
}

fn variants(
    out: &mut Out,
    side: Side,
    b: Option<&Value>,
    h: Option<&Value>,
    ptr: &str,
    depth: usize,
) {
    let (vb, vh) = (items(b), items(h));
    if vb == vh || walk_pairwise(out, side, vb, vh, ptr, depth) {
        return;
    }
    let removed: Vec<usize> = (0..vb.len()).filter(|&i| !vh.contains(&vb[i])).collect();
    let added: Vec<usize> = (0..vh.len()).filter(|&i| !vb.contains(&vh[i])).collect();
    // Pair changed variants up when the counts allow it; the rest were added or removed.
    let paired = removed.len().min(added.len());
    for k in 0..paired {
        let (i, j) = (removed[k], added[k]);
        walk(
            out,
            side,
            &vb[i],
            &vh[j],
            &push_pointer(ptr, &j.to_string()),
            depth + 1,
        );
    }
    for &i in &removed[paired..] {
        let rule = side.rule("request-variant-removed", "response-variant-removed");
        out.push(rule, ptr, format!("variant {i} removed"));
    }
    for &j in &added[paired..] {
        let rule = side.rule("request-variant-added", "response-variant-added");
        out.push(
            rule,
            &push_pointer(ptr, &j.to_string()),
            format!("variant {j} added"),
        );
    }
}

fn all_of(
    out: &mut Out,
    side: Side,
    b: Option<&Value>,
    h: Option<&Value>,
    ptr: &str,
    depth: usize,
) {
    let (vb, vh) = (items(b), items(h));
    if vb == vh || walk_pairwise(out, side, vb, vh, ptr, depth) {
        return;
    }
    let tightened = side.rule(
        "request-constraint-tightened",
        "response-constraint-tightened",
    );
    let loosened = side.rule(
        "request-constraint-loosened",
        "response-constraint-loosened",
    );
    if vh.len() > vb.len() {
        out.push(
            tightened,
            ptr,
            format!("allOf gained {} member(s)", vh.len() - vb.len()),
        );
    } else {
        out.push(
            loosened,
            ptr,
            format!("allOf lost {} member(s)", vb.len() - vh.len()),
        );
    }
}
