/** @file
 * @brief UTF-8 validation and Windows-1252 repair, trimming and ASCII case helpers.
 */
#include "records/text_util.h"

#include <cstdint>
#include <cstring>

namespace khabar::records {

namespace {

/// Windows-1252 code points for bytes 0x80..0x9F (0 = undefined in cp1252).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_cont(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

/// Index of the first non-ASCII byte at or after i (8 bytes at a time).
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

char32_t cp1252_to_unicode(unsigned char b) {
    if (b < 0x80 || b >= 0xA0) return b;
    char16_t cp = kCp1252High[b - 0x80];
    return cp ? cp : 0xFFFD;
}

}  // namespace

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

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t ascii_end = skip_ascii(s, i);
        out.append(s.data() + i, ascii_end - i);
        i = ascii_end;
        if (i >= s.size()) break;
        if (std::size_t n = utf8_sequence_length(s, i)) {
            out.append(s.data() + i, n);
            i += n;
        } else {
            append_utf8(out, cp1252_to_unicode(static_cast<unsigned char>(s[i])));
            ++i;
        }
    }
    return out;
}

std::size_t count_replacements(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t p = 0; (p = s.find("\xEF\xBF\xBD", p)) != std::string_view::npos; p += 3) ++n;
    return n;
}

void fix_utf8(std::string& s) {
    if (!valid_utf8(s)) s = repair_utf8(s);
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += !is_cont(static_cast<unsigned char>(c));
    return n;
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

void trim_in_place(std::string& s) {
    std::size_t e = s.size();
    while (e > 0 && is_space(s[e - 1])) --e;
    s.resize(e);
    std::size_t b = 0;
    while (b < s.size() && is_space(s[b])) ++b;
    if (b) s.erase(0, b);
}

std::string_view strip_bom(std::string_view s) {
    if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.remove_prefix(3);
    return s;
}

std::string collapse_spaces(std::string_view s) {
    s = trim(s);
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

bool iends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

}  // namespace khabar::records
