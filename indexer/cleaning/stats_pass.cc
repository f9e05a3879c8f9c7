/** @file
 * @brief First pass over a dump: pages into block statistics, inputs into the counted list.
 */
#include "cleaning/stats_pass.h"

#include <exception>

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

void StatsPass::article(Article&& a) {
    if (batches_ != nullptr) {
        const auto keys = clock_.next(source_key(a));
        add_to_stats(stats_, a, layout_of(a), batches_, keys);
    } else {
        add_to_stats(stats_, a, layout_of(a));
    }
    ++pages_;
}

}  // namespace khabar::cleaning
