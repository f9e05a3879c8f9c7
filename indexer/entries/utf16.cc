/** @file
 * @brief UTF-16 entries read as UTF-8 (utf16.h).
 */
#include "entries/utf16.h"

#include <algorithm>
#include <array>

namespace khabar {

Utf16Order utf16_order(std::string_view head) {
    if (head.starts_with("\xFF\xFE")) return Utf16Order::little_endian;
    if (head.starts_with("\xFE\xFF")) return Utf16Order::big_endian;
    constexpr std::size_t kMinBytes = 64, kNulShare = 20;
    const std::size_t units = head.size() / 2;
    if (head.size() < kMinBytes) return Utf16Order::none;
    std::array<std::size_t, 2> nul{};  // NUL bytes at even and at odd offsets
    for (std::size_t u = 0; u < units; ++u) {
        const bool lo = head[2 * u] == '\0', hi = head[2 * u + 1] == '\0';
        if (lo && hi) return Utf16Order::none;  // U+0000: no text has it
        nul[0] += lo;
        nul[1] += hi;
    }
    if (nul[0] != 0 && nul[1] != 0) return Utf16Order::none;
    const std::size_t nuls = nul[0] + nul[1];
    if (nuls * kNulShare < head.size()) return Utf16Order::none;
    // "A\0" (low byte first) is little-endian: its NULs sit at odd offsets.
    return nul[1] != 0 ? Utf16Order::little_endian : Utf16Order::big_endian;
}

std::size_t ReplayStream::read(char* buf, std::size_t n) {
    if (pos_ < head_.size()) {
        n = std::min(n, head_.size() - pos_);
        head_.copy(buf, n, pos_);
        pos_ += n;
        return n;
    }
    return rest_.read(buf, n);
}

std::size_t Utf16Reader::read(char* buf, std::size_t n) {
    while (out_.size() - out_pos_ < n && !eof_) decode_more();
    n = std::min(n, out_.size() - out_pos_);
    out_.copy(buf, n, out_pos_);
    out_pos_ += n;
    if (out_pos_ == out_.size()) {
        out_.clear();
        out_pos_ = 0;
    }
    return n;
}

void Utf16Reader::put(char32_t c) {
    if (c < 0x80) {
        out_ += static_cast<char>(c);
    } else if (c < 0x800) {
        out_ += static_cast<char>(0xC0 | (c >> 6));
        out_ += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out_ += static_cast<char>(0xE0 | (c >> 12));
        out_ += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out_ += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out_ += static_cast<char>(0xF0 | (c >> 18));
        out_ += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out_ += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out_ += static_cast<char>(0x80 | (c & 0x3F));
    }
}

void Utf16Reader::decode_more() {
    if (out_pos_ > 0) {  // what was handed out goes: memory stays a chunk or two, not the file
        out_.erase(0, out_pos_);
        out_pos_ = 0;
    }
    constexpr std::size_t kChunk = 16u << 10;
    char chunk[kChunk];
    const std::size_t got = in_.read(chunk, kChunk);
    if (got == 0) eof_ = true;
    raw_.append(chunk, got);
    auto unit = [&](std::size_t i) -> char16_t {
        const auto a = static_cast<unsigned char>(raw_[i]),
                   b = static_cast<unsigned char>(raw_[i + 1]);
        return static_cast<char16_t>(big_ ? (a << 8) | b : (b << 8) | a);
    };
    std::size_t i = 0;
    if (!started_ && raw_.size() >= 2) {
        started_ = true;
        if (unit(0) == 0xFEFF) i = 2;
    }
    for (; i + 1 < raw_.size(); i += 2) {
        const char16_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {  // a high surrogate: its low one follows
            if (i + 3 >= raw_.size()) {
                if (!eof_) break;  // the pair goes on in the next read
                put(0xFFFD);
                continue;
            }
            const char16_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                put(0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
            } else {
                put(0xFFFD);
            }
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            put(0xFFFD);
        } else {
            put(u);
        }
    }
    raw_.erase(0, i);
    if (eof_ && !raw_.empty()) {  // an odd last byte
        put(0xFFFD);
        raw_.clear();
    }
}

}  // namespace khabar
