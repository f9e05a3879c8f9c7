"""The twentieth set of the chrome bench (`gen.py --set fresh19`, `SET=fresh19 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twentieth set" before
the set's held-out run. The design is described in README.md "The twentieth set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates; one site takes only its stories of three paragraphs) and BBC News 2225 (no dates); Urdu
bodies from the urdu-news-ha405 CSVs (Express, Samaa); lists of real headlines with dates in
this set's styles (fdate). Site names, section words, tool, archive and widget lines, job
notices, footers and all dates but the Reuters ones are the assembly's. Each generation checks
its labels against its pages (self_check) and stops on any mismatch. The assembly code is
fresh18's, with this set's sites, date styles, tool lines and widgets.
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

SEED_FRESH19 = 20270610
FRESH19_SALT = "khabar-chrome-fresh19"
# Urdu scrape days in Dhu al-Hijjah 1448 (1 Dhu al-Hijjah taken as 7 May 2027, see HIJRI_1)
EN_BASE, UR_BASE = datetime.date(2027, 6, 14), datetime.date(2027, 5, 10)
HIJRI_1 = datetime.date(2027, 5, 7)
URDU_NAV19 = ["سرورق", "ملک بھر سے", "عالمی خبریں", "سیاست", "تجارت", "کھیل", "ثقافت",
              "صحت", "تعلیم", "جرائم", "کالم", "تصاویر"]
URDU_FOOT19 = ["ادارتی ٹیم", "اشتہار دیں", "رابطہ", "شرائط و ضوابط",
               "جملہ حقوق بحق ناشر محفوظ ہیں"]
UR_WEEKDAYS = ["پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"]

# own: under (a line of the story's header) | none. meta: how HTML marks the own date
#   (time: <time datetime>, itemprop, None)
# body: reuters | bbc | mix (Reuters, every third BBC) | briefs (Reuters stories of three
#   paragraphs) | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# extras: email (a forwarded newsletter: the mail client's forward header above the page, with
#   the sending time, the scrape day), wayback (a web archive's capture: the toolbar with the
#   capture URL and the capture day above the menu), epaper (a "today's e-paper" link above the
#   menu with the scrape day), hijri (an Urdu top bar: weekday, the scrape day with ء and the
#   Hijri day), lastmod (a "last modified" footer: the scrape day, after the story), jobs (a job
#   notices widget after the story: closing dates 10, 14 and 20 days after the scrape day)
SITES = [
    dict(site="openwire-news.org", lang="en", fmt="txt", body="reuters", own="under",
         ostyle="en_wdfull", side=None, label="Latest stories", extras=("lastmod",), n=16),
    dict(site="highland-courant.co.uk", lang="en", fmt="txt", body="bbc", own="none",
         side=None, label="Also in today's briefing", extras=("email",), n=16),
    dict(site="cape-standard.co.za", lang="en", fmt="html", body="reuters", own="under",
         ostyle="en_iso", meta=None, side="en_short", label="More News",
         extras=("wayback",), n=16),
    dict(site="deccan-mirror.in", lang="en", fmt="html", body="mix", own="under",
         ostyle="en_ist", meta="time", side=None, label="Top Stories", extras=("epaper",),
         n=16),
    dict(site="islamabad-observer.com.pk", lang="en", fmt="html", body="reuters", own="under",
         ostyle="en_long", meta="time", side="en_short", label="Latest", extras=("jobs",),
         n=16),
    dict(site="wharfedale-post.co.uk", lang="en", fmt="txt", body="reuters", own="under",
         ostyle="en_ordinal", side="en_short", label="Latest News", extras=("wayback",),
         n=16),
    dict(site="pacific-ledger.com", lang="en", fmt="html", body="bbc", own="none",
         side="en_short", label="Most Popular", extras=("epaper",), n=16),
    dict(site="liffey-evening.ie", lang="en", fmt="txt", body="mix", own="under",
         ostyle="en_wdtime", side=None, label="In other news", extras=("email",), n=16),
    dict(site="great-lakes-business.com", lang="en", fmt="html", body="briefs", own="under",
         ostyle="en_iso", meta="itemprop", side=None, label="Business Briefs",
         extras=("lastmod",), n=16),
    dict(site="roznama-hilal.pk", lang="ur", fmt="txt", body="express", own="under",
         ostyle="ur_hamza", side=None, label="مزید خبریں", extras=("hijri",), n=16),
    dict(site="urdu.sukkur-times.pk", lang="ur", fmt="html", body="samaa", own="under",
         ostyle="ur_plain", meta="time", side="ur_plain", label="تازہ ترین", extras=("jobs",),
         n=16),
    dict(site="khabar-e-aam.pk", lang="ur", fmt="txt", body="samaa", own="none", side=None,
         label="آج کی خبریں", extras=("email",), n=16),
    dict(site="daily-shaheen.pk", lang="ur", fmt="html", body="express", own="under",
         ostyle="ur_timefirst", meta=None, side="ur_plain", label="اہم خبریں",
         extras=("wayback",), n=16),
    dict(site="pukar-news.pk", lang="ur", fmt="txt", body="express", own="under",
         ostyle="ur_weekday", side="ur_plain", label="مقبول خبریں", extras=("epaper",), n=16),
    dict(site="nawai-mardan.pk", lang="ur", fmt="html", body="samaa", own="none",
         side="ur_plain", label="تازہ ترین خبریں", extras=("hijri",), n=16),
    dict(site="roshni-akhbar.pk", lang="ur", fmt="txt", body="samaa", own="under",
         ostyle="ur_plain", side=None, label="دیگر خبریں", extras=("wayback",), n=16),
    dict(site="urdu.gwadar-post.pk", lang="ur", fmt="html", body="express", own="under",
         ostyle="ur_hamza", meta="itemprop", side=None, label="متعلقہ", extras=("lastmod",),
         n=16),
    dict(site="sada-e-watan.pk", lang="ur", fmt="html", body="express", own="none",
         side="ur_plain", label="مزید پڑھیں", extras=("jobs",), n=16),
]

for _s in SITES:  # the labels' "layout": every page as the outlet served it
    _s.setdefault("layout", "site")

EN_CHROME = {  # the assembly's header and footer of the English sites
    "openwire-news.org": (["OpenWire News", "Main Page", "Latest news", "Write an article",
                           "Recent changes", "Random article", "Help"],
                          ["Text is available under the Creative Commons Attribution License",
                           "Privacy policy", "About OpenWire News", "Disclaimers"]),
    "highland-courant.co.uk": (["Highland Courant", "News", "Crofting", "Business", "Sport",
                                "Gaelic", "Letters", "Notices"],
                               ["You are receiving this because you signed up to the Highland "
                                "Courant briefing", "Unsubscribe", "Manage preferences",
                                "© Highland Courant Ltd"]),
    "cape-standard.co.za": (["Cape Standard", "News", "Politics", "Business", "Africa",
                             "World", "Sport", "Lifestyle"],
                            ["Cape Standard subscribes to the Press Code of South Africa",
                             "PAIA manual", "Contact us", "© Cape Standard Media"]),
    "deccan-mirror.in": (["Deccan Mirror", "India", "Hyderabad", "Business", "World",
                          "Cricket", "Entertainment", "E-Paper"],
                         ["Deccan Mirror, a daily from the Deccan", "Grievance redressal",
                          "Advertise with us", "© Deccan Mirror Publications Pvt Ltd"]),
    "islamabad-observer.com.pk": (["Islamabad Observer", "Home", "National", "Business",
                                   "World", "Sports", "Careers", "Opinion"],
                                  ["Islamabad Observer, the capital's English daily",
                                   "Advertise", "Contact", "© Islamabad Observer"]),
    "wharfedale-post.co.uk": (["Wharfedale Post", "News", "Sport", "What's On", "Leisure",
                               "Property", "Motors", "Jobs"],
                              ["Wharfedale Post is a member of IPSO",
                               "Complaints", "© Wharfedale Post Group"]),
    "pacific-ledger.com": (["Pacific Ledger", "News", "Islands", "Business", "World",
                            "Climate", "Sport", "Today's Paper"],
                           ["Pacific Ledger, published in Suva", "Terms", "Contact",
                            "© Pacific Ledger Ltd"]),
    "liffey-evening.ie": (["Liffey Evening", "News", "Dublin", "Business", "World",
                           "GAA", "Opinion", "Property"],
                          ["Liffey Evening is a member of the Press Council of Ireland",
                           "Update your email settings", "© Liffey Evening Newspapers"]),
    "great-lakes-business.com": (["Great Lakes Business", "Briefs", "Manufacturing",
                                  "Energy", "Markets", "Trade", "Events"],
                                 ["Great Lakes Business, covering the region's economy",
                                  "Reprints", "Site map", "© Great Lakes Business Media"]),
}
AUTHORS = ["Morag Sinclair", "Thabo Nkosi", "Priya Raghavan", "Seán Brennan"]
UR_AUTHORS = ["نمائندہ", "نیوز ڈیسک", "بیورو رپورٹ", "اسٹاف رپورٹر"]
UR_WRITERS = ["کامران شاہ", "نازیہ بی بی", "عمران بلوچ", "رابعہ نقوی"]
CITIES = ["سکھر", "مردان", "گوادر", "حیدرآباد"]


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um, uwd = G.URDU_MONTHS[d.month - 1], UR_WEEKDAYS[d.weekday()]
    sfx = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return {
        "en_long": lambda: f"{month} {d.day}, {d.year}",
        "en_short": lambda: f"{mon} {d.day}, {d.year}",
        "en_wdfull": lambda: f"{d:%A}, {month} {d.day}, {d.year}",
        "en_wdtime": lambda: f"{d:%a} {d.day} {mon} {d.year} - {hour:02d}:{minute:02d}",
        "en_iso": lambda: f"{d.isoformat()} {hour:02d}:{minute:02d}",
        "en_ist": lambda: f"{mon} {d.day:02d} {d.year} | {h12:02d}:{minute:02d} {ampm} IST",
        "en_ordinal": lambda: f"{d.day}{sfx} {month} {d.year}",
        "en_gmail": lambda: f"{d:%a}, {mon} {d.day}, {d.year} at {h12}:{minute:02d} {ampm}",
        "en_capture": lambda: f"{d.day:02d} {mon} {d.year} {hour:02d}:{minute:02d}:00",
        "en_epaper": lambda: f"{d:%A}, {month} {d.day}, {d.year}",
        "en_lastmod": lambda: f"{d.day} {month} {d.year}, at {hour:02d}:{minute:02d}",
        "ur_plain": lambda: f"{d.day} {um} {d.year}",
        "ur_hamza": lambda: f"{d.day} {um} {d.year}ء",
        "ur_timefirst": lambda: f"{h12:02d}:{minute:02d} {ampm} | {d.day} {um} {d.year}",
        "ur_weekday": lambda: f"{uwd}، {d.day} {um} {d.year}",
        "ur_hijri": lambda: f"{uwd} {d.day} {um} {d.year}ء — {(d - HIJRI_1).days + 1} "
                            "ذوالحجہ 1448ھ",
    }[style]()


read_own = F16.read_own  # the day a date text states (ISO or ""), read apart from fdate


# ----------------------------------------------------------------------------- sources

def take_reuters(pools, pred):
    """The last Reuters story of the pool that pred accepts, taken out of the pool."""
    for i in range(len(pools.reuters) - 1, -1, -1):
        if pred(pools.reuters[i]):
            return pools.reuters.pop(i)
    raise SystemExit("fresh19: no Reuters story left")


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
    h = G.site_hash(spec["site"] + FRESH19_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH19_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 7, 11)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV19, URDU_FOOT19, 8)
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
        page.foot = foot_lines(page, day)        # [(line, ISO)]: the footer's dated line
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool if iso}
                 | {iso for _ln, iso, _p in page.after if iso} | {iso for _ln, iso in page.foot}
                 | ({page.upd[1]} if page.upd else set()))
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_url(page):
    spec, host, num, slug = page.spec, page.spec["site"], page.num, page.slug[:50].rstrip("-")
    site = spec["site"]
    if site == "openwire-news.org":
        return f"https://en.{host}/wiki/{wiki_title(page)}"
    if site == "deccan-mirror.in":
        return f"https://www.{host}/india/{slug}-{num}.html"
    if site == "wharfedale-post.co.uk":
        return f"https://www.{host}/news/{num}.{slug}/"
    if spec["lang"] == "en":
        return f"https://www.{host}/{slug}-{num}"
    return f"https://{host}/news/{num}"


def wiki_title(page):
    """A wiki page name: the headline with underscores for spaces."""
    return re.sub(r"[^A-Za-z0-9_,'-]", "", page.headline.replace(" ", "_"))[:80]


def capture_stamp(page):
    """The archive's 14-digit capture time: the scrape day and time."""
    return (f"{page.scrape_day.replace('-', '')}"
            f"{page.scrape_hour:02d}{page.scrape_minute:02d}{(page.k * 13) % 60:02d}")


def page_path(page):
    spec, site = page.spec, page.spec["site"]
    ex = spec.get("extras", ())
    if "email" in ex:  # a mail client's export of forwarded newsletters, one folder a site
        return f"mail-export/{site}/{page.scrape_day}_{page.num}.txt"
    if "wayback" in ex:  # saved from the web archive with its URL as the folder path
        url = page.url.split("://", 1)[1].rstrip("/")
        ext = "" if url.endswith(".html") else (".html" if spec["fmt"] == "html" else ".txt")
        return f"web.archive.org/web/{capture_stamp(page)}/{url}{ext}"
    if site == "openwire-news.org":
        return f"{site}/wiki/{wiki_title(page)}.txt"
    if site == "deccan-mirror.in":
        return f"{site}/india/{page.num}.html"
    if spec["fmt"] == "html":
        return f"{site}/news/{page.num}.html"
    return f"{site}/{page.scrape_day}/{page.num}.txt"


JOBS = ["Assistant Director, Federal Public Service Commission",
        "Lecturers (BS-17), Higher Education Department",
        "Data Entry Operators, National Highway Authority",
        "Staff Nurses, Pakistan Institute of Medical Sciences",
        "Junior Clerks, Capital Development Authority"]
UR_JOBS = ["اسسٹنٹ، محکمہ تعلیم سندھ", "لیکچرار، پبلک سروس کمیشن",
           "ڈیٹا انٹری آپریٹر، نادرا", "اسٹاف نرس، سول اسپتال",
           "جونیئر کلرک، ضلعی انتظامیہ"]


def tool_lines(page, day):
    """Lines above the menu: [(line, ISO or "")]."""
    spec, hr, mi = page.spec, page.scrape_hour, page.scrape_minute
    ex, out, en = spec.get("extras", ()), [], spec["lang"] == "en"
    name = page.head[0]
    if "email" in ex:  # the forward header of a mail client, then the newsletter
        out += [("---------- Forwarded message ---------", ""),
                (f"From: {name} <newsletter@{spec['site']}>", ""),
                (f"Date: {fdate('en_gmail', day, hr, mi)}", day.isoformat()),
                (f"Subject: {page.headline}", ""),
                ("To: <desk@newsroom-archive.org>", "")]
    if "wayback" in ex:
        url = f"https://web.archive.org/web/{capture_stamp(page)}/{page.url}"
        out += [(f"The Wayback Machine - {url}", ""),
                (f"{3 + (page.num % 40)} captures · "
                 f"{fdate('en_capture', day, hr, mi)}", day.isoformat())]
    if "epaper" in ex:
        if en:
            out.append((f"Today's E-Paper · {fdate('en_epaper', day)}", day.isoformat()))
        else:
            out.append((f"آج کا اخبار · {fdate('ur_weekday', day)}", day.isoformat()))
    if "hijri" in ex:
        out.append((fdate("ur_hijri", day), day.isoformat()))
    return out


def update_line(page):
    """No site of this set has an update line."""
    return None


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]: a job notices
    widget (heading, then three notices)."""
    spec, ex, out = page.spec, page.spec.get("extras", ()), []
    en = spec["lang"] == "en"
    if "jobs" in ex:
        out.append(("Jobs & Tenders" if en else "ملازمتیں", "", True))
        for i, gap in enumerate((10, 14, 20)):
            d = day + datetime.timedelta(days=gap)
            job = (JOBS if en else UR_JOBS)[(page.k + i) % 5]
            if en:
                out.append((f"{job} — Last date to apply: {fdate('en_long', d)}",
                            d.isoformat(), True))
            else:
                out.append((f"{job} — آخری تاریخ: {fdate('ur_plain', d)}", d.isoformat(), True))
    return out


def foot_lines(page, day):
    """A "last modified" line at the top of the footer: [(line, ISO)] (no phrase source)."""
    if "lastmod" not in page.spec.get("extras", ()):
        return []
    hr, mi = page.scrape_hour, (page.scrape_minute + 7) % 60
    if page.spec["lang"] == "en":
        if page.spec["fmt"] == "txt":
            return [(f"This page was last edited on {fdate('en_lastmod', day, hr, mi)}.",
                     day.isoformat())]
        return [(f"Page last updated: {fdate('en_iso', day, hr, mi)}", day.isoformat())]
    return [(f"آخری ترمیم: {fdate('ur_plain', day)}، {hr:02d}:{mi:02d}", day.isoformat())]


def notes(page):
    """No site of this set has undated notes."""
    return []


# ----------------------------------------------------------------------------- pages

def own_line(page):
    """The own date's line, with the words the site puts beside it."""
    site, t = page.spec["site"], page.own_text
    if site == "deccan-mirror.in":
        return f"Published: {t}"
    if site == "wharfedale-post.co.uk":
        return f"Published: {t}"
    if site == "roshni-akhbar.pk":
        return f"تاریخ اشاعت: {t}"
    if site == "pukar-news.pk":
        return f"{page.author} — {t}"
    return t


def header_lines(page):
    """The lines between the headline and the first paragraph."""
    spec, lang = page.spec, page.spec["lang"]
    own = [own_line(page)] if page.own and spec["own"] == "under" else []
    if spec["site"] == "openwire-news.org":  # the wiki's date line, no byline
        return own
    if spec["site"] == "pukar-news.pk":
        return own or [page.author]
    if lang == "en":
        if spec["body"] != "bbc" and page.own:  # Reuters stories
            if spec["site"] == "great-lakes-business.com":
                return ["Reuters"] + own
            return ["By Reuters"] + own
        return [f"By {page.author}"] + own
    return [UR_AUTHORS[page.k % 4]] + own


def phrase_blocks(page):
    """The chrome as blocks for gen.choose_phrases: [nav, label, item..., tail]; the tool lines
    that carry the story's headline or URL are no source."""
    nav = [ln for ln, _ in page.tool if page.headline not in ln and "://" not in ln] + page.head
    items = [[t] + ([te] if te else []) + ([dt] if dt else []) for t, dt, te, _ in page.sidebar]
    foot = [ln for ln, _iso, src in page.after if src] + [ln for ln, src in page.notes if src]
    return [nav, [page.sidebar_label] if page.sidebar_label else []] + items + [foot + page.tail]


def text_page(page):
    story = "\n".join([page.headline] + header_lines(page))
    chunks = ["\n".join(ln for ln, _ in page.tool), "\n".join(page.head), story]
    chunks += list(page.paras)
    chunks += [ln for ln, _iso, _s in page.after] + [ln for ln, _s in page.notes]
    if page.sidebar_label:
        chunks.append("\n\n".join([page.sidebar_label] + [
            "\n".join([t] + ([te] if te else []) + ([dt] if dt else []))
            for t, dt, te, _ in page.sidebar]))
    chunks.append("\n".join([ln for ln, _iso in page.foot] + page.tail))
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
    if "wayback" in spec["extras"]:  # the archive's toolbar, inserted at the top of the body
        b = ['<div id="wm-ipp-base"><div id="wm-ipp">']
        b += [f'<div class="wm-line">{esc(ln)}</div>' for ln, _iso in page.tool]
        b += ["</div></div>"]
    else:
        b = [f'<div class="top-bar">{esc(ln)}</div>' for ln, _iso in page.tool]
    b += ['<header class="site-header"><nav><ul>']
    b += [f'<li><a href="/section/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<main class="content">']
    b += story_html(page)
    jobs = [ln for ln, _iso, _src in page.after]
    if jobs:  # the job notices widget: its heading, then the notices
        b += ['<aside class="jobs-widget">', f"<h3>{esc(jobs[0])}</h3>", "<ul>"]
        b += [f"<li>{esc(ln)}</li>" for ln in jobs[1:]] + ["</ul>", "</aside>"]
    b += list_html(page)
    b += ["</main>", '<footer class="site-footer">']
    b += [f'<p class="last-modified">{esc(ln)}</p>' for ln, _iso in page.foot]
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
    """The labels against the pages, without khabar (see README.md "The twentieth set");
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
        dated = ([(ln, iso) for ln, iso in page.tool] + [(ln, iso) for ln, iso, _ in page.after]
                 + [(ln, iso) for ln, iso in page.foot])
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
        if "hijri" in page.spec["extras"] and not re.search(
                r"\d+ ذوالحجہ 1448ھ", page.tool[-1][0]):
            probs.append("the top bar without its Hijri day")
        for ln, _iso in page.tool:  # the capture stamp and the forward header's lines
            toks = f" {' '.join(G.M.tokenize(ln))} "
            if ("://" in ln or page.headline in ln) and any(
                    f" {x} " in toks for x in lb["chrome_phrases"]):
                probs.append(f"a phrase from the tool line {ln!r}")
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
    return G.set_wide_checks("fresh19", rendered, labels, bad)


def main(shared, out):
    SEEN.clear()
    G.generate_set("fresh19", SITES, SEED_FRESH19, FRESH19_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
