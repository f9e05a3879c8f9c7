/** @file
 * @brief JSON text written directly, byte for byte as nlohmann's dump() writes it (no spaces,
 *        UTF-8 kept, invalid UTF-8 replaced): for the lines a page repeats (its hits).
 */
#pragma once

#include <string>
#include <string_view>

namespace khabar {

/// Appends `s` as a JSON string: `"`, `\` and control characters escaped as dump() escapes them;
/// a string that is not valid UTF-8 goes through nlohmann (which replaces the bad bytes).
void append_json_string(std::string& out, std::string_view s);

/// Appends a double as dump() writes it (shortest round-trip digits; null when not finite).
void append_json_number(std::string& out, double x);

}  // namespace khabar
