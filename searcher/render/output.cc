/** @file
 * @brief stdout writing with quiet broken-pipe handling, and the colour decision.
 */
#include "render/output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace khabar {

bool parse_color_choice(std::string_view s, ColorChoice& out) {
    if (s == "auto")
        out = ColorChoice::automatic;
    else if (s == "always")
        out = ColorChoice::always;
    else if (s == "never")
        out = ColorChoice::never;
    else
        return false;
    return true;
}

bool use_color(ColorChoice choice) {
    if (choice == ColorChoice::always) return true;
    if (choice == ColorChoice::never) return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (!term || std::strcmp(term, "dumb") == 0) return false;
    return isatty(STDOUT_FILENO);
}

std::size_t output_width() {
    if (const char* cols = std::getenv("COLUMNS"); cols && *cols) {
        char* end = nullptr;
        long n = std::strtol(cols, &end, 10);
        if (end && *end == '\0' && n > 0) return static_cast<std::size_t>(n < 40 ? 40 : n);
    }
    winsize ws{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col < 40 ? 40 : ws.ws_col;
    return 80;
}

static void check_pipe() {
    if (std::ferror(stdout) && (errno == EPIPE)) std::_Exit(0);
}

void out(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
        check_pipe();
        std::_Exit(2);
    }
}

void out_flush() {
    if (std::fflush(stdout) != 0) {
        check_pipe();
        std::_Exit(2);
    }
}

}  // namespace khabar
