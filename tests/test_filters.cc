/** @file
 * @brief Filters through the real binary (issue 19): `section:` `source:` `lang:` and --lang find
 *        what `show` prints, in any case or spelling; every Reuters topic is searchable; an
 *        unknown field is an error and an unknown value is said, with the known ones.
 */
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using khabar::test::run_khabar;
using khabar::test::RunResult;
using khabar::test::write_file;

namespace {

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

/// `khabar search --count` with extra arguments, as a number; the run is kept in `last`.
long count(const std::string& db, const std::vector<std::string>& args, RunResult* last = nullptr) {
    std::vector<std::string> all{"search", "--db", db, "--count"};
    all.insert(all.end(), args.begin(), args.end());
    RunResult r = run_khabar(all);
    INFO("search --count ... " << args.back() << ": " << r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    if (last) *last = r;
    return std::stol(r.out);
}

/// A small database: sections written as Dawn and other dumps write them, two languages.
const std::string& labelled_db() {
    static const std::string db = [] {
        const fs::path tmp = khabar::test::fresh_tmp_dir("filters");
        write_file(
            tmp / "dump.jsonl",
            "{\"id\": \"d1\", \"title\": \"Budget\", \"body\": \"The budget was presented.\","
            " \"section\": \"front-page\", \"source\": \"Dawn News\", \"lang\": \"en\"}\n"
            "{\"id\": \"d2\", \"title\": \"Letters\", \"body\": \"Readers wrote about the "
            "budget.\", \"section\": \"other-voices\", \"source\": \"Dawn\", "
            "\"lang\": \"en\"}\n"
            "{\"id\": \"d3\", \"title\": \"Cricket\", \"body\": \"The budget of the board.\","
            " \"section\": \"Back Page\", \"source\": \"Dawn\", \"lang\": \"en\"}\n"
            "{\"id\": \"u1\", \"title\": \"سیلاب\", \"body\": \"پاکستان میں سیلاب سے بجٹ "
            "متاثر ہوا۔\", \"lang\": \"ur\"}\n");
        const std::string path = (tmp / "x.db").string();
        RunResult r = run_khabar({"index", "--db", path, (tmp / "dump.jsonl").string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return path;
    }();
    return db;
}

/// Reuters-21578 SGML with one article in two topics and one in none.
const char* kReuters =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" NEWID=\"6543\">\n<DATE>14-MAR-1987 10:01:02.00</DATE>\n"
    "<TOPICS><D>money-fx</D><D>interest</D></TOPICS>\n<PLACES><D>uk</D></PLACES>\n"
    "<TEXT>\n<TITLE>BANK OF ENGLAND STEPS IN</TITLE>\n<BODY>The Bank of England provided help "
    "to the money market.\n Reuter\n</BODY></TEXT>\n</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"6544\">\n<DATE>14-MAR-1987 10:02:02.00</DATE>\n"
    "<TOPICS></TOPICS>\n<TEXT>\n<TITLE>MARKET CLOSES</TITLE>\n<BODY>The money market closed "
    "quietly.\n Reuter\n</BODY></TEXT>\n</REUTERS>\n";

}  // namespace

TEST_SUITE("issue 19: filters that match what show prints") {
    TEST_CASE("section: and source: find the value as show prints it, in any case") {
        const std::string& db = labelled_db();
        CHECK(count(db, {"section:front-page"}) == 1);
        CHECK(count(db, {"section:Front-Page"}) == 1);
        CHECK(count(db, {"section:\"front page\""}) == 1);
        CHECK(count(db, {"section:other-voices"}) == 1);
        CHECK(count(db, {"section:back-page"}) == 1);
        CHECK(count(db, {"budget section:back-page"}) == 1);
        CHECK(count(db, {"source:dawn-news"}) == 1);
        RunResult show = run_khabar({"show", "--db", db, "d1"});
        REQUIRE(show.exit_code == 0);
        CHECK(std::regex_search(show.out, std::regex("section +front-page")));
    }

    TEST_CASE("--lang and lang: take codes and names in any case") {
        const std::string& db = labelled_db();
        for (const std::string lang : {"ur", "UR", "urdu", "Urdu"}) {
            CAPTURE(lang);
            CHECK(count(db, {"--lang", lang, "بجٹ"}) == 1);
            CHECK(count(db, {"lang:" + lang}) == 1);
        }
        CHECK(count(db, {"--lang", "english", "budget"}) == 3);
        CHECK(count(db, {"--lang", "EN", "budget"}) == 3);
    }

    TEST_CASE(
        "an unknown value is said on stderr with the known ones; an unknown field is an error") {
        const std::string& db = labelled_db();
        RunResult r;
        CHECK(count(db, {"--lang", "klingon", "budget"}, &r) == 0);
        CHECK(contains(r.err,
                       "no article has lang 'klingon'; languages in this database: "
                       "en (3), ur (1)"));
        CHECK(count(db, {"section:sport"}, &r) == 0);
        CHECK(contains(r.err, "no article has section 'sport'; sections in this database: "));
        CHECK(contains(r.err, "front page (1)"));
        RunResult field = run_khabar({"search", "--db", db, "topic:interest"});
        CHECK(field.exit_code == 2);
        CHECK(contains(field.err, "unknown field 'topic:'"));
        CHECK(contains(field.err, "section:"));
        CHECK(field.out.empty());
        // A URL or a time is no field.
        CHECK(run_khabar({"search", "--db", db, "https://example.com"}).exit_code == 1);
        CHECK(run_khabar({"search", "--db", db, "budget 10:30"}).exit_code != 2);
    }

    TEST_CASE("every Reuters topic is searchable: money-fx and interest") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("reuters-topics");
        write_file(tmp / "reut2-006.sgm", kReuters);
        const std::string db = (tmp / "x.db").string();
        RunResult r = run_khabar({"index", "--db", db, (tmp / "reut2-006.sgm").string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK(count(db, {"section:money-fx"}) == 1);
        CHECK(count(db, {"section:interest"}) == 1);
        CHECK(count(db, {"section:MONEY-FX"}) == 1);
        RunResult show = run_khabar({"show", "--db", db, "reuters-6543"});
        REQUIRE(show.exit_code == 0);
        CHECK(std::regex_search(show.out, std::regex("section +money-fx, interest")));
    }

    TEST_CASE("Reuters from ../shared: section:interest finds every article tagged interest") {
        if (khabar::test::skip_without_shared("reuters21578")) return;
        const fs::path tmp = khabar::test::fresh_tmp_dir("reuters-interest");
        const fs::path tar = *khabar::test::shared_dir() / "corpora" / "reuters21578.tar.gz";
        const std::string cmd = "tar -xzf '" + tar.string() + "' -C '" + tmp.string() +
                                "' --wildcards '*reut2-006.sgm'";
        REQUIRE(std::system(cmd.c_str()) == 0);
        fs::path sgm;
        for (const auto& e : fs::recursive_directory_iterator(tmp))
            if (e.path().filename() == "reut2-006.sgm") sgm = e.path();
        REQUIRE(!sgm.empty());
        // Expected from the text itself: articles whose TOPICS hold <D>interest</D>.
        std::ifstream in(sgm, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        long tagged = 0;
        static const std::regex topics("<TOPICS>(.*?)</TOPICS>");
        for (auto it = std::sregex_iterator(text.begin(), text.end(), topics);
             it != std::sregex_iterator(); ++it)
            tagged += contains((*it)[1].str(), "<D>interest</D>");
        REQUIRE(tagged > 20);
        const std::string db = (tmp / "x.db").string();
        RunResult r = run_khabar({"index", "--db", db, "--keep-chrome", sgm.string()});
        CHECK(r.exit_code == 0);
        CHECK(count(db, {"section:interest"}) == tagged);
        RunResult six =
            run_khabar({"search", "--db", db, "--ids", "-n", "1000", "section:interest"});
        CHECK(contains(six.out, "reuters-6543\n"));
    }
}
