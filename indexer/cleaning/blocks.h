/** @file
 * @brief Page blocks for chrome detection: splitting a text into lines / paragraphs, and the
 *        normalized "shape" two blocks must share to count as the same block across pages.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::cleaning {

/// A byte range [begin, end) of a text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const { return end - begin; }
    bool operator==(const Span&) const = default;
};

/// One block of a page: a line, or a hard-wrapped paragraph (its lines joined into one block).
struct Block {
    Span span;                  ///< the block's bytes, without surrounding whitespace
    bool blank_before = false;  ///< a blank line separates it from the previous block
};

/// Split a text into blocks. Every non-blank line is a block, except that the lines of a
/// hard-wrapped paragraph (wire copy wrapped at 70 columns) are joined into one. A paragraph of
/// three lines or more may be wrapped at its widest line when that is 55-100 characters (a
/// two-line paragraph at the widest of the paragraphs found wrapped). A line break is forced by
/// that width when the line does not end a sentence and the next line's first word would not have
/// fitted on it; when at least two thirds of a paragraph's breaks (those not after a sentence end)
/// are forced, its lines are joined at those breaks (a list of headlines of similar lengths stays
/// one block per line).
std::vector<Block> split_blocks(std::string_view text);

/// Bytes of the digit at text[i]: 1 for an ASCII digit, 2 for an Urdu (U+06F0-U+06F9) or
/// Arabic-Indic (U+0660-U+0669) one, 0 for anything else.
std::size_t digit_bytes(std::string_view text, std::size_t i);

/// The normalized form of a block: NFKC and the Urdu/Arabic folds of the analyzer (so Urdu and
/// ASCII digits agree), case folded, every run of digits as one '#', month names as "<m>" and
/// weekday names as "<d>" (English and Urdu), whitespace collapsed, and bullets or separators
/// at either end removed. "Updated 02 May, 2024" and "updated 1 Apr, 2023" share a shape.
std::string block_shape(std::string_view block);

/// 64-bit hash of a shape (never 0).
std::uint64_t shape_hash(std::string_view shape);

/// What the removal decision needs to know about one block's text.
struct BlockFacts {
    std::uint64_t hash = 0;  ///< shape_hash(block_shape(text))
    /// For short blocks with a number (dates, times): a hash of the text with its digits and
    /// month names as written (normalized, case folded), so "Nov 18, 2019 at 9:24 pm ET" on
    /// every page of a site is told from each article's own date; 0 for other blocks.
    std::uint64_t literal = 0;
    std::uint32_t words = 0;    ///< words with a letter or digit
    std::uint32_t numbers = 0;  ///< of those, words that are numbers ("30-69", "5.00", "#")
    bool sentence_end = false;  ///< ends like a sentence: . ! ? ۔ ؟ (before closing quotes)
    bool full_stop = false;     ///< the sentence end is a full stop (. or ۔), not ? or !
    bool truncated = false;     ///< ends with "..." or "…" (a cut teaser; not a sentence end)
};

/// Shape hash, literal hash and counts of one block's text.
BlockFacts describe_block(std::string_view text);

/// A block's text and what describe_block found for it on one thread, for the memo of another
/// (BlockMemoScope::remember).
struct DescribedBlock {
    std::string text;
    BlockFacts facts;
    std::string shape;  ///< block_shape(text) for texts of at most 96 bytes, else ""
};

/// describe_block without this thread's memo, for another thread's (BlockMemoScope::remember):
/// appends the text and its description to `described` when the text is short (at most 96
/// bytes: the labels, menus and dates that recur across pages and whose shape the rules ask for;
/// a long paragraph's facts travel with its page instead, PageReading).
BlockFacts describe_block(std::string_view text, std::vector<DescribedBlock>& described);

/// While one is alive on a thread, describe_block and block_shape on that thread remember what
/// they computed, by exact text, so that a block read again (the same page in both passes of an
/// index run, a site's chrome on each of its pages) is normalized once. The results are the same
/// with or without it. At most `budget` bytes (an estimate) are remembered; texts beyond that are
/// described as usual, not remembered. One per thread at a time (scopes do not nest).
class BlockMemoScope {
  public:
    explicit BlockMemoScope(std::size_t budget);
    ~BlockMemoScope();
    BlockMemoScope(const BlockMemoScope&) = delete;
    BlockMemoScope& operator=(const BlockMemoScope&) = delete;

    /// What another thread described, remembered on this one as if described here (a text
    /// remembered already counts as a call answered from memory).
    static void remember(const DescribedBlock& block);

    /// Calls answered from memory, and texts remembered, on this thread since construction.
    static std::uint64_t hits();
    static std::size_t entries();
};

}  // namespace khabar::cleaning
