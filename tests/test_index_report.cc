/** @file
 * @brief `khabar index` through the real binary (issue 19): no article silently replaces another,
 *        and the summary says what a run added, left unchanged or replaced.
 */
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "test_support.h"

namespace fs = std::filesystem;
using khabar::test::run_khabar;
using khabar::test::run_on_tty;
using khabar::test::RunResult;
using khabar::test::write_file;

namespace {

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

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

/// Run khabar with stderr to `log`, send SIGINT after `delay`, and return its wait status.
int interrupt_khabar(const std::vector<std::string>& args, const fs::path& log,
                     std::chrono::milliseconds delay) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int null_fd = open("/dev/null", O_RDWR);
        int err_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(null_fd, 0);
        dup2(null_fd, 1);
        dup2(err_fd, 2);
        setenv("NO_COLOR", "1", 1);
        std::string bin = std::getenv("KHABAR_BIN") ? std::getenv("KHABAR_BIN") : "khabar";
        std::vector<char*> argv{bin.data()};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    std::this_thread::sleep_for(delay);
    kill(pid, SIGINT);
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

/// A JSON Lines dump of `n` distinct articles without ids.
void write_big_dump(const fs::path& p, int n) {
    std::ofstream out(p, std::ios::binary);
    for (int i = 0; i < n; ++i)
        out << "{\"title\": \"Report " << i << "\", \"body\": \"Story number " << i
            << " about the budget, the floods and the markets of the week.\"}\n";
}

/// Ids of every stored article (`khabar export`), one per line: duplicates show as a count above
/// the distinct ids.
std::pair<std::size_t, std::size_t> exported(const std::string& db) {
    RunResult r = run_khabar({"export", "--db", db});
    REQUIRE(r.exit_code == 0);
    std::set<std::string> ids;
    std::size_t lines = 0;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line); ++lines)
        ids.insert(nlohmann::json::parse(line).at("id").get<std::string>());
    return {lines, ids.size()};
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

    TEST_CASE("a PATH that does not exist: exit 2, a clear message, no database created") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("no-path");
        const fs::path db = tmp / "x.db";
        RunResult r = run_khabar({"index", "--db", db.string(), "/no/such/path"});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "no such file or directory: '/no/such/path'"));
        CHECK_FALSE(fs::exists(db));
    }

    TEST_CASE("Ctrl-C: what was read is committed and said, exit 130; a rerun completes it") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("sigint");
        const std::string db = (tmp / "x.db").string();
        const fs::path dump = tmp / "big.jsonl";
        write_big_dump(dump, 40000);
        const std::vector<std::string> args{"index", "--db",          db,           "--batch",
                                            "200",   "--keep-chrome", dump.string()};
        const int status = interrupt_khabar(args, tmp / "log", std::chrono::milliseconds(1500));
        const std::string err = read_file(tmp / "log");
        INFO(err);
        REQUIRE_MESSAGE(WIFEXITED(status), "khabar died of signal " << WTERMSIG(status));
        REQUIRE_MESSAGE(WEXITSTATUS(status) == 130,
                        "exit " << WEXITSTATUS(status) << " (finished before the signal?)");
        static const std::regex said(R"(interrupted: this run wrote and committed (\d+) articles? )"
                                     R"(\(the database holds (\d+) articles?\); run the same )"
                                     R"(command again to resume)");
        std::smatch m;
        REQUIRE(std::regex_search(err, m, said));
        CHECK(std::stol(m[2]) == documents(db));
        CHECK(std::stol(m[2]) < 40000);
        RunResult again = run_khabar(args);
        CHECK_MESSAGE(again.exit_code == 0, again.err);
        CHECK(documents(db) == 40000);
        CHECK(exported(db) == std::pair<std::size_t, std::size_t>{40000, 40000});
    }

    TEST_CASE("a resumed run still reports the records its first run skipped") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("resume-skips");
        const std::string db = (tmp / "x.db").string();
        const fs::path dump = tmp / "dump.jsonl";
        write_file(dump,
                   "{\"title\": \"Budget announced\", \"body\": \"The budget.\"}\n"
                   "{\"title\": broken\n"
                   "{\"title\": \"Flood warning\", \"body\": \"Rivers rose.\"}\n");
        RunResult first = run_khabar({"index", "--db", db, dump.string()});
        CHECK(first.exit_code == 1);
        CHECK(contains(first.err, "dump.jsonl:2"));
        RunResult again = run_khabar({"index", "--db", db, dump.string()});
        INFO(again.err);
        CHECK(again.exit_code == 1);
        CHECK(contains(again.err,
                       "already indexed by an earlier run, not read again: 1 input, 0 "
                       "entries; 1 record of theirs was skipped then"));
    }

    TEST_CASE("the summary adds up: entries read and skipped, one input, one entry") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("adds-up");
        write_file(tmp / "dump" / "a.txt", "Budget announced\n\nThe finance minister spoke.\n");
        write_file(tmp / "dump" / "README", "About this dump.\n");
        const std::string db = (tmp / "x.db").string();
        RunResult r = run_khabar({"index", "--db", db, (tmp / "dump").string()});
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(contains(r.err, "indexed 1 article from 2 entries"));
        CHECK(contains(r.err, "1 non-article entry (1 documentation file"));
        RunResult again = run_khabar({"index", "--db", db, (tmp / "dump").string()});
        CHECK(contains(again.err, "not read again: 1 input, 0 entries"));
    }

    TEST_CASE("plain-text lists and data are not articles; prose with a list is") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("doc-lists");
        std::string list = "Some notes on the categories\n\n";
        for (int i = 0; i < 60; ++i)
            list += "Category number " + std::to_string(i) + " (CAT" + std::to_string(i) + ")\n";
        std::string data =
            "This is a set of Prolog assertions for facts about countries, kindly made\n"
            "available by a colleague.\n\n";
        for (int i = 0; i < 40; ++i)
            data += "bgfact(\"Country" + std::to_string(i) +
                    "\",\"Capital\",[\"Town\",\"City\",\"Port\"]).\n";
        std::string article = "Seeds announced\n\n";
        // As BBC sport/476.txt: long paragraphs, then the seeds one a line.
        for (int i = 0; i < 4; ++i)
            article +=
                "The organisers announced the draw for the tournament on Thursday, and the "
                "top seeds were placed in opposite halves of the draw as expected. The "
                "defending champion opens against a qualifier, while the second seed "
                "faces a veteran who has twice reached the semi-finals here.\n\n";
        for (int i = 0; i < 30; ++i) article += std::to_string(i + 1) + " Player Name (Country)\n";
        // A scraped page whose story is a table under its dateline (a Reuters earnings report
        // below a site's menu): short lines and no sentences, but news.
        std::string table = "";
        for (const char* item : {"Home", "News", "Opinion", "Video", "Launch", "Civil", "Policy"})
            table += std::string(item) + "\n";
        table += "\nDow Chemical Co <Dow> 3Rd Qtr Net\nLast updated on 20th October 1987\n\n";
        for (int i = 0; i < 12; ++i)
            table += "Shr 1.72 dlrs vs 87 cts\n\nNet 330,000,000 vs 167,000,000\n\n";
        write_file(tmp / "dump" / "cat-descriptions.txt", list);
        write_file(tmp / "dump" / "facts-data.txt", data);
        write_file(tmp / "dump" / "sport-001.txt", article);
        write_file(tmp / "dump" / "dow-chemical-3rd-qtr-net.txt", table);
        // A list of codes with a "Last updated" line has no figures: documentation still.
        std::string codes = "Country codes\nLast updated 3 March 1997\n\n";
        for (const char* c : {"Albania (Alb)", "Algeria (Alg)", "Andorra (And)", "Angola (Ang)",
                              "Argentina (Arg)", "Armenia (Arm)", "Austria (Aut)", "Belgium (Bel)"})
            for (const char* list : {"members", "observers", "guests", "donors", "partners"})
                codes += std::string(c) + " " + list + "\n";
        write_file(tmp / "dump" / "country-codes.txt", codes);
        const std::string db = (tmp / "x.db").string();
        RunResult r = run_khabar({"index", "--db", db, (tmp / "dump").string()});
        INFO(r.err);
        CHECK(contains(r.err, "indexed 2 articles from 5 entries"));
        CHECK(contains(r.err, "2 a list of short lines, not an article"));
        CHECK(count(db, "albania") == 0);
        CHECK(count(db, "dlrs") == 1);
        CHECK(contains(r.err, "1 data or code, not an article"));
        CHECK(count(db, "seeds") == 1);
        CHECK(count(db, "category") == 0);
    }

    TEST_CASE("Reuters-21578 from ../shared: its documentation files are not articles") {
        if (khabar::test::skip_without_shared("reuters21578")) return;
        const fs::path tmp = khabar::test::fresh_tmp_dir("reuters-docs");
        const fs::path tar = *khabar::test::shared_dir() / "corpora" / "reuters21578.tar.gz";
        // The real files: the two the issue names, and one file of articles.
        const std::string cmd = "tar -xzf '" + tar.string() + "' -C '" + tmp.string() +
                                "' reuters21578/cat-descriptions_120396.txt "
                                "reuters21578/feldman-cia-worldfactbook-data.txt "
                                "reuters21578/reut2-000.sgm";
        REQUIRE(std::system(cmd.c_str()) == 0);
        const std::string db = (tmp / "x.db").string();
        RunResult r = run_khabar({"index", "--db", db, (tmp / "reuters21578").string()});
        INFO(r.err);
        CHECK(contains(r.err, "indexed 1000 articles from 3 entries"));
        RunResult hits = run_khabar({"search", "--db", db, "--json", "-n", "1000", "cocoa"});
        REQUIRE(hits.exit_code == 0);
        CHECK_FALSE(contains(hits.out, "cat-descriptions"));
        CHECK_FALSE(contains(hits.out, "feldman"));
        CHECK(contains(hits.out, "reut2-000.sgm"));
    }

    TEST_CASE("on a terminal the progress line shows the share done and the time left") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("progress");
        const fs::path dump = tmp / "big.jsonl";
        write_big_dump(dump, 120000);
        const std::string db = (tmp / "x.db").string();
        RunResult r = run_on_tty({"index", "--db", db, "--keep-chrome", dump.string()}, {}, 100,
                                 khabar::test::TtyStream::err);
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(std::regex_search(r.err, std::regex(R"(indexing: +\d+% · \d+ articles)")));
        // The time left is shown once the run has gone on for 2 s (a rate to speak of); the dump
        // is large enough for that on this project's machines, and the summary says how long.
        std::smatch took;
        REQUIRE(std::regex_search(r.err, took,
                                  std::regex(R"(indexed \d+ articles from .* in ([\d.]+) s)")));
        if (std::stod(took[1].str()) >= 2.5)
            CHECK(std::regex_search(r.err, std::regex(R"(about (\d+ min )?\d+ s left)")));
        else
            MESSAGE("the run took " << took[1].str() << " s: too short to show the time left");
        // Not on a pipe: no progress at all.
        RunResult piped =
            run_khabar({"index", "--db", db, "--no-resume", "--keep-chrome", dump.string()});
        CHECK_FALSE(contains(piped.err, "indexing:"));
    }
}

TEST_SUITE("issue 15: the database khabar index leaves is compact") {
    TEST_CASE("a first run compacts and says so; --no-compact leaves a bigger database") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("compact-default");
        const std::string sample =
            (khabar::test::source_dir() / "testdata" / "sample-news.tar.gz").string();
        const std::string compacted = (tmp / "c.db").string(), as_written = (tmp / "w.db").string();
        RunResult c = run_khabar({"index", "--db", compacted, sample});
        REQUIRE_MESSAGE(c.exit_code == 0, c.err);
        CHECK_MESSAGE(c.err.find("compacted: ") != std::string::npos, c.err);
        RunResult w = run_khabar({"index", "--db", as_written, "--no-compact", sample});
        REQUIRE_MESSAGE(w.exit_code == 0, w.err);
        CHECK_MESSAGE(w.err.find("compacted: ") == std::string::npos, w.err);
        const auto size = [](const std::string& db) {
            std::uintmax_t n = 0;
            for (const auto& e : fs::recursive_directory_iterator(db))
                if (e.is_regular_file()) n += e.file_size();
            return n;
        };
        CHECK(size(compacted) < size(as_written));
        // The same articles either way, and xapian-check finds the compacted database sound.
        CHECK(documents(compacted) == documents(as_written));
        CHECK(count(compacted, "oil") == count(as_written, "oil"));
        const int check =
            std::system(("xapian-check " + compacted + "/XAPIANDB >/dev/null 2>&1").c_str());
        CHECK(check == 0);
    }

    TEST_CASE("a few articles added to a larger database: no compaction, the run says nothing") {
        const fs::path tmp = khabar::test::fresh_tmp_dir("compact-small");
        const std::string db = (tmp / "x.db").string();
        const std::string sample =
            (khabar::test::source_dir() / "testdata" / "sample-news.tar.gz").string();
        REQUIRE(run_khabar({"index", "--db", db, sample}).exit_code == 0);
        const fs::path extra = tmp / "extra.jsonl";
        write_file(extra, "{\"title\": \"Cricket win\", \"body\": \"The home side won.\"}\n");
        RunResult r = run_khabar({"index", "--db", db, extra.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        CHECK_MESSAGE(r.err.find("compacted: ") == std::string::npos, r.err);
        CHECK(count(db, "cricket") == 1);
    }

    TEST_CASE("a reader open across a compaction moves to the compacted shards on reopen") {
        // What `khabar serve` does before each request. Compaction keeps Xapian's revision
        // number, so without a newer one reopen() would keep reading the replaced shards, which
        // stay on disk (deleted, still open) for as long as the reader lives.
        const fs::path tmp = khabar::test::fresh_tmp_dir("compact-reader");
        const std::string db = (tmp / "x.db").string();
        const std::string sample =
            (khabar::test::source_dir() / "testdata" / "sample-news.tar.gz").string();
        REQUIRE(run_khabar({"index", "--no-compact", "--db", db, sample}).exit_code == 0);
        Xapian::Database reader(db);
        const auto docs = reader.get_doccount();
        const auto deleted_files_open = [] {
            int n = 0;
            for (const auto& fd : fs::directory_iterator("/proc/self/fd")) {
                std::error_code ec;
                const fs::path target = fs::read_symlink(fd.path(), ec);
                if (!ec && target.string().find("(deleted)") != std::string::npos) ++n;
            }
            return n;
        };
        REQUIRE(deleted_files_open() == 0);
        REQUIRE(run_khabar({"compact", "--db", db}).exit_code == 0);
        CHECK(deleted_files_open() > 0);  // the replaced shards' tables
        CHECK(reader.reopen());
        CHECK(deleted_files_open() == 0);
        CHECK(reader.get_doccount() == docs);
        CHECK(reader.get_metadata("khabar:compacted") != "");
    }
}
