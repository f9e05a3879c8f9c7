/** @file
 * @brief Stories decided at index time (issue 15): a copy added by a later dump joins the story
 *        of the earlier article, a re-index that replaces a copy takes it out, and a search reads
 *        each story from the table in one lookup.
 */
#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "database/schema.h"
#include "database/stories.h"
#include "test_support.h"

using namespace khabar;
namespace fs = std::filesystem;

namespace {

const std::string wheat_body =
    "Farmers in the northern plains expect the largest winter wheat harvest in a decade after "
    "steady rains through the autumn, the agriculture department said on Tuesday, adding that "
    "export orders from Egypt and Pakistan had already been booked for the first shipments, and "
    "that storage at the river terminals was being expanded ahead of the summer.";

std::string record(const std::string& id, const std::string& source, const std::string& date,
                   const std::string& body,
                   const std::string& title = "Wheat harvest expected to be large") {
    return nlohmann::json{
               {"id", id}, {"title", title}, {"source", source}, {"date", date}, {"body", body}}
               .dump() +
           "\n";
}

const std::string other = record("other-1", "Reuters", "1987-03-02",
                                 "Coffee prices fell on the London market as traders waited for "
                                 "news of the quota talks in Brazil.",
                                 "Coffee prices fall");

/// The copies object of the first hit of `wheat` (null when it has none).
nlohmann::json wheat_copies(const std::string& db) {
    const test::RunResult r = test::run_khabar({"search", "--db", db, "--json", "wheat"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto hits = test::hit_data(r.out);
    REQUIRE(!hits.empty());
    return hits[0].value("copies", nlohmann::json());
}

void index(const std::string& db, const fs::path& dump) {
    const test::RunResult r = test::run_khabar({"index", "--db", db, dump.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

/// The story table entries (first shard), as story key -> Story.
std::map<std::string, Story> table_of(const std::string& db) {
    std::map<std::string, Story> t;
    const Xapian::Database d(db);
    const std::string prefix(schema::story_key_prefix);
    for (auto k = d.metadata_keys_begin(prefix); k != d.metadata_keys_end(prefix); ++k) {
        auto s = Story::decode(d.get_metadata(*k));
        REQUIRE(s);
        t[(*k).substr(prefix.size())] = *s;
    }
    return t;
}

}  // namespace

TEST_CASE("a copy in a later dump joins the earlier story; replacing it takes it out") {
    const fs::path tmp = test::fresh_tmp_dir("stories");
    const std::string db = (tmp / "db").string();
    test::write_file(tmp / "a.jsonl", record("a-1", "Reuters", "1987-03-01", wheat_body) + other);
    index(db, tmp / "a.jsonl");
    CHECK(wheat_copies(db).is_null());
    CHECK(table_of(db).empty());
    CHECK(Xapian::Database(db).get_metadata(std::string(schema::stories_current_key)) == "1");

    // A later dump from another source carries the same story.
    test::write_file(tmp / "b.jsonl", record("b-1", "AP", "1987-03-05", wheat_body));
    index(db, tmp / "b.jsonl");
    const auto copies = wheat_copies(db);
    REQUIRE(!copies.is_null());
    CHECK(copies["count"] == 1);
    CHECK(copies["sources"] == 2);
    CHECK(copies["first_seen"] == "1987-03-01");
    const auto table = table_of(db);
    REQUIRE(table.size() == 1);
    const Story& story = table.begin()->second;
    CHECK(story.size == 2);
    CHECK(story.sources == 2);
    CHECK(story.first_seen == "1987-03-01");
    CHECK(story.ids == std::vector<std::string>{"a-1", "b-1"});  // earliest first

    // The same dump re-exported with that record rewritten: no longer a copy.
    test::write_file(tmp / "b.jsonl",
                     record("b-1", "AP", "1987-03-05",
                            "A quite different report on barley and oats in the south, where "
                            "growers fear a dry spring."));
    index(db, tmp / "b.jsonl");
    CHECK(wheat_copies(db).is_null());
    CHECK(table_of(db).empty());
}

TEST_CASE("a search reads a story from the table when it is current, else from its articles") {
    const fs::path tmp = test::fresh_tmp_dir("stories-table");
    const std::string db = (tmp / "db").string();
    test::write_file(tmp / "a.jsonl", record("a-1", "Reuters", "1987-03-01", wheat_body) +
                                          record("b-1", "AP", "1987-03-05", wheat_body) + other);
    index(db, tmp / "a.jsonl");
    const auto table = table_of(db);
    REQUIRE(table.size() == 1);
    const std::string key = table.begin()->first;
    {
        const Xapian::Database d(db);
        CHECK(story_lookup(d, true) == StoryLookup::table);
        CHECK(story_of(d, key, StoryLookup::table) == table.begin()->second);
        CHECK(summarize_story(d, key, true) == table.begin()->second);
        CHECK(summarize_story(d, key, false) == table.begin()->second);  // by the value slot
    }
    // Mark the entry so that reading it shows: a current entry (same size) is what search uses.
    const auto first_shard = [&] {
        for (const auto& e : fs::directory_iterator(db))
            if (e.path().filename() == "shard-0") return e.path().string();
        return db;
    }();
    const auto put = [&](Story s) {
        Xapian::WritableDatabase w(first_shard, Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::story_key_prefix) + key, s.encode());
        w.commit();
    };
    Story marked = table.begin()->second;
    marked.sources = 7;
    put(marked);
    CHECK(wheat_copies(db)["sources"] == 7);
    // A table an index run has changed articles under since (a run interrupted before its end,
    // which rewrites the table) is not used, even where an entry's size still fits.
    const auto set_current = [&](const char* value) {
        Xapian::WritableDatabase w(first_shard, Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::stories_current_key), value);
        w.commit();
    };
    set_current("0");
    CHECK(wheat_copies(db)["sources"] == 2);
    set_current("1");
    CHECK(wheat_copies(db)["sources"] == 7);
    // An entry whose size is not the key's posting list (left by an interrupted run) is not used.
    marked.size = 3;
    put(marked);
    CHECK(wheat_copies(db)["sources"] == 2);
    // Nor is a missing one.
    {
        Xapian::WritableDatabase w(first_shard, Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::story_key_prefix) + key, "");
        w.commit();
    }
    CHECK(wheat_copies(db)["count"] == 1);
    CHECK(wheat_copies(db)["sources"] == 2);
}
