// Dates of HTML pages come from the article, decided by structure (issue 13): never from a
// sidebar, nav, footer, complementary block or a list after the story; from metadata, a <time> in
// the article, or a dateline beside the headline.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include "records/html_extractor.h"

#include "test_support.h"

using khabar::records::extract_article;
using khabar::records::ExtractedPage;
using khabar::test::run_khabar;
namespace fs = std::filesystem;

namespace {

std::string page(const std::string& head, const std::string& body, const char* lang = "en") {
    return std::string("<!DOCTYPE html><html lang=\"") + lang + "\"><head>" + head +
           "</head><body>" + body + "</body></html>";
}

/// A 2017 wire story without a date of its own: headline and three paragraphs.
const std::string kHeadline = "<h1>Facebook deletes fake accounts before the French vote</h1>";
const std::string kParagraphs =
    "<p>Facebook said on Thursday it had taken action against tens of thousands of fake accounts "
    "in France, as the social network steps up efforts to stop the spread of misinformation and "
    "propaganda ahead of the presidential election in the country later this month.</p>"
    "<p>The company said its systems had identified the accounts by spotting patterns of "
    "activity, such as repeated posting of the same content, without reading the messages "
    "themselves, and that the most prolific of them had been removed first.</p>"
    "<p>Officials in Paris welcomed the move but said more needed to be done by the large "
    "platforms before the second round of voting, when the two remaining candidates meet.</p>";

/// The seed's sidebar: an editorial list with its dates.
const std::string kAside =
    "<aside class=\"sidebar\"><h2>Opinion</h2><h2>Editorial</h2><ul>"
    "<li><a href=\"/e/1\">Punishing evaders of the tax net</a></li>"
    "<li class=\"date\"><span class=\"date\">Updated 03 May, 2024</span></li>"
    "<li><a href=\"/e/2\">A budget that nobody wanted to read</a></li>"
    "<li class=\"date\"><span class=\"date\">02 May, 2024</span></li></ul></aside>";

/// An article element holding the story, followed by `after`.
std::string story_then(const std::string& after) {
    return "<article>" + kHeadline + kParagraphs + "</article>" + after;
}

/// The same story in plain divs (no article element), followed by `after`.
std::string div_story_then(const std::string& after) {
    return "<div class=\"main\"><div class=\"story\">" + kHeadline + kParagraphs + "</div>" +
           after + "</div>";
}

bool has_note(const ExtractedPage& p, const std::string& part) {
    for (const std::string& n : p.date_notes)
        if (n.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_SUITE("html dates by structure") {
    TEST_CASE("dates only in chrome leave the page undated") {
        const std::vector<std::pair<const char*, std::string>> pages = {
            {"aside sidebar", story_then(kAside)},
            {"Urdu aside",
             story_then("<aside><h3>تازہ ترین</h3><ul><li><a href=\"/u/1\">حکومت نے نئی "
                        "پالیسی کا اعلان کر دیا</a> <span class=\"date\">27 نومبر 2024</span></li>"
                        "<li><a href=\"/u/2\">بارش سے شہر میں نظام زندگی متاثر</a> "
                        "<span class=\"date\">۳ دسمبر ۲۰۲۴</span></li></ul></aside>")},
            {"teaser article in an aside",
             story_then("<aside><article class=\"card\"><h3><a href=\"/t\">Budget talks stall "
                        "again</a></h3><time datetime=\"2024-05-02\">2 May 2024</time></article>"
                        "</aside>")},
            {"nav",
             "<nav><a href=\"/\">Home</a> <span class=\"date\">Thursday, 02 May, "
             "2024</span></nav>" +
                 story_then("")},
            {"footer", story_then("<footer><p class=\"date\">May 2, 2024</p><p>Copyright</p>"
                                  "</footer>")},
            {"role=complementary",
             div_story_then("<div role=\"complementary\"><span class=\"post-date\">2 May 2024"
                            "</span></div>")},
            {"most-read list after the story",
             div_story_then("<div class=\"col\"><h3>Most read</h3><ul><li><a href=\"/m/1\">"
                            "Prices rise again in the city markets</a> <span class=\"date\">02 "
                            "May, 2024</span></li><li><a href=\"/m/2\">Rains lash the coast for a "
                            "third day</a> <span class=\"date\">01 May, 2024</span></li></ul>"
                            "</div>")},
            {"related block", story_then("<div class=\"related-stories\"><a href=\"/r\">Budget "
                                         "talks</a> <span class=\"date\">02 May, 2024</span>"
                                         "</div>")},
            {"teaser cards marked up as <article> around a story in divs",
             "<div class=\"grid\"><article class=\"c\"><h3><a href=\"/t/1\">Budget talks "
             "stall again in the capital</a></h3><time datetime=\"2024-05-02\">2 May</time>"
             "</article><article class=\"c\"><h3><a href=\"/t/2\">Rains lash the coast for a "
             "third day</a></h3><time datetime=\"2024-05-01\">1 May</time></article></div>" +
                 div_story_then("")},
            {"plain block after the story",
             div_story_then("<div class=\"col-4\"><h3>Opinion</h3><div><a href=\"/o\">Punishing "
                            "evaders</a><span class=\"date\">02 May, 2024</span></div></div>")},
        };
        for (const auto& [name, body] : pages) {
            CAPTURE(name);
            const ExtractedPage p = extract_article(page("", body), "");
            CHECK(p.date_text == "");
            CHECK(p.date_field == "");
            CHECK(has_note(p, "no date of its own"));
            CHECK(has_note(p, "refused"));
        }
        const ExtractedPage p = extract_article(page("", story_then(kAside)), "");
        CHECK(has_note(p, "refused html:dateline \"Updated 03 May, 2024\" (in <aside>)"));
    }

    TEST_CASE("a <time> or dateline of the article's own dates it") {
        // <time> in the article's header, the sidebar after it.
        ExtractedPage p = extract_article(
            page("", "<article><header>" + kHeadline +
                         "<time datetime=\"2017-05-13\">13 May 2017</time></header>" + kParagraphs +
                         "</article>" + kAside),
            "");
        CHECK(p.date_text == "2017-05-13");
        CHECK(p.date_field == "html:time");
        CHECK(has_note(p, "chosen html:time \"2017-05-13\" (in the article)"));
        // A byline with a dateline beside the headline, no article element.
        p = extract_article(page("", "<div class=\"story\">" + kHeadline +
                                         "<div class=\"byline\">By Reuters <span "
                                         "class=\"date\">May 13, 2017</span></div>" +
                                         kParagraphs + "</div>" + kAside),
                            "");
        CHECK(p.date_text == "May 13, 2017");
        CHECK(p.date_field == "html:dateline");
        CHECK(has_note(p, "(beside the title)"));
        // A dateline above the headline, in the same header block.
        p = extract_article(page("", "<div class=\"head\"><span class=\"date\">13 May 2017</span>" +
                                         kHeadline + "</div>" + kParagraphs + kAside),
                            "");
        CHECK(p.date_text == "13 May 2017");
        // A standfirst between the headline and the byline's date.
        p = extract_article(
            page("", kHeadline +
                         "<p class=\"standfirst\">The social network says it acted against "
                         "tens of thousands of accounts in France.</p><p class=\"meta\"><span "
                         "class=\"date\">13 May 2017</span></p>" +
                         kParagraphs + kAside),
            "");
        CHECK(p.date_text == "13 May 2017");
        // Urdu: the dateline under the headline counts, the sidebar's does not.
        p = extract_article(
            page("",
                 "<article><h1>فیس بک نے جعلی اکاؤنٹس ختم کر دیے</h1><span "
                 "class=\"date\">13 مئی 2017</span><p>فیس بک نے جمعرات کو کہا کہ اس نے فرانس میں "
                 "دسیوں ہزار جعلی اکاؤنٹس کے خلاف کارروائی کی ہے تاکہ انتخابات سے پہلے غلط "
                 "معلومات کے پھیلاؤ کو روکا جا سکے۔</p></article><aside><span class=\"date\">27 "
                 "نومبر 2024</span></aside>",
                 "ur"),
            "");
        CHECK(p.date_text == "13 مئی 2017");
        // A microformat date (hAtom): the full date is the title of an <abbr class="published">.
        p = extract_article(
            page("",
                 "<article><h1 class=\"entry-title\">Facebook deletes fake accounts</h1>"
                 "<abbr class=\"published\" title=\"2017-05-13T10:30:00\">May 13</abbr>" +
                     kParagraphs + "</article>" + kAside),
            "");
        CHECK(p.date_text == "2017-05-13T10:30:00");
        CHECK(p.date_field == "html:time");
        // Not one in the sidebar.
        p = extract_article(page("", story_then("<aside><abbr class=\"published\" "
                                                "title=\"2024-05-02\">May 2</abbr></aside>")),
                            "");
        CHECK(p.date_text.empty());
    }

    TEST_CASE("a page builder's blocks (Elementor) are no sidebar widgets") {
        // Elementor wraps every part of a post in "elementor-widget" blocks: the title, the post
        // info list with the author and the date, the content, and a posts widget after it.
        const std::string posts =
            "<div class=\"elementor-widget elementor-widget-posts\"><h2>Latest Posts</h2>"
            "<article class=\"elementor-post\"><h3><a href=\"/1\">Weekly inflation eases</a></h3>"
            "<span class=\"date\">Apr 12, 2027</span></article></div>";
        ExtractedPage p = extract_article(
            page("",
                 "<div data-elementor-type=\"single-post\" class=\"elementor\">"
                 "<div class=\"elementor-widget elementor-widget-theme-post-title\"><div "
                 "class=\"elementor-widget-container\">" +
                     kHeadline +
                     "</div></div><div class=\"elementor-widget elementor-widget-post-info\"><ul "
                     "class=\"elementor-inline-items elementor-post-info\"><li "
                     "class=\"elementor-post-info__item--type-author\">By Reuters</li><li "
                     "class=\"elementor-post-info__item--type-date\"><div "
                     "class=\"dateline\">May 13, 2017</div></li></ul></div><div "
                     "class=\"elementor-widget elementor-widget-theme-post-content\"><div "
                     "class=\"elementor-widget-container\">" +
                     kParagraphs + "</div></div>" + posts + "</div>"),
            "");
        CHECK(p.date_text == "May 13, 2017");
        // Without the post's own date, the posts widget's date does not date it.
        p = extract_article(page("",
                                 "<div class=\"elementor\"><div class=\"elementor-widget "
                                 "elementor-widget-theme-post-content\">" +
                                     kHeadline + kParagraphs + "</div>" + posts + "</div>"),
                            "");
        CHECK(p.date_text.empty());
        // Its posts grid above the story is still a widget (found in review: its dates dated the
        // page once the builder's class was read as no widget at all).
        p = extract_article(
            page("", "<div class=\"elementor\">" + posts +
                         "<div class=\"elementor-widget elementor-widget-theme-post-content\">" +
                         kHeadline + kParagraphs + "</div></div>"),
            "");
        CHECK(p.date_text.empty());
        // A sidebar widget of the builder is still one.
        p = extract_article(
            page("", story_then("<div class=\"elementor-widget elementor-widget-sidebar\"><span "
                                "class=\"date\">02 May, 2024</span></div>")),
            "");
        CHECK(p.date_text.empty());
    }

    TEST_CASE("the article's own <footer> may date it; the site's footer not") {
        ExtractedPage p = extract_article(
            page("", "<article>" + kHeadline + kParagraphs +
                         "<footer class=\"entry-footer\"><p class=\"posted-on\">Posted on 13 May "
                         "2017</p></footer></article><footer class=\"site-footer\"><p "
                         "class=\"posted-on\">Posted on 2 May 2024</p></footer>"),
            "");
        CHECK(p.date_text == "Posted on 13 May 2017");
        p = extract_article(page("", story_then("<footer class=\"site-footer\"><p "
                                                "class=\"posted-on\">Posted on 2 May "
                                                "2024</p></footer>")),
                            "");
        CHECK(p.date_text.empty());
        // A reader's comment (an <article> with its own <footer>) and teaser cards' footers
        // inside the article are not the article's.
        p = extract_article(
            page("", "<article>" + kHeadline +
                         "<div class=\"entry-meta\"><span class=\"date\">13 May 2017</span></div>" +
                         kParagraphs +
                         "<section class=\"comments\"><article class=\"comment\"><footer><time "
                         "datetime=\"2025-02-11\">February 11, 2025</time></footer><p>Thank "
                         "you.</p></article></section><div class=\"card\"><div "
                         "class=\"card-footer\"><time datetime=\"2023-08-14\">14 August "
                         "2023</time></div></div></article>"),
            "");
        CHECK(p.date_text == "13 May 2017");
    }

    TEST_CASE("a date line of no known class beside the headline dates it, elsewhere not") {
        // A sidebar of unclassed divs after the story (its dates must never count).
        const std::string soup =
            "<div><div><b>Popular</b></div><div><div><a href=\"/a/1\">Budget talks stall "
            "again</a></div><div>02 May, 2024</div></div><div><div><a href=\"/a/2\">Rains lash "
            "the coast again</a></div><div>01 May, 2024</div></div></div>";
        // English: a "Published ... at ..." line in the <header> of <article>.
        ExtractedPage p = extract_article(
            page("", "<article><header>" + kHeadline +
                         "<div class=\"meta\">Published May 13, 2017 at 10:44 am</div></header>" +
                         kParagraphs + "</article>" + soup),
            "");
        CHECK(p.date_text == "Published May 13, 2017 at 10:44 am");
        CHECK(p.date_field == "html:dateline");
        CHECK(has_note(p, "(in the article)"));
        // Urdu: an update line with Urdu digits under the headline, no metadata, all divs.
        p = extract_article(
            page("",
                 "<div><div><h1>فیس بک نے جعلی اکاؤنٹس ختم کر دیے</h1><div>اپ ڈیٹ ۱۳ مئی ۲۰۱۷ "
                 "۱۶:۴۲</div></div><p>فیس بک نے جمعرات کو کہا کہ اس نے فرانس میں دسیوں ہزار جعلی "
                 "اکاؤنٹس کے خلاف کارروائی کی ہے تاکہ انتخابات سے پہلے غلط معلومات کے پھیلاؤ کو "
                 "روکا جا سکے۔</p></div>" +
                     soup,
                 "ur"),
            "");
        CHECK(p.date_text == "اپ ڈیٹ ۱۳ مئی ۲۰۱۷ ۱۶:۴۲");
        CHECK(p.date_field == "html:dateline");
        // No date of its own: the unclassed sidebar before and after the story dates nothing.
        p = extract_article(page("", soup + div_story_then(soup)), "");
        CHECK(p.date_text == "");
        // A date line inside the article but below its first paragraphs is not its header.
        p = extract_article(page("", "<article>" + kHeadline + kParagraphs +
                                         "<div>02 May, 2024</div>" + kParagraphs + "</article>"),
                            "");
        CHECK(p.date_text == "");
        CHECK(has_note(p, "refused html:dateline \"02 May, 2024\" (not beside the title)"));
    }

    TEST_CASE("metadata still wins over the article's visible dates") {
        const ExtractedPage p = extract_article(
            page("<meta property=\"article:published_time\" content=\"2017-05-12T08:00:00Z\">",
                 "<article><header>" + kHeadline +
                     "<time datetime=\"2017-05-13\">13 May 2017</time></header>" + kParagraphs +
                     "</article>" + kAside),
            "");
        CHECK(p.date_text == "2017-05-12T08:00:00Z");
        CHECK(p.date_field == "meta:article:published_time");
        CHECK(has_note(p, "(page metadata)"));
    }

    TEST_CASE("the URL date is the page's own or canonical URL's, never a link's") {
        const std::string links = story_then(
            "<ul><li><a href=\"https://example.com/2024/05/02/budget-talks\">Budget talks stall "
            "again</a></li><li><a href=\"/2024/05/03/rains\">Rains lash the coast again</a>"
            "</li></ul>");
        ExtractedPage p = extract_article(page("", links), "");
        CHECK(p.date_text == "");
        p = extract_article(
            page("<link rel=\"canonical\" href=\"https://example.com/2017/05/13/facebook\">",
                 links),
            "");
        CHECK(p.date_text == "2017-05-13");
        CHECK(p.date_field == "url");
        CHECK(has_note(p, "(the page's canonical URL)"));
    }

    TEST_CASE("a Blogger date header above the post dates it, before a URL of only a month") {
        const std::string blogger =
            "<div class=\"date-outer\"><h2 class=\"date-header\"><span>ہفتہ، 1 نومبر، 2025"
            "</span></h2><div class=\"post hentry\">" +
            kHeadline + "<div class=\"post-body\">" + kParagraphs + "</div></div></div>";
        ExtractedPage p = extract_article(
            page("<link rel=\"canonical\" href=\"https://example.pk/2025/11/post.html\">", blogger),
            "");
        CHECK(p.date_text == "ہفتہ، 1 نومبر، 2025");
        CHECK(p.date_field == "html:dateline");
        // Without the header, the URL's month.
        p = extract_article(
            page("<link rel=\"canonical\" href=\"https://example.pk/2025/11/post.html\">",
                 div_story_then("")),
            "");
        CHECK(p.date_text == "2025-11");
        // A site's "today's date" bar above the content is not the post's date header, and a
        // dateline of another month does not replace the URL's month.
        const std::string date_bar =
            "<div id=\"top\"><a href=\"/\">Home</a></div><div class=\"date\">Monday, December 7, "
            "2026</div><div id=\"content\">" +
            div_story_then("") + "</div>";
        p = extract_article(
            page("<link rel=\"canonical\" href=\"https://example.pk/2019/03/tariff.html\">",
                 date_bar),
            "");
        CHECK(p.date_text == "2019-03");
        p = extract_article(page("", date_bar), "");
        CHECK(p.date_text == "");
        // A short block of linked teasers right above the story is not a date header.
        p = extract_article(page("",
                                 "<div><a href=\"/t\">Rains lash the coast</a> "
                                 "<span class=\"date\">1 May 2024</span></div>" +
                                     div_story_then("")),
                            "");
        CHECK(p.date_text == "");
    }

    TEST_CASE("JSON-LD teasers in an item list do not date the page") {
        const std::string list =
            "<script type=\"application/ld+json\">{\"@type\":\"ItemList\",\"itemListElement\":"
            "[{\"@type\":\"NewsArticle\",\"headline\":\"Budget talks\",\"datePublished\":"
            "\"2024-05-02\"}]}</script>";
        const ExtractedPage p = extract_article(page(list, story_then(kAside)), "");
        CHECK(p.date_text == "");
    }
}

TEST_CASE("end to end: a page dated only by its sidebar indexes as undated") {
    const fs::path dir = khabar::test::fresh_tmp_dir("html-dates");
    fs::create_directories(dir / "pages");
    std::ofstream(dir / "pages" / "story.html") << page(
        "<title>Facebook deletes fake accounts "
        "before the French vote</title>",
        story_then(kAside));
    const std::string db = (dir / "db").string();
    REQUIRE(run_khabar({"index", "--db", db, (dir / "pages").string()}).exit_code == 0);
    const auto found = run_khabar({"search", "--db", db, "--json", "misinformation"});
    REQUIRE(found.exit_code == 0);
    const std::vector<std::string> ids = khabar::test::hit_ids_of(found.out);
    REQUIRE(ids.size() == 1);
    const auto in_2024 = run_khabar(
        {"search", "--db", db, "--json", "--since", "2024", "--until", "2024", "misinformation"});
    CHECK(khabar::test::hit_ids_of(in_2024.out).empty());
    const auto shown = run_khabar({"show", "--db", db, ids[0]});
    REQUIRE(shown.exit_code == 0);
    CHECK(shown.out.find("undated") != std::string::npos);
    // The sidebar's dates appear only in the notes that say why they were refused.
    CHECK(shown.out.find("dating   no date of its own") != std::string::npos);
    CHECK(shown.out.find("refused html:dateline \"Updated 03 May, 2024\" (in <aside>)") !=
          std::string::npos);
    const auto json = run_khabar({"show", "--db", db, "--json", ids[0]});
    REQUIRE(json.exit_code == 0);
    const auto article = nlohmann::json::parse(json.out);
    CHECK(article["date"].is_null());
    CHECK(article["date_notes"].size() >= 2);
}

TEST_CASE("end to end: a clipped text page is dated by its story, not by when it was clipped") {
    // Two pages of a site saved with a web clipper: its address and the time of clipping above
    // each page, then the site's menu, the headline, the byline's date and the story.
    const fs::path dir = khabar::test::fresh_tmp_dir("clipped-pages");
    fs::create_directories(dir / "clippings");
    const char* const stories[][4] = {
        {"barclays-names-chief", "Friday, June 26, 2026 at 6:23 PM", "April 7, 1987",
         "Barclays Bank said it has promoted John Kerslake to chief executive officer."},
        {"canadair-studies-stretch", "Saturday, June 27, 2026 at 9:02 AM", "March 23, 1987",
         "Canadair said it is studying a stretched version of its Challenger jet."}};
    for (const auto& s : stories) {
        std::ofstream(dir / "clippings" / (std::string(s[0]) + ".txt"))
            << "Source: https://nypost.com/1987/" << s[0] << "/\nClipped: " << s[1]
            << "\n\nSkip to main content\nSections\nNews\nMetro\n\nHeadline of " << s[0]
            << "\nBy Reuters\nPublished " << s[2] << ", 10:33 a.m. ET\n\n"
            << s[3] << "\n";
    }
    const std::string db = (dir / "db").string();
    REQUIRE(run_khabar({"index", "--db", db, (dir / "clippings").string()}).exit_code == 0);
    const auto in_2026 =
        run_khabar({"search", "--db", db, "--json", "--since", "2026", "--until", "2026", "said"});
    CHECK(khabar::test::hit_ids_of(in_2026.out).empty());
    const auto in_1987 =
        run_khabar({"search", "--db", db, "--json", "--since", "1987", "--until", "1987", "said"});
    CHECK(khabar::test::hit_ids_of(in_1987.out).size() == 2);
    const auto exported = run_khabar({"export", "--db", db});
    REQUIRE(exported.exit_code == 0);
    CHECK(exported.out.find("https://nypost.com/1987/barclays-names-chief/") != std::string::npos);
    CHECK(exported.out.find("Clipped") == std::string::npos);
}
