"""The thirty-first set of the chrome bench (`gen.py --set fresh30`, `SET=fresh30 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The thirty-first set"
before the set's held-out run. The design is described in README.md "The thirty-first set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates. Site names, section words, furniture, box lines, figures
and all dates but the Reuters ones are the assembly's. Each generation checks its labels
against its pages (self_check, fresh22's) and stops on any mismatch. The assembly code is
fresh27's, fresh26's, fresh23's, fresh22's and fresh20's (imported: page filling, story header,
list markup, HTML page, phrase blocks, date styles and the label checks), with this set's
sites, salt, date styles (Hijri beside Gregorian, Arabic-Indic digits), own-line words, the
dated lines above and after the story, and the pages' encodings (a BOM, a declared
windows-1256 over UTF-8 bytes, real windows-1256 bytes).
"""
import datetime
import json

import fresh9 as F9
import fresh20 as F20
import fresh22 as F22
import fresh23 as F23
import fresh26 as F26
import gen as G

SEED_FRESH30 = 20270703
FRESH30_SALT = "khabar-chrome-fresh30"
EN_BASE, UR_BASE = datetime.date(2027, 7, 3), datetime.date(2027, 7, 4)
URDU_NAV30 = ["صفحہ اول", "پاکستان", "دنیا", "کالم", "کاروبار", "کھیل", "شوبز", "ای پیپر",
              "صحت", "ٹیکنالوجی", "جرم و سزا", "English"]
URDU_FOOT30 = ["ہم سے رابطہ", "اشتہارات کے لیے", "پالیسی", "ادارتی ٹیم",
               "جملہ حقوق محفوظ ہیں"]
DAY = datetime.timedelta(days=1)
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
HIJRI_UR = ["محرم الحرام", "صفر المظفر", "ربیع الاول", "ربیع الثانی", "جمادی الاول",
            "جمادی الثانی", "رجب المرجب", "شعبان المعظم", "رمضان المبارک", "شوال المکرم",
            "ذوالقعدہ", "ذوالحجہ"]
HIJRI_EN = ["Muharram", "Safar", "Rabi ul Awwal", "Rabi us Sani", "Jamadi ul Awwal",
            "Jamadi us Sani", "Rajab", "Shaban", "Ramazan", "Shawwal", "Zul Qadah", "Zul Hijjah"]
CITIES = ["لاہور", "کراچی", "اسلام آباد", "پشاور", "کوئٹہ", "ملتان"]
EN_CITIES = ["Lahore", "Karachi", "Islamabad", "Peshawar", "Quetta", "Multan"]

# fmt txt: fresh22's text page; fmt html: fresh23's outlet page.
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# enc: None | bom (a byte order mark first) | meta1256 (UTF-8 bytes, declared windows-1256) |
#   cp1256 (windows-1256 bytes, declared so)
# extras above the story: today, ticker (Urdu), today_en, ticker_en; after it: prayer, weather,
#   akhbar, columns (Urdu), prayer_en, weather_en, epaper_en
SITES = [
    dict(site="roznama-nawa-e-lahore.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_hijri", side="ur_plain", label="کالم", extras=("today", "prayer"),
         enc="bom", n=16),
    dict(site="urdu.karachi-tribune-daily.pk", lang="ur", fmt="txt", layout="site",
         body="samaa", own="none", side="ur_eastern", label="تازہ ترین",
         extras=("ticker", "weather"), enc=None, n=16),
    dict(site="akhbar-e-multan.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", half=True, ostyle="ur_shaya", side=None, label="",
         extras=("akhbar", "columns"), enc=None, n=16),
    dict(site="sargodha-sada.pk", lang="ur", fmt="txt", layout="site", body="samaa", own="none",
         side="ur_hamza", label="مزید خبریں", extras=("today", "weather"), enc="bom", n=16),
    dict(site="roznama-hazara-times.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_arabic", side="ur_weekday", label="اہم خبریں",
         extras=("ticker", "prayer"), enc=None, n=16),
    dict(site="bolan-awaz.pk", lang="ur", fmt="txt", layout="site", body="samaa", own="none",
         side=None, label="", extras=("columns", "akhbar"), enc=None, n=16),
    dict(site="roznama-faisalabad-express.pk", lang="ur", fmt="html", layout="site",
         body="express", own="under", ostyle="ur_hijri", meta="time", side="ur_plain",
         label="مقبول خبریں", extras=("ticker", "prayer"), enc="meta1256", n=16),
    dict(site="urdu.indus-post.com", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_plain", label="تازہ ترین", extras=("today", "akhbar"),
         enc="cp1256", n=16),
    dict(site="jang-e-rawalpindi.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", half=True, ostyle="ur_eastern_time", meta=None, side="ur_hamza",
         label="کالم نگار", extras=("columns", "weather"), enc=None, n=16),
    dict(site="mardan-khabarnama.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_plain", label="علاقائی خبریں", extras=("prayer", "weather"),
         enc="bom", n=16),
    dict(site="roznama-sukkur-sada.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_shaya", meta="time", side=None, label="",
         extras=("today", "akhbar"), enc=None, n=16),
    dict(site="urdu.gulf-pak-times.ae", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_arabic", meta=None, side="ur_eastern", label="خلیج سے",
         extras=("ticker", "prayer"), enc=None, n=16),
    dict(site="lahore-ledger.com.pk", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_pk", side="en_wp", label="Latest",
         extras=("today_en", "prayer_en"), enc="bom", n=16),
    dict(site="karachi-courier.pk", lang="en", fmt="txt", layout="site", body="bbc",
         own="none", side="en_dmy_short", label="Opinion", extras=("ticker_en", "weather_en"),
         enc=None, n=16),
    dict(site="islamabad-observer-daily.pk", lang="en", fmt="txt", layout="site", body="mix",
         own="under", half=True, ostyle="en_ordinal", side=None, label="",
         extras=("epaper_en", "prayer_en"), enc=None, n=16),
    dict(site="frontier-herald.pk", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_pk", meta="time", side="en_short", label="Most read",
         extras=("today_en", "weather_en"), enc=None, n=16),
    dict(site="pak-diaspora-news.co.uk", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_wp", label="Community", extras=("ticker_en", "epaper_en"),
         enc="bom", n=16),
    dict(site="sindh-chronicle.pk", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_lotto", meta=None, side="en_dmy_short", label="Business",
         extras=("prayer_en", "epaper_en"), enc="meta1256", n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites (Urdu sections in nav)
    "lahore-ledger.com.pk": (["Lahore Ledger", "Pakistan", "Punjab", "Business", "اردو"],
                             ["Lahore Ledger, Davis Road", "Lahore Ledger Publications"]),
    "karachi-courier.pk": (["Karachi Courier", "Home", "Sindh", "Opinion", "Urdu edition"],
                           ["Karachi Courier", "Write to the editor"]),
    "islamabad-observer-daily.pk": (["Islamabad Observer", "National", "Capital", "World",
                                     "اردو سیکشن"],
                                    ["Islamabad Observer Daily", "Subscribe to the print edition"]),
    "frontier-herald.pk": (["Frontier Herald", "Peshawar", "Tribal districts", "Business",
                            "اردو"],
                           ["Frontier Herald, Saddar Road", "Frontier Herald Media Group"]),
    "pak-diaspora-news.co.uk": (["Pak Diaspora News", "UK", "Pakistan", "Community",
                                 "اردو خبریں"],
                                ["Pak Diaspora News Ltd", "Advertise with us"]),
    "sindh-chronicle.pk": (["Sindh Chronicle", "Karachi", "Hyderabad", "Markets", "Sindhi",
                            "اردو"],
                           ["Sindh Chronicle", "Sindh Chronicle Publishing House"]),
}
OWN_WORDS = {  # the words the site writes beside its own date
    "roznama-nawa-e-lahore.pk": "شائع {t}",
    "akhbar-e-multan.pk": "{t} | اپ ڈیٹ {upd}",
    "roznama-hazara-times.pk": "تاریخ اشاعت: {t}",
    "roznama-faisalabad-express.pk": "شائع {t}",
    "jang-e-rawalpindi.pk": "{t}",
    "roznama-sukkur-sada.pk": "شائع {t} | اپ ڈیٹ {upd}",
    "urdu.gulf-pak-times.ae": "{t}",
    "lahore-ledger.com.pk": "Published {t}",
    "islamabad-observer-daily.pk": "Published {t}",
    "frontier-herald.pk": "Published {t}",
    "sindh-chronicle.pk": "{t}",
}
F23.ASIDE.update({"prayer": "prayer-times", "weather": "weather-box", "akhbar": "todays-paper",
                  "columns": "columnists", "prayer_en": "prayer-times",
                  "weather_en": "weather-box", "epaper_en": "epaper"})
_OWN_LINE22, _READ_OWN22 = F22.own_line, F22.read_own
ARABIC_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ه": "ہ"})


def read_own(text):
    """fresh22's reader, with the Arabic yeh, kaf and heh of windows-1256 pages read as the
    Urdu letters (`جولائي` is July)."""
    return _READ_OWN22(text.translate(ARABIC_LETTERS))


def hijri(d):
    """The tabular Islamic calendar's (year, month, day) of a Gregorian day (the day as an
    almanac prints it; outlets' printed Hijri days may differ by one)."""
    jd = d.toordinal() + 1721425
    n0 = jd - 1948440 + 10632
    n = (n0 - 1) // 10631
    r = n0 - 10631 * n + 354
    j = ((10985 - r) // 5316) * ((50 * r) // 17719) + (r // 5670) * ((43 * r) // 15238)
    r = r - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    m = (24 * r) // 709
    return 30 * n + j - 30, m, r - (709 * m) // 24


def hijri_ur(d):
    y, m, dd = hijri(d)
    return f"{dd} {HIJRI_UR[m - 1]} {y}ھ"


def hijri_en(d):
    y, m, dd = hijri(d)
    return f"{dd} {HIJRI_EN[m - 1]} {y} AH"


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles, else in fresh26's (and its predecessors')."""
    um, uwd = G.URDU_MONTHS[d.month - 1], F20.UR_WEEKDAYS[d.weekday()]
    mon = G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "am" if hour < 12 else "pm"
    mine = {
        "ur_hijri": lambda: f"{uwd} {d.day} {um} {d.year}ء — {hijri_ur(d)}",
        "ur_shaya": lambda: f"{d.day} {um} {d.year}ء، {hour:02d}:{minute:02d}",
        "ur_arabic": lambda: f"{d.day} {um} {d.year}".translate(ARABIC_INDIC),
        "ur_weekday": lambda: f"{uwd}، {d.day} {um} {d.year}",
        "en_pk": lambda: f"{mon} {d.day}, {d.year} {h12:02d}:{minute:02d}{ampm}",
    }
    return mine[style]() if style in mine else F26.fdate(style, d, hour, minute)


def own_line(page):
    """The own date's line with the site's words (an update time only, never a day)."""
    words = OWN_WORDS.get(page.spec["site"])
    if words is None:
        return _OWN_LINE22(page)
    upd = f"{(page.hour + 2) % 24:02d}:{(page.minute + 17) % 60:02d}"
    return words.format(t=page.own_text, upd=upd)


# ----------------------------------------------------------------------------- assembly

# windows-1256 has no Farsi yeh, Urdu full stop, yeh barree with hamza, heh goal with hamza
# or teh marbuta goal (nor a combining maddah or superscript alef): the letters such pages used
# instead
CP1256 = str.maketrans({"ی": "ي", "۔": ".", "ۓ": "ئے", "ۂ": "ہ", "ۃ": "ة", "ٔ": "",
                        "\u0653": "", "\u0670": ""})


def to1256(s):
    return s.replace("ا\u0653", "آ").translate(CP1256) if isinstance(s, str) else s


def site_pages(spec, pools, templates, rng):
    """fresh27's assembly of a site's pages, with this set's salt, chrome, lines and letters."""
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH30_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH30_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 6, 10)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV30, URDU_FOOT30, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        while True:  # as fresh27: each story, headline and lead query once; an undated page's
            # lead states no day; no headline states one; no story ends on a scrap
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
        page.num = (8300000 + 3911 * k + h % 90000) if lang == "en" else 47000 + 587 * k + h % 953
        page.scrape_hour, page.scrape_minute = 6 + (k * 7) % 15, (k * 29 + h) % 60
        page.own_text = (fdate(spec["ostyle"], page.date, page.hour, page.minute)
                         if page.own else "")
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])
                        if not read_own(t)] if spec["label"] else []
        page.author = (F22.AUTHORS if lang == "en" else F22.UR_AUTHORS)[(k + h) % 4]
        page.url = F22.page_url(page)
        page.masthead, page.upd, page.notes, page.foot = "", None, [], []
        page.nextstory, page.chat, page.calendar = None, None, []
        page.tool = tool_lines(page, day)    # above the story: [(line, ISO)]
        page.after = after_lines(page, day)  # after it: [(line, ISO, phrase source?)]
        if spec["enc"] == "cp1256":  # the page's letters as a windows-1256 page has them
            page.headline, page.lead = to1256(page.headline), to1256(page.lead)
            page.paras = [to1256(p) for p in page.paras]
            page.own_text, page.author = to1256(page.own_text), to1256(page.author)
            page.head, page.tail = [to1256(x) for x in head], [to1256(x) for x in tail]
            page.sidebar_label = to1256(page.sidebar_label)
            page.sidebar = [(to1256(t), to1256(dt), te, iso) for t, dt, te, iso in page.sidebar]
            page.tool = [(to1256(ln), iso) for ln, iso in page.tool]
            page.after = [(to1256(ln), iso, s) for ln, iso, s in page.after]
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool if iso}
                 | {iso for _ln, iso, _p in page.after if iso})
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_path(page):
    site, num, slug = page.spec["site"], page.num, page.slug[:50].rstrip("-")
    day = page.scrape_day
    return {
        "roznama-nawa-e-lahore.pk": f"{site}/news/{num}.txt",
        "urdu.karachi-tribune-daily.pk": f"{site}/latest/{day}/{num}.txt",
        "akhbar-e-multan.pk": f"saved/{site}/{num}.txt",
        "sargodha-sada.pk": f"{site}/{day.replace('-', '')}/{num}.txt",
        "roznama-hazara-times.pk": f"{site}/detail/{num}.txt",
        "bolan-awaz.pk": f"urdu-dump/{site}/{num}.txt",
        "roznama-faisalabad-express.pk": f"{site}/story/{num}.html",
        "urdu.indus-post.com": f"{site}/news/{num}.htm",
        "jang-e-rawalpindi.pk": f"{site}/{day[:7]}/{num}.html",
        "mardan-khabarnama.pk": f"{site}/{num}/index.html",
        "roznama-sukkur-sada.pk": f"{site}/akhbar/{day}/{num}.html",
        "urdu.gulf-pak-times.ae": f"{site}/ur/{num}.html",
        "lahore-ledger.com.pk": f"{site}/news/{slug}.txt",
        "karachi-courier.pk": f"{site}/{day}/{num}.txt",
        "islamabad-observer-daily.pk": f"{site}/print/{num}-{slug}.txt",
        "frontier-herald.pk": f"{site}/story/{num}/{slug}.html",
        "pak-diaspora-news.co.uk": f"www.{site}/{slug}.html",
        "sindh-chronicle.pk": f"{site}/business/{num}.html",
    }[site]


# ----------------------------------------------------------------------------- chrome

def tool_lines(page, day):
    """Dated lines above the story (the outlet's date strip, its ticker): [(line, ISO)]."""
    ex, k, out, iso = page.spec.get("extras", ()), page.k, [], day.isoformat()
    hm = f"{page.scrape_hour:02d}:{page.scrape_minute:02d}"
    if "today" in ex:  # the masthead's strip: the weekday, the day and the Hijri day
        out.append((f"آج کا دن: {fdate('ur_hijri', day)}", iso))
    if "ticker" in ex:  # the breaking-news ticker: a time-ago stamp and the ticker's day
        out += [("بریکنگ نیوز", ""),
                (f"اپ ڈیٹ: {1 + k % 5} {'گھنٹہ' if k % 5 == 0 else 'گھنٹے'} پہلے", ""),
                (f"تازہ ترین • {fdate('ur_eastern', day)} • {hm}", iso)]
    if "today_en" in ex:
        out.append((f"{day:%A}, {G.MONTHS[day.month - 1]} {day.day}, {day.year} | "
                    f"{hijri_en(day)}", iso))
    if "ticker_en" in ex:
        out += [("BREAKING", ""), (f"Updated {2 + k % 7} mins ago", ""),
                (f"Ticker as of {fdate('en_dmy_short', day)}, {hm} PKT", iso)]
    return out


def after_lines(page, day):
    """Dated boxes after the story: [(line, ISO, a source of chrome phrases?)]; each box opens
    with an undated heading."""
    ex, k, out, iso = page.spec.get("extras", ()), page.k, [], day.isoformat()
    city = CITIES[(k + len(page.spec["site"])) % 6]
    tomorrow = day + DAY
    if "prayer" in ex:
        out += [("اوقات نماز", "", True),
                (f"{city} — {fdate('ur_plain', day)}: فجر 3:{30 + k % 9}، ظہر 12:{10 + k % 5}، "
                 f"عصر 4:{50 + k % 9}، مغرب 7:{10 + k % 8}، عشاء 8:{40 + k % 9}", iso, True)]
    if "weather" in ex:  # tomorrow's forecast
        out += [("موسم کا حال", "", True),
                (f"{city}: کل {fdate('ur_hamza', tomorrow)} کو موسم گرم اور مرطوب رہے گا، "
                 f"زیادہ سے زیادہ درجہ حرارت {37 + k % 6} ڈگری", tomorrow.isoformat(), True)]
    if "akhbar" in ex:  # today's paper
        out += [("آج کا اخبار", "", True),
                (f"ای پیپر — {fdate('ur_baroz', day)}", iso, True),
                ("مکمل اخبار پڑھنے کے لیے کلک کریں", "", True)]
    if "columns" in ex:  # the column writers' list, each with its column's day
        for i in range(2):
            d = day - DAY * (i + (k % 2))
            out.append((f"{F9.COLUMNISTS[(k + i) % len(F9.COLUMNISTS)]} — "
                        f"{fdate('ur_eastern', d)}", d.isoformat(), False))
        out.insert(len(out) - 2, ("کالم نگار", "", True))
    if "prayer_en" in ex:
        c = EN_CITIES[(k + len(page.spec["site"])) % 6]
        out += [("Prayer timings", "", True),
                (f"{c}, {fdate('en_wp', day)}: Fajr 4:{10 + k % 9}, Zuhr 12:{20 + k % 9}, "
                 f"Asr 5:{10 + k % 9}, Maghrib 7:{20 + k % 9}, Isha 8:{50 + k % 9}", iso, True)]
    if "weather_en" in ex:
        c = EN_CITIES[(k + 3) % 6]
        out += [("Weather", "", True),
                (f"Tomorrow, {fdate('en_lotto', tomorrow)}: {c} {38 + k % 5}°C / "
                 f"{27 + k % 4}°C, hot and humid", tomorrow.isoformat(), True)]
    if "epaper_en" in ex:
        out += [("Today's paper", "", True),
                (f"E-PAPER | {fdate('en_caps', day)}", iso, True)]
    return out


# ----------------------------------------------------------------------------- pages

META1256 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'


def render(page):
    """fresh22's text page or fresh23's outlet page, then the site's encoding troubles: a BOM
    first, or windows-1256 declared (the bytes are re-encoded after the self-check for
    cp1256, left UTF-8 for meta1256)."""
    enc = page.spec["enc"]
    if page.spec["fmt"] == "html":
        text = F23.html_page(page)
        if enc in ("meta1256", "cp1256"):
            text = text.replace('<meta charset="utf-8">', META1256, 1)
        if enc == "cp1256":  # the byline and any letter not set in site_pages
            text = to1256(text)
    else:
        text = F22.text_site(page)
    if enc == "bom":
        text = "\ufeff" + text
    return text, F22.phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages (see README.md "The thirty-first
    set"), and every cp1256 page encodable; exits with the failures, else returns a summary
    line."""
    bad = []
    for page, path, text, _chrome in rendered:
        if page.spec["enc"] == "cp1256":
            try:
                text.encode("cp1256")
            except UnicodeEncodeError as e:
                bad.append(f"{path}: not windows-1256: {e}")
    if bad:
        raise SystemExit("fresh30 self-check failed:\n" + "\n".join(bad[:40]))
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh30 self-check")) from None


def main(shared, out):
    F22.SEEN.clear()
    F22.own_line = own_line  # this set's own-line words (fresh22's header and checks use it)
    F22.read_own = read_own  # and its reader of windows-1256 letters
    G.generate_set("fresh30", SITES, SEED_FRESH30, FRESH30_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
    cp = {s["site"] for s in SITES if s["enc"] == "cp1256"}
    for ln in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        lb = json.loads(ln)
        if lb["site"] in cp:  # the page's bytes in the encoding it declares
            p = out / lb["path"]
            p.write_bytes(p.read_text(encoding="utf-8").encode("cp1256"))
