/** @file
 * @brief Loading the labelled chrome set through the real readers, and scoring both passes.
 */
#include "cleaning/labelled_set.h"

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "article_source.h"
#include "dates/date_parser.h"

namespace khabar::cleaning {

namespace {

using Clock = std::chrono::steady_clock;

/// Collects the articles of a dump with their entry paths.
class Collector : public ArticleConsumer {
  public:
    std::vector<Article> articles;
    void entry_error(const EntryInfo& info, const std::string& reason) override {
        throw std::runtime_error(info.display() + ": " + reason);
    }
    void article(Article&& a) override { articles.push_back(std::move(a)); }
    void bad_record(const Origin& where, const std::string& reason) override {
        throw std::runtime_error(where.display() + ": " + reason);
    }
};

std::string origin_id(const std::string& entry, std::uint64_t record) {
    return entry + "#" + std::to_string(record);
}

/// Spans of the non-blank lines of text, trimmed.
std::vector<Span> line_spans(std::string_view text) {
    std::vector<Span> out;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t nl = std::min(text.find('\n', pos), text.size());
        std::size_t b = pos, e = nl;
        while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
        while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
        if (e > b) out.push_back({b, e});
        pos = nl + 1;
    }
    return out;
}

std::size_t words(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!space && !in) ++n;
        in = !space;
    }
    return n;
}

/// Per line: is it inside a removed block?
std::vector<bool> removed_lines(const std::vector<Span>& lines, const CleanResult& r) {
    std::vector<bool> out;
    std::size_t b = 0;
    for (const Span& line : lines) {
        while (b < r.blocks.size() && r.blocks[b].span.end <= line.begin) ++b;
        out.push_back(b < r.blocks.size() && r.blocks[b].span.begin <= line.begin &&
                      r.blocks[b].removed());
    }
    return out;
}

/// "3h1t" -> "hhht" (labels.jsonl stores runs).
std::string run_length_decode(const std::string& runs) {
    std::string out;
    std::size_t count = 0;
    for (char c : runs) {
        if (c >= '0' && c <= '9') {
            count = count * 10 + static_cast<std::size_t>(c - '0');
            continue;
        }
        out.append(count, c);
        count = 0;
    }
    return out;
}

DateOutcome judge_date(const LabelledPage& p, const std::string& found) {
    if (found.empty()) return p.date.empty() ? DateOutcome::undated_ok : DateOutcome::missed;
    if (found == p.date) return DateOutcome::correct;
    for (const std::string& d : p.chrome_dates)
        if (d == found) return DateOutcome::from_chrome;
    return DateOutcome::wrong;
}

PageOutcome clean_one(const LabelledPage& p, const Cleaner& cleaner,
                      std::span<const std::string> batches) {
    PageOutcome o;
    o.page = &p;
    o.text = page_text(p.article, p.layout);
    o.result = cleaner.clean(source_key(p.article), o.text, p.article.title, batches);
    o.lines = line_spans(o.text);
    if (o.lines.size() != p.labels.size())
        throw std::runtime_error(p.article.origin.display() + ": " +
                                 std::to_string(o.lines.size()) + " lines, " +
                                 std::to_string(p.labels.size()) + " labels");
    o.line_removed = removed_lines(o.lines, o.result);
    o.cleaned = p.article;
    o.cleaning = clean_article(o.cleaned, cleaner, p.layout, batches);
    if (o.cleaning.dated)
        if (auto d = parse_date(o.cleaned.date_text)) o.date_found = d->iso();
    o.date = judge_date(p, o.date_found);
    return o;
}

void score(Evaluation& e, const PageOutcome& o) {
    const LabelledPage& p = *o.page;
    Counts& bs = e.blocks_by_source[p.source];
    Counts& ts = e.tokens_by_source[p.source];
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        const char label = p.labels[i];
        const bool removed = o.line_removed[i];
        const std::size_t n =
            words(std::string_view(o.text).substr(o.lines[i].begin, o.lines[i].size()));
        bs.add(is_chrome_label(label), removed);
        ts.add(is_chrome_label(label), removed, n);
        auto& [r, total] = e.by_label[label];
        r += removed;
        ++total;
    }
    ++e.dates[o.date];
}

}  // namespace

void Counts::add(bool chrome, bool removed, std::size_t n) {
    (chrome ? (removed ? tp : fn) : (removed ? fp : tn)) += n;
}

Counts& Counts::operator+=(const Counts& o) {
    tp += o.tp, fp += o.fp, fn += o.fn, tn += o.tn;
    return *this;
}

const char* date_outcome_name(DateOutcome o) {
    switch (o) {
        case DateOutcome::correct:
            return "own date found";
        case DateOutcome::undated_ok:
            return "undated, as it should be";
        case DateOutcome::missed:
            return "own date missed (undated)";
        case DateOutcome::from_chrome:
            return "date taken from chrome";
        case DateOutcome::wrong:
            return "other wrong date";
    }
    return "?";
}

std::vector<LabelledPage> load_labelled_set(const std::filesystem::path& dir,
                                            const std::string& name) {
    const std::filesystem::path labels = dir / (name + "-labels.jsonl");
    std::ifstream in(labels);
    if (!in) throw std::runtime_error(labels.string() + ": cannot read");
    Collector dump;
    InputKeys keys;
    const SourceOptions options{.reader = {},
                                .limits = {},
                                .keys = false,  // every entry, nothing to resume
                                .whole_directories = false,
                                .rereadable_only = false};
    ArticleSource(keys, options).read((dir / (name + ".tar.gz")).string(), dump);
    std::map<std::string, Article*> by_origin;
    for (Article& a : dump.articles) by_origin[origin_id(a.origin.entry, a.origin.record)] = &a;
    std::vector<LabelledPage> out;
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line);
        const std::string id = origin_id(j.at("entry"), j.at("record"));
        const auto it = by_origin.find(id);
        if (it == by_origin.end()) throw std::runtime_error(id + ": not in the dump");
        LabelledPage p;
        p.article = *it->second;
        p.layout = layout_of(p.article);  // the text reader's: first_line for .txt pages
        p.source = j.at("source");
        p.labels = run_length_decode(j.at("labels"));
        p.date = j.at("date");
        p.chrome_dates = j.at("chrome_dates").get<std::vector<std::string>>();
        out.push_back(std::move(p));
    }
    return out;
}

Evaluation evaluate(const std::vector<LabelledPage>& pages, const CleanerConfig& config) {
    Evaluation e;
    const auto t0 = Clock::now();
    BlockStats stats, batches(batch_limits());
    BatchClock first, second;  // the indexer's: pages in dump order, per site
    for (const LabelledPage& p : pages)
        add_to_stats(stats, p.article, p.layout, &batches, first.next(source_key(p.article)));
    const auto t1 = Clock::now();
    e.stats_bytes = stats.memory_bytes();
    e.serialized_bytes = stats.serialize().size();
    const Cleaner cleaner(stats, config, &batches);
    for (const LabelledPage& p : pages)
        e.pages.push_back(clean_one(p, cleaner, second.next(source_key(p.article))));
    const auto t2 = Clock::now();
    for (const PageOutcome& o : e.pages) score(e, o);
    for (const auto& [source, c] : e.blocks_by_source) e.blocks += c;
    for (const auto& [source, c] : e.tokens_by_source) e.tokens += c;
    e.first_pass_seconds = std::chrono::duration<double>(t1 - t0).count();
    e.second_pass_seconds = std::chrono::duration<double>(t2 - t1).count();
    return e;
}

}  // namespace khabar::cleaning
