/** @file
 * @brief A date a tool or a reader stamped on a saved page ("Added on 06/10/2026", "Clipped:",
 *        "Exported 06/10/2026 05:51", "محفوظ کیا گیا 03/12/2026"): when the page was kept, never
 *        when its story was published. Asked by the HTML date chooser and the text pages' dating.
 */
#pragma once

#include <string_view>

namespace khabar {

/// True when `line` opens with words saying its date is when the page was saved, added to a
/// reading list, clipped, exported, downloaded, fetched, crawled, captured, scanned or synced
/// (English or Urdu, any case, after leading spaces and bullets), or has such words right before
/// its first figure ("Profile: Trade    Exported 10/10/2026 10:48"), or ends with an Urdu
/// "downloaded/saved" verb; or is a chat channel's day ("#newsdesk — Thursday, May 6, 2027").
bool is_saving_time(std::string_view line);

}  // namespace khabar
