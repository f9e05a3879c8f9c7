/** @file
 * @brief read_entry: sniff the entry, pick the reader for its format and run it.
 */
#include "records/record_reader.h"

#include "entries/documentation.h"
#include "entries/utf16.h"
#include "records/field_aliases.h"
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar {

namespace {

Format format_of(std::string_view name, std::string_view head, Format requested,
                 const records::FieldMapper& fields) {
    if (requested == Format::automatic) {
        const Format f = detect_format(name, head);
        // XML the built-in profiles do not know is read when the user names its record element.
        if (f == Format::unknown && !fields.record_element().empty() && records::is_xml_head(head))
            return Format::xml;
        return f;
    }
    if (requested == Format::warc) return requested;  // archives hold binary payloads
    return records::is_binary_entry(name, head) ? Format::binary : requested;
}

/// Passes a reader's records on with their text made valid UTF-8 (invalid bytes become U+FFFD,
/// counted at indexing): every reader's output is safe for cleaning, language detection (CLD2
/// reads past the end of invalid UTF-8) and the index, whether or not the reader repaired it.
class ValidUtf8Sink : public RecordSink {
  public:
    explicit ValidUtf8Sink(RecordSink& next) : next_(next) {}
    void article(Article&& a) override {
        for (std::string* s :
             {&a.own_id, &a.url, &a.title, &a.fallback_title, &a.body, &a.date_text, &a.lang,
              &a.source, &a.site_name, &a.author, &a.section})
            records::fix_utf8(*s);
        next_.article(std::move(a));
    }
    void bad_record(const Origin& where, const std::string& reason) override {
        next_.bad_record(where, reason);
    }
    void skipped_entry(const EntryInfo& info, const std::string& reason) override {
        next_.skipped_entry(info, reason);
    }
    void reading_as(const EntryInfo& info, Format format) override {
        next_.reading_as(info, format);
    }

  private:
    RecordSink& next_;
};

}  // namespace

Format entry_format(const EntryInfo& info, std::string_view head, const ReaderOptions& options) {
    const records::FieldMapper fields(options.field_map);
    return format_of(info.name(), head.substr(0, kFormatSniffBytes), options.format, fields);
}

namespace {

/// read_entry once the entry's bytes are not UTF-16.
void read_bytes(const EntryInfo& info, EntryStream& data, const ReaderOptions& options,
                RecordSink& next) {
    ValidUtf8Sink sink(next);
    BufferedStream in(data);
    const records::FieldMapper fields(options.field_map);
    // How much of an entry detection looks at (JSON Lines detection wants the first line whole).
    const Format format =
        format_of(info.name(), in.peek(kFormatSniffBytes), options.format, fields);
    if (format == Format::binary) return sink.skipped_entry(info, "binary file");
    if (!is_article_format(format)) return sink.skipped_entry(info, "not an article format");
    // A dump's documentation or data file in plain text (Reuters' cat-descriptions): by content.
    if (format == Format::text && options.format == Format::automatic)
        if (std::string why = not_prose_reason(in.peek(kFormatSniffBytes)); !why.empty())
            return sink.skipped_entry(info, why);
    sink.reading_as(info, format);
    const records::ReadContext ctx{info, in, fields, sink};
    switch (format) {
        case Format::jsonl:
            return records::read_jsonl(ctx);
        case Format::json:
            return records::read_json(ctx);
        case Format::csv:
            return records::read_csv(ctx);
        case Format::reuters_sgml:
            return records::read_reuters_sgml(ctx);
        case Format::text:
            return records::read_text(ctx);
        case Format::html:
            return records::read_html(ctx);
        case Format::warc:
            return records::read_warc(ctx);
        case Format::xml:
            return records::read_xml(ctx);
        case Format::trec_sgml:
            return records::read_trec_sgml(ctx);
        case Format::smart:
            return records::read_smart(ctx);
        case Format::mail:
            return records::read_mail(ctx);
        case Format::chat:
            return records::read_chat(ctx);
        default:
            return;
    }
}

}  // namespace

void read_entry(const EntryInfo& info, EntryStream& data, const ReaderOptions& options,
                RecordSink& next) {
    // UTF-16 text (Notepad's "Unicode", Windows exports) is read as UTF-8 by every reader.
    constexpr std::size_t kProbeBytes = 4096;
    std::string head;
    while (head.size() < kProbeBytes && append_read(data, head, kProbeBytes - head.size()) > 0) {
    }
    ReplayStream bytes(std::move(head), data);
    if (const Utf16Order order = utf16_order(bytes.head()); order != Utf16Order::none) {
        Utf16Reader utf8(bytes, order);
        return read_bytes(info, utf8, options, next);
    }
    read_bytes(info, bytes, options, next);
}

}  // namespace khabar
