"""The eleventh set of the chrome bench (`gen.py --set fresh10`, `SET=fresh10 run.sh`): 18 more
sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The eleventh set" before the
set's held-out run. The design is described in README.md "The eleventh set"; this docstring only
says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies and headlines from makhzan-urdu (IBC Urdu news
with their titles, authors and real years; read from the archive at generation time, never
written into the repository) and from the real news of urdu-fake-news (no titles: the headline is
the opening words of the story); English chrome from the real pages of article-extraction
(gen.real_templates) of hosts that earlier sets took only on their test side; rotating sidebars
of real headlines (gen.rotating_sidebars: BBC and Dawn for English, makhzan titles for Urdu)
with the dates written in this set's styles (fdate). Site names of the Urdu sites, section words,
footers, list labels, widget lines, commenters' names and all dates but the Reuters and makhzan
years are the assembly's. Pages are rendered as text (text_page: a site's page, a browser print
run through pdftotext, or a news database's export) or HTML (html_page, in the site's frame,
possibly inside a search engine's cache page, an archive capture or a feed reader's item view);
each generation checks its labels against its pages (self_check) and stops on any mismatch.
"""
import datetime
import io
import re
import subprocess
import tarfile
import textwrap
import unicodedata
import xml.etree.ElementTree as ET

import fresh as F
import fresh4 as F4
import fresh5 as F5
import fresh9 as F9
import gen as G

SEED_FRESH10 = 20261216
FRESH10_SALT = "khabar-chrome-fresh10"
EN_BASE, UR_BASE = datetime.date(2026, 10, 5), datetime.date(2026, 11, 27)
URDU_NAV10 = ["پہلا صفحہ", "ملکی خبریں", "دنیا بھر سے", "کھیل کا میدان", "فلم و ٹی وی", "بزنس",
              "ٹیکنالوجی", "صحت", "تعلیم", "خواتین", "اداریے", "تصاویر", "آڈیو"]
URDU_FOOT10 = ["ادارتی ٹیم", "رابطے کے لیے", "نجی معلومات کی پالیسی", "قواعد و ضوابط",
               "تشہیر", "آر ایس ایس"]
COMMENTERS_UR = ["محمد اسلم", "سائرہ بانو", "خرم شہزاد", "عبدالرؤف", "نازیہ خان"]
TEAMS = ["انگلینڈ", "آسٹریلیا", "جنوبی افریقہ", "نیوزی لینڈ", "سری لنکا"]
MATCHES = ["پہلا ون ڈے", "دوسرا ون ڈے", "تیسرا ٹی ٹوئنٹی", "پہلا ٹیسٹ"]
SIGNS = ["حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبلہ"]
WIDGET_ROWS = 4  # upcoming fixtures in the cricket widget

# own: under (a line under the headline, after any byline) | above (the date line above the
#   headline: a news database's export) | lead (a dateline opening the lead) | none
# ostyle: the own date's style (fdate); half: only even pages state it; archive: the Urdu own
#   date is in the body's real year (makhzan), else 0-2 days before the scrape day
# body: reuters | bbc | mix (a third BBC) | makhzan | bendtruth (urdu-fake-news, real news only)
# side / label / pos / item: the sidebar's date style (None: undated), heading, before or after
#   the story, item shape (lines: headline then date; one: "headline date" on one line; byline:
#   headline then "author • date")
# wrap: print (a browser print to PDF, then pdftotext) | export (a news database's text export)
#   | gcache (a search engine's cache page) | archive (an archive capture) | feed (a feed
#   reader's item view); extra: widgets that carry a day; frame (HTML): semantic | divs
# tpl / trim: template host and (head lines kept, tail lines skipped, tail lines kept)
SITES = [
    dict(site="hollywoodreporter.com", lang="en", fmt="txt", layout="printed",
         tpl="www.hollywoodreporter.com", trim=(23, 5, 23), body="mix", own="under",
         ostyle="thr", byline=["by Reuters"], side=None, label=None, wrap="print", n=16),
    dict(site="foxbusiness.com", lang="en", fmt="html", layout="gcache",
         tpl="www.foxbusiness.com", trim=(30, 0, 30), body="mix", own="under", ostyle="fox",
         byline=["Reuters"], side=None, label="Trending in Markets", pos="after",
         wrap="gcache", frame="semantic", n=16),
    dict(site="cityam.com", lang="en", fmt="html", layout="archive", tpl="www.cityam.com",
         trim=(40, 2, 27), body="reuters", own="under", ostyle="cityam", byline=["Reuters"],
         side="cityam", label="Most Read", pos="after", wrap="archive", frame="divs", n=16),
    dict(site="albawaba.com", lang="en", fmt="html", layout="drupal", tpl="www.albawaba.com",
         trim=(28, 1, 26), body="mix", own="under", ostyle="drupal", side="drupal_side",
         label="Latest", pos="after", frame="semantic", n=16),
    dict(site="nationalreview.com", lang="en", fmt="html", layout="nrnews",
         tpl="www.nationalreview.com", trim=(40, 5, 14), body="bbc", own="none", side=None,
         label="Most Popular", pos="after", extra=("onthisday",), frame="semantic", n=16),
    dict(site="appleinsider.com", lang="en", fmt="txt", layout="ai_dated", tpl="appleinsider.com",
         trim=(35, 9, 10), head_from=1, body="reuters", own="under", ostyle="ai",
         byline=["By Reuters"], side="ai_age", label="Latest Apple Headlines", pos="after",
         item="one", n=16),
    dict(site="bgr.com", lang="en", fmt="html", layout="wp_slug", tpl="bgr.com",
         trim=(10, 1, 18), head_from=1, body="reuters", own="under", ostyle="bgr",
         byline=["By Reuters"], side="bgr", label="Trending", pos="after", frame="divs", n=16),
    dict(site="wccftech.com", lang="en", fmt="txt", layout="slug", tpl="wccftech.com",
         trim=(9, 1, 30), body="bbc", own="none", side="wcc", label="Related", pos="before",
         item="byline", n=16),
    dict(site="nexis-reuters", lang="en", fmt="txt", layout="nexis", tpl=None,
         body="reuters", own="above", ostyle="nexis", side=None, label=None, wrap="export",
         n=16),
    dict(site="bazm-e-khabar.pk", lang="ur", fmt="txt", layout="archive_ur", tpl=None,
         body="makhzan", own="under", archive=True, ostyle="ur_bruz_after", byline="author",
         side="ur_bruz_after", label="آج کی خبریں", pos="after", item="lines", n=16),
    dict(site="dastan-news.pk", lang="ur", fmt="html", layout="archive", tpl=None,
         body="makhzan", own="under", ostyle="ur_moorkha", byline=["ویب ڈیسک"],
         side="ur_moorkha", label="مزید اس موضوع پر", pos="after", wrap="archive",
         frame="semantic", n=16),
    dict(site="safar-times.pk", lang="ur", fmt="txt", layout="khabar", tpl=None,
         body="bendtruth", own="none", side=None, label="ناظرین کی پسند", pos="after",
         item="lines", extra=("cricket",), n=16),
    dict(site="qindeel-news.tv", lang="ur", fmt="html", layout="gcache", tpl=None,
         body="makhzan", own="under", half=True, ostyle="ur_upload", byline=["نیوز ڈیسک"],
         side="ur_upload", label="مزید ویڈیو رپورٹس", pos="before", wrap="gcache",
         extra=("horoscope",), frame="divs", n=16),
    dict(site="raabta-akhbar.pk", lang="ur", fmt="html", layout="feed", tpl=None,
         body="makhzan", own="under", ostyle="rfc822", side="rfc822",
         label="اسی فیڈ سے", pos="after", wrap="feed", frame="semantic", n=16),
    dict(site="khabar-kada.pk", lang="ur", fmt="txt", layout="khabar", tpl=None,
         body="makhzan", own="none", side=None, label="قارئین کی پسند", pos="after",
         item="lines", comments=True, n=16),
    dict(site="marsad-news.tv", lang="ur", fmt="html", layout="video", tpl=None,
         body="bendtruth", own="none", side="ur_slash_short", label="تازہ ویڈیوز",
         pos="before", frame="divs", n=16),
    dict(site="tasdeeq-news.pk", lang="ur", fmt="txt", layout="pressrelease", tpl=None,
         body="makhzan", own="lead", ostyle="ur_dateline", side="ur_plain",
         label="دیگر اعلامیے", pos="after", item="lines", n=16),
    dict(site="sang-e-meel-times.pk", lang="ur", fmt="html", layout="archive_html", tpl=None,
         body="makhzan", own="under", archive=True, ostyle="ur_wday_first",
         byline="author", side="ur_plain", label="تازہ ترین", pos="after",
         extra=("cricket",), frame="semantic", n=16),
]

EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fdate(style, d, hour=9, minute=15, scrape=None):
    """Date text in this set's styles (scrape: the page's scrape day, for the styles that write
    an item's age)."""
    month = G.MONTHS[d.month - 1]
    mon = month[:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    umonth = G.URDU_MONTHS[d.month - 1]
    uday = F.URDU_DAYS[d.weekday()]
    age = (scrape - d).days if scrape else 0
    # a US east-coast time three hours after a Pacific one
    e_h = (hour + 3) % 24
    styles = {
        "thr": lambda: f"{month} {d.day}, {d.year} {h12}:{minute:02d}{ampm.lower()} PT",
        "fox": lambda: f"Published {month} {d.day}, {d.year} {h12}:{minute:02d}{ampm.lower()} EST",
        "cityam": lambda: f"{EN_DAYS[d.weekday()]} {d.day} {month} {d.year} {h12}:{minute:02d} "
                          f"{ampm.lower()}",
        "drupal": lambda: (f"Submitted by Reuters on {d:%a}, {d.month:02d}/{d.day:02d}/{d.year} "
                           f"- {hour:02d}:{minute:02d}"),
        "drupal_side": lambda: f"{d:%a}, {d.month:02d}/{d.day:02d}/{d.year} - {hour:02d}:{minute:02d}",
        "ai": lambda: (f"{EN_DAYS[d.weekday()]}, {month} {d.day:02d}, {d.year}, {h12:02d}:{minute:02d} "
                       f"{ampm.lower()} PT ({(e_h % 12) or 12:02d}:{minute:02d} "
                       f"{'am' if e_h < 12 else 'pm'} ET)"),
        "ai_age": lambda: (f"~{1 + (hour * 7 + minute) % 11} hours ago" if age == 0
                           else "~1 day ago" if age == 1 else f"~{age} days ago"),
        "bgr": lambda: f"{month} {F9.ordinal(d.day)}, {d.year} at {h12}:{minute:02d} {ampm}",
        "wcc": lambda: f"{mon} {d.day}",
        "nexis": lambda: f"{month} {d.day}, {d.year}, {EN_DAYS[d.weekday()]}, BC cycle",
        "ur_bruz_after": lambda: f"{d.day} {umonth} {d.year}، بروز {uday}",
        "ur_moorkha": lambda: f"مورخہ {d.day:02d} {umonth} {d.year}",
        "ur_upload": lambda: f"اپ لوڈ: {d.day:02d} {umonth}, {d.year} {h12:02d}:{minute:02d} {ampm}",
        "rfc822": lambda: f"{d:%a}, {d.day:02d} {mon} {d.year} {hour:02d}:{minute:02d}:00 +0500",
        "ur_slash_short": lambda: f"{d.day}/{d.month}/{d.year} {hour:02d}:{minute:02d}",
        "ur_dateline": lambda: f"({d.day} {umonth} {d.year}ء)",
        "ur_plain": lambda: f"{d.day} {umonth} {d.year}",
        "ur_wday_first": lambda: f"{uday} {d.day} {umonth} {d.year}",
    }
    return styles[style]()


def read_own(text, scrape_day=None):
    """The day a date text states (ISO, or ""), read apart from fdate: Drupal's weekday and
    month-first m/d/Y (the weekday must agree), a short day-first d/m/Y, a print header's
    month-first m/d/yy, an age from the scrape day ("~3 hours ago", "~2 days ago"), an English
    yearless "Mon D" (the latest such day on or before the scrape day), else fresh9.read_own."""
    t = text.translate(F9.DIGITS_BACK)
    m = re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d)/(\d\d)/(\d{4}) - ", t)
    if m:
        d = datetime.date(int(m.group(4)), int(m.group(2)), int(m.group(3)))
        return d.isoformat() if f"{d:%a}" == m.group(1) else ""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}) \d\d:\d\d", t)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    m = re.match(r"(\d{1,2})/(\d{1,2})/(\d\d), \d{1,2}:\d\d [AP]M", t)
    if m:
        return datetime.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat()
    if scrape_day:
        day = datetime.date.fromisoformat(scrape_day)
        m = re.fullmatch(r"~(\d+) (hours?|days?) ago", t)
        if m:
            back = int(m.group(1)) if m.group(2).startswith("day") else 0
            return (day - datetime.timedelta(days=back)).isoformat()
        m = re.fullmatch(r"([A-Z][a-z]{2}) (\d{1,2})", t)
        if m and m.group(1).lower() in F9.MONTH_NUM:
            d = datetime.date(day.year, F9.MONTH_NUM[m.group(1).lower()], int(m.group(2)))
            return (d if d <= day else d.replace(year=day.year - 1)).isoformat()
    return F9.read_own(t)


# ----------------------------------------------------------------------------- sources

URDU_MONTH_RE = re.compile(r"\d\s*(" + "|".join(G.URDU_MONTHS) + ")")


def makhzan_docs(shared):
    """IBC Urdu news of makhzan-urdu: [(title, author or "", year, paragraphs)], sorted by file
    name; NFC (the corpus is stored decomposed); without documents that write a day and month
    (their own dates would meet the page's)."""
    out, files = [], {}
    with tarfile.open(shared / "corpora/makhzan-urdu.tar.xz") as tf:  # read in order, once
        for m in tf:
            if m.isfile() and m.name.endswith(".xml"):
                files[m.name] = tf.extractfile(m).read()
    for name in sorted(files):
        raw = unicodedata.normalize("NFC", files[name].decode("utf-8"))
        try:
            doc = ET.fromstring(raw)
        except ET.ParseError:
            continue
        pub = doc.findtext("meta/publication/name") or ""
        if "آئی بی سی" not in pub or doc.findtext(
                "meta/contains-non-urdu-languages", "").strip() != "No":
            continue
        title = " ".join((doc.findtext("meta/title") or "").split())
        year = (doc.findtext("meta/publication/year") or "").strip()
        author = " ".join((doc.findtext("meta/author/name") or "").split())
        paras = [" ".join("".join(p.itertext()).split()) for p in doc.iter("p")]
        paras = [p for p in paras if len(p) > 20]
        text = " ".join(paras)
        if (not title or not year.isdigit() or not 2013 <= int(year) <= 2018
                or not 3 <= len(paras) <= 12 or not 400 <= len(text) <= 4000
                or URDU_MONTH_RE.search(text + " " + title) or re.search(r"[A-Za-z]", text)):
            continue
        if "آئی بی سی" in author or "ٹیم" in author or not author:
            author = ""
        out.append((title, author, int(year), paras))
    return out


def bendtruth_docs(shared):
    """The real news of urdu-fake-news ("Bend the Truth"): [(headline, paragraphs)], sorted by
    path; the headline is the story's first 9 words (the corpus has no titles)."""
    data = subprocess.run(["zstd", "-dc", str(shared / "corpora/urdu-fake-news.tar.zst")],
                          check=True, capture_output=True).stdout
    out = []
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as tf:
        for m in tf:
            if m.isfile() and "/Real/" in m.name and m.name.endswith(".txt"):
                files[m.name] = tf.extractfile(m).read()
    for name in sorted(files):
        text = files[name].decode("utf-8", "replace").lstrip("\ufeff")
        paras = [" ".join(ln.split()) for ln in text.splitlines() if len(ln.strip()) > 30]
        if (not 3 <= len(paras) <= 12 or "\ufffd" in text
                or URDU_MONTH_RE.search(text) or re.search(r"[A-Za-z]", text)):
            continue
        words = paras[0].split()
        if len(words) < 20:
            continue
        out.append((" ".join(words[:9]), paras))
    return out


class Extra:
    """This set's Urdu pools, shuffled with their own seeded stream (the shared one is left as
    the earlier sets use it): makhzan bodies, makhzan titles for the sidebars, Bend the Truth."""

    def __init__(self, shared, pools):
        import random
        rng = random.Random(SEED_FRESH10 + 1)
        docs = makhzan_docs(shared)
        rng.shuffle(docs)
        self.makhzan = docs[:160]
        pools.urdu_titles = [d[0] for d in docs[160:]]  # the sidebars' headlines
        # readers' comments: the first sentence of a paragraph of a story the set does not show
        self.remarks = [p.split("۔")[0].strip() + "۔" for d in docs[160:] for p in d[3][1:2]
                        if 5 <= len(p.split("۔")[0].split()) <= 20]
        bt = bendtruth_docs(shared)
        rng.shuffle(bt)
        self.bendtruth = bt


_EXTRA = {}


# ----------------------------------------------------------------------------- assembly

DROP = re.compile(r"\bago\b|@|%2F|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? "
                  r"\d{1,2}\b|\b(January|February|March|April|May|June|July|August|September|"
                  r"October|November|December) \d|^By |^Tags?:|Hollywood Reporter")


def template(spec, templates):
    head, tail = (F5.undated_lines(x) for x in templates[spec["tpl"]])
    keep, skip, tkeep = spec["trim"]
    head = [ln for ln in head[spec.get("head_from", 0):keep] if not DROP.search(ln)]
    tail = [ln for ln in tail[skip:skip + tkeep] if not DROP.search(ln)]
    return head, tail


def site_pages(spec, pools, templates, rng):
    if "x" not in _EXTRA:
        _EXTRA["x"] = Extra(_EXTRA["shared"], pools)
    extra = _EXTRA["x"]
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH10_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    sidebars = (G.rotating_sidebars(spec, days, pools, FRESH10_SALT,
                                    lambda s, d, hr, mi: (s, d, hr, mi), 7, 13)
                if spec["label"] else {})
    if spec["tpl"]:
        head, tail = template(spec, templates)
    elif lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV10, URDU_FOOT10, 8)
        tail = tail[:-1] + [f"© {head[0]} — جملہ حقوق محفوظ ہیں"]
    else:
        head, tail = [], []
    host = spec["tpl"] or spec["site"]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        if lang == "en":
            wire = pools.reuters[-1] if spec["body"] in ("reuters", "mix") else None
            page = G.later_page(spec, k, day, host, pools, rng, back)
            page.author = ""
            page.city = wire["dateline"].split(",")[0].strip() if wire and page.own else ""
        else:
            page = urdu_page(spec, k, day, host, extra, back)
        page.num = (4410000 + 7919 * k + h % 90000) if lang == "en" else 30000 + 613 * k + h % 997
        page.own_text = ""
        if page.own:
            page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute)
            if spec["own"] == "lead":
                page.paras[0] = dateline(page) + page.paras[0]
        page.bylines = bylines(page, spec)
        page.head, page.tail = (head, tail) if spec.get("wrap") != "feed" else ([], [])
        page.sidebar_label = spec["label"] or ""
        style = spec["side"]
        page.sidebar = [(t, fdate(style, *args[1:], scrape=day) if style else "", None, iso)
                        for t, args, _te, iso in sidebars.get(day, [])]
        page.masthead = ""
        page.scrape_hour, page.scrape_minute = 6 + (k * 5) % 15, (k * 23 + h) % 60
        page.url = url_of(page, spec, host)
        page.extra = extra_lines(page, spec, day, h, k, pools)
        page.comments = comments(page, pools, day, k) if spec.get("comments") else []
        page.wrapdates = wrap_dates(page, spec, day, h)
        dates = {iso for *_, iso in page.sidebar if style}
        dates |= {iso for _ln, iso, _top in page.extra}
        dates |= {iso for *_, iso in page.comments}
        dates |= set(page.wrapdates)
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def urdu_page(spec, k, day, host, extra, back):
    """An Urdu page: its body, and its own date (the body's real year for archive pages)."""
    page = G.Page(spec, k)
    page.host, page.scrape_day = host, day.isoformat()
    if spec["body"] == "makhzan":
        title, author, year, paras = extra.makhzan.pop()
    else:
        (title, paras), author, year = extra.bendtruth.pop(), "", None
    page.headline, page.paras, page.lead = title, list(paras), paras[0]
    page.author = author
    page.slug = f"khabar-{k:03d}"
    page.hour, page.minute = 9 + k % 10, (7 * k + 11) % 60
    if spec["own"] != "none" and not (spec.get("half") and k % 2):
        if spec.get("archive"):
            page.date = datetime.date(year, 1 + (k * 5) % 12, 1 + (k * 11) % 28)
        else:
            page.date = day - datetime.timedelta(days=back)
        page.own = page.date.isoformat()
    return page


CITY_LEAD = re.compile(r"^([^\s.]+(?: [^\s.]+)?)\s*\.{2,}\s*")


def dateline(page):
    """A press release's dateline opening the lead: the city (the body's own "CITY......" opening,
    else Islamabad), then the own date in brackets."""
    m = CITY_LEAD.match(page.paras[0])
    city = m.group(1) if m else "اسلام آباد"
    if m:
        page.paras[0] = page.paras[0][m.end():]
    return f"{city} {page.own_text} "


def bylines(page, spec):
    by = spec.get("byline")
    if by == "author":
        return [page.author or "ویب ڈیسک"]
    if by and (page.own or spec["lang"] == "ur"):
        return list(by)
    return ["By BBC News"] if spec["site"] in ("hollywoodreporter.com", "albawaba.com",
                                               "foxbusiness.com") else []


def extra_lines(page, spec, day, h, k, pools):
    """The widgets that carry a day: [(line, ISO day, above the navigation?)]."""
    out = []
    for kind in spec.get("extra", ()):
        if kind == "onthisday":  # a real BBC headline of the corpus' years, one a scrape day
            d = datetime.date(2005, day.month, day.day)
            key = (spec["site"], day)
            if key not in _EXTRA:
                _EXTRA[key] = pools.bbc_titles.pop()
            out.append((f"On this day, {G.MONTHS[d.month - 1]} {d.day}, {d.year}: {_EXTRA[key]}",
                        d.isoformat(), False))
        elif kind == "cricket":
            for i in range(2):
                d = day + datetime.timedelta(days=2 + (h + i * 3 + k % 2) % 5 + i * 4)
                out.append((f"پاکستان بمقابلہ {TEAMS[(h + i) % len(TEAMS)]} — "
                            f"{MATCHES[(h + i + d.day) % len(MATCHES)]}، {d.day} "
                            f"{G.URDU_MONTHS[d.month - 1]} {d.year}", d.isoformat(), False))
        elif kind == "horoscope":
            out.append((f"آپ کا دن کیسا رہے گا؟ — {day.day} {G.URDU_MONTHS[day.month - 1]} "
                        f"{day.year}: {SIGNS[(h + k) % len(SIGNS)]}", day.isoformat(), False))
    return out


def comments(page, pools, day, k):
    """Readers' comments after an Urdu story: [(name, date text, text, ISO)], 0-3 a page, dated
    0-2 days before the scrape day as a comments plugin writes them in Urdu (their text: a real
    sentence of a makhzan story that the set does not show)."""
    out = []
    for i in range(k % 4):
        when = day - datetime.timedelta(days=(k + i) % 3)
        hr, mi = 8 + (k * 3 + i * 5) % 14, (k * 13 + i * 7) % 60
        out.append((COMMENTERS_UR[(k + i) % len(COMMENTERS_UR)],
                    f"{when.day} {G.URDU_MONTHS[when.month - 1]} {when.year} کو "
                    f"{(hr % 12) or 12}:{mi:02d} بجے", _EXTRA["x"].remarks.pop(), when.isoformat()))
    return out


def wrap_dates(page, spec, day, h):
    """The saving tool's day (the scrape day; the cache's snapshot 0-2 days earlier; the export's
    load date) as labelled chrome dates."""
    wrap = spec.get("wrap")
    if wrap in ("print", "archive", "feed"):
        return [day.isoformat()]
    if wrap == "gcache":
        return [(day - datetime.timedelta(days=page.k % 3)).isoformat()]
    if wrap == "export":
        return [(day - datetime.timedelta(days=3 + h % 20)).isoformat()]
    return []


def url_of(page, spec, host):
    num, slug = page.num, page.slug[:60].rstrip("-")
    layout = spec["layout"]
    if layout == "ai_dated":
        d = page.date
        return f"https://{host}/articles/{d:%y/%m/%d}/{slug}"
    return {
        "printed": f"https://{host}/news/{slug}-{num}/",
        "gcache": (f"https://{host}/markets/{slug}" if spec["lang"] == "en"
                   else f"https://{host}/videos/{num}"),
        "archive": (f"https://{host}/{slug}/" if spec["lang"] == "en"
                    else f"https://{host}/khabar/{num}"),
        "drupal": f"https://{host}/business/{slug}-{num}",
        "nrnews": f"https://{host}/news/{slug}/",
        "wp_slug": f"https://{host}/business/{slug}/",
        "slug": f"https://{host}/{slug}",
        "nexis": "",
        "archive_ur": f"https://{host}/purani-khabrein/{num}",
        "khabar": f"https://{host}/khabar/{num}",
        "feed": f"https://{host}/?p={num}",
        "video": f"https://{host}/video/{num}",
        "pressrelease": f"https://{host}/elamiya/{num}",
        "archive_html": f"https://{host}/archive/detail/{num}",
    }[layout]


def capture_id(page):
    """An archive capture's short id (5 letters and digits, from the page's number)."""
    abc = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    n, out = page.num * 7919 + page.k * 104729, ""
    for _ in range(5):
        n, r = divmod(n, len(abc))
        out += abc[r]
    return out


def cache_key(page):
    n, out = page.num * 31337 + 17, ""
    abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
    for _ in range(12):
        n, r = divmod(n * 2654435761 + 97, len(abc))
        out += abc[r % len(abc)]
    return out


def page_path(page):
    spec = page.spec
    ext = "html" if spec["fmt"] == "html" else "txt"
    url = page.url.split("://", 1)[1].rstrip("/") if page.url else ""
    layout = spec["layout"]
    if layout == "printed":
        title = re.sub(r'[\\/:*?"<>|]', "_", page.headline).strip()[:80].strip(" .")
        return f"printed/{title} _ The Hollywood Reporter.txt"
    if layout == "gcache":
        q = f"cache:{cache_key(page)}:{url}".replace("/", "%2F")  # wget's escape of a query's /
        return f"webcache.googleusercontent.com/search?q={q}.html"
    if layout == "archive":
        return f"archive.ph/{capture_id(page)}.html"
    if layout == "nexis":
        return (f"nexis/Reuters_News_{page.scrape_day}/Reuters_News_"
                f"{page.k + 1:04d}.txt")
    if layout == "feed":
        return f"feeds/{spec['site']}/item-{page.num}.html"
    if layout == "khabar":
        return f"{url}.txt"
    if layout in ("nrnews", "wp_slug"):
        return f"{url}/index.html"
    return f"{url}.{ext}"


# ----------------------------------------------------------------------------- text pages

def header_lines(page):
    """The story's header as lines: the headline, bylines, the own date under them."""
    out = [page.headline] + page.bylines
    if page.own_text and page.spec["own"] == "under":
        out.append(page.own_text)
    return out


def item_lines(page):
    out = []
    for t, dt, _te, _iso in page.sidebar:
        item = page.spec.get("item", "lines")
        if item == "one" and dt:
            out.append(f"{t} {dt}")
        elif item == "byline" and dt:
            authors = ["Alessio Palumbo", "Rohail Saleem", "Chris Wray", "Nathan Birch"]
            out += [t, f"{authors[(len(t) + page.k) % 4]} • {dt}"]
        else:
            out += [t] + ([dt] if dt else [])
    return out


def chrome_blocks(page, extra_nav):
    """[nav, label, item..., tail] for the phrase choice (widgets count as items; comments and the
    saving tools' lines do not)."""
    items = [[t] + ([dt] if dt else []) for t, dt, _te, _iso in page.sidebar]
    items += [[ln] for ln, _iso, _top in page.extra]
    return [extra_nav + page.head, [page.sidebar_label] if page.sidebar_label else []] + items \
        + [page.tail]


def comment_lines(page):
    if not page.comments:
        return []
    out = [f"{len(page.comments)} تبصرے"]
    for name, dt, text, _iso in page.comments:
        out += [name, dt, text]
    return ["\n".join(out)]


def site_text(page):
    spec = page.spec
    side = [spec["label"]] + item_lines(page) if spec["label"] else []
    widgets = ["\n".join(ln for ln, _iso, _top in page.extra)] if page.extra else []
    chunks = ["\n".join(page.head)]
    if spec.get("pos") == "before" and side:
        chunks.append("\n".join(side))
    chunks += ["\n".join(header_lines(page))] + page.paras + comment_lines(page)
    if spec.get("pos") == "after" and side:
        chunks.append("\n".join(side))
    chunks += widgets + ["\n".join(page.tail)]
    return "\n\n".join(c for c in chunks if c) + "\n"


def print_stamp(page):
    """The browser's print header time (the scrape day): "10/5/26, 8:12 AM"."""
    d = datetime.date.fromisoformat(page.scrape_day)
    hr, mi = page.scrape_hour, page.scrape_minute
    return f"{d.month}/{d.day}/{d.year % 100:02d}, {(hr % 12) or 12}:{mi:02d} {'AM' if hr < 12 else 'PM'}"


def printed_text(page):
    """A browser's print of the page to PDF, as pdftotext -layout writes it: every PDF page opens
    with the print time and the page's <title> and ends with its URL and page number; lines are
    wrapped; pages break between paragraphs (a form feed)."""
    body = site_text(page)
    lines = []
    for para in body.split("\n\n"):
        for ln in para.split("\n"):
            lines += textwrap.wrap(ln, 96) or [""]
        lines.append("")
    pages, cur = [], []
    for ln in lines:
        cur.append(ln)
        if len(cur) >= 46 and ln == "":
            pages.append(cur)
            cur = []
    if cur:
        pages.append(cur)
    title = f"{page.headline} | The Hollywood Reporter"
    out = []
    for i, pg in enumerate(pages):
        top = f"{print_stamp(page)}" + " " * max(4, 60 - len(title) // 2) + title
        foot = page.url + " " * 24 + f"{i + 1}/{len(pages)}"
        out.append("\n".join([top, ""] + pg + ["", foot]))
    return "\f".join(out) + "\n"


def nexis_text(page):
    """A news database's text export of one document."""
    total = 48 + page.num % 40
    load = datetime.date.fromisoformat(page.wrapdates[0])
    words = len(" ".join(page.paras).split())
    city = page.city if getattr(page, "city", "") else "NEW YORK"
    lines = [" " * 30 + f"{page.k + 1} of {total} DOCUMENTS", "",
             " " * 33 + "Reuters News", "", " " * 23 + page.own_text, "",
             page.headline, "", "SECTION: BUSINESS NEWS", "", f"LENGTH: {words} words", "",
             f"DATELINE: {city.upper()}", "", "BODY:", ""]
    lines += ["\n".join(textwrap.wrap(p, 78)) + "\n" for p in page.paras]
    lines += [f"LOAD-DATE: {G.MONTHS[load.month - 1]} {load.day}, {load.year}", "",
              "LANGUAGE: ENGLISH", "", "PUBLICATION-TYPE: Newswire", "",
              " " * 22 + "Copyright 1987 Reuters Limited", " " * 26 + "All Rights Reserved"]
    return "\n".join(lines) + "\n"


NEXIS_CHROME = [["Reuters News"], [], ["LANGUAGE: ENGLISH", "PUBLICATION-TYPE: Newswire",
                                      "Copyright 1987 Reuters Limited", "All Rights Reserved"]]


def text_page(page):
    wrap = page.spec.get("wrap")
    if wrap == "print":
        return printed_text(page), chrome_blocks(page, [])
    if wrap == "export":
        return nexis_text(page), NEXIS_CHROME
    return site_text(page), chrome_blocks(page, [])


# ----------------------------------------------------------------------------- HTML pages

def sidebar_html(page):
    esc, spec = F.esc, page.spec
    rows = []
    for i, (t, dt, _te, _iso) in enumerate(page.sidebar):
        when = f'<div class="views-field-created">{esc(dt)}</div>' if dt else ""
        rows.append(f'<div class="views-row"><a href="/node/{page.num + 17 * i}">{esc(t)}</a>'
                    f"{when}</div>")
    if not rows:
        return []
    if spec["frame"] == "semantic":
        return (['<aside class="region-sidebar">', f"<h2>{esc(spec['label'])}</h2>"] + rows
                + ["</aside>"])
    return (['<div class="side-list">', f'<div class="side-title">{esc(spec["label"])}</div>']
            + rows + ["</div>"])


def own_html(page):
    """The own date's markup under the headline."""
    esc, spec = F.esc, page.spec
    if not page.own_text:
        return []
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00"
    site = spec["site"]
    if site == "foxbusiness.com":
        return [f'<div class="article-date"><time>{esc(page.own_text)}</time></div>']
    if site == "albawaba.com":
        return [f'<div class="submitted">{esc(page.own_text)}</div>']
    if site == "bgr.com":
        return [f'<time class="entry-date published" datetime="{stamp}-04:00">'
                f"{esc(page.own_text)}</time>"]
    if site == "sang-e-meel-times.pk":
        return [f'<meta itemprop="datePublished" content="{page.own}">',
                f'<span class="date">{esc(page.own_text)}</span>']
    if site == "raabta-akhbar.pk":
        return [f'<div class="entry-date" title="{esc(page.own_text)}">'
                f"{esc(page.own_text)}</div>"]
    return [f'<div class="date">{esc(page.own_text)}</div>']


def wrap_top(page):
    """What a saving or viewing tool puts above the page."""
    esc, wrap = F.esc, page.spec.get("wrap")
    if wrap == "gcache":
        d = datetime.date.fromisoformat(page.wrapdates[0])
        hr, mi = (page.scrape_hour + 5) % 24, page.scrape_minute
        return ['<div id="bN015htcoyT__google-cache-hdr">',
                f"<div><span>This is Google's cache of <a href=\"{esc(page.url)}\">"
                f"{esc(page.url)}</a>.</span>&nbsp;<span>It is a snapshot of the page as it "
                f"appeared on {d.day} {d:%b} {d.year} {hr:02d}:{mi:02d}:{(page.k * 7) % 60:02d} "
                "GMT.</span>&nbsp;<span>The <a href=\"" + esc(page.url) + "\">current page</a> "
                "could have changed in the meantime.</span> <a href=\"#\">Learn more</a></div>",
                "<div><span><a href=\"#\">Full version</a></span> <span><a href=\"#\">Text-only "
                "version</a></span> <span><a href=\"#\">View source</a></span></div>",
                "<div>Tip: To quickly find your search term on this page, press "
                "<b>Ctrl+F</b> or <b>⌘-F</b> (Mac) and use the find bar.</div>", "</div>",
                '<div style="position:relative;">']
    if wrap == "archive":
        d = datetime.date.fromisoformat(page.scrape_day)
        stamp = (f"{d.day} {d:%b} {d.year} {page.scrape_hour:02d}:{page.scrape_minute:02d}:"
                 f"{(page.k * 7) % 60:02d} UTC")
        host = page.url.split("/")[2]
        return ['<div id="HEADER" style="background-color:#EEEEEE">', "<table><tr>",
                '<td><a href="https://archive.ph/">archive.today</a><br>webpage capture</td>',
                f'<td>Saved from <input type="text" value="{esc(page.url)}"> '
                '<a href="#">search</a></td>',
                f'<td><div class="TEXT-BLOCK">{stamp}</div></td></tr>',
                "<tr><td></td><td>No other snapshots from this url.</td></tr>",
                f'<tr><td></td><td><a href="#">All snapshots</a> from host {esc(host)}</td></tr>',
                '<tr><td></td><td>Webpage <a href="#">Screenshot</a></td></tr>',
                '<tr><td></td><td><a href="#">share</a> <a href="#">download .zip</a> '
                '<a href="#">report bug or abuse</a></td></tr>', "</table>", "</div>",
                '<div id="CONTENT">']
    if wrap == "feed":
        d = datetime.date.fromisoformat(page.scrape_day)
        return ['<div class="reader-bar">', '<span class="reader-name">FeedDeck Reader</span>',
                f'<span class="reader-folder">اردو خبریں › {esc(page.spec["site"])}</span>',
                f'<span class="reader-sync">Last synced {d:%a}, {d.day:02d} {d:%b} {d.year} '
                f"{page.scrape_hour:02d}:{page.scrape_minute:02d}</span>",
                '<a href="#">Mark all as read</a> <a href="#">Open original</a>', "</div>"]
    return []


def html_page(page):
    esc, spec = F.esc, page.spec
    lang, name = spec["lang"], spec["site"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    wrap = spec.get("wrap")
    semantic = spec["frame"] == "semantic"
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>', "<head>", '<meta charset="utf-8">']
    if wrap == "archive":
        head.append(f'<base href="https://archive.ph/{capture_id(page)}/">')
    head += [f"<title>{esc(page.headline)} | {esc(name)}</title>",
             f'<link rel="canonical" href="{esc(page.url)}">', "</head>"]
    b = ["<body>"] + wrap_top(page)
    if wrap == "feed":  # the reader shows the item, then its feed's other items
        b += ['<div class="item-view">',
              f'<div class="item-source">{esc(name)} · {esc(page.sidebar_label)}</div>',
              f'<h1 class="item-title"><a href="{esc(page.url)}">{esc(page.headline)}</a></h1>']
        b += own_html(page)
        b += ['<div class="item-content">'] + [f"<p>{esc(p)}</p>" for p in page.paras]
        b += ["</div>", "</div>"] + feed_list(page)
        b += ["</body>", "</html>"]
        return "\n".join(head + b) + "\n", chrome_blocks(page, READER_NAV)
    site_h = "header" if semantic else "div"
    b += [f'<{site_h} class="site-header">', f'<a class="logo" href="/">{esc(name)}</a>',
          '<nav class="primary"><ul>']
    b += [f'<li><a href="/c/{i}">{esc(ln)}</a></li>' for i, ln in enumerate(page.head)]
    b += ["</ul></nav>", f"</{site_h}>", '<div class="layout">']
    if spec.get("pos") == "before":
        b += sidebar_html(page)
    art = "article" if semantic else "div"
    b += [f'<{art} class="node-article">', f"<h1>{esc(page.headline)}</h1>"]
    if page.bylines:
        b.append('<div class="byline">' + " · ".join(esc(x) for x in page.bylines) + "</div>")
    b += own_html(page)
    b += ['<div class="field-body">'] + [f"<p>{esc(p)}</p>" for p in page.paras] + ["</div>"]
    b.append(f"</{art}>")
    if spec.get("pos") == "after":
        b += sidebar_html(page)
    b += [f'<div class="widget">{esc(ln)}</div>' for ln, _iso, _top in page.extra]
    b.append("</div>")
    foot = "footer" if semantic else "div"
    b += [f'<{foot} class="site-footer">'] + [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b += [f"</{foot}>"] + (["</div>"] if wrap in ("gcache", "archive") else [])
    b += ["</body>", "</html>"]
    return "\n".join(head + b) + "\n", chrome_blocks(page, [name] + WRAP_NAV.get(wrap, []))


READER_NAV = ["FeedDeck Reader", "Mark all as read", "Open original"]
WRAP_NAV = {"gcache": ["Full version", "Text-only version", "View source"],
            "archive": ["webpage capture", "No other snapshots from this url.",
                        "report bug or abuse"]}


def feed_list(page):
    esc = F.esc
    out = ['<div class="feed-list">', f'<h2>{esc(page.sidebar_label)}</h2>', "<ul>"]
    for i, (t, dt, _te, _iso) in enumerate(page.sidebar):
        out.append(f'<li><a href="#item-{i}">{esc(t)}</a> <span class="pub">{esc(dt)}</span></li>')
    return out + ["</ul>", "</div>"]


# ----------------------------------------------------------------------------- checks

def zone_of(page, raw):
    """(start, end) of the story in a page's flattened visible text: from its headline (after the
    HTML <title>; after the first print header of a printed page; from the own date line above
    it in an export) to its last paragraph."""
    flat = F4.flat
    first = flat(page.headline)
    if page.spec["own"] == "above" and page.own_text:
        start = raw.index(flat(page.own_text))
    else:
        start = raw.index(first)
        if page.spec["fmt"] == "html":
            start = raw.index(first, start + 1)  # the <title> comes first
        if page.spec.get("wrap") == "print":  # every print header holds the title
            start = raw.index(first + " " + flat(page.bylines[0]))
    last = flat(page.paras[-1])
    return start, raw.index(last, start) + len(last)


def own_problems(page, text, raw, zone):
    flat, own, spec = F4.flat, page.own, page.spec
    if not own:
        found = [k for k in ("published_time", "datePublished", "<time", "entry-date",
                             "Submitted by", "Published") if k in text]
        return [f"undated page with {found}"] if found else []
    said = flat(page.own_text)
    probs = []
    if read_own(page.own_text) != own:
        probs.append(f"own date text {said!r} reads {read_own(page.own_text)}")
    if zone.count(said) != 1:
        probs.append(f"own date text {said!r} not once in the story")
    if spec["own"] == "above":
        if not zone.startswith(said) or zone.index(flat(page.headline)) - len(said) > 2:
            probs.append("the export's date line is not right above the headline")
    elif spec["own"] == "lead":
        if said not in flat(page.paras[0])[:40]:
            probs.append("the dateline does not open the lead")
    else:
        head = zone.index(flat(page.headline))
        gap = zone.index(said) - head - len(flat(page.headline))
        probs += [] if 0 <= gap < 120 else [f"own date {gap} characters after the headline"]
    if spec["site"] in ("bgr.com",) and f'datetime="{own}T' not in text:
        probs.append("no <time datetime> of the own date")
    if spec["site"] == "sang-e-meel-times.pk" and f'content="{own}"' not in text:
        probs.append("no datePublished of the own date")
    if spec.get("archive") and own[:4] not in {str(y) for y in range(2013, 2019)}:
        probs.append("an archive page's own date is not in its body's year")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The eleventh set"); exits with
    the failures, else returns a summary line."""
    flat = F4.flat
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    content = f" {content} "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, raw, zone)
        probs += F5.chrome_problems(page, lb, raw, zone, outside, content)
        for ln, iso, _top in page.extra:
            if flat(ln) not in outside or iso not in lb["chrome_dates"] + [page.own]:
                probs.append(f"widget line {ln!r} not in the chrome or not labelled")
            if read_own(ln) != iso:
                probs.append(f"widget line {ln!r} reads {read_own(ln)}, labelled {iso}")
        for name, dt, ctext, iso in page.comments:
            if flat(dt) not in outside or flat(ctext) in zone or iso not in lb["chrome_dates"]:
                probs.append(f"comment {name!r} inside the story or its date unlabelled")
            if read_own(dt) != iso:
                probs.append(f"comment date {dt!r} reads {read_own(dt)}")
        for iso in page.wrapdates:
            if iso not in lb["chrome_dates"] + [page.own]:
                probs.append("a saving tool's date is not labelled")
        probs += wrap_problems(page, text, raw, zone, outside)
        if page.spec["side"]:
            if not lb["chrome_dates"]:
                probs.append("a dated sidebar without chrome dates")
            for _t, dt, _te, iso in page.sidebar:
                got = read_own(dt, page.scrape_day)
                if got != iso:
                    probs.append(f"sidebar date {dt!r} reads {got}, labelled {iso}")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh10", rendered, labels, bad)


def wrap_problems(page, text, raw, zone, outside):
    """Each saving tool's day is on the page, where it says, and reads as labelled."""
    wrap, flat = page.spec.get("wrap"), F4.flat
    if not wrap:
        return []
    iso = page.wrapdates[0]
    if wrap == "print":
        stamp = print_stamp(page)
        n = text.count("\f") + 1
        if raw.count(stamp) != n or read_own(stamp) != iso or not raw.startswith(stamp):
            return ["the print header is not on every printed page or reads another day"]
        return []
    if wrap == "export":
        m = re.search(r"^LOAD-DATE: (.*)$", text, re.M)
        return [] if m and read_own(m.group(1)) == iso and flat(m.group(0)) in outside else [
            "the export's load date is not as labelled"]
    if wrap == "gcache":
        m = re.search(r"appeared on (\d+ \w{3} \d{4}) ", text)
        return [] if m and read_own(m.group(1)) == iso else ["the cache date is not as labelled"]
    if wrap == "archive":
        m = re.search(r'TEXT-BLOCK">(\d+ \w{3} \d{4}) ', text)
        return [] if m and read_own(m.group(1)) == iso else ["the capture date is not as labelled"]
    if wrap == "feed":
        m = re.search(r"Last synced (\w{3}, \d\d \w{3} \d{4}) ", text)
        return [] if m and read_own(m.group(1)) == iso and flat(m.group(0)) in outside else [
            "the reader's sync date is not as labelled"]
    return []


def main(shared, out):
    _EXTRA.clear()
    _EXTRA["shared"] = shared
    G.generate_set("fresh10", SITES, SEED_FRESH10, FRESH10_SALT, site_pages,
                   lambda page: (html_page if page.spec["fmt"] == "html" else text_page)(page),
                   page_path, self_check, shared, out, nth=0)
