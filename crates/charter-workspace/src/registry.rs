//! The index of contracts by (kind, key), versions ordered, and reference resolution.

use std::collections::{HashMap, HashSet};

use charter_model::{Contract, Kind, Ref};

use crate::load::Loaded;

#[derive(Debug, Default)]
pub struct Registry {
    /// (kind, key) -> indices into the loaded contracts, highest version first.
    by_key: HashMap<(Kind, String), Vec<usize>>,
    /// Capability key -> versions offered (by `capability` contracts or `provides` lists).
    capabilities: HashMap<String, Vec<Option<String>>>,
    external: HashSet<String>,
    /// Keys of documents that exist but did not load; references to them are not reported.
    broken: HashSet<String>,
}

fn semver_of(v: &str) -> Option<semver::Version> {
    semver::Version::parse(v).ok()
}

impl Registry {
    pub fn build(contracts: &[Loaded], external: &[String], broken: HashSet<String>) -> Registry {
        let mut r = Registry {
            external: external.iter().cloned().collect(),
            broken,
            ..Default::default()
        };
        for (i, l) in contracts.iter().enumerate() {
            let meta = l.contract.meta();
            r.by_key
                .entry((l.contract.kind(), meta.key.clone()))
                .or_default()
                .push(i);
            let offers: Vec<(String, Option<String>)> = match &l.contract {
                Contract::Capability(_) => vec![(meta.key.clone(), Some(meta.version.clone()))],
                Contract::Integration(c) => c
                    .capabilities
                    .iter()
                    .flat_map(|caps| caps.provides.iter())
                    .map(|p| (p.key.clone(), p.version.clone()))
                    .collect(),
                _ => vec![],
            };
            for (k, v) in offers {
                r.capabilities.entry(k).or_default().push(v);
            }
        }
        for list in r.by_key.values_mut() {
            list.sort_by(|&a, &b| {
                let va = semver_of(&contracts[a].contract.meta().version);
                let vb = semver_of(&contracts[b].contract.meta().version);
                vb.cmp(&va)
            });
        }
        r
    }

    /// All versions of (kind, key), highest first.
    pub fn versions(&self, kind: Kind, key: &str) -> &[usize] {
        self.by_key
            .get(&(kind, key.to_string()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The contract a reference names: its version, or the highest one.
    pub fn resolve(&self, contracts: &[Loaded], kind: Kind, r: &Ref) -> Option<usize> {
        let list = self.versions(kind, &r.key);
        match &r.version {
            None => list.first().copied(),
            Some(v) => list
                .iter()
                .copied()
                .find(|&i| contracts[i].contract.meta().version == *v),
        }
    }

    /// Looks a key up in every kind, highest version first (for `charter show`).
    pub fn find_any(&self, contracts: &[Loaded], r: &Ref) -> Vec<usize> {
        Kind::ALL
            .iter()
            .filter_map(|&k| self.resolve(contracts, k, r))
            .collect()
    }

    /// Whether a capability is offered in the workspace or declared external.
    pub fn capability_available(&self, r: &Ref) -> bool {
        if self.external.contains(&r.key) {
            return true;
        }
        match (self.capabilities.get(&r.key), &r.version) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(versions), Some(v)) => {
                versions.iter().any(|o| o.as_deref().is_none_or(|o| o == v))
            }
        }
    }

    /// Versions of a capability offered in the workspace (`None`: offered without a version).
    pub fn capability_versions(&self, key: &str) -> &[Option<String>] {
        self.capabilities.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_broken(&self, key: &str) -> bool {
        self.broken.contains(key)
    }

    /// Every (kind, key) of the workspace.
    pub fn keys(&self) -> impl Iterator<Item = &(Kind, String)> {
        self.by_key.keys()
    }

    /// Known keys of a kind (for "did you mean" help).
    pub fn keys_of(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.by_key
            .keys()
            .filter(move |(k, _)| *k == kind)
            .map(|(_, key)| key.as_str())
    }

    pub fn capability_keys(&self) -> impl Iterator<Item = &str> {
        self.capabilities
            .keys()
            .map(String::as_str)
            .chain(self.external.iter().map(String::as_str))
    }
}
