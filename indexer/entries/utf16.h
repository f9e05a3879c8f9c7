/** @file
 * @brief UTF-16 entries (Windows Notepad's "Unicode", exports of Windows tools) read as UTF-8, so
 *        that every reader sees UTF-8 text instead of skipping them as binary.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "entries/entry.h"

namespace khabar {

enum class Utf16Order { none, little_endian, big_endian };

/// The UTF-16 byte order of an entry whose first bytes are `head`: by its byte order mark (FF FE,
/// FE FF), or without one when at least 64 bytes of it read as UTF-16 text: a NUL byte in every
/// twentieth byte or more, all of them on the same side of their code unit (ASCII letters, digits,
/// spaces and newlines have a zero byte; Urdu and Arabic letters 06xx do not), and no code unit
/// 0000 (binary data has runs of NULs). none otherwise (UTF-8, a single-byte charset, binary).
Utf16Order utf16_order(std::string_view head);

/// An entry's bytes with the first ones, already read to look at them, put back in front.
class ReplayStream : public EntryStream {
  public:
    ReplayStream(std::string head, EntryStream& rest) : head_(std::move(head)), rest_(rest) {}
    std::string_view head() const { return head_; }
    std::size_t read(char* buf, std::size_t n) override;

  private:
    std::string head_;
    std::size_t pos_ = 0;
    EntryStream& rest_;
};

/// UTF-16 bytes of `order` read as UTF-8: a byte order mark at the start is dropped, surrogate
/// pairs are joined (also across reads), and a lone surrogate or an odd last byte becomes U+FFFD.
class Utf16Reader : public EntryStream {
  public:
    Utf16Reader(EntryStream& in, Utf16Order order)
        : in_(in), big_(order == Utf16Order::big_endian) {}
    std::size_t read(char* buf, std::size_t n) override;
    /// Bytes it stores: read and not decoded, and decoded (what was handed out is dropped before
    /// more is decoded), a chunk or two whatever the entry's size.
    std::size_t held() const { return raw_.size() + out_.size(); }

  private:
    void decode_more();
    void put(char32_t c);
    EntryStream& in_;
    bool big_;
    bool started_ = false;  ///< the byte order mark, if any, is behind
    bool eof_ = false;
    std::string raw_;  ///< bytes read but not decoded (an odd byte, a high surrogate)
    std::string out_;  ///< decoded UTF-8 not handed out yet
    std::size_t out_pos_ = 0;
};

}  // namespace khabar
