/** @file
 * @brief Nothing lost, nothing crashes: kill -9 at random points and resume, a locked database,
 *        unwritable paths, a full disk, and searches running while an index run commits.
 */
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <xapian.h>

#include "database.h"
#include "search.h"
#include "test_support.h"

using namespace khabar;
namespace fs = std::filesystem;

namespace {

std::string sample_dump() {
    return (test::source_dir() / "testdata" / "sample-news.tar.gz").string();
}

/// Start khabar in the background (stdout/stderr to files); returns the pid.
pid_t spawn_khabar(const std::vector<std::string>& args, const fs::path& log) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::string bin = std::getenv("KHABAR_BIN") ? std::getenv("KHABAR_BIN") : "khabar";
        FILE* f = std::fopen(log.c_str(), "w");
        if (f) {
            dup2(fileno(f), 1);
            dup2(fileno(f), 2);
        }
        std::vector<char*> argv{const_cast<char*>(bin.c_str())};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

/// Ids of every stored article, via `khabar export`.
std::set<std::string> exported_ids(const std::string& db, std::size_t* lines = nullptr) {
    auto r = test::run_khabar({"export", "--db", db});
    REQUIRE(r.exit_code == 0);
    std::set<std::string> ids;
    std::istringstream in(r.out);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        ids.insert(j.at("id").get<std::string>());
        REQUIRE(j.at("title").is_string());  // never a half-written article
        ++n;
    }
    if (lines) *lines = n;
    return ids;
}

/// xapian-check on every shard of a khabar database; true when all pass.
bool xapian_check_ok(const fs::path& db) {
    bool ok = true;
    int shards = 0;
    for (const auto& e : fs::directory_iterator(db)) {
        if (e.path().filename().string().rfind("shard-", 0) != 0) continue;
        ++shards;
        std::string cmd = "xapian-check '" + e.path().string() + "' >/dev/null 2>&1";
        if (std::system(cmd.c_str()) != 0) ok = false;
    }
    return ok && shards > 0;
}

}  // namespace

TEST_CASE(
    "kill -9 at 50 random points: database always usable, rerun completes without duplicates") {
    if (std::system("command -v xapian-check >/dev/null 2>&1") != 0) {
        FAIL("xapian-check not found: install xapian-tools (scripts/test.sh does)");
    }
    auto tmp = test::fresh_tmp_dir("kill");
    const std::string clean = (tmp / "clean.db").string(), db = (tmp / "killed.db").string();
    // Small batches so that commits happen all through the run.
    auto ref = test::run_khabar({"index", "-q", "--batch", "10", "--db", clean, sample_dump()});
    REQUIRE(ref.exit_code == 0);
    std::size_t clean_lines = 0;
    const std::set<std::string> expected = exported_ids(clean, &clean_lines);
    REQUIRE(expected.size() == clean_lines);
    // How long a full run takes, to spread the kills over it.
    auto t0 = std::chrono::steady_clock::now();
    REQUIRE(test::run_khabar({"index", "-q", "--batch", "10", "--db", (tmp / "timing.db").string(),
                              sample_dump()})
                .exit_code == 0);
    auto full_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    std::mt19937 rng(42);
    std::uniform_int_distribution<long> delay(1, std::max<long>(2, full_ms));
    int runs = 0, kills = 0, partial = 0, fresh_starts = 0;
    std::size_t max_partial = 0;
    // Kill runs at random moments until 50 were killed mid-run. Each killed run leaves the
    // database to the next, which resumes it; a run that finished is followed by a fresh start,
    // so that there is always work left to interrupt.
    while (kills < 50 && runs < 300) {
        ++runs;
        std::vector<std::string> args = {"index", "-q", "--batch", "10", "--db", db, sample_dump()};
        pid_t pid = spawn_khabar(args, tmp / "run.log");
        std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng)));
        int status = 0;
        bool killed = false;
        if (waitpid(pid, &status, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            killed = true;
            ++kills;
        }
        if (!fs::exists(fs::path(db) / "XAPIANDB")) continue;  // killed before the stub existed
        INFO("run " << runs);
        CHECK(xapian_check_ok(db));
        std::size_t lines = 0;
        auto ids = exported_ids(db, &lines);
        CHECK(lines == ids.size());                                 // no duplicates
        for (const auto& id : ids) CHECK(expected.count(id) == 1);  // nothing invented
        auto stats = test::run_khabar({"stats", "--json", "--db", db});
        REQUIRE(stats.exit_code == 0);
        CHECK(nlohmann::json::parse(stats.out).at("documents").get<std::size_t>() == ids.size());
        if (!killed) {
            CHECK(ids == expected);  // a run that finished after earlier kills completed the dump
            fs::remove_all(db);
            ++fresh_starts;
        } else if (ids.size() < expected.size()) {
            ++partial;
            max_partial = std::max(max_partial, ids.size());
        }
    }
    CHECK(kills >= 50);
    auto final_run = test::run_khabar({"index", "-q", "--db", db, sample_dump()});
    CHECK(final_run.exit_code == 0);
    CHECK(xapian_check_ok(db));
    std::size_t lines = 0;
    auto ids = exported_ids(db, &lines);
    CHECK(lines == expected.size());
    CHECK(ids == expected);
    MESSAGE("kill test: " << runs << " runs, " << kills << " killed with SIGKILL mid-run, "
                          << partial << " of them left a partial database (largest " << max_partial
                          << " of " << expected.size() << " articles), " << fresh_starts
                          << " runs completed a resumed dump; final rerun: " << ids.size()
                          << " ids, identical to a clean run");
}

TEST_CASE("a second indexer on the same database gets a clear lock message") {
    auto tmp = test::fresh_tmp_dir("lock");
    const std::string db = (tmp / "db").string();
    REQUIRE(test::run_khabar({"index", "-q", "--db", db, sample_dump()}).exit_code == 0);
    // The first indexer reads stdin from a pipe we keep open, so it holds the lock.
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(fds[0], 0);
        close(fds[1]);
        std::string bin = std::getenv("KHABAR_BIN") ? std::getenv("KHABAR_BIN") : "khabar";
        execl(bin.c_str(), bin.c_str(), "index", "-q", "--db", db.c_str(), "-",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    auto second = test::run_khabar({"index", "--db", db, sample_dump()});
    CHECK(second.exit_code == 2);
    CHECK(second.err.find("locked by another khabar index") != std::string::npos);
    const char line[] =
        "{\"id\":\"pipe-1\",\"title\":\"piped article\",\"body\":\"sent through stdin\"}\n";
    REQUIRE(write(fds[1], line, sizeof line - 1) == static_cast<ssize_t>(sizeof line - 1));
    close(fds[1]);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(test::run_khabar({"show", "--db", db, "pipe-1"}).exit_code == 0);
}

TEST_CASE(
    "an unwritable database path and a full disk: clear error, exit 2, committed part usable") {
    auto tmp = test::fresh_tmp_dir("nospace");
    auto ro = test::run_khabar({"index", "--db", "/proc/khabar-test.db", sample_dump()});
    CHECK(ro.exit_code == 2);
    CHECK(ro.err.find("khabar: error: ") == 0);
    CHECK(ro.err.find("/proc/khabar-test.db") != std::string::npos);
    // A file size limit makes writes fail the way a full disk does (EFBIG instead of ENOSPC).
    const std::string db = (tmp / "db").string();
    std::string bin = std::getenv("KHABAR_BIN") ? std::getenv("KHABAR_BIN") : "khabar";
    std::string cmd = "ulimit -f 600; exec '" + bin + "' index --batch 20 --db '" + db + "' '" +
                      sample_dump() + "' 2>'" + (tmp / "err.txt").string() + "'";
    int rc = std::system(("/bin/bash -c \"" + cmd + "\"").c_str());
    CHECK(WEXITSTATUS(rc) == 2);
    std::ifstream in(tmp / "err.txt");
    std::string err((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO("stderr: " << err);
    CHECK(err.find("disk full") != std::string::npos);
    CHECK(xapian_check_ok(db));
    std::size_t lines = 0;
    auto ids = exported_ids(db, &lines);
    CHECK(lines == ids.size());
    MESSAGE("file-size limit: " << ids.size() << " articles committed before the write failed");
    // Rerunning without the limit completes the dump.
    CHECK(test::run_khabar({"index", "-q", "--db", db, sample_dump()}).exit_code == 0);
    CHECK(exported_ids(db).size() == 479);
}

TEST_CASE("searches keep working while an index run commits") {
    auto tmp = test::fresh_tmp_dir("concurrent");
    const std::string db = (tmp / "db").string();
    REQUIRE(test::run_khabar({"index", "-q", "--db", db, sample_dump()}).exit_code == 0);
    Searcher searcher(open_for_reading({db}));
    // Re-index everything in small batches: a commit every few milliseconds while we search.
    pid_t pid =
        spawn_khabar({"index", "-q", "--no-resume", "--batch", "10", "--db", db, sample_dump()},
                     tmp / "run.log");
    int searches = 0, failures = 0, empty = 0;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        for (const char* q : {"oil", "پاکستان", "cocoa prices"}) {
            SearchRequest req;
            req.query = q;
            req.limit = 10;
            try {
                SearchResult r = searcher.search(req);
                ++searches;
                if (r.hits.empty()) ++empty;
                for (const auto& h : r.hits) CHECK(h.stored.contains("title"));
            } catch (const std::exception& e) {
                ++failures;
                MESSAGE("search failed: " << e.what());
            } catch (const Xapian::Error& e) {
                ++failures;
                MESSAGE("search failed: " << e.get_description());
            }
        }
    }
    CHECK(WEXITSTATUS(status) == 0);
    MESSAGE("concurrent: " << searches << " searches during the run, " << failures << " failures, "
                           << empty << " empty");
    CHECK(searches > 10);
    CHECK(failures == 0);
    CHECK(empty == 0);
}
