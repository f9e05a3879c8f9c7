/** @file
 * @brief `khabar index`: the whole pipeline from dump paths to a committed database, with the
 *        counts the summary prints.
 */
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "articles/article_finisher.h"
#include "diagnostics.h"
#include "entries/entry_walker.h"
#include "records/record_reader.h"
#include "writer/index_writer.h"

namespace khabar {

struct IndexOptions {
    std::string db = "khabar.db";
    WriterOptions writer;
    ReaderOptions reader;
    FinishOptions finish;
    WalkLimits limits;
    unsigned threads = 0;  ///< parallel writers = shards of a new database; 0 = number of cores
    bool verbose = false;  ///< list every skipped record (default: the first 50)
    bool resume = true;  ///< skip inputs an earlier run committed completely (--no-resume: re-read)
    /// Index pages as they are: no first pass, no chrome removal, statistics untouched
    /// (--keep-chrome).
    bool keep_chrome = false;
    /// Also read again every input the database's chrome statistics count (the files of earlier
    /// runs, where they still are) and replace their articles, cleaned with the statistics of
    /// all runs (--reclean; implies no resume).
    bool reclean = false;
    /// Leave the database compact (Xapian::Database::compact, shard by shard: about half the
    /// size, faster searches) when the run wrote at least a quarter of its documents; false
    /// (--no-compact): leave it as written.
    bool compact = true;
    /// Memory for the records the first pass read, kept so that the second pass does not parse
    /// those entries again (KeptPages); entries beyond it are read again. 0: none kept.
    std::size_t keep_bytes = std::size_t{256} << 20;
    /// Memory for the short blocks both passes describe (cleaning::BlockMemoScope: labels, menus,
    /// dates), so that the same text is not normalized again; a kept record's long blocks come
    /// with it (cleaning::PageReading). 0 (the default): none remembered. Measured (bench/
    /// REPORT.md, issue 13 addendum): on Reuters JSON Lines the memo took 37 MB and about 5 % more
    /// CPU time than it saved; on HTML sets it saved 1.6 % of instructions, on the walk's thread,
    /// which is not what the shard writers wait for, and no measurable time.
    std::size_t memo_bytes = 0;
};

struct IndexSummary {
    std::uint64_t indexed = 0;  ///< articles written (new or replaced)
    // How each written article's id relates to the database before the run (indexed = the sum).
    std::uint64_t added = 0;             ///< a new id
    std::uint64_t unchanged = 0;         ///< an id the database held with the same content
    std::uint64_t replaced = 0;          ///< an id the database held with other content
    std::uint64_t copies_replaced = 0;   ///< an id an earlier record of this run had, other content
    std::uint64_t copies_identical = 0;  ///< an id an earlier record of this run had, same content
    std::uint64_t bad_records = 0;       ///< records skipped
    std::uint64_t entry_errors = 0;      ///< files/entries that could not be read
    std::uint64_t entries = 0;           ///< leaf entries read (not those skipped or unreadable)
    std::uint64_t entries_skipped = 0;   ///< entries that are not articles (binary, unknown format)
    std::uint64_t entries_resumed = 0;   ///< entries skipped because an earlier run indexed them
    std::uint64_t inputs_resumed = 0;    ///< whole PATHs skipped for the same reason
    std::uint64_t resumed_bad_records = 0;  ///< records of those inputs skipped by the earlier run
    bool interrupted = false;               ///< request_stop() ended the walk (Ctrl-C)
    std::uint64_t bytes = 0;                ///< bytes of entry data read
    std::map<std::string, std::uint64_t> skip_reasons;  ///< reason -> count (records and entries)
    std::map<std::string, std::uint64_t> languages;
    std::uint64_t dated = 0;
    std::uint64_t replaced_chars = 0;  ///< U+FFFD in indexed text: bytes invalid in their charset
    std::uint64_t replaced_articles = 0;  ///< articles with at least one
    std::string date_min, date_max;       ///< ISO
    std::uint64_t doc_count = 0;          ///< documents in the database afterwards
    double seconds = 0;
    std::size_t stories = 0;          ///< stories of two articles or more (story table, stories.h)
    std::size_t stories_updated = 0;  ///< story table entries this run wrote or removed
    double stories_seconds = 0;
    std::string stories_error;  ///< why the story table was not updated ("" when it was)
    bool compacted = false;     ///< the run ended by compacting the database
    std::uint64_t bytes_before_compact = 0;  ///< its size before (after: disk_usage)
    double compact_seconds = 0;
    std::string compact_error;  ///< why compaction failed ("" when it did not); the index stands
    // Chrome removal (issue 7)
    bool cleaned = false;                      ///< chrome removal ran (not --keep-chrome)
    std::uint64_t chrome_blocks = 0;           ///< chrome blocks removed from articles
    std::uint64_t chrome_articles = 0;         ///< articles that lost at least one block
    std::uint64_t titles_derived = 0;          ///< articles whose title was derived from the lead
    std::uint64_t first_pass_pages = 0;        ///< pages counted by this run's first pass
    std::uint64_t first_pass_bytes = 0;        ///< entry bytes the first pass read
    double first_pass_seconds = 0;             ///< time of the first pass
    std::uint64_t stats_sources = 0;           ///< sources (sites) the statistics know
    bool reclean = false;                      ///< --reclean ran
    std::uint64_t reclean_inputs = 0;          ///< --reclean: recorded input files read again
    std::vector<std::string> reclean_missing;  ///< --reclean: recorded files no longer there
    /// Entries a reader parsed, both passes together.
    std::uint64_t entries_parsed = 0;
    /// Entries the second pass took from the first pass's KeptPages instead of parsing them.
    std::uint64_t entries_kept = 0;
    /// The exit status (README.md, Indexing): 0 all records indexed, 1 some skipped (in this run,
    /// or in the earlier run that indexed a resumed input); 130 interrupted, as a shell reports
    /// SIGINT.
    int exit_code() const {
        if (interrupted) return 130;
        return bad_records + entry_errors + resumed_bad_records > 0 ? 1 : 0;
    }
};

/// Index every path into options.db. Throws khabar::Error on fatal errors (what was committed
/// before stays usable).
IndexSummary run_index(const std::vector<std::string>& paths, const IndexOptions& options,
                       Diagnostics& diag);

/// Ask a running run_index to stop at the next record or entry: what was read is still written
/// and committed, and the summary says so (async-signal-safe: for a SIGINT handler).
void request_stop() noexcept;

/// The summary as a few `khabar:` lines.
void print_summary(const IndexSummary& s, const std::string& db, Diagnostics& diag);

}  // namespace khabar
