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
    let cpu0 = cpu_ms();
    let ws = match super::load(&[workspace.to_path_buf()])? {
        // Never freed: the process ends after this command, and the OS takes the memory
        // back at once instead of value by value (~0.1 s for 10k contracts).
        Ok(ws) => std::mem::ManuallyDrop::new(ws),
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
    let out_dir = match out {
        Some(o) => o.to_path_buf(),
        None => ws.root.join(&ws.config.generate.out),
    };
    let loaded = started.elapsed();
    let cpu1 = cpu_ms();
    let report_timings = |what: &str| {
        if timings {
            eprintln!(
                "timings: load+validate {} ms, {what} {} ms; cpu load+validate {} ms, {what} {} ms",
                loaded.as_millis(),
                (started.elapsed() - loaded).as_millis(),
                cpu1.saturating_sub(cpu0),
                cpu_ms().saturating_sub(cpu1)
            );
        }
    };
    if check {
        // Files are compared as they are generated; nothing is written.
        let checker = charter_gen::Checker::new(&out_dir);
        generate_into(&ws, &known, &opts, &checker, "cannot read", &out_dir)?;
        let (count, drift) = checker
            .finish()
            .with_context(|| format!("cannot read {}", out_dir.display()))?;
        report_timings("generate+check");
        if drift.is_empty() {
            eprintln!(
                "{count} generated files are up to date in {}",
                out_dir.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        for d in &drift {
            match d {
                Drift::Missing(p) => eprintln!("missing:   {p}"),
                Drift::Extra(p) => eprintln!(
                    "extra:     {p} (not generated from the contracts: delete it, or move it out of the output folder)"
                ),
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
    // Files are written as they are generated, so the output is never all in memory.
    let writer = charter_gen::Writer::new(&out_dir);
    generate_into(&ws, &known, &opts, &writer, "cannot write to", &out_dir)?;
    let (count, written) = writer
        .finish()
        .with_context(|| format!("cannot write to {}", out_dir.display()))?;
    report_timings("generate+write");
    eprintln!(
        "{count} files generated in {} ({written} changed)",
        out_dir.display(),
    );
    Ok(ExitCode::SUCCESS)
}

/// [`charter_gen::generate_into`], with the output folder named in I/O errors (an unknown
/// surface or locale is reported as it is).
fn generate_into(
    ws: &charter_workspace::Workspace,
    surfaces: &[String],
    opts: &charter_gen::Options,
    sink: &dyn charter_gen::Sink,
    doing: &str,
    out_dir: &Path,
) -> anyhow::Result<()> {
    match charter_gen::generate_into(ws, surfaces, opts, sink) {
        Err(charter_gen::GenError::Io(e)) => {
            Err(anyhow::Error::new(e).context(format!("{doing} {}", out_dir.display())))
        }
        other => Ok(other?),
    }
}

/// CPU time (user + system, all threads) of this process so far, from /proc (Linux; 0
/// elsewhere). Only for CHARTER_TIMINGS.
fn cpu_ms() -> u64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0;
    };
    // Fields after the `(comm)`: state is field 3; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<u64>().ok())
        .sum();
    ticks * 10 // USER_HZ is 100 on Linux
}
