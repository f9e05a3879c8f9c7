"""The fresh set of the chrome bench (`gen.py --set fresh`): 18 more sites, assembled otherwise,
and 2 dev sites added later (EXTRA_DEV).

Built after the date rules of issue 13 were written, to be a held-out set nobody has tuned on.
Its design was fixed (this file) before khabar was first run on it; see README.md "The fresh set".
What differs from the first set (gen.py), so that rules fitted to that one do not pass by shape:

- other real chrome: the article-extraction pages of 12 hosts that neither gen.py nor
  testdata/chrome/make_chrome.py uses; new Urdu site names, section words and list labels;
- other own-date formats and positions: "By X | Published: April 3, 1987 10:44 AM",
  "Last updated on 3rd April 1987", ISO-like "1987-04-03 14:22", a date line ABOVE the
  headline ("Friday, April 3, 1987"; Urdu "جمعرات ۲۸ نومبر ۲۰۲۴" with Urdu digits), an Urdu
  byline "ویب ڈیسک | ۲۸ نومبر ۲۰۲۴"; in HTML `<time>` without a datetime attribute,
  `<meta name="date">`, `itemprop="datePublished"` outside JSON-LD, a visible byline above the
  <h1> with no metadata at all, "Last updated on ..." in a paragraph after the <h1>;
- other sidebar shapes: a <table>, a <dl>, div soup without class names, sidebars BEFORE the
  story (text and HTML), pages without <article>/<main>; labels "Trending", "Popular",
  "Trending Now", "آج کی اہم خبریں", "ویڈیوز", "سب سے زیادہ پڑھی گئی"; sidebar dates also ISO
  ("2024-05-03 14:22") and Urdu with weekday;
- pages with no own date: BBC and Urdu bodies on 5 sites and half of two more;
- another seed (SEED_FRESH) and another split salt (FRESH_SALT), at least half of the sites test.
"""
import datetime
import html
import json
import random
import shutil
import sys

import gen as G
import metrics as M

SEED_FRESH = 20261207
FRESH_SALT = "khabar-chrome-fresh"
URDU_DAYS = ["پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"]  # Monday first
URDU_NAV = ["سرورق", "قومی", "عالمی", "کھیل کود", "تفریح", "معیشت", "تعلیم", "موسم",
            "کالم", "تصاویر"]
URDU_FOOT = ["ادارہ", "ہم سے رابطہ", "رازداری", "شرائط استعمال", "تمام حقوق محفوظ"]

# own: byline_pub | updated | iso | above | none (text);
#      time_noattr | meta_date | itemprop | byline_above | updated_html | none (HTML);
#      ur_byline | ur_above | ur_time_noattr | ur_itemprop_half (Urdu)
# pos: after | before (the sidebar's place relative to the story)
# markup (HTML): table | dl | soup; frame: article (header/main/article/footer) | plain (divs)
SITES = [
    dict(site="detroit.cbslocal.com", lang="en", fmt="txt", layout="news",
         tpl="detroit.cbslocal.com", body="reuters", own="byline_pub", side="us",
         label="Trending", pos="after", n=16),
    dict(site="slate.com", lang="en", fmt="txt", layout="direct", tpl="slate.com",
         body="bbc", own="none", side="iso", label="Popular", pos="after", n=16),
    dict(site="spacenews.com", lang="en", fmt="txt", layout="latest", tpl="spacenews.com",
         body="reuters", own="updated", side="uk", label="Trending", pos="before", n=16),
    dict(site="therealdeal.com", lang="en", fmt="txt", layout="direct", tpl="therealdeal.com",
         body="reuters", own="iso", side="us", label="Popular", pos="after", n=16),
    dict(site="foxbusiness.com", lang="en", fmt="txt", layout="news",
         tpl="www.foxbusiness.com", body="reuters", own="above", side="uk_wd",
         label="Trending Now", pos="after", n=16),
    dict(site="hollywoodreporter.com", lang="en", fmt="txt", layout="latest",
         tpl="www.hollywoodreporter.com", body="bbc", own="none", side="iso",
         label="Trending", pos="before", n=16),
    dict(site="indiewire.com", lang="en", fmt="html", layout="direct", tpl="www.indiewire.com",
         body="reuters", own="time_noattr", side="us", label="Popular", pos="after",
         markup="table", frame="article", n=16),
    dict(site="wsj.com", lang="en", fmt="html", layout="flat", tpl="www.wsj.com",
         body="reuters", own="meta_date", side="iso", label="Trending", pos="before",
         markup="dl", frame="article", n=16),
    dict(site="nationalreview.com", lang="en", fmt="html", layout="news",
         tpl="www.nationalreview.com", body="reuters", own="itemprop", side="uk",
         label="Popular", pos="after", markup="soup", frame="article", n=16),
    dict(site="livescience.com", lang="en", fmt="html", layout="direct",
         tpl="www.livescience.com", body="bbc", own="none", side="iso", label="Trending",
         pos="before", markup="table", frame="plain", n=16),
    dict(site="therepublic.com", lang="en", fmt="html", layout="flat",
         tpl="www.therepublic.com", body="reuters", own="byline_above", side="us_wd",
         label="Popular", pos="after", markup="soup", frame="plain", n=16),
    dict(site="profootballtalk.nbcsports.com", lang="en", fmt="html", layout="latest",
         tpl="profootballtalk.nbcsports.com", body="mix", own="updated_html", side="uk_wd",
         label="Trending Now", pos="after", markup="dl", frame="article", n=16),
    dict(site="roshni-news.pk", lang="ur", fmt="txt", layout="direct", tpl=None,
         body="express", own="ur_byline", side="ur", label="آج کی اہم خبریں", pos="after",
         n=16),
    dict(site="sada-e-watan.pk", lang="ur", fmt="txt", layout="news", tpl=None,
         body="samaa", own="ur_above", side="ur_digits", label="ویڈیوز", pos="before", n=16),
    dict(site="akhbar-e-jahan.tv", lang="ur", fmt="txt", layout="latest", tpl=None,
         body="express", own="none", side="ur_wd", label="آج کی اہم خبریں", pos="after", n=16),
    dict(site="khabar-o-nazar.pk", lang="ur", fmt="html", layout="direct", tpl=None,
         body="samaa", own="ur_time_noattr", side="ur_digits", label="ویڈیوز", pos="after",
         markup="table", frame="article", n=16),
    dict(site="pak-tareekh.pk", lang="ur", fmt="html", layout="flat", tpl=None,
         body="express", own="ur_itemprop_half", side="ur",
         label="سب سے زیادہ پڑھی گئی", pos="before", markup="dl", frame="article", n=16),
    dict(site="shahr-nama.pk", lang="ur", fmt="html", layout="latest", tpl=None,
         body="samaa", own="none", side="ur_wd", label="ویڈیوز", pos="after", markup="soup",
         frame="plain", n=16),
]


# Added after the first run of the rules on this set, marked dev whatever the hash says (see
# README.md "The fresh set"): text pages with no date of their own and a dated list before the
# story, a combination no dev site had (only a test site, hollywoodreporter.com, whose aggregate
# failed); other template, bodies and sidebar headlines. Generated after the 18 sites above, so
# their pages are unchanged.
EXTRA_DEV = [
    dict(site="space.com", lang="en", fmt="txt", layout="latest", tpl="www.space.com",
         body="bbc", own="none", side="iso", label="Trending", pos="before", n=16),
    dict(site="gizmodo.com", lang="en", fmt="txt", layout="direct", tpl="gizmodo.com",
         body="bbc", own="none", side="us", label="Popular", pos="before", n=16),
]


def choose_split():
    """The first k whose split puts 30-45 % of the sites in dev (so at least half are test) and
    both languages and both formats on each side."""
    return G.choose_salted_split(SITES, FRESH_SALT, 0.30, 0.45)


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fdate(style, d, hour=9, minute=15):
    """Date text in the fresh set's formats (the first set's through gen.fmt_date)."""
    month = G.MONTHS[d.month - 1]
    h12, ampm = (hour % 12) or 12, "AM" if hour < 12 else "PM"
    urdu = f"{d.day} {G.URDU_MONTHS[d.month - 1]} {d.year}"
    if style == "iso":
        return f"{d:%Y-%m-%d} {hour:02d}:{minute:02d}"
    if style == "us_wd":
        return f"{d:%A}, {month} {d.day}, {d.year}"
    if style == "byline_pub":
        return f"By Reuters staff | Published: {month} {d.day}, {d.year} {h12}:{minute:02d} {ampm}"
    if style == "updated":
        return f"Last updated on {ordinal(d.day)} {month} {d.year}"
    if style == "ur_wd":
        return f"{URDU_DAYS[d.weekday()]} {urdu}".translate(G.URDU_DIGITS)
    if style == "ur_byline":
        return f"ویب ڈیسک | {urdu}".translate(G.URDU_DIGITS)
    return G.fmt_date(style, d, hour, minute)


def own_style(own):
    return {"byline_pub": "byline_pub", "updated": "updated", "iso": "iso", "above": "us_wd",
            "time_noattr": "us", "itemprop": "ap", "byline_above": "byline_pub",
            "updated_html": "updated", "meta_date": "", "ur_byline": "ur_byline",
            "ur_above": "ur_wd", "ur_time_noattr": "ur_digits",
            "ur_itemprop_half": "ur"}.get(own, "")


def build_sidebars(spec, days, pools):
    """day -> (label, [(headline, date text, teaser, ISO)]): 4-7 new items a day, 2 carried."""
    return {d: (spec["label"], items) for d, items in
            G.rotating_sidebars(spec, days, pools, FRESH_SALT, fdate, 7, 4).items()}


def site_pages(spec, pools, templates, rng):
    h = G.site_hash(spec["site"] + FRESH_SALT)
    base = datetime.date(2024, 6, 10) if spec["lang"] == "en" else datetime.date(2024, 12, 2)
    ndays = 3 + h % 4
    days = [base + datetime.timedelta(days=i) for i in range(ndays)]
    sidebars = build_sidebars(spec, days, pools)
    if spec["tpl"]:
        head, tail = templates[spec["tpl"]]
    else:
        head, tail = G.urdu_template(spec, rng, URDU_NAV, URDU_FOOT, 7)
    host = spec["tpl"] or spec["site"]
    pages = []
    for k in range(spec["n"]):
        page = G.Page(spec, k)
        page.host = host
        day = days[k % ndays]
        page.scrape_day = day.isoformat()
        own = spec["own"]
        G.fill_body(page, pools, rng)
        if spec["body"] == "mix" and k % 3 == 2:
            page.own = ""
        if own == "none":
            page.own = ""
        if spec["lang"] == "ur" and own != "none" and not (own.endswith("half") and k % 2):
            G.urdu_own_date(page, day)
        if page.own:
            style = own_style(own)
            page.own_text = fdate(style, page.date, page.hour, page.minute) if style else ""
        page.head, page.tail = head, tail
        page.sidebar_label, page.sidebar = sidebars[day]
        page.chrome_dates = sorted({iso for *_, iso in page.sidebar} - {page.own})
        page.url = (f"https://{host}/story/{getattr(page, 'rid', k)}/{page.slug}/"
                    if spec["lang"] == "ur" else f"https://{host}/article/{page.slug}-{k}")
        pages.append(page)
    return pages


def page_path(page):
    spec = page.spec
    name = f"{page.slug}-{page.k:02d}.{'html' if spec['fmt'] == 'html' else 'txt'}"
    site = spec["site"]
    return {"news": f"{site}/news/{name}", "latest": f"{site}/latest/{name}",
            "flat": f"dump/{name}", "direct": f"{site}/{name}"}[spec["layout"]]


def text_page(page):
    """(text, chrome blocks [nav, label, item..., tail]). Own date beside the headline (under
    it, or above it for "above"); the sidebar before the story or after it."""
    spec = page.spec
    own = spec["own"]
    items = page.sidebar
    side_lines = [spec["label"]]
    for t, dt, teaser, _ in items:
        side_lines += [t, dt] + ([teaser] if teaser else [])
    story = []
    if page.own_text and own in ("above", "ur_above"):
        story.append(page.own_text)
    story.append(page.headline)
    if page.own_text and own not in ("above", "ur_above"):
        story.append(page.own_text)
    sep = "\n\n" if G.site_hash(spec["site"]) % 2 else "\n"
    chunks = ["\n".join(page.head)] if page.head else []
    if spec["pos"] == "before":
        chunks.append(sep.join(side_lines))
    chunks.append("\n".join(story))
    chunks += page.paras
    if spec["pos"] == "after":
        chunks.append(sep.join(side_lines))
    if page.tail:
        chunks.append("\n".join(page.tail))
    text = "\n\n".join(chunks) + "\n"
    chrome = [page.head, [spec["label"]]] + [[x for x in (t, dt, te) if x]
                                             for t, dt, te, _ in items] + [page.tail]
    return text, chrome


def esc(s):
    return html.escape(s, quote=True)


def sidebar_html(spec, items):
    label = esc(spec["label"])
    if spec["markup"] == "table":
        s = [f'<table class="{"popular" if spec["pos"] == "after" else "t"}">',
             f'<tr><th colspan="2">{label}</th></tr>']
        for i, (t, dt, teaser, _) in enumerate(items):
            s.append(f'<tr><td><a href="/a/{i}">{esc(t)}</a>'
                     + (f"<br>{esc(teaser)}" if teaser else "") + f"</td><td>{esc(dt)}</td></tr>")
        return s + ["</table>"]
    if spec["markup"] == "dl":
        s = [f"<h4>{label}</h4>", "<dl>"]
        for i, (t, dt, teaser, _) in enumerate(items):
            s.append(f'<dt><a href="/a/{i}">{esc(t)}</a></dt><dd>{esc(dt)}</dd>'
                     + (f"<dd>{esc(teaser)}</dd>" if teaser else ""))
        return s + ["</dl>"]
    s = ["<div>", f"<div><b>{label}</b></div>"]  # soup: no class names at all
    for i, (t, dt, teaser, _) in enumerate(items):
        s.append(f'<div><div><a href="/a/{i}">{esc(t)}</a></div><div>{esc(dt)}</div>'
                 + (f"<div>{esc(teaser)}</div>" if teaser else "") + "</div>")
    return s + ["</div>"]


def html_page(page):
    spec = page.spec
    own, lang, name = spec["own"], spec["lang"], spec["site"]
    rtl = ' dir="rtl"' if lang == "ur" else ""
    stamp = f"{page.own}T{page.hour:02d}:{page.minute:02d}:00Z" if page.own else ""
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>', "<head>", '<meta charset="utf-8">',
            f"<title>{esc(page.headline)} - {esc(name)}</title>",
            f'<link rel="canonical" href="{esc(page.url)}">',
            f'<meta property="og:site_name" content="{esc(name)}">']
    if page.own and own == "meta_date":
        head.append(f'<meta name="date" content="{page.own}">')
    head.append("</head>")
    plain = spec["frame"] == "plain"
    b = ["<body>", "<div>" if plain else "<header>", f"<div>{esc(name)}</div>", "<ul>"]
    b += [f'<li><a href="/s/{i}">{esc(ln)}</a></li>' for i, ln in enumerate(page.head)]
    b += ["</ul>", "</div>" if plain else "</header>", "<div>" if plain else "<main>"]
    side = sidebar_html(spec, page.sidebar)
    if spec["pos"] == "before":
        b += side
    b.append("<div>" if plain else "<article>")
    if page.own_text and own == "byline_above":
        b.append(f"<div>{esc(page.own_text)}</div>")
    b.append(f"<h1>{esc(page.headline)}</h1>")
    if page.own and own in ("time_noattr", "ur_time_noattr"):
        b.append(f"<p>By staff · <time>{esc(page.own_text)}</time></p>")
    elif page.own and own in ("itemprop", "ur_itemprop_half"):
        b.append(f'<p>By staff · <span itemprop="datePublished" content="{stamp}">'
                 f"{esc(page.own_text)}</span></p>")
    elif page.own_text and own == "updated_html":
        b.append(f"<p>{esc(page.own_text)}</p>")
    b += [f"<p>{esc(p)}</p>" for p in page.paras]
    b.append("</div>" if plain else "</article>")
    if spec["pos"] == "after":
        b += side
    b += ["</div>" if plain else "</main>", "<div>" if plain else "<footer>"]
    b += [f"<p>{esc(ln)}</p>" for ln in page.tail]
    b += ["</div>" if plain else "</footer>", "</body>", "</html>"]
    chrome = [[name] + page.head, [spec["label"]]] + [[x for x in (t, dt, te) if x]
                                                      for t, dt, te, _ in page.sidebar] + [page.tail]
    return "\n".join(head + b) + "\n", chrome


def main(shared, out):
    rng = random.Random(SEED_FRESH)
    salt_k, split = choose_split()
    pools = G.Pools(shared, rng)
    templates = G.real_templates(shared)
    split.update({s["site"]: "dev" for s in EXTRA_DEV})
    rendered = []
    for spec in SITES + EXTRA_DEV:
        for page in site_pages(spec, pools, templates, rng):
            text, chrome = (html_page if spec["fmt"] == "html" else text_page)(page)
            rendered.append((page, page_path(page), text, chrome))
    content = [" ".join(M.tokenize(" ".join([p.headline, p.headline + " " + p.spec["site"],
                                              p.own_text] + p.paras)))
               for p, *_ in rendered]
    first = sum(p.spec in SITES for p, *_ in rendered)  # the 18 sites' phrases: as first built
    content_text = {True: " " + " | ".join(content[:first]) + " ",
                    False: " " + " | ".join(content) + " "}
    pages_dir, raw_dir = out / "pages", out / "raw"
    for d in (pages_dir, raw_dir):
        if d.exists():
            shutil.rmtree(d)
    labels = []
    for page, path, text, chrome in rendered:
        spec = page.spec
        raw = G.visible_text(text) if spec["fmt"] == "html" else text
        for base, data in ((pages_dir / path, text), (raw_dir / (path + ".txt"), raw)):
            base.parent.mkdir(parents=True, exist_ok=True)
            base.write_text(data, encoding="utf-8")
        labels.append(dict(
            path="pages/" + path, site=spec["site"], lang=spec["lang"], fmt=spec["fmt"],
            layout=spec["layout"], split=split[spec["site"]], scrape_day=page.scrape_day,
            own_date=page.own, chrome_dates=page.chrome_dates,
            chrome_phrases=G.choose_phrases(chrome, content_text[spec in SITES], rng),
            lead_query=G.lead_query(page.lead, page.headline, spec["lang"]),
            title=page.headline, url=page.url if spec["fmt"] == "html" else ""))
    labels.sort(key=lambda r: r["path"])
    with open(out / "labels.jsonl", "w", encoding="utf-8") as f:
        for r in labels:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    with open(out / "split.json", "w", encoding="utf-8") as f:
        json.dump({"set": "fresh", "salt": FRESH_SALT, "k": salt_k,
                   "dev": sorted(s for s, v in split.items() if v == "dev"),
                   "test": sorted(s for s, v in split.items() if v == "test")}, f, indent=1)
    print(f"gen.py --set fresh: {len(labels)} pages of {len(SITES) + len(EXTRA_DEV)} sites in {pages_dir}; "
          f"split k={salt_k}: dev {sum(v == 'dev' for v in split.values())}, "
          f"test {sum(v == 'test' for v in split.values())} sites", file=sys.stderr)
