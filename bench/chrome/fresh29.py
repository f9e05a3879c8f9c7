"""The thirtieth set of the chrome bench (`gen.py --set fresh29`, `SET=fresh29 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirtieth set"
before the set's held-out run. The design is described in README.md "The thirtieth set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates in the earlier sets' styles. Site names, section words,
furniture, notice lines, figures and all dates but the Reuters ones are the assembly's. Each
generation checks its labels against its pages (self_check, fresh22's) and stops on any
mismatch. The assembly code is fresh27's and its predecessors' (imported: page filling, story
header, list markup, HTML page, phrase blocks, wrapping, date styles, the dated notice lines
and the label checks), with this set's sites, salt, own-date wordings (own_line) and the text
renderings of its text sites (render_text: one per common HTML-to-text tool or copy).
"""
import datetime
import textwrap

import fresh9 as F9
import fresh20 as F20
import fresh22 as F22
import fresh27 as F27
import gen as G

SEED_FRESH29 = 20270702
FRESH29_SALT = "khabar-chrome-fresh29"
EN_BASE, UR_BASE = datetime.date(2027, 7, 2), datetime.date(2027, 7, 3)
URDU_NAV29 = ["صفحہ اول", "پاکستان", "دنیا", "شہر کی خبریں", "کاروبار", "کھیل", "شوبز",
              "صحت", "تعلیم", "کالم", "ویڈیو", "موسم"]
URDU_FOOT29 = ["ہمارے بارے میں", "ہم سے رابطہ", "پالیسی برائے رازداری", "اشتہار دیں",
               "تمام حقوق محفوظ ہیں"]
DAY = datetime.timedelta(days=1)

# fmt txt: kind says which tool turned the page into text (render_text); fmt html: fresh23's
# outlet page. own: under (a line of the story's header) | none; half: only the even pages
# state it. meta: time | None (html only). body: reuters | bbc | mix | express | samaa.
# ostyle / side: date styles of the own line and of the list (None: an undated list).
# mast: the site's top line with the scrape day. extras: fresh27's dated notices (above the
# story: bins, blood, polio, gas, roadworks; after it: pool, library, urs, admission, quiz)
SITES = [
    dict(site="ouseburn-ledger.co.uk", lang="en", fmt="txt", layout="lynx", kind="lynx",
         body="reuters", own="under", ostyle="en_wp", side="en_dmy_short", label="Most read",
         extras=("bins",), n=16),
    dict(site="fylde-observer.co.uk", lang="en", fmt="txt", layout="w3m", kind="w3m",
         body="bbc", own="none", side="en_lotto", label="Latest news", mast=True,
         extras=("pool",), n=16),
    dict(site="kentish-lantern.co.uk", lang="en", fmt="txt", layout="html2text",
         kind="html2text", body="mix", own="under", half=True, ostyle="en_sky", side="en_wp",
         label="Related stories", extras=("roadworks",), n=16),
    dict(site="tamar-valley-post.co.uk", lang="en", fmt="txt", layout="copy", kind="copy",
         body="reuters", own="under", ostyle="en_next", side="en_dmy_short",
         label="Trending now", extras=("quiz",), n=16),
    dict(site="dales-bulletin.co.uk", lang="en", fmt="txt", layout="pandoc", kind="pandoc",
         body="bbc", own="none", side="en_wp", label="More local news", extras=("library",),
         n=16),
    dict(site="urdu.sargodha-times.pk", lang="ur", fmt="txt", layout="lynx", kind="lynx",
         body="express", own="under", ostyle="ur_first", side="ur_plain",
         label="متعلقہ خبریں", extras=("gas",), n=16),
    dict(site="mardan-khabarnama.pk", lang="ur", fmt="txt", layout="w3m", kind="w3m",
         body="samaa", own="none", side="ur_plain", label="تازہ ترین", mast=True,
         extras=("polio",), n=16),
    dict(site="jhang-awaz.pk", lang="ur", fmt="txt", layout="html2text", kind="html2text",
         body="express", own="under", half=True, ostyle="ur_jumma", side=None,
         label="مزید پڑھیں", extras=("urs",), n=16),
    dict(site="urdu.chenab-news.pk", lang="ur", fmt="txt", layout="trafilatura",
         kind="trafilatura", body="samaa", own="none", side="ur_plain", label="متعلقہ خبریں",
         extras=(), n=16),
    dict(site="swat-roznama.pk", lang="ur", fmt="txt", layout="copy", kind="copy",
         body="express", own="under", ostyle="ur_next", side="ur_plain", label="مقبول خبریں",
         extras=("urs",), n=16),
    dict(site="solent-evening-news.co.uk", lang="en", fmt="html", layout="site",
         body="reuters", own="under", ostyle="en_townnews", meta="time", side="en_short",
         label="Trending", extras=("pool",), n=16),
    dict(site="wolds-journal.co.uk", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_dmy_short", label="Latest", extras=("bins", "library"), n=16),
    dict(site="peak-district-herald.co.uk", lang="en", fmt="html", layout="site", body="mix",
         own="under", half=True, ostyle="en_bbcold", meta=None, side=None,
         label="Editor's picks", extras=("blood",), n=16),
    dict(site="eden-valley-voice.co.uk", lang="en", fmt="html", layout="site",
         body="reuters", own="under", ostyle="en_caps", meta=None, side="en_wp",
         label="Read more", extras=("quiz",), n=16),
    dict(site="urdu.lahore-nama.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_first", meta="time", side="ur_plain", label="اہم خبریں",
         extras=("gas", "urs"), n=16),
    dict(site="kohat-sada.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_plain", label="علاقائی خبریں", extras=("admission",), n=16),
    dict(site="bradford-urdu-times.co.uk", lang="ur", fmt="html", layout="site",
         body="samaa", own="under", half=True, ostyle="ur_baroz", meta="time", side=None,
         label="کمیونٹی", extras=("polio",), n=16),
    dict(site="urdu.jammu-khabar.in", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_eastern", meta=None, side="ur_plain", label="مقبول خبریں",
         extras=("urs",), n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites
    "ouseburn-ledger.co.uk": (["Ouseburn Ledger", "News", "Byker", "Heaton", "Jesmond",
                               "What's on"],
                              ["Ouseburn Ledger Ltd", "Contact the newsdesk",
                               "Terms and conditions"]),
    "fylde-observer.co.uk": (["Fylde Observer", "News", "Lytham", "St Annes", "Kirkham",
                              "Sport"],
                             ["Fylde Observer", "Public notices", "Fylde Observer Media"]),
    "kentish-lantern.co.uk": (["Kentish Lantern", "News", "Faversham", "Whitstable",
                               "Herne Bay"],
                              ["Kentish Lantern Publishing", "Advertise with us",
                               "Privacy notice"]),
    "tamar-valley-post.co.uk": (["Tamar Valley Post", "News", "Tavistock", "Callington",
                                 "Gunnislake"],
                                ["Tamar Valley Post", "Submit a story",
                                 "Tamar Valley Post Ltd"]),
    "dales-bulletin.co.uk": (["Dales Bulletin", "News", "Skipton", "Settle", "Grassington"],
                             ["Dales Bulletin", "Letters page", "Dales Bulletin Ltd"]),
    "solent-evening-news.co.uk": (["Solent Evening News", "News", "Gosport", "Fareham",
                                   "Waterside"],
                                  ["Solent Evening News", "Buy a photo",
                                   "Solent Evening News Group"]),
    "wolds-journal.co.uk": (["Wolds Journal", "News", "Driffield", "Pocklington",
                             "Market Weighton"],
                            ["Wolds Journal", "Family notices", "Wolds Journal Ltd"]),
    "peak-district-herald.co.uk": (["Peak District Herald", "News", "Bakewell", "Buxton",
                                    "Hope Valley"],
                                   ["Peak District Herald", "Walks and trails",
                                    "Peak Herald Media"]),
    "eden-valley-voice.co.uk": (["Eden Valley Voice", "News", "Penrith", "Appleby",
                                 "Kirkby Stephen"],
                                ["Eden Valley Voice", "Readers' letters", "Eden Voice CIC"]),
}
OWN_WORDS = {  # the words a site puts before its own date (own_line)
    "ouseburn-ledger.co.uk": "Published: ",
    "kentish-lantern.co.uk": "Updated ",
    "urdu.sargodha-times.pk": "شائع شدہ: ",
    "swat-roznama.pk": "اپ ڈیٹ: ",
}
fdate = F27.fdate
read_own = F22.read_own
_OWN_LINE22 = F22.own_line


def own_line(page):
    """The own date's line with the site's words before it; fresh22's for the other sites."""
    if page.spec["site"] in OWN_WORDS:
        return OWN_WORDS[page.spec["site"]] + page.own_text
    return _OWN_LINE22(page)

# ----------------------------------------------------------------------------- assembly


def site_pages(spec, pools, templates, rng):
    """fresh27's assembly of a site's pages, with this set's salt, chrome and lines."""
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH29_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH29_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 6, 10)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV29, URDU_FOOT29, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 3 + k // ndays) % 3
        while True:  # as fresh27: each story, headline and lead query once; an undated page's
            # lead states no day; no headline states one; no story ends on a scrap
            page = F20.new_page(spec, k, day, pools, rng, back)
            dated = spec["own"] != "none" and bool(page.own) and not (
                spec.get("half") and k % 2)
            q = G.lead_query(page.lead, page.headline, lang)
            if (page.headline not in F22.SEEN and page.lead not in F22.SEEN
                    and q not in F22.SEEN and not read_own(page.headline)
                    and len(page.paras[-1].split()) >= 4 and (dated or not read_own(page.lead))):
                break
        F22.SEEN.update((page.headline, page.lead, q))
        if not dated:
            page.own = ""
        page.seq = k // ndays + 1
        page.num = (5300000 + 3109 * k + h % 90000) if lang == "en" else 74000 + 571 * k + h % 977
        page.scrape_hour, page.scrape_minute = 7 + (k * 5) % 13, (k * 29 + h) % 60
        page.own_text = (fdate(spec["ostyle"], page.date, page.hour, page.minute)
                         if page.own else "")
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])
                        if not read_own(t)] if spec["label"] else []
        page.author = (F22.AUTHORS if lang == "en" else F22.UR_AUTHORS)[(k + h) % 4]
        page.url = F22.page_url(page)
        page.masthead, page.upd, page.notes, page.foot = "", None, [], []
        page.nextstory, page.chat, page.calendar = None, None, []
        page.tool = mast_lines(page, day) + F27.tool_lines(page, day)  # above: [(line, ISO)]
        page.after = F27.after_lines(page, day)  # after the story: [(line, ISO, source?)]
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool if iso}
                 | {iso for _ln, iso, _p in page.after if iso})
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def mast_lines(page, day):
    """The site's top line holding the day the page was loaded (the scrape day)."""
    if not page.spec.get("mast"):
        return []
    if page.spec["lang"] == "en":
        return [(f"{day:%A}, {G.MONTHS[day.month - 1]} {day.day}, {day.year}", day.isoformat())]
    return [(f"{F22.UR_WEEKDAYS[day.weekday()]} {fdate('ur_plain', day)}", day.isoformat())]


def page_path(page):
    site, num, slug = page.spec["site"], page.num, page.slug[:50].rstrip("-")
    day = page.scrape_day
    y, m, d = day.split("-")
    return {
        "ouseburn-ledger.co.uk": f"scrapy/ouseburn_ledger/{day}/{num}.txt",
        "fylde-observer.co.uk": f"dumps/{y}/{m}/{d}/{site}_{num}.txt",
        "kentish-lantern.co.uk": f"flat/{site}_{num}.txt",
        "tamar-valley-post.co.uk": f"clippings/{day}/{slug}.txt",
        "dales-bulletin.co.uk": f"flat/{site}_{num}.txt",
        "urdu.sargodha-times.pk": f"scrapy/sargodha_times/{num}.txt",
        "mardan-khabarnama.pk": f"dumps/{y}/{m}/{d}/{site}_{num}.txt",
        "jhang-awaz.pk": f"html2text/{site}/{num}.txt",
        "urdu.chenab-news.pk": f"trafilatura/{day}/{site}_{num}.txt",
        "swat-roznama.pk": f"clippings/{site}/{num}.txt",
        "solent-evening-news.co.uk": f"scrapy/solent_news/{day}/{num}.html",
        "wolds-journal.co.uk": f"{site}/{y}/{m}/{slug}.html",
        "peak-district-herald.co.uk": f"mirror/{site}/news/{num}/index.html",
        "eden-valley-voice.co.uk": f"flat/{site}_{num}.html",
        "urdu.lahore-nama.pk": f"scrapy/lahore_nama/{num}.html",
        "kohat-sada.pk": f"dumps/{day}/{site}/{num}.html",
        "bradford-urdu-times.co.uk": f"{site}/urdu/{day}/{num}.htm",
        "urdu.jammu-khabar.in": f"flat/{site}_{num}.html",
    }[site]


# ----------------------------------------------------------------------------- pages

def wrap(text, width, indent=""):
    return "\n".join(textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent,
                                   break_long_words=False, break_on_hyphens=False))


def host_of(page):
    return page.url.split("/")[2]


def render_lynx(page, en):
    """lynx -dump: numbered link markers, paragraphs indented by three, the References list."""
    refs, host = [], host_of(page)

    def link(text, url):
        refs.append(url)
        return f"[{len(refs)}]{text}"
    out = ["   " + link("Skip to main content" if en else "مرکزی مواد پر جائیں", "#main")]
    out += ["   " + ln for ln, _ in page.tool]
    out.append("   " + link(page.head[0], f"https://{host}/"))
    out.append(wrap(" ".join(link(x, f"https://{host}/section/{i}")
                             for i, x in enumerate(page.head[1:], 1)), 76, "   "))
    out += ["", page.headline, ""] + ["   " + ln for ln in F22.header_lines(page)]
    for p in page.paras:
        out += ["", wrap(p, 76, "   ")]
    for ln, _iso, _s in page.after:
        out += ["", "   " + ln]
    if page.sidebar_label:
        out += ["", page.sidebar_label, ""]
        for i, (t, dt, _te, _) in enumerate(page.sidebar):
            out.append("     * " + link(t, f"https://{host}/news/{page.num + 7 * (i + 1)}"))
            if dt:
                out.append("       " + dt)
    out += [""] + ["   " + link(x, f"https://{host}/page/{i}") for i, x in enumerate(page.tail)]
    out += ["", "References", ""] + [f"  {i:>3}. {u}" for i, u in enumerate(refs, 1)]
    return "\n".join(out) + "\n"


def render_w3m(page, en):
    """w3m -dump: the menu on one line, a rule under the header, bullets, no URLs."""
    out = [ln for ln, _ in page.tool] + [page.head[0], " | ".join(page.head[1:]), "─" * 60, ""]
    out += [page.headline, ""] + F22.header_lines(page)
    for p in page.paras:
        out += ["", wrap(p, 78)]
    for ln, _iso, _s in page.after:
        out += ["", ln]
    if page.sidebar_label:
        out += ["", "─" * 60, page.sidebar_label, ""]
        for t, dt, _te, _ in page.sidebar:
            out.append("  • " + t + (f"\n    {dt}" if dt else ""))
    out += ["", "─" * 60] + page.tail
    return "\n".join(out) + "\n"


def render_html2text(page, en):
    """html2text: Markdown links and headings, paragraphs wrapped at 78."""
    host = host_of(page)
    out = [ln for ln, _ in page.tool]
    out += ["", f"[{'Skip to content' if en else 'مواد پر جائیں'}](#main)", "",
            f"[{page.head[0]}](https://{host}/)", ""]
    out += [f"  * [{x}](/section/{i})" for i, x in enumerate(page.head[1:], 1)]
    out += ["", f"# {page.headline}", ""] + [f"_{ln}_  " for ln in F22.header_lines(page)]
    for p in page.paras:
        out += ["", wrap(p, 78)]
    for i, (ln, _iso, _s) in enumerate(page.after):
        out += ["", ("### " if i == 0 or not _iso else "") + ln]
    if page.sidebar_label:
        out += ["", f"## {page.sidebar_label}", ""]
        for i, (t, dt, _te, _) in enumerate(page.sidebar):
            out.append(f"  * [{t}](https://{host}/news/{page.num + 11 * (i + 1)})"
                       + (f"  \n    {dt}" if dt else ""))
    out += [""] + [f"  * {x}" for x in page.tail]
    return "\n".join(out) + "\n"


def render_pandoc(page, en):
    """pandoc -t plain: the headline underlined, '-   ' list items, paragraphs wrapped at 72."""
    out = [ln for ln, _ in page.tool] + [page.head[0], ""]
    out += [f"-   {x}" for x in page.head[1:]]
    out += ["", page.headline, "=" * min(72, len(page.headline)), ""] + F22.header_lines(page)
    for p in page.paras:
        out += ["", wrap(p, 72)]
    for ln, _iso, _s in page.after:
        out += ["", ln]
    if page.sidebar_label:
        out += ["", page.sidebar_label, "-" * len(page.sidebar_label), ""]
        for t, dt, _te, _ in page.sidebar:
            out += [wrap(t, 72, "    ").replace("    ", "-   ", 1)] + (
                ["", "    " + dt] if dt else []) + [""]
    out += [""] + page.tail
    return "\n".join(out) + "\n"


def render_trafilatura(page, en):
    """trafilatura with its metadata header: title, author, url, hostname, sitename, the date
    only when the page states one; the story's text, then the list it kept."""
    meta = ["---", f"title: {page.headline}", f"author: {page.author}", f"url: {page.url}",
            f"hostname: {host_of(page)}", f"sitename: {page.head[0]}"]
    if page.own:
        meta.append("date: " + own_line(page))
    out = meta + ["---"]
    for p in page.paras:
        out += [p]
    for ln, _iso, _s in page.after:
        out += [ln]
    if page.sidebar_label:
        out += [page.sidebar_label]
        for t, dt, _te, _ in page.sidebar:
            out += [t] + ([dt] if dt else [])
    return "\n".join(out) + "\n"


def render_copy(page, en):
    """A browser's select-all copy: skip link, menu one item a line, a ticker with time-ago
    stamps, the byline with the own date and reading time, share counts, advertisement slots
    between paragraphs, the boxes, the list, the footer and the cookie notice."""
    k = page.k
    out = ["Skip to content" if en else "مرکزی مواد پر جائیں", page.head[0]] + page.head[1:]
    out += ["Subscribe", "Sign in"] if en else ["لاگ ان"]
    out += [""] + [ln for ln, _ in page.tool]
    day = datetime.date.fromisoformat(page.scrape_day)
    ticker = [(t, (day - datetime.date.fromisoformat(iso)).days)
              for t, _dt, _te, iso in page.sidebar[:3] if iso]
    if ticker and not en:  # hours for the day's items, days for the older ones
        out += ["", "تازہ ترین"] + [f"{t}\n{1 + (k + i) % 9} گھنٹے پہلے" if ago == 0 else
                                   f"{t}\n{ago} دن پہلے" for i, (t, ago) in enumerate(ticker)]
    mins = 2 + k % 6
    byline = F22.header_lines(page)
    read = f"{mins} min read" if en else f"{mins} منٹ میں پڑھیں"
    out += ["", page.headline, " · ".join(byline + [read])]
    out += (["Share", "Facebook", "X", "WhatsApp", f"{3 + 7 * k % 41} shares"] if en else
            ["شیئر کریں", "فیس بک", "واٹس ایپ", f"{5 + 3 * k % 37} شیئرز"])
    for i, p in enumerate(page.paras):
        out += ["", p]
        if i == 1 and len(page.paras) > 3:
            out += ["", "Advertisement" if en else "اشتہار"]
    for ln, _iso, _s in page.after:
        out += ["", ln]
    out += ["", "Advertisement" if en else "اشتہار"]
    if page.sidebar_label:
        out += ["", page.sidebar_label]
        for t, dt, _te, _ in page.sidebar:
            out += [t] + ([dt] if dt else [])
    out += [""] + page.tail
    out += ["", "We use cookies to give you the best experience on our site. Accept all cookies"
            " Manage preferences" if en else
            "یہ ویب سائٹ آپ کے تجربے کو بہتر بنانے کے لیے کوکیز استعمال کرتی ہے۔ قبول کریں"]
    return "\n".join(out) + "\n"


RENDER = {"lynx": render_lynx, "w3m": render_w3m, "html2text": render_html2text,
          "pandoc": render_pandoc, "trafilatura": render_trafilatura, "copy": render_copy}


def render_text(page):
    return RENDER[page.spec["kind"]](page, page.spec["lang"] == "en")


def phrase_blocks(page):
    """fresh22's blocks; trafilatura's text keeps only the list (its menu, footer and notices
    are not in the text, its metadata is inside the story's span)."""
    blocks = F22.phrase_blocks(page)
    if page.spec.get("kind") == "trafilatura":
        return [[], blocks[1]] + blocks[2:-1] + [[]]
    return blocks


def render(page):
    text = F27.F23.html_page(page) if page.spec["fmt"] == "html" else render_text(page)
    return text, phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages (see README.md "The thirtieth set");
    exits with the failures, else returns a summary line."""
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh29 self-check")) from None


def main(shared, out):
    F22.SEEN.clear()
    F22.own_line = own_line  # this set's own-date wordings, for the header, page and checks
    G.generate_set("fresh29", SITES, SEED_FRESH29, FRESH29_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
