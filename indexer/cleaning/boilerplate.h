/** @file
 * @brief Cross-page chrome removal: which blocks of a page are the site's chrome (navigation,
 *        share panels, sidebars of other stories with their dates, footers) and which are the
 *        article, decided from per-source block statistics (block_stats.h) and the block's place
 *        in the page.
 *
 * Recurrence alone is not enough: a wire lead quoted in several follow-ups recurs too. A block is
 * chrome when it recurs on pages of its source AND has chrome-like evidence:
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
 *     after an advertisement);
 *  5. dates: a date line below the story, or above it but wedged between chrome blocks, is not
 *     the article's (it is removed when it recurs or touches chrome, and never dates the page).
 * The page's own title is never removed (unless template). If nothing article-like is left (no
 * kept block of eight words), the removals of rules 3 and 4 are undone, and if that is not
 * enough (a page repeated so often that all of it is template), its long blocks are kept.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cleaning/block_stats.h"
#include "cleaning/blocks.h"
#include "cleaning/dateline.h"

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
};

/// The decision for one block.
struct BlockVerdict {
    Span span;
    BlockKind kind = BlockKind::content;
    Reason reason = Reason::none;
    std::uint32_t pages = 0;    ///< pages of the source carrying this block's shape
    bool blank_before = false;  ///< a blank line separates it from the previous block
    bool removed() const { return kind == BlockKind::chrome; }
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
    explicit Cleaner(const BlockStats& stats, CleanerConfig config = {});

    /// Clean one page of `source` (the key the statistics were built with). `title` is the
    /// article's headline when known (a record's title field, or a text page's first line): a
    /// block with the same shape is kept unless it is template.
    CleanResult clean(std::string_view source, std::string_view text,
                      std::string_view title = {}) const;

    const CleanerConfig& config() const { return config_; }

  private:
    const BlockStats* stats_;
    CleanerConfig config_;
};

}  // namespace khabar::cleaning
