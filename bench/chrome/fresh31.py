"""The thirty-second set of the chrome bench (`gen.py --set fresh31`, `SET=fresh31 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirty-second set"
before the set's held-out run. The design is described in README.md "The thirty-second set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates. Site names, section words, furniture, box lines, figures
and all dates but the Reuters ones are the assembly's. Each generation checks its labels
against its pages (self_check: fresh30's, which is fresh22's) and stops on any mismatch. The
assembly code is fresh30's and its predecessors' (imported: page filling, story header, list
markup, HTML page, phrase blocks, date styles, boxes and the label checks), with this set's
sites, salt, date styles, own-line words, datelines opening the lead, and the dated lines above
and after the story (market tickers, print-edition trailers, comment counts, gold rates).
"""
import datetime

import fresh9 as F9
import fresh20 as F20
import fresh22 as F22
import fresh23 as F23
import fresh30 as F30
import gen as G

SEED_FRESH31 = 20270717
FRESH31_SALT = "khabar-chrome-fresh31"
EN_BASE, UR_BASE = datetime.date(2027, 7, 17), datetime.date(2027, 7, 18)
URDU_NAV31 = ["صفحہ اول", "قومی", "بین الاقوامی", "اداریہ", "کالم", "کاروبار", "کھیل",
              "ای پیپر", "شوبز", "English"]
URDU_FOOT31 = ["ہمارے بارے میں", "رابطہ کریں", "اشتہارات", "رازداری کی پالیسی",
               "جملہ حقوق بحق ادارہ محفوظ ہیں"]
DAY = datetime.timedelta(days=1)
EN_CITIES = F30.EN_CITIES
UR_CITIES = F30.CITIES

# fmt txt: fresh22's text page; fmt html: fresh23's outlet page.
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# enc: None | bom | meta1256 (UTF-8 bytes, declared windows-1256)
# dateline (the lead's opening): city ("KARACHI: ") | agency ("ISLAMABAD, Mar 4 (APP): " on a
#   dated page, "ISLAMABAD (APP): " on an undated one) | ur_city | None
# extras above the story: psx, sensex, today_en, ticker_en, today, ticker, psx_ur;
#   after it: trailer, comments, gold, prayer_en, weather_en, epaper_en, prayer, weather,
#   akhbar, columns, comments_ur
SITES = [
    dict(site="karachi-morning-herald.com.pk", lang="en", fmt="html", layout="site",
         body="reuters", own="under", ostyle="en_wp", meta="time", side="en_dawnlist",
         label="Editorial", extras=("today_en", "trailer", "comments"), dateline="city",
         enc=None, n=16),
    dict(site="lahore-express-tribune.com.pk", lang="en", fmt="txt", layout="site", body="bbc",
         own="none", side="en_short", label="Most popular", extras=("psx", "comments"),
         dateline="city", enc=None, n=16),
    dict(site="thecapitalnews.com.pk", lang="en", fmt="txt", layout="site", body="mix",
         own="under", half=True, ostyle="en_wp", side=None, label="",
         extras=("epaper_en", "trailer"), dateline="agency", enc=None, n=16),
    dict(site="business-ledger.com.pk", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_br", meta="time", side="en_dmy_short", label="Markets",
         extras=("psx", "prayer_en"), dateline=None, enc="bom", n=16),
    dict(site="madras-chronicle.in", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_hindu", meta=None, side="en_ist", label="Opinion",
         extras=("sensex", "comments"), dateline=None, enc=None, n=16),
    dict(site="deccan-daily-post.in", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", half=True, ostyle="en_pkt_ist", side="en_wp", label="Trending",
         extras=("sensex", "weather_en"), dateline="agency", enc=None, n=16),
    dict(site="gulf-daily-courier.ae", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_gulf", label="Most popular", extras=("ticker_en", "gold"),
         dateline=None, enc="bom", n=16),
    dict(site="riyadh-herald-news.com", lang="en", fmt="html", layout="site", body="reuters",
         own="under", half=True, ostyle="en_arab", meta=None, side="en_wp", label="Opinion",
         extras=("today_en", "comments"), dateline=None, enc="meta1256", n=16),
    dict(site="frontier-evening-star.pk", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_pkt", side="en_dawnlist", label="Editorial",
         extras=("prayer_en", "epaper_en", "trailer"), dateline="agency", enc="bom", n=16),
    dict(site="roznama-sindh-awaz.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_shaya", side="ur_plain", label="تازہ ترین",
         extras=("ticker", "prayer"), dateline="ur_city", enc=None, n=16),
    dict(site="urdu.karachi-morning-herald.com.pk", lang="ur", fmt="txt", layout="site",
         body="samaa", own="none", side="ur_eastern", label="مقبول خبریں",
         extras=("today", "comments_ur"), dateline=None, enc="bom", n=16),
    dict(site="khyber-akhbar.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", half=True, ostyle="ur_weekday", side=None, label="",
         extras=("psx_ur", "columns"), dateline=None, enc=None, n=16),
    dict(site="roznama-punjab-post.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="none", side="ur_hamza", label="اداریہ", extras=("akhbar", "weather"),
         dateline="ur_city", enc=None, n=16),
    dict(site="quetta-nama.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_hijri", side="ur_plain", label="کالم",
         extras=("today", "prayer"), dateline=None, enc=None, n=16),
    dict(site="urdu.gulf-daily-courier.ae", lang="ur", fmt="html", layout="site",
         body="express", own="under", ostyle="ur_eastern_time", meta="time",
         side="ur_eastern", label="خلیج سے", extras=("ticker", "comments_ur"), dateline=None,
         enc=None, n=16),
    dict(site="roznama-ittehad-lahore.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_plain", label="اہم خبریں", extras=("psx_ur", "akhbar"),
         dateline="ur_city", enc="meta1256", n=16),
    dict(site="hyderabad-sada.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", half=True, ostyle="ur_arabic", meta=None, side=None, label="",
         extras=("today", "columns"), dateline=None, enc=None, n=16),
    dict(site="urdu.madras-chronicle.in", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_weekday", label="قومی خبریں", extras=("prayer", "comments_ur"),
         dateline=None, enc="bom", n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites
    "karachi-morning-herald.com.pk": (
        ["Karachi Morning Herald", "Home", "Pakistan", "Business", "Opinion", "Sport",
         "E-paper", "اردو"],
        ["Karachi Morning Herald, Herald House", "Karachi Morning Herald Group of Newspapers"]),
    "lahore-express-tribune.com.pk": (
        ["The Lahore Express Tribune", "Pakistan", "World", "Business", "Life & Style",
         "Cartoons"],
        ["The Lahore Express Tribune", "Comments are moderated before publication"]),
    "thecapitalnews.com.pk": (
        ["The Capital News", "Top Story", "National", "Newspost", "Editorial", "Print"],
        ["The Capital News, Islamabad", "Read the print edition"]),
    "business-ledger.com.pk": (
        ["Business Ledger", "Markets", "Banking", "Energy", "Taxes", "Budget"],
        ["Business Ledger, Karachi", "Business Ledger Publishing House"]),
    "madras-chronicle.in": (
        ["The Madras Chronicle", "India", "World", "Opinion", "Business", "Sport",
         "e-Paper"],
        ["The Madras Chronicle, Anna Salai", "Letters to the editor"]),
    "deccan-daily-post.in": (
        ["Deccan Daily Post", "Hyderabad", "Telangana", "Nation", "World", "Sports"],
        ["Deccan Daily Post", "Deccan Daily Post Media Pvt Ltd"]),
    "gulf-daily-courier.ae": (
        ["Gulf Daily Courier", "UAE", "Gulf", "Business", "Pakistan", "India",
         "Entertainment"],
        ["Gulf Daily Courier, Dubai", "Gulf Daily Courier Media"]),
    "riyadh-herald-news.com": (
        ["Riyadh Herald", "Saudi Arabia", "Middle East", "Opinion", "Economy", "Sport"],
        ["Riyadh Herald, Riyadh", "Riyadh Herald Publishing"]),
    "frontier-evening-star.pk": (
        ["Frontier Evening Star", "Peshawar", "Khyber Pakhtunkhwa", "National", "Sports",
         "اردو"],
        ["Frontier Evening Star, Peshawar", "Subscribe to the evening edition"]),
}
PAPER = {  # the print trailer's paper name
    "karachi-morning-herald.com.pk": "Karachi Morning Herald",
    "thecapitalnews.com.pk": "The Capital News",
    "frontier-evening-star.pk": "Frontier Evening Star",
}
OWN_WORDS = {  # the words the site writes beside its own date ({upd}: an update on that day)
    "karachi-morning-herald.com.pk": "Published {t} | Updated {upd}",
    "thecapitalnews.com.pk": "Published {t}",
    "business-ledger.com.pk": "Published {t}",
    "madras-chronicle.in": "Published - {t}",
    "deccan-daily-post.in": "{t}",
    "riyadh-herald-news.com": "Updated {t}",
    "frontier-evening-star.pk": "{t}",
    "roznama-sindh-awaz.pk": "شائع {t}",
    "khyber-akhbar.pk": "{t}",
    "quetta-nama.pk": "تاریخ اشاعت: {t}",
    "urdu.gulf-daily-courier.ae": "شائع {t}",
    "hyderabad-sada.pk": "{t}",
}
F23.ASIDE.update({"trailer": "story-footer", "comments": "comments", "gold": "gold-rates",
                  "comments_ur": "comments"})


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles, else in fresh30's (and its predecessors')."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "am" if hour < 12 else "pm"
    mine = {
        "en_dawnlist": lambda: f"Updated {d.day:02d} {mon}, {d.year}",
        "en_dawnupd": lambda: f"{d.day:02d} {mon}, {d.year} {h12:02d}:{minute:02d}{ampm}",
        "en_br": lambda: f"{d.day:02d} {mon}, {d.year} {h12:02d}:{minute:02d}{ampm}",
        "en_hindu": lambda: f"{month} {d.day:02d}, {d.year} {h12:02d}:{minute:02d} {ampm} IST",
        "en_pkt": lambda: f"{mon} {d.day}, {d.year} at {h12:02d}:{minute:02d} "
                          f"{ampm.upper()} PKT",
        "en_pkt_ist": lambda: f"{mon} {d.day}, {d.year} at {h12:02d}:{minute:02d} "
                              f"{ampm.upper()} IST",
        "en_arab": lambda: f"{d.day:02d} {month} {d.year}",
        "en_gulf": lambda: f"{month} {d.day:02d}, {d.year}",
        "en_trailer": lambda: f"{month} {d.day}{F30.F26.ORD.get(d.day, 'th')}, {d.year}",
    }
    return mine[style]() if style in mine else F30.fdate(style, d, hour, minute)


def own_line(page):
    """The own date's line with the site's words (an update on the same day)."""
    words = OWN_WORDS.get(page.spec["site"])
    if words is None:
        return F30._OWN_LINE22(page)
    upd = fdate("en_dawnupd", page.date, min(page.hour + 2, 23), (page.minute + 17) % 60)
    return words.format(t=page.own_text, upd=upd)


def dateline(page):
    """The lead's opening: a city (a day only on a page that states its own date)."""
    kind, k = page.spec.get("dateline"), page.k
    if kind == "city":
        return f"{EN_CITIES[(k + len(page.spec['site'])) % 6].upper()}: "
    if kind == "agency":
        city = ["ISLAMABAD", "LAHORE", "KARACHI", "PESHAWAR"][k % 4]
        if page.own:
            return f"{city}, {G.MONTHS[page.date.month - 1][:3]} {page.date.day} (APP): "
        return f"{city} (APP): "
    if kind == "ur_city":
        return f"{UR_CITIES[(k + 1) % 6]} (نمائندہ خصوصی): "
    return ""


# ----------------------------------------------------------------------------- assembly

def site_pages(spec, pools, templates, rng):
    """fresh30's assembly of a site's pages (fresh27's), with this set's salt, chrome, lines
    and datelines."""
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH31_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH31_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 6, 10)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV31, URDU_FOOT31, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 3 + k // ndays) % 3
        while True:  # as fresh27: each story, headline and lead query once; an undated page's
            # lead states no day; no headline states one; no story ends on a scrap
            page = F20.new_page(spec, k, day, pools, rng, back)
            dated = spec["own"] != "none" and bool(page.own) and not (
                spec.get("half") and k % 2)
            if not dated:
                page.own = ""
            opening = dateline(page)
            page.paras[0] = opening + page.paras[0]
            page.lead = opening + page.lead
            q = G.lead_query(page.lead, page.headline, lang)
            if (page.headline not in F22.SEEN and page.lead not in F22.SEEN
                    and q not in F22.SEEN and not F30.read_own(page.headline)
                    and len(page.paras[-1].split()) >= 4
                    and (dated or not F30.read_own(page.lead))):
                break
        F22.SEEN.update((page.headline, page.lead, q))
        page.seq = k // ndays + 1
        page.num = (2210000 + 2713 * k + h % 70000) if lang == "en" else 91000 + 431 * k + h % 877
        page.scrape_hour, page.scrape_minute = 6 + (k * 5) % 15, (k * 23 + h) % 60
        page.own_text = (fdate(spec["ostyle"], page.date, page.hour, page.minute)
                         if page.own else "")
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])
                        if not F30.read_own(t)] if spec["label"] else []
        page.author = (F22.AUTHORS if lang == "en" else F22.UR_AUTHORS)[(k + h) % 4]
        page.url = F22.page_url(page)
        page.masthead, page.upd, page.notes, page.foot = "", None, [], []
        page.nextstory, page.chat, page.calendar = None, None, []
        page.tool = tool_lines(page, day)    # above the story: [(line, ISO)]
        page.after = after_lines(page, day)  # after it: [(line, ISO, phrase source?)]
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool if iso}
                 | {iso for _ln, iso, _p in page.after if iso})
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_path(page):
    site, num, slug = page.spec["site"], page.num, page.slug[:50].rstrip("-")
    day = page.scrape_day
    return {
        "karachi-morning-herald.com.pk": f"{site}/news/{num}/{slug}.html",
        "lahore-express-tribune.com.pk": f"{site}/story/{num}/{slug}.txt",
        "thecapitalnews.com.pk": f"print-edition/{day}/{site}/{num}.txt",
        "business-ledger.com.pk": f"{site}/{day[:4]}/{day[5:7]}/{num}.html",
        "madras-chronicle.in": f"www.{site}/news/national/article{num}.ece.html",
        "deccan-daily-post.in": f"{site}/{slug}-{num}.txt",
        "gulf-daily-courier.ae": f"{site}/uae/{slug}-1.{num}.html",
        "riyadh-herald-news.com": f"saved-pages/{site}/node/{num}.html",
        "frontier-evening-star.pk": f"{site}/{day.replace('-', '')}/{slug}.txt",
        "roznama-sindh-awaz.pk": f"{site}/news/{num}.txt",
        "urdu.karachi-morning-herald.com.pk": f"{site}/news/{num}.txt",
        "khyber-akhbar.pk": f"urdu/{site}/{day}/{num}.txt",
        "roznama-punjab-post.pk": f"{site}/detail/{num}.txt",
        "quetta-nama.pk": f"{site}/{num}.txt",
        "urdu.gulf-daily-courier.ae": f"{site}/ur/{num}.html",
        "roznama-ittehad-lahore.pk": f"{site}/story/{num}.htm",
        "hyderabad-sada.pk": f"{site}/epaper/{day}/{num}.html",
        "urdu.madras-chronicle.in": f"{site}/news/{num}/index.html",
    }[site]


# ----------------------------------------------------------------------------- chrome

def tool_lines(page, day):
    """Dated lines above the story (market tickers), then fresh30's (date strips, news
    tickers): [(line, ISO)]."""
    ex, k, out, iso = page.spec.get("extras", ()), page.k, [], day.isoformat()
    hm = f"{15 + k % 2}:{(k * 7) % 60:02d}"
    if "psx" in ex:  # the stock exchange's index at the close
        out.append((f"PSX | KSE-100 {78412 + 37 * k:,}.35 ▲ 0.{10 + k * 3 % 80}% | "
                    f"{fdate('en_short', day)} {hm} PKT", iso))
    if "sensex" in ex:
        out.append((f"Sensex {81204 + 53 * k:,}.11 ▼ 0.{20 + k * 7 % 70}% | Nifty "
                    f"{24760 + 11 * k:,}.05 | {fdate('en_dmy_short', day)}, {hm} IST", iso))
    if "psx_ur" in ex:
        out.append((f"اسٹاک مارکیٹ: ہنڈرڈ انڈیکس میں {120 + 13 * k} پوائنٹس کا اضافہ — "
                    f"{fdate('ur_plain', day)}", iso))
    return out + F30.tool_lines(page, day)


def after_lines(page, day):
    """Dated boxes after the story: the print trailer (the own day), comment counts, gold
    rates, then fresh30's boxes: [(line, ISO, a source of chrome phrases?)]."""
    ex, k, out, iso = page.spec.get("extras", ()), page.k, [], day.isoformat()
    if "trailer" in ex and page.own:  # the print edition's day: the story's own day
        out.append((f"Published in {PAPER[page.spec['site']]}, "
                    f"{fdate('en_trailer', page.date)}", page.own, False))
    if "comments" in ex:
        n = 3 + (k * 11) % 40
        out += [(f"Comments ({n})", "", False),
                ("Comments are closed on this story after seven days.", "", True)]
    if "comments_ur" in ex:
        n = 2 + (k * 7) % 30
        out += [(f"تبصرے ({n})", "", False),
                ("اپنی رائے کا اظہار شائستہ الفاظ میں کریں", "", True)]
    if "gold" in ex:
        out += [("Gold rates", "", True),
                (f"Dubai, {fdate('en_gulf', day)}: 24K AED {310 + k % 9}.50 / 22K AED "
                 f"{287 + k % 9}.25 per gram", iso, True)]
    return out + F30.after_lines(page, day)


# ----------------------------------------------------------------------------- pages

render = F30.render  # fresh22's text page or fresh23's outlet page, with a BOM or a meta


def self_check(rendered, labels):
    """fresh30's checks (fresh22's) of the labels against the pages (see README.md "The
    thirty-second set"); exits with the failures, else returns a summary line."""
    try:
        return F30.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh30 self-check", "fresh31 self-check")) from None


def main(shared, out):
    F22.SEEN.clear()
    F22.own_line = own_line  # this set's own-line words (fresh22's header and checks use it)
    F22.read_own = F30.read_own  # fresh30's reader (Arabic letters folded)
    G.generate_set("fresh31", SITES, SEED_FRESH31, FRESH31_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
