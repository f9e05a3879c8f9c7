/** @file
 * @brief Batch search: counts by Searcher::search (exact_count) or Searcher::histogram.
 */
#include "batch.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "error.h"

namespace khabar {

std::vector<std::string> batch_queries(const std::string& text) {
    std::vector<std::string> queries;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        queries.push_back(line.substr(first));
    }
    return queries;
}

BatchTable run_batch(Searcher& searcher, const SearchRequest& base,
                     const std::vector<std::string>& queries, std::optional<Granularity> by) {
    BatchTable t;
    t.by = by;
    std::vector<std::map<std::string, Xapian::doccount>> per_period;
    for (const std::string& q : queries) {
        SearchRequest req = base;
        req.query = q;
        BatchRow row;
        row.query = q;
        std::map<std::string, Xapian::doccount> periods;
        try {
            if (!by) {
                req.limit = 0;
                req.exact_count = true;  // as search --count
                row.count = searcher.search(req).estimated;
            } else {
                const Histogram h = searcher.histogram(req, *by);
                row.count = h.matches;
                row.undated = h.undated;
                for (const auto& [period, n] : h.counts) {
                    periods[period] = n;
                    t.periods.push_back(period);
                }
            }
        } catch (const Error& e) {
            row.error = e.what();
        }
        t.rows.push_back(std::move(row));
        per_period.push_back(std::move(periods));
    }
    std::sort(t.periods.begin(), t.periods.end());
    t.periods.erase(std::unique(t.periods.begin(), t.periods.end()), t.periods.end());
    if (by)  // every row has every period, 0 where its query had none
        for (std::size_t i = 0; i < t.rows.size(); ++i)
            for (const auto& p : t.periods) {
                auto it = per_period[i].find(p);
                t.rows[i].periods.push_back(it == per_period[i].end() ? 0 : it->second);
            }
    return t;
}

namespace {

std::string csv_cell(const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::string batch_csv(const BatchTable& t) {
    std::string csv = "query,count";
    if (t.by) csv += ",undated";
    for (const auto& p : t.periods) csv += "," + csv_cell(p);
    csv += "\r\n";
    for (const auto& row : t.rows) {
        csv += csv_cell(row.query) + "," + (row.count ? std::to_string(*row.count) : "");
        if (t.by) csv += "," + (row.count ? std::to_string(row.undated) : "");
        for (std::size_t i = 0; i < t.periods.size(); ++i)
            csv += "," + (i < row.periods.size() ? std::to_string(row.periods[i]) : "");
        csv += "\r\n";
    }
    return csv;
}

nlohmann::json batch_json(const BatchTable& t) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : t.rows) {
        nlohmann::json r = {{"query", row.query},
                            {"count", row.count ? nlohmann::json(*row.count) : nlohmann::json()}};
        if (!row.error.empty()) r["error"] = row.error;
        if (t.by && row.count) {
            r["undated"] = row.undated;
            r["periods"] = row.periods;
        }
        rows.push_back(std::move(r));
    }
    return {{"rows", rows}, {"periods", t.periods}};
}

std::string batch_text(const BatchTable& t) {
    std::size_t width = 5;  // "count"
    for (const auto& row : t.rows)
        if (row.count) width = std::max(width, std::to_string(*row.count).size());
    std::string out;
    if (t.by) {
        out += fmt::format("{:>{}}  {:>8}", "count", width, "undated");
        for (const auto& p : t.periods)
            out += fmt::format("  {:>{}}", p, std::max<std::size_t>(p.size(), 3));
        out += "  query\n";
    }
    for (const auto& row : t.rows) {
        if (!row.count) {
            out += fmt::format("{:>{}}  {}: {}\n", "-", width, row.query, row.error);
            continue;
        }
        out += fmt::format("{:>{}}", *row.count, width);
        if (t.by) {
            out += fmt::format("  {:>8}", row.undated);
            for (std::size_t i = 0; i < t.periods.size(); ++i)
                out += fmt::format("  {:>{}}", row.periods[i],
                                   std::max<std::size_t>(t.periods[i].size(), 3));
        }
        out += "  " + row.query + "\n";
    }
    return out;
}

}  // namespace khabar
