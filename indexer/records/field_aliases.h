/** @file
 * @brief Source field names (JSON keys, CSV headers) -> article fields, and the per-record
 * collector.
 */
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/article.h"

namespace khabar::records {

/// Article fields a source field can feed. `summary` (description/summary/abstract) is used as the
/// body only when the record has no body.
enum class Field : std::uint8_t {
    title,
    body,
    summary,
    date,
    url,
    id,
    author,
    source,
    section,
    lang
};
inline constexpr std::size_t kFieldCount = 10;

/// A resolved source key: which field it feeds and how strongly (lower rank wins; user mapping =
/// -1).
struct FieldSlot {
    Field field;
    int rank;
};

/// Article field named by a --field mapping key ("title", "body", "date", ...), if known.
std::optional<Field> parse_field_name(std::string_view name);

/// Resolves source keys case-insensitively: the user's field_map first (a mapped source key feeds
/// only its mapped field), then the built-in alias table (title/headline/heading, ...).
class FieldMapper {
  public:
    explicit FieldMapper(const std::map<std::string, std::string>& field_map = {});
    std::optional<FieldSlot> lookup(std::string_view key) const;
    /// XML: the element holding one article (`--field record=item`), "" when not given.
    const std::string& record_element() const { return record_; }
    /// The user's source key (XML: element path) for an article field as written, "" when the
    /// field is not mapped.
    std::string mapped(Field f) const;

  private:
    std::vector<std::pair<std::string, Field>> overrides_;
    std::vector<std::pair<Field, std::string>> as_written_;
    std::string record_;
};

/// Collects the best value per field for one record, then moves them into an Article.
class FieldCollector {
  public:
    /// True when a non-empty value for slot would replace what is held (skip converting otherwise).
    bool wants(FieldSlot slot) const { return slot.rank < slots_[index(slot.field)].rank; }
    /// Offers a value (trimmed here; empty values are ignored). `key` must outlive take().
    void offer(FieldSlot slot, std::string_view key, std::string&& value);
    /// The record has a title, body or summary.
    bool has_text() const;
    /// Moves the collected values into an article with the given origin and resets the collector.
    /// date_field becomes "field:<key as written in the record>". Values that are not UTF-8 are
    /// repaired unless `utf8_checked` (the JSON parser has already validated them).
    Article take(Origin origin, bool utf8_checked = false);

  private:
    struct Candidate {
        std::string value;
        std::string_view key;
        int rank = INT_MAX;
    };
    static std::size_t index(Field f) { return static_cast<std::size_t>(f); }
    std::string take_value(Field f, bool utf8_checked);
    std::array<Candidate, kFieldCount> slots_;
};

}  // namespace khabar::records
