"""The twenty-second set of the chrome bench (`gen.py --set fresh21`, `SET=fresh21 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twenty-second set" before
the set's held-out run. The design is described in README.md "The twenty-second set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates; one site takes only its stories of three paragraphs) and BBC News 2225 (no dates); Urdu
bodies from the urdu-news-ha405 CSVs (Express, Samaa); lists of real headlines with dates in
this set's styles (fdate). Site names, section words, response headers, mirror comments,
notices, fuel and prize-bond widgets, countdowns, advertisements, footers and all dates but the
Reuters ones are the assembly's. Each generation checks its labels against its pages
(self_check) and stops on any mismatch.

The assembly code is fresh20's, imported, not copied: main() binds this set's sites, salt, date
styles, chrome and line makers into fresh20's module (bind) and runs its site_pages, text_page,
header_lines and self_check with them; this module adds the date styles, the widgets, the saved
HTTP response header and the mirror comment (a date no visible line shows), the HTML page and
the checks of what is new.
"""
import datetime

import fresh as F
import fresh12 as F12
import fresh16 as F16
import fresh20 as F20
import gen as G

SEED_FRESH21 = 20270809
FRESH21_SALT = "khabar-chrome-fresh21"
EN_BASE, UR_BASE = datetime.date(2027, 8, 9), datetime.date(2027, 7, 12)
URDU_NAV21 = ["ہوم", "پاکستان", "دنیا", "شہر شہر", "معیشت", "کھیل", "فن و ثقافت",
              "صحت", "تعلیم", "کالم", "تصاویر"]
URDU_FOOT21 = ["ادارہ", "اشتہارات کے لیے رابطہ", "رازداری کی پالیسی", "جملہ حقوق محفوظ ہیں"]
EASTERN = F20.EASTERN
UR_WEEKDAYS = F20.UR_WEEKDAYS

# own: under (a line of the story's header) | none. meta: how HTML marks the own date
#   (time: <time datetime>, itemprop, None)
# body: reuters | bbc | mix (Reuters, every third BBC) | briefs (Reuters stories of three
#   paragraphs) | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# layout: site (as the outlet served it) | wget (saved by wget --save-headers: the HTTP response
#   header above the document) | httrack (an HTTrack mirror: its "Mirrored from" comment with
#   the mirroring time after <html>)
# extras: countdown (a polling-day countdown strip above the menu: a fixed day after every scrape
#   day), petrol (a fuel-price strip above the menu: the day the fortnightly prices took effect,
#   the 1st or 16th), tender (a public-notices box after the story: a closing day 4-9 days after
#   the scrape day), prizebond (a prize-bond draw box after the story: the last draw, the 15th),
#   sponsored (an undated box of advertisements after the story)
SITES = [
    dict(site="lusaka-observer.co.zm", lang="en", fmt="html", layout="wget", body="reuters",
         own="under", ostyle="en_dmon_dash", meta="time", side="en_wd_dmy",
         label="Latest News", extras=(), n=16),
    dict(site="kampala-sentinel.co.ug", lang="en", fmt="html", layout="httrack", body="bbc",
         own="none", side="en_dmon_dash", label="More Stories", extras=("sponsored",), n=16),
    dict(site="kingston-record.com.jm", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_ordinal", side=None, label="Most Read", extras=("tender",),
         n=16),
    dict(site="suva-daily.com.fj", lang="en", fmt="txt", layout="site", body="bbc", own="none",
         side="en_ordinal", label="Latest", extras=("countdown",), n=16),
    dict(site="windhoek-echo.com.na", lang="en", fmt="html", layout="wget", body="mix",
         own="under", ostyle="en_iso_time", meta="itemprop", side=None, label="Related",
         extras=("tender",), n=16),
    dict(site="valletta-post.com.mt", lang="en", fmt="html", layout="httrack", body="reuters",
         own="under", ostyle="en_wd_dmy", meta=None, side="en_short", label="Trending Now",
         extras=("sponsored",), n=16),
    dict(site="kathmandu-tribune.com.np", lang="en", fmt="txt", layout="site", body="briefs",
         own="under", ostyle="en_caps_short", side=None, label="Business Briefs",
         extras=("countdown",), n=16),
    dict(site="harare-mirror.co.zw", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_mdy_nocomma", side="en_dmon_dash", label="Zimbabwe News",
         extras=("sponsored",), n=16),
    dict(site="georgetown-chronicle.gy", lang="en", fmt="html", layout="wget", body="bbc",
         own="none", side=None, label="Editor's Choice", extras=("tender",), n=16),
    dict(site="roznama-bisaat.pk", lang="ur", fmt="html", layout="wget", body="express",
         own="under", ostyle="ur_wd_first", meta="time", side="ur_plain",
         label="تازہ ترین خبریں", extras=("petrol",), n=16),
    dict(site="urdu.malakand-times.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="none", side="ur_plain", label="مزید پڑھیے", extras=("prizebond",), n=16),
    dict(site="akhbar-e-watan.pk", lang="ur", fmt="html", layout="httrack", body="express",
         own="under", ostyle="ur_dash", meta="itemprop", side=None, label="اہم ترین",
         extras=("tender",), n=16),
    dict(site="roznama-paigham-e-haq.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_comma", side="ur_comma", label="دیگر اہم خبریں",
         extras=("petrol",), n=16),
    dict(site="sahafat-online.pk", lang="ur", fmt="html", layout="httrack", body="samaa",
         own="none", side="ur_plain", label="متعلقہ", extras=("sponsored",), n=16),
    dict(site="urdu.hazara-post.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="under", ostyle="ur_iso", side=None, label="خبریں ایک نظر میں",
         extras=("tender",), n=16),
    dict(site="daily-muqaddama.pk", lang="ur", fmt="html", layout="wget", body="express",
         own="under", ostyle="ur_plain", meta=None, side="ur_wd_first", label="آج کی خبریں",
         extras=("prizebond",), n=16),
    dict(site="daily-thar-awaz.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="none", side="ur_eastern", label="سندھ بھر سے", extras=("countdown",), n=16),
    dict(site="urdu.lasbela-news.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="under", ostyle="ur_plain", meta="time", side="ur_plain", label="مزید خبریں",
         extras=("sponsored", "petrol"), n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites
    "lusaka-observer.co.zm": (["Lusaka Observer", "Home", "National", "Business", "Mining",
                               "World", "Sport", "Columns"],
                              ["The Lusaka Observer is an independent newspaper",
                               "Advertise with us", "Contact", "© Lusaka Observer"]),
    "kampala-sentinel.co.ug": (["Kampala Sentinel", "News", "Uganda", "East Africa",
                                "Business", "Sports", "Entertainment", "Opinion"],
                               ["Kampala Sentinel, news from the Pearl of Africa",
                                "Terms of use", "Privacy", "© Kampala Sentinel Ltd"]),
    "kingston-record.com.jm": (["Kingston Record", "Lead Stories", "News", "Business",
                                "Sport", "Entertainment", "Letters"],
                               ["The Kingston Record is published in Kingston, Jamaica",
                                "Subscribe", "© Kingston Record Company"]),
    "suva-daily.com.fj": (["Suva Daily", "Local", "Pacific", "World", "Business", "Rugby",
                           "Opinion"],
                          ["Suva Daily, Fiji's morning paper", "Contact the newsroom",
                           "© Suva Daily Pte Ltd"]),
    "windhoek-echo.com.na": (["Windhoek Echo", "Namibia", "Regions", "Business", "Africa",
                              "Sport", "Lifestyle"],
                             ["Windhoek Echo, independent journalism from Namibia",
                              "Advertising", "Careers", "© Windhoek Echo Media"]),
    "valletta-post.com.mt": (["Valletta Post", "Local", "Europe", "World", "Business",
                              "Sport", "Comment"],
                             ["The Valletta Post is a member of the Institute of Maltese "
                              "Journalists", "Privacy", "© Valletta Post Publishing"]),
    "kathmandu-tribune.com.np": (["Kathmandu Tribune", "National", "Money", "World",
                                  "Sports", "Valley", "Opinion"],
                                 ["Kathmandu Tribune, English daily of the Valley",
                                  "Advertise", "© Kathmandu Tribune Publications"]),
    "harare-mirror.co.zw": (["Harare Mirror", "Local News", "Business", "Africa", "World",
                             "Sport", "Opinion"],
                            ["The Harare Mirror is registered with the Zimbabwe Media "
                             "Commission", "Contact us", "© Harare Mirror Group"]),
    "georgetown-chronicle.gy": (["Georgetown Chronicle", "News", "Regions", "Business",
                                 "Caribbean", "Cricket", "Features"],
                                ["Georgetown Chronicle, Guyana's independent voice",
                                 "Letters to the editor", "© Georgetown Chronicle Inc"]),
}
AUTHORS = ["Mwila Banda", "Okello Joseph", "Sanjay Thapa", "Rosalind Camilleri"]
UR_AUTHORS = ["نامہ نگار", "ویب ڈیسک", "مانیٹرنگ ڈیسک", "نیوز ڈیسک"]
UR_WRITERS = ["عمران یوسفزئی", "نادیہ قریشی", "شاہد بلوچ", "رخسانہ میمن"]
POLLING = {"en": datetime.date(2027, 10, 20), "ur": datetime.date(2027, 10, 14)}
EN_ADS = ["Surgeon Reveals: The Simple Morning Habit That Changed Everything",
          "Here's What New Dental Implants Should Cost You Now",
          "Retirees Are Snapping Up These Compact Electric Cars",
          "The Most Beautiful Villages You Have Never Heard Of",
          "Forget Expensive Hearing Aids, Try This Instead",
          "Homeowners Are Switching To This Cheap Solar Panel Deal"]
UR_ADS = ["گھر بیٹھے آن لائن کمائی کا آسان طریقہ جانیے",
          "صرف ایک ہفتے میں وزن کم کرنے کا راز",
          "نئی موٹر سائیکل آسان اقساط پر حاصل کریں",
          "شہر کے قریب رہائشی پلاٹ، قبضہ فوری",
          "انگریزی بولنا سیکھیں صرف تیس دن میں"]
EN_TENDERS = ["Supply and delivery of office furniture", "Rehabilitation of the district "
              "water scheme", "Provision of security services", "Supply of laboratory "
              "reagents", "Construction of a community hall", "Printing of examination papers"]
UR_TENDERS = ["دفتری فرنیچر کی فراہمی", "واٹر سپلائی اسکیم کی مرمت", "سیکیورٹی خدمات کی فراہمی",
              "لیبارٹری کے سامان کی خریداری", "کمیونٹی ہال کی تعمیر", "سڑک کی استر کاری"]


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles; the other styles are fresh20's."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    um, uwd = G.URDU_MONTHS[d.month - 1], UR_WEEKDAYS[d.weekday()]
    suffix = "th" if 10 <= d.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10,
                                                                                   "th")
    own = {
        "en_dmon_dash": lambda: f"{d.day:02d}-{mon}-{d.year}",
        "en_ordinal": lambda: f"{month} {d.day}{suffix}, {d.year}",
        "en_iso_time": lambda: f"{d.isoformat()} {hour:02d}:{minute:02d}",
        "en_wd_dmy": lambda: f"{d:%A} {d.day} {month} {d.year}",
        "en_caps_short": lambda: f"{d.day:02d} {mon.upper()} {d.year}",
        "en_mdy_nocomma": lambda: f"{mon} {d.day} {d.year} {hour:02d}:{minute:02d}",
        "en_http": lambda: f"{d:%a}, {d.day:02d} {mon} {d.year} {hour:02d}:{minute:02d}:"
                           f"{(minute * 7) % 60:02d} GMT",
        "ur_wd_first": lambda: f"{uwd} {d.day} {um} {d.year}",
        "ur_dash": lambda: f"{d.day:02d}-{d.month:02d}-{d.year}",
        "ur_comma": lambda: f"{d.day} {um}، {d.year}",
        "ur_iso": lambda: d.isoformat(),
    }.get(style)
    return own() if own else FDATE20(style, d, hour, minute)


FDATE20 = F20.fdate  # fresh20's styles, kept before bind() replaces its fdate
read_own = F16.read_own  # the day a date text states (ISO or ""), read apart from fdate


# ----------------------------------------------------------------------------- assembly

def bind():
    """Point fresh20's assembly at this set: its site_pages, text_page, header_lines and
    self_check then build and check this set's pages."""
    for name, value in dict(
            FRESH20_SALT=FRESH21_SALT, EN_BASE=EN_BASE, UR_BASE=UR_BASE, URDU_NAV20=URDU_NAV21,
            URDU_FOOT20=URDU_FOOT21, EN_CHROME=EN_CHROME, AUTHORS=AUTHORS,
            UR_AUTHORS=UR_AUTHORS, UR_WRITERS=UR_WRITERS, fdate=fdate, page_url=page_url,
            tool_lines=tool_lines, update_line=update_line, after_lines=after_lines,
            notes=notes, foot_lines=foot_lines, own_line=own_line,
            phrase_blocks=phrase_blocks).items():
        setattr(F20, name, value)


def site_pages(spec, pools, templates, rng):
    """fresh20's pages of a site; a mirrored page also gets its mirror comment (hidden: the
    mirroring time, a chrome date that no visible line shows)."""
    pages = F20.site_pages(spec, pools, templates, rng)
    for page in pages:
        page.hidden = []
        if spec["layout"] == "httrack":
            day = datetime.date.fromisoformat(page.scrape_day)
            stamp = fdate("en_http", day, page.scrape_hour, page.scrape_minute)
            where = page.url.split("://", 1)[1]
            page.hidden = [(f"Mirrored from {where} by HTTrack Website Copier/3.x "
                            f"[XR&CO'2014], {stamp}", page.scrape_day)]
            page.chrome_dates = sorted(set(page.chrome_dates) | {page.scrape_day}
                                       - {page.own})
    return pages


def page_url(page):
    host, num, slug = page.spec["site"], page.num, page.slug[:50].rstrip("-")
    if page.spec["lang"] == "en":
        return f"https://www.{host}/news/{num}/{slug}"
    return f"https://{host}/news/{num}"


def page_path(page):
    spec, site = page.spec, page.spec["site"]
    if spec["layout"] == "wget":  # wget -x: a folder per host, the URL's path below it
        return f"wget-saved/{site}/news/{page.num}.html"
    if spec["layout"] == "httrack":  # HTTrack: a project folder, then the host's folder
        host = page.url.split("://", 1)[1].split("/", 1)[0]
        return f"httrack/{site.split('.')[0]}/{host}/news/{page.num}.html"
    if spec["fmt"] == "html":
        return f"{site}/articles/{page.num}.html"
    if spec["lang"] == "en":
        return f"text-dumps/{page.scrape_day}/{site}_{page.num}.txt"
    return f"{site}/{page.num}-{page.scrape_day.replace('-', '')}.txt"


def http_lines(page, day):
    """wget --save-headers: the response's status line and headers, [(line, ISO or "")]: the
    Date header (the scrape time) and a cookie that expires a year after it."""
    hr, mi, host = page.scrape_hour, page.scrape_minute, page.spec["site"]
    later = day + datetime.timedelta(days=365)
    return [("HTTP/1.1 200 OK", ""), ("Server: nginx", ""),
            (f"Date: {fdate('en_http', day, hr, mi)}", day.isoformat()),
            ("Content-Type: text/html; charset=UTF-8", ""), ("Connection: keep-alive", ""),
            (f"Set-Cookie: visitor_id={page.num * 7919 % 16 ** 8:08x}; "
             f"expires={fdate('en_http', later, hr, mi)}; path=/; domain=.{host}",
             later.isoformat()),
            ("Cache-Control: max-age=300, public", "")]


def last_on(day, dom):
    """The last day of month `dom` on or before day."""
    d = day
    while d.day != dom:
        d -= datetime.timedelta(days=1)
    return d


def tool_lines(page, day):
    """Lines above the menu: [(line, ISO or "")]."""
    spec, ex, out = page.spec, page.spec.get("extras", ()), []
    en = spec["lang"] == "en"
    if spec["layout"] == "wget":
        out += http_lines(page, day)
    if "countdown" in ex:
        poll = POLLING[spec["lang"]]
        left = (poll - day).days
        if en:
            out.append((f"General election countdown: {left} days to polling day, "
                        f"{fdate('en_wd_dmy', poll)}", poll.isoformat()))
        else:
            out.append((f"عام انتخابات: {fdate('ur_plain', poll)} — {left} دن باقی",
                        poll.isoformat()))
    if "petrol" in ex:
        eff = max(last_on(day, 1), last_on(day, 16))
        wob = 1 + ((eff.day % 2) * 3.5) / 100
        out.append((f"پیٹرولیم مصنوعات کی نئی قیمتیں ({fdate('ur_plain', eff)} سے نافذ): "
                    f"پیٹرول {262.4 * wob:.2f} روپے فی لیٹر، ہائی اسپیڈ ڈیزل "
                    f"{271.9 * wob:.2f} روپے فی لیٹر", eff.isoformat()))
    return out


def update_line(page):
    """No site of this set has an update line."""
    return None


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO or "", a source of chrome phrases?)]: a box's
    heading, then its dated line."""
    spec, ex, out, k = page.spec, page.spec.get("extras", ()), [], page.k
    en = spec["lang"] == "en"
    if "tender" in ex:
        close = day + datetime.timedelta(days=4 + k % 6)
        ref = 140 + 3 * k
        if en:
            out.append(("Public Notices", "", True))
            out.append((f"Invitation to bid No. PN/{ref}: {EN_TENDERS[k % 6]}. Closing date: "
                         f"{close.day} {G.MONTHS[close.month - 1]} {close.year}, 10:00 hours",
                         close.isoformat(), True))
        else:
            out.append(("سرکاری اشتہارات و ٹینڈر نوٹس", "", True))
            out.append((f"ٹینڈر نوٹس نمبر {ref}: {UR_TENDERS[k % 6]}۔ بولی جمع کرانے کی آخری "
                         f"تاریخ: {fdate('ur_plain', close)}، دن 11 بجے",
                         close.isoformat(), True))
    if "prizebond" in ex:
        draw = last_on(day, 15)
        out.append(("پرائز بانڈ قرعہ اندازی کے نتائج", "", True))
        out.append((f"750 روپے کا بانڈ — قرعہ اندازی {fdate('ur_plain', draw)}، راولپنڈی: "
                    f"پہلا انعام 15,00,000 روپے، نمبر {(page.num * 31) % 900000 + 100000}",
                    draw.isoformat(), True))
    return out


def notes(page):
    """Undated lines after the story: [(line, a source of chrome phrases?)]: the advertisers'
    box, its heading, two or three advertisements and its marker."""
    spec, k = page.spec, page.k
    if "sponsored" not in spec.get("extras", ()):
        return []
    if spec["lang"] == "en":
        ads = [EN_ADS[(k + i) % len(EN_ADS)] for i in range(2 + k % 2)]
        return [("You May Like", True)] + [(a, True) for a in ads] + [
            ("Sponsored Links by Taboola", True)]
    ads = [UR_ADS[(k + i) % len(UR_ADS)] for i in range(2 + k % 2)]
    return [("آپ کی دلچسپی کے لیے", True)] + [(a, True) for a in ads] + [("اشتہار", True)]


def foot_lines(page, day):
    """No site of this set has a dated footer line."""
    return []


def own_line(page):
    """The own date's line, with the words the site puts beside it."""
    site, t = page.spec["site"], page.own_text
    if site == "lusaka-observer.co.zm":
        return f"Published: {t}"
    if site == "kingston-record.com.jm":
        return f"Published: {t}"
    if site == "windhoek-echo.com.na":
        return f"Posted {t}"
    if site == "harare-mirror.co.zw":
        return f"{t} CAT"
    if site == "roznama-bisaat.pk":
        return f"اشاعت: {t}"
    if site == "urdu.hazara-post.pk":
        return f"تاریخ: {t}"
    if site == "daily-muqaddama.pk":
        return f"اپ لوڈ: {t}"
    if site == "urdu.lasbela-news.pk":
        return f"تاریخ اشاعت: {t}"
    return t


def phrase_blocks(page):
    """fresh20's chrome blocks, without the HTTP response lines (no chrome phrase comes from
    them)."""
    http = {ln for ln, _ in http_lines(page, datetime.date.fromisoformat(page.scrape_day))} \
        if page.spec["layout"] == "wget" else set()
    tool = page.tool
    page.tool = [(ln, iso) for ln, iso in tool if ln not in http]
    try:
        return PHRASE_BLOCKS20(page)
    finally:
        page.tool = tool


PHRASE_BLOCKS20 = F20.phrase_blocks  # fresh20's own, before bind() replaces it


# ----------------------------------------------------------------------------- pages

def html_page(page):
    esc, spec = F.esc, page.spec
    http = [ln for ln, _ in http_lines(page, datetime.date.fromisoformat(page.scrape_day))] \
        if spec["layout"] == "wget" else []
    strip = [ln for ln, _iso in page.tool if ln not in http]
    b = [f'<div class="top-strip">{esc(ln)}</div>' for ln in strip]
    b += ['<header class="site-header"><nav><ul>']
    b += [f'<li><a href="/section/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<main class="content">']
    b += F20.story_html(page)
    box = [ln for ln, _iso, _src in page.after]
    if box:  # the notices or prize-bond box: its heading, then its lines
        b += ['<aside class="notices">', f"<h3>{esc(box[0])}</h3>", "<ul>"]
        b += [f"<li>{esc(ln)}</li>" for ln in box[1:]] + ["</ul>", "</aside>"]
    ads = [ln for ln, _src in page.notes]
    if ads:  # the advertisers' box: heading, advertisements, marker
        b += ['<div class="sponsored-widget">', f"<h4>{esc(ads[0])}</h4>"]
        b += [f'<a class="ad-item" href="#ad{i}">{esc(a)}</a>' for i, a in enumerate(ads[1:-1])]
        b += [f'<span class="branding">{esc(ads[-1])}</span>', "</div>"]
    b += F20.list_html(page)
    b += ["</main>", '<footer class="site-footer">']
    b += [f"<p>{esc(x)}</p>" for x in page.tail] + ["</footer>"]
    name = page.head[0]
    title = f"{page.headline} - {name}" if spec["lang"] == "en" else f"{page.headline} | {name}"
    doc = F12.html_doc(page, title, b)
    if page.hidden:  # HTTrack's comments: after <html>, and around its charset meta
        first, rest = doc.split("\n", 2)[:2], doc.split("\n", 2)[2]
        doc = "\n".join(first + [f"<!-- {page.hidden[0][0]} -->"]) + "\n" + rest.replace(
            '<meta charset="utf-8">', '<!-- Added by HTTrack --><meta http-equiv="content-type" '
            'content="text/html;charset=utf-8" /><!-- /Added by HTTrack -->', 1)
    if http:  # wget --save-headers: the response header, a blank line, the document
        doc = "\r\n".join(http) + "\r\n\r\n" + doc
    return doc, phrase_blocks(page)


def render(page):
    return (html_page if page.spec["fmt"] == "html" else F20.text_page)(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh20's self-check (see README.md "The twenty-second set"), given each label without
    the mirror comment's day when no visible line holds it; then this set's checks: the mirror
    comment is once in the page, invisible and reads as its day, among the chrome dates unless
    it is the own date; a saved response header opens the file, before the document; the
    countdown and notice days fall after the scrape day, the fuel and draw days before it.
    Exits with the failures, else returns a summary line."""
    by_path = {lb["path"]: lb for lb in labels}
    bad = []
    shown = []
    for page, path, text, _chrome in rendered:
        lb = by_path["pages/" + path]
        visible = ({iso for *_, iso in page.sidebar if iso} | {iso for _l, iso in page.tool if iso}
                   | {iso for _l, iso, _s in page.after if iso})
        hid = {iso for _l, iso in page.hidden} - visible
        shown.append(dict(lb, chrome_dates=[d for d in lb["chrome_dates"] if d not in hid]))
        probs = []
        for ln, iso in page.hidden:
            if text.count(f"<!-- {ln} -->") != 1 or read_own(ln) != iso:
                probs.append(f"mirror comment {ln!r} not once in the page or misread")
            vis = " ".join(G.visible_text(text).split())
            if F20.F4.flat(ln) in vis:
                probs.append("the mirror comment is visible")
            if iso != page.own and iso not in lb["chrome_dates"]:
                probs.append("the mirror day is not among the chrome dates")
        if page.spec["layout"] == "wget" and not (
                text.startswith("HTTP/1.1 200 OK\r\n")
                and text.index("\r\n\r\n<!DOCTYPE html>") < text.index("<html")):
            probs.append("no response header before the document")
        day = datetime.date.fromisoformat(page.scrape_day)
        for ln, iso in [(ln, iso) for ln, iso in page.tool] + [(ln, iso) for ln, iso, _ in
                                                                page.after]:
            if not iso or ln.startswith(("HTTP", "Date:", "Set-Cookie:")):
                continue
            after = iso > day.isoformat()
            future = ("countdown" in ln or "انتخابات" in ln or "Closing" in ln
                      or "ٹینڈر" in ln)
            if after != future:
                probs.append(f"widget line {ln!r} on the wrong side of the scrape day")
        bad += [f"{path}: {p}" for p in probs]
    try:
        summary = F20.self_check(rendered, shown)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh20", "fresh21") + (
            "\n" + "\n".join(bad[:40]) if bad else ""))
    if bad:
        raise SystemExit("fresh21 self-check failed:\n" + "\n".join(bad[:40]))
    return summary


def main(shared, out):
    bind()
    F20.SEEN.clear()
    G.generate_set("fresh21", SITES, SEED_FRESH21, FRESH21_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
