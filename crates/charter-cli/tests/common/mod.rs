//! Helpers shared by the CLI tests: run the `charter` binary, build temporary workspaces.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_charter");

/// The repository's `examples/` folder.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The seed contract's text (examples/contracts/integrations/payments.stripe.yaml).
pub fn seed() -> String {
    std::fs::read_to_string(examples().join("contracts/integrations/payments.stripe.yaml"))
        .expect("seed contract")
}

/// The seed with `old` (which must occur exactly once) replaced by `new`.
pub fn seed_with(old: &str, new: &str) -> String {
    let seed = seed();
    assert_eq!(
        seed.matches(old).count(),
        1,
        "`{old}` must occur exactly once in the seed"
    );
    seed.replacen(old, new, 1)
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().expect("exit code (no signal)"),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Runs `charter ARGS` in `cwd`, without colour.
pub fn charter(cwd: &Path, args: &[&str]) -> Run {
    Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run charter")
        .into()
}

/// A temporary workspace folder.
pub struct Ws {
    pub dir: tempfile::TempDir,
}

impl Ws {
    pub fn new() -> Ws {
        Ws {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    /// Writes a file (creating folders) and returns `self` for chaining.
    pub fn file(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Ws {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, contents).expect("write");
        self
    }
    pub fn run(&self, args: &[&str]) -> Run {
        charter(self.path(), args)
    }
    /// `charter validate . --format json`: exit code and the parsed report.
    pub fn validate_json(&self) -> (i32, serde_json::Value) {
        let r = self.run(&["validate", ".", "--format", "json"]);
        let report: serde_json::Value = serde_json::from_str(&r.stdout)
            .unwrap_or_else(|e| panic!("JSON report ({e}): {}\nstderr: {}", r.stdout, r.stderr));
        (r.code, report)
    }
}

/// One diagnostic as (code, severity, file, line, column, message).
pub type Diag = (String, String, String, u64, u64, String);

pub fn diags(report: &serde_json::Value) -> Vec<Diag> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().expect("code").to_string(),
                d["severity"].as_str().expect("severity").to_string(),
                d["file"].as_str().expect("file").to_string(),
                d["line"].as_u64().expect("line"),
                d["column"].as_u64().expect("column"),
                d["message"].as_str().expect("message").to_string(),
            )
        })
        .collect()
}

pub fn diag(code: &str, severity: &str, file: &str, line: u64, col: u64, message: &str) -> Diag {
    (
        code.to_string(),
        severity.to_string(),
        file.to_string(),
        line,
        col,
        message.to_string(),
    )
}
