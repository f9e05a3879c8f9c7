/** @file
 * @brief The alias table for JSON keys and CSV headers, user field mappings, and FieldCollector.
 */
#include "records/field_aliases.h"

#include <unordered_map>

#include "records/record_reader.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

struct AliasList {
    Field field;
    std::vector<std::string_view> keys;  ///< lower-case, most preferred first
};

const std::vector<AliasList>& alias_lists() {
    static const std::vector<AliasList> lists = {
        {Field::title, {"title", "headline", "heading"}},
        {Field::body, {"body", "content", "text", "article", "articlebody", "story"}},
        {Field::summary, {"description", "summary", "abstract"}},
        {Field::date,
         {"date", "published", "published_at", "publishedat", "pubdate", "date_published",
          "datepublished", "date_extracted", "created_at", "time", "timestamp"}},
        {Field::url, {"url", "link", "href", "canonical_url"}},
        {Field::id, {"id", "_id", "doc_id", "docid", "guid", "uuid"}},
        {Field::author, {"author", "authors", "byline", "creator"}},
        {Field::source,
         {"source", "publisher", "outlet", "site", "domain", "sitename", "site_name", "hostname"}},
        {Field::section, {"section", "category", "categories"}},
        {Field::lang, {"lang", "language"}},
    };
    return lists;
}

const std::unordered_map<std::string_view, FieldSlot>& alias_map() {
    static const auto map = [] {
        std::unordered_map<std::string_view, FieldSlot> m;
        for (const auto& list : alias_lists())
            for (std::size_t i = 0; i < list.keys.size(); ++i)
                m.emplace(list.keys[i], FieldSlot{list.field, static_cast<int>(i)});
        return m;
    }();
    return map;
}

constexpr std::pair<std::string_view, Field> kFieldNames[] = {
    {"title", Field::title},   {"body", Field::body},     {"summary", Field::summary},
    {"date", Field::date},     {"url", Field::url},       {"id", Field::id},
    {"author", Field::author}, {"source", Field::source}, {"section", Field::section},
    {"lang", Field::lang},
};

}  // namespace

std::optional<Field> parse_field_name(std::string_view name) {
    for (const auto& [n, f] : kFieldNames)
        if (iequals(n, name)) return f;
    return std::nullopt;
}

FieldMapper::FieldMapper(const std::map<std::string, std::string>& field_map) {
    for (const auto& [article_field, source_key] : field_map) {
        if (iequals(article_field, "record")) record_ = std::string(trim(source_key));
        if (auto f = parse_field_name(article_field)) {
            overrides_.emplace_back(to_lower_ascii(trim(source_key)), *f);
            as_written_.emplace_back(*f, std::string(trim(source_key)));
        }
    }
}

std::string FieldMapper::mapped(Field f) const {
    for (const auto& [field, key] : as_written_)
        if (field == f) return key;
    return {};
}

std::optional<FieldSlot> FieldMapper::lookup(std::string_view key) const {
    for (const auto& [source_key, field] : overrides_)
        if (iequals(source_key, key)) return FieldSlot{field, -1};
    char buf[32];
    if (key.size() > sizeof buf) return std::nullopt;
    for (std::size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const auto& m = alias_map();
    auto it = m.find(std::string_view(buf, key.size()));
    if (it == m.end()) return std::nullopt;
    return it->second;
}

void FieldCollector::offer(FieldSlot slot, std::string_view key, std::string&& value) {
    Candidate& c = slots_[index(slot.field)];
    if (slot.rank >= c.rank) return;
    trim_in_place(value);
    if (value.empty()) return;
    c.value = std::move(value);
    c.key = key;
    c.rank = slot.rank;
}

bool FieldCollector::has_text() const {
    for (Field f : {Field::title, Field::body, Field::summary})
        if (slots_[index(f)].rank != INT_MAX) return true;
    return false;
}

std::string FieldCollector::take_value(Field f, bool utf8_checked) {
    Candidate& c = slots_[index(f)];
    std::string v = std::move(c.value);
    c.value.clear();
    c.rank = INT_MAX;
    if (!utf8_checked) fix_utf8(v);
    return v;
}

Article FieldCollector::take(Origin origin, bool utf8_checked) {
    Article a;
    if (slots_[index(Field::date)].rank != INT_MAX)
        a.date_field = "field:" + std::string(slots_[index(Field::date)].key);
    a.title = take_value(Field::title, utf8_checked);
    a.body = take_value(Field::body, utf8_checked);
    std::string summary = take_value(Field::summary, utf8_checked);
    if (a.body.empty()) a.body = std::move(summary);
    a.date_text = take_value(Field::date, utf8_checked);
    a.url = take_value(Field::url, utf8_checked);
    a.own_id = take_value(Field::id, utf8_checked);
    a.author = take_value(Field::author, utf8_checked);
    a.source = take_value(Field::source, utf8_checked);
    a.section = take_value(Field::section, utf8_checked);
    a.lang = take_value(Field::lang, utf8_checked);
    a.origin = std::move(origin);
    return a;
}

}  // namespace khabar::records

namespace khabar {

bool is_mappable_field(std::string_view article_field) {
    return records::parse_field_name(article_field).has_value() ||
           records::iequals(article_field, "record");
}

}  // namespace khabar
