/** @file
 * @brief E-mail messages and saved pages in MIME (through GMime): a `.eml` file, a message a
 *        mail client saved as text, an mbox file of many, or a web page a browser saved as one
 *        file (MHTML, `.mht`: its address in Snapshot-Content-Location). Each message is one
 *        article: its text part (else its HTML part, through the article extractor) the body,
 *        the sender's domain the site, its Message-ID the record's own id. A forwarded
 *        message's story is what follows the forwarded headers. The `Date:` header is when the
 *        message was sent or the page saved, not when its story was published (a newsletter
 *        reprints, a digest gathers a week): it dates nothing, and the story's own dateline
 *        does, as on a text page. The title is an HTML part's own; for text, the subject when
 *        the text repeats it on a line, else the text's headline as chrome removal finds it,
 *        else the subject.
 */
#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

/// Largest mail file (an mbox of many messages) read into memory.
constexpr std::size_t kMaxMailBytes = 256u << 20;
/// Longest header field name taken for one.
constexpr std::size_t kMaxFieldName = 80;

struct GObjectUnref {
    void operator()(void* p) const { g_object_unref(p); }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

void init_gmime() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

/// A text part of a message: its text, its charset parameter ("" when it names none: the text is
/// then the part's bytes as sent) and its Content-Location (a saved page's URL).
struct TextPart {
    std::string text;
    std::string charset;
    std::string location;
};

/// The first text part of `message` of type text/`subtype` that is not an attachment and holds
/// more than white space (GMime undoes its transfer encoding and converts a named charset to
/// UTF-8); empty when none.
TextPart text_part(GMimeMessage* message, const char* subtype) {
    struct Search {
        const char* subtype;
        TextPart part;
        bool found = false;
    } search{subtype, {}};
    g_mime_message_foreach(
        message,
        [](GMimeObject*, GMimeObject* part, gpointer data) {
            auto* s = static_cast<Search*>(data);
            if (s->found || !GMIME_IS_TEXT_PART(part)) return;
            if (g_mime_part_is_attachment(GMIME_PART(part))) return;
            if (!g_mime_content_type_is_type(g_mime_object_get_content_type(part), "text",
                                             s->subtype))
                return;
            if (char* text = g_mime_text_part_get_text(GMIME_TEXT_PART(part))) {
                s->part.text = text;
                g_free(text);
                const char* charset = g_mime_text_part_get_charset(GMIME_TEXT_PART(part));
                s->part.charset = charset ? charset : "";
                const char* location = g_mime_object_get_header(part, "Content-Location");
                s->part.location = location ? trim(location) : "";
                s->found = !trim(s->part.text).empty();
            }
        },
        &search);
    return search.found ? search.part : TextPart{};
}

/// The first message attached to `message` (a forward "as attachment": message/rfc822), owned
/// by it; nullptr when none.
GMimeMessage* attached_message(GMimeMessage* message) {
    GMimeMessage* found = nullptr;
    g_mime_message_foreach(
        message,
        [](GMimeObject*, GMimeObject* part, gpointer data) {
            auto* out = static_cast<GMimeMessage**>(data);
            if (*out == nullptr && GMIME_IS_MESSAGE_PART(part))
                *out = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
        },
        &found);
    return found;
}

/// The domain of the first sender's address ("newsletter@dawn.com" -> "dawn.com"), lower-cased.
std::string sender_domain(GMimeMessage* message) {
    InternetAddressList* from = g_mime_message_get_from(message);
    if (!from || internet_address_list_length(from) == 0) return {};
    InternetAddress* address = internet_address_list_get_address(from, 0);
    if (!INTERNET_ADDRESS_IS_MAILBOX(address)) return {};
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
    const std::string_view a = addr ? addr : "";
    const std::size_t at = a.rfind('@');
    return at == std::string_view::npos ? std::string() : to_lower_ascii(a.substr(at + 1));
}

/// The lines of `text` as views, without their line ends.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t pos = 0; pos <= text.size();) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        out.push_back(text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return out;
}

/// True when `line` is the first line of a first_line article or a line of its body.
bool repeats_as_line(const Article& a, std::string_view line) {
    if (trim(a.title) == line) return true;
    const std::vector<std::string_view> lines = lines_of(a.body);
    return std::any_of(lines.begin(), lines.end(),
                       [&](std::string_view l) { return trim(l) == line; });
}

/// A line that opens a forwarded or quoted message: Gmail's "---------- Forwarded message
/// ---------", Thunderbird's "-------- Forwarded Message --------", Outlook's "-----Original
/// Message-----" or its rule of underscores, Apple Mail's "Begin forwarded message:".
bool opens_forwarded(std::string_view line) {
    line = trim(line);
    std::size_t rule = 0;
    while (rule < line.size() && (line[rule] == '-' || line[rule] == '_')) ++rule;
    if (rule >= 10 && rule == line.size()) return true;
    std::string words = to_lower_ascii(line);
    std::erase_if(words, [](char c) { return c == '-' || c == '_' || c == ':'; });
    const std::string_view w = trim(words);
    return w == "forwarded message" || w == "original message" || w == "begin forwarded message";
}

/// A message's text as its story: after the last forwarded message's header block (the
/// forwarder's note above it is theirs, not the story's), without the signature ("-- " and what
/// follows, a closing "Sent from my phone"). `subject` becomes the forwarded message's own, and
/// `dates` collects the forwarded headers' dates.
std::string story_text(std::string_view text, std::string& subject,
                       std::vector<std::string>& dates) {
    std::vector<std::string_view> lines = lines_of(text);
    std::size_t from = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (!opens_forwarded(lines[i])) continue;
        std::size_t h = i + 1;
        while (h < lines.size() && trim(lines[h]).empty()) ++h;
        if (h == lines.size()) break;
        const std::size_t start = static_cast<std::size_t>(lines[h].data() - text.data());
        if (!is_mail_head(text.substr(start))) continue;
        for (; h < lines.size() && !trim(lines[h]).empty(); ++h) {
            const std::string_view l = trim(lines[h]);
            const std::string key = to_lower_ascii(l.substr(0, l.find(':')));
            const std::string_view value = trim(l.substr(std::min(l.find(':') + 1, l.size())));
            if (key == "subject") subject = std::string(value);
            if (key == "date" || key == "sent") dates.emplace_back(value);
        }
        from = h;
        i = h;
    }
    while (from < lines.size() && trim(lines[from]).empty()) ++from;
    std::size_t to = lines.size();
    for (std::size_t i = from; i < to; ++i)
        if (lines[i] == "-- " || lines[i] == "--") to = i;  // RFC 3676's signature line
    while (to > from &&
           (trim(lines[to - 1]).empty() || trim(lines[to - 1]).starts_with("Sent from my ") ||
            trim(lines[to - 1]).starts_with("Get Outlook for ")))
        --to;
    std::string out;
    for (std::size_t i = from; i < to; ++i) (out += lines[i]) += '\n';
    return out;
}

/// The subject without reply and forward prefixes ("Fwd: Re: Rains" -> "Rains").
std::string_view bare_subject(std::string_view subject) {
    for (bool cut = true; cut;) {
        cut = false;
        subject = trim(subject);
        for (std::string_view prefix : {"fwd:", "fw:", "re:"})
            if (to_lower_ascii(subject.substr(0, prefix.size())) == prefix) {
                subject.remove_prefix(prefix.size());
                cut = true;
            }
    }
    return subject;
}

/// The note that the message's `Date:` did not date its story.
std::string refused_sending_date(std::string_view sent) {
    return "refused mail:Date \"" + std::string(sent) +
           "\" (when the message was sent, not the story's date)";
}

/// The article of one message; nullopt when it has neither a text nor an HTML part.
std::optional<Article> mail_article(GMimeMessage* message, const ReadContext& ctx,
                                    std::uint64_t record) {
    const char* header_subject = g_mime_message_get_subject(message);
    std::string subject(header_subject ? header_subject : "");
    std::vector<std::string> dates;
    if (const char* sent = g_mime_object_get_header(GMIME_OBJECT(message), "Date"))
        dates.emplace_back(trim(sent));
    // A message forwarded as an attachment: the attached message is the story.
    if (GMimeMessage* attached = attached_message(message)) {
        std::optional<Article> inner = mail_article(attached, ctx, record);
        if (inner) {
            for (const std::string& sent : dates)
                inner->date_notes.push_back(refused_sending_date(sent));
            return inner;
        }
    }
    Article a;
    if (TextPart plain = text_part(message, "plain"); !plain.text.empty()) {
        std::string text = story_text(text_from_bytes(std::move(plain.text)), subject, dates);
        subject = std::string(bare_subject(subject));
        a = text_article(text, ctx.fields, ctx.origin(record));
        // The subject names the message, not always its story ("Morning Wire | Issue 400"). A
        // text that repeats it on a line of its own has it for headline: the title, and what
        // stands above it (the newsletter's masthead) is chrome. Otherwise the text's headline,
        // as chrome removal finds it, is the title, and the subject when it finds none.
        if (a.title.empty() || (!subject.empty() && repeats_as_line(a, subject))) {
            if (trim(a.title) != subject) a.body = std::string(trim(text));
            a.title = subject;
            a.title_from_first_line = false;
        } else {
            a.fallback_title = subject;
        }
    } else if (TextPart html = text_part(message, "html"); !html.text.empty()) {
        // A page saved as one file (MHTML) names its address; an HTML mail usually does not.
        const char* snapshot =
            g_mime_object_get_header(GMIME_OBJECT(message), "Snapshot-Content-Location");
        const std::string url = snapshot ? std::string(trim(snapshot)) : html.location;
        // Text in a named charset is UTF-8 now; without one the page's <meta> or detection says.
        a = html_article(html.text, html.charset.empty() ? "" : "utf-8",
                         url.starts_with("http") ? url : "");
        a.origin = ctx.origin(record);
        if (a.title.empty()) a.title = bare_subject(subject);  // else the page's own headline
    } else {
        return std::nullopt;
    }
    if (const char* id = g_mime_message_get_message_id(message)) a.own_id = id;
    if (a.site_name.empty()) a.site_name = sender_domain(message);
    for (const std::string& sent : dates) a.date_notes.push_back(refused_sending_date(sent));
    return a;
}

}  // namespace

bool is_mail_head(std::string_view head) {
    head = strip_bom(head);
    // An mbox file's postmark, or the marker of a forwarded message saved without the message
    // that forwarded it ("---------- Forwarded message ---------"), before the header block.
    const std::string_view first = head.substr(0, head.find('\n'));
    if (head.starts_with("From ") || opens_forwarded(first))
        head.remove_prefix(std::min(head.find('\n') + 1, head.size()));
    std::size_t fields = 0;
    bool from = false, subject = false;
    while (!head.empty()) {
        const std::size_t nl = head.find('\n');
        if (nl == std::string_view::npos) break;  // the head may cut the last line
        std::string_view line = head.substr(0, nl);
        head.remove_prefix(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) break;  // the end of the header block
        if (line[0] == ' ' || line[0] == '\t') {
            if (fields == 0) return false;
            continue;  // a folded field's continuation
        }
        // A field name: printable ASCII but ':' (RFC 5322), as long as mail servers write them
        // ("X-MS-Exchange-CrossTenant-originalarrivaltime", "X-Spam_score").
        const std::size_t colon = line.find(':');
        if (colon == 0 || colon == std::string_view::npos || colon > kMaxFieldName) return false;
        for (char c : line.substr(0, colon))
            if (c < 33 || c > 126) return false;
        const std::string name = to_lower_ascii(line.substr(0, colon));
        from = from || name == "from";
        subject = subject || name == "subject";
        ++fields;
    }
    return from && subject && fields >= 3;
}

namespace {

/// The messages of an mbox file: what follows each postmark line ("From sender Mon Nov  9
/// 06:00:00 2026": "From ", a sender, a date ending in its year; first in the file or after a
/// blank line), to the next. A line of a message that starts "From " unescaped ("From Monday,
/// classes will move online") is no postmark, so it never splits a message.
std::vector<std::string_view> mbox_messages(std::string_view content) {
    auto postmark = [](std::string_view line) {
        if (!line.starts_with("From ")) return false;
        while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
        if (line.size() < 10) return false;
        for (char c : line.substr(line.size() - 4))
            if (c < '0' || c > '9') return false;
        return line.substr(5, line.find(' ', 5) - 5).find('@') != std::string_view::npos ||
               line.find(':') != std::string_view::npos;  // a sender, or a clock time
    };
    std::vector<std::string_view> out;
    std::size_t start = std::string_view::npos;
    bool blank_before = true;
    for (std::size_t pos = 0; pos < content.size();) {
        const std::size_t nl = std::min(content.find('\n', pos), content.size());
        const std::string_view line = content.substr(pos, nl - pos);
        if (blank_before && postmark(line)) {
            if (start != std::string_view::npos) out.push_back(content.substr(start, pos - start));
            start = std::min(nl + 1, content.size());
        }
        blank_before = trim(line).empty();
        pos = nl + 1;
    }
    if (start != std::string_view::npos) out.push_back(content.substr(start));
    return out;
}

}  // namespace

void read_mail(const ReadContext& ctx) {
    if (ctx.info.size > static_cast<std::int64_t>(kMaxMailBytes))
        throw EntryError("mail file larger than 256 MiB");
    const std::string bytes = ctx.in.read_all(kMaxMailBytes);
    if (trim(bytes).empty()) return ctx.sink.skipped_entry(ctx.info, "empty file");
    init_gmime();
    std::string_view content = strip_bom(bytes);
    while (!content.empty() && is_space(content.front())) content.remove_prefix(1);
    if (opens_forwarded(content.substr(0, content.find('\n'))))  // a forward saved alone
        content.remove_prefix(std::min(content.find('\n') + 1, content.size()));
    const std::vector<std::string_view> messages =
        content.starts_with("From ") ? mbox_messages(content) : std::vector{content};
    std::uint64_t record = 0;
    for (std::string_view text : messages) {
        ++record;
        GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(text.data(), text.size()));
        GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
        g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
        GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
        if (!message)
            ctx.bad(record, "not a mail message (no header block GMime can read)");
        else if (std::optional<Article> a = mail_article(message.get(), ctx, record))
            ctx.sink.article(std::move(*a));
        else
            ctx.bad(record, "mail message with no text or HTML part");
    }
}

}  // namespace khabar::records
