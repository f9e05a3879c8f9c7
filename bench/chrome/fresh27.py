"""The twenty-eighth set of the chrome bench (`gen.py --set fresh27`, `SET=fresh27 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twenty-eighth set"
before the set's held-out run. The design is described in README.md "The twenty-eighth set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates in the earlier sets' styles. Site names, section words,
furniture, notice lines, figures and all dates but the Reuters ones are the assembly's. Each
generation checks its labels against its pages (self_check, fresh22's) and stops on any
mismatch. The assembly code is fresh26's, fresh25's, fresh23's, fresh22's and fresh20's
(imported: page filling, story header, list markup, HTML page, phrase blocks, wrapping, date
styles and the label checks), with this set's sites, salt, the text renderings of its text
sites (render_text: one per kind of saved text) and the dated lines above and after the story.
"""
import datetime

import fresh9 as F9
import fresh20 as F20
import fresh22 as F22
import fresh23 as F23
import fresh25 as F25
import fresh26 as F26
import gen as G

SEED_FRESH27 = 20270611
FRESH27_SALT = "khabar-chrome-fresh27"
EN_BASE, UR_BASE = datetime.date(2027, 6, 11), datetime.date(2027, 6, 12)
URDU_NAV27 = ["صفحہ اول", "قومی", "عالمی", "شہر", "تجارت", "کھیل", "فن و ثقافت", "اداریہ",
              "تعلیم", "زراعت", "موسم", "خواتین"]
URDU_FOOT27 = ["ہمارے بارے میں", "اشتہارات", "رازداری", "رابطہ کریں",
               "جملہ حقوق بحق ادارہ محفوظ ہیں"]
DAY = datetime.timedelta(days=1)

# fmt txt: kind says how the text was saved (render_text); fmt html: fresh23's outlet page.
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# extras (dated lines; above the story: bins, blood, polio, gas, roadworks; after it:
#   pool, library, urs, admission, quiz)
SITES = [
    dict(site="fenland-chronicle.co.uk", lang="en", fmt="txt", layout="discord",
         kind="discord", body="bbc", own="none", side="en_wp", label="More from the Chronicle",
         extras=("bins",), n=16),
    dict(site="wearside-wire.co.uk", lang="en", fmt="txt", layout="fediverse",
         kind="fediverse", body="reuters", own="under", ostyle="en_next", side=None, label="",
         extras=("quiz",), n=16),
    dict(site="chiltern-courier.co.uk", lang="en", fmt="txt", layout="readlater",
         kind="readlater", body="mix", own="under", half=True, ostyle="en_sky",
         side="en_dmy_short", label="Recommended reads", extras=(), n=16),
    dict(site="borders-gazette.co.uk", lang="en", fmt="txt", layout="kanban", kind="kanban",
         body="reuters", own="under", ostyle="en_caps", side=None, label="",
         extras=("roadworks",), n=16),
    dict(site="urdu.multan-times.pk", lang="ur", fmt="txt", layout="sms", kind="sms",
         body="express", own="under", ostyle="ur_first", side=None, label="",
         extras=("gas",), n=16),
    dict(site="peshawar-pulse.pk", lang="ur", fmt="txt", layout="discord", kind="discord",
         body="samaa", own="none", side="ur_plain", label="مزید پڑھیں", extras=("polio",),
         n=16),
    dict(site="clyde-urdu.co.uk", lang="ur", fmt="txt", layout="readlater", kind="readlater",
         body="express", own="under", half=True, ostyle="ur_jumma", side=None, label="",
         extras=("admission",), n=16),
    dict(site="quetta-khabar.pk", lang="ur", fmt="txt", layout="fediverse", kind="fediverse",
         body="samaa", own="none", side=None, label="", extras=("urs",), n=16),
    dict(site="roznama-sialkot.pk", lang="ur", fmt="txt", layout="kanban", kind="kanban",
         body="express", own="under", ostyle="ur_next", side="ur_plain", label="تازہ خبریں",
         extras=(), n=16),
    dict(site="cotswold-echo.co.uk", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_townnews", meta="time", side="en_short", label="Trending",
         extras=("pool",), n=16),
    dict(site="humber-daily.co.uk", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_dmy_short", label="Latest from Hull", extras=("bins", "library"),
         n=16),
    dict(site="leeds-desi-voice.co.uk", lang="en", fmt="html", layout="site", body="mix",
         own="under", half=True, ostyle="en_bbcold", meta=None, side=None,
         label="Community stories", extras=("blood",), n=16),
    dict(site="thames-valley-times.co.uk", lang="en", fmt="html", layout="site",
         body="reuters", own="under", ostyle="en_lotto", meta=None, side="en_wp",
         label="Read next", extras=("quiz",), n=16),
    dict(site="pak-uk-trade-weekly.com", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side=None, label="In this issue", extras=("roadworks",), n=16),
    dict(site="roznama-bahawalpur.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_first", meta="time", side="ur_plain", label="اہم خبریں",
         extras=("gas", "urs"), n=16),
    dict(site="gilgit-awaz.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_plain", label="علاقائی خبریں", extras=("admission",), n=16),
    dict(site="oslo-urdu.no", lang="ur", fmt="html", layout="site", body="samaa",
         own="under", half=True, ostyle="ur_baroz", meta="time", side=None,
         label="کمیونٹی", extras=("polio",), n=16),
    dict(site="urdu.hyderabad-sada.in", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_eastern", meta=None, side="ur_plain", label="مقبول خبریں",
         extras=("urs",), n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites
    "fenland-chronicle.co.uk": (["Fenland Chronicle", "News", "Wisbech", "March", "Whittlesey"],
                                ["Fenland Chronicle Ltd", "Send us your story"]),
    "wearside-wire.co.uk": (["Wearside Wire", "News", "Sunderland", "Washington", "Business"],
                            ["Wearside Wire", "Follow the newsroom on the fediverse"]),
    "chiltern-courier.co.uk": (["Chiltern Courier", "News", "Amersham", "Chesham",
                                "Wycombe"],
                               ["Chiltern Courier Newspapers", "Reader panel"]),
    "borders-gazette.co.uk": (["Borders Gazette", "News", "Hawick", "Galashiels", "Rugby"],
                              ["Borders Gazette, High Street, Hawick", "Borders Gazette Ltd"]),
    "cotswold-echo.co.uk": (["Cotswold Echo", "News", "Cirencester", "Stroud", "Farming"],
                            ["Cotswold Echo, Dollar Street", "Cotswold Echo Media",
                             "Cookie settings"]),
    "humber-daily.co.uk": (["Humber Daily", "News", "Hull", "Grimsby", "Goole"],
                           ["Humber Daily", "Jobs board", "Humber Daily Publishing"]),
    "leeds-desi-voice.co.uk": (["Leeds Desi Voice", "News", "Harehills", "Beeston", "Faith",
                                "Weddings"],
                               ["Leeds Desi Voice CIC", "Volunteer with us"]),
    "thames-valley-times.co.uk": (["Thames Valley Times", "News", "Reading", "Slough",
                                   "Maidenhead"],
                                  ["Thames Valley Times", "Letters to the editor",
                                   "Thames Valley Times Group"]),
    "pak-uk-trade-weekly.com": (["Pak UK Trade Weekly", "Markets", "Textiles", "Logistics",
                                 "Exporters"],
                                ["Pak UK Trade Weekly", "Advertise in the next issue",
                                 "PUTW Publishing Ltd"]),
}
F23.ASIDE.update({"pool": "leisure-notice", "library": "library-notice", "urs": "urs-notice",
                  "admission": "admission-notice", "quiz": "pub-notice"})
fdate = F26.fdate
read_own = F22.read_own

# ----------------------------------------------------------------------------- assembly


def site_pages(spec, pools, templates, rng):
    """fresh26's assembly of a site's pages, with this set's salt, chrome and lines."""
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH27_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH27_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 6, 10)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV27, URDU_FOOT27, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        while True:  # as fresh26: each story, headline and lead query once; an undated page's
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
        page.num = (7200000 + 4127 * k + h % 90000) if lang == "en" else 91000 + 613 * k + h % 977
        page.scrape_hour, page.scrape_minute = 7 + (k * 5) % 13, (k * 23 + h) % 60
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
        "fenland-chronicle.co.uk": f"discord-export/{site}/local-news/{num}.txt",
        "wearside-wire.co.uk": f"fediverse/{site}/statuses/{num}.txt",
        "chiltern-courier.co.uk": f"readlater/{site}/{day}/{slug}.txt",
        "borders-gazette.co.uk": f"boards/{site}/cards/{num}-{slug}.txt",
        "urdu.multan-times.pk": f"sms-backup/{site}/{day.replace('-', '')}/{num}.txt",
        "peshawar-pulse.pk": f"discord-export/{site}/{num}.txt",
        "clyde-urdu.co.uk": f"readlater/{site}/{num}.txt",
        "quetta-khabar.pk": f"fediverse/{site}/{day}/{num}.txt",
        "roznama-sialkot.pk": f"boards/{site}/{num}.txt",
        "cotswold-echo.co.uk": f"{site}/local-news/{slug}.htm",
        "humber-daily.co.uk": f"{site}/{day[:7].replace('-', '')}/{num}.html",
        "leeds-desi-voice.co.uk": f"{site}/amp/{num}.html",
        "thames-valley-times.co.uk": f"m.{site}/news/{slug}-{num}.html",
        "pak-uk-trade-weekly.com": f"{site}/print/{num}.html",
        "roznama-bahawalpur.pk": f"{site}/news-detail/{num}.html",
        "gilgit-awaz.pk": f"{site}/{day}/{num}.htm",
        "oslo-urdu.no": f"{site}/urdu/{num}.html",
        "urdu.hyderabad-sada.in": f"{site}/latest/{num}.html",
    }[site]


# ----------------------------------------------------------------------------- chrome

def hm12(hour, minute):
    return f"{(hour % 12) or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


def wrapper_lines(page, day):
    """The dated line that whatever saved the text put above it: [(line, ISO)]; the scrape day
    (the day it was posted, tooted, saved, carded or texted)."""
    kind, en, iso = page.spec.get("kind"), page.spec["lang"] == "en", day.isoformat()
    hm = f"{page.scrape_hour:02d}:{page.scrape_minute:02d}"
    if kind == "discord":  # a community chat server's export: channel, then the post's stamp
        return [(f"#local-news — {fdate('en_wp', day)} {hm12(page.scrape_hour, page.scrape_minute)}"
                 if en else f"#تازہ-خبریں — {fdate('ur_plain', day)}، {hm}", iso)]
    if kind == "fediverse":  # a post on a federated timeline, copied with its stamp
        return [(f"@newsroom@wearside.social · {fdate('en_dmy_short', day)}, {hm}" if en else
                 f"@khabar@quetta.social · {fdate('ur_plain', day)}، {hm}", iso)]
    if kind == "readlater":  # a read-later app's export
        return [(f"Saved to your list on {fdate('en_lotto', day)} · {4 + page.k % 8} min read"
                 if en else f"آپ کی فہرست میں {fdate('ur_plain', day)} کو محفوظ کیا گیا", iso)]
    if kind == "kanban":  # a task board's card: the day it was added
        return [(f"Card added {fdate('en_dmy_short', day)} at {hm} to Follow-ups" if en else
                 f"کارڈ {fdate('ur_plain', day)} کو فالو اپ کی فہرست میں شامل کیا گیا", iso)]
    if kind == "sms":  # an SMS news service's message, as a phone backup saved it
        return [(f"پیغام موصول ہوا: {fdate('ur_plain', day)}، {hm}", iso)]
    return []


def tool_lines(page, day):
    """Dated lines above the story: [(line, ISO)]."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "bins" in ex:  # the bin round moved to the coming Saturday
        sat = F22.next_weekday_from(day + DAY, (5,))
        out.append((f"Bin collections move to {fdate('en_day', sat)} this week",
                    sat.isoformat()))
    if "blood" in ex:
        d = day + DAY * (4 + k % 6)
        out.append((f"Blood donor session at the community centre on {fdate('en_wp', d)}",
                    d.isoformat()))
    if "roadworks" in ex:  # the coming Monday
        mon = F22.next_weekday_from(day + DAY, (0,))
        out.append((f"Overnight roadworks on the ring road from {fdate('en_lotto', mon)}",
                    mon.isoformat()))
    if "polio" in ex:
        d = day + DAY * (2 + k % 3)
        out.append((f"انسداد پولیو مہم {fdate('ur_plain', d)} سے شروع ہوگی", d.isoformat()))
    if "gas" in ex:  # tomorrow
        d = day + DAY
        out.append((f"مرمتی کام کے باعث {fdate('ur_plain', d)} کو گیس کی فراہمی معطل رہے گی",
                    d.isoformat()))
    return out


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]; each box opens
    with an undated heading."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "pool" in ex:
        d = day + DAY * (8 + k % 6)
        out += [("Leisure", "", True),
                (f"The lido reopens after repairs on {fdate('en_day', d)}", d.isoformat(), True)]
    if "library" in ex:
        d = day + DAY * 14
        out += [("Libraries", "", True),
                (f"The central library closes for refurbishment until {fdate('en_wp', d)}",
                 d.isoformat(), True)]
    if "quiz" in ex:  # the coming Thursday
        thu = F22.next_weekday_from(day + DAY, (3,))
        out += [("Out and about", "", True),
                (f"Charity quiz night at the Red Lion on {fdate('en_lotto', thu)}",
                 thu.isoformat(), False)]
    if "urs" in ex:
        d = day + DAY * (5 + k % 7)
        out += [("ثقافتی سرگرمیاں", "", True),
                (f"دربار پر سالانہ عرس کی تقریبات {fdate('ur_plain', d)} سے شروع ہوں گی",
                 d.isoformat(), True)]
    if "admission" in ex:
        d = day + DAY * (15 + k % 10)
        out += [("داخلے", "", True),
                (f"کالج میں داخلہ فارم {fdate('ur_plain', d)} تک جمع کرائے جا سکتے ہیں",
                 d.isoformat(), True)]
    kind, en = page.spec.get("kind"), page.spec["lang"] == "en"
    if kind == "discord":  # a reply in the channel, a little later the same day
        hr = (page.scrape_hour + 1) % 24
        out += [(f"Replying to the link — {fdate('en_wp', day)} {hm12(hr, page.scrape_minute)}"
                 if en else f"جواب — {fdate('ur_plain', day)}، {hr:02d}:{page.scrape_minute:02d}",
                 day.isoformat(), False),
                ("Thanks for sharing, pinned to the channel" if en else
                 "شیئر کرنے کا شکریہ، چینل میں پن کر دیا گیا", "", True)]
    return out


# ----------------------------------------------------------------------------- pages

def render_text(page):
    """The text as its kind saved it: [wrapper and dated lines above], the site's top lines,
    the story (headline, header lines, paragraphs), dated lines after it, the list, the foot."""
    kind, en, k = page.spec["kind"], page.spec["lang"] == "en", page.k
    story = [page.headline] + F22.header_lines(page)
    paras = list(page.paras)
    side = [(t, dt) for t, dt, _te, _ in page.sidebar]
    tool = [ln for ln, _ in page.tool]
    after = [ln for ln, _iso, _s in page.after]
    head, tail, pre_story, end = ["\n".join(page.head)], ["\n".join(page.tail)], [], []
    lst = ([page.sidebar_label + "\n\n" + "\n\n".join(
        "\n".join([t] + ([dt] if dt else [])) for t, dt in side)] if page.sidebar_label else [])
    if kind == "discord":  # the poster's name above the stamp, the link, its embed
        tool = [(["Jess Holloway", "Mark Fenn", "Sana Iqbal"] if en else
                 ["عمران خٹک", "ثنا یوسف", "بلال آفریدی"])[k % 3] + "\n" + tool[0]] + tool[1:]
        pre_story = [page.url, "▌" + "\n▌".join(page.head)]
        head = []
        end = [f"👍 {1 + k % 5}  🔥 {k % 4}\n" + ("Pinned by a moderator" if en else
                                                  "منتظم نے پن کیا")]
    elif kind == "fediverse":  # a boosted post: content warning, the card, counts
        pre_story = ["CW: local news" if en else "CW: مقامی خبریں",
                     "🔁 boosted" if en else "🔁 بوسٹ کیا گیا"]
        end = [f"↩ {k % 7}  🔁 {2 + k % 11}  ⭐ {5 + k % 13}\n"
               + ("Open in browser" if en else "براؤزر میں کھولیں")]
    elif kind == "readlater":  # the app's export: the site line, tags, the original's link
        head = [page.head[0] + " · " + page.url + "\n" + "\n".join(page.head[1:])]
        pre_story = ["Tags: news, to-read" if en else "ٹیگز: خبریں، بعد میں پڑھیں"]
        paras = F25.wrap(paras, 72)
        end = ["View original" if en else "اصل صفحہ دیکھیں",
               "Highlights: none" if en else "نمایاں حصے: کوئی نہیں"]
    elif kind == "kanban":  # a card: its list, labels, the description holding the story
        pre_story = [("Labels: Local · Follow-up\nDescription" if en else
                      "لیبل: مقامی · فالو اپ\nتفصیل")]
        end = [("Checklist 0/2\n☐ Call the council\n☐ Find a photo" if en else
                "چیک لسٹ 0/2\n☐ نمائندے سے رابطہ\n☐ تصویر حاصل کریں"),
               f"Activity: {1 + k % 4} comments" if en else f"سرگرمی: {1 + k % 4} تبصرے"]
    elif kind == "sms":  # the service's sender line, the story, its unsubscribe line
        head = ["From: " + page.head[0].upper() + "\n" + "\n".join(page.head[1:])]
        end = ["خبریں بند کرنے کے لیے STOP لکھ کر بھیجیں"]
    chunks = ["\n".join(tool)] + head + pre_story + ["\n".join(story)] + paras
    chunks += after + lst + tail + end
    return "\n\n".join(c for c in chunks if c) + "\n"


def render(page):
    text = F23.html_page(page) if page.spec["fmt"] == "html" else render_text(page)
    return text, F22.phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages (see README.md "The twenty-eighth
    set"); exits with the failures, else returns a summary line."""
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh27 self-check")) from None


def main(shared, out):
    F22.SEEN.clear()
    G.generate_set("fresh27", SITES, SEED_FRESH27, FRESH27_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
