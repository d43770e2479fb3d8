//! The HTML documentation site: `docs/html/index.html` (filters and search over an embedded
//! JSON list), one page per contract, and one stylesheet that every page links to (relative
//! links and inline scripts, so the site works offline: nothing is loaded from the network). Every text is HTML-escaped; labels come from [`Catalog`].

mod index;
mod integration;
mod page;

use std::collections::HashMap;
use std::fmt::Write as _;

use charter_model::{Contract, Kind, Stability};
use charter_workspace::{Loaded, Workspace};
use minijinja::HtmlEscape;
use serde_json::Value;

use crate::i18n::Catalog;
use crate::sources::Sources;
use crate::GeneratedFile;

pub const ROOT: &str = "docs/html";

/// Escapes text for an HTML element or a quoted attribute.
pub fn esc(s: &str) -> String {
    HtmlEscape(s).to_string()
}

/// Page path of a contract, relative to the site root.
pub fn page_path(c: &Contract) -> String {
    let m = c.meta();
    format!("{}/{}@{}.html", c.kind(), m.key, m.version)
}

/// What the pages need to know about the whole workspace.
pub struct Site<'a> {
    pub ws: &'a Workspace,
    pub t: Catalog,
    pub sources: &'a Sources,
    /// (kind, key) -> page path of the highest version, for links.
    latest: HashMap<(Kind, &'a str), String>,
}

impl<'a> Site<'a> {
    pub fn new(ws: &'a Workspace, sources: &'a Sources, t: Catalog) -> Self {
        let mut latest = HashMap::new();
        for (kind, key) in ws.registry.keys() {
            if let Some(&i) = ws.registry.versions(*kind, key).first() {
                latest.insert((*kind, key.as_str()), page_path(&ws.contracts[i].contract));
            }
        }
        Site {
            ws,
            t,
            sources,
            latest,
        }
    }

    /// A link to a contract page (from a page one folder deep), or the escaped name when the
    /// workspace has no such contract.
    pub fn link(&self, kind: Kind, key: &str, version: Option<&str>) -> String {
        let text = match version {
            Some(v) => format!("{key}@{v}"),
            None => key.to_string(),
        };
        let target = match version {
            Some(v) => self
                .ws
                .registry
                .versions(kind, key)
                .iter()
                .map(|&i| &self.ws.contracts[i].contract)
                .find(|c| c.meta().version == v)
                .map(page_path),
            None => self.latest.get(&(kind, key)).cloned(),
        };
        match target {
            Some(p) => format!("<a href=\"../{}\"><code>{}</code></a>", esc(&p), esc(&text)),
            None => format!("<code>{}</code>", esc(&text)),
        }
    }

    pub fn kind_word(&self, k: Kind) -> &'static str {
        self.t.t(&format!("kind.{}", k.as_str()))
    }

    pub fn stability_badge(&self, s: Stability) -> String {
        format!(
            "<span class=\"badge s-{}\">{}</span>",
            s.as_str(),
            esc(self.t.t(&format!("stability.{}", s.as_str())))
        )
    }
}

/// The HTML page of one contract; `source` is the text of its document.
pub fn page_file(site: &Site<'_>, l: &Loaded, source: &str) -> GeneratedFile {
    GeneratedFile {
        path: format!("{ROOT}/{}", page_path(&l.contract)),
        contents: page::render(site, l, source),
    }
}

/// The site's stylesheet (path relative to the site root), shared by every page.
pub const STYLESHEET: &str = "style.css";

/// The stylesheet file.
pub fn stylesheet_file() -> GeneratedFile {
    GeneratedFile {
        path: format!("{ROOT}/{STYLESHEET}"),
        contents: format!("/* {} */\n{CSS}\n", crate::MARKER_TEXT),
    }
}

/// The index page: every contract, with filters and search.
pub fn index_file(site: &Site<'_>) -> GeneratedFile {
    GeneratedFile {
        path: format!("{ROOT}/index.html"),
        contents: index::render(site),
    }
}

const CSS: &str = "\
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--accent:#0969da}\
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);background:var(--bg)}\
header{background:var(--soft);border-bottom:1px solid var(--line);padding:12px 24px}header a{color:var(--accent);text-decoration:none}\
main{max-width:1100px;margin:0 auto;padding:16px 24px 48px}h1{font-size:28px;margin:8px 0}h2{font-size:20px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}\
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}th{background:var(--soft);font-weight:600}\
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}code{background:var(--soft);padding:1px 4px;border-radius:4px}\
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:12px;overflow:auto}\
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;font-weight:600;border:1px solid transparent}\
.s-stable{background:#dafbe1;color:#116329}.s-beta{background:#fff8c5;color:#7d4e00}.s-experimental,.s-in_creation,.s-idea{background:#ddf4ff;color:#0550ae}.s-deprecated,.v-sunset{background:#ffebe9;color:#a40e26}\
.v-stable{background:#dafbe1;color:#116329}.v-beta{background:#fff8c5;color:#7d4e00}.v-deprecated{background:#fff1e5;color:#953800}\
.meta{color:var(--muted)}.filters{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}.filters label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}\
.filters input,.filters select{font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px;min-width:150px}\
footer{color:var(--muted);font-size:13px;margin-top:40px}";

/// A whole page. `depth` is how many folders below the site root the page is.
pub fn layout(site: &Site<'_>, title: &str, depth: usize, body: &str, script: &str) -> String {
    let up = "../".repeat(depth);
    let mut out = String::with_capacity(body.len() + 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<!-- {} -->\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"Charter\">\n<title>{}</title>\n<link rel=\"stylesheet\" href=\"{up}{STYLESHEET}\">\n</head>\n<body>\n\
<header><a href=\"{up}index.html\">{}</a></header>\n<main>\n{body}\n<footer>{}</footer>\n</main>\n{script}</body>\n</html>\n",
        crate::MARKER_TEXT,
        site.t.lang,
        esc(title),
        esc(site.t.t("back")),
        esc(site.t.t("generated")),
    );
    out
}

/// A table; cells are HTML already.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("<table>\n<thead><tr>");
    for h in headers {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for c in r {
            let _ = write!(out, "<td>{c}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// A two-column key/value table; values are HTML already.
pub fn facts(rows: &[(&str, String)]) -> String {
    let mut out = String::from("<table class=\"facts\">\n<tbody>\n");
    for (k, v) in rows {
        let _ = writeln!(out, "<tr><th>{}</th><td>{v}</td></tr>", esc(k));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The contract-file spelling of an enum value (`authorization_code`, `json-key`).
pub fn wire<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

pub fn code(s: &str) -> String {
    format!("<code>{}</code>", esc(s))
}

/// A link for an http(s) URL; anything else is shown as text, never as a link.
pub fn url(s: &str) -> String {
    if s.starts_with("https://") || s.starts_with("http://") {
        format!("<a href=\"{0}\">{0}</a>", esc(s))
    } else {
        esc(s)
    }
}

pub fn yes_no(site: &Site<'_>, b: bool) -> String {
    esc(site.t.t(if b { "yes" } else { "no" }))
}

pub fn pretty(v: &Value) -> String {
    format!(
        "<pre>{}</pre>",
        esc(&serde_json::to_string_pretty(v).unwrap_or_default())
    )
}

/// The properties of an object schema as a table, or the schema itself as JSON.
pub fn schema_table(site: &Site<'_>, schema: &Value) -> String {
    let t = &site.t;
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    match schema.get("properties").and_then(Value::as_object) {
        Some(props) if !props.is_empty() => {
            let rows: Vec<Vec<String>> = props
                .iter()
                .map(|(name, p)| {
                    vec![
                        code(name),
                        esc(&type_of(p)),
                        yes_no(site, required.contains(&name.as_str())),
                        esc(p.get("description").and_then(Value::as_str).unwrap_or("")),
                    ]
                })
                .collect();
            table(
                &[
                    t.t("field"),
                    t.t("type"),
                    t.t("required"),
                    t.t("description"),
                ],
                &rows,
            )
        }
        _ => pretty(schema),
    }
}

/// A short type description: `string`, `integer`, `"a" | "b"`, `string[]`, `Charge`.
fn type_of(p: &Value) -> String {
    if let Some(Value::Array(e)) = p.get("enum") {
        return e
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(" | ");
    }
    if let Some(r) = p.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_string();
    }
    let base = match p.get("type") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" | "),
        _ => String::new(),
    };
    match (base.as_str(), p.get("items")) {
        ("array", Some(items)) => format!("{}[]", type_of(items)),
        _ => match p.get("format").and_then(Value::as_str) {
            Some(f) => format!("{base} ({f})"),
            None => base,
        },
    }
}
