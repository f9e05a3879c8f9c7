/** @file
 * @brief Documentation and data files told from articles by their lines and punctuation.
 *
 * Calibrated on the shared corpora: in the 2225 BBC articles (paragraphs as long lines, some
 * with lists of fixtures or seeds) lines of 60+ bytes carry at least 65% of the text and ASCII
 * symbols are at most 10% of the non-space characters; Reuters-21578's cat-descriptions (a list
 * of category names) has 24% of its text in long lines, feldman-cia-worldfactbook-data.txt
 * (Prolog facts) 27% symbols.
 */
#include "entries/documentation.h"

#include <cstddef>

namespace khabar {

namespace {

constexpr std::size_t kMinLines = 30;    ///< fewer non-empty lines: never judged
constexpr std::size_t kLongLine = 60;    ///< bytes: a line of prose, even hard-wrapped
constexpr double kMinProseShare = 0.4;   ///< of the text in long lines, for an article
constexpr double kMaxSymbolShare = 0.2;  ///< of non-space characters, for an article

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

}  // namespace

std::string not_prose_reason(std::string_view head) {
    std::size_t lines = 0, text_bytes = 0, long_bytes = 0, symbols = 0, visible = 0;
    std::size_t start = 0;
    while (start < head.size()) {
        std::size_t end = head.find('\n', start);
        if (end == std::string_view::npos) end = head.size();
        std::string_view line = head.substr(start, end - start);
        start = end + 1;
        while (!line.empty() && is_space(static_cast<unsigned char>(line.front())))
            line.remove_prefix(1);
        while (!line.empty() && is_space(static_cast<unsigned char>(line.back())))
            line.remove_suffix(1);
        if (line.empty()) continue;
        ++lines;
        text_bytes += line.size();
        if (line.size() >= kLongLine) long_bytes += line.size();
        for (unsigned char c : line) {
            if (is_space(c)) continue;
            ++visible;
            symbols += is_symbol(c);
        }
    }
    if (lines < kMinLines) return "";
    if (static_cast<double>(symbols) > kMaxSymbolShare * static_cast<double>(visible))
        return "data or code, not an article";
    if (static_cast<double>(long_bytes) < kMinProseShare * static_cast<double>(text_bytes))
        return "a list of short lines, not an article";
    return "";
}

}  // namespace khabar
