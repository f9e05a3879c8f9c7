/** @file
 * @brief Helpers for tests: where the sources, ../shared and the khabar binary are; running it.
 */
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace khabar::test {

std::filesystem::path source_dir();
/// ../shared when present, nullopt otherwise (tests that need it skip with a message).
std::optional<std::filesystem::path> shared_dir();
/// A fresh empty directory for this test under the build tree.
std::filesystem::path fresh_tmp_dir(const std::string& name);
/// A database of testdata/sample-news.tar.gz in fresh_tmp_dir(name), indexed once per process
/// and name; fails the test when indexing fails.
const std::string& sample_db(const std::string& name);

struct RunResult {
    int exit_code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};
/// Run the khabar binary with arguments (no shell), optional stdin text; environment NO_COLOR=1
/// unless extra_env overrides.
RunResult run_khabar(const std::vector<std::string>& args, const std::string& stdin_text = "",
                     const std::vector<std::string>& extra_env = {});

/// Start khabar in the background with arguments, stdout and stderr to the file `log`; returns
/// its pid (for waitpid).
pid_t spawn_khabar(const std::vector<std::string>& args, const std::filesystem::path& log);

/// Which of khabar's output streams run_on_tty puts on the pseudo-terminal.
enum class TtyStream { out, err };
/// Run khabar with one output stream on a pseudo-terminal of `cols` columns (stdin and the other
/// stream /dev/null), the environment as run_khabar sets it plus `env` ("NAME=value" sets,
/// "NAME" unsets). Returns what it wrote there (raw mode: no CR added) and the exit status.
RunResult run_on_tty(const std::vector<std::string>& args, const std::vector<std::string>& env,
                     unsigned short cols = 100, TtyStream stream = TtyStream::out);

/// Write `text` to `path`, creating its folders.
void write_file(const std::filesystem::path& path, const std::string& text);

/// The "data" object of every hit line of `khabar search --json` output, in order (lines that are
/// not JSON, and begin/summary lines, are skipped).
std::vector<nlohmann::json> hit_data(const std::string& json_lines);
/// The ids of those hits, in order.
std::vector<std::string> hit_ids_of(const std::string& json_lines);
/// Rows of a tab-separated file, skipping empty lines and # comments; each row must have exactly
/// `columns` fields (a REQUIRE failure names the file and line otherwise).
std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& path,
                                               std::size_t columns);

/// Print a skip message (doctest has no runtime skip) and return true when ../shared is absent.
bool skip_without_shared(const char* test_name);

}  // namespace khabar::test
