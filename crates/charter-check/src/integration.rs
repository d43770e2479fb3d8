//! Integration semantics: transports, auth methods, version policy, limits, health check.

use charter_diagnostics::{Diagnostic, Label};
use charter_model::{AuthMethod, GrantType, Integration, Transport, VersionStatus};
use charter_workspace::DocContext;

pub(crate) fn check(ctx: &DocContext<'_>, c: &Integration, out: &mut Vec<Diagnostic>) {
    transports(ctx, c, out);
    auth(ctx, c, out);
    version_policy(ctx, c, out);
    limits(ctx, c, out);
}

fn transports(ctx: &DocContext<'_>, c: &Integration, out: &mut Vec<Diagnostic>) {
    let declared: Vec<&str> = c.transports.iter().map(Transport::type_name).collect();
    if let Some(p) = &c.preferred_transport {
        if !declared.contains(&p.as_str()) {
            let help = if declared.is_empty() {
                "declare the transport under `transports:`".to_string()
            } else {
                format!("declared transports: {}", declared.join(", "))
            };
            out.push(
                ctx.error(
                    "preferred-transport",
                    format!("`preferredTransport` is `{p}`, but no `{p}` transport is declared"),
                    "/preferredTransport",
                )
                .with_help(help),
            );
        }
    }
    for (i, t) in c.transports.iter().enumerate() {
        if let Transport::Webhook(w) = t {
            if w.inbound.is_none() {
                out.push(
                    ctx.error(
                        "webhook-inbound-missing",
                        "this webhook transport does not say how inbound requests are signed",
                        &format!("/transports/{i}"),
                    )
                    .with_help("add `inbound: {signatureHeader: ..., signingAlgorithm: hmac-sha256, scheme: ...}`"),
                );
            }
        }
    }
}

fn auth(ctx: &DocContext<'_>, c: &Integration, out: &mut Vec<Diagnostic>) {
    let inbound: Vec<(usize, &charter_model::WebhookInbound)> = c
        .transports
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match t {
            Transport::Webhook(w) => w.inbound.as_ref().map(|inb| (i, inb)),
            _ => None,
        })
        .collect();
    for (i, a) in c.supported_auth_methods.iter().enumerate() {
        match a {
            AuthMethod::OAuth2(o)
                if o.grant_type == GrantType::AuthorizationCode
                    && o.authorization_url.is_none() =>
            {
                out.push(
                    ctx.error(
                        "oauth2-authorization-url",
                        "an oauth2 `authorization_code` method needs an `authorizationUrl`",
                        &format!("/supportedAuthMethods/{i}"),
                    )
                    .with_help("add `authorizationUrl:` with the provider's authorize endpoint"),
                );
            }
            AuthMethod::WebhookSigning(s) => {
                let pointer = format!("/supportedAuthMethods/{i}");
                if inbound.is_empty() {
                    out.push(
                        ctx.error(
                            "webhook-signing-mismatch",
                            "a `webhook-signing` auth method is declared, but no webhook transport with `inbound`",
                            &pointer,
                        )
                        .with_help("add a `type: webhook` transport with `inbound:` signing details, or remove this method"),
                    );
                    continue;
                }
                let header_match = inbound.iter().find(|(_, inb)| {
                    inb.signature_header
                        .eq_ignore_ascii_case(&s.signature_header)
                });
                match header_match {
                    None => {
                        let (ti, inb) = inbound[0];
                        out.push(
                            ctx.error(
                                "webhook-signing-mismatch",
                                format!(
                                    "signature header `{}` differs from the webhook transport's `{}`",
                                    s.signature_header, inb.signature_header
                                ),
                                &format!("{pointer}/signatureHeader"),
                            )
                            .with_secondary(Label::new(
                                &ctx.file.path,
                                ctx.span(&format!("/transports/{ti}/inbound/signatureHeader")),
                                "the transport declares this header",
                            ))
                            .with_help("use the same header in both places"),
                        );
                    }
                    Some((ti, inb)) if inb.signing_algorithm != s.algorithm => {
                        out.push(
                            ctx.error(
                                "webhook-signing-mismatch",
                                format!(
                                    "signing algorithm `{}` differs from the webhook transport's `{}`",
                                    s.algorithm.as_str(),
                                    inb.signing_algorithm.as_str()
                                ),
                                &format!("{pointer}/algorithm"),
                            )
                            .with_secondary(Label::new(
                                &ctx.file.path,
                                ctx.span(&format!("/transports/{ti}/inbound/signingAlgorithm")),
                                "the transport declares this algorithm",
                            ))
                            .with_help("use the same algorithm in both places"),
                        );
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
    }
}

fn version_policy(ctx: &DocContext<'_>, c: &Integration, out: &mut Vec<Diagnostic>) {
    let Some(vp) = &c.version_policy else { return };
    match vp
        .supported_versions
        .iter()
        .find(|v| v.version == vp.current_version)
    {
        None => {
            let listed: Vec<&str> = vp
                .supported_versions
                .iter()
                .map(|v| v.version.as_str())
                .collect();
            let help = if listed.is_empty() {
                format!(
                    "list it under `supportedVersions:` (`- {{version: {}, status: stable}}`)",
                    vp.current_version
                )
            } else {
                format!(
                    "add it to `supportedVersions`, or pick one of: {}",
                    listed.join(", ")
                )
            };
            out.push(
                ctx.error(
                    "version-policy-current",
                    format!(
                        "current version `{}` is not in `supportedVersions`",
                        vp.current_version
                    ),
                    "/versionPolicy/currentVersion",
                )
                .with_help(help),
            );
        }
        Some(v) if v.status == VersionStatus::Sunset => {
            out.push(
                ctx.error(
                    "version-policy-current",
                    format!("current version `{}` is sunset", vp.current_version),
                    "/versionPolicy/currentVersion",
                )
                .with_help("move `currentVersion` to a supported version that is not sunset"),
            );
        }
        Some(_) => {}
    }
}

fn limits(ctx: &DocContext<'_>, c: &Integration, out: &mut Vec<Diagnostic>) {
    if let Some(h) = &c.health_check {
        if !(1..=120_000).contains(&h.timeout_ms) {
            out.push(
                ctx.error(
                    "health-check-timeout",
                    format!(
                        "`healthCheck.timeoutMs` is {}; it must be within 1..=120000",
                        h.timeout_ms
                    ),
                    "/healthCheck/timeoutMs",
                )
                .with_help("health checks answer within two minutes; 5000 is a common value"),
            );
        }
    }
    let Some(cons) = &c.constraints else { return };
    if let Some(rl) = &cons.rate_limit {
        for (field, v) in [("rpm", rl.rpm), ("rph", rl.rph)] {
            if let Some(v) = v.filter(|v| *v <= 0) {
                out.push(
                    ctx.error(
                        "rate-limit-positive",
                        format!("`{field}` is {v}; a rate limit is a positive number of requests"),
                        &format!("/constraints/rateLimit/{field}"),
                    )
                    .with_help("write the provider's documented limit, or remove the field"),
                );
            }
        }
        if let (Some(rpm), Some(rph)) = (rl.rpm, rl.rph) {
            if rpm > 0 && rph > 60 * rpm {
                out.push(
                    ctx.warning(
                        "rate-limit-rph-unreachable",
                        format!(
                            "`rph` {rph} can never bind: 60 × `rpm` {rpm} is only {}",
                            60 * rpm
                        ),
                        "/constraints/rateLimit/rph",
                    )
                    .with_help("lower `rph` to at most 60 × `rpm`, or remove it"),
                );
            }
        }
    }
    for (name, v) in &cons.quotas {
        if *v <= 0 {
            out.push(
                ctx.error(
                    "rate-limit-positive",
                    format!("quota `{name}` is {v}; quotas are positive"),
                    &charter_model::node::push_pointer("/constraints/quotas", name),
                )
                .with_help("write the provider's documented quota, or remove it"),
            );
        }
    }
}
