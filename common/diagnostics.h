/** @file
 * @brief Messages on stderr, each prefixed `khabar:`, and a progress line that only a TTY sees.
 */
#pragma once

#include <mutex>
#include <string>

namespace khabar {

class Diagnostics {
  public:
    /// progress: draw the progress line (stderr is a TTY and not quiet); quiet: only errors.
    Diagnostics(bool progress, bool quiet) : progress_(progress), quiet_(quiet) {}
    /// A problem the user should see (bad record, unreadable entry). Always printed.
    void warn(const std::string& line);
    /// Informational output (summaries), suppressed by --quiet.
    void info(const std::string& line);
    /// Replace the progress line (no-op unless progress is on).
    void progress(const std::string& line);
    /// Remove the progress line before final output.
    void clear_progress();
    bool progress_enabled() const { return progress_; }

    /// Whether stderr should get a progress line by default (a TTY and TERM is not dumb).
    static bool stderr_is_interactive();

  private:
    void write_line(const std::string& line);
    std::mutex mu_;
    bool progress_;
    bool quiet_;
    bool progress_shown_ = false;
};

}  // namespace khabar
