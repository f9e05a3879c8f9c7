/** @file
 * @brief Searcher: Enquire with BM25, duplicate collapse, partial matches after full ones, date
 *        sorting with stable tie-breaks, exact histograms, snippets only for shown hits.
 */
#include "search.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <set>
#include <unordered_set>

#include "database/reader.h"
#include "database/schema.h"
#include "database/stories.h"
#include "error.h"
#include "query/syntax.h"
#include "ranking.h"

namespace khabar {

Searcher::Searcher(Xapian::Database db) : db_(std::move(db)), builder_(db_) {
    key_terms_ = read_with_retry(db_, [&] { return has_key_terms(db_); });
}

namespace {

/// Run a search read through read_with_retry (a concurrent `khabar index` commit), with the
/// errors of a query Xapian cannot run said as khabar errors.
template <typename F>
auto with_reopen(Xapian::Database& db, F&& f, const std::uint64_t* progress = nullptr) {
    return read_with_retry(
        db,
        [&] {
            try {
                return f();
            } catch (const Xapian::WildcardError& e) {
                throw Error("a wildcard matches too many words (" + e.get_msg() + ")",
                            "type more letters before the * (at most " +
                                std::to_string(max_wildcard_expansion) + " words are searched)");
            } catch (const Xapian::UnimplementedError& e) {
                // Only --exact gets here (its MatchDecider); everything else runs on remote shards.
                throw Error("--exact cannot search a remote database (" + e.get_msg() + ")",
                            "search without --exact, or use the shards' directories locally");
            }
        },
        progress);
}

/// --exact: keep only articles whose text has every query word with its exact letters (no Urdu
/// letter folding, no diacritic removal); the folded index finds the candidates.
class ExactDecider : public Xapian::MatchDecider {
  public:
    explicit ExactDecider(const std::string& query) : analyzer_(FoldMode::exact) {
        analyzer_.for_each_term(query, [&](const Token& t) {
            if (!syntax::is_lowercased_operator(t.term)) words_.insert(t.term);
        });
    }
    bool operator()(const Xapian::Document& doc) const override {
        if (words_.empty()) return true;
        const StoredArticle s = StoredArticle::of(doc);
        std::set<std::string> found;
        auto scan = [&](const std::string& text) {
            analyzer_.for_each_term(text, [&](const Token& t) {
                if (words_.count(t.term)) found.insert(t.term);
            });
        };
        scan(s.title);
        scan(s.body);
        return found.size() == words_.size();
    }

  private:
    mutable Analyzer analyzer_;
    std::set<std::string> words_;
};

}  // namespace

namespace {

/// Counts stories while the match counts articles: reads the duplicate key of every article that
/// `inner` (--exact, or none) accepts; distinct keys plus keyless articles are the stories.
/// Accepts what `inner` accepts, so the match's own count stays the count of articles.
class StoryCounter : public Xapian::MatchDecider {
  public:
    explicit StoryCounter(const Xapian::MatchDecider* inner) : inner_(inner) {}
    bool operator()(const Xapian::Document& doc) const override {
        if (inner_ && !(*inner_)(doc)) return false;
        ++articles_;
        std::string key = doc.get_value(schema::slot_dup);
        if (key.empty())
            ++keyless_;
        else
            keys_.insert(std::move(key));
        return true;
    }
    void reset() {
        keys_.clear();
        articles_ = keyless_ = 0;
    }
    Xapian::doccount articles() const { return articles_; }
    Xapian::doccount stories() const {
        return static_cast<Xapian::doccount>(keys_.size()) + keyless_;
    }

  private:
    const Xapian::MatchDecider* inner_;
    mutable std::unordered_set<std::string> keys_;
    mutable Xapian::doccount articles_ = 0, keyless_ = 0;
};

Count exactly(Xapian::doccount n) {
    return {n, n, n};
}

/// The totals of a match that checked every article with `counter` as its decider.
Totals totals_from(const Xapian::MSet& m, const StoryCounter& counter) {
    const Xapian::doccount articles = m.get_matches_lower_bound();
    // The decider saw every match (it must, for the match to count them).
    if (counter.articles() == articles && m.get_matches_upper_bound() == articles)
        return {exactly(articles), exactly(counter.stories())};
    const Xapian::doccount unseen = articles - std::min(articles, counter.articles());
    return {{m.get_matches_estimated(), articles, m.get_matches_upper_bound()},
            {counter.stories(), counter.stories(), counter.stories() + unseen}};
}

}  // namespace

Xapian::MSet Searcher::estimate(const Xapian::Query& q) {
    Xapian::Enquire e(db_);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BoolWeight());
    return e.get_mset(0, 0);
}

bool Searcher::cheap_to_count(const Xapian::MSet& estimate, bool decider) {
    // Counting reads each match's duplicate key (about 3,000 instructions through Xapian's
    // Document); --exact's decider reads each candidate's text, so it counts fewer.
    return estimate.get_matches_estimated() <=
           (decider ? exact_count_limit / 10 : exact_count_limit);
}

Totals Searcher::estimated_totals(const Xapian::MSet& m, bool decider) {
    // Many matches: Xapian's estimate from term statistics, the same whatever the page (a match
    // of its own would read them all: BoolWeight prunes nothing). Stories are at most the
    // articles; the only bound known without reading every key is one.
    Totals t;  // statistics know nothing of --exact's decider: no lower bound then
    t.articles = {m.get_matches_estimated(), decider ? 0 : m.get_matches_lower_bound(),
                  m.get_matches_upper_bound()};
    t.stories = {t.articles.estimated, std::min<Xapian::doccount>(t.articles.lower, 1),
                 t.articles.upper};
    return t;
}

Totals Searcher::count_totals(const Xapian::Query& q, const Xapian::MatchDecider* decider) {
    Xapian::Enquire e(db_);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::doccount all = db_.get_doccount();
    try {
        StoryCounter counter(decider);
        return totals_from(e.get_mset(0, 0, all, nullptr, &counter), counter);
    } catch (const Xapian::UnimplementedError&) {
        if (decider) throw;  // --exact on a remote shard: said by with_reopen
    }
    // Remote shards run no match deciders, but merge a ValueCountMatchSpy's counts.
    Xapian::ValueCountMatchSpy spy(schema::slot_dup);
    e.add_matchspy(&spy);
    const Xapian::MSet m = e.get_mset(0, 0, all);
    Xapian::doccount keyed = 0, keys = 0;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it, ++keys)
        keyed += it.get_termfreq();
    const Xapian::doccount articles = m.get_matches_lower_bound();
    return {exactly(articles), exactly(keys + (articles - keyed))};
}

SearchResult Searcher::search(const SearchRequest& request) {
    return with_reopen(db_, [&] { return search_once(request); });
}

Histogram Searcher::histogram(const SearchRequest& request, Granularity g) {
    return with_reopen(db_, [&] { return histogram_once(request, g); });
}

std::optional<Hit> Searcher::article(const std::string& id, const SearchRequest& request) {
    return with_reopen(db_, [&]() -> std::optional<Hit> {
        story_lookup_.reset();  // this revision's
        BuiltQuery built;
        if (request.query.find_first_not_of(" \t\n\r") != std::string::npos)
            built = builder_.build(request.query, request.options);
        if (built.query.empty()) built.query = Xapian::Query::MatchAll;
        // The id drives; the query only weighs it and finds its copies.
        Xapian::Enquire e(db_);
        e.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                                  Xapian::Query(std::string(schema::prefix_id) + id), built.query));
        Xapian::MSet m = e.get_mset(0, 1);
        if (m.empty()) return std::nullopt;
        SearchRequest plain = request;
        plain.snippets = false;
        const Highlighting words = highlighting(built);
        Hit h = make_hit(m.begin(), plain, built, words, 1);
        h.snippet.text = h.stored.body;
        h.snippet.highlights =
            snippets_.mark(h.snippet.text, words.exact_terms, built.stems, words.phrases);
        h.title_highlights =
            snippets_.mark(h.stored.title, words.exact_terms, built.stems, words.phrases);
        return h;
    });
}

BuiltQuery Searcher::analyze(const SearchRequest& request) {
    return with_reopen(db_, [&] { return builder_.build(request.query, request.options); });
}

Xapian::Enquire Searcher::make_enquire(const Xapian::Query& q, const SearchRequest& request,
                                       bool collapse) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    enquire.set_weighting_scheme(ranking().weight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    if (collapse) enquire.set_collapse_key(schema::slot_dup);
    switch (request.sort) {
        case SortOrder::relevance:
            enquire.set_sort_by_relevance();
            break;
        case SortOrder::newest:
            enquire.set_sort_by_value_then_relevance(schema::slot_date, true);
            break;
        case SortOrder::oldest:
            enquire.set_sort_by_value_then_relevance(schema::slot_date, false);
            break;
    }
    return enquire;
}

CopyGroup Searcher::copies_of(const std::string& key, const std::string& self_id) {
    // The story was decided at index time: one posting-list length and one table lookup.
    if (!story_lookup_) story_lookup_ = story_lookup(db_, key_terms_);
    const std::optional<Story> story = story_of(db_, key, *story_lookup_);
    if (!story) return {};
    CopyGroup g;
    g.copies = story->size - 1;
    g.sources = story->sources;
    g.first_seen = story->first_seen;
    for (const auto& id : story->ids)
        if (id != self_id && g.ids.size() < 50) g.ids.push_back(id);
    return g;
}

namespace {

/// A query term as the highlighter knows it: title terms (S) lose their prefix; other prefixed
/// terms (filters, authors) are not highlighted ("").
std::string highlight_term(const std::string& term) {
    if (!term.empty() && term[0] == schema::prefix_title[0]) return term.substr(1);
    if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') return {};
    return term;
}

/// The phrases of the part of `q` that decides what matches (not the ranking boosts on the right
/// of AND_MAYBE, not the filters), and the terms that stand alone in it.
void collect_phrases(const Xapian::Query& q, std::set<std::string>& alone,
                     std::vector<Phrase>& phrases) {
    const auto type = q.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t)
            alone.insert(highlight_term(*t));
        return;
    }
    const std::size_t n = q.get_num_subqueries();
    if (type == Xapian::Query::OP_PHRASE) {
        Phrase p;
        for (std::size_t i = 0; i < n; ++i) {
            const Xapian::Query sub = q.get_subquery(i);
            auto t = sub.get_terms_begin();
            if (sub.get_type() != Xapian::Query::LEAF_TERM || t == sub.get_terms_end()) break;
            p.push_back(highlight_term(*t));
        }
        if (p.size() == n && std::find(p.begin(), p.end(), "") == p.end()) {
            phrases.push_back(std::move(p));
            return;
        }
    }
    const bool first_only = type == Xapian::Query::OP_AND_MAYBE ||
                            type == Xapian::Query::OP_FILTER ||
                            type == Xapian::Query::OP_SCALE_WEIGHT;
    for (std::size_t i = 0; i < (first_only ? std::min<std::size_t>(n, 1) : n); ++i)
        collect_phrases(q.get_subquery(i), alone, phrases);
}

}  // namespace

Searcher::Highlighting Searcher::highlighting(const BuiltQuery& built) {
    Highlighting h;
    std::set<std::string> alone;
    collect_phrases(built.query, alone, h.phrases);
    // A word that occurs only inside phrases (`"oil prices"`, the halves of a split compound:
    // وزیر اعظم for وزیراعظم) is highlighted only where its phrase stands whole.
    std::set<std::string> in_phrases;
    for (const auto& p : h.phrases) in_phrases.insert(p.begin(), p.end());
    for (const auto& t : built.exact_terms)
        if (!in_phrases.count(t) || alone.count(t)) h.exact_terms.insert(t);
    return h;
}

Hit Searcher::make_hit(const Xapian::MSetIterator& it, const SearchRequest& request,
                       const BuiltQuery& built, const Highlighting& words, std::size_t rank,
                       bool partial, const std::string* dup_key) {
    Hit h;
    h.rank = rank;
    h.docid = *it;
    h.score = it.get_weight();
    h.partial = partial;
    Xapian::Document doc = it.get_document();
    h.stored = StoredArticle::of(doc);
    if (request.snippets) {
        h.snippet = snippets_.make(h.stored.body, words.exact_terms, built.stems,
                                   request.snippet_length, words.phrases);
        h.title_highlights =
            snippets_.mark(h.stored.title, words.exact_terms, built.stems, words.phrases);
    }
    // get_collapse_count() is only a lower bound (0 when the match stopped before reaching the
    // copies, e.g. with -n 1), so every hit with a duplicate key looks its copies up.
    if (request.collapse) {
        const std::string key = dup_key ? *dup_key : doc.get_value(schema::slot_dup);
        if (!key.empty()) h.copies = copies_of(key, h.stored.id);
    }
    return h;
}

namespace {

/// The best matches of `e` (which has no collapse key) with copies collapsed: the first article of
/// each duplicate key in rank order, which is the one Xapian's own collapse keeps (the golden
/// transcripts list the same hits). A window of twice the page, widened only when copies fill
/// it; when it holds every match it has seen every story. The totals are counted by a decider
/// in the same match (search_once), or estimated (Searcher::estimated_totals). Same speed as
/// Xapian's collapse on 200 Reuters queries.
struct CollapsedMatches {
    Xapian::MSet mset;                       ///< the window fetched
    std::vector<Xapian::MSetIterator> kept;  ///< first of each key (or keyless), in rank order
    std::vector<std::string> kept_keys;      ///< the duplicate key of each of `kept` ("" none)
    std::set<std::string> keys;              ///< the duplicate keys of `kept`
    bool complete = false;                   ///< the window held every match
};

/// `counter` (or null), the decider, counts the stories of a match that checks `check` articles.
CollapsedMatches collapse_best(Xapian::Enquire& e, std::size_t need,
                               const Xapian::MatchDecider* decider, Xapian::doccount check = 0,
                               StoryCounter* counter = nullptr) {
    Xapian::doccount window = static_cast<Xapian::doccount>(std::max<std::size_t>(2 * need, 20));
    for (;;) {
        CollapsedMatches c;
        if (counter) counter->reset();
        c.mset = e.get_mset(0, window, check, nullptr, decider);
        for (auto it = c.mset.begin(); it != c.mset.end(); ++it) {
            std::string key = it.get_document().get_value(schema::slot_dup);
            if (key.empty() || c.keys.insert(key).second) {
                c.kept.push_back(it);
                c.kept_keys.push_back(std::move(key));
            }
        }
        c.complete = c.mset.size() < window;
        if (c.complete || c.kept.size() >= need) return c;
        window *= 4;
    }
}

}  // namespace

SearchResult Searcher::search_once(const SearchRequest& request) {
    auto start = std::chrono::steady_clock::now();
    SearchResult r;
    story_lookup_.reset();  // this revision's
    r.built = builder_.build(request.query, request.options);
    r.documents = db_.get_doccount();
    if (r.built.query.empty()) return r;
    // What the snippets mark, decided once for every hit. A partial match holds only some of the
    // words, so each word is marked on its own.
    const Highlighting words = request.snippets ? highlighting(r.built) : Highlighting{};
    const Highlighting partial_words{r.built.exact_terms, {}};
    // --count counts articles, copies included, exactly: no collapse, every match checked.
    const bool collapse = request.collapse && !request.exact_count;
    Xapian::Enquire enquire = make_enquire(r.built.query, request, false);
    std::unique_ptr<ExactDecider> exact;
    if (request.exact) exact = std::make_unique<ExactDecider>(request.query);
    // The totals come from the page's own match, which then checks every article, when that
    // is cheap; from Xapian's estimate otherwise, read once (it decides which).
    // A filtered query is first estimated without its filters, whose terms (a date range's
    // days) cost more to open than the words: a filter only multiplies Xapian's estimate by
    // a factor of at most 1, so when the words alone are cheap to count, so is the query.
    std::optional<Xapian::MSet> estimated;  // none with --count: it counts every match
    bool count_here =
        request.exact_count || (r.built.filtered && !r.built.words.empty() &&
                                cheap_to_count(estimate(r.built.words), exact != nullptr));
    if (!count_here) {
        estimated = estimate(r.built.query);
        count_here = cheap_to_count(*estimated, exact != nullptr);
    }
    StoryCounter counter(exact.get());
    std::size_t rank = request.offset;
    std::set<std::string> shown;  // duplicate keys of every full match, when all fit in the page
    Xapian::doccount seen_stories = 0;  // in the collapsed window
    bool window_complete = false;       // the window held every match
    auto page = [&]() -> Xapian::MSet {
        const Xapian::MatchDecider* decider =
            count_here ? static_cast<const Xapian::MatchDecider*>(&counter) : exact.get();
        const Xapian::doccount check = count_here ? r.documents : 0;
        if (collapse) {
            CollapsedMatches c = collapse_best(enquire, request.offset + request.limit, decider,
                                               check, count_here ? &counter : nullptr);
            for (std::size_t i = request.offset;
                 i < c.kept.size() && i < request.offset + request.limit; ++i)
                r.hits.push_back(
                    make_hit(c.kept[i], request, r.built, words, ++rank, false, &c.kept_keys[i]));
            seen_stories = static_cast<Xapian::doccount>(c.kept.size());
            window_complete = c.complete;
            if (c.complete) shown = std::move(c.keys);  // the keys already read
            return c.mset;
        }
        counter.reset();
        Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                             static_cast<Xapian::doccount>(request.limit), check, nullptr, decider);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            r.hits.push_back(make_hit(it, request, r.built, words, ++rank));
        return mset;
    };
    Xapian::MSet mset;
    bool count_apart = false;
    try {
        mset = page();
    } catch (const Xapian::UnimplementedError&) {
        if (exact || !count_here) throw;  // --exact on a remote shard: said by with_reopen
        count_here = false;               // remote shards run no decider: count apart
        count_apart = true;
        mset = page();
    }
    r.totals = count_apart  ? count_totals(r.built.query, exact.get())
               : count_here ? totals_from(mset, counter)
                            : estimated_totals(*estimated, exact != nullptr);
    if (!r.totals.articles.exact()) {  // what the page's match saw bounds them too
        Count& articles = r.totals.articles;
        articles.lower = std::max(articles.lower, mset.get_matches_lower_bound());
        articles.upper =
            std::max(articles.lower, std::min(articles.upper, mset.get_matches_upper_bound()));
        articles.estimated = std::clamp(articles.estimated, articles.lower, articles.upper);
        r.totals.stories.upper = std::min(r.totals.stories.upper, articles.upper);
    }
    if (collapse && !r.totals.stories.exact()) {  // the stories the window saw are a bound too
        Count& stories = r.totals.stories;
        stories.lower = std::max(stories.lower, seen_stories);
        if (window_complete) stories.upper = stories.lower;
        stories.estimated = std::clamp(stories.estimated, stories.lower, stories.upper);
    }
    const Count& listed = collapse ? r.totals.stories : r.totals.articles;
    r.estimated = listed.estimated;
    r.lower = listed.lower;
    r.upper = listed.upper;
    // Never a dead end: fewer full matches than a page → the articles with most of the words next.
    if (request.partial && ranking().partial > 0 && !r.built.any_words.empty() &&
        r.upper < request.offset + request.limit && request.limit > 0) {
        Xapian::doccount full = r.upper;  // exact: the whole result fits in the page
        std::size_t skip = request.offset > full ? request.offset - full : 0;
        std::size_t want =
            request.offset + request.limit - std::max<std::size_t>(full, request.offset);
        // Copies of a story already shown among the full matches are left out (a copy may lack
        // a query word in its own title). Collapsed, each key comes back at most once, so asking
        // for shown.size() more and dropping them afterwards is exact (a MatchDecider would do
        // it inside the match, but Xapian's remote backend runs none).
        // The words alone on the right: any_words has the filters already, and boosts change
        // nothing of which articles match (the filters' terms would be opened twice).
        Xapian::Query partial(Xapian::Query::OP_AND_NOT, r.built.any_words, r.built.words);
        Xapian::Enquire pe = make_enquire(partial, request, false);
        const std::size_t ask = skip + want + shown.size();
        CollapsedMatches candidates;  // uncollapsed: every match fetched, keys unread ("")
        if (request.collapse) {
            candidates = collapse_best(pe, ask, exact.get());
        } else {
            candidates.mset =
                pe.get_mset(0, static_cast<Xapian::doccount>(ask), 0, nullptr, exact.get());
            for (auto it = candidates.mset.begin(); it != candidates.mset.end(); ++it)
                candidates.kept.push_back(it);
        }
        rank = std::max<std::size_t>(full, request.offset);
        std::size_t kept = 0;
        for (std::size_t i = 0; i < candidates.kept.size(); ++i) {
            const Xapian::MSetIterator& it = candidates.kept[i];
            const std::string* key =
                request.collapse ? &candidates.kept_keys[i] : nullptr;  // read by collapse_best
            if (kept >= skip + want) break;
            if (!shown.empty() &&
                shown.count(key ? *key : it.get_document().get_value(schema::slot_dup)))
                continue;
            if (kept++ < skip) continue;
            r.hits.push_back(make_hit(it, request, r.built, partial_words, ++rank, true, key));
            ++r.partial_hits;
        }
    }
    r.suggestion = suggestion(request, r);
    r.elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return r;
}

namespace {

/// The letters and digits of `text`, without diacritics (combining marks), spaces or punctuation.
std::u32string bare_letters(const std::string& text) {
    std::u32string out;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        if (u_isalnum(c) && u_charType(c) != U_NON_SPACING_MARK)
            out += static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
    return out;
}

}  // namespace

Xapian::doccount Searcher::count_matches(const Xapian::Query& q, Xapian::doccount enough) {
    if (q.empty()) return 0;
    Xapian::Enquire e(db_);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BoolWeight());
    return e.get_mset(0, 0, enough).get_matches_lower_bound();
}

std::string Searcher::suggestion(const SearchRequest& request, const SearchResult& r) {
    // Only for a query that found less than a page (at least 10) of articles with all its words.
    if (r.upper >= std::max<std::size_t>(request.limit, 10)) return {};
    std::string s = builder_.suggest(request.query);
    // Never a suggestion that only drops a diacritic (زیرِ → زیر): the search already ignores it.
    if (s.empty() || bare_letters(s) == bare_letters(request.query)) return {};
    // Only when it finds clearly more: something for a dead end, else 3 times as many and 5.
    // The articles matching now: counted already when the totals are exact (without --exact's
    // decider: the suggestion is compared without it too).
    const Xapian::doccount now = !request.exact && r.totals.articles.exact()
                                     ? r.totals.articles.lower
                                     : count_matches(r.built.query, r.documents);
    const Xapian::doccount need = now == 0 ? 1 : std::max<Xapian::doccount>(5, 3 * now);
    if (count_matches(builder_.build(s, request.options).query, need) < need) return {};
    return s;
}

void Searcher::for_each_match(const SearchRequest& request,
                              const std::function<bool(const StoredArticle&, double)>& fn) {
    const BuiltQuery built = analyze(request);
    if (built.query.empty()) return;
    std::unique_ptr<ExactDecider> exact;
    if (request.exact) exact = std::make_unique<ExactDecider>(request.query);
    const Xapian::doccount page = 1000;
    // After a concurrent commit the walk goes on at the same rank on the newer revision (ranks
    // there may differ slightly, as they would for a search run then).
    std::uint64_t next = 0;
    with_reopen(
        db_,
        [&] {
            Xapian::Enquire enquire = make_enquire(built.query, request, request.collapse);
            for (;;) {
                Xapian::MSet m = enquire.get_mset(static_cast<Xapian::doccount>(next), page, 0,
                                                  nullptr, exact.get());
                for (auto it = m.begin(); it != m.end(); ++it) {
                    const StoredArticle stored = StoredArticle::of(it.get_document());
                    ++next;
                    if (!fn(stored, it.get_weight())) return;
                }
                if (m.size() < page) return;
            }
        },
        &next);
}

namespace {

/// The period a date slot value falls in ("1987", "1987-03" or "1987-03-02"), "" when the
/// value is not a date.
std::string period_of(const std::string& slot, Granularity g) {
    const char letter = g == Granularity::year ? 'y' : g == Granularity::month ? 'm' : 'd';
    return Date::from_slot(slot, letter).iso();
}

/// Every period between first and last (inclusive) so gaps show as zero bars.
std::vector<std::string> periods_between(const std::string& first, const std::string& last,
                                         Granularity g) {
    std::vector<std::string> out;
    int y = std::stoi(first.substr(0, 4)),
        m = g == Granularity::year ? 1 : std::stoi(first.substr(5, 2));
    int d = g == Granularity::day ? std::stoi(first.substr(8, 2)) : 1;
    auto days_in = [](int yy, int mm) {
        static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
        return mm == 2 && leap ? 29 : dm[mm - 1];
    };
    for (int guard = 0; guard < 200000; ++guard) {
        char buf[16];
        if (g == Granularity::year)
            std::snprintf(buf, sizeof buf, "%04d", y);
        else if (g == Granularity::month)
            std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        else
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        out.emplace_back(buf);
        if (out.back() >= last) break;
        if (g == Granularity::year)
            ++y;
        else if (g == Granularity::month && ++m > 12)
            m = 1, ++y;
        else if (g == Granularity::day && ++d > days_in(y, m)) {
            d = 1;
            if (++m > 12) m = 1, ++y;
        }
    }
    return out;
}

}  // namespace

Histogram Searcher::histogram_once(const SearchRequest& request, Granularity g) {
    Histogram h;
    h.granularity = g;
    BuiltQuery built = builder_.build(request.query, request.options);
    if (built.query.empty()) return h;
    const Xapian::doccount all = db_.get_doccount();
    auto count_by_day = [&](const Xapian::Query& q, Xapian::doccount& matches) {
        Xapian::Enquire e(db_);
        e.set_query(q);
        e.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy spy(schema::slot_date);
        e.add_matchspy(&spy);
        std::unique_ptr<ExactDecider> exact;
        if (request.exact && q.get_type() != Xapian::Query::LEAF_MATCH_ALL)
            exact = std::make_unique<ExactDecider>(request.query);
        Xapian::MSet m =
            e.get_mset(0, 0, all, nullptr, exact.get());  // check every match: exact counts
        matches = m.get_matches_estimated();
        std::map<std::string, Xapian::doccount> out;
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
            out[*it] = it.get_termfreq();
        return out;
    };
    std::map<std::string, Xapian::doccount> per_period;
    Xapian::doccount dated = 0;
    for (const auto& [slot, n] : count_by_day(built.query, h.matches)) {
        const std::string period = period_of(slot, g);
        if (period.empty()) continue;
        per_period[period] += n;
        dated += n;
    }
    h.undated = h.matches - dated;
    {
        std::unique_ptr<ExactDecider> exact;
        if (request.exact) exact = std::make_unique<ExactDecider>(request.query);
        h.stories = count_totals(built.query, exact.get()).stories.lower;
    }
    // Totals of all articles per period, for shares (--normalize).
    Xapian::doccount ignored = 0;
    for (const auto& [slot, n] : count_by_day(Xapian::Query::MatchAll, ignored))
        if (const std::string period = period_of(slot, g); !period.empty()) h.totals[period] += n;
    if (per_period.empty()) return h;
    for (const auto& p :
         periods_between(per_period.begin()->first, per_period.rbegin()->first, g)) {
        auto it = per_period.find(p);
        h.counts.emplace_back(p, it == per_period.end() ? 0 : it->second);
    }
    return h;
}

}  // namespace khabar
