/** @file
 * @brief One entry of a dump (a file on disk, a member of an archive, stdin) as a byte stream.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace khabar {

/// `s` safe to print on one line of a terminal: control characters (C0, DEL, C1) and bytes that
/// are not UTF-8 become escapes (`\n`, `\t`, `\r`, `\x1b`, …); everything else is kept. Applying
/// it twice changes nothing.
std::string printable(std::string_view s);

/// Identifies an entry for provenance and error messages.
struct EntryInfo {
    std::string file;  ///< the dump path as given by the user ("-" for stdin)
    std::string path;  ///< path inside the archive(s), "a.zip::b.tar::c.csv" style for nesting; ""
                       ///< for a plain file
    std::int64_t size = -1;  ///< uncompressed size when known, else -1

    /// "dump.tar.gz::dir/file.csv" or just the file path, control characters escaped.
    std::string display() const { return printable(path.empty() ? file : file + "::" + path); }
    /// The entry's own file name (last path component), used for format detection.
    std::string name() const;
};

/// Raised when an entry cannot be read (corrupt archive data, I/O error).
struct EntryError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A forward-only byte stream. read() returns 0 at end; throws EntryError on failure.
class EntryStream {
  public:
    virtual ~EntryStream() = default;
    virtual std::size_t read(char* buf, std::size_t n) = 0;
};

/// Reads up to `n` bytes (at most 64 KiB) of `in`, in one read call, onto the end of `buf`; the
/// bytes read (0 at the end). Through a
/// scratch buffer, so that `buf` is not zero-filled for bytes a short entry never has (growing it
/// by 64 KiB before each read cost a dump of small files a tenth of its indexing instructions).
/// On an exception `buf` is unchanged. Not re-entrant: an EntryStream::read that itself calls
/// append_read (or a BufferedStream or Peeked over its thread) would overwrite the scratch.
std::size_t append_read(EntryStream& in, std::string& buf, std::size_t n);

/// Buffered line/peek reader over an EntryStream (lines end at \n; \r\n is trimmed to no \r).
class BufferedStream {
  public:
    explicit BufferedStream(EntryStream& in) : in_(in) {}
    /// The first up-to-n bytes without consuming them (for format sniffing).
    std::string_view peek(std::size_t n);
    /// Next line without its terminator; false at end of stream. Lines longer than max_line are
    /// still returned whole up to max_line bytes and *truncated is set.
    bool getline(std::string& line, std::size_t max_line = 64u << 20, bool* truncated = nullptr);
    /// Read everything left (up to max bytes; throws EntryError if more).
    std::string read_all(std::size_t max = 512u << 20);
    /// Next byte or -1 at end.
    int get();
    bool eof();

  private:
    bool fill();
    EntryStream& in_;
    std::string buf_;
    std::size_t pos_ = 0;
    bool eof_ = false;
};

}  // namespace khabar
