"""The twenty-sixth set of the chrome bench (`gen.py --set fresh25`, `SET=fresh25 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twenty-sixth set" before
the set's held-out run. The design is described in README.md "The twenty-sixth set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates in fresh23's and fresh22's styles. Site names, section words,
furniture, notice lines, figures and all dates but the Reuters ones are the assembly's. Each
generation checks its labels against its pages (self_check, fresh22's) and stops on any
mismatch. The assembly code is fresh23's, fresh22's and fresh20's (imported: page filling, story
header, list markup, HTML page, phrase blocks and the label checks), with this set's sites, the
text renderings of its text sites (render_text: one wrapper per kind of saved text) and the
dated lines above and after the story.
"""
import datetime
import textwrap

import fresh9 as F9
import fresh20 as F20
import fresh22 as F22
import fresh23 as F23
import gen as G

SEED_FRESH25 = 20270412
FRESH25_SALT = "khabar-chrome-fresh25"
EN_BASE, UR_BASE = datetime.date(2027, 4, 12), datetime.date(2027, 4, 13)
URDU_NAV25 = ["صفحہ اول", "قومی", "عالمی", "کاروبار", "کھیل", "فن و ثقافت", "صحت", "تعلیم",
              "ادارتی", "شہر", "خواتین", "ای پیپر"]
URDU_FOOT25 = ["رابطہ", "ہمارے بارے میں", "رازداری کی پالیسی", "اشتہارات",
               "جملہ حقوق محفوظ ہیں"]
DAY = datetime.timedelta(days=1)

# fmt txt: kind says how the text was saved (render_text); fmt html: fresh23's outlet page.
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# extras (dated lines; above the story: tides, pharmacy, exam, gold, ration, match; after it:
#   lecture, recall, closure, tender, admission, urs, vaccine, polio)
SITES = [
    dict(site="exe-valley-advertiser.co.uk", lang="en", fmt="txt", layout="ocr", kind="ocr",
         body="reuters", own="under", ostyle="en_caps", side="en_dmy_short",
         label="In Brief", extras=("tides",), n=16),
    dict(site="northgate-echo.co.uk", lang="en", fmt="txt", layout="speech", kind="speech",
         body="bbc", own="none", side="en_short", label="Most read", extras=("recall",), n=16),
    dict(site="archive.press-digest.example", lang="en", fmt="txt", layout="database",
         kind="database", body="reuters", own="under", ostyle="en_us_day", side=None,
         label="", extras=(), n=16),
    dict(site="ceefax-memories.org.uk", lang="en", fmt="txt", layout="teletext", kind="teletext",
         body="mix", own="under", half=True, ostyle="en_dmy_short", side=None,
         label="NEWS INDEX", extras=("pharmacy",), n=16),
    dict(site="wessex-chronicle.co.uk", lang="en", fmt="txt", layout="printpdf",
         kind="printpdf", body="bbc", own="none", side="en_dmy_short", label="Related stories",
         extras=("closure",), n=16),
    dict(site="radio-severn.co.uk", lang="en", fmt="txt", layout="bulletin", kind="bulletin",
         body="reuters", own="under", ostyle="en_day", side=None, label="",
         extras=("lecture",), n=16),
    dict(site="roznama-sahil.pk", lang="ur", fmt="txt", layout="ocr", kind="ocr",
         body="express", own="under", ostyle="ur_baroz", side="ur_plain", label="مختصر خبریں",
         extras=("tender",), n=16),
    dict(site="awaz-e-multan.pk", lang="ur", fmt="txt", layout="speech", kind="speech",
         body="samaa", own="none", side="ur_plain", label="مقبول ترین", extras=("exam",),
         n=16),
    dict(site="khabarnama-desk.pk", lang="ur", fmt="txt", layout="composed", kind="composed",
         body="express", own="under", ostyle="ur_plain", side=None, label="",
         extras=("admission",), n=16),
    dict(site="pak-khabar-agency.pk", lang="ur", fmt="txt", layout="agency", kind="agency",
         body="samaa", own="under", half=True, ostyle="ur_eastern", side=None, label="",
         extras=("gold",), n=16),
    dict(site="jhang-times.pk", lang="ur", fmt="txt", layout="printpdf", kind="printpdf",
         body="express", own="none", side="ur_plain", label="متعلقہ خبریں",
         extras=("urs",), n=16),
    dict(site="subah-ki-khabrein.pk", lang="ur", fmt="txt", layout="digest", kind="digest",
         body="samaa", own="under", ostyle="ur_baroz", side="ur_plain", label="مزید پڑھیں",
         extras=("vaccine",), n=16),
    dict(site="hillside-observer.com", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_pipe", meta="time", side="en_short", label="Trending",
         extras=("match", "recall"), n=16),
    dict(site="coastline-record.com", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_dmy_short", label="More from Coastline", extras=("lecture",),
         n=16),
    dict(site="fenland-weekly.co.uk", lang="en", fmt="html", layout="site", body="mix",
         own="under", half=True, ostyle="en_dots", meta=None, side=None, label="Latest",
         extras=("closure",), n=16),
    dict(site="roznama-mehran.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_eastern", meta="time", side="ur_plain", label="تازہ خبریں",
         extras=("ration", "polio"), n=16),
    dict(site="urdu.pukar-news.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_plain", label="اہم ترین", extras=("tender",), n=16),
    dict(site="kashmir-nama.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_baroz", meta=None, side=None, label="دیگر خبریں",
         extras=("urs",), n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites
    "exe-valley-advertiser.co.uk": (["EXE VALLEY ADVERTISER", "NEWS", "Page 7"],
                                    ["Exe Valley Advertiser is a member of IPSO",
                                     "To advertise call our sales team"]),
    "northgate-echo.co.uk": (["Northgate Echo", "News", "Sport", "Things to do", "Jobs"],
                             ["Northgate Echo Media Group", "Accessibility statement",
                              "Do not sell my information"]),
    "archive.press-digest.example": (["Press Digest Archive", "Document delivery"],
                                     ["Press Digest Archive retrieval service",
                                      "Reproduced under licence for research use only"]),
    "ceefax-memories.org.uk": (["CEEFAX 1", "NEWS", "Headlines 101"],
                               ["Recovered from a home video recording",
                                "Ceefax Memories volunteer transcription project"]),
    "wessex-chronicle.co.uk": (["Wessex Chronicle", "News", "Salisbury", "Sport", "Obituaries"],
                               ["Wessex Chronicle, Castle Street", "Wessex Chronicle Ltd",
                                "Cookie preferences"]),
    "radio-severn.co.uk": (["Radio Severn", "News bulletin transcript", "Listen again"],
                           ["Radio Severn transcripts are prepared by volunteers",
                            "Radio Severn Community Broadcasting"]),
    "hillside-observer.com": (["Hillside Observer", "News", "Business", "Schools", "Opinion"],
                              ["Hillside Observer", "Letters to the editor",
                               "Hillside Observer Publishing"]),
    "coastline-record.com": (["Coastline Record", "News", "Harbour", "Arts", "Sport"],
                             ["Coastline Record, Quay Street", "Subscriptions",
                              "Coastline Record Company"]),
    "fenland-weekly.co.uk": (["Fenland Weekly", "News", "Farming", "Courts", "Sport"],
                             ["Fenland Weekly, Wisbech", "Reader offers",
                              "Fenland Weekly Newspapers"]),
}
F23.ASIDE.update({"recall": "product-recall", "lecture": "events", "closure": "road-notice",
                  "tender": "tender-notice", "urs": "religious-notice", "polio": "health-notice",
                  "admission": "admissions", "vaccine": "health-notice"})


def fdate(style, d, hour=9, minute=15):
    return F23.fdate(style, d, hour, minute)


read_own = F22.read_own

# ----------------------------------------------------------------------------- assembly


def site_pages(spec, pools, templates, rng):
    """fresh23's assembly of a site's pages (fresh22's, for outlets' pages only), with this
    set's lines."""
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH25_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH25_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 6, 10)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV25, URDU_FOOT25, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        while True:  # each story, headline and lead query once in the sets' SEEN; an undated
            # page's lead states no day; no headline states one
            page = F20.new_page(spec, k, day, pools, rng, back)
            dated = spec["own"] != "none" and bool(page.own) and not (
                spec.get("half") and k % 2)
            q = G.lead_query(page.lead, page.headline, lang)
            if (page.headline not in F22.SEEN and page.lead not in F22.SEEN
                    and q not in F22.SEEN and not read_own(page.headline)
                    and (dated or not read_own(page.lead))):
                break
        F22.SEEN.update((page.headline, page.lead, q))
        if not dated:
            page.own = ""
        page.seq = k // ndays + 1
        page.num = (5300000 + 2711 * k + h % 90000) if lang == "en" else 72000 + 419 * k + h % 911
        page.scrape_hour, page.scrape_minute = 7 + (k * 5) % 12, (k * 23 + h) % 60
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
        "exe-valley-advertiser.co.uk": f"ocr/{site}/{day.replace('-', '/')}/p7-{num}.txt",
        "northgate-echo.co.uk": f"a11y-logs/{site}/{num}.log.txt",
        "archive.press-digest.example": f"{site}/export/doc-{num}.txt",
        "ceefax-memories.org.uk": f"{site}/p{101 + page.k % 20}-{num}.txt",
        "wessex-chronicle.co.uk": f"pdf2txt/{site}/{slug}.txt",
        "radio-severn.co.uk": f"{site}/transcripts/{day}/{num}.txt",
        "roznama-sahil.pk": f"epaper-ocr/{site}/{day}/{num}.txt",
        "awaz-e-multan.pk": f"{site}/screenreader/{num}.txt",
        "khabarnama-desk.pk": f"{site}/composed/{num}.txt",
        "pak-khabar-agency.pk": f"wire/{site}/{day.replace('-', '')}-{num}.txt",
        "jhang-times.pk": f"{site}/pdf/{num}.txt",
        "subah-ki-khabrein.pk": f"mail/{site}/{day}/{num}.txt",
        "hillside-observer.com": f"{site}/news/{slug}-{num}.html",
        "coastline-record.com": f"{site}/{day}/{num}.html",
        "fenland-weekly.co.uk": f"{site}/news/courts/{num}.html",
        "roznama-mehran.pk": f"{site}/story/{num}.html",
        "urdu.pukar-news.pk": f"{site}/{num}/index.html",
        "kashmir-nama.pk": f"{site}/latest/{num}.html",
    }[site]


# ----------------------------------------------------------------------------- chrome

def wrapper_lines(page, day):
    """The dated line that whatever saved the text put above it: [(line, ISO)]; the scrape
    day (the day it was saved, printed, loaded or sent)."""
    kind, en, iso = page.spec.get("kind"), page.spec["lang"] == "en", day.isoformat()
    hm = f"{page.scrape_hour:02d}:{page.scrape_minute:02d}"
    say = fdate("en_lotto" if en else "ur_plain", day)
    if kind == "ocr":
        return [(f"Scanned {say} {hm} — OCR confidence {81 + page.k % 17}%" if en else
                 f"اسکین شدہ {say} — او سی آر درستی {81 + page.k % 17} فیصد", iso)]
    if kind == "speech":
        return [(f"Speech viewer log started {say} {hm}" if en else
                 f"اسکرین ریڈر لاگ {say} کو {hm} بجے شروع ہوا", iso)]
    if kind == "database":
        return [(f"Document {page.k + 1} of 16 retrieved {say}", iso)]
    if kind == "teletext":
        return [(f"Recording of {say} {hm} page {101 + page.k % 20}", iso)]
    if kind == "printpdf":
        return [(f"Printed {say} {hm} from {page.url}" if en else
                 f"پرنٹ شدہ {say} — {page.url}", iso)]
    if kind == "bulletin":
        return [(f"Transcript of the {page.scrape_hour:02d}:00 bulletin, {say}", iso)]
    if kind == "composed":
        return [(f"کمپوزنگ سیکشن — فائل محفوظ {say}، آپریٹر {['ندیم', 'عارف', 'ثاقب'][page.k % 3]}",
                 iso)]
    if kind == "agency":
        return [(f"ترسیل {say} — ڈیسک {3 + page.k % 4}", iso)]
    if kind == "digest":
        return [(f"ای میل موصول {say} — بھیجنے والا: صبح کی خبریں", iso)]
    return []


def tool_lines(page, day):
    """Dated lines above the story: [(line, ISO)]."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "tides" in ex:  # tomorrow's high water
        d = day + DAY
        out.append((f"High water Exmouth {fdate('en_lotto', d)} {5 + k % 6}.{k % 6}0am",
                    d.isoformat()))
    if "pharmacy" in ex:  # the duty chemist of the coming Sunday
        sun = F22.next_weekday_from(day + DAY, (6,))
        out.append((f"DUTY CHEMIST {fdate('en_lotto', sun)} Boots High St", sun.isoformat()))
    if "match" in ex:  # the last Saturday's result
        sat = F22.last_weekday_before(day, (5,))
        out.append((f"Result {fdate('en_lotto', sat)}: Hillside Rovers {k % 3} Brackley "
                    f"{(k * 2) % 4}", sat.isoformat()))
    if "exam" in ex:  # the board's coming papers
        d = day + DAY * (6 + k % 5)
        out.append((f"تعلیمی بورڈ ملتان: میٹرک کے پرچے {fdate('ur_plain', d)} سے شروع ہوں گے",
                    d.isoformat()))
    if "gold" in ex:  # yesterday's rate
        d = day - DAY
        out.append((f"صرافہ بازار: {fdate('ur_plain', d)} کو فی تولہ سونا "
                    f"{285000 + k * 450:,} روپے", d.isoformat()))
    if "ration" in ex:
        d = day + DAY * (2 + k % 4)
        out.append((f"یوٹیلٹی اسٹورز پر رعایتی آٹا {fdate('ur_plain', d)} سے دستیاب ہوگا",
                    d.isoformat()))
    return out


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]; each box opens
    with an undated heading."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "recall" in ex:
        d = day - DAY * (1 + k % 3)
        out += [("Product recall", "", True),
                (f"A frozen pizza range was recalled on {fdate('en_lotto', d)}; return it "
                 "to the store", d.isoformat(), True)]
    if "lecture" in ex:
        d = F22.next_weekday_from(day + DAY, (3,))
        out += [("What's on", "", True),
                (f"Public lecture on the river's history, {fdate('en_day', d)}, 7.30pm, "
                 "Guildhall", d.isoformat(), False)]
    if "closure" in ex:
        d = day + DAY * (3 + k % 6)
        out += [("Road closures", "", True),
                (f"The A36 will be closed overnight from {fdate('en_wp', d)} for resurfacing",
                 d.isoformat(), False)]
    if "tender" in ex:
        d = day + DAY * (7 + k % 8)
        out += [("ٹینڈر نوٹس", "", True),
                (f"ضلع کونسل کے ترقیاتی کاموں کے ٹینڈر {fdate('ur_plain', d)} کو دن 12 بجے "
                 "کھولے جائیں گے", d.isoformat(), True)]
    if "urs" in ex:
        d = day + DAY * (4 + k % 9)
        out += [("عرس مبارک", "", True),
                (f"حضرت شاہ جیونہ کا سالانہ عرس {fdate('ur_plain', d)} سے شروع ہوگا",
                 d.isoformat(), False)]
    if "polio" in ex:
        d = day + DAY * (1 + k % 5)
        out += [("انسداد پولیو مہم", "", True),
                (f"پانچ سال سے کم عمر بچوں کے لیے انسداد پولیو مہم {fdate('ur_plain', d)} سے "
                 "شروع ہوگی", d.isoformat(), True)]
    if "admission" in ex:
        d = day + DAY * (8 + k % 10)
        out += [("داخلے جاری ہیں", "", True),
                (f"گورنمنٹ کالج میں فرسٹ ایئر کے داخلہ فارم جمع کرانے کی آخری تاریخ "
                 f"{fdate('ur_plain', d)} ہے", d.isoformat(), True)]
    if page.spec.get("kind") == "database":  # the day the document was loaded
        out += [(f"Load-Date: {fdate('en_wp', day)}", day.isoformat(), False),
                ("End of Document", "", True)]
    if "vaccine" in ex:
        d = day + DAY * (2 + k % 6)
        out += [("صحت", "", True),
                (f"خسرہ سے بچاؤ کے حفاظتی ٹیکوں کی مہم {fdate('ur_plain', d)} تک جاری رہے گی",
                 d.isoformat(), True)]
    return out


# ----------------------------------------------------------------------------- pages

def wrap(paras, width):
    return ["\n".join(textwrap.wrap(p, width, break_long_words=False, break_on_hyphens=False))
            for p in paras]


def render_text(page):
    """The text as its kind saved it: [wrapper and dated lines above], the site's top lines,
    the story (headline, header lines, paragraphs), dated lines after it, the list, the foot."""
    spec, kind, en = page.spec, page.spec["kind"], page.spec["lang"] == "en"
    story = [page.headline] + F22.header_lines(page)
    paras = list(page.paras)
    side = [(t, dt) for t, dt, _te, _ in page.sidebar]
    tool = [ln for ln, _ in page.tool]
    after = [ln for ln, _iso, _s in page.after]
    head, tail, pre_story, end = ["\n".join(page.head)], ["\n".join(page.tail)], [], []
    lst = ([page.sidebar_label + "\n\n" + "\n\n".join(
        "\n".join([t] + ([dt] if dt else [])) for t, dt in side)] if page.sidebar_label else [])
    if kind == "ocr":  # a print page's column, its running head and the scanner's line
        head = ["   ".join(page.head)]
        paras = wrap(paras, 38 if en else 46)
        end = ["— — —"]
    elif kind == "speech":  # what a screen reader spoke, line by line
        head = ["banner landmark\nnavigation landmark\nlist with "
                f"{len(page.head)} items\n" + "\n".join(f"link {x}" for x in page.head)
                + "\nout of list"]
        story = [f"main landmark\nheading level 1 {page.headline}"] + story[1:]
        if page.sidebar_label:
            lst = [f"complementary landmark\nheading level 2 {page.sidebar_label}\nlist with "
                   f"{len(side)} items\n" + "\n".join(
                       f"link {t}" + (f"\n{dt}" if dt else "") for t, dt in side)
                   + "\nout of list"]
        after = [("heading level 3 " if i == 0 else "") + ln for i, ln in enumerate(after)]
        tail = ["content info landmark\n" + "\n".join(page.tail)]
    elif kind == "database":  # a research database's export
        pre_story = [f"Section: {['BUSINESS', 'FINANCIAL', 'MONEY'][page.k % 3]}; "
                     f"Pg. {3 + page.k % 9}\nLength: {len(' '.join(paras).split())} words"]
        story = story + ["Body"]
    elif kind == "teletext":  # a recovered teletext page, forty columns
        head = [" ".join(page.head)]
        paras = wrap(paras, 40)
        lst = ([page.sidebar_label + "\n" + "\n".join(
            f"{t} {110 + i}" for i, (t, _dt) in enumerate(side))] if page.sidebar_label
            else [])
        end = [f"Next News {102 + page.k % 20}   Index 100"]
    elif kind == "printpdf":  # a browser's print to PDF, then pdftotext
        paras = paras[:2] + [f"{page.url} 1/2\f" + paras[2]] + paras[3:] if len(paras) > 3 \
            else paras
        end = [f"{page.url} 2/2"]
    elif kind == "bulletin":  # a radio news bulletin typed out
        story = [f"Item {1 + page.k % 5}: {page.headline}"] + story[1:]
        paras = ["NEWSREADER: " + paras[0]] + paras[1:]
        end = [f"That's the news at {page.scrape_hour:02d}:00. Travel and weather follow."]
    elif kind == "composed":  # a composing section's converted page file
        pre_story = [f"سلگ: خبر نمبر {page.num % 1000}"]
        end = ["٭٭٭٭٭", f"{['ن', 'ع', 'ث'][page.k % 3]}/ک"]
    elif kind == "agency":  # an agency's copy as the desk receives it
        pre_story = [f"پی کے اے-{page.num % 100}"]
        end = [f"(ختم) {['ع ح', 'س ک', 'م ا'][page.k % 3]}/{['ر ش', 'ط ن'][page.k % 2]}"]
    elif kind == "digest":  # a morning newsletter saved as text
        pre_story = ["اگر یہ ای میل درست نظر نہیں آ رہی تو اسے براؤزر میں دیکھیں"]
        tail = ["\n".join(page.tail) + "\nیہ ای میل بند کرنے کے لیے ان سبسکرائب کریں"]
    chunks = ["\n".join(tool)] + head + pre_story + ["\n".join(story)] + paras
    chunks += after + lst + tail + end
    return "\n\n".join(c for c in chunks if c) + "\n"


def render(page):
    text = F23.html_page(page) if page.spec["fmt"] == "html" else render_text(page)
    return text, F22.phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages (see README.md "The twenty-sixth
    set"); exits with the failures, else returns a summary line."""
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh25 self-check")) from None


def main(shared, out):
    F22.SEEN.clear()
    G.generate_set("fresh25", SITES, SEED_FRESH25, FRESH25_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
