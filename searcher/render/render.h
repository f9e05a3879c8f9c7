/** @file
 * @brief Search results as text for people (a block per hit) or JSON Lines for programs
 *        (`--json`: begin, hit…, summary).
 */
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search.h"

namespace khabar {

struct RenderOptions {
    bool color = false;
    bool visual = false;     ///< reorder right-to-left text for terminals without bidi
    std::size_t width = 80;  ///< columns: human output wraps at word boundaries to fit
    std::vector<std::string> databases;
};

/// Human output, a block per hit: "N. title  date"; "id · source · lang · URL or origin"; the
/// snippet; "+N copies …". Lines wrap at spaces to `width` columns (indented 3); highlights in
/// colour cover whole words; with `visual`, each wrapped line is reordered once.
std::string render_human(const SearchResult& r, const SearchRequest& q, const RenderOptions& o);

/// The JSON Lines messages of one search.
std::string render_json(const SearchResult& r, const SearchRequest& q, const RenderOptions& o);

/// `--histogram`: a bar per period (Unicode blocks scaled to `width` columns), or JSON Lines.
std::string render_histogram(const Histogram& h, bool normalize, bool json, std::size_t width);

/// "mehngai → مہنگائی": one Roman Urdu bridge, for stderr and --analyze.
std::string roman_note(const std::string& latin, const std::vector<std::string>& urdu);

/// `--analyze`: each stage of the query, one per line.
std::string render_analysis(const BuiltQuery& b, const std::string& raw);

/// A stored article as the object export and show --json start from (fields of
/// ../shared/DESIGN.md): id, title, date, date_source, url, source, lang, author, section, body,
/// origin, and title_derived when true.
nlohmann::json article_json(const StoredArticle& stored);

/// A stored article for people (`khabar show`).
std::string render_article(const StoredArticle& stored, bool color);

}  // namespace khabar
