/** @file
 * @brief ICU's data for a `khabar` whose ICU code is linked statically (cli/icu_data.cc).
 */
#pragma once

namespace khabar::cli {

/// Hand ICU the data package of the system's libicudata.so (opened with dlopen), for a program
/// whose ICU code is linked without its data. When it cannot be opened nothing is handed over,
/// and ICU's normalizers report themselves unavailable.
void load_icu_data();

}  // namespace khabar::cli
