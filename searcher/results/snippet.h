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
#include <string_view>
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

/// An article's words as far as they were analyzed, and which of them match the query: what
/// fragment search (SnippetMaker::find_matches) hands to fragment choice (choose_window).
struct TextMatches {
    std::vector<Token> tokens;
    std::vector<int> match_id;  ///< per token: index of the matched query word, -1 if none
    /// Per token: first and last token of the match it is in (a word, or a whole phrase);
    /// {no_match, no_match} for a token that matches nothing.
    std::vector<std::pair<std::size_t, std::size_t>> match;
    std::size_t words = 0;         ///< distinct query words matched
    std::size_t analyzed_end = 0;  ///< bytes of the text analyzed
    static constexpr std::size_t no_match = static_cast<std::size_t>(-1);
};

/// The first and last token of the passage shown.
struct Window {
    std::size_t first = 0, last = 0;
};

/// Fragment choice: the window of at most `length` bytes with the most distinct matched words,
/// then the most matches, then the earliest; starting at a match (not inside a phrase) or at the
/// opening, moved back for context (up to a quarter of `length`) and extended to fill `length`.
/// `m.tokens` must not be empty.
Window choose_window(const TextMatches& m, std::size_t length);

/// The passage of `text` from window `w` of `m`: whitespace collapsed, "…" where cut, closing
/// punctuation kept, and the matched words (whole phrases only) as highlight ranges.
Snippet cut_passage(const std::string& text, const TextMatches& m, Window w);

/// The opening of a text without words (punctuation, symbols): cut at a space, else between
/// whole characters, and never before a combining mark.
Snippet opening_passage(const std::string& text, std::size_t length);

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

    /// Fragment search: analyze `text` in growing pieces (4 KB, then 32 KB) up to the first piece
    /// with a match, plus `length` bytes after it for context; marks the matching words.
    TextMatches find_matches(const std::string& text, const std::set<std::string>& exact_terms,
                             const std::set<std::string>& stems, std::size_t length,
                             const std::vector<Phrase>& phrases);

  private:
    /// The first bytes of a set of terms (a word whose first byte is not among them cannot be one).
    static FirstBytes first_bytes(const std::set<std::string>& terms);
    /// The first bytes of every term that can match (the terms, the stems, the phrases' words) in
    /// `out`, for the tokenizer to copy only words that start with one; null when any term can.
    static const FirstBytes* wanted(const std::set<std::string>& exact_terms,
                                    const std::set<std::string>& stems,
                                    const std::vector<Phrase>& phrases, FirstBytes& out);
    /// What every word with stem `stem` starts with (a word without it need not be stemmed).
    static std::string_view stem_prefix(std::string_view stem);
    bool matches(const Token& t, const std::set<std::string>& exact_terms,
                 const std::set<std::string>& stems, const FirstBytes& exact_first,
                 const FirstBytes& stem_first);
    /// First and last token of a match; {no_match, no_match} for a token that matches nothing.
    using TokenSpan = std::pair<std::size_t, std::size_t>;
    static constexpr std::size_t no_match = TextMatches::no_match;
    /// For each of tokens[from..], the match it is part of: itself when it matches alone, the
    /// whole phrase when it is inside one.
    void match_tokens(const std::vector<Token>& tokens, std::size_t from,
                      const std::set<std::string>& exact_terms, const std::set<std::string>& stems,
                      const std::vector<Phrase>& phrases, std::vector<TokenSpan>& match);
    /// Appends the tokens of text[from, to) to `m` (offsets in the whole text); terms as
    /// Analyzer::tokens_in_raw leaves them with `wanted`.
    void analyze_piece(const std::string& text, std::size_t from, std::size_t to,
                       const FirstBytes* wanted, TextMatches& m);
    Analyzer analyzer_;
};

}  // namespace khabar
