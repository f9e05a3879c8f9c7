/** @file
 * @brief Tests for the entries -> records stage: format detection and one reader per format,
 *        on small inline inputs and, when ../shared is present, on the real corpora.
 */
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entries/utf16.h"
#include "reader_doubles.h"
#include "records/markdown.h"
#include "records/record_reader.h"
#include "records/text_util.h"
#include "test_support.h"

using namespace khabar;
namespace fs = std::filesystem;
using khabar::test::CollectSink;
using khabar::test::StringStream;

namespace {

class FileStream : public EntryStream {
  public:
    explicit FileStream(const fs::path& p) : f_(std::fopen(p.c_str(), "rb")) {
        if (!f_) throw EntryError("cannot open " + p.string());
    }
    ~FileStream() override { std::fclose(f_); }
    FileStream(const FileStream&) = delete;
    FileStream& operator=(const FileStream&) = delete;
    std::size_t read(char* buf, std::size_t n) override { return std::fread(buf, 1, n, f_); }

  private:
    std::FILE* f_;
};

CollectSink read_string(const std::string& name, const std::string& data,
                        ReaderOptions options = {}, std::size_t chunk = 1u << 20) {
    EntryInfo info;
    info.file = "dump.tar";
    info.path = "dir/" + name;
    info.size = static_cast<std::int64_t>(data.size());
    StringStream stream(data, chunk);
    CollectSink sink;
    read_entry(info, stream, options, sink);
    return sink;
}

CollectSink read_file(const fs::path& p, Format format = Format::automatic) {
    EntryInfo info;
    info.file = p.string();
    info.size = static_cast<std::int64_t>(fs::file_size(p));
    FileStream stream(p);
    CollectSink sink;
    ReaderOptions options;
    options.format = format;
    read_entry(info, stream, options, sink);
    return sink;
}

/// Runs a shell command; true on success.
bool sh(const std::string& command) {
    return std::system(command.c_str()) == 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
TEST_SUITE("formats") {
    TEST_CASE("format names round-trip and synonyms parse") {
        for (Format f : {Format::automatic, Format::jsonl, Format::json, Format::csv,
                         Format::reuters_sgml, Format::text, Format::html, Format::warc,
                         Format::xml, Format::trec_sgml, Format::smart})
            CHECK(parse_format(format_name(f)) == f);
        CHECK(parse_format("ndjson") == Format::jsonl);
        CHECK(parse_format("TSV") == Format::csv);
        CHECK(parse_format("sgml") == Format::reuters_sgml);
        CHECK(parse_format("xml") == Format::xml);
        CHECK(parse_format("binary") == Format::unknown);
        CHECK(is_article_format(Format::text));
        CHECK_FALSE(is_article_format(Format::binary));
        CHECK_FALSE(is_article_format(Format::unknown));
        CHECK(is_mappable_field("title"));
        CHECK(is_mappable_field("Date"));
        CHECK_FALSE(is_mappable_field("colour"));
        CHECK(is_mappable_field("record"));  // XML: the element of one article
    }

    TEST_CASE("every --format value is listed in index --help and in the error for a bad one") {
        const std::string choices = format_choices();
        for (const char* name :
             {"auto", "jsonl",   "json",      "csv",    "reuters", "text",    "html", "warc",
              "xml",  "trec",    "smart",     "ndjson", "tsv",     "sgml",    "txt",  "htm",
              "arc",  "makhzan", "trec-sgml", "cacm",   "chat",    "whatsapp"}) {
            CHECK_MESSAGE(choices.find(name) != std::string::npos, name);
            CHECK_MESSAGE(parse_format(name) != Format::unknown, name);
        }
        CHECK(choices.find("binary") == std::string::npos);
        CHECK(choices.starts_with("auto, jsonl (ndjson), json, csv (tsv)"));
        const test::RunResult help = test::run_khabar({"index", "--help"});
        CHECK(help.exit_code == 0);
        CHECK(help.out.find(choices) != std::string::npos);
        CHECK(help.out.find("--field title=headline --field date=pub_time") != std::string::npos);
        CHECK(help.out.find("--field record=") != std::string::npos);
        const test::RunResult bad =
            test::run_khabar({"index", "--db", "/nonexistent/x.db", "--format", "docx", "a.txt"});
        CHECK(bad.exit_code == 2);
        CHECK(bad.err.find("unknown --format 'docx'") != std::string::npos);
        CHECK(bad.err.find(choices) != std::string::npos);
    }

    TEST_CASE("detect_format: extension first, then content") {
        struct Case {
            const char* name;
            std::string head;
            Format expected;
        };
        const std::string nul_text("abc\0def", 7);
        const Case cases[] = {
            {"a.jsonl", "{\"title\":\"x\"}\n", Format::jsonl},
            {"a.NDJSON", "{}", Format::jsonl},
            {"a.json", "[{\"title\":\"x\"}]", Format::json},
            {"a.json", "{\n  \"title\": \"x\"\n}\n", Format::json},
            {"a.json", "{\"title\":\"x\"}\n{\"title\":\"y\"}\n", Format::jsonl},
            {"a.json", "{\"a\":{\"b\":1}, \"c\":2}", Format::json},
            {"a.jsonl.gz", "{\"title\":\"x\"}\n", Format::jsonl},
            {"a.csv", "id,title\n1,x\n", Format::csv},
            {"a.tsv", "id\ttitle\n", Format::csv},
            {"reut2-000.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS",
             Format::reuters_sgml},
            {"other.sgml", "<!DOCTYPE html>", Format::unknown},
            {"lewis.dtd", "<!-- 23-Jan-97 This is v1.1 of lewis.dtd -->\n<!ELEMENT",
             Format::unknown},
            {"all-exchanges-strings.lc.txt", "amex\nase\nasx\nbiffex\nbse\n", Format::unknown},
            {"001.txt", "Ad sales boost Time Warner profit\n\nQuarterly profits at...",
             Format::text},
            {"README.TXT", "Consists of 2225 documents from the BBC news website\n", Format::text},
            {"page.html", "<html><body>", Format::html},
            {"photo.JPG", "anything", Format::binary},
            {"paper.pdf", "%PDF-1.4", Format::binary},
            {"noext", "\x89PNG\r\n\x1a\n", Format::binary},
            {"noext", "PK\x03\x04rest", Format::binary},
            {"noext",
             "\x7F"
             "ELF\x02\x01",
             Format::binary},
            {"a.txt", nul_text, Format::binary},
            {"noext", "{\"title\":\"x\"}\n{\"title\":\"y\"}", Format::jsonl},
            {"noext", "  [ {\"title\": 1} ]", Format::json},
            {"noext", "\xEF\xBB\xBF{\n \"x\": 1}", Format::json},
            {"noext", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">", Format::reuters_sgml},
            {"noext", "<REUTERS NEWID=\"1\">", Format::reuters_sgml},
            {"noext", "<?xml version=\"1.0\"?>", Format::unknown},
            {"data", "id;Headline;Body\n1;a;b\n", Format::csv},
            {"data", "\"id\",\"title\",\"link\"\n", Format::csv},
            {"notes.md", "Some words about the dump.\nMore words.\n", Format::text},
            // A scraped page in Markdown that opens with a link (html2text) is text, not JSON.
            {"page.md", "[Skip to content](#main)\n\nHeadline\n", Format::text},
            {"noext", "[Skip to content](#main)\n\nHeadline of the story\n", Format::text},
            {"noext", "[\n  1, 2\n]", Format::json},
            {"noext", "[]", Format::json},
            {"noext", "first line, with a comma\nsecond", Format::text},
            {"blob", std::string("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f", 10), Format::binary},
        };
        for (const auto& c : cases) {
            CAPTURE(c.name);
            CAPTURE(c.head);
            CHECK(format_name(detect_format(c.name, c.head)) == format_name(c.expected));
        }
    }

    TEST_CASE("binary and unknown entries are skipped whole, not reported per record") {
        auto png = read_string("x.png", "\x89PNG\r\n\x1a\nrest");
        CHECK(png.articles.empty());
        CHECK(png.bad.empty());
        CHECK(png.skipped == std::vector<std::string>{"binary file"});
        auto dtd = read_string("lewis.dtd", "<!ELEMENT LEWIS O O (REUTERS+)>\n");
        CHECK(dtd.articles.empty());
        CHECK(dtd.bad.empty());
        CHECK(dtd.skipped == std::vector<std::string>{"not an article format"});
        ReaderOptions forced;
        forced.format = Format::jsonl;  // a forced format still skips plain binaries
        auto elf = read_string("prog",
                               std::string("\x7F"
                                           "ELF\0\0\0",
                                           7),
                               forced);
        CHECK(elf.articles.empty());
        CHECK(elf.bad.empty());
        CHECK(elf.skipped.size() == 1);
        auto text = read_string("a.txt", "Title\nBody\n");
        CHECK(text.skipped.empty());
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("utf16") {
    /// `utf8` as UTF-16 of either byte order, with or without a byte order mark.
    std::string to_utf16(const std::string& utf8, bool big, bool bom) {
        std::u16string units;
        for (std::size_t i = 0; i < utf8.size();) {
            const auto c = static_cast<unsigned char>(utf8[i]);
            const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
            for (int k = 1; k < len; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
            i += static_cast<std::size_t>(len);
            if (cp >= 0x10000) {
                units += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
                units += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                units += static_cast<char16_t>(cp);
            }
        }
        std::string out = bom ? (big ? "\xFE\xFF" : "\xFF\xFE") : "";
        for (char16_t u : units) {
            const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
            out += big ? hi : lo;
            out += big ? lo : hi;
        }
        return out;
    }

    TEST_CASE("UTF-16 text, HTML and JSON Lines are read as UTF-8, not skipped as binary") {
        const std::string text =
            "Kohat Gazette\r\nپشاور میں بارش \xF0\x9F\x8C\xA7\r\n\r\nPESHAWAR: Rain fell on "
            "the city on Monday, the met office said, and more is expected this week.\r\n";
        for (const bool big : {false, true})
            for (const bool bom : {true, false})
                for (const std::size_t chunk : {std::size_t{7}, std::size_t{1} << 20}) {
                    CAPTURE(big);
                    CAPTURE(bom);
                    CAPTURE(chunk);
                    const auto r =
                        read_string("exports/kohat/1.txt", to_utf16(text, big, bom), {}, chunk);
                    REQUIRE(r.articles.size() == 1);
                    CHECK(r.skipped.empty());
                    CHECK(r.articles[0].title == "Kohat Gazette");
                    CHECK(r.articles[0].body ==
                          "پشاور میں بارش \xF0\x9F\x8C\xA7\n\nPESHAWAR: Rain fell on the city "
                          "on Monday, the met office said, and more is expected this week.");
                }
        const auto html = read_string(
            "page.html",
            to_utf16(
                "<html><head><meta charset=\"utf-16\"><title>بارش</title></head><body>"
                "<article><h1>بارش</h1><p>پشاور میں پیر کو بارش ہوئی اور محکمہ موسمیات نے مزید "
                "بارش کی پیش گوئی کی ہے۔</p></article></body></html>",
                false, true));
        REQUIRE(html.articles.size() == 1);
        CHECK(html.articles[0].body.find("محکمہ موسمیات") != std::string::npos);
        const auto jsonl = read_string(
            "export.jsonl", to_utf16("{\"title\":\"A\",\"body\":\"one\"}\n{\"title\":\"B\","
                                     "\"body\":\"two\"}\n",
                                     false, true));
        CHECK(jsonl.articles.size() == 2);
        // A lone surrogate and an odd last byte become U+FFFD; nothing is lost around them.
        std::string broken = to_utf16("abc", false, true);
        broken += std::string("\x00\xD8", 2) + to_utf16(" def and more text", false, false) + "x";
        const auto r = read_string("b.txt", broken);
        REQUIRE(r.articles.size() == 1);
        CHECK(r.articles[0].title == "abc\xEF\xBF\xBD def and more text\xEF\xBF\xBD");
    }

    TEST_CASE("a long UTF-16 entry is decoded a chunk at a time, not held whole") {
        std::string line = to_utf16("پشاور میں بارش، and more text on the line\n", false, false);
        std::string data = "\xFF\xFE";
        while (data.size() < (4u << 20)) data += line;
        StringStream in(data);
        Utf16Reader utf8(in, Utf16Order::little_endian);
        char buf[1000];
        std::size_t total = 0, most = 0, n = 0;
        // Reads of odd sizes that never drain a decoded chunk exactly.
        for (std::size_t k = 0; (n = utf8.read(buf, 333 + k % 5)) > 0; ++k) {
            total += n;
            most = std::max(most, utf8.held());
        }
        CHECK(total > (2u << 20));
        CHECK(most < (128u << 10));
    }

    TEST_CASE("utf16_order: by the byte order mark, or by where the NULs are") {
        CHECK(utf16_order("\xFF\xFE") == Utf16Order::little_endian);
        CHECK(utf16_order("\xFE\xFF") == Utf16Order::big_endian);
        const std::string ascii(80, 'a');
        CHECK(utf16_order(to_utf16(ascii, false, false)) == Utf16Order::little_endian);
        CHECK(utf16_order(to_utf16(ascii, true, false)) == Utf16Order::big_endian);
        CHECK(utf16_order(ascii) == Utf16Order::none);
        CHECK(utf16_order(to_utf16("short", false, false)) == Utf16Order::none);  // < 64 bytes
        // Binary data: runs of NULs, or NULs on both sides.
        std::string binary(100, '\0');
        CHECK(utf16_order(binary) == Utf16Order::none);
        for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = i % 3 == 0 ? '\0' : 'x';
        CHECK(utf16_order(binary) == Utf16Order::none);
        // Urdu letters (06xx) and spaces: NULs on one side only.
        CHECK(utf16_order(to_utf16("پشاور میں پیر کو بارش ہوئی اور محکمہ موسمیات نے کہا", false,
                                   false)) == Utf16Order::little_endian);
    }
}

TEST_SUITE("utf8") {
    TEST_CASE("validation and Windows-1252 repair") {
        using records::repair_utf8;
        using records::valid_utf8;
        CHECK(valid_utf8("plain ascii"));
        CHECK(valid_utf8("\xD8\xA7\xD8\xB1\xD8\xAF\xD9\x88"));  // اردو
        CHECK_FALSE(valid_utf8("\xC0\xAF"));                    // overlong
        CHECK_FALSE(valid_utf8("\xED\xA0\x80"));                // surrogate
        CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));            // past U+10FFFF
        CHECK_FALSE(valid_utf8("abc\xE2\x82"));                 // cut
        CHECK(repair_utf8("fee \xA3"
                          "15.8") ==
              "fee \xC2\xA3"
              "15.8");                                           // £
        CHECK(repair_utf8("growth.\xFC") == "growth.\xC3\xBC");  // ü
        CHECK(repair_utf8("\x93quoted\x94") == "\xE2\x80\x9Cquoted\xE2\x80\x9D");
        CHECK(repair_utf8("\x81") == "\xEF\xBF\xBD");
        CHECK(repair_utf8("ok \xD8\xA7") == "ok \xD8\xA7");
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("jsonl") {
    TEST_CASE("aliases, value conversion and origins") {
        const std::string data =
            "{\"headline\":\"First\",\"content\":\"Body one\",\"publishedAt\":\"2020-01-02\","
            "\"link\":\"http://x/"
            "1\",\"_id\":17,\"authors\":[\"A\",\"B\"],\"categories\":[\"World\","
            "\"Asia\"],\"publisher\":{\"name\":\"Dawn\"},\"language\":\"ur\"}\n"
            "\n"
            "  {\"Title\":\"Second\",\"TEXT\":\"Body two\",\"date\":1700000000}  \r\n";
        auto r = read_string("a.jsonl", data);
        REQUIRE(r.bad.empty());
        REQUIRE(r.articles.size() == 2);
        const Article& a = r.articles[0];
        CHECK(a.title == "First");
        CHECK(a.body == "Body one");
        CHECK(a.date_text == "2020-01-02");
        CHECK(a.date_field == "field:publishedAt");
        CHECK(a.url == "http://x/1");
        CHECK(a.own_id == "17");
        CHECK(a.author == "A, B");
        CHECK(a.section == "World");
        CHECK(a.source == "Dawn");
        CHECK(a.lang == "ur");
        CHECK(a.origin.file == "dump.tar");
        CHECK(a.origin.entry == "dir/a.jsonl");
        CHECK(a.origin.record == 1);
        const Article& b = r.articles[1];
        CHECK(b.title == "Second");
        CHECK(b.body == "Body two");
        CHECK(b.date_text == "1700000000");
        CHECK(b.date_field == "field:date");
        CHECK(b.lang.empty());
        CHECK(b.origin.record == 3);  // line number
    }

    TEST_CASE("preferred aliases win, empty values fall through, description only without body") {
        auto r = read_string("a.jsonl",
                             "{\"heading\":\"h\",\"title\":\"t\",\"story\":\"s\",\"body\":\"  \","
                             "\"description\":\"d\"}\n"
                             "{\"title\":\"\",\"headline\":\"hl\",\"description\":\"only d\"}\n"
                             "{\"name\":\"not a title\",\"text\":\"x\"}\n");
        REQUIRE(r.articles.size() == 3);
        CHECK(r.articles[0].title == "t");
        CHECK(r.articles[0].body == "s");
        CHECK(r.articles[1].title == "hl");
        CHECK(r.articles[1].body == "only d");
        CHECK(r.articles[2].title.empty());
    }

    TEST_CASE("malformed line in the middle is reported with its line number") {
        auto r = read_string("a.jsonl",
                             "{\"title\":\"one\"}\n{\"title\":\"two\"}\n{\"title\": \"three\n"
                             "{\"title\":\"four\"}\n[1,2]\n{\"url\":\"http://no-text\"}\n"
                             "{\"title\":\"seven\"}",
                             {}, 5);
        REQUIRE(r.articles.size() == 4);
        CHECK(r.articles[1].title == "two");
        CHECK(r.articles[1].origin.record == 2);
        CHECK(r.articles[2].title == "four");
        CHECK(r.articles[2].origin.record == 4);
        CHECK(r.articles[3].origin.record == 7);
        REQUIRE(r.bad.size() == 3);
        CHECK(r.bad[0].where.record == 3);
        CHECK(r.bad[0].reason.rfind("invalid JSON: ", 0) == 0);
        CHECK(r.bad[0].reason.find("json.exception") == std::string::npos);
        CHECK(r.bad[1].where.record == 5);
        CHECK(r.bad[1].reason == "not a JSON object");
        CHECK(r.bad[2].where.record == 6);
        CHECK(r.bad[2].reason == "no title or body");
    }

    TEST_CASE("invalid UTF-8 is repaired, a BOM is ignored") {
        auto r = read_string("a.jsonl", "\xEF\xBB\xBF{\"title\":\"Caf\xE9\",\"body\":\"\xFF\"}\n");
        REQUIRE(r.bad.empty());
        REQUIRE(r.articles.size() == 1);
        CHECK(r.articles[0].title == "Caf\xC3\xA9");
        CHECK(r.articles[0].body == "\xC3\xBF");
    }

    TEST_CASE("field_map overrides aliases") {
        ReaderOptions options;
        options.field_map = {{"title", "Subject"}, {"body", "title"}, {"date", "when"}};
        auto r = read_string(
            "a.jsonl", "{\"subject\":\"S\",\"title\":\"T\",\"when\":\"2019\",\"date\":\"x\"}\n",
            options);
        REQUIRE(r.articles.size() == 1);
        CHECK(r.articles[0].title == "S");
        CHECK(r.articles[0].body == "T");
        CHECK(r.articles[0].date_text == "2019");
        CHECK(r.articles[0].date_field == "field:when");
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("json") {
    TEST_CASE("top-level array: one bad element costs one record") {
        auto r = read_string("a.json",
                             "[\n {\"title\":\"a\",\"body\":\"x\"},\n {\"title\": tru},\n"
                             " \"scalar\",\n {\"title\":\"d \\\"q\\\" ]}\"}\n]\n",
                             {}, 3);
        REQUIRE(r.articles.size() == 2);
        CHECK(r.articles[0].origin.record == 1);
        CHECK(r.articles[1].title == "d \"q\" ]}");
        CHECK(r.articles[1].origin.record == 4);
        REQUIRE(r.bad.size() == 2);
        CHECK(r.bad[0].where.record == 2);
        CHECK(r.bad[0].reason.rfind("invalid JSON: ", 0) == 0);
        CHECK(r.bad[0].reason.find("(element at line 3)") != std::string::npos);
        CHECK(r.bad[1].where.record == 3);
    }

    TEST_CASE("single object, wrappers and concatenated objects") {
        auto single = read_string("a.json", "{\n \"title\": \"only\",\n \"body\": \"b\"\n}\n");
        REQUIRE(single.articles.size() == 1);
        CHECK(single.articles[0].origin.record == 1);

        auto wrapped = read_string("a.json",
                                   "{\"status\":\"ok\",\"totalResults\":2,\"articles\":[{\"title\":"
                                   "\"a\"},{\"title\":\"b\","
                                   "\"source\":{\"id\":null,\"name\":\"BBC\"}}]}");
        REQUIRE(wrapped.articles.size() == 2);
        CHECK(wrapped.articles[1].source == "BBC");
        CHECK(wrapped.articles[1].origin.record == 2);

        // Dawn teasers: {"date": ..., "sections": {"front-page": [...], "sport": [...]}}
        auto dawn = read_string(
            "dawn.json",
            "{\"date\":\"2013-11-24\",\"sections\":{\"front-page\":[{\"title\":\"t1\",\"summary\":"
            "\"s1\",\"section\":\"front-page\"}],\"empty\":[],\"sport\":[{\"title\":\"t2\","
            "\"url\":\"u\",\"date\":\"2013-11-24\"},{\"title\":\"t3\"}]}}");
        REQUIRE(dawn.bad.empty());
        REQUIRE(dawn.articles.size() == 3);
        CHECK(dawn.articles[0].body == "s1");
        CHECK(dawn.articles[0].section == "front-page");
        CHECK(dawn.articles[2].title == "t3");
        CHECK(dawn.articles[2].origin.record == 3);

        auto concatenated = read_string("a.json", "{\n\"title\":\"a\"\n}\n{\n\"title\":\"b\"\n}\n");
        CHECK(concatenated.articles.size() == 2);
    }

    TEST_CASE("broken documents are reported, not fatal") {
        auto truncated = read_string("a.json", "[{\"title\":\"a\"}, {\"title\":\"b\"");
        CHECK(truncated.articles.size() == 1);
        CHECK(truncated.bad.size() == 1);
        auto nothing = read_string("a.json", "{\"status\":\"ok\",\"count\":0}");
        CHECK(nothing.articles.empty());
        CHECK(nothing.bad.size() == 1);
        auto empty = read_string("a.json", "  \n");
        CHECK(empty.bad.empty());
        CHECK(empty.skipped == std::vector<std::string>{"empty file"});
        auto missing_comma = read_string("a.json", "[{\"title\":\"a\"} {\"title\":\"b\"}]");
        CHECK(missing_comma.articles.size() == 1);
        REQUIRE(missing_comma.bad.size() == 1);
        CHECK(missing_comma.bad[0].reason.rfind("invalid JSON: expected ','", 0) == 0);
        auto latin1 = read_string("a.json",
                                  "[{\"title\":\"\xA3"
                                  "5\"}]");
        REQUIRE(latin1.articles.size() == 1);
        CHECK(latin1.articles[0].title ==
              "\xC2\xA3"
              "5");
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("csv") {
    TEST_CASE("RFC 4180 quoting, newlines inside quotes, CRLF, BOM, case-insensitive headers") {
        const std::string data =
            "\xEF\xBB\xBF"
            "ID,Title,Link,Content,gold_label\r\n"
            "0,First,http://a,\"Line one\r\nline two, with comma\r\n\r\nand "
            "\"\"quotes\"\"\",Real\r\n"
            "\"1\",\"Second\",\"http://b\",\"plain\",\"Fake\"\r\n"
            "\r\n"
            "2,Third,,body three,\r\n";
        auto r = read_string("x.csv", data, {}, 7);
        REQUIRE(r.bad.empty());
        REQUIRE(r.articles.size() == 3);
        CHECK(r.articles[0].own_id == "0");
        CHECK(r.articles[0].title == "First");
        CHECK(r.articles[0].url == "http://a");
        CHECK(r.articles[0].body == "Line one\nline two, with comma\n\nand \"quotes\"");
        CHECK(r.articles[0].origin.record == 1);
        CHECK(r.articles[1].own_id == "1");
        CHECK(r.articles[1].body == "plain");
        CHECK(r.articles[2].url.empty());
        CHECK(r.articles[2].origin.record == 3);
    }

    TEST_CASE("delimiter detection and field_map") {
        auto semi = read_string("x.csv", "headline;story;pubDate\nA;B, still B;2020-01-01\n");
        REQUIRE(semi.articles.size() == 1);
        CHECK(semi.articles[0].body == "B, still B");
        CHECK(semi.articles[0].date_field == "field:pubDate");
        auto tab = read_string("x.tsv", "title\tbody\nA, a\tB; b\n");
        REQUIRE(tab.articles.size() == 1);
        CHECK(tab.articles[0].title == "A, a");
        ReaderOptions options;
        options.field_map = {{"body", "Matn"}, {"title", "Unwan"}};
        auto mapped = read_string("x.csv", "unwan,matn\nT,B\n", options);
        REQUIRE(mapped.articles.size() == 1);
        CHECK(mapped.articles[0].title == "T");
        CHECK(mapped.articles[0].body == "B");
    }

    TEST_CASE("bad rows are reported with their starting line and reading goes on") {
        auto r = read_string("x.csv",
                             "title,body\n"
                             "a,b\n"
                             "only-one-field\n"
                             "\"multi\nline\",b,extra\n"
                             ",\n"
                             "c,d\n"
                             "e,\"never closed\nf,g\n");
        REQUIRE(r.articles.size() == 3);
        CHECK(r.articles[1].title == "c");
        CHECK(r.articles[1].origin.record == 5);
        CHECK(r.articles[2].title == "f");  // the line after the unclosed quote is read again
        CHECK(r.articles[2].origin.record == 7);
        REQUIRE(r.bad.size() == 4);
        CHECK(r.bad[0].where.record == 2);
        CHECK(r.bad[0].reason ==
              "wrong number of fields: expected 2, found 1 (row starts at line 3)");
        CHECK(r.bad[1].where.record == 3);
        CHECK(r.bad[1].reason ==
              "wrong number of fields: expected 2, found 3 (row starts at line 4)");
        CHECK(r.bad[2].reason == "no title or body: row starts at line 6");
        CHECK(r.bad[3].where.record == 6);
        CHECK(r.bad[3].reason ==
              "unclosed quote: the row starting at line 8 runs to the end of the file; reading "
              "resumes on the next line");
    }

    TEST_CASE("an unterminated quote does not swallow a large file silently") {
        // Row 1 opens a quote that never closes; 17 MiB of ordinary rows follow.
        std::string data = "title,body\nx,\"runaway\n";
        const std::string body(1000, 'z');
        std::size_t rows = 0;
        while (data.size() < (17u << 20)) {
            data += "t" + std::to_string(++rows) + "," + body + "\n";
        }
        auto r = read_string("x.csv", data + "late,row\n");
        REQUIRE(r.bad.size() == 1);
        CHECK(r.bad[0].where.record == 1);
        CHECK(r.bad[0].reason.rfind("record too long: over 16 MiB from line 2", 0) == 0);
        REQUIRE(r.articles.size() == rows + 1);  // every row after the runaway one is read again
        CHECK(r.articles.front().title == "t1");
        CHECK(r.articles.front().origin.record == 2);
        CHECK(r.articles.back().title == "late");
    }

    TEST_CASE("a header without title or body columns is reported once") {
        auto r = read_string("x.csv", "a,b\n1,2\n3,4\n");
        CHECK(r.articles.empty());
        REQUIRE(r.bad.size() == 1);
        CHECK(r.bad[0].where.record == 0);
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("reuters") {
    const std::string kSample =
        "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
        "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" OLDID=\"5544\" NEWID=\"1\">\n"
        "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
        "<TOPICS><D>cocoa</D><D>grain</D></TOPICS>\n"
        "<PLACES><D>el-salvador</D></PLACES>\n"
        "<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute\n</UNKNOWN>\n"
        "<TEXT>&#2;\n"
        "<TITLE>BAHIA COCOA &lt;REVIEW></TITLE>\n"
        "<AUTHOR>    by Janie Gabbett, Reuters</AUTHOR>\n"
        "<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout\n"
        "the week in the Bahia &amp; cocoa zone.\n"
        "    The dry period means the temporao will be late.\n"
        "\n"
        "Caf\xFC ends here.\n"
        " Reuter\n"
        "&#3;</BODY></TEXT>\n"
        "</REUTERS>\n"
        "<REUTERS TOPICS=\"NO\" NEWID=\"2\">\n"
        "<DATE>27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM</DATE>\n"
        "<TOPICS></TOPICS>\n"
        "<TEXT TYPE=\"BRIEF\">&#2;\n"
        "******<TITLE>ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE\n"
        "</TITLE>Blah blah blah.\n"
        "&#3;\n\n</TEXT>\n"
        "</REUTERS>\n"
        "<REUTERS NEWID=\"3\">\n"
        "<DATE>9-APR-1987 00:00:00.00    # date added by S Finch as guesswork </DATE>\n"
        "<TEXT TYPE=\"UNPROC\">&#2;\n"
        "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n"
        " Net free reserves.............644 vs.....1,337\n"
        " REUTER\n"
        "&#3;</TEXT>\n"
        "</REUTERS>\n"
        "<REUTERS NEWID=\"4\"><DATE>1-MAR-1987</DATE><TEXT>&#2;&#3;</TEXT></REUTERS>\n"
        "<REUTERS NEWID=\"5\">\n<TEXT><TITLE>cut off\n";

    TEST_CASE("elements become articles with decoded, unwrapped text") {
        auto r = read_string("reut2-000.sgm", kSample, {}, 11);
        REQUIRE(r.articles.size() == 3);
        const Article& a = r.articles[0];
        CHECK(a.own_id == "1");
        CHECK(a.title == "BAHIA COCOA <REVIEW>");
        CHECK(a.date_text == "26-FEB-1987 15:01:01.79");
        CHECK(a.date_field == "reuters:DATE");
        CHECK(a.section == "cocoa, grain");  // every TOPICS entry
        CHECK(a.source == "Reuters");
        CHECK(a.author == "Janie Gabbett");
        CHECK(a.body ==
              "Showers continued throughout the week in the Bahia & cocoa zone.\n\n"
              "The dry period means the temporao will be late.\n\n"
              "Caf\xC3\xBC ends here.");
        CHECK(a.origin.record == 1);
        CHECK(a.origin.entry == "dir/reut2-000.sgm");

        const Article& brief = r.articles[1];
        CHECK(brief.own_id == "2");
        CHECK(brief.title == "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE");
        CHECK(brief.body.empty());
        CHECK(brief.date_text == "27-MAR-1987 00:02:59.13");
        CHECK(brief.section.empty());

        const Article& unproc = r.articles[2];
        CHECK(unproc.title.empty());
        CHECK(unproc.body ==
              "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n\n"
              "Net free reserves.............644 vs.....1,337");
        CHECK(unproc.date_text == "9-APR-1987 00:00:00.00");
        CHECK(unproc.origin.record == 3);

        REQUIRE(r.bad.size() == 2);
        CHECK(r.bad[0].where.record == 4);
        CHECK(r.bad[0].reason == "no title or body");
        CHECK(r.bad[1].where.record == 5);
        CHECK(r.bad[1].reason.find("not closed") != std::string::npos);
    }

    TEST_CASE("sign-off variants are stripped") {
        struct Case {
            const char* body;
            const char* expected;
        };
        const Case cases[] = {
            {"Text here.\n REUTER\n&#3;", "Text here."},
            {"Text here.\n reuter^M\n&#3;", "Text here."},
            {"Text here.\nREUTER...\n&#3;", "Text here."},
            {"Text here. REUTER\n&#3;", "Text here."},
            {"He told Reuters.\n&#3;", "He told Reuters."},
            {"Said in an interview with Reuters", "Said in an interview with Reuters"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.body);
            auto r = read_string("x.sgm", std::string("<REUTERS NEWID=\"9\"><TEXT><BODY>") +
                                              c.body + "</BODY></TEXT></REUTERS>\n");
            REQUIRE(r.articles.size() == 1);
            CHECK(r.articles[0].body == c.expected);
        }
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("text") {
    TEST_CASE("first line is the title, the rest the body") {
        auto r = read_string("001.txt",
                             "\xEF\xBB\xBF\r\nAd sales boost Time Warner profit\r\n\r\nQuarterly "
                             "profits rose.\r\n\r\nIt said \xA3"
                             "5.\r\n",
                             {}, 4);
        REQUIRE(r.articles.size() == 1);
        CHECK(r.articles[0].title == "Ad sales boost Time Warner profit");
        CHECK(r.articles[0].body ==
              "Quarterly profits rose.\n\nIt said \xC2\xA3"
              "5.");
        CHECK(r.articles[0].origin.record == 1);
    }

    TEST_CASE("a paragraph-long first line is body, not title; empty files are skipped") {
        std::string para;
        for (int i = 0; i < 40; ++i) para += "word\xDA\xA9 ";  // 40 x 6 characters
        auto r = read_string("tch86.txt", para + "\nmore");
        REQUIRE(r.articles.size() == 1);
        CHECK(r.articles[0].title.empty());
        CHECK(r.articles[0].body == records::trim(para + "\nmore"));
        auto only_title = read_string("a.txt", "Just a headline\n");
        REQUIRE(only_title.articles.size() == 1);
        CHECK(only_title.articles[0].title == "Just a headline");
        CHECK(only_title.articles[0].body.empty());
        auto empty = read_string("a.txt", " \r\n\n");
        CHECK(empty.articles.empty());
        CHECK(empty.bad.empty());
        CHECK(empty.skipped == std::vector<std::string>{"empty file"});
    }

    TEST_CASE("a front matter block gives title, date, URL and site (trafilatura, Jekyll)") {
        auto r =
            read_string("khabar-00260-09.txt",
                        "---\ntitle: \"Bank raises rates\"\nurl: https://chaupal-news.pk/news/260"
                        "\nhostname: chaupal-news.pk\ndate: 2025-04-04\nauthor: 'Staff'\n---\n\n"
                        "Home\nSports\n\nBank raises rates\n\nThe bank raised its rate.\n");
        REQUIRE(r.articles.size() == 1);
        const Article& a = r.articles[0];
        CHECK(a.title == "Bank raises rates");
        CHECK_FALSE(a.title_from_first_line);
        CHECK(a.date_text == "2025-04-04");
        CHECK(a.date_field == "field:date");
        CHECK(a.url == "https://chaupal-news.pk/news/260");
        CHECK(a.source == "chaupal-news.pk");
        CHECK(a.author == "Staff");
        CHECK(a.body == "Home\nSports\n\nBank raises rates\n\nThe bank raised its rate.");
        // A story between two rules is not front matter, however it starts.
        auto between = read_string("b.txt",
                                   "---\nTitle: Water tariff up\nSource: Dawn\n\nKARACHI: "
                                   "The board raised the tariff.\n---\n");
        REQUIRE(between.articles.size() == 1);
        CHECK(between.articles[0].body.find("raised the tariff") != std::string::npos);
        // A rule line that opens no front matter is text.
        auto rule = read_string("a.txt", "---\nJust a headline\n\nThe story.\n");
        REQUIRE(rule.articles.size() == 1);
        CHECK(rule.articles[0].title == "---");
        CHECK(rule.articles[0].body == "Just a headline\n\nThe story.");
    }

    TEST_CASE("Markdown notes are read without their markup; a clipper's source is the URL") {
        CHECK(khabar::records::markdown_as_text(
                  "## Read more\n\n- [Thai army urges calm](https://x.pk/1) \xE2\x80\x94"
                  " 17 Mar 2027\n![photo](a.png)\n**Bold** and [a link](http://a.pk/2 "
                  "\"its title\").\n> A quote.\n---\n### Crosshead ###\n```\n[kept](as "
                  "written)\n```\n(see page 2) and [brackets] (not a link)\n") ==
              "Read more\n\n- Thai army urges calm \xE2\x80\x94 17 Mar 2027\nBold and a link.\n"
              "A quote.\n\nCrosshead\n[kept](as written)\n(see page 2) and [brackets] (not a "
              "link)\n");
        // Obsidian's Web Clipper: YAML properties, the page as Markdown, a list of links after it.
        auto r = read_string(
            "Obsidian Vault/Clippings/Scots smoking ban details set out.md",
            "---\ntitle: \"Scots smoking ban details set out\"\nsource: "
            "\"https://www.wirestories.example/news/scots-smoking-ban-3194930\"\nauthor:\n  - "
            "\"[[Staff]]\"\npublished:\ncreated: 2027-03-11\ntags:\n  - \"clippings\"\n---\n\n# "
            "Scots smoking ban details set out\n\nSmoke-free areas will save lives, the [First "
            "Minister](https://x.example/fm) said.\n\n## Read more\n\n- [More time sought for "
            "ballot papers](https://www.wirestories.example/news/3194964) \xE2\x80\x94 17 Mar "
            "2027\n");
        REQUIRE(r.articles.size() == 1);
        const Article& a = r.articles[0];
        CHECK(a.url == "https://www.wirestories.example/news/scots-smoking-ban-3194930");
        CHECK(a.source.empty());     // an address, not an outlet's name
        CHECK(a.date_text.empty());  // "created:" is when it was clipped
        CHECK(a.body ==
              "Scots smoking ban details set out\n\nSmoke-free areas will save lives, the First "
              "Minister said.\n\nRead more\n\n- More time sought for ballot papers \xE2\x80\x94 17 "
              "Mar 2027");
        // A .md file without front matter too; a .txt file keeps its brackets as written.
        const std::string page = "# Rates held\n\nThe bank [held](https://x.pk/a) its rate.\n";
        auto md = read_string("notes/rates.md", page);
        REQUIRE(md.articles.size() == 1);
        CHECK(md.articles[0].title == "Rates held");
        CHECK(md.articles[0].body == "The bank held its rate.");
        auto txt = read_string("notes/rates.txt", page);
        REQUIRE(txt.articles.size() == 1);
        CHECK(txt.articles[0].body == "The bank [held](https://x.pk/a) its rate.");
        // A converter's Markdown saved as .txt (html2text): links, a heading, the date line in
        // emphasis; read without the markup, so the date line reads as a date.
        auto converted = read_string(
            "html2text/jhang-awaz.pk/74657.txt",
            "\n[مواد پر جائیں](#main)\n\n[jhang awaz](https://jhang-awaz.pk/)\n\n  * [شہر کی "
            "خبریں](/section/1)\n  * [کھیل](/section/2)\n\n# نورا فتیحی کے مداحوں کیلئے بری "
            "خبر\n\n_نمائندہ خصوصی_  \n_ہفتہ، 3 جولائی 2027_  \n\nبالی ووڈ کے مشہور ہدایتکار "
            "نے اپنی نئی فلم کے حوالے سے دلچسپ انکشافات کیے ہیں۔\n");
        REQUIRE(converted.articles.size() == 1);
        const std::string& body = converted.articles[0].body;
        CHECK(body.find("](") == std::string::npos);
        CHECK(body.find("\n* کھیل\n") != std::string::npos);  // a bullet stays a bullet
        CHECK(body.find("\nہفتہ، 3 جولائی 2027") != std::string::npos);
        CHECK(body.find("# ") == std::string::npos);
    }

    TEST_CASE("Markdown emphasis with one mark goes; bullets, snake_case and products stay") {
        CHECK(khabar::records::markdown_as_text("_Saturday, 3 July 2027_  \n*Updated* at noon\n"
                                                "* a bullet\nsnake_case and 2 * 3 stay\n") ==
              "Saturday, 3 July 2027  \nUpdated at noon\n* a bullet\nsnake_case and 2 * 3 "
              "stay\n");
    }

    TEST_CASE("a story shared in a chat channel: the poster's message goes, the link is the URL") {
        auto r = read_string(
            "discord-export/fenland/7202741.txt",
            "Jess Holloway\n#local-news \xE2\x80\x94 June 11, 2027 7:41 AM\nBin collections move "
            "to "
            "Saturday 12 June 2027 this week\n\nhttps://www.fenland-chronicle.co.uk/news/"
            "iaaf-7202741\n\n\xE2\x96\x8C Fenland Chronicle\n\xE2\x96\x8C News\n\nIAAF will "
            "contest "
            "Greek decision\nBy Rahul Menon\n\nThe federation will appeal against the acquittal "
            "of two Greek athletes.\n");
        REQUIRE(r.articles.size() == 1);
        const Article& a = r.articles[0];
        CHECK(a.url == "https://www.fenland-chronicle.co.uk/news/iaaf-7202741");
        CHECK(a.title == "Fenland Chronicle");  // the preview's first line; cleaning retitles
        CHECK(a.body.find("Bin collections") == std::string::npos);
        CHECK(a.body.find("#local-news") == std::string::npos);
        CHECK(a.body.find("\xE2\x96\x8C") == std::string::npos);
        CHECK(a.body.find("IAAF will contest Greek decision") != std::string::npos);
    }

    TEST_CASE("a subtitle file saved as text: cue numbers and timings go, the cues' text stays") {
        auto r = read_string("subs/83305.ur.srt.txt",
                             "Messi eyes Barcelona return\nStaff reporter\n4 May 2027\n\n1\n"
                             "00:00:00,000 --> 00:00:30,100\nLionel Messi is preparing to return "
                             "to Barcelona.\n\n2\n00:00:31,470 --> 00:00:56,720\nHe scored 672 "
                             "goals for the club.\n");
        REQUIRE(r.articles.size() == 1);
        const Article& a = r.articles[0];
        CHECK(a.title == "Messi eyes Barcelona return");
        CHECK(a.body.find("-->") == std::string::npos);
        CHECK(a.body.find("\n1\n") == std::string::npos);
        CHECK(a.body.find("4 May 2027\n\nLionel Messi is preparing") != std::string::npos);
        CHECK(a.body.find("He scored 672 goals") != std::string::npos);
        // One arrow in a story is no subtitle file.
        auto one = read_string("a.txt", "Scores\n\n1\n10:00:00,000 --> the final whistle.\n");
        REQUIRE(one.articles.size() == 1);
        CHECK(one.articles[0].body.find("-->") != std::string::npos);
    }

    TEST_CASE(
        "a news database's delivered document: its metadata and trailer go, its story stays") {
        const std::string doc =
            "Document 1 of 16 retrieved Mon 12 Apr 2027\n\nPress Digest Archive\nDocument "
            "delivery\n\nSection: BUSINESS; Pg. 3\nLength: 162 words\n\nFed Governor Seger Sees "
            "Currency Stability\nBy Reuters\nThursday, June 18, 1987\nBody\n\nFederal Reserve "
            "Board Governor Martha Seger said there were signs of helpful stability.\n\n\"I think "
            "we are beginning to see more calm,\" Seger told reporters.\n\nLoad-Date: April 12, "
            "2027\n\nEnd of Document\n";
        auto r = read_string("export/doc-5310626.txt", doc);
        REQUIRE(r.articles.size() == 1);
        const Article& a = r.articles[0];
        CHECK(a.title == "Press Digest Archive");  // the first line; cleaning retitles
        CHECK(a.body.find("retrieved") == std::string::npos);
        CHECK(a.body.find("Length:") == std::string::npos);
        CHECK(a.body.find("Load-Date") == std::string::npos);
        CHECK(a.body.find("End of Document") == std::string::npos);
        CHECK(a.body.find("\nBody\n") == std::string::npos);
        CHECK(a.body.find("By Reuters\nThursday, June 18, 1987\n\nFederal Reserve") !=
              std::string::npos);
        // Several documents in one file are left whole (nothing after the first is lost).
        auto two = read_string("export/two.txt", doc +
                                                     "\nSecond story\nLength: 9 words\nBody\n\n"
                                                     "The second story's text.\n\nLoad-Date: "
                                                     "April 13, 2027\n");
        REQUIRE(two.articles.size() == 1);
        CHECK(two.articles[0].body.find("The second story's text.") != std::string::npos);
        // A story with a line "Body" in it and no database's marks is left as written.
        auto plain = read_string("a.txt", "Gym opens\n\nBody\n\nThe new gym opened today.\n");
        REQUIRE(plain.articles.size() == 1);
        CHECK(plain.articles[0].body == "Body\n\nThe new gym opened today.");
    }

    TEST_CASE("a saving tool's header gives the page's URL; its time of saving dates nothing") {
        // As a web clipper saves a page: the address, when it was clipped, a blank line, the page.
        auto r = read_string("clippings/Barclays Names New Chief.txt",
                             "Source: https://nypost.com/1987/04/07/barclays-names-new-chief/\n"
                             "Clipped: Friday, June 26, 2026 at 6:23 PM\n\n"
                             "Skip to main content\nSections\n\nBarclays Names New Chief\n"
                             "Published April 7, 1987, 10:33 a.m. ET\n\nBarclays said it promoted "
                             "John Kerslake.\n");
        REQUIRE(r.articles.size() == 1);
        const Article& a = r.articles[0];
        CHECK(a.url == "https://nypost.com/1987/04/07/barclays-names-new-chief/");
        CHECK(a.date_text.empty());
        CHECK(a.title == "Skip to main content");  // the first line, as for any text page
        CHECK(a.title_from_first_line);
        CHECK(a.body.find("Clipped") == std::string::npos);
        CHECK(a.body.find("2026") == std::string::npos);
        CHECK(a.body.starts_with("Sections\n\nBarclays Names New Chief"));
        // A title and a publication date the header names are the record's.
        auto named = read_string("a.txt",
                                 "URL: https://example.com/a\nTitle: Bank raises rates\n"
                                 "Published: 2025-04-04\nSaved on: 2026-01-02\n\nThe bank raised "
                                 "its rate.\n");
        REQUIRE(named.articles.size() == 1);
        CHECK(named.articles[0].title == "Bank raises rates");
        CHECK(named.articles[0].date_text == "2025-04-04");
        CHECK(named.articles[0].url == "https://example.com/a");
        CHECK(named.articles[0].body == "The bank raised its rate.");
        // Jina Reader's shape: fields a blank line apart, the text after "Markdown Content:".
        auto reader =
            read_string("ufaq-news.pk_news_103.txt",
                        "Title: Bank raises rates\n\nURL Source: https://ufaq-news.pk/news/103"
                        "\n\nPublished Time: 2026-10-29T12:14:00+05:00\n\nMarkdown Content:"
                        "\n\n*   [Home](https://ufaq-news.pk/)\n\nThe bank raised its rate.\n");
        REQUIRE(reader.articles.size() == 1);
        CHECK(reader.articles[0].title == "Bank raises rates");
        CHECK_FALSE(reader.articles[0].title_from_first_line);
        CHECK(reader.articles[0].url == "https://ufaq-news.pk/news/103");
        CHECK(reader.articles[0].date_text == "2026-10-29T12:14:00+05:00");
        CHECK(reader.articles[0].body ==
              "*   [Home](https://ufaq-news.pk/)\n\nThe bank raised its rate.");
        // After the blank line, a headline that reads as a key ("Warning: …", "Date: …") is the
        // page's first line, not more of the header.
        for (const char* head :
             {"Warning: heatwave to grip Karachi from Monday",
              "Captured: the men behind the bank raid", "Date: the day the rains came"}) {
            CAPTURE(head);
            auto clip = read_string("c.txt", std::string("Source: https://www.dawn.com/news/1\n"
                                                         "Clipped: Friday, June 26, 2026 at 6:23 "
                                                         "PM\n\n") +
                                                 head + "\n\nThe story.\n");
            REQUIRE(clip.articles.size() == 1);
            CHECK(clip.articles[0].title == head);
            CHECK(clip.articles[0].url == "https://www.dawn.com/news/1");
            CHECK(clip.articles[0].date_text.empty());
        }
        // Without an address under a source key it is the story's own text.
        for (const char* text :
             {"Source: Reuters\nClipped: June 26, 2026\n\nThe story.\n",
              "KARACHI: https://example.com is down\n\nThe story.\n",
              "Source: https://example.com/a\nKARACHI: The board met.\n\nMore.\n"}) {
            CAPTURE(text);
            auto story = read_string("s.txt", text);
            REQUIRE(story.articles.size() == 1);
            CHECK(story.articles[0].url.empty());
            CHECK(story.articles[0].title_from_first_line);
        }
    }
}

// ---------------------------------------------------------------------------------------------
TEST_SUITE("real data") {
    TEST_CASE("Reuters-21578: 22 SGML files, 21,578 records") {
        if (test::skip_without_shared("Reuters-21578")) return;
        fs::path dir = test::fresh_tmp_dir("records-reuters");
        REQUIRE(sh("tar -xzf '" + (*test::shared_dir() / "corpora/reuters21578.tar.gz").string() +
                   "' -C '" + dir.string() + "'"));
        std::vector<fs::path> sgm;
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            if (e.path().extension() == ".sgm") sgm.push_back(e.path());
            if (e.path().filename() == "lewis.dtd") {
                auto dtd = read_file(e.path());
                CHECK(dtd.articles.empty());
                CHECK(dtd.bad.empty());
                CHECK(dtd.skipped.size() == 1);
            }
        }
        std::sort(sgm.begin(), sgm.end());
        REQUIRE(sgm.size() == 22);
        std::size_t records = 0, articles = 0, with_body = 0, titled = 0, dated = 0;
        std::vector<std::string> bad;
        std::string non_ascii;
        for (const auto& p : sgm) {
            auto r = read_file(p);
            records += r.articles.size() + r.bad.size();
            articles += r.articles.size();
            for (const auto& b : r.bad)
                bad.push_back(fs::path(b.where.file).filename().string() + "#" +
                              std::to_string(b.where.record) + ": " + b.reason);
            for (const auto& a : r.articles) {
                with_body += !a.body.empty();
                titled += !a.title.empty();
                dated += a.date_text.size() >= 20;
                CHECK(records::valid_utf8(a.body));
                if (a.body.find("\xC3\xBC") != std::string::npos) non_ascii = a.own_id;
                CHECK(a.body.find("&#") == std::string::npos);
            }
            if (p.filename() == "reut2-000.sgm") {
                REQUIRE(!r.articles.empty());
                CHECK(r.articles[0].own_id == "1");
                CHECK(r.articles[0].title == "BAHIA COCOA REVIEW");
                CHECK(r.articles[0].date_text == "26-FEB-1987 15:01:01.79");
                CHECK(r.articles[0].body.rfind("Showers continued throughout the week in the "
                                               "Bahia cocoa zone",
                                               0) == 0);
                CHECK(r.articles[0].body.find("Reuter") == std::string::npos);
            }
        }
        MESSAGE("reuters: " << records << " records, " << articles << " articles, " << with_body
                            << " with body, " << titled << " titled, " << dated << " dated");
        CHECK(records == 21578);
        // NEWID 12793 (reut2-012.sgm, 793rd element) is an UNPROC item whose TEXT is only
        // "&#2;&#3;".
        REQUIRE(bad.size() == 1);
        CHECK(bad[0] == "reut2-012.sgm#793: no title or body");
        CHECK(articles == 21577);
        CHECK(dated == 21577);
        // 2,535 have no BODY: 1,798 BRIEFs stay title-only, 737 UNPROCs take the TEXT (one empty).
        CHECK(with_body == 21578 - 2535 + 737 - 1);
        CHECK(titled == 21578 - 737);
        CHECK_FALSE(non_ascii.empty());  // the one Latin-1 byte (0xFC) became UTF-8 "ü"
        fs::remove_all(dir);
    }

    TEST_CASE("urdu-news-ha405: both CSVs read whole") {
        if (test::skip_without_shared("urdu-news-ha405")) return;
        // Expected values computed once with Python's csv module:
        //   rows = list(csv.reader(open(f, newline='', encoding='utf-8')))[1:]
        //   len(rows); sum(len(r[3].strip().encode()) for r in rows); longest r[3] in bytes
        struct Expected {
            const char* file;
            std::size_t rows;
            std::size_t content_bytes;
            std::size_t longest;
            std::size_t empty_content;
        };
        const Expected expected[] = {
            {"express_articles.csv", 750, 1540728, 8863, 32},
            {"samaa_articles.csv", 1000, 1790649, 18471, 0},
        };
        for (const auto& e : expected) {
            CAPTURE(e.file);
            auto r = read_file(*test::shared_dir() / "corpora/urdu-news-ha405" / e.file);
            CHECK(r.bad.empty());
            REQUIRE(r.articles.size() == e.rows);
            std::size_t bytes = 0, longest = 0, empty = 0;
            for (const auto& a : r.articles) {
                bytes += a.body.size();
                longest = std::max(longest, a.body.size());
                empty += a.body.empty();
                CHECK_FALSE(a.title.empty());
                CHECK(a.url.rfind("http", 0) == 0);
            }
            CHECK(bytes == e.content_bytes);
            CHECK(longest == e.longest);
            CHECK(empty == e.empty_content);
            CHECK(r.articles.front().own_id == "0");
            CHECK(r.articles.back().origin.record == e.rows);
        }
    }

    TEST_CASE("JSON Lines made from real Urdu rows: a broken line in the middle costs one record") {
        if (test::skip_without_shared("urdu-news-ha405 as JSONL")) return;
        auto csv = read_file(*test::shared_dir() / "corpora/urdu-news-ha405/samaa_articles.csv");
        REQUIRE(csv.articles.size() == 1000);
        std::string jsonl;
        for (std::size_t i = 0; i < csv.articles.size(); ++i) {
            const Article& a = csv.articles[i];
            std::string line = nlohmann::json{
                {"id", a.own_id},
                {"headline", a.title},
                {"link", a.url},
                {"content",
                 a.body}}.dump();
            if (i == 499) line.resize(line.size() / 2);  // line 500 is cut in the middle
            jsonl += line + "\n";
        }
        auto r = read_string("samaa.jsonl", jsonl);
        REQUIRE(r.bad.size() == 1);
        CHECK(r.bad[0].where.record == 500);
        CHECK(r.bad[0].reason.rfind("invalid JSON: ", 0) == 0);
        REQUIRE(r.articles.size() == 999);
        CHECK(r.articles[498].origin.record == 499);
        CHECK(r.articles[498].body == csv.articles[498].body);
        CHECK(r.articles[499].origin.record == 501);
        CHECK(r.articles[499].body == csv.articles[500].body);
        CHECK(r.articles[499].title == csv.articles[500].title);
    }

    TEST_CASE("SaudiNewsNet JSON arrays and Dawn teaser wrappers") {
        if (test::skip_without_shared("saudinewsnet/dawn")) return;
        // One day of SaudiNewsNet (the whole corpus takes a minute under the sanitizers). Python:
        //   d = json.loads(zipfile.ZipFile(z).read(name)); len(d) -> 1318; objects whose title
        //   and content are both blank -> 2.
        fs::path dir = test::fresh_tmp_dir("records-saudinewsnet");
        REQUIRE(sh("unzip -q -o '" +
                   (*test::shared_dir() / "corpora/saudinewsnet/zips/2015-07-23.zip").string() +
                   "' -d '" + dir.string() + "'"));
        auto day = read_file(dir / "2015-07-23.json");
        CHECK(day.articles.size() + day.bad.size() == 1318);
        CHECK(day.bad.size() == 2);
        for (const auto& b : day.bad) CHECK(b.reason == "no title or body");
        std::size_t dated = 0;
        for (const auto& a : day.articles) dated += a.date_field == "field:date_extracted";
        CHECK(dated == day.articles.size());
        CHECK(day.articles.front().origin.record == 1);
        fs::remove_all(dir);

        std::size_t teasers = 0;
        for (const auto& e :
             fs::directory_iterator(*test::shared_dir() / "corpora/dawn-2013-teasers")) {
            auto r = read_file(e.path());
            CHECK(r.bad.empty());
            teasers += r.articles.size();
        }
        CHECK(teasers == 155);
    }
}
