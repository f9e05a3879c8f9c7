"""The twenty-fifth set of the chrome bench (`gen.py --set fresh24`, `SET=fresh24 run.sh`): 18
more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twenty-fifth set" before
the set's held-out run. The design is described in README.md "The twenty-fifth set"; this
docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates in this set's styles (fdate). Site names, section words,
comments, notice and widget lines, figures and all dates but the Reuters ones are the
assembly's. The HTML pages follow the DOM of five families of news CMS templates and page
builders (cms: where the section link, headline, byline, date, body, tags, share bar, author
box, comments and related list sit, and with which classes); the text pages are those pages as
copied from the browser, in the same order. Each generation checks its labels against its pages
(self_check, fresh22's) and stops on any mismatch. The assembly code is fresh22's and fresh20's
(imported: page filling, header lines, list reading, phrase blocks and the label checks), with
this set's sites, date styles, CMS markup and the lines above the menu and after the story.
"""
import datetime

import fresh as F
import fresh9 as F9
import fresh12 as F12
import fresh20 as F20
import fresh22 as F22
import fresh23 as F23
import gen as G

SEED_FRESH24 = 20270412
FRESH24_SALT = "khabar-chrome-fresh24"
EN_BASE, UR_BASE = datetime.date(2027, 4, 12), datetime.date(2027, 4, 13)
URDU_NAV24 = ["صفحہ اول", "پاکستان", "دنیا", "کاروبار", "کھیل", "انٹرٹینمنٹ", "صحت",
              "ٹیکنالوجی", "جرم و سزا", "پنجاب", "بلوچستان", "ویڈیوز"]
URDU_FOOT24 = ["ہمارے بارے میں", "رابطہ", "رازداری کی پالیسی", "ادارتی پالیسی",
               "جملہ حقوق محفوظ ہیں"]
DAY = datetime.timedelta(days=1)

# cms: the template family of the page (HTML markup, and the order of the copied text):
#   tdnews (a magazine theme: category pill, meta row, tags, author box, comment list),
#   tielabs (breadcrumb, category tag, post meta, share bar, related posts, comments),
#   joomla (article-info list, itemprop body, tags list, module of other articles),
#   elementor (page builder: a widget per part, post-info list, posts widget),
#   wpblock (a block theme: post-title / post-date / post-content blocks, latest posts block)
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | itemprop (<meta itemprop="datePublished">) | None
# body: reuters | bbc | mix (Reuters, every third BBC) | express | samaa
# ostyle / side: date styles of the own line and of the related list (None: no list dates)
# extras above the menu: council (the full council meeting of the coming Thursday), exam (the
#   results day of the summer's exams), matric (a board's result day, a coming day), polio (a
#   vaccination campaign from a coming Monday)
# extras after the story: comments (readers' comments, each with the day it was posted, between
#   the story's day and the scrape day), planning (a planning application's consultation end),
#   roadworks (a road closure from a coming day), urs (a shrine's urs from a coming day)
SITES = [
    dict(site="mercia-evening-post.co.uk", lang="en", fmt="html", layout="site", cms="tdnews",
         body="reuters", own="under", ostyle="en_wp", meta="time", side="en_short",
         label="Related Articles", extras=("council", "comments"), n=16),
    dict(site="coastline-herald.co.za", lang="en", fmt="html", layout="site", cms="tielabs",
         body="bbc", own="none", side="en_dmy_short", label="You May Also Like",
         extras=("comments",), n=16),
    dict(site="the-lakeland-record.co.uk", lang="en", fmt="html", layout="site", cms="joomla",
         body="reuters", own="under", ostyle="en_published", meta="itemprop", side=None,
         label="More from this category", extras=("planning",), n=16),
    dict(site="nairobi-weekly-review.co.ke", lang="en", fmt="html", layout="site",
         cms="elementor", body="mix", own="under", half=True, ostyle="en_wp", meta=None,
         side="en_short", label="Latest Posts", extras=("exam", "comments"), n=16),
    dict(site="fenland-citizen-news.co.uk", lang="en", fmt="html", layout="site", cms="wpblock",
         body="bbc", own="none", side="en_short", label="Latest News", extras=("roadworks",),
         n=16),
    dict(site="roznama-tehreek.pk", lang="ur", fmt="html", layout="site", cms="tielabs",
         body="express", own="under", ostyle="ur_baroz24", meta="time", side="ur_plain",
         label="متعلقہ خبریں", extras=("matric", "comments"), n=16),
    dict(site="sindh-awaz-news.pk", lang="ur", fmt="html", layout="site", cms="tdnews",
         body="samaa", own="none", side="ur_plain", label="مزید پڑھیں", extras=("urs",), n=16),
    dict(site="urdu.paighaam-today.com", lang="ur", fmt="html", layout="site",
         cms="elementor", body="express", own="under", ostyle="ur_plain", meta=None,
         side=None, label="تازہ ترین پوسٹس", extras=("polio",), n=16),
    dict(site="roznama-rehbar.pk", lang="ur", fmt="html", layout="site", cms="joomla",
         body="samaa", own="under", half=True, ostyle="ur_shaya", meta="itemprop",
         side="ur_plain", label="اسی زمرے سے", extras=("comments",), n=16),
    dict(site="khabarnama-online.pk", lang="ur", fmt="html", layout="site", cms="wpblock",
         body="express", own="none", side="ur_plain", label="حالیہ تحاریر",
         extras=("matric", "comments"), n=16),
    dict(site="severnside-mercury.co.uk", lang="en", fmt="txt", layout="site", cms="joomla",
         body="reuters", own="under", ostyle="en_published", side="en_dmy_short",
         label="More from this category", extras=("council",), n=16),
    dict(site="accra-daily-digest.com", lang="en", fmt="txt", layout="site", cms="tielabs",
         body="bbc", own="none", side="en_short", label="Related Posts",
         extras=("comments",), n=16),
    dict(site="brecon-valley-news.co.uk", lang="en", fmt="txt", layout="site", cms="wpblock",
         body="mix", own="under", ostyle="en_wp", side=None, label="Latest News",
         extras=("planning", "exam"), n=16),
    dict(site="lagos-metro-times.com.ng", lang="en", fmt="txt", layout="site", cms="tdnews",
         body="reuters", own="under", half=True, ostyle="en_dmy_short", side="en_short",
         label="More Stories", extras=("roadworks", "comments"), n=16),
    dict(site="awaz-e-multan.pk", lang="ur", fmt="txt", layout="site", cms="tdnews",
         body="express", own="under", ostyle="ur_baroz24", side="ur_plain",
         label="مزید خبریں", extras=("urs", "comments"), n=16),
    dict(site="hyderabad-times-urdu.pk", lang="ur", fmt="txt", layout="site", cms="elementor",
         body="samaa", own="none", side=None, label="دیگر خبریں", extras=("polio",), n=16),
    dict(site="roznama-mashriq-e-nau.pk", lang="ur", fmt="txt", layout="site", cms="joomla",
         body="express", own="under", ostyle="ur_shaya", side="ur_plain",
         label="اسی زمرے سے", extras=("matric",), n=16),
    dict(site="urdu.dharti-news.pk", lang="ur", fmt="txt", layout="site", cms="tielabs",
         body="samaa", own="under", half=True, ostyle="ur_plain", side="ur_plain",
         label="متعلقہ خبریں", extras=("comments", "polio"), n=16),
]

EN_CHROME = {  # the assembly's header and footer of the English outlets
    "mercia-evening-post.co.uk": (["Mercia Evening Post", "News", "Sport", "Council",
                                   "What's On", "Motors"],
                                  ["Mercia Evening Post, Wolverhampton", "Contact us",
                                   "Mercia Media Group Ltd"]),
    "coastline-herald.co.za": (["Coastline Herald", "News", "Municipality", "Sport",
                                "Lifestyle", "Property"],
                               ["Coastline Herald, Durban", "Press Council of South Africa",
                                "Coastline Media (Pty) Ltd"]),
    "the-lakeland-record.co.uk": (["The Lakeland Record", "Home", "News", "Farming",
                                   "Outdoors", "Letters"],
                                  ["The Lakeland Record, Kendal", "Submit a story",
                                   "Lakeland Record Publishing"]),
    "nairobi-weekly-review.co.ke": (["Nairobi Weekly Review", "News", "Counties", "Business",
                                     "Opinion", "Sports"],
                                    ["Nairobi Weekly Review", "Advertise with us",
                                     "Review Media Kenya Ltd"]),
    "fenland-citizen-news.co.uk": (["Fenland Citizen News", "News", "Wisbech", "March",
                                    "Whittlesey", "Sport"],
                                   ["Fenland Citizen News", "Accessibility",
                                    "Fenland Citizen News CIC"]),
    "severnside-mercury.co.uk": (["Severnside Mercury", "Home", "News", "Sport", "Business",
                                  "Community"],
                                 ["Severnside Mercury, Gloucester", "Report a correction",
                                  "Severnside Mercury Ltd"]),
    "accra-daily-digest.com": (["Accra Daily Digest", "News", "Politics", "Business",
                                "Entertainment", "Sports"],
                               ["Accra Daily Digest", "Contact the editor",
                                "Digest Media Ghana"]),
    "brecon-valley-news.co.uk": (["Brecon Valley News", "News", "Farming", "Walks",
                                  "Events", "Sport"],
                                 ["Brecon Valley News", "Cymraeg", "Brecon Valley News Ltd"]),
    "lagos-metro-times.com.ng": (["Lagos Metro Times", "Metro", "Politics", "Business",
                                  "Nollywood", "Sports"],
                                 ["Lagos Metro Times, Ikeja", "Advertise",
                                  "Metro Times Nigeria Ltd"]),
}

# the CMS's own words (share bar, tags heading, reply form, author box heading, breadcrumb's
# first link), English and Urdu
CMS_WORDS = {
    "en": dict(share="Share this: Facebook X WhatsApp Email", tags="Tags:",
               form="Leave a Reply Cancel reply",
               about="About the author", crumb="Home"),
    "ur": dict(share="شیئر کریں: فیس بک ایکس واٹس ایپ", tags="ٹیگز:",
               form="اپنی رائے دیں", about="مصنف کے بارے میں",
               crumb="صفحہ اول"),
}
EN_NAMES = ["Graham T.", "Ngozi A.", "Sipho", "Mrs P. Hale", "Kwame_O", "Jean from Wisbech"]
UR_NAMES = ["محمد عرفان", "شازیہ", "ملک طارق", "عبدالرحمان", "سائرہ بتول", "اکرم بھٹی"]
EN_COMMENTS = ["Nobody ever asks the people who actually live here.",
               "Good piece, thank you for covering this properly.",
               "Same story every year and nothing changes.",
               "Can the paper follow this up please?",
               "Not what I heard from my neighbours at all."]
UR_COMMENTS = ["بہت اچھی خبر ہے، شکریہ", "حکومت کو اس طرف توجہ دینی چاہیے",
               "ہر سال یہی ہوتا ہے، کوئی پوچھنے والا نہیں", "اللہ خیر کرے",
               "اس خبر کی مزید تفصیل شائع کریں"]
EN_TAGS = ["local news", "community", "public services", "economy", "regional"]
UR_TAGS = ["تازہ خبریں", "پاکستان", "عوامی مسائل", "معیشت", "شہری خبریں"]
EN_BIO = "reports on councils, courts and the people they serve. Send tips to the newsdesk."
UR_BIO = "ادارے سے وابستہ ہیں اور شہری مسائل پر لکھتے ہیں"


def fdate(style, d, hour=9, minute=15):
    """Date text in this set's styles, else in fresh23's."""
    month = G.MONTHS[d.month - 1]
    um, uwd = G.URDU_MONTHS[d.month - 1], F20.UR_WEEKDAYS[d.weekday()]
    h12, ampm = (hour % 12) or 12, "am" if hour < 12 else "pm"
    mine = {
        "en_published": lambda: f"Published: {d:%A}, {d.day:02d} {month} {d.year} "
                                f"{hour:02d}:{minute:02d}",
        "en_comment": lambda: f"{month} {d.day}, {d.year} at {h12}:{minute:02d} {ampm}",
        "ur_baroz24": lambda: f"{uwd} {d.day} {um} {d.year}",
        "ur_shaya": lambda: f"شائع شدہ: {d.day} {um} {d.year}",
    }
    return mine[style]() if style in mine else F23.fdate(style, d, hour, minute)


read_own = F22.read_own

# ----------------------------------------------------------------------------- assembly


def site_pages(spec, pools, templates, rng):
    """fresh23's assembly of a site's pages (fresh22's, outlets' pages only), with this set's
    lines and the CMS's parts."""
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH24_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH24_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 6, 10)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV24, URDU_FOOT24, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        while True:  # each story, headline and lead query once in the sets' SEEN; no headline
            # states a day, nor an undated page's lead
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
        page.num = (5300000 + 2711 * k + h % 90000) if lang == "en" else 72000 + 419 * k + h % 811
        page.scrape_hour, page.scrape_minute = 7 + (k * 5) % 12, (k * 13 + h) % 60
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
        page.section = head[1 + (k + h) % (len(head) - 1)]
        page.tags = (EN_TAGS if lang == "en" else UR_TAGS)[k % 3:k % 3 + 3]
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
        "mercia-evening-post.co.uk": f"{site}/news/{slug}/index.html",
        "coastline-herald.co.za": f"{page.scrape_day}/{site}/{slug}.html",
        "the-lakeland-record.co.uk": f"{site}/index.php/news/{num}-{slug}.html",
        "nairobi-weekly-review.co.ke": f"{site}/{slug}/index.html",
        "fenland-citizen-news.co.uk": f"sites/{site}/p-{num}.html",
        "roznama-tehreek.pk": f"{site}/{num}/index.html",
        "sindh-awaz-news.pk": f"{site}/archives/{num}.html",
        "urdu.paighaam-today.com": f"{site}/{page.scrape_day}/{num}.html",
        "roznama-rehbar.pk": f"{site}/index.php/pakistan/{num}.html",
        "khabarnama-online.pk": f"{site}/?p={num}.html",
        "severnside-mercury.co.uk": f"{site}/news/{num}.txt",
        "accra-daily-digest.com": f"text/{page.scrape_day}/{site}/{slug}.txt",
        "brecon-valley-news.co.uk": f"{site}/{slug}.txt",
        "lagos-metro-times.com.ng": f"copies/{site}/{num}.txt",
        "awaz-e-multan.pk": f"{site}/archives/{num}.txt",
        "hyderabad-times-urdu.pk": f"urdu/{site}/{page.scrape_day}/{num}.txt",
        "roznama-mashriq-e-nau.pk": f"{site}/pakistan/{num}.txt",
        "urdu.dharti-news.pk": f"{site}/{num}.txt",
    }[site]


# ----------------------------------------------------------------------------- chrome

def tool_lines(page, day):
    """Lines above the menu: [(line, ISO or "")]."""
    ex, k, out = page.spec.get("extras", ()), page.k, []
    if "council" in ex:  # the coming Thursday's meeting
        thu = F22.next_weekday_from(day + DAY, (3,))
        out.append((f"Full Council meets {fdate('en_day', thu)} at 7pm · agenda and papers "
                    f"item {4 + k % 6}", thu.isoformat()))
    if "exam" in ex:  # the summer's results day
        d = datetime.date(day.year, 8, 19 + (k % 2) * 7)
        out.append((f"Results day {fdate('en_wp', d)}: what to do if your grades are not what "
                    "you expected", d.isoformat()))
    if "matric" in ex:  # a board's result day
        d = day + DAY * (6 + k % 9)
        out.append((f"لاہور بورڈ: میٹرک کے سالانہ امتحانات کے نتائج کا اعلان {fdate('ur_plain', d)}"
                    " کو کیا جائے گا", d.isoformat()))
    if "polio" in ex:  # a campaign from a coming Monday
        mon = F22.next_weekday_from(day + DAY, (0,))
        out.append((f"انسداد پولیو مہم {fdate('ur_plain', mon)} سے شروع، پانچ سال تک کے بچوں کو "
                    "قطرے ضرور پلائیں", mon.isoformat()))
    return out


def after_lines(page, day):
    """Lines after the story: [(line, ISO, a source of chrome phrases?)]: the CMS's share bar,
    tags and author box (undated, no phrase source), this set's notices (each opening with an
    undated heading) and the readers' comments."""
    ex, k, en = page.spec.get("extras", ()), page.k, page.spec["lang"] == "en"
    w = CMS_WORDS["en" if en else "ur"]
    out = [(w["share"], "", True), (" ".join([w["tags"]] + page.tags), "", False)]
    if page.spec["cms"] in ("tdnews", "tielabs"):
        out += [(w["about"], "", True),
                (f"{page.author} {EN_BIO if en else UR_BIO}", "", False)]
    if "planning" in ex:
        d = day + DAY * (10 + k % 11)
        out += [("Planning applications", "", True),
                (f"Ref {24 + k % 3}/0{310 + 7 * k}/FUL: two-storey rear extension at "
                 f"{11 + k} Mill Lane — comments by {fdate('en_wp', d)}", d.isoformat(), False)]
    if "roadworks" in ex:
        d = day + DAY * (3 + k % 8)
        out += [("Roadworks", "", True),
                (f"A{140 + k % 5} closed overnight from {fdate('en_lotto', d)} for resurfacing, "
                 "diversion signed", d.isoformat(), False)]
    if "urs" in ex:
        d = day + DAY * (5 + k % 10)
        out += [("عرس مبارک", "", True),
                (f"حضرت شاہ {['رکن عالم', 'شمس', 'یوسف گردیز', 'بہاؤالدین'][k % 4]} کا سالانہ عرس "
                 f"{fdate('ur_plain', d)} سے شروع ہوگا", d.isoformat(), False)]
    if "comments" in ex:
        span = min(max((day - page.date).days, 0), 4) if page.own else 3
        names, said = (EN_NAMES, EN_COMMENTS) if en else (UR_NAMES, UR_COMMENTS)
        n = 1 + k % 3
        out.append((f"{n} Comment{'s' * (n > 1)}" if en else
                    f"{n} {'تبصرے' if n > 1 else 'تبصرہ'}", "", True))
        for i in range(n):
            d = day - DAY * ((span * (i + 1)) // (n + 1))
            hr, mi = (8 + 5 * i + k) % 24, (k * 11 + i * 23) % 60
            stamp = fdate("en_comment", d, hr, mi) if en else (
                f"{fdate('ur_plain', d)} بوقت {(hr % 12) or 12}:{mi:02d}")
            who = names[(k + i) % len(names)]
            out += [(f"{who} says: {stamp}" if en else f"{who} نے کہا: {stamp}", d.isoformat(),
                     False),
                    (said[(k + 2 * i) % len(said)], "", True)]
        out.append((w["form"], "", True))
    return out


# ----------------------------------------------------------------------------- pages

def split_after(page):
    """The after lines as (the CMS's share/tags/author part, notices, comments)."""
    aft = page.after
    n = 4 if page.spec["cms"] in ("tdnews", "tielabs") else 2
    at = next((i - 1 for i, (ln, iso, _s) in enumerate(aft)
               if iso and (" says: " in ln or " نے کہا: " in ln)), len(aft))
    return aft[:n], aft[n:at], aft[at:]


def meta_html(page):
    """The byline and own date lines in the CMS's markup."""
    esc, spec, cms = F.esc, page.spec, page.spec["cms"]
    out = []
    for ln in F22.header_lines(page):
        own = page.own and spec["own"] == "under" and ln == F22.own_line(page)
        if own:
            inner = F20.own_html(page, ln)
        else:
            inner = esc(ln)
        cls = {"tdnews": "td-post-author-name", "tielabs": "meta-author",
               "joomla": "createdby", "elementor": "elementor-post-info__item--type-author",
               "wpblock": "wp-block-post-author-name"}[cms]
        if own:
            cls = {"tdnews": "td-post-date", "tielabs": "date meta-item", "joomla": "published",
                   "elementor": "elementor-post-info__item--type-date",
                   "wpblock": "wp-block-post-date"}[cms]
        tag = {"joomla": "dd", "elementor": "li"}.get(cms, "div")
        out.append(f'<{tag} class="{cls}">{inner}</{tag}>')
    wrap = {"tdnews": ('<div class="td-module-meta-info">', "</div>"),
            "tielabs": ('<div id="single-post-meta" class="post-meta clearfix">', "</div>"),
            "joomla": ('<dl class="article-info muted"><dt class="article-info-term">'
                       'Details</dt>', "</dl>"),
            "elementor": ('<div class="elementor-widget elementor-widget-post-info">'
                          '<ul class="elementor-inline-items elementor-post-info">',
                          "</ul></div>"),
            "wpblock": ('<div class="wp-block-group post-meta">', "</div>")}[cms]
    return [wrap[0]] + out + [wrap[1]] if out else []


def story_html(page):
    """The story from its section link to its last paragraph, in the CMS's markup."""
    esc, cms = F.esc, page.spec["cms"]
    h1, sec = esc(page.headline), esc(page.section)
    paras = [f"<p>{esc(p)}</p>" for p in page.paras]
    if cms == "tdnews":
        return (['<article class="post type-post status-publish td-post-template-default">',
                 '<div class="td-post-header"><ul class="td-category">',
                 f'<li class="entry-category"><a href="/category/{page.k % 5}">{sec}</a></li>',
                 '</ul><header class="td-post-title">',
                 f'<h1 class="entry-title">{h1}</h1>'] + meta_html(page)
                + ["</header></div>", '<div class="td-post-content tagdiv-type">'] + paras
                + ["</div>"])
    if cms == "tielabs":
        crumb = CMS_WORDS[page.spec["lang"]]["crumb"]
        return (['<article id="the-post" class="container-wrapper post-content">',
                 '<header class="entry-header-outer">',
                 f'<nav id="breadcrumb"><a href="/">{esc(crumb)}</a> » '
                 f'<a href="/category/{page.k % 5}">{sec}</a></nav>',
                 '<div class="entry-header"><span class="post-cat-wrap">',
                 f'<a class="post-cat" href="/category/{page.k % 5}">{sec}</a></span>',
                 f'<h1 class="post-title entry-title">{h1}</h1>'] + meta_html(page)
                + ["</div></header>", '<div class="entry-content entry clearfix">'] + paras
                + ["</div>"])
    if cms == "joomla":
        return (['<div class="com-content-article item-page" itemscope '
                 'itemtype="https://schema.org/Article">',
                 f'<div class="page-header"><h2 itemprop="headline">{h1}</h2></div>']
                + meta_html(page) + ['<div itemprop="articleBody" class="com-content-article__'
                                     'body">'] + paras + ["</div>"])
    if cms == "elementor":
        return (['<div data-elementor-type="single-post" class="elementor elementor-location-'
                 'single">',
                 '<div class="elementor-widget elementor-widget-theme-post-title"><div class='
                 f'"elementor-widget-container"><h1 class="elementor-heading-title">{h1}</h1>'
                 "</div></div>"] + meta_html(page)
                + ['<div class="elementor-widget elementor-widget-theme-post-content"><div '
                   'class="elementor-widget-container">'] + paras + ["</div></div>"])
    return (['<main class="wp-block-group"><div class="wp-block-group">',
             f'<div class="taxonomy-category wp-block-post-terms"><a href="/c/{page.k % 5}">'
             f"{sec}</a></div>",
             f'<h1 class="wp-block-post-title">{h1}</h1>'] + meta_html(page)
            + ['</div><div class="entry-content wp-block-post-content">'] + paras + ["</div>"])


def after_html(page):
    esc, cms, lang = F.esc, page.spec["cms"], page.spec["lang"]
    part, notices, comments = split_after(page)
    share, tags = part[0][0], part[1][0]
    out = []
    tag_words = tags.split(" ", 1)
    if cms == "tdnews":
        out += ['<div class="td-post-source-tags"><ul class="td-tags td-post-small-box">',
                f"<li><span>{esc(tag_words[0])}</span></li>"]
        out += [f'<li><a href="/tag/{i}">{esc(t)}</a></li>' for i, t in enumerate(page.tags)]
        out += ["</ul></div>", f'<div class="td-post-sharing-bottom">{esc(share)}</div>']
    elif cms == "tielabs":
        out += [f'<div class="post-footer-on-bottom"><div class="share-links">{esc(share)}'
                "</div></div>",
                f'<div class="post-bottom-meta post-bottom-tags"><span class="tagcloud">'
                f"{esc(tags)}</span></div>"]
    elif cms == "joomla":
        out += ['<ul class="tags list-inline">'] + [
            f'<li class="list-inline-item tag-{i}"><a href="/tags/{i}">{esc(t)}</a></li>'
            for i, t in enumerate(page.tags)]
        out[0] = f'<ul class="tags list-inline"><li>{esc(tag_words[0])}</li>'
        out += ["</ul>", f'<div class="social-share">{esc(share)}</div>']
    elif cms == "elementor":
        out += [f'<div class="elementor-widget elementor-widget-share-buttons">{esc(share)}'
                "</div>",
                f'<div class="elementor-widget elementor-widget-post-info">{esc(tags)}</div>']
    else:
        out += [f'<div class="taxonomy-post_tag wp-block-post-terms">{esc(tags)}</div>',
                f'<div class="wp-block-buttons sharing">{esc(share)}</div>']
    if len(part) > 2:
        box = "td-author-by-line td_block_author" if cms == "tdnews" else "about-author"
        out += [f'<div class="{box}"><h3>{esc(part[2][0])}</h3><p>{esc(part[3][0])}</p></div>']
    if cms != "wpblock":
        out.append("</article>" if cms in ("tdnews", "tielabs") else "</div>")
    if notices:
        out += ['<aside class="widget notice-board">'] + [
            f"<h4>{esc(ln)}</h4>" if not iso else f"<p>{esc(ln)}</p>"
            for ln, iso, _s in notices] + ["</aside>"]
    if comments:
        cid = "comments" if cms != "wpblock" else "comments wp-block-comments"
        out += [f'<div id="comments" class="{cid}"><h3 class="comments-title">'
                f"{esc(comments[0][0])}</h3>", '<ol class="comment-list">']
        body = comments[1:-1]
        for i in range(0, len(body), 2):
            who, text = body[i][0], body[i + 1][0]
            out += [f'<li class="comment depth-1" id="li-comment-{page.num + i}">'
                    f'<div class="comment-meta">{esc(who)}</div>'
                    f'<div class="comment-content"><p>{esc(text)}</p></div></li>']
        out += ["</ol>", f'<div id="respond" class="comment-respond"><h3 class="comment-reply-'
                f'title">{esc(comments[-1][0])}</h3><form action="/wp-comments-post.php" '
                'method="post"></form></div>', "</div>"]
    if cms == "wpblock":
        out.append("</main>")
    return out


def list_html(page):
    esc, cms = F.esc, page.spec["cms"]
    if not page.sidebar_label:
        return []
    wrap, item = {
        "tdnews": ('<div class="td_block_related_posts td-related-row">',
                   '<div class="td-module-meta-info"><h3 class="entry-title td-module-title">'),
        "tielabs": ('<div id="related-posts" class="container-wrapper has-extra-post">',
                    '<div class="related-item"><h3 class="post-title">'),
        "joomla": ('<div class="moduletable mod-articlescategory">',
                   '<div class="mod-articles-category-item"><h3>'),
        "elementor": ('<div class="elementor-widget elementor-widget-posts"><div class='
                      '"elementor-posts-container">',
                      '<article class="elementor-post"><h3 class="elementor-post__title">'),
        "wpblock": ('<div class="wp-block-latest-posts__list">',
                    '<div class="wp-block-latest-posts__item"><h3>'),
    }[cms]
    close = "</article>" if cms == "elementor" else "</div>"
    rows = [f'{item}<a href="/{page.num + 31 * (i + 1)}">{esc(t)}</a></h3>'
            + (f'<span class="date">{esc(dt)}</span>' if dt else "") + close
            for i, (t, dt, _te, _iso) in enumerate(page.sidebar)]
    return [wrap, f'<h2 class="block-title">{esc(page.sidebar_label)}</h2>'] + rows + [
        "</div></div>" if cms == "elementor" else "</div>"]


def html_page(page):
    esc, spec = F.esc, page.spec
    b = [f'<div class="top-bar announcement">{esc(ln)}</div>' for ln, _iso in page.tool]
    b += ['<header id="masthead" class="site-header"><nav class="main-menu"><ul>']
    b += [f'<li class="menu-item"><a href="/section/{i}">{esc(x)}</a></li>'
          for i, x in enumerate(page.head)]
    b += ["</ul></nav></header>", '<div id="content" class="site-content">']
    b += story_html(page) + after_html(page) + list_html(page)
    b += ["</div>", '<footer id="colophon" class="site-footer">']
    b += [f"<p>{esc(x)}</p>" for x in page.tail] + ["</footer>"]
    name = page.head[0]
    title = f"{page.headline} - {name}" if spec["lang"] == "en" else f"{page.headline} | {name}"
    return F12.html_doc(page, title, b)


def text_page(page):
    """The page as copied from the browser: the same parts in the CMS's order."""
    cms, lang = page.spec["cms"], page.spec["lang"]
    crumb = CMS_WORDS[lang]["crumb"]
    pre = {"tdnews": page.section, "tielabs": f"{crumb} » {page.section}",
           "joomla": "", "elementor": "", "wpblock": page.section}[cms]
    story = "\n".join([page.headline] + F22.header_lines(page))
    chunks = ["\n".join(ln for ln, _ in page.tool), "\n".join(page.head), pre, story]
    chunks += list(page.paras)
    part, notices, comments = split_after(page)
    chunks.append("\n".join(ln for ln, _i, _s in part))
    chunks += [ln for ln, _iso, _s in notices]
    chunks += ["\n".join(ln for ln, _i, _s in comments)]
    if page.sidebar_label:
        chunks.append("\n\n".join([page.sidebar_label] + [
            "\n".join([t] + ([dt] if dt else [])) for t, dt, _te, _ in page.sidebar]))
    chunks.append("\n".join(page.tail))
    return "\n\n".join(c for c in chunks if c) + "\n"


def render(page):
    text = html_page(page) if page.spec["fmt"] == "html" else text_page(page)
    return text, F22.phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages (see README.md "The twenty-fifth
    set"), and each comment's day between the story's day (when it states one) and the scrape
    day; exits with the failures, else returns a summary line."""
    bad = []
    for page, path, *_ in rendered:
        for ln, iso, _s in page.after:
            if iso and (" says: " in ln or " نے کہا: " in ln) and not (
                    (not page.own or page.own <= iso) and iso <= page.scrape_day):
                bad.append(f"{path}: comment {ln!r} outside the story's day and the scrape day")
    if bad:
        raise SystemExit("fresh24 self-check: " + "\n".join(bad[:20]))
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh24 self-check")) from None


def main(shared, out):
    F22.SEEN.clear()
    G.generate_set("fresh24", SITES, SEED_FRESH24, FRESH24_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
