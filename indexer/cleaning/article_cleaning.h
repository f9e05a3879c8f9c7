/** @file
 * @brief Chrome removal for the indexing pipeline: the calls the two passes make per article
 *        (source key, first-pass statistics, second-pass cleaning with title and dateline),
 *        and titles derived from a lead.
 *
 * Pass 1 (every input that can be read twice): for each article a reader produces,
 *     add_to_stats(stats, a, layout);
 * Pass 2: Cleaner cleaner(stats); for each article, before finish_article():
 *     ArticleCleaning c = clean_article(a, cleaner, layout);
 * then store c.removed_blocks with the document, and stats.serialize() in the database metadata
 * (merge the stored statistics into the new ones before cleaning a later dump).
 *
 * Words used in cleaning/: *chrome* is what a site repeats around its articles (navigation,
 * sidebars, footers, stock phrases) — the thing removed, as in --keep-chrome and the chrome
 * statistics; *cleaning* is the stage that removes it (this folder, Cleaner, clean_article).
 */
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cleaning/block_stats.h"
#include "cleaning/cleaner.h"
#include "model/article.h"

namespace khabar::cleaning {

/// Where the article's headline is: in its own field (JSON/CSV/HTML records, Reuters), or as the
/// first line of a plain-text page (the text reader's title, which may be site navigation or the
/// story's lead).
enum class TitleLayout { separate, first_line };

/// The layout of an article as its reader produced it (Article::title_from_first_line).
inline TitleLayout layout_of(const Article& a) {
    return a.title_from_first_line ? TitleLayout::first_line : TitleLayout::separate;
}

/// The statistics bucket of an article — its site: "source:<name>" from the source field,
/// else "site:<host>" from the URL or canonical link (without "www."), else "source:<name>" from
/// the site name the page states (og:site_name), else "dir:<folder>" for one-page-per-file
/// entries (.txt, .html, no extension: the nearest folder that is not a generic name such as
/// news/latest/2017/05), else "file:<entry name>" (all records of one JSONL/CSV file).
std::string source_key(const Article& a);

/// The text both passes look at: the body, or for TitleLayout::first_line title + "\n" + body.
std::string page_text(const Article& a, TitleLayout layout);

/// First pass: count the article's page in the statistics, and in `batches` under its
/// BatchClock keys when given.
void add_to_stats(BlockStats& stats, const Article& a, TitleLayout layout,
                  BlockStats* batches = nullptr, std::span<const std::string> batch_keys = {});

/// add_to_stats with the page's hashes computed already (page_hashes of page_text).
void add_hashes_to_stats(BlockStats& stats, const Article& a, std::vector<std::uint64_t> hashes,
                         BlockStats* batches = nullptr,
                         std::span<const std::string> batch_keys = {});

/// The hashes add_hashes_to_stats counts for a page: its blocks' hashes and the evidence of its
/// numeric dates' order (add_date_order_evidence); thread-safe, for a parse worker.
std::vector<std::uint64_t> page_stats_hashes(const Article& a, std::vector<std::uint64_t> hashes);

/// add_hashes_to_stats with hashes from page_stats_hashes.
void count_stats_hashes(BlockStats& stats, const Article& a, std::vector<std::uint64_t> hashes,
                        BlockStats* batches = nullptr,
                        std::span<const std::string> batch_keys = {});

/// Limits of the per-batch statistics of one run (not persisted; many small sources).
StatsLimits batch_limits();

/// What clean_article did.
struct ArticleCleaning {
    std::size_t removed_blocks = 0;  ///< chrome blocks removed (for `show`)
    bool title_replaced = false;     ///< the title changed (first_line layout only)
    bool dated = false;              ///< date_text was set from the page's own dateline
};

/// Second pass, before finish_article(): removes the chrome blocks from a.body; for the
/// first_line layout also picks the title again (the first line when it survives and reads as a
/// headline, else the first kept headline-like line above the story, else derive_title() with
/// title_derived set); an article left without a title gets derive_title() too. When the record
/// gave no date (date_text empty), sets date_text to the page's own dateline if parse_date reads
/// it, with date_field "dateline".
/// Also fills a.removed_chrome (the removed blocks with why, capped) and, when the record gave
/// no date, a note in a.date_notes. `batches`: the page's BatchClock keys, `reading`: the page
/// text's blocks read before, or null (Cleaner::clean).
ArticleCleaning clean_article(Article& a, const Cleaner& cleaner, TitleLayout layout,
                              std::span<const std::string> batches = {},
                              const PageReading* reading = nullptr);

/// A title from a story's lead: the first sentence of its first paragraph of five words or more
/// (a wire dateline such as "KARACHI, Nov 23:" or "LONDON (Reuters) -" dropped; a full stop
/// after an initial, "U.S." or "Mr." does not end the sentence), cut at a word boundary to at
/// most max_chars characters (not bytes), without a dangling "of"/"the"/"and" or comma, with "…"
/// when cut. English and Urdu ("۔" and "؟" end sentences). "" for an empty body.
std::string derive_title(std::string_view body, std::size_t max_chars = 90);

}  // namespace khabar::cleaning
