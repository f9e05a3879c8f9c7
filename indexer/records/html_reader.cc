/** @file
 * @brief HTML article pages: one page per entry (.html/.htm or sniffed markup), decoded to UTF-8
 *        and run through the article extractor.
 */
#include "records/charset.h"
#include "records/html_extractor.h"
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

Article html_article(std::string_view bytes, std::string_view http_charset, std::string_view url) {
    const DecodedText decoded = decode_html_bytes(bytes, http_charset);
    ExtractedPage page = extract_article(decoded.utf8, url);
    Article a;
    a.url = url.empty() ? std::move(page.url) : std::string(url);
    a.title = std::move(page.title);
    a.body = std::move(page.body);
    a.date_text = std::move(page.date_text);
    a.date_field = std::move(page.date_field);
    a.date_notes = std::move(page.date_notes);
    a.author = std::move(page.author);
    a.section = std::move(page.section);
    a.lang = std::move(page.lang);
    a.site_name = page.site_name;
    a.source = std::move(page.site_name);
    return a;
}

void read_html(const ReadContext& ctx) {
    if (ctx.info.size > static_cast<std::int64_t>(kMaxHtmlBytes))
        throw EntryError("HTML page larger than 64 MiB");
    const std::string raw = ctx.in.read_all(kMaxHtmlBytes);
    if (trim(raw).empty()) return ctx.sink.skipped_entry(ctx.info, "empty file");
    Article a = html_article(raw, "", "");
    if (a.title.empty() && a.body.empty()) return ctx.bad(1, "HTML page without a title or text");
    a.origin = ctx.origin(1);
    ctx.sink.article(std::move(a));
}

}  // namespace khabar::records
