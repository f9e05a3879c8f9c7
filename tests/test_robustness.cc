/** @file
 * @brief Nothing lost, nothing crashes: kill -9 at random points and resume, a locked database,
 *        unwritable paths, a full disk, searches running while an index run commits, hostile
 *        inputs (testdata/bad and inputs made here) and hostile queries through the real binary.
 */
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <xapian.h>

#include "database/reader.h"
#include "entries/entry.h"
#include "error.h"
#include "query/query_builder.h"
#include "search.h"
#include "test_support.h"
#include "writer/index_writer.h"

using namespace khabar;
namespace fs = std::filesystem;

namespace {

std::string sample_dump() {
    return (test::source_dir() / "testdata" / "sample-news.tar.gz").string();
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

/// Whether xapian-check finds one glass database (a shard) whole.
bool xapian_check_ok_shard(const fs::path& shard) {
    return std::system(("xapian-check '" + shard.string() + "' >/dev/null 2>&1").c_str()) == 0;
}

/// xapian-check on every shard of a khabar database; true when all pass.
bool xapian_check_ok(const fs::path& db) {
    bool ok = true;
    int shards = 0;
    for (const auto& e : fs::directory_iterator(db)) {
        if (e.path().filename().string().rfind("shard-", 0) != 0) continue;
        ++shards;
        if (!xapian_check_ok_shard(e.path())) ok = false;
    }
    return ok && shards > 0;
}

/// Whether some process holds a write lock on a shard of the database (Xapian's flintlock).
bool write_locked(const fs::path& db) {
    for (const auto& e : fs::directory_iterator(db)) {
        if (e.path().filename().string().rfind("shard-", 0) != 0) continue;
        int fd = open((e.path() / "flintlock").c_str(), O_RDONLY);
        if (fd < 0) continue;
        struct flock fl {};
        fl.l_type = F_WRLCK;
        fl.l_whence = SEEK_SET;
        bool locked = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
        close(fd);
        if (locked) return true;
    }
    return false;
}

/// A khabar run under a time limit, with how it ended and its peak resident set size.
struct Bounded {
    int exit_code = -1;  ///< -1 unless it exited
    int signal = 0;      ///< the signal that ended it, if one did
    bool timed_out = false;
    long peak_rss_kb = 0;  ///< ru_maxrss of this child alone (wait4)
    double seconds = 0;
    std::string out, err;
};

/// Run the khabar binary (stdin /dev/null, NO_COLOR) and kill it after `timeout_s` seconds.
Bounded run_bounded(const std::vector<std::string>& args, int timeout_s) {
    int out_pipe[2], err_pipe[2];
    REQUIRE(pipe(out_pipe) == 0);
    REQUIRE(pipe(err_pipe) == 0);
    const auto t0 = std::chrono::steady_clock::now();
    const auto deadline = t0 + std::chrono::seconds(timeout_s);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int null_fd = open("/dev/null", O_RDONLY);
        dup2(null_fd, 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        for (int fd : {null_fd, out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
        setenv("NO_COLOR", "1", 1);
        unsetenv("KHABAR_DB");
        std::string bin = std::getenv("KHABAR_BIN") ? std::getenv("KHABAR_BIN") : "khabar";
        std::vector<char*> argv{const_cast<char*>(bin.c_str())};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    Bounded r;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    int open_reads = 2;
    std::vector<char> buf(1 << 16);
    auto kill_if_late = [&] {
        if (!r.timed_out && std::chrono::steady_clock::now() >= deadline) {
            r.timed_out = true;
            kill(pid, SIGKILL);
        }
    };
    while (open_reads > 0) {
        kill_if_late();
        if (poll(fds, 2, 200) < 0 && errno != EINTR) break;
        for (auto& f : fds) {
            if (f.fd < 0 || !(f.revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = read(f.fd, buf.data(), buf.size());
            if (n <= 0) {
                close(f.fd);
                f.fd = -1;
                --open_reads;
            } else {
                (&f == &fds[0] ? r.out : r.err).append(buf.data(), static_cast<std::size_t>(n));
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0) close(f.fd);
    int status = 0;
    struct rusage ru {};
    while (wait4(pid, &status, WNOHANG, &ru) == 0) {
        kill_if_late();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.peak_rss_kb = ru.ru_maxrss;
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    return r;
}

/// The lines of a text.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

void sh(const std::string& cmd) {
    INFO("command: " << cmd);
    REQUIRE(std::system(cmd.c_str()) == 0);
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void spit(const fs::path& p, const std::string& data) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << data;
    REQUIRE(out.good());
}

/// The sample dump's files, unpacked once per test process.
const fs::path& sample_files() {
    static const fs::path dir = [] {
        auto d = test::fresh_tmp_dir("sample-files");
        sh("tar xzf '" + sample_dump() + "' -C '" + d.string() + "'");
        return d;
    }();
    return dir;
}

/// Lines [first, last) of the sample's reuters/reuters-extra.jsonl (one real article each).
std::string reuters_lines(std::size_t first, std::size_t last) {
    auto lines = lines_of(slurp(sample_files() / "reuters" / "reuters-extra.jsonl"));
    REQUIRE(last <= lines.size());
    std::string out;
    for (std::size_t i = first; i < last; ++i) out += lines[i] + "\n";
    return out;
}

/// The "id" of every JSON line.
std::set<std::string> ids_of(const std::string& jsonl) {
    std::set<std::string> ids;
    for (const auto& line : lines_of(jsonl))
        if (!line.empty()) ids.insert(nlohmann::json::parse(line).at("id").get<std::string>());
    return ids;
}

/// A message shortened for a report table, control characters escaped.
std::string one_line(const std::string& s) {
    return printable(s.size() > 200 ? s.substr(0, 200) + "..." : s);
}

/// Peak RSS every hostile input and query must stay under.
constexpr long kRssBoundKb = 1L << 20;  // 1 GiB

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
        pid_t pid = test::spawn_khabar(args, tmp / "run.log");
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
    // Wait until it holds the lock (not a fixed sleep: under ASan or on a busy machine it can
    // take seconds to start, and the second indexer would take the lock first).
    auto t0 = std::chrono::steady_clock::now();
    while (!write_locked(db) && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(120))
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE_MESSAGE(write_locked(db), "the first indexer never locked the database");
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

TEST_CASE(
    "a write that fails inside Xapian's commit, which ends the process, is reported as a full "
    "disk: exit 2, the shard at its last commit") {
    // Xapian 1.4 writes each value slot's last chunk of a commit from a destructor, where a failed
    // write ends the process (std::terminate, "terminate called without an active exception")
    // instead of throwing. Documents with many value slots make many of a commit's writes such
    // writes; each file size limit below stops the writes at another one.
    auto tmp = test::fresh_tmp_dir("commit-terminate");
    int ended_in_commit = 0, thrown = 0;
    for (unsigned kb = 40; kb <= 200; kb += 8) {
        const fs::path db = tmp / ("db" + std::to_string(kb));
        const fs::path err = tmp / ("err" + std::to_string(kb));
        std::fflush(nullptr);
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            signal(SIGXFSZ, SIG_IGN);  // as khabar does: a write beyond the limit fails (EFBIG)
            const rlimit limit{rlim_t{kb} * 1024, rlim_t{kb} * 1024};
            setrlimit(RLIMIT_FSIZE, &limit);
            const int fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(fd, STDERR_FILENO);
            try {
                ShardWriter writer(db.string(), WriterOptions{.batch_docs = 20}, true);
                for (int d = 0; d < 5000; ++d) {
                    Xapian::Document doc;
                    const std::string term = "Q" + std::to_string(d);
                    doc.add_boolean_term(term);
                    for (unsigned slot = 0; slot < 50; ++slot)
                        doc.add_value(slot,
                                      std::string(40, static_cast<char>('a' + (d + slot) % 26)) +
                                          std::to_string(d));
                    writer.put(term, doc, StoredArticle{});
                }
                writer.commit();
            } catch (const Error& e) {  // a failure Xapian reports: khabar's error, exit 3
                const std::string text = std::string("thrown: ") + e.what() + "\n";
                [[maybe_unused]] const auto n = ::write(STDERR_FILENO, text.data(), text.size());
                _exit(3);
            }
            _exit(0);
        }
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        const std::string text = slurp(err);
        INFO("limit " << kb << " KiB, stderr: " << text);
        REQUIRE(WIFEXITED(status));  // not ended by SIGABRT
        const int code = WEXITSTATUS(status);
        CHECK((code == exit_error || code == 3));
        CHECK(text.find("disk full (or file size limit) while writing '" + db.string() + "'") !=
              std::string::npos);
        if (code == exit_error) {
            ++ended_in_commit;
            CHECK(text.find("inside Xapian's commit") != std::string::npos);
        } else {
            ++thrown;
        }
        // Like a kill during the commit: the shard is whole, at its last commit (20 documents
        // each).
        CHECK(xapian_check_ok_shard(db));
        CHECK(Xapian::Database(db.string()).get_doccount() % 20 == 0);
    }
    MESSAGE(ended_in_commit << " limits ended inside Xapian's commit, " << thrown
                            << " threw a write error");
}

TEST_CASE("searches keep working while an index run commits") {
    auto tmp = test::fresh_tmp_dir("concurrent");
    const std::string db = (tmp / "db").string();
    REQUIRE(test::run_khabar({"index", "-q", "--db", db, sample_dump()}).exit_code == 0);
    Searcher searcher(open_for_reading({db}));
    // Re-index everything in small batches: a commit every few milliseconds while we search.
    pid_t pid = test::spawn_khabar(
        {"index", "-q", "--no-resume", "--batch", "10", "--db", db, sample_dump()},
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
                for (const auto& h : r.hits) CHECK(!h.stored.id.empty());
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

TEST_CASE("a bad date: in a query is an error after parsing, not thrown through Xapian's parser") {
    // fuzz/regressions/fuzz_query/leak-date-field-processor-throws: an exception thrown from the
    // date: FieldProcessor unwound through Xapian::QueryParser, which leaked its parse state
    // (LeakSanitizer reports it when this runs under scripts/test.sh --sanitize).
    Xapian::WritableDatabase mem(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryBuilder qb(mem);
    for (const char* q :
         {"date:x", "oil date:1987-13", "date:..", "(oil OR date:19x7) prices", "date:x date:y"}) {
        CAPTURE(q);
        std::string what;
        try {
            qb.build(q, {});
        } catch (const khabar::Error& e) {
            what = e.what();
        }
        CHECK(what.find("date:") != std::string::npos);
    }
    // The builder is still usable, and a good date still filters.
    auto ok = qb.build("oil date:1987-03", {});
    CHECK(ok.parsed.find("VALUE_RANGE 0 19870301 19870331") != std::string::npos);
    CHECK_FALSE(ok.fell_back);
}

TEST_CASE("query text: control characters become spaces; more than max_query_words is an error") {
    Xapian::WritableDatabase mem(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryBuilder qb(mem);
    auto b = qb.build("oil\x1b[31m\x01prices\u009b\x7f", {});
    CHECK(b.normalized == "oil [31m prices   ");
    std::string text;
    for (std::size_t i = 1; i < max_query_words; ++i) text += "w" + std::to_string(i) + " OR ";
    CHECK_NOTHROW(qb.build(text + "last", {}));  // operators are not counted
    std::string what;
    try {
        qb.build(text + "last one", {});
    } catch (const khabar::Error& e) {
        what = e.what();
    }
    CHECK(what == "query too long: 1001 words (at most 1000)");
}

TEST_CASE("hostile queries: a clear error or a sensible search, never a crash or a hang") {
    auto tmp = test::fresh_tmp_dir("hostile-queries");
    const std::string db = (tmp / "db").string();
    // One shard, so that a wildcard's expansion limit (per shard) is reached on the sample.
    REQUIRE(
        test::run_khabar({"index", "-q", "--threads", "1", "--db", db, sample_dump()}).exit_code ==
        0);
    // Real words: the sample's Reuters JSON Lines, letters only, in order.
    auto words = [](std::size_t count, const std::string& sep) {
        std::istringstream in(slurp(sample_files() / "reuters" / "reuters-extra.jsonl"));
        std::string out;
        std::size_t n = 0;
        for (std::string w; n < count && in >> w;) {
            w.erase(
                std::remove_if(w.begin(), w.end(),
                               [](char c) { return !std::isalpha(static_cast<unsigned char>(c)); }),
                w.end());
            if (w.empty() || w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" ||
                w == "ADJ")
                continue;
            out += (out.empty() ? "" : sep) + w;
            ++n;
        }
        REQUIRE(n == count);
        return out;
    };
    struct Query {
        std::string label;
        std::string text;
        std::vector<int> exits;  ///< acceptable exit statuses (README: 0 hits, 1 none, 2 error)
        std::string error;       ///< for exit 2: what the message must say
    };
    const std::vector<Query> queries = {
        {"unbalanced quote", "\"oil prices", {0}, ""},
        {"unbalanced quotes x3", "\"oil \"prices\" \"cocoa", {0, 1}, ""},
        {"unbalanced (", "(oil OR (gas prices", {0}, ""},
        {"unbalanced )", "oil)) prices(", {0}, ""},
        {"AND", "AND", {0, 1}, ""},
        {"OR NOT", "OR NOT", {0, 1}, ""},
        {"NOT", "NOT", {0, 1}, ""},
        {"AND OR XOR NEAR ADJ", "AND OR XOR NEAR ADJ", {0, 1}, ""},
        {"- + \" ( ) *", "- + \" ( ) *", {0, 1}, ""},
        {"1,000 words", words(1000, " "), {0, 1}, ""},
        {"10,000 words", words(10000, " "), {2}, "query too long"},
        {"10,000 words OR-ed", words(10000, " OR "), {2}, "query too long"},
        {"10,000-word phrase", "\"" + words(10000, " ") + "\"", {2}, "query too long"},
        {"a*", "a*", {0, 2}, "wildcard"},
        {"s*", "s*", {2}, "wildcard matches too many words"},
        {"c* OR p* OR t*", "c* OR p* OR t*", {2}, "wildcard matches too many words"},
        {"control characters", std::string("oil\x01\x1b[31m prices\x7f\t\x02"), {0}, ""},
        {"only control characters", std::string("\x01\x02\x1b\x7f"), {0, 1}, ""},
        {"C1 control (CSI)", "oil \u009b2J prices", {0}, ""},
        {"invalid UTF-8", std::string("\xff\xfe oil caf\xe9 \xc3\x28"), {0, 1}, ""},
        {"bad date: in the query", "date:1987-13 oil", {2}, "bad date"},
        {"empty", "", {0, 1, 2}, ""},
    };
    std::ostringstream table;
    table << "hostile queries (peak RSS bound " << kRssBoundKb / 1024 << " MiB):\n";
    for (const auto& q : queries) {
        CAPTURE(q.label);
        auto r = run_bounded({"search", "--db", db, q.text}, 300);
        INFO("stderr: " << r.err);
        CHECK_FALSE(r.timed_out);
        CHECK(r.signal == 0);
        CHECK(std::find(q.exits.begin(), q.exits.end(), r.exit_code) != q.exits.end());
        for (const auto& line : lines_of(r.err)) {
            CHECK(line.rfind("khabar: ", 0) == 0);
            CHECK(printable(line) == line);  // no control characters echoed to the terminal
        }
        if (r.exit_code == 2) {
            CHECK(r.err.find("khabar: error: ") == 0);
            CHECK(r.err.find(q.error) != std::string::npos);
        }
        CHECK(r.peak_rss_kb < kRssBoundKb);
        std::size_t hits = 0;
        for (const auto& line : lines_of(r.out))
            if (!line.empty() && std::isdigit(static_cast<unsigned char>(line[0]))) ++hits;
        const auto err_lines = lines_of(r.err);
        table << "  " << q.label << " -> exit " << r.exit_code << ", " << hits << " hits, "
              << r.seconds << " s, " << r.peak_rss_kb / 1024 << " MiB"
              << (err_lines.empty() ? "" : "; " + one_line(err_lines.front())) << "\n";
    }
    MESSAGE(table.str());
}

TEST_CASE("hostile inputs: one-line message naming file and entry, the rest indexed, RSS bounded") {
    auto tmp = test::fresh_tmp_dir("hostile");
    const fs::path bad = test::source_dir() / "testdata" / "bad";
    const fs::path sample = sample_files();
    const std::string good = reuters_lines(20, 30);  // indexed next to every hostile input
    const std::set<std::string> good_ids = ids_of(good);
    REQUIRE(good_ids.size() == 10);
    // Archives of the real sample files, made here and then damaged.
    sh("cd '" + sample.string() + "' && gzip -c -n reuters/reuters-extra.jsonl > '" +
       (tmp / "full.jsonl.gz").string() + "' && zip -q -X -r '" + (tmp / "full.zip").string() +
       "' reuters urdu && tar cf '" + (tmp / "full.tar").string() + "' reuters urdu");
    const std::string gz = slurp(tmp / "full.jsonl.gz"), zip = slurp(tmp / "full.zip"),
                      tar = slurp(tmp / "full.tar"), tgz = slurp(sample_dump());
    std::string flipped = tgz;
    for (std::size_t i = flipped.size() / 2; i < flipped.size() / 2 + 64; ++i) flipped[i] ^= 0x55;

    struct Case {
        std::string name;
        std::function<void(const fs::path&)> make;  ///< puts the hostile input into the dump
        std::string message;  ///< a stderr line must contain this (file::entry: reason)
        int exit_code;        ///< README: 0 all indexed, 1 something skipped, 2 fatal
        std::set<std::string> also_indexed = {};  ///< good records inside the hostile input
        std::vector<std::string> flags = {};
    };
    auto copy = [&](const char* name) {
        return [&bad, name](const fs::path& d) { fs::copy_file(bad / name, d / name); };
    };
    std::vector<Case> cases = {
        {"truncated tar.gz (testdata/bad)", copy("truncated.tar.gz"),
         "truncated.tar.gz::reuters/reut2-sample.sgm: ", 1},
        {"truncated gzip",
         [&](const fs::path& d) { spit(d / "cut.jsonl.gz", gz.substr(0, gz.size() / 2)); },
         "cut.jsonl.gz: cannot decompress: truncated gzip input", 1},
        {"truncated zip",
         [&](const fs::path& d) { spit(d / "cut.zip", zip.substr(0, zip.size() * 6 / 10)); },
         "cut.zip::reuters/", 1},
        {"truncated tar",
         [&](const fs::path& d) { spit(d / "cut.tar", tar.substr(0, tar.size() / 2)); },
         "cut.tar::reuters/reut2-sample.sgm: ", 1},
        {"bit-flipped tar.gz (64 bytes)",
         [&](const fs::path& d) { spit(d / "flipped.tar.gz", flipped); },
         "flipped.tar.gz::reuters/", 1},
        {"zip, bad central directory (testdata/bad)", copy("bad-central-directory.zip"),
         "bad-central-directory.zip: zip central directory lists no members", 1,
         ids_of(reuters_lines(16, 19))},
        {"zip bomb, 2.25 GiB in 3 KB (testdata/bad)", copy("bomb.zip"),
         "bomb.zip::bomb.jsonl: entry expands past", 1, ids_of(reuters_lines(13, 16))},
        {"archive nested past max_depth (6 tars)",
         [&](const fs::path& d) {
             spit(tmp / "nest" / "deep.jsonl", reuters_lines(40, 43));
             std::string inner = "deep.jsonl";
             for (int i = 1; i <= 6; ++i) {
                 std::string outer = "l" + std::to_string(i) + ".tar";
                 sh("cd '" + (tmp / "nest").string() + "' && tar cf " + outer + " " + inner);
                 inner = outer;
             }
             fs::copy_file(tmp / "nest" / inner, d / inner);
         },
         "l6.tar::l5.tar::l4.tar::l3.tar::l2.tar::l1.tar: archive nested deeper than max_depth", 1},
        // Skips that lose nothing are listed with -v (and counted in the summary).
        {"symlink loops in a directory (-v)",
         [&](const fs::path& d) {
             fs::create_directories(d / "sub");
             fs::create_directory_symlink("..", d / "sub" / "back");
             fs::create_symlink("self", d / "self");
         },
         "sub/back: skipped: symlink loop",
         0,
         {},
         {"-v"}},
        {"NUL-filled file, 1 MiB (-v)",
         [&](const fs::path& d) { spit(d / "zeros.jsonl", std::string(1 << 20, '\0')); },
         "zeros.jsonl: skipped: binary file",
         0,
         {},
         {"-v"}},
        // Repaired, not refused: the records are indexed.
        {"invalid UTF-8 (testdata/bad)", copy("invalid-utf8.jsonl"), "", 0,
         ids_of(reuters_lines(10, 13))},
        {"200 MB single-line JSON Lines",
         [&](const fs::path& d) {
             std::ofstream out(d / "huge.jsonl", std::ios::binary);
             out << R"({"id": "huge-1", "title": "one line of 200 MB", "body": ")";
             std::string prose = reuters_lines(0, 1);
             prose = prose.substr(prose.find("\"body\": \"") + 9, 400);
             for (std::size_t n = 0; n < (200u << 20); n += prose.size()) out << prose;
             out << "\"}\n" << reuters_lines(50, 51);
             REQUIRE(out.good());
         },
         "huge.jsonl:1: record too long", 1, ids_of(reuters_lines(50, 51))},
        {"deeply nested JSON (10^5 and 10^6 levels)",
         [&](const fs::path& d) {
             spit(d / "deep.jsonl", R"({"id": "deep-1", "title": "deep", "body": "x", "x": )" +
                                        std::string(100000, '[') + std::string(100000, ']') +
                                        "}\n" + reuters_lines(51, 52));
             spit(d / "deep.json", std::string(1000000, '[') + std::string(1000000, ']'));
         },
         "deep.json:1: not a JSON object", 1, ids_of(reuters_lines(51, 52))},
        {"deeply nested HTML (10^5 divs)",
         [&](const fs::path& d) {
             std::string html = "<!DOCTYPE html><html><head><title>Deep page</title></head><body>";
             for (int i = 0; i < 100000; ++i) html += "<div>";
             html += "<p>" + reuters_lines(52, 53) + "</p>";
             for (int i = 0; i < 100000; ++i) html += "</div>";
             spit(d / "deep.html", html + "</body></html>\n");
         },
         "", 0},
        {"CSV, unbalanced quotes (testdata/bad)", copy("unbalanced-quotes.csv"),
         "unbalanced-quotes.csv:3: wrong number of fields", 1},
    };
    if (auto shared = test::shared_dir()) {
        const fs::path warc = *shared / "corpora" / "warc-samples";
        struct Warc {
            const char* name;
            const char* message;
            int exit_code;
        };
        for (const Warc& w :
             {Warc{
                  "example-wrong-chunks.warc.gz",
                  "example-wrong-chunks.warc.gz::example-wrong-chunks.warc:1: wrong Content-Length",
                  1},
              Warc{"example-trunc.warc", "example-trunc.warc:3: wrong Content-Length", 1},
              Warc{"example-bad-non-chunked.warc.gz", "", 0}}) {
            if (!fs::exists(warc / w.name)) continue;
            const std::string name = w.name;
            cases.push_back(
                {"broken WARC: " + name,
                 [warc, name](const fs::path& d) { fs::copy_file(warc / name, d / name); },
                 w.message, w.exit_code});
        }
    } else {
        test::skip_without_shared("hostile inputs: broken WARC files (warc-samples)");
    }

    std::ostringstream table;
    table << "hostile inputs (each next to 10 good articles; peak RSS bound " << kRssBoundKb / 1024
          << " MiB):\n";
    int n = 0;
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const fs::path dump = tmp / ("dump-" + std::to_string(++n));
        spit(dump / "good.jsonl", good);
        c.make(dump);
        const std::string db = (tmp / ("db-" + std::to_string(n))).string();
        std::vector<std::string> args = {"index", "--db", db};
        args.insert(args.end(), c.flags.begin(), c.flags.end());
        args.push_back(dump.string());
        auto r = run_bounded(args, 600);
        INFO("stderr: " << r.err);
        CHECK_FALSE(r.timed_out);
        CHECK(r.signal == 0);
        CHECK(r.exit_code == c.exit_code);
        std::string named;  // the message naming the hostile file and entry
        for (const auto& line : lines_of(r.err)) {
            CHECK(line.rfind("khabar: ", 0) == 0);  // every message is one whole line
            if (named.empty() && !c.message.empty() && line.find(c.message) != std::string::npos)
                named = line;
        }
        if (!c.message.empty()) CHECK_MESSAGE(!named.empty(), "no line contains: " << c.message);
        if (named.empty())
            for (const auto& line : lines_of(r.err))
                if (line.find(dump.string() + "/") != std::string::npos &&
                    line.find("good.jsonl") == std::string::npos) {
                    named = line;
                    break;
                }
        const auto ids = exported_ids(db);
        for (const auto& id : good_ids) CHECK(ids.count(id) == 1);
        for (const auto& id : c.also_indexed) CHECK(ids.count(id) == 1);
        CHECK(r.peak_rss_kb < kRssBoundKb);
        std::string shown = named;
        if (auto at = shown.find(dump.string() + "/"); at != std::string::npos)
            shown.erase(at, dump.string().size() + 1);
        table << "  " << c.name << " -> exit " << r.exit_code << ", " << ids.size()
              << " articles, peak RSS " << r.peak_rss_kb / 1024 << " MiB, " << r.seconds << " s; "
              << (shown.empty() ? "(no message)" : one_line(shown)) << "\n";
    }
    MESSAGE(table.str());
}
