"""The seventh set of the chrome bench (`gen.py --set fresh6`, `SET=fresh6 run.sh`): 18 more sites,
held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The seventh set" before the
set's held-out run. The design is described in README.md "The seventh set"; this docstring only
says what the code does.

Each site of SITES is assembled from real text, as in the earlier sets: bodies from
Reuters-21578 (real 1987 dates), BBC News 2225 and urdu-news-ha405 (no dates); English chrome
from the real pages of article-extraction (gen.real_templates: hosts no earlier set used);
rotating sidebars of real headlines (gen.rotating_sidebars) with the dates written in this
set's styles (fdate); Urdu site names, section words, footers, list labels, widget lines and
all dates but the Reuters ones are the assembly's. Pages are rendered as text (text_page) or
HTML (html_page) in the site's frame; each generation checks its labels against its pages
(self_check) and stops on any mismatch.
"""
import datetime
import json
import re

import fresh as F
import fresh4 as F4
import fresh5 as F5
import gen as G

SEED_FRESH6 = 20261212
FRESH6_SALT = "khabar-chrome-fresh6"
EN_BASE, UR_BASE = datetime.date(2025, 10, 13), datetime.date(2025, 11, 3)
URDU_NAV6 = ["مرکزی صفحہ", "ملک بھر سے", "دنیا", "کرکٹ", "فلم و ٹی وی", "معاشی خبریں",
             "صحت و تندرستی", "ٹیکنالوجی", "خواتین", "ادب", "مذہب", "آپ کی رائے"]
URDU_FOOT6 = ["ادارے کے بارے میں", "ہم سے رابطہ کیجیے", "رازداری کی پالیسی", "ملازمتیں",
              "اشتہارات"]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DIGITS_BACK = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
PRAYERS = ["فجر", "ظہر", "عصر", "مغرب", "عشاء"]

# own: how the page states its own date
#   under (a line under the headline and byline) | above (a line above the headline) |
#   after (a line after the last paragraph) | header (in the HTML article header; `time`: as a
#   <time datetime> element) | none
# ostyle: the own date's style (fdate); half: only even pages state it; upd: even pages add a
#   later "modified" line in the style upd (the label is the publication date)
# byline: a byline line beside the own date; rubric: a section word above the headline
# side / label / pos: the sidebar's date style (None: no dates), its heading, before or after
#   the story;  trim: (head lines kept, tail lines dropped) of a template whose real story's
#   byline or tags sit next to its body;  masthead: today's date (the scrape day) at the top
#   of the page, in that style;
#   time_side: the sidebar's dates as <time datetime> elements;  extra: widgets that carry the
#   scrape day (built: a "page generated" line, weather, prayer: prayer times, epaper: today's
#   paper link, archive: a blog archive of months)
# meta (HTML): a <meta> of the published time in the head as well
# layout: gdated (SITE/SECTION/YYYY/mon/DD/) | index (HOST/SECTION/SLUG-K/index.html) | section
#   (SITE/SECTION/) | ymd (HOST/YYYY/MM/ of the own date; HOST/id/ID when none) | archives
#   (SITE/archives/ID.html)
# frame (HTML): semantic | blogger | divs
SITES = [
    dict(site="theguardian.com", lang="en", fmt="txt", layout="gdated", section="business",
         tpl="www.theguardian.com", body="reuters", own="under", ostyle="guardian",
         upd="guardian_mod", byline="Reuters", side=None, label="Most viewed", pos="after",
         masthead="en_mast6", n=16),
    dict(site="wired.com", lang="en", fmt="txt", layout="section", section="story",
         tpl="www.wired.com", trim=(20, 0), body="mix", own="above", ostyle="wired",
         rubric="BUSINESS",
         side="en_short", label="More from WIRED", pos="after", n=16),
    dict(site="deccanherald.com", lang="en", fmt="txt", layout="section", section="business",
         tpl="www.deccanherald.com", body="reuters", own="under", ostyle="dh", side="dh_side",
         label="Latest News", pos="after", n=16),
    dict(site="nypost.com", lang="en", fmt="txt", layout="ymd", tpl="nypost.com",
         body="reuters", own="under", ostyle="nyp", byline="By Reuters", side="nyp",
         label="Recommended", pos="after", n=16),
    dict(site="chron.com", lang="en", fmt="txt", layout="section", section="news/houston-texas",
         tpl="www.chron.com", body="bbc", own="none", side="en_ap_time",
         label="In Case You Missed It",
         pos="before", masthead="en_mast6", extra=("built",), n=16),
    dict(site="telegraph.co.uk", lang="en", fmt="html", layout="index", section="business",
         tpl="www.telegraph.co.uk", body="reuters", own="header", ostyle="telegraph",
         time=True, byline="By Reuters", side=None, label="More stories", pos="after",
         frame="semantic", n=16),
    dict(site="spokesman.com", lang="en", fmt="html", layout="section", section="stories",
         tpl="www.spokesman.com", trim=(30, 2), body="bbc", own="none", side="en_ap_date",
         time_side=True,
         label="Most read", pos="before", frame="semantic", masthead="en_paper",
         extra=("weather",), n=16),
    dict(site="cnbc.com", lang="en", fmt="html", layout="ymd", tpl="www.cnbc.com",
         body="mix", own="header", ostyle="cnbc", upd="cnbc_upd", side="en_rel", time_side=True,
         label="Trending Now", pos="after", frame="divs", n=16),
    dict(site="theverge.com", lang="en", fmt="html", layout="index", section="tech",
         tpl="www.theverge.com", body="reuters", own="header", ostyle="verge", time=True,
         byline="By Reuters", side="verge_side", time_side=True, label="Most Popular", pos="before",
         frame="semantic", n=16),
    dict(site="zdnet.com", lang="en", fmt="html", layout="section", section="article",
         tpl="www.zdnet.com", body="reuters", own="header", ostyle="zdnet", side="zdnet",
         label="Related Stories", pos="after", frame="divs", n=16),
    dict(site="sada-e-haq.pk", lang="ur", fmt="txt", layout="section", section="ur/news",
         tpl=None, body="express", own="under", ostyle="ur_jang", side="ur_jang",
         label="اہم خبریں", pos="after", n=16),
    dict(site="jhalak-news.tv", lang="ur", fmt="txt", layout="section", section="akhbar",
         tpl=None, body="samaa", own="above", ostyle="ur_arabic", side=None,
         label="آج کے کالم", pos="after", masthead="ur_hijri", n=16),
    dict(site="aks-e-khabar.pk", lang="ur", fmt="txt", layout="section", section="taza",
         tpl=None, body="express", own="under", half=True, ostyle="ur_rel_abs",
         side="ur_rel", label="ابھی ابھی", pos="before", n=16),
    dict(site="tarjuman-news.pk", lang="ur", fmt="txt", layout="section", section="pakistan",
         tpl=None, body="samaa", own="after", ostyle="ur_cat", side="ur_digits",
         label="یہ بھی دیکھیں", pos="after", n=16),
    dict(site="hilal-akhbar.pk", lang="ur", fmt="html", layout="ymd", tpl=None,
         body="samaa", own="above", ostyle="ur_blogger", side=None, label="مشہور اشاعتیں",
         pos="after", frame="blogger", extra=("archive",), n=16),
    dict(site="daman-news.pk", lang="ur", fmt="html", layout="section", section="news",
         tpl=None, body="express", own="header", ostyle="ur_rel", time=True, side="ur_rel",
         label="مقبول ترین", pos="after", frame="divs", n=16),
    dict(site="chingari-news.tv", lang="ur", fmt="html", layout="archives", tpl=None,
         body="samaa", own="header", ostyle="ur_wp", half=True, meta=True, side="ur_wp",
         label="حالیہ پوسٹس", pos="after", frame="semantic", n=16),
    dict(site="payam-e-subh.pk", lang="ur", fmt="html", layout="section",
         section="latest-news", tpl=None, body="express", own="none", side="ur_digits",
         label="خبریں ایک نظر میں", pos="after", frame="divs", masthead="ur_mast6",
         extra=("prayer", "epaper"), n=16),
]


def ago(d, scrape, hour, lang):
    """How a page written on scrape day `scrape` says when day d was: hours or days ago."""
    days = (scrape - d).days
    if lang == "ur":
        return f"{(hour % 9) + 2} گھنٹے قبل" if days == 0 else f"{days} دن قبل"
    if days == 0:
        return f"{(hour % 9) + 2} hours ago"
    return "1 day ago" if days == 1 else f"{days} days ago"


def fdate(style, d, hour=9, minute=15, scrape=None):
    """Date text in this set's styles (scrape: the page's scrape day, for relative ones)."""
    month = G.MONTHS[d.month - 1]
    mon = month[:3]
    h12, ampm = (hour % 12) or 12, "am" if hour < 12 else "pm"
    umonth = G.URDU_MONTHS[d.month - 1]
    uday = F.URDU_DAYS[d.weekday()]
    pst = (hour - 8) % 24
    styles = {
        "guardian": lambda: f"{d:%a} {d.day} {mon} {d.year} {hour:02d}.{minute:02d} GMT",
        "guardian_mod": lambda: (f"Last modified on {d:%a} {d.day} {mon} {d.year} "
                                 f"{hour:02d}.{minute:02d} GMT"),
        "en_mast6": lambda: f"{d:%A} {d.day} {month} {d.year}",
        "wired": lambda: (f"{d.month:02d}.{d.day:02d}.{d.year} {h12:02d}:{minute:02d} "
                          f"{ampm.upper()}"),
        "en_short": lambda: f"{mon} {d.day}, {d.year}",
        "dh": lambda: f"Last Updated : {d.day:02d} {month} {d.year}, {hour:02d}:{minute:02d} IST",
        "dh_side": lambda: f"{d.day:02d} {month} {d.year}, {hour:02d}:{minute:02d} IST",
        "nyp": lambda: f"{month} {d.day}, {d.year} | {h12}:{minute:02d}{ampm}",
        "en_ap_time": lambda: (f"{mon}{'.' if len(month) > 4 else ''} {d.day}, {d.year} "
                               f"{h12}:{minute:02d} {ampm[0]}.m."),
        "en_ap_date": lambda: f"{mon}{'.' if len(month) > 4 else ''} {d.day}, {d.year}",
        "en_paper": lambda: f"Today's paper: {d:%A}, {mon}. {d.day}, {d.year}",
        "telegraph": lambda: f"{d.day} {month} {d.year} • {h12}:{minute:02d}{ampm}",
        "cnbc": lambda: f"Published {d:%a}, {mon} {d.day} {d.year} {h12}:{minute:02d} "
                        f"{ampm.upper()} EST",
        "cnbc_upd": lambda: f"Updated {d:%a}, {mon} {d.day} {d.year} {h12}:{minute:02d} "
                            f"{ampm.upper()} EST",
        "en_rel": lambda: ago(d, scrape, hour, "en"),
        "verge": lambda: f"{mon} {d.day}, {d.year}, {h12}:{minute:02d}{ampm} EST",
        "verge_side": lambda: f"{mon} {d.day}",
        "zdnet": lambda: (f"By Reuters | {month} {d.day}, {d.year} -- {hour:02d}:{minute:02d} "
                          f"GMT ({(pst % 12) or 12}:{minute:02d} "
                          f"{'AM' if pst < 12 else 'PM'} PST) | Topic: Markets"),
        "ur_jang": lambda: f"{d.day:02d} {umonth} ، {d.year}",
        "ur_arabic": lambda: f"{uday} {d.day} {umonth} {d.year}ء".translate(ARABIC_INDIC),
        "ur_hijri": lambda: (f"{F4.hijri(d)[0]} {F4.HIJRI_MONTHS[F4.hijri(d)[1] - 1]} "
                             f"{F4.hijri(d)[2]}ھ / {d.day} {umonth} {d.year}ء"),
        "ur_rel_abs": lambda: f"شائع شدہ: {ago(d, scrape, hour, 'ur')} — {d.day} {umonth} {d.year}",
        "ur_rel": lambda: ago(d, scrape, hour, "ur"),
        "ur_cat": lambda: f"زمرہ: پاکستان | {d.day} {umonth} {d.year}".translate(G.URDU_DIGITS),
        "ur_blogger": lambda: f"{uday}، {d.day} {umonth}، {d.year}",
        "ur_wp": lambda: f"{umonth} {d.day:02d}, {d.year}",
        "ur_mast6": lambda: f"{uday}، {d.day} {umonth} {d.year}".translate(G.URDU_DIGITS),
    }
    if style in styles:
        return styles[style]()
    return G.fmt_date(style, d, hour, minute)


def read_own(text, scrape, month_first=False):
    """The date an own-date text states (ISO, or ""), read apart from fdate: digits of any
    script to ASCII; a dotted numeric date (month first where the site writes it so); a day
    or a month name either side of the other and the first 4-digit year after "/" when a Hijri
    date leads; else "N hours/days ago" (قبل) from the scrape day."""
    t = text.translate(DIGITS_BACK)
    t = t.split(" / ", 1)[-1]
    dot = re.search(r"\b(\d\d)\.(\d\d)\.(\d{4})\b", t)
    if dot:
        a, b, y = dot.groups()
        return f"{y}-{a}-{b}" if month_first else f"{y}-{b}-{a}"
    found = F4.read_own(t.replace(" ،", "،").replace("،", " "))
    if found:
        return found
    rel = re.search(r"(\d+) (دن|days?|hours?|گھنٹے) (قبل|ago)", t)
    if rel:
        days = int(rel.group(1)) if rel.group(2) in ("دن", "day", "days") else 0
        return (scrape - datetime.timedelta(days=days)).isoformat()
    return ""


# ----------------------------------------------------------------------------- assembly

def site_pages(spec, pools, templates, rng):
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH6_SALT)
    ndays = 3 + h % 4
    base = EN_BASE if lang == "en" else UR_BASE
    days = [base + datetime.timedelta(days=i + i // 2) for i in range(ndays)]
    sidebars = G.rotating_sidebars(dict(spec, side=spec["side"] or "en_short"), days, pools,
                                   FRESH6_SALT, lambda s, d, hr, mi: (s, d, hr, mi), 6, 23)
    if spec["tpl"]:
        head, tail = (F5.undated_lines(x) for x in templates[spec["tpl"]])
        keep, skip = spec.get("trim", (30, 0))
        head, tail = head[:keep], tail[skip:skip + 40]
    else:
        head, tail = G.urdu_template(spec, rng, URDU_NAV6, URDU_FOOT6, 6)
        tail = tail[:-1] + [f"© {UR_BASE.year} {head[0]} - جملہ حقوق محفوظ ہیں"]
    host = spec["tpl"] or spec["site"]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        page = G.later_page(spec, k, day, host, pools, rng, (k * 3 + k // ndays) % 4)
        if page.own:
            page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute, day)
            if spec.get("upd") and k % 2 == 0:
                later = page.date + datetime.timedelta(days=1 + k % 3)
                page.upd_text = fdate(spec["upd"], later, 7 + k % 5, (page.minute + 11) % 60)
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"]
        page.sidebar = [(t, fdate(spec["side"], *args[1:], scrape=day) if spec["side"] else "",
                         te, iso) for t, args, te, iso in sidebars[day]]
        page.masthead = fdate(spec["masthead"], day) if spec.get("masthead") else ""
        page.extra = extra_lines(spec, day, h)
        dates = {iso for *_, iso in page.sidebar if spec["side"]}
        dates |= {page.scrape_day} if page.masthead or page.extra else set()
        page.chrome_dates = sorted(dates - {page.own})
        page.num = (70000 + 97 * k + h % 9000) if lang == "en" else getattr(page, "rid", k)
        d = page.date if page.own else day
        page.url = {"gdated": f"https://{host}/{spec.get('section')}/{d.year}/"
                              f"{d:%b}".lower() + f"/{d.day:02d}/{page.slug}",
                    "index": f"https://{host}/{spec.get('section')}/{page.slug}/",
                    "section": f"https://{host}/{spec.get('section')}/{page.slug}-{page.num}",
                    "ymd": f"https://{host}/{d:%Y/%m}/{page.slug}.html" if page.own
                           else f"https://{host}/id/{page.num}",
                    "archives": f"https://{host}/archives/{page.num}"}[spec["layout"]]
        pages.append(page)
    return pages


def extra_lines(spec, day, h):
    """The lines of the widgets that carry the scrape day (spec["extra"])."""
    out = []
    for kind in spec.get("extra", ()):
        if kind == "built":
            out.append(f"Page generated {day:%a %b %d %Y} 0{h % 6}:{h % 50 + 10}:0{h % 9}")
        elif kind == "weather":
            out.append(f"Spokane weather: {40 + h % 20}°F, partly cloudy · {day:%b}. {day.day}")
        elif kind == "prayer":
            times = ["5:0", "12:1", "3:3", "5:2", "6:4"]
            out.append(f"اوقات نماز (کراچی) {day.day} {G.URDU_MONTHS[day.month - 1]} {day.year}: "
                       .translate(G.URDU_DIGITS)
                       + " · ".join(f"{p} {t}{(day.day + i) % 10}".translate(G.URDU_DIGITS)
                                    for i, (p, t) in enumerate(zip(PRAYERS, times))))
        elif kind == "epaper":
            out.append(f"آج کا اخبار — ای پیپر {day.day} {G.URDU_MONTHS[day.month - 1]} "
                       f"{day.year}")
        elif kind == "archive":
            out += [f"▼ {day.year} ({40 + h % 30})",
                    f"▼ {G.URDU_MONTHS[day.month - 1]} ({10 + day.day % 7})",
                    f"► {G.URDU_MONTHS[day.month - 2]} ({20 + h % 9})"]
    return out


def page_path(page):
    spec = page.spec
    ext = "html" if spec["fmt"] == "html" else "txt"
    d = page.date if page.own else datetime.date.fromisoformat(page.scrape_day)
    sec = spec.get("section")
    return {"gdated": f"{spec['site']}/{sec}/{d.year}/{d:%b}".lower() + f"/{d.day:02d}/"
                      f"{page.slug}.{ext}",
            "index": f"{page.host}/{sec}/{page.slug}-{page.k}/index.{ext}",
            "section": f"{spec['site']}/{sec}/{page.slug}-{page.num}.{ext}",
            "ymd": f"{page.host}/{d:%Y/%m}/{page.slug}-{page.k:02d}.{ext}" if page.own
                   else f"{page.host}/id/{page.num}.{ext}",
            "archives": f"{spec['site']}/archives/{page.num}.{ext}"}[spec["layout"]]


def item_line(item):
    """A sidebar item as one text line: its headline, and its date after a separator."""
    t, dt, _te, _ = item
    return f"{t} | {dt}" if dt else t


def chrome_blocks(page, extra_nav):
    """[nav, label, item..., tail] for the phrase choice (the widgets count as items)."""
    items = [[item_line(it)] + ([it[2]] if it[2] else []) for it in page.sidebar]
    items += [[ln] for ln in page.extra]
    return [extra_nav + page.head, [page.spec["label"]]] + items + [page.tail]


# ----------------------------------------------------------------------------- text pages

def story_lines(page):
    """The story's lines as the page shows them, from the first line of its header to the own
    date after its last paragraph: (lines before the headline, the header, the paragraphs)."""
    spec, own = page.spec, page.spec["own"]
    above = [x for x in (spec.get("rubric"), page.own_text if own == "above" else "") if x]
    header = [page.headline] + ([spec["byline"]] if spec.get("byline") else [])
    if own == "under" and page.own_text:
        header.append(page.own_text)
    if getattr(page, "upd_text", ""):
        header.append(page.upd_text)
    paras = page.paras + ([page.own_text] if own == "after" and page.own_text else [])
    return above, header, paras


def text_page(page):
    spec = page.spec
    above, header, paras = story_lines(page)
    top = ([page.masthead] if page.masthead else []) + page.head
    side = [spec["label"]] + [ln for it in page.sidebar
                              for ln in [item_line(it)] + ([it[2]] if it[2] else [])]
    chunks = ["\n".join(top)] if top else []
    if spec["pos"] == "before":
        chunks.append("\n".join(side))
    chunks += ["\n".join(above + header)] + paras
    if spec["pos"] == "after":
        chunks.append("\n".join(side))
    chunks.append("\n".join(page.tail + page.extra))
    return "\n\n".join(chunks) + "\n", chrome_blocks(page, [])


# ----------------------------------------------------------------------------- HTML pages

def sidebar_html(page):
    esc, spec = F.esc, page.spec
    rows = []
    for i, (t, dt, te, iso) in enumerate(page.sidebar):
        date = ""
        if dt:
            date = (f'<time datetime="{iso}">{esc(dt)}</time>' if spec.get("time_side")
                    else f'<span class="meta">{esc(dt)}</span>')
        dek = f"<p>{esc(te)}</p>" if te else ""
        rows.append(f'<li><a href="/a/{i}">{esc(t)}</a> {date}{dek}</li>')
    extra = [f'<div class="widget">{esc(ln)}</div>' for ln in page.extra]
    if spec["frame"] == "blogger":
        return (['<div class="sidebar section" id="sidebar">',
                 f'<div class="widget PopularPosts"><h2 class="title">{esc(spec["label"])}'
                 "</h2>", "<ul>"] + rows + ["</ul>", "</div>",
                '<div class="widget BlogArchive"><h2>بلاگ آرکائیو</h2>'] + extra
                + ["</div>", "</div>"])
    tag = "aside" if spec["frame"] == "semantic" else "div"
    return ([f'<{tag} class="sidebar rail">', f'<h2 class="rail-title">{esc(spec["label"])}</h2>',
             "<ol>"] + rows + ["</ol>"] + extra + [f"</{tag}>"])


def own_html(page):
    """The article header's date line (own header): a <time> or a span, and the update."""
    esc, spec = F.esc, page.spec
    out = []
    if page.own_text:
        stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00"
        inner = (f'<time datetime="{stamp}">{esc(page.own_text)}</time>' if spec.get("time")
                 else f'<span class="published">{esc(page.own_text)}</span>')
        by = f'<span class="author">{esc(spec["byline"])}</span> ' if spec.get("byline") else ""
        out.append(f'<div class="byline">{by}{inner}</div>')
    if getattr(page, "upd_text", ""):
        out.append(f'<div class="updated">{esc(page.upd_text)}</div>')
    return out


def html_page(page):
    esc, spec = F.esc, page.spec
    lang, own, name = spec["lang"], spec["own"], spec["site"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>', "<head>", '<meta charset="utf-8">',
            f"<title>{esc(page.headline)} | {esc(name)}</title>",
            f'<link rel="canonical" href="{esc(page.url)}">']
    if spec.get("meta") and page.own:
        head.append(f'<meta property="article:published_time" content="{page.own}T'
                    f'{page.hour:02d}:{page.minute:02d}:00+05:00">')
    head.append("</head>")
    blog = spec["frame"] == "blogger"
    site_h = "header" if spec["frame"] == "semantic" else "div"
    b = ["<body>", f'<{site_h} class="site-header">']
    if page.masthead:
        b.append(f'<div class="dateline-bar">{esc(page.masthead)}</div>')
    b.append(f'<a class="logo" href="/">{esc(name)}</a>')
    b += ['<nav class="nav"><ul>'] + [f'<li><a href="/c/{i}">{esc(ln)}</a></li>'
                                      for i, ln in enumerate(page.head)] + ["</ul></nav>",
                                                                            f"</{site_h}>"]
    b.append('<div class="main-wrap">')
    if spec["pos"] == "before":
        b += sidebar_html(page)
    if blog:  # Blogger: the date header above the post, the title as h3
        b += ['<div class="date-outer">', f'<h2 class="date-header"><span>{esc(page.own_text)}'
              "</span></h2>", '<div class="post hentry">',
              f'<h3 class="post-title entry-title">{esc(page.headline)}</h3>',
              '<div class="post-body entry-content">']
    else:
        b += ['<article class="article">', '<div class="article-header">',
              f"<h1>{esc(page.headline)}</h1>"] + own_html(page) + ["</div>",
                                                                  '<div class="article-body">']
    b += [f"<p>{esc(p)}</p>" for p in page.paras]
    b += ["</div>", "</div>", "</div>"] if blog else ["</div>", "</article>"]
    if spec["pos"] == "after":
        b += sidebar_html(page)
    b.append("</div>")
    foot = "footer" if spec["frame"] == "semantic" else "div"
    b += [f'<{foot} class="site-footer">'] + [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b += [f"</{foot}>", "</body>", "</html>"]
    assert own in ("header", "above", "none")
    return "\n".join(head + b) + "\n", chrome_blocks(page, [name])


# ----------------------------------------------------------------------------- checks

def zone_of(page, raw):
    """(start, end) of the story in a page's flattened visible text: from its first header line
    (the headline, or what stands above it) to its last paragraph or the date line after it."""
    flat = F4.flat
    above, _header, paras = story_lines(page)
    first = flat((above or [page.headline])[0])
    start = raw.index(first)
    if page.spec["fmt"] == "html" and first == flat(page.headline):  # the <title> comes first
        start = raw.index(first, start + 1)
    last = flat(paras[-1])
    return start, raw.index(last, start) + len(last)


def own_problems(page, text, zone, months_first):
    """What is wrong with a page's own date as written (an empty list when nothing)."""
    flat, own, spec = F4.flat, page.own, page.spec
    if not own:
        found = [k for k in ("published_time", "datePublished") if k in text]
        found += ["<time"] * ("<time" in text and not spec.get("time_side"))
        return [f"undated page with {found}"] if found else []
    said = flat(page.own_text)
    scrape = datetime.date.fromisoformat(page.scrape_day)
    probs = []
    if read_own(page.own_text, scrape, spec["ostyle"] == "wired") != own:
        probs.append(f"own date text {said!r} reads {read_own(page.own_text, scrape)}")
    if zone.count(said) != 1:
        probs.append(f"own date text {said!r} not once in the story")
    head = zone.index(flat(page.headline))
    where = spec["own"]
    if where == "above" and not 0 < head - zone.index(said) - len(said) < 40:
        probs.append("own date not right above the headline")
    if where in ("under", "header"):
        gap = zone.index(said) - head - len(flat(page.headline))
        probs += [] if 0 <= gap < 40 else [f"own date {gap} characters after the headline"]
    if where == "after" and not zone.endswith(said):
        probs.append("own date not right after the last paragraph")
    if spec.get("time") and f'datetime="{own}T' not in text:
        probs.append("no <time datetime> of the own date")
    if spec["ostyle"] == "wired" and months_first < 3:
        probs.append("the site's month-first dates show fewer than 3 days above 12")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The seventh set"); exits
    with the failures, else returns a summary line."""
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    content = f" {content} "
    months_first = {}
    for page, *_ in rendered:
        if page.own and page.date.day > 12:
            months_first[page.spec["site"]] = months_first.get(page.spec["site"], 0) + 1
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, zone, months_first.get(page.spec["site"], 0))
        probs += F5.chrome_problems(page, lb, raw, zone, outside, content)
        for ln in page.extra:
            if F4.flat(ln) not in outside or page.scrape_day not in lb["chrome_dates"] + [
                    page.own]:
                probs.append(f"widget line {ln!r} not in the chrome or not labelled")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh6", rendered, labels, bad)


def main(shared, out):
    G.generate_set("fresh6", SITES, SEED_FRESH6, FRESH6_SALT, site_pages,
                   lambda page: (html_page if page.spec["fmt"] == "html" else text_page)(page),
                   page_path, self_check, shared, out)
