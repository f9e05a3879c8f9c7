/** @file
 * @brief A stored article as `khabar show --json`, `khabar export` and /api/article give it.
 */
#pragma once

#include <nlohmann/json.hpp>

namespace khabar {

/// The export fields (article_json) plus what chrome removal did: "chrome_removed" (blocks
/// removed), "removed" ([{text, reason}], the first of them) and "date_notes" (why the page's
/// dates were chosen or refused; absent for records whose date is a field).
nlohmann::json show_json(const nlohmann::json& stored);

}  // namespace khabar
