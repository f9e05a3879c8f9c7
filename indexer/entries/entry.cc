/** @file
 * @brief EntryInfo naming and BufferedStream: peek, line and whole-entry reads over an EntryStream.
 */
#include "entries/entry.h"

#include <algorithm>
#include <memory>

namespace khabar {

namespace {

/// How much BufferedStream asks its EntryStream for at a time.
constexpr std::size_t kChunk = 64u << 10;
/// append_read's scratch buffer, one per thread: the most one read call asks for.
constexpr std::size_t kScratchBytes = 64u << 10;

void append_escape(std::string& out, unsigned char b) {
    static const char hex[] = "0123456789abcdef";
    switch (b) {
        case '\n':
            out += "\\n";
            return;
        case '\t':
            out += "\\t";
            return;
        case '\r':
            out += "\\r";
            return;
        default:
            out += "\\x";
            out.push_back(hex[b >> 4]);
            out.push_back(hex[b & 15]);
    }
}

/// Length of the well-formed UTF-8 sequence at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0xC2 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF5 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) || (b == 0xF0 && b1 < 0x90) ||
        (b == 0xF4 && b1 > 0x8F))
        return 0;  // overlong, surrogate or past U+10FFFF
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b < 0x20 || b == 0x7F)
                append_escape(out, b);
            else
                out.push_back(static_cast<char>(b));
            ++i;
            continue;
        }
        std::size_t n = utf8_length(s, i);
        if (n == 0) {  // not UTF-8
            append_escape(out, b);
            ++i;
        } else if (n == 2 && b == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
            append_escape(out, static_cast<unsigned char>(s[i + 1]));  // C1 control: U+0080–U+009F
            i += 2;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string EntryInfo::name() const {
    // The innermost component: after the last "::" (nesting), then after the last '/'.
    std::string_view p = path.empty() ? std::string_view(file) : std::string_view(path);
    if (auto nest = p.rfind("::"); nest != std::string_view::npos) p.remove_prefix(nest + 2);
    while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    if (auto slash = p.rfind('/'); slash != std::string_view::npos && slash + 1 < p.size())
        p.remove_prefix(slash + 1);
    return std::string(p);
}

std::size_t append_read(EntryStream& in, std::string& buf, std::size_t n) {
    thread_local const std::unique_ptr<char[]> scratch(new char[kScratchBytes]);
    const std::size_t got = in.read(scratch.get(), std::min(n, kScratchBytes));
    buf.append(scratch.get(), got);
    return got;
}

bool BufferedStream::fill() {
    if (eof_) return false;
    // Drop what has been consumed before growing, so the buffer stays bounded by what is live.
    if (pos_ > 0 && (pos_ == buf_.size() || pos_ >= kChunk)) {
        buf_.erase(0, pos_);
        pos_ = 0;
    }
    const std::size_t n = append_read(in_, buf_, kChunk);
    if (n == 0) eof_ = true;
    return n > 0;
}

std::string_view BufferedStream::peek(std::size_t n) {
    while (buf_.size() - pos_ < n && fill()) {
    }
    std::size_t avail = std::min(n, buf_.size() - pos_);
    return std::string_view(buf_).substr(pos_, avail);
}

bool BufferedStream::getline(std::string& line, std::size_t max_line, bool* truncated) {
    line.clear();
    // Keep at most one byte more than max_line: it may be the '\r' of a "\r\n" terminator.
    const std::size_t keep = max_line == static_cast<std::size_t>(-1) ? max_line : max_line + 1;
    bool any = false;      // saw at least one byte (or an empty line's '\n')
    bool dropped = false;  // bytes beyond `keep` were discarded
    bool ended = false;    // stopped at '\n' (not at end of stream)
    while (pos_ < buf_.size() || fill()) {
        any = true;
        std::string_view avail = std::string_view(buf_).substr(pos_);
        std::size_t nl = avail.find('\n');
        std::string_view part = nl == std::string_view::npos ? avail : avail.substr(0, nl);
        std::size_t room = keep - line.size();
        if (part.size() > room) {
            line.append(part.substr(0, room));
            dropped = true;
        } else {
            line.append(part);
        }
        if (nl != std::string_view::npos) {
            pos_ += nl + 1;
            ended = true;
            break;
        }
        pos_ += avail.size();
    }
    if (ended && !dropped && !line.empty() && line.back() == '\r') line.pop_back();
    bool cut = dropped || line.size() > max_line;
    if (line.size() > max_line) line.resize(max_line);
    if (truncated) *truncated = cut;
    return any;
}

std::string BufferedStream::read_all(std::size_t max) {
    std::string out;
    for (;;) {
        if (pos_ == buf_.size() && !fill()) break;
        std::size_t avail = buf_.size() - pos_;
        if (out.size() + avail > max)
            throw EntryError("entry is larger than the " + std::to_string(max) +
                             "-byte limit for reading it whole");
        out.append(buf_, pos_, avail);
        pos_ = buf_.size();
    }
    return out;
}

int BufferedStream::get() {
    if (pos_ == buf_.size() && !fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_++]);
}

bool BufferedStream::eof() {
    return pos_ == buf_.size() && !fill();
}

}  // namespace khabar
