/** @file
 * @brief Compacting a khabar database: each shard rewritten with full B-tree blocks (smaller,
 * faster to search), or all shards merged into one.
 */
#pragma once

#include <cstdint>
#include <string>

namespace khabar {

struct CompactionResult {
    std::uint64_t bytes_before = 0;
    std::uint64_t bytes_after = 0;
    unsigned shards_before = 0;
    unsigned shards_after = 0;
};

/// Compact the database at `dir` in place (holding each shard's write lock meanwhile, so no
/// indexer runs concurrently). merge: one shard results (later runs write to it alone).
CompactionResult compact_database(const std::string& dir, bool merge);

}  // namespace khabar
