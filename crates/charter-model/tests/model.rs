//! From a parsed document to the typed contract: errors carry the code, the position, the
//! JSON Pointer, and messages in the words of the contract format (never Rust type names).

use charter_model::de::{from_node, DeError};
use charter_model::parse::{self, Format};
use charter_model::{Contract, Stability};

const META: &str = "meta: {key: a.b, version: 1.0.0, description: Something., owners: [team.a], tags: [], stability: beta}\n";

fn de(text: &str) -> Result<Contract, DeError> {
    let docs = parse::parse(text, Format::Yaml).expect("valid YAML");
    from_node::<Contract>(&docs[0])
}

fn de_err(text: &str) -> (&'static str, String, (u32, u32), String) {
    let e = de(text).expect_err("a model error");
    let span = e.span.expect("a position");
    (
        e.code,
        e.message.clone(),
        (span.line, span.col),
        e.pointer(),
    )
}

#[test]
fn a_minimal_event_loads() {
    let c = de(&format!("kind: event\n{META}payload: {{type: object}}\n")).expect("loads");
    assert_eq!(c.meta().key, "a.b");
    assert_eq!(c.meta().stability, Stability::Beta);
    assert_eq!(c.kind().as_str(), "event");
}

#[test]
fn the_kind_may_come_last() {
    let c = de(&format!("{META}payload: {{type: object}}\nkind: event\n")).expect("loads");
    assert_eq!(c.kind().as_str(), "event");
}

#[test]
fn meta_null_or_list_is_not_a_map() {
    assert_eq!(
        de_err("kind: event\nmeta:\npayload: {}\n"),
        (
            "invalid-type",
            "expected a map, found an empty value (null)".into(),
            (2, 5),
            "/meta".into()
        )
    );
    assert_eq!(
        de_err("kind: event\nmeta: [1]\npayload: {}\n"),
        (
            "invalid-type",
            "expected a map, found a list".into(),
            (2, 7),
            "/meta".into()
        )
    );
}

#[test]
fn list_expected() {
    let text = format!(
        "kind: event\n{}payload: {{}}\n",
        META.replace("owners: [team.a]", "owners: team.a")
    );
    assert_eq!(
        de_err(&text),
        (
            "invalid-type",
            "expected a list, found the string \"team.a\"".into(),
            (2, 67),
            "/meta/owners".into()
        )
    );
}

#[test]
fn enum_expected_lists_the_values() {
    let text = format!(
        "kind: event\n{}payload: {{}}\n",
        META.replace("stability: beta", "stability: 3")
    );
    assert_eq!(
        de_err(&text),
        (
            "invalid-type",
            "expected one of `idea`, `in_creation`, `experimental`, `beta`, `stable`, `deprecated`, found integer `3`".into(),
            (2, 98),
            "/meta/stability".into()
        )
    );
}

#[test]
fn integer_expected() {
    let text = format!(
        "kind: integration\n{}healthCheck: {{method: ping, timeoutMs: 1.5}}\n",
        META
    );
    assert_eq!(
        de_err(&text),
        (
            "invalid-type",
            "expected an integer, found floating point `1.5`".into(),
            (3, 40),
            "/healthCheck/timeoutMs".into()
        )
    );
}

#[test]
fn integer_out_of_range_names_the_range() {
    let text = format!(
        "kind: operation\n{}io: {{errors: {{X: {{http: 99999}}}}}}\n",
        META.replace("stability: beta", "stability: beta, kind: command")
    );
    assert_eq!(
        de_err(&text),
        (
            "invalid-value",
            "invalid value integer `99999`: expected an integer from 0 to 65535".into(),
            (3, 25),
            "/io/errors/X/http".into()
        )
    );
}

#[test]
fn text_expected_suggests_quotes() {
    let e = de(&format!(
        "kind: event\n{}payload: {{}}\n",
        META.replace("version: 1.0.0", "version: 1.0")
    ))
    .expect_err("error");
    assert_eq!(e.code, "invalid-type");
    assert_eq!(e.message, "expected a string, found floating point `1.0`");
    assert_eq!(
        e.help.as_deref(),
        Some("put the value in quotes so that it is read as text")
    );
}

#[test]
fn unknown_tag_points_at_the_tag_value() {
    assert_eq!(
        de_err(&format!(
            "kind: integration\n{META}transports:\n  - type: grpc\n    baseUrl: https://x\n"
        )),
        (
            "invalid-value",
            "unknown value `grpc`".into(),
            (4, 11),
            "/transports/0/type".into()
        )
    );
    assert_eq!(
        de_err(&format!("kind: widget\n{META}")),
        (
            "invalid-value",
            "unknown value `widget`".into(),
            (1, 7),
            "/kind".into()
        )
    );
}

#[test]
fn missing_tag_points_at_the_item() {
    assert_eq!(
        de_err(&format!(
            "kind: integration\n{META}transports:\n  - baseUrl: https://x\n"
        )),
        (
            "missing-field",
            "missing required field `type`".into(),
            (4, 5),
            "/transports/0".into()
        )
    );
}

#[test]
fn unknown_field_in_a_tagged_variant() {
    let e = de(&format!(
        "kind: integration\n{META}transports:\n  - type: rest\n    baseUrl: https://x\n    baseURL: https://y\n"
    ))
    .expect_err("error");
    assert_eq!(e.code, "unknown-field");
    assert_eq!(e.message, "unknown field `baseURL`");
    let span = e.span.expect("span");
    assert_eq!((span.line, span.col), (6, 5));
    assert_eq!(e.pointer(), "/transports/0/baseURL");
    assert!(e
        .help
        .as_deref()
        .expect("help")
        .starts_with("did you mean `baseUrl`?"));
}

#[test]
fn references_in_every_spelling() {
    let c = de(&format!(
        "kind: feature\n{META}operations: [a.op, a.op@2.0.0, {{key: a.op, version: 1.0.0}}, {{key: a.op}}]\n"
    ))
    .expect("loads");
    let Contract::Feature(f) = c else {
        panic!("a feature")
    };
    let shown: Vec<String> = f.operations.iter().map(|r| r.to_string()).collect();
    assert_eq!(shown, ["a.op", "a.op@2.0.0", "a.op@1.0.0", "a.op"]);
}
