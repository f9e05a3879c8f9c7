"""The thirty-seventh set of the chrome bench (`gen.py --set fresh36`, `SET=fresh36 run.sh`):
40 more sites with 1 to 12 pages each (288 pages), held out from the rules of issue 13 and
designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirty-seventh set"
before the set's held-out run. The design is described in README.md "The thirty-seventh set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates. Site names, section words, furniture, box lines and all
dates but the Reuters ones are the assembly's. Each generation checks its labels against its
pages (self_check: fresh22's, with this set's own checks) and stops on any mismatch. The
assembly code is fresh30's and fresh33's (imported: page filling, story header, lists, dated
lines above and after the story, text and HTML pages, the outlet tags and saving tools' marks,
the label checks); this set adds its sites (many small ones), their chrome words, own-line
words, paths, and a split chosen on the share of pages rather than of sites.
"""
import datetime
import hashlib

import fresh22 as F22
import fresh30 as F30
import fresh33 as F33
import gen as G

SEED_FRESH36 = 20270905
FRESH36_SALT = "khabar-chrome-fresh36"
EN_BASE, UR_BASE = datetime.date(2027, 9, 5), datetime.date(2027, 9, 6)


def S(site, lang, fmt, n, layout, body, own, side, label, extras, **kw):
    """One SITES row (own: under | none; ostyle, half, meta, host, tool in kw)."""
    row = dict(site=site, lang=lang, fmt=fmt, n=n, layout=layout, body=body, own=own,
               side=side, label=label, extras=extras, enc=None)
    row.update(kw)
    if fmt == "html":
        row.setdefault("meta", None)
        row.setdefault("host", "canonical")
        row.setdefault("tool", None)
    return row


# fmt txt: fresh22's text page; fmt html: fresh23's outlet page (fresh33's outlet tags and
#   saving tools' marks). n: the site's pages (1-12).
# layout (the label): site (the site's own folder) | flat (a folder shared by several sites'
#   pages) | saved (a browser's or SingleFile's saved pages, named by title or number)
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# ostyle / side: date styles of the own line and of the list (None: list without dates)
# host: where an HTML page names its outlet: canonical | og | name | none (fresh33's)
# tool: None | httrack | singlefile (fresh33's comments)
# extras: fresh30's dated lines above the story (today, ticker, today_en, ticker_en) and boxes
#   after it (prayer, weather, akhbar, columns, prayer_en, weather_en, epaper_en)
SITES = [
    # English text pages (71)
    S("okara-observer.pk", "en", "txt", 1, "flat", "reuters", "under", "en_wp", "Latest",
      ("today_en", "weather_en"), ostyle="en_pk"),
    S("gwadar-gazette.com", "en", "txt", 1, "flat", "bbc", "none", "en_dmy_short", "Most read",
      ("ticker_en", "prayer_en")),
    S("sahiwal-sentinel.pk", "en", "txt", 2, "flat", "reuters", "under", "en_short",
      "Top stories", ("epaper_en",), ostyle="en_ordinal"),
    S("bannu-bulletin.pk", "en", "txt", 3, "site", "bbc", "none", "en_lotto", "Related",
      ("today_en", "prayer_en")),
    S("jhelum-journal.com", "en", "txt", 6, "site", "mix", "under", "en_wp", "More news",
      ("ticker_en", "weather_en"), ostyle="en_pk"),
    S("thatta-tribune.pk", "en", "txt", 10, "site", "reuters", "under", "en_dmy_short",
      "Business", ("today_en", "epaper_en"), ostyle="en_ordinal", half=True),
    S("chitral-chronicle.pk", "en", "txt", 12, "site", "bbc", "none", None, "Trending",
      ("weather_en", "prayer_en")),
    S("mirpur-mail.com", "en", "txt", 12, "site", "reuters", "under", "en_short", "World",
      ("ticker_en", "prayer_en"), ostyle="en_pk"),
    S("kasur-courier.pk", "en", "txt", 12, "site", "mix", "under", "en_lotto", "Opinion",
      ("today_en", "prayer_en"), ostyle="en_ordinal"),
    S("daily-attock-times.pk", "en", "txt", 12, "site", "bbc", "none", "en_wp", "Latest",
      ("epaper_en", "weather_en")),
    # English HTML pages (73)
    S("vehari-voice.com", "en", "html", 1, "saved", "reuters", "under", "en_short",
      "Most read", ("today_en", "prayer_en"), ostyle="en_pk", meta="time", host="name",
      tool="singlefile"),
    S("nowshera-news.pk", "en", "html", 2, "flat", "bbc", "none", "en_wp", "Latest",
      ("ticker_en", "epaper_en"), host="og"),
    S("swat-valley-post.pk", "en", "html", 3, "flat", "reuters", "under", "en_dmy_short",
      "Related", ("weather_en",), ostyle="en_lotto"),
    S("hub-herald.com", "en", "html", 4, "saved", "bbc", "none", "en_lotto", "Top stories",
      ("today_en", "prayer_en"), host="og"),
    S("khanewal-express.pk", "en", "html", 7, "site", "reuters", "under", "en_wp",
      "Business", ("ticker_en", "weather_en"), ostyle="en_pk", meta="time"),
    S("daily-kohat-review.pk", "en", "html", 9, "site", "mix", "under", "en_short", "World",
      ("epaper_en", "prayer_en"), ostyle="en_ordinal", half=True, tool="httrack"),
    S("pakpattan-post.com", "en", "html", 11, "site", "bbc", "none", "en_dmy_short",
      "More news", ("today_en", "weather_en")),
    S("taxila-times.pk", "en", "html", 12, "site", "reuters", "under", "en_lotto", "Markets",
      ("ticker_en", "epaper_en"), ostyle="en_lotto", meta="time", host="og"),
    S("skardu-standard.pk", "en", "html", 12, "site", "bbc", "none", None, "Sport",
      ("prayer_en", "weather_en"), host="none"),
    S("muzaffargarh-monitor.com", "en", "html", 12, "site", "mix", "under", "en_wp",
      "Opinion", ("today_en", "epaper_en"), ostyle="en_pk"),
    # Urdu text pages (70)
    S("roznama-okara-awaz.pk", "ur", "txt", 1, "flat", "express", "under", "ur_plain",
      "تازہ ترین", ("today", "prayer"), ostyle="ur_hijri"),
    S("mandi-bahauddin-khabar.pk", "ur", "txt", 1, "flat", "samaa", "none", "ur_eastern",
      "مزید خبریں", ("ticker", "weather")),
    S("roznama-bhakkar-sada.pk", "ur", "txt", 2, "flat", "express", "under", "ur_hamza",
      "اہم خبریں", ("akhbar",), ostyle="ur_shaya"),
    S("urdu.layyah-times.pk", "ur", "txt", 3, "site", "samaa", "none", "ur_weekday",
      "مقبول خبریں", ("today", "columns")),
    S("khushab-akhbar.pk", "ur", "txt", 7, "site", "express", "under", "ur_plain",
      "متعلقہ خبریں", ("ticker", "prayer"), ostyle="ur_arabic"),
    S("roznama-chakwal-post.pk", "ur", "txt", 9, "site", "samaa", "none", "ur_eastern",
      "علاقائی خبریں", ("today", "weather")),
    S("daily-narowal-awaz.pk", "ur", "txt", 11, "site", "express", "under", "ur_plain",
      "کالم", ("columns", "prayer"), ostyle="ur_hijri", half=True),
    S("urdu.tank-times.pk", "ur", "txt", 12, "site", "samaa", "none", None, "مزید پڑھیں",
      ("ticker", "akhbar")),
    S("roznama-ghotki-sada.pk", "ur", "txt", 12, "site", "express", "under", "ur_weekday",
      "تازہ ترین", ("today", "weather"), ostyle="ur_shaya"),
    S("shikarpur-khabarnama.pk", "ur", "txt", 12, "site", "samaa", "under", "ur_hamza",
      "اہم خبریں", ("ticker", "prayer"), ostyle="ur_arabic", half=True),
    # Urdu HTML pages (74)
    S("roznama-jhang-times.pk", "ur", "html", 1, "saved", "express", "under", "ur_eastern",
      "تازہ ترین", ("today", "prayer"), ostyle="ur_hijri", meta="time", host="name",
      tool="singlefile"),
    S("urdu.hafizabad-news.pk", "ur", "html", 2, "flat", "samaa", "none", "ur_plain",
      "مقبول خبریں", ("ticker", "weather"), host="og"),
    S("daily-lodhran-sada.pk", "ur", "html", 3, "flat", "express", "under", "ur_hamza",
      "متعلقہ خبریں", ("akhbar",), ostyle="ur_shaya"),
    S("roznama-badin-awaz.pk", "ur", "html", 3, "saved", "samaa", "none", "ur_weekday",
      "مزید خبریں", ("today", "columns"), host="none"),
    S("toba-tek-singh-khabar.pk", "ur", "html", 7, "site", "express", "under", "ur_plain",
      "اہم خبریں", ("ticker", "prayer"), ostyle="ur_arabic", meta="time"),
    S("urdu.kohistan-post.com", "ur", "html", 10, "site", "samaa", "none", "ur_eastern",
      "علاقائی خبریں", ("today", "weather"), tool="httrack"),
    S("roznama-sanghar-times.pk", "ur", "html", 12, "site", "express", "under", "ur_hamza",
      "کالم", ("columns", "akhbar"), ostyle="ur_hijri", half=True),
    S("daily-mianwali-khabar.pk", "ur", "html", 12, "site", "samaa", "none", None,
      "تازہ ترین", ("ticker", "prayer")),
    S("nankana-akhbar.pk", "ur", "html", 12, "site", "express", "under", "ur_plain",
      "مقبول خبریں", ("today", "weather"), ostyle="ur_shaya", meta="time", host="og"),
    S("roznama-dadu-sada.pk", "ur", "html", 12, "site", "samaa", "under", "ur_weekday",
      "مزید خبریں", ("ticker", "akhbar"), ostyle="ur_arabic"),
]

EN_CHROME = {  # the assembly's header and footer of the English sites (Urdu sections in nav)
    "okara-observer.pk": (["Okara Observer", "Home", "Punjab", "Farming", "اردو"],
                          ["Okara Observer, Depalpur Road", "Contact the newsroom"]),
    "gwadar-gazette.com": (["Gwadar Gazette", "Coast", "Port", "Balochistan", "اردو"],
                           ["Gwadar Gazette", "Advertise in the Gazette"]),
    "sahiwal-sentinel.pk": (["Sahiwal Sentinel", "City", "Region", "Economy"],
                            ["Sahiwal Sentinel Publications", "Letters to the Sentinel"]),
    "bannu-bulletin.pk": (["Bannu Bulletin", "Home", "Southern districts", "Pakistan",
                           "اردو"],
                          ["Bannu Bulletin", "Send a tip to the Bulletin"]),
    "jhelum-journal.com": (["Jhelum Journal", "News", "Business", "World", "Urdu"],
                           ["Jhelum Journal, Civil Lines", "Jhelum Journal Media"]),
    "thatta-tribune.pk": (["Thatta Tribune", "Sindh", "Delta", "Markets", "سندھی"],
                          ["Thatta Tribune, Makli Road", "Thatta Tribune Press"]),
    "chitral-chronicle.pk": (["Chitral Chronicle", "Valley", "Mountains", "Pakistan",
                              "اردو"],
                             ["Chitral Chronicle", "Subscribe to the Chronicle"]),
    "mirpur-mail.com": (["Mirpur Mail", "Azad Kashmir", "Diaspora", "World", "اردو"],
                        ["Mirpur Mail Ltd", "Mirpur Mail, Allama Iqbal Road"]),
    "kasur-courier.pk": (["Kasur Courier", "Home", "Punjab", "Trade", "اردو"],
                         ["Kasur Courier", "Write to the Courier"]),
    "daily-attock-times.pk": (["Attock Times", "City", "Nation", "Features", "اردو"],
                              ["Daily Attock Times", "Attock Times Printing Press"]),
    "vehari-voice.com": (["Vehari Voice", "News", "Cotton belt", "Sport", "اردو"],
                         ["Vehari Voice", "Vehari Voice, College Road"]),
    "nowshera-news.pk": (["Nowshera News", "Home", "Khyber Pakhtunkhwa", "World", "اردو"],
                         ["Nowshera News Network", "Reach the Nowshera desk"]),
    "swat-valley-post.pk": (["Swat Valley Post", "Valley", "Tourism", "Pakistan", "اردو"],
                            ["Swat Valley Post, Mingora", "Swat Valley Post Media"]),
    "hub-herald.com": (["Hub Herald", "Industry", "Lasbela", "Karachi", "اردو"],
                       ["Hub Herald", "Advertise with the Herald"]),
    "khanewal-express.pk": (["Khanewal Express", "Home", "Markets", "Agriculture", "اردو"],
                            ["Khanewal Express, GT Road", "Khanewal Express Group"]),
    "daily-kohat-review.pk": (["Kohat Review", "Region", "Nation", "World", "اردو"],
                              ["Daily Kohat Review", "Kohat Review Publications"]),
    "pakpattan-post.com": (["Pakpattan Post", "City", "Punjab", "Culture", "اردو"],
                           ["Pakpattan Post", "Pakpattan Post, Arifwala Road"]),
    "taxila-times.pk": (["Taxila Times", "Business", "Heritage", "Markets", "اردو"],
                        ["Taxila Times", "Taxila Times Media House"]),
    "skardu-standard.pk": (["Skardu Standard", "Baltistan", "Expeditions", "Sport",
                            "اردو"],
                           ["Skardu Standard", "Skardu Standard, Airport Road"]),
    "muzaffargarh-monitor.com": (["Muzaffargarh Monitor", "Home", "South Punjab",
                                  "Opinion", "اردو"],
                                 ["Muzaffargarh Monitor", "Monitor Publishing House"]),
}
OWN_WORDS = {  # the words the site writes beside its own date
    "okara-observer.pk": "Published {t}",
    "sahiwal-sentinel.pk": "{t}",
    "jhelum-journal.com": "Posted {t}",
    "thatta-tribune.pk": "Published {t}",
    "mirpur-mail.com": "Last updated {t}",
    "kasur-courier.pk": "{t}",
    "vehari-voice.com": "Published {t}",
    "swat-valley-post.pk": "{t}",
    "khanewal-express.pk": "Published {t}",
    "daily-kohat-review.pk": "Posted on {t}",
    "taxila-times.pk": "{t}",
    "muzaffargarh-monitor.com": "Published {t}",
    "roznama-okara-awaz.pk": "شائع {t}",
    "roznama-bhakkar-sada.pk": "{t} | اپ ڈیٹ {upd}",
    "khushab-akhbar.pk": "تاریخ اشاعت: {t}",
    "daily-narowal-awaz.pk": "شائع {t}",
    "roznama-ghotki-sada.pk": "{t}",
    "shikarpur-khabarnama.pk": "{t}",
    "roznama-jhang-times.pk": "شائع {t}",
    "daily-lodhran-sada.pk": "شائع {t} | اپ ڈیٹ {upd}",
    "toba-tek-singh-khabar.pk": "{t}",
    "roznama-sanghar-times.pk": "تاریخ اشاعت: {t}",
    "nankana-akhbar.pk": "{t}",
    "roznama-dadu-sada.pk": "شائع {t}",
}


# ----------------------------------------------------------------------------- paths

def page_path(page):
    """The page's path in the dump (see README.md "The thirty-seventh set")."""
    spec = page.spec
    site, num, slug, k = spec["site"], page.num, page.slug[:50].rstrip("-"), page.k
    if spec.get("tool") == "singlefile":
        return f"saved/{F33.singlefile_name(page)}"
    return {
        "okara-observer.pk": f"scraped/{num}.txt",
        "gwadar-gazette.com": f"scraped/{slug}.txt",
        "sahiwal-sentinel.pk": f"scraped/{num}.txt",
        "bannu-bulletin.pk": f"{site}/news/{num}.txt",
        "jhelum-journal.com": f"{site}/{slug}.txt",
        "thatta-tribune.pk": f"{site}/sindh/{num}.txt",
        "chitral-chronicle.pk": f"archive/{site}/{num}.txt",
        "mirpur-mail.com": f"www.{site}/news/{slug}.txt",
        "kasur-courier.pk": f"{site}/story/{num}",
        "daily-attock-times.pk": f"{site}/{page.scrape_day}/{num}.txt",
        "nowshera-news.pk": f"misc/{num}.html",
        "swat-valley-post.pk": f"misc/{slug}.html",
        "hub-herald.com": "Downloads/article.html" if k == 0
        else f"Downloads/article ({k}).html",
        "khanewal-express.pk": f"{site}/markets/{slug}.html",
        "daily-kohat-review.pk": f"websites/www.{site}/news/{num}.html",
        "pakpattan-post.com": f"{site}/{num}/index.html",
        "taxila-times.pk": f"{site}/business/{slug}.html",
        "skardu-standard.pk": f"{site}/sport/{num}.htm",
        "muzaffargarh-monitor.com": f"www.{site}/opinion/{slug}.html",
        "roznama-okara-awaz.pk": f"scraped/{num}.txt",
        "mandi-bahauddin-khabar.pk": f"scraped/news_{num}.txt",
        "roznama-bhakkar-sada.pk": f"scraped/{num}.txt",
        "urdu.layyah-times.pk": f"{site}/khabar/{num}.txt",
        "khushab-akhbar.pk": f"{site}/news/{num}.txt",
        "roznama-chakwal-post.pk": f"{site}/{page.scrape_day.replace('-', '')}/{num}.txt",
        "daily-narowal-awaz.pk": f"{site}/column/{num}.txt",
        "urdu.tank-times.pk": f"urdu-dump/{site}/{num}.txt",
        "roznama-ghotki-sada.pk": f"{site}/detail/{num}",
        "shikarpur-khabarnama.pk": f"{site}/latest/{num}.txt",
        "urdu.hafizabad-news.pk": f"misc/{num}.html",
        "daily-lodhran-sada.pk": f"misc/news-{num}.html",
        "roznama-badin-awaz.pk": "Downloads/khabar.html" if k == 0
        else f"Downloads/khabar ({k}).html",
        "toba-tek-singh-khabar.pk": f"{site}/story/{num}.html",
        "urdu.kohistan-post.com": f"websites/{site}/urdu/news/{num}.html",
        "roznama-sanghar-times.pk": f"{site}/column/{num}.html",
        "daily-mianwali-khabar.pk": f"{site}/news/{num}/index.html",
        "nankana-akhbar.pk": f"{site}/pakistan/{num}.php",
        "roznama-dadu-sada.pk": f"{site}/ur/{num}.html",
    }[site]


# ----------------------------------------------------------------------------- split

def choose_split(sites, salt):
    """The salted hash of the other sets (dev when sha256("SALT:K:SITE") % 100 < 40), with K
    the first (0, 1, ...) whose dev side holds 25-45 % of the pages, and each side both
    languages, both formats and a site of at most 3 pages. Returns (K, {site: split})."""
    total = sum(s["n"] for s in sites)
    for k in range(1000):
        split = {s["site"]: "dev" if int(hashlib.sha256(f"{salt}:{k}:{s['site']}".encode())
                                         .hexdigest(), 16) % 100 < 40 else "test"
                 for s in sites}
        ok = 0.25 <= sum(s["n"] for s in sites if split[s["site"]] == "dev") / total <= 0.45
        for side in ("dev", "test"):
            mine = [s for s in sites if split[s["site"]] == side]
            ok = (ok and len({(s["lang"], s["fmt"]) for s in mine}) == 4
                  and any(s["n"] <= 3 for s in mine))
        if ok:
            return k, split
    raise SystemExit("no split found")


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """This set's checks (paths unique, each site its table's page count, each page's format
    its label's, the outlet tags as SITES says, the saving tool's comment where SITES names
    one), then fresh22's (with fresh30's own-line words and date reader); exits with the
    failures, else returns a summary line."""
    bad = []
    by_path = {lb["path"]: lb for lb in labels}
    if len(by_path) != len(rendered):
        bad.append("two pages share a path")
    counts = {}
    for page, path, text, _chrome in rendered:
        spec, lb = page.spec, by_path["pages/" + path]
        counts[spec["site"]] = counts.get(spec["site"], 0) + 1
        if lb["fmt"] != spec["fmt"] or (spec["fmt"] == "html") != text.startswith(
                ("<!DOCTYPE", "<!--\n Page saved")):
            bad.append(f"{path}: format {lb['fmt']} is not the page's")
        if spec["fmt"] != "html":
            continue
        want = {"canonical": ['rel="canonical"'], "og": ["og:url", "og:site_name"],
                "name": ["og:site_name"], "none": []}[spec["host"]]
        have = [x for x in ('rel="canonical"', "og:url", "og:site_name") if x in text]
        if have != want:
            bad.append(f"{path}: host tags {have}, want {want}")
        mark = {None: None, "httrack": "by HTTrack Website Copier",
                "singlefile": "Page saved with SingleFile"}[spec["tool"]]
        if mark and mark not in text:
            bad.append(f"{path}: no {spec['tool']} comment")
    bad += [f"{s['site']}: {counts.get(s['site'], 0)} pages, want {s['n']}" for s in SITES
            if counts.get(s["site"], 0) != s["n"]]
    if bad:
        raise SystemExit("fresh36 self-check failed:\n" + "\n".join(bad[:40]))
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh36 self-check")) from None


def setup():
    """fresh30's assembly, with this set's salt, days, chrome and own-line words."""
    F22.SEEN.clear()
    F30.FRESH30_SALT, F30.EN_BASE, F30.UR_BASE = FRESH36_SALT, EN_BASE, UR_BASE
    F30.EN_CHROME.update(EN_CHROME)
    F30.OWN_WORDS.update(OWN_WORDS)
    F22.own_line = F30.own_line
    F22.read_own = F30.read_own


def main(shared, out, split_of=None):
    """Generate the set; split_of(sites, salt) -> (K, split) replaces choose_split (the
    design harness gave every site the same placeholder split)."""
    setup()
    choose = split_of or choose_split
    keep = G.choose_salted_split
    G.choose_salted_split = lambda sites, salt, _lo, _hi: choose(sites, salt)
    try:
        G.generate_set("fresh36", SITES, SEED_FRESH36, FRESH36_SALT, F30.site_pages,
                       F33.render, page_path, self_check, shared, out, nth=0)
    finally:
        G.choose_salted_split = keep
