"""The thirty-eighth set of the chrome bench (`gen.py --set fresh37`, `SET=fresh37 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirty-eighth set"
before the set's held-out run. The design is described in README.md "The thirty-eighth set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines. Site names, section words, furniture, notice lines and all dates but the
Reuters ones are the assembly's. Each site writes every date (its own date, its list's dates, its
dated lines above and after the story) in one date style of its own (fdate). Each generation
checks its labels against its pages (self_check: fresh22's checks, with read_own reading
two-digit years, plus this set's check of the numeric styles' day order) and stops on any
mismatch. The assembly code is fresh27's, fresh26's, fresh23's, fresh22's and fresh20's
(imported: page filling, story header, list markup, HTML page, text renderings, phrase blocks,
the label checks), with this set's sites, salt, date styles and dated lines.
"""
import datetime
import re

import fresh9 as F9
import fresh20 as F20
import fresh22 as F22
import fresh23 as F23
import fresh27 as F27
import gen as G

SEED_FRESH37 = 20270914
FRESH37_SALT = "khabar-chrome-fresh37"
EN_BASE, UR_BASE = datetime.date(2027, 9, 14), datetime.date(2027, 9, 15)
URDU_NAV37 = ["صفحہ اول", "پاکستان", "دنیا", "شہر", "کاروبار", "کھیل", "شوبز", "کالم",
              "صحت", "سائنس", "موسم", "مذہب"]
URDU_FOOT37 = ["ہمارے بارے میں", "اشتہار دیں", "پرائیویسی پالیسی", "رابطہ",
               "جملہ حقوق محفوظ ہیں"]
DAY = datetime.timedelta(days=1)

# fmt txt: kind says how the text was saved (fresh27.render_text); fmt html: fresh23's page.
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# base: the first scrape day when not EN_BASE / UR_BASE (early in a month: numeric dates whose
# day is 12 or less). style: the one date style of the site (own line, list, wrapper and dated
# lines); word: the words before the own date. extras: dated lines (above the story: power, exam, visa, water;
# after it: fair, match, camp, blood)
SITES = [
    dict(site="deccan-bulletin.in", lang="en", fmt="txt", layout="discord", kind="discord",
         body="reuters", own="under", half=True, style="en_in_upd", word="Updated: ",
         label="Trending in Hyderabad", extras=("power",), n=16),
    dict(site="padma-dispatch.com.bd", lang="en", fmt="txt", layout="fediverse",
         kind="fediverse", body="bbc", own="none", style="en_dash", word="",
         label="More from Dhaka", extras=("exam",), n=16),
    dict(site="lanka-island-daily.lk", lang="en", fmt="txt", layout="readlater",
         kind="readlater", body="reuters", own="under", style="en_dot", word="Posted on ",
         label="Recommended", extras=("water",), n=16),
    dict(site="gulf-evening-post.ae", lang="en", fmt="txt", layout="kanban", kind="kanban",
         body="bbc", own="none", style="en_sept", word="", label="UAE today",
         extras=("visa",), n=16),
    dict(site="urdu.faisalabad-akhbar.pk", lang="ur", fmt="txt", layout="sms", kind="sms",
         body="express", own="under", style="ur_eastern", word="", label="",
         extras=("power",), n=16),
    dict(site="sargodha-nama.pk", lang="ur", fmt="txt", layout="discord", kind="discord",
         body="samaa", own="none", style="ur_latin0", word="", label="مزید خبریں",
         extras=("exam",), n=16),
    dict(site="jhelum-awaz.pk", lang="ur", fmt="txt", layout="readlater", kind="readlater",
         body="express", own="under", half=True, style="ur_dash", word="تاریخ اشاعت: ",
         label="آج کی خبریں", extras=("water",), base=datetime.date(2027, 11, 3), n=16),
    dict(site="urdu-gulf-khabrein.ae", lang="ur", fmt="txt", layout="fediverse",
         kind="fediverse", body="samaa", own="none", style="ur_slash", word="",
         label="خلیج سے", extras=("visa",), n=16),
    dict(site="mardan-times-urdu.pk", lang="ur", fmt="txt", layout="kanban", kind="kanban",
         body="express", own="under", style="ur_eastern", word="بروز ", label="",
         extras=("power",), n=16),
    dict(site="kolkata-ledger.in", lang="en", fmt="html", layout="site", body="reuters",
         own="under", style="en_in_bar", word="", meta="time", label="Top stories",
         extras=("fair",), n=16),
    dict(site="lahore-observer.com.pk", lang="en", fmt="html", layout="site", body="reuters",
         own="under", style="en_slash", word="Published: ", meta=None, label="Latest",
         extras=("match",), base=datetime.date(2027, 11, 2), n=16),
    dict(site="chittagong-chronicle.com.bd", lang="en", fmt="html", layout="site",
         body="bbc", own="none", style="en_ord_comma", word="", label="Most read",
         extras=("camp",), n=16),
    dict(site="karachi-mercantile.pk", lang="en", fmt="html", layout="site", body="mix",
         own="under", half=True, style="en_yy", word="Dated ", meta=None,
         label="Markets round-up", extras=("power", "blood"), n=16),
    dict(site="muscat-morning-star.om", lang="en", fmt="html", layout="site", body="bbc",
         own="none", style="en_dot_time", word="", label="Oman news", extras=("visa", "fair"),
         n=16),
    dict(site="roznama-gujranwala.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", style="ur_eastern", word="", meta="time", label="اہم خبریں",
         extras=("camp",), n=16),
    dict(site="swat-sada.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", style="ur_latin0", word="", label="تازہ ترین", extras=("blood",), n=16),
    dict(site="urdu.dubai-awam.ae", lang="ur", fmt="html", layout="site", body="samaa",
         own="under", half=True, style="ur_dot", word="", meta="time", label="کمیونٹی",
         extras=("fair",), n=16),
    dict(site="abbottabad-khabar.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", style="ur_yy", word="اپ ڈیٹ: ", meta=None, label="مقبول",
         extras=("match",), n=16),
]
NUMERIC = {"en_dash", "en_dot", "en_slash", "en_yy", "en_dot_time", "ur_dash", "ur_slash",
           "ur_dot", "ur_yy"}  # the styles writing the month as a number (day first, all)

EN_CHROME = {  # the assembly's header and footer of the English sites
    "deccan-bulletin.in": (["Deccan Bulletin", "Hyderabad", "Telangana", "Nation", "Cinema"],
                           ["Deccan Bulletin Publications Pvt Ltd", "Write to the editor"]),
    "padma-dispatch.com.bd": (["Padma Dispatch", "Bangladesh", "Dhaka", "Economy", "Sports"],
                              ["Padma Dispatch", "Follow the desk on the fediverse"]),
    "lanka-island-daily.lk": (["Island Daily", "Local", "Colombo", "Business", "Cricket"],
                              ["Island Daily (Pvt) Ltd, Colombo 02", "Subscribe to the e-paper"]),
    "gulf-evening-post.ae": (["Gulf Evening Post", "UAE", "Dubai", "Abu Dhabi", "Expat"],
                             ["Gulf Evening Post FZ-LLC", "Tips for the desk"]),
    "kolkata-ledger.in": (["Kolkata Ledger", "City", "Bengal", "Nation", "World", "Sport"],
                          ["Kolkata Ledger, Park Street", "Kolkata Ledger Media Ltd",
                           "Grievance redressal"]),
    "lahore-observer.com.pk": (["Lahore Observer", "Pakistan", "Punjab", "Lahore",
                                "Business"],
                               ["Lahore Observer", "Letters", "Observer Media Group"]),
    "chittagong-chronicle.com.bd": (["Chittagong Chronicle", "Port City", "Bangladesh",
                                     "Shipping", "Opinion"],
                                    ["Chittagong Chronicle", "Advertise with us",
                                     "Chronicle Publications Ltd"]),
    "karachi-mercantile.pk": (["Karachi Mercantile", "Markets", "Textiles", "Energy",
                               "Budget"],
                              ["Karachi Mercantile", "Rate card", "KM Publishing (Pvt) Ltd"]),
    "muscat-morning-star.om": (["Muscat Morning Star", "Oman", "Gulf", "Business",
                                "Community"],
                               ["Muscat Morning Star LLC", "Contact the newsroom"]),
}
F23.ASIDE.update({"fair": "fair-notice", "match": "match-notice", "camp": "camp-notice",
                  "blood": "blood-notice"})
ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
AP = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
ZONE = {".in": "IST", ".bd": "BST", ".lk": "SLST", ".ae": "GST", ".om": "GST", ".pk": "PKT"}


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles (each site writes all its dates in one of them)."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um = G.URDU_MONTHS[d.month - 1]
    styles = {
        "en_in_upd": lambda: f"{d.day:02d}{ORD.get(d.day, 'th')} {mon} {d.year}, "
                             f"{h12:02d}:{minute:02d} {ampm} IST",
        "en_in_bar": lambda: f"{mon} {d.day:02d}, {d.year} | {hour:02d}:{minute:02d} IST",
        "en_dash": lambda: f"{d.day:02d}-{d.month:02d}-{d.year}",
        "en_dot": lambda: f"{d.day:02d}.{d.month:02d}.{d.year}",
        "en_dot_time": lambda: f"{d.day:02d}.{d.month:02d}.{d.year} {hour:02d}:{minute:02d} GST",
        "en_slash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "en_yy": lambda: f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        "en_sept": lambda: f"{AP.get(d.month, month)} {d.day}, {d.year}",
        "en_ord_comma": lambda: f"{d.day}{ORD.get(d.day, 'th')} {month}, {d.year}",
        "ur_eastern": lambda: f"{d.day} {um} {d.year}ء".translate(F22.EASTERN),
        "ur_latin0": lambda: f"{d.day:02d} {um} {d.year}",
        "ur_dash": lambda: f"{d.day:02d}-{d.month:02d}-{d.year}".translate(F22.EASTERN),
        "ur_slash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "ur_dot": lambda: f"{d.day:02d}.{d.month:02d}.{d.year}",
        "ur_yy": lambda: f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}".translate(F22.EASTERN),
    }
    return styles[style]()


_YY = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?![\d/.-])")
_READ22 = F22.read_own  # kept: self_check puts read_own in its place while it runs


def _century(m):
    day, mon, yy = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if not (1 <= day <= 31 and 1 <= mon <= 12):
        return m.group(0)
    return f"{m.group(1)}{m.group(2)}{m.group(3)}{m.group(2)}{'19' if yy >= 50 else '20'}{yy:02d}"


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: a numeric date with a
    two-digit year (day first, a valid day and month) given its century (19yy from 50, else
    20yy), then
    fresh22.read_own (numeric dates day first, month names, Eastern digits)."""
    t = text.translate(F9.DIGITS_BACK)
    t = _YY.sub(_century, t)
    return _READ22(t)


# ----------------------------------------------------------------------------- assembly


def site_pages(spec, pools, templates, rng):
    """fresh27's assembly of a site's pages, with this set's salt, chrome, styles and lines."""
    lang, style = spec["lang"], spec["style"]
    h = G.site_hash(spec["site"] + FRESH37_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(spec.get("base") or (EN_BASE if lang == "en" else UR_BASE), ndays)
    sidebars = G.rotating_sidebars(dict(spec, side=style), days, pools, FRESH37_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 6, 10)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV37, URDU_FOOT37, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        while True:  # as fresh27: each story, headline and lead query once; an undated
            # page's lead states no day; no headline states one; no story ends on a scrap
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
        page.num = (5300000 + 3907 * k + h % 90000) if lang == "en" else 64000 + 571 * k + h % 977
        page.scrape_hour, page.scrape_minute = 7 + (k * 5) % 13, (k * 29 + h) % 60
        page.own_text = (spec["word"] + fdate(style, page.date, page.hour, page.minute)
                         if page.own else "")
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(style, *args[1:]), None, iso)
                        for t, args, _te, iso in sidebars.get(day, [])
                        if not read_own(t)] if spec["label"] else []
        page.author = (F22.AUTHORS if lang == "en" else F22.UR_AUTHORS)[(k + h) % 4]
        page.url = F22.page_url(page)
        page.masthead, page.upd, page.notes, page.foot = "", None, [], []
        page.nextstory, page.chat, page.calendar = None, None, []
        page.tool = wrapper_lines(page, day) + tool_lines(page, day)  # above: [(line, ISO)]
        page.after = after_lines(page, day)   # after the story: [(line, ISO, phrase source?)]
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool if iso}
                 | {iso for _ln, iso, _p in page.after if iso})
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_path(page):
    site, num, slug = page.spec["site"], page.num, page.slug[:50].rstrip("-")
    day = page.scrape_day
    return {
        "deccan-bulletin.in": f"chat-export/{site}/city-news/{num}.txt",
        "padma-dispatch.com.bd": f"toots/{site}/{day}/{num}.txt",
        "lanka-island-daily.lk": f"saved/{site}/{slug}.txt",
        "gulf-evening-post.ae": f"trello/{site}/{num}-{slug}.txt",
        "urdu.faisalabad-akhbar.pk": f"sms/{site}/{num}.txt",
        "sargodha-nama.pk": f"chat-export/{site}/{day.replace('-', '')}/{num}.txt",
        "jhelum-awaz.pk": f"saved/{site}/{day}/{num}.txt",
        "urdu-gulf-khabrein.ae": f"toots/{site}/{num}.txt",
        "mardan-times-urdu.pk": f"trello/{site}/cards/{num}.txt",
        "kolkata-ledger.in": f"{site}/city/{slug}-{num}.html",
        "lahore-observer.com.pk": f"{site}/{day[:7].replace('-', '/')}/{num}.htm",
        "chittagong-chronicle.com.bd": f"www.{site}/news/{num}",
        "karachi-mercantile.pk": f"{site}/print-edition/{day}/{slug}.html",
        "muscat-morning-star.om": f"{site}/oman/{num}.html",
        "roznama-gujranwala.pk": f"{site}/news/{num}.html",
        "swat-sada.pk": f"{site}/story/{num}.php",
        "urdu.dubai-awam.ae": f"{site}/community/{num}.html",
        "abbottabad-khabar.pk": f"{site}/{day}/khabar-{num}.html",
    }[site]


# ----------------------------------------------------------------------------- chrome

def wrapper_lines(page, day):
    """The dated line that whatever saved the text put above it: [(line, ISO)]; the scrape day,
    in the site's style."""
    kind, en, iso = page.spec.get("kind"), page.spec["lang"] == "en", day.isoformat()
    t = fdate(page.spec["style"], day, page.scrape_hour, page.scrape_minute)
    if kind == "discord":
        return [(f"#city-news — {t}" if en else f"#تازہ-خبریں — {t}", iso)]
    if kind == "fediverse":
        return [(f"@desk@padma.social · {t}" if en else f"@desk@khaleej.social · {t}", iso)]
    if kind == "readlater":
        return [(f"Saved on {t} · {4 + page.k % 8} min read" if en else
                 f"محفوظ کیا گیا: {t}", iso)]
    if kind == "kanban":
        return [(f"Card added {t} to Follow-ups" if en else
                 f"کارڈ شامل کیا گیا: {t}", iso)]
    if kind == "sms":
        return [(f"پیغام موصول ہوا: {t}", iso)]
    return []


def tool_lines(page, day):
    """Dated lines above the story (a ticker or notice strip): [(line, ISO)]."""
    ex, k, en, out = page.spec.get("extras", ()), page.k, page.spec["lang"] == "en", []
    f = lambda d: fdate(page.spec["style"], d, 10, 0)  # noqa: E731
    if "power" in ex:  # tomorrow's scheduled outage
        d = day + DAY
        out.append((f"Scheduled power shutdown in parts of the city on {f(d)}" if en else
                    f"مرمتی کام کے باعث {f(d)} کو بجلی کی فراہمی معطل رہے گی", d.isoformat()))
    if "exam" in ex:
        d = day + DAY * (3 + k % 4)
        out.append((f"Board exam results will be announced on {f(d)}" if en else
                    f"میٹرک کے نتائج کا اعلان {f(d)} کو کیا جائے گا", d.isoformat()))
    if "visa" in ex:
        d = day + DAY * (2 + k % 3)
        out.append((f"Embassy consular section closed on {f(d)}" if en else
                    f"قونصل خانہ {f(d)} کو بند رہے گا", d.isoformat()))
    if "water" in ex:
        d = day + DAY * 2
        out.append((f"Water supply interrupted on {f(d)} for maintenance" if en else
                    f"پانی کی فراہمی {f(d)} کو معطل رہے گی", d.isoformat()))
    return out


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]; each box opens
    with an undated heading."""
    ex, k, en, out = page.spec.get("extras", ()), page.k, page.spec["lang"] == "en", []
    f = lambda d: fdate(page.spec["style"], d, 11, 30)  # noqa: E731
    if "fair" in ex:
        d = day + DAY * (6 + k % 5)
        out += [("Events this month" if en else "اس ماہ کی تقریبات", "", True),
                (f"The book fair opens at the expo centre on {f(d)}" if en else
                 f"کتاب میلہ {f(d)} سے شروع ہوگا", d.isoformat(), True)]
    if "match" in ex:
        d = day + DAY * (1 + k % 4)
        out += [("Cricket fixtures" if en else "کرکٹ شیڈول", "", True),
                (f"Next fixture at the stadium: {f(d)}" if en else
                 f"اسٹیڈیم میں اگلا میچ {f(d)} کو کھیلا جائے گا", d.isoformat(), True)]
    if "camp" in ex:
        d = day + DAY * (4 + k % 6)
        out += [("Health notices" if en else "صحت عامہ کے اعلانات", "", True),
                (f"Free eye camp at the district hospital on {f(d)}" if en else
                 f"ضلعی ہسپتال میں مفت آئی کیمپ {f(d)} کو لگایا جائے گا", d.isoformat(), True)]
    if "blood" in ex:
        d = day + DAY * (8 + k % 3)
        out += [("Community noticeboard" if en else "کمیونٹی اعلانات", "", True),
                (f"Blood donation drive on {f(d)}" if en else
                 f"خون کے عطیات کی مہم {f(d)} کو ہوگی", d.isoformat(), False)]
    if page.spec.get("kind") == "discord":  # a reply in the channel, later the same day
        t = fdate(page.spec["style"], day, (page.scrape_hour + 1) % 24, page.scrape_minute)
        out += [(f"Reply — {t}" if en else f"جواب — {t}", day.isoformat(), False),
                ("Thanks for sharing" if en else "شیئر کرنے کا شکریہ", "", True)]
    return out


# ----------------------------------------------------------------------------- pages

def render(page):
    text = F23.html_page(page) if page.spec["fmt"] == "html" else F27.render_text(page)
    return text, F22.phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

_NUM = re.compile(r"(?<![\d/.:-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?![\d/.:-])")


def order_check(rendered):
    """The numeric styles' day order: on each page of a numeric site every numeric date reads
    day first; returns (problems, ambiguous, by_site): the pages whose own date reads both ways (day
    and month both 12 or less and different) and whose site shows no numeric date with a day
    over 12 (nothing settles the order there)."""
    probs, settled, on_page, amb, by_site = [], {}, set(), [], []
    for page, path, text, _chrome in rendered:
        if page.spec["style"] not in NUMERIC:
            continue
        for d, m, _y in _NUM.findall(text.translate(F9.DIGITS_BACK)):
            if int(d) > 12:
                settled[page.spec["site"]] = True
                on_page.add(path)
            if int(m) > 12:
                probs.append(f"{path}: a numeric date {d}.{m} with month over 12")
    for page, path, _text, _chrome in rendered:
        if page.own and page.spec["style"] in NUMERIC:
            y, m, d = map(int, page.own.split("-"))
            if d <= 12 and d != m and not settled.get(page.spec["site"]):
                amb.append(path)
            elif d <= 12 and d != m and path not in on_page:
                by_site.append(path)
    return probs, amb, by_site


def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages, with this set's read_own (two-digit
    years), and order_check (see README.md "The thirty-eighth set"); exits with the failures,
    else returns a summary line."""
    probs, amb, by_site = order_check(rendered)
    if probs:
        raise SystemExit("fresh37 self-check:\n" + "\n".join(probs[:40]))
    old = F22.read_own
    F22.read_own = read_own
    try:
        line = F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh37 self-check")) from None
    finally:
        F22.read_own = old
    return (line.replace("fresh22", "fresh37")
            + f"; own numeric dates reading both ways: {len(amb)} that nothing settles, "
            f"{len(by_site)} settled only by the site's other pages")


def main(shared, out):
    F22.SEEN.clear()
    G.generate_set("fresh37", SITES, SEED_FRESH37, FRESH37_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
