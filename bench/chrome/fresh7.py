"""The eighth set of the chrome bench (`gen.py --set fresh7`, `SET=fresh7 run.sh`): 18 more sites,
held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The eighth set" before the
set's held-out run. The design is described in README.md "The eighth set"; this docstring only
says what the code does.

Each site of SITES is assembled from real text, as in the earlier sets: bodies from
Reuters-21578 (real 1987 dates), BBC News 2225 and urdu-news-ha405 (no dates); English chrome
from the real pages of article-extraction (gen.real_templates: hosts no earlier set used);
rotating sidebars of real headlines (gen.rotating_sidebars) with the dates written in this
set's styles (fdate); Urdu site names, section words, footers, list labels, widget lines and
all dates but the Reuters ones are the assembly's. Pages are rendered as text (text_page) or
HTML (html_page) in the site's frame; each generation checks its labels against its pages
(self_check) and stops on any mismatch.
"""
import datetime
import re

import fresh as F
import fresh4 as F4
import fresh5 as F5
import gen as G

SEED_FRESH7 = 20261213
FRESH7_SALT = "khabar-chrome-fresh7"
EN_BASE, UR_BASE = datetime.date(2026, 1, 12), datetime.date(2026, 1, 19)
URDU_NAV7 = ["سرِورق", "قومی خبریں", "عالمی منظر", "کھیلوں کی دنیا", "فن و ثقافت", "تجارت",
             "تعلیم", "زراعت", "شہر کی خبریں", "اداریہ و کالم", "تصویری جھلکیاں", "موسم"]
URDU_FOOT7 = ["ہمارا تعارف", "رابطے کے لیے", "ضابطۂ اخلاق", "شکایات", "اشتہار دیں"]
PUNCT = "،؛؟!?:.,'\"“”‘’()[]/|-"
DIGITS_BACK = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
COLUMNISTS = [("zameer-ahmad", "ضمیر احمد"), ("nasreen-akhtar", "نسرین اختر"),
              ("arif-mehmood", "عارف محمود"), ("farhat-abbas", "فرحت عباس")]
NYT_ARCHIVE = [
    "Advertisement", "Continue reading the main story", "Supported by",
    "Continue reading the main story", "About the Archive",
    "This is a digitized version of an article from The Times’s print archive, before the start "
    "of online publication in 1996. To preserve these articles as they originally appeared, The "
    "Times does not alter, edit or update them.",
    "Occasionally the digitization process introduces transcription errors or other problems; we "
    "are continuing to work to improve these archived versions."]

# own: how the page states its own date
#   under (a line under the headline, and under the byline when there is one) | above (a line
#   above the headline) | header (in the HTML article header; `time`: as a <time datetime>) |
#   after (HTML: in the article's own footer, after the last paragraph) | none
# ostyle: the own date's style (fdate); half: only even pages state it; upd: even pages add a
#   later "updated" part in the style upd (the label is the publication date)
# byline: a byline line beside the own date; rubric: a word above the headline
# dateline: the first paragraph opens with the wire's city and credit (no date);
# caption: a file-photo caption under the header, dated some days before the story;
# print: a print-edition line after the last paragraph, of the own date; live: paragraphs as
#   timed updates, newest first; archive: the site's archive notice in the header
# side / label / pos: the sidebar's date style (None: no dates), its heading, before or after
#   the story;  trim: (head lines kept, tail lines skipped) of a template whose real story's
#   byline or tags sit next to its body;  extra: widgets that carry a day (chart: the chart
#   week, tv: today's programme schedule, rates: exchange and gold rates of the day)
# layout: slugdate (HOST/SECTION/SLUG-YYYY-MM-DD) | nyt (HOST/YYYY/MM/DD/SECTION/SLUG) | bbcid
#   (HOST/news/SECTION-ID) | numbered (NAME/page-NNNN) | pfact (HOST/article/YYYY/mon/DD/SLUG/
#   index.html) | slugid (HOST/SLUG-ID) | ncna (HOST/SECTION/SLUG-ncnaID) | bbarticles
#   (HOST/articles/news/ID/SLUG) | isoday (SITE/YYYY-MM-DD/ID) | epaper (SITE/epaper/YYYYMMDD/
#   pN-ID) | sharded (SITE/news/HUNDREDS/ID) | author (SITE/author/NAME/ID) | section
#   (SITE/SECTION/ID) | node (SITE/node/ID) | detail (SITE/detail/ID/SLUG) | urslug
#   (SITE/URDU-SLUG/index.html) | newsdetail (SITE/NewsDetail/ID) | tehreer (SITE/tehreer/SLUG)
# frame (HTML): semantic | divs
SITES = [
    dict(site="reuters.com", lang="en", fmt="txt", layout="slugdate", section="business",
         tpl="www.reuters.com", trim=(14, 1), body="reuters", own="under", ostyle="reuters",
         dateline=True, caption=True, side="reuters_side", label="Trending Stories",
         pos="after", n=16),
    dict(site="nytimes.com", lang="en", fmt="txt", layout="nyt", section="business",
         tpl="www.nytimes.com", trim=(6, 2), body="reuters", own="under", ostyle="nyt",
         byline="By Reuters", print=True, archive=True, side=None, label="Related Coverage",
         pos="after", n=16),
    dict(site="bbc.com", lang="en", fmt="txt", layout="bbcid", section="business",
         tpl="www.bbc.com", trim=(40, 2), body="bbc", own="none", side="bbc_side",
         label="Top Stories", pos="after", n=16),
    dict(site="cbssports.com", lang="en", fmt="txt", layout="numbered", tpl="www.cbssports.com",
         trim=(40, 0), body="bbc", own="none", side="cbs_side", label="Our Latest Stories",
         pos="before", n=16),
    dict(site="politifact.com", lang="en", fmt="html", layout="pfact", tpl="www.politifact.com",
         trim=(40, 5), body="reuters", own="header", ostyle="pfact", side="pf_side",
         label="Latest Fact-checks", pos="after", frame="semantic", n=16),
    dict(site="newsweek.com", lang="en", fmt="html", layout="slugid", tpl="www.newsweek.com",
         trim=(13, 2), body="reuters", own="header", ostyle="nw", upd="nw_upd", side="nw_side",
         label="Latest from Newsweek", pos="after", frame="divs", n=16),
    dict(site="nbcnews.com", lang="en", fmt="html", layout="ncna", section="business",
         tpl="www.nbcnews.com", trim=(40, 2), body="reuters", own="header", ostyle="nbc",
         upd="nbc_upd", time=True, byline="By Reuters", side=None, label="More from NBC News",
         pos="after", frame="semantic", n=16),
    dict(site="billboard.com", lang="en", fmt="html", layout="bbarticles",
         tpl="www.billboard.com", body="bbc", own="none", side=None,
         label="Trending on Billboard", pos="after", frame="semantic", extra=("chart",), n=16),
    dict(site="afkar-news.pk", lang="ur", fmt="txt", layout="isoday", tpl=None,
         body="express", own="under", ostyle="ur_mutabiq", side=None, label="اسی بارے میں",
         pos="after", n=16),
    dict(site="rohi-times.pk", lang="ur", fmt="txt", layout="epaper", tpl=None, body="samaa",
         own="above", ostyle="ur_edition", dateline=True, side=None,
         label="اسی صفحے پر مزید", pos="after", n=16),
    dict(site="tasveer-e-waqt.tv", lang="ur", fmt="txt", layout="sharded", tpl=None,
         body="express", own="none", side="ur_aaj_kal", label="خبرنامہ", pos="before",
         extra=("tv",), n=16),
    dict(site="bazgasht-news.pk", lang="ur", fmt="txt", layout="author", tpl=None, body="samaa",
         own="under", ostyle="ur_ymd", byline="columnist", side="ur_ymd", label="مقبول کالم",
         pos="after", n=16),
    dict(site="sabz-parcham.pk", lang="ur", fmt="txt", layout="section", section="live",
         tpl=None, body="express", own="under", ostyle="ur_live", rubric="لائیو", live=True,
         side="ur_day_time", label="ہماری دیگر کوریج", pos="after", n=16),
    dict(site="khush-khabri.tv", lang="ur", fmt="html", layout="node", tpl=None, body="samaa",
         own="header", ostyle="ur_pkt", byline="نیوز ڈیسک", side="ur_pkt_day",
         label="ویڈیو خبریں", pos="after", frame="divs", n=16),
    dict(site="muqam-news.pk", lang="ur", fmt="html", layout="detail", tpl=None, body="express",
         own="header", ostyle="ur_slash", time=True, side=None, label="پڑھنا نہ بھولیں",
         pos="after", frame="semantic", n=16),
    dict(site="ravi-akhbar.pk", lang="ur", fmt="html", layout="urslug", tpl=None, body="samaa",
         own="header", half=True, ostyle="en_us", time=True, side="en_us",
         label="سب سے زیادہ مقبول", pos="after", frame="semantic", n=16),
    dict(site="sindh-sada.pk", lang="ur", fmt="html", layout="newsdetail", tpl=None,
         body="express", own="none", side="ur_dash", label="صوبائی خبریں", pos="before",
         frame="divs", extra=("rates",), n=16),
    dict(site="qalam-kar.pk", lang="ur", fmt="html", layout="tehreer", tpl=None, body="samaa",
         own="after", ostyle="ur_shaya", side=None, label="نئی تحریریں", pos="after",
         frame="semantic", n=16),
]


def ago_compact(d, scrape, hour):
    """CBS-style compact relative times: hours on the scrape day, else days."""
    days = (scrape - d).days
    return f"{(hour % 9) + 2}h ago" if days == 0 else f"{days}d ago"


def fdate(style, d, hour=9, minute=15, scrape=None):
    """Date text in this set's styles (scrape: the page's scrape day, for relative ones)."""
    month = G.MONTHS[d.month - 1]
    mon = month[:3]
    apmon = mon + ("." if len(month) > 4 else "") if month != "September" else "Sept."
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    umonth = G.URDU_MONTHS[d.month - 1]
    uday = F.URDU_DAYS[d.weekday()]
    hd, hm, hy = F4.hijri(d)
    years = (scrape.year - d.year) if scrape else 0
    styles = {
        "reuters": lambda: (f"{month} {d.day}, {d.year} / {h12}:{minute:02d} {ampm} / "
                            f"Updated {years} years ago"),
        "reuters_side": lambda: f"{mon} {d.day} {d.year}",
        "nyt": lambda: f"{month} {d.day}, {d.year}",
        "bbc_side": lambda: (f"{(hour % 9) + 2} hours ago" if scrape == d
                             else f"{d.day} {month}"),
        "cbs_side": lambda: ago_compact(d, scrape, hour),
        "pfact": lambda: (f"By Reuters on {d:%A}, {month} {F.ordinal(d.day)}, {d.year} at "
                          f"{h12}:{minute:02d} {ampm[0].lower()}.m."),
        "pf_side": lambda: f"stated on {month} {d.day}, {d.year} in a Facebook post:",
        "nw": lambda: f"Published {mon} {d.day:02d}, {d.year} at {h12}:{minute:02d} {ampm} ET",
        "nw_upd": lambda: f"Updated {mon} {d.day:02d}, {d.year} at {h12}:{minute:02d} {ampm} ET",
        "nw_side": lambda: f"{mon} {d.day:02d}, {d.year} at {h12}:{minute:02d} {ampm} ET",
        "nbc": lambda: f"{apmon} {d.day}, {d.year}, {h12}:{minute:02d} {ampm} UTC",
        "nbc_upd": lambda: f"/ Updated {apmon} {d.day}, {d.year}, {h12}:{minute:02d} {ampm} UTC",
        "ur_mutabiq": lambda: (f"{uday} {d.day} {umonth} {d.year}ء بمطابق {hd} "
                               f"{F4.HIJRI_MONTHS[hm - 1]} {hy}ھ"),
        "ur_edition": lambda: (f"روزنامہ روہی ٹائمز، ملتان — {uday} {d.day} {umonth} {d.year}، "
                               f"صفحہ {2 + d.day % 5}"),
        "ur_aaj_kal": lambda: ({0: "آج", 1: "کل"}.get((scrape - d).days, "")
                               + f" {hour:02d}:{minute:02d}" if (scrape - d).days < 2
                               else f"{(scrape - d).days} روز قبل"),
        "ur_ymd": lambda: f"{d.year}/{d.month:02d}/{d.day:02d}",
        "ur_live": lambda: f"{d.day} {umonth} {d.year} — آخری اپ ڈیٹ {hour:02d}:{minute:02d}",
        "ur_day_time": lambda: f"{d.day} {umonth}، {hour:02d}:{minute:02d}",
        "ur_pkt": lambda: (f"{d.day:02d} {umonth} {d.year} | {h12:02d}:{minute:02d} {ampm} "
                           "(PKT)"),
        "ur_pkt_day": lambda: f"{d.day:02d} {umonth} {d.year}",
        "ur_slash": lambda: (f"{d.day:02d}/{d.month:02d}/{d.year} — {hour:02d}:{minute:02d}"
                             .translate(G.URDU_DIGITS)),
        "en_us": lambda: f"{month} {d.day}, {d.year}",
        "ur_dash": lambda: f"{d.day:02d}-{d.month:02d}-{d.year}",
        "ur_shaya": lambda: f"یہ تحریر {d.day} {umonth} {d.year} کو شائع ہوئی۔",
    }
    return styles[style]()


def read_own(text):
    """The date an own-date text states (ISO, or ""), read apart from fdate: digits of any
    script to ASCII; a Hijri date after "بمطابق" left out; a day-first slashed date
    (dd/mm/yyyy) or a year-first one (yyyy/mm/dd); else fresh4.read_own (a month name with the
    day either side and a 4-digit year)."""
    t = text.translate(DIGITS_BACK).split("بمطابق")[0]
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t)
    m = re.search(r"\b(\d{4})/(\d\d)/(\d\d)\b", t)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.search(r"\b(\d\d)/(\d\d)/(\d{4})\b", t)
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return F4.read_own(t.replace("،", " "))


# ----------------------------------------------------------------------------- assembly

def urdu_slug(headline, taken):
    """A WordPress slug of an Urdu headline as wget saves it: its words joined by hyphens."""
    words = [w.strip(PUNCT) for w in headline.split()]
    words = [w for w in words if w][:7]
    slug = "-".join(words) or "post"
    while slug in taken:
        slug += "-2"
    taken.add(slug)
    return slug


def site_pages(spec, pools, templates, rng):
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH7_SALT)
    ndays = 3 + h % 4
    base = EN_BASE if lang == "en" else UR_BASE
    days = sorted(set(base + datetime.timedelta(days=2 * i - (i % 2)) for i in range(ndays)))
    sidebars = G.rotating_sidebars(dict(spec, side=spec["side"] or "en_us"), days, pools,
                                   FRESH7_SALT, lambda s, d, hr, mi: (s, d, hr, mi), 5, 17)
    if spec["tpl"]:
        head, tail = (F5.undated_lines(x) for x in templates[spec["tpl"]])
        keep, skip = spec.get("trim", (30, 0))
        head, tail = head[:keep], tail[skip:skip + 40]
        if spec.get("archive"):
            head = head + NYT_ARCHIVE
    else:
        head, tail = G.urdu_template(spec, rng, URDU_NAV7, URDU_FOOT7, 7)
        tail = tail[:-1] + [f"جملہ حقوق بحق {head[0]} محفوظ ہیں © {UR_BASE.year}"]
    host = spec["tpl"] or spec["site"]
    taken = set()
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        wire = pools.reuters[-1] if spec["body"] == "reuters" else None
        page = G.later_page(spec, k, day, host, pools, rng, (k * 5 + k // ndays) % 3)
        page.city = wire["dateline"].split(",")[0].strip() if wire else ""
        if page.own:
            page.own_text = fdate(spec["ostyle"], page.date, page.hour, page.minute, day)
            if spec.get("upd") and k % 2 == 0:
                later = page.date + datetime.timedelta(days=1 + k % 2)
                page.upd_text = fdate(spec["upd"], later, 6 + k % 5, (page.minute + 23) % 60)
        decorate(page, spec, k, h)
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"]
        page.sidebar = [(t, fdate(spec["side"], *args[1:], scrape=day) if spec["side"] else "",
                         te, iso) for t, args, te, iso in sidebars[day]]
        page.masthead = ""
        page.extra = extra_lines(spec, day, h)
        dates = {iso for *_, iso in page.sidebar if spec["side"]}
        dates |= {iso for _ln, iso in page.extra}
        page.chrome_dates = sorted(dates - {page.own})
        page.num = (41000 + 131 * k + h % 7000) if lang == "en" else getattr(page, "rid", k)
        d = page.date if page.own else day
        if spec["layout"] == "urslug":
            page.slug = urdu_slug(page.headline, taken)
        sec = spec.get("section")
        page.url = {
            "slugdate": f"https://{host}/{sec}/{page.slug}-{d.isoformat()}/",
            "nyt": f"https://{host}/{d:%Y/%m/%d}/{sec}/{page.slug}.html",
            "bbcid": f"https://{host}/news/{sec}-{page.num * 997 % 89999999 + 10000000}",
            "numbered": f"https://{host}/nfl/news/{page.slug}/",
            "pfact": f"https://{host}/article/{d.year}/{d:%b}".lower() + f"/{d.day:02d}/"
                     f"{page.slug}/",
            "slugid": f"https://{host}/{page.slug}-{page.num * 7 + 1400000}",
            "ncna": f"https://{host}/{sec}/{page.slug}-ncna{page.num * 3 + 1020000}",
            "bbarticles": f"https://{host}/articles/news/{page.num * 13 + 8500000}/{page.slug}",
            "isoday": f"https://{host}/{d.isoformat()}/{page.num}",
            "epaper": f"https://{host}/epaper/{d:%Y%m%d}/p{2 + d.day % 5}-{page.num}",
            "sharded": f"https://{host}/news/{page.num // 100}/{page.num}",
            "author": f"https://{host}/author/{page.author[0]}/{page.num}"
                      if hasattr(page, "author") else "",
            "section": f"https://{host}/{sec}/{page.num}",
            "node": f"https://{host}/node/{page.num}",
            "detail": f"https://{host}/detail/{page.num}/{page.slug}",
            "urslug": f"https://{host}/{page.slug}/",
            "newsdetail": f"https://{host}/NewsDetail/{page.num}",
            "tehreer": f"https://{host}/tehreer/{page.slug}"}[spec["layout"]]
        pages.append(page)
    return pages


def decorate(page, spec, k, h):
    """The site's own additions to the story: the wire dateline, the file-photo caption, the
    print-edition line, timed live updates, the columnist's byline."""
    page.caption = page.print_line = ""
    page.byline = spec.get("byline") or ""
    if spec.get("byline") == "columnist":
        page.author = COLUMNISTS[(k + h) % len(COLUMNISTS)]
        page.byline = f"تحریر: {page.author[1]}"
    if spec.get("dateline"):
        if spec["lang"] == "en":
            city = getattr(page, "city", "") or "NEW YORK"
            page.paras = [f"{city.upper()} (Reuters) - {page.paras[0]}"] + page.paras[1:]
        else:
            page.paras = [f"ملتان (مانیٹرنگ ڈیسک) {page.paras[0]}"] + page.paras[1:]
    if spec.get("caption"):
        shot = page.date - datetime.timedelta(days=3 + k % 12)
        city = (getattr(page, "city", "") or "New York").title()
        page.caption = (f"FILE PHOTO: A general view of {city}, "
                        f"{G.MONTHS[shot.month - 1]} {shot.day}, {shot.year}. "
                        "REUTERS/Staff/File Photo")
    if spec.get("print"):
        page.print_line = (f"A version of this article appears in print on {page.own_text}, "
                           f"Section D, Page {1 + (k * 7) % 19} of the National edition with the "
                           f"headline: {page.headline}.")
    if spec.get("live"):
        hour, minute = page.hour, page.minute
        timed = []
        for i, para in enumerate(page.paras):
            mins = hour * 60 + minute - 17 * i
            timed.append(f"{mins // 60:02d}:{mins % 60:02d} — {para}")
        page.paras = timed


def extra_lines(spec, day, h):
    """The widgets that carry a day: [(line, ISO day)]."""
    out = []
    for kind in spec.get("extra", ()):
        if kind == "chart":
            week = day + datetime.timedelta(days=(5 - day.weekday()) % 7 + 7)
            stamp = f"Week of {G.MONTHS[week.month - 1]} {week.day}, {week.year}"
            out += [(f"Billboard Hot 100™ — {stamp}", week.isoformat()),
                    (f"Billboard 200™ — {stamp}", week.isoformat())]
        elif kind == "tv":
            out.append((f"آج کی نشریات — {F.URDU_DAYS[day.weekday()]} {day.day} "
                        f"{G.URDU_MONTHS[day.month - 1]}: خبرنامہ رات 9 بجے، ٹاک شو رات 10 بجے",
                        day.isoformat()))
        elif kind == "rates":
            stamp = f"{day.day} {G.URDU_MONTHS[day.month - 1]} {day.year}"
            out += [(f"انٹربینک ڈالر ({stamp}): 280.{(h + day.day) % 90 + 10} روپے",
                     day.isoformat()),
                    (f"سونا فی تولہ ({stamp}): {(h % 40) + 450},{day.day % 9}00 روپے",
                     day.isoformat())]
    return out


def page_path(page):
    spec = page.spec
    ext = "html" if spec["fmt"] == "html" else "txt"
    url = page.url.split("://", 1)[1].rstrip("/")
    if spec["layout"] == "numbered":
        return f"cbssports/page-{page.k * 7 + 3:04d}.{ext}"
    if spec["layout"] in ("pfact", "urslug"):
        return f"{url}/index.{ext}"
    if spec["layout"] == "slugdate":
        return f"{url}.{ext}"
    if spec["layout"] == "nyt":
        return url[:-len(".html")] + f".{ext}"
    return f"{url}.{ext}"


def item_line(item):
    """A sidebar item as one text line: its headline, and its date after a separator."""
    t, dt, _te, _ = item
    return f"{t} — {dt}" if dt else t


def chrome_blocks(page, extra_nav):
    """[nav, label, item..., tail] for the phrase choice (the widgets count as items)."""
    items = [[item_line(it)] + ([it[2]] if it[2] else []) for it in page.sidebar]
    items += [[ln] for ln, _ in page.extra]
    return [extra_nav + page.head, [page.spec["label"]]] + items + [page.tail]


# ----------------------------------------------------------------------------- text pages

def story_lines(page):
    """The story's lines as the page shows them, from the first line of its header to its last
    line: (lines before the headline, the header, the paragraphs and what follows them)."""
    spec, own = page.spec, page.spec["own"]
    above = [x for x in (spec.get("rubric"), page.own_text if own == "above" else "") if x]
    header = [page.headline] + ([page.byline] if page.byline else [])
    if own == "under" and page.own_text:
        header.append(page.own_text)
    if getattr(page, "upd_text", ""):
        header.append(page.upd_text)
    header += [page.caption] if page.caption else []
    paras = page.paras + ([page.print_line] if page.print_line else [])
    return above, header, paras


def text_page(page):
    spec = page.spec
    above, header, paras = story_lines(page)
    top = page.head
    side = [spec["label"]] + [ln for it in page.sidebar
                              for ln in [item_line(it)] + ([it[2]] if it[2] else [])]
    side += [ln for ln, _ in page.extra]
    chunks = ["\n".join(top)] if top else []
    if spec["pos"] == "before":
        chunks.append("\n".join(side))
    chunks += ["\n".join(above + header)] + paras
    if spec["pos"] == "after":
        chunks.append("\n".join(side))
    chunks.append("\n".join(page.tail))
    return "\n\n".join(chunks) + "\n", chrome_blocks(page, [])


# ----------------------------------------------------------------------------- HTML pages

def sidebar_html(page):
    esc, spec = F.esc, page.spec
    rows = []
    for i, (t, dt, te, _iso) in enumerate(page.sidebar):
        date = f'<span class="timestamp">{esc(dt)}</span>' if dt else ""
        dek = f'<p class="summary">{esc(te)}</p>' if te else ""
        rows.append(f'<li class="story-item"><a href="/s/{i}">{esc(t)}</a> {date}{dek}</li>')
    extra = [f'<div class="widget-line">{esc(ln)}</div>' for ln, _ in page.extra]
    if spec["frame"] == "semantic":
        return (['<aside class="sidebar" role="complementary">', '<section class="widget">',
                 f'<h3 class="widget-title">{esc(spec["label"])}</h3>', "<ul>"] + rows
                + ["</ul>", "</section>"] + extra + ["</aside>"])
    return (['<div class="col-md-4 right-col">', f'<div class="block-title">{esc(spec["label"])}'
             "</div>", "<ul>"] + rows + ["</ul>"] + extra + ["</div>"])


def own_html(page):
    """The article header's lines: the byline and the own date (a <time> or a span), and the
    update after it on the same line."""
    esc, spec = F.esc, page.spec
    out = []
    if page.own_text and spec["own"] == "header":
        stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00"
        inner = (f'<time datetime="{stamp}">{esc(page.own_text)}</time>' if spec.get("time")
                 else f'<span class="date-published">{esc(page.own_text)}</span>')
        upd = getattr(page, "upd_text", "")
        upd = f' <span class="date-updated">{esc(upd)}</span>' if upd else ""
        by = f'<span class="byline-name">{esc(page.byline)}</span> ' if page.byline else ""
        out.append(f'<div class="article-meta">{by}{inner}{upd}</div>')
    elif page.byline:
        out.append(f'<div class="article-meta"><span class="byline-name">{esc(page.byline)}'
                   "</span></div>")
    return out


def html_page(page):
    esc, spec = F.esc, page.spec
    lang, own, name = spec["lang"], spec["own"], spec["site"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>', "<head>", '<meta charset="utf-8">',
            f"<title>{esc(page.headline)} - {esc(name)}</title>",
            f'<link rel="canonical" href="{esc(page.url)}">', "</head>"]
    semantic = spec["frame"] == "semantic"
    site_h = "header" if semantic else "div"
    b = ["<body>", f'<{site_h} class="masthead">', f'<a class="brand" href="/">{esc(name)}</a>']
    b += ['<nav class="main-menu"><ul>'] + [f'<li><a href="/m/{i}">{esc(ln)}</a></li>'
                                            for i, ln in enumerate(page.head)]
    b += ["</ul></nav>", f"</{site_h}>", '<div class="container">']
    if spec["pos"] == "before":
        b += sidebar_html(page)
    art = "article" if semantic else "div"
    b += [f'<{art} class="story">', '<div class="story-header">', f"<h1>{esc(page.headline)}</h1>"]
    b += own_html(page) + ["</div>", '<div class="story-body">']
    b += [f"<p>{esc(p)}</p>" for p in page.paras] + ["</div>"]
    if own == "after" and page.own_text:
        b += ['<footer class="entry-footer">', f'<p class="posted-on">{esc(page.own_text)}</p>',
              "</footer>"]
    b.append(f"</{art}>")
    if spec["pos"] == "after":
        b += sidebar_html(page)
    b.append("</div>")
    foot = "footer" if semantic else "div"
    b += [f'<{foot} class="site-footer">'] + [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b += [f"</{foot}>", "</body>", "</html>"]
    assert own in ("header", "after", "none")
    return "\n".join(head + b) + "\n", chrome_blocks(page, [name])


# ----------------------------------------------------------------------------- checks

def zone_of(page, raw):
    """(start, end) of the story in a page's flattened visible text: from its first header line
    (the headline, or what stands above it) to its last line (paragraph, print-edition line or
    the own date in the article's footer)."""
    flat = F4.flat
    above, _header, paras = story_lines(page)
    first = flat((above or [page.headline])[0])
    start = raw.index(first)
    if page.spec["fmt"] == "html" and first == flat(page.headline):  # the <title> comes first
        start = raw.index(first, start + 1)
    last = flat(paras[-1])
    if page.spec["own"] == "after" and page.own_text:
        last = flat(page.own_text)
    return start, raw.index(last, start) + len(last)


def own_problems(page, text, zone):
    """What is wrong with a page's own date as written (an empty list when nothing)."""
    flat, own, spec = F4.flat, page.own, page.spec
    if not own:
        found = [k for k in ("published_time", "datePublished", "<time") if k in text]
        return [f"undated page with {found}"] if found else []
    said = flat(page.own_text)
    probs = []
    if read_own(page.own_text) != own:
        probs.append(f"own date text {said!r} reads {read_own(page.own_text)}")
    if zone.count(said) != 1 + bool(page.print_line):
        probs.append(f"own date text {said!r} not once in the story (and its print line)")
    if page.print_line and not zone.endswith(flat(page.print_line)):
        probs.append("print-edition line not at the story's end")
    head = zone.index(flat(page.headline))
    where = spec["own"]
    if where == "above" and not 0 < head - zone.index(said) - len(said) < 40:
        probs.append("own date not right above the headline")
    if where in ("under", "header"):
        gap = zone.index(said) - head - len(flat(page.headline))
        probs += [] if 0 <= gap < 40 else [f"own date {gap} characters after the headline"]
    if where == "after" and not zone.endswith(said):
        probs.append("own date not right after the last paragraph")
    if spec.get("time") and f'datetime="{own}T' not in text:
        probs.append("no <time datetime> of the own date")
    if page.caption and read_own(page.caption) >= own:
        probs.append("the file photo is not older than the story")
    return probs


def self_check(rendered, labels):
    """The labels against the pages, without khabar (see README.md "The eighth set"); exits
    with the failures, else returns a summary line."""
    bad = [] if len({lb["path"] for lb in labels}) == len(rendered) else ["two pages share a path"]
    content = " | ".join(" ".join(G.M.tokenize(" ".join([p.headline, p.own_text] + p.paras)))
                         for p, *_ in rendered)
    content = f" {content} "
    for page, path, text, lb, raw, zone, outside in G.story_zones(rendered, labels, zone_of):
        probs = [] if lb["own_date"] == page.own else [f"label own_date {lb['own_date']}"]
        probs += own_problems(page, text, zone)
        probs += F5.chrome_problems(page, lb, raw, zone, outside, content)
        for ln, iso in page.extra:
            if F4.flat(ln) not in outside or iso not in lb["chrome_dates"] + [page.own]:
                probs.append(f"widget line {ln!r} not in the chrome or not labelled")
        if page.spec["side"] and not lb["chrome_dates"]:
            probs.append("a dated sidebar without chrome dates")
        bad += [f"{path}: {p}" for p in probs]
    return G.set_wide_checks("fresh7", rendered, labels, bad)


def main(shared, out):
    G.generate_set("fresh7", SITES, SEED_FRESH7, FRESH7_SALT, site_pages,
                   lambda page: (html_page if page.spec["fmt"] == "html" else text_page)(page),
                   page_path, self_check, shared, out)
