"""The twenty-fourth set of the chrome bench (`gen.py --set fresh23`, `SET=fresh23 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twenty-fourth set" before
the set's held-out run. The design is described in README.md "The twenty-fourth set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates in this set's styles (fdate). Site names, section words,
notice and widget lines, figures and all dates but the Reuters ones are the assembly's. Each
generation checks its labels against its pages (self_check, fresh22's) and stops on any
mismatch. The assembly code is fresh22's and fresh20's (imported: page filling, story header,
text rendering, list markup, phrase blocks and the label checks), with this set's sites, date
styles and the lines above the menu and after the story.
"""
import datetime

import fresh as F
import fresh9 as F9
import fresh12 as F12
import fresh20 as F20
import fresh22 as F22
import gen as G

SEED_FRESH23 = 20270315
FRESH23_SALT = "khabar-chrome-fresh23"
EN_BASE, UR_BASE = datetime.date(2027, 3, 15), datetime.date(2027, 3, 16)
URDU_NAV23 = ["ہوم", "قومی", "بین الاقوامی", "معیشت", "کھیل", "شوبز", "صحت", "تعلیم",
              "عدالت", "شہر", "کالمز", "ای پیپر"]
URDU_FOOT23 = ["ہم سے رابطہ", "پرائیویسی پالیسی", "شرائط و ضوابط", "اشتہار دیں",
               "تمام حقوق محفوظ ہیں"]
DAY = datetime.timedelta(days=1)

# layout: always an outlet's page (text or HTML); own: under (a line of the story's header) |
#   none; half: only the even pages state it. meta: time (<time datetime>) | None
# body: reuters | bbc | mix (Reuters, every third BBC) | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# extras above the menu: scores (the last Saturday's full-time result), market (the last
#   trading day's close), rail (engineering works on the coming Sunday), bins (the next bin
#   collection), departures (the airport board of the scrape day), ruet (the moon-sighting
#   committee's coming meeting), causelist (the court's cause list of the next working day),
#   railur (a train timetable change from a coming day), flightur (a flight resumed from a
#   coming day), kse (the stock index at the last trading day's close)
# extras after the story: court (court listings of the coming Tuesday), auction (a property
#   auction closing in 4-10 days), webinar (a sponsor's event on a coming Wednesday), neelam (a
#   court-ordered auction notice), barsi (a death anniversary notice), blood (a blood-donation
#   camp), holiday (a public holiday notice)
SITES = [
    dict(site="tamar-valley-voice.co.uk", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_pipe", side=None, label="Most Read",
         extras=("scores", "court"), n=16),
    dict(site="ridgeway-ledger.com", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_caps", meta="time", side="en_short", label="Business Briefs",
         extras=("market",), n=16),
    dict(site="westcountry-courier.co.uk", lang="en", fmt="txt", layout="site", body="bbc",
         own="none", side="en_dmy_short", label="Latest", extras=("rail",), n=16),
    dict(site="eastfield-gazette.co.uk", lang="en", fmt="html", layout="site", body="mix",
         own="under", ostyle="en_dots", meta=None, side=None, label="Around Town",
         extras=("bins", "auction"), n=16),
    dict(site="airedale-times.co.uk", lang="en", fmt="txt", layout="site", body="mix",
         own="under", ostyle="en_pipe", side="en_short", label="Local Headlines",
         extras=("departures",), n=16),
    dict(site="midstate-business-journal.com", lang="en", fmt="html", layout="site",
         body="bbc", own="none", side=None, label="Editor's Picks", extras=("webinar",), n=16),
    dict(site="harlow-standard.co.uk", lang="en", fmt="html", layout="site", body="reuters",
         own="under", ostyle="en_dots", meta="time", side="en_dmy_short", label="News",
         extras=("court",), n=16),
    dict(site="pinecrest-tribune.com", lang="en", fmt="txt", layout="site", body="reuters",
         own="under", ostyle="en_caps", side="en_short", label="Also in the News",
         extras=("auction",), n=16),
    dict(site="roznama-hilal.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_baroz", meta="time", side="ur_plain", label="اہم خبریں",
         extras=("ruet",), n=16),
    dict(site="adalat-times.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="under", ostyle="ur_eastern", side=None, label="تازہ ترین",
         extras=("causelist", "neelam"), n=16),
    dict(site="sada-e-punjab.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="none", side="ur_plain", label="مزید خبریں", extras=("barsi",), n=16),
    dict(site="urdu.safar-news.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="under", half=True, ostyle="ur_baroz", meta=None, side="ur_plain",
         label="دیگر خبریں", extras=("railur",), n=16),
    dict(site="hawai-akhbar.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", ostyle="ur_eastern", meta="time", side=None, label="مقبول خبریں",
         extras=("flightur",), n=16),
    dict(site="bazar-e-hisas.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="under", ostyle="ur_plain", side="ur_plain", label="کاروباری خبریں",
         extras=("kse",), n=16),
    dict(site="roznama-khidmat.pk", lang="ur", fmt="html", layout="site", body="samaa",
         own="none", side="ur_plain", label="آج کی خبریں", extras=("blood",), n=16),
    dict(site="qaumi-aawaz-lahore.pk", lang="ur", fmt="txt", layout="site", body="express",
         own="under", ostyle="ur_baroz", side=None, label="اہم خبریں",
         extras=("holiday",), n=16),
    dict(site="urdu.shehr-nama.pk", lang="ur", fmt="html", layout="site", body="express",
         own="under", half=True, ostyle="ur_plain", meta=None, side="ur_plain",
         label="شہر کی خبریں", extras=("barsi", "causelist"), n=16),
    dict(site="nawa-e-kisan.pk", lang="ur", fmt="txt", layout="site", body="samaa",
         own="none", side="ur_plain", label="زراعت", extras=("ruet",), n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English outlets
    "tamar-valley-voice.co.uk": (["Tamar Valley Voice", "News", "Sport", "Court",
                                  "Community", "Notices"],
                                 ["Tamar Valley Voice, Tavistock", "Send us your news",
                                  "Tamar Valley Voice Ltd"]),
    "ridgeway-ledger.com": (["Ridgeway Ledger", "Markets", "Companies", "Economy",
                             "Property", "Subscribe"],
                            ["Ridgeway Ledger", "Market data delayed at least 15 minutes",
                             "Terms and Conditions"]),
    "westcountry-courier.co.uk": (["Westcountry Courier", "News", "Travel", "Sport",
                                   "Weather", "Jobs"],
                                  ["Westcountry Courier is regulated by IPSO",
                                   "Cookie settings", "Westcountry Courier Media"]),
    "eastfield-gazette.co.uk": (["Eastfield Gazette", "News", "Council", "Schools",
                                 "Property", "Family Notices"],
                                ["Eastfield Gazette, Market Square", "Advertise",
                                 "Eastfield Gazette Group"]),
    "airedale-times.co.uk": (["Airedale Times", "News", "Travel", "Sport", "Business",
                              "What's On"],
                             ["Airedale Times, Keighley", "Contact the newsdesk",
                              "Airedale Times Limited"]),
    "midstate-business-journal.com": (["Midstate Business Journal", "News", "Banking",
                                       "Real Estate", "Events", "Lists"],
                                      ["Midstate Business Journal", "Events calendar",
                                       "Reprints and permissions", "Privacy policy"]),
    "harlow-standard.co.uk": (["Harlow Standard", "News", "Crime", "Courts", "Sport",
                               "Announcements"],
                              ["Harlow Standard, Essex", "Complaints", "Harlow Standard Ltd"]),
    "pinecrest-tribune.com": (["Pinecrest Tribune", "Local", "Nation", "Business", "Sports",
                               "Legal Notices", "Classifieds"],
                              ["Pinecrest Tribune", "Place a legal notice",
                               "Pinecrest Tribune Company"]),
}
ASIDE = {"court": "court-listings", "auction": "property-auction", "webinar": "sponsored-event",
         "neelam": "legal-notice", "barsi": "family-notice", "blood": "community-notice",
         "holiday": "notice-board"}


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles, else in fresh22's."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    um, uwd = G.URDU_MONTHS[d.month - 1], F20.UR_WEEKDAYS[d.weekday()]
    mine = {
        "en_pipe": lambda: f"{d.day} {mon} {d.year} | {hour:02d}:{minute:02d} GMT",
        "en_caps": lambda: f"{d:%a}, {mon} {d.day} {d.year}".upper(),
        "en_dots": lambda: f"{d.day:02d}.{d.month:02d}.{d.year} {hour:02d}:{minute:02d}",
        "en_day": lambda: f"{d:%A} {d.day} {month} {d.year}",
        "en_us_day": lambda: f"{d:%A}, {month} {d.day}, {d.year}",
        "ur_baroz": lambda: f"بروز {uwd} {d.day} {um} {d.year}ء",
        "ur_eastern": lambda: f"{d.day} {um} {d.year}".translate(F20.EASTERN),
    }
    return mine[style]() if style in mine else F22.fdate(style, d, hour, minute)


read_own = F22.read_own

# ----------------------------------------------------------------------------- assembly


def site_pages(spec, pools, templates, rng):
    """fresh22's assembly of a site's pages, for outlets' pages only, with this set's lines."""
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH23_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH23_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 7, 11)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV23, URDU_FOOT23, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 7 + k // ndays) % 3
        while True:  # each story, headline and lead query once in the sets' SEEN; an undated
            # page's lead states no day
            page = F20.new_page(spec, k, day, pools, rng, back)
            dated = spec["own"] != "none" and bool(page.own) and not (
                spec.get("half") and k % 2)
            q = G.lead_query(page.lead, page.headline, lang)
            if (page.headline not in F22.SEEN and page.lead not in F22.SEEN
                    and q not in F22.SEEN and (dated or not read_own(page.lead))):
                break
        F22.SEEN.update((page.headline, page.lead, q))
        if not dated:
            page.own = ""
        page.seq = k // ndays + 1
        page.num = (4200000 + 3119 * k + h % 90000) if lang == "en" else 61000 + 523 * k + h % 877
        page.scrape_hour, page.scrape_minute = 6 + (k * 5) % 12, (k * 17 + h) % 60
        page.own_text = (fdate(spec["ostyle"], page.date, page.hour, page.minute)
                         if page.own else "")
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])
                        if not read_own(t)]  # a headline that states a day is left out
        page.author = (F22.AUTHORS if lang == "en" else F22.UR_AUTHORS)[(k + h) % 4]
        page.url = F22.page_url(page)
        page.masthead, page.upd, page.notes, page.foot = "", None, [], []
        page.nextstory, page.chat, page.calendar = None, None, []
        page.tool = tool_lines(page, day)     # above the menu: [(line, ISO or "")]
        page.after = after_lines(page, day)   # after the story: [(line, ISO, phrase source?)]
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool if iso}
                 | {iso for _ln, iso, _p in page.after if iso})
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_path(page):
    site, num, slug = page.spec["site"], page.num, page.slug[:50].rstrip("-")
    return {
        "tamar-valley-voice.co.uk": f"{site}/news/local-news/{num}.txt",
        "ridgeway-ledger.com": f"{site}/markets/{page.scrape_day}/{slug}.html",
        "westcountry-courier.co.uk": f"crawl-{page.scrape_day.replace('-', '')}/{site}/{num}.txt",
        "eastfield-gazette.co.uk": f"{site}/news/{slug}-{num}.html",
        "airedale-times.co.uk": f"{site}/{num}.txt",
        "midstate-business-journal.com": f"{site}/news/{num}/{slug}.html",
        "harlow-standard.co.uk": f"{site}/news/crime/{num}.html",
        "pinecrest-tribune.com": f"dump/{site}/local/{slug}.txt",
        "roznama-hilal.pk": f"{site}/detail/{num}.html",
        "adalat-times.pk": f"{site}/{page.scrape_day}/{num}.txt",
        "sada-e-punjab.pk": f"urdu-scrapes/{site}/{num}.txt",
        "urdu.safar-news.pk": f"{site}/news/{num}/index.html",
        "hawai-akhbar.pk": f"{site}/latest/{num}.html",
        "bazar-e-hisas.pk": f"{site}/business/{num}.txt",
        "roznama-khidmat.pk": f"{site}/{page.scrape_day}/{num}.html",
        "qaumi-aawaz-lahore.pk": f"{site}/lahore/{num}.txt",
        "urdu.shehr-nama.pk": f"{site}/story-{num}.html",
        "nawa-e-kisan.pk": f"text/{site}/{num}.txt",
    }[site]


# ----------------------------------------------------------------------------- chrome

def tool_lines(page, day):
    """Lines above the menu: [(line, ISO or "")]."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "scores" in ex:  # the last Saturday's result
        sat = F22.last_weekday_before(day, (5,))
        out.append((f"Full-time · {fdate('en_lotto', sat)} · Tavistock AFC {k % 4} – "
                    f"{(k * 3) % 5} Saltash United", sat.isoformat()))
    if "market" in ex:  # the last trading day's close
        last = F22.last_weekday_before(day, (0, 1, 2, 3, 4))
        out.append((f"FTSE 100 {7300 + (k * 37) % 250}.{(k * 13) % 100:02d} "
                    f"{'+' if k % 3 else '-'}0.{(k * 7) % 90 + 10}% · close "
                    f"{fdate('en_lotto', last)}", last.isoformat()))
    if "rail" in ex:  # engineering works on the coming Sunday
        sun = F22.next_weekday_from(day + DAY, (6,))
        out.append((f"Engineering works: no trains between Exeter St Davids and Plymouth on "
                    f"{fdate('en_lotto', sun)} — replacement buses", sun.isoformat()))
    if "bins" in ex:  # the next collection
        nxt = F22.next_weekday_from(day + DAY, (0,))
        out.append((f"Bin collections: your next {'recycling' if k % 2 else 'general waste'}"
                    f" collection is {fdate('en_lotto', nxt)}", nxt.isoformat()))
    if "departures" in ex:
        out.append((f"Departures · Leeds Bradford · {fdate('en_lotto', day)} · "
                    f"{7 + k % 3:02d}:40 Alicante On time · {9 + k % 4:02d}:15 Dublin Delayed",
                    day.isoformat()))
    if "ruet" in ex:  # the committee's coming meeting
        d = day + DAY * (3 + k % 5)
        out.append((f"مرکزی رویت ہلال کمیٹی کا اجلاس {fdate('ur_plain', d)} کو کراچی میں ہوگا",
                    d.isoformat()))
    if "causelist" in ex:  # the next working day
        d = F22.next_weekday_from(day + DAY, (0, 1, 2, 3, 4))
        out.append((f"سپریم کورٹ اسلام آباد — کاز لسٹ برائے {fdate('ur_plain', d)}، "
                    f"{40 + k % 30} مقدمات سماعت کے لیے مقرر", d.isoformat()))
    if "railur" in ex:
        d = day + DAY * (2 + k % 6)
        out.append((f"پاکستان ریلوے: {fdate('ur_plain', d)} سے گرین لائن ایکسپریس کے اوقات "
                    "میں تبدیلی", d.isoformat()))
    if "flightur" in ex:
        d = day + DAY * (4 + k % 7)
        out.append((f"پی آئی اے: اسلام آباد سے جدہ کی پرواز PK-{741 + k % 5} "
                    f"{fdate('ur_plain', d)} سے بحال", d.isoformat()))
    if "kse" in ex:
        last = F22.last_weekday_before(day, (0, 1, 2, 3, 4))
        out.append((f"پاکستان اسٹاک ایکسچینج: کے ایس ای 100 انڈیکس {112000 + k * 317:,} پوائنٹس"
                    f" — {fdate('ur_plain', last)} کو کاروبار کا اختتام", last.isoformat()))
    return out


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]; each box opens
    with an undated heading."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "court" in ex:  # the coming Tuesday's list
        tue = F22.next_weekday_from(day + DAY, (1,))
        out += [("Court listings", "", True),
                (f"Magistrates' Court, {fdate('en_day', tue)}: {12 + k % 9} cases listed",
                 tue.isoformat(), False),
                ("Reporting restrictions may apply to some cases", "", True)]
    if "auction" in ex:
        d = day + DAY * (4 + k % 7)
        out += [("Property auction", "", True),
                (f"Lot {3 + k}: {14 + k * 2} Elm Row — bidding closes "
                 f"{fdate('en_wp', d)} at 3:00 pm", d.isoformat(), False),
                ("Guide prices are not valuations", "", True)]
    if "webinar" in ex:  # the sponsor's event on a coming Wednesday
        wed = F22.next_weekday_from(day + DAY * 2, (2,))
        out += [("Sponsored event", "", True),
                (f"Join our free webinar on cash flow for growing firms, "
                 f"{fdate('en_us_day', wed)}, 2pm ET. Register now", wed.isoformat(), True)]
    if "neelam" in ex:
        d = day + DAY * (5 + k % 6)
        out += [("نیلام عام", "", True),
                (f"بحکم عدالت سول جج لاہور مکان نمبر {100 + 7 * k} کا نیلام عام "
                 f"{fdate('ur_plain', d)} کو صبح 10 بجے ضلع کچہری میں ہوگا", d.isoformat(),
                 False)]
    if "barsi" in ex:
        d = day + DAY * (2 + k % 6)
        out += [("برسی", "", True),
                (f"مرحوم حاجی محمد {['اسلم', 'یوسف', 'رفیق', 'شفیع'][k % 4]} کی پہلی برسی "
                 f"{fdate('ur_plain', d)} کو ان کی رہائش گاہ پر منائی جائے گی", d.isoformat(),
                 False)]
    if "blood" in ex:
        d = day + DAY * (1 + k % 4)
        out += [("خون کا عطیہ کیمپ", "", True),
                (f"تھیلیسیمیا کے بچوں کے لیے خون کا عطیہ کیمپ {fdate('ur_plain', d)} کو پریس "
                 "کلب میں لگایا جائے گا", d.isoformat(), True)]
    if "holiday" in ex:
        d = day + DAY * (2 + k % 5)
        out += [("سرکاری اعلانات", "", True),
                (f"صوبائی حکومت نے {fdate('ur_plain', d)} کو عام تعطیل کا اعلان کیا ہے، "
                 "سرکاری دفاتر بند رہیں گے", d.isoformat(), True)]
    return out


# ----------------------------------------------------------------------------- pages

def html_page(page):
    esc, spec = F.esc, page.spec
    b = [f'<div class="utility-strip">{esc(ln)}</div>' for ln, _iso in page.tool]
    b += ['<header class="site-header"><nav><ul>']
    b += [f'<li><a href="/section/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<main class="content">']
    b += F22.story_html(page)
    if page.after:
        kind = next(x for x in ASIDE if x in spec.get("extras", ()))
        b += [f'<aside class="{ASIDE[kind]}">']
        b += [f"<h3>{esc(ln)}</h3>" if i == 0 else f"<p>{esc(ln)}</p>"
              for i, (ln, _iso, _src) in enumerate(page.after)] + ["</aside>"]
    b += F20.list_html(page)
    b += ["</main>", '<footer class="site-footer">']
    b += [f"<p>{esc(x)}</p>" for x in page.tail] + ["</footer>"]
    name = page.head[0]
    title = f"{page.headline} - {name}" if spec["lang"] == "en" else f"{page.headline} | {name}"
    return F12.html_doc(page, title, b)


def render(page):
    text = html_page(page) if page.spec["fmt"] == "html" else F22.text_site(page)
    return text, F22.phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages (see README.md "The twenty-fourth
    set"); exits with the failures, else returns a summary line."""
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh23 self-check")) from None


def main(shared, out):
    F22.SEEN.clear()
    G.generate_set("fresh23", SITES, SEED_FRESH23, FRESH23_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
