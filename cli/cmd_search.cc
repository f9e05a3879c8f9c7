/** @file
 * @brief `khabar search`: the query language, filters, sorting, paging and output modes.
 */
#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "database.h"
#include "dates/date_parser.h"
#include "error.h"
#include "render/bidi.h"
#include "render/export.h"
#include "render/output.h"
#include "render/render.h"
#include "search.h"

namespace khabar::cli {

namespace {

struct SearchFlags {
    std::vector<std::string> dbs;
    std::string since, until;
    std::string sort = "relevance";
    long long limit = 10;  ///< signed, so that -n -1 is refused rather than read as "all"
    long long offset = 0;
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
    bool no_roman = false;
};

const char* kSearchHelp = R"(
Query language (operators in CAPITALS; everything else is case-insensitive):
  cocoa prices         all the words, in the title or body; words are stemmed:
                       election also finds elections
  "interest rates"     exact phrase, unstemmed ("elections": only that form)
  oil OR gas           either;  oil AND gas  both (the default)
  oil XOR gas          one of them but not both
  oil NOT iran         without iran (also oil -iran);  +oil  oil is required
  (oil OR gas) prices  grouping
  oil NEAR prices      within 10 words of each other (NEAR/5: within 5)
  oil ADJ prices       the same, in this order (ADJ/3: within 3)
  infla*               words starting with infla (an error if over 500 do)
  title:cocoa          in the title;  title:(oil OR gas)  author:smith
  lang:ur  source:reuters  section:sports     only articles with that value
  date:1987  date:1987-03  date:1987-03-02    only that year, month or day
  date:1987-03..1987-04  date:..1987-06  date:1987-04..    ranges, inclusive
  وزیراعظم پاکستان     Urdu: Arabic or Urdu letter forms (ي/ی ك/ک ه/ہ),
                       diacritics, Urdu or Arabic digits all match;
                       وزیراعظم finds "وزیر اعظم" and back; انہوں/انھوں,
                       لئے/لیے, کیلئے/کے لیے are searched together
Filters (lang: source: section: date:) apply to the whole query wherever
they are written, except inside brackets. U.S., u.s. and US are the same.
A query that cannot be parsed (an unbalanced quote or bracket, a stray
operator) is searched as plain words, with a note on stderr. --analyze
shows how a query is read.

Dates: DATE is YYYY, YYYY-MM or YYYY-MM-DD (flags and date:). --since
starts on the first day of what it names, --until ends on its last day
(--until 2017 = to 2017-12-31). Undated articles never match a date
filter; an article dated by month or year only counts as the first day.

Results: by relevance; --sort newest|oldest: by date, undated last. Ties go
by relevance, then by position in the database, so the same search on the
same database always lists the same order. When fewer than a page of
articles contain all the words, those with most of them follow, marked
"partial" (--all-words: none). Copies of one story (same opening text,
keyed at index time) show once with "+N copies in M sources, first seen
DATE: ids" (--no-collapse: every copy). A query with fewer than a page
(at least 10) of results gets "did you mean: ..." on stderr, built from
the index's own words, when that finds clearly more: 3 times as many
articles and at least 5 (anything, when the query found nothing); never a
change of diacritics or punctuation only. stderr ends with "showing 1–10
of N results" ("about N" when it is an estimate).

Output: a block per hit, wrapped at spaces to the terminal's width
($COLUMNS; 80 when not on a terminal):
  1. TITLE  DATE
     id · source · lang · URL (or FILE::ENTRY:RECORD in the dump)
     … snippet with the matched words highlighted …
--color auto: colour only on a terminal, never with NO_COLOR set or
TERM=dumb; always/never decide regardless. --json: JSON Lines
{"type":"begin"|"hit"|"summary","data":{...}}, never coloured or
reordered. --count: the exact number of matching articles, copies
included ("about N" if it could not be exact). --ids: the id of every
result (copies collapsed unless --no-collapse), or of one page with -n and
--offset. --export csv|csv-excel|jsonl: every matching article, copies
included, with the same fields in each format: id, date, date_source,
title, title_derived, url, source, lang, author, section, origin (where in
the dump), score, body. csv: RFC 4180 with CRLF lines, no byte order mark
(for scripts); csv-excel: the same after a UTF-8 byte order mark, so that
spreadsheets read Urdu right.
--histogram: exact counts per period as bars (--json: the numbers).
One of --count, --ids, --export, --histogram, --analyze at a time; --json
goes with the hits, --count and --histogram. Flags that do not apply
(-n with --export, --json with --ids, -n 0 or less) are errors, never
ignored. An --offset past the last result says where the last page starts.

Right-to-left text (--bidi): `logical` writes Urdu in memory order, for
terminals that apply the Unicode bidi algorithm themselves; `visual`
reorders each output line with ICU's bidi algorithm and joins the Arabic
letters, for terminals that do not. `auto` (the default) is visual only
when stdout is a terminal not known to do bidi: not VTE >= 0.58 (GNOME
Terminal, Tilix: $VTE_VERSION >= 5800), not Konsole ($KONSOLE_VERSION),
not mlterm ($MLTERM). Pipes, files, --json, --ids and --export are always
logical, so text is never reordered twice.

Examples:
  khabar search cocoa
  khabar search --since 1987-03 --until 1987-04 --sort newest '"oil prices"'
  khabar search 'title:(oil OR gas) NOT iran date:1987-03'
  khabar search --histogram month 'oil NEAR/5 prices'
  khabar search --export csv --lang ur 'وزیر اعظم' > pm.csv
  khabar search --json 'وزیر اعظم' | jq .data.title

Exit status: 0 at least one hit (--count, --histogram, --ids, --export: one
match), 1 none, 2 error (a bad option, date or database; an empty query;
flags that do not go together; a wildcard that matches too many words).)";

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

/// "showing 1–10 of about 40 results; next: --offset 10" (stderr, human output).
std::string paging_note(const SearchResult& r, const SearchRequest& req) {
    const std::size_t full = r.hits.size() - r.partial_hits;
    const bool exact = r.lower == r.upper;
    std::string note;
    if (full > 0)
        note = fmt::format("showing {} of {}{} {}",
                           full == 1 ? std::to_string(req.offset + 1)
                                     : fmt::format("{}–{}", req.offset + 1, req.offset + full),
                           exact ? "" : "about ", r.estimated,
                           r.estimated == 1 && exact ? "result" : "results");
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

/// Refuse flags that cannot apply together, rather than ignore one of them (exit 2).
void check_flags(const SearchFlags& f, bool limit_given, bool offset_given) {
    std::vector<std::string> modes;
    if (f.count) modes.push_back("--count");
    if (f.ids) modes.push_back("--ids");
    if (!f.export_format.empty()) modes.push_back("--export");
    if (!f.histogram.empty()) modes.push_back("--histogram");
    if (f.analyze) modes.push_back("--analyze");
    if (modes.size() > 1)
        throw Error(modes[0] + " and " + modes[1] + " are two different outputs: choose one",
                    "--count: the number of matches; --ids: their ids; --export: the articles; "
                    "--histogram: matches per period (with the total); --analyze: how the query "
                    "is read");
    const std::string mode = modes.empty() ? "" : modes[0];
    if (f.json && (f.ids || !f.export_format.empty() || f.analyze))
        throw Error("--json does not apply to " + mode,
                    f.ids ? "--ids writes one id a line; --json alone writes every hit, id included"
                    : f.analyze ? "--analyze writes text; --json alone shows the parsed query too"
                                : "--export jsonl writes JSON Lines");
    if (f.normalize && f.histogram.empty()) throw Error("--normalize applies only to --histogram");
    if (limit_given && f.limit < 1)
        throw Error(fmt::format("-n {}: the number of results must be 1 or more", f.limit),
                    f.limit == 0 ? "for the number of matches alone use --count" : "");
    if (offset_given && f.offset < 0)
        throw Error(fmt::format("--offset {}: must be 0 or more", f.offset));
    if ((limit_given || offset_given) && !mode.empty() && !f.ids)
        throw Error(std::string(limit_given ? "-n" : "--offset") + " does not apply to " + mode,
                    mode == "--export" ? "--export writes every matching article" : "");
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

/// Whether the query has anything to search for (a query of spaces is a usage error).
bool blank(const std::string& query) {
    return query.find_first_not_of(" \t\n\r") == std::string::npos;
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
    auto* limit_opt = cmd->add_option("-n,--limit", flags->limit, "number of results (1 or more)")
                          ->capture_default_str();
    auto* offset_opt =
        cmd->add_option("--offset", flags->offset, "skip this many results (paging)");
    cmd->add_option("--lang", flags->langs, "only articles in this language (en, ur …)")
        ->allow_extra_args(false);
    cmd->add_option("--snippet-length", flags->snippet_length, "snippet length in bytes (UTF-8)")
        ->capture_default_str();
    cmd->add_flag("--json", flags->json, "JSON Lines output");
    cmd->add_flag("--count", flags->count, "only the number of matching articles");
    cmd->add_option("--color", flags->color, "when to colour: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_flag("--no-collapse", flags->no_collapse, "show every copy of syndicated stories");
    cmd->add_flag("--all-words", flags->all_words, "no partial matches (all words only)");
    cmd->add_option("--histogram", flags->histogram, "matches per year, month or day, as bars")
        ->check(CLI::IsMember({"year", "month", "day"}));
    cmd->add_flag("--normalize", flags->normalize, "with --histogram: share of each period");
    cmd->add_flag("--ids", flags->ids, "only the ids of the results, one a line");
    cmd->add_option("--export", flags->export_format,
                    "every matching article as csv, csv-excel or jsonl")
        ->check(CLI::IsMember({"csv", "csv-excel", "jsonl"}));
    cmd->add_flag("--analyze", flags->analyze, "show how the query is read, stage by stage");
    cmd->add_option("--bidi", flags->bidi, "right-to-left text: auto, visual, logical")
        ->check(CLI::IsMember({"auto", "visual", "logical"}));
    cmd->add_flag("--exact", flags->exact, "the exact letters typed (no Urdu folding)");
    cmd->add_flag("--no-roman", flags->no_roman, "Latin words are not also searched as Urdu");
    cmd->add_option("QUERY", flags->words, "query words (see below)")->required();
    return [flags, limit_opt, offset_opt]() -> int {
        const bool limit_given = limit_opt->count() > 0, offset_given = offset_opt->count() > 0;
        check_flags(*flags, limit_given, offset_given);
        SearchRequest req;
        for (const auto& w : flags->words) req.query += (req.query.empty() ? "" : " ") + w;
        if (blank(req.query))
            throw Error("the query is empty", "give the words to search for: khabar search cocoa");
        req.options.dates = parse_range(flags->since, flags->until);
        req.options.langs = flags->langs;
        req.sort = flags->sort == "newest"   ? SortOrder::newest
                   : flags->sort == "oldest" ? SortOrder::oldest
                                             : SortOrder::relevance;
        req.limit = flags->count ? 0 : static_cast<std::size_t>(flags->limit);
        req.offset = static_cast<std::size_t>(flags->offset);
        req.snippet_length = flags->snippet_length;
        req.exact_count = flags->count;
        req.collapse = !flags->no_collapse;
        req.partial = !flags->all_words;
        req.exact = flags->exact;
        req.options.roman = !flags->no_roman;
        auto paths = resolve_db_paths(flags->dbs);
        Searcher searcher(open_for_reading(paths));
        // Filter values no article has are said before the results. Only a filter can give one,
        // so a query without a field or --lang is not built an extra time for it.
        if (!req.options.langs.empty() || req.query.find(':') != std::string::npos)
            for (const auto& w : searcher.analyze(req).warnings)
                std::cerr << "khabar: " << w << "\n";
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
            out(render_histogram(h, flags->normalize, flags->json, output_width()));
            out_flush();
            return h.matches > 0 ? 0 : 1;
        }
        if (flags->ids || !flags->export_format.empty()) {
            req.snippets = false;
            if (!flags->export_format.empty()) req.collapse = false;  // every matching article
            std::size_t n = 0, seen = 0;
            const auto format = export_format(flags->export_format);
            if (format) out(export_header(*format));
            // --ids lists every result unless -n or --offset asks for a page of them.
            const std::size_t skip = flags->ids ? req.offset : 0;
            const std::size_t take = flags->ids && limit_given ? req.limit : SIZE_MAX;
            searcher.for_each_match(req, [&](const StoredArticle& stored, double score) {
                if (seen++ < skip) return true;
                ++n;
                out(format ? export_article(*format, stored, score) : stored.id + "\n");
                return n < take;
            });
            out_flush();
            if (n == 0 && seen > 0)
                std::cerr << "khabar: " << past_the_end(seen, false, limit_given ? req.limit : 0)
                          << "\n";
            return n > 0 ? 0 : 1;
        }
        SearchResult r = searcher.search(req);
        for (const auto& [latin, urdu] : r.built.roman)
            std::cerr << "khabar: Roman Urdu: " << roman_note(latin, urdu) << "\n";
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
        ro.width = output_width();
        ro.databases = paths;
        if (flags->count) {
            // Exact (every match checked); should Xapian ever only estimate, it says so.
            if (flags->json)
                out(render_json(r, req, ro));
            else
                out(fmt::format("{}{}\n", r.lower == r.upper ? "" : "about ", r.estimated));
            out_flush();
            return r.estimated > 0 ? 0 : 1;
        }
        out(flags->json ? render_json(r, req, ro) : render_human(r, req, ro));
        out_flush();
        if (!flags->json) {
            if (r.hits.empty() && req.offset > 0 && r.estimated > 0)
                std::cerr << "khabar: " << past_the_end(r.estimated, r.lower != r.upper, req.limit)
                          << "\n";
            else if (r.hits.empty())
                std::cerr << "khabar: no articles match"
                          << (req.options.dates ? " (with the date filter)" : "") << "\n";
            if (!r.suggestion.empty())
                std::cerr << "khabar: did you mean: " << r.suggestion << "\n";
            if (!r.hits.empty()) std::cerr << "khabar: " << paging_note(r, req) << "\n";
        }
        return r.hits.empty() ? 1 : 0;
    };
}

}  // namespace khabar::cli
