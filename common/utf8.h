/** @file
 * @brief UTF-8 validation and encoding, byte-level (the record readers, the stored-record decoder
 *        and the JSON writer share them).
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace khabar {

/// True when s is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view s);
/// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);
/// Appends code point cp to out as UTF-8 (invalid code points become U+FFFD). Inline: the
/// normalizer and tokenizer call it for every code point they write.
inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
        return;
    }
    if (cp < 0x800) {  // Arabic script: most of an Urdu text
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        return;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}
/// Index of the first non-ASCII byte at or after i (8 bytes at a time).
std::size_t skip_ascii(std::string_view s, std::size_t i);

}  // namespace khabar
