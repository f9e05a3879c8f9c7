/** @file
 * @brief Stories: the copies of one article (the articles sharing its duplicate key) as decided
 *        at index time, and the table of story summaries (size, sources, first seen, ids) that a
 *        search reads with one lookup instead of searching for each hit's copies.
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace khabar {

/// Ids a story summary keeps: enough for any member to list 50 others.
inline constexpr std::size_t story_ids_kept = 51;

/// One story: every article with the same duplicate key (schema::slot_dup, term prefix_dup).
struct Story {
    Xapian::doccount size = 0;     ///< articles in the story
    std::size_t sources = 0;       ///< distinct sources (the language where an article has none)
    std::string first_seen;        ///< the earliest member's date as stored ("" when all undated)
    std::vector<std::string> ids;  ///< members' ids, earliest first (then by id), story_ids_kept

    bool operator==(const Story&) const = default;
    std::string encode() const;
    /// nullopt when `data` is not an encoded story.
    static std::optional<Story> decode(const std::string& data);
};

/// Whether the database's articles carry their duplicate key as a term (schema::dup_terms_key, in
/// the first shard): set in shards created since the terms exist. Without them a story is found
/// by the value slot, and there is no story table.
bool has_key_terms(const Xapian::Database& db);

/// Where a database's stories are read: its story table (current, schema::stories_current_key),
/// its key terms, or (a database written before the key terms) its value slot.
enum class StoryLookup { table, key_terms, value_slot };

/// How `db`'s stories are read now (`key_terms`: has_key_terms(db), read once per database). Read
/// it once per search, not once per database: an index run marks the table stale before it writes.
StoryLookup story_lookup(const Xapian::Database& db, bool key_terms);

/// The story of duplicate key `key` (hex, without the term prefix); nullopt when the key has one
/// article or none. Read from the story table when `how` is table and the key's entry has the size
/// of its posting list, else summarized from the articles (an interrupted run, a combination of
/// databases whose first lacks the entry): the same Story either way.
std::optional<Story> story_of(const Xapian::Database& db, const std::string& key, StoryLookup how);

/// The story of `key` summarized from its articles (every member's stored record read): the
/// key's posting list, or without key terms the articles whose value slot holds it (a scan).
Story summarize_story(const Xapian::Database& db, const std::string& key, bool key_terms);

/// What update_story_table changed.
struct StoryTableUpdate {
    std::size_t stories = 0;  ///< stories of two articles or more in the database
    std::size_t written = 0;  ///< entries added or changed
    std::size_t removed = 0;  ///< entries of keys left with one article or none
};

/// Bring the story table of the khabar database directory `dir` up to date with its articles:
/// one metadata entry per story in the first shard (where a combined database reads metadata),
/// and the table marked current. Run after every shard has committed and closed; takes the first
/// shard's write lock. A database without key terms gets no table.
StoryTableUpdate update_story_table(const std::string& dir);

}  // namespace khabar
