"""The third set of the chrome bench (`gen.py --set fresh2`, `SET=fresh2 run.sh`): 17 more sites,
held out from the date rules of issue 13 as they stood at main 7cc22c2.

Its design (this docstring and the SITES table) was fixed and committed before khabar was first
run on it; the first run, of main's binary untouched, is its held-out figure (RESULTS.md). What
differs from the first set (gen.py) and the fresh set (fresh.py), so that rules fitted to those
do not pass by shape:

- other real chrome: the article-extraction pages of 10 hosts that none of gen.py, fresh.py and
  testdata/chrome/make_chrome.py uses (9to5mac.com, appleinsider.com, dealbreaker.com,
  venturebeat.com, www.macrumors.com, www.nbcdfw.com, www.crn.com, www.barrons.com,
  www.panarmenian.net, www.slashgear.com); 7 Urdu sites with new names (ujala-khabar.pk,
  sahil-news.pk, dunya-e-khabar.tv, rahbar-akhbar.pk, shaheen-times.pk, noor-e-sahar.pk,
  mehfil-news.tv) and the first set's Urdu section words reshuffled with 9 items;
- other own-date formats and positions: "Posted 3 Apr 1987" under the headline, a labelled
  byline "By Reuters Staff · Published 04/03/1987" (US month/day order), "April 3rd, 1987"
  under the headline, a date opening the lead ("April 3, 1987 — ..."), Urdu month names with
  Latin digits in a byline "نمائندہ خصوصی | 28 نومبر، 2024" (Urdu comma), a labelled
  "شائع شدہ: 28 نومبر 2024", a weekday "ہفتہ، 28 نومبر 2024" on half the pages of a site; in HTML
  a "Published April 3, 1987 at 10:44 am" line inside the <header> of <article>, JSON-LD
  datePublished in a script inside <article> (nothing visible), og article:published_time with
  a visible "Posted 3 Apr 1987" in the article header (dated folders), <time datetime> inside
  the <header> of an <article> with no <main>/<header>/<footer> around it, an Urdu
  "اپ ڈیٹ ۲۸ نومبر ۲۰۲۴ ۱۰:۱۵" line (Urdu digits) with no metadata, JSON-LD in <head> with a
  visible Latin-digit Urdu byline;
- other sidebar shapes: in text, one line per item "headline · 3 Jun 2024" (the date on the
  headline's line), numbered items ("1. headline" then its date), and headline / date lines;
  in HTML an <ol> with <small> dates in a <section> without class, div cards with class names
  ("card-list" / "card" / "meta"), a <div role="complementary"> column of <ul>; placed after
  or before the story; labels not used before: "Editor's Picks", "Recommended", "Don't Miss",
  "You May Also Like", "Around the Web", "In Case You Missed It", "What to Read Next",
  "یہ بھی پڑھیں", "ایڈیٹر کی پسند", "دیگر خبریں", "مقبول ترین", "تازہ خبریں", "خاص خبریں";
  sidebar dates "June 13, 2024, 7:00 AM", "13 Jun 2024", "2024-06-13T07:00", "13.06.2024",
  "Thu 13 Jun 2024", Urdu "28 نومبر 2024 | 10:15" and "۲۸ نومبر، ۲۰۲۴";
- pages with no own date: BBC and Urdu bodies on 4 sites, a third of the pages of two mixed
  sites, half the pages of one Urdu site;
- layouts: SITE/news/, SITE/latest/, SITE/, www.site.com/YYYY/MM/DD/ (HTML, the folders carry
  the own date) and one flat folder `dump2/` holding two sites' HTML;
- another seed (SEED_FRESH2) and another split salt (FRESH2_SALT): dev when
  sha256("khabar-chrome-fresh2:K:SITE") % 100 < 40, the first K giving 25-45 % dev (so more than
  half the sites are test) and both languages and both formats on each side.

Bodies and sidebar headlines are real (Reuters-21578, BBC News 2225, urdu-news-ha405, Dawn
teasers), as in the other sets; 16 pages a site over 3-6 scrape days.
"""
import datetime
import random
import sys

import fresh as F
import gen as G

SEED_FRESH2 = 20261208
FRESH2_SALT = "khabar-chrome-fresh2"

# own (text): posted | slash_byline | ordinal | lead_date | none
#             ur_byline_latin | ur_posted | ur_wd_half | none
# own (HTML): header_meta | jsonld_body | og_posted | time_header | none
#             ur_update | ur_jsonld_byline | none
# tside (text sidebars): lines (headline, date) | inline ("headline · date") | numbered
# markup (HTML): ol | cards | complementary; frame: article | plain | article_only
# pos: after | before (the sidebar's place relative to the story)
SITES = [
    dict(site="9to5mac.com", lang="en", fmt="txt", layout="news", tpl="9to5mac.com",
         body="reuters", own="posted", side="us_time", label="Editor's Picks", pos="after",
         tside="lines", n=16),
    dict(site="appleinsider.com", lang="en", fmt="txt", layout="latest", tpl="appleinsider.com",
         body="reuters", own="slash_byline", side="short", label="Recommended", pos="before",
         tside="inline", n=16),
    dict(site="dealbreaker.com", lang="en", fmt="txt", layout="direct", tpl="dealbreaker.com",
         body="bbc", own="none", side="dot", label="Don't Miss", pos="after", tside="numbered",
         n=16),
    dict(site="venturebeat.com", lang="en", fmt="txt", layout="news", tpl="venturebeat.com",
         body="reuters", own="ordinal", side="iso_t", label="You May Also Like", pos="before",
         tside="lines", n=16),
    dict(site="macrumors.com", lang="en", fmt="txt", layout="direct", tpl="www.macrumors.com",
         body="mix", own="lead_date", side="short_wd", label="Around the Web", pos="after",
         tside="inline", n=16),
    dict(site="nbcdfw.com", lang="en", fmt="html", layout="flat", tpl="www.nbcdfw.com",
         body="reuters", own="header_meta", side="us", label="In Case You Missed It",
         pos="after", markup="ol", frame="article", n=16),
    dict(site="crn.com", lang="en", fmt="html", layout="news", tpl="www.crn.com",
         body="reuters", own="jsonld_body", side="iso_t", label="What to Read Next",
         pos="before", markup="cards", frame="article", n=16),
    dict(site="barrons.com", lang="en", fmt="html", layout="dated", tpl="www.barrons.com",
         body="reuters", own="og_posted", side="short", label="Editor's Picks", pos="after",
         markup="complementary", frame="article", n=16),
    dict(site="panarmenian.net", lang="en", fmt="html", layout="direct",
         tpl="www.panarmenian.net", body="bbc", own="none", side="us_time",
         label="Recommended", pos="before", markup="complementary", frame="plain", n=16),
    dict(site="slashgear.com", lang="en", fmt="html", layout="latest", tpl="www.slashgear.com",
         body="mix", own="time_header", side="dot", label="Don't Miss", pos="after",
         markup="cards", frame="article_only", n=16),
    dict(site="ujala-khabar.pk", lang="ur", fmt="txt", layout="direct", tpl=None,
         body="express", own="ur_byline_latin", side="ur_latin_time", label="یہ بھی پڑھیں",
         pos="after", tside="lines", n=16),
    dict(site="sahil-news.pk", lang="ur", fmt="txt", layout="news", tpl=None, body="samaa",
         own="ur_posted", side="ur_digits_comma", label="ایڈیٹر کی پسند", pos="before",
         tside="inline", n=16),
    dict(site="dunya-e-khabar.tv", lang="ur", fmt="txt", layout="latest", tpl=None,
         body="express", own="none", side="ur_latin_time", label="دیگر خبریں", pos="after",
         tside="numbered", n=16),
    dict(site="rahbar-akhbar.pk", lang="ur", fmt="txt", layout="direct", tpl=None,
         body="samaa", own="ur_wd_half", side="ur_digits_comma", label="مقبول ترین",
         pos="after", tside="lines", n=16),
    dict(site="shaheen-times.pk", lang="ur", fmt="html", layout="flat", tpl=None,
         body="samaa", own="ur_update", side="ur_latin_time", label="تازہ خبریں", pos="after",
         markup="ol", frame="article", n=16),
    dict(site="noor-e-sahar.pk", lang="ur", fmt="html", layout="news", tpl=None,
         body="express", own="ur_jsonld_byline", side="ur_digits_comma", label="خاص خبریں",
         pos="before", markup="complementary", frame="plain", n=16),
    dict(site="mehfil-news.tv", lang="ur", fmt="html", layout="latest", tpl=None,
         body="express", own="none", side="ur_latin_time", label="یہ بھی پڑھیں", pos="after",
         markup="cards", frame="article_only", n=16),
]


def choose_split():
    """The first k whose split puts 25-45 % of the sites in dev (more than half test) and both
    languages and both formats on each side."""
    return G.choose_salted_split(SITES, FRESH2_SALT, 0.25, 0.45)


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's formats."""
    month = G.MONTHS[d.month - 1]
    mon = month[:3]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    umonth = G.URDU_MONTHS[d.month - 1]
    if style == "us_time":
        return f"{month} {d.day}, {d.year}, {h12}:{minute:02d} {ampm}"
    if style == "short":
        return f"{d.day} {mon} {d.year}"
    if style == "short_wd":
        return f"{d:%a} {d.day} {mon} {d.year}"
    if style == "iso_t":
        return f"{d:%Y-%m-%d}T{hour:02d}:{minute:02d}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "posted":
        return f"Posted {d.day} {mon} {d.year}"
    if style == "slash_byline":
        return f"By Reuters Staff · Published {d.month:02d}/{d.day:02d}/{d.year}"
    if style == "ordinal":
        return f"{month} {F.ordinal(d.day)}, {d.year}"
    if style == "header_meta":
        return f"Published {month} {d.day}, {d.year} at {h12}:{minute:02d} {ampm.lower()}"
    if style == "ur_latin_time":
        return f"{d.day} {umonth} {d.year} | {hour:02d}:{minute:02d}"
    if style == "ur_digits_comma":
        return f"{d.day} {umonth}، {d.year}".translate(G.URDU_DIGITS)
    if style == "ur_byline_latin":
        return f"نمائندہ خصوصی | {d.day} {umonth}، {d.year}"
    if style == "ur_posted":
        return f"شائع شدہ: {d.day} {umonth} {d.year}"
    if style == "ur_wd":
        return f"{F.URDU_DAYS[d.weekday()]}، {d.day} {umonth} {d.year}"
    if style == "ur_update":
        return f"اپ ڈیٹ {d.day} {umonth} {d.year} {hour:02d}:{minute:02d}".translate(
            G.URDU_DIGITS)
    return G.fmt_date(style, d, hour, minute)


def own_style(own):
    return {"posted": "posted", "slash_byline": "slash_byline", "ordinal": "ordinal",
            "lead_date": "us", "header_meta": "header_meta", "og_posted": "posted",
            "time_header": "ordinal", "ur_byline_latin": "ur_byline_latin",
            "ur_posted": "ur_posted", "ur_wd_half": "ur_wd", "ur_update": "ur_update",
            "ur_jsonld_byline": "ur_byline_latin"}.get(own, "")


def build_sidebars(spec, days, pools):
    """day -> (label, [(headline, date text, teaser, ISO)]): 4-7 items a day; half the sites
    carry 2 items over from the day before; a third of the English ones have Dawn teasers."""
    return {d: (spec["label"], items) for d, items in
            G.rotating_sidebars(spec, days, pools, FRESH2_SALT, fdate, 6, 7).items()}


def site_pages(spec, pools, templates, rng):
    h = G.site_hash(spec["site"] + FRESH2_SALT)
    base = datetime.date(2024, 7, 1) if spec["lang"] == "en" else datetime.date(2024, 11, 20)
    ndays = 3 + h % 4
    days = [base + datetime.timedelta(days=i) for i in range(ndays)]
    sidebars = build_sidebars(spec, days, pools)
    if spec["tpl"]:
        head, tail = templates[spec["tpl"]]
    else:
        head, tail = G.urdu_template(spec, rng, G.URDU_NAV, G.URDU_FOOT, 9)
    host = spec["tpl"] or spec["site"]
    pages = []
    for k in range(spec["n"]):
        page = G.Page(spec, k)
        page.host = host
        day = days[k % ndays]
        page.scrape_day = day.isoformat()
        own = spec["own"]
        G.fill_body(page, pools, rng)  # English Reuters bodies get their own date unless "none"
        if spec["lang"] == "ur" and own != "none" and not (own.endswith("half") and k % 2):
            G.urdu_own_date(page, day)
        if page.own:
            style = own_style(own)
            page.own_text = fdate(style, page.date, page.hour, page.minute) if style else ""
            if own == "lead_date":  # the date opens the lead; nothing beside the headline
                page.paras[0] = f"{page.own_text} — {page.paras[0]}"
                page.own_text = ""
        page.head, page.tail = head, tail
        page.sidebar_label, page.sidebar = sidebars[day]
        page.chrome_dates = sorted({iso for *_, iso in page.sidebar} - {page.own})
        if spec["layout"] == "dated":
            page.url = f"https://{host}/{page.date:%Y/%m/%d}/{page.slug}/"
        elif spec["lang"] == "ur":
            page.url = f"https://{host}/news/{getattr(page, 'rid', k)}-{page.slug}"
        else:
            page.url = f"https://{host}/{page.slug}-{k}/"
        pages.append(page)
    return pages


def page_path(page):
    spec = page.spec
    name = f"{page.slug}-{page.k:02d}.{'html' if spec['fmt'] == 'html' else 'txt'}"
    site = spec["site"]
    if spec["layout"] == "dated":
        return f"{page.host}/{page.date:%Y/%m/%d}/{name}"
    return {"news": f"{site}/news/{name}", "latest": f"{site}/latest/{name}",
            "flat": f"dump2/{name}", "direct": f"{site}/{name}"}[spec["layout"]]


def side_lines(spec, items):
    """The text sidebar's lines: label, then each item as headline/date lines, one line
    "headline · date", or "N. headline" then its date."""
    lines = [spec["label"]]
    for i, (t, dt, teaser, _) in enumerate(items):
        if spec["tside"] == "inline":
            lines.append(f"{t} · {dt}")
        elif spec["tside"] == "numbered":
            lines += [f"{i + 1}. {t}", dt]
        else:
            lines += [t, dt]
        if teaser:
            lines.append(teaser)
    return lines


def text_page(page):
    """(text, chrome blocks [nav, label, item..., tail]): the own date under the headline, the
    sidebar before or after the story."""
    spec = page.spec
    story = [page.headline] + ([page.own_text] if page.own_text else [])
    sep = "\n\n" if G.site_hash(spec["site"] + FRESH2_SALT) % 2 else "\n"
    side = sep.join(side_lines(spec, page.sidebar))
    chunks = ["\n".join(page.head)] if page.head else []
    if spec["pos"] == "before":
        chunks.append(side)
    chunks.append("\n".join(story))
    chunks += page.paras
    if spec["pos"] == "after":
        chunks.append(side)
    if page.tail:
        chunks.append("\n".join(page.tail))
    return "\n\n".join(chunks) + "\n", chrome_blocks(spec, page, [])


def chrome_blocks(spec, page, extra_nav):
    items = []
    for i, (t, dt, te, _) in enumerate(page.sidebar):
        if spec.get("tside") == "inline":
            items.append([f"{t} · {dt}"] + ([te] if te else []))
        else:
            items.append([x for x in (t, dt, te) if x])
    return [extra_nav + page.head, [spec["label"]]] + items + [page.tail]


def sidebar_html(spec, items):
    label = F.esc(spec["label"])
    if spec["markup"] == "ol":
        s = ["<section>", f"<h3>{label}</h3>", "<ol>"]
        for i, (t, dt, teaser, _) in enumerate(items):
            s.append(f'<li><a href="/p/{i}">{F.esc(t)}</a> <small>{F.esc(dt)}</small>'
                     + (f"<p>{F.esc(teaser)}</p>" if teaser else "") + "</li>")
        return s + ["</ol>", "</section>"]
    if spec["markup"] == "cards":
        s = ['<div class="card-list">', f'<h4 class="card-list__title">{label}</h4>']
        for i, (t, dt, teaser, _) in enumerate(items):
            s.append(f'<div class="card"><a class="card__link" href="/p/{i}">{F.esc(t)}</a>'
                     f'<span class="meta">{F.esc(dt)}</span>'
                     + (f'<p class="card__dek">{F.esc(teaser)}</p>' if teaser else "")
                     + "</div>")
        return s + ["</div>"]
    s = ['<div role="complementary">', f"<strong>{label}</strong>", "<ul>"]
    for i, (t, dt, teaser, _) in enumerate(items):
        s.append(f'<li><a href="/p/{i}">{F.esc(t)}</a><br><span>{F.esc(dt)}</span>'
                 + (f"<br>{F.esc(teaser)}" if teaser else "") + "</li>")
    return s + ["</ul>", "</div>"]


def html_page(page):
    spec = page.spec
    own, lang, name = spec["own"], spec["lang"], spec["site"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00+05:00" if page.own else ""
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", '
          f'"@type": "NewsArticle", "datePublished": "{stamp}"}}</script>')
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>', "<head>", '<meta charset="utf-8">',
            f"<title>{F.esc(page.headline)} — {F.esc(name)}</title>",
            f'<meta property="og:url" content="{F.esc(page.url)}">',
            f'<meta property="og:site_name" content="{F.esc(name)}">']
    if page.own and own == "og_posted":
        head.append(f'<meta property="article:published_time" content="{stamp}">')
    if page.own and own == "ur_jsonld_byline":
        head.append(ld)
    head.append("</head>")
    frame = spec["frame"]
    wrap = {"article": ("<header>", "</header>", "<main>", "</main>", "<footer>", "</footer>"),
            "plain": ("<div>", "</div>", "<div>", "</div>", "<div>", "</div>"),
            "article_only": ("<div class=\"top\">", "</div>", "<div class=\"page\">", "</div>",
                             "<div class=\"bottom\">", "</div>")}[frame]
    b = ["<body>", wrap[0], f"<div>{F.esc(name)}</div>", "<ul>"]
    b += [f'<li><a href="/c/{i}">{F.esc(ln)}</a></li>' for i, ln in enumerate(page.head)]
    b += ["</ul>", wrap[1], wrap[2]]
    side = sidebar_html(spec, page.sidebar)
    if spec["pos"] == "before":
        b += side
    b.append("<div>" if frame == "plain" else "<article>")
    b.append("<div>" if frame == "plain" else "<header>")
    b.append(f"<h1>{F.esc(page.headline)}</h1>")
    if page.own and own == "time_header":
        b.append(f'<time datetime="{stamp}">{F.esc(page.own_text)}</time>')
    elif page.own_text and own in ("header_meta", "og_posted", "ur_update", "ur_jsonld_byline"):
        b.append(f'<div class="meta">{F.esc(page.own_text)}</div>')
    b.append("</div>" if frame == "plain" else "</header>")
    if page.own and own == "jsonld_body":
        b.append(ld)
    b += [f"<p>{F.esc(p)}</p>" for p in page.paras]
    b.append("</div>" if frame == "plain" else "</article>")
    if spec["pos"] == "after":
        b += side
    b += [wrap[3], wrap[4]]
    b += [f"<p>{F.esc(ln)}</p>" for ln in page.tail]
    b += [wrap[5], "</body>", "</html>"]
    return "\n".join(head + b) + "\n", chrome_blocks(spec, page, [name])


def main(shared, out):
    rng = random.Random(SEED_FRESH2)
    salt_k, split = choose_split()
    pools = G.Pools(shared, rng)
    templates = G.real_templates(shared)
    rendered = []
    for spec in SITES:
        for page in site_pages(spec, pools, templates, rng):
            text, chrome = (html_page if spec["fmt"] == "html" else text_page)(page)
            rendered.append((page, page_path(page), text, chrome))
    labels = G.write_set(out, rendered, split,
                         {"set": "fresh2", "salt": FRESH2_SALT, "k": salt_k}, rng)
    print(f"gen.py --set fresh2: {len(labels)} pages of {len(SITES)} sites in {out / 'pages'}; "
          f"split k={salt_k}: dev {sum(v == 'dev' for v in split.values())}, "
          f"test {sum(v == 'test' for v in split.values())} sites", file=sys.stderr)
