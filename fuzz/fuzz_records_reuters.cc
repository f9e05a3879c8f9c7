/** @file
 * @brief libFuzzer target: read_entry with --format forced to reuters_sgml; articles are finished
 * and built into documents, then discarded.
 */
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    khabar::fuzz::read_one_entry(std::string_view(reinterpret_cast<const char*>(data), size),
                                 "reut2-000.sgm", khabar::Format::reuters_sgml);
    return 0;
}
