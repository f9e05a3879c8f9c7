/** @file
 * @brief Filter fields: one normalization with the index, and messages for unknown ones.
 */
#include "query/filter_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "database/schema.h"
#include "error.h"
#include "model/labels.h"
#include "query/syntax.h"

namespace khabar {

namespace {

constexpr std::size_t kListedValues = 12;  ///< known values a warning lists (most common first)

/// "en (2225), ur (1270)": the values under `prefix`, most common first, at most kListedValues.
std::string known_values(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::pair<Xapian::doccount, std::string>> values;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        values.emplace_back(it.get_termfreq(), (*it).substr(prefix.size()));
    if (values.empty()) return "none";
    std::sort(values.begin(), values.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string out;
    for (std::size_t i = 0; i < values.size() && i < kListedValues; ++i)
        out += fmt::format("{}{} ({})", i ? ", " : "", values[i].second, values[i].first);
    if (values.size() > kListedValues) out += fmt::format(", … {} in all", values.size());
    return out;
}

}  // namespace

LabelFieldProcessor::LabelFieldProcessor(const Xapian::Database& db, std::string field,
                                         std::string prefix)
    : db_(db), field_(std::move(field)), prefix_(std::move(prefix)) {}

std::string LabelFieldProcessor::term_of(const std::string& value) {
    if (prefix_ == schema::prefix_lang) return prefix_ + language_code(value);
    return prefix_ + filter_value(analyzer_, value);
}

std::string LabelFieldProcessor::check(const std::string& value, const std::string& term) const {
    if (db_.term_exists(term)) return "";
    const std::string listed = prefix_ == schema::prefix_lang ? "languages" : field_ + "s";
    return fmt::format("no article has {} '{}'; {} in this database: {}", field_, value, listed,
                       known_values(db_, prefix_));
}

Xapian::Query LabelFieldProcessor::operator()(const std::string& value) {
    std::string term = term_of(value);
    if (std::string w = check(value, term); !w.empty()) warnings_.push_back(std::move(w));
    return Xapian::Query(term);
}

void check_fields(const std::string& prepared) {
    bool quoted = false;
    std::size_t i = 0;
    while (i < prepared.size()) {
        if (prepared[i] == '"') quoted = !quoted;
        if (quoted || prepared[i] == ' ' || prepared[i] == '"') {
            ++i;
            continue;
        }
        std::size_t end = prepared.find_first_of(" \"", i);
        if (end == std::string::npos) end = prepared.size();
        std::string_view word(prepared.data() + i, end - i);
        i = end;
        while (!word.empty() && (word[0] == '(' || word[0] == '+' || word[0] == '-'))
            word.remove_prefix(1);
        std::size_t colon = word.find(':');
        if (colon == 0 || colon == std::string_view::npos || colon + 1 >= word.size() ||
            word[colon + 1] == '/')
            continue;
        std::string_view name = word.substr(0, colon);
        if (!std::all_of(name.begin(), name.end(),
                         [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }))
            continue;
        if (syntax::find_field(name)) continue;
        throw Error(fmt::format("unknown field '{}:' in '{}'; the fields are {}", name, word,
                                syntax::fields_text()),
                    fmt::format("to search the words, leave out the colon: '{} {}'", name,
                                word.substr(colon + 1)));
    }
}

}  // namespace khabar
