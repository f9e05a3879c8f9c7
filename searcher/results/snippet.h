/** @file
 * @brief The best passage of an article for a query, with byte ranges of the matched words.
 *
 * Matching runs the shared analyzer over the raw stored text (normalization offsets map each word
 * back to the raw bytes), so a query typed with Arabic letters highlights Urdu text, and a stemmed
 * match (`election` → `elections`) is highlighted too. Rendering (ANSI, JSON) is separate.
 */
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"

namespace khabar {

struct Snippet {
    std::string text;                                             ///< passage, "…" where cut
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  ///< [start, end) bytes in text
};

/// Picks passages and marks words. One per thread (owns an Analyzer).
class SnippetMaker {
  public:
    explicit SnippetMaker(FoldMode fold = FoldMode::full) : analyzer_(fold) {}

    /// Best ~length-byte passage of `text` for the query terms; the start of the text when no word
    /// matches. Cuts only at word boundaries.
    Snippet make(const std::string& text, const std::set<std::string>& exact_terms,
                 const std::set<std::string>& stems, std::size_t length = 200);

    /// Highlight ranges over the whole of `text` (used for titles).
    std::vector<std::pair<std::size_t, std::size_t>> mark(const std::string& text,
                                                          const std::set<std::string>& exact_terms,
                                                          const std::set<std::string>& stems);

  private:
    bool matches(const Token& t, const std::set<std::string>& exact_terms,
                 const std::set<std::string>& stems);
    Analyzer analyzer_;
    std::size_t analyzed_end_ = 0;  ///< how far make() analyzed the text
};

}  // namespace khabar
