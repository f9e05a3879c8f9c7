/** @file
 * @brief Page-chrome removal (issue 7): blocks and shapes, bounded block statistics and their
 *        persistence, datelines, derived titles, and the three labelled sets of testdata/chrome
 *        (real bodies wrapped in real chrome, 919 pages): chrome-only phrases removed everywhere,
 *        leads and repeated wire leads kept, no date taken from chrome.
 */
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cleaning/article_cleaning.h"
#include "cleaning/block_stats.h"
#include "cleaning/blocks.h"
#include "cleaning/chrome_store.h"
#include "cleaning/cleaner.h"
#include "cleaning/dateline.h"
#include "cleaning/labelled_set.h"
#include "cleaning/page_reading.h"
#include "cleaning/shape_rules.h"
#include "cleaning/stats_pass.h"
#include "database/schema.h"
#include "dates/date_parser.h"
#include "dates/saving_time.h"
#include "entries/entry_walker.h"
#include "records/record_reader.h"
#include "test_support.h"
#include "writer/index_writer.h"

using namespace khabar::cleaning;
using khabar::Article;

namespace {

std::vector<std::string> block_texts(std::string_view text) {
    std::vector<std::string> out;
    for (const Block& b : split_blocks(text))
        out.emplace_back(text.substr(b.span.begin, b.span.size()));
    return out;
}

/// Statistics where `pages` pages of `source` each carry `chrome` plus one unique line.
BlockStats stats_with(const std::string& source, const std::string& chrome, int pages) {
    BlockStats stats;
    for (int i = 0; i < pages; ++i)
        stats.add_page(source, chrome + "\nunique story line number " + std::to_string(i * 7919));
    return stats;
}

/// The non-blank, trimmed lines of a text.
std::set<std::string> line_set(std::string_view text) {
    std::set<std::string> out;
    std::istringstream in{std::string(text)};
    for (std::string line; std::getline(in, line);) {
        const auto b = line.find_first_not_of(" \t\r");
        const auto e = line.find_last_not_of(" \t\r");
        if (b != std::string::npos) out.insert(line.substr(b, e - b + 1));
    }
    return out;
}

/// The labelled sets, loaded and evaluated once for all test cases.
const std::map<std::string, Evaluation>& evaluations() {
    static const std::map<std::string, Evaluation> all = [] {
        std::map<std::string, Evaluation> m;
        const auto dir = khabar::test::source_dir() / "testdata" / "chrome";
        static std::map<std::string, std::vector<LabelledPage>> pages;  // outlive the evaluations
        for (const char* set : {"dev", "holdout", "fresh"}) {
            pages[set] = load_labelled_set(dir, set);
            m[set] = evaluate(pages[set]);
        }
        return m;
    }();
    return all;
}

std::string line_text(const PageOutcome& o, std::size_t i) {
    return o.text.substr(o.lines[i].begin, o.lines[i].size());
}

}  // namespace

namespace {

/// Twelve Urdu place names: twelve pages of one site that differ in their story.
const char* const places[] = {"لاہور", "کراچی", "پشاور", "کوئٹہ", "ملتان", "سکھر",
                              "گلگت",  "مری",   "سوات",  "قصور",  "چترال", "بنوں"};

/// Counts twelve pages of `source` (its record field), page(0) .. page(11), in `stats`.
template <typename PageOf>
void count_pages(BlockStats& stats, const std::string& source, PageOf page) {
    for (int i = 0; i < 12; ++i) {
        Article a;
        a.source = source;
        a.body = page(i);
        add_to_stats(stats, a, TitleLayout::separate);
    }
}

}  // namespace

TEST_CASE("blocks: lines, hard-wrapped paragraphs, blank lines") {
    CHECK(block_texts("Home\nNews\n\nSport\n") ==
          std::vector<std::string>{"Home", "News", "Sport"});
    const std::string wrapped =
        "The Federal Home Loan Bank Board adjusted the rates on its short-term\n"
        "discount notes as follows, a spokesman for the board said in Washington\n"
        "today.\n"
        "Advertisement\n\n"
        "Dealers said Federal funds were trading at 6-3/16 pct when the Fed began\n"
        "its temporary and indirect supply of reserves to the banking system.\n";
    const auto blocks = block_texts(wrapped);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].starts_with("The Federal Home Loan"));
    CHECK(blocks[0].ends_with("today."));
    CHECK(blocks[1] == "Advertisement");            // not glued to the paragraph above it
    CHECK(blocks[2].ends_with("banking system."));  // two lines: the text's wrap width
    // A headline list of similar lengths is not a wrapped paragraph.
    CHECK(block_texts("Taylor Swift wants to re-record her old hits after row\n"
                      "The Taylor Swift, Scooter Braun, Justin Bieber row explained\n"
                      "Former UK consulate worker says China tortured him\n")
              .size() == 3);
    // A rule line breaks paragraphs, as a blank line does, and is in no block.
    CHECK(block_texts("Clip 4 of 64\n------------------\nRexnord To Sell Railway Unit\n"
                      "==========\nRexnord Inc said it signed an agreement.\n") ==
          std::vector<std::string>{"Clip 4 of 64", "Rexnord To Sell Railway Unit",
                                   "Rexnord Inc said it signed an agreement."});
    // A headline over its date line, alone between rules, on a page wrapped at 72 columns: two
    // blocks, not one wrapped sentence.
    const std::string clip =
        "------------------------------------------------------------------------\n"
        "Rexnord says it signed a definitive agreement on its railway equipment unit\n"
        "Source: Reuters (Newswire)  |  Date: 11 Mar 1987  |  Country: United States\n"
        "------------------------------------------------------------------------\n"
        "Rexnord Inc said it signed a definitive agreement to sell its Railway\n"
        "Maintenance Equipment Co subsidiary to Oak Industries Inc. Terms were\n"
        "withheld by the companies, which did not say when the sale would close.\n";
    const auto clip_blocks = block_texts(clip);
    REQUIRE(clip_blocks.size() == 3);
    CHECK(clip_blocks[1].starts_with("Source: Reuters"));
    CHECK(clip_blocks[2].ends_with("would close."));
    // A list's items of about one width (a Markdown clipping's "Read more" links) are not prose
    // wrapped at that width: each item is a block of its own.
    const std::string items =
        "- Thai army chief urges calm, doesn\xE2\x80\x99t rule out coup \xE2\x80\x94 17 Mar 2027\n"
        "- More time sought for printing of ballot papers \xE2\x80\x94 17 Mar 2027\n"
        "- China rejects criticism over nuclear cooperation \xE2\x80\x94 16 Mar 2027\n"
        "- Subsidies hurting oil exporting countries \xE2\x80\x94 16 Mar 2027\n";
    const auto item_blocks = block_texts(items);
    REQUIRE(item_blocks.size() == 4);
    CHECK(item_blocks[1].starts_with("- More time sought"));
    const auto spans = split_blocks("a\n\nb\nc");
    REQUIRE(spans.size() == 3);
    CHECK(!spans[0].blank_before);
    CHECK(spans[1].blank_before);
    CHECK(!spans[2].blank_before);
}

TEST_CASE("block shapes: whitespace, case, digits, month names, Urdu digits") {
    struct Case {
        std::string_view a, b;
        bool same;
    };
    const Case cases[] = {
        {"Updated 02 May, 2024", "updated 1 Apr, 2023", true},
        {"  Share   this with Facebook ", "share this with facebook", true},
        {"• Most read", "Most read", true},
        {"۲۰ نومبر ۲۰۲۴", "20 نومبر 2024", true},
        {"20 نومبر 2024", "3 مئی 2023", true},
        {"Polio drive", "Punishing evaders", false},
        {"5 Min Read", "12 min read", true},
        {"Nifty: 11991.8+51.7", "Nifty: 11968.4-23.4", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.a);
        CAPTURE(c.b);
        CHECK((shape_hash(block_shape(c.a)) == shape_hash(block_shape(c.b))) == c.same);
    }
    const BlockFacts f = describe_block("30-69 days 5.00 pct 5.00 pct");
    CHECK(f.words == 6);
    CHECK(f.numbers == 3);  // "#-#", "#.#", "#.#"
    CHECK(describe_block("He said no more.").sentence_end);
    CHECK(describe_block("Floods killed 41 people and drove 70,000 from their...").truncated);
    CHECK(!describe_block("Floods killed 41 people and drove 70,000 from their...").sentence_end);
}

TEST_CASE("block memo: same facts and shapes, each text described once, within its budget") {
    const std::vector<std::string> texts = {
        "Updated 02 May, 2024",
        "HOUSTON, March 3 - Texas Oil Co said it raised prices.",
        "  • Read more  ",
        "۳ دسمبر ۲۰۲۴",
        "September SEPTEMBER wednesday Décembre",
        "Nifty: 11991.8+51.7",
        "Floods killed 41 people and drove 70,000 from their...",
        std::string(300, 'x') + " 12"};
    auto same = [](const BlockFacts& a, const BlockFacts& b) {
        return a.hash == b.hash && a.literal == b.literal && a.words == b.words &&
               a.numbers == b.numbers && a.sentence_end == b.sentence_end &&
               a.full_stop == b.full_stop && a.truncated == b.truncated;
    };
    std::vector<BlockFacts> plain;
    std::vector<std::string> shapes;
    for (const auto& t : texts)
        plain.push_back(describe_block(t)), shapes.push_back(block_shape(t));
    {
        BlockMemoScope memo(1 << 20);
        for (int round = 0; round < 2; ++round) {
            for (std::size_t i = 0; i < texts.size(); ++i) {
                CAPTURE(texts[i]);
                CHECK(same(describe_block(texts[i]), plain[i]));
                CHECK(block_shape(texts[i]) == shapes[i]);
            }
        }
        CHECK(BlockMemoScope::entries() == texts.size());
        // Round 0: each shape after its facts (1 hit, the long text's shape is not kept);
        // round 1: both calls of every text but the long one's shape.
        CHECK(BlockMemoScope::hits() == (texts.size() - 1) + (2 * texts.size() - 1));
    }
    CHECK(BlockMemoScope::entries() == 0);  // gone with its scope
    BlockMemoScope tiny(200);               // room for one short text with its overhead
    for (const auto& t : texts) CHECK(same(describe_block(t), describe_block(t)));
    CHECK(BlockMemoScope::entries() == 1);
}

TEST_CASE("block statistics: distinct pages per source") {
    BlockStats stats;
    stats.add_page("site:a", "Menu\nMenu\nStory one");  // twice on one page: one page
    stats.add_page("site:a", "Menu\nStory two");
    stats.add_page("site:b", "Menu\nStory three");
    const auto menu = shape_hash(block_shape("Menu"));
    CHECK(stats.pages("site:a") == 2);
    CHECK(stats.pages("site:b") == 1);
    CHECK(stats.pages("site:c") == 0);
    CHECK(stats.pages_with("site:a", menu) == 2);
    CHECK(stats.pages_with("site:b", menu) == 0);  // seen on one page only: not tracked
    CHECK(stats.pages_with("site:a", shape_hash(block_shape("Story one"))) == 0);
}

TEST_CASE("block statistics: serialize / deserialize round trip, merge, corrupt data") {
    BlockStats stats =
        stats_with("site:dawn.com", "Opinion\nEditorial\nPolio drive\n01 May, 2024", 40);
    stats.add_page("dir:express.pk", "مزید خبریں\nمزید خبریں\nایک");
    stats.add_page("dir:express.pk", "مزید خبریں\nدو");
    const std::string data = stats.serialize();
    const auto back = BlockStats::deserialize(data);
    REQUIRE(back.has_value());
    CHECK(back->serialize() == data);
    CHECK(back->pages("site:dawn.com") == 40);
    CHECK(back->pages("dir:express.pk") == 2);
    for (const char* line : {"Opinion", "Editorial", "Polio drive", "01 May, 2024"})
        CHECK(back->pages_with("site:dawn.com", shape_hash(block_shape(line))) == 40);
    CHECK(back->pages_with("dir:express.pk", shape_hash(block_shape("مزید خبریں"))) == 2);

    BlockStats merged = *back;  // a later dump of the same site adds to the stored counts
    merged.merge(stats_with("site:dawn.com", "Opinion", 10));
    CHECK(merged.pages("site:dawn.com") == 50);
    CHECK(merged.pages_with("site:dawn.com", shape_hash(block_shape("Opinion"))) == 50);
    CHECK(merged.pages_with("site:dawn.com", shape_hash(block_shape("Polio drive"))) == 40);

    CHECK(!BlockStats::deserialize("").has_value());
    CHECK(!BlockStats::deserialize("not statistics").has_value());
    CHECK(!BlockStats::deserialize(data.substr(0, data.size() - 1)).has_value());
    CHECK(!BlockStats::deserialize(data + "x").has_value());
}

TEST_CASE("page reading: a page cleaned from its first-pass reading is cleaned the same") {
    BlockStats stats;
    std::vector<std::string> pages;
    for (int i = 0; i < 12; ++i) {
        pages.push_back("Home | World | Sport\nUpdated 0" + std::to_string(1 + i % 9) +
                        " May, 2024\n\nStory number " + std::string(1, static_cast<char>('a' + i)) +
                        " tells of the river that rose over the bridge in the night and the "
                        "town that woke to water.\n\nRead more\nOther headline one\n"
                        "Other headline two\n\u00a9 2024 The Site");
        stats.add_page("site:a", pages.back());
    }
    const Cleaner cleaner(stats);
    auto same = [](const CleanResult& a, const CleanResult& b) {
        if (a.text != b.text || a.removed != b.removed || a.blocks.size() != b.blocks.size() ||
            a.dateline.has_value() != b.dateline.has_value())
            return false;
        for (std::size_t i = 0; i < a.blocks.size(); ++i)
            if (!(a.blocks[i].span == b.blocks[i].span) || a.blocks[i].kind != b.blocks[i].kind ||
                a.blocks[i].reason != b.blocks[i].reason || a.blocks[i].pages != b.blocks[i].pages)
                return false;
        return !a.dateline || a.dateline->text == b.dateline->text;
    };
    for (const std::string& page : pages) {
        CAPTURE(page);
        const PageReading reading = read_blocks(page);
        CHECK(hashes_of(reading) == page_hashes(page));
        const CleanResult plain = cleaner.clean("site:a", page, "Story");
        CHECK(plain.removed > 0);
        CHECK(same(cleaner.clean("site:a", page, "Story", {}, &reading), plain));
        const PageReading other = read_blocks(pages[0] + "\nmore");  // another text's: not used
        CHECK(same(cleaner.clean("site:a", page, "Story", {}, &other), plain));
    }
}

TEST_CASE("block statistics: a small dump's sketch stays sparse, the same counts once it grows") {
    auto words = [](int n) {  // a unique line without digits (digits share one shape)
        std::string w = "story";
        for (; n > 0; n /= 26) w += std::string(" ") + static_cast<char>('a' + n % 26) + "x";
        return w;
    };
    auto page = [&](int i) {
        std::string text = "Menu\nShare this with Facebook\n";
        for (int k = 0; k < 5; ++k) text += words(10 * i + k) + "\n";
        return text;
    };
    BlockStats small_dump;  // default limits: 8 MiB of counters once dense
    for (int i = 0; i < 120; ++i) small_dump.add_page("site:a", page(i));
    CHECK(small_dump.memory_bytes() < (std::size_t{1} << 20));
    CHECK(small_dump.pages_with("site:a", shape_hash(block_shape("Menu"))) == 120);
    CHECK(small_dump.pages_with("site:a", shape_hash(block_shape(words(10)))) == 0);

    StatsLimits narrow;  // dense after 1,024 counters: crossed half-way
    narrow.sketch_width = 1 << 12;
    BlockStats grown(narrow);
    for (int i = 0; i < 100; ++i) {
        grown.add_page("site:a", page(i));
        CAPTURE(i);
        CHECK(grown.pages_with("site:a", shape_hash(block_shape("Menu"))) == (i >= 1 ? i + 1 : 0));
    }
    CHECK(grown.memory_bytes() >= 8 * narrow.sketch_width);  // the full sketch now
    CHECK(grown.pages_with("site:a", shape_hash(block_shape("Share this with Facebook"))) == 100);
    CHECK(grown.pages_with("site:a", shape_hash(block_shape(words(10)))) == 0);
}

TEST_CASE("block statistics: memory stays bounded when fed 100k distinct blocks") {
    StatsLimits small;
    small.sketch_width = 1 << 12;
    small.max_pairs = 1 << 10;
    const std::size_t cap = 8 * small.sketch_width + 32 * small.max_pairs + 4096;
    BlockStats stats(small);
    for (int page = 0; page < 1000; ++page) {
        std::string text = "Share this with Facebook\n";  // chrome on every page
        for (int k = 0; k < 100; ++k)
            text += "block " + std::to_string(page * 100 + k) + " of text\n";
        stats.add_page("site:big", text);
        CHECK(stats.memory_bytes() <= cap);
    }
    CHECK(stats.pair_count() <= small.max_pairs);
    CHECK(stats.pages_with("site:big", shape_hash(block_shape("Share this with Facebook"))) >= 990);
    CHECK(stats.serialize().size() < 16 * small.max_pairs + 64);

    BlockStats defaults;  // the defaults hold 16 MiB at most
    for (int i = 0; i < 100000; ++i) defaults.add_page("site:big", "line " + std::to_string(i));
    CHECK(defaults.memory_bytes() <= (std::size_t{16} << 20) + 4096);
}

TEST_CASE("datelines: own, wire, trailer, and never from chrome") {
    auto d = find_article_dateline(
        "Headline\nPublished May 13, 2017 04:02pm\n"
        "Social media giant Facebook has refused to comply with the "
        "request to link all accounts with phone numbers.");
    REQUIRE(d.has_value());
    CHECK(d->kind == Dateline::Kind::line);
    CHECK(d->parses);
    CHECK(khabar::parse_date(d->text)->iso() == "2017-05-13");

    const std::string wire =
        "TTP owns Karachi attack\nKARACHI, Nov 23: The Pakistani Taliban claimed responsibility "
        "on Saturday for twin bomb attacks targeting Shias in the city, officials said.";
    d = find_article_dateline(wire);
    REQUIRE(d.has_value());
    CHECK(d->kind == Dateline::Kind::city);
    CHECK(d->text == "Nov 23");
    CHECK(!d->parses);  // no year: the article stays undated
    CHECK(wire.substr(d->span.begin, d->span.size()) == "Nov 23");

    // The issue's page: the story, then the site's sidebar with other stories' dates.
    const std::string page =
        "Social media giant Facebook has refused to comply with Pakistan's request to link all "
        "Facebook accounts with phone numbers, an official said.\n"
        "Opinion\nEditorial\nPunishing evaders\n02 May, 2024\nEngaging Riyadh\n"
        "Updated 02 May, 2024\nPolio drive\n01 May, 2024\n";
    CHECK(!find_article_dateline(page).has_value());

    const std::string trailer =
        "Headline\nThe government will soon start releasing annual funds to be spent on "
        "development schemes, officials said.\nPublished in Dawn, November 24th, 2013\n"
        "Opinion\n02 May, 2024\n";
    d = find_article_dateline(trailer);
    REQUIRE(d.has_value());
    CHECK(d->kind == Dateline::Kind::trailer);
    CHECK(khabar::parse_date(d->text)->iso() == "2013-11-24");

    // A syndication trailer written as a sentence, and one too long for a date line.
    for (const std::string line :
         {"This article was originally published on November 24, 2013.",
          "A version of this article appears in print on November 24, 2013, Section A, Page 1 of "
          "the New York edition with the headline: Funds Released."}) {
        CAPTURE(line);
        d = find_article_dateline(
            "Headline\nThe government will soon start releasing annual funds to be spent on "
            "development schemes, officials said.\n" +
            line + "\nOpinion\n02 May, 2024\n");
        REQUIRE(d.has_value());
        CHECK(d->kind == Dateline::Kind::trailer);
        CHECK(khabar::parse_date(d->text)->iso() == "2013-11-24");
    }
    // A story sentence that starts like no trailer stays a sentence.
    CHECK(!find_article_dateline("Headline\nThe government will soon start releasing annual funds "
                                 "to be spent on development schemes, officials said.\nThe plan "
                                 "was first announced on November 24, 2013.\n")
               .has_value());

    // An Urdu dateline with the Hijri date first, under the headline.
    d = find_article_dateline(
        "کراچی میں بارش\nہفتہ 6 جمادی الاول 1446ھ 9 نومبر 2024ء\n"
        "کراچی میں شدید بارش کے بعد کئی علاقوں میں پانی جمع ہو گیا اور شہریوں کو مشکلات کا سامنا "
        "کرنا پڑا۔\nمحکمہ موسمیات کے مطابق بارش کا یہ سلسلہ کل تک جاری رہے گا اور درجہ حرارت "
        "میں کمی ہوگی۔\n");
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "2024-11-09");

    // A header date wedged between removed blocks is the site's, not the article's.
    const std::string header =
        "GET IT\nWednesday 20 Nov 2019\nupdated: 3:26 pm IST\nTitle\n"
        "Beijing is balking at committing to a specific amount of farm "
        "product purchases, people briefed on the talks said.";
    const std::size_t updated = header.find("updated:");
    const Span removed[] = {{0, 6}, {updated, updated + 20}};
    CHECK(!find_article_dateline(header, removed).has_value());
}

TEST_CASE("datelines: a question headline over a byline date") {
    // An Urdu byline date under a question headline of twelve words: the headline is the
    // story's header, not its first paragraph, so the date above the lead is the article's.
    const std::string lead =
        "آرٹیفیشل انٹیلی جنس نے پاکستانی فاسٹ بولر شاہین شاہ آفریدی کی انڈین پریمئیر لیگ میں "
        "ممکنہ قیمت پندرہ کروڑ بھارتی روپے لگا دی ہے جبکہ دوسرے کھلاڑیوں کی قیمت کم رہی۔\n";
    auto d = find_article_dateline(
        "آئی پی ایل؛ پاکستانی کھلاڑیوں کیلئے اے آئی نے آخر کتنی بولی لگائی؟\n"
        "ویب ڈیسک | ۲ دسمبر ۲۰۲۴\n" +
        lead);
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "2024-12-02");
    // English, the same shape.
    d = find_article_dateline(
        "Will the rupee hold its ground against the dollar after the central bank raises rates "
        "again?\nBy Staff Reporter | May 13, 2017\n"
        "The rupee fell for a third day on Monday as importers bought dollars to settle their "
        "bills before the end of the month, dealers said.\n");
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "2017-05-13");
    // A standfirst (a first paragraph of at most 100 words) with a bare date line under it: the
    // date is the article's, in English and in Urdu.
    const std::string second =
        "The rupee fell for a third day on Monday as importers bought dollars to settle their "
        "bills before the end of the month, dealers said.\n";
    d = find_article_dateline(
        "The rupee held its ground against the dollar after the central bank raised rates "
        "again today.\n3 April 1987 | 10:44\n" +
        second);
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "1987-04-03");
    d = find_article_dateline(
        "روپے کی قدر میں مسلسل تیسرے روز کمی ہوئی جبکہ درآمد کنندگان نے ماہ کے آخر سے پہلے "
        "ادائیگیوں کے لیے ڈالر خریدے۔\nتاریخ اشاعت: ۱۴ دسمبر ۲۰۲۴\n" +
        lead);
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "2024-12-14");
    // Under a paragraph, a line with a headline before its date is an inline teaser, not the
    // article's date.
    d = find_article_dateline(
        "The rupee held its ground against the dollar after the central bank raised rates "
        "again today.\nAlso read: Oil prices climb on supply fears \xE2\x80\x94 3 Jun 2024\n" +
        second);
    CHECK_FALSE(d.has_value());
}

TEST_CASE("datelines: 'Originally published' above the story is its header, below it a trailer") {
    const std::string lead =
        "Kuwaiti Oil Minister Sheikh Ali al-Khalifa al-Sabah said in a newspaper interview that "
        "no OPEC member was exceeding oil production quotas allocated by the group.\n";
    auto d = find_article_dateline(
        "Kuwait Says No Opec Member Violating Output Quota\nBy Reuters\n"
        "Originally published Wed., March 18, 1987 at 3:54 a.m.\n\n" +
        lead);
    REQUIRE(d.has_value());
    CHECK(d->kind == Dateline::Kind::line);
    CHECK(khabar::parse_date(d->text)->iso() == "1987-03-18");
    d = find_article_dateline("Kuwait Says No Opec Member Violating Output Quota\n\n" + lead +
                              "\nThis article was originally published on March 19, 1987.\n");
    REQUIRE(d.has_value());
    CHECK(d->kind == Dateline::Kind::trailer);
}

TEST_CASE("datelines: a wire dateline whose city ends in a one-letter word") {
    // A market report's wire dateline: a city whose last word is one letter.
    auto d = find_city_dateline(
        "COPPER GRADE A, April 7, 1987 (Reuters) - Cash easier 3months barely steady");
    REQUIRE(d.has_value());
    CHECK(d->text == "April 7, 1987");
    CHECK(d->parses);
    CHECK_FALSE(find_city_dateline("A, April 7, 1987 (Reuters) - Cash easier").has_value());
}

TEST_CASE("datelines: a city, then its full date in brackets (Urdu press releases)") {
    const std::string lead = " ایف آئی اے کے انسداد دہشت گردی ونگ کو خصوصی اختیارات مل گئے ہیں۔";
    const std::string date = "27 نومبر 2026ء";
    auto d = find_city_dateline("اسلام آباد (" + date + ")" + lead);
    REQUIRE(d.has_value());
    CHECK(d->text == date);
    CHECK(d->parses);
    CHECK(khabar::parse_date(d->text)->iso() == "2026-11-27");
    // After a credit, and with no space before the bracket.
    const std::string credit = "اردو پوائنٹ اخبار تازہ ترین۔ ";
    d = find_city_dateline("لاہور(" + credit + date + ")" + lead);
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "2026-11-27");
    // A credit with no date, a year alone, a sentence before the bracket: no dateline.
    CHECK_FALSE(find_city_dateline("اسلام آباد (" + credit + ")" + lead).has_value());
    CHECK_FALSE(find_city_dateline("اسلام آباد (2026)" + lead).has_value());
    CHECK_FALSE(find_city_dateline(lead + " (" + date + ")").has_value());
    CHECK_FALSE(find_city_dateline("انہوں نے کہا، (" + date + ")" + lead).has_value());
    // A birth date in brackets after a name is not a dateline (a credit ends in a separator).
    CHECK_FALSE(find_city_dateline("Imran Khan (born 5 October 1952) told a large rally in "
                                   "Lahore that the elections would be held on time.")
                    .has_value());
    CHECK_FALSE(find_city_dateline("عمران خان (پیدائش 5 اکتوبر 1952ء) نے لاہور میں جلسے سے "
                                   "خطاب کیا۔")
                    .has_value());
    // English wire datelines with a credit in brackets are read as before.
    d = find_city_dateline("NEW YORK, March 2 (Reuters) - Stocks rose.");
    REQUIRE(d.has_value());
    CHECK(d->text == "March 2");
    // On a page: the headline, the lead with its dateline, then a list of dated releases.
    const std::string story = lead + lead + lead + "\n\n" + lead + lead + "\n\n";
    const std::string list = "دیگر اعلامیے\nعمران خان کے حلقے کے لیے امداد\n24 نومبر 2026\n";
    d = find_article_dateline("ایف آئی اے کو خصوصی اختیارات مل گئے\n\nاسلام آباد (" + date + ")" +
                              story + list);
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "2026-11-27");
    // Under a question headline long enough to be taken for the story's first paragraph.
    d = find_article_dateline(
        "کیا آپ چاہتے ہیں کہ آپ کے بچے کینسر سے محفوظ رہیں ؟\n\nاسلام آباد (5 دسمبر 2026ء)" +
        story + list);
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "2026-12-05");
}

TEST_CASE("datelines: a lead that opens with its full date and no city") {
    auto d = find_city_dateline(
        "April 3, 1987 \xE2\x80\x94 Apple Computer said on Friday it would cut prices of its "
        "Macintosh computers by up to 15 pct.");
    REQUIRE(d.has_value());
    CHECK(d->text == "April 3, 1987");
    CHECK(d->parses);
    d = find_city_dateline("3 April 1987: Prices of grain fell in Chicago for a second day.");
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "1987-04-03");
    // No year, or no separator after it: a sentence of the story, not a dateline.
    CHECK_FALSE(
        find_city_dateline("April 3 - Apple Computer said it would cut prices.").has_value());
    CHECK_FALSE(
        find_city_dateline("April 3, 1987 was the day Apple Computer cut its prices.").has_value());
    // On a page: the story's lead, under its headline.
    d = find_article_dateline(
        "Apple cuts Macintosh prices\n"
        "April 3, 1987 \xE2\x80\x94 Apple Computer Inc said on Friday it would cut the prices of "
        "its Macintosh computers by up to 15 pct, starting next week.\n");
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text)->iso() == "1987-04-03");
    CHECK(derive_title("April 3, 1987 \xE2\x80\x94 Apple Computer Inc said on Friday it would "
                       "cut prices.") == "Apple Computer Inc said on Friday it would cut prices");
}

TEST_CASE("clean_article: a numeric date that reads both ways takes the site's order") {
    // A byline date "04/DD/1987": pages with a day above 12 prove the site writes the month
    // first, so "04/03/1987" is 3 April; another site with no such page stays undated.
    auto page = [](const std::string& site, int day) {
        const std::string dd = (day < 10 ? "0" : "") + std::to_string(day);
        Article a;
        a.title = "Home | World | Business";  // the text reader's title: the first line
        static const std::map<int, std::string> headlines = {
            {3, "Oil prices climb as traders return"}, {4, "Senate passes the farm bill"},
            {5, "Wheat harvest beats forecasts"},      {13, "Bank of Japan holds its rate"},
            {21, "Copper slips on weak demand"},       {24, "Airline orders twelve new jets"},
            {27, "Dollar steady before jobs data"}};
        a.body = headlines.at(day) + "\n\nBy Staff Writer \xC2\xB7 Published 04/" + dd +
                 "/1987\n\nNEW YORK - " + headlines.at(day) +
                 ", the exchange reported on the day, as traders weighed what the week would "
                 "bring for markets in New York and London.\n";
        a.origin.entry = site + "/news/" + dd + ".txt";
        return a;
    };
    BlockStats stats;
    for (int day : {3, 13, 21, 24, 27})
        add_to_stats(stats, page("us.example", day), TitleLayout::first_line);
    for (int day : {3, 4, 5}) add_to_stats(stats, page("xx.example", day), TitleLayout::first_line);
    const Cleaner cleaner(stats);
    Article a = page("us.example", 3);
    CHECK(clean_article(a, cleaner, TitleLayout::first_line).dated);
    CHECK(a.date.iso() == "1987-04-03");
    REQUIRE(!a.date_notes.empty());
    CHECK(a.date_notes.back().find("month first: 4 pages") != std::string::npos);
    Article b = page("xx.example", 3);
    CHECK_FALSE(clean_article(b, cleaner, TitleLayout::first_line).dated);
    CHECK_FALSE(b.date.known());
    REQUIRE(!b.date_notes.empty());
    CHECK(b.date_notes.back().find("may be day or month first") != std::string::npos);
    // A record's date field is read the same way.
    Article c = page("us.example", 3);
    c.date_text = "04/03/1987";
    c.date_field = "field:date";
    clean_article(c, cleaner, TitleLayout::first_line);
    CHECK(c.date.iso() == "1987-04-03");
    CHECK(c.date.source == "field:date");
    // With no word from the site: a dotted date reads day first (DD.MM.YYYY), and so does the
    // numeric date of an Urdu page; a slashed date on an English page stays undated (above).
    Article d = page("xx.example", 3);
    d.date_text = "04.03.1987";
    d.date_field = "field:date";
    clean_article(d, cleaner, TitleLayout::first_line);
    CHECK(d.date.iso() == "1987-03-04");
    CHECK(d.date_notes.back().find("dotted dates are written day first") != std::string::npos);
    Article u = page("xx.example", 3);
    u.title = "تیل کی قیمتوں میں اضافہ";
    u.date_text = "04/03/1987";
    u.date_field = "field:date";
    clean_article(u, cleaner, TitleLayout::separate);
    CHECK(u.date.iso() == "1987-03-04");
    REQUIRE(!u.date_notes.empty());
    CHECK(u.date_notes.back().find("Urdu and Arabic pages write dates day first") !=
          std::string::npos);
    // The site's own order wins over the dots.
    Article e = page("us.example", 3);
    e.date_text = "04.03.1987";
    e.date_field = "field:date";
    clean_article(e, cleaner, TitleLayout::first_line);
    CHECK(e.date.iso() == "1987-04-03");
}

TEST_CASE("an own byline date under an exclamation headline stays when on most pages") {
    // Every page of the site states the same day under its headline (one scrape day); the
    // literal date is then on most pages, yet under a headline and above the lead it is each
    // page's own, also when the headline ends in "!" or "؟".
    BlockStats stats;
    const std::string day = "ویب ڈیسک | ۲ دسمبر ۲۰۲۴";
    auto page = [&](int i) {
        return "صفحہ اول\nپاکستان\nکھیل\n\n" + std::string(places[i]) +
               " میں بارش کا نیا ریکارڈ!\n" + day + "\n\n" + places[i] +
               ": شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری "
               "رہے گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے اور واقعہ نمبر " +
               std::to_string(i * 7919) + " درج ہوا۔\n\nہمارے بارے میں\nرابطہ کریں\n";
    };
    count_pages(stats, "roshni", page);
    const Cleaner cleaner(stats);
    const CleanResult r = cleaner.clean("source:roshni", page(5));
    REQUIRE(r.dateline.has_value());
    CHECK(r.dateline->text == day);
    CHECK(r.text.find("رابطہ کریں") == std::string::npos);  // the template still goes
}

TEST_CASE("an own date line under the site's byline stays when every page shows that date") {
    // One scrape day: every page has the headline, the site's byline, the day, then the lead;
    // the top bar above the menu shows the same day.
    BlockStats stats;
    const std::string day = "دسمبر 2, 2026";
    auto page = [&](int i) {
        const std::string place = places[i];
        return "بدھ, " + day + "\nقومی\nمعیشت\nخواتین\n\n" + place +
               " میں بارش کا نیا ریکارڈ، شہری پریشان\nویب ڈیسک\n" + day + "\n\n" + place +
               ": شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری "
               "رہے گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے اور واقعہ نمبر " +
               std::to_string(i * 7919) + " درج ہوا۔\n\nہمارے بارے میں\nرابطہ کریں\n";
    };
    count_pages(stats, "rozan", page);
    const CleanResult r = Cleaner(stats).clean("source:rozan", page(5));
    REQUIRE(r.dateline.has_value());
    CHECK(r.dateline->text == day);
    CHECK(r.text.find("رابطہ کریں") == std::string::npos);  // the template still goes
}

TEST_CASE("an own date line under a standfirst stays when every page shows that date") {
    // One scrape day: every page states the same date, under a standfirst.
    BlockStats stats;
    const std::string day = "تاریخ اشاعت: ۱۴ دسمبر ۲۰۲۴";
    auto page = [&](int i) {
        const std::string place = places[i];
        return "صفحہ اول\nپاکستان\nکھیل\n\n" + place + " میں بارش کا نیا ریکارڈ\n\n" + place +
               " میں آج صبح سے شدید بارش ہو رہی ہے۔\n\n" + day + "\n\n" +
               (i % 2 ? "یہ بھی پڑھیں: " + place + " میں سیلاب کا خطرہ\n\n" : "") + place +
               ": شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری "
               "رہے گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے اور واقعہ نمبر " +
               std::to_string(i * 7919) + " درج ہوا۔\n\nہمارے بارے میں\nرابطہ کریں\n";
    };
    count_pages(stats, "safeer", page);
    const Cleaner cleaner(stats);
    for (int i : {4, 5}) {  // with a "Read also" line between the date and the lead, and not
        CAPTURE(i);
        const CleanResult r = cleaner.clean("source:safeer", page(i));
        REQUIRE(r.dateline.has_value());
        CHECK(r.dateline->text == day);
    }
    const CleanResult r = cleaner.clean("source:safeer", page(5));
    CHECK(r.text.find("رابطہ کریں") == std::string::npos);
}

TEST_CASE("readers' comments after the story go, and the list after them") {
    // Each comment: the reader's name, the time of the comment, its text (a sentence, which a
    // list of other stories does not end with). A list under a label follows the comments.
    // The same few readers comment on many pages; comments and list items differ from page to
    // page.
    BlockStats stats;
    const std::array<std::string, 4> names = {"خرم شہزاد", "عبدالرؤف", "نازیہ خان", "محمد اسلم"};
    auto page = [&](int i) {
        const std::string place = places[i], other = places[(i + 5) % 12];
        return "صفحہ اول\nپاکستان\nکھیل\n\n" + place + " میں بارش کا نیا ریکارڈ\n\n" + place +
               ": شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری "
               "رہے گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے اور واقعہ نمبر " +
               std::to_string(i * 7919) + " درج ہوا۔\n\nتبصرے\n" + names[i % 4] +
               "\n28 نومبر 2026 کو 2:26 بجے\nبارش نے " + place +
               " میں سب کچھ ڈبو دیا ہے اور کوئی پوچھنے والا نہیں۔\n" + names[(i + 1) % 4] +
               "\n30 نومبر 2026 کو 7:33 بجے\nحکومت کہاں ہے، " + other +
               " بھی ڈوب رہا ہے اور افسر سو رہے ہیں۔\n\nقارئین کی پسند\nدھرنا علماء! کیا " + place +
               " میں یہی اسلام ہے؟\nامریکا " + other + " کی سلامتی کے لیے بڑا خطرہ ہے: روس\n" +
               place +
               " میں زلزلے کے شدید جھٹکے، مالی نقصانات کی اطلاع\n\nہمارے بارے میں\nرابطہ "
               "کریں\n";
    };
    count_pages(stats, "kada", page);
    const CleanResult r = Cleaner(stats).clean("source:kada", page(5));
    CHECK(r.text.find("درج ہوا") != std::string::npos);  // the story stays
    for (const char* gone :
         {"سب کچھ ڈبو دیا", "حکومت کہاں ہے", "کی سلامتی کے لیے", "زلزلے کے شدید", "دھرنا علماء"}) {
        CAPTURE(gone);
        CHECK(r.text.find(gone) == std::string::npos);
    }
    CHECK_FALSE(r.dateline.has_value());  // the comments' times are not the article's date
}

TEST_CASE("a date a tool stamped on a saved page never dates it") {
    CHECK(khabar::is_saving_time("Added on 06/10/2026"));
    CHECK(khabar::is_saving_time("  Clipped: Friday, June 26, 2026 at 6:23 PM"));
    CHECK(khabar::is_saving_time("Profile: Commodities & Trade    Exported 10/10/2026 10:48 BST"));
    CHECK(khabar::is_saving_time("محفوظ کیا گیا 03/12/2026"));
    CHECK(khabar::is_saving_time("کلپنگ تیار کی گئی: 01/12/2026"));
    // A scanner's or an OCR tool's stamp on a page of print.
    CHECK(khabar::is_saving_time("Scanned Mon 12 Apr 2027 07:15 \xE2\x80\x94 OCR confidence 81%"));
    CHECK(khabar::is_saving_time("Digitised on 12/04/2027"));
    CHECK_FALSE(khabar::is_saving_time("Scans show the tumour shrank by 12 March 2027"));
    // Urdu puts the verb last; a chat channel's day as a copy of it shows it.
    CHECK(khabar::is_saving_time("سب ٹائٹل فائل 4 مئی 2027 کو ڈاؤن لوڈ کی گئی"));
    CHECK(khabar::is_saving_time("سب ٹائٹل فائل ۴ مئی ۲۰۲۷ کو ڈاؤن لوڈ کی گئی"));  // Urdu digits
    CHECK(khabar::is_saving_time("#تازہ-خبریں \xE2\x80\x94 ۱۲ جون ۲۰۲۷"));
    CHECK(khabar::is_saving_time("#newsdesk \xE2\x80\x94 Thursday, May 6, 2027"));
    CHECK_FALSE(khabar::is_saving_time("#Pakistan trends on 6 May 2027 as floods rise"));
    CHECK_FALSE(khabar::is_saving_time("پولیس نے 4 مئی 2027 کو ملزم کو گرفتار کیا"));
    // Such a stamp above the story goes with its text, not only its date.
    const std::string channel_story =
        "#newsdesk \xE2\x80\x94 Thursday, May 6, 2027\n\nIreland 19-13 England\nBy Rahul Menon\n\n"
        "Ireland consigned England to their third straight Six Nations defeat with a stirring "
        "victory at Lansdowne Road on Saturday.\n";
    BlockStats none;
    const CleanResult stamped = Cleaner(none).clean("dir:x", channel_story);
    CHECK(stamped.text.find("#newsdesk") == std::string::npos);
    CHECK_FALSE(stamped.dateline.has_value());
    CHECK_FALSE(khabar::is_saving_time("Published on 02/03/1987"));
    CHECK_FALSE(khabar::is_saving_time("اشاعت 02/12/2026"));
    CHECK_FALSE(khabar::is_saving_time("Addenda 3 May 2024"));
    CHECK_FALSE(khabar::is_saving_time("The militants captured 12 soldiers on 5 March 2026"));
    CHECK_FALSE(khabar::is_saving_time("Pakistan added 3,000 jobs in March 2026"));
    // A press-clipping service's page: its day above the headline, the paper's date under it.
    const std::string story =
        "پاکستان کرکٹ ٹیم کے فاسٹ بولر نسیم شاہ نے کہا ہے کہ اگلے میچ میں بہتر بیٹنگ کرنے کی "
        "کوشش کریں گے، ہماری بولنگ اچھی فارم میں ہے۔\n";
    const std::string ruler = "----------------------------------------\n";
    const std::string head = "اخباری تراشے — شعبہ تعلقات عامہ\nکلپنگ تیار کی گئی: 01/12/2026\n" +
                             ruler + "پہلے میچ سے بہت کچھ سیکھا، نسیم شاہ\n";
    auto d = find_article_dateline(
        head + "اخبار: روزنامہ آواز حق  |  تاریخ: 29-11-2026  |  صفحہ: 9\n" + ruler + story);
    REQUIRE(d.has_value());
    CHECK(khabar::parse_date(d->text, khabar::NumericOrder::day_first)->iso() == "2026-11-29");
    CHECK_FALSE(find_article_dateline(head + ruler + story).has_value());
}

TEST_CASE("the story's closing lines under an edition line are not comments") {
    // Every page: the story, the paper's edition line (no time of day, on every page), then two
    // short closing sentences. No reader's name and time: nothing here is a comment.
    BlockStats stats;
    auto page = [&](int i) {
        const std::string place = places[i];
        return place + " میں بارش کا نیا ریکارڈ\n\n" + place +
               ": شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری "
               "رہے گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے اور واقعہ نمبر " +
               std::to_string(i * 7919) + " درج ہوا۔\n\nEdition of Thursday, 12 March 2026\n" +
               "The hearing in " + place + " will continue on Friday.\nThe commission said it " +
               "would report back on " + place + " soon.\n\nہمارے بارے میں\nرابطہ کریں\n";
    };
    count_pages(stats, "edition", page);
    const CleanResult r = Cleaner(stats).clean("source:edition", page(5));
    CHECK(r.text.find("will continue on Friday") != std::string::npos);
    CHECK(r.text.find("would report back") != std::string::npos);
}

TEST_CASE("a publication line right after a one-paragraph story is the article's date") {
    BlockStats stats;
    const std::string day = "تاریخ اشاعت: ۱۴ دسمبر ۲۰۲۴";
    auto page = [&](int i) {
        const std::string place = places[i];
        return place + " میں بارش کا نیا ریکارڈ\n\n" + place +
               ": شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری "
               "رہے گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے اور واقعہ نمبر " +
               std::to_string(i * 7919) + " درج ہوا۔\n\n" + day +
               "\n\nہمارے بارے میں\nرابطہ کریں\n";
    };
    auto d = find_article_dateline(page(0));
    REQUIRE(d.has_value());
    CHECK(d->kind == Dateline::Kind::trailer);
    CHECK(d->text == day);
    count_pages(stats, "safeer", page);
    const CleanResult r = Cleaner(stats).clean("source:safeer", page(5));
    REQUIRE(r.dateline.has_value());  // on every page of the scrape day, still its own
    CHECK(r.dateline->text == day);
    // An unlabelled date line after the story is not: it may open a list of other stories.
    CHECK_FALSE(find_article_dateline("بارش کا نیا ریکارڈ\n\nلاہور: شہر میں آج صبح سے بارش جاری "
                                      "ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری رہے گا۔"
                                      "\n\n۱۴ دسمبر ۲۰۲۴\n")
                    .has_value());
    // Between the story's paragraphs, under its lead (too long for a standfirst), with a "Read
    // also" line after it: its own.
    std::string lead = "لاہور:";
    for (int i = 0; i < 5; ++i)
        lead +=
            " شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک "
            "جاری رہے گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے۔";
    lead += "\n\n";
    const std::string more =
        "دیہی علاقوں میں سڑکیں بند ہیں، اسکول بند کر دیے گئے ہیں اور کئی دیہات کا رابطہ شہر سے "
        "کٹ گیا ہے۔\n";
    d = find_article_dateline("بارش کا نیا ریکارڈ\n\n" + lead + day +
                              "\n\nیہ خبر بھی پڑھیے: سیلاب سے فصلیں تباہ\n\n" + more);
    REQUIRE(d.has_value());
    CHECK(d->text == day);
    // Not under another story's headline inside the page.
    CHECK_FALSE(find_article_dateline("بارش کا نیا ریکارڈ\n\n" + lead + "سیلاب سے فصلیں تباہ\n" +
                                      day + "\n\n" + more)
                    .has_value());
}

TEST_CASE("derived titles: first sentence, wire dateline dropped, cut at a word") {
    struct Case {
        std::string_view body, title;
    };
    const Case cases[] = {
        {"NEW YORK, March 2 - The Federal Reserve entered the U.S. Government securities market "
         "to arrange 1.5 billion dlrs of customer repurchase agreements, a Fed spokesman said.",
         "The Federal Reserve entered the U.S. Government securities market to arrange 1.5 "
         "billion\u2026"},
        {"LONDON (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns. More.",
         "Oil prices fell sharply on Tuesday on oversupply concerns"},
        {"Mr. Smith met Gen. Jones and the U.N. envoy. Then he left.",
         "Mr. Smith met Gen. Jones and the U.N. envoy"},
        {"Image copyright\nA brother and sister in the US have been convicted of sending spam.",
         "A brother and sister in the US have been convicted of sending spam"},
        {"The company said the results of the review of the bank's assets, which were announced "
         "at the annual meeting of shareholders held in the city of",
         "The company said the results of the review of the bank's assets, which were "
         "announced\u2026"},
        {"بگ باس کے سابقہ کنٹسٹنٹ اعجاز خان نے انتخابات میں حصہ لیا۔ الیکشن کمیشن کے مطابق",
         "بگ باس کے سابقہ کنٹسٹنٹ اعجاز خان نے انتخابات میں حصہ لیا"},
        {"", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.body);
        CHECK(derive_title(c.body) == c.title);
    }
}

TEST_CASE("source keys: source field, URL host, folder of one-page files, file of records") {
    Article a;
    a.source = " Dawn  News ";
    CHECK(source_key(a) == "source:dawn news");
    a.source.clear();
    a.url = "https://www.Dawn.com/news/1058210/ttp-owns-karachi-attack";
    CHECK(source_key(a) == "site:dawn.com");
    a.url.clear();
    a.origin.file = "dump.tar.gz";
    a.origin.entry = "pages/dawn.com/00208.txt";
    CHECK(source_key(a) == "dir:dawn.com");
    a.origin.entry = "exports/bbc.jsonl";
    CHECK(source_key(a) == "file:bbc.jsonl");
    a.origin.entry = "outer.zip::inner/site/page.html";
    CHECK(source_key(a) == "dir:site");
    // A site's sections are not sites; a page saved as its own folder's index is named by it.
    for (const char* entry :
         {"dump/dawn.com/pakistan/slug-one.txt", "dump/dawn.com/world/2024/06/05/slug-two.txt",
          "dump/dawn.com/sport/rain-stops-play-at-lords/index.html",
          "dawn.com/news/1234567/index.htm", "dawn.com/author/jane-doe/123.txt",
          "dawn.com/live/456.txt"}) {
        CAPTURE(entry);
        a.origin.entry = entry;
        CHECK(source_key(a) == "dir:dawn.com");
    }
    // A site's front page: its folder is the site, with or without a host's dot.
    a.origin.entry = "mirror/dawn.com/index.html";
    CHECK(source_key(a) == "dir:dawn.com");
    a.origin.entry = "corpus/dawn/index.html";
    CHECK(source_key(a) == "dir:dawn");
    a.origin.entry = "corpus/express-tribune/index.html";
    CHECK(source_key(a) == "dir:express-tribune");
    // Folders named as hosts, language editions, days: {path inside an archive, key}.
    struct Case {
        const char* entry;
        const char* key;
    };
    for (const Case& c : std::initializer_list<Case>{
             // A host's folder is the site, whatever its pages' folders below it are called: a
             // section, or a word for "news" in Urdu, which two sites of one dump may share.
             {"dump/khabar-kada.pk/khabar/31926.txt", "dir:khabar-kada.pk"},
             {"dump/khabar-kada.pk/karachi/31927.txt", "dir:khabar-kada.pk"},
             {"dump/safar-times.pk/khabar/40000.txt", "dir:safar-times.pk"},
             // A language edition under the host keeps its own key.
             {"crawl/www.bbc.com/urdu/c123.html", "dir:www.bbc.com/urdu"},
             {"crawl/www.bbc.com/news/world-123.html", "dir:www.bbc.com"},
             // Without a host, the nearest folder that is not generic, as before.
             {"scrapes/roznama/karachi/1.txt", "dir:karachi"},
             {"scrapes.old/roznama/news/1.txt", "dir:roznama"},  // a dot, but no host
             // A folder named by the day of a download or an export is a batch of the site above.
             {"akhbari-tarashay/clips_20261201/clip_009.txt", "dir:akhbari-tarashay"},
             {"exports/nexis/export-2026-10-05/Reuters_News_0001.txt", "dir:nexis"},
             // A day beside a site's name is that site's day: sites stay apart.
             {"scrapes/dawn_20261201/a.txt", "dir:dawn_20261201"},
             {"scrapes/jang_20261201/b.txt", "dir:jang_20261201"},
             {"exports/cc-main-2026-40/page.txt",
              "dir:cc-main-2026-40"},  // no day in a crawl's name
             // A file named by its host, several sites in one folder (a scraper's daily dump).
             {"text-dumps/2027-08-13/kingston-record.com.jm_2491923.txt",
              "dir:kingston-record.com.jm"},
             {"text-dumps/2027-08-13/suva-daily.com.fj_2491924.txt", "dir:suva-daily.com.fj"},
             {"mirror/www.Dawn.com-news-1234.html", "dir:dawn.com"},
             {"mirror/m.dawn.com_news_1235.html", "dir:dawn.com"},  // one site, www. or m.
             {"mirror/daily-news.pk~story~12.html", "dir:daily-news.pk"},
             {"saved/https___www.express.pk_story_2739.html", "dir:express.pk"},
             // No host: a language or file-type suffix, a version, a name with no dot.
             {"site/pages/index.en_2.html", "dir:site"},
             {"site/pages/notes.md_old.txt", "dir:site"},
             {"site/pages/v1.2_notes.txt", "dir:site"},
             {"site/pages/Reuters_News_0001.txt", "dir:site"},
         }) {
        CAPTURE(c.entry);
        a.origin.entry = c.entry;
        CHECK(source_key(a) == c.key);
    }
    // A host-like folder above the page's folder and its parent is not looked at: it may be
    // above the dump (a home directory, a disk).
    a.origin.entry.clear();
    a.origin.file = "/home/jin.li/news/dawn/a.txt";
    CHECK(source_key(a) == "dir:dawn");
    a.origin.file = "/mnt/backup.de/scrapes/jang/karachi/b.txt";
    CHECK(source_key(a) == "dir:karachi");
}

TEST_CASE("clean_article: text page retitled, dated from its own dateline, chrome counted") {
    BlockStats stats;
    static const char* const firms[] = {"Acme",    "Bolt",   "Crane", "Delta",  "Ember",
                                        "Flint",   "Grove",  "Heron", "Ivory",  "Jade",
                                        "Kestrel", "Lumen",  "Maple", "Nimbus", "Onyx",
                                        "Pike",    "Quartz", "Raven", "Slate",  "Tern"};
    static const char* const goods[] = {"steel", "grain", "paper", "glass", "rubber"};
    auto page = [](int i) {
        const std::string firm = firms[i % 20], good = goods[i % 5];
        Article a;
        a.title = "Discover Thomson Reuters";  // the text reader's title: the page's first line
        a.body = "Business News\nMarch " + std::to_string(i % 28 + 1) +
                 ", 1987 / 11:44 AM / Updated 14 hours ago\n" + firm + " " + good +
                 " profit rises\n1 Min Read\nNEW YORK, March 2 - " + firm +
                 " said its quarterly profit from " + good + " rose sharply on higher sales in " +
                 "its main markets, the company said.\n"
                 "Our Standards:The Thomson Reuters Trust Principles.";
        a.origin.entry = "reuters.com/" + std::to_string(i) + ".txt";
        return a;
    };
    for (int i = 0; i < 20; ++i) add_to_stats(stats, page(i), TitleLayout::first_line);
    const Cleaner cleaner(stats);
    Article a = page(3);
    const ArticleCleaning c = clean_article(a, cleaner, TitleLayout::first_line);
    CHECK(c.removed_blocks == 4);  // first line, section, "1 Min Read", footer
    CHECK(c.title_replaced);
    CHECK(a.title == "Delta glass profit rises");
    CHECK(!a.title_derived);
    CHECK(c.dated);
    CHECK(a.date_field == "dateline");
    CHECK(khabar::parse_date(a.date_text)->iso() == "1987-03-04");
    CHECK(a.body.find("Our Standards") == std::string::npos);
    CHECK(a.body.find("NEW YORK, March 2 - Delta said") != std::string::npos);

    Article few = page(3);  // another site with too few pages: nothing removed
    few.origin.entry = "other.com/3.txt";
    CHECK(clean_article(few, cleaner, TitleLayout::first_line).removed_blocks == 0);
}

TEST_CASE("dated strips above the site's menu are chrome, even the line taken as the title") {
    static const char* const towns[] = {"Penzance", "Truro", "Falmouth", "St Ives", "Hayle"};
    static const char* const goods[] = {"tin", "china clay", "fish", "granite", "wool"};
    // A text page as scraped: the draw results and the next draw of the scrape day (a game a
    // day), the menu, the story with its own date line, the footer.
    auto page = [](int i) {
        const int day = i / 3 * 3 + 3;  // a scrape day every three pages
        const std::string town = towns[i % 5], good = goods[(i + 1) % 5];
        static const char* const games[] = {"Lotto",        "EuroMillions",   "Thunderball",
                                            "Set For Life", "Lotto HotPicks", "Health Lottery"};
        return std::string(games[i / 3]) + " results \xC2\xB7 Wed " + std::to_string(day) +
               " Mar 2027 \xC2\xB7 06 17 " + std::to_string(20 + day) +
               " 32 43 54 \xC2\xB7 Bonus 40\nNext draw: Sat " + std::to_string(day + 3) +
               " Mar 2027 \xC2\xB7 Estimated jackpot \xC2\xA3" + std::to_string(day) +
               "m\n\nHarbour Echo\nNews\nSport\nWhat's On\nLifestyle\n\n" + town + " " + good +
               " exports rise\nBy " + (i % 4 == 3 ? "Ann Lee" : "Reuters") + "\nFriday " +
               std::to_string(i % 20 + 2) + " March 1987 10:23, UK\n\nExports of " + good +
               " from " + town +
               " rose by a third last year as buyers in Europe returned, the port said.\n\n"
               "Harbour Echo is regulated by IPSO\n";
    };
    BlockStats stats;
    for (int i = 0; i < 16; ++i) stats.add_page("dir:harbour-echo.co.uk", page(i));
    const std::string text = page(5);
    const std::string first_line = text.substr(0, text.find('\n'));
    const CleanResult r = Cleaner(stats).clean("dir:harbour-echo.co.uk", text, first_line);
    CHECK(r.text.find("results") == std::string::npos);
    CHECK(r.text.find("Next draw") == std::string::npos);
    CHECK(r.text.starts_with("Penzance china clay exports rise"));
    REQUIRE(r.dateline);
    CHECK(r.dateline->text == "Friday 7 March 1987 10:23, UK");
}

TEST_CASE("the own date under the headline, then the site's byline and photo caption") {
    static const char* const cities[] = {"پشاور", "مردان", "سوات", "کوہاٹ", "بنوں", "ایبٹ آباد"};
    static const char* const works[] = {"سڑک", "پل", "اسکول", "ہسپتال", "پارک", "نہر", "منڈی"};
    // A real page's chrome kept around each story: the same byline and photo caption on every
    // page between the header and the story. Half the pages were published on the same day, so
    // their date lines are the same text on 8 of 16 pages, as a site's date bar would be.
    auto page = [](int i) {
        const std::string city = cities[i % 6], work = works[i % 7];
        const std::string day = i % 2 == 0 ? "3" : std::to_string(4 + i % 3);
        return "Home\nNews\nOpinion\nVideo\n\n" + city + " میں " + work +
               " کی تعمیر کا کام شروع\nشائع " + day +
               " اگست 2027\nby Jeff Foust \xE2\x80\x94\nSpaceX said its lander will carry 100 "
               "tons to the moon. Credit: SpaceX\n" +
               city + " میں حکام نے بتایا کہ " + work + " کی تعمیر کا کام " +
               std::to_string(i + 2) +
               " ماہ میں مکمل ہو گا اور اس پر زیادہ لاگت آئے گی اور شہریوں کو مشکلات کا "
               "سامنا رہے گا۔\nAbout\nPrivacy Policy\n";
    };
    BlockStats stats;
    for (int i = 0; i < 16; ++i) stats.add_page("dir:spacenews.com", page(i));
    const std::string text = page(4);
    const CleanResult r =
        Cleaner(stats).clean("dir:spacenews.com", text, text.substr(0, text.find('\n')));
    REQUIRE(r.dateline);
    CHECK(r.dateline->text == "شائع 3 اگست 2027");
}

TEST_CASE("relative time lines: a ticker's stamp, not a sentence") {
    CHECK(is_relative_time_line("اپ ڈیٹ: 1 گھنٹہ پہلے"));
    CHECK(is_relative_time_line("Updated 2 hours ago"));
    CHECK(is_relative_time_line("3 دن قبل"));
    CHECK_FALSE(is_relative_time_line("His boat left the harbour 25 days ago"));
}

TEST_CASE("a page alone: the date bar or ticker above the site's name and menu dates nothing") {
    const BlockStats none;  // a site of one page: nothing to count
    const std::string story =
        "Greek sprinters suspended by IAAF\nBy Caitlin Moyle\n\nGreek sprinters Kostas Kenteris "
        "and Katerina Thanou have been suspended after failing to take drugs tests before the "
        "Athens Olympics.\n\nThey face two-year bans if found guilty by the federation.\n";
    const std::string bar =
        "Sunday, September 5, 2027 | 3 Rabi us Sani 1449 AH\n\nBannu "
        "Bulletin\nHome\nSouthern districts\nPakistan\nاردو\n\n";
    CleanResult r = Cleaner(none).clean("dir:bannu", bar + story, "Sunday");
    CHECK_FALSE(r.dateline);
    CHECK(r.text.find("Southern districts") == std::string::npos);
    CHECK(r.text.find("Greek sprinters suspended by IAAF") != std::string::npos);
    // The story's own date under its headline is found instead.
    const std::string dated = bar +
                              "Uspci Files For Offering\nBy Reuters\nPublished Apr 3, 1987 "
                              "12:10pm\n\nUSPCI Inc said it filed a registration statement with "
                              "the Securities and Exchange Commission for a public offering.\n";
    r = Cleaner(none).clean("dir:okara", dated, "Sunday");
    REQUIRE(r.dateline);
    CHECK(r.dateline->text == "Published Apr 3, 1987 12:10pm");
    // A ticker: a label, a time relative to now, the day.
    const std::string ticker =
        "BREAKING\nUpdated 2 mins ago\nTicker as of 5 Sep 2027, 06:28 "
        "PKT\n\nGwadar Gazette\nCoast\nPort\nBalochistan\nاردو\n\n";
    r = Cleaner(none).clean("dir:gwadar", ticker + story, "BREAKING");
    CHECK_FALSE(r.dateline);
    CHECK(r.text.find("mins ago") == std::string::npos);
    CHECK(r.text.find("BREAKING") == std::string::npos);
    // A headline as short as a menu item would be taken for one: nothing is removed then.
    r = Cleaner(none).clean("dir:bannu",
                            bar +
                                "Budget passed\nBy Staff\n\nThe assembly passed "
                                "the budget on Monday after a debate of two weeks.\n",
                            "Sunday");
    CHECK(r.text.find("Budget passed") != std::string::npos);
    // Short lines under a date that are the story's header, not a menu: three, or with a figure.
    const std::string clip = "3 July 2027\nDawn\nKarachi\nPage 5\n\n" + story;
    r = Cleaner(none).clean("dir:clips", clip, "3 July 2027");
    REQUIRE(r.dateline);
    CHECK(r.dateline->text == "3 July 2027");
}

TEST_CASE("a save stamp that reads both ways sets no limit; a headline with dashes is no date") {
    const BlockStats none;
    // "05/04/2027" is 5 April or 4 May: the story's "April 20, 2027" is not refused as later.
    const CleanResult r = Cleaner(none).clean(
        "dir:us",
        "Saved on 05/04/2027\n\nCouncil closes the old market\nPublished April 20, "
        "2027\n\nThe council voted on Monday to close the old market for repairs that "
        "will take a year.\n",
        "Saved on 05/04/2027");
    REQUIRE(r.dateline);
    CHECK(r.dateline->text == "Published April 20, 2027");
    // An Urdu stamp is read day first, as Urdu pages write dates: the water cut two days after
    // it ("۰۵-۱۱-۲۰۲۷") does not date the story.
    const CleanResult ur = Cleaner(none).clean(
        "dir:ur",
        "محفوظ کیا گیا: ۰۳-۱۱-۲۰۲۷\nپانی کی فراہمی ۰۵-۱۱-۲۰۲۷ کو معطل رہے گی\n\nپشاور میں سڑک کی "
        "مرمت شروع\nنمائندہ خصوصی\n\nپشاور میں حکام نے بتایا کہ سڑک کی مرمت کا کام ایک سال میں "
        "مکمل ہو گا۔\n",
        "محفوظ کیا گیا: ۰۳-۱۱-۲۰۲۷");
    CHECK_FALSE(ur.dateline);
    // A long headline set off by dashes, with a date among its parts, has no header's fact.
    const std::string headline =
        "Parliament votes on budget \xE2\x80\x94 3 March 2027 \xE2\x80\x94 budget passes after "
        "long debate \xE2\x80\x94 opposition walks out";
    CHECK_FALSE(is_date_line(headline, describe_block(headline)));
    const std::string header =
        "By Reuters \xC2\xB7 Mar 13, 1987 \xC2\xB7 9:17 AM \xC2\xB7 5 min read";
    CHECK(is_date_line(header, describe_block(header)));
}

TEST_CASE("a text browser's page: the date bar and a notice above the site's one-line menu") {
    static const char* const cities[] = {"پشاور", "مردان", "سوات", "کوہاٹ", "بنوں"};
    static const char* const works[] = {"سڑک", "پل", "اسکول", "ہسپتال", "پارک"};
    // As `w3m -dump` writes a page: the site's date bar of the scrape day and a dated notice,
    // the site's name, its menu on one line, the headline, the desk, the story (no date of its
    // own), the footer.
    auto page = [](int i) {
        const int day = i / 4 * 2 + 3;  // a scrape day every four pages
        const std::string city = cities[i % 5], work = works[(i + 2) % 5];
        return "ہفتہ " + std::to_string(day) + " جولائی 2027\nانسداد پولیو مہم " +
               std::to_string(day + 2) +
               " جولائی 2027 سے شروع ہوگی\nمردان خبرنامہ\nتعلیم | صحت | شہر کی خبریں | پاکستان "
               "| موسم | کھیل\n\n" +
               city + " میں " + work + " کی تعمیر کا کام شروع\n\nنمائندہ خصوصی\n\n" + city +
               " میں حکام نے بتایا کہ " + work + " کی تعمیر کا کام " + std::to_string(i + 2) +
               " ماہ میں مکمل ہو گا اور اس پر زیادہ لاگت آئے گی۔\n\nتمام حقوق محفوظ ہیں\n";
    };
    BlockStats stats;
    for (int i = 0; i < 16; ++i) stats.add_page("dir:mardan-khabarnama.pk", page(i));
    const std::string text = page(5);
    const CleanResult r =
        Cleaner(stats).clean("dir:mardan-khabarnama.pk", text, text.substr(0, text.find('\n')));
    CHECK_FALSE(r.dateline);  // not the date bar's day, nor the notice's
    CHECK(r.text.find("جولائی 2027") == std::string::npos);
    CHECK(r.text.find("کی تعمیر کا کام شروع") != std::string::npos);
    // The same page with the menu's items on lines of their own, as before.
    std::string lines = page(5);
    const std::string bar = "تعلیم | صحت | شہر کی خبریں | پاکستان | موسم | کھیل";
    lines.replace(lines.find(bar), bar.size(), "تعلیم\nصحت\nشہر کی خبریں\nپاکستان");
    BlockStats line_stats;
    for (int i = 0; i < 16; ++i) {
        std::string p = page(i);
        p.replace(p.find(bar), bar.size(), "تعلیم\nصحت\nشہر کی خبریں\nپاکستان");
        line_stats.add_page("dir:mardan-khabarnama.pk", p);
    }
    CHECK_FALSE(Cleaner(line_stats)
                    .clean("dir:mardan-khabarnama.pk", lines, lines.substr(0, lines.find('\n')))
                    .dateline);
}

TEST_CASE("a printed page's OCR text: the strip above its running head, its narrow column") {
    static const char* const firms[] = {"Acme",    "Bolt",  "Crane", "Delta",  "Ember",
                                        "Flint",   "Grove", "Heron", "Ivory",  "Jade",
                                        "Kestrel", "Lumen", "Maple", "Nimbus", "Onyx"};
    static const char* const goods[] = {"steel", "grain", "paper", "glass", "rubber"};
    static const char* const towns[] = {"Exeter", "Tiverton", "Crediton", "Cullompton"};
    static const char* const days[] = {"THU", "FRI", "MON", "TUE", "WED"};
    // Text as a narrow printed column: words of `text` in lines of at most `width` characters.
    auto column = [](const std::string& text, std::size_t width) {
        std::string out, line, word;
        std::istringstream words(text);
        while (words >> word) {
            if (!line.empty() && line.size() + 1 + word.size() > width) {
                out += line + "\n";
                line.clear();
            }
            line += (line.empty() ? "" : " ") + word;
        }
        return out + line + "\n";
    };
    // As a scanner's OCR gives a page of print: its stamp, the tide times of the scrape day
    // above the paper's running head, the headline, byline and date line, the story in a narrow
    // column.
    auto page = [&](int i) {
        const std::string firm = firms[i], good = goods[i % 5], town = towns[i % 4];
        const std::string story =
            firm + " said its sales of " + good + " in " + town + " rose by " +
            std::to_string(i + 11) + " pct last year and that it would open " +
            std::to_string(i % 3 + 2) + " new plants in the county before the end of " +
            "the decade, the company's chairman told shareholders at the annual meeting.";
        static const char* const ports[] = {"Exmouth", "Topsham", "Teignmouth", "Dawlish",
                                            "Sidmouth"};  // the scrape day's port
        return "Scanned Mon " + std::to_string(i / 3 + 9) +
               " Apr 2027 07:" + std::to_string(i + 10) + " \xE2\x80\x94 OCR confidence 8" +
               std::to_string(i % 10) + "%\n" + std::string("High water ") + ports[i / 3] +
               " Tue " + std::to_string(i / 3 + 9) + " Apr 2027 " + std::to_string(i % 5 + 4) +
               ".00am\n\nEXE VALLEY ADVERTISER   NEWS   Page " + std::to_string(i % 9 + 2) +
               "\n\n" + firm + " " + good + " sales rise\nBy Reuters\n" + days[i % 5] + ", APR " +
               std::to_string(i + 2) + " 1987\n\n" + column(story, 36) +
               "\nExe Valley Advertiser is a member of IPSO\n";
    };
    BlockStats stats;
    for (int i = 0; i < 15; ++i) stats.add_page("dir:exe-valley-advertiser.co.uk", page(i));
    const std::string text = page(7);
    const CleanResult r = Cleaner(stats).clean("dir:exe-valley-advertiser.co.uk", text,
                                               text.substr(0, text.find('\n')));
    CHECK(r.text.find("High water") == std::string::npos);
    REQUIRE(r.dateline);
    CHECK(r.dateline->text == "MON, APR 9 1987");  // not the scan's day, not the tide's
    // The column's lines are one paragraph, kept whole.
    const auto blocks = block_texts(text);
    CHECK(std::any_of(blocks.begin(), blocks.end(), [](const std::string& b) {
        return b.starts_with("Heron said") && b.ends_with("annual meeting.");
    }));
    CHECK(r.text.find("annual meeting.") != std::string::npos);
    // A narrow list of headlines, each on its own line, is no column of prose.
    const auto heads = block_texts(
        "Fresh momentum for reforming global governance\nIndian woman gang raped; six "
        "charged\nSri Lanka win last ODI\nUplift funds to senators will be released soon\n");
    CHECK(heads.size() == 4);
}

TEST_CASE("a clipping service's source line under the headline is no strip above a running head") {
    static const char* const firms[] = {"Acme",  "Bolt",  "Crane", "Delta", "Ember",   "Flint",
                                        "Grove", "Heron", "Ivory", "Jade",  "Kestrel", "Lumen"};
    auto page = [](int i) {
        const std::string firm = firms[i];
        return "PressTrack Media Monitoring \xE2\x80\x94 Clip " + std::to_string(i + 1) +
               " of 61\nProfile: Trade    Exported 06/10/2026 05:51 BST\n" + firm +
               " wins export order\nSource: Reuters (Newswire)  |  Date: " + std::to_string(i + 3) +
               " Jun 1987  |  Country: United States\nReach: " + std::to_string(400 + i) +
               ",000  |  Sentiment: Neutral\n\n" + firm + " said it won an export order worth " +
               std::to_string(i + 20) +
               " mln dlrs from a buyer in Poland, its largest this year.\n";
    };
    BlockStats stats;
    for (int i = 0; i < 12; ++i) stats.add_page("dir:presstrack-clips", page(i));
    const std::string text = page(4);
    const CleanResult r =
        Cleaner(stats).clean("dir:presstrack-clips", text, text.substr(0, text.find('\n')));
    REQUIRE(r.dateline);
    CHECK(r.dateline->text.find("7 Jun 1987") != std::string::npos);
}

TEST_CASE("datelines: a byline between a question headline and the date; the Arabic separator") {
    static const char* const desks[] = {"ویب ڈیسک", "نمائندہ خصوصی", "اسٹاف رپورٹر", "نیوز ڈیسک"};
    static const char* const cities[] = {"لاہور", "کراچی", "پشاور", "کوئٹہ", "ملتان"};
    static const char* const eastern[] = {"۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"};
    // The date as an Urdu site may write it: Eastern digits, the date separator ؍ (U+060D).
    auto urdu_date = [](int day) {
        return std::string(eastern[day / 10]) + eastern[day % 10] +
               "\xD8\x8D\xDB\xB0\xDB\xB3\xD8\x8D" + "\xDB\xB2\xDB\xB0\xDB\xB2\xDB\xB7";
    };
    auto page = [&](int i) {
        const std::string city = cities[i % 5];
        Article a;
        a.title = "روزنامہ تصویر";
        a.body = std::string("پاکستان\nکاروبار\nصحت\nکالم\n\n") + city +
                 " میں بجلی کے نئے منصوبے پر کام کب شروع ہو گا اور اس پر کتنی لاگت آئے گی؟\n" +
                 desks[i % 4] + "\n" + urdu_date(5 + i % 8) + "\n\n" + city +
                 " میں حکام نے بتایا کہ منصوبے نمبر " + std::to_string(i + 3) +
                 " پر کام اگلے ماہ شروع ہو گا اور اس پر زیادہ لاگت آئے گی۔\n\nدیگر خبریں\n\n";
        // The site's list of other stories, each with its day written as the story's: every
        // day of the site's dates is on half its pages (its exact text recurs).
        for (int k = 0; k < 4; ++k)
            a.body += std::string(cities[(i + k + 1) % 5]) + " میں نئی سڑک کا افتتاح " +
                      std::to_string(i * 4 + k) + "\n" + urdu_date(5 + (i + k) % 8) + "\n\n";
        a.body += "جملہ حقوق محفوظ ہیں\n";
        a.origin.entry = "roznama-tasveer.pk/khabar/" + std::to_string(i) + ".txt";
        return a;
    };
    BlockStats stats;
    for (int i = 0; i < 16; ++i) add_to_stats(stats, page(i), TitleLayout::first_line);
    const Cleaner cleaner(stats);
    for (int i : {2, 7}) {
        CAPTURE(i);
        Article a = page(i);
        clean_article(a, cleaner, TitleLayout::first_line);
        CHECK(a.date_field == "dateline");
        // Day and month could be read either way: the site's order decides (day first, as
        // every page of it shows a day above 12 somewhere).
        CHECK(a.date.iso() ==
              "2027-03-" + std::string(5 + i % 8 < 10 ? "0" : "") + std::to_string(5 + i % 8));
    }
}

TEST_CASE("clean_article: a text page alone opening with a date line, above the menu or not") {
    BlockStats none;
    const Cleaner cleaner(none);
    const std::string story =
        "The council voted on Monday to close the old market for repairs that will take a year.\n"
        "Traders said they had not been told where they could sell their goods in the meantime.";
    // The site's date bar above its masthead and menu (one line of menu words): not the
    // article's date.
    Article bar;
    bar.title = "Wednesday, June 5, 2024";
    bar.body = "The Daily Post\nHome | World | Sport\n\nCouncil closes old market\n\n" + story;
    bar.origin.entry = "dailypost.example/market.txt";
    const ArticleCleaning b = clean_article(bar, cleaner, TitleLayout::first_line);
    CHECK_FALSE(b.dated);
    CHECK(bar.date_text.empty());
    CHECK(bar.title != "Wednesday, June 5, 2024");
    CHECK(bar.body.find("Home | World") == std::string::npos);
    // The article's date above its headline: the date stays, the headline is the title.
    Article own;
    own.title = "June 5, 2024";
    own.body = "Council closes old market\n\n" + story;
    own.origin.entry = "dailypost.example/market2.txt";
    const ArticleCleaning o = clean_article(own, cleaner, TitleLayout::first_line);
    CHECK(o.dated);
    CHECK(khabar::parse_date(own.date_text)->iso() == "2024-06-05");
    CHECK(own.title == "Council closes old market");
}

TEST_CASE("clean_article: a list of headlines with dates above a question headline") {
    // A "latest" column above the story, each entry a headline then its date; the story's headline
    // is a question of a dozen words, which also reads as a paragraph. The last entry is the
    // list's, not the story's header: the page has no date of its own.
    BlockStats none;
    const Cleaner cleaner(none);
    Article a;
    a.title = "The Daily Post";
    a.body =
        "Latest\nBank briefs the fund mission on tax policy and reforms\n31/07/2026 06:00\n"
        "Astronauts stranded in orbit after their capsule fails\n31/07/2026 07:19\n"
        "Farmers protest against the new water tariff in the north\n30/07/2026 08:38\n"
        "Use of unregistered networks rises sharply across the country\n30/07/2026 09:57\n"
        "Champions Trophy: is the visit of one preacher the real reason India will not come?\n"
        "A sports journalist said the team would not travel because of security, and gave a "
        "reason that many readers found strange and said so on social media the same day.\n"
        "The board has not yet answered the letter sent ten days ago, officials said.";
    a.origin.entry = "dailypost.example/story/386.txt";
    const ArticleCleaning c = clean_article(a, cleaner, TitleLayout::first_line);
    CHECK_FALSE(c.dated);
    CHECK(a.date_text.empty());
    CHECK(a.body.find("09:57") == std::string::npos);
    CHECK(a.body.find("Use of unregistered networks") == std::string::npos);
    CHECK(a.body.find("is the visit of one preacher") != std::string::npos);
    // The same list above the story's own headline and date: that pair is the story's header.
    Article own = a;
    own.body =
        "Latest\nBank briefs the fund mission on tax policy and reforms\n31/07/2026 06:00\n"
        "Astronauts stranded in orbit after their capsule fails\n31/07/2026 07:19\n"
        "Farmers protest against the new water tariff in the north\n30/07/2026 08:38\n"
        "Board yet to answer the letter on the Champions Trophy\n30/07/2026 09:57\n"
        "A sports journalist said the team would not travel because of security, and gave a "
        "reason that many readers found strange and said so on social media the same day.";
    own.date_text.clear();
    const ArticleCleaning o = clean_article(own, cleaner, TitleLayout::first_line);
    CHECK(o.dated);
    CHECK(khabar::parse_date(own.date_text)->iso() == "2026-07-30");
}

TEST_CASE("clean_article: a labelled list of headlines above the story, and a kicker") {
    BlockStats none;
    const Cleaner cleaner(none);
    const std::string story =
        "Customs officers in Karachi stopped a container declared as used clothes and found "
        "computers, screens and cigarettes worth 78 million rupees inside it on Tuesday.\n"
        "The importer had cleared the container through the port before it was stopped.";
    const std::string list =
        "Top stories\nSelectors finalise the white-ball squad\nFire in a "
        "hospital ward kills ten infants\nStocks recover after a day of "
        "correction\nZimbabwe names its squad for the series\n";
    // A "most important" column of other stories' headlines, no dates, then, after a blank line,
    // the story's own headline (here a question that reads as a paragraph too).
    Article a;
    a.title = "Gulshan News";
    a.body = list +
             "\nWhy did customs stop a container of used clothes at the Karachi port "
             "this week?\n\n" +
             story;
    a.origin.entry = "gulshan-news.example/175.txt";
    clean_article(a, cleaner, TitleLayout::first_line);
    CHECK(a.body.find("Selectors") == std::string::npos);
    CHECK(a.body.find("Zimbabwe") == std::string::npos);
    CHECK(a.body.find("Why did customs stop") != std::string::npos);
    CHECK(a.body.find("Customs officers") != std::string::npos);
    // With no blank line between the list and the story's header, where the list ends is not
    // known: nothing goes.
    Article joined;
    joined.title = "Gulshan News";
    joined.body = list + "Customs stop a container of used clothes\n" + story;
    joined.origin.entry = "gulshan-news.example/177.txt";
    clean_article(joined, cleaner, TitleLayout::first_line);
    CHECK(joined.body.find("Customs stop a container") != std::string::npos);
    // A kicker over the story's headline, standfirst and byline, then a blank line and the story:
    // nothing goes.
    Article byline;
    byline.title = "Dawn";
    byline.body =
        "Opinion\nThe cost of cheap electricity\nWhy power subsidies hurt the poor "
        "most\nKhurram Husain\n\n" +
        story;
    byline.origin.entry = "gulshan-news.example/178.txt";
    clean_article(byline, cleaner, TitleLayout::first_line);
    CHECK(byline.body.find("The cost of cheap electricity") != std::string::npos);
    CHECK(byline.body.find("Khurram Husain") != std::string::npos);
    // A page of teasers only (no story paragraph after the list): nothing read past the page.
    Article teasers;
    teasers.title = "Daily Post";
    teasers.body =
        "Latest\nBridge reopens after repairs\nCouncil votes on the market\nRains "
        "lash the coast\nThe council met on Monday and…";
    teasers.origin.entry = "gulshan-news.example/179.txt";
    const std::string teaser_body = teasers.body;
    CHECK(clean_article(teasers, cleaner, TitleLayout::first_line).removed_blocks == 0);
    CHECK(teasers.body == teaser_body);
    // A label over the story's headline and standfirst is its kicker: nothing goes.
    Article kicker;
    kicker.title = "Gulshan News";
    kicker.body =
        "Opinion\nCustoms must open every container\nThe port needs scanners, not "
        "paperwork\n\n" +
        story;
    kicker.origin.entry = "gulshan-news.example/176.txt";
    clean_article(kicker, cleaner, TitleLayout::first_line);
    CHECK(kicker.body.find("Customs must open every container") != std::string::npos);
    CHECK(kicker.body.find("The port needs scanners") != std::string::npos);
}

TEST_CASE("clean_article: a list after the story whose dates could be read either way") {
    BlockStats none;
    const Cleaner cleaner(none);
    Article a;
    a.title = "Saaz News";
    a.body =
        "The actor couple has rented an apartment in Mumbai for seven lakh rupees a month, "
        "reports said on Monday, adding to the homes they already own in the city.\n"
        "The agreement runs for thirty-six months and the rent rises after eighteen.\n"
        "More videos\n"
        "Presidents meet for two hours at the summit in Lima \xE2\x80\x94 "
        "\xDB\xB0\xDB\xB5/\xDB\xB1\xDB\xB1/\xDB\xB2\xDB\xB0\xDB\xB2\xDB\xB6\n"
        "Singer unfollowed by her mother and brother online \xE2\x80\x94 05/11/2026\n"
        "Actress slapped by a guard at the airport \xE2\x80\x94 04/11/2026\n"
        "Revenue board launches an advance stock register \xE2\x80\x94 04/11/2026";
    a.origin.entry = "saaz-news.example/181.txt";
    clean_article(a, cleaner, TitleLayout::first_line);
    CHECK(a.body.find("Presidents meet") == std::string::npos);
    CHECK(a.body.find("advance stock register") == std::string::npos);
    CHECK(a.body.find("rises after eighteen") != std::string::npos);
}

TEST_CASE("a clean dump loses nothing but captions and labelled lists: the bundled sample") {
    struct Collect : khabar::WalkEvents, khabar::RecordSink {
        std::vector<Article> articles;
        void entry(const khabar::EntryInfo& info, khabar::EntryStream& data) override {
            khabar::read_entry(info, data, {}, *this);
        }
        void error(const khabar::EntryInfo&, const std::string&) override {}
        void skipped(const khabar::EntryInfo&, const std::string&) override {}
        void article(Article&& a) override { articles.push_back(std::move(a)); }
        void bad_record(const khabar::Origin&, const std::string&) override {}
    } dump;
    khabar::walk_dump((khabar::test::source_dir() / "testdata" / "sample-news.tar.gz").string(), {},
                      dump);
    REQUIRE(dump.articles.size() == 479);
    BlockStats stats;
    for (const Article& a : dump.articles) add_to_stats(stats, a, TitleLayout::separate);
    const Cleaner cleaner(stats);
    std::size_t removed = 0;
    for (Article a : dump.articles) {
        const std::string body = a.body;
        const std::size_t n = clean_article(a, cleaner, TitleLayout::separate).removed_blocks;
        removed += n;
        CAPTURE(a.own_id);
        if (n == 0) CHECK(a.body == body);  // dividend notices' "Pay April 1" stay too
        // Two BBC Urdu pages carry image credits and "مزید پڑھیں" lists: only those go.
        if (n > 0) CHECK(a.own_id.rfind("ufn-", 0) == 0);
        for (const khabar::RemovedBlock& r : a.removed_chrome) {
            CAPTURE(r.text);
            CHECK((r.reason == "image caption or credit" ||
                   r.reason.rfind("list under the label", 0) == 0));
        }
    }
    CHECK(removed == 15);
}

TEST_CASE("a page repeated on every page of its site keeps its text") {
    BlockStats stats;
    const std::string page =
        "Example Domain\nThis domain is established to be used for "
        "illustrative examples in documents.\nMore information...";
    for (int i = 0; i < 9; ++i) stats.add_page("site:example.com", page);
    const CleanResult r = Cleaner(stats).clean("site:example.com", page);
    CHECK(r.text.find("illustrative examples") != std::string::npos);
}

TEST_CASE("labelled sets: removal precision and recall") {
    for (const auto& [set, e] : evaluations()) {
        CAPTURE(set);
        CHECK(e.pages.size() >= 200);
        MESSAGE(set << ": block precision " << e.blocks.precision() << " recall "
                    << e.blocks.recall() << ", token precision " << e.tokens.precision()
                    << " recall " << e.tokens.recall());
        CHECK(e.blocks.precision() >= 0.995);
        CHECK(e.tokens.precision() >= 0.99);
        CHECK(e.blocks.recall() >= 0.98);
        CHECK(e.tokens.recall() >= 0.95);
    }
}

TEST_CASE("labelled sets: a phrase only in chrome is removed from every article") {
    // Chrome-only lines (never content anywhere in the set) by the pages of their site carrying
    // them: those on half the site's pages or more (the site template) must be gone from every
    // page; those on 5 pages and 3 % or more (the detector's own threshold: daily sidebars) from
    // 99 % of the pages that carry them (a caption inside a story that recurs is the exception).
    for (const auto& [set, e] : evaluations()) {
        CAPTURE(set);
        std::set<std::string> content;
        std::map<std::string, std::map<std::string, std::set<const PageOutcome*>>> carriers;
        std::map<std::string, std::size_t> site_pages;
        for (const PageOutcome& o : e.pages) {
            ++site_pages[o.page->source];
            for (std::size_t i = 0; i < o.lines.size(); ++i) {
                if (is_chrome_label(o.page->labels[i]))
                    carriers[o.page->source][line_text(o, i)].insert(&o);
                else
                    content.insert(line_text(o, i));
            }
        }
        std::size_t frequent = 0, frequent_kept = 0, templ = 0;
        for (const auto& [site, lines] : carriers) {
            const std::size_t n = site_pages[site];
            for (const auto& [line, pages] : lines) {
                if (content.count(line) || pages.size() < 5 || pages.size() * 100 < 3 * n) continue;
                for (const PageOutcome* o : pages) {
                    const bool kept =
                        line_set(o->cleaned.title + "\n" + o->cleaned.body).count(line);
                    ++frequent;
                    frequent_kept += kept;
                    if (2 * pages.size() < n) continue;
                    ++templ;
                    CAPTURE(o->page->article.origin.display());
                    CHECK_MESSAGE(!kept, "template chrome kept: " << line);
                }
            }
        }
        MESSAGE(set << ": " << frequent_kept << " of " << frequent
                    << " recurring chrome lines kept; template lines checked: " << templ);
        CHECK(templ > 10000);
        CHECK(frequent_kept * 100 <= frequent);
    }
    for (const PageOutcome& o : evaluations().at("dev").pages)
        for (const char* phrase : {"Polio drive", "Punishing evaders", "Engaging Riyadh"})
            CHECK(o.cleaned.body.find(phrase) == std::string::npos);
}

TEST_CASE("labelled sets: every article keeps its lead, and repeated wire leads survive") {
    for (const auto& [set, e] : evaluations()) {
        CAPTURE(set);
        std::size_t wire = 0;
        for (const PageOutcome& o : e.pages) {
            CAPTURE(o.page->article.origin.display());
            for (std::size_t i = 0; i < o.lines.size(); ++i) {
                const char label = o.page->labels[i];
                if (label != 'l' && label != 'w') continue;
                wire += label == 'w';
                CHECK_MESSAGE(!o.line_removed[i], "lead removed: " << line_text(o, i));
                CHECK(o.cleaned.body.find(line_text(o, i)) != std::string::npos);
            }
        }
        CHECK(wire >= 10);
    }
}

TEST_CASE("labelled sets: no article gets a date that occurs only in chrome") {
    for (const auto& [set, e] : evaluations()) {
        CAPTURE(set);
        for (const PageOutcome& o : e.pages) {
            CAPTURE(o.page->article.origin.display());
            CHECK(o.date != DateOutcome::from_chrome);
            CHECK(o.date != DateOutcome::wrong);
        }
        const auto found =
            e.dates.count(DateOutcome::correct) ? e.dates.at(DateOutcome::correct) : 0;
        CHECK(found >= 140);
    }
}

TEST_CASE("labelled sets: text pages get their headline, or a derived title") {
    for (const auto& [set, e] : evaluations()) {
        CAPTURE(set);
        std::map<std::string, std::size_t> site_pages;
        for (const PageOutcome& o : e.pages) ++site_pages[o.page->source];
        for (const PageOutcome& o : e.pages) {
            // A site with fewer than 5 pages teaches nothing: its first line stays the title.
            // Text pages (the reader made the first line the title, or left the title empty when
            // that line is a long paragraph) of sites with enough pages.
            if (!o.page->article.origin.entry.ends_with(".txt") || site_pages[o.page->source] < 5)
                continue;
            CAPTURE(o.page->article.origin.display());
            std::vector<std::string> titles;
            for (std::size_t i = 0; i < o.lines.size(); ++i)
                if (o.page->labels[i] == 't') titles.push_back(line_text(o, i));
            if (titles.empty()) {
                CHECK(o.cleaned.title_derived);
                CHECK(!o.cleaned.title.empty());
            } else {
                CHECK(o.cleaned.title == titles.front());
                CHECK(!o.cleaned.title_derived);
            }
        }
    }
}

TEST_CASE("chrome statistics in the database: shard 0, counted inputs, unreadable data") {
    const auto dir = khabar::test::fresh_tmp_dir("chrome-store") / "db";
    khabar::WriterOptions wo;
    wo.shards = 2;
    {
        khabar::ShardedIndex index(dir.string(), wo);
        ChromeState state = load_chrome_state(index.shard(0));
        CHECK(!state.reset);
        CHECK(state.counted.empty());
        CHECK(state.stats.source_count() == 0);
        for (int i = 0; i < 6; ++i)
            state.stats.add_page("dir:site", "Home\nNews\nstory " + std::to_string(i));
        save_chrome_state(index.shard(0), state, {{"k1", "/data/a.tar"}, {"k2", "/data/a.tar"}});
        index.shard(0).commit();
        index.shard(1).commit();
    }
    {
        khabar::ShardedIndex index(dir.string(), wo);
        ChromeState state = load_chrome_state(index.shard(0));
        CHECK(!state.reset);
        CHECK(state.stats.pages("dir:site") == 6);
        CHECK(state.counted.size() == 2);
        CHECK(counted_files(state).empty());  // paths are read only for --reclean
        CHECK(counted_files(load_chrome_state(index.shard(0), true)) ==
              std::vector<std::string>{"/data/a.tar"});
        CHECK(load_chrome_state(index.shard(1)).counted.empty());  // shard 0 only
        index.shard(0).set_metadata(std::string(khabar::schema::chrome_stats_key), "KHBS garbage");
        ChromeState broken = load_chrome_state(index.shard(0));
        CHECK(broken.reset);  // the list of counted inputs no longer describes the statistics
        CHECK(broken.counted.empty());
        CHECK(broken.stale_keys.size() == 2);
        save_chrome_state(index.shard(0), broken, {});
        ChromeState again = load_chrome_state(index.shard(0));
        CHECK(!again.reset);
        CHECK(again.counted.empty());
    }
}

TEST_CASE("first pass: pages counted once per input, streams left out") {
    const auto dir = khabar::test::fresh_tmp_dir("chrome-pass");
    std::filesystem::create_directories(dir / "site.com");
    for (int i = 0; i < 6; ++i)
        std::ofstream(dir / "site.com" / (std::to_string(i) + ".txt"))
            << "Home | News\n\nStory number " << i << " is a story.\n";
    std::ofstream(dir / "site.com" / "README") << "about this dump";
    std::ofstream(dir / "feed.jsonl") << R"({"title": "a", "body": "b", "url": "https://x.org/1"})"
                                      << "\n";
    khabar::InputKeys keys;
    BlockStats stats;
    const std::map<std::string, std::string> none;
    StatsPass pass(stats, keys, none, {}, {});
    pass.count((dir / "site.com").string());
    pass.count((dir / "feed.jsonl").string());
    pass.count("-");  // stdin cannot be read twice: not counted
    CHECK(pass.pages() == 7);
    CHECK(stats.pages("dir:site.com") == 6);
    CHECK(stats.pages("site:x.org") == 1);
    CHECK(pass.added().size() == 8);  // 6 files + the JSONL entry + the JSONL file as a whole
    BlockStats again;
    StatsPass rerun(again, keys, pass.added(), {}, {});
    rerun.count((dir / "site.com").string());
    rerun.count((dir / "feed.jsonl").string());
    CHECK(rerun.pages() == 0);
    CHECK(rerun.added().empty());
    // A changed file is a new input.
    std::ofstream(dir / "site.com" / "0.txt", std::ios::app) << "More.\n";
    khabar::InputKeys fresh_keys;
    StatsPass changed(again, fresh_keys, pass.added(), {}, {});
    changed.count((dir / "site.com").string());
    CHECK(changed.pages() == 1);
}

TEST_CASE("shape rules: one label table, captions, a page alone") {
    CHECK(list_label("Read more:") == "Read more");
    CHECK(list_label("  MUST WATCH ") == "MUST WATCH");
    CHECK(list_label("More from Dawn") == "More from");
    CHECK(list_label("کرکٹ سے متعلق یہ بھی پڑھیے") == "یہ بھی پڑھیے");
    CHECK(list_label("Read more about the budget in our special report today.").empty());
    CHECK(is_caption_line("تصویر کے کاپی رائٹ Getty Images"));
    CHECK_FALSE(is_caption_line("The minister said Getty Images had the photo."));
    // A caption never becomes a derived title.
    CHECK(derive_title("تصویر کے کاپی رائٹ Getty Images\n\nکراچی میں شدید بارش کے بعد کئی "
                       "علاقوں میں پانی جمع ہو گیا۔") ==
          "کراچی میں شدید بارش کے بعد کئی علاقوں میں "
          "پانی جمع ہو گیا");
    // With no statistics, a dated list of headlines after the story goes; the story stays.
    const std::string story =
        "The council voted on Monday to close the old market for repairs that will take a year.\n"
        "Traders said they had not been told where they could sell their goods in the meantime.\n";
    const std::string page =
        story + "Bridge reopens\n02 May, 2024\nPort strike ends\n01 May, 2024\n";
    BlockStats none;
    const CleanResult r = Cleaner(none).clean("site:example.com", page);
    CHECK(r.text == story.substr(0, story.size() - 1));
    CHECK(r.removed == 4);
    CHECK_FALSE(r.dateline.has_value());
    // Navigation words above the story go too; a byline stays.
    const CleanResult nav = Cleaner(none).clean(
        "site:example.com", "Home\nWorld\nBusiness | Sport\nBy Staff Reporter\n" + story);
    CHECK(nav.removed == 3);
    CHECK(nav.text.starts_with("By Staff Reporter\n"));
}

TEST_CASE("shape rules: labels that news sites write, on a page alone") {
    // Undated headlines under a label after the story: the label makes them a list.
    const std::string story =
        "The council voted on Monday to close the old market for repairs that will take a year.\n"
        "Traders said they had not been told where they could sell their goods in the meantime.\n";
    const std::string urdu_story =
        "کراچی میں شدید بارش کے بعد کئی علاقوں میں پانی جمع ہو گیا اور شہریوں کو مشکلات کا سامنا "
        "کرنا پڑا۔\nمحکمہ موسمیات کے مطابق بارش کا یہ سلسلہ کل تک جاری رہے گا اور درجہ حرارت "
        "میں کمی ہوگی۔\n";
    BlockStats none;
    for (std::string_view label : {"Featured", "Most watched", "More like this", "Editor's choice",
                                   "Keep reading", "Other news"}) {
        CAPTURE(label);
        const CleanResult r = Cleaner(none).clean(
            "site:example.com", story + std::string(label) +
                                    "\nGovernor opens new bridge over river\nPolice arrest three "
                                    "in bank raid\nFloods force families from homes\n");
        CHECK(r.text == story.substr(0, story.size() - 1));
    }
    for (std::string_view label : {"اسی بارے میں", "سب سے زیادہ پڑھی جانے والی", "ٹاپ اسٹوریز",
                                   "اداریہ", "دیگر خبریں", "یہ بھی دیکھیں"}) {
        CAPTURE(label);
        const CleanResult r = Cleaner(none).clean(
            "site:example.pk", urdu_story + std::string(label) +
                                   "\nوزیر اعظم کا دورہ چین مکمل\nپولیس نے تین ملزمان گرفتار کر "
                                   "لیے\nسیلاب سے کئی خاندان بے گھر\n");
        CHECK(r.text == urdu_story.substr(0, urdu_story.size() - 1));
    }
    // The first entry's headline holds figures (read as a short paragraph): still an entry.
    const CleanResult figures = Cleaner(none).clean(
        "site:example.pk", urdu_story +
                               "اداریہ\n20 ہزار 437 وی پی این سروس پرووائیڈرز نے رجسٹریشن کرالی\n"
                               "3 دسمبر 2024\nانٹربینک میں ڈالر مزید مہنگا ہوگیا\n3 دسمبر 2024\n");
    CHECK(figures.text == urdu_story.substr(0, urdu_story.size() - 1));
}

TEST_CASE("shape rules: a link to the story's source after it goes; links in the story stay") {
    const std::string story =
        "Generale Occidentale, Paris, has mandated Orion Royal Bank Ltd to arrange a 100 mln dlr "
        "revolving credit facility, Orion said.\n\nBorrowings under the seven-year facility can "
        "be in dollars or other currencies where available.\n";
    BlockStats none;
    for (std::string_view link :
         {"Read more at the source: https://wirewatch-portal.com/news/generale-1563920.html",
          "مکمل خبر ویب سائٹ پر پڑھیں: https://jadeed-khabar.pk/news/gaza-95245.html",
          "Source: http://example.com/a"}) {
        CAPTURE(link);
        const CleanResult r =
            Cleaner(none).clean("site:example.com", story + "\n" + std::string(link) + "\n");
        CHECK(r.text == story.substr(0, story.size() - 1));
        CHECK(r.removed == 1);
    }
    // A link in a sentence, a link line with a story paragraph after it, or a long line: kept.
    for (std::string_view kept :
         {"The full report is at https://example.com/report.pdf and runs to 200 pages.",
          "The full report is available at: https://www.who.int/reports/measles-2027",
          "Details: https://example.com/report.pdf\n\nThe bank said the facility would be "
          "signed next week in London, with a dozen lenders taking part in it."}) {
        CAPTURE(kept);
        const CleanResult r =
            Cleaner(none).clean("site:example.com", story + "\n" + std::string(kept) + "\n");
        CHECK(r.removed == 0);
    }
}

TEST_CASE("clean_article: a forecast of dated lines above a text page is no title and no date") {
    BlockStats none;
    const Cleaner cleaner(none);
    Article a;
    a.title = "Thu 4 Mar 2027 10\u00b0C Light rain";  // the text reader's first line
    a.title_from_first_line = true;
    a.body =
        "Fri 5 Mar 2027 12\u00b0C Sunny intervals\nSat 6 Mar 2027 9\u00b0C Cloudy\n\n"
        "Fast moving phone bugs appear\nBy Imran Chowdhury\n\n"
        "Security firms are warning about several mobile phone viruses that can spread much "
        "faster than similar bugs.\n\nThe new strains of the Cabir mobile phone virus use "
        "short-range radio technology to leap to any vulnerable phone as soon as it is in range.";
    a.origin.entry = "fenland-fm.co.uk/news/phone-bugs.txt";
    const ArticleCleaning c = clean_article(a, cleaner, TitleLayout::first_line);
    CHECK(c.removed_blocks == 3);
    CHECK(a.title == "Fast moving phone bugs appear");
    CHECK_FALSE(c.dated);
    CHECK(a.date_text.empty());
    CHECK(a.body.find("Sunny") == std::string::npos);
    // A story that opens with its own timeline (events, not a forecast's few words): kept.
    const CleanResult timeline = cleaner.clean(
        "site:example.com",
        "Timeline of the Sindh floods\n\n14 June 2022 Monsoon rains begin across Sindh and "
        "Balochistan\n15 July 2022 Rivers burst their banks in the south\n25 August 2022 "
        "Government declares a national emergency\n\nA third of the country was under water at "
        "the peak, and damage was estimated at more than 30 billion dollars.");
    CHECK(timeline.removed == 0);
    CHECK(timeline.text.find("14 June 2022 Monsoon rains begin") != std::string::npos);
    CHECK(timeline.text.find("25 August 2022 Government declares") != std::string::npos);
    // Two dated lines, or lines of the same day, or written two ways: not such a list.
    for (const char* head : {"Thu 4 Mar 2027 10\u00b0C Light rain\nFri 5 Mar 2027 12\u00b0C Sunny",
                             "4 Mar 2027 Morning edition\n4 Mar 2027 Evening edition\n4 Mar 2027 "
                             "Late edition",
                             "Published 4 Mar 2027 10:44\nUpdated 5 Mar 2027 09:12\n6 Mar 2027"}) {
        CAPTURE(head);
        const CleanResult r = cleaner.clean(
            "site:example.com", std::string(head) +
                                    "\n\nHeadline here\n\nSecurity firms are warning about several "
                                    "mobile phone viruses that can spread much faster than similar "
                                    "bugs, researchers said on Monday.");
        CHECK(r.removed == 0);
        CHECK(r.text.starts_with(head));
    }
}

TEST_CASE("shape rules: an anniversary box and a list of cut teasers with dates after the story") {
    const std::string story =
        "Expiration dates on upland cotton certificates issued under the 1986 upland cotton "
        "program are being extended, the Agriculture Department announced.\n\nThe certificates "
        "are being extended because of a shortage of inventory available for exchange, USDA "
        "undersecretary Danial Amstutz said.\n";
    BlockStats none;
    const Cleaner cleaner(none);
    const std::string two =
        "\nOn this day, April 7, 2026: Napster offers rented music to go\n\n"
        "On this day, April 7, 2025: Gizmondo gadget hits the shelves\n";
    const std::string urdu =
        "\nآج کے دن، 19 اپریل 2026: ایکس سے پیسے کیسے کمائے جاسکتے ہیں؟ ایلون مسک نے بتادیا\n\n"
        "آج کے دن، 19 اپریل 2025: ارب پتی ایلون مسک کو بھی امریکی حکومت میں اہم عہدہ مل گیا\n\n"
        "آج کے دن، 19 اپریل 2024: حزب اللہ نے سربراہ کی شہادت کی تصدیق کر دی\n";
    const std::string teasers =
        "\nMore Briefs\n\nLONDON: Gold steadied on Friday, supported by some physical buying, "
        "yet remained on track for its biggest annual ...\n\nApr 8, 2027\n\nABU DHABI: Andy "
        "Murray's return to action after a three-month injury lay-off ended in a defeat to...\n\n"
        "Apr 8, 2027\n\nCall it one of life's ironies: protesters in Ukraine may be clamouring to "
        "join the European Union...\n\nApr 7, 2027\n";
    for (const std::string& list : {two, urdu, teasers}) {
        CAPTURE(list);
        const CleanResult r = cleaner.clean("site:example.com", story + list);
        CHECK(r.text == story.substr(0, story.size() - 1));
    }
    // The story's own closing lines, a timeline with the story going on after it, one entry:
    // they stay.
    for (const std::string& kept :
         {std::string("\nPublished April 7, 2026\n\nUpdated April 8, 2026\n"),
          std::string("\nMarch 3, 1987: talks open in Geneva\n\nMarch 4, 1987: talks break "
                      "down\n\nMarch 5, 1987: talks resume\n\nThe negotiators are expected to "
                      "meet again next month, officials from both delegations said on "
                      "Friday.\n"),
          std::string("\nOn this day, April 7, 2026: Napster offers rented music to go\n")}) {
        CAPTURE(kept);
        const CleanResult r = cleaner.clean("site:example.com", story + kept);
        CHECK(r.removed == 0);
    }
}

TEST_CASE("datelines: an Urdu update line under the headline, the first publication below") {
    BlockStats none;
    const Cleaner cleaner(none);
    Article a;
    a.title = "گٹھ جوڑ بے نقاب؛ امریکی سینیٹ نے اسرائیل کو ہتھیاروں کی فروخت کی اجازت دیدی";
    a.title_from_first_line = true;
    a.body =
        "سٹاف رپورٹر\nاپ ڈیٹ: 20 اپریل 2027\n\n"
        "غزہ میں جارحیت کے دوران بھاری اکثریت کے ساتھ امریکی سینیٹ نے اسرائیل کو اسلحہ فروخت کرنے "
        "کی راہ ہموار کردی۔ عالمی خبر رساں ادارے کے مطابق یہ قرارداد سینیٹر برنی سینڈرز نے پیش کی "
        "تھی۔\n\nیہ خبر پہلی بار 19 اپریل 2027 کو شائع ہوئی۔\n";
    a.origin.entry = "jhang-times.pk/2027-04-19/71331.txt";
    const ArticleCleaning c = clean_article(a, cleaner, TitleLayout::first_line);
    CHECK(c.dated);
    CHECK(khabar::parse_date(a.date_text)->iso() == "2027-04-19");
}

TEST_CASE("tail lists: under the site's own heading, three items or more, after the story") {
    static const char* const heads[] = {"Council closes old market for repairs",
                                        "Rain floods low roads in the east",
                                        "Bank rate held for a third month",
                                        "New bridge opens to traffic",
                                        "Teachers call off strike after talks",
                                        "Museum returns stolen statue",
                                        "Port workers win pay rise",
                                        "Fuel prices fall again",
                                        "City marathon draws record field",
                                        "Power cuts hit northern suburbs",
                                        "Hospital wing named after nurse",
                                        "Farmers protest at water charges",
                                        "Airline adds routes to the Gulf",
                                        "Court frees journalist on bail"};
    static const char* const towns[] = {"Karachi", "Lahore",    "Multan",  "Quetta",
                                        "Sukkur",  "Hyderabad", "Peshawar"};
    // A blog's page: the story, its publication line, the site's heading (on every page) over a
    // list of `items` other posts that changes from page to page, then the footer.
    auto page = [](int i, int items) {
        std::string p = "Home\nNews\nBlog\n\n";
        p += std::string(heads[i % 14]) + "\n\n";
        p += std::string("Officials in ") + towns[i % 7] + " said on " + heads[(i + 3) % 14] +
             " that the work would take a year and cost far more than planned.\n\n";
        p += std::string("Posted in Blog on ") + std::to_string(i % 28 + 1) +
             " March 2027.\n\nFrom the newsroom\n\n";
        for (int k = 0; k < items; ++k)  // each item on two pages of the twelve at most
            p += std::string(towns[k]) + ": " + heads[(i * 4 + k) % 14] + "\n\n";
        p += "About us\nPrivacy policy\n";
        return p;
    };
    BlockStats stats;
    for (int i = 0; i < 12; ++i) stats.add_page("dir:blog", page(i, 4));
    const CleanResult r = Cleaner(stats).clean("dir:blog", page(5, 4));
    CHECK(r.text.find("Karachi: ") == std::string::npos);  // the list's first item
    CHECK(r.text.find("Quetta: ") == std::string::npos);   // its last
    CHECK(r.text.find("Posted in Blog on 6 March 2027.") != std::string::npos);
    CHECK(r.text.find("Officials in Hyderabad") != std::string::npos);
    // Two items only: they stay (one chrome block before them is not enough for fewer).
    const CleanResult two = Cleaner(stats).clean("dir:blog", page(5, 2));
    CHECK(two.text.find("Karachi: ") != std::string::npos);
    // Two new items, then two the site shows on five pages of the twelve (removed as recurring):
    // a list of four, all of it chrome.
    auto mixed = [&](int i) {
        static const char* const pairs[] = {
            "Weekly quiz: test yourself\n\nLetters to the editor this week\n\n",
            "Cartoon of the day\n\nOur podcast: the week in review\n\n",
            "Photos of the week\n\nReaders' pictures from the coast\n\n"};
        std::string p = page(i, 2);
        p.insert(p.find("About us\n"), pairs[i < 5 ? 0 : i < 10 ? 1 : 2]);
        return p;
    };
    BlockStats recurring;
    for (int i = 0; i < 12; ++i) recurring.add_page("dir:blog", mixed(i));
    const CleanResult four = Cleaner(recurring).clean("dir:blog", mixed(5));
    CHECK(four.text.find("Karachi: ") == std::string::npos);
    CHECK(four.text.find("Lahore: ") == std::string::npos);
    CHECK(four.text.find("Officials in Hyderabad") != std::string::npos);
    // A story's last short paragraphs after an advertisement on every page: sentences, kept.
    auto ad_page = [](int i) {
        return std::string(heads[i % 14]) + "\n\nOfficials in " + towns[i % 7] + " said on " +
               heads[(i + 3) % 14] + " that the work would take a year and cost far more.\n\n" +
               "Advertisement\n\n" + towns[(i + 1) % 7] + " residents were angry.\n\n" +
               "\u201cWho will pay for this?\u201d asked a student.\n\nCouncillors will review " +
               "the design with tailors from " + towns[(i + 2) % 7] + ".\n";
    };
    BlockStats ads;
    for (int i = 0; i < 12; ++i) ads.add_page("dir:ads", ad_page(i));
    const CleanResult story_end = Cleaner(ads).clean("dir:ads", ad_page(5));
    CHECK(story_end.text.find("residents were angry.") != std::string::npos);
    CHECK(story_end.text.find("Councillors will review") != std::string::npos);
}

TEST_CASE("site boxes: one or two lines with a figure under the site's heading, after the story") {
    static const char* const towns[] = {"Karachi", "Lahore",    "Multan",  "Quetta",
                                        "Sukkur",  "Hyderabad", "Peshawar"};
    static const char* const works[] = {
        "Provision of security services", "Supply of laboratory reagents",
        "Construction of a community hall", "Printing of examination papers"};
    // A story, then the site's box (its heading on every page, one notice that changes from
    // page to page), then the site's "Most Read" heading and the footer; `box` is the box's line.
    auto page = [](int i, const std::string& box, const std::string& heading) {
        std::string p = "Kingston Record\nNews\nBusiness\n\n";
        p += std::string("Port works in ") + towns[i % 7] + " halted\n\n";
        p += std::string("Officials in ") + towns[i % 7] + " said on Monday that the work on " +
             "the port would take a year and cost far more than planned.\n\n";
        p += std::string("Work will resume in ") + towns[(i + 2) % 7] +
             " when the money is found, they said.\n\n";
        p += heading + "\n\n" + box + "\n\nMost Read\n\n";
        p += "© Kingston Record Company\nSubscribe\n";
        return p;
    };
    auto notice = [](int i) {
        return std::string("Invitation to bid No. PN/") + std::to_string(140 + i) + ": " +
               works[i % 4] + " in " + towns[i % 7] + ". Tender fee Rs " +
               std::to_string(i % 20 + 5) + ",000, bids open at 10:00 hours";
    };
    BlockStats stats;
    for (int i = 0; i < 12; ++i) stats.add_page("dir:kr", page(i, notice(i), "Public Notices"));
    CleanResult r = Cleaner(stats).clean("dir:kr", page(5, notice(5), "Public Notices"));
    CHECK(r.text.find("Invitation to bid") == std::string::npos);
    CHECK(r.text.find("Work will resume in Karachi") != std::string::npos);
    // The story's own lines under a line of every page (here a desk's name) stay: a credit line
    // has no figure, a sentence with one ends in a full stop.
    auto credit = [](int i) {
        return std::string("(Reporting by ") + towns[i % 7] + " staff; Editing by Sara Ahmed)";
    };
    auto sentence = [](int i) {
        return std::string("The port of ") + towns[i % 7] + " handled " + std::to_string(i + 2) +
               " million tonnes last year.";
    };
    for (const auto& line :
         {std::function<std::string(int)>(credit), std::function<std::string(int)>(sentence)}) {
        CAPTURE(line(5));
        BlockStats ads;
        for (int i = 0; i < 12; ++i)
            ads.add_page("dir:kr", page(i, line(i), "Kingston Record Desk"));
        r = Cleaner(ads).clean("dir:kr", page(5, line(5), "Kingston Record Desk"));
        CHECK(r.text.find(line(5)) != std::string::npos);
    }
    // Urdu: a tender notice under "سرکاری اشتہارات و ٹینڈر نوٹس" (five words). The notices
    // differ in their words, not only in figures, as in the English case: no rule 1 template.
    auto urdu = [](int i) {
        static const char* const cities[] = {"پشاور", "مردان", "ایبٹ آباد", "سوات", "کوہاٹ"};
        static const char* const works[] = {"دفتری فرنیچر کی فراہمی",
                                            "لیبارٹری کے سامان کی خریداری", "کمیونٹی ہال کی تعمیر",
                                            "امتحانی پرچوں کی چھپائی"};
        const std::string city = cities[i % 5];
        return "حزارہ پوسٹ\nہوم\nکھیل\n\n" + city + " میں سڑک کی مرمت شروع\n\n" + city +
               " میں حکام نے بتایا کہ سڑک نمبر " + std::to_string(i + 3) +
               " کی مرمت کا کام ایک سال میں مکمل ہو گا اور اس پر زیادہ لاگت آئے گی۔\n\nسرکاری "
               "اشتہارات و ٹینڈر نوٹس\n\nٹینڈر نوٹس نمبر " +
               std::to_string(140 + i) + ": " + city + " میں " + works[i % 4] + "۔ ٹینڈر فیس " +
               std::to_string(i % 20 + 5) +
               " ہزار روپے، بولیاں دن 11 بجے کھلیں گی\n\nخبریں ایک نظر میں\n\n" +
               "جملہ حقوق محفوظ ہیں\n";
    };
    BlockStats ur;
    for (int i = 0; i < 12; ++i) ur.add_page("dir:hp", urdu(i));
    r = Cleaner(ur).clean("dir:hp", urdu(5));
    CHECK(r.text.find("ٹینڈر نوٹس نمبر") == std::string::npos);
    CHECK(r.text.find("سڑک نمبر 8 کی مرمت کا کام") != std::string::npos);
}

TEST_CASE("shape rules: entries stamped with a time relative to today or a day without a year") {
    const std::string story =
        "The council voted on Monday to close the old market for repairs that will take a year.\n"
        "Traders said they had not been told where they could sell their goods in the meantime.\n";
    BlockStats none;
    const std::vector<std::string> lists = {
        "Bridge reopens after repairs \xE2\x80\x94 7h ago\nPort strike ends after a week "
        "\xE2\x80\x94 1d ago\nNew mayor sworn in at city hall \xE2\x80\x94 2d ago\n",
        "Bridge reopens after repairs | Today 05:00\nPort strike ends after a week | Yesterday, "
        "10:30 pm\nNew mayor sworn in at city hall | Yesterday 07:34\n",
        "پل مرمت کے بعد کھول دیا گیا \xE2\x80\x94 آج 05:00\nبندرگاہ کی ہڑتال ختم \xE2\x80\x94 کل "
        "07:34\nنئے میئر نے حلف اٹھا لیا \xE2\x80\x94 2 روز قبل\n",
        "پل مرمت کے بعد کھول دیا گیا \xE2\x80\x94 19 جنوری، 05:00\nبندرگاہ کی ہڑتال ختم "
        "\xE2\x80\x94 18 جنوری، 07:34\nنئے میئر نے حلف اٹھا لیا \xE2\x80\x94 17 جنوری، 09:08\n",
    };
    for (const std::string& list : lists) {
        CAPTURE(list);
        const CleanResult r = Cleaner(none).clean("site:example.com", story + list);
        CHECK(r.text == story.substr(0, story.size() - 1));
        CHECK_FALSE(r.dateline.has_value());
    }
    // A story line that names a day with a time is no entry.
    const std::string own = story + "The vote was held on Monday \xE2\x80\x94 today at 05:00.\n";
    CHECK(Cleaner(none).clean("site:example.com", own).removed == 0);
}

TEST_CASE("what reads like these rules and is the story's own (review of the eighth set's rules)") {
    BlockStats none;
    const std::string story =
        "The council voted on Monday to close the old market for repairs that will take a year.\n"
        "Traders said they had not been told where they could sell their goods in the meantime.\n";
    // A story sentence opening like a trailer, after an advertisement, stays; it dates nothing.
    const std::string novel =
        story +
        "Advertisement\nOriginally published on 3 March 1968, the novel has since been translated "
        "into eleven languages and adapted twice for television.\n" +
        story;
    const CleanResult n = Cleaner(none).clean("site:example.com", novel);
    CHECK(n.text.find("Originally published on 3 March 1968") != std::string::npos);
    CHECK_FALSE(n.dateline.has_value());
    // "Writing this column, I remember 12 October 1999 …" is no trailer.
    CHECK_FALSE(
        find_article_dateline("کالم\n" + story +
                              "یہ کالم لکھتے ہوئے مجھے 12 اکتوبر 1999 کا وہ دن یاد آ رہا ہے۔\n")
            .has_value());
    // A crosshead that is also a label, over the story's sentences: nothing removed.
    const std::string crosshead = story +
                                  "Latest\nThe paper projects inflation at 12 per cent next year.\n"
                                  "Defence spending will rise by 15 per cent\n" +
                                  story;
    CHECK(Cleaner(none).clean("site:example.com", crosshead).removed == 0);
    // "Also on Monday, …" is a sentence of the story, not a label.
    const std::string also =
        story + "Also on Monday, the court dismissed a bail plea filed by two co-accused.\n" +
        story;
    CHECK(Cleaner(none).clean("site:example.com", also).removed == 0);
    // Fixtures at the story's end, days without a year or time: the story's.
    const std::string fixtures = story +
                                 "Semi-final 1: Pakistan v England \xE2\x80\x93 26 June\n"
                                 "Semi-final 2: India v Australia \xE2\x80\x93 27 June\n"
                                 "Final: winners meet at Lord's \xE2\x80\x93 29 June\n";
    CHECK(Cleaner(none).clean("site:example.com", fixtures).removed == 0);
    // A byline's date above a row of category words keeps dating the article.
    Article cats;
    cats.title = "Government announces new tax relief";
    cats.body = "By Ali Khan\nJune 5, 2024\nPakistan | Business | Economy\n\n" + story;
    cats.origin.entry = "example.com/tax.txt";
    const Cleaner cleaner(none);
    CHECK(clean_article(cats, cleaner, TitleLayout::first_line).dated);
    // A headline with a date in it stays the title.
    Article day;
    day.title = "23 March 2024: Pakistan Day parade held in Islamabad";
    day.body = "By Staff Reporter\n\n" + story;
    day.origin.entry = "example.com/parade.txt";
    clean_article(day, cleaner, TitleLayout::first_line);
    CHECK(day.title == "23 March 2024: Pakistan Day parade held in Islamabad");
}

TEST_CASE("block shapes: Urdu weekday names fold like month names") {
    CHECK(shape_hash(block_shape("آج کی نشریات — پیر 19 جنوری: خبرنامہ رات 9 بجے")) ==
          shape_hash(block_shape("آج کی نشریات — جمعہ 23 جنوری: خبرنامہ رات 9 بجے")));
    CHECK(shape_hash(block_shape("پیر کو اجلاس ہوگا")) != shape_hash(block_shape("کل اجلاس ہوگا")));
}

TEST_CASE("datelines: an Urdu line after the story saying when the piece was published") {
    const auto d = find_article_dateline(
        "ہونڈا سٹی کی نئی قیمت\n"
        "ہونڈا سٹی پاکستانی آٹو مارکیٹ میں ایک مضبوط مقام رکھتی ہے کیونکہ یہ اپنی آرام دہ ڈرائیو "
        "اور "
        "شاندار کارکردگی کی بدولت خریداروں کی پسندیدہ گاڑیوں میں سے ایک ہے۔\n"
        "یہ تحریر 17 جنوری 2026 کو شائع ہوئی۔\n");
    REQUIRE(d.has_value());
    CHECK(d->kind == Dateline::Kind::trailer);
    CHECK(khabar::parse_date(d->text)->iso() == "2026-01-17");
}

TEST_CASE("shape rules: one-line dated entries after the story, date last or first") {
    // A page alone: a list of other stories after the story, one entry a line, no label.
    const std::string story =
        "The council voted on Monday to close the old market for repairs that will take a year.\n"
        "Traders said they had not been told where they could sell their goods in the meantime.\n";
    const std::string urdu_story =
        "کراچی میں شدید بارش کے بعد کئی علاقوں میں پانی جمع ہو گیا اور شہریوں کو مشکلات کا سامنا "
        "کرنا پڑا۔\nمحکمہ موسمیات کے مطابق بارش کا یہ سلسلہ کل تک جاری رہے گا اور درجہ حرارت "
        "میں کمی ہوگی۔\n";
    const std::vector<std::pair<std::string, std::string>> lists = {
        {story,
         "Bridge reopens after repairs (Jun 13, 2024)\nPort strike ends after a week "
         "(Jun 12, 2024)\nNew mayor sworn in at city hall (Jun 11, 2024)\n"},
        {story,
         "13 Jun 2024 \xE2\x80\x94 Bridge reopens after repairs\n12 Jun 2024 "
         "\xE2\x80\x94 Port strike ends after a week\n11 Jun 2024 \xE2\x80\x94 New "
         "mayor sworn in at city hall\n"},
        {story,
         "- Bridge reopens after repairs | Jun 13, 2024\n- Port strike ends after a week "
         "| Jun 12, 2024\n- New mayor sworn in at city hall | Jun 11, 2024\n"},
        {urdu_story,
         "- حکومت نے نئی پالیسی کا اعلان کر دیا | ۲۸ نومبر ۲۰۲۴\n- بارش سے شہر میں "
         "نظام زندگی متاثر | ۲۷ نومبر ۲۰۲۴\n- کابینہ کا اجلاس آج ہوگا | ۲۶ نومبر "
         "۲۰۲۴\n"},
    };
    BlockStats none;
    for (const auto& [text, list] : lists) {
        CAPTURE(list);
        const CleanResult r = Cleaner(none).clean("site:example.com", text + list);
        CHECK(r.text == text.substr(0, text.size() - 1));
        CHECK(r.removed == 3);
        CHECK_FALSE(r.dateline.has_value());
    }
    // Followed by more of the story, such lines are the story's (a timeline), not a list.
    const std::string timeline = story +
                                 "13 Jun 2024 \xE2\x80\x94 Bridge reopens after repairs\n"
                                 "12 Jun 2024 \xE2\x80\x94 Port strike ends after a week\n"
                                 "11 Jun 2024 \xE2\x80\x94 New mayor sworn in at city hall\n" +
                                 story;
    CHECK(Cleaner(none).clean("site:example.com", timeline).removed == 0);
}

TEST_CASE("dates and lists that are not what they look like") {
    const std::string story =
        "The council voted on Monday to close the old market for repairs that will take a year.\n"
        "Traders said they had not been told where they could sell their goods in the meantime.\n";
    // A publication line after a teaser of another story is that story's.
    CHECK_FALSE(find_article_dateline("Market to close\n" + story +
                                      "Next article\nGovernor opens new bridge over the river\n"
                                      "Published: 02 May 2024\n")
                    .has_value());
    auto d = find_article_dateline("Market to close\n" + story + "Published: 02 May 2024\n");
    REQUIRE(d.has_value());
    CHECK(d->kind == Dateline::Kind::trailer);
    // A teaser under a "Featured" line below the title is not the story's standfirst.
    CHECK_FALSE(find_article_dateline("Market to close\nFeatured: Governor opens new bridge\n"
                                      "The governor opened the long-awaited bridge on Monday, "
                                      "ending years of delays.\n02 May 2024\n" +
                                      story)
                    .has_value());
    // A historical date opening the lead is not a dateline.
    CHECK_FALSE(find_city_dateline("September 11, 2001 \xE2\x80\x94 a day that changed the "
                                   "city forever \xE2\x80\x94 is remembered again this week.")
                    .has_value());
    BlockStats none;
    // A timeline of sentences at the story's end stays.
    const std::string timeline =
        story +
        "How the repairs unfolded:\n"
        "13 Jun 2024 \xE2\x80\x94 The council votes to close the bridge after engineers find "
        "cracks in the main span.\n"
        "14 Jun 2024 \xE2\x80\x94 Traders protest outside city hall against the closure of the "
        "old market and the bridge.\n"
        "15 Jun 2024 \xE2\x80\x94 The mayor promises that the market will reopen within a year "
        "of the vote.\n";
    CHECK(Cleaner(none).clean("site:example.com", timeline).removed == 0);
    // Dated headlines with a credit in brackets after the date are a list.
    const CleanResult r = Cleaner(none).clean(
        "site:example.com", story +
                                "Bridge reopens after repairs \xC2\xB7 2 Jul 2024 (AP)\n"
                                "Port strike ends after a week \xC2\xB7 1 Jul 2024 (AP)\n"
                                "New mayor sworn in at city hall \xC2\xB7 30 Jun 2024 (AP)\n");
    CHECK(r.removed == 3);
    // A date field that reads both ways gives way to the page's own dateline.
    Article a;
    a.title = "Budget talks stall";
    a.body =
        "WASHINGTON, April 3, 2024 \xE2\x80\x94 Budget talks stalled again on Wednesday as "
        "the two parties failed to agree on spending cuts, officials said.";
    a.date_text = "04/03/2024";
    a.date_field = "html:dateline";
    BlockStats stats;
    const Cleaner cleaner(stats);
    CHECK(clean_article(a, cleaner, TitleLayout::separate).dated);
    CHECK(khabar::parse_date(a.date_text)->iso() == "2024-04-03");
}

TEST_CASE("batch counts: a block on a third of a site's pages is frequent in its batch") {
    BlockStats stats, batches(batch_limits());
    BatchClock first, second;
    auto page = [](int i) {
        return "Unique story line " + std::to_string(i * 7919) + " of the city desk today\n" +
               (i < 4 ? "Ferry fares go up\nMuseum shows coins\nSchools close early\n"
                      : "Other sidebar " + std::to_string(i) + "\n");
    };
    for (int i = 0; i < 12; ++i) {
        Article a;
        a.source = "cityweekly";
        a.body = page(i);
        add_to_stats(stats, a, TitleLayout::separate, &batches, first.next(source_key(a)));
    }
    const Cleaner with(stats, {}, &batches), without(stats);
    const auto keys = second.next("source:cityweekly");
    CHECK(with.clean("source:cityweekly", page(0), {}, keys).removed == 3);
    CHECK(without.clean("source:cityweekly", page(0)).removed == 0);
}

TEST_CASE("an own date under the headline stays the article's when the sidebar shows that date") {
    // A site whose every page lists the same day's stories with that day's date: the literal date
    // is on every page, yet under each page's headline and above its lead it is the page's own.
    BlockStats stats;
    const std::string day = "۲۷ نومبر ۲۰۲۴";
    auto page = [&](int i) {
        return "صفحہ اول\nپاکستان\nکھیل\n\n" + std::string(places[i]) +
               " میں بارش سے نظام زندگی متاثر\n" + day + "\n\n" + places[i] +
               ": شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری "
               "رہے " +
               "گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے اور واقعہ نمبر " +
               std::to_string(i * 7919) + " درج ہوا۔\n\nمقبول خبریں\nایک اور خبر کی سرخی\n" + day +
               "\nدوسری خبر کی سرخی\n" + day + "\n\nہمارے بارے میں\nرابطہ کریں\n";
    };
    count_pages(stats, "qaumi", page);
    const Cleaner cleaner(stats);
    const std::string text = page(3);
    const CleanResult r = cleaner.clean("source:qaumi", text);
    REQUIRE(r.dateline.has_value());
    CHECK(r.dateline->text == day);
    CHECK(r.text.find("مقبول خبریں") == std::string::npos);  // the sidebar still goes
    CHECK(r.text.find("دوسری خبر کی سرخی") == std::string::npos);
}

TEST_CASE("shape rules: a dated list above the story goes; the story's header stays") {
    // A page alone (no statistics): a "Trending" column printed before the story.
    const BlockStats none;
    const Cleaner cleaner(none);
    const std::string lead =
        "The council voted on Monday to close the old market for repairs that will take a year.\n"
        "Traders said they had not been told where they could sell their goods in the meantime.\n";
    const std::string list =
        "Trending\nBridge reopens after repairs\n2024-06-13 07:00\n"
        "Port strike ends at last\n2024-06-12 08:04\n"
        "Museum shows old coins\n2024-06-12 09:08\n";
    SUBCASE("no date of its own: undated, the headline stays") {
        const CleanResult r = cleaner.clean("site:example.com", list + "Market to close\n" + lead);
        CHECK_FALSE(r.dateline.has_value());
        CHECK(r.text.starts_with("Market to close\n"));
        CHECK(r.removed == 7);
    }
    SUBCASE("its own date under the headline, written as the list's dates") {
        const CleanResult r =
            cleaner.clean("site:example.com", list + "Market to close\n2024-05-02 10:30\n" + lead);
        REQUIRE(r.dateline.has_value());
        CHECK(khabar::parse_date(r.dateline->text)->iso() == "2024-05-02");
        CHECK(r.text.starts_with("Market to close\n2024-05-02 10:30\n"));
    }
    SUBCASE("its own date under the headline, another form, then a short line") {
        const CleanResult r = cleaner.clean(
            "site:example.com", list +
                                    "Gemcraft Inc Year Net\nLast updated on 5th March 1987\n"
                                    "Shr 42 cts vs 1.21 dlrs\n" +
                                    lead);
        REQUIRE(r.dateline.has_value());
        CHECK(khabar::parse_date(r.dateline->text)->iso() == "1987-03-05");
        CHECK(r.text.find("Bridge reopens") == std::string::npos);
        CHECK(r.text.find("Gemcraft Inc Year Net") != std::string::npos);
    }
    SUBCASE("Urdu: its own date above the headline, with a weekday") {
        const std::string ur_lead =
            "شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری رہے "
            "گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے۔\n";
        const std::string ur_list =
            "ویڈیوز\nپل مرمت کے بعد کھول دیا گیا\n۵ دسمبر ۲۰۲۴\n"
            "بندرگاہ پر ہڑتال ختم ہو گئی\n۴ دسمبر ۲۰۲۴\n"
            "عجائب گھر میں پرانے سکے\n۳۰ نومبر ۲۰۲۴\n";
        const CleanResult r = cleaner.clean(
            "site:example.pk",
            ur_list + "پیر ۲ دسمبر ۲۰۲۴\nلاہور میں بارش سے نظام زندگی متاثر\n" + ur_lead);
        REQUIRE(r.dateline.has_value());
        CHECK(khabar::parse_date(r.dateline->text)->iso() == "2024-12-02");
        CHECK(r.text.find("بندرگاہ") == std::string::npos);
    }
    SUBCASE("teasers that read as paragraphs, one entry without its teaser") {
        const std::string teased =
            "Trending\nBridge reopens after repairs\n2024-06-13 07:00\n"
            "Port strike ends at last\n2024-06-12 08:04\n"
            "KARACHI, Nov 23: Dock workers went back to work on Saturday after the port trust "
            "agreed to pay the wages it had held back since ...\n"
            "Museum shows old coins\n2024-06-12 09:08\n"
            "LAHORE, Nov 23: The city museum put on show a hoard of coins found by farmers near "
            "the old fort, officials of the department said ...\n";
        const CleanResult r =
            cleaner.clean("site:example.com", teased + "Market to close\n" + lead);
        CHECK_FALSE(r.dateline.has_value());
        CHECK(r.text.starts_with("Market to close\n"));
    }
    SUBCASE("one line an entry: headline and date on the same line") {
        const std::string inline_list =
            "Recommended\nBridge reopens after repairs · 2 Jul 2024\n"
            "Port strike ends at last · 1 Jul 2024\nMuseum shows old coins · 30 Jun 2024\n";
        CleanResult r = cleaner.clean("site:example.com", inline_list + "Market to close\n" + lead);
        CHECK_FALSE(r.dateline.has_value());
        CHECK(r.text.starts_with("Market to close\n"));
        CHECK(r.removed == 4);
        // Without a label: three entries; its own date under the headline stays.
        r = cleaner.clean("site:example.com", inline_list.substr(inline_list.find('\n') + 1) +
                                                  "Market to close\nBy Staff | 2 May 2024\n" +
                                                  lead);
        REQUIRE(r.dateline.has_value());
        CHECK(khabar::parse_date(r.dateline->text)->iso() == "2024-05-02");
        CHECK(r.text.find("Port strike") == std::string::npos);
        // Urdu, with Urdu digits.
        const std::string ur_lead =
            "شہر میں آج صبح سے بارش جاری ہے اور محکمہ موسمیات کے مطابق یہ سلسلہ کل تک جاری رہے "
            "گا جبکہ شہریوں کو احتیاط کی ہدایت کی گئی ہے۔\n";
        r = cleaner.clean("site:example.pk",
                          "ایڈیٹر کی پسند\nپل مرمت کے بعد کھول دیا گیا · ۵ دسمبر، ۲۰۲۴\n"
                          "بندرگاہ پر ہڑتال ختم ہو گئی · ۴ دسمبر، ۲۰۲۴\n"
                          "عجائب گھر میں پرانے سکے · ۳۰ نومبر، ۲۰۲۴\n"
                          "لاہور میں بارش سے نظام زندگی متاثر\n" +
                              ur_lead);
        CHECK_FALSE(r.dateline.has_value());
        CHECK(r.text.find("بندرگاہ") == std::string::npos);
        // A long headline and its own date written otherwise ("،" is punctuation) close the run.
        r = cleaner.clean(
            "site:example.pk",
            "ایڈیٹر کی پسند\nپل مرمت کے بعد کھول دیا گیا · ۵ دسمبر، ۲۰۲۴\n"
            "بندرگاہ پر ہڑتال ختم ہو گئی · ۴ دسمبر، ۲۰۲۴\n"
            "عجائب گھر میں پرانے سکے · ۳۰ نومبر، ۲۰۲۴\n"
            "امریکی سینیٹر نے برطانیہ کو خبردار کیا ہے کہ نیتن یاہو کی گرفتاری کی صورت "
            "میں اس کی معیشت کو سخت نقصان پہنچے گا اور تعلقات متاثر ہوں گے\n"
            "شائع شدہ: 2 دسمبر 2024\n" +
                ur_lead);
        REQUIRE(r.dateline.has_value());
        CHECK(khabar::parse_date(r.dateline->text)->iso() == "2024-12-02");
        CHECK(r.text.find("بندرگاہ") == std::string::npos);
    }
    SUBCASE("one line an entry, each with its teaser; a headline with digits, a short one") {
        const std::string teased =
            "You May Also Like\nDrone protests isolating Pakistan: Sharif · 1 Jul 2024\n"
            "ISLAMABAD: The prime minister sounded an implied warning to his political rivals "
            "engaged in protests against the strikes, officials said.\n"
            "4 teachers, 3 others kidnapped in Bara · 30 Jun 2024\n"
            "LANDI KOTAL, Nov 23: Four teachers of a private school and three health workers were "
            "kidnapped on Saturday, officials of the agency said.\n"
            "Hypertension · 29 Jun 2024\n"
            "Doctors warned that one adult in three in the city has high blood pressure and does "
            "not know it, a survey found.\n";
        const CleanResult r =
            cleaner.clean("site:example.com", teased + "Market to close\n" + lead);
        CHECK_FALSE(r.dateline.has_value());
        CHECK(r.text.starts_with("Market to close\n"));
        CHECK(r.removed == 7);
    }
    SUBCASE("two dated lines in a byline are not a list") {
        const std::string header =
            "Market to close\nBy Staff Reporter\n2024-05-02 10:30\nUpdated 2024-05-03 08:00\n";
        const CleanResult r = cleaner.clean("site:example.com", header + lead);
        REQUIRE(r.dateline.has_value());
        CHECK(khabar::parse_date(r.dateline->text)->iso() == "2024-05-02");
        CHECK(r.removed == 0);
    }
}

TEST_CASE("shape rules: lines above the headline, post navigation, teasers that read as stories") {
    const BlockStats none;
    const Cleaner cleaner(none);
    const std::string lead =
        "The council voted on Monday to close the old market for repairs that will take a year.\n\n"
        "Traders said they had not been told where they could sell their goods in the meantime.\n";
    SUBCASE("a label and other stories above the headline, the title given apart") {
        const CleanResult r = cleaner.clean("site:example.pk",
                                            "پچھلی خبریں\n\nBridge reopens after repairs\n"
                                            "LAHORE: The bridge over the canal was opened to "
                                            "traffic again after ...\n\nMarket to close\n\n" +
                                                lead,
                                            "Market to close");
        CHECK(r.text.starts_with("Market to close\n"));
        CHECK(r.removed == 3);
        // Not when the story comes first: a line repeating the title inside it stays.
        const std::string quoted = lead + "\nMarket to close\n\nMore text of the story follows.\n";
        CHECK(cleaner.clean("site:example.pk", quoted, "Market to close").removed == 0);
    }
    SUBCASE("previous and next post after a run of short lines") {
        const CleanResult r = cleaner.clean("site:example.com",
                                            "Market to close\n\n" + lead +
                                                "\nGet our free daily newsletter in your inbox\n\n"
                                                "On February 10, the council sold 200 mln dlrs of "
                                                "seven-year notes priced to yield 8.13 pct.\n\n"
                                                "Previous Post: Lions blow to World Cup stars\n"
                                                "Next Post: New rules tackle sham weddings\n");
        CHECK(r.text.find("Lions blow") == std::string::npos);
        CHECK(r.text.find("sham weddings") == std::string::npos);
        CHECK(r.text.find("On February 10") != std::string::npos);
    }
    SUBCASE("dated entries whose teasers are whole sentences, after chrome") {
        const CleanResult r = cleaner.clean(
            "site:example.com",
            "Market to close\n\n" + lead +
                "\nAdvertisement\n- [PTI says KP ready to take over Pesco](/r/0) \xE2\x80\x94 "
                "2025/03/01\n"
                "He said if Pesco was indeed handed over to the provincial govt, it would employ "
                "latest technology to reduce line losses\n"
                "- [PTI, PML-N lash out against Bilawal](/r/3) \xE2\x80\x94 2025/02/28\n"
                "Mr Bilawal had demonstrated his political immaturity, and knows nothing about "
                "the basics of politics, Mazari said.\n"
                "- [Amazon to compensate customers](/r/4) \xE2\x80\x94 2025/02/27\n"
                "NEW YORK: Amazon on Thursday said it would give gift cards to customers who "
                "waited for their orders, and pay the costs.\n");
        CHECK(r.text.find("Pesco") == std::string::npos);
        CHECK(r.text.find("Bilawal") == std::string::npos);
        CHECK(r.text.find("Amazon") == std::string::npos);
        CHECK(r.text.find("Traders said") != std::string::npos);
    }
    SUBCASE("a blog post's 'posted on' line after its last paragraph") {
        const std::string post = "Market to close\n\n" + lead +
                                 "\nThe market will reopen, it said.\n\n"
                                 "This entry was posted on Tuesday, March 24th, 1987 at 12:16 pm "
                                 "and is filed under Business.\n";
        const auto d = find_article_dateline(post);
        REQUIRE(d.has_value());
        CHECK(d->kind == Dateline::Kind::trailer);
        CHECK(khabar::parse_date(d->text)->iso() == "1987-03-24");
        // Not one after a list of other posts.
        CHECK_FALSE(find_article_dateline("Market to close\n\n" + lead +
                                          "\nFrom the Blog\nBridge reopens\nPort strike ends\n"
                                          "Museum shows coins\nThis entry was posted on Tuesday, "
                                          "March 24th, 1987 at 12:16 pm.\n")
                        .has_value());
    }
    SUBCASE("date lines that end in a.m./p.m., carry an update after a bar, or say شائع") {
        for (const auto& [line, iso] : std::vector<std::pair<std::string, std::string>>{
                 {"Published Jun. 2, 1987 at 1:24 p.m.", "1987-06-02"},
                 {"Published Mar. 18, 1987 at 9:54 a.m. | Updated Mar. 19, 1987 at 8:54 a.m.",
                  "1987-03-18"},
                 // A header's facts in short parts, one a date (a copied page, 13-15 words).
                 {"By Reuters \xC2\xB7 Mar 13, 1987 \xC2\xB7 9:17 AM \xC2\xB7 5 min read",
                  "1987-03-13"},
                 {"نمائندہ خصوصی \xC2\xB7 اپ ڈیٹ: 3 جولائی 2027ء \xE2\x80\x94 10:00 \xC2\xB7 2 منٹ "
                  "میں پڑھیں",
                  "2027-07-03"}}) {
            const auto d = find_article_dateline("Market to close\n" + line + "\n\n" + lead);
            REQUIRE(d.has_value());
            CHECK(khabar::parse_date(d->text)->iso() == iso);
        }
        const auto d = find_article_dateline("Market to close\n\n" + lead +
                                             "\nشائع: 4 اپریل 2025\n\nمتعلقہ ویڈیوز\n");
        REQUIRE(d.has_value());
        CHECK(khabar::parse_date(d->text)->iso() == "2025-04-04");
        // Prose set off by the same marks is no header line.
        CHECK_FALSE(find_article_dateline("Market to close\nThe minister said on Monday that "
                                          "talks would resume \xC2\xB7 March 3, 1987 \xC2\xB7 "
                                          "more here\n\n" +
                                          lead)
                        .has_value());
    }
    SUBCASE("a list of headlines with relative times above the story, a dated part of a line") {
        const CleanResult r =
            cleaner.clean("site:example.pk",
                          "ابھی ابھی\n"
                          "معروف اداکار طویل علالت کے بعد انتقال کرگئے | 8 گھنٹے قبل\n"
                          "بجلی کی پیداوار بڑھا نے کیلئے سولر پلیٹیں لگائیں | 9 گھنٹے قبل\n"
                          "سونے کی قیمت میں اچانک بڑا اضافہ | 1 دن قبل\n\n"
                          "Market to close\nشائع شدہ: 1 دن قبل \xE2\x80\x94 5 نومبر 2025\n\n" +
                              lead);
        CHECK(r.text.find("سولر") == std::string::npos);
        REQUIRE(r.dateline.has_value());
        CHECK(r.dateline->text == "5 نومبر 2025");
        // English: "… | 2 hours ago".
        const CleanResult en = cleaner.clean("site:example.com",
                                             "Bridge reopens after repairs | 2 hours ago\n"
                                             "Port strike ends after a week | 5 hours ago\n"
                                             "New mayor sworn in at city hall | 1 day ago\n\n"
                                             "Market to close\n\n" +
                                                 lead);
        CHECK(en.text.find("Port strike") == std::string::npos);
    }
    SUBCASE("entries ending in a clock time are not story paragraphs") {
        const CleanResult r = cleaner.clean(
            "site:example.com",
            "In Case You Missed It\n"
            "US lawmakers press Walmart on BD unions | Oct. 14, 2025 6:00 a.m.\n"
            "WASHINGTON: A US Senate report on Friday urged Walmart to respect unions in...\n"
            "Pakistan keen to normalise ties with India, says Nawaz | Oct. 13, 2025 8:46 a.m.\n"
            "LAHORE: Prime Minister Nawaz Sharif said on Saturday that his government was...\n"
            "Hope for BoJ limiting tax hike impact | Oct. 13, 2025 9:09 a.m.\n"
            "TOKYO: Japan's vice economics minister called on the Bank of Japan to deal...\n\n"
            "Market to close\n\n" +
                lead);
        CHECK_FALSE(r.dateline.has_value());
        CHECK(r.text.find("Walmart") == std::string::npos);
    }
    SUBCASE("a category and date line after the story's last short paragraph") {
        const auto d = find_article_dateline("Market to close\n\n" + lead +
                                             "\nThe market will reopen next year.\n\n"
                                             "زمرہ: پاکستان | ۳ نومبر ۲۰۲۵\n\nیہ بھی دیکھیں\n");
        REQUIRE(d.has_value());
        CHECK(khabar::parse_date(d->text)->iso() == "2025-11-03");
    }
    SUBCASE("what looks like these and is the story's own (review of the rules above)") {
        // A closing timeline of dated lines and sentences stays.
        const std::string timeline =
            "Market to close\n\n" + lead +
            "\n12 March 2024 \xE2\x80\x94 Board proposes tariff increase\n"
            "The board said the increase was needed to pay for repairs to the old pumping "
            "stations of the city.\n"
            "19 March 2024 \xE2\x80\x94 Consumers protest outside the board\n"
            "Hundreds of residents gathered outside the offices of the board to protest against "
            "the planned increase.\n"
            "26 March 2024 \xE2\x80\x94 Court stays the increase\n"
            "The high court stayed the increase until the board hears the consumers' complaints "
            "in public.\n";
        CHECK(cleaner.clean("site:example.com", timeline).removed == 0);
        // A sentence that mentions when something was posted is not a 'posted on' line.
        CHECK_FALSE(find_article_dateline("Market to close\n\n" + lead +
                                          "\nThe clip, first posted on 3 March 2021 by a "
                                          "passer-by, was shared widely again this week.\n")
                        .has_value());
        // A publication line under a list label is another story's.
        CHECK_FALSE(find_article_dateline("Market to close\n\n" + lead +
                                          "\nRead more\nTanker mafia blamed for water shortage "
                                          "in Karachi.\nPublished: 2 June 2017\n")
                        .has_value());
        // A story sentence ending in a clock time is not a date line.
        CHECK_FALSE(find_article_dateline("Market to close\nPolling will begin on 8 February 2024 "
                                          "at 8:00 a.m.\n\n" +
                                          lead)
                        .has_value());
        // Story lines ending in "… days ago" stay; "Latest: …" updates of the story stay.
        const std::string ago = "Market to close\n\n" + lead +
                                "\nHis boat left the harbour 25 days ago\n"
                                "The search was called off 20 days ago\n"
                                "His family last heard from him 26 days ago\n";
        CHECK(cleaner.clean("site:example.com", ago).removed == 0);
        const std::string latest = "Market to close\n\n" + lead +
                                   "\nLatest: Death toll rises to 40 as more bodies recovered\n"
                                   "Latest: Sindh government announces inquiry into collapse\n"
                                   "Rescue work went on through the night, officials said.\n";
        CHECK(cleaner.clean("site:example.com", latest).text.find("inquiry") != std::string::npos);
    }
    SUBCASE("a 'Read also' line under a publication line inside the story") {
        const CleanResult r = cleaner.clean(
            "site:example.pk", "Market to close\n\n" + lead +
                                   "\nتاریخ اشاعت: ۱۲ دسمبر ۲۰۲۴\n\n"
                                   "یہ خبر بھی پڑھیے: چیمپئنز ٹرافی پاکستان میں ہی ہوگی\n\n"
                                   "The market will reopen next year, the council said on "
                                   "Monday after the vote.\n");
        CHECK(r.text.find("چیمپئنز") == std::string::npos);
        CHECK(r.text.find("reopen next year") != std::string::npos);
    }
    SUBCASE("a 'Recent posts' list of two entries above the story") {
        const CleanResult r = cleaner.clean(
            "site:example.com",
            "Recent Posts\n\nSultan urges govt to take bold stance\n2/28/2025\n"
            "MUZAFFARABAD: Barrister Sultan Mahmood has said that instead of...\n\n"
            "Coal-fired power plants at Fukushima\n2/28/2025\n"
            "TOKYO, Nov 23: The operator of the wrecked plant plans to build a new...\n\n"
            "Monday March 16, 1987\n\n" +
                lead);
        CHECK(r.text.find("Sultan") == std::string::npos);
        CHECK(r.text.find("Fukushima") == std::string::npos);
        REQUIRE(r.dateline.has_value());
        CHECK(khabar::parse_date(r.dateline->text)->iso() == "1987-03-16");
    }
}
