"""The eighteenth set of the chrome bench (`gen.py --set fresh17`, `SET=fresh17 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The eighteenth set" before
the set's held-out run. The design is described in README.md "The eighteenth set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates; some sites take only its results tables or its shortest stories) and BBC News 2225 (no
dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa); lists of real headlines
(and, for two sites, real teasers: Dawn's and the first sentence of unused Express stories) with
dates in this set's styles (fdate). Site names, section words, tool and widget lines, notes,
footers and all dates but the Reuters ones are the assembly's. Each generation checks its labels
against its pages (self_check) and stops on any mismatch.
"""
import datetime
import re

import fresh as F
import fresh4 as F4
import fresh5 as F5
import fresh9 as F9
import fresh12 as F12
import fresh16 as F16
import gen as G

SEED_FRESH17 = 20270405
FRESH17_SALT = "khabar-chrome-fresh17"
EN_BASE, UR_BASE = datetime.date(2027, 4, 5), datetime.date(2027, 4, 19)
URDU_NAV17 = ["صفحہ اول", "تازہ ترین", "پاکستان", "دنیا", "کاروبار", "کھیل", "شوبز",
              "صحت", "تعلیم", "ٹیکنالوجی", "کالم", "ویڈیوز"]
URDU_FOOT17 = ["ہم سے رابطہ", "ہمارے بارے میں", "رازداری کی پالیسی", "جملہ حقوق محفوظ ہیں"]

# own: under (a line of the story's header) | below (a line right after the last paragraph) |
#   none. meta: how HTML marks the own date (time: <time datetime>, itemprop, None)
# body: reuters | bbc | mix (Reuters, every third BBC) | results (Reuters results tables) |
#   briefs (Reuters stories of three paragraphs) | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# extras: upd (a later "updated" line under the headline), corr (a dated correction after the
#   story on even pages), cookie, ticker, calendar, onthisday, prayer, live (top update bar and
#   timed entries), notes (undated chrome in full sentences), teasers (list items with a teaser
#   in the story's own markup), enchrome (an Urdu site's English menu, list and footer),
#   urlist (an English site's list of its Urdu service)
SITES = [
    dict(site="bayside-chronicle.com", lang="en", fmt="html", body="reuters", own="under",
         ostyle="en_long", meta="time", side=None, label="Most Popular", extras=("corr",),
         n=16),
    dict(site="wollombi-times.com.au", lang="en", fmt="txt", body="reuters", own="below",
         ostyle="en_dmy", side=None, label="Top Stories", extras=("upd",), n=16),
    dict(site="tidewater-markets.com", lang="en", fmt="html", body="results", own="under",
         ostyle="en_mkt", meta=None, side=None, label="Company News",
         extras=("ticker", "calendar"), n=16),
    dict(site="pennine-courier.co.uk", lang="en", fmt="txt", body="bbc", own="none",
         side=None, label="Most read", extras=("notes",), n=16),
    dict(site="lakeshore-gazette.com", lang="en", fmt="html", body="mix", own="under",
         ostyle="en_long", meta="itemprop", side="en_short", label="Latest News",
         extras=("onthisday",), n=16),
    dict(site="karachi-mercantile.com.pk", lang="en", fmt="html", body="reuters", own="under",
         ostyle="en_pk", meta=None, side="ur_plain", label="ہماری اردو سروس سے",
         extras=("urlist",), n=16),
    dict(site="glenrock-herald.com", lang="en", fmt="txt", body="reuters", own="under",
         ostyle="en_weekday", side="en_short", label="More headlines", extras=("cookie",),
         n=16),
    dict(site="riverbend-live.com", lang="en", fmt="txt", body="bbc", own="none", side=None,
         label="Live coverage", extras=("live",), n=16),
    dict(site="northgate-briefs.com", lang="en", fmt="html", body="briefs", own="under",
         ostyle="en_short", meta="time", side="en_short", label="More Briefs",
         extras=("teasers",), n=16),
    dict(site="urdu.pindi-post.pk", lang="ur", fmt="html", body="express", own="under",
         ostyle="ur_plain", meta=None, side="en_short", label="Latest", extras=("enchrome",),
         n=16),
    dict(site="sachai-news.pk", lang="ur", fmt="txt", body="samaa", own="under",
         ostyle="ur_plain", side=None, label="مزید خبریں", extras=("corr",), n=16),
    dict(site="jhang-times.pk", lang="ur", fmt="txt", body="express", own="below",
         ostyle="ur_plain", side=None, label="اہم خبریں", extras=("upd",), n=16),
    dict(site="roznama-nigah.pk", lang="ur", fmt="html", body="samaa", own="under",
         ostyle="ur_weekday_time", meta="time", side="ur_plain", label="تازہ ترین",
         extras=("prayer",), n=16),
    dict(site="qissa-khwani.pk", lang="ur", fmt="txt", body="express", own="none",
         side=None, label="زیادہ پڑھی جانے والی", extras=("notes",), n=16),
    dict(site="awaz-e-shehr.pk", lang="ur", fmt="html", body="samaa", own="under",
         ostyle="ur_plain", meta=None, side=None, label="مقبول", extras=("onthisday",), n=16),
    dict(site="urdu.rawi-live.pk", lang="ur", fmt="txt", body="samaa", own="none", side=None,
         label="لائیو اپ ڈیٹس", extras=("live",), n=16),
    dict(site="kohistan-khabar.pk", lang="ur", fmt="html", body="express", own="under",
         ostyle="ur_plain", meta="time", side="ur_plain", label="مختصر خبریں",
         extras=("teasers",), n=16),
    dict(site="daily-sarhad.pk", lang="ur", fmt="txt", body="samaa", own="under",
         ostyle="en_dunya", side="ur_plain", label="تازہ ترین", n=16),
]

for _s in SITES:  # the labels' "layout": every page as the outlet served it
    _s.setdefault("layout", "site")

EN_CHROME = {  # the assembly's header and footer of the English sites
    "bayside-chronicle.com": (["Bayside Chronicle", "Local", "Nation", "World", "Business",
                               "Opinion", "Sports", "Obituaries"],
                              ["Bayside Chronicle, an independent newspaper",
                               "Corrections policy", "Contact the newsroom",
                               "© 2027 Bayside Chronicle Media"]),
    "wollombi-times.com.au": (["Wollombi Times", "News", "Local", "Business", "Sport",
                               "Entertainment", "Property", "Obituaries"],
                              ["Wollombi Times acknowledges the Traditional Owners of the land",
                               "Conditions of access", "Editorial complaints",
                               "© Wollombi Times 2027"]),
    "tidewater-markets.com": (["Tidewater Markets", "Markets", "Earnings", "Stocks", "Bonds",
                               "Commodities", "Currencies", "Watchlist"],
                              ["Quotes delayed at least 15 minutes",
                               "Market data provided by Tidewater Data Services",
                               "© 2027 Tidewater Markets Inc."]),
    "pennine-courier.co.uk": (["Pennine Courier", "News", "Business", "Sport", "Politics",
                               "Entertainment", "Jobs", "Announcements"],
                              ["Pennine Courier is a member of the Independent Press Standards "
                               "Organisation", "Advertise with us", "Contact us",
                               "© Pennine Courier Ltd 2027"]),
    "lakeshore-gazette.com": (["Lakeshore Gazette", "News", "Business", "Region", "World",
                               "Opinion", "Sports", "Weather"],
                              ["Lakeshore Gazette, serving the shoreline communities",
                               "Submit a news tip", "Subscriber services",
                               "© 2027 Lakeshore Gazette"]),
    "karachi-mercantile.com.pk": (["Karachi Mercantile", "Home", "Business", "Markets",
                                   "Pakistan", "World", "Opinion", "E-Paper"],
                                  ["Karachi Mercantile, the business daily",
                                   "Advertise", "Contact", "© 2027 Karachi Mercantile"]),
    "glenrock-herald.com": (["Glenrock Herald", "News", "Business", "World", "Farming",
                             "Sport", "Community", "Classifieds"],
                            ["Glenrock Herald, the county's paper",
                             "Terms of use", "Manage cookie settings",
                             "© 2027 Glenrock Herald Publishing"]),
    "riverbend-live.com": (["Riverbend Live", "Live", "News", "Business", "Sport", "Culture",
                            "Travel", "Podcasts"],
                           ["Riverbend Live is an independent digital newsroom",
                            "How we cover live events", "Contact the live desk",
                            "© 2027 Riverbend Live"]),
    "northgate-briefs.com": (["Northgate Briefs", "Briefs", "Markets", "Companies",
                              "Economy", "World", "Energy", "Newsletters"],
                             ["Northgate Briefs, business news in short",
                              "Reprints and permissions", "Contact",
                              "© 2027 Northgate Briefs"]),
}
EN_NAV_UR = (["Pindi Post Urdu", "Home", "Pakistan", "World", "Sports", "Showbiz", "Business",
              "Videos"],
             ["About Us", "Contact Us", "Privacy Policy", "Terms and Conditions",
              "© 2027 Pindi Post. All Rights Reserved."])
AUTHORS = ["Harriet Moss", "Daniel Okafor", "Priya Menon", "Tom Ashworth"]
UR_AUTHORS = ["سٹاف رپورٹر", "ویب ڈیسک", "نامہ نگار", "نیوز ڈیسک"]
UR_WRITERS = ["سلمان حیدر", "نائلہ رشید", "عمران قریشی", "شازیہ بٹ"]
CITIES = ["لاہور", "کراچی", "اسلام آباد", "پشاور"]


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um, uday = G.URDU_MONTHS[d.month - 1], F.URDU_DAYS[d.weekday()]
    return {
        "en_long": lambda: f"{month} {d.day}, {d.year}",
        "en_dmy": lambda: f"{d.day} {month} {d.year}",
        "en_mkt": lambda: f"{mon} {d.day}, {d.year} {h12}:{minute:02d} {ampm} ET",
        "en_short": lambda: f"{mon} {d.day}, {d.year}",
        "en_pk": lambda: f"{month} {d.day:02d}, {d.year}",
        "en_weekday": lambda: f"{d:%A} {d.day} {month} {d.year}",
        "en_upd": lambda: f"{d.day} {mon} {d.year}, {h12}:{minute:02d}"
                          f"{ampm.lower()}",
        "en_dunya": lambda: f"{d.day} {month},{d.year}",
        "ur_plain": lambda: f"{d.day} {um} {d.year}",
        "ur_weekday_time": lambda: f"{uday} {d.day} {um} {d.year} - {hour:02d}:{minute:02d}",
    }[style]()


_COMMA_YEAR = re.compile(r"([A-Za-z]),(\d{4})(?!\d)")


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: a comma glued to the year
    ("24 March,2027") spaced; else fresh16.read_own."""
    return F16.read_own(_COMMA_YEAR.sub(r"\1, \2", text))


# ----------------------------------------------------------------------------- sources

def take_reuters(pools, pred):
    """The last Reuters story of the pool that pred accepts, taken out of the pool."""
    for i in range(len(pools.reuters) - 1, -1, -1):
        if pred(pools.reuters[i]):
            return pools.reuters.pop(i)
    raise SystemExit("fresh17: no Reuters story left")


def is_results(a):
    """A results table: its first line 'Shr ...' / 'Oper shr ...' and short lines."""
    return (a["paragraphs"][0].startswith(("Shr ", "Oper shr ", "Shr loss "))
            and max(len(p) for p in a["paragraphs"][:4]) < 60)


def fill_reuters(page, a):
    """fill_body's Reuters branch, for a story chosen here."""
    page.headline = a["title"].title() if a["title"].isupper() else a["title"]
    page.paras = list(a["paragraphs"])
    page.date = datetime.date(a["year"], a["month"], a["day"])
    page.own = page.date.isoformat()
    page.hour, page.minute = a["hour"], a["minute"]
    page.lead = page.paras[0]
    page.slug = G.slugify(a["title"], f"story-{page.k}")


def new_page(spec, k, day, pools, rng, back):
    body = spec["body"]
    if body not in ("results", "briefs"):
        return G.later_page(spec, k, day, spec["site"], pools, rng, back)
    page = G.Page(spec, k)
    page.host, page.scrape_day = spec["site"], day.isoformat()
    fill_reuters(page, take_reuters(pools, is_results if body == "results"
                                    else lambda a: len(a["paragraphs"]) == 3))
    return page


def teaser_items(spec, days, pools, salt):
    """day -> [(headline, date text, teaser, ISO)]: a briefs list, 4-6 items a day, item j dated
    j // 2 days before the scrape day; Dawn's headline and teaser (English), or an unused Express
    story's headline and first sentence (Urdu)."""
    h = G.site_hash(spec["site"] + salt)
    out = {}
    for i, d in enumerate(days):
        items = []
        for j in range(4 + (i + h) % 3):
            if spec["lang"] == "en":
                title, teaser = pools.dawn.pop()
            else:
                r = pools.express.pop(0)
                title = r["title"].strip()
                teaser = r["content"].split("۔")[0].strip() + "۔"
            day = d - datetime.timedelta(days=j // 2)
            items.append((title, fdate(spec["side"], day, 8 + j, 7 * j % 60), teaser,
                          day.isoformat()))
        out[d] = items
    return out


# ----------------------------------------------------------------------------- assembly

_MONTH_START = re.compile(r"^(?:\d|" + "|".join(G.MONTHS + G.URDU_MONTHS) + ")")


def _glues(para):
    """A paragraph that would read as a date with the entry time before it ("15:20" then "October
    2024 ..." reads 20 October 2024): live pages leave such stories out."""
    return bool(_MONTH_START.match(para))


SEEN = set()


def site_pages(spec, pools, templates, rng):
    lang, extras = spec["lang"], spec.get("extras", ())
    h = G.site_hash(spec["site"] + FRESH17_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    if "teasers" in extras:
        sidebars = teaser_items(spec, days, pools, FRESH17_SALT)
    else:
        side = dict(spec, side=spec["side"] or "x", lang="ur" if "urlist" in extras else lang)
        sidebars = G.rotating_sidebars(side, days, pools, FRESH17_SALT,
                                       lambda s, d, hr, mi: (s, d, hr, mi), 7, 11)
    if "enchrome" in extras:
        head, tail = EN_NAV_UR
    elif lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV17, URDU_FOOT17, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    otd_src = pools.bbc_titles if lang == "en" else pools.urdu_titles
    otd = {d: [otd_src.pop() for _ in range(4)] for d in days} if "onthisday" in extras else {}
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 7 + k // ndays) % 3
        while True:  # each story, headline and lead query once in the set; an undated page's
            # lead states no day
            page = new_page(spec, k, day, pools, rng, back)
            dated = spec["own"] != "none" and bool(page.own)
            q = G.lead_query(page.lead, page.headline, lang)
            if (page.headline not in SEEN and page.lead not in SEEN and q not in SEEN
                    and (dated or not read_own(page.lead))
                    and not ("live" in extras and any(_glues(p) for p in page.paras))):
                break
        SEEN.update((page.headline, page.lead, q))
        if not dated:
            page.own = ""
        page.num = (2400000 + 6311 * k + h % 80000) if lang == "en" else 71000 + 523 * k + h % 877
        page.scrape_hour, page.scrape_minute = 6 + (k * 5) % 12, (k * 17 + h) % 60
        page.own_text = (fdate(spec["ostyle"], page.date, page.hour, page.minute)
                         if page.own else "")
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])] \
            if "teasers" not in extras else [(t, dt, te, iso) for t, dt, te, iso in sidebars[day]]
        page.author = (AUTHORS if lang == "en" else UR_WRITERS)[(k + h) % 4]
        page.url = page_url(page)
        page.masthead = ""
        page.tool = tool_lines(page, day)        # above the menu
        page.upd = update_line(page)             # (line, ISO) under the headline, or None
        page.onthisday = otd.get(day, [])      # real headlines of the day's box
        page.after = after_lines(page, day)      # [(line, ISO, phrase source?)] after the story
        page.notes = notes(page)                 # [(line, phrase source?)]: undated sentences
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool}
                 | {iso for _ln, iso, _p in page.after} | ({page.upd[1]} if page.upd else set()))
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_url(page):
    spec, host, num, slug = page.spec, page.spec["site"], page.num, page.slug[:50].rstrip("-")
    site = spec["site"]
    if site in ("bayside-chronicle.com", "lakeshore-gazette.com"):
        return f"https://www.{host}/news/{slug}-{num}"
    if site == "tidewater-markets.com":
        return f"https://www.{host}/earnings/{num}/{slug}"
    if site == "karachi-mercantile.com.pk":
        return f"https://{host}/business/{num}"
    if site == "northgate-briefs.com":
        return f"https://{host}/briefs/{slug}"
    if spec["lang"] == "en":
        return f"https://www.{host}/story/{slug}-{num}"
    if site == "urdu.pindi-post.pk":
        return f"https://{host}/pakistan/{num}"
    return f"https://{host}/news/{num}"


def page_path(page):
    spec, site = page.spec, page.spec["site"]
    if site == "bayside-chronicle.com":
        return f"www.{site}/news/{page.slug[:50].rstrip('-')}-{page.num}/index.html"
    if site == "tidewater-markets.com":
        return f"crawl/{site}/earnings/{page.num}.html"
    if site == "lakeshore-gazette.com":
        return f"{site}/{page.scrape_day}/{page.num}.html"
    if site == "karachi-mercantile.com.pk":
        return f"{site}/business/{page.num}.html"
    if site == "northgate-briefs.com":
        return f"{site}/briefs/{page.slug[:50].rstrip('-')}.html"
    if site == "urdu.pindi-post.pk":
        return f"{site}/pakistan/{page.num}/index.html"
    if site == "roznama-nigah.pk":
        return f"{site}/news/{page.num}.html"
    if site == "awaz-e-shehr.pk":
        return f"saved/{site}/{page.num}.html"
    if site == "kohistan-khabar.pk":
        return f"{site}/mukhtasar/{page.num}.html"
    if spec["lang"] == "en":
        return f"text/{site}/{page.slug[:50].rstrip('-')}.txt"
    return f"{site}/{page.scrape_day}/{page.num}.txt"


TICKER = ["DJIA {a} ▲ {b}", "S&P 500 {c} ▲ {d}", "Nasdaq {e} ▼ {f}", "10-yr yield {g}%"]


def tool_lines(page, day):
    """Lines with a day above the menu: [(line, ISO)]."""
    spec, hr, mi = page.spec, page.scrape_hour, page.scrape_minute
    ex, n, out = spec.get("extras", ()), day.toordinal(), []
    if "cookie" in ex:  # the consent banner: the policy's effective day, fixed for the site
        eff = datetime.date(2027, 2, 15)
        out.append((f"We've updated our Privacy Policy, effective {fdate('en_long', eff)}. We "
                    "use cookies to personalise content and to analyse our traffic. By "
                    "continuing to browse you agree to our use of cookies.", eff.isoformat()))
    if "ticker" in ex:  # the previous session's close, dated the scrape day before the open
        prev = day - datetime.timedelta(days=1)
        vals = dict(a=f"33,{n % 900 + 100}.{n % 90 + 10}", b=f"{n % 200 + 12}.{n % 80 + 10}",
                    c=f"4,{n % 800 + 100}.{n % 70 + 20}", d=f"{n % 30 + 2}.{n % 60 + 30}",
                    e=f"14,{n % 700 + 200}.{n % 50 + 40}", f=f"{n % 90 + 5}.{n % 40 + 50}",
                    g=f"4.{n % 80 + 10}")
        line = " · ".join(x.format(**vals) for x in TICKER)
        out.append((f"{line} · At close {fdate('en_mkt', prev, 16, 0)}", prev.isoformat()))
    if "calendar" in ex:  # the earnings calendar: the next session but one
        d = day + datetime.timedelta(days=2)
        out.append((f"Earnings calendar: {12 + n % 20} companies report before the bell on "
                    f"{fdate('en_short', d)}", d.isoformat()))
    if "live" in ex:  # the live page's update bar: the scrape time
        if spec["lang"] == "en":
            out.append((f"LIVE · Last updated {fdate('en_upd', day, hr, mi)}", day.isoformat()))
        else:
            out.append((f"لائیو · آخری اپ ڈیٹ: {fdate('ur_plain', day)}، {hr:02d}:{mi:02d}",
                        day.isoformat()))
    if "prayer" in ex:
        city = CITIES[n % 4]
        out.append((f"اوقات نماز {city} — {fdate('ur_plain', day)}: فجر 4:{40 + n % 10} · ظہر "
                    f"12:{10 + n % 9} · عصر 3:{45 + n % 9} · مغرب 6:{30 + n % 9} · عشاء "
                    f"7:{50 + n % 9}", day.isoformat()))
    return out


def update_line(page):
    """A later "updated" line under the headline (sites with "upd"): 1-2 days after the own
    date; (line, ISO) or None."""
    if "upd" not in page.spec.get("extras", ()) or not page.own:
        return None
    d = page.date + datetime.timedelta(days=1 + page.k % 2)
    if page.spec["lang"] == "en":
        return f"Updated {fdate('en_upd', d, 9 + page.k % 8, 40)}", d.isoformat()
    return f"اپ ڈیٹ: {fdate('ur_plain', d)}", d.isoformat()


ONTHISDAY_YEARS = [2026, 2025, 2024, 2022]  # the box's "on this day" years: 1, 2, 3, 5 ago


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]: a dated
    correction on even pages (not a phrase source: it belongs to the story's record), an "on
    this day" box (past years of the scrape day)."""
    spec, ex, out = page.spec, page.spec.get("extras", ()), []
    if "corr" in ex and page.own and page.k % 2 == 0:
        d = page.date + datetime.timedelta(days=2 + page.k % 3)
        if spec["lang"] == "en":
            out.append((f"Correction: {fdate('en_long', d)} — An earlier version of this "
                        "article misstated a figure in the third paragraph. It has been "
                        "corrected.", d.isoformat(), False))
        else:
            out.append((f"تصحیح ({fdate('ur_plain', d)}): اس خبر کے پہلے ورژن میں ایک نام غلط "
                        "لکھا گیا تھا جسے اب درست کر دیا گیا ہے۔", d.isoformat(), False))
    if "onthisday" in ex:
        for i, y in enumerate(ONTHISDAY_YEARS[:2 + page.k % 3]):
            d = day.replace(year=y)
            t = page.onthisday[i]
            if spec["lang"] == "en":
                out.append((f"On this day, {fdate('en_long', d)}: {t}", d.isoformat(), True))
            else:
                out.append((f"آج کے دن، {fdate('ur_plain', d)}: {t}", d.isoformat(), True))
    return out


def notes(page):
    """Undated chrome in full sentences after the story: [(line, a phrase source?)]; a line
    that names the story's writer is not a phrase source (the byline names them too)."""
    spec = page.spec
    if "notes" not in spec.get("extras", ()):
        return []
    a = page.author
    if spec["lang"] == "en":
        return [(f"{a} is a reporter at the Pennine Courier.", False),
                ("Before joining the paper they worked for regional titles across the north of "
                 "England and they write about transport, housing and local government.", True),
                ("Get the Courier's morning briefing in your inbox every weekday, with the day's "
                 "essential stories picked by our editors. It takes less than a minute to sign "
                 "up.", True),
                ("Comments on this story are now closed. We close comments after two days and "
                 "remove posts that break our community guidelines.", True)]
    return [(f"{a} قصہ خوانی کے لیے لکھتے ہیں۔", False),
            ("وہ گزشتہ کئی برسوں سے صحافت سے وابستہ ہیں اور سیاست، معیشت اور سماجی مسائل پر "
             "رپورٹنگ کرتے ہیں۔", True),
            ("تازہ ترین خبروں کے لیے ہمارا واٹس ایپ چینل جوائن کریں اور ہر اہم خبر سب سے پہلے "
             "اپنے موبائل فون پر حاصل کریں۔", True),
            ("ادارے کا قارئین کے تبصروں سے متفق ہونا ضروری نہیں، نازیبا زبان پر مشتمل تبصرے "
             "شائع نہیں کیے جائیں گے۔", True)]


# ----------------------------------------------------------------------------- pages

def own_line(page):
    """The own date's line, with the words the site puts beside it."""
    site, t = page.spec["site"], page.own_text
    if site == "bayside-chronicle.com":
        return f"Published {t}"
    if site == "wollombi-times.com.au":
        return f"This story was first published on {t}."
    if site == "karachi-mercantile.com.pk":
        return f"Reuters | Published {t}"
    if site == "glenrock-herald.com":
        return f"Reuters · {t}"
    if site == "jhang-times.pk":
        return f"یہ خبر پہلی بار {t} کو شائع ہوئی۔"
    if site == "urdu.pindi-post.pk":
        return f"شائع {t}"
    if site == "daily-sarhad.pk":
        return f"{page.author} — {t}"
    return t


def header_lines(page):
    """The lines between the headline and the first paragraph."""
    spec, lang = page.spec, page.spec["lang"]
    own = [own_line(page)] if page.own and spec["own"] == "under" else []
    upd = [page.upd[0]] if page.upd else []
    if spec["site"] == "daily-sarhad.pk":
        return own or [page.author]
    if lang == "en":
        if spec["body"] != "bbc" and page.own:  # Reuters stories
            if spec["site"] in ("karachi-mercantile.com.pk", "glenrock-herald.com"):
                return own + upd
            return ["By Reuters"] + own + upd
        return [f"By {page.author}"] + own
    return [UR_AUTHORS[page.k % 4]] + own + upd


def live_times(page):
    """Entry times of a live page, newest first (the scrape time, then earlier)."""
    t = page.scrape_hour * 60 + page.scrape_minute
    out = []
    for i in range(len(page.paras)):
        m = max(t - 11 * i - (i * i) % 7, 0)
        out.append(f"{m // 60:02d}:{m % 60:02d}")
    return out


def phrase_blocks(page):
    """The chrome as blocks for gen.choose_phrases: [nav, label, item..., tail]."""
    nav = [ln for ln, _ in page.tool] + page.head
    items = [[t] + ([te] if te else []) + ([dt] if dt else []) for t, dt, te, _ in page.sidebar]
    foot = [ln for ln, _iso, src in page.after if src] + [ln for ln, src in page.notes if src]
    return [nav, [page.sidebar_label] if page.sidebar_label else []] + items + [foot + page.tail]


def text_page(page):
    spec = page.spec
    live = "live" in spec.get("extras", ())
    story = "\n".join([page.headline] + header_lines(page))
    if live:
        body = [f"{tm}\n{p}" for tm, p in zip(live_times(page), page.paras)]
    else:
        body = list(page.paras)
    below = [own_line(page)] if page.own and spec["own"] == "below" else []
    chunks = ["\n".join([ln for ln, _ in page.tool] + page.head), story] + body + below
    chunks += [ln for ln, _iso, _s in page.after] + [ln for ln, _s in page.notes]
    if page.sidebar_label:
        chunks.append("\n\n".join([page.sidebar_label] + [
            "\n".join([t] + ([te] if te else []) + ([dt] if dt else []))
            for t, dt, te, _ in page.sidebar]))
    chunks.append("\n".join(page.tail))
    return "\n\n".join(c for c in chunks if c) + "\n", phrase_blocks(page)


def own_html(page, ln):
    esc, meta = F.esc, page.spec.get("meta")
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00"
    if meta == "time":
        return f'<div class="dateline"><time datetime="{stamp}">{esc(ln)}</time></div>'
    if meta == "itemprop":
        return (f'<div class="dateline"><meta itemprop="datePublished" content="{stamp}">'
                f"{esc(ln)}</div>")
    return f'<div class="dateline">{esc(ln)}</div>'


def story_html(page):
    esc, spec = F.esc, page.spec
    teasers = "teasers" in spec.get("extras", ())
    cls = "brief" if teasers else "story"
    attrs = (' itemscope itemtype="https://schema.org/NewsArticle"'
             if spec.get("meta") == "itemprop" else "")
    out = [f'<article class="{cls}"{attrs}>', f"<h1>{esc(page.headline)}</h1>"]
    for ln in header_lines(page):
        if page.own and spec["own"] == "under" and ln == own_line(page):
            out.append(own_html(page, ln))
        elif page.upd and ln == page.upd[0]:
            out.append(f'<div class="updated">{esc(ln)}</div>')
        else:
            out.append(f'<p class="byline">{esc(ln)}</p>')
    return out + [f"<p>{esc(p)}</p>" for p in page.paras] + ["</article>"]


def list_html(page):
    esc, spec = F.esc, page.spec
    if not page.sidebar_label:
        return []
    if "teasers" in spec.get("extras", ()):  # the other briefs, in the story's own markup
        rows = []
        for i, (t, dt, te, _iso) in enumerate(page.sidebar):
            rows += ['<article class="brief">', f'<h2><a href="/b/{page.num + 13 * i}">{esc(t)}'
                     "</a></h2>", f"<p>{esc(te)}</p>", f'<div class="dateline"><time>{esc(dt)}'
                     "</time></div>", "</article>"]
        return ['<section class="briefs">', f"<h2>{esc(page.sidebar_label)}</h2>"] + rows + \
            ["</section>"]
    rows = [f'<li><a href="/{page.num + 29 * i}">{esc(t)}</a>'
            + (f' <span class="date">{esc(dt)}</span>' if dt else "") + "</li>"
            for i, (t, dt, _te, _iso) in enumerate(page.sidebar)]
    lang = ' lang="ur" dir="rtl"' if "urlist" in spec.get("extras", ()) else ""
    return [f'<aside class="more-news"{lang}>', f"<h2>{esc(page.sidebar_label)}</h2>", "<ul>"] \
        + rows + ["</ul>", "</aside>"]


def html_page(page):
    esc, spec = F.esc, page.spec
    b = [f'<div class="top-bar">{esc(ln)}</div>' for ln, _iso in page.tool]
    nav_lang = ' lang="en" dir="ltr"' if "enchrome" in spec.get("extras", ()) else ""
    b += [f'<header class="site-header"{nav_lang}><nav><ul>']
    b += [f'<li><a href="/section/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<main class="content">']
    b += story_html(page)
    for ln, _iso, src in page.after:
        b.append(f'<div class="{"onthisday" if src else "correction"}">{esc(ln)}</div>')
    b += list_html(page)
    b += ["</main>", f'<footer class="site-footer"{nav_lang}>']
    b += [f"<p>{esc(x)}</p>" for x in page.tail] + ["</footer>"]
    name = page.head[0]
    title = f"{page.headline} - {name}" if spec["lang"] == "en" else f"{page.headline} | {name}"
    return F12.html_doc(page, title, b), phrase_blocks(page)


def render(page):
    return (html_page if page.spec["fmt"] == "html" else text_page)(page)


# ----------------------------------------------------------------------------- checks

STAMPS = ("datetime=", "datePublished", "published_time", "dc:created")


def own_problems(page, text, zone, raw, outside):
    flat, own, spec = F4.flat, page.own, page.spec
    header = zone[:zone.index(flat(page.paras[0]))]
    probs = []
    rest = header
    for x in (own_line(page) if own else "", page.upd[0] if page.upd else ""):
        rest = rest.replace(flat(x), "") if x else rest
    if read_own(rest):
        probs.append(f"a date in the story's header {header!r} that is neither the own date "
                     "nor the update line")
    if page.upd and (read_own(page.upd[0]) != page.upd[1] or flat(page.upd[0]) not in header):
        probs.append(f"update line {page.upd[0]!r} not in the header or misread")
    if not own:
        if any(s in text for s in STAMPS):
            probs.append("undated page with a time stamp in its markup")
        if re.search(r"/(19|20)\d\d/\d\d/\d\d/", text):
            probs.append("undated page with a dated URL")
        if read_own(header + " " + flat(page.paras[0])):
            probs.append("an undated page's header or lead states a day")
        return probs
    line = flat(own_line(page))
    if read_own(page.own_text) != own or read_own(own_line(page)) != own:
        probs.append(f"own date text {page.own_text!r} reads {read_own(page.own_text)}")
    if spec["own"] == "under":
        if zone.count(line) != 1:
            probs.append(f"own date line {line!r} not once in the story")
        if line not in header or not 0 <= header.index(line) - len(flat(page.headline)) < 100:
            probs.append(f"own date line {line!r} not in the header within 100 characters")
        if spec.get("meta") and own not in " ".join(
                re.findall(r'(?:datetime|content)="([^"]*)"', text)):
            probs.append("no time stamp of the own date")
    if spec["own"] == "below":
        last = flat(page.paras[-1])
        if raw.count(line) != 1:
            probs.append(f"own date line {line!r} not once on the page")
        gap = raw.index(line) - (raw.index(last) + len(last))
        if not 0 <= gap < 5:
            probs.append(f"own date line {gap} characters after the last paragraph")
        if any(s in text for s in STAMPS):
            probs.append("a page dated below the story with a time stamp")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The eighteenth set");
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
        dated = [(ln, iso) for ln, iso in page.tool] + [(ln, iso) for ln, iso, _ in page.after]
        for ln, iso in dated:
            if flat(ln) not in outside or flat(ln) in zone:
                probs.append(f"dated chrome line {ln!r} not on the page outside the story")
            if iso not in lb["chrome_dates"] + [page.own] or read_own(ln) != iso:
                probs.append(f"dated chrome line {ln!r} reads {read_own(ln)}, labelled {iso}")
        if page.upd and page.upd[1] not in lb["chrome_dates"]:
            probs.append("update day not among the chrome dates")
        for t, dt, te, iso in page.sidebar:
            if read_own(dt) != iso:
                probs.append(f"list date {dt!r} reads {read_own(dt)}, labelled {iso}")
            if read_own(t) or (te and read_own(te)):
                probs.append(f"list headline or teaser {t!r} reads as a date")
            if te and flat(te) not in outside:
                probs.append(f"teaser {te!r} not on the page outside the story")
        if "live" in page.spec.get("extras", ()):
            for tm, p in zip(live_times(page), page.paras):
                if read_own(f"{tm} {p}") != read_own(p) or read_own(tm):
                    probs.append(f"entry time {tm} reads as a day with its entry")
        for ln, _s in page.notes:
            if read_own(ln) or flat(ln) not in outside:
                probs.append(f"note {ln!r} dated or not outside the story")
        every = ({iso for *_, iso in page.sidebar if iso} | {iso for _l, iso in dated}
                 | ({page.upd[1]} if page.upd else set()))
        if set(lb["chrome_dates"]) != every - {page.own}:
            probs.append(f"chrome dates {lb['chrome_dates']} are not the page's {sorted(every)}")
        if page.own in lb["chrome_dates"]:
            probs.append("the own date among the chrome dates")
        if read_own(" ".join(page.paras[:1])) and not page.own:
            probs.append("an undated page's lead states a date")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh17", rendered, labels, bad)


def main(shared, out):
    SEEN.clear()
    G.generate_set("fresh17", SITES, SEED_FRESH17, FRESH17_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
