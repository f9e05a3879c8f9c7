/** @file
 * @brief libFuzzer target: read_entry with automatic format detection. The first input byte picks
 *        the entry name (the extension is part of detection); the rest is the entry's content.
 */
#include "fuzz_support.h"

namespace {

const char* const kNames[] = {
    "data",
    "articles.jsonl",
    "articles.json",
    "articles.csv",
    "articles.tsv",
    "reut2-000.sgm",
    "story.txt",
    "README",
    "page.html",
    "feed.xml",
    "x.jsonl.gz",
    "photo.jpg",
    "all-topics-strings.lc.txt",
    "lewis.dtd",
    "news.ndjson",
    "dump.warc",
    "crawl.arc",
    "6107.xml",
    "cacm.all",
    "fbis3.sgml",
    "query.text",
    "page.htm",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string name = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
    khabar::fuzz::read_one_entry(
        std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), name,
        khabar::Format::automatic);
    return 0;
}
