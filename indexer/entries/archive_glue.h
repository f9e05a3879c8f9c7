/** @file
 * @brief libarchive glue for the walker: readers over an Input through callbacks, configured
 *        for decompression only or for archive formats, and member names as they are shown.
 */
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "entries/byte_sources.h"

namespace khabar::entries {

/// Block size handed to libarchive by the read callback.
inline constexpr std::size_t kBlockBytes = 64u << 10;

struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

/// Callback data: the Input libarchive reads from and the block it reads into.
struct ReadContext {
    Input* in = nullptr;
    std::vector<char> block = std::vector<char>(kBlockBytes);
    std::int64_t consumed = 0;
};

/// A reader that only decompresses: libarchive's raw format over every compression filter we
/// trust (multi-member gzip included). Not uu (it would decode text that looks uuencoded), not
/// the filters that run external programs.
void configure_decompressor(archive* a);

/// A reader for archive formats over uncompressed bytes (decompression is a separate layer, so a
/// compressed file of zeros is never taken for an empty tar). Not warc (WARC files are leaves for
/// the WARC record reader) nor mtree (its heuristic bid can take plain text for a manifest).
/// `with_raw`: when the name said "archive" but no signature did, let non-archives through as is.
void configure_archive(archive* a, bool with_raw);

/// Open `a` (already configured) over `ctx`; seekable when the input is and `seek` allows it.
bool open_reader(archive* a, ReadContext& ctx, bool seek = true);

/// libarchive's message for the last error as one line: some end in "\n", and some quote member
/// names, which may hold control characters.
std::string archive_message(archive* a);

/// A member's path as stored, UTF-8 when libarchive can tell, without a leading "./" or "/", with
/// control characters and bytes that are not UTF-8 escaped (printable): the name goes into
/// messages and provenance, and a hostile archive must not forge lines or send escape sequences.
std::string member_path(archive_entry* e);

/// The EntryInfo of `member` (size `size`, -1 unknown) inside `container`.
EntryInfo nested_info(const EntryInfo& container, const std::string& member, std::int64_t size);

}  // namespace khabar::entries
