//! `charter`: one thin command per verb, calling the library crates.

mod cmd;
mod output;

// Loading a workspace allocates many small values on every core; mimalloc is much faster
// than the system allocator at that. It is built with `no_thp`: with transparent huge pages,
// mimalloc 3 purges 64 KiB pieces of 2 MiB pages that the kernel then faults back in whole,
// and `charter generate` on 10k contracts zeroed about 16 GB of pages (8,300 huge-page faults)
// and spent a third of its CPU time there.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Charter: spec-first contracts for APIs, events and integrations.
#[derive(Parser)]
#[command(
    name = "charter",
    version,
    about = "Charter: spec-first contracts for APIs, events and integrations",
    long_about = None
)]
struct Cli {
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    color: Color,
    #[command(subcommand)]
    command: Command,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source snippets for people.
    Human,
    /// One `file:line:col: severity[code]: message` line per problem.
    Short,
    /// The `charter.report/v1` JSON document (docs/json-report.md).
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check contract files: structure, references, schemas, examples, secrets.
    Validate {
        /// Files or folders (default: the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Run the lint rules (style and governance advice) on contract files.
    Lint {
        /// Files or folders (default: the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Compare contracts with a base (git ref or folder) and classify every change.
    Diff {
        /// Workspace folder.
        path: Option<PathBuf>,
        /// Base: a git ref (branch, tag, commit) or a folder.
        #[arg(long)]
        base: String,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also gate contracts that were below `stable` in the base.
        #[arg(long)]
        include_unstable: bool,
    },
    /// The pull-request gate: validation, lint, breaking changes (with --base), drift.
    Ci {
        /// Workspace folder.
        path: Option<PathBuf>,
        /// Base for breaking changes: a git ref or a folder.
        #[arg(long)]
        base: Option<String>,
        #[arg(long, value_enum, default_value_t = cmd::ci::CiFormat::Text)]
        format: cmd::ci::CiFormat,
        /// What fails the gate.
        #[arg(long, value_enum, default_value_t = cmd::ci::CiFailOn::Errors)]
        fail_on: cmd::ci::CiFailOn,
        /// Also gate contracts that were below `stable` in the base.
        #[arg(long)]
        include_unstable: bool,
    },
    /// List the lint rules with their default levels.
    Rules {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the documentation of one lint rule.
    Rule { id: String },
    /// List the contracts of the workspace.
    List {
        /// Files or folders (default: the current folder).
        paths: Vec<PathBuf>,
        /// Only this kind (integration, operation, event, capability, feature).
        #[arg(long)]
        kind: Option<String>,
        /// Only contracts with this owner.
        #[arg(long)]
        owner: Option<String>,
        /// Only contracts with this tag.
        #[arg(long)]
        tag: Option<String>,
        /// Only this stability (idea, in_creation, experimental, beta, stable, deprecated).
        #[arg(long)]
        stability: Option<String>,
        /// Only integrations of this category.
        #[arg(long)]
        category: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Workspace folder; PATHS are relative to it (as for `show` and `generate`).
        #[arg(long, short = 'C')]
        workspace: Option<PathBuf>,
    },
    /// Show one contract: KEY or KEY@VERSION.
    Show {
        /// The contract: `payments.stripe` or `payments.stripe@1.0.0`.
        reference: String,
        /// Workspace folder.
        #[arg(long, short = 'C', default_value = ".")]
        workspace: PathBuf,
        /// Print the contract as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Start a workspace: a charter.toml and one example contract.
    Init {
        /// Folder to initialise.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Generate surfaces (docs…) from the contracts.
    Generate {
        /// Surfaces to generate (default: those in charter.toml).
        surfaces: Vec<String>,
        /// Workspace folder.
        #[arg(long, short = 'C', default_value = ".")]
        workspace: PathBuf,
        /// Output folder (default: `generate.out` from charter.toml, relative to the workspace).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Change nothing; exit 1 when generated files are missing, extra or different.
        #[arg(long)]
        check: bool,
        /// Language of the HTML docs labels: en, fr (default: `generate.locale` from
        /// charter.toml, else en).
        #[arg(long)]
        locale: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    output::set_color(cli.color);
    let result = match cli.command {
        Command::Validate { paths, format } => cmd::validate::run(&paths, format),
        Command::Lint { paths, format } => cmd::lint::run(&paths, format),
        Command::Diff {
            path,
            base,
            format,
            include_unstable,
        } => cmd::diff::run(
            &cmd::diff::path_or_dot(path),
            &base,
            format,
            include_unstable,
        ),
        Command::Ci {
            path,
            base,
            format,
            fail_on,
            include_unstable,
        } => cmd::ci::ci(
            &cmd::diff::path_or_dot(path),
            base.as_deref(),
            format,
            fail_on,
            include_unstable,
        ),
        Command::Rules { json } => cmd::lint::list(json),
        Command::Rule { id } => cmd::lint::show(&id),
        Command::List {
            paths,
            kind,
            owner,
            tag,
            stability,
            category,
            json,
            workspace,
        } => cmd::list::run(
            &match workspace {
                Some(dir) if paths.is_empty() => vec![dir],
                Some(dir) => paths.iter().map(|p| dir.join(p)).collect(),
                None => paths,
            },
            &cmd::list::Filters {
                kind,
                owner,
                tag,
                stability,
                category,
            },
            json,
        ),
        Command::Show {
            reference,
            workspace,
            json,
        } => cmd::show::run(&reference, &workspace, json),
        Command::Init { dir } => cmd::init::run(&dir),
        Command::Generate {
            surfaces,
            workspace,
            out,
            check,
            locale,
        } => cmd::generate::run(&workspace, &surfaces, out.as_deref(), check, locale),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`charter list --json | head`): nothing is
        // wrong, and nobody is left to read an error.
        Err(e)
            if e.chain().any(|c| {
                let kind = c
                    .downcast_ref::<std::io::Error>()
                    .map(std::io::Error::kind)
                    .or_else(|| c.downcast_ref::<serde_json::Error>()?.io_error_kind());
                kind == Some(std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            output::error(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}
