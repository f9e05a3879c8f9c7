/** @file
 * @brief The best passage of an article for a query, with byte ranges of the matched words.
 *
 * Matching runs the shared analyzer over the raw stored text (normalization offsets map each word
 * back to the raw bytes), so a query typed with Arabic letters highlights Urdu text, and a stemmed
 * match (`election` → `elections`) is highlighted too. A phrase (`"oil prices"`, or the two
 * halves of a split compound, `وزیر اعظم` for وزیراعظم) is highlighted only where its words stand
 * together, in order. Rendering (ANSI, JSON) is separate.
 */
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"

namespace khabar {

/// The terms of a phrase, in order (as the analyzer writes them).
using Phrase = std::vector<std::string>;

struct Snippet {
    std::string text;                                             ///< passage, "…" where cut
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  ///< [start, end) bytes in text
};

/// Picks passages and marks words. One per thread (owns an Analyzer).
class SnippetMaker {
  public:
    explicit SnippetMaker(FoldMode fold = FoldMode::full) : analyzer_(fold) {}

    /// Best ~length-byte passage of `text` for the query terms (words that match alone) and
    /// phrases (words that match only together); the start of the text when nothing matches.
    /// Cuts only at word boundaries.
    Snippet make(const std::string& text, const std::set<std::string>& exact_terms,
                 const std::set<std::string>& stems, std::size_t length = 200,
                 const std::vector<Phrase>& phrases = {});

    /// Highlight ranges over the whole of `text` (used for titles).
    std::vector<std::pair<std::size_t, std::size_t>> mark(const std::string& text,
                                                          const std::set<std::string>& exact_terms,
                                                          const std::set<std::string>& stems,
                                                          const std::vector<Phrase>& phrases = {});

  private:
    bool matches(const Token& t, const std::set<std::string>& exact_terms,
                 const std::set<std::string>& stems);
    /// First and last token of a match; {no_match, no_match} for a token that matches nothing.
    using TokenSpan = std::pair<std::size_t, std::size_t>;
    static constexpr std::size_t no_match = static_cast<std::size_t>(-1);
    /// For each of tokens[from..], the match it is part of: itself when it matches alone, the
    /// whole phrase when it is inside one.
    void match_tokens(const std::vector<Token>& tokens, std::size_t from,
                      const std::set<std::string>& exact_terms, const std::set<std::string>& stems,
                      const std::vector<Phrase>& phrases, std::vector<TokenSpan>& match);
    Analyzer analyzer_;
    std::size_t analyzed_end_ = 0;  ///< how far make() analyzed the text
};

}  // namespace khabar
