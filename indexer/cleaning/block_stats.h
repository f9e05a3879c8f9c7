/** @file
 * @brief Per-source block statistics for chrome detection: on how many pages of a source each
 *        block shape occurs, in bounded memory, and how to persist them between dumps.
 *
 * A first pass over a dump feeds every page (add_page); the Cleaner then asks, per block, how
 * many pages of the same source carry it (pages_with) and how many pages the source has (pages).
 *
 * Memory is bounded whatever the dump size. Each (source, shape) pair is counted once per page
 * in a count-min sketch (4 rows of 16-bit counters, conservative update); a pair enters the
 * exact table only when the sketch has seen it on a second page, so the unique blocks that make
 * up most of a dump (article text) never take a table slot. The table holds at most
 * Limits::max_pairs pairs: when full, the least frequent half is dropped (a dropped pair that
 * recurs re-enters with its sketch count). Only the source counts and the table are persisted.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cleaning/blocks.h"

namespace khabar::cleaning {

/// Memory bounds of BlockStats: at most 8 x sketch_width + 32 x max_pairs bytes, plus the
/// source names (16 MiB with the defaults).
struct StatsLimits {
    std::size_t sketch_width = std::size_t{1} << 20;  ///< counters per sketch row (power of 2)
    std::size_t max_pairs = std::size_t{1} << 18;     ///< (source, shape) pairs in the table
    std::size_t max_sources = 4096;  ///< sources tracked; pages of others are not counted
};

class BlockStats {
  public:
    using Limits = StatsLimits;

    BlockStats();
    explicit BlockStats(Limits limits);

    /// First pass: count one page of `source` (its distinct block shapes, and the literal hashes
    /// of its short blocks with numbers: BlockFacts::literal).
    void add_page(std::string_view source, std::string_view text);
    /// Same, from the hashes of the page's blocks (duplicates are counted once).
    void add_page_hashes(std::string_view source, std::vector<std::uint64_t> hashes);

    /// Pages counted for `source` (0 when unknown).
    std::uint64_t pages(std::string_view source) const;
    /// Pages of `source` that carry a block of this shape hash: exact for pairs in the table,
    /// else 0 (a pair seen on one page only, or dropped as one of the least frequent).
    std::uint32_t pages_with(std::string_view source, std::uint64_t hash) const;

    /// A source looked up once, for the pages_with() calls of all the blocks of a page.
    struct SourceRef {
        std::uint64_t id = 0;
        std::uint64_t pages = 0;  ///< pages(source)
        bool known = false;
    };
    SourceRef source(std::string_view source) const;
    /// pages_with(source, hash) for a source looked up before.
    std::uint32_t pages_with(const SourceRef& source, std::uint64_t hash) const;

    /// Add another set of statistics (e.g. the persisted ones of earlier dumps) to this one.
    void merge(const BlockStats& other);

    /// Compact binary form for the database metadata ("KHBS" + version + varints): source names
    /// with their page counts, then the table. Deterministic for equal statistics.
    std::string serialize() const;
    /// Inverse of serialize(); nullopt for data that is not a complete serialization.
    static std::optional<BlockStats> deserialize(std::string_view data, Limits limits = {});

    /// Bytes held (sketch, table, source names): stays below the bound the limits imply.
    std::size_t memory_bytes() const;
    std::size_t pair_count() const { return used_; }
    std::size_t source_count() const { return sources_.size(); }

  private:
    struct Slot {
        std::uint64_t key = 0;   ///< 0 = empty
        std::uint32_t base = 0;  ///< count from merged / deserialized statistics
        std::uint32_t run = 0;   ///< count seen by this object's own add_page calls (sketch)
        std::uint32_t total() const;
    };
    struct Source {
        std::uint64_t id = 0;
        std::uint64_t pages = 0;
    };

    const Source* find_source(std::string_view source) const;
    Source* source_for_add(std::string_view source);
    std::uint32_t sketch_add(std::uint64_t key);
    /// A sketch counter (cell = row * width + column), wherever it is held.
    std::uint16_t cell(std::size_t index) const;
    void set_cell(std::size_t index, std::uint16_t value);
    /// The sparse cells into the full sketch (once they would take a sixteenth of its cells, or
    /// 65,536).
    void densify();
    /// Ask the memory system for the sketch counters and table slot of `key` ahead of use.
    void prefetch(std::uint64_t key) const;
    Slot* find_slot(std::uint64_t key);
    const Slot* find_slot(std::uint64_t key) const;
    void put(std::uint64_t key, std::uint32_t base, std::uint32_t run);
    void grow_or_prune();
    void rehash(std::size_t capacity);

    Limits limits_;
    std::map<std::string, Source, std::less<>> sources_;
    /// The sketch's 4 rows, allocated once the statistics count enough pairs; before, its
    /// non-zero counters are kept by cell index in `sparse_` (open addressing, index + 1 as key),
    /// so that a small dump does not touch megabytes of counters. Either way the same counts.
    std::vector<std::uint16_t> sketch_;
    struct Cell {
        std::uint32_t index = 0;  ///< cell index + 1; 0 = empty
        std::uint16_t count = 0;
    };
    std::vector<Cell> sparse_;
    std::size_t sparse_used_ = 0;
    std::vector<Slot> table_;  ///< open addressing, linear probing
    std::size_t used_ = 0;
};

/// The hashes add_page counts for a page: each block's shape hash and literal hash. `described`:
/// where to append each block's description too (describe_block), or null.
std::vector<std::uint64_t> page_hashes(std::string_view text,
                                       std::vector<DescribedBlock>* described = nullptr);

/// The table key of a (source, shape) pair.
std::uint64_t pair_key(std::uint64_t source_id, std::uint64_t shape_hash);

}  // namespace khabar::cleaning
