"""The twenty-third set of the chrome bench (`gen.py --set fresh22`, `SET=fresh22 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twenty-third set" before
the set's held-out run. The design is described in README.md "The twenty-third set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates in this set's styles (fdate); the stories appended after the
story on the scrolling sites are other real stories of the same corpora. Site names, section
words, chat lines, widget figures, names in notices and all dates but the Reuters ones are the
assembly's. Each generation checks its labels against its pages (self_check) and stops on any
mismatch. The assembly code is fresh20's (imported: its Reuters picking, page filling, list
markup and phrase blocks), with this set's sites, date styles, wrappers and widgets.
"""
import datetime
import hashlib
import json
import re

import fresh as F
import fresh4 as F4
import fresh5 as F5
import fresh9 as F9
import fresh12 as F12
import fresh16 as F16
import fresh20 as F20
import gen as G

SEED_FRESH22 = 20270308
FRESH22_SALT = "khabar-chrome-fresh22"
EN_BASE, UR_BASE = datetime.date(2027, 3, 8), datetime.date(2027, 3, 9)
URDU_NAV22 = ["صفحہ اول", "پاکستان", "دنیا", "کاروبار", "کھیل", "شوبز", "صحت",
              "ٹیکنالوجی", "کالم", "بلاگ", "ویڈیوز", "خواتین"]
URDU_FOOT22 = ["ہمارے بارے میں", "ادارتی پالیسی", "رابطہ", "اشتہارات",
               "جملہ حقوق محفوظ ہیں"]
UR_WEEKDAYS = F20.UR_WEEKDAYS
EASTERN = F20.EASTERN

# layout: site (the outlet's page) | whatsapp (a chat export holding the forwarded story) |
#   obsidian (a web clipper's Markdown note) | next (a Next.js page with its __NEXT_DATA__) |
#   scroll (an infinite-scroll page saved with the next story appended) | wpcal (WordPress with
#   the Calendar and Archives widgets)
# own: under (a line of the story's header) | front (the clipper's `published:` only) | none;
#   half: only the even pages state it. meta: time (<time datetime>) | None
# body: reuters | bbc | mix (Reuters, every third BBC) | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates); label None:
#   no list
# extras: lotto (draw results and next draw above the menu), tides (tide times above the menu),
#   obits (an obituaries box after the story), paywall (a metered-paywall offer after the
#   story), bond (prize-bond draw and next draw after the story), petrol (fuel prices with the
#   day they took effect, above the menu), aqi (an air-quality bar above the menu), countdown
#   (days left to a national day, above the menu)
SITES = [
    dict(site="metro-desk-forwards", lang="en", fmt="txt", layout="whatsapp", body="bbc",
         own="none", side="en_wa", label="", extras=(), n=16),
    dict(site="clippings-vault-en", lang="en", fmt="txt", layout="obsidian", body="mix",
         own="front", side="en_dmy_short", label="Read more", extras=(), n=16),
    dict(site="brookfield-sentinel.com", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_townnews", meta=None, side="en_short", label="Local News",
         extras=("obits",), n=16),
    dict(site="harbour-echo.co.uk", lang="en", fmt="txt", layout="site", body="mix",
         own="under", ostyle="en_sky", side=None, label="Most Read", extras=("lotto",), n=16),
    dict(site="riverside-current.com", lang="en", fmt="html", layout="next", body="mix",
         own="under", ostyle="en_next", meta=None, side="en_short", label="More Stories",
         extras=(), n=16),
    dict(site="penwith-herald.co.uk", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_bbcold", side=None, label="Most Popular Now",
         extras=("tides",), n=16),
    dict(site="deccan-metro.in", lang="en", fmt="html", layout="scroll", body="reuters",
         own="under", ostyle="en_ist", meta="time", side=None, label="Trending",
         extras=(), n=16),
    dict(site="capitol-observer.com", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_short", label="Latest Politics", extras=("paywall",), n=16),
    dict(site="lakeshore-post.com", lang="en", fmt="html", layout="wpcal", body="reuters",
         own="under", ostyle="en_wp", meta="time", side=None, label="Recent Posts",
         extras=(), n=16),
    dict(site="awami-khabar-group", lang="ur", fmt="txt", layout="whatsapp", body="express",
         own="under", ostyle="ur_plain", side="ur_wa", label="", extras=(), n=16),
    dict(site="roznama-inqilab.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="under", ostyle="ur_paren", meta="time", side="ur_plain", label="تازہ ترین",
         extras=("bond",), n=16),
    dict(site="sada-e-sarhad.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="none", side="ur_plain", label="اہم خبریں", extras=("petrol",), n=16),
    dict(site="urdu.nawa-e-dakan.pk", lang="ur", fmt="html", layout="scroll", body="express",
         own="under", ostyle="ur_timewords", meta=None, side=None, label="مزید خبریں",
         extras=(), n=16),
    dict(site="khabar-zar.pk", lang="ur", fmt="html", layout="wpcal", body="samaa",
         own="under", ostyle="ur_plain", meta="time", side=None, label="حالیہ خبریں",
         extras=(), n=16),
    dict(site="roznama-tasveer.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="under", ostyle="ur_sep", side="ur_sep", label="دیگر خبریں", extras=("aqi",),
         n=16),
    dict(site="urdu.siyasat-aaj.pk", lang="ur", fmt="html", layout="next", body="express",
         own="under", half=True, ostyle="ur_next", meta=None, side="ur_plain",
         label="مزید پڑھیں", extras=(), n=16),
    dict(site="clippings-vault-ur", lang="ur", fmt="txt", layout="obsidian", body="samaa",
         own="front", half=True, side=None, label="متعلقہ", extras=(), n=16),
    dict(site="mehran-times.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_jumma", side="ur_plain", label="آج کی خبریں",
         extras=("countdown",), n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English outlets
    "brookfield-sentinel.com": (["Brookfield Sentinel", "News", "Local", "Sports", "Obituaries",
                                 "Opinion", "Classifieds", "e-Edition"],
                                ["Brookfield Sentinel, 14 Mill Street", "Contact Us",
                                 "Terms of Use", "Powered by the Sentinel newsroom"]),
    "harbour-echo.co.uk": (["Harbour Echo", "News", "Sport", "What's On", "Lifestyle",
                            "Announcements", "Jobs"],
                           ["Harbour Echo is regulated by IPSO", "Contact us",
                            "Harbour Echo Newspapers Limited"]),
    "riverside-current.com": (["Riverside Current", "News", "Business", "Environment",
                               "Culture", "Newsletters", "Donate"],
                              ["Riverside Current is a nonprofit newsroom", "Support our work",
                               "Privacy", "Riverside Current"]),
    "penwith-herald.co.uk": (["Penwith Herald", "News", "Sport", "Weather", "Community",
                              "Camera Club", "Contact"],
                             ["Penwith Herald, your paper for West Cornwall",
                              "Complaints procedure", "Penwith Herald Ltd"]),
    "deccan-metro.in": (["Deccan Metro", "India", "Hyderabad", "Business", "World", "Cricket",
                         "Entertainment", "Opinion"],
                        ["Deccan Metro, published from Hyderabad", "Grievance Redressal",
                         "Advertise with us", "Deccan Metro Media Pvt Ltd"]),
    "capitol-observer.com": (["Capitol Observer", "Politics", "Statehouse", "Courts",
                              "Elections", "Opinion", "Subscribe"],
                             ["Capitol Observer covers state government",
                              "Corrections policy", "Manage subscription",
                              "Capitol Observer Publishing"]),
    "lakeshore-post.com": (["Lakeshore Post", "Home", "Business", "Community", "Sports",
                            "About"],
                           ["Lakeshore Post", "Proudly powered by WordPress",
                            "Theme by the Lakeshore team"]),
}
AUTHORS = ["Dana Whitcombe", "Rahul Menon", "Caitlin Moyle", "Peter Tregear"]
UR_AUTHORS = ["نمائندہ خصوصی", "ویب ڈیسک", "نیوز ڈیسک", "اسٹاف رپورٹر"]
WA_EN = ["Imran Qureshi", "Sana Mirza", "Tom Reilly", "Aisha Khan"]
WA_UR = ["عمران قریشی", "ثنا مرزا", "بلال احمد", "عائشہ خان"]
OBIT_NAMES = ["Margaret A. Whitfield", "Harold James Bixby", "Dolores Kasprzak",
              "Eugene R. Tillman", "Frances Louise Odom", "Walter P. Greaves",
              "Irene Sokolowski", "Clarence Dutton", "Beverly Ann Marsh", "Raymond Yost",
              "Lorraine Petit", "Gordon H. Lamb"]


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles, else in fresh20's."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um, uwd = G.URDU_MONTHS[d.month - 1], UR_WEEKDAYS[d.weekday()]
    part = ("صبح" if hour < 12 else "دوپہر" if hour < 16 else "شام" if hour < 20 else "رات")
    mine = {
        "en_townnews": lambda: f"{d:%A}, {month} {d.day}, {d.year} {h12}:{minute:02d} "
                               f"{ampm.lower()}",
        "en_sky": lambda: f"{d:%A} {d.day} {month} {d.year} {hour:02d}:{minute:02d}, UK",
        "en_bbcold": lambda: f"{hour:02d}:{minute:02d} GMT, {d:%A}, {d.day} {month} {d.year}",
        "en_next": lambda: f"{mon} {d.day}, {d.year} · {h12}:{minute:02d} {ampm}",
        "en_ist": lambda: f"{month} {d.day}, {d.year} {hour:02d}:{minute:02d} IST",
        "en_wp": lambda: f"{month} {d.day}, {d.year}",
        "en_dmy_short": lambda: f"{d.day} {mon} {d.year}",
        "en_lotto": lambda: f"{d:%a} {d.day} {mon} {d.year}",
        "en_wa": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}, {hour:02d}:{minute:02d}",
        "ur_wa": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}, {h12}:{minute:02d} "
                         f"{ampm.lower()}",
        "ur_paren": lambda: f"{d.day} {um} {d.year} ({uwd})",
        "ur_sep": lambda: f"{d.day:02d}؍{d.month:02d}؍{d.year}".translate(EASTERN),
        "ur_jumma": lambda: (f"{'جمعۃ المبارک' if d.weekday() == 4 else uwd}، {d.day} {um} "
                             f"{d.year}"),
        "ur_timewords": lambda: f"{d.day} {um} {d.year}، {part} {h12} بج کر {minute} منٹ",
        "ur_next": lambda: f"{d.day} {um} {d.year}ء — {hour:02d}:{minute:02d}",
        "ur_first": lambda: (f"{'یکم' if d.day == 1 else d.day} {um} {d.year}"),
    }
    return mine[style]() if style in mine else F20.fdate(style, d, hour, minute)


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: the Arabic date separator
    (U+060D) read as a slash, `یکم` (the first) as 1, else fresh16.read_own."""
    t = text.replace("؍", "/").replace("یکم ", "1 ")
    return F16.read_own(t)


# ----------------------------------------------------------------------------- assembly

SEEN = set()


def site_pages(spec, pools, templates, rng):
    lang, layout = spec["lang"], spec["layout"]
    h = G.site_hash(spec["site"] + FRESH22_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = (G.rotating_sidebars(side, days, pools, FRESH22_SALT,
                                    lambda s, d, hr, mi: (s, d, hr, mi), 7, 11)
                if spec["label"] is not None else {})
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV22, URDU_FOOT22, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME.get(spec["site"], ([], []))
    if layout in ("whatsapp", "obsidian"):  # no outlet's menu or footer: the tool's lines only
        head, tail = [], []
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 7 + k // ndays) % 3
        while True:  # each story, headline and lead query once in the set; an undated page's
            # lead states no day
            page = F20.new_page(spec, k, day, pools, rng, back)
            dated = spec["own"] != "none" and bool(page.own) and not (
                spec.get("half") and k % 2)
            q = G.lead_query(page.lead, page.headline, lang)
            if (page.headline not in SEEN and page.lead not in SEEN and q not in SEEN
                    and (dated or not read_own(page.lead))):
                break
        SEEN.update((page.headline, page.lead, q))
        if not dated:
            page.own = ""
        page.seq = k // ndays + 1  # the page's number among its scrape day's
        page.num = (3100000 + 4073 * k + h % 90000) if lang == "en" else 52000 + 617 * k + h % 911
        page.scrape_hour, page.scrape_minute = 6 + (k * 5) % 12, (k * 17 + h) % 60
        page.own_text = (fdate(spec["ostyle"], page.date, page.hour, page.minute)
                         if page.own and spec["own"] == "under" else
                         page.own if page.own else "")
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])
                        if not read_own(t)]  # a headline that states a day is left out
        page.author = (AUTHORS if lang == "en" else UR_AUTHORS)[(k + h) % 4]
        page.url = page_url(page)
        page.masthead = ""
        page.upd = None
        page.notes = []
        page.foot = []
        page.nextstory = next_story(page, pools, day) if layout == "scroll" else None
        page.chat = chat(page, day) if layout == "whatsapp" else None
        page.tool = tool_lines(page, day)        # above the menu: [(line, ISO or "")]
        if layout == "obsidian":  # the clipper's `created:` line: the clipping day
            page.tool = [(f"created: {day.isoformat()}", day.isoformat())]
        page.after = after_lines(page, day)      # after the story: [(line, ISO, phrase source?)]
        page.calendar = calendar_lines(page, day) if layout == "wpcal" else []
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool if iso}
                 | {iso for _ln, iso, _p in page.after if iso}
                 | ({page.nextstory["iso"]} if page.nextstory else set())
                 | ({iso for _ln, iso in page.chat["before"] + page.chat["after"] if iso}
                    | {page.chat["stamp_iso"]} if page.chat else set()))
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_url(page):
    spec, host, num, slug = page.spec, page.spec["site"], page.num, page.slug[:50].rstrip("-")
    if spec["layout"] in ("whatsapp", "obsidian"):  # the outlet the story came from
        return (f"https://www.newsline-{spec['lang']}.example/story/{num}" if spec["lang"] == "ur"
                else f"https://www.wirestories.example/news/{slug}-{num}")
    if spec["lang"] == "en":
        return f"https://www.{host}/news/{slug}-{num}"
    return f"https://{host}/news/{num}"


def uuid_of(page):
    h = hashlib.sha256(f"{page.spec['site']}:{page.num}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def safe_title(t):
    return re.sub(r'[\\/:*?"<>|#^\[\]]', "", t).strip()[:120]


def page_path(page):
    spec, site, k, num = page.spec, page.spec["site"], page.k, page.num
    layout = spec["layout"]
    if layout == "whatsapp":
        group = "Metro Desk Forwards" if spec["lang"] == "en" else "Awami Khabar Group"
        return (f"whatsapp-exports/{page.scrape_day}/WhatsApp Chat with {group}"
                f" ({page.seq}).txt")
    if layout == "obsidian":
        return f"Obsidian Vault/Clippings/{safe_title(page.headline)}.md"
    return {
        "brookfield-sentinel.com": f"{site}/news/local/article_{uuid_of(page)}.html",
        "harbour-echo.co.uk": f"{site}/news/{num}.txt",
        "riverside-current.com": f"{site}/news/{page.slug[:50].rstrip('-')}.html",
        "penwith-herald.co.uk": f"scrapes/{site}/{num}.txt",
        "deccan-metro.in": f"{site}/india-news/{page.slug[:50].rstrip('-')}-{num}.html",
        "capitol-observer.com": f"{site}/politics/{page.slug[:50].rstrip('-')}.html",
        "lakeshore-post.com": f"{site}/{page.slug[:50].rstrip('-')}/index.html",
        "roznama-inqilab.pk": f"{site}/news/{num}.html",
        "sada-e-sarhad.pk": f"{site}/{page.scrape_day}/{num}.txt",
        "urdu.nawa-e-dakan.pk": f"{site}/story/{num}/index.html",
        "khabar-zar.pk": f"{site}/archives/{num}.html",
        "roznama-tasveer.pk": f"{site}/khabar/{num}.txt",
        "urdu.siyasat-aaj.pk": f"{site}/ur/{num}.html",
        "mehran-times.pk": f"text-dumps/{site}/{num}.txt",
    }[site]


# ----------------------------------------------------------------------------- chrome

def last_weekday_before(day, weekdays):
    d = day - datetime.timedelta(days=1)
    while d.weekday() not in weekdays:
        d -= datetime.timedelta(days=1)
    return d


def next_weekday_from(day, weekdays):
    d = day
    while d.weekday() not in weekdays:
        d += datetime.timedelta(days=1)
    return d


def tool_lines(page, day):
    """Lines above the menu: [(line, ISO or "")]."""
    spec, ex, k = page.spec, page.spec.get("extras", ()), page.k
    out = []
    if "lotto" in ex:  # UK Lotto: draws on Wednesdays and Saturdays, 8pm
        last = last_weekday_before(day, (2, 5))
        nxt = next_weekday_from(last + datetime.timedelta(days=1), (2, 5))
        balls = sorted({(7 * k + 11 * i + last.day) % 59 + 1 for i in range(6)})
        while len(balls) < 6:
            balls = sorted(set(balls) | {len(balls) * 9 + 2})
        out.append((f"Lotto results · {fdate('en_lotto', last)} · "
                    + " ".join(f"{b:02d}" for b in balls) + f" · Bonus {(k * 13) % 59 + 1:02d}",
                    last.isoformat()))
        out.append((f"Next draw: {fdate('en_lotto', nxt)} · Estimated jackpot "
                    f"£{2 + (k % 7)}.{k % 10}m", nxt.isoformat()))
    if "tides" in ex:
        hh = 5 + (day.day * 5) % 7
        out.append((f"Tide times, Penzance · {fdate('en_lotto', day)} · High {hh:02d}:12, "
                    f"{hh + 12:02d}:31 · Low {hh - 5:02d}:05, {hh + 6:02d}:24 · Sunrise 06:41 · "
                    "Sunset 18:15", day.isoformat()))
    if "petrol" in ex:  # prices change on the 1st and the 16th
        eff = day.replace(day=16) if day.day >= 16 else day.replace(day=1)
        out.append((f"پیٹرولیم مصنوعات کی نئی قیمتیں ({fdate('ur_first', eff)} سے نافذ): "
                    "پیٹرول 272.15 روپے فی لیٹر، ہائی اسپیڈ ڈیزل 278.60 روپے، مٹی کا تیل "
                    "186.40 روپے", eff.isoformat()))
    if "aqi" in ex:
        aqi = 150 + (k * 29 + day.day * 7) % 140
        word = "مضر صحت" if aqi < 200 else "انتہائی مضر صحت"
        out.append((f"فضائی معیار — لاہور: AQI {aqi} ({word}) · {fdate('ur_plain', day)}، صبح "
                    f"{6 + k % 4} بجے", day.isoformat()))
    if "countdown" in ex:
        target = datetime.date(day.year, 3, 23)
        out.append((f"یوم پاکستان — {fdate('ur_plain', target)} — {(target - day).days} دن باقی",
                    target.isoformat()))
    return out


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "obits" in ex:
        out.append(("Obituaries", "", True))
        for i in range(3):
            d = day - datetime.timedelta(days=i)
            name = OBIT_NAMES[(k * 3 + i) % len(OBIT_NAMES)]
            born = 1929 + (k * 7 + i * 5) % 25
            out.append((f"{name}, {born} – {day.year} · Published {fdate('en_wp', d)}",
                        d.isoformat(), False))
        out.append(("Share memories and condolences in the guest book", "", True))
    if "paywall" in ex:  # the offer runs to the end of the month
        end = (day.replace(day=28) + datetime.timedelta(days=4))
        end = end - datetime.timedelta(days=end.day)
        out.append((f"You have read {2 + k % 3} of 5 free articles this month.", "", False))
        out.append((f"Subscribe for $1 a week for the first 12 weeks. Offer ends "
                    f"{fdate('en_wp', end)}.", end.isoformat(), True))
        out.append(("Already a subscriber? Log in", "", True))
    if "bond" in ex:  # draws on the 15th
        last = day.replace(day=15) if day.day > 15 else (
            day.replace(day=1) - datetime.timedelta(days=1)).replace(day=15)
        nxt = (last.replace(day=28) + datetime.timedelta(days=4)).replace(day=15)
        den = [100, 200, 750, 1500, 25000, 40000]
        out.append(("پرائز بانڈ", "", True))
        out.append((f"{den[last.month % 6]} روپے کے پرائز بانڈ کی قرعہ اندازی — "
                    f"{fdate('ur_plain', last)}، کراچی: پہلا انعام 15 لاکھ روپے، بانڈ نمبر "
                    f"{284913 + 7919 * k}", last.isoformat(), False))
        out.append((f"اگلی قرعہ اندازی: {den[nxt.month % 6]} روپے کا بانڈ — "
                    f"{fdate('ur_plain', nxt)}، ملتان", nxt.isoformat(), True))
    return out


def calendar_lines(page, day):
    """WordPress's Calendar widget for the scrape day's month (today's cell marked in markup
    only) and its Archives widget: months, no day."""
    en = page.spec["lang"] == "en"
    month = G.MONTHS[day.month - 1] if en else G.URDU_MONTHS[day.month - 1]
    prev = day.replace(day=1) - datetime.timedelta(days=1)
    pmon = G.MONTHS[prev.month - 1] if en else G.URDU_MONTHS[prev.month - 1]
    return dict(caption=f"{month} {day.year}",
                heads=(["M", "T", "W", "T", "F", "S", "S"] if en
                       else ["پ", "م", "ب", "ج", "ج", "ہ", "ا"]),
                first=day.replace(day=1), today=day,
                prev=(f"« {pmon[:3]}" if en else f"« {pmon}"),
                archives=[f"{(G.MONTHS if en else G.URDU_MONTHS)[(day.month - 1 - i) % 12]} "
                          f"{day.year if day.month - i > 0 else day.year - 1}"
                          for i in range(4)],
                titles=("Calendar", "Archives") if en else ("کیلنڈر", "آرکائیو"))


def next_story(page, pools, day):
    """The next story the page loaded as the reader scrolled: another real story of the corpus,
    its headline, date line (the scrape day or the day before) in the site's style, byline and
    first two paragraphs."""
    spec = page.spec
    while True:
        if spec["lang"] == "en":
            _, title, paras = pools.take("bbc")
        else:
            r = pools.take("samaa")
            title, paras = r["title"].strip(), G.urdu_paras(r["content"])
        if (title not in SEEN and len(paras) >= 2 and not read_own(" ".join(paras[:2]))
                and not read_own(title)):
            break
    SEEN.add(title)
    d = day - datetime.timedelta(days=page.k % 2)
    hr, mi = 7 + page.k % 11, (page.k * 13) % 60
    return dict(headline=title, paras=paras[:2], iso=d.isoformat(),
                date=fdate(spec["ostyle"], d, hr, mi),
                byline=("By " + AUTHORS[(page.k + 1) % 4]) if spec["lang"] == "en"
                else UR_AUTHORS[(page.k + 1) % 4])


def chat(page, day):
    """A chat export: the group's opening lines (its creation day, 3-5 days before the scrape
    day), the earlier forwards (the rotating list, oldest first, each on its day), the stamp of
    the story's message (the scrape day) and the replies after it."""
    en, k = page.spec["lang"] == "en", page.k
    people = WA_EN if en else WA_UR
    style = page.spec["side"]
    made = day - datetime.timedelta(days=3 + k % 3)
    group = "Metro Desk Forwards" if en else "Awami Khabar Group"
    before = [(f"{fdate(style, made, 9, 2)} - Messages and calls are end-to-end encrypted. No one "
               "outside of this chat, not even WhatsApp, can read or listen to them. Tap to "
               "learn more.", made.isoformat()),
              (f"{fdate(style, made, 9, 2)} - {people[0]} created group \"{group}\"",
               made.isoformat()),
              (f"{fdate(style, made, 9, 3)} - {people[0]} added {people[1]}", made.isoformat())]
    order = sorted(range(len(page.sidebar)), key=lambda j: (page.sidebar[j][3], j))
    for i, j in enumerate(order):  # oldest first (item j was posted at 7+j o'clock)
        t, dt, _te, iso = page.sidebar[j]
        before.append((f"{dt} - {people[(i + 1) % 4]}: *{t}*", iso))
    sh, sm = 18 + k % 4, page.scrape_minute  # the story is forwarded in the evening
    stamp = f"{fdate(style, day, sh, sm)} - {people[k % 4]}: "
    replies = (["Thanks, filing this for the evening bulletin", "<Media omitted>",
                "Can someone check the figures with the business desk?",
                "This message was deleted"] if en else
               ["جزاک اللہ، شام کے بلیٹن میں شامل کر لیں", "<Media omitted>",
                "اس خبر کی تصدیق نمائندے سے کر لیں", "This message was deleted"])
    after = [(f"{fdate(style, day, min(sh + 1 + i // 2, 23), (sm + 7 * i) % 60)} - "
              f"{people[(k + i + 1) % 4]}: {replies[(k + i) % 4]}", day.isoformat())
             for i in range(2 + k % 2)]
    return dict(before=before, stamp=stamp, stamp_iso=day.isoformat(), after=after)


# ----------------------------------------------------------------------------- pages

def own_line(page):
    """The own date's line, with the words the site puts beside it."""
    site, t = page.spec["site"], page.own_text
    return {"brookfield-sentinel.com": f"Posted: {t}",
            "penwith-herald.co.uk": f"Page last updated at {t}",
            "lakeshore-post.com": f"Posted on {t} by Reuters",
            "awami-khabar-group": f"بتاریخ {t}",
            "khabar-zar.pk": f"شائع کردہ {t} بذریعہ {page.author}"}.get(site, t)


def header_lines(page):
    """The lines between the headline and the first paragraph."""
    spec, lang = page.spec, page.spec["lang"]
    own = [own_line(page)] if page.own and spec["own"] == "under" else []
    if spec["layout"] in ("whatsapp", "obsidian"):
        return own
    if spec["layout"] == "wpcal":  # the theme's "Posted on DATE by AUTHOR" line
        return own or [f"by {page.author}" if lang == "en" else page.author]
    if lang == "en":
        if page.own:  # Reuters stories
            return ["By Reuters"] + own
        return [f"By {page.author}"]
    return [UR_AUTHORS[page.k % 4]] + own


def phrase_blocks(page):
    """The chrome as blocks for gen.choose_phrases: [nav, label, item..., tail]; lines holding
    the headline or a URL, chat stamps' names and the obituaries' names are no source."""
    nav = [ln for ln, _ in page.tool if page.headline not in ln and "://" not in ln] + page.head
    items = [[t] + ([dt] if dt else []) for t, dt, _te, _ in page.sidebar]
    foot = [ln for ln, _iso, src in page.after if src]
    if page.chat:
        nav = [ln.split(" - ", 1)[1] for ln, _ in page.chat["before"][:1]]
        foot = [ln.split(": ", 1)[1] for ln, _ in page.chat["after"]]
    if page.nextstory:
        items.append([page.nextstory["headline"]] + page.nextstory["paras"])
    if page.calendar:
        foot += list(page.calendar["titles"])
    return [nav, [page.sidebar_label] if page.sidebar_label else []] + items + [foot + page.tail]


def text_site(page):
    story = "\n".join([page.headline] + header_lines(page))
    chunks = ["\n".join(ln for ln, _ in page.tool), "\n".join(page.head), story]
    chunks += list(page.paras)
    chunks += [ln for ln, _iso, _s in page.after]
    if page.sidebar_label:
        chunks.append("\n\n".join([page.sidebar_label] + [
            "\n".join([t] + ([dt] if dt else [])) for t, dt, _te, _ in page.sidebar]))
    chunks.append("\n".join(page.tail))
    return "\n\n".join(c for c in chunks if c) + "\n"


def text_whatsapp(page):
    c = page.chat
    lines = [ln for ln, _ in c["before"]]
    lines.append(c["stamp"] + f"*{page.headline}*")
    lines += header_lines(page)
    for p in page.paras:
        lines += ["", p]
    lines += ["", page.url]
    lines += [ln for ln, _ in c["after"]]
    return "\n".join(lines) + "\n"


def text_obsidian(page):
    en = page.spec["lang"] == "en"
    author = ("Reuters" if page.own or page.spec["body"] == "reuters" else "BBC News") if en \
        else UR_AUTHORS[page.k % 4]
    fm = ["---", f'title: "{page.headline}"', f'source: "{page.url}"', "author:",
          f'  - "[[{author}]]"', f"published: {page.own}" if page.own else "published:",
          page.tool[0][0], "description:", "tags:", '  - "clippings"', "---"]
    chunks = ["\n".join(fm), f"# {page.headline}"] + list(page.paras)
    if page.sidebar_label:
        chunks.append("\n".join([f"## {page.sidebar_label}", ""] + [
            f"- [{t}]({page.url.rsplit('/', 1)[0]}/{page.num + 17 * (i + 1)})"
            + (f" — {dt}" if dt else "") for i, (t, dt, _te, _) in enumerate(page.sidebar)]))
    return "\n\n".join(chunks) + "\n"


def story_html(page):
    esc, spec = F.esc, page.spec
    out = ['<article class="story">', f"<h1>{esc(page.headline)}</h1>"]
    for ln in header_lines(page):
        if page.own and spec["own"] == "under" and ln == own_line(page):
            out.append(F20.own_html(page, ln))
        else:
            out.append(f'<p class="byline">{esc(ln)}</p>')
    return out + [f"<p>{esc(p)}</p>" for p in page.paras] + ["</article>"]


def next_data(page):
    """The Next.js page data: the article (publishedAt null when the page states no date) and
    the related list with each item's day."""
    stamp = (f"{page.own}T{page.hour:02d}:{page.minute:02d}:00.000Z" if page.own else None)
    data = {"props": {"pageProps": {
        "article": {"id": page.num, "slug": page.slug[:50].rstrip("-"), "title": page.headline,
                    "publishedAt": stamp, "updatedAt": stamp,
                    "section": "news" if page.spec["lang"] == "en" else "pakistan"},
        "related": [{"id": page.num + 29 * (i + 1), "title": t,
                     "publishedAt": f"{iso}T{7 + i:02d}:00:00.000Z" if iso else None}
                    for i, (t, _dt, _te, iso) in enumerate(page.sidebar)]},
        "__N_SSP": True}, "page": "/news/[slug]",
        "query": {"slug": page.slug[:50].rstrip("-")},
        "buildId": hashlib.sha256(page.spec["site"].encode()).hexdigest()[:21],
        "isFallback": False, "gssp": True, "scriptLoader": []}
    return ('<script id="__NEXT_DATA__" type="application/json">'
            + json.dumps(data, ensure_ascii=False).replace("</", "<\\/") + "</script>")


def calendar_html(page):
    esc, c = F.esc, page.calendar
    first, today = c["first"], c["today"]
    nxt = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    ndays = (nxt - first).days
    cells = [""] * first.weekday() + [str(d) for d in range(1, ndays + 1)]
    cells += [""] * (-len(cells) % 7)
    rows = []
    for w in range(0, len(cells), 7):
        tds = []
        for x in cells[w:w + 7]:
            if not x:
                tds.append('<td class="pad">&nbsp;</td>')
            elif int(x) == today.day:
                tds.append(f'<td id="today">{x}</td>')
            else:
                tds.append(f"<td>{x}</td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    out = ['<section id="calendar-2" class="widget widget_calendar">',
           f'<h2 class="widget-title">{esc(c["titles"][0])}</h2>',
           '<div id="calendar_wrap" class="calendar_wrap"><table id="wp-calendar" '
           'class="wp-calendar-table">', f"<caption>{esc(c['caption'])}</caption>",
           "<thead><tr>" + "".join(f'<th scope="col">{esc(x)}</th>' for x in c["heads"])
           + "</tr></thead>", "<tbody>"] + rows + [
        "</tbody></table>", '<nav aria-label="Previous and next months" '
        'class="wp-calendar-nav">', f'<span class="wp-calendar-nav-prev"><a href="/">'
        f'{esc(c["prev"])}</a></span>', "</nav></div></section>",
        '<section id="archives-2" class="widget widget_archive">',
        f'<h2 class="widget-title">{esc(c["titles"][1])}</h2>', "<ul>"]
    out += [f'<li><a href="/archives/m{i}">{esc(x)}</a></li>' for i, x in enumerate(c["archives"])]
    return out + ["</ul>", "</section>"]


def html_page(page):
    esc, spec, layout = F.esc, page.spec, page.spec["layout"]
    b = [f'<div class="top-bar">{esc(ln)}</div>' for ln, _iso in page.tool]
    b += ['<header class="site-header"><nav><ul>']
    b += [f'<li><a href="/section/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<main class="content">']
    b += story_html(page)
    after = page.after
    if after:
        cls = {"obits": "obituaries", "paywall": "meter-offer", "bond": "prize-bond"}
        kind = next(x for x in ("obits", "paywall", "bond") if x in spec.get("extras", ()))
        b += [f'<aside class="{cls[kind]}">']
        for i, (ln, _iso, _src) in enumerate(after):
            b.append(f"<h3>{esc(ln)}</h3>" if i == 0 and kind != "paywall" else f"<p>{esc(ln)}</p>")
        b += ["</aside>"]
    ns = page.nextstory
    if ns:  # the next story, in the story's own markup
        b += ['<div class="next-story-divider">' + ("Next Story" if spec["lang"] == "en"
                                                      else "اگلی خبر") + "</div>",
              '<article class="story">', f"<h1>{esc(ns['headline'])}</h1>",
              f'<div class="dateline">{esc(ns["date"])}</div>',
              f'<p class="byline">{esc(ns["byline"])}</p>']
        b += [f"<p>{esc(p)}</p>" for p in ns["paras"]] + ["</article>"]
    if layout == "wpcal":
        b += ['<aside id="secondary" class="widget-area">']
        if page.sidebar_label:
            b += ['<section class="widget widget_recent_entries">',
                  f'<h2 class="widget-title">{esc(page.sidebar_label)}</h2>', "<ul>"]
            b += [f'<li><a href="/{page.num + 29 * i}">{esc(t)}</a></li>'
                  for i, (t, _dt, _te, _iso) in enumerate(page.sidebar)]
            b += ["</ul>", "</section>"]
        b += calendar_html(page) + ["</aside>"]
    else:
        b += F20.list_html(page)
    b += ["</main>", '<footer class="site-footer">']
    b += [f"<p>{esc(x)}</p>" for x in page.tail] + ["</footer>"]
    if layout == "next":
        b.append(next_data(page))
    name = page.head[0]
    title = f"{page.headline} - {name}" if spec["lang"] == "en" else f"{page.headline} | {name}"
    return F12.html_doc(page, title, b)


def render(page):
    layout = page.spec["layout"]
    if page.spec["fmt"] == "html":
        text = html_page(page)
    elif layout == "whatsapp":
        text = text_whatsapp(page)
    elif layout == "obsidian":
        text = text_obsidian(page)
    else:
        text = text_site(page)
    return text, phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

STAMPS = ("datetime=", "datePublished", "published_time", "dc:created")


def own_problems(page, text, zone, raw, outside):
    flat, own, spec = F4.flat, page.own, page.spec
    header = zone[:zone.index(flat(page.paras[0]))]
    probs = []
    rest = header.replace(flat(own_line(page)), "") if own and spec["own"] == "under" else header
    if read_own(rest):
        probs.append(f"a date in the story's header {header!r} that is not the own date")
    if spec["layout"] == "next":
        m = re.search(r'"article": \{[^{}]*"publishedAt": (null|"([0-9-]{10})T)', text)
        if not m or (m.group(2) or "") != own:
            probs.append("__NEXT_DATA__ publishedAt is not the own date")
    if spec["layout"] == "obsidian":
        pub = re.findall(r"^published:(.*)$", text, re.M)
        if len(pub) != 1 or pub[0].strip() != own:
            probs.append(f"front matter published: {pub} is not the own date")
        if text.index("published:") > text.index(f"# {page.headline}"):
            probs.append("front matter after the headline")
    if not own:
        if any(s in text for s in STAMPS):
            probs.append("undated page with a time stamp in its markup")
        if re.search(r"/(19|20)\d\d/\d\d/\d\d/", text):
            probs.append("undated page with a dated URL")
        if read_own(header + " " + flat(page.paras[0])):
            probs.append("an undated page's header or lead states a day")
        return probs
    if spec["own"] == "front":
        if any(s in text for s in STAMPS):
            probs.append("a front-matter page with another own date")
        return probs
    line = flat(own_line(page))
    if read_own(page.own_text) != own or read_own(own_line(page)) != own:
        probs.append(f"own date text {page.own_text!r} reads {read_own(page.own_text)}")
    if zone.count(line) != 1:
        probs.append(f"own date line {line!r} not once in the story")
    if line not in header or not 0 <= header.index(line) - len(flat(page.headline)) < 100:
        probs.append(f"own date line {line!r} not in the header within 100 characters")
    if spec.get("meta") and own not in " ".join(
            re.findall(r'(?:datetime|content)="([^"]*)"', text)):
        probs.append("no time stamp of the own date")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The twenty-third set");
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
        if page.chat:
            dated += page.chat["before"] + page.chat["after"]
            if flat(page.chat["stamp"]) not in outside or read_own(
                    page.chat["stamp"]) != page.chat["stamp_iso"]:
                probs.append("the story message's stamp not outside the story or misread")
        ns = page.nextstory
        if ns:
            if read_own(ns["date"]) != ns["iso"] or ns["iso"] not in lb["chrome_dates"] + [
                    page.own]:
                probs.append(f"next story's date {ns['date']!r} misread or not labelled")
            for x in [ns["headline"], ns["date"]] + ns["paras"]:
                if flat(x) not in outside or flat(x) in zone:
                    probs.append(f"next story's line {x[:40]!r} not outside the story")
            if raw.index(flat(ns["headline"])) < raw.index(flat(page.paras[-1])):
                probs.append("the next story before the story's end")
        if page.calendar:
            c = page.calendar
            cal = [c["caption"], " ".join(c["heads"]), c["prev"]] + c["archives"]
            for x in cal:
                if read_own(x) or flat(x) not in outside:
                    probs.append(f"calendar line {x!r} reads as a day or not outside the story")
        for ln, iso in dated:
            if flat(ln) not in outside or flat(ln) in zone:
                probs.append(f"dated chrome line {ln!r} not on the page outside the story")
            if not iso:  # a heading: no day
                if read_own(ln):
                    probs.append(f"undated chrome line {ln!r} reads {read_own(ln)}")
            elif iso not in lb["chrome_dates"] + [page.own] or read_own(ln) != iso:
                probs.append(f"dated chrome line {ln!r} reads {read_own(ln)}, labelled {iso}")
        for t, dt, te, iso in page.sidebar:
            if read_own(dt) != iso:
                probs.append(f"list date {dt!r} reads {read_own(dt)}, labelled {iso}")
            if read_own(t):
                probs.append(f"list headline {t!r} reads as a date")
        toks_ok = True
        for ln, _iso in page.tool:
            toks = f" {' '.join(G.M.tokenize(ln))} "
            if ("://" in ln or page.headline in ln) and any(
                    f" {x} " in toks for x in lb["chrome_phrases"]):
                toks_ok = False
        if not toks_ok:
            probs.append("a phrase from a tool line holding the headline or a URL")
        every = ({iso for *_, iso in page.sidebar if iso} | {iso for _l, iso in dated if iso}
                 | ({ns["iso"]} if ns else set())
                 | ({page.chat["stamp_iso"]} if page.chat else set()))
        if set(lb["chrome_dates"]) != every - {page.own}:
            probs.append(f"chrome dates {lb['chrome_dates']} are not the page's {sorted(every)}")
        if page.own in lb["chrome_dates"]:
            probs.append("the own date among the chrome dates")
        if read_own(" ".join(page.paras[:1])) and not page.own:
            probs.append("an undated page's lead states a date")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh22", rendered, labels, bad)


def main(shared, out):
    SEEN.clear()
    G.generate_set("fresh22", SITES, SEED_FRESH22, FRESH22_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
