/** @file
 * @brief First pass over a dump: pages into block statistics, inputs into the counted list.
 */
#include "cleaning/stats_pass.h"

#include <any>
#include <exception>
#include <utility>
#include <vector>

#include "cleaning/article_cleaning.h"
#include "cleaning/page_reading.h"

namespace khabar::cleaning {

StatsPass::StatsPass(BlockStats& stats, InputKeys& keys,
                     const std::map<std::string, std::string>& counted, const ReaderOptions& reader,
                     const WalkLimits& limits, BlockStats* batches, KeptPages* keep,
                     unsigned parse_threads)
    : stats_(stats),
      batches_(batches),
      keys_(keys),
      counted_(counted),
      source_(keys, SourceOptions{.reader = reader,
                                  .limits = limits,
                                  .keys = true,
                                  .whole_directories = false,  // a file inside may change
                                  .rereadable_only = true,
                                  .keep_in = keep,
                                  .parse_threads = parse_threads}) {}

void StatsPass::count(const std::string& path) {
    try {
        source_.read(path, *this);
    } catch (const std::exception&) {
        // The second pass meets the same failure and reports it.
    }
}

namespace {

/// What prepare() computes.
struct PreparedPage {
    PageReading reading;
    std::vector<DescribedBlock> described;
    std::vector<std::uint64_t> hashes;  ///< page_stats_hashes of the reading
};

/// The descriptions into this thread's memo: the second pass's block_shape() and
/// describe_block() of short texts answer from it.
void remember(const PreparedPage& p) {
    for (const DescribedBlock& b : p.described) BlockMemoScope::remember(b);
}

}  // namespace

void StatsPass::article(Article&& a) {
    add(a, page_hashes(page_text(a, layout_of(a))));
}

std::any StatsPass::prepare(const Article& a) const {
    PreparedPage p;
    p.reading = read_blocks(page_text(a, layout_of(a)), &p.described);
    p.hashes = page_stats_hashes(a, hashes_of(p.reading));
    return p;
}

void StatsPass::article_prepared(Article&& a, std::any&& prepared) {
    auto& p = std::any_cast<PreparedPage&>(prepared);
    remember(p);
    add(a, std::move(p.hashes), true);
}

void StatsPass::article_kept(const Article& a, std::any& prepared) {
    auto& p = std::any_cast<PreparedPage&>(prepared);
    remember(p);
    add(a, std::move(p.hashes), true);
    PageReading reading = std::move(p.reading);
    prepared = std::move(reading);  // what the second pass needs
}

std::size_t StatsPass::prepared_bytes(const std::any& prepared) const {
    const auto* p = std::any_cast<PreparedPage>(&prepared);
    return p == nullptr ? 0 : p->reading.bytes();
}

void StatsPass::add(const Article& a, std::vector<std::uint64_t> hashes, bool stats_hashes) {
    if (!stats_hashes) hashes = page_stats_hashes(a, std::move(hashes));
    if (batches_ != nullptr) {
        const auto keys = clock_.next(source_key(a));
        count_stats_hashes(stats_, a, std::move(hashes), batches_, keys);
    } else {
        count_stats_hashes(stats_, a, std::move(hashes));
    }
    ++pages_;
}

}  // namespace khabar::cleaning
