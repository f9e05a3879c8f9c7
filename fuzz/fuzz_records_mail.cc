/** @file
 * @brief libFuzzer target: read_entry with --format forced to mail (entry named msg.eml; an
 *        mbox when the bytes open with "From "); articles are finished and built into
 *        documents, then discarded.
 */
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    khabar::fuzz::read_one_entry(std::string_view(reinterpret_cast<const char*>(data), size),
                                 "msg.eml", khabar::Format::mail);
    return 0;
}
