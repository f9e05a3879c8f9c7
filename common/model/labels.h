/** @file
 * @brief The one normalization of an article's filter labels (language, source, section): what
 *        the index stores as boolean terms and what a query's `lang:` `source:` `section:` and
 *        `--lang` look up, so a filter finds what `show` prints.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace khabar {

/// Normalized, lowercased words of a label, space-separated: "Dawn News" -> "dawn news",
/// "front-page" and "Front Page" -> "front page", "money-fx" -> "money fx".
std::string filter_value(Analyzer& analyzer, std::string_view label);

/// The values a section label is found by: the whole label, and each part when it lists several
/// separated by commas or semicolons (Reuters TOPICS "money-fx, interest"). Normalized, unique.
std::vector<std::string> section_values(Analyzer& analyzer, std::string_view label);

/// A language name or code as an ISO 639-1 code: "English", "eng", "EN", "en-US" -> "en";
/// "Urdu", "UR", "ur-PK" -> "ur". Anything else lowercased, up to the first '-' or '_'.
std::string language_code(std::string_view name);

/// Whether `code` is one language_code() knows by name (en, ur, ar, fa, hi, ps, ...).
bool known_language(std::string_view code);

}  // namespace khabar
