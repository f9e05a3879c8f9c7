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
void read_html(const ReadContext& ctx);
void read_warc(const ReadContext& ctx);
void read_xml(const ReadContext& ctx);
void read_trec_sgml(const ReadContext& ctx);
void read_smart(const ReadContext& ctx);
void read_mail(const ReadContext& ctx);
void read_chat(const ReadContext& ctx);

/// Largest HTML page read (a single file or one WARC/ARC record's payload).
inline constexpr std::size_t kMaxHtmlBytes = 64u << 20;

/// An article from the bytes of one HTML page: charset decoding (BOM, `http_charset` from an HTTP
/// header, <meta>, detection), then extract_article. `url` is where the page was fetched from
/// ("" when unknown); it becomes the article's URL, else the page's canonical URL does. Origin,
/// and the date when the page gives none, are left to the caller.
Article html_article(std::string_view bytes, std::string_view http_charset, std::string_view url);

/// An article from the text of one page (a text file's, after its front matter; a web crawl's
/// text record): a saving tool's header read into its fields, the first line the title when it
/// is short enough for one; `fields` holds what a front matter block already offered. Section
/// and date are left to the caller.
Article text_article(std::string text, const FieldMapper& mapper, const Origin& origin,
                     FieldCollector fields = {});

/// True when the XML head matches one of the XML reader's built-in profiles (Makhzan <document>).
bool is_profiled_xml(std::string_view head);
/// True when the head starts with an XML element (after a BOM, declaration, doctype, comments).
bool is_xml_head(std::string_view head);
/// True when the head looks like TREC SGML (<DOC> with a <DOCNO>).
bool is_trec_head(std::string_view head);
/// True when the head looks like a SMART collection: ".I 1", then a ".T" line (or, with
/// any_marker, any field marker line such as ".W": for files named like a collection, *.all).
/// Query files (".I 1" then ".W") are not taken for collections by content alone.
bool is_smart_head(std::string_view head, bool any_marker = false);
/// True when the head opens with a mail message's header block (an mbox file's "From " line
/// first, or not): `Name: value` fields up to a blank line, at least three, From and Subject
/// among them.
bool is_mail_head(std::string_view head);
/// True when the head opens as a WhatsApp chat export: its first non-empty line and at least two
/// more of the first ten open with a message stamp ("05/03/2027, 09:02 - ", "[05/03/2027,
/// 09:02:11] ", with or without am/pm).
bool is_chat_head(std::string_view head);

}  // namespace khabar::records
