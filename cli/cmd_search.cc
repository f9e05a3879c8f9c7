/** @file
 * @brief `khabar search`: the query language, filters, sorting, paging and output modes.
 */
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "database.h"
#include "dates/date_parser.h"
#include "error.h"
#include "render/bidi.h"
#include "render/output.h"
#include "render/render.h"
#include "search.h"

namespace khabar::cli {

namespace {

struct SearchFlags {
    std::vector<std::string> dbs;
    std::string since, until;
    std::string sort = "relevance";
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::size_t snippet_length = 200;
    bool json = false;
    bool count = false;
    std::string color = "auto";
    std::vector<std::string> langs;
    std::vector<std::string> words;
    bool no_collapse = false;
    bool all_words = false;
    std::string histogram;
    bool normalize = false;
    bool ids = false;
    std::string export_format;
    bool analyze = false;
    std::string bidi = "auto";
    bool exact = false;
};

const char* kSearchHelp = R"(
Query language:
  cocoa prices          all words must occur (in title or body); words are stemmed:
                        `election` also finds `elections`
  "interest rates"      exact phrase: these words, in this order, unstemmed ("elections" alone
                        matches only that form)
  oil OR gas            either word;  oil AND gas  both (the default)
  oil NOT iran, -iran   exclude a word;  +word  require it
  (oil OR gas) prices   grouping
  oil NEAR prices       within 10 words (NEAR/5: within 5);  oil ADJ prices  in this order
  infla*                words starting with infla (at most 500 words, else an error)
  title:cocoa           a word in the title;  lang:ur  source:reuters  section:business  author:…
  date:1987  date:1987-03  date:1987-03-01..1987-03-31  date:..1987-06   dates, as the flags
  وزیراعظم پاکستان      Urdu: Arabic and Urdu letter forms, diacritics, Urdu/Arabic digits match;
                        وزیراعظم also finds "وزیر اعظم" (and the reverse); انہوں/انھوں, لئے/لیے,
                        کیلئے/کے لیے are searched together
Operators are recognised only in CAPITALS (AND OR NOT XOR NEAR ADJ); every other word is
case-insensitive, so `U.S.`, `u.s.` and `US` search the same. If the query cannot be parsed
(unbalanced quotes or brackets, a stray operator), its words are searched and a notice says so.

Dates: DATE is YYYY, YYYY-MM or YYYY-MM-DD. --since includes the first day of what it names,
--until the last day (--until 2017 = to 2017-12-31). Undated articles never match a date filter.

Examples:
  khabar search cocoa
  khabar search --since 1987-03 --until 1987-04 '"oil prices"' --sort newest
  khabar search --json 'وزیر اعظم' | jq .data.title

Results: when fewer than a page of articles contain all the words, the articles with most of
them follow, marked "partial" (--all-words turns this off). Copies of the same story (same
opening words) show once with "+N copies in M sources, first seen DATE" (--no-collapse shows all).
When a query finds little, a spelling from the index's own words is suggested ("did you mean").

Output: a block per hit (rank, title, date; id, source, language, URL or origin; snippet with the
matched words highlighted). Colour only on a terminal (--color, NO_COLOR, TERM=dumb).
--bidi: `visual` reorders right-to-left text (Urdu) with the Unicode bidi algorithm for terminals
that show characters left to right; `auto` does so only on a terminal not known to apply bidi
itself (GNOME Terminal/VTE ≥ 0.58, Konsole and mlterm do; xterm, tmux, kitty, Alacritty do not);
pipes, --json, --ids and --export always stay in logical order, so nothing is reordered twice.
--json prints JSON Lines: {"type":"begin"|"hit"|"summary","data":{...}}.
Exit status: 0 at least one hit, 1 no hit, 2 error.)";

std::optional<DayRange> parse_range(const std::string& since, const std::string& until) {
    if (since.empty() && until.empty()) return std::nullopt;
    DayRange r;
    if (!since.empty()) {
        auto d = parse_user_date(since);
        if (!d) throw Error("bad --since date '" + since + "'", "use YYYY, YYYY-MM or YYYY-MM-DD");
        r.first = d->first;
    }
    if (!until.empty()) {
        auto d = parse_user_date(until);
        if (!d) throw Error("bad --until date '" + until + "'", "use YYYY, YYYY-MM or YYYY-MM-DD");
        r.last = d->last;
    }
    if (!r.first.empty() && !r.last.empty() && r.first > r.last)
        throw Error("--since " + since + " is after --until " + until);
    return r;
}

/// RFC 4180 field quoting.
std::string csv_field(const std::string& v) {
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_header() {
    return "id,date,title,url,source,lang,author,section,origin,score,body\r\n";
}

std::string csv_row(const nlohmann::json& s, double score) {
    auto get = [&](const char* k) {
        auto it = s.find(k);
        return it != s.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    std::string row;
    for (const char* k : {"id", "date", "title", "url", "source", "lang", "author", "section"})
        row += csv_field(get(k)) + ",";
    row += csv_field(origin_display(s)) + "," + fmt::format("{:.4f}", score) + "," +
           csv_field(get("body")) + "\r\n";
    return row;
}

}  // namespace

Runner add_search_command(CLI::App& app) {
    auto flags = std::make_shared<SearchFlags>();
    auto* cmd = app.add_subcommand("search", "Search the database; ranked results with snippets");
    cmd->footer(kSearchHelp);
    cmd->add_option("--db", flags->dbs, "database (repeat to search several as one)")
        ->allow_extra_args(false);
    cmd->add_option("--since", flags->since, "only articles dated on or after DATE");
    cmd->add_option("--until", flags->until, "only articles dated on or before DATE");
    cmd->add_option("--sort", flags->sort, "relevance, newest or oldest")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
        ->capture_default_str();
    cmd->add_option("-n,--limit", flags->limit, "number of results")->capture_default_str();
    cmd->add_option("--offset", flags->offset, "skip this many results (paging)");
    cmd->add_option("--lang", flags->langs, "only articles in this language (en, ur, ar, …)")
        ->allow_extra_args(false);
    cmd->add_option("--snippet-length", flags->snippet_length, "snippet length in bytes")
        ->capture_default_str();
    cmd->add_flag("--json", flags->json, "JSON Lines output");
    cmd->add_flag("--count", flags->count, "print only the exact number of matching articles");
    cmd->add_option("--color", flags->color, "when to colour: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_flag("--no-collapse", flags->no_collapse, "show every copy of syndicated stories");
    cmd->add_flag("--all-words", flags->all_words,
                  "only articles with all the words (no partial matches)");
    cmd->add_option("--histogram", flags->histogram,
                    "count matches per year, month or day and draw a bar chart")
        ->check(CLI::IsMember({"year", "month", "day"}));
    cmd->add_flag("--normalize", flags->normalize,
                  "with --histogram: share of all articles of each period");
    cmd->add_flag("--ids", flags->ids,
                  "print only the ids of every matching article, one per line");
    cmd->add_option("--export", flags->export_format,
                    "write every matching article as csv or jsonl")
        ->check(CLI::IsMember({"csv", "jsonl"}));
    cmd->add_flag("--analyze", flags->analyze,
                  "print each stage of the query (raw → normalized → parsed → final) and exit");
    cmd->add_option("--bidi", flags->bidi,
                    "right-to-left display: auto, visual, logical (see below)")
        ->check(CLI::IsMember({"auto", "visual", "logical"}));
    cmd->add_flag("--exact", flags->exact,
                  "match the exact letters typed (no Urdu/Arabic letter folding)");
    cmd->add_option("QUERY", flags->words, "query words (see below)")->required();
    return [flags]() -> int {
        SearchRequest req;
        for (const auto& w : flags->words) req.query += (req.query.empty() ? "" : " ") + w;
        req.options.dates = parse_range(flags->since, flags->until);
        req.options.langs = flags->langs;
        req.sort = flags->sort == "newest"   ? SortOrder::newest
                   : flags->sort == "oldest" ? SortOrder::oldest
                                             : SortOrder::relevance;
        req.limit = flags->count ? 0 : flags->limit;
        req.offset = flags->offset;
        req.snippet_length = flags->snippet_length;
        req.exact_count = flags->count;
        req.collapse = !flags->no_collapse;
        req.partial = !flags->all_words;
        req.exact = flags->exact;
        auto paths = resolve_db_paths(flags->dbs);
        Searcher searcher(open_for_reading(paths));
        if (flags->analyze) {
            out(render_analysis(searcher.analyze(req), req.query));
            out_flush();
            return 0;
        }
        if (!flags->histogram.empty()) {
            Granularity g = flags->histogram == "day"     ? Granularity::day
                            : flags->histogram == "month" ? Granularity::month
                                                          : Granularity::year;
            Histogram h = searcher.histogram(req, g);
            std::size_t width = 80;
            if (const char* cols = std::getenv("COLUMNS")) width = std::max(40, std::atoi(cols));
            out(render_histogram(h, flags->normalize, flags->json, width));
            out_flush();
            return h.matches > 0 ? 0 : 1;
        }
        if (flags->ids || !flags->export_format.empty()) {
            req.snippets = false;
            if (!flags->export_format.empty()) req.collapse = false;  // every matching article
            std::size_t n = 0;
            if (flags->export_format == "csv") out(csv_header());
            searcher.for_each_match(req, [&](const nlohmann::json& stored, double score) {
                ++n;
                if (flags->ids)
                    out(stored.value("id", std::string()) + "\n");
                else if (flags->export_format == "csv")
                    out(csv_row(stored, score));
                else
                    out(article_json(stored).dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace) +
                        "\n");
            });
            out_flush();
            return n > 0 ? 0 : 1;
        }
        SearchResult r = searcher.search(req);
        if (r.built.fell_back && !flags->json)
            std::cerr << "khabar: note: could not parse the query (" << r.built.fallback_reason
                      << "); searched its words instead\n";
        ColorChoice choice = ColorChoice::automatic;
        parse_color_choice(flags->color, choice);
        BidiMode bidi = BidiMode::automatic;
        parse_bidi_mode(flags->bidi, bidi);
        RenderOptions ro;
        ro.color = !flags->json && use_color(choice);
        ro.visual = !flags->json && use_visual_order(bidi);
        ro.databases = paths;
        if (flags->count) {
            if (flags->json)
                out(render_json(r, req, ro));
            else
                out(fmt::format("{}\n", r.estimated));
            out_flush();
            return r.estimated > 0 ? 0 : 1;
        }
        out(flags->json ? render_json(r, req, ro) : render_human(r, req, ro));
        out_flush();
        if (!flags->json) {
            if (r.hits.empty())
                std::cerr << "khabar: no articles match"
                          << (req.options.dates ? " (with the date filter)" : "") << "\n";
            if (!r.suggestion.empty())
                std::cerr << "khabar: did you mean: " << r.suggestion << "\n";
        }
        return r.hits.empty() ? 1 : 0;
    };
}

}  // namespace khabar::cli
