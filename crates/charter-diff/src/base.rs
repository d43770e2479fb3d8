//! Getting the base workspace: a folder, or a git ref extracted to a temporary folder
//! without touching the work tree.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug, thiserror::Error)]
pub enum BaseError {
    #[error("cannot run git: {0}")]
    GitMissing(std::io::Error),
    #[error("`{what}` failed: {stderr}")]
    Git { what: String, stderr: String },
    #[error("cannot create a temporary folder: {0}")]
    Temp(std::io::Error),
    #[error("cannot extract `{reference}`: {message}")]
    Extract { reference: String, message: String },
}

/// The base workspace folder, and the temporary folder that holds it (kept alive by the
/// caller while the base is in use).
pub struct Base {
    pub root: PathBuf,
    pub temp: Option<tempfile::TempDir>,
    /// What `--base` named, for messages.
    pub label: String,
}

fn git(dir: &Path, args: &[&str]) -> Result<String, BaseError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(BaseError::GitMissing)?;
    if !out.status.success() {
        return Err(BaseError::Git {
            what: format!("git {}", args.join(" ")),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .trim_end_matches('\n')
        .to_string())
}

/// Resolves `--base`: an existing folder is used as is; anything else is a git ref of the
/// repository that holds `head` (the workspace folder), extracted with `git archive`.
pub fn resolve(base: &str, head: &Path) -> Result<Base, BaseError> {
    let as_dir = Path::new(base);
    if as_dir.is_dir() {
        return Ok(Base {
            root: as_dir.to_path_buf(),
            temp: None,
            label: base.to_string(),
        });
    }
    let head_dir = if head.is_file() {
        head.parent().unwrap_or(Path::new(".")).to_path_buf()
    } else {
        head.to_path_buf()
    };
    let head_dir = if head_dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        head_dir
    };
    let top = PathBuf::from(git(&head_dir, &["rev-parse", "--show-toplevel"])?);
    let prefix = git(&head_dir, &["rev-parse", "--show-prefix"])?;
    let commit = git(
        &top,
        &["rev-parse", "--verify", &format!("{base}^{{commit}}")],
    )?;
    let temp = tempfile::Builder::new()
        .prefix("charter-base-")
        .tempdir()
        .map_err(BaseError::Temp)?;
    let mut archive = Command::new("git");
    archive
        .arg("-C")
        .arg(&top)
        .args(["archive", "--format=tar", &commit]);
    if !prefix.is_empty() {
        archive.arg("--").arg(&prefix);
    }
    let mut child = archive
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(BaseError::GitMissing)?;
    let stdout = child.stdout.take().ok_or_else(|| BaseError::Extract {
        reference: base.into(),
        message: "no output from git archive".into(),
    })?;
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(temp.path())
        .stdin(stdout)
        .output()
        .map_err(|e| BaseError::Extract {
            reference: base.into(),
            message: format!("cannot run tar: {e}"),
        })?;
    let git_out = child.wait_with_output().map_err(BaseError::GitMissing)?;
    if !git_out.status.success() {
        return Err(BaseError::Git {
            what: format!("git archive {commit}"),
            stderr: String::from_utf8_lossy(&git_out.stderr).trim().to_string(),
        });
    }
    if !tar.status.success() {
        return Err(BaseError::Extract {
            reference: base.into(),
            message: String::from_utf8_lossy(&tar.stderr).trim().to_string(),
        });
    }
    let root = temp.path().join(prefix.trim_end_matches('/'));
    std::fs::create_dir_all(&root).map_err(BaseError::Temp)?;
    Ok(Base {
        root,
        temp: Some(temp),
        label: base.to_string(),
    })
}
