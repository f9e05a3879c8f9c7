/** @file
 * @brief End-to-end tests: the real `khabar` binary on the bundled sample dump (testdata/), the way
 *        a user or a script calls it: exit codes, stdout/stderr, --json, dates, Urdu spellings.
 *
 * The sample is indexed once per run (a static fixture, see sample()); every test reads that
 * database. The expected numbers come from testdata/README.md (plain text matching over the
 * sample, not from khabar).
 *
 * Golden transcripts (tests/golden/NAME.txt, see tests/golden/README.md) fix the exact output of
 * the search modes; KHABAR_UPDATE_GOLDEN=1 rewrites them from the current binary.
 */
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;
using khabar::test::run_khabar;
using khabar::test::run_on_tty;
using khabar::test::RunResult;

namespace {

using Ids = std::set<std::string>;

fs::path testdata(const std::string& name) {
    return khabar::test::source_dir() / "testdata" / name;
}

/// The database every test reads: sample-news.tar.gz, indexed once per test binary run.
/// It is first seeded with bad/broken.csv and then built with `index --overwrite`, so the one
/// index of the sample also exercises --overwrite (checked in the re-indexing test).
struct Sample {
    fs::path dir;
    std::string db;
    RunResult seed;   ///< index bad/broken.csv (the seed that --overwrite must discard)
    RunResult index;  ///< index --overwrite sample-news.tar.gz
};

const Sample& sample_raw() {
    static const Sample s = [] {
        Sample r;
        r.dir = khabar::test::fresh_tmp_dir("cli");
        r.db = (r.dir / "sample.db").string();
        r.seed = run_khabar({"index", "--db", r.db, testdata("bad/broken.csv").string()});
        r.index = run_khabar(
            {"index", "--db", r.db, "--overwrite", testdata("sample-news.tar.gz").string()});
        return r;
    }();
    return s;
}

/// The sample database; fails the calling test when indexing the sample failed.
const Sample& sample() {
    const Sample& s = sample_raw();
    REQUIRE_MESSAGE(s.index.exit_code == 0, "khabar index of the sample failed:\n" << s.index.err);
    return s;
}

/// Run `khabar CMD --db <sample> ARGS...`.
RunResult on_sample(const std::string& cmd, const std::vector<std::string>& args,
                    const std::vector<std::string>& extra_env = {}) {
    std::vector<std::string> all{cmd, "--db", sample().db};
    all.insert(all.end(), args.begin(), args.end());
    return run_khabar(all, "", extra_env);
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

/// Parse JSON Lines; a line that does not parse fails the test (with the line).
std::vector<json> parse_lines(const std::string& text) {
    std::vector<json> out;
    for (const auto& line : split_lines(text)) {
        json j = json::parse(line, nullptr, false);
        CHECK_MESSAGE(!j.is_discarded(), "not JSON: " << line);
        if (!j.is_discarded()) out.push_back(std::move(j));
    }
    return out;
}

struct JsonSearch {
    RunResult run;
    std::vector<json> lines;
    std::vector<json> hits;  ///< the "data" of each hit line
};

JsonSearch search_json(const std::string& query, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"--json", "-n", "1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(query);
    JsonSearch s;
    s.run = on_sample("search", args);
    INFO("search --json " << query);
    CHECK_MESSAGE((s.run.exit_code == 0 || s.run.exit_code == 1), s.run.err);
    s.lines = parse_lines(s.run.out);
    for (const auto& l : s.lines)
        if (l.is_object() && l.value("type", "") == "hit") s.hits.push_back(l.at("data"));
    return s;
}

Ids ids_of(const JsonSearch& s) {
    Ids out;
    for (const auto& h : s.hits) out.insert(h.at("id").get<std::string>());
    return out;
}

/// Ids of every hit of a query (up to 1000).
Ids ids(const std::string& query, const std::vector<std::string>& extra = {}) {
    return ids_of(search_json(query, extra));
}

/// `khabar search --count QUERY` as a number (-1 when the output is not one).
long count(const std::string& query, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"--count"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(query);
    RunResult r = on_sample("search", args);
    INFO("search --count " << query << "\n" << r.err);
    CHECK(r.exit_code == (r.out == "0\n" ? 1 : 0));
    try {
        return r.out.empty() || r.out.back() != '\n' ? -1 : std::stol(r.out);
    } catch (const std::exception&) {
        return -1;
    }
}

/// English and Urdu, dated and undated: the 39 `oil` records and the Urdu ones with پاکستان.
const std::string kMixedQuery = "oil OR پاکستان";

/// `search --json -n 1000 oil OR پاکستان` without filters (run once; Urdu snippets are slow
/// under the sanitizers).
const JsonSearch& mixed_all() {
    static const JsonSearch s = search_json(kMixedQuery);
    return s;
}

std::string join(const Ids& ids) {
    std::string s;
    for (const auto& id : ids) s += (s.empty() ? "" : " ") + id;
    return s;
}

/// The highlighted substrings of a hit's snippet (byte ranges applied to snippet.text).
std::vector<std::string> highlighted(const json& hit) {
    std::vector<std::string> out;
    const std::string text = hit.at("snippet").at("text").get<std::string>();
    for (const auto& h : hit.at("snippet").at("highlights")) {
        auto b = h.at(0).get<std::size_t>(), e = h.at(1).get<std::size_t>();
        if (b <= e && e <= text.size()) out.push_back(text.substr(b, e - b));
    }
    return out;
}

bool utf8_boundary(const std::string& s, std::size_t i) {
    return i == s.size() || (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80);
}

/// The code point starting at byte i of valid UTF-8 (0 at the end).
char32_t code_point_at(const std::string& s, std::size_t i) {
    if (i >= s.size()) return 0;
    auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (int k = 1; k <= n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    return cp;
}

/// Arabic combining marks (harakat, superscript alef): a highlight must not stop before one.
bool is_arabic_mark(char32_t cp) {
    return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
}

/// YYYY-MM-DD
bool is_iso_day(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

/// Does `text` have the word `a` followed by the word `b` (lower case), with only non-word
/// characters between them, in any case? (What \ba\W+b\b finds; std::regex is too slow here.)
bool adjacent_words(const std::string& text, const std::string& a, const std::string& b) {
    const std::string t = lower_ascii(text);
    auto word = [&](std::size_t i) {
        return i < t.size() && (std::isalnum(static_cast<unsigned char>(t[i])) || t[i] == '_');
    };
    for (std::size_t pos = t.find(a); pos != std::string::npos; pos = t.find(a, pos + 1)) {
        std::size_t end = pos + a.size(), next = end;
        if ((pos > 0 && word(pos - 1)) || word(end)) continue;
        while (next < t.size() && !word(next)) ++next;
        if (next > end && t.compare(next, b.size(), b) == 0 && !word(next + b.size())) return true;
    }
    return false;
}

/// `khabar export` of the sample, parsed (run once).
const std::vector<json>& exported() {
    static const std::vector<json> all = [] {
        RunResult r = on_sample("export", {});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return parse_lines(r.out);
    }();
    return all;
}

/// Run a bash script with SIGPIPE at its default disposition (as in a user's shell) and
/// KHABAR / DB / ERR in its environment; returns bash's exit status.
int run_bash(const std::string& script, const std::string& err_file) {
    const std::string db = sample().db;
    const char* env_bin = std::getenv("KHABAR_BIN");
    const std::string bin = env_bin && *env_bin ? env_bin : "khabar";
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);  // run_khabar ignores SIGPIPE in this process; undo for the child
        setenv("NO_COLOR", "1", 1);
        unsetenv("KHABAR_DB");
        setenv("KHABAR", bin.c_str(), 1);
        setenv("DB", db.c_str(), 1);
        setenv("ERR", err_file.c_str(), 1);
        execl("/bin/bash", "bash", "-c", script.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Does some line of `err` start with "khabar: " and contain every one of `parts`?
bool has_diag_line(const std::string& err, const std::vector<std::string>& parts) {
    for (const auto& line : split_lines(err)) {
        if (line.rfind("khabar: ", 0) != 0) continue;
        if (std::all_of(parts.begin(), parts.end(),
                        [&](const std::string& p) { return line.find(p) != std::string::npos; }))
            return true;
    }
    return false;
}

json stats_json(const std::string& db) {
    RunResult r = run_khabar({"stats", "--db", db, "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    json j = json::parse(r.out, nullptr, false);
    REQUIRE_MESSAGE(j.is_object(), r.out);
    return j;
}

}  // namespace

TEST_CASE("stemming: ship finds ships/shipped/shipping, and the highlight covers the inflection") {
    // testdata/README: `ship` occurs nowhere as a word; ships/shipped/shipping are in these 7.
    const Ids expected{"reuters-49",  "reuters-57",  "reuters-59",   "reuters-106",
                       "reuters-228", "reuters-281", "reuters-17357"};
    JsonSearch s = search_json("ship");
    CHECK(s.run.exit_code == 0);
    Ids got;
    std::set<std::string> words;
    for (const auto& h : s.hits) {
        got.insert(h.at("id").get<std::string>());
        CAPTURE(h.at("snippet").dump());
        auto hl = highlighted(h);
        CHECK_MESSAGE(!hl.empty(), "no highlight in the snippet of " << h.at("id"));
        for (const auto& w : hl) {
            words.insert(lower_ascii(w));
            CHECK_MESSAGE((lower_ascii(w) == "ships" || lower_ascii(w) == "shipped" ||
                           lower_ascii(w) == "shipping"),
                          "highlighted '" << w << "' for query ship");
        }
    }
    CHECK(join(got) == join(expected));
    CHECK(words.count("ships") == 1);    // the highlight is the word as written,
    CHECK(words.count("shipped") == 1);  // not the stem
    CHECK(join(ids("shipping")) == join(expected));

    // election and elections share the stem `elect`: each finds the other's 7 records.
    const Ids election{"reuters-28",  "reuters-88",  "reuters-209", "reuters-219",
                       "reuters-222", "reuters-234", "reuters-237"};
    Ids e1 = ids("election"), e2 = ids("elections");
    CHECK(join(e1) == join(e2));
    CHECK(std::includes(e1.begin(), e1.end(), election.begin(), election.end()));
}

TEST_CASE("queries are case-insensitive; U.S. = u.s. = US") {
    const Ids cocoa{"reuters-1", "reuters-275"};  // README: the only two with `cocoa`
    CHECK(join(ids("cocoa")) == join(cocoa));
    CHECK(join(ids("COCOA")) == join(cocoa));
    CHECK(join(ids("Cocoa")) == join(cocoa));

    // reuters-30 is a TYPE="BRIEF" block: an ALL-CAPS title and no body at all.
    RunResult brief = on_sample("show", {"--json", "reuters-30"});
    REQUIRE(brief.exit_code == 0);
    json b = json::parse(brief.out);
    REQUIRE(b.at("title").get<std::string>().rfind("ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE", 0) ==
            0);
    REQUIRE(b.at("body") == "");
    CHECK(ids("mutual").count("reuters-30") == 1);

    // About a third of the Reuters records write U.S. (reuters-1: "Destinations were the U.S.").
    Ids us_dotted = ids("U.S."), us_lower = ids("u.s."), us_plain = ids("US");
    CHECK(us_lower.count("reuters-1") == 1);
    CHECK(us_lower.size() >= 100);
    CHECK(join(us_dotted) == join(us_lower));
    CHECK(join(us_plain) == join(us_lower));
}

TEST_CASE("Urdu: Arabic letter forms, diacritics and Urdu digits find the Urdu spelling") {
    // Guard against an editor normalizing the literals below.
    const std::string kaf_ar = "\u0643", yeh_ar = "\u064A", zer = "\u0650", zabar = "\u064E",
                      super_alef = "\u0670";

    const std::string pakistan = "پاکستان";           // Urdu kaf U+06A9
    const std::string pakistan_ar = "پاكستان";        // Arabic kaf U+0643
    const std::string pakistan_zer = "پاکِستان";       // zer U+0650 after kaf
    const std::string pakistan_zabar_ar = "پاكَستان";  // Arabic kaf + zabar U+064E
    REQUIRE(pakistan_ar.find(kaf_ar) != std::string::npos);
    REQUIRE(pakistan_zer.find(zer) != std::string::npos);
    REQUIRE(pakistan_zabar_ar.find(zabar) != std::string::npos);
    REQUIRE(pakistan_zabar_ar.find(kaf_ar) != std::string::npos);

    Ids base = ids(pakistan);
    CHECK(base.size() >= 45);  // README: 49 records have it as a word, 53 as a substring
    CHECK(base.size() <= 53);
    CHECK(count(pakistan_ar) == static_cast<long>(base.size()));
    CHECK(count(pakistan_zer) == static_cast<long>(base.size()));
    {
        // Arabic kaf and a diacritic: the same articles, and the highlight is the word as the
        // article writes it.
        JsonSearch s = search_json(pakistan_zabar_ar);
        CHECK(join(ids_of(s)) == join(base));
        std::size_t highlights = 0;
        for (const auto& h : s.hits)
            for (const auto& w : highlighted(h)) {
                ++highlights;
                CHECK_MESSAGE(w == pakistan, h.at("id") << ": highlighted '" << w << "'");
            }
        CHECK(highlights >= base.size() / 2);
    }

    // Arabic yeh: samaa-840 writes سينئر (U+064A), express-699 سینئر (README: 2 records).
    const std::string senior = "سینئر", senior_ar = "سينئر";
    REQUIRE(senior_ar.find(yeh_ar) != std::string::npos);
    const Ids seniors{"express-699", "samaa-840"};
    CHECK(join(ids(senior)) == join(seniors));
    {
        JsonSearch s = search_json(senior_ar);
        CHECK(join(ids_of(s)) == join(seniors));
        std::map<std::string, std::vector<std::string>> hl;
        for (const auto& h : s.hits) hl[h.at("id").get<std::string>()] = highlighted(h);
        INFO("express-699: " << (hl["express-699"].empty() ? "" : hl["express-699"][0]));
        INFO("samaa-840: " << (hl["samaa-840"].empty() ? "" : hl["samaa-840"][0]));
        CHECK(hl["express-699"] == std::vector<std::string>{senior});   // as written there
        CHECK(hl["samaa-840"] == std::vector<std::string>{senior_ar});  // and there
    }

    // امریکا (Urdu letters) / امريكا (Arabic yeh + kaf): 9 records once folded (README).
    const std::string america = "امریکا", america_ar = "امريكا";
    REQUIRE(america_ar.find(yeh_ar) != std::string::npos);
    REQUIRE(america_ar.find(kaf_ar) != std::string::npos);
    Ids am = ids(america);
    CHECK(am.size() == 9);
    CHECK(join(ids(america_ar)) == join(am));

    // Superscript alef: the sample writes اعلیٰ and دعویٰ; typing them without the mark (or with
    // Arabic yeh) finds the same, and the highlight keeps the mark.
    const std::string ala = "اعلیٰ", ala_bare = "اعلی", dawa = "دعویٰ", dawa_ar = "دعوي";
    REQUIRE(ala.find(super_alef) != std::string::npos);
    REQUIRE(ala_bare.find(super_alef) == std::string::npos);
    REQUIRE(dawa_ar.find(yeh_ar) != std::string::npos);
    Ids ala_ids = ids(ala);
    CHECK(!ala_ids.empty());
    Ids dawa_ids = ids(dawa);
    CHECK(!dawa_ids.empty());
    CHECK(join(ids(dawa_ar)) == join(dawa_ids));
    {
        JsonSearch s = search_json(ala_bare);
        CHECK(join(ids_of(s)) == join(ala_ids));
        std::set<std::string> words;
        for (const auto& h : s.hits) {
            const std::string text = h.at("snippet").at("text").get<std::string>();
            for (const auto& r : h.at("snippet").at("highlights")) {
                auto e = r.at(1).get<std::size_t>();
                CHECK_MESSAGE(!is_arabic_mark(code_point_at(text, e)),
                              h.at("id") << ": highlight stops before a diacritic");
            }
            for (const auto& w : highlighted(h)) words.insert(w);
        }
        CHECK(words.count(ala) == 1);
    }

    // Urdu and Arabic-Indic digits match the ASCII digits of the text (the Urdu records write
    // years such as 2024 in ASCII digits).
    Ids y2024 = ids("2024");
    CHECK(!y2024.empty());
    CHECK(count("٢٠٢٤") == static_cast<long>(y2024.size()));  // Arabic-Indic U+0662 U+0660 ...
    {
        JsonSearch s = search_json("۲۰۲۴");  // Urdu digits U+06F2 U+06F0 U+06F2 U+06F4
        CHECK(join(ids_of(s)) == join(y2024));
        for (const auto& h : s.hits)
            for (const auto& w : highlighted(h)) CHECK(w == "2024");
    }
}

TEST_CASE("a quoted phrase needs the words adjacent and in order") {
    Ids phrase = ids("\"oil prices\"");
    Ids words = ids("oil prices");
    CHECK(!phrase.empty());
    CHECK(words.size() > phrase.size());
    CHECK(std::includes(words.begin(), words.end(), phrase.begin(), phrase.end()));

    // The phrase hits are exactly the articles whose title or body has "oil" then "prices"
    // with only punctuation/space between (any case).
    Ids expected;
    for (const auto& a : exported())
        if (adjacent_words(a.at("title").get<std::string>(), "oil", "prices") ||
            adjacent_words(a.at("body").get<std::string>(), "oil", "prices"))
            expected.insert(a.at("id").get<std::string>());
    CHECK(join(phrase) == join(expected));

    // Urdu: "وزیر اعظم" as two words, 7 records (README).
    CHECK(ids("\"وزیر اعظم\"").size() == 7);
}

/// The highlighted words of each full (not partial) hit's snippet, in order, each with whether
/// only spaces or ASCII punctuation stand between it and the one before ("said. It").
std::vector<std::vector<std::pair<std::string, bool>>> snippet_marks(const std::string& json_out) {
    std::vector<std::vector<std::pair<std::string, bool>>> hits;
    for (const auto& d : khabar::test::hit_data(json_out)) {
        if (d.at("partial").get<bool>()) continue;
        const std::string text = d.at("snippet").at("text");
        std::vector<std::pair<std::string, bool>> marks;
        std::size_t prev_end = std::string::npos;
        for (const auto& h : d.at("snippet").at("highlights")) {
            const std::size_t a = h.at(0), b = h.at(1);
            bool next_to = prev_end != std::string::npos && a > prev_end;
            for (std::size_t k = prev_end; next_to && k < a; ++k)
                next_to = static_cast<unsigned char>(text[k]) < 0x80 &&
                          !std::isalnum(static_cast<unsigned char>(text[k]));
            marks.emplace_back(text.substr(a, b - a), next_to);
            prev_end = b;
        }
        hits.push_back(std::move(marks));
    }
    return hits;
}

TEST_CASE("highlights: a split compound or a phrase only where its words stand together") {
    // وزيراعظم also finds "وزیر اعظم"; a lone وزیر (وزیر خزانہ, minister of finance) is not a match
    // and must not be highlighted.
    RunResult pm = on_sample("search", {"--json", "-n", "50", "وزيراعظم"});
    REQUIRE(pm.exit_code == 0);
    const std::string vazir = "وزیر", azam = "اعظم";
    std::size_t pairs = 0, joined = 0;
    for (const auto& marks : snippet_marks(pm.out)) {
        for (std::size_t i = 0; i < marks.size(); ++i) {
            CAPTURE(marks[i].first);
            if (marks[i].first == "وزیراعظم") {
                ++joined;
                continue;
            }
            // Each half is marked only next to the other: وزیر, then اعظم right after it.
            const bool first_half = marks[i].first == vazir && i + 1 < marks.size() &&
                                    marks[i + 1].first == azam && marks[i + 1].second;
            const bool second_half =
                marks[i].first == azam && i > 0 && marks[i - 1].first == vazir && marks[i].second;
            CHECK((first_half || second_half));
            pairs += first_half;
        }
    }
    CHECK(pairs > 0);
    CHECK(joined > 0);
    // A phrase: every full hit's snippet holds the phrase, and only its words together are marked
    // (reuters-17199 used to show "… oil … crude prices …" for "crude oil").
    for (const std::vector<std::string>& phrase :
         {std::vector<std::string>{"crude", "oil"}, {"last", "year"}, {"said", "it"}}) {
        const std::string q = "\"" + phrase[0] + " " + phrase[1] + "\"";
        CAPTURE(q);
        RunResult r = on_sample("search", {"--json", "-n", "50", q});
        REQUIRE(r.exit_code == 0);
        const auto hits = snippet_marks(r.out);
        CHECK(hits.size() >= 9);
        for (const auto& marks : hits) {
            REQUIRE(marks.size() >= 2);  // the phrase is in the snippet
            REQUIRE(marks.size() % 2 == 0);
            for (std::size_t i = 0; i < marks.size(); i += 2) {
                CHECK(lower_ascii(marks[i].first) == phrase[0]);
                CHECK(lower_ascii(marks[i + 1].first) == phrase[1]);
                CHECK(marks[i + 1].second);
            }
        }
    }
}

TEST_CASE("--since/--until: inclusive days, months, years; undated never match") {
    // Every hit of `oil OR پاکستان` with its date: 39 dated Reuters records, undated Urdu ones.
    const JsonSearch& all = mixed_all();
    std::map<std::string, std::string> date_of;  // id -> date ("" = null)
    for (const auto& h : all.hits)
        date_of[h.at("id").get<std::string>()] =
            h.at("date").is_string() ? h.at("date").get<std::string>() : "";
    REQUIRE(std::count_if(date_of.begin(), date_of.end(),
                          [](auto& kv) { return kv.second.empty(); }) >= 45);
    REQUIRE(std::count_if(date_of.begin(), date_of.end(),
                          [](auto& kv) { return !kv.second.empty(); }) == 39);

    struct Range {
        std::string since, until;
        long count;               // `lang:en` (every Reuters record) in the range, README
        std::string first, last;  // the days it covers
    };
    const Range ranges[] = {
        {"1987-02-26", "1987-02-26", 229, "1987-02-26", "1987-02-26"},
        {"1987-03-02", "1987-03-02", 32, "1987-03-02", "1987-03-02"},  // boundary = whole day
        {"1987-02-27", "1987-02-28", 0, "1987-02-27", "1987-02-28"},
        {"1987-03", "1987-03", 71, "1987-03-01", "1987-03-31"},
        {"1987-03-01", "1987-04-21", 78, "1987-03-01", "1987-04-21"},  // 71 + 7 on 04-21
        {"1987-04", "1987-04", 49, "1987-04-01", "1987-04-30"},
        {"1987-05", "1987-05", 0, "1987-05-01", "1987-05-31"},
        {"1987-06", "1987-06", 14, "1987-06-01", "1987-06-30"},
        {"1987", "1987", 363, "1987-01-01", "1987-12-31"},
        {"1987-04-01", "", 63, "1987-04-01", "9999-12-31"},
        {"", "1987-03-01", 268, "0000-01-01", "1987-03-01"},
    };
    for (const auto& r : ranges) {
        std::vector<std::string> filter;
        if (!r.since.empty()) filter.insert(filter.end(), {"--since", r.since});
        if (!r.until.empty()) filter.insert(filter.end(), {"--until", r.until});
        CAPTURE(r.since);
        CAPTURE(r.until);

        CHECK(count("lang:en", filter) == r.count);

        // Exactly the dated hits of the unfiltered search that fall in the range: no undated
        // (Urdu) article, nothing outside, boundary days included.
        JsonSearch s = search_json(kMixedQuery, filter);
        CHECK(s.run.exit_code == (s.hits.empty() ? 1 : 0));
        Ids expected;
        for (const auto& [id, d] : date_of)
            if (!d.empty() && d >= r.first && d <= r.last) expected.insert(id);
        CHECK(join(ids_of(s)) == join(expected));
        for (const auto& h : s.hits) {
            REQUIRE_MESSAGE(h.at("date").is_string(), h.at("id") << " has no date");
            const std::string d = h.at("date").get<std::string>();
            CHECK_MESSAGE((d >= r.first && d <= r.last), h.at("id") << " dated " << d);
            CHECK(h.at("lang") == "en");
        }
    }

    // A single day: all its articles, and only that day.
    {
        JsonSearch s = search_json("lang:en", {"--since", "1987-03-02", "--until", "1987-03-02"});
        CHECK(s.run.exit_code == 0);
        CHECK(s.hits.size() == 32);
        std::set<std::string> days;
        for (const auto& h : s.hits)
            days.insert(h.at("date").is_string() ? h.at("date").get<std::string>() : "null");
        CHECK(days == std::set<std::string>{"1987-03-02"});
    }

    // Undated (Urdu) articles never pass a date filter, however wide (the table above checks
    // that none comes with --since or --until alone).
    CHECK(count("lang:ur") == 116);
    CHECK(count("lang:ur", {"--since", "1900", "--until", "2100"}) == 0);

    // Nothing in May 1987: no hit, exit 1, nothing on stdout.
    RunResult may = on_sample("search", {"--since", "1987-05", "--until", "1987-05", "lang:en"});
    CHECK(may.exit_code == 1);
    CHECK(may.out.empty());

    // A bad date is an error that names the flag.
    for (const auto& [flag, value] : std::vector<std::pair<std::string, std::string>>{
             {"--since", "1987-13"}, {"--until", "1987-02-30"}}) {
        CAPTURE(flag);
        CAPTURE(value);
        RunResult r = on_sample("search", {flag, value, "cocoa"});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK_MESSAGE(has_diag_line(r.err, {flag}), "stderr: " << r.err);
    }
}

TEST_CASE("--json: JSON Lines only, begin / hit... / summary, hit fields, highlight offsets") {
    const std::string& query = kMixedQuery;
    const JsonSearch& s = mixed_all();
    CHECK(s.run.exit_code == 0);
    CHECK(s.run.err.empty());  // results only on stdout; nothing else on stderr
    REQUIRE(!s.run.out.empty());
    CHECK(s.run.out.back() == '\n');
    REQUIRE(s.lines.size() == split_lines(s.run.out).size());  // every line parsed
    REQUIRE(s.lines.size() >= 3);

    const json& begin = s.lines.front();
    CHECK(begin.at("type") == "begin");
    CHECK(begin.at("data").is_object());
    CHECK(begin.at("data").at("query") == query);
    const json& summary = s.lines.back();
    CHECK(summary.at("type") == "summary");
    CHECK(summary.at("data").at("returned") == s.hits.size());
    CHECK(summary.at("data").at("elapsed_ms").is_number());
    CHECK(s.hits.size() == s.lines.size() - 2);
    CHECK(s.hits.size() >= 39 + 45);  // 39 `oil` records, about 50 with پاکستان

    std::set<std::string> langs;
    bool null_date = false;
    std::size_t highlighted_hits = 0;
    for (std::size_t i = 0; i < s.hits.size(); ++i) {
        const json& line = s.lines[i + 1];
        const json& h = line.at("data");
        CAPTURE(line.dump());
        CHECK(line.at("type") == "hit");
        CHECK(h.at("rank") == i + 1);
        CHECK(h.at("id").is_string());
        CHECK(h.at("score").is_number());
        CHECK((h.at("date").is_null() || h.at("date").is_string()));
        if (h.at("date").is_string()) CHECK(is_iso_day(h.at("date").get<std::string>()));
        null_date = null_date || h.at("date").is_null();
        CHECK(h.at("title").is_string());
        CHECK((h.at("url").is_string() || h.at("url").is_null()));
        CHECK(h.at("source").is_string());
        REQUIRE(h.at("lang").is_string());
        langs.insert(h.at("lang").get<std::string>());
        CHECK(h.at("origin").is_object());
        REQUIRE(h.at("snippet").is_object());
        REQUIRE(h.at("snippet").at("text").is_string());
        REQUIRE(h.at("snippet").at("highlights").is_array());
        const std::string text = h.at("snippet").at("text").get<std::string>();
        if (!h.at("snippet").at("highlights").empty()) ++highlighted_hits;
        for (const auto& r : h.at("snippet").at("highlights")) {
            REQUIRE(r.is_array());
            REQUIRE(r.size() == 2);
            auto b = r.at(0).get<std::size_t>(), e = r.at(1).get<std::size_t>();
            CHECK(b < e);
            CHECK(e <= text.size());
            CHECK(utf8_boundary(text, b));
            CHECK(utf8_boundary(text, e));
        }
        // The hit's id is on stdout only.
        CHECK(s.run.err.find(h.at("id").get<std::string>()) == std::string::npos);
    }
    CHECK(langs == std::set<std::string>{"en", "ur"});
    CHECK(null_date);  // the Urdu hits are undated: null, not "" or a made-up day
    CHECK(highlighted_hits >= s.hits.size() / 2);

    // No hit: still begin + summary, exit 1.
    JsonSearch none = search_json("zzyzxqqv");
    CHECK(none.run.exit_code == 1);
    REQUIRE(none.lines.size() == 2);
    CHECK(none.lines[0].at("type") == "begin");
    CHECK(none.lines[1].at("type") == "summary");
    CHECK(none.lines[1].at("data").at("returned") == 0);
}

TEST_CASE("re-indexing the same dump changes nothing; --overwrite starts afresh") {
    const Sample& s = sample();
    // The fixture seeded the db with bad/broken.csv, then ran `index --overwrite` on the sample.
    CHECK(s.seed.exit_code == 1);
    json st = stats_json(s.db);
    CHECK(st.at("documents") == 479);
    RunResult gone = on_sample("show", {"broken-9"});
    CHECK_MESSAGE(gone.exit_code == 1, "an article of the overwritten db survived --overwrite");
    CHECK(on_sample("show", {"express-9"}).exit_code == 0);

    // Index the same dump again into a copy of the db (no --overwrite).
    const std::string twice = (s.dir / "twice.db").string();
    fs::remove_all(twice);
    fs::copy(s.db, twice, fs::copy_options::recursive);
    RunResult again = run_khabar({"index", "--db", twice, testdata("sample-news.tar.gz").string()});
    CHECK_MESSAGE(again.exit_code == 0, again.err);
    json st2 = stats_json(twice);
    CHECK(st2.at("documents") == 479);
    CHECK(st2.at("languages") == st.at("languages"));
    CHECK(st2.at("dated") == st.at("dated"));
    RunResult ex = run_khabar({"export", "--db", twice});
    REQUIRE(ex.exit_code == 0);
    std::vector<std::string> a = split_lines(ex.out), b;
    for (const auto& j : exported()) b.push_back(j.dump());
    for (auto& l : a) l = json::parse(l).dump();
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    CHECK_MESSAGE(a == b, "the articles differ after indexing the same dump twice");
}

TEST_CASE("a corrupt record is reported and skipped; the rest is indexed") {
    const fs::path dir = sample().dir;

    SUBCASE("JSONL with a truncated line 5") {
        const std::string db = (dir / "mixed.db").string();
        RunResult r = run_khabar({"index", "--db", db, testdata("bad/mixed.jsonl").string()});
        CHECK(r.exit_code == 1);
        CHECK_MESSAGE((has_diag_line(r.err, {"mixed.jsonl:5"}) ||
                       has_diag_line(r.err, {"mixed.jsonl", "line 5"})),
                      "stderr: " << r.err);
        CHECK(stats_json(db).at("documents") == 9);
        CHECK(run_khabar({"show", "--db", db, "reuters-17005"}).exit_code == 1);
        CHECK(run_khabar({"show", "--db", db, "reuters-17004", "reuters-17006"}).exit_code == 0);
    }
    SUBCASE("CSV with a short row (data row 3, line 4)") {
        const std::string db = (dir / "broken.db").string();
        RunResult r = run_khabar({"index", "--db", db, testdata("bad/broken.csv").string()});
        CHECK(r.exit_code == 1);
        CHECK_MESSAGE((has_diag_line(r.err, {"broken.csv:4"}) ||
                       has_diag_line(r.err, {"broken.csv", "line 4"})),
                      "stderr: " << r.err);
        CHECK(stats_json(db).at("documents") == 4);
        RunResult e = run_khabar({"export", "--db", db});
        std::set<std::string> titles;
        for (const auto& j : parse_lines(e.out)) titles.insert(j.at("title").get<std::string>());
        CHECK(titles.size() == 4);
    }
    SUBCASE("tar.gz cut at 60 %") {
        const std::string db = (dir / "truncated.db").string();
        RunResult r = run_khabar({"index", "--db", db, testdata("bad/truncated.tar.gz").string()});
        CHECK(r.exit_code == 1);
        // Where the reader notices depends on buffering: inside the .sgm or the .jsonl.
        CHECK_MESSAGE((has_diag_line(r.err, {"truncated.tar.gz", "reuters/reut2-sample.sgm"}) ||
                       has_diag_line(r.err, {"truncated.tar.gz", "reuters/reuters-extra.jsonl"})),
                      "stderr: " << r.err);
        json st = stats_json(db);
        CHECK(st.at("documents") > 0);
        CHECK(st.at("documents") < 479);
        RunResult c = run_khabar({"search", "--db", db, "--json", "cocoa"});
        CHECK(c.exit_code == 0);
        CHECK(c.out.find("\"reuters-1\"") != std::string::npos);
    }
}

TEST_CASE("flags that cannot apply say so: -n, --offset, --ids -n, conflicting outputs, no query") {
    // A usage error: exit 2, nothing on stdout, the reason (and what to do) on stderr.
    auto refused = [](const std::vector<std::string>& args, const std::string& words) {
        RunResult r = on_sample("search", args);
        CAPTURE(words);
        CAPTURE(r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(has_diag_line(r.err, {"error:", words}));
        return r;
    };
    // -n 0 is refused (--count gives the number alone); -n -1 and --offset -1 too.
    CHECK(has_diag_line(refused({"-n", "0", "cocoa"}, "-n 0").err, {"hint", "--count"}));
    refused({"-n", "-1", "cocoa"}, "-n -1");
    refused({"--offset", "-1", "cocoa"}, "--offset -1");
    // One output at a time; --json only where it means something; -n only where it applies.
    refused({"--ids", "--json", "oil"}, "--json does not apply to --ids");
    refused({"--export", "csv", "--json", "oil"}, "--json does not apply to --export");
    refused({"--histogram", "year", "--count", "oil"}, "two different outputs");
    refused({"--ids", "--export", "csv", "oil"}, "two different outputs");
    refused({"--export", "jsonl", "-n", "3", "oil"}, "-n does not apply to --export");
    refused({"--normalize", "oil"}, "--normalize applies only to --histogram");
    // An empty query is a usage error, not "no articles match".
    refused({""}, "the query is empty");
    refused({"  "}, "the query is empty");

    // --offset past the end: how many there are and where the last page starts.
    RunResult all = on_sample("search", {"--count", "--no-collapse", "oil"});
    REQUIRE(all.exit_code == 0);
    const int matches = std::stoi(all.out);
    REQUIRE(matches > 10);
    RunResult past = on_sample("search", {"--offset", "1000", "--no-collapse", "oil"});
    CHECK(past.exit_code == 1);
    CHECK(past.out.empty());
    CHECK(has_diag_line(
        past.err, {"no results on this page: " + std::to_string(matches) + " matches",
                   "last page starts at --offset " + std::to_string((matches - 1) / 10 * 10)}));
    CHECK_FALSE(has_diag_line(past.err, {"no articles match"}));

    // --ids honours -n and --offset: a page of the same ids, in the same order.
    const std::vector<std::string> every = split_lines(on_sample("search", {"--ids", "oil"}).out);
    REQUIRE(every.size() > 5);
    CHECK(split_lines(on_sample("search", {"--ids", "-n", "3", "oil"}).out) ==
          std::vector<std::string>(every.begin(), every.begin() + 3));
    CHECK(split_lines(on_sample("search", {"--ids", "--offset", "2", "-n", "3", "oil"}).out) ==
          std::vector<std::string>(every.begin() + 2, every.begin() + 5));

    // A misspelt flag or command: the nearest one (edit distance up to 2) is suggested.
    RunResult sinse = on_sample("search", {"--sinse", "1987", "cocoa"});
    CHECK(sinse.exit_code == 2);
    CHECK(has_diag_line(sinse.err, {"hint", "did you mean --since?"}));
    CHECK(has_diag_line(on_sample("show", {"--jsn", "reuters-1"}).err,
                        {"hint", "did you mean --json?"}));
    CHECK(has_diag_line(run_khabar({"serch", "cocoa"}).err, {"hint", "did you mean search?"}));
    CHECK_FALSE(has_diag_line(on_sample("search", {"--zzzzzz", "cocoa"}).err, {"did you mean"}));
}

TEST_CASE("did you mean: only for a query that found little, and only what finds clearly more") {
    // The suggestion of a search, from the JSON summary ("" when none).
    auto suggestion = [](const std::string& q) {
        RunResult r = on_sample("search", {"--json", q});
        for (const auto& j : parse_lines(r.out))
            if (j.at("type") == "summary" && j.at("data").at("suggestion").is_string())
                return j.at("data").at("suggestion").get<std::string>();
        return std::string();
    };
    auto count = [](const std::string& q) {
        return std::stoi(on_sample("search", {"--count", "--no-collapse", q}).out);
    };
    // A dead end still gets one: cocao finds nothing, cocoa something.
    CHECK(suggestion("cocao") == "cocoa");
    CHECK(suggestion("oill") == "oil");
    // milk (1 article) is not a typo of mill (3 articles: not 3 times as many, nor 5).
    REQUIRE(count("milk") == 1);
    REQUIRE(count("mill") < 5);
    CHECK(suggestion("milk") == "");
    // Dropping a diacritic or a comma is no suggestion: the search already ignores them.
    CHECK(suggestion("نامزدِ،") == "");
    CHECK(suggestion("ہوگی، اور") == "");
    // A pasted passage finds its article; the same words, a few of them changed, find no more.
    RunResult shown = on_sample("show", {"--json", "samaa-372"});
    REQUIRE(shown.exit_code == 0);
    std::istringstream body(parse_lines(shown.out).at(0).at("body").get<std::string>());
    std::string passage, w;
    for (int i = 0; i < 20 && body >> w; ++i) passage += (passage.empty() ? "" : " ") + w;
    CHECK(count(passage) >= 1);
    CHECK(suggestion(passage) == "");
    // A query with a page of results or more never gets one.
    REQUIRE(count("oil") >= 10);
    CHECK(suggestion("oil") == "");
}

TEST_CASE("--export: one field set for csv and jsonl; csv-excel for spreadsheets; show separates") {
    RunResult csv = on_sample("search", {"--export", "csv", "--lang", "ur", "وزیراعظم"});
    RunResult jsonl = on_sample("search", {"--export", "jsonl", "--lang", "ur", "وزیراعظم"});
    REQUIRE(csv.exit_code == 0);
    REQUIRE(jsonl.exit_code == 0);
    // The CSV header names exactly the keys of every JSONL object, date_source and score included.
    const std::string header = csv.out.substr(0, csv.out.find("\r\n"));
    std::set<std::string> columns;
    std::istringstream in(header);
    for (std::string c; std::getline(in, c, ',');) columns.insert(c);
    CHECK(columns.count("date_source") == 1);
    CHECK(columns.count("score") == 1);
    const auto records = parse_lines(jsonl.out);
    REQUIRE(records.size() > 3);
    for (const auto& r : records) {
        std::set<std::string> keys;
        for (const auto& [k, v] : r.items()) keys.insert(k);
        CHECK(keys == columns);
        CHECK(r.at("score").is_number());
        CHECK(r.at("score").get<double>() > 0);
    }
    // csv-excel: the same CSV after a UTF-8 byte order mark (so Urdu opens right), CRLF lines.
    RunResult excel = on_sample("search", {"--export", "csv-excel", "--lang", "ur", "وزیراعظم"});
    REQUIRE(excel.exit_code == 0);
    CHECK(excel.out == "\xEF\xBB\xBF" + csv.out);
    CHECK(csv.out.rfind("\xEF\xBB\xBF", 0) == std::string::npos);  // plain csv: no mark
    CHECK(csv.out.find("\r\n") == header.size());

    // show ID ID: a rule line between the articles, none before the first or after the last.
    const std::string rule = [] {
        std::string r;
        for (int i = 0; i < 80; ++i) r += "─";
        return r;
    }();
    RunResult one = on_sample("show", {"reuters-1"});
    RunResult two = on_sample("show", {"reuters-1", "reuters-2"});
    REQUIRE(two.exit_code == 0);
    CHECK(one.out.find(rule) == std::string::npos);
    const auto lines = split_lines(two.out);
    CHECK(std::count(lines.begin(), lines.end(), rule) == 1);
    CHECK(two.out.find(rule) > two.out.find("reuters-1"));
    CHECK(two.out.find(rule) < two.out.find("reuters-2"));
}

TEST_CASE("khabar starts without the shared libraries a search does not use") {
    // LD_TRACE_LOADED_OBJECTS (what ldd sets): the dynamic loader lists what it would load, and
    // exits. Every library is work at the start of every `khabar search` (bench/REPORT.md).
    const RunResult r = run_khabar({"--version"}, "", {"LD_TRACE_LOADED_OBJECTS=1"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("libxapian") != std::string::npos);
    for (const char* lib : {"libarchive", "libxml2", "libcld2", "libfmt"}) {
        INFO(lib);
        CHECK(r.out.find(lib) == std::string::npos);
    }
#ifdef KHABAR_STATIC_ICU
    // ICU's code is linked in; its data is opened by the first normalization (cli/icu_data.cc),
    // which the Urdu searches of this file go through.
    CHECK(r.out.find("libicu") == std::string::npos);
#endif
}

TEST_CASE("exit codes; show, export and stats") {
    RunResult hit = on_sample("search", {"cocoa"});
    CHECK(hit.exit_code == 0);
    CHECK(hit.out.find("reuters-1") != std::string::npos);
    RunResult none = on_sample("search", {"zzyzxqqv"});
    CHECK(none.exit_code == 1);
    CHECK(none.out.empty());

    const std::string missing = (sample().dir / "no-such.db").string();
    for (const char* command : {"search", "show", "export", "stats"}) {
        const std::string cmd = command;
        CAPTURE(cmd);
        std::vector<std::string> args{cmd, "--db", missing};
        if (cmd == "search") args.push_back("cocoa");
        if (cmd == "show") args.push_back("reuters-1");
        RunResult r = run_khabar(args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK_MESSAGE(has_diag_line(r.err, {missing}), "stderr: " << r.err);
        auto diag_lines =
            std::count_if(r.err.begin(), r.err.end(), [](char c) { return c == '\n'; });
        CHECK_MESSAGE(diag_lines >= 2, "no hint after the message: " << r.err);
        CHECK(has_diag_line(r.err, {"khabar index"}));  // how to build one
        CHECK(!fs::exists(missing));                    // reading never creates a database
    }

    RunResult no_id = on_sample("show", {"reuters-999999"});
    CHECK(no_id.exit_code == 1);
    CHECK(no_id.out.empty());
    CHECK(has_diag_line(no_id.err, {"reuters-999999"}));
    RunResult shown = on_sample("show", {"reuters-1"});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out.find("BAHIA COCOA REVIEW") != std::string::npos);
    CHECK(on_sample("show", {"reuters-1", "reuters-999999"}).exit_code == 1);

    RunResult sj = on_sample("show", {"--json", "reuters-1", "express-9"});
    CHECK(sj.exit_code == 0);
    std::vector<json> arts = parse_lines(sj.out);
    REQUIRE(arts.size() == 2);
    for (const auto& a : arts)
        for (const char* key : {"id", "title", "date", "url", "source", "lang", "author", "section",
                                "body", "origin"})
            CHECK_MESSAGE(a.contains(key), a.value("id", "?") << " lacks " << key);
    CHECK(arts[0].at("id") == "reuters-1");
    CHECK(arts[0].at("title") == "BAHIA COCOA REVIEW");
    CHECK(arts[0].at("date") == "1987-02-26");
    CHECK(arts[0].at("lang") == "en");
    CHECK(arts[0].at("source") == "Reuters");
    CHECK(arts[0].at("body").get<std::string>().rfind("Showers continued throughout the week", 0) ==
          0);
    CHECK(arts[0].at("origin").dump().find("reuters/reut2-sample.sgm") != std::string::npos);
    CHECK(arts[1].at("id") == "express-9");
    CHECK(arts[1].at("date").is_null());
    CHECK(arts[1].at("lang") == "ur");
    CHECK(arts[1].at("origin").dump().find("urdu/express.csv") != std::string::npos);

    json st = stats_json(sample().db);
    CHECK(st.at("documents") == 479);
    CHECK(st.at("languages") == json{{"en", 363}, {"ur", 116}});
    CHECK(st.at("dated") == 363);
    CHECK(st.at("date_min") == "1987-02-26");
    CHECK(st.at("date_max") == "1987-06-02");
    CHECK(st.at("size_bytes").is_number_integer());
    CHECK(st.at("size_bytes") > 0);

    const auto& all = exported();
    CHECK(all.size() == st.at("documents").get<std::size_t>());
    Ids unique;
    for (const auto& a : all) unique.insert(a.value("id", ""));
    CHECK(unique.size() == all.size());
    CHECK(unique.count("reuters-17888") == 1);
    CHECK(unique.count("ufn-tch71") == 1);
}

TEST_CASE("a broken pipe (khabar ... | head -c 10) ends quietly with status 0") {
    const fs::path err = sample().dir / "pipe.err";
    // Each writes far more than a pipe buffer (64 KiB), so khabar meets the closed pipe.
    // (search: 117 KB, --json: 133 KB, export: about 1 MB)
    const std::string big = " -n 1000 --snippet-length 100000 'oil OR wheat OR dollar'";
    for (const std::string& cmd :
         {"\"$KHABAR\" search --db \"$DB\"" + big, "\"$KHABAR\" search --db \"$DB\" --json" + big,
          std::string("\"$KHABAR\" export --db \"$DB\"")}) {
        CAPTURE(cmd);
        fs::remove(err);
        int rc = run_bash("set -o pipefail; " + cmd + " 2>\"$ERR\" | head -c 10 >/dev/null", err);
        CHECK(rc == 0);
        CHECK(read_file(err) == "");
    }
}

TEST_CASE("colour: only when asked for (or on a TTY), never with --json") {
    const std::vector<std::string> env{"NO_COLOR", "TERM=xterm-256color"};  // NO_COLOR unset
    RunResult always = on_sample("search", {"--color", "always", "cocoa"}, env);
    CHECK(always.exit_code == 0);
    CHECK(always.out.find("\x1b[") != std::string::npos);

    RunResult piped = on_sample("search", {"cocoa"}, env);  // stdout is a pipe, not a TTY
    CHECK(piped.exit_code == 0);
    CHECK(piped.out.find('\x1b') == std::string::npos);
    CHECK(piped.err.find('\x1b') == std::string::npos);

    RunResult never = on_sample("search", {"--color", "never", "cocoa"}, env);
    CHECK(never.out.find('\x1b') == std::string::npos);

    RunResult js = on_sample("search", {"--json", "--color", "always", "cocoa"}, env);
    CHECK(js.exit_code == 0);
    CHECK(js.out.find('\x1b') == std::string::npos);
    CHECK(js.err.find('\x1b') == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Terminal output: bidi modes, 80 columns, whole-word highlights, --help, golden transcripts.

namespace {

/// Text without ANSI SGR sequences (ESC [ … m).
std::string strip_sgr(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {
            std::size_t m = s.find('m', i);
            if (m != std::string::npos) {
                i = m;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

/// Columns a line takes in a terminal (marks and format characters 0, wide characters 2).
std::size_t columns(const std::string& line) {
    std::size_t w = 0;
    for (int32_t i = 0, n = static_cast<int32_t>(line.size()); i < n;) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), i, n, c);
        const auto t = u_charType(c);
        if (c < 0) {
            ++w;
        } else if (t != U_NON_SPACING_MARK && t != U_ENCLOSING_MARK && t != U_FORMAT_CHAR &&
                   t != U_CONTROL_CHAR) {
            const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
            w += ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
        }
    }
    return w;
}

bool has_arabic_script(const std::string& s) {
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFEFF)) return true;
    }
    return false;
}

/// Arabic presentation forms (what visual mode's shaping writes).
bool has_presentation_forms(const std::string& s) {
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
        if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) return true;
    }
    return false;
}

/// A letter, mark or digit of any script, or ZWJ/ZWNJ (a highlight must not stop next to one).
bool word_cp(UChar32 c) {
    const auto t = u_charType(c);
    return c == 0x200C || c == 0x200D || u_isalnum(c) || t == U_NON_SPACING_MARK ||
           t == U_COMBINING_SPACING_MARK;
}

/// Every highlighted span (between the match colour and the reset) of coloured output, with
/// the code points just outside it; empty string when a span is not whole words.
std::vector<std::string> split_highlights(const std::string& coloured) {
    std::vector<std::string> bad;
    const std::string on = "\x1b[1;31m", off = "\x1b[0m";
    for (std::size_t p = coloured.find(on); p != std::string::npos; p = coloured.find(on, p + 1)) {
        const std::size_t a = p + on.size(), b = coloured.find(off, a);
        REQUIRE(b != std::string::npos);
        // The text right before and after, without colour codes.
        const std::string before = strip_sgr(coloured.substr(0, p));
        const std::string after = strip_sgr(coloured.substr(b, 16));
        UChar32 prev = -1, next = -1;
        if (!before.empty()) {
            auto k = static_cast<int32_t>(before.size());
            U8_PREV(reinterpret_cast<const uint8_t*>(before.data()), 0, k, prev);
        }
        if (!after.empty()) {
            int32_t k = 0;
            U8_NEXT(reinterpret_cast<const uint8_t*>(after.data()), k,
                    static_cast<int32_t>(after.size()), next);
        }
        if ((prev >= 0 && word_cp(prev)) || (next >= 0 && word_cp(next)))
            bad.push_back(coloured.substr(a, b - a));
    }
    return bad;
}

}  // namespace

TEST_CASE("--bidi: visual reorders Urdu, logical and auto on a pipe do not, --json never") {
    const std::string q = "وزیراعظم";
    const std::vector<std::string> env{"COLUMNS", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM"};
    RunResult logical = on_sample("search", {"-n", "3", "--bidi", "logical", q}, env);
    RunResult autom = on_sample("search", {"-n", "3", q}, env);  // a pipe: auto = logical
    RunResult visual = on_sample("search", {"-n", "3", "--bidi", "visual", q}, env);
    REQUIRE(logical.exit_code == 0);
    CHECK(autom.out == logical.out);
    CHECK(visual.exit_code == 0);
    CHECK(visual.out != logical.out);
    CHECK_FALSE(has_presentation_forms(logical.out));
    CHECK(has_presentation_forms(visual.out));
    // The same lines without Urdu (ids, URLs, origins), in the same order; the same dates.
    auto latin = [](const std::string& out) {
        std::vector<std::string> v;
        for (const auto& l : split_lines(out))
            if (!has_arabic_script(l)) v.push_back(l);
        return v;
    };
    CHECK(latin(visual.out) == latin(logical.out));
    auto count_of = [](const std::string& out, const std::string& w) {
        std::size_t n = 0;
        for (auto p = out.find(w); p != std::string::npos; p = out.find(w, p + 1)) ++n;
        return n;
    };
    CHECK(count_of(visual.out, "undated") == count_of(logical.out, "undated"));
    CHECK(count_of(visual.out, "undated") == 3);
    // English has nothing to reorder.
    CHECK(on_sample("search", {"-n", "3", "--bidi", "visual", "cocoa"}, env).out ==
          on_sample("search", {"-n", "3", "cocoa"}, env).out);
    // Machine-readable output is never reordered.
    for (const std::vector<std::string>& mode :
         {std::vector<std::string>{"--ids"}, {"--export", "jsonl"}, {"--count"}}) {
        std::vector<std::string> a = mode, b = mode;
        a.insert(a.end(), {"--bidi", "visual", q});
        b.push_back(q);
        CHECK(on_sample("search", a, env).out == on_sample("search", b, env).out);
    }
    auto hits_only = [](const std::string& out) {
        std::string r;
        for (const auto& j : parse_lines(out))
            if (j.at("type") == "hit") r += j.at("data").dump() + "\n";
        return r;
    };
    RunResult jv = on_sample("search", {"--json", "-n", "3", "--bidi", "visual", q}, env);
    RunResult jl = on_sample("search", {"--json", "-n", "3", q}, env);
    CHECK(hits_only(jv.out) == hits_only(jl.out));
    CHECK_FALSE(has_presentation_forms(jv.out));
}

TEST_CASE("--bidi auto on a terminal: visual unless the terminal does bidi itself") {
    const std::string q = "وزیراعظم";
    RunResult visual = on_sample("search", {"-n", "3", "--bidi", "visual", q},
                                 {"COLUMNS=100", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM"});
    RunResult logical = on_sample("search", {"-n", "3", "--bidi", "logical", q},
                                  {"COLUMNS=100", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM"});
    REQUIRE(visual.out != logical.out);
    const std::vector<std::string> args{"search", "--db", sample().db, "-n", "3", q};
    // xterm, tmux, kitty…: no bidi in the terminal, so khabar reorders (once).
    RunResult xterm = run_on_tty(args, {});
    CHECK(xterm.exit_code == 0);
    CHECK(xterm.out == visual.out);
    // Terminals that apply bidi themselves get logical order: reordering there would be twice.
    for (const char* e : {"VTE_VERSION=6800", "KONSOLE_VERSION=230401", "MLTERM=3.9.3"}) {
        CAPTURE(e);
        CHECK(run_on_tty(args, {e}).out == logical.out);
    }
    CHECK(run_on_tty(args, {"VTE_VERSION=5202"}).out == visual.out);  // VTE before bidi (0.52)
    // Explicit modes win on any terminal.
    std::vector<std::string> forced = args;
    forced.insert(forced.begin() + 3, {"--bidi", "logical"});
    CHECK(run_on_tty(forced, {}).out == logical.out);
    forced[4] = "visual";
    CHECK(run_on_tty(forced, {"VTE_VERSION=6800"}).out == visual.out);
}

TEST_CASE("--bidi visual on a terminal: lam-alef words stay whole (no space inside سیلاب)") {
    // The visual form of one word, made independently of khabar: its letters reversed and shaped
    // by ICU with U_SHAPE_LAMALEF_RESIZE (the ligature takes both letters' place).
    auto visual_word = [](const std::string& word) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
        u.reverse();
        std::vector<UChar> shaped(static_cast<std::size_t>(u.length()) + 8);
        UErrorCode st = U_ZERO_ERROR;
        const int32_t n = u_shapeArabic(
            u.getBuffer(), u.length(), shaped.data(), static_cast<int32_t>(shaped.size()),
            U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_VISUAL_LTR | U_SHAPE_LAMALEF_RESIZE,
            &st);
        REQUIRE(U_SUCCESS(st));
        std::string out;
        icu::UnicodeString(shaped.data(), n).toUTF8String(out);
        return out;
    };
    // Every lam-alef form, isolated (لا, لآ, لأ, لإ) and final (after a joining letter), in an
    // article of our own, and the words of the sample that broke.
    const std::vector<std::string> forms{"لا", "سلا", "لآ",    "سلآ",  "لأ",    "سلأ",
                                         "لإ", "سلإ", "سیلاب", "ہلاک", "علاقے", "سالانہ"};
    const fs::path dir = khabar::test::fresh_tmp_dir("lamalef");
    std::string body;
    for (const auto& w : forms) body += (body.empty() ? "" : " ") + w;
    std::ofstream(dir / "lamalef.jsonl")
        << json{{"id", "lamalef-1"}, {"title", "سیلاب"}, {"body", body}, {"lang", "ur"}}.dump()
        << "\n";
    const std::string db = (dir / "db").string();
    REQUIRE(run_khabar({"index", "-q", "--db", db, (dir / "lamalef.jsonl").string()}).exit_code ==
            0);
    RunResult own = run_on_tty({"search", "--db", db, "--bidi", "visual", "سیلاب"}, {}, 200);
    REQUIRE(own.exit_code == 0);
    std::string line;  // the snippet (the whole body) in visual order: the last word first
    for (const auto& w : forms) {
        CAPTURE(w);
        CHECK(own.out.find(visual_word(w)) != std::string::npos);
        line = visual_word(w) + (line.empty() ? "" : " ") + line;
    }
    CHECK(own.out.find(line) != std::string::npos);
    // The sample's own articles: ہلاک, سالانہ and علاقے in snippets, as a terminal gets them.
    for (const std::string q : {"ہلاک", "سالانہ", "علاقے"}) {
        CAPTURE(q);
        RunResult r =
            run_on_tty({"search", "--db", sample().db, "-n", "3", "--bidi", "visual", q}, {}, 100);
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.find(visual_word(q)) != std::string::npos);
    }
}

TEST_CASE("colour on a terminal: auto colours a TTY, not with NO_COLOR or TERM=dumb") {
    const std::vector<std::string> args{"search", "--db", sample().db, "-n", "2", "cocoa"};
    CHECK(run_on_tty(args, {"NO_COLOR"}).out.find("\x1b[") != std::string::npos);
    CHECK(run_on_tty(args, {"NO_COLOR=1"}).out.find('\x1b') == std::string::npos);
    CHECK(run_on_tty(args, {"NO_COLOR", "TERM=dumb"}).out.find('\x1b') == std::string::npos);
    std::vector<std::string> never = args;
    never.insert(never.begin() + 3, {"--color", "never"});
    CHECK(run_on_tty(never, {"NO_COLOR"}).out.find('\x1b') == std::string::npos);
}

TEST_CASE("highlights are whole words, so colour never splits an Arabic-script word") {
    const std::vector<std::string> env{"COLUMNS", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM"};
    std::size_t spans = 0;
    for (const char* q : {"وزیراعظم", "پاکستان OR حکومت", "انہوں", "کیلئے", "اعلی", "سينئر", "ship",
                          "U.S.", "کے"}) {
        for (const char* bidi : {"logical", "visual"}) {
            CAPTURE(q);
            CAPTURE(bidi);
            RunResult r =
                on_sample("search", {"-n", "50", "--color", "always", "--bidi", bidi, q}, env);
            CHECK(r.exit_code == 0);
            spans += std::count(r.out.begin(), r.out.end(), '\x1b');
            CHECK(split_highlights(r.out) == std::vector<std::string>{});
        }
    }
    CHECK(spans > 500);
}

TEST_CASE("human output fits the width: 80 columns by default, $COLUMNS or the terminal's") {
    // Every line fits, except a URL or dump path alone on its line (never broken).
    auto check_width = [](const std::string& out, std::size_t width) {
        std::size_t lines = 0;
        for (const auto& raw : split_lines(out)) {
            const std::string line = strip_sgr(raw);
            ++lines;
            std::string t = line.substr(line.find_first_not_of(' ') == std::string::npos
                                            ? line.size()
                                            : line.find_first_not_of(' '));
            const bool one_token = t.find(' ') == std::string::npos;
            CAPTURE(line);
            CHECK((columns(line) <= width || one_token));
        }
        return lines;
    };
    const std::vector<std::pair<std::vector<std::string>, std::size_t>> cases = {
        {{"COLUMNS"}, 80}, {{"COLUMNS=60"}, 60}, {{"COLUMNS=132"}, 132}, {{"COLUMNS=20"}, 40}};
    for (const auto& [env, width] : cases) {
        CAPTURE(width);
        for (const char* q : {"oil OR wheat", "پاکستان OR حکومت", "bankamerica equity offer"}) {
            for (const char* bidi : {"logical", "visual"}) {
                RunResult r =
                    on_sample("search", {"-n", "30", "--color", "always", "--bidi", bidi, q}, env);
                CHECK(check_width(r.out, width) > 30);
            }
        }
        RunResult h = on_sample("search", {"--histogram", "month", "--normalize", "oil"}, env);
        check_width(h.out, width);
    }
    // On a terminal, its width (100 columns here).
    RunResult tty = run_on_tty({"search", "--db", sample().db, "-n", "20", "oil"}, {});
    std::size_t widest = 0;
    for (const auto& line : split_lines(strip_sgr(tty.out)))
        if (line.find(' ', 3) != std::string::npos) widest = std::max(widest, columns(line));
    CHECK(widest <= 100);
    CHECK(widest > 90);
    // The snippet length option: longer snippets, more lines, same width.
    RunResult longer =
        on_sample("search", {"-n", "1", "--snippet-length", "600", "cocoa"}, {"COLUMNS"});
    RunResult shorter =
        on_sample("search", {"-n", "1", "--snippet-length", "80", "cocoa"}, {"COLUMNS"});
    CHECK(split_lines(longer.out).size() > split_lines(shorter.out).size() + 3);
    check_width(longer.out, 80);
}

TEST_CASE("search --help: the query language with examples, dates, bidi rule, exit status") {
    RunResult h = run_khabar({"search", "--help"});
    CHECK(h.exit_code == 0);
    for (const char* s : {"\"interest rates\"",
                          " OR ",
                          " AND ",
                          " NOT ",
                          " XOR ",
                          "-iran",
                          "+oil",
                          "(oil OR gas)",
                          " NEAR ",
                          "NEAR/5",
                          " ADJ ",
                          "infla*",
                          "title:",
                          "lang:",
                          "source:",
                          "section:",
                          "author:",
                          "date:1987 ",
                          "date:1987-03 ",
                          "date:1987-03-02",
                          "date:1987-03..1987-04",
                          "date:..1987-06",
                          "date:1987-04..",
                          "وزیراعظم",
                          "Undated articles never match",
                          "--bidi",
                          "VTE_VERSION",
                          "never reordered twice",
                          "Examples:",
                          "Exit status: 0",
                          "1 none, 2 error",
                          "--snippet-length",
                          "--histogram",
                          "--export",
                          "--count",
                          "about N"})
        CHECK_MESSAGE(h.out.find(s) != std::string::npos, "--help lacks: " << s);
    for (const auto& line : split_lines(h.out)) {
        CAPTURE(line);
        CHECK(columns(line) <= 80);
    }
}

// Golden transcripts -----------------------------------------------------------------------

namespace {

fs::path golden_dir() {
    return khabar::test::source_dir() / "tests" / "golden";
}

/// The database the transcripts are made from: the sample indexed with 2 shards (the shard count
/// decides docids and the order of ties), in a directory that is also the working directory of
/// every transcript run, so paths in the output are the relative `golden.db` and
/// `sample-news.tar.gz` on every machine.
const fs::path& golden_workdir() {
    static const fs::path dir = [] {
        fs::path d = khabar::test::fresh_tmp_dir("golden");
        fs::copy_file(testdata("sample-news.tar.gz"), d / "sample-news.tar.gz");
        return d;
    }();
    return dir;
}

RunResult run_in_golden_dir(const std::vector<std::string>& args) {
    const fs::path back = fs::current_path();
    fs::current_path(golden_workdir());
    // Nothing from the caller's terminal: fixed TERM, no width or bidi-terminal hints.
    RunResult r = run_khabar(args, "",
                             {"COLUMNS", "LINES", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM",
                              "TERM=xterm-256color", "LC_ALL=C.UTF-8"});
    fs::current_path(back);
    return r;
}

/// Time is the one thing that differs between runs: "elapsed_ms":<number> becomes 0.
std::string mask_elapsed(std::string s) {
    const std::string key = "\"elapsed_ms\":";
    for (std::size_t p = s.find(key); p != std::string::npos; p = s.find(key, p + 1)) {
        std::size_t a = p + key.size(), b = a;
        while (b < s.size() && (std::isdigit(static_cast<unsigned char>(s[b])) || s[b] == '.' ||
                                s[b] == 'e' || s[b] == '-' || s[b] == '+'))
            ++b;
        s.replace(a, b - a, "0");
    }
    return s;
}

std::string shell_quote(const std::string& a) {
    if (!a.empty() && a.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789-_.,/=:") == std::string::npos)
        return a;
    std::string q = "'";
    for (char c : a) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

struct GoldenCase {
    std::string name;               ///< tests/golden/<name>.txt
    std::vector<std::string> args;  ///< after `khabar`
};

const std::vector<GoldenCase>& golden_cases() {
    static const std::vector<GoldenCase> cases = {
        {"index", {"index", "--threads", "2", "--db", "golden.db", "sample-news.tar.gz"}},
        {"help", {"search", "--help"}},
        {"piped-cocoa", {"search", "--db", "golden.db", "-n", "3", "cocoa"}},
        {"color-cocoa", {"search", "--db", "golden.db", "-n", "3", "--color", "always", "cocoa"}},
        {"json-cocoa", {"search", "--db", "golden.db", "-n", "3", "--json", "cocoa"}},
        {"date-range-newest",
         {"search", "--db", "golden.db", "-n", "4", "--since", "1987-03", "--until", "1987-04",
          "--sort", "newest", "oil"}},
        {"paging", {"search", "--db", "golden.db", "-n", "2", "--offset", "2", "oil OR gas"}},
        {"histogram-month", {"search", "--db", "golden.db", "--histogram", "month", "oil"}},
        {"histogram-day-normalize",
         {"search", "--db", "golden.db", "--histogram", "day", "--normalize", "--since",
          "1987-04-20", "oil OR wheat"}},
        {"histogram-json",
         {"search", "--db", "golden.db", "--histogram", "month", "--json", "oil"}},
        {"collapse", {"search", "--db", "golden.db", "--all-words", "bankamerica equity offer"}},
        {"collapse-json",
         {"search", "--db", "golden.db", "--json", "--all-words", "bankamerica equity offer"}},
        {"no-collapse",
         {"search", "--db", "golden.db", "--all-words", "--no-collapse",
          "bankamerica equity offer"}},
        {"partial", {"search", "--db", "golden.db", "-n", "4", "cocoa exports coffee tea"}},
        {"partial-json",
         {"search", "--db", "golden.db", "-n", "3", "--json", "cocoa exports coffee tea"}},
        {"did-you-mean", {"search", "--db", "golden.db", "cocao"}},
        {"did-you-mean-json", {"search", "--db", "golden.db", "--json", "cocao"}},
        {"fallback", {"search", "--db", "golden.db", "-n", "1", "oil AND"}},
        {"urdu-logical", {"search", "--db", "golden.db", "-n", "3", "وزيراعظم"}},
        {"urdu-visual", {"search", "--db", "golden.db", "-n", "3", "--bidi", "visual", "وزيراعظم"}},
        {"urdu-visual-color",
         {"search", "--db", "golden.db", "-n", "2", "--bidi", "visual", "--color", "always",
          "وزير اعظم"}},
        {"urdu-json", {"search", "--db", "golden.db", "-n", "2", "--json", "انھوں"}},
        {"count", {"search", "--db", "golden.db", "--count", "oil OR gas date:1987-03"}},
        {"ids",
         {"search", "--db", "golden.db", "--ids", "--sort", "oldest",
          "title:cocoa OR title:coffee"}},
        {"export-csv", {"search", "--db", "golden.db", "--export", "csv", "title:cocoa"}},
        {"export-jsonl",
         {"search", "--db", "golden.db", "--export", "jsonl", "--lang", "ur", "سينئر"}},
        {"analyze",
         {"search", "--db", "golden.db", "--analyze", "title:(oil OR gas) NOT iran date:1987-03"}},
    };
    return cases;
}

std::string transcript(const GoldenCase& c, const RunResult& r) {
    std::string cmd = "khabar";
    for (const auto& a : c.args) cmd += " " + shell_quote(a);
    std::string t = "$ " + cmd + "\n";
    t += "# exit status " + std::to_string(r.exit_code) + "\n";
    t += "# stdout:\n" + mask_elapsed(r.out);
    if (!r.out.empty() && r.out.back() != '\n') t += "\n# (no newline at the end)\n";
    t += "# stderr:\n" + r.err;
    return t;
}

}  // namespace

TEST_CASE("golden transcripts: human, colour, piped, --json, histograms, copies, Urdu") {
    const bool update = std::getenv("KHABAR_UPDATE_GOLDEN") && *std::getenv("KHABAR_UPDATE_GOLDEN");
    const fs::path actual_dir = khabar::test::fresh_tmp_dir("golden-actual");
    std::set<std::string> names;
    for (const auto& c : golden_cases()) {
        CAPTURE(c.name);
        names.insert(c.name + ".txt");
        RunResult r = run_in_golden_dir(c.args);
        if (c.name == "index") {
            // The index summary has timings; only its exit status is part of the transcript.
            REQUIRE_MESSAGE(r.exit_code == 0, r.err);
            r.err.clear();
        }
        const std::string got = transcript(c, r);
        // Nothing machine- or run-dependent may get into a transcript.
        for (const std::string& local :
             {golden_workdir().string(), khabar::test::source_dir().string(),
              fs::temp_directory_path().string() + "/", std::string("elapsed_ms\":0.")})
            CHECK_MESSAGE(got.find(local) == std::string::npos, "transcript contains " << local);
        const fs::path file = golden_dir() / (c.name + ".txt");
        if (update) {
            fs::create_directories(golden_dir());
            std::ofstream(file, std::ios::binary) << got;
            MESSAGE("wrote " << file.string());
            continue;
        }
        std::ofstream(actual_dir / (c.name + ".txt"), std::ios::binary) << got;
        REQUIRE_MESSAGE(fs::exists(file),
                        "missing " << file.string() << " (KHABAR_UPDATE_GOLDEN=1 makes it)");
        const std::string want = read_file(file);
        if (want != got) {
            // Point at the first differing line.
            auto a = split_lines(want), b = split_lines(got);
            std::size_t i = 0;
            while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
            FAIL_CHECK("output differs from " << file.string() << " at line " << i + 1
                                              << "\n  want: " << (i < a.size() ? a[i] : "<end>")
                                              << "\n  got:  " << (i < b.size() ? b[i] : "<end>")
                                              << "\n  diff -u " << file.string() << " "
                                              << (actual_dir / (c.name + ".txt")).string());
        }
    }
    // Every file in tests/golden/ belongs to a case (a renamed case leaves no stale file).
    if (!update && fs::exists(golden_dir()))
        for (const auto& e : fs::directory_iterator(golden_dir())) {
            const std::string n = e.path().filename().string();
            if (n != "README.md") CHECK_MESSAGE(names.count(n) == 1, "stale golden file " << n);
        }
}
