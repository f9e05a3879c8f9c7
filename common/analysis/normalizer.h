/** @file
 * @brief Text normalization shared by indexing and querying: NFKC, then the Urdu letter-fold table
 *        (analysis/SPEC.md §2.1), Latin accent removal. No case folding (Xapian lowercases).
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar {

/// Which folding to apply after NFKC.
enum class FoldMode {
    full,   ///< NFKC + Urdu/Arabic letter folds + diacritics + digits + Latin accents (default)
    exact,  ///< NFKC and invisible-character removal only (`--exact`: keeps letter forms)
};

/// Normalize UTF-8 text. Invalid UTF-8 bytes become U+FFFD. Pure ASCII input is returned as is.
std::string normalize(std::string_view text, FoldMode mode = FoldMode::full);

/// Normalize and record, for every byte of the result (and one past its end), the byte offset in
/// `text` it came from: offsets[i] is where output byte i's source starts, offsets[size] ==
/// text.size(). Used to map tokens found in normalized text back onto the raw text for highlights.
std::string normalize_with_offsets(std::string_view text, std::vector<std::uint32_t>& offsets,
                                   FoldMode mode = FoldMode::full);

/// True when every byte is < 0x80.
bool is_ascii(std::string_view text);

/// For a program whose ICU code is linked without ICU's data (`khabar`: cli/icu_data.h): the
/// function that gives ICU its data, called once, before ICU's normalizers are first asked for
/// (so a process that never normalizes non-ASCII text never loads the data). Unset (the
/// default), ICU's shared library finds its data itself.
void set_icu_data_loader(void (*load)());

}  // namespace khabar
