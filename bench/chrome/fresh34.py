"""The thirty-fifth set of the chrome bench (`gen.py --set fresh34`, `SET=fresh34 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirty-fifth set"
before the set's held-out run. The design is described in README.md "The thirty-fifth set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates. Site names, section words, furniture, box lines, notes,
figures and all dates but the Reuters ones are the assembly's. Each generation checks its
labels against its pages (self_check: this set's checks, then fresh22's) and stops on any
mismatch. The assembly code is fresh30's and fresh33's (imported: page filling, story header,
lists, dated lines above and after the story, text and HTML pages, outlet tags, the label
checks), with this set's salt, base days, chrome and paths; this set adds the story's second
dates: an update or modification day beside the own date, correction and editor's notes,
print-edition lines, republication notes, "more than N years old" banners and live pages
with stamped entries.
"""
import datetime
import html

import fresh22 as F22
import fresh30 as F30
import fresh33 as F33
import gen as G

SEED_FRESH34 = 20270906
FRESH34_SALT = "khabar-chrome-fresh34"
EN_BASE, UR_BASE = datetime.date(2027, 9, 6), datetime.date(2027, 9, 7)
DAY = datetime.timedelta(days=1)

# fmt txt: fresh22's text page; fmt html: fresh23's outlet page (fresh33's outlet tags).
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# kind: the story's other dates (only on pages that state their own date, but banner):
#   upd (an update or modification day on the own line, after the own day), correction (a
#   correction note ending the story, with the day it was updated), note (an editor's note
#   ending the story, the same), print (the print edition's line ending the story: the next
#   day), archive (republished: the republication day on the own line after the original
#   day, and a note ending the story with the original day), live (stamped entries: times,
#   the last one the next day's), banner (a "more than N years old" line above the byline;
#   no day), plain (none)
# extras: fresh30's dated lines above the story (today, ticker, today_en, ticker_en) and boxes
#   after it (prayer, weather, akhbar, columns, prayer_en, weather_en, epaper_en)
SITES = [
    dict(site="islamabad-evening-star.pk", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_pk", side="en_wp", label="Latest", kind="upd",
         extras=("today_en", "weather_en"), enc=None, n=16),
    dict(site="gwadar-gazette.com", lang="en", fmt="html", layout="site", body="reuters",
         own="under", half=True, ostyle="en_dmy_short", meta="time", side="en_short",
         label="Most read", kind="upd", extras=("ticker_en", "prayer_en"), host="canonical",
         tool=None, enc=None, n=16),
    dict(site="mirpur-monitor.pk", lang="en", fmt="txt", layout="site", body="mix",
         own="under", half=True, ostyle="en_wp", side="en_dmy_short", label="Top stories",
         kind="correction", extras=("epaper_en", "prayer_en"), enc=None, n=16),
    dict(site="rawal-review.com", lang="en", fmt="html", layout="site", body="reuters",
         own="under", half=True, ostyle="en_lotto", meta=None, side="en_wp",
         label="From the archive", kind="archive", extras=("today_en", "epaper_en"),
         host="og", tool=None, enc=None, n=16),
    dict(site="live.margalla-post.pk", lang="en", fmt="html", layout="site", body="mix",
         own="under", half=True, ostyle="en_pk", meta="time", side=None, label="",
         kind="live", extras=("ticker_en", "weather_en"), host="canonical", tool=None,
         enc=None, n=16),
    dict(site="the-frontier-daily.pk", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", half=True, ostyle="en_ordinal", side="en_short", label="Business",
         kind="print", extras=("today_en", "epaper_en"), enc=None, n=16),
    dict(site="taxila-times.com", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_dmy_short", label="Opinion", kind="banner",
         extras=("ticker_en", "prayer_en"), host="name", tool=None, enc=None, n=16),
    dict(site="bahawalpur-bulletin.pk", lang="en", fmt="txt", layout="site", body="bbc",
         own="none", side="en_wp", label="Related", kind="plain",
         extras=("today_en", "weather_en"), enc=None, n=16),
    dict(site="indus-valley-record.com", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_wp", meta="time", side="en_short", label="World",
         kind="banner", extras=("today_en", "prayer_en"), host="canonical", tool="httrack",
         enc=None, n=16),
    dict(site="roznama-shahrah.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_shaya", side="ur_eastern", label="تازہ ترین", kind="upd",
         extras=("today", "prayer"), enc=None, n=16),
    dict(site="urdu.karakoram-awaz.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_plain", meta="time", side="ur_eastern", label="اہم خبریں",
         kind="correction", extras=("ticker", "weather"), host="canonical", tool=None,
         enc=None, n=16),
    dict(site="jhelum-khabarnama.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="none", side="ur_hamza", label="مزید خبریں", kind="plain",
         extras=("ticker", "akhbar"), enc=None, n=16),
    dict(site="roznama-sindh-sada.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_plain", label="مقبول خبریں", kind="plain",
         extras=("today", "columns"), host="og", tool=None, enc=None, n=16),
    dict(site="roznama-dera-times.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", half=True, ostyle="ur_weekday", side="ur_eastern", label="علاقائی خبریں",
         kind="print", extras=("today", "weather"), enc=None, n=16),
    dict(site="urdu.live-lahore.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", half=True, ostyle="ur_shaya", meta="time", side="ur_hamza",
         label="تازہ ترین", kind="live", extras=("ticker", "prayer"), host="canonical",
         tool=None, enc=None, n=16),
    dict(site="akhbar-e-kohat.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_hamza", side=None, label="", kind="note",
         extras=("ticker", "akhbar"), enc=None, n=16),
    dict(site="roznama-chitral-news.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", half=True, ostyle="ur_arabic", meta=None, side="ur_plain",
         label="کالم", kind="upd", extras=("today", "columns"), host="canonical", tool=None,
         enc=None, n=16),
    dict(site="swat-sada.pk", lang="ur", fmt="txt", layout="site", body="samaa", own="none",
         side="ur_weekday", label="دیگر خبریں", kind="plain", extras=("today", "prayer"),
         enc=None, n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites (Urdu sections in nav)
    "islamabad-evening-star.pk": (["Islamabad Evening Star", "Capital", "Pakistan", "World",
                                   "اردو"],
                                  ["Islamabad Evening Star, Blue Area",
                                   "Evening Star Publications"]),
    "gwadar-gazette.com": (["Gwadar Gazette", "Makran", "Ports", "Business", "اردو"],
                           ["Gwadar Gazette, Marine Drive", "Gazette Media House"]),
    "mirpur-monitor.pk": (["Mirpur Monitor", "Azad Kashmir", "Diaspora", "World", "اردو"],
                          ["Mirpur Monitor", "Corrections and clarifications"]),
    "rawal-review.com": (["Rawal Review", "Archive", "Economy", "Region", "اردو"],
                         ["Rawal Review Trust", "Reproduction rights"]),
    "live.margalla-post.pk": (["Margalla Post Live", "Live blogs", "Pakistan", "Markets",
                               "اردو"],
                              ["Margalla Post Group", "How we cover live events"]),
    "the-frontier-daily.pk": (["The Frontier Daily", "Peshawar", "Business", "World", "اردو"],
                              ["The Frontier Daily, Saddar", "Subscribe to the print edition"]),
    "taxila-times.com": (["Taxila Times", "Heritage", "Pakistan", "Culture", "اردو"],
                         ["Taxila Times Online", "Letters to the editor"]),
    "bahawalpur-bulletin.pk": (["Bahawalpur Bulletin", "Cholistan", "Farming", "Sport",
                                "اردو"],
                               ["Bahawalpur Bulletin", "Advertise in the Bulletin"]),
    "indus-valley-record.com": (["Indus Valley Record", "Sindh", "World", "Markets", "اردو"],
                                ["Indus Valley Record, Hyderabad",
                                 "Record Publishing House"]),
}
PAPER = {  # the print edition named by a print line
    "the-frontier-daily.pk": "The Frontier Daily",
    "roznama-dera-times.pk": "روزنامہ ڈیرہ ٹائمز",
}
OWN_WORDS = {  # the words the site writes beside its own date ({u}: the second day's text)
    "islamabad-evening-star.pk": "Published {t} | Updated {u}",
    "gwadar-gazette.com": "First published: {t} · Last modified: {u}",
    "mirpur-monitor.pk": "Published {t}",
    "rawal-review.com": "Originally published {t} · Republished {u}",
    "live.margalla-post.pk": "Live · Started {t}",
    "the-frontier-daily.pk": "{t}",
    "indus-valley-record.com": "Published {t}; updated {u}",
    "roznama-shahrah.pk": "شائع {t} | آخری اپ ڈیٹ {u}",
    "urdu.karakoram-awaz.pk": "شائع {t}",
    "roznama-dera-times.pk": "تاریخ اشاعت: {t}",
    "urdu.live-lahore.pk": "لائیو — آغاز {t}",
    "akhbar-e-kohat.pk": "شائع {t}",
    "roznama-chitral-news.pk": "پہلی اشاعت: {t} — آخری ترمیم: {u}",
}
CORRECTION_EN = ("Correction: An earlier version of this story misstated a figure in the "
                 "second paragraph. This story was updated on {u}.")
CORRECTION_UR = ("تصحیح: اس خبر کے پہلے ورژن میں ایک عدد غلط شائع ہو گیا تھا۔ خبر {u} کو "
                 "درست کر دی گئی۔")
NOTE_UR = "ادارتی نوٹ: اس خبر میں نئی معلومات شامل کی گئی ہیں۔ آخری بار اپ ڈیٹ: {u}"


def own_line(page):
    """The own date's line with the site's words and, where they have one, the second day."""
    words = OWN_WORDS.get(page.spec["site"], "{t}")
    return words.format(t=page.own_text, u=page.second_text)


_HEADER22 = F22.header_lines


def header_lines(page):
    """fresh22's header, with a banner site's "more than N years old" line first."""
    lines = _HEADER22(page)
    return ([page.banner] if getattr(page, "banner", "") else []) + lines


def years_old(page):
    """The banner's whole years between the story's day (or, undated, a BBC story of 2004-05)
    and the scrape day, as the outlet's template words it."""
    scrape = datetime.date.fromisoformat(page.scrape_day)
    then = page.date if page.own else datetime.date(2005, 12, 31)
    n = scrape.year - then.year - ((scrape.month, scrape.day) < (then.month, then.day))
    return f"This article is more than {n} years old"


def second_dates(page):
    """The story's other dates (see SITES: kind); sets page.second (ISO or ""), second_text
    (on the own line), page.notes34 [(text, ISO)] (the paragraphs this adds: notes ending the
    story, live entries) and page.banner."""
    spec, k = page.spec, page.k
    kind, en, style = spec["kind"], spec["lang"] == "en", spec.get("ostyle")
    page.second, page.second_text, page.notes34, page.banner = "", "", [], ""
    if kind == "banner":
        page.banner = years_old(page)
    if not page.own:
        return
    own = datetime.date.fromisoformat(page.own)
    scrape = datetime.date.fromisoformat(page.scrape_day)
    hh, mm = (page.hour + 3 + k % 5) % 24, (page.minute + 23) % 60
    if kind in ("upd", "correction", "note", "banner"):
        later = own + DAY * (1 + k % 3)
        if not en:  # the assembly's Urdu own day is 0-2 days before the scrape day
            later = min(later, scrape)
        if kind == "banner":
            later = own + DAY * (2 + k % 4)
        page.second = later.isoformat()
        text = F30.fdate(style, later, hh, mm)
        if kind in ("upd", "banner"):
            page.second_text = text
        elif kind == "correction":
            page.notes34 = [((CORRECTION_EN if en else CORRECTION_UR).format(u=text),
                             page.second)]
        else:
            page.notes34 = [(NOTE_UR.format(u=text), page.second)]
    elif kind == "print":
        nxt = own + DAY
        page.second = nxt.isoformat()
        if en:
            line = f"Published in {PAPER[spec['site']]}, {F30.fdate('en_ordinal', nxt)}"
        else:
            line = (f"یہ خبر {PAPER[spec['site']]} کے {F30.fdate('ur_plain', nxt)} کے شمارے "
                    "میں شائع ہوئی۔")
        page.notes34 = [(line, page.second)]
    elif kind == "archive":
        rep = scrape - DAY * (k % 3)
        page.second = rep.isoformat()
        page.second_text = F30.fdate(style, rep)
        page.notes34 = [(f"This article was originally published on {F30.fdate('en_wp', own)}"
                         f" and is republished from our archive.", page.own)]
    elif kind == "live":  # entries stamped with times; the last, after midnight, with its day
        nxt = own + DAY
        page.second = nxt.isoformat()
        body = page.paras[1:]
        stamps = [f"{(page.hour + 1 + i) % 24:02d}:{(page.minute + 7 * i) % 60:02d}"
                  for i in range(len(body))]
        last = (F30.fdate("en_lotto", nxt) + ", 00:40" if en
                else F30.fdate("ur_plain", nxt) + "، 00:40")
        if body:
            stamps[-1] = last
        page.stamps = stamps
        page.live = [(f"{s} — {p}", nxt.isoformat() if i == len(body) - 1 else "")
                     for i, (s, p) in enumerate(zip(stamps, body))]
        page.paras = page.paras[:1] + [ln for ln, _ in page.live]
        return
    page.paras = list(page.paras) + [ln for ln, _ in page.notes34]


def site_pages(spec, pools, templates, rng):
    """fresh30's assembly with this set's salt and days, then the story's other dates."""
    pages = F30.site_pages(spec, pools, templates, rng)
    for page in pages:
        second_dates(page)
    return pages


def page_path(page):
    site, num, slug = page.spec["site"], page.num, page.slug[:50].rstrip("-")
    day = page.scrape_day
    return {
        "islamabad-evening-star.pk": f"{site}/news/{num}.txt",
        "gwadar-gazette.com": f"www.{site}/business/{slug}-{num}.html",
        "mirpur-monitor.pk": f"dump/{day}/{site}/{num}.txt",
        "rawal-review.com": f"{site}/archive/{slug}/index.html",
        "live.margalla-post.pk": f"{site}/live/{num}.html",
        "the-frontier-daily.pk": f"scraped/{site}/{slug}.txt",
        "taxila-times.com": f"{site}/opinion/{slug}.html",
        "bahawalpur-bulletin.pk": f"texts/{num}.txt",
        "indus-valley-record.com": f"websites/www.{site}/world/{num}.html",
        "roznama-shahrah.pk": f"{site}/khabar/{num}.txt",
        "urdu.karakoram-awaz.pk": f"{site}/news/{num}.html",
        "jhelum-khabarnama.pk": f"urdu/{day.replace('-', '')}/{num}.txt",
        "roznama-sindh-sada.pk": f"{site}/detail/{num}/index.html",
        "roznama-dera-times.pk": f"{site}/{day}/{num}.txt",
        "urdu.live-lahore.pk": f"{site}/live/{num}.htm",
        "akhbar-e-kohat.pk": f"scraped/akhbar/{num}.txt",
        "roznama-chitral-news.pk": f"{site}/ur/{num}.html",
        "swat-sada.pk": f"{site}/story-{num}.txt",
    }[site]


def render(page):
    """fresh33's page (fresh30's, with the outlet tags and the saving tool's marks)."""
    return F33.render(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """This set's checks of the story's other dates (see README.md "The thirty-fifth set"),
    then fresh22's checks of the labels against the pages; exits with the failures, else
    returns a summary line."""
    bad = []
    flat = F22.F4.flat
    by_path = {lb["path"]: lb for lb in labels}
    for page, path, text, _chrome in rendered:
        spec, lb = page.spec, by_path["pages/" + path]
        body = flat(html.unescape(text) if spec["fmt"] == "html" else text)
        if lb["own_date"] != page.own:
            bad.append(f"{path}: label {lb['own_date']} is not the own date {page.own}")
        if page.second:
            if page.second_text and F30.read_own(page.second_text) != page.second:
                bad.append(f"{path}: second day {page.second_text!r} misread")
            if page.second < page.own:
                bad.append(f"{path}: the second day {page.second} before the own day")
            if page.second_text and flat(own_line(page)) not in body:
                bad.append(f"{path}: the own line with its second day not on the page")
        elif page.own and spec["kind"] not in ("plain",):
            bad.append(f"{path}: a dated page of kind {spec['kind']} with no second day")
        notes = list(page.notes34) + [x for x in getattr(page, "live", []) if x[1]]
        for ln, iso in notes:
            if F30.read_own(ln) != iso:
                bad.append(f"{path}: note {ln[:50]!r} reads {F30.read_own(ln)}, want {iso}")
            if flat(ln) not in body:
                bad.append(f"{path}: note {ln[:50]!r} not on the page")
            if ln not in page.paras:
                bad.append(f"{path}: note {ln[:50]!r} not a paragraph of the story")
        if spec["kind"] == "live" and page.own and not any(i for _l, i in page.live):
            bad.append(f"{path}: a dated live page with no dated entry")
        for i, stamp in enumerate(getattr(page, "stamps", [])[:-1]):
            if F30.read_own(stamp) or not page.live[i][0].startswith(stamp + " — "):
                bad.append(f"{path}: a live entry's stamp {stamp!r} reads as a day")
        if not page.own and (page.notes34 or page.second):
            bad.append(f"{path}: an undated page with a second day")
        if page.banner and (F30.read_own(page.banner) or flat(page.banner) not in body):
            bad.append(f"{path}: banner {page.banner!r} reads as a day or not on the page")
        if (spec["fmt"] == "html") != text.startswith("<!DOCTYPE") or lb["fmt"] != spec["fmt"]:
            bad.append(f"{path}: format {lb['fmt']} is not the page's")
    if bad:
        raise SystemExit("fresh34 self-check failed:\n" + "\n".join(bad[:40]))
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh34 self-check")) from None


def setup():
    """fresh30's assembly, with this set's salt, days, chrome and own line."""
    F22.SEEN.clear()
    F30.FRESH30_SALT, F30.EN_BASE, F30.UR_BASE = FRESH34_SALT, EN_BASE, UR_BASE
    F30.EN_CHROME.update(EN_CHROME)
    F22.own_line = own_line
    F22.header_lines = header_lines
    F22.read_own = F30.read_own


def main(shared, out):
    setup()
    G.generate_set("fresh34", SITES, SEED_FRESH34, FRESH34_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
