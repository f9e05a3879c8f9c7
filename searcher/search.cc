/** @file
 * @brief Searcher: Enquire with BM25, date sorting with stable tie-breaks, snippets for shown hits.
 */
#include "search.h"

#include <chrono>

#include "schema.h"

namespace khabar {

nlohmann::json parse_stored(const std::string& data) {
    auto j = nlohmann::json::parse(data, nullptr, false);
    return j.is_discarded() ? nlohmann::json::object() : j;
}

Searcher::Searcher(Xapian::Database db) : db_(std::move(db)), builder_(db_) {}

SearchResult Searcher::search(const SearchRequest& request) {
    // A concurrent `khabar index` may commit while we read: reopen and retry (Xapian keeps the
    // revision we opened readable only until the next-but-one commit).
    for (int attempt = 0;; ++attempt) {
        try {
            return search_once(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 5) throw;
            db_.reopen();
        }
    }
}

SearchResult Searcher::search_once(const SearchRequest& request) {
    auto start = std::chrono::steady_clock::now();
    SearchResult r;
    r.built = builder_.build(request.query, request.options);
    r.documents = db_.get_doccount();
    if (r.built.query.empty()) return r;
    Xapian::Enquire enquire(db_);
    enquire.set_query(r.built.query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
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
    Xapian::doccount check_at_least = request.exact_count ? r.documents : 0;
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(request.limit), check_at_least);
    r.estimated = mset.get_matches_estimated();
    r.lower = mset.get_matches_lower_bound();
    r.upper = mset.get_matches_upper_bound();
    std::size_t rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit h;
        h.rank = ++rank;
        h.docid = *it;
        h.score = it.get_weight();
        h.stored = parse_stored(it.get_document().get_data());
        if (request.limit > 0) {
            std::string body = h.stored.value(std::string(schema::field_body), std::string());
            h.snippet = snippets_.make(body, r.built.exact_terms, r.built.stems, request.snippet_length);
            std::string title = h.stored.value(std::string(schema::field_title), std::string());
            h.title_highlights = snippets_.mark(title, r.built.exact_terms, r.built.stems);
        }
        r.hits.push_back(std::move(h));
    }
    r.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return r;
}

}  // namespace khabar
