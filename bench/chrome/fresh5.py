"""The sixth set of the chrome bench (`gen.py --set fresh5`, `SET=fresh5 run.sh`): 18 more sites,
held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The sixth set" before the
set's held-out run. The design is described in README.md "The sixth set"; this docstring only
says what the code does.

Each site of SITES is assembled from real text, as in the earlier sets: bodies from
Reuters-21578 (real 1987 dates), BBC News 2225 and urdu-news-ha405 (no dates); English chrome
from the real pages of article-extraction (gen.real_templates with nth=1: the second page of
hosts that have two); rotating sidebars of real
headlines (gen.rotating_sidebars) with the dates written in this set's styles (fdate); Urdu
site names, section words, footers, list labels, cookie / newsletter / share lines and all
dates but the Reuters ones are the assembly's. Pages are rendered as text (text_page) or HTML
(html_page) in the site's frame; each generation checks its labels against its pages
(self_check) and stops on any mismatch.
"""
import datetime
import json
import re

import fresh as F
import fresh4 as F4
import gen as G
import metrics as M

SEED_FRESH5 = 20261211
FRESH5_SALT = "khabar-chrome-fresh5"
EN_BASE, UR_BASE = datetime.date(2025, 3, 30), datetime.date(2025, 4, 4)
URDU_NAV5 = ["ہوم پیج", "قومی خبریں", "بین الاقوامی امور", "کھیلوں کی دنیا", "شو بزنس", "تجارت",
             "تعلیم و تحقیق", "ٹیک", "موسم کا حال", "کالم نگار", "فوٹو گیلری", "لائف اسٹائل"]
URDU_FOOT5 = ["ہمارا تعارف", "رابطہ فارم", "پرائیویسی نوٹس", "شرائط و ضوابط", "اشتہار کے نرخ"]
UR_DIGITS_BACK = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")

# chrome lines that are neither template nor sidebar (the assembly's wording of common widgets)
WIDGETS = {
    "en": dict(
        cookie="We use cookies to personalise content and ads and to analyse our traffic. "
               "By continuing to browse you agree to our cookie policy. Accept",
        newsletter="Sign up for our Morning Briefing newsletter and get the day's top stories "
                   "delivered to your inbox",
        share="Share this story: Facebook · Twitter · LinkedIn · WhatsApp · Email",
        tags="Tags:", photo="Photo: REUTERS/File"),
    "ur": dict(
        cookie="یہ ویب سائٹ آپ کے تجربے کو بہتر بنانے کے لیے کوکیز استعمال کرتی ہے۔ منظور ہے",
        newsletter="روزانہ کی اہم خبریں اپنے ای میل پر حاصل کرنے کے لیے ہمارا نیوز لیٹر "
                   "سبسکرائب کریں",
        share="اس خبر کو شیئر کریں: فیس بک · ٹوئٹر · واٹس ایپ · ای میل",
        tags="ٹیگز:", photo="فائل فوٹو"),
}
TAG_WORDS = {"en": ["Markets", "Economy", "Wall Street", "Commodities", "Trade"],
             "ur": ["پاکستان", "سیاست", "معیشت", "عدالت", "حکومت"]}
WP_META = ["Log in", "Entries feed", "Comments feed", "WordPress.org"]

# own: front (YAML front matter "date:" line, text) | under (a line under the headline, text) |
#   after (a line after the last paragraph, text) | header (in the article's header, HTML) |
#   foot (after the paragraphs inside the article element, HTML) | meta (head <meta> only) |
#   amp (JSON-LD in an AMP page's head, and a visible byline when ostyle is set) | none
# ostyle: the own date's style (fdate); half: only even pages state it; upd: even pages add an
#   "Updated" time the day after (the label is the publication date)
# side / label / pos: the rotating sidebar's date style (None: its items carry no date), its
#   heading, before or after the story
# tside (text items): lines | bullet | inline;  markup (HTML sidebar): video | cmt | wp |
#   carousel | col
# layout: extracted (a flat folder of two sites' text) | deep (SITE/DEEP/) | print
#   (SITE/print/ID.txt) | titled (SITE/TITLE - SITE.ext) | query (HOST/SCRIPT?ID.html) | amp
#   (SITE/amp/) | downloads (a flat folder of two sites' HTML)
# trim: (head lines kept, tail lines dropped) of a template whose real story's byline or
#   credits sit next to its body
# frame (HTML): semantic | wp | amp | divs;  widgets: masthead (today's date in the header),
#   cookie, newsletter, share, tags, photo
SITES = [
    dict(site="citizensvoice.com", lang="en", fmt="txt", layout="extracted",
         tpl="hosted.ap.org", trim=(8, 1), host="www.citizensvoice.com", body="mix", own="front",
         ostyle="iso", side="ap", label="Local Headlines", pos="after", tside="lines", n=16),
    dict(site="sfgate.com", lang="en", fmt="txt", layout="deep", deep="news/local",
         tpl="www.sfgate.com", body="bbc", own="none", side="cmt", label="Most Commented",
         pos="after", tside="lines", masthead="en_mast", cookie=True, n=16),
    dict(site="washingtonexaminer.com", lang="en", fmt="txt", layout="print",
         tpl="www.washingtonexaminer.com", body="mix", own="after", ostyle="wp_posted",
         side="us_wd_nc", label="Columnists", pos="after", tside="lines", share=True,
         masthead="en_mast", n=16),
    dict(site="latimes.com", lang="en", fmt="txt", layout="titled", tpl="www.latimes.com",
         body="reuters", own="under", ostyle="pub_ap", upd=True, side=None,
         label="Popular Right Now", pos="after", tside="bullet", newsletter=True, n=16),
    dict(site="9to5mac.com", lang="en", fmt="txt", layout="deep", deep="en/news",
         tpl="9to5mac.com", body="mix", own="under", ostyle="n9_by", side="n9",
         label="Top Picks", pos="before", tside="inline", n=16),
    dict(site="foxnews.com", lang="en", fmt="html", layout="deep", deep="business/markets",
         tpl="www.foxnews.com", trim=(None, 2), body="reuters", own="meta", side="us",
         label="Video", pos="after", markup="video", frame="semantic", tags=True,
         masthead="en_mast", n=16),
    dict(site="msn.com", lang="en", fmt="html", layout="amp", tpl="www.msn.com", body="mix",
         own="amp", ostyle="us", side="us_num", label="More For You", pos="after",
         markup="carousel", frame="amp", photo=True, n=16),
    dict(site="mysanantonio.com", lang="en", fmt="html", layout="titled",
         tpl="www.mysanantonio.com", body="bbc", own="none", side="en_time",
         label="In Other News", pos="before", markup="col", frame="divs",
         masthead="en_mast", cookie=True, newsletter=True, n=16),
    dict(site="theantijunecleaver.com", lang="en", fmt="html", layout="query",
         script="index.php?p=", tpl="theantijunecleaver.com", body="reuters", own="foot",
         ostyle="wp_posted", side="us", label="From the Blog", pos="after", markup="wp",
         frame="wp", n=16),
    dict(site="slashgear.com", lang="en", fmt="html", layout="downloads",
         tpl="www.slashgear.com", body="reuters", own="header", ostyle="sg", side=None,
         label="Editors' Choice", pos="after", markup="cmt", frame="semantic", share=True,
         cookie=True, n=16),
    dict(site="chaupal-news.pk", lang="ur", fmt="txt", layout="extracted", tpl=None,
         body="samaa", own="front", ostyle="iso", side="ur", label="سب سے زیادہ شیئر کی گئی",
         pos="after", tside="lines", n=16),
    dict(site="jamhoor-news.pk", lang="ur", fmt="txt", layout="deep", deep="ur/news", tpl=None,
         body="express", own="under", ostyle="ur_yeh", side="ur_yeh", label="ہماری پسند",
         pos="after", tside="bullet", share=True, cookie=True, n=16),
    dict(site="dhanak-news.tv", lang="ur", fmt="txt", layout="deep", deep="khabrein",
         tpl=None, body="samaa", own="none", side="ur_mfirst", label="ٹرینڈنگ", pos="before",
         tside="lines", masthead="ur_mast", n=16),
    dict(site="zarb-e-qalam.pk", lang="ur", fmt="txt", layout="titled", tpl=None,
         body="express", own="under", half=True, ostyle="ur_upd_dot", side="ur_dot",
         label="بلاگز", pos="after", tside="inline", cookie=True, n=16),
    dict(site="sangat-akhbar.pk", lang="ur", fmt="html", layout="query", script="news.php?id=",
         tpl=None, body="samaa", own="foot", half=True, ostyle="ur_after", side="ur_digits",
         label="متعلقہ ویڈیوز", pos="after", markup="video", frame="semantic", n=16),
    dict(site="intikhab-news.pk", lang="ur", fmt="html", layout="amp", tpl=None,
         body="express", own="amp", side="ur_cmt", label="سب سے زیادہ تبصرے", pos="after",
         markup="carousel", frame="amp", tags=True, n=16),
    dict(site="rozan-news.tv", lang="ur", fmt="html", layout="deep", deep="ur/pakistan/punjab",
         tpl=None, body="samaa", own="none", side="ur_mfirst", label="اسی موضوع پر",
         pos="after", markup="cmt", frame="divs", masthead="ur_mast_digits", newsletter=True,
         n=16),
    dict(site="badban-times.pk", lang="ur", fmt="html", layout="downloads", tpl=None,
         body="express", own="header", half=True, ostyle="ur_subh", side="ur", label="نئی پوسٹس",
         pos="before", markup="col", frame="divs", share=True, n=16),
]


def urdu_yeh(text):
    """Urdu with the Arabic yeh (ي) for the Farsi yeh (ی), as some Urdu sites write month names."""
    return text.replace("ی", "ي")


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles (the earlier sets' through fresh4.fdate and gen.fmt_date);
    hour and minute also give a sidebar item's comment count."""
    month = G.MONTHS[d.month - 1]
    mon = month[:3]
    h12, ampm = (hour % 12) or 12, "am" if hour < 12 else "pm"
    umonth = G.URDU_MONTHS[d.month - 1]
    urdu = f"{d.day} {umonth} {d.year}"
    uday = F.URDU_DAYS[d.weekday()]
    count = (hour * 37 + minute) % 180 + 2
    styles = {
        "iso": lambda: d.isoformat(),
        "cmt": lambda: f"{mon} {d.day}, {d.year} · {count} comments",
        "wp_posted": lambda: (f"This entry was posted on {d:%A}, {month} {F.ordinal(d.day)}, "
                              f"{d.year} at {h12}:{minute:02d} {ampm}"),
        "pub_ap": lambda: (f"Published {mon}. {d.day}, {d.year} at {h12}:{minute:02d} "
                           f"{ampm[0]}.m."),
        "upd_ap": lambda: f"Updated {mon}. {d.day}, {d.year} at {h12}:{minute:02d} {ampm[0]}.m.",
        "n9_by": lambda: (f"Reuters Staff - {mon}. {F.ordinal(d.day)} {d.year} "
                          f"{h12}:{minute:02d} {ampm} ET"),
        "n9": lambda: f"{mon}. {F.ordinal(d.day)} {d.year} {h12}:{minute:02d} {ampm} PT",
        "us_num": lambda: f"{d.month}/{d.day}/{d.year}",
        "en_time": lambda: f"{mon} {d.day}, {d.year} {h12}:{minute:02d} {ampm.upper()}",
        "en_mast": lambda: f"{d:%A}, {month} {d.day}, {d.year}",
        "sg": lambda: f"Reuters - {mon} {d.day}, {d.year}, {h12}:{minute:02d} {ampm} CST",
        "ur_yeh": lambda: urdu_yeh(urdu),
        "ur_mfirst": lambda: f"{umonth} {d.day}، {d.year}",
        "ur_upd_dot": lambda: (f"آخری اپ ڈیٹ: {d.day:02d}.{d.month:02d}.{d.year} "
                               f"{hour:02d}:{minute:02d}"),
        "ur_dot": lambda: f"{d.day:02d}.{d.month:02d}.{d.year}",
        "ur_subh": lambda: (f"{uday} {urdu}، {h12}:{minute:02d} "
                            f"{'صبح' if hour < 12 else 'شام'}"),
        "ur_cmt": lambda: f"{urdu} · {count} تبصرے".translate(G.URDU_DIGITS),
        "ur_after": lambda: f"شائع: {urdu}",
        "ur_mast": lambda: (f"{uday} {urdu} — {F4.hijri(d)[0]} "
                            f"{F4.HIJRI_MONTHS[F4.hijri(d)[1] - 1]} {F4.hijri(d)[2]}ھ"),
        "ur_mast_digits": lambda: f"{uday} {urdu}".translate(G.URDU_DIGITS),
    }
    if style in styles:
        return styles[style]()
    if style == "us_wd_nc":
        return F4.fdate(style, d, hour, minute)
    return G.fmt_date(style, d, hour, minute)


def read_own(text):
    """The date an own-date text states (ISO, or ""), read apart from fdate: ISO, day-first
    dotted, else fresh4.read_own after ordinals, Urdu digits and the Arabic yeh are undone."""
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace("ي", "ی")
    t = t.translate(UR_DIGITS_BACK)
    iso = re.search(r"\b(\d{4})-(\d\d)-(\d\d)\b", t)
    if iso:
        return iso.group(0)
    dot = re.search(r"\b(\d\d)\.(\d\d)\.(\d{4})\b", t)
    if dot:
        return f"{dot.group(3)}-{dot.group(2)}-{dot.group(1)}"
    return F4.read_own(t)


# ----------------------------------------------------------------------------- assembly

NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")


def undated_lines(lines):
    """A template's lines without those holding a numeric date (gen.real_templates drops the
    ones with a month name or a year)."""
    return [ln for ln in lines if not NUMERIC_DATE.search(ln)]


def site_pages(spec, pools, templates, rng):
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH5_SALT)
    ndays = 3 + h % 4
    base = EN_BASE if lang == "en" else UR_BASE
    days = [base + datetime.timedelta(days=i) for i in range(ndays)]
    sidebars = G.rotating_sidebars(dict(spec, side=spec["side"] or "us"), days, pools,
                                   FRESH5_SALT, fdate, 7, 17)
    if spec["tpl"]:
        keep, skip = spec.get("trim", (None, 0))
        head, tail = (undated_lines(x) for x in templates[spec["tpl"]])
        head, tail = head[:keep], tail[skip:]
    else:
        head, tail = G.urdu_template(spec, rng, URDU_NAV5, URDU_FOOT5, 7)
        tail = tail[:-1] + [f"کاپی رائٹ © {head[0]} — تمام حقوق محفوظ ہیں"]
    host = spec.get("host") or spec["tpl"] or spec["site"]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        page = G.later_page(spec, k, day, host, pools, rng, (k + k // ndays) % 3)
        if page.own and spec.get("ostyle"):
            page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute)
            if spec.get("upd") and k % 2 == 0:
                later = page.date + datetime.timedelta(days=1)
                page.own_text += " | " + fdate("upd_ap", later, 8, page.minute)
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"]
        # a sidebar without dates (side None): the same headlines, no date line
        page.sidebar = [(t, dt if spec["side"] else "", te, iso)
                        for t, dt, te, iso in sidebars[day]]
        page.masthead = fdate(spec["masthead"], day) if spec.get("masthead") else ""
        dates = {iso for *_, iso in page.sidebar if spec["side"]}
        dates |= {page.scrape_day} if page.masthead else set()
        page.chrome_dates = sorted(dates - {page.own})
        page.num = 20000 + 53 * k + h % 7000 if lang == "en" else getattr(page, "rid", k)
        if spec["layout"] == "query":
            page.url = f"https://{host}/{spec['script']}{page.num}"
        elif lang == "ur":
            page.url = f"https://{host}/news/{page.num}/{page.slug}"
        else:
            page.url = f"https://{host}/{spec.get('deep', 'news')}/{page.slug}-{k}"
        pages.append(page)
    return pages


def saved_name(page):
    """A file name from the page's title, as a browser's "Save Page As" writes it."""
    title = re.sub(r'[/\\:*?"<>|]+', "_", page.headline).strip(" .")[:90]
    return f"{title} - {page.spec['site']}"


def page_path(page):
    spec = page.spec
    ext = "html" if spec["fmt"] == "html" else "txt"
    name = f"{page.slug}-{page.k:02d}.{ext}"
    site = spec["site"]
    return {"extracted": f"extracted/{name}", "deep": f"{site}/{spec.get('deep')}/{name}",
            "print": f"{site}/print/{page.num}.{ext}",
            "titled": f"{site}/{saved_name(page)}.{ext}",
            "query": f"{page.host}/{spec.get('script')}{page.num}.{ext}",
            "amp": f"{site}/amp/{name}", "downloads": f"downloads/{name}"}[spec["layout"]]


# ----------------------------------------------------------------------------- text pages

def item_lines(spec, item):
    """A sidebar item's lines (text pages), without its teaser."""
    t, dt, _te, _ = item
    shape = spec.get("tside", "lines")
    if shape == "inline":
        return [f"{t} — {dt}" if dt else t]
    if shape == "bullet":
        return [f"• {t}"] + ([dt] if dt else [])
    return [t] + ([dt] if dt else [])


def widget_lines(page):
    """The widget lines of a page: (place, line) with place top | story_end | bottom."""
    spec, w = page.spec, WIDGETS[page.spec["lang"]]
    out = []
    if spec.get("cookie"):
        out.append(("top", w["cookie"]))
    if spec.get("share"):
        out.append(("story_end", w["share"]))
    if spec.get("newsletter"):
        out.append(("bottom", w["newsletter"]))
    return out


def chrome_blocks(page, extra_nav):
    """[nav, label, item..., tail] for the phrase choice: the widgets' lines count as items."""
    spec = page.spec
    items = [item_lines(spec, it) + ([it[2]] if it[2] else []) for it in page.sidebar]
    items += [[line] for _, line in widget_lines(page)]
    if spec.get("frame") == "wp":
        items.append(WP_META)
    return [extra_nav + page.head, [spec["label"]]] + items + [page.tail]


def front_matter(page):
    spec = page.spec
    lines = ["---", f"title: {json.dumps(page.headline, ensure_ascii=False)}",
             f"url: {page.url}", f"hostname: {page.host}", f"sitename: {spec['site']}"]
    if page.own_text:
        lines.append(f"date: {page.own_text}")
    return "\n".join(lines + ["---"])


def side_text(page):
    spec = page.spec
    lines = [spec["label"]]
    for it in page.sidebar:
        lines += item_lines(spec, it) + ([it[2]] if it[2] else [])
    sep = "\n\n" if G.site_hash(spec["site"] + FRESH5_SALT) % 2 else "\n"
    return sep.join(lines)


def text_page(page):
    spec, own = page.spec, page.spec["own"]
    widgets = widget_lines(page)
    chunks = [front_matter(page)] if own == "front" else []
    chunks += [line for place, line in widgets if place == "top"]
    top = ([page.masthead] if page.masthead else []) + page.head
    if top:
        chunks.append("\n".join(top))
    if spec["pos"] == "before":
        chunks.append(side_text(page))
    story = [page.headline] + ([page.own_text] if page.own_text and own == "under" else [])
    chunks.append("\n".join(story))
    chunks += page.paras
    if page.own_text and own == "after":
        chunks.append(page.own_text + ".")
    chunks += [line for place, line in widgets if place == "story_end"]
    if spec["pos"] == "after":
        chunks.append(side_text(page))
    chunks += [line for place, line in widgets if place == "bottom"]
    if page.tail:
        chunks.append("\n".join(page.tail))
    return "\n\n".join(chunks) + "\n", chrome_blocks(page, [])


# ----------------------------------------------------------------------------- HTML pages

def sidebar_html(page):
    """The rotating sidebar in the site's markup."""
    esc, spec = F.esc, page.spec
    label, m = esc(spec["label"]), spec["markup"]

    def teaser(te):
        return f'<p class="dek">{esc(te)}</p>' if te else ""
    rows = []
    for i, (t, dt, te, _iso) in enumerate(page.sidebar):
        link = f'<a href="/r/{i}">{esc(t)}</a>'
        date = f' <span class="date">{esc(dt)}</span>' if dt else ""
        rows.append({
            "video": f'<li class="video-item"><span class="duration">{1 + i % 4}:{7 * i + 10}'
                     f"</span> {link}{date}{teaser(te)}</li>",
            "cmt": f"<li>{link}{date}{teaser(te)}</li>",
            "wp": f"<li>{link}{date}</li>",
            "carousel": f'<div class="slide">{link}{date}{teaser(te)}</div>',
            "col": f'<div class="side-item"><h4>{link}</h4>{date}{teaser(te)}</div>',
        }[m])
    if m == "wp":  # WordPress's default widgets: Recent Posts with dates, then Meta
        return (['<div id="sidebar" role="complementary">', "<ul>", '<li class="widget">',
                 f"<h2>{label}</h2>", "<ul>"] + rows + ["</ul>", "</li>",
                '<li class="widget"><h2>Meta</h2><ul>']
                + [f'<li><a href="/m/{i}">{x}</a></li>' for i, x in enumerate(WP_META)]
                + ["</ul></li>", "</ul>", "</div>"])
    if m == "carousel":
        return ['<section class="related">', f"<h2>{label}</h2>",
                '<amp-carousel type="carousel" layout="fixed-height" height="260">'] + rows + \
            ["</amp-carousel>", "</section>"]
    if m == "col":
        return ['<div class="sidebar-column">', f'<div class="side-title">{label}</div>'] + \
            rows + ["</div>"]
    kind = "related-video" if m == "video" else "most-commented"
    return [f'<aside class="{kind}">', f"<h3>{label}</h3>", "<ul>"] + rows + ["</ul>", "</aside>"]


def html_head(page):
    esc, spec = F.esc, page.spec
    lang, own = spec["lang"], spec["own"]
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00+00:00" if page.own else ""
    amp = spec["frame"] == "amp"
    rtl = ' dir="rtl"' if lang == "ur" else ""
    h = [f'<!doctype html>\n<html {"⚡ " if amp else ""}lang="{lang}"{rtl}>', "<head>",
         '<meta charset="utf-8">', f"<title>{esc(page.headline)} - {esc(spec['site'])}</title>",
         f'<link rel="canonical" href="{esc(page.url)}">',
         f'<meta property="og:url" content="{esc(page.url)}">']
    if amp:
        h += ['<script async src="https://cdn.ampproject.org/v0.js"></script>',
              '<script async custom-element="amp-carousel" '
              'src="https://cdn.ampproject.org/v0/amp-carousel-0.1.js"></script>',
              "<style amp-boilerplate>body{visibility:hidden}</style>"]
    if page.own and own == "meta":
        h.append(f'<meta name="parsely-pub-date" content="{stamp}">')
        h.append(f'<meta name="sailthru.date" content="{page.own} {page.hour:02d}:'
                 f'{page.minute:02d}:00">')
    if page.own and own == "amp":
        ld = {"@context": "http://schema.org", "@type": "NewsArticle",
              "mainEntityOfPage": page.url, "headline": page.headline, "datePublished": stamp,
              "publisher": {"@type": "Organization", "name": spec["site"]}}
        h.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False)
                 + "</script>")
    return h + ["</head>"]


def frame_tags(frame):
    """(site header, main, article, article header, footer) open tags of a page frame; each
    closes with the same element name."""
    return {"semantic": ("header", "main", "article", "header", "footer"),
            "amp": ("header", "main", "article", "header", "footer"),
            "wp": ("div", "div", "div", "div", "div"),
            "divs": ("div", "div", "div", "div", "div")}[frame]


def html_page(page):
    esc, spec = F.esc, page.spec
    own, name, w = spec["own"], spec["site"], WIDGETS[spec["lang"]]
    site_h, main, art, art_h, foot = frame_tags(spec["frame"])
    b = ["<body>", f'<{site_h} id="masthead" class="site-header">']
    if page.masthead:
        b.append(f'<div class="top-bar"><span class="today">{esc(page.masthead)}</span></div>')
    b.append(f'<div class="site-title"><a href="/">{esc(name)}</a></div>')
    b += ['<ul class="menu">'] + [f'<li><a href="/s/{i}">{esc(ln)}</a></li>'
                                  for i, ln in enumerate(page.head)] + ["</ul>", f"</{site_h}>"]
    b.append(f'<{main} id="content" class="site-main">')
    side = sidebar_html(page)
    if spec["pos"] == "before":
        b += side
    b += [f'<{art} class="post story">', f'<{art_h} class="entry-header">',
          f'<h1 class="entry-title">{esc(page.headline)}</h1>']
    if page.own_text and own in ("header", "amp"):
        by = "" if own == "header" else "By Reuters · "
        b.append(f'<div class="byline">{by}<span class="post-date">{esc(page.own_text)}'
                 "</span></div>")
    b.append(f"</{art_h}>")
    if spec.get("photo") and page.own:
        b.append(f'<figure class="lead-photo"><img src="/img/{page.k}.jpg" alt="">'
                 f'<figcaption>{esc(w["photo"])}</figcaption></figure>')
    b.append('<div class="entry-content">')
    b += [f"<p>{esc(p)}</p>" for p in page.paras]
    b.append("</div>")
    if page.own_text and own == "foot":
        b.append(f'<p class="postmetadata"><small>{esc(page.own_text)}'
                 + (" and is filed under Business." if spec["lang"] == "en" else "")
                 + "</small></p>")
    if spec.get("tags"):
        b.append(f'<div class="tags">{esc(w["tags"])} ' + " ".join(
            f'<a href="/t/{i}">{esc(x)}</a>' for i, x in enumerate(TAG_WORDS[spec["lang"]]))
            + "</div>")
    b += [f'<div class="share-bar">{esc(line)}</div>' for place, line in widget_lines(page)
          if place == "story_end"]
    b.append(f"</{art}>")
    if spec["pos"] == "after":
        b += side
    b += [f'<div class="newsletter-box"><p>{esc(line)}</p><form><input type="email">'
          "<button>Sign up</button></form></div>" for place, line in widget_lines(page)
          if place == "bottom"]
    b += [f"</{main}>", f'<{foot} id="colophon" class="site-footer">']
    b += [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b.append(f"</{foot}>")
    b += [f'<div class="cookie-notice"><p>{esc(line)}</p></div>'
          for place, line in widget_lines(page) if place == "top"]
    b += ["</body>", "</html>"]
    return "\n".join(html_head(page) + b) + "\n", chrome_blocks(page, [name])


# ----------------------------------------------------------------------------- checks

def story_span(page, raw):
    """(start, end) of the story in a page's flattened visible text: from its headline (the
    front matter, when the date is there) to its last paragraph or the date line after it."""
    flat = F4.flat
    headline = flat(page.headline)
    start = raw.index(headline)
    if page.spec["fmt"] == "html":  # the <title> comes first
        start = raw.index(headline, start + 1)
    if page.spec["own"] == "front":  # after the front matter (its title line)
        start = raw.index(headline, front_end(raw))
    last = flat(page.paras[-1])
    end = raw.index(last, start) + len(last)
    if page.own_text and page.spec["own"] in ("after", "foot"):
        end = raw.index(flat(page.own_text), end) + len(flat(page.own_text))
    return start, end


def front_end(raw):
    """Where the front matter of a page's flattened text ends (0: it has none)."""
    return raw.index(" ---", 3) + 4 if raw.startswith("---") else 0


def own_problems(page, text, zone):
    """What is wrong with a page's own date as written (an empty list when nothing)."""
    flat, own, where = F4.flat, page.own, page.spec["own"]
    meta_keys = ("datePublished", "parsely-pub-date", "sailthru.date", "published_time")
    if not own:
        found = [k for k in meta_keys if k in text] + ["<time"] * ("<time" in zone)
        return [f"undated page with {found}"] if found or "\ndate: " in text else []
    if not page.own_text:
        ok = own in text and any(k in text for k in meta_keys)
        return [] if ok else [f"own date {own} in no metadata"]
    said = flat(page.own_text)
    probs = []
    if read_own(page.own_text) != own:
        probs.append(f"own date text {said!r} reads {read_own(page.own_text)}, not {own}")
    if where == "front":  # the date: line of the front matter, and nowhere in the story
        head = F4.flat(text)[:front_end(F4.flat(text))]
        if head.count(f" date: {said} ") != 1 or said in zone:
            probs.append(f"front matter date {said!r} not once in the front matter")
    elif zone.count(said) != 1:
        probs.append(f"own date text {said!r} not once in the story")
    elif where in ("under", "header", "amp"):
        gap = zone.index(said) - zone.index(flat(page.headline)) - len(flat(page.headline))
        probs += [f"own date {gap} characters after the headline"] if not 0 <= gap < 40 else []
    elif where in ("after", "foot") and not zone.endswith(said):
        probs.append("own date not right after the last paragraph")
    return probs


def chrome_problems(page, lb, raw, zone, outside, content):
    """Sidebar and masthead dates outside the story and labelled; phrases on the page, in no
    content of the set and outside the story; the lead query from the lead and headline."""
    flat = F4.flat
    probs = []
    for t, dt, _te, iso in page.sidebar:
        if dt and (flat(dt) not in outside or iso not in lb["chrome_dates"] + [page.own]):
            probs.append(f"sidebar date {dt!r} not in the chrome or not labelled")
        if flat(t) in zone or (dt and flat(dt) in zone.replace(flat(page.own_text or "\0"), "")):
            probs.append(f"sidebar item {t!r} inside the story")
    if page.masthead and (flat(page.masthead) not in outside
                          or page.scrape_day not in lb["chrome_dates"] + [page.own]):
        probs.append("masthead date not in the chrome or not labelled")
    words = " " + " ".join(M.tokenize(raw)) + " "
    zone_words = " " + " ".join(M.tokenize(zone)) + " "
    for ph in lb["chrome_phrases"]:
        if f" {ph} " not in words or f" {ph} " in zone_words or f" {ph} " in content:
            probs.append(f"phrase {ph!r}: not on the page, inside the story or in content")
    if not lb["chrome_phrases"]:
        probs.append("no chrome phrase")
    lead = set(G.content_words(page.lead + " " + page.headline, page.spec["lang"]))
    if not set(lb["lead_query"].split()) <= lead:
        probs.append("lead query words not in its lead and headline")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The sixth set"); exits with
    the failures, else returns a summary line."""
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " " + " | ".join(" ".join(M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                               for p, *_ in rendered) + " "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, story_span):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, zone)
        probs += chrome_problems(page, lb, raw, zone, outside, content)
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh5", rendered, labels, bad)


def main(shared, out):
    G.generate_set("fresh5", SITES, SEED_FRESH5, FRESH5_SALT, site_pages,
                   lambda page: (html_page if page.spec["fmt"] == "html" else text_page)(page),
                   page_path, self_check, shared, out, nth=1)
