/** @file
 * @brief The JSON API of `khabar serve` (DESIGN.md): query parameters → the CLI's search code →
 *        the CLI's JSON. No HTTP here (server.h), so handlers are plain functions to test.
 */
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/export.h"
#include "search.h"

namespace khabar::serve {

/// Query parameters, as HTTP gives them (a name may repeat).
using Params = std::multimap<std::string, std::string>;

/// An HTTP answer: status, type and body.
struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::string filename;  ///< for downloads (Content-Disposition); "" otherwise
};

/// A parameter that cannot be used: 400 with {"error", "parameter"}.
struct BadParameter : std::runtime_error {
    BadParameter(std::string name, const std::string& what)
        : std::runtime_error(what), parameter(std::move(name)) {}
    std::string parameter;
};

/// Limits on what one request may ask for.
inline constexpr std::size_t max_query_bytes = 2000;
inline constexpr std::size_t max_page = 100;
inline constexpr std::size_t max_offset = 100000;
inline constexpr std::size_t max_batch_queries = 500;

/// The search request a page of /api/search (and the timeline, facets, export) asks for:
/// q, since, until, sort, n, offset, lang (repeatable), exact, all_words. Throws BadParameter.
SearchRequest parse_search_request(const Params& p, bool need_query = true);

/// What /api/export writes: every matching article of `request` in `format`.
struct ExportRequest {
    SearchRequest request;
    ExportFormat format = ExportFormat::csv;
    std::string content_type, filename;
};

/// format=csv|csv-excel|jsonl and the search parameters (n and offset do not apply: 400).
ExportRequest parse_export_request(const Params& p);

/// {"error": what, "parameter": name (null when none)} with `status`.
Response error_response(int status, const std::string& what, const std::string& parameter = {});

/// The API over one set of databases. Thread-safe: each request borrows a Searcher of its own
/// (Xapian::Database is not safe to share between threads), reopened to the latest commit.
class Api {
  public:
    explicit Api(std::vector<std::string> paths);
    ~Api();

    /// /api/search: {"begin": …, "hits": […], "summary": …}, the data of `search --json`'s
    /// messages; format=jsonl gives its JSON Lines unchanged.
    Response search(const Params& p);
    /// /api/article/ID: the `show --json` object; with q, "highlights" of the query's words
    /// ({"title": [[start, end]…], "body": […]}, byte offsets) and "copies".
    Response article(const std::string& id, const Params& p);
    /// /api/histogram: `search --histogram --json`'s data; by=year|month|day|auto (auto: by
    /// the span of the matches: years, else months, else days).
    Response histogram(const Params& p);
    /// /api/facets: counts of lang, source and section among every match (copies included).
    Response facets(const Params& p);
    /// /api/stats: the `stats --json` object.
    Response stats();
    /// /api/export: `search --export`'s header and rows (every match, copies included), handed
    /// to `write` piece by piece; stops when `write` returns false (the client went away).
    void write_export(const ExportRequest& e, const std::function<bool(const std::string&)>& write);
    /// /api/batch: `body` holds queries, one a line (blank lines and lines starting with # are
    /// skipped); with the search parameters (not q, n, offset) and optionally by=year|month|day:
    /// {"rows": [{"query", "count" (matching articles, copies included, exact), "periods":
    /// [counts], "error"}], "periods": [labels]}; format=csv: the same as a table.
    Response batch(const Params& p, const std::string& body);
    /// Run `fn` and turn its errors into JSON answers (400 bad parameter or query, 500 else).
    static Response guarded(const std::function<Response()>& fn);

  private:
    class Lease;
    std::unique_ptr<Searcher> borrow();
    void give_back(std::unique_ptr<Searcher> s);
    std::vector<std::string> paths_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace khabar::serve
