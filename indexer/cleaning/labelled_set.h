/** @file
 * @brief Scoring chrome removal on a labelled set of pages (testdata/chrome: NAME.tar.gz, a dump,
 *        and NAME-labels.jsonl, a label per page line, run-length encoded), shared by
 *        tests/test_boilerplate.cc and bench/bench_boilerplate.cc.
 *
 * The dump is read with the product's own walker and record readers, the two passes run as the
 * indexer runs them (add_to_stats, then clean_article), and every page line is compared with its
 * label: chrome ('h', 'x': a date in chrome) or content ('t' title, 'd' own dateline, 'l' lead,
 * 'w' repeated wire lead, 'c' other).
 */
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cleaning/article_cleaning.h"
#include "cleaning/cleaner.h"

namespace khabar::cleaning {

/// One labelled page as the dump's reader produced it.
struct LabelledPage {
    Article article;
    TitleLayout layout = TitleLayout::separate;  ///< first_line for plain-text pages
    std::string source;                          ///< the site, as labelled
    std::string labels;                          ///< one letter per non-blank page line
    std::string date;                            ///< the own date to find (ISO), "" = undated
    std::vector<std::string> chrome_dates;       ///< dates (ISO) that occur only in chrome
};

/// Reads DIR/NAME.tar.gz and DIR/NAME-labels.jsonl (NAME "dev", "holdout" or "fresh"). Throws
/// std::runtime_error when they are missing or disagree (a page whose line count differs from
/// its labels).
std::vector<LabelledPage> load_labelled_set(const std::filesystem::path& dir,
                                            const std::string& name);

/// Removal counts: chrome removed (tp), content removed (fp), chrome kept (fn), content kept (tn).
struct Counts {
    std::size_t tp = 0, fp = 0, fn = 0, tn = 0;
    double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
    void add(bool chrome, bool removed, std::size_t n = 1);
    Counts& operator+=(const Counts& o);
};

/// How an article's date came out.
enum class DateOutcome { correct, undated_ok, missed, from_chrome, wrong };
const char* date_outcome_name(DateOutcome o);

/// One page after both passes.
struct PageOutcome {
    const LabelledPage* page = nullptr;
    std::string text;                ///< page_text() the cleaner saw
    CleanResult result;              ///< its verdicts
    std::vector<Span> lines;         ///< the non-blank lines of text (aligned with labels)
    std::vector<bool> line_removed;  ///< per line
    Article cleaned;                 ///< the article after clean_article()
    ArticleCleaning cleaning;
    DateOutcome date = DateOutcome::undated_ok;
    std::string date_found;  ///< ISO of the date set, "" = none
};

struct Evaluation {
    std::vector<PageOutcome> pages;
    Counts blocks, tokens;  ///< all pages
    std::map<std::string, Counts> blocks_by_source, tokens_by_source;
    std::map<char, std::pair<std::size_t, std::size_t>> by_label;  ///< label -> (removed, total)
    std::map<DateOutcome, std::size_t> dates;
    std::size_t stats_bytes = 0;       ///< BlockStats::memory_bytes() after the first pass
    std::size_t serialized_bytes = 0;  ///< BlockStats::serialize().size()
    double first_pass_seconds = 0, second_pass_seconds = 0;
};

/// Runs both passes over the pages and scores them.
Evaluation evaluate(const std::vector<LabelledPage>& pages, const CleanerConfig& config = {});

/// True for the chrome labels ('h', 'x').
inline bool is_chrome_label(char label) {
    return label == 'h' || label == 'x';
}

}  // namespace khabar::cleaning
