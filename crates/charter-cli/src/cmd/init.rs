use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};

const CONFIG: &str = r#"# Charter workspace settings. Every key is optional.
[workspace]
contracts = ["contracts"]                      # folders scanned for contract files
external-capabilities = []                     # capabilities provided outside this workspace

[generate]
out = "generated"
surfaces = ["docs"]

[rules]
# "rule-id" = "off" | "warn" | "error"
"#;

const EXAMPLE: &str = r#"kind: operation
meta:
  key: hello.greeting.create
  version: 1.0.0
  title: Greet someone
  description: Returns a greeting for the given name.
  owners: [team.hello]
  tags: [example]
  stability: experimental
  kind: command
  goal: Show what a Charter operation looks like.
io:
  input:
    type: object
    required: [name]
    properties:
      name: { type: string, minLength: 1, description: Who to greet. }
  output:
    type: object
    required: [greeting]
    properties:
      greeting: { type: string }
  errors:
    NAME_EMPTY: { http: 422, when: The name is blank. }
policy: { auth: anonymous, idempotent: true }
transport:
  rest: { method: POST, path: /greetings }
  mcp: { toolName: hello_greeting_create }
examples:
  - name: Ada
    input: { name: Ada }
    output: { greeting: "Hello, Ada!" }
"#;

pub fn run(dir: &Path) -> anyhow::Result<ExitCode> {
    let config = dir.join("charter.toml");
    let example = dir.join("contracts").join("hello.greeting.create.yaml");
    for p in [&config, &example] {
        if p.exists() {
            bail!(
                "{} already exists; `charter init` never overwrites files",
                p.display()
            );
        }
    }
    std::fs::create_dir_all(dir.join("contracts"))
        .with_context(|| format!("cannot create {}", dir.join("contracts").display()))?;
    std::fs::write(&config, CONFIG)
        .with_context(|| format!("cannot write {}", config.display()))?;
    std::fs::write(&example, EXAMPLE)
        .with_context(|| format!("cannot write {}", example.display()))?;
    println!("created {}", config.display());
    println!("created {}", example.display());
    println!("next: charter validate {}", dir.display());
    Ok(ExitCode::SUCCESS)
}
