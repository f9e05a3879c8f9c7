/** @file
 * @brief Visual reordering with ICU ubidi + Arabic shaping, keeping highlights on whole words.
 */
#include "render/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace khabar {

bool parse_bidi_mode(std::string_view s, BidiMode& out) {
    if (s == "auto")
        out = BidiMode::automatic;
    else if (s == "visual")
        out = BidiMode::visual;
    else if (s == "logical")
        out = BidiMode::logical;
    else
        return false;
    return true;
}

bool use_visual_order(BidiMode mode) {
    if (mode != BidiMode::automatic) return mode == BidiMode::visual;
    if (!isatty(STDOUT_FILENO)) return false;
    const char* vte = std::getenv("VTE_VERSION");
    if (vte && std::atoi(vte) >= 5800) return false;
    if (std::getenv("KONSOLE_VERSION") || std::getenv("MLTERM")) return false;
    return true;
}

namespace {

bool has_rtl(std::string_view s) {
    // Hebrew, Arabic and related blocks start at U+0590: lead bytes D6..DF, and EF for
    // presentation forms. Cheap pre-check before running the bidi algorithm.
    for (unsigned char c : s)
        if (c >= 0xD6 && c <= 0xDF) return true;
    return false;
}

}  // namespace

std::string visual_line(const std::string& line, Ranges& highlights, bool* rtl) {
    if (rtl) *rtl = false;
    if (!has_rtl(line)) return line;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(line);
    const int32_t n = u.length();
    // Byte offset of each UTF-16 unit (and of the end), to map highlights.
    std::vector<std::size_t> byte_of(static_cast<std::size_t>(n) + 1, 0);
    {
        std::size_t b = 0;
        for (int32_t i = 0; i < n;) {
            UChar32 c = u.char32At(i);
            int32_t len = U16_LENGTH(c);
            std::size_t bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            for (int32_t k = 0; k < len; ++k) byte_of[static_cast<std::size_t>(i + k)] = b;
            b += bytes;
            i += len;
        }
        byte_of[static_cast<std::size_t>(n)] = b;
    }
    UErrorCode status = U_ZERO_ERROR;
    UBiDi* bidi = ubidi_openSized(n, 0, &status);
    if (U_FAILURE(status)) return line;
    ubidi_setPara(bidi, u.getBuffer(), n, UBIDI_DEFAULT_LTR, nullptr, &status);
    const bool right_to_left = U_SUCCESS(status) && (ubidi_getParaLevel(bidi) & 1) != 0;
    std::vector<int32_t> visual_to_logical(static_cast<std::size_t>(n));
    if (U_SUCCESS(status)) ubidi_getVisualMap(bidi, visual_to_logical.data(), &status);
    std::vector<UChar> out(static_cast<std::size_t>(n) * 2 + 16);
    int32_t out_len =
        U_SUCCESS(status)
            ? ubidi_writeReordered(bidi, out.data(), static_cast<int32_t>(out.size()),
                                   UBIDI_DO_MIRRORING | UBIDI_KEEP_BASE_COMBINING, &status)
            : 0;
    ubidi_close(bidi);
    if (U_FAILURE(status) || out_len != n) return line;
    // Shape Arabic letters into their joined forms (terminals without bidi rarely shape either).
    // Fixed length keeps one output unit per input unit, so positions still map; a lam-alef
    // ligature leaves a space where its second letter was (`سیلاب` would read `سیلا ب`), and
    // those spaces are dropped below: the text U_SHAPE_LAMALEF_RESIZE gives, with the map kept.
    std::vector<UChar> shaped(static_cast<std::size_t>(n) + 16);
    int32_t shaped_len =
        u_shapeArabic(out.data(), out_len, shaped.data(), static_cast<int32_t>(shaped.size()),
                      U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_VISUAL_LTR |
                          U_SHAPE_LENGTH_FIXED_SPACES_NEAR,
                      &status);
    const UChar* final_text = out.data();
    std::vector<bool> dropped(static_cast<std::size_t>(n), false);
    if (U_SUCCESS(status) && shaped_len == out_len) {
        for (int32_t i = 0; i < out_len; ++i) {
            const auto k = static_cast<std::size_t>(i);
            // Shaping also turns combining marks (zer, zabar, superscript alef …) into spacing
            // presentation forms (U+FE70…): keep the marks themselves, which a terminal draws on
            // the letter before them (KEEP_BASE_COMBINING put them there).
            if (u_charType(out[k]) == U_NON_SPACING_MARK) shaped[k] = out[k];
            dropped[k] = shaped[k] == u' ' && out[k] != u' ';
        }
        final_text = shaped.data();
    }
    // Build the UTF-8 result and the byte offset of each visual unit (a dropped unit has an
    // empty span next to the ligature that took its letter).
    std::string result;
    std::vector<std::size_t> vis_byte(static_cast<std::size_t>(n) + 1, 0);
    for (int32_t i = 0; i < out_len;) {
        UChar32 c;
        int32_t start = i;
        U16_NEXT(final_text, i, out_len, c);
        for (int32_t k = start; k < i; ++k) vis_byte[static_cast<std::size_t>(k)] = result.size();
        if (dropped[static_cast<std::size_t>(start)]) continue;
        icu::UnicodeString one(c);
        one.toUTF8String(result);
    }
    vis_byte[static_cast<std::size_t>(n)] = result.size();
    // Map each logical highlight to the visual span of its units (a word stays contiguous).
    Ranges mapped;
    for (auto [bs, be] : highlights) {
        std::size_t lo = result.size(), hi = 0;
        for (int32_t v = 0; v < n; ++v) {
            std::size_t lb =
                byte_of[static_cast<std::size_t>(visual_to_logical[static_cast<std::size_t>(v)])];
            if (lb >= bs && lb < be) {
                lo = std::min(lo, vis_byte[static_cast<std::size_t>(v)]);
                hi = std::max(hi, vis_byte[static_cast<std::size_t>(v) + 1]);
            }
        }
        if (lo < hi) mapped.emplace_back(lo, hi);
    }
    std::sort(mapped.begin(), mapped.end());
    highlights = std::move(mapped);
    if (rtl) *rtl = right_to_left;
    return result;
}

}  // namespace khabar
