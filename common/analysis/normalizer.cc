/** @file
 * @brief NFKC + Urdu fold table, chunked at normalization boundaries so offsets can be tracked.
 */
#include "analysis/normalizer.h"

#include "utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <atomic>
#include <cstdint>
#include <stdexcept>

namespace khabar {

namespace {

void (*icu_data_loader)() = nullptr;  // set_icu_data_loader

/// Before ICU's normalizers are first asked for: the data, when the program supplies it.
void ensure_icu_data() {
    static const bool done = [] {
        if (icu_data_loader) icu_data_loader();
        return true;
    }();
    (void)done;
}

const icu::Normalizer2& nfkc() {
    static const icu::Normalizer2* n = [] {
        ensure_icu_data();
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* p = icu::Normalizer2::getNFKCInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC normalizer unavailable");
        return p;
    }();
    return *n;
}

const icu::Normalizer2& nfd() {
    static const icu::Normalizer2* n = [] {
        ensure_icu_data();
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* p = icu::Normalizer2::getNFDInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU NFD normalizer unavailable");
        return p;
    }();
    return *n;
}

/// Appends c as UTF-8 (common/utf8.h); nothing for a negative value (ICU's U8_NEXT on an
/// ill-formed sequence).
void append_utf8(std::string& out, UChar32 c) {
    if (c >= 0) khabar::append_utf8(out, static_cast<char32_t>(c));
}

/// Arabic-script marks removed by the fold table (harakat, superscript alef, Quranic marks,
/// tatweel).
bool is_removed_mark(UChar32 c) {
    return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
           (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E8) ||
           (c >= 0x06EA && c <= 0x06ED) || c == 0x0640;
}

/// Code points Folder::fold_one writes otherwise than as they are, in some context: its cases
/// (ی stays ی unless a hamza follows, which is not a boundary), the digits and removed marks.
bool folds_specially(UChar32 c) {
    switch (c) {
        case 0x0621:
        case 0x06D3:
        case 0x06C2:
        case 0x06C0:
        case 0x0647:
        case 0x06D5:
        case 0x064A:
        case 0x0643:
        case 0x06AA:
        case 0x0629:
        case 0x0623:
        case 0x0625:
        case 0x0671:
        case 0x0672:
        case 0x0673:
        case 0x066B:
        case 0x066C:
        case 0x066A:
        case 0x0649:
            return true;
        default:
            return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9) ||
                   is_removed_mark(c);
    }
}

/// Per-code-point facts the normalizer asks ICU for, cached for the Basic Multilingual Plane so
/// each is computed once per process (a relaxed atomic byte per code point; 0 = not yet known).
enum Prop : std::uint8_t {
    kKnown = 1,
    kNfkcIdentity = 2,     ///< NFKC leaves the code point alone (no decomposition)
    kBoundaryBefore = 4,   ///< a normalization boundary before it (not a combining mark)
    kIgnorable = 8,        ///< Default_Ignorable_Code_Point
    kLatin = 16,           ///< Latin script
    kNonSpacingMark = 32,  ///< general category Mn
    kPlain = 64,           ///< normalize copies it as it is (plain_code_point)
};

/// True when normalize writes c as it is, whatever follows it, provided what follows starts a
/// normalization boundary: NFKC leaves it alone and starts a boundary before it, it is neither
/// ignorable, Latin nor a mark, and the fold table leaves it alone.
bool plain_code_point(UChar32 c, std::uint8_t p) {
    constexpr std::uint8_t need = kNfkcIdentity | kBoundaryBefore;
    constexpr std::uint8_t refuse = kIgnorable | kLatin | kNonSpacingMark;
    return (p & need) == need && !(p & refuse) && !folds_specially(c);
}

std::uint8_t compute_props(UChar32 c) {
    std::uint8_t p = kKnown;
    icu::UnicodeString d;
    if (!nfkc().getDecomposition(c, d)) p |= kNfkcIdentity;
    if (nfkc().hasBoundaryBefore(c)) p |= kBoundaryBefore;
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) p |= kIgnorable;
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) == USCRIPT_LATIN) p |= kLatin;
    if (u_charType(c) == U_NON_SPACING_MARK) p |= kNonSpacingMark;
    if (plain_code_point(c, p)) p |= kPlain;
    return p;
}

std::uint8_t props(UChar32 c) {
    static std::atomic<std::uint8_t> cache[0x10000];
    if (c < 0 || c > 0xFFFF) return compute_props(c < 0 ? 0xFFFD : c);
    std::uint8_t p = cache[c].load(std::memory_order_relaxed);
    if (!p) {
        p = compute_props(c);
        cache[c].store(p, std::memory_order_relaxed);
    }
    return p;
}

/// Emits folded code points of one NFKC chunk, tracking state across chunks.
class Folder {
  public:
    explicit Folder(FoldMode mode) : mode_(mode) {}

    /// Fold a decoded NFKC chunk (UTF-32) onto out.
    void fold(const std::u32string& cps, std::string& out) {
        for (std::size_t i = 0; i < cps.size(); ++i) {
            UChar32 c = static_cast<UChar32>(cps[i]);
            // Ignorables are dropped before NFKC (normalize_impl); NFKC could still make one.
            if (c >= 0x80 && (props(c) & kIgnorable)) continue;
            if (mode_ == FoldMode::exact) {
                append_utf8(out, c);
                after_latin_ = false;
                continue;
            }
            UChar32 next = i + 1 < cps.size() ? static_cast<UChar32>(cps[i + 1]) : 0;
            if (c < 0x80) {
                out.push_back(static_cast<char>(c));
                after_latin_ = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                continue;
            }
            if (after_latin_ && (props(c) & kNonSpacingMark)) continue;  // café + U+0301
            // The digit context is what was written, not what was read: a removed mark or a
            // dropped year mark between a digit and a ء keeps it (2016ءء -> 2016 in one pass).
            const bool after_digit = !out.empty() && out.back() >= '0' && out.back() <= '9';
            // Likewise the Latin context: a removed tatweel between m and a mark keeps it, or the
            // mark would survive this pass and go in the next (fuzz_analyzer: m + U+0640 + U+05AA).
            const bool was_after_latin = after_latin_;
            const std::size_t written = out.size();
            after_latin_ = false;
            fold_one(c, next, after_digit, out, i);
            if (out.size() == written) after_latin_ = was_after_latin;
        }
    }

    /// What fold would remember after `last`, the last of a run copied as it is (plain_run).
    void copied(unsigned char last) {
        after_latin_ = mode_ != FoldMode::exact &&
                       ((last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z'));
    }

  private:
    void fold_one(UChar32 c, UChar32 next, bool after_digit, std::string& out, std::size_t& i) {
        switch (c) {
            case 0x0621:  // ء year mark after digits: 2016ء -> 2016
                if (after_digit) return;
                break;
            case 0x06CC:
            case 0x0649:
                if (next == 0x0654) {  // ی + ٔ -> ئ (no precomposed form; NFKC can't do it)
                    append_utf8(out, 0x0626);
                    ++i;
                    return;
                }
                append_utf8(out, 0x06CC);
                return;
            case 0x06D3:  // ۓ -> ئے
                append_utf8(out, 0x0626);
                append_utf8(out, 0x06D2);
                return;
            case 0x06C2:
            case 0x06C0:  // ۂ ۀ -> ہ (izafat hamza dropped: lossy, SPEC §2.3)
            case 0x0647:
            case 0x06D5:  // ه ە -> ہ (never to ھ: کہا/کھا must stay apart)
                append_utf8(out, 0x06C1);
                return;
            case 0x064A:  // ي -> ی
                append_utf8(out, 0x06CC);
                return;
            case 0x0643:
            case 0x06AA:  // ك ڪ -> ک
                append_utf8(out, 0x06A9);
                return;
            case 0x0629:  // ة -> ۃ (not ہ: زکوۃ/زکوہ stay apart)
                append_utf8(out, 0x06C3);
                return;
            case 0x0623:
            case 0x0625:
            case 0x0671:
            case 0x0672:
            case 0x0673:  // أ إ ٱ ٲ ٳ -> ا (آ is kept)
                append_utf8(out, 0x0627);
                return;
            case 0x066B:
                out.push_back('.');
                return;
            case 0x066C:
                out.push_back(',');
                return;
            case 0x066A:
                out.push_back('%');
                return;
            default:
                break;
        }
        if (c >= 0x0660 && c <= 0x0669) {
            out.push_back(static_cast<char>('0' + (c - 0x0660)));
            return;
        }
        if (c >= 0x06F0 && c <= 0x06F9) {
            out.push_back(static_cast<char>('0' + (c - 0x06F0)));
            return;
        }
        if (is_removed_mark(c)) return;
        if (props(c) & kLatin) {
            after_latin_ = true;
            icu::UnicodeString decomposed;
            if (nfd().getDecomposition(c, decomposed)) {  // é -> e + ◌́ : keep the base letter
                UChar32 base = decomposed.char32At(0);
                append_utf8(out, base);
                return;
            }
        }
        append_utf8(out, c);
    }

    FoldMode mode_;
    bool after_latin_ = false;
};

/// The code point when `chunk` holds exactly one, else -1.
UChar32 single_code_point(const std::string& chunk) {
    const auto* s = reinterpret_cast<const uint8_t*>(chunk.data());
    int32_t i = 0, len = static_cast<int32_t>(chunk.size());
    UChar32 c;
    U8_NEXT(s, i, len, c);
    return i == len ? c : -1;
}

/// Whether NFKC changes a lone code point (it has a compatibility or canonical decomposition).
bool has_nfkc_mapping(const icu::Normalizer2& n, UChar32 c) {
    icu::UnicodeString d;
    return n.getDecomposition(c, d);
}

/// Decode one NFKC chunk into code points, normalizing it with ICU.
void nfkc_chunk(std::string_view raw, std::u32string& cps) {
    cps.clear();
    icu::UnicodeString src = icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), raw.size()));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString norm;
    if (nfkc().isNormalized(src, status) && U_SUCCESS(status)) {
        norm = src;
    } else {
        status = U_ZERO_ERROR;
        norm = nfkc().normalize(src, status);
        if (U_FAILURE(status)) norm = src;
    }
    for (int32_t k = 0; k < norm.length();) {
        UChar32 c = norm.char32At(k);
        cps.push_back(static_cast<char32_t>(c));
        k += U16_LENGTH(c);
    }
}

/// The end of the longest run of ASCII and plain code points from `i` in which each is followed
/// by another of the run, or the text's end: normalize writes such a run as it is. `i` when
/// there is none.
int32_t plain_run(const uint8_t* s, int32_t i, int32_t len) {
    int32_t last = i;  // the start of the run's latest code point
    int32_t j = i;
    while (j < len) {
        const int32_t at = j;
        if (s[j] < 0x80) {
            ++j;
        } else {
            UChar32 c;
            U8_NEXT(s, j, len, c);
            if (c < 0 || c > 0xFFFF || !(props(c) & kPlain)) return last;
        }
        last = at;
    }
    return len;
}

std::string normalize_impl(std::string_view text, std::vector<std::uint32_t>* offsets,
                           FoldMode mode) {
    std::string out;
    out.reserve(text.size() + 16);
    if (offsets) offsets->clear();
    if (is_ascii(text)) {
        out.assign(text);
        if (offsets) {
            offsets->resize(text.size() + 1);
            for (std::size_t i = 0; i <= text.size(); ++i) (*offsets)[i] = static_cast<uint32_t>(i);
        }
        return out;
    }
    const icu::Normalizer2& n = nfkc();
    Folder folder(mode);
    std::u32string cps;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t len = static_cast<int32_t>(text.size());
    int32_t i = 0;
    std::string chunk;
    // Invisible characters (Default_Ignorable_Code_Point: ZWNJ, ZWJ, soft hyphen, …) are dropped
    // before NFKC, so what they separated composes now (و ZWNJ ٔ -> ؤ), not on a second pass.
    auto ignorable = [](UChar32 c) { return c >= 0x80 && (props(c) & kIgnorable); };
    while (i < len) {
        // Fastest path: a run of ASCII and plain code points, each followed by another, is
        // written as it is; the run's last one is left to the paths below, which look past it.
        if (const int32_t end = plain_run(s, i, len); end > i) {
            if (offsets) {
                for (int32_t k = i; k < end; ++k)
                    if ((s[k] & 0xC0) != 0x80)
                        offsets->push_back(static_cast<uint32_t>(k));
                    else
                        offsets->push_back(offsets->back());
            }
            out.append(reinterpret_cast<const char*>(s + i), static_cast<std::size_t>(end - i));
            folder.copied(s[end - 1]);
            i = end;
            if (i >= len) break;
        }
        // Fast path: a code point NFKC leaves alone, followed by a boundary (no combining mark).
        {
            int32_t j = i;
            UChar32 c;
            U8_NEXT(s, j, len, c);
            if (c >= 0 && ignorable(c)) {
                i = j;
                continue;
            }
            if (c >= 0 && (c < 0x80 || (props(c) & kNfkcIdentity))) {
                int32_t k = j;
                UChar32 next = 0;
                while (k < len) {
                    U8_NEXT(s, k, len, next);
                    if (next < 0 || !ignorable(next)) break;
                    next = 0;
                }
                if (next < 0x80 || (props(next) & kBoundaryBefore)) {
                    cps.assign(1, static_cast<char32_t>(c));
                    folder.fold(cps, out);
                    if (offsets) offsets->resize(out.size(), static_cast<uint32_t>(i));
                    i = j;
                    continue;
                }
            }
        }
        // A chunk runs from one normalization boundary to the next.
        int32_t start = i;
        chunk.clear();
        bool first = true;
        while (i < len) {
            int32_t before = i;
            UChar32 c;
            U8_NEXT(s, i, len, c);
            if (c < 0) c = 0xFFFD;
            if (ignorable(c)) continue;
            if (!first && (c < 0x80 || (props(c) & kBoundaryBefore))) {
                i = before;
                break;
            }
            first = false;
            append_utf8(chunk, c);
        }
        if (chunk.size() == 1 && static_cast<unsigned char>(chunk[0]) < 0x80) {
            cps.assign(1, static_cast<char32_t>(chunk[0]));
        } else if (UChar32 only = single_code_point(chunk);
                   only >= 0 && !has_nfkc_mapping(n, only)) {
            cps.assign(1, static_cast<char32_t>(only));  // most letters: NFKC leaves them alone
        } else {
            nfkc_chunk(chunk, cps);
        }
        folder.fold(cps, out);
        if (offsets) offsets->resize(out.size(), static_cast<uint32_t>(start));
    }
    if (offsets) offsets->push_back(static_cast<uint32_t>(text.size()));
    return out;
}

}  // namespace

bool is_ascii(std::string_view text) {
    return skip_ascii(text, 0) == text.size();
}

void set_icu_data_loader(void (*load)()) {
    icu_data_loader = load;
}

std::string normalize(std::string_view text, FoldMode mode) {
    return normalize_impl(text, nullptr, mode);
}

std::string normalize_with_offsets(std::string_view text, std::vector<std::uint32_t>& offsets,
                                   FoldMode mode) {
    return normalize_impl(text, &offsets, mode);
}

}  // namespace khabar
