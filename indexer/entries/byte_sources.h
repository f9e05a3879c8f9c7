/** @file
 * @brief The byte sources the walker reads: files and pipes, archive members (with the
 *        decompression bomb guard), and a stream whose sniffed head is replayed.
 */
#pragma once

#include <archive.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "entries/entry.h"
#include "entries/entry_walker.h"

namespace khabar::entries {

/// strerror(err) as a string.
inline std::string errno_text(int err) {
    return std::strerror(err);
}

/// A byte source the walker reads archives and entries from. Reading an Input is what a leaf
/// entry's consumer does, so it is an EntryStream.
class Input : public EntryStream {
  public:
    virtual bool seekable() const { return false; }
    virtual std::int64_t seek(std::int64_t /*offset*/, int /*whence*/) { return -1; }
    /// Why reading stopped early (read error, bomb guard), or "" while all is well.
    virtual const std::string& failure() const {
        static const std::string none;
        return none;
    }
};

/// Owns a file descriptor.
class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

  private:
    int fd_;
};

/// Every byte an FdInput has read, all walks together (input_bytes_read()).
std::uint64_t fd_bytes_total();

/// A file, pipe or stdin.
class FdInput final : public Input {
  public:
    FdInput(int fd, bool seekable) : fd_(fd), seekable_(seekable) {}
    std::size_t read(char* buf, std::size_t n) override;
    bool seekable() const override { return seekable_; }
    std::int64_t seek(std::int64_t offset, int whence) override {
        return seekable_ ? ::lseek(fd_, offset, whence) : -1;
    }
    const std::string& failure() const override { return failure_; }

  private:
    int fd_;
    bool seekable_;
    std::string failure_;
};

/// The compressed bytes an archive's members are measured against by the ratio guard. For an
/// archive read through a decompression layer (.tar.gz) this is the compressed file, not the tar.
struct Budget {
    std::int64_t known_size = -1;            ///< the compressed size, when known
    const std::int64_t* consumed = nullptr;  ///< compressed bytes pulled so far (size unknown)
    bool stream_compressed = false;          ///< skipping a member means decompressing it
    std::int64_t compressed_size() const {
        return std::max(known_size, consumed ? *consumed : std::int64_t{0});
    }
};

/// The data of an archive's current member (or of a compressed file's one stream); counts what
/// it delivers and stops at the bomb guard's limits.
class MemberInput final : public Input {
  public:
    MemberInput(archive* a, const WalkLimits& limits, const Budget& budget)
        : a_(a), limits_(limits), budget_(budget) {}

    /// Whether max_entry_bytes applies: yes for entries, no for a decompressed stream that turns
    /// out to be an archive (its members are limited one by one; the ratio guard still applies).
    void set_entry_limit(bool on) { entry_limit_ = on; }

    std::size_t read(char* buf, std::size_t n) override;
    const std::string& failure() const override { return failure_; }
    /// The archive itself can no longer be read.
    bool fatal() const { return fatal_; }
    bool limit_hit() const { return limit_hit_; }

  private:
    archive* a_;
    const WalkLimits& limits_;
    const Budget& budget_;
    std::int64_t bytes_ = 0;
    bool entry_limit_ = true;
    bool eof_ = false;
    bool fatal_ = false;
    bool limit_hit_ = false;
    std::string failure_;
};

/// A stream with nothing in it.
class EmptyInput final : public Input {
  public:
    std::size_t read(char*, std::size_t) override { return 0; }
};

/// Replays the sniffed head of an Input before the rest of it.
class Peeked final : public Input {
  public:
    explicit Peeked(Input& in) : in_(in) {}

    /// Up to n bytes from the start (fewer at end of stream). Throws EntryError.
    std::string_view peek(std::size_t n);

    /// Start again from byte 0 by seeking when the source allows it (keeps it seekable for
    /// libarchive, which needs that for zip central directories and 7z).
    void rewind_if_seekable() {
        if (pos_ == 0 && in_.seekable() && in_.seek(0, SEEK_SET) == 0) {
            head_.clear();
            at_end_ = false;
            rewound_ = true;
        }
    }

    std::size_t read(char* buf, std::size_t n) override;
    bool seekable() const override { return rewound_; }
    std::int64_t seek(std::int64_t offset, int whence) override {
        return rewound_ ? in_.seek(offset, whence) : -1;
    }
    const std::string& failure() const override { return in_.failure(); }

  private:
    Input& in_;
    std::string head_;
    std::size_t pos_ = 0;
    bool at_end_ = false;
    bool rewound_ = false;
};

}  // namespace khabar::entries
