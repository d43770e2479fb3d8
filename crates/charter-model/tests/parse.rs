//! Parsing YAML, JSON and TOML into spanned [`Node`] trees: scalar resolution, documents,
//! positions, duplicate keys and syntax-error positions.

use charter_model::parse::{self, Format};
use charter_model::{Node, ParseError, Value};

fn yaml(text: &str) -> Vec<Node> {
    parse::parse(text, Format::Yaml).expect("valid YAML")
}

fn one(text: &str, format: Format) -> Node {
    let mut docs = parse::parse(text, format).expect("valid document");
    assert_eq!(docs.len(), 1, "one document");
    docs.remove(0)
}

fn err(text: &str, format: Format) -> ParseError {
    parse::parse(text, format).expect_err("parse error")
}

fn at<'n>(node: &'n Node, pointer: &str) -> &'n Node {
    node.pointer(pointer)
        .unwrap_or_else(|| panic!("no node at {pointer}"))
}

/// (line, col) of a node.
fn pos(node: &Node, pointer: &str) -> (u32, u32) {
    let s = at(node, pointer).span;
    (s.line, s.col)
}

/// (line, col) of the key of a map entry.
fn key_pos(node: &Node, pointer: &str) -> (u32, u32) {
    let s = node.locate(pointer, true);
    (s.line, s.col)
}

fn s(v: &str) -> Value {
    Value::Str(v.into())
}

// ------------------------------------------------------------------ YAML core schema

#[test]
fn yaml_core_schema_keeps_yaml11_words_and_dates_as_strings() {
    let doc =
        &yaml("a: yes\nb: on\nc: no\nd: off\ne: 2024-01-01\nf: y\ng: Yes\nh: 2024-11-20.acacia\n")
            [0];
    assert_eq!(at(doc, "/a").value, s("yes"));
    assert_eq!(at(doc, "/b").value, s("on"));
    assert_eq!(at(doc, "/c").value, s("no"));
    assert_eq!(at(doc, "/d").value, s("off"));
    assert_eq!(at(doc, "/e").value, s("2024-01-01"));
    assert_eq!(at(doc, "/f").value, s("y"));
    assert_eq!(at(doc, "/g").value, s("Yes"));
    assert_eq!(at(doc, "/h").value, s("2024-11-20.acacia"));
}

#[test]
fn yaml_core_schema_numbers_booleans_and_null() {
    let doc = &yaml(concat!(
        "float: 1.0\n",
        "semver: 1.0.0\n",
        "quoted: '1.0.0'\n",
        "dq: \"1.0\"\n",
        "int: 42\n",
        "neg: -7\n",
        "plus: +3\n",
        "octal: 0o17\n",
        "hex: 0x1F\n",
        "exp: 1e3\n",
        "half: .5\n",
        "inf: .inf\n",
        "t: true\n",
        "f: False\n",
        "n1: null\n",
        "n2: ~\n",
        "n3:\n",
        "tagged: !!str 12\n",
        "big: 18446744073709551615\n",
        "version_words: 1.0.0-beta.1\n",
    ))[0];
    assert_eq!(at(doc, "/float").value, Value::Float(1.0));
    assert_eq!(at(doc, "/semver").value, s("1.0.0"));
    assert_eq!(at(doc, "/quoted").value, s("1.0.0"));
    assert_eq!(at(doc, "/dq").value, s("1.0"));
    assert_eq!(at(doc, "/int").value, Value::Int(42));
    assert_eq!(at(doc, "/neg").value, Value::Int(-7));
    assert_eq!(at(doc, "/plus").value, Value::Int(3));
    assert_eq!(at(doc, "/octal").value, Value::Int(15));
    assert_eq!(at(doc, "/hex").value, Value::Int(31));
    assert_eq!(at(doc, "/exp").value, Value::Float(1000.0));
    assert_eq!(at(doc, "/half").value, Value::Float(0.5));
    assert_eq!(at(doc, "/inf").value, Value::Float(f64::INFINITY));
    assert_eq!(at(doc, "/t").value, Value::Bool(true));
    assert_eq!(at(doc, "/f").value, Value::Bool(false));
    assert_eq!(at(doc, "/n1").value, Value::Null);
    assert_eq!(at(doc, "/n2").value, Value::Null);
    assert_eq!(at(doc, "/n3").value, Value::Null);
    assert_eq!(at(doc, "/tagged").value, s("12"));
    assert_eq!(at(doc, "/big").value, Value::UInt(u64::MAX));
    assert_eq!(at(doc, "/version_words").value, s("1.0.0-beta.1"));
}

#[test]
fn yaml_keys_are_text_even_when_they_look_like_numbers() {
    let doc = &yaml("200: ok\ntrue: yes\n1.5: x\n")[0];
    let keys: Vec<&str> = doc.entries().iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["200", "true", "1.5"]);
}

// ------------------------------------------------------------------ YAML documents

#[test]
fn yaml_multi_document_file() {
    let docs = yaml(concat!(
        "# two contracts\n",
        "---\n",
        "kind: event\n",
        "meta: {key: a.b}\n",
        "---\n",
        "kind: operation\n",
        "meta:\n",
        "  key: c.d\n",
        "---\n",
    ));
    assert_eq!(docs.len(), 2, "a trailing `---` adds no document");
    assert_eq!(at(&docs[0], "/kind").value, s("event"));
    assert_eq!(pos(&docs[0], "/meta/key"), (4, 13));
    assert_eq!(at(&docs[1], "/kind").value, s("operation"));
    assert_eq!(pos(&docs[1], "/kind"), (6, 7));
    assert_eq!(pos(&docs[1], "/meta/key"), (8, 8));
    assert_eq!(key_pos(&docs[1], "/meta/key"), (8, 3));
    // Each document's span starts at its first value.
    assert_eq!((docs[0].span.line, docs[0].span.col), (3, 1));
    assert_eq!((docs[1].span.line, docs[1].span.col), (6, 1));
}

#[test]
fn yaml_documents_with_end_markers_and_anchors_are_independent() {
    let docs = yaml("a: &x 1\nb: *x\n...\n---\nc: 2\n");
    assert_eq!(docs.len(), 2);
    assert_eq!(at(&docs[0], "/b").value, Value::Int(1));
    assert_eq!(at(&docs[1], "/c").value, Value::Int(2));
    assert_eq!(pos(&docs[1], "/c"), (5, 4));
}

#[test]
fn yaml_file_of_only_comments_and_separators_is_empty() {
    let e = err("# nothing here\n---\n---\n", Format::Yaml);
    assert_eq!(e.code, "empty-file");
    assert_eq!(
        e.message,
        "the file holds no document (only comments or separators)"
    );
}

#[test]
fn yaml_positions_of_nested_values_count_characters_not_bytes() {
    let doc = &yaml("title: \"Café ☕\"\nlist:\n  - é: 1\n    next: [x, \"ü\", z]\n")[0];
    assert_eq!(pos(doc, "/title"), (1, 8));
    assert_eq!(pos(doc, "/list/0"), (3, 5));
    assert_eq!(key_pos(doc, "/list/0/next"), (4, 5));
    assert_eq!(pos(doc, "/list/0/next/2"), (4, 20));
    // Byte offsets stay byte offsets.
    let text = "title: \"Café ☕\"\nlist:\n  - é: 1\n    next: [x, \"ü\", z]\n";
    let z = at(doc, "/list/0/next/2").span;
    assert_eq!(&text[z.range()], "z");
}

// ------------------------------------------------------------------ JSON and TOML positions

#[test]
fn json_positions_of_nested_values() {
    let text = "{\n  \"kind\": \"event\",\n  \"meta\": {\n    \"key\": \"a.b\",\n    \"tags\": [\"x\", {\"deep\": 3.5}]\n  }\n}\n";
    let doc = one(text, Format::Json);
    assert_eq!(pos(&doc, "/kind"), (2, 11));
    assert_eq!(key_pos(&doc, "/meta/key"), (4, 5));
    assert_eq!(pos(&doc, "/meta/key"), (4, 12));
    assert_eq!(pos(&doc, "/meta/tags/1/deep"), (5, 28));
    assert_eq!(at(&doc, "/meta/tags/1/deep").value, Value::Float(3.5));
    assert_eq!(&text[at(&doc, "/meta/key").span.range()], "\"a.b\"");
    assert_eq!((doc.span.line, doc.span.col), (1, 1));
}

#[test]
fn json_numbers() {
    let doc = one(
        r#"{"i": -3, "u": 18446744073709551615, "f": 1e2, "s": "1.0.0"}"#,
        Format::Json,
    );
    assert_eq!(at(&doc, "/i").value, Value::Int(-3));
    assert_eq!(at(&doc, "/u").value, Value::UInt(u64::MAX));
    assert_eq!(at(&doc, "/f").value, Value::Float(100.0));
    assert_eq!(at(&doc, "/s").value, s("1.0.0"));
}

#[test]
fn toml_positions_of_nested_values() {
    let text = concat!(
        "kind = \"integration\"\n",
        "\n",
        "[meta]\n",
        "key = \"ai-llm.openai\"\n",
        "tags = [\"llm\", \"openai\"]\n",
        "\n",
        "[[transports]]\n",
        "type = \"rest\"\n",
        "baseUrl = \"https://api.openai.com\"\n",
        "\n",
        "[[transports]]\n",
        "type = \"sdk\"\n",
        "inline = { a = { b = 7 } }\n",
    );
    let doc = one(text, Format::Toml);
    assert_eq!(pos(&doc, "/kind"), (1, 8));
    assert_eq!(key_pos(&doc, "/meta/key"), (4, 1));
    assert_eq!(pos(&doc, "/meta/key"), (4, 7));
    assert_eq!(pos(&doc, "/meta/tags/1"), (5, 16));
    assert_eq!(pos(&doc, "/transports/0/baseUrl"), (9, 11));
    assert_eq!(pos(&doc, "/transports/1/type"), (12, 8));
    assert_eq!(pos(&doc, "/transports/1/inline/a/b"), (13, 22));
    assert_eq!(at(&doc, "/transports/1/inline/a/b").value, Value::Int(7));
    assert_eq!(
        &text[at(&doc, "/meta/key").span.range()],
        "\"ai-llm.openai\""
    );
}

#[test]
fn toml_dates_are_kept_as_text() {
    let doc = one(
        "released = 2024-11-20\nat = 1979-05-27T07:32:00Z\n",
        Format::Toml,
    );
    assert_eq!(at(&doc, "/released").value, s("2024-11-20"));
    assert_eq!(at(&doc, "/at").value, s("1979-05-27T07:32:00Z"));
}

#[test]
fn yaml_tab_indentation_points_at_the_tab() {
    for (text, line) in [
        ("kind: event\nmeta:\n\tkey: a.b\n", 3),
        ("kind: event\nmeta:\n  tags:\n\t- a\n", 4),
    ] {
        let e = err(text, Format::Yaml);
        assert_eq!(e.code, "syntax", "{text:?}");
        assert_eq!(
            e.message,
            "invalid YAML: a tab character where YAML expects spaces"
        );
        assert_eq!((e.span.line, e.span.col), (line, 1), "{text:?}");
        assert_eq!(e.span.end - e.span.start, 1);
        assert_eq!(
            e.help.as_deref(),
            Some("indent YAML with spaces, never tabs")
        );
    }
}

// ------------------------------------------------------------------ duplicate keys

#[test]
fn yaml_duplicate_key() {
    let e = err("kind: event\nmeta:\n  key: a.b\n  key: c.d\n", Format::Yaml);
    assert_eq!(e.code, "duplicate-key");
    assert_eq!(e.message, "duplicate key `key` (first defined at line 3)");
    assert_eq!((e.span.line, e.span.col), (4, 3));
    assert_eq!(e.help.as_deref(), Some("remove one of the two entries"));
}

#[test]
fn yaml_duplicate_key_in_a_big_map() {
    // Past 16 entries duplicates are found through a hash map; same answer.
    let mut text: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
    text.push_str("k7: again\n");
    let e = err(&text, Format::Yaml);
    assert_eq!(e.code, "duplicate-key");
    assert_eq!(e.message, "duplicate key `k7` (first defined at line 8)");
    assert_eq!((e.span.line, e.span.col), (41, 1));
}

#[test]
fn yaml_duplicate_key_in_flow_map() {
    let e = err("a: {x: 1, y: 2, x: 3}\n", Format::Yaml);
    assert_eq!(e.code, "duplicate-key");
    assert_eq!(e.message, "duplicate key `x` (first defined at line 1)");
    assert_eq!((e.span.line, e.span.col), (1, 17));
}

#[test]
fn json_duplicate_key() {
    let e = err(
        "{\n  \"meta\": {\n    \"key\": \"a.b\",\n    \"key\": \"c.d\"\n  }\n}\n",
        Format::Json,
    );
    assert_eq!(e.code, "duplicate-key");
    assert_eq!(e.message, "duplicate key `key` (first defined at line 3)");
    assert_eq!((e.span.line, e.span.col), (4, 5));
}

#[test]
fn toml_duplicate_key() {
    let e = err("[meta]\nkey = \"a.b\"\nkey = \"c.d\"\n", Format::Toml);
    assert_eq!(e.code, "duplicate-key");
    assert_eq!(e.message, "duplicate key `key`");
    assert_eq!((e.span.line, e.span.col), (3, 1));
    assert_eq!(e.help.as_deref(), Some("remove one of the two entries"));
}

#[test]
fn toml_duplicate_table() {
    let e = err(
        "[meta]\nkey = \"a.b\"\n\n[meta]\nversion = \"1.0.0\"\n",
        Format::Toml,
    );
    assert_eq!(e.code, "duplicate-key");
    assert_eq!(e.message, "duplicate key `meta`");
    assert_eq!((e.span.line, e.span.col), (4, 2));
}

#[test]
fn toml_dotted_key_and_inline_table_clash() {
    let e = err("a.b = 1\na = { b = 2 }\n", Format::Toml);
    assert_eq!(e.code, "duplicate-key");
    assert_eq!(e.message, "duplicate key `a`");
    assert_eq!((e.span.line, e.span.col), (2, 1));
}

// ------------------------------------------------------------------ syntax errors

#[test]
fn yaml_syntax_error_position() {
    let e = err(
        "kind: event\nmeta:\n  key: [a, b\n  version: 1\n",
        Format::Yaml,
    );
    assert_eq!(e.code, "syntax");
    assert!(e.message.starts_with("invalid YAML: "), "{}", e.message);
    assert_eq!((e.span.line, e.span.col), (4, 10));
}

#[test]
fn yaml_bad_indentation_position() {
    let e = err("meta:\n  key: a.b\n version: 1\n", Format::Yaml);
    assert_eq!(e.code, "syntax");
    assert_eq!(e.span.line, 3);
}

#[test]
fn yaml_unknown_alias() {
    let e = err("a: *nowhere\n", Format::Yaml);
    assert_eq!(e.code, "syntax");
    assert_eq!(e.span.line, 1);
}

#[test]
fn yaml_map_as_key_is_refused() {
    let e = err("? {a: 1}\n: x\n", Format::Yaml);
    assert_eq!(e.code, "syntax");
    assert_eq!(e.message, "a list or map used as a map key");
    assert_eq!((e.span.line, e.span.col), (1, 3));
}

#[test]
fn json_syntax_error_position() {
    let e = err("{\n  \"a\": 1,\n  \"b\": 2,\n}\n", Format::Json);
    assert_eq!(e.code, "syntax");
    assert!(e.message.starts_with("invalid JSON: "), "{}", e.message);
    assert_eq!((e.span.line, e.span.col), (3, 9));
}

#[test]
fn json_comments_are_refused() {
    let e = err("{\n  // no\n  \"a\": 1\n}\n", Format::Json);
    assert_eq!(e.code, "syntax");
    assert_eq!((e.span.line, e.span.col), (2, 3));
}

#[test]
fn toml_syntax_error_position() {
    let e = err("[meta]\nkey = \"a.b\"\nversion = \n", Format::Toml);
    assert_eq!(e.code, "syntax");
    assert!(e.message.starts_with("invalid TOML: "), "{}", e.message);
    assert_eq!(e.span.line, 3);
}

#[test]
fn toml_integer_out_of_range() {
    let e = err("n = 0xFFFFFFFFFFFFFFFF\n", Format::Toml);
    assert_eq!(e.code, "syntax");
    assert_eq!((e.span.line, e.span.col), (1, 5));
}

#[test]
fn yaml_unclosed_flow_collection_gets_a_hint() {
    let e = err(
        "kind: event\nmeta:\n  key: a.b\n  tags: [x, y\n  owners: [me]\n",
        Format::Yaml,
    );
    assert_eq!(e.code, "syntax");
    assert_eq!(
        e.message,
        "invalid YAML: illegal placement of ':' indicator"
    );
    assert_eq!((e.span.line, e.span.col), (5, 9));
    assert_eq!(
        e.help.as_deref(),
        Some("the `[` at line 4, column 9 is not closed: is a `]` missing?")
    );
    // An error on the line the collection opens on gets no such hint.
    let e = err("a: b: c\n", Format::Yaml);
    assert_eq!((e.code, e.span.line, e.span.col), ("syntax", 1, 5));
    assert_eq!(e.help, None);
}

#[test]
fn yaml_error_at_the_end_of_a_file_without_final_newline() {
    let text = "kind: event\nmeta: {key: a.b";
    let e = err(text, Format::Yaml);
    assert_eq!(e.code, "syntax");
    // A position that exists: the end of line 2 (not line 3, which is not there).
    assert_eq!((e.span.line, e.span.col), (2, 16));
    assert_eq!(e.span.start as usize, text.len());
    assert_eq!(
        e.help.as_deref(),
        Some("the `{` at line 2, column 7 is not closed: is a `}` missing?")
    );
}

#[test]
fn crlf_line_endings_keep_positions() {
    let doc = &yaml("kind: event\r\nmeta:\r\n  key: a.b\r\n  tags: [x, y]\r\n")[0];
    assert_eq!(pos(doc, "/meta/key"), (3, 8));
    assert_eq!(pos(doc, "/meta/tags/1"), (4, 13));
    assert_eq!(at(doc, "/meta/key").value, s("a.b"));
    let doc = one(
        "{\r\n  \"a\": {\r\n    \"b\": 1\r\n  }\r\n}\r\n",
        Format::Json,
    );
    assert_eq!(pos(&doc, "/a/b"), (3, 10));
    let doc = one("[meta]\r\nkey = \"a.b\"\r\n", Format::Toml);
    assert_eq!(pos(&doc, "/meta/key"), (2, 7));
}
