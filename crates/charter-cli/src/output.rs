//! Where output goes, and how it looks.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU8, Ordering};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use charter_diagnostics::{human, Counts, Diagnostic};

use crate::Color;

static COLOR: AtomicU8 = AtomicU8::new(0);

pub fn set_color(c: Color) {
    COLOR.store(c as u8, Ordering::Relaxed);
}

fn stderr_choice() -> ColorChoice {
    match COLOR.load(Ordering::Relaxed) {
        x if x == Color::Always as u8 => ColorChoice::Always,
        x if x == Color::Never as u8 => ColorChoice::Never,
        _ if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() => {
            ColorChoice::Auto
        }
        _ => ColorChoice::Never,
    }
}

/// Prints diagnostics for people on stderr, with snippets read from the files.
pub fn diagnostics(diags: &[Diagnostic]) {
    let mut err = StandardStream::stderr(stderr_choice());
    let read = |path: &str| {
        std::fs::read(path).ok().map(|b| {
            // Positions are relative to the text after its byte-order mark (`parse::decode`).
            let text = String::from_utf8_lossy(&b);
            text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()
        })
    };
    let _ = human::render(&mut err, diags, &read);
}

pub fn summary(files: usize, contracts: usize, diags: &[Diagnostic]) {
    let c = Counts::of(diags);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    eprintln!(
        "{}, {}: {}, {}",
        plural(files, "file", "files"),
        plural(contracts, "contract", "contracts"),
        plural(c.errors, "error", "errors"),
        plural(c.warnings, "warning", "warnings"),
    );
}

pub fn error(message: &str) {
    eprintln!("error: {message}");
}
