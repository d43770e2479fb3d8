//! Broken and hostile files through the `charter` binary: each gets one error with the right
//! code and position, the process never panics (exit 101) or dies of a stack overflow (a
//! signal), and big inputs are refused or processed quickly.

mod common;

use std::time::{Duration, Instant};

use common::{diag, diags, Ws};

const N: usize = 100_000;

/// Validates a workspace holding one file; returns its single diagnostic (code, line, col).
fn only_error(rel: &str, contents: &[u8]) -> (String, u64, u64, String) {
    let ws = Ws::new();
    ws.file(rel, contents);
    let (code, report) = ws.validate_json();
    let d = diags(&report);
    assert_eq!(d.len(), 1, "one diagnostic: {report:#}");
    assert_eq!(code, 1, "exit 1: {report:#}");
    let (c, severity, file, line, col, message) = d.into_iter().next().expect("one");
    assert_eq!(severity, "error");
    assert_eq!(file, rel);
    (c, line, col, message)
}

#[test]
fn empty_and_whitespace_only_files() {
    for (rel, bytes) in [
        ("contracts/a.yaml", &b""[..]),
        ("contracts/b.json", b""),
        ("contracts/c.toml", b""),
        ("contracts/d.yaml", b"  \n\t\n   \n"),
        ("contracts/e.json", b"\n\n"),
    ] {
        let (code, line, col, message) = only_error(rel, bytes);
        assert_eq!(
            (code.as_str(), line, col, message.as_str()),
            ("empty-file", 1, 1, "the file is empty"),
            "{rel}"
        );
    }
    let (code, ..) = only_error("contracts/f.toml", b"# comments only\n");
    assert_eq!(code, "empty-file");
}

#[test]
fn binary_file() {
    let (code, line, col, message) = only_error(
        "contracts/logo.yaml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    assert_eq!(
        (code.as_str(), line, col, message.as_str()),
        ("binary-file", 3, 1, "this is a binary file, not a contract")
    );
}

#[test]
fn non_utf8_file() {
    let (code, line, col, message) = only_error(
        "contracts/latin1.yaml",
        b"kind: integration\nmeta:\n  title: Caf\xe9\n",
    );
    assert_eq!(
        (code.as_str(), line, col, message.as_str()),
        ("not-utf8", 3, 13, "invalid UTF-8 (byte 0xe9 at offset 36)")
    );
}

#[test]
fn alias_bomb() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let refs = vec![format!("*{}", w[0]); 9].join(", ");
        text.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
    }
    let started = Instant::now();
    let (code, line, col, message) = only_error("contracts/bomb.yaml", text.as_bytes());
    assert_eq!(
        (code.as_str(), line, col, message.as_str()),
        (
            "too-large",
            7,
            8,
            "the document expands to more than 1000000 values"
        )
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn deep_nesting_in_every_format() {
    let open_close = |o: &str, c: &str| format!("{}{}", o.repeat(N), c.repeat(N));
    let cases: Vec<(&str, String, u64, u64)> = vec![
        ("contracts/flow.yaml", open_close("[", "]"), 1, 256),
        (
            "contracts/flowmap.yaml",
            format!("{}1{}", "{a: ".repeat(N), "}".repeat(N)),
            1,
            1021,
        ),
        (
            "contracts/block.yaml",
            format!("{}x\n", "- ".repeat(N)),
            1,
            257,
        ),
        ("contracts/deep.json", open_close("[", "]"), 1, 129),
        (
            "contracts/obj.json",
            format!("{}1{}", "{\"a\":".repeat(N), "}".repeat(N)),
            1,
            641,
        ),
        (
            "contracts/arrays.toml",
            format!("a = {}\n", open_close("[", "]")),
            1,
            133,
        ),
        (
            "contracts/inline.toml",
            format!("a = {}1{}\n", "{b = ".repeat(N), "}".repeat(N)),
            1,
            645,
        ),
        (
            "contracts/dotted.toml",
            format!("{} = 1\n", vec!["a"; N].join(".")),
            1,
            258,
        ),
        (
            "contracts/tables.toml",
            format!("[{}]\n", vec!["a"; N].join(".")),
            1,
            259,
        ),
    ];
    // One workspace, one run: every file gets its own error, none stops the others.
    let ws = Ws::new();
    for (rel, text, _, _) in &cases {
        ws.file(rel, text);
    }
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    let mut expected: Vec<_> = cases
        .iter()
        .map(|(rel, _, line, col)| {
            diag(
                "too-deep",
                "error",
                rel,
                *line,
                *col,
                "nesting deeper than 128 levels",
            )
        })
        .collect();
    expected.sort();
    assert_eq!(diags(&report), expected);
}

#[test]
fn syntax_errors_in_every_format() {
    let ws = Ws::new();
    ws.file("contracts/a.yaml", "kind: event\nmeta: {key: a.b\n");
    ws.file("contracts/b.json", "{\"kind\": \"event\",}");
    ws.file("contracts/c.toml", "kind = \"event\"\nmeta = \n");
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    let got: Vec<(String, String, u64, u64)> = diags(&report)
        .into_iter()
        .map(|(c, _, f, l, col, _)| (c, f, l, col))
        .collect();
    assert_eq!(
        got,
        vec![
            ("syntax".into(), "contracts/a.yaml".into(), 3, 1),
            ("syntax".into(), "contracts/b.json".into(), 1, 17),
            ("syntax".into(), "contracts/c.toml".into(), 2, 8),
        ]
    );
}

#[test]
fn fifty_megabyte_file_is_refused_without_reading_it() {
    let ws = Ws::new();
    let path = ws.path().join("contracts/huge.yaml");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, "kind: integration\n").expect("write");
    // Sparse: 50 MB on paper, a few bytes on disk.
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    f.set_len(50 * 1024 * 1024).expect("set_len");
    drop(f);
    let started = Instant::now();
    let (code, report) = ws.validate_json();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(code, 1);
    assert_eq!(
        diags(&report),
        vec![diag(
            "file-too-large",
            "error",
            "contracts/huge.yaml",
            1,
            1,
            "the file is 52428800 bytes; contract files are limited to 8388608 bytes",
        )]
    );
    assert_eq!(
        report["diagnostics"][0]["help"],
        "split it into several files, or raise `workspace.max-file-size` in charter.toml"
    );
}

#[test]
fn max_file_size_from_charter_toml() {
    let ws = Ws::new();
    ws.file("charter.toml", "[workspace]\nmax-file-size = 100\n");
    ws.file("contracts/seed.yaml", common::seed());
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    let d = diags(&report);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].0, "file-too-large");
    assert_eq!(
        d[0].5,
        format!(
            "the file is {} bytes; contract files are limited to 100 bytes",
            common::seed().len()
        )
    );
}

fn tiny_event(i: usize) -> String {
    format!(
        "kind: event\nmeta: {{key: gen.e{i}, version: 1.0.0, description: Event {i}., owners: [team.gen], tags: [], stability: beta}}\npayload: {{type: object}}\n"
    )
}

#[test]
fn ten_thousand_files_with_one_broken() {
    let ws = Ws::new();
    let dir = ws.path().join("contracts");
    for sub in 0..10 {
        std::fs::create_dir_all(dir.join(format!("d{sub}"))).expect("mkdir");
    }
    for i in 0..10_000 {
        let rel = format!("d{}/e{i:05}.yaml", i % 10);
        let text = if i == 4242 {
            "kind: event\nmeta: {key: gen.e4242, version: 1.0.0\n".to_string()
        } else {
            tiny_event(i)
        };
        std::fs::write(dir.join(rel), text).expect("write");
    }
    let started = Instant::now();
    let (code, report) = ws.validate_json();
    let took = started.elapsed();
    assert_eq!(code, 1);
    assert_eq!(
        diags(&report),
        vec![diag(
            "syntax",
            "error",
            "contracts/d2/e04242.yaml",
            3,
            1,
            "invalid YAML: while parsing a flow mapping, did not find expected ',' or '}'",
        )]
    );
    assert_eq!(report["summary"]["files"], 10_000);
    assert_eq!(report["summary"]["contracts"], 9_999);
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

#[test]
fn unreadable_kinds_of_documents() {
    let ws = Ws::new();
    ws.file("contracts/list.yaml", "- a\n- b\n");
    ws.file("contracts/scalar.json", "\"just text\"");
    ws.file("contracts/nokind.yaml", "meta: {key: a.b}\n");
    ws.file("contracts/badkind.yaml", "kind: widget\nmeta: {key: a.b}\n");
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1);
    let got: Vec<(String, String, u64, u64, String)> = diags(&report)
        .into_iter()
        .map(|(c, _, f, l, col, m)| (c, f, l, col, m))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "unknown-kind".into(),
                "contracts/badkind.yaml".into(),
                1,
                7,
                "unknown value `widget`".into()
            ),
            (
                "invalid-type".into(),
                "contracts/list.yaml".into(),
                1,
                1,
                "expected a map with `kind:` naming the contract, found a list".into()
            ),
            (
                "missing-field".into(),
                "contracts/nokind.yaml".into(),
                1,
                1,
                "missing required field `kind`".into()
            ),
            (
                "invalid-type".into(),
                "contracts/scalar.json".into(),
                1,
                1,
                "expected a map with `kind:` naming the contract, found the string \"just text\""
                    .into()
            ),
        ]
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_dangling_links_do_not_stop_the_run() {
    let ws = Ws::new();
    ws.file("contracts/payments.stripe.yaml", common::seed());
    let contracts = ws.path().join("contracts");
    std::os::unix::fs::symlink("..", contracts.join("loop")).expect("symlink");
    std::os::unix::fs::symlink("/nonexistent/x.yaml", contracts.join("gone.yaml"))
        .expect("symlink");
    std::os::unix::fs::symlink("/nonexistent/x", contracts.join("README")).expect("symlink");
    let (code, report) = ws.validate_json();
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        diags(&report),
        vec![diag(
            "io",
            "error",
            "contracts/gone.yaml",
            1,
            1,
            "cannot read the file: No such file or directory (os error 2)",
        )]
    );
    assert_eq!(report["summary"]["contracts"], 1);
}
