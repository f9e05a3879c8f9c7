/** @file
 * @brief Writing results to stdout: broken pipes end the program quietly (exit 0), colour only
 *        when wanted (--color, TTY, NO_COLOR, TERM=dumb).
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace khabar {

enum class ColorChoice { automatic, always, never };

/// Parse "auto|always|never"; false when invalid.
bool parse_color_choice(std::string_view s, ColorChoice& out);

/// Whether to colour stdout: `always`, or `auto` with stdout a TTY, TERM set and not dumb, and
/// NO_COLOR unset.
bool use_color(ColorChoice choice);

/// Columns for human output: $COLUMNS when set (at least 40), else the width of the terminal
/// when stdout is one, else 80.
std::size_t output_width();

/// Write to stdout; on EPIPE (reader went away, e.g. `| head`) exit 0 at once.
void out(std::string_view text);
void out_flush();

}  // namespace khabar
