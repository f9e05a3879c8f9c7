/** @file
 * @brief Small byte-level text helpers shared by the record readers (UTF-8 repair, trimming).
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "utf8.h"

namespace khabar::records {

using khabar::append_utf8;  // common/utf8.h
using khabar::skip_ascii;
using khabar::utf8_sequence_length;
using khabar::valid_utf8;

/// s with every byte that is not part of a well-formed UTF-8 sequence read as Windows-1252
/// (Latin-1 for 0xA0..0xFF) and re-encoded as UTF-8; undefined cp1252 bytes become U+FFFD.
std::string repair_utf8(std::string_view s);
/// Repairs s in place only when it is not valid UTF-8 (one fast validation pass otherwise).
void fix_utf8(std::string& s);
/// Number of U+FFFD REPLACEMENT CHARACTERs in UTF-8 text: bytes that could not be decoded.
std::size_t count_replacements(std::string_view s);
/// Number of code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view s);

inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
/// Position of the first a or b in s at or after pos, or npos. (string_view::find_first_of with a
/// set calls memchr once per byte of s.)
inline std::size_t find_either(std::string_view s, char a, char b, std::size_t pos = 0) {
    for (std::size_t i = pos; i < s.size(); ++i)
        if (s[i] == a || s[i] == b) return i;
    return std::string_view::npos;
}
/// s without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view s);
/// The lines of s (split at '\n', without it), at most `max` of them: views into s.
std::vector<std::string_view> split_lines(std::string_view s,
                                          std::size_t max = static_cast<std::size_t>(-1));
/// Removes leading and trailing ASCII whitespace from s without reallocating.
void trim_in_place(std::string& s);
/// s without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view s);
/// CRLF and lone CR become LF.
std::string normalize_newlines(std::string_view s);
/// The bytes of a text page as its text: invalid UTF-8 replaced (fix_utf8), a BOM and the blanks
/// around it trimmed, newlines as LF. What the text reader and a crawl's text records start from.
std::string text_from_bytes(std::string bytes);
/// Runs of ASCII whitespace become one space; the result is trimmed.
std::string collapse_spaces(std::string_view s);
/// ASCII lower-case copy.
std::string to_lower_ascii(std::string_view s);
/// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);
/// ASCII case-insensitive suffix test.
bool iends_with(std::string_view s, std::string_view suffix);

}  // namespace khabar::records
