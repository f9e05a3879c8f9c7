/** @file
 * @brief libFuzzer target: records::extract_article (HTML page → title, date, body, metadata).
 *
 * The input is split at the first NUL byte: before it, the URL hint (as a WARC target URI would
 * give it); after it, the page. Without a NUL the whole input is the page and the hint is empty.
 * Invariants: for valid UTF-8 input every extracted field is valid UTF-8, and the canonical URL
 * is "" or absolute http/https.
 */
#include <string_view>

#include <unicode/utf8.h>

#include "fuzz_support.h"
#include "records/html_extractor.h"

namespace {

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    int32_t i = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using khabar::fuzz::fail;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string_view hint, html = input;
    if (auto nul = input.find('\0'); nul != std::string_view::npos) {
        hint = input.substr(0, nul);
        html = input.substr(nul + 1);
    }
    const auto page = khabar::records::extract_article(html, hint);
    if (valid_utf8(input)) {
        for (const std::string* field :
             {&page.title, &page.body, &page.date_text, &page.author, &page.url, &page.section,
              &page.lang, &page.site_name, &page.description})
            if (!valid_utf8(*field))
                fail("extract_article produced invalid UTF-8 from valid input", *field);
    }
    if (!page.url.empty() && !page.url.starts_with("http://") && !page.url.starts_with("https://"))
        fail("canonical url is not absolute http/https", page.url);
    return 0;
}
