/** @file
 * @brief Plain-text entries that are a dump's documentation or data, not articles, told by their
 *        content: a list of short lines without sentences (category codes, name lists), or
 *        data written as code (Prolog facts, tables of quoted values). A list with a date line
 *        (a scraped table of results under its dateline) is an article.
 */
#pragma once

#include <string>
#include <string_view>

namespace khabar {

/// Why the head of a plain-text entry is not an article ("" when it may be one): "a list of
/// short lines, not an article" or "data or code, not an article". Texts of fewer than
/// kMinLines lines are never judged (a short article may be a list of results).
std::string not_prose_reason(std::string_view head);

}  // namespace khabar
