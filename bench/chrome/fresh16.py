"""The seventeenth set of the chrome bench (`gen.py --set fresh16`, `SET=fresh16 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The seventeenth set" before
the set's held-out run. The design is described in README.md "The seventeenth set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
rotating lists of real headlines (gen.rotating_sidebars) with dates in this set's styles (fdate).
Site names, section words, tool and widget lines, front matter, footers and all dates but the
Reuters years are the assembly's. Pages are rendered as text or HTML by the site itself or by
what saved it; each generation checks its labels against its pages (self_check) and stops on any
mismatch.
"""
import datetime
import hashlib
import re

import fresh as F
import fresh4 as F4
import fresh5 as F5
import fresh9 as F9
import fresh12 as F12
import fresh13 as F13
import gen as G

SEED_FRESH16 = 20270301
FRESH16_SALT = "khabar-chrome-fresh16"
EN_BASE, UR_BASE = datetime.date(2027, 3, 1), datetime.date(2027, 3, 22)
URDU_NAV16 = ["ہوم", "تازہ ترین", "پاکستان", "بین الاقوامی", "معیشت", "کھیل", "فن و ثقافت",
              "سائنس و ٹیکنالوجی", "صحت", "بلاگ", "ویڈیو", "رابطہ"]
URDU_FOOT16 = ["ہمارے بارے میں", "پرائیویسی پالیسی", "اشتہارات کے لیے رابطہ",
               "ادارے کا کسی تبصرے سے متفق ہونا ضروری نہیں"]

# layout: site (the outlet's page as a mirror or the browser saved it) | savepage (the browser's
#   "Save Page As, complete": a title-named file beside its _files folder, the "saved from url"
#   comment) | trafilatura (an extraction tool's Markdown with its metadata front matter)
# own: under (a line of the story's header) | below (a line after the last paragraph) | url (only
#   the canonical URL's path holds the day) | front (only the tool's front matter) | none
# half: only even pages state it; meta: how HTML marks the own date besides the visible line
# ostyle / side: date styles of the own line and of the list (None: no list or an undated list)
# widget: lines with days at the top of every page (forecast, rates, fixture)
SITES = [
    dict(site="newsinfo.manila-daybreak.ph", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_ph", meta=None, side="en_ph", label="Trending", n=16),
    dict(site="tasman-herald.co.nz", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_nz", side="en_nz", label="Latest from Business", n=16),
    dict(site="prairie-ledger.com", lang="en", fmt="html", layout="site", body="mix",
         own="under", ostyle="en_drupal", meta="rdfa", side="en_drupal", label="Recent content",
         n=16),
    dict(site="evening-courant.com", lang="en", fmt="txt", layout="site", body="reuters",
         own="below", ostyle="en_print", side=None, label="Most Emailed", n=16),
    dict(site="harborlight-gazette.com", lang="en", fmt="html", layout="savepage", body="mix",
         own="url", ostyle=None, meta=None, side=None, label=None, n=16),
    dict(site="coastline-wire.com.au", lang="en", fmt="txt", layout="trafilatura", body="mix",
         own="front", ostyle="iso", side=None, label="Related coverage", n=16),
    dict(site="kvxt13.com", lang="en", fmt="html", layout="site", body="mix", own="under",
         ostyle="en_gray", meta="time", side=None, label="Latest Headlines", widget="closings",
         n=16),
    dict(site="fenland-fm.co.uk", lang="en", fmt="txt", layout="site", body="bbc", own="none",
         side=None, label="News Headlines", widget="forecast", n=16),
    dict(site="dhaka-sentinel.com.bd", lang="en", fmt="html", layout="site", body="mix",
         own="under", ostyle="en_bd", meta="itemprop", side=None, label="Most Viewed",
         widget="rates_en", n=16),
    dict(site="aaina-e-waqt.pk", lang="ur", fmt="html", layout="savepage", body="express",
         own="url", ostyle=None, meta=None, side=None, label=None, n=16),
    dict(site="rah-e-haq-news.pk", lang="ur", fmt="txt", layout="trafilatura", body="samaa",
         own="front", ostyle="iso", side=None, label="مزید پڑھیں", n=16),
    dict(site="urdu.sada-e-watan.com", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_voa", meta="pangea", side="ur_voa", label="مزید خبریں", n=16),
    dict(site="qalam-kada.pk", lang="ur", fmt="txt", layout="site", body="samaa", own="below",
         ostyle="ur_wp_below", side=None, label="حالیہ تحریریں", n=16),
    dict(site="khabar-rasaan.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", half=True, ostyle="ur_ishaat", side="ur_slash", label="اہم خبریں", n=16),
    dict(site="chaupal-tv.pk", lang="ur", fmt="html", layout="site", body="samaa", own="none",
         side=None, label="مقبول خبریں", widget="rates_ur", n=16),
    dict(site="roshni-daily.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_eastern", meta="itemprop_ur", side="ur_eastern",
         label="متعلقہ خبریں", n=16),
    dict(site="maidan-news.pk", lang="ur", fmt="txt", layout="site", body="samaa", own="none",
         side=None, label="تازہ ترین", widget="fixture", n=16),
    dict(site="fikr-o-nazar.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_column", side="ur_column", label="مزید کالم", n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites
    "newsinfo.manila-daybreak.ph": (["Manila Daybreak", "News", "Global Nation", "Business",
                                     "Sports", "Lifestyle", "Opinion", "Technology"],
                                    ["Manila Daybreak is part of the Daybreak Group",
                                     "Follow us on our social media channels",
                                     "Subscribe to our daily newsletter",
                                     "© Copyright 1997-2027 Manila Daybreak"]),
    "tasman-herald.co.nz": (["Tasman Herald", "Latest news", "New Zealand", "World", "Business",
                             "Premium", "Sport", "Property"],
                            ["Tasman Herald is part of the Tasman Media group",
                             "Contact the newsroom", "Help and support", "Licensing",
                             "© Copyright 2027 Tasman Media Limited"]),
    "prairie-ledger.com": (["Prairie Ledger", "Home", "News", "Agriculture", "Obituaries",
                            "Sports", "Classifieds", "e-Edition"],
                           ["Prairie Ledger, serving the county since 1911",
                            "Submit a letter to the editor", "Powered by Drupal"]),
    "evening-courant.com": (["The Evening Courant", "World", "U.S.", "Business", "Opinion",
                             "Arts", "Books", "Today's Paper"],
                            ["© 2027 The Evening Courant Company", "Contact Us",
                             "Work with us", "Your Privacy Choices", "Terms of Service"]),
    "harborlight-gazette.com": (["Harborlight Gazette", "Local", "Business", "Schools",
                                 "Sports", "Opinion", "Obituaries", "Subscribe"],
                                ["Join the conversation", "Comments are moderated",
                                 "Harborlight Gazette, a community newspaper",
                                 "© 2027 Harborlight Gazette. All rights reserved."]),
    "coastline-wire.com.au": (["sitename: Coastline Wire", "categories: News; Business; World",
                               "tags: economy, markets, regional", "license: All rights reserved"],
                              []),
    "kvxt13.com": (["KVXT 13", "News", "First Alert Weather", "Sports", "Community",
                    "Investigations", "Watch Live", "Contests"],
                   ["KVXT 13 Public File", "FCC Applications", "EEO Report",
                    "Closed Captioning/Audio Description", "KVXT 13, a local media station"]),
    "fenland-fm.co.uk": (["Fenland FM", "Listen Live", "News", "Weather", "Travel",
                          "What's On", "Presenters", "Win"],
                         ["Fenland FM is part of Fenland Radio Group", "Ofcom complaints",
                          "Advertise with us", "© 2027 Fenland Radio Group Ltd"]),
    "dhaka-sentinel.com.bd": (["The Dhaka Sentinel", "News", "Bangladesh", "Business",
                               "Opinion", "Sports", "Weekend Magazine", "E-paper"],
                              ["The Dhaka Sentinel", "Editor & Publisher of the Sentinel",
                               "Advertisement", "Archives", "Contact us"]),
}
AUTHORS = ["Dalisay Ramos", "Hemi Walker", "Clara Brandt", "Imran Chowdhury"]
UR_AUTHORS = ["ویب ڈیسک", "نیوز ڈیسک", "سٹاف رپورٹر", "نامہ نگار"]
COLUMNISTS = ["ڈاکٹر سلیم اختر", "عائشہ صدیقی", "محمد اکرم چوہدری", "فرحت عباس"]
SECTIONS = ["A", "B", "C", "D"]


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um, uday, wd = G.URDU_MONTHS[d.month - 1], F.URDU_DAYS[d.weekday()], f"{d:%a}"
    return {
        "en_ph": lambda: f"{h12:02d}:{minute:02d} {ampm} {month} {d.day:02d}, {d.year}",
        "en_nz": lambda: f"{d.day} {mon}, {d.year} {h12:02d}:{minute:02d} {ampm}",
        "en_drupal": lambda: f"{wd}, {d.month:02d}/{d.day:02d}/{d.year} - {hour:02d}:{minute:02d}",
        "en_print": lambda: f"{month} {d.day}, {d.year}",
        "en_gray": lambda: f"{F9.AP_MONTHS[d.month - 1]} {d.day}, {d.year} at {h12}:{minute:02d} "
                           f"{ampm} EST",
        "en_bd": lambda: f"{wd} {mon} {d.day}, {d.year} {h12:02d}:{minute:02d} {ampm}",
        "en_forecast": lambda: f"{wd} {d.day} {mon} {d.year}",
        "en_closings": lambda: f"{F9.AP_MONTHS[d.month - 1]} {d.day}, {d.year} {h12}:{minute:02d}"
                               f" {ampm}",
        "en_rates": lambda: f"{d.day:02d} {mon} {d.year}",
        "iso": lambda: d.isoformat(),
        "ur_voa": lambda: f"{um} {d.day:02d}, {d.year}",
        "ur_wp_below": lambda: f"{d.day} {um} {d.year}",
        "ur_ishaat": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "ur_slash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "ur_eastern": lambda: f"{d.day} {um} {d.year}".translate(F13.UR_DIGITS),
        "ur_column": lambda: f"{uday}، {d.day} {um} {d.year}",
        "ur_rates": lambda: f"{d.day:02d} {um} {d.year}",
        "ur_fixture": lambda: f"{uday} {d.day} {um} {d.year}",
    }[style]()


_SLASH_DMY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_SLASH_MDY = re.compile(r"(?<![\d/])(\d\d)/(\d\d)/(\d{4}) - \d\d:\d\d")
_MON_COMMA = re.compile(r"(?<!\d)(\d{1,2}) ([A-Z][a-z]{2}), (\d{4})(?!\d)")
_UR_MONTH_FIRST = re.compile("(" + "|".join(G.URDU_MONTHS) + r") (\d{1,2}), (\d{4})(?!\d)")


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: Eastern digits folded;
    Drupal's "mm/dd/yyyy - hh:mm" month first; "2 Mar, 1987" without its comma; an Urdu month
    before the day ("مارچ 20, 2027"); other d/m/yyyy day first; else fresh13.read_own (month
    names, dd-mm-yyyy, ISO and others)."""
    t = text.translate(F9.DIGITS_BACK)
    m = _SLASH_MDY.search(t)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat()
    t = _MON_COMMA.sub(r"\1 \2 \3", t)
    t = _UR_MONTH_FIRST.sub(r"\2 \1 \3", t)
    for m in _SLASH_DMY.finditer(t):
        try:
            return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            continue
    return F13.read_own(t)


# ----------------------------------------------------------------------------- assembly

SEEN = set()


def site_pages(spec, pools, templates, rng):
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH16_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    sidebars = (G.rotating_sidebars(dict(spec, side=spec["side"] or "x"), days, pools,
                                    FRESH16_SALT, lambda s, d, hr, mi: (s, d, hr, mi), 6, 13)
                if spec["label"] is not None else {})
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV16, URDU_FOOT16, 9)
        if spec["layout"] == "trafilatura":
            head = [f"sitename: {head[0]}", "categories: پاکستان; تازہ ترین",
                    "tags: خبریں, پاکستان", "license: All rights reserved"]
            tail = []
    else:
        head, tail = EN_CHROME[spec["site"]]
    host = spec["site"]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        may_date = spec["own"] != "none" and not (spec.get("half") and k % 2)
        while True:  # BBC News 2225 holds some stories twice: a set shows each once; an
            # undated page's lead must not state a day
            page = G.later_page(spec, k, day, host, pools, rng, back)
            dated = may_date and bool(page.own)
            if page.headline not in SEEN and page.lead not in SEEN and (
                    dated or not read_own(page.lead)):
                break
        SEEN.update((page.headline, page.lead))
        if not dated:
            page.own = ""
        page.num = (1700000 + 7717 * k + h % 90000) if lang == "en" else 52000 + 419 * k + h % 991
        page.scrape_hour, page.scrape_minute = 6 + (k * 5) % 13, (k * 23 + h) % 60
        page.own_text = (fdate(spec["ostyle"], page.date, page.hour, page.minute)
                         if page.own and spec["ostyle"] else "")
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])]
        page.author = (AUTHORS if lang == "en" else UR_AUTHORS)[(k + h) % 4]
        page.columnist = COLUMNISTS[(k + h) % 4]
        page.url = page_url(page)
        page.masthead = ""
        page.tool = tool_lines(page, day)
        dates = {iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool}
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def nz_code(page):
    """A 26-letter story code as the New Zealand outlet's URLs carry one."""
    digest = hashlib.sha256(f"{page.spec['site']}:{page.num}".encode()).digest()
    return "".join(chr(65 + b % 26) for b in digest[:26])


def page_url(page):
    spec, host, num, slug = page.spec, page.host, page.num, page.slug[:50].rstrip("-")
    site = spec["site"]
    if site == "newsinfo.manila-daybreak.ph":
        return f"https://{host}/{num}/{slug}"
    if site == "tasman-herald.co.nz":
        return f"https://www.{host}/business/{slug}/{nz_code(page)}/"
    if site == "prairie-ledger.com":
        return f"https://www.{host}/news/{slug}"
    if spec["own"] == "url":
        if page.own:
            y, m, d = page.own.split("-")
            return f"https://{host}/{y}/{m}/{d}/{slug if spec['lang'] == 'en' else num}/"
        return f"https://{host}/news/{slug}/"
    if site == "urdu.sada-e-watan.com":
        return f"https://{host}/a/{num}.html"
    if site == "dhaka-sentinel.com.bd":
        return f"https://www.{host}/business/news/{slug}-{num}"
    if spec["layout"] == "trafilatura":
        return (f"https://www.{host}/news/{slug}-{num}" if spec["lang"] == "en"
                else f"https://{host}/story/{num}")
    return f"https://{host}/" + ("news" if spec["lang"] == "en" else "khabar") + f"/{num}"


RATES_EN = "Taka rates: USD {a} · EUR {b} · Gold 22K Tk {c}/bhori — as of {d}"
RATES_UR = "انٹر بینک ڈالر {a} · اوپن مارکیٹ ڈالر {b} · سونا فی تولہ {c} روپے — {d}"
FIXTURE = "اگلا میچ: پاکستان بمقابلہ نیوزی لینڈ — تیسرا ون ڈے — {d} — راولپنڈی، دوپہر 2 بجے"


def tool_lines(page, day):
    """Lines with a day that the site's widgets write around the story: [(line, ISO)]."""
    spec, hr, mi = page.spec, page.scrape_hour, page.scrape_minute
    w, out = spec.get("widget"), []
    n = day.toordinal()
    if w == "closings":
        out.append((f"School closings and delays: 14 active · Updated "
                    f"{fdate('en_closings', day, min(hr, 7) - 1, mi)}", day.isoformat()))
    if w == "forecast":  # today and the next two days
        for i, (hi, sky) in enumerate(((9, "Light rain"), (11, "Sunny intervals"),
                                       (8, "Cloudy"))):
            d = day + datetime.timedelta(days=i)
            out.append((f"{fdate('en_forecast', d)} {hi + n % 3}°C {sky}", d.isoformat()))
    if w == "rates_en":
        out.append((RATES_EN.format(a=f"121.{n % 50 + 10}", b=f"131.{n % 40 + 20}",
                                    c=f"1,43,{n % 900 + 100}", d=fdate("en_rates", day)),
                    day.isoformat()))
    if w == "rates_ur":
        out.append((RATES_UR.format(a=f"280.{n % 50 + 10}", b=f"281.{n % 40 + 50}",
                                    c=f"3,05,{n % 900 + 100}", d=fdate("ur_rates", day)),
                    day.isoformat()))
    if w == "fixture":  # the next match, two days after the scrape day
        d = day + datetime.timedelta(days=2)
        out.append((FIXTURE.format(d=fdate("ur_fixture", d)), d.isoformat()))
    return out


def save_title(page):
    """The file name a browser's "Save Page As" gives the page: its <title>, characters that a
    file name cannot hold replaced by "_"."""
    return re.sub(r'[\\/:*?"<>|]', "_", html_title(page))[:120].strip()


def html_title(page):
    name = page.head[0]
    return f"{page.headline} - {name}" if page.spec["lang"] == "en" else \
        f"{page.headline} | {name}"


def page_path(page):
    spec, layout, site = page.spec, page.spec["layout"], page.spec["site"]
    if layout == "savepage":
        return f"{'Downloads' if spec['lang'] == 'en' else 'Saved Pages'}/{save_title(page)}.html"
    if layout == "trafilatura":
        return f"trafilatura-out/{site}/{page.num}.md"
    if site == "tasman-herald.co.nz":
        return f"scrapes/{page.scrape_day}/{site}/{nz_code(page)}.txt"
    if site == "evening-courant.com":
        return f"{site}/articles/{page.num}.txt"
    if site == "fenland-fm.co.uk":
        return f"saved-text/{site}/news/{page.slug[:50].rstrip('-')}.txt"
    if site == "qalam-kada.pk":
        return f"{site}/posts/{page.num}.txt"
    if site == "khabar-rasaan.pk":
        return f"{site}/detail/{page.num}.txt"
    if site == "maidan-news.pk":
        return f"{site}/{page.num}.txt"
    if site == "fikr-o-nazar.pk":
        return f"{site}/columns/{page.num}.txt"
    if site == "kvxt13.com":
        return f"kvxt13/{page.num}.html"
    if site == "urdu.sada-e-watan.com":
        return f"{site}/a/{page.num}.html"
    if site == "roshni-daily.pk":
        return f"{site}/news/{page.num}.html"
    url = page.url.split("://", 1)[-1].rstrip("/")
    return f"{url}.txt" if spec["fmt"] == "txt" else f"{url}/index.html"


# ----------------------------------------------------------------------------- pages

def own_line(page):
    """The own date as its line writes it, with the words the site puts beside it."""
    site, t = page.spec["site"], page.own_text
    if site == "newsinfo.manila-daybreak.ph":
        return f"Reuters / {t}"
    if site == "prairie-ledger.com":
        return f"Submitted by Reuters on {t}"
    if site == "kvxt13.com":
        return f"Published: {t}"
    if site == "evening-courant.com":
        return (f"A version of this article appears in print on {t}, Section "
                f"{SECTIONS[page.k % 4]}, Page {2 + page.k % 9} of the National edition with "
                f"the headline: {page.headline}.")
    if site == "qalam-kada.pk":
        return f"یہ تحریر زمرہ بلاگ میں {t} کو شائع ہوئی۔"
    if site == "khabar-rasaan.pk":
        return f"تاریخ اشاعت: {t}"
    return t


def update_line(page):
    """The same-day update line some sites write after the publication line (even pages)."""
    site = page.spec["site"]
    if not page.own or page.k % 2 or site not in ("kvxt13.com", "dhaka-sentinel.com.bd"):
        return ""
    h2 = min(page.hour + 4, 23)
    style = "en_gray" if site == "kvxt13.com" else "en_bd"
    text = fdate(style, page.date, h2, (page.minute + 25) % 60)
    return f"Updated: {text}" if site == "kvxt13.com" else f"Last update on: {text}"


def header_lines(page):
    """The lines between the headline and the first paragraph."""
    spec, site, lang = page.spec, page.spec["site"], page.spec["lang"]
    own = [own_line(page)] if page.own and spec["own"] == "under" else []
    upd = [update_line(page)] if update_line(page) else []
    if site == "newsinfo.manila-daybreak.ph":
        return own
    if site == "fikr-o-nazar.pk":
        return [f"کالم نگار: {page.columnist}"] + own
    if site == "qalam-kada.pk":
        return [f"تحریر: {page.columnist}"]
    if spec["layout"] == "trafilatura":
        return []
    if lang == "en":
        if own:
            if site == "prairie-ledger.com":
                return own
            return ["By Reuters"] + own + upd
        if site == "dhaka-sentinel.com.bd":
            return ["Sentinel Online Report"]
        return [f"By {page.author}" if page.spec["body"] != "reuters" or not page.own
                else "By Reuters"]
    return [page.author] + own


def items(page):
    return [(t, dt) for t, dt, _te, _iso in page.sidebar]


def blocks(page, nav, foot):
    out = [nav, [page.sidebar_label] if page.sidebar_label else []]
    return out + [[t, dt] if dt else [t] for t, dt in items(page)] + [foot]


def after_story(page):
    """Lines right after the last paragraph that belong to the story's page (not chrome)."""
    return [own_line(page)] if page.own and page.spec["own"] == "below" else []


def front_matter(page):
    spec = page.spec
    fp = hashlib.sha256(page.url.encode()).hexdigest()[:16]
    name = page.head[0].split(": ", 1)[1]
    lines = ["---", f"title: {page.headline}",
             f"author: {page.author if not page.own or spec['lang'] == 'ur' else 'Reuters'}",
             f"url: {page.url}", f"hostname: {spec['site']}", f"sitename: {name}"]
    if page.own:
        lines.append(f"date: {page.own}")
    lines += page.head[1:] + [f"fingerprint: {fp}", "---"]
    return lines


def text_page(page):
    spec = page.spec
    widget = [ln for ln, _iso in page.tool]
    lst = ([page.sidebar_label] + [f"{t}\n{dt}" if dt else t for t, dt in items(page)]) \
        if page.sidebar_label else []
    if spec["layout"] == "trafilatura":
        fm = front_matter(page)
        chunks = ["\n".join(fm), f"# {page.headline}"] + page.paras
        if lst:
            chunks.append("\n".join(["## " + lst[0]] + [f"- {x}" for x in lst[1:]]))
        nav = [ln for ln in fm if ln.startswith(("sitename:", "categories:", "tags:",
                                                 "license:"))]
        return "\n\n".join(chunks) + "\n", blocks(page, nav, [])
    story = "\n".join([page.headline] + header_lines(page))
    chunks = ["\n".join(widget + page.head), story] + page.paras + after_story(page)
    foot = page.tail
    if spec["site"] == "fikr-o-nazar.pk":  # the columnist's bio box
        bio = (f"{page.columnist} سینئر صحافی اور کالم نگار ہیں اور 2014 سے فکر و نظر کے لیے "
               "لکھ رہے ہیں۔")
        chunks.append(bio)  # not a source of chrome phrases: it names the story's writer
    if lst:
        chunks.append("\n\n".join(lst))
    chunks.append("\n".join(page.tail))
    return "\n\n".join(c for c in chunks if c) + "\n", blocks(page, widget + page.head, foot)


def own_html(page, ln):
    esc, meta = F.esc, page.spec.get("meta")
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00"
    if meta == "rdfa":
        return (f'<div class="submitted">Submitted by <span rel="sioc:has_creator">Reuters</span>'
                f' on <span property="dc:date dc:created" content="{stamp}-06:00" '
                f'datatype="xsd:dateTime">{esc(page.own_text)}</span></div>')
    if meta == "time":
        return f'<div class="published-date"><time>{esc(ln)}</time></div>'
    if meta == "itemprop":
        return (f'<div class="date"><meta itemprop="datePublished" content="{stamp}+06:00">'
                f"{esc(ln)}</div>")
    if meta == "pangea":
        return (f'<span class="date"><time pubdate="pubdate" datetime="{page.own} '
                f'{page.hour:02d}:{page.minute:02d}:00Z">{esc(ln)}</time></span>')
    if meta == "itemprop_ur":
        return (f'<div class="news-date"><meta itemprop="datePublished" content="{page.own}">'
                f"<time>{esc(ln)}</time></div>")
    return f'<div class="article-date">{esc(ln)}</div>'


def story_html(page):
    esc, spec = F.esc, page.spec
    attrs = (' vocab="http://schema.org/" typeof="sioc:Item foaf:Document"'
             if spec.get("meta") == "rdfa" else
             ' itemscope itemtype="https://schema.org/NewsArticle"'
             if spec.get("meta") in ("itemprop", "itemprop_ur") else "")
    out = [f'<article class="story"{attrs}>', f"<h1>{esc(page.headline)}</h1>"]
    for ln in header_lines(page):
        if page.own and spec["own"] == "under" and ln == own_line(page):
            out.append(own_html(page, ln))
        elif ln == update_line(page) and ln:
            out.append(f'<div class="updated-date">{esc(ln)}</div>')
        else:
            out.append(f'<p class="byline">{esc(ln)}</p>')
    return out + [f"<p>{esc(p)}</p>" for p in page.paras] + ["</article>"]


def list_html(page, cls):
    esc = F.esc
    if not page.sidebar_label:
        return []
    rows = [f'<li><a href="/{page.num + 37 * i}">{esc(t)}</a>'
            + (f' <span class="date">{esc(dt)}</span>' if dt else "") + "</li>"
            for i, (t, dt) in enumerate(items(page))]
    return [f'<section class="{cls}">', f"<h2>{esc(page.sidebar_label)}</h2>", "<ul>"] + rows \
        + ["</ul>", "</section>"]


def html_page(page):
    esc, spec = F.esc, page.spec
    b = []
    for ln, _iso in page.tool:
        b.append(f'<div class="top-bar">{esc(ln)}</div>')
    b += ['<header class="site-header"><nav><ul>']
    b += [f'<li><a href="/section/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<main class="content">']
    b += story_html(page)
    if spec["layout"] == "savepage":
        n = 3 + page.num % 40
        b += ['<div class="comments-count">' + (f"{n} Comments" if spec["lang"] == "en"
                                                 else f"{n} تبصرے") + "</div>"]
    b += list_html(page, "more-news")
    b += ["</main>", '<footer class="site-footer">'] + [f"<p>{esc(x)}</p>" for x in page.tail]
    b += ["</footer>"]
    text = F12.html_doc(page, html_title(page), b)
    if spec["layout"] == "savepage":
        folder = esc(save_title(page)) + "_files"
        text = text.replace("<!DOCTYPE html>\n", "<!DOCTYPE html>\n<!-- saved from url=("
                            f"{len(page.url):04d}){page.url} -->\n", 1)
        text = text.replace("</head>", f'<link rel="stylesheet" href="./{folder}/style.css">\n'
                            f'<script src="./{folder}/main.js"></script>\n</head>', 1)
    if spec.get("meta") == "rdfa":
        text = text.replace("<html ", '<html prefix="dc: http://purl.org/dc/terms/ '
                            'sioc: http://rdfs.org/sioc/ns#" ', 1)
    extra = [f"{3 + page.num % 40} Comments" if spec["lang"] == "en" else
             f"{3 + page.num % 40} تبصرے"] if spec["layout"] == "savepage" else []
    return text, blocks(page, [ln for ln, _ in page.tool] + page.head + extra, page.tail)


def render(page):
    return (html_page if page.spec["fmt"] == "html" else text_page)(page)


# ----------------------------------------------------------------------------- checks

STAMPS = ("datetime=", "datePublished", "published_time", "dc:created", "date: ")


def own_problems(page, text, zone, raw, outside):
    flat, own, spec = F4.flat, page.own, page.spec
    header = zone[:zone.index(flat(page.paras[0]))]
    probs = []
    if read_own(header):
        rest = header
        for x in (page.own_text, update_line(page)):
            rest = rest.replace(flat(x), "") if x else rest
        if read_own(rest) or spec["own"] != "under":
            probs.append(f"a date in the story's header {header!r} that is not its own")
    if not own:
        if any(s in text for s in STAMPS):
            probs.append("undated page with a time stamp in its markup or front matter")
        if re.search(r"/(19|20)\d\d/\d\d/\d\d/", text):
            probs.append("undated page with a dated URL")
        return probs
    if spec["own"] in ("under", "below"):
        if read_own(page.own_text) != own:
            probs.append(f"own date text {page.own_text!r} reads {read_own(page.own_text)}")
        line = flat(own_line(page))
        where = zone if spec["own"] == "under" else raw  # lists may share the under-line's style
        if where.count(line) != 1:
            probs.append(f"own date line {line!r} not once where it belongs")
    if spec["own"] == "under":
        line = flat(own_line(page))
        if line not in header or not 0 <= header.index(line) - len(flat(page.headline)) < 100:
            probs.append(f"own date line {line!r} not in the header within 100 characters")
        if spec.get("meta") not in (None, "time") and own not in " ".join(
                re.findall(r'(?:datetime|content)="([^"]*)"', text)):
            probs.append("no time stamp of the own date")
    if spec["own"] == "below":
        last = flat(page.paras[-1])
        gap = raw.index(flat(own_line(page))) - (raw.index(last) + len(last))
        if not 0 <= gap < 5:
            probs.append(f"own date line {gap} characters after the last paragraph")
    if spec["own"] == "url":
        y, m, d = own.split("-")
        if f"/{y}/{m}/{d}/" not in page.url or page.url not in text:
            probs.append("own day not in the canonical URL")
        if read_own(outside):
            probs.append("a url-dated page states a visible date")
        if any(s in text for s in STAMPS):
            probs.append("a url-dated page with a time stamp")
    if spec["own"] == "front":
        if text.count(f"\ndate: {own}\n") != 1 or text.index("date: ") > text.index("\n---\n"):
            probs.append("own day not in the front matter once")
        if read_own(outside.replace(f"date: {own}", "")):
            probs.append("a front-matter page with another date")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The seventeenth set");
    exits with the failures, else returns a summary line."""
    flat = F4.flat
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    content = f" {content} "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, F12.zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, zone, raw, outside)
        probs += F5.chrome_problems(page, lb, raw, zone, outside, content)
        for ln, iso in page.tool:
            if flat(ln) not in outside or flat(ln) in zone:
                probs.append(f"tool line {ln!r} not on the page outside the story")
            if iso not in lb["chrome_dates"] + [page.own] or read_own(ln) != iso:
                probs.append(f"tool line {ln!r} reads {read_own(ln)}, labelled {iso}")
        for t, dt, _te, iso in page.sidebar:
            if read_own(dt) != iso:
                probs.append(f"list date {dt!r} reads {read_own(dt)}, labelled {iso}")
            if read_own(t):
                probs.append(f"list headline {t!r} reads as a date")
        if (page.spec["side"] or page.tool) and not lb["chrome_dates"] and not (
                {iso for *_, iso in page.sidebar + page.tool if iso} <= {page.own}):
            probs.append("dated chrome without chrome dates")
        if not set(lb["chrome_dates"]) <= {iso for *_, iso in page.sidebar + page.tool}:
            probs.append("a chrome date that is on no chrome line")
        if page.own in lb["chrome_dates"]:
            probs.append("the own date among the chrome dates")
        if read_own(" ".join(page.paras[:1])) and not page.own:
            probs.append("an undated page's lead states a date")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh16", rendered, labels, bad)


def main(shared, out):
    SEEN.clear()
    G.generate_set("fresh16", SITES, SEED_FRESH16, FRESH16_SALT, site_pages, render, page_path,
                   self_check, shared, out, nth=0)
