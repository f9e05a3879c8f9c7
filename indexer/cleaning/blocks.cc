/** @file
 * @brief Block splitting and block shapes (normalize, fold case, digits to '#', month names).
 */
#include "cleaning/blocks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <memory>
#include <span>
#include <unordered_map>

#include "analysis/normalizer.h"
#include "dates/date_parser.h"

namespace khabar::cleaning {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/// A line's span without surrounding blanks.
Span trim_span(std::string_view text, std::size_t begin, std::size_t end) {
    while (begin < end && is_blank(text[begin])) ++begin;
    while (end > begin && is_blank(text[end - 1])) --end;
    return {begin, end};
}

/// Code points in a byte range of UTF-8 text (continuation bytes are not counted).
std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// Code points of the first word of a line.
std::size_t first_word_length(std::string_view line) {
    return code_points(line.substr(0, line.find(' ')));
}

bool ends_sentence(std::string_view line) {
    while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')'))
        line.remove_suffix(1);
    return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' ||
                             line.back() == ':' || line.ends_with("\xDB\x94"));
}

/// The widest line of a paragraph, in characters.
std::size_t widest_line(std::string_view text, const std::vector<Span>& lines) {
    std::size_t widest = 0;
    for (const Span& l : lines)
        widest = std::max(widest, code_points(text.substr(l.begin, l.size())));
    return widest;
}

/// A line of at most sixteen words and marks, not ending a sentence, that parse_date reads as a
/// day.
bool short_date_line(std::string_view line) {
    std::size_t tokens = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
        tokens += line[i] != ' ' && (i == 0 || line[i - 1] == ' ');
    if (ends_sentence(line) || tokens > 16) return false;
    const auto d = parse_date(line, NumericOrder::day_first);
    return d && d->precision == DatePrecision::day;
}

/// True when the break after line k was forced by the wrap width: the line does not end a
/// sentence and the next line's first word would not have fitted on it.
bool forced_break(std::string_view text, const std::vector<Span>& lines, std::size_t k,
                  std::size_t width) {
    const std::string_view line = text.substr(lines[k].begin, lines[k].size());
    const std::string_view next = text.substr(lines[k + 1].begin, lines[k + 1].size());
    if (ends_sentence(line) || code_points(line) + 1 + first_word_length(next) <= width)
        return false;
    // A list's next item ("- ", "* ", "• "): a line of its own, however wide the one above.
    for (std::string_view bullet : {"- ", "* ", "+ ", "\xE2\x80\xA2 "})
        if (next.starts_with(bullet)) return false;
    // A headline over its own date line ("اخبار: … | تاریخ: 29-11-2026 | صفحہ: 9"), the two
    // alone between blank lines or rules: not one sentence wrapped.
    return lines.size() != 2 || !short_date_line(next);
}

/// The breaks of a paragraph that were forced by `width`: none unless at least two thirds of the
/// breaks not after a sentence end are (else the lines are a list, not wrapped prose).
std::vector<bool> forced_breaks(std::string_view text, const std::vector<Span>& lines,
                                std::size_t width) {
    std::vector<bool> forced(lines.size(), false);
    std::size_t n = 0, open = 0;
    for (std::size_t k = 0; width > 0 && k + 1 < lines.size(); ++k) {
        forced[k] = forced_break(text, lines, k, width);
        n += forced[k] ? 1 : 0;
        open += ends_sentence(text.substr(lines[k].begin, lines[k].size())) ? 0 : 1;
    }
    if (n == 0 || 3 * n < 2 * open) forced.assign(lines.size(), false);
    return forced;
}

/// Narrowest wrap width read as prose: a printed column's OCR text runs at 30-40 characters.
/// Below kListWidth a paragraph is read as wrapped only when most of its lines go on a sentence
/// in lower case (a list of headlines this narrow starts each line with a capital).
constexpr std::size_t kMinWrapWidth = 30, kListWidth = 55;

/// True when at least half the lines after the first start with a lower-case ASCII letter.
bool runs_on_in_lower_case(std::string_view text, const std::vector<Span>& lines) {
    std::size_t lower = 0;
    for (std::size_t k = 1; k < lines.size(); ++k) {
        const char c = text[lines[k].begin];
        lower += c >= 'a' && c <= 'z';
    }
    return 2 * lower >= lines.size() - 1;
}

/// The width each paragraph may have been hard-wrapped at (0 = not wrapped): its widest line when
/// it has three lines or more and that is 55-100 characters (wire copy at 65-80 columns), or
/// 30-55 when its lines run on in lower case (a newspaper column's OCR text); for a
/// paragraph of two lines, which cannot tell its own width, the widest line of the paragraphs
/// found wrapped.
std::vector<std::size_t> wrap_widths(std::string_view text,
                                     const std::vector<std::vector<Span>>& paragraphs) {
    std::vector<std::size_t> widths;
    std::size_t page_width = 0;
    for (const auto& lines : paragraphs) {
        const std::size_t w = widest_line(text, lines);
        const bool width_ok =
            w >= kListWidth || (w >= kMinWrapWidth && runs_on_in_lower_case(text, lines));
        widths.push_back(lines.size() >= 3 && width_ok && w <= 100 ? w : 0);
        const auto forced = forced_breaks(text, lines, widths.back());
        if (std::find(forced.begin(), forced.end(), true) != forced.end())
            page_width = std::max(page_width, widths.back());
    }
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
        if (paragraphs[i].size() == 2) widths[i] = page_width;
    return widths;
}

/// Append the blocks of one paragraph (its non-blank lines) to `out`, joining lines at the
/// breaks forced by `width`.
void add_paragraph(std::string_view text, const std::vector<Span>& lines, bool blank_before,
                   std::size_t width, std::vector<Block>& out) {
    const std::vector<bool> forced = forced_breaks(text, lines, width);
    for (std::size_t i = 0; i < lines.size();) {
        std::size_t j = i;
        while (forced[j]) ++j;
        out.push_back({{lines[i].begin, lines[j].end}, blank_before && i == 0});
        i = j + 1;
    }
}

/// Blocks up to this many words with a number also get a literal hash (dates, times).
constexpr std::uint32_t kLiteralWords = 12;

constexpr std::array<std::string_view, 23> kMonths = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 12> kUrduMonths = {"جنوری", "فروری",  "مارچ",   "اپریل",
                                                          "مئی",   "جون",    "جولائی", "اگست",
                                                          "ستمبر", "اکتوبر", "نومبر",  "دسمبر"};

constexpr std::array<std::string_view, 8> kUrduWeekdays = {"پیر",    "سوموار", "منگل", "بدھ",
                                                           "جمعرات", "جمعہ",   "ہفتہ", "اتوار"};

/// A map from text to T that a string_view looks up without a copy.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using TextMap = std::unordered_map<std::string, T, TextHash, std::equal_to<>>;

/// The class ("<m>", "<d>") of each Urdu month and weekday name, with the folds of the shape,
/// built once; `longest` is the longest name's size in bytes.
struct UrduNames {
    TextMap<std::string_view> by_name;
    std::size_t longest = 0;
};
const UrduNames& urdu_names() {
    static const UrduNames table = [] {
        UrduNames t;
        auto add = [&t](std::string_view name, std::string_view word_class) {
            std::string folded = normalize(name);  // same folds as the shape
            t.longest = std::max(t.longest, folded.size());
            t.by_name.emplace(std::move(folded), word_class);
        };
        for (auto m : kUrduMonths) add(m, "<m>");
        for (auto d : kUrduWeekdays) add(d, "<d>");
        return t;
    }();
    return table;
}

/// The class ("<m>", "<d>") of each English month and weekday name, by the name's first letter.
struct NamedWord {
    std::string_view name;
    std::string_view word_class;
};
const std::array<std::vector<NamedWord>, 26>& names_by_letter() {
    static const std::array<std::vector<NamedWord>, 26> table = [] {
        std::array<std::vector<NamedWord>, 26> t;
        t['d' - 'a'].push_back({"dec", "<m>"});
        for (auto m : kMonths) t[static_cast<std::size_t>(m[0] - 'a')].push_back({m, "<m>"});
        for (auto d : kWeekdays) t[static_cast<std::size_t>(d[0] - 'a')].push_back({d, "<d>"});
        return t;
    }();
    return table;
}

/// The placeholder a word of a shape stands for ("<m>", "<d>"), or the word itself. English
/// names are ASCII of 3 to 9 letters, compared with the names of the same first letter; Urdu
/// ones start with a byte beyond ASCII.
std::string_view word_class(std::string_view word) {
    if (word.size() < 3) return word;
    const auto first = static_cast<unsigned char>(word[0]);
    if (first >= 0x80) {
        const UrduNames& names = urdu_names();
        if (word.size() > names.longest) return word;
        const auto it = names.by_name.find(word);
        return it == names.by_name.end() ? word : it->second;
    }
    if (word.size() > 9 || first < 'a' || first > 'z') return word;
    for (const NamedWord& n : names_by_letter()[first - 'a'])
        if (n.name == word) return n.word_class;
    return word;
}

/// Punctuation trimmed from either end of a shape: bullets, dashes, separators, arrows.
bool is_edge_mark(UChar32 c) {
    if (c < 0x80) return c == '-' || c == '*' || c == '|' || c == '/' || c == ':' || c == '~';
    return c == 0x2022 || c == 0x00B7 || c == 0x00BB || c == 0x00AB || c == 0x203A || c == 0x2039 ||
           c == 0x2013 || c == 0x2014 || c == 0x25B6 || c == 0x25BA || c == 0x2192 || c == 0x2026;
}

/// What fold_into writes for an ASCII byte: the byte itself (lowercased), or kDigitRun / kSpaceRun
/// for a byte that joins a run of digits ('#') or whitespace (' ').
constexpr std::uint8_t kDigitRun = 0x80, kSpaceRun = 0x81;
using AsciiFold = std::array<std::uint8_t, 128>;
constexpr AsciiFold ascii_fold(bool digits) {
    AsciiFold t{};
    for (int c = 0; c < 128; ++c) {
        if (digits && c >= '0' && c <= '9')
            t[c] = kDigitRun;
        else if (c == ' ' || (c >= '\t' && c <= '\r'))  // White_Space in ASCII
            t[c] = kSpaceRun;
        else
            t[c] = static_cast<std::uint8_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return t;
}
constexpr AsciiFold kFoldDigits = ascii_fold(true), kFoldText = ascii_fold(false);

/// Fold case, whitespace runs into one space, and (when `digits`) digit runs into '#', into the
/// start of `out` (grown when needed, never shrunk: a buffer reused from call to call); returns
/// the folded text's length.
std::size_t fold_into(std::string_view s, bool digits, std::string& out) {
    // Folding rarely grows a text (a 2-byte letter folds to at most 3 bytes); grown below if so.
    if (out.size() < s.size() + 8) out.resize(s.size() + s.size() / 2 + 8);
    char* begin = out.data();
    char* o = begin;
    const AsciiFold& ascii = digits ? kFoldDigits : kFoldText;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto len = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < len;) {
        if (p[i] < 0x80) {  // ASCII, the common case, without the Unicode tables
            const std::uint8_t f = ascii[p[i++]];
            if (f < 0x80)
                *o++ = static_cast<char>(f);
            else if (f == kDigitRun ? o == begin || o[-1] != '#' : o != begin && o[-1] != ' ')
                *o++ = f == kDigitRun ? '#' : ' ';
            continue;
        }
        if (p[i] >= 0xD8 && p[i] <= 0xDB && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
            // U+0600..U+06FF, Arabic script: no case, no white space; copied as it is.
            *o++ = static_cast<char>(p[i]);
            *o++ = static_cast<char>(p[i + 1]);
            i += 2;
            continue;
        }
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (c < 0) continue;
        if (u_isUWhiteSpace(c) || c == 0x200B) {
            if (o != begin && o[-1] != ' ') *o++ = ' ';
            continue;
        }
        char buf[4];
        int32_t n = 0;
        UBool err = false;
        U8_APPEND(buf, n, 4, u_foldCase(c, U_FOLD_CASE_DEFAULT), err);
        if (err) continue;
        if (static_cast<std::size_t>(o - begin) + 4 + static_cast<std::size_t>(len - i) >
            out.size()) {  // room for this letter and the rest at one byte each, at least
            const std::size_t used = static_cast<std::size_t>(o - begin);
            out.resize(2 * out.size() + 8);
            begin = out.data();
            o = begin + used;
        }
        for (int32_t k = 0; k < n; ++k) *o++ = buf[k];
    }
    return static_cast<std::size_t>(o - begin);
}

/// fold_into a new string.
std::string fold_text(std::string_view s, bool digits) {
    std::string out;
    out.resize(fold_into(s, digits, out));
    return out;
}

/// Replace month and weekday words by their class in the first `n` bytes of `s`, in place (a
/// class is never longer than its word); words are runs of letters (ASCII or not). Returns the
/// new length.
std::size_t classify_words(char* s, std::size_t n) {
    auto letter = [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c >= 'a' && c <= 'z') || c >= 0x80;
    };
    std::size_t w = 0;
    for (std::size_t r = 0; r < n;) {
        if (!letter(s[r])) {
            s[w++] = s[r++];
            continue;
        }
        const std::size_t start = r;
        while (r < n && letter(s[r])) ++r;
        const std::string_view word(s + start, r - start);
        const std::string_view cls = word_class(word);
        if (cls.data() != word.data()) {
            std::memcpy(s + w, cls.data(), cls.size());
            w += cls.size();
        } else {
            if (w != start) std::memmove(s + w, word.data(), word.size());
            w += word.size();
        }
    }
    return w;
}

/// The shape without edge marks and spaces at either end.
std::string_view trim_edges(std::string_view s) {
    auto first_cp = [](std::string_view v, UChar32& c) {
        int32_t i = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(v.data()), i, static_cast<int32_t>(v.size()), c);
        return static_cast<std::size_t>(i);
    };
    auto last_cp = [](std::string_view v, UChar32& c) {
        auto i = static_cast<int32_t>(v.size());
        U8_PREV(reinterpret_cast<const uint8_t*>(v.data()), 0, i, c);
        return v.size() - static_cast<std::size_t>(i);
    };
    UChar32 c;
    while (!s.empty()) {
        std::size_t n = first_cp(s, c);
        if (c != ' ' && !is_edge_mark(c)) break;
        s.remove_prefix(n);
    }
    while (!s.empty()) {
        std::size_t n = last_cp(s, c);
        if (c != ' ' && !is_edge_mark(c)) break;
        s.remove_suffix(n);
    }
    return s;
}

/// block_shape of a normalized text: folded, digits to '#', month and weekday names classed,
/// edges trimmed.
std::string shape_of(std::string_view normalized) {
    thread_local std::string scratch;  // reused: one string built per call, the shape
    std::size_t n = fold_into(normalized, true, scratch);
    n = classify_words(scratch.data(), n);
    return std::string(trim_edges(std::string_view(scratch.data(), n)));
}

/// normalize(text), without a copy for ASCII text (which it leaves as it is).
std::string_view normalized_view(std::string_view text, std::string& storage) {
    if (is_ascii(text)) return text;
    storage = normalize(text);
    return storage;
}

bool is_word_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || c >= 0x80 || c == '#';
}

/// Words of a shape (with a letter or digit) and, of those, numbers ("#", "#-#", "#.#", "#؍#؍#").
void count_words(std::string_view shape, BlockFacts& f) {
    for (std::size_t i = 0; i < shape.size();) {
        while (i < shape.size() && shape[i] == ' ') ++i;
        bool letter = false, digit = false;
        for (; i < shape.size() && shape[i] != ' '; ++i) {
            const auto c = static_cast<unsigned char>(shape[i]);
            if (shape.substr(i).starts_with("\xD8\x8D")) {  // ؍ the date separator: "#؍#؍#"
                ++i;
                continue;
            }
            if (c == '#')
                digit = true;
            else if (is_word_char(c))
                letter = true;
        }
        if (letter || digit) ++f.words;
        if (digit && !letter) ++f.numbers;
    }
}

/// The last code point of s before closing quotes and brackets.
UChar32 final_mark(std::string_view s) {
    auto i = static_cast<int32_t>(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (i > 0) {
        UChar32 c;
        U8_PREV(p, 0, i, c);
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
            c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c;
    }
    return 0;
}

}  // namespace

std::size_t digit_bytes(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') return 1;
    if (i + 1 >= text.size()) return 0;
    const auto next = static_cast<unsigned char>(text[i + 1]);
    return (c == 0xDB && next >= 0xB0 && next <= 0xB9) ||
                   (c == 0xD9 && next >= 0xA0 && next <= 0xA9)
               ? 2
               : 0;
}

namespace {

/// A horizontal rule drawn with characters ("-----", "=====", "─────"): three or more of one
/// character and nothing else. It separates paragraphs, as a blank line does.
bool is_rule_line(std::string_view line) {
    if (line.size() >= 9 && line.starts_with("\xE2\x94\x80")) {  // ─ U+2500, 3 or more
        for (std::size_t i = 0; i + 3 <= line.size(); i += 3)
            if (line.substr(i, 3) != "\xE2\x94\x80") return false;
        return line.size() % 3 == 0;
    }
    if (line.size() < 3 || std::string_view("-=_*~").find(line[0]) == std::string_view::npos)
        return false;
    return line.find_first_not_of(line[0]) == std::string_view::npos;
}

}  // namespace

std::vector<Block> split_blocks(std::string_view text) {
    std::vector<std::vector<Span>> paragraphs(1);
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t nl = std::min(text.find('\n', pos), text.size());
        Span line = trim_span(text, pos, nl);
        if (line.size() > 0 && is_rule_line(text.substr(line.begin, line.size())))
            line = {line.begin, line.begin};  // a rule: a paragraph break
        if (line.size() > 0)
            paragraphs.back().push_back(line);
        else if (!paragraphs.back().empty())
            paragraphs.emplace_back();
        pos = nl + 1;
    }
    const std::vector<std::size_t> widths = wrap_widths(text, paragraphs);
    std::vector<Block> out;
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
        add_paragraph(text, paragraphs[i], !out.empty(), widths[i], out);
    return out;
}

namespace {

/// True when t is a date line ending in a clock time with "a.m." or "p.m." ("Published Jun. 2,
/// 1987 at 1:24 p.m.", "Bridge reopens | Oct. 13, 2025 9:09 a.m."): the dot closes the
/// abbreviation, not a sentence. Only when at most three words come before the first digit, or a
/// bar, '·' or dash sets the date off: "Polling will begin on 8 February 2024 at 8:00 a.m." is a
/// sentence.
bool ends_with_clock_time(std::string_view t) {
    if (t.size() < 9) return false;
    const std::string_view m = t.substr(t.size() - 4);
    const auto lower = [](char c) { return static_cast<char>(c | 0x20); };
    if ((lower(m[0]) != 'a' && lower(m[0]) != 'p') || m[1] != '.' || lower(m[2]) != 'm' ||
        m[3] != '.')
        return false;
    const std::string_view clock = t.substr(t.size() - 9, 5);  // "9:09 " of "9:09 a.m."
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (!digit(clock[0]) || clock[1] != ':' || !digit(clock[2]) || !digit(clock[3]) ||
        clock[4] != ' ')
        return false;
    const std::string_view head = t.substr(0, t.find_first_of("0123456789"));
    for (std::string_view sep : {" | ", " \xC2\xB7 ", " \xE2\x80\x94 ", " \xE2\x80\x93 "})
        if (head.find(sep) != std::string_view::npos) return true;
    std::size_t words = 0;
    for (std::size_t i = 0; i < head.size(); ++i)
        words += head[i] != ' ' && (i == 0 || head[i - 1] == ' ');
    return words <= 3;
}

/// describe_block's work; `shape` receives the block's shape (block_shape).
BlockFacts describe(std::string_view text, std::string& shape) {
    BlockFacts f;
    std::string storage;
    const std::string_view normalized = normalized_view(text, storage);
    shape = shape_of(normalized);
    f.hash = shape_hash(shape);
    count_words(shape, f);
    if (f.numbers > 0 && f.words <= kLiteralWords)
        f.literal = shape_hash("=" + std::string(trim_edges(fold_text(normalized, false))));
    const UChar32 last = final_mark(text);
    std::string_view t = text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r'))
        t.remove_suffix(1);
    f.truncated = last == 0x2026 || t.ends_with("...");
    f.full_stop = !f.truncated && (last == '.' || last == 0x06D4) && !ends_with_clock_time(t);
    f.sentence_end = f.full_stop || last == '!' || last == '?' || last == 0x061F;
    return f;
}

/// Texts up to this many bytes have their shape remembered too (block_shape is asked for short
/// texts only: labels); longer ones only their facts.
constexpr std::size_t kShapeBytes = 96;
/// Estimated bytes of one remembered text beyond its characters: map node, hash bucket, entry.
constexpr std::size_t kEntryOverhead = 128;

/// What BlockMemoScope remembers on one thread.
class Memo {
  public:
    struct Entry {
        BlockFacts facts;
        std::string shape;  ///< set for texts of at most kShapeBytes
    };
    explicit Memo(std::size_t budget) : budget_(budget) {}

    const Entry* find(std::string_view text) {
        const auto it = map_.find(text);
        if (it == map_.end()) return nullptr;
        ++hits_;
        return &it->second;
    }
    void add(std::string_view text, const BlockFacts& facts, std::string&& shape) {
        if (text.size() > kShapeBytes) shape.clear();
        const std::size_t bytes = text.size() + shape.size() + kEntryOverhead;
        if (used_ + bytes > budget_) return;
        used_ += bytes;
        map_.emplace(std::string(text), Entry{facts, std::move(shape)});
    }
    std::uint64_t hits() const { return hits_; }
    std::size_t entries() const { return map_.size(); }

  private:
    TextMap<Entry> map_;
    std::size_t budget_;
    std::size_t used_ = 0;
    std::uint64_t hits_ = 0;
};

thread_local std::unique_ptr<Memo> memo;

}  // namespace

BlockMemoScope::BlockMemoScope(std::size_t budget) {
    memo = std::make_unique<Memo>(budget);
}

BlockMemoScope::~BlockMemoScope() {
    memo.reset();
}

void BlockMemoScope::remember(const DescribedBlock& block) {
    if (memo == nullptr || memo->find(block.text) != nullptr) return;
    memo->add(block.text, block.facts, std::string(block.shape));
}

std::uint64_t BlockMemoScope::hits() {
    return memo == nullptr ? 0 : memo->hits();
}

std::size_t BlockMemoScope::entries() {
    return memo == nullptr ? 0 : memo->entries();
}

std::string block_shape(std::string_view block) {
    if (memo == nullptr || block.size() > kShapeBytes) return shape_of(normalize(block));
    if (const Memo::Entry* e = memo->find(block)) return e->shape;
    std::string shape;
    const BlockFacts f = describe(block, shape);
    memo->add(block, f, std::string(shape));
    return shape;
}

std::uint64_t shape_hash(std::string_view shape) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a 64-bit finalizer (splitmix64)
    for (unsigned char c : shape) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h == 0 ? 1 : h;
}

BlockFacts describe_block(std::string_view text, std::vector<DescribedBlock>& described) {
    std::string shape;
    const BlockFacts f = describe(text, shape);
    if (text.size() <= kShapeBytes) described.push_back({std::string(text), f, std::move(shape)});
    return f;
}

BlockFacts describe_block(std::string_view text) {
    std::string shape;
    if (memo == nullptr) return describe(text, shape);
    if (const Memo::Entry* e = memo->find(text)) return e->facts;
    const BlockFacts f = describe(text, shape);
    memo->add(text, f, std::move(shape));
    return f;
}

}  // namespace khabar::cleaning
