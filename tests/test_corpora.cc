/** @file
 * @brief End to end on every corpus in ../shared/corpora: the real `khabar` binary indexes a small
 *        slice of each dump (built here at test time from the first members or records, in the
 *        dump's own kind of archive where it has one), then counts, a title, a date with its
 *        precision, a search hit and the language are checked through `stats`, `show` and
 *        `search`. Expected values come from the dump files themselves (read here), never from
 *        khabar. Without ../shared every case prints SKIPPED and passes.
 *
 * Makhzan text is never copied into the repository: its expectations are read from the slice.
 */
#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "records/text_util.h"
#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;
using khabar::test::run_khabar;
using khabar::test::RunResult;

namespace {

fs::path corpus(const std::string& name) {
    return *khabar::test::shared_dir() / "corpora" / name;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& p, const std::string& data) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << data;
    REQUIRE(out.good());
}

/// Runs a shell command (archive tools); fails the test when it fails.
void sh(const std::string& command) {
    INFO(command);
    REQUIRE(std::system(command.c_str()) == 0);
}

/// Output of a shell command.
std::string sh_out(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    REQUIRE(pclose(p) == 0);
    return out;
}

std::string quote(const fs::path& p) {
    return "'" + p.string() + "'";
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

/// What one indexed slice looks like from the outside.
struct Indexed {
    std::string db;
    RunResult index;
    json stats;
};

/// `khabar index --db DIR/NAME.db PATH`, then `stats --json`.
Indexed index_slice(const fs::path& dir, const fs::path& path) {
    Indexed r;
    r.db = (dir / "slice.db").string();
    r.index = run_khabar({"index", "--db", r.db, path.string()});
    INFO("khabar index " << path << "\n" << r.index.err);
    REQUIRE((r.index.exit_code == 0 || r.index.exit_code == 1));
    RunResult s = run_khabar({"stats", "--db", r.db, "--json"});
    REQUIRE(s.exit_code == 0);
    r.stats = json::parse(s.out);
    return r;
}

/// `khabar show --json ID` as an object.
json show(const Indexed& x, const std::string& id) {
    RunResult r = run_khabar({"show", "--db", x.db, "--json", id});
    INFO("show " << id << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(lines(r.out).at(0));
}

/// Ids of the hits of `khabar search --json QUERY` (up to 100).
std::vector<std::string> hit_ids(const Indexed& x, const std::string& query) {
    RunResult r = run_khabar({"search", "--db", x.db, "--json", "-n", "100", query});
    INFO("search " << query << "\n" << r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    std::vector<std::string> ids;
    for (const std::string& l : lines(r.out)) {
        json j = json::parse(l);
        if (j.value("type", "") == "hit") ids.push_back(j["data"]["id"].get<std::string>());
    }
    return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

/// Every stored article (`khabar export`).
std::vector<json> export_all(const Indexed& x) {
    RunResult r = run_khabar({"export", "--db", x.db});
    REQUIRE(r.exit_code == 0);
    std::vector<json> out;
    for (const std::string& l : lines(r.out)) out.push_back(json::parse(l));
    return out;
}

/// "day", "month", "year" from a shown date ("2019-11-19", "1958-06", "2000"), "" when undated.
std::string precision(const json& date) {
    if (!date.is_string()) return "";
    const std::size_t n = date.get<std::string>().size();
    return n == 10 ? "day" : n == 7 ? "month" : n == 4 ? "year" : "?";
}

long documents(const Indexed& x) {
    return x.stats.value("documents", -1L);
}

long language(const Indexed& x, const std::string& lang) {
    return x.stats["languages"].value(lang, 0L);
}

/// Text normalised to NFC (Makhzan stores NFD; khabar stores NFC).
std::string nfc(const std::string& s) {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(ec);
    std::string out;
    n->normalize(icu::UnicodeString::fromUTF8(s), ec).toUTF8String(out);
    return out;
}

/// Content of the first <name>...</name> in xml, "" when absent.
std::string element(const std::string& xml, const std::string& name) {
    std::size_t b = xml.find("<" + name + ">");
    if (b == std::string::npos) return {};
    b += name.size() + 2;
    return xml.substr(b, xml.find("</" + name + ">", b) - b);
}

/// The first word of at least `min_bytes` bytes in text without punctuation (a query that must
/// find its article).
std::string long_word(const std::string& text, std::size_t min_bytes) {
    std::istringstream in(text);
    for (std::string w; in >> w;) {
        bool plain = w.find_first_of(",.:;!?()[]\"'-") == std::string::npos;
        for (const char* mark : {"،", "۔", "؟", "«", "»", "‘", "’", "“", "”"})
            plain = plain && w.find(mark) == std::string::npos;
        if (plain && w.size() >= min_bytes) return w;
    }
    return {};
}

/// CSV records (quoted fields may hold newlines), each with its line terminator.
std::vector<std::string> csv_records(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    bool quoted = false;
    for (char c : text) {
        current += c;
        if (c == '"') quoted = !quoted;
        if (c == '\n' && !quoted) {
            out.push_back(current);
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

/// `utf8` in a legacy charset (ICU); nullopt when a character has no byte in it.
std::optional<std::string> encode(const std::string& utf8, const char* charset) {
    UErrorCode ec = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(charset, &ec);
    REQUIRE(U_SUCCESS(ec));
    ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &ec);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    std::string out(static_cast<std::size_t>(u.length()) * 4 + 16, '\0');
    const int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()),
                                      u.getBuffer(), u.length(), &ec);
    ucnv_close(cnv);
    if (U_FAILURE(ec)) return std::nullopt;
    out.resize(static_cast<std::size_t>(n));
    return out;
}

/// True when text shows the marks of UTF-8 read as Windows-1252 ("CafÃ©", "â€™", "Ø§Ù„"): it
/// encodes to Windows-1252 as bytes that are themselves multi-byte UTF-8. Or it holds U+FFFD.
bool mojibake(const std::string& text) {
    if (text.find("\xEF\xBF\xBD") != std::string::npos) return true;
    const auto bytes = encode(text, "windows-1252");
    if (!bytes) return false;
    const bool high = std::any_of(bytes->begin(), bytes->end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    return high && khabar::records::valid_utf8(*bytes);
}

/// Runs of whitespace as one space, trimmed (what khabar does to titles).
std::string squeeze(const std::string& s) {
    std::istringstream in(s);
    std::string out;
    for (std::string w; in >> w;) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::string html_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

/// The fields of one CSV record (RFC 4180 quoting).
std::vector<std::string> csv_fields(const std::string& record) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < record.size(); ++i) {
        const char c = record[i];
        if (quoted) {
            if (c == '"' && i + 1 < record.size() && record[i + 1] == '"')
                out.back() += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                out.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back();
        } else if (c != '\r' && c != '\n') {
            out.back() += c;
        }
    }
    return out;
}

/// A news page: title in <title> and <h1>, one <p> per line of the body; `meta` in <head>.
std::string news_page(const std::string& meta, const std::string& title, const std::string& body) {
    std::string paragraphs;
    std::istringstream in(body);
    for (std::string l; std::getline(in, l);)
        if (!squeeze(l).empty()) paragraphs += "<p>" + html_escape(l) + "</p>\n";
    return "<!DOCTYPE html><html><head>" + meta + "<title>" + html_escape(title) +
           "</title></head><body><article><h1>" + html_escape(title) + "</h1>\n" + paragraphs +
           "</article></body></html>\n";
}

/// A title a page's site-name rules leave alone (no " - ", "|", ":" separators).
bool plain_title(const std::string& t) {
    return t.size() >= 20 && t.find_first_of("|:-") == std::string::npos &&
           t.find("\xE2\x80\x93") == std::string::npos &&
           t.find("\xE2\x80\x94") == std::string::npos;
}

}  // namespace

TEST_SUITE("corpora") {
    TEST_CASE("reuters21578: the first 40 records of reut2-000.sgm in a tar.gz") {
        if (khabar::test::skip_without_shared("corpora: reuters21578")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-reuters");
        sh("tar -xzf " + quote(corpus("reuters21578.tar.gz")) + " -C " + quote(dir) +
           " reuters21578/reut2-000.sgm");
        std::string sgm = read_file(dir / "reuters21578/reut2-000.sgm");
        std::size_t end = 0;
        for (int i = 0; i < 40; ++i) end = sgm.find("</REUTERS>", end) + 10;
        write_file(dir / "slice/reut2-000.sgm", sgm.substr(0, end) + "\n");
        sh("tar -czf " + quote(dir / "slice.tar.gz") + " -C " + quote(dir / "slice") + " .");
        Indexed x = index_slice(dir, dir / "slice.tar.gz");
        CHECK(x.index.exit_code == 0);
        CHECK(documents(x) == 40);
        CHECK(x.stats["dated"] == 40);
        CHECK(language(x, "en") == 40);
        json a = show(x, "reuters-1");
        CHECK(a["title"] == "BAHIA COCOA REVIEW");
        CHECK(a["date"] == "1987-02-26");
        CHECK(precision(a["date"]) == "day");
        CHECK(a["lang"] == "en");
        CHECK(has(hit_ids(x, "cocoa temporao"), "reuters-1"));
    }

    TEST_CASE("bbc-news-2225: 5 business and 5 tech files in a zip; folder = section") {
        if (khabar::test::skip_without_shared("corpora: bbc")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-bbc");
        sh("unzip -q " + quote(corpus("bbc-news-2225.zip")) + " 'bbc/business/00[1-5].txt' " +
           "'bbc/tech/00[1-5].txt' -d " + quote(dir / "x"));
        sh("cd " + quote(dir / "x") + " && zip -qr ../slice.zip bbc");
        const std::string first = read_file(dir / "x/bbc/business/001.txt");
        Indexed x = index_slice(dir, dir / "slice.zip");
        CHECK(x.index.exit_code == 0);
        CHECK(documents(x) == 10);
        CHECK(x.stats["dated"] == 0);  // BBC files carry no date
        CHECK(language(x, "en") == 10);
        std::map<std::string, int> sections;
        for (const json& a : export_all(x)) ++sections[a["section"].get<std::string>()];
        CHECK(sections == std::map<std::string, int>{{"business", 5}, {"tech", 5}});
        const std::vector<std::string> ids = hit_ids(x, "\"Time Warner\" profit");
        REQUIRE(!ids.empty());
        json a = show(x, ids.front());
        CHECK(a["title"] == first.substr(0, first.find('\n')));
        CHECK(a["date"].is_null());
        CHECK(a["section"] == "business");
    }

    TEST_CASE("makhzan-urdu: 20 documents in a tar.xz (text read from the slice, not stored)") {
        if (khabar::test::skip_without_shared("corpora: makhzan")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-makhzan");
        std::string members;
        for (int i = 1; i <= 20; ++i) {
            char name[64];
            std::snprintf(name, sizeof name, " makhzan-urdu/text/%04d.xml", i);
            members += name;
        }
        sh("tar -xJf " + quote(corpus("makhzan-urdu.tar.xz")) + " -C " + quote(dir) + members);
        sh("tar -cJf " + quote(dir / "slice.tar.xz") + " -C " + quote(dir) + " makhzan-urdu");
        const std::string xml = read_file(dir / "makhzan-urdu/text/0001.xml");
        Indexed x = index_slice(dir, dir / "slice.tar.xz");
        CHECK(x.index.exit_code == 0);
        CHECK(documents(x) == 20);
        CHECK(language(x, "ur") == 20);
        CHECK(x.stats["dated"] == 20);
        json a = show(x, "makhzan-0001");
        const std::string title = nfc(element(element(xml, "meta"), "title"));
        CHECK(a["title"] == title);
        CHECK(a["date"] == element(element(xml, "publication"), "year"));
        CHECK(precision(a["date"]) == "year");
        CHECK(a["lang"] == "ur");
        const std::string word = long_word(title, 6);
        REQUIRE(!word.empty());
        CHECK(has(hit_ids(x, word), "makhzan-0001"));
    }

    TEST_CASE("urdu-fake-news: 10 Real and 10 Fake training files in a tar.zst") {
        if (khabar::test::skip_without_shared("corpora: urdu-fake-news")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-fake");
        const std::string listing =
            sh_out("tar --zstd -tf " + quote(corpus("urdu-fake-news.tar.zst")));
        std::string members;
        std::map<std::string, int> taken;
        for (const std::string& l : lines(listing)) {
            for (const std::string label : {"Real", "Fake"}) {
                if (l.find("/Train/" + label + "/") != std::string::npos && l.ends_with(".txt") &&
                    taken[label] < 10) {
                    ++taken[label];
                    members += " '" + l + "'";
                }
            }
        }
        REQUIRE(taken["Real"] == 10);
        sh("tar --zstd -xf " + quote(corpus("urdu-fake-news.tar.zst")) + " -C " + quote(dir) +
           members);
        sh("tar --zstd -cf " + quote(dir / "slice.tar.zst") + " -C " + quote(dir) +
           " urdu-fake-news");
        Indexed x = index_slice(dir, dir / "slice.tar.zst");
        CHECK(x.index.exit_code == 0);
        CHECK(documents(x) == 20);
        CHECK(language(x, "ur") == 20);
        CHECK(x.stats["dated"] == 0);
        std::map<std::string, int> sections;
        for (const json& a : export_all(x)) {
            ++sections[a["section"].get<std::string>()];
            CHECK_FALSE(a["title"].get<std::string>().empty());  // derived from the first sentence
        }
        CHECK(sections == std::map<std::string, int>{{"fake", 10}, {"real", 10}});
    }

    TEST_CASE("urdu-news-ha405: the first 25 rows of each CSV (multi-line quoted fields)") {
        if (khabar::test::skip_without_shared("corpora: urdu-news-ha405")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-ha405");
        std::string first_title;
        for (const std::string name : {"express_articles.csv", "samaa_articles.csv"}) {
            const std::vector<std::string> rows =
                csv_records(read_file(corpus("urdu-news-ha405") / name));
            REQUIRE(rows.size() > 26);
            std::string slice;
            for (std::size_t i = 0; i <= 25; ++i) slice += rows[i];
            write_file(dir / "slice" / name, slice);
            if (first_title.empty()) {  // row "0,TITLE,link,...", the title maybe quoted
                const std::string& row = rows[1];
                std::size_t a = row.find(',') + 1;
                const bool quoted = row[a] == '"';
                a += quoted;
                first_title = row.substr(a, row.find(quoted ? '"' : ',', a) - a);
            }
        }
        Indexed x = index_slice(dir, dir / "slice");
        CHECK(x.index.exit_code == 0);
        CHECK(documents(x) == 50);
        CHECK(language(x, "ur") == 50);
        std::string id;  // the first row's id is 0, qualified by the file: express-articles-0
        for (const json& a : export_all(x))
            if (a["title"] == first_title) id = a["id"].get<std::string>();
        CHECK(id == "express-articles-0");
        json a = show(x, id);
        CHECK(a["date"].is_null());
        CHECK(a["lang"] == "ur");
        CHECK(has(hit_ids(x, long_word(first_title, 8)), id));
    }

    TEST_CASE("saudinewsnet: 40 articles of one day, as a zip of a JSON array; Arabic, not Urdu") {
        if (khabar::test::skip_without_shared("corpora: saudinewsnet")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-saudi");
        sh("unzip -q " + quote(corpus("saudinewsnet/zips/2015-07-22.zip")) + " -d " +
           quote(dir / "x"));
        const json all = json::parse(read_file(dir / "x/2015-07-22.json"));
        json slice = json::array();
        std::string title, url, date;
        for (const json& a : all) {
            if (slice.size() == 40) break;
            if (a.value("content", "").size() < 200 || a.value("title", "").empty()) continue;
            slice.push_back(a);
            if (title.empty()) {
                title = a["title"].get<std::string>();
                url = a["url"].get<std::string>();
                date = a["date_extracted"].get<std::string>();
            }
        }
        write_file(dir / "y/2015-07-22.json", slice.dump());
        sh("cd " + quote(dir / "y") + " && zip -q ../2015-07-22.zip 2015-07-22.json");
        Indexed x = index_slice(dir, dir / "2015-07-22.zip");
        CHECK(x.index.exit_code == 0);
        CHECK(documents(x) <= 40);  // the same URL twice is one article
        CHECK(documents(x) >= 35);
        CHECK(language(x, "ar") == documents(x));
        CHECK(language(x, "ur") == 0);
        std::string id;
        for (const json& a : export_all(x))
            if (a["url"] == url) id = a["id"].get<std::string>();
        REQUIRE(!id.empty());
        json a = show(x, id);
        CHECK(a["title"] == title);
        CHECK(a["date"] == date.substr(0, 10));
        CHECK(precision(a["date"]) == "day");
        CHECK(a["lang"] == "ar");
        CHECK(has(hit_ids(x, long_word(title, 8)), id));
    }

    TEST_CASE("article-extraction: five HTML pages (gzip) through the extractor") {
        if (khabar::test::skip_without_shared("corpora: article-extraction")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-html");
        const json truth = json::parse(read_file(corpus("article-extraction/ground-truth.json")));
        // detroitnews (date in the URL), venturebeat (JSON-LD), thespacereview (dateline only),
        // wday.ru (Russian), note100yen.com (Japanese).
        const std::string pages[] = {"65ce3a4577a0", "06e5123e4ef7", "c00962aabe7b", "3c6d3381ef52",
                                     "f105de6e63ca"};
        fs::create_directories(dir / "html");
        int copied = 0;
        for (const auto& e : fs::directory_iterator(corpus("article-extraction/html"))) {
            const std::string name = e.path().filename().string();
            for (const std::string& prefix : pages) {
                if (name.rfind(prefix, 0) != 0) continue;
                fs::copy_file(e.path(), dir / "html" / name);
                ++copied;
            }
        }
        REQUIRE(copied == 5);
        Indexed x = index_slice(dir, dir / "html");
        CHECK(x.index.exit_code == 0);
        CHECK(documents(x) == 5);
        CHECK(x.stats["dated"] == 5);
        CHECK(language(x, "ru") == 1);  // wday.ru says <html lang="ru">
        CHECK(language(x, "ja") == 1);  // note100yen.com
        std::string id;
        for (const json& a : export_all(x))
            if (a["url"].get<std::string>().find("detroitnews.com") != std::string::npos)
                id = a["id"].get<std::string>();
        REQUIRE(!id.empty());
        json a = show(x, id);
        CHECK(a["title"] ==
              "Tuesday's college football: Eastern Michigan routs Northern Illinois "
              "to become bowl eligible");
        CHECK(a["date"] == "2019-11-19");
        CHECK(a["date_source"] == "url");
        CHECK(a["lang"] == "en");
        const std::string body =
            truth["65ce3a4577a0306994efa190a0d96e84014f9d4257ad54753e807ede518f02c0"]
                 ["articleBody"];
        CHECK(a["body"].get<std::string>().substr(0, 60) == body.substr(0, 60));
        CHECK(has(hit_ids(x, "\"Mike Glass\" touchdowns"), id));
    }

    TEST_CASE("warc-samples: the whole directory; broken files give one error each") {
        if (khabar::test::skip_without_shared("corpora: warc-samples")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-warc");
        Indexed x = index_slice(dir, corpus("warc-samples"));
        CHECK(x.index.exit_code == 1);  // three broken files
        for (const char* broken :
             {"bad.arc:1: bad ARC header: record at byte 0",
              "example-trunc.warc:3: wrong Content-Length: record at byte 1197",
              "example-wrong-chunks.warc:1: wrong Content-Length: record at byte 0"}) {
            CHECK_MESSAGE(x.index.err.find(broken) != std::string::npos, broken << "\n"
                                                                                << x.index.err);
        }
        CHECK(x.index.err.find("3 records") != std::string::npos);
        // Ten pages, four distinct URLs (example.com/ is captured in six files).
        CHECK(documents(x) == 4);
        CHECK(language(x, "en") == 4);
        const std::vector<std::string> ids = hit_ids(x, "\"Internet Assigned Numbers Authority\"");
        REQUIRE(ids.size() == 1);
        json a = show(x, ids[0]);
        CHECK(a["url"] == "http://www.iana.org/");
        // Captured on 2017-03-06; the page states no date of its own, so it stays undated.
        CHECK(a["date"].is_null());
        CHECK(a["date_notes"].dump().find("refused warc:crawl-date") != std::string::npos);
    }

    TEST_CASE("cacm: the first 50 records of cacm.all (SMART)") {
        if (khabar::test::skip_without_shared("corpora: cacm")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-cacm");
        const std::string all = read_file(corpus("cacm/cacm.all"));
        write_file(dir / "cacm.all", all.substr(0, all.find("\n.I 51\n") + 1));
        Indexed x = index_slice(dir, dir / "cacm.all");
        CHECK(x.index.exit_code == 0);
        CHECK(documents(x) == 50);
        CHECK(x.stats["dated"] == 50);
        CHECK(language(x, "en") == 50);
        json a = show(x, "cacm-20");
        CHECK(a["title"] == "Accelerating Convergence of Iterative Processes");
        CHECK(a["date"] == "1958-06");
        CHECK(precision(a["date"]) == "month");
        CHECK(a["author"] == "Wegstein, J. H.");
        CHECK(has(hit_ids(x, "convergence iteration"), "cacm-20"));
    }

    TEST_CASE("dawn-2013-teasers: both days (JSON sections of teasers)") {
        if (khabar::test::skip_without_shared("corpora: dawn")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-dawn");
        const json day = json::parse(read_file(corpus("dawn-2013-teasers/dawn-2013-11-24.json")));
        const json& first = day["sections"]["front-page"][0];
        Indexed x = index_slice(dir, corpus("dawn-2013-teasers"));
        CHECK(x.index.exit_code == 0);
        CHECK(language(x, "en") == documents(x));
        CHECK(x.stats["dated"] == documents(x));
        std::string id;
        for (const json& a : export_all(x))
            if (a["url"] == first["url"]) id = a["id"].get<std::string>();
        REQUIRE(!id.empty());
        json a = show(x, id);
        CHECK(a["title"] == first["title"]);
        CHECK(a["date"] == "2013-11-24");
        CHECK(a["section"] == "front-page");
        CHECK(has(hit_ids(x, "TTP Karachi attack"), id));
    }

    TEST_CASE(
        "--field maps other names: JSON keys, CSV headers, XML element paths (real records)") {
        if (khabar::test::skip_without_shared("corpora: --field")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-fields");
        // SaudiNewsNet records with their keys renamed: unwan, pub_time, matn.
        sh("unzip -q " + quote(corpus("saudinewsnet/zips/2015-07-22.zip")) + " -d " +
           quote(dir / "x"));
        const json all = json::parse(read_file(dir / "x/2015-07-22.json"));
        std::string jsonl;
        json first;
        for (const json& a : all) {
            if (a.value("title", "").empty() || a.value("content", "").size() < 300) continue;
            const json renamed = {{"unwan", a["title"]},
                                  {"pub_time", a["date_extracted"]},
                                  {"matn", a["content"]},
                                  {"url", a["url"]}};
            jsonl += renamed.dump() + "\n";
            if (first.is_null()) first = a;
            if (jsonl.size() > 20000) break;
        }
        write_file(dir / "renamed.jsonl", jsonl);
        RunResult plain = run_khabar(
            {"index", "--db", (dir / "plain.db").string(), (dir / "renamed.jsonl").string()});
        CHECK(plain.exit_code == 1);  // without the mapping: no title or body in any record
        CHECK(plain.err.find("no title or body") != std::string::npos);
        RunResult mapped = run_khabar({"index", "--db", (dir / "json.db").string(), "--field",
                                       "title=unwan", "--field", "date=pub_time", "--field",
                                       "body=matn", (dir / "renamed.jsonl").string()});
        INFO(mapped.err);
        REQUIRE(mapped.exit_code == 0);
        std::string id;
        Indexed j{(dir / "json.db").string(), mapped, json()};
        for (const json& a : export_all(j))
            if (a["url"] == first["url"]) id = a["id"].get<std::string>();
        REQUIRE(!id.empty());
        json a = show(j, id);
        CHECK(a["title"] == squeeze(first["title"].get<std::string>()));
        CHECK(a["date"] == first["date_extracted"].get<std::string>().substr(0, 10));
        CHECK(a["date_source"] == "field:pub_time");
        CHECK(a["lang"] == "ar");
        // The people's view prints the date with where it came from.
        RunResult human = run_khabar({"show", "--db", j.db, id});
        CHECK(human.out.find(a["date"].get<std::string>() + " (from field:pub_time)") !=
              std::string::npos);

        // urdu-news-ha405 rows under Urdu-transliterated headers.
        std::vector<std::string> rows =
            csv_records(read_file(corpus("urdu-news-ha405/express_articles.csv")));
        REQUIRE(rows.size() > 11);
        std::string csv = "id,Unwan,link,Matn,gold_label\n";
        for (std::size_t i = 1; i <= 10; ++i) csv += rows[i];
        write_file(dir / "khabrein.csv", csv);
        const std::vector<std::string> row1 = csv_fields(rows[1]);
        RunResult c =
            run_khabar({"index", "--db", (dir / "csv.db").string(), "--field", "title=Unwan",
                        "--field", "body=Matn", (dir / "khabrein.csv").string()});
        INFO(c.err);
        REQUIRE(c.exit_code == 0);
        Indexed x{(dir / "csv.db").string(), c, json()};
        json r = show(x, "khabrein-" + row1.at(0));
        CHECK(r["title"] == squeeze(row1.at(1)));
        CHECK(r["url"] == row1.at(2));
        CHECK(r["lang"] == "ur");

        // Dawn teasers as XML: <story><meta><headline/><pub_time/></meta><link/><teaser/>.
        const json day = json::parse(read_file(corpus("dawn-2013-teasers/dawn-2013-11-24.json")));
        std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed>\n";
        int stories = 0;
        for (const json& t : day["sections"]["front-page"]) {
            xml += "<story>\n  <meta><headline>" + html_escape(t["title"]) +
                   "</headline><pub_time>2013-11-24</pub_time></meta>\n  <link>" +
                   html_escape(t["url"]) + "</link>\n  <teaser>" + html_escape(t["summary"]) +
                   "</teaser>\n</story>\n";
            ++stories;
        }
        xml += "</feed>\n";
        write_file(dir / "dawn.xml", xml);
        RunResult unmapped =
            run_khabar({"index", "--db", (dir / "none.db").string(), (dir / "dawn.xml").string()});
        CHECK(unmapped.err.find("indexed 0 articles") != std::string::npos);  // unknown XML
        RunResult xr =
            run_khabar({"index", "--db", (dir / "xml.db").string(), "--field", "record=story",
                        "--field", "title=meta/headline", "--field", "date=meta/pub_time",
                        "--field", "summary=teaser", (dir / "dawn.xml").string()});
        INFO(xr.err);
        REQUIRE(xr.exit_code == 0);
        Indexed xi{(dir / "xml.db").string(), xr, json()};
        const std::vector<json> exported = export_all(xi);
        CHECK(exported.size() == static_cast<std::size_t>(stories));
        const json& t0 = day["sections"]["front-page"][0];
        std::string xid;
        for (const json& e : exported)
            if (e["url"] == t0["url"]) xid = e["id"].get<std::string>();
        REQUIRE(!xid.empty());
        json s0 = show(xi, xid);
        CHECK(s0["title"] == t0["title"]);
        CHECK(s0["date"] == "2013-11-24");
        CHECK(s0["date_source"] == "xml:meta/pub_time");
        CHECK(s0["body"] == t0["summary"]);
        CHECK(has(hit_ids(xi, "TTP Karachi attack"), xid));

        // A field that does not exist is an error, not silently ignored.
        RunResult bad = run_khabar({"index", "--db", (dir / "bad.db").string(), "--field",
                                    "colour=headline", (dir / "renamed.jsonl").string()});
        CHECK(bad.exit_code == 2);
        CHECK(bad.err.find("no article field 'colour'") != std::string::npos);
    }

    TEST_CASE("encodings: Windows-1252, Latin-1 and Windows-1256 pages of real articles") {
        if (khabar::test::skip_without_shared("corpora: encodings")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-encodings");
        struct Page {
            std::string name, title, bytes;
        };
        std::vector<Page> pages;
        // BBC business stories with non-ASCII letters or signs (£, é): Windows-1252, declared as
        // windows-1252, as ISO-8859-1 (read as Windows-1252, as browsers do), and undeclared.
        sh("unzip -q " + quote(corpus("bbc-news-2225.zip")) + " 'bbc/business/*' -d " +
           quote(dir / "bbc"));
        const char* latin_meta[] = {"<meta charset=\"windows-1252\">",
                                    "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                                    "charset=ISO-8859-1\">",
                                    ""};
        std::vector<fs::path> bbc;
        for (const auto& e : fs::directory_iterator(dir / "bbc/bbc/business")) bbc.push_back(e);
        std::sort(bbc.begin(), bbc.end());
        for (const fs::path& f : bbc) {
            if (pages.size() == 3) break;
            const std::string text = read_file(f);
            if (!khabar::records::valid_utf8(text) || text.find("\xC2\xA3") == std::string::npos)
                continue;
            const std::string title = text.substr(0, text.find('\n'));
            const std::string body = text.substr(text.find('\n') + 1);
            const auto bytes =
                encode(news_page(latin_meta[pages.size()], title, body), "windows-1252");
            if (!bytes || !plain_title(title)) continue;
            pages.push_back({"en" + std::to_string(pages.size()) + ".html", title, *bytes});
        }
        REQUIRE(pages.size() == 3);
        // SaudiNewsNet (Arabic) and urdu-news-ha405 (Urdu) in Windows-1256: declared or not.
        sh("unzip -q " + quote(corpus("saudinewsnet/zips/2015-07-23.zip")) + " -d " +
           quote(dir / "saudi"));
        int arabic = 0;
        for (const json& a : json::parse(read_file(dir / "saudi/2015-07-23.json"))) {
            const std::string title = squeeze(a.value("title", ""));
            const std::string body = a.value("content", "");
            if (arabic == 3 || !plain_title(title) || body.size() < 500 || body.size() > 6000)
                continue;
            const auto bytes =
                encode(news_page(arabic == 2 ? "" : "<meta charset=\"windows-1256\">", title, body),
                       "windows-1256");
            if (!bytes) continue;  // a character Windows-1256 lacks
            pages.push_back({"ar" + std::to_string(arabic++) + ".html", title, *bytes});
        }
        REQUIRE(arabic == 3);
        // Windows-1256 has no Farsi yeh (U+06CC) or Urdu full stop: Urdu pages in it write the
        // Arabic yeh (U+064A) and '.'.
        auto legacy_urdu = [](std::string t) {
            for (auto [from, to] :
                 {std::pair<std::string, std::string>{"\xDB\x8C", "\xD9\x8A"}, {"\xDB\x94", "."}})
                for (std::size_t p = 0; (p = t.find(from, p)) != std::string::npos;)
                    t.replace(p, from.size(), to);
            return t;
        };
        int urdu = 0;
        const std::vector<std::string> rows =
            csv_records(read_file(corpus("urdu-news-ha405/express_articles.csv")));
        for (std::size_t i = 1; i < rows.size() && urdu < 2; ++i) {
            std::vector<std::string> f = csv_fields(rows[i]);
            for (std::string& field : f) field = legacy_urdu(field);
            if (f.size() < 4 || !plain_title(squeeze(f[1])) || f[3].size() < 500) continue;
            const auto bytes = encode(
                news_page(urdu == 1 ? "" : "<meta charset=\"windows-1256\">", squeeze(f[1]), f[3]),
                "windows-1256");
            if (!bytes) continue;
            pages.push_back({"ur" + std::to_string(urdu++) + ".html", squeeze(f[1]), *bytes});
        }
        REQUIRE(urdu == 2);
        // One UTF-8 page with two bytes that are not UTF-8: replaced and counted.
        pages.push_back(
            {"broken.html", "Bytes that are not UTF-8 in a UTF-8 page",
             news_page("<meta charset=\"utf-8\">", "Bytes that are not UTF-8 in a UTF-8 page",
                       "The market opened \xFF\xFE higher on Monday, traders said.")});
        for (const Page& p : pages) write_file(dir / "pages" / p.name, p.bytes);

        Indexed x = index_slice(dir, dir / "pages");
        CHECK(x.index.exit_code == 0);
        CHECK(documents(x) == static_cast<long>(pages.size()));
        CHECK(language(x, "en") == 4);
        CHECK(language(x, "ar") == 3);
        CHECK(language(x, "ur") == 2);
        CHECK(x.index.err.find("invalid bytes: 2 replaced by U+FFFD in 1 articles") !=
              std::string::npos);
        std::map<std::string, std::string> titles;  // file name -> indexed title
        for (const json& a : export_all(x)) {
            const json& o = a["origin"];
            const std::string where = o["entry"].get<std::string>().empty()
                                          ? o["file"].get<std::string>()
                                          : o["entry"].get<std::string>();
            titles[fs::path(where).filename().string()] = a["title"].get<std::string>();
            if (a["title"] != "Bytes that are not UTF-8 in a UTF-8 page")
                CHECK_MESSAGE(
                    !mojibake(a["title"].get<std::string>() + a["body"].get<std::string>()),
                    a["title"]);
        }
        for (const Page& p : pages) CHECK_MESSAGE(titles[p.name] == p.title, p.name);
    }

    TEST_CASE("article-extraction: all 120 pages, every title and body free of mojibake") {
        if (khabar::test::skip_without_shared("corpora: article-extraction titles")) return;
        const fs::path dir = khabar::test::fresh_tmp_dir("corpus-html-all");
        Indexed x = index_slice(dir, corpus("article-extraction/html"));
        CHECK(documents(x) >= 118);  // the same canonical URL twice is one article
        int checked = 0;
        std::map<std::string, int> sources;  // where the dates came from
        for (const json& a : export_all(x)) {
            const std::string title = a["title"].get<std::string>();
            CHECK_MESSAGE(!mojibake(title), a["url"] << ": " << title);
            CHECK_MESSAGE(!mojibake(a["body"].get<std::string>().substr(0, 2000)), a["url"]);
            ++checked;
            if (a["date"].is_null()) continue;
            CHECK_MESSAGE(a["date_source"].is_string(), a["url"]);
            ++sources[a["date_source"].get<std::string>()];
        }
        CHECK(checked == documents(x));
        // Every kind of source the issue names occurs: JSON-LD, meta tags, the URL, a dateline.
        CHECK(sources["jsonld:datePublished"] > 0);
        CHECK(sources["meta:article:published_time"] > 0);
        CHECK(sources["url"] > 0);
        CHECK(sources["html:dateline"] > 0);
    }
}
