"""The twenty-ninth set of the chrome bench (`gen.py --set fresh28`, `SET=fresh28 run.sh`):
18 more sites, held out from the rules of issue 13 and designed blind to their author.

Rule authors: do not read this file, its SITES table or README.md "The twenty-ninth set"
before the set's held-out run. The design is described in README.md "The twenty-ninth set";
this docstring only says what the code does.

Each site of SITES is assembled from real text: English bodies from Reuters-21578 (real 1987
dates) and BBC News 2225 (no dates); Urdu bodies from the urdu-news-ha405 CSVs (Express, Samaa);
lists of real headlines with dates in the earlier sets' styles. Site names, section words,
furniture, comments, figures and all dates but the Reuters ones are the assembly's. Each
generation checks its labels against its pages (self_check, fresh22's) and stops on any
mismatch. The assembly code is fresh27's, fresh26's, fresh25's, fresh22's and fresh20's
(imported: page filling, story header, phrase blocks, wrapping, date styles and the label
checks), with this set's sites, salt, page markup (html_page: one markup per CMS theme), the
text renderings of its text sites (render_text: one per saving tool) and its dated lines.
"""
import datetime
import json

import fresh as F
import fresh9 as F9
import fresh20 as F20
import fresh22 as F22
import fresh25 as F25
import fresh26 as F26
import gen as G

SEED_FRESH28 = 20270702
FRESH28_SALT = "khabar-chrome-fresh28"
EN_BASE, UR_BASE = datetime.date(2027, 7, 2), datetime.date(2027, 7, 3)
URDU_NAV28 = ["ہوم", "پاکستان", "انٹرنیشنل", "کاروبار", "کھیل", "شوبز", "صحت", "ٹیکنالوجی",
              "کالم", "ویڈیوز", "بلاگ", "دلچسپ و عجیب"]
URDU_FOOT28 = ["ہمارے بارے میں", "ادارتی پالیسی", "پرائیویسی پالیسی", "ہم سے رابطہ",
               "اشتہار دیں"]
DAY = datetime.timedelta(days=1)

# fmt html: theme (html_page's markup), tool (how it was saved: wget, complete, singlefile,
# httrack); fmt txt: kind (render_text: savetext, lynx, markdown).
# own: under (a line of the story's header) | none; half: only the even pages state it.
# meta: time (<time datetime>) | og (article:published_time and JSON-LD) | None.
# body: reuters | bbc | mix | express | samaa; ostyle / side: date styles of the own line and
# of the list (None: no list dates). top: the theme's date bar (the scrape day) above the menu;
# comments: dated reader comments after the story.
SITES = [
    dict(site="tamar-valley-news.co.uk", lang="en", fmt="html", layout="td", theme="td",
         tool="wget", body="reuters", own="under", ostyle="en_wp", meta="time",
         side="en_wp", label="Related posts", top=True, comments=True, n=16),
    dict(site="mersey-mercury.co.uk", lang="en", fmt="html", layout="jeg", theme="jeg",
         tool="complete", body="bbc", own="none", side="en_dmy_short",
         label="You may also like", top=True, comments=True, n=16),
    dict(site="solent-standard.co.uk", lang="en", fmt="html", layout="tie", theme="tie",
         tool="singlefile", body="mix", own="under", half=True, ostyle="en_short", meta="og",
         side="en_wp", label="Trending now", top=True, comments=False, n=16),
    dict(site="ribble-reporter.co.uk", lang="en", fmt="html", layout="drupal",
         theme="drupal", tool="httrack", body="reuters", own="under", ostyle="en_dmy_short",
         meta=None, side=None, label="Most read", top=False, comments=True, n=16),
    dict(site="lothian-ledger.com", lang="en", fmt="html", layout="arc", theme="arc",
         tool="wget", body="bbc", own="none", side="en_short", label="Latest headlines",
         top=False, comments=False, n=16),
    dict(site="urdu.sindh-samachar.pk", lang="ur", fmt="html", layout="urdutheme",
         theme="urdu", tool="wget", body="express", own="under", ostyle="ur_plain",
         meta="og", side="ur_plain", label="مزید خبریں", top=True, comments=False, n=16),
    dict(site="jhelum-jareeda.pk", lang="ur", fmt="html", layout="tie", theme="tie",
         tool="complete", body="samaa", own="none", side="ur_plain", label="متعلقہ خبریں",
         top=True, comments=True, n=16),
    dict(site="naya-zamana.blogspot.com", lang="ur", fmt="html", layout="blogger",
         theme="blogger", tool="complete", body="express", own="under", half=True,
         ostyle="ur_jumma", meta=None, side=None, label="مقبول پوسٹس", top=False,
         comments=True, n=16),
    dict(site="karachi-khabarnama.pk", lang="ur", fmt="html", layout="penci", theme="penci",
         tool="singlefile", body="samaa", own="none", side=None, label="یہ بھی پڑھیں",
         top=True, comments=False, n=16),
    dict(site="wessex-weekly.co.uk", lang="en", fmt="txt", layout="savetext",
         kind="savetext", theme="td", body="bbc", own="none", side="en_wp",
         label="Related posts", top=True, comments=True, n=16),
    dict(site="fylde-free-press.co.uk", lang="en", fmt="txt", layout="lynx", kind="lynx",
         theme="jeg", body="reuters", own="under", ostyle="en_wp", side="en_dmy_short",
         label="You may also like", top=True, comments=False, n=16),
    dict(site="weald-observer.co.uk", lang="en", fmt="txt", layout="markdown",
         kind="markdown", theme="tie", body="mix", own="under", half=True, ostyle="en_short",
         side=None, label="Popular this week", top=False, comments=True, n=16),
    dict(site="tyneside-tribune.com", lang="en", fmt="txt", layout="savetext",
         kind="savetext", theme="arc", body="reuters", own="under", ostyle="en_townnews",
         side=None, label="", top=False, comments=True, n=16),
    dict(site="urdu.chenab-times.pk", lang="ur", fmt="txt", layout="lynx", kind="lynx",
         theme="drupal", body="samaa", own="none", side="ur_plain", label="تازہ ترین خبریں",
         top=True, comments=False, n=16),
    dict(site="roznama-lyallpur.pk", lang="ur", fmt="txt", layout="savetext",
         kind="savetext", theme="urdu", body="express", own="under", ostyle="ur_plain",
         side="ur_plain", label="تازہ ترین", top=True, comments=True, n=16),
    dict(site="mardan-mail.pk", lang="ur", fmt="txt", layout="lynx", kind="lynx",
         theme="tie", body="samaa", own="none", side="ur_plain", label="متعلقہ خبریں",
         top=True, comments=True, n=16),
    dict(site="urdu.thar-times.pk", lang="ur", fmt="txt", layout="markdown",
         kind="markdown", theme="penci", body="express", own="under", half=True,
         ostyle="ur_jumma", side=None, label="یہ بھی پڑھیں", top=False, comments=True, n=16),
    dict(site="swat-sada.pk", lang="ur", fmt="txt", layout="savetext", kind="savetext",
         theme="blogger", body="samaa", own="none", side=None, label="", top=True,
         comments=True, n=16),
]

EN_CHROME = {  # the assembly's menu and footer of the English sites
    "tamar-valley-news.co.uk": (["Tamar Valley News", "Home", "News", "Tavistock",
                                 "Callington", "Sport", "Whats On"],
                                ["Tamar Valley News Ltd", "Privacy Policy", "Contact us",
                                 "© 2027 Tamar Valley News. All rights reserved."]),
    "mersey-mercury.co.uk": (["Mersey Mercury", "Home", "Liverpool", "Wirral", "Football",
                              "Opinion"],
                             ["About the Mercury", "Advertise with us", "Cookie policy",
                              "© 2027 Mersey Mercury - Powered by JNews"]),
    "solent-standard.co.uk": (["Solent Standard", "Home", "Southampton", "Portsmouth",
                               "Isle of Wight", "Business"],
                              ["Solent Standard", "Terms of use", "Sitemap",
                               "© Copyright 2027, All Rights Reserved"]),
    "ribble-reporter.co.uk": (["Ribble Reporter", "Home", "News", "Preston", "Clitheroe",
                               "Farming"],
                              ["Ribble Reporter", "Accessibility statement",
                               "Powered by Drupal", "© 2027 Ribble Reporter"]),
    "lothian-ledger.com": (["Lothian Ledger", "News", "Edinburgh", "Livingston", "Politics",
                            "Sport"],
                           ["Lothian Ledger Media", "Manage cookies", "Newsletters",
                            "© 2027 Lothian Ledger Media. All rights reserved."]),
    "wessex-weekly.co.uk": (["Wessex Weekly", "Home", "News", "Salisbury", "Andover",
                             "Sport"],
                            ["Wessex Weekly Ltd", "Privacy Policy", "Contact us",
                             "© 2027 Wessex Weekly. All rights reserved."]),
    "fylde-free-press.co.uk": (["Fylde Free Press", "Home", "Blackpool", "Lytham",
                                "Fleetwood", "Opinion"],
                               ["About the Free Press", "Advertise with us", "Cookie policy",
                                "© 2027 Fylde Free Press - Powered by JNews"]),
    "weald-observer.co.uk": (["Weald Observer", "Home", "Tunbridge Wells", "Crowborough",
                              "Heathfield", "Business"],
                             ["Weald Observer", "Terms of use", "Sitemap",
                              "© Copyright 2027, All Rights Reserved"]),
    "tyneside-tribune.com": (["Tyneside Tribune", "Home", "News", "Gateshead", "South Shields",
                              "Jarrow"],
                             ["Tyneside Tribune Media", "Manage cookies", "Newsletters",
                              "© 2027 Tyneside Tribune Media. All rights reserved."]),
}
fdate = F26.fdate
read_own = F22.read_own
EN_COMMENTERS = ["Gareth Pengelly", "Sue Tremayne", "Mo Hussain", "Linda Carbis"]
UR_COMMENTERS = ["محمد عارف", "سائرہ بتول", "ظفر اقبال", "نعیم خان"]
EN_REMARKS = ["Good to see this covered properly at last", "Not the whole picture in my view",
              "Thanks for keeping us informed", "We have been waiting years for this"]
UR_REMARKS = ["بہت اچھی خبر ہے، شکریہ", "حکومت کو اس پر توجہ دینی چاہیے",
              "اللہ خیر کرے", "یہ مسئلہ کئی سالوں سے چل رہا ہے"]


def own_line(page):
    """The own date's line, with the words the theme puts beside it."""
    t, theme = page.own_text, page.spec.get("theme")
    if page.spec["lang"] == "en":
        return {"td": t, "jeg": f"Published on {t}", "tie": f"Published: {t}",
                "drupal": f"Submitted on {t}", "arc": f"Updated {t}"}.get(theme, t)
    return {"urdu": f"شائع شدہ: {t}", "blogger": t, "penci": f"اپ ڈیٹ: {t}"}.get(theme, t)


F22.own_line = own_line  # fresh22's header lines and checks then read this set's own lines

# ----------------------------------------------------------------------------- assembly


def site_pages(spec, pools, templates, rng):
    """fresh27's assembly of a site's pages, with this set's salt, chrome and lines."""
    lang = spec["lang"]
    h = G.site_hash(spec["site"] + FRESH28_SALT)
    ndays = 3 + h % 4
    days = F9.scrape_days(EN_BASE if lang == "en" else UR_BASE, ndays)
    side = dict(spec, side=spec["side"] or "x")
    sidebars = G.rotating_sidebars(side, days, pools, FRESH28_SALT,
                                   lambda s, d, hr, mi: (s, d, hr, mi), 6, 10)
    if lang == "ur":
        head, tail = G.urdu_template(spec, rng, URDU_NAV28, URDU_FOOT28, 8)
        head = [spec["site"].removeprefix("urdu.").split(".")[0].replace("-", " ")] + head[1:]
        tail = tail + ["© 2027 جملہ حقوق محفوظ ہیں"]
    else:
        head, tail = EN_CHROME[spec["site"]]
    pages = []
    for k in range(spec["n"]):
        day = days[k % ndays]
        back = (k * 5 + k // ndays) % 3
        while True:  # as fresh27: each story, headline and lead query once; an undated page's
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
        page.num = (3100000 + 2719 * k + h % 90000) if lang == "en" else 52000 + 379 * k + h % 977
        page.scrape_hour, page.scrape_minute = 7 + (k * 5) % 13, (k * 29 + h) % 60
        page.own_text = (fdate(spec["ostyle"], page.date, page.hour, page.minute)
                         if page.own else "")
        page.head, page.tail = head, tail
        page.sidebar_label = spec["label"] or ""
        page.sidebar = [(t, fdate(spec["side"], *args[1:]) if spec["side"] else "", None,
                         iso if spec["side"] else "")
                        for t, args, _te, iso in sidebars.get(day, [])
                        if not read_own(t)] if spec["label"] else []
        page.author = (F22.AUTHORS if lang == "en" else F22.UR_AUTHORS)[(k + h) % 4]
        page.url = page_url(page)
        page.masthead, page.upd, page.notes, page.foot = "", None, [], []
        page.nextstory, page.chat, page.calendar = None, None, []
        page.tool = top_lines(page, day)          # above the menu: [(line, ISO)]
        page.boxes = after_boxes(page, day)       # after the story: [(kind, [(line, ISO, src)])]
        page.after = [x for _kind, lines in page.boxes for x in lines]
        dates = ({iso for *_, iso in page.sidebar if iso} | {iso for _ln, iso in page.tool if iso}
                 | {iso for _ln, iso, _p in page.after if iso})
        page.chrome_dates = sorted(dates - {page.own})
        pages.append(page)
    return pages


def page_url(page):
    host, slug = page.spec["site"], page.slug[:50].rstrip("-")
    if page.spec.get("theme") == "blogger":
        return f"https://{host}/p/{page.num}.html"
    if page.spec["lang"] == "en":
        return f"https://www.{host}/news/{slug}/"
    return f"https://{host}/news/{page.num}/"


def page_path(page):
    spec, site, num, slug = page.spec, page.spec["site"], page.num, page.slug[:50].rstrip("-")
    name = page.head[0]
    stamp = (f"{int(page.scrape_day[5:7])}_{int(page.scrape_day[8:])}_{page.scrape_day[:4]} "
             f"{(page.scrape_hour % 12) or 12}_{page.scrape_minute:02d}_{(7 * page.k) % 60:02d} "
             f"{'AM' if page.scrape_hour < 12 else 'PM'}")
    title = F22.safe_title(page.headline)
    return {
        "tamar-valley-news.co.uk": f"www.{site}/news/{slug}/index.html",
        "mersey-mercury.co.uk": f"Downloads/{title} - {name}.html",
        "solent-standard.co.uk": f"singlefile/{title} ({stamp}).html",
        "ribble-reporter.co.uk": f"httrack/{site}/www.{site}/news/{slug}.html",
        "lothian-ledger.com": f"www.{site}/news/{slug}/index.html",
        "urdu.sindh-samachar.pk": f"{site}/news/{num}/index.html",
        "jhelum-jareeda.pk": f"saved/{site}/{num}.html",
        "naya-zamana.blogspot.com": f"Downloads/{title} - {name}.html",
        "karachi-khabarnama.pk": f"singlefile/{site}/{num} ({stamp}).html",
        "wessex-weekly.co.uk": f"text/{site}/{slug}.txt",
        "fylde-free-press.co.uk": f"lynx/{site}/{slug}.txt",
        "weald-observer.co.uk": f"clippings/{site}/{title}.md",
        "tyneside-tribune.com": f"{site}/{slug}.txt",
        "urdu.chenab-times.pk": f"lynx/{site}/khabar-{num}.txt",
        "roznama-lyallpur.pk": f"text/{site}/{num}.txt",
        "mardan-mail.pk": f"lynx/{site}/{num}.txt",
        "urdu.thar-times.pk": f"clippings/{site}/{num}.md",
        "swat-sada.pk": f"{site}/{page.scrape_day}/{num}.txt",
    }[site]


# ----------------------------------------------------------------------------- chrome

def top_lines(page, day):
    """The theme's top bar: today's date (the scrape day) beside the menu: [(line, ISO)]."""
    if not page.spec.get("top"):
        return []
    en = page.spec["lang"] == "en"
    style = {"td": "en_us_day", "jeg": "en_lotto", "tie": "en_wp", "arc": "en_us_day"}.get(
        page.spec["theme"], "en_wp") if en else "ur_jumma"
    return [(fdate(style, day), day.isoformat())]


def hm12(hour, minute):
    return f"{(hour % 12) or 12}:{minute:02d} {'am' if hour < 12 else 'pm'}"


def after_boxes(page, day):
    """The boxes after the story: the share bar and tags (undated), reader comments (each with
    its day: the scrape day or the day before; the heading undated), the newsletter box."""
    en, k = page.spec["lang"] == "en", page.k
    out = [("share", [("Share this article" if en else "یہ خبر شیئر کریں", "", True),
                      ("Facebook Twitter WhatsApp Email" if en else
                       "فیس بک ٹویٹر واٹس ایپ ای میل", "", False)])]
    if page.spec.get("comments"):
        lines = [("Leave a Reply" if en else "اپنی رائے دیں", "", True)]
        for i in range(1 + k % 2):
            d = day - DAY * ((k + i) % 2)
            hr, mi = (page.scrape_hour - 1 - i) % 24, (page.scrape_minute + 17 * i) % 60
            who = (EN_COMMENTERS if en else UR_COMMENTERS)[(k + i) % 4]
            say = (f"{fdate('en_wp', d)} at {hm12(hr, mi)}" if en else
                   f"{fdate('ur_plain', d)} بوقت {hr:02d}:{mi:02d}")
            lines += [(f"{who} says:" if en else f"{who} نے کہا:", "", False),
                      (say, d.isoformat(), False),
                      ((EN_REMARKS if en else UR_REMARKS)[(k + 3 * i) % 4], "", False)]
        out.append(("comments", lines))
    out.append(("newsletter", [("Sign up to our daily newsletter" if en else
                                "ہمارا نیوز لیٹر حاصل کریں", "", True)]))
    return out


# ----------------------------------------------------------------------------- pages

THEMES = {  # class names of each theme's parts
    "td": dict(top="td-header-top-menu", date="td_data_time", menu="sf-menu td_ul_login",
               crumbs="td-crumb-container entry-crumbs", art="td-post-content tagdiv-type",
               title="entry-title", meta="td-post-date", author="td-post-author-name",
               share="td-post-sharing", rel="td-related-row", relt="td-related-title",
               reli="td-module-container", reld="td-post-date", com="comments",
               news="td-newsletter", foot="td-footer-wrapper", body="td-theme-wrap"),
    "jeg": dict(top="jeg_topbar", date="jeg_top_date", menu="jeg_menu jeg_main_menu",
                crumbs="jeg_breadcrumbs", art="content-inner jeg_content",
                title="jeg_post_title", meta="jeg_meta_date", author="jeg_meta_author",
                share="jeg_share_button", rel="jnews_related_post_container",
                relt="jeg_block_title", reli="jeg_post", reld="jeg_meta_date",
                com="jnews_comment_container", news="jeg_subscribe",
                foot="jeg_footer", body="jeg_viewport"),
    "tie": dict(top="top-bar", date="tie-date", menu="main-menu menu", crumbs="breadcrumb",
                art="entry-content entry clearfix", title="post-title entry-title",
                meta="date meta-item", author="meta-author", share="share-buttons",
                rel="related-posts-list", relt="the-global-title", reli="related-item",
                reld="date meta-item", com="comments-area", news="newsletter-widget",
                foot="site-footer", body="tie-container"),
    "drupal": dict(top="region-header-top", date="block-date", menu="menu--main",
                   crumbs="block-system-breadcrumb-block", art="node__content clearfix",
                   title="page-title", meta="node__submitted", author="field--name-uid",
                   share="block-addtoany", rel="view-most-read", relt="block-title",
                   reli="views-row", reld="views-field-created", com="comment-wrapper",
                   news="block-simplenews", foot="site-footer",
                   body="dialog-off-canvas-main-canvas"),
    "arc": dict(top="b-header-top", date="c-date", menu="b-header-nav-chain",
                crumbs="c-section-label", art="b-article-body", title="b-headline",
                meta="c-date b-date", author="b-byline", share="b-share-bar",
                rel="b-top-table-list", relt="b-header-title", reli="b-top-table-list-small",
                reld="c-date", com="b-comments", news="b-newsletter", foot="b-footer",
                body="fusion-app"),
    "urdu": dict(top="header-top-bar", date="current-date", menu="nav-menu", crumbs="breadcrumb",
                 art="detail-desc", title="detail-title", meta="detail-time",
                 author="detail-author", share="social-share", rel="more-news",
                 relt="section-heading", reli="more-news-item", reld="news-time",
                 com="fb-comments", news="app-download", foot="footer", body="wrapper"),
    "blogger": dict(top="header-outer", date="date-header", menu="PageList1 widget",
                    crumbs="breadcrumbs", art="post-body entry-content",
                    title="post-title entry-title", meta="post-timestamp",
                    author="post-author vcard", share="post-share-buttons",
                    rel="PopularPosts1 widget", relt="title", reli="item-title",
                    reld="item-date", com="comments", news="FollowByEmail1 widget",
                    foot="footer-outer", body="outer-wrapper"),
    "penci": dict(top="penci-top-bar", date="penci-topbar-date", menu="penci-menu-top",
                  crumbs="penci-breadcrumb", art="inner-post-entry entry-content",
                  title="post-title single-post-title", meta="post-box-meta-single",
                  author="author-post byline", share="post-share penci-social-share",
                  rel="post-related", relt="post-title-box", reli="item-related",
                  reld="penci-post-date", com="post-comments", news="penci-mailchimp",
                  foot="footer-section", body="wrapper-boxed"),
}


def stamp_of(page):
    return f"{page.own}T{page.hour:02d}:{page.minute:02d}:00+00:00"


def head_meta(page):
    """<head> lines: the theme's SEO metadata; a dated page with meta og also states its day
    in article:published_time and JSON-LD."""
    esc, spec = F.esc, page.spec
    out = [f'<meta property="og:site_name" content="{esc(page.head[0])}">',
           '<meta property="og:type" content="article">',
           f'<meta property="og:title" content="{esc(page.headline)}">',
           f'<meta property="og:url" content="{esc(page.url)}">']
    if page.own and spec.get("meta") == "og":
        out.append(f'<meta property="article:published_time" content="{stamp_of(page)}">')
        ld = {"@context": "https://schema.org", "@type": "NewsArticle",
              "headline": page.headline, "datePublished": stamp_of(page),
              "author": {"@type": "Person", "name": page.author},
              "publisher": {"@type": "Organization", "name": page.head[0]}}
    else:
        ld = {"@context": "https://schema.org", "@type": "WebPage", "name": page.headline,
              "publisher": {"@type": "Organization", "name": page.head[0]}}
    out.append('<script type="application/ld+json">'
               + json.dumps(ld, ensure_ascii=False).replace("</", "<\\/") + "</script>")
    return out


def saver_mark(page):
    """What the saving tool writes into the file: SingleFile's and HTTrack's comments name
    the save time (the scrape day, also in the theme's date bar); a complete save names the
    URL only; wget writes nothing."""
    tool, d = page.spec.get("tool"), datetime.date.fromisoformat(page.scrape_day)
    hms = f"{page.scrape_hour:02d}:{page.scrape_minute:02d}:{(7 * page.k) % 60:02d}"
    if tool == "singlefile":
        return [f"<!--\n Page saved with SingleFile \n url: {page.url} \n saved date: "
                f"{d:%a} {d:%b} {d.day:02d} {d.year} {hms} GMT+0000 (Coordinated Universal "
                f"Time)\n-->"]
    if tool == "httrack":
        return [f"<!-- Mirrored from www.{page.spec['site']}/news/{page.slug[:50].rstrip('-')}"
                f" by HTTrack Website Copier/3.x [XR&CO'2014], {d:%a}, {d.day:02d} {d:%b} "
                f"{d.year} {hms} GMT -->"]
    if tool == "complete":
        return [f"<!-- saved from url=({len(page.url):04d}){page.url} -->"]
    return []


def story_html(page, c):
    esc, spec = F.esc, page.spec
    out = ['<article class="post type-post status-publish">',
           f'<header class="entry-header"><h1 class="{c["title"]}">{esc(page.headline)}</h1>']
    for ln in F22.header_lines(page):
        if page.own and spec["own"] == "under" and ln == own_line(page):
            if spec.get("meta") == "time":
                out.append(f'<div class="{c["meta"]}"><time class="entry-date published" '
                           f'datetime="{stamp_of(page)}">{esc(ln)}</time></div>')
            else:
                out.append(f'<div class="{c["meta"]}">{esc(ln)}</div>')
        else:
            out.append(f'<div class="{c["author"]}">{esc(ln)}</div>')
    out += ["</header>", f'<div class="{c["art"]}">']
    return out + [f"<p>{esc(p)}</p>" for p in page.paras] + ["</div>", "</article>"]


def boxes_html(page, c):
    esc, out = F.esc, []
    for kind, lines in page.boxes:
        if kind == "share":
            out += [f'<div class="{c["share"]}"><span class="share-title">{esc(lines[0][0])}'
                    f'</span>', "<ul>"] + [f'<li><a href="#" rel="nofollow">{esc(x)}</a></li>'
                                           for x in [lines[1][0]]] + ["</ul>", "</div>"]
        elif kind == "comments":
            out += [f'<div id="comments" class="{c["com"]}">',
                    f'<h3 class="comment-reply-title">{esc(lines[0][0])}</h3>',
                    '<ol class="comment-list">']
            for i in range(1, len(lines), 3):
                who, when, said = (x[0] for x in lines[i:i + 3])
                out += [f'<li id="comment-{page.num + i}" class="comment">',
                        f'<div class="comment-author vcard"><b class="fn">{esc(who)}</b></div>',
                        f'<div class="comment-metadata"><a href="#comment-{page.num + i}">'
                        f'{esc(when)}</a></div>',
                        f'<div class="comment-content"><p>{esc(said)}</p></div>', "</li>"]
            out += ["</ol>", "</div>"]
        else:
            out += [f'<div class="{c["news"]}"><h4>{esc(lines[0][0])}</h4>',
                    '<form><input type="email" name="email"><button>OK</button></form></div>']
    return out


def related_html(page, c):
    esc = F.esc
    if not page.sidebar_label:
        return []
    out = [f'<div class="{c["rel"]}">', f'<h4 class="{c["relt"]}"><span>'
           f'{esc(page.sidebar_label)}</span></h4>']
    for i, (t, dt, _te, _iso) in enumerate(page.sidebar):
        out.append(f'<div class="{c["reli"]}"><h3 class="entry-title">'
                   f'<a href="/{page.num + 29 * i}/">{esc(t)}</a></h3>'
                   + (f'<span class="{c["reld"]}">{esc(dt)}</span>' if dt else "") + "</div>")
    return out + ["</div>"]


def crumbs(page):
    """The breadcrumb trail: home, then the first section of the menu."""
    home = "Home" if page.spec["lang"] == "en" else "ہوم"
    return [home, next(x for x in page.head[1:] if x != home)]


def html_page(page):
    esc, spec = F.esc, page.spec
    c = THEMES[spec["theme"]]
    b = [f'<div id="page" class="{c["body"]}">']
    if page.tool:
        b += [f'<div class="{c["top"]}"><div class="{c["date"]}">{esc(page.tool[0][0])}</div>'
              "</div>"]
    b += [f'<header id="masthead" class="site-header"><div class="site-branding">'
          f'<a href="/" rel="home">{esc(page.head[0])}</a></div>',
          f'<nav class="main-navigation"><ul class="{c["menu"]}">']
    b += [f'<li class="menu-item"><a href="/{i}/">{esc(x)}</a></li>'
          for i, x in enumerate(page.head[1:])]
    b += ["</ul></nav></header>",
          f'<div class="{c["crumbs"]}">' + " › ".join(
              f'<a href="/">{esc(x)}</a>' for x in crumbs(page)) + "</div>",
          '<div id="content" class="site-content"><main id="main" class="site-main">']
    b += story_html(page, c)
    b += boxes_html(page, c)
    b += related_html(page, c)
    b += ["</main></div>", f'<footer id="colophon" class="{c["foot"]}">']
    b += [f"<p>{esc(x)}</p>" for x in page.tail] + ["</footer>", "</div>"]
    lang = spec["lang"]
    name = page.head[0]
    title = f"{page.headline} - {name}" if lang == "en" else f"{page.headline} | {name}"
    rtl = ' dir="rtl"' if lang == "ur" else ""
    mark = saver_mark(page)
    doc = (["<!DOCTYPE html>"] + (mark if spec.get("tool") == "complete" else [])
           + [f'<html lang="{lang}"{rtl}>'] + (mark if spec.get("tool") != "complete" else []))
    head = (doc + ["<head>", '<meta charset="utf-8">',
               '<meta name="viewport" content="width=device-width, initial-scale=1">',
               f"<title>{esc(title)}</title>", f'<link rel="canonical" href="{esc(page.url)}">']
            + head_meta(page) + ["</head>", '<body class="post-template-default single">'])
    if spec.get("tool") == "complete":
        stem = page_path(page).rsplit("/", 1)[1][:-5]
        head.insert(-2, f'<link rel="stylesheet" href="./{esc(stem)}_files/style.css">')
    if spec.get("tool") == "httrack":
        head.insert(head.index("<head>") + 1, '<meta http-equiv="content-type" content="text/html;'
                    'charset=utf-8" /><!-- /Added by HTTrack -->')
    if spec.get("tool") == "singlefile":
        head.insert(-2, "<style>body{margin:0}</style>")
    return "\n".join(head + b + ["</body>", "</html>"]) + "\n"


def render_text(page):
    """The page as its tool saved it as text: savetext (a browser's "Save as text": the visible
    lines), lynx (lynx -dump: numbered links, wrapped paragraphs, References), markdown
    (html2text)."""
    kind, en = page.spec["kind"], page.spec["lang"] == "en"
    story = [page.headline] + F22.header_lines(page)
    top = [ln for ln, _ in page.tool]
    menu = page.head[1:]
    boxes = [[ln for ln, _iso, _s in lines] for _kind, lines in page.boxes]
    side = [(t, dt) for t, dt, _te, _ in page.sidebar]
    cr = " › ".join(crumbs(page))
    if kind == "savetext":
        chunks = ["\n".join(top + [page.head[0]] + menu), cr, "\n".join(story)]
        chunks += list(page.paras) + ["\n".join(x) for x in boxes]
        if page.sidebar_label:
            chunks.append("\n".join([page.sidebar_label] + [
                "\n".join([t] + ([dt] if dt else [])) for t, dt in side]))
        chunks.append("\n".join(page.tail))
    elif kind == "lynx":
        refs, n = [], 0
        def ln(text, url):
            nonlocal n
            n += 1
            refs.append(f"{n:4d}. {url}")
            return f"[{n}]{text}"
        host = page.url.split("/")[2]
        chunks = ["   " + "\n   ".join(top) if top else "",
                  "   " + ln(page.head[0], f"https://{host}/") + "\n\n     * "
                  + "\n     * ".join(ln(x, f"https://{host}/{i}/") for i, x in enumerate(menu)),
                  "   " + " › ".join(ln(x, f"https://{host}/") for x in crumbs(page)),
                  "   " + page.headline + "".join("\n\n   " + x for x in story[1:])]
        chunks += ["\n".join("   " + x for x in p.split("\n"))
                   for p in F25.wrap(page.paras, 74)]
        chunks += ["\n".join("   " + x for x in box) for box in boxes]
        if page.sidebar_label:
            chunks.append("   " + page.sidebar_label + "\n\n" + "\n".join(
                "     * " + ln(t, f"https://{host}/{page.num + 29 * i}/")
                + (f"\n       {dt}" if dt else "") for i, (t, dt) in enumerate(side)))
        chunks.append("\n".join("   " + x for x in page.tail))
        chunks.append("References\n\n" + "\n".join(refs))
    else:  # markdown
        host = page.url.split("/")[2]
        chunks = ["\n".join(top), f"[{page.head[0]}](https://{host}/)",
                  "\n".join(f"  * [{x}](https://{host}/{i}/)" for i, x in enumerate(menu)),
                  " › ".join(f"[{x}](https://{host}/)" for x in crumbs(page)),
                  "# " + page.headline + ("\n\n" + "\n".join(story[1:]) if story[1:] else "")]
        chunks += list(page.paras)
        chunks += ["\n\n".join(box) for box in boxes]
        if page.sidebar_label:
            chunks.append("#### " + page.sidebar_label + "\n\n" + "\n".join(
                f"  * [{t}](https://{host}/{page.num + 29 * i}/)" + (f"  \n{dt}" if dt else "")
                for i, (t, dt) in enumerate(side)))
        chunks.append("\n".join(page.tail))
    return "\n\n".join(c for c in chunks if c) + "\n"


def render(page):
    text = html_page(page) if page.spec["fmt"] == "html" else render_text(page)
    return text, F22.phrase_blocks(page)


# ----------------------------------------------------------------------------- checks

def self_check(rendered, labels):
    """fresh22's checks of the labels against the pages (see README.md "The twenty-ninth
    set"); exits with the failures, else returns a summary line."""
    try:
        return F22.self_check(rendered, labels)
    except SystemExit as e:
        raise SystemExit(str(e).replace("fresh22 self-check", "fresh28 self-check")) from None


def main(shared, out):
    F22.SEEN.clear()
    G.generate_set("fresh28", SITES, SEED_FRESH28, FRESH28_SALT, site_pages, render,
                   page_path, self_check, shared, out, nth=0)
