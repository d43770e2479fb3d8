//! Every reference a contract makes, with the JSON Pointer of where it is written.

use charter_model::{Contract, Kind, Ref, Span, Surface};

/// What a reference must resolve to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefTarget {
    /// A contract of this kind.
    Contract(Kind),
    /// A capability: a `capability` contract, something that lists it in `provides`, or an
    /// external capability from `charter.toml`.
    Capability,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefSite {
    pub target: RefTarget,
    pub reference: Ref,
    /// Where it is written (JSON Pointer into the document).
    pub pointer: String,
    pub span: Span,
    /// Optional requirements may be missing.
    pub optional: bool,
}

fn surface_kind(s: Surface) -> Kind {
    match s {
        Surface::Operation => Kind::Operation,
        Surface::Event => Kind::Event,
        Surface::Integration => Kind::Integration,
        Surface::Capability => Kind::Capability,
        Surface::Feature => Kind::Feature,
    }
}

/// Lists the references of a contract; `span` finds the position of a pointer.
pub fn collect(contract: &Contract, span: &dyn Fn(&str) -> Span) -> Vec<RefSite> {
    let mut out = Vec::new();
    let mut add = |target: RefTarget, reference: Ref, pointer: String, optional: bool| {
        let s = span(&pointer);
        out.push(RefSite {
            target,
            reference,
            pointer,
            span: s,
            optional,
        });
    };
    let list = |add: &mut dyn FnMut(RefTarget, Ref, String, bool),
                base: &str,
                refs: &[Ref],
                t: RefTarget| {
        for (i, r) in refs.iter().enumerate() {
            add(t, r.clone(), format!("{base}/{i}"), false);
        }
    };
    match contract {
        Contract::Integration(c) => {
            if let Some(caps) = &c.capabilities {
                for (i, r) in caps.requires.iter().enumerate() {
                    let target = match r.kind {
                        Some(k) if k != Kind::Capability => RefTarget::Contract(k),
                        _ => RefTarget::Capability,
                    };
                    let reference = Ref {
                        key: r.key.clone(),
                        version: r.version.clone(),
                    };
                    add(
                        target,
                        reference,
                        format!("/capabilities/requires/{i}"),
                        r.optional,
                    );
                }
            }
        }
        Contract::Operation(c) => {
            if let Some(fx) = &c.side_effects {
                list(
                    &mut add,
                    "/sideEffects/emits",
                    &fx.emits,
                    RefTarget::Contract(Kind::Event),
                );
            }
            if let Some(r) = &c.capability {
                add(
                    RefTarget::Capability,
                    r.clone(),
                    "/capability".into(),
                    false,
                );
            }
        }
        Contract::Event(c) => {
            if let Some(r) = &c.capability {
                add(
                    RefTarget::Capability,
                    r.clone(),
                    "/capability".into(),
                    false,
                );
            }
        }
        Contract::Capability(c) => {
            for (i, p) in c.provides.iter().enumerate() {
                let reference = Ref {
                    key: p.key.clone(),
                    version: p.version.clone(),
                };
                add(
                    RefTarget::Contract(surface_kind(p.surface)),
                    reference,
                    format!("/provides/{i}"),
                    false,
                );
            }
            for (i, r) in c.requires.iter().enumerate() {
                let reference = Ref {
                    key: r.key.clone(),
                    version: r.version.clone(),
                };
                add(
                    RefTarget::Capability,
                    reference,
                    format!("/requires/{i}"),
                    r.optional,
                );
            }
            if let Some(r) = &c.extends {
                add(
                    RefTarget::Contract(Kind::Capability),
                    r.clone(),
                    "/extends".into(),
                    false,
                );
            }
        }
        Contract::Feature(c) => {
            list(
                &mut add,
                "/operations",
                &c.operations,
                RefTarget::Contract(Kind::Operation),
            );
            list(
                &mut add,
                "/events",
                &c.events,
                RefTarget::Contract(Kind::Event),
            );
            list(
                &mut add,
                "/integrations",
                &c.integrations,
                RefTarget::Contract(Kind::Integration),
            );
            list(
                &mut add,
                "/capabilities",
                &c.capabilities,
                RefTarget::Capability,
            );
        }
    }
    out
}
