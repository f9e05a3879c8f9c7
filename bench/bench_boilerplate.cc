/** @file
 * @brief Chrome-removal quality on the labelled set testdata/chrome (issue 7): precision and
 *        recall of removal per page line and per token, by site and by label, and where the
 *        articles' dates came from.
 *
 *   bench_boilerplate [DIR] [--set dev|holdout|fresh] [--errors N] [--show ENTRY]
 *   bench_boilerplate --cost PATH...
 *
 * DIR holds the labelled sets (default: testdata/chrome of this source tree; README.md there):
 * "dev", on which the rules were tuned; "holdout", built afterwards from other sites, bodies and
 * layouts (its first run found bugs that were then fixed); "fresh", built once the rules were
 * final, from still other sites. All three are scored unless --set names one. The dump is read with
 * the product's readers; the first pass counts every page (cleaning::add_to_stats), the second
 * cleans each one (Cleaner::clean for the verdicts, cleaning::clean_article for title and date).
 * A line counts as removed when the block holding it is. Chrome = labels 'h' and 'x' (a date in
 * chrome); content = 't' 'd' 'l' 'w' 'c'. Precision = removed chrome / removed; recall = removed
 * chrome / chrome. Token figures weigh each line by its words (whitespace-separated).
 *
 * --errors N prints up to N wrongly removed and N wrongly kept lines; --show ENTRY prints one
 * page's lines with label and verdict (ENTRY as in labels.jsonl, e.g. dawn.com/00208.txt or
 * bbc.com/pages.jsonl#3). Exit status: 0 ok, 2 the set cannot be read.
 *
 * --cost PATH... measures what chrome removal adds to `khabar index` on any dump, single-threaded
 * CPU time of three walks of each PATH: reading its records only; the first pass as the indexer
 * runs it (cleaning::StatsPass: reading + hashing blocks); reading + clean_article() on every
 * article with those statistics (the second pass's extra work).
 */
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "cleaning/labelled_set.h"
#include "cleaning/stats_pass.h"
#include "entries/entry_walker.h"
#include "records/record_reader.h"

namespace fs = std::filesystem;
using namespace khabar::cleaning;

namespace {

struct Options {
    fs::path dir;
    std::vector<std::string> sets = {"dev", "holdout", "fresh"};
    std::size_t errors = 0;
    std::string show;
    std::vector<std::string> cost;  ///< --cost: dumps to measure
};

Options parse_options(int argc, char** argv) {
    Options o;
    o.dir = fs::path(__FILE__).parent_path().parent_path() / "testdata" / "chrome";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--errors" && i + 1 < argc)
            o.errors = std::stoul(argv[++i]);
        else if (arg == "--show" && i + 1 < argc)
            o.show = argv[++i];
        else if (arg == "--set" && i + 1 < argc)
            o.sets = {argv[++i]};
        else if (arg == "--cost")
            for (; i + 1 < argc && argv[i + 1][0] != '-'; ++i) o.cost.push_back(argv[i + 1]);
        else
            o.dir = arg;
    }
    return o;
}

const char* reason_name(Reason r) {
    switch (r) {
        case Reason::none:
            return "";
        case Reason::template_block:
            return "template";
        case Reason::frequent_label:
            return "label";
        case Reason::between_chrome:
            return "between-chrome";
        case Reason::tail_list:
            return "tail-list";
        case Reason::chrome_date:
            return "chrome-date";
        case Reason::given:
            return "given";
        case Reason::list_label:
            return "list-label";
        case Reason::shape_list:
            return "shape-list";
        case Reason::list_above:
            return "list-above";
        case Reason::navigation:
            return "navigation";
        case Reason::caption:
            return "caption";
        case Reason::above_headline:
            return "above-headline";
        case Reason::comment:
            return "comment";
        case Reason::source_link:
            return "source-link";
        case Reason::site_box:
            return "site-box";
        case Reason::above_menu:
            return "above-menu";
    }
    return "?";
}

const char* kind_name(BlockKind k) {
    switch (k) {
        case BlockKind::content:
            return "content";
        case BlockKind::title:
            return "title";
        case BlockKind::own_date:
            return "own-date";
        case BlockKind::stray_date:
            return "stray-date";
        case BlockKind::chrome:
            return "CHROME";
    }
    return "?";
}

std::string entry_name(const PageOutcome& o) {
    const auto& origin = o.page->article.origin;
    return origin.entry + (o.page->layout == TitleLayout::separate
                               ? "#" + std::to_string(origin.record)
                               : std::string());
}

/// The index of the block holding line i.
std::size_t block_of(const PageOutcome& o, std::size_t i) {
    const Span line = o.lines[i];
    for (std::size_t b = 0; b < o.result.blocks.size(); ++b)
        if (o.result.blocks[b].span.begin <= line.begin && line.end <= o.result.blocks[b].span.end)
            return b;
    return 0;
}

void print_line(const PageOutcome& o, std::size_t i) {
    const std::size_t b = block_of(o, i);
    const BlockVerdict& v = o.result.blocks[b];
    const std::string text =
        o.text.substr(o.lines[i].begin, std::min<std::size_t>(o.lines[i].size(), 90));
    std::printf("  %c #%-4zu %-10s %-14s pages=%-3u %s\n", o.page->labels[i], b, kind_name(v.kind),
                reason_name(v.reason), v.pages, text.c_str());
}

void print_counts(const char* name, const Counts& b, const Counts& t) {
    std::printf("%-18s %7zu %7zu %6zu %6zu   %6.4f %6.4f   %6.4f %6.4f\n", name, b.tp + b.fn,
                b.fp + b.tn, b.fp, b.fn, b.precision(), b.recall(), t.precision(), t.recall());
}

void print_summary(const std::string& set, const Evaluation& e) {
    std::printf("== %s set: chrome removal on %zu labelled pages\n\n", set.c_str(), e.pages.size());
    std::printf("%-18s %7s %7s %6s %6s   %-13s   %-13s\n", "site", "chrome", "content", "FP", "FN",
                "block P   R", "token P   R");
    for (const auto& [source, b] : e.blocks_by_source)
        print_counts(source.c_str(), b, e.tokens_by_source.at(source));
    print_counts("all", e.blocks, e.tokens);
    std::printf("\nby label (removed / lines):");
    for (const auto& [label, n] : e.by_label) std::printf("  %c %zu/%zu", label, n.first, n.second);
    std::printf(
        "\n  h chrome, x date in chrome | t title, d own dateline, l lead, w repeated wire "
        "lead, c content\n\ndates:\n");
    for (const auto& [outcome, n] : e.dates)
        std::printf("  %-28s %zu\n", date_outcome_name(outcome), n);
    std::size_t from_chrome =
        e.dates.count(DateOutcome::from_chrome) ? e.dates.at(DateOutcome::from_chrome) : 0;
    std::printf("  articles dated from chrome: %zu (must be 0)\n", from_chrome);
    std::printf(
        "\nstatistics: %zu bytes in memory, %zu bytes serialized; first pass %.1f ms, "
        "second pass %.1f ms (each page cleaned twice: verdicts + clean_article)\n",
        e.stats_bytes, e.serialized_bytes, e.first_pass_seconds * 1e3, e.second_pass_seconds * 1e3);
}

void print_errors(const Evaluation& e, std::size_t max) {
    std::size_t fp = 0, fn = 0;
    std::printf("\nwrongly removed (content) and wrongly kept (chrome) lines:\n");
    for (const PageOutcome& o : e.pages) {
        for (std::size_t i = 0; i < o.lines.size(); ++i) {
            const bool chrome = is_chrome_label(o.page->labels[i]);
            if (chrome == o.line_removed[i]) continue;
            std::size_t& n = chrome ? fn : fp;
            if (n++ >= max) continue;
            std::printf("%s %s\n", chrome ? "KEPT   " : "REMOVED", entry_name(o).c_str());
            print_line(o, i);
        }
    }
}

/// Articles whose date is wrong (must not happen) or missed.
void print_bad_dates(const Evaluation& e) {
    for (const PageOutcome& o : e.pages) {
        if (o.date == DateOutcome::from_chrome || o.date == DateOutcome::wrong)
            std::printf("BAD DATE %s: %s (%s) from \"%s\"\n", entry_name(o).c_str(),
                        o.date_found.c_str(), date_outcome_name(o.date),
                        o.cleaned.date_text.c_str());
        else if (o.date == DateOutcome::missed)
            std::printf("missed date %s: expected %s\n", entry_name(o).c_str(),
                        o.page->date.c_str());
    }
}

void show_page(const Evaluation& e, const std::string& entry) {
    for (const PageOutcome& o : e.pages) {
        if (entry_name(o) != entry) continue;
        std::printf("\n%s: title \"%s\"%s, date %s (%s), %zu blocks removed\n", entry.c_str(),
                    o.cleaned.title.c_str(), o.cleaned.title_derived ? " (derived)" : "",
                    o.date_found.empty() ? "none" : o.date_found.c_str(), date_outcome_name(o.date),
                    o.cleaning.removed_blocks);
        for (std::size_t i = 0; i < o.lines.size(); ++i) print_line(o, i);
    }
}

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

/// Walks a dump and hands every article to a function.
struct ForEachArticle : khabar::WalkEvents, khabar::RecordSink {
    std::function<void(khabar::Article&)> fn;
    std::size_t articles = 0;
    void entry(const khabar::EntryInfo& info, khabar::EntryStream& data) override {
        khabar::read_entry(info, data, {}, *this);
    }
    void error(const khabar::EntryInfo&, const std::string&) override {}
    void skipped(const khabar::EntryInfo&, const std::string&) override {}
    void article(khabar::Article&& a) override {
        ++articles;
        fn(a);
    }
    void bad_record(const khabar::Origin&, const std::string&) override {}
};

void measure_cost(const std::string& path) {
    ForEachArticle read;
    read.fn = [](khabar::Article&) {};
    double t0 = cpu_seconds();
    khabar::walk_dump(path, {}, read);
    const double read_s = cpu_seconds() - t0;

    BlockStats stats;
    khabar::InputKeys keys;
    const std::map<std::string, std::string> none;
    StatsPass pass(stats, keys, none, {}, {});
    t0 = cpu_seconds();
    pass.count(path);
    const double first_s = cpu_seconds() - t0;

    const Cleaner cleaner(stats);
    std::size_t removed = 0;
    ForEachArticle clean;
    clean.fn = [&](khabar::Article& a) {
        removed += clean_article(a, cleaner, layout_of(a)).removed_blocks;
    };
    t0 = cpu_seconds();
    khabar::walk_dump(path, {}, clean);
    const double clean_s = cpu_seconds() - t0 - read_s;

    std::printf("%s: %zu articles, %.1f MB of entries\n", path.c_str(), read.articles,
                double(pass.bytes()) / 1e6);
    std::printf("  reading records only        %7.2f s CPU\n", read_s);
    std::printf("  first pass (read + hash)    %7.2f s CPU (%.1f us per page for the hashing)\n",
                first_s,
                (first_s - read_s) * 1e6 / double(std::max<std::size_t>(1, read.articles)));
    std::printf(
        "  cleaning in the second pass %7.2f s CPU (%.1f us per article; %zu blocks "
        "removed)\n",
        clean_s, clean_s * 1e6 / double(std::max<std::size_t>(1, read.articles)), removed);
    std::printf("  statistics: %zu sources, %zu pairs, %.1f MB in memory, %.1f KB serialized\n\n",
                stats.source_count(), stats.pair_count(), double(stats.memory_bytes()) / 1e6,
                double(stats.serialize().size()) / 1e3);
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse_options(argc, argv);
    if (!options.cost.empty()) {
        try {
            for (const std::string& path : options.cost) measure_cost(path);
        } catch (const std::exception& ex) {
            std::fprintf(stderr, "bench_boilerplate: %s\n", ex.what());
            return 2;
        }
        return 0;
    }
    try {
        for (const std::string& set : options.sets) {
            const auto pages = load_labelled_set(options.dir, set);
            const Evaluation e = evaluate(pages);
            print_summary(set, e);
            print_bad_dates(e);
            if (options.errors > 0) print_errors(e, options.errors);
            if (!options.show.empty()) show_page(e, options.show);
            std::printf("\n");
        }
    } catch (const std::exception& ex) {
        std::fprintf(stderr, "bench_boilerplate: %s\n", ex.what());
        return 2;
    }
    return 0;
}
