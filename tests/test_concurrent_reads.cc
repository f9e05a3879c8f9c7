/** @file
 * @brief `show`, `export`, `search --export` and `stats` through the real binary while `khabar
 *        index` commits (issue 14): every run exits 0 with whole, sane output.
 */
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

using namespace khabar;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

/// The "id" of each JSON line; "" for a line that is not a JSON object with an id.
std::vector<std::string> ids_of(const std::string& jsonl) {
    std::vector<std::string> ids;
    for (const auto& line : lines_of(jsonl)) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        ids.push_back(j.is_object() && j.contains("id") && j["id"].is_string()
                          ? j["id"].get<std::string>()
                          : std::string());
    }
    return ids;
}

/// Reads of one database, each checked; counts runs and failures.
struct Reader {
    std::string db;
    std::set<std::string> all_ids;  ///< every article's id (the re-index keeps them)
    std::string some_id;
    int runs = 0, failures = 0;

    /// Run khabar; a failure (exit status not 0, or `sane` false on its output) is reported.
    template <typename Check>
    void run(const std::vector<std::string>& args, Check sane) {
        ++runs;
        const test::RunResult r = test::run_khabar(args);
        std::string why;
        if (r.exit_code != 0)
            why = "exit " + std::to_string(r.exit_code);
        else if (!sane(r.out))
            why = "bad output";
        if (why.empty()) return;
        ++failures;
        std::string cmd;
        for (const auto& a : args) cmd += a + " ";
        MESSAGE(cmd << "failed (" << why << "): " << r.err.substr(0, 300));
    }

    void one_round() {
        run({"show", "--db", db, some_id},
            [&](const std::string& out) { return out.find("id       " + some_id) != out.npos; });
        run({"show", "--json", "--db", db, some_id},
            [&](const std::string& out) { return ids_of(out) == std::vector{some_id}; });
        run({"stats", "--json", "--db", db}, [&](const std::string& out) {
            auto j = nlohmann::json::parse(out, nullptr, false);
            return j.is_object() && j.value("documents", 0u) == all_ids.size();
        });
        run({"export", "--db", db}, [&](const std::string& out) {
            const auto ids = ids_of(out);
            return ids.size() == all_ids.size() && std::set(ids.begin(), ids.end()) == all_ids;
        });
        run({"search", "--export", "jsonl", "--db", db, "oil"}, [&](const std::string& out) {
            const auto ids = ids_of(out);
            for (const auto& id : ids)
                if (!all_ids.count(id)) return false;
            return ids.size() > 10;
        });
    }
};

}  // namespace

TEST_CASE(
    "show, export, search --export and stats keep working while an index run commits or a "
    "compaction swaps shards") {
    const auto tmp = test::fresh_tmp_dir("concurrent_reads");
    const std::string dump = (test::source_dir() / "testdata" / "sample-news.tar.gz").string();
    Reader reader;
    reader.db = (tmp / "db").string();
    REQUIRE(test::run_khabar({"index", "-q", "--db", reader.db, dump}).exit_code == 0);
    const auto exported = test::run_khabar({"export", "--db", reader.db});
    REQUIRE(exported.exit_code == 0);
    const auto ids = ids_of(exported.out);
    reader.all_ids = {ids.begin(), ids.end()};
    REQUIRE(reader.all_ids.size() == ids.size());
    REQUIRE(ids.size() > 100);
    reader.some_id = ids[ids.size() / 2];
    // Re-index everything with a commit every 5 articles of a shard, three times, reading all
    // the while: each read overlaps several commits (without the retry on a discarded revision,
    // about one read in five failed with DatabaseModifiedError or a "corrupt" block).
    int rounds = 0;
    for (int pass = 0; pass < 3; ++pass) {
        const pid_t pid = test::spawn_khabar(
            {"index", "-q", "--no-resume", "--batch", "5", "--db", reader.db, dump},
            tmp / "index.log");
        int status = 0;
        while (waitpid(pid, &status, WNOHANG) == 0) {
            reader.one_round();
            ++rounds;
        }
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    // Compactions swap each shard for a rewritten one (an index run ends with one).
    for (int pass = 0; pass < 8; ++pass) {
        const pid_t pid = test::spawn_khabar({"compact", "--db", reader.db}, tmp / "compact.log");
        int status = 0;
        do {
            reader.one_round();
            ++rounds;
        } while (waitpid(pid, &status, WNOHANG) == 0);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    MESSAGE("concurrent reads: " << reader.runs << " runs in " << rounds << " rounds, "
                                 << reader.failures << " failed");
    CHECK(rounds >= 3);
    CHECK(reader.failures == 0);
}
