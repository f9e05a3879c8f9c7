/** @file
 * @brief The indexing pipeline: walk (main thread) → analyze into documents (worker threads) →
 *        write in input order (writer thread), joined by bounded queues.
 */
#include "index_run.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <map>
#include <thread>

#include "error.h"
#include "pipeline/bounded_queue.h"
#include "writer/document_builder.h"

namespace khabar {

namespace {

using Clock = std::chrono::steady_clock;

struct NumberedArticle {
    std::uint64_t seq;
    Article article;
};

struct BuiltDocument {
    std::uint64_t seq;
    std::string id_term;
    Xapian::Document doc;
    std::string lang;
    std::string date_iso;
    std::string date_slot;
};

/// Counts the bytes an entry delivers.
class CountingStream : public EntryStream {
public:
    CountingStream(EntryStream& in, std::atomic<std::uint64_t>& counter) : in_(in), counter_(counter) {}
    std::size_t read(char* buf, std::size_t n) override {
        std::size_t got = in_.read(buf, n);
        counter_ += got;
        return got;
    }

private:
    EntryStream& in_;
    std::atomic<std::uint64_t>& counter_;
};

/// Shared state of one run; the walk callbacks, the reader sink and the stages report here.
class Run : public WalkEvents, public RecordSink {
public:
    Run(const IndexOptions& options, Diagnostics& diag, IndexWriter& writer)
        : options_(options), diag_(diag), writer_(writer), articles_(256), documents_(256) {}

    IndexSummary execute(const std::vector<std::string>& paths);

    // WalkEvents
    void entry(const EntryInfo& info, EntryStream& data) override {
        ++summary_.entries;
        CountingStream counted(data, bytes_);
        read_entry(info, counted, options_.reader, *this);
    }
    void error(const EntryInfo& info, const std::string& reason) override {
        ++summary_.entry_errors;
        count_reason(reason);
        diag_.warn(info.display() + ": " + reason);
    }
    void skipped(const EntryInfo& info, const std::string& reason) override {
        ++summary_.entries_skipped;
        count_reason(reason);
        if (options_.verbose) diag_.info(info.display() + ": skipped: " + reason);
    }

    // RecordSink
    void article(Article&& a) override {
        std::string why = finish_article(a, options_.finish);
        if (!why.empty()) {
            bad_record(a.origin, why);
            return;
        }
        if (!articles_.push(NumberedArticle{next_seq_++, std::move(a)})) throw_pending();
    }
    void bad_record(const Origin& where, const std::string& reason) override {
        ++summary_.bad_records;
        count_reason(reason);
        if (options_.verbose || summary_.bad_records <= 50) {
            diag_.warn(where.display() + ": " + reason);
        } else if (summary_.bad_records == 51) {
            diag_.warn("more skipped records are not listed (use -v to list all)");
        }
    }
    void skipped_entry(const EntryInfo& info, const std::string& reason) override {
        skipped(info, reason);
    }

private:
    void count_reason(const std::string& reason) {
        // Group reasons by their first words ("invalid JSON: ..." -> "invalid JSON").
        auto colon = reason.find(':');
        ++summary_.skip_reasons[reason.substr(0, colon)];
    }
    void build_loop();
    void write_loop();
    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(fail_mu_);
            if (!failure_) failure_ = e;
        }
        articles_.close();
        documents_.close();
    }
    [[noreturn]] void throw_pending() {
        std::lock_guard lock(fail_mu_);
        if (failure_) std::rethrow_exception(failure_);
        throw Error("indexing stopped");
    }

    const IndexOptions& options_;
    Diagnostics& diag_;
    IndexWriter& writer_;
    BoundedQueue<NumberedArticle> articles_;
    BoundedQueue<BuiltDocument> documents_;
    std::atomic<std::uint64_t> bytes_{0};
    std::atomic<std::uint64_t> written_{0};
    std::uint64_t next_seq_ = 0;
    IndexSummary summary_;
    std::string min_slot_, max_slot_;
    std::mutex fail_mu_;
    std::exception_ptr failure_;
    Clock::time_point start_ = Clock::now();
};

void Run::build_loop() {
    try {
        DocumentBuilder builder;
        while (auto item = articles_.pop()) {
            const Article& a = item->article;
            BuiltDocument b{item->seq, DocumentBuilder::id_term(a.id), builder.build(a), a.lang,
                            a.date.iso(), a.date.slot_value()};
            if (!documents_.push(std::move(b))) return;
        }
    } catch (...) {
        fail(std::current_exception());
    }
}

void Run::write_loop() {
    try {
        std::map<std::uint64_t, BuiltDocument> pending;  // reorder: write in input order
        std::uint64_t next = 0;
        auto last_progress = Clock::now();
        while (auto item = documents_.pop()) {
            pending.emplace(item->seq, std::move(*item));
            for (auto it = pending.begin(); it != pending.end() && it->first == next;
                 it = pending.erase(it), ++next) {
                BuiltDocument& b = it->second;
                writer_.put(b.id_term, b.doc);
                ++written_;
                ++summary_.languages[b.lang.empty() ? "unknown" : b.lang];
                if (!b.date_iso.empty()) {
                    ++summary_.dated;
                    if (summary_.date_min.empty() || b.date_slot < min_slot_) {
                        min_slot_ = b.date_slot;
                        summary_.date_min = b.date_iso;
                    }
                    if (summary_.date_max.empty() || b.date_slot > max_slot_) {
                        max_slot_ = b.date_slot;
                        summary_.date_max = b.date_iso;
                    }
                }
            }
            auto now = Clock::now();
            if (diag_.progress_enabled() && now - last_progress > std::chrono::milliseconds(200)) {
                last_progress = now;
                double secs = std::chrono::duration<double>(now - start_).count();
                diag_.progress(fmt::format("indexing: {} articles, {:.1f} MB read, {:.0f} articles/s",
                                           written_.load(), bytes_.load() / 1e6,
                                           written_.load() / std::max(secs, 1e-3)));
            }
        }
        writer_.commit();
    } catch (...) {
        fail(std::current_exception());
    }
}

IndexSummary Run::execute(const std::vector<std::string>& paths) {
    unsigned threads = options_.threads ? options_.threads : std::thread::hardware_concurrency();
    if (threads == 0) threads = 1;
    std::vector<std::thread> builders;
    for (unsigned i = 0; i < threads; ++i) builders.emplace_back([this] { build_loop(); });
    std::thread writer([this] { write_loop(); });
    std::exception_ptr walk_failure;
    try {
        for (const auto& p : paths) walk_dump(p, options_.limits, *this);
    } catch (...) {
        walk_failure = std::current_exception();
    }
    articles_.close();
    for (auto& t : builders) t.join();
    documents_.close();
    writer.join();
    diag_.clear_progress();
    if (failure_) std::rethrow_exception(failure_);
    if (walk_failure) {
        // Keep what was written: commit, then report.
        try {
            writer_.commit();
        } catch (...) {
        }
        std::rethrow_exception(walk_failure);
    }
    summary_.indexed = written_;
    summary_.bytes = bytes_;
    summary_.doc_count = writer_.doc_count();
    summary_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    return summary_;
}

}  // namespace

IndexSummary run_index(const std::vector<std::string>& paths, const IndexOptions& options,
                       Diagnostics& diag) {
    IndexWriter writer(options.db, options.writer);
    Run run(options, diag, writer);
    return run.execute(paths);
}

void print_summary(const IndexSummary& s, const std::string& db, Diagnostics& diag) {
    double rate = s.indexed / std::max(s.seconds, 1e-3);
    diag.info(fmt::format("indexed {} articles from {} entries in {:.2f} s ({:.0f} articles/s, {:.2f} MB/s)",
                          s.indexed, s.entries, s.seconds, rate, s.bytes / 1e6 / std::max(s.seconds, 1e-3)));
    if (s.bad_records + s.entry_errors + s.entries_skipped > 0) {
        std::string reasons;
        for (const auto& [reason, n] : s.skip_reasons) reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ", n, reason);
        diag.info(fmt::format("skipped: {} records, {} unreadable entries, {} non-article entries ({})",
                              s.bad_records, s.entry_errors, s.entries_skipped, reasons));
    }
    std::string langs;
    for (const auto& [lang, n] : s.languages) langs += fmt::format("{}{} {}", langs.empty() ? "" : ", ", lang, n);
    if (!langs.empty()) diag.info("languages: " + langs);
    if (s.dated > 0)
        diag.info(fmt::format("dates: {} .. {} ({} dated, {} undated)", s.date_min, s.date_max, s.dated,
                              s.indexed - s.dated));
    else if (s.indexed > 0)
        diag.info(fmt::format("dates: none found ({} undated)", s.indexed));
    std::error_code ec;
    std::uintmax_t size = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(db, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) size += it->file_size(ec);
    diag.info(fmt::format("database: {} ({} documents, {:.1f} MB)", db, s.doc_count, size / 1e6));
}

}  // namespace khabar
