/** @file
 * @brief Stored articles as files for programs: `search --export` (CSV, CSV for spreadsheets,
 *        JSON Lines: the same fields in each) and the records of `show --json` and `khabar export`.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "database/stored_article.h"

namespace khabar {

enum class ExportFormat {
    csv,        ///< RFC 4180, CRLF lines, no byte order mark (for scripts)
    csv_excel,  ///< the same after a UTF-8 byte order mark, so that spreadsheets read Urdu right
    jsonl,      ///< one JSON object a line
};

/// "csv", "csv-excel" or "jsonl"; nullopt for anything else.
std::optional<ExportFormat> export_format(std::string_view name);

/// What comes before the first article: the byte order mark and the CSV header line; "" for JSON
/// Lines.
std::string export_header(ExportFormat format);

/// One matching article with its score: a CSV row (origin as FILE::ENTRY:RECORD, score to 4
/// decimals, true/false, an empty cell for none) or a JSON line, with the same fields: id, date,
/// date_source, title, title_derived, url, source, lang, author, section, origin, score, body.
std::string export_article(ExportFormat format, const StoredArticle& article, double score);

/// The `show --json` and `khabar export` object: article_json() plus what chrome removal did:
/// "chrome_removed" (blocks removed), "removed" ([{text, reason}], the first of them) and
/// "date_notes" (why the page's dates were chosen or refused; absent when there are none).
nlohmann::json show_json(const StoredArticle& article);

/// A JSON object as one line (invalid UTF-8 replaced).
std::string json_line(const nlohmann::json& j);

}  // namespace khabar
