/** @file
 * @brief `khabar serve` through real HTTP (issue 16): the real binary on an ephemeral port over
 *        the sample dump plus a few hostile records; its API gives what the CLI gives (search
 *        --json, show --json, stats --json, --histogram --json, --count per facet), 400 naming
 *        the bad parameter, 404 for unknown paths and ids, the security headers, a `khabar index`
 *        on the same database seen without a restart, and exit 0 on SIGTERM.
 */
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;
using khabar::test::run_khabar;
using khabar::test::RunResult;

namespace {

/// Records a scraper could bring: markup in the title, body and source, a javascript: URL.
std::string hostile_dump() {
    const json records[] = {
        {{"id", "hostile-1"},
         {"title", "<script>alert('title')</script> Tanker <b>seized</b>"},
         {"body",
          "The tanker <img src=x onerror=alert('body')> was seized near Hormuz on Monday, "
          "officials said."},
         {"url", "javascript:alert('url')"},
         {"date", "1987-05-04"},
         {"source", "<i>Wire</i>"},
         {"lang", "en"}},
        {{"id", "hostile-2"},
         {"title", "Hormuz \"quoted\" & <escaped>"},
         {"body", "Shipping through Hormuz resumed, the wire said."},
         {"url", "https://example.org/a?b=<c>"},
         {"date", "1987-05-05"},
         {"source", "Wire"},
         {"lang", "en"}}};
    std::string out;
    for (const auto& r : records) out += r.dump() + "\n";
    return out;
}

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  ///< names lowercased
    std::string body;
    json body_json() const { return json::parse(body); }
};

/// One request over a fresh loopback connection (HTTP/1.1, Connection: close); a body makes it
/// a POST.
HttpResponse http_request(int port, const std::string& target, const std::string* body) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const std::string request =
        (body ? "POST " : "GET ") + target +
        " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
        (body ? "Content-Type: text/plain\r\nContent-Length: " + std::to_string(body->size()) +
                    "\r\n\r\n" + *body
              : "\r\n");
    REQUIRE(write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size()));
    std::string raw;
    char buf[65536];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) raw.append(buf, static_cast<size_t>(n));
    close(fd);
    HttpResponse r;
    const std::size_t head_end = raw.find("\r\n\r\n");
    REQUIRE(head_end != std::string::npos);
    REQUIRE(raw.rfind("HTTP/1.1 ", 0) == 0);
    r.status = std::stoi(raw.substr(9, 3));
    std::size_t pos = raw.find("\r\n") + 2;
    while (pos < head_end) {
        const std::size_t eol = raw.find("\r\n", pos);
        const std::string line = raw.substr(pos, eol - pos);
        const std::size_t colon = line.find(':');
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
        pos = eol + 2;
    }
    r.body = raw.substr(head_end + 4);
    if (r.headers["transfer-encoding"] == "chunked") {  // HEX-SIZE CRLF DATA CRLF ... 0 CRLF
        std::string data;
        for (std::size_t at = 0;;) {
            const std::size_t eol = r.body.find("\r\n", at);
            REQUIRE(eol != std::string::npos);
            const std::size_t size = std::stoul(r.body.substr(at, eol - at), nullptr, 16);
            if (size == 0) break;
            data += r.body.substr(eol + 2, size);
            at = eol + 2 + size + 2;
        }
        r.body = data;
    }
    return r;
}

HttpResponse http_get(int port, const std::string& target) {
    return http_request(port, target, nullptr);
}
HttpResponse http_post(int port, const std::string& target, const std::string& body) {
    return http_request(port, target, &body);
}

/// `khabar serve` running in the background on a free port.
class Server {
  public:
    explicit Server(const std::vector<std::string>& args) {
        int out[2];
        REQUIRE(pipe(out) == 0);
        const std::string bin = std::getenv("KHABAR_BIN") ? std::getenv("KHABAR_BIN") : "khabar";
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(out[1], 1);
            close(out[0]);
            close(out[1]);
            std::vector<std::string> all = {bin, "serve", "--listen", "127.0.0.1:0"};
            all.insert(all.end(), args.begin(), args.end());
            std::vector<char*> argv;
            for (auto& a : all) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(bin.c_str(), argv.data());
            _exit(127);
        }
        close(out[1]);
        // The first line on stdout is the URL: http://127.0.0.1:PORT/
        std::string line;
        pollfd p{out[0], POLLIN, 0};
        while (line.find('\n') == std::string::npos && poll(&p, 1, 20000) > 0) {
            char c[256];
            const ssize_t n = read(out[0], c, sizeof c);
            if (n <= 0) break;
            line.append(c, static_cast<size_t>(n));
        }
        out_ = out[0];
        url_ = line.substr(0, line.find('\n'));
        REQUIRE_MESSAGE(url_.rfind("http://127.0.0.1:", 0) == 0, "serve printed: " << line);
        port_ = std::stoi(url_.substr(17));
    }
    ~Server() {
        if (pid_ > 0) stop();
    }
    int port() const { return port_; }
    const std::string& url() const { return url_; }
    /// SIGTERM, then the exit status.
    int stop() {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        close(out_);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

  private:
    pid_t pid_ = -1;
    int out_ = -1;
    int port_ = 0;
    std::string url_;
};

std::string percent(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else
            out += std::string("%") + hex[c >> 4] + hex[c & 15];
    }
    return out;
}

/// A hit as both sides write it, without the time it took.
std::vector<json> hits_of_cli(const std::vector<std::string>& args) {
    RunResult r = run_khabar(args);
    REQUIRE_MESSAGE(r.exit_code <= 1, r.err);
    return khabar::test::hit_data(r.out);
}

fs::path make_db(const fs::path& tmp) {
    khabar::test::write_file(tmp / "hostile.jsonl", hostile_dump());
    const fs::path db = tmp / "db";
    RunResult r =
        run_khabar({"index", "--db", db.string(),
                    (khabar::test::source_dir() / "testdata" / "sample-news.tar.gz").string(),
                    (tmp / "hostile.jsonl").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return db;
}

}  // namespace

TEST_CASE("serve: the API answers as the CLI does, over real HTTP") {
    const fs::path tmp = khabar::test::fresh_tmp_dir("serve-api");
    const fs::path db = make_db(tmp);
    Server server({"--db", db.string()});
    const int port = server.port();

    SUBCASE("search: the same hits, fields and envelope as search --json") {
        struct Case {
            std::string params;
            std::vector<std::string> cli;
        };
        const std::vector<Case> cases = {
            {"q=cocoa", {"cocoa"}},
            {"q=oil&sort=newest&n=5&offset=5",
             {"--sort", "newest", "-n", "5", "--offset", "5", "oil"}},
            {"q=" + percent("title:(oil OR gas)") + "&since=1987-03&until=1987-04",
             {"--since", "1987-03", "--until", "1987-04", "title:(oil OR gas)"}},
            {"q=" + percent("وزیر اعظم"), {"وزیر اعظم"}},
            {"q=cocao", {"cocao"}},  // no hit, a suggestion
        };
        for (const auto& c : cases) {
            CAPTURE(c.params);
            std::vector<std::string> args = {"search", "--json", "--db", db.string()};
            args.insert(args.end(), c.cli.begin(), c.cli.end());
            RunResult cli = run_khabar(args);
            HttpResponse r = http_get(port, "/api/search?" + c.params);
            REQUIRE(r.status == 200);
            CHECK(r.headers["content-type"] == "application/json; charset=utf-8");
            json api = r.body_json();
            CHECK(api["hits"] == json(khabar::test::hit_data(cli.out)));
            // begin and summary: the same but for the time taken.
            json cli_begin, cli_summary;
            std::istringstream lines(cli.out);
            for (std::string line; std::getline(lines, line);) {
                json j = json::parse(line);
                if (j["type"] == "begin") cli_begin = j["data"];
                if (j["type"] == "summary") cli_summary = j["data"];
            }
            CHECK(api["begin"] == cli_begin);
            cli_summary.erase("elapsed_ms");
            api["summary"].erase("elapsed_ms");
            CHECK(api["summary"] == cli_summary);
        }
        // format=jsonl: the CLI's lines themselves.
        HttpResponse lines = http_get(port, "/api/search?q=cocoa&format=jsonl");
        CHECK(lines.headers["content-type"] == "application/x-ndjson; charset=utf-8");
        CHECK(khabar::test::hit_data(lines.body) ==
              hits_of_cli({"search", "--json", "--db", db.string(), "cocoa"}));
    }

    SUBCASE("article, stats, histogram and facets: as show --json, stats --json, --histogram") {
        HttpResponse a = http_get(port, "/api/article/reuters-2");
        REQUIRE(a.status == 200);
        json article = a.body_json();
        RunResult show = run_khabar({"show", "--json", "--db", db.string(), "reuters-2"});
        json shown = json::parse(show.out);
        for (auto& [k, v] : shown.items()) CHECK_MESSAGE(article[k] == v, k);
        CHECK(article["highlights"]["body"].empty());  // no q: nothing marked
        // With q, the query's words are marked over the whole body (byte offsets).
        json marked = http_get(port, "/api/article/reuters-2?q=oil").body_json();
        const std::string body = marked["body"];
        REQUIRE(marked["highlights"]["body"].size() >= 2);
        for (const auto& range : marked["highlights"]["body"]) {
            const std::string word =
                body.substr(range[0], range[1].get<std::size_t>() - range[0].get<std::size_t>());
            CHECK((word == "oil" || word == "Oil" || word == "OIL"));
        }

        RunResult stats = run_khabar({"stats", "--json", "--db", db.string()});
        CHECK(http_get(port, "/api/stats").body_json() == json::parse(stats.out));

        RunResult hist =
            run_khabar({"search", "--histogram", "month", "--json", "--db", db.string(), "oil"});
        CHECK(http_get(port, "/api/histogram?q=oil&by=month").body_json() ==
              json::parse(hist.out)["data"]);
        // auto: this sample spans four months of 1987, so by month.
        CHECK(http_get(port, "/api/histogram?q=oil").body_json()["granularity"] == "month");

        json facets = http_get(port, "/api/facets?q=oil").body_json();
        REQUIRE(!facets["section"].empty());
        for (const char* field : {"lang", "source", "section"})
            for (const auto& f : facets[field]) {
                const std::string value = f["value"];
                // As the page writes a filter: quoted only when the value has a space.
                const std::string typed =
                    value.find(' ') == std::string::npos ? value : "\"" + value + "\"";
                RunResult count = run_khabar({"search", "--count", "--db", db.string(),
                                              "oil " + std::string(field) + ":" + typed});
                CHECK_MESSAGE(std::stoul(count.out) == f["count"].get<unsigned long>(),
                              field << ":" << value);
            }
        RunResult all = run_khabar({"search", "--count", "--db", db.string(), "oil"});
        CHECK(std::stoul(all.out) == facets["matches"].get<unsigned long>());
    }

    SUBCASE("export: every match as search --export writes it; batch: counts as --count") {
        for (const std::string format : {"csv", "csv-excel", "jsonl"}) {
            CAPTURE(format);
            HttpResponse r = http_get(port, "/api/export?q=oil&since=1987-03&format=" + format);
            REQUIRE(r.status == 200);
            CHECK(r.headers["content-disposition"].find("attachment") == 0);
            RunResult cli = run_khabar(
                {"search", "--export", format, "--since", "1987-03", "--db", db.string(), "oil"});
            CHECK(r.body == cli.out);
            CHECK(r.body.size() > 10000);  // 23 articles with their bodies, not one page
        }
        const std::string queries =
            "oil\ncocoa\r\n# skipped\n\n" + std::string("وزیر اعظم") + "\nnosuchwordanywhere\n";
        json batch = http_post(port, "/api/batch", queries).body_json();
        REQUIRE(batch["rows"].size() == 4);
        for (const auto& row : batch["rows"]) {
            RunResult count = run_khabar(
                {"search", "--count", "--db", db.string(), row["query"].get<std::string>()});
            CHECK_MESSAGE(std::stoul(count.out) == row["count"].get<unsigned long>(), row["query"]);
        }
        // Per month, with a date filter: the periods of search --histogram month.
        json monthly =
            http_post(port, "/api/batch?by=month&since=1987-03", "oil\ncocoa\n").body_json();
        json hist = json::parse(run_khabar({"search", "--histogram", "month", "--json", "--since",
                                            "1987-03", "--db", db.string(), "oil"})
                                    .out)["data"];
        REQUIRE(monthly["periods"].size() == hist["bins"].size());
        for (std::size_t i = 0; i < hist["bins"].size(); ++i) {
            CHECK(monthly["periods"][i] == hist["bins"][i]["period"]);
            CHECK(monthly["rows"][0]["periods"][i] == hist["bins"][i]["count"]);
        }
        HttpResponse csv = http_post(port, "/api/batch?format=csv", "oil\n\"oil prices\"\n");
        CHECK(csv.headers["content-type"] == "text/csv; charset=utf-8");
        CHECK(csv.body.rfind("query,count\r\noil,39\r\n\"\"\"oil prices\"\"\",", 0) == 0);
    }

    SUBCASE("bad parameters: 400 naming the parameter; unknown paths and ids: 404") {
        const std::vector<std::pair<std::string, std::string>> bad = {
            {"/api/search?q=oil&n=0", "n"},
            {"/api/search?q=oil&n=101", "n"},
            {"/api/search?q=oil&n=ten", "n"},
            {"/api/search?q=oil&offset=-1", "offset"},
            {"/api/search?q=oil&sort=best", "sort"},
            {"/api/search?q=oil&since=1987-13", "since"},
            {"/api/search?q=oil&until=yesterday", "until"},
            {"/api/search?q=oil&since=1988&until=1987", "since"},
            {"/api/search?q=", "q"},
            {"/api/search", "q"},
            {"/api/search?q=oil&q=gas", "q"},
            {"/api/search?q=" + std::string(3000, 'a'), "q"},
            {"/api/search?q=oil&format=xml", "format"},
            {"/api/histogram?q=oil&by=week", "by"},
            {"/api/facets?q=oil&exact=maybe", "exact"},
            {"/api/export?q=oil&format=xlsx", "format"},
            {"/api/export?q=oil&n=10", "n"},
            {"/api/export?q=oil&offset=10", "offset"},
        };
        for (const auto& [target, parameter] : bad) {
            CAPTURE(target);
            HttpResponse r = http_get(port, target);
            CHECK(r.status == 400);
            json e = r.body_json();
            CHECK(e["parameter"] == parameter);
            CHECK(!e["error"].get<std::string>().empty());
        }
        for (const std::string target :
             {"/api/nothing", "/api/article/no-such-id", "/nothing", "/assets/nothing.js"}) {
            CAPTURE(target);
            HttpResponse r = http_get(port, target);
            CHECK(r.status == 404);
            if (target.rfind("/api/", 0) == 0) CHECK(r.body_json().contains("error"));
        }
    }

    SUBCASE("hostile records: JSON carries them as data, pages carry no inline script") {
        json hits = http_get(port, "/api/search?q=hormuz").body_json()["hits"];
        REQUIRE(hits.size() == 2);
        json article = http_get(port, "/api/article/hostile-1").body_json();
        CHECK(article["title"] == "<script>alert('title')</script> Tanker <b>seized</b>");
        for (const std::string target :
             {"/", "/?q=hormuz", "/article/hostile-1", "/api/search?q=hormuz", "/assets/app.js"}) {
            CAPTURE(target);
            HttpResponse r = http_get(port, target);
            REQUIRE(r.status == 200);
            CHECK(r.headers["x-content-type-options"] == "nosniff");
            const std::string csp = r.headers["content-security-policy"];
            CHECK(csp.find("default-src 'none'") != std::string::npos);
            CHECK(csp.find("script-src 'self'") != std::string::npos);
            CHECK(csp.find("unsafe-inline") == std::string::npos);
            CHECK(csp.find("unsafe-eval") == std::string::npos);
            // The record's text never reaches an HTML page from the server: the page is the
            // same static document, and the script puts text into it as text.
            if (r.headers["content-type"].rfind("text/html", 0) == 0) {
                CHECK(r.body.find("alert(") == std::string::npos);
                CHECK(r.body.find("<script>") == std::string::npos);  // only <script src=…>
            }
        }
        CHECK(http_get(port, "/assets/app.js").headers["content-type"] ==
              "text/javascript; charset=utf-8");
        // The script never hands data to the HTML parser.
        const std::string js = http_get(port, "/assets/app.js").body;
        for (const char* sink :
             {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("})
            CHECK_MESSAGE(js.find(sink) == std::string::npos, sink);
    }
}

TEST_CASE("batch: khabar search --batch and /api/batch give one table, counts as --count") {
    const fs::path tmp = khabar::test::fresh_tmp_dir("serve-batch");
    const fs::path db = make_db(tmp);
    const std::string queries = "oil\n# skipped\n\ncocoa\n\"oil prices\"\nnosuchwordzz\n";
    khabar::test::write_file(tmp / "queries.txt", queries);
    RunResult text =
        run_khabar({"search", "--batch", (tmp / "queries.txt").string(), "--db", db.string()});
    CHECK(text.exit_code == 0);
    // A line per query: its --count, right-aligned in 5 columns, then the query.
    std::string expected;
    for (const std::string q : {"oil", "cocoa", "\"oil prices\"", "nosuchwordzz"}) {
        std::string n = run_khabar({"search", "--count", "--db", db.string(), q}).out;
        n.pop_back();
        expected += std::string(5 - n.size(), ' ') + n + "  " + q + "\n";
    }
    CHECK(text.out == expected);
    Server server({"--db", db.string()});
    for (const std::string by : {"", "month"}) {
        CAPTURE(by);
        std::vector<std::string> args = {"search",  "--batch", "-",    "--export", "csv",
                                         "--since", "1987-03", "--db", db.string()};
        if (!by.empty()) args.insert(args.end(), {"--histogram", by});
        RunResult cli = run_khabar(args, queries);
        HttpResponse api = http_post(
            server.port(), "/api/batch?format=csv&since=1987-03" + (by.empty() ? "" : "&by=" + by),
            queries);
        CHECK(api.body == cli.out);
    }
    RunResult bad = run_khabar(
        {"search", "--batch", (tmp / "queries.txt").string(), "--count", "--db", db.string()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--count does not apply to --batch") != std::string::npos);
    bad = run_khabar(
        {"search", "--batch", (tmp / "queries.txt").string(), "--db", db.string(), "oil"});
    CHECK(bad.exit_code == 2);
}

TEST_CASE("serve: a khabar index on the same database is seen without a restart; SIGTERM ends it") {
    const fs::path tmp = khabar::test::fresh_tmp_dir("serve-live");
    const fs::path db = make_db(tmp);
    Server server({"--db", db.string()});
    const auto matches = [&](const std::string& q) {
        return http_get(server.port(), "/api/search?q=" + q)
            .body_json()["summary"]["matches_estimated"]
            .get<int>();
    };
    CHECK(matches("zanzibar") == 0);
    khabar::test::write_file(tmp / "more.jsonl",
                             R"({"id": "late-1", "title": "Zanzibar cloves", "body": "Zanzibar )"
                             R"(clove exports rose.", "date": "1987-06-01", "lang": "en"})"
                             "\n");
    RunResult r = run_khabar({"index", "--db", db.string(), (tmp / "more.jsonl").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(matches("zanzibar") == 1);
    // Requests while `khabar index` commits, five times over: none fails.
    std::atomic<bool> indexing = true;
    std::atomic<int> requests = 0, failures = 0;
    std::thread client([&] {
        for (int i = 0; indexing || i < 10; ++i) {
            for (const char* target :
                 {"/api/search?q=zanzibar", "/api/facets?q=oil", "/api/histogram?q=oil",
                  "/api/stats", "/api/article/late-1?q=cloves"}) {
                ++requests;
                if (http_get(server.port(), target).status != 200) ++failures;
            }
        }
    });
    for (int round = 2; round <= 6; ++round) {
        const std::string id = "late-" + std::to_string(round);
        khabar::test::write_file(tmp / (id + ".jsonl"),
                                 json({{"id", id},
                                       {"title", "Zanzibar cloves " + id},
                                       {"body", "More Zanzibar clove exports."},
                                       {"lang", "en"}})
                                         .dump() +
                                     "\n");
        RunResult more =
            run_khabar({"index", "--db", db.string(), (tmp / (id + ".jsonl")).string()});
        REQUIRE_MESSAGE(more.exit_code == 0, more.err);
    }
    indexing = false;
    client.join();
    CHECK(requests > 50);
    CHECK(failures == 0);
    CHECK(matches("zanzibar") == 6);
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: bad --listen and a missing database are errors before serving") {
    RunResult r = run_khabar({"serve", "--listen", "localhost", "--db", "/nonexistent"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--listen") != std::string::npos);
    r = run_khabar({"serve", "--listen", "127.0.0.1:0", "--db", "/nonexistent/khabar.db"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("khabar: error") != std::string::npos);
}
