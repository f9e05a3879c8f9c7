"""The fourteenth set of the chrome bench (`gen.py --set fresh13`, `SET=fresh13 run.sh`): 18 more
sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The fourteenth set" before the
set's held-out run. The design is described in README.md "The fourteenth set"; this docstring
only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from makhzan-urdu (IBC Urdu news, read from the
archive at generation time and never written into the repository; only documents that none of
the eleventh to thirteenth sets could show as bodies) and the urdu-news-ha405 CSVs (Express,
Samaa); English chrome of three sites from real pages of article-extraction (gen.real_templates);
rotating lists of real headlines (gen.rotating_sidebars) with dates in this set's styles (fdate).
Site names, section words, tool lines, footers and all dates but the Reuters and makhzan years are
the assembly's. Pages are rendered as text or HTML by the site itself or by what saved it; each
generation checks its labels against its pages (self_check) and stops on any mismatch.
"""
import datetime
import random
import re
import textwrap

import fresh as F
import fresh4 as F4
import fresh5 as F5
import fresh9 as F9
import fresh10 as F10
import fresh11 as F11
import fresh12 as F12
import gen as G

SEED_FRESH13 = 20270107
FRESH13_SALT = "khabar-chrome-fresh13"
EN_BASE, UR_BASE = datetime.date(2026, 11, 2), datetime.date(2026, 12, 14)
URDU_NAV13 = ["صفحہ اول", "پاکستان", "دنیا", "کاروبار", "کھیل", "شوبز", "صحت", "تعلیم",
              "اداریہ", "کالم", "دلچسپ و عجیب", "ٹیکنالوجی"]
URDU_FOOT13 = ["ادارتی پالیسی", "رابطے کے لیے", "شکایات", "نوکریاں", "جملہ حقوق محفوظ ہیں"]

# layout: what writes the page: lynx (a text browser's dump: numbered links, a References list)
#   | blogger (a Blogspot news blog) | medium (a post on a blogging platform) | factiva (a press
#   database's one-document text export, field codes) | np3k (an article scraper's text output:
#   Title / Authors / Publish date / URL lines) | brief (a news-brief aggregator: the open card
#   among other cards) | site (the outlet's own page; tpl: real chrome) | akhbar (an Urdu
#   newspaper's site: a top bar with today's Gregorian and Hijri dates)
# own: under | none; half: only even pages state it; archive: the makhzan body's real year
# ostyle / side: date styles of the own line and of the list (None: no list or an undated list)
# tpl / trim: template host and (head lines kept, tail lines skipped, tail lines kept)
SITES = [
    dict(site="valleyledger.com", lang="en", fmt="txt", layout="lynx", tpl=None, body="bbc",
         own="none", side="ap_abbr", label="Top stories in Nation", n=16),
    dict(site="frontierwire.blogspot.com", lang="en", fmt="html", layout="blogger", tpl=None,
         body="bbc", own="under", ostyle="blogger", side=None, label="Popular Posts", n=16),
    dict(site="medium-econ-notes", lang="en", fmt="html", layout="medium", tpl=None,
         body="bbc", own="under", ostyle="medium", side="medium",
         label="More from Harriet Vance", n=16),
    dict(site="www.spokesman.com", lang="en", fmt="txt", layout="site", tpl="www.spokesman.com",
         trim=(20, 10, 20), body="reuters", own="under", ostyle="ap_time", side="ap_abbr",
         label="Top stories in Nation", n=16),
    dict(site="www.deccanherald.com", lang="en", fmt="html", layout="site",
         tpl="www.deccanherald.com", trim=(24, 6, 30), body="mix", own="under", ostyle="dh",
         side=None, label=None, n=16),
    dict(site="briefly-news-app", lang="en", fmt="html", layout="brief", tpl=None, body="bbc",
         own="under", ostyle="brief", side="brief", label="", n=16),
    dict(site="factiva-exports", lang="en", fmt="txt", layout="factiva", tpl=None,
         body="reuters", own="under", ostyle="factiva", side=None, label=None, n=16),
    dict(site="np3k-scrape-en", lang="en", fmt="txt", layout="np3k", tpl=None, body="bbc",
         own="under", half=True, ostyle="np3k", side=None, label=None, n=16),
    dict(site="www.timesunion.com", lang="en", fmt="html", layout="site",
         tpl="www.timesunion.com", trim=(22, 0, 30), body="bbc", own="none", side=None,
         label=None, n=16),
    dict(site="roznama-sahil.pk", lang="ur", fmt="html", layout="akhbar", tpl=None,
         body="express", own="under", ostyle="ur_hijri", side="ur_comma", label="مزید خبریں",
         n=16),
    dict(site="khabarnama-online.pk", lang="ur", fmt="html", layout="site", tpl=None,
         body="samaa", own="under", ostyle="ur_shaya", side="ur_shaya", label="متعلقہ خبریں",
         n=16),
    dict(site="purani-yadein.blogspot.com", lang="ur", fmt="html", layout="blogger", tpl=None,
         body="makhzan", own="under", archive=True, ostyle="ur_blogger", side=None,
         label="مقبول تحریریں", n=16),
    dict(site="jhelum-times.pk", lang="ur", fmt="txt", layout="lynx", tpl=None, body="express",
         own="none", side="ur_comma", label="اہم خبریں", n=16),
    dict(site="np3k-scrape-ur", lang="ur", fmt="txt", layout="np3k", tpl=None, body="makhzan",
         own="none", side=None, label=None, n=16),
    dict(site="awaz-e-shehr.pk", lang="ur", fmt="txt", layout="site", tpl=None, body="samaa",
         own="under", ostyle="ur_time_first", side=None, label=None, n=16),
    dict(site="dehat-news.pk", lang="ur", fmt="txt", layout="site", tpl=None, body="makhzan",
         own="none", side="ur_digits", label="تازہ ترین", n=16),
    dict(site="sarhad-khabar.pk", lang="ur", fmt="html", layout="site", tpl=None,
         body="express", own="none", side="ur_dash", label="مقبول خبریں", n=16),
    dict(site="roznama-mashriq-e-nau.pk", lang="ur", fmt="html", layout="akhbar", tpl=None,
         body="makhzan", own="none", side="ur_comma", label="دیگر خبریں", n=16),
]

AP_MON = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
          "Nov.", "Dec."]
HIJRI_MONTHS = ["محرم", "صفر", "ربیع الاول", "ربیع الثانی", "جمادی الاول", "جمادی الثانی",
                "رجب", "شعبان", "رمضان", "شوال", "ذوالقعدہ", "ذوالحجہ"]
UR_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def hijri(d):
    """(day, month, year) of the tabular Islamic calendar for a Gregorian date."""
    l_ = d.toordinal() + 1721425 - 1948440 + 10632
    n = (l_ - 1) // 10631
    l_ = l_ - 10631 * n + 354
    j = ((10985 - l_) // 5316) * ((50 * l_) // 17719) + (l_ // 5670) * ((43 * l_) // 15238)
    l_ = l_ - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    m = (24 * l_) // 709
    return l_ - (709 * m) // 24, m, 30 * n + j - 30


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    ap_ampm = "a.m." if hour < 12 else "p.m."
    um, uday = G.URDU_MONTHS[d.month - 1], F.URDU_DAYS[d.weekday()]
    hd, hm, hy = hijri(d)
    return {
        "ap_abbr": lambda: f"{AP_MON[d.month - 1]} {d.day}, {d.year}",
        "ap_time": lambda: f"{d:%a}., {AP_MON[d.month - 1]} {d.day}, {d.year} at "
                           f"{h12}:{minute:02d} {ap_ampm}",
        "blogger": lambda: f"{month} {d.day:02d}, {d.year}",
        "medium": lambda: f"{mon} {d.day}, {d.year}",
        "dh": lambda: f"{mon} {d.day:02d} {d.year}, {hour:02d}:{minute:02d} ist",
        "brief": lambda: f"{h12:02d}:{minute:02d} {ampm.lower()} on {d.day:02d} {mon} {d.year}, "
                         f"{d:%A}",
        "factiva": lambda: f"{d.day} {month} {d.year}",
        "np3k": lambda: f"{d.isoformat()} 00:00:00",
        "ur_hijri": lambda: f"{uday} {d.day} {um} {d.year}ء، {hd} {HIJRI_MONTHS[hm - 1]} {hy}ھ",
        "ur_comma": lambda: f"{d.day} {um}، {d.year}",
        "ur_shaya": lambda: f"شائع {d.day} {um} {d.year} {h12:02d}:{minute:02d} {ampm}",
        "ur_blogger": lambda: f"{um} {d.day:02d}, {d.year}",
        "ur_time_first": lambda: f"{h12:02d}:{minute:02d} {ampm}, {d.day} {um}، {d.year}",
        "ur_digits": lambda: f"{d.day} {um} {d.year}".translate(UR_DIGITS),
        "ur_dash": lambda: f"{d.day:02d}-{d.month:02d}-{d.year}",
        "ur_topbar": lambda: f"{uday} {d.day} {um} {d.year} | {hd} {HIJRI_MONTHS[hm - 1]} {hy}ھ",
    }[style]()


_MONTH_NUM = {}
for _i, _m in enumerate(G.MONTHS):
    for _name in (_m, _m[:3], AP_MON[_i].rstrip("."), G.URDU_MONTHS[_i]):
        _MONTH_NUM[_name] = _i + 1
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTH_NUM), key=len, reverse=True))
_DAY_FIRST = re.compile(rf"(?<!\d)(\d{{1,2}}) ({_MONTH_RE})\.?[،,]? (\d{{4}})(?!\d)")
_MONTH_FIRST = re.compile(rf"(?<![\w])({_MONTH_RE})\.? (\d{{1,2}}),? (\d{{4}})(?!\d)")
_DASH = re.compile(r"(?<![\d-])(\d\d)-(\d\d)-(\d{4})(?![\d-])")
_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d\d)-(\d\d)(?![\d-])")


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: the first of a day-first or
    month-first date with a month name (English, AP or Urdu) and a 4-digit year, a dd-mm-yyyy,
    an ISO yyyy-mm-dd (also before a T), else fresh12.read_own (ISO and others). Hijri dates are
    not days of this calendar."""
    t = text.translate(F9.DIGITS_BACK)
    found = []
    for m in _DAY_FIRST.finditer(t):
        found.append((m.start(), int(m.group(3)), _MONTH_NUM[m.group(2)], int(m.group(1))))
    for m in _MONTH_FIRST.finditer(t):
        found.append((m.start(), int(m.group(3)), _MONTH_NUM[m.group(1)], int(m.group(2))))
    for m in _DASH.finditer(t):
        found.append((m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _ISO.finditer(t):
        found.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for _pos, y, mo, d in sorted(found):
        try:
            return datetime.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return F12.read_own(t)


# ----------------------------------------------------------------------------- sources

class Extra:
    """This set's makhzan bodies: the documents the thirteenth set left (its shuffles replayed;
    it popped from the end, so its last 100 are skipped), shuffled with this set's seed."""

    def __init__(self, shared):
        mine = F12.Extra(shared).makhzan[:-100]
        random.Random(SEED_FRESH13 + 1).shuffle(mine)
        self.makhzan = mine


_EXTRA = {}

# ----------------------------------------------------------------------------- assembly

AUTHORS = ["Rhea Sen", "Tom Okafor", "Ines Duarte", "Sam Whitlock"]


def site_pages(spec, pools, templates, rng):
    if "x" not in _EXTRA:
        _EXTRA["x"] = Extra(_EXTRA["shared"])
    extra, lang = _EXTRA["x"], spec["lang"]
    h = G.site_hash(spec["site"] + FRESH13_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    sidebars = (G.rotating_sidebars(dict(spec, side=spec["side"] or "ap_abbr"), days, pools,
                                    FRESH13_SALT, lambda s, d, hr, mi: (s, d, hr, mi), 8, 17)
                if spec["label"] is not None else {})
    if spec["tpl"]:
        head, tail = F11.template(spec, templates)
    elif lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV13, URDU_FOOT13, 8)
    else:
        head, tail = [], []
    host = spec["tpl"] or spec["site"]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 7 + k // ndays) % 3
        seen = _EXTRA.setdefault("seen", set())
        while True:  # BBC News 2225 holds some stories twice: a set shows each once
            if spec["body"] == "makhzan":
                page = F10.urdu_page(spec, k, day, host, extra, back)
            else:
                page = G.later_page(spec, k, day, host, pools, rng, back)
            if page.headline not in seen and page.lead not in seen:
                break
        seen |= {page.headline, page.lead}
        dated = spec["own"] != "none" and not (spec.get("half") and k % 2)
        if lang == "en" and page.spec["body"] != "reuters" and not page.own and dated:
            page.date = day - datetime.timedelta(days=back)  # a BBC body: the post's day
            page.hour, page.minute = 6 + k % 13, (k * 17 + 3) % 60
            page.own = page.date.isoformat()
        if spec["layout"] == "brief":
            page.paras = page.paras[:2]
        page.num = (4100000 + 7919 * k + h % 70000) if lang == "en" else 71000 + 433 * k + h % 991
        page.scrape_hour, page.scrape_minute = 4 + (k * 7) % 16, (k * 29 + h) % 60
        page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute) if page.own else ""
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])]
        page.author = getattr(page, "author", "") or AUTHORS[(k + h) % len(AUTHORS)]
        page.url = url_of(page, spec, host)
        page.masthead = ""
        page.tool = tool_lines(page, day)
        dates = {iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool}
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def tool_lines(page, day):
    """Lines with a day that the site or the tool writes around the story: [(line, ISO)]."""
    layout = page.spec["layout"]
    if layout == "np3k":
        return [(f"Scraped at: {day.isoformat()}T{page.scrape_hour:02d}:{page.scrape_minute:02d}"
                 f":{(page.k * 7) % 60:02d}Z", day.isoformat())]
    if layout == "akhbar":
        return [(fdate("ur_topbar", day), day.isoformat())]
    return []


def url_of(page, spec, host):
    num, slug, lang, layout = page.num, page.slug[:60].rstrip("-"), spec["lang"], spec["layout"]
    if layout == "blogger":
        y, m = (page.date.year, page.date.month) if page.own else (2026, 12)
        return f"https://{host}/{y}/{m:02d}/{slug if lang == 'en' else f'post-{num}'}.html"
    if layout == "medium":
        return f"https://medium.com/@harrietvance/{slug}-{num:x}"
    if layout == "brief":
        return f"https://briefly.news/en/news/{slug}-{num}"
    if layout == "factiva":
        return ""
    if layout == "np3k":
        return (f"https://www.bbc.co.uk/news/{slug}-{num}" if lang == "en"
                else f"https://www.ibcurdu.com/news/{num}/")
    if lang == "en":
        return f"https://{host}/news/{slug}-{num}/"
    return f"https://{host}/{'story' if layout == 'akhbar' else 'news'}/{num}/{page.slug[:40]}"


def page_path(page):
    spec, lang, layout = page.spec, page.spec["lang"], page.spec["layout"]
    url = page.url.split("://", 1)[-1].rstrip("/")
    day = page.scrape_day
    if layout == "factiva":
        return (f"factiva/{day}/Factiva-{day.replace('-', '')}-"
                f"{page.scrape_hour:02d}{page.scrape_minute:02d}-{page.k:02d}.txt")
    if layout == "np3k":
        return f"newspaper-out/{lang}/{day}/{page.num}.txt"
    if layout == "lynx":
        return f"dumps/{spec['site']}/{day}/{page.num}.txt"
    if layout == "medium":
        return f"saved/medium/{page.slug}.html"
    if spec["fmt"] == "html" and not url.endswith(".html"):
        return f"{url}/index.html"
    return f"{url}.txt" if spec["fmt"] == "txt" else url


# ----------------------------------------------------------------------------- pages

def minutes(page):
    return max(1, len(" ".join(page.paras).split()) // 230)


def own_line(page):
    """The own date as its line writes it, with the words the layout puts beside it."""
    layout, lang, t = page.spec["layout"], page.spec["lang"], page.own_text
    if layout == "medium":
        return f"{minutes(page)} min read · {t}"
    if layout == "brief":
        return f"short by {page.author} / {t}"
    if layout == "factiva":
        return f"PD  {t}"
    if layout == "np3k":
        return f"Publish date: {t}"
    if page.spec["site"] == "www.spokesman.com":
        return f"Originally published {t}"
    if page.spec["site"] == "www.deccanherald.com":
        return f"DH Web Desk, {t}"
    if layout == "blogger":
        return f"- {t}" if lang == "en" else t
    return t


def header_lines(page):
    """The story's lines between its headline and its first paragraph."""
    layout, lang = page.spec["layout"], page.spec["lang"]
    own = [own_line(page)] if page.own else []
    if layout == "factiva":
        words = len(" ".join(page.paras).split())
        return ([f"WC  {words} words"] + own + [f"ET  {page.hour:02d}:{page.minute:02d}",
                "SN  Reuters News", "SC  LBA", "LA  English",
                f"CY  (c) {page.date.year} Reuters Limited"])
    if layout == "np3k":
        return [f"Authors: {['BBC News'] if lang == 'en' else []}",
                own[0] if own else "Publish date: None", f"URL: {page.url}",
                f"Top image: {page.url.rstrip('/')}/image.jpg" if lang == "en" else "Top image: "]
    if layout == "medium":
        return ["Harriet Vance", "Follow"] + own
    if layout in ("brief", "blogger"):
        return own
    if lang == "en" and page.spec["site"] == "www.spokesman.com":
        return [f"By {'Reuters'}"] + own
    if lang == "ur":
        name = "ویب ڈیسک" if page.spec["body"] != "makhzan" else page.author or "نمائندہ"
        return [name] + own
    return own


def items(page):
    return [(t, dt) for t, dt, _te, _iso in page.sidebar]


def blocks(page, nav, foot):
    out = [nav, [page.sidebar_label] if page.sidebar_label else []]
    return out + [[t, dt] if dt else [t] for t, dt in items(page)] + [foot]


# --- text pages

def wrap(paras, width, indent=""):
    out = []
    for p in paras:
        out += [indent + ln for ln in textwrap.wrap(p, width - len(indent), **F11.WRAP)] + [""]
    return out


def text_page(page):
    spec, lang, layout = page.spec, page.spec["lang"], page.spec["layout"]
    head = [page.headline] + header_lines(page)
    list_lines = ([page.sidebar_label] + [x for it in items(page) for x in it if x]
                  if page.sidebar_label else [])
    if layout == "factiva":
        paras = page.paras
        lp, td = paras[:2], paras[2:]
        body = ["LP  " + lp[0]] + [f"    {p}" for p in lp[1:]]
        if td:
            body += ["TD  " + td[0]] + [f"    {p}" for p in td[1:]]
        foot = ["NS  gcat : Political/General News | c13 : Regulation/Government Policy",
                "RE  usa : United States | namz : North America",
                "IPD Business", "PUB Reuters News & Media Inc",
                f"AN  Document lba00000{page.date:%Y%m%d}dj{page.k:x}k0{page.num % 997:03d}"]
        text = "\n".join(["HD  " + head[0]] + head[1:]) + "\n\n" + "\n\n".join(body) + "\n\n" \
            + "\n".join(foot) + "\n"
        return text, blocks(page, [], foot)
    if layout == "np3k":
        scraped = page.tool[0][0]
        tail = [f"Source: {'BBC News' if lang == 'en' else 'IBC Urdu'} | Language: {lang} | "
                "Extractor: newspaper 0.2.8"]
        text = scraped + "\n" + f"Title: {head[0]}\n" + "\n".join(head[1:]) + "\n\nText:\n" \
            + "\n\n".join(page.paras) + "\n\n" + "\n".join(tail) + "\n"
        return text, blocks(page, [scraped], tail)
    if layout == "lynx":
        name = spec["site"].split(".")[0]
        nav = (["Skip to main content", "Home", "News", "Local", "Nation", "Sports", "Business",
                "Opinion", "Obituaries", "e-Edition", "Subscribe"] if lang == "en" else
               [name.replace("-", " ")] + page.head[1:])
        foot = (["Contact us", "Terms of Service", "Privacy Policy", "Cookie Settings",
                 f"© Copyright {name.title()} Media"] if lang == "en" else page.tail)
        refs = [f"https://{page.host}/" + ("" if i == 0 else f"section/{i}/")
                for i in range(len(nav))] + [f"https://{page.host}/news/{page.num + 31 * i}/"
                                               for i in range(len(items(page)))]
        out = ["   " + " ".join(f"[{i + 1}]{x}" for i, x in enumerate(nav[:6])),
               "   " + " ".join(f"[{i + 7}]{x}" for i, x in enumerate(nav[6:])), "",
               f"{head[0]}", ""] + [f"   {x}" for x in head[1:]] + [""]
        out += wrap(page.paras, 72, "   ")
        n0 = len(nav)
        if list_lines:
            out += [f"   {page.sidebar_label}", ""]
            for i, (t, dt) in enumerate(items(page)):
                out += [f"     * [{n0 + i + 1}]{t}", f"       {dt}"]
            out.append("")
        out += ["   " + " | ".join(foot), "", "References", ""]
        out += [f"   {i + 1}. {u}" for i, u in enumerate(refs)]
        return "\n".join(out) + "\n", blocks(page, nav, foot + ["References"])
    # site: the outlet's own page saved as text
    chunks = ["\n".join(page.head), "\n".join(head)] + page.paras
    chunks += ["\n".join(list_lines), "\n".join(page.tail)]
    return "\n\n".join(c for c in chunks if c) + "\n", blocks(page, page.head, page.tail)


# --- HTML pages

def story_html(page, cls, h="h1"):
    esc = F.esc
    out = [f'<article class="{cls}">', f"<{h} class=\"title\">{esc(page.headline)}</{h}>"]
    for ln in header_lines(page):
        if page.own and ln == own_line(page):
            out.append(f'<div class="meta"><time datetime="{page.own}">{esc(ln)}</time></div>')
        else:
            out.append(f'<div class="byline">{esc(ln)}</div>')
    return out + [f"<p>{esc(p)}</p>" for p in page.paras] + ["</article>"]


def list_html(page, cls, tag="h3"):
    esc = F.esc
    if not page.sidebar:
        return []
    rows = [f'<li><a href="/news/{page.num + 29 * i}">{esc(t)}</a>'
            + (f' <span class="date">{esc(dt)}</span>' if dt else "") + "</li>"
            for i, (t, dt) in enumerate(items(page))]
    return [f'<div class="{cls}">', f"<{tag}>{esc(page.sidebar_label)}</{tag}>", "<ul>"] \
        + rows + ["</ul>", "</div>"]


def html_page(page):
    esc, spec, lang, layout = F.esc, page.spec, page.spec["lang"], page.spec["layout"]
    if layout == "blogger":
        name = ("Frontier Wire" if lang == "en" else "پرانی یادیں")
        desc = ("News and notes from the northern districts" if lang == "en"
                else "پرانے اخباروں کی خبریں اور تراشے")
        nav = ["Home", "About", "Contact"] if lang == "en" else ["سرورق", "تعارف", "رابطہ"]
        arch = ([f"► {y}" for y in (2026, 2025, 2024)] if lang == "en"
                else ["► 2018", "► 2017", "► 2016", "► 2015"])
        foot = ((["Share", "Newer Post", "Older Post", "Home", "Blog Archive"] if lang == "en"
                 else ["شیئر کریں", "نئی پوسٹ", "پرانی پوسٹ", "سرورق", "بلاگ آرکائیو"])
                + arch + ["Powered by Blogger"])
        b = ['<div class="header"><h1 class="blog-title">' + esc(name) + "</h1>",
             f'<p class="description">{esc(desc)}</p></div>', '<div class="tabs"><ul>']
        b += [f"<li><a>{esc(x)}</a></li>" for x in nav] + ["</ul></div>", '<div class="main">']
        b += story_html(page, "post hentry", "h3")
        b += [f'<div class="post-footer"><span>{esc(foot[0])}</span></div>',
              '<div class="blog-pager">'] + [f"<a>{esc(x)}</a>" for x in foot[1:4]] + ["</div>"]
        b += ["</div>", '<div class="sidebar">'] + list_html(page, "widget PopularPosts", "h2")
        b += [f'<div class="widget BlogArchive"><h2>{esc(foot[4])}</h2><ul>']
        b += [f"<li>{esc(x)}</li>" for x in arch] + ["</ul></div>", "</div>"]
        b += [f'<div class="attribution">{esc(foot[-1])}</div>']
        title = f"{name}: {page.headline}"
        return F12.html_doc(page, title, b), blocks(page, [name, desc] + nav, foot)
    if layout == "medium":
        nav = ["Open in app", "Sign up", "Sign in", "Write"]
        foot = ["Listen", "Share", "Written by Harriet Vance", "Help", "Status", "About",
                "Careers", "Press", "Blog", "Privacy", "Terms", "Text to speech", "Teams"]
        b = ['<div class="metabar">'] + [f"<a>{esc(x)}</a>" for x in nav] + ["</div>"]
        art = story_html(page, "meteredContent")
        b += art[:-1 - len(page.paras)] + ['<div class="pw-multi-vote-count">— —</div>']
        b += [f"<button>{foot[0]}</button>", f"<button>{foot[1]}</button>"]
        b += art[-1 - len(page.paras):]
        b += [f'<div class="author-card"><h2>{esc(foot[2])}</h2></div>']
        b += list_html(page, "more-from", "h2")
        b += ['<footer>'] + [f"<a>{esc(x)}</a>" for x in foot[3:]] + ["</footer>"]
        return F12.html_doc(page, f"{page.headline} | by Harriet Vance | Medium", b), \
            blocks(page, nav, foot)
    if layout == "brief":
        nav = ["Briefly", "All News", "India", "Business", "World", "Politics", "Technology",
               "Science", "Entertainment"]
        foot = ["Download the Briefly app", "Terms & conditions", "Privacy Policies",
                "Contact Us"]
        src = "read more at BBC News"
        b = ['<div class="header">'] + [f"<a>{esc(x)}</a>" for x in nav] + ["</div>",
                                                                              '<div class="cards">']
        art = story_html(page, "news-card open")
        b += art[:-1] + [f'<div class="read-more"><a href="{esc(page.url)}">{esc(src)}</a></div>',
                         "</article>"]
        for i, (t, dt) in enumerate(items(page)):
            b += ['<div class="news-card">', f'<span class="news-card-title">{esc(t)}</span>',
                  f'<div class="news-card-author-time">short by '
                  f'{esc(AUTHORS[(page.k + i + 1) % len(AUTHORS)])} / {esc(dt)}</div>', "</div>"]
        b += ["</div>", "<footer>"] + [f"<a>{esc(x)}</a>" for x in foot] + ["</footer>"]
        return F12.html_doc(page, f"{page.headline} | Briefly", b), \
            blocks(page, nav, foot + [src])
    # site or akhbar: the outlet's own page
    top = []
    if layout == "akhbar":
        top = ['<div class="top-bar">', f'<div class="today">{esc(page.tool[0][0])}</div>',
               '<div class="epaper"><a>ای پیپر</a></div>', '</div>']
    b = top + ['<header><nav><ul>']
    b += [f'<li><a href="/c/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<main class="content">']
    b += story_html(page, "news-detail") + list_html(page, "related") + ["</main>"]
    b += ["<footer>"] + [f"<p>{esc(x)}</p>" for x in page.tail] + ["</footer>"]
    nav = page.head
    return F12.html_doc(page, f"{page.headline} | {spec['site']}", b), \
        blocks(page, nav, page.tail)


def render(page):
    return (html_page if page.spec["fmt"] == "html" else text_page)(page)


# ----------------------------------------------------------------------------- checks

def own_problems(page, text, zone):
    flat, own = F4.flat, page.own
    header = zone[:zone.index(flat(page.paras[0]))]
    if not own:
        probs = [] if not read_own(header) else [f"undated page with a date in {header!r}"]
        if "datetime=" in text or "datePublished" in text:
            probs.append("undated page with a time stamp in its markup")
        return probs
    said, line = flat(page.own_text), flat(own_line(page))
    probs = []
    if read_own(page.own_text) != own:
        probs.append(f"own date text {said!r} reads {read_own(page.own_text)}")
    if zone.count(line) != 1 or line not in header:
        probs.append(f"own date line {line!r} not once in the story's header")
    if read_own(header.replace(said, "")):
        probs.append("another date in the story's header")
    gap = header.index(said) - len(flat(page.headline))
    if not 0 <= gap < 100:
        probs.append(f"own date {gap} characters after the headline")
    if page.spec.get("archive") and not 2013 <= int(own[:4]) <= 2018:
        probs.append("an archive page's own date is not in its body's year")
    if page.spec["fmt"] == "html" and f'datetime="{own}"' not in text:
        probs.append("no time stamp of the own date")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The fourteenth set");
    exits with the failures, else returns a summary line."""
    flat = F4.flat
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    content = f" {content} "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, F12.zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, zone)
        probs += F5.chrome_problems(page, lb, raw, zone, outside, content)
        for ln, iso in page.tool:
            if flat(ln) not in outside or flat(ln) in zone:
                probs.append(f"tool line {ln!r} not on the page outside the story")
            if iso not in lb["chrome_dates"] + [page.own] or read_own(ln) != iso:
                probs.append(f"tool line {ln!r} reads {read_own(ln)}, labelled {iso}")
        for t, dt, _te, iso in page.sidebar:
            if read_own(dt) != iso:
                probs.append(f"list date {dt!r} reads {read_own(dt)}, labelled {iso}")
            if read_own(t):
                probs.append(f"list headline {t!r} reads as a date")
        if page.spec["side"] and not lb["chrome_dates"]:
            probs.append("a dated list without chrome dates")
        if not set(lb["chrome_dates"]) <= {iso for *_, iso in page.sidebar + page.tool}:
            probs.append("a chrome date that is on no chrome line")
        if page.own in lb["chrome_dates"]:
            probs.append("the own date among the chrome dates")
        if read_own(" ".join(page.paras[:1])) and not page.own:
            probs.append("an undated page's lead states a date")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh13", rendered, labels, bad)


def main(shared, out):
    _EXTRA.clear()
    _EXTRA["shared"] = shared
    G.generate_set("fresh13", SITES, SEED_FRESH13, FRESH13_SALT, site_pages, render, page_path,
                   self_check, shared, out, nth=0)
