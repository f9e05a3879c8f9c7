/** @file
 * @brief Story summaries: from a duplicate key's posting list, and the table of them in the
 *        first shard.
 */
#include "database/stories.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "database/layout.h"
#include "database/schema.h"
#include "database/stored_article.h"

namespace khabar {

namespace {

std::string dup_term(const std::string& key) {
    return std::string(schema::prefix_dup) + key;
}

std::string table_key(const std::string& key) {
    return std::string(schema::story_key_prefix) + key;
}

}  // namespace

std::string Story::encode() const {
    return nlohmann::json{
        {"size", size}, {"sources", sources}, {"first_seen", first_seen}, {"ids", ids}}
        .dump();
}

std::optional<Story> Story::decode(const std::string& data) {
    const auto j = nlohmann::json::parse(data, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    try {
        Story s;
        s.size = j.at("size").get<Xapian::doccount>();
        s.sources = j.at("sources").get<std::size_t>();
        s.first_seen = j.at("first_seen").get<std::string>();
        s.ids = j.at("ids").get<std::vector<std::string>>();
        return s;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

Story summarize_story(const Xapian::Database& db, const std::string& key, bool key_terms) {
    struct Member {
        std::string slot;  ///< YYYYMMDD, "" when undated (sorted after every dated member)
        std::string id;
        std::string date;  ///< as stored
    };
    std::vector<Member> members;
    std::set<std::string> sources;
    const auto add = [&](const Xapian::Document& doc) {
        const StoredArticle a = StoredArticle::of(doc);
        members.push_back({a.date.slot_value(), a.id, a.date.iso()});
        sources.insert(a.source.empty() ? a.lang : a.source);
    };
    const std::string term = dup_term(key);
    if (key_terms) {
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
            add(db.get_document(*it));
    } else {  // written before the duplicate-key terms: the key is only in its value slot
        Xapian::Enquire e(db);
        e.set_weighting_scheme(Xapian::BoolWeight());
        e.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_dup, key, key));
        const Xapian::MSet m = e.get_mset(0, db.get_doccount());
        for (auto it = m.begin(); it != m.end(); ++it) add(it.get_document());
    }
    std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
        if (a.slot.empty() != b.slot.empty()) return b.slot.empty();
        return std::tie(a.slot, a.id) < std::tie(b.slot, b.id);
    });
    Story s;
    s.size = static_cast<Xapian::doccount>(members.size());
    s.sources = sources.size();
    if (!members.empty() && !members.front().slot.empty()) s.first_seen = members.front().date;
    for (std::size_t i = 0; i < members.size() && i < story_ids_kept; ++i)
        s.ids.push_back(members[i].id);
    return s;
}

bool has_key_terms(const Xapian::Database& db) {
    return db.get_metadata(std::string(schema::dup_terms_key)) == "1";
}

StoryLookup story_lookup(const Xapian::Database& db, bool key_terms) {
    if (!key_terms) return StoryLookup::value_slot;
    return db.get_metadata(std::string(schema::stories_current_key)) == "1"
               ? StoryLookup::table
               : StoryLookup::key_terms;
}

std::optional<Story> story_of(const Xapian::Database& db, const std::string& key, StoryLookup how) {
    if (how == StoryLookup::value_slot) {
        Story s = summarize_story(db, key, false);
        return s.size < 2 ? std::nullopt : std::optional<Story>(std::move(s));
    }
    const Xapian::doccount size = db.get_termfreq(dup_term(key));
    if (size < 2) return std::nullopt;
    if (how == StoryLookup::table)
        if (auto s = Story::decode(db.get_metadata(table_key(key))); s && s->size == size) return s;
    return summarize_story(db, key, true);
}

StoryTableUpdate update_story_table(const std::string& dir) {
    namespace fs = std::filesystem;
    StoryTableUpdate u;
    const std::string first =
        has_stub(dir) ? (fs::path(dir) / read_stub(dir).front()).string() : dir;
    Xapian::WritableDatabase table(first, Xapian::DB_OPEN);
    const Xapian::Database all(dir);
    // Shards older than the key terms (a database written before them and added to since):
    // the posting lists miss their articles, so no table; search reads the value slot.
    if (!has_key_terms(all)) return u;
    const std::string prefix(schema::prefix_dup);
    for (auto t = all.allterms_begin(prefix); t != all.allterms_end(prefix); ++t) {
        if (t.get_termfreq() < 2) continue;
        ++u.stories;
        const std::string key = (*t).substr(prefix.size());
        const std::string entry = summarize_story(all, key, true).encode();
        if (table.get_metadata(table_key(key)) == entry) continue;
        table.set_metadata(table_key(key), entry);
        ++u.written;
    }
    std::vector<std::string> stale;
    const std::string table_prefix(schema::story_key_prefix);
    for (auto k = table.metadata_keys_begin(table_prefix);
         k != table.metadata_keys_end(table_prefix); ++k)
        if (all.get_termfreq(dup_term((*k).substr(table_prefix.size()))) < 2) stale.push_back(*k);
    for (const auto& k : stale) table.set_metadata(k, "");
    u.removed = stale.size();
    table.set_metadata(std::string(schema::stories_current_key), "1");
    table.commit();
    return u;
}

}  // namespace khabar
