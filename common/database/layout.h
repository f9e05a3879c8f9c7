/** @file
 * @brief How a khabar database lies on disk: a directory of Xapian glass shards (`shard-0`, …)
 *        behind a stub file (`XAPIANDB`, Xapian's format: one "glass NAME" line per shard) that
 *        every reader (khabar, xapian-delve) opens as one database; or a plain glass database
 *        (one shard). Its size on disk.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace khabar {

/// The stub file's name inside a database directory.
inline constexpr const char* stub_file = "XAPIANDB";

/// What every shard directory's name starts with.
inline constexpr const char* shard_prefix = "shard-";

/// The directory name of shard `i` ("shard-3").
std::string shard_name(unsigned i);

/// Whether `dir` holds a stub file.
bool has_stub(const std::filesystem::path& dir);

/// Whether `dir` is a plain glass database (no stub: one shard).
bool is_plain_glass(const std::filesystem::path& dir);

/// The shard directory names `dir`'s stub lists, in order. Throws khabar::Error when there is no
/// stub, or when it lists a shard that is not a local glass database (khabar writes only those;
/// remote shards are searched with --db).
std::vector<std::string> read_stub(const std::filesystem::path& dir);

/// Write `dir`'s stub listing `shards`, atomically (a temporary file renamed over it), so that a
/// reader never sees half of it.
void write_stub(const std::filesystem::path& dir, const std::vector<std::string>& shards);

/// Bytes of the file at `path`, or of all files under it when it is a directory; 0 when it is
/// neither (a remote shard).
std::uint64_t disk_usage(const std::filesystem::path& path);

}  // namespace khabar
