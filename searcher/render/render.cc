/** @file
 * @brief Human and JSON renderings of results and articles.
 */
#include "render/render.h"

#include <fmt/format.h>

#include "render/bidi.h"
#include "schema.h"

namespace khabar {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kMatch = "\033[1;31m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kReset = "\033[0m";

std::string str(const nlohmann::json& j, std::string_view key) {
    auto it = j.find(std::string(key));
    if (it == j.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

/// Text with highlight ranges wrapped in colour codes (ranges are whole words).
std::string highlight(const std::string& text,
                      const std::vector<std::pair<std::size_t, std::size_t>>& hl, bool color,
                      const char* base = "") {
    if (!color || hl.empty()) return text;
    std::string out;
    std::size_t pos = 0;
    for (auto [s, e] : hl) {
        if (s < pos || e > text.size()) continue;
        out.append(text, pos, s - pos);
        out += kMatch;
        out.append(text, s, e - s);
        out += kReset;
        out += base;
        pos = e;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

std::string date_or_undated(const nlohmann::json& stored) {
    std::string d = str(stored, schema::field_date);
    return d.empty() ? "undated" : d;
}

}  // namespace

std::string origin_display(const nlohmann::json& stored) {
    auto it = stored.find(std::string(schema::field_origin));
    if (it == stored.end() || !it->is_object()) return {};
    std::string s = it->value("file", std::string());
    std::string entry = it->value("entry", std::string());
    if (!entry.empty()) s += "::" + entry;
    auto rec = it->value("record", 0ULL);
    if (rec) s += ":" + std::to_string(rec);
    return s;
}

std::string render_human(const SearchResult& r, const SearchRequest& q, const RenderOptions& o) {
    std::string out;
    const bool c = o.color;
    auto line = [&](std::string text, Ranges hl, const char* base) {
        if (o.visual) text = visual_line(text, hl);
        return highlight(text, hl, c, base);
    };
    bool partial_header = false;
    for (const Hit& h : r.hits) {
        const auto& s = h.stored;
        if (h.partial && !partial_header) {
            out += fmt::format("{}— articles with only some of the words —{}\n\n", c ? kDim : "",
                               c ? kReset : "");
            partial_header = true;
        }
        std::string meta = str(s, schema::field_source);
        std::string lang = str(s, schema::field_lang);
        if (!lang.empty()) meta += meta.empty() ? lang : " · " + lang;
        out += fmt::format(
            "{}{}.{} {}{}{}  {}{}{}{}\n", c ? kGreen : "", h.rank, c ? kReset : "", c ? kBold : "",
            line(str(s, schema::field_title), h.title_highlights, c ? kBold : ""), c ? kReset : "",
            c ? kDim : "", date_or_undated(s), h.partial ? " · partial" : "", c ? kReset : "");
        std::string url = str(s, schema::field_url);
        std::string origin = origin_display(s);
        out += fmt::format("   {}{}{}{}{}\n", c ? kDim : "", str(s, schema::field_id),
                           meta.empty() ? "" : " · " + meta,
                           url.empty() ? (origin.empty() ? "" : " · " + origin) : " · " + url,
                           c ? kReset : "");
        if (!h.snippet.text.empty())
            out += "   " + line(h.snippet.text, h.snippet.highlights, "") + "\n";
        if (h.copies.copies > 0) {
            std::string ids;
            for (std::size_t i = 0; i < h.copies.ids.size() && i < 5; ++i)
                ids += (i ? ", " : "") + h.copies.ids[i];
            if (h.copies.ids.size() > 5) ids += ", …";
            out += fmt::format(
                "   {}+{} {} in {} {}{}: {}{}\n", c ? kDim : "", h.copies.copies,
                h.copies.copies == 1 ? "copy" : "copies", h.copies.sources,
                h.copies.sources == 1 ? "source" : "sources",
                h.copies.first_seen.empty() ? "" : ", first seen " + h.copies.first_seen, ids,
                c ? kReset : "");
        }
        out += "\n";
    }
    (void)q;
    return out;
}

std::string render_histogram(const Histogram& h, bool normalize, bool json, std::size_t width) {
    std::string out;
    auto share = [&](const std::string& period, Xapian::doccount n) {
        auto it = h.totals.find(period);
        return it == h.totals.end() || it->second == 0 ? 0.0 : static_cast<double>(n) / it->second;
    };
    if (json) {
        nlohmann::json bins = nlohmann::json::array();
        for (const auto& [p, n] : h.counts) {
            auto it = h.totals.find(p);
            bins.push_back({{"period", p},
                            {"count", n},
                            {"total", it == h.totals.end() ? 0 : it->second},
                            {"share", share(p, n)}});
        }
        const char* g = h.granularity == Granularity::year    ? "year"
                        : h.granularity == Granularity::month ? "month"
                                                              : "day";
        nlohmann::json j = {
            {"type", "histogram"},
            {"data",
             {{"granularity", g}, {"bins", bins}, {"matches", h.matches}, {"undated", h.undated}}}};
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    double top = 0;
    std::size_t label_w = 0, num_w = 1;
    for (const auto& [p, n] : h.counts) {
        top = std::max(top, normalize ? share(p, n) : static_cast<double>(n));
        label_w = std::max(label_w, p.size());
        num_w = std::max(num_w, std::to_string(n).size());
    }
    std::size_t value_w = normalize ? num_w + 10 : num_w;
    std::size_t bar_w = width > label_w + value_w + 4 ? width - label_w - value_w - 4 : 10;
    static const char* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    for (const auto& [p, n] : h.counts) {
        double v = normalize ? share(p, n) : static_cast<double>(n);
        double cells = top > 0 ? v / top * static_cast<double>(bar_w) : 0;
        auto whole = static_cast<std::size_t>(cells);
        std::string bar;
        for (std::size_t i = 0; i < whole; ++i) bar += "█";
        bar += eighths[static_cast<int>((cells - static_cast<double>(whole)) * 8)];
        if (bar.empty() && n > 0) bar = "▏";
        std::string value = normalize
                                ? fmt::format("{:>{}} ({:5.2f}%)", n, num_w, share(p, n) * 100)
                                : fmt::format("{:>{}}", n, num_w);
        std::size_t shown = whole + (bar.size() > whole * 3 ? 1 : 0);
        out += fmt::format("{:<{}}  {}{}  {}\n", p, label_w, bar,
                           std::string(bar_w > shown ? bar_w - shown : 0, ' '), value);
    }
    out += fmt::format("{} matching articles", h.matches);
    if (h.undated) out += fmt::format(", {} undated (not shown)", h.undated);
    out += normalize ? "; share = matches / all articles of the period\n" : "\n";
    return out;
}

std::string render_analysis(const BuiltQuery& b, const std::string& raw) {
    std::string out;
    out += "raw:        " + raw + "\n";
    out += "normalized: " + b.normalized + "\n";
    out += "prepared:   " + b.prepared + "\n";
    for (const auto& n : b.notes) out += "expanded:   " + n + "\n";
    if (b.fell_back)
        out += "fallback:   strict parse failed (" + b.fallback_reason + "); words searched\n";
    out += "parsed:     " + b.parsed + "\n";
    out += "final:      " + b.query.get_description() + "\n";
    if (!b.any_words.empty()) out += "partial:    " + b.any_words.get_description() + "\n";
    return out;
}

nlohmann::json article_json(const nlohmann::json& stored) {
    nlohmann::json j;
    for (auto key :
         {schema::field_id, schema::field_title, schema::field_date, schema::field_date_source,
          schema::field_url, schema::field_source, schema::field_lang, schema::field_author,
          schema::field_section, schema::field_body}) {
        auto it = stored.find(std::string(key));
        j[std::string(key)] = it == stored.end() ? nlohmann::json() : *it;
    }
    if (stored.value(std::string(schema::field_title_derived), false)) j["title_derived"] = true;
    auto origin = stored.find(std::string(schema::field_origin));
    j["origin"] = origin == stored.end() ? nlohmann::json() : *origin;
    return j;
}

std::string render_json(const SearchResult& r, const SearchRequest& q, const RenderOptions& o) {
    auto dump = [](const nlohmann::json& j) {
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    };
    std::string out;
    nlohmann::json filters = nlohmann::json::object();
    if (q.options.dates) {
        filters["since"] = q.options.dates->first.empty() ? nlohmann::json()
                                                          : nlohmann::json(q.options.dates->first);
        filters["until"] = q.options.dates->last.empty() ? nlohmann::json()
                                                         : nlohmann::json(q.options.dates->last);
    }
    if (!q.options.langs.empty()) filters["lang"] = q.options.langs;
    nlohmann::json begin = {{"query", q.query},
                            {"normalized", r.built.normalized},
                            {"parsed", r.built.parsed},
                            {"fallback", r.built.fell_back},
                            {"filters", filters},
                            {"sort", q.sort == SortOrder::relevance ? "relevance"
                                     : q.sort == SortOrder::newest  ? "newest"
                                                                    : "oldest"},
                            {"database", o.databases},
                            {"documents", r.documents}};
    out += dump({{"type", "begin"}, {"data", begin}});
    for (const Hit& h : r.hits) {
        const auto& s = h.stored;
        nlohmann::json hl = nlohmann::json::array();
        for (auto [a, b] : h.snippet.highlights) hl.push_back({a, b});
        nlohmann::json data = {
            {"rank", h.rank},
            {"id", s.value(std::string(schema::field_id), std::string())},
            {"docid", h.docid},
            {"score", h.score},
            {"date", s.contains(std::string(schema::field_date))
                         ? s[std::string(schema::field_date)]
                         : nlohmann::json()},
            {"title", s.value(std::string(schema::field_title), std::string())},
            {"url", s.value(std::string(schema::field_url), std::string())},
            {"source", s.value(std::string(schema::field_source), std::string())},
            {"lang", s.value(std::string(schema::field_lang), std::string())},
            {"snippet", {{"text", h.snippet.text}, {"highlights", hl}}},
            {"origin", s.contains(std::string(schema::field_origin))
                           ? s[std::string(schema::field_origin)]
                           : nlohmann::json()},
            {"partial", h.partial},
        };
        if (h.copies.copies > 0)
            data["copies"] = {
                {"count", h.copies.copies},
                {"sources", h.copies.sources},
                {"first_seen", h.copies.first_seen.empty() ? nlohmann::json()
                                                           : nlohmann::json(h.copies.first_seen)},
                {"ids", h.copies.ids}};
        out += dump({{"type", "hit"}, {"data", data}});
    }
    nlohmann::json summary = {
        {"matches_estimated", r.estimated},
        {"matches_lower", r.lower},
        {"matches_upper", r.upper},
        {"exact", r.lower == r.upper},
        {"returned", r.hits.size()},
        {"partial", r.partial_hits},
        {"suggestion", r.suggestion.empty() ? nlohmann::json() : nlohmann::json(r.suggestion)},
        {"elapsed_ms", r.elapsed_ms}};
    out += dump({{"type", "summary"}, {"data", summary}});
    return out;
}

std::string render_article(const nlohmann::json& stored, bool color) {
    const bool c = color;
    std::string out;
    out +=
        fmt::format("{}{}{}\n", c ? kBold : "", str(stored, schema::field_title), c ? kReset : "");
    auto line = [&](const char* label, const std::string& value) {
        if (!value.empty())
            out += fmt::format("{}{:<8}{} {}\n", c ? kDim : "", label, c ? kReset : "", value);
    };
    line("id", str(stored, schema::field_id));
    std::string date = str(stored, schema::field_date);
    std::string dsrc = str(stored, schema::field_date_source);
    line("date", date.empty() ? "undated" : date + (dsrc.empty() ? "" : " (from " + dsrc + ")"));
    line("lang", str(stored, schema::field_lang));
    line("source", str(stored, schema::field_source));
    line("author", str(stored, schema::field_author));
    line("section", str(stored, schema::field_section));
    line("url", str(stored, schema::field_url));
    line("origin", origin_display(stored));
    out += "\n" + str(stored, schema::field_body) + "\n";
    return out;
}

}  // namespace khabar
