"""The fifth set of the chrome bench (`gen.py --set fresh4`, `SET=fresh4 run.sh`): 18 more sites,
held out from the final rules of issue 13.

Built on 2026-12-07 by a helper while the final rules were being written, blind to the rule
author: the rule author has seen the first four sets' designs but not this one. This docstring
and the SITES table were committed before any khabar run; khabar was then run on the dev sites
only (`ONLY=dev`, to check the pipeline), and the test split is run once, with the final binary:
that run is the set's held-out figure. Rule authors should not read this file, the SITES table
or README.md "The fifth set" before that run.

What differs from the first four sets (gen.py, fresh.py, fresh2.py, fresh3.py), taken from how
the real pages of ../shared/corpora/article-extraction write dates and chrome:

- other real chrome: the article-extraction pages of 11 hosts that none of the earlier sets nor
  testdata/chrome/make_chrome.py uses (blog.givewell.org, www.catchitkansas.com,
  www.inexhibit.com, www.morebikes.co.uk, www.quantamagazine.org, theantijunecleaver.com,
  www.sciencealert.com, www.thespacereview.com, www.beachbodyondemand.com,
  www.bigbrandsystem.com, www.ascom.com: blogs, a company newsroom, a local sports site, science
  magazines); 7 Urdu sites with new names (aaina-news.pk, dastak-times.pk, manzar-nama.tv,
  sitara-akhbar.pk, hamdard-khabar.pk, awami-pukar.pk, sachai-news.tv), new Urdu section words
  and footers;
- own dates in formats and places the real pages use and no earlier set did (English, Reuters
  1987 dates): Hearst's "Updated 10:44 am EST, Friday, April 3, 1987" (time first); a local
  TV site's "Posted: Fri 10:44 AM, Apr 3, 1987" (weekday and time before the date); the
  Telegraph's "3 April 1987 • 10:44am"; CBS's "Apr 3, 1987 at 10:44 am ET • 3 min read";
  ScienceAlert's capitals "3 APR 1987" in <abbr class="published" title=ISO>; a weekday with
  no comma "Friday April 3, 1987" in a table cell under an <h2> headline (no <h1>, a .htm
  table layout); Newsweek's two-digit year "On 04/03/87 at 10:44 AM EST" in <time datetime>;
  metadata only: <meta name="pubdate" content="April 3, 1987 10:44"> (not ISO) with a JSON-LD
  array in <head>. Urdu (scrape days across the new year, 2024-12-29 on, own dates 0-2 days
  before the scrape day): Dawn Urdu's "شائع 31 دسمبر 2024 10:15am"; the Jang-style Gregorian
  and Hijri pair "منگل 31 دسمبر 2024ء، 29 جمادی الثانی 1446ھ"; Geo's spaced comma "31 دسمبر ،
  2024" on half the pages of a site; "یکم جنوری" for the first of the month ("بدھ یکم جنوری
  2025", weekday without comma) under a headline in a <div> (no <h1>, a .htm table layout);
  metadata only: <meta name="article.published"> and <meta name="dateLastPubbed">;
- pages with no own date: BBC bodies on 3 English sites and a third of the pages of 2 more,
  Urdu bodies on 2 Urdu sites and half the pages of one;
- chrome shapes not used before: relative times ("5 hours ago", "2 گھنٹے پہلے", "3 گھنٹے قبل",
  in text and in <time datetime title> whose datetime holds the date), yearless Urdu dates
  ("30 دسمبر", "۳۰ دسمبر"); rank numbers on lines of their own; uppercase section kickers above
  sidebar headlines; inline <a> teaser blocks that flatten to one line (kicker, headline,
  "Feb 26, 2025 @18:00"); a breadcrumb line above the headline and a share line under the
  date (inside the story's header); Jetpack-style related posts inside the entry content
  ("26th Feb 2025", 'In "Fitness"'); previous / next post navigation; a dated "Recent Posts"
  list inside the site <footer>; a <marquee> ticker of Urdu headlines; table-layout pages whose
  sidebar is a <td> column before the story; an inline newsletter / WhatsApp promotion line
  between paragraphs; whole pages as Markdown (.md: the site's name, links, "# headline",
  "- [headline](url) — 2025/02/26") and as lynx dumps (paragraphs wrapped at 76 columns, "[12]" link numbers, a
  "References" list of URLs at the end); sidebar dates "Wed 6:00 AM, Feb 26, 2025",
  "26 Feb 2025, 9:42am", "Feb 26 2025", "26 Feb '25", "2/26/2025", "02.26.2025",
  "26th Feb 2025", "۳۰/۱۲/۲۰۲۴", "30 دسمبر 2024ء", "۳۱-۱۲-۲۰۲۴"; labels "Most Shared",
  "Spotlight", "Keep Reading", "Most Viewed", "Featured", "Further Reading", "Latest Updates",
  "Recent Articles", "More Like This", "Recent Posts", "Newsroom", "ابھی ابھی",
  "کالمز و تجزیے", "شہ سرخیاں", "زیادہ دیکھی گئی", "اہم ترین", "پچھلی خبریں", "آپ کے لیے";
- layouts not used before: SITE/SCRAPE-DAY/ and SCRAPE-DAY/SITE/ (the scrape day's folder,
  which is not the page's date), wget mirrors (www.HOST/SECTION/slug/index.html,
  SITE/news/ID/index.html: every file is index.html), numeric file names (SITE/ID.txt,
  SITE/ID.htm, SITE/archive/ID.htm), .md and .htm files, SITE/articles/, SITE/stories/,
  SITE/blog/, SITE/urdu/, and a flat folder `saved-pages/` holding one English and one Urdu
  site's HTML (told apart by canonical URL);
- another seed (SEED_FRESH4), other scrape days (English from 2025-02-26, across the end of
  February; Urdu from 2024-12-29, across the new year) and another split salt (FRESH4_SALT):
  dev when sha256("khabar-chrome-fresh4:K:SITE") % 100 < 40, the first K giving 25-45 % dev
  and both languages and both formats on each side.

Bodies, sidebar headlines and teasers are real (Reuters-21578, BBC News 2225, urdu-news-ha405,
Dawn teasers), as in the other sets; 16 pages a site over 3-6 scrape days. Breadcrumbs, share
and promotion lines, kickers, the Urdu templates and all dates but the Reuters ones are the
assembly's. Each generation checks its labels against its pages (self_check).
"""
import datetime
import json
import re
import textwrap

import fresh as F
import gen as G
import metrics as M

SEED_FRESH4 = 20261210
FRESH4_SALT = "khabar-chrome-fresh4"
EN_BASE, UR_BASE = datetime.date(2025, 2, 26), datetime.date(2024, 12, 29)
URDU_NAV4 = ["مرکزی صفحہ", "ملکی خبریں", "عالمی خبریں", "کرکٹ", "فن و ثقافت", "معیشت و تجارت",
             "سائنس", "صحت مند زندگی", "اداریے", "تصویری جھلکیاں", "خصوصی رپورٹ"]
URDU_FOOT4 = ["ادارے کے بارے میں", "ہم سے رابطہ کیجیے", "رازداری کی پالیسی", "ضابطہ اخلاق",
              "اشتہار دیں"]
HIJRI_MONTHS = ["محرم", "صفر", "ربیع الاول", "ربیع الثانی", "جمادی الاول", "جمادی الثانی",
                "رجب", "شعبان", "رمضان", "شوال", "ذوالقعدہ", "ذوالحجہ"]
KICKERS = {"quantamagazine.org": ["PHYSICS", "MATHEMATICS", "BIOLOGY", "COMPUTER SCIENCE"],
           "ascom.com": ["Healthcare", "Enterprise", "Investors", "Media"]}
CONTEXTS = ["Fitness", "Nutrition", "Workouts", "Community"]
BREADCRUMB = "Home › Blog › Research"
SHARE = "Share on Facebook | Tweet | Email"
PROMO = {"en": "Get our free daily newsletter in your inbox",
         "ur": "ہمارا واٹس ایپ چینل جوائن کریں اور تازہ خبریں براہ راست حاصل کریں"}
TICKER_SEP = " ٭ "

# own: how a page states its own date, and where (the style of that date is ostyle)
#   text: under (a line under the headline) | none
#   HTML: abbr (<abbr class="published" title=ISO> under the <h1>) | td (a table cell under an
#   <h2> / <div> headline) | time_yy (<time datetime> in <div class="entry-meta">) |
#   meta_pubdate (<meta name="pubdate"> + JSON-LD array, nothing visible) |
#   meta_article (<meta name="article.published"> + dateLastPubbed, nothing visible) | none
# render: plain | lynx | md (text); semantic | table | wp | divs (HTML)
# side: the sidebar dates' style; tside (text items): lines | ranked | kicker | bullet |
#   md_list | lynx_list; markup (HTML): rel_time | td_col | jetpack | footer_list | teaser_a |
#   widget (with a marquee ticker)
# pos: before | after | footer | inside (inside the entry content, after the paragraphs)
# extras: crumb (breadcrumb above the headline), share (share line under the date), promo (an
#   inline promotion line between paragraphs), postnav (previous / next post), half (own date
#   on even pages only), ticker (a marquee of headlines above the story)
SITES = [
    dict(site="givewell.org", lang="en", fmt="txt", layout="site_day", tpl="blog.givewell.org",
         body="reuters", own="under", ostyle="hearst", side="rel_en", label="Most Shared",
         pos="after", render="plain", tside="lines", crumb=True, share=True, n=16),
    dict(site="catchitkansas.com", lang="en", fmt="txt", layout="day_site",
         tpl="www.catchitkansas.com", body="mix", own="under", ostyle="ks_posted",
         side="ks", label="Spotlight", pos="before", render="plain", tside="ranked", n=16),
    dict(site="inexhibit.com", lang="en", fmt="txt", ext="md", layout="direct",
         tpl="www.inexhibit.com", body="bbc", own="none", side="slash_iso",
         label="Keep Reading", pos="after", render="md", tside="md_list", n=16),
    dict(site="morebikes.co.uk", lang="en", fmt="txt", layout="articles",
         tpl="www.morebikes.co.uk", body="reuters", own="under", ostyle="tel", side="tel_side",
         label="Most Viewed", pos="after", render="lynx", tside="lynx_list", n=16),
    dict(site="quantamagazine.org", lang="en", fmt="txt", layout="direct",
         tpl="www.quantamagazine.org", body="bbc", own="none", side="nocomma",
         label="Featured", pos="after", render="plain", tside="kicker", n=16),
    dict(site="theantijunecleaver.com", lang="en", fmt="txt", layout="stories",
         tpl="theantijunecleaver.com", body="reuters", own="under", ostyle="cbs",
         side="apos_yy", label="Further Reading", pos="after", render="plain", tside="lines",
         promo=True, postnav=True, n=16),
    dict(site="sciencealert.com", lang="en", fmt="html", layout="mirror",
         sections=("space", "health"), tpl="www.sciencealert.com", body="reuters", own="abbr",
         ostyle="caps", side="rel_en", label="Latest Updates", pos="after",
         markup="rel_time", n=16),
    dict(site="thespacereview.com", lang="en", fmt="html", ext="htm", layout="archive_id",
         tpl="www.thespacereview.com", body="reuters", own="td", ostyle="us_wd_nc",
         side="us_num", label="Recent Articles", pos="before", markup="td_col", n=16),
    dict(site="beachbodyondemand.com", lang="en", fmt="html", layout="blog",
         tpl="www.beachbodyondemand.com", body="bbc", own="none", side="ord_short",
         label="More Like This", pos="inside", markup="jetpack", postnav=True, n=16),
    dict(site="bigbrandsystem.com", lang="en", fmt="html", layout="direct",
         tpl="www.bigbrandsystem.com", body="reuters", own="time_yy", ostyle="yy",
         side="dot_us", label="Recent Posts", pos="footer", markup="footer_list", n=16),
    dict(site="ascom.com", lang="en", fmt="html", layout="saved", tpl="www.ascom.com",
         body="mix", own="meta_pubdate", side="digg", label="Newsroom", pos="before",
         markup="teaser_a", n=16),
    dict(site="aaina-news.pk", lang="ur", fmt="txt", layout="urdu", tpl=None, body="express",
         own="under", ostyle="ur_shaai", side="rel_ur", label="ابھی ابھی", pos="after",
         render="plain", tside="lines", n=16),
    dict(site="dastak-times.pk", lang="ur", fmt="txt", layout="site_id", tpl=None,
         body="samaa", own="under", ostyle="ur_hijri", side="ur_hamza",
         label="کالمز و تجزیے", pos="after", render="plain", tside="bullet", n=16),
    dict(site="manzar-nama.tv", lang="ur", fmt="txt", ext="md", layout="direct", tpl=None,
         body="express", own="none", side="ur_slash_digits", label="شہ سرخیاں", pos="before",
         render="md", tside="md_list", n=16),
    dict(site="sitara-akhbar.pk", lang="ur", fmt="txt", layout="day_site", tpl=None,
         body="samaa", own="under", half=True, ostyle="ur_geo", side="ur_geo",
         label="زیادہ دیکھی گئی", pos="after", render="plain", tside="bullet", promo=True,
         n=16),
    dict(site="hamdard-khabar.pk", lang="ur", fmt="html", layout="mirror_id", tpl=None,
         body="express", own="meta_article", side="ur_yearless_digits", label="اہم ترین",
         pos="after", markup="widget", ticker=True, n=16),
    dict(site="awami-pukar.pk", lang="ur", fmt="html", ext="htm", layout="site_id", tpl=None,
         body="samaa", own="td", ostyle="ur_yakum", side="ur_dash_digits",
         label="پچھلی خبریں", pos="before", markup="td_col", n=16),
    dict(site="sachai-news.tv", lang="ur", fmt="html", layout="saved", tpl=None, body="samaa",
         own="none", side="rel_ur_qabl", label="آپ کے لیے", pos="after", markup="rel_time",
         n=16),
]


def hijri(d):
    """(day, month 1-12, year) of the tabular Islamic calendar for a Gregorian date."""
    jdn = d.toordinal() + 1721425
    ell = jdn - 1948440 + 10632
    n = (ell - 1) // 10631
    ell = ell - 10631 * n + 354
    j = ((10985 - ell) // 5316) * ((50 * ell) // 17719) + (ell // 5670) * ((43 * ell) // 15238)
    ell = ell - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    m = (24 * ell) // 709
    return ell - (709 * m) // 24, m, 30 * n + j - 30


def fdate(style, d, hour=9, minute=15, scrape=None, j=0):
    """Date text in this set's styles; scrape (the scrape day) and j (the item's place) for the
    relative ones."""
    month = G.MONTHS[d.month - 1]
    mon = month[:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    umonth = G.URDU_MONTHS[d.month - 1]
    urdu = f"{d.day} {umonth} {d.year}"
    uday = F.URDU_DAYS[d.weekday()]
    ago = (scrape - d).days if scrape else 0
    if style == "hearst":
        return f"Updated {h12}:{minute:02d} {ampm.lower()} EST, {d:%A}, {month} {d.day}, {d.year}"
    if style == "ks_posted":
        return f"Posted: {d:%a} {h12}:{minute:02d} {ampm}, {mon} {d.day}, {d.year}"
    if style == "ks":
        return f"{d:%a} {h12}:{minute:02d} {ampm}, {mon} {d.day}, {d.year}"
    if style == "slash_iso":
        return f"{d:%Y/%m/%d}"
    if style == "tel":
        return f"{d.day} {month} {d.year} • {h12}:{minute:02d}{ampm.lower()}"
    if style == "tel_side":
        return f"{d.day} {mon} {d.year}, {h12}:{minute:02d}{ampm.lower()}"
    if style == "nocomma":
        return f"{mon} {d.day} {d.year}"
    if style == "cbs":
        return f"{mon} {d.day}, {d.year} at {h12}:{minute:02d} {ampm.lower()} ET"
    if style == "apos_yy":
        return f"{d.day} {mon} '{d.year % 100:02d}"
    if style == "caps":
        return f"{d.day} {mon.upper()} {d.year}"
    if style == "us_wd_nc":
        return f"{d:%A} {month} {d.day}, {d.year}"
    if style == "us_num":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "ord_short":
        return f"{F.ordinal(d.day)} {mon} {d.year}"
    if style == "yy":
        return f"On {d.month:02d}/{d.day:02d}/{d.year % 100:02d} at {h12}:{minute:02d} {ampm} EST"
    if style == "dot_us":
        return f"{d.month:02d}.{d.day:02d}.{d.year}"
    if style == "digg":
        return f"{mon} {d.day}, {d.year} @{hour:02d}:{minute:02d}"
    if style == "pubdate":
        return f"{month} {d.day}, {d.year} {hour:02d}:{minute:02d}"
    if style == "rel_en":
        return f"{j + 2} hours ago" if ago == 0 else f"{ago} day{'s' * (ago > 1)} ago"
    if style == "rel_ur":
        return f"{j + 2} گھنٹے پہلے" if ago == 0 else f"{d.day} {umonth}"
    if style == "rel_ur_qabl":
        return f"{j + 2} گھنٹے قبل" if ago == 0 else f"{ago} دن قبل"
    if style == "ur_shaai":
        return f"شائع {urdu} {h12}:{minute:02d}{ampm.lower()}"
    if style == "ur_hijri":
        hd, hm, hy = hijri(d)
        return f"{uday} {urdu}ء، {hd} {HIJRI_MONTHS[hm - 1]} {hy}ھ"
    if style == "ur_hamza":
        return f"{urdu}ء"
    if style == "ur_slash_digits":
        return f"{d.day:02d}/{d.month:02d}/{d.year}".translate(G.URDU_DIGITS)
    if style == "ur_geo":
        return f"{d.day} {umonth} ، {d.year}"
    if style == "ur_yearless_digits":
        return f"{d.day} {umonth}".translate(G.URDU_DIGITS)
    if style == "ur_yakum":
        return f"{uday} {'یکم' if d.day == 1 else d.day} {umonth} {d.year}"
    if style == "ur_dash_digits":
        return f"{d.day:02d}-{d.month:02d}-{d.year}".translate(G.URDU_DIGITS)
    raise ValueError(style)


def build_sidebars(spec, days, pools):
    """day -> [(headline, date text, teaser, ISO)]: gen.rotating_sidebars' items and days,
    written in this set's styles (the relative ones against the scrape day)."""
    raw = G.rotating_sidebars(spec, days, pools, FRESH4_SALT, lambda *a: "", 6, 13)
    out = {}
    for d, items in raw.items():
        out[d] = [(t, fdate(spec["side"], datetime.date.fromisoformat(iso), 6 + j, 13 * j % 60,
                            scrape=d, j=j), te, iso)
                  for j, (t, _, te, iso) in enumerate(items)]
    return out


def site_pages(spec, pools, templates, rng):
    h = G.site_hash(spec["site"] + FRESH4_SALT)
    ndays = 3 + h % 4
    base = EN_BASE if spec["lang"] == "en" else UR_BASE
    days = [base + datetime.timedelta(days=i) for i in range(ndays)]
    sidebars = build_sidebars(spec, days, pools)
    if spec["tpl"]:
        head, tail = templates[spec["tpl"]]
    else:
        head, tail = G.urdu_template(spec, rng, URDU_NAV4, URDU_FOOT4, 7)
        tail = tail[:-1] + [f"جملہ حقوق بحق {head[0]} محفوظ ہیں"]
    host = spec["tpl"] or spec["site"]
    pages = []
    for k in range(spec["n"]):
        page = G.Page(spec, k)
        page.host = host
        day = days[k % ndays]
        page.scrape_day = day.isoformat()
        page.day = day
        G.fill_body(page, pools, rng)  # Reuters bodies get their own date unless own is "none"
        if spec["lang"] == "ur" and spec["own"] != "none" and not (spec.get("half") and k % 2):
            G.urdu_own_date(page, day)
            # gen's offset (k % 3) gives every page the same own date when ndays is 3
            page.date = day - datetime.timedelta(days=(k + k // ndays) % 3)
            page.own = page.date.isoformat()
        if page.own and spec.get("ostyle"):
            page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute)
        page.head, page.tail = head, tail
        page.sidebar_label, page.sidebar = spec["label"], sidebars[day]
        page.ticker = [pools.urdu_titles.pop() for _ in range(4)] if spec.get("ticker") else []
        page.postnav = ([pools.bbc_titles.pop(), pools.bbc_titles.pop()]
                        if spec.get("postnav") else [])
        page.chrome_dates = sorted({iso for *_, iso in page.sidebar} - {page.own})
        page.num = 10000 + 37 * k + h % 5000 if spec["lang"] == "en" else getattr(page, "rid", k)
        page.section = spec["sections"][k % 2] if spec.get("sections") else ""
        if spec["layout"] == "mirror":
            page.url = f"https://{host}/{page.section}/{page.slug}/"
        elif spec["layout"] == "mirror_id":
            page.url = f"https://{host}/news/{page.num}/"
        elif spec["layout"] in ("archive_id", "site_id"):
            page.url = f"https://{host}/archive/{page.num}/1"
        elif spec["lang"] == "ur":
            page.url = f"https://{host}/story/{page.num}/"
        else:
            page.url = f"https://{host}/{page.slug}-{k}/"
        pages.append(page)
    return pages


def page_path(page):
    spec = page.spec
    ext = spec.get("ext") or ("html" if spec["fmt"] == "html" else "txt")
    name = f"{page.slug}-{page.k:02d}.{ext}"
    site, day = spec["site"], page.scrape_day
    return {"site_day": f"{site}/{day}/{name}", "day_site": f"{day}/{site}/{name}",
            "direct": f"{site}/{name}", "articles": f"{site}/articles/{name}",
            "stories": f"{site}/stories/{name}", "blog": f"{site}/blog/{name}",
            "urdu": f"{site}/urdu/{name}", "saved": f"saved-pages/{name}",
            "site_id": f"{site}/{page.num}.{ext}",
            "archive_id": f"{site}/archive/{page.num}.{ext}",
            "mirror": f"{page.host}/{page.section}/{page.slug}/index.html",
            "mirror_id": f"{site}/news/{page.num}/index.html"}[spec["layout"]]


# ----------------------------------------------------------------------------- text pages

def item_lines(spec, item, i):
    """A text sidebar item's lines (plain and the chrome lines for the phrase choice)."""
    t, dt, te, _ = item
    shape = spec.get("tside", "lines")
    lines = {"lines": [t, dt], "ranked": [str(i + 1), t, dt],
             "kicker": [KICKERS.get(spec["site"], ["NEWS"] * 4)[i % 4], t, dt],
             "bullet": [f"٭ {t}", dt]}.get(shape, [t, dt])
    return lines + ([te] if te else [])


def inline_line(page):
    return PROMO[page.spec["lang"]]


def chrome_blocks(page, extra_nav):
    """[nav, label, item..., tail] for the phrase choice; plain text (headline, date, teaser) of
    each item; previous / next post lines and the ticker count as items."""
    spec = page.spec
    items = [[x for x in item_lines(spec, it, i) if not x.isdigit()]
             for i, it in enumerate(page.sidebar)]
    if spec.get("promo"):
        items.append([inline_line(page)])
    items += [[f"Previous Post: {page.postnav[0]}"], [f"Next Post: {page.postnav[1]}"]] \
        if page.postnav else []
    items += [[t] for t in page.ticker]
    nav = extra_nav + page.head + ([BREADCRUMB] if spec.get("crumb") else [])
    return [nav, [spec["label"]]] + items + [page.tail]


def story_paras(page):
    paras = list(page.paras)
    if page.spec.get("promo"):
        paras.insert(min(2, len(paras)), inline_line(page))
    return paras


def plain_page(page):
    spec = page.spec
    sep = "\n\n" if G.site_hash(spec["site"] + FRESH4_SALT) % 2 else "\n"
    side = sep.join([spec["label"]] + [ln for i, it in enumerate(page.sidebar)
                                       for ln in item_lines(spec, it, i)])
    story = ([BREADCRUMB] if spec.get("crumb") else []) + [page.headline]
    if page.own_text:
        story.append(page.own_text)
    if spec.get("share"):
        story.append(SHARE)
    chunks = ["\n".join(page.head)] if page.head else []
    if spec["pos"] == "before":
        chunks.append(side)
    chunks.append("\n".join(story))
    chunks += story_paras(page)
    if page.postnav:
        chunks.append(f"Previous Post: {page.postnav[0]}\nNext Post: {page.postnav[1]}")
    if spec["pos"] == "after":
        chunks.append(side)
    if page.tail:
        chunks.append("\n".join(page.tail))
    return "\n\n".join(chunks) + "\n"


def md_page(page):
    spec = page.spec
    home = f"https://{page.host}"
    nav = " · ".join(f"[{ln}]({home}/s/{i})" for i, ln in enumerate(page.head))
    side = [f"## {spec['label']}", ""]
    for i, (t, dt, te, _) in enumerate(page.sidebar):
        side.append(f"- [{t}]({home}/r/{i}) — {dt}" + (f"  \n  {te}" if te else ""))
    # the site's name first: a page opening with "[" is read as JSON (see README.md)
    chunks = [spec["site"]] + ([nav] if nav else [])
    if spec["pos"] == "before":
        chunks.append("\n".join(side))
    chunks.append(f"# {page.headline}")
    if page.own_text:
        chunks.append(f"*{page.own_text}*")
    chunks += story_paras(page)
    if spec["pos"] == "after":
        chunks.append("\n".join(side))
    chunks.append("---")
    chunks.append("\n".join(page.tail))
    return "\n\n".join(chunks) + "\n"


def lynx_page(page):
    """A lynx -dump: links numbered [n], paragraphs wrapped at 76 columns with a 3-space
    indent, the sidebar as a "*" list, the References list of URLs at the end."""
    spec = page.spec
    refs = []

    def link(text, url):
        refs.append(url)
        return f"[{len(refs)}]{text}"
    home = f"https://{page.host}"
    wrap = textwrap.TextWrapper(width=76, initial_indent="   ", subsequent_indent="   ",
                                break_long_words=False, break_on_hyphens=False)
    nav = wrap.fill(" ".join(link(ln, f"{home}/s/{i}") for i, ln in enumerate(page.head)))
    out = [nav, "", page.headline, ""]
    if page.own_text:
        out += ["   " + page.own_text, ""]
    for p in story_paras(page):
        out += [wrap.fill(p), ""]
    out += ["   " + spec["label"], ""]
    item_wrap = textwrap.TextWrapper(width=76, initial_indent="     * ",
                                     subsequent_indent="       ", break_long_words=False,
                                     break_on_hyphens=False)
    for i, (t, dt, te, _) in enumerate(page.sidebar):
        out.append(item_wrap.fill(link(t, f"{home}/r/{i}")))
        out.append("       " + dt)
        if te:
            out.append(textwrap.fill(te, 76, initial_indent="       ",
                                     subsequent_indent="       "))
    out.append("")
    out += ["   " + ln for ln in page.tail]
    out += ["", "References", ""]
    out += [f"  {i:>3}. {u}" for i, u in enumerate(refs + [page.url], 1)]
    return "\n".join(out) + "\n"


def text_page(page):
    render = {"plain": plain_page, "md": md_page, "lynx": lynx_page}[page.spec["render"]]
    return render(page), chrome_blocks(page, [])


# ----------------------------------------------------------------------------- HTML pages

def sidebar_html(page):
    esc = F.esc
    spec = page.spec
    label, m, items = esc(spec["label"]), spec["markup"], page.sidebar
    if m == "rel_time":
        s = ['<div class="trending-rail">', f"<h3>{label}</h3>", "<ul>"]
        for i, (t, dt, te, iso) in enumerate(items):
            stamp = f"{iso}T{6 + i:02d}:{13 * i % 60:02d}:00+00:00"
            when = fdate("tel_side", datetime.date.fromisoformat(iso), 6 + i, 13 * i % 60)
            s.append(f'<li><a href="/r/{i}">{esc(t)}</a> <time datetime="{stamp}" '
                     f'title="{esc(when)}">'
                     f"{esc(dt)}</time>" + (f"<p>{esc(te)}</p>" if te else "") + "</li>")
        return s + ["</ul>", "</div>"]
    if m == "td_col":
        s = ['<td class="leftcol" valign="top" width="25%">', f"<b>{label}</b>"]
        s += [f'<p class="side"><a href="/r/{i}">{esc(t)}</a><br><font size="1">{esc(dt)}</font>'
              + (f"<br>{esc(te)}" if te else "") + "</p>" for i, (t, dt, te, _) in enumerate(items)]
        return s + ["</td>"]
    if m == "jetpack":
        s = ['<div id="jp-relatedposts" class="jp-relatedposts">',
             f'<h3 class="jp-relatedposts-headline"><em>{label}</em></h3>',
             '<div class="jp-relatedposts-items">']
        s += ['<div class="jp-relatedposts-post">'
              f'<h4 class="jp-relatedposts-post-title"><a href="/r/{i}">{esc(t)}</a></h4>'
              f'<p class="jp-relatedposts-post-date">{esc(dt)}</p>'
              f'<p class="jp-relatedposts-post-context">In &quot;{CONTEXTS[i % 4]}&quot;</p>'
              + (f'<p class="jp-relatedposts-post-excerpt">{esc(te)}</p>' if te else "")
              + "</div>" for i, (t, dt, te, _) in enumerate(items)]
        return s + ["</div>", "</div>"]
    if m == "footer_list":
        s = ['<div class="footer-widgets">', '<section class="widget widget_recent_entries">',
             f'<h3 class="widget-title">{label}</h3>', "<ul>"]
        s += [f'<li><a href="/r/{i}">{esc(t)}</a> <span class="post-date">{esc(dt)}</span>'
              + (f"<p>{esc(te)}</p>" if te else "") + "</li>"
              for i, (t, dt, te, _) in enumerate(items)]
        return s + ["</ul>", "</section>", "</div>"]
    if m == "teaser_a":
        kick = KICKERS.get(spec["site"], ["News"] * 4)
        s = ['<div class="news-list">', f'<div class="news-list-title">{label}</div>']
        s += [f'<div class="news-item"><a class="teaser" href="/r/{i}">'
              f'<span class="kicker">{kick[i % 4]}</span> <span class="title">{esc(t)}</span> '
              f'<span class="ts">{esc(dt)}</span></a>'
              + (f'<div class="excerpt">{esc(te)}</div>' if te else "") + "</div>"
              for i, (t, dt, te, _) in enumerate(items)]
        return s + ["</div>"]
    # widget: a sidebar column of a Bootstrap grid
    s = ['<div class="col-md-4 sidebar">', '<div class="widget">',
         f'<h4 class="widget-title">{label}</h4>', "<ul>"]
    s += [f'<li><a href="/r/{i}">{esc(t)}</a> <span class="date">{esc(dt)}</span></li>'
          for i, (t, dt, te, _) in enumerate(items)]
    return s + ["</ul>", "</div>", "</div>"]


def html_head(page, title):
    esc = F.esc
    spec = page.spec
    lang = spec["lang"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00-05:00" if page.own else ""
    h = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>', "<head>", '<meta charset="utf-8">',
         f"<title>{esc(title)}</title>"]
    if spec["markup"] != "td_col":
        h.append(f'<link rel="canonical" href="{esc(page.url)}">')
    own = spec["own"]
    if page.own and own == "meta_pubdate":
        pub = fdate("pubdate", page.date, page.hour, page.minute)
        h.append(f'<meta name="pubdate" content="{pub}">')
        ld = [{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
                  {"@type": "ListItem", "position": 1, "name": "Newsroom",
                   "item": f"https://{page.host}/newsroom/"}]},
              {"@context": "https://schema.org", "@type": "NewsArticle",
               "headline": page.headline, "datePublished": stamp, "url": page.url}]
        h.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False)
                 + "</script>")
    if page.own and own == "meta_article":
        ust = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00.000Z"
        h.append(f'<meta name="article.published" content="{ust}">')
        h.append(f'<meta name="dateLastPubbed" content="{ust}">')
    return h + ["</head>"]


def table_page(page):
    """An old table-layout page (.htm): masthead row, nav row, then the sidebar cell and the
    story cell (headline in <h2> or a <div>, the date in a cell under it), footer row."""
    esc = F.esc
    spec = page.spec
    name = spec["site"]
    head = html_head(page, f"{name} - {page.headline}")
    b = ["<body>", '<table width="100%" border="0" cellpadding="4">',
         f'<tr><td colspan="2" class="masthead"><font size="5">{esc(name)}</font></td></tr>',
         '<tr><td colspan="2" class="nav">'
         + " | ".join(f'<a href="/s/{i}">{esc(ln)}</a>' for i, ln in enumerate(page.head))
         + "</td></tr>", "<tr>"]
    b += sidebar_html(page)
    b.append('<td class="story" valign="top">')
    b.append('<table width="100%">')
    hl = (f"<h2>{esc(page.headline)}</h2>" if spec["lang"] == "en"
          else f'<div class="heading"><font size="5"><b>{esc(page.headline)}</b></font></div>')
    b.append(f"<tr><td>{hl}</td></tr>")
    if page.own_text:
        b.append(f'<tr><td class="date"><font size="2">{esc(page.own_text)}</font></td></tr>')
    b.append("<tr><td>" + "".join(f"<p>{esc(p)}</p>" for p in story_paras(page)) + "</td></tr>")
    b += ["</table>", "</td>", "</tr>",
          '<tr><td colspan="2" class="footer">' + "<br>".join(esc(x) for x in page.tail)
          + "</td></tr>", "</table>", "</body>", "</html>"]
    return "\n".join(head + b) + "\n"


def html_page(page):
    esc = F.esc
    spec = page.spec
    if spec["markup"] == "td_col":
        return table_page(page), chrome_blocks(page, [spec["site"]])
    own, name = spec["own"], spec["site"]
    head = html_head(page, f"{page.headline} | {name}")
    divs = spec["markup"] in ("teaser_a",) or spec["site"] == "sachai-news.tv"
    b = ["<body>", '<div id="masthead">' if divs else '<header class="site-header">',
         f'<div class="site-title"><a href="/">{esc(name)}</a></div>',
         '<div class="menu"><ul>' if divs else '<nav class="main-navigation"><ul>']
    b += [f'<li><a href="/s/{i}">{esc(ln)}</a></li>' for i, ln in enumerate(page.head)]
    b += ["</ul></div>" if divs else "</ul></nav>", "</div>" if divs else "</header>"]
    if page.ticker:
        b += ['<div class="breaking-news"><marquee direction="right" scrollamount="4">'
              + esc(TICKER_SEP.join(page.ticker)) + "</marquee></div>"]
    b.append('<div id="content" class="site-content">')
    side = sidebar_html(page)
    if spec["pos"] == "before":
        b += side
    b.append('<div class="post-body">' if divs else '<article class="post">')
    b.append('<div class="entry-header">' if divs else '<header class="entry-header">')
    b.append(f'<h1 class="entry-title">{esc(page.headline)}</h1>')
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00-05:00" if page.own else ""
    if page.own_text and own == "abbr":
        b.append(f'<div class="article-meta">By Reuters · <abbr class="published" '
                 f'title="{stamp}">{esc(page.own_text)}</abbr></div>')
    elif page.own_text and own == "time_yy":
        b.append(f'<div class="entry-meta"><span class="posted-on"><time class="entry-date '
                 f'published" datetime="{stamp}">{esc(page.own_text)}</time></span> '
                 '<span class="byline">by Reuters</span></div>')
    b.append("</div>" if divs else "</header>")
    b.append('<div class="entry-content">')
    b += [f"<p>{esc(p)}</p>" for p in story_paras(page)]
    if spec["pos"] == "inside":
        b += side
    b.append("</div>")
    if page.postnav:
        b += ['<nav class="navigation post-navigation"><div class="nav-links">',
              f'<div class="nav-previous"><a href="/p/0">Previous Post: {esc(page.postnav[0])}'
              "</a></div>",
              f'<div class="nav-next"><a href="/p/1">Next Post: {esc(page.postnav[1])}</a></div>',
              "</div></nav>"]
    b.append("</div>" if divs else "</article>")
    if spec["pos"] == "after":
        b += side
    b.append("</div>")
    b.append('<div id="colophon">' if divs else '<footer class="site-footer">')
    if spec["pos"] == "footer":
        b += side
    b += [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b += ["</div>" if divs else "</footer>", "</body>", "</html>"]
    return "\n".join(head + b) + "\n", chrome_blocks(page, [name])


# ----------------------------------------------------------------------------- checks

def flat(text):
    """The text with every run of whitespace one space (lynx wraps lines)."""
    return " ".join(text.split())


def read_own(text):
    """The date an own-date text states, read independently of fdate (ISO, or ""): a US
    dd/dd/yy, or a month name with the day just before or just after it and a 4-digit year
    (a Hijri date after "ء،" left out)."""
    t = re.sub("ء،.*$", "", text).replace("یکم", "1")
    t = t.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    m = re.search(r"\b(\d\d)/(\d\d)/(\d\d)\b", t)
    if m:
        return f"19{m.group(3)}-{m.group(1)}-{m.group(2)}"
    year = re.search(r"\b(19|20)\d\d", t)
    months = [mo.lower()[:3] for mo in G.MONTHS]
    found = [(i + 1, t.index(name), t.index(name) + len(name))
             for i, name in enumerate(G.URDU_MONTHS) if name in t]
    found += [(months.index(m.group(0).lower()[:3]) + 1, m.start(), m.end())
              for m in re.finditer(r"[A-Za-z]+", t) if m.group(0).lower()[:3] in months
              and len(m.group(0)) in (3, len(G.MONTHS[months.index(m.group(0).lower()[:3])]))]
    if not found or not year:
        return ""
    month, start, end = found[0]
    day = re.search(r"(\d{1,2})\s*$", t[:start]) or re.match(r"\.?\s*(\d{1,2})\b", t[end:])
    return f"{year.group(0)}-{month:02d}-{int(day.group(1)):02d}" if day else ""


def self_check(rendered, labels):
    """The labels against the pages, without khabar: the own date where the label says it is,
    chrome dates and phrases in the chrome, lead queries, headlines and leads unique, paths
    unique. Exits with the failures; returns a summary line."""
    bad = []
    by_path = {lb["path"]: lb for lb in labels}
    if len(by_path) != len(rendered):
        bad.append("two pages share a path")
    content = " | ".join(" ".join(M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    meta_keys = ("datePublished", "pubdate", "article.published", "dateLastPubbed",
                 "published_time", "DC.date")
    for page, path, text, chrome in rendered:
        lb = by_path["pages/" + path]
        spec = page.spec
        raw = flat(G.visible_text(text) if spec["fmt"] == "html" else text)
        start = raw.index(flat(page.headline), raw.index(flat(page.headline)) + 1) \
            if spec["fmt"] == "html" else raw.index(flat(page.headline))  # HTML: after <title>
        end = raw.index(flat(page.paras[-1]), start) + len(flat(page.paras[-1]))
        zone, outside = raw[start:end], raw[:start] + " | " + raw[end:]
        if lb["own_date"] != page.own:
            bad.append(f"{path}: label own_date {lb['own_date']} != {page.own}")
        if page.own_text:
            if read_own(page.own_text) != page.own:
                bad.append(f"{path}: own date text {page.own_text!r} reads "
                           f"{read_own(page.own_text)}, not {page.own}")
            if zone.count(flat(page.own_text)) != 1:
                bad.append(f"{path}: own date text {page.own_text!r} not once in the story")
            if zone.index(flat(page.own_text)) > len(flat(page.headline)) + 60:
                bad.append(f"{path}: own date text not beside the headline")
        elif page.own:  # metadata only
            if page.own not in text or not any(k in text for k in meta_keys):
                bad.append(f"{path}: own date {page.own} in no metadata")
        elif any(k in text for k in meta_keys) or "<time" in zone:
            bad.append(f"{path}: undated page with date metadata")
        for t, dt, te, iso in page.sidebar:
            if flat(dt) not in outside or iso not in lb["chrome_dates"] + [page.own]:
                bad.append(f"{path}: sidebar date {dt!r} not in its chrome or labels")
            if flat(dt) in zone.replace(flat(page.own_text or "\0"), "") or flat(t) in zone:
                bad.append(f"{path}: sidebar item {t!r} inside the story")
        raw_words = " " + " ".join(M.tokenize(raw)) + " "
        zone_words = " " + " ".join(M.tokenize(zone)) + " "
        for ph in lb["chrome_phrases"]:
            if f" {ph} " not in raw_words:
                bad.append(f"{path}: phrase {ph!r} not on the page")
            if f" {ph} " in f" {content} ":
                bad.append(f"{path}: phrase {ph!r} in some page's content")
            promo = " " + " ".join(M.tokenize(PROMO[spec["lang"]])) + " "
            if f" {ph} " in zone_words and not (spec.get("promo") and f" {ph} " in promo):
                bad.append(f"{path}: phrase {ph!r} inside the story")
        if not lb["chrome_phrases"]:
            bad.append(f"{path}: no chrome phrase")
        lead_words = " " + " ".join(G.content_words(page.lead + " " + page.headline,
                                                     spec["lang"])) + " "
        if not set(lb["lead_query"].split()) <= set(lead_words.split()):
            bad.append(f"{path}: lead query words not in its lead and headline")
    return G.set_wide_checks("fresh4", rendered, labels, bad)


def main(shared, out):
    G.generate_set("fresh4", SITES, SEED_FRESH4, FRESH4_SALT, site_pages,
                   lambda page: (html_page if page.spec["fmt"] == "html" else text_page)(page),
                   page_path, self_check, shared, out)
