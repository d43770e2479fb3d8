//! One page per contract: a summary, then what the kind carries, then the source.

use std::fmt::Write as _;

use charter_model::{Contract, Event, Kind, Operation};
use charter_workspace::Loaded;

use super::{code, esc, facts, layout, pretty, schema_table, table, url, yes_no, Site};

pub fn render(site: &Site<'_>, l: &Loaded, source: &str) -> String {
    let t = &site.t;
    let c = &l.contract;
    let m = c.meta();
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"meta\"><code>{}</code> · {} · {} {} · {}</p>\n<p>{}</p>\n",
        esc(m.title()),
        esc(&m.key),
        esc(site.kind_word(c.kind())),
        esc(t.t("version")),
        esc(&m.version),
        site.stability_badge(m.stability),
        esc(m.description.trim()),
    );
    let none = || esc(t.t("none"));
    let list = |v: &[String]| {
        if v.is_empty() {
            none()
        } else {
            esc(&v.join(", "))
        }
    };
    let mut rows = vec![
        (t.t("key"), code(&m.key)),
        (t.t("kind"), esc(site.kind_word(c.kind()))),
        (t.t("version"), esc(&m.version)),
        (t.t("stability"), site.stability_badge(m.stability)),
    ];
    if let Some(cat) = &m.category {
        rows.push((t.t("category"), esc(cat)));
    }
    rows.push((t.t("domain"), esc(m.domain())));
    rows.push((t.t("owners"), list(&m.owners)));
    rows.push((t.t("tags"), list(&m.tags)));
    rows.push((t.t("file"), code(&site.sources.path(site.ws, l))));
    let docs = m.docs_url.clone().or_else(|| match c {
        Contract::Integration(i) => i.docs_url.clone(),
        _ => None,
    });
    if let Some(u) = docs {
        rows.push((t.t("docs"), url(&u)));
    }
    let _ = write!(body, "<h2>{}</h2>\n{}", esc(t.t("summary")), facts(&rows));
    match c {
        Contract::Integration(i) => body.push_str(&super::integration::render(site, i)),
        Contract::Operation(o) => body.push_str(&operation(site, l, o)),
        Contract::Event(e) => body.push_str(&event(site, e)),
        Contract::Capability(cap) => {
            if !cap.provides.is_empty() {
                let rows: Vec<Vec<String>> = cap
                    .provides
                    .iter()
                    .map(|p| {
                        let kind =
                            Kind::parse(&super::wire(&p.surface)).unwrap_or(Kind::Capability);
                        vec![
                            esc(site.kind_word(kind)),
                            site.link(kind, &p.key, p.version.as_deref()),
                        ]
                    })
                    .collect();
                let _ = write!(
                    body,
                    "<h2>{}</h2>\n{}",
                    esc(t.t("provides")),
                    table(&[t.t("kind"), t.t("key")], &rows)
                );
            }
            if !cap.requires.is_empty() {
                body.push_str(&super::integration::requirements(site, &cap.requires));
            }
            if let Some(x) = &cap.extends {
                let _ = write!(
                    body,
                    "<h2>{}</h2>\n<p>{}</p>\n",
                    esc(t.t("extends")),
                    site.link(Kind::Capability, &x.key, x.version.as_deref())
                );
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
                    let _ = write!(body, "<h2>{}</h2>\n<ul>\n", esc(t.t(label)));
                    for r in refs {
                        let _ = writeln!(
                            body,
                            "<li>{}</li>",
                            site.link(kind, &r.key, r.version.as_deref())
                        );
                    }
                    body.push_str("</ul>\n");
                }
            }
        }
    }
    let _ = write!(
        body,
        "<h2>{}</h2>\n<pre>{}</pre>\n",
        esc(t.t("source")),
        esc(source.trim_end())
    );
    let title = format!("{} · {}", m.title(), m.key);
    layout(site, &title, 1, &body, "")
}

fn operation(site: &Site<'_>, l: &Loaded, o: &Operation) -> String {
    let t = &site.t;
    let m = &o.meta;
    let mut out = String::new();
    if let Some(g) = &m.goal {
        let _ = writeln!(
            out,
            "<p><strong>{}.</strong> {}</p>",
            esc(t.t("goal")),
            esc(g.trim())
        );
    }
    if let Some(cx) = &m.context {
        let _ = writeln!(
            out,
            "<p><strong>{}.</strong> {}</p>",
            esc(t.t("context")),
            esc(cx.trim())
        );
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
        access.push((
            t.t("capability"),
            site.link(Kind::Capability, &cap.key, cap.version.as_deref()),
        ));
    }
    if !access.is_empty() {
        let _ = write!(out, "<h2>{}</h2>\n{}", esc(t.t("access")), facts(&access));
    }
    for (label, schema) in [
        ("input", &o.io.input),
        ("output", &o.io.output),
        ("params", &o.io.params),
        ("query", &o.io.query),
        ("headers", &o.io.headers),
    ] {
        if let Some(s) = schema {
            let _ = write!(
                out,
                "<h2>{}</h2>\n{}",
                esc(t.t(label)),
                resolved_table(site, l, s)
            );
        }
    }
    if !o.io.errors.is_empty() {
        let rows: Vec<Vec<String>> =
            o.io.errors
                .iter()
                .map(|(k, e)| {
                    vec![
                        code(k),
                        e.http.to_string(),
                        esc(e.when.as_deref().unwrap_or("")),
                    ]
                })
                .collect();
        let _ = write!(
            out,
            "<h2>{}</h2>\n{}",
            esc(t.t("errors")),
            table(&[t.t("code"), t.t("http_status"), t.t("when")], &rows)
        );
    }
    if let Some(fx) = &o.side_effects {
        if !fx.emits.is_empty() {
            let _ = write!(out, "<h2>{}</h2>\n<ul>\n", esc(t.t("emits")));
            for r in &fx.emits {
                let _ = writeln!(
                    out,
                    "<li>{}</li>",
                    site.link(Kind::Event, &r.key, r.version.as_deref())
                );
            }
            out.push_str("</ul>\n");
        }
    }
    if !o.examples.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", esc(t.t("examples")));
        for (i, ex) in o.examples.iter().enumerate() {
            let name = ex
                .name
                .clone()
                .unwrap_or_else(|| format!("{} {}", t.t("example"), i + 1));
            let _ = writeln!(out, "<h3>{}</h3>", esc(&name));
            if let Some(v) = &ex.input {
                let _ = write!(out, "<p>{}</p>\n{}", esc(t.t("input")), pretty(v));
            }
            if let Some(v) = &ex.output {
                let _ = write!(out, "<p>{}</p>\n{}", esc(t.t("output")), pretty(v));
            }
        }
    }
    out
}

fn event(site: &Site<'_>, e: &Event) -> String {
    let t = &site.t;
    let mut out = format!(
        "<h2>{}</h2>\n{}",
        esc(t.t("payload")),
        schema_table(site, &e.payload)
    );
    if !e.pii.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<p>{}</p>\n",
            esc(t.t("pii")),
            e.pii.iter().map(|p| code(p)).collect::<Vec<_>>().join(", ")
        );
    }
    if let Some(cap) = &e.capability {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<p>{}</p>\n",
            esc(t.t("capability")),
            site.link(Kind::Capability, &cap.key, cap.version.as_deref())
        );
    }
    if !e.examples.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", esc(t.t("examples")));
        for ex in &e.examples {
            out.push_str(&pretty(ex));
        }
    }
    out
}

/// The table of a schema; a schema that only names another file shows that file's name
/// and properties.
fn resolved_table(site: &Site<'_>, l: &Loaded, schema: &serde_json::Value) -> String {
    let names_a_file = schema.as_object().is_some_and(|o| {
        o.len() == 1
            && o.get("$ref")
                .and_then(|r| r.as_str())
                .is_some_and(|r| !r.starts_with('#'))
    });
    if !names_a_file {
        return schema_table(site, schema);
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
        .and_then(|name| b.defs.get(name).map(|d| (name.to_string(), d.clone())));
    match target {
        Some((name, def)) => format!("<p>{}</p>\n{}", code(&name), schema_table(site, &def)),
        None => schema_table(site, schema),
    }
}
