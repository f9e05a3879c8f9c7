/** @file
 * @brief Researcher features of `khabar search` on the sample dump: exact histograms (checked
 *        against a brute-force count), duplicate collapse, partial matches, --ids/--export,
 *        --count, sorting, suggestions, Urdu compounds and variants, query fallback, --analyze;
 *        and, on real Urdu and English text, snippet cuts and the visual (bidi) reordering.
 *        Golden transcripts of the CLI are in test_cli.cc.
 */
#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <xapian.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "database/schema.h"
#include "render/bidi.h"
#include "results/snippet.h"
#include "test_support.h"

using namespace khabar;

namespace {

/// The code points of UTF-8 text (for comparing letters in visual order).
std::u32string code_points(const std::string& s) {
    std::u32string out;
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        out += static_cast<char32_t>(c);
    }
    return out;
}

const std::string& db() {
    return test::sample_db("features");
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
        auto r =
            test::run_khabar({"search", "--db", db(), "--histogram", g, "--json", "oil OR wheat"});
        REQUIRE(r.exit_code == 0);
        auto h = nlohmann::json::parse(r.out)["data"];
        // Brute force: every matching article (--export jsonl has no collapse), its date cut to g.
        auto e = test::run_khabar({"search", "--db", db(), "--export", "jsonl", "oil OR wheat"});
        std::map<std::string, long> expected;
        long undated = 0, total = 0;
        std::size_t cut = std::string(g) == "year" ? 4 : std::string(g) == "month" ? 7 : 10;
        for (const auto& a : json_lines(e.out)) {
            ++total;
            if (a["date"].is_null())
                ++undated;
            else
                ++expected[a["date"].get<std::string>().substr(0, cut)];
        }
        std::map<std::string, long> got;
        for (const auto& b : h["bins"])
            if (b["count"].get<long>() > 0) got[b["period"]] = b["count"];
        CAPTURE(g);
        CHECK(got == expected);
        CHECK(h["matches"].get<long>() == total);
        CHECK(h["undated"].get<long>() == undated);
    }
    auto bars =
        test::run_khabar({"search", "--db", db(), "--histogram", "month", "--normalize", "oil"});
    CHECK(bars.out.find("█") != std::string::npos);
    CHECK(bars.out.find("1987-03") != std::string::npos);
    CHECK(bars.out.find("%") != std::string::npos);
}

TEST_CASE("duplicate collapse: syndicated copies show once, --no-collapse shows all") {
    // reuters-4 and reuters-16 carry the same story (same opening words, different titles).
    auto collapsed = hit_ids({"bankamerica equity offer", "--all-words"});
    auto all = hit_ids({"bankamerica equity offer", "--all-words", "--no-collapse"});
    CHECK(all.size() == collapsed.size() + 1);
    auto r = test::run_khabar(
        {"search", "--db", db(), "--json", "--all-words", "bankamerica equity offer"});
    bool found = false;
    for (const auto& j : json_lines(r.out)) {
        if (j["type"] != "hit" || !j["data"].contains("copies")) continue;
        found = true;
        CHECK(j["data"]["copies"]["count"] == 1);
        CHECK(j["data"]["copies"]["first_seen"] == "1987-02-26");
    }
    CHECK(found);
    // The copies line does not depend on the page size: Xapian's collapse count is only a lower
    // bound (it was 0 with -n 1 when the copy never entered the proto-MSet).
    for (const char* n : {"1", "2", "10"})
        for (const char* q : {"equity offering", "bankamerica offering", "bankamerica"}) {
            const std::string label = std::string("-n ") + n + " " + q;
            CAPTURE(label);
            auto page =
                json_lines(test::run_khabar({"search", "--db", db(), "--json", "-n", n, q}).out);
            REQUIRE(page.size() >= 3);
            CHECK(page[1]["data"]["copies"]["count"] == 1);
        }
    auto human =
        test::run_khabar({"search", "--db", db(), "--all-words", "bankamerica equity offer"});
    CHECK(human.out.find("+1 copy in 1 source, first seen 1987-02-26") != std::string::npos);
}

TEST_CASE("copies: databases without the duplicate-key terms (older format) give the same") {
    // New shards index each article's duplicate key as a term (a short posting list finds the
    // copies) and say so in their metadata; an older database has only the value slot. Drop the
    // marker from a copy of the sample database: every copies line must come out the same.
    namespace fs = std::filesystem;
    fs::path old_db = test::fresh_tmp_dir("copies-old-format") / "db";
    fs::copy(db(), old_db, fs::copy_options::recursive);
    for (const auto& shard : fs::directory_iterator(old_db)) {
        if (!shard.is_directory()) continue;
        Xapian::WritableDatabase w(shard.path().string());
        REQUIRE(w.get_metadata(std::string(schema::dup_terms_key)) == "1");
        w.set_metadata(std::string(schema::dup_terms_key), "");
        // Nor the key terms (on every other article: an old index added to since), nor a story
        // table, as an index written before them.
        for (auto it = w.postlist_begin(""); it != w.postlist_end(""); ++it) {
            if (*it % 2) continue;
            Xapian::Document doc = w.get_document(*it);
            std::vector<std::string> keys;
            const std::string prefix(schema::prefix_dup);
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
                if ((*t).rfind(prefix, 0) == 0) keys.push_back(*t);
            for (const auto& k : keys) doc.remove_term(k);
            if (!keys.empty()) w.replace_document(*it, doc);
        }
        const std::string table(schema::story_key_prefix);
        std::vector<std::string> entries;
        for (auto k = w.metadata_keys_begin(table); k != w.metadata_keys_end(table); ++k)
            entries.push_back(*k);
        for (const auto& k : entries) w.set_metadata(k, "");
        w.commit();
    }
    for (const char* q : {"bankamerica", "oil", "equity offering", "cocoa exports coffee tea"}) {
        CAPTURE(q);
        auto a = test::run_khabar({"search", "--db", db(), "--json", "-n", "20", q});
        auto b = test::run_khabar({"search", "--db", old_db.string(), "--json", "-n", "20", q});
        std::vector<std::string> ca, cb;
        for (const auto& j : json_lines(a.out))
            if (j["type"] == "hit")
                ca.push_back(j["data"].value("copies", nlohmann::json()).dump());
        for (const auto& j : json_lines(b.out))
            if (j["type"] == "hit")
                cb.push_back(j["data"].value("copies", nlohmann::json()).dump());
        CHECK(ca == cb);
        CHECK(!ca.empty());
        if (std::string(q) == "bankamerica")  // reuters-4 and reuters-16: one story, two copies
            CHECK(std::count_if(ca.begin(), ca.end(),
                                [](const std::string& c) { return c != "null"; }) >= 1);
    }
}

TEST_CASE("small results are counted exactly, copies collapsed: the footer matches --ids") {
    // Xapian's collapsed estimate said "about 9" for 12 results; every match of a small result is
    // now seen, so the footer's count is exact and equals the collapsed --ids list.
    for (const char* q : {"\u0648\u0632\u064A\u0631\u0627\u0639\u0638\u0645", "bankamerica",
                          "cocoa", "brazil debt"}) {
        CAPTURE(q);
        auto ids = test::run_khabar({"search", "--db", db(), "--ids", "--", q});
        const auto n = std::count(ids.out.begin(), ids.out.end(), '\n');
        REQUIRE(n > 0);
        REQUIRE(n < 20);
        auto human = test::run_khabar({"search", "--db", db(), "-n", "2", "--", q});
        // "of 12 stories (13 articles)", or "of 12 articles" when no copy matched
        const std::string want = " of " + std::to_string(n) + " ";
        CHECK(human.err.find(want) != std::string::npos);
        CHECK(human.err.find("about") == std::string::npos);
    }
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
    CHECK(hit_ids({"cocoa exports coffee tea", "--all-words"}).size() ==
          static_cast<std::size_t>(full));
}

TEST_CASE("--ids and --export cover every matching article with every filter") {
    auto ids = test::run_khabar(
        {"search", "--db", db(), "--ids", "--no-collapse", "--since", "1987-03", "oil"});
    auto count = test::run_khabar({"search", "--db", db(), "--count", "--since", "1987-03", "oil"});
    std::size_t n = std::count(ids.out.begin(), ids.out.end(), '\n');
    CHECK(std::to_string(n) + "\n" == count.out);
    auto csv =
        test::run_khabar({"search", "--db", db(), "--export", "csv", "--since", "1987-03", "oil"});
    CHECK(csv.out.rfind("id,date,date_source,title,title_derived,url,source,lang,author,section,"
                        "origin,score,body\r\n",
                        0) == 0);
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
    for (const char* q :
         {"\"Alice & Bob", "2023-2027", "O'Brien", "C++", "U.S.-China", "(oil", "AND", "-", "؟۔"}) {
        auto r = test::run_khabar({"search", "--db", db(), q});
        CAPTURE(q);
        CHECK(r.exit_code != 2);
    }
    auto sugg = test::run_khabar({"search", "--db", db(), "cocao"});
    CHECK(sugg.err.find("did you mean: cocoa") != std::string::npos);
    auto an = test::run_khabar({"search", "--db", db(), "--analyze", "Elections"});
    for (const char* stage : {"raw:", "normalized:", "parsed:", "final:"})
        CHECK(an.out.find(stage) != std::string::npos);
    CHECK(an.out.find("Zelect") != std::string::npos);
}

TEST_CASE("Urdu: compounds written joined or apart find each other; spelling variants together") {
    auto joined = hit_ids({"وزیراعظم", "--no-collapse"});
    auto apart = hit_ids({"وزیر اعظم", "--no-collapse"});
    CHECK(std::set<std::string>(joined.begin(), joined.end()) ==
          std::set<std::string>(apart.begin(), apart.end()));
    CHECK(joined.size() >= 12);
    auto a = hit_ids({"انہوں", "--no-collapse"}), b = hit_ids({"انھوں", "--no-collapse"});
    CHECK(std::set<std::string>(a.begin(), a.end()) == std::set<std::string>(b.begin(), b.end()));
}

TEST_CASE("Urdu: a word is searched split in two only where that spelling is real") {
    // انتخابات in 30 articles and once broken as "انتخا بات" (a stray break, as in OCR'd text):
    // the query must not split it. بدقسمتی (5) is also written "بد قسمتی" (2): a real compound.
    // خوشحال (4) is written "خوش حال" (3) and once "خو شحال": the common cut is the one used.
    namespace fs = std::filesystem;
    fs::path dir = test::fresh_tmp_dir("urdu-split");
    {
        std::ofstream f(dir / "dump.jsonl");
        int n = 0;
        auto doc = [&](const std::string& body) {
            f << nlohmann::json{{"id", "u" + std::to_string(++n)},
                                {"title", "خبر " + std::to_string(n)},
                                {"body", body},
                                {"lang", "ur"}}
                     .dump()
              << "\n";
        };
        for (int i = 0; i < 30; ++i) doc("ملک میں انتخابات کی تیاری جاری ہے");
        doc("ملک میں انتخا بات کی تیاری");
        for (int i = 0; i < 5; ++i) doc("یہ بدقسمتی کی بات ہے");
        for (int i = 0; i < 2; ++i) doc("یہ بد قسمتی کی بات ہے");
        for (int i = 0; i < 4; ++i) doc("لوگ خوشحال ہیں");
        for (int i = 0; i < 3; ++i) doc("لوگ خوش حال ہیں");
        doc("لوگ خو شحال ہیں");
    }
    const std::string udb = (dir / "db").string();
    // --keep-chrome: the repeated bodies would otherwise be taken for site chrome
    REQUIRE(test::run_khabar(
                {"index", "-q", "--keep-chrome", "--db", udb, (dir / "dump.jsonl").string()})
                .exit_code == 0);
    auto analyze = [&](const std::string& q) {
        return test::run_khabar({"search", "--db", udb, "--analyze", "--", q}).out;
    };
    CHECK(analyze("انتخابات").find("compound") == std::string::npos);
    CHECK(analyze("بدقسمتی").find("\"بد قسمتی\"") != std::string::npos);
    const std::string k = analyze("خوشحال");
    CHECK(k.find("\"خوش حال\"") != std::string::npos);
    CHECK(k.find("\"خو شحال\"") == std::string::npos);
}

TEST_CASE("date:, lang: and source: in a query filter the whole query, wherever they are") {
    // Xapian's grammar binds a boolean filter to the nearest words (`oil OR (gas FILTER date)`);
    // the builder moves top-level filters out so they apply to all of it.
    auto ids_set = [](const std::vector<std::string>& args) {
        auto v = hit_ids(args);
        return std::set<std::string>(v.begin(), v.end());
    };
    auto by_flags =
        ids_set({"oil OR gas", "--since", "1987-03", "--until", "1987-03", "--no-collapse"});
    REQUIRE(!by_flags.empty());
    CHECK(ids_set({"oil OR gas date:1987-03", "--no-collapse"}) == by_flags);
    CHECK(ids_set({"date:1987-03 oil OR gas", "--no-collapse"}) == by_flags);
    auto not_iran =
        ids_set({"oil NOT iran", "--since", "1987-03", "--until", "1987-03", "--no-collapse"});
    CHECK(ids_set({"oil NOT iran date:1987-03", "--no-collapse"}) == not_iran);
    auto ur = ids_set({"oil OR پاکستان", "--lang", "ur", "--no-collapse"});
    REQUIRE(!ur.empty());
    CHECK(ids_set({"oil OR پاکستان lang:ur", "--no-collapse"}) == ur);
    // Inside brackets a filter stays where the user put it.
    auto grouped = ids_set({"(oil date:1987-03) OR gas", "--no-collapse"});
    CHECK(grouped.size() > by_flags.size());
    auto an = test::run_khabar({"search", "--db", db(), "--analyze", "oil OR gas date:1987-03"});
    CHECK(an.out.find("prepared:   (oil OR gas) date:1987-03\n") != std::string::npos);
}

TEST_CASE("--count is exact and equals --ids --no-collapse, --export and the JSON summary") {
    for (const char* q : {"oil", "oil OR wheat OR dollar", "پاکستان", "lang:ur", "zzyzxqqv"}) {
        CAPTURE(q);
        auto c = test::run_khabar({"search", "--db", db(), "--count", q});
        REQUIRE(!c.out.empty());
        CHECK(c.out.find("about") == std::string::npos);  // checked every match: exact
        const long n = std::stol(c.out);
        CHECK(c.exit_code == (n > 0 ? 0 : 1));
        auto ids = test::run_khabar({"search", "--db", db(), "--ids", "--no-collapse", q});
        CHECK(std::count(ids.out.begin(), ids.out.end(), '\n') == n);
        auto ex = test::run_khabar({"search", "--db", db(), "--export", "jsonl", q});
        CHECK(static_cast<long>(json_lines(ex.out).size()) == n);
        auto js =
            json_lines(test::run_khabar({"search", "--db", db(), "--count", "--json", q}).out);
        REQUIRE(!js.empty());
        CHECK(js.back()["data"]["exact"] == true);
        CHECK(js.back()["data"]["matches_estimated"] == n);
    }
    // A page of a larger result: the summary says whether its count is exact, and the human
    // footer (stderr) says "about" exactly when it is not.
    auto page = json_lines(
        test::run_khabar({"search", "--db", db(), "--json", "-n", "3", "oil OR wheat OR dollar"})
            .out);
    const auto& sum = page.back()["data"];
    const bool exact = sum["matches_lower"] == sum["matches_upper"];
    CHECK(sum["exact"] == exact);
    auto human = test::run_khabar({"search", "--db", db(), "-n", "3", "oil OR wheat OR dollar"});
    CHECK(human.err.find("khabar: showing 1–3 of ") != std::string::npos);
    CHECK((human.err.find(" of about ") != std::string::npos) == !exact);
    CHECK(human.err.find("next page: --offset 3") != std::string::npos);
}

TEST_CASE("--export honours every filter and carries provenance; -n/--offset do not cut it") {
    const std::vector<std::vector<std::string>> cases = {
        {"--lang", "ur", "پاکستان"},
        {"--lang", "en", "pakistan OR پاکستان"},
        {"--since", "1987-03", "--until", "1987-04", "oil"},
        {"date:1987-04 oil"},
        {"title:cocoa"},
        {"source:reuters wheat"},
        {"oil OR gas lang:en date:..1987-03"},
        {"--exact", "سينئر"},
        {"-n", "1", "--offset", "2", "oil"},
        {"--sort", "oldest", "dollar"},
    };
    for (const auto& args : cases) {
        std::string label;
        for (const auto& a : args) label += a + " ";
        CAPTURE(label);
        std::vector<std::string> ids_args = {"search", "--db", db(), "--ids", "--no-collapse"};
        std::vector<std::string> ex = {"search", "--db", db(), "--export", "jsonl"};
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (args[i] == "-n" || args[i] == "--offset") {
                // --export writes every match and refuses paging; paged --ids is checked below.
                CHECK(test::run_khabar({"search", "--db", db(), "--export", "jsonl", args[i],
                                        args[i + 1], "oil"})
                          .exit_code == 2);
                ++i;
                continue;
            }
            ids_args.push_back(args[i]);
            ex.push_back(args[i]);
        }
        auto ids = test::run_khabar(ids_args);
        std::set<std::string> want;
        {
            std::istringstream in(ids.out);
            for (std::string l; std::getline(in, l);) want.insert(l);
        }
        REQUIRE(!want.empty());
        std::set<std::string> got;
        for (const auto& a : json_lines(test::run_khabar(ex).out)) {
            got.insert(a["id"].get<std::string>());
            // Provenance: where in the dump it came from, and where its date came from.
            CHECK(a["origin"]["file"].get<std::string>().find("sample-news.tar.gz") !=
                  std::string::npos);
            CHECK(!a["origin"]["entry"].get<std::string>().empty());
            CHECK(a["origin"]["record"].get<long>() > 0);
            if (!a["date"].is_null()) CHECK(!a["date_source"].is_null());
        }
        CHECK(got == want);
        ex[4] = "csv";
        auto csv = test::run_khabar(ex);
        std::size_t origins = 0;
        for (std::size_t p = csv.out.find("sample-news.tar.gz::"); p != std::string::npos;
             p = csv.out.find("sample-news.tar.gz::", p + 1))
            ++origins;
        CHECK(origins == want.size());  // one provenance cell per article
    }
}

TEST_CASE("sorting: deterministic order and tie-breaks (date, then relevance, then position)") {
    for (const char* sort : {"relevance", "newest", "oldest"}) {
        CAPTURE(sort);
        std::vector<std::string> args = {
            "search", "--db",          db(),     "--json", "-n",
            "1000",   "--no-collapse", "--sort", sort,     "oil OR wheat OR lang:en"};
        auto a = test::run_khabar(args), b = test::run_khabar(args);
        auto strip = [](const std::string& out) {
            std::string r;
            for (const auto& j : json_lines(out))
                if (j["type"] == "hit") r += j["data"]["id"].get<std::string>() + "\n";
            return r;
        };
        CHECK(strip(a.out) == strip(b.out));
        std::vector<nlohmann::json> hits;
        for (const auto& j : json_lines(a.out))
            if (j["type"] == "hit") hits.push_back(j["data"]);
        REQUIRE(hits.size() > 300);
        for (std::size_t i = 1; i < hits.size(); ++i) {
            const auto &p = hits[i - 1], &q = hits[i];
            CAPTURE(q["id"]);
            std::string dp = p["date"].is_null() ? "" : p["date"].get<std::string>();
            std::string dq = q["date"].is_null() ? "" : q["date"].get<std::string>();
            bool same_key = true;
            if (std::string(sort) == "newest") {
                // Dated first, newest first; undated last.
                if (!dq.empty()) CHECK((!dp.empty() && dp >= dq));
                same_key = dp == dq;
            } else if (std::string(sort) == "oldest") {
                if (!dq.empty()) CHECK((!dp.empty() && dp <= dq));
                same_key = dp == dq;
            }
            if (!same_key) continue;
            // Same date (or relevance order): by score, then by position (docid) for equal scores.
            CHECK(p["score"].get<double>() >= q["score"].get<double>());
            if (p["score"].get<double>() == q["score"].get<double>())
                CHECK(p["docid"].get<long>() < q["docid"].get<long>());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Snippet cuts and bidi reordering on real text.

namespace {

/// Letters, marks, digits, ZWJ/ZWNJ: a cut between two of these splits a word.
bool word_char(UChar32 c) {
    if (c == 0x200C || c == 0x200D) return true;
    const auto t = u_charType(c);
    return u_isalnum(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
           t == U_ENCLOSING_MARK;
}

UChar32 cp_before(const std::string& s, std::size_t i) {
    if (i == 0) return -1;
    auto k = static_cast<int32_t>(i);
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, k, c);
    return c;
}

UChar32 cp_at(const std::string& s, std::size_t i) {
    if (i >= s.size()) return -1;
    auto k = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
    return c;
}

bool valid_utf8(const std::string& s) {
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        if (c < 0) return false;
    }
    return true;
}

/// Extended grapheme cluster boundaries of a UTF-8 string, by byte offset (ICU).
class Graphemes {
  public:
    explicit Graphemes(const std::string& s) {
        UErrorCode st = U_ZERO_ERROR;
        it_.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), st));
        text_ = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &st);
        it_->setText(text_, st);
        REQUIRE(U_SUCCESS(st));
    }
    ~Graphemes() { utext_close(text_); }
    bool boundary(std::size_t i) { return it_->isBoundary(static_cast<int32_t>(i)); }

  private:
    std::unique_ptr<icu::BreakIterator> it_;
    UText* text_ = nullptr;
};

/// A cut at byte i of s splits nothing: a grapheme boundary, not between two word characters.
bool clean_cut(const std::string& s, Graphemes& g, std::size_t i) {
    if (i == 0 || i >= s.size()) return true;
    if (!g.boundary(i)) return false;
    return !(word_char(cp_before(s, i)) && word_char(cp_at(s, i)));
}

/// The text as a snippet shows it: runs of space, tab, CR, LF as one space, trimmed.
std::string flat(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

/// Empty when the snippet of `text` is cut cleanly (and its highlights are whole words), else why.
std::string check_snippet(const std::string& text, const khabar::Snippet& sn) {
    if (!valid_utf8(sn.text)) return "invalid UTF-8";
    const std::string ell = "…";
    std::string body = sn.text;
    const bool cut_start = body.rfind(ell + " ", 0) == 0;
    if (cut_start) body = body.substr(ell.size() + 1);
    const bool cut_end =
        body.size() >= ell.size() + 1 &&
        body.compare(body.size() - ell.size() - 1, std::string::npos, " " + ell) == 0;
    if (cut_end) body.resize(body.size() - ell.size() - 1);
    const std::string f = flat(text);
    Graphemes g(f);
    bool found = false;
    for (std::size_t p = f.find(body); p != std::string::npos && !found; p = f.find(body, p + 1)) {
        const std::size_t q = p + body.size();
        const bool start_ok = cut_start ? p > 0 && clean_cut(f, g, p) : p == 0;
        const bool end_ok = cut_end ? q < f.size() && clean_cut(f, g, q) : q == f.size();
        found = start_ok && end_ok;
    }
    if (!found) return "cut inside a word or a grapheme (or not from the text)";
    Graphemes sg(sn.text);
    for (auto [a, b] : sn.highlights) {
        if (a >= b || b > sn.text.size()) return "bad highlight range";
        const std::string w = sn.text.substr(a, b - a);
        if (!sg.boundary(a) || !sg.boundary(b)) return "highlight splits a grapheme: " + w;
        if ((a > 0 && word_char(cp_before(sn.text, a)) && word_char(cp_at(sn.text, a))) ||
            (b < sn.text.size() && word_char(cp_before(sn.text, b)) &&
             word_char(cp_at(sn.text, b))))
            return "highlight is part of a word: " + w;
    }
    return {};
}

/// Bodies of every article in a database (khabar export), with their ids.
std::vector<std::pair<std::string, std::string>> bodies(const std::string& database) {
    auto r = test::run_khabar({"export", "--db", database});
    REQUIRE(r.exit_code == 0);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& a : json_lines(r.out))
        if (a["body"].is_string() && !a["body"].get<std::string>().empty())
            out.emplace_back(a["id"].get<std::string>(), a["body"].get<std::string>());
    return out;
}

/// Run SnippetMaker over each text with words taken from the text itself (so the passage is cut
/// on both sides), at several lengths; report the first failures.
void check_snippets(const std::vector<std::pair<std::string, std::string>>& texts,
                    std::size_t& checked) {
    khabar::SnippetMaker maker;
    khabar::Analyzer analyzer;
    int failures = 0;
    for (const auto& [id, text] : texts) {
        auto tokens = analyzer.tokens_in_raw(text);
        if (tokens.empty()) continue;
        // Three query words: from a quarter, the middle and three quarters of the text.
        for (std::size_t at : {tokens.size() / 4, tokens.size() / 2, tokens.size() * 3 / 4}) {
            const std::set<std::string> terms = {tokens[at].term};
            for (std::size_t length : {24u, 60u, 200u}) {
                const khabar::Snippet sn = maker.make(text, terms, {}, length);
                ++checked;
                const std::string why = check_snippet(text, sn);
                if (!why.empty() && ++failures <= 10)
                    FAIL_CHECK(id << " (word '" << tokens[at].term << "', length " << length
                                  << "): " << why << "\n  snippet: " << sn.text);
            }
        }
    }
    CHECK(failures == 0);
}

}  // namespace

TEST_CASE("snippets never cut inside a word or a grapheme: real Urdu and English text") {
    std::size_t checked = 0;
    check_snippets(bodies(db()), checked);  // testdata: Reuters, Express, Samaa, Bend the Truth
    CHECK(checked > 4000);
    // Constructed edge cases the corpora may lack: a closing quote after the last word (multi-byte
    // punctuation), a text with no words at all, and decomposed (NFD) letters with their marks.
    khabar::SnippetMaker maker;
    for (const std::string& text :
         {std::string("پہلا لفظ۔” ") + std::string(300, 'x') + " اختتام",
          std::string("aaa bbb ccc ddd 3/4 eee fff ggg hhh"),
          [] {
              std::string s;
              for (int i = 0; i < 200; ++i) s += "۔؟";  // no word at all
              return s;
          }(),
          std::string("\u0622\u0628 \u06C1\u0654 \u0627\u0653\u067E ") + std::string(120, '.') +
              " \u06D2\u0654 \u0622\u0645\u062F"}) {
        for (std::size_t length : {5u, 10u, 11u, 12u, 13u, 24u, 41u}) {
            for (const char* w : {"لفظ", "ddd", "3", "اختتام", "آمد"}) {
                khabar::Snippet sn = maker.make(text, {w}, {}, length);
                CAPTURE(text);
                CAPTURE(length);
                CAPTURE(sn.text);
                CHECK(check_snippet(text, sn) == "");
            }
        }
    }
}

TEST_CASE("snippets never cut inside a word or a grapheme: shared Urdu corpora") {
    if (test::skip_without_shared("snippet cuts on ../shared corpora")) return;
    auto dir = test::fresh_tmp_dir("snippet-corpora");
    const std::string ha405 = (dir / "ha405.db").string();
    auto r = test::run_khabar({"index", "-q", "--db", ha405,
                               (*test::shared_dir() / "corpora" / "urdu-news-ha405").string()});
    REQUIRE(r.exit_code <= 1);
    auto texts = bodies(ha405);
    CHECK(texts.size() > 1500);
    std::size_t checked = 0;
    check_snippets(texts, checked);
    CHECK(checked > 10000);
}

TEST_CASE("bidi visual: RTL runs reversed once, marks stay on their letter, highlights whole") {
    auto nfkc = [](const std::string& s) {
        UErrorCode st = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(st);
        std::string out;
        n->normalize(icu::UnicodeString::fromUTF8(s), st).toUTF8String(out);
        return out;
    };
    // Real title (samaa-372), logical order; وزیر and اعظم highlighted.
    const std::string title = "وزیر اعظم کی گوگل فار ایجوکیشن کو حکومت کیساتھ تعاون";
    khabar::Ranges hl = {{0, 8}, {9, 17}};
    REQUIRE(title.substr(0, 8) == "وزیر");
    bool rtl = false;
    const std::string vis = khabar::visual_line(title, hl, &rtl);
    CHECK(rtl);
    CHECK(vis != title);
    // The shaped presentation forms fold back (NFKC) to the letters, in reverse order.
    std::u32string expected = code_points(title);
    std::reverse(expected.begin(), expected.end());
    CHECK(code_points(nfkc(vis)) == expected);
    // Each highlight is one whole word of the visual line: the reversed word.
    REQUIRE(hl.size() == 2);
    std::set<std::u32string> words;
    for (auto [a, b] : hl) words.insert(code_points(nfkc(vis.substr(a, b - a))));
    std::u32string w1 = code_points("وزیر"), w2 = code_points("اعظم");
    std::reverse(w1.begin(), w1.end());
    std::reverse(w2.begin(), w2.end());
    CHECK(words == std::set<std::u32string>{w1, w2});

    // A combining mark stays after its base letter (a terminal attaches it to the previous
    // cell): اعلیٰ has superscript alef U+0670 on ی.
    khabar::Ranges none;
    const std::string ala = khabar::visual_line("عہدہ اعلیٰ", none);
    const std::u32string v = code_points(nfkc(ala));
    auto mark = v.find(U'\u0670');
    REQUIRE(mark != std::u32string::npos);
    REQUIRE(mark > 0);
    CHECK(v[mark - 1] == U'\u06CC');  // ی (its presentation forms NFKC to U+06CC)

    // Left-to-right runs inside Urdu keep their order; a line without RTL text is unchanged.
    const std::string mixed = khabar::visual_line("آئی سی سی ICC ورلڈ کپ 2023 میں", none, &rtl);
    CHECK(rtl);
    CHECK(mixed.find("ICC") != std::string::npos);
    CHECK(mixed.find("2023") != std::string::npos);
    khabar::Ranges en = {{6, 11}};
    CHECK(khabar::visual_line("BAHIA COCOA REVIEW", en, &rtl) == "BAHIA COCOA REVIEW");
    CHECK_FALSE(rtl);
    CHECK(en == khabar::Ranges{{6, 11}});
    // Reordering is its own inverse only for plain letters: the point of "never twice" is that
    // khabar reorders each output line exactly once; test_cli checks the modes end to end.
}

TEST_CASE("bidi visual: a lam-alef ligature is one letter, with no space left inside the word") {
    // Visual text back to letters in visual order: each ligature (isolated U+FEF5/7/9/B, final
    // U+FEF6/8/A/C) is its alef form then lam (what it replaced), other forms fold with NFKC.
    auto letters = [&](const std::string& vis) {
        UErrorCode st = U_ZERO_ERROR;
        const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(st);
        static const char32_t alef_of[] = {U'\u0622', U'\u0623', U'\u0625', U'\u0627'};
        std::u32string out;
        for (char32_t c : code_points(vis)) {
            if (c >= 0xFEF5 && c <= 0xFEFC) {
                out += alef_of[(c - 0xFEF5) / 2];
                out += U'\u0644';
                continue;
            }
            std::string one;
            nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), st).toUTF8String(one);
            out += code_points(one);
        }
        return out;
    };
    auto count = [](const std::u32string& s, char32_t c) {
        return std::count(s.begin(), s.end(), c);
    };
    // Every lam-alef form, isolated (لا alone) and final (after a joining letter: سلا), and words
    // of the sample that broke (سیلاب → سیلا ب).
    const std::vector<std::pair<std::string, char32_t>> forms = {
        {"لا", U'\uFEFB'},    {"سلا", U'\uFEFC'},  {"لآ", U'\uFEF5'},    {"سلآ", U'\uFEF6'},
        {"لأ", U'\uFEF7'},    {"سلأ", U'\uFEF8'},  {"لإ", U'\uFEF9'},    {"سلإ", U'\uFEFA'},
        {"سیلاب", U'\uFEFC'}, {"ہلاک", U'\uFEFC'}, {"علاقے", U'\uFEFC'}, {"سالانہ", U'\uFEFB'}};
    for (const auto& [word, ligature] : forms) {
        CAPTURE(word);
        const std::string line = "خبر " + word + " آج";
        khabar::Ranges hl = {{line.find(word), line.find(word) + word.size()}};
        const std::string vis = khabar::visual_line(line, hl);
        const std::u32string v = code_points(vis);
        CHECK(count(v, U' ') == 2);  // the two spaces between the three words, no more
        CHECK(count(v, ligature) == 1);
        // Nothing lost or added: the letters of the line, reversed.
        std::u32string expected = code_points(line);
        std::reverse(expected.begin(), expected.end());
        CHECK(letters(vis) == expected);
        // The highlight is the whole word in the middle, ligature included.
        REQUIRE(hl.size() == 1);
        const std::u32string marked =
            code_points(vis.substr(hl[0].first, hl[0].second - hl[0].first));
        CHECK(count(marked, ligature) == 1);
        CHECK(count(marked, U' ') == 0);
        CHECK(vis.substr(hl[0].first - 1, 1) == " ");
        CHECK(vis.substr(hl[0].second, 1) == " ");
    }
    // A mark on the lam (لَا) stays, and the word stays whole.
    khabar::Ranges none;
    const std::u32string marked = code_points(khabar::visual_line("لَا ہے", none));
    CHECK(count(marked, U'\u064E') == 1);
    CHECK(count(marked, U' ') == 1);
}
