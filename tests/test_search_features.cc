/** @file
 * @brief Researcher features of `khabar search` on the sample dump: exact histograms (checked
 *        against a brute-force count), duplicate collapse, partial matches, --ids/--export,
 *        suggestions, Urdu compounds and variants, query fallback, --analyze, golden output.
 */
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "test_support.h"

using namespace khabar;

namespace {

const std::string& db() {
    static std::string path = [] {
        auto dir = test::fresh_tmp_dir("features");
        std::string p = (dir / "db").string();
        auto r = test::run_khabar(
            {"index", "-q", "--db", p, (test::source_dir() / "testdata" / "sample-news.tar.gz").string()});
        REQUIRE(r.exit_code == 0);
        return p;
    }();
    return path;
}

std::vector<nlohmann::json> json_lines(const std::string& out) {
    std::vector<nlohmann::json> v;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) v.push_back(nlohmann::json::parse(line));
    return v;
}

std::vector<std::string> hit_ids(const std::vector<std::string>& args) {
    std::vector<std::string> full = {"search", "--db", db(), "--json", "-n", "1000"};
    full.insert(full.end(), args.begin(), args.end());
    auto r = test::run_khabar(full);
    std::vector<std::string> ids;
    for (const auto& j : json_lines(r.out))
        if (j["type"] == "hit") ids.push_back(j["data"]["id"]);
    return ids;
}

}  // namespace

TEST_CASE("histogram counts equal a brute-force count of the matching articles' dates") {
    for (const char* g : {"year", "month", "day"}) {
        auto r = test::run_khabar({"search", "--db", db(), "--histogram", g, "--json", "oil OR wheat"});
        REQUIRE(r.exit_code == 0);
        auto h = nlohmann::json::parse(r.out)["data"];
        // Brute force: every matching article (--export jsonl has no collapse), its date cut to g.
        auto e = test::run_khabar({"search", "--db", db(), "--export", "jsonl", "oil OR wheat"});
        std::map<std::string, long> expected;
        long undated = 0, total = 0;
        std::size_t cut = std::string(g) == "year" ? 4 : std::string(g) == "month" ? 7 : 10;
        for (const auto& a : json_lines(e.out)) {
            ++total;
            if (a["date"].is_null()) ++undated;
            else ++expected[a["date"].get<std::string>().substr(0, cut)];
        }
        std::map<std::string, long> got;
        for (const auto& b : h["bins"])
            if (b["count"].get<long>() > 0) got[b["period"]] = b["count"];
        CAPTURE(g);
        CHECK(got == expected);
        CHECK(h["matches"].get<long>() == total);
        CHECK(h["undated"].get<long>() == undated);
    }
    auto bars = test::run_khabar({"search", "--db", db(), "--histogram", "month", "--normalize", "oil"});
    CHECK(bars.out.find("█") != std::string::npos);
    CHECK(bars.out.find("1987-03") != std::string::npos);
    CHECK(bars.out.find("%") != std::string::npos);
}

TEST_CASE("duplicate collapse: syndicated copies show once, --no-collapse shows all") {
    // reuters-4 and reuters-16 carry the same story (same opening words, different titles).
    auto collapsed = hit_ids({"bankamerica equity offer", "--all-words"});
    auto all = hit_ids({"bankamerica equity offer", "--all-words", "--no-collapse"});
    CHECK(all.size() == collapsed.size() + 1);
    auto r = test::run_khabar({"search", "--db", db(), "--json", "--all-words", "bankamerica equity offer"});
    bool found = false;
    for (const auto& j : json_lines(r.out)) {
        if (j["type"] != "hit" || !j["data"].contains("copies")) continue;
        found = true;
        CHECK(j["data"]["copies"]["count"] == 1);
        CHECK(j["data"]["copies"]["first_seen"] == "1987-02-26");
    }
    CHECK(found);
    auto human = test::run_khabar({"search", "--db", db(), "--all-words", "bankamerica equity offer"});
    CHECK(human.out.find("+1 copy in 1 source, first seen 1987-02-26") != std::string::npos);
}

TEST_CASE("partial matches follow full matches, marked; --all-words turns them off") {
    auto r = test::run_khabar({"search", "--db", db(), "--json", "cocoa exports coffee tea"});
    auto lines = json_lines(r.out);
    int full = 0, partial = 0;
    bool partial_seen = false;
    for (const auto& j : lines) {
        if (j["type"] != "hit") continue;
        if (j["data"]["partial"].get<bool>()) {
            ++partial;
            partial_seen = true;
        } else {
            CHECK_FALSE(partial_seen);  // full matches come first
            ++full;
        }
    }
    CHECK(full >= 1);
    CHECK(partial >= 1);
    CHECK(hit_ids({"cocoa exports coffee tea", "--all-words"}).size() == static_cast<std::size_t>(full));
}

TEST_CASE("--ids and --export cover every matching article with every filter") {
    auto ids = test::run_khabar({"search", "--db", db(), "--ids", "--no-collapse", "--since", "1987-03", "oil"});
    auto count = test::run_khabar({"search", "--db", db(), "--count", "--since", "1987-03", "oil"});
    std::size_t n = std::count(ids.out.begin(), ids.out.end(), '\n');
    CHECK(std::to_string(n) + "\n" == count.out);
    auto csv = test::run_khabar({"search", "--db", db(), "--export", "csv", "--since", "1987-03", "oil"});
    CHECK(csv.out.rfind("id,date,title,url,source,lang,author,section,origin,score,body\r\n", 0) == 0);
    CHECK(csv.out.find("sample-news.tar.gz::reuters/") != std::string::npos);  // provenance
}

TEST_CASE("query language: NEAR, wildcard, date:, fields, fallback, suggestion, analyze") {
    CHECK(hit_ids({"oil NEAR/3 prices"}).size() <= hit_ids({"oil prices", "--all-words"}).size());
    CHECK(!hit_ids({"infla*"}).empty());
    auto in_query = hit_ids({"date:1987-03 oil", "--no-collapse"});
    auto by_flag = hit_ids({"oil", "--since", "1987-03", "--until", "1987-03", "--no-collapse"});
    CHECK(std::set<std::string>(in_query.begin(), in_query.end()) ==
          std::set<std::string>(by_flag.begin(), by_flag.end()));
    auto bad_date = test::run_khabar({"search", "--db", db(), "date:1987-13 oil"});
    CHECK(bad_date.exit_code == 2);
    // Pasted news text never errors.
    for (const char* q : {"\"Alice & Bob", "2023-2027", "O'Brien", "C++", "U.S.-China", "(oil", "AND", "-", "؟۔"}) {
        auto r = test::run_khabar({"search", "--db", db(), q});
        CAPTURE(q);
        CHECK(r.exit_code != 2);
    }
    auto sugg = test::run_khabar({"search", "--db", db(), "cocao"});
    CHECK(sugg.err.find("did you mean: cocoa") != std::string::npos);
    auto an = test::run_khabar({"search", "--db", db(), "--analyze", "Elections"});
    for (const char* stage : {"raw:", "normalized:", "parsed:", "final:"}) CHECK(an.out.find(stage) != std::string::npos);
    CHECK(an.out.find("Zelect") != std::string::npos);
}

TEST_CASE("Urdu: compounds written joined or apart find each other; spelling variants together") {
    auto joined = hit_ids({"وزیراعظم", "--no-collapse"});
    auto apart = hit_ids({"وزیر اعظم", "--no-collapse"});
    CHECK(std::set<std::string>(joined.begin(), joined.end()) == std::set<std::string>(apart.begin(), apart.end()));
    CHECK(joined.size() >= 12);
    auto a = hit_ids({"انہوں", "--no-collapse"}), b = hit_ids({"انھوں", "--no-collapse"});
    CHECK(std::set<std::string>(a.begin(), a.end()) == std::set<std::string>(b.begin(), b.end()));
}

TEST_CASE("golden output: human (piped) and --json for one query") {
    auto r = test::run_khabar({"search", "--db", db(), "-n", "2", "cocoa"});
    const std::string golden =
        "1. INDONESIAN TEA, COCOA EXPORTS SEEN UP, COFFEE DOWN  1987-03-02\n"
        "   reuters-275 · Reuters · en · ";
    CHECK(r.out.rfind(golden, 0) == 0);
    CHECK(r.out.find("\n2. BAHIA COCOA REVIEW  1987-02-26\n   reuters-1 · Reuters · en · ") != std::string::npos);
    auto j = json_lines(test::run_khabar({"search", "--db", db(), "-n", "2", "--json", "cocoa"}).out);
    REQUIRE(j.size() == 4);
    CHECK(j[0]["data"]["parsed"] ==
          "Query((Zcocoa@1 SYNONYM cocoa))");
    CHECK(j[1]["data"]["id"] == "reuters-275");
    CHECK(j[2]["data"]["id"] == "reuters-1");
    CHECK(j[3]["data"]["returned"] == 2);
}
