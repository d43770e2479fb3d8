//! The index page: every contract in a table, with filters (kind, owner, tag, stability)
//! and a text search run by inline JS over an embedded JSON list.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use charter_model::{Kind, Stability};
use charter_workspace::Loaded;
use serde_json::json;

use super::{esc, layout, page_path, Site};

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
    let mut rows = String::new();
    for l in &order {
        let c = &l.contract;
        let m = c.meta();
        owners.extend(m.owners.iter().map(String::as_str));
        tags.extend(m.tags.iter().map(String::as_str));
        let href = page_path(c);
        list.push(json!({
            "key": m.key, "version": m.version, "title": m.title(), "kind": c.kind().as_str(),
            "stability": m.stability.as_str(), "owners": m.owners, "tags": m.tags,
            "description": m.description.trim(), "href": href,
        }));
        let _ = writeln!(
            rows,
            "<tr><td><a href=\"{}\"><code>{}</code></a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&href),
            esc(&m.key),
            esc(m.title()),
            esc(site.kind_word(c.kind())),
            esc(&m.version),
            site.stability_badge(m.stability),
            esc(&m.owners.join(", ")),
            esc(&m.tags.join(", "))
        );
    }
    let select = |id: &str, label: &str, options: Vec<(String, String)>| {
        let mut s = format!(
            "<label>{}<select id=\"{id}\"><option value=\"\">{}</option>",
            esc(label),
            esc(t.t("all"))
        );
        for (v, text) in options {
            let _ = write!(s, "<option value=\"{}\">{}</option>", esc(&v), esc(&text));
        }
        s.push_str("</select></label>");
        s
    };
    let kinds = Kind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), site.kind_word(*k).to_string()))
        .collect();
    let stabilities = Stability::ALL
        .iter()
        .map(|s| {
            (
                s.as_str().to_string(),
                t.t(&format!("stability.{}", s.as_str())).to_string(),
            )
        })
        .collect();
    let plain = |set: BTreeSet<&str>| {
        set.into_iter()
            .map(|s| (s.to_string(), s.to_string()))
            .collect()
    };
    let mut body = format!(
        "<h1>{}</h1>\n<div class=\"filters\">",
        esc(t.t("contracts"))
    );
    let _ = write!(
        body,
        "<label>{}<input id=\"q\" type=\"search\" placeholder=\"{}\"></label>",
        esc(t.t("search")),
        esc(t.t("search_placeholder"))
    );
    body.push_str(&select("kind", t.t("kind"), kinds));
    body.push_str(&select("owner", t.t("owner"), plain(owners)));
    body.push_str(&select("tag", t.t("tag"), plain(tags)));
    body.push_str(&select("stability", t.t("stability"), stabilities));
    let _ = write!(
        body,
        "</div>\n<p class=\"meta\">{}: <span id=\"count\">{n}</span> / {n}</p>\n",
        esc(t.t("shown")),
        n = order.len()
    );
    let _ = write!(
        body,
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody id=\"rows\">\n{rows}</tbody>\n</table>\n<p id=\"empty\" class=\"meta\" hidden>{}</p>",
        esc(t.t("key")),
        esc(t.t("title")),
        esc(t.t("kind")),
        esc(t.t("version")),
        esc(t.t("stability")),
        esc(t.t("owners")),
        esc(t.t("tags")),
        esc(t.t("no_results")),
    );
    let labels = json!({
        "kinds": Kind::ALL.iter().map(|k| (k.as_str().to_string(), json!(site.kind_word(*k)))).collect::<serde_json::Map<_, _>>(),
        "stabilities": Stability::ALL.iter().map(|s| (s.as_str().to_string(), json!(t.t(&format!("stability.{}", s.as_str()))))).collect::<serde_json::Map<_, _>>(),
    });
    let script = format!(
        "<script type=\"application/json\" id=\"contracts\">{}</script>\n\
<script type=\"application/json\" id=\"labels\">{}</script>\n<script>{JS}</script>\n",
        script_json(&serde_json::Value::Array(list)),
        script_json(&labels),
    );
    layout(site, t.t("contracts"), 0, &body, &script)
}

/// JSON that is safe inside a `<script>` element: `<`, `>` and `&` as `\u` escapes.
fn script_json(v: &serde_json::Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
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
