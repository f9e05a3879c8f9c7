/** @file
 * @brief Where a database keeps its chrome statistics (issue 7): the per-source block statistics
 *        of every page counted so far and the inputs they count, in the metadata of shard 0.
 *
 * Keys (schema.h; shard 0 only: statistics are per database, not per shard, and one shard keeps
 * them in one transaction):
 *   khabar:chrome-stats          BlockStats::serialize() of all pages counted
 *   khabar:chrome-input:<key>    the canonical path of an input (an entry key or a whole-PATH
 *                                key, input_keys.h) whose pages the statistics count
 * Both are set before the run's second pass starts writing, so they are committed with shard 0's
 * first commit: after a crash the statistics and the list of counted inputs still agree (an input
 * is never counted twice, nor marked counted without being counted).
 */
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cleaning/block_stats.h"
#include "writer/index_writer.h"

namespace khabar::cleaning {

/// The statistics of a database and the inputs they count.
struct ChromeState {
    BlockStats stats;
    /// Input key -> canonical path ("" unless loaded with paths: only --reclean needs them).
    std::map<std::string, std::string> counted;
    /// The stored statistics could not be read (corrupt, or an older format): they start again
    /// empty and save() drops the stale list of counted inputs.
    bool reset = false;
    std::vector<std::string> stale_keys;  ///< metadata keys to delete on save when reset
};

/// Read the state from shard 0 (empty for a new database); the paths of the counted inputs too
/// when `with_paths`.
ChromeState load_chrome_state(const ShardWriter& shard0, bool with_paths = false);

/// Write the statistics and the inputs counted in this run (`added`: key -> canonical path) to
/// shard 0; they are committed with the shard's next commit.
void save_chrome_state(ShardWriter& shard0, const ChromeState& state,
                       const std::map<std::string, std::string>& added);

/// The distinct input files the statistics count (canonical paths, sorted).
std::vector<std::string> counted_files(const ChromeState& state);

}  // namespace khabar::cleaning
