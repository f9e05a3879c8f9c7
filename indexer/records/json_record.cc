/** @file
 * @brief JSON value -> field text (numbers, arrays of authors, {"name": ...} objects) and emission.
 */
#include "records/json_record.h"

#include "records/text_util.h"

namespace khabar::records {

namespace {

/// Keys whose value stands for a whole object: schema.org {"name"}, MongoDB {"$date"}/{"$oid"}.
constexpr std::string_view kInnerValueKeys[] = {"name",  "$date", "$oid",  "$numberlong",
                                                "value", "text",  "@value"};

std::string value_text(Json& v, Field f);

std::string object_text(Json& object, Field f) {
    for (std::string_view wanted : kInnerValueKeys)
        for (auto it = object.begin(); it != object.end(); ++it)
            if (iequals(it.key(), wanted) && !it.value().is_structured())
                return value_text(it.value(), f);
    return {};
}

std::string array_text(Json& array, Field f) {
    const bool prose = f == Field::title || f == Field::body || f == Field::summary;
    const std::string_view sep = prose ? "\n\n" : ", ";
    std::string out;
    for (Json& element : array) {
        std::string part = value_text(element, f);
        trim_in_place(part);
        if (part.empty()) continue;
        if (f == Field::section) return part;  // the first category names the section
        if (!out.empty()) out += sep;
        out += part;
    }
    return out;
}

std::string value_text(Json& v, Field f) {
    switch (v.type()) {
        case Json::value_t::string:
            return std::move(v.get_ref<std::string&>());
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            return v.dump();
        case Json::value_t::array:
            return array_text(v, f);
        case Json::value_t::object:
            return object_text(v, f);
        default:
            return {};  // null, boolean, binary, discarded
    }
}

bool is_text_field(Field f) {
    return f == Field::title || f == Field::body || f == Field::summary;
}

/// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ...; last
/// read: '...'" -> "line 1, column 5: syntax error ...".
std::string short_parse_error(const std::exception& e) {
    std::string_view msg = e.what();
    if (auto p = msg.find("] "); p != std::string_view::npos && msg.front() == '[')
        msg.remove_prefix(p + 2);
    if (msg.substr(0, 15) == "parse error at ") msg.remove_prefix(15);
    std::string out(msg.substr(0, msg.find("; last read: ")));
    if (out.size() < msg.size()) {
        // The "last read" quote may be long record text; keep only what was expected.
        if (auto q = msg.find("; expected ", out.size()); q != std::string_view::npos)
            out += msg.substr(q);
    }
    constexpr std::size_t kMaxMessage = 160;
    if (out.size() > kMaxMessage) {
        std::size_t cut = kMaxMessage;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out = out.substr(0, cut) + "...";
    }
    return out;
}

std::optional<Json> try_parse(std::string_view text, std::string& error) {
    try {
        return Json::parse(text.data(), text.data() + text.size());
    } catch (const Json::parse_error& e) {
        error = short_parse_error(e);
        return std::nullopt;
    }
}

}  // namespace

std::optional<Json> parse_json(std::string_view text, std::string& error) {
    if (auto doc = try_parse(text, error)) return doc;
    if (valid_utf8(text)) return std::nullopt;
    return try_parse(repair_utf8(text), error);
}

bool looks_like_article(const Json& object, const FieldMapper& fields) {
    if (!object.is_object()) return false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        auto slot = fields.lookup(it.key());
        if (slot && is_text_field(slot->field) && it.value().is_string()) return true;
    }
    return false;
}

void emit_json_object(Json& object, std::uint64_t record, const ReadContext& ctx,
                      FieldCollector& collector) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        auto slot = ctx.fields.lookup(it.key());
        if (!slot || !collector.wants(*slot)) continue;
        collector.offer(*slot, it.key(), value_text(it.value(), slot->field));
    }
    const bool usable = collector.has_text();
    Article a = collector.take(ctx.origin(record), /*utf8_checked=*/true);
    if (usable) {
        ctx.sink.article(std::move(a));
    } else {
        ctx.bad(record, "no title or body");
    }
}

}  // namespace khabar::records
