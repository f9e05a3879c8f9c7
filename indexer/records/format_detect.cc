/** @file
 * @brief Format names and detection: extension first, then magic bytes and content sniffing.
 */
#include <algorithm>
#include <array>

#include "records/field_aliases.h"
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar {

namespace {

using records::iequals;
using records::trim;

/// Only this much of the head is checked for NUL bytes and control characters.
constexpr std::size_t kBinaryWindow = 4096;

constexpr std::array<std::pair<std::string_view, Format>, 15> kFormatNames = {{
    {"auto", Format::automatic},
    {"jsonl", Format::jsonl},
    {"json", Format::json},
    {"csv", Format::csv},
    {"reuters", Format::reuters_sgml},
    {"text", Format::text},
    {"html", Format::html},
    {"warc", Format::warc},
    {"xml", Format::xml},
    {"trec", Format::trec_sgml},
    {"smart", Format::smart},
    {"mail", Format::mail},
    {"chat", Format::chat},
    {"binary", Format::binary},
    {"unknown", Format::unknown},
}};

/// Other names --format accepts.
constexpr std::pair<std::string_view, Format> kSynonyms[] = {{"ndjson", Format::jsonl},
                                                             {"tsv", Format::csv},
                                                             {"sgml", Format::reuters_sgml},
                                                             {"reuters-sgml", Format::reuters_sgml},
                                                             {"txt", Format::text},
                                                             {"htm", Format::html},
                                                             {"arc", Format::warc},
                                                             {"makhzan", Format::xml},
                                                             {"trec-sgml", Format::trec_sgml},
                                                             {"cacm", Format::smart},
                                                             {"eml", Format::mail},
                                                             {"mbox", Format::mail},
                                                             {"whatsapp", Format::chat}};

constexpr std::string_view kBinaryExtensions[] = {
    "png",  "jpg",  "jpeg",   "gif",     "bmp", "webp", "tif", "tiff", "ico",   "heic",
    "psd",  "pdf",  "doc",    "docx",    "xls", "xlsx", "ppt", "pptx", "odt",   "ods",
    "odp",  "exe",  "dll",    "so",      "o",   "a",    "lib", "bin",  "class", "jar",
    "pyc",  "wasm", "mp3",    "mp4",     "m4a", "avi",  "mov", "mkv",  "wav",   "ogg",
    "flac", "webm", "woff",   "woff2",   "ttf", "otf",  "eot", "zip",  "tgz",   "7z",
    "rar",  "db",   "sqlite", "parquet", "pkl", "npy"};

/// Markup and support files that are not article dumps this reader understands.
constexpr std::string_view kNonArticleExtensions[] = {"dtd", "xsd", "xsl", "css",
                                                      "js",  "svg", "rtf"};

/// Compression suffixes the entry walker may leave on a decompressed entry's name.
constexpr std::string_view kCompressionExtensions[] = {"gz",  "bz2", "xz",  "zst",
                                                       "lz4", "z",   "lzma"};

/// Signatures of common binary formats (others are caught by their NUL bytes).
constexpr std::string_view kMagics[] = {
    "\x89PNG",          "\xFF\xD8\xFF",     "GIF87a",     "GIF89a",   "%PDF",
    "PK\x03\x04",       "\177ELF",          "\x1F\x8B",   "\3757zXZ", "Rar!",
    "\x28\xB5\x2F\xFD", "\xD0\xCF\x11\xE0", "7z\xBC\xAF", "OggS",     "fLaC"};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view ext) {
    return std::find(std::begin(list), std::end(list), ext) != std::end(list);
}

/// Lower-case extension of the entry name, looking through one compression suffix.
std::string extension(std::string_view name) {
    for (int round = 0; round < 2; ++round) {
        std::size_t dot = name.rfind('.');
        if (dot == std::string_view::npos || dot + 1 == name.size()) return {};
        std::string ext = records::to_lower_ascii(name.substr(dot + 1));
        if (round == 1 || !contains(kCompressionExtensions, ext)) return ext;
        name = name.substr(0, dot);
    }
    return {};
}

bool has_binary_magic(std::string_view head) {
    for (std::string_view m : kMagics)
        if (head.substr(0, m.size()) == m) return true;
    return head.substr(0, kBinaryWindow).find('\0') != std::string_view::npos;
}

/// UTF-8 or 8-bit text: at most 1% control characters (other than TAB, CR, LF, FF) near the start.
bool looks_like_text(std::string_view head) {
    std::string_view window = head.substr(0, kBinaryWindow);
    std::size_t controls = 0;
    for (char c : window) {
        auto u = static_cast<unsigned char>(c);
        controls += u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    }
    return controls * 100 <= window.size();
}

/// First line of s without its terminator.
std::string_view first_line(std::string_view s) {
    return s.substr(0, s.find('\n'));
}

/// Head after a byte order mark and leading whitespace.
std::string_view content_start(std::string_view head) {
    std::string_view h = records::strip_bom(head);
    std::size_t i = 0;
    while (i < h.size() && records::is_space(h[i])) ++i;
    return h.substr(i);
}

/// `{` at the start: one complete object on the first line, followed by another object (or
/// nothing) means JSON Lines; a pretty-printed or single huge object means JSON.
Format json_kind(std::string_view h) {
    if (h.empty() || h[0] != '{') return Format::json;
    std::size_t nl = h.find('\n');
    if (nl == std::string_view::npos) return Format::json;
    std::string_view line = trim(h.substr(0, nl));
    if (line.size() < 2 || line.back() != '}') return Format::json;
    std::string_view next = trim(h.substr(nl + 1));
    return next.empty() || next[0] == '{' ? Format::jsonl : Format::json;
}

/// A header line with , ; or TAB separating at least two names, one of them a known field alias.
bool looks_like_csv_header(std::string_view h) {
    std::string_view line = trim(first_line(h));
    static const records::FieldMapper aliases;
    for (char delim : {',', ';', '\t'}) {
        if (line.find(delim) == std::string_view::npos) continue;
        std::string_view rest = line;
        while (!rest.empty()) {
            std::size_t d = rest.find(delim);
            std::string_view cell = trim(rest.substr(0, d));
            if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"')
                cell = cell.substr(1, cell.size() - 2);
            if (aliases.lookup(trim(cell))) return true;
            if (d == std::string_view::npos) break;
            rest.remove_prefix(d + 1);
        }
    }
    return false;
}

/// Three or more lines, none holding a space: a word list (Reuters' all-*-strings.lc.txt, stop
/// lists), not an article.
bool looks_like_word_list(std::string_view head) {
    std::size_t cut = head.rfind('\n');  // the last line may be cut by the end of the head
    std::string_view s = cut == std::string_view::npos ? head : head.substr(0, cut);
    std::size_t lines = 0;
    while (!s.empty()) {
        std::size_t nl = s.find('\n');
        std::string_view line = trim(s.substr(0, nl));
        s.remove_prefix(nl == std::string_view::npos ? s.size() : nl + 1);
        if (line.empty()) continue;
        if (line.find_first_of(" \t") != std::string_view::npos) return false;
        ++lines;
    }
    return lines >= 3;
}

bool is_reuters_head(std::string_view h) {
    return h.find("<REUTERS") != std::string_view::npos ||
           iequals(h.substr(0, 15), "<!DOCTYPE lewis");
}

/// `<!DOCTYPE html` or `<html` after an optional XML declaration and comments.
bool is_html_head(std::string_view h) {
    for (int round = 0; round < 8; ++round) {
        if (h.starts_with("<?") || h.starts_with("<!--")) {
            const bool comment = h.starts_with("<!--");
            const std::size_t end = h.find(comment ? "-->" : "?>");
            if (end == std::string_view::npos) return false;
            h = content_start(h.substr(end + (comment ? 3 : 2)));
            continue;
        }
        break;
    }
    return iequals(h.substr(0, 14), "<!doctype html") || iequals(h.substr(0, 5), "<html");
}

/// A WARC record ("WARC/1.0") or an ARC file's filedesc record at the start.
bool is_warc_head(std::string_view h) {
    return h.starts_with("WARC/") || h.starts_with("filedesc://");
}

/// Markup formats by content (after the BOM and leading space), automatic when none matches.
Format markup_kind(std::string_view h) {
    if (is_reuters_head(h.substr(0, 200))) return Format::reuters_sgml;
    if (records::is_trec_head(h)) return Format::trec_sgml;
    if (records::is_profiled_xml(h)) return Format::xml;
    if (is_html_head(h)) return Format::html;
    return Format::automatic;
}

Format text_or_unknown(std::string_view head) {
    return looks_like_word_list(records::strip_bom(head)) ? Format::unknown : Format::text;
}

/// Decision by extension; Format::automatic when the extension says nothing.
Format by_extension(const std::string& ext, std::string_view head) {
    std::string_view h = content_start(head);
    if (ext == "jsonl" || ext == "ndjson") return Format::jsonl;
    if (ext == "json") return json_kind(h);
    if (ext == "csv" || ext == "tsv") return Format::csv;
    if (ext == "sgm" || ext == "sgml" || ext == "xml") {
        const Format f = markup_kind(h);
        return f == Format::html || f == Format::automatic ? Format::unknown : f;
    }
    if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return Format::html;
    if (ext == "warc" || ext == "arc") return Format::warc;
    if (ext == "all" && records::is_smart_head(h, true)) return Format::smart;
    if (ext == "eml" || ext == "mbox" || ext == "mbx" || ext == "mht" || ext == "mhtml")
        return Format::mail;
    if (ext == "txt" || ext == "text" || ext == "md" || ext == "markdown" || ext == "rst")
        return records::is_mail_head(h)   ? Format::mail
               : records::is_chat_head(h) ? Format::chat
                                          : text_or_unknown(head);
    if (contains(kNonArticleExtensions, ext)) return Format::unknown;
    return Format::automatic;
}

/// A '[' that opens a JSON array: a value or ']' follows it, not a word ("[Skip to
/// content](#main)", a Markdown page that opens with a link).
bool json_array_start(std::string_view h) {
    std::size_t i = 1;
    while (i < h.size() && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) ++i;
    if (i == h.size()) return true;  // the head ends: undecided, as before
    const char c = h[i];
    if (c == '{' || c == '[' || c == ']' || c == '"' || c == '-' || (c >= '0' && c <= '9'))
        return true;
    for (std::string_view word : {"true", "false", "null"})
        if (h.substr(i, word.size()) == word) return true;
    return false;
}

Format by_content(std::string_view head) {
    std::string_view h = content_start(head);
    if (h.empty()) return Format::text;  // empty or blank: the text reader reports it
    if (records::is_chat_head(h)) return Format::chat;  // before JSON: iOS stamps open with '['
    if (h[0] == '{') return json_kind(h);
    if (h[0] == '[' && json_array_start(h)) return Format::json;
    if (is_reuters_head(h.substr(0, 200))) return Format::reuters_sgml;
    if (is_warc_head(h)) return Format::warc;
    if (h[0] == '<') {
        const Format f = markup_kind(h);
        return f == Format::automatic ? Format::unknown : f;
    }
    if (records::is_smart_head(h)) return Format::smart;
    if (looks_like_csv_header(h)) return Format::csv;
    if (records::is_mail_head(h)) return Format::mail;
    return looks_like_text(head) ? text_or_unknown(head) : Format::binary;
}

}  // namespace

namespace records {

bool is_binary_entry(std::string_view entry_name, std::string_view head) {
    return contains(kBinaryExtensions, extension(entry_name)) || has_binary_magic(head);
}

}  // namespace records

std::string_view format_name(Format f) {
    for (const auto& [name, format] : kFormatNames)
        if (format == f) return name;
    return "unknown";
}

Format parse_format(std::string_view name) {
    for (const auto& [n, f] : kFormatNames)
        if (iequals(n, name) && f != Format::binary && f != Format::unknown) return f;
    for (const auto& [n, f] : kSynonyms)
        if (iequals(n, name)) return f;
    return Format::unknown;
}

std::vector<std::string> format_names() {
    std::vector<std::string> out;
    for (const auto& [name, format] : kFormatNames)
        if (format != Format::binary && format != Format::unknown) out.emplace_back(name);
    return out;
}

std::string format_choices() {
    std::string out;
    for (const auto& [name, format] : kFormatNames) {
        if (format == Format::binary || format == Format::unknown) continue;
        out += out.empty() ? "" : ", ";
        out += name;
        std::string synonyms;
        for (const auto& [synonym, f] : kSynonyms)
            if (f == format) synonyms += (synonyms.empty() ? "" : ", ") + std::string(synonym);
        if (!synonyms.empty()) out += " (" + synonyms + ")";
    }
    return out;
}

bool is_article_format(Format f) {
    return f != Format::automatic && f != Format::binary && f != Format::unknown;
}

Format detect_format(std::string_view entry_name, std::string_view head) {
    // Web archives hold compressed and binary payloads: never skipped as binary.
    const std::string ext = extension(entry_name);
    if (ext == "warc" || ext == "arc" || is_warc_head(content_start(head))) return Format::warc;
    if (records::is_binary_entry(entry_name, head)) return Format::binary;
    Format f = by_extension(ext, head);
    return f == Format::automatic ? by_content(head) : f;
}

}  // namespace khabar
