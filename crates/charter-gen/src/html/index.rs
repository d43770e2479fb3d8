//! The index page: every contract in a table, with filters (kind, owner, tag, stability)
//! and a text search run by inline JS over an embedded JSON list.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use charter_model::{Kind, Stability};
use charter_workspace::Loaded;
use serde::Serialize;
use serde_json::json;

use super::{layout_end, layout_start, page_path, push_esc, Site};

/// A contract in the JSON list that the search runs over.
#[derive(Serialize)]
struct Entry<'a> {
    key: &'a str,
    version: &'a str,
    title: &'a str,
    kind: &'static str,
    stability: &'static str,
    owners: &'a [String],
    tags: &'a [String],
    description: &'a str,
    href: String,
}

/// Options whose value is their text.
fn plain(set: BTreeSet<&str>) -> Vec<(&str, &str)> {
    set.into_iter().map(|s| (s, s)).collect()
}

/// Strings separated by `, `, escaped.
fn push_list(out: &mut String, items: &[String]) {
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_esc(out, s);
    }
}

pub fn render(site: &Site<'_>) -> String {
    let t = &site.t;
    let mut order: Vec<&Loaded> = site.ws.contracts.iter().collect();
    order.sort_by(|a, b| {
        let (ma, mb) = (a.contract.meta(), b.contract.meta());
        (a.contract.kind(), &ma.key, &ma.version).cmp(&(b.contract.kind(), &mb.key, &mb.version))
    });
    let mut owners = BTreeSet::new();
    let mut tags = BTreeSet::new();
    let mut list = Vec::with_capacity(order.len());
    let mut rows = String::with_capacity(512 * order.len());
    for l in &order {
        let c = &l.contract;
        let m = c.meta();
        owners.extend(m.owners.iter().map(String::as_str));
        tags.extend(m.tags.iter().map(String::as_str));
        let href = page_path(c);
        rows.push_str("<tr><td><a href=\"");
        push_esc(&mut rows, &href);
        rows.push_str("\"><code>");
        push_esc(&mut rows, &m.key);
        rows.push_str("</code></a></td><td>");
        push_esc(&mut rows, m.title());
        rows.push_str("</td><td>");
        push_esc(&mut rows, site.kind_word(c.kind()));
        rows.push_str("</td><td>");
        push_esc(&mut rows, &m.version);
        rows.push_str("</td><td>");
        rows.push_str(site.stability_badge(m.stability));
        rows.push_str("</td><td>");
        push_list(&mut rows, &m.owners);
        rows.push_str("</td><td>");
        push_list(&mut rows, &m.tags);
        rows.push_str("</td></tr>\n");
        list.push(Entry {
            key: &m.key,
            version: &m.version,
            title: m.title(),
            kind: c.kind().as_str(),
            stability: m.stability.as_str(),
            owners: &m.owners,
            tags: &m.tags,
            description: m.description.trim(),
            href,
        });
    }
    let select = |out: &mut String, id: &str, label: &str, options: &[(&str, &str)]| {
        out.push_str("<label>");
        push_esc(out, label);
        let _ = write!(out, "<select id=\"{id}\"><option value=\"\">");
        push_esc(out, t.t("all"));
        out.push_str("</option>");
        for (v, text) in options {
            out.push_str("<option value=\"");
            push_esc(out, v);
            out.push_str("\">");
            push_esc(out, text);
            out.push_str("</option>");
        }
        out.push_str("</select></label>");
    };
    let kinds: Vec<(&str, &str)> = Kind::ALL
        .iter()
        .map(|k| (k.as_str(), site.kind_word(*k)))
        .collect();
    let stabilities: Vec<(&str, &str)> = Stability::ALL
        .iter()
        .map(|s| (s.as_str(), t.t(&format!("stability.{}", s.as_str()))))
        .collect();
    let labels = json!({
        "kinds": Kind::ALL.iter().map(|k| (k.as_str().to_string(), json!(site.kind_word(*k)))).collect::<serde_json::Map<_, _>>(),
        "stabilities": Stability::ALL.iter().map(|s| (s.as_str().to_string(), json!(t.t(&format!("stability.{}", s.as_str()))))).collect::<serde_json::Map<_, _>>(),
    });
    let mut script = String::from("<script type=\"application/json\" id=\"contracts\">");
    push_script_json(&mut script, &list);
    script.push_str("</script>\n<script type=\"application/json\" id=\"labels\">");
    push_script_json(&mut script, &labels);
    let _ = writeln!(script, "</script>\n<script>{JS}</script>");

    let mut out = String::with_capacity(rows.len() + script.len() + 8192);
    layout_start(&mut out, site, t.t("contracts"), 0);
    out.push_str("<h1>");
    push_esc(&mut out, t.t("contracts"));
    out.push_str("</h1>\n<div class=\"filters\"><label>");
    push_esc(&mut out, t.t("search"));
    out.push_str("<input id=\"q\" type=\"search\" placeholder=\"");
    push_esc(&mut out, t.t("search_placeholder"));
    out.push_str("\"></label>");
    select(&mut out, "kind", t.t("kind"), &kinds);
    select(&mut out, "owner", t.t("owner"), &plain(owners));
    select(&mut out, "tag", t.t("tag"), &plain(tags));
    select(&mut out, "stability", t.t("stability"), &stabilities);
    out.push_str("</div>\n<p class=\"meta\">");
    push_esc(&mut out, t.t("shown"));
    let _ = write!(
        out,
        ": <span id=\"count\">{n}</span> / {n}</p>\n<table>\n<thead><tr>",
        n = order.len()
    );
    for label in [
        "key",
        "title",
        "kind",
        "version",
        "stability",
        "owners",
        "tags",
    ] {
        out.push_str("<th>");
        push_esc(&mut out, t.t(label));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody id=\"rows\">\n");
    out.push_str(&rows);
    out.push_str("</tbody>\n</table>\n<p id=\"empty\" class=\"meta\" hidden>");
    push_esc(&mut out, t.t("no_results"));
    out.push_str("</p>");
    layout_end(&mut out, site, &script);
    out
}

/// Appends JSON that is safe inside a `<script>` element: `<`, `>` and `&` as `\u` escapes.
fn push_script_json<T: Serialize + ?Sized>(out: &mut String, v: &T) {
    let json = serde_json::to_string(v).unwrap_or_default();
    crate::push_replacing(out, &json, |b| match b {
        b'<' => Some("\\u003c"),
        b'>' => Some("\\u003e"),
        b'&' => Some("\\u0026"),
        _ => None,
    });
}

const JS: &str = r#"
(function () {
  var data = JSON.parse(document.getElementById('contracts').textContent);
  var labels = JSON.parse(document.getElementById('labels').textContent);
  var rows = document.getElementById('rows');
  var ids = ['q', 'kind', 'owner', 'tag', 'stability'];
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function render() {
    var v = {};
    ids.forEach(function (id) { v[id] = document.getElementById(id).value; });
    var q = v.q.trim().toLowerCase();
    var shown = data.filter(function (c) {
      if (v.kind && c.kind !== v.kind) return false;
      if (v.owner && c.owners.indexOf(v.owner) < 0) return false;
      if (v.tag && c.tags.indexOf(v.tag) < 0) return false;
      if (v.stability && c.stability !== v.stability) return false;
      if (!q) return true;
      return [c.key, c.title, c.description, c.owners.join(' '), c.tags.join(' ')]
        .join(' ').toLowerCase().indexOf(q) >= 0;
    });
    rows.textContent = '';
    shown.forEach(function (c) {
      var tr = el('tr');
      var a = el('a'); a.href = c.href; a.appendChild(el('code', c.key));
      var td = el('td'); td.appendChild(a); tr.appendChild(td);
      tr.appendChild(el('td', c.title));
      tr.appendChild(el('td', labels.kinds[c.kind]));
      tr.appendChild(el('td', c.version));
      var s = el('td'); s.appendChild(el('span', labels.stabilities[c.stability], 'badge s-' + c.stability)); tr.appendChild(s);
      tr.appendChild(el('td', c.owners.join(', ')));
      tr.appendChild(el('td', c.tags.join(', ')));
      rows.appendChild(tr);
    });
    document.getElementById('count').textContent = shown.length;
    document.getElementById('empty').hidden = shown.length > 0;
  }
  ids.forEach(function (id) {
    document.getElementById(id).addEventListener('input', render);
  });
})();
"#;
