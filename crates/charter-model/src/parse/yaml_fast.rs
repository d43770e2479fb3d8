//! A fast path for the YAML that contract files are written in: block maps and sequences,
//! plain and quoted one-line scalars, one-line flow collections, comments and `---`.
//!
//! Why by hand: every YAML crate for Rust (saphyr-parser, yaml-rust2, libyaml) scans a
//! character at a time through a general state machine and produced about 35 MB/s here, which
//! made YAML scanning half of the time `charter validate` spends on a workspace. This parser
//! reads the common subset line by line at several times that speed. It never decides
//! anything on its own: whenever a file holds something outside the subset (anchors, tags,
//! block or multi-line scalars, multi-line flow collections, tabs, `\r`, directives, complex
//! keys, duplicate keys, unusual indentation) or anything that might be an error, it gives
//! up and the file goes through `saphyr_parser` (see `yaml.rs`), which also produces every
//! error message. When it succeeds, its tree is the one the `saphyr_parser` path builds,
//! position for position; `tests/yaml_fast.rs` checks that on every example and on mutated
//! input.

use compact_str::CompactString;

use super::yaml::{key_text, plain};
use super::{KeyIndex, MAX_DEPTH, MAX_NODES};
use crate::node::{Entry, Node, Value};
use crate::span::Span;

/// Implicit keys must be shorter than 1024 characters; longer ones (bytes here, which is
/// stricter, minus some margin) go to the full parser.
const MAX_KEY_LEN: usize = 1000;

/// Parses `text` when it stays within the subset; `None` means "use the full parser".
pub(super) fn parse(text: &str) -> Option<Vec<Node>> {
    if !supported_text(text) {
        return None;
    }
    let mut p = Fast {
        text,
        b: text.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        ascii: text.is_ascii(),
        nodes: 0,
    };
    let mut docs = Vec::new();
    loop {
        match p.next_content()? {
            Next::Eof => return Some(docs),
            Next::DocSep => p.doc_separator(),
            Next::Line(indent) => {
                p.pos += indent;
                let node = if p.seq_entry_here() {
                    p.block_seq(indent, 0, false)?
                } else {
                    let start = p.here();
                    match p.key()? {
                        Some((key, key_span)) => p.block_map(indent, 0, start, key, key_span)?,
                        // A document that is one scalar or flow collection: rare in contracts.
                        None => return None,
                    }
                };
                docs.push(node);
                match p.next_content()? {
                    Next::Eof => return Some(docs),
                    Next::DocSep => p.doc_separator(),
                    // A second top-level node without `---` is an error for the full parser.
                    Next::Line(_) => return None,
                }
            }
        }
    }
}

/// Text the fast path can read at all: ends with a newline; no tab, `\r` or other control
/// character, and no character YAML does not allow in a stream.
fn supported_text(text: &str) -> bool {
    if !text.ends_with('\n') {
        return false;
    }
    // Without a branch per byte, so that the compiler vectorises the test; one answer per
    // 4 KiB block still stops early on binary input.
    let control = |block: &[u8]| {
        block.iter().fold(false, |found, &c| {
            found | ((c < 0x20) & (c != b'\n')) | (c == 0x7f)
        })
    };
    if text.as_bytes().chunks(4096).any(control) {
        return false;
    }
    text.is_ascii()
        || text
            .chars()
            .all(|c| !matches!(c as u32, 0x80..=0x9f | 0xfeff | 0xfffe | 0xffff))
}

/// What the next line holding something is.
enum Next {
    Eof,
    /// A `---` line; the cursor is at its start.
    DocSep,
    /// A line indented by this many spaces; the cursor is at the line's start.
    Line(usize),
}

struct Fast<'t> {
    text: &'t str,
    b: &'t [u8],
    pos: usize,
    /// 1-based line of `pos`, and the offset where that line starts.
    line: usize,
    line_start: usize,
    ascii: bool,
    /// Nodes built so far, counted as the full parser counts them (keys too).
    nodes: usize,
}

impl Fast<'_> {
    fn byte(&self, at: usize) -> u8 {
        self.b.get(at).copied().unwrap_or(b'\n')
    }

    fn cur(&self) -> u8 {
        self.byte(self.pos)
    }

    /// The span of a position, with its line and 1-based character column.
    fn span_at(&self, start: usize, end: usize) -> Span {
        let col = if self.ascii {
            start - self.line_start
        } else {
            self.text[self.line_start..start].chars().count()
        };
        Span::new(start, end, self.line, col + 1)
    }

    fn here(&self) -> Span {
        self.span_at(self.pos, self.pos)
    }

    fn count(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= MAX_NODES).then_some(())
    }

    /// Moves past the `\n` at the cursor.
    fn newline(&mut self) {
        debug_assert_eq!(self.cur(), b'\n');
        self.pos += 1;
        self.line += 1;
        self.line_start = self.pos;
    }

    fn skip_spaces(&mut self) {
        while self.cur() == b' ' {
            self.pos += 1;
        }
    }

    fn skip_to_eol(&mut self) {
        self.pos += memchr_newline(&self.b[self.pos..]);
    }

    /// From the start of a line: skips blank and comment lines and tells what comes next.
    /// The cursor stays at the start of that line, so asking twice gives the same answer.
    fn next_content(&mut self) -> Option<Next> {
        debug_assert_eq!(self.pos, self.line_start);
        loop {
            if self.pos >= self.b.len() {
                return Some(Next::Eof);
            }
            let mut i = self.pos;
            while self.byte(i) == b' ' {
                i += 1;
            }
            match self.byte(i) {
                b'\n' => {}
                b'#' => i += memchr_newline(&self.b[i..]),
                _ if i == self.pos => {
                    let rest = &self.b[i..];
                    if rest.starts_with(b"---") || rest.starts_with(b"...") {
                        // Only a bare `---` line; `--- value`, `...` and `---x` go to the
                        // full parser.
                        return rest.starts_with(b"---\n").then_some(Next::DocSep);
                    }
                    if rest[0] == b'%' {
                        return None;
                    }
                    return Some(Next::Line(0));
                }
                _ => return Some(Next::Line(i - self.pos)),
            }
            self.pos = i;
            self.newline();
        }
    }

    fn doc_separator(&mut self) {
        self.pos += 3;
        self.newline();
    }

    /// A block sequence entry (`-` then a space or the end of the line) starts at the cursor.
    fn seq_entry_here(&self) -> bool {
        self.cur() == b'-' && matches!(self.byte(self.pos + 1), b' ' | b'\n')
    }

    /// After a node that ended a line: the next line, checked against the collection at
    /// `indent`. `Some(true)`: another entry follows at `indent` (cursor on it). `Some(false)`:
    /// the collection ends (less indented line, `---` or end of file). `None`: a deeper line
    /// (a continuation or an error), for the full parser.
    fn next_entry(&mut self, indent: usize) -> Option<bool> {
        match self.next_content()? {
            Next::Line(i) if i == indent => {
                self.pos += i;
                Some(true)
            }
            Next::Line(i) if i < indent => Some(false),
            Next::Line(_) => None,
            Next::Eof | Next::DocSep => Some(false),
        }
    }

    /// Where a block collection that ends here ends: the start of the next token (the next
    /// line's first character, the `---`, or the end of the text).
    fn block_end(&mut self) -> Option<usize> {
        Some(match self.next_content()? {
            Next::Line(i) => self.pos + i,
            Next::DocSep | Next::Eof => self.pos,
        })
    }

    /// A block map whose first key (already read, `first`) started at column `indent`.
    fn block_map(
        &mut self,
        indent: usize,
        depth: usize,
        start: Span,
        first: CompactString,
        first_span: Span,
    ) -> Option<Node> {
        if depth + 1 >= MAX_DEPTH {
            return None;
        }
        let mut entries: Vec<Entry> = Vec::new();
        let mut keys = KeyIndex::default();
        let (mut key, mut key_span) = (first, first_span);
        loop {
            keys.insert(&entries, &key, key_span).ok()?;
            let colon = self.pos - 1;
            let value = self.map_value(indent, depth + 1, colon)?;
            entries.push(Entry {
                key,
                key_span,
                value,
            });
            if !self.next_entry(indent)? {
                break;
            }
            if self.seq_entry_here() {
                // A `- ` entry at a map's indentation (outside an indentless sequence).
                return None;
            }
            (key, key_span) = self.key()??;
        }
        let end = self.block_end()?;
        self.count()?;
        Some(Node::new(
            Span {
                end: end as u32,
                ..start
            },
            Value::Map(entries),
        ))
    }

    /// The value after `key:` (the cursor is just past the colon, at `colon + 1`).
    fn map_value(&mut self, indent: usize, depth: usize, colon: usize) -> Option<Node> {
        if self.cur() == b'\n' {
            // An empty value is a null at the colon, for the full parser.
            let null = self.span_at(colon, colon);
            self.newline();
            return match self.next_content()? {
                Next::Line(i) if i > indent => {
                    self.pos += i;
                    self.block_node(i, depth, indent)
                }
                Next::Line(i) if i == indent => {
                    self.pos += i;
                    if self.seq_entry_here() {
                        // An indentless sequence: `key:` then `- item` at the key's column.
                        return self.block_seq(i, depth, true);
                    }
                    self.pos -= i;
                    self.null(null)
                }
                _ => self.null(null),
            };
        }
        // `key:` is followed by a space here (see `key`).
        self.skip_spaces();
        match self.cur() {
            // A comment or trailing spaces after `key:`: fine before a nested block; the
            // position the full parser gives an empty value then is not worth copying.
            b'#' | b'\n' => self.block_on_next_line(indent, depth),
            b'-' if matches!(self.byte(self.pos + 1), b' ' | b'\n') => None,
            _ => self.inline_value(depth, indent),
        }
    }

    /// After a node's header whose line ends here (maybe with a comment): the block on the
    /// next lines, which must be indented deeper than `indent`; anything else is left to the
    /// full parser.
    fn block_on_next_line(&mut self, indent: usize, depth: usize) -> Option<Node> {
        self.skip_to_eol();
        self.newline();
        match self.next_content()? {
            Next::Line(i) if i > indent => {
                self.pos += i;
                self.block_node(i, depth, indent)
            }
            _ => None,
        }
    }

    fn null(&mut self, span: Span) -> Option<Node> {
        self.count()?;
        Some(Node::new(span, Value::Null))
    }

    /// A block node that starts a line (indented by `indent`), the cursor on its first byte.
    fn block_node(&mut self, indent: usize, depth: usize, parent: usize) -> Option<Node> {
        if self.seq_entry_here() {
            return self.block_seq(indent, depth, false);
        }
        let start = self.here();
        match self.key()? {
            Some((key, key_span)) => self.block_map(indent, depth, start, key, key_span),
            // `key:` and its scalar value on the next line.
            None => self.inline_value(depth, parent),
        }
    }

    /// A block sequence whose first `-` is at the cursor, at column `indent`. An indentless
    /// sequence (a map value at the key's column) starts, for the full parser, at its first
    /// item rather than at the dash.
    fn block_seq(&mut self, indent: usize, depth: usize, indentless: bool) -> Option<Node> {
        if depth + 1 >= MAX_DEPTH {
            return None;
        }
        let mut start = self.here();
        let mut items = Vec::new();
        loop {
            self.pos += 1; // the dash
            self.skip_spaces();
            if indentless && items.is_empty() {
                if matches!(self.cur(), b'\n' | b'#') {
                    return None;
                }
                start = self.here();
            }
            items.push(self.seq_item(indent, depth + 1)?);
            if !self.next_entry(indent)? {
                break;
            }
            if !self.seq_entry_here() {
                if indentless {
                    // The next key of the map that holds this sequence.
                    self.pos = self.line_start;
                    break;
                }
                return None;
            }
        }
        let end = self.block_end()?;
        self.count()?;
        Some(Node::new(
            Span {
                end: end as u32,
                ..start
            },
            Value::Seq(items),
        ))
    }

    /// The item after `- ` (the cursor past the dash and its spaces).
    fn seq_item(&mut self, indent: usize, depth: usize) -> Option<Node> {
        match self.cur() {
            // An empty item (no deeper block follows) is rare, and its position is the full
            // parser's business.
            b'\n' | b'#' => self.block_on_next_line(indent, depth),
            _ => {
                let col = self.pos - self.line_start;
                if self.seq_entry_here() {
                    return self.block_seq(col, depth, false);
                }
                let start = self.here();
                match self.key()? {
                    Some((key, key_span)) => self.block_map(col, depth, start, key, key_span),
                    None => self.inline_value(depth, indent),
                }
            }
        }
    }

    /// Reads `key:` at the cursor when the line holds one (`Some(Some(..))`, cursor past the
    /// colon, which is followed by a space or the end of the line); `Some(None)` when it holds
    /// a value instead (cursor unmoved); `None` for what the fast path leaves alone.
    fn key(&mut self) -> Option<Option<(CompactString, Span)>> {
        let start = self.pos;
        let (text, end) = match self.cur() {
            q @ (b'"' | b'\'') => {
                let (value, end) = self.quoted(q)?;
                if self.byte(end) != b':' {
                    return Some(None);
                }
                (value, end)
            }
            c if starts_plain(c, self.byte(self.pos + 1)) => {
                let Some(colon) = self.plain_key_end() else {
                    return Some(None);
                };
                if self.byte(colon - 1) == b' ' {
                    return None;
                }
                let raw = &self.text[start..colon];
                (key_text(plain(raw))?, colon)
            }
            b'[' | b'{' => return Some(None),
            _ => return None,
        };
        if end - start >= MAX_KEY_LEN || !matches!(self.byte(end + 1), b' ' | b'\n') {
            return None;
        }
        let span = self.span_at(start, end);
        self.count()?;
        self.pos = end + 1;
        Some(Some((text, span)))
    }

    /// The colon that ends a plain key starting at the cursor, if the line has one before a
    /// comment or its end.
    fn plain_key_end(&self) -> Option<usize> {
        let mut i = self.pos;
        loop {
            match self.byte(i) {
                b'\n' => return None,
                b':' if matches!(self.byte(i + 1), b' ' | b'\n') => return Some(i),
                b'#' if self.byte(i - 1) == b' ' => return None,
                _ => i += 1,
            }
        }
    }

    /// A scalar or flow collection that is the rest of its line (then spaces, a comment and
    /// the newline, which is consumed).
    fn inline_value(&mut self, depth: usize, parent: usize) -> Option<Node> {
        let start = self.pos;
        let node = match self.cur() {
            q @ (b'"' | b'\'') => {
                let (value, end) = self.quoted(q)?;
                self.pos = end;
                let end = self.trail()?;
                self.count()?;
                Node::new(self.span_at(start, end), Value::Str(value))
            }
            b'[' | b'{' => self.flow(depth)?,
            b'|' | b'>' => return self.block_scalar(parent),
            c if starts_plain(c, self.byte(self.pos + 1)) => {
                let span = self.here();
                let (end, commented) = self.plain_line()?;
                let first = &self.text[start..end];
                self.pos = end;
                self.count()?;
                if commented || !self.plain_continues(parent) {
                    return self.end_line(Node::new(
                        Span {
                            end: end as u32,
                            ..span
                        },
                        plain(first),
                    ));
                }
                let (value, end) = self.plain_lines(first, parent)?;
                return Some(Node::new(
                    Span {
                        end: end as u32,
                        ..span
                    },
                    Value::Str(value),
                ));
            }
            _ => return None,
        };
        self.end_line(node)
    }

    /// After a value: spaces, maybe a comment, and the newline, which is consumed.
    fn end_line(&mut self, node: Node) -> Option<Node> {
        self.skip_spaces();
        if self.cur() == b'#' {
            self.skip_to_eol();
        }
        if self.cur() != b'\n' {
            return None;
        }
        self.newline();
        Some(node)
    }

    /// A plain scalar's part on the cursor's line, in block context: the offset after its
    /// last non-space byte, and whether a comment ends it.
    fn plain_line(&self) -> Option<(usize, bool)> {
        let mut i = self.pos;
        let mut last = self.pos;
        loop {
            match self.byte(i) {
                b'\n' => return Some((last, false)),
                b'#' if self.byte(i - 1) == b' ' => return Some((last, true)),
                // `a: b: c` is an error; `a:` at the end is a key.
                b':' if matches!(self.byte(i + 1), b' ' | b'\n') => return None,
                b' ' => {}
                _ => last = i + 1,
            }
            i += 1;
        }
    }

    /// Whether the plain scalar that ended the cursor's line (cursor after its last byte)
    /// goes on: the next line that is not blank is more indented than `parent` and is not a
    /// comment.
    fn plain_continues(&self, parent: usize) -> bool {
        let mut i = self.pos + memchr_newline(&self.b[self.pos..]) + 1;
        loop {
            let line = i;
            while self.byte(i) == b' ' {
                i += 1;
            }
            if i >= self.b.len() {
                return false;
            }
            match self.byte(i) {
                b'\n' => i += 1,
                b'#' => return false,
                _ => return i - line > parent,
            }
        }
    }

    /// A plain scalar that goes on over several lines (`first` is its first line, the
    /// cursor after it): lines are joined by a space, blank lines become newlines. The value
    /// and the offset after its last byte; the cursor ends at the start of the next line.
    fn plain_lines(&mut self, first: &str, parent: usize) -> Option<(CompactString, usize)> {
        let mut value = String::from(first);
        let mut end = self.pos;
        let mut blanks = 0;
        self.skip_spaces();
        self.newline();
        loop {
            let line = self.pos;
            self.skip_spaces();
            if self.pos >= self.b.len() {
                break;
            }
            match self.cur() {
                b'\n' => {
                    blanks += 1;
                    self.newline();
                    continue;
                }
                b'#' => break,
                _ if self.pos - line <= parent => break,
                c if !starts_plain(c, self.byte(self.pos + 1)) => return None,
                _ => {}
            }
            let (line_end, commented) = self.plain_line()?;
            if commented {
                return None;
            }
            if blanks == 0 {
                value.push(' ');
            }
            for _ in 0..blanks {
                value.push('\n');
            }
            blanks = 0;
            value.push_str(&self.text[self.pos..line_end]);
            end = line_end;
            self.pos = line_end;
            self.skip_spaces();
            self.newline();
        }
        // Back to the start of the line that ended the scalar; blank lines are skipped again
        // by whoever reads on.
        self.pos = self.line_start;
        Some((value.into(), end))
    }

    /// A literal (`|`) or folded (`>`) block scalar whose header is at the cursor, inside a
    /// collection at column `parent`. Indentation indicators, leading blank lines and
    /// (folded) more-indented lines are left to the full parser. The cursor ends at the start
    /// of the line that ends the scalar.
    fn block_scalar(&mut self, parent: usize) -> Option<Node> {
        let literal = self.cur() == b'|';
        self.pos += 1;
        let chomp = match self.cur() {
            c @ (b'-' | b'+') => {
                self.pos += 1;
                c
            }
            _ => b' ',
        };
        self.skip_spaces();
        if self.cur() == b'#' && self.byte(self.pos - 1) == b' ' {
            self.skip_to_eol();
        }
        if self.cur() != b'\n' {
            return None;
        }
        self.newline();
        // The first line sets the indentation.
        let indent = self.b[self.pos..]
            .iter()
            .take_while(|&&c| c == b' ')
            .count();
        if indent <= parent || self.byte(self.pos + indent) == b'\n' {
            return None;
        }
        self.pos += indent;
        let span = self.here();
        let mut value = String::new();
        let mut blanks = 0usize;
        let mut first = true;
        let end = loop {
            // The cursor is after the indentation of a line with content.
            let content_end = self.pos + memchr_newline(&self.b[self.pos..]);
            if !literal && self.cur() == b' ' {
                return None;
            }
            if !first {
                if literal || blanks > 0 {
                    for _ in 0..blanks + usize::from(literal) {
                        value.push('\n');
                    }
                } else {
                    value.push(' ');
                }
            }
            first = false;
            blanks = 0;
            value.push_str(&self.text[self.pos..content_end]);
            self.pos = content_end;
            self.newline();
            // Blank lines, then a line with content at `indent` or the end of the scalar.
            loop {
                let line = self.pos;
                self.skip_spaces();
                let spaces = self.pos - line;
                if self.pos >= self.b.len() {
                    break;
                }
                if self.cur() == b'\n' {
                    if spaces > indent {
                        return None;
                    }
                    blanks += 1;
                    self.newline();
                    continue;
                }
                if spaces >= indent {
                    self.pos = line + indent;
                }
                break;
            }
            if self.pos >= self.b.len() || self.pos - self.line_start < indent {
                break self.pos.min(self.b.len());
            }
        };
        match chomp {
            b'-' => {}
            b'+' => value.extend(std::iter::repeat_n('\n', blanks + 1)),
            _ => value.push('\n'),
        }
        self.pos = self.line_start;
        self.count()?;
        Some(Node::new(
            Span {
                end: end as u32,
                ..span
            },
            Value::Str(value.into()),
        ))
    }

    /// After a quoted scalar or a flow collection, the full parser's end position: past the
    /// spaces and a comment that follow on the line. The cursor is left where it was.
    fn trail(&self) -> Option<usize> {
        let mut i = self.pos;
        while self.byte(i) == b' ' {
            i += 1;
        }
        if self.byte(i) == b'#' {
            if i == self.pos {
                return None; // `"a"#b`: not a comment
            }
            i += memchr_newline(&self.b[i..]);
        }
        Some(i)
    }

    /// A quoted scalar at the cursor that closes on this line: its value and the offset just
    /// past the closing quote. The cursor does not move.
    fn quoted(&self, q: u8) -> Option<(CompactString, usize)> {
        let body = self.pos + 1;
        let mut i = body;
        let mut plain_run = true; // no escape so far: the value is a slice of the text
        loop {
            match self.byte(i) {
                b'\n' => return None,
                b'\\' if q == b'"' => {
                    if self.byte(i + 1) == b'\n' {
                        return None; // a line continuation
                    }
                    plain_run = false;
                    i += 2;
                }
                c if c == q => {
                    if q == b'\'' && self.byte(i + 1) == b'\'' {
                        plain_run = false;
                        i += 2;
                        continue;
                    }
                    break;
                }
                _ => i += 1,
            }
        }
        let raw = &self.text[body..i];
        let value = if plain_run {
            CompactString::from(raw)
        } else if q == b'\'' {
            CompactString::from(raw.replace("''", "'"))
        } else {
            unescape(raw)?
        };
        Some((value, i + 1))
    }

    /// A flow collection that opens at the cursor and closes on the same line.
    fn flow(&mut self, depth: usize) -> Option<Node> {
        if depth + 1 >= MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        let open = self.cur();
        let close = if open == b'[' { b']' } else { b'}' };
        self.pos += 1;
        let mut items = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut keys = KeyIndex::default();
        self.skip_spaces();
        if self.cur() != close {
            loop {
                if open == b'[' {
                    items.push(self.flow_node(depth + 1)?);
                } else {
                    let key_start = self.pos;
                    let (key, key_end) = match self.cur() {
                        q @ (b'"' | b'\'') => self.quoted(q)?,
                        _ => {
                            let end = self.flow_plain_end()?;
                            (key_text(plain(&self.text[key_start..end]))?, end)
                        }
                    };
                    if self.byte(key_end) != b':' || self.byte(key_end + 1) != b' ' {
                        return None;
                    }
                    let key_span = self.span_at(key_start, key_end);
                    self.count()?;
                    keys.insert(&entries, &key, key_span).ok()?;
                    self.pos = key_end + 2;
                    self.skip_spaces();
                    let value = self.flow_node(depth + 1)?;
                    entries.push(Entry {
                        key,
                        key_span,
                        value,
                    });
                }
                self.skip_spaces();
                match self.cur() {
                    b',' => {
                        self.pos += 1;
                        self.skip_spaces();
                        if self.cur() == close {
                            return None; // a trailing comma
                        }
                    }
                    c if c == close => break,
                    _ => return None,
                }
            }
        }
        self.pos += 1;
        let end = self.trail()?;
        self.count()?;
        let value = if open == b'[' {
            Value::Seq(items)
        } else {
            Value::Map(entries)
        };
        Some(Node::new(self.span_at(start, end), value))
    }

    /// A node inside a flow collection: scalar or nested collection, on this line.
    fn flow_node(&mut self, depth: usize) -> Option<Node> {
        let start = self.pos;
        match self.cur() {
            q @ (b'"' | b'\'') => {
                let (value, end) = self.quoted(q)?;
                self.pos = end;
                if self.cur() == b':' {
                    return None; // `["a": b]`, a single-pair map
                }
                let end = self.trail()?;
                self.count()?;
                Some(Node::new(self.span_at(start, end), Value::Str(value)))
            }
            b'[' | b'{' => self.flow(depth),
            _ => {
                let end = self.flow_plain_end()?;
                if self.byte(end) == b':' {
                    return None;
                }
                self.pos = end;
                self.count()?;
                let value = plain(&self.text[start..end]);
                Some(Node::new(self.span_at(start, end), value))
            }
        }
    }

    /// The end (after its last non-space byte) of a plain scalar inside a flow collection
    /// starting at the cursor.
    fn flow_plain_end(&self) -> Option<usize> {
        let first = self.cur();
        if !starts_plain(first, self.byte(self.pos + 1)) {
            return None;
        }
        let mut i = self.pos;
        let mut last = self.pos;
        loop {
            match self.byte(i) {
                b'\n' | b',' | b'[' | b']' | b'{' | b'}' => break,
                b':' if matches!(self.byte(i + 1), b' ' | b',' | b'[' | b']' | b'{' | b'}') => {
                    break
                }
                b'#' if self.byte(i - 1) == b' ' => break,
                // `a -}`: the full parser refuses a `-` then a flow indicator after a space.
                b'-' if self.byte(i - 1) == b' '
                    && matches!(self.byte(i + 1), b',' | b'[' | b']' | b'{' | b'}') =>
                {
                    return None
                }
                b' ' => {}
                _ => last = i + 1,
            }
            i += 1;
        }
        (last > self.pos).then_some(last)
    }
}

/// Whether a plain scalar may start with `c` (followed by `next`), leaving every indicator
/// to the full parser.
fn starts_plain(c: u8, next: u8) -> bool {
    match c {
        b'-' => !matches!(next, b' ' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'),
        b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
        | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' | b' ' | b'\n' => false,
        _ => true,
    }
}

/// Length up to (not including) the first `\n`; the text always ends with one.
fn memchr_newline(b: &[u8]) -> usize {
    memchr::memchr(b'\n', b).unwrap_or(b.len())
}

/// The escapes of a one-line double-quoted scalar; `None` for one the fast path leaves to the
/// full parser.
fn unescape(raw: &str) -> Option<CompactString> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = match chars.next()? {
            '\\' => '\\',
            '"' => '"',
            '/' => '/',
            ' ' => ' ',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'e' => '\u{1b}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            'N' => '\u{85}',
            '_' => '\u{a0}',
            'L' => '\u{2028}',
            'P' => '\u{2029}',
            x @ ('x' | 'u' | 'U') => {
                let len = match x {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.by_ref().take(len).collect();
                if hex.len() != len || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
            }
            _ => return None,
        };
        out.push(e);
    }
    Some(out.into())
}
