"""The thirty-fourth set of the chrome bench (`gen.py --set fresh33`, `SET=fresh33 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirty-fourth set"
before the set's held-out run. The design is described in README.md "The thirty-fourth set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates. Site names, section words, furniture, box lines, figures
and all dates but the Reuters ones are the assembly's. Each generation checks its labels
against its pages (self_check, fresh22's) and stops on any mismatch. The assembly code is
fresh30's (imported, with this set's salt, base days, chrome and own-line words: page filling,
story header, lists, dated lines above and after the story, text and HTML pages, the label
checks); this set adds the dump's file names and folders (the page_path table), what a saving
tool writes into a page (a mirror's or a one-file saver's comment, og: tags in place of the
canonical link, or neither), sites whose pages were saved by two tools (HTML and text), and
gzip'ed pages.
"""
import datetime
import gzip
import hashlib
import json
import re

import fresh22 as F22
import fresh30 as F30
import gen as G

SEED_FRESH33 = 20270802
FRESH33_SALT = "khabar-chrome-fresh33"
EN_BASE, UR_BASE = datetime.date(2027, 8, 2), datetime.date(2027, 8, 3)

# fmt txt: fresh22's text page; fmt html: fresh23's outlet page. two: the odd pages were saved
#   by a second tool in the other format (label fmt per page).
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# host: where an HTML page names its outlet: canonical (a canonical link) | og (og:url and
#   og:site_name instead) | name (og:site_name only) | none (nowhere)
# tool: what the saving tool wrote into an HTML page: None | httrack | singlefile
# extras: fresh30's dated lines above the story (today, ticker, today_en, ticker_en) and boxes
#   after it (prayer, weather, akhbar, columns, prayer_en, weather_en, epaper_en)
SITES = [
    dict(site="roznama-chenab-times.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_hijri", side="ur_plain", label="تازہ ترین",
         extras=("today", "prayer"), enc=None, n=16),
    dict(site="urdu.sahiwal-news.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="none", side="ur_eastern", label="مزید خبریں", extras=("ticker", "weather"),
         enc=None, n=16),
    dict(site="roznama-thar-awaz.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", half=True, ostyle="ur_shaya", side="ur_hamza", label="اہم خبریں",
         extras=("akhbar",), enc=None, n=16),
    dict(site="urdu.balochistan-times.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", half=True, ostyle="ur_weekday", side=None, label="",
         extras=("columns", "weather"), enc=None, n=16),
    dict(site="daily-kashmir-sada.pk", lang="ur", fmt="html", two=True, layout="site",
         body="samaa", own="none", side="ur_plain", label="مقبول خبریں",
         extras=("ticker", "prayer"), host="canonical", tool=None, enc=None, n=16),
    dict(site="urdu.mehran-post.com", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_arabic", meta="time", side="ur_eastern", label="تازہ ترین",
         extras=("today", "akhbar"), host="og", tool=None, enc=None, n=16),
    dict(site="roznama-pothohar.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_hamza", label="علاقائی خبریں", extras=("prayer", "weather"),
         host="canonical", tool="httrack", enc=None, n=16),
    dict(site="khyber-akhbar.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_hijri", meta=None, side="ur_plain", label="کالم",
         extras=("columns", "prayer"), host="canonical", tool=None, enc=None, n=16),
    dict(site="roznama-gilgit-awaz.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_eastern", label="تازہ ترین", extras=("today", "weather"),
         host="name", tool="singlefile", enc=None, n=16),
    dict(site="chenab-chronicle.pk", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_pk", side="en_wp", label="Latest",
         extras=("today_en", "prayer_en"), enc=None, n=16),
    dict(site="hyderabad-herald.pk", lang="en", fmt="txt", layout="site", body="bbc",
         own="none", side="en_dmy_short", label="Most read", extras=("ticker_en", "weather_en"),
         enc=None, n=16),
    dict(site="quetta-tribune.pk", lang="en", fmt="txt", two=True, layout="site", body="mix",
         own="under", half=True, ostyle="en_ordinal", side="en_short", label="Top stories",
         extras=("epaper_en", "prayer_en"), host="og", tool=None, enc=None, n=16),
    dict(site="indus-daily-mail.com", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_wp", label="Related", extras=("ticker_en", "epaper_en"),
         host="og", tool=None, enc=None, n=16),
    dict(site="frontier-evening-post.pk", lang="en", fmt="html", layout="site",
         body="reuters", own="under", ostyle="en_lotto", meta="time", side="en_dmy_short",
         label="Business", extras=("today_en", "weather_en"), host="canonical", tool=None,
         enc=None, n=16),
    dict(site="karakoram-news.pk", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_pk", meta=None, side="en_short", label="World",
         extras=("prayer_en", "epaper_en"), host="canonical", tool=None, enc=None, n=16),
    dict(site="punjab-business-review.pk", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_wp", label="Markets", extras=("ticker_en", "weather_en"),
         host="canonical", tool=None, enc=None, n=16),
    dict(site="sukkur-times.com", lang="en", fmt="html", layout="site", body="mix",
         own="under", half=True, ostyle="en_pk", meta="time", side=None, label="",
         extras=("today_en", "prayer_en"), host="none", tool="httrack", enc=None, n=16),
    dict(site="lahore-weekly-digest.pk", lang="en", fmt="txt", layout="site", body="bbc",
         own="none", side="en_short", label="Opinion", extras=("epaper_en", "weather_en"),
         enc=None, n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites (Urdu sections in nav)
    "chenab-chronicle.pk": (["Chenab Chronicle", "Pakistan", "Gujrat", "Sialkot", "اردو"],
                            ["Chenab Chronicle, GT Road", "Chenab Chronicle Media"]),
    "hyderabad-herald.pk": (["Hyderabad Herald", "Home", "Sindh", "Karachi",
                             "Urdu edition"],
                            ["Hyderabad Herald", "Letters to the editor"]),
    "quetta-tribune.pk": (["Quetta Tribune", "Balochistan", "National", "World", "اردو"],
                          ["Quetta Tribune, Jinnah Road", "Quetta Tribune Publications"]),
    "indus-daily-mail.com": (["Indus Daily Mail", "News", "Pakistan", "Sport", "اردو خبریں"],
                             ["Indus Daily Mail Ltd", "Advertise with the Mail"]),
    "frontier-evening-post.pk": (["Frontier Evening Post", "Peshawar", "Business", "Region",
                                  "اردو"],
                                 ["Frontier Evening Post, Khyber Bazaar",
                                  "Evening Post Group"]),
    "karakoram-news.pk": (["Karakoram News", "Gilgit-Baltistan", "World", "Markets", "اردو"],
                          ["Karakoram News Network", "Send us your story"]),
    "punjab-business-review.pk": (["Punjab Business Review", "Markets", "Industry",
                                   "Agriculture", "اردو"],
                                  ["Punjab Business Review", "Subscribe to the weekly"]),
    "sukkur-times.com": (["Sukkur Times", "Upper Sindh", "Pakistan", "Sport", "سندھی"],
                         ["Sukkur Times, Military Road", "Sukkur Times Publishing"]),
    "lahore-weekly-digest.pk": (["Lahore Weekly Digest", "City", "Opinion", "Culture",
                                 "اردو"],
                                ["Lahore Weekly Digest", "Write for the Digest"]),
}
OWN_WORDS = {  # the words the site writes beside its own date
    "roznama-chenab-times.pk": "شائع {t}",
    "roznama-thar-awaz.pk": "{t} | اپ ڈیٹ {upd}",
    "urdu.balochistan-times.pk": "تاریخ اشاعت: {t}",
    "urdu.mehran-post.com": "{t}",
    "khyber-akhbar.pk": "شائع {t}",
    "chenab-chronicle.pk": "Published {t}",
    "quetta-tribune.pk": "Published {t}",
    "frontier-evening-post.pk": "{t}",
    "karakoram-news.pk": "Published {t}",
    "sukkur-times.com": "Last updated {t}",
}
SINGLEFILE_BAD = re.compile(r'[\\/:*?"<>|]')


def site_pages(spec, pools, templates, rng):
    """fresh30's assembly with this set's salt and days; a two-tool site's odd pages become
    pages of the other format; a deep mirror's dated pages get the dated URL."""
    pages = F30.site_pages(spec, pools, templates, rng)
    for page in pages:
        if spec.get("two") and page.k % 2:
            page.spec = dict(spec, fmt="txt" if spec["fmt"] == "html" else "html",
                             meta=None)
        if spec["site"] in DATED_URL and page.own:
            page.url = DATED_URL[spec["site"]](page)
        if spec["site"] in MIRROR_URL:
            page.url = MIRROR_URL[spec["site"]](page)
    return pages


def ymd(page):
    return page.own.replace("-", "/")


DATED_URL = {
    "khyber-akhbar.pk": lambda p: f"https://khyber-akhbar.pk/pakistan/{ymd(p)}/{p.num}/",
    "karakoram-news.pk": lambda p: (f"https://www.karakoram-news.pk/world/{ymd(p)}/"
                                    f"{p.slug[:50].rstrip('-')}/"),
}


MIRROR_URL = {  # the URL an HTTrack mirror saved the page from
    "roznama-pothohar.pk": lambda p: f"https://roznama-pothohar.pk/urdu/news/{p.num}.html",
    "sukkur-times.com": lambda p: f"https://www.sukkur-times.com/NewsDetail.aspx?id={p.num}&cat=3",
}


def httrack_name(url):
    """HTTrack's file name of a URL with a query string: the page's name, four hex digits of
    the query's MD5, .html."""
    base, query = url.rsplit("/", 1)[-1].split("?", 1)
    return f"{base.rsplit('.', 1)[0]}{hashlib.md5(query.encode()).hexdigest()[:4]}.html"


def saved_stamp(page):
    """The saving tool's time: the scrape day and time."""
    d = datetime.date.fromisoformat(page.scrape_day)
    return d, page.scrape_hour, page.scrape_minute


def singlefile_name(page):
    d, hh, mm = saved_stamp(page)
    title = SINGLEFILE_BAD.sub("_", page.headline)[:60].strip()
    h12, ampm = (hh % 12) or 12, "AM" if hh < 12 else "PM"
    return f"{title} ({d.month}_{d.day}_{d.year} {h12}_{mm:02d}_{page.k % 60:02d} {ampm}).html"


def page_path(page):
    spec = page.spec
    site, num, slug, k = spec["site"], page.num, page.slug[:50].rstrip("-"), page.k
    if site == "daily-kashmir-sada.pk":
        return (f"{site}/news/{num}.html" if spec["fmt"] == "html"
                else f"{site}-text/news/{num}.txt")
    if site == "quetta-tribune.pk":
        return f"{site}/story/{num}.{spec['fmt']}"
    if site == "khyber-akhbar.pk":
        return (f"{site}/pakistan/{ymd(page)}/{num}/index.html" if page.own
                else f"{site}/pakistan/{num}/index.html")
    if site == "karakoram-news.pk":
        return (f"www.{site}/world/{ymd(page)}/{slug}/index.html" if page.own
                else f"www.{site}/world/{slug}/index.html")
    if site == "sukkur-times.com":
        return f"websites/www.{site}/{httrack_name(page.url)}"
    if site == "roznama-gilgit-awaz.pk":
        return f"saved/{singlefile_name(page)}"
    return {
        "roznama-chenab-times.pk": f"scraped/{num}.txt",
        "urdu.sahiwal-news.pk": f"scraped/news_{num}.txt",
        "roznama-thar-awaz.pk": f"{site}/khabar/{num}",
        "urdu.balochistan-times.pk": f"{site}/Detail.aspx?NewsID={num}.txt",
        "urdu.mehran-post.com": f"{site}/article.php?id={num}",
        "roznama-pothohar.pk": f"websites/{site}/urdu/news/{num}.html",
        "chenab-chronicle.pk": f"scraped/{slug}.txt",
        "hyderabad-herald.pk": f"archive/latest/{num}.txt",
        "indus-daily-mail.com": "Downloads/detail.html" if k == 0
        else f"Downloads/detail ({k}).html",
        "frontier-evening-post.pk": f"{site}/business/{slug}.shtml",
        "punjab-business-review.pk": f"{site}/markets/{slug}.html" + (".gz" if k % 2 else ""),
        "lahore-weekly-digest.pk": f"text/{num}.txt",
    }[site]


# ----------------------------------------------------------------------------- pages

def host_tags(text, page):
    """Where the page names its outlet (see SITES: host)."""
    how = page.spec.get("host", "canonical")
    canon = f'<link rel="canonical" href="{G.esc(page.url)}">'
    name = G.esc(page.head[0])
    og_url = f'<meta property="og:url" content="{G.esc(page.url)}">'
    og_name = f'<meta property="og:site_name" content="{name}">'
    repl = {"canonical": canon, "og": og_url + "\n" + og_name, "name": og_name, "none": ""}[how]
    return text.replace(canon + "\n", repl + "\n" if repl else "", 1)


def tool_marks(text, page):
    """What the saving tool wrote into the page: HTTrack's comment after the doctype with the
    mirror's time, SingleFile's comment first with the URL and the saved time."""
    tool = page.spec.get("tool")
    d, hh, mm = saved_stamp(page)
    wd, mon = f"{d:%a}", G.MONTHS[d.month - 1][:3]
    host_path = page.url.split("://", 1)[-1]
    if tool == "httrack":
        note = (f"<!-- Mirrored from {host_path} by HTTrack Website Copier/3.x "
                f"[XR&CO'2014], {wd}, {d.day:02d} {mon} {d.year} {hh:02d}:{mm:02d}:"
                f"{page.k % 60:02d} GMT -->")
        return text.replace("\n", "\n" + note + "\n", 1)
    if tool == "singlefile":
        note = (f"<!--\n Page saved with SingleFile \n url: {page.url} \n saved date: {wd} {mon} "
                f"{d.day:02d} {d.year} {hh:02d}:{mm:02d}:{page.k % 60:02d} GMT+0500 "
                "(Pakistan Standard Time)\n-->")
        return text.replace("\n", "\n" + note + "\n", 1)
    return text


def render(page):
    """fresh30's page (fresh22's text page or fresh23's outlet page), then the outlet's host
    tags and the saving tool's marks."""
    text, chrome = F30.render(page)
    if page.spec["fmt"] == "html":
        text = tool_marks(host_tags(text, page), page)
    return text, chrome


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages (see README.md "The thirty-fourth
    set"), and this set's own: paths unique, each two-tool site with both formats, each
    page's format its label's, host tags as SITES says; exits with the failures, else
    returns a summary line."""
    bad = []
    by_path = {lb["path"]: lb for lb in labels}
    if len(by_path) != len(rendered):
        bad.append("two pages share a path")
    fmts = {}
    for page, path, text, _chrome in rendered:
        spec, lb = page.spec, by_path["pages/" + path]
        fmts.setdefault(spec["site"], set()).add(spec["fmt"])
        if lb["fmt"] != spec["fmt"] or (spec["fmt"] == "html") != text.startswith(
                ("<!DOCTYPE", "<!--\n Page saved")):
            bad.append(f"{path}: format {lb['fmt']} is not the page's")
        if spec["fmt"] != "html":
            continue
        how = spec.get("host", "canonical")
        want = {"canonical": ['rel="canonical"'], "og": ['og:url', 'og:site_name'],
                "name": ['og:site_name'], "none": []}[how]
        have = [x for x in ('rel="canonical"', "og:url", "og:site_name") if x in text]
        if have != want:
            bad.append(f"{path}: host tags {have}, want {want}")
        if spec["site"] in DATED_URL and page.own and ymd(page) not in path:
            bad.append(f"{path}: a deep mirror's dated page not under its day")
    bad += [f"{s}: formats {sorted(f)}" for s, f in fmts.items()
            if next(x for x in SITES if x["site"] == s).get("two") and len(f) != 2]
    if bad:
        raise SystemExit("fresh33 self-check failed:\n" + "\n".join(bad[:40]))
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh33 self-check")) from None


def setup():
    """fresh30's assembly, with this set's salt, days, chrome and own-line words."""
    F22.SEEN.clear()
    F30.FRESH30_SALT, F30.EN_BASE, F30.UR_BASE = FRESH33_SALT, EN_BASE, UR_BASE
    F30.EN_CHROME.update(EN_CHROME)
    F30.OWN_WORDS.update(OWN_WORDS)
    F22.own_line = F30.own_line
    F22.read_own = F30.read_own


def gzip_pages(out):
    """The .gz pages' bytes gzip'ed (the raw text stays plain), with no time stamp."""
    for ln in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        lb = json.loads(ln)
        if lb["path"].endswith(".gz"):
            p = out / lb["path"]
            p.write_bytes(gzip.compress(p.read_bytes(), mtime=0))


def main(shared, out):
    setup()
    G.generate_set("fresh33", SITES, SEED_FRESH33, FRESH33_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
    gzip_pages(out)
