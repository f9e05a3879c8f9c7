/** @file
 * @brief Word tokenizer with Xapian's term rules (word characters by Unicode category, acronyms,
 *        infixes such as AT&T and 1,000, suffixes such as C++), so that terms equal
 *        Xapian::QueryParser's and Xapian::TermGenerator's.
 */
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>

namespace khabar {

/// One word of normalized text: its lowercased term and byte range in the text.
struct Token {
    std::string term;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

/// Longest term (bytes) that is indexed — the same limit as Xapian::TermGenerator's default.
inline constexpr std::size_t max_term_bytes = 64;

/// Xapian's scanning rules for one term starting at or after `pos`: fills tok and advances pos past
/// the term (and any suffix characters). False when no term is left. Exposed for tests.
bool scan_xapian_term(std::string_view text, std::size_t& pos, Token& tok);

/// The bytes a term may start with, for callers that need only some terms.
using FirstBytes = std::bitset<256>;

/// scan_xapian_term for text that is all ASCII (is_ascii), in fewer steps: the same tokens. With
/// `wanted`, a term whose first byte is not in it is left empty (its offsets are still set).
bool scan_ascii_term(std::string_view text, std::size_t& pos, Token& tok,
                     const FirstBytes* wanted = nullptr);

/// Splits normalized text into terms. Not thread-safe (it reuses one Token): one per thread.
///
/// Earlier versions walked ICU's word break iterator and emitted an ICU segment as it was when
/// Xapian's rules could not split or extend it differently (every character a word character, no
/// word character in the gap before it, the next character neither a word character nor a joiner
/// such as `.` `&` `'` `+`), scanning with Xapian's rules everywhere else. Under those conditions
/// Xapian's scan from the same position yields exactly that segment, so the output was always the
/// scan's: the iterator only cost time (about 1 ms to create, and a pass over every byte).
class Tokenizer {
  public:
    /// Calls on_token(const Token&) for each word of `text` in order. The Token is reused between
    /// calls; copy what you keep.
    template <typename F>
    void tokenize(std::string_view text, F&& on_token) {
        std::size_t pos = 0;
        while (scan_xapian_term(text, pos, token_)) on_token(static_cast<const Token&>(token_));
    }

  private:
    Token token_;
};

}  // namespace khabar
