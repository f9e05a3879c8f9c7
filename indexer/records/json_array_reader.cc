/** @file
 * @brief JSON documents: a top-level array of articles (each element parsed on its own, so one bad
 *        element costs one record), a single article object, an object wrapping arrays of articles
 *        ({"articles": [...]}, {"sections": {"x": [...]}}), or several such values one after
 * another.
 */
#include <algorithm>

#include "records/json_record.h"
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

bool is_json_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// End of the string starting at the quote at `pos` (one past the closing quote), or npos.
std::size_t string_end(std::string_view s, std::size_t pos) {
    for (std::size_t i = pos + 1;;) {
        i = find_either(s, '"', '\\', i);
        if (i == std::string_view::npos) return i;
        if (s[i] == '"') return i + 1;
        i += 2;  // skip the escaped character
    }
}

/// End of the JSON value starting at `pos` (found by bracket and string scanning, not parsing), or
/// npos when the input ends first. Always > pos otherwise.
std::size_t value_end(std::string_view s, std::size_t pos) {
    const char c = s[pos];
    if (c == '"') return string_end(s, pos);
    if (c != '{' && c != '[') {
        std::size_t e = s.find_first_of(",]} \t\r\n", pos + 1);
        return e == std::string_view::npos ? s.size() : e;
    }
    int depth = 0;
    for (std::size_t i = pos; i < s.size(); ++i) {
        switch (s[i]) {
            case '"':
                i = string_end(s, i);
                if (i == std::string_view::npos) return i;
                --i;
                break;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
            case ']':
                if (--depth == 0) return i + 1;
                break;
            default:
                break;
        }
    }
    return std::string_view::npos;
}

class JsonDocumentReader {
  public:
    JsonDocumentReader(const ReadContext& ctx, std::string_view text) : ctx_(ctx), text_(text) {}

    void run() {
        pos_ = text_.size() - strip_bom(text_).size();
        skip_space();
        if (pos_ >= text_.size()) ctx_.sink.skipped_entry(ctx_.info, "empty file");
        while (pos_ < text_.size()) {
            if (text_[pos_] == '[') {
                read_array();
            } else {
                read_top_value();
            }
            skip_space();
        }
    }

  private:
    void skip_space() {
        while (pos_ < text_.size() && is_json_space(text_[pos_])) ++pos_;
    }

    /// 1-based line of byte offset p (offsets only grow, so counting is incremental).
    std::uint64_t line_at(std::size_t p) {
        line_ += static_cast<std::uint64_t>(
            std::count(text_.begin() + counted_, text_.begin() + p, '\n'));
        counted_ = p;
        return line_;
    }

    std::string at_line(std::size_t p) { return "line " + std::to_string(line_at(p)); }

    /// Next value as a slice; an unterminated value runs to the end of the text.
    std::string_view take_value() {
        std::size_t end = value_end(text_, pos_);
        cut_ = end == std::string_view::npos;
        if (cut_) end = text_.size();
        std::string_view v = text_.substr(pos_, end - pos_);
        pos_ = end;
        return v;
    }

    void read_array() {
        ++pos_;
        for (;;) {
            skip_space();
            if (pos_ >= text_.size())
                return ctx_.bad(record_ + 1, "invalid JSON: array not closed before end of file");
            if (text_[pos_] == ']') {
                ++pos_;
                return;
            }
            const std::size_t start = pos_;
            read_element(take_value(), start);
            if (cut_) return;  // already reported as invalid JSON (unexpected end of input)
            skip_space();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
            } else if (pos_ < text_.size() && text_[pos_] == ']') {
                ++pos_;
                return;
            } else if (pos_ < text_.size()) {
                ctx_.bad(record_, "invalid JSON: expected ',' or ']' at " + at_line(pos_) +
                                      "; the rest of the document is skipped");
                pos_ = text_.size();
                return;
            }
        }
    }

    void read_element(std::string_view slice, std::size_t start) {
        ++record_;
        auto doc = parse_json(slice, error_);
        if (!doc)
            return ctx_.bad(record_,
                            "invalid JSON: " + error_ + " (element at " + at_line(start) + ")");
        if (!doc->is_object())
            return ctx_.bad(record_, "not a JSON object: element at " + at_line(start));
        emit_json_object(*doc, record_, ctx_, collector_);
    }

    void read_top_value() {
        const std::size_t start = pos_;
        auto doc = parse_json(take_value(), error_);
        if (!doc)
            return ctx_.bad(record_ + 1,
                            "invalid JSON: " + error_ + " (value at " + at_line(start) + ")");
        if (!doc->is_object())
            return ctx_.bad(record_ + 1, "not a JSON object: value at " + at_line(start));
        if (looks_like_article(*doc, ctx_.fields)) {
            emit_json_object(*doc, ++record_, ctx_, collector_);
        } else if (!read_wrapped(*doc, 0)) {
            ctx_.bad(record_ + 1, "no title or body: the object at " + at_line(start) +
                                      " is no article and holds no array of articles");
        }
    }

    static bool holds_articles(const Json& array, const FieldMapper& fields) {
        return std::any_of(array.begin(), array.end(),
                           [&](const Json& e) { return looks_like_article(e, fields); });
    }

    /// Reads the article arrays and article objects nested in a wrapper object (up to 3 levels).
    /// Returns whether any were found.
    bool read_wrapped(Json& object, int depth) {
        bool found = false;
        for (auto it = object.begin(); it != object.end(); ++it) {
            Json& v = it.value();
            if (v.is_array() && holds_articles(v, ctx_.fields)) {
                found = true;
                for (Json& element : v) emit_element(element);
            } else if (v.is_object() && looks_like_article(v, ctx_.fields)) {
                found = true;
                emit_json_object(v, ++record_, ctx_, collector_);
            } else if (v.is_object() && depth < 3) {
                found |= read_wrapped(v, depth + 1);
            }
        }
        return found;
    }

    void emit_element(Json& element) {
        ++record_;
        if (!element.is_object()) return ctx_.bad(record_, "not a JSON object");
        emit_json_object(element, record_, ctx_, collector_);
    }

    const ReadContext& ctx_;
    std::string_view text_;
    std::size_t pos_ = 0;
    bool cut_ = false;  ///< the last value ran to the end of the text unterminated
    std::size_t counted_ = 0;
    std::uint64_t line_ = 1;
    std::uint64_t record_ = 0;
    std::string error_;
    FieldCollector collector_;
};

}  // namespace

void read_json(const ReadContext& ctx) {
    if (ctx.info.size > static_cast<std::int64_t>(kMaxJsonBytes))
        throw EntryError("JSON document larger than 512 MiB; convert it to JSON Lines");
    // Not validated here: parse_json repairs the elements that fail as non-UTF-8.
    std::string text = ctx.in.read_all(kMaxJsonBytes);
    JsonDocumentReader(ctx, text).run();
}

}  // namespace khabar::records
