use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use charter_diagnostics::Counts;
use charter_gen::Drift;

pub fn run(
    workspace: &Path,
    surfaces: &[String],
    out: Option<&Path>,
    check: bool,
    locale: Option<String>,
) -> anyhow::Result<ExitCode> {
    let timings = std::env::var_os("CHARTER_TIMINGS").is_some();
    let started = std::time::Instant::now();
    let ws = match super::load(&[workspace.to_path_buf()])? {
        Ok(ws) => ws,
        Err(code) => return Ok(code),
    };
    if Counts::of(&ws.diagnostics).errors > 0 {
        crate::output::diagnostics(&ws.diagnostics);
        eprintln!("error: the workspace has validation errors; fix them before generating");
        return Ok(ExitCode::from(1));
    }
    // Surfaces named on the command line must exist; surfaces from charter.toml that this
    // build does not produce are skipped.
    let known: Vec<String> = if surfaces.is_empty() {
        ws.config
            .generate
            .surfaces
            .iter()
            .filter(|s| charter_gen::SURFACES.contains(&s.as_str()))
            .cloned()
            .collect()
    } else {
        surfaces.to_vec()
    };
    let opts = charter_gen::Options {
        locale: locale.unwrap_or_else(|| ws.config.generate.locale.clone()),
    };
    let loaded = started.elapsed();
    let files = charter_gen::generate(&ws, &known, &opts)?;
    let generated = started.elapsed() - loaded;
    if timings {
        eprintln!(
            "timings: load+validate {} ms, generate {} ms",
            loaded.as_millis(),
            generated.as_millis()
        );
    }
    let out_dir = match out {
        Some(o) => o.to_path_buf(),
        None => ws.root.join(&ws.config.generate.out),
    };
    if check {
        let drift = charter_gen::check(&out_dir, &files)
            .with_context(|| format!("cannot read {}", out_dir.display()))?;
        if drift.is_empty() {
            eprintln!(
                "{} generated files are up to date in {}",
                files.len(),
                out_dir.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        for d in &drift {
            match d {
                Drift::Missing(p) => eprintln!("missing:   {p}"),
                Drift::Extra(p) => eprintln!("extra:     {p}"),
                Drift::Different(p, diff) => {
                    eprintln!("different: {p}");
                    for line in diff.lines() {
                        eprintln!("    {line}");
                    }
                }
            }
        }
        eprintln!(
            "error: {} generated file(s) out of date in {}; run `charter generate` to update them",
            drift.len(),
            out_dir.display()
        );
        return Ok(ExitCode::from(1));
    }
    let written = charter_gen::write(&out_dir, &files)
        .with_context(|| format!("cannot write to {}", out_dir.display()))?;
    eprintln!(
        "{} files generated in {} ({} changed)",
        files.len(),
        out_dir.display(),
        written
    );
    Ok(ExitCode::SUCCESS)
}
