/** @file
 * @brief libFuzzer target: the text analysis both sides share — normalize (both FoldModes),
 *        normalize_with_offsets, Analyzer::for_each_term, tokens_in_raw and stem — with invariants:
 *
 *  - normalize's output is valid UTF-8 and normalize(normalize(x)) == normalize(x);
 *  - normalize_with_offsets gives the same text as normalize, offsets.size() == out.size() + 1,
 *    every offset <= input size and offsets.back() == input size;
 *  - for_each_term: non-empty terms, start <= end <= normalized size, starts in order;
 *  - tokens_in_raw: as many tokens as for_each_term, same terms, start <= end <= raw size.
 */
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utf8.h>

#include "analysis/analyzer.h"
#include "fuzz_support.h"

namespace {

using khabar::fuzz::fail;

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    int32_t i = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
    }
    return true;
}

void check_mode(khabar::Analyzer& analyzer, std::string_view text) {
    const khabar::FoldMode mode = analyzer.mode();
    const std::string once = khabar::normalize(text, mode);
    if (!valid_utf8(once)) fail("normalize output is not valid UTF-8", text);
    const std::string twice = khabar::normalize(once, mode);
    if (twice != once)
        fail(mode == khabar::FoldMode::full ? "normalize (full) is not idempotent"
                                            : "normalize (exact) is not idempotent",
             text);

    std::vector<std::uint32_t> offsets;
    const std::string with = khabar::normalize_with_offsets(text, offsets, mode);
    if (with != once) fail("normalize_with_offsets text differs from normalize", text);
    if (offsets.size() != with.size() + 1) fail("offsets.size() != out.size() + 1", text);
    if (offsets.back() != text.size()) fail("offsets.back() != input size", text);
    for (auto o : offsets)
        if (o > text.size()) fail("offset past the input", text);

    std::vector<std::string> terms;
    std::uint32_t last_start = 0;
    analyzer.for_each_term(text, [&](const khabar::Token& t) {
        if (t.term.empty()) fail("empty term", text);
        if (t.start > t.end || t.end > once.size())
            fail("for_each_term offsets out of range", text);
        if (t.start < last_start) fail("for_each_term tokens out of order", text);
        last_start = t.start;
        terms.push_back(t.term);
        (void)analyzer.stem(t.term);
    });

    const auto raw = analyzer.tokens_in_raw(text);
    if (raw.size() != terms.size()) fail("tokens_in_raw and for_each_term disagree on count", text);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i].start > raw[i].end) fail("tokens_in_raw start > end", text);
        if (raw[i].end > text.size()) fail("tokens_in_raw end past the input", text);
        if (raw[i].term != terms[i])
            fail("tokens_in_raw and for_each_term disagree on a term", text);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static khabar::Analyzer full(khabar::FoldMode::full);
    static khabar::Analyzer exact(khabar::FoldMode::exact);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_mode(full, text);
    check_mode(exact, text);
    return 0;
}
