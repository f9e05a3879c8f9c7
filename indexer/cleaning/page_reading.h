/** @file
 * @brief A page's blocks with their facts, read once: the first pass of an index run reads each
 *        page on a parse worker, counts it from this reading, and hands the reading on with the
 *        kept record, so that the second pass cleans the page without splitting, normalizing and
 *        hashing its text again.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "cleaning/blocks.h"

namespace khabar::cleaning {

/// One block of a page as read: where it is, describe_block's facts, is_date_line.
struct BlockReading {
    Block block;
    BlockFacts facts;
    bool date = false;
};

/// The blocks of one page text (split_blocks), in order.
struct PageReading {
    std::size_t text_size = 0;  ///< bytes of the text read (a reading of another text is unused)
    std::vector<BlockReading> blocks;
    /// Heap bytes held (for a memory budget).
    std::size_t bytes() const { return blocks.capacity() * sizeof(BlockReading); }
};

/// Read `text`'s blocks. `described`: where describe_block appends the short blocks it described
/// (for another thread's BlockMemoScope), or null.
PageReading read_blocks(std::string_view text, std::vector<DescribedBlock>* described = nullptr);

/// The hashes BlockStats counts for the page (page_hashes of the same text): each block's shape
/// hash, and its literal hash when it has one.
std::vector<std::uint64_t> hashes_of(const PageReading& reading);

}  // namespace khabar::cleaning
