"""The sixteenth set of the chrome bench (`gen.py --set fresh15`, `SET=fresh15 run.sh`): 18 more
sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The sixteenth set" before the
set's held-out run. The design is described in README.md "The sixteenth set"; this docstring
only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
English chrome of two sites from real pages of article-extraction (fresh11.template); rotating
lists of real headlines (gen.rotating_sidebars) with dates in this set's styles (fdate). Site
names, section words, tool and widget lines, mail headers, footers and all dates but the Reuters
years are the assembly's. Pages are rendered as text or HTML by the site itself or by what saved
it; each generation checks its labels against its pages (self_check) and stops on any mismatch.
"""
import datetime
import re

import fresh as F
import fresh4 as F4
import fresh5 as F5
import fresh9 as F9
import fresh11 as F11
import fresh12 as F12
import fresh13 as F13
import gen as G

SEED_FRESH15 = 20270121
FRESH15_SALT = "khabar-chrome-fresh15"
EN_BASE, UR_BASE = datetime.date(2027, 1, 18), datetime.date(2027, 2, 8)
URDU_NAV15 = ["صفحہ اول", "پاکستان", "دنیا", "کاروبار", "کھیل", "شوبز", "صحت و سائنس",
              "دلچسپ و عجیب", "کالم", "ویڈیوز", "تصاویر", "ای پیپر"]
URDU_FOOT15 = ["رابطہ کریں", "ادارتی پالیسی", "شرائط و ضوابط", "ملازمتیں",
               "جملہ حقوق محفوظ ہیں"]

# layout: site (the outlet's own page; tpl: real chrome) | gcache (a search engine's cached copy
#   of the page: its banner with the snapshot time above the page) | fwd (an article pasted into
#   an email, forwarded, saved as text from the mail client: two sets of mail headers, a note,
#   then the story) | amp (the outlet's AMP version of the page: amp-sidebar menu, JSON-LD)
# own: under | none; half: only even pages state it; meta: how HTML marks the own date
# ostyle / side: date styles of the own line and of the list (None: no list or an undated list)
# widget: a line at the top of every page with the scrape day (prayer times, a market close)
SITES = [
    dict(site="www.ctvnews.ca", lang="en", fmt="txt", layout="site", tpl="www.ctvnews.ca",
         trim=(30, 2, 30), body="mix", own="under", ostyle="en_ctv", side=None, label=None,
         n=16),
    dict(site="www.express.co.uk", lang="en", fmt="html", layout="site",
         tpl="www.express.co.uk", trim=(28, 0, 26), body="mix", own="under",
         ostyle="en_express", meta="itemprop", side=None, label=None, n=16),
    dict(site="kestrel-courier.com.au", lang="en", fmt="html", layout="site", tpl=None,
         body="reuters", own="under", ostyle="en_abc", meta=None, side="en_abc_list",
         label="Top Stories", n=16),
    dict(site="meridian-nation.co.ke", lang="en", fmt="txt", layout="site", tpl=None,
         body="reuters", own="under", half=True, ostyle="en_nation", side="en_nation",
         label="Trending Now", n=16),
    dict(site="gulfline-news.com", lang="en", fmt="html", layout="amp", tpl=None, body="mix",
         own="under", ostyle="en_aj", meta="jsonld", side=None, label="Most Read", n=16),
    dict(site="straitsview.sg", lang="en", fmt="html", layout="gcache", tpl=None,
         body="reuters", own="under", ostyle="en_cna", meta="og", side="en_cna",
         label="Latest News", n=16),
    dict(site="desk-forwards", lang="en", fmt="txt", layout="fwd", tpl=None, body="reuters",
         own="under", ostyle="en_yahoo", side=None, label=None, n=16),
    dict(site="harbourside-radio.co.uk", lang="en", fmt="txt", layout="site", tpl=None,
         body="bbc", own="none", side="en_podcast", label="Latest Podcasts", n=16),
    dict(site="capital-ledger.co.za", lang="en", fmt="html", layout="site", tpl=None,
         body="bbc", own="none", side=None, label="Editor's Picks", widget="markets", n=16),
    dict(site="dhoop-chaaon.pk", lang="ur", fmt="html", layout="site", tpl=None,
         body="express", own="under", ostyle="ur_jang", meta=None, side=None,
         label="مزید خبریں", widget="prayer", city="لاہور", n=16),
    dict(site="dunya-e-khabar.tv", lang="ur", fmt="html", layout="site", tpl=None,
         body="samaa", own="under", ostyle="ur_dunya", meta="og", side="ur_dunya_list",
         label="اہم خبریں", n=16),
    dict(site="nawa-e-sehar.pk", lang="ur", fmt="txt", layout="site", tpl=None,
         body="express", own="under", ostyle="ur_eastern_dash", side=None, label="تازہ ترین",
         n=16),
    dict(site="aab-o-tab.pk", lang="ur", fmt="html", layout="amp", tpl=None, body="express",
         own="under", ostyle="ur_barooz", meta="jsonld", side="ur_weekday",
         label="مزید پڑھیں", n=16),
    dict(site="sarsabz-news.pk", lang="ur", fmt="html", layout="gcache", tpl=None,
         body="samaa", own="none", side="ur_eastern_dash", label="اہم خبریں", n=16),
    dict(site="urdu-desk-forwards", lang="ur", fmt="txt", layout="fwd", tpl=None,
         body="express", own="none", side=None, label=None, n=16),
    dict(site="shafaq-news.tv", lang="ur", fmt="txt", layout="site", tpl=None, body="samaa",
         own="under", half=True, ostyle="ur_urdupoint", side="ur_video", label="ویڈیوز", n=16),
    dict(site="kohistan-times.pk", lang="ur", fmt="html", layout="site", tpl=None,
         body="express", own="none", side="ur_eastern_dash", label="کالمز", widget="prayer",
         city="پشاور", n=16),
    dict(site="raabta-news.pk", lang="ur", fmt="txt", layout="site", tpl=None, body="samaa",
         own="under", ostyle="ur_jang", side="ur_eng_abbr", label="دیگر خبریں", n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English sites without a real template
    "kestrel-courier.com.au": (["Kestrel Courier", "Just In", "Local", "Rural", "Politics",
                                "Sport", "Weather", "Listen live"],
                               ["Kestrel Courier acknowledges the Traditional Custodians",
                                "Editorial policies", "Contact the Courier", "Terms of use"]),
    "meridian-nation.co.ke": (["Meridian Nation", "News", "Counties", "Business", "Sports",
                               "Opinion", "ePaper", "Subscribe for full access"],
                              ["Meridian Nation Media Group", "Advertise with us",
                               "Terms and conditions", "Contact us"]),
    "gulfline-news.com": (["Gulfline News", "News", "Middle East", "Economy", "Opinion",
                           "Features", "Video", "Live"],
                          ["About Gulfline", "Code of ethics", "Cookie preferences",
                           "Gulfline News Network"]),
    "straitsview.sg": (["StraitsView", "Singapore", "Asia", "World", "Business", "Commentary",
                        "Watch", "Listen"],
                       ["StraitsView newsroom", "Report a problem", "Terms & conditions",
                        "Privacy statement"]),
    "desk-forwards": (["For tomorrow's explainer, worth reading in full. Can you check the "
                       "numbers?",
                       "---------- Forwarded message ---------"],
                      ["Read more at the source", "Sent from my phone"]),
    "harbourside-radio.co.uk": (["Harbourside Radio", "Listen Live", "News", "Sport", "Travel",
                                 "Podcasts", "Schedule", "Competitions"],
                                ["Harbourside Radio is regulated by Ofcom", "Advertise on air",
                                 "Contact the studio", "Harbourside Radio Ltd"]),
    "capital-ledger.co.za": (["Capital Ledger", "News", "Business", "Markets", "Politics",
                              "Sport", "Lifestyle", "Subscribe"],
                             ["Capital Ledger is a member of the Press Council",
                              "Complaints procedure", "Advertising", "Capital Ledger Media"]),
}
UR_FWD_CHROME = (["یہ خبر دیکھ لیجیے، کل کے صفحے کے لیے کام آئے گی",
                  "---------- Forwarded message ---------"],
                 ["مکمل خبر ویب سائٹ پر پڑھیں", "Sent from my phone"])
EN_FWD_FROM = ("Sana Qureshi <sana.qureshi@newsroom-mail.example>",
               "Tom Whitaker <tom.whitaker@newsroom-mail.example>")
UR_FWD_FROM = ("Bilal Ahmed <bilal.ahmed@akhbar-mail.example>",
               "Rabia Khan <rabia.khan@akhbar-mail.example>")
# prayer times of the widget (Fajr, Zuhr, Asr, Maghrib, Isha) for early February
PRAYER = {"لاہور": ("5:32", "12:20", "3:35", "5:52", "7:10"),
          "پشاور": ("5:46", "12:31", "3:41", "5:59", "7:19")}


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um, uday, wd = G.URDU_MONTHS[d.month - 1], F.URDU_DAYS[d.weekday()], f"{d:%a}"
    eastern = F13.UR_DIGITS
    h2 = min(hour + 4, 23)
    return {
        "en_ctv": lambda: f"Published {d:%A}, {month} {d.day}, {d.year} {h12}:{minute:02d}{ampm}"
                          " EST",
        "en_express": lambda: f"PUBLISHED: {hour:02d}:{minute:02d}, {wd}, {mon} {d.day}, {d.year}"
                              f" | UPDATED: {h2:02d}:{(minute + 21) % 60:02d}, {wd}, {mon} "
                              f"{d.day}, {d.year}",
        "en_abc": lambda: f"Posted {wd} {d.day} {mon} {d.year} at {h12}:{minute:02d}"
                          f"{ampm.lower()}",
        "en_abc_list": lambda: f"{wd} {d.day} {mon} {d.year}",
        "en_nation": lambda: f"{d:%A} {month} {d.day:02d} {d.year}",
        "en_aj": lambda: f"Published On {d.day} {mon} {d.year}",
        "en_cna": lambda: f"{d.day:02d} {mon} {d.year} {h12:02d}:{minute:02d}{ampm}" + (
            f" (Updated: {d.day:02d} {mon} {d.year} {(h2 % 12) or 12:02d}:{(minute + 21) % 60:02d}"
            f"{'AM' if h2 < 12 else 'PM'})" if hour < 20 else ""),
        "en_yahoo": lambda: f"{wd}, {month} {d.day}, {d.year} at {h12}:{minute:02d} {ampm} EST",
        "en_podcast": lambda: f"Ep {2 * (d.toordinal() - 739900) + hour % 2} · {d.day} {mon} "
                              f"{d.year} · {18 + minute % 23} min",
        "gcache": lambda: f"{d.day} {mon} {d.year} {hour:02d}:{minute:02d}:{(minute * 7) % 60:02d}"
                          " GMT",
        "fwd_outer": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}, {hour:02d}:{minute:02d}",
        "fwd_inner": lambda: f"{wd}, {mon} {d.day}, {d.year} at {h12}:{minute:02d} {ampm}",
        "markets": lambda: f"{d.day} {mon} {d.year} {hour:02d}:{minute:02d}",
        "ur_jang": lambda: f"{d.day:02d} {um} ، {d.year}",
        "ur_dunya": lambda: f"Last Updated On {d.day:02d} {month},{d.year} {h12:02d}:{minute:02d} "
                            f"{ampm.lower()}",
        "ur_dunya_list": lambda: f"{d.day:02d} {month},{d.year}",
        "ur_eastern_dash": lambda: f"{d.day:02d}-{d.month:02d}-{d.year}".translate(eastern),
        "ur_barooz": lambda: f"{d.day} {um} {d.year} بروز {uday}",
        "ur_weekday": lambda: f"{uday} {d.day} {um} {d.year}",
        "ur_urdupoint": lambda: f"{uday} {d.day} {um} {d.year} {hour:02d}:{minute:02d}",
        "ur_video": lambda: f"دورانیہ {1 + minute % 9:02d}:{(minute * 7) % 60:02d} — {d.day:02d} "
                            f"{um} {d.year}",
        "ur_eng_abbr": lambda: f"{mon} {d.day:02d}, {d.year}",
        "ur_prayer": lambda: f"{uday} {d.day} {um} {d.year}",
    }[style]()


_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_NAME_COMMA = re.compile(r"(?<!\d)(\d{1,2}) ([A-Z][a-z]+),(\d{4})(?!\d)")
_NO_COMMA = re.compile(r"\b([A-Z][a-z]+) (\d\d) (\d{4})(?!\d)")


def read_own(text):
    """The day a date text states (ISO or ""), read apart from fdate: Eastern digits folded, a
    space before an Urdu comma dropped, "07 February,2027" and "March 04 1987" (no commas), a
    day-first d/m/yyyy first (the order of these outlets' countries), else fresh13.read_own (month
    names, dd-mm-yyyy, ISO and others)."""
    t = text.translate(F9.DIGITS_BACK).replace(" ،", "،")
    t = _NAME_COMMA.sub(r"\1 \2 \3", t)
    t = _NO_COMMA.sub(lambda m: f"{m.group(1)} {m.group(2)}, {m.group(3)}"
                      if m.group(1) in G.MONTHS else m.group(0), t)
    for m in _SLASH.finditer(t):
        try:
            return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            continue
    return F13.read_own(t)


# ----------------------------------------------------------------------------- assembly

AUTHORS = ["Naledi Mokoena", "Fergus Boyle", "Mei Ling Tan", "Wanjiru Kamau"]
UR_AUTHORS = ["ویب ڈیسک", "نیوز ڈیسک", "سٹاف رپورٹر", "نمائندہ خصوصی"]


def site_pages(spec, pools, templates, rng):
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH15_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    sidebars = (G.rotating_sidebars(dict(spec, side=spec["side"] or "x"), days, pools,
                                    FRESH15_SALT, lambda s, d, hr, mi: (s, d, hr, mi), 6, 11)
                if spec["label"] is not None else {})
    if spec["tpl"]:
        head, tail = F11.template(spec, templates)
    elif spec["layout"] == "fwd":
        head, tail = EN_CHROME[spec["site"]] if lang == "en" else UR_FWD_CHROME
    elif lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV15, URDU_FOOT15, 9)
    else:
        head, tail = EN_CHROME[spec["site"]]
    host = spec["tpl"] or spec["site"]
    pages = []
    seen = F13._EXTRA.setdefault("seen15", set())
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        may_date = spec["own"] != "none" and not (spec.get("half") and k % 2)
        while True:  # BBC News 2225 holds some stories twice: a set shows each once; an
            # undated page's lead must not state a day (its reader would date the page by it)
            page = G.later_page(spec, k, day, host, pools, rng, back)
            dated = may_date and bool(page.own)
            if page.headline not in seen and page.lead not in seen and (
                    dated or not read_own(page.lead)):
                break
        seen |= {page.headline, page.lead}
        if not dated:
            page.own = ""
        page.num = (1400000 + 7919 * k + h % 90000) if lang == "en" else 91000 + 613 * k + h % 997
        page.scrape_hour, page.scrape_minute = 6 + (k * 7) % 14, (k * 19 + h) % 60
        page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute) if page.own else ""
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])]
        page.author = (AUTHORS if lang == "en" else UR_AUTHORS)[(k + h) % 4]
        page.url = page_url(page)
        page.masthead = ""
        page.tool = tool_lines(page, day)
        dates = {iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool}
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_url(page):
    spec, host, num, slug = page.spec, page.host, page.num, page.slug[:50].rstrip("-")
    site = spec["site"]
    if site == "www.ctvnews.ca":
        return f"https://{host}/world/{slug}-1.{num}"
    if site == "www.express.co.uk":
        return f"https://{host}/news/world/{num}/{slug}"
    if site == "kestrel-courier.com.au":
        return f"https://{host}/news/{page.own or page.scrape_day}/{slug}/{num}"
    if site in ("desk-forwards", "urdu-desk-forwards"):
        src = "wirewatch-portal.com" if spec["lang"] == "en" else "jadeed-khabar.pk"
        return f"https://{src}/news/{slug}-{num}.html"
    if site == "dunya-e-khabar.tv":
        return f"https://{host}/ur/Pakistan/{num}"
    if site == "raabta-news.pk":
        return f"https://{host}/story/{num}/{slug}"
    return f"https://{host}/" + ("news" if spec["lang"] == "en" else "khabar") + f"/{num}"


def tool_lines(page, day):
    """Lines with a day that the saving tool or the site's widget writes around the story:
    [(line, ISO)], all on the scrape day."""
    spec, hr, mi = page.spec, page.scrape_hour, page.scrape_minute
    out = []
    if spec["layout"] == "gcache":
        out.append((f"It is a snapshot of the page as it appeared on "
                    f"{fdate('gcache', day, hr, mi)}.", day.isoformat()))
    if spec["layout"] == "fwd":
        out.append((f"Date: {fdate('fwd_outer', day, hr, (mi + 17) % 60)}", day.isoformat()))
        out.append((f"Date: {fdate('fwd_inner', day, hr, mi)}", day.isoformat()))
    if spec.get("widget") == "prayer":
        t = PRAYER[spec["city"]]
        out.append((f"اوقات نماز — {spec['city']} — {fdate('ur_prayer', day)} — فجر {t[0]} "
                    f"ظہر {t[1]} عصر {t[2]} مغرب {t[3]} عشاء {t[4]}", day.isoformat()))
    if spec.get("widget") == "markets":
        prev = day - datetime.timedelta(days=1)  # the last trading day's close
        while prev.weekday() >= 5:
            prev -= datetime.timedelta(days=1)
        idx = 78412 + (day.toordinal() * 37) % 900
        out.append((f"JSE All Share {idx // 1000} {idx % 1000:03d},{day.day * 3 % 100:02d} "
                    f"▲0,{day.day % 9 + 1}% · Close: {fdate('markets', prev, 17, 0)}",
                    prev.isoformat()))
    return out


def page_path(page):
    spec, layout = page.spec, page.spec["layout"]
    if layout == "fwd":
        name = re.sub(r'[\\/:*?"<>|]', "", page.headline)[:48].strip()
        box = "desk" if spec["lang"] == "en" else "urdu-desk"
        return f"mail-export/{box}/{page.scrape_day}/Fwd_ {name}.txt"
    if layout == "gcache":
        return (f"webcache.googleusercontent.com/search@q=cache_{spec['site']}_khabar_"
                f"{page.num}.html")
    if layout == "amp":
        return f"{spec['site']}/amp/{'news/' if spec['lang'] == 'en' else ''}{page.num}.html"
    url = page.url.split("://", 1)[-1]
    if spec["site"] == "www.express.co.uk":
        return f"{url}.html"
    return f"{url}.txt" if spec["fmt"] == "txt" else f"{url}/index.html"


# ----------------------------------------------------------------------------- pages

def own_line(page):
    """The own date as its line writes it, with the words the site puts beside it."""
    site, t = page.spec["site"], page.own_text
    if site == "nawa-e-sehar.pk":
        return f"{page.author} | {t}"
    return t


def header_lines(page):
    own = [own_line(page)] if page.own else []
    site, lang = page.spec["site"], page.spec["lang"]
    if site == "nawa-e-sehar.pk":
        return own or [page.author]
    if lang == "en":
        if site in ("www.ctvnews.ca", "www.express.co.uk") and not page.own:
            return [f"By {page.author}"]
        who = "Reuters" if page.own else page.author
        return [f"By {who}" if site != "gulfline-news.com" else who] + own
    return [page.author] + own


def items(page):
    return [(t, dt) for t, dt, _te, _iso in page.sidebar]


def blocks(page, nav, foot):
    out = [nav, [page.sidebar_label] if page.sidebar_label else []]
    return out + [[t, dt] if dt else [t] for t, dt in items(page)] + [foot]


def text_page(page):
    spec = page.spec
    story = "\n".join([page.headline] + header_lines(page))
    lst = ([page.sidebar_label] + [f"{t}\n{dt}" if dt else t for t, dt in items(page)]) \
        if page.sidebar_label else []
    tool = [ln for ln, _iso in page.tool]
    if spec["layout"] == "fwd":
        outer, inner = EN_FWD_FROM if spec["lang"] == "en" else UR_FWD_FROM
        hdr = [f"Subject: Fwd: {page.headline}", f"From: {outer}", tool[0],
               "To: desk@newsroom-mail.example"]
        fwd = [page.head[1], f"From: {inner}", tool[1], f"Subject: {page.headline}",
               f"To: {outer.split(' <')[0]} <{outer.split('<')[1]}"]
        chunks = ["\n".join(hdr), page.head[0], "\n".join(fwd), story] + page.paras + [
            f"{page.tail[0]}: {page.url}", page.tail[1]]
        return "\n\n".join(c for c in chunks if c) + "\n", \
            blocks(page, hdr[1:2] + [hdr[3]] + page.head + fwd[1:2], page.tail)
    widget = [ln for ln, _iso in page.tool]
    chunks = ["\n".join(widget + page.head), story] + page.paras
    if lst:
        chunks.append("\n\n".join(lst))
    chunks.append("\n".join(page.tail))
    return "\n\n".join(c for c in chunks if c) + "\n", blocks(page, page.head, page.tail)


def own_html(page, ln):
    esc, meta = F.esc, page.spec.get("meta")
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00"
    if meta == "itemprop":
        return (f'<div class="dates"><time itemprop="datePublished" datetime="{stamp}Z">'
                f"{esc(ln)}</time></div>")
    if page.spec["layout"] == "amp":
        return f'<div class="article-dates"><span>{esc(ln)}</span></div>'
    return f'<p class="date">{esc(ln)}</p>'


def story_html(page):
    esc = F.esc
    out = ['<article class="story">', f"<h1>{esc(page.headline)}</h1>"]
    for ln in header_lines(page):
        if page.own and ln == own_line(page):
            out.append(own_html(page, ln))
        else:
            out.append(f'<p class="byline">{esc(ln)}</p>')
    return out + [f"<p>{esc(p)}</p>" for p in page.paras] + ["</article>"]


def list_html(page, cls):
    esc = F.esc
    if not page.sidebar_label:
        return []
    rows = [f'<li><a href="/{page.num + 41 * i}">{esc(t)}</a>'
            + (f' <span class="date">{esc(dt)}</span>' if dt else "") + "</li>"
            for i, (t, dt) in enumerate(items(page))]
    return [f'<aside class="{cls}">', f"<h3>{esc(page.sidebar_label)}</h3>", "<ul>"] + rows \
        + ["</ul>", "</aside>"]


GCACHE = ["This is Google's cache of", "The current page could have changed in the meantime.",
          "Learn more", "Full version", "Text-only version", "View source",
          "Tip: To quickly find your search term on this page, press Ctrl+F or ⌘-F (Mac) and use "
          "the find bar."]


def html_page(page):
    esc, spec, layout = F.esc, page.spec, page.spec["layout"]
    meta = spec.get("meta")
    b, extra_nav = [], []
    if layout == "gcache":
        snap, _ = page.tool[0]
        b += ['<div style="background:#fff;border:1px solid #ccc;margin:0 0 10px">',
              f'<div>{esc(GCACHE[0])} <a href="{esc(page.url)}">{esc(page.url)}</a>. '
              f'{esc(snap)} <a href="{esc(page.url)}">{esc(GCACHE[1])}</a> '
              f"<a>{esc(GCACHE[2])}</a></div>",
              f"<div><span>{esc(GCACHE[3])}</span> <a>{esc(GCACHE[4])}</a> "
              f"<a>{esc(GCACHE[5])}</a></div>", f"<div>{esc(GCACHE[6])}</div>", "</div>",
              '<div style="position:relative">']
        extra_nav = GCACHE[2:]
    for ln, _iso in page.tool:
        if layout != "gcache":
            b.append(f'<div class="top-widget">{esc(ln)}</div>')
    if layout == "amp":
        b += ['<amp-sidebar id="menu" layout="nodisplay" side="right"><ul>']
        b += [f'<li><a href="/amp/s/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
        b += ["</ul></amp-sidebar>", '<header class="amp-header">'
              '<button on="tap:menu.toggle">&#9776;</button>'
              f"<a>{esc(page.head[0])}</a></header>"]
    else:
        b += ['<header class="site-header"><nav><ul>']
        b += [f'<li><a href="/s/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
        b += ["</ul></nav></header>"]
    b += ['<main class="content">']
    if layout == "amp":
        b += ['<amp-img src="/img/lead.jpg" width="1200" height="675" layout="responsive">'
              "</amp-img>"]
    b += story_html(page)
    b += list_html(page, "more-news")
    b += ["</main>", '<footer class="site-footer">'] + [f"<p>{esc(x)}</p>" for x in page.tail]
    b += ["</footer>"] + (["</div>"] if layout == "gcache" else [])
    text = F12.html_doc(page, f"{page.headline} | {spec['site']}", b)
    if layout == "amp":
        text = text.replace("<html ", "<html \u26a1 ", 1).replace(
            "</head>", '<script async src="https://cdn.ampproject.org/v0.js"></script>\n</head>', 1)
    if layout == "gcache":
        text = text.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<base href="'
                            + esc(page.url) + '">', 1)
    if page.own and meta in ("og", "jsonld"):
        stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00" + (
            "+08:00" if spec["site"] == "straitsview.sg" else
            "+03:00" if spec["lang"] == "en" else "+05:00")
        tag = (f'<meta property="article:published_time" content="{stamp}">' if meta == "og"
               else '<script type="application/ld+json">{"@context": "https://schema.org", '
               f'"@type": "NewsArticle", "datePublished": "{stamp}"}}</script>')
        text = text.replace("</head>", tag + "\n</head>", 1)
    return text, blocks(page, page.head + extra_nav, page.tail)


def render(page):
    return (html_page if page.spec["fmt"] == "html" else text_page)(page)


# ----------------------------------------------------------------------------- checks

STAMPS = ("datetime=", "datePublished", "published_time")


def own_problems(page, text, zone):
    flat, own = F4.flat, page.own
    header = zone[:zone.index(flat(page.paras[0]))]
    if not own:
        probs = [] if not read_own(header) else [f"undated page with a date in {header!r}"]
        if any(s in text for s in STAMPS):
            probs.append("undated page with a time stamp in its markup")
        return probs
    said, line = flat(page.own_text), flat(own_line(page))
    probs = []
    if read_own(page.own_text) != own:
        probs.append(f"own date text {said!r} reads {read_own(page.own_text)}")
    if zone.count(line) != 1 or line not in header:
        probs.append(f"own date line {line!r} not once in the story's header")
    if read_own(header.replace(said, "")):
        probs.append("another date in the story's header")
    gap = header.index(said) - len(flat(page.headline))
    if not 0 <= gap < 100:
        probs.append(f"own date {gap} characters after the headline")
    meta = page.spec.get("meta")
    if meta and own not in text.split("<body>", 1)[0] + "".join(
            re.findall(r'datetime="([^"]*)"', text)):
        probs.append("no time stamp of the own date")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The sixteenth set"); exits
    with the failures, else returns a summary line."""
    flat = F4.flat
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    content = f" {content} "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, F12.zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, zone)
        probs += F5.chrome_problems(page, lb, raw, zone, outside, content)
        for ln, iso in page.tool:
            if flat(ln) not in outside or flat(ln) in zone:
                probs.append(f"tool line {ln!r} not on the page outside the story")
            if iso not in lb["chrome_dates"] + [page.own] or read_own(ln) != iso:
                probs.append(f"tool line {ln!r} reads {read_own(ln)}, labelled {iso}")
        for t, dt, _te, iso in page.sidebar:
            if read_own(dt) != iso:
                probs.append(f"list date {dt!r} reads {read_own(dt)}, labelled {iso}")
            if read_own(t):
                probs.append(f"list headline {t!r} reads as a date")
        if (page.spec["side"] or page.tool) and not lb["chrome_dates"] and not (
                {iso for *_, iso in page.sidebar + page.tool if iso} <= {page.own}):
            probs.append("dated chrome without chrome dates")
        if not set(lb["chrome_dates"]) <= {iso for *_, iso in page.sidebar + page.tool}:
            probs.append("a chrome date that is on no chrome line")
        if page.own in lb["chrome_dates"]:
            probs.append("the own date among the chrome dates")
        if read_own(" ".join(page.paras[:1])) and not page.own:
            probs.append("an undated page's lead states a date")
        if page.spec["layout"] == "fwd" and flat(page.headline) not in zone[:len(
                flat(page.headline)) + 1]:
            probs.append("the story does not open with the pasted headline")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh15", rendered, labels, bad)


def main(shared, out):
    F13._EXTRA.pop("seen15", None)
    G.generate_set("fresh15", SITES, SEED_FRESH15, FRESH15_SALT, site_pages, render, page_path,
                   self_check, shared, out, nth=0)
