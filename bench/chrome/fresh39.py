"""The fortieth set of the chrome bench (`gen.py --set fresh39`, `SET=fresh39 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The fortieth set" before
the set's held-out run. The design is described in README.md "The fortieth set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express,
Samaa); lists of real headlines with dates. Site names, section words, furniture, box lines
and all dates but the Reuters ones are the assembly's. Each generation checks its labels
against its pages (self_check: this set's checks, then fresh22's) and stops on any mismatch.
The assembly code is fresh30's and fresh33's (imported, as fresh36 uses them: page filling,
story header, lists, dated lines above and after the story, text and HTML pages, outlet tags,
the label checks); this set adds its sites, chrome words, own-line words, Urdu own dates moved
back by whole years (archive pages), and paths that carry a day (the page's date in its
folders, whether or not the page states it).
"""
import datetime

import fresh20 as F20
import fresh22 as F22
import fresh30 as F30
import fresh33 as F33
import fresh36 as F36
import gen as G

SEED_FRESH39 = 20271121
FRESH39_SALT = "khabar-chrome-fresh39"
EN_BASE, UR_BASE = datetime.date(2027, 11, 21), datetime.date(2027, 11, 22)
S = F36.S

# As fresh36's table (fmt, own, half, meta, host, tool, body, ostyle, side, label, extras),
# with n 16 on every site and:
# layout (the label): site (the site's own folder, no day in it) | dated (folders carrying
#   the page's date: pathday)
# years: Urdu own dates moved back this many whole years (0: 0-2 days before the scrape day);
#   on an Urdu site with own none and pathday, the day its path carries (the page states none)
# pathday: the path holds the page's date (Reuters: its real date; Urdu: as years says), also
#   on pages that state no date of their own (own none, or the odd pages of a half site)
# otherday: the story is drawn (up to 400 draws) among those whose lead reads a day other
#   than the own date (a Reuters lead that names another day)
SITES = [
    # English text pages
    S("ravi-record.pk", "en", "txt", 16, "dated", "reuters", "under", "en_wp", "Latest",
      ("today_en", "weather_en"), ostyle="en_wp", half=True, pathday=True),
    S("margalla-mirror.pk", "en", "txt", 16, "site", "bbc", "none", "en_short", "Most read",
      ("ticker_en", "prayer_en")),
    S("indus-archive-gazette.com", "en", "txt", 16, "dated", "reuters", "none",
      "en_dmy_short", "Top stories", ("today_en", "epaper_en"), pathday=True),
    S("thal-desert-courier.pk", "en", "txt", 16, "site", "reuters", "under", "en_lotto",
      "Related", ("ticker_en", "weather_en"), ostyle="en_lotto", otherday=True),
    S("potohar-post.com", "en", "txt", 16, "dated", "reuters", "under", "en_pk", "More news",
      ("today_en", "prayer_en"), ostyle="en_pk", pathday=True, otherday=True),
    # English HTML pages
    S("karakoram-ledger.pk", "en", "html", 16, "dated", "reuters", "under", "en_short",
      "Latest", ("ticker_en", "epaper_en"), ostyle="en_short", half=True, meta="time",
      pathday=True),
    S("makran-morning-news.pk", "en", "html", 16, "dated", "reuters", "none", "en_wp",
      "Trending", ("today_en", "weather_en"), host="og", pathday=True),
    S("salt-range-review.pk", "en", "html", 16, "site", "bbc", "none", "en_dmy_short",
      "Opinion", ("ticker_en", "prayer_en"), tool="httrack"),
    S("bolan-pass-bulletin.com", "en", "html", 16, "site", "mix", "under", "en_dmy_short",
      "World", ("today_en", "epaper_en"), ostyle="en_dmy_short", meta="time"),
    # Urdu text pages
    S("roznama-ravi-awaz.pk", "ur", "txt", 16, "dated", "express", "under", "ur_plain",
      "تازہ ترین", ("today", "prayer"), ostyle="ur_plain", years=6, pathday=True),
    S("urdu.margalla-khabar.pk", "ur", "txt", 16, "site", "samaa", "none", "ur_eastern",
      "مزید خبریں", ("ticker", "weather")),
    S("purani-khabrein-sindh.pk", "ur", "txt", 16, "dated", "express", "none", "ur_plain",
      "اہم خبریں", ("today", "akhbar"), years=4, pathday=True),
    S("roznama-cholistan-sada.pk", "ur", "txt", 16, "site", "express", "under", "ur_weekday",
      "مقبول خبریں", ("ticker", "prayer"), ostyle="ur_weekday", half=True, years=0),
    # Urdu HTML pages
    S("daily-karakoram-akhbar.pk", "ur", "html", 16, "dated", "express", "under", "ur_hamza",
      "متعلقہ خبریں", ("today", "weather"), ostyle="ur_hamza", meta="time", years=8,
      pathday=True),
    S("urdu.makran-news.pk", "ur", "html", 16, "site", "samaa", "none", "ur_plain",
      "تازہ ترین", ("ticker", "columns")),
    S("roznama-potohar-khabar.pk", "ur", "html", 16, "dated", "express", "under", "ur_eastern",
      "علاقائی خبریں", ("today", "prayer"), ostyle="ur_eastern", half=True, years=3,
      pathday=True),
    S("salt-range-akhbar.pk", "ur", "html", 16, "dated", "express", "none", "ur_arabic",
      "مزید خبریں", ("ticker", "akhbar"), host="og", years=5, pathday=True),
    S("roznama-bolan-times.pk", "ur", "html", 16, "site", "express", "under", "ur_plain",
      "اہم خبریں", ("today", "weather"), ostyle="ur_plain", meta="time", years=0),
]

EN_CHROME = {  # the assembly's header and footer of the English sites
    "ravi-record.pk": (["Ravi Record", "Home", "Lahore", "Punjab", "اردو"],
                       ["Ravi Record, Mall Road", "Write to the Record"]),
    "margalla-mirror.pk": (["Margalla Mirror", "Capital", "Nation", "World", "اردو"],
                           ["Margalla Mirror", "Margalla Mirror, Blue Area"]),
    "indus-archive-gazette.com": (["Indus Gazette", "Archive", "Sindh", "Business"],
                                  ["Indus Gazette Archive", "Reprints and permissions"]),
    "thal-desert-courier.pk": (["Thal Courier", "Home", "Bhakkar", "Layyah", "اردو"],
                               ["Thal Desert Courier", "Advertise in the Courier"]),
    "potohar-post.com": (["Potohar Post", "News", "Rawalpindi", "Markets", "اردو"],
                         ["Potohar Post, Murree Road", "Potohar Post Media"]),
    "karakoram-ledger.pk": (["Karakoram Ledger", "Gilgit", "Trade routes", "World", "اردو"],
                            ["Karakoram Ledger", "Karakoram Ledger, Jutial"]),
    "makran-morning-news.pk": (["Makran Morning News", "Coast", "Fisheries", "Pakistan"],
                               ["Makran Morning News", "Send a tip to the desk"]),
    "salt-range-review.pk": (["Salt Range Review", "Home", "Chakwal", "Khewra", "اردو"],
                             ["Salt Range Review", "Review Publishing House"]),
    "bolan-pass-bulletin.com": (["Bolan Bulletin", "Quetta", "Highways", "World", "اردو"],
                                ["Bolan Pass Bulletin", "Bolan Bulletin, Jinnah Road"]),
}
OWN_WORDS = {  # the words the site writes beside its own date
    "ravi-record.pk": "{t}",
    "thal-desert-courier.pk": "{t}",
    "potohar-post.com": "{t}",
    "karakoram-ledger.pk": "{t}",
    "bolan-pass-bulletin.com": "{t}",
    "roznama-ravi-awaz.pk": "{t}",
    "roznama-cholistan-sada.pk": "{t}",
    "daily-karakoram-akhbar.pk": "{t}",
    "roznama-potohar-khabar.pk": "{t}",
    "roznama-bolan-times.pk": "{t}",
}


# ----------------------------------------------------------------------------- pages

def years_back(d, years):
    """The same day `years` years before (28 February for a 29 February)."""
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return d.replace(year=d.year - years, day=28)


_NEW_PAGE20 = F20.new_page


def new_page(spec, k, day, pools, rng, back):
    """fresh20's page, with an Urdu site's own date (or, on an undated Urdu site with dated
    paths, its path's day) moved back by the site's whole years; on an otherday site, a
    story whose lead reads another day than its own where one is found in 400 draws."""
    page = _NEW_PAGE20(spec, k, day, pools, rng, back)
    for _ in range(400 if spec.get("otherday") else 0):
        if page.own and F30.read_own(page.lead) not in (None, "", page.own):
            break
        page = _NEW_PAGE20(spec, k, day, pools, rng, back)
    if spec["lang"] == "ur" and spec.get("years") is not None:
        if page.own:
            page.date = years_back(page.date, spec["years"])
            page.own = page.date.isoformat()
        elif spec.get("pathday"):
            page.date = years_back(day - datetime.timedelta(days=back), spec["years"])
    return page


def page_path(page):
    """The page's path in the dump (see README.md "The fortieth set")."""
    spec = page.spec
    site, num, slug = spec["site"], page.num, page.slug[:50].rstrip("-")
    d = page.date if spec.get("pathday") else None
    return {
        "ravi-record.pk": lambda: f"{site}/{d:%Y/%m/%d}/{slug}.txt",
        "margalla-mirror.pk": lambda: f"{site}/news/{num}.txt",
        "indus-archive-gazette.com": lambda: f"{site}/archive/{d:%Y/%m/%d}/{num}.txt",
        "thal-desert-courier.pk": lambda: f"{site}/{num}.txt",
        "potohar-post.com": lambda: f"www.{site}/{d:%Y/%m}/{slug}.txt",
        "karakoram-ledger.pk": lambda: f"{site}/{d:%Y/%m/%d}/{slug}.html",
        "makran-morning-news.pk": lambda: f"www.{site}/{d:%Y/%m/%d}/{slug}/index.html",
        "salt-range-review.pk": lambda: f"websites/www.{site}/story/{num}.html",
        "bolan-pass-bulletin.com": lambda: f"{site}/news/{slug}.html",
        "roznama-ravi-awaz.pk": lambda: f"{site}/{d:%Y/%m/%d}/{num}.txt",
        "urdu.margalla-khabar.pk": lambda: f"{site}/khabar/{num}.txt",
        "purani-khabrein-sindh.pk": lambda: f"{site}/archive/{d:%Y-%m-%d}/{num}.txt",
        "roznama-cholistan-sada.pk": lambda: f"{site}/news/{num}.txt",
        "daily-karakoram-akhbar.pk": lambda: f"{site}/{d:%Y/%m/%d}/{num}.html",
        "urdu.makran-news.pk": lambda: f"{site}/detail/{num}.html",
        "roznama-potohar-khabar.pk": lambda: f"{site}/{d:%Y/%m}/{num}.html",
        "salt-range-akhbar.pk": lambda: f"{site}/ur/{d:%Y/%m/%d}/{num}.html",
        "roznama-bolan-times.pk": lambda: f"{site}/story/{num}.html",
    }[site]()


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """This set's checks (every dated path carries the page's date, also where the page
    states none and is labelled undated; an archive page's own date the site's years before
    its scrape day; no page's URL in its markup carries a day), then fresh36's (paths unique,
    formats, outlet tags, saving tools' marks) and fresh22's; exits with the failures, else
    returns a summary line."""
    bad = []
    by_path = {lb["path"]: lb for lb in labels}
    for page, path, text, _chrome in rendered:
        spec, lb = page.spec, by_path["pages/" + path]
        if spec.get("pathday"):
            d = page.date
            if not any(x in path for x in (f"{d:%Y/%m/%d}", f"{d:%Y-%m-%d}", f"{d:%Y/%m}/")):
                bad.append(f"{path}: path without the page's day {d}")
            if lb["own_date"] not in ("", d.isoformat()):
                bad.append(f"{path}: own date {lb['own_date']} is not the path's {d}")
        if spec["own"] == "none" and lb["own_date"]:
            bad.append(f"{path}: a site of no own dates labelled {lb['own_date']}")
        if page.own and spec["lang"] == "ur" and spec.get("years"):
            scraped = datetime.date.fromisoformat(page.scrape_day)
            if scraped.year - page.date.year != spec["years"]:
                bad.append(f"{path}: archive own date {page.own} not {spec['years']} years back")
        if page.own and page.own in lb["chrome_dates"]:
            bad.append(f"{path}: own date among the chrome dates")
    if bad:
        raise SystemExit("fresh39 self-check failed:\n" + "\n".join(bad[:40]))
    keep = F36.SITES
    F36.SITES = SITES
    try:
        return F36.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh36 self-check", "fresh39 self-check")) from None
    finally:
        F36.SITES = keep


def setup():
    """fresh30's assembly, with this set's salt, days, chrome, own-line words and pages."""
    F22.SEEN.clear()
    F30.FRESH30_SALT, F30.EN_BASE, F30.UR_BASE = FRESH39_SALT, EN_BASE, UR_BASE
    F30.EN_CHROME.update(EN_CHROME)
    F30.OWN_WORDS.update(OWN_WORDS)
    F22.own_line = F30.own_line
    F22.read_own = F30.read_own
    F20.new_page = new_page


def main(shared, out, split_of=None):
    """Generate the set; split_of(sites, salt) -> (K, split) replaces gen.choose_salted_split
    (the design harness gave every site the same placeholder split)."""
    setup()
    keep = G.choose_salted_split
    if split_of:
        G.choose_salted_split = lambda sites, salt, _lo, _hi: split_of(sites, salt)
    try:
        G.generate_set("fresh39", SITES, SEED_FRESH39, FRESH39_SALT, F30.site_pages,
                       F33.render, page_path, self_check, shared, out, nth=0)
    finally:
        G.choose_salted_split = keep
        F20.new_page = _NEW_PAGE20
