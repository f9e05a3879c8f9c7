/** @file
 * @brief The analysis pipeline both sides use: raw text → normalize → tokenize → terms and stems.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/normalizer.h"
#include "analysis/tokenizer.h"

namespace khabar {

/// Normalizer + tokenizer + stemmer for one thread.
class Analyzer {
  public:
    explicit Analyzer(FoldMode mode = FoldMode::full);

    /// Calls fn(const Token&) for each term of `raw` (offsets are into the *normalized* text).
    template <typename F>
    void for_each_term(std::string_view raw, F&& fn) {
        normalized_ = normalize(raw, mode_);
        tokenizer_.tokenize(normalized_, fn);
    }

    /// Terms of `raw` with byte offsets into `raw` itself (for highlighting the original text).
    /// With `wanted`, a term that does not start with one of its bytes may be left empty (its
    /// offsets are kept): in ASCII text, where that saves copying it.
    std::vector<Token> tokens_in_raw(std::string_view raw, const FirstBytes* wanted = nullptr);

    /// The stem of a lowercased term ("" when the term is not stemmed, e.g. numbers).
    std::string stem(const std::string& term);

    Xapian::Stem& stemmer() { return stemmer_; }
    Tokenizer& tokenizer() { return tokenizer_; }
    FoldMode mode() const { return mode_; }

  private:
    FoldMode mode_;
    Tokenizer tokenizer_;
    Xapian::Stem stemmer_;
    std::string normalized_;
    std::vector<std::uint32_t> offsets_;
};

/// Xapian's STEM_SOME rule: a term is stemmed when its first character is a letter.
bool should_stem(std::string_view term);

}  // namespace khabar
