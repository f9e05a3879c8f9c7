/** @file
 * @brief `khabar search`: its flags and help, turned into a SearchRequest and an output mode that
 *        cli/search_run.cc runs; the --export rows (CSV, JSON Lines).
 */
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "batch.h"
#include "commands.h"
#include "database/reader.h"
#include "dates/date_parser.h"
#include "error.h"
#include "flags.h"
#include "query/syntax.h"
#include "render/export.h"
#include "render/output.h"
#include "render/render.h"
#include "search.h"
#include "search_run.h"

namespace khabar::cli {

namespace {

struct SearchFlags {
    DatabaseFlag db;
    std::string since, until;
    std::string sort = "relevance";
    long long limit = 10;  ///< signed, so that -n -1 is refused rather than read as "all"
    long long offset = 0;
    std::size_t snippet_length = 200;
    bool json = false;
    bool count = false;
    ColorFlag color;
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
    std::string batch;  ///< --batch FILE
};

/// After the query language (query/syntax.h) in `khabar search --help`.
const char* kSearchHelp = R"(
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
of 771 stories (805 articles); ...": stories count the copies of a story
once, articles each copy (--no-collapse lists articles, so they come
first); "of 40 articles" when no copies match. The same totals on every
page, in --count, --json and --histogram; exact unless Xapian estimates
over 500 matching articles, then "about N" (--count: always exact).

Output: a block per hit, wrapped at spaces to the terminal's width
($COLUMNS; 80 when not on a terminal):
  1. TITLE  DATE
     id · source · lang · URL (or FILE::ENTRY:RECORD in the dump)
     … snippet with the matched words highlighted …
--color auto: colour only on a terminal, never with NO_COLOR set or
TERM=dumb; always/never decide regardless. --json: JSON Lines
{"type":"begin"|"hit"|"summary","data":{...}}, never coloured or
reordered. --count: the exact number of matching articles, copies
included; stderr adds the stories ("805 matching articles, 771 stories";
--count --json: both in the summary). --ids: the id of every
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
  khabar search --batch names.txt --histogram year --export csv > counts.csv

--batch FILE: each line of FILE (- for stdin) is a query (blank lines and
lines starting with # are skipped), searched with the other filters; the
output is the exact number of matching articles of each (copies
included, as --count), with --histogram the counts per period too, as a
table, --json (one object) or --export csv|csv-excel.

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

/// Whether the query has anything to search for (a query of spaces is a usage error).
bool blank(const std::string& query) {
    return query.find_first_not_of(" \t\n\r") == std::string::npos;
}

/// The search the flags ask for (the query words joined by spaces).
SearchRequest search_request(const SearchFlags& f) {
    SearchRequest req;
    for (const auto& w : f.words) req.query += (req.query.empty() ? "" : " ") + w;
    if (blank(req.query) && f.batch.empty())
        throw Error("the query is empty", "give the words to search for: khabar search cocoa");
    req.options.dates = parse_range(f.since, f.until);
    req.options.langs = f.langs;
    req.options.roman = !f.no_roman;
    req.sort = f.sort == "newest"   ? SortOrder::newest
               : f.sort == "oldest" ? SortOrder::oldest
                                    : SortOrder::relevance;
    req.limit = f.count ? 0 : static_cast<std::size_t>(f.limit);
    req.offset = static_cast<std::size_t>(f.offset);
    req.snippet_length = f.snippet_length;
    req.exact_count = f.count;
    req.collapse = !f.no_collapse;
    req.partial = !f.all_words;
    req.exact = f.exact;
    return req;
}

/// The output the flags ask for (check_flags has refused more than one mode).
SearchOutput search_output(const SearchFlags& f, bool limit_given,
                           const std::vector<std::string>& databases) {
    SearchOutput o;
    o.mode = f.analyze                  ? SearchMode::analyze
             : !f.histogram.empty()     ? SearchMode::histogram
             : f.ids                    ? SearchMode::ids
             : !f.export_format.empty() ? SearchMode::export_rows
             : f.count                  ? SearchMode::count
                                        : SearchMode::hits;
    o.json = f.json;
    o.color = f.color.color;
    o.bidi = f.bidi;
    o.granularity = f.histogram == "day"     ? Granularity::day
                    : f.histogram == "month" ? Granularity::month
                                             : Granularity::year;
    o.normalize = f.normalize;
    o.limit_given = limit_given;
    o.databases = databases;
    if (!f.export_format.empty()) o.export_format = export_format(f.export_format);
    return o;
}

/// --batch FILE: a count per query of the file (searcher/batch.h), with --histogram per period
/// too; as a table, --json or --export csv|csv-excel. Exit 0 when some query matched, else 1.
int run_batch_file(const SearchFlags& f, bool limit_given, bool offset_given) {
    if (!f.words.empty())
        throw Error("--batch reads the queries from " + f.batch + ", not from the command line");
    for (auto [given, name] :
         {std::pair{f.count, "--count"}, std::pair{f.ids, "--ids"},
          std::pair{f.analyze, "--analyze"}, std::pair{f.normalize, "--normalize"},
          std::pair{limit_given, "-n"}, std::pair{offset_given, "--offset"},
          std::pair{f.export_format == "jsonl", "--export jsonl"},
          std::pair{f.json && !f.export_format.empty(), "--json with --export"}})
        if (given)
            throw Error(std::string(name) + " does not apply to --batch",
                        "--batch writes a count per query (per period with --histogram) as a "
                        "table, --json, or --export csv|csv-excel");
    std::string text;
    if (f.batch == "-") {
        std::ostringstream in;
        in << std::cin.rdbuf();
        text = in.str();
    } else {
        std::ifstream in(f.batch, std::ios::binary);
        if (!in) throw Error("cannot read --batch file '" + f.batch + "'");
        std::ostringstream all;
        all << in.rdbuf();
        text = all.str();
    }
    const std::vector<std::string> queries = batch_queries(text);
    if (queries.empty()) throw Error("--batch " + f.batch + " has no queries (one a line)");
    std::optional<Granularity> by;
    if (!f.histogram.empty())
        by = f.histogram == "day"     ? Granularity::day
             : f.histogram == "month" ? Granularity::month
                                      : Granularity::year;
    Searcher searcher(open_for_reading(f.db.paths()));
    const BatchTable t = run_batch(searcher, search_request(f), queries, by);
    if (!f.export_format.empty())
        out((f.export_format == "csv-excel" ? "\xEF\xBB\xBF" : "") + batch_csv(t));
    else if (f.json)
        out(batch_json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    else
        out(batch_text(t));
    out_flush();
    for (const auto& row : t.rows)
        if (!row.error.empty()) std::cerr << "khabar: " << row.query << ": " << row.error << "\n";
    return std::any_of(t.rows.begin(), t.rows.end(),
                       [](const BatchRow& r) { return r.count && *r.count > 0; })
               ? 0
               : 1;
}

}  // namespace

Runner add_search_command(CLI::App& app) {
    auto flags = std::make_shared<SearchFlags>();
    auto* cmd = add_command(app, "search");
    cmd->footer("\n" + syntax::help_text() + kSearchHelp);
    flags->db.add_to(*cmd, "database (repeat to search several as one)");
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
    cmd->add_flag("--count", flags->count, "matching articles, exact (stderr: stories too)");
    flags->color.add_to(*cmd, "when to colour: auto, always, never");
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
    cmd->add_option("--batch", flags->batch, "queries in FILE, one a line: a count each");
    cmd->add_option("QUERY", flags->words, "query words (see below)");
    return [flags, limit_opt, offset_opt]() -> int {
        const bool limit_given = limit_opt->count() > 0, offset_given = offset_opt->count() > 0;
        if (!flags->batch.empty()) return run_batch_file(*flags, limit_given, offset_given);
        check_flags(*flags, limit_given, offset_given);
        SearchRequest request = search_request(*flags);
        const std::vector<std::string> paths = flags->db.paths();
        Searcher searcher(open_for_reading(paths));
        return run_search(searcher, std::move(request), search_output(*flags, limit_given, paths));
    };
}

}  // namespace khabar::cli
