/** @file
 * @brief Turn one dump entry into articles: format detection and dispatch to one reader per format.
 */
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "entries/entry.h"
#include "model/article.h"

namespace khabar {

enum class Format {
    automatic,
    jsonl,
    json,
    csv,
    reuters_sgml,
    text,
    html,       ///< one HTML page per entry, through the article extractor
    warc,       ///< WARC or ARC web archive: its HTML response/resource records
    xml,        ///< XML news by built-in profile (Makhzan <document>)
    trec_sgml,  ///< TREC <DOC> SGML, several documents per file
    smart,      ///< SMART collections such as CACM (.I/.T/.W/.B/.A)
    mail,       ///< e-mail: one message (.eml, or saved as text) or an mbox file of many
    chat,       ///< a WhatsApp chat exported as text: each story message one article
    binary,
    unknown
};

std::string_view format_name(Format f);
/// Parse a --format value ("auto", "jsonl", "json", "csv", "reuters", "text", "html", "warc",
/// "xml", "trec", "smart", "mail", "chat" and synonyms); Format::unknown when bad.
Format parse_format(std::string_view name);
/// Every --format value, synonyms in parentheses: "auto, jsonl (ndjson), json, csv (tsv), …" — for
/// help texts and errors.
std::string format_choices();
/// The formats' own names (no synonyms), for completions: "auto", "jsonl", ….
std::vector<std::string> format_names();

/// Guess the format of an entry from its name and first bytes (give at least the first 4 KiB;
/// read_entry passes 64 KiB). HTML pages (.html/.htm or a `<!DOCTYPE html`/`<html` start), WARC
/// and ARC files (.warc/.arc or a "WARC/"/"filedesc://" start), Makhzan XML, TREC SGML (<DOC>
/// with <DOCNO>) and SMART collections (cacm.all, or ".I 1" then ".T") are recognised. Markup
/// that is not an article dump (.dtd, other .xml, word lists such as Reuters' *.lc.txt) is
/// Format::unknown; images, PDFs, office files, executables and anything with NUL bytes near the
/// start are Format::binary.
Format detect_format(std::string_view entry_name, std::string_view head);

/// True for the formats read_entry can turn into articles (all but automatic, binary, unknown).
/// For the others read_entry reads no records and calls RecordSink::skipped_entry once, with the
/// reason "binary file" or "not an article format" (an empty text or JSON file: "empty file").
bool is_article_format(Format f);

/// True when `article_field` is a valid key of ReaderOptions::field_map: title, body, summary
/// (body used when the record has none), date, url, id, author, source, section, lang, and for
/// XML `record` (the element holding one article; the other fields are then element paths).
bool is_mappable_field(std::string_view article_field);

/// Receives what a reader finds. Readers fill title/body/url/own_id/date/author/source/section/lang
/// as given by the record and origin (file, entry, record number); ids and language are completed
/// later by the article finisher.
class RecordSink {
  public:
    virtual ~RecordSink() = default;
    virtual void article(Article&& a) = 0;
    /// A record that could not be used; `where` says file/entry/line, `reason` is one line.
    virtual void bad_record(const Origin& where, const std::string& reason) = 0;
    /// The whole entry is not article data (binary file, DTD, unknown format): counted, not an
    /// error.
    virtual void skipped_entry(const EntryInfo& /*info*/, const std::string& /*reason*/) {}
    /// The entry is read as `format` (an article format): called once, before its records.
    virtual void reading_as(const EntryInfo& /*info*/, Format /*format*/) {}
};

struct ReaderOptions {
    Format format = Format::automatic;
    /// User field mapping: article field ("title", "date", ...) -> source field name (JSON key,
    /// CSV header) or, for XML with "record" -> ELEMENT, an element path inside the record.
    std::map<std::string, std::string> field_map;
};

/// How many first bytes of an entry entry_format looks at (what read_entry peeks).
inline constexpr std::size_t kFormatSniffBytes = 64u << 10;

/// The format read_entry reads an entry as, from its name and first kFormatSniffBytes bytes (or
/// all of a shorter entry): a format is_article_format() rejects for an entry it skips whole.
Format entry_format(const EntryInfo& info, std::string_view head, const ReaderOptions& options);

/// Read every record of one entry. Throws EntryError when the entry itself is unreadable.
void read_entry(const EntryInfo& info, EntryStream& data, const ReaderOptions& options,
                RecordSink& sink);

}  // namespace khabar
