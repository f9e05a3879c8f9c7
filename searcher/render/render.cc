/** @file
 * @brief Human and JSON renderings of results and articles.
 */
#include "render/render.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string_view>

#include "database/schema.h"
#include "render/bidi.h"
#include "render/json_text.h"

namespace khabar {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kMatch = "\033[1;31m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kReset = "\033[0m";

/// Text with highlight ranges wrapped in colour codes (ranges are whole words).
std::string highlight(const std::string& text, const Ranges& hl, bool color,
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

/// Columns a string takes in a terminal: combining marks and format characters (ZWNJ, bidi
/// marks) none, East Asian wide and fullwidth characters two, everything else one.
std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        UChar32 cp;
        U8_NEXT(p, i, n, cp);
        if (cp < 0) {
            ++w;  // an invalid byte shows as one replacement character
            continue;
        }
        const auto type = u_charType(cp);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
            type == U_CONTROL_CHAR)
            continue;
        const auto ea = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
        w += ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
    }
    return w;
}

/// Greedy word wrap at spaces: `first` columns for the first line, `rest` for the others; a word
/// longer than a line gets a line of its own (never broken). Highlight ranges follow their line.
std::vector<std::pair<std::string, Ranges>> wrap(const std::string& text, const Ranges& hl,
                                                 std::size_t first, std::size_t rest) {
    std::vector<std::pair<std::string, Ranges>> lines;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [start, end) of each line in text
    std::size_t line_start = std::string::npos, line_end = 0, line_w = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t sp = text.find(' ', pos);
        if (sp == std::string::npos) sp = text.size();
        if (sp > pos) {
            const std::size_t ww = display_width(std::string_view(text).substr(pos, sp - pos));
            const std::size_t limit = spans.empty() ? first : rest;
            if (line_start == std::string::npos) {
                line_start = pos;
                line_w = ww;
            } else if (line_w + 1 + ww <= limit) {
                line_w += 1 + ww;
            } else {
                spans.emplace_back(line_start, line_end);
                line_start = pos;
                line_w = ww;
            }
            line_end = sp;
        }
        pos = sp + 1;
    }
    if (line_start != std::string::npos) spans.emplace_back(line_start, line_end);
    for (auto [a, b] : spans) {
        Ranges mine;
        for (auto [s, e] : hl) {
            const std::size_t lo = std::max(s, a), hi = std::min(e, b);
            if (lo < hi) mine.emplace_back(lo - a, hi - a);
        }
        lines.emplace_back(text.substr(a, b - a), std::move(mine));
    }
    return lines;
}

std::string date_or_undated(const StoredArticle& stored) {
    return stored.date.known() ? stored.date.iso() : "undated";
}

/// The stored date as JSON: "1987-03" (its precision), null when undated.
nlohmann::json date_json(const Date& date) {
    return date.known() ? nlohmann::json(date.iso()) : nlohmann::json();
}

/// A hit's `--json` line, written directly (a page has ten): what dump() writes for
/// {"data": {...}, "type": "hit"}, keys in dump()'s (sorted) order.
std::string hit_json_line(const Hit& h) {
    const StoredArticle& s = h.stored;
    std::string out;
    out.reserve(1024);
    auto key = [&](std::string_view k) {
        out += '"';
        out += k;
        out += "\":";
    };
    auto text = [&](std::string_view k, std::string_view v) {
        key(k);
        append_json_string(out, v);
        out += ',';
    };
    auto number = [&](std::string_view k, std::uint64_t v) {
        key(k);
        out += std::to_string(v);
        out += ',';
    };
    auto strings = [&](const std::vector<std::string>& v) {
        out += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ',';
            append_json_string(out, v[i]);
        }
        out += ']';
    };
    out += "{\"data\":{";
    if (h.copies.copies > 0) {
        key("copies");
        out += '{';
        number("count", h.copies.copies);
        key("first_seen");
        if (h.copies.first_seen.empty())
            out += "null";
        else
            append_json_string(out, h.copies.first_seen);
        out += ',';
        key("ids");
        strings(h.copies.ids);
        out += ',';
        key("sources");
        out += std::to_string(h.copies.sources);
        out += "},";
    }
    key("date");
    if (s.date.known())
        append_json_string(out, s.date.iso());
    else
        out += "null";
    out += ',';
    number("docid", h.docid);
    text("id", s.id);
    text("lang", s.lang);
    key("origin");
    out += '{';
    text("entry", s.origin.entry);
    text("file", s.origin.file);
    key("record");
    out += std::to_string(s.origin.record);
    out += "},";
    key("partial");
    out += h.partial ? "true," : "false,";
    number("rank", h.rank);
    key("score");
    append_json_number(out, h.score);
    out += ',';
    key("snippet");
    out += "{\"highlights\":[";
    for (std::size_t i = 0; i < h.snippet.highlights.size(); ++i) {
        if (i) out += ',';
        out += '[';
        out += std::to_string(h.snippet.highlights[i].first);
        out += ',';
        out += std::to_string(h.snippet.highlights[i].second);
        out += ']';
    }
    out += "],";
    key("text");
    append_json_string(out, h.snippet.text);
    out += "},";
    text("source", s.source);
    text("title", s.title);
    key("url");
    append_json_string(out, s.url);
    out += "},\"type\":\"hit\"}\n";
    return out;
}

}  // namespace

std::string render_human(const SearchResult& r, const SearchRequest& q, const RenderOptions& o) {
    std::string out;
    const bool c = o.color;
    const std::size_t width = std::max<std::size_t>(o.width, 40);
    // Lines are wrapped in logical order first, then each line is reordered (--bidi visual) and
    // coloured: one reordering per line, and colour codes only around whole highlighted words.
    // A right-to-left paragraph in visual order is right-aligned, so each of its lines starts
    // (for the reader) at the same column.
    auto emit = [&](const std::string& indent, const std::string& text, const Ranges& hl,
                    std::size_t first_width, std::size_t rest_width, const char* style,
                    const std::string& first_prefix) {
        auto lines = wrap(text, hl, first_width, rest_width);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            auto& [t, h] = lines[i];
            bool rtl = false;
            if (o.visual) t = visual_line(t, h, &rtl);
            out += i == 0 ? first_prefix : indent;
            const std::size_t room = i == 0 ? first_width : rest_width, used = display_width(t);
            if (rtl && lines.size() > 1 && used < room) out += std::string(room - used, ' ');
            out += *style ? std::string(style) + highlight(t, h, c, style) + kReset
                          : highlight(t, h, c, style);
            out += "\n";
        }
    };
    bool partial_header = false;
    for (const Hit& h : r.hits) {
        const auto& s = h.stored;
        if (h.partial && !partial_header) {
            out += fmt::format("{}— articles with only some of the words —{}\n\n", c ? kDim : "",
                               c ? kReset : "");
            partial_header = true;
        }
        // 1. Title  DATE[ · partial]: the title wraps under itself; the date ends the last line.
        const std::string rank = fmt::format("{}. ", h.rank);
        const std::string date = date_or_undated(s) + (h.partial ? " · partial" : "");
        const std::string pad(rank.size(), ' ');
        // A right-to-left title in visual order that needs several lines is set as a block that
        // ends where its first line ends (right-aligned), with the date after its first line.
        const std::size_t room = width - rank.size();
        auto title_lines = wrap(s.title, h.title_highlights, room, room);
        if (title_lines.empty()) title_lines.emplace_back();
        bool title_rtl = false;
        if (o.visual && title_lines.size() > 1) {
            Ranges probe;
            visual_line(title_lines[0].first, probe, &title_rtl);
            if (title_rtl) {
                const std::size_t narrow =
                    room > display_width(date) + 22 ? room - display_width(date) - 2 : room;
                title_lines = wrap(s.title, h.title_highlights, narrow, narrow);
            }
        }
        std::vector<std::size_t> title_pad(title_lines.size(), 0);
        for (std::size_t i = 0; i < title_lines.size(); ++i) {
            auto& [t, hl] = title_lines[i];
            bool rtl = false;
            if (o.visual) t = visual_line(t, hl, &rtl);
            if (i > 0 && rtl && title_rtl) {
                const std::size_t w0 = display_width(title_lines[0].first), wi = display_width(t);
                title_pad[i] = w0 > wi ? w0 - wi : 0;
            }
        }
        const std::size_t date_line = title_rtl ? 0 : title_lines.size() - 1;
        const bool date_fits = rank.size() + title_pad[date_line] +
                                   display_width(title_lines[date_line].first) + 2 +
                                   display_width(date) <=
                               width;
        for (std::size_t i = 0; i < title_lines.size(); ++i) {
            const auto& [t, hl] = title_lines[i];
            if (i == 0)
                out += fmt::format("{}{}{} ", c ? kGreen : "", rank.substr(0, rank.size() - 1),
                                   c ? kReset : "");
            else
                out += pad + std::string(title_pad[i], ' ');
            if (!t.empty())
                out += fmt::format("{}{}{}", c ? kBold : "", highlight(t, hl, c, c ? kBold : ""),
                                   c ? kReset : "");
            if (i == date_line && date_fits)
                out += fmt::format("{}{}{}{}", t.empty() ? "" : "  ", c ? kDim : "", date,
                                   c ? kReset : "");
            out += "\n";
        }
        if (!date_fits) out += fmt::format("{}{}{}{}\n", pad, c ? kDim : "", date, c ? kReset : "");
        // id · source · lang · URL (or origin in the dump): the location moves to a line of its
        // own when the line would pass the width, and is never broken.
        std::string meta = s.id;
        for (const std::string* v : {&s.source, &s.lang})
            if (!v->empty()) meta += (meta.empty() ? "" : " · ") + *v;
        std::string where = s.url;
        if (where.empty()) where = s.origin.display();
        const char* dim = c ? kDim : "";
        if (!where.empty() && 3 + display_width(meta) + 3 + display_width(where) > width) {
            emit("     ", meta, {}, width - 3, width - 5, dim, "   ");
            Ranges none;
            if (o.visual) where = visual_line(where, none);
            out += fmt::format("   {}{}{}\n", dim, where, c ? kReset : "");
        } else {
            emit("     ", where.empty() ? meta : meta + " · " + where, {}, width - 3, width - 5,
                 dim, "   ");
        }
        if (!h.snippet.text.empty())
            emit("   ", h.snippet.text, h.snippet.highlights, width - 3, width - 3, "", "   ");
        if (h.copies.copies > 0) {
            std::string ids;
            for (std::size_t i = 0; i < h.copies.ids.size() && i < 5; ++i)
                ids += (i ? ", " : "") + h.copies.ids[i];
            if (h.copies.ids.size() > 5 || h.copies.copies > h.copies.ids.size()) ids += ", …";
            std::string line = fmt::format(
                "+{} {} in {} {}{}: {}", h.copies.copies, h.copies.copies == 1 ? "copy" : "copies",
                h.copies.sources, h.copies.sources == 1 ? "source" : "sources",
                h.copies.first_seen.empty() ? "" : ", first seen " + h.copies.first_seen, ids);
            emit("     ", line, {}, width - 3, width - 5, dim, "   ");
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
            const Xapian::doccount total = it == h.totals.end() ? 0 : it->second;
            // A period without any article has no share (null), not 0 %.
            bins.push_back({{"period", p},
                            {"count", n},
                            {"total", total},
                            {"share", total ? nlohmann::json(share(p, n)) : nlohmann::json()}});
        }
        const char* g = h.granularity == Granularity::year    ? "year"
                        : h.granularity == Granularity::month ? "month"
                                                              : "day";
        nlohmann::json j = {{"type", "histogram"},
                            {"data",
                             {{"granularity", g},
                              {"bins", bins},
                              {"matches", h.matches},
                              {"stories", h.stories},
                              {"undated", h.undated}}}};
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
        auto total = h.totals.find(p);
        const bool no_articles = total == h.totals.end() || total->second == 0;
        std::string value = !normalize ? fmt::format("{:>{}}", n, num_w)
                            : no_articles
                                ? fmt::format("{:>{}} (      —)", n, num_w)
                                : fmt::format("{:>{}} ({:6.2f}%)", n, num_w, share(p, n) * 100);
        std::size_t shown = whole + (bar.size() > whole * 3 ? 1 : 0);
        out += fmt::format("{:<{}}  {}{}  {}\n", p, label_w, bar,
                           std::string(bar_w > shown ? bar_w - shown : 0, ' '), value);
    }
    std::string footer = fmt::format("{} matching {} ({} {}, copies counted once)", h.matches,
                                     h.matches == 1 ? "article" : "articles", h.stories,
                                     h.stories == 1 ? "story" : "stories");
    if (h.undated) footer += fmt::format(", {} undated (not shown)", h.undated);
    if (normalize) footer += "; share = matches / all articles of the period (—: none)";
    for (const auto& [line, hl] : wrap(footer, {}, width, width)) out += line + "\n";
    return out;
}

std::string roman_note(const std::string& latin, const std::vector<std::string>& urdu) {
    std::string out = latin + " →";
    for (std::size_t i = 0; i < urdu.size(); ++i) out += (i ? ", " : " ") + urdu[i];
    return out;
}

std::string render_analysis(const BuiltQuery& b, const std::string& raw) {
    std::string out;
    out += "raw:        " + raw + "\n";
    out += "normalized: " + b.normalized + "\n";
    out += "prepared:   " + b.prepared + "\n";
    for (const auto& n : b.notes) out += "expanded:   " + n + "\n";
    for (const auto& [latin, urdu] : b.roman)
        out += "roman urdu: " + roman_note(latin, urdu) + "\n";
    if (b.fell_back)
        out += "fallback:   strict parse failed (" + b.fallback_reason + "); words searched\n";
    out += "parsed:     " + b.parsed + "\n";
    out += "final:      " + b.query.get_description() + "\n";
    if (!b.any_words.empty()) out += "partial:    " + b.any_words.get_description() + "\n";
    return out;
}

nlohmann::json article_json(const StoredArticle& stored) {
    const auto key = [](std::string_view k) { return std::string(k); };
    nlohmann::json j = {
        {key(schema::field_id), stored.id},
        {key(schema::field_title), stored.title},
        {key(schema::field_date), date_json(stored.date)},
        {key(schema::field_date_source),
         stored.date.known() ? nlohmann::json(stored.date.source) : nlohmann::json()},
        {key(schema::field_url), stored.url},
        {key(schema::field_source), stored.source},
        {key(schema::field_lang), stored.lang},
        {key(schema::field_author), stored.author},
        {key(schema::field_section), stored.section},
        {key(schema::field_body), stored.body},
        {key(schema::field_origin), stored.origin},
    };
    if (stored.title_derived) j[key(schema::field_title_derived)] = true;
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
    if (!r.built.roman.empty()) {
        nlohmann::json roman = nlohmann::json::object();
        for (const auto& [latin, urdu] : r.built.roman) roman[latin] = urdu;
        begin["roman_urdu"] = roman;
    }
    out += dump({{"type", "begin"}, {"data", begin}});
    for (const Hit& h : r.hits) out += hit_json_line(h);
    auto count = [](const Count& c) {
        return nlohmann::json{{"estimated", c.estimated},
                              {"lower", c.lower},
                              {"upper", c.upper},
                              {"exact", c.exact()}};
    };
    // matches_*: the results the pages list (stories when collapsing, else articles).
    nlohmann::json summary = {
        {"articles", count(r.totals.articles)},
        {"stories", count(r.totals.stories)},
        {"counted", q.collapse && !q.exact_count ? "stories" : "articles"},
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

std::string render_article(const StoredArticle& stored, bool color) {
    const bool c = color;
    std::string out;
    out += fmt::format("{}{}{}\n", c ? kBold : "", stored.title, c ? kReset : "");
    auto line = [&](const char* label, const std::string& value) {
        if (!value.empty())
            out += fmt::format("{}{:<8}{} {}\n", c ? kDim : "", label, c ? kReset : "", value);
    };
    line("id", stored.id);
    const std::string& dsrc = stored.date.source;
    line("date", stored.date.known()
                     ? stored.date.iso() + (dsrc.empty() ? "" : " (from " + dsrc + ")")
                     : "undated");
    line("lang", stored.lang);
    line("source", stored.source);
    line("author", stored.author);
    line("section", stored.section);
    line("url", stored.url);
    line("origin", stored.origin.display());
    out += "\n" + stored.body + "\n";
    return out;
}

}  // namespace khabar
