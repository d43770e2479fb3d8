//! The integration part of a page: modes, transports, auth methods, version policy, rate
//! limits and quotas, config and secret schemas, BYOK setup, capabilities, health check.

use std::fmt::Write as _;

use charter_model::{AuthMethod, CapabilityRequirement, Integration, Kind, Mode, Transport};

use super::{code, esc, facts, schema_table, table, url, wire, yes_no, Site};

/// `label: value` pairs of a details cell; values are HTML already.
fn details(pairs: Vec<(&str, Option<String>)>) -> String {
    pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("{}: {v}", esc(k))))
        .collect::<Vec<_>>()
        .join("<br>")
}

pub fn render(site: &Site<'_>, i: &Integration) -> String {
    let t = &site.t;
    let mut out = String::new();
    if !i.supported_modes.is_empty() {
        let modes: Vec<&str> = i
            .supported_modes
            .iter()
            .map(|m| match m {
                Mode::Managed => t.t("mode.managed"),
                Mode::Byok => t.t("mode.byok"),
            })
            .collect();
        let _ = write!(
            out,
            "<h2>{}</h2>\n<p>{}</p>\n",
            esc(t.t("modes")),
            esc(&modes.join(", "))
        );
    }
    if !i.transports.is_empty() {
        let rows: Vec<Vec<String>> = i
            .transports
            .iter()
            .map(|tr| transport_row(site, i, tr))
            .collect();
        let _ = write!(
            out,
            "<h2>{}</h2>\n{}",
            esc(t.t("transports")),
            table(&[t.t("transport"), t.t("details")], &rows)
        );
    }
    if !i.supported_auth_methods.is_empty() {
        let rows: Vec<Vec<String>> = i
            .supported_auth_methods
            .iter()
            .map(|a| {
                vec![
                    format!(
                        "{} {}",
                        esc(t.t(&format!("authm.{}", a.type_name()))),
                        code(a.type_name())
                    ),
                    auth_details(site, a),
                ]
            })
            .collect();
        let _ = write!(
            out,
            "<h2>{}</h2>\n{}",
            esc(t.t("auth_methods")),
            table(&[t.t("method"), t.t("details")], &rows)
        );
    }
    if let Some(vp) = &i.version_policy {
        let _ = writeln!(out, "<h2>{}</h2>", esc(t.t("version_policy")));
        let mut f = vec![(t.t("current_version"), code(&vp.current_version))];
        if let Some(h) = &vp.version_header {
            f.push((t.t("version_header"), code(h)));
        }
        if let Some(q) = &vp.version_query_param {
            f.push((t.t("version_query"), code(q)));
        }
        if let Some(p) = vp.version_in_path {
            f.push((t.t("version_in_path"), yes_no(site, p)));
        }
        out.push_str(&facts(&f));
        let rows: Vec<Vec<String>> = vp
            .supported_versions
            .iter()
            .map(|v| {
                let s = v.status.as_str();
                vec![
                    code(&v.version),
                    format!(
                        "<span class=\"badge v-{s}\">{}</span>",
                        esc(t.t(&format!("vstatus.{s}")))
                    ),
                    esc(v.released_at.as_deref().unwrap_or("—")),
                    esc(v.sunset_date.as_deref().unwrap_or("—")),
                    v.migration_guide
                        .as_deref()
                        .map(url)
                        .unwrap_or_else(|| "—".into()),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                t.t("version"),
                t.t("status"),
                t.t("released"),
                t.t("sunset"),
                t.t("migration"),
            ],
            &rows,
        ));
    }
    if let Some(c) = &i.constraints {
        let mut rows = Vec::new();
        if let Some(rl) = &c.rate_limit {
            if let Some(v) = rl.rpm {
                rows.push(vec![esc(t.t("rpm")), v.to_string()]);
            }
            if let Some(v) = rl.rph {
                rows.push(vec![esc(t.t("rph")), v.to_string()]);
            }
        }
        for (k, v) in &c.quotas {
            rows.push(vec![code(k), v.to_string()]);
        }
        if !rows.is_empty() {
            let _ = write!(
                out,
                "<h2>{}</h2>\n{}",
                esc(t.t("rate_limits")),
                table(&[t.t("limit"), t.t("value")], &rows)
            );
        }
    }
    if let Some(s) = &i.config_schema {
        let _ = write!(
            out,
            "<h2>{}</h2>\n{}",
            esc(t.t("config")),
            schema_table(site, &s.schema)
        );
    }
    if let Some(s) = &i.secret_schema {
        let _ = write!(
            out,
            "<h2>{}</h2>\n{}",
            esc(t.t("secrets")),
            schema_table(site, &s.schema)
        );
    }
    if let Some(b) = &i.byok_setup {
        let _ = writeln!(out, "<h2>{}</h2>", esc(t.t("byok")));
        if let Some(s) = &b.setup_instructions {
            let _ = writeln!(out, "<p>{}</p>", esc(s.trim()));
        }
        let mut f = Vec::new();
        if !b.required_scopes.is_empty() {
            f.push((
                t.t("required_scopes"),
                b.required_scopes
                    .iter()
                    .map(|s| code(s))
                    .collect::<Vec<_>>()
                    .join(" "),
            ));
        }
        if let Some(v) = &b.validation_endpoint {
            f.push((t.t("validation_endpoint"), url(v)));
        }
        if let Some(v) = b.key_rotation_supported {
            f.push((t.t("key_rotation"), yes_no(site, v)));
        }
        if let Some(v) = b.quota_tracking_supported {
            f.push((t.t("quota_tracking"), yes_no(site, v)));
        }
        if !f.is_empty() {
            out.push_str(&facts(&f));
        }
        if !b.provisioning_steps.is_empty() {
            let _ = write!(out, "<h3>{}</h3>\n<ol>\n", esc(t.t("provisioning")));
            for s in &b.provisioning_steps {
                let _ = writeln!(out, "<li>{}</li>", esc(s));
            }
            out.push_str("</ol>\n");
        }
    }
    if let Some(caps) = &i.capabilities {
        let _ = writeln!(out, "<h2>{}</h2>", esc(t.t("capabilities")));
        if !caps.provides.is_empty() {
            let _ = write!(out, "<h3>{}</h3>\n<ul>\n", esc(t.t("provides")));
            for p in &caps.provides {
                let _ = writeln!(
                    out,
                    "<li>{}</li>",
                    site.link(Kind::Capability, &p.key, p.version.as_deref())
                );
            }
            out.push_str("</ul>\n");
        }
        if !caps.requires.is_empty() {
            out.push_str(&requirements(site, &caps.requires));
        }
    }
    if let Some(h) = &i.health_check {
        let method = wire(&h.method);
        let _ = write!(
            out,
            "<h2>{}</h2>\n{}",
            esc(t.t("health")),
            facts(&[
                (t.t("method"), code(&method)),
                (t.t("timeout"), format!("{} ms", h.timeout_ms))
            ])
        );
    }
    out
}

/// A `requires` list with links, `optional` and reasons.
pub fn requirements(site: &Site<'_>, reqs: &[CapabilityRequirement]) -> String {
    let t = &site.t;
    let mut out = format!("<h3>{}</h3>\n<ul>\n", esc(t.t("requires")));
    let external = &site.ws.config.workspace.external_capabilities;
    for r in reqs {
        let kind = r.kind.unwrap_or(Kind::Capability);
        let mut item = site.link(kind, &r.key, r.version.as_deref());
        if r.optional {
            let _ = write!(item, " ({})", esc(t.t("optional")));
        }
        if external.contains(&r.key) {
            let _ = write!(item, " — {}", esc(t.t("external")));
        }
        if let Some(reason) = &r.reason {
            let _ = write!(item, ": {}", esc(reason));
        }
        let _ = writeln!(out, "<li>{item}</li>");
    }
    out.push_str("</ul>\n");
    out
}

fn transport_row(site: &Site<'_>, i: &Integration, tr: &Transport) -> Vec<String> {
    let t = &site.t;
    let preferred = i.preferred_transport.as_deref() == Some(tr.type_name());
    let name = if preferred {
        format!("{} ({})", code(tr.type_name()), esc(t.t("preferred")))
    } else {
        code(tr.type_name())
    };
    let d = match tr {
        Transport::Rest(r) => details(vec![
            (t.t("base_url"), Some(code(&r.base_url))),
            (
                t.t("api_version_header"),
                r.api_version_header.as_deref().map(code),
            ),
            (
                t.t("rate_limit_headers"),
                r.rate_limit_headers.as_ref().map(|h| {
                    [&h.limit, &h.remaining, &h.reset]
                        .into_iter()
                        .flatten()
                        .map(|s| code(s))
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
            ),
            (
                t.t("content_types"),
                (!r.accept_content_types.is_empty())
                    .then(|| esc(&r.accept_content_types.join(", "))),
            ),
        ]),
        Transport::Webhook(w) => {
            let inb = w.inbound.as_ref();
            details(vec![
                (
                    t.t("signature_header"),
                    inb.map(|x| code(&x.signature_header)),
                ),
                (
                    t.t("algorithm"),
                    inb.map(|x| code(x.signing_algorithm.as_str())),
                ),
                (
                    t.t("scheme"),
                    inb.and_then(|x| x.effective_scheme())
                        .map(|s| code(s.as_str())),
                ),
                (
                    t.t("timestamp_header"),
                    inb.and_then(|x| x.timestamp_header.as_deref()).map(code),
                ),
                (
                    t.t("tolerance"),
                    inb.and_then(|x| x.tolerance_ms)
                        .map(|ms| format!("{ms} ms")),
                ),
                (
                    t.t("registration"),
                    inb.and_then(|x| x.registration_supported)
                        .map(|b| yes_no(site, b)),
                ),
                (
                    t.t("retries"),
                    w.outbound
                        .as_ref()
                        .and_then(|o| o.delivery_retries)
                        .map(|n| n.to_string()),
                ),
                (
                    t.t("timeout"),
                    w.outbound
                        .as_ref()
                        .and_then(|o| o.timeout_ms)
                        .map(|ms| format!("{ms} ms")),
                ),
            ])
        }
        Transport::Sdk(s) => details(vec![
            (t.t("package"), Some(code(&s.package_name))),
            (t.t("min_version"), s.min_version.as_deref().map(code)),
            (t.t("runtime"), s.runtime.as_deref().map(esc)),
        ]),
        Transport::Mcp(m) => details(vec![
            (t.t("transport"), Some(code(&wire(&m.transport)))),
            (t.t("url"), m.url.as_deref().map(url)),
            (
                t.t("command"),
                m.command
                    .as_ref()
                    .map(|c| code(format!("{c} {}", m.args.join(" ")).trim_end())),
            ),
            (t.t("tool_prefix"), m.tool_prefix.as_deref().map(code)),
        ]),
    };
    vec![name, d]
}

fn auth_details(site: &Site<'_>, a: &AuthMethod) -> String {
    let t = &site.t;
    match a {
        AuthMethod::ApiKey(k) => details(vec![
            (t.t("header"), k.header_name.as_deref().map(code)),
            (t.t("query_param"), k.query_param.as_deref().map(code)),
            (t.t("prefix"), k.prefix.as_deref().map(code)),
        ]),
        AuthMethod::OAuth2(o) => details(vec![
            (t.t("grant"), Some(code(&wire(&o.grant_type)))),
            (
                t.t("authorization_url"),
                o.authorization_url.as_deref().map(url),
            ),
            (t.t("token_url"), o.token_url.as_deref().map(url)),
            (
                t.t("scopes"),
                (!o.scopes.is_empty()).then(|| {
                    o.scopes
                        .iter()
                        .map(|s| code(s))
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
            ),
            ("PKCE", o.pkce.map(|b| yes_no(site, b))),
            (t.t("revocation_url"), o.revocation_url.as_deref().map(url)),
        ]),
        AuthMethod::Bearer(b) => details(vec![(
            t.t("token_field"),
            b.token_field.as_deref().map(code),
        )]),
        AuthMethod::Header(h) => details(vec![
            (t.t("header"), Some(code(&h.header_name))),
            (
                t.t("prefix"),
                h.value_prefix
                    .as_deref()
                    .filter(|p| !p.is_empty())
                    .map(code),
            ),
        ]),
        AuthMethod::Basic(b) => details(vec![
            (t.t("username_field"), b.username_field.as_deref().map(code)),
            (t.t("password_field"), b.password_field.as_deref().map(code)),
        ]),
        AuthMethod::WebhookSigning(s) => details(vec![
            (t.t("algorithm"), Some(code(s.algorithm.as_str()))),
            (t.t("signature_header"), Some(code(&s.signature_header))),
            (
                t.t("timestamp_header"),
                s.timestamp_header.as_deref().map(code),
            ),
            (
                t.t("tolerance"),
                s.tolerance_ms.map(|ms| format!("{ms} ms")),
            ),
        ]),
        AuthMethod::ServiceAccount(s) => details(vec![
            (
                t.t("credential_format"),
                Some(code(&wire(&s.credential_format))),
            ),
            (
                t.t("credential_field"),
                s.credential_field.as_deref().map(code),
            ),
        ]),
    }
}
