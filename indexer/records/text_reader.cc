/** @file
 * @brief Plain-text articles: the first non-empty line is the title (when it is short enough to be
 *        one), the rest is the body.
 */
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

/// A first line longer than this (in characters) is a paragraph, not a title: the whole text is
/// then the body and the finisher derives a title (e.g. the Urdu fake-news files, one line each).
constexpr std::size_t kMaxTitleChars = 200;

/// CRLF and lone CR become LF.
std::string normalize_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t cr = s.find('\r', i);
        if (cr == std::string_view::npos) cr = s.size();
        out.append(s.substr(i, cr - i));
        if (cr >= s.size()) break;
        out += '\n';
        i = cr + 1 + (cr + 1 < s.size() && s[cr + 1] == '\n');
    }
    return out;
}

}  // namespace

void read_text(const ReadContext& ctx) {
    if (ctx.info.size > static_cast<std::int64_t>(kMaxTextBytes))
        throw EntryError("text file larger than 64 MiB");
    std::string raw = ctx.in.read_all(kMaxTextBytes);
    fix_utf8(raw);
    std::string text = normalize_newlines(trim(strip_bom(raw)));
    if (text.empty()) return ctx.sink.skipped_entry(ctx.info, "empty file");
    Article a;
    std::size_t nl = text.find('\n');
    std::string_view first = trim(std::string_view(text).substr(0, nl));
    if (count_code_points(first) <= kMaxTitleChars) {
        a.title = std::string(first);
        if (nl != std::string::npos) a.body = std::string(trim(std::string_view(text).substr(nl)));
    } else {
        a.body = std::move(text);
    }
    a.origin = ctx.origin(1);
    ctx.sink.article(std::move(a));
}

}  // namespace khabar::records
