/** @file
 * @brief Word tokenizer: ICU word segmentation, with Xapian's term rules (acronyms, infixes such as
 *        AT&T and 1,000, suffixes such as C++) applied so that terms equal Xapian::QueryParser's.
 */
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace khabar {

/// One word of normalized text: its lowercased term and byte range in the text.
struct Token {
    std::string term;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

/// Longest term (bytes) that is indexed — the same limit as Xapian::TermGenerator's default.
inline constexpr std::size_t max_term_bytes = 64;

/// Splits normalized text into terms. Not thread-safe: one instance per thread.
class Tokenizer {
  public:
    Tokenizer();
    ~Tokenizer();
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    /// Calls on_token(const Token&) for each word of `text` in order. The Token is reused between
    /// calls; copy what you keep.
    template <typename F>
    void tokenize(std::string_view text, F&& on_token) {
        begin(text);
        while (next(token_)) on_token(static_cast<const Token&>(token_));
    }

  private:
    void begin(std::string_view text);
    bool next(Token& tok);
    bool next_segment();
    bool emit_simple_segment(Token& tok);

    std::unique_ptr<icu::BreakIterator> breaker_;
    void* utext_ = nullptr;  // UText*
    std::string_view text_;
    std::size_t pos_ = 0;         // end of the last term (Xapian-consistent scan position)
    std::int32_t seg_start_ = 0;  // current ICU word segment [seg_start_, seg_end_)
    std::int32_t seg_end_ = 0;
    bool have_seg_ = false;
    bool icu_done_ = false;
    Token token_;
};

/// Xapian's scanning rules for one term starting at or after `pos`: fills tok and advances pos past
/// the term (and any suffix characters). False when no term is left. Exposed for tests.
bool scan_xapian_term(std::string_view text, std::size_t& pos, Token& tok);

}  // namespace khabar
