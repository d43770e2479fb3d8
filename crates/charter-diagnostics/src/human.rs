//! Text for people: a source snippet with a caret under the offending node, the help line,
//! and colour when the output is a terminal.

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
            *ids.entry(file.to_string())
                .or_insert_with(|| source(file).map(|text| files.add(file.to_string(), text)))
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
        .with_message(d.primary.message.clone())];
        for (id, l) in secondary {
            if let Some(id) = id {
                labels.push(
                    cs::Label::secondary(id, clamp(&files, id, l.span.range()))
                        .with_message(l.message.clone()),
                );
            }
        }
        let mut notes = Vec::new();
        if let Some(h) = &d.help {
            notes.push(format!("help: {h}"));
        }
        if let Some(n) = &d.note {
            notes.push(format!("note: {n}"));
        }
        let diag = cs::Diagnostic::new(severity(d.severity))
            .with_code(d.code.clone())
            .with_message(d.message.clone())
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
        d.message,
        d.primary.file,
        d.primary.span.line,
        d.primary.span.col
    )?;
    if let Some(h) = &d.help {
        writeln!(out, "  = help: {h}")?;
    }
    writeln!(out)
}

/// `path:line:col: severity[code]: message` lines (for grep and editors).
pub fn short(out: &mut dyn Write, diags: &[Diagnostic]) -> std::io::Result<()> {
    for d in diags {
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            d.primary.file,
            d.primary.span.line,
            d.primary.span.col,
            d.severity.as_str(),
            d.code,
            d.message
        )?;
    }
    Ok(())
}
