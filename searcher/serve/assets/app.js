// khabar serve: the search page and the article page, over the JSON API (/api/...).
// Every text from the archive goes into the page as a text node (textContent), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const PAGE = 10;
// The search's state, with the API's parameter names: it is the page's URL (/?q=oil&sort=newest).
const STATE_KEYS = ["q", "since", "until", "sort", "offset", "normalize"];

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function stateFromUrl() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of STATE_KEYS) s[k] = p.get(k) || "";
  return s;
}

function query(state, extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state, ...extra }))
    if (v !== "" && v !== undefined && v !== null && !(k === "sort" && v === "relevance") &&
        !(k === "offset" && String(v) === "0"))
      p.set(k, v);
  return p.toString();
}

// Go to a page of this app: a new history entry, then draw it.
function go(url) {
  history.pushState(null, "", url);
  route();
}

function link(href, attrs, ...children) {
  return el("a", {
    href, ...attrs,
    onclick: (ev) => {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      go(href);
    },
  }, ...children);
}

async function api(path, params) {
  const r = await fetch(path + (params ? "?" + params : ""));
  const body = await r.json();
  if (!r.ok) throw Object.assign(new Error(body.error || r.statusText), body);
  return body;
}

// Text with [start, end) byte ranges (UTF-8, as the API gives them) wrapped in <mark>.
const utf8 = new TextEncoder(), fromUtf8 = new TextDecoder();
function highlighted(text, ranges) {
  const frag = document.createDocumentFragment();
  const bytes = utf8.encode(text || "");
  let pos = 0;
  for (const [s, e] of ranges || []) {
    if (s < pos || e > bytes.length || s >= e) continue;
    if (s > pos) frag.append(fromUtf8.decode(bytes.subarray(pos, s)));
    frag.append(el("mark", { text: fromUtf8.decode(bytes.subarray(s, e)) }));
    pos = e;
  }
  if (pos < bytes.length) frag.append(fromUtf8.decode(bytes.subarray(pos)));
  return frag;
}

function show(view) {
  for (const v of ["search-view", "home-view", "article-view", "batch-view"]) $(v).hidden = v !== view;
}

function fillForm(s) {
  $("q").value = s.q;
  $("since").value = s.since;
  $("until").value = s.until;
  $("sort").value = s.sort || "relevance";
}

// ---- search page ----------------------------------------------------------------------------

let current = stateFromUrl();

function articleHref(id, q) {
  return "/article/" + encodeURIComponent(id) + (q ? "?" + new URLSearchParams({ q }) : "");
}

function hitItem(h, q) {
  const lang = h.lang || undefined;
  const meta = el("div", { class: "meta" },
    el("span", { text: h.date || "undated" }),
    h.source ? el("span", { dir: "auto", text: h.source }) : null,
    h.lang ? el("span", { text: h.lang }) : null,
    el("span", { class: "id", text: h.id }));
  if (h.partial) meta.append(el("span", { class: "badge", text: "partial" }));
  // dir="auto": an Urdu hit reads right to left as a whole (rank, title, snippet), an English one
  // left to right, each by its own first letters.
  const item = el("li", { class: "hit", lang, dir: "auto", "data-id": h.id },
    el("div", { class: "head" },
      el("span", { class: "rank", text: h.rank + "." }),
      link(articleHref(h.id, q), { class: "title", dir: "auto" },
           h.title ? h.title : "(no title)")),
    meta,
    el("p", { class: "snippet", dir: "auto" }, highlighted(h.snippet.text, h.snippet.highlights)));
  if (h.copies) {
    const c = h.copies;
    const summary = `+${c.count} ${c.count === 1 ? "copy" : "copies"} in ${c.sources} ` +
      `${c.sources === 1 ? "source" : "sources"}` + (c.first_seen ? `, first seen ${c.first_seen}` : "");
    const list = el("ul");
    for (const id of c.ids) list.append(el("li", {}, link(articleHref(id, q), { dir: "auto" }, id)));
    if (c.count > c.ids.length) list.append(el("li", { text: "…" }));
    item.append(el("details", { class: "copies" }, el("summary", { text: summary }), list));
  }
  return item;
}

// The totals as the CLI's footer states them: "12 stories (15 articles)", "40 articles" when no
// copies match, "about …" for an estimate (the summary's articles and stories, issue 15).
function totalsText(sum) {
  const count = (c, one, many) =>
    `${c.exact ? "" : "about "}${c.estimated} ${c.estimated === 1 && c.exact ? one : many}`;
  const a = sum.articles, st = sum.stories;
  if (!a || !st) return `${sum.exact ? "" : "about "}${sum.matches_estimated} results`;
  if (sum.counted === "articles")
    return a.estimated === st.estimated && a.exact && st.exact
      ? count(a, "article", "articles")
      : `${count(a, "article", "articles")} (${count(st, "story", "stories")})`;
  return a.estimated === st.estimated && a.exact && st.exact
    ? count(a, "article", "articles")
    : `${count(st, "story", "stories")} (${count(a, "article", "articles")})`;
}

function drawHits(res, s) {
  const hits = $("hits");
  hits.replaceChildren();
  let partialShown = false;
  for (const h of res.hits) {
    if (h.partial && !partialShown) {
      hits.append(el("li", { class: "partial-head", text: "Articles with only some of the words:" }));
      partialShown = true;
    }
    hits.append(hitItem(h, s.q));
  }
  const sum = res.summary, offset = Number(s.offset || 0);
  const full = res.hits.length - sum.partial;
  let status;
  if (full > 0)
    status = `${offset + 1}–${offset + full} of ${totalsText(sum)}`;
  else if (sum.matches_estimated > 0 && offset > 0)
    status = `No results on this page: ${totalsText(sum)} in all`;
  else
    status = "No result has all the words";
  if (sum.partial > 0) status += `, then ${sum.partial} partial`;
  status += ` · ${sum.elapsed_ms.toFixed(1)} ms`;
  $("status").textContent = status;
  const exportParams = query(s, { offset: "", normalize: "", sort: s.sort });
  $("export").hidden = full === 0;
  $("export-csv").href = "/api/export?" + exportParams + "&format=csv";
  $("export-excel").href = "/api/export?" + exportParams + "&format=csv-excel";
  $("export-jsonl").href = "/api/export?" + exportParams + "&format=jsonl";
  const sug = $("suggestion");
  sug.hidden = !sum.suggestion;
  if (sum.suggestion) {
    const a = $("suggestion-link");
    const href = "/?" + query({ ...s, q: sum.suggestion, offset: "" });
    a.textContent = sum.suggestion;
    a.href = href;
    a.onclick = (ev) => { ev.preventDefault(); go(href); };
  }
  const pager = $("pager");
  pager.replaceChildren();
  if (offset > 0)
    pager.append(link("/?" + query(s, { offset: Math.max(0, offset - PAGE) }), { rel: "prev" }, "← previous"));
  if (sum.partial === 0 && offset + full < sum.matches_estimated)
    pager.append(link("/?" + query(s, { offset: offset + PAGE }), { rel: "next" }, "next →"));
}

// ---- filters in the query: lang:ur, source:"veg oil", -section:crude ------------------------

const FILTER_RE = /(^|\s)(-?)(lang|source|section):("[^"]*"|[^\s()]+)/g;

function filtersOf(q) {
  const out = [];
  for (const m of q.matchAll(FILTER_RE))
    out.push({ text: m[0].trim(), exclude: m[2] === "-", field: m[3], value: m[4].replace(/^"|"$/g, "") });
  return out;
}

function filterText(field, value, exclude) {
  return (exclude ? "-" : "") + field + ":" + (/[\s()"]/.test(value) ? `"${value.replace(/"/g, "")}"` : value);
}

function withoutFilter(q, f) {
  return q.split(/\s+/).join(" ").replace(f.text, " ").replace(/\s+/g, " ").trim();
}

// Click once: only that value; again: all but that value; a third time: no filter.
function toggleFilter(s, field, value) {
  const f = filtersOf(s.q).find((x) => x.field === field && x.value.toLowerCase() === value.toLowerCase());
  let q;
  if (!f) q = s.q.trim() + " " + filterText(field, value, false);
  else if (!f.exclude) q = withoutFilter(s.q, f) + " " + filterText(field, value, true);
  else q = withoutFilter(s.q, f);
  go("/?" + query({ ...s, q, offset: "" }));
}

function drawFacets(facets, s) {
  const box = $("facets");
  box.replaceChildren();
  const active = filtersOf(s.q);
  const chips = $("filters");
  chips.replaceChildren();
  for (const f of active)
    chips.append(el("button", {
      class: "chip" + (f.exclude ? " excluded" : ""), type: "button", dir: "auto",
      title: "remove this filter", text: `${f.field}: ${f.value} ✕`,
      onclick: () => go("/?" + query({ ...s, q: withoutFilter(s.q, f), offset: "" })),
    }));
  for (const field of ["lang", "source", "section"]) {
    const values = facets[field] || [];
    if (!values.length) continue;
    box.append(el("h3", { text: field }));
    for (const { value, count } of values) {
      const f = active.find((x) => x.field === field && x.value.toLowerCase() === value);
      box.append(el("button", {
        class: "facet" + (f ? (f.exclude ? " excluded" : " included") : ""), type: "button",
        "data-field": field, "data-value": value,
        title: !f ? "only these" : f.exclude ? "remove the filter" : "all but these",
        onclick: () => toggleFilter(s, field, value),
      }, el("span", { class: "value", dir: "auto", text: value }),
         el("span", { class: "count", text: String(count) })));
    }
  }
}

// ---- timeline ---------------------------------------------------------------------------------

function drawTimeline(h, s) {
  const box = $("timeline-box"), bars = $("timeline");
  bars.replaceChildren();
  box.hidden = !h.bins.length;
  if (!h.bins.length) return;
  const normalize = s.normalize === "1";
  $("normalize").checked = normalize;
  const value = (b) => (normalize ? b.share || 0 : b.count);
  const top = Math.max(...h.bins.map(value)) || 1;
  $("timeline-title").textContent =
    `${h.matches} matching articles by ${h.granularity} (copies included)` +
    (h.undated ? `; ${h.undated} undated, not shown` : "");
  let dragFrom = null;
  const select = (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    go("/?" + query({ ...s, since: h.bins[lo].period, until: h.bins[hi].period, offset: "" }));
  };
  h.bins.forEach((b, i) => {
    const share = b.share === null ? "—" : (b.share * 100).toFixed(2) + "%";
    const bar = el("button", {
      class: "bar" + (b.count ? "" : " empty"), type: "button", "data-period": b.period,
      title: `${b.period}: ${b.count} (${share} of ${b.total} articles)`,
      "aria-label": `${b.period}: ${b.count}`,
    });
    bar.style.height = b.count ? Math.max(2, (value(b) / top) * 100) + "%" : "1px";
    bar.addEventListener("pointerdown", (ev) => { dragFrom = i; ev.preventDefault(); });
    bar.addEventListener("pointerenter", () => {
      if (dragFrom === null) return;
      bars.querySelectorAll(".bar").forEach((x, k) =>
        x.classList.toggle("selecting", k >= Math.min(dragFrom, i) && k <= Math.max(dragFrom, i)));
    });
    bar.addEventListener("pointerup", () => { if (dragFrom !== null) select(dragFrom, i); dragFrom = null; });
    bar.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") select(i, i); });
    bars.append(bar);
  });
  $("timeline-foot").replaceChildren(el("span", { text: h.bins[0].period }),
                                     el("span", { text: h.bins[h.bins.length - 1].period }));
}

let generation = 0;  // of the page drawn: an answer for an older one is dropped

async function drawSearch(s) {
  fillForm(s);
  document.title = s.q + " — khabar";
  show("search-view");
  $("error").hidden = true;
  const params = query(s, { normalize: "" });
  const mine = ++generation;
  $("results").setAttribute("aria-busy", "true");  // until this search's answers are drawn
  try {
    const [res, hist, facets] = await Promise.all([
      api("/api/search", params + "&n=" + PAGE),
      api("/api/histogram", query(s, { offset: "", sort: "", normalize: "" })),
      api("/api/facets", query(s, { offset: "", sort: "", normalize: "" })),
    ]);
    if (mine !== generation) return;  // the page moved on meanwhile
    drawHits(res, s);
    drawTimeline(hist, s);
    drawFacets(facets, s);
    $("results").removeAttribute("aria-busy");
  } catch (e) {
    if (mine !== generation) return;
    $("results").removeAttribute("aria-busy");
    $("hits").replaceChildren();
    $("pager").replaceChildren();
    $("status").textContent = "";
    $("timeline-box").hidden = true;
    $("error").hidden = false;
    $("error").textContent = (e.parameter ? `${e.parameter}: ` : "") + e.message;
  }
}

async function drawHome() {
  fillForm({ q: "", since: "", until: "", sort: "" });
  document.title = "khabar";
  show("home-view");
  try {
    const st = await api("/api/stats");
    const langs = Object.entries(st.languages).map(([k, v]) => `${v} ${k}`).join(", ");
    $("stats").textContent = `${st.documents} articles (${langs}); ${st.dated} dated` +
      (st.date_min ? `, ${st.date_min} to ${st.date_max}` : "") + ".";
  } catch (e) {
    $("stats").textContent = e.message;
  }
}

// ---- article page -----------------------------------------------------------------------------

function safeHttpUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function originText(o) {
  if (!o || typeof o !== "object") return "";
  let s = o.file || "";
  if (o.entry) s += "::" + o.entry;
  if (o.record) s += ":" + o.record;
  return s;
}

async function drawArticle(id, q) {
  fillForm({ ...current, q });
  show("article-view");
  const view = $("article-view");
  view.replaceChildren(el("p", { text: "…" }));
  let a;
  try {
    a = await api("/api/article/" + encodeURIComponent(id), q ? new URLSearchParams({ q }).toString() : "");
  } catch (e) {
    view.replaceChildren(el("p", { class: "error", role: "alert", text: e.message }));
    return;
  }
  document.title = (a.title || a.id) + " — khabar";
  const lang = a.lang || undefined;
  const rows = el("dl");
  const row = (label, value) => {
    if (value === null || value === undefined || value === "") return;
    rows.append(el("dt", { text: label }), el("dd", { dir: "auto" }, value));
  };
  row("date", a.date ? a.date + (a.date_source ? ` (from ${a.date_source})` : "") : "undated");
  row("source", a.source);
  row("lang", a.lang);
  row("author", a.author);
  row("section", a.section);
  const href = a.url && safeHttpUrl(a.url);
  row("url", href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank", text: a.url }) : a.url);
  row("origin", originText(a.origin));
  row("id", a.id);
  if (a.copies) {
    const c = a.copies, list = el("span");
    c.ids.forEach((cid, i) => {
      if (i) list.append(", ");
      list.append(link(articleHref(cid, q), { dir: "auto" }, cid));
    });
    if (c.count > c.ids.length) list.append(", …");
    row("copies", el("span", {},
      `${c.count} in ${c.sources} ${c.sources === 1 ? "source" : "sources"}` +
      (c.first_seen ? `, first seen ${c.first_seen}` : "") + ": ", list));
  }
  const hl = a.highlights || { title: [], body: [] };
  const back = q ? "/?" + query({ ...current, q }) : "/";
  view.replaceChildren(
    link(back, { class: "back" }, q ? "← results" : "← search"),
    el("h1", { dir: "auto", lang }, highlighted(a.title || "(no title)", hl.title)),
    rows,
    el("div", { class: "body", dir: "auto", lang }, highlighted(a.body || "", hl.body)));
}

// ---- batch page ---------------------------------------------------------------------------------

let batchCsvUrl = null;

async function runBatch() {
  const body = $("batch-queries").value;
  const s = { since: $("since").value.trim(), until: $("until").value.trim(), by: $("batch-by").value };
  const params = query(s);
  $("batch-error").hidden = true;
  try {
    const r = await fetch("/api/batch?" + params, { method: "POST", body, headers: { "Content-Type": "text/plain" } });
    const res = await r.json();
    if (!r.ok) throw Object.assign(new Error(res.error), res);
    const table = $("batch-table");
    const head = el("tr", {}, el("th", { text: "query" }), el("th", { text: "matches" }));
    if (s.by) head.append(el("th", { text: "undated" }));
    for (const p of res.periods) head.append(el("th", { text: p }));
    table.replaceChildren(el("thead", {}, head));
    const rows = el("tbody");
    for (const row of res.rows) {
      const q = row.query;
      const tr = el("tr", {},
        el("td", { dir: "auto" }, link("/?" + query({ q, since: s.since, until: s.until }), {}, q)),
        el("td", { class: "n", text: row.error ? row.error : String(row.count) }));
      if (s.by) tr.append(el("td", { class: "n", text: row.undated === undefined ? "" : String(row.undated) }));
      for (const n of row.periods || res.periods.map(() => "")) tr.append(el("td", { class: "n", text: String(n) }));
      rows.append(tr);
    }
    table.append(rows);
    // The same table as CSV, from the server (one definition of the columns).
    const csv = await fetch("/api/batch?" + query({ ...s, format: "csv" }), { method: "POST", body });
    if (batchCsvUrl) URL.revokeObjectURL(batchCsvUrl);
    batchCsvUrl = URL.createObjectURL(await csv.blob());
    $("batch-csv").href = batchCsvUrl;
    $("batch-csv").hidden = false;
  } catch (e) {
    $("batch-error").hidden = false;
    $("batch-error").textContent = (e.parameter ? `${e.parameter}: ` : "") + e.message;
  }
}

function drawBatch() {
  $("q").value = "";
  document.title = "Batch search — khabar";
  show("batch-view");
}

// ---- routing ------------------------------------------------------------------------------------

function route() {
  ++generation;
  if (location.pathname.startsWith("/article/")) {
    const id = decodeURIComponent(location.pathname.slice("/article/".length));
    drawArticle(id, new URLSearchParams(location.search).get("q") || "");
    return;
  }
  if (location.pathname === "/batch") {
    drawBatch();
    return;
  }
  current = stateFromUrl();
  if (current.q.trim()) drawSearch(current);
  else drawHome();
}

document.addEventListener("DOMContentLoaded", () => {
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const s = { q: $("q").value.trim(), since: $("since").value.trim(), until: $("until").value.trim(),
                sort: $("sort").value, offset: "", normalize: current.normalize };
    go("/?" + query(s));
  });
  $("sort").addEventListener("change", () => $("search-form").requestSubmit());
  $("normalize").addEventListener("change", (ev) =>
    go("/?" + query({ ...current, normalize: ev.target.checked ? "1" : "" })));
  $("batch-link").addEventListener("click", (ev) => { ev.preventDefault(); go("/batch"); });
  $("batch-form").addEventListener("submit", (ev) => { ev.preventDefault(); runBatch(); });
  $("batch-file").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (file) $("batch-queries").value = await file.text();
  });
  window.addEventListener("popstate", route);
  route();
});
