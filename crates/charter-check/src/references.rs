//! Workspace-wide rules: `duplicate-contract`, `unresolved-reference`, `unresolved-capability`.

use std::collections::HashMap;

use charter_diagnostics::{Diagnostic, Label};
use charter_model::de::closest;
use charter_workspace::{RefTarget, Workspace};

pub(crate) fn duplicates(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<(charter_model::Kind, &str, &str), usize> = HashMap::new();
    for (i, l) in ws.contracts.iter().enumerate() {
        let m = l.contract.meta();
        let id = (l.contract.kind(), m.key.as_str(), m.version.as_str());
        match first.get(&id) {
            None => {
                first.insert(id, i);
            }
            Some(&j) => {
                let other = &ws.contracts[j];
                let other_file = &ws.files[other.file].path;
                out.push(
                    Diagnostic::error(
                        "duplicate-contract",
                        format!("{} `{}` version {} is declared twice", id.0, id.1, id.2),
                        &ws.files[l.file].path,
                        l.key_span,
                    )
                    .with_label("second declaration")
                    .with_secondary(Label::new(
                        other_file,
                        other.key_span,
                        "first declared here",
                    ))
                    .with_note(format!("first declared at {other_file}:{}", other.key_span))
                    .with_help("bump `meta.version` of one of them, or delete the copy"),
                );
            }
        }
    }
}

pub(crate) fn resolve(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let reg = &ws.registry;
    for l in &ws.contracts {
        let file = &ws.files[l.file].path;
        for site in &l.refs {
            let r = &site.reference;
            match site.target {
                RefTarget::Contract(kind) => {
                    if reg.resolve(&ws.contracts, kind, r).is_some()
                        || reg.is_broken(&r.key)
                        || site.optional
                    {
                        continue;
                    }
                    let versions = reg.versions(kind, &r.key);
                    let (message, help) = if versions.is_empty() {
                        let help = match closest(&r.key, reg.keys_of(kind)) {
                            Some(s) => format!("did you mean `{s}`?"),
                            None => format!("add a `kind: {kind}` contract with `key: {}`, or fix the reference", r.key),
                        };
                        (format!("no {kind} `{}` in the workspace", r.key), help)
                    } else {
                        let listed: Vec<&str> = versions
                            .iter()
                            .map(|&i| ws.contracts[i].contract.meta().version.as_str())
                            .collect();
                        (
                            format!(
                                "{kind} `{}` has no version {}",
                                r.key,
                                r.version.as_deref().unwrap_or("")
                            ),
                            format!(
                                "versions present: {}; drop the version to use the highest",
                                listed.join(", ")
                            ),
                        )
                    };
                    out.push(
                        Diagnostic::error("unresolved-reference", message, file, site.span)
                            .with_help(help),
                    );
                }
                RefTarget::Capability => {
                    if site.optional || reg.capability_available(r) || reg.is_broken(&r.key) {
                        continue;
                    }
                    let offered: Vec<&str> = reg
                        .capability_versions(&r.key)
                        .iter()
                        .filter_map(|v| v.as_deref())
                        .collect();
                    let help = match closest(&r.key, reg.capability_keys()) {
                        // The key exists, the version does not: suggesting the key is no help.
                        _ if !offered.is_empty() => format!(
                            "versions provided: {}; drop `version` to accept any, or provide version {}",
                            offered.join(", "),
                            r.version.as_deref().unwrap_or("")
                        ),
                        Some(s) => format!("did you mean `{s}`? Otherwise provide it (a `kind: capability` contract or an integration's `capabilities.provides`), declare it in charter.toml `[workspace] external-capabilities`, or mark the requirement `optional: true`"),
                        None => "provide it (a `kind: capability` contract or an integration's `capabilities.provides`), declare it in charter.toml `[workspace] external-capabilities`, or mark the requirement `optional: true`".to_string(),
                    };
                    out.push(
                        Diagnostic::error(
                            "unresolved-capability",
                            format!("capability `{r}` is required but nothing provides it"),
                            file,
                            site.span,
                        )
                        .with_help(help),
                    );
                }
            }
        }
    }
}
