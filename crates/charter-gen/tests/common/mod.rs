#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

use charter_gen::GeneratedFile;
use charter_workspace::Workspace;

pub fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The example workspace, loaded without checks (it is validated by the CLI tests).
pub fn examples() -> Workspace {
    let ws = Workspace::open(
        &[examples_dir()],
        &|_| vec![],
        charter_workspace::Retain::Full,
    )
    .expect("examples load");
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    ws
}

pub fn generate(ws: &Workspace, surface: &str) -> Vec<GeneratedFile> {
    charter_gen::generate(ws, &[surface.to_string()], &Default::default()).unwrap()
}

pub fn file<'a>(files: &'a [GeneratedFile], path: &str) -> &'a GeneratedFile {
    files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path} among {:?}", paths(files)))
}

pub fn paths(files: &[GeneratedFile]) -> Vec<&str> {
    files.iter().map(|f| f.path.as_str()).collect()
}

/// Whether an external tool runs (`cmd --version`-style probe). When it does not, the test
/// is skipped with a notice, except under CI, where the tool must be installed.
pub fn tool_available(name: &str, probe: &mut Command) -> bool {
    let ok = probe.output().map(|o| o.status.success()).unwrap_or(false);
    if !ok {
        if std::env::var_os("CI").is_some() {
            panic!("{name} is required when CI is set (see .ci/run)");
        }
        eprintln!("SKIPPED: {name} is not installed; see .ci/run for how to install it");
    }
    ok
}
