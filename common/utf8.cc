/** @file
 * @brief UTF-8 validation and encoding.
 */
#include "utf8.h"

#include <cstdint>
#include <cstring>

namespace khabar {

namespace {

bool is_cont(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

}  // namespace

std::size_t skip_ascii(std::string_view s, std::size_t i) {
    while (i + 8 <= s.size()) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (w & 0x8080808080808080ULL) break;
        i += 8;
    }
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    return i;
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
    std::size_t left = s.size() - i;
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return left >= 2 && is_cont(p[1]) ? 2 : 0;
    if (c < 0xF0) {
        if (left < 3 || !is_cont(p[1]) || !is_cont(p[2])) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
        if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c > 0xF4 || left < 4 || !is_cont(p[1]) || !is_cont(p[2]) || !is_cont(p[3])) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // past U+10FFFF
    return 4;
}

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t size = s.size();
    std::size_t i = 0;
    while ((i = skip_ascii(s, i)) < size) {
        // Runs of two-byte letters (Arabic script, Latin accents) stay in this inner loop.
        while (i + 1 < size && p[i] >= 0xC2 && p[i] < 0xE0 && is_cont(p[i + 1])) {
            i += 2;
            while (i < size && p[i] < 0x80) ++i;  // spaces and punctuation between
        }
        if (i >= size) break;
        if (p[i] < 0x80) continue;
        std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

}  // namespace khabar
