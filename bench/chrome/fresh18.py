"""The nineteenth set of the chrome bench (`gen.py --set fresh18`, `SET=fresh18 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The nineteenth set" before
the set's held-out run. The design is described in README.md "The nineteenth set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates; one site takes only its results tables, one only its stories of three paragraphs) and
BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa); lists of
real headlines with dates in this set's styles (fdate). Site names, section words, tool and
widget lines, event names, footers and all dates but the Reuters ones are the assembly's. Each
generation checks its labels against its pages (self_check) and stops on any mismatch. The
assembly code is fresh17's, with this set's sites, date styles, tool lines and widgets.
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

SEED_FRESH18 = 20270517
FRESH18_SALT = "khabar-chrome-fresh18"
EN_BASE, UR_BASE = datetime.date(2027, 5, 17), datetime.date(2027, 2, 15)  # Urdu: Ramadan 1448
URDU_NAV18 = ["ہوم", "قومی", "بین الاقوامی", "شہر", "معیشت", "کھیل", "فن و ثقافت",
              "صحت", "خواتین", "سائنس", "اداریہ", "ویڈیو"]
URDU_FOOT18 = ["ادارہ", "اشتہارات", "شکایات", "پالیسی", "تمام حقوق بحق ادارہ محفوظ ہیں"]

# own: under (a line of the story's header) | none. meta: how HTML marks the own date
#   (time: <time datetime>, itemprop, None)
# body: reuters | bbc | mix (Reuters, every third BBC) | results (Reuters results tables) |
#   briefs (Reuters stories of three paragraphs) | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# extras (tool lines above the menu unless said): print (a browser's print-to-PDF header with
#   its m/d/yy saving time, and its URL and page-count footer), saved (a read-later app's
#   export line with the saving day and the original URL), markets (a Pakistani market bar:
#   index, interbank dollar, gold, "as of" the scrape day), weather (a forecast widget issued
#   the scrape day), sehri (a Ramadan sehri/iftar timings bar of the scrape day), cricket (a
#   score bar announcing the next match, two days after the scrape day), events (a community
#   calendar after the story: upcoming events 2-8 days after the scrape day), printed (a
#   "published in print" note after the story: the print edition's day, a day after the own
#   date)
SITES = [
    dict(site="harbourtown-echo.co.nz", lang="en", fmt="txt", body="reuters", own="under",
         ostyle="en_nz", side=None, label="Most Read", extras=("print",), n=16),
    dict(site="prairie-dispatch.com", lang="en", fmt="html", body="reuters", own="under",
         ostyle="en_ap", meta="time", side=None, label="Trending", extras=("events",), n=16),
    dict(site="lahore-ledger.com.pk", lang="en", fmt="html", body="reuters", own="under",
         ostyle="en_pkt", meta=None, side="en_short", label="Business Latest",
         extras=("markets",), n=16),
    dict(site="tynedale-weekly.co.uk", lang="en", fmt="txt", body="bbc", own="none",
         side=None, label="Most read", extras=("saved",), n=16),
    dict(site="coastal-wire.com.au", lang="en", fmt="html", body="mix", own="under",
         ostyle="en_dmy", meta="itemprop", side="en_short", label="Just In",
         extras=("weather",), n=16),
    dict(site="ozark-citizen.com", lang="en", fmt="txt", body="reuters", own="under",
         ostyle="en_apdot", side="en_short", label="Recent Stories", extras=("saved",), n=16),
    dict(site="metro-ledger.ca", lang="en", fmt="html", body="bbc", own="none", side="en_short",
         label="Latest", extras=("weather",), n=16),
    dict(site="quarry-hill-news.com", lang="en", fmt="html", body="briefs", own="under",
         ostyle="en_long", meta="time", side=None, label="Editors' Picks", extras=("printed",),
         n=16),
    dict(site="delta-examiner.com", lang="en", fmt="txt", body="results", own="under",
         ostyle="en_gmt", side=None, label="Earnings Roundup", extras=("print",), n=16),
    dict(site="roznama-sehr.pk", lang="ur", fmt="txt", body="express", own="under",
         ostyle="ur_plain", side=None, label="مزید پڑھیں", extras=("sehri",), n=16),
    dict(site="urdu.faisalabad-times.pk", lang="ur", fmt="html", body="samaa", own="under",
         ostyle="ur_time", meta="time", side="ur_plain", label="تازہ خبریں",
         extras=("cricket",), n=16),
    dict(site="khabarnama-punjab.pk", lang="ur", fmt="txt", body="samaa", own="none",
         side=None, label="اہم ترین", extras=("saved",), n=16),
    dict(site="hamdard-khabar.pk", lang="ur", fmt="html", body="express", own="under",
         ostyle="ur_dash", meta=None, side=None, label="کاروباری خبریں", extras=("markets",),
         n=16),
    dict(site="mashriq-online.pk", lang="ur", fmt="html", body="samaa", own="under",
         ostyle="ur_mfirst", meta=None, side="ur_plain", label="مقبول ترین",
         extras=("weather",), n=16),
    dict(site="sindh-awaz.pk", lang="ur", fmt="txt", body="express", own="under",
         ostyle="ur_plain", side="ur_plain", label="متعلقہ خبریں", extras=("print",), n=16),
    dict(site="urdu.quetta-post.pk", lang="ur", fmt="html", body="express", own="none",
         side="ur_plain", label="تازہ ترین", extras=("cricket",), n=16),
    dict(site="nawa-e-janoob.pk", lang="ur", fmt="txt", body="samaa", own="under",
         ostyle="ur_plain", side=None, label="دیگر خبریں", extras=("events",), n=16),
    dict(site="zarb-e-qalam.pk", lang="ur", fmt="html", body="express", own="under",
         ostyle="ur_plain", meta="time", side="ur_plain", label="آج کی اہم خبریں",
         extras=("printed",), n=16),
]

for _s in SITES:  # the labels' "layout": every page as the outlet served it
    _s.setdefault("layout", "site")

EN_CHROME = {  # the assembly's header and footer of the English sites
    "harbourtown-echo.co.nz": (["Harbourtown Echo", "News", "Local", "Business", "Sport",
                                "Rural", "Opinion", "Property"],
                               ["Harbourtown Echo is subject to the NZ Media Council",
                                "Contact the newsroom", "© 2027 Harbourtown Echo Ltd"]),
    "prairie-dispatch.com": (["Prairie Dispatch", "News", "Agriculture", "Business", "Nation",
                              "World", "Sports", "Obituaries"],
                             ["Prairie Dispatch, serving the plains since 1911",
                              "Submit an event", "Subscriber services",
                              "© 2027 Prairie Dispatch Publishing Co."]),
    "lahore-ledger.com.pk": (["Lahore Ledger", "Home", "Markets", "Economy", "Corporate",
                              "Pakistan", "World", "E-Paper"],
                             ["Lahore Ledger, Pakistan's business daily",
                              "Market data delayed by 15 minutes", "Contact",
                              "© 2027 Lahore Ledger"]),
    "tynedale-weekly.co.uk": (["Tynedale Weekly", "News", "Sport", "What's On", "Farming",
                               "Business", "Announcements", "Jobs"],
                              ["Tynedale Weekly is regulated by IPSO",
                               "Send us your story", "© Tynedale Weekly Newspapers 2027"]),
    "coastal-wire.com.au": (["Coastal Wire", "News", "Local", "Business", "Environment",
                             "World", "Sport", "Weather"],
                            ["Coastal Wire acknowledges the Traditional Custodians of the "
                             "coast", "Conditions of use", "© 2027 Coastal Wire Pty Ltd"]),
    "ozark-citizen.com": (["Ozark Citizen", "Local", "State", "Business", "World",
                           "Outdoors", "Sports", "Classifieds"],
                          ["Ozark Citizen, an employee-owned newspaper",
                           "Report a typo", "© 2027 Ozark Citizen Media"]),
    "metro-ledger.ca": (["Metro Ledger", "News", "Canada", "World", "Business", "Arts",
                         "Sports", "Weather"],
                        ["Metro Ledger is a member of the National NewsMedia Council",
                         "Accessibility", "© 2027 Metro Ledger Inc."]),
    "quarry-hill-news.com": (["Quarry Hill News", "Briefs", "Business", "Economy", "World",
                              "Energy", "Opinion", "Today's Paper"],
                             ["Quarry Hill News, every weekday in print",
                              "Reprints", "Contact", "© 2027 Quarry Hill News"]),
    "delta-examiner.com": (["Delta Examiner", "Markets", "Earnings", "Companies", "Economy",
                            "Commodities", "Rates", "Tools"],
                           ["Delta Examiner earnings data as reported",
                            "Corrections", "© 2027 Delta Examiner"]),
}
AUTHORS = ["Ruth Galloway", "Kwame Mensah", "Anita Desai-Roy", "Liam O'Connell"]
UR_AUTHORS = ["سٹاف رپورٹر", "ویب ڈیسک", "نمائندہ خصوصی", "خبر ایجنسی"]
UR_WRITERS = ["فرحان علی", "سمیرا خان", "طارق محمود", "عائشہ ملک"]
CITIES = ["لاہور", "کراچی", "ملتان", "کوئٹہ"]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um = G.URDU_MONTHS[d.month - 1]
    return {
        "en_long": lambda: f"{month} {d.day}, {d.year}",
        "en_dmy": lambda: f"{d.day} {month} {d.year}",
        "en_short": lambda: f"{mon} {d.day}, {d.year}",
        "en_nz": lambda: f"{d.day:02d} {mon} {d.year} {hour:02d}:{minute:02d} NZST",
        "en_ap": lambda: f"{month} {d.day}, {d.year} at {h12}:{minute:02d} "
                         f"{'a.m.' if hour < 12 else 'p.m.'} CDT",
        "en_apdot": lambda: f"{AP_MONTHS[d.month - 1]} {d.day}, {d.year} {h12}:{minute:02d} "
                            f"{'a.m.' if hour < 12 else 'p.m.'}",
        "en_pkt": lambda: f"{mon} {d.day}, {d.year} {hour:02d}:{minute:02d} PKT",
        "en_gmt": lambda: f"{d.day} {mon} {d.year} {hour:02d}:{minute:02d} GMT",
        "en_wd": lambda: f"{d:%a}, {mon} {d.day}, {d.year}",
        "en_full": lambda: f"{d:%A} {d.day} {month} {d.year}",
        "mdyy": lambda: f"{d.month}/{d.day}/{d.year % 100:02d}, {h12}:{minute:02d} {ampm}",
        "ur_plain": lambda: f"{d.day} {um} {d.year}",
        "ur_time": lambda: f"{d.day} {um} {d.year}، {hour:02d}:{minute:02d}",
        "ur_dash": lambda: f"{d.day:02d}-{um}-{d.year}",
        "ur_mfirst": lambda: f"{um} {d.day}، {d.year}",
    }[style]()


_MDYY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d\d),")


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: a print header's
    "m/d/yy," (20yy) first; else fresh16.read_own."""
    m = _MDYY.search(text)
    if m:
        return datetime.date(2000 + int(m.group(3)), int(m.group(1)),
                             int(m.group(2))).isoformat()
    return F16.read_own(text)


# ----------------------------------------------------------------------------- sources

def take_reuters(pools, pred):
    """The last Reuters story of the pool that pred accepts, taken out of the pool."""
    for i in range(len(pools.reuters) - 1, -1, -1):
        if pred(pools.reuters[i]):
            return pools.reuters.pop(i)
    raise SystemExit("fresh18: no Reuters story left")


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


# ----------------------------------------------------------------------------- assembly

SEEN = set()


def site_pages(spec, pools, templates, rng):
    lang, extras = spec["lang"], spec.get("extras", ())
    h = G.site_hash(spec["site"] + FRESH18_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH18_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 7, 11)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV18, URDU_FOOT18, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
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
                    ):
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
                        for t, args, _te, iso in sidebars.get(day, [])]
        page.author = (AUTHORS if lang == "en" else UR_WRITERS)[(k + h) % 4]
        page.url = page_url(page)
        page.masthead = ""
        page.tool = tool_lines(page, day)        # above the menu
        page.upd = update_line(page)             # (line, ISO) under the headline, or None
        page.after = after_lines(page, day)      # [(line, ISO, phrase source?)] after the story
        page.notes = notes(page)                 # [(line, phrase source?)]: undated sentences
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool}
                 | {iso for _ln, iso, _p in page.after if iso}
                 | ({page.upd[1]} if page.upd else set()))
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_url(page):
    spec, host, num, slug = page.spec, page.spec["site"], page.num, page.slug[:50].rstrip("-")
    site = spec["site"]
    if site in ("prairie-dispatch.com", "metro-ledger.ca"):
        return f"https://www.{host}/news/{slug}/article_{num}.html"
    if site == "lahore-ledger.com.pk":
        return f"https://{host}/markets/{num}/{slug}"
    if site == "quarry-hill-news.com":
        return f"https://www.{host}/briefs/{num}"
    if spec["lang"] == "en":
        return f"https://www.{host}/{slug}-{num}"
    return f"https://{host}/story/{num}"


def page_path(page):
    spec, site, slug = page.spec, page.spec["site"], page.slug[:50].rstrip("-")
    ex = spec.get("extras", ())
    if "print" in ex:  # print-to-PDF files put through pdftotext
        return f"pdf-text/{site}/{page.num}.txt"
    if "saved" in ex:  # a web clipper's full-page notes, one folder per clipping day
        return f"clippings/{page.scrape_day}/{site}-{page.num}.txt"
    if site in ("prairie-dispatch.com", "metro-ledger.ca"):
        return f"{site}/news/{slug}/article_{page.num}.html"
    if site == "lahore-ledger.com.pk":
        return f"{site}/markets/{page.num}.html"
    if site == "quarry-hill-news.com":
        return f"archive/{site}/briefs/{page.num}.html"
    if spec["fmt"] == "html":
        return f"{site}/story/{page.num}.html"
    return f"{site}/{page.scrape_day}/{page.num}.txt"


EVENTS = ["Farmers' market, Main Street", "County fair opening, Fairgrounds",
          "Library book sale, Public Library", "Town council meeting, City Hall",
          "Blood drive, Community Center"]
UR_EVENTS = ["کتاب میلہ، ایکسپو سینٹر", "مشاعرہ، آرٹس کونسل", "دستکاری نمائش، الحمرا ہال",
             "مفت طبی کیمپ، ٹاؤن ہال", "سیمینار، پریس کلب"]


def tool_lines(page, day):
    """Lines with a day above the menu: [(line, ISO)]."""
    spec, hr, mi = page.spec, page.scrape_hour, page.scrape_minute
    ex, n, out, en = spec.get("extras", ()), day.toordinal(), [], spec["lang"] == "en"
    if "print" in ex:  # the print header: the saving time, then the page's <title>
        out.append((f"{fdate('mdyy', day, hr, mi)}    {page.headline} - {page.head[0]}",
                    day.isoformat()))
    if "saved" in ex:
        out.append((f"Clipped: {fdate('en_wd', day)} · Source: {page.url}", day.isoformat()))
    if "markets" in ex:
        if en:
            out.append((f"KSE-100 {40 + n % 9},{n % 900 + 100}.{n % 90 + 10} ▲ "
                        f"{n % 3}.{n % 90 + 10}% · Interbank US$ 27{n % 10}.{n % 90 + 10} · "
                        f"Gold Rs 21{n % 10},{n % 9}00/tola · as of {fdate('en_short', day)}",
                        day.isoformat()))
        else:
            out.append((f"انٹربینک ڈالر 27{n % 10}.{n % 90 + 10} روپے · سونا فی تولہ "
                        f"2,1{n % 10},{n % 9}00 روپے · {fdate('ur_plain', day)}",
                        day.isoformat()))
    if "weather" in ex:
        if en:
            city = "Sydney" if spec["site"].endswith(".au") else "Toronto"
            out.append((f"Weather · {city} {14 + n % 12}° · Forecast issued "
                        f"{fdate('en_full', day)}", day.isoformat()))
        else:
            out.append((f"موسم ({CITIES[n % 4]}) {fdate('ur_plain', day)}: زیادہ سے زیادہ "
                        f"{18 + n % 9} ڈگری", day.isoformat()))
    if "sehri" in ex:
        city = CITIES[n % 4]
        out.append((f"سحر و افطار ({city}) {fdate('ur_plain', day)}: سحری 5:{10 + n % 9} · "
                    f"افطار 5:{50 + n % 9}", day.isoformat()))
    if "cricket" in ex:
        d = day + datetime.timedelta(days=2)
        out.append((f"کرکٹ · پاکستان بمقابلہ نیوزی لینڈ · اگلا میچ {fdate('ur_plain', d)}",
                    d.isoformat()))
    return out


def update_line(page):
    """No site of this set has an update line."""
    return None


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]: a print-edition
    note (not a phrase source: it belongs to the story's record), a community calendar."""
    spec, ex, out = page.spec, page.spec.get("extras", ()), []
    en = spec["lang"] == "en"
    if "printed" in ex and page.own:
        d = page.date + datetime.timedelta(days=1)
        if en:
            out.append((f"A version of this article appeared in print on {fdate('en_long', d)}, "
                        f"Section B, Page {2 + page.k % 7}.", d.isoformat(), False))
        else:
            out.append((f"یہ خبر {fdate('ur_plain', d)} کے پرنٹ ایڈیشن میں صفحہ {2 + page.k % 7} "
                        "پر شائع ہوئی۔", d.isoformat(), False))
    if "events" in ex:
        out.append(("Community Calendar" if en else "آئندہ تقریبات", "", True))
        for i in range(3):
            d = day + datetime.timedelta(days=2 + 3 * i)
            ev = (EVENTS if en else UR_EVENTS)[(page.k + i) % 5]
            out.append((f"{fdate('en_wd' if en else 'ur_plain', d)} — {ev}", d.isoformat(),
                        True))
    return out


def notes(page):
    """No site of this set has undated notes."""
    return []


# ----------------------------------------------------------------------------- pages

def own_line(page):
    """The own date's line, with the words the site puts beside it."""
    site, t = page.spec["site"], page.own_text
    if site == "prairie-dispatch.com":
        return f"Posted {t}"
    if site == "lahore-ledger.com.pk":
        return f"Reuters | {t}"
    if site == "ozark-citizen.com":
        return f"Published {t}"
    if site == "delta-examiner.com":
        return f"Reuters — {t}"
    if site == "roznama-sehr.pk":
        return f"شائع شدہ: {t}"
    if site == "hamdard-khabar.pk":
        return f"{page.author} | {t}"
    return t


def header_lines(page):
    """The lines between the headline and the first paragraph."""
    spec, lang = page.spec, page.spec["lang"]
    own = [own_line(page)] if page.own and spec["own"] == "under" else []
    if spec["site"] == "hamdard-khabar.pk":
        return own or [page.author]
    if lang == "en":
        if spec["body"] != "bbc" and page.own:  # Reuters stories
            if spec["site"] in ("lahore-ledger.com.pk", "delta-examiner.com"):
                return own
            return ["By Reuters"] + own
        return [f"By {page.author}"] + own
    return [UR_AUTHORS[page.k % 4]] + own


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
    if "print" in spec.get("extras", ()):  # the print footer: the URL and the page count
        chunks.append(f"{page.url}    1/{2 + page.k % 2}")
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
    cls = "brief" if spec["body"] == "briefs" else "story"
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
    rows = [f'<li><a href="/{page.num + 29 * i}">{esc(t)}</a>'
            + (f' <span class="date">{esc(dt)}</span>' if dt else "") + "</li>"
            for i, (t, dt, _te, _iso) in enumerate(page.sidebar)]
    return ['<aside class="more-news">', f"<h2>{esc(page.sidebar_label)}</h2>", "<ul>"] \
        + rows + ["</ul>", "</aside>"]


def html_page(page):
    esc, spec = F.esc, page.spec
    b = [f'<div class="top-bar">{esc(ln)}</div>' for ln, _iso in page.tool]
    b += ['<header class="site-header"><nav><ul>']
    b += [f'<li><a href="/section/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<main class="content">']
    b += story_html(page)
    cal = [ln for ln, _iso, src in page.after if src]
    b += [f'<p class="print-edition">{esc(ln)}</p>' for ln, _iso, src in page.after if not src]
    if cal:  # the community calendar widget: its heading, then the events
        b += ['<aside class="calendar">', f"<h3>{esc(cal[0])}</h3>", "<ul>"]
        b += [f"<li>{esc(ln)}</li>" for ln in cal[1:]] + ["</ul>", "</aside>"]
    b += list_html(page)
    b += ["</main>", '<footer class="site-footer">']
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
    """The labels against the pages, without khabar (see README.md "The nineteenth set");
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
            if not iso:  # a heading: no day
                if read_own(ln):
                    probs.append(f"undated chrome line {ln!r} reads {read_own(ln)}")
            elif iso not in lb["chrome_dates"] + [page.own] or read_own(ln) != iso:
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
        every = ({iso for *_, iso in page.sidebar if iso} | {iso for _l, iso in dated if iso}
                 | ({page.upd[1]} if page.upd else set()))
        if set(lb["chrome_dates"]) != every - {page.own}:
            probs.append(f"chrome dates {lb['chrome_dates']} are not the page's {sorted(every)}")
        if page.own in lb["chrome_dates"]:
            probs.append("the own date among the chrome dates")
        if read_own(" ".join(page.paras[:1])) and not page.own:
            probs.append("an undated page's lead states a date")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh18", rendered, labels, bad)


def main(shared, out):
    SEEN.clear()
    G.generate_set("fresh18", SITES, SEED_FRESH18, FRESH18_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
