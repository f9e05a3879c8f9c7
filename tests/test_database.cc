/** @file
 * @brief The database format's one owner (common/database, issue 14): the stored record's
 *        encoding and decoding, the date slots, the stub file and disk usage.
 */
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "database/layout.h"
#include "database/packed_record.h"
#include "database/reader.h"
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

TEST_CASE("pack_record: every field back, with or without a dictionary, none of it in clear") {
    const StoredArticle s = StoredArticle::of(full_article());
    const RecordDictionary dictionary("Body line one. A dictionary of earlier records' text.");
    add_record_dictionary(std::make_shared<const RecordDictionary>(dictionary.bytes()));
    for (const RecordDictionary* d : {static_cast<const RecordDictionary*>(nullptr), &dictionary}) {
        const std::string packed = pack_record(s, d);
        REQUIRE_FALSE(packed.empty());
        CHECK(packed[0] == packed_record_mark);
        CHECK(packed.find("dawn-123") == std::string::npos);  // random to a compressor
        check_same(unpack_record(packed), s);
        // An empty body, one with newlines and JSON's special characters; invalid UTF-8 is
        // replaced as encode() replaces it.
        for (const std::string body :
             {"", "\n\nline\n{\"a\":1}\\", "bad \xC0\x80 byte \xFF, good ہے"}) {
            StoredArticle t = s;
            t.body = body;
            const StoredArticle back = unpack_record(pack_record(t, d));
            CHECK(back.body == StoredArticle::decode(t.encode()).body);
            CHECK(back.title == t.title);
        }
    }
    // Schema 1's data (encode()'s JSON object) is decoded; damaged packed data reads as empty.
    check_same(unpack_record(s.encode()), s);
    std::string cut = pack_record(s, nullptr);
    cut.resize(cut.size() / 2);
    CHECK(unpack_record(cut).id.empty());
    CHECK(unpack_record(std::string(1, packed_record_mark)).id.empty());
}

TEST_CASE("pack_record: a record naming a dictionary no database holds is an error") {
    const RecordDictionary unknown("never stored anywhere: " + std::string(300, 'x'));
    const std::string packed = pack_record(StoredArticle::of(full_article()), &unknown);
    CHECK_THROWS_AS(unpack_record(packed), Error);
}

TEST_CASE("pack_record: Xapian keeps the packed record as it is (no zlib to inflate)") {
    // Glass deflates a document's data whenever that saves bytes; a record it keeps as it is can
    // be found whole in the table's file. encode()'s JSON, with a body this repetitive, cannot.
    const auto dir = test::fresh_tmp_dir("packed-record") / "glass";
    StoredArticle s = StoredArticle::of(full_article());
    for (int i = 0; i < 40; ++i) s.body += " The same sentence again and again.";
    const std::string packed = pack_record(s, nullptr);
    {
        Xapian::WritableDatabase w(dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        Xapian::Document doc;
        doc.set_data(packed);
        w.add_document(doc);
        Xapian::Document json;
        json.set_data(s.encode());
        w.add_document(json);
        w.commit();
    }
    std::ifstream in(dir / "docdata.glass", std::ios::binary);
    const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(file.find(packed) != std::string::npos);
    CHECK(file.find(s.encode()) == std::string::npos);
    const Xapian::Database r(dir.string());
    check_same(StoredArticle::of(r.get_document(1)), s);
    check_same(StoredArticle::of(r.get_document(2)), s);
}

namespace {

/// An article of about a kilobyte of English-like text, different for each n.
StoredArticle numbered_article(int n) {
    static const char* words[] = {"wheat", "prices", "rose",  "in",     "march", "said",
                                  "the",   "bank",   "trade", "export", "oil",   "fell"};
    StoredArticle s = StoredArticle::of(full_article());
    s.id = "n-" + std::to_string(n);
    s.title = "Report " + std::to_string(n);
    s.body.clear();
    for (int i = 0; s.body.size() < 1000; ++i)
        s.body += std::string(words[(n * 7 + i * i) % 12]) + (i % 9 == 8 ? ".\n" : " ");
    return s;
}

}  // namespace

TEST_CASE("RecordPacker: a shard's first records make its dictionary; later records name it") {
    RecordPacker packer;
    std::string first;  // what the dictionary must be
    int n = 0;
    std::shared_ptr<const RecordDictionary> made;
    for (; !made; ++n) {
        REQUIRE(n < 200);
        const StoredArticle a = numbered_article(n);
        first += record_text(a);
        const std::string packed = packer.pack(a);
        CHECK(packed == pack_record(a, nullptr));  // no dictionary yet
        made = packer.take_new_dictionary();
        CHECK((made != nullptr) == (first.size() >= record_dictionary_size));
    }
    CHECK(made->bytes() == first.substr(0, record_dictionary_size));
    CHECK(RecordDictionary::id_of_key(made->key()) == made->id());
    CHECK(packer.take_new_dictionary() == nullptr);  // given once
    std::size_t with = 0, without = 0;
    for (int i = n; i < n + 20; ++i) {
        const StoredArticle a = numbered_article(i);
        const std::string packed = packer.pack(a);
        CHECK(packed == pack_record(a, made.get()));
        check_same(unpack_record(packed), a);  // the packer made its dictionary known
        with += packed.size();
        without += pack_record(a, nullptr).size();
    }
    CHECK(packer.take_new_dictionary() == nullptr);
    CHECK(with * 2 < without);
    // Packers sharing a sampler (a database's shards) make one dictionary from all their first
    // records, and each starts using it (and gives it to be stored) after its next record.
    auto sampler = std::make_shared<DictionarySampler>();
    RecordPacker one({}, sampler), two({}, sampler);
    std::size_t sampled = 0;
    int k = 1000;
    for (; sampled < record_dictionary_size; ++k) {
        const StoredArticle a = numbered_article(k);
        sampled += record_text(a).size();
        CHECK((k % 2 ? one : two).pack(a) == pack_record(a, nullptr));
    }
    const auto shared = (k % 2 ? two : one).take_new_dictionary();  // the one that packed last
    REQUIRE(shared != nullptr);
    CHECK((k % 2 ? one : two).take_new_dictionary() == nullptr);
    (void)(k % 2 ? one : two).pack(numbered_article(k));
    CHECK((k % 2 ? one : two).take_new_dictionary() == shared);
    CHECK(two.pack(numbered_article(k + 1)) == pack_record(numbered_article(k + 1), shared.get()));
    // A packer of a shard that has the dictionary uses it from its first record.
    RecordPacker again(made->bytes());
    CHECK(again.pack(numbered_article(500)) == pack_record(numbered_article(500), made.get()));
    CHECK(again.take_new_dictionary() == nullptr);
}

namespace {

std::string jsonl_record(const std::string& id, const std::string& body) {
    return nlohmann::json{
               {"id", id}, {"title", "Wheat " + id}, {"date", "1987-03-01"}, {"body", body}}
               .dump() +
           "\n";
}

std::vector<std::filesystem::path> shards_of(const std::filesystem::path& db) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(db))
        if (e.path().filename().string().starts_with("shard-")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> dictionary_keys(const std::filesystem::path& shard) {
    const Xapian::Database db(shard.string());
    const std::string prefix(schema::record_dictionary_prefix);
    std::vector<std::string> out;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        out.push_back(*it);
    return out;
}

}  // namespace

TEST_CASE("a schema 1 database (the record as JSON data) is read as before and extended") {
    const auto tmp = test::fresh_tmp_dir("schema-1");
    const std::string db = (tmp / "db").string();
    test::write_file(tmp / "a.jsonl", jsonl_record("w-1", "Wheat prices rose.\nFarmers said so.") +
                                          jsonl_record("w-2", "Wheat exports fell, \"a lot\".") +
                                          jsonl_record("w-3", ""));
    REQUIRE(test::run_khabar({"index", "--db", db, (tmp / "a.jsonl").string()}).exit_code == 0);
    const auto run = [&](std::vector<std::string> args) {
        args.insert(args.end(), {"--db", db});
        const test::RunResult r = test::run_khabar(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return r.out;
    };
    const std::string exported = run({"export"});
    const auto hits = test::hit_data(run({"search", "--json", "wheat"}));
    REQUIRE(hits.size() == 3);
    // Rewrite every document as schema 1 wrote it: encode()'s JSON object as the data.
    const auto shards = shards_of(db);
    REQUIRE_FALSE(shards.empty());
    for (const auto& shard : shards) {
        Xapian::WritableDatabase w(shard.string(), Xapian::DB_OPEN);
        CHECK(w.get_metadata(std::string(schema::version_key)) == schema::version);
        for (auto it = w.postlist_begin(""); it != w.postlist_end(""); ++it) {
            Xapian::Document doc = w.get_document(*it);
            CHECK(doc.get_data().front() == packed_record_mark);
            doc.set_data(StoredArticle::of(doc).encode());
            w.replace_document(*it, doc);
        }
        w.set_metadata(std::string(schema::version_key), "1");
        w.commit();
    }
    CHECK(run({"export"}) == exported);
    CHECK(test::hit_data(run({"search", "--json", "wheat"})) == hits);
    // An index run adds to it: the shards say "2" (a khabar that reads only "1" would find no
    // record it can read in what this one adds), and every article reads whole.
    test::write_file(tmp / "b.jsonl", jsonl_record("w-4", "Wheat again."));
    REQUIRE(test::run_khabar({"index", "--db", db, (tmp / "b.jsonl").string()}).exit_code == 0);
    for (const auto& shard : shards)
        CHECK(Xapian::Database(shard.string()).get_metadata(std::string(schema::version_key)) ==
              schema::version);
    const std::string all = run({"export"});
    std::istringstream before(exported);
    for (std::string line; std::getline(before, line);)
        CHECK(all.find(line + "\n") != std::string::npos);
    CHECK(all.find("Wheat again.") != std::string::npos);
    // A schema this khabar does not know, in any shard, is refused, with what to do.
    {
        Xapian::WritableDatabase w(shards.back().string(), Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::version_key), "3");
        w.commit();
    }
    const test::RunResult r = test::run_khabar({"search", "--db", db, "wheat"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("schema version 3") != std::string::npos);
    CHECK(r.err.find("khabar index --overwrite") != std::string::npos);
}

TEST_CASE(
    "records packed with a shard's dictionary read back: export, compact, a reader opened "
    "before the dictionary existed") {
    const auto tmp = test::fresh_tmp_dir("record-dictionary");
    const std::string db = (tmp / "db").string();
    std::string small, rest;
    for (int n = 0; n < 150; ++n) {
        const StoredArticle a = numbered_article(n);
        (n < 3 ? small : rest) += jsonl_record(a.id, a.body);
    }
    test::write_file(tmp / "small.jsonl", small);
    test::write_file(tmp / "rest.jsonl", rest);
    REQUIRE(test::run_khabar({"index", "--db", db, "--shards", "2", (tmp / "small.jsonl").string()})
                .exit_code == 0);
    for (const auto& shard : shards_of(db)) CHECK(dictionary_keys(shard).empty());  // 3 records
    // Opened now, read after the next run: the dictionaries that run makes are looked up then.
    // (Not compacted: a compaction replaces the shards a reader has open.)
    Xapian::Database reader = open_for_reading({db});
    REQUIRE(test::run_khabar({"index", "--no-compact", "--db", db, (tmp / "rest.jsonl").string()})
                .exit_code == 0);
    // One dictionary for the database, in each shard's metadata: a reader loads it once.
    const auto shards = shards_of(db);
    REQUIRE(shards.size() == 2);
    const std::vector<std::string> keys = dictionary_keys(shards[0]);
    CHECK(keys.size() == 1);
    CHECK(dictionary_keys(shards[1]) == keys);
    reader.reopen();
    std::map<std::string, std::string> read;  // id -> body
    for_each_article(reader, [&](const StoredArticle& a) { read[a.id] = a.body; });
    CHECK(read.size() == 150);
    const test::RunResult exported = test::run_khabar({"export", "--db", db});
    REQUIRE(exported.exit_code == 0);
    std::map<std::string, std::string> listed;
    std::istringstream lines(exported.out);
    for (std::string line; std::getline(lines, line);) {
        const auto j = nlohmann::json::parse(line);
        listed[j.at("id").get<std::string>()] = j.at("body").get<std::string>();
    }
    CHECK(listed == read);
    for (int n : {0, 2, 3, 100, 149})  // the text indexed, whitespace aside
        CHECK(read["n-" + std::to_string(n)].substr(0, 40) ==
              numbered_article(n).body.substr(0, 40));
    // Merged into one shard by compaction, it keeps the dictionary and reads the same.
    REQUIRE(test::run_khabar({"compact", "--merge", "--db", db}).exit_code == 0);
    const auto merged = shards_of(db);
    REQUIRE(merged.size() == 1);
    CHECK(dictionary_keys(merged[0]) == keys);
    const auto sorted_lines = [](const std::string& text) {
        std::vector<std::string> out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) out.push_back(line);
        std::sort(out.begin(), out.end());
        return out;
    };
    const test::RunResult again = test::run_khabar({"export", "--db", db});
    CHECK(sorted_lines(again.out) == sorted_lines(exported.out));  // in another docid order
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
