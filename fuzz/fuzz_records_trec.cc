/** @file
 * @brief libFuzzer target: read_entry with --format forced to trec_sgml (entry named fbis3.sgml);
 *        articles are finished and built into documents, then discarded.
 */
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    khabar::fuzz::read_one_entry(std::string_view(reinterpret_cast<const char*>(data), size),
                                 "fbis3.sgml", khabar::Format::trec_sgml);
    return 0;
}
