#!/usr/bin/env python3
"""Generate the chrome bench set (issue 13 item 6): scraped pages of 25 sites with labels.

    gen.py OUTDIR [--shared DIR] [--set main|fresh|fresh2|...|fresh39]

--set fresh writes the fresh set instead (fresh.py: 18 other sites, assembled otherwise);
--set fresh2 the third set (fresh2.py: 17 more sites, held out from the rules of 7cc22c2);
--set fresh3 the fourth set (fresh3.py: 18 more sites, held out from the final date rules);
--set fresh4 the fifth set (fresh4.py: 18 more sites, built blind to the final rules' author);
--set fresh5 the sixth set (fresh5.py: 18 more sites, built blind to the rules' author).
--set fresh6 the seventh set (fresh6.py: 18 more sites, built blind to the rules' author).
--set fresh7 the eighth set (fresh7.py: 18 more sites, built blind to the rules' author).
--set fresh8 the ninth set (fresh8.py: 18 more sites, built blind to the rules' author).
--set fresh9 the tenth set (fresh9.py: 18 more sites, built blind to the rules' author).
--set fresh10 the eleventh set (fresh10.py: 18 more sites, built blind to the rules' author).
--set fresh11 the twelfth set (fresh11.py: 18 more sites, built blind to the rules' author).
--set fresh12 the thirteenth set (fresh12.py: 18 more sites, built blind to the rules' author).
--set fresh13 the fourteenth set (fresh13.py: 18 more sites, built blind to the rules' author).
--set fresh14 the fifteenth set (fresh14.py: 18 more sites, built blind to the rules' author).
--set fresh15 the sixteenth set (fresh15.py: 18 more sites, built blind to the rules' author).
--set fresh16 the seventeenth set (fresh16.py: 18 more sites, built blind to the rules' author).
--set fresh17 the eighteenth set (fresh17.py: 18 more sites, built blind to the rules' author).
--set fresh18 the nineteenth set (fresh18.py: 18 more sites, built blind to the rules' author).
--set fresh19 the twentieth set (fresh19.py: 18 more sites, built blind to the rules' author).
--set fresh20 the twenty-first set (fresh20.py: 18 more sites, built blind to the rules' author).
--set fresh21 the twenty-second set (fresh21.py: 18 more sites, built blind to the rules' author).
--set fresh22 the twenty-third set (fresh22.py: 18 more sites, built blind to the rules' author).
--set fresh23 the twenty-fourth set (fresh23.py: 18 more sites, built blind to the rules' author).
--set fresh24 the twenty-fifth set (fresh24.py: 18 more sites, built blind to the rules' author).
--set fresh25 the twenty-sixth set (fresh25.py: 18 more sites, built blind to the rules' author).
--set fresh26 the twenty-seventh set (fresh26.py: 18 more sites, built blind to the rules' author).
--set fresh27 the twenty-eighth set (fresh27.py: 18 more sites, built blind to the rules' author).
--set fresh28 the twenty-ninth set (fresh28.py: 18 more sites, built blind to the rules' author).
--set fresh29 the thirtieth set (fresh29.py: 18 more sites, built blind to the rules' author).
--set fresh30 the thirty-first set (fresh30.py: 18 more sites, built blind to the rules' author).
--set fresh31 the thirty-second set (fresh31.py: 18 more sites, built blind to the rules' author).
--set fresh33 the thirty-fourth set (fresh33.py: 18 more sites, built blind to the rules' author).
--set fresh32 the thirty-third set (fresh32.py: 18 more sites, built blind to the rules' author).
--set fresh39 the fortieth set (fresh39.py: 18 more sites, built blind to the rules' author).
--set fresh37 the thirty-eighth set (fresh37.py: 18 more sites, built blind to the rules' author).
--set fresh36 the thirty-seventh set (fresh36.py: 40 more sites, 1-12 pages each, built blind to the
--set fresh35 the thirty-sixth set (fresh35.py: 18 more sites, built blind to the rules' author).
--set fresh34 the thirty-fifth set (fresh34.py: 18 more sites, built blind to the rules' author).
rules' author).

Writes OUTDIR/pages/... (the dump, text and HTML pages in the folder layouts of issue 13 item 2),
OUTDIR/raw/... (each page's visible text as PATH.txt, the reference for the phrase check),
OUTDIR/labels.jsonl (one line per page: site, lang, format, layout, split, the true own date
or "", the chrome dates, the chrome-only phrases, the lead query and the page's path) and
OUTDIR/split.json (the dev and test sites).

Every sentence of every page is real text: article bodies from Reuters-21578 (with their real
dates), BBC News 2225 (no dates: those pages state none) and the urdu-news-ha405 CSVs (Express,
Samaa; no dates); site chrome (navigation, related lists, footers) from the real pages of
article-extraction (the visible text of each site's own template around its own article);
rotating sidebars of real headlines (BBC titles, Dawn teasers of dawn-2013-teasers, Express and
Samaa titles); the seed page as it is. The Urdu sites' names, section words and list labels
("تازہ ترین", "مزید پڑھیں", "متعلقہ خبریں") are the assembly's, as are the scrape days, the
sidebar dates and the own dates of Urdu pages (the Urdu corpora carry none). See README.md.

Deterministic: fixed seed, sorted inputs, no timestamps. Python 3 standard library only.
"""
import argparse
import datetime
import gzip
import hashlib
import html
import json
import random
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "testdata" / "chrome"))
import make_chrome as mc  # noqa: E402  (the readers of the corpora and the page-text parser)
sys.path.insert(0, str(HERE))
import metrics as M  # noqa: E402  (the bench's tokenizer)

SEED = 20261206
SPLIT_SALT = "khabar-chrome-bench"  # split = sha256(SALT:k:site) % 100 < 40 -> dev (see split())
MONTHS = mc.MONTHS
URDU_MONTHS = mc.URDU_MONTHS
URDU_DIGITS = mc.URDU_DIGITS

# Urdu sections and list labels (the assembly's words; the issue quotes the three labels).
URDU_NAV = ["صفحہ اول", "پاکستان", "بین الاقوامی", "کھیل", "شوبز", "کاروبار", "صحت",
            "سائنس و ٹیکنالوجی", "بلاگ", "ویڈیوز", "دلچسپ و عجیب"]
URDU_FOOT = ["ہمارے بارے میں", "رابطہ کریں", "پرائیویسی پالیسی", "اشتہارات کے لیے رابطہ",
             "جملہ حقوق محفوظ ہیں"]
URDU_LABELS = ["تازہ ترین", "مزید پڑھیں", "متعلقہ خبریں", "اداریہ", "مقبول خبریں"]

# site, lang, format, layout, template (article-extraction host), bodies, own date, sidebar
#   format: txt | html
#   layout: news (SITE/news/slug) | latest (SITE/latest/slug) | dated (SITE/YYYY/MM/DD/slug.html)
#           | flat (scraped-html/slug.html, several sites) | direct (SITE/slug) | seed (the seed page)
#   shape (txt): story (headline first) | nav (nav lines first) | title (scraper title line, then
#           the whole page) | bare (story body only, then the sidebar: the seed's shape)
#   own: how a page states its own date: header (a line beside the headline), lead (a wire
#        dateline opening the lead), meta, jsonld, time (HTML), none
#   side: sidebar date format; sidebar markup for HTML: aside | widget | related
SITES = [
    # English text pages
    dict(site="usatoday.com", lang="en", fmt="txt", layout="news", tpl="www.usatoday.com",
         body="reuters", own="header", dfmt="usat", side="dawn_upd", shape="story", n=16),
    dict(site="detroitnews.com", lang="en", fmt="txt", layout="latest", tpl="www.detroitnews.com",
         body="bbc", own="none", side="us", shape="story", n=16),
    dict(site="ctpost.com", lang="en", fmt="txt", layout="news", tpl="www.ctpost.com",
         body="reuters", own="lead", side="dawn", shape="story", n=16),
    dict(site="mysanantonio.com", lang="en", fmt="txt", layout="direct",
         tpl="www.mysanantonio.com", body="mix", own="header", dfmt="ap", side="dawn_upd",
         shape="nav", n=16),
    dict(site="express.co.uk", lang="en", fmt="txt", layout="news", tpl="www.express.co.uk",
         body="bbc", own="none", side="uk_wd", shape="story", n=16),
    dict(site="cityam.com", lang="en", fmt="txt", layout="latest", tpl="www.cityam.com",
         body="reuters", own="header", dfmt="uk", side="uk", shape="title", n=16),
    dict(site="moneycontrol.com", lang="en", fmt="txt", layout="direct",
         tpl="www.moneycontrol.com", body="mix", own="lead", side="ist", shape="nav", n=16),
    dict(site="thenews-opinion", lang="en", fmt="txt", layout="direct", tpl=None,
         body="bbc", own="none", side="dawn_upd", shape="bare", n=12),
    dict(site="dawn-seed", lang="en", fmt="txt", layout="seed", tpl=None, body="seed",
         own="none", side=None, shape="bare", n=1),
    # English HTML pages
    dict(site="thesun.co.uk", lang="en", fmt="html", layout="dated", tpl="www.thesun.co.uk",
         body="reuters", own="meta", side="dawn_upd", markup="aside", n=16),
    dict(site="timesunion.com", lang="en", fmt="html", layout="news", tpl="www.timesunion.com",
         body="bbc", own="none", side="us", markup="aside", n=16),
    dict(site="nj.com", lang="en", fmt="html", layout="flat", tpl="www.nj.com",
         body="reuters", own="jsonld", side="us", markup="widget", n=16),
    dict(site="rt.com", lang="en", fmt="html", layout="flat", tpl="www.rt.com",
         body="bbc", own="none", side="dawn", markup="aside", n=16),
    dict(site="ctvnews.ca", lang="en", fmt="html", layout="flat", tpl="www.ctvnews.ca",
         body="reuters", own="time", dfmt="ap", side="us", markup="related", n=16),
    dict(site="sportsnet.ca", lang="en", fmt="html", layout="direct", tpl="www.sportsnet.ca",
         body="bbc", own="none", side="uk_wd", markup="widget", n=16),
    dict(site="albawaba.com", lang="en", fmt="html", layout="dated", tpl="www.albawaba.com",
         body="reuters", own="jsonld", side="dawn_upd", markup="related", n=16),
    dict(site="newsnation.in", lang="en", fmt="html", layout="direct", tpl="www.newsnation.in",
         body="mix", own="lead", side="ist", markup="aside", n=16),
    # Urdu text pages
    dict(site="roznama-khabar.pk", lang="ur", fmt="txt", layout="news", tpl=None,
         body="express", own="none", side="ur", shape="story", n=16),
    dict(site="taza-khabrein.tv", lang="ur", fmt="txt", layout="latest", tpl=None,
         body="samaa", own="header", side="ur_digits", shape="nav", n=16),
    dict(site="qaumi-awaz.pk", lang="ur", fmt="txt", layout="direct", tpl=None,
         body="express", own="half", side="ur_digits", shape="story", n=16),
    dict(site="urdu-idaria.pk", lang="ur", fmt="txt", layout="direct", tpl=None,
         body="samaa", own="none", side="ur", shape="bare", n=12),
    # Urdu HTML pages
    dict(site="akhbar-urdu.pk", lang="ur", fmt="html", layout="dated", tpl=None,
         body="express", own="meta", side="ur", markup="aside", n=16),
    dict(site="khabarnama.pk", lang="ur", fmt="html", layout="flat", tpl=None,
         body="samaa", own="none", side="ur_digits", markup="aside", n=16),
    dict(site="jaiza-news.pk", lang="ur", fmt="html", layout="direct", tpl=None,
         body="express", own="jsonld_half", side="ur", markup="widget", n=16),
    dict(site="nawa-e-shehr.pk", lang="ur", fmt="html", layout="latest", tpl=None,
         body="samaa", own="none", side="ur_digits", markup="related", n=16),
]
SEED_SITE = "dawn-seed"  # always dev: the issue's own example, known to every rule author


# ----------------------------------------------------------------------------- split

def split_of(site, salt_k):
    if site == SEED_SITE:
        return "dev"
    h = int(hashlib.sha256(f"{SPLIT_SALT}:{salt_k}:{site}".encode()).hexdigest(), 16)
    return "dev" if h % 100 < 40 else "test"


def choose_split():
    """The first salt k (0, 1, ...) whose split has both languages and both formats on each side
    and 35-45 % of the sites in dev. Returns (k, {site: split})."""
    for k in range(1000):
        split = {s["site"]: split_of(s["site"], k) for s in SITES}
        ok = 0.35 <= sum(v == "dev" for v in split.values()) / len(split) <= 0.45
        for side in ("dev", "test"):
            kinds = {(s["lang"], s["fmt"]) for s in SITES if split[s["site"]] == side}
            ok = ok and len(kinds) == 4
        if ok:
            return k, split
    raise SystemExit("no split found")


# ----------------------------------------------------------------------------- dates

def fmt_date(style, d, hour=9, minute=15):
    mon, month = MONTHS[d.month - 1][:3], MONTHS[d.month - 1]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    if style == "dawn":
        return f"{d.day:02d} {mon}, {d.year}"
    if style == "dawn_upd":
        return f"Updated {d.day:02d} {mon}, {d.year}"
    if style == "us":
        return f"{month} {d.day}, {d.year}"
    if style == "uk":
        return f"{d.day} {month} {d.year}"
    if style == "uk_wd":
        return f"{d.strftime('%a')}, {mon} {d.day}, {d.year}"
    if style == "ist":
        return f"{mon} {d.day:02d}, {d.year} {h12:02d}:{minute:02d} {ampm} IST"
    if style == "usat":
        return f"Published {h12}:{minute:02d} {ampm.lower()[0]}.m. ET {month} {d.day}, {d.year}"
    if style == "ap":
        return f"{mon}. {d.day}, {d.year} {h12}:{minute:02d} {ampm} EST"
    if style == "ur":
        return f"{d.day} {URDU_MONTHS[d.month - 1]} {d.year}"
    if style == "ur_digits":
        return f"{d.day} {URDU_MONTHS[d.month - 1]} {d.year}".translate(URDU_DIGITS)
    raise ValueError(style)


# ----------------------------------------------------------------------------- sources

def real_templates(shared, nth=0):
    """host -> (head lines, tail lines) of its real article-extraction page: the visible text
    before and after its true article body, without the original story's headline and the
    lines that carry a date (a real page's header holds its own story's date, which here would
    sit beside another story). nth: the host's first usable page from its nth on (sorted by
    sha; 1 gives the second page of the hosts that have two)."""
    truth = json.loads((shared / "corpora/article-extraction/ground-truth.json").read_text())
    out, seen = {}, {}
    for sha, v in sorted(truth.items()):
        host = urlparse(v["url"]).netloc
        seen[host] = seen.get(host, -1) + 1
        if host in out or seen[host] < nth:
            continue
        raw = gzip.open(shared / f"corpora/article-extraction/html/{sha}.html.gz").read()
        text = raw.decode("utf-8", "replace")
        parser = mc._Lines()
        parser.feed(text)
        parser.flush()
        try:
            head, _inbody, tail = mc.real_template(parser.lines, v["articleBody"])
        except StopIteration:
            continue
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S | re.I)
        h1 = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", h1.group(1)))).strip() \
            if h1 else ""
        def keep(line):
            return (line != h1 and not mc.DATE_IN_LINE.search(line) and len(line) < 300
                    and not re.search(r"\b(19|20)\d\d\b", line))
        out[host] = ([ln for ln in head if keep(ln)][:40], [ln for ln in tail if keep(ln)][:50])
    return out


def urdu_rows(shared, name):
    import csv
    csv.field_size_limit(1 << 30)
    path = shared / f"corpora/urdu-news-ha405/{name}_articles.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["title"].strip()]
    seen, out = set(), []
    for r in rows:
        key = r["content"].strip()[:200]
        if key and key not in seen:
            seen.add(key)
            out.append(r)
    return out


def urdu_paras(content):
    sentences = [s.strip() + "۔" for s in content.split("۔") if s.strip()]
    return [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]


class Pools:
    """Bodies and sidebar headlines, each used once (sorted, then shuffled with the seed)."""

    def __init__(self, shared, rng):
        arts = mc.reuters_articles(shared)
        leads, rs = set(), []
        for i in sorted(arts):
            a = arts[i]
            text = " ".join(a["paragraphs"])
            key = a["paragraphs"][0][:80].lower() if a["paragraphs"] else ""
            if (a["dateline"] and 3 <= len(a["paragraphs"]) <= 12 and 500 <= len(text) <= 4000
                    and key not in leads and a["year"] == 1987):
                leads.add(key)
                rs.append(a)
        rng.shuffle(rs)
        self.reuters = rs
        bbc = mc.bbc_articles(shared)
        rng.shuffle(bbc)
        self.bbc = bbc[:600]
        self.bbc_titles = [t for _, t, _ in bbc[600:]]
        self.dawn = [(t, s) for _, _, t, s in mc.dawn_teasers(shared)]
        rng.shuffle(self.dawn)
        ex, sa = urdu_rows(shared, "express"), urdu_rows(shared, "samaa")
        rng.shuffle(ex)
        rng.shuffle(sa)
        self.express = [r for r in ex if len(r["content"]) > 500][:200]
        self.samaa = [r for r in sa if len(r["content"]) > 500][:200]
        used = {id(r) for r in self.express + self.samaa}
        self.urdu_titles = [r["title"].strip() for r in ex + sa if id(r) not in used]

    def take(self, kind):
        return getattr(self, kind).pop()


# ----------------------------------------------------------------------------- pages

STOP = set("""a an the of to in on at for and or but by with from as is are was were be been has
have had it its this that these those he she they we you i his her their our not no said says
will would could should may can than then there which who what when where also after before
over into about up out new""".split())
UR_STOP = set("کے کی کا میں نے سے کو اور ہے ہیں پر کہ یہ وہ ایک بھی تھا تھی گیا گئی ہو".split())


def content_words(text, lang):
    words = M.tokenize(text)
    if lang == "ur":
        return [w for w in words if w not in UR_STOP and not w.isdigit()]
    return [w for w in words if w not in STOP and len(w) > 2 and not w.isdigit()]


def lead_query(lead, headline, lang):
    """The first 8 content words of the lead; the headline's first when the lead has fewer than
    5 (a results table: "Shr 12 cts vs 10 cts")."""
    words = content_words(lead, lang)
    if len(words) < 5:
        words = content_words(headline, lang)[:4] + words
    return " ".join(words[:8])


def slugify(text, fallback):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]
    return s or fallback


class Page:
    """One page: its parts and what the labels need."""

    def __init__(self, spec, k):
        self.spec, self.k = spec, k
        self.headline, self.paras, self.lead = "", [], ""
        self.own = ""            # the true own date (ISO) or ""
        self.own_text = ""       # the own date as the page writes it (header/time)
        self.head, self.tail = [], []
        self.sidebar_label, self.sidebar = "", []  # [(headline, date text, teaser)]
        self.chrome_dates = []
        self.slug = ""
        self.url = ""


def fill_body(page, pools, rng):
    spec = page.spec
    kind = spec["body"]
    if kind == "mix":
        kind = "reuters" if page.k % 3 != 2 else "bbc"
    if kind == "reuters":
        a = pools.take("reuters")
        page.headline = a["title"].title() if a["title"].isupper() else a["title"]
        paras = list(a["paragraphs"])
        d = datetime.date(a["year"], a["month"], a["day"])
        if spec["own"] != "none":
            page.own = d.isoformat()
        page.date = d
        page.hour, page.minute = a["hour"], a["minute"]
        city = a["dateline"].split(",")[0].strip()
        page.lead = paras[0]
        if spec["own"] == "lead":
            paras[0] = f"{city}, {MONTHS[d.month - 1]} {d.day}, {d.year} (Reuters) - {paras[0]}"
        page.paras = paras
        page.slug = slugify(a["title"], f"story-{page.k}")
    elif kind == "bbc":
        _, title, paras = pools.take("bbc")
        page.headline, page.paras, page.lead = title, paras, paras[0]
        page.slug = slugify(title, f"story-{page.k}")
    else:  # express / samaa
        r = pools.take(kind)
        page.headline = r["title"].strip()
        page.paras = urdu_paras(r["content"])
        page.lead = page.paras[0]
        m = re.search(r"/story/(\d+)/([a-z0-9-]+)", r["link"])
        page.slug = (m.group(2)[:60] if m else f"khabar-{int(r['id']):05d}")
        page.rid = int(r["id"])


def urdu_own_date(page, scrape_day):
    """Urdu corpora have no dates: an own date 0-2 days before the scrape day."""
    page.date = scrape_day - datetime.timedelta(days=page.k % 3)
    page.hour, page.minute = 10 + page.k % 8, (7 * page.k) % 60
    page.own = page.date.isoformat()


def site_hash(site):
    return int(hashlib.sha256(site.encode()).hexdigest(), 16)


def build_sidebars(spec, days, pools, rng):
    """day -> (label, [(headline, date text, teaser, ISO date)]): 4-7 items a day, all new
    ("Latest", "Most read" lists), except editorial lists (the seed's), which carry 2 items
    over from the day before."""
    lang, h = spec["lang"], site_hash(spec["site"])
    editorial = spec["side"] in ("dawn", "dawn_upd")
    if lang == "ur":
        label = URDU_LABELS[h % len(URDU_LABELS)]
    elif editorial:
        label = "Opinion\nEditorial"
    else:
        label = ["Most Read", "Latest headlines", "Top stories", "Related stories",
                 "More from this section"][h % 5]
    out, prev = {}, []
    for i, d in enumerate(days):
        items = []
        count = 4 + (i + h) % 4
        carried = prev[:2] if editorial else []
        for j in range(count - len(carried)):
            if lang == "ur":
                items.append((pools.urdu_titles.pop(), None))
            elif spec["side"] in ("dawn", "dawn_upd"):
                items.append(pools.dawn.pop())
            else:
                items.append((pools.bbc_titles.pop(), None))
        items = items + carried
        dated = []
        for j, (title, teaser) in enumerate(items):
            day = d - datetime.timedelta(days=j // 2)
            style = spec["side"]
            if style == "dawn_upd" and j % 2 == 1:
                style = "dawn"  # the seed's list: "Updated 02 May, 2024" and "02 May, 2024"
            dated.append((title, fmt_date(style, day, 8 + j, 5 * j), teaser, day.isoformat()))
        out[d] = (label, dated)
        prev = items[:3]
    return out


def urdu_template(spec, rng, nav_words=URDU_NAV, foot=URDU_FOOT, nav_items=8):
    """The assembly's Urdu site header (name + shuffled section words) and footer."""
    nav = nav_words[:]
    rng.shuffle(nav)
    name = spec["site"].split(".")[0].replace("-", " ")
    return [name] + nav[:nav_items], foot[:] + [f"© {spec['site']}"]


# ----------------------------------------------------------------------------- writing

def text_page(page):
    """The page as a scraper's .txt; returns (text, chrome blocks: [nav, label, item..., tail])."""
    spec, out, chrome = page.spec, [], []
    shape = spec["shape"]
    def add(lines, is_chrome, sep="\n"):
        for ln in lines:
            out.append((ln, sep))
        if is_chrome:
            chrome.append(list(lines))
    if shape == "title":
        add([page.headline], False, "\n\n")
    if shape in ("nav", "title"):
        add(page.head, True)
    else:
        chrome.append([])
    if shape != "bare":
        add([page.headline], False, "\n\n" if out else "\n")
        if page.own_text:
            add([page.own_text], False)
    for p in page.paras:
        add([p], False, "\n\n")
    label, items = page.sidebar_label, page.sidebar
    style = sidebar_style(spec)
    labels = label.split("\n")
    if style == "seed":  # the seed page's spacing: label / label / headline, date / headline / teaser
        out.append((labels[0], "\n\n"))
        for ln in labels[1:]:
            out.append((ln, "\n\n"))
        chrome.append(labels)
        for title, dtext, teaser, _ in items:
            lines = [(title, "\n\n"), (dtext, "\n"), (title, "\n\n")]
            if teaser:
                lines.append((teaser, "\n\n"))
            out.extend(lines)
            chrome.append([ln for ln, _ in lines])
    else:
        sep = "\n\n" if style == "blank" else "\n"
        add(labels, True, "\n\n")
        for title, dtext, teaser, _ in items:
            add([title, dtext] + ([teaser] if teaser else []), True, sep)
    if shape != "bare":
        add(page.tail, True, "\n")
    else:
        chrome.append([])
    text = ""
    for i, (ln, sep) in enumerate(out):
        text += (sep if i else "") + ln
    return text + "\n", chrome


def sidebar_style(spec):
    """How a text page lays out its sidebar: as the seed page (editorial lists), one line per
    line, or a blank line between lines."""
    if spec["side"] in ("dawn", "dawn_upd"):
        return "seed"
    return ["lines", "blank"][site_hash(spec["site"]) % 2]


def esc(s):
    return html.escape(s, quote=True)


def html_page(page):
    spec = page.spec
    lang, host = spec["lang"], page.host
    name = spec["site"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>',
            "<head>", '<meta charset="utf-8">',
            f"<title>{esc(page.headline)} | {esc(name)}</title>",
            f'<link rel="canonical" href="{esc(page.url)}">',
            f'<meta property="og:url" content="{esc(page.url)}">',
            f'<meta property="og:site_name" content="{esc(name)}">',
            f'<meta property="og:title" content="{esc(page.headline)}">']
    stamp = ""
    if page.own:
        stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00Z"
    own = spec["own"]
    if page.own and own == "meta":
        head.append(f'<meta property="article:published_time" content="{stamp}">')
    if page.own and own.startswith("jsonld"):
        ld = {"@context": "https://schema.org", "@type": "NewsArticle",
              "headline": page.headline, "datePublished": stamp,
              "publisher": {"@type": "Organization", "name": name}}
        head.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False)
                    + "</script>")
    head.append("</head>")
    b = ["<body>", '<header class="site-header">', f'<div class="logo"><a href="/">{esc(name)}'
         "</a></div>", '<nav class="main-nav"><ul>']
    b += [f'<li><a href="/section/{i}">{esc(ln)}</a></li>' for i, ln in enumerate(page.head)]
    b += ["</ul></nav>", "</header>", '<main class="content">', '<article class="story">',
          '<header class="story-header">', f"<h1>{esc(page.headline)}</h1>"]
    if page.own and own == "time":
        b.append(f'<p class="byline">By Reuters · <time datetime="{stamp}">'
                 f"{esc(page.own_text)}</time></p>")
    elif page.own_text and own in ("meta", "jsonld", "jsonld_half"):
        b.append(f'<p class="byline"><span class="published">{esc(page.own_text)}</span></p>')
    b += ["</header>", '<div class="story-body">']
    b += [f"<p>{esc(p)}</p>" for p in page.paras]
    b.append("</div>")
    label, items = page.sidebar_label, page.sidebar
    labels = label.split("\n")
    heading = f"<h2>{esc(labels[0])}</h2>" + "".join(f"<h3>{esc(x)}</h3>" for x in labels[1:])
    markup = spec["markup"]
    side = []
    if markup == "aside":  # the quoted shape
        side += ['<aside class="sidebar">', heading, "<ul>"]
        for i, (t, dt, teaser, _) in enumerate(items):
            side.append(f'<li><a href="/story/{i}">{esc(t)}</a></li>')
            side.append(f'<li class="date"><span class="date">{esc(dt)}</span></li>')
            if teaser:
                side.append(f'<li class="teaser">{esc(teaser)}</li>')
        side += ["</ul>", "</aside>"]
    elif markup == "widget":  # a WordPress-style widget column: divs, no aside
        side += ['<div class="widget-area">', '<div class="widget widget-latest">',
                 f'<h3 class="widget-title">{esc(" / ".join(labels))}</h3>']
        for i, (t, dt, teaser, _) in enumerate(items):
            side.append(f'<div class="item"><a href="/story/{i}">{esc(t)}</a>'
                        f'<span class="time">{esc(dt)}</span>'
                        + (f"<p>{esc(teaser)}</p>" if teaser else "") + "</div>")
        side += ["</div>", "</div>"]
    else:  # related: a section after the story, inside the article element
        side += ['<section class="related-stories">', heading]
        for i, (t, dt, teaser, _) in enumerate(items):
            side.append(f'<div class="card"><h3><a href="/story/{i}">{esc(t)}</a></h3>'
                        f"<div>{esc(dt)}</div>" + (f"<p>{esc(teaser)}</p>" if teaser else "")
                        + "</div>")
        side.append("</section>")
    if markup == "related":
        b += side + ["</article>", "</main>"]
    else:
        b += ["</article>"] + side + ["</main>"]
    b += ['<footer class="site-footer">']
    b += [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b += ["</footer>", "</body>", "</html>"]
    chrome = [[name] + page.head, labels] + [[x for x in (t, dt, te) if x]
                                              for t, dt, te, _ in items] + [page.tail]
    return "\n".join(head + b) + "\n", chrome


# ----------------------------------------------------------------------------- assembly

def site_pages(spec, pools, templates, rng):
    lang = spec["lang"]
    h = site_hash(spec["site"])
    n = spec["n"] if spec["n"] < 16 else 16 + 2 * (h % 5)
    base = datetime.date(2024, 5, 3) if lang == "en" else datetime.date(2024, 11, 27)
    ndays = 3 + (h // 7) % 4
    days = [base + datetime.timedelta(days=2 * i) for i in range(ndays)]
    sidebars = build_sidebars(spec, days, pools, rng)
    if spec["tpl"]:
        head, tail = templates[spec["tpl"]]
    else:
        head, tail = urdu_template(spec, rng) if lang == "ur" else ([], [])
    host = spec["tpl"] or spec["site"]
    pages = []
    for k in range(n):
        page = Page(spec, k)
        page.host = host
        day = days[k % ndays]
        page.scrape_day = day.isoformat()
        fill_body(page, pools, rng)
        own = spec["own"]
        if lang == "ur" and (own in ("header", "meta") or (own.endswith("half") and k % 2 == 0)):
            urdu_own_date(page, day)
        if page.own and own in ("header", "half", "time", "meta", "jsonld", "jsonld_half"):
            style = spec.get("dfmt") or spec["side"]
            style = {"dawn_upd": "dawn"}.get(style, style)
            page.own_text = fmt_date(style, page.date, page.hour, page.minute)
            if lang == "en" and own in ("meta", "jsonld"):
                page.own_text = ""  # metadata only: nothing visible beside the headline
        page.head, page.tail = head, tail
        page.sidebar_label, page.sidebar = sidebars[day]
        page.chrome_dates = sorted({iso for *_, iso in page.sidebar} - {page.own})
        d = page.date if page.own else day
        if spec["layout"] == "dated":
            page.url = f"https://{host}/{d:%Y/%m/%d}/{page.slug}/"
        elif lang == "ur":
            page.url = f"https://{host}/story/{getattr(page, 'rid', k)}/{page.slug}/"
        else:
            page.url = f"https://{host}/news/{page.slug}-{k}.html"
        pages.append(page)
    return pages


def page_path(page):
    spec = page.spec
    ext = "html" if spec["fmt"] == "html" else "txt"
    name = f"{page.slug}-{page.k:02d}.{ext}"
    site = spec["site"]
    return {"news": f"{site}/news/{name}", "latest": f"{site}/latest/{name}",
            "dated": f"{page.host}/{page.date:%Y/%m/%d}/{name}" if page.own else None,
            "flat": f"scraped-html/{name}", "direct": f"{site}/{name}"}[spec["layout"]]


def phrase_candidates(line):
    words = M.tokenize(line)
    out = []
    for n in (3, 2, 4):
        for i in range(len(words) - n + 1):
            gram = words[i:i + n]
            if any(w.isdigit() or w == "_" for w in gram):
                continue
            if not any(len(w) >= 4 for w in gram):
                continue
            if gram[0] in STOP or gram[-1] in STOP or gram[0] in UR_STOP or gram[-1] in UR_STOP:
                continue
            out.append(" ".join(gram))
    return out


def choose_phrases(blocks, content_text, rng, k=6):
    """Up to k chrome-only phrases (2-4 words of one chrome line, in no content of the set),
    spread over the page's chrome: blocks = [nav, sidebar label, sidebar item..., tail]; first
    a line of the nav, the label, a line of 3 sidebar items and a line of the tail, then any
    other chrome line (each line gives at most one phrase)."""
    nav, label, items, tail = blocks[0], blocks[1], blocks[2:-1], blocks[-1]
    items = items[:]
    rng.shuffle(items)
    first = [rng.choice(b) for b in [nav, label] + items[:3] + [tail] if b]
    rest = [ln for b in blocks for ln in b if ln not in first]
    rng.shuffle(rest)
    lines = []
    for ln in first + rest:
        if ln not in lines:
            lines.append(ln)
    picked = []
    for i in range(len(lines)):
        for gram in phrase_candidates(lines[i]):
            if f" {gram} " not in content_text and gram not in picked:
                picked.append(gram)
                break
        if len(picked) >= k:
            break
    return sorted(picked)


def visible_text(page_html):
    """Every visible line of an HTML page, the <title> first: what the raw-text index holds."""
    parser = mc._Lines()
    parser.feed(page_html)
    parser.flush()
    title = re.search(r"<title>(.*?)</title>", page_html, re.S)
    return "\n".join(([html.unescape(title.group(1))] if title else []) + parser.lines) + "\n"


def seed_blocks(lines):
    """The seed's sidebar as blocks: [], ["Opinion", "Editorial"], one block per item, []:
    an item starts at a headline followed by its date line."""
    date = re.compile(r"^(Updated )?\d\d \w{3}, \d{4}$")
    items, cur = [], []
    for i, ln in enumerate(lines[2:], 2):
        if i + 1 < len(lines) and date.match(lines[i + 1]) and cur:
            items.append(cur)
            cur = []
        cur.append(ln)
    items.append(cur)
    return [[], lines[:2]] + items + [[]]


def rotating_sidebars(spec, days, pools, salt, fdate, hour0, minute_step):
    """The later sets' sidebars: day -> [(headline, date text, teaser, ISO)], 4-7 items a day;
    half the sites (by the hash of site + salt) carry 2 items over from the day before; a third
    of the English ones have Dawn teasers; item j is dated j // 2 days before the scrape day,
    in fdate(spec["side"], day, hour0 + j, minute_step * j % 60)."""
    h = site_hash(spec["site"] + salt)
    out, prev = {}, []
    for i, d in enumerate(days):
        count = 4 + (i + h) % 4
        carried = prev[:2] if h % 2 else []
        items = []
        for _ in range(count - len(carried)):
            if spec["lang"] == "ur":
                items.append((pools.urdu_titles.pop(), None))
            elif h % 3 == 0:
                items.append(pools.dawn.pop())
            else:
                items.append((pools.bbc_titles.pop(), None))
        items += carried
        dated = []
        for j, (title, teaser) in enumerate(items):
            day = d - datetime.timedelta(days=j // 2)
            dated.append((title, fdate(spec["side"], day, hour0 + j, minute_step * j % 60),
                          teaser, day.isoformat()))
        out[d] = dated
        prev = items[:3]
    return out


def later_page(spec, k, day, host, pools, rng, back):
    """A later set's page k of a site, scraped on day: its body (fill_body; Reuters bodies keep
    their own date unless spec["own"] is "none"), and on an Urdu site that states dates (every
    page, or the even ones when spec["half"]) an own date `back` days before the scrape day."""
    page = Page(spec, k)
    page.host = host
    page.scrape_day = day.isoformat()
    fill_body(page, pools, rng)
    if spec["lang"] == "ur" and spec["own"] != "none" and not (spec.get("half") and k % 2):
        urdu_own_date(page, day)
        page.date = day - datetime.timedelta(days=back)
        page.own = page.date.isoformat()
    return page


def story_zones(rendered, labels, span):
    """Each rendered page of a later set with what its self-check reads: (page, path, text,
    label, flattened visible text, the story in it, the rest); span(page, flat text) gives the
    story's (start, end)."""
    by_path = {lb["path"]: lb for lb in labels}
    for page, path, text, _chrome in rendered:
        raw = " ".join((visible_text(text) if page.spec["fmt"] == "html" else text).split())
        start, end = span(page, raw)
        yield (page, path, text, by_path["pages/" + path], raw, raw[start:end],
               raw[:start] + " | " + raw[end:])


def choose_salted_split(sites, salt, lo, hi):
    """The later sets' split: dev when sha256("SALT:k:SITE") % 100 < 40, with k the first salt
    (0, 1, ...) that puts lo-hi of the sites in dev and both languages and both formats on each
    side. Returns (k, {site: "dev" | "test"})."""
    for k in range(1000):
        split = {s["site"]: "dev" if int(hashlib.sha256(f"{salt}:{k}:{s['site']}".encode())
                                         .hexdigest(), 16) % 100 < 40 else "test"
                 for s in sites}
        ok = lo <= sum(v == "dev" for v in split.values()) / len(split) <= hi
        for side in ("dev", "test"):
            ok = ok and len({(s["lang"], s["fmt"]) for s in sites
                             if split[s["site"]] == side}) == 4
        if ok:
            return k, split
    raise SystemExit("no split found")


def write_set(out, rendered, split, info, rng):
    """Write a later set: rendered = [(page, path, page text, chrome blocks)] with
    page.chrome_dates set; OUTDIR/pages, raw, labels.jsonl and split.json (info: its "set",
    "salt", "k"). Chrome phrases are chosen against the content (headlines, titles, own date
    texts, bodies) of the whole set. Returns the labels."""
    content = [" ".join(M.tokenize(" ".join([p.headline, p.headline + " " + p.spec["site"],
                                              p.own_text] + p.paras)))
               for p, *_ in rendered]
    content_text = " " + " | ".join(content) + " "
    pages_dir, raw_dir = out / "pages", out / "raw"
    for d in (pages_dir, raw_dir):
        if d.exists():
            shutil.rmtree(d)
    labels = []
    for page, path, text, chrome in rendered:
        spec = page.spec
        raw = visible_text(text) if spec["fmt"] == "html" else text
        for base, data in ((pages_dir / path, text), (raw_dir / (path + ".txt"), raw)):
            base.parent.mkdir(parents=True, exist_ok=True)
            base.write_text(data, encoding="utf-8")
        labels.append(dict(
            path="pages/" + path, site=spec["site"], lang=spec["lang"], fmt=spec["fmt"],
            layout=spec["layout"], split=split[spec["site"]], scrape_day=page.scrape_day,
            own_date=page.own, chrome_dates=page.chrome_dates,
            chrome_phrases=choose_phrases(chrome, content_text, rng),
            lead_query=lead_query(page.lead, page.headline, spec["lang"]),
            title=page.headline, url=page.url if spec["fmt"] == "html" else ""))
    labels.sort(key=lambda r: r["path"])
    with open(out / "labels.jsonl", "w", encoding="utf-8") as f:
        for r in labels:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    with open(out / "split.json", "w", encoding="utf-8") as f:
        json.dump(dict(info, dev=sorted(s for s, v in split.items() if v == "dev"),
                       test=sorted(s for s, v in split.items() if v == "test")), f, indent=1)
    return labels


def set_wide_checks(name, rendered, labels, bad):
    """The end of a later set's self-check: lead queries, titles and leads unique across the set;
    raises SystemExit listing `bad` and what these find, else returns the summary line."""
    for key in ("lead_query", "title"):
        seen = {}
        for lb in labels:
            seen.setdefault(lb[key], []).append(lb["path"])
        bad += [f"{key} shared by {v}" for v in seen.values() if len(v) > 1]
    leads = [p.lead for p, *_ in rendered]
    if len(set(leads)) != len(leads):
        bad.append("a lead paragraph occurs on two pages")
    if bad:
        raise SystemExit(f"{name} self-check failed:\n" + "\n".join(bad[:40]))
    return (f"self-check: {len(labels)} pages, {sum(bool(lb['own_date']) for lb in labels)} with "
            f"an own date, {sum(len(lb['chrome_phrases']) for lb in labels)} phrases: labels "
            "consistent")


def generate_set(name, sites, seed, salt, site_pages_of, render, path_of, self_check, shared,
                 out, nth=0):
    """Generate a later set (fresh3 ... fresh10): its pages rendered in SITES order with one
    seeded random stream, the salted split, write_set, then the set's self-check (nth: which
    page of a host gives its template, see real_templates)."""
    rng = random.Random(seed)
    salt_k, split = choose_salted_split(sites, salt, 0.25, 0.45)
    pools = Pools(shared, rng)
    templates = real_templates(shared, nth)
    rendered = []
    for spec in sites:
        for page in site_pages_of(spec, pools, templates, rng):
            text, chrome = render(page)
            rendered.append((page, path_of(page), text, chrome))
    labels = write_set(out, rendered, split, {"set": name, "salt": salt, "k": salt_k}, rng)
    print(f"gen.py --set {name}: {len(labels)} pages of {len(sites)} sites in {out / 'pages'}; "
          f"split k={salt_k}: dev {sum(v == 'dev' for v in split.values())}, "
          f"test {sum(v == 'test' for v in split.values())} sites", file=sys.stderr)
    print(self_check(rendered, labels), file=sys.stderr)


def keep_split(out, name):
    """Delete the other split's pages and raw texts and their lines of labels.jsonl (so that
    khabar, run on OUTDIR, never reads them)."""
    lines = (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if json.loads(ln)["split"] == name]
    for ln in lines:
        lb = json.loads(ln)
        if lb["split"] != name:
            (out / lb["path"]).unlink()
            (out / ("raw/" + lb["path"][len("pages/"):] + ".txt")).unlink()
    for top in ("pages", "raw"):  # and the folders left empty
        for d in sorted((out / top).rglob("*"), key=lambda p: -len(p.parts)):
            if d.is_dir() and not any(d.iterdir()):
                d.rmdir()
    (out / "labels.jsonl").write_text("".join(ln + "\n" for ln in kept), encoding="utf-8")
    print(f"gen.py --only {name}: {len(kept)} of {len(lines)} pages kept", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--shared", default=str(HERE.parent.parent.parent / "shared"))
    ap.add_argument("--set", default="main",
                    choices=("main", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6",
                             "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14",
                             "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20",
                             "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26",
                             "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32",
                             "fresh33", "fresh34", "fresh35", "fresh36", "fresh37", "fresh39"))
    ap.add_argument("--only", choices=("dev", "test"),
                    help="keep only this split's pages, raw texts and labels (the whole set is "
                    "generated first, so they are the same bytes)")
    args = ap.parse_args()
    shared, out = Path(args.shared), Path(args.outdir)
    if not (shared / "corpora/article-extraction").is_dir():
        shared = Path("/work/shared")
    if args.set in ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7",
                    "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15",
                    "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22",
                    "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29",
                    "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36",
                    "fresh37", "fresh39"):
        import importlib
        out.mkdir(parents=True, exist_ok=True)
        importlib.import_module(args.set).main(shared, out)
        if args.only:
            keep_split(out, args.only)
        return
    rng = random.Random(SEED)
    salt_k, split = choose_split()
    pools = Pools(shared, rng)
    templates = real_templates(shared)
    all_pages = []
    for spec in SITES:
        if spec["layout"] == "seed":
            continue
        all_pages += site_pages(spec, pools, templates, rng)
    rendered = []
    for page in all_pages:
        text, chrome = (html_page if page.spec["fmt"] == "html" else text_page)(page)
        rendered.append((page, page_path(page), text, chrome))
    # the seed page, as it is: the story, then the Opinion / Editorial sidebar
    seed_text = (shared / "corpora/seed-page/dawn-2017-facebook-with-2024-sidebar.txt").read_text()
    cut = seed_text.index("\nOpinion\n")
    seed_body, seed_chrome = seed_text[:cut], [ln for ln in seed_text[cut:].splitlines() if ln]
    # content of the whole set (headlines, HTML titles, bodies): phrases must be in none of it
    content = [" ".join(M.tokenize(seed_body))]
    for page, path, text, chrome in rendered:
        content.append(" ".join(M.tokenize(" ".join(
            [page.headline, page.headline + " " + page.spec["site"], page.own_text]
            + page.paras))))
    content_text = " " + " | ".join(content) + " "
    pages_dir, raw_dir = out / "pages", out / "raw"
    for d in (pages_dir, raw_dir):
        if d.exists():
            shutil.rmtree(d)
    labels = []
    def write(path, text, raw):
        for base, data in ((pages_dir / path, text), (raw_dir / (path + ".txt"), raw)):
            base.parent.mkdir(parents=True, exist_ok=True)
            base.write_text(data, encoding="utf-8")
    for page, path, text, chrome in rendered:
        write(path, text, visible_text(text) if page.spec["fmt"] == "html" else text)
        spec = page.spec
        labels.append(dict(
            path="pages/" + path, site=spec["site"], lang=spec["lang"], fmt=spec["fmt"],
            layout=spec["layout"], split=split[spec["site"]], scrape_day=page.scrape_day,
            own_date=page.own, chrome_dates=page.chrome_dates,
            chrome_phrases=choose_phrases(chrome, content_text, rng),
            lead_query=lead_query(page.lead, page.headline, spec["lang"]), title=page.headline,
            url=page.url if spec["fmt"] == "html" else ""))
    seed_path = "dawn-seed/dawn-2017-facebook-with-2024-sidebar.txt"
    write(seed_path, seed_text, seed_text)
    first = seed_body.strip().split("\n")[0]
    labels.append(dict(
        path="pages/" + seed_path, site=SEED_SITE, lang="en", fmt="txt", layout="seed",
        split="dev", scrape_day="2024-05-02", own_date="",
        chrome_dates=["2024-05-01", "2024-05-02"],
        chrome_phrases=choose_phrases(seed_blocks(seed_chrome), content_text, rng),
        lead_query=lead_query(first, first, "en"), title=first, url=""))
    labels.sort(key=lambda r: r["path"])
    with open(out / "labels.jsonl", "w", encoding="utf-8") as f:
        for r in labels:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    with open(out / "split.json", "w", encoding="utf-8") as f:
        json.dump({"salt": SPLIT_SALT, "k": salt_k,
                   "dev": sorted(s for s, v in split.items() if v == "dev"),
                   "test": sorted(s for s, v in split.items() if v == "test")}, f, indent=1)
    print(f"gen.py: {len(labels)} pages of {len(SITES)} sites in {pages_dir}; "
          f"split k={salt_k}: dev {sum(v == 'dev' for v in split.values())}, "
          f"test {sum(v == 'test' for v in split.values())} sites", file=sys.stderr)


if __name__ == "__main__":
    main()
