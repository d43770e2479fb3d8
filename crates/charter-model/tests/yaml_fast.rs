//! The YAML fast path against the full parser: wherever the fast path answers, its tree must
//! be the full parser's, value for value and position for position; wherever the full parser
//! reports an error, the fast path must have deferred to it.
//!
//! Inputs: every YAML file of the repository (examples and fixtures), then thousands of
//! mutations of them (bytes deleted, inserted and duplicated, lines re-indented and swapped).
//! `CHARTER_YAML_CORPUS=DIR` adds every YAML file under DIR (a synthetic workspace, say), and
//! `CHARTER_YAML_MUTATIONS=N` sets the number of mutations per file and `CHARTER_YAML_SEED=N`
//! the generator's seed.

use std::path::{Path, PathBuf};

use charter_model::parse::{parse_yaml_fast, parse_yaml_full};

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                yaml_files(&path, out);
            }
        } else if name.ends_with(".yaml") || name.ends_with(".yml") {
            out.push(path);
        }
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Checks one text; returns whether the fast path answered.
fn agree(text: &str, what: &dyn Fn() -> String) -> bool {
    let Some(fast) = parse_yaml_fast(text) else {
        return false;
    };
    match parse_yaml_full(text) {
        Ok(full) if full == fast => {}
        // Debug text compares NaN floats as equal, which `==` does not.
        Ok(full) => assert_eq!(
            format!("{fast:#?}"),
            format!("{full:#?}"),
            "fast and full trees differ for {}",
            what()
        ),
        Err(e) => panic!(
            "the fast path accepted what the full parser rejects ({}): {e:?}\n---\n{text}",
            what()
        ),
    }
    true
}

/// A small deterministic generator (xorshift64*), so that a failure can be reproduced.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    " ", "  ", "-", "- ", ":", ": ", "#", " #", "'", "\"", "[", "]", "{", "}", ",", ", ", "\n",
    "a", "1", "é", "\\", "---\n", "&a ", "*a", "!", "|", ">", "?", "@", "~", "0x1F", ".5", "null",
    "\t",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    if lines.is_empty() {
        return text.to_owned();
    }
    let l = rng.below(lines.len());
    match rng.below(6) {
        // insert a piece somewhere on a line
        0 | 1 => {
            let line = &mut lines[l];
            let mut at = rng.below(line.len() + 1);
            while !line.is_char_boundary(at) {
                at -= 1;
            }
            line.insert_str(at, PIECES[rng.below(PIECES.len())]);
        }
        // delete a character
        2 => {
            let line = &mut lines[l];
            if let Some((at, _)) = line.char_indices().nth(rng.below(line.chars().count())) {
                line.remove(at);
            }
        }
        // re-indent a line
        3 => {
            let body = lines[l].trim_start_matches(' ').to_owned();
            lines[l] = format!("{}{body}", " ".repeat(rng.below(9)));
        }
        // duplicate a line
        4 => {
            let copy = lines[l].clone();
            lines.insert(l, copy);
        }
        // swap two lines
        _ => {
            let m = rng.below(lines.len());
            lines.swap(l, m);
        }
    }
    lines.concat()
}

fn mutations_per_file() -> usize {
    std::env::var("CHARTER_YAML_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150)
}

fn corpus() -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    yaml_files(&repo_root().join("examples"), &mut paths);
    yaml_files(&repo_root().join("crates"), &mut paths);
    if let Ok(dir) = std::env::var("CHARTER_YAML_CORPUS") {
        yaml_files(Path::new(&dir), &mut paths);
    }
    paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect()
}

#[test]
fn fast_path_builds_the_full_parsers_tree_for_every_repository_file() {
    let files = corpus();
    assert!(files.len() >= 14, "found only {} YAML files", files.len());
    let mut deferred = Vec::new();
    for (path, text) in &files {
        if !agree(text, &|| path.display().to_string()) {
            deferred.push(path.display().to_string());
        }
    }
    // The bundled examples are ordinary contract YAML: all of them take the fast path.
    let examples: Vec<_> = deferred.iter().filter(|p| p.contains("examples")).collect();
    assert!(
        examples.is_empty(),
        "examples left to the full parser: {examples:#?}"
    );
}

#[test]
fn fast_path_agrees_with_the_full_parser_on_mutated_files() {
    let files = corpus();
    let per_file = mutations_per_file();
    let seed = std::env::var("CHARTER_YAML_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut rng = Rng(seed);
    let (mut answered, mut total, mut valid) = (0usize, 0usize, 0usize);
    for (path, text) in &files {
        let mut current = text.clone();
        for i in 0..per_file {
            // Every few steps start again from the original, so that mutations pile up only
            // a little: most inputs stay close to real contracts.
            if i % 4 == 0 {
                current = text.clone();
            }
            current = mutate(&current, &mut rng);
            total += 1;
            if parse_yaml_full(&current).is_ok() {
                valid += 1;
            }
            if agree(&current, &|| format!("mutation {i} of {}", path.display())) {
                answered += 1;
            }
        }
    }
    // The property holds trivially if the fast path never answers: make sure it does.
    eprintln!("{answered} answered, {valid} valid, {total} mutated files");
    assert!(
        answered * 2 > valid,
        "the fast path answered only {answered} of the {valid} valid files among {total} mutations"
    );
}

#[test]
fn fast_path_positions_on_a_small_file() {
    let text = "kind: event # c\nmeta:\n  key: \"a.b\"\n  tags: [x, 'y z']  # t\nlist:\n- one\n- k: v\n  k2: 2\n";
    let docs = parse_yaml_fast(text).expect("the fast path reads this file");
    let doc = &docs[0];
    let span = |p: &str| {
        let s = doc.pointer(p).expect(p).span;
        (s.start, s.end, s.line, s.col)
    };
    assert_eq!(span("/kind"), (6, 11, 1, 7));
    assert_eq!(span("/meta/key"), (29, 34, 3, 8));
    // A flow collection ends where the full parser says: past the spaces and comment after it.
    assert_eq!(span("/meta/tags"), (43, 58, 4, 9));
    // An indentless sequence starts at its first item, a block map at its first key.
    assert_eq!(span("/list"), (67, 86, 6, 3));
    assert_eq!(span("/list/1"), (73, 86, 7, 3));
    assert_eq!(
        (doc.span.start, doc.span.end, doc.span.line, doc.span.col),
        (0, 86, 1, 1)
    );
    assert!(agree(text, &|| "the small file".into()));
}
