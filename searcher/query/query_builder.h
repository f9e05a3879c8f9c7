/** @file
 * @brief User query text → Xapian::Query, through the same analysis as documents, plus filters.
 *
 *  1. normalize:  `وزيراعظم U.S. Elections`  → `وزیراعظم U.S. Elections`   (common/analysis)
 *  2. prepare:    operators (AND OR NOT XOR NEAR ADJ) kept only in CAPITALS; every other word
 *                 lowercased, dotted initials in any case made capitals → `وزیراعظم U.S. elections`
 *  3. parse:      Xapian::QueryParser, MixedStem, STEM_SOME → `(Zوزیراعظم AND us AND Zelect)`
 *  4. filter:     --since/--until as a value range on the date slot, lang/source as boolean terms
 */
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "dates/date.h"

namespace khabar {

struct QueryOptions {
    std::optional<DayRange> dates;  ///< inclusive day range from --since/--until
    std::vector<std::string> langs;  ///< --lang filters (OR)
    FoldMode fold = FoldMode::full;
};

/// What the searcher needs from a parsed query.
struct BuiltQuery {
    Xapian::Query query;            ///< final query with filters
    std::string normalized;         ///< after step 1
    std::string prepared;           ///< after step 2 (what QueryParser saw)
    std::string parsed;             ///< Xapian's description of the parsed query (before filters)
    bool fell_back = false;         ///< strict parsing failed; searched the words instead
    std::string fallback_reason;
    std::set<std::string> exact_terms;  ///< unprefixed terms to highlight as they are
    std::set<std::string> stems;        ///< stems (without Z) whose words are highlighted
};

/// Builds queries; owns an Analyzer and QueryParser, so one per thread.
class QueryBuilder {
public:
    explicit QueryBuilder(const Xapian::Database& db, FoldMode fold = FoldMode::full);
    BuiltQuery build(const std::string& text, const QueryOptions& options);

private:
    Xapian::Database db_;
    Analyzer analyzer_;
    Xapian::QueryParser parser_;
};

/// Step 2 alone (exposed for tests): operator words stay only when written in capitals.
std::string prepare_query_text(const std::string& normalized);

}  // namespace khabar
