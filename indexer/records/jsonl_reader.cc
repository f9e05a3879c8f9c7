/** @file
 * @brief JSON Lines: one object per line, blank lines ignored, a bad line is reported and skipped.
 */
#include "records/json_record.h"
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

void read_jsonl(const ReadContext& ctx) {
    std::string line;
    std::string error;
    FieldCollector collector;
    std::uint64_t line_no = 0;
    for (;;) {
        bool truncated = false;
        if (!ctx.in.getline(line, kMaxRecordBytes, &truncated)) break;
        ++line_no;
        if (truncated) {
            ctx.bad(line_no, "record too long: line over 16 MiB");
            continue;
        }
        std::string_view text = trim(line_no == 1 ? strip_bom(line) : std::string_view(line));
        if (text.empty()) continue;
        auto doc = parse_json(text, error);
        if (!doc) {
            ctx.bad(line_no, "invalid JSON: " + error);
        } else if (!doc->is_object()) {
            ctx.bad(line_no, "not a JSON object");
        } else {
            emit_json_object(*doc, line_no, ctx, collector);
        }
    }
}

}  // namespace khabar::records
