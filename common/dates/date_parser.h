/** @file
 * @brief Parse the dates news dumps carry (ISO 8601, RFC 2822, Reuters, "02 May, 2024", Urdu) and
 * the dates users type for filters.
 */
#pragma once

#include <optional>
#include <string_view>

#include "dates/date.h"

namespace khabar {

/// Parse a date found in a metadata field (JSON/CSV/XML value, meta tag, HTTP header).
/// Accepts, among others: ISO 8601 (`2024-05-02`, `2024-05-02T10:30:00Z`, `2024-05`, `2024`),
/// RFC 2822 (`Thu, 02 May 2024 10:30:00 +0000`), Reuters (`26-FEB-1987 15:01:01.79`),
/// `02 May, 2024`, `May 2, 2024`, `2 May 2024`, numeric day and month when only one order gives a
/// date (`13/05/2024`, `05.13.2024`; `02/05/2024` is ambiguous and NOT accepted), Urdu month names
/// (`2 مئی 2024`, `مئی 2024`), Urdu/Arabic-Indic digits and the year mark `ء`. Returns the date
/// with the precision present in the text; nullopt when nothing parses or the date is impossible
/// (month 13, Feb 30, year < 1800 or > 2100). Date::source is left empty.
std::optional<Date> parse_date(std::string_view text);

/// True when `text` holds a digit as dates are written: ASCII, Arabic-Indic (U+0660-U+0669) or
/// Extended Arabic-Indic (U+06F0-U+06F9, as Urdu writes them).
bool has_digit(std::string_view text);

/// The order of day and month in a numeric date ("04/03/1987"), as a site writes it.
enum class NumericOrder { unknown, day_first, month_first };

/// parse_date, reading a numeric date whose day and month could be swapped (`04/03/1987`) in
/// `order` (unknown: refused, as parse_date does).
std::optional<Date> parse_date(std::string_view text, NumericOrder order);

/// Which orders the numeric dates written in `text` prove (ASCII digits, `D/M/YYYY` with the same
/// separator `/`, `.` or `-` twice, or `D/M/YY` with `/`): day first for `13/04/1987` or
/// `13/04/87`, month first for `04/13/1987`.
/// Ambiguous dates prove nothing. Any length of text; no allocation.
struct NumericOrdersSeen {
    bool day_first = false;
    bool month_first = false;
};
NumericOrdersSeen numeric_orders_in(std::string_view text);

/// A date typed by a user for --since/--until/date: — `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
/// Returns the inclusive day range it names ("YYYYMMDD" first and last day), nullopt when invalid.
std::optional<DayRange> parse_user_date(std::string_view text);

}  // namespace khabar
