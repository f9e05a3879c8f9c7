/** @file
 * @brief SMART test collections (CACM, CISI, MED, ...): records start with `.I n`, fields with a
 *        marker line — `.T` title, `.W` text (the abstract), `.B` publication ("CACM December,
 *        1958"), `.A` authors (one per line); `.N`, `.X`, `.K`, `.C` and unknown markers are
 *        skipped. The record number is the article's own id, the journal in `.B` its source.
 */
#include <map>
#include <vector>

#include "records/readers.h"
#include "records/text_util.h"

namespace khabar::records {

namespace {

/// ".I 12" -> "12"; "" when the line is not a record start.
std::string_view record_number(std::string_view line) {
    if (!line.starts_with(".I") || (line.size() > 2 && !is_space(line[2]))) return {};
    std::string_view n = trim(line.substr(2));
    for (char c : n)
        if (c < '0' || c > '9') return {};
    return n;
}

/// A field marker line: '.' and one upper-case letter alone on the line.
char field_marker(std::string_view line) {
    line = trim(line);
    return line.size() == 2 && line[0] == '.' && line[1] >= 'A' && line[1] <= 'Z' ? line[1] : 0;
}

/// Hard-wrapped lines joined with spaces; blank lines separate paragraphs.
std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    bool paragraph = false;
    for (const std::string& raw : lines) {
        std::string_view l = trim(raw);
        if (l.empty()) {
            paragraph = !out.empty();
            continue;
        }
        if (!out.empty()) out += paragraph ? "\n\n" : " ";
        out.append(l);
        paragraph = false;
    }
    return out;
}

/// The journal named at the start of `.B` ("CACM December, 1958" -> "CACM"), "" when none.
std::string journal(std::string_view b) {
    std::string_view first = trim(b).substr(0, trim(b).find(' '));
    if (first.size() < 2) return {};
    for (char c : first)
        if (!(c >= 'A' && c <= 'Z')) return {};
    return std::string(first);
}

class SmartReader {
  public:
    explicit SmartReader(const ReadContext& ctx) : ctx_(ctx) {}

    void run() {
        std::string line;
        while (ctx_.in.getline(line, kMaxRecordBytes)) feed(line);
        finish();
    }

  private:
    void feed(const std::string& line) {
        if (std::string_view n = record_number(line); !n.empty()) {
            finish();
            id_ = std::string(n);
            in_record_ = true;
            return;
        }
        if (!in_record_) return;
        if (char m = field_marker(line)) {
            field_ = m;
            return;
        }
        if (field_ == 'T' || field_ == 'W' || field_ == 'B' || field_ == 'A')
            fields_[field_].push_back(line);
    }

    void finish() {
        if (!in_record_) return;
        ++index_;
        Article a;
        a.own_id = id_;
        a.title = collapse_spaces(join_lines(fields_['T']));
        a.body = join_lines(fields_['W']);
        a.date_text = collapse_spaces(join_lines(fields_['B']));
        if (!a.date_text.empty()) a.date_field = "smart:B";
        a.source = journal(a.date_text);
        std::string authors;
        for (const std::string& au : fields_['A']) {
            if (trim(au).empty()) continue;
            if (!authors.empty()) authors += "; ";
            authors += collapse_spaces(au);
        }
        a.author = std::move(authors);
        fields_.clear();
        field_ = 0;
        in_record_ = false;
        if (a.title.empty() && a.body.empty()) return ctx_.bad(index_, "no title or text (.T/.W)");
        a.origin = ctx_.origin(index_);
        ctx_.sink.article(std::move(a));
    }

    const ReadContext& ctx_;
    std::map<char, std::vector<std::string>> fields_;
    std::string id_;
    char field_ = 0;
    bool in_record_ = false;
    std::uint64_t index_ = 0;
};

}  // namespace

bool is_smart_head(std::string_view head, bool any_marker) {
    head = strip_bom(head);
    std::size_t nl = head.find('\n');
    if (nl == std::string_view::npos || record_number(trim(head.substr(0, nl))).empty())
        return false;
    std::string_view next = head.substr(nl + 1);
    const char marker = field_marker(next.substr(0, next.find('\n')));
    return any_marker ? marker != 0 : marker == 'T';
}

void read_smart(const ReadContext& ctx) {
    SmartReader(ctx).run();
}

}  // namespace khabar::records
