/* claimex review page: documents with their claims highlighted, a filterable table, per-claim
   verdicts and corrections, and an export in the gold JSONL format. No network, no library. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("claimex-data").textContent);
  var docs = DATA.docs, claims = DATA.claims, groups = DATA.groups, conflicts = DATA.conflicts;
  var PAGE = 300;                       // table rows rendered at once; "Show more" adds a page
  var STORE = "claimex-review:" + DATA.key;
  var FIELDS = ["value", "low", "high", "approx", "unit", "measure", "rate", "kind", "speaker", "date"];
  var CHOICES = {
    approx: ["exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range", "vague"],
    kind: ["actual", "target", "forecast"],
    rate: ["", "day", "week", "month", "quarter", "year", "hour"]
  };
  var $ = function (id) { return document.getElementById(id); };
  var state = { rows: [], shown: 0, sortKey: null, sortDir: 1, doc: -1, claim: -1, lastFilterMs: 0 };
  var review = load();                  // claim id -> {status: "right"|"wrong"|"corrected", fields: {...}}
  var byDoc = docs.map(function () { return []; });
  claims.forEach(function (c, i) { byDoc[c.d].push(i); });

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}"); } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(STORE, JSON.stringify(review)); } catch (e) { /* storage off: keep in memory */ }
    progress();
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function valueText(c) {
    if (c.lo !== null && c.hi !== null) return fmt(c.lo) + "\u2013" + fmt(c.hi);
    if (c.v !== null) return fmt(c.v);
    if (c.lo !== null) return "\u2265 " + fmt(c.lo);
    if (c.hi !== null) return "\u2264 " + fmt(c.hi);
    return c.qt;
  }
  function fmt(x) { return Number(x).toLocaleString("en-US", { maximumFractionDigits: 3 }); }
  function numeric(c) { return c.v !== null ? c.v : c.lo !== null ? c.lo : c.hi !== null ? c.hi : -Infinity; }
  function status(c) { var r = review[c.id]; return r ? r.status : ""; }

  // ---- filters and table ------------------------------------------------------------------
  function fillSelect(sel, values) {
    values.forEach(function (v) { sel.appendChild(el("option", { value: v }, v)); });
  }
  function distinct(key) {
    var seen = {};
    claims.forEach(function (c) { seen[c[key] === null ? "(none)" : c[key]] = 1; });
    return Object.keys(seen).sort();
  }
  fillSelect($("f-category"), distinct("category"));
  fillSelect($("f-kind"), distinct("kind"));

  function applyFilters() {
    var t0 = performance.now();
    var cat = $("f-category").value, kind = $("f-kind").value, link = $("f-link").value;
    var spk = $("f-speaker").value.trim().toLowerCase(), st = $("f-status").value;
    var from = $("f-from").value, to = $("f-to").value;
    var rows = [];
    for (var i = 0; i < claims.length; i++) {
      var c = claims[i];
      if (cat && (c.category === null ? "(none)" : c.category) !== cat) continue;
      if (kind && c.kind !== kind) continue;
      if (spk && (c.sp === null || c.sp.toLowerCase().indexOf(spk) < 0)) continue;
      if (from && (c.de === null || c.de < from)) continue;
      if (to && (c.ds === null || c.ds > to)) continue;
      if (link === "group" && c.grp === null) continue;
      if (link === "conflict" && !c.cf.length) continue;
      if (st && (st === "none" ? status(c) !== "" : status(c) !== st)) continue;
      rows.push(i);
    }
    state.rows = rows;
    sortRows();
    state.shown = 0;
    $("claims").tBodies[0].textContent = "";
    renderMore();
    state.lastFilterMs = performance.now() - t0;
    return rows.length;
  }
  var SORT = {
    value: function (c) { return numeric(c); }, measure: function (c) { return c.measure || ""; },
    rate: function (c) { return c.rate || ""; }, kind: function (c) { return c.kind; },
    speaker: function (c) { return c.sp || ""; }, date: function (c) { return c.ds || ""; },
    doc: function (c) { return docs[c.d].id; }, status: status
  };
  function sortRows() {
    if (!state.sortKey) return;
    var key = SORT[state.sortKey], dir = state.sortDir;
    state.rows.sort(function (a, b) {
      var x = key(claims[a]), y = key(claims[b]);
      return (x < y ? -1 : x > y ? 1 : a - b) * dir;
    });
  }
  function renderMore() {
    var body = $("claims").tBodies[0], frag = document.createDocumentFragment();
    var end = Math.min(state.rows.length, state.shown + PAGE);
    for (var k = state.shown; k < end; k++) frag.appendChild(row(state.rows[k]));
    body.appendChild(frag);
    state.shown = end;
    $("more").hidden = end >= state.rows.length;
    $("count").textContent = state.rows.length.toLocaleString("en-US") + " of " +
      claims.length.toLocaleString("en-US") + " claims" + (end < state.rows.length ? " (showing " + end + ")" : "");
  }
  function row(i) {
    var c = claims[i], tr = el("tr", { "data-claim": i });
    if (i === state.claim) tr.className = "current";
    var v = el("td");
    v.appendChild(el("span", { "class": "v" }, valueText(c) + (c.unit ? " " + c.unit : "")));
    if (c.grp !== null) v.appendChild(el("span", { "class": "badge", title: "same figure in other documents" },
      groups[c.grp].claims.length + "\u00d7"));
    if (c.cf.length) v.appendChild(el("span", { "class": "badge conflict", title: "another source gives a different value" }, "conflict"));
    tr.appendChild(v);
    tr.appendChild(el("td", { title: c.category || "" }, c.measure || ""));
    tr.appendChild(el("td", null, c.rate || ""));
    var k = el("td", { "class": "kind" }); k.appendChild(el("span", { "class": "kind-" + c.kind }, c.kind)); tr.appendChild(k);
    tr.appendChild(el("td", null, c.sp || ""));
    tr.appendChild(el("td", null, c.date || ""));
    tr.appendChild(el("td", { title: docs[c.d].id }, docs[c.d].id));
    var s = status(c);
    tr.appendChild(el("td", { "class": s ? "status-" + s : "" }, s));
    return tr;
  }
  function refreshRow(i) {
    var old = $("claims").tBodies[0].querySelector('tr[data-claim="' + i + '"]');
    if (old) old.parentNode.replaceChild(row(i), old);
  }

  // ---- documents ----------------------------------------------------------------------------
  function renderDocList() {
    var q = $("doc-search").value.trim().toLowerCase(), list = $("doc-list"), frag = document.createDocumentFragment();
    list.textContent = "";
    docs.forEach(function (d, i) {
      if (q && d.id.toLowerCase().indexOf(q) < 0) return;
      var li = el("li", { "data-doc": i, title: d.id });
      if (i === state.doc) li.className = "current";
      li.appendChild(el("span", null, d.id));
      li.appendChild(el("span", { "class": "n" }, String(byDoc[i].length)));
      frag.appendChild(li);
    });
    list.appendChild(frag);
    var current = list.querySelector("li.current");
    if (current) current.scrollIntoView({ block: "nearest" });
  }
  // Marks: quantity spans (one per claim), speaker mentions and date expressions (shared by the
  // claims that point at them). The text is cut at every mark boundary; each piece carries the
  // classes and claim ids of the marks that cover it.
  function showDoc(di) {
    if (di === state.doc) return;
    state.doc = di;
    var d = docs[di], text = d.text || "", marks = [];
    byDoc[di].forEach(function (i) {
      var c = claims[i];
      marks.push([c.qs, c.qe, "q", i]);
      if (c.ss !== null) marks.push([c.ss, c.se, "spk", i]);
      if (c.dts !== null) marks.push([c.dts, c.dte, "dt", i]);
    });
    var cuts = {};
    marks.forEach(function (m) {
      if (m[0] >= 0 && m[1] <= text.length && m[0] < m[1]) { cuts[m[0]] = 1; cuts[m[1]] = 1; }
    });
    cuts[0] = 1; cuts[text.length] = 1;
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    for (var p = 0; p + 1 < points.length; p++) {
      var a = points[p], b = points[p + 1], piece = text.slice(a, b), cls = [], q = [], spk = [], dt = [];
      marks.forEach(function (m) {
        if (m[0] <= a && b <= m[1]) {
          if (m[2] === "q") { q.push(m[3]); cls.push("q", "kind-" + claims[m[3]].kind); if (claims[m[3]].cf.length) cls.push("conflict"); if (status(claims[m[3]]) === "wrong") cls.push("wrong"); }
          else if (m[2] === "spk") { spk.push(m[3]); cls.push("spk"); }
          else { dt.push(m[3]); cls.push("dt"); }
        }
      });
      if (!cls.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var span = el("span", { "class": cls.filter(uniq).join(" ") }, piece);
      if (q.length) span.setAttribute("data-q", q.join(" "));
      if (spk.length) span.setAttribute("data-spk", " " + spk.join(" ") + " ");
      if (dt.length) span.setAttribute("data-dt", " " + dt.join(" ") + " ");
      frag.appendChild(span);
    }
    if (!text) frag.appendChild(el("em", null, "(the text of this document was not given; pass its articles as INPUT)"));
    $("doc-title").textContent = d.id + (d.published ? " \u00b7 " + d.published : "") + " \u00b7 " + byDoc[di].length + " claims";
    var box = $("doc-text"); box.textContent = ""; box.appendChild(frag);
    renderDocList();
  }
  function uniq(v, i, a) { return a.indexOf(v) === i; }
  function tie(i, on) {
    var sel = '[data-spk~="' + i + '"], [data-dt~="' + i + '"], [data-q="' + i + '"]';
    Array.prototype.forEach.call($("doc-text").querySelectorAll(sel), function (e) { e.classList.toggle("tied", on); });
  }

  // ---- one claim ------------------------------------------------------------------------------
  function selectClaim(i, scroll) {
    var c = claims[i];
    showDoc(c.d);
    Array.prototype.forEach.call(document.querySelectorAll(".selected"), function (e) { e.classList.remove("selected"); });
    Array.prototype.forEach.call(document.querySelectorAll("#claims tr.current"), function (e) { e.classList.remove("current"); });
    state.claim = i;
    var tr = $("claims").tBodies[0].querySelector('tr[data-claim="' + i + '"]');
    if (tr) tr.classList.add("current");
    var span = $("doc-text").querySelector('[data-q="' + i + '"]') || $("doc-text").querySelector('[data-q~="' + i + '"]');
    // the selected claim keeps its speaker mention and date expression marked
    Array.prototype.forEach.call($("doc-text").querySelectorAll('[data-spk~="' + i + '"], [data-dt~="' + i + '"]'),
      function (e) { e.classList.add("selected"); });
    if (span) {
      span.classList.add("selected");
      if (scroll) { span.scrollIntoView({ block: "center" }); span.classList.remove("flash"); void span.offsetWidth; span.classList.add("flash"); }
    }
    renderClaim(i);
  }
  function renderClaim(i) {
    var c = claims[i], pane = $("claim-pane"), r = review[c.id] || {}, fixed = r.fields || {};
    pane.textContent = "";
    pane.setAttribute("data-claim", i);
    pane.appendChild(el("h3", null, valueText(c) + " " + (c.measure || "") + " \u00b7 " + c.kind));
    var text = docs[c.d].text || "";
    pane.appendChild(el("blockquote", null, text ? text.slice(c.ss0, c.se0).trim() : c.qt));
    var verdict = el("div", { "class": "verdict" });
    [["right", "\u2713 Right"], ["wrong", "\u2717 Wrong"]].forEach(function (v) {
      var b = el("button", { type: "button", "data-status": v[0], "class": r.status === v[0] ? "on" : "" }, v[1]);
      b.addEventListener("click", function () { setStatus(i, r.status === v[0] ? null : v[0]); });
      verdict.appendChild(b);
    });
    pane.appendChild(verdict);
    linksOf(c, pane);
    var form = el("form", { "class": "fields" });
    FIELDS.forEach(function (f) {
      var base = goldValue(c.g, f), cur = f in fixed ? fixed[f] : base, input;
      if (CHOICES[f]) {
        input = el("select", { name: f });
        CHOICES[f].forEach(function (o) { input.appendChild(el("option", { value: o }, o || "(none)")); });
      } else input = el("input", { name: f, type: "text" });
      input.value = cur === null || cur === undefined ? "" : String(cur);
      if (f in fixed) input.classList.add("changed");
      input.addEventListener("change", function () {
        correct(i, f, input.value);
        input.classList.toggle("changed", f in ((review[c.id] || {}).fields || {}));
      });
      form.appendChild(el("label", { "for": "" }, f));
      form.appendChild(input);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    pane.appendChild(form);
    pane.appendChild(el("p", { "class": "hint" }, "Speaker: a name, or empty for none. Date: YYYY-MM-DD, YYYY-MM or YYYY, or empty when it cannot be known."));
  }
  function goldValue(g, f) {
    var v = g[f];
    if (f === "measure") return v && v.length ? v[0] : "";
    if (f === "speaker") return v ? v[0] : "";
    return v;
  }
  function linksOf(c, pane) {
    var box = el("div", { "class": "links" });
    if (c.grp !== null) {
      box.appendChild(el("h4", null, "Same figure in " + (groups[c.grp].docs - 1) + " other document(s)"));
      box.appendChild(claimList(groups[c.grp].claims.filter(function (j) { return claims[j].id !== c.id; }), ""));
    }
    c.cf.forEach(function (k) {
      box.appendChild(el("h4", { "class": "conflict" }, "Conflict: another source gives a different value"));
      var other = [];
      conflicts[k].sides.forEach(function (side) { if (side.indexOf(claims.indexOf(c)) < 0) other = other.concat(side); });
      box.appendChild(claimList(other, "conflict"));
    });
    pane.appendChild(box);
  }
  function claimList(ids, cls) {
    var ul = el("ul");
    ids.forEach(function (j) {
      var o = claims[j], li = el("li", { "class": cls });
      var a = el("a", { "data-claim": j }, valueText(o) + " \u2014 " + docs[o.d].id);
      a.addEventListener("click", function () { selectClaim(j, true); });
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + (o.sp || "no speaker") + ", " + (o.date || "no date") + ")"));
      ul.appendChild(li);
    });
    return ul;
  }
  function setStatus(i, s) {
    var c = claims[i];
    if (s === null) delete review[c.id];
    else review[c.id] = { status: s, fields: (review[c.id] || {}).fields || {} };
    afterChange(i);
  }
  function correct(i, f, raw) {
    var c = claims[i], r = review[c.id] || { status: "corrected", fields: {} };
    r.fields = r.fields || {};
    var v = parseField(f, raw);
    if (String(v) === String(goldValue(c.g, f))) delete r.fields[f]; else r.fields[f] = v;
    r.status = Object.keys(r.fields).length ? "corrected" : (r.status === "corrected" ? "right" : r.status);
    review[c.id] = r;
    // the pane stays as it is (focus and typing go on); only the table row and verdict follow
    save();
    refreshRow(i);
    Array.prototype.forEach.call($("claim-pane").querySelectorAll(".verdict button"), function (b) {
      b.classList.toggle("on", b.getAttribute("data-status") === r.status);
    });
  }
  function parseField(f, raw) {
    raw = raw.trim();
    if (f === "value" || f === "low" || f === "high") {
      if (!raw) return null;
      var n = Number(raw.replace(/,/g, ""));
      return isFinite(n) ? n : null;
    }
    return raw === "" ? null : raw;
  }
  function afterChange(i) {
    save();
    refreshRow(i);
    var d = state.doc; state.doc = -1; showDoc(d);
    selectClaim(i, false);
  }
  function progress() {
    var n = Object.keys(review).length;
    $("progress").textContent = n ? n + " checked" : "";
  }

  // ---- export: the gold JSONL format ------------------------------------------------------------
  // A document is exported once any of its claims was checked: claims marked wrong are left
  // out, corrected ones carry the corrections, unchecked ones are kept as optional.
  function exportGold() {
    var lines = [];
    docs.forEach(function (d, di) {
      var ids = byDoc[di];
      if (!ids.some(function (i) { return review[claims[i].id]; })) return;
      var out = [];
      ids.forEach(function (i) {
        var c = claims[i], r = review[c.id], g = JSON.parse(JSON.stringify(c.g));
        if (r && r.status === "wrong") return;
        if (!r) g.optional = true;
        Object.keys((r && r.fields) || {}).forEach(function (f) {
          var v = r.fields[f];
          if (f === "measure") g.measure = v === null ? [] : [v];
          else if (f === "speaker") g.speaker = v === null ? null : [v];
          else g[f] = v;
        });
        out.push(g);
      });
      lines.push(JSON.stringify({ doc_id: d.id, published: d.published, claims: out }));
    });
    var text = lines.join("\n") + (lines.length ? "\n" : "");
    api.lastExport = text;
    var a = el("a", { download: "gold.jsonl", href: URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" })) });
    document.body.appendChild(a); a.click(); a.remove();
    return text;
  }

  // ---- events -------------------------------------------------------------------------------
  ["f-category", "f-kind", "f-link", "f-status", "f-from", "f-to"].forEach(function (id) { $(id).addEventListener("change", applyFilters); });
  $("f-speaker").addEventListener("input", applyFilters);
  $("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  $("more").addEventListener("click", renderMore);
  $("doc-search").addEventListener("input", renderDocList);
  $("export").addEventListener("click", exportGold);
  $("doc-list").addEventListener("click", function (e) {
    var li = e.target.closest("li[data-doc]");
    if (li) { showDoc(Number(li.getAttribute("data-doc"))); $("doc-pane").scrollTop = 0; }
  });
  $("claims").tBodies[0].addEventListener("click", function (e) {
    var tr = e.target.closest("tr[data-claim]");
    if (tr) selectClaim(Number(tr.getAttribute("data-claim")), true);
  });
  Array.prototype.forEach.call($("claims").tHead.querySelectorAll("th"), function (th) {
    th.addEventListener("click", function () {
      var k = th.getAttribute("data-key");
      state.sortDir = state.sortKey === k ? -state.sortDir : 1;
      state.sortKey = k;
      Array.prototype.forEach.call(th.parentNode.children, function (h) { h.classList.remove("asc", "desc"); });
      th.classList.add(state.sortDir > 0 ? "asc" : "desc");
      applyFilters();
    });
  });
  var text = $("doc-text");
  text.addEventListener("mouseover", function (e) {
    var q = e.target.closest("[data-q]");
    if (q) q.getAttribute("data-q").split(" ").forEach(function (i) { tie(i, true); });
  });
  text.addEventListener("mouseout", function (e) {
    var q = e.target.closest("[data-q]");
    if (q) q.getAttribute("data-q").split(" ").forEach(function (i) { tie(i, false); });
  });
  text.addEventListener("click", function (e) {
    var q = e.target.closest("[data-q]");
    if (q) selectClaim(Number(q.getAttribute("data-q").split(" ")[0]), false);
  });

  $("summary").textContent = docs.length.toLocaleString("en-US") + " documents \u00b7 " +
    claims.length.toLocaleString("en-US") + " claims \u00b7 " + groups.length + " shared figures \u00b7 " +
    conflicts.length + " conflicts";
  var api = window.claimexReview = {
    applyFilters: applyFilters, exportGold: exportGold, selectClaim: selectClaim,
    get lastFilterMs() { return state.lastFilterMs; }, lastExport: null
  };
  renderDocList();
  applyFilters();
  if (docs.length) showDoc(0);
  progress();
})();
