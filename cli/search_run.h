/** @file
 * @brief `khabar search` once its flags are read: a SearchRequest and an output mode, run by one
 *        function per mode (hits, --count, --ids/--export, --histogram, --analyze).
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/export.h"
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
    std::optional<ExportFormat> export_format;  ///< --export
};

/// Runs the search in `mode`, writing to stdout (render/output.h) and notes to stderr; returns
/// the exit status (0 something found, 1 nothing).
int run_search(Searcher& searcher, SearchRequest request, const SearchOutput& output);

}  // namespace khabar::cli
