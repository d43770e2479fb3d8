//! One page per contract: a summary, then what the kind carries, then the source.
//!
//! Everything is written into the one `String` of the page, escaped as it goes, rather than
//! into parts that are then copied into it.

use std::fmt::Write as _;

use charter_model::{Contract, Event, Kind, Operation};
use charter_workspace::Loaded;

use super::{
    code, esc, facts, layout_end, layout_start, pretty, push_code, push_esc, schema_table,
    table_start, url, yes_no, Site, TABLE_END,
};

pub fn render(site: &Site<'_>, l: &Loaded, source: &str) -> String {
    let t = &site.t;
    let c = &l.contract;
    let m = c.meta();
    let source = source.trim_end();
    // The escaped source is most of a page; room for it and the rest at once saves growing
    // the page several times.
    let mut out = String::with_capacity(2 * source.len() + 4096);
    layout_start(&mut out, site, &format!("{} · {}", m.title(), m.key), 1);
    let kind_word = site.kind_word(c.kind());
    out.push_str("<h1>");
    push_esc(&mut out, m.title());
    out.push_str("</h1>\n<p class=\"meta\">");
    push_code(&mut out, &m.key);
    out.push_str(" · ");
    push_esc(&mut out, kind_word);
    out.push_str(" · ");
    push_esc(&mut out, t.t("version"));
    out.push(' ');
    push_esc(&mut out, &m.version);
    out.push_str(" · ");
    out.push_str(site.stability_badge(m.stability));
    out.push_str("</p>\n<p>");
    push_esc(&mut out, m.description.trim());
    out.push_str("</p>\n");

    let list = |v: &[String]| {
        if v.is_empty() {
            esc(t.t("none"))
        } else {
            esc(&v.join(", "))
        }
    };
    let mut rows = vec![
        (t.t("key"), code(&m.key)),
        (t.t("kind"), esc(kind_word)),
        (t.t("version"), esc(&m.version)),
        (
            t.t("stability"),
            site.stability_badge(m.stability).to_string(),
        ),
    ];
    if let Some(cat) = &m.category {
        rows.push((t.t("category"), esc(cat)));
    }
    rows.push((t.t("domain"), esc(m.domain())));
    rows.push((t.t("owners"), list(&m.owners)));
    rows.push((t.t("tags"), list(&m.tags)));
    rows.push((t.t("file"), code(&site.sources.path(site.ws, l))));
    let docs = m.docs_url.as_deref().or(match c {
        Contract::Integration(i) => i.docs_url.as_deref(),
        _ => None,
    });
    if let Some(u) = docs {
        rows.push((t.t("docs"), url(u)));
    }
    heading(&mut out, t.t("summary"));
    facts(&mut out, &rows);

    match c {
        Contract::Integration(i) => super::integration::render(&mut out, site, i),
        Contract::Operation(o) => operation(&mut out, site, l, o),
        Contract::Event(e) => event(&mut out, site, e),
        Contract::Capability(cap) => {
            if !cap.provides.is_empty() {
                heading(&mut out, t.t("provides"));
                table_start(&mut out, &[t.t("kind"), t.t("key")]);
                for p in &cap.provides {
                    let kind = Kind::parse(&super::wire(&p.surface)).unwrap_or(Kind::Capability);
                    out.push_str("<tr><td>");
                    push_esc(&mut out, site.kind_word(kind));
                    out.push_str("</td><td>");
                    site.link(&mut out, kind, &p.key, p.version.as_deref());
                    out.push_str("</td></tr>\n");
                }
                out.push_str(TABLE_END);
            }
            if !cap.requires.is_empty() {
                super::integration::requirements(&mut out, site, &cap.requires);
            }
            if let Some(x) = &cap.extends {
                heading(&mut out, t.t("extends"));
                out.push_str("<p>");
                site.link(&mut out, Kind::Capability, &x.key, x.version.as_deref());
                out.push_str("</p>\n");
            }
        }
        Contract::Feature(f) => {
            for (label, kind, refs) in [
                ("operations", Kind::Operation, &f.operations),
                ("events", Kind::Event, &f.events),
                ("integrations", Kind::Integration, &f.integrations),
                ("capabilities", Kind::Capability, &f.capabilities),
            ] {
                if !refs.is_empty() {
                    heading(&mut out, t.t(label));
                    out.push_str("<ul>\n");
                    for r in refs {
                        out.push_str("<li>");
                        site.link(&mut out, kind, &r.key, r.version.as_deref());
                        out.push_str("</li>\n");
                    }
                    out.push_str("</ul>\n");
                }
            }
        }
    }
    heading(&mut out, t.t("source"));
    out.push_str("<pre>");
    push_esc(&mut out, source);
    out.push_str("</pre>\n");
    layout_end(&mut out, site, "");
    out
}

/// `<h2>label</h2>` and a line break.
fn heading(out: &mut String, label: &str) {
    out.push_str("<h2>");
    push_esc(out, label);
    out.push_str("</h2>\n");
}

/// `<p><strong>label.</strong> text</p>` and a line break.
fn lead(out: &mut String, label: &str, text: &str) {
    out.push_str("<p><strong>");
    push_esc(out, label);
    out.push_str(".</strong> ");
    push_esc(out, text.trim());
    out.push_str("</p>\n");
}

fn operation(out: &mut String, site: &Site<'_>, l: &Loaded, o: &Operation) {
    let t = &site.t;
    let m = &o.meta;
    if let Some(g) = &m.goal {
        lead(out, t.t("goal"), g);
    }
    if let Some(cx) = &m.context {
        lead(out, t.t("context"), cx);
    }
    let mut access = Vec::new();
    if let Some(tr) = &o.transport {
        if let Some(r) = &tr.rest {
            access.push((
                t.t("rest_route"),
                code(&format!("{} {}", r.method.as_str(), r.path)),
            ));
        }
        if let Some(mcp) = &tr.mcp {
            access.push((t.t("mcp_tool"), code(&mcp.tool_name)));
        }
    }
    if let Some(p) = &o.policy {
        if let Some(a) = p.auth {
            let word = match a {
                charter_model::AuthLevel::Anonymous => "auth.anonymous",
                charter_model::AuthLevel::User => "auth.user",
                charter_model::AuthLevel::Admin => "auth.admin",
            };
            access.push((t.t("auth"), esc(t.t(word))));
        }
        if !p.roles.is_empty() {
            access.push((t.t("roles"), esc(&p.roles.join(", "))));
        }
        if !p.permissions.is_empty() {
            access.push((t.t("permissions"), esc(&p.permissions.join(", "))));
        }
        if let Some(rl) = &p.rate_limit {
            if let Some(v) = rl.rpm {
                access.push((t.t("rpm"), v.to_string()));
            }
            if let Some(v) = rl.rph {
                access.push((t.t("rph"), v.to_string()));
            }
        }
        if let Some(i) = p.idempotent {
            access.push((t.t("idempotent"), yes_no(site, i)));
        }
    }
    if let Some(cap) = &o.capability {
        let mut link = String::new();
        site.link(
            &mut link,
            Kind::Capability,
            &cap.key,
            cap.version.as_deref(),
        );
        access.push((t.t("capability"), link));
    }
    if !access.is_empty() {
        heading(out, t.t("access"));
        facts(out, &access);
    }
    for (label, schema) in [
        ("input", &o.io.input),
        ("output", &o.io.output),
        ("params", &o.io.params),
        ("query", &o.io.query),
        ("headers", &o.io.headers),
    ] {
        if let Some(s) = schema {
            heading(out, t.t(label));
            resolved_table(out, site, l, s);
        }
    }
    if !o.io.errors.is_empty() {
        heading(out, t.t("errors"));
        table_start(out, &[t.t("code"), t.t("http_status"), t.t("when")]);
        for (k, e) in &o.io.errors {
            out.push_str("<tr><td>");
            push_code(out, k);
            let _ = write!(out, "</td><td>{}</td><td>", e.http);
            push_esc(out, e.when.as_deref().unwrap_or(""));
            out.push_str("</td></tr>\n");
        }
        out.push_str(TABLE_END);
    }
    if let Some(fx) = &o.side_effects {
        if !fx.emits.is_empty() {
            heading(out, t.t("emits"));
            out.push_str("<ul>\n");
            for r in &fx.emits {
                out.push_str("<li>");
                site.link(out, Kind::Event, &r.key, r.version.as_deref());
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
    }
    if !o.examples.is_empty() {
        heading(out, t.t("examples"));
        for (i, ex) in o.examples.iter().enumerate() {
            out.push_str("<h3>");
            match &ex.name {
                Some(name) => push_esc(out, name),
                None => {
                    push_esc(out, t.t("example"));
                    let _ = write!(out, " {}", i + 1);
                }
            }
            out.push_str("</h3>\n");
            for (label, value) in [("input", &ex.input), ("output", &ex.output)] {
                if let Some(v) = value {
                    out.push_str("<p>");
                    push_esc(out, t.t(label));
                    out.push_str("</p>\n");
                    pretty(out, v);
                }
            }
        }
    }
}

fn event(out: &mut String, site: &Site<'_>, e: &Event) {
    let t = &site.t;
    heading(out, t.t("payload"));
    schema_table(out, site, &e.payload);
    if !e.pii.is_empty() {
        heading(out, t.t("pii"));
        out.push_str("<p>");
        for (i, p) in e.pii.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_code(out, p);
        }
        out.push_str("</p>\n");
    }
    if let Some(cap) = &e.capability {
        heading(out, t.t("capability"));
        out.push_str("<p>");
        site.link(out, Kind::Capability, &cap.key, cap.version.as_deref());
        out.push_str("</p>\n");
    }
    if !e.examples.is_empty() {
        heading(out, t.t("examples"));
        for ex in &e.examples {
            pretty(out, ex);
        }
    }
}

/// The table of a schema; a schema that only names another file shows that file's name
/// and properties.
fn resolved_table(out: &mut String, site: &Site<'_>, l: &Loaded, schema: &serde_json::Value) {
    let names_a_file = schema.as_object().is_some_and(|o| {
        o.len() == 1
            && o.get("$ref")
                .and_then(|r| r.as_str())
                .is_some_and(|r| !r.starts_with('#'))
    });
    if !names_a_file {
        return schema_table(out, site, schema);
    }
    let mut cache = crate::bundle::FileCache::default();
    let mut b = crate::bundle::Bundler::new(&mut cache, "#/$defs/");
    let bundled = b.bundle(schema, &crate::bundle::contract_dir(site.ws, l), None);
    let target = bundled
        .as_object()
        .filter(|o| o.len() == 1)
        .and_then(|o| o.get("$ref"))
        .and_then(serde_json::Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
        .and_then(|name| b.defs.get(name).map(|d| (name, d)));
    match target {
        Some((name, def)) => {
            out.push_str("<p>");
            push_code(out, name);
            out.push_str("</p>\n");
            schema_table(out, site, def);
        }
        None => schema_table(out, site, schema),
    }
}
