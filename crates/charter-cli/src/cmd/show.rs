use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use charter_model::{de::closest, Ref};

pub fn run(reference: &str, workspace: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let ws = match super::load(&[workspace.to_path_buf()])? {
        Ok(ws) => ws,
        Err(code) => return Ok(code),
    };
    let r = Ref::parse(reference);
    let found = ws.registry.find_any(&ws.contracts, &r);
    if found.is_empty() {
        let keys: Vec<&str> = ws
            .contracts
            .iter()
            .map(|l| l.contract.meta().key.as_str())
            .collect();
        let hint = match closest(&r.key, keys.iter().copied()) {
            Some(k) => format!("; did you mean `{k}`?"),
            None => "; `charter list` shows what there is".to_string(),
        };
        match &r.version {
            Some(v) if keys.contains(&r.key.as_str()) => {
                let mut versions: Vec<&str> = ws
                    .contracts
                    .iter()
                    .map(|l| l.contract.meta())
                    .filter(|m| m.key == r.key)
                    .map(|m| m.version.as_str())
                    .collect();
                versions.sort_unstable();
                versions.dedup();
                bail!(
                    "`{}` has no version {v}; versions present: {}",
                    r.key,
                    versions.join(", ")
                )
            }
            _ => bail!("no contract `{}` in {}{hint}", r.key, workspace.display()),
        }
    }
    let mut out = std::io::stdout().lock();
    for (n, &i) in found.iter().enumerate() {
        let l = &ws.contracts[i];
        if json {
            serde_json::to_writer_pretty(&mut out, &l.contract)?;
            writeln!(out)?;
            continue;
        }
        if n > 0 {
            writeln!(out)?;
        }
        let m = l.contract.meta();
        writeln!(
            out,
            "{} {}@{} ({})",
            l.contract.kind(),
            m.key,
            m.version,
            m.stability
        )?;
        writeln!(out, "  title:  {}", m.title())?;
        writeln!(out, "  owners: {}", m.owners.join(", "))?;
        writeln!(out, "  tags:   {}", m.tags.join(", "))?;
        writeln!(out, "  file:   {}:{}", ws.files[l.file].path, l.span.line)?;
        let all: Vec<&str> = ws
            .registry
            .versions(l.contract.kind(), &m.key)
            .iter()
            .map(|&j| ws.contracts[j].contract.meta().version.as_str())
            .collect();
        if all.len() > 1 {
            writeln!(out, "  versions: {}", all.join(", "))?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            charter_gen::sources::Sources::new(&ws)
                .text(&ws, l)
                .trim_end()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
