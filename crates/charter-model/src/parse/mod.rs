//! Turning bytes into [`Node`] documents, for YAML, JSON and TOML, with hard limits so that
//! hostile input (alias bombs, deep nesting, huge or binary files) gets an error, not a crash.

mod json;
mod toml;
mod yaml;
mod yaml_fast;
mod yaml_input;

use crate::node::Node;
use crate::span::{LineIndex, Span};

/// Nesting deeper than this is refused. Contracts rarely go past 15 levels.
pub const MAX_DEPTH: usize = 128;
/// Largest number of nodes one file may expand to (YAML aliases count every copy).
pub const MAX_NODES: usize = 1_000_000;
/// Default largest contract file, in bytes.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Yaml,
    Json,
    Toml,
}

impl Format {
    /// The format for a file name, by extension.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }
}

/// Why a file could not be read as documents.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// Stable identifier of the failure (`syntax`, `empty-file`, `binary-file`…).
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub span: Span,
}

impl ParseError {
    pub(crate) fn new(code: &'static str, message: impl Into<String>, span: Span) -> ParseError {
        ParseError {
            code,
            message: message.into(),
            help: None,
            span,
        }
    }
    pub(crate) fn help(mut self, help: impl Into<String>) -> ParseError {
        self.help = Some(help.into());
        self
    }
}

/// Checks raw bytes and decodes them as UTF-8 text.
pub fn decode(bytes: &[u8]) -> Result<&str, ParseError> {
    let probe = &bytes[..bytes.len().min(8192)];
    // `contains` searches a word at a time; `position` alone goes byte by byte, and almost
    // every file has no NUL.
    if let Some(pos) = probe
        .contains(&0)
        .then(|| probe.iter().position(|&b| b == 0))
        .flatten()
    {
        let line = 1 + probe[..pos].iter().filter(|&&b| b == b'\n').count();
        let col = pos
            - probe[..pos]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |nl| nl + 1);
        return Err(ParseError::new(
            "binary-file",
            "this is a binary file, not a contract",
            Span::new(pos, pos, line, col + 1),
        )
        .help("contract files are UTF-8 text in YAML, JSON or TOML; move binary files out of the contract folders"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(e) => {
            let at = e.valid_up_to();
            let valid = std::str::from_utf8(&bytes[..at]).unwrap_or("");
            let (line, col) = LineIndex::new(valid).line_col(valid, at);
            Err(ParseError::new(
                "not-utf8",
                format!("invalid UTF-8 (byte 0x{:02x} at offset {at})", bytes[at]),
                Span::new(at, at + 1, line, col),
            )
            .help("save the file as UTF-8"))
        }
    }
}

/// YAML through the full parser only, without the fast path: for tests that compare the two.
#[doc(hidden)]
pub fn parse_yaml_full(text: &str) -> Result<Vec<Node>, ParseError> {
    yaml::parse_full(text)
}

/// YAML through the fast path only: `None` where it defers to the full parser.
#[doc(hidden)]
pub fn parse_yaml_fast(text: &str) -> Option<Vec<Node>> {
    yaml_fast::parse(text)
}

/// Parses text into one node per document. An empty file is an error.
pub fn parse(text: &str, format: Format) -> Result<Vec<Node>, ParseError> {
    if text.trim().is_empty() {
        return Err(
            ParseError::new("empty-file", "the file is empty", Span::new(0, 0, 1, 1))
                .help("write a contract (`kind:` and `meta:`) or delete the file"),
        );
    }
    let docs = match format {
        // YAML positions come with line and column; the index is built only when needed.
        Format::Yaml => yaml::parse(text)?,
        Format::Json => json::parse(text, &LineIndex::new(text))?,
        Format::Toml => toml::parse(text, &LineIndex::new(text))?,
    };
    if docs.is_empty() {
        return Err(ParseError::new(
            "empty-file",
            "the file holds no document (only comments or separators)",
            Span::new(0, 0, 1, 1),
        )
        .help("write a contract (`kind:` and `meta:`) or delete the file"));
    }
    Ok(docs)
}

/// Scans bracket nesting outside strings, so that recursive parsers never see input that
/// could exhaust the stack. `#` comments are skipped when `hash_comments` is set (TOML).
fn check_bracket_depth(
    text: &str,
    index: &LineIndex,
    hash_comments: bool,
) -> Result<(), ParseError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut dots_on_line = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                let quote = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    if bytes[i] == b'\\' && quote == b'"' {
                        i += 1;
                    }
                    if bytes[i.min(bytes.len() - 1)] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'#' if hash_comments => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep(text, index, i));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'.' if hash_comments => {
                dots_on_line += 1;
                if dots_on_line > MAX_DEPTH {
                    return Err(too_deep(text, index, i));
                }
            }
            b'\n' => dots_on_line = 0,
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn too_deep(text: &str, index: &LineIndex, at: usize) -> ParseError {
    ParseError::new(
        "too-deep",
        format!("nesting deeper than {MAX_DEPTH} levels"),
        index.span(text, at, at + 1),
    )
    .help("contracts never need this depth; check that the file is what you meant to write")
}

fn too_many_nodes(span: Span) -> ParseError {
    ParseError::new(
        "too-large",
        format!("the document expands to more than {MAX_NODES} values"),
        span,
    )
    .help("YAML aliases are copied where they are used; an alias that refers to aliases multiplies (an \"alias bomb\"): write the values out instead")
}

/// Collects map entries and refuses duplicate keys (in linear time for big maps).
#[derive(Default)]
pub(crate) struct MapBuilder {
    pub entries: Vec<crate::node::Entry>,
    keys: KeyIndex,
}

impl MapBuilder {
    pub fn push(
        &mut self,
        key: compact_str::CompactString,
        key_span: Span,
        value: Node,
    ) -> Result<(), ParseError> {
        self.keys.insert(&self.entries, &key, key_span)?;
        self.entries.push(crate::node::Entry {
            key,
            key_span,
            value,
        });
        Ok(())
    }
}

/// Refuses a key that a map's entries so far already have. Small maps are scanned; past 16
/// entries a hash index is built, so that big maps stay linear. The entries live with the
/// caller (the YAML builder keeps them on one stack shared by all open maps).
#[derive(Default)]
pub(crate) struct KeyIndex {
    seen: Option<std::collections::HashMap<compact_str::CompactString, usize>>,
}

impl KeyIndex {
    /// Checks `key` against `entries` and records it as the next entry's key.
    pub fn insert(
        &mut self,
        entries: &[crate::node::Entry],
        key: &compact_str::CompactString,
        key_span: Span,
    ) -> Result<(), ParseError> {
        let dup = if entries.len() < 16 {
            entries.iter().position(|e| e.key == *key)
        } else {
            let seen = self.seen.get_or_insert_with(|| {
                entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.key.clone(), i))
                    .collect()
            });
            seen.get(key).copied()
        };
        if let Some(i) = dup {
            return Err(ParseError::new(
                "duplicate-key",
                format!(
                    "duplicate key `{key}` (first defined at line {})",
                    entries[i].key_span.line
                ),
                key_span,
            )
            .help("remove one of the two entries"));
        }
        if let Some(seen) = &mut self.seen {
            seen.insert(key.clone(), entries.len());
        }
        Ok(())
    }
}
