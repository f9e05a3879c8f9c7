/** @file
 * @brief Diagnostics: stderr lines with the `khabar:` prefix, progress on a TTY only.
 */
#include "diagnostics.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace khabar {

bool Diagnostics::stderr_is_interactive() {
    const char* term = std::getenv("TERM");
    return isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
}

void Diagnostics::write_line(const std::string& line) {
    if (progress_shown_) {
        std::fputs("\r\033[K", stderr);
        progress_shown_ = false;
    }
    std::fputs("khabar: ", stderr);
    std::fputs(line.c_str(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void Diagnostics::warn(const std::string& line) {
    std::lock_guard lock(mu_);
    write_line(line);
}

void Diagnostics::info(const std::string& line) {
    if (quiet_) return;
    std::lock_guard lock(mu_);
    write_line(line);
}

void Diagnostics::progress(const std::string& line) {
    if (!progress_) return;
    std::lock_guard lock(mu_);
    std::fputs("\r\033[Kkhabar: ", stderr);
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    progress_shown_ = true;
}

void Diagnostics::clear_progress() {
    std::lock_guard lock(mu_);
    if (progress_shown_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        progress_shown_ = false;
    }
}

}  // namespace khabar
