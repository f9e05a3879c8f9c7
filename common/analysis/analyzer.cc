/** @file
 * @brief Analyzer: the one normalize → tokenize → stem path for documents, queries and snippets.
 */
#include "analysis/analyzer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analysis/stemmer.h"

namespace khabar {

Analyzer::Analyzer(FoldMode mode) : mode_(mode), stemmer_(make_stemmer()) {}

std::vector<Token> Analyzer::tokens_in_raw(std::string_view raw, const FirstBytes* wanted) {
    std::vector<Token> out;
    if (is_ascii(raw)) {
        // Normalization leaves ASCII text as it is: the raw offsets are the tokens' own, and each
        // token is scanned in place (no copy, no offset table).
        out.reserve(raw.size() / 5 + 1);
        std::size_t pos = 0;
        while (scan_ascii_term(raw, pos, out.emplace_back(), wanted)) {
        }
        out.pop_back();  // the slot of the scan that found nothing
        return out;
    }
    normalized_ = normalize_with_offsets(raw, offsets_, mode_);
    out.reserve(normalized_.size() / 5 + 1);  // about one word in 6 bytes of news text
    tokenizer_.tokenize(normalized_, [&](const Token& t) {
        Token r = t;
        r.start = offsets_[t.start];
        // The raw end is where the source of the next output byte starts; a chunk that expanded to
        // several words (ﷺ) maps every word onto the whole chunk.
        std::size_t k = t.end;
        while (k + 1 < offsets_.size() && offsets_[k] <= r.start) ++k;
        r.end = offsets_[k];
        out.push_back(std::move(r));
    });
    return out;
}

std::string Analyzer::stem(const std::string& term) {
    if (!should_stem(term)) return {};
    return stemmer_(term);
}

bool should_stem(std::string_view term) {
    if (term.empty()) return false;
    auto c0 = static_cast<unsigned char>(term[0]);
    if (c0 < 0x80) return (c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z');
    const auto* s = reinterpret_cast<const uint8_t*>(term.data());
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(term.size()), c);
    if (c < 0) return false;
    switch (u_charType(c)) {
        case U_UPPERCASE_LETTER:
        case U_LOWERCASE_LETTER:
        case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
            return true;
        default:
            return false;
    }
}

}  // namespace khabar
