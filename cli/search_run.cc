/** @file
 * @brief The modes of `khabar search`, one function each, and the notes they write on stderr.
 */
#include "search_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iostream>

#include "render/bidi.h"
#include "render/output.h"
#include "render/render.h"

namespace khabar::cli {

namespace {

/// A count as every output states it: "771", or "about 800" for an estimate; never less than
/// `at_least` (the results already shown), so a later page cannot contradict itself.
std::string stated(const Count& c, std::size_t at_least) {
    const std::size_t n = std::max<std::size_t>(c.estimated, at_least);
    return c.exact() || n == at_least ? std::to_string(n) : fmt::format("about {}", n);
}

/// "771 stories (805 articles)": the results the pages list first (stories when collapsing,
/// articles with --no-collapse), the other in brackets; "40 articles" when they are the same.
std::string totals_phrase(const Totals& t, bool collapse, std::size_t at_least) {
    auto noun = [](const Count& c, const char* one, const char* many) {
        return c.exact() && c.lower == 1 ? one : many;
    };
    const Count& a = t.articles;
    const Count& s = t.stories;
    if (a.exact() && s.exact() && a.lower == s.lower)
        return fmt::format("{} {}", stated(a, at_least), noun(a, "article", "articles"));
    if (collapse)
        return fmt::format("{} {} ({} {})", stated(s, at_least), noun(s, "story", "stories"),
                           stated(a, 0), noun(a, "article", "articles"));
    return fmt::format("{} {} ({} {})", stated(a, at_least), noun(a, "article", "articles"),
                       stated(s, 0), noun(s, "story", "stories"));
}

/// "showing 1–10 of 771 stories (805 articles); next page: --offset 10" (stderr, human output).
std::string paging_note(const SearchResult& r, const SearchRequest& req) {
    const std::size_t full = r.hits.size() - r.partial_hits;
    std::string note;
    if (full > 0)
        note = fmt::format("showing {} of {}",
                           full == 1 ? std::to_string(req.offset + 1)
                                     : fmt::format("{}–{}", req.offset + 1, req.offset + full),
                           totals_phrase(r.totals, req.collapse, req.offset + full));
    else
        note = fmt::format("no result has all the words{}",
                           req.offset > 0 ? fmt::format(" after the first {}", req.offset) : "");
    if (r.partial_hits > 0)
        note += fmt::format(", then {} partial {}", r.partial_hits,
                            r.partial_hits == 1 ? "match" : "matches");
    if (r.partial_hits == 0 && req.offset + full < r.estimated)
        note += fmt::format("; next page: --offset {}", req.offset + full);
    return note;
}

/// "no results on this page: 12 matches, the last page starts at --offset 10" (an --offset past
/// the end); `page` 0 when the results are not paged.
std::string past_the_end(std::size_t matches, bool about, std::size_t page) {
    std::string note = fmt::format("no results on this page: {}{} {}", about ? "about " : "",
                                   matches, matches == 1 ? "match" : "matches");
    if (page > 0)
        note += fmt::format(", the last page starts at --offset {}", (matches - 1) / page * page);
    return note;
}

int run_analyze(Searcher& searcher, const SearchRequest& req) {
    out(render_analysis(searcher.analyze(req), req.query));
    out_flush();
    return 0;
}

int run_histogram(Searcher& searcher, const SearchRequest& req, const SearchOutput& o) {
    Histogram h = searcher.histogram(req, o.granularity);
    out(render_histogram(h, o.normalize, o.json, output_width()));
    out_flush();
    return h.matches > 0 ? 0 : 1;
}

/// --ids and --export: every matching article in rank order (--ids: one page with -n/--offset).
int run_listing(Searcher& searcher, SearchRequest req, const SearchOutput& o) {
    const bool ids = o.mode == SearchMode::ids;
    req.snippets = false;
    if (!ids) req.collapse = false;  // every matching article
    if (!ids) out(export_header(*o.export_format));
    // --ids lists every result unless -n or --offset asks for a page of them.
    const std::size_t skip = ids ? req.offset : 0;
    const std::size_t take = ids && o.limit_given ? req.limit : SIZE_MAX;
    std::size_t n = 0, seen = 0;
    searcher.for_each_match(req, [&](const StoredArticle& stored, double score) {
        if (seen++ < skip) return true;
        ++n;
        out(ids ? stored.id + "\n" : export_article(*o.export_format, stored, score));
        return n < take;
    });
    out_flush();
    if (n == 0 && seen > 0)
        std::cerr << "khabar: " << past_the_end(seen, false, o.limit_given ? req.limit : 0) << "\n";
    return n > 0 ? 0 : 1;
}

RenderOptions render_options(const SearchOutput& o) {
    ColorChoice choice = ColorChoice::automatic;
    parse_color_choice(o.color, choice);
    BidiMode bidi = BidiMode::automatic;
    parse_bidi_mode(o.bidi, bidi);
    RenderOptions ro;
    ro.color = !o.json && use_color(choice);
    ro.visual = !o.json && use_visual_order(bidi);
    ro.width = output_width();
    ro.databases = o.databases;
    return ro;
}

/// What the search did to the query (Roman Urdu, a fallback to plain words), on stderr.
void query_notes(const SearchResult& r, const SearchOutput& o) {
    for (const auto& [latin, urdu] : r.built.roman)
        std::cerr << "khabar: Roman Urdu: " << roman_note(latin, urdu) << "\n";
    if (r.built.fell_back && !o.json)
        std::cerr << "khabar: note: could not parse the query (" << r.built.fallback_reason
                  << "); searched its words instead\n";
}

int run_count(Searcher& searcher, const SearchRequest& req, const SearchOutput& o) {
    SearchResult r = searcher.search(req);
    query_notes(r, o);
    // Articles, exact (every match checked); stderr names them and gives the stories too.
    if (o.json) {
        out(render_json(r, req, render_options(o)));
    } else {
        out(fmt::format("{}\n", stated(r.totals.articles, 0)));
        std::cerr << "khabar: " << stated(r.totals.articles, 0) << " matching "
                  << (r.totals.articles.lower == 1 ? "article" : "articles") << ", "
                  << stated(r.totals.stories, 0) << " "
                  << (r.totals.stories.lower == 1 ? "story" : "stories")
                  << " (copies counted once)\n";
    }
    out_flush();
    return r.estimated > 0 ? 0 : 1;
}

int run_hits(Searcher& searcher, const SearchRequest& req, const SearchOutput& o) {
    SearchResult r = searcher.search(req);
    query_notes(r, o);
    const RenderOptions ro = render_options(o);
    out(o.json ? render_json(r, req, ro) : render_human(r, req, ro));
    out_flush();
    if (!o.json) {
        if (r.hits.empty() && req.offset > 0 && r.estimated > 0)
            std::cerr << "khabar: " << past_the_end(r.estimated, r.lower != r.upper, req.limit)
                      << "\n";
        else if (r.hits.empty())
            std::cerr << "khabar: no articles match"
                      << (req.options.dates ? " (with the date filter)" : "") << "\n";
        if (!r.suggestion.empty()) std::cerr << "khabar: did you mean: " << r.suggestion << "\n";
        if (!r.hits.empty()) std::cerr << "khabar: " << paging_note(r, req) << "\n";
    }
    return r.hits.empty() ? 1 : 0;
}

}  // namespace

int run_search(Searcher& searcher, SearchRequest req, const SearchOutput& o) {
    // Filter values no article has are said before the results. Only a filter can give one,
    // so a query without a field or --lang is not built an extra time for it.
    if (!req.options.langs.empty() || req.query.find(':') != std::string::npos)
        for (const auto& w : searcher.analyze(req).warnings) std::cerr << "khabar: " << w << "\n";
    switch (o.mode) {
        case SearchMode::analyze:
            return run_analyze(searcher, req);
        case SearchMode::histogram:
            return run_histogram(searcher, req, o);
        case SearchMode::ids:
        case SearchMode::export_rows:
            return run_listing(searcher, std::move(req), o);
        case SearchMode::count:
            return run_count(searcher, req, o);
        case SearchMode::hits:
            break;
    }
    return run_hits(searcher, req, o);
}

}  // namespace khabar::cli
