/** @file
 * @brief First pass over a dump: pages into block statistics, inputs into the counted list.
 */
#include "cleaning/stats_pass.h"

#include <any>
#include <exception>
#include <utility>
#include <vector>

#include "cleaning/article_cleaning.h"

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

/// What prepare() computes on a parse worker.
struct PreparedPage {
    std::vector<std::uint64_t> hashes;
    std::vector<DescribedBlock> described;
};

}  // namespace

void StatsPass::article(Article&& a) {
    add(a, page_hashes(page_text(a, layout_of(a))));
}

std::any StatsPass::prepare(const Article& a) const {
    PreparedPage p;
    p.hashes = page_hashes(page_text(a, layout_of(a)), &p.described);
    return p;
}

void StatsPass::article_prepared(Article&& a, std::any&& prepared) {
    auto& p = std::any_cast<PreparedPage&>(prepared);
    for (const DescribedBlock& b : p.described) BlockMemoScope::remember(b);
    add(a, std::move(p.hashes));
}

void StatsPass::add(const Article& a, std::vector<std::uint64_t> hashes) {
    if (batches_ != nullptr) {
        const auto keys = clock_.next(source_key(a));
        add_hashes_to_stats(stats_, a, std::move(hashes), batches_, keys);
    } else {
        add_hashes_to_stats(stats_, a, std::move(hashes));
    }
    ++pages_;
}

}  // namespace khabar::cleaning
