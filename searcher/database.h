/** @file
 * @brief Opening the database for reading: one or several paths (shards, stub files), schema check,
 *        clear errors.
 */
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace khabar {

/// Open every path (a khabar database directory, a Xapian stub file, "host:port" remote shard
/// written as `remote:HOST:PORT`) as one combined read-only database. Throws khabar::Error with a
/// hint when a path is missing or not a khabar database.
Xapian::Database open_for_reading(const std::vector<std::string>& paths);

/// The database paths to use: --db values, else $KHABAR_DB, else ./khabar.db.
std::vector<std::string> resolve_db_paths(const std::vector<std::string>& given);

}  // namespace khabar
