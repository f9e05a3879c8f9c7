/** @file
 * @brief Language identification: NFKC, junk removal, script statistics, CLD2 within a script.
 */
#include "articles/language_id.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <map>

#include <cld2/public/compact_lang_det.h>

namespace khabar {

namespace {

/// Detection looks at this much of an article (CLD2 needs far less; the script counts settle
/// within a few thousand letters).
constexpr std::size_t kMaxBytes = 8000;
/// Fewer letters than this: no language.
constexpr std::size_t kMinLetters = 8;
/// A '{' opens a code block (CSS rule, JavaScript body) when its '}' follows within this many
/// bytes with a ':' or ';' between: a brace in prose ("{sic}", an unclosed one) swallows nothing.
constexpr std::size_t kBraceLookahead = 1000;

/// s cut to at most n bytes at a UTF-8 character boundary.
std::string_view utf8_prefix(std::string_view s, std::size_t n) {
    if (s.size() <= n) return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

std::string nfkc(std::string_view s) {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(ec);
    if (U_FAILURE(ec)) return std::string(s);
    const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
    if (n->isNormalizedUTF8(piece, ec) && U_SUCCESS(ec)) return std::string(s);  // most text
    ec = U_ZERO_ERROR;
    const icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    icu::UnicodeString out = n->normalize(u, ec);
    if (U_FAILURE(ec)) return std::string(s);
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_space_byte(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// A whitespace-separated word that is code or an address, not prose: `jQuery.noConflict();`,
/// `padding:18px;`, `#vote_area2`, `input[type=radio]`, `http://…`, `www.…`.
bool is_code_word(std::string_view w) {
    if (w.find_first_of("{}=;<>\\|[]_#@") != std::string_view::npos) return true;
    if (w.find("://") != std::string_view::npos || w.find("www.") != std::string_view::npos)
        return true;
    for (std::size_t i = 1; i + 1 < w.size(); ++i) {
        const char c = w[i];
        // member access and calls: letters on both sides of '.', a letter before '('
        if (c == '.' && is_ascii_letter(w[i - 1]) && is_ascii_letter(w[i + 1]) &&
            i + 2 < w.size() && is_ascii_letter(w[i + 2]))
            return true;
        if (c == '(' && is_ascii_letter(w[i - 1]) && w.find(')', i) != std::string_view::npos)
            return true;
        if (c == ':' && is_ascii_letter(w[i - 1]) && w[i + 1] != ' ') return true;
    }
    return false;
}

/// True when a '{' at s[i] opens code (see kBraceLookahead).
bool opens_code(std::string_view s, std::size_t i) {
    const std::string_view ahead = s.substr(i + 1, kBraceLookahead);
    const std::size_t close = ahead.find('}');
    return close != std::string_view::npos &&
           ahead.substr(0, close).find_first_of(":;") != std::string_view::npos;
}

/// Scripts as counted here.
enum class Family { none, latin, arabic, other };

Family family_of(UScriptCode sc) {
    switch (sc) {
        case USCRIPT_LATIN:
            return Family::latin;
        case USCRIPT_ARABIC:
            return Family::arabic;
        case USCRIPT_COMMON:
        case USCRIPT_INHERITED:
        case USCRIPT_INVALID_CODE:
            return Family::none;
        default:
            return Family::other;
    }
}

/// Calls f(code point, script) for every letter of s.
template <typename F>
void for_each_letter(std::string_view s, F&& f) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto len = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (c < 0x80) {  // fast paths: ASCII, and the letters of the Arabic block
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) f(c, USCRIPT_LATIN);
            continue;
        }
        if ((c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) ||
            (c >= 0x0671 && c <= 0x06D3)) {
            f(c, USCRIPT_ARABIC);
            continue;
        }
        if (!u_isalpha(c)) continue;
        UErrorCode ec = U_ZERO_ERROR;
        const UScriptCode sc = uscript_getScript(c, &ec);
        if (U_SUCCESS(ec)) f(c, sc);
    }
}

ScriptCounts count_prepared(std::string_view prepared) {
    ScriptCounts n;
    std::map<UScriptCode, std::size_t> others;
    for_each_letter(prepared, [&](UChar32, UScriptCode sc) {
        switch (family_of(sc)) {
            case Family::latin:
                ++n.latin;
                break;
            case Family::arabic:
                ++n.arabic;
                break;
            case Family::other:
                ++n.other;
                ++others[sc];
                break;
            case Family::none:
                break;
        }
    });
    if (!others.empty()) {
        auto best =
            std::max_element(others.begin(), others.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        n.other_script = uscript_getShortName(best->first);
    }
    return n;
}

Family main_family(const ScriptCounts& n) {
    if (n.total() < kMinLetters) return Family::none;
    if (n.arabic > n.latin && n.arabic >= n.other) return Family::arabic;
    if (n.other > n.latin && n.other > n.arabic) return Family::other;
    return Family::latin;
}

/// The words of `prepared` that hold a letter of the given script family, space-separated.
std::string words_in(std::string_view prepared, Family family) {
    std::string out;
    std::size_t i = 0;
    while (i < prepared.size()) {
        while (i < prepared.size() && is_space_byte(prepared[i])) ++i;
        std::size_t e = i;
        while (e < prepared.size() && !is_space_byte(prepared[e])) ++e;
        const std::string_view w = prepared.substr(i, e - i);
        bool hit = false;
        for_each_letter(w, [&](UChar32, UScriptCode sc) { hit = hit || family_of(sc) == family; });
        if (hit) {
            if (!out.empty()) out += ' ';
            out.append(w);
        }
        i = e;
    }
    return out;
}

/// CLD2's answer for plain UTF-8 text: its top language when CLD2 calls it reliable, else "".
struct Cld2Answer {
    std::string code;  ///< ISO 639-1 (CLD2's code), "" when unknown or unreliable
    int percent = 0;
};

Cld2Answer cld2(std::string_view text) {
    CLD2::Language top3[3];
    int percent3[3];
    int text_bytes = 0;
    bool reliable = false;
    const CLD2::Language lang = CLD2::DetectLanguageSummary(
        text.data(), static_cast<int>(text.size()), true, top3, percent3, &text_bytes, &reliable);
    if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return {};
    return {CLD2::LanguageCode(lang), percent3[0]};
}

bool is_arabic_script_language(std::string_view code) {
    for (std::string_view c : {"ar", "ur", "fa", "ps", "sd", "ku", "ckb", "ug", "ks", "prs"})
        if (code == c) return true;
    return false;
}

/// Urdu, Arabic or Persian from letters alone: Urdu writes ٹ ڈ ڑ ں ے ہ ھ in almost every
/// sentence; Arabic has ة ي ك ى, which Persian and Urdu replace with ه ی ک.
std::string arabic_by_letters(std::string_view prepared) {
    std::size_t letters = 0, urdu = 0, arabic_only = 0, persian = 0;
    for_each_letter(prepared, [&](UChar32 c, UScriptCode sc) {
        if (sc != USCRIPT_ARABIC) return;
        ++letters;
        switch (c) {
            case 0x0679:
            case 0x0688:
            case 0x0691:
            case 0x06BA:
            case 0x06D2:
            case 0x06C1:
            case 0x06BE:
            case 0x06D3:
                ++urdu;
                break;
            case 0x0629:
            case 0x064A:
            case 0x0643:
            case 0x0649:
                ++arabic_only;
                break;
            case 0x067E:
            case 0x0686:
            case 0x06AF:
            case 0x0698:
            case 0x06A9:
            case 0x06CC:
                ++persian;
                break;
            default:
                break;
        }
    });
    if (urdu * 50 >= letters) return "ur";
    if (persian > arabic_only) return "fa";
    return "ar";
}

/// The usual language of a script CLD2 did not name.
std::string script_default(std::string_view iso15924) {
    static constexpr std::pair<std::string_view, std::string_view> kDefaults[] = {
        {"Cyrl", "ru"}, {"Deva", "hi"}, {"Hani", "zh"}, {"Hira", "ja"}, {"Kana", "ja"},
        {"Hang", "ko"}, {"Grek", "el"}, {"Hebr", "he"}, {"Thai", "th"}, {"Beng", "bn"},
        {"Guru", "pa"}, {"Taml", "ta"}, {"Armn", "hy"}, {"Geor", "ka"}, {"Ethi", "am"}};
    for (const auto& [script, lang] : kDefaults)
        if (script == iso15924) return std::string(lang);
    return {};
}

std::string arabic_language(std::string_view prepared) {
    const std::string words = words_in(prepared, Family::arabic);
    const Cld2Answer a = cld2(words);
    if (is_arabic_script_language(a.code)) return a.code;
    return arabic_by_letters(words);
}

std::string other_language(std::string_view prepared, const ScriptCounts& n) {
    const Cld2Answer a = cld2(words_in(prepared, Family::other));
    if (!a.code.empty() && a.code != "en") return a.code;
    return script_default(n.other_script);
}

}  // namespace

std::string language_text(std::string_view text) {
    const std::string normalized = nfkc(utf8_prefix(text, kMaxBytes));
    const std::string_view s = normalized;
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_space_byte(s[i])) {
            out += s[i++];
            continue;
        }
        if (s[i] == '{' && opens_code(s, i)) {  // skip to the matching brace
            int depth = 0;
            for (; i < s.size(); ++i) {
                if (s[i] == '{') ++depth;
                if (s[i] == '}' && --depth == 0) break;
            }
            ++i;
            out += ' ';
            continue;
        }
        std::size_t e = i;
        while (e < s.size() && !is_space_byte(s[e]) && !(s[e] == '{' && opens_code(s, e))) ++e;
        const std::string_view w = s.substr(i, e - i);
        if (is_code_word(w))
            out += ' ';
        else
            out.append(w);
        i = e;
    }
    return out;
}

ScriptCounts count_scripts(std::string_view text) {
    return count_prepared(language_text(text));
}

std::string detect_language(std::string_view title, std::string_view body) {
    const std::string prepared_title = language_text(title);
    const std::size_t room = kMaxBytes - std::min(kMaxBytes, prepared_title.size());
    const std::string prepared = prepared_title + "\n" + language_text(utf8_prefix(body, room));
    const ScriptCounts n = count_prepared(prepared);
    Family family = main_family(n);
    if (family == Family::none) return {};
    const Family title_family = main_family(count_prepared(prepared_title));
    auto letters = [&n](Family f) {
        return f == Family::arabic ? n.arabic : f == Family::other ? n.other : n.latin;
    };
    if (title_family != Family::none && title_family != Family::latin && title_family != family &&
        letters(title_family) * 10 >= n.total())
        family = title_family;
    switch (family) {
        case Family::arabic:
            return arabic_language(prepared);
        case Family::other:
            return other_language(prepared, n);
        default:
            return "en";
    }
}

std::string detect_language(std::string_view text) {
    return detect_language(std::string_view(), text);
}

}  // namespace khabar
