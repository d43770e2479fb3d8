//! The HTML documentation site: `docs/html/index.html` (filters and search over an embedded
//! JSON list), one page per contract, and one stylesheet that every page links to (relative
//! links and inline scripts, so the site works offline: nothing is loaded from the network). Every text is HTML-escaped; labels come from [`Catalog`].

mod index;
mod integration;
mod page;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use charter_model::{Contract, Kind, Stability};
use charter_workspace::{Loaded, Workspace};
use serde_json::Value;

use crate::i18n::Catalog;
use crate::sources::Sources;
use crate::GeneratedFile;

pub const ROOT: &str = "docs/html";

/// Appends `s` escaped for an HTML element or a quoted attribute: `<`, `>`, `&`, `"`, `'`
/// and `/` (the characters minijinja's `HtmlEscape`, used before, escapes), written straight
/// into the page instead of through a formatter into a `String` of its own. By hand because
/// it is this one loop, and escaping through the crate's `Display` was the largest cost of
/// the HTML pages.
pub fn push_esc(out: &mut String, s: &str) {
    crate::push_replacing(out, s, |b| match b {
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'&' => Some("&amp;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#x27;"),
        b'/' => Some("&#x2f;"),
        _ => None,
    });
}

/// Escapes text for an HTML element or a quoted attribute (see [`push_esc`]).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_esc(&mut out, s);
    out
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
    /// (kind, key) -> the highest version, for links.
    latest: HashMap<(Kind, &'a str), &'a Contract>,
    /// The badge of each stability level, in the order of [`Stability::ALL`].
    badges: Vec<String>,
}

impl<'a> Site<'a> {
    pub fn new(ws: &'a Workspace, sources: &'a Sources, t: Catalog) -> Self {
        let mut latest = HashMap::new();
        for (kind, key) in ws.registry.keys() {
            if let Some(&i) = ws.registry.versions(*kind, key).first() {
                latest.insert((*kind, key.as_str()), &ws.contracts[i].contract);
            }
        }
        let badges = Stability::ALL
            .iter()
            .map(|s| {
                format!(
                    "<span class=\"badge s-{}\">{}</span>",
                    s.as_str(),
                    esc(t.t(&format!("stability.{}", s.as_str())))
                )
            })
            .collect();
        Site {
            ws,
            t,
            sources,
            latest,
            badges,
        }
    }

    /// A link to a contract page (from a page one folder deep), or the escaped name when the
    /// workspace has no such contract.
    pub fn link(&self, out: &mut String, kind: Kind, key: &str, version: Option<&str>) {
        let target = match version {
            Some(v) => self
                .ws
                .registry
                .versions(kind, key)
                .iter()
                .map(|&i| &self.ws.contracts[i].contract)
                .find(|c| c.meta().version == v),
            None => self.latest.get(&(kind, key)).copied(),
        };
        if let Some(c) = target {
            out.push_str("<a href=\"../");
            push_esc(out, &page_path(c));
            out.push_str("\">");
        }
        out.push_str("<code>");
        push_esc(out, key);
        if let Some(v) = version {
            out.push('@');
            push_esc(out, v);
        }
        out.push_str("</code>");
        if target.is_some() {
            out.push_str("</a>");
        }
    }

    pub fn kind_word(&self, k: Kind) -> &'static str {
        self.t.t(&format!("kind.{}", k.as_str()))
    }

    /// The badge of a stability level: HTML.
    pub fn stability_badge(&self, s: Stability) -> &str {
        let i = Stability::ALL.iter().position(|x| *x == s).unwrap_or(0);
        &self.badges[i]
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

/// Starts a page: everything before its body. `depth` is how many folders below the site
/// root the page is.
pub fn layout_start(out: &mut String, site: &Site<'_>, title: &str, depth: usize) {
    let up = "../".repeat(depth);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<!-- {} -->\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"Charter\">\n<title>",
        crate::MARKER_TEXT,
        site.t.lang,
    );
    push_esc(out, title);
    let _ = write!(
        out,
        "</title>\n<link rel=\"stylesheet\" href=\"{up}{STYLESHEET}\">\n</head>\n<body>\n\
<header><a href=\"{up}index.html\">"
    );
    push_esc(out, site.t.t("back"));
    out.push_str("</a></header>\n<main>\n");
}

/// Ends a page begun with [`layout_start`]: everything after its body.
pub fn layout_end(out: &mut String, site: &Site<'_>, script: &str) {
    out.push_str("\n<footer>");
    push_esc(out, site.t.t("generated"));
    out.push_str("</footer>\n</main>\n");
    out.push_str(script);
    out.push_str("</body>\n</html>\n");
}

/// Opens a table and writes its header row. The rows follow, as
/// `<tr><td>…</td><td>…</td></tr>` and a line break each, then [`TABLE_END`].
pub fn table_start(out: &mut String, headers: &[&str]) {
    out.push_str("<table>\n<thead><tr>");
    for h in headers {
        out.push_str("<th>");
        push_esc(out, h);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

/// Closes a table opened with [`table_start`].
pub const TABLE_END: &str = "</tbody>\n</table>\n";

/// A two-column key/value table; values are HTML already.
pub fn facts(out: &mut String, rows: &[(&str, String)]) {
    out.push_str("<table class=\"facts\">\n<tbody>\n");
    for (k, v) in rows {
        out.push_str("<tr><th>");
        push_esc(out, k);
        out.push_str("</th><td>");
        out.push_str(v);
        out.push_str("</td></tr>\n");
    }
    out.push_str(TABLE_END);
}

/// The contract-file spelling of an enum value (`authorization_code`, `json-key`).
pub fn wire<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

pub fn code(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 13);
    push_code(&mut out, s);
    out
}

/// Appends `<code>s</code>`, `s` escaped.
pub fn push_code(out: &mut String, s: &str) {
    out.push_str("<code>");
    push_esc(out, s);
    out.push_str("</code>");
}

/// A link for an http(s) URL; anything else is shown as text, never as a link.
pub fn url(s: &str) -> String {
    if s.starts_with("https://") || s.starts_with("http://") {
        let s = esc(s);
        format!("<a href=\"{s}\">{s}</a>")
    } else {
        esc(s)
    }
}

pub fn yes_no(site: &Site<'_>, b: bool) -> String {
    esc(site.t.t(if b { "yes" } else { "no" }))
}

/// A JSON value, pretty-printed, in a `<pre>` element.
pub fn pretty(out: &mut String, v: &Value) {
    out.push_str("<pre>");
    push_esc(out, &crate::json::to_pretty(v));
    out.push_str("</pre>");
}

/// The properties of an object schema as a table, or the schema itself as JSON.
pub fn schema_table(out: &mut String, site: &Site<'_>, schema: &Value) {
    let t = &site.t;
    let Some(props) = schema
        .get("properties")
        .and_then(Value::as_object)
        .filter(|props| !props.is_empty())
    else {
        return pretty(out, schema);
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let (yes, no) = (t.t("yes"), t.t("no"));
    table_start(
        out,
        &[
            t.t("field"),
            t.t("type"),
            t.t("required"),
            t.t("description"),
        ],
    );
    for (name, p) in props {
        let p = Keywords::of(p);
        out.push_str("<tr><td>");
        push_code(out, name);
        out.push_str("</td><td>");
        type_of(out, &p);
        out.push_str("</td><td>");
        push_esc(
            out,
            if required.contains(&name.as_str()) {
                yes
            } else {
                no
            },
        );
        out.push_str("</td><td>");
        push_esc(out, p.description.and_then(Value::as_str).unwrap_or(""));
        out.push_str("</td></tr>\n");
    }
    out.push_str(TABLE_END);
}

/// The keywords of a property schema that its row shows. They are found in one pass over
/// the property's few keywords: looking each one up hashes its name, which costs more.
#[derive(Default)]
struct Keywords<'v> {
    enumeration: Option<&'v Value>,
    reference: Option<&'v Value>,
    ty: Option<&'v Value>,
    items: Option<&'v Value>,
    format: Option<&'v Value>,
    description: Option<&'v Value>,
}

impl<'v> Keywords<'v> {
    fn of(schema: &'v Value) -> Self {
        let mut k = Keywords::default();
        for (name, v) in schema.as_object().into_iter().flatten() {
            let slot = match name.as_str() {
                "enum" => &mut k.enumeration,
                "$ref" => &mut k.reference,
                "type" => &mut k.ty,
                "items" => &mut k.items,
                "format" => &mut k.format,
                "description" => &mut k.description,
                _ => continue,
            };
            *slot = Some(v);
        }
        k
    }
}

/// A short type description, escaped: `string`, `integer`, `"a" | "b"`, `string[]`, `Charge`.
fn type_of(out: &mut String, p: &Keywords<'_>) {
    if let Some(Value::Array(e)) = p.enumeration {
        for (i, v) in e.iter().enumerate() {
            if i > 0 {
                out.push_str(" | ");
            }
            push_esc(out, &v.to_string());
        }
        return;
    }
    if let Some(r) = p.reference.and_then(Value::as_str) {
        return push_esc(out, r.rsplit('/').next().unwrap_or(r));
    }
    let base: Cow<'_, str> = match p.ty {
        Some(Value::String(s)) => Cow::Borrowed(s),
        Some(Value::Array(a)) => Cow::Owned(
            a.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(" | "),
        ),
        _ => Cow::Borrowed(""),
    };
    match (&*base, p.items) {
        ("array", Some(items)) => {
            type_of(out, &Keywords::of(items));
            out.push_str("[]");
        }
        _ => {
            push_esc(out, &base);
            if let Some(f) = p.format.and_then(Value::as_str) {
                out.push_str(" (");
                push_esc(out, f);
                out.push(')');
            }
        }
    }
}
