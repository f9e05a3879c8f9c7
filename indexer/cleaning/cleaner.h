/** @file
 * @brief Cross-page chrome removal: which blocks of a page are the site's chrome (navigation,
 *        share panels, sidebars of other stories with their dates, footers) and which are the
 *        article, decided from per-source block statistics (block_stats.h) and the block's place
 *        in the page.
 *
 * First, with no statistics at all, the page's own shape (shape_rules.h): labelled lists of other
 * stories, runs of headlines with dates after the story, navigation words above it, captions.
 *
 * Recurrence alone is not enough: a wire lead quoted in several follow-ups recurs too. A block is
 * chrome when it recurs on pages of its source (or is frequent in the page's scrape batch:
 * BatchClock, for sidebars that change each day) AND has chrome-like evidence:
 *  1. template: on at least half of the source's pages (navigation, footers) — any length; for a
 *     date line, its exact text must be (shapes of own datelines recur, their digits do not);
 *  2. label: frequent (on >= max(min_pages, min_fraction x pages) pages), at most label_words
 *     words, not a sentence, not a row of figures, not a date — menu items, section names,
 *     headlines in "Top stories" lists — inside a run of chrome-like blocks that holds a template
 *     block or three labels;
 *  3. between chrome: a frequent block up to list_words words whose neighbours on both sides are
 *     chrome (a teaser between two sidebar headlines);
 *  4. tail list: after the article's last long paragraph, a run of short blocks (even unique
 *     ones: "Related stories" items) after two chrome blocks or more and before chrome (or the
 *     page's end), unless the run is only full-stop sentences (the story's last short paragraph
 *     after an advertisement); 4b. a box: one or two lines with a figure, none ending in a full
 *     stop, under the site's own heading (template, a few words) and before more chrome;
 *  5. dates: a date line below the story, or above it but wedged between chrome blocks, is not
 *     the article's (it is removed when it recurs or touches chrome, and never dates the page);
 *  5b. above the menu: a line with a date above the site's menu (three short template or
 *     navigation blocks in a row near the top) or above its running head (one template line; not
 *     a bare date) is the site's strip (a lotto result, the tides, a countdown), even when it is
 *     the first line taken as the title; only with nothing but dated lines kept above it;
 *  6. comments: after the article's last long paragraph, a run right under a date line with a
 *     clock time, itself under a short line, both removed as chrome, and before chrome (or the
 *     page's end): a reader's comment under its name and time. It runs before rules 3 and 4,
 *     so a list after the comments is still a tail list.
 * The page's own title is never removed (unless template). If nothing article-like is left (no
 * kept block of eight words), the removals of rules 3, 4 and 6 are undone, and if that is not
 * enough (a page repeated so often that all of it is template), its long blocks are kept.
 */
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cleaning/block_stats.h"
#include "cleaning/blocks.h"
#include "cleaning/dateline.h"
#include "cleaning/page_reading.h"

namespace khabar::cleaning {

struct CleanerConfig {
    std::uint32_t min_pages = 5;      ///< a frequent block is on at least this many pages...
    double min_fraction = 0.03;       ///< ...and on at least this fraction of its source's pages
    double template_fraction = 0.5;   ///< on this fraction of pages: template, whatever its length
    std::uint32_t label_words = 12;   ///< rule 2: frequent non-sentences up to this length
    std::uint32_t list_words = 60;    ///< rules 3 and 4: blocks up to this length
    std::uint32_t anchor_words = 12;  ///< a unique block this long is part of the article body
};

/// What a block of a page is.
enum class BlockKind : std::uint8_t {
    content,     ///< the article
    title,       ///< the article's own headline (kept)
    own_date,    ///< the article's own dateline (kept)
    stray_date,  ///< a date line that is not the article's but shows no chrome evidence (kept)
    chrome,      ///< removed
};

/// Why a block was removed (or kept, for none).
enum class Reason : std::uint8_t {
    none,
    template_block,  ///< rule 1
    frequent_label,  ///< rule 2
    between_chrome,  ///< rule 3
    tail_list,       ///< rule 4
    chrome_date,     ///< rule 5
    given,           ///< a span the caller marked as removed (find_article_dateline)
    list_label,  ///< a labelled list of other stories ("Read more", "تازہ ترین"): shape_rules.h
    shape_list,      ///< headlines with date lines after the story, no label: shape_rules.h
    list_above,      ///< a list of headlines with dates right above the story: shape_rules.h
    navigation,      ///< navigation words above the story: shape_rules.h
    caption,         ///< an image caption or credit line: shape_rules.h
    above_headline,  ///< a short line above the headline: shape_rules.h
    comment,         ///< a reader's comment after the story, under its time (rule 6)
    source_link,     ///< "Read more at the source: URL" after the story: shape_rules.h
    site_box,        ///< one or two lines with a figure under the site's heading (rule 4b)
    above_menu,      ///< a line with a date above the site's menu (a lotto, tides, a countdown)
};

/// The decision for one block.
struct BlockVerdict {
    Span span;
    BlockKind kind = BlockKind::content;
    Reason reason = Reason::none;
    std::uint32_t pages = 0;        ///< pages of the source carrying this block's shape
    bool blank_before = false;      ///< a blank line separates it from the previous block
    std::string_view label;         ///< list_label: the label of the list (static text)
    std::uint32_t batch_pages = 0;  ///< pages of the block's scrape batch carrying it (0: none)
    std::uint32_t batch_size = 0;   ///< pages in that batch
    bool removed() const { return kind == BlockKind::chrome; }
};

/// Why a block was removed, for people: "recurs on 12 of 40 pages of site:dawn.com", "list
/// after the story", "label \"Read more\"", "navigation"; `site_pages`: pages of `source`.
std::string describe_removal(const BlockVerdict& b, std::string_view source,
                             std::uint64_t site_pages);

/// Where a page sits in its site's dump order, for counts per scrape batch: pages of one site
/// close in dump order (one scrape day) share a batch, so a sidebar that changes each day is
/// still frequent in its batch. Each page belongs to two overlapping windows of kBatchPages pages.
/// Pages the first pass does not read (stdin, inputs counted by an earlier run) shift the second
/// pass's clock: their neighbours are then compared with a nearby window; the per-site counts
/// are not affected.
class BatchClock {
  public:
    static constexpr std::uint64_t kBatchPages = 16;
    /// The batch keys of the next page of `source` (once per page, in the same order in both
    /// passes).
    std::array<std::string, 2> next(std::string_view source);

  private:
    std::map<std::string, std::uint64_t, std::less<>> seen_;
};

/// A page after cleaning.
struct CleanResult {
    /// The kept blocks, "\n\n" where the page had a blank line between them, else "\n"; the
    /// input unchanged when nothing was removed.
    std::string text;
    std::vector<BlockVerdict> blocks;  ///< every block of the input page, in order
    std::size_t removed = 0;           ///< blocks removed as chrome
    std::optional<Dateline> dateline;  ///< the article's own dateline (span: input offsets)
    /// Input spans of the removed blocks, in order.
    std::vector<Span> removed_spans() const;
};

/// The kept blocks of `text` (verdicts from a CleanResult of that text), joined by "\n\n" where
/// the page had a blank line between them, else "\n"; the block at index `skip` is left out too.
std::string join_kept(std::string_view text, const std::vector<BlockVerdict>& blocks,
                      std::size_t skip = static_cast<std::size_t>(-1));

/// Decides, page by page, what is chrome. Cheap to copy; holds a reference to the statistics,
/// which must outlive it. clean() is const and may be called from several threads at once.
class Cleaner {
  public:
    /// `batches`: counts per scrape batch (BatchClock keys), not persisted; may be null.
    explicit Cleaner(const BlockStats& stats, CleanerConfig config = {},
                     const BlockStats* batches = nullptr);

    /// Clean one page of `source` (the key the statistics were built with). `title` is the
    /// article's headline when known (a record's title field, or a text page's first line): a
    /// block with the same shape is kept unless it is template.
    /// `batches`: the page's BatchClock keys (none: per-site counts only). `reading`: the text's
    /// blocks read before (read_blocks), or null to read them here; the result is the same.
    CleanResult clean(std::string_view source, std::string_view text, std::string_view title = {},
                      std::span<const std::string> batches = {},
                      const PageReading* reading = nullptr) const;

    const CleanerConfig& config() const { return config_; }
    const BlockStats& stats() const { return *stats_; }

  private:
    const BlockStats* stats_;
    const BlockStats* batches_;
    CleanerConfig config_;
};

}  // namespace khabar::cleaning
