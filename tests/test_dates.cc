/** @file
 * @brief Date parsing and formatting: every format the corpora carry, user filter dates, bad input.
 */
#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "dates/date.h"
#include "dates/date_parser.h"

using khabar::Date;
using khabar::DatePrecision;
using khabar::parse_date;
using khabar::parse_user_date;

namespace {

/// An input and the ISO form of the date it must give ("" = must not parse). The ISO length
/// also fixes the precision: YYYY-MM-DD day, YYYY-MM month, YYYY year.
struct DateCase {
    std::string_view text;
    std::string_view iso;
};

/// Check every case of a table, naming the failing input.
template <std::size_t N>
void check_table(const DateCase (&table)[N]) {
    for (const DateCase& c : table) {
        CAPTURE(c.text);
        const std::optional<Date> date = parse_date(c.text);
        if (c.iso.empty()) {
            CHECK_MESSAGE(!date.has_value(), "parsed as " << (date ? date->iso() : ""));
        } else {
            REQUIRE(date.has_value());
            CHECK(date->iso() == c.iso);
            CHECK(date->source.empty());
        }
    }
}

}  // namespace

TEST_CASE("ISO 8601 dates, date-times and partial dates") {
    const DateCase table[] = {
        {"2024-05-02", "2024-05-02"},
        {"2024-05-02T10:30:00Z", "2024-05-02"},
        {"2024-05-02T10:30:00+05:00", "2024-05-02"},  // the written day, not shifted to UTC
        {"2024-05-02T23:30:00-08:00", "2024-05-02"},
        {"2024-05-02T10:30:00.123456Z", "2024-05-02"},
        {"2024-05-02 10:30:00", "2024-05-02"},
        {"2024-05", "2024-05"},
        {"2024", "2024"},
        {"2024/05/02", "2024-05-02"},
        {"2024.05.02", "2024-05-02"},
        {"2024-5-2", "2024-05-02"},
        {"20240502", "2024-05-02"},
        {"20240502T103000Z", "2024-05-02"},
        {"  2024-05-02 \n", "2024-05-02"},
        {"\uFEFF2024-05-02", "2024-05-02"},      // byte-order mark
        {"2\u00A0May\u00A02024", "2024-05-02"},  // no-break spaces
        {"2024-05-02abc", ""},
        {"2024-05/02", ""},
        {"2024 - 05 - 02", ""},
        {"2024-123", ""},
        {"2016-17", ""},
        {"2016-2017", ""},
        {"2024-05 and more", ""},
    };
    check_table(table);
}

TEST_CASE("RFC 2822, HTTP, asctime and JavaScript dates") {
    const DateCase table[] = {
        {"Thu, 02 May 2024 10:30:00 +0000", "2024-05-02"},
        {"02 May 2024 10:30:00 +0000", "2024-05-02"},
        {"Thu, 2 May 2024 10:30:00 GMT", "2024-05-02"},
        {"Thursday, 02-May-2024 10:30:00 GMT", "2024-05-02"},
        {"Thu May  2 10:30:00 2024", "2024-05-02"},
        {"Thu May 02 2024 10:30:00 GMT+0500 (Pakistan Standard Time)", "2024-05-02"},
        {"Thu, 02 May 24 10:30:00 +0000", ""},  // two-digit year
    };
    check_table(table);
}

TEST_CASE("day-month-year and month-day-year with English month names") {
    const DateCase table[] = {
        {"02 May, 2024", "2024-05-02"},
        {"May 2, 2024", "2024-05-02"},
        {"2 May 2024", "2024-05-02"},
        {"May 2024", "2024-05"},
        {"May, 2024", "2024-05"},
        {"Updated 02 May, 2024", "2024-05-02"},
        {"Published May 13, 2017", "2017-05-13"},
        {"Published on: Monday, 13 May 2017", "2017-05-13"},
        {"Last updated: May 2017", "2017-05"},
        {"JANUARY 5, 2020", "2020-01-05"},
        {"jan 5 2020", "2020-01-05"},
        {"Feb. 29, 2016", "2016-02-29"},
        {"Sept. 5, 2019", "2019-09-05"},
        {"5 Sept 2019", "2019-09-05"},
        {"5 September 2019", "2019-09-05"},
        {"Oct 10 2010", "2010-10-10"},
        {"2nd May 2024", "2024-05-02"},
        {"May 2nd, 2024", "2024-05-02"},
        {"1st of May 2024", "2024-05-01"},
        {"23rd June 2011", "2011-06-23"},
        {"02-May-2024", "2024-05-02"},
        {"02/May/2024:10:30:00 +0000", "2024-05-02"},
        {"May 2", ""},
        {"2 May", ""},
        {"May 2024 by staff", ""},
        {"2 mai 2024", ""},
        {"Mayo 2, 2024", ""},
    };
    check_table(table);
}

TEST_CASE("Urdu and Arabic month names, digits and the year mark") {
    const DateCase table[] = {
        {"2 مئی 2024", "2024-05-02"},
        {"\u200F2 مئی 2024\u200F", "2024-05-02"},  // right-to-left marks
        {"مئی 2024", "2024-05"},
        {"13 اپریل 2016", "2016-04-13"},
        {"13 اپريل 2016", "2016-04-13"},  // Arabic yeh
        {"۱۳ اپریل ۲۰۱۶ء", "2016-04-13"},
        {"١٣ اپریل ٢٠١٦", "2016-04-13"},  // Arabic-Indic digits
        {"2016ء", "2016"},
        {"۲۰۱۶ء", "2016"},
        {"2016 ء", "2016"},
        {"2016ء۔", "2016"},
        {"5 مئ 2024", "2024-05-05"},
        {"5 جولائ 2024", "2024-07-05"},
        {"5 جولائی 2024", "2024-07-05"},
        {"1 جنوری 2020", "2020-01-01"},
        {"1 فروری 2020", "2020-02-01"},
        {"1 مارچ 2020", "2020-03-01"},
        {"1 جون 2020", "2020-06-01"},
        {"1 اگست 2020", "2020-08-01"},
        {"1 ستمبر 2020", "2020-09-01"},
        {"1 اکتوبر 2020", "2020-10-01"},
        {"1 نومبر 2020", "2020-11-01"},
        {"1 دسمبر 2020", "2020-12-01"},
        {"جمعرات، 2 مئی 2024", "2024-05-02"},
        {"بروز جمعہ 3 مئی 2024ء کو", "2024-05-03"},
        {"بدھ یکم جنوری 2025", "2025-01-01"},  // یکم: the first (day) of the month
        {"یکم مئی ۲۰۲۴ء", "2024-05-01"},
        {"يكم مئی 2024", "2024-05-01"},  // Arabic yeh and kaf
        {"مئی، 2024", "2024-05"},
        {"13 أبريل 2016", "2016-04-13"},
        {"٢ مايو ٢٠٢٤", "2024-05-02"},
        {"2 مئی", ""},
        {"۲؍صفر۲۰۳۱؁ھ", ""},  // Hijri
        {"15 رمضان 1437ھ", ""},
    };
    check_table(table);
}

TEST_CASE("a Hijri date written before the Gregorian one is passed over") {
    // Urdu and Arabic papers print both calendars on a dateline; the Gregorian date is the one
    // the index keeps, whichever comes first.
    const DateCase table[] = {
        {"28 ذوالقعدہ 1445ھ / 5 جون 2024ء", "2024-06-05"},
        {"ہفتہ 6 جمادی الاول 1446ھ 9 نومبر 2024ء", "2024-11-09"},
        {"12 ربیع الاول 1446 ہجری، 16 ستمبر 2024", "2024-09-16"},
        {"16 ستمبر 2024ء، 12 ربیع الاول 1446ھ", "2024-09-16"},
        {"السبت 6 جمادى الأولى 1446 هـ الموافق 9 نوفمبر 2024", "2024-11-09"},
        {"6 Jumada al-Awwal 1446 AH, 9 November 2024", "2024-11-09"},
        {"Saturday, 6 Rabi' al-Thani 1446 AH / 9 November 2024", "2024-11-09"},
        // A number before a year-like number is not a Hijri date without a month or era word.
        {"Chapter 3 verses 1400 and 12 May 2024", ""},
        // A Hijri date alone gives no Gregorian date.
        {"6 جمادی الاول 1446ھ", ""},
    };
    check_table(table);
}

TEST_CASE("real dates from the corpora parse") {
    const DateCase table[] = {
        // reuters21578.tar.gz <DATE>, including its odd ones (all 21,578 parse).
        {"26-FEB-1987 15:01:01.79", "1987-02-26"},
        {" 5-MAR-1987 09:17:35.37", "1987-03-05"},
        {" 5-MAR-1987 00:05:29.46", "1987-03-05"},
        {" 1-JUN-1987 00:08:28.39", "1987-06-01"},
        {"19-OCT-1987 20:59:16.05", "1987-10-19"},
        {" 7-APR-1987 16:22:00.0", "1987-04-07"},
        {"3-MAR-1987  09:15:05.40", "1987-03-03"},
        {"31-MAR-1987 605:12:19.12", "1987-03-31"},
        {"9-APR-1987 00:00:00.00    # date added by S Finch as guesswork ", "1987-04-09"},
        {"27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM", "1987-03-27"},
        {" 27-MAR-1987 11:51:33.23&#5;&#5;&#5;C T", "1987-03-27"},
        // saudinewsnet date_extracted (all 31,030 parse).
        {"2015-07-21 02:16:13", "2015-07-21"},
        {"2015-08-11 18:51:33", "2015-08-11"},
        // dawn-2013-teasers "date".
        {"2013-11-24", "2013-11-24"},
        {"2013-12-28", "2013-12-28"},
        // article-extraction HTML meta / JSON-LD values.
        {"2014-06-13T11:43:38+01:00", "2014-06-13"},
        {"2018-10-24T09:42:00.871+03:00", "2018-10-24"},
        {"2019-11-18T18:56:26+0000", "2019-11-18"},
        {"2019-11-19T12:51:38.653059", "2019-11-19"},
        {"2019-11-19T13:16+0000", "2019-11-19"},
        {"2019-11-20 12:32:13+08:00", "2019-11-20"},
        {"2019-11-20 3:15:00 -0800", "2019-11-20"},
        {"20191113", "2019-11-13"},
        {"2019\\/11\\/18 19:09 Monday", "2019-11-18"},
        {"01:38:07 PM IST Nov 20, 2019", "2019-11-20"},
        {"Fri Apr 20 2018 12:07:57 GMT+0000 (UTC)", "2018-04-20"},
        {"Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18"},
        {"November 19, 2019, 07:47 PM EST", "2019-11-19"},
        {"November 20, 2019 12:32", "2019-11-20"},
        {"Updated Nov. 19, 2019 8:21 am ET", "2019-11-19"},
        {"0001-01-01T00:00:00Z", ""},           // placeholder year
        {"11/19/2019", "2019-11-19"},           // m/d/y: only one order gives a month
        {"6:41 AM ET 11/20/19", "2019-11-20"},  // a two-digit year; only m/d gives a month
        {"1570701762", ""},                     // Unix time
        {"F j, Y", ""},
        {"{{post_date}}", ""},
        // Urdu text (makhzan-urdu, urdu-news-ha405).
        {"16 دسمبر 2014ء", "2014-12-16"},
        {"18 دسمبر2018ء", "2018-12-18"},
        {"۱۸ مارچ ۲۰۱۷ء", "2017-03-18"},
        {"۹؍نومبر ۱۸۷۷ء", "1877-11-09"},
        {"22 اپريل 1944", "1944-04-22"},
        {"18 اكتوبر 2007", "2007-10-18"},
        {"21 جنوری 2116", ""},  // typo in the source: beyond 2100
        {"۱۵ مارچ ۱۲۰۶ء", ""},  // before 1800
        {"۳۶ ستمبر ۲۰۰۶", ""},
        // makhzan-urdu <publication><name>, cacm.all .B, ARC and WARC headers.
        {"Mahnama Ishraq April 2000", "2000-04"},
        {"CACM December, 1958", "1958-12"},
        {"CACM JUly, 1962", "1962-07"},
        {"CACM July,1962", "1962-07"},
        {"Bunyad, Volume 9", ""},
        {"20140216050221", "2014-02-16"},
        {"2014-02-16T05:02:21Z", "2014-02-16"},
        {"Sun, 16 Feb 2014 05:02:20 GMT", "2014-02-16"},
    };
    check_table(table);
}

TEST_CASE("impossible, ambiguous and malformed dates are rejected") {
    const DateCase table[] = {
        {"", ""},
        {"   ", ""},
        {"02/05/2024", ""},
        {"2/5/2024", ""},
        {"13/05/2024", "2024-05-13"},  // only one order gives a month
        {"05/13/2024", "2024-05-13"},
        {"13.05.2024", "2024-05-13"},
        {"05/05/2024", "2024-05-05"},  // both orders give the same day
        {"13/13/2024", ""},
        {"13/05-2024", ""},          // two different separators
        {"13/05/2", ""},             // a one-digit year
        {"04/05/24", ""},            // a two-digit year, day and month either way
        {"13/05/24", "2024-05-13"},  // a two-digit year after '/': 1950-2049
        {"13.04.87", ""},            // not after '.' (versions: "Firefox 3.6.13 released")
        {"Firefox 3.6.13 released", ""},
        {"13-05-24", ""},  // not after '-' (bowling figures: "3-1-15")
        {"05-02-2024", ""},
        {"02.05.2024", ""},
        {"2024-13-01", ""},
        {"2024-00-10", ""},
        {"2024-05-00", ""},
        {"2024-04-31", ""},
        {"2017-02-29", ""},
        {"2016-02-29", "2016-02-29"},
        {"2000-02-29", "2000-02-29"},
        {"1900-02-29", ""},
        {"2100-02-29", ""},
        {"1800-01-01", "1800-01-01"},
        {"2100-12-31", "2100-12-31"},
        {"1799-12-31", ""},
        {"2101", ""},
        {"1799", ""},
        {"32 May 2024", ""},
        {"31 April 2024", ""},
        {"17", ""},
        {"May", ""},
        {"hello world", ""},
        {"2016 people died", ""},
        {"Vol 12, 2016", ""},
        {"Volume 2016", ""},  // a year alone must be the whole value
        {"(2016)", ""},
        {"12:30", ""},
        {"2024-05-02\xff", ""},
        {"\xc0\xaf", ""},
        {"2024\xed\xa0\x80", ""},
        {"\xf4\x90\x80\x80", ""},
        {"\xe0\xa4", ""},
    };
    check_table(table);
}

TEST_CASE("a numeric date that reads both ways is read in the order given, else refused") {
    using khabar::NumericOrder;
    const auto iso = [](std::string_view text, NumericOrder order) {
        const auto d = khabar::parse_date(text, order);
        return d ? d->iso() : std::string();
    };
    CHECK(iso("04/03/1987", NumericOrder::unknown).empty());
    CHECK(iso("04/03/1987", NumericOrder::month_first) == "1987-04-03");
    CHECK(iso("04/03/1987", NumericOrder::day_first) == "1987-03-04");
    CHECK(iso("Published 04/03/1987", NumericOrder::month_first) == "1987-04-03");
    CHECK(iso("۰۴/۰۳/۱۹۸۷", NumericOrder::day_first) == "1987-03-04");
    // An order never overrides what the numbers prove.
    CHECK(iso("04/23/1987", NumericOrder::day_first) == "1987-04-23");
    CHECK(iso("23/04/1987", NumericOrder::month_first) == "1987-04-23");
    // Dates with month names are not affected.
    CHECK(iso("3 April 1987", NumericOrder::month_first) == "1987-04-03");
    // Two-digit years, as South Asian papers print them: the same orders.
    CHECK(iso("Dated 01/04/87", NumericOrder::day_first) == "1987-04-01");
    CHECK(iso("اپ ڈیٹ: ۱۵/۰۹/۲۷", NumericOrder::unknown) == "2027-09-15");
}

TEST_CASE("numeric_orders_in: what the numeric dates of a text prove") {
    const auto seen = [](std::string_view text) {
        const khabar::NumericOrdersSeen s = khabar::numeric_orders_in(text);
        return std::string(s.day_first ? "d" : "") + (s.month_first ? "m" : "");
    };
    CHECK(seen("Published 04/23/1987 by staff") == "m");
    CHECK(seen("updated 23.04.1987") == "d");
    CHECK(seen("04/03/1987 and 4-4-1987") == "");  // ambiguous, or the same either way
    CHECK(seen("a: 13/04/1987, b: 04/13/1987") == "dm");
    CHECK(seen("version 1.13.2024b") == "");  // glued to a letter
    CHECK(seen("12/13/2024/5 and 113/04/1987") == "m");
    CHECK(seen("13/04/19870 or 13-04-87") == "");  // five digits; '-' before two
    CHECK(seen("14/09/27 and 01/02/03") == "d");   // two-digit years, as match_numeric
    CHECK(seen("version 2.13.10") == "");          // not after '.'
    CHECK(seen("version 2/13/10") == "m");
    CHECK(seen("") == "");
}

TEST_CASE("parse_date never throws and returns only valid dates on arbitrary input") {
    // Fragments that look like parts of dates, glued at random, plus raw random bytes.
    const std::string_view fragments[] = {
        "2024", "05",   "2",   "-",    "/",   ".", ",",        " ",           "T",
        "May",  "sept", "مئی", "۲۰۱۶", "ء",   "؍", ":",        "Z",           "+",
        "\xff", "\xd8", "31",  "02",   "Feb", "8", "20240229", "\xe2\x80\x8f"};
    std::uint64_t state = 88172645463325252ull;
    const auto next = [&state] {
        state ^= state << 13, state ^= state >> 7, state ^= state << 17;
        return state;
    };
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int parts = static_cast<int>(next() % 8);
        for (int p = 0; p < parts; ++p) {
            if (next() % 4 == 0) {
                text += static_cast<char>(next() % 256);
            } else {
                text += fragments[next() % std::size(fragments)];
            }
        }
        std::optional<Date> date;
        CHECK_NOTHROW(date = parse_date(text));
        CHECK_NOTHROW(parse_user_date(text));
        if (date) {
            CAPTURE(text);
            CHECK(date->year >= 1800);
            CHECK(date->year <= 2100);
            CHECK(parse_date(date->iso()) == date);  // what it gives, it reads back
        }
    }
}

TEST_CASE("huge input is rejected") {
    CHECK_FALSE(parse_date(std::string(1 << 20, '2')).has_value());
    CHECK_FALSE(parse_date("2024-05-02 " + std::string(1 << 20, 'x')).has_value());
    CHECK_FALSE(parse_date(std::string(1 << 20, '\xff')).has_value());
    CHECK_FALSE(parse_user_date(std::string(1 << 20, '2')).has_value());
    std::string spaced = std::string(1 << 20, ' ') + "2024-05-02" + std::string(1 << 20, ' ');
    CHECK(parse_date(spaced).has_value());  // surrounding whitespace is not content
}

TEST_CASE("parse_user_date gives the inclusive day range of YYYY, YYYY-MM or YYYY-MM-DD") {
    struct UserCase {
        std::string_view text;
        std::string_view first;  ///< "" = invalid
        std::string_view last;
    };
    const UserCase table[] = {
        {"2017", "20170101", "20171231"},
        {"2017-02", "20170201", "20170228"},
        {"2016-02", "20160201", "20160229"},
        {"2000-02", "20000201", "20000229"},
        {"1900-02", "19000201", "19000228"},
        {"2017-04", "20170401", "20170430"},
        {"2017-12", "20171201", "20171231"},
        {"2017-05-13", "20170513", "20170513"},
        {"2016-02-29", "20160229", "20160229"},
        {" 2017-05-13 ", "20170513", "20170513"},
        {"۲۰۱۷-۰۵", "20170501", "20170531"},
        {"2017-13", "", ""},
        {"2017-00", "", ""},
        {"17", "", ""},
        {"2017-02-30", "", ""},
        {"2017-02-29", "", ""},
        {"", "", ""},
        {"2017-5", "", ""},
        {"2017/05", "", ""},
        {"2017-05-13T00:00", "", ""},
        {"May 2017", "", ""},
        {"20170513", "", ""},
        {"2017 -05", "", ""},
        {"1799", "", ""},
        {"2101-01", "", ""},
        {"yesterday", "", ""},
        {"2017-05-13\xff", "", ""},
    };
    for (const UserCase& c : table) {
        CAPTURE(c.text);
        const auto range = parse_user_date(c.text);
        if (c.first.empty()) {
            CHECK_FALSE(range.has_value());
        } else {
            REQUIRE(range.has_value());
            CHECK(range->first == c.first);
            CHECK(range->last == c.last);
        }
    }
}

TEST_CASE("Date formats by precision and round-trips through the value slot") {
    struct FormatCase {
        Date date;
        std::string_view iso;
        std::string_view slot;
        char letter;
    };
    const FormatCase table[] = {
        {{2024, 5, 2, DatePrecision::day, ""}, "2024-05-02", "20240502", 'd'},
        {{2024, 5, 0, DatePrecision::month, ""}, "2024-05", "20240501", 'm'},
        {{1987, 0, 0, DatePrecision::year, ""}, "1987", "19870101", 'y'},
        {{}, "", "", '-'},
    };
    for (const FormatCase& c : table) {
        CAPTURE(c.iso);
        CHECK(c.date.iso() == c.iso);
        CHECK(c.date.slot_value() == c.slot);
        CHECK(c.date.precision_letter() == c.letter);
        CHECK(Date::from_slot(c.date.slot_value(), c.date.precision_letter()) == c.date);
        CHECK(c.date.known() == (c.letter != '-'));
    }
}

TEST_CASE("Date::from_slot rejects what it cannot read and keeps only the stated precision") {
    CHECK(Date::from_slot("20240502", 'y') == Date{2024, 0, 0, DatePrecision::year, ""});
    CHECK(Date::from_slot("20240502", 'm') == Date{2024, 5, 0, DatePrecision::month, ""});
    CHECK_FALSE(Date::from_slot("2024050", 'd').known());
    CHECK_FALSE(Date::from_slot("202405021", 'd').known());
    CHECK_FALSE(Date::from_slot("2024-5-2", 'd').known());
    CHECK_FALSE(Date::from_slot("20241301", 'm').known());
    CHECK_FALSE(Date::from_slot("20240500", 'd').known());
    CHECK_FALSE(Date::from_slot("20240502", 'x').known());
    CHECK_FALSE(Date::from_slot("", '-').known());
    CHECK(Date{2024, 5, 2, DatePrecision::month, "x"}.slot_value() == "20240501");
}
