/** @file
 * @brief Which order a site writes numeric dates in ("04/03/1987": 4 March or 3 April?), learnt
 *        from the pages of the first pass: a page whose numeric dates can only be read one way
 *        is evidence for its site, kept in the chrome statistics under reserved keys.
 */
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "cleaning/block_stats.h"
#include "dates/date_parser.h"

namespace khabar::cleaning {

/// First pass: adds to a page's statistics hashes the evidence its texts (title, body, the date
/// field the record gives) hold: one reserved key per order that their unambiguous numeric dates
/// prove, once each.
void add_date_order_evidence(std::initializer_list<std::string_view> texts,
                             std::vector<std::uint64_t>& hashes);

/// The order of `source`'s numeric dates: proved on at least three pages and contradicted on at
/// most one in ten of them; else unknown.
struct SiteDateOrder {
    NumericOrder order = NumericOrder::unknown;
    std::uint32_t pages = 0;  ///< pages of the source proving `order`
};
SiteDateOrder site_date_order(const BlockStats& stats, std::string_view source);

/// True when `text` has a digit, a dot and a digit ("05.04.2025", "۰۵.۰۴.۲۰۲۵"): dotted dates are
/// written day first. Only asked of a numeric date that reads both ways, so a time such as
/// "10.30" beside it changes nothing else.
bool dotted_date(std::string_view text);

/// True when `text` holds Arabic script (an Urdu or Arabic page, whose numeric dates are day
/// first).
bool arabic_script(std::string_view text);

/// The order of a numeric date its site does not settle: day first when the date is dotted or
/// the page is Urdu or Arabic (`page_text`: its title, or the line itself), else unknown, so that
/// a date that reads both ways ("05/04/2027") is no date.
NumericOrder unsettled_order(std::string_view date_text, std::string_view page_text);

/// "month first" / "day first" (for notes).
std::string_view order_name(NumericOrder order);

}  // namespace khabar::cleaning
