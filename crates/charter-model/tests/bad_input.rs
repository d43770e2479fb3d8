//! Hostile and broken input: every case gets an error with the right code and position, and
//! none of them panics or overflows the stack (a stack overflow aborts this test binary).

use charter_model::parse::{self, Format, MAX_DEPTH};
use charter_model::ParseError;

/// Decodes and parses bytes the way the workspace loader does.
fn load(bytes: &[u8], format: Format) -> Result<usize, ParseError> {
    let text = parse::decode(bytes)?;
    parse::parse(text, format).map(|docs| docs.len())
}

fn fail(bytes: &[u8], format: Format) -> ParseError {
    match load(bytes, format) {
        Ok(n) => panic!("expected an error, got {n} document(s)"),
        Err(e) => e,
    }
}

fn code_line_col(e: &ParseError) -> (&'static str, u32, u32) {
    (e.code, e.span.line, e.span.col)
}

const N: usize = 100_000;

#[test]
fn empty_file() {
    for format in [Format::Yaml, Format::Json, Format::Toml] {
        let e = fail(b"", format);
        assert_eq!(code_line_col(&e), ("empty-file", 1, 1));
        assert_eq!(e.message, "the file is empty");
        assert_eq!(
            e.help.as_deref(),
            Some("write a contract (`kind:` and `meta:`) or delete the file")
        );
    }
}

#[test]
fn whitespace_only_file() {
    for format in [Format::Yaml, Format::Json, Format::Toml] {
        let e = fail(b"  \n\n\t \r\n   ", format);
        assert_eq!(code_line_col(&e), ("empty-file", 1, 1));
        assert_eq!(e.message, "the file is empty");
    }
}

#[test]
fn comments_only_file_is_empty_in_yaml_and_toml() {
    for format in [Format::Yaml, Format::Toml] {
        let e = fail(b"# nothing yet\n# still nothing\n", format);
        assert_eq!(code_line_col(&e), ("empty-file", 1, 1), "{format:?}");
        assert_eq!(
            e.message,
            "the file holds no document (only comments or separators)"
        );
    }
}

#[test]
fn binary_file() {
    let e = fail(b"kind: integration\nmeta: \x00\x01\x02\xff", Format::Yaml);
    assert_eq!(e.code, "binary-file");
    assert_eq!(e.message, "this is a binary file, not a contract");
    // The position is the first NUL byte.
    assert_eq!((e.span.line, e.span.col, e.span.start), (2, 7, 24));
    // A PNG header.
    let e = fail(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Format::Json);
    assert_eq!(e.code, "binary-file");
    // UTF-16 text is binary to us (every other byte is NUL).
    let e = fail(b"\xff\xfek\x00i\x00n\x00d\x00", Format::Yaml);
    assert_eq!(code_line_col(&e), ("binary-file", 1, 4));
}

#[test]
fn not_utf8() {
    let e = fail(
        b"kind: integration\nmeta:\n  title: caf\xe9\n",
        Format::Yaml,
    );
    assert_eq!(code_line_col(&e), ("not-utf8", 3, 13));
    assert_eq!(e.message, "invalid UTF-8 (byte 0xe9 at offset 36)");
    assert_eq!(e.help.as_deref(), Some("save the file as UTF-8"));
    // After multi-byte characters the column still counts characters.
    let e = fail("t = \"é☕\"\nu = \"".as_bytes(), Format::Toml);
    assert_eq!(e.code, "syntax", "valid UTF-8, broken TOML");
    let mut bytes = "a: \"é☕ ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xc3\x28\"\n");
    let e = fail(&bytes, Format::Yaml);
    assert_eq!(code_line_col(&e), ("not-utf8", 1, 8));
}

#[test]
fn utf8_byte_order_mark_is_accepted() {
    assert_eq!(load(b"\xef\xbb\xbfkind: event\n", Format::Yaml), Ok(1));
    assert_eq!(
        load(b"\xef\xbb\xbf{\"kind\": \"event\"}", Format::Json),
        Ok(1)
    );
    assert_eq!(load(b"\xef\xbb\xbfkind = \"event\"\n", Format::Toml), Ok(1));
}

#[test]
fn yaml_alias_bomb() {
    // "Billion laughs": 9 levels of 9 aliases each would expand to 9^9 values.
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let refs = vec![format!("*{}", w[0]); 9].join(", ");
        text.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
    }
    let started = std::time::Instant::now();
    let e = fail(text.as_bytes(), Format::Yaml);
    // a=10 values, b=91, c=820, d=7381, e=66430, f=597871: the first `*f` passes a million.
    assert_eq!(code_line_col(&e), ("too-large", 7, 8));
    assert_eq!(
        e.message,
        "the document expands to more than 1000000 values"
    );
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn yaml_alias_bomb_of_maps() {
    let mut text =
        String::from("l0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}\n");
    for i in 1..10 {
        let refs: Vec<String> = (0..10).map(|k| format!("k{k}: *l{}", i - 1)).collect();
        text.push_str(&format!("l{i}: &l{i} {{{}}}\n", refs.join(", ")));
    }
    let e = fail(text.as_bytes(), Format::Yaml);
    assert_eq!(e.code, "too-large");
}

#[test]
fn yaml_flow_nesting_100k() {
    let text = format!("{}{}", "[".repeat(N), "]".repeat(N));
    let e = fail(text.as_bytes(), Format::Yaml);
    assert_eq!(e.code, "too-deep");
    assert_eq!(e.message, format!("nesting deeper than {MAX_DEPTH} levels"));
    assert_eq!(e.span.line, 1);
    let text = format!("a:\n  b: {}1{}\n", "{x: ".repeat(N), "}".repeat(N));
    let e = fail(text.as_bytes(), Format::Yaml);
    assert_eq!((e.code, e.span.line), ("too-deep", 2));
}

#[test]
fn yaml_block_nesting_100k() {
    // Compact block sequences nest without indentation cost: `- - - - x`.
    let text = format!("{}x\n", "- ".repeat(N));
    let e = fail(text.as_bytes(), Format::Yaml);
    // The 129th `- ` opens the level past the limit.
    assert_eq!(code_line_col(&e), ("too-deep", 1, 257));
    // Indented block maps (the quadratic size keeps this one at 2,000 levels).
    let text: String = (0..2000)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    let e = fail(text.as_bytes(), Format::Yaml);
    assert_eq!(e.code, "too-deep");
    assert_eq!(e.span.line, 129);
}

#[test]
fn yaml_nesting_at_the_limit_is_accepted() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert_eq!(load(ok.as_bytes(), Format::Yaml), Ok(1));
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(fail(deep.as_bytes(), Format::Yaml).code, "too-deep");
}

#[test]
fn json_nesting_100k() {
    let text = format!("{}{}", "[".repeat(N), "]".repeat(N));
    let e = fail(text.as_bytes(), Format::Json);
    assert_eq!(code_line_col(&e), ("too-deep", 1, 129));
    let text = format!("{}1{}", "{\"a\":".repeat(N), "}".repeat(N));
    let e = fail(text.as_bytes(), Format::Json);
    assert_eq!(code_line_col(&e), ("too-deep", 1, 641));
    // Brackets inside strings do not count.
    let text = format!("{{\"s\": \"{}\"}}", "[".repeat(N));
    assert_eq!(load(text.as_bytes(), Format::Json), Ok(1));
}

#[test]
fn json_nesting_at_the_limit_is_accepted() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert_eq!(load(ok.as_bytes(), Format::Json), Ok(1));
}

#[test]
fn toml_inline_array_nesting_100k() {
    let text = format!("a = {}{}\n", "[".repeat(N), "]".repeat(N));
    let e = fail(text.as_bytes(), Format::Toml);
    assert_eq!(code_line_col(&e), ("too-deep", 1, 133));
    let text = format!("a = {}1{}\n", "{b = ".repeat(N), "}".repeat(N));
    let e = fail(text.as_bytes(), Format::Toml);
    assert_eq!(code_line_col(&e), ("too-deep", 1, 645));
}

#[test]
fn toml_dotted_key_nesting_100k() {
    let text = format!("{} = 1\n", vec!["a"; N].join("."));
    let e = fail(text.as_bytes(), Format::Toml);
    assert_eq!(code_line_col(&e), ("too-deep", 1, 258));
    let text = format!("[{}]\nx = 1\n", vec!["a"; N].join("."));
    let e = fail(text.as_bytes(), Format::Toml);
    assert_eq!(code_line_col(&e), ("too-deep", 1, 259));
    let text = format!("{} = 1\n", vec!["\"a\""; N].join(" . "));
    let e = fail(text.as_bytes(), Format::Toml);
    assert_eq!(e.code, "too-deep");
}

#[test]
fn toml_dots_in_strings_and_comments_do_not_count() {
    let text = format!("url = \"{}\"\n# {}\n", ".".repeat(1000), ".".repeat(1000));
    assert_eq!(load(text.as_bytes(), Format::Toml), Ok(1));
}

#[test]
fn too_many_values_without_aliases() {
    // A flat JSON list of 1.2 million numbers passes the depth check but not the size limit.
    let text = format!("[{}0]", "0,".repeat(1_200_000));
    let e = fail(text.as_bytes(), Format::Json);
    assert_eq!(e.code, "too-large");
}
