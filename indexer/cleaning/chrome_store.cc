/** @file
 * @brief Loading and saving a database's chrome statistics (shard 0 metadata).
 */
#include "cleaning/chrome_store.h"

#include <set>
#include <utility>

#include "database/schema.h"

namespace khabar::cleaning {

ChromeState load_chrome_state(const ShardWriter& shard0, bool with_paths) {
    ChromeState state;
    const std::string prefix(schema::chrome_input_prefix);
    std::vector<std::string> inputs = shard0.metadata_keys(prefix);
    const std::string blob = shard0.metadata(std::string(schema::chrome_stats_key));
    if (blob.empty() && inputs.empty()) return state;
    if (auto stats = BlockStats::deserialize(blob)) {
        state.stats = std::move(*stats);
        for (const auto& key : inputs)
            state.counted[key.substr(prefix.size())] =
                with_paths ? shard0.metadata(key) : std::string();
    } else {
        state.reset = true;
        state.stale_keys = std::move(inputs);
    }
    return state;
}

void save_chrome_state(ShardWriter& shard0, const ChromeState& state,
                       const std::map<std::string, std::string>& added) {
    if (state.reset)
        for (const auto& key : state.stale_keys) shard0.set_metadata(key, "");  // "" deletes
    for (const auto& [key, path] : added)
        shard0.set_metadata(std::string(schema::chrome_input_prefix) + key, path);
    shard0.set_metadata(std::string(schema::chrome_stats_key), state.stats.serialize());
}

std::vector<std::string> counted_files(const ChromeState& state) {
    std::set<std::string> files;
    for (const auto& [key, path] : state.counted)
        if (!path.empty()) files.insert(path);
    return {files.begin(), files.end()};
}

}  // namespace khabar::cleaning
