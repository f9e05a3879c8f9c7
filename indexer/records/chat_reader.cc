/** @file
 * @brief WhatsApp chats exported as text ("Export chat → Without media"), as newsrooms pass
 *        stories around in groups. Each message opens with a stamp: Android's
 *        `dd/mm/yyyy, hh:mm - NAME: text` (also `d/m/yy, h:mm am - `, a narrow no-break space
 *        before am/pm in newer exports, US month-first dates), iOS's `[dd/mm/yyyy, hh:mm:ss]
 *        NAME: text` (lines may open with U+200E); the lines that follow without one continue
 *        the message. A message long enough to be a story is one article: its first line the
 *        title when it is a headline (`*bold*` or `_italic_` unwrapped), a link alone on its last
 *        line the article's URL. Everything else — system lines (the encryption notice, "created
 *        group", "added", "left"), replies, headline-only teasers, `<Media omitted>`, deleted
 *        messages — is the chat's chrome and is not indexed. The stamp is when the message was
 *        posted (forwarded), never the story's date: it dates nothing and is noted for `show`,
 *        as the mail reader notes a refused `Date:`; the story's own dateline dates it.
 */
#include <optional>
#include <vector>

#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

/// A message shorter than this many words is talk about stories, not a story. Chat replies
/// ("Thanks, filing this for the evening bulletin"), teasers that forward a headline alone and
/// captions run well under 20 words; a news story's lead paragraph alone is 25-40 words and a
/// forwarded story is several paragraphs. 40 keeps a one-paragraph brief with its headline and
/// drops a chatty reply of two or three sentences.
constexpr std::size_t kMinStoryWords = 40;
/// Longest sender name taken for one (a saved contact's name or a phone number); text before a
/// ": " that is longer is a system line's ("changed the subject from \"A: B\"").
constexpr std::size_t kMaxNameChars = 60;
/// Longest first line taken for a headline.
constexpr std::size_t kMaxTitleChars = 200;
/// How many non-empty lines at the start detection looks at, and how many of them must be stamped.
constexpr std::size_t kHeadLines = 10;
constexpr std::size_t kMinHeadStamps = 3;

/// `s` without the invisible marks exports put at the start of a line (U+200E, U+200F, a BOM).
std::string_view skip_marks(std::string_view s) {
    for (;;) {
        if (s.starts_with("\xE2\x80\x8E") || s.starts_with("\xE2\x80\x8F") ||
            s.starts_with("\xEF\xBB\xBF"))
            s.remove_prefix(3);
        else
            return s;
    }
}

/// Reads `min`..`max` ASCII digits at `pos`; false when there are fewer or more.
bool digits(std::string_view s, std::size_t& pos, std::size_t min, std::size_t max, int* value) {
    std::size_t n = 0;
    int v = 0;
    while (pos + n < s.size() && s[pos + n] >= '0' && s[pos + n] <= '9') {
        v = v * 10 + (s[pos + n] - '0');
        if (++n > max) return false;
    }
    if (n < min) return false;
    pos += n;
    if (value) *value = v;
    return true;
}

/// Skips one space: ASCII, U+202F (narrow no-break, newer exports before am/pm) or U+00A0.
bool skip_space(std::string_view s, std::size_t& pos) {
    if (pos < s.size() && s[pos] == ' ') return ++pos, true;
    for (std::string_view sp : {"\xE2\x80\xAF", "\xC2\xA0"})
        if (s.substr(pos).starts_with(sp)) return pos += sp.size(), true;
    return false;
}

/// Reads "d/m/yy, h:mm[:ss][ am]" at `pos` (any day-month order, or the year first as Swedish
/// exports write it: "2027-03-05 09:02"; '/', '.' or '-' between).
bool read_when(std::string_view s, std::size_t& pos) {
    std::size_t p = pos;
    int hour = 0, minute = 0;
    const std::size_t start = p;
    if (!digits(s, p, 1, 4, nullptr) || p - start == 3 || p >= s.size()) return false;
    const bool year_first = p - start == 4;
    const char sep = s[p];
    if (sep != '/' && sep != '.' && sep != '-') return false;
    ++p;
    if (!digits(s, p, 1, 2, nullptr) || p >= s.size() || s[p] != sep) return false;
    ++p;
    if (!digits(s, p, year_first ? 1 : 2, year_first ? 2 : 4, nullptr)) return false;
    if (p < s.size() && s[p] == ',') ++p;
    if (!skip_space(s, p)) return false;
    if (!digits(s, p, 1, 2, &hour) || p >= s.size() || s[p] != ':') return false;
    ++p;
    if (!digits(s, p, 2, 2, &minute)) return false;
    if (p < s.size() && s[p] == ':' && (++p, !digits(s, p, 2, 2, nullptr))) return false;
    if (hour > 24 || minute > 59) return false;
    std::size_t q = p;
    if (skip_space(s, q)) {  // am/pm, a.m./p.m. in either case
        const std::string ampm = to_lower_ascii(s.substr(q, 4));
        for (std::string_view m : {"a.m.", "p.m.", "am", "pm"})
            if (ampm.starts_with(m)) {
                p = q + m.size();
                break;
            }
    }
    pos = p;
    return true;
}

/// A stamped line split: when it was posted and what follows the stamp.
struct Stamped {
    std::string_view when;
    std::string_view rest;
};

/// The stamp of a line that opens a message; nullopt for any other line (a continuation).
std::optional<Stamped> stamp_of(std::string_view line) {
    line = skip_marks(line);
    std::size_t pos = 0;
    if (line.starts_with('[')) {  // iOS: [05/03/2027, 09:02:11] NAME: text
        pos = 1;
        if (!read_when(line, pos) || pos >= line.size() || line[pos] != ']') return std::nullopt;
        const std::string_view when = line.substr(1, pos - 1);
        ++pos;
        if (!skip_space(line, pos)) return std::nullopt;
        return Stamped{when, line.substr(pos)};
    }
    if (!read_when(line, pos)) return std::nullopt;  // Android: 05/03/2027, 09:02 - NAME: text
    const std::string_view when = line.substr(0, pos);
    if (!skip_space(line, pos)) return std::nullopt;
    if (line.substr(pos).starts_with("- "))
        pos += 2;
    else if (line.substr(pos).starts_with("\xE2\x80\x93 "))  // an en dash
        pos += 4;
    else
        return std::nullopt;
    return Stamped{when, line.substr(pos)};
}

/// One message: its stamp, and its text (the first line's after the sender's name, then its
/// continuation lines); system lines have no sender.
struct Message {
    std::string when;
    bool has_sender = false;
    std::string text;
};

/// Splits what follows a stamp into the sender's name and the message's first line.
void read_sender(std::string_view rest, Message& m) {
    const std::size_t colon = rest.find(": ");
    if (colon == std::string_view::npos || colon == 0) {
        m.text = std::string(rest);
        return;
    }
    const std::string_view name = rest.substr(0, colon);
    if (count_code_points(name) > kMaxNameChars || name.find('"') != std::string_view::npos) {
        m.text = std::string(rest);
        return;
    }
    std::string_view text = rest.substr(colon + 2);
    // iOS writes the chat's notices as the group's messages, marked by U+200E ("‎Messages and
    // calls are end-to-end encrypted", "‎image omitted"): system lines.
    m.has_sender = !text.starts_with("\xE2\x80\x8E");
    m.text = std::string(text);
}

std::vector<Message> messages_of(std::string_view text) {
    std::vector<Message> out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (const std::optional<Stamped> s = stamp_of(line)) {
            Message m;
            m.when = std::string(s->when);
            read_sender(s->rest, m);
            out.push_back(std::move(m));
        } else if (!out.empty()) {
            (out.back().text += '\n') += line;
        }  // a line before the first stamp belongs to no message
    }
    return out;
}

/// Words of `text`: runs without white space holding a letter or digit (any non-ASCII byte counts,
/// as Urdu letters are).
std::size_t word_count(std::string_view text) {
    std::size_t n = 0;
    bool counted = false;  // the current run has been counted
    for (char c : text) {
        if (is_space(c)) {
            counted = false;
            continue;
        }
        const auto u = static_cast<unsigned char>(c);
        if (!counted &&
            (u >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) {
            ++n;
            counted = true;
        }
    }
    return n;
}

/// `line` without WhatsApp's whole-line bold (`*…*`) or italic (`_…_`) markers; nullopt when it
/// has none.
std::optional<std::string_view> unwrap_emphasis(std::string_view line) {
    for (char mark : {'*', '_'})
        if (line.size() > 2 && line.front() == mark && line.back() == mark) {
            const std::string_view inner = trim(line.substr(1, line.size() - 2));
            if (!inner.empty()) return inner;
        }
    return std::nullopt;
}

/// A first line that reads as a headline when not marked as one: short, not a sentence or a
/// lead-in (no final full stop, question or exclamation mark, colon or comma).
bool plain_headline(std::string_view line) {
    if (line.empty() || count_code_points(line) > kMaxTitleChars) return false;
    for (std::string_view end :
         {".", "!", "?", ":", ",", "\xDB\x94" /* ۔ */, "\xD8\x9F" /* ؟ */, "\xD8\x8C" /* ، */})
        if (line.ends_with(end)) return false;
    return true;
}

/// A web address alone on a line.
bool url_alone(std::string_view line) {
    return (line.starts_with("http://") || line.starts_with("https://")) &&
           line.find_first_of(" \t") == std::string_view::npos && line.size() > 10;
}

/// The note that a message's stamp did not date its story.
std::string refused_stamp(std::string_view when) {
    return "refused chat:stamp \"" + std::string(when) +
           "\" (when the message was posted in the chat, not the story's date)";
}

/// The article of a story message; nullopt for the chat's chrome.
std::optional<Article> chat_article(const Message& m, const ReadContext& ctx,
                                    std::uint64_t record) {
    if (!m.has_sender) return std::nullopt;
    std::vector<std::string_view> lines;
    std::string_view text = m.text;
    for (std::size_t pos = 0; pos <= text.size();) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        pos = nl + 1;
    }
    // Newer exports mark an edited message at its end.
    constexpr std::string_view kEdited = "<This message was edited>";
    while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
    if (!lines.empty() && trim(lines.back()).ends_with(kEdited)) {
        std::string_view last = trim(lines.back());
        lines.back() = trim(last.substr(0, last.size() - kEdited.size()));
    }
    while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
    std::size_t from = 0;
    while (from < lines.size() && trim(lines[from]).empty()) ++from;
    if (from == lines.size()) return std::nullopt;
    Article a;
    if (url_alone(trim(lines.back())) && lines.size() > from + 1) {
        a.url = std::string(trim(lines.back()));
        lines.pop_back();
        while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
    }
    std::size_t words = 0;
    for (std::size_t i = from; i < lines.size(); ++i) words += word_count(lines[i]);
    if (words < kMinStoryWords) return std::nullopt;
    // The first line is the title when it is a headline and more follows it.
    const std::string_view first = trim(lines[from]);
    std::size_t next = from + 1;
    while (next < lines.size() && trim(lines[next]).empty()) ++next;
    if (next < lines.size()) {
        if (const auto bold = unwrap_emphasis(first);
            bold && count_code_points(*bold) <= kMaxTitleChars) {
            a.title = std::string(*bold);
            from = next;
        } else if (plain_headline(first)) {
            a.title = std::string(first);
            from = next;
        }
    }
    for (std::size_t i = from; i < lines.size(); ++i) (a.body += lines[i]) += '\n';
    trim_in_place(a.body);
    a.origin = ctx.origin(record);
    a.date_notes.push_back(refused_stamp(m.when));
    return a;
}

}  // namespace

bool is_chat_head(std::string_view head) {
    head = strip_bom(head);
    std::size_t seen = 0, stamped = 0;
    for (std::size_t pos = 0; pos < head.size() && seen < kHeadLines;) {
        const std::size_t end = std::min(head.find('\n', pos), head.size());
        const std::string_view line = head.substr(pos, end - pos);
        pos = end + 1;
        if (trim(skip_marks(line)).empty()) continue;
        const bool s = stamp_of(trim(line)).has_value();
        if (seen == 0 && !s) return false;  // an export opens with a stamp
        ++seen;
        stamped += s;
    }
    return stamped >= kMinHeadStamps;
}

void read_chat(const ReadContext& ctx) {
    if (ctx.info.size > static_cast<std::int64_t>(kMaxTextBytes))
        throw EntryError("chat file larger than 64 MiB");
    const std::string text = text_from_bytes(ctx.in.read_all(kMaxTextBytes));
    if (trim(text).empty()) return ctx.sink.skipped_entry(ctx.info, "empty file");
    const std::vector<Message> messages = messages_of(text);
    std::uint64_t record = 0;
    bool any = false;
    for (const Message& m : messages) {
        ++record;
        if (std::optional<Article> a = chat_article(m, ctx, record)) {
            ctx.sink.article(std::move(*a));
            any = true;
        }
    }
    if (any) return;
    // No message is a story: a file of stamped lines that is no chat (a timeline, a live blog's
    // entries) or a chat of short messages. Nothing is lost: it is read as a text page.
    ctx.sink.article(text_article(text, ctx.fields, ctx.origin(1)));
}

}  // namespace khabar::records
