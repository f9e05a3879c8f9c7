/** @file
 * @brief User query text → Xapian::Query, through the same analysis as documents, plus filters.
 *
 * The words, fields and operators of the query language are in query/syntax.h.
 *  1. normalize:  `وزيراعظم U.S. Elections`  → `وزیراعظم U.S. Elections`   (common/analysis)
 *  2. prepare:    operators (AND OR NOT XOR NEAR ADJ) kept only in CAPITALS; every other word
 *                 lowercased, dotted initials in any case made capitals → `وزیراعظم U.S. elections`
 *  2a. hoist:     top-level filters (`oil date:1987-03`) taken out of the text
 *  2b. Urdu:      spelling variants and compounds; Roman Urdu `mehngai` → `(mehngai OR مہنگائی)`
 *                 when the index holds the Urdu (roman_urdu.h)
 *  3. parse:      Xapian::QueryParser, MixedStem, STEM_SOME → `(Zوزیراعظم AND us AND Zelect)`;
 *                 a plain query (no syntax once the filters are out) gets ranking boosts
 *  4. filter:     the hoisted filters and --since/--until/--lang as one pure filter (OP_FILTER,
 *                 weighs nothing): `oil date:1987-03` and `--since 1987-03 --until 1987-03 oil`
 *                 are the same query. Label values are normalized as the index normalized them
 *                 (filter_fields.h).
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
#include "query/syntax.h"

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
    /// The parsed words alone, without filters or ranking boosts: within the filters, the same
    /// articles as `query` (what partial matches leave out).
    Xapian::Query words;
    bool filtered = false;   ///< `query` has filters (dates, languages, fields) besides `words`
    std::string normalized;  ///< after step 1
    /// After step 2, with the top-level filters moved to the end: `(oil OR gas) date:1987-03`.
    /// QueryParser sees the part before them; the filters go to the one filter query.
    std::string prepared;
    std::string parsed;  ///< Xapian's description of the parsed query (with the query's filters)
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
    // Its field processors point back at it.
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;
    BuiltQuery build(const std::string& text, const QueryOptions& options);

    /// Spelling suggestion from the index's own words for a query that found little: each word
    /// that is rare or absent is replaced by the most frequent indexed word within edit distance
    /// 1 (2 for words of 8+ letters); "" when nothing better is found.
    std::string suggest(const std::string& text);

  private:
    /// A `field:value` filter taken out of the query text (syntax.h): the field, the value.
    using TextFilters = std::vector<std::pair<const syntax::Field*, std::string>>;

    /// QueryParser on prepared text (default operator AND); plain words when it cannot parse.
    Xapian::Query parse(const std::string& prepared, BuiltQuery& out);
    /// One filter as a pure boolean query: `date:` a date range, `lang:` … a label term.
    Xapian::Query filter_query(const syntax::Field& field, const std::string& value);
    /// The filters taken out of the query text, as Xapian's QueryParser combines boolean
    /// prefixes: the values of one field OR-ed, the fields AND-ed.
    Xapian::Query filters(const TextFilters& in_text);
    /// Those and the flags' filters (--since/--until, --lang): one filter for the whole query.
    Xapian::Query filters(const QueryOptions& options, const Xapian::Query& in_text);
    /// Ranking boosts of a plain query's words: exact forms, phrase, nearness, title.
    std::vector<Xapian::Query> boosts(const std::string& plain_text);
    /// Step 2b on the words of the prepared text: Urdu spelling variants and compounds as
    /// `(a OR b)` groups; the words joined by spaces.
    std::string expand_urdu(const std::vector<syntax::Word>& words, BuiltQuery& out);
    LabelFieldProcessor& label(std::string_view field) const;
    /// The database's date terms, read once per build (a reopened database may have more).
    const std::optional<syntax::DateTerms>& date_terms();

    Xapian::Database db_;
    Analyzer analyzer_;
    Xapian::QueryParser parser_;
    std::unique_ptr<Xapian::FieldProcessor> date_field_;
    std::vector<std::unique_ptr<LabelFieldProcessor>> labels_;  ///< in syntax::fields order
    std::optional<syntax::DateTerms> date_terms_;
    bool date_terms_read_ = false;
};

/// Largest number of words a trailing wildcard (`infla*`) may expand to before it is an error.
inline constexpr Xapian::termcount max_wildcard_expansion = 500;

/// Most words (operators not counted) a query may have before it is an error: every word opens
/// its own posting lists in every shard, so 10,000 words take about half a GB and a minute.
inline constexpr std::size_t max_query_words = 1000;

/// Step 2 alone (exposed for tests): operator words stay only when written in capitals.
std::string prepare_query_text(const std::string& normalized);

}  // namespace khabar
