/** @file
 * @brief User query text → Xapian::Query, through the same analysis as documents, plus filters.
 *
 *  1. normalize:  `وزيراعظم U.S. Elections`  → `وزیراعظم U.S. Elections`   (common/analysis)
 *  2. prepare:    operators (AND OR NOT XOR NEAR ADJ) kept only in CAPITALS; every other word
 *                 lowercased, dotted initials in any case made capitals → `وزیراعظم U.S. elections`
 *  2b. Roman Urdu: `mehngai` → `(mehngai OR مہنگائی)` when the index holds the Urdu (roman_urdu.h)
 *  3. parse:      Xapian::QueryParser, MixedStem, STEM_SOME → `(Zوزیراعظم AND us AND Zelect)`
 *  4. filter:     --since/--until as a value range on the date slot, lang/source/section as
 *                 boolean terms normalized as the index normalized them (filter_fields.h)
 */
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "dates/date.h"
#include "query/filter_fields.h"
#include "query/roman_urdu.h"

namespace khabar {

struct QueryOptions {
    std::optional<DayRange> dates;   ///< inclusive day range from --since/--until
    std::vector<std::string> langs;  ///< --lang filters (OR): codes or names, any case (labels.h)
    FoldMode fold = FoldMode::full;
    bool roman = true;  ///< bridge Roman Urdu words to Urdu spellings (off: --no-roman)
};

/// What the searcher needs from a parsed query.
struct BuiltQuery {
    Xapian::Query query;  ///< final query with filters
    Xapian::Query
        any_words;  ///< the same words OR-ed, with filters (partial matches); empty if one word
    std::string normalized;  ///< after step 1
    std::string prepared;    ///< after step 2 (what QueryParser saw)
    std::string parsed;      ///< Xapian's description of the parsed query (before filters)
    bool fell_back = false;  ///< strict parsing failed; searched the words instead
    std::string fallback_reason;
    std::set<std::string> exact_terms;  ///< unprefixed terms to highlight as they are
    std::set<std::string> stems;        ///< stems (without Z) whose words are highlighted
    std::vector<std::string> notes;     ///< what was expanded or changed, for --analyze and stderr
    /// Filter values no article has (`section:nosuch`, `--lang xx`), with the known ones: stderr.
    std::vector<std::string> warnings;
    std::vector<RomanBridge> roman;  ///< Latin words also searched in Urdu (query/roman_urdu.h)
};

/// Builds queries; owns an Analyzer and QueryParser, so one per thread.
class QueryBuilder {
  public:
    explicit QueryBuilder(const Xapian::Database& db, FoldMode fold = FoldMode::full);
    BuiltQuery build(const std::string& text, const QueryOptions& options);

    /// Spelling suggestion from the index's own words for a query that found little: each word
    /// that is rare or absent is replaced by the most frequent indexed word within edit distance
    /// 1 (2 for words of 8+ letters); "" when nothing better is found.
    std::string suggest(const std::string& text);

  private:
    Xapian::Query parse(const std::string& prepared, Xapian::Query::op default_op, BuiltQuery& out);
    Xapian::Query filters(const QueryOptions& options) const;
    std::string expand_urdu(const std::string& prepared, BuiltQuery& out);

    Xapian::Database db_;
    Analyzer analyzer_;
    Xapian::QueryParser parser_;
    std::unique_ptr<Xapian::FieldProcessor> date_field_;
    std::unique_ptr<LabelFieldProcessor> lang_field_, source_field_, section_field_;
};

/// Largest number of words a trailing wildcard (`infla*`) may expand to before it is an error.
inline constexpr Xapian::termcount max_wildcard_expansion = 500;

/// Most words (operators not counted) a query may have before it is an error: every word opens
/// its own posting lists in every shard, so 10,000 words take about half a GB and a minute.
inline constexpr std::size_t max_query_words = 1000;

/// Step 2 alone (exposed for tests): operator words stay only when written in capitals.
std::string prepare_query_text(const std::string& normalized);

}  // namespace khabar
