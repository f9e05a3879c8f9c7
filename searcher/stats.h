/** @file
 * @brief What a database holds (`khabar stats`, /api/stats): documents, languages, dates, size.
 */
#pragma once

#include <string>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

namespace khabar {

/// The `stats --json` object (DESIGN.md): documents, languages (counts), dated, undated,
/// date_min, date_max (null when nothing is dated), size_bytes (of `paths`), database. Read again
/// at the newest revision when a concurrent `khabar index` commit discards the one read.
nlohmann::json database_stats(Xapian::Database& db, const std::vector<std::string>& paths);

}  // namespace khabar
