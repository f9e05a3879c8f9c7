// Roman Urdu (issue 17): Latin-letter queries also find Urdu articles, through the real binary.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using khabar::test::run_khabar;
using khabar::test::RunResult;

namespace {

/// sample-news.tar.gz (116 Urdu articles beside the English ones), indexed once.
const std::string& sample_db() {
    static const std::string db = [] {
        fs::path dir = khabar::test::fresh_tmp_dir("roman");
        std::string p = (dir / "sample.db").string();
        RunResult r =
            run_khabar({"index", "--db", p,
                        (khabar::test::source_dir() / "testdata" / "sample-news.tar.gz").string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return p;
    }();
    return db;
}

RunResult search(const std::string& db, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"search", "--db", db, "--json", "-n", "100"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_khabar(args);
}

std::vector<nlohmann::json> hits_in(const RunResult& r, const std::string& lang) {
    std::vector<nlohmann::json> out;
    for (const auto& h : khabar::test::hit_data(r.out))
        if (h.value("lang", std::string()) == lang) out.push_back(h);
    return out;
}

/// The "data" of the begin line.
nlohmann::json begin_of(const RunResult& r) {
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_discarded() && j.value("type", std::string()) == "begin") return j["data"];
    }
    return {};
}

bool mentions(const nlohmann::json& hit, const std::string& urdu) {
    return hit.value("title", std::string()).find(urdu) != std::string::npos ||
           hit["snippet"].value("text", std::string()).find(urdu) != std::string::npos;
}

}  // namespace

TEST_CASE("Roman Urdu words find the Urdu articles of the sample; --no-roman turns it off") {
    const std::string& db = sample_db();
    struct Case {
        std::string query, urdu;
    };
    for (const Case& c : std::vector<Case>{{"karachi", "کراچی"},
                                           {"hukumat", "حکومت"},
                                           {"imran khan", "عمران"},
                                           {"intikhabat", "انتخابات"},
                                           {"wazir-e-azam", "وزیر"},
                                           {"wazireazam", "وزیراعظم"},
                                           {"wazeer e azam", "وزیر"}}) {
        CAPTURE(c.query);
        RunResult on = search(db, {c.query});
        auto urdu = hits_in(on, "ur");
        REQUIRE(!urdu.empty());
        bool any = false;
        for (const auto& h : urdu) any = any || mentions(h, c.urdu);
        CHECK(any);
        RunResult off = search(db, {"--no-roman", c.query});
        CHECK(off.err.find("khabar: unknown") == std::string::npos);
        CHECK(hits_in(off, "ur").empty());
        CHECK(begin_of(off).count("roman_urdu") == 0);
    }
}

TEST_CASE("Roman Urdu: wazir-e-azam reaches both spellings, joined and as two words") {
    RunResult r = search(sample_db(), {"wazir-e-azam"});
    auto spellings = begin_of(r)["roman_urdu"]["wazir-e-azam"];
    REQUIRE(spellings.is_array());
    std::set<std::string> s(spellings.begin(), spellings.end());
    CHECK(s.count("وزیراعظم") == 1);
    CHECK(s.count("وزیر اعظم") == 1);
}

TEST_CASE("Roman Urdu: English words stay English") {
    const std::string& db = sample_db();
    for (const char* q : {"oil", "prices", "bank", "oil prices", "central bank"}) {
        CAPTURE(q);
        RunResult on = search(db, {q});
        CHECK(!khabar::test::hit_data(on.out).empty());
        CHECK(hits_in(on, "ur").empty());
        CHECK(begin_of(on).count("roman_urdu") == 0);
        CHECK(on.err.find("Roman Urdu") == std::string::npos);
        CHECK(khabar::test::hit_ids_of(on.out) ==
              khabar::test::hit_ids_of(search(db, {"--no-roman", q}).out));
    }
}

TEST_CASE("Roman Urdu: the note on stderr, the JSON begin field, --analyze") {
    const std::string& db = sample_db();
    // The line that names the word and its spellings, on stderr / in --analyze.
    auto line_of = [](const std::string& text, const std::string& start) {
        auto p = text.find(start);
        return p == std::string::npos ? std::string() : text.substr(p, text.find('\n', p) - p);
    };
    RunResult human = run_khabar({"search", "--db", db, "hukumat"});
    CHECK(line_of(human.err, "khabar: Roman Urdu: hukumat → ").find("حکومت") != std::string::npos);
    RunResult json = search(db, {"hukumat"});
    auto field = begin_of(json)["roman_urdu"];
    REQUIRE(field.is_object());
    REQUIRE(field["hukumat"].is_array());
    std::set<std::string> spellings(field["hukumat"].begin(), field["hukumat"].end());
    CHECK(spellings.count("حکومت") == 1);
    RunResult analyze = run_khabar({"search", "--db", db, "--analyze", "hukumat"});
    CHECK(line_of(analyze.out, "roman urdu: hukumat → ").find("حکومت") != std::string::npos);
    RunResult off = run_khabar({"search", "--db", db, "--analyze", "--no-roman", "hukumat"});
    CHECK(off.exit_code == 0);
    CHECK(off.out.find("roman urdu") == std::string::npos);
}

TEST_CASE("Roman Urdu: names across scripts merge English and Urdu; lang: narrows") {
    const std::string& db = sample_db();
    RunResult both = search(db, {"imran khan"});
    CHECK(!hits_in(both, "ur").empty());
    RunResult ur = search(db, {"imran khan", "lang:ur"});
    CHECK(!hits_in(ur, "ur").empty());
    CHECK(hits_in(ur, "en").empty());
    RunResult en = search(db, {"imran khan", "lang:en"});
    CHECK(hits_in(en, "ur").empty());
    CHECK(hits_in(en, "en").size() == hits_in(both, "en").size());
}

TEST_CASE("Roman Urdu: Urdu-script queries are untouched by the bridge") {
    const std::string& db = sample_db();
    for (const char* q : {"حکومت", "وزیراعظم", "عمران خان", "کراچی lang:ur"}) {
        CAPTURE(q);
        RunResult on = search(db, {q}), off = search(db, {"--no-roman", q});
        REQUIRE(off.exit_code == 0);
        CHECK(!khabar::test::hit_ids_of(on.out).empty());
        CHECK(khabar::test::hit_ids_of(on.out) == khabar::test::hit_ids_of(off.out));
        CHECK(begin_of(on).count("roman_urdu") == 0);
        CHECK(begin_of(on)["parsed"] == begin_of(off)["parsed"]);
    }
}

TEST_CASE("Roman Urdu on urdu-news-ha405: mehngai, karachi, hukumat, imran khan") {
    if (khabar::test::skip_without_shared("Roman Urdu on urdu-news-ha405")) return;
    fs::path dir = khabar::test::fresh_tmp_dir("roman-ha405");
    std::string db = (dir / "ha405.db").string();
    RunResult idx =
        run_khabar({"index", "--db", db,
                    (*khabar::test::shared_dir() / "corpora" / "urdu-news-ha405").string()});
    REQUIRE_MESSAGE(idx.exit_code == 0, idx.err);
    struct Case {
        std::string query, urdu;
    };
    for (const Case& c : std::vector<Case>{{"mehngai", "مہنگائی"},
                                           {"karachi", "کراچی"},
                                           {"hukumat", "حکومت"},
                                           {"imran khan", "عمران"}}) {
        CAPTURE(c.query);
        RunResult on = search(db, {c.query});
        auto urdu = hits_in(on, "ur");
        REQUIRE(urdu.size() >= 10);
        std::size_t with = 0;  // of the first ten
        for (std::size_t k = 0; k < 10; ++k) with += mentions(urdu[k], c.urdu) ? 1 : 0;
        CHECK(with >= 6);
        CHECK(hits_in(search(db, {"--no-roman", c.query}), "ur").size() < urdu.size());
    }
}
