/** @file
 * @brief Direct JSON text (render/json_text.h) and the `--json` hit lines written with it: byte
 *        for byte what nlohmann's dump() writes for the same value.
 */
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/json_text.h"
#include "render/render.h"

using namespace khabar;

namespace {

std::string dumped(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("append_json_string writes what dump() writes, bad UTF-8 included") {
    std::vector<std::string> strings = {"",
                                        "plain",
                                        "quote \" and back\\slash",
                                        "tab\tnew\nline\rcr\bbs\fff",
                                        "del \x7f kept",
                                        "اردو متن ہے",
                                        "emoji \xF0\x9F\x98\x80",
                                        "\xEF\xBF\xBF max BMP",
                                        "\xF4\x8F\xBF\xBF",
                                        "bad \xFF byte",
                                        "overlong \xC0\x80",
                                        "surrogate \xED\xA0\x80",
                                        "past \xF4\x90\x80\x80",
                                        "cut \xE2\x82",
                                        "cut at end \xE2",
                                        "lone \x80 continuation"};
    for (int c = 0; c < 0x20; ++c) strings.push_back(std::string("a") + char(c) + "z");
    strings.push_back(std::string("nul \0 inside", 12));
    for (const std::string& s : strings) {
        CAPTURE(s);
        std::string out = "x";
        append_json_string(out, s);
        CHECK(out == "x" + dumped(s));
    }
}

TEST_CASE("append_json_number writes a double as dump() does") {
    for (double x : {0.0, 1.0, 24.927341485388734, 1e-7, 123456789.125, -3.5}) {
        std::string out;
        append_json_number(out, x);
        CHECK(out == dumped(x));
    }
}

TEST_CASE("render_json: each hit line is dump() of its value, with every field") {
    SearchResult r;
    Hit a;
    a.rank = 3;
    a.docid = 4000000000u;
    a.score = 7.123456789012345;
    a.stored.id = "id-\"1\"";
    a.stored.title = "Title\twith \x01 control";
    a.stored.url = "https://example.com/a?b=c&d=\\";
    a.stored.source = "ڈان";
    a.stored.lang = "ur";
    a.stored.date = Date::from_iso("1987-03-02");
    a.stored.origin = {"dump.tar.gz", "dir/file.csv", 12};
    a.snippet.text = "… a passage with \"quotes\" …";
    a.snippet.highlights = {{4, 5}, {10, 17}};
    a.copies.copies = 2;
    a.copies.sources = 1;
    a.copies.first_seen = "1987-03-01";
    a.copies.ids = {"id-2", "id-3"};
    Hit b;  // undated, partial, no copies, no highlights, bad UTF-8 in its title
    b.rank = 4;
    b.partial = true;
    b.stored.title = "bad \xFF";
    Hit c = a;  // copies undated
    c.copies.first_seen.clear();
    r.hits = {a, b, c};
    std::istringstream lines(render_json(r, SearchRequest{}, RenderOptions{}));
    std::string line;
    std::vector<nlohmann::json> hits;
    while (std::getline(lines, line)) {
        const nlohmann::json j = nlohmann::json::parse(line);
        CHECK(dumped(j) == line);
        if (j["type"] == "hit") hits.push_back(j["data"]);
    }
    REQUIRE(hits.size() == 3);
    const nlohmann::json& ja = hits[0];
    CHECK(ja["rank"] == 3);
    CHECK(ja["docid"] == 4000000000u);
    CHECK(ja["score"] == a.score);
    CHECK(ja["id"] == a.stored.id);
    CHECK(ja["title"] == a.stored.title);
    CHECK(ja["url"] == a.stored.url);
    CHECK(ja["source"] == a.stored.source);
    CHECK(ja["lang"] == "ur");
    CHECK(ja["date"] == "1987-03-02");
    CHECK(ja["origin"] ==
          nlohmann::json({{"file", "dump.tar.gz"}, {"entry", "dir/file.csv"}, {"record", 12}}));
    CHECK(ja["snippet"]["text"] == a.snippet.text);
    CHECK(ja["snippet"]["highlights"] == nlohmann::json({{4, 5}, {10, 17}}));
    CHECK(ja["partial"] == false);
    CHECK(ja["copies"] == nlohmann::json({{"count", 2},
                                          {"sources", 1},
                                          {"first_seen", "1987-03-01"},
                                          {"ids", {"id-2", "id-3"}}}));
    CHECK(hits[1]["date"].is_null());
    CHECK(hits[1]["partial"] == true);
    CHECK_FALSE(hits[1].contains("copies"));
    CHECK(hits[1]["snippet"]["highlights"] == nlohmann::json::array());
    CHECK(hits[1]["title"] == "bad \xEF\xBF\xBD");
    CHECK(hits[2]["copies"]["first_seen"].is_null());
}
