/** @file
 * @brief The API's handlers: parameters checked one by one (400 names the bad one), the search
 *        run by a borrowed Searcher, the answer written by the CLI's own renderers.
 */
#include "serve/api.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "batch.h"
#include "database/reader.h"
#include "database/schema.h"
#include "dates/date_parser.h"
#include "error.h"
#include "render/export.h"
#include "render/render.h"
#include "stats.h"

namespace khabar::serve {

namespace {

using json = nlohmann::json;

std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Response json_response(const json& j) {
    Response r;
    r.body = dump(j);
    return r;
}

/// The single value of `name` ("" when absent); a repeated parameter is refused.
std::string single(const Params& p, const std::string& name) {
    auto [lo, hi] = p.equal_range(name);
    if (lo == hi) return {};
    if (std::next(lo) != hi) throw BadParameter(name, "'" + name + "' is given more than once");
    return lo->second;
}

std::size_t number(const Params& p, const std::string& name, std::size_t fallback, std::size_t min,
                   std::size_t max) {
    const std::string v = single(p, name);
    if (v.empty()) return fallback;
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < min || n > max)
        throw BadParameter(name, "'" + name + "' must be a whole number from " +
                                     std::to_string(min) + " to " + std::to_string(max));
    return n;
}

bool flag(const Params& p, const std::string& name) {
    const std::string v = single(p, name);
    if (v.empty() || v == "0" || v == "false") return false;
    if (v == "1" || v == "true") return true;
    throw BadParameter(name, "'" + name + "' must be 1 or 0");
}

/// Each line of `search --json` output parsed, by type: begin, hit (in order), summary.
struct Messages {
    json begin, hits = json::array(), summary;
};
Messages messages(const std::string& lines) {
    Messages m;
    std::istringstream in(lines);
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        json j = json::parse(line);
        const std::string type = j.value("type", "");
        if (type == "begin")
            m.begin = std::move(j["data"]);
        else if (type == "hit")
            m.hits.push_back(std::move(j["data"]));
        else if (type == "summary")
            m.summary = std::move(j["data"]);
    }
    return m;
}

json ranges_json(const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    json a = json::array();
    for (auto [s, e] : ranges) a.push_back({s, e});
    return a;
}

/// Counts of the index terms with some prefixes among the matching documents it sees.
class LabelSpy : public Xapian::MatchSpy {
  public:
    /// `prefixes` in ascending order (one term list walk visits them in turn).
    explicit LabelSpy(std::vector<std::string> prefixes)
        : prefixes_(std::move(prefixes)), counts_(prefixes_.size()) {}
    void operator()(const Xapian::Document& doc, double) override {
        ++seen_;
        auto t = doc.termlist_begin();
        for (std::size_t i = 0; i < prefixes_.size(); ++i) {
            const std::string& prefix = prefixes_[i];
            t.skip_to(prefix);
            for (; t != doc.termlist_end() && (*t).compare(0, prefix.size(), prefix) == 0; ++t)
                ++counts_[i][(*t).substr(prefix.size())];
        }
    }
    /// Per prefix (in the order given), each value's count.
    const std::vector<std::map<std::string, Xapian::doccount>>& counts() const { return counts_; }
    Xapian::doccount seen() const { return seen_; }

  private:
    std::vector<std::string> prefixes_;
    std::vector<std::map<std::string, Xapian::doccount>> counts_;
    Xapian::doccount seen_ = 0;
};

}  // namespace

SearchRequest parse_search_request(const Params& p, bool need_query) {
    SearchRequest req;
    req.query = single(p, "q");
    if (req.query.size() > max_query_bytes)
        throw BadParameter(
            "q", "the query is longer than " + std::to_string(max_query_bytes) + " bytes");
    if (need_query && req.query.find_first_not_of(" \t\n\r") == std::string::npos)
        throw BadParameter("q", "the query is empty");
    // since: from the first day of what it names; until: to the last day (as --since/--until).
    auto day = [&](const char* name, bool first) -> std::string {
        const std::string value = single(p, name);
        if (value.empty()) return {};
        auto d = parse_user_date(value);
        if (!d)
            throw BadParameter(name, "bad date '" + value + "': use YYYY, YYYY-MM or YYYY-MM-DD");
        return first ? d->first : d->last;
    };
    DayRange dates{day("since", true), day("until", false)};
    if (!dates.first.empty() && !dates.last.empty() && dates.first > dates.last)
        throw BadParameter("since",
                           "since " + single(p, "since") + " is after until " + single(p, "until"));
    if (!dates.first.empty() || !dates.last.empty()) req.options.dates = dates;
    const std::string sort = single(p, "sort");
    if (sort.empty() || sort == "relevance")
        req.sort = SortOrder::relevance;
    else if (sort == "newest")
        req.sort = SortOrder::newest;
    else if (sort == "oldest")
        req.sort = SortOrder::oldest;
    else
        throw BadParameter("sort", "'sort' must be relevance, newest or oldest");
    req.limit = number(p, "n", 10, 1, max_page);
    req.offset = number(p, "offset", 0, 0, max_offset);
    for (auto [lo, hi] = p.equal_range("lang"); lo != hi; ++lo)
        if (!lo->second.empty()) req.options.langs.push_back(lo->second);
    req.exact = flag(p, "exact");
    req.partial = !flag(p, "all_words");
    return req;
}

ExportRequest parse_export_request(const Params& p) {
    for (const char* name : {"n", "offset"})
        if (p.count(name))
            throw BadParameter(name, std::string("'") + name +
                                         "' does not apply to an export: it has every match");
    ExportRequest e;
    e.request = parse_search_request(p);
    e.request.snippets = false;
    e.request.collapse = false;  // every matching article, as search --export
    const std::string format = single(p, "format");
    const auto f = export_format(format.empty() ? "csv" : format);
    if (!f) throw BadParameter("format", "'format' must be csv, csv-excel or jsonl");
    e.format = *f;
    e.content_type = e.format == ExportFormat::jsonl ? "application/x-ndjson; charset=utf-8"
                                                     : "text/csv; charset=utf-8";
    e.filename = e.format == ExportFormat::jsonl ? "khabar-export.jsonl" : "khabar-export.csv";
    return e;
}

Response error_response(int status, const std::string& what, const std::string& parameter) {
    Response r = json_response(
        {{"error", what}, {"parameter", parameter.empty() ? json() : json(parameter)}});
    r.status = status;
    return r;
}

/// A Searcher for the length of one request, given back afterwards (or dropped after an error).
class Api::Lease {
  public:
    explicit Lease(Api& api) : api_(api), searcher_(api.borrow()) {}
    ~Lease() {
        if (searcher_) api_.give_back(std::move(searcher_));
    }
    Searcher* operator->() { return searcher_.get(); }
    Searcher& operator*() { return *searcher_; }

  private:
    Api& api_;
    std::unique_ptr<Searcher> searcher_;
};

Api::Api(std::vector<std::string> paths) : paths_(std::move(paths)) {
    give_back(borrow());  // open once now: a bad --db is an error before serving
}

Api::~Api() = default;

std::unique_ptr<Searcher> Api::borrow() {
    std::unique_ptr<Searcher> s;
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            s = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (!s) return std::make_unique<Searcher>(open_for_reading(paths_));
    try {
        s->database().reopen();  // see what a running `khabar index` committed since
    } catch (const Xapian::Error&) {
        // Its shards are gone (`khabar compact --merge` replaced them; reopen does not read the
        // stub again): open the database afresh.
        return std::make_unique<Searcher>(open_for_reading(paths_));
    }
    return s;
}

void Api::give_back(std::unique_ptr<Searcher> s) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(s));
}

Response Api::guarded(const std::function<Response()>& fn) {
    try {
        return fn();
    } catch (const BadParameter& e) {
        return error_response(400, e.what(), e.parameter);
    } catch (const Error& e) {  // the query cannot be searched (a wildcard matching too much …)
        return error_response(400, e.hint().empty() ? e.what() : e.what() + ("; " + e.hint()), "q");
    } catch (const Xapian::Error& e) {
        return error_response(500, std::string(e.get_type()) + ": " + e.get_msg());
    } catch (const std::exception& e) {
        return error_response(500, e.what());
    }
}

Response Api::search(const Params& p) {
    const SearchRequest req = parse_search_request(p);
    const std::string format = single(p, "format");
    if (!format.empty() && format != "json" && format != "jsonl")
        throw BadParameter("format", "'format' must be json or jsonl");
    Lease s(*this);
    const SearchResult r = s->search(req);
    RenderOptions ro;
    ro.databases = paths_;
    const std::string lines = render_json(r, req, ro);
    if (format == "jsonl") return {200, "application/x-ndjson; charset=utf-8", lines, {}};
    Messages m = messages(lines);
    return json_response({{"begin", m.begin}, {"hits", m.hits}, {"summary", m.summary}});
}

Response Api::article(const std::string& id, const Params& p) {
    const SearchRequest req = parse_search_request(p, false);
    Lease s(*this);
    std::optional<Hit> hit = s->article(id, req);
    if (!hit) return error_response(404, "no article with id '" + id + "'");
    json j = show_json(hit->stored);
    j["highlights"] = {{"title", ranges_json(hit->title_highlights)},
                       {"body", ranges_json(hit->snippet.highlights)}};
    // Its copies as `search --json` writes a hit's.
    SearchResult one;
    hit->snippet = {};
    one.hits.push_back(std::move(*hit));
    Messages m = messages(render_json(one, req, {}));
    j["copies"] = m.hits.empty() ? json() : m.hits[0].value("copies", json());
    return json_response(j);
}

Response Api::histogram(const Params& p) {
    const SearchRequest req = parse_search_request(p);
    const std::string by = single(p, "by");
    if (!by.empty() && by != "auto" && by != "year" && by != "month" && by != "day")
        throw BadParameter("by", "'by' must be year, month, day or auto");
    Lease s(*this);
    Histogram h;
    if (by == "year" || by == "month" || by == "day") {
        h = s->histogram(req, by == "year"    ? Granularity::year
                              : by == "month" ? Granularity::month
                                              : Granularity::day);
    } else {  // the finest of year, month, day that spans a readable number of bars
        h = s->histogram(req, Granularity::year);
        if (h.counts.size() < 3) h = s->histogram(req, Granularity::month);
        if (h.granularity == Granularity::month && h.counts.size() < 4)
            h = s->histogram(req, Granularity::day);
    }
    return json_response(json::parse(render_histogram(h, false, true, 80))["data"]);
}

Response Api::facets(const Params& p) {
    const SearchRequest req = parse_search_request(p);
    Lease s(*this);
    static const char* const names[] = {"lang", "section", "source"};
    const auto [counts, matches] = read_with_retry(s->database(), [&] {
        LabelSpy spy({std::string(schema::prefix_lang), std::string(schema::prefix_section),
                      std::string(schema::prefix_source)});
        const BuiltQuery built = s->analyze(req);
        if (!built.query.empty()) {
            Xapian::Enquire e(s->database());
            e.set_query(built.query);
            e.add_matchspy(&spy);
            e.get_mset(0, 0, s->database().get_doccount());  // every match seen: exact counts
        }
        return std::pair{spy.counts(), spy.seen()};
    });
    json out = {{"matches", matches}};
    for (std::size_t i = 0; i < 3; ++i) {
        std::vector<std::pair<std::string, Xapian::doccount>> v(counts[i].begin(), counts[i].end());
        std::stable_sort(v.begin(), v.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        json list = json::array();
        for (std::size_t k = 0; k < v.size() && k < 50; ++k)
            list.push_back({{"value", v[k].first}, {"count", v[k].second}});
        out[names[i]] = list;
    }
    return json_response(out);
}

void Api::write_export(const ExportRequest& e,
                       const std::function<bool(const std::string&)>& write) {
    Lease s(*this);
    if (!write(export_header(e.format))) return;
    s->for_each_match(e.request, [&](const StoredArticle& stored, double score) {
        return write(export_article(e.format, stored, score));
    });
}

Response Api::batch(const Params& p, const std::string& body) {
    for (const char* name : {"q", "n", "offset"})
        if (p.count(name))
            throw BadParameter(name, std::string("'") + name +
                                         "' does not apply to a batch: the queries are the body");
    const SearchRequest base = parse_search_request(p, false);  // each line is a q
    const std::string by = single(p, "by"), format = single(p, "format");
    if (!by.empty() && by != "year" && by != "month" && by != "day")
        throw BadParameter("by", "'by' must be year, month or day");
    if (!format.empty() && format != "json" && format != "csv")
        throw BadParameter("format", "'format' must be json or csv");
    const std::vector<std::string> queries = batch_queries(body);
    if (queries.empty()) throw BadParameter("body", "no queries: give one a line");
    if (queries.size() > max_batch_queries)
        throw BadParameter("body", "more than " + std::to_string(max_batch_queries) + " queries");
    for (const auto& q : queries)
        if (q.size() > max_query_bytes)
            throw BadParameter(
                "body", "a query is longer than " + std::to_string(max_query_bytes) + " bytes");
    std::optional<Granularity> g;
    if (!by.empty())
        g = by == "year"    ? Granularity::year
            : by == "month" ? Granularity::month
                            : Granularity::day;
    Lease s(*this);
    const BatchTable t = run_batch(*s, base, queries, g);
    if (format == "csv") return {200, "text/csv; charset=utf-8", batch_csv(t), "khabar-batch.csv"};
    return json_response(batch_json(t));
}

Response Api::stats() {
    Lease s(*this);
    return json_response(database_stats(s->database(), paths_));
}

}  // namespace khabar::serve
