/** @file
 * @brief PageReading: a page's blocks with their facts, for both passes of an index run.
 */
#include "cleaning/page_reading.h"

#include "cleaning/dateline.h"
#include "cleaning/page_model.h"

namespace khabar::cleaning {

PageReading read_blocks(std::string_view text, std::vector<DescribedBlock>* described) {
    PageReading out;
    out.text_size = text.size();
    const std::vector<Block> blocks = split_blocks(text);
    out.blocks.reserve(blocks.size());
    for (const Block& b : blocks) {
        const std::string_view block = text.substr(b.span.begin, b.span.size());
        BlockReading r{
            b, described != nullptr ? describe_block(block, *described) : describe_block(block)};
        r.date = is_date_line(block, r.facts);
        out.blocks.push_back(r);
    }
    return out;
}

std::vector<std::uint64_t> hashes_of(const PageReading& reading) {
    std::vector<std::uint64_t> hashes;
    hashes.reserve(2 * reading.blocks.size());
    for (const BlockReading& r : reading.blocks) {
        hashes.push_back(r.facts.hash);
        if (r.facts.literal != 0) hashes.push_back(r.facts.literal);
    }
    return hashes;
}

namespace detail {

Page read_page(std::string_view text, const PageReading& reading) {
    if (reading.text_size != text.size()) return read_page(text);  // not this text's reading
    Page page;
    page.reserve(reading.blocks.size());
    for (const BlockReading& r : reading.blocks) {
        PageBlock pb;
        pb.block = r.block;
        pb.text = text.substr(r.block.span.begin, r.block.span.size());
        pb.facts = r.facts;
        pb.date = r.date;
        page.push_back(pb);
    }
    return page;
}

}  // namespace detail

}  // namespace khabar::cleaning
