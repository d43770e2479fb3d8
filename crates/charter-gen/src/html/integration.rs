//! The integration part of a page: modes, transports, auth methods, version policy, rate
//! limits and quotas, config and secret schemas, BYOK setup, capabilities, health check.

use std::fmt::Write as _;

use charter_model::{AuthMethod, CapabilityRequirement, Integration, Kind, Mode, Transport};

use super::{
    code, esc, facts, push_code, push_esc, schema_table, table_start, url, wire, yes_no, Site,
    TABLE_END,
};

/// Writes the `label: value` pairs that have a value, separated by `<br>`, as a details cell;
/// values are HTML already.
fn details<'v>(out: &mut String, pairs: impl IntoIterator<Item = (&'v str, Option<String>)>) {
    let mut first = true;
    for (k, v) in pairs {
        if let Some(v) = v {
            if !first {
                out.push_str("<br>");
            }
            first = false;
            push_esc(out, k);
            out.push_str(": ");
            out.push_str(&v);
        }
    }
}

/// `<h2>label</h2>` and a line break.
fn heading(out: &mut String, label: &str) {
    out.push_str("<h2>");
    push_esc(out, label);
    out.push_str("</h2>\n");
}

/// `<h3>label</h3>` and a line break.
fn subheading(out: &mut String, label: &str) {
    out.push_str("<h3>");
    push_esc(out, label);
    out.push_str("</h3>\n");
}

/// Codes separated by spaces.
fn codes<'s>(out: &mut String, items: impl IntoIterator<Item = &'s String>) {
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_code(out, s);
    }
}

pub fn render(out: &mut String, site: &Site<'_>, i: &Integration) {
    let t = &site.t;
    if !i.supported_modes.is_empty() {
        heading(out, t.t("modes"));
        out.push_str("<p>");
        for (n, m) in i.supported_modes.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            push_esc(
                out,
                match m {
                    Mode::Managed => t.t("mode.managed"),
                    Mode::Byok => t.t("mode.byok"),
                },
            );
        }
        out.push_str("</p>\n");
    }
    if !i.transports.is_empty() {
        heading(out, t.t("transports"));
        table_start(out, &[t.t("transport"), t.t("details")]);
        for tr in &i.transports {
            transport_row(out, site, i, tr);
        }
        out.push_str(TABLE_END);
    }
    if !i.supported_auth_methods.is_empty() {
        heading(out, t.t("auth_methods"));
        table_start(out, &[t.t("method"), t.t("details")]);
        for a in &i.supported_auth_methods {
            out.push_str("<tr><td>");
            push_esc(out, t.t(&format!("authm.{}", a.type_name())));
            out.push(' ');
            push_code(out, a.type_name());
            out.push_str("</td><td>");
            auth_details(out, site, a);
            out.push_str("</td></tr>\n");
        }
        out.push_str(TABLE_END);
    }
    if let Some(vp) = &i.version_policy {
        heading(out, t.t("version_policy"));
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
        facts(out, &f);
        table_start(
            out,
            &[
                t.t("version"),
                t.t("status"),
                t.t("released"),
                t.t("sunset"),
                t.t("migration"),
            ],
        );
        for v in &vp.supported_versions {
            let s = v.status.as_str();
            out.push_str("<tr><td>");
            push_code(out, &v.version);
            let _ = write!(out, "</td><td><span class=\"badge v-{s}\">");
            push_esc(out, t.t(&format!("vstatus.{s}")));
            out.push_str("</span></td><td>");
            push_esc(out, v.released_at.as_deref().unwrap_or("—"));
            out.push_str("</td><td>");
            push_esc(out, v.sunset_date.as_deref().unwrap_or("—"));
            out.push_str("</td><td>");
            match v.migration_guide.as_deref() {
                Some(g) => out.push_str(&url(g)),
                None => out.push('—'),
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str(TABLE_END);
    }
    if let Some(c) = &i.constraints {
        let rpm = c.rate_limit.as_ref().and_then(|rl| rl.rpm);
        let rph = c.rate_limit.as_ref().and_then(|rl| rl.rph);
        if rpm.is_some() || rph.is_some() || !c.quotas.is_empty() {
            heading(out, t.t("rate_limits"));
            table_start(out, &[t.t("limit"), t.t("value")]);
            for (label, v) in [("rpm", rpm), ("rph", rph)] {
                if let Some(v) = v {
                    out.push_str("<tr><td>");
                    push_esc(out, t.t(label));
                    let _ = writeln!(out, "</td><td>{v}</td></tr>");
                }
            }
            for (k, v) in &c.quotas {
                out.push_str("<tr><td>");
                push_code(out, k);
                let _ = writeln!(out, "</td><td>{v}</td></tr>");
            }
            out.push_str(TABLE_END);
        }
    }
    if let Some(s) = &i.config_schema {
        heading(out, t.t("config"));
        schema_table(out, site, &s.schema);
    }
    if let Some(s) = &i.secret_schema {
        heading(out, t.t("secrets"));
        schema_table(out, site, &s.schema);
    }
    if let Some(b) = &i.byok_setup {
        heading(out, t.t("byok"));
        if let Some(s) = &b.setup_instructions {
            out.push_str("<p>");
            push_esc(out, s.trim());
            out.push_str("</p>\n");
        }
        let mut f = Vec::new();
        if !b.required_scopes.is_empty() {
            let mut scopes = String::new();
            codes(&mut scopes, &b.required_scopes);
            f.push((t.t("required_scopes"), scopes));
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
            facts(out, &f);
        }
        if !b.provisioning_steps.is_empty() {
            subheading(out, t.t("provisioning"));
            out.push_str("<ol>\n");
            for s in &b.provisioning_steps {
                out.push_str("<li>");
                push_esc(out, s);
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
        }
    }
    if let Some(caps) = &i.capabilities {
        heading(out, t.t("capabilities"));
        if !caps.provides.is_empty() {
            subheading(out, t.t("provides"));
            out.push_str("<ul>\n");
            for p in &caps.provides {
                out.push_str("<li>");
                site.link(out, Kind::Capability, &p.key, p.version.as_deref());
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        if !caps.requires.is_empty() {
            requirements(out, site, &caps.requires);
        }
    }
    if let Some(h) = &i.health_check {
        heading(out, t.t("health"));
        facts(
            out,
            &[
                (t.t("method"), code(&wire(&h.method))),
                (t.t("timeout"), format!("{} ms", h.timeout_ms)),
            ],
        );
    }
}

/// A `requires` list with links, `optional` and reasons.
pub fn requirements(out: &mut String, site: &Site<'_>, reqs: &[CapabilityRequirement]) {
    let t = &site.t;
    subheading(out, t.t("requires"));
    out.push_str("<ul>\n");
    let external = &site.ws.config.workspace.external_capabilities;
    for r in reqs {
        let kind = r.kind.unwrap_or(Kind::Capability);
        out.push_str("<li>");
        site.link(out, kind, &r.key, r.version.as_deref());
        if r.optional {
            out.push_str(" (");
            push_esc(out, t.t("optional"));
            out.push(')');
        }
        if external.contains(&r.key) {
            out.push_str(" — ");
            push_esc(out, t.t("external"));
        }
        if let Some(reason) = &r.reason {
            out.push_str(": ");
            push_esc(out, reason);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// A row of the transports table.
fn transport_row(out: &mut String, site: &Site<'_>, i: &Integration, tr: &Transport) {
    let t = &site.t;
    out.push_str("<tr><td>");
    push_code(out, tr.type_name());
    if i.preferred_transport.as_deref() == Some(tr.type_name()) {
        out.push_str(" (");
        push_esc(out, t.t("preferred"));
        out.push(')');
    }
    out.push_str("</td><td>");
    match tr {
        Transport::Rest(r) => details(
            out,
            [
                (t.t("base_url"), Some(code(&r.base_url))),
                (
                    t.t("api_version_header"),
                    r.api_version_header.as_deref().map(code),
                ),
                (
                    t.t("rate_limit_headers"),
                    r.rate_limit_headers.as_ref().map(|h| {
                        let mut s = String::new();
                        codes(
                            &mut s,
                            [&h.limit, &h.remaining, &h.reset].into_iter().flatten(),
                        );
                        s
                    }),
                ),
                (
                    t.t("content_types"),
                    (!r.accept_content_types.is_empty())
                        .then(|| esc(&r.accept_content_types.join(", "))),
                ),
            ],
        ),
        Transport::Webhook(w) => {
            let inb = w.inbound.as_ref();
            details(
                out,
                [
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
                ],
            )
        }
        Transport::Sdk(s) => details(
            out,
            [
                (t.t("package"), Some(code(&s.package_name))),
                (t.t("min_version"), s.min_version.as_deref().map(code)),
                (t.t("runtime"), s.runtime.as_deref().map(esc)),
            ],
        ),
        Transport::Mcp(m) => details(
            out,
            [
                (t.t("transport"), Some(code(&wire(&m.transport)))),
                (t.t("url"), m.url.as_deref().map(url)),
                (
                    t.t("command"),
                    m.command
                        .as_ref()
                        .map(|c| code(format!("{c} {}", m.args.join(" ")).trim_end())),
                ),
                (t.t("tool_prefix"), m.tool_prefix.as_deref().map(code)),
            ],
        ),
    }
    out.push_str("</td></tr>\n");
}

/// The details cell of an authentication method.
fn auth_details(out: &mut String, site: &Site<'_>, a: &AuthMethod) {
    let t = &site.t;
    match a {
        AuthMethod::ApiKey(k) => details(
            out,
            [
                (t.t("header"), k.header_name.as_deref().map(code)),
                (t.t("query_param"), k.query_param.as_deref().map(code)),
                (t.t("prefix"), k.prefix.as_deref().map(code)),
            ],
        ),
        AuthMethod::OAuth2(o) => details(
            out,
            [
                (t.t("grant"), Some(code(&wire(&o.grant_type)))),
                (
                    t.t("authorization_url"),
                    o.authorization_url.as_deref().map(url),
                ),
                (t.t("token_url"), o.token_url.as_deref().map(url)),
                (
                    t.t("scopes"),
                    (!o.scopes.is_empty()).then(|| {
                        let mut s = String::new();
                        codes(&mut s, &o.scopes);
                        s
                    }),
                ),
                ("PKCE", o.pkce.map(|b| yes_no(site, b))),
                (t.t("revocation_url"), o.revocation_url.as_deref().map(url)),
            ],
        ),
        AuthMethod::Bearer(b) => details(
            out,
            [(t.t("token_field"), b.token_field.as_deref().map(code))],
        ),
        AuthMethod::Header(h) => details(
            out,
            [
                (t.t("header"), Some(code(&h.header_name))),
                (
                    t.t("prefix"),
                    h.value_prefix
                        .as_deref()
                        .filter(|p| !p.is_empty())
                        .map(code),
                ),
            ],
        ),
        AuthMethod::Basic(b) => details(
            out,
            [
                (t.t("username_field"), b.username_field.as_deref().map(code)),
                (t.t("password_field"), b.password_field.as_deref().map(code)),
            ],
        ),
        AuthMethod::WebhookSigning(s) => details(
            out,
            [
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
            ],
        ),
        AuthMethod::ServiceAccount(s) => details(
            out,
            [
                (
                    t.t("credential_format"),
                    Some(code(&wire(&s.credential_format))),
                ),
                (
                    t.t("credential_field"),
                    s.credential_field.as_deref().map(code),
                ),
            ],
        ),
    }
}
