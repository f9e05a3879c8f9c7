/** @file
 * @brief libFuzzer target: the query path — QueryBuilder (normalize, prepare, Xapian QueryParser,
 *        filters), Searcher::search (ranking, collapse, partial matches, snippets, suggestions) and
 *        Searcher::histogram — with the fuzz input as the query string.
 *
 * At start-up the bundled sample dump (testdata/sample-news.tar.gz: 479 real English and Urdu
 * articles) is indexed with run_index into a temporary database (or into $KHABAR_FUZZ_DB when set,
 * which is kept and reused by later runs). khabar::Error is an expected outcome (a clear message to
 * the user); any other exception, a crash or a broken invariant is a finding. Invariants: at most
 * `limit` hits, highlight ranges inside their text, histogram matched-dated <= matches.
 */
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "database.h"
#include "dates/date_parser.h"
#include "diagnostics.h"
#include "error.h"
#include "fuzz_support.h"
#include "index_run.h"
#include "search.h"

#ifndef KHABAR_SOURCE_DIR
#error "KHABAR_SOURCE_DIR must be defined (fuzz/CMakeLists.txt)"
#endif

namespace {

std::filesystem::path g_dir;
std::unique_ptr<khabar::Searcher> g_searcher;

void remove_dir() {
    g_searcher.reset();
    std::error_code ec;
    if (!g_dir.empty()) std::filesystem::remove_all(g_dir, ec);
}

void check_ranges(const std::vector<std::pair<std::size_t, std::size_t>>& ranges, std::size_t size,
                  const char* what, std::string_view query) {
    for (const auto& [start, end] : ranges)
        if (start >= end || end > size) khabar::fuzz::fail(what, query);
}

/// Index the sample dump into `db` (a new directory).
void build_database(const std::string& db) {
    khabar::IndexOptions options;
    options.db = db;
    options.threads = 2;  // two shards: the combined-database paths are exercised too
    khabar::Diagnostics diag(false, true);
    auto summary = khabar::run_index(
        {std::string(KHABAR_SOURCE_DIR) + "/testdata/sample-news.tar.gz"}, options, diag);
    std::fprintf(stderr, "fuzz_query: indexed %llu articles into %s\n",
                 static_cast<unsigned long long>(summary.indexed), db.c_str());
    if (summary.indexed == 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::string db;
    if (const char* given = std::getenv("KHABAR_FUZZ_DB"); given && *given) {
        // Kept between runs (fork mode restarts the process often): built only when missing.
        db = given;
        if (!std::filesystem::exists(db)) build_database(db);
    } else {
        const char* tmp = std::getenv("TMPDIR");
        g_dir = std::filesystem::path(tmp && *tmp ? tmp : "/tmp") /
                ("khabar-fuzz-query-" + std::to_string(::getpid()));
        std::filesystem::remove_all(g_dir);
        std::filesystem::create_directories(g_dir);
        std::atexit(remove_dir);
        db = (g_dir / "news.db").string();
        build_database(db);
    }
    g_searcher = std::make_unique<khabar::Searcher>(khabar::open_for_reading({db}));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using khabar::fuzz::fail;
    khabar::SearchRequest request;
    request.query.assign(reinterpret_cast<const char*>(data), size);
    // Options vary with the input length, so every query text is tried with several of them.
    request.sort = static_cast<khabar::SortOrder>(size % 3);
    // --exact re-analyses every matching article's text (ExactDecider): the slowest path, so 1
    // in 8.
    request.exact = (size / 3) % 8 == 0;
    request.exact_count = (size / 3) % 2 == 0;
    request.limit = 1 + size % 10;
    request.offset = (size / 5) % 3 == 0 ? 5 : 0;
    if ((size / 7) % 5 == 0) request.options.langs = {"ur"};
    if ((size / 11) % 4 == 0) request.options.dates = khabar::parse_user_date("1987-02");
    if (request.exact) request.options.fold = khabar::FoldMode::exact;
    const auto g = static_cast<khabar::Granularity>((size / 2) % 3);

    try {
        khabar::SearchResult r = g_searcher->search(request);
        if (r.hits.size() > request.limit) fail("more hits than the limit", request.query);
        for (const auto& h : r.hits) {
            check_ranges(h.snippet.highlights, h.snippet.text.size(),
                         "snippet highlight out of range", request.query);
            check_ranges(h.title_highlights, h.stored.title.size(), "title highlight out of range",
                         request.query);
        }
    } catch (const khabar::Error&) {
    }
    try {
        khabar::Histogram h = g_searcher->histogram(request, g);
        Xapian::doccount counted = 0;
        for (const auto& [label, n] : h.counts) counted += n;
        if (counted > h.matches) fail("histogram counts more than the matches", request.query);
        if (h.undated > h.matches) fail("histogram undated > matches", request.query);
    } catch (const khabar::Error&) {
    }
    return 0;
}
