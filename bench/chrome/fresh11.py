"""The twelfth set of the chrome bench (`gen.py --set fresh11`, `SET=fresh11 run.sh`): 18 more
sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twelfth set" before the
set's held-out run. The design is described in README.md "The twelfth set"; this docstring only
says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from makhzan-urdu (IBC Urdu news, read from the
archive at generation time and never written into the repository; only documents the eleventh set
did not show as bodies), urdu-fake-news (real news the eleventh set did not take) and the
urdu-news-ha405 CSVs (Express, Samaa); English chrome from real pages of article-extraction that
no earlier set took (gen.real_templates: the first page of hosts whose second page an earlier set
used); rotating sidebars of real headlines (gen.rotating_sidebars) with dates in this set's styles
(fdate). Site names, section words, tool lines, footers and all dates but the Reuters and makhzan
years are the assembly's. Pages are rendered as text or HTML, some inside what a crawler, a
download script, an e-book news fetcher, a read-it-later service, a clipping service or a news
portal writes around them; each generation checks its labels against its pages (self_check) and
stops on any mismatch.
"""
import datetime
import hashlib
import random
import re
import textwrap

WRAP = dict(break_on_hyphens=False, break_long_words=False)

import fresh as F
import fresh4 as F4
import fresh5 as F5
import fresh9 as F9
import fresh10 as F10
import gen as G

SEED_FRESH11 = 20261217
FRESH11_SALT = "khabar-chrome-fresh11"
EN_BASE, UR_BASE = datetime.date(2026, 10, 6), datetime.date(2026, 12, 1)
URDU_NAV11 = ["سرورق", "اہم خبریں", "پاکستان بھر سے", "دنیا", "کھیل", "تفریح", "تجارت",
              "ٹیکنالوجی", "صحت", "موسم", "کالم", "ویڈیو", "تصویری جھلکیاں"]
URDU_FOOT11 = ["ہمارے متعلق", "ادارتی پالیسی", "رابطہ", "رازداری کی پالیسی", "شرائط استعمال",
               "اشتہار دیں"]
EN_NAV_WP = ["Home", "World", "Politics", "Business", "Markets", "Technology", "Culture",
             "Opinion", "Newsletters", "Contact"]
EN_FOOT_WP = ["About The Capital Brief", "Masthead", "Corrections policy", "Advertise",
              "Privacy", "Proudly powered by WordPress"]

# wrap: what is around the site's page: wet (a web crawl's WET text record) | curl (an HTML file
#   saved with `curl -i`, the response headers first) | w3m (a text browser's dump, with the
#   site's privacy-notice banner) | calibre (an e-book news fetch's article page) | wallabag (a
#   read-it-later service's entry view, saved from the browser) | clip (a media-monitoring clip)
#   | portal (a news portal's syndicated copy) | None (the site's own page)
# pager: previous / next story links with their dates after the story
# own: under (a line under the headline) | meta (the tool's metadata line under the headline)
#   | none; ostyle: the own date's style; half: only even pages state it; archive: the Urdu own
#   date is in the makhzan body's real year
# body: reuters | bbc | mix (a third BBC) | makhzan | bendtruth | express | samaa
# side / label: the sidebar's date style and heading (None: no sidebar)
# tpl / trim: template host and (head lines kept, tail lines skipped, tail lines kept)
SITES = [
    dict(site="sfgate.com", lang="en", fmt="txt", layout="wet", tpl="www.sfgate.com",
         trim=(30, 0, 30), body="reuters", own="under", ostyle="hearst", wrap="wet",
         side="us_num_time", label="LATEST NEWS", n=16),
    dict(site="washingtonexaminer.com", lang="en", fmt="html", layout="curl",
         tpl="www.washingtonexaminer.com", trim=(30, 0, 22), body="bbc", own="none",
         wrap="curl", side="ap_dot", label="More Washington Examiner", n=16),
    dict(site="latimes.com", lang="en", fmt="txt", layout="w3m", tpl="www.latimes.com",
         trim=(16, 0, 12), body="bbc", own="none", wrap="w3m", side="uk_time",
         label="More From the Los Angeles Times", n=16),
    dict(site="foxnews.com", lang="en", fmt="html", layout="section", tpl="www.foxnews.com",
         trim=(12, 0, 14), body="reuters", own="under", ostyle="us_time", pager="en",
         side=None, label=None, n=16),
    dict(site="calibre-reuters", lang="en", fmt="html", layout="calibre", tpl=None,
         body="mix", own="under", ostyle="reuters_old", wrap="calibre", side=None, label=None,
         n=16),
    dict(site="app.wallabag.it", lang="en", fmt="html", layout="wallabag", tpl=None,
         body="reuters", own="meta", ostyle="dmy_slash", wrap="wallabag", side=None, label=None,
         n=16),
    dict(site="presstrack-clips", lang="en", fmt="txt", layout="clip", tpl=None,
         body="reuters", own="meta", ostyle="clip", wrap="clip", side=None, label=None, n=16),
    dict(site="dailyfeed.news", lang="en", fmt="html", layout="portal", tpl=None,
         body="mix", own="under", ostyle="portal", wrap="portal", side="short_mdy",
         label="More from the wires", n=16),
    dict(site="thecapitalbrief.com", lang="en", fmt="html", layout="wp", tpl=None,
         body="bbc", own="none", pager="en", side="wp_full", label="Recent Posts", n=16),
    dict(site="roshan-khabar.pk", lang="ur", fmt="txt", layout="wet", tpl=None,
         body="makhzan", own="under", archive=True, ostyle="ur_comma", wrap="wet",
         side="ur_time_dash", label="تازہ خبریں", n=16),
    dict(site="aaina-e-waqt.pk", lang="ur", fmt="html", layout="curl", tpl=None,
         body="makhzan", own="none", wrap="curl", side="ur_plain", label="مزید خبریں", n=16),
    dict(site="shaheen-news.pk", lang="ur", fmt="html", layout="wp", tpl=None,
         body="express", own="none", pager="ur", side=None, label=None, n=16),
    dict(site="akhbari-tarashay", lang="ur", fmt="txt", layout="clip", tpl=None,
         body="samaa", own="meta", ostyle="ur_clip", wrap="clip", side=None, label=None, n=16),
    dict(site="calibre-urdu", lang="ur", fmt="html", layout="calibre", tpl=None,
         body="makhzan", own="under", archive=True, ostyle="ur_wday_comma", wrap="calibre",
         side=None, label=None, n=16),
    dict(site="wallabag.nukta.pk", lang="ur", fmt="html", layout="wallabag", tpl=None,
         body="express", own="meta", half=True, ostyle="dmy_slash", wrap="wallabag",
         side=None, label=None, n=16),
    dict(site="sada-e-shehr.pk", lang="ur", fmt="txt", layout="w3m", tpl=None,
         body="bendtruth", own="none", wrap="w3m", side="ur_ext_digits", label="زیادہ پڑھی گئی",
         n=16),
    dict(site="khabarhub.pk", lang="ur", fmt="html", layout="portal", tpl=None,
         body="samaa", own="under", half=True, ostyle="ur_portal", wrap="portal",
         side="ur_plain", label="اسی ذریعے سے", n=16),
    dict(site="nida-e-millat.pk", lang="ur", fmt="txt", layout="khabar", tpl=None,
         body="makhzan", own="under", archive=True, ostyle="ur_ishaat_dash", pager="ur",
         side="ur_time_dash", label="مقبول ترین", n=16),
]

AP_MON = F9.AP_MONTHS


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month = G.MONTHS[d.month - 1]
    mon = month[:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um = G.URDU_MONTHS[d.month - 1]
    uday = F.URDU_DAYS[d.weekday()]
    styles = {
        "hearst": lambda: (f"Published {h12}:{minute:02d} {ampm.lower()} PST, {d:%A}, {month} "
                           f"{d.day}, {d.year}"),
        "us_num_time": lambda: f"{d.month}/{d.day}/{d.year} {h12}:{minute:02d} {ampm.lower()}",
        "ap_dot": lambda: f"{AP_MON[d.month - 1]} {d.day}, {d.year}",
        "uk_time": lambda: f"{d.day} {month} {d.year}, {hour:02d}.{minute:02d}",
        "us_time": lambda: f"{month} {d.day}, {d.year} {h12}:{minute:02d} {ampm} EST",
        "reuters_old": lambda: f"{d:%a} {mon} {d.day}, {d.year} {h12}:{minute:02d}{ampm.lower()} EST",
        "dmy_slash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "clip": lambda: f"{d.day:02d} {mon} {d.year}",
        "portal": lambda: f"{d:%a}, {mon} {d.day}, {d.year}, {h12}:{minute:02d} {ampm}",
        "short_mdy": lambda: f"{mon} {d.day}, {d.year}",
        "wp_full": lambda: f"{month} {d.day}, {d.year}",
        "http": lambda: f"{d:%a}, {d.day:02d} {mon} {d.year} {hour:02d}:{minute:02d}:{(hour * 7 + minute) % 60:02d} GMT",
        "warc": lambda: f"{d.isoformat()}T{hour:02d}:{minute:02d}:{(hour * 7 + minute) % 60:02d}Z",
        "ur_comma": lambda: f"{d.day} {um}، {d.year}",
        "ur_time_dash": lambda: f"{hour:02d}:{minute:02d} — {d.day} {um} {d.year}",
        "ur_plain": lambda: f"{d.day} {um} {d.year}",
        "ur_clip": lambda: f"{d.day:02d}-{d.month:02d}-{d.year}",
        "ur_wday_comma": lambda: f"{uday}، {d.day} {um} {d.year}",
        "ur_ext_digits": lambda: f"{d.day} {um} {d.year}".translate(G.URDU_DIGITS),
        "ur_portal": lambda: f"{d.day} {um} {d.year}، {h12}:{minute:02d} {'صبح' if hour < 12 else 'شام'}",
        "ur_ishaat_dash": lambda: f"اشاعت: {d.day} {um} {d.year} - {h12}:{minute:02d}",
    }
    return styles[style]()


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: an ISO time stamp (UTC), a
    US m/d/Y with a time,
    else fresh9.read_own (ISO, day-first numeric dates, month names with a 4-digit year)."""
    t = text.translate(F9.DIGITS_BACK)
    m = re.search(r"\b(\d{4})-(\d\d)-(\d\d)T\d\d:\d\d:\d\dZ", t)
    if m:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}) \d{1,2}:\d\d [ap]m", t)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat()
    return F9.read_own(t)


# ----------------------------------------------------------------------------- sources

class Extra:
    """This set's Urdu bodies: makhzan documents and Bend the Truth stories that the eleventh set
    did not show as bodies (its own shuffle is replayed to find them), shuffled with this set's
    seed."""

    def __init__(self, shared):
        rng10 = random.Random(F10.SEED_FRESH10 + 1)
        docs = F10.makhzan_docs(shared)
        rng10.shuffle(docs)
        bt = F10.bendtruth_docs(shared)
        rng10.shuffle(bt)
        rest = docs[160:]
        bt = bt[:-32]  # the eleventh set popped its 32 from the end
        seen = set()  # the corpus holds a few stories twice
        kept = []
        for title, paras in bt:
            if title not in seen and paras[0] not in seen:
                kept.append((title, paras))
            seen |= {title, paras[0]}
        bt = kept
        rng = random.Random(SEED_FRESH11 + 1)
        rng.shuffle(rest)
        rng.shuffle(bt)
        self.makhzan = rest[:200]
        self.bendtruth = bt


_EXTRA = {}


# ----------------------------------------------------------------------------- assembly

def template(spec, templates):
    head, tail = (F5.undated_lines(x) for x in templates[spec["tpl"]])
    keep, skip, tkeep = spec["trim"]
    head = [ln for ln in head if not F10.DROP.search(ln) and "<" not in ln][:keep]
    tail = [ln for ln in tail[skip:] if not F10.DROP.search(ln) and "<" not in ln][:tkeep]
    return head, tail


def site_pages(spec, pools, templates, rng):
    if "x" not in _EXTRA:
        _EXTRA["x"] = Extra(_EXTRA["shared"])
    extra = _EXTRA["x"]
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH11_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    sidebars = (G.rotating_sidebars(spec, days, pools, FRESH11_SALT,
                                    lambda s, d, hr, mi: (s, d, hr, mi), 6, 17)
                if spec["label"] else {})
    if spec["tpl"]:
        head, tail = template(spec, templates)
    elif lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV11, URDU_FOOT11, 8)
        tail = tail[:-1] + [f"© {head[0]} — تمام حقوق محفوظ ہیں"]
    elif spec["layout"] == "wp":
        head, tail = [spec["site"]] + EN_NAV_WP, EN_FOOT_WP[:]
    else:
        head, tail = [], []
    host = spec["tpl"] or spec["site"]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 3 + k // ndays) % 3
        if spec["body"] in ("makhzan", "bendtruth"):
            page = F10.urdu_page(spec, k, day, host, extra, back)
        else:
            page = G.later_page(spec, k, day, host, pools, rng, back)
        page.num = (5100000 + 6421 * k + h % 90000) if lang == "en" else 41000 + 733 * k + h % 991
        page.scrape_hour, page.scrape_minute = 5 + (k * 7) % 16, (k * 19 + h) % 60
        page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute) if page.own else ""
        page.source = source_of(page)
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        style = spec["side"]
        page.sidebar = [(t, fdate(style, *args[1:]), None, iso)
                        for t, args, _te, iso in sidebars.get(day, [])]
        page.url = url_of(page, spec, host)
        page.masthead = ""
        page.pager = pager(page, pools, day, k) if spec.get("pager") else []
        page.tool = tool_lines(page, day, k, h)
        dates = {iso for *_, iso in page.sidebar}
        dates |= {iso for _ln, iso in page.tool}
        dates |= {iso for _t, _dt, iso in page.pager}
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def source_of(page):
    """The wire or desk a page credits (a line under the headline on some sites)."""
    if page.spec["lang"] == "ur":
        return "نیوز ڈیسک"
    return "Reuters" if page.own or page.spec["body"] == "reuters" else "BBC News"


def pager(page, pools, day, k):
    """Previous and next stories: [(headline, date text, ISO)]; the previous 1-4 days before the
    scrape day, the next 0-1."""
    out = []
    for i, back in enumerate((1 + k % 4, k % 2)):
        d = day - datetime.timedelta(days=back)
        title = pools.urdu_titles.pop() if page.spec["lang"] == "ur" else pools.bbc_titles.pop()
        style = "ur_plain" if page.spec["lang"] == "ur" else "wp_full"
        out.append((title, fdate(style, d, 8 + i, 10 + k), d.isoformat()))
    return out


COOKIE = {  # a site's privacy-notice banner, with the day its policy changed
    "en": ("We've updated our Privacy Policy and Terms of Service, effective {d}. By continuing "
           "to use this site you agree to them."),
    "ur": ("ہم نے اپنی رازداری کی پالیسی کو {d} سے تبدیل کر دیا ہے۔ ویب سائٹ کا استعمال جاری رکھ کر "
           "آپ اس سے اتفاق کرتے ہیں۔"),
}


def tool_lines(page, day, k, h):
    """What the tool around the page writes with a day: [(line, ISO)] (the line as it stands on
    the page)."""
    wrap, lang = page.spec.get("wrap"), page.spec["lang"]
    hr, mi = page.scrape_hour, page.scrape_minute
    if wrap == "wet":
        return [(f"WARC-Date: {fdate('warc', day, hr, mi)}", day.isoformat())]
    if wrap == "curl":
        mod = day - datetime.timedelta(days=1 + k % 2)
        epoch = datetime.date(1970, 1, 1)
        return [(f"date: {fdate('http', day, hr, mi)}", day.isoformat()),
                (f"last-modified: {fdate('http', mod, (hr + 13) % 24, mi)}", mod.isoformat()),
                (f"expires: {epoch:%a}, 01 Jan 1970 00:00:00 GMT", epoch.isoformat())]
    if wrap == "w3m":
        d = datetime.date(2026, 9, 14) if lang == "en" else datetime.date(2026, 11, 1 + h % 20)
        text = COOKIE[lang]
        shown = (f"{G.MONTHS[d.month - 1]} {d.day}, {d.year}" if lang == "en"
                 else fdate("ur_plain", d))
        return [(text.format(d=shown), d.isoformat())]
    if wrap == "calibre":
        name = "Reuters: Top News" if lang == "en" else "اردو خبریں"
        return [(f"{name} [{day:%a}, {day.day:02d} {day:%b} {day.year}]", day.isoformat())]
    if wrap == "wallabag":
        label = "Added on" if lang == "en" else "محفوظ کیا گیا"
        return [(f"{label} {fdate('dmy_slash', day)}", day.isoformat())]
    if wrap == "clip":
        d = day
        if lang == "en":
            return [(f"Exported {d.day:02d}/{d.month:02d}/{d.year} {hr:02d}:{mi:02d} BST by "
                     "media.desk@client", d.isoformat())]
        return [(f"کلپنگ تیار کی گئی: {d.day:02d}/{d.month:02d}/{d.year}", d.isoformat())]
    return []


def url_of(page, spec, host):
    num, slug = page.num, page.slug[:60].rstrip("-")
    lang = spec["lang"]
    return {
        "wet": (f"https://{host}/news/article/{slug}-{num}.php" if lang == "en"
                else f"https://{host}/khabar/{num}"),
        "curl": (f"https://{host}/news/{slug}" if lang == "en" else f"https://{host}/news/{num}"),
        "w3m": (f"https://{host}/world-nation/story/{slug}" if lang == "en"
                else f"https://{host}/news/{num}"),
        "section": f"https://{host}/world/{slug}",
        "calibre": (f"https://www.reuters.com/article/{slug}-id{num}" if lang == "en"
                    else f"https://www.ibcurdu.com/news/{num}/"),
        "wallabag": (f"https://www.reuters.com/article/{slug}-id{num}" if lang == "en"
                     else f"https://www.express.pk/story/{num}/"),
        "clip": "",
        "portal": f"https://{host}/{'article' if lang == 'en' else 'ur/article'}/{slug}-{num}",
        "wp": (f"https://{host}/{slug}/" if lang == "en" else f"https://{host}/archives/{num}"),
        "khabar": f"https://{host}/khabar/{num}",
    }[spec["layout"]]


def page_path(page):
    spec, url = page.spec, page.url.split("://", 1)[-1].rstrip("/")
    layout, lang = spec["layout"], spec["lang"]
    day = datetime.date.fromisoformat(page.scrape_day)
    if layout == "wet":
        crawl = "CC-MAIN-2026-40" if lang == "en" else "CC-MAIN-2026-49"
        return f"cc-wet/{crawl}/{url}.txt"
    if layout == "curl":
        return f"curl-dumps/{day.isoformat()}/{url.replace('/', '_')}.html"
    if layout == "w3m":
        return f"w3m-dump/{url}.txt"
    if layout == "calibre":
        book = "Reuters Top News" if lang == "en" else "Urdu News"
        return f"calibre/{book}/feed_{page.k % 3}/article_{page.k}/index.html"
    if layout == "wallabag":
        return f"saved/{spec['site']}/view_{page.num}.html"
    if layout == "clip":
        return f"{spec['site']}/clips_{day:%Y%m%d}/clip_{page.k + 1:03d}.txt"
    if layout == "wp" and lang == "en":
        return f"{url}/index.html"
    return f"{url}.{'html' if spec['fmt'] == 'html' else 'txt'}"


# ----------------------------------------------------------------------------- pages

def header_lines(page):
    """The story's header: the headline, then (under) the credit and the own date, or (meta) the
    tool's metadata line."""
    spec = page.spec
    out = [page.headline]
    if spec["own"] == "under" and page.own_text:
        out.append(f"{page.source} · {page.own_text}" if spec.get("wrap") == "portal"
                   else page.own_text)
    elif spec.get("wrap") == "portal":
        out.append(page.source)
    return out


def pager_lines(page):
    if not page.pager:
        return []
    prev, nxt = (("Previous article", "Next article") if page.spec["lang"] == "en"
                 else ("پچھلی خبر", "اگلی خبر"))
    (t1, d1, _), (t2, d2, _) = page.pager
    return [prev, t1, d1, nxt, t2, d2]


def item_lines(page):
    out = []
    for t, dt, _te, _iso in page.sidebar:
        out += [t, dt]
    return out


def chrome_blocks(page, extra_nav):
    items = [[t, dt] for t, dt, _te, _iso in page.sidebar]
    items += [[t] for t, _dt, _iso in page.pager]
    return [extra_nav + page.head, [page.sidebar_label] if page.sidebar_label else []] + items \
        + [page.tail]


def clip_text(page):
    spec, lang = page.spec, page.spec["lang"]
    bar = "-" * 72
    tool = page.tool[0][0]
    if lang == "en":
        top = [f"PressTrack Media Monitoring — Clip {page.k + 1} of {40 + page.num % 30}",
               f"Profile: Commodities & Trade    {tool}", bar]
        meta = [f"Source: Reuters (Newswire)  |  Date: {page.own_text}  |  Country: United States",
                f"Reach: {(page.num % 900 + 100) * 1000:,}  |  Sentiment: Neutral", bar]
        foot = [bar, "This clip is supplied for the client's internal monitoring only and may not "
                "be redistributed.", "PressTrack Ltd — Media Intelligence"]
        nav = ["PressTrack Media Monitoring", "Profile: Commodities & Trade",
               "PressTrack Ltd — Media Intelligence"]
    else:
        paper = ["روزنامہ سماء", "روزنامہ صبح نو", "روزنامہ آواز حق"][page.k % 3]
        meta = [f"اخبار: {paper}  |  تاریخ: {page.own_text or '—'}  |  صفحہ: {1 + page.k % 9}"
                f"  |  کالم: {1 + page.k % 4}-{3 + page.k % 4}", bar]
        if not page.own_text:
            meta[0] = f"اخبار: {paper}  |  صفحہ: {1 + page.k % 9}"
        top = ["اخباری تراشے — شعبہ تعلقات عامہ", tool, bar]
        foot = [bar, "یہ تراشہ صرف دفتری استعمال کے لیے ہے۔", "شعبہ تعلقات عامہ — تراشہ سروس"]
        nav = ["اخباری تراشے — شعبہ تعلقات عامہ", "شعبہ تعلقات عامہ — تراشہ سروس"]
    body = []
    for p in page.paras:
        body += textwrap.wrap(p, 72, **WRAP) + [""]
    lines = top + [page.headline] + meta + body + foot
    page.head, page.tail = nav[:1], nav[1:]
    return "\n".join(lines) + "\n"


def site_text(page, width=None):
    """The site's page as text: navigation, the story, the pager, the sidebar, the footer."""
    spec = page.spec
    chunks = ["\n".join(page.head), "\n".join(header_lines(page))] + page.paras
    if page.pager:
        chunks.append("\n".join(pager_lines(page)))
    if page.sidebar_label:
        chunks.append("\n".join([page.sidebar_label] + item_lines(page)))
    chunks.append("\n".join(page.tail))
    chunks = [c for c in chunks if c]
    if width:
        chunks = ["\n".join(ln2 for ln in c.split("\n") for ln2 in (textwrap.wrap(ln, width, **WRAP) or [""]))
                  for c in chunks]
    if spec.get("wrap") == "w3m":
        cookie = page.tool[0][0]
        accept = "[Accept] [Manage choices]" if spec["lang"] == "en" else "[قبول کریں] [ترتیبات]"
        chunks.insert(0, "\n".join(textwrap.wrap(cookie, width or 80, **WRAP) + [accept]))
    return "\n\n".join(chunks) + "\n"


def wet_text(page):
    """A crawl's WET record: the WARC headers, then the page's text, one line per block."""
    text = site_text(page)
    text = "\n".join(ln for ln in text.split("\n") if ln.strip())
    data = text.encode("utf-8")
    rid = hashlib.sha1(page.url.encode()).hexdigest()
    uuid = f"{rid[:8]}-{rid[8:12]}-{rid[12:16]}-{rid[16:20]}-{rid[20:32]}"
    ref = hashlib.sha1((page.url + "#response").encode()).hexdigest()
    lang = "eng" if page.spec["lang"] == "en" else "urd"
    head = ["WARC/1.0", "WARC-Type: conversion", f"WARC-Target-URI: {page.url}",
            page.tool[0][0], f"WARC-Record-ID: <urn:uuid:{uuid}>",
            f"WARC-Refers-To: <urn:uuid:{ref[:8]}-{ref[8:12]}-{ref[12:16]}-{ref[16:20]}-{ref[20:32]}>",
            f"WARC-Block-Digest: sha1:{hashlib.sha1(data).hexdigest().upper()[:32]}",
            f"WARC-Identified-Content-Language: {lang}", "Content-Type: text/plain",
            f"Content-Length: {len(data)}"]
    return "\n".join(head) + "\n\n" + text + "\n"


WET_NAV = ["WARC-Type: conversion", "WARC-Identified-Content-Language"]


def text_page(page):
    wrap = page.spec.get("wrap")
    if wrap == "clip":
        text = clip_text(page)
        return text, chrome_blocks(page, [])
    if wrap == "wet":
        return wet_text(page), chrome_blocks(page, [])
    if wrap == "w3m":
        return site_text(page, 78), chrome_blocks(page, [page.tool[0][0]])
    return site_text(page), chrome_blocks(page, [])


def sidebar_html(page):
    esc = F.esc
    if not page.sidebar:
        return []
    rows = [f'<li><a href="/n/{page.num + 31 * i}">{esc(t)}</a> <span class="ts">{esc(dt)}</span>'
            "</li>" for i, (t, dt, _te, _iso) in enumerate(page.sidebar)]
    return (['<div class="rail">', f'<h2 class="rail-title">{esc(page.sidebar_label)}</h2>', "<ul>"]
            + rows + ["</ul>", "</div>"])


def pager_html(page):
    esc = F.esc
    if not page.pager:
        return []
    lines = pager_lines(page)
    return ['<nav class="post-navigation">',
            f'<div class="nav-previous"><span class="meta-nav">{esc(lines[0])}</span> '
            f'<a href="/p/{page.num - 1}">{esc(lines[1])}</a> <span class="nav-date">{esc(lines[2])}'
            "</span></div>",
            f'<div class="nav-next"><span class="meta-nav">{esc(lines[3])}</span> '
            f'<a href="/p/{page.num + 1}">{esc(lines[4])}</a> <span class="nav-date">{esc(lines[5])}'
            "</span></div>", "</nav>"]


def story_html(page):
    esc, spec = F.esc, page.spec
    out = [f"<h1>{esc(page.headline)}</h1>"]
    hl = header_lines(page)[1:]
    if spec["own"] == "under" and page.own_text:
        if spec["site"] == "foxnews.com":
            out.append(f'<div class="article-date">{esc(hl[0])}</div>')
        else:
            out.append(f'<p class="dateline">{esc(hl[0])}</p>')
    elif hl:
        out.append(f'<p class="dateline">{esc(hl[0])}</p>')
    out += [f"<p>{esc(p)}</p>" for p in page.paras]
    return out


def html_page(page):
    esc, spec = F.esc, page.spec
    lang, name, wrap = spec["lang"], spec["site"], spec.get("wrap")
    rtl = ' dir="rtl"' if lang == "ur" else ""
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>', "<head>", '<meta charset="utf-8">',
            f"<title>{esc(page.headline)}{'' if wrap == 'calibre' else ' | ' + esc(name)}</title>"]
    if page.url and wrap not in ("calibre", "wallabag"):
        head.append(f'<link rel="canonical" href="{esc(page.url)}">')
    if spec["site"] == "foxnews.com" and page.own:
        head.append(f'<meta name="dc.date" content="{page.own}">')
    head.append("</head>")
    b = ["<body>"]
    extra_nav = []
    if wrap == "calibre":
        tool = page.tool[0][0]
        bar = (f'<div class="calibre_navbar calibre_rescale_70" style="text-align:center">'
               f'<hr/><a href="../index.html#article_{page.k}">{esc(tool)}</a> | '
               f'<a href="../article_{page.k + 1}/index.html">Next</a> | '
               '<a href="../index.html">Section menu</a> | <a href="../../index.html">Main menu</a>'
               f' | <a href="../article_{max(page.k - 1, 0)}/index.html">Previous</a> | <hr/></div>')
        b += [bar, '<div class="calibre_article">'] + story_html(page) + ["</div>"]
        b += ['<div class="calibre_navbar calibre_rescale_70" style="text-align:left"><hr/>'
              f'<p>This article was downloaded by <b>calibre</b> from <a href="{esc(page.url)}">'
              f'{esc(page.url)}</a></p><br/><a href="../index.html">Section menu</a> | '
              '<a href="../../index.html">Main menu</a></div>']
        b += ["</body>", "</html>"]
        page.head, page.tail = ["Section menu", "Main menu"], ["This article was downloaded by"]
        return "\n".join(head + b) + "\n", chrome_blocks(page, [])
    if wrap == "wallabag":
        tool = page.tool[0][0]
        nav = (["Unread", "Starred", "Archive", "All entries", "Tags", "Import", "Config",
                "Logout"] if lang == "en" else
               ["نہ پڑھے گئے", "پسندیدہ", "محفوظ شدہ", "تمام اندراجات", "ٹیگز", "ترتیبات"])
        domain = page.url.split("/")[2]
        b += ['<nav class="nav-panel"><ul>'] + [f'<li><a href="#">{esc(x)}</a></li>' for x in nav]
        b += ["</ul></nav>", '<div id="article">', f"<h1>{esc(page.headline)}</h1>",
              '<ul class="tools">', f'<li><a class="original" href="{esc(page.url)}">{esc(domain)}'
              "</a></li>"]
        if page.own_text:
            pub = "Published on" if lang == "en" else "اشاعت"
            b.append(f'<li class="published">{pub} {esc(page.own_text)}</li>')
        words = len(" ".join(page.paras).split())
        rt = (f"Estimated reading time: {max(1, words // 200)} min" if lang == "en"
              else f"پڑھنے کا اندازاً وقت: {max(1, words // 200)} منٹ")
        b += [f'<li class="created">{esc(tool)}</li>', f"<li>{esc(rt)}</li>", "</ul>",
              '<article class="content">'] + [f"<p>{esc(p)}</p>" for p in page.paras]
        b += ["</article>", "</div>", '<footer><p>Powered by wallabag</p></footer>',
              "</body>", "</html>"]
        page.head, page.tail = nav, ["Powered by wallabag"]
        return "\n".join(head + b) + "\n", chrome_blocks(page, [])
    if wrap == "portal":
        nav = (["DailyFeed", "Home", "News", "Finance", "Sports", "Entertainment", "Weather",
                "Mail"] if lang == "en" else
               ["خبر ہب", "سرورق", "پاکستان", "دنیا", "کاروبار", "کھیل", "شوبز", "موسم"])
        foot = (["Terms and Privacy Policy", "Privacy Dashboard", "About Our Ads",
                 "Help & Feedback"] if lang == "en" else
                ["شرائط و رازداری", "اشتہارات کے بارے میں", "مدد اور رائے", "© خبر ہب"])
        page.head, page.tail = nav, foot
    site_h = "header"
    b += [f'<{site_h} class="site-header">', f'<a class="logo" href="/">{esc(page.head[0] if wrap == "portal" else name)}</a>',
          '<nav class="primary"><ul>']
    b += [f'<li><a href="/c/{i}">{esc(ln)}</a></li>'
          for i, ln in enumerate(page.head[1:] if wrap == "portal" else page.head)]
    b += ["</ul></nav>", f"</{site_h}>", '<main class="main">', '<article class="post">']
    b += story_html(page)
    if spec["layout"] == "wp" and lang == "en":
        b.append('<footer class="entry-meta">Posted in World | <a href="#respond">Leave a comment'
                 "</a></footer>")
        extra_nav = ["Leave a comment"]
    b += ["</article>"] + pager_html(page) + sidebar_html(page) + ["</main>"]
    b += ['<footer class="site-footer">'] + [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b += ["</footer>", "</body>", "</html>"]
    text = "\n".join(head + b) + "\n"
    if wrap == "curl":
        http = ["HTTP/2 200", page.tool[0][0], "content-type: text/html; charset=utf-8",
                page.tool[1][0], page.tool[2][0], "cache-control: no-cache, must-revalidate",
                "server: nginx", f"x-cache: {'HIT' if page.k % 2 else 'MISS'}"]
        text = "\r\n".join(http) + "\r\n\r\n" + text
        extra_nav = ["cache-control: no-cache, must-revalidate"]
    return text, chrome_blocks(page, ([] if wrap == "portal" else [name]) + extra_nav)


# ----------------------------------------------------------------------------- checks

def zone_of(page, raw):
    """(start, end) of the story in a page's flattened visible text: from its headline (after the
    HTML <title>) to its last paragraph."""
    flat = F4.flat
    first = flat(page.headline)
    start = raw.index(first)
    if page.spec["fmt"] == "html":
        start = raw.index(first, start + 1)
    last = flat(page.paras[-1])
    return start, raw.index(last, start) + len(last)


def own_line(page):
    """The own date as its line writes it (with the tool's or the portal's words)."""
    wrap = page.spec.get("wrap")
    if wrap == "wallabag":
        return ("Published on " if page.spec["lang"] == "en" else "اشاعت ") + page.own_text
    if wrap == "portal":
        return f"{page.source} · {page.own_text}"
    return page.own_text


def own_problems(page, text, raw, zone):
    flat, own = F4.flat, page.own
    if not own:
        found = [k for k in ("dc.date", "datePublished", "<time", "published_time", "Published",
                             "اشاعت", "Date: ", "تاریخ:") if k in text]
        return [f"undated page with {found}"] if found else []
    said = flat(page.own_text)
    line = flat(own_line(page))
    probs = []
    if read_own(page.own_text) != own:
        probs.append(f"own date text {said!r} reads {read_own(page.own_text)}")
    if zone.count(line) != 1:
        probs.append(f"own date line {line!r} not once in the story")
    head = zone.index(flat(page.headline))
    gap = zone.index(said) - head - len(flat(page.headline))
    if not 0 <= gap < 80:
        probs.append(f"own date {gap} characters after the headline")
    if page.spec["site"] == "foxnews.com" and f'content="{own}"' not in text:
        probs.append("no dc.date of the own date")
    if page.spec.get("archive") and not 2013 <= int(own[:4]) <= 2018:
        probs.append("an archive page's own date is not in its body's year")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The twelfth set"); exits with
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
        for ln, iso in page.tool:  # the read-it-later view's line sits between headline and body
            where = raw if page.spec.get("wrap") == "wallabag" else outside
            if flat(ln) not in where or (flat(ln) in zone and where is outside):
                probs.append(f"tool line {ln!r} not on the page outside the story")
            if iso not in lb["chrome_dates"] + [page.own]:
                probs.append(f"tool date {iso} not labelled as chrome")
            got = read_own(ln)
            if got != iso:
                probs.append(f"tool line {ln!r} reads {got}, labelled {iso}")
        for t, dt, iso in page.pager:
            if flat(t) in zone or flat(dt) not in outside or iso not in lb["chrome_dates"] + [page.own]:
                probs.append(f"pager item {t!r} inside the story or its date unlabelled")
            if read_own(dt) != iso:
                probs.append(f"pager date {dt!r} reads {read_own(dt)}")
        if page.spec["side"]:
            if not lb["chrome_dates"]:
                probs.append("a dated sidebar without chrome dates")
            for _t, dt, _te, iso in page.sidebar:
                if read_own(dt) != iso:
                    probs.append(f"sidebar date {dt!r} reads {read_own(dt)}, labelled {iso}")
        if not set(lb["chrome_dates"]) <= set(
                [iso for *_, iso in page.sidebar] + [iso for _l, iso in page.tool]
                + [iso for *_, iso in page.pager]):
            probs.append("a chrome date that is on no chrome line")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh11", rendered, labels, bad)


def main(shared, out):
    _EXTRA.clear()
    _EXTRA["shared"] = shared
    G.generate_set("fresh11", SITES, SEED_FRESH11, FRESH11_SALT, site_pages,
                   lambda page: (html_page if page.spec["fmt"] == "html" else text_page)(page),
                   page_path, self_check, shared, out, nth=0)
