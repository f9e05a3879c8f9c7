/** @file
 * @brief Web archives: WARC (1.0, 1.1) and ARC (v1, v2) files, streamed record by record. HTML
 *        `response` and `resource` records become articles (HTTP headers parsed, chunked
 *        transfer-encoding and gzip content-encoding undone), and so do the plain-text
 *        `conversion` records of a crawl's WET files (read as text files); every other record
 *        is skipped silently. A broken record (bad header, wrong Content-Length, truncation, bad
 * chunks) is reported once with its byte offset; a WARC file is then resynchronised at the next
 *        "WARC/" line, an ARC file (which has no record marker) ends there. A WARC record cut by
 *        the end of the file is an error; an ARC file's last record is read as far as it goes.
 */
#include <archive.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>
#include <vector>

#include "records/charset.h"
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

/// Longest header line (WARC, ARC, HTTP) accepted.
constexpr std::size_t kMaxHeaderLine = 64u << 10;
/// Most header fields of one WARC record.
constexpr std::size_t kMaxHeaderFields = 1000;

/// Header fields with lower-cased names, in order.
using Fields = std::vector<std::pair<std::string, std::string>>;

/// Value of the first field with this (lower-case) name, "" when absent.
std::string field(const Fields& fields, std::string_view name) {
    for (const auto& [k, v] : fields)
        if (k == name) return v;
    return {};
}

/// A printable, short rendering of bytes for error messages.
std::string printable(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 40)) {
        const auto u = static_cast<unsigned char>(c);
        out += u >= 0x20 && u < 0x7F ? c : '?';
    }
    return s.size() > 40 ? out + "..." : out;
}

std::optional<std::uint64_t> parse_uint(std::string_view s) {
    s = trim(s);
    std::uint64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

/// The byte stream with the offset of the next byte (for error messages).
class ByteReader {
  public:
    explicit ByteReader(BufferedStream& in) : in_(in) {}

    std::uint64_t offset() const { return offset_; }
    std::string_view peek(std::size_t n) { return in_.peek(n); }
    bool eof() { return in_.eof(); }

    /// Next line without "\n" / "\r\n"; false at end of stream. Over-long lines are cut.
    bool line(std::string& out) {
        out.clear();
        int c;
        bool any = false;
        while ((c = in_.get()) >= 0) {
            ++offset_;
            any = true;
            if (c == '\n') break;
            if (out.size() < kMaxHeaderLine) out += static_cast<char>(c);
        }
        if (!out.empty() && out.back() == '\r') out.pop_back();
        return any;
    }

    /// Reads n bytes into *out (or skips them when out is null); returns how many there were.
    std::uint64_t block(std::uint64_t n, std::string* out) {
        if (out) out->clear();
        std::uint64_t got = 0;
        while (got < n) {
            std::string_view avail =
                in_.peek(static_cast<std::size_t>(std::min<std::uint64_t>(n - got, 1u << 16)));
            if (avail.empty()) break;
            if (out) out->append(avail);
            for (std::size_t i = 0; i < avail.size(); ++i) in_.get();
            got += avail.size();
        }
        offset_ += got;
        return got;
    }

    /// Consumes line ends (CR, LF) between records.
    void skip_line_ends() {
        for (std::string_view p = in_.peek(1); !p.empty() && (p[0] == '\r' || p[0] == '\n');
             p = in_.peek(1)) {
            in_.get();
            ++offset_;
        }
    }

  private:
    BufferedStream& in_;
    std::uint64_t offset_ = 0;
};

// --- HTTP payloads -------------------------------------------------------------------------

/// An HTTP response split into status, headers and body.
struct HttpResponse {
    int status = 0;
    Fields headers;
    std::string_view body;
};

/// Parses "HTTP/1.1 200 OK" + headers + blank line; nullopt when there is no complete header.
std::optional<HttpResponse> parse_http(std::string_view block) {
    std::size_t end = block.find("\r\n\r\n");
    std::size_t sep = 4;
    if (std::size_t lf = block.find("\n\n"); lf != std::string_view::npos && lf < end)
        end = lf, sep = 2;
    if (end == std::string_view::npos || !block.starts_with("HTTP/")) return std::nullopt;
    HttpResponse r;
    std::string_view head = block.substr(0, end);
    r.body = block.substr(end + sep);
    std::size_t nl = head.find('\n');
    std::string_view status = trim(head.substr(0, nl));
    std::size_t sp = status.find(' ');
    if (sp != std::string_view::npos) {
        std::string_view code = status.substr(sp + 1, 3);
        std::from_chars(code.data(), code.data() + code.size(), r.status);
    }
    head.remove_prefix(nl == std::string_view::npos ? head.size() : nl + 1);
    while (!head.empty()) {
        nl = head.find('\n');
        std::string_view line = trim(head.substr(0, nl));
        head.remove_prefix(nl == std::string_view::npos ? head.size() : nl + 1);
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        r.headers.emplace_back(to_lower_ascii(trim(line.substr(0, colon))),
                               std::string(trim(line.substr(colon + 1))));
    }
    return r;
}

/// Undoes chunked transfer-encoding; false when the chunks are malformed.
bool dechunk(std::string_view in, std::string& out) {
    out.clear();
    for (;;) {
        std::size_t nl = in.find('\n');
        if (nl == std::string_view::npos) return false;
        std::string_view size_line = trim(in.substr(0, nl));
        size_line = trim(size_line.substr(0, size_line.find(';')));
        std::uint64_t size = 0;
        auto [end, ec] =
            std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
        if (ec != std::errc() || end != size_line.data() + size_line.size() || size_line.empty())
            return false;
        in.remove_prefix(nl + 1);
        if (size == 0) return true;  // trailers, if any, are ignored
        if (size > in.size()) return false;
        out.append(in.substr(0, size));
        in.remove_prefix(size);
        if (in.starts_with("\r\n"))
            in.remove_prefix(2);
        else if (in.starts_with("\n"))
            in.remove_prefix(1);
        else
            return false;
    }
}

/// Decompresses gzip data (libarchive's raw format); false when it is corrupt or too large.
bool gunzip(std::string_view in, std::string& out) {
    archive* a = archive_read_new();
    archive_read_support_filter_gzip(a);
    archive_read_support_format_raw(a);
    out.clear();
    bool ok = archive_read_open_memory(a, in.data(), in.size()) == ARCHIVE_OK;
    archive_entry* entry = nullptr;
    ok = ok && archive_read_next_header(a, &entry) == ARCHIVE_OK;
    char buf[1 << 16];
    la_ssize_t n = 0;
    while (ok && (n = archive_read_data(a, buf, sizeof buf)) > 0) {
        out.append(buf, static_cast<std::size_t>(n));
        ok = out.size() <= kMaxHtmlBytes;
    }
    ok = ok && n == 0;
    archive_read_free(a);
    return ok;
}

/// A Content-Type of an HTML page (text/html, application/xhtml+xml).
bool is_html_type(std::string_view content_type) {
    const std::string t = to_lower_ascii(trim(content_type.substr(0, content_type.find(';'))));
    return t == "text/html" || t == "application/xhtml+xml";
}

/// Payload starts like an HTML document (for records without a usable Content-Type).
bool sniffs_html(std::string_view payload) {
    std::string_view h = trim(strip_bom(payload.substr(0, 512)));
    return h.size() > 5 && h[0] == '<' &&
           (iequals(h.substr(0, 9), "<!doctype") || iequals(h.substr(0, 5), "<html"));
}

/// What to do with one archived HTTP/resource payload.
struct Payload {
    std::string html;             ///< the decoded page, when it is one
    std::string charset;          ///< from the Content-Type header
    std::string error;            ///< why a record that should be a page cannot be read
    std::string_view error_kind;  ///< the summary's name for that problem
    bool page = false;
};

/// The page inside an HTTP response, or nothing (not 2xx, not HTML), or an error.
Payload http_payload(std::string_view block) {
    Payload p;
    auto http = parse_http(block);
    if (!http) {
        p.error_kind = "bad HTTP response";
        p.error = "HTTP response header is missing or not terminated by a blank line";
        return p;
    }
    if (http->status < 200 || http->status >= 300) return p;
    const std::string type = field(http->headers, "content-type");
    if (!is_html_type(type) && !(trim(type).empty() && sniffs_html(http->body))) return p;
    p.charset = charset_from_content_type(type);
    std::string body(http->body);
    if (to_lower_ascii(field(http->headers, "transfer-encoding")).find("chunked") !=
        std::string::npos) {
        std::string plain;
        if (!dechunk(body, plain)) {
            p.error_kind = "bad chunked encoding";
            p.error = "malformed chunked transfer-encoding in the HTTP response";
            return p;
        }
        body = std::move(plain);
    }
    const std::string encoding = to_lower_ascii(trim(field(http->headers, "content-encoding")));
    if (encoding == "gzip" || encoding == "x-gzip") {
        std::string plain;
        if (!gunzip(body, plain)) {
            p.error_kind = "bad gzip content";
            p.error = "gzip content-encoding with corrupt or truncated data";
            return p;
        }
        body = std::move(plain);
    } else if (!encoding.empty() && encoding != "identity") {
        p.error_kind = "unsupported content-encoding";
        p.error = "content-encoding '" + encoding + "' is not supported";
        return p;
    }
    p.html = std::move(body);
    p.page = true;
    return p;
}

/// "20140216050221" -> "2014-02-16T05:02:21Z" (ARC dates); "" when it is not 14 digits.
std::string arc_date(std::string_view d) {
    if (d.size() < 8 ||
        !std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return {};
    std::string out = std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" +
                      std::string(d.substr(6, 2));
    if (d.size() >= 14)
        out += "T" + std::string(d.substr(8, 2)) + ":" + std::string(d.substr(10, 2)) + ":" +
               std::string(d.substr(12, 2)) + "Z";
    return out;
}

/// Target URI without the angle brackets some writers (wget) put around it.
std::string clean_uri(std::string_view uri) {
    uri = trim(uri);
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>')
        uri = uri.substr(1, uri.size() - 2);
    return std::string(trim(uri));
}

// --- the readers ---------------------------------------------------------------------------

/// Shared by the WARC and ARC readers: turns a page into an article or reports the record.
class ArchiveReader {
  public:
    explicit ArchiveReader(const ReadContext& ctx) : ctx_(ctx), bytes_(ctx.in) {}

  protected:
    /// Emits the page of a record. The archive's crawl date is when the page was captured, not
    /// when its story was published (a crawl of 2013 holds stories of 1987): it dates nothing,
    /// and `show` names it among the refused dates of a page left undated.
    void emit(const Payload& p, const std::string& url, const std::string& crawl_date) {
        if (!p.error.empty()) return bad(p.error_kind, p.error);
        if (!p.page) return;
        Article a = html_article(p.html, p.charset, url);
        if (a.title.empty() && a.body.empty()) return;  // an empty page is not an article
        if (a.date_text.empty() && !crawl_date.empty())
            a.date_notes.push_back("refused warc:crawl-date \"" + crawl_date +
                                   "\" (when the page was captured, not the story's date)");
        a.origin = ctx_.origin(index_);
        ctx_.sink.article(std::move(a));
    }

    /// Reports the current record: "KIND: record at byte N: DETAIL" (the summary groups by KIND).
    void bad(std::string_view kind, const std::string& detail) {
        ctx_.bad(index_,
                 std::string(kind) + ": record at byte " + std::to_string(start_) + ": " + detail);
    }

    const ReadContext& ctx_;
    ByteReader bytes_;
    std::uint64_t index_ = 0;  ///< record number (1-based)
    std::uint64_t start_ = 0;  ///< byte offset of the current record
};

class WarcReader : public ArchiveReader {
  public:
    using ArchiveReader::ArchiveReader;

    /// Reads records until the end of the file or an error it cannot resynchronise after.
    void run() {
        for (;;) {
            bytes_.skip_line_ends();
            if (bytes_.eof()) return;
            if (!next_record()) return;
        }
    }

  private:
    /// Reads one record; false when the file cannot be read further.
    bool next_record() {
        ++index_;
        start_ = bytes_.offset();
        std::string version;
        bytes_.line(version);
        if (!version.starts_with("WARC/")) {
            bad("bad WARC header", "expected a WARC record header (\"WARC/1.0\"), found \"" +
                                       printable(version) + "\"");
            return resync();
        }
        Fields fields;
        switch (read_fields(fields)) {
            case HeaderEnd::blank_line:
                break;
            case HeaderEnd::malformed:
                return resync();
            case HeaderEnd::end_of_file:
                return false;
        }
        auto length = parse_uint(field(fields, "content-length"));
        if (!length) {
            bad("bad WARC header", "missing or invalid Content-Length \"" +
                                       printable(field(fields, "content-length")) + "\"");
            return resync();
        }
        const std::string type = to_lower_ascii(field(fields, "warc-type"));
        const bool wanted = (type == "response" || type == "resource" || type == "conversion") &&
                            *length <= kMaxHtmlBytes;
        std::string block;
        if (bytes_.block(*length, wanted ? &block : nullptr) < *length) {
            bad("truncated WARC record",
                "Content-Length " + std::to_string(*length) + " goes past the end of the file");
            return false;
        }
        if (!record_end()) {
            bad("wrong Content-Length", "the block does not end where Content-Length " +
                                            std::to_string(*length) +
                                            " says (no blank line after it)");
            return resync();
        }
        if (wanted) handle(type, fields, block);
        return true;
    }

    enum class HeaderEnd { blank_line, malformed, end_of_file };

    /// Header fields up to the blank line; continuation lines are joined. Reports the problem
    /// when it does not end with a blank line.
    HeaderEnd read_fields(Fields& fields) {
        std::string line;
        while (bytes_.line(line)) {
            if (line.empty()) return HeaderEnd::blank_line;
            if ((line[0] == ' ' || line[0] == '\t') && !fields.empty()) {
                fields.back().second += " " + std::string(trim(line));
                continue;
            }
            std::size_t colon = line.find(':');
            if (colon == std::string::npos || fields.size() >= kMaxHeaderFields) {
                bad("bad WARC header", "malformed header line \"" + printable(line) + "\"");
                return HeaderEnd::malformed;
            }
            fields.emplace_back(to_lower_ascii(trim(std::string_view(line).substr(0, colon))),
                                std::string(trim(std::string_view(line).substr(colon + 1))));
        }
        bad("truncated WARC record", "the file ends inside the record header");
        return HeaderEnd::end_of_file;
    }

    /// Consumes the CRLF CRLF after a block; true when it is there (or the file ends).
    bool record_end() {
        std::string_view p = bytes_.peek(4);
        if (p.empty()) return true;
        if (p.starts_with("\r\n\r\n") || p.starts_with("\n\n") || p == "\r\n" || p == "\n") {
            bytes_.skip_line_ends();
            return true;
        }
        return false;
    }

    /// Skips to the next line that starts with "WARC/"; false when there is none.
    bool resync() {
        std::string line;
        for (;;) {
            std::string_view p = bytes_.peek(5);
            if (p.size() < 5) return false;
            if (p == "WARC/") return true;
            if (!bytes_.line(line)) return false;
        }
    }

    /// A response (HTTP inside) or resource (the page itself) record with an HTML payload, or a
    /// conversion record with a page's text (a WET file).
    void handle(const std::string& type, const Fields& fields, std::string_view block) {
        const std::string url = clean_uri(field(fields, "warc-target-uri"));
        const std::string date = field(fields, "warc-date");
        if (type == "conversion") return emit_text(fields, block, url);
        if (type == "response") {
            const std::string ct = to_lower_ascii(field(fields, "content-type"));
            if (ct.find("application/http") == std::string::npos && !block.starts_with("HTTP/"))
                return;
            return emit(http_payload(block), url, date);
        }
        const std::string ct = field(fields, "content-type");
        if (!is_html_type(ct) && !(trim(ct).empty() && sniffs_html(block))) return;
        Payload p;
        p.html = std::string(block);
        p.charset = charset_from_content_type(ct);
        p.page = true;
        emit(p, url, date);
    }

    /// A crawl's text of a page (WET): an article as a text file's, at the record's URL. Its
    /// WARC-Date dates nothing, as for an HTML record: the text's own dateline does.
    void emit_text(const Fields& fields, std::string_view block, const std::string& url) {
        const std::string ct = to_lower_ascii(field(fields, "content-type"));
        if (!ct.empty() && !ct.starts_with("text/plain")) return;
        std::string text = text_from_bytes(std::string(block));
        if (text.empty()) return;
        Article a = text_article(std::move(text), ctx_.fields, ctx_.origin(index_));
        if (a.url.empty()) a.url = url;
        ctx_.sink.article(std::move(a));
    }
};

class ArcReader : public ArchiveReader {
  public:
    using ArchiveReader::ArchiveReader;

    /// Reads records until the end of the file or the first broken one.
    void run() {
        for (;;) {
            bytes_.skip_line_ends();
            if (bytes_.eof() || !next_record()) return;
        }
    }

  private:
    /// The fields of an ARC record header line, counted from the right (URLs may hold spaces).
    struct ArcHeader {
        std::string url, date, mime, length_text;
        std::optional<std::uint64_t> length;
    };

    /// Splits a record header line; length unset when it has too few fields or a bad length.
    ArcHeader parse_header(std::string_view line) const {
        std::vector<std::string_view> parts;
        while (!line.empty()) {
            std::size_t sp = line.rfind(' ');
            parts.push_back(line.substr(sp == std::string_view::npos ? 0 : sp + 1));
            line = sp == std::string_view::npos ? std::string_view() : trim(line.substr(0, sp));
        }
        // parts are right to left: v1 "url ip date mime length", v2 adds result-code, checksum,
        // location, offset and filename before the length.
        const std::size_t fixed = version_ == 2 ? 9 : 4;
        ArcHeader h;
        if (parts.size() <= fixed) return h;
        h.length_text = std::string(parts[0]);
        h.length = parse_uint(parts[0]);
        h.mime = std::string(parts[version_ == 2 ? 6 : 1]);
        h.date = arc_date(parts[version_ == 2 ? 7 : 2]);
        std::string url;
        for (std::size_t i = parts.size(); i-- > fixed;)
            url += (url.empty() ? "" : " ") + std::string(parts[i]);
        h.url = std::move(url);
        return h;
    }

    /// Reads one record (the filedesc record sets the version); false when reading must stop.
    bool next_record() {
        ++index_;
        start_ = bytes_.offset();
        std::string line;
        bytes_.line(line);
        ArcHeader h = parse_header(line);
        if (!h.length) {
            bad("bad ARC header",
                h.length_text.empty()
                    ? "malformed record header \"" + printable(line) +
                          "\" (expected URL IP-address Archive-date Content-type Archive-length)"
                    : "invalid Archive-length \"" + printable(h.length_text) + "\"");
            return false;
        }
        const bool filedesc = h.url.starts_with("filedesc:");
        const bool wanted =
            filedesc || ((h.url.starts_with("http:") || h.url.starts_with("https:")) &&
                         *h.length <= kMaxHtmlBytes);
        std::string block;
        // A last record shorter than its Archive-length is read as far as it goes: ARC files
        // whose line ends were rewritten (CRLF -> LF) keep their old lengths.
        const bool cut = bytes_.block(*h.length, wanted ? &block : nullptr) < *h.length;
        if (filedesc) {
            version_ = block.starts_with("2 ") ? 2 : 1;
        } else if (wanted) {
            emit(http_payload(block), h.url, h.date);
        }
        return !cut;
    }

    int version_ = 1;
};

}  // namespace

void read_warc(const ReadContext& ctx) {
    std::string_view head = ctx.in.peek(16);
    if (head.starts_with("filedesc:")) return ArcReader(ctx).run();
    WarcReader(ctx).run();
}

}  // namespace khabar::records
