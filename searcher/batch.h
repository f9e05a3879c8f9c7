/** @file
 * @brief Batch search: a list of queries → the matching articles of each (and per period), for
 *        `khabar search --batch FILE` and /api/batch; as a table for people, CSV or JSON.
 */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search.h"

namespace khabar {

struct BatchRow {
    std::string query;
    std::optional<Xapian::doccount> count;  ///< matching articles, copies included; none: error
    Xapian::doccount undated = 0;           ///< of them, undated (with a period only)
    std::vector<Xapian::doccount> periods;  ///< per BatchTable::periods (with a period only)
    std::string error;                      ///< why the query could not be searched
};

struct BatchTable {
    std::optional<Granularity> by;     ///< counts per period too
    std::vector<std::string> periods;  ///< every period any query matched in, in order
    std::vector<BatchRow> rows;
};

/// The queries of a batch text: one a line; blank lines and lines starting with # skipped.
std::vector<std::string> batch_queries(const std::string& text);

/// Each query searched with `base`'s filters: its exact count (as --count), and with `by` its
/// counts per period (as --histogram). A query that cannot be searched gets an error, not a throw.
BatchTable run_batch(Searcher& searcher, const SearchRequest& base,
                     const std::vector<std::string>& queries, std::optional<Granularity> by);

/// RFC 4180 (CRLF): query,count[,undated,PERIOD…]; an empty count for an error.
std::string batch_csv(const BatchTable& t);
/// {"rows": [{"query", "count", "undated"?, "periods"?, "error"?}], "periods": [...]}.
nlohmann::json batch_json(const BatchTable& t);
/// For people: the count, then the query, a line each (periods as columns when asked).
std::string batch_text(const BatchTable& t);

}  // namespace khabar
