/** @file
 * @brief BlockStats: count-min sketch + bounded exact table of (source, shape) page counts.
 */
#include "cleaning/block_stats.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "cleaning/blocks.h"

namespace khabar::cleaning {

namespace {

constexpr std::size_t kRows = 4;
constexpr std::size_t kFirstCapacity = 1024;
/// Sketch counters kept sparse at most (1 MiB of cells; BlockStats::set_cell).
constexpr std::size_t kMaxSparse = std::size_t{1} << 16;
constexpr std::string_view kMagic = "KHBS\x01";
constexpr std::uint64_t kRowSeeds[kRows] = {0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL,
                                            0x165667B19E3779F9ULL, 0xD6E8FEB86659FD93ULL};

std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

std::uint32_t add_saturated(std::uint32_t a, std::uint64_t b) {
    return static_cast<std::uint32_t>(
        std::min<std::uint64_t>(a + b, std::numeric_limits<std::uint32_t>::max()));
}

std::size_t round_up_pow2(std::size_t n) {
    std::size_t p = 1;
    while (p < n) p <<= 1;
    return p;
}

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

/// Reads varints and byte strings from serialized statistics; ok() turns false on any overrun.
class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) return fail();
            auto byte = static_cast<unsigned char>(data_[pos_++]);
            v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return v;
        }
        return fail();
    }
    std::string_view bytes(std::uint64_t n) {
        if (n > data_.size() - pos_) return fail(), std::string_view();
        std::string_view s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    bool ok() const { return ok_; }
    bool at_end() const { return pos_ == data_.size(); }

  private:
    std::uint64_t fail() {
        ok_ = false;
        pos_ = data_.size();
        return 0;
    }
    std::string_view data_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

}  // namespace

std::uint64_t pair_key(std::uint64_t source_id, std::uint64_t shape_hash) {
    std::uint64_t k = mix64(source_id * 0x9E3779B97F4A7C15ULL + shape_hash);
    return k == 0 ? 1 : k;
}

std::uint32_t BlockStats::Slot::total() const {
    return add_saturated(base, run);
}

BlockStats::BlockStats() : BlockStats(Limits{}) {}

BlockStats::BlockStats(Limits limits) : limits_(limits) {
    limits_.sketch_width = round_up_pow2(std::max<std::size_t>(limits_.sketch_width, 64));
    limits_.max_pairs = std::max<std::size_t>(limits_.max_pairs, 16);
}

const BlockStats::Source* BlockStats::find_source(std::string_view source) const {
    auto it = sources_.find(source);
    return it == sources_.end() ? nullptr : &it->second;
}

BlockStats::Source* BlockStats::source_for_add(std::string_view source) {
    auto it = sources_.find(source);
    if (it != sources_.end()) return &it->second;
    if (sources_.size() >= limits_.max_sources) return nullptr;
    Source s;
    s.id = shape_hash(source);
    return &sources_.emplace(std::string(source), s).first->second;
}

void BlockStats::prefetch(std::uint64_t key) const {
    if (sketch_.empty()) return;  // sparse: small, in cache
    const std::size_t mask = limits_.sketch_width - 1;
    for (std::size_t r = 0; r < kRows; ++r)
        __builtin_prefetch(&sketch_[r * limits_.sketch_width + (mix64(key ^ kRowSeeds[r]) & mask)]);
    if (!table_.empty()) __builtin_prefetch(&table_[mix64(key) & (table_.size() - 1)]);
}

std::uint16_t BlockStats::cell(std::size_t index) const {
    if (!sketch_.empty()) return sketch_[index];
    if (sparse_.empty()) return 0;
    const std::size_t mask = sparse_.size() - 1;
    for (std::size_t i = mix64(index) & mask;; i = (i + 1) & mask) {
        if (sparse_[i].index == index + 1) return sparse_[i].count;
        if (sparse_[i].index == 0) return 0;
    }
}

void BlockStats::set_cell(std::size_t index, std::uint16_t value) {
    if (!sketch_.empty()) {
        sketch_[index] = value;
        return;
    }
    if (2 * (sparse_used_ + 1) > sparse_.size()) {
        if (sparse_used_ + 1 >
            std::min<std::size_t>(kRows * limits_.sketch_width / 16, kMaxSparse)) {
            densify();
            sketch_[index] = value;
            return;
        }
        std::vector<Cell> old(std::max<std::size_t>(1024, 2 * sparse_.size()));
        old.swap(sparse_);
        sparse_used_ = 0;
        for (const Cell& c : old)
            if (c.index != 0) set_cell(c.index - 1, c.count);
    }
    const std::size_t mask = sparse_.size() - 1;
    std::size_t i = mix64(index) & mask;
    while (sparse_[i].index != 0 && sparse_[i].index != index + 1) i = (i + 1) & mask;
    if (sparse_[i].index == 0) ++sparse_used_;
    sparse_[i] = Cell{static_cast<std::uint32_t>(index + 1), value};
}

void BlockStats::densify() {
    sketch_.assign(kRows * limits_.sketch_width, 0);
    for (const Cell& c : sparse_)
        if (c.index != 0) sketch_[c.index - 1] = c.count;
    std::vector<Cell>().swap(sparse_);
    sparse_used_ = 0;
}

std::uint32_t BlockStats::sketch_add(std::uint64_t key) {
    const std::size_t mask = limits_.sketch_width - 1;
    std::size_t index[kRows];
    std::uint16_t value[kRows];
    std::uint16_t estimate = std::numeric_limits<std::uint16_t>::max();
    const bool dense = !sketch_.empty();
    for (std::size_t r = 0; r < kRows; ++r) {
        index[r] = r * limits_.sketch_width + (mix64(key ^ kRowSeeds[r]) & mask);
        value[r] = dense ? sketch_[index[r]] : cell(index[r]);
        estimate = std::min(estimate, value[r]);
    }
    if (estimate < std::numeric_limits<std::uint16_t>::max()) ++estimate;
    for (std::size_t r = 0; r < kRows; ++r) {  // conservative update: raise only what is below
        if (value[r] >= estimate) continue;
        if (!sketch_.empty())
            sketch_[index[r]] = estimate;
        else
            set_cell(index[r], estimate);  // may make the sketch dense
    }
    return estimate;
}

BlockStats::Slot* BlockStats::find_slot(std::uint64_t key) {
    return const_cast<Slot*>(std::as_const(*this).find_slot(key));
}

const BlockStats::Slot* BlockStats::find_slot(std::uint64_t key) const {
    if (table_.empty()) return nullptr;
    const std::size_t mask = table_.size() - 1;
    for (std::size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
        if (table_[i].key == key) return &table_[i];
        if (table_[i].key == 0) return nullptr;
    }
}

void BlockStats::rehash(std::size_t capacity) {
    std::vector<Slot> old;
    old.swap(table_);
    table_.assign(capacity, Slot{});
    used_ = 0;
    for (const Slot& s : old)
        if (s.key != 0) put(s.key, s.base, s.run);
}

void BlockStats::grow_or_prune() {
    const std::size_t max_capacity = round_up_pow2(2 * limits_.max_pairs);
    if (table_.empty()) {
        rehash(std::min(kFirstCapacity, max_capacity));
    } else if (2 * (used_ + 1) > table_.size() && table_.size() < max_capacity) {
        rehash(table_.size() * 2);
    } else if (used_ + 1 > limits_.max_pairs) {
        // Keep the most frequent half (ties by key, so the result does not depend on history).
        std::vector<Slot> kept;
        kept.reserve(used_);
        for (const Slot& s : table_)
            if (s.key != 0) kept.push_back(s);
        std::sort(kept.begin(), kept.end(), [](const Slot& a, const Slot& b) {
            return a.total() != b.total() ? a.total() > b.total() : a.key < b.key;
        });
        kept.resize(limits_.max_pairs / 2);
        table_.assign(table_.size(), Slot{});
        used_ = 0;
        for (const Slot& s : kept) put(s.key, s.base, s.run);
    }
}

void BlockStats::put(std::uint64_t key, std::uint32_t base, std::uint32_t run) {
    if (Slot* s = find_slot(key)) {
        s->base = add_saturated(s->base, base);
        s->run = std::max(s->run, run);
        return;
    }
    if (table_.empty() || 2 * (used_ + 1) > table_.size() || used_ + 1 > limits_.max_pairs)
        grow_or_prune();
    const std::size_t mask = table_.size() - 1;
    std::size_t i = mix64(key) & mask;
    while (table_[i].key != 0) i = (i + 1) & mask;
    table_[i] = Slot{key, base, run};
    ++used_;
}

std::vector<std::uint64_t> page_hashes(std::string_view text,
                                       std::vector<DescribedBlock>* described) {
    std::vector<std::uint64_t> hashes;
    for (const Block& b : split_blocks(text)) {
        const std::string_view block = text.substr(b.span.begin, b.span.size());
        const BlockFacts f =
            described != nullptr ? describe_block(block, *described) : describe_block(block);
        hashes.push_back(f.hash);
        if (f.literal != 0) hashes.push_back(f.literal);
    }
    return hashes;
}

void BlockStats::add_page(std::string_view source, std::string_view text) {
    add_page_hashes(source, page_hashes(text));
}

void BlockStats::add_page_hashes(std::string_view source, std::vector<std::uint64_t> hashes) {
    Source* src = source_for_add(source);
    if (!src) return;
    ++src->pages;
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    for (std::uint64_t& h : hashes) h = pair_key(src->id, h);  // the pairs' keys, in that order
    constexpr std::size_t kAhead = 4;  // keys whose counters are fetched while one is counted
    for (std::size_t i = 0; i < hashes.size() && i < kAhead; ++i) prefetch(hashes[i]);
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        if (i + kAhead < hashes.size()) prefetch(hashes[i + kAhead]);
        const std::uint64_t key = hashes[i];
        const std::uint32_t seen = sketch_add(key);
        if (Slot* s = find_slot(key))
            s->run = std::max(s->run, seen);
        else if (seen >= 2)
            put(key, 0, seen);
    }
}

std::uint64_t BlockStats::pages(std::string_view source) const {
    const Source* s = find_source(source);
    return s ? s->pages : 0;
}

std::uint32_t BlockStats::pages_with(std::string_view source, std::uint64_t hash) const {
    return pages_with(this->source(source), hash);
}

BlockStats::SourceRef BlockStats::source(std::string_view source) const {
    const Source* s = find_source(source);
    return s == nullptr ? SourceRef{} : SourceRef{s->id, s->pages, true};
}

std::uint32_t BlockStats::pages_with(const SourceRef& source, std::uint64_t hash) const {
    if (!source.known) return 0;
    const Slot* s = find_slot(pair_key(source.id, hash));
    return s ? s->total() : 0;
}

void BlockStats::merge(const BlockStats& other) {
    for (const auto& [name, s] : other.sources_)
        if (Source* mine = source_for_add(name)) mine->pages += s.pages;
    for (const Slot& s : other.table_)
        if (s.key != 0) put(s.key, s.total(), 0);
}

std::string BlockStats::serialize() const {
    std::string out(kMagic);
    put_varint(out, sources_.size());
    for (const auto& [name, s] : sources_) {
        put_varint(out, name.size());
        out += name;
        put_varint(out, s.pages);
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs;
    pairs.reserve(used_);
    for (const Slot& s : table_)
        if (s.key != 0) pairs.emplace_back(s.key, s.total());
    std::sort(pairs.begin(), pairs.end());
    put_varint(out, pairs.size());
    std::uint64_t previous = 0;
    for (const auto& [key, count] : pairs) {
        put_varint(out, key - previous);  // sorted keys: small deltas
        put_varint(out, count);
        previous = key;
    }
    return out;
}

std::optional<BlockStats> BlockStats::deserialize(std::string_view data, Limits limits) {
    if (data.substr(0, kMagic.size()) != kMagic) return std::nullopt;
    Reader in(data.substr(kMagic.size()));
    BlockStats stats(limits);
    const std::uint64_t nsources = in.varint();
    for (std::uint64_t i = 0; i < nsources && in.ok(); ++i) {
        std::string_view name = in.bytes(in.varint());
        const std::uint64_t pages = in.varint();
        if (Source* s = in.ok() ? stats.source_for_add(name) : nullptr) s->pages += pages;
    }
    const std::uint64_t npairs = in.varint();
    std::uint64_t key = 0;
    for (std::uint64_t i = 0; i < npairs && in.ok(); ++i) {
        key += in.varint();
        const std::uint64_t count = in.varint();
        if (in.ok() && key != 0) stats.put(key, add_saturated(0, count), 0);
    }
    if (!in.ok() || !in.at_end()) return std::nullopt;
    return stats;
}

std::size_t BlockStats::memory_bytes() const {
    std::size_t bytes = sketch_.capacity() * sizeof(std::uint16_t) +
                        sparse_.capacity() * sizeof(Cell) + table_.capacity() * sizeof(Slot);
    for (const auto& [name, s] : sources_) bytes += name.capacity() + sizeof(s) + 64;  // map node
    return bytes;
}

}  // namespace khabar::cleaning
