"""The thirty-sixth set of the chrome bench (`gen.py --set fresh35`, `SET=fresh35 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirty-sixth set"
before the set's held-out run. The design is described in README.md "The thirty-sixth set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates. Site names, section words, furniture, box lines, figures
and all dates but the Reuters ones are the assembly's. The assembly code is fresh30's
(imported, with this set's salt, base days, chrome and own-line words: page filling, story
header, lists, dated lines above and after the story, text and HTML pages, fresh22's label
checks); this set adds the dirty bytes and mixed scripts of real dumps: the page's bytes
(UTF-16 with a BOM, UTF-8 with a BOM, windows-1252 undeclared in a text file or declared in
an HTML page, CRLF line ends), mojibake (UTF-8 read as windows-1252) in some pages' chrome or
title, HTML entities left in text saved from HTML, numeric character references in HTML,
non-breaking and zero-width spaces, Urdu typed with the Arabic letters (yeh, kaf, heh), and
lists or chrome in the other language. Each generation checks its labels against its pages
(self_check: fresh22's checks with a reader that reads what a reader of the page sees, then
the written bytes decoded as a browser or text reader would, against the raw texts) and
stops on any mismatch.
"""
import datetime
import html
import json
import re

import fresh22 as F22
import fresh30 as F30
import gen as G

SEED_FRESH35 = 20270906
FRESH35_SALT = "khabar-chrome-fresh35"
EN_BASE, UR_BASE = datetime.date(2027, 9, 6), datetime.date(2027, 9, 7)

# fmt txt: fresh22's text page; fmt html: fresh23's outlet page.
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# side_lang: the list's headlines in this language (default: the site's)
# enchrome: an Urdu site's header and footer in English (URDU_EN_CHROME)
# bytes: how the page is saved: None (UTF-8) | utf16 (UTF-16 LE with a BOM) | utf8bom |
#   cp1252 (windows-1252, undeclared: text) | cp1252meta (windows-1252 declared in the page,
#   other letters as numeric character references: HTML); crlf: CRLF line ends
# letters: arabic (the site's own text typed with Arabic yeh, kaf, heh) | side (its list's
#   headlines so typed) | None
# dirt: moji (some pages' chrome lines as UTF-8 read as windows-1252), titlemoji (some pages'
#   <title> separator so), ent (text saved from HTML: entities left in the chrome lines),
#   nbsp (non-breaking spaces in dated lines, zero-width spaces in the menu), nbspent (HTML:
#   the non-breaking spaces written &nbsp;), ncr (HTML: every non-ASCII letter of the body as
#   a numeric character reference)
SITES = [
    dict(site="roznama-ravi-sada.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_hijri", side="ur_eastern", label="تازہ ترین",
         extras=("today", "prayer"), bytes="utf16", crlf=True, dirt=(), enc=None, n=16),
    dict(site="urdu.makran-khabar.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="none", side="ur_plain", label="مزید خبریں", extras=("ticker", "weather"),
         letters="arabic", bytes="utf8bom", crlf=True, dirt=(), enc=None, n=16),
    dict(site="daily-sada-e-punjab.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", half=True, ostyle="ur_arabic", side="ur_arabic", label="اہم خبریں",
         extras=("akhbar",), enchrome=True, dirt=("nbsp",), enc=None, n=16),
    dict(site="roznama-derajat.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="none", side="ur_eastern", label="مقبول خبریں", extras=("columns", "ticker"),
         dirt=("ent",), enc=None, n=16),
    dict(site="urdu.potohar-times.com", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_arabic", meta="time", side="ur_plain", label="تازہ ترین",
         extras=("today", "weather"), dirt=("ncr",), enc=None, n=16),
    dict(site="hazara-awaz.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_hamza", label="علاقائی خبریں", extras=("prayer", "akhbar"),
         letters="side", enchrome=True, dirt=("nbsp",), enc=None, n=16),
    dict(site="roznama-thal-news.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", half=True, ostyle="ur_shaya", meta=None, side="ur_eastern",
         label="مقبول خبریں", extras=("ticker", "prayer"), dirt=("moji",), enc=None, n=16),
    dict(site="urdu.swat-post.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="under", ostyle="ur_hijri", meta="time", side="ur_plain", label="کالم",
         extras=("columns", "weather"), bytes="utf8bom", crlf=True, dirt=(), enc=None, n=16),
    dict(site="roznama-bahawal-khabar.pk", lang="ur", fmt="html", layout="site",
         body="express", own="none", side="en_short", side_lang="en", label="In English",
         extras=("today", "prayer"), dirt=("nbsp", "nbspent"), enc=None, n=16),
    dict(site="cholistan-courier.pk", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_pk", side="en_wp", label="Latest",
         extras=("today_en", "weather_en"), bytes="cp1252", crlf=True, dirt=(), enc=None,
         n=16),
    dict(site="kohat-gazette.pk", lang="en", fmt="txt", layout="site", body="bbc",
         own="none", side="ur_eastern", side_lang="ur", label="اردو خبریں",
         extras=("ticker_en", "prayer_en"), bytes="utf16", crlf=True, dirt=(), enc=None, n=16),
    dict(site="mirpur-evening-news.com", lang="en", fmt="txt", layout="site", body="mix",
         own="under", half=True, ostyle="en_ordinal", side="en_dmy_short", label="Most read",
         extras=("epaper_en", "prayer_en"), dirt=("ent",), enc=None, n=16),
    dict(site="gwadar-business-times.pk", lang="en", fmt="txt", layout="site",
         body="reuters", own="under", ostyle="en_short", side="en_short", label="Markets",
         extras=("today_en", "epaper_en"), crlf=True, dirt=("moji",), enc=None, n=16),
    dict(site="thar-herald.com.pk", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_wp", meta="time", side="ur_plain", side_lang="ur",
         label="اردو سیکشن", extras=("ticker_en", "epaper_en"), bytes="cp1252meta",
         dirt=(), enc=None, n=16),
    dict(site="attock-observer.pk", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_wp", label="Related", extras=("prayer_en", "epaper_en"),
         dirt=("moji", "titlemoji"), enc=None, n=16),
    dict(site="larkana-daily-star.pk", lang="en", fmt="html", layout="site", body="mix",
         own="under", half=True, ostyle="en_pk", meta=None, side="ur_arabic", side_lang="ur",
         label="تازہ ترین", extras=("today_en", "prayer_en"), bytes="utf8bom", crlf=True,
         dirt=("nbsp", "nbspent"), enc=None, n=16),
    dict(site="neelum-valley-news.com", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_dmy_short", label="Top stories", extras=("ticker_en",
                                                                      "weather_en"),
         dirt=("nbsp",), enc=None, n=16),
    dict(site="chitral-chronicle.pk", lang="en", fmt="txt", layout="site", body="mix",
         own="under", ostyle="en_lotto", side="ur_hamza", side_lang="ur", label="مقبول",
         extras=("epaper_en", "weather_en"), dirt=("nbsp",), enc=None, n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites
    "cholistan-courier.pk": (["Cholistan Courier", "Home", "Bahawalpur", "Business",
                              "Caf\u00e9 & Culture", "Urdu"],
                             ["\u00a9 2027 Cholistan Courier \u2013 all rights reserved",
                              "Courier\u2019s code of ethics"]),
    "kohat-gazette.pk": (["Kohat Gazette", "KP", "National", "World", "اردو"],
                         ["Kohat Gazette, Hangu Road", "Gazette Media (Pvt) Ltd"]),
    "mirpur-evening-news.com": (["Mirpur Evening News", "AJK", "Diaspora", "Sport & Leisure",
                                 "Editor's picks"],
                                ["Mirpur Evening News \u2014 \u00a9 2027",
                                 "Terms & Conditions", "Reader's desk"]),
    "gwadar-business-times.pk": (["Gwadar Business Times", "Ports", "Markets", "Energy",
                                  "اردو"],
                                 ["\u00a9 2027 Gwadar Business Times",
                                  "Today\u2019s e-paper \u2013 subscribe"]),
    "thar-herald.com.pk": (["Thar Herald", "Sindh", "Coal & Energy", "Tharparkar", "اردو"],
                           ["\u00a9 Thar Herald \u2013 Mithi", "Herald\u2019s readers\u2019 club"]),
    "attock-observer.pk": (["Attock Observer", "Punjab", "Pakistan", "Opinion", "اردو"],
                           ["\u00a9 2027 Attock Observer", "Observer\u2019s letters page"]),
    "larkana-daily-star.pk": (["Larkana Daily Star", "Larkana", "Sindh", "World", "اردو"],
                              ["Larkana Daily Star, Station Road", "Star Publications"]),
    "neelum-valley-news.com": (["Neelum Valley News", "Azad Kashmir", "Tourism", "Weather",
                                "اردو"],
                               ["Neelum Valley News", "Send a tip to the newsroom"]),
    "chitral-chronicle.pk": (["Chitral Chronicle", "Chitral", "Upper Chitral", "Culture",
                              "اردو"],
                             ["Chitral Chronicle, Shahi Bazaar", "Chronicle Media House"]),
}
URDU_EN_CHROME = {  # an Urdu site's header and footer in English
    "daily-sada-e-punjab.pk": (["Daily Sada-e-Punjab", "Home", "Pakistan", "World",
                                "Sports", "English"],
                               ["About us", "Contact us", "Privacy policy",
                                "Copyright 2027 Sada-e-Punjab Media"]),
    "hazara-awaz.pk": (["Hazara Awaz", "Home", "Abbottabad", "Mansehra", "Columns", "Video"],
                       ["Hazara Awaz Network", "Advertise", "Careers"]),
}
OWN_WORDS = {  # the words the site writes beside its own date
    "roznama-ravi-sada.pk": "شائع {t}",
    "daily-sada-e-punjab.pk": "تاریخ اشاعت: {t}",
    "roznama-thal-news.pk": "{t} | اپ ڈیٹ {upd}",
    "urdu.swat-post.pk": "شائع {t}",
    "cholistan-courier.pk": "Published {t}",
    "mirpur-evening-news.com": "Posted on {t}",
    "gwadar-business-times.pk": "{t}",
    "thar-herald.com.pk": "Published {t}",
    "larkana-daily-star.pk": "Last updated {t}",
    "chitral-chronicle.pk": "Published {t}",
}

ARABIC_TYPED = str.maketrans({"ی": "ي", "ک": "ك", "ہ": "ه"})
ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


# ----------------------------------------------------------------------------- dirt

def moji(s):
    """s as UTF-8 bytes read as windows-1252 (None when a byte has no windows-1252 letter)."""
    try:
        return s.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return None


def ent(s):
    """A line of text saved from HTML with its entities left in."""
    s = s.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&quot;")
    s = s.replace("\u2019", "&#8217;").replace(" \u2014 ", " &mdash; ")
    s = s.replace("\u2022", "&bull;").replace("\u00a9", "&copy;")
    return s


def ent_date(s):
    """A dated line saved from HTML: its first space (between figures or words) &nbsp;."""
    return ent(s).replace(" ", "&nbsp;", 1)


def nb(s):
    """A dated line with its first space non-breaking."""
    return s.replace(" ", "\u00a0", 1)


def read_own(text):
    """What a reader of the line sees as its day: entities read, zero-width spaces unseen,
    non-breaking spaces as spaces, the Arabic yeh, kaf, heh as the Urdu letters (fresh30's
    reader)."""
    if not isinstance(text, str):
        return F30.read_own(text)
    text = html.unescape(text).translate(ZW).replace("\u00a0", " ")
    return F30.read_own(text)


def dirty(page):
    """The site's dirt on the page's fields (the text page and the HTML page show them)."""
    spec, k = page.spec, page.k
    dirt = spec.get("dirt", ())
    if spec.get("letters") == "arabic":
        a = ARABIC_TYPED
        page.headline, page.lead = page.headline.translate(a), page.lead.translate(a)
        page.paras = [p.translate(a) for p in page.paras]
        page.own_text, page.author = page.own_text.translate(a), page.author.translate(a)
        page.head, page.tail = [x.translate(a) for x in page.head], [
            x.translate(a) for x in page.tail]
        page.sidebar_label = page.sidebar_label.translate(a)
        page.sidebar = [(t.translate(a), dt.translate(a), te, iso)
                        for t, dt, te, iso in page.sidebar]
        page.tool = [(ln.translate(a), iso) for ln, iso in page.tool]
        page.after = [(ln.translate(a), iso, s) for ln, iso, s in page.after]
    if spec.get("letters") == "side":
        page.sidebar = [(t.translate(ARABIC_TYPED), dt, te, iso)
                        for t, dt, te, iso in page.sidebar]
    if "nbsp" in dirt:
        page.sidebar = [(t, nb(dt), te, iso) for t, dt, te, iso in page.sidebar]
        page.tool = [(nb(ln) if iso else ln, iso) for ln, iso in page.tool]
        page.after = [(nb(ln) if iso else ln, iso, s) for ln, iso, s in page.after]
        page.own_text = nb(page.own_text)
        page.head = page.head[:1] + [x + "\u200b" for x in page.head[1:]]
    if "ent" in dirt:
        page.head, page.tail = [ent(x) for x in page.head], [ent(x) for x in page.tail]
        page.sidebar = [(ent(t), ent_date(dt) if dt else dt, te, iso)
                        for t, dt, te, iso in page.sidebar]
        page.tool = [(ent_date(ln) if iso else ent(ln), iso) for ln, iso in page.tool]
        page.after = [(ent_date(ln) if iso else ent(ln), iso, s) for ln, iso, s in page.after]
    if "moji" in dirt and k % 3 == 1:  # a few pages: the menu, the footer, the list's label
        page.head = page.head[:1] + [moji(x) or x for x in page.head[1:]]
        page.tail = [moji(x) or x for x in page.tail]
        page.sidebar_label = moji(page.sidebar_label) or page.sidebar_label


def site_pages(spec, pools, templates, rng):
    """fresh30's assembly with this set's salt and days, the list in side_lang, an Urdu site's
    English chrome, then the site's dirt."""
    real = G.rotating_sidebars

    def sidebars(s, *a):
        return real(dict(s, lang=spec.get("side_lang", spec["lang"])), *a)
    G.rotating_sidebars = sidebars
    try:
        pages = F30.site_pages(spec, pools, templates, rng)
    finally:
        G.rotating_sidebars = real
    for page in pages:
        if spec.get("enchrome"):
            page.head, page.tail = (list(x) for x in URDU_EN_CHROME[spec["site"]])
        dirty(page)
    return pages


def page_path(page):
    site, num, slug, k = page.spec["site"], page.num, page.slug[:50].rstrip("-"), page.k
    day = page.scrape_day
    return {
        "roznama-ravi-sada.pk": f"dump/{site}/{num}.txt",
        "urdu.makran-khabar.pk": f"{site}/khabrain/{day}/{num}.txt",
        "daily-sada-e-punjab.pk": f"Scraped Pages/{site}/news-{num}.txt",
        "roznama-derajat.pk": f"{site}/detail/{num}",
        "urdu.potohar-times.com": f"{site}/news/{num}.html",
        "hazara-awaz.pk": f"mirror/{site}/story.php?id={num}",
        "roznama-thal-news.pk": f"{site}/{day[:7]}/{num}.htm",
        "urdu.swat-post.pk": f"{site}/ur/{num}/index.html",
        "roznama-bahawal-khabar.pk": f"saved/{site}/{day.replace('-', '')}-{k:02d}.html",
        "cholistan-courier.pk": f"{site}/story/{slug}.txt",
        "kohat-gazette.pk": f"exports/{site}/{num}.txt",
        "mirpur-evening-news.com": f"{site}/{day}/{slug}.txt",
        "gwadar-business-times.pk": f"text/{site}/markets/{num}.txt",
        "thar-herald.com.pk": f"www.{site}/news/{num}.asp",
        "attock-observer.pk": f"{site}/pakistan/{slug}.html",
        "larkana-daily-star.pk": f"{site}/story/{num}/{slug}.html",
        "neelum-valley-news.com": f"www.{site}/{slug}/index.html",
        "chitral-chronicle.pk": f"{site}/latest/{num}.txt",
    }[site]


# ----------------------------------------------------------------------------- pages

META1252 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'


def ncr_body(text, keep=lambda c: ord(c) < 128):
    """The HTML after <body> with every letter keep refuses as a numeric character reference."""
    cut = text.index("<body>")
    return text[:cut] + "".join(c if keep(c) else f"&#{ord(c)};" for c in text[cut:])


def cp1252_ok(c):
    try:
        c.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def render(page):
    """fresh30's page, then the site's dirt at the page level (the bytes are written after
    the page checks, see write_bytes)."""
    text, chrome = F30.render(page)
    spec = page.spec
    if spec["fmt"] != "html":
        return text, chrome
    dirt = spec.get("dirt", ())
    if "titlemoji" in dirt and page.k % 2:
        name = G.esc(page.head[0])
        old = f"<title>{G.esc(page.headline)} - {name}</title>"
        assert old in text, old
        text = text.replace(old, f"<title>{G.esc(page.headline)} {moji(chr(8211))} {name}"
                            "</title>", 1)
    if "nbspent" in dirt:
        text = text.replace("\u00a0", "&nbsp;")
    if "ncr" in dirt:
        text = ncr_body(text)
    if spec.get("bytes") == "cp1252meta":
        text = ncr_body(text.replace('<meta charset="utf-8">', META1252, 1), cp1252_ok)
        head, body = text.split("<body>", 1)
        text = "".join(c if cp1252_ok(c) else f"&#{ord(c)};" for c in head) + "<body>" + body
    return text, chrome


# ----------------------------------------------------------------------------- bytes

def to_bytes(spec, text):
    """The page's bytes as the site's dump has them."""
    if spec.get("crlf"):
        text = text.replace("\n", "\r\n")
    how = spec.get("bytes")
    if how == "utf16":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if how == "utf8bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if how in ("cp1252", "cp1252meta"):
        return text.encode("cp1252")
    return text.encode("utf-8")


CHARSET = re.compile(rb'<meta[^>]*charset=["\']?([A-Za-z0-9_-]+)', re.I)


def reader_decode(data, fmt, crlf_too=False):
    """The page's text as a browser (HTML) or a text reader shows it: a BOM first decides;
    else an HTML page's declared charset; else UTF-8 if the bytes are UTF-8, else
    windows-1252; CRLF line ends read as line ends (crlf_too: as they are)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    else:
        m = CHARSET.search(data[:1024]) if fmt == "html" else None
        cs = m.group(1).decode().lower() if m else None
        if cs in ("windows-1252", "iso-8859-1", "latin1"):
            text = data.decode("cp1252")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252")
    return text if crlf_too else text.replace("\r\n", "\n")


# ----------------------------------------------------------------------------- checks

_RENDERED = []


def self_check(rendered, labels):
    """This set's checks of the pages' dirt, then fresh22's checks of the labels against the
    pages (with this set's reader, see read_own); exits with the failures, else returns a
    summary line. The bytes are checked after they are written (check_bytes)."""
    _RENDERED[:] = rendered
    bad = []
    seen = {}
    for page, path, text, _chrome in rendered:
        spec = page.spec
        d, site = spec.get("dirt", ()), spec["site"]
        got = seen.setdefault(site, set())
        if spec.get("bytes") in ("cp1252", "cp1252meta"):
            try:
                text.encode("cp1252")
            except UnicodeEncodeError as e:
                bad.append(f"{path}: not windows-1252: {e}")
            if any(ord(c) > 127 for c in text):
                got.add("non-ascii")
        if "moji" in d and ("\u00c3" in text or "\u00d8" in text or "\u00e2\u20ac" in text
                            or "\u00da" in text or "\u00d9" in text):
            got.add("moji")
        if "titlemoji" in d and re.search("<title>[^<]*\u00e2\u20ac\u201c", text):
            got.add("titlemoji")
        if "ent" in d and ("&amp;" in text or "&nbsp;" in text or "&#" in text):
            got.add("ent")
        if "nbsp" in d and "\u00a0" in (text if "nbspent" not in d else html.unescape(text)):
            got.add("nbsp")
        if "nbsp" in d and "\u200b" in text:
            got.add("zwsp")
        if "nbspent" in d and "&nbsp;" in text:
            got.add("nbspent")
        if "ncr" in d and re.search(r"&#1[5-7]\d\d;", text) and all(
                ord(c) < 128 for c in text[text.index("<body>"):]):
            got.add("ncr")
        if spec.get("letters") == "arabic" and re.search("[يكه]", page.headline + page.lead):
            got.add("arabic")
        if spec.get("letters") == "side" and any(re.search("[يكه]", t)
                                                 for t, *_ in page.sidebar):
            got.add("arabic")
        side_ur = spec.get("side_lang", spec["lang"]) == "ur"
        if page.sidebar and any(re.search("[\u0600-\u06ff]", t) for t, *_ in page.sidebar) \
                == side_ur:
            got.add("side")
    for spec in SITES:
        want = set(spec.get("dirt", ())) | ({"zwsp"} if "nbsp" in spec.get("dirt", ()) else set())
        want |= {"arabic"} if spec.get("letters") else set()
        want |= {"non-ascii"} if spec.get("bytes") in ("cp1252", "cp1252meta") else set()
        want |= {"side"} if spec["label"] else set()
        if not want <= seen.get(spec["site"], set()):
            bad.append(f"{spec['site']}: dirt {sorted(want - seen.get(spec['site'], set()))}"
                       " not on any page")
    if bad:
        raise SystemExit("fresh35 self-check failed:\n" + "\n".join(bad[:40]))
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh35 self-check")) from None


def write_bytes(out):
    """Each page's bytes as its site saves them (the raw text stays the UTF-8 reference)."""
    by_path = {"pages/" + path: (page, text) for page, path, text, _c in _RENDERED}
    for ln in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        lb = json.loads(ln)
        page, text = by_path[lb["path"]]
        (out / lb["path"]).write_bytes(to_bytes(page.spec, text))


def check_bytes(out):
    """The written pages read as a browser or a text reader reads them: each the page that
    was checked, its visible text the raw text, its title and lead query on it, and its
    bytes as the site saves them (BOM, CRLF, windows-1252 not UTF-8); exits on failures."""
    by_path = {"pages/" + path: (page, text) for page, path, text, _c in _RENDERED}
    bad = []
    for ln in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        lb = json.loads(ln)
        page, text = by_path[lb["path"]]
        spec = page.spec
        data = (out / lb["path"]).read_bytes()
        shown = reader_decode(data, lb["fmt"])
        raw = (out / ("raw/" + lb["path"][len("pages/"):] + ".txt")).read_text(encoding="utf-8")
        if shown != text:
            bad.append(f"{lb['path']}: the page read back is not the page checked")
        seen = G.visible_text(shown) if lb["fmt"] == "html" else shown
        if seen != raw:
            bad.append(f"{lb['path']}: the page's visible text is not its raw text")
        flat = " ".join(seen.split())
        if " ".join(lb["title"].split()) not in flat:
            bad.append(f"{lb['path']}: title not on the page as read")
        how = spec.get("bytes")
        as_is = reader_decode(data, lb["fmt"], crlf_too=True)
        if ("\r" in as_is) != bool(spec.get("crlf")) or as_is.count("\r\n") != as_is.count("\r"):
            bad.append(f"{lb['path']}: line ends not the site's")
        if (how == "utf16") != data.startswith(b"\xff\xfe") or (how == "utf8bom") != (
                data.startswith(b"\xef\xbb\xbf")):
            bad.append(f"{lb['path']}: byte order mark not the site's")
        if how in ("cp1252", "cp1252meta"):
            try:
                data.decode("utf-8")
                bad.append(f"{lb['path']}: windows-1252 page is valid UTF-8")
            except UnicodeDecodeError:
                pass
        if how is None and "\ufeff" in shown:
            bad.append(f"{lb['path']}: a stray BOM")
    if bad:
        raise SystemExit("fresh35 self-check (bytes) failed:\n" + "\n".join(bad[:40]))
    return f"fresh35 bytes check: {len(by_path)} pages read back as a reader reads them"


def setup():
    """fresh30's assembly, with this set's salt, days, chrome, own-line words and reader."""
    F22.SEEN.clear()
    F30.FRESH30_SALT, F30.EN_BASE, F30.UR_BASE = FRESH35_SALT, EN_BASE, UR_BASE
    F30.EN_CHROME.update(EN_CHROME)
    F30.OWN_WORDS.update(OWN_WORDS)
    F22.own_line = F30.own_line
    F22.read_own = read_own


def main(shared, out):
    setup()
    G.generate_set("fresh35", SITES, SEED_FRESH35, FRESH35_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
    write_bytes(out)
    print(check_bytes(out), file=__import__("sys").stderr)
