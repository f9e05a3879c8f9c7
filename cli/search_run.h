/** @file
 * @brief `khabar search` once its flags are read: a SearchRequest and an output mode, run by one
 *        function per mode (hits, --count, --ids/--export, --histogram, --analyze).
 */
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search.h"

namespace khabar::cli {

/// What the search writes: the hits (the default) or one of the other outputs.
enum class SearchMode { hits, count, ids, export_rows, histogram, analyze };

/// How the search writes it, from the flags that are not part of the SearchRequest.
struct SearchOutput {
    SearchMode mode = SearchMode::hits;
    bool json = false;
    std::string color = "auto";  ///< --color
    std::string bidi = "auto";   ///< --bidi
    Granularity granularity = Granularity::year;
    bool normalize = false;    ///< --histogram shares
    bool limit_given = false;  ///< -n was given (pages --ids)
    std::vector<std::string> databases;
};

/// The rows of --export: a header, then one row per matching article (stored record, score).
struct ExportRows {
    std::string header;
    std::function<std::string(const nlohmann::json& stored, double score)> row;
};

/// Runs the search in `mode`, writing to stdout (render/output.h) and notes to stderr; returns
/// the exit status (0 something found, 1 nothing). `rows` is used by --export only.
int run_search(Searcher& searcher, SearchRequest request, const SearchOutput& output,
               const ExportRows& rows);

}  // namespace khabar::cli
