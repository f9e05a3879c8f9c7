/** @file
 * @brief Helpers for tests: where the sources, ../shared and the khabar binary are; running it.
 */
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace khabar::test {

std::filesystem::path source_dir();
/// ../shared when present, nullopt otherwise (tests that need it skip with a message).
std::optional<std::filesystem::path> shared_dir();
/// A fresh empty directory for this test under the build tree.
std::filesystem::path fresh_tmp_dir(const std::string& name);

struct RunResult {
    int exit_code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};
/// Run the khabar binary with arguments (no shell), optional stdin text; environment NO_COLOR=1
/// unless extra_env overrides.
RunResult run_khabar(const std::vector<std::string>& args, const std::string& stdin_text = "",
                     const std::vector<std::string>& extra_env = {});

/// Print a skip message (doctest has no runtime skip) and return true when ../shared is absent.
bool skip_without_shared(const char* test_name);

}  // namespace khabar::test
