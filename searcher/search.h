/** @file
 * @brief Run a search: built query → ranked matches (BM25, or by date) → hits with snippets for
 *        the page shown only.
 */
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "query/query_builder.h"
#include "results/snippet.h"

namespace khabar {

enum class SortOrder { relevance, newest, oldest };

struct SearchRequest {
    std::string query;
    QueryOptions options;
    SortOrder sort = SortOrder::relevance;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::size_t snippet_length = 200;
    bool exact_count = false;  ///< count every match (for --count), not an estimate
};

struct Hit {
    std::size_t rank = 0;  ///< 1-based, across pages
    Xapian::docid docid = 0;
    double score = 0;
    nlohmann::json stored;  ///< the stored record (id, title, date, url, source, lang, body, origin…)
    Snippet snippet;
    std::vector<std::pair<std::size_t, std::size_t>> title_highlights;
};

struct SearchResult {
    BuiltQuery built;
    std::vector<Hit> hits;
    Xapian::doccount estimated = 0, lower = 0, upper = 0;
    Xapian::doccount documents = 0;  ///< documents in the database
    double elapsed_ms = 0;
};

/// One open database and the per-thread analysis state to search it.
class Searcher {
public:
    explicit Searcher(Xapian::Database db);
    SearchResult search(const SearchRequest& request);
    Xapian::Database& database() { return db_; }

private:
    SearchResult search_once(const SearchRequest& request);
    Xapian::Database db_;
    QueryBuilder builder_;
    SnippetMaker snippets_;
};

/// Parse a stored document's data (the JSON record); {} when it is not JSON.
nlohmann::json parse_stored(const std::string& data);

}  // namespace khabar
