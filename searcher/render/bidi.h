/** @file
 * @brief Right-to-left display for terminals without bidi support: ICU's bidi algorithm reorders
 *        each line into visual order (and shapes Arabic letters); highlight ranges move with it.
 */
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace khabar {

enum class BidiMode { automatic, visual, logical };

/// Parse "auto|visual|logical"; false when invalid.
bool parse_bidi_mode(std::string_view s, BidiMode& out);

/// Whether to reorder: `visual`, or `auto` with stdout a terminal that is not known to apply the
/// bidi algorithm itself (VTE ≥ 0.58 such as GNOME Terminal, Konsole and mlterm do; xterm, tmux,
/// kitty, Alacritty and most others do not). Pipes and --json always stay logical.
bool use_visual_order(BidiMode mode);

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

/// One line (no newlines) in visual order, with highlight byte ranges mapped onto it. Lines without
/// right-to-left characters come back unchanged. The paragraph direction is the first strong
/// character's (Unicode P2/P3), else left-to-right; `rtl` (when given) is set to whether it is
/// right-to-left. Combining marks stay after their base letter; Arabic letters are shaped, and a
/// lam-alef ligature takes the place of both its letters (no space is left inside the word).
std::string visual_line(const std::string& line, Ranges& highlights, bool* rtl = nullptr);

}  // namespace khabar
