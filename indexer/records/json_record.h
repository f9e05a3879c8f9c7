/** @file
 * @brief Internal: one parsed JSON object -> one Article (shared by the JSON Lines and JSON
 * readers).
 */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "records/field_aliases.h"
#include "records/readers.h"

namespace khabar::records {

/// Keys keep their document order (wrappers holding several article arrays are read in order).
using Json = nlohmann::ordered_json;

/// Parses one JSON text. Text that fails only because it is not UTF-8 is repaired (bytes read as
/// Windows-1252) and parsed again. On failure returns nullopt and a one-line message in `error`.
std::optional<Json> parse_json(std::string_view text, std::string& error);

/// The object has a title, body or summary key (by alias or user mapping) holding a string.
bool looks_like_article(const Json& object, const FieldMapper& fields);

/// Sends `object` to the sink as article number `record`, or reports it when it has neither title
/// nor body. Values are moved out of `object`.
void emit_json_object(Json& object, std::uint64_t record, const ReadContext& ctx,
                      FieldCollector& collector);

}  // namespace khabar::records
