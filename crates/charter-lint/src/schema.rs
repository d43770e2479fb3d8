//! Walking the properties of a JSON Schema kept as JSON.

use charter_model::node::push_pointer;
use serde_json::Value;

/// One property of an object schema, wherever it is nested.
pub struct Prop<'a> {
    /// JSON Pointer of the property's schema in the document.
    pub pointer: String,
    pub name: &'a str,
    pub schema: &'a Value,
}

const MAX_DEPTH: usize = 64;

/// Calls `f` for every property under `schema` (through `properties`, `items`,
/// `additionalProperties`, `oneOf`, `anyOf` and `allOf`), parents before children.
pub fn each_property<'a>(schema: &'a Value, base: &str, f: &mut dyn FnMut(Prop<'a>)) {
    walk(schema, base, 0, f);
}

fn walk<'a>(schema: &'a Value, base: &str, depth: usize, f: &mut dyn FnMut(Prop<'a>)) {
    if depth > MAX_DEPTH {
        return;
    }
    let Some(obj) = schema.as_object() else {
        return;
    };
    if let Some(Value::Object(props)) = obj.get("properties") {
        let props_ptr = push_pointer(base, "properties");
        for (name, sub) in props {
            let pointer = push_pointer(&props_ptr, name);
            f(Prop {
                pointer: pointer.clone(),
                name,
                schema: sub,
            });
            walk(sub, &pointer, depth + 1, f);
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(sub @ Value::Object(_)) = obj.get(key) {
            walk(sub, &push_pointer(base, key), depth + 1, f);
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(list)) = obj.get(key) {
            let p = push_pointer(base, key);
            for (i, sub) in list.iter().enumerate() {
                walk(sub, &push_pointer(&p, &i.to_string()), depth + 1, f);
            }
        }
    }
}

/// Lower-cases a property name and drops `_` and `-` (`api_key`, `apiKey` -> `apikey`).
pub fn normalized(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_nested_properties_in_order() {
        let s = serde_json::json!({
            "type": "object",
            "properties": {
                "a": {"type": "object", "properties": {"b": {"type": "string"}}},
                "c": {"type": "array", "items": {"properties": {"d": {}}}},
                "e": {"oneOf": [{"properties": {"f": {}}}]}
            }
        });
        let mut seen = Vec::new();
        each_property(&s, "/io/input", &mut |p| seen.push(p.pointer));
        assert_eq!(
            seen,
            [
                "/io/input/properties/a",
                "/io/input/properties/a/properties/b",
                "/io/input/properties/c",
                "/io/input/properties/c/items/properties/d",
                "/io/input/properties/e",
                "/io/input/properties/e/oneOf/0/properties/f",
            ]
        );
        assert_eq!(normalized("Api_Key-x"), "apikeyx");
    }
}
