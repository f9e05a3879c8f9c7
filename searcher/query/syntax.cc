/** @file
 * @brief The query language's tables, its date filter, its word splitter and its help.
 */
#include "query/syntax.h"

#include <algorithm>

#include <fmt/format.h>

#include "database/schema.h"
#include "dates/date_parser.h"
#include "error.h"

namespace khabar::syntax {

bool is_operator_word(std::string_view w) {
    for (const Operator& op : operators) {
        if (w == op.word) return true;
        if (op.distance && w.size() > op.word.size() + 1 &&
            w.substr(0, op.word.size()) == op.word && w[op.word.size()] == '/')
            return true;
    }
    return false;
}

bool starts_with_operator(std::string_view w) {
    for (const Operator& op : operators)
        if (op.distance ? w.substr(0, op.word.size()) == op.word : w == op.word) return true;
    return false;
}

bool is_lowercased_operator(std::string_view term) {
    for (const Operator& op : operators) {
        if (term.size() != op.word.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < term.size(); ++i)
            same = same && term[i] == static_cast<char>(op.word[i] - 'A' + 'a');
        if (same) return true;
    }
    return false;
}

const Field* find_field(std::string_view name) {
    for (const Field& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

std::string fields_text() {
    std::string out;
    for (const Field& f : fields) out += (out.empty() ? "" : " ") + std::string(f.name) + ":";
    return out;
}

std::optional<DateTerms> date_terms_of(const Xapian::Database& db) {
    const Xapian::doccount dated = db.get_value_freq(schema::slot_date);
    if (dated == 0) return std::nullopt;
    const std::string prefix(schema::prefix_year);
    Xapian::doccount with_terms = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        with_terms += t.get_termfreq();
    if (with_terms != dated) return std::nullopt;
    DateTerms span{db.get_value_lower_bound(schema::slot_date),
                   db.get_value_upper_bound(schema::slot_date)};
    const auto is_day = [](const std::string& v) {
        return v.size() == 8 &&
               std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!is_day(span.first) || !is_day(span.last)) return std::nullopt;  // not a khabar date slot
    return span;
}

namespace {

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/// The year, month and day terms that select the articles dated in [first, last] ("YYYYMMDD",
/// inclusive, within `span`): whole years where they fit, then whole months, then days. A tile
/// may reach beyond the range where the database has no date (before span.first, after
/// span.last): `1987` in a database starting 1987-02-26 is the year term alone.
std::vector<Xapian::Query> tiling_terms(const std::string& first, const std::string& last,
                                        const DateTerms& span) {
    const auto number = [](int y, int m, int d) { return y * 10000 + m * 100 + d; };
    const int end = std::stoi(last), span_end = std::stoi(span.last);
    int y = std::stoi(first.substr(0, 4)), m = std::stoi(first.substr(4, 2)),
        d = std::stoi(first.substr(6, 2));
    // Nothing is dated before the first day: the first tile may start before it.
    bool at_start = first == span.first;
    const auto fits = [&](int tile_end) { return std::min(tile_end, span_end) <= end; };
    const auto next_month = [&] {
        d = 1;
        if (++m > 12) m = 1, ++y;
    };
    std::vector<Xapian::Query> terms;
    while (number(y, m, d) <= end) {
        if (d > days_in_month(y, m)) {
            next_month();
            continue;
        }
        if ((at_start || (m == 1 && d == 1)) && fits(number(y, 12, 31))) {
            terms.emplace_back(std::string(schema::prefix_year) + fmt::format("{:04}", y));
            ++y, m = 1, d = 1;
        } else if ((at_start || d == 1) && fits(number(y, m, days_in_month(y, m)))) {
            terms.emplace_back(std::string(schema::prefix_month) + fmt::format("{:04}{:02}", y, m));
            next_month();
        } else {
            terms.emplace_back(std::string(schema::prefix_day) +
                               fmt::format("{:04}{:02}{:02}", y, m, d));
            ++d;
        }
        at_start = false;
    }
    return terms;
}

/// A filter no article passes. Not Xapian::Query::MatchNothing: that is the empty query, which
/// a filter list drops as "no filter", so a range the database has no date in would match all.
Xapian::Query no_date() {
    return Xapian::Query(std::string(schema::prefix_day) + "00000000");  // a day never written
}

}  // namespace

Xapian::Query date_range_query(const DayRange& r, const std::optional<DateTerms>& terms) {
    if (r.first.empty() && r.last.empty()) return Xapian::Query();
    if (!r.first.empty() && !r.last.empty() && r.first > r.last) return no_date();
    if (terms) {
        const std::string first = std::max(r.first, terms->first);
        const std::string last = r.last.empty() ? terms->last : std::min(r.last, terms->last);
        const std::vector<Xapian::Query> tiles =
            first <= last ? tiling_terms(first, last, *terms) : std::vector<Xapian::Query>{};
        if (tiles.empty()) return no_date();
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                             Xapian::Query(Xapian::Query::OP_OR, tiles.begin(), tiles.end()), 0.0);
    }
    if (!r.first.empty() && !r.last.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, r.first, r.last);
    if (!r.first.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_date, r.first);
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot_date, r.last);
}

DayRange date_filter_range(const std::string& text) {
    static constexpr const char* hint = "use YYYY, YYYY-MM or YYYY-MM-DD, or FROM..TO";
    const auto dots = text.find("..");
    const std::string a = dots == std::string::npos ? text : text.substr(0, dots);
    const std::string b = dots == std::string::npos ? text : text.substr(dots + 2);
    DayRange range;
    if (!a.empty()) {
        auto r = parse_user_date(a);
        if (!r) throw Error("bad date '" + a + "' in date:" + text, hint);
        range.first = r->first;
    }
    if (!b.empty()) {
        auto r = parse_user_date(b);
        if (!r) throw Error("bad date '" + b + "' in date:" + text, hint);
        range.last = r->last;
    }
    if (range.first.empty() && range.last.empty())
        throw Error("empty date range in date:" + text, "");
    if (!range.first.empty() && !range.last.empty() && range.first > range.last)
        throw Error("date:" + text + " ends before it starts", "write FROM..TO, the earlier first");
    return range;
}

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    int depth = 0;
    bool quoted = false, in_word = false;
    for (char c : text) {
        if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
            in_word = false;
            continue;
        }
        if (!in_word) words.push_back({std::string(), depth == 0 && !quoted});
        in_word = true;
        if (c == '"') quoted = !quoted;
        if (!quoted && c == '(') ++depth;
        if (!quoted && c == ')' && depth > 0) --depth;
        words.back().text += c;
    }
    return words;
}

std::vector<std::string> word_texts(std::string_view text) {
    std::vector<std::string> out;
    for (auto& w : split_words(text)) out.push_back(std::move(w.text));
    return out;
}

bool balanced(std::string_view text) {
    int depth = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == '(') ++depth;
        if (!quoted && c == ')' && depth > 0) --depth;
    }
    return !quoted && depth == 0;
}

const Field* filter_of(std::string_view word) {
    const auto colon = word.find(':');
    if (colon == std::string_view::npos || colon + 1 >= word.size()) return nullptr;
    const Field* f = find_field(word.substr(0, colon));
    return f && f->kind != FieldKind::text ? f : nullptr;
}

namespace {

/// A row of the help: an example, then what it does (lines after the first indented).
struct HelpRow {
    std::string_view example;
    std::string_view meaning;
};

constexpr HelpRow help_rows[] = {
    {"cocoa prices",
     "all the words, in the title or body; words are stemmed:\nelection also finds elections"},
    {"\"interest rates\"", "exact phrase, unstemmed (\"elections\": only that form)"},
    {"oil OR gas", "either;  oil AND gas  both (the default)"},
    {"oil XOR gas", "one of them but not both"},
    {"oil NOT iran", "without iran (also oil -iran);  +oil  oil is required"},
    {"(oil OR gas) prices", "grouping"},
    {"oil NEAR prices", "within 10 words of each other (NEAR/5: within 5)"},
    {"oil ADJ prices", "the same, in this order (ADJ/3: within 3)"},
    {"infla*", "words starting with infla (an error if over 500 do)"},
    {"title:cocoa", "in the title;  title:(oil OR gas)  author:smith"},
    {"lang:ur  source:reuters  section:sports     ", "only articles with that value"},
    {"date:1987  date:1987-03  date:1987-03-02    ", "only that year, month or day"},
    {"date:1987-03..1987-04  date:..1987-06  date:1987-04..    ", "ranges, inclusive"},
    {"وزیراعظم پاکستان",
     "Urdu: Arabic or Urdu letter forms (ي/ی ك/ک ه/ہ),\ndiacritics, Urdu or Arabic digits all "
     "match;\nوزیراعظم finds \"وزیر اعظم\" and back; انہوں/انھوں,\nلئے/لیے, کیلئے/کے لیے are "
     "searched together"},
};

constexpr std::size_t example_width = 21;  ///< columns of the example column

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

std::string help_text() {
    std::string out =
        "Query language (operators in CAPITALS; everything else is case-insensitive):\n";
    const std::string indent(2 + example_width, ' ');
    for (const HelpRow& row : help_rows) {
        out += "  ";
        out += row.example;
        const std::size_t w = code_points(row.example);
        if (w < example_width) out += std::string(example_width - w, ' ');
        for (char c : row.meaning) {
            out += c;
            if (c == '\n') out += indent;
        }
        out += '\n';
    }
    std::string filters;
    for (const Field& f : fields)
        if (f.kind != FieldKind::text)
            filters += (filters.empty() ? "" : " ") + std::string(f.name) + ":";
    out += "Filters (" + filters +
           ") apply to the whole query wherever\n"
           "they are written, except inside brackets. U.S., u.s. and US are the same.\n"
           "A query that cannot be parsed (an unbalanced quote or bracket, a stray\n"
           "operator) is searched as plain words, with a note on stderr. --analyze\n"
           "shows how a query is read.\n";
    return out;
}

}  // namespace khabar::syntax
