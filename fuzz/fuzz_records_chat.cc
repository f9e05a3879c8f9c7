/** @file
 * @brief libFuzzer target: read_entry with --format forced to chat (entry named like a WhatsApp
 *        export); story messages become articles that are finished and built into documents,
 *        then discarded.
 */
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    khabar::fuzz::read_one_entry(std::string_view(reinterpret_cast<const char*>(data), size),
                                 "WhatsApp Chat with Desk.txt", khabar::Format::chat);
    return 0;
}
