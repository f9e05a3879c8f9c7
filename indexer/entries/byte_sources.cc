/** @file
 * @brief Byte sources: reads that count, stop at read errors and at the bomb guard's limits.
 */
#include "entries/byte_sources.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>

#include "entries/archive_glue.h"

namespace khabar::entries {

namespace {

/// The ratio guard is not applied below this many bytes of one entry (tiny archives of text
/// legitimately compress well; a bomb is only a problem when it is big).
constexpr std::int64_t kRatioFloorBytes = 1 << 20;

/// Every byte FdInput read.
std::atomic<std::uint64_t> fd_bytes_read{0};

std::string format_ratio(double r) {
    std::string s = std::to_string(r);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

}  // namespace

std::uint64_t fd_bytes_total() {
    return fd_bytes_read.load(std::memory_order_relaxed);
}

std::size_t FdInput::read(char* buf, std::size_t n) {
    if (!failure_.empty()) throw EntryError(failure_);
    for (;;) {
        ssize_t r = ::read(fd_, buf, n);
        if (r >= 0) {
            fd_bytes_read.fetch_add(static_cast<std::uint64_t>(r), std::memory_order_relaxed);
            return static_cast<std::size_t>(r);
        }
        if (errno == EINTR) continue;
        failure_ = "read error: " + errno_text(errno);
        throw EntryError(failure_);
    }
}

std::size_t MemberInput::read(char* buf, std::size_t n) {
    if (!failure_.empty()) throw EntryError(failure_);
    if (n == 0 || eof_) return 0;
    la_ssize_t r = archive_read_data(a_, buf, n);
    if (r < 0) {
        fatal_ = r == ARCHIVE_FATAL;
        failure_ = archive_message(a_);
        throw EntryError(failure_);
    }
    if (r == 0) {
        eof_ = true;
        return 0;
    }
    bytes_ += r;
    if (entry_limit_ && bytes_ > limits_.max_entry_bytes) {
        limit_hit_ = true;
        failure_ = "entry expands past max_entry_bytes (" +
                   std::to_string(limits_.max_entry_bytes) +
                   " bytes); stopped reading it (possible decompression bomb)";
        throw EntryError(failure_);
    }
    std::int64_t compressed = budget_.compressed_size();
    if (bytes_ > kRatioFloorBytes &&
        static_cast<double>(bytes_) > limits_.max_ratio * static_cast<double>(compressed)) {
        limit_hit_ = true;
        failure_ = "entry expands past max_ratio (" + format_ratio(limits_.max_ratio) +
                   " x the archive's compressed size of " + std::to_string(compressed) +
                   " bytes); stopped reading it (possible decompression bomb)";
        throw EntryError(failure_);
    }
    return static_cast<std::size_t>(r);
}

std::string_view Peeked::peek(std::size_t n) {
    while (head_.size() < n && !at_end_ && !rewound_)
        if (append_read(in_, head_, n - head_.size()) == 0) at_end_ = true;
    return std::string_view(head_).substr(0, std::min(n, head_.size()));
}

std::size_t Peeked::read(char* buf, std::size_t n) {
    if (pos_ < head_.size()) {
        std::size_t k = std::min(n, head_.size() - pos_);
        std::memcpy(buf, head_.data() + pos_, k);
        pos_ += k;
        return k;
    }
    if (at_end_) return 0;
    return in_.read(buf, n);
}

}  // namespace khabar::entries
