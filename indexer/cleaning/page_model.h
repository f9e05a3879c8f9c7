/** @file
 * @brief Internal to cleaning/: a page as a list of classified blocks, and the steps shared by
 *        the Cleaner and find_article_dateline (where the story is, which date lines are its own).
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cleaning/cleaner.h"
#include "cleaning/page_reading.h"

namespace khabar::cleaning::detail {

/// One block of a page with what is known about it.
struct PageBlock {
    Block block;
    std::string_view text;
    BlockFacts facts;
    std::uint32_t pages = 0;     ///< pages of the source with this shape
    bool frequent = false;       ///< on enough pages of the source to be chrome
    bool templ = false;          ///< on most pages of the source
    bool literal_templ = false;  ///< its exact text (digits included) is on most pages
    bool date = false;           ///< is_date_line
    BlockKind kind = BlockKind::content;
    Reason reason = Reason::none;
    std::string_view label;         ///< Reason::list_label: the table's label
    std::uint32_t batch_pages = 0;  ///< pages of the page's scrape batch carrying this shape
    std::uint32_t batch_size = 0;   ///< pages of that batch
    // What shape_rules.cc asks of a block many times, found once (label_of, date_start_of).
    static constexpr int kNotAsked = -2;
    static constexpr std::size_t kNotAskedAt = static_cast<std::size_t>(-1);
    mutable int label_index = kNotAsked;        ///< the label table's entry it is, or -1
    mutable std::size_t date_at = kNotAskedAt;  ///< where the date ending it starts
    mutable bool date_relative = false;         ///< that date is relative ("7h ago")

    bool removed() const { return kind == BlockKind::chrome; }
    void remove(Reason why) {
        kind = BlockKind::chrome;
        reason = why;
    }
};

using Page = std::vector<PageBlock>;

/// Blocks of `text` with their facts (no statistics: pages/frequent/templ left 0/false).
Page read_page(std::string_view text);
/// The same from a reading of `text` made before (read_blocks; page_reading.cc); a reading of
/// another text is not used.
Page read_page(std::string_view text, const PageReading& reading);

/// A block that may be a headline rather than a sentence of the story: it does not end like a
/// sentence, or it is a question or exclamation shorter than a paragraph (under twice
/// anchor_words words: "Will the rupee hold?", "ایپل کا چیلنج!"); never a line with a full stop.
bool may_be_headline(const BlockFacts& facts, std::uint32_t anchor_words);

/// A story's print or syndication trailer: "Published in Dawn, May 14th, 2017", "This article was
/// originally published on …", "A version of this article appears in print on …", "یہ تحریر
/// 17 جنوری 2026 کو شائع ہوئی۔" (short, saying "published"). A date line only when it is one
/// otherwise (at most 12 words, a date after the words), though it may end like a sentence.
bool is_trailer(std::string_view text);

/// A date line the story may close with: a print trailer ("Published in Dawn, May 14th, 2017"),
/// or a date labelled as the publication's ("Published: 3 April 1987", "تاریخ اشاعت: ۱۴ دسمبر
/// ۲۰۲۴") right after its last paragraph.
bool closes_story(std::string_view text);

/// True when block i sits right under the story's headline: the nearest kept block above it
/// (date lines aside) is the title, or a line that may be a headline and is the page's first
/// kept block; or i is the page's first kept block. A teaser under a "Featured: …" line below the
/// title is not.
bool under_headline(const Page& page, std::size_t i, std::uint32_t anchor_words);

/// A paragraph short enough to be a standfirst (at most 100 words) above a date line.
bool may_be_standfirst(const BlockFacts& facts);

/// True for a date line that is a date with a short label or time at most ("3 April 1987 |
/// 10:44", "تاریخ اشاعت: ۱۴ دسمبر ۲۰۲۴", "Published: Friday 3 April 1987"): at most three words
/// before its first digit, so not a headline with its date ("Also read: Oil prices climb — 3 Jun
/// 2024").
bool bare_date_line(std::string_view text);

/// The article's body: first and last anchor (a kept, non-date, non-frequent paragraph of at
/// least anchor_words words that ends like a sentence, or twice as long) of the segment with the
/// most anchor words, segments being split by runs of two or more removed blocks or date lines
/// (a labelled list or a caption removed inside the story does not split it).
/// A page without such paragraphs (a table of results) is measured with unique blocks of three
/// words or more instead. A first anchor that may be a headline and stands right above a date
/// line (a question headline and its byline date) is the story's header: the body starts after;
/// so is a standfirst right above a bare date line (may_be_standfirst, bare_date_line).
struct BodyRange {
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t first = none;
    std::size_t last = none;
    bool found() const { return first != none; }
};
BodyRange find_body(const Page& page, std::uint32_t anchor_words);

/// Mark the page's own date lines (own_date) and the others (stray_date): own are those above
/// the body, not wedged between chrome and close to the headline (at most eight kept blocks
/// between; when nothing is known about the page's chrome — `informed` false — the page's first
/// block stands for a headline that was not found), and a print trailer right after the body.
/// A recurring headline right below an own date line (removed as a label) is restored as the
/// title, a recurring byline right above it as content.
void classify_dates(Page& page, const BodyRange& body, bool informed);

/// The dateline to use (see find_article_dateline), from classified blocks.
std::optional<Dateline> pick_dateline(const Page& page, const BodyRange& body);

}  // namespace khabar::cleaning::detail
