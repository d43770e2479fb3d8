//! One diagnostic type for every Charter check (validation, lint, breaking changes), and the
//! renderers that turn a list of them into text for people or JSON for machines.

pub mod human;
pub mod json;

use charter_model::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A place in a file, with what to say about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Path as shown to the user (relative to where Charter runs when possible).
    pub file: String,
    pub span: Span,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub message: String,
}

impl Label {
    pub fn new(file: impl Into<String>, span: Span, message: impl Into<String>) -> Label {
        Label {
            file: file.into(),
            span,
            message: message.into(),
        }
    }
}

/// What is wrong (message), where (primary label), how to fix it (help).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable rule identifier, e.g. `meta-key-format`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub help: Option<String>,
    pub note: Option<String>,
    /// The source at this place must not be printed (it holds what looks like a secret).
    pub hide_source: bool,
}

impl Diagnostic {
    pub fn new(
        code: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
        primary: Label,
    ) -> Diagnostic {
        Diagnostic {
            code: code.into(),
            severity,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            help: None,
            note: None,
            hide_source: false,
        }
    }
    pub fn error(
        code: impl Into<String>,
        message: impl Into<String>,
        file: &str,
        span: Span,
    ) -> Diagnostic {
        Diagnostic::new(code, Severity::Error, message, Label::new(file, span, ""))
    }
    pub fn warning(
        code: impl Into<String>,
        message: impl Into<String>,
        file: &str,
        span: Span,
    ) -> Diagnostic {
        Diagnostic::new(code, Severity::Warning, message, Label::new(file, span, ""))
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.note = Some(note.into());
        self
    }
    pub fn with_label(mut self, message: impl Into<String>) -> Diagnostic {
        self.primary.message = message.into();
        self
    }
    /// Renders without a source snippet, so that a secret found there is not echoed.
    pub fn hiding_source(mut self) -> Diagnostic {
        self.hide_source = true;
        self
    }
    pub fn with_secondary(mut self, label: Label) -> Diagnostic {
        self.secondary.push(label);
        self
    }

    /// Order for reports: by file, then position, then code.
    pub fn sort_key(&self) -> (&str, u32, u32, &str) {
        (
            &self.primary.file,
            self.primary.span.line,
            self.primary.span.col,
            &self.code,
        )
    }
}

/// Sorts diagnostics into report order and removes exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
    diags.dedup();
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of(diags: &[Diagnostic]) -> Counts {
        let mut c = Counts::default();
        for d in diags {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}
