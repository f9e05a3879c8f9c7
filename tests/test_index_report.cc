/** @file
 * @brief `khabar index` through the real binary (issue 19): no article silently replaces another,
 *        and the summary says what a run added, left unchanged or replaced.
 */
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using khabar::test::run_khabar;
using khabar::test::RunResult;

namespace {

void write_file(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

/// `khabar search --count QUERY` on db, as a number.
long count(const std::string& db, const std::string& query) {
    RunResult r = run_khabar({"search", "--db", db, "--count", query});
    INFO("search --count " << query << ": " << r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    return std::stol(r.out);
}

long documents(const std::string& db) {
    RunResult r = run_khabar({"stats", "--db", db, "--json"});
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out).at("documents").get<long>();
}

/// The summary line `khabar: articles: A added, U unchanged, R replaced ...` as {A, U, R}, or
/// {-1, -1, -1} when the output has no such line.
std::vector<long> article_counts(const std::string& err) {
    static const std::regex re(R"(articles: (\d+) added, (\d+) unchanged, (\d+) replaced)");
    std::smatch m;
    if (!std::regex_search(err, m, re)) return {-1, -1, -1};
    return {std::stol(m[1]), std::stol(m[2]), std::stol(m[3])};
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("issue 19: ids and what a re-index reports") {
    TEST_CASE("a new file under an old name adds its articles: the earlier ones stay") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("same-name");
        const std::string db = (tmp / "x.db").string();
        const fs::path feed = tmp / "feed" / "latest.csv";
        write_file(feed,
                   "title,body\nBudget announced,The finance minister presented the budget.\n"
                   "Flood warning,Rivers rose across the province overnight.\n");
        RunResult first = run_khabar({"index", "--db", db, feed.string()});
        REQUIRE_MESSAGE(first.exit_code == 0, first.err);
        CHECK((article_counts(first.err) == std::vector<long>{2, 0, 0}));
        write_file(feed, "title,body\nCricket win,The home side won by six wickets.\n");
        RunResult second = run_khabar({"index", "--db", db, feed.string()});
        REQUIRE_MESSAGE(second.exit_code == 0, second.err);
        INFO(second.err);
        CHECK((article_counts(second.err) == std::vector<long>{1, 0, 0}));
        CHECK(count(db, "budget") == 1);
        CHECK(count(db, "flood") == 1);
        CHECK(count(db, "cricket") == 1);
        CHECK(documents(db) == 3);
    }

    TEST_CASE("two different dumps piped through stdin both stay") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("stdin-twice");
        const std::string db = (tmp / "x.db").string();
        RunResult a = run_khabar({"index", "--db", db, "-"},
                                 "{\"title\": \"Budget announced\", \"body\": \"The finance "
                                 "minister presented the budget.\"}\n");
        REQUIRE_MESSAGE(a.exit_code == 0, a.err);
        RunResult b = run_khabar({"index", "--db", db, "-"},
                                 "{\"title\": \"Cricket win\", \"body\": \"The home side won by "
                                 "six wickets.\"}\n");
        REQUIRE_MESSAGE(b.exit_code == 0, b.err);
        CHECK((article_counts(b.err) == std::vector<long>{1, 0, 0}));
        CHECK(count(db, "budget") == 1);
        CHECK(count(db, "cricket") == 1);
        CHECK(documents(db) == 2);
    }

    TEST_CASE("the same dump twice: nothing added, every article unchanged") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("same-dump");
        const std::string db = (tmp / "x.db").string();
        const fs::path dump = tmp / "dump.jsonl";
        write_file(
            dump,
            "{\"title\": \"Budget announced\", \"body\": \"The budget.\"}\n"
            "{\"id\": \"n7\", \"title\": \"Flood warning\", \"body\": \"Rivers rose.\"}\n"
            "{\"url\": \"https://example.com/a\", \"title\": \"Cricket\", \"body\": \"Won.\"}"
            "\n");
        REQUIRE(run_khabar({"index", "--db", db, dump.string()}).exit_code == 0);
        // --no-resume: read it again (a plain rerun skips the input as already indexed).
        RunResult again = run_khabar({"index", "--db", db, "--no-resume", dump.string()});
        REQUIRE_MESSAGE(again.exit_code == 0, again.err);
        CHECK_MESSAGE((article_counts(again.err) == std::vector<long>{0, 3, 0}), again.err);
        CHECK(documents(db) == 3);
        // Two dumps of the same articles (another file name, other positions): still nothing new.
        const fs::path copy = tmp / "copy.jsonl";
        write_file(
            copy,
            "{\"url\": \"https://example.com/a\", \"title\": \"Cricket\", \"body\": \"Won.\"}"
            "\n{\"title\": \"Budget announced\", \"body\": \"The   budget.\"}\n");
        RunResult other = run_khabar({"index", "--db", db, copy.string()});
        CHECK_MESSAGE((article_counts(other.err) == std::vector<long>{0, 2, 0}), other.err);
        CHECK(documents(db) == 3);
    }

    TEST_CASE("a record with its own id and new content replaces the old one, and says so") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("replaced");
        const std::string db = (tmp / "x.db").string();
        const fs::path dump = tmp / "wire.jsonl";
        write_file(dump,
                   "{\"id\": \"wire-1\", \"title\": \"Budget announced\", \"body\": \"Draft.\"}\n"
                   "{\"id\": \"wire-2\", \"title\": \"Flood warning\", \"body\": \"Rivers.\"}\n");
        REQUIRE(run_khabar({"index", "--db", db, dump.string()}).exit_code == 0);
        write_file(dump,
                   "{\"id\": \"wire-1\", \"title\": \"Budget announced\", \"body\": \"Final "
                   "figures.\"}\n"
                   "{\"id\": \"wire-2\", \"title\": \"Flood warning\", \"body\": \"Rivers.\"}\n");
        RunResult r = run_khabar({"index", "--db", db, dump.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK_MESSAGE((article_counts(r.err) == std::vector<long>{0, 1, 1}), r.err);
        CHECK(documents(db) == 2);
        CHECK(count(db, "final") == 1);
        CHECK(count(db, "draft") == 0);
    }

    TEST_CASE("copies of one URL in a WARC are counted as such") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("warc-copies");
        const std::string db = (tmp / "x.db").string();
        auto response = [](const std::string& url, const std::string& text) {
            const std::string http =
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head>"
                "<title>" +
                text + "</title></head><body><p>" + text + " was reported today.</p></body></html>";
            return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url +
                   "\r\nWARC-Date: 2020-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:" + text +
                   ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                   std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
        };
        write_file(tmp / "crawl.warc", response("https://example.com/a", "Budget announced") +
                                           response("https://example.com/a", "Budget revised") +
                                           response("https://example.com/a", "Budget revised") +
                                           response("https://example.com/b", "Flood warning"));
        RunResult r =
            run_khabar({"index", "--db", db, "--keep-chrome", (tmp / "crawl.warc").string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        INFO(r.err);
        CHECK((article_counts(r.err) == std::vector<long>{2, 0, 0}));
        CHECK(contains(r.err,
                       "copies: 1 replaced by a later record with the same id or URL in "
                       "this run (the last is kept), 1 identical"));
        CHECK(documents(db) == 2);
    }

    TEST_CASE("the WARC samples: 10 pages, 4 URLs, and the summary says so") {
        if (khabar::test::skip_without_shared("warc-samples")) return;
        const fs::path tmp = khabar::test::fresh_tmp_dir("warc-samples");
        const std::string db = (tmp / "x.db").string();
        RunResult r =
            run_khabar({"index", "--db", db,
                        (*khabar::test::shared_dir() / "corpora" / "warc-samples").string()});
        INFO(r.err);
        CHECK(r.exit_code == 1);  // three broken records there
        const std::vector<long> counts = article_counts(r.err);
        CHECK(counts[0] == documents(db));
        static const std::regex re(
            R"(copies: (\d+) replaced by a later record .*, (\d+) identical)");
        std::smatch m;
        REQUIRE(std::regex_search(r.err, m, re));
        CHECK(counts[0] + std::stol(m[1]) + std::stol(m[2]) == 10);
        CHECK(contains(r.err, "indexed 10 articles"));
    }
}
