/** @file
 * @brief libFuzzer target: parse_date (metadata dates) and parse_user_date (--since/--until),
 *        with invariants on what they return.
 *
 * parse_date: a returned date is known, 1800 <= year <= 2100, month/day set exactly as the
 * precision says and a real calendar day; its iso() parses back to the same date; the value-slot
 * form round-trips through Date::from_slot.
 * parse_user_date: both ends are 8-digit "YYYYMMDD", first <= last, and they are real days.
 */
#include <string>
#include <string_view>

#include "dates/date_parser.h"
#include "fuzz_support.h"

namespace {

bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

bool valid_day_string(const std::string& s) {
    if (s.size() != 8) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(4, 2)), d = std::stoi(s.substr(6, 2));
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using khabar::DatePrecision;
    using khabar::fuzz::fail;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (auto d = khabar::parse_date(text)) {
        if (!d->known()) fail("parse_date returned an unknown date", text);
        if (d->year < 1800 || d->year > 2100) fail("parse_date year out of 1800..2100", text);
        const bool has_month = d->precision >= DatePrecision::month;
        const bool has_day = d->precision == DatePrecision::day;
        if (has_month ? (d->month < 1 || d->month > 12) : d->month != 0)
            fail("parse_date month does not match precision", text);
        if (has_day ? (d->day < 1 || d->day > days_in(d->year, d->month)) : d->day != 0)
            fail("parse_date day does not match precision or is not a real day", text);
        const std::string iso = d->iso();
        auto again = khabar::parse_date(iso);
        if (!again || !(*again == *d)) fail("parse_date(iso()) differs from the date", text);
        auto slot = khabar::Date::from_slot(d->slot_value(), d->precision_letter());
        if (!(slot == *d)) fail("Date::from_slot(slot_value()) differs from the date", text);
    }

    if (auto r = khabar::parse_user_date(text)) {
        if (!valid_day_string(r->first) || !valid_day_string(r->last))
            fail("parse_user_date returned a bad day string", text);
        if (r->first > r->last) fail("parse_user_date range is reversed", text);
    }
    return 0;
}
