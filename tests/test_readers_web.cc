/** @file
 * @brief Tests for the web and collection readers: the HTML article extractor (field precedence,
 *        main text), charset decoding (Windows-1252, Windows-1256 built with ICU), WARC/ARC
 *        records (inline and the warcio samples in ../shared), TREC SGML, SMART (CACM), Makhzan
 *        XML (read from ../shared, never copied) and the folder-as-section rule of the text reader.
 *
 * HTML snippets are small excerpts of pages in ../shared/corpora/article-extraction (the page's
 * host is named next to each); the TREC sample is Reuters-21578 text (NEWID 1 and 2) rewritten in
 * TREC layout; the SMART sample is two CACM records.
 */
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "articles/article_finisher.h"
#include "entries/entry_walker.h"
#include "reader_doubles.h"
#include "records/charset.h"
#include "records/html_extractor.h"
#include "records/record_reader.h"
#include "test_support.h"
#include "utf8.h"

using namespace khabar;
using records::extract_article;
using records::ExtractedPage;
namespace fs = std::filesystem;
using khabar::test::CollectSink;
using khabar::test::StringStream;

namespace {

/// Reads `data` as the entry `path` of dump.tar (small chunks cross buffer boundaries).
CollectSink read_string(const std::string& path, const std::string& data, std::size_t chunk = 7,
                        const ReaderOptions& options = {}) {
    EntryInfo info{"dump.tar", path, static_cast<std::int64_t>(data.size())};
    StringStream stream(data, chunk);
    CollectSink sink;
    read_entry(info, stream, options, sink);
    return sink;
}

/// Walks a dump (decompressing as the indexer does) and reads every entry.
class ReadAll : public WalkEvents {
  public:
    void entry(const EntryInfo& info, EntryStream& data) override {
        read_entry(info, data, ReaderOptions{}, sink);
    }
    void error(const EntryInfo& /*info*/, const std::string& reason) override {
        errors.push_back(reason);
    }
    void skipped(const EntryInfo& /*info*/, const std::string& /*reason*/) override {}
    CollectSink sink;
    std::vector<std::string> errors;
};

ReadAll read_dump(const fs::path& p) {
    ReadAll r;
    walk_dump(p.string(), WalkLimits{}, r);
    return r;
}

/// UTF-8 text converted to another charset with ICU.
std::string encode(const std::string& utf8, const char* charset) {
    std::string out(utf8.size() * 4 + 16, '\0');
    UErrorCode ec = U_ZERO_ERROR;
    const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                   utf8.data(), static_cast<int32_t>(utf8.size()), &ec);
    REQUIRE(U_SUCCESS(ec));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

/// A page with `head` in <head> and `body` in <body>.
std::string page(const std::string& head, const std::string& body, const char* lang = "en") {
    return std::string("<!DOCTYPE html><html lang=\"") + lang + "\"><head>" + head +
           "</head><body>" + body + "</body></html>";
}

/// Real article text (www.detroitnews.com, ground truth of the article-extraction set).
const char* kDetroitParagraphs =
    "<p>Dekalb, Ill. — Mike Glass threw for three touchdowns and ran for another and Eastern "
    "Michigan rolled past Northern Illinois, 45-17, on Tuesday night.</p>"
    "<p>The Eagles (6-5, 3-4) snapped an 11-game losing streak to the Huskies (4-7, 3-4) dating "
    "to 2007 and ended NIU’s title hopes in the Mid-American Conference West Division with one "
    "league game remaining.</p>"
    "<p>Eastern Michigan also became bowl-eligible for the second straight season, a program "
    "first.</p>";

/// The same article with page chrome around it.
std::string detroit_body() {
    return std::string(
               "<header><nav><a href=\"/\">Home</a> <a href=\"/sports\">Sports</a></nav></header>"
               "<div class=\"share-tools\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a>"
               "</div><article><h1>Tuesday's college football</h1>") +
           kDetroitParagraphs +
           "</article><aside class=\"related\"><ul><li><a href=\"/a\">Lions lose again to the "
           "Bears in overtime thriller</a></li></ul></aside>"
           "<footer><p>Copyright 2019 The Detroit News, a part of the USA TODAY network.</p>"
           "</footer><script>var tracking = {page: 'story'};</script>";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
TEST_SUITE("html extractor") {
    TEST_CASE("title precedence: og:title, JSON-LD headline, h1, <title> without the site") {
        // www.venturebeat.com: <title> carries " | VentureBeat", og:title does not.
        const std::string title =
            "<title>New York State Attorney General investigating WeWork "
            "and former CEO | VentureBeat</title>";
        const std::string og =
            "<meta property=\"og:title\" content=\"New York State Attorney "
            "General investigating WeWork and former CEO\">";
        const std::string ld =
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
            "\"@type\":\"NewsArticle\",\"headline\":\"JSON-LD headline of the WeWork story\"}"
            "</script>";
        const std::string h1 = "<h1>WeWork under investigation</h1>";
        ExtractedPage p = extract_article(page(title + og + ld, h1), "");
        CHECK(p.title == "New York State Attorney General investigating WeWork and former CEO");
        CHECK(p.title_field == "meta:og:title");
        p = extract_article(page(title + ld, h1), "");
        CHECK(p.title == "JSON-LD headline of the WeWork story");
        CHECK(p.title_field == "jsonld:headline");
        p = extract_article(page(title, h1), "");
        CHECK(p.title == "WeWork under investigation");
        CHECK(p.title_field == "html:h1");
        p = extract_article(page(title, "<p>text</p>"), "");
        CHECK(p.title == "New York State Attorney General investigating WeWork and former CEO");
        CHECK(p.title_field == "html:title");
    }

    TEST_CASE("site names are stripped from titles: suffix, prefix, Dawn and Reuters") {
        // thespacereview.com: the site comes first.
        ExtractedPage p = extract_article(
            page("<title>The Space Review: Seeking a bigger role for a big rocket</title>", ""),
            "http://www.thespacereview.com/article/3835/1");
        CHECK(p.title == "The Space Review: Seeking a bigger role for a big rocket");
        p = extract_article(page("<title>Karachi attack: TTP owns responsibility - Dawn</title>"
                                 "<meta property=\"og:site_name\" content=\"Dawn\">",
                                 ""),
                            "");
        CHECK(p.title == "Karachi attack: TTP owns responsibility");
        p = extract_article(page("<title>Reuters | Oversupply angst drags oil lower, stocks drift "
                                 "near highs</title>",
                                 ""),
                            "https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W");
        CHECK(p.title == "Oversupply angst drags oil lower, stocks drift near highs");
        p = extract_article(page("<meta property=\"og:title\" content=\"Oversupply angst drags oil "
                                 "lower | Reuters\">",
                                 ""),
                            "https://www.reuters.com/article/x");
        CHECK(p.title == "Oversupply angst drags oil lower");
        // A dash inside a title that does not name the site stays.
        p = extract_article(
            page("<meta property=\"og:title\" content=\"Brexit - what happens next\">", ""), "");
        CHECK(p.title == "Brexit - what happens next");
        // A page that states no site and no URL may name itself by its host.
        p = extract_article(page("<title>awami-pukar.pk - Gold price jumps again</title>", ""), "");
        CHECK(p.title == "Gold price jumps again");
        p = extract_article(page("<title>Dawn.com - Gold price jumps again</title>", ""), "");
        CHECK(p.title == "Gold price jumps again");
        // Not a host: a dotted abbreviation, a version number; nor when the page names its host.
        p = extract_article(page("<title>U.S. - China trade talks resume</title>", ""), "");
        CHECK(p.title == "U.S. - China trade talks resume");
        p = extract_article(page("<title>Amazon.com - Q3 profit beats forecasts</title>", ""),
                            "https://www.reuters.com/article/x");
        CHECK(p.title == "Amazon.com - Q3 profit beats forecasts");
    }

    TEST_CASE("date precedence and where it came from") {
        const std::string ld =
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            "\"datePublished\":\"2019-11-19T07:03:25+00:00\"}</script>";
        const std::string meta =
            "<meta property=\"article:published_time\" content=\"2019-11-18T10:00:00+00:00\">";
        const std::string time = "<article><time datetime=\"2019-11-17\">Nov 17</time></article>";
        ExtractedPage p = extract_article(page(ld + meta, time), "");
        CHECK(p.date_text == "2019-11-19T07:03:25+00:00");
        CHECK(p.date_field == "jsonld:datePublished");
        p = extract_article(page(meta, time), "");
        CHECK(p.date_field == "meta:article:published_time");
        p = extract_article(page("<meta name=\"DC.date.issued\" content=\"2018-10-09\">", time),
                            "");
        CHECK(p.date_text == "2018-10-09");
        CHECK(p.date_field == "meta:dc.date.issued");
        p = extract_article(page("", time), "");
        CHECK(p.date_text == "2019-11-17");
        CHECK(p.date_field == "html:time");
        // www.detroitnews.com gives its date only in the URL.
        p = extract_article(page("", kDetroitParagraphs),
                            "https://www.detroitnews.com/story/sports/college/2019/11/19/"
                            "tuesdays-college-football/4244754002/");
        CHECK(p.date_text == "2019-11-19");
        CHECK(p.date_field == "url");
        // An unparseable candidate is passed over.
        p = extract_article(page("<meta name=\"pubdate\" content=\"soon\"><meta name=\"date\" "
                                 "content=\"2017-05-13\">",
                                 ""),
                            "");
        CHECK(p.date_text == "2017-05-13");
        CHECK(p.date_field == "meta:date");
    }

    TEST_CASE("a reading list's saved page: the day it was added is not the story's") {
        const std::string story =
            "<article class=\"content\"><p>Moody's Investors Service Inc said it may upgrade "
            "the ratings on Upjohn Co's 400 mln dlrs of debt, citing new products.</p></article>";
        auto entry = [&](const std::string& dates) {
            return page("",
                        "<div id=\"article\"><h1>Moody's May Upgrade Upjohn</h1>"
                        "<ul class=\"tools\">" +
                            dates + "<li>3 min read</li></ul>" + story + "</div>");
        };
        ExtractedPage p =
            extract_article(entry("<li class=\"created\">Added on 06/10/2026</li>"), "");
        CHECK(p.date_text.empty());
        p = extract_article(entry("<li class=\"created\">\u0645\u062d\u0641\u0648\u0638 "
                                  "\u06a9\u06cc\u0627 \u06af\u06cc\u0627 03/12/2026</li>"),
                            "");
        CHECK(p.date_text.empty());
        p = extract_article(entry("<li class=\"published\">Published on 02/03/1987</li>"
                                  "<li class=\"created\">Added on 06/10/2026</li>"),
                            "");
        CHECK(p.date_text.find("1987") != std::string::npos);
    }

    TEST_CASE("author, section, language, canonical URL and site") {
        const std::string ld =
            "<script type=\"application/ld+json\">[{\"@type\":\"WebSite\",\"name\":\"x\"},"
            "{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"MEG "
            "KINNARD\"},"
            "{\"@type\":\"Person\",\"name\":\"ERRIN HAINES\"}],\"articleSection\":[\"Politics\","
            "\"Elections\"],\"publisher\":{\"@type\":\"Organization\",\"name\":\"Connecticut "
            "Post\"}}]"
            "</script>";
        ExtractedPage p = extract_article(
            page(ld + "<meta name=\"author\" content=\"Someone Else\">"
                      "<link rel=\"canonical\" href=\"/news/article/Deval-Patrick-14847854.php\">",
                 "", "en-US"),
            "https://www.ctpost.com/news/article/Deval-Patrick-14847854.php?utm=x");
        CHECK(p.author == "MEG KINNARD, ERRIN HAINES");
        CHECK(p.section == "Politics");
        CHECK(p.lang == "en-US");
        CHECK(p.url == "https://www.ctpost.com/news/article/Deval-Patrick-14847854.php");
        CHECK(p.site_name == "Connecticut Post");
        p = extract_article(page("<meta name=\"author\" content=\"By Al Root\">"
                                 "<meta property=\"article:section\" content=\"Daily\">"
                                 "<link rel=\"canonical\" href=\"https://www.barrons.com/\">",
                                 ""),
                            "");
        CHECK(p.author == "Al Root");
        CHECK(p.section == "Daily");
        CHECK(p.url.empty());  // a canonical link to the home page is not the article's URL
        // Scheme and host are case-insensitive: the URL keeps their lower-case form, the path as
        // written (found by fuzz_html: "HTTP://" was kept and broke the http(s) invariant).
        p = extract_article(
            page("<link rel=\"canonical\" href=\"HTTPS://Www.Dawn.COM/News/1\">", ""), "");
        CHECK(p.url == "https://www.dawn.com/News/1");
        // Yoast-style graph: the author is a reference to a Person node.
        p = extract_article(
            page("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Article\","
                 "\"author\":{\"@id\":\"#p1\"}},{\"@type\":\"Person\",\"@id\":\"#p1\","
                 "\"name\":\"Chris Davies\"}]}</script>",
                 ""),
            "");
        CHECK(p.author == "Chris Davies");
    }

    TEST_CASE("main text: paragraphs kept, chrome dropped, blank lines between paragraphs") {
        ExtractedPage p = extract_article(page("", detroit_body()), "");
        CHECK(p.body_field == "html");
        CHECK(
            p.body ==
            "Dekalb, Ill. — Mike Glass threw for three touchdowns and ran for another and Eastern "
            "Michigan rolled past Northern Illinois, 45-17, on Tuesday night.\n\n"
            "The Eagles (6-5, 3-4) snapped an 11-game losing streak to the Huskies (4-7, 3-4) "
            "dating to 2007 and ended NIU’s title hopes in the Mid-American Conference West "
            "Division with one league game remaining.\n\n"
            "Eastern Michigan also became bowl-eligible for the second straight season, a "
            "program first.");
        CHECK_FALSE(contains(p.body, "Twitter"));
        CHECK_FALSE(contains(p.body, "Copyright"));
        CHECK_FALSE(contains(p.body, "tracking"));
        CHECK_FALSE(contains(p.body, "Lions"));
        // A news ticker above the story (a <marquee>) is chrome; a ticker symbol in a
        // paragraph is text.
        p = extract_article(page("",
                                 "<article><p>Shares of Apple <span class=\"ticker\">AAPL.O"
                                 "</span> rose 3 pct on Friday after the company said its "
                                 "quarterly sales beat forecasts, traders said.</p>" +
                                     std::string(kDetroitParagraphs) + "</article>"),
                            "");
        CHECK(contains(p.body, "AAPL.O"));
        const std::string kMoreParagraphs =
            "<p>The Eagles, who had lost eleven straight games to the Huskies, led from the first "
            "quarter and never looked back, coach Chris Creighton said after the game.</p>"
            "<p>Northern Illinois, the defending champions of the conference, fell to 4-7 and will "
            "miss a bowl game for the first time in more than a decade, officials said.</p>";
        const std::string items =
            "Budget talks stall again as the opposition walks out of the assembly \xD9\xAD Port "
            "strike ends after a week of talks with the shipping companies \xD9\xAD New mayor "
            "sworn in at city hall before a crowd of supporters \xD9\xAD Rains lash the coast for "
            "a third day";
        for (const std::string& ticker :
             {"<div><marquee>" + items + "</marquee></div>",
              "<div class=\"breaking-news\"><marquee>" + items + "</marquee></div>"}) {
            CAPTURE(ticker);
            p = extract_article(
                page("", "<header class=\"site-header\"><a href=\"/\">Site</a></header>" + ticker +
                             "<div id=\"content\" class=\"site-content\"><article class=\"post\">"
                             "<h1>Glass leads Eastern Michigan</h1><div class=\"entry-content\">" +
                             kDetroitParagraphs + kMoreParagraphs + "</div></article></div>"),
                "");
            CHECK(contains(p.body, "Mike Glass"));
            CHECK_FALSE(contains(p.body, "Budget talks"));
        }
        // A strip above the site's header (exchange rates of the scrape day) is a lone block
        // beside the article's container: not a lead, since it is no sentence. A lead above the
        // container that is one stays.
        for (const std::string& above :
             {std::string("Exchange rates, Mon 19 Jul 2027 (Tk, selling): USD 116.69 \xC2\xB7 EUR "
                          "126.23 \xC2\xB7 GBP 147.80"),
              std::string("Eastern Michigan ended eleven years of defeats against Northern "
                          "Illinois on Tuesday night, and its coach called it a turning point.")}) {
            CAPTURE(above);
            p = extract_article(
                page("", "<div class=\"strip\">" + above +
                             "</div><header class=\"site-header\"><nav><a href=\"/\">Home</a>"
                             "</nav></header><main class=\"content\"><article class=\"brief\">"
                             "<h1>Glass leads Eastern Michigan</h1>" +
                             kDetroitParagraphs + "</article></main>"),
                "");
            CHECK(contains(p.body, "Mike Glass"));
            CHECK(contains(p.body, "Eastern Michigan ended") == contains(above, "Eastern"));
            CHECK_FALSE(contains(p.body, "Exchange rates"));
        }
        // A lead ending in a quotation or in Urdu's full stop is a sentence too (review).
        for (const std::string& lead :
             {std::string("Eastern Michigan ended eleven years of defeats on Tuesday, \xE2\x80\x9C"
                          "and it "
                          "feels like a turning point,\xE2\x80\x9D its coach said.\xE2\x80\x9D"),
              std::string(
                  "\xD8\xA7\xDB\x8C\xD8\xB3\xD9\xB9\xD8\xB1\xD9\x86 "
                  "\xD9\x85\xD8\xB4\xDB\x8C\xDA\xAF\xD9\x86 "
                  "\xD9\x86\xDB\x92 \xDA\xAF\xDB\x8C\xD8\xA7\xD8\xB1\xDB\x81 "
                  "\xD8\xB3\xD8\xA7\xD9\x84 "
                  "\xD8\xA8\xD8\xB9\xD8\xAF \xD9\x86\xD8\xA7\xD8\xB1\xD8\xAF\xD8\xB1\xD9\x86 "
                  "\xD8\xA7\xD9\x84\xD9\x86\xD9\x88\xD8\xA7\xD8\xA6\xDB\x92 \xDA\xA9\xD9\x88 "
                  "\xD8\xB4\xDA\xA9\xD8\xB3\xD8\xAA \xD8\xAF\xDB\x8C \xD8\xA7\xD9\x88\xD8\xB1 "
                  "\xDA\xA9\xD9\x88\xDA\x86 \xD9\x86\xDB\x92 \xDA\xA9\xDB\x81\xD8\xA7\xDB\x94")}) {
            CAPTURE(lead);
            p = extract_article(
                page("", "<div class=\"strip\">" + lead +
                             "</div><header class=\"site-header\"><nav><a href=\"/\">Home</a>"
                             "</nav></header><main class=\"content\"><article class=\"brief\">"
                             "<h1>Glass leads Eastern Michigan</h1>" +
                             kDetroitParagraphs + "</article></main>"),
                "");
            CHECK(contains(p.body, lead.substr(0, 20)));
        }
    }

    TEST_CASE("main text: an infinite-scroll page keeps the story whose heading is the title") {
        // Saved after scrolling: the next story in the same markup under a divider. The page's
        // story may be short (three paragraphs), the next one longer.
        const std::string next =
            "<div class=\"next-story-divider\">Next Story</div><article class=\"story\">"
            "<h1>Edgy Agassi struggles past Dent</h1><div class=\"dateline\">March 13, 2027 "
            "16:57 IST</div><p class=\"byline\">By Caitlin Moyle</p><p>Andre Agassi put his "
            "injury worries behind him to beat Taylor Dent in three long sets at the Sydney "
            "International on Thursday, his first match of the year.</p><p>The American, who "
            "has not played since October, said afterwards that his hip had held up well and "
            "that he hoped to be fit for the Australian Open next week.</p><p>Dent, who served "
            "for the second set, said he had let a good chance slip away and would return to "
            "practice on the hard courts of Melbourne before the Open begins.</p></article>";
        for (const std::string& story_paragraphs :
             {std::string(kDetroitParagraphs),
              std::string("<p>Hagensborg Resources said it raised seven mln dlrs in a private "
                          "placement of shares with institutions in Canada.</p><p>The company "
                          "said the money would fund drilling at its gold property.</p>")}) {
            CAPTURE(story_paragraphs);
            ExtractedPage p = extract_article(
                page("<title>Glass leads Eastern Michigan - Deccan Metro</title>",
                     "<header class=\"site-header\"><nav><a href=\"/\">Home</a></nav></header>"
                     "<main class=\"content\"><article class=\"story\"><h1>Glass leads Eastern "
                     "Michigan</h1><p class=\"byline\">By Reuters</p>" +
                         story_paragraphs + "</article>" + next + "</main>"),
                "");
            CHECK(p.title == "Glass leads Eastern Michigan");
            CHECK_FALSE(contains(p.body, "Agassi"));
            CHECK_FALSE(contains(p.body, "Next Story"));
            CHECK((contains(p.body, "Mike Glass") || contains(p.body, "Hagensborg")));
        }
        // A teaser card headed by the title's words, before the story (review): not the story.
        ExtractedPage p = extract_article(
            page("<title>Glass leads Eastern Michigan | Daily Times</title>",
                 "<div class=\"side\"><article class=\"card\"><h2>Glass leads Eastern "
                 "Michigan</h2><p>Mike Glass threw three touchdowns as Eastern Michigan beat "
                 "Northern Illinois on Tuesday night, the Eagles' first win over the Huskies in "
                 "years.</p></article></div><main><article><h1>Glass leads Eastern Michigan to "
                 "bowl eligibility</h1>" +
                     std::string(kDetroitParagraphs) + "</article></main>"),
            "");
        CHECK(contains(p.body, "bowl-eligible for the second straight season"));
    }

    TEST_CASE("main text: a letter and a digit glued across inline elements are two words") {
        // "<a>Headline</a><span>2024-07-03</span>" is shown as two words (styled apart); a drop
        // cap ("<span>T</span>he") and a number across elements ("COVID-<b>19</b>") stay whole.
        const ExtractedPage p = extract_article(
            page("",
                 "<article><p>Bridge reopens<span> after repairs</span>, <span "
                 "class=\"dropcap\">T</span>he council said on Monday, as COVID-<b>19</b> "
                 "cases fell, \u201c<b>3</b> years\u201d after the first.</p>" +
                     std::string(kDetroitParagraphs) +
                     "<p>Reported: <em>Port strike ends</em><span>2024-07-03</span> and "
                     "<em>Mayor sworn in</em><time>3 July 2024</time>, the agency said "
                     "today.</p></article>"),
            "");
        CHECK(contains(p.body, "Bridge reopens after repairs, The council said"));
        CHECK(contains(p.body, "COVID-19 cases"));
        CHECK(contains(p.body, "\u201c3 years\u201d"));
        // Sub- and superscripts and formatting are not styled apart.
        const ExtractedPage f = extract_article(
            page("",
                 "<article><p>Emissions of CO<sub>2</sub> rose for the 4<sup>th</sup> year, "
                 "the agency said in a report published on Monday in the capital.</p>" +
                     std::string(kDetroitParagraphs) + "</article>"),
            "");
        CHECK(contains(f.body, "CO2 rose for the 4th year"));
        CHECK(contains(p.body, "Port strike ends 2024-07-03 and Mayor sworn in 3 July 2024,"));
    }

    TEST_CASE("JSON-LD articleBody replaces a cut DOM text; escaped HTML in it is rendered") {
        const std::string body =
            "The Eagles snapped an 11-game losing streak to the Huskies dating to 2007 and ended "
            "NIU's title hopes in the Mid-American Conference West Division with one league game "
            "remaining.\nEastern Michigan also became bowl-eligible for the second straight "
            "season, a program first. Shaq Vann rushed for 101 yards and a touchdown on 14 "
            "carries.";
        const std::string ld =
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            "\"articleBody\":\"" +
            std::string(body).replace(body.find('\n'), 1, "\\n") + "\"}</script>";
        ExtractedPage p = extract_article(page(ld, "<p>Subscribe to read the full story.</p>"), "");
        CHECK(p.body_field == "jsonld:articleBody");
        CHECK(contains(p.body, "remaining.\n\nEastern Michigan"));
        const std::string escaped =
            "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"articleBody\":\""
            "&lt;p&gt;Welcome to the new 16-inch MacBook Pro. While it looks quite familiar, "
            "Apple's new flagship laptop moves the needle forward in a big way.&lt;/p&gt;&lt;p&gt;"
            "We've spent the last several days taking the new Pro for a spin and can say that "
            "Apple has dutifully listened to users' feedback this time "
            "around.&lt;/p&gt;\"}</script>";
        p = extract_article(page(escaped, ""), "");  // appleinsider.com
        CHECK(p.body_field == "jsonld:articleBody");
        CHECK(contains(p.body, "big way.\n\nWe've spent"));
        CHECK_FALSE(contains(p.body, "&lt;"));
        CHECK_FALSE(contains(p.body, "<p>"));
    }

    TEST_CASE("degenerate pages do not crash and give no text") {
        for (const std::string& html :
             {std::string(), std::string("<"), std::string("<html>"), std::string("\0\0", 2),
              std::string("<html><body><script>x</script></body></html>"), std::string(5000, '<'),
              std::string("<p>") + std::string(10000, 'x')}) {
            ExtractedPage p = extract_article(html, "not a url");
            CHECK(p.url.empty());
        }
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("charsets") {
    TEST_CASE("Windows-1252 page declared in <meta> is converted with ICU") {
        const std::string text = "Café owners said “no” to the £5 fee — again.";
        const std::string html =
            "<html><head><meta charset=\"windows-1252\"><title>x</title>"
            "</head><body><p>" +
            encode(text, "windows-1252") + "</p></body></html>";
        REQUIRE_FALSE(contains(html, text));
        const auto d = records::decode_html_bytes(html, "");
        CHECK(d.charset == "windows-1252");
        CHECK(d.charset_source == "meta");
        CHECK(d.replaced == 0);
        CHECK(contains(d.utf8, text));
        // ISO-8859-1 is read as Windows-1252, as browsers do (the curly quotes are 0x93/0x94).
        const auto latin = records::decode_html_bytes(encode(text, "windows-1252"), "ISO-8859-1");
        CHECK(latin.utf8 == text);
        CHECK(latin.charset_source == "http");
    }

    TEST_CASE("Windows-1256 Arabic and Urdu: from the HTTP header, <meta>, or detection") {
        // SaudiNewsNet (alriyadh.com) and Urdu news (express.pk) sentences. Windows-1256 has no
        // Farsi yeh (U+06CC): Urdu pages in it write the Arabic yeh (U+064A), as here.
        const std::string arabic = "صحيح أن مواقع التواصل الاجتماعي تضج بآلاف الصور للسياح كل يوم";
        const std::string urdu =
            "برطانوي حکومت نے واضح کيا ہے کہ عالمي عدالت انصاف کے فيصلے کے بعد";
        const std::string body = "<p>" + arabic + "</p><p>" + urdu + "</p>";
        const std::string bytes = encode("<html><body>" + body + "</body></html>", "windows-1256");
        auto d = records::decode_html_bytes(bytes, "windows-1256");
        CHECK(d.charset_source == "http");
        CHECK(contains(d.utf8, arabic));
        CHECK(contains(d.utf8, urdu));
        const std::string declared = encode(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
            "charset=windows-1256\"></head><body>" +
                body + "</body></html>",
            "windows-1256");
        d = records::decode_html_bytes(declared, "");
        CHECK(d.charset_source == "meta");
        CHECK(contains(d.utf8, urdu));
        // Undeclared: not UTF-8, so ICU's detector decides.
        const std::string many = encode(
            "<html><body>" + body + body + body + body + body + "</body></html>", "windows-1256");
        d = records::decode_html_bytes(many, "");
        CHECK(d.charset_source == "detected");
        CHECK(contains(d.utf8, arabic));
        // Urdu alone, undeclared: ICU's detector may say ISO-8859-6, which lacks ٹ ڈ ڑ ں ے ہ ھ;
        // its Windows sibling decodes every byte.
        std::string urdu_body;
        for (int i = 0; i < 6; ++i) urdu_body += "<p>" + urdu + "</p>";
        d = records::decode_html_bytes(
            encode("<html><body>" + urdu_body + "</body></html>", "windows-1256"), "");
        CHECK(d.charset_source == "detected");
        CHECK(d.charset == "windows-1256");
        CHECK(d.replaced == 0);
        CHECK(contains(d.utf8, urdu));
        // The page through the extractor.
        Article a = read_string("page.html", declared).articles.at(0);
        CHECK(contains(a.body, urdu));
    }

    TEST_CASE("a page saved as UTF-8 under its template's old code page is read as UTF-8") {
        // An Urdu site's template still declares windows-1256 (or ISO-8859-6, KOI8-R: any
        // single-byte charset) over pages saved as UTF-8: decoding by the label turns every
        // letter into two (ابھیشیک -> ط§ط¨ع¾...), and no search finds the story.
        const std::string urdu = "ابھیشیک بچن کی نئی فلم باکس آفس پر بری طرح ناکام";
        for (const char* label : {"windows-1256", "iso-8859-6", "koi8-r", "windows-1252"}) {
            CAPTURE(label);
            const std::string page = std::string(
                                         "<html><head><meta http-equiv=\"Content-Type\" "
                                         "content=\"text/html; charset=") +
                                     label + "\"></head><body><p>" + urdu + "</p></body></html>";
            auto d = records::decode_html_bytes(page, "");
            CHECK(d.charset == "UTF-8");
            CHECK(d.charset_source == "utf8-valid");
            CHECK(contains(d.utf8, urdu));
            d = records::decode_html_bytes(page, label);  // the same label from the server
            CHECK(d.charset == "UTF-8");
            CHECK(contains(d.utf8, urdu));
        }
        // Through the reader: the story is found by its own words.
        const std::string page =
            "<html><head><meta charset=\"windows-1256\"><title>t</title></head><body><article>"
            "<h1>" +
            urdu + "</h1><p>" + urdu + "۔ " + urdu + "۔</p></article></body></html>";
        const Article a = read_string("story.html", page).articles.at(0);
        CHECK(contains(a.body, urdu));
        // A multi-byte charset keeps its label: its text may be valid UTF-8 by chance.
        const std::string sjis = "<html><head><meta charset=\"Shift_JIS\"></head><body><p>" + urdu +
                                 "</p></body></html>";
        CHECK(records::decode_html_bytes(sjis, "").charset_source == "meta");
    }

    TEST_CASE("invalid bytes in a UTF-8 page are replaced and counted") {
        const std::string html =
            "<html><head><meta charset=\"utf-8\"></head><body><p>ok \xFF\xFE "
            "caf\xC3\xA9 \xE2\x82</p></body></html>";
        const auto d = records::decode_html_bytes(html, "");
        CHECK(d.charset == "UTF-8");
        CHECK(d.replaced == 4);
        CHECK(contains(d.utf8, "ok \xEF\xBF\xBD\xEF\xBF\xBD caf\xC3\xA9"));
        // A Latin-1 default from the server does not win over real UTF-8.
        const auto utf8 = records::decode_html_bytes("<p>caf\xC3\xA9</p>", "iso-8859-1");
        CHECK(utf8.charset == "UTF-8");
        CHECK(records::charset_from_content_type("text/html; charset=\"Shift_JIS\"") ==
              "shift_jis");
        CHECK(records::sniff_meta_charset("<meta content=\"text/html; charset=koi8-r\" "
                                          "http-equiv=\"Content-Type\">") == "koi8-r");
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("warc") {
    /// One WARC record.
    std::string warc_record(const std::string& type, const std::string& headers,
                            const std::string& block, long length = -1) {
        return "WARC/1.1\r\nWARC-Type: " + type + "\r\n" + headers + "Content-Length: " +
               std::to_string(length < 0 ? static_cast<long>(block.size()) : length) + "\r\n\r\n" +
               block + "\r\n\r\n";
    }

    /// An HTTP response block.
    std::string http(const std::string& status, const std::string& headers,
                     const std::string& body) {
        return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
    }

    const std::string kPage = page("<title>Dawn teaser page</title>", kDetroitParagraphs);

    TEST_CASE("response and resource records become articles; the rest is skipped silently") {
        const std::string uri =
            "WARC-Target-URI: http://www.dawn.com/news/1058210/ttp\r\n"
            "WARC-Date: 2013-11-24T03:10:00Z\r\n";
        const std::string warc =
            warc_record("warcinfo", "", "software: test\r\n") +
            warc_record("request", uri, "GET /news/1058210/ttp HTTP/1.1\r\n\r\n") +
            warc_record("response", uri + "Content-Type: application/http; msgtype=response\r\n",
                        http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", kPage)) +
            warc_record("response", uri,
                        http("404 Not Found", "Content-Type: text/html\r\n", kPage)) +
            warc_record("response", uri, http("200 OK", "Content-Type: image/png\r\n", "PNG")) +
            warc_record(
                "resource",
                "WARC-Target-URI: <http://example.com/x.html>\r\nContent-Type: text/html\r\n",
                kPage) +
            warc_record("metadata", uri, "via: x\r\n");
        CollectSink s = read_string("crawl.warc", warc);
        CHECK(s.bad.empty());
        REQUIRE(s.articles.size() == 2);
        const Article& a = s.articles[0];
        CHECK(a.url == "http://www.dawn.com/news/1058210/ttp");
        CHECK(a.title == "Dawn teaser page");
        // The crawl date is when the page was captured: it dates nothing, and the notes say so.
        CHECK(a.date_text.empty());
        REQUIRE_FALSE(a.date_notes.empty());
        CHECK(a.date_notes.back() ==
              "refused warc:crawl-date \"2013-11-24T03:10:00Z\" (when the "
              "page was captured, not the story's date)");
        CHECK(a.origin.record == 3);
        CHECK(contains(a.body, "Mike Glass threw for three touchdowns"));
        CHECK(s.articles[1].url == "http://example.com/x.html");
    }

    TEST_CASE("a page printed to PDF and saved as text: the browser's margins go, its URL stays") {
        const std::string printed =
            "5/17/27, 6:18 AM    Millipore <Mili> To Pay Civil Penalty - Harbourtown Echo\n"
            "Harbourtown Echo\nNews\n\nMillipore <Mili> To Pay Civil Penalty\nBy Reuters\n"
            "27 Mar 1987 13:18 NZST\n\nMillipore Corp said it agreed to pay a 192,500 dlrs "
            "penalty to the U.S. Environmental Protection Agency.\n\n"
            "https://www.harbourtown-echo.co.nz/millipore-mili-2457078    1/2\n"
            "5/17/27, 6:18 AM    Millipore <Mili> To Pay Civil Penalty - Harbourtown Echo\n\n"
            "Millipore officials were not available for comment.\n\n"
            "https://www.harbourtown-echo.co.nz/millipore-mili-2457078    2/2\n";
        CollectSink s = read_string("pdf-text/harbourtown-echo.co.nz/2457078.txt", printed);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.title == "Harbourtown Echo");  // the page's first line, for cleaning to judge
        CHECK(a.url == "https://www.harbourtown-echo.co.nz/millipore-mili-2457078");
        CHECK_FALSE(contains(a.body, "6:18 AM"));
        CHECK_FALSE(contains(a.body, "1/2"));
        CHECK(contains(a.body, "Millipore officials were not available"));
        // A first line that reads like a print header without any footer: the page's own.
        s = read_string("a.txt", "5/17/27, 6:18 AM    Markets close higher\n\nStocks rose.\n");
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].title == "5/17/27, 6:18 AM    Markets close higher");
    }

    TEST_CASE("a page saved as text from the Wayback Machine: its banner goes, its URL stays") {
        const std::string saved =
            "The Wayback Machine - https://web.archive.org/web/20270614061900/https://"
            "www.wharfedale-post.co.uk/news/2421359.traders-cut-bahia-cocoa/\n"
            "42 captures \u00b7 14 Jun 2027 06:19:00\n\nWharfedale Post\nNews\n\n"
            "Traders Cut Bahia Temporao Cocoa Crop Estimate\nBy Reuters\nPublished: 31st March "
            "1987\n\nTrade estimates of the coming May/September temporao harvest in Brazil's main "
            "cocoa growing state of Bahia are now in the 1.5 mln to 2.0 mln bag range.\n";
        CollectSink s = read_string("web.archive.org/web/20270614061900/a.txt", saved);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.url == "https://www.wharfedale-post.co.uk/news/2421359.traders-cut-bahia-cocoa/");
        CHECK(a.title == "Wharfedale Post");
        CHECK_FALSE(contains(a.body, "captures"));
        CHECK_FALSE(contains(a.body, "14 Jun 2027"));
    }

    TEST_CASE("a web crawl's text records (WET): text articles at their URL, undated") {
        const std::string text =
            "Moody's May Upgrade Upjohn Debt Ratings\n"
            "Published 11:56 am PST, Friday, April 3, 1987\n"
            "Moody's Investors Service Inc said it may upgrade the ratings on Upjohn Co's debt.\n";
        const std::string uri =
            "WARC-Target-URI: https://www.sfgate.com/news/article/moody-s-5212995.php\r\n"
            "WARC-Date: 2026-10-09T13:39:10Z\r\nContent-Type: text/plain\r\n";
        const std::string wet =
            warc_record("warcinfo", "", "software: test\r\n") +
            warc_record("conversion", uri, text) +
            warc_record("conversion",
                        "WARC-Target-URI: https://x.example/a.pdf\r\nContent-Type: "
                        "application/pdf\r\n",
                        "%PDF-1.4") +
            warc_record("conversion", uri, "\r\n");
        CollectSink s = read_string("CC-MAIN-2026-40-00001.warc.wet", wet);
        CHECK(s.bad.empty());
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.url == "https://www.sfgate.com/news/article/moody-s-5212995.php");
        CHECK(a.title == "Moody's May Upgrade Upjohn Debt Ratings");
        CHECK(contains(a.body, "Published 11:56 am PST, Friday, April 3, 1987"));
        CHECK(contains(a.body, "may upgrade the ratings"));
        // The crawl time is not the story's: the page's own dateline dates it, when cleaned.
        CHECK(a.date_text.empty());
        CHECK(a.origin.record == 2);
        // A text file holding one such record (a crawl's records saved one page a file).
        s = read_string("sfgate.com/news/moody-s.txt", warc_record("conversion", uri, text));
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].title == "Moody's May Upgrade Upjohn Debt Ratings");
    }

    TEST_CASE("chunked transfer-encoding and the charset of the HTTP header") {
        const std::string body =
            encode(page("<title>Café “crème”</title>", kDetroitParagraphs), "windows-1252");
        std::string chunked;
        for (std::size_t i = 0; i < body.size(); i += 100) {
            const std::string part = body.substr(i, 100);
            char size[16];
            std::snprintf(size, sizeof size, "%zx", part.size());
            chunked += std::string(size) + ";ext=1\r\n" + part + "\r\n";
        }
        chunked += "0\r\n\r\n";
        const std::string warc = warc_record(
            "response", "WARC-Target-URI: http://a.example/story\r\n",
            http("200 OK",
                 "Content-Type: text/html; charset=windows-1252\r\nTransfer-Encoding: chunked\r\n",
                 chunked));
        CollectSink s = read_string("crawl.warc", warc, 1000);
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].title == "Café “crème”");
        // Broken chunks are one clear error.
        const std::string bad =
            warc_record("response", "",
                        http("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                             "zz\r\nabc"));
        s = read_string("crawl.warc", bad);
        REQUIRE(s.bad.size() == 1);
        CHECK(s.bad[0].reason.starts_with("bad chunked encoding: record at byte 0"));
    }

    TEST_CASE("framing errors: wrong Content-Length resynchronises, truncation ends the file") {
        const std::string good = warc_record("response", "WARC-Target-URI: http://a.example/2\r\n",
                                             http("200 OK", "Content-Type: text/html\r\n", kPage));
        const std::string wrong = warc_record("response", "", http("200 OK", "", kPage), 40);
        CollectSink s = read_string("crawl.warc", wrong + good);
        REQUIRE(s.bad.size() == 1);
        CHECK(s.bad[0].reason.starts_with("wrong Content-Length: record at byte 0:"));
        CHECK(s.articles.size() == 1);
        s = read_string("crawl.warc", good + good.substr(0, good.size() - 500));
        REQUIRE(s.bad.size() == 1);
        CHECK(s.bad[0].where.record == 2);
        CHECK(s.bad[0].reason.starts_with("truncated WARC record: record at byte " +
                                          std::to_string(good.size()) + ": Content-Length "));
        CHECK(contains(s.bad[0].reason, "goes past the end of the file"));
        s = read_string("crawl.warc",
                        "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n");
        REQUIRE(s.bad.size() == 1);
        CHECK(s.bad[0].reason.starts_with("bad WARC header"));
        s = read_string(
            "crawl.warc",
            warc_record(
                "response", "Content-Type: application/http\r\n",
                http("200 OK", "Content-Encoding: br\r\nContent-Type: text/html\r\n", "x")));
        REQUIRE(s.bad.size() == 1);
        CHECK(s.bad[0].reason.starts_with("unsupported content-encoding"));
    }

    TEST_CASE("the warcio samples in ../shared: valid files index, broken ones give one error") {
        if (test::skip_without_shared("warc samples")) return;
        const fs::path dir = *test::shared_dir() / "corpora" / "warc-samples";
        struct Expect {
            const char* file;
            std::size_t articles;
            std::size_t bad;
            const char* reason;  ///< start of the one error's reason
        };
        const Expect cases[] = {
            {"example.warc.gz", 1, 0, ""},
            {"example.warc", 1, 0, ""},
            {"example.arc", 1, 0, ""},
            {"example.arc.gz", 1, 0, ""},
            {"example-iana.org-chunked.warc", 1, 0, ""},
            {"example-resource.warc.gz", 1, 0, ""},
            {"example-wget-bad-target-uri.warc.gz", 1, 0, ""},
            {"example-space-in-url.arc", 1, 0, ""},
            {"example-space-in-target-uri.warc.gz", 0, 0, ""},  // a PNG resource
            {"example-digest.warc", 0, 0, ""},                  // request records only
            {"post-test.warc.gz", 0, 0, ""},                    // JSON responses
            {"bad.arc", 0, 1, "bad ARC header: record at byte 0: invalid Archive-length \"-1\""},
            {"example-trunc.warc", 0, 1, "wrong Content-Length: record at byte 1197:"},
            {"example-wrong-chunks.warc.gz", 0, 1, "wrong Content-Length: record at byte 0:"},
        };
        for (const Expect& e : cases) {
            CAPTURE(e.file);
            ReadAll r = read_dump(dir / e.file);
            CHECK(r.errors.empty());
            CHECK(r.sink.articles.size() == e.articles);
            REQUIRE(r.sink.bad.size() == e.bad);
            if (e.bad) CHECK(r.sink.bad[0].reason.starts_with(e.reason));
        }
        ReadAll iana = read_dump(dir / "example-iana.org-chunked.warc");
        REQUIRE(iana.sink.articles.size() == 1);
        CHECK(iana.sink.articles[0].title == "Internet Assigned Numbers Authority");
        CHECK(iana.sink.articles[0].url == "http://www.iana.org/");
        ReadAll gz = read_dump(dir / "example.warc.gz");  // gzip content-encoding inside
        REQUIRE(gz.sink.articles.size() == 1);
        CHECK(gz.sink.articles[0].title == "Example Domain");
        CHECK(gz.sink.articles[0].date_text.empty());
        CHECK(gz.sink.articles[0].date_notes.back().starts_with("refused warc:crawl-date"));
        ReadAll arc = read_dump(dir / "example-space-in-url.arc");
        REQUIRE(arc.sink.articles.size() == 1);
        CHECK(arc.sink.articles[0].url ==
              "http://example.com/index.cfm?FuseAction=Email&EmailTitle=Examples From The Live "
              "Web&IsPopUp=False");
        CHECK(arc.sink.articles[0].date_text.empty());  // the ARC header's date, read, refused
        CHECK(arc.sink.articles[0].date_notes.back().starts_with(
            "refused warc:crawl-date \"2014-02-16T05:02:21Z\""));
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("collections") {
    /// Reuters-21578 NEWID 1 and 2 in TREC layout.
    const char* kTrec =
        "<DOC>\n"
        "<DOCNO> REUTERS-0001 </DOCNO>\n"
        "<DATE> 870226 </DATE>\n"
        "<HEADLINE>\n"
        "BAHIA COCOA REVIEW\n"
        "</HEADLINE>\n"
        "<TEXT>\n"
        "    Showers continued throughout the week in\n"
        "the Bahia cocoa zone, alleviating the drought since early\n"
        "January and improving prospects for the coming temporao,\n"
        "although normal humidity levels have not been restored,\n"
        "Comissaria Smith said in its weekly review.\n"
        "    The dry period means the temporao will be late this year.\n"
        "</TEXT>\n"
        "</DOC>\n"
        "<doc>\n"
        "<docno>REUTERS-0002</docno>\n"
        "<date>26-FEB-1987 15:02:20.00</date>\n"
        "<headline>STANDARD OIL &lt;SRD&gt; TO FORM FINANCIAL UNIT</headline>\n"
        "<byline>Reuter</byline>\n"
        "<text><p>Standard Oil Co and BP North America\n"
        "Inc said they plan to form a venture to manage the money market\n"
        "borrowing and investment activities of both companies.</p>\n"
        "<p>BP North America is a subsidiary of British Petroleum Co\n"
        "Plc &lt;BP&gt;, which also owns a 55 pct interest in Standard Oil.</p></text>\n"
        "</doc>\n"
        "<DOC><DOCNO>REUTERS-0003</DOCNO><TEXT>not closed\n";

    TEST_CASE("TREC SGML: several documents per file, any tag case, YYMMDD dates") {
        CHECK(detect_format("la010189", kTrec) == Format::trec_sgml);
        CollectSink s = read_string("la010189", kTrec);
        REQUIRE(s.articles.size() == 2);
        Article& a = s.articles[0];
        CHECK(a.own_id == "REUTERS-0001");
        CHECK(a.title == "BAHIA COCOA REVIEW");
        CHECK(a.date_text == "1987-02-26");
        CHECK(a.date_field == "trec:date");
        CHECK(a.body ==
              "Showers continued throughout the week in the Bahia cocoa zone, alleviating the "
              "drought since early January and improving prospects for the coming temporao, "
              "although normal humidity levels have not been restored, Comissaria Smith said in "
              "its weekly review.\n\nThe dry period means the temporao will be late this year.");
        Article& b = s.articles[1];
        CHECK(b.title == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT");
        CHECK(b.author == "Reuter");
        CHECK(contains(b.body, "both companies.\n\nBP North America"));
        CHECK(contains(b.body, "Plc <BP>, which"));
        REQUIRE(finish_article(b, FinishOptions{}).empty());
        CHECK(b.date.iso() == "1987-02-26");
        REQUIRE(s.bad.size() == 1);
        CHECK(s.bad[0].where.record == 3);
        CHECK(contains(s.bad[0].reason, "not closed"));
    }

    /// CACM records 1 and 20 (cacm.all).
    const char* kCacm =
        ".I 1\n.T\nPreliminary Report-International Algebraic Language\n.B\nCACM December, 1958\n"
        ".A\nPerlis, A. J.\nSamelson,K.\n.N\nCA581203 JB March 22, 1978  8:28 PM\n.X\n100\t5\t1\n"
        "123\t5\t1\n"
        ".I 20\n.T\nAccelerating Convergence of Iterative Processes\n.W\n"
        "A technique is discussed which, when applied\nto an iterative procedure for the solution "
        "of\nan equation, accelerates the rate of convergence if\nthe iteration converges and "
        "induces convergence if\nthe iteration diverges.  An illustrative example is given.\n"
        ".B\nCACM June, 1958\n.A\nWegstein, J. H.\n.N\nCA580602 JB March 22, 1978  9:09 PM\n"
        ".X\n20\t5\t20\n";

    TEST_CASE("SMART (CACM): title, abstract, month dates, authors, ids") {
        CHECK(detect_format("cacm.all", kCacm) == Format::smart);
        CHECK(detect_format("noext", kCacm) == Format::smart);
        CHECK(detect_format("query.text", ".I 1\n.W\n What articles exist\n") == Format::text);
        CollectSink s = read_string("cacm.all", kCacm);
        CHECK(s.bad.empty());
        REQUIRE(s.articles.size() == 2);
        Article a = s.articles[0];
        CHECK(a.title == "Preliminary Report-International Algebraic Language");
        CHECK(a.body.empty());
        CHECK(a.author == "Perlis, A. J.; Samelson,K.");
        CHECK(a.source == "CACM");
        REQUIRE(finish_article(a, FinishOptions{}).empty());
        CHECK(a.id == "cacm-1");
        CHECK(a.date.iso() == "1958-12");
        CHECK(a.date.precision == DatePrecision::month);
        CHECK(s.articles[1].body ==
              "A technique is discussed which, when applied to an iterative procedure for the "
              "solution of an equation, accelerates the rate of convergence if the iteration "
              "converges and induces convergence if the iteration diverges.  An illustrative "
              "example is given.");
        // Invalid UTF-8 in a record reaches no later stage: every reader's records are repaired
        // on their way out, as the text readers repair theirs (fuzz_records_smart found CLD2
        // reading past the end of such text).
        s = read_string("cacm.all",
                        ".I 1\n.T\nAl\xff\xfegebraic\n.W\n \xd8\xaa\xd8\xb5 "
                        "\xf7\xda\xa9\xd8\xff\xff. What \xff text\n");
        REQUIRE(s.articles.size() == 1);
        a = s.articles[0];
        CHECK(a.title == "Al\xC3\xBF\xC3\xBEgebraic");  // stray bytes read as Windows-1252
        CHECK(khabar::valid_utf8(a.body));
        CHECK(a.body.find("\xD8\xAA\xD8\xB5") != std::string::npos);  // valid text kept
        CHECK(finish_article(a, FinishOptions{}).empty());
    }

    TEST_CASE("Makhzan XML from ../shared: NFC text, year dates, Urdu, file ids") {
        if (test::skip_without_shared("makhzan")) return;
        const fs::path tmp = test::fresh_tmp_dir("makhzan");
        const fs::path tar = *test::shared_dir() / "corpora" / "makhzan-urdu.tar.xz";
        const std::string cmd = "tar -xJf '" + tar.string() + "' -C '" + tmp.string() +
                                "' makhzan-urdu/text/0001.xml makhzan-urdu/text/0824.xml";
        REQUIRE(std::system(cmd.c_str()) == 0);
        ReadAll r = read_dump(tmp / "makhzan-urdu");
        CHECK(r.sink.bad.empty());
        REQUIRE(r.sink.articles.size() == 2);
        for (Article a : r.sink.articles) {
            CAPTURE(a.origin.display());
            CHECK(a.own_id.starts_with("makhzan-"));
            CHECK_FALSE(a.title.empty());
            CHECK(a.body.size() > 200);
            CHECK(a.date_field == "xml:meta/publication/year");
            CHECK(a.date_text.size() == 4);
            REQUIRE(finish_article(a, FinishOptions{}).empty());
            CHECK(a.date.precision == DatePrecision::year);
            CHECK(a.lang == "ur");
            // NFD alef + madda (U+0627 U+0653) is stored composed (U+0622).
            CHECK_FALSE(contains(a.body, "\xD8\xA7\xD9\x93"));
        }
        CHECK(r.sink.articles[0].own_id == "makhzan-0001");
    }

    TEST_CASE("any XML with --field record=ELEMENT: element paths, usual names, CDATA") {
        // An RSS feed (Dawn's, 2013 teasers) and a NewsML-like export with nested fields.
        const std::string rss =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            "<title>Dawn</title>\n<item>\n  <title>TTP claims Karachi attack</title>\n"
            "  <link>http://www.dawn.com/news/1058400</link>\n"
            "  <pubDate>Sun, 24 Nov 2013 08:15:00 +0500</pubDate>\n"
            "  <description><![CDATA[<p>The banned Tehreek-i-Taliban Pakistan claimed "
            "responsibility.</p>]]></description>\n</item>\n<item><title>Second</title>"
            "<description>Only a teaser &amp; more.</description></item>\n</channel></rss>\n";
        ReaderOptions options;
        options.field_map = {{"record", "item"}};
        CollectSink s = read_string("feeds/dawn.rss.xml", rss, 7, options);
        CHECK(s.bad.empty());
        REQUIRE(s.articles.size() == 2);
        const Article& a = s.articles[0];
        CHECK(a.title == "TTP claims Karachi attack");
        CHECK(a.url == "http://www.dawn.com/news/1058400");
        CHECK(a.date_text == "Sun, 24 Nov 2013 08:15:00 +0500");
        CHECK(a.date_field == "xml:pubdate");
        CHECK(a.body == "The banned Tehreek-i-Taliban Pakistan claimed responsibility.");
        CHECK(s.articles[1].body == "Only a teaser & more.");
        CHECK(s.articles[1].origin.record == 2);

        const std::string export_xml =
            "<export><Story><Meta><Headline>Cocoa prices rise</Headline><PubTime>1987-02-26"
            "</PubTime><Desk>commodities</Desk></Meta><Matn>Showers continued throughout the week "
            "in the Bahia cocoa zone.</Matn></Story></export>";
        options.field_map = {{"record", "Story"},
                             {"title", "Meta/Headline"},
                             {"date", "Meta/PubTime"},
                             {"section", "Meta/Desk"},
                             {"body", "Matn"}};
        s = read_string("export.xml", export_xml, 7, options);
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].title == "Cocoa prices rise");
        CHECK(s.articles[0].date_field == "xml:Meta/PubTime");
        CHECK(s.articles[0].section == "commodities");
        CHECK(s.articles[0].body ==
              "Showers continued throughout the week in the Bahia cocoa zone.");
        // Without the mapping the same file is not an article format; with a record element the
        // file lacks, it is skipped with that reason.
        s = read_string("export.xml", export_xml);
        CHECK(s.articles.empty());
        CHECK(s.skipped == std::vector<std::string>{"not an article format"});
        options.field_map = {{"record", "item"}};
        s = read_string("export.xml", export_xml, 7, options);
        CHECK(s.articles.empty());
        REQUIRE(s.skipped.size() == 1);
        CHECK(s.skipped[0] == "no <item> element (--field record=) in this XML");
    }

    TEST_CASE("a news database's tagged export (Factiva): one article per document") {
        const std::string doc1 =
            "HD  Platinum Demand Estimated 17 Pct Higher By 1991\n"
            "BY  Chris Clark\nWC  230 words\nPD  19 June 1987\nET  13:28\nSN  Reuters News\n"
            "SC  LBA\nLA  English\nCY  (c) 1987 Reuters Limited\n\n"
            "LP  Demand for platinum could reach 3.4 mln ounces by 1991, Johnson Matthey said.\n\n"
            "    Clark told a meeting in Milton Keynes he foresaw a 250,000 ounce increase\n"
            "    in consumption for use in autocatalysts.\n\n"
            "TD  Jewellery consumption is set to rise by 70,000 ounces.\n\n"
            "NS  gcat : Political/General News\nRE  usa : United States\n"
            "AN  Document lba0000019870619djek0470\n\n";
        const std::string doc2 =
            "HD  Ivory Coast Confirms Presence At Cocoa Talks\nPD  15 March 1987\n"
            "SN  Reuters News\n\nLP  A senior Ivory Coast official confirmed the talks.\n\n"
            "AN  Document lba0000019870315dj3f00ab\n";
        CollectSink s = read_string("factiva/2026-11-05/Factiva-20261105-0651-14.txt", doc1 + doc2);
        CHECK(s.bad.empty());
        REQUIRE(s.articles.size() == 2);
        const Article& a = s.articles[0];
        CHECK(a.title == "Platinum Demand Estimated 17 Pct Higher By 1991");
        CHECK(a.date_text == "19 June 1987 13:28");
        CHECK(a.date_field == "factiva:PD");
        CHECK(a.source == "Reuters News");
        CHECK(a.author == "Chris Clark");
        CHECK(a.own_id == "lba0000019870619djek0470");
        CHECK(a.body ==
              "Demand for platinum could reach 3.4 mln ounces by 1991, Johnson Matthey said.\n\n"
              "Clark told a meeting in Milton Keynes he foresaw a 250,000 ounce increase in "
              "consumption for use in autocatalysts.\n\n"
              "Jewellery consumption is set to rise by 70,000 ounces.");
        CHECK(a.origin.record == 1);
        CHECK(s.articles[1].title == "Ivory Coast Confirms Presence At Cocoa Talks");
        CHECK(s.articles[1].date_text == "15 March 1987");
        CHECK(s.articles[1].origin.record == 2);
        // Capitals opening a paragraph are the story's, not a tag; a headline may wrap.
        s = read_string("Factiva-2.txt",
                        "HD  Pakistan and India resume talks after\n    a long pause\n"
                        "PD  19 June 1987\nSN  Reuters News\n"
                        "TD  The first paragraph of the story says something long.\n\n"
                        "UN officials said the talks would resume next week in Geneva.\n\n"
                        "HD cameras recorded the meeting.\n"
                        "AN  Document lba0000020011203djaj00001\n");
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].title == "Pakistan and India resume talks after a long pause");
        CHECK(s.articles[0].body ==
              "The first paragraph of the story says something long.\n\nUN officials said the "
              "talks would resume next week in Geneva.\n\nHD cameras recorded the meeting.");
        // A text page whose first line only looks like a tag is a text page.
        s = read_string("notes/hd.txt", "HD  video of the floods\nThe river rose overnight.\n");
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].title == "HD  video of the floods");
    }

    TEST_CASE("text files in archives: the folder is the section when it is a plain word") {
        const std::string text =
            "Ad sales boost Time Warner profit\n\nQuarterly profits at US "
            "media giant TimeWarner jumped 76% to $1.13bn.\n";
        CHECK(read_string("bbc/business/001.txt", text).articles.at(0).section == "business");
        CHECK(read_string("x.zip::bbc/tech/132.txt", text).articles.at(0).section == "tech");
        CHECK(read_string("bbc/001.txt", text).articles.at(0).section.empty());  // top folder
        CHECK(read_string("corpus/data/001.txt", text).articles.at(0).section.empty());
        CHECK(read_string("a/Test Dataset 2020/001.txt", text).articles.at(0).section.empty());
        CHECK(read_string("001.txt", text).articles.at(0).section.empty());
    }

    TEST_CASE("format names and detection of the new formats") {
        for (Format f : {Format::html, Format::warc, Format::xml, Format::trec_sgml, Format::smart})
            CHECK(parse_format(format_name(f)) == f);
        CHECK(parse_format("arc") == Format::warc);
        CHECK(parse_format("cacm") == Format::smart);
        CHECK(detect_format("page.htm", "<p>hi") == Format::html);
        CHECK(detect_format("noext", "<!-- saved -->\n<!DOCTYPE html><html>") == Format::html);
        CHECK(detect_format("noext", "  <HTML><body>") == Format::html);
        CHECK(detect_format("x.warc", std::string("WARC/1.0\r\n\0\0", 12)) == Format::warc);
        CHECK(detect_format("noext", std::string("WARC/1.1\r\nx\0\0", 14)) == Format::warc);
        CHECK(detect_format("x.arc", "filedesc://x.arc 0.0.0.0 20140101000000 text/plain 5\n") ==
              Format::warc);
        CHECK(detect_format("0001.xml", "<document>\n\t<meta>\n\t\t<title>") == Format::xml);
        CHECK(detect_format("feed.xml", "<?xml version=\"1.0\"?><rss>") == Format::unknown);
        CHECK(detect_format("a.sgml", "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>") ==
              Format::trec_sgml);
        CollectSink other = read_string("x.xml", "<?xml version=\"1.0\"?><feed/>");
        CHECK(other.articles.empty());
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("mail reader") {
    /// A newsletter message as a mail client saves it as text (no MIME headers).
    const char* kSavedNewsletter =
        "From: The Morning Brief <brief@morningbrief-news.com>\n"
        "Date: Mon, 09 Nov 2026 06:00:00 +0000\n"
        "Subject: Morning Brief | Issue 412\n"
        "To: subscriber@example.net\n"
        "\n"
        "View this email in your browser\n"
        "\n"
        "U.S. Regulators Downgrade Brazil To Substandard\n"
        "By Declan Moore | 2 April 1987\n"
        "\n"
        "In a fresh sign of the strains caused by Brazil's suspension of interest payments on its "
        "medium-and long-term debt, U.S. bank regulators have lowered their rating of the "
        "country's creditworthiness to \"substandard,\" bankers said.\n";

    TEST_CASE("detection: .eml and .mbox by name; a text file by its header block") {
        CHECK(detect_format("inbox/msg.eml", "Subject: x\n\nbody") == Format::mail);
        CHECK(detect_format("archive.mbox", "From a@b Mon Nov  9 06:00:00 2026\n") == Format::mail);
        CHECK(detect_format("mail/msg-81493.txt", kSavedNewsletter) == Format::mail);
        CHECK(detect_format("mail/msg-81493", kSavedNewsletter) == Format::mail);
        CHECK(detect_format("2026-11-09.mbox.gz", "From a@b Mon Nov  9 06:00:00 2026\n") ==
              Format::mail);
        // An Outlook "save as" text: From / Sent / To / Subject.
        CHECK(detect_format("m.txt",
                            "From: Desk <d@x.pk>\nSent: Monday, November 9, 2026 6:02 "
                            "AM\nTo: r@inbox.example\nSubject: Issue 400\n\nText\n") ==
              Format::mail);
        // Text that merely opens with a "From:" line, or a header-like line of the story.
        CHECK(detect_format("a.txt",
                            "From: our correspondent in Karachi\nThe city's mayor said "
                            "on Monday that the rains would go on.\n") == Format::text);
        CHECK(detect_format("a.txt", "From: Karachi\nSubject: water\n\nA note.\n") ==
              Format::text);  // two fields: not a message's header block
        CHECK(detect_format("a.txt",
                            "Press release: for use on 9 November\nFrom: x\nSubject: "
                            "y\nTo: z\n\nText\n") == Format::text);
        CHECK(parse_format("eml") == Format::mail);
        CHECK(parse_format("mbox") == Format::mail);
        CHECK(format_name(Format::mail) == "mail");
    }

    TEST_CASE("a saved newsletter: the Date header dates nothing; the subject is the fallback") {
        CollectSink s = read_string("mail/morning-brief/msg-81493.txt", kSavedNewsletter);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.date_text.empty());
        REQUIRE_FALSE(a.date_notes.empty());
        CHECK(a.date_notes[0] ==
              "refused mail:Date \"Mon, 09 Nov 2026 06:00:00 +0000\" (when the "
              "message was sent, not the story's date)");
        // The text's first line for chrome removal to judge; the subject if it finds no headline.
        CHECK(a.title_from_first_line);
        CHECK(a.title == "View this email in your browser");
        CHECK(a.fallback_title == "Morning Brief | Issue 412");
        CHECK(contains(a.body, "By Declan Moore | 2 April 1987"));
        CHECK_FALSE(contains(a.body, "subscriber@example.net"));
        CHECK_FALSE(contains(a.body, "Subject:"));
        CHECK(a.site_name == "morningbrief-news.com");
        CHECK(a.origin.record == 1);
    }

    TEST_CASE("MIME: quoted-printable Urdu text part, encoded subject, HTML alternative ignored") {
        const std::string eml =
            "From: =?UTF-8?B?2LXYqNitINmG2Yg=?= <khabarnama@subh-e-nau.pk>\r\n"
            "Date: Wed, 02 Dec 2026 07:15:00 +0500\r\n"
            "Subject: =?UTF-8?B?2qnYsdin2obbjCDZhduM2rog2KjYp9ix2LQ=?=\r\n"
            "Message-ID: <issue-400@subh-e-nau.pk>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/alternative; boundary=\"b1\"\r\n"
            "\r\n"
            "--b1\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "\r\n"
            "=DA=A9=D8=B1=D8=A7=DA=86=DB=8C =D9=85=DB=8C=DA=BA =D8=B4=D8=AF=DB=8C=D8=AF =\r\n"
            "=D8=A8=D8=A7=D8=B1=D8=B4 =DA=A9=DB=92 =D8=A8=D8=B9=D8=AF\r\n"
            "\r\n"
            "=D9=BE=D8=A7=D9=86=DB=8C\r\n"
            "--b1\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            "\r\n"
            "<html><body><p>HTML copy only</p></body></html>\r\n"
            "--b1--\r\n";
        CollectSink s = read_string("inbox/400.eml", eml);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.fallback_title == "کراچی میں بارش");
        CHECK(a.title == "کراچی میں شدید بارش کے بعد");  // the soft line break undone
        CHECK(a.own_id == "issue-400@subh-e-nau.pk");
        CHECK(a.site_name == "subh-e-nau.pk");
        CHECK(a.body == "پانی");
        CHECK(a.date_text.empty());
        CHECK_FALSE(contains(a.title + a.body, "HTML copy"));
    }

    TEST_CASE("MIME: an HTML-only message goes through the article extractor") {
        const std::string eml =
            "From: Desk <desk@example.com>\nSubject: Rains in Karachi\nTo: r@example.net\n"
            "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n" +
            page("", std::string("<nav><a href=\"/\">Home</a></nav><article>") +
                         kDetroitParagraphs + "</article>");
        CollectSink s = read_string("m.eml", eml);
        REQUIRE(s.articles.size() == 1);
        CHECK(contains(s.articles[0].body, "Mike Glass threw for three touchdowns"));
        CHECK_FALSE(contains(s.articles[0].body, "<p>"));
        CHECK(s.articles[0].title == "Rains in Karachi");
    }

    TEST_CASE("a forwarded message: the story after the forwarded headers, no note, no signature") {
        const std::string gmail =
            "Subject: Fwd: Generale Occidentale Seeks 100 Mln Dlr Facility\n"
            "From: Sana Qureshi <sana.qureshi@newsroom-mail.example>\n"
            "Date: 27/01/2027, 13:57\n"
            "To: desk@newsroom-mail.example\n\n"
            "For tomorrow's explainer, worth reading in full.\n\n"
            "---------- Forwarded message ---------\n"
            "From: Tom Whitaker <tom.whitaker@newsroom-mail.example>\n"
            "Date: Wed, Jan 27, 2027 at 1:40 PM\n"
            "Subject: Generale Occidentale Seeks 100 Mln Dlr Facility\n"
            "To: Sana Qureshi <sana.qureshi@newsroom-mail.example>\n\n"
            "Generale Occidentale Seeks 100 Mln Dlr Facility\nBy Reuters\n"
            "Fri, March 13, 1987 at 7:13 AM EST\n\n"
            "Generale Occidentale, Paris, has mandated Orion Royal Bank Ltd to arrange a 100 mln "
            "dlr revolving credit facility, Orion said.\n\nSent from my phone\n";
        CollectSink s = read_string("mail-export/desk/Fwd_ Generale.txt", gmail);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.title == "Generale Occidentale Seeks 100 Mln Dlr Facility");
        CHECK_FALSE(a.title_from_first_line);  // the forwarded subject is the text's headline
        CHECK(contains(a.body, "Fri, March 13, 1987 at 7:13 AM EST"));
        CHECK_FALSE(contains(a.body, "tomorrow's explainer"));
        CHECK_FALSE(contains(a.body, "Forwarded message"));
        CHECK_FALSE(contains(a.body, "tom.whitaker"));
        CHECK_FALSE(contains(a.body, "Sent from my phone"));
        CHECK(a.date_text.empty());
        REQUIRE(a.date_notes.size() == 2);  // both messages' sending times, refused
        CHECK(contains(a.date_notes[1], "Wed, Jan 27, 2027 at 1:40 PM"));
        // Outlook's forward: a rule, then From / Sent / To / Subject; a "-- " signature.
        const std::string outlook =
            "From: Desk <desk@example.pk>\nSubject: FW: Rains\nTo: r@example.pk\n\n"
            "See below.\n\n________________________________\n"
            "From: Bureau <bureau@example.pk>\nSent: Monday, November 9, 2026 6:02 AM\n"
            "To: Desk <desk@example.pk>\nSubject: Rains\n\n"
            "Heavy rain lashed Karachi on Monday.\n\nThe mayor said drains were cleared.\n"
            "-- \nBureau chief\n+92 21 000000\n";
        s = read_string("m.eml", outlook);
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].title == "Heavy rain lashed Karachi on Monday.");
        CHECK(s.articles[0].fallback_title == "Rains");
        CHECK(s.articles[0].body == "The mayor said drains were cleared.");
    }

    TEST_CASE("a page a browser saved as one file (MHTML): its address, title and story") {
        const std::string mhtml =
            "From: <Saved by Blink>\r\n"
            "Snapshot-Content-Location: https://www.detroitnews.com/story/sport/2019/11/19/"
            "eastern-michigan-northern-illinois/\r\n"
            "Subject: Tuesday's college football | The Detroit News\r\n"
            "Date: Mon, 7 Dec 2026 10:00:00 -0000\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            "\tboundary=\"----MultipartBoundary--x1----\"\r\n\r\n\r\n"
            "------MultipartBoundary--x1----\r\n"
            "Content-Type: text/html\r\n"
            "Content-ID: <frame-1@mhtml.blink>\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: https://www.detroitnews.com/story/sport/2019/11/19/"
            "eastern-michigan-northern-illinois/\r\n\r\n"
            "<!DOCTYPE html><html lang=3D\"en\"><head><meta charset=3D\"utf-8\"><title>Tues=\r\n"
            "day's college football</title></head><body>" +
            detroit_body() +
            "</body></html>\r\n"
            "------MultipartBoundary--x1----\r\n"
            "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Location: https://www.detroitnews.com/logo.png\r\n\r\niVBORw0KGgo=\r\n"
            "------MultipartBoundary--x1------\r\n";
        CHECK(detect_format("saved/Tuesday's college football.mhtml", mhtml) == Format::mail);
        CHECK(detect_format("saved/page", mhtml) == Format::mail);
        CollectSink s = read_string("saved/Tuesday's college football.mhtml", mhtml);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.url ==
              "https://www.detroitnews.com/story/sport/2019/11/19/"
              "eastern-michigan-northern-illinois/");
        CHECK(a.title == "Tuesday's college football");
        CHECK(contains(a.body, "Mike Glass threw for three touchdowns"));
        CHECK_FALSE(contains(a.body, "Lions lose again"));  // the page's aside
        // Dated by its own address (/2019/11/19/), not by the day it was saved (Date:).
        CHECK(a.date_text == "2019-11-19");
        CHECK(a.date_field == "url");
        CHECK(contains(a.date_notes.back(), "refused mail:Date"));
    }

    TEST_CASE("a forwarded message saved alone: its marker first, then its headers") {
        const std::string fwd =
            "---------- Forwarded message ---------\n"
            "From: Liffey Evening <newsletter@liffey-evening.ie>\n"
            "Date: Mon, Jun 14, 2027 at 6:04 AM\n"
            "Subject: Soaking Rains Boost Dry Australian Sugar Cane Area\n"
            "To: <desk@newsroom-archive.org>\n\n"
            "Soaking Rains Boost Dry Australian Sugar Cane Area\nBy Reuters\n"
            "Mon 27 Apr 1987 - 03:59\n\nGood soaking rain is boosting the sugar cane crop in the "
            "key Mackay region of Queensland.\n";
        CHECK(detect_format("mail-export/2027-06-14_2446924.txt", fwd) == Format::mail);
        CollectSink s = read_string("mail-export/2027-06-14_2446924.txt", fwd);
        REQUIRE(s.articles.size() == 1);
        const Article& a = s.articles[0];
        CHECK(a.title == "Soaking Rains Boost Dry Australian Sugar Cane Area");
        CHECK(a.date_text.empty());
        CHECK(contains(a.date_notes.back(), "Mon, Jun 14, 2027 at 6:04 AM"));
        CHECK_FALSE(contains(a.body, "newsroom-archive"));
        // An mbox known by its content alone (no extension).
        CHECK(detect_format("archive",
                            "From a@b Mon Nov  9 06:00:00 2026\nFrom: A <a@b.c>\n"
                            "Subject: x\nDate: Mon, 09 Nov 2026 06:00:00 +0000\n\n"
                            "Text.\n") == Format::mail);
    }

    TEST_CASE("mail as servers and clients really write it (review of the e-mail reader)") {
        const std::string story =
            "Heavy rains lashed Karachi on Sunday, flooding roads across the city and cutting "
            "power to thousands of homes, officials said.\n\nThe Met office forecast more rain "
            "for the coming week.\n";
        // Long and odd header names (Office 365, Exim), blank lines before the headers.
        const std::string o365 =
            "\n\nReceived: from mail.example.com (10.0.0.1) by mx.example.com\n"
            "X-MS-Exchange-CrossTenant-originalarrivaltime: 09 Nov 2026 06:00:00.0000 (UTC)\n"
            "X-Spam_score: 0.1\nFrom: Desk <desk@example.pk>\nSubject: Rains lash Karachi\n"
            "Date: Mon, 09 Nov 2026 06:00:00 +0000\n\n" +
            story;
        CHECK(detect_format("inbox/o365msg", o365) == Format::mail);
        CollectSink s = read_string("inbox/o365msg", o365);
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].fallback_title == "Rains lash Karachi");
        CHECK(s.articles[0].date_text.empty());
        CHECK_FALSE(contains(s.articles[0].title + s.articles[0].body, "X-Spam"));
        // A forwarded marker with nothing after it: the text as it is.
        s = read_string("m.eml", "From: a@b.c\nSubject: x\nTo: d@e.f\n\n" + story +
                                     "\n---------- Forwarded message ---------\n\n");
        REQUIRE(s.articles.size() == 1);
        CHECK(contains(s.articles[0].title + s.articles[0].body, "Heavy rains lashed"));
        // A blank text part: the HTML part is the story.
        s = read_string("m.eml",
                        "From: a@b.c\nSubject: Brief\nTo: d@e.f\nMIME-Version: 1.0\n"
                        "Content-Type: multipart/alternative; boundary=\"AA\"\n\n--AA\n"
                        "Content-Type: text/plain; charset=utf-8\n\n \n\n--AA\n"
                        "Content-Type: text/html; charset=utf-8\n\n<html><body><h1>Rains lash "
                        "Karachi</h1><p>" +
                            story + "</p></body></html>\n--AA--\n");
        REQUIRE(s.articles.size() == 1);
        CHECK(contains(s.articles[0].title + s.articles[0].body, "Heavy rains lashed"));
        // Forwarded as an attachment (message/rfc822): the attached message is the story.
        s = read_string("m.eml",
                        "From: a@b.c\nSubject: Fwd: Rains lash Karachi\nTo: d@e.f\n"
                        "Date: Mon, 09 Nov 2026 06:00:00 +0000\n"
                        "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"BB\"\n\n"
                        "--BB\nContent-Type: text/plain\n\nFYI see attached.\n--BB\n"
                        "Content-Type: message/rfc822\n\nFrom: Bureau <b@example.pk>\n"
                        "Subject: Rains lash Karachi\nDate: Sun, 08 Nov 2026 20:00:00 +0500\n\n"
                        "Rains lash Karachi\n\n" +
                            story + "--BB--\n");
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].title == "Rains lash Karachi");
        CHECK(contains(s.articles[0].body, "Met office"));
        CHECK_FALSE(contains(s.articles[0].body, "FYI"));
        CHECK(s.articles[0].date_notes.size() == 2);
        // A saved page whose HTML part names no charset: its <meta> does (windows-1252).
        s = read_string("page.mht",
                        "From: <Saved by Windows Internet Explorer 8>\nSubject: Pluies\n"
                        "Date: Mon, 9 Nov 2026 06:00:00 +0100\nMIME-Version: 1.0\n"
                        "Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n"
                        "<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; "
                        "charset=3Dwindows-1252\"><title>Pluies torrentielles =E0 Karachi</title>"
                        "</head><body><h1>Pluies torrentielles =E0 Karachi</h1><p>Des pluies "
                        "torrentielles se sont abattues dimanche sur Karachi, a d=E9clar=E9 la "
                        "municipalit=E9 de la ville.</p></body></html>\n");
        REQUIRE(s.articles.size() == 1);
        CHECK(s.articles[0].title == "Pluies torrentielles à Karachi");
        CHECK(contains(s.articles[0].body, "déclaré"));
        // An mbox whose message has a line starting "From " unescaped: two messages still.
        s = read_string("x.mbox",
                        "From a@b Mon Nov  9 06:00:00 2026\nFrom: A <a@dawn.com>\nSubject: "
                        "Schools to close\n\nSchools across Punjab will close for two weeks, the "
                        "minister said.\n\nFrom Monday, classes will move online.\n\n"
                        "From b@c Mon Nov  9 07:00:00 2026\nFrom: B <b@dawn.com>\nSubject: "
                        "Second\n\nSecond story's headline\n\nThe second story's text.\n");
        REQUIRE(s.articles.size() == 2);
        CHECK(contains(s.articles[0].body, "From Monday, classes will move online."));
        CHECK(s.articles[1].title == "Second story's headline");
        CHECK(s.bad.empty());
    }

    TEST_CASE("an mbox file: one article per message; a message with no text is a bad record") {
        const std::string mbox =
            "From brief@morningbrief-news.com Mon Nov  9 06:00:00 2026\n"
            "From: Brief <brief@morningbrief-news.com>\nSubject: First\nTo: a@b.c\n\n"
            "First story's headline\n\nThe first story's text.\n>From the archive, a line.\n\n"
            "From brief@morningbrief-news.com Tue Nov 10 06:00:00 2026\n"
            "From: Brief <brief@morningbrief-news.com>\nSubject: Second\nTo: a@b.c\n"
            "MIME-Version: 1.0\nContent-Type: application/pdf\nContent-Transfer-Encoding: "
            "base64\n\nJVBERi0xLjQK\n\n"
            "From brief@morningbrief-news.com Wed Nov 11 06:00:00 2026\n"
            "From: Brief <brief@morningbrief-news.com>\nSubject: Third\nTo: a@b.c\n\n"
            "Third story's headline\n\nThe third story's text.\n";
        CollectSink s = read_string("2026-11.mbox", mbox);
        REQUIRE(s.articles.size() == 2);
        CHECK(s.articles[0].title == "First story's headline");
        CHECK(contains(s.articles[0].body, "From the archive"));
        CHECK(s.articles[0].origin.record == 1);
        CHECK(s.articles[1].title == "Third story's headline");
        CHECK(s.articles[1].origin.record == 3);
        REQUIRE(s.bad.size() == 1);
        CHECK(s.bad[0].where.record == 2);
        CHECK(contains(s.bad[0].reason, "no text or HTML part"));
    }
}
