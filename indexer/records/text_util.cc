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

char32_t cp1252_to_unicode(unsigned char b) {
    if (b < 0x80 || b >= 0xA0) return b;
    char16_t cp = kCp1252High[b - 0x80];
    return cp ? cp : 0xFFFD;
}

}  // namespace

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

std::vector<std::string_view> split_lines(std::string_view s, std::size_t max) {
    std::vector<std::string_view> lines;
    while (!s.empty() && lines.size() < max) {
        const std::size_t nl = std::min(s.find('\n'), s.size());
        lines.push_back(s.substr(0, nl));
        s.remove_prefix(std::min(nl + 1, s.size()));
    }
    return lines;
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

/// CRLF and lone CR become LF.
std::string normalize_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t cr = s.find('\r', i);
        if (cr == std::string_view::npos) cr = s.size();
        out.append(s.substr(i, cr - i));
        if (cr >= s.size()) break;
        out += '\n';
        i = cr + 1 + (cr + 1 < s.size() && s[cr + 1] == '\n');
    }
    return out;
}

std::string text_from_bytes(std::string bytes) {
    fix_utf8(bytes);
    return normalize_newlines(trim(strip_bom(bytes)));
}

}  // namespace khabar::records
