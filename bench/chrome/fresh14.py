"""The fifteenth set of the chrome bench (`gen.py --set fresh14`, `SET=fresh14 run.sh`): 18 more
sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The fifteenth set" before the
set's held-out run. The design is described in README.md "The fifteenth set"; this docstring
only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
English chrome of two sites from real pages of article-extraction (fresh11.template); rotating
lists of real headlines (gen.rotating_sidebars) with dates in this set's styles (fdate). Site
names, section words, tool lines, footers and all dates but the Reuters years are the
assembly's. Pages are rendered as text or HTML by the site itself or by what saved it; each
generation checks its labels against its pages (self_check) and stops on any mismatch.
"""
import datetime
import re

import fresh as F
import fresh4 as F4
import fresh5 as F5
import fresh9 as F9
import fresh11 as F11
import fresh12 as F12
import fresh13 as F13
import gen as G

SEED_FRESH14 = 20270114
FRESH14_SALT = "khabar-chrome-fresh14"
EN_BASE, UR_BASE = datetime.date(2026, 11, 9), datetime.date(2026, 12, 21)
URDU_NAV14 = ["ہوم", "قومی", "بین الاقوامی", "معیشت", "کھیلوں کی دنیا", "فن و ثقافت", "صحت",
              "سائنس", "خواتین", "بلاگ", "ویڈیو", "لائیو ٹی وی"]
URDU_FOOT14 = ["ہمارے بارے میں", "رازداری کی پالیسی", "اشتہارات کے لیے رابطہ", "ہماری ٹیم",
               "تمام حقوق بحق ادارہ محفوظ ہیں"]

# layout: site (the outlet's own page; tpl: real chrome) | print (the printer-friendly version
#   saved as text: a "printed from" line) | archive (a page capture service's copy of the page:
#   its banner with the capture time) | mailing (an outlet's email newsletter saved as text:
#   mail headers, then the story) | ticker (a TV channel's page: a breaking-news ticker on top)
# own: under | none; half: only even pages state it; meta: how HTML marks the own date
# ostyle / side: date styles of the own line and of the list (None: no list or an undated list)
SITES = [
    dict(site="thedailyherald.com", lang="en", fmt="txt", layout="print", tpl=None,
         body="reuters", own="under", ostyle="en_ordinal", side=None, label=None, n=16),
    dict(site="eastcoast-observer.com", lang="en", fmt="html", layout="archive", tpl=None,
         body="reuters", own="under", ostyle="en_upd_ist", meta="time", side="en_dmy_dash",
         label="Latest News", n=16),
    dict(site="www.newsnation.in", lang="en", fmt="html", layout="site", tpl="www.newsnation.in",
         trim=(24, 4, 30), body="mix", own="under", ostyle="en_pipe", meta="og", side=None,
         label=None, n=16),
    dict(site="harbourpost.co.uk", lang="en", fmt="txt", layout="site", tpl=None, body="bbc",
         own="none", side="en_ordinal_short", label="Most Read", n=16),
    dict(site="riverbend-tribune.com", lang="en", fmt="html", layout="site", tpl=None,
         body="reuters", own="under", ostyle="en_ordinal", meta="jsonld", side="en_dmy_dash",
         label="More Headlines", n=16),
    dict(site="morning-brief-mail", lang="en", fmt="txt", layout="mailing", tpl=None,
         body="reuters", own="under", ostyle="en_by", side="en_ordinal_short",
         label="More from today's brief", n=16),
    dict(site="channel24-news.tv", lang="en", fmt="html", layout="ticker", tpl=None, body="bbc",
         own="none", side="en_ticker", label="Breaking", n=16),
    dict(site="www.sportsnet.ca", lang="en", fmt="txt", layout="site", tpl="www.sportsnet.ca",
         trim=(20, 4, 24), body="mix", own="under", half=True, ostyle="en_iso_slash", side=None,
         label=None, n=16),
    dict(site="lakeside-gazette.com", lang="en", fmt="html", layout="site", tpl=None, body="bbc",
         own="under", ostyle="en_ordinal_short", meta=None, side="en_ordinal_short",
         label="Most Popular", n=16),
    dict(site="kohsar-news.pk", lang="ur", fmt="html", layout="site", tpl=None, body="express",
         own="under", ostyle="ur_slash", meta=None, side=None, label=None, n=16),
    dict(site="naya-din.pk", lang="ur", fmt="txt", layout="site", tpl=None, body="samaa",
         own="none", side="ur_slash", label="اہم ترین", n=16),
    dict(site="khabar-daar.tv", lang="ur", fmt="html", layout="ticker", tpl=None,
         body="express", own="none", side="ur_ticker", label="بریکنگ نیوز", n=16),
    dict(site="chenab-times.pk", lang="ur", fmt="txt", layout="print", tpl=None, body="samaa",
         own="under", ostyle="ur_shaam", side=None, label=None, n=16),
    dict(site="ravi-news.pk", lang="ur", fmt="html", layout="archive", tpl=None, body="express",
         own="under", ostyle="ur_slash", meta="time", side="ur_month_first",
         label="تازہ ترین خبریں", n=16),
    dict(site="paigham-e-subh.pk", lang="ur", fmt="txt", layout="site", tpl=None,
         body="express", own="under", half=True, ostyle="ur_weekday_comma", side=None,
         label=None, n=16),
    dict(site="sindh-akhbar.pk", lang="ur", fmt="html", layout="site", tpl=None, body="samaa",
         own="none", side="ur_digits_slash", label="مزید پڑھیے", n=16),
    dict(site="watan-times.pk", lang="ur", fmt="html", layout="site", tpl=None, body="express",
         own="under", ostyle="ur_shaam", meta="jsonld", side="ur_shaam", label="متعلقہ",
         n=16),
    dict(site="sada-e-haq.pk", lang="ur", fmt="txt", layout="site", tpl=None, body="samaa",
         own="none", side=None, label=None, n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites without a real template
    "thedailyherald.com": (["The Daily Herald", "Print this page", "Close window"],
                          ["© The Daily Herald Company. All rights reserved.",
                           "This copy is for your personal, non-commercial use only."]),
    "eastcoast-observer.com": (["East Coast Observer", "Home", "Local", "State", "Business",
                                "Sports", "Weather", "Obituaries", "Classifieds"],
                               ["About the Observer", "Advertise with us", "Submit a news tip",
                                "Manage your subscription", "© East Coast Observer Media"]),
    "harbourpost.co.uk": (["Harbour Post", "News", "Sport", "What's On", "Property", "Jobs",
                           "Family Notices", "Sign in"],
                          ["Contact the newsdesk", "Complaints and corrections",
                           "Cookie preferences", "Harbour Post is a member of IPSO"]),
    "riverbend-tribune.com": (["Riverbend Tribune", "Subscribe", "Log In", "News", "Politics",
                               "Farm & Ranch", "High School Sports", "Opinion", "Calendar"],
                              ["Riverbend Tribune", "Terms of Use", "Privacy Notice",
                               "Accessibility", "Place a Classified Ad"]),
    "morning-brief-mail": (["View this email in your browser", "THE MORNING BRIEF",
                            "Your five-minute start to the day"],
                           ["You are receiving this because you signed up for The Morning Brief.",
                            "Unsubscribe | Update your preferences | Forward to a friend",
                            "Morning Brief Newsletters, PO Box 4410"]),
    "channel24-news.tv": (["Channel 24 News", "Watch Live", "Top Stories", "Politics",
                           "Crime", "Money", "Weather Alerts", "Schedule"],
                          ["Channel 24 Broadcasting", "Closed captioning",
                           "Public inspection file", "EEO Report", "Contact the station"]),
    "lakeside-gazette.com": (["Lakeside Gazette", "Home", "Community", "Schools", "Lake Life",
                              "Letters", "Events"],
                             ["Send us your news", "Gazette archive search",
                              "Lakeside Gazette, serving the lake towns"]),
}

ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um, uday = G.URDU_MONTHS[d.month - 1], F.URDU_DAYS[d.weekday()]
    part = "صبح" if hour < 12 else ("دوپہر" if hour < 15 else ("شام" if hour < 19 else "رات"))
    return {
        "en_ordinal": lambda: f"{d:%A} {d.day}{ORD.get(d.day, 'th')} {month} {d.year}",
        "en_ordinal_short": lambda: f"{d.day}{ORD.get(d.day, 'th')} {mon} {d.year}",
        "en_upd_ist": lambda: f"Updated: {d.day:02d} {mon} {d.year}, {h12}:{minute:02d} {ampm} "
                              "IST",
        "en_pipe": lambda: f"{mon} {d.day:02d}, {d.year} | {h12:02d}:{minute:02d} {ampm}",
        "en_dmy_dash": lambda: f"{d.day:02d}-{mon}-{d.year}",
        "en_by": lambda: f"{d.day} {month} {d.year}",
        "en_ticker": lambda: f"{hour:02d}:{minute:02d} | {d.day:02d}/{d.month:02d}/{d.year}",
        "en_iso_slash": lambda: f"{d.year}/{d.month:02d}/{d.day:02d} {hour:02d}:{minute:02d}",
        "en_print": lambda: f"{d.day:02d}/{d.month:02d}/{d.year} {hour:02d}:{minute:02d}",
        "archive": lambda: f"{d.day} {mon} {d.year} {hour:02d}:{minute:02d}:{(minute * 7) % 60:02d}"
                           " UTC",
        "mail": lambda: f"{d:%a}, {d.day:02d} {mon} {d.year} {hour:02d}:{minute:02d}:00 +0000",
        "ur_slash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "ur_digits_slash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}".translate(F13.UR_DIGITS),
        "ur_ticker": lambda: f"{d.day:02d} {um} {d.year} | {hour:02d}:{minute:02d}",
        "ur_shaam": lambda: f"{d.day} {um} {d.year}، {part} {h12}:{minute:02d}",
        "ur_month_first": lambda: f"{um} {d.day:02d}, {d.year}",
        "ur_weekday_comma": lambda: f"{uday}، {d.day} {um}، {d.year}",
        "ur_print": lambda: f"پرنٹ کی تاریخ: {d.day:02d}/{d.month:02d}/{d.year}",
    }[style]()


_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_YSLASH = re.compile(r"(?<![\d/])(\d{4})/(\d\d)/(\d\d)(?![\d/])")
_DMON = re.compile(r"(?<![\w-])(\d\d)-([A-Z][a-z]{2})-(\d{4})(?![\d-])")


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: ordinals and "of" dropped,
    then the first of a day-first d/m/yyyy (the order of these outlets' countries), yyyy/mm/dd,
    dd-Mon-yyyy, else fresh13.read_own (month names, ISO and others)."""
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.translate(F9.DIGITS_BACK))
    found = []
    for m in _SLASH.finditer(t):
        found.append((m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _YSLASH.finditer(t):
        found.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _DMON.finditer(t):
        if m.group(2) in F13._MONTH_NUM:
            found.append((m.start(), int(m.group(3)), F13._MONTH_NUM[m.group(2)],
                          int(m.group(1))))
    for _pos, y, mo, d in sorted(found):
        try:
            return datetime.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return F13.read_own(t)


# ----------------------------------------------------------------------------- assembly

AUTHORS = ["Priya Raman", "Declan Moore", "Aisha Bello", "Karl Jensen"]
UR_AUTHORS = ["نمائندہ خصوصی", "سٹاف رپورٹر", "ویب ڈیسک", "نیوز ڈیسک"]


def site_pages(spec, pools, templates, rng):
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH14_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    sidebars = (G.rotating_sidebars(dict(spec, side=spec["side"] or "x"), days, pools,
                                    FRESH14_SALT, lambda s, d, hr, mi: (s, d, hr, mi), 7, 13)
                if spec["label"] is not None else {})
    if spec["tpl"]:
        head, tail = F11.template(spec, templates)
    elif lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV14, URDU_FOOT14, 8)
    else:
        head, tail = EN_CHROME[spec["site"]]
    host = spec["tpl"] or spec["site"]
    pages = []
    seen = F13._EXTRA.setdefault("seen14", set())
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        dated = spec["own"] != "none" and not (spec.get("half") and k % 2)
        while True:  # BBC News 2225 holds some stories twice: a set shows each once; an
            # undated page's lead must not state a day (its reader would date the page by it)
            page = G.later_page(spec, k, day, host, pools, rng, back)
            if page.headline not in seen and page.lead not in seen and (
                    dated or not read_own(page.lead)):
                break
        seen |= {page.headline, page.lead}
        if not dated:
            page.own = ""
        if lang == "en" and page.spec["body"] != "reuters" and not page.own and dated \
                and spec["body"] == "bbc":
            page.date = day - datetime.timedelta(days=back)  # a BBC body: the post's day
            page.hour, page.minute = 7 + k % 12, (k * 13 + 4) % 60
            page.own = page.date.isoformat()
        page.num = (5200000 + 6151 * k + h % 80000) if lang == "en" else 83000 + 377 * k + h % 887
        page.scrape_hour, page.scrape_minute = 5 + (k * 5) % 15, (k * 23 + h) % 60
        page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute) if page.own else ""
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])]
        page.author = (AUTHORS if lang == "en" else UR_AUTHORS)[(k + h) % 4]
        page.url = f"https://{host}/" + ("news" if lang == "en" else "khabar") + \
            f"/{page.num}/{page.slug[:50].rstrip('-')}"
        page.masthead = ""
        page.tool = tool_lines(page, day)
        dates = {iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool}
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def tool_lines(page, day):
    """Lines with a day that the saving tool writes around the story: [(line, ISO)]."""
    layout, lang = page.spec["layout"], page.spec["lang"]
    hr, mi = page.scrape_hour, page.scrape_minute
    if layout == "print":
        ln = (f"Printed from {page.url} on {fdate('en_print', day, hr, mi)}" if lang == "en"
              else fdate("ur_print", day))
        return [(ln, day.isoformat())]
    if layout == "archive":
        return [(fdate("archive", day, hr, mi), day.isoformat())]
    if layout == "mailing":
        return [(f"Date: {fdate('mail', day, 6, 0)}", day.isoformat())]
    return []


def page_path(page):
    spec, layout = page.spec, page.spec["layout"]
    if layout == "print":
        return f"print/{spec['site']}/{page.scrape_day}/print-{page.num}.txt"
    if layout == "mailing":
        return f"mail/morning-brief/{page.scrape_day}/msg-{page.num % 100000:05d}.txt"
    if layout == "archive":
        code = "".join("ABCDEFGHJKLMNPQRSTUVWXYZ"[(page.num >> (5 * i)) % 24] for i in range(5))
        return f"archive.ph/{code}/index.html"
    url = page.url.split("://", 1)[-1]
    return f"{url}.txt" if spec["fmt"] == "txt" else f"{url}/index.html"


# ----------------------------------------------------------------------------- pages

def own_line(page):
    """The own date as its line writes it, with the words the layout puts beside it."""
    site, t = page.spec["site"], page.own_text
    if page.spec["layout"] == "mailing":
        return f"By {page.author} | {t}"
    if site == "riverbend-tribune.com":
        return f"Posted {t}"
    if site == "www.sportsnet.ca":
        return f"Published: {t}"
    if site == "kohsar-news.pk":
        return f"{page.author} - اشاعت: {t}"
    if site == "paigham-e-subh.pk":
        return f"{t} | {page.author}"
    return t


def header_lines(page):
    own = [own_line(page)] if page.own else []
    if page.spec["layout"] == "mailing":
        return own
    if page.spec["lang"] == "en":
        who = "Reuters" if page.spec["body"] != "bbc" and page.own else page.author
        return ([f"By {who}"] if page.spec["site"] != "www.sportsnet.ca" else []) + own
    if page.spec["site"] in ("kohsar-news.pk", "paigham-e-subh.pk"):
        return own
    return [page.author] + own


def items(page):
    return [(t, dt) for t, dt, _te, _iso in page.sidebar]


def blocks(page, nav, foot):
    out = [nav, [page.sidebar_label] if page.sidebar_label else []]
    return out + [[t, dt] if dt else [t] for t, dt in items(page)] + [foot]


def text_page(page):
    layout = page.spec["layout"]
    story = "\n".join([page.headline] + header_lines(page))
    lst = ([page.sidebar_label] + [f"{t} ({dt})" if layout == "mailing" else f"{t}\n{dt}"
                                   for t, dt in items(page)]) if page.sidebar_label else []
    tool = [ln for ln, _iso in page.tool]
    if layout == "mailing":
        hdr = ["From: The Morning Brief <brief@morningbrief-news.com>", tool[0],
               f"Subject: {page.headline}", "To: subscriber@example.net", ""]
        chunks = ["\n".join(hdr + page.head), story] + page.paras + ["\n".join(lst),
                                                                     "\n".join(page.tail)]
        return "\n\n".join(c for c in chunks if c) + "\n", \
            blocks(page, page.head + ["From: The Morning Brief"], page.tail)
    chunks = ["\n".join(page.head), story] + page.paras
    if lst:
        chunks.append("\n\n".join(lst))
    chunks.append("\n".join(page.tail + tool))
    return "\n\n".join(c for c in chunks if c) + "\n", blocks(page, page.head, page.tail)


def story_html(page):
    esc, meta = F.esc, page.spec.get("meta")
    out = ['<div class="story">', f"<h1>{esc(page.headline)}</h1>"]
    for ln in header_lines(page):
        if page.own and ln == own_line(page):
            if meta == "time":
                out.append(f'<p class="date"><time datetime="{page.own}T{page.hour:02d}:'
                           f'{page.minute:02d}:00">{esc(ln)}</time></p>')
            else:
                out.append(f'<p class="date">{esc(ln)}</p>')
        else:
            out.append(f'<p class="author">{esc(ln)}</p>')
    return out + [f"<p>{esc(p)}</p>" for p in page.paras] + ["</div>"]


def list_html(page, cls):
    esc = F.esc
    if not page.sidebar_label:
        return []
    rows = [f'<li><a href="/news/{page.num + 37 * i}">{esc(t)}</a>'
            + (f" <em>{esc(dt)}</em>" if dt else "") + "</li>"
            for i, (t, dt) in enumerate(items(page))]
    return [f'<div class="{cls}">', f"<h4>{esc(page.sidebar_label)}</h4>", "<ul>"] + rows \
        + ["</ul>", "</div>"]


def html_page(page):
    esc, spec, layout = F.esc, page.spec, page.spec["layout"]
    meta = spec.get("meta")
    b = []
    extra_nav = []
    if layout == "archive":
        cap, _ = page.tool[0]
        banner = ["archive.today webpage capture", "Saved from", "search", "All snapshots from host"]
        b += ['<div id="HEADER"><table><tr>', f"<td>{esc(banner[0])}</td>",
              f'<td>{esc(banner[1])} <a href="{esc(page.url)}">{esc(page.url)}</a></td>',
              f'<td><a>{esc(banner[2])}</a></td>', f"<td>{esc(cap)}</td>",
              f'<td><a>{esc(banner[3])} {esc(page.host)}</a></td>', "</tr></table></div>",
              '<div id="CONTENT">']
        extra_nav = banner
    if layout == "ticker":
        b += ['<div class="breaking-ticker">', f'<span class="label">{esc(page.sidebar_label)}'
              "</span>", '<ul class="marquee">']
        b += [f"<li><span>{esc(dt)}</span> <a>{esc(t)}</a></li>" for t, dt in items(page)]
        b += ["</ul>", "</div>"]
    b += ['<div class="site-header"><ul class="menu">']
    b += [f'<li><a href="/s/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></div>", '<div class="page-wrap">']
    b += story_html(page)
    if layout != "ticker":
        b += list_html(page, "more-news")
    b += ["</div>", '<div class="site-footer">'] + [f"<p>{esc(x)}</p>" for x in page.tail]
    b += ["</div>"] + (["</div>"] if layout == "archive" else [])
    text = F12.html_doc(page, f"{page.headline} - {spec['site']}", b)
    if page.own and meta in ("og", "jsonld"):
        stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00+05:00"
        tag = (f'<meta property="article:published_time" content="{stamp}">' if meta == "og"
               else '<script type="application/ld+json">{"@type": "NewsArticle", '
               f'"datePublished": "{stamp}"}}</script>')
        text = text.replace("</head>", tag + "\n</head>", 1)
    return text, blocks(page, page.head + extra_nav, page.tail)


def render(page):
    return (html_page if page.spec["fmt"] == "html" else text_page)(page)


# ----------------------------------------------------------------------------- checks

STAMPS = ("datetime=", "datePublished", "published_time")


def own_problems(page, text, zone):
    flat, own = F4.flat, page.own
    header = zone[:zone.index(flat(page.paras[0]))]
    if not own:
        probs = [] if not read_own(header) else [f"undated page with a date in {header!r}"]
        if any(s in text for s in STAMPS):
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
    meta = page.spec.get("meta")
    if meta and own not in text.split("<body>", 1)[0] + "".join(
            re.findall(r'datetime="([^"]*)"', text)):
        probs.append("no time stamp of the own date")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The fifteenth set"); exits
    with the failures, else returns a summary line."""
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
    return G.set_wide_checks("fresh14", rendered, labels, bad)


def main(shared, out):
    F13._EXTRA.pop("seen14", None)
    G.generate_set("fresh14", SITES, SEED_FRESH14, FRESH14_SALT, site_pages, render, page_path,
                   self_check, shared, out, nth=0)
