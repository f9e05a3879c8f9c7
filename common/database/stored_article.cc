/** @file
 * @brief The stored record's JSON encoding and its tolerant decoding.
 */
#include "database/stored_article.h"

#include "database/schema.h"
#include "utf8.h"

namespace khabar {

namespace {

using nlohmann::json;

std::string key(std::string_view k) {
    return std::string(k);
}

/// The string under `k`, "" when absent or not a string.
std::string text(const json& j, std::string_view k) {
    auto it = j.find(key(k));
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <typename T>
T number(const json& j, std::string_view k) {
    auto it = j.find(key(k));
    return it != j.end() && it->is_number_unsigned() ? it->get<T>() : T{};
}

Origin origin_of(const json& j) {
    Origin o;
    auto it = j.find(key(schema::field_origin));
    if (it == j.end() || !it->is_object()) return o;
    o.file = text(*it, "file");
    o.entry = text(*it, "entry");
    o.record = number<std::uint64_t>(*it, "record");
    return o;
}

std::vector<std::string> strings_of(const json& j, std::string_view k) {
    std::vector<std::string> out;
    auto it = j.find(key(k));
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& s : *it)
        if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

std::vector<RemovedBlock> removed_of(const json& j) {
    std::vector<RemovedBlock> out;
    auto it = j.find(key(schema::field_removed));
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& r : *it)
        if (r.is_object()) out.push_back({text(r, "text"), text(r, "reason")});
    return out;
}

/// Reads the JSON object encode() writes (no whitespace; string, unsigned integer, boolean and
/// null values; the origin object; the date notes' array of strings and the removed blocks'
/// array of objects) straight into a StoredArticle, checking what the general parser checks
/// (UTF-8, escapes). Anything else (other arrays and objects, other numbers, whitespace, repeated
/// keys, surrogate escapes, errors) is left to the general parser: read() says false.
class RecordReader {
  public:
    explicit RecordReader(std::string_view d) : d_(d) {}

    bool read(StoredArticle& s) {
        std::string date, date_source;
        unsigned seen = 0;  // known keys already read: a repeated one goes to the general parser
        const bool ok = object([&](const std::string& k) -> bool {
            static constexpr std::string_view keys[] = {schema::field_id,
                                                        schema::field_title,
                                                        schema::field_body,
                                                        schema::field_url,
                                                        schema::field_lang,
                                                        schema::field_source,
                                                        schema::field_author,
                                                        schema::field_section,
                                                        schema::field_date,
                                                        schema::field_date_source,
                                                        schema::field_title_derived,
                                                        schema::field_origin,
                                                        schema::field_chrome_removed,
                                                        schema::field_date_notes,
                                                        schema::field_removed};
            std::string* const texts[] = {&s.id,     &s.title,  &s.body,    &s.url, &s.lang,
                                          &s.source, &s.author, &s.section, &date,  &date_source};
            std::size_t n = 0;
            while (n < std::size(keys) && keys[n] != k) ++n;
            if (n == std::size(keys)) return skip_value();
            if (seen & (1u << n)) return false;
            seen |= 1u << n;
            if (n < std::size(texts)) return text(*texts[n]);
            if (k == schema::field_title_derived) return boolean(s.title_derived);
            if (k == schema::field_origin) return origin(s.origin);
            if (k == schema::field_chrome_removed) {
                std::uint64_t v = 0;
                if (!number(v)) return false;
                s.chrome_removed = static_cast<std::uint32_t>(v);
                return true;
            }
            // date_notes, removed: a value that is not an array reads as none (strings_of,
            // removed_of).
            if (peek() != '[') return skip_value();
            return k == schema::field_date_notes ? strings(s.date_notes) : removed(s.removed);
        });
        if (!ok || pos_ != d_.size()) return false;
        s.date = Date::from_iso(date);
        if (s.date.known()) s.date.source = date_source;
        return true;
    }

  private:
    char peek() const { return pos_ < d_.size() ? d_[pos_] : '\0'; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    bool word(std::string_view w) {
        if (d_.substr(pos_, w.size()) != w) return false;
        pos_ += w.size();
        return true;
    }

    /// `{"key":value,...}`, calling on_key(key) to read each value.
    template <typename F>
    bool object(F&& on_key) {
        if (!eat('{')) return false;
        if (eat('}')) return true;
        std::string key;
        do {
            key.clear();
            if (!string(key) || !eat(':') || !on_key(key)) return false;
        } while (eat(','));
        return eat('}');
    }

    /// A string into `out`; any other value makes it "" (a mistyped field reads as empty).
    bool text(std::string& out) {
        out.clear();
        return peek() == '"' ? string(out) : scalar();
    }
    bool boolean(bool& out) {
        out = peek() == 't';
        return skip_value();
    }
    /// An unsigned integer into `out`; any other value leaves it 0.
    bool number(std::uint64_t& out) {
        out = 0;
        if (peek() < '0' || peek() > '9') return skip_value();
        const std::size_t start = pos_;
        while (peek() >= '0' && peek() <= '9')
            out = out * 10 + static_cast<unsigned>(d_[pos_++] - '0');
        // A leading zero, a fraction, an exponent or more digits than surely fit: general parser.
        const std::size_t digits = pos_ - start;
        return digits <= 19 && (digits == 1 || d_[start] != '0') && peek() != '.' &&
               peek() != 'e' && peek() != 'E';
    }
    bool origin(Origin& o) {
        if (peek() != '{') return skip_value();
        unsigned seen = 0;
        return object([&](const std::string& k) -> bool {
            const unsigned bit = k == "file" ? 1 : k == "entry" ? 2 : k == "record" ? 4 : 0;
            if (bit == 0) return skip_value();
            if (seen & bit) return false;
            seen |= bit;
            return bit == 1 ? text(o.file) : bit == 2 ? text(o.entry) : number(o.record);
        });
    }
    /// `[value,...]`, calling element() to read each value.
    template <typename F>
    bool array(F&& element) {
        if (!eat('[')) return false;
        if (eat(']')) return true;
        do {
            if (!element()) return false;
        } while (eat(','));
        return eat(']');
    }
    /// The strings of an array, in order; its other scalars are dropped (as strings_of does).
    bool strings(std::vector<std::string>& out) {
        return array([&] {
            if (peek() != '"') return skip_value();
            std::string v;
            if (!string(v)) return false;
            out.push_back(std::move(v));
            return true;
        });
    }
    /// The objects of an array as removed blocks (text, reason: as removed_of reads them); its
    /// scalars are dropped.
    bool removed(std::vector<RemovedBlock>& out) {
        return array([&] {
            if (peek() != '{') return skip_value();
            RemovedBlock b;
            unsigned seen = 0;
            const bool ok = object([&](const std::string& k) -> bool {
                const unsigned bit = k == "text" ? 1 : k == "reason" ? 2 : 0;
                if (bit == 0) return skip_value();
                if (seen & bit) return false;
                seen |= bit;
                return text(bit == 1 ? b.text : b.reason);
            });
            if (ok) out.push_back(std::move(b));
            return ok;
        });
    }
    /// A string, number, boolean or null read and dropped (objects and arrays: general parser).
    bool skip_value() {
        if (peek() == '"') {
            std::string ignored;
            return string(ignored);
        }
        if (peek() == '-') return false;
        if (peek() >= '0' && peek() <= '9') {
            std::uint64_t ignored;
            return number(ignored);
        }
        return scalar();
    }
    bool scalar() { return word("null") || word("true") || word("false"); }

    /// A JSON string (at its opening quote) appended to `out`, unescaped, its UTF-8 checked.
    bool string(std::string& out) {
        if (!eat('"')) return false;
        for (;;) {
            // A run of characters copied as they are: ASCII, and multi-byte UTF-8 sequences once
            // checked (appended with the run, not one by one: Urdu text is mostly such).
            const std::size_t run = pos_;
            for (;;) {
                while (pos_ < d_.size()) {
                    const auto c = static_cast<unsigned char>(d_[pos_]);
                    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                    ++pos_;
                }
                if (pos_ >= d_.size() || static_cast<unsigned char>(d_[pos_]) < 0x80) break;
                const std::size_t n = utf8_sequence_length(d_, pos_);
                if (n < 2) return false;
                pos_ += n;
            }
            out.append(d_.data() + run, pos_ - run);
            if (pos_ >= d_.size()) return false;
            const auto c = static_cast<unsigned char>(d_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20 || !escape(out)) return false;
        }
    }
    bool escape(std::string& out) {
        ++pos_;  // the backslash
        const char e = peek();
        ++pos_;
        switch (e) {
            case '"':
                out += '"';
                return true;
            case '\\':
                out += '\\';
                return true;
            case '/':
                out += '/';
                return true;
            case 'b':
                out += '\b';
                return true;
            case 'f':
                out += '\f';
                return true;
            case 'n':
                out += '\n';
                return true;
            case 'r':
                out += '\r';
                return true;
            case 't':
                out += '\t';
                return true;
            case 'u':
                break;
            default:
                return false;
        }
        unsigned cp = 0;
        for (int k = 0; k < 4; ++k, ++pos_) {
            const char h = peek();
            const int v = h >= '0' && h <= '9'   ? h - '0'
                          : h >= 'a' && h <= 'f' ? h - 'a' + 10
                          : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                 : -1;
            if (v < 0) return false;
            cp = cp * 16 + static_cast<unsigned>(v);
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // surrogates: general parser
        append_utf8(out, cp);
        return true;
    }

    std::string_view d_;
    std::size_t pos_ = 0;
};

}  // namespace

void to_json(json& j, const Origin& o) {
    j = json{{"file", o.file}, {"entry", o.entry}, {"record", o.record}};
}

StoredArticle StoredArticle::of(const Article& a) {
    StoredArticle s;
    s.id = a.id;
    s.title = a.title;
    s.title_derived = a.title_derived;
    s.body = a.body;
    s.url = a.url;
    s.date = a.date;
    s.date_notes = a.date_notes;
    s.lang = a.lang;
    s.source = a.source;
    s.author = a.author;
    s.section = a.section;
    s.origin = a.origin;
    s.chrome_removed = a.chrome_removed;
    s.removed = a.removed_chrome;
    return s;
}

namespace {

/// encode()'s object, with the body or without its key.
std::string encode_record(const StoredArticle& a, bool with_body) {
    json j = {
        {schema::field_id, a.id},
        {schema::field_title, a.title},
        {schema::field_url, a.url},
        {schema::field_date, a.date.known() ? json(a.date.iso()) : json()},
        {schema::field_date_source, a.date.known() ? json(a.date.source) : json()},
        {schema::field_lang, a.lang},
        {schema::field_source, a.source},
        {schema::field_author, a.author},
        {schema::field_section, a.section},
        {schema::field_origin, a.origin},
    };
    if (with_body) j[key(schema::field_body)] = a.body;
    if (a.title_derived) j[key(schema::field_title_derived)] = true;
    if (a.chrome_removed > 0) j[key(schema::field_chrome_removed)] = a.chrome_removed;
    if (!a.removed.empty()) {
        json blocks = json::array();
        for (const RemovedBlock& r : a.removed)
            blocks.push_back({{"text", r.text}, {"reason", r.reason}});
        j[key(schema::field_removed)] = std::move(blocks);
    }
    if (!a.date_notes.empty()) j[key(schema::field_date_notes)] = a.date_notes;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string StoredArticle::encode() const {
    return encode_record(*this, true);
}

std::string StoredArticle::encode_without_body() const {
    return encode_record(*this, false);
}

StoredArticle StoredArticle::decode(std::string_view data) {
    // The records encode() writes are read directly (a fifth of the general parser's work, which
    // was a ninth of a search's); anything else goes through the general parser.
    StoredArticle s;
    if (RecordReader(data).read(s)) return s;
    return decode_general(data);
}

std::optional<StoredArticle> StoredArticle::decode_direct(std::string_view data) {
    StoredArticle s;
    if (!RecordReader(data).read(s)) return std::nullopt;
    return s;
}

StoredArticle StoredArticle::decode_general(std::string_view data) {
    StoredArticle s;
    const json j = json::parse(data.begin(), data.end(), nullptr, false);
    if (!j.is_object()) return s;
    s.id = text(j, schema::field_id);
    s.title = text(j, schema::field_title);
    auto derived = j.find(key(schema::field_title_derived));
    s.title_derived = derived != j.end() && derived->is_boolean() && derived->get<bool>();
    s.body = text(j, schema::field_body);
    s.url = text(j, schema::field_url);
    s.date = Date::from_iso(text(j, schema::field_date));
    if (s.date.known()) s.date.source = text(j, schema::field_date_source);
    s.date_notes = strings_of(j, schema::field_date_notes);
    s.lang = text(j, schema::field_lang);
    s.source = text(j, schema::field_source);
    s.author = text(j, schema::field_author);
    s.section = text(j, schema::field_section);
    s.origin = origin_of(j);
    s.chrome_removed = number<std::uint32_t>(j, schema::field_chrome_removed);
    s.removed = removed_of(j);
    return s;
}

void set_slot_date(Xapian::Document& doc, const Date& date) {
    if (!date.known()) return;
    doc.add_value(schema::slot_date, date.slot_value());
    doc.add_value(schema::slot_date_precision, std::string(1, date.precision_letter()));
    const std::string slot = date.slot_value();
    doc.add_boolean_term(std::string(schema::prefix_year) + slot.substr(0, 4));
    doc.add_boolean_term(std::string(schema::prefix_month) + slot.substr(0, 6));
    doc.add_boolean_term(std::string(schema::prefix_day) + slot);
}

}  // namespace khabar
