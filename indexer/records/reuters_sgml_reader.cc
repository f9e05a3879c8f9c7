/** @file
 * @brief Reuters-21578 SGML: streams <REUTERS NEWID="n"> ... </REUTERS> elements into articles
 *        (title, unwrapped body without the "Reuter" sign-off, DATE, every TOPICS entry as the
 *        section "money-fx, interest", AUTHOR).
 */
#include <optional>

#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

constexpr std::string_view kOpen = "<REUTERS";
constexpr std::string_view kClose = "</REUTERS>";

/// Content of the first <NAME ...>...</NAME> in s (to the end of s when not closed).
std::optional<std::string_view> element(std::string_view s, std::string_view open,
                                        std::string_view close) {
    std::size_t p = s.find(open);
    while (p != std::string_view::npos) {
        std::size_t after = p + open.size();
        if (after < s.size() && (s[after] == '>' || is_space(s[after]))) break;
        p = s.find(open, after);
    }
    if (p == std::string_view::npos) return std::nullopt;
    std::size_t gt = s.find('>', p);
    if (gt == std::string_view::npos) return std::nullopt;
    std::size_t end = s.find(close, gt + 1);
    if (end == std::string_view::npos) end = s.size();
    return s.substr(gt + 1, end - gt - 1);
}

/// Value of NAME="..." inside an opening tag.
std::string_view attribute(std::string_view tag, std::string_view name) {
    std::size_t p = 0;
    while ((p = tag.find(name, p)) != std::string_view::npos) {
        std::size_t q = p + name.size();
        bool whole = (p == 0 || is_space(tag[p - 1])) && tag.substr(q, 2) == "=\"";
        if (whole) {
            std::size_t e = tag.find('"', q + 2);
            if (e != std::string_view::npos) return tag.substr(q + 2, e - q - 2);
        }
        p = q;
    }
    return {};
}

/// Numeric character references that stand for control characters (&#2; &#3; &#22; &#127; ...)
/// are markers of the wire format, not text.
bool is_control(char32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0);
}

/// Decodes one entity at s[i] == '&' into out; returns the index after it.
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
    std::size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
        out += '&';
        return i + 1;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (!name.empty() && name[0] == '#') {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        char32_t cp = 0;
        bool ok = name.size() > (hex ? 2u : 1u);
        for (char c : name.substr(hex ? 2 : 1)) {
            int d = (c >= '0' && c <= '9')                          ? c - '0'
                    : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                    : -1;
            if (d < 0) ok = false;
            cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d < 0 ? 0 : d);
        }
        if (!ok) {
            out += '&';
            return i + 1;
        }
        if (!is_control(cp)) append_utf8(out, cp);
        return semi + 1;
    }
    static constexpr std::pair<std::string_view, char> kNamed[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    for (const auto& [n, c] : kNamed) {
        if (name == n) {
            out += c;
            return semi + 1;
        }
    }
    out += '&';
    return i + 1;
}

/// Entities decoded; with strip_tags, tags (<X...>, </X>, <!...>) become line breaks.
std::string decode_sgml(std::string_view s, bool strip_tags) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t p = strip_tags ? find_either(s, '&', '<', i) : s.find('&', i);
        if (p == std::string_view::npos) p = s.size();
        out.append(s.substr(i, p - i));
        if (p >= s.size()) break;
        if (s[p] == '&') {
            i = decode_entity(s, p, out);
            continue;
        }
        const char next = p + 1 < s.size() ? s[p + 1] : ' ';
        std::size_t gt = s.find('>', p);
        const bool tag =
            ((next | 0x20) >= 'a' && (next | 0x20) <= 'z') || next == '/' || next == '!';
        if (!tag || gt == std::string_view::npos) {
            out += '<';
            i = p + 1;
        } else {
            out += '\n';
            i = gt + 1;
        }
    }
    return out;
}

/// Removes the closing "Reuter" / "REUTER..." sign-off (own line, or " REUTER" after a sentence).
void remove_signoff(std::string& s) {
    trim_in_place(s);
    std::size_t line_start = s.rfind('\n');
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    std::string_view line = trim(std::string_view(s).substr(line_start));
    if (line.size() >= 2 && line.substr(line.size() - 2) == "^M") line.remove_suffix(2);
    while (!line.empty() && line.back() == '.') line.remove_suffix(1);
    line = trim(line);
    if (iequals(line, "reuter") || iequals(line, "reuters")) {
        s.resize(line_start);
    } else if (line.size() > 7 && line.substr(line.size() - 7) == " REUTER") {
        s.resize(static_cast<std::size_t>(line.data() - s.data()) + line.size() - 7);
    } else {
        return;
    }
    trim_in_place(s);
}

/// Joins hard-wrapped lines with spaces; a blank line or an indented line starts a paragraph
/// (paragraphs are separated by a blank line).
std::string unwrap(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool paragraph = false;
    while (!s.empty()) {
        std::size_t nl = s.find('\n');
        std::string_view line = s.substr(0, nl);
        s.remove_prefix(nl == std::string_view::npos ? s.size() : nl + 1);
        std::string_view text = trim(line);
        if (text.empty()) {
            paragraph = true;
            continue;
        }
        if (!out.empty()) out += (paragraph || is_space(line[0])) ? "\n\n" : " ";
        out.append(text);
        paragraph = false;
    }
    return out;
}

std::string body_text(std::string_view raw) {
    std::string s = decode_sgml(raw, true);
    remove_signoff(s);
    return unwrap(s);
}

/// "26-FEB-1987 15:01:01.79" from the DATE element, without the trailing wire codes
/// ("&#5;&#5;&#5;RM") and editors' notes ("# date added ...").
std::string date_text(std::string_view raw) {
    return collapse_spaces(raw.substr(0, raw.find_first_of("&#")));
}

/// "by Janie Gabbett, Reuters" -> "Janie Gabbett".
std::string author_text(std::string_view raw) {
    std::string a = collapse_spaces(decode_sgml(raw, true));
    std::string_view v = a;
    if (v.size() > 3 && iequals(v.substr(0, 3), "by ")) v.remove_prefix(3);
    for (std::string_view suffix : {", reuters", ", reuter"})
        if (iends_with(v, suffix)) v.remove_suffix(suffix.size());
    return std::string(trim(v));
}

class ReutersReader {
  public:
    explicit ReutersReader(const ReadContext& ctx) : ctx_(ctx) {}

    void run() {
        std::string line;
        while (ctx_.in.getline(line, kMaxRecordBytes)) feed(line);
        if (in_element_) ctx_.bad(++index_, "<REUTERS> element not closed before end of file");
    }

  private:
    /// Takes one line: extends the open element, or looks for the next "<REUTERS".
    void feed(std::string_view line) {
        if (in_element_) {
            std::size_t search_from =
                block_.size() > kClose.size() ? block_.size() - kClose.size() : 0;
            block_ += '\n';
            block_.append(line);
            finish_if_closed(search_from);
            return;
        }
        std::size_t p = line.find(kOpen);
        if (p == std::string_view::npos) return;
        block_.assign(line.substr(p));
        in_element_ = true;
        finish_if_closed(0);
    }

    /// Handles a "</REUTERS>" in the block at or after `from`; text after it is fed again.
    void finish_if_closed(std::size_t from) {
        std::size_t close = block_.find(kClose, from);
        if (close == std::string::npos) {
            if (block_.size() > kMaxRecordBytes) too_long();
            return;
        }
        std::string rest = block_.substr(close + kClose.size());
        block_.resize(close);
        in_element_ = false;
        element_done();
        if (rest.find(kOpen) != std::string::npos) feed(rest);
    }

    void too_long() {
        ctx_.bad(++index_, "record too long: <REUTERS> element over 16 MiB");
        in_element_ = false;
        block_.clear();
    }

    void element_done() {
        ++index_;
        fix_utf8(block_);
        std::string_view b = block_;
        Article a;
        a.own_id = std::string(attribute(b.substr(0, b.find('>')), "NEWID"));
        if (auto d = element(b, "<DATE", "</DATE>")) {
            a.date_text = date_text(*d);
            if (!a.date_text.empty()) a.date_field = "reuters:DATE";
        }
        if (auto topics = element(b, "<TOPICS", "</TOPICS>")) {
            // Every topic, comma-separated: `section:` finds each (model/labels.h).
            std::string_view rest = *topics;
            while (auto d = element(rest, "<D", "</D>")) {
                std::string topic = collapse_spaces(decode_sgml(*d, true));
                if (!topic.empty()) a.section += (a.section.empty() ? "" : ", ") + topic;
                rest = rest.substr(static_cast<std::size_t>(d->data() - rest.data()) + d->size());
            }
        }
        read_text(element(b, "<TEXT", "</TEXT>").value_or(std::string_view{}), a);
        if (a.title.empty() && a.body.empty()) return ctx_.bad(index_, "no title or body");
        a.source = "Reuters";
        a.origin = ctx_.origin(index_);
        ctx_.sink.article(std::move(a));
    }

    static void read_text(std::string_view text, Article& a) {
        if (auto t = element(text, "<TITLE", "</TITLE>"))
            a.title = collapse_spaces(decode_sgml(*t, true));
        if (auto au = element(text, "<AUTHOR", "</AUTHOR>")) a.author = author_text(*au);
        if (auto body = element(text, "<BODY", "</BODY>")) a.body = body_text(*body);
        if (a.title.empty() && a.body.empty()) a.body = body_text(text);
    }

    const ReadContext& ctx_;
    std::string block_;
    bool in_element_ = false;
    std::uint64_t index_ = 0;
};

}  // namespace

void read_reuters_sgml(const ReadContext& ctx) {
    ReutersReader(ctx).run();
}

}  // namespace khabar::records
