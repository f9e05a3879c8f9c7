/** @file
 * @brief A calendar date with the precision the source gave (day, month or year) and its
 * provenance.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace khabar {

enum class DatePrecision { none, year, month, day };

/// A date as far as it is known. month/day are 0 when not known.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    DatePrecision precision = DatePrecision::none;
    std::string source;  ///< where it came from: "field:date", "meta:article:published_time",
                         ///< "dateline", ...

    bool known() const { return precision != DatePrecision::none; }
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY" (by precision), "" when unknown.
    std::string iso() const;
    /// Sortable value-slot form "YYYYMMDD"; an unknown month/day is its period's first (01), so a
    /// range filter that covers the period's first day includes it. "" when unknown.
    std::string slot_value() const;
    /// Inverse of slot_value() (precision from the stored precision letter).
    static Date from_slot(std::string_view yyyymmdd, char precision_letter);
    /// Inverse of iso(): "YYYY", "YYYY-MM" or "YYYY-MM-DD" (precision from the length); unknown
    /// for anything else.
    static Date from_iso(std::string_view iso);
    char precision_letter() const;  ///< 'd', 'm', 'y' or '-'
    bool operator==(const Date& o) const {
        return year == o.year && month == o.month && day == o.day && precision == o.precision;
    }
};

/// Inclusive range of days "YYYYMMDD".."YYYYMMDD" for filters.
struct DayRange {
    std::string first;  ///< "" = open
    std::string last;   ///< "" = open
};

}  // namespace khabar
