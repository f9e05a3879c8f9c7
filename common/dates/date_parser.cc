/** @file
 * @brief Date parsing by tokenizing the text (numbers, words, punctuation) and matching a few
 *        shapes: year first (ISO), day first (RFC 2822, Reuters, Urdu) and month first (US).
 *
 * The tokenizer folds Urdu and Arabic-Indic digits into numbers and Urdu/Arabic/English month
 * names into month tokens, so each shape is written once for every script. parse_date neither
 * allocates nor throws: tokens live in a fixed array and over-long input is rejected up front.
 * The calendar date is kept as written; a time or UTC offset after a full date is ignored, not
 * applied (a Karachi paper's "2 May 01:00 +05:00" is its 2 May edition).
 */
#include "dates/date_parser.h"

#include <array>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace khabar {

namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2100;
/// A two-digit year below it is 20yy, else 19yy ("27" is 2027, "87" is 1987).
constexpr int kCenturyPivot = 50;
constexpr std::size_t kMaxInputBytes = 256;    ///< metadata dates are short; longer text is not one
constexpr std::size_t kMaxTokens = 128;        ///< enough for 256 bytes of any text
constexpr std::size_t kMaxWordChars = 16;      ///< longer words are never month names
constexpr std::size_t kMaxSkippedPrefix = 12;  ///< "Updated:", weekday, time, "PM", "IST", ...

// ---------------------------------------------------------------------------------------------
// UTF-8 and character classes

/// Decode one code point at pos into cp and advance pos; false on invalid or truncated UTF-8.
bool decode_utf8(std::string_view s, std::size_t& pos, char32_t& cp) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(pos);
    std::size_t len = 0;
    char32_t min = 0;
    if (lead < 0x80) {
        cp = lead;
        ++pos;
        return true;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        len = 2, cp = lead & 0x1F, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        len = 3, cp = lead & 0x0F, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        len = 4, cp = lead & 0x07, min = 0x10000;
    } else {
        return false;
    }
    if (s.size() - pos < len) return false;
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char next = byte(pos + i);
        if ((next & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    pos += len;
    return true;
}

enum class CharClass { space, digit, letter, punct };

/// The digit value of an ASCII, Arabic-Indic (٠-٩) or Extended Arabic-Indic/Urdu (۰-۹) digit,
/// else -1.
int digit_value(char32_t cp) {
    if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
    if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
    return -1;
}

/// Whitespace, including no-break spaces and the invisible direction marks RTL text carries.
bool is_space(char32_t cp) {
    return cp == U' ' || (cp >= U'\t' && cp <= U'\r') || cp == 0x00A0 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202F) || cp == 0x205F || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x3000 || cp == 0xFEFF;
}

/// Letters of words: Latin, Arabic script (with its marks and the year sign ؁), joiners.
bool is_letter(char32_t cp) {
    if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) return true;
    if (cp >= 0x00C0 && cp <= 0x024F) return cp != 0x00D7 && cp != 0x00F7;
    if (cp >= 0x0600 && cp <= 0x0605) return true;  // number signs, ؁ (sanah) among them
    if (cp >= 0x0610 && cp <= 0x061A) return true;
    if (cp >= 0x0620 && cp <= 0x065F) return true;
    if (cp >= 0x066E && cp <= 0x06D3) return true;
    if (cp >= 0x06D5 && cp <= 0x06FF) return true;  // digits were taken out before
    if (cp >= 0x0750 && cp <= 0x077F) return true;
    return cp == 0x200C || cp == 0x200D;
}

/// Which class a code point belongs to.
CharClass classify(char32_t cp) {
    if (digit_value(cp) >= 0) return CharClass::digit;
    if (is_space(cp)) return CharClass::space;
    if (is_letter(cp)) return CharClass::letter;
    return CharClass::punct;
}

/// Arabic-script punctuation as its ASCII counterpart (، → ',', ؍ date separator → '/').
char32_t fold_punct(char32_t cp) {
    switch (cp) {
        case 0x060C:
            return U',';
        case 0x060D:
            return U'/';
        case 0x061B:
            return U';';
        case 0x06D4:
            return U'.';
        default:
            return cp;
    }
}

// ---------------------------------------------------------------------------------------------
// Words

/// A word folded for comparison: lowercase ASCII, one letter form per Urdu/Arabic letter.
struct FoldedWord {
    std::array<char32_t, kMaxWordChars> chars{};
    std::size_t size = 0;
    bool too_long = false;

    bool operator==(const FoldedWord& o) const {
        if (too_long || o.too_long || size != o.size) return false;
        for (std::size_t i = 0; i < size; ++i) {
            if (chars[i] != o.chars[i]) return false;
        }
        return true;
    }
};

/// One letter folded: case, Arabic yeh/kaf/alef variants to the Urdu forms; 0 drops it
/// (diacritics, tatweel, joiners).
char32_t fold_letter(char32_t cp) {
    if (cp >= U'A' && cp <= U'Z') return cp - U'A' + U'a';
    if ((cp >= 0x064B && cp <= 0x0653) || (cp >= 0x0655 && cp <= 0x065F) || cp == 0x0670 ||
        cp == 0x0640 || cp == 0x200C || cp == 0x200D) {
        return 0;
    }
    switch (cp) {
        case 0x064A:        // ي Arabic yeh
        case 0x0649:        // ى alef maksura
            return 0x06CC;  // ی
        case 0x0643:        // ك Arabic kaf
            return 0x06A9;  // ک
        case 0x0622:        // آ
        case 0x0623:        // أ
        case 0x0625:        // إ
        case 0x0671:        // ٱ
            return 0x0627;  // ا
        default:
            return cp;
    }
}

/// Fold a UTF-8 word (already known to be valid) for comparison.
FoldedWord fold_word(std::string_view utf8) {
    FoldedWord word;
    std::size_t pos = 0;
    char32_t cp = 0;
    while (pos < utf8.size() && decode_utf8(utf8, pos, cp)) {
        const char32_t folded = fold_letter(cp);
        if (folded == 0) continue;
        if (word.size == word.chars.size()) {
            word.too_long = true;
            return word;
        }
        word.chars[word.size++] = folded;
    }
    return word;
}

/// Month names and abbreviations: English, Urdu (with common spellings) and Arabic (Egypt/Gulf).
/// Entries are folded before comparison, so Arabic and Urdu letter forms of one name match.
constexpr std::array<std::array<std::string_view, 7>, 12> kMonthNames = {{
    {"january", "jan", "جنوری", "يناير"},
    {"february", "feb", "فروری", "فبراير"},
    {"march", "mar", "مارچ", "مارس"},
    {"april", "apr", "اپریل", "ابریل", "أبريل"},
    {"may", "مئی", "مئ", "مءی", "مايو"},
    {"june", "jun", "جون", "يونيو"},
    {"july", "jul", "جولائی", "جولائ", "جولاءی", "يوليو"},
    {"august", "aug", "اگست", "أغسطس"},
    {"september", "sep", "sept", "ستمبر", "سبتمبر"},
    {"october", "oct", "اکتوبر", "أكتوبر"},
    {"november", "nov", "نومبر", "نوفمبر"},
    {"december", "dec", "دسمبر", "ديسمبر"},
}};

/// What a word means to the date shapes.
enum class WordKind { other, month, year_mark, ordinal, of, iso_t, day_one };

/// Words other than month names that the shapes look for. ء and ؁ mark a Gregorian year in
/// Urdu ("2016ء"); "ئ" is a frequent mistyping of ء. "یکم" is the first day of a month in Urdu
/// ("یکم جنوری 2025"), read as the number 1.
constexpr std::array<std::pair<std::string_view, WordKind>, 10> kMarkerWords = {{
    {"یکم", WordKind::day_one},
    {"ء", WordKind::year_mark},
    {"؁", WordKind::year_mark},
    {"ئ", WordKind::year_mark},
    {"st", WordKind::ordinal},
    {"nd", WordKind::ordinal},
    {"rd", WordKind::ordinal},
    {"th", WordKind::ordinal},
    {"of", WordKind::of},
    {"t", WordKind::iso_t},
}};

/// A folded word the shapes know, its meaning and, for a month name, the month number.
struct KnownWord {
    FoldedWord word;
    WordKind kind = WordKind::other;
    int month = 0;
};

constexpr std::size_t kKnownWords =
    kMonthNames.size() * kMonthNames[0].size() + kMarkerWords.size();

/// kMonthNames and kMarkerWords folded once (unused slots keep WordKind::other).
const std::array<KnownWord, kKnownWords>& known_words() {
    static const std::array<KnownWord, kKnownWords> table = [] {
        std::array<KnownWord, kKnownWords> out{};
        std::size_t n = 0;
        for (std::size_t m = 0; m < kMonthNames.size(); ++m) {
            for (std::string_view name : kMonthNames[m]) {
                if (!name.empty()) {
                    out[n++] = {fold_word(name), WordKind::month, static_cast<int>(m) + 1};
                }
            }
        }
        for (const auto& [text, kind] : kMarkerWords) out[n++] = {fold_word(text), kind, 0};
        return out;
    }();
    return table;
}

/// Classify a word; month is set for WordKind::month.
WordKind classify_word(std::string_view utf8, int& month) {
    // known_words by their folded letters, the table's first entry of a word winning.
    static const std::unordered_map<std::u32string_view, const KnownWord*> by_word = [] {
        std::unordered_map<std::u32string_view, const KnownWord*> out;
        for (const KnownWord& known : known_words())
            if (known.kind != WordKind::other && !known.word.too_long)
                out.try_emplace(std::u32string_view(known.word.chars.data(), known.word.size),
                                &known);
        return out;
    }();
    const FoldedWord word = fold_word(utf8);
    if (word.too_long) return WordKind::other;
    const auto it = by_word.find(std::u32string_view(word.chars.data(), word.size));
    if (it == by_word.end()) return WordKind::other;
    month = it->second->month;
    return it->second->kind;
}

// ---------------------------------------------------------------------------------------------
// Tokens

enum class TokenKind { punct, number, word };  // punct first: Token{} is a punct

/// A number (its value and digit count), a classified word, or one punctuation character.
/// No member initializers, so that the unused part of a Tokens array costs nothing: tokenize
/// sets each token whole (Token{}: all zero, TokenKind::punct, WordKind::other).
struct Token {
    TokenKind kind;
    bool space_before;  ///< whitespace separates it from the previous token
    int digits;         ///< number: how many digits
    long value;         ///< number: value of its first 9 digits
    WordKind word;
    int month;              ///< word: month number when word == WordKind::month
    char32_t punct;         ///< punct: the (folded) character
    std::string_view text;  ///< word: its UTF-8 text
};

/// The tokens of one input, in a fixed array (no allocation, nothing to throw); the items from
/// `size` on are not initialized.
struct Tokens {
    std::array<Token, kMaxTokens> items;
    std::size_t size = 0;

    const Token& operator[](std::size_t i) const { return items[i]; }
    bool number(std::size_t i, int min_digits, int max_digits) const {
        return i < size && items[i].kind == TokenKind::number && items[i].digits >= min_digits &&
               items[i].digits <= max_digits;
    }
    bool word(std::size_t i, WordKind kind) const {
        return i < size && items[i].kind == TokenKind::word && items[i].word == kind;
    }
    bool punct(std::size_t i, char32_t c) const {
        return i < size && items[i].kind == TokenKind::punct && items[i].punct == c;
    }
    /// Punctuation from `set`, glued to the previous token or not.
    bool punct_in(std::size_t i, std::u32string_view set) const {
        return i < size && items[i].kind == TokenKind::punct &&
               set.find(items[i].punct) != std::u32string_view::npos;
    }
    bool glued(std::size_t i) const { return i < size && !items[i].space_before; }
};

/// Read a run of digits starting at pos into tok; returns the position after it.
std::size_t read_number(std::string_view text, std::size_t pos, Token& tok) {
    tok.kind = TokenKind::number;
    while (pos < text.size()) {
        std::size_t next = pos;
        char32_t cp = 0;
        if (!decode_utf8(text, next, cp) || digit_value(cp) < 0) break;
        if (tok.digits < 9) tok.value = tok.value * 10 + digit_value(cp);
        ++tok.digits;
        pos = next;
    }
    return pos;
}

/// Read a run of letters starting at pos into tok; returns the position after it.
std::size_t read_word(std::string_view text, std::size_t pos, Token& tok) {
    const std::size_t start = pos;
    while (pos < text.size()) {
        std::size_t next = pos;
        char32_t cp = 0;
        if (!decode_utf8(text, next, cp) || classify(cp) != CharClass::letter) break;
        pos = next;
    }
    tok.kind = TokenKind::word;
    tok.text = text.substr(start, pos - start);
    tok.word = classify_word(tok.text, tok.month);
    if (tok.word == WordKind::day_one) {
        tok.kind = TokenKind::number;
        tok.digits = 1;
        tok.value = 1;
    }
    return pos;
}

/// Split text into tokens; false on invalid UTF-8 or too many tokens.
bool tokenize(std::string_view text, Tokens& out) {
    bool space = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t next = pos;
        char32_t cp = 0;
        if (!decode_utf8(text, next, cp)) return false;
        const CharClass cls = classify(cp);
        if (cls == CharClass::space) {
            space = true;
            pos = next;
            continue;
        }
        // JSON-escaped slashes ("2019\/11\/18") left in by some scrapers.
        if (cp == U'\\' && next < text.size() && text[next] == '/') {
            pos = next;
            continue;
        }
        if (out.size == out.items.size()) return false;
        Token& tok = out.items[out.size++];
        tok = Token{};
        tok.space_before = space;
        space = false;
        if (cls == CharClass::digit) {
            pos = read_number(text, pos, tok);
        } else if (cls == CharClass::letter) {
            pos = read_word(text, pos, tok);
        } else {
            tok.punct = fold_punct(cp);
            pos = next;
        }
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Date shapes

/// A date read from tokens and the index of the first token after it.
struct Match {
    int year = 0;
    int month = 0;
    int day = 0;
    DatePrecision precision = DatePrecision::none;
    std::size_t next = 0;
};

/// Separators allowed between the parts of a date written with a month name.
constexpr std::u32string_view kNameSeparators = U"-/.,";

/// Skip a time such as "15:01:01.79" or "10:30" at i (a number followed by ':').
std::size_t skip_time(const Tokens& t, std::size_t i) {
    if (!t.number(i, 1, 3) || !t.punct(i + 1, U':')) return i;
    ++i;
    while (t.punct(i, U':') && t.number(i + 1, 1, 2)) i += 2;
    if (t.punct(i, U'.') && t.glued(i) && t.number(i + 1, 1, 9)) i += 2;  // fraction
    return i;
}

/// The first words of the Hijri months' names and the words of the Hijri era, as Urdu, Arabic
/// and English pages write them (folded like every other word: Arabic yeh is Urdu yeh).
constexpr std::array<std::string_view, 28> kHijriMonthWords = {
    "محرم",     "صفر",      "ربیع",  "جمادی",   "رجب",     "شعبان",   "رمضان",
    "شوال",     "ذوالقعدہ", "ذیقعد", "ذیقعدہ",  "ذوالحجہ", "ذی",      "ذو",
    "muharram", "safar",    "rabi",  "rabiul",  "jumada",  "jumadi",  "jamadi",
    "rajab",    "shaban",   "sha",   "ramadan", "ramzan",  "shawwal", "dhul"};
constexpr std::array<std::string_view, 6> kHijriEraWords = {"ھ", "ہ", "ه", "ہجری", "ah", "hijri"};

/// True when the word token at i is one of `words` (folded).
template <std::size_t N>
bool word_in(const Tokens& t, std::size_t i, const std::array<std::string_view, N>& words) {
    if (i >= t.size || t[i].kind != TokenKind::word) return false;
    const FoldedWord word = fold_word(t[i].text);
    for (std::string_view w : words) {
        if (fold_word(w) == word) return true;
    }
    return false;
}

/// Skip a Hijri date at i that Urdu and Arabic pages write before the Gregorian one ("28
/// ذوالقعدہ 1445ھ / 5 جون 2024ء", "6 Jumada al-Awwal 1446 AH, 9 November 2024"): a day number,
/// a Hijri month's name (one to four words, hyphens or apostrophes between them), a year
/// between 1300 and 1600 of the Hijra (never a Gregorian year this parser accepts) and an
/// optional era word ("ھ", "AH"). The month's first word or the era word must be known.
std::size_t skip_hijri_date(const Tokens& t, std::size_t i) {
    if (!t.number(i, 1, 2)) return i;
    std::size_t j = i + 1;
    int words = 0;
    while (j < t.size && words <= 4) {
        if (t[j].kind == TokenKind::word && t[j].word != WordKind::month) {
            ++words;
        } else if (!(t.punct_in(j, U"-'\u2019") && words > 0)) {
            break;
        }
        ++j;
    }
    if (words == 0 || words > 4 || !t.number(j, 4, 4)) return i;
    if (t[j].value < 1300 || t[j].value > 1600) return i;
    ++j;
    const bool era = word_in(t, j, kHijriEraWords);
    if (!era && !word_in(t, i + 1, kHijriMonthWords)) return i;
    return era ? j + 1 : j;
}

/// Where the date should start after what may precede it: words other than month names
/// ("Updated", "Thu", "on"), punctuation, times and a Hijri date. Counts the words skipped in
/// `words`.
std::size_t skip_prefix(const Tokens& t, std::size_t& words) {
    std::size_t i = 0;
    words = 0;
    while (i < t.size && i < kMaxSkippedPrefix) {
        const std::size_t after_time = skip_time(t, i);
        const std::size_t after_hijri = skip_hijri_date(t, i);
        if (after_time != i) {
            i = after_time;
        } else if (after_hijri != i) {
            i = after_hijri;
            ++words;
        } else if (t[i].kind == TokenKind::word && t[i].word != WordKind::month) {
            ++words;
            ++i;
        } else if (t[i].kind == TokenKind::punct) {
            ++i;
        } else {
            break;
        }
    }
    return i;
}

/// Skip one separator from set at i, if present.
std::size_t skip_separator(const Tokens& t, std::size_t i, std::u32string_view set) {
    return t.punct_in(i, set) ? i + 1 : i;
}

/// Skip an ordinal suffix glued to a day number ("2nd"), then an optional "of".
std::size_t skip_ordinal(const Tokens& t, std::size_t i) {
    if (t.word(i, WordKind::ordinal) && t.glued(i)) ++i;
    if (t.word(i, WordKind::of)) ++i;
    return i;
}

/// Skip the Urdu year mark after a year ("2016ء").
std::size_t skip_year_mark(const Tokens& t, std::size_t i) {
    return t.word(i, WordKind::year_mark) ? i + 1 : i;
}

/// Skip the dot of an abbreviated month name ("Nov.", "Sept.").
std::size_t skip_abbreviation_dot(const Tokens& t, std::size_t i) {
    return t.punct(i, U'.') && t.glued(i) ? i + 1 : i;
}

/// A 4-digit year at i: YYYY[ء]; YYYY-MM, YYYY/MM, YYYY.MM; YYYY-MM-DD (same separator twice);
/// and the compact YYYYMMDD, YYYYMMDDhhmm and YYYYMMDDhhmmss (ARC/Wayback timestamps).
std::optional<Match> match_year_first(const Tokens& t, std::size_t i) {
    if (t.number(i, 8, 8) || t.number(i, 12, 12) || t.number(i, 14, 14)) {
        const long v = t[i].digits == 8 ? t[i].value : t[i].value / 10;  // value keeps 9 digits
        return Match{static_cast<int>(v / 10000), static_cast<int>(v / 100 % 100),
                     static_cast<int>(v % 100), DatePrecision::day, i + 1};
    }
    if (!t.number(i, 4, 4)) return std::nullopt;
    Match m{static_cast<int>(t[i].value), 0, 0, DatePrecision::year, i + 1};
    const std::size_t sep = i + 1;
    if (!t.punct_in(sep, U"-/.") || !t.glued(sep) || !t.number(sep + 1, 1, 2) ||
        !t.glued(sep + 1)) {
        m.next = skip_year_mark(t, i + 1);
        return m;
    }
    m.month = static_cast<int>(t[sep + 1].value);
    m.precision = DatePrecision::month;
    m.next = sep + 2;
    const std::size_t sep2 = sep + 2;
    if (t.punct(sep2, t[sep].punct) && t.glued(sep2) && t.number(sep2 + 1, 1, 2) &&
        t.glued(sep2 + 1)) {
        m.day = static_cast<int>(t[sep2 + 1].value);
        m.precision = DatePrecision::day;
        m.next = sep2 + 2;
    }
    return m;
}

/// A day number at i followed by a month name: "02 May 2024", "26-FEB-1987", "2nd of May, 2024",
/// "13 اپریل 2016ء", "۹؍نومبر ۱۸۷۷ء". A number after the day ("02/05/2024") never matches.
std::optional<Match> match_day_first(const Tokens& t, std::size_t i) {
    if (!t.number(i, 1, 2)) return std::nullopt;
    const int day = static_cast<int>(t[i].value);
    std::size_t j = skip_separator(t, skip_ordinal(t, i + 1), kNameSeparators);
    if (!t.word(j, WordKind::month)) return std::nullopt;
    const int month = t[j].month;
    j = skip_separator(t, skip_abbreviation_dot(t, j + 1), kNameSeparators);
    if (!t.number(j, 4, 4)) return std::nullopt;
    return Match{static_cast<int>(t[j].value), month, day, DatePrecision::day,
                 skip_year_mark(t, j + 1)};
}

/// A month name at i: "May 2, 2024", "Nov. 19, 2019", "Apr 20 2018 12:07:57" (JavaScript),
/// "May 2 10:30:00 2024" (asctime), or "May 2024" / "مئی 2024" (month precision).
std::optional<Match> match_month_first(const Tokens& t, std::size_t i) {
    if (!t.word(i, WordKind::month)) return std::nullopt;
    const int month = t[i].month;
    std::size_t j = skip_abbreviation_dot(t, i + 1);
    if (t.number(j, 1, 2)) {
        const int day = static_cast<int>(t[j].value);
        j = skip_separator(t, skip_ordinal(t, j + 1), U",");
        j = skip_time(t, j);
        if (!t.number(j, 4, 4)) return std::nullopt;
        return Match{static_cast<int>(t[j].value), month, day, DatePrecision::day,
                     skip_year_mark(t, j + 1)};
    }
    j = skip_separator(t, j, kNameSeparators);
    if (!t.number(j, 4, 4)) return std::nullopt;
    return Match{static_cast<int>(t[j].value), month, 0, DatePrecision::month,
                 skip_year_mark(t, j + 1)};
}

/// Day and month as numbers, then a 4-digit year, with the same separator twice ("13/04/1987",
/// "04.13.1987", "4-3-1987"), or a 2-digit year after '/' ("15/09/27", "01/04/87": 1950-2049, as
/// South Asian papers write them; not after '.' or '-', as versions "3.6.13" and bowling figures
/// "3-1-15" are written): read in the only order that gives a month (both orders when they give
/// the same day), else in `order`; no match when the order is unknown.
std::optional<Match> match_numeric(const Tokens& t, std::size_t i, NumericOrder order) {
    const std::size_t sep = i + 1, sep2 = i + 3;
    if (!t.number(i, 1, 2) || !t.punct_in(sep, U"/.-") || !t.glued(sep) ||
        !t.number(sep + 1, 1, 2) || !t.glued(sep + 1) || !t.punct(sep2, t[sep].punct) ||
        !t.glued(sep2) || !t.glued(sep2 + 1))
        return std::nullopt;
    const bool short_year = t.number(sep2 + 1, 2, 2) && t[sep].punct == U'/';
    if (!t.number(sep2 + 1, 4, 4) && !short_year) return std::nullopt;
    const int a = static_cast<int>(t[i].value), b = static_cast<int>(t[sep + 1].value);
    bool month_first = false;
    if (a > 12 || a == b) {
        month_first = false;  // a day, or both orders give the same date
    } else if (b > 12) {
        month_first = true;
    } else if (order == NumericOrder::unknown) {
        return std::nullopt;
    } else {
        month_first = order == NumericOrder::month_first;
    }
    int year = static_cast<int>(t[sep2 + 1].value);
    if (short_year) year += year < kCenturyPivot ? 2000 : 1900;
    return month_first ? Match{year, a, b, DatePrecision::day, sep2 + 2}
                       : Match{year, b, a, DatePrecision::day, sep2 + 2};
}

/// True when year/month/day name a real day (or month, or year) between kMinYear and kMaxYear.
bool valid(const Match& m) {
    if (m.year < kMinYear || m.year > kMaxYear) return false;
    if (m.precision == DatePrecision::year) return true;
    if (m.month < 1 || m.month > 12) return false;
    if (m.precision == DatePrecision::month) return true;
    const bool leap = (m.year % 4 == 0 && m.year % 100 != 0) || m.year % 400 == 0;
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int last = kDays[static_cast<std::size_t>(m.month - 1)] + (m.month == 2 && leap);
    return m.day >= 1 && m.day <= last;
}

/// What may follow a match: nothing (or a final full stop); after a full date also a time, zone
/// or any text set off by a space, 'T', ':' or a comma ("Thu, 02 May 2024 10:30:00 +0000",
/// "02/May/2024:10:30:00").
bool tail_ok(const Tokens& t, const Match& m) {
    const std::size_t i = m.next;
    if (i == t.size) return true;
    if (i + 1 == t.size && t.punct(i, U'.')) return true;
    if (m.precision != DatePrecision::day) return false;
    return !t.glued(i) || t.word(i, WordKind::iso_t) || t.punct_in(i, U",|;:");
}

/// ASCII whitespace trimmed from both ends (cheap even on huge input).
std::string_view trim(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

/// Append n as zero-padded decimal digits.
void append_padded(std::string& out, int n, int width) {
    std::string digits(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0 && n > 0; --i, n /= 10) {
        digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + n % 10);
    }
    out += digits;
}

/// "YYYYMMDD" for a day.
std::string day_key(int year, int month, int day) {
    std::string out;
    append_padded(out, year, 4);
    append_padded(out, month, 2);
    append_padded(out, day, 2);
    return out;
}

/// The last day of a month (the match must be a valid month).
int last_day_of_month(int year, int month) {
    for (int day = 31; day > 28; --day) {
        if (valid(Match{year, month, day, DatePrecision::day, 0})) return day;
    }
    return 28;
}

/// True when the tokens are exactly YYYY, YYYY-MM or YYYY-MM-DD, with no spaces inside.
bool user_date_shape(const Tokens& t) {
    if (!t.number(0, 4, 4)) return false;
    for (std::size_t i = 1; i < t.size; i += 2) {
        if (!t.punct(i, U'-') || !t.number(i + 1, 2, 2) || !t.glued(i) || !t.glued(i + 1)) {
            return false;
        }
    }
    return t.size == 1 || t.size == 3 || t.size == 5;
}

}  // namespace

bool has_digit(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= '0' && c <= '9') return true;
        if ((c == 0xD9 || c == 0xDB) && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (c == 0xD9 ? next >= 0xA0 && next <= 0xA9 : next >= 0xB0 && next <= 0xB9)
                return true;
        }
    }
    return false;
}

std::optional<Date> parse_date(std::string_view text) {
    return parse_date(text, NumericOrder::unknown);
}

std::optional<Date> parse_date(std::string_view text, NumericOrder order) {
    text = trim(text);
    if (text.empty() || text.size() > kMaxInputBytes) return std::nullopt;
    if (!has_digit(text)) return std::nullopt;  // every date shape holds a number (the year)
    Tokens tokens;
    if (!tokenize(text, tokens)) return std::nullopt;
    std::size_t prefix_words = 0;
    const std::size_t start = skip_prefix(tokens, prefix_words);
    std::optional<Match> match = match_year_first(tokens, start);
    if (!match) match = match_day_first(tokens, start);
    if (!match) match = match_month_first(tokens, start);
    if (!match) match = match_numeric(tokens, start, order);
    if (!match || !valid(*match) || !tail_ok(tokens, *match)) return std::nullopt;
    // A bare number after words ("Volume 2016", "<year>2015") is too weak to call a year.
    if (match->precision == DatePrecision::year && prefix_words > 0) return std::nullopt;
    Date date;
    date.year = match->year;
    date.month = match->month;
    date.day = match->day;
    date.precision = match->precision;
    return date;
}

NumericOrdersSeen numeric_orders_in(std::string_view text) {
    NumericOrdersSeen seen;
    const auto digit = [&](std::size_t i) {
        return i < text.size() && text[i] >= '0' && text[i] <= '9';
    };
    const auto alnum = [&](std::size_t i) {
        return digit(i) || (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])));
    };
    // Reads 1-2 digits at i (not glued to more); returns how many, 0 for none.
    const auto small = [&](std::size_t i, int& v) -> std::size_t {
        std::size_t n = 0;
        v = 0;
        while (n < 3 && digit(i + n)) v = v * 10 + (text[i + n++] - '0');
        return n <= 2 ? n : 0;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!digit(i) || (i > 0 && alnum(i - 1))) continue;
        int a = 0, b = 0;
        const std::size_t na = small(i, a);
        if (na == 0) continue;
        const std::size_t s1 = i + na;
        if (s1 >= text.size() || (text[s1] != '/' && text[s1] != '.' && text[s1] != '-')) continue;
        const std::size_t nb = small(s1 + 1, b);
        const std::size_t s2 = s1 + 1 + nb;
        if (nb == 0 || s2 >= text.size() || text[s2] != text[s1]) continue;
        std::size_t y = s2 + 1, ny = 0;
        int year = 0;
        while (ny < 5 && digit(y + ny)) year = year * 10 + (text[y + ny++] - '0');
        if (ny == 2 && text[s1] == '/' && !alnum(y + 2)) {  // "14/09/27", as match_numeric
            year += year < kCenturyPivot ? 2000 : 1900;
            ny = 4;
        } else if (ny != 4 || alnum(y + 4)) {
            continue;
        }
        if (year < kMinYear || year > kMaxYear) continue;
        if (a > 12 && a <= 31 && b >= 1 && b <= 12) seen.day_first = true;
        if (b > 12 && b <= 31 && a >= 1 && a <= 12) seen.month_first = true;
    }
    return seen;
}

std::optional<DayRange> parse_user_date(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > kMaxInputBytes) return std::nullopt;
    Tokens t;
    if (!tokenize(text, t)) return std::nullopt;
    if (!user_date_shape(t)) return std::nullopt;
    const std::optional<Match> m = match_year_first(t, 0);
    if (!m || !valid(*m)) return std::nullopt;
    switch (m->precision) {
        case DatePrecision::year:
            return DayRange{day_key(m->year, 1, 1), day_key(m->year, 12, 31)};
        case DatePrecision::month:
            return DayRange{day_key(m->year, m->month, 1),
                            day_key(m->year, m->month, last_day_of_month(m->year, m->month))};
        case DatePrecision::day:
            return DayRange{day_key(m->year, m->month, m->day), day_key(m->year, m->month, m->day)};
        case DatePrecision::none:
            break;
    }
    return std::nullopt;
}

}  // namespace khabar
