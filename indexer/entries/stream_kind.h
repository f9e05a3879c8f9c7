/** @file
 * @brief What a byte stream is, from its name and first bytes: a leaf to read, a compressed stream
 *        to decompress, or an archive to open (entry_walker.cc has the decision table).
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace khabar::entries {

/// Bytes sniffed before deciding what a stream is; ISO 9660's volume descriptor sits at 32 KiB.
inline constexpr std::size_t kPeekBytes = 64u << 10;

enum class Plan {
    leaf,           ///< deliver the stream itself
    decompress,     ///< a compression filter: decompress (libarchive raw format), then look again
    archive,        ///< an archive format by its signature
    maybe_archive,  ///< no signature, but named like an archive: try, else deliver unchanged
};

/// What to do with a stream named `name` whose first bytes are `head` (up to kPeekBytes): the
/// content decides, the name only breaks ties.
Plan plan_for(std::string_view name, std::string_view head);

/// A 7z archive by its signature (libarchive reads 7z only from a seekable stream).
bool is_7z(std::string_view head);

/// .warc, .arc, optionally followed by compression extensions.
bool is_warc_name(std::string_view name);

/// "x.jsonl.gz" -> "x.jsonl", "x.tgz" -> "x.tar"; false when the name has no compression
/// extension.
bool strip_compression_ext(std::string_view name, std::string& out);

/// macOS archive litter: __MACOSX/ trees, ._ resource forks, .DS_Store.
bool is_macos_junk(std::string_view path);

}  // namespace khabar::entries
