"""The twenty-first set of the chrome bench (`gen.py --set fresh20`, `SET=fresh20 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twenty-first set" before
the set's held-out run. The design is described in README.md "The twenty-first set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates; one site takes only its stories of three paragraphs) and BBC News 2225 (no dates); Urdu
bodies from the urdu-news-ha405 CSVs (Express, Samaa); lists of real headlines with dates in
this set's styles (fdate). Site names, section words, mail headers, rate and price widgets,
footers and all dates but the Reuters ones are the assembly's. Each generation checks its labels
against its pages (self_check) and stops on any mismatch. The assembly code is fresh19's, with
this set's sites, date styles, mail header and widgets.
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

SEED_FRESH20 = 20270722
FRESH20_SALT = "khabar-chrome-fresh20"
EN_BASE, UR_BASE = datetime.date(2027, 7, 19), datetime.date(2027, 7, 5)
URDU_NAV20 = ["صفحہ اول", "قومی", "بین الاقوامی", "صوبائی", "کاروبار", "کھیل", "شوبز",
              "سائنس", "خواتین", "اداریہ", "ویڈیو"]
URDU_FOOT20 = ["ہمارے بارے میں", "پرائیویسی پالیسی", "ہم سے رابطہ کریں",
               "تمام حقوق محفوظ ہیں"]
UR_WEEKDAYS = ["پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"]
EASTERN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# own: under (a line of the story's header) | none. meta: how HTML marks the own date
#   (time: <time datetime>, itemprop, None)
# body: reuters | bbc | mix (Reuters, every third BBC) | briefs (Reuters stories of three
#   paragraphs) | express | samaa
# ostyle / side: date styles of the own line and of the list (None: no list dates)
# extras: outlook (a newsletter forwarded with Outlook and saved as text: its forward header
#   with the "Sent:" time, the scrape day, above the page), forex (an exchange-rates strip above
#   the menu with the scrape day), gold (a gold and silver price widget after the story, dated
#   the scrape day)
SITES = [
    dict(site="lagos-tribune.ng", lang="en", fmt="txt", body="reuters", own="under",
         ostyle="en_apdot", side=None, label="Trending", extras=("outlook",), n=16),
    dict(site="accra-chronicle.com.gh", lang="en", fmt="html", body="reuters", own="under",
         ostyle="en_dmyslash", meta="time", side="en_short", label="Related News",
         extras=("forex",), n=16),
    dict(site="colombo-herald.lk", lang="en", fmt="html", body="bbc", own="none",
         side="en_short", label="Editor's Picks", extras=("forex",), n=16),
    dict(site="klang-valley-post.my", lang="en", fmt="txt", body="mix", own="under",
         ostyle="en_timefirst", side="en_short", label="Latest", extras=(), n=16),
    dict(site="visayas-courier.ph", lang="en", fmt="html", body="reuters", own="under",
         ostyle="en_caps", meta="itemprop", side=None, label="Read Next", extras=(), n=16),
    dict(site="prairie-gazette.ca", lang="en", fmt="txt", body="bbc", own="none", side=None,
         label="More from the Gazette", extras=("outlook",), n=16),
    dict(site="dhaka-ledger.com.bd", lang="en", fmt="html", body="briefs", own="under",
         ostyle="en_dotted", meta=None, side="en_short", label="Business Roundup",
         extras=("forex",), n=16),
    dict(site="nairobi-wire.co.ke", lang="en", fmt="txt", body="reuters", own="under",
         ostyle="en_dmyslash", side=None, label="Top Stories", extras=(), n=16),
    dict(site="port-louis-express.mu", lang="en", fmt="html", body="mix", own="under",
         ostyle="en_apdot", meta="time", side="en_short", label="You May Also Like",
         extras=(), n=16),
    dict(site="roznama-kashish.pk", lang="ur", fmt="txt", body="express", own="under",
         ostyle="ur_eastern", side=None, label="مزید خبریں", extras=("outlook",), n=16),
    dict(site="urdu.quetta-awaz.pk", lang="ur", fmt="html", body="samaa", own="under",
         ostyle="ur_slash", meta="time", side="ur_plain", label="تازہ ترین",
         extras=("forex",), n=16),
    dict(site="akhbar-e-sehar.pk", lang="ur", fmt="txt", body="samaa", own="none", side=None,
         label="اہم خبریں", extras=("gold",), n=16),
    dict(site="daily-faisal.pk", lang="ur", fmt="html", body="express", own="under",
         ostyle="ur_dayafter", meta=None, side="ur_plain", label="مقبول ترین",
         extras=("gold",), n=16),
    dict(site="naya-savera.pk", lang="ur", fmt="txt", body="express", own="under",
         ostyle="ur_eastern_time", side="ur_eastern", label="دیگر خبریں",
         extras=("forex",), n=16),
    dict(site="urdu.chitral-voice.pk", lang="ur", fmt="html", body="samaa", own="none",
         side="ur_plain", label="متعلقہ خبریں", extras=("forex",), n=16),
    dict(site="roznama-waqif.pk", lang="ur", fmt="html", body="express", own="under",
         ostyle="ur_hamza", meta="itemprop", side=None, label="یہ بھی پڑھیں", extras=(),
         n=16),
    dict(site="tanveer-news.pk", lang="ur", fmt="txt", body="samaa", own="none",
         side="ur_plain", label="آج کی اہم خبریں", extras=("outlook",), n=16),
    dict(site="aaina-e-sindh.pk", lang="ur", fmt="html", body="express", own="under",
         ostyle="ur_eastern", meta="time", side=None, label="سندھ کی خبریں",
         extras=("gold",), n=16),
]

for _s in SITES:  # the labels' "layout": every page as the outlet served it
    _s.setdefault("layout", "site")

EN_CHROME = {  # the assembly's header and footer of the English sites
    "lagos-tribune.ng": (["Lagos Tribune", "News", "Politics", "Business", "Metro", "Sports",
                          "Nollywood", "Opinion"],
                         ["You received this because you subscribed to the Lagos Tribune "
                          "morning edition", "Unsubscribe", "© Lagos Tribune Newspapers Ltd"]),
    "accra-chronicle.com.gh": (["Accra Chronicle", "Home", "Politics", "Business", "Regions",
                                "Sports", "Showbiz", "Features"],
                               ["Accra Chronicle, an independent daily from Accra",
                                "Advertise", "Contact", "© Accra Chronicle Media"]),
    "colombo-herald.lk": (["Colombo Herald", "Local", "Business", "World", "Cricket",
                           "Features", "Editorial", "Print Edition"],
                          ["Colombo Herald is published from Colombo", "Privacy", "Terms",
                           "© Colombo Herald (Pvt) Ltd"]),
    "klang-valley-post.my": (["Klang Valley Post", "Nation", "Business", "World", "Sport",
                              "Lifestyle", "Tech"],
                             ["Klang Valley Post, news for the Klang Valley",
                              "Contact us", "© Klang Valley Post Sdn Bhd"]),
    "visayas-courier.ph": (["Visayas Courier", "News", "Cebu", "Nation", "World", "Business",
                            "Sports", "Opinion"],
                           ["Visayas Courier, serving the Visayas", "About", "Careers",
                            "© Visayas Courier Publishing Corp"]),
    "prairie-gazette.ca": (["Prairie Gazette", "Local News", "Agriculture", "Business",
                            "Sports", "Obituaries", "Classifieds"],
                           ["You are receiving this email as a Prairie Gazette subscriber",
                            "Manage your subscription", "© Prairie Gazette Inc"]),
    "dhaka-ledger.com.bd": (["Dhaka Ledger", "Bangladesh", "Business", "Economy", "Stocks",
                             "World", "Sports"],
                            ["Dhaka Ledger, the business daily of Dhaka", "Advertisement",
                             "Contact", "© Dhaka Ledger"]),
    "nairobi-wire.co.ke": (["Nairobi Wire", "Kenya", "Counties", "Business", "Africa",
                            "Sports", "Opinion"],
                           ["Nairobi Wire adheres to the Code of Conduct for the Practice of "
                            "Journalism in Kenya", "Contact", "© Nairobi Wire Media Group"]),
    "port-louis-express.mu": (["Port Louis Express", "Mauritius", "Economy", "World",
                               "Sport", "Culture", "Weather"],
                              ["Port Louis Express, the island's English daily", "Contact",
                               "© Port Louis Express Ltée"]),
}
AUTHORS = ["Chinedu Okafor", "Ama Mensah", "Dilani Perera", "Wanjiru Kamau"]
UR_AUTHORS = ["نمائندہ خصوصی", "ویب ڈیسک", "خبر ایجنسی", "اسٹاف رپورٹر"]
UR_WRITERS = ["فیصل عباس", "صائمہ خان", "اسد مینگل", "ثمینہ جتوئی"]


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles."""
    month, mon = G.MONTHS[d.month - 1], G.MONTHS[d.month - 1][:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    um, uwd = G.URDU_MONTHS[d.month - 1], UR_WEEKDAYS[d.weekday()]
    ap = {"May": "May", "June": "June", "July": "July", "March": "March",
          "April": "April", "September": "Sept."}.get(month, mon + ".")  # AP style: short months unabbreviated
    return {
        "en_short": lambda: f"{mon} {d.day}, {d.year}",
        "en_apdot": lambda: f"{ap} {d.day}, {d.year}",
        "en_dmyslash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year} {hour:02d}:{minute:02d}",
        "en_timefirst": lambda: f"{h12}:{minute:02d} {ampm.lower()}, {d.day} {mon} {d.year}",
        "en_caps": lambda: f"{month.upper()} {d.day}, {d.year}",
        "en_dotted": lambda: f"{d.day:02d}.{d.month:02d}.{d.year}",
        "en_outlook": lambda: f"{d:%A}, {month} {d.day}, {d.year} {h12}:{minute:02d} {ampm}",
        "en_forex": lambda: f"{d:%a} {d.day} {mon} {d.year}",
        "ur_plain": lambda: f"{d.day} {um} {d.year}",
        "ur_hamza": lambda: f"{d.day} {um} {d.year}ء",
        "ur_eastern": lambda: f"{d.day} {um} {d.year}".translate(EASTERN),
        "ur_eastern_time": lambda: f"{d.day} {um} {d.year}ء، {hour:02d}:{minute:02d}".translate(
            EASTERN),
        "ur_slash": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        "ur_dayafter": lambda: f"{d.day} {um} {d.year}، {uwd}",
    }[style]()



read_own = F16.read_own  # the day a date text states (ISO or ""), read apart from fdate


# ----------------------------------------------------------------------------- sources

def take_reuters(pools, pred):
    """The last Reuters story of the pool that pred accepts, taken out of the pool."""
    for i in range(len(pools.reuters) - 1, -1, -1):
        if pred(pools.reuters[i]):
            return pools.reuters.pop(i)
    raise SystemExit("fresh20: no Reuters story left")


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
    h = G.site_hash(spec["site"] + FRESH20_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH20_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 7, 11)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV20, URDU_FOOT20, 8)
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
    if site == "accra-chronicle.com.gh":
        return f"https://www.{host}/news/{slug}/"
    if site == "dhaka-ledger.com.bd":
        return f"https://www.{host}/business/news/{slug}-{num}"
    if site == "port-louis-express.mu":
        return f"https://www.{host}/article/{num}/{slug}"
    if spec["lang"] == "en":
        return f"https://www.{host}/{slug}-{num}"
    return f"https://{host}/story/{num}"


def page_path(page):
    spec, site = page.spec, page.spec["site"]
    ex = spec.get("extras", ())
    if "outlook" in ex:  # Outlook's "Save As" text files, one folder a newsletter
        return f"Outlook-saved/{site}/FW_{page.num}.txt"
    if spec["fmt"] == "html":
        return f"{site}/story/{page.num}.html"
    return f"{site}/{page.scrape_day}/{page.num}.txt"


RATES = [("USD", 278.40), ("EUR", 301.15), ("GBP", 352.60), ("SAR", 74.20)]
UR_RATES = [("ڈالر", 278.40), ("یورو", 301.15), ("پاؤنڈ", 352.60), ("ریال", 74.20)]
EN_FX = {"accra-chronicle.com.gh": ("GH₵", 0.052), "colombo-herald.lk": ("Rs", 1.07),
         "dhaka-ledger.com.bd": ("Tk", 0.42)}


def tool_lines(page, day):
    """Lines above the menu: [(line, ISO or "")]."""
    spec, hr, mi = page.spec, page.scrape_hour, page.scrape_minute
    ex, out, en = spec.get("extras", ()), [], spec["lang"] == "en"
    name = page.head[0]
    if "outlook" in ex:  # Outlook's forward: a rule, then From / Sent / To / Subject
        out += [("________________________________", ""),
                (f"From: {name} <news@{spec['site']}>", ""),
                (f"Sent: {fdate('en_outlook', day, hr, mi)}", day.isoformat()),
                ("To: Archive Desk <archive.desk@newsroom-mail.org>", ""),
                (f"Subject: FW: {page.headline}", "")]
    if "forex" in ex:
        wob = 1 + ((page.k % 5) - 2) / 1000
        if en:
            cur, f = EN_FX[spec["site"]]
            rates = " · ".join(f"{c} {v * f * wob:.2f}" for c, v in RATES[:3])
            out.append((f"Exchange rates, {fdate('en_forex', day)} ({cur}, selling): {rates}",
                        day.isoformat()))
        else:
            rates = "، ".join(f"{c} {v * wob:.2f}" for c, v in UR_RATES)
            out.append((f"اوپن مارکیٹ ریٹ — {fdate('ur_plain', day)}: {rates}",
                        day.isoformat()))
    return out


def update_line(page):
    """No site of this set has an update line."""
    return None


def after_lines(page, day):
    """Dated lines after the story: [(line, ISO, a source of chrome phrases?)]: a gold and
    silver price widget (heading, then the day's prices)."""
    spec, ex, out = page.spec, page.spec.get("extras", ()), []
    if "gold" in ex:
        wob = (page.k * 37) % 900
        out.append(("صرافہ بازار", "", True))
        out.append((f"سونے کا بھاؤ، {fdate('ur_plain', day)}: 24 قیراط فی تولہ "
                    f"{245300 + wob * 100:,} روپے، 10 گرام {210300 + wob * 86:,} روپے",
                    day.isoformat(), True))
        out.append((f"چاندی فی تولہ {2750 + wob // 10:,} روپے", "", True))
    return out


def foot_lines(page, day):
    """No site of this set has a dated footer line."""
    return []


def notes(page):
    """No site of this set has undated notes."""
    return []


# ----------------------------------------------------------------------------- pages

def own_line(page):
    """The own date's line, with the words the site puts beside it."""
    site, t = page.spec["site"], page.own_text
    if site == "lagos-tribune.ng":
        return f"Published {t}"
    if site == "accra-chronicle.com.gh":
        return f"Posted on: {t}"
    if site == "nairobi-wire.co.ke":
        return f"Published on {t}"
    if site == "dhaka-ledger.com.bd":
        return f"Publish: {t}"
    if site == "naya-savera.pk":
        return f"شائع شدہ: {t}"
    if site == "daily-faisal.pk":
        return f"{page.author} | {t}"
    return t


def header_lines(page):
    """The lines between the headline and the first paragraph."""
    spec, lang = page.spec, page.spec["lang"]
    own = [own_line(page)] if page.own and spec["own"] == "under" else []
    if spec["site"] == "daily-faisal.pk":
        return own or [page.author]
    if lang == "en":
        if spec["body"] != "bbc" and page.own:  # Reuters stories
            if spec["site"] in ("dhaka-ledger.com.bd", "visayas-courier.ph"):
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
    b = [f'<div class="rates-ticker">{esc(ln)}</div>' for ln, _iso in page.tool]
    b += ['<header class="site-header"><nav><ul>']
    b += [f'<li><a href="/section/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<main class="content">']
    b += story_html(page)
    gold = [ln for ln, _iso, _src in page.after]
    if gold:  # the gold price widget: its heading, then the prices
        b += ['<aside class="gold-rates">', f"<h3>{esc(gold[0])}</h3>", "<ul>"]
        b += [f"<li>{esc(ln)}</li>" for ln in gold[1:]] + ["</ul>", "</aside>"]
    b += list_html(page)
    b += ["</main>", '<footer class="site-footer">']
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
    """The labels against the pages, without khabar (see README.md "The twenty-first set");
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
    return G.set_wide_checks("fresh20", rendered, labels, bad)


def main(shared, out):
    SEEN.clear()
    G.generate_set("fresh20", SITES, SEED_FRESH20, FRESH20_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
