/** @file
 * @brief Run a search: built query → ranked matches (BM25, or by date) → hits with snippets for
 *        the page shown only.
 */
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "database/stored_article.h"
#include "database/stories.h"
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
    bool collapse = true;      ///< show syndicated copies (same duplicate key) once
    bool partial = true;       ///< when fewer than a page match all words, add best partial matches
    bool snippets = true;      ///< make snippets for the hits (not for --ids/--export)
    bool exact = false;        ///< --exact: matches must also have the query words' exact letters
};

/// The other articles of a shown hit's story (same duplicate key, decided at index time), which
/// collapse hides (database/stories.h).
struct CopyGroup {
    std::size_t copies = 0;        ///< other articles in the group
    std::size_t sources = 0;       ///< distinct sources among all members
    std::string first_seen;        ///< earliest date in the group ("" when undated)
    std::vector<std::string> ids;  ///< ids of the other members (up to 50)
};

struct Hit {
    std::size_t rank = 0;  ///< 1-based, across pages
    Xapian::docid docid = 0;
    double score = 0;
    StoredArticle
        stored;  ///< the stored record (id, title, date, url, source, lang, body, origin…)
    Snippet snippet;
    std::vector<std::pair<std::size_t, std::size_t>> title_highlights;
    bool partial = false;  ///< contains only some of the query words
    CopyGroup copies;
};

/// A number of matches: exact (lower == upper), or an estimate between two true bounds.
struct Count {
    Xapian::doccount estimated = 0, lower = 0, upper = 0;
    bool exact() const { return lower == upper; }
};

/// How many articles match a search (full matches, not partial ones), counted once per search
/// and not per page, so every page and every output states the same numbers: articles (every
/// copy) and stories (the copies of one story counted once, as collapsed pages list them).
/// Exact when term statistics estimate at most Searcher::exact_count_limit matching articles,
/// and always for --count and --histogram; beyond that, estimates within true bounds.
struct Totals {
    Count articles;
    Count stories;
};

struct SearchResult {
    BuiltQuery built;
    std::vector<Hit> hits;
    Totals totals;
    /// The results the pages list, from `totals`: stories when collapsing, else articles.
    Xapian::doccount estimated = 0, lower = 0, upper = 0;
    Xapian::doccount documents = 0;  ///< documents in the database
    std::size_t partial_hits = 0;    ///< hits that contain only some words
    std::string suggestion;          ///< "did you mean" query, "" when none
    double elapsed_ms = 0;
};

enum class Granularity { year, month, day };

/// Matching articles per period, exact (every match counted), with the period totals for shares.
struct Histogram {
    Granularity granularity = Granularity::year;
    std::vector<std::pair<std::string, Xapian::doccount>>
        counts;                                      ///< period label -> matches, in order
    std::map<std::string, Xapian::doccount> totals;  ///< period -> all articles (for --normalize)
    Xapian::doccount undated = 0;                    ///< matching articles without a date
    Xapian::doccount matches = 0;                    ///< matching articles, exact
    Xapian::doccount stories = 0;  ///< the same with the copies of a story counted once, exact
};

/// One open database and the per-thread analysis state to search it.
class Searcher {
  public:
    /// Totals are exact when term statistics estimate at most this many matching articles
    /// (every match's duplicate key is then read once: about 3,500 instructions a match, so at
    /// most about 0.5 ms); an estimate within true bounds beyond (--count is always exact).
    static constexpr Xapian::doccount exact_count_limit = 500;
    explicit Searcher(Xapian::Database db);
    SearchResult search(const SearchRequest& request);
    /// Exact counts of matching articles per year/month/day (copies included).
    Histogram histogram(const SearchRequest& request, Granularity g);
    /// Visit every matching article in rank order (for --ids and --export), with its stored record,
    /// until `fn` returns false.
    void for_each_match(const SearchRequest& request,
                        const std::function<bool(const StoredArticle& stored, double score)>& fn);
    /// The article with this id as a hit of `request`'s query (may be blank): its whole body as
    /// the snippet and its title, with the query's words highlighted, and its copies matching the
    /// query (all of them when blank); nullopt when no article has the id.
    std::optional<Hit> article(const std::string& id, const SearchRequest& request);
    /// The query as built (for --analyze and the filter warnings).
    BuiltQuery analyze(const SearchRequest& request);
    Xapian::Database& database() { return db_; }

  private:
    SearchResult search_once(const SearchRequest& request);
    /// "Did you mean": only for a query that found little, and a suggestion that finds clearly
    /// more (3 times as many articles and at least 5; any for a dead end); "" otherwise.
    std::string suggestion(const SearchRequest& request, const SearchResult& r);
    /// Articles matching `q`, counted exactly up to `enough`.
    Xapian::doccount count_matches(const Xapian::Query& q, Xapian::doccount enough);
    Histogram histogram_once(const SearchRequest& request, Granularity g);
    /// Xapian's estimate of the articles matching `q`, from term statistics (no posting list
    /// read): an empty MSet with its bounds.
    Xapian::MSet estimate(const Xapian::Query& q);
    /// Whether counting every match is cheap: term statistics (`estimate`) estimate at most
    /// exact_count_limit matching articles (a tenth of it with --exact's decider).
    static bool cheap_to_count(const Xapian::MSet& estimate, bool decider);
    /// The totals from Xapian's `estimate` alone (within true bounds, not exact).
    static Totals estimated_totals(const Xapian::MSet& estimate, bool decider);
    /// The articles and stories matching `q` (with --exact's `decider`), whatever the page,
    /// exactly: a match of its own without weights reads every match's duplicate key.
    Totals count_totals(const Xapian::Query& q, const Xapian::MatchDecider* decider);
    Xapian::Enquire make_enquire(const Xapian::Query& q, const SearchRequest& request,
                                 bool collapse);
    /// What to highlight in a hit: the words that match alone, and the phrases.
    struct Highlighting {
        std::set<std::string> exact_terms;
        std::vector<Phrase> phrases;
    };
    static Highlighting highlighting(const BuiltQuery& built);
    /// A hit with its snippet marking `words` (one Highlighting per search, not per hit);
    /// `dup_key` is its duplicate key when the caller has read it already (else null).
    Hit make_hit(const Xapian::MSetIterator& it, const SearchRequest& request,
                 const BuiltQuery& built, const Highlighting& words, std::size_t rank,
                 bool partial = false, const std::string* dup_key = nullptr);
    /// The other copies of the story of duplicate key `key` (not empty) than `self_id`.
    CopyGroup copies_of(const std::string& key, const std::string& self_id);
    bool key_terms_ = false;  ///< has_key_terms (database/stories.h) of the first database
    /// story_lookup of the revision being read: once per search (attempt), on the first hit with
    /// copies, not once per hit.
    std::optional<StoryLookup> story_lookup_;
    Xapian::Database db_;
    QueryBuilder builder_;
    SnippetMaker snippets_;
};

}  // namespace khabar
