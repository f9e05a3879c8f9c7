/** @file
 * @brief The article's own dateline in a page: "Published May 13, 2017", "Updated 02 May, 2024",
 *        "KARACHI, Nov 23:", "Published in Dawn, November 24th, 2013" — looked for only in the
 *        article's own part of the page, never in chrome (sidebars of other stories, a site
 *        header with today's date).
 */
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cleaning/blocks.h"

namespace khabar::cleaning {

/// A dateline found in a page.
struct Dateline {
    enum class Kind {
        line,     ///< a date line above the story ("Published May 13, 2017 04:02pm")
        updated,  ///< the same, but only an update time ("Updated 02 May, 2024")
        trailer,  ///< right after the story: a print trailer ("Published in Dawn, May 14th,
                  ///< 2017") or a publication line ("تاریخ اشاعت: ۱۴ دسمبر ۲۰۲۴")
        city,  ///< the wire dateline opening the lead ("KARACHI, Nov 23:"), often without year
    };
    std::string text;  ///< the raw date text, for parse_date ("Published May 13, 2017", "Nov 23")
    Span span;         ///< where the text is in the page
    Kind kind = Kind::line;
    bool parses = false;  ///< parse_date(text) gives a date (false for "Nov 23": no year)
};

/// The article's own dateline in `text`, given the spans already removed as chrome (e.g.
/// CleanResult::removed_spans()). Looks at date lines above the story (before its first long
/// paragraph) that are not wedged between chrome blocks — with no removed spans, only those
/// within eight blocks of the page's first block —, the print trailer
/// just after the story's last long paragraph, and the wire dateline at the start of the first
/// long paragraph. Preference: a date line that is not an update > trailer > update line > wire
/// dateline. Date lines after the story (sidebars) are never used. nullopt when there is none:
/// the article then stays undated rather than take a date that is not its own.
std::optional<Dateline> find_article_dateline(std::string_view text,
                                              std::span<const Span> removed = {});

/// True for a short block (at most 12 words) that parse_date reads as a date with at least a
/// month: "02 May, 2024", "Updated Nov 20 2019, 15:24pm ist", "۲۰ نومبر ۲۰۲۴".
bool is_date_line(std::string_view block, const BlockFacts& facts);

/// The part of a line that is a date, when the whole line is not: "5 November 2025" of "Published:
/// 1 day ago — 5 November 2025" (parts set off by " — ", " – ", " | " or " · "); the line itself
/// when no part is.
std::string_view dated_part(std::string_view line);

/// The wire dateline at the start of a paragraph: "KARACHI, Nov 23: ...",
/// "NEW YORK, March 2 - ...", a city then a full date in brackets "اسلام آباد (27 نومبر 2026ء)
/// ..." (after a credit: "(اردو پوائنٹ اخبار تازہ ترین۔ 27 نومبر 2026ء)") or, with no city, a
/// full date "April 3, 1987 — ..." gives the date
/// part ("Nov 23", "March 2", "April 3, 1987") and its span in `text` (offsets relative to
/// `text`); nullopt when the paragraph does not open with one.
std::optional<Dateline> find_city_dateline(std::string_view paragraph);

}  // namespace khabar::cleaning
