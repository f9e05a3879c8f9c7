"""The thirteenth set of the chrome bench (`gen.py --set fresh12`, `SET=fresh12 run.sh`): 18 more
sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirteenth set" before the
set's held-out run. The design is described in README.md "The thirteenth set"; this docstring
only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from makhzan-urdu (IBC Urdu news, read from the
archive at generation time and never written into the repository; only documents that neither
the eleventh nor the twelfth set could show as bodies) and the urdu-news-ha405 CSVs (Express,
Samaa); English chrome of two sites from real pages of article-extraction whose hosts no earlier
set took (gen.real_templates); rotating lists of real headlines (gen.rotating_sidebars) with
dates in this set's styles (fdate). Site names, section words, tool lines, footers and all dates
but the Reuters and makhzan years are the assembly's. Pages are rendered as text or HTML, some
inside what a feed reader, a note-taking export, a mail client, a browser's reader mode or a
blogging platform writes around them; each generation checks its labels against its pages
(self_check) and stops on any mismatch.
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
import gen as G

SEED_FRESH12 = 20261231
FRESH12_SALT = "khabar-chrome-fresh12"
EN_BASE, UR_BASE = datetime.date(2026, 10, 13), datetime.date(2026, 12, 2)
URDU_NAV12 = ["ہوم", "تازہ ترین", "قومی", "بین الاقوامی", "شہر شہر", "معیشت", "کھیلوں کی دنیا",
              "فن و ثقافت", "سائنس", "خواتین", "بلاگ", "آراء", "ویڈیوز"]
URDU_FOOT12 = ["ہم سے رابطہ کریں", "ہماری ٹیم", "پرائیویسی پالیسی", "ضابطہ اخلاق",
               "اشتہارات کے لیے"]

# layout: what writes the page: rss (a feed reader's list view, saved from the browser, the open
#   entry among the others) | evernote (a note-taking app's HTML export of a web clip) | mail (a
#   newsletter saved as text by a mail client) | ghost (a Ghost blog) | reader (a browser's
#   reader mode, saved) | lite (a news site's text-only edition) | substack (a newsletter
#   platform's post page) | site (the site's own page) | wp (a WordPress news theme)
# own: under (a line under the headline) | none; ostyle: its style; half: only even pages state
#   it; archive: the own date is in the makhzan body's real year
# body: reuters | bbc | mix (a third BBC) | makhzan | express | samaa
# side / label: the list's date style and heading (None: no list)
# tpl / trim: template host and (head lines kept, tail lines skipped, tail lines kept)
SITES = [
    dict(site="freshrss-home", lang="en", fmt="html", layout="rss", tpl=None, body="bbc",
         own="under", ostyle="rss_at", side="rss_at", label="BBC News - World", n=16),
    dict(site="evernote-clips", lang="en", fmt="html", layout="evernote", tpl=None,
         body="reuters", own="under", ostyle="reuters_at", side=None, label=None, n=16),
    dict(site="morningwire-mail", lang="en", fmt="txt", layout="mail", tpl=None, body="bbc",
         own="none", side="wday_dmy", label="MORE HEADLINES", n=16),
    dict(site="northgate-dispatch.com", lang="en", fmt="html", layout="ghost", tpl=None,
         body="reuters", own="under", ostyle="ghost", side="ghost", label="You might also like",
         n=16),
    dict(site="reader-view-en", lang="en", fmt="html", layout="reader", tpl=None, body="mix",
         own="under", ostyle="bbc_dmy", side=None, label=None, n=16),
    dict(site="text.metrowire.org", lang="en", fmt="txt", layout="lite", tpl=None,
         body="reuters", own="under", ostyle="npr_text", side=None, label=None, n=16),
    dict(site="theledgerletter.substack.com", lang="en", fmt="html", layout="substack",
         tpl=None, body="bbc", own="under", ostyle="substack", side="substack",
         label="More from The Ledger Letter", n=16),
    dict(site="hosted.ap.org", lang="en", fmt="txt", layout="site", tpl="hosted.ap.org",
         trim=(10, 28, 5), body="bbc", own="none", side="iso_time", label="Top Stories", n=16),
    dict(site="spacenews.com", lang="en", fmt="html", layout="site", tpl="spacenews.com",
         trim=(23, 3, 14), body="mix", own="under", ostyle="dmy_comma_time",
         side="dmy_comma_time", label="Most Read", n=16),
    dict(site="shehr-awaz.pk", lang="ur", fmt="html", layout="wp", tpl=None, body="express",
         own="under", ostyle="ur_wp_mdy", side="ur_wp_mdy", label="آپ کو یہ بھی پسند آ سکتا ہے",
         n=16),
    dict(site="freshrss-urdu", lang="ur", fmt="html", layout="rss", tpl=None, body="samaa",
         own="under", ostyle="rss_at", side="rss_at", label="سماء اردو", n=16),
    dict(site="subh-e-nau-mail", lang="ur", fmt="txt", layout="mail", tpl=None,
         body="makhzan", own="none", side="ur_plain", label="مزید سرخیاں", n=16),
    dict(site="evernote-urdu", lang="ur", fmt="html", layout="evernote", tpl=None,
         body="makhzan", own="under", archive=True, ostyle="dots", side=None, label=None, n=16),
    dict(site="reader-view-ur", lang="ur", fmt="html", layout="reader", tpl=None,
         body="makhzan", own="none", side=None, label=None, n=16),
    dict(site="lite.sada-pakistan.pk", lang="ur", fmt="txt", layout="lite", tpl=None,
         body="express", own="under", half=True, ostyle="ur_update", side=None, label=None,
         n=16),
    dict(site="rozan-e-khabar.pk", lang="ur", fmt="txt", layout="wp", tpl=None, body="samaa",
         own="under", ostyle="ur_wp_mdy", side="ur_wp_mdy", label="متعلقہ خبریں", n=16),
    dict(site="qalam-o-qirtas.pk", lang="ur", fmt="html", layout="ghost", tpl=None,
         body="makhzan", own="under", ostyle="ur_plain", side="ur_plain", label="مزید پڑھیں",
         n=16),
    dict(site="sach-tak.pk", lang="ur", fmt="txt", layout="site", tpl=None, body="makhzan",
         own="none", side="iso", label="اہم ترین", n=16),
]


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um = G.URDU_MONTHS[d.month - 1]
    return {
        "rss_at": lambda: f"{d.day} {month} {d.year} at {hour:02d}:{minute:02d}",
        "reuters_at": lambda: f"{month} {d.day}, {d.year} at {h12}:{minute:02d} {ampm} EST",
        "evernote": lambda: f"{d.month}/{d.day}/{d.year} {h12}:{minute:02d} {ampm}",
        "outlook": lambda: f"{d:%A}, {month} {d.day}, {d.year} {h12}:{minute:02d} {ampm}",
        "wday_dmy": lambda: f"{d:%a} {d.day} {mon} {d.year}",
        "ghost": lambda: f"{mon} {d.day}, {d.year}",
        "bbc_dmy": lambda: f"{d.day} {month} {d.year}",
        "npr_text": lambda: f"{d:%A}, {month} {d.day}, {d.year} • {h12}:{minute:02d} {ampm} EST",
        "substack": lambda: f"{mon} {d.day:02d}, {d.year}",
        "iso_time": lambda: f"{d.isoformat()} {hour:02d}:{minute:02d}",
        "iso": lambda: d.isoformat(),
        "dmy_comma_time": lambda: f"{d.day} {mon}, {d.year} {hour:02d}:{minute:02d}",
        "ur_wp_mdy": lambda: f"{um} {d.day}, {d.year}",
        "ur_wp_top": lambda: f"{F.URDU_DAYS[d.weekday()]}, {um} {d.day}, {d.year}",
        "ur_plain": lambda: f"{d.day} {um} {d.year}",
        "dots": lambda: f"{d.day:02d}.{d.month:02d}.{d.year}",
        "ur_update": lambda: f"اپ ڈیٹ {d.day:02d} {um} {d.year} {h12}:{minute:02d}{ampm.lower()}",
    }[style]()


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: a US m/d/Y with a time, a
    dotted dd.mm.yyyy, else fresh9.read_own (ISO, day-first numeric dates, month names with a
    4-digit year)."""
    t = text.translate(F9.DIGITS_BACK)
    m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4}) \d{1,2}:\d\d [AaPp][Mm]\b", t)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat()
    m = re.search(r"\b(\d\d)\.(\d\d)\.(\d{4})\b", t)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    return F9.read_own(t)


# ----------------------------------------------------------------------------- sources

class Extra:
    """This set's makhzan bodies: documents after the 200 that the twelfth set drew from (it and
    the eleventh set's shuffles are replayed), shuffled with this set's seed."""

    def __init__(self, shared):
        rng10 = random.Random(F10.SEED_FRESH10 + 1)
        docs = F10.makhzan_docs(shared)
        rng10.shuffle(docs)
        rest = docs[160:]
        rng11 = random.Random(F11.SEED_FRESH11 + 1)
        rng11.shuffle(rest)
        mine = rest[200:]
        random.Random(SEED_FRESH12 + 1).shuffle(mine)
        self.makhzan = mine


_EXTRA = {}


# ----------------------------------------------------------------------------- assembly

def site_pages(spec, pools, templates, rng):
    if "x" not in _EXTRA:
        _EXTRA["x"] = Extra(_EXTRA["shared"])
    extra = _EXTRA["x"]
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH12_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    sidebars = (G.rotating_sidebars(spec, days, pools, FRESH12_SALT,
                                    lambda s, d, hr, mi: (s, d, hr, mi), 7, 13)
                if spec["label"] else {})
    if spec["tpl"]:
        head, tail = F11.template(spec, templates)
    elif lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV12, URDU_FOOT12, 7)
    else:
        head, tail = [], []
    host = spec["tpl"] or spec["site"]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        if spec["body"] == "makhzan":
            page = F10.urdu_page(spec, k, day, host, extra, back)
        else:
            page = G.later_page(spec, k, day, host, pools, rng, back)
        if page.spec["body"] == "bbc" and spec["own"] != "none":  # the post's or the feed's day
            page.date = day - datetime.timedelta(days=back)
            page.hour, page.minute = 6 + k % 12, (k * 13 + 4) % 60
            page.own = page.date.isoformat()
        if spec["body"] == "mix" and page.k % 3 == 2:
            page.own = ""
        page.num = (7300000 + 5113 * k + h % 90000) if lang == "en" else 52000 + 617 * k + h % 997
        page.scrape_hour, page.scrape_minute = 5 + (k * 5) % 15, (k * 23 + h) % 60
        page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute) if page.own else ""
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]), None, iso)
                        for t, args, _te, iso in sidebars.get(day, [])]
        page.url = url_of(page, spec, host)
        page.masthead = ""
        page.tool = tool_lines(page, day, k)
        dates = {iso for *_, iso in page.sidebar} | {iso for _ln, iso in page.tool}
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def tool_lines(page, day, k):
    """Lines with a day that the tool or theme writes around the story: [(line, ISO)]."""
    layout, lang = page.spec["layout"], page.spec["lang"]
    hr, mi = page.scrape_hour, page.scrape_minute
    if layout == "evernote":
        made = day - datetime.timedelta(days=1 + k % 3)
        return [(f"Created: {fdate('evernote', made, hr, mi)}", made.isoformat()),
                (f"Updated: {fdate('evernote', day, hr, (mi + 7) % 60)}", day.isoformat())]
    if layout == "mail":
        return [(f"Sent: {fdate('outlook', day, 6, 2 + k % 9)}", day.isoformat())]
    if layout == "wp":
        return [(fdate("ur_wp_top", day), day.isoformat())]
    return []


def url_of(page, spec, host):
    num, slug, lang = page.num, page.slug[:60].rstrip("-"), spec["lang"]
    layout = spec["layout"]
    if layout == "rss":
        return (f"https://www.bbc.co.uk/news/world-{num}" if lang == "en"
                else f"https://urdu.samaa.tv/news/{num}/")
    if layout == "evernote":
        return (f"https://www.reuters.com/article/{slug}-id{num}" if lang == "en"
                else f"https://www.ibcurdu.com/news/{num}/")
    if layout == "reader":
        return (f"https://www.reuters.com/article/{slug}-id{num}" if lang == "en"
                else f"https://www.ibcurdu.com/news/{num}/")
    if layout == "mail":
        return ""
    if layout in ("ghost", "substack"):
        return f"https://{host}/{'p/' if layout == 'substack' else ''}{slug if lang == 'en' else num}/"
    if layout == "lite":
        return f"https://{host}/{'nx' if lang == 'en' else 'lite'}/{num}"
    if layout == "wp":
        return f"https://{host}/{num}/"
    return (f"https://{host}/dynamic/stories/{slug}" if host == "hosted.ap.org"
            else f"https://{host}/{slug}/" if lang == "en" else f"https://{host}/news/{num}")


def page_path(page):
    spec, url = page.spec, page.url.split("://", 1)[-1].rstrip("/")
    layout, lang = spec["layout"], spec["lang"]
    day = datetime.date.fromisoformat(page.scrape_day)
    if layout == "rss":
        return f"rss-reader/{spec['site']}/{day.isoformat()}/entry-{page.num}.html"
    if layout == "evernote":
        book = "News clips" if lang == "en" else "Urdu clips"
        return f"evernote-export/{book}/{page.slug if lang == 'en' else page.num}.html"
    if layout == "mail":
        name = "Morning Wire" if lang == "en" else "Subh-e-Nau"
        return f"mail/{name}/{day.isoformat()} {name} - Issue {400 + page.k}.txt"
    if layout == "reader":
        return f"reader-view/{lang}/{page.slug if lang == 'en' else page.num}.html"
    if layout in ("ghost", "wp") and spec["fmt"] == "html":
        return f"{url}/index.html"
    return f"{url}.{'html' if spec['fmt'] == 'html' else 'txt'}"


# ----------------------------------------------------------------------------- pages

def source_name(page):
    if page.spec["layout"] == "rss":
        return page.spec["label"]
    return "Reuters" if page.spec["lang"] == "en" else "ویب ڈیسک"


def minutes(page):
    words = len(" ".join(page.paras).split())
    return max(1, words // 220)


def own_line(page):
    """The own date as its line writes it, with the words the layout puts beside it."""
    layout, lang = page.spec["layout"], page.spec["lang"]
    if layout == "rss":
        return f"{source_name(page)} · {page.own_text}"
    if layout == "ghost":
        return (f"{page.own_text} • {minutes(page)} min read" if lang == "en"
                else f"{page.own_text} • {minutes(page)} منٹ کا مطالعہ")
    return page.own_text


def byline(page):
    layout, lang = page.spec["layout"], page.spec["lang"]
    if layout == "lite" and lang == "en":
        return "By Reuters"
    if layout == "substack":
        return "Maya Ellery"
    if layout == "wp":
        return "ویب ڈیسک"
    if layout == "reader":
        return ("Reuters" if lang == "en" else "آئی بی سی اردو") + (
            f" {minutes(page)}–{minutes(page) + 1} minutes" if lang == "en"
            else f" {minutes(page)}–{minutes(page) + 1} منٹ")
    return ""


def story_lines(page):
    """The story: the headline, the byline, the own-date line, the paragraphs."""
    out = [page.headline]
    if byline(page):
        out.append(byline(page))
    if page.own:
        out.append(own_line(page))
    return out, page.paras


def items(page):
    return [(t, dt) for t, dt, _te, _iso in page.sidebar]


def chrome_blocks(page, nav, foot):
    label = page.sidebar_label and page.spec["layout"] != "rss"  # a feed reader: the feed's name
    blocks = [nav, [page.sidebar_label] if label else []]  # is on the open entry too
    blocks += [[t, dt] for t, dt in items(page)]
    return blocks + [foot]


# --- text pages

def text_page(page):
    spec, lang = page.spec, page.spec["lang"]
    layout = spec["layout"]
    head, paras = story_lines(page)
    list_block = [page.sidebar_label] + [x for it in items(page) for x in it] \
        if page.sidebar_label else []
    if layout == "mail":
        name = "Morning Wire" if lang == "en" else "صبح نو"
        hdr = ([f"From: {name} <newsletter@morningwire.news>" if lang == "en"
                else f"From: {name} <khabarnama@subh-e-nau.pk>", page.tool[0][0],
                "To: reader.desk@inbox.example", f"Subject: {name} | Issue {400 + page.k}"])
        intro = (["View this email in your browser", "TODAY'S TOP STORY"] if lang == "en"
                 else ["یہ ای میل براؤزر میں دیکھیں", "آج کی اہم خبر"])
        foot = (["You are receiving this email because you signed up for Morning Wire.",
                 "Unsubscribe | Update your preferences | Forward to a friend"] if lang == "en"
                else ["آپ کو یہ ای میل اس لیے موصول ہوئی کہ آپ نے صبح نو کے خبرنامے کے لیے "
                      "اندراج کیا تھا۔", "رکنیت ختم کریں | ترجیحات تبدیل کریں"])
        body = []
        for p in paras:
            body += textwrap.wrap(p, 76, **F11.WRAP) + [""]
        text = "\n".join(hdr) + "\n\n" + "\n".join(intro) + "\n\n" + "\n".join(head) + "\n\n" \
            + "\n".join(body) + "\n".join(list_block) + "\n\n" + "\n".join(foot) + "\n"
        return text, chrome_blocks(page, intro, foot)
    if layout == "lite":
        nav = (["Metro Wire : Regional News Service", "Text-Only Version  Go To Full Site"]
               if lang == "en" else ["صدائے پاکستان — لائٹ ورژن", "مکمل ویب سائٹ پر جائیں"])
        foot = (["News", "Culture", "Contact Us", "Terms of Use", "Permissions",
                 "Privacy Policy"] if lang == "en" else
                ["خبریں", "رابطہ", "شرائط استعمال", "رازداری"])
        chunks = ["\n".join(nav), "\n".join(head)] + paras + ["\n".join(foot)]
        return "\n\n".join(chunks) + "\n", chrome_blocks(page, nav, foot)
    if layout == "wp":  # the theme's page through a text converter: the top bar's day first
        nav = [page.tool[0][0]] + page.head
        chunks = ["\n".join(nav), "\n".join(head)] + paras
        chunks += ["\n".join(list_block), "\n".join(page.tail)]
        return "\n\n".join(chunks) + "\n", chrome_blocks(page, page.head, page.tail)
    # site: the site's own page, its navigation and footer around the story and the list
    chunks = ["\n".join(page.head), "\n".join(head)] + paras
    chunks += ["\n".join(list_block), "\n".join(page.tail)]
    return "\n\n".join(c for c in chunks if c) + "\n", chrome_blocks(page, page.head, page.tail)


# --- HTML pages

def story_html(page, cls="post"):
    esc = F.esc
    head, paras = story_lines(page)
    out = [f'<article class="{cls}">', f"<h1>{esc(head[0])}</h1>"]
    for ln in head[1:]:
        if ln == own_line(page) and page.own:
            out.append(f'<div class="meta"><time datetime="{page.own}">{esc(ln)}</time></div>')
        else:
            out.append(f'<div class="byline">{esc(ln)}</div>')
    return out + [f"<p>{esc(p)}</p>" for p in paras] + ["</article>"]


def list_html(page, cls):
    esc = F.esc
    if not page.sidebar:
        return []
    rows = [f'<li><a href="/r/{page.num + 17 * i}">{esc(t)}</a> <time>{esc(dt)}</time></li>'
            for i, (t, dt) in enumerate(items(page))]
    return [f'<section class="{cls}">', f"<h3>{esc(page.sidebar_label)}</h3>", "<ul>"] \
        + rows + ["</ul>", "</section>"]


def html_doc(page, title, body):
    lang = page.spec["lang"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>', "<head>", '<meta charset="utf-8">',
            f"<title>{F.esc(title)}</title>"]
    if page.url and page.spec["layout"] not in ("rss", "evernote", "reader"):
        head.append(f'<link rel="canonical" href="{F.esc(page.url)}">')
    return "\n".join(head + ["</head>", "<body>"] + body + ["</body>", "</html>"]) + "\n"


def html_page(page):
    esc, spec, lang = F.esc, page.spec, page.spec["lang"]
    layout = spec["layout"]
    if layout == "rss":
        nav = ["Subscription management", "Main stream", "Favourites", "Mark as read",
               "Reading view", "Global view"]
        its = items(page)
        cut = len(its) // 2
        def entry(t, dt, i):
            return (f'<div class="flux"><span class="item website">{esc(spec["label"])}</span> '
                    f'<a class="item title" href="#e{i}">{esc(t)}</a> '
                    f'<span class="item date">{esc(dt)}</span></div>')
        b = ['<header class="header"><a class="logo" href="./">FreshRSS</a><nav><ul>']
        b += [f"<li>{esc(x)}</li>" for x in nav] + ["</ul></nav></header>",
                                                    '<main id="stream">']
        b += [entry(t, dt, i) for i, (t, dt) in enumerate(its[:cut])]
        b += ['<div class="flux current active">'] + story_html(page, "flux_content")[1:-1] \
            + [f'<p class="source"><a href="{esc(page.url)}">{esc(page.url)}</a></p>', "</div>"]
        b += [entry(t, dt, i + cut) for i, (t, dt) in enumerate(its[cut:])]
        foot = ["Mark all as read", "About FreshRSS"]
        b += [f'<button>{foot[0]}</button>', "</main>",
              f'<footer><a href="?a=about">{foot[1]}</a></footer>']
        title = f"({len(its) + 1}) {spec['label']} · FreshRSS"
        return html_doc(page, title, b), chrome_blocks(page, nav, foot)
    if layout == "evernote":
        tag = "wire copy, trade desk" if lang == "en" else "اخباری تراشے, پرانی خبریں"
        b = [f'<h1 class="note-title">{esc(page.headline)}</h1>', '<table class="note-attributes">']
        for ln, _iso in page.tool:
            name, val = ln.split(": ", 1)
            b.append(f"<tr><td><b>{name}:</b></td><td><i>{esc(val)}</i></td></tr>")
        b += [f'<tr><td><b>Source:</b></td><td><a href="{esc(page.url)}">{esc(page.url)}</a></td></tr>',
              f"<tr><td><b>Tags:</b></td><td><i>{esc(tag)}</i></td></tr>", "</table>", "<hr>",
              '<div class="note-content">'] + story_html(page, "clip") + ["</div>"]
        nav, foot = [tag], []
        return html_doc(page, page.headline, b), chrome_blocks(page, nav, foot)
    if layout == "reader":
        tools = (["Close Reader View", "Type controls", "Text and layout", "Theme",
                  "Listen", "Save to Pocket"] if lang == "en" else
                 ["Close Reader View", "Type controls", "Theme", "Listen"])
        domain = page.url.split("/")[2]
        b = ['<div class="toolbar reader-toolbar">'] + [
            f'<button title="{esc(x)}">{esc(x)}</button>' for x in tools] + ["</div>",
                                                                              '<div class="container">',
                                                                              f'<div class="header reader-header"><a class="domain reader-domain" href="{esc(page.url)}">{esc(domain)}</a>']
        head, paras = story_lines(page)
        b += [f'<h1 class="reader-title">{esc(head[0])}</h1>',
              f'<div class="credits reader-credits">{esc(head[1])}</div>', "</div>",
              '<div class="content"><div class="moz-reader-content">']
        if page.own:
            b.append(f"<p>{esc(page.own_text)}</p>")
        b += [f"<p>{esc(p)}</p>" for p in paras] + ["</div></div></div>"]
        return html_doc(page, page.headline, b), chrome_blocks(page, tools[:3], tools[3:])
    if layout == "ghost":
        name = "Northgate Dispatch" if lang == "en" else "قلم و قرطاس"
        nav = (["Home", "Economy", "World", "Archive", "About", "Sign in", "Subscribe"]
               if lang == "en" else ["سرورق", "ادب", "سماج", "سیاست", "محفوظات", "ہمارے بارے میں",
                                     "سبسکرائب کریں"])
        foot = ([f"{name} © 2026", "Sign up", "Powered by Ghost"] if lang == "en"
                else [f"{name} © 2026", "اندراج کریں", "Powered by Ghost"])
        b = ['<header id="gh-head" class="gh-head">', f'<a class="gh-head-logo" href="/">{esc(name)}</a>',
             '<nav class="gh-head-menu"><ul class="nav">']
        b += [f'<li><a href="/{i}/">{esc(x)}</a></li>' for i, x in enumerate(nav)]
        b += ["</ul></nav>", "</header>", '<main id="site-main">'] + story_html(page, "article post")
        if page.sidebar:
            b += ['<aside class="read-more-wrap">', f'<h2>{esc(page.sidebar_label)}</h2>',
                  '<div class="read-more">']
            b += [f'<article class="post-card"><h3 class="post-card-title">{esc(t)}</h3>'
                  f'<div class="post-card-meta"><time>{esc(dt)}</time></div></article>'
                  for t, dt in items(page)]
            b += ["</div>", "</aside>"]
        b += ["</main>", '<footer class="site-footer">'] + [f"<p>{esc(x)}</p>" for x in foot]
        b += ["</footer>"]
        return html_doc(page, f"{page.headline}", b), chrome_blocks(page, [name] + nav, foot)
    if layout == "substack":
        name = "The Ledger Letter"
        nav = [name, "Subscribe", "Sign in", "Home", "Notes", "Archive", "About"]
        foot = ["Discussion about this post", "Ready for more?",
                "Substack is the home for great culture", "Privacy ∙ Terms ∙ Collection notice"]
        b = ['<div class="topbar">'] + [f"<a>{esc(x)}</a>" for x in nav] + ["</div>"]
        b += story_html(page, "newsletter-post post")
        b += [f'<div class="post-ufi"><button>{esc("Share")}</button></div>']
        b += [f'<div class="comments-section"><h4>{esc(foot[0])}</h4></div>']
        b += list_html(page, "post-footer more-posts")
        b += ['<div class="footer">'] + [f"<p>{esc(x)}</p>" for x in foot[1:]] + ["</div>"]
        return html_doc(page, f"{page.headline} - by Maya Ellery", b), \
            chrome_blocks(page, nav, foot)
    # wp (a WordPress news theme: top bar with today's day) or site (a real site's chrome)
    top = []
    if layout == "wp":
        top = ['<div class="td-header-top-menu"><div class="td_data_time">'
               f"{esc(page.tool[0][0])}</div></div>"]
    b = top + ['<header class="site-header"><nav><ul>']
    b += [f'<li><a href="/c/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<div class="td-main-content">']
    b += story_html(page, "td-post-content" if layout == "wp" else "article-body")
    b += list_html(page, "td-related" if layout == "wp" else "most-read") + ["</div>"]
    b += ['<footer class="site-footer">'] + [f"<p>{esc(x)}</p>" for x in page.tail] + ["</footer>"]
    title = f"{page.headline} - {spec['site']}"
    return html_doc(page, title, b), chrome_blocks(page, page.head, page.tail)


def render(page):
    return (html_page if page.spec["fmt"] == "html" else text_page)(page)


# ----------------------------------------------------------------------------- checks

def zone_of(page, raw):
    """(start, end) of the story in a page's flattened visible text: from the last headline
    before its first paragraph (after the HTML <title>, a note's title or a list) to its last
    paragraph."""
    flat = F4.flat
    first_para = raw.index(flat(page.paras[0]))
    start = raw.rindex(flat(page.headline), 0, first_para)
    last = flat(page.paras[-1])
    return start, raw.index(last, start) + len(last)


def own_problems(page, text, zone):
    flat, own = F4.flat, page.own
    head_end = zone.index(flat(page.paras[0]))
    header = zone[:head_end]
    if not own:
        probs = [] if not read_own(header) else [f"undated page with a date in {header!r}"]
        if "datetime=" in text.split("</article>")[0] or "datePublished" in text:
            probs.append("undated page with a time stamp in its story markup")
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
    if not 0 <= gap < 80:
        probs.append(f"own date {gap} characters after the headline")
    if page.spec.get("archive") and not 2013 <= int(own[:4]) <= 2018:
        probs.append("an archive page's own date is not in its body's year")
    if (page.spec["fmt"] == "html" and page.spec["layout"] != "reader"
            and f'datetime="{own}"' not in text):
        probs.append("no time stamp of the own date")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The thirteenth set");
    exits with the failures, else returns a summary line."""
    flat = F4.flat
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    content = f" {content} "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, zone)
        probs += F5.chrome_problems(page, lb, raw, zone, outside, content)
        for ln, iso in page.tool:
            if flat(ln) not in outside or flat(ln) in zone:
                probs.append(f"tool line {ln!r} not on the page outside the story")
            if iso not in lb["chrome_dates"] + [page.own] or read_own(ln) != iso:
                probs.append(f"tool line {ln!r} reads {read_own(ln)}, labelled {iso}")
        for _t, dt, _te, iso in page.sidebar:
            if read_own(dt) != iso:
                probs.append(f"list date {dt!r} reads {read_own(dt)}, labelled {iso}")
        if page.spec["side"] and not lb["chrome_dates"]:
            probs.append("a dated list without chrome dates")
        if not set(lb["chrome_dates"]) <= {iso for *_, iso in page.sidebar + page.tool}:
            probs.append("a chrome date that is on no chrome line")
        if page.own in lb["chrome_dates"]:
            probs.append("the own date among the chrome dates")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh12", rendered, labels, bad)


def main(shared, out):
    _EXTRA.clear()
    _EXTRA["shared"] = shared
    G.generate_set("fresh12", SITES, SEED_FRESH12, FRESH12_SALT, site_pages, render, page_path,
                   self_check, shared, out, nth=0)
