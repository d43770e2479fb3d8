//! Comparing two versions of one contract, field by field.

use std::collections::BTreeSet;

use charter_model::node::push_pointer;
use charter_model::{
    AuthLevel, AuthMethod, Contract, Event, Feature, Integration, Operation, Ref, Transport,
    VersionStatus,
};

use crate::schema::{self, Side};
use crate::Out;

pub fn diff(out: &mut Out, base: &Contract, head: &Contract) {
    let (mb, mh) = (base.meta(), head.meta());
    if mb.stability != mh.stability {
        out.push(
            "stability-changed",
            "/meta/stability",
            format!(
                "stability changed from {} to {}",
                mb.stability, mh.stability
            ),
        );
    }
    if mb.owners != mh.owners {
        out.push(
            "owners-changed",
            "/meta/owners",
            format!(
                "owners changed from [{}] to [{}]",
                mb.owners.join(", "),
                mh.owners.join(", ")
            ),
        );
    }
    match (base, head) {
        (Contract::Operation(b), Contract::Operation(h)) => operation(out, b, h),
        (Contract::Event(b), Contract::Event(h)) => event(out, b, h),
        (Contract::Integration(b), Contract::Integration(h)) => integration(out, b, h),
        (Contract::Feature(b), Contract::Feature(h)) => feature(out, b, h),
        (Contract::Capability(b), Contract::Capability(h)) => {
            let key = |p: &charter_model::Provided| format!("{} {}", kind_of(p.surface), p.key);
            let sb: BTreeSet<String> = b.provides.iter().map(key).collect();
            let sh: BTreeSet<String> = h.provides.iter().map(key).collect();
            set_diff(
                out,
                &sb,
                &sh,
                "/provides",
                "capability-surface-removed",
                "capability-surface-added",
                "provided surface",
            );
        }
        _ => {}
    }
}

fn kind_of(s: charter_model::Surface) -> &'static str {
    use charter_model::Surface::*;
    match s {
        Operation => "operation",
        Event => "event",
        Integration => "integration",
        Capability => "capability",
        Feature => "feature",
    }
}

#[allow(clippy::too_many_arguments)]
fn set_diff(
    out: &mut Out,
    b: &BTreeSet<String>,
    h: &BTreeSet<String>,
    ptr: &str,
    removed: &'static str,
    added: &'static str,
    what: &str,
) {
    for x in b.difference(h) {
        out.push(removed, ptr, format!("{what} `{x}` removed"));
    }
    for x in h.difference(b) {
        out.push(added, ptr, format!("{what} `{x}` added"));
    }
}

fn refs(list: &[Ref]) -> BTreeSet<String> {
    list.iter().map(|r| r.key.clone()).collect()
}

fn normalize_path(path: &str) -> String {
    path.trim_end_matches('/')
        .split('/')
        .map(|s| {
            if s.starts_with('{') && s.ends_with('}') {
                "{}"
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn auth_rank(a: Option<AuthLevel>) -> u8 {
    match a {
        None | Some(AuthLevel::Anonymous) => 0,
        Some(AuthLevel::User) => 1,
        Some(AuthLevel::Admin) => 2,
    }
}

fn auth_name(a: Option<AuthLevel>) -> &'static str {
    match a {
        None => "undeclared",
        Some(AuthLevel::Anonymous) => "anonymous",
        Some(AuthLevel::User) => "user",
        Some(AuthLevel::Admin) => "admin",
    }
}

fn operation(out: &mut Out, b: &Operation, h: &Operation) {
    if b.meta.kind != h.meta.kind {
        out.push(
            "operation-kind-changed",
            "/meta/kind",
            format!(
                "operation kind changed from {:?} to {:?}",
                b.meta.kind, h.meta.kind
            )
            .to_lowercase(),
        );
    }
    // REST route
    let rb = b.transport.as_ref().and_then(|t| t.rest.as_ref());
    let rh = h.transport.as_ref().and_then(|t| t.rest.as_ref());
    match (rb, rh) {
        (Some(x), Some(y)) => {
            if x.method != y.method {
                out.push(
                    "rest-method-changed",
                    "/transport/rest/method",
                    format!(
                        "REST method changed from {} to {}",
                        x.method.as_str(),
                        y.method.as_str()
                    ),
                );
            }
            if normalize_path(&x.path) != normalize_path(&y.path) {
                out.push(
                    "rest-path-changed",
                    "/transport/rest/path",
                    format!("REST path changed from {} to {}", x.path, y.path),
                );
            }
        }
        (Some(x), None) => out.push(
            "rest-route-removed",
            "/transport",
            format!("REST route {} {} removed", x.method.as_str(), x.path),
        ),
        (None, Some(y)) => out.push(
            "rest-route-added",
            "/transport/rest",
            format!("REST route {} {} added", y.method.as_str(), y.path),
        ),
        (None, None) => {}
    }
    // MCP tool
    let mb = b.transport.as_ref().and_then(|t| t.mcp.as_ref());
    let mh = h.transport.as_ref().and_then(|t| t.mcp.as_ref());
    match (mb, mh) {
        (Some(x), Some(y)) if x.tool_name != y.tool_name => out.push(
            "mcp-tool-renamed",
            "/transport/mcp/toolName",
            format!(
                "MCP tool renamed from `{}` to `{}`",
                x.tool_name, y.tool_name
            ),
        ),
        (Some(x), None) => out.push(
            "mcp-tool-removed",
            "/transport",
            format!("MCP tool `{}` removed", x.tool_name),
        ),
        (None, Some(y)) => out.push(
            "mcp-tool-added",
            "/transport/mcp",
            format!("MCP tool `{}` added", y.tool_name),
        ),
        _ => {}
    }
    // errors
    for (code, e) in &b.io.errors {
        let p = push_pointer("/io/errors", code);
        match h.io.errors.get(code) {
            None => out.push(
                "error-removed",
                "/io/errors",
                format!("error `{code}` removed"),
            ),
            Some(x) if x.http != e.http => out.push(
                "error-status-changed",
                &format!("{p}/http"),
                format!(
                    "error `{code}` changed HTTP status from {} to {}",
                    e.http, x.http
                ),
            ),
            Some(_) => {}
        }
    }
    for code in h.io.errors.keys().filter(|c| !b.io.errors.contains_key(*c)) {
        out.push(
            "error-added",
            &push_pointer("/io/errors", code),
            format!("error `{code}` added"),
        );
    }
    // policy
    let (pb, ph) = (b.policy.as_ref(), h.policy.as_ref());
    let (ab, ah) = (pb.and_then(|p| p.auth), ph.and_then(|p| p.auth));
    if auth_rank(ah) > auth_rank(ab) {
        out.push(
            "auth-level-raised",
            "/policy/auth",
            format!("auth raised from {} to {}", auth_name(ab), auth_name(ah)),
        );
    } else if auth_rank(ah) < auth_rank(ab) {
        out.push(
            "auth-level-lowered",
            "/policy/auth",
            format!("auth lowered from {} to {}", auth_name(ab), auth_name(ah)),
        );
    }
    for field in ["roles", "permissions"] {
        let get = |p: Option<&charter_model::Policy>| -> BTreeSet<String> {
            p.map(|p| {
                if field == "roles" {
                    &p.roles
                } else {
                    &p.permissions
                }
            })
            .map(|v| v.iter().cloned().collect())
            .unwrap_or_default()
        };
        let (sb, sh) = (get(pb), get(ph));
        for x in sh.difference(&sb) {
            out.push(
                "permission-added",
                &format!("/policy/{field}"),
                format!("callers now need {} `{x}`", &field[..field.len() - 1]),
            );
        }
    }
    if pb.and_then(|p| p.idempotent) == Some(true) && ph.and_then(|p| p.idempotent) != Some(true) {
        out.push(
            "idempotency-removed",
            "/policy",
            "the operation is no longer declared idempotent".into(),
        );
    }
    let emits = |o: &Operation| {
        o.side_effects
            .as_ref()
            .map(|s| refs(&s.emits))
            .unwrap_or_default()
    };
    set_diff(
        out,
        &emits(b),
        &emits(h),
        "/sideEffects/emits",
        "emitted-event-removed",
        "emitted-event-added",
        "emitted event",
    );
    // schemas
    schema::diff(
        out,
        Side::Request,
        b.io.input.as_ref(),
        h.io.input.as_ref(),
        "/io/input",
    );
    schema::diff(
        out,
        Side::Request,
        b.io.params.as_ref(),
        h.io.params.as_ref(),
        "/io/params",
    );
    schema::diff(
        out,
        Side::Request,
        b.io.query.as_ref(),
        h.io.query.as_ref(),
        "/io/query",
    );
    schema::diff(
        out,
        Side::Request,
        b.io.headers.as_ref(),
        h.io.headers.as_ref(),
        "/io/headers",
    );
    schema::diff(
        out,
        Side::Response,
        b.io.output.as_ref(),
        h.io.output.as_ref(),
        "/io/output",
    );
}

fn event(out: &mut Out, b: &Event, h: &Event) {
    schema::diff(
        out,
        Side::Response,
        Some(&b.payload),
        Some(&h.payload),
        "/payload",
    );
    if b.pii != h.pii {
        out.push(
            "pii-changed",
            "/pii",
            format!(
                "pii changed from [{}] to [{}]",
                b.pii.join(", "),
                h.pii.join(", ")
            ),
        );
    }
}

fn feature(out: &mut Out, b: &Feature, h: &Feature) {
    for (field, lb, lh) in [
        ("operations", &b.operations, &h.operations),
        ("events", &b.events, &h.events),
        ("integrations", &b.integrations, &h.integrations),
        ("capabilities", &b.capabilities, &h.capabilities),
    ] {
        let what = format!("member of `{field}`");
        set_diff(
            out,
            &refs(lb),
            &refs(lh),
            &format!("/{field}"),
            "feature-member-removed",
            "feature-member-added",
            &what,
        );
    }
}

fn auth_key(a: &AuthMethod) -> String {
    match a {
        AuthMethod::OAuth2(o) => format!("oauth2 ({:?})", o.grant_type).to_lowercase(),
        other => other.type_name().to_string(),
    }
}

fn integration(out: &mut Out, b: &Integration, h: &Integration) {
    let set = |v: Vec<String>| v.into_iter().collect::<BTreeSet<String>>();
    let auth = |c: &Integration| set(c.supported_auth_methods.iter().map(auth_key).collect());
    set_diff(
        out,
        &auth(b),
        &auth(h),
        "/supportedAuthMethods",
        "auth-method-removed",
        "auth-method-added",
        "auth method",
    );
    let transports = |c: &Integration| {
        set(c
            .transports
            .iter()
            .map(|t| t.type_name().to_string())
            .collect())
    };
    set_diff(
        out,
        &transports(b),
        &transports(h),
        "/transports",
        "transport-removed",
        "transport-added",
        "transport",
    );
    let modes = |c: &Integration| {
        set(c
            .supported_modes
            .iter()
            .map(|m| format!("{m:?}").to_lowercase())
            .collect())
    };
    set_diff(
        out,
        &modes(b),
        &modes(h),
        "/supportedModes",
        "mode-removed",
        "mode-added",
        "mode",
    );
    // transports of the same type, compared in place
    for (j, th) in h.transports.iter().enumerate() {
        let Some(tb) = b
            .transports
            .iter()
            .find(|t| t.type_name() == th.type_name())
        else {
            continue;
        };
        let p = format!("/transports/{j}");
        match (tb, th) {
            (Transport::Rest(x), Transport::Rest(y)) if x.base_url != y.base_url => out.push(
                "base-url-changed",
                &format!("{p}/baseUrl"),
                format!("base URL changed from {} to {}", x.base_url, y.base_url),
            ),
            (Transport::Webhook(x), Transport::Webhook(y)) => {
                if let (Some(ib), Some(ih)) = (&x.inbound, &y.inbound) {
                    let changed = !ib
                        .signature_header
                        .eq_ignore_ascii_case(&ih.signature_header)
                        || ib.signing_algorithm != ih.signing_algorithm
                        || ib.effective_scheme() != ih.effective_scheme();
                    if changed {
                        out.push(
                            "webhook-signing-changed",
                            &format!("{p}/inbound"),
                            format!(
                                "webhook signing changed from {} {} to {} {}",
                                ib.signature_header,
                                ib.signing_algorithm.as_str(),
                                ih.signature_header,
                                ih.signing_algorithm.as_str()
                            ),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    version_policy(out, b, h);
    // capabilities
    let provides = |c: &Integration| {
        c.capabilities
            .as_ref()
            .map(|k| refs(&k.provides))
            .unwrap_or_default()
    };
    set_diff(
        out,
        &provides(b),
        &provides(h),
        "/capabilities/provides",
        "capability-provided-removed",
        "capability-provided-added",
        "provided capability",
    );
    let requires = |c: &Integration| -> BTreeSet<String> {
        c.capabilities
            .as_ref()
            .map(|k| {
                k.requires
                    .iter()
                    .filter(|r| !r.optional)
                    .map(|r| r.key.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    set_diff(
        out,
        &requires(b),
        &requires(h),
        "/capabilities/requires",
        "capability-required-removed",
        "capability-required-added",
        "required capability",
    );
    // rate limits
    let rl = |c: &Integration| {
        c.constraints
            .as_ref()
            .and_then(|k| k.rate_limit)
            .unwrap_or_default()
    };
    let (lb, lh) = (rl(b), rl(h));
    for (field, x, y) in [("rpm", lb.rpm, lh.rpm), ("rph", lb.rph, lh.rph)] {
        let fmt = |v: Option<i64>| {
            v.map(|v| v.to_string())
                .unwrap_or_else(|| "unlimited".into())
        };
        let lowered = match (x, y) {
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) if b < a => true,
            (Some(a), Some(b)) if b > a => false,
            _ => continue,
        };
        let rule = if lowered {
            "rate-limit-lowered"
        } else {
            "rate-limit-raised"
        };
        out.push(
            rule,
            &format!("/constraints/rateLimit/{field}"),
            format!("`{field}` changed from {} to {}", fmt(x), fmt(y)),
        );
    }
    if b.health_check != h.health_check {
        out.push(
            "health-check-changed",
            "/healthCheck",
            "the health check changed".into(),
        );
    }
    // config and secrets
    schema::diff(
        out,
        Side::Config,
        sch(&b.config_schema),
        sch(&h.config_schema),
        "/configSchema/schema",
    );
    schema::diff(
        out,
        Side::Secret,
        sch(&b.secret_schema),
        sch(&h.secret_schema),
        "/secretSchema/schema",
    );
}

fn sch(s: &Option<charter_model::SchemaWithExample>) -> Option<&serde_json::Value> {
    s.as_ref().map(|s| &s.schema)
}

fn version_policy(out: &mut Out, b: &Integration, h: &Integration) {
    let (Some(vb), Some(vh)) = (&b.version_policy, &h.version_policy) else {
        return;
    };
    for v in &vb.supported_versions {
        match vh
            .supported_versions
            .iter()
            .find(|x| x.version == v.version)
        {
            None if v.version == vb.current_version => {}
            None => out.push(
                "api-version-removed",
                "/versionPolicy/supportedVersions",
                format!("provider API version `{}` removed", v.version),
            ),
            Some(x)
                if x.status == VersionStatus::Deprecated
                    && v.status != VersionStatus::Deprecated =>
            {
                out.push(
                    "api-version-deprecated",
                    "/versionPolicy/supportedVersions",
                    format!("provider API version `{}` deprecated", v.version),
                )
            }
            Some(_) => {}
        }
    }
    for v in vh
        .supported_versions
        .iter()
        .filter(|x| !vb.supported_versions.iter().any(|v| v.version == x.version))
    {
        out.push(
            "api-version-added",
            "/versionPolicy/supportedVersions",
            format!("provider API version `{}` added", v.version),
        );
    }
    // The base's current version: sunset or gone in head?
    let cur = &vb.current_version;
    match vh.supported_versions.iter().find(|x| &x.version == cur) {
        None => out.push(
            "api-version-current-sunset",
            "/versionPolicy/supportedVersions",
            format!("the current provider API version `{cur}` is no longer supported"),
        ),
        Some(x) if x.status == VersionStatus::Sunset => out.push(
            "api-version-current-sunset",
            "/versionPolicy/supportedVersions",
            format!("the current provider API version `{cur}` is sunset"),
        ),
        Some(_) => {}
    }
    if vb.current_version != vh.current_version {
        out.push(
            "api-version-current-changed",
            "/versionPolicy/currentVersion",
            format!(
                "current provider API version changed from `{}` to `{}`",
                vb.current_version, vh.current_version
            ),
        );
    }
}
