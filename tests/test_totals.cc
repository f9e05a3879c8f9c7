/** @file
 * @brief Issue 15: one search states the same totals everywhere — articles (every copy) and
 *        stories (copies counted once) in the footer of every page, --count, the --json summary,
 *        --histogram, --ids and --export — through the real binary on a fixture with copies.
 */
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;
using khabar::test::run_khabar;
using khabar::test::RunResult;

namespace {

/// A word of letters only, different for every n.
std::string word(int n) {
    std::string w = "w";
    for (; n > 0; n /= 10) w += static_cast<char>('a' + n % 10);
    return w + "q";
}

/// One article of the fixture: which story it copies and what it mentions.
struct Article {
    int story;
    bool oil, gas;
    int month;  ///< 3 or 4 (1987)
};

/// 24 stories, some with one or two copies (same body, another id, title, source and day).
std::vector<Article> fixture_articles() {
    std::vector<Article> out;
    for (int i = 0; i < 24; ++i) {
        const int copies = i % 5 == 0 ? 2 : i % 7 == 1 ? 1 : 0;
        for (int c = 0; c <= copies; ++c)
            out.push_back({i, i % 4 != 3, i % 3 == 0, c == 2 ? 4 : (i % 2 == 0 ? 3 : 4)});
    }
    return out;
}

const std::string& fixture_db() {
    static const std::string db = [] {
        const fs::path dir = khabar::test::fresh_tmp_dir("totals");
        std::ofstream f(dir / "copies.jsonl");
        int n = 0;
        for (const Article& a : fixture_articles()) {
            std::string body =
                std::string(a.oil ? "crude oil " : "") + (a.gas ? "natural gas " : "");
            for (int j = 0; j < 30; ++j) body += word(a.story * 100 + j) + " ";
            ++n;
            f << json{{"id", "art-" + std::to_string(n)},
                      {"title", "Report " + word(a.story) + " number " + word(5000 + n)},
                      {"body", body},
                      {"source", "wire-" + std::to_string(n % 3)},
                      {"date", "1987-0" + std::to_string(a.month) + "-" +
                                   std::to_string(10 + a.story % 15)},
                      {"lang", "en"}}
                     .dump()
              << "\n";
        }
        f.close();
        const std::string path = (dir / "db").string();
        RunResult r = run_khabar({"index", "-q", "--db", path, (dir / "copies.jsonl").string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return path;
    }();
    return db;
}

struct Expected {
    std::size_t articles = 0, stories = 0;
};

template <typename Pred>
Expected expected(Pred matches) {
    Expected e;
    std::set<int> stories;
    for (const Article& a : fixture_articles())
        if (matches(a)) {
            ++e.articles;
            stories.insert(a.story);
        }
    e.stories = stories.size();
    return e;
}

json summary_of(const std::string& json_lines) {
    std::istringstream in(json_lines);
    json last;
    for (std::string line; std::getline(in, line);)
        if (auto j = json::parse(line, nullptr, false); !j.is_discarded() && j["type"] == "summary")
            last = j["data"];
    return last;
}

std::size_t lines_of(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

RunResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--db", fixture_db()});
    return run_khabar(args);
}

}  // namespace

TEST_CASE("totals agree: footer of every page, --count, --json, --histogram, --ids, --export") {
    struct Case {
        std::string query;
        Expected want;
    };
    const std::vector<Case> cases = {
        {"oil", expected([](const Article& a) { return a.oil; })},
        {"gas", expected([](const Article& a) { return a.gas; })},
        {"oil date:1987-03", expected([](const Article& a) { return a.oil && a.month == 3; })},
        {"gas OR oil", expected([](const Article& a) { return a.oil || a.gas; })},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        const std::string a = std::to_string(c.want.articles), s = std::to_string(c.want.stories);
        REQUIRE(c.want.stories > 3);
        REQUIRE(c.want.articles > c.want.stories);  // copies among the matches

        RunResult count = search({"--count", c.query});
        CHECK(count.out == a + "\n");
        CHECK(count.err.find(a + " matching articles, " + s + " stories") != std::string::npos);

        const json sum = summary_of(search({"--json", c.query}).out);
        CHECK(sum["articles"]["estimated"] == c.want.articles);
        CHECK(sum["articles"]["exact"] == true);
        CHECK(sum["stories"]["estimated"] == c.want.stories);
        CHECK(sum["stories"]["exact"] == true);
        CHECK(sum["counted"] == "stories");
        CHECK(sum["matches_estimated"] == c.want.stories);
        const json all = summary_of(search({"--json", "--no-collapse", c.query}).out);
        CHECK(all["matches_estimated"] == c.want.articles);
        CHECK(all["stories"] == sum["stories"]);
        CHECK(summary_of(search({"--count", "--json", c.query}).out)["articles"] ==
              sum["articles"]);

        const json hist = json::parse(search({"--histogram", "year", "--json", c.query}).out);
        CHECK(hist["data"]["matches"] == c.want.articles);
        CHECK(hist["data"]["stories"] == c.want.stories);
        CHECK(search({"--histogram", "month", c.query})
                  .out.find(a + " matching articles (" + s + " stories") != std::string::npos);

        CHECK(lines_of(search({"--ids", c.query}).out) == c.want.stories);
        CHECK(lines_of(search({"--export", "jsonl", c.query}).out) == c.want.articles);

        // Every page, first to last, states the same totals (the last with what it shows).
        for (std::size_t offset = 0; offset < c.want.stories; offset += 3) {
            CAPTURE(offset);
            RunResult page = search({"-n", "3", "--offset", std::to_string(offset), c.query});
            CHECK(page.err.find(" of " + s + " stories (" + a + " articles)") != std::string::npos);
            CHECK(page.err.find("about") == std::string::npos);
        }
        for (std::size_t offset = 0; offset < c.want.articles; offset += 4) {
            CAPTURE(offset);
            RunResult page =
                search({"--no-collapse", "-n", "4", "--offset", std::to_string(offset), c.query});
            CHECK(page.err.find(" of " + a + " articles (" + s + " stories)") != std::string::npos);
        }
        RunResult past = search({"-n", "3", "--offset", std::to_string(c.want.stories), c.query});
        CHECK(past.err.find("no results on this page: " + s + " matches") != std::string::npos);
    }
}

TEST_CASE("beyond the exact limit: every page states the same estimate, never below the hits") {
    // 2,400 articles with `common` (every fifth with a copy): over Searcher::exact_count_limit,
    // so the footer estimates; --count still counts exactly.
    const fs::path dir = khabar::test::fresh_tmp_dir("totals-many");
    {
        std::ofstream f(dir / "many.jsonl");
        for (int n = 0; n < 2400; ++n) {
            const int story = n % 5 == 4 ? n - 1 : n;  // a copy of the article before
            std::string body = "common ";
            for (int j = 0; j < 24; ++j) body += word(story * 100 + j) + " ";
            f << json{{"id", "m-" + std::to_string(n)},
                      {"title", "Item " + word(n)},
                      {"body", body},
                      {"date", "1987-03-10"}}
                     .dump()
              << "\n";
        }
    }
    const std::string db = (dir / "db").string();
    REQUIRE(run_khabar({"index", "-q", "--db", db, (dir / "many.jsonl").string()}).exit_code == 0);
    CHECK(run_khabar({"search", "--db", db, "--count", "common"}).out == "2400\n");
    CHECK(run_khabar({"search", "--db", db, "--count", "common"}).err.find("1920 stories") !=
          std::string::npos);
    // The stated number of stories: the same estimate on every page that cannot know better;
    // a page that read every match (the last ones) may say less, exactly, never more.
    std::size_t first = 0;
    for (const char* offset : {"0", "10", "990", "1900"}) {
        CAPTURE(offset);
        RunResult page = run_khabar({"search", "--db", db, "--offset", offset, "common"});
        auto at = page.err.find(" of ");
        REQUIRE(at != std::string::npos);
        at += 4;
        const bool about = page.err.compare(at, 6, "about ") == 0;
        const std::size_t n = std::stoul(page.err.substr(about ? at + 6 : at));
        if (first == 0) {
            first = n;
            CHECK(about);
        }
        CHECK(n <= first);
        CHECK(n >= std::stoul(offset) + 10);
        if (!about) CHECK(n == 1920);
        if (about) CHECK(n == first);
        const json sum = summary_of(
            run_khabar({"search", "--db", db, "--json", "--offset", offset, "common"}).out);
        CHECK(sum["stories"]["lower"] <= 1920);
        CHECK(sum["stories"]["upper"] >= 1920);
        CHECK(sum["articles"]["lower"] <= 2400);
        CHECK(sum["articles"]["upper"] >= 2400);
    }
}
