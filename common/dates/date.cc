/** @file
 * @brief Date formatting: ISO text, the sortable "YYYYMMDD" value-slot form and its inverse.
 */
#include "dates/date.h"

#include <algorithm>

namespace khabar {

namespace {

/// Append n (clamped to what the width can show) as zero-padded decimal digits.
void append_padded(std::string& out, int n, int width) {
    int limit = 1;
    for (int i = 0; i < width; ++i) limit *= 10;
    n = std::clamp(n, 0, limit - 1);
    std::string digits(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0; --i, n /= 10) {
        digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + n % 10);
    }
    out += digits;
}

/// The value of an all-ASCII-digit field, or -1 when it holds anything else.
int parse_digits(std::string_view field) {
    int value = 0;
    for (char c : field) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::string Date::iso() const {
    std::string out;
    if (precision == DatePrecision::none) return out;
    append_padded(out, year, 4);
    if (precision == DatePrecision::year) return out;
    out += '-';
    append_padded(out, month, 2);
    if (precision == DatePrecision::month) return out;
    out += '-';
    append_padded(out, day, 2);
    return out;
}

std::string Date::slot_value() const {
    std::string out;
    if (precision == DatePrecision::none) return out;  // undated articles store no date value
    append_padded(out, year, 4);
    // A month or year stands for its first day, so `--since 1987-02` includes "1987-02".
    append_padded(out, precision >= DatePrecision::month ? month : 1, 2);
    append_padded(out, precision == DatePrecision::day ? day : 1, 2);
    return out;
}

Date Date::from_slot(std::string_view yyyymmdd, char precision_letter) {
    const DatePrecision precision = precision_letter == 'd'   ? DatePrecision::day
                                    : precision_letter == 'm' ? DatePrecision::month
                                    : precision_letter == 'y' ? DatePrecision::year
                                                              : DatePrecision::none;
    if (precision == DatePrecision::none || yyyymmdd.size() != 8) return Date{};
    const int year = parse_digits(yyyymmdd.substr(0, 4));
    const int month = parse_digits(yyyymmdd.substr(4, 2));
    const int day = parse_digits(yyyymmdd.substr(6, 2));
    if (year < 0 || month < 0 || day < 0) return Date{};
    const bool has_month = precision >= DatePrecision::month;
    const bool has_day = precision == DatePrecision::day;
    if ((has_month && (month < 1 || month > 12)) || (has_day && (day < 1 || day > 31))) {
        return Date{};
    }
    Date date;
    date.year = year;
    date.month = has_month ? month : 0;
    date.day = has_day ? day : 0;
    date.precision = precision;
    return date;
}

Date Date::from_iso(std::string_view iso) {
    const bool dashes = (iso.size() < 5 || iso[4] == '-') && (iso.size() < 8 || iso[7] == '-');
    if (!dashes) return Date{};
    switch (iso.size()) {
        case 4:
            return from_slot(std::string(iso) + "0101", 'y');
        case 7:
            return from_slot(std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) + "01",
                             'm');
        case 10:
            return from_slot(std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) +
                                 std::string(iso.substr(8, 2)),
                             'd');
    }
    return Date{};
}

char Date::precision_letter() const {
    switch (precision) {
        case DatePrecision::day:
            return 'd';
        case DatePrecision::month:
            return 'm';
        case DatePrecision::year:
            return 'y';
        case DatePrecision::none:
            break;
    }
    return '-';
}

}  // namespace khabar
