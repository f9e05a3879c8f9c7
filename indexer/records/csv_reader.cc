/** @file
 * @brief CSV/TSV with a header row (RFC 4180 quoting, newlines inside quotes, delimiter detected
 *        among , ; TAB). Header names map to article fields through the alias table.
 */
#include <deque>
#include <iterator>
#include <optional>
#include <vector>

#include "records/field_aliases.h"
#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

/// The delimiter among , ; TAB that occurs most often outside quotes in the header line.
char detect_delimiter(std::string_view header, bool prefer_tab) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : header) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    if (tab > 0 && (prefer_tab || (tab >= comma && tab >= semicolon))) return '\t';
    return semicolon > comma ? ';' : ',';
}

/// Splits the stream into records of fields, following quotes across lines. When a quoted field
/// is never closed (end of file, or the record passes kMaxRecordBytes) the record is given up and
/// the lines after its first one are parsed again, so one stray quote costs one record.
class CsvParser {
  public:
    enum class Status { record, end, unterminated, too_long };

    CsvParser(BufferedStream& in, char delimiter) : in_(in), delim_(delimiter) {}

    void set_delimiter(char d) { delim_ = d; }
    /// Next non-blank record into fields (reusing their storage); `first_line` is where it starts.
    Status next(std::vector<std::string>& fields, std::size_t& count, std::uint64_t& first_line);
    /// The line just read (for delimiter detection on the header).
    const std::string& line() const { return line_; }
    /// Reads the next line (replayed lines first); false at end. The first line loses its BOM.
    bool read_line();

  private:
    struct Line {
        std::string text;
        std::uint64_t number;
    };

    void parse_line(std::vector<std::string>& fields, std::size_t& count);
    std::string& new_field(std::vector<std::string>& fields, std::size_t& count);
    /// Gives up the current record: its continuation lines will be read again.
    void replay_continuation();

    BufferedStream& in_;
    char delim_;
    std::string line_;
    std::uint64_t line_no_ = 0;
    bool in_quotes_ = false;
    bool field_start_ = true;
    bool have_line_ = false;
    bool truncated_ = false;          ///< the current line was cut at kMaxRecordBytes
    std::vector<Line> continuation_;  ///< lines after the first of a record still in quotes
    std::deque<Line> replay_;         ///< lines to read again before the stream
};

bool CsvParser::read_line() {
    truncated_ = false;
    if (!replay_.empty()) {
        line_ = std::move(replay_.front().text);
        line_no_ = replay_.front().number;
        replay_.pop_front();
    } else {
        if (!in_.getline(line_, kMaxRecordBytes, &truncated_)) return false;
        if (++line_no_ == 1) {
            std::string_view s = strip_bom(line_);
            if (s.size() != line_.size()) line_.erase(0, line_.size() - s.size());
        }
    }
    have_line_ = true;
    return true;
}

std::string& CsvParser::new_field(std::vector<std::string>& fields, std::size_t& count) {
    if (count == fields.size()) fields.emplace_back();
    std::string& f = fields[count++];
    f.clear();
    field_start_ = true;
    return f;
}

void CsvParser::parse_line(std::vector<std::string>& fields, std::size_t& count) {
    std::string_view s = line_;
    std::string* field = &fields[count - 1];
    std::size_t i = 0;
    while (i < s.size()) {
        if (in_quotes_) {
            std::size_t q = s.find('"', i);
            if (q == std::string_view::npos) {
                field->append(s.substr(i));
                return;
            }
            field->append(s.substr(i, q - i));
            if (q + 1 < s.size() && s[q + 1] == '"') {
                *field += '"';
                i = q + 2;
            } else {
                in_quotes_ = false;
                i = q + 1;
            }
        } else if (field_start_ && s[i] == '"') {
            in_quotes_ = true;
            field_start_ = false;
            ++i;
        } else {
            std::size_t d = s.find(delim_, i);
            field->append(s.substr(i, d == std::string_view::npos ? s.size() - i : d - i));
            field_start_ = false;
            if (d == std::string_view::npos) return;
            field = &new_field(fields, count);
            i = d + 1;
        }
    }
}

void CsvParser::replay_continuation() {
    replay_.insert(replay_.begin(), std::make_move_iterator(continuation_.begin()),
                   std::make_move_iterator(continuation_.end()));
    continuation_.clear();
    in_quotes_ = false;
}

CsvParser::Status CsvParser::next(std::vector<std::string>& fields, std::size_t& count,
                                  std::uint64_t& first_line) {
    do {
        if (!have_line_ && !read_line()) return Status::end;
        have_line_ = false;
    } while (trim(line_).empty());
    first_line = line_no_;
    count = 0;
    in_quotes_ = false;
    continuation_.clear();
    new_field(fields, count);
    std::size_t bytes = 0;
    for (;;) {
        parse_line(fields, count);
        bytes += line_.size() + 1;
        if (truncated_ || bytes > kMaxRecordBytes) {
            replay_continuation();
            return Status::too_long;
        }
        if (!in_quotes_) return Status::record;
        if (!read_line()) {
            replay_continuation();
            return Status::unterminated;
        }
        have_line_ = false;
        continuation_.push_back({line_, line_no_});
        fields[count - 1] += '\n';
    }
}

/// Reads the data rows of one CSV entry once the header is known.
class CsvReader {
  public:
    explicit CsvReader(const ReadContext& ctx) : ctx_(ctx), parser_(ctx.in, ',') {}

    void run() {
        if (!read_header()) return;
        std::uint64_t line = 0;
        for (std::uint64_t record = 1;; ++record) {
            switch (parser_.next(fields_, count_, line)) {
                case CsvParser::Status::end:
                    return;
                case CsvParser::Status::record:
                    row(record, line);
                    break;
                case CsvParser::Status::too_long:
                    ctx_.bad(record,
                             "record too long: over 16 MiB from line " + std::to_string(line) +
                                 " (a quote not closed?); reading resumes on the next line");
                    break;
                case CsvParser::Status::unterminated:
                    ctx_.bad(record, "unclosed quote: the row starting at line " +
                                         std::to_string(line) +
                                         " runs to the end of the file; reading resumes on the "
                                         "next line");
                    break;
            }
        }
    }

  private:
    /// Bad-row reasons are "<kind>: <detail>" (the caller groups them by kind) and name the line
    /// the row starts on, since origin.record counts rows.
    static std::string row_at(std::uint64_t line) {
        return "row starts at line " + std::to_string(line);
    }

    bool read_header() {
        do {
            if (!parser_.read_line()) return false;
        } while (trim(parser_.line()).empty());
        parser_.set_delimiter(
            detect_delimiter(parser_.line(), iends_with(ctx_.info.name(), ".tsv")));
        std::uint64_t line = 0;
        if (parser_.next(fields_, count_, line) != CsvParser::Status::record) {
            ctx_.bad(0, "CSV header row is not readable");
            return false;
        }
        bool has_text = false;
        for (std::size_t i = 0; i < count_; ++i) {
            header_.emplace_back(trim(fields_[i]));
            columns_.push_back(ctx_.fields.lookup(header_.back()));
            auto f = columns_.back() ? columns_.back()->field : Field::url;
            has_text |= f == Field::title || f == Field::body || f == Field::summary;
        }
        if (!has_text)
            ctx_.bad(0, "CSV header has no title or body column; map one with a field mapping");
        return has_text;
    }

    void row(std::uint64_t record, std::uint64_t line) {
        if (count_ != columns_.size()) {
            ctx_.bad(record, "wrong number of fields: expected " + std::to_string(columns_.size()) +
                                 ", found " + std::to_string(count_) + " (" + row_at(line) + ")");
            return;
        }
        for (std::size_t i = 0; i < count_; ++i) {
            const auto& slot = columns_[i];
            if (slot && collector_.wants(*slot))
                collector_.offer(*slot, header_[i], std::move(fields_[i]));
        }
        const bool usable = collector_.has_text();
        Article a = collector_.take(ctx_.origin(record));
        if (usable) {
            ctx_.sink.article(std::move(a));
        } else {
            ctx_.bad(record, "no title or body: " + row_at(line));
        }
    }

    const ReadContext& ctx_;
    CsvParser parser_;
    std::vector<std::string> fields_;
    std::size_t count_ = 0;
    std::vector<std::string> header_;
    std::vector<std::optional<FieldSlot>> columns_;
    FieldCollector collector_;
};

}  // namespace

void read_csv(const ReadContext& ctx) {
    CsvReader(ctx).run();
}

}  // namespace khabar::records
