"""The twenty-seventh set of the chrome bench (`gen.py --set fresh26`, `SET=fresh26 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twenty-seventh set"
before the set's held-out run. The design is described in README.md "The twenty-seventh set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates in the earlier sets' styles. Site names, section words,
furniture, notice lines, figures and all dates but the Reuters ones are the assembly's. Each
generation checks its labels against its pages (self_check, fresh22's) and stops on any
mismatch. The assembly code is fresh25's, fresh23's, fresh22's and fresh20's (imported: page
filling, story header, list markup, HTML page, phrase blocks, wrapping and the label checks),
with this set's sites, two date styles of its own, the text renderings of its text sites
(render_text: one per kind of saved text) and the dated lines above and after the story.
"""
import datetime

import fresh9 as F9
import fresh20 as F20
import fresh22 as F22
import fresh23 as F23
import fresh25 as F25
import gen as G

SEED_FRESH26 = 20270503
FRESH26_SALT = "khabar-chrome-fresh26"
EN_BASE, UR_BASE = datetime.date(2027, 5, 3), datetime.date(2027, 5, 4)
URDU_NAV26 = ["ہوم", "پاکستان", "برطانیہ", "دنیا", "بزنس", "اسپورٹس", "شوبز", "کالم",
              "ویڈیوز", "کمیونٹی", "صحت", "مذہب"]
URDU_FOOT26 = ["ہم سے رابطہ", "ادارہ", "پرائیویسی پالیسی", "شرائط و ضوابط",
               "تمام حقوق محفوظ ہیں"]
DAY = datetime.timedelta(days=1)

# fmt txt: kind says how the text was saved (render_text); fmt html: fresh23's outlet page.
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | None (html only). body: reuters | bbc | mix | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# extras (dated lines; above the story: loadshed, hajj, census, ticket, ferry; after it:
#   exhibition, mushaira, consulate, scholarship, marathon, planning, cattle)
SITES = [
    dict(site="lakeland-herald.co.uk", lang="en", fmt="txt", layout="clippings",
         kind="clippings", body="reuters", own="under", ostyle="en_ordinal", side=None,
         label="", extras=("ferry",), n=16),
    dict(site="medway-messenger-online.co.uk", lang="en", fmt="txt", layout="onenote",
         kind="onenote", body="bbc", own="none", side="en_dmy_short", label="Also in the news",
         extras=("planning",), n=16),
    dict(site="gulf-desi-times.ae", lang="en", fmt="txt", layout="telegram", kind="telegram",
         body="mix", own="under", half=True, ostyle="en_iso", side=None, label="",
         extras=("ticket",), n=16),
    dict(site="newsreel-uk.tv", lang="en", fmt="txt", layout="captions", kind="captions",
         body="reuters", own="under", ostyle="en_us_day", side="en_short", label="Up next",
         extras=(), n=16),
    dict(site="tyneside-sentinel.co.uk", lang="en", fmt="txt", layout="slack", kind="slack",
         body="bbc", own="none", side=None, label="", extras=("marathon",), n=16),
    dict(site="urdu.lahore-digest.pk", lang="ur", fmt="txt", layout="onenote", kind="onenote",
         body="express", own="under", ostyle="ur_monthfirst", side="ur_plain",
         label="یہ بھی پڑھیں", extras=("loadshed",), n=16),
    dict(site="karachi-update.pk", lang="ur", fmt="txt", layout="telegram", kind="telegram",
         body="samaa", own="none", side=None, label="", extras=("census",), n=16),
    dict(site="sahafat-tv.pk", lang="ur", fmt="txt", layout="captions", kind="captions",
         body="express", own="under", ostyle="ur_plain", side=None, label="",
         extras=("scholarship",), n=16),
    dict(site="bradford-awaz.co.uk", lang="ur", fmt="txt", layout="translate",
         kind="translate", body="samaa", own="under", half=True, ostyle="ur_baroz",
         side="ur_plain", label="کمیونٹی خبریں", extras=("consulate",), n=16),
    dict(site="pennine-post.co.uk", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_ordinal", meta="time", side="en_dmy_short",
         label="Most viewed", extras=("exhibition",), n=16),
    dict(site="solent-daily.co.uk", lang="en", fmt="html", layout="site", body="bbc",
         own="none", side="en_short", label="Editor's picks", extras=("ferry", "planning"),
         n=16),
    dict(site="desi-business-review.com", lang="en", fmt="html", layout="site", body="mix",
         own="under", half=True, ostyle="en_iso", meta=None, side=None, label="Top stories",
         extras=("ticket",), n=16),
    dict(site="midlands-asian-news.co.uk", lang="en", fmt="html", layout="site",
         body="reuters", own="under", ostyle="en_wp", meta=None, side="en_short",
         label="Community", extras=("marathon",), n=16),
    dict(site="roznama-hazara.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_monthfirst", meta="time", side="ur_plain",
         label="سب سے زیادہ پڑھی گئی", extras=("hajj", "cattle"), n=16),
    dict(site="khaleej-urdu.ae", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_plain", label="خلیج کی خبریں", extras=("consulate",), n=16),
    dict(site="sarhad-news.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_plain", meta=None, side=None, label="مزید خبریں",
         extras=("loadshed", "mushaira"), n=16),
    dict(site="urdu.deccan-awaz.in", lang="ur", fmt="html", layout="site", body="samaa",
         own="under", half=True, ostyle="ur_eastern", meta="time", side="ur_plain",
         label="تازہ ترین", extras=("mushaira",), n=16),
    dict(site="watan-weekly.co.uk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side=None, label="دیگر خبریں", extras=("scholarship",), n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites
    "lakeland-herald.co.uk": (["Lakeland Herald", "News", "Kendal", "Windermere", "Sport"],
                              ["Lakeland Herald Newspapers", "Terms and conditions"]),
    "medway-messenger-online.co.uk": (["Medway Messenger Online", "News", "Chatham",
                                       "Rochester", "Gillingham"],
                                      ["Medway Messenger Online", "Contact the newsroom",
                                       "Manage cookies"]),
    "gulf-desi-times.ae": (["Gulf Desi Times", "UAE", "Pakistan", "India", "Business"],
                           ["Gulf Desi Times, Dubai Media City",
                            "Follow our channel for breaking news"]),
    "newsreel-uk.tv": (["Newsreel UK", "Video", "News", "Business", "Watch live"],
                       ["Newsreel UK video service", "Closed captions may contain errors"]),
    "tyneside-sentinel.co.uk": (["Tyneside Sentinel", "News", "Newcastle", "Gateshead",
                                 "Sport"],
                                ["Tyneside Sentinel Ltd", "Newsdesk tips line"]),
    "pennine-post.co.uk": (["Pennine Post", "News", "Calderdale", "Kirklees", "Business"],
                           ["Pennine Post, Market Street, Halifax", "Pennine Post Media",
                            "Privacy notice"]),
    "solent-daily.co.uk": (["Solent Daily", "News", "Portsmouth", "Southampton", "Isle of Wight"],
                           ["Solent Daily", "Advertise with us", "Solent Daily Publishing"]),
    "desi-business-review.com": (["Desi Business Review", "Markets", "Trade", "Property",
                                  "Remittances"],
                                 ["Desi Business Review", "Subscribe to the weekly brief",
                                  "DBR Media FZ LLC"]),
    "midlands-asian-news.co.uk": (["Midlands Asian News", "News", "Birmingham", "Leicester",
                                   "Faith", "Sport"],
                                  ["Midlands Asian News, Soho Road", "Midlands Asian News Ltd",
                                   "Corrections and complaints"]),
}
F23.ASIDE.update({"exhibition": "whats-on", "mushaira": "adabi-notice",
                  "consulate": "community-notice", "scholarship": "education-notice",
                  "marathon": "travel-notice", "planning": "public-notice",
                  "cattle": "market-notice"})
ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's two styles, else in fresh23's (and fresh22's)."""
    if style == "en_ordinal":
        return f"{d.day}{ORD.get(d.day, 'th')} {G.MONTHS[d.month - 1]} {d.year}"
    if style == "ur_monthfirst":
        return f"{G.URDU_MONTHS[d.month - 1]} {d.day}، {d.year}"
    if style == "en_iso":
        return f"{d.isoformat()} {hour:02d}:{minute:02d}"
    return F23.fdate(style, d, hour, minute)


read_own = F22.read_own

# ----------------------------------------------------------------------------- assembly


def site_pages(spec, pools, templates, rng):
    """fresh25's assembly of a site's pages, with this set's salt, dates and lines."""
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH26_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH26_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 6, 10)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV26, URDU_FOOT26, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 7 + k // ndays) % 3
        while True:  # each story, headline and lead query once in the sets' SEEN; an undated
            # page's lead states no day; no headline states one; no story ends on a scrap
            # (a last paragraph like "Reuters", which the byline holds)
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
        page.num = (6100000 + 3313 * k + h % 90000) if lang == "en" else 83000 + 577 * k + h % 977
        page.scrape_hour, page.scrape_minute = 6 + (k * 7) % 14, (k * 19 + h) % 60
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
        "lakeland-herald.co.uk": f"kindle/documents/{site}/{slug}-{num}.txt",
        "medway-messenger-online.co.uk": f"notebooks/{site}/Reading/{num}.txt",
        "gulf-desi-times.ae": f"tg-export/{site}/{day.replace('-', '.')}/msg{num}.txt",
        "newsreel-uk.tv": f"{site}/captions/{num}.en.srt.txt",
        "tyneside-sentinel.co.uk": f"chat-export/newsdesk/{day}/{site}-{num}.txt",
        "urdu.lahore-digest.pk": f"notebooks/{site}/{num}.txt",
        "karachi-update.pk": f"tg-export/{site}/{num}.txt",
        "sahafat-tv.pk": f"{site}/subs/{day.replace('-', '')}/{num}.ur.srt.txt",
        "bradford-awaz.co.uk": f"translated/{site}/{num}.txt",
        "pennine-post.co.uk": f"{site}/news/local/{slug}-{num}.html",
        "solent-daily.co.uk": f"{site}/{day.replace('-', '/')}/{num}.html",
        "desi-business-review.com": f"{site}/markets/{num}/index.htm",
        "midlands-asian-news.co.uk": f"{site}/community/{slug}.html",
        "roznama-hazara.pk": f"{site}/detail/{num}.html",
        "khaleej-urdu.ae": f"{site}/gulf/{num}.htm",
        "sarhad-news.pk": f"www.{site}/{day}/news-{num}.html",
        "urdu.deccan-awaz.in": f"{site}/news/{num}.html",
        "watan-weekly.co.uk": f"{site}/archives/{num}.html",
    }[site]


# ----------------------------------------------------------------------------- chrome

def wrapper_lines(page, day):
    """The dated line that whatever saved the text put above it: [(line, ISO)]; the scrape
    day (the day it was sent, clipped, posted, captioned, shared or translated)."""
    kind, en, iso = page.spec.get("kind"), page.spec["lang"] == "en", day.isoformat()
    hm = f"{page.scrape_hour:02d}:{page.scrape_minute:02d}"
    if kind == "clippings":  # a personal document sent to an e-reader
        return [(f"Personal document delivered {fdate('en_day', day)} {hm} — "
                 f"{3 + page.k % 9} min read", iso)]
    if kind == "onenote":  # a notes app's page: its date line, then its time line
        return [(fdate("en_day", day) if en else fdate("ur_paren", day), iso)]
    if kind == "telegram":  # the channel's name and the message's stamp, as copied
        name = "Gulf Desi Times" if en else "کراچی اپڈیٹ"
        return [(f"{name}, [{day.day:02d}.{day.month:02d}.{day.year} {hm}]", iso)]
    if kind == "captions":  # the file the video player gave
        return [(f"Captions exported {fdate('en_lotto', day)} {hm}" if en else
                 f"سب ٹائٹل فائل {fdate('ur_plain', day)} کو ڈاؤن لوڈ کی گئی", iso)]
    if kind == "slack":  # the day divider of the newsroom's channel
        return [(f"#newsdesk — {fdate('en_us_day', day)}", iso)]
    if kind == "translate":  # a browser's translation of the page, saved
        return [(f"یہ صفحہ {fdate('ur_plain', day)} کو انگریزی سے اردو میں ترجمہ کیا گیا", iso)]
    return []


def tool_lines(page, day):
    """Dated lines above the story: [(line, ISO)]."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "ferry" in ex:  # the timetable change of the coming Saturday
        sat = F22.next_weekday_from(day + DAY, (5,))
        out.append((f"Ferry timetable changes from {fdate('en_lotto', sat)}", sat.isoformat()))
    if "ticket" in ex:  # tickets on sale from the coming Monday
        mon = F22.next_weekday_from(day + DAY, (0,))
        out.append((f"Tickets for the Eid mela go on sale {fdate('en_wp', mon)}",
                    mon.isoformat()))
    if "loadshed" in ex:  # tomorrow's schedule
        d = day + DAY
        out.append((f"لوڈشیڈنگ شیڈول: {fdate('ur_plain', d)} کو صبح {7 + k % 4} بجے سے "
                    "بجلی بند رہے گی", d.isoformat()))
    if "hajj" in ex:  # the last day of applications
        d = day + DAY * (10 + k % 11)
        out.append((f"حج درخواستیں جمع کرانے کی آخری تاریخ {fdate('ur_plain', d)} ہے",
                    d.isoformat()))
    if "census" in ex:
        d = day + DAY * (3 + k % 4)
        out.append((f"خانہ شماری کا عملہ {fdate('ur_plain', d)} سے گھر گھر جائے گا",
                    d.isoformat()))
    return out


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]; each box opens
    with an undated heading."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "exhibition" in ex:
        d = day + DAY * (5 + k % 9)
        out += [("What's on", "", True),
                (f"The mill town photography exhibition closes on {fdate('en_day', d)}",
                 d.isoformat(), False)]
    if "planning" in ex:
        d = day + DAY * 21
        out += [("Public notices", "", True),
                (f"Comments on the harbour planning application close {fdate('en_wp', d)}",
                 d.isoformat(), True)]
    if "marathon" in ex:
        sun = F22.next_weekday_from(day + DAY, (6,))
        out += [("Travel", "", True),
                (f"Roads in the city centre close for the half marathon on "
                 f"{fdate('en_lotto', sun)}", sun.isoformat(), True)]
    if "mushaira" in ex:
        sat = F22.next_weekday_from(day + DAY, (5,))
        out += [("ادبی سرگرمیاں", "", True),
                (f"آل پاکستان مشاعرہ {fdate('ur_plain', sat)} کو رات 9 بجے آرٹس کونسل میں ہوگا",
                 sat.isoformat(), False)]
    if "consulate" in ex:
        d = F22.next_weekday_from(day + DAY * 2, (5,))
        out += [("کمیونٹی نوٹس", "", True),
                (f"قونصل خانے کا موبائل پاسپورٹ کیمپ {fdate('ur_plain', d)} کو لگایا جائے گا",
                 d.isoformat(), True)]
    if "scholarship" in ex:
        d = day + DAY * (12 + k % 8)
        out += [("وظائف", "", True),
                (f"طلبہ کے لیے وظیفے کی درخواستیں {fdate('ur_plain', d)} تک جمع کرائی جا سکتی ہیں",
                 d.isoformat(), True)]
    if "cattle" in ex:
        d = day + DAY * (6 + k % 5)
        out += [("مویشی منڈی", "", True),
                (f"سپر ہائی وے مویشی منڈی {fdate('ur_plain', d)} سے کھل جائے گی",
                 d.isoformat(), False)]
    kind, en = page.spec.get("kind"), page.spec["lang"] == "en"
    if kind == "telegram":  # the channel's next message, a little later the same day
        hm = f"{(page.scrape_hour + 1) % 24:02d}:{page.scrape_minute:02d}"
        name = "Gulf Desi Times" if en else "کراچی اپڈیٹ"
        out += [(f"{name}, [{day.day:02d}.{day.month:02d}.{day.year} {hm}]", day.isoformat(),
                 False),
                ("Join our channel for more updates" if en else
                 "مزید خبروں کے لیے ہمارا چینل جوائن کریں", "", True)]
    return out


# ----------------------------------------------------------------------------- pages

def cue_time(s):
    return f"00:{s // 60:02d}:{s % 60:02d},{(s * 370) % 1000:03d}"


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
    if kind == "clippings":  # an e-reader's document: the site's name, a rule at each end
        head = [f"{page.head[0]}\n{'=' * 10}"]
        paras = F25.wrap(paras, 62)
        end = [f"Location {40 + k * 7} of {300 + k * 11}\n{'=' * 10}"]
    elif kind == "onenote":  # a notes page: its title, date and time lines, then the paste
        hm = f"{page.scrape_hour:02d}:{page.scrape_minute:02d}"
        tool = [("Reading list" if en else "مطالعہ") + "\n" + tool[0] + "\n" + hm] + tool[1:]
        end = [f"Pasted from <{page.url}>" if en else f"یہاں سے چسپاں کیا گیا <{page.url}>"]
    elif kind == "telegram":  # copied from a channel: forwarded line, views and edit marks
        head = [f"[Forwarded from {page.head[0]}]" if en else f"[{page.head[0]} سے فارورڈ]"]
        tail = ["\n".join(page.tail)]
        end = [f"👁 {1 + k % 9}.{k % 10}K   edited"]
    elif kind == "captions":  # a video report's captions, one cue a paragraph
        t, cues = 0, []
        for i, p in enumerate(paras):
            n = max(3, len(p.split()) // 3)
            cues.append(f"{i + 1}\n{cue_time(t)} --> {cue_time(t + n)}\n{p}")
            t += n + 1
        paras = cues
        pre_story = ["[MUSIC]" if en else "[موسیقی]"]
    elif kind == "slack":  # a link shared in a newsroom channel and its unfurled story
        hm = f"{(page.scrape_hour - 1) % 12 + 1}:{page.scrape_minute:02d} " \
             f"{'AM' if page.scrape_hour < 12 else 'PM'}"
        pre_story = [f"{['Priya Shah', 'Tom Reilly', 'Aisha Khan'][k % 3]}  {hm}\n"
                     f"shared a link: {page.url}\n{page.head[0]}"]
        head = []
        end = [f":eyes: {1 + k % 4}   :+1: {k % 6}\n{1 + k % 3} replies"]
    elif kind == "translate":  # a browser's translation bar kept in the saved text
        head = ["انگریزی سے ترجمہ شدہ — اصل دکھائیں — ترجمہ بند کریں\n" + "\n".join(page.head)]
        end = ["گوگل کے ذریعے ترجمہ"]
    chunks = ["\n".join(tool)] + head + pre_story + ["\n".join(story)] + paras
    chunks += after + lst + tail + end
    return "\n\n".join(c for c in chunks if c) + "\n"


def render(page):
    text = F23.html_page(page) if page.spec["fmt"] == "html" else render_text(page)
    return text, F22.phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages (see README.md "The twenty-seventh
    set"); exits with the failures, else returns a summary line."""
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh26 self-check")) from None


def main(shared, out):
    F22.SEEN.clear()
    G.generate_set("fresh26", SITES, SEED_FRESH26, FRESH26_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
