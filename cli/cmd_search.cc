/** @file
 * @brief `khabar search`: the query language, filters, sorting, paging and output modes.
 */
#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "database.h"
#include "dates/date_parser.h"
#include "error.h"
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
};

const char* kSearchHelp = R"(
Query language:
  cocoa prices          all words must occur (in title or body); words are stemmed:
                        `election` also finds `elections`
  "interest rates"      exact phrase: these words, in this order, unstemmed
  oil OR gas            either word;  oil AND gas  both (the default)
  oil NOT iran, -iran   exclude a word;  +word  require it
  (oil OR gas) prices   grouping
  title:cocoa           a word in the title;  lang:ur  source:reuters  section:business
  وزیراعظم پاکستان      Urdu: Arabic and Urdu letter forms, diacritics, Urdu/Arabic digits match
Operators are recognised only in CAPITALS (AND OR NOT XOR NEAR ADJ); every other word is
case-insensitive, so `U.S.`, `u.s.` and `US` search the same. If the query cannot be parsed
(unbalanced quotes or brackets, a stray operator), its words are searched and a notice says so.

Dates: DATE is YYYY, YYYY-MM or YYYY-MM-DD. --since includes the first day of what it names,
--until the last day (--until 2017 = to 2017-12-31). Undated articles never match a date filter.

Examples:
  khabar search cocoa
  khabar search --since 1987-03 --until 1987-04 '"oil prices"' --sort newest
  khabar search --json 'وزیر اعظم' | jq .data.title

Output: a block per hit (rank, title, date; id, source, language, URL or origin; snippet with the
matched words highlighted). Colour only on a terminal (--color, NO_COLOR, TERM=dumb).
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
    cmd->add_option("--snippet-length", flags->snippet_length, "snippet length in bytes")->capture_default_str();
    cmd->add_flag("--json", flags->json, "JSON Lines output");
    cmd->add_flag("--count", flags->count, "print only the exact number of matching articles");
    cmd->add_option("--color", flags->color, "when to colour: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_option("QUERY", flags->words, "query words (see below)")->required();
    return [flags]() -> int {
        SearchRequest req;
        for (const auto& w : flags->words) req.query += (req.query.empty() ? "" : " ") + w;
        req.options.dates = parse_range(flags->since, flags->until);
        req.options.langs = flags->langs;
        req.sort = flags->sort == "newest" ? SortOrder::newest
                   : flags->sort == "oldest" ? SortOrder::oldest
                                             : SortOrder::relevance;
        req.limit = flags->count ? 0 : flags->limit;
        req.offset = flags->offset;
        req.snippet_length = flags->snippet_length;
        req.exact_count = flags->count;
        auto paths = resolve_db_paths(flags->dbs);
        Searcher searcher(open_for_reading(paths));
        SearchResult r = searcher.search(req);
        if (r.built.fell_back && !flags->json)
            std::cerr << "khabar: note: could not parse the query (" << r.built.fallback_reason
                      << "); searched its words instead\n";
        ColorChoice choice = ColorChoice::automatic;
        parse_color_choice(flags->color, choice);
        RenderOptions ro;
        ro.color = !flags->json && use_color(choice);
        ro.databases = paths;
        if (flags->count) {
            if (flags->json) out(render_json(r, req, ro));
            else out(fmt::format("{}\n", r.estimated));
            out_flush();
            return r.estimated > 0 ? 0 : 1;
        }
        out(flags->json ? render_json(r, req, ro) : render_human(r, req, ro));
        out_flush();
        if (!flags->json && r.hits.empty())
            std::cerr << "khabar: no articles match" << (req.options.dates ? " (with the date filter)" : "")
                      << "\n";
        return r.hits.empty() && r.estimated == 0 ? 1 : 0;
    };
}

}  // namespace khabar::cli
