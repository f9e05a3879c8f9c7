/** @file
 * @brief The index's Urdu vocabulary, written at index time for the Roman Urdu bridge: every term
 *        that begins with an Arabic-script letter, in one metadata entry per first letter, so a
 *        query asks "does an indexed word begin with ...?" in memory instead of with a B-tree
 *        seek each time (searcher/query/roman_urdu.h).
 */
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace khabar {

/// Write the table of the khabar database directory `dir` anew into its first shard (where a
/// combined database reads metadata), stamped with the database it lists (doccount and total
/// length). Run after every shard has committed and closed; takes the first shard's write lock.
/// Returns the number of terms listed. An index run empties the stamp before it changes any
/// article (searches then walk the term list), and writes the table anew when it completes.
std::size_t write_urdu_vocabulary(const std::string& dir);

/// The table as a search reads it: letters are loaded on first use.
class UrduVocabulary {
  public:
    /// nullopt when `db` has no current table: a database indexed before the table, an index run
    /// interrupted, or several databases searched together (their stamp differs).
    static std::optional<UrduVocabulary> open(const Xapian::Database& db);

    /// Whether an indexed term begins with `prefix` (non-empty UTF-8); nullopt when the prefix's
    /// first letter is not an Arabic-script letter (the table does not hold such terms).
    std::optional<bool> has_prefix(std::string_view prefix);

  private:
    explicit UrduVocabulary(const Xapian::Database& db) : db_(&db) {}

    const Xapian::Database* db_;
    /// Letter -> its metadata entry (sorted terms, '\n' after each), read on first use.
    std::map<std::string, std::string, std::less<>> letters_;
};

}  // namespace khabar
