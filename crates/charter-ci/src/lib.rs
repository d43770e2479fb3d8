//! `charter ci`: one gate for pull requests.
//!
//! One load of the workspace runs validation and lint rules together; with a base, the
//! breaking-change diff runs against it; when the generated output folder exists, the
//! generated surfaces are compared with it (drift). The outcome is one [`CiRun`], rendered
//! as JSON ([`json`], schema `charter.ci/v1`, docs/ci-report.md), SARIF 2.1.0 ([`sarif`]) or
//! Markdown ([`markdown`]).

pub mod json;
pub mod markdown;
pub mod sarif;

use std::path::{Path, PathBuf};

use charter_diagnostics::{Counts, Diagnostic, Label, Severity};
use charter_diff::{Class, Options, Report};
use charter_model::Span;
use charter_workspace::{load::display_path, load::OpenError, Workspace};

/// The rule ID of a generated file that differs from what the contracts generate.
pub const DRIFT_RULE: &str = "generated-drift";

/// When the gate fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Any error (validation, lint at `error`, missing version bump, drift).
    Errors,
    /// Any error or warning.
    Warnings,
    /// Any error, or any breaking change (even with a version bump).
    Breaking,
    /// Never (report only).
    Never,
}

impl FailOn {
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Errors => "errors",
            FailOn::Warnings => "warnings",
            FailOn::Breaking => "breaking",
            FailOn::Never => "never",
        }
    }
}

/// Where a diagnostic comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Validation,
    Lint,
    Diff,
    Generate,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Validation => "validation",
            Source::Lint => "lint",
            Source::Diff => "diff",
            Source::Generate => "generate",
        }
    }
}

#[derive(Debug, Clone)]
pub struct CiOptions {
    pub path: PathBuf,
    pub base: Option<String>,
    pub fail_on: FailOn,
    pub include_unstable: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CiError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error("cannot read the base `{base}`")]
    Base {
        base: String,
        #[source]
        source: charter_diff::base::BaseError,
    },
    #[error("cannot load the base `{base}`")]
    BaseOpen {
        base: String,
        #[source]
        source: OpenError,
    },
    #[error("cannot generate surfaces: {0}")]
    Generate(#[from] charter_gen::GenError),
    #[error("cannot read {path}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The outcome of one `charter ci` run.
#[derive(Debug)]
pub struct CiRun {
    pub files: usize,
    pub contracts: usize,
    /// Every problem, in report order, with its source.
    pub diagnostics: Vec<(Source, Diagnostic)>,
    /// With a base: the classified changes.
    pub diff: Option<Report>,
    pub base: Option<String>,
    /// Surfaces compared with the output folder (empty when it does not exist).
    pub drift_checked: Vec<String>,
    pub fail_on: FailOn,
}

impl CiRun {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for (_, d) in &self.diagnostics {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
    pub fn breaking(&self) -> usize {
        self.diff
            .as_ref()
            .map(|r| r.count(Class::Breaking))
            .unwrap_or(0)
    }
    pub fn passed(&self) -> bool {
        let c = self.counts();
        match self.fail_on {
            FailOn::Never => true,
            FailOn::Errors => c.errors == 0,
            FailOn::Warnings => c.errors == 0 && c.warnings == 0,
            FailOn::Breaking => c.errors == 0 && self.breaking() == 0,
        }
    }
}

fn source_of(code: &str) -> Source {
    if charter_lint::find(code).is_some() {
        Source::Lint
    } else {
        Source::Validation
    }
}

/// Runs the gate. Errors are usage and I/O failures (exit 2); a broken `charter.toml` is
/// reported as a diagnostic.
pub fn run(opts: &CiOptions) -> Result<CiRun, CiError> {
    let timings = std::env::var_os("CHARTER_TIMINGS").is_some();
    let started = std::time::Instant::now();
    let phase = |name: &str| {
        if timings {
            eprintln!(
                "timing: {name} at {:.0} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    };
    let check = |ctx: &charter_workspace::DocContext<'_>| {
        let mut v = charter_check::check_document(ctx);
        v.extend(charter_lint::check_document(ctx));
        v
    };
    let mut ws = match Workspace::open(
        std::slice::from_ref(&opts.path),
        &check,
        charter_workspace::Retain::Full,
    ) {
        Ok(ws) => ws,
        Err(OpenError::Config(d)) => {
            return Ok(CiRun {
                files: 0,
                contracts: 0,
                diagnostics: vec![(Source::Validation, *d)],
                diff: None,
                base: opts.base.clone(),
                drift_checked: Vec::new(),
                fail_on: opts.fail_on,
            })
        }
        Err(e) => return Err(e.into()),
    };
    phase("loaded, validated and linted documents");
    let mut more = charter_check::check_workspace(&ws);
    more.extend(charter_lint::check_workspace(&ws));
    ws.diagnostics.extend(more);
    charter_check::apply_levels(&mut ws);
    let mut diagnostics: Vec<(Source, Diagnostic)> = ws
        .diagnostics
        .iter()
        .map(|d| (source_of(&d.code), d.clone()))
        .collect();

    phase("workspace rules");
    let diff = match &opts.base {
        Some(b) => {
            let base =
                charter_diff::base::resolve(b, &opts.path).map_err(|source| CiError::Base {
                    base: b.clone(),
                    source,
                })?;
            let bw = charter_diff::load_changed(&base.root, &ws).map_err(|source| {
                CiError::BaseOpen {
                    base: b.clone(),
                    source,
                }
            })?;
            let report = charter_diff::diff_changed(
                &bw,
                &ws,
                &Options {
                    include_unstable: opts.include_unstable,
                },
            );
            diagnostics.extend(
                report
                    .diagnostics()
                    .into_iter()
                    .filter(|d| d.severity != Severity::Info)
                    .map(|d| (Source::Diff, d)),
            );
            Some(report)
        }
        None => None,
    };

    phase("diff");
    let validation_errors = diagnostics
        .iter()
        .any(|(s, d)| *s == Source::Validation && d.severity == Severity::Error);
    let mut drift_checked = Vec::new();
    let out_dir = ws.root.join(&ws.config.generate.out);
    if out_dir.is_dir() && !validation_errors {
        let surfaces: Vec<String> = ws
            .config
            .generate
            .surfaces
            .iter()
            .filter(|s| charter_gen::SURFACES.contains(&s.as_str()))
            .cloned()
            .collect();
        let gen_opts = charter_gen::Options {
            locale: ws.config.generate.locale.clone(),
        };
        let checker = charter_gen::Checker::new(&out_dir, &surfaces);
        let io_error = |source| CiError::Io {
            path: display_path(&out_dir),
            source,
        };
        match charter_gen::generate_into(&ws, &surfaces, &gen_opts, &checker) {
            Err(charter_gen::GenError::Io(e)) => return Err(io_error(e)),
            other => other?,
        }
        let (_, drift) = checker.finish().map_err(io_error)?;
        diagnostics.extend(
            drift
                .iter()
                .map(|d| (Source::Generate, drift_diagnostic(&out_dir, d))),
        );
        drift_checked = surfaces;
    }
    phase("drift");
    diagnostics.sort_by(|(_, a), (_, b)| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
    diagnostics.dedup_by(|a, b| a.1 == b.1);
    Ok(CiRun {
        files: ws.files.len(),
        contracts: ws.contracts.len(),
        diagnostics,
        diff,
        base: opts.base.clone(),
        drift_checked,
        fail_on: opts.fail_on,
    })
}

fn drift_diagnostic(out: &Path, d: &charter_gen::Drift) -> Diagnostic {
    let (rel, message) = match d {
        charter_gen::Drift::Missing(p) => (p, format!("generated file `{p}` is missing")),
        charter_gen::Drift::Extra(p) => (p, format!("`{p}` is not generated from the contracts")),
        charter_gen::Drift::Different(p, _) => (p, format!("generated file `{p}` is out of date")),
    };
    let file = display_path(&out.join(rel));
    let mut diag = Diagnostic::new(
        DRIFT_RULE,
        Severity::Error,
        message,
        Label::new(file, Span::new(0, 0, 1, 1), ""),
    )
    .with_help("run `charter generate` and commit the result");
    if let charter_gen::Drift::Different(_, excerpt) = d {
        diag = diag.with_note(excerpt.trim_end().to_string());
    }
    diag
}

/// A one-line description of a rule ID, from whichever registry holds it.
pub fn rule_summary(code: &str) -> Option<String> {
    if let Some(r) = charter_lint::find(code) {
        return Some(r.what.to_string());
    }
    if let Some(r) = charter_check::rules::find(code) {
        return Some(r.summary.to_string());
    }
    if let Some(r) = charter_diff::rules::find(code) {
        return Some(r.summary.to_string());
    }
    match code {
        charter_diff::BUMP_RULE => {
            Some("A breaking change needs a major version bump (minor for 0.x).".into())
        }
        DRIFT_RULE => Some("Generated files differ from what the contracts generate.".into()),
        _ => None,
    }
}
