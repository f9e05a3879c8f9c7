/** @file
 * @brief ArticleSource: the walk's events and the readers' records of one PATH, filtered and
 *        counted once for every pass.
 */
#include "article_source.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "pipeline/ordered_pool.h"

namespace khabar {

namespace {

/// Counts the bytes an entry delivers.
class CountingStream : public EntryStream {
  public:
    CountingStream(EntryStream& in, std::uint64_t& counter) : in_(in), counter_(counter) {}
    std::size_t read(char* buf, std::size_t n) override {
        const std::size_t got = in_.read(buf, n);
        counter_ += got;
        return got;
    }

  private:
    EntryStream& in_;
    std::uint64_t& counter_;
};

/// Delivers `head` (bytes already read from an entry), then what reading on ended with: `failure`
/// rethrown, else the rest of `rest` (null: the end).
class ReplayStream : public EntryStream {
  public:
    ReplayStream(const std::string& head, std::exception_ptr failure, EntryStream* rest)
        : head_(head), failure_(std::move(failure)), rest_(rest) {}
    std::size_t read(char* buf, std::size_t n) override {
        if (pos_ < head_.size()) {
            n = std::min(n, head_.size() - pos_);
            std::memcpy(buf, head_.data() + pos_, n);
            pos_ += n;
            return n;
        }
        if (failure_) std::rethrow_exception(failure_);
        return rest_ != nullptr ? rest_->read(buf, n) : 0;
    }

  private:
    const std::string& head_;
    std::exception_ptr failure_;
    EntryStream* rest_;
    std::size_t pos_ = 0;
};

/// Read `data` on into `buf` until it holds `limit` bytes or the entry ends (true). A read failure
/// ends it too and is kept in `failure`.
bool fill(EntryStream& data, std::string& buf, std::size_t limit, std::exception_ptr& failure) {
    while (buf.size() < limit) {
        std::size_t got = 0;
        try {
            got = append_read(data, buf, limit - buf.size());
        } catch (...) {
            failure = std::current_exception();
            return false;
        }
        if (got == 0) return true;
    }
    return false;
}

/// One call read_entry made on its sink, kept to be made again on the walk's thread.
struct SinkCall {
    enum class Kind { reading_as, article, bad_record, skipped_entry } kind;
    Format format = Format::automatic;
    std::optional<Article> article;
    std::any prepared;  ///< ArticleConsumer::prepare's result for the article
    Origin where;
    std::string reason;
};

/// What read_entry did with an entry read into memory, on a worker thread.
struct ParsedEntry {
    std::vector<SinkCall> calls;
    std::exception_ptr failure;  ///< what it threw
    std::uint64_t bytes = 0;     ///< bytes of the entry it read
};

/// Keeps the calls of read_entry on a worker, each article prepared by `consumer`.
class RecordingSink : public RecordSink {
  public:
    RecordingSink(std::vector<SinkCall>& calls, const ArticleConsumer& consumer)
        : calls_(calls), consumer_(consumer) {}
    void article(Article&& a) override {
        std::any prepared = consumer_.prepare(a);
        calls_.push_back({SinkCall::Kind::article, {}, std::move(a), std::move(prepared), {}, {}});
    }
    void bad_record(const Origin& where, const std::string& reason) override {
        calls_.push_back({SinkCall::Kind::bad_record, {}, std::nullopt, {}, where, reason});
    }
    void skipped_entry(const EntryInfo&, const std::string& reason) override {
        calls_.push_back({SinkCall::Kind::skipped_entry, {}, std::nullopt, {}, {}, reason});
    }
    void reading_as(const EntryInfo&, Format format) override {
        calls_.push_back({SinkCall::Kind::reading_as, format, std::nullopt, {}, {}, {}});
    }

  private:
    std::vector<SinkCall>& calls_;
    const ArticleConsumer& consumer_;
};

ParsedEntry parse_in_memory(const EntryInfo& info, const std::string& bytes,
                            const ReaderOptions& options, const ArticleConsumer& consumer) {
    ParsedEntry out;
    ReplayStream replay(bytes, nullptr, nullptr);
    CountingStream counted(replay, out.bytes);
    RecordingSink sink(out.calls, consumer);
    try {
        read_entry(info, counted, options, sink);
    } catch (...) {
        out.failure = std::current_exception();
    }
    return out;
}

enum class PathKind { stream, file, directory };

/// A regular file or a directory can be read again; stdin, pipes, devices and missing paths
/// cannot.
PathKind path_kind(const std::string& path) {
    struct stat st {};
    if (path == "-" || ::stat(path.c_str(), &st) != 0) return PathKind::stream;
    if (S_ISREG(st.st_mode)) return PathKind::file;
    return S_ISDIR(st.st_mode) ? PathKind::directory : PathKind::stream;
}

}  // namespace

bool is_documentation(const std::string& name) {
    std::string upper;
    for (char c : name)
        upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    for (const char* stem : {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES"}) {
        std::string st(stem);
        if (upper == st || upper.rfind(st + ".", 0) == 0) return true;
    }
    return false;
}

/// The walk's events and the readers' records of one read(): filtered, counted, then handed on.
class ArticleSource::Events : public WalkEvents, public RecordSink {
  public:
    Events(ArticleSource& source, ArticleConsumer& consumer)
        : source_(source), consumer_(consumer) {
        const SourceOptions& o = source.options_;
        if (o.parse_threads < 2 || o.take_from != nullptr) return;
        prepare_threads_ = o.parse_threads;
        max_ahead_ = kAheadPerThread * std::size_t{o.parse_threads};
        max_ahead_bytes_ = 4 * o.parse_ahead_bytes;
        pool_ = std::make_unique<OrderedPool<ParsedEntry>>(o.parse_threads);
    }

    std::uint64_t errors() const { return errors_; }
    std::uint64_t bad_records() const { return bad_records_; }

    // WalkEvents
    bool holds(const EntryInfo& info) override {
        input_before_ = input_bytes_read();  // the walker begins to look at a stream
        const KeptPages* kept = source_.options_.take_from;
        return kept != nullptr && kept->entries() > 0 && kept->contains(kept_key(info));
    }
    void entry(const EntryInfo& info, EntryStream& data) override {
        consumer_.entry_found(info);
        if (is_documentation(info.name())) {
            deliver_ahead(true);
            consumer_.entry_skipped(info, "documentation file, not an article");
            return;
        }
        InputUnit unit{source_.options_.keys ? source_.keys_.entry_key(info) : std::string(),
                       info.file, false};
        if (!unit.key.empty()) {
            if (is_ahead(unit.key)) deliver_ahead(true);  // whether it was read depends on it
            if (consumer_.already_read(unit)) return;
        }
        consumer_.entry_reading(info);
        if (pool_) {
            read_ahead(info, unit, data);
        } else {
            read_now(info, unit, data);
        }
    }
    void error(const EntryInfo& info, const std::string& reason) override {
        deliver_ahead(true);
        report_error(info, reason);
    }
    void skipped(const EntryInfo& info, const std::string& reason) override {
        deliver_ahead(true);
        consumer_.entry_skipped(info, reason);
    }

    /// Hand on the records of the entries parsed ahead, oldest first: those finished, and as many
    /// more as brings the entries in flight within their limits; `all`: every one.
    void deliver_ahead(bool all) {
        if (broken_) return;
        try {
            while (!ahead_.empty()) {
                const bool over = ahead_.size() > max_ahead_ || ahead_bytes_ > max_ahead_bytes_;
                if (!all && !over && !pool_->head_ready()) return;
                Ahead a = std::move(ahead_.front());
                ahead_.pop_front();
                ahead_bytes_ -= a.bytes;
                ParsedEntry parsed = pool_->take();
                replay(a, parsed);
            }
        } catch (...) {  // what read_entry or the consumer threw ends the walk, as it would have
            broken_ = true;
            throw;
        }
    }

    // RecordSink
    void reading_as(const EntryInfo& info, Format) override {
        ++source_.parsed_;
        if (keeping_) source_.options_.keep_in->begin(kept_key(info));
    }
    void article(Article&& a) override {
        if (!keeping_) return consumer_.article(std::move(a));
        if (prepare_threads_ > 1) return prepare_later(std::move(a));
        std::any prepared = consumer_.prepare(a);
        deliver_keeping(a, prepared);
    }
    void bad_record(const Origin& where, const std::string& reason) override {
        if (!waiting_.empty()) {  // after articles still being prepared: handed on after them
            waiting_.push_back(Waiting{nullptr, where, reason});
            return;
        }
        bad_record_now(where, reason);
    }
    void bad_record_now(const Origin& where, const std::string& reason) {
        ++bad_records_;
        if (keeping_) source_.options_.keep_in->add_bad_record(where, reason);
        consumer_.bad_record(where, reason);
    }
    void skipped_entry(const EntryInfo& info, const std::string& reason) override {
        consumer_.skipped_entry(info, reason);
    }

  private:
    /// An entry read into memory and parsed on a worker (parse_threads).
    struct Ahead {
        EntryInfo info;
        InputUnit unit;
        std::size_t bytes = 0;
        std::uint64_t input = 0;  // bytes of the input files read for it
    };

    /// A record of an entry read on this thread, waiting to be handed on in order: an article
    /// being prepared on prepare_pool_, or a bad record.
    struct Waiting {
        std::shared_ptr<Article> article;  // shared with its prepare job; null: a bad record
        Origin where;
        std::string reason;
    };

    /// An article of an entry read on this thread for keep_in (an entry too large to parse
    /// ahead): prepared on a worker while the reader goes on, handed on in order.
    void prepare_later(Article&& a) {
        if (!prepare_pool_)
            prepare_pool_ = std::make_unique<OrderedPool<std::any>>(prepare_threads_);
        auto article = std::make_shared<Article>(std::move(a));
        waiting_bytes_ += article->body.size() + article->title.size();
        prepare_pool_->submit([article, &c = consumer_] { return c.prepare(*article); });
        waiting_.push_back(Waiting{std::move(article), {}, {}});
        deliver_prepared(false);
    }

    /// Hand on the waiting records, oldest first: those prepared, and as many more as brings the
    /// articles in flight within their limits; `all`: every one.
    void deliver_prepared(bool all) {
        if (broken_) return;
        try {
            deliver_waiting(all);
        } catch (...) {  // what the consumer or a job threw ends the walk, as it would have
            broken_ = true;
            throw;
        }
    }
    void deliver_waiting(bool all) {
        while (!waiting_.empty()) {
            Waiting& w = waiting_.front();
            if (!w.article) {
                const Waiting bad = std::move(w);
                waiting_.pop_front();
                bad_record_now(bad.where, bad.reason);
                continue;
            }
            const bool over = prepare_pool_->pending() > kMaxPreparing ||
                              waiting_bytes_ > source_.options_.parse_ahead_bytes;
            if (!all && !over && !prepare_pool_->head_ready()) return;
            std::any prepared = prepare_pool_->take();
            const std::shared_ptr<Article> article = std::move(w.article);
            waiting_.pop_front();
            waiting_bytes_ -= article->body.size() + article->title.size();
            deliver_keeping(*article, prepared);
        }
    }

    /// Forget the waiting records (their entry failed); what their jobs return is dropped.
    void drop_waiting() {
        while (prepare_pool_ && prepare_pool_->pending() > 0) {
            try {
                prepare_pool_->take();
            } catch (...) {  // the entry's failure is what is reported
            }
        }
        waiting_.clear();
        waiting_bytes_ = 0;
    }

    /// The key entries are kept under: the entry key, whether or not this pass names inputs.
    std::string kept_key(const EntryInfo& info) { return source_.keys_.entry_key(info); }

    void report_error(const EntryInfo& info, const std::string& reason) {
        ++errors_;
        if (KeptPages* keep = source_.options_.keep_in) keep->drop(kept_key(info));
        consumer_.entry_error(info, reason);
    }

    /// Read the entry on this thread, after those parsed ahead.
    void read_now(const EntryInfo& info, const InputUnit& unit, EntryStream& data) {
        deliver_ahead(true);
        const std::uint64_t bad_before = bad_records_;
        if (!take_kept(info)) {
            CountingStream counted(data, source_.bytes_);
            read_keeping(info, counted);
        }
        if (!unit.key.empty()) consumer_.read_completely(unit, bad_records_ - bad_before);
    }

    /// Read an entry of an article format within parse_ahead_bytes into memory and parse it on a
    /// worker; any other on this thread (from the bytes read so far on, as if never put aside).
    void read_ahead(const EntryInfo& info, const InputUnit& unit, EntryStream& data) {
        const SourceOptions& o = source_.options_;
        std::string bytes;
        std::exception_ptr failure;
        bool ended = fill(data, bytes, kFormatSniffBytes, failure);
        if (!ended && !failure && is_article_format(entry_format(info, bytes, o.reader)))
            ended = fill(data, bytes, o.parse_ahead_bytes + 1, failure);
        if (!ended || failure || bytes.size() > o.parse_ahead_bytes) {
            ReplayStream replay(bytes, failure, failure ? nullptr : &data);
            read_now(info, unit, replay);
            return;
        }
        const std::size_t size = bytes.size();
        pool_->submit([info, bytes = std::move(bytes), &reader = o.reader, &c = consumer_] {
            return parse_in_memory(info, bytes, reader, c);
        });
        ahead_.push_back(Ahead{info, unit, size, input_bytes_read() - input_before_});
        ahead_bytes_ += size;
        deliver_ahead(false);
    }

    bool is_ahead(const std::string& key) const {
        return std::any_of(ahead_.begin(), ahead_.end(),
                           [&](const Ahead& a) { return a.unit.key == key; });
    }

    void replay_call(const EntryInfo& info, SinkCall& c) {
        switch (c.kind) {
            case SinkCall::Kind::reading_as:
                return reading_as(info, c.format);
            case SinkCall::Kind::article:
                if (keeping_) return deliver_keeping(*c.article, c.prepared);
                return consumer_.article_prepared(std::move(*c.article), std::move(c.prepared));
            case SinkCall::Kind::bad_record:
                return bad_record(c.where, c.reason);
            case SinkCall::Kind::skipped_entry:
                return skipped_entry(info, c.reason);
        }
    }

    /// An article of an entry being kept: moved into keep_in with what was prepared for it and
    /// shown to the consumer there (no copy); when the budget gives the entry up, handed on.
    void deliver_keeping(Article& a, std::any& prepared) {
        KeptPages& keep = *source_.options_.keep_in;
        if (KeptRecord* r = keep.add_article(a, prepared, consumer_.prepared_bytes(prepared)))
            return consumer_.article_kept(*r->article, r->prepared);
        consumer_.article_prepared(std::move(a), std::move(prepared));
    }

    /// Make the calls read_entry made on the worker, as read_now would have made them.
    void replay(const Ahead& a, ParsedEntry& parsed) {
        source_.bytes_ += parsed.bytes;
        ++source_.parsed_ahead_;
        const std::uint64_t bad_before = bad_records_;
        KeptPages* keep = source_.options_.keep_in;
        keeping_ = keep != nullptr;
        try {
            for (SinkCall& c : parsed.calls) replay_call(a.info, c);
        } catch (...) {
            if (keeping_) keep->abandon();
            keeping_ = false;
            throw;
        }
        if (parsed.failure) {
            if (keeping_) keep->abandon();
            keeping_ = false;
            try {
                std::rethrow_exception(parsed.failure);
            } catch (const EntryError& e) {  // reported as the walker reports it
                report_error(a.info, e.what());
                return;
            }
        }
        if (keeping_) keep->commit(KeptSize{parsed.bytes, a.input});
        keeping_ = false;
        if (!a.unit.key.empty()) consumer_.read_completely(a.unit, bad_records_ - bad_before);
    }

    /// Deliver the records an earlier pass kept for the entry, and count its bytes as that pass
    /// read them, without reading them again. False when none were kept.
    bool take_kept(const EntryInfo& info) {
        KeptPages* kept = source_.options_.take_from;
        if (kept == nullptr || kept->entries() == 0) return false;
        KeptSize size;
        auto records = kept->take(kept_key(info), &size);
        if (!records) return false;
        ++source_.taken_;
        // The entry's bytes are counted as its records are handed on (for a progress line).
        const std::uint64_t bytes = source_.bytes_, input = source_.input_not_read_;
        const std::uint64_t n = records->size();
        for (std::uint64_t i = 0; i < n; ++i) {
            source_.bytes_ = bytes + size.entry * (i + 1) / n;
            source_.input_not_read_ = input + size.input * (i + 1) / n;
            KeptRecord& r = (*records)[i];
            if (!r.article)
                bad_record(r.where, r.reason);
            else if (r.prepared.has_value())
                consumer_.article_prepared(std::move(*r.article), std::move(r.prepared));
            else
                article(std::move(*r.article));
        }
        source_.bytes_ = bytes + size.entry;
        source_.input_not_read_ = input + size.input;
        return true;
    }

    /// Read the entry with its reader, keeping its records when this pass keeps them.
    void read_keeping(const EntryInfo& info, EntryStream& data) {
        KeptPages* keep = source_.options_.keep_in;
        keeping_ = keep != nullptr;
        const std::uint64_t bytes_before = source_.bytes_;
        try {
            try {
                read_entry(info, data, source_.options_.reader, *this);
            } catch (...) {  // the records read before the failure are handed on, as they were
                deliver_prepared(true);
                throw;
            }
            deliver_prepared(true);
        } catch (...) {
            drop_waiting();
            if (keeping_) keep->abandon();
            keeping_ = false;
            throw;
        }
        if (keeping_)
            keep->commit(
                KeptSize{source_.bytes_ - bytes_before, input_bytes_read() - input_before_});
        keeping_ = false;
    }

    ArticleSource& source_;
    ArticleConsumer& consumer_;
    bool keeping_ = false;            // read_keeping or replay is reading an entry for keep_in
    std::uint64_t input_before_ = 0;  // input_bytes_read() when the walker began to look at it
    std::uint64_t errors_ = 0;        // walk errors (a whole PATH with any is not read completely)
    std::uint64_t bad_records_ = 0;   // records skipped as bad
    // parse_threads: the entries in flight, oldest first, and their workers (declared last: the
    // workers finish before the rest goes)
    std::deque<Ahead> ahead_;
    // Enough entries in flight that the walk's thread rarely waits for one small entry's parse
    // and the workers rarely for the next entry (a zip of 2,225 small text files: with 2 per
    // worker, its first pass took 0.21 s against 0.16 s, medians of 8).
    static constexpr std::size_t kAheadPerThread = 32;
    std::size_t ahead_bytes_ = 0;
    std::size_t max_ahead_ = 0;
    std::size_t max_ahead_bytes_ = 0;
    bool broken_ = false;  // a delivery threw: the entries after it are not delivered
    std::unique_ptr<OrderedPool<ParsedEntry>> pool_;
    // parse_threads, an entry read on this thread for keep_in: its articles being prepared
    static constexpr std::size_t kMaxPreparing = 256;
    unsigned prepare_threads_ = 0;
    std::deque<Waiting> waiting_;
    std::size_t waiting_bytes_ = 0;
    std::unique_ptr<OrderedPool<std::any>> prepare_pool_;
};

ArticleSource::ArticleSource(InputKeys& keys, SourceOptions options)
    : keys_(keys), options_(std::move(options)) {}

std::string ArticleSource::whole_key(const std::string& path, bool directory) {
    if (!options_.keys || (directory && !options_.whole_directories)) return {};
    return keys_.whole_key(path);
}

void ArticleSource::read(const std::string& path, ArticleConsumer& consumer) {
    const PathKind kind = path_kind(path);
    if (options_.rereadable_only && kind == PathKind::stream) return;
    const InputUnit whole{whole_key(path, kind == PathKind::directory), path, true};
    if (!whole.key.empty() && consumer.already_read(whole)) return;  // not even opened
    Events events(*this, consumer);
    try {
        walk_dump(path, options_.limits, events);
    } catch (...) {  // the entries read before the failure are still delivered
        events.deliver_ahead(true);
        throw;
    }
    events.deliver_ahead(true);
    if (!whole.key.empty() && events.errors() == 0)
        consumer.read_completely(whole, events.bad_records());
}

}  // namespace khabar
