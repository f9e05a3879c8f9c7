/** @file
 * @brief Documentation and data files told from articles by their lines and punctuation.
 *
 * A list has no paragraphs: few sentences and little text in long lines. Calibrated on the
 * 2225 BBC articles and the 494 scraped text pages of testdata/chrome (texts of 30+ lines): at
 * least 0.044 sentence ends per line, and ASCII symbols at most 10% of the non-space characters;
 * scraped pages can have as little as 25% of their text in lines of 60+ bytes (navigation), BBC
 * articles with lists of fixtures 65%. Reuters-21578's cat-descriptions (a list of category names)
 * has 0.007 sentence ends per line and 24% of its text in long lines;
 * feldman-cia-worldfactbook-data.txt (Prolog facts) 27% symbols. A list with a short line that
 * is a day's date and figures on a quarter of its lines is a news page (a scraped earnings table
 * under "Last updated on 20th October 1987"); data files and category lists are not both.
 */
#include "entries/documentation.h"

#include <algorithm>
#include <cstddef>

#include "dates/date_parser.h"

namespace khabar {

namespace {

constexpr std::size_t kMinLines = 30;          ///< fewer non-empty lines: never judged
constexpr std::size_t kLongLine = 60;          ///< bytes: a line of prose, even hard-wrapped
constexpr double kMinProseShare = 0.4;         ///< of the text in long lines, or else
constexpr double kMinSentencesPerLine = 0.02;  ///< sentence ends, for an article
constexpr double kMaxSymbolShare = 0.2;        ///< of non-space characters, for an article

bool is_symbol(unsigned char c) {
    switch (c) {
        case '"':
        case '\'':
        case '(':
        case ')':
        case '[':
        case ']':
        case '{':
        case '}':
        case '<':
        case '>':
        case '=':
        case ',':
        case ';':
        case ':':
        case '|':
        case '\\':
        case '/':
        case '_':
        case '*':
        case '#':
        case '@':
        case '$':
        case '%':
        case '^':
        case '&':
        case '~':
        case '`':
        case '+':
            return true;
        default:
            return false;
    }
}

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/// Sentence ends in a line: `.` `?` `!` after a lowercase or non-ASCII letter or `)`, before a
/// space or the line's end, and every Urdu full stop (U+06D4).
std::size_t sentence_ends(std::string_view line) {
    std::size_t n = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        const auto before = static_cast<unsigned char>(line[i - 1]);
        if (c == 0x94 && before == 0xDB) {  // U+06D4 ARABIC FULL STOP, UTF-8 DB 94
            ++n;
            continue;
        }
        if (c != '.' && c != '?' && c != '!') continue;
        const bool after_word = (before >= 'a' && before <= 'z') || before == ')' || before >= 0x80;
        if (after_word &&
            (i + 1 == line.size() || is_space(static_cast<unsigned char>(line[i + 1]))))
            ++n;
    }
    return n;
}

/// Calls `f` on each line of `head` with its surrounding white space trimmed, blank lines left
/// out.
template <typename F>
void for_each_line(std::string_view head, F f) {
    for (std::size_t start = 0; start < head.size();) {
        const std::size_t end = std::min(head.find('\n', start), head.size());
        std::string_view line = head.substr(start, end - start);
        start = end + 1;
        while (!line.empty() && is_space(static_cast<unsigned char>(line.front())))
            line.remove_prefix(1);
        while (!line.empty() && is_space(static_cast<unsigned char>(line.back())))
            line.remove_suffix(1);
        if (!line.empty()) f(line);
    }
}

/// A table under a dateline: a short line that is a day's date ("Last updated on 20th October
/// 1987"), and figures on a quarter of the lines or more ("Shr 1.72 dlrs vs 87 cts"). A list of
/// names or codes with a "Last updated" line has no figures.
bool dated_table(std::string_view head) {
    std::size_t lines = 0, figures = 0;
    bool dated = false;
    for_each_line(head, [&](std::string_view line) {
        ++lines;
        figures += line.find_first_of("0123456789") != std::string_view::npos;
        if (!dated && line.size() < kLongLine)
            if (const auto d = parse_date(line); d && d->precision == DatePrecision::day)
                dated = true;
    });
    return dated && 4 * figures >= lines;
}

}  // namespace

std::string not_prose_reason(std::string_view head) {
    std::size_t lines = 0, text_bytes = 0, long_bytes = 0, symbols = 0, visible = 0, sentences = 0;
    for_each_line(head, [&](std::string_view line) {
        ++lines;
        text_bytes += line.size();
        if (line.size() >= kLongLine) long_bytes += line.size();
        sentences += sentence_ends(line);
        for (unsigned char c : line) {
            if (is_space(c)) continue;
            ++visible;
            symbols += is_symbol(c);
        }
    });
    if (lines < kMinLines) return "";
    if (static_cast<double>(symbols) > kMaxSymbolShare * static_cast<double>(visible))
        return "data or code, not an article";
    // A page whose story is a table (an earnings report, results) under its dateline is news.
    if (static_cast<double>(long_bytes) < kMinProseShare * static_cast<double>(text_bytes) &&
        static_cast<double>(sentences) < kMinSentencesPerLine * static_cast<double>(lines) &&
        !dated_table(head))
        return "a list of short lines, not an article";
    return "";
}

}  // namespace khabar
