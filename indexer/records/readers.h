/** @file
 * @brief Internal: what every format reader gets, and one entry point per format.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "entries/entry.h"
#include "records/field_aliases.h"
#include "records/record_reader.h"

namespace khabar::records {

/// Largest single record (CSV row, JSON Lines line, <REUTERS> element) a reader accepts.
inline constexpr std::size_t kMaxRecordBytes = 16u << 20;
/// Largest JSON document (array or object) read into memory; larger dumps should be JSON Lines.
inline constexpr std::size_t kMaxJsonBytes = 512u << 20;
/// Largest plain-text article.
inline constexpr std::size_t kMaxTextBytes = 64u << 20;

/// The entry being read and where its records go.
struct ReadContext {
    const EntryInfo& info;
    BufferedStream& in;
    const FieldMapper& fields;
    RecordSink& sink;

    Origin origin(std::uint64_t record) const { return Origin{info.file, info.path, record}; }
    void bad(std::uint64_t record, const std::string& reason) const {
        sink.bad_record(origin(record), reason);
    }
};

/// Binary by extension (images, PDF, office, executables, archives) or by magic bytes / NUL bytes
/// in the first 4 KiB. A forced --format still skips these entries.
bool is_binary_entry(std::string_view entry_name, std::string_view head);

void read_jsonl(const ReadContext& ctx);
void read_json(const ReadContext& ctx);
void read_csv(const ReadContext& ctx);
void read_reuters_sgml(const ReadContext& ctx);
void read_text(const ReadContext& ctx);

}  // namespace khabar::records
