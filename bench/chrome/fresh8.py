"""The ninth set of the chrome bench (`gen.py --set fresh8`, `SET=fresh8 run.sh`): 18 more sites,
held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The ninth set" before the
set's held-out run. The design is described in README.md "The ninth set"; this docstring only
says what the code does.

Each site of SITES is assembled from real text, as in the earlier sets: bodies from
Reuters-21578 (real 1987 dates), BBC News 2225 and urdu-news-ha405 (no dates); English chrome
from the real pages of article-extraction (the second page of hosts that have two, which no
earlier set took: gen.real_templates(nth=1)); rotating sidebars of real headlines
(gen.rotating_sidebars) with the dates written in this set's styles (fdate); Urdu site names,
section words, footers, list labels, widget lines and all dates but the Reuters ones are the
assembly's. Pages are rendered as text (text_page) or HTML (html_page) in the site's frame;
each generation checks its labels against its pages (self_check) and stops on any mismatch.
"""
import datetime
import hashlib
import re

import fresh as F
import fresh4 as F4
import fresh5 as F5
import gen as G

SEED_FRESH8 = 20261214
FRESH8_SALT = "khabar-chrome-fresh8"
EN_BASE, UR_BASE = datetime.date(2026, 6, 26), datetime.date(2026, 7, 27)
GAPS = [1, 2, 1, 3, 1]  # days between a site's scrape days, in turn
URDU_NAV8 = ["پہلا صفحہ", "ملکی منظر نامہ", "دنیا بھر سے", "کھیل و کھلاڑی", "شوبز کی دنیا",
             "کاروبار و معیشت", "علم و فن", "صحت مند زندگی", "نوجوان", "کالم نگار", "خصوصی رپورٹ",
             "عدالتی خبریں"]
URDU_FOOT8 = ["ادارتی پالیسی", "ہم سے رابطہ کریں", "رازداری کا بیان", "ٹیم کا تعارف", "اشتہارات",
              "نوکریاں"]
DIGITS_BACK = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
AUTHORS = ["شاہد حسین", "نازیہ پروین", "عمران قریشی", "سعدیہ ملک", "طارق جمیل بٹ"]
PLACES = ["لاہور", "اسلام آباد", "کراچی", "پشاور"]
# the dateline of a Dawn teaser ("QUETTA, Nov 23: "), left out of the teasers: a yearless day of
# 2013 in a sidebar dated otherwise
DAWN_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]*, [A-Z][a-z]{2} \d{1,2}: ")
JOOMLA_CATS = [(12, "قومی"), (14, "عالمی"), (17, "کھیل")]

# own: how the page states its own date
#   under (a line under the headline, after any byline lines) | above (above the headline) |
#   header (HTML: in the article header) | mcc (odd pages: under; even pages: an "Updated" line
#   of a later day under the headline and the publication line after the last paragraph) | none
# ostyle: the own date's style (fdate); half: only even pages state it; time: a <time datetime>;
# upd: even pages add a same-day update on the own date's line; byline: lines between the
#   headline and the own date ("bbcur": author and role lines); kicker: a line after the date;
# dateline: the lead opens with a yearless wire dateline of the own day; print: even pages end
#   with a print-edition line of the next day; paywall: odd pages show two paragraphs only;
# tweet: an embedded post (a real headline as its text, dated days before the scrape day)
#   inside the story; joomla: the date in Joomla's article-info list with a hit count;
# side / label / pos: the sidebar's date style (None: no dates), its heading, before or after
#   the story; group: the sidebar's items under day headings (the heading's style);
# tpl / trim: template host and (head lines kept, tail lines skipped, tail lines kept);
# extra: widgets that carry a day (fixtures, market, archive, today_en); clip: a web clipper's
#   header (the page's URL and the clipping time) above the page;
# frame (HTML): semantic | divs
SITES = [
    dict(site="ctpost.com", lang="en", fmt="txt", layout="hearst", tpl="www.ctpost.com",
         trim=(40, 1, 40), body="reuters", own="mcc", ostyle="mcc", side="ct_side",
         label="Latest Headlines", pos="after", n=16),
    dict(site="morebikes.co.uk", lang="en", fmt="txt", layout="crawlstamp",
         tpl="www.morebikes.co.uk", trim=(40, 0, 40), body="bbc", own="none", side="uk_num",
         label="MORE NEWS", pos="before", n=16),
    dict(site="nytimes.com", lang="en", fmt="txt", layout="nytwire", tpl="www.nytimes.com",
         trim=(7, 1, 40), body="reuters", own="under", ostyle="nyt_wire", byline=["By Reuters"],
         dateline=True, side=None, group="us_full", label="Latest News", pos="after", n=16),
    dict(site="cbssports.com", lang="en", fmt="txt", layout="sport", tpl="www.cbssports.com",
         trim=(40, 4, 40), body="bbc", own="none", side=None, label="Trending",
         pos="after", extra=("fixtures",), n=16),
    dict(site="nypost.com", lang="en", fmt="txt", layout="clip", tpl="nypost.com",
         trim=(32, 8, 40), body="reuters", own="under", ostyle="np", upd="np_upd",
         byline=["By Reuters"], side="np_side", label="Latest News", pos="after", clip=True,
         n=16),
    dict(site="wsj.com", lang="en", fmt="html", layout="wsj", tpl="www.wsj.com",
         trim=(40, 0, 40), body="reuters", own="header", ostyle="wsj", time=True,
         byline=["By Reuters"], print=True, paywall=True, side=None,
         label="Most Popular News", pos="after", extra=("market",), frame="semantic", n=16),
    dict(site="gizmodo.com", lang="en", fmt="html", layout="scrapy", tpl="gizmodo.com",
         trim=(13, 0, 40), body="mix", own="header", ostyle="kinja", time=True,
         byline=["Reuters"], kicker="Filed to: BUSINESS", side=None, group="weekday",
         label="Latest", pos="after", frame="semantic", n=16),
    dict(site="autoindustriya.com", lang="en", fmt="html", layout="httrack",
         tpl="www.autoindustriya.com", trim=(40, 0, 40), body="bbc", own="none",
         tweet="AutoIndustriya.com (@AutoIndustriya)", side="us_abbr", label="LATEST AUTO NEWS",
         pos="before", frame="divs", n=16),
    dict(site="sciencealert.com", lang="en", fmt="html", layout="top", tpl="www.sciencealert.com",
         trim=(33, 0, 0), body="reuters", own="above", ostyle="badge", side="caps_full",
         label="Latest", pos="after", frame="semantic", n=16),
    dict(site="naqsh-news.pk", lang="ur", fmt="txt", layout="bbcur", tpl=None, body="express",
         own="under", ostyle="ur_plain", byline="bbcur", side=None,
         label="سب سے زیادہ پڑھی جانے والی", pos="after", n=16),
    dict(site="darya-times.pk", lang="ur", fmt="txt", layout="ursection", tpl=None,
         body="samaa", own="under", ostyle="ur_iso_label", side="iso", label="خبروں کا خلاصہ",
         pos="after", n=16),
    dict(site="sahar-news.tv", lang="ur", fmt="txt", layout="clip", tpl=None, body="express",
         own="none", side="ur_slash_time", label="لمحہ بہ لمحہ", pos="before", clip=True, n=16),
    dict(site="mehran-times.pk", lang="ur", fmt="txt", layout="city", tpl=None, body="samaa",
         own="under", half=True, ostyle="ur_hamza_digits", side="ur_hamza_digits",
         label="سندھ کی خبریں", pos="after", n=16),
    dict(site="jugnu-news.tv", lang="ur", fmt="html", layout="joomla", tpl=None, body="samaa",
         own="header", ostyle="ur_joomla", joomla=True, side=None, label="تازہ ترین مضامین",
         pos="after", frame="divs", n=16),
    dict(site="rawal-akhbar.pk", lang="ur", fmt="html", layout="scrapy", tpl=None, body="samaa",
         own="header", ostyle="ur_hijri_first", side="ur_plain", label="صوبے سے", pos="after",
         frame="divs", n=16),
    dict(site="khyber-awaz.pk", lang="ur", fmt="html", layout="subdomain", tpl=None,
         body="express", own="none", side="ur_digits", label="آج کی بڑی خبریں", pos="before",
         extra=("archive",), frame="semantic", n=16),
    dict(site="nukta-e-nazar.pk", lang="ur", fmt="html", layout="blogid", tpl=None,
         body="samaa", own="header", ostyle="ur_plain", time=True, readtime=True,
         byline="author", side="ur_plain", label="مصنف کی دیگر تحریریں", pos="after",
         frame="semantic", n=16),
    dict(site="sarkhi-akhbar.pk", lang="ur", fmt="html", layout="httrack", tpl=None,
         body="express", own="none", side="en_abbr", label="مزید اہم خبریں", pos="after",
         extra=("today_en",), frame="divs", n=16),
]


def fdate(style, d, hour=9, minute=15, scrape=None):
    """Date text in this set's styles (scrape: the page's scrape day, for the sidebar styles
    that write today's items as a time)."""
    month = G.MONTHS[d.month - 1]
    mon = month[:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    ap = "a.m." if hour < 12 else "p.m."
    umonth = G.URDU_MONTHS[d.month - 1]
    uday = F.URDU_DAYS[d.weekday()]
    hd, hm, hy = F4.hijri(d)
    styles = {
        "mcc": lambda: f"{month} {d.day:02d}, {d.year} {h12:02d}:{minute:02d} {ampm}",
        "mcc_upd": lambda: f"Updated {month} {d.day:02d}, {d.year} {h12:02d}:{minute:02d} {ampm}",
        "mcc_orig": lambda: (f"Originally published {month} {d.day:02d}, {d.year} "
                             f"{h12:02d}:{minute:02d} {ampm}"),
        "ct_side": lambda: (f"{h12}:{minute:02d} {ampm}" if d == scrape
                            else f"{mon} {d.day}"),
        "uk_num": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "nyt_wire": lambda: f"{month} {d.day}, {d.year}, {h12}:{minute:02d} {ap} ET",
        "us_full": lambda: f"{month} {d.day}, {d.year}",
        "np": lambda: f"Published {month} {d.day}, {d.year}, {h12}:{minute:02d} {ap} ET",
        "np_upd": lambda: f" | Updated {month} {d.day}, {d.year}, {h12}:{minute:02d} {ap} ET",
        "np_side": lambda: f"{month} {d.day}, {d.year} | {h12}:{minute:02d}{ampm[0].lower()}m",
        "wsj": lambda: f"Updated {month} {d.day}, {d.year} {h12}:{minute:02d} {ampm.lower()} ET",
        "kinja": lambda: f"{d.month}/{d.day:02d}/{d.year % 100:02d} {h12}:{minute:02d}{ampm}",
        "weekday": lambda: f"{d:%A}, {month} {d.day}",
        "badge": lambda: f"{d.day:02d} {mon.upper()} {d.year}",
        "us_abbr": lambda: f"{mon} {d.day}, {d.year}",
        "caps_full": lambda: f"{d.day} {month.upper()} {d.year}",
        "ur_plain": lambda: f"{d.day} {umonth} {d.year}",
        "ur_iso_label": lambda: f"تاریخ اشاعت: {d.isoformat()}",
        "iso": lambda: d.isoformat(),
        "ur_slash_time": lambda: f"{d.day:02d}/{d.month:02d}/{d.year} {hour:02d}:{minute:02d}",
        "ur_hamza_digits": lambda: f"{d.day} {umonth} {d.year}ء".translate(G.URDU_DIGITS),
        "ur_joomla": lambda: f"شائع شدہ: {uday}، {d.day} {umonth} {d.year} {hour:02d}:{minute:02d}",
        "ur_digits": lambda: f"{d.day} {umonth} {d.year}".translate(G.URDU_DIGITS),
        "ur_hijri_first": lambda: (f"{uday} {hd} {F4.HIJRI_MONTHS[hm - 1]} {hy}ھ — "
                                   f"{d.day} {umonth} {d.year}ء"),
        "en_abbr": lambda: f"{d.day} {mon} {d.year}",
    }
    return styles[style]()


def read_own(text):
    """The date an own-date text states (ISO, or ""), read apart from fdate: digits of any
    script to ASCII; ISO yyyy-mm-dd; a US m/dd/yy (the American sites' order); else
    fresh4.read_own (a month name with the day either side and a 4-digit year; a Hijri year
    does not start with 19 or 20, and a Hijri month is no Gregorian month name)."""
    t = text.translate(DIGITS_BACK)
    m = re.search(r"\b(\d{4})-(\d\d)-(\d\d)\b", t)
    if m:
        return m.group(0)
    m = re.search(r"\b(\d{1,2})/(\d\d)/(\d\d)\b", t)
    if m:
        return f"19{m.group(3)}-{int(m.group(1)):02d}-{m.group(2)}"
    return F4.read_own(t.replace("،", " "))


# ----------------------------------------------------------------------------- assembly

def scrape_days(base, n):
    days, d = [], base
    for i in range(n):
        days.append(d)
        d += datetime.timedelta(days=GAPS[i % len(GAPS)])
    return days


def trading_day(day):
    """The last weekday before day (the market widget's close)."""
    d = day - datetime.timedelta(days=1)
    while d.weekday() >= 5:
        d -= datetime.timedelta(days=1)
    return d


def site_pages(spec, pools, templates, rng):
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH8_SALT)
    ndays = 3 + h % 4
    days = scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    sidebars = G.rotating_sidebars(dict(spec, side=spec["side"] or "iso"), days, pools,
                                   FRESH8_SALT, lambda s, d, hr, mi: (s, d, hr, mi), 6, 19)
    if spec["tpl"]:
        head, tail = (F5.undated_lines(x) for x in templates[spec["tpl"]])
        keep, skip, tkeep = spec["trim"]
        head = head[:keep]
        tail = [ln for ln in tail[skip:skip + tkeep] if not ln.startswith("Tags:")]
    else:
        head, tail = G.urdu_template(spec, rng, URDU_NAV8, URDU_FOOT8, 8)
        tail = tail[:-1] + [f"© {head[0]} — جملہ حقوق محفوظ ہیں"]
    host = spec["tpl"] or spec["site"]
    if spec["layout"] in ("httrack", "top", "wsj") and not host.startswith("www."):
        host = "www." + host
    if spec["layout"] == "subdomain":
        host = "urdu." + host
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        wire = pools.reuters[-1] if spec["body"] in ("reuters", "mix") else None
        page = G.later_page(spec, k, day, host, pools, rng, (k * 7 + k // ndays) % 4)
        page.city = wire["dateline"].split(",")[0].strip() if wire and page.own else ""
        page.upd_text = page.upd_inline = page.print_line = page.kicker = ""
        page.where = spec["own"]
        if page.own:
            dress_own(page, spec, k)
        page.bylines = bylines(page, spec, k, h)
        if spec.get("tweet"):
            add_tweet(page, pools, day, k)
        if spec.get("paywall") and k % 2:
            page.paras = page.paras[:2]
        page.paywalled = bool(spec.get("paywall") and k % 2)
        page.head, page.tail = head, tail
        if spec.get("paywall") and not page.paywalled:
            page.tail = tail[2:]  # the template's own paywall lines ("To Read the Full Story")
        page.sidebar_label = spec["label"]
        style = spec["side"] or spec.get("group")
        page.sidebar = [(t, fdate(style, *args[1:], scrape=day) if style else "",
                         DAWN_DATELINE.sub("", te) if te else te, iso)
                        for t, args, te, iso in sidebars[day]]
        page.scrape_hour, page.scrape_minute = 8 + (k * 5) % 13, (k * 23 + h) % 60
        page.extra = extra_lines(page, spec, day, h)
        page.masthead = ""
        page.num = (14800000 + 7919 * k + h % 90000) if lang == "en" else getattr(page, "rid", k)
        page.url = url_of(page, spec, host)
        page.clip = clip_lines(page, day) if spec.get("clip") else []
        dates = {iso for *_, iso in page.sidebar if style}
        dates |= {iso for _ln, iso, _top in page.extra}
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def dress_own(page, spec, k):
    """The own date's text and what goes with it: the update line, the print line, the wire
    dateline."""
    d = page.date
    page.own_text = fdate(spec["ostyle"], d, page.hour, page.minute)
    if spec["own"] == "mcc" and k % 2 == 0:
        later = d + datetime.timedelta(days=1 + k % 3)
        page.upd_text = fdate("mcc_upd", later, 6 + k % 5, (page.minute + 29) % 60)
        page.own_text = fdate("mcc_orig", d, page.hour, page.minute)
        page.where = "after"
    elif spec["own"] == "mcc":
        page.where = "under"
    if spec.get("upd") and k % 2 == 0:  # a few hours later the same day
        later = min(page.hour * 60 + page.minute + 317, 23 * 60 + 59)
        page.upd_inline = fdate(spec["upd"], d, later // 60, later % 60)
    else:
        page.upd_inline = ""
    if spec.get("print") and k % 2 == 0:
        nxt = d + datetime.timedelta(days=1)
        page.print_line = (f"Appeared in the {G.MONTHS[nxt.month - 1]} {nxt.day}, {nxt.year}, "
                           f"print edition as '{page.headline}.'")
    if spec.get("dateline") and page.city:
        page.paras = ([f"{page.city.upper()}, {G.MONTHS[d.month - 1]} {d.day} (Reuters) - "
                       f"{page.paras[0]}"] + page.paras[1:])
    page.kicker = spec.get("kicker", "")


def bylines(page, spec, k, h):
    """The lines between the headline and the own date."""
    by = spec.get("byline")
    if by == "bbcur":
        return [f"مصنف, {AUTHORS[(k + h) % len(AUTHORS)]}",
                f"عہدہ, نامہ نگار، {PLACES[(k * 3 + h) % len(PLACES)]}"]
    if by == "author":
        return [AUTHORS[(k + h) % len(AUTHORS)]]
    if by and (page.own or spec["lang"] == "ur"):
        return list(by)
    return [] if spec["body"] != "mix" else (["BBC News"] if not page.own else list(by or []))


def add_tweet(page, pools, day, k):
    """An embedded post inside the story: a real headline as its text, dated 1-5 days before
    the scrape day (content, neither the page's date nor its chrome)."""
    when = day - datetime.timedelta(days=1 + k % 5)
    page.tweet = (pools.bbc_titles.pop(),
                  f"— {page.spec['tweet']} {G.MONTHS[when.month - 1]} {when.day}, {when.year}",
                  when)
    page.tweet_at = min(2, len(page.paras) - 1)


def extra_lines(page, spec, day, h):
    """The widgets that carry a day: [(line, ISO day, above the navigation?)]."""
    out = []
    for kind in spec.get("extra", ()):
        if kind == "fixtures":
            for n, comp in ((1, "Premier League"), (2, "MLS"), (4, "Nations League")):
                d = day + datetime.timedelta(days=n)
                out.append((f"{d:%a}, {d:%b} {d.day} · {(n * 5) % 12 + 1}:00 PM ET · {comp}",
                            d.isoformat(), False))
        elif kind == "market":
            d = trading_day(day)
            out.append((f"DJIA 38,{(h + day.day * 37) % 900 + 100}.{day.day:02d} "
                        f"{(h % 7) / 10 + 0.12:.2f}% · S&P 500 5,{(h + day.day) % 400 + 100}."
                        f"{day.month:02d} · Nasdaq 16,{(h * 3 + day.day) % 900 + 100}.44 · "
                        f"Data as of {d.month:02d}/{d.day:02d}/{d.year % 100} 4:00 PM EDT",
                        d.isoformat(), True))
        elif kind == "archive":
            out.append((f"آرکائیو — تاریخ منتخب کریں: {day.day:02d}/{day.month:02d}/{day.year}",
                        day.isoformat(), True))
        elif kind == "today_en":
            out.append((f"{day:%A}, {G.MONTHS[day.month - 1]} {day.day}, {day.year}",
                        day.isoformat(), True))
    return out


def clip_lines(page, day):
    """A web clipper's header: the page's address and when it was clipped (the scrape day)."""
    hr, mi = page.scrape_hour, page.scrape_minute
    stamp = (f"{day:%A}, {G.MONTHS[day.month - 1]} {day.day}, {day.year} at "
             f"{(hr % 12) or 12}:{mi:02d} {'AM' if hr < 12 else 'PM'}")
    page.extra = page.extra + [(f"Clipped: {stamp}", day.isoformat(), True)]
    return [f"Source: {page.url}", f"Clipped: {stamp}"]


def title_slug(headline):
    words = re.findall(r"[A-Za-z0-9]+", headline)[:9]
    return "-".join(w.capitalize() for w in words) or "Story"


def url_of(page, spec, host):
    d = page.date if page.own else datetime.date.fromisoformat(page.scrape_day)
    num, slug = page.num, page.slug
    layout = spec["layout"]
    if layout == "hearst":
        return f"https://{host}/news/article/{title_slug(page.headline)}-{num}.php"
    if layout == "nytwire":
        return (f"https://{host}/reuters/{d:%Y/%m/%d}/business/{d:%d}reuters-"
                f"{slug[:50].rstrip('-')}.html")
    if layout == "clip" and spec["lang"] == "en":
        return f"https://{host}/{d:%Y/%m/%d}/{slug}/"
    if layout == "wsj":
        return f"https://{host}/articles/{slug[:50].rstrip('-')}-{num * 7 + 11500000000}"
    if layout == "scrapy" and spec["lang"] == "en":
        return f"https://{host}/{slug[:50].rstrip('-')}-{num + 1839000000}"
    if layout == "bbcur":
        n = num * 104729 + 3_000_000_000
        digits = ""
        while n:
            n, r = divmod(n, 36)
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + digits
        return f"https://{host}/urdu/articles/c{digits}o"
    if layout == "joomla":
        cat = JOOMLA_CATS[num % len(JOOMLA_CATS)][0]
        return (f"https://{host}/index.php?option=com_content&view=article&id={num}"
                f"&catid={cat}")
    return {
        "crawlstamp": f"https://{host}/news/{slug}/",
        "sport": f"https://{host}/soccer/news/{slug}/",
        "httrack": (f"https://{host}/auto-news/{slug}" if spec["lang"] == "en"
                    else f"https://{host}/news/detail/{num}"),
        "top": f"https://{host}/{slug}",
        "ursection": f"https://{host}/تازہ-ترین/{num}",
        "clip": f"https://{host}/story/{num}",
        "city": f"https://{host}/sindh/karachi/{num}",
        "subdomain": f"https://{host}/latest/{num}",
        "scrapy": f"https://{host}/news/{num}",
        "blogid": f"https://{host}/blog/{num}/",
    }[layout]


def clip_name(page):
    """A clipper's file name: the page title, with the characters a file system refuses
    dropped."""
    name = re.sub(r'[\\/:*?"<>|]', "", page.headline).strip()[:80].strip(" .")
    return name or f"clip-{page.k}"


def page_path(page):
    spec = page.spec
    ext = "html" if spec["fmt"] == "html" else "txt"
    url = page.url.split("://", 1)[1].rstrip("/")
    layout = spec["layout"]
    if layout == "clip":
        return f"clippings/{clip_name(page)}.{ext}"
    if layout == "crawlstamp":
        stamp = f"{page.scrape_day.replace('-', '')}-{page.scrape_hour:02d}{page.scrape_minute:02d}"
        return f"crawl/{spec['site']}/{page.slug}__{stamp}.{ext}"
    if layout == "scrapy":
        return f"crawl-output/full/{hashlib.sha1(page.url.encode()).hexdigest()}.{ext}"
    if layout == "httrack":
        return f"httrack-mirror/{url}.{ext}"
    if layout == "joomla":
        return url.replace("?", "@") + f".{ext}"  # wget --restrict-file-names=windows -E
    if layout == "blogid":
        return f"{url}/index.{ext}"
    if layout == "nytwire":
        return url[:-len(".html")] + f".{ext}"
    if layout == "hearst":
        return f"{url}.{ext}"
    if layout == "sport":
        return f"{spec['site']}/soccer/news/{page.slug}.{ext}"
    return f"{url}.{ext}"


# ----------------------------------------------------------------------------- text pages

def side_lines(page):
    """The sidebar as lines: its label, then each item (headline, its date on the next line),
    or, for a grouped sidebar, a day heading before the first item of each day."""
    spec = page.spec
    out = [spec["label"]]
    last = None
    for t, dt, te, _iso in page.sidebar:
        if spec.get("group"):
            if dt != last:
                out.append(dt)
                last = dt
            out.append(t)
        else:
            out += [t] + ([dt] if dt else [])
        if te:
            out.append(te)
    return out


def chrome_blocks(page, extra_nav):
    """[nav, label, item..., tail] for the phrase choice (the widgets count as items, the
    clipper's header does not)."""
    items = [[t] + ([dt] if dt and not page.spec.get("group") else []) + ([te] if te else [])
             for t, dt, te, _ in page.sidebar]
    items += [[ln] for ln, _iso, _top in page.extra if not ln.startswith("Clipped:")]
    return [extra_nav + page.head, [page.spec["label"]]] + items + [page.tail]


def story_lines(page):
    """The story's lines as the page shows them: (lines above the headline, the header, the
    paragraphs and what follows them)."""
    above = [page.own_text] if page.own_text and page.where == "above" else []
    header = [page.headline] + page.bylines
    if page.upd_text:
        header.append(page.upd_text)
    if page.own_text and page.where in ("under", "header"):
        header.append(page.own_text + page.upd_inline)
    if page.kicker and page.own:
        header.append(page.kicker)
    paras = list(page.paras)
    if page.own_text and page.where == "after":
        paras.append(page.own_text)
    if page.print_line:
        paras.append(page.print_line)
    return above, header, paras


def text_page(page):
    spec = page.spec
    above, header, paras = story_lines(page)
    top = [ln for ln, _iso, t in page.extra if t and not ln.startswith("Clipped:")] + page.head
    side = side_lines(page) + [ln for ln, _iso, t in page.extra if not t]
    chunks = ["\n".join(page.clip)] if page.clip else []
    chunks += ["\n".join(top)] if top else []
    if spec["pos"] == "before":
        chunks.append("\n".join(side))
    chunks += ["\n".join(above + header)] + paras
    if spec["pos"] == "after":
        chunks.append("\n".join(side))
    chunks.append("\n".join(page.tail))
    return "\n\n".join(chunks) + "\n", chrome_blocks(page, [])


# ----------------------------------------------------------------------------- HTML pages

def sidebar_html(page):
    esc, spec = F.esc, page.spec
    rows, last = [], None
    for i, (t, dt, te, iso) in enumerate(page.sidebar):
        if spec.get("group"):
            if dt != last:
                rows.append(f'<li class="day-heading"><h4>{esc(dt)}</h4></li>')
                last = dt
            rows.append(f'<li class="river-item"><a href="/r/{i}">{esc(t)}</a></li>')
            continue
        date = f'<div class="meta-date">{esc(dt)}</div>' if dt else ""
        dek = f'<p class="excerpt">{esc(te)}</p>' if te else ""
        rows.append(f'<li class="post-item"><a href="/p/{i}">{esc(t)}</a>{date}{dek}</li>')
    extra = [f'<div class="widget-text">{esc(ln)}</div>' for ln, _iso, top in page.extra
             if not top]
    if spec["frame"] == "semantic":
        return ([f'<aside class="rail" aria-label="{esc(spec["label"])}">',
                 f'<h2 class="rail-title">{esc(spec["label"])}</h2>', "<ul>"] + rows
                + ["</ul>"] + extra + ["</aside>"])
    return (['<div class="sidebar-column">', f'<div class="module-title">{esc(spec["label"])}'
             "</div>", '<ul class="module-list">'] + rows + ["</ul>"] + extra + ["</div>"])


def header_html(page):
    """The article header's lines under the <h1>: bylines, the own date, the kicker."""
    esc, spec = F.esc, page.spec
    out = []
    if page.bylines:
        out.append('<div class="byline">' + " ".join(
            f'<span class="author">{esc(b)}</span>' for b in page.bylines) + "</div>")
    if page.own_text and page.where == "header":
        stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00"
        if spec.get("joomla"):
            cat = JOOMLA_CATS[page.num % len(JOOMLA_CATS)][1]
            hits = (page.num * 37) % 4000 + 120
            out += ['<dl class="article-info">', "<dt>تفصیلات</dt>",
                    f'<dd class="category-name">زمرہ: {esc(cat)}</dd>',
                    f'<dd class="published">{esc(page.own_text)}</dd>',
                    f'<dd class="hits">ملاحظات: {hits}</dd>', "</dl>"]
        else:
            inner = (f'<time datetime="{stamp}">{esc(page.own_text)}</time>' if spec.get("time")
                     else f'<span class="date">{esc(page.own_text)}</span>')
            read = (f' · <span class="reading-time">{4 + page.k % 5} منٹ میں پڑھیں</span>'
                    if spec.get("readtime") else "")
            out.append(f'<div class="post-meta">{inner}{read}</div>')
    if page.kicker and page.own:
        out.append(f'<div class="filed-to">{esc(page.kicker)}</div>')
    return out


def body_html(page):
    esc = F.esc
    out = []
    for i, p in enumerate(page.paras):
        out.append(f"<p>{esc(p)}</p>")
        if getattr(page, "tweet", None) and i == page.tweet_at - 1:
            text, who, _when = page.tweet
            signer, day = who.rsplit(" ", 3)[0], " ".join(who.rsplit(" ", 3)[1:])
            handle = who.split("@")[1].split(")")[0]
            status = page.num * 31 + 1540000000000000000
            out.append(f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{esc(text)}</p>'
                       f'{esc(signer)} <a href="https://twitter.com/{handle}/status/{status}">'
                       f"{esc(day)}</a></blockquote>")
    return out


def html_page(page):
    esc, spec = F.esc, page.spec
    lang, name = spec["lang"], spec["site"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>', "<head>", '<meta charset="utf-8">',
            f"<title>{esc(page.headline)} | {esc(name)}</title>",
            f'<link rel="canonical" href="{esc(page.url)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">', "</head>"]
    semantic = spec["frame"] == "semantic"
    site_h = "header" if semantic else "div"
    b = ["<body>"]
    b += [f'<div class="top-bar">{esc(ln)}</div>' for ln, _iso, top in page.extra if top]
    b += [f'<{site_h} class="site-header">', f'<a class="logo" href="/">{esc(name)}</a>']
    b += ['<nav class="primary-nav"><ul>'] + [f'<li><a href="/c/{i}">{esc(ln)}</a></li>'
                                              for i, ln in enumerate(page.head)]
    b += ["</ul></nav>", f"</{site_h}>", '<div class="page-wrap">']
    if spec["pos"] == "before":
        b += sidebar_html(page)
    art = "article" if semantic else "div"
    b += [f'<{art} class="post">']
    if page.own_text and page.where == "above":
        day, mon, year = page.own_text.split()
        b += ['<div class="date-badge">', f'<div class="badge-day">{day}</div>',
              f'<div class="badge-month">{mon}</div>', f'<div class="badge-year">{year}</div>',
              "</div>"]
    b += ['<div class="post-header">', f"<h1>{esc(page.headline)}</h1>"] + header_html(page)
    b += ["</div>", '<div class="post-body">'] + body_html(page) + ["</div>"]
    if page.paywalled:
        b += ['<div class="paywall">', "<p>Continue reading your article with a WSJ membership"
              "</p>", "</div>"]
    if page.print_line:
        b.append(f'<p class="print-edition">{esc(page.print_line)}</p>')
    b.append(f"</{art}>")
    if spec["pos"] == "after":
        b += sidebar_html(page)
    b.append("</div>")
    foot = "footer" if semantic else "div"
    b += [f'<{foot} class="site-footer">'] + [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b += [f"</{foot}>", "</body>", "</html>"]
    assert page.where in ("header", "above", "none"), page.where
    return "\n".join(head + b) + "\n", chrome_blocks(page, [name])


# ----------------------------------------------------------------------------- checks

def zone_of(page, raw):
    """(start, end) of the story in a page's flattened visible text: from its first header line
    (the headline, or the date above it) to its last line (paragraph, the publication line or
    the print-edition line after it)."""
    flat = F4.flat
    above, _header, paras = story_lines(page)
    first = flat((above or [page.headline])[0])
    start = raw.index(first)
    if page.spec["fmt"] == "html" and first == flat(page.headline):  # the <title> comes first
        start = raw.index(first, start + 1)
    last = flat(paras[-1])
    return start, raw.index(last, start) + len(last)


def own_problems(page, text, zone):
    """What is wrong with a page's own date as written (an empty list when nothing)."""
    flat, own, spec = F4.flat, page.own, page.spec
    if not own:
        found = [k for k in ("published_time", "datePublished", "<time", "article-info")
                 if k in text]
        return [f"undated page with {found}"] if found else []
    said = flat(page.own_text)
    if page.where == "above":
        said = flat(" ".join(page.own_text.split()))
    probs = []
    if read_own(page.own_text) != own:
        probs.append(f"own date text {said!r} reads {read_own(page.own_text)}")
    if zone.count(said) != 1:
        probs.append(f"own date text {said!r} not once in the story")
    head = zone.index(flat(page.headline))
    if page.where == "above" and not 0 < head - zone.index(said) - len(said) < 40:
        probs.append("own date not right above the headline")
    if page.where in ("under", "header"):
        gap = zone.index(said) - head - len(flat(page.headline))
        probs += [] if 0 <= gap < 90 else [f"own date {gap} characters after the headline"]
    if page.where == "after":
        if not zone.endswith(said):
            probs.append("own date not right after the last paragraph")
        if not page.upd_text or read_own(page.upd_text) <= own:
            probs.append("the update under the headline is not later than the publication")
    if page.upd_inline and read_own(page.upd_inline) != own:
        probs.append("the inline update is not of the same day")
    if page.print_line and (not zone.endswith(flat(page.print_line))
                            or read_own(page.print_line) <= own):
        probs.append("print-edition line not at the story's end or not after the own date")
    if spec.get("time") and f'datetime="{own}T' not in text:
        probs.append("no <time datetime> of the own date")
    if spec.get("dateline") and page.city:
        d = page.date
        if f", {G.MONTHS[d.month - 1]} {d.day} (Reuters)" not in zone:
            probs.append("no wire dateline of the own day")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The ninth set"); exits
    with the failures, else returns a summary line."""
    flat = F4.flat
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    content = f" {content} "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, zone)
        probs += F5.chrome_problems(page, lb, raw, zone, outside, content)
        for ln, iso, _top in page.extra:
            if flat(ln) not in outside or iso not in lb["chrome_dates"] + [page.own]:
                probs.append(f"widget line {ln!r} not in the chrome or not labelled")
        if (page.spec["side"] or page.spec.get("group")) and not lb["chrome_dates"]:
            probs.append("a dated sidebar without chrome dates")
        tweet = getattr(page, "tweet", None)
        if tweet and (flat(tweet[1]) not in zone or tweet[2].isoformat() == page.own):
            probs.append("the embedded post is not in the story, or is of the own day")
        if page.paywalled and len(page.paras) != 2:
            probs.append("a paywalled page shows other than two paragraphs")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh8", rendered, labels, bad)


def main(shared, out):
    G.generate_set("fresh8", SITES, SEED_FRESH8, FRESH8_SALT, site_pages,
                   lambda page: (html_page if page.spec["fmt"] == "html" else text_page)(page),
                   page_path, self_check, shared, out, nth=1)
