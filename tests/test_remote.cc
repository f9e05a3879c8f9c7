/** @file
 * @brief Beyond one machine (issue 5): shards built in parallel, searched locally, merged, and
 *        served by two `xapian-tcpsrv` processes give the same ranked hits.
 *
 * The bundled sample dump is indexed once with `--shards 2`; a copy is merged into one shard with
 * `khabar compact --merge`. Two xapian-tcpsrv processes (Debian's xapian-tools) serve the two
 * shard directories on 127.0.0.1; khabar searches them with `--db remote:HOST:PORT` twice and
 * through a stub file of `remote` lines. Every query must give the same hits (ids, order,
 * scores to 1e-9, copies) as the merged database: Xapian's remote backend combines the shards'
 * statistics, so BM25 weights are global, not per shard.
 */
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

extern char** environ;

namespace fs = std::filesystem;
using json = nlohmann::json;
using khabar::test::run_khabar;

namespace {

/// A port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
int free_port() {
    int s = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(s >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    ::close(s);
    return ntohs(a.sin_port);
}

bool accepts(int port) {
    int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(s);
    return ok;
}

/// xapian-tcpsrv serving one shard directory on 127.0.0.1, stopped when this goes away.
class TcpServer {
  public:
    TcpServer(const std::string& program, const fs::path& shard, const fs::path& log)
        : port_(free_port()) {
        std::vector<std::string> args{program,       "--interface",         "127.0.0.1",
                                      "--port",      std::to_string(port_), "--quiet",
                                      shard.string()};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (its forked
        // children), which would otherwise include this test.
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
        posix_spawn_file_actions_t files;  // its messages (one per closed connection) to a log
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                         0644);
        posix_spawn_file_actions_adddup2(&files, 1, 2);
        int rc = ::posix_spawnp(&pid_, program.c_str(), &files, &attr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&files);
        posix_spawnattr_destroy(&attr);
        REQUIRE(rc == 0);
        for (int i = 0; i < 100 && !accepts(port_); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        REQUIRE_MESSAGE(accepts(port_), program << " did not listen on port " << port_);
    }
    ~TcpServer() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;
    std::string db_arg() const { return "remote:127.0.0.1:" + std::to_string(port_); }
    int port() const { return port_; }

  private:
    int port_;
    pid_t pid_ = -1;
};

std::string find_program(const std::string& name) {
    std::stringstream path(std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(path, dir, ':'))
        if (!dir.empty() && ::access((fs::path(dir) / name).c_str(), X_OK) == 0)
            return (fs::path(dir) / name).string();
    return {};
}

struct HitLine {
    std::string id;
    double score = 0;
    bool partial = false;
    std::string copies;  // the copies object as JSON text ("" when none)
};

/// `khabar search --json` hits of a query over the given --db arguments.
std::vector<HitLine> hits(const std::vector<std::string>& dbs,
                          const std::vector<std::string>& extra, const std::string& query) {
    std::vector<std::string> args{"search", "--json", "-n", "10"};
    for (const auto& d : dbs) args.insert(args.end(), {"--db", d});
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"--", query});
    auto r = run_khabar(args);
    INFO("khabar search " << query << " stderr: " << r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    std::vector<HitLine> out;
    for (const json& d : khabar::test::hit_data(r.out)) {
        HitLine h;
        h.id = d["id"].get<std::string>();
        h.score = d.value("score", 0.0);
        h.partial = d.value("partial", false);
        if (d.contains("copies")) h.copies = d["copies"].dump();
        out.push_back(std::move(h));
    }
    return out;
}

std::string describe(const std::vector<HitLine>& hs) {
    std::ostringstream o;
    for (const auto& h : hs)
        o << "  " << h.id << " " << h.score << (h.partial ? " partial" : "") << " " << h.copies
          << "\n";
    return o.str();
}

void check_same(const std::vector<HitLine>& expected, const std::vector<HitLine>& got,
                const std::string& what) {
    INFO(what << "\nexpected (merged database):\n"
              << describe(expected) << "got:\n"
              << describe(got));
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].id == expected[i].id);
        CHECK(std::fabs(got[i].score - expected[i].score) <= 1e-9 * (1 + expected[i].score));
        CHECK(got[i].partial == expected[i].partial);
        CHECK(got[i].copies == expected[i].copies);
    }
}

/// Path of xapian-tcpsrv, or "" after printing why the test is skipped.
std::string tcpsrv_or_skip() {
    std::string p = find_program("xapian-tcpsrv");
    if (p.empty()) MESSAGE("SKIPPED: xapian-tcpsrv not installed (Debian package xapian-tools)");
    return p;
}

const std::vector<std::string> kQueries = {
    "oil",
    "brazil debt",
    "cocoa exports coffee tea",  // 1 full match, then partial matches
    "\"interest rates\"",
    "oil date:1987-03",
    "coffee OR cocoa -brazil",
    "وزیراعظم",
    "پاکستان کرکٹ",
};

}  // namespace

TEST_CASE("shards: --shards 2, searched locally, merged, and through two xapian-tcpsrv") {
    const std::string tcpsrv = tcpsrv_or_skip();
    if (tcpsrv.empty()) return;
    fs::path dir = khabar::test::fresh_tmp_dir("remote");
    const fs::path sample = khabar::test::source_dir() / "testdata" / "sample-news.tar.gz";
    const fs::path sharded = dir / "sharded.db", merged = dir / "merged.db";
    auto idx = run_khabar({"index", "--db", sharded.string(), "--shards", "2", "--threads", "1",
                           "-q", sample.string()});
    REQUIRE_MESSAGE(idx.exit_code == 0, idx.err);
    {
        std::ifstream stub(sharded / "XAPIANDB");
        std::string all((std::istreambuf_iterator<char>(stub)), {});
        CHECK(all == "glass shard-0\nglass shard-1\n");
    }
    // An existing database keeps its shards whatever --shards says (a rerun resumes into them).
    auto again =
        run_khabar({"index", "--db", sharded.string(), "--shards", "3", "-q", sample.string()});
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    {
        std::ifstream stub(sharded / "XAPIANDB");
        std::string all((std::istreambuf_iterator<char>(stub)), {});
        CHECK(all == "glass shard-0\nglass shard-1\n");
        CHECK(!fs::exists(sharded / "shard-2"));
    }
    fs::copy(sharded, merged, fs::copy_options::recursive);
    fs::create_directory(merged / "shard-5");  // what a merge killed after its switch leaves
    auto compact = run_khabar({"compact", "--db", merged.string(), "--merge"});
    REQUIRE_MESSAGE(compact.exit_code == 0, compact.err);
    CHECK(compact.err.find("2 -> 1 shards") != std::string::npos);
    {
        // The merged shard took a name the old stub did not list (the stub switches to it before
        // the old shards go), and nothing else is left.
        std::ifstream stub(merged / "XAPIANDB");
        std::string all((std::istreambuf_iterator<char>(stub)), {});
        CHECK(all == "glass shard-2\n");
        std::set<std::string> left;
        for (const auto& e : fs::directory_iterator(merged)) left.insert(e.path().filename());
        CHECK(left == std::set<std::string>{"XAPIANDB", "shard-2"});
    }

    TcpServer s0(tcpsrv, sharded / "shard-0", dir / "tcpsrv-0.log"),
        s1(tcpsrv, sharded / "shard-1", dir / "tcpsrv-1.log");
    const fs::path stub = dir / "remote.stub";
    {
        std::ofstream f(stub);
        f << "remote 127.0.0.1:" << s0.port() << "\nremote 127.0.0.1:" << s1.port() << "\n";
    }
    const std::vector<std::string> merged_db{merged.string()}, local_shards{sharded.string()},
        remote{s0.db_arg(), s1.db_arg()}, remote_stub{stub.string()};

    // Both shards hold articles (the writer spreads them), and together all of them.
    auto total = run_khabar({"stats", "--db", merged.string(), "--json"});
    REQUIRE(total.exit_code == 0);
    auto total_remote = run_khabar({"stats", "--db", s0.db_arg(), "--db", s1.db_arg(), "--json"});
    INFO("stats over remote shards: " << total_remote.err);
    REQUIRE(total_remote.exit_code == 0);
    const auto articles = json::parse(total.out).value("documents", -1);
    CHECK(articles > 400);
    CHECK(json::parse(total_remote.out).value("documents", -2) == articles);
    auto one = run_khabar({"stats", "--db", s0.db_arg(), "--json"});
    REQUIRE(one.exit_code == 0);
    const auto in_shard0 = json::parse(one.out).value("documents", -1);
    CHECK(in_shard0 > 0);
    CHECK(in_shard0 < articles);

    for (const auto& q : kQueries) {
        for (const std::vector<std::string>& extra :
             {std::vector<std::string>{}, std::vector<std::string>{"--sort", "newest"}}) {
            std::string what = "query " + q + (extra.empty() ? "" : " --sort newest");
            auto expected = hits(merged_db, extra, q);
            CHECK_MESSAGE(!expected.empty(), what << " finds nothing in the merged database");
            check_same(expected, hits(local_shards, extra, q), what + ", local shards");
            check_same(expected, hits(remote, extra, q), what + ", --db remote: twice");
            check_same(expected, hits(remote_stub, extra, q), what + ", stub of remote lines");
        }
    }

    // Histograms and exact counts are global too.
    for (const std::vector<std::string>& dbs : {local_shards, remote, remote_stub}) {
        std::vector<std::string> a{"search", "--histogram", "month", "--json"},
            b{"search", "--histogram", "month", "--json", "--db", merged.string()};
        for (const auto& d : dbs) a.insert(a.end(), {"--db", d});
        a.insert(a.end(), {"--", "oil"});
        b.insert(b.end(), {"--", "oil"});
        auto ra = run_khabar(a), rb = run_khabar(b);
        REQUIRE(ra.exit_code == 0);
        CHECK(ra.out == rb.out);
    }
}

TEST_CASE("remote shards: --exact explains that it needs local databases") {
    const std::string tcpsrv = tcpsrv_or_skip();
    if (tcpsrv.empty()) return;
    fs::path dir = khabar::test::fresh_tmp_dir("remote-exact");
    const fs::path db = dir / "db";
    auto idx =
        run_khabar({"index", "--db", db.string(), "--shards", "1", "-q",
                    (khabar::test::source_dir() / "testdata" / "sample-news.tar.gz").string()});
    REQUIRE_MESSAGE(idx.exit_code == 0, idx.err);
    TcpServer s(tcpsrv, db / "shard-0", dir / "tcpsrv.log");
    auto r = run_khabar({"search", "--db", s.db_arg(), "--exact", "--", "oil"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--exact cannot search a remote database") != std::string::npos);
    auto plain = run_khabar({"search", "--db", s.db_arg(), "--", "oil"});
    CHECK(plain.exit_code == 0);
}
