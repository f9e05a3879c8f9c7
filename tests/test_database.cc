/** @file
 * @brief The database format's one owner (common/database, issue 14): the stored record's
 *        encoding and decoding, the date slots, the stub file and disk usage.
 */
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "database/layout.h"
#include "database/schema.h"
#include "database/stored_article.h"
#include "error.h"
#include "model/article.h"
#include "test_support.h"

using namespace khabar;

namespace {

Article full_article() {
    Article a;
    a.id = "dawn-123";
    a.title = "وزیر اعظم \"quoted\", title";
    a.title_derived = true;
    a.body = "Body line one.\nLine two, with a comma.";
    a.url = "https://example.com/a";
    a.date = Date{1987, 3, 0, DatePrecision::month, "field:published"};
    a.date_notes = {"refused html:dateline \"Updated 03 May, 2024\" (in <aside>)"};
    a.lang = "ur";
    a.source = "Dawn";
    a.author = "A. Writer";
    a.section = "money-fx, interest";
    a.origin = {"dump.tar.gz", "dir/file.csv", 12};
    a.chrome_removed = 3;
    a.removed_chrome = {{"Opinion", "navigation"}, {"Share", "recurs on 12 of 40 pages"}};
    a.content_hash = "not stored";
    return a;
}

void check_same(const StoredArticle& x, const StoredArticle& y) {
    CHECK(x.id == y.id);
    CHECK(x.title == y.title);
    CHECK(x.title_derived == y.title_derived);
    CHECK(x.body == y.body);
    CHECK(x.url == y.url);
    CHECK(x.date == y.date);
    CHECK(x.date.source == y.date.source);
    CHECK(x.date_notes == y.date_notes);
    CHECK(x.lang == y.lang);
    CHECK(x.source == y.source);
    CHECK(x.author == y.author);
    CHECK(x.section == y.section);
    CHECK(x.origin.display() == y.origin.display());
    CHECK(x.chrome_removed == y.chrome_removed);
    REQUIRE(x.removed.size() == y.removed.size());
    for (std::size_t i = 0; i < x.removed.size(); ++i) {
        CHECK(x.removed[i].text == y.removed[i].text);
        CHECK(x.removed[i].reason == y.removed[i].reason);
    }
}

}  // namespace

TEST_CASE("StoredArticle: decode(encode()) gives back every field") {
    const StoredArticle s = StoredArticle::of(full_article());
    check_same(StoredArticle::decode(s.encode()), s);
    for (DatePrecision p : {DatePrecision::day, DatePrecision::year, DatePrecision::none}) {
        StoredArticle t = s;
        t.date = p == DatePrecision::none ? Date{}
                                          : Date{2024, p == DatePrecision::day ? 5 : 0,
                                                 p == DatePrecision::day ? 2 : 0, p, ""};
        check_same(StoredArticle::decode(t.encode()), t);
    }
}

TEST_CASE("StoredArticle: the encoding keeps the stored keys and leaves out unset optional ones") {
    StoredArticle s = StoredArticle::of(full_article());
    auto j = nlohmann::json::parse(s.encode());
    CHECK(j["date"] == "1987-03");
    CHECK(j["date_source"] == "field:published");
    CHECK(j["origin"] ==
          nlohmann::json({{"file", "dump.tar.gz"}, {"entry", "dir/file.csv"}, {"record", 12}}));
    CHECK(j["removed"][1]["reason"] == "recurs on 12 of 40 pages");
    s.title_derived = false;
    s.chrome_removed = 0;
    s.removed.clear();
    s.date_notes.clear();
    s.date = Date{};
    j = nlohmann::json::parse(s.encode());
    CHECK(j["date"].is_null());
    CHECK(j["date_source"].is_null());
    for (auto k : {schema::field_title_derived, schema::field_chrome_removed, schema::field_removed,
                   schema::field_date_notes})
        CHECK_FALSE(j.contains(std::string(k)));
}

TEST_CASE("StoredArticle: an older record without the newer fields, or junk, decodes") {
    // A record as indexed before chrome removal, date notes and derived titles were stored.
    const StoredArticle old = StoredArticle::decode(
        R"({"id":"r1","title":"Cocoa","url":"","date":"1987-02-26","date_source":"reuters:DATE",)"
        R"("lang":"en","source":"reuters","author":"","section":"cocoa","body":"Text",)"
        R"("origin":{"file":"reut2-000.sgm","entry":"","record":1}})");
    CHECK(old.id == "r1");
    CHECK(old.date == Date{1987, 2, 26, DatePrecision::day, ""});
    CHECK(old.date.source == "reuters:DATE");
    CHECK(old.origin.display() == "reut2-000.sgm:1");
    CHECK_FALSE(old.title_derived);
    CHECK(old.chrome_removed == 0);
    CHECK(old.removed.empty());
    CHECK(old.date_notes.empty());
    const StoredArticle missing = StoredArticle::decode(R"({"id":"x","date":null,"origin":7})");
    CHECK(missing.id == "x");
    CHECK_FALSE(missing.date.known());
    CHECK(missing.origin.display().empty());
    CHECK(StoredArticle::decode("not json").id.empty());
    CHECK(StoredArticle::decode("[1,2]").title.empty());
}

TEST_CASE("StoredArticle: decode reads every record as the general JSON parser does") {
    // decode() reads encode()'s records itself and hands anything else to the general parser:
    // both must agree on every input, whichever of them reads it.
    StoredArticle flat = StoredArticle::of(full_article());
    flat.date_notes.clear();
    flat.removed.clear();
    flat.body =
        "Tab\there, \x01 control, \"quotes\", back\\slash, ہے اردو, emoji \xF0\x9F\x98\x80.";
    const std::vector<std::string> records = {
        StoredArticle::of(full_article()).encode(),
        flat.encode(),
        R"({})",
        R"({"id":"a","title":"x\/y\b\f\n\r\t\"\\z","body":"\u00e9\u0627\uFFFF\u0000end"})",
        R"({"title":"\ud83d\ude00 pair","body":"\ud83d lone"})",
        "{\"title\":\"\xC0\x80\"}",
        "{\"title\":\"\xED\xA0\x80\"}",
        "{\"title\":\"\xF4\x90\x80\x80\"}",
        "{\"title\":\"\xE0\x80\x80\"}",
        "{\"title\":\"\xE2\x82\"}",
        "{\"title\":\"\xFF\"}",
        "{\"title\":\"a\x01z\"}",
        "{\"title\":\"\xF0\x90\x80\x80\xE0\xA0\x80\xED\x9F\xBF\xF4\x8F\xBF\xBF\"}",
        R"({"title":"a","title":"b"})",
        R"({"title":"a","title":5})",
        R"({"title":"a","\u0074itle":"b"})",
        R"({"origin":{"file":"f","record":1,"record":2}})",
        R"({"origin":{"file":"f","entry":7,"record":"3","x":[1]}})",
        R"({"origin":[1],"id":"o"})",
        R"({"origin":"f","id":"o"})",
        R"({"chrome_removed":5,"origin":{"record":0}})",
        R"({"chrome_removed":05})",
        R"({"chrome_removed":-1})",
        R"({"chrome_removed":5.0})",
        R"({"chrome_removed":1e3})",
        R"({"chrome_removed":4294967297})",
        R"({"chrome_removed":99999999999999999999})",
        R"({"origin":{"record":18446744073709551615}})",
        R"({"origin":{"record":9999999999999999999}})",
        R"({"title_derived":true})",
        R"({"title_derived":false})",
        R"({"title_derived":"true"})",
        R"({"title_derived":1})",
        R"({"title_derived":null})",
        R"({"title":5,"body":null,"url":true,"lang":{},"source":[],"author":""})",
        R"({"date":"1987-03-02","date_source":7})",
        R"({"date":"1987-03-02","date_source":"x","date_notes":"not a list","removed":null})",
        R"({"date_notes":["a",1,"b"],"removed":[{"text":"t"},3]})",
        R"({"date_notes":{"a":1}})",
        R"({"date_notes":[],"removed":[]})",
        R"({"date_notes":["a",null,true,"é",["x"]]})",
        R"({"date_notes":["a",{"b":"c"}]})",
        R"({"date_notes":["a",-1,2.5,"b"]})",
        R"({"date_notes":["a"],"date_notes":["b"]})",
        R"({"date_notes":["a","b")",
        R"({"date_notes":["a",]})",
        R"({"removed":[{"text":"t","reason":"r","x":1},{"reason":"only"},{},"s",null]})",
        R"({"removed":[{"text":5,"reason":null}]})",
        R"({"removed":[{"text":"a","text":"b"}]})",
        R"({"removed":[{"text":"a","x":[1]}]})",
        R"({"removed":[[{"text":"a"}]]})",
        R"({"removed":[{"text":"a"}],"removed":[]})",
        R"({"removed":"none","date_notes":null})",
        R"({"extra":{"a":[1,{"b":null}]},"id":"y"})",
        R"({ "id" : "x" })",
        "{\"id\":\"x\"}\n",
        R"({"id":"x"}x)",
        R"({"id":"x")",
        R"({"id":"x",})",
        R"({"id":"x"})",
        R"({"id":tru})",
        R"({"id":"x\q"})",
        R"({"id":"x\u12"})",
        "",
        "\"just a string\"",
    };
    for (const std::string& r : records) {
        CAPTURE(r);
        const StoredArticle fast = StoredArticle::decode(r),
                            general = StoredArticle::decode_general(r);
        check_same(fast, general);
        CHECK(fast.origin.file == general.origin.file);
        CHECK(fast.origin.entry == general.origin.entry);
        CHECK(fast.origin.record == general.origin.record);
    }
}

TEST_CASE("StoredArticle: every record encode() writes is read without the general parser") {
    // Date notes (every undated article has one) and removed chrome blocks included: a record the
    // direct reader leaves to nlohmann is read twice (14 % of an Urdu search's instructions).
    Article undated = full_article();
    undated.date = Date{};
    undated.date_notes = {"undated: no date of its own in the page's header or lead", "2nd"};
    Article plain = full_article();
    plain.date_notes.clear();
    plain.removed_chrome.clear();
    plain.chrome_removed = 0;
    for (const Article& a : {full_article(), undated, plain}) {
        const std::string r = StoredArticle::of(a).encode();
        CAPTURE(r);
        const std::optional<StoredArticle> direct = StoredArticle::decode_direct(r);
        REQUIRE(direct.has_value());
        check_same(*direct, StoredArticle::decode_general(r));
        CHECK(direct->date_notes == a.date_notes);
        REQUIRE(direct->removed.size() == a.removed_chrome.size());
        for (std::size_t i = 0; i < a.removed_chrome.size(); ++i) {
            CHECK(direct->removed[i].text == a.removed_chrome[i].text);
            CHECK(direct->removed[i].reason == a.removed_chrome[i].reason);
        }
    }
}

TEST_CASE("Date::from_iso reads what iso() writes, and nothing else") {
    for (const Date& d :
         {Date{1987, 3, 2, DatePrecision::day, ""}, Date{1987, 3, 0, DatePrecision::month, ""},
          Date{1987, 0, 0, DatePrecision::year, ""}})
        CHECK(Date::from_iso(d.iso()) == d);
    for (const char* bad : {"", "87", "1987-3", "1987/03/02", "1987-13", "1987-03-32", "19870302"})
        CHECK_FALSE(Date::from_iso(bad).known());
}

TEST_CASE("The date slots: Date::from_slot reads back what set_slot_date writes; undated: none") {
    for (const Date& d :
         {Date{2024, 5, 2, DatePrecision::day, ""}, Date{2024, 5, 0, DatePrecision::month, ""},
          Date{2024, 0, 0, DatePrecision::year, ""}}) {
        Xapian::Document doc;
        set_slot_date(doc, d);
        CHECK(doc.get_value(schema::slot_date) == d.slot_value());
        const std::string letter = doc.get_value(schema::slot_date_precision);
        REQUIRE(letter.size() == 1);
        CHECK(Date::from_slot(doc.get_value(schema::slot_date), letter[0]) == d);
    }
    Xapian::Document undated;
    set_slot_date(undated, Date{});
    CHECK(undated.get_value(schema::slot_date).empty());
    CHECK(undated.get_value(schema::slot_date_precision).empty());
}

TEST_CASE("The stub: write_stub and read_stub agree; a missing stub or a remote shard is refused") {
    namespace fs = std::filesystem;
    const fs::path dir = test::fresh_tmp_dir("database_stub");
    CHECK_FALSE(has_stub(dir));
    CHECK_THROWS_WITH_AS(read_stub(dir), doctest::Contains("no XAPIANDB stub"), Error);
    write_stub(dir, {shard_name(0), shard_name(1)});
    CHECK(has_stub(dir));
    CHECK_FALSE(fs::exists(dir / "XAPIANDB.tmp"));
    CHECK(read_stub(dir) == std::vector<std::string>{"shard-0", "shard-1"});
    test::write_file(dir / "XAPIANDB", "glass shard-0\nremote machine-a:33333\n");
    CHECK_THROWS_WITH_AS(read_stub(dir), doctest::Contains("lists a 'remote' shard"), Error);
}

TEST_CASE("disk_usage: a file's size, or the sum under a directory; 0 for what is not there") {
    namespace fs = std::filesystem;
    const fs::path dir = test::fresh_tmp_dir("database_usage");
    test::write_file(dir / "a", std::string(100, 'x'));
    test::write_file(dir / "sub" / "b", std::string(23, 'y'));
    CHECK(disk_usage(dir / "a") == 100);
    CHECK(disk_usage(dir) == 123);
    CHECK(disk_usage(dir / "missing") == 0);
    CHECK(disk_usage("remote:host:1234") == 0);
}
