//! Text for people: a source snippet with a caret under the offending node, the help line,
//! and colour when the output is a terminal.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};

use crate::{Diagnostic, Severity};

/// Renders every diagnostic. `source` gives the text of a file by its display path
/// (a file that cannot be read is rendered without a snippet).
pub fn render(
    out: &mut dyn WriteColor,
    diags: &[Diagnostic],
    source: &dyn Fn(&str) -> Option<String>,
) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<String, Option<usize>> = HashMap::new();
    let config = term::Config::default();
    for d in diags {
        let mut id_of = |file: &str| -> Option<usize> {
            *ids.entry(file.to_string()).or_insert_with(|| {
                source(file)
                    .map(|text| files.add(printable(file).into_owned(), printable_source(text)))
            })
        };
        let primary = id_of(&d.primary.file);
        let secondary: Vec<_> = d.secondary.iter().map(|l| (id_of(&l.file), l)).collect();
        let Some(primary_id) = primary.filter(|_| !d.hide_source) else {
            plain(out, d)?;
            continue;
        };
        let mut labels = vec![cs::Label::primary(
            primary_id,
            clamp(&files, primary_id, d.primary.span.range()),
        )
        .with_message(printable(&d.primary.message))];
        for (id, l) in secondary {
            if let Some(id) = id {
                labels.push(
                    cs::Label::secondary(id, clamp(&files, id, l.span.range()))
                        .with_message(printable(&l.message)),
                );
            }
        }
        let mut notes = Vec::new();
        if let Some(h) = &d.help {
            notes.push(format!("help: {}", printable(h)));
        }
        if let Some(n) = &d.note {
            notes.push(format!("note: {}", printable(n)));
        }
        let diag = cs::Diagnostic::new(severity(d.severity))
            .with_code(d.code.clone())
            .with_message(printable(&d.message))
            .with_labels(labels)
            .with_notes(notes);
        if term::emit_to_write_style(out, &config, &files, &diag).is_err() {
            plain(out, d)?;
        }
    }
    Ok(())
}

/// A snippet needs a non-empty range inside the text; an empty span is widened to one char.
fn clamp(
    files: &SimpleFiles<String, String>,
    id: usize,
    r: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let text = files.get(id).map(|f| f.source().as_str()).unwrap_or("");
    let len = text.len();
    let start = floor_char(text, r.start.min(len));
    let mut end = floor_char(text, r.end.min(len)).max(start);
    if end == start && end < len {
        end = text[start..]
            .chars()
            .next()
            .map(|c| start + c.len_utf8())
            .unwrap_or(start);
    }
    // Keep a multi-line value to its first line so the caret stays readable.
    if let Some(nl) = text[start..end].find('\n') {
        if nl > 0 {
            end = start + nl;
        }
    }
    start..end
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn severity(s: Severity) -> cs::Severity {
    match s {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    }
}

/// One line per diagnostic, for when the source is not at hand.
fn plain(out: &mut dyn WriteColor, d: &Diagnostic) -> std::io::Result<()> {
    writeln!(
        out,
        "{}[{}]: {}\n  --> {}:{}:{}",
        d.severity.as_str(),
        d.code,
        printable(&d.message),
        printable(&d.primary.file),
        d.primary.span.line,
        d.primary.span.col
    )?;
    if let Some(h) = &d.help {
        writeln!(out, "  = help: {}", printable(h))?;
    }
    writeln!(out)
}

/// `path:line:col: severity[code]: message` lines (for grep and editors).
pub fn short(out: &mut dyn Write, diags: &[Diagnostic]) -> std::io::Result<()> {
    for d in diags {
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            printable(&d.primary.file),
            d.primary.span.line,
            d.primary.span.col,
            d.severity.as_str(),
            d.code,
            printable(&d.message)
        )?;
    }
    Ok(())
}

/// Text from the user's files (a key, a value, a path) as it may reach a terminal: control
/// characters other than line breaks and tabs are written escaped (`\u{1b}`), so a contract
/// file cannot move the cursor, change colours or retitle the window of whoever validates it.
fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_unprintable(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// A file's text for a snippet: each unprintable character becomes `?` repeated to its length
/// in bytes, so that every span still points at the same place.
fn printable_source(text: String) -> String {
    if !text.chars().any(is_unprintable) {
        return text;
    }
    text.chars()
        .map(|c| {
            if is_unprintable(c) {
                "?".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn is_unprintable(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;
    use charter_model::Span;

    #[test]
    fn control_characters_from_a_file_never_reach_the_terminal() {
        let text = "kind: op\u{1b}[31mRED\u{1b}[0m\u{9b}2J\nmeta: {}\n";
        let d = Diagnostic::error(
            "unknown-field",
            "unknown field `op\u{1b}[31m`",
            "bad\u{7}.yaml",
            Span::new(6, 8, 1, 7),
        )
        .with_help("remove `\u{1b}]0;title\u{7}`");
        let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        render(&mut out, std::slice::from_ref(&d), &|_| {
            Some(text.to_string())
        })
        .unwrap();
        let rendered = String::from_utf8(out.into_inner()).unwrap();
        assert!(!rendered.chars().any(is_unprintable), "{rendered:?}");
        assert!(
            rendered.contains("unknown field `op\\u{1b}[31m`"),
            "{rendered}"
        );
        assert!(rendered.contains("kind: op?[31mRED?[0m??2J"), "{rendered}");
        assert!(
            rendered.contains("help: remove `\\u{1b}]0;title\\u{7}`"),
            "{rendered}"
        );
        let mut short_out = Vec::new();
        short(&mut short_out, &[d]).unwrap();
        assert_eq!(
            String::from_utf8(short_out).unwrap(),
            "bad\\u{7}.yaml:1:7: error[unknown-field]: unknown field `op\\u{1b}[31m`\n"
        );
    }
}
