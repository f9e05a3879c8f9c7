"""The tenth set of the chrome bench (`gen.py --set fresh9`, `SET=fresh9 run.sh`): 18 more sites,
held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The tenth set" before the
set's held-out run. The design is described in README.md "The tenth set"; this docstring only
says what the code does.

Each site of SITES is assembled from real text, as in the earlier sets: bodies from
Reuters-21578 (real 1987 dates), BBC News 2225 and urdu-news-ha405 (no dates); English chrome
from the real pages of article-extraction (gen.real_templates: every news host's pages have been
taken by an earlier set, so this set takes the first page of hosts that earlier sets held out as
test sites); rotating sidebars of real headlines (gen.rotating_sidebars) with the dates written
in this set's styles (fdate); Urdu site names, section words, footers, list labels, widget lines,
commenters' names and all dates but the Reuters ones are the assembly's (comment texts are real
Dawn teasers). Pages are rendered as text (text_page, plain or as a reader service's Markdown)
or HTML (html_page, in the site's frame, possibly inside an archive capture or a saved-page
file); each generation checks its labels against its pages (self_check) and stops on any
mismatch.
"""
import datetime
import re

import fresh as F
import fresh4 as F4
import fresh5 as F5
import gen as G

SEED_FRESH9 = 20261215
FRESH9_SALT = "khabar-chrome-fresh9"
EN_BASE, UR_BASE = datetime.date(2026, 9, 28), datetime.date(2026, 10, 27)
GAPS = [2, 1, 1, 2, 3]  # days between a site's scrape days, in turn
URDU_NAV9 = ["مرکزی صفحہ", "قومی", "صوبائی خبریں", "عالمی منظر", "کھیلوں کی خبریں", "فن و ثقافت",
             "معیشت", "سائنس و ٹیکنالوجی", "صحت و تندرستی", "کالمز", "بلاگز", "ای پیپر",
             "ویڈیو گیلری"]
URDU_FOOT9 = ["ادارہ", "ہم سے رابطہ", "پالیسی برائے رازداری", "استعمال کی شرائط",
              "اشتہار دیں", "ملازمت کے مواقع"]
DIGITS_BACK = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]
COLUMNISTS = ["ڈاکٹر عارف محمود", "نسرین اختر", "حسن نثار احمد", "پروفیسر جمیل خان",
              "عائشہ صدیقی"]
COMMENTERS = ["filmbuff_77", "Marcia T.", "D. Okafor", "reelthoughts", "Sam K."]
CITIES_UR = ["اسلام آباد", "لاہور", "کراچی", "پشاور", "کوئٹہ"]
# the dateline of a Dawn teaser ("QUETTA, Nov 23: "), left out of comment texts
DAWN_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]*, [A-Z][a-z]{2} \d{1,2}: ")

# own: how the page states its own date
#   under (lines under the headline: bylines, then the own date) | meta (HTML: metadata and a
#   visible line under the headline) | jina (a reader service's "Published Time:" header line
#   only) | none
# ostyle: the own date's style (fdate); half: only even pages state it; upd: a second date line
#   after the own date (style; later: 1-2 days after the own date on even pages, else the same
#   day); inline: the update on the own date's line; modfirst: the update line BEFORE the own date
# side / label / pos / item: the sidebar's date style (None: no dates), heading, before or after
#   the story, item shape (lines: headline then date; dash: "headline — date" on one line)
# tpl / trim: template host and (head lines kept, tail lines skipped, tail lines kept)
# extra: widgets that carry a day; wrap (HTML): wayback (an archive capture with its toolbar) |
#   singlefile (a saved page with the saver's comment); md: the page is a reader service's
#   Markdown; comments: readers' comments after the story; frame (HTML): semantic | divs
SITES = [
    dict(site="theguardian.com", lang="en", fmt="txt", layout="guardian",
         tpl="www.theguardian.com", trim=(30, 9, 30), body="reuters", own="under",
         ostyle="guardian", note=True, byline="wire_city", side=None,
         label="Most viewed", pos="after", item="lines", n=16),
    dict(site="chron.com", lang="en", fmt="txt", layout="scrapeday", tpl="www.chron.com",
         trim=(40, 0, 40), body="bbc", own="none", side="rel_en", label="More From Chron",
         pos="after", item="dash", n=16),
    dict(site="cnbc.com", lang="en", fmt="html", layout="wayback", tpl="www.cnbc.com",
         trim=(40, 6, 40), body="reuters", own="meta", ostyle="cnbc", byline=["Reuters"],
         side="cnbc_side", label="More In Economy", pos="after",
         wrap="wayback", frame="semantic", brand="CNBC", n=16),
    dict(site="newsweek.com", lang="en", fmt="html", layout="singlefile", tpl="www.newsweek.com",
         trim=(12, 2, 40), body="mix", own="under", ostyle="nw", byline="by_wire",
         side="nw_side", label="Latest News", pos="before", wrap="singlefile", frame="divs",
         brand="Newsweek", n=16),
    dict(site="billboard.com", lang="en", fmt="txt", layout="reader", tpl="www.billboard.com",
         trim=(40, 3, 38), body="bbc", own="none", side=None, label="Trending on Billboard",
         pos="after", item="lines", md=True, extra=("vote",), n=16),
    dict(site="nbcdfw.com", lang="en", fmt="html", layout="nbc", tpl="www.nbcdfw.com",
         trim=(40, 0, 40), body="reuters", own="under", ostyle="nbc", upd="nbc_upd", inline=True,
         later=True, byline=["By Reuters"], side=None, label="Trending Stories", pos="after",
         frame="semantic", n=16),
    dict(site="barrons.com", lang="en", fmt="txt", layout="barrons", tpl="www.barrons.com",
         trim=(6, 3, 40), body="reuters", own="under", ostyle="barrons", byline=["By Reuters"],
         side="barrons_side", label="Latest News", pos="after", item="lines", n=16),
    dict(site="indiewire.com", lang="en", fmt="html", layout="wpdir", tpl="www.indiewire.com",
         trim=(40, 3, 40), body="mix", own="meta", ostyle="iw", side=None,
         label="Popular on IndieWire",
         pos="after", comments=True, frame="divs", n=16),
    dict(site="telegraph.co.uk", lang="en", fmt="txt", layout="export", tpl="www.telegraph.co.uk",
         trim=(40, 6, 40), body="reuters", own="under", ostyle="tel", byline=["By Reuters"],
         side=None, label="More stories", pos="after", item="lines", extra=("crossword",),
         n=16),
    dict(site="ufaq-news.pk", lang="ur", fmt="txt", layout="reader", tpl=None, body="express",
         own="jina", side=None, label="ٹاپ اسٹوریز", pos="after", item="lines", md=True, n=16),
    dict(site="dharti-times.pk", lang="ur", fmt="html", layout="wpquery", tpl=None,
         body="samaa", own="meta", ostyle="ur_wp", side="ur_wp", label="تازہ ترین پوسٹس",
         pos="after", byline=["ایڈمن"], frame="semantic", n=16),
    dict(site="kohsar-news.pk", lang="ur", fmt="txt", layout="plainid", tpl=None, body="express",
         own="under", ostyle="ur_bruz", byline="city_desk", side="ur_dash", label="کالمز",
         pos="after", item="column", extra=("rates",), n=16),
    dict(site="meezan-akhbar.pk", lang="ur", fmt="html", layout="singlefile", tpl=None,
         body="samaa", own="under", half=True, ostyle="en_dunya", byline=["ویب ڈیسک"],
         side="ur_wday", label="پڑھنا نہ بھولیں", pos="after", wrap="singlefile", frame="divs",
         brand="میزان اخبار", n=16),
    dict(site="gulshan-news.tv", lang="ur", fmt="txt", layout="scrapeday", tpl=None,
         body="express", own="none", side=None, label="اہم ترین", pos="before", item="lines",
         extra=("weather",), n=16),
    dict(site="zaviya-news.pk", lang="ur", fmt="html", layout="wayback", tpl=None, body="samaa",
         own="meta", ostyle="ur_pub", upd="ur_mod", later=True, modfirst=True,
         byline=["ویب ڈیسک"], side="ur_plain", label="متعلقہ", pos="after", wrap="wayback",
         frame="semantic", n=16),
    dict(site="saaz-news.tv", lang="ur", fmt="txt", layout="mobile", tpl=None, body="express",
         own="none", side="ur_slash", label="مزید ویڈیوز", pos="after", item="dash", n=16),
    dict(site="chaand-news.tv", lang="ur", fmt="html", layout="newsid", tpl=None, body="samaa",
         own="meta", ostyle="ur_subh", byline=["نیوز ڈیسک"], side=None,
         label="سب سے زیادہ دیکھی گئی", pos="after", extra=("gold",), frame="divs", n=16),
    dict(site="sadaqat-times.pk", lang="ur", fmt="txt", layout="export", tpl=None,
         body="express", own="under", half=True, ostyle="ur_ymd", side="ur_yearless",
         label="دیگر خبریں", pos="after", item="dash", n=16),
]


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fdate(style, d, hour=9, minute=15, scrape=None):
    """Date text in this set's styles (scrape: the page's scrape day, for the sidebar styles
    that write an item's age)."""
    month = G.MONTHS[d.month - 1]
    mon = month[:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    umonth = G.URDU_MONTHS[d.month - 1]
    uday = F.URDU_DAYS[d.weekday()]
    bst = "BST" if datetime.date(d.year, 3, 29) <= d <= datetime.date(d.year, 10, 24) else "GMT"
    age = (scrape - d).days if scrape else 0
    styles = {
        "guardian": lambda: (f"guardian.co.uk, {d:%A} {d.day} {month} {d.year} "
                             f"{hour:02d}.{minute:02d} {bst}"),
        "guardian_note": lambda: (f"This article was first published on guardian.co.uk at "
                                  f"{hour:02d}.{minute:02d} {bst} on {d:%A} {d.day} {month} "
                                  f"{d.year}."),
        "guardian_mod": lambda: (f" It was last modified at {hour:02d}.{minute:02d} {bst} on "
                                 f"{d:%A} {d.day} {month} {d.year}."),
        "rel_en": lambda: (f"{1 + (hour + minute) % 9} hours ago" if age == 0
                           else "1 day ago" if age == 1 else f"{age} days ago"),
        "cnbc": lambda: f"{d:%A}, {d.day} {mon} {d.year} | {h12}:{minute:02d} {ampm} ET",
        "cnbc_side": lambda: f"{d:%a}, {mon} {ordinal(d.day)} {d.year}",
        "nw": lambda: f"Published {mon} {d.day:02d}, {d.year} at {h12}:{minute:02d} {ampm} ET",
        "nw_side": lambda: f"{mon} {d.day}, {d.year} at {h12}:{minute:02d} {ampm} EDT",
        "nbc": lambda: f"Published {month} {d.day}, {d.year}",
        "nbc_upd": lambda: (f" • Updated on {month} {d.day}, {d.year} at {h12}:{minute:02d} "
                            f"{ampm.lower()}"),
        "barrons": lambda: f"{AP_MONTHS[d.month - 1]} {d.day}, {d.year} {h12}:{minute:02d} "
                           f"{ampm.lower()} ET",
        "barrons_side": lambda: f"{AP_MONTHS[d.month - 1]} {d.day}, {d.year}",
        "iw": lambda: f"{mon} {d.day}, {d.year} {h12}:{minute:02d} {ampm.lower()}",
        "iw_comment": lambda: f"{month} {d.day}, {d.year} at {h12}:{minute:02d} {ampm.lower()}",
        "tel": lambda: f"{d.day} {month} {d.year} • {h12}:{minute:02d}{ampm.lower()}",
        "ur_wp": lambda: f"{umonth} {d.day}, {d.year}",
        "ur_bruz": lambda: f"بروز {uday} {d.day} {umonth} {d.year}",
        "ur_dash": lambda: f"{d.day:02d}-{d.month:02d}-{d.year}",
        "en_dunya": lambda: f"{d.day} {mon}, {d.year} {h12}:{minute:02d}{ampm.lower()}",
        "ur_wday": lambda: (f"{hour:02d}:{minute:02d}" if age == 0 else uday),
        "ur_slash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}".translate(G.URDU_DIGITS),
        "ur_pub": lambda: f"شائع {d.day} {umonth} {d.year}",
        "ur_mod": lambda: f"آخری اپ ڈیٹ {d.day} {umonth} {d.year}",
        "ur_plain": lambda: f"{d.day} {umonth} {d.year}",
        "ur_subh": lambda: (f"{d.day} {umonth} {d.year} ، {h12}:{minute:02d} "
                            f"{'صبح' if hour < 12 else 'دوپہر' if hour < 16 else 'شام'}"
                            ).translate(G.URDU_DIGITS),
        "ur_ymd": lambda: f"اشاعت: {d.year}/{d.month:02d}/{d.day:02d}",
        "ur_yearless": lambda: f"{d.day} {umonth}",
    }
    return styles[style]()


MONTH_NUM = {}
for _i, _m in enumerate(G.MONTHS):
    MONTH_NUM[_m.lower()] = MONTH_NUM[_m[:3].lower()] = _i + 1
for _i, _m in enumerate(AP_MONTHS):
    MONTH_NUM[_m.rstrip(".").lower()] = _i + 1
for _i, _m in enumerate(G.URDU_MONTHS):
    MONTH_NUM[_m] = _i + 1


def read_own(text):
    """The date an own-date text states (ISO, or ""), read apart from fdate: digits of any
    script to ASCII; yyyy-mm-dd or yyyy/mm/dd; dd-mm-yyyy or dd/mm/yyyy (day first, as the
    Urdu sites write it); a month name (English, abbreviated,
    AP style or Urdu) with the day before or after it and a 4-digit year after both."""
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.translate(DIGITS_BACK))
    m = re.search(r"\b(\d{4})[-/](\d\d)[-/](\d\d)\b", t)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.search(r"\b(\d\d)[-/](\d\d)[-/](\d{4})\b", t)
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    words = re.findall(r"\d+|[^\W\d_]+", t)
    for i, w in enumerate(words):
        mo = MONTH_NUM.get(w.lower()) or MONTH_NUM.get(w)
        if not mo:
            continue
        for day_at, year_at in ((i - 1, i + 1), (i + 1, i + 2)):
            if 0 <= day_at < len(words) and year_at < len(words):
                dd, yy = words[day_at], words[year_at]
                if dd.isdigit() and yy.isdigit() and len(yy) == 4 and 1 <= int(dd) <= 31:
                    return f"{yy}-{mo:02d}-{int(dd):02d}"
    return ""


# ----------------------------------------------------------------------------- assembly

def scrape_days(base, n):
    days, d = [], base
    for i in range(n):
        days.append(d)
        d += datetime.timedelta(days=GAPS[i % len(GAPS)])
    return days


def site_pages(spec, pools, templates, rng):
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH9_SALT)
    ndays = 3 + h % 4
    days = scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    sidebars = G.rotating_sidebars(dict(spec, side=spec["side"] or "ur_plain"), days, pools,
                                   FRESH9_SALT, lambda s, d, hr, mi: (s, d, hr, mi), 7, 17)
    if spec["tpl"]:
        head, tail = (F5.undated_lines(x) for x in templates[spec["tpl"]])
        keep, skip, tkeep = spec["trim"]
        head = head[:keep]
        tail = [ln for ln in tail[skip:skip + tkeep] if not ln.startswith("Tags:")]
    else:
        head, tail = G.urdu_template(spec, rng, URDU_NAV9, URDU_FOOT9, 9)
        tail = tail[:-1] + [f"جملہ حقوق بحق {head[0]} محفوظ ہیں"]
    host = spec["tpl"] or spec["site"]
    if spec["layout"] == "mobile":
        host = "m." + host
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        wire = pools.reuters[-1] if spec["body"] in ("reuters", "mix") else None
        page = G.later_page(spec, k, day, host, pools, rng, (k * 5 + k // ndays) % 3)
        page.num = (1230000 + 7919 * k + h % 90000) if lang == "en" else getattr(page, "rid", k)
        page.own_text = page.upd_text = page.jina_time = page.masthead = page.note = ""
        page.city = wire["dateline"].split(",")[0].strip() if wire and page.own else ""
        if page.own:
            dress_own(page, spec, k)
        page.bylines = bylines(page, spec, k, h)
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"]
        style = spec["side"]
        page.sidebar = [(t, fdate(style, *args[1:], scrape=day) if style else "", None, iso)
                        for t, args, _te, iso in sidebars[day]]
        page.scrape_hour, page.scrape_minute = 7 + (k * 5) % 14, (k * 23 + h) % 60
        page.url = url_of(page, spec, host)
        page.extra = extra_lines(page, spec, day, h, k)
        page.comments = comments(page, pools, day, k) if spec.get("comments") else []
        page.wrapdates = []
        dates = {iso for *_, iso in page.sidebar if style}
        dates |= {iso for _ln, iso, _top in page.extra}
        dates |= {iso for *_, iso in page.comments}
        if spec.get("wrap") == "wayback":
            first = day - datetime.timedelta(days=200 + h % 300)
            page.wrapdates = [first.isoformat(), day.isoformat()]
        elif spec.get("wrap") == "singlefile":
            page.wrapdates = [day.isoformat()]
        dates |= set(page.wrapdates)
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def dress_own(page, spec, k):
    """The own date's text and its update line."""
    d = page.date
    if spec["own"] == "jina":
        page.jina_time = f"{d.isoformat()}T{page.hour:02d}:{page.minute:02d}:00+05:00"
        return
    page.own_text = fdate(spec["ostyle"], d, page.hour, page.minute)
    if spec.get("note"):  # the old Guardian's note after the story: first published, modified
        md = d + datetime.timedelta(days=1 + (k // 2) % 2) if k % 2 == 0 else d
        mh = 7 + k % 5 if k % 2 == 0 else min(page.hour + 3, 23)
        page.note = (fdate("guardian_note", d, page.hour, page.minute)
                     + fdate("guardian_mod", md, mh, (page.minute + 17) % 60))
        page.note_day = md
    if spec.get("upd"):
        later = spec.get("later") and k % 2 == 0
        ud = d + datetime.timedelta(days=1 + (k // 2) % 2) if later else d
        uh = 7 + k % 5 if later else min(page.hour + 3, 23)
        page.upd_text = fdate(spec["upd"], ud, uh, (page.minute + 17) % 60)
        page.upd_day = ud


def bylines(page, spec, k, h):
    """The lines between the headline and the own date."""
    by = spec.get("byline")
    if by == "wire_city":
        city = page.city if getattr(page, "city", "") else "New York"
        return [f"Reuters in {city.title()}"]
    if by == "by_wire":
        return ["By Reuters"] if page.own else ["By BBC News"]
    if by == "city_desk":
        return [f"{CITIES_UR[(k + h) % len(CITIES_UR)]} (نمائندہ خصوصی)"]
    if by and (page.own or spec["lang"] == "ur"):
        return list(by)
    return []


def extra_lines(page, spec, day, h, k):
    """The widgets that carry a day: [(line, ISO day, above the navigation?)]."""
    out = []
    for kind in spec.get("extra", ()):
        if kind == "vote":
            close = day + datetime.timedelta(days=3 + h % 4)
            out.append((f"Fan Army Face-Off: vote now · Voting closes {G.MONTHS[close.month - 1]} "
                        f"{close.day}, {close.year} at 11:59 p.m. ET", close.isoformat(), False))
        elif kind == "crossword":
            d = day - datetime.timedelta(days=1)
            out.append((f"Cryptic Crossword No {31240 + (d - EN_BASE).days:,} — {d:%A} {d.day} "
                        f"{G.MONTHS[d.month - 1]} {d.year}", d.isoformat(), False))
        elif kind == "rates":
            out.append((f"انٹربینک ریٹ — {day.day} {G.URDU_MONTHS[day.month - 1]} {day.year}: "
                        f"ڈالر 277.{(h + day.day * 7) % 90 + 10} · یورو 301.{day.day + 10} · "
                        f"ریال 73.{(day.day * 3) % 90 + 10}", day.isoformat(), False))
        elif kind == "weather":
            city = CITIES_UR[h % len(CITIES_UR)]
            out.append((f"موسم — {city}: {18 + (day.day + h) % 12}° · "
                        f"{F.URDU_DAYS[day.weekday()]} {day.day} {G.URDU_MONTHS[day.month - 1]} "
                        f"{day.year}", day.isoformat(), True))
        elif kind == "gold":
            out.append((f"سونے کی قیمت ({day.day} {G.URDU_MONTHS[day.month - 1]} {day.year}): "
                        f"فی تولہ {(h + day.day * 131) % 9000 + 402000:,} روپے", day.isoformat(),
                        False))
    return out


def comments(page, pools, day, k):
    """Readers' comments after the story: [(name, date text, text, ISO)], 0-3 a page, dated
    0-2 days before the scrape day (neither the page's date nor the site's chrome, but not the
    story's: labelled with the chrome dates)."""
    out = []
    for i in range(k % 4):
        when = day - datetime.timedelta(days=(k + i) % 3)
        _title, teaser = pools.dawn.pop()
        text = DAWN_DATELINE.sub("", teaser or _title)
        out.append((COMMENTERS[(k + i) % len(COMMENTERS)],
                    fdate("iw_comment", when, 8 + (k * 3 + i * 5) % 14, (k * 13 + i * 7) % 60),
                    text, when.isoformat()))
    return out


def url_of(page, spec, host):
    d = page.date if page.own else datetime.date.fromisoformat(page.scrape_day)
    num, slug = page.num, page.slug[:60].rstrip("-")
    layout = spec["layout"]
    if layout == "guardian":
        return f"https://{host}/business/{d.year}/{G.MONTHS[d.month - 1][:3].lower()}/{d:%d}/{slug}"
    if layout == "wayback" and spec["lang"] == "en":
        return f"https://{host}/{d:%Y/%m/%d}/{slug}.html"
    if layout == "wpdir":
        return (f"https://{host}/{d:%Y/%m}/{slug}-{num}/" if page.own
                else f"https://{host}/news/{slug}-{num}/")
    return {
        "scrapeday": (f"https://{host}/news/article/{slug}-{num}.php" if spec["lang"] == "en"
                      else f"https://{host}/story/{num}"),
        "singlefile": (f"https://{host}/{slug}-{num}" if spec["lang"] == "en"
                       else f"https://{host}/news/{num}"),
        "reader": (f"https://{host}/music/music-news/{slug}-{num}/" if spec["lang"] == "en"
                   else f"https://{host}/news/{num}"),
        "nbc": f"https://{host}/news/national-international/{slug}/{num}/",
        "barrons": f"https://{host}/articles/{slug}-{num + 51585000000}",
        "export": (f"https://{host}/business/{slug}/" if spec["lang"] == "en"
                   else f"https://{host}/detail/{num}"),
        "wpquery": f"https://{host}/?p={num}",
        "plainid": f"https://{host}/news/{num}",
        "wayback": f"https://{host}/news/{num}",
        "mobile": f"https://{host}/news/{num}",
        "newsid": f"https://{host}/news-{num}.html",
    }[layout]


def saved_stamp(page):
    """The saving time (the scrape day) as SingleFile writes it in file names and comments."""
    day = datetime.date.fromisoformat(page.scrape_day)
    hr, mi, se = page.scrape_hour, page.scrape_minute, (page.k * 17) % 60
    name = (f"{day.month}_{day.day}_{day.year} {(hr % 12) or 12}_{mi:02d}_{se:02d} "
            f"{'AM' if hr < 12 else 'PM'}")
    comment = (f"{day:%a} {day:%b} {day.day:02d} {day.year} {hr:02d}:{mi:02d}:{se:02d} GMT+0500 "
               "(Pakistan Standard Time)" if page.spec["lang"] == "ur" else
               f"{day:%a} {day:%b} {day.day:02d} {day.year} {hr:02d}:{mi:02d}:{se:02d} GMT-0400 "
               "(Eastern Daylight Time)")
    return name, comment


def wayback_stamp(page):
    return f"{page.scrape_day.replace('-', '')}{page.scrape_hour:02d}{page.scrape_minute:02d}" \
           f"{(page.k * 7) % 60:02d}"


def page_path(page):
    spec = page.spec
    ext = "html" if spec["fmt"] == "html" else "txt"
    url = page.url.split("://", 1)[1].rstrip("/")
    layout = spec["layout"]
    if layout == "singlefile":
        title = re.sub(r'[\\/:*?"<>|]', "_", page.headline).strip()[:90].strip(" .")
        return f"singlefile/{title} - {spec['brand']} ({saved_stamp(page)[0]}).{ext}"
    if layout == "wayback":
        return f"web.archive.org/web/{wayback_stamp(page)}/https:/{url}" + (
            "" if url.endswith(".html") else f".{ext}")
    if layout == "reader":
        return "reader-dumps/" + re.sub(r"[/]+", "_", url) + f".{ext}"
    if layout == "scrapeday":
        return f"scrapes/{page.scrape_day}/{spec['site']}/{page.num}-{page.slug[:40]}.{ext}"
    if layout == "export":
        return f"export/{spec['site']}/page-{page.k + 1:04d}.{ext}"
    if layout in ("nbc", "wpdir"):
        return f"{url}/index.{ext}"
    if layout == "wpquery":
        return url.replace("/?p=", "/index.html?p=") + f".{ext}"  # wget -E
    if layout == "newsid":
        return url
    return f"{url}.{ext}"


# ----------------------------------------------------------------------------- text pages

def header_lines(page):
    """The story's header as lines: the headline, bylines, the own date and its update."""
    spec = page.spec
    out = [page.headline] + page.bylines
    if page.own_text:
        if page.upd_text and spec.get("inline"):
            out.append(page.own_text + page.upd_text)
        elif page.upd_text and spec.get("modfirst"):
            out += [page.upd_text, page.own_text]
        else:
            out += [page.own_text] + ([page.upd_text] if page.upd_text else [])
    return out


def item_lines(page, md=False):
    spec = page.spec
    out = []
    for i, (t, dt, _te, _iso) in enumerate(page.sidebar):
        if spec.get("item") == "column":
            out += [COLUMNISTS[(i + page.k) % len(COLUMNISTS)], t] + ([dt] if dt else [])
            continue
        shown = f"*   [{t}](https://{page.host}/r/{i})" if md else t
        if spec["item"] == "dash" and dt:
            out.append(f"{shown} — {dt}")
        else:
            out += [shown] + ([dt] if dt else [])
    return out


def chrome_blocks(page, extra_nav):
    """[nav, label, item..., tail] for the phrase choice (widgets count as items; comments and
    the saving tools' lines do not)."""
    items = []
    for i, (t, dt, _te, _iso) in enumerate(page.sidebar):
        col = ([COLUMNISTS[(i + page.k) % len(COLUMNISTS)]]
               if page.spec.get("item") == "column" else [])
        items.append(col + [t] + ([dt] if dt else []))
    items += [[ln] for ln, _iso, _top in page.extra]
    return [extra_nav + page.head, [page.spec["label"]]] + items + [page.tail]


def text_page(page):
    spec = page.spec
    md = spec.get("md")
    top = [ln for ln, _iso, t in page.extra if t]
    below = [ln for ln, _iso, t in page.extra if not t]
    if md:
        nav = [f"*   [{ln}](https://{page.host}/{G.slugify(ln, f'c{i}')}/)"
               for i, ln in enumerate(page.head)]
        label = [spec["label"], "-" * max(4, len(spec["label"]))]
        side = label + [""] + item_lines(page, md=True)
        header = [page.headline, "=" * max(4, min(len(page.headline), 80))] + page.bylines
        meta = [f"Title: {page.headline}", "", f"URL Source: {page.url}", ""]
        if page.jina_time:
            meta += [f"Published Time: {page.jina_time}", ""]
        meta.append("Markdown Content:")
        chunks = ["\n".join(meta), "\n".join(top + nav)]
    else:
        side = [spec["label"]] + item_lines(page)
        header = header_lines(page)
        chunks = ["\n".join(top + page.head)]
    if spec["pos"] == "before":
        chunks.append("\n".join(side))
    chunks += ["\n".join(header)] + page.paras + ([page.note] if page.note else [])
    if spec["pos"] == "after":
        chunks.append("\n".join(side))
    if below:
        chunks.append("\n".join(below))
    chunks.append("\n".join(page.tail))
    return "\n\n".join(chunks) + "\n", chrome_blocks(page, [])


# ----------------------------------------------------------------------------- HTML pages

def sidebar_html(page):
    esc, spec = F.esc, page.spec
    rows = []
    for i, (t, dt, _te, _iso) in enumerate(page.sidebar):
        when = f' <span class="time-ago">{esc(dt)}</span>' if dt else ""
        rows.append(f'<li class="story-card"><a href="/s/{i}">{esc(t)}</a>{when}</li>')
    extra = [f'<div class="widget-box">{esc(ln)}</div>' for ln, _iso, top in page.extra if not top]
    if spec["frame"] == "semantic":
        return (['<section class="widget related-list">',
                 f'<h3 class="widget-title">{esc(spec["label"])}</h3>', "<ul>"] + rows
                + ["</ul>"] + extra + ["</section>"])
    return (['<div class="col-side">', f'<div class="box-head"><span>{esc(spec["label"])}</span>'
             "</div>", '<div class="box-list"><ul>'] + rows + ["</ul></div>"] + extra + ["</div>"])


def meta_html(page):
    """The head's date metadata of a page that states its own date (own == meta)."""
    spec = page.spec
    if not page.own or spec["own"] != "meta":
        return []
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00"
    tz = "+05:00" if spec["lang"] == "ur" else "-05:00"
    mod = getattr(page, "upd_day", page.date)
    if spec["site"] in ("cnbc.com", "zaviya-news.pk"):
        return ['<script type="application/ld+json">{"@context":"https://schema.org",'
                f'"@type":"NewsArticle","headline":{json_str(page.headline)},'
                f'"datePublished":"{stamp}{tz}","dateModified":"{mod.isoformat()}T'
                f'{min(page.hour + 3, 23):02d}:{page.minute:02d}:00{tz}"}}</script>']
    return [f'<meta property="article:published_time" content="{stamp}{tz}">']


def json_str(s):
    import json
    return json.dumps(s, ensure_ascii=False).replace("</", "<\\/")


def header_html(page):
    esc, spec = F.esc, page.spec
    out = [f"<h1>{esc(page.headline)}</h1>"]
    if page.bylines:
        out.append('<div class="byline">' + " ".join(
            f'<span class="author">{esc(b)}</span>' for b in page.bylines) + "</div>")
    lines = header_lines(page)[1 + len(page.bylines):]
    for ln in lines:
        if ln.startswith(page.own_text) and spec["own"] == "meta" and spec["site"] != "cnbc.com":
            stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00"
            out.append(f'<div class="entry-meta"><time class="entry-date published" '
                       f'datetime="{stamp}">{esc(ln)}</time></div>')
        else:
            out.append(f'<div class="entry-meta"><span class="date-line">{esc(ln)}</span></div>')
    return out


def comments_html(page):
    esc = F.esc
    if not page.comments:
        return []
    n = len(page.comments)
    out = ['<div id="comments" class="comments-area">',
           f'<h3 class="comments-title">{n} {"Comment" if n == 1 else "Comments"}</h3>',
           '<ol class="comment-list">']
    for i, (name, dt, text, _iso) in enumerate(page.comments):
        out += [f'<li class="comment" id="comment-{page.num * 10 + i}">',
                f'<div class="comment-author vcard"><cite class="fn">{esc(name)}</cite> '
                '<span class="says">says:</span></div>',
                f'<div class="comment-metadata"><a href="#comment-{page.num * 10 + i}">'
                f"{esc(dt)}</a></div>", f"<p>{esc(text)}</p>", "</li>"]
    return out + ["</ol>", "</div>"]


def wayback_toolbar(page):
    day = datetime.date.fromisoformat(page.scrape_day)
    first = datetime.date.fromisoformat(page.wrapdates[0])
    prev_m = (day.replace(day=1) - datetime.timedelta(days=1))
    next_m = (day.replace(day=28) + datetime.timedelta(days=4))
    stamp = wayback_stamp(page)
    captures = 20 + (page.num % 400)
    return ["<!-- BEGIN WAYBACK TOOLBAR INSERT -->", '<div id="wm-ipp-base">',
            '<div id="wm-ipp">', f'<a href="/web/">The Wayback Machine</a> - '
            f'<a href="/web/{stamp}/{F.esc(page.url)}">https://web.archive.org/web/{stamp}/'
            f"{F.esc(page.url)}</a>",
            f'<div class="wm-capinfo"><a href="/web/*/{F.esc(page.url)}">{captures} captures</a>'
            f"</div>",
            f'<div class="wm-capdates">{first.day:02d} {first:%b} {first.year} - '
            f"{day.day:02d} {day:%b} {day.year}</div>",
            f'<table class="wm-nav"><tr><td>{prev_m:%b}</td><td>{day:%b}</td><td>{next_m:%b}</td>'
            f"</tr><tr><td></td><td>{day.day:02d}</td><td></td></tr><tr><td>{day.year - 1}</td>"
            f"<td>{day.year}</td><td>{day.year + 1}</td></tr></table>",
            '<div class="wm-about">About this capture</div>', "</div>", "</div>",
            "<!-- END WAYBACK TOOLBAR INSERT -->"]


def html_page(page):
    esc, spec = F.esc, page.spec
    lang, name = spec["lang"], spec["site"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    url = page.url
    if spec.get("wrap") == "wayback":
        url = f"https://web.archive.org/web/{wayback_stamp(page)}/{page.url}"
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>']
    if spec.get("wrap") == "singlefile":
        head.append(f"<!--\n Page saved with SingleFile \n url: {page.url} \n saved date: "
                    f"{saved_stamp(page)[1]}\n-->")
    head += ["<head>", '<meta charset="utf-8">',
             f"<title>{esc(page.headline)} - {esc(spec.get('brand', name))}</title>",
             f'<link rel="canonical" href="{esc(url)}">',
             f'<meta property="og:site_name" content="{esc(spec.get("brand", name))}">']
    head += meta_html(page) + ["</head>"]
    semantic = spec["frame"] == "semantic"
    b = ["<body>"]
    if spec.get("wrap") == "wayback":
        b += wayback_toolbar(page)
    site_h = "header" if semantic else "div"
    b += [f'<div class="alert-bar">{esc(ln)}</div>' for ln, _iso, top in page.extra if top]
    b += [f'<{site_h} class="masthead">', f'<a class="brand" href="/">{esc(name)}</a>']
    b += ['<nav class="menu"><ul>'] + [f'<li><a href="/section/{i}">{esc(ln)}</a></li>'
                                       for i, ln in enumerate(page.head)]
    b += ["</ul></nav>", f"</{site_h}>", '<div class="content-wrap">']
    if spec["pos"] == "before":
        b += sidebar_html(page)
    art = "article" if semantic else "div"
    b += [f'<{art} class="story">', '<div class="story-head">'] + header_html(page) + ["</div>"]
    b += ['<div class="story-body">'] + [f"<p>{esc(p)}</p>" for p in page.paras] + ["</div>"]
    b.append(f"</{art}>")
    b += comments_html(page)
    if spec["pos"] == "after":
        b += sidebar_html(page)
    b.append("</div>")
    foot = "footer" if semantic else "div"
    b += [f'<{foot} class="site-foot">'] + [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b += [f"</{foot}>", "</body>", "</html>"]
    return "\n".join(head + b) + "\n", chrome_blocks(page, [name])


# ----------------------------------------------------------------------------- checks

def zone_of(page, raw):
    """(start, end) of the story in a page's flattened visible text: from its headline (the one
    above the story: after the <title> of an HTML page, after a reader service's header) to its
    last paragraph."""
    flat = F4.flat
    first = flat(page.headline)
    start = raw.index(first)
    if page.spec["fmt"] == "html":  # the <title> comes first
        start = raw.index(first, start + 1)
    if page.spec.get("md"):
        start = raw.index(first, raw.index("Markdown Content:"))
    last = flat(page.note or page.paras[-1])
    return start, raw.index(last, start) + len(last)


def own_problems(page, text, zone, lb):
    """What is wrong with a page's own date as written (an empty list when nothing)."""
    flat, own, spec = F4.flat, page.own, page.spec
    if not own:
        found = [k for k in ("published_time", "datePublished", "<time", "Published Time:")
                 if k in text]
        return [f"undated page with {found}"] if found else []
    if spec["own"] == "jina":
        m = re.search(r"^Published Time: (\S+)$", text, re.M)
        return [] if m and m.group(1)[:10] == own and text.index(m.group(0)) < text.index(
            "Markdown Content:") else ["no Published Time header of the own date"]
    said = flat(page.own_text)
    probs = []
    if read_own(page.own_text) != own:
        probs.append(f"own date text {said!r} reads {read_own(page.own_text)}")
    if zone.count(said) != 1:
        probs.append(f"own date text {said!r} not once in the story")
    head = zone.index(flat(page.headline))
    gap = zone.index(said) - head - len(flat(page.headline))
    probs += [] if 0 <= gap < 90 else [f"own date {gap} characters after the headline"]
    if page.upd_text:
        upd = read_own(page.upd_text)
        if upd < own or (upd > own and not spec.get("later")):
            probs.append("the update line is before the own date, or later unexpectedly")
        if flat(page.upd_text) not in zone:
            probs.append("the update line is not in the story's header")
    if page.note:
        note = flat(page.note)
        if not zone.endswith(note) or read_own(page.note) != own:
            probs.append("the note does not end the story or does not first state the own date")
        last = read_own(page.note[page.note.index(" It was last modified"):])
        if last != page.note_day.isoformat() or last < own:
            probs.append("the note's modified day is not as labelled")
    if spec["own"] == "meta":
        if f'{own}T' not in text.split("</head>")[0]:
            probs.append("no metadata of the own date")
        if spec["site"] != "cnbc.com" and f'datetime="{own}T' not in text:
            probs.append("no <time datetime> of the own date")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The tenth set"); exits
    with the failures, else returns a summary line."""
    flat = F4.flat
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    content = f" {content} "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, zone, lb)
        # the update line may write a day that a sidebar item also carries
        bare = zone.replace(flat(page.upd_text), " ") if page.upd_text else zone
        probs += F5.chrome_problems(page, lb, raw, bare, outside, content)
        for ln, iso, _top in page.extra:
            if flat(ln) not in outside or iso not in lb["chrome_dates"] + [page.own]:
                probs.append(f"widget line {ln!r} not in the chrome or not labelled")
            if read_own(ln) not in ("", iso) and "Crossword" not in ln:
                probs.append(f"widget line {ln!r} reads another day")
        for name, dt, ctext, iso in page.comments:
            if flat(dt) not in outside or flat(ctext) in zone or iso not in lb["chrome_dates"]:
                probs.append(f"comment {name!r} inside the story or its date unlabelled")
            if read_own(dt) != iso:
                probs.append(f"comment date {dt!r} reads {read_own(dt)}")
        for iso in page.wrapdates:
            if iso not in lb["chrome_dates"] + [page.own]:
                probs.append("a saving tool's date is not labelled")
        if page.spec.get("wrap") == "singlefile" and "saved date: " not in text:
            probs.append("no SingleFile comment")
        if page.spec.get("wrap") == "wayback":
            first = datetime.date.fromisoformat(page.wrapdates[0])
            if f"{first.day:02d} {first:%b} {first.year}" not in outside:
                probs.append("no capture range in the toolbar")
        if page.spec["side"] and not lb["chrome_dates"]:
            probs.append("a dated sidebar without chrome dates")
        if page.spec["side"]:
            for _t, dt, _te, iso in page.sidebar:
                got = read_own(dt) or read_yearless(dt, page.scrape_day) or read_age(
                    dt, page.scrape_day)
                if got != iso:
                    probs.append(f"sidebar date {dt!r} reads {got}, labelled {iso}")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh9", rendered, labels, bad)


def read_age(text, scrape_day):
    """An item's age ("8 hours ago", "1 day ago", "2 دن پہلے") as the day it names, counted back
    from the scrape day."""
    day = datetime.date.fromisoformat(scrape_day)
    if re.fullmatch(r"\d\d:\d\d", text):  # a time alone: today
        return scrape_day
    if text in F.URDU_DAYS:  # a weekday alone: within the last six days
        back = (day.weekday() - F.URDU_DAYS.index(text)) % 7 or 7
        return (day - datetime.timedelta(days=back)).isoformat()
    m = re.fullmatch(r"(\d+) (hours?|days?) ago", text)
    if not m:
        return ""
    back = int(m.group(1)) if m.group(2) in ("day", "days") else 0
    return (datetime.date.fromisoformat(scrape_day) - datetime.timedelta(days=back)).isoformat()


def read_yearless(text, scrape_day):
    """A yearless Urdu day ("26 اکتوبر") as the latest such day on or before the scrape day."""
    t = text.translate(DIGITS_BACK).split()
    if len(t) != 2 or not t[0].isdigit() or t[1] not in MONTH_NUM:
        return ""
    day = datetime.date.fromisoformat(scrape_day)
    d = datetime.date(day.year, MONTH_NUM[t[1]], int(t[0]))
    return (d if d <= day else d.replace(year=day.year - 1)).isoformat()


def main(shared, out):
    G.generate_set("fresh9", SITES, SEED_FRESH9, FRESH9_SALT, site_pages,
                   lambda page: (html_page if page.spec["fmt"] == "html" else text_page)(page),
                   page_path, self_check, shared, out, nth=0)
