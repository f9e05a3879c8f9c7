/** @file
 * @brief The stored record's JSON encoding and its tolerant decoding.
 */
#include "database/stored_article.h"

#include "database/schema.h"

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

std::string StoredArticle::encode() const {
    json j = {
        {schema::field_id, id},
        {schema::field_title, title},
        {schema::field_url, url},
        {schema::field_date, date.known() ? json(date.iso()) : json()},
        {schema::field_date_source, date.known() ? json(date.source) : json()},
        {schema::field_lang, lang},
        {schema::field_source, source},
        {schema::field_author, author},
        {schema::field_section, section},
        {schema::field_body, body},
        {schema::field_origin, origin},
    };
    if (title_derived) j[key(schema::field_title_derived)] = true;
    if (chrome_removed > 0) j[key(schema::field_chrome_removed)] = chrome_removed;
    if (!removed.empty()) {
        json blocks = json::array();
        for (const RemovedBlock& r : removed)
            blocks.push_back({{"text", r.text}, {"reason", r.reason}});
        j[key(schema::field_removed)] = std::move(blocks);
    }
    if (!date_notes.empty()) j[key(schema::field_date_notes)] = date_notes;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

StoredArticle StoredArticle::decode(std::string_view data) {
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
