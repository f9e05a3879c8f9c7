/** @file
 * @brief Walk a dump (file, directory, archive of any libarchive format, nested archives, stdin)
 *        and hand every leaf entry to a callback as a stream — never the whole dump in memory.
 */
#pragma once

#include <cstdint>
#include <string>

#include "entries/entry.h"

namespace khabar {

struct WalkLimits {
    int max_depth = 4;                         ///< archives nested deeper are reported, not opened
    std::int64_t max_entry_bytes = 2LL << 30;  ///< an entry expanding past this is cut and reported
    double max_ratio = 1000.0;  ///< expanded/compressed bytes of one archive (bomb guard)
};

/// What the walker reports. entry() may throw EntryError for a read failure inside the entry;
/// the walker reports it through error() and goes on with the next entry.
class WalkEvents {
  public:
    virtual ~WalkEvents() = default;
    /// Asked before the walker looks at a stream (a file, stdin, an archive member): whether the
    /// consumer holds already what reading it as a leaf gives (an earlier pass over the same
    /// input kept its records). If so the stream is neither sniffed nor read: it goes to entry()
    /// as a leaf with no bytes.
    virtual bool holds(const EntryInfo& /*info*/) { return false; }
    /// A leaf entry (not an archive) to be read by a record reader.
    virtual void entry(const EntryInfo& info, EntryStream& data) = 0;
    /// A file or entry that could not be read or was read only in part (corrupt data, read
    /// error, an archive nested past max_depth, the bomb guard), with a one-line reason. The walk
    /// continues.
    virtual void error(const EntryInfo& info, const std::string& reason) = 0;
    /// An entry deliberately not read whose content is not lost (a directory reached again
    /// through a symlink loop, non-regular files) or the rest of an archive after the bomb guard
    /// stopped a member (reported as an error itself), with a one-line reason.
    virtual void skipped(const EntryInfo& info, const std::string& reason) = 0;
};

/// Walk one PATH given on the command line ("-" = stdin). Directories are walked recursively in
/// sorted order (deterministic ids/order); symlink loops are detected. Archives and compressed
/// files are opened with libarchive (all formats and filters), nested ones up to max_depth.
void walk_dump(const std::string& path, const WalkLimits& limits, WalkEvents& events);

/// Bytes this process has read from files, pipes and stdin given as inputs (compressed bytes of
/// an archive, before decompression), all walks together: what a progress line compares with the
/// inputs' sizes.
std::uint64_t input_bytes_read();

}  // namespace khabar
