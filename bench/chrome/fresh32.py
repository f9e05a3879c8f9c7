"""The thirty-third set of the chrome bench (`gen.py --set fresh32`, `SET=fresh32 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirty-third set"
before the set's held-out run. The design is described in README.md "The thirty-third set";
this docstring only says what the code does.

Each site is one real page of article-extraction (its real HTML, markup and chrome as they
are) with the page's article body replaced by another real story: English bodies from
Reuters-21578 (real 1987 dates) and BBC News 2225 (no dates), Urdu bodies from the
urdu-news-ha405 CSVs (Express, Samaa) on the same real shells marked right-to-left. The real
page's scripts, comments and metadata are removed and every text of its chrome that reads as a
day or holds a year is emptied (its own story's date, related stories' dates, copyright
years), so that the only days on a page are the ones labelled: the story's own date where the
site states one (a line under the headline, on some sites also in `<time datetime>`,
`article:published_time` and JSON-LD), a dated line above the story and one after it, and a
list of real headlines with dates after the story, rotating across scrape days. The real
page's own lists of links rotate across scrape days too. Text sites are the same pages saved
as text (their visible lines). Each generation checks its labels against its pages
(self_check) and stops on any mismatch. Date styles and readers are fresh30's (imported),
rotating lists gen.rotating_sidebars, bodies gen.Pools / fresh20.new_page, phrases and the
label file gen.write_set, the phrase and list checks fresh5.chrome_problems.
"""
import datetime
import gzip
import html
import json
import random
import re
import sys
from urllib.parse import urlparse

import fresh4 as F4
import fresh5 as F5
import fresh9 as F9
import fresh12 as F12
import fresh20 as F20
import fresh22 as F22
import fresh30 as F30
import gen as G

SEED_FRESH32 = 20270802
FRESH32_SALT = "khabar-chrome-fresh32"
EN_BASE, UR_BASE = datetime.date(2027, 8, 2), datetime.date(2027, 8, 3)
DAY = datetime.timedelta(days=1)

# site: the real host whose (first, by sha) article-extraction page is the shell.
# own: meta (line under the headline + <time datetime> + article:published_time + JSON-LD;
#   html only) | line (the line only) | none; half: only the even pages state it.
# body: reuters | bbc | mix | express | samaa. ostyle / side / cstyle: date styles of the own
# line, the list and the lines above / after the story (fresh30.fdate).
# above: today | updated | None; after: edition | forecast | yesterday | None
# path: the folder layout ({host} {id} {slug} {scrape})
SITES = [
    dict(site="www.latimes.com", lang="en", fmt="html", body="reuters", own="meta",
         ostyle="en_pk", side="en_wp", cstyle="en_short", label="Latest headlines",
         above="today", after="edition", path="{host}/story/{id}/{slug}.html"),
    dict(site="www.wired.com", lang="en", fmt="html", body="bbc", own="none",
         side="en_dmy_short", cstyle="en_wp", label="More from the newsroom",
         above="updated", after="forecast", path="saved/{host}/{scrape}/{id}.html"),
    dict(site="www.reuters.com", lang="en", fmt="html", body="reuters", own="line",
         ostyle="en_ordinal", side="en_short", cstyle="en_pk", label="Top stories today",
         above=None, after="yesterday", path="{host}/article/{slug}-{id}.html"),
    dict(site="www.nbcnews.com", lang="en", fmt="html", body="mix", own="meta", half=True,
         ostyle="en_lotto", side="en_wp", cstyle="en_dmy_short", label="Trending now",
         above="today", after=None, path="{host}/news/{id}/index.html"),
    dict(site="www.washingtonexaminer.com", lang="en", fmt="html", body="bbc", own="none",
         side=None, cstyle="en_pk", label="", above="updated", after="edition",
         path="{bare}/{slug}.htm"),
    dict(site="venturebeat.com", lang="en", fmt="txt", body="reuters", own="line",
         ostyle="en_pk", side="en_short", cstyle="en_wp", label="Latest stories",
         above="today", after="forecast", path="{host}/{scrape}/{id}.txt"),
    dict(site="www.indiewire.com", lang="en", fmt="txt", body="bbc", own="none",
         side="en_wp", cstyle="en_short", label="Popular this week", above=None,
         after="edition", path="txt/{host}/{slug}.txt"),
    dict(site="hosted.ap.org", lang="en", fmt="txt", body="mix", own="line", half=True,
         ostyle="en_ordinal", side="en_dmy_short", cstyle="en_lotto", label="AP top news",
         above="updated", after="yesterday", path="{host}/dynamic/{id}.txt"),
    dict(site="www.spokesman.com", lang="en", fmt="txt", body="reuters", own="line",
         ostyle="en_lotto", side=None, cstyle="en_ordinal", label="", above="today",
         after="forecast", path="{host}/stories/{slug}.txt"),
    dict(site="www.bbc.com", lang="ur", fmt="html", body="express", own="meta",
         ostyle="ur_hijri", side="ur_plain", cstyle="ur_weekday", label="تازہ ترین",
         above="today", after="edition", path="{host}/urdu/{id}.html"),
    dict(site="www.foxnews.com", lang="ur", fmt="html", body="samaa", own="none",
         side="ur_eastern", cstyle="ur_plain", label="مزید خبریں", above="updated",
         after="forecast", path="urdu-saved/{host}/{id}.html"),
    dict(site="www.newsweek.com", lang="ur", fmt="html", body="express", own="line",
         half=True, ostyle="ur_arabic", side="ur_hamza", cstyle="ur_eastern",
         label="اہم خبریں", above=None, after="yesterday", path="{host}/ur/{scrape}/{id}.html"),
    dict(site="slate.com", lang="ur", fmt="html", body="samaa", own="none", side=None,
         cstyle="ur_hamza", label="", above="today", after="edition",
         path="{host}/khabar/{id}/index.html"),
    dict(site="www.sciencealert.com", lang="ur", fmt="txt", body="express", own="line",
         ostyle="ur_shaya", side="ur_weekday", cstyle="ur_plain", label="مقبول خبریں",
         above="today", after="forecast", path="{host}/ur/{id}.txt"),
    dict(site="www.crn.com", lang="ur", fmt="txt", body="samaa", own="none",
         side="ur_plain", cstyle="ur_eastern", label="متعلقہ خبریں", above="updated",
         after=None, path="urdu-dump/{host}/{scrape}/{id}.txt"),
    dict(site="www.deccanherald.com", lang="ur", fmt="txt", body="express", own="line",
         half=True, ostyle="ur_eastern_time", side="ur_eastern", cstyle="ur_weekday",
         label="تازہ ترین", above="today", after="edition", path="{host}/news/{id}.txt"),
    dict(site="www.nbcdfw.com", lang="ur", fmt="txt", body="samaa", own="none", side=None,
         cstyle="ur_plain", label="", above=None, after="yesterday",
         path="{host}/{id}-{slug}.txt"),
    dict(site="spacenews.com", lang="ur", fmt="txt", body="express", own="line",
         ostyle="ur_plain", side="ur_hamza", cstyle="ur_hamza", label="دیگر خبریں",
         above="updated", after="forecast", path="{host}/akhbar/{id}.txt"),
]

for _s in SITES:
    _s.update(layout="site", n=16)

ABOVE = {"en": {"today": "Today: {d}", "updated": "Last updated {d}"},
         "ur": {"today": "آج: {d}", "updated": "آخری اپ ڈیٹ {d}"}}
AFTER = {"en": {"edition": "Print edition of {d}", "forecast": "Weather forecast for {d}",
                "yesterday": "Yesterday's front page: {d}"},
         "ur": {"edition": "آج کا اخبار {d}", "forecast": "کل کا موسم {d}",
                "yesterday": "کل کا اخبار {d}"}}
AFTER_SHIFT = {"edition": 0, "forecast": 1, "yesterday": -1}
OWN_WORDS = {"en": "Published {t}", "ur": "شائع {t}"}

read_own = F30.read_own
fdate = F30.fdate
flat = F4.flat
YEAR = re.compile(r"\b(19|20)\d\d\b")
MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
              r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
MONTHDAY = re.compile(rf"\b{MONTH_NAME}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
                      rf"{MONTH_NAME}\b", re.I)
BARE_MONTH = re.compile(rf"\s*{MONTH_NAME}\.?\s*", re.I)
ISO = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d")
STAMPS = ("datetime=", "datePublished", "published_time", "dc:created", "dateModified",
          "modified_time")


# ----------------------------------------------------------------------------- real shells

def shells(shared):
    """host -> (cleaned real HTML, start, end of its article body's paragraphs in it)."""
    base = shared / "corpora/article-extraction"
    truth = json.loads((base / "ground-truth.json").read_text())
    want = {s["site"] for s in SITES}
    out = {}
    for sha, v in sorted(truth.items()):
        host = urlparse(v["url"]).netloc
        if host not in want or host in out:
            continue
        raw = gzip.open(base / f"html/{sha}.html.gz").read().decode("utf-8", "replace")
        out[host] = clean(raw, v["articleBody"])
    return out


def clean(raw, body):
    """The real page without scripts, comments, metadata and dated chrome text; the span of
    its article body (the largest run of <p> elements whose text is in the true body)."""
    t = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    t = re.sub(r"<(script|noscript|template)\b.*?</\1\s*>", "", t, flags=re.S | re.I)
    t = re.sub(r"<meta\b(?![^>]*(viewport|og:site_name))[^>]*>", "", t, flags=re.I)
    t = re.sub(r"<link\b[^>]*(canonical|amphtml|alternate|shortlink)[^>]*>", "", t, flags=re.I)
    t = re.sub(r"<title\b.*?</title>", "", t, flags=re.S | re.I)
    # attributes holding a day or a date stamp
    t = re.sub(r"\s(datetime|itemprop|data-[\w-]*(?:date|time|stamp)[\w-]*)=(\"[^\"]*\"|'[^']*')",
               "", t, flags=re.I)
    t = re.sub(r"\s[\w:-]+=(\"[^\"]*(?:19|20)\d\d-\d\d-\d\d[^\"]*\"|'[^']*(?:19|20)\d\d-\d\d-\d\d[^']*')",
               "", t)
    t = re.sub(r"\s[\w:-]+=(\"[^\"]*(?:date|published_time|modified_time|dc:created)[^\"]*\"|"
               r"'[^']*(?:date|published_time|modified_time|dc:created)[^']*')", "", t, flags=re.I)
    # text that reads as a day or holds a year: emptied
    def text_node(m):
        s = html.unescape(m.group(1))
        if (YEAR.search(s) or MONTHDAY.search(s) or read_own(s) or BARE_MONTH.fullmatch(s)
                or any(x in s for x in STAMPS)):
            return "><"
        return m.group(0)
    t = re.sub(r">([^<]+)<", text_node, t)
    body_flat = " ".join(body.split())
    ps = [(m.start(), m.end(), " ".join(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).split()))
          for m in re.finditer(r"<p\b[^>]*>(.*?)</p\s*>", t, re.S | re.I)]
    best, cur, gap = None, None, 0
    for s, e, tx in ps:
        hit = len(tx) > 30 and tx in body_flat
        if hit:
            if cur is None:
                cur = [s, e, 1]
            else:
                cur[1], cur[2] = e, cur[2] + 1
            gap = 0
            if best is None or cur[2] > best[2]:
                best = list(cur)
        elif cur is not None:
            gap += 1
            if gap > 3:
                cur = None
    if best is None:
        raise SystemExit("fresh32: no article body found")
    return t, best[0], best[1]


def rotate_lists(t, r):
    """Every innermost <ul>/<ol> made only of 3 or more <li> items, rotated by r items."""
    def rot(m):
        inner = m.group(3)
        items = re.findall(r"<li\b.*?</li\s*>", inner, re.S | re.I)
        rest = re.sub(r"<li\b.*?</li\s*>", "", inner, flags=re.S | re.I).strip()
        if len(items) < 3 or rest:
            return m.group(0)
        k = r % len(items)
        return m.group(1) + "".join(items[k:] + items[:k]) + m.group(4)
    return re.sub(r"(<(ul|ol)\b[^>]*>)((?:(?!<ul\b|<ol\b|</ul|</ol).)*?)(</\2\s*>)", rot, t,
                  flags=re.S | re.I)


# ----------------------------------------------------------------------------- pages

def site_pages(spec, pools, shells_, rng):
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH32_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH32_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 7, 13)
    pages = []
    for k in range(16):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        while True:  # each story, headline and lead query once; an undated page's lead and
            # every headline state no day; no story ends on a scrap
            page = F20.new_page(spec, k, day, pools, rng, back)
            dated = spec["own"] != "none" and bool(page.own) and not (spec.get("half") and k % 2)
            q = G.lead_query(page.lead, page.headline, lang)
            if (page.headline not in F22.SEEN and page.lead not in F22.SEEN
                    and q not in F22.SEEN and not read_own(page.headline)
                    and not YEAR.search(page.headline)
                    and len(page.paras[-1].split()) >= 4 and (dated or not read_own(page.lead))):
                break
        F22.SEEN.update((page.headline, page.lead, q))
        if not dated:
            page.own = ""
        page.day_index = days.index(day)
        page.num = (5100000 + 4133 * k + h % 70000) if lang == "en" else 38000 + 611 * k + h % 733
        if not hasattr(page, "hour"):
            page.hour, page.minute = 9 + k % 9, (k * 13) % 60
        page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute) if page.own else ""
        page.sidebar_label = spec["label"]
        page.sidebar = [(t, fdate(spec["side"], *args[1:]), None, iso)
                        for t, args, _te, iso in sidebars.get(day, [])
                        if not read_own(t) and not YEAR.search(t)] if spec["label"] else []
        page.masthead = ""
        page.lines = []  # [(where, text, ISO)]
        if spec["above"]:
            page.lines.append(("above", ABOVE[lang][spec["above"]].format(
                d=fdate(spec["cstyle"], day, 6, 5)), day.isoformat()))
        if spec["after"]:
            d = day + AFTER_SHIFT[spec["after"]] * DAY
            page.lines.append(("after", AFTER[lang][spec["after"]].format(
                d=fdate(spec["cstyle"], d, 5, 30)), d.isoformat()))
        page.url = f"https://{spec['site']}/{'ur/' if lang == 'ur' else ''}{page.slug}-{page.num}"
        pages.append(page)
    return pages


def page_path(page):
    spec = page.spec
    return spec["path"].format(host=spec["site"], bare=spec["site"].removeprefix("www."), id=page.num, slug=page.slug[:50],
                               scrape=page.scrape_day)


def render(page, shell):
    """(page text, chrome blocks): the shell with this page's story, dates and lists."""
    spec, lang = page.spec, page.spec["lang"]
    t, s, e = shell
    esc = G.esc
    story = "".join(f"<p>{esc(p)}</p>\n" for p in page.paras)
    own = ""
    if page.own:
        line = esc(OWN_WORDS[lang].format(t=page.own_text))
        if spec["own"] == "meta":
            own = (f'<div class="article-published"><time datetime="{page.own}T'
                   f'{page.hour:02d}:{page.minute:02d}:00">{line}</time></div>\n')
        else:
            own = f'<div class="article-published">{line}</div>\n'
    after = ""
    if page.sidebar:
        after = (f'<aside class="latest-list"><h3>{esc(page.sidebar_label)}</h3><ul>' + "".join(
            f'<li><a href="https://{spec["site"]}/{G.slugify(tt, "item")}">{esc(tt)}</a> '
            f'<span class="date">{esc(dt)}</span></li>' for tt, dt, _te, _iso in page.sidebar)
            + "</ul></aside>\n")
    pre, post = t[:s], t[e:]
    h1 = list(re.finditer(r"(<h1\b[^>]*>)(.*?)(</h1\s*>)", pre, re.S | re.I))
    if h1:
        m = h1[-1]
        pre = pre[:m.start()] + m.group(1) + esc(page.headline) + m.group(3) + own + pre[m.end():]
        mid = story
    else:
        mid = f"<h1>{esc(page.headline)}</h1>\n{own}{story}"
    doc = rotate_lists(pre, page.day_index) + mid + after + rotate_lists(post, page.day_index)
    for where, text, _iso in page.lines:
        div = f'<div class="{"top-date" if where == "above" else "edition-date"}">{esc(text)}</div>'
        if where == "above":
            doc = re.sub(r"(<body\b[^>]*>)", lambda m: m.group(1) + div, doc, count=1, flags=re.I)
        else:
            doc = re.sub(r"(</body\s*>)", lambda m: div + m.group(1), doc, count=1, flags=re.I)
    if lang == "ur":
        doc = re.sub(r"<html\b[^>]*>", '<html lang="ur" dir="rtl">', doc, count=1, flags=re.I)
    head = [f'<meta charset="utf-8">', f"<title>{esc(page.headline)}</title>",
            f'<link rel="canonical" href="{page.url}">']
    if page.own and spec["own"] == "meta":
        ts = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00Z"
        head.append(f'<meta property="article:published_time" content="{ts}">')
        head.append('<script type="application/ld+json">' + json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle",
             "headline": page.headline, "datePublished": ts}, ensure_ascii=False) + "</script>")
    doc = re.sub(r"(<head\b[^>]*>)", lambda m: m.group(1) + "\n".join(head), doc, count=1,
                 flags=re.I)
    if "<body" not in doc.lower() or "<head" not in doc.lower():
        raise SystemExit(f"fresh32: {spec['site']} shell without <head> or <body>")
    parser = G.mc._Lines()
    parser.feed(doc)
    parser.flush()
    lines = parser.lines
    text = doc if spec["fmt"] == "html" else "\n".join(lines) + "\n"
    # chrome blocks: visible lines before the headline and after the last paragraph
    hl = flat(page.headline)
    first = next(i for i, ln in enumerate(lines) if ln == hl)
    last = max(i for i, ln in enumerate(lines) if ln == flat(page.paras[-1]))
    zone = " ".join(G.M.tokenize(" ".join(lines[first:last + 1])))
    def ok(ln):
        return (len(ln) < 200 and not read_own(ln) and "://" not in ln
                and not any(f" {g} " in f" {zone} " for g in G.phrase_candidates(ln)))
    items = {flat(f"{tt} {dt}") for tt, dt, *_ in page.sidebar}
    dated = {flat(x) for _w, x, _i in page.lines}
    nav = [ln for ln in lines[:first] if ok(ln) and ln not in dated]
    tail = [ln for ln in lines[last + 1:] if ok(ln) and ln not in items and ln not in dated
            and ln != flat(page.sidebar_label)]
    blocks = [nav[:60], [page.sidebar_label] if page.sidebar_label else []]
    blocks += [[tt] for tt, *_ in page.sidebar]
    blocks.append(tail[:60] + [x for _w, x, _i in page.lines])
    page.chrome_dates = sorted(({iso for *_, iso in page.sidebar}
                                | {iso for *_, iso in page.lines}) - {page.own})
    return text, blocks


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The thirty-third set");
    exits with the failures, else returns a summary line."""
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " " + " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                               for p, *_ in rendered) + " "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, F12.zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        allowed = set(lb["chrome_dates"]) | ({page.own} if page.own else set())
        header = zone[:zone.index(flat(page.paras[0]))]
        parser = G.mc._Lines()
        parser.feed(text if page.spec["fmt"] == "html" else "")
        parser.flush()
        lines = parser.lines if page.spec["fmt"] == "html" else text.splitlines()
        paras = {flat(p) for p in page.paras}
        own_line = flat(OWN_WORDS[page.spec["lang"]].format(t=page.own_text)) if page.own else ""
        if page.own:
            if read_own(page.own_text) != page.own:
                probs.append(f"own date text {page.own_text!r} reads {read_own(page.own_text)}")
            if zone.count(own_line) != 1 or own_line not in header:
                probs.append("own date line not once in the story's header")
            if read_own(header.replace(own_line, " ")):
                probs.append(f"another day in the header: {read_own(header.replace(own_line, ' '))}")
        else:
            if read_own(header):
                probs.append(f"undated page with a day in its header: {read_own(header)}")
            if read_own(page.lead):
                probs.append("an undated page's lead states a day")
            if YEAR.search(page.url):
                probs.append("a dated URL")
        # every visible line outside the story's paragraphs: a day only where labelled, no year
        # elsewhere
        mine = {flat(x) for _w, x, _i in page.lines} | {own_line} | {
            flat(f"{tt} {dt}") for tt, dt, *_ in page.sidebar}
        seen = set()
        for ln in lines:
            if flat(ln) in paras:
                continue
            r = read_own(ln)
            if r:
                seen.add(r)
                if r not in allowed:
                    probs.append(f"line {ln[:60]!r} reads {r}, not labelled")
                if flat(ln) not in mine:
                    probs.append(f"an unplaced line reads a day: {ln[:60]!r}")
            elif ((YEAR.search(ln) or MONTHDAY.search(ln)) and flat(ln) not in mine
                  and flat(ln) != flat(page.headline)):
                probs.append(f"a year or month and day in a chrome line: {ln[:60]!r}")
        if set(lb["chrome_dates"]) - seen:
            probs.append(f"chrome dates {lb['chrome_dates']} not all on the page ({sorted(seen)})")
        for _w, x, iso in page.lines:
            if read_own(x) != iso or flat(x) not in outside or flat(x) in zone:
                probs.append(f"dated line {x!r} misread or inside the story")
        for tt, dt, _te, iso in page.sidebar:
            if read_own(dt) != iso or read_own(tt):
                probs.append(f"list item {tt!r} / {dt!r} misread")
        every = {iso for *_, iso in page.sidebar} | {iso for *_, iso in page.lines}
        if set(lb["chrome_dates"]) != every - {page.own} or page.own in lb["chrome_dates"]:
            probs.append(f"chrome dates {lb['chrome_dates']} are not the page's {sorted(every)}")
        # markup: stamps only for the own date, no other ISO day anywhere
        if page.spec["fmt"] == "html":
            stamps = [x for x in STAMPS if x in text]
            if not page.own and stamps:
                probs.append(f"undated page with stamps {stamps}")
            if page.own and page.spec["own"] == "meta" and (
                    f'datetime="{page.own}' not in text or "datePublished" not in text):
                probs.append("own date not in its stamps")
            for iso in ISO.findall(text):
                if iso != page.own:
                    probs.append(f"an ISO day {iso} in the markup")
        else:
            if ISO.search(text) and ISO.search(text).group(0) not in allowed:
                probs.append("an ISO day in the text")
        probs += F5.chrome_problems(page, lb, raw, zone, outside, content)
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh32", rendered, labels, bad)


# ----------------------------------------------------------------------------- generation

def build(shared, out, split_of):
    """The set's pages in SITES order with one seeded random stream, split_of(SITES) ->
    (k, {site: dev|test}), gen.write_set, then self_check (which stops on any mismatch)."""
    F22.SEEN.clear()
    rng = random.Random(SEED_FRESH32)
    salt_k, split = split_of(SITES)
    pools = G.Pools(shared, rng)
    shells_ = shells(shared)
    rendered = []
    for spec in SITES:
        for page in site_pages(spec, pools, shells_, rng):
            text, chrome = render(page, shells_[spec["site"]])
            rendered.append((page, page_path(page), text, chrome))
    labels = G.write_set(out, rendered, split,
                         {"set": "fresh32", "salt": FRESH32_SALT, "k": salt_k}, rng)
    return rendered, labels


def main(shared, out):
    rendered, labels = build(shared, out,
                             lambda sites: G.choose_salted_split(sites, FRESH32_SALT, 0.25, 0.45))
    print(f"gen.py --set fresh32: {len(labels)} pages of {len(SITES)} sites in {out / 'pages'}",
          file=sys.stderr)
    print(self_check(rendered, labels), file=sys.stderr)
