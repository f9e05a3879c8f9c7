/** @file
 * @brief Xapian's term scanning rules (TermGenerator / QueryParser, Xapian 1.4): word characters
 *        by Unicode general category, capital initials (U.S.), infixes (AT&T, don't, 1,000, 3.5),
 *        suffixes (C++, C#), zero-width characters ignored inside words.
 */
#include "analysis/tokenizer.h"

#include "utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

namespace khabar {

namespace {

constexpr unsigned kIgnore = 0xFFFFFFFFu;  // an infix that joins but adds nothing (zero-width)

/// Xapian's Unicode::is_wordchar: letters, marks, numbers and connector punctuation.
inline bool is_wordchar(UChar32 c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    }
    if (c < 0) return false;
    switch (u_charType(c)) {
        case U_UPPERCASE_LETTER:
        case U_LOWERCASE_LETTER:
        case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
        case U_NON_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_COMBINING_SPACING_MARK:
        case U_DECIMAL_DIGIT_NUMBER:
        case U_LETTER_NUMBER:
        case U_OTHER_NUMBER:
        case U_CONNECTOR_PUNCTUATION:
            return true;
        default:
            return false;
    }
}

inline bool is_digit(UChar32 c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return c > 0 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER;
}

inline bool is_upper(UChar32 c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return c > 0 && u_charType(c) == U_UPPERCASE_LETTER;
}

inline UChar32 to_lower(UChar32 c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return u_tolower(c);
}

inline bool is_zero_width(UChar32 c) {
    return c >= 0x200b && (c <= 0x200d || c == 0x2060 || c == 0xfeff);
}

/// Characters Xapian keeps between two word characters (AT&T, don't).
unsigned check_infix(UChar32 c) {
    if (c == '\'' || c == '&' || c == 0xb7 || c == 0x5f4 || c == 0x2027) return c;
    if (c == 0x2019 || c == 0x201b) return '\'';
    if (is_zero_width(c)) return kIgnore;
    return 0;
}

/// Characters Xapian keeps between two digits (1,000  3.5).
unsigned check_infix_digit(UChar32 c) {
    switch (c) {
        case ',':
        case '.':
        case ';':
        case 0x037e:
        case 0x0589:
        case 0x060D:
        case 0x07F8:
        case 0x2044:
        case 0xFE10:
        case 0xFE13:
        case 0xFE14:
            return c;
    }
    if (is_zero_width(c)) return kIgnore;
    return 0;
}

/// Appends c as UTF-8 (common/utf8.h); nothing for a negative value (an ill-formed sequence).
inline void append_utf8(std::string& out, UChar32 c) {
    if (c >= 0) khabar::append_utf8(out, static_cast<char32_t>(c));
}

struct Cursor {
    const uint8_t* s;
    int32_t len;
    /// Code point at i (U+FFFD for invalid bytes) and the index after it.
    UChar32 at(int32_t i, int32_t* next) const {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        *next = i;
        return c < 0 ? 0xFFFD : c;
    }
};

}  // namespace

bool scan_xapian_term(std::string_view text, std::size_t& pos, Token& tok) {
    Cursor cur{reinterpret_cast<const uint8_t*>(text.data()), static_cast<int32_t>(text.size())};
    int32_t i = static_cast<int32_t>(pos), nx = 0;
    const int32_t end = cur.len;
    UChar32 ch = 0;
    // Advance to the start of the next term.
    while (true) {
        if (i >= end) {
            pos = static_cast<std::size_t>(end);
            return false;
        }
        ch = cur.at(i, &nx);
        if (is_wordchar(ch)) break;
        i = nx;
    }
    std::string& term = tok.term;
    term.clear();
    tok.start = static_cast<uint32_t>(i);

    // Initials separated by '.' (U.S., U.N.C.L.E.): at least two letters, no word char after.
    if (is_upper(ch)) {
        int32_t p = i, q = 0;
        while (true) {
            UChar32 c = cur.at(p, &q);
            append_utf8(term, to_lower(c));
            p = q;
            if (p >= end) break;
            UChar32 dot = cur.at(p, &q);
            if (dot != '.') break;
            p = q;
            if (p >= end) break;
            UChar32 up = cur.at(p, &q);
            if (!is_upper(up)) break;
        }
        if (term.size() > 1) {
            UChar32 after = p < end ? cur.at(p, &q) : 0;
            if (p >= end || !is_wordchar(after)) {
                tok.end = static_cast<uint32_t>(p);
                pos = static_cast<std::size_t>(p);
                // The end offset of the term's text excludes a final '.'.
                while (tok.end > tok.start && text[tok.end - 1] == '.') --tok.end;
                return true;
            }
        }
        term.clear();
    }

    UChar32 prevch = 0;
    int32_t term_end = i;
    while (true) {
        do {
            append_utf8(term, to_lower(ch));
            prevch = ch;
            i = nx;
            term_end = i;
            if (i >= end) goto endofterm;
            ch = cur.at(i, &nx);
        } while (is_wordchar(ch));
        // ch is a non-word character at i; nx is after it.
        {
            if (nx >= end) break;
            int32_t after_next = 0;
            UChar32 nextch = cur.at(nx, &after_next);
            if (!is_wordchar(nextch)) break;
            unsigned infix =
                (is_digit(prevch) && is_digit(nextch)) ? check_infix_digit(ch) : check_infix(ch);
            if (!infix) break;
            if (infix != kIgnore) append_utf8(term, static_cast<UChar32>(infix));
            ch = nextch;
            i = nx;
            nx = after_next;
        }
    }
    {
        // Suffixes: C++, C#. Not fish+chips.
        std::size_t len = term.size();
        int32_t len_end = term_end;
        unsigned count = 0;
        while (ch == '+' || ch == '#') {
            if (++count > 3) {
                term.resize(len);
                term_end = len_end;
                break;
            }
            term.push_back(static_cast<char>(ch));
            i = nx;
            term_end = i;
            if (i >= end) goto endofterm;
            ch = cur.at(i, &nx);
        }
        if (is_wordchar(ch)) {
            term.resize(len);
            term_end = len_end;
        }
    }
endofterm:
    tok.end = static_cast<uint32_t>(term_end);
    pos = static_cast<std::size_t>(i);
    return true;
}

namespace {

/// Per byte: 1 for an ASCII word character (letters, digits, '_'), else 0.
constexpr std::array<unsigned char, 256> ascii_word_table = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[c] =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return t;
}();
inline bool ascii_word(char c) {
    return ascii_word_table[static_cast<unsigned char>(c)] != 0;
}
inline bool ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
inline bool ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
inline char ascii_lower(char c) {
    return ascii_upper(c) ? static_cast<char>(c + 32) : c;
}

}  // namespace

bool scan_ascii_term(std::string_view text, std::size_t& pos, Token& tok,
                     const FirstBytes* wanted) {
    // scan_xapian_term's steps, on bytes: every character is one byte, and of the infixes only
    // ' & (between word characters) and , . ; (between digits) are ASCII. Past the initials, the
    // term is its text lowercased (infixes and suffixes are kept as they are): found first, then
    // copied once.
    const std::size_t end = text.size();
    std::size_t i = pos;
    while (i < end && !ascii_word(text[i])) ++i;
    if (i >= end) {
        pos = end;
        return false;
    }
    std::string& term = tok.term;
    term.clear();
    tok.start = static_cast<uint32_t>(i);
    // Every term starts with its first byte, lowercased (initials too).
    const bool keep = !wanted || wanted->test(static_cast<unsigned char>(ascii_lower(text[i])));
    if (ascii_upper(text[i])) {  // initials: U.S.
        std::size_t p = i, letters = 0;
        while (true) {
            if (keep) term.push_back(ascii_lower(text[p]));
            ++letters;
            ++p;
            if (p >= end || text[p] != '.') break;
            ++p;
            if (p >= end || !ascii_upper(text[p])) break;
        }
        if (letters > 1 && (p >= end || !ascii_word(text[p]))) {
            tok.end = static_cast<uint32_t>(p);
            pos = p;
            while (tok.end > tok.start && text[tok.end - 1] == '.') --tok.end;
            return true;
        }
    }
    std::size_t term_end = i;
    while (true) {
        while (i < end && ascii_word(text[i])) ++i;
        const char prevch = text[i - 1];
        term_end = i;
        if (i >= end) break;
        // text[i] is not a word character.
        if (i + 1 >= end || !ascii_word(text[i + 1])) break;
        const char c = text[i];
        const bool infix = ascii_digit(prevch) && ascii_digit(text[i + 1])
                               ? (c == ',' || c == '.' || c == ';')
                               : (c == '\'' || c == '&');
        if (!infix) break;
        ++i;
    }
    if (i < end) {
        // Suffixes: C++, C#. Not fish+chips.
        const std::size_t len_end = term_end;
        unsigned count = 0;
        while (i < end && (text[i] == '+' || text[i] == '#')) {
            if (++count > 3) {
                term_end = len_end;
                break;
            }
            ++i;
            term_end = i;
        }
        if (i < end && ascii_word(text[i])) term_end = len_end;
    }
    if (keep) {
        term.assign(text.data() + tok.start, term_end - tok.start);
        for (char& c : term) c = ascii_lower(c);
    }
    tok.end = static_cast<uint32_t>(term_end);
    pos = i;
    return true;
}

}  // namespace khabar
