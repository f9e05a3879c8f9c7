/** @file
 * @brief The indexing pipeline: a first pass (cleaning/stats_pass.h) counts the pages' blocks for
 *        chrome removal (inputs that can be read twice), then the article source
 *        (article_source.h) reads the inputs again (the entries the first pass kept are not
 *        parsed again: kept_pages.h; their pages' blocks come read with them: PageReading;
 *        short blocks are remembered when IndexOptions::memo_bytes asks: BlockMemoScope) for the
 *        main thread, which cleans and finishes the articles → one worker per shard that
 *        analyzes its articles into documents and writes them, joined by bounded queues. An id
 *        always goes to the same shard, and each shard is written in input order, so the last
 *        record with an id wins, deterministically.
 */
#include "index_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <any>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "article_source.h"
#include "cleaning/article_cleaning.h"
#include "cleaning/blocks.h"
#include "cleaning/chrome_store.h"
#include "cleaning/page_reading.h"
#include "cleaning/stats_pass.h"
#include "database/layout.h"
#include "database/schema.h"
#include "database/stories.h"
#include "database/urdu_vocabulary.h"
#include "error.h"
#include "pipeline/bounded_queue.h"
#include "records/text_util.h"
#include "writer/compaction.h"
#include "writer/document_builder.h"
#include "writer/index_writer.h"

namespace khabar {

namespace {

using Clock = std::chrono::steady_clock;

/// What a worker learned from the articles it wrote (merged after the run).
struct WorkerStats {
    std::uint64_t written = 0;
    std::uint64_t added = 0, unchanged = 0, replaced = 0;     // against the database before the run
    std::uint64_t copies_replaced = 0, copies_identical = 0;  // against this run's earlier records
    std::map<std::string, std::uint64_t> languages;
    std::uint64_t dated = 0;
    std::uint64_t chrome_blocks = 0, chrome_articles = 0, titles_derived = 0;
    std::string min_slot, max_slot, date_min, date_max;

    /// Count how the article's id relates to what the shard held: `previous` is the stored content
    /// hash of the same id (nullopt: new id), `earlier_in_run` whether this run wrote that id.
    void classify(const Article& a, const std::optional<std::string>& previous,
                  bool earlier_in_run) {
        const bool same = previous && *previous == a.content_hash;
        if (earlier_in_run)
            ++(same ? copies_identical : copies_replaced);
        else if (!previous)
            ++added;
        else
            ++(same ? unchanged : replaced);
    }

    void add(const Article& a) {
        ++written;
        chrome_blocks += a.chrome_removed;
        chrome_articles += a.chrome_removed > 0;
        titles_derived += a.title_derived;
        ++languages[a.lang.empty() ? "unknown" : a.lang];
        if (!a.date.known()) return;
        ++dated;
        std::string slot = a.date.slot_value();
        if (min_slot.empty() || slot < min_slot) min_slot = slot, date_min = a.date.iso();
        if (max_slot.empty() || slot > max_slot) max_slot = slot, date_max = a.date.iso();
    }
};

/// What a shard worker receives: an article to write, or a checkpoint marker for an input that is
/// now fully queued (written to the shard's metadata, so it commits with the articles before it).
struct WorkItem {
    std::optional<Article> article;
    std::string done_key;
    std::uint64_t done_skipped = 0;  ///< records of that input skipped as bad
};

/// Set by request_stop() (a signal handler): the walk stops at the next record or entry.
std::atomic<bool> stop_requested{false};

/// Thrown where the walk notices stop_requested; not a std::exception, so no reader or walker
/// turns it into a skipped record or entry on its way up.
struct Interrupted {};

void stop_if_requested() {
    if (stop_requested.load(std::memory_order_relaxed)) throw Interrupted{};
}

/// Bytes of the inputs on disk (directories walked), 0 when one has no size (stdin, a pipe).
std::uint64_t input_size(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    std::uint64_t total = 0;
    for (const auto& p : paths) {
        std::error_code ec;
        if (p == "-") return 0;
        if (fs::is_regular_file(p, ec)) {
            total += fs::file_size(p, ec);
        } else if (fs::is_directory(p, ec)) {
            for (auto it = fs::recursive_directory_iterator(p, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec)) total += it->file_size(ec);
        } else {
            return 0;
        }
    }
    return total;
}

/// Shared state of one run: the consumer of the article source (articles cleaned and finished,
/// then queued to their shard), the shard workers and the summary they report to.
class Run : private ArticleConsumer {
  public:
    Run(const IndexOptions& options, Diagnostics& diag, ShardedIndex& index)
        : options_(options),
          diag_(diag),
          index_(index),
          kept_(options.keep_bytes),
          source_(keys_, SourceOptions{.reader = options.reader,
                                       .limits = options.limits,
                                       .keys = options.resume && !options.reclean,
                                       .whole_directories = true,
                                       .rereadable_only = false,
                                       .take_from = &kept_}) {
        for (std::size_t i = 0; i < index.shard_count(); ++i) {
            queues_.push_back(std::make_unique<BoundedQueue<WorkItem>>(128));
            stats_.emplace_back();
        }
    }

    IndexSummary execute(const std::vector<std::string>& paths);

  private:
    // ArticleConsumer: inputs
    bool already_read(const InputUnit& unit) override {
        auto done = done_.find(unit.key);
        if (done == done_.end()) return false;
        // Fully indexed by an earlier run (see README: resume).
        ++(unit.whole ? summary_.inputs_resumed : summary_.entries_resumed);
        summary_.resumed_bad_records += done->second;
        if (unit.whole && total_input_bytes_ > 0) resumed_bytes_ += input_size({unit.file});
        return true;
    }
    void read_completely(const InputUnit& unit, std::uint64_t bad_records) override {
        mark_done(unit.key, bad_records);
    }
    void entry_found(const EntryInfo&) override { stop_if_requested(); }
    void entry_reading(const EntryInfo& info) override {
        ++summary_.entries;
        reading_ = info.display();
    }
    void entry_error(const EntryInfo& info, const std::string& reason) override {
        ++summary_.entry_errors;
        if (info.display() == reading_) --summary_.entries;  // counted once, as unreadable
        count_reason(reason);
        diag_.warn(info.display() + ": " + reason);
    }
    void entry_skipped(const EntryInfo& info, const std::string& reason) override {
        ++summary_.entries_skipped;
        count_reason(reason);
        if (options_.verbose) diag_.info(info.display() + ": skipped: " + reason);
    }

    // ArticleConsumer: records
    /// A record read: cleaned, finished and queued to its shard, or a bad record.
    void article(Article&& a) override { write(std::move(a), nullptr); }
    /// A record the first pass kept, with its page's blocks read (cleaning::PageReading).
    void article_prepared(Article&& a, std::any&& prepared) override {
        write(std::move(a), std::any_cast<cleaning::PageReading>(&prepared));
    }
    /// article(), the page's blocks read already when `reading` is not null.
    void write(Article&& a, const cleaning::PageReading* reading);
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
        --summary_.entries;  // counted once, as not an article (its head was read to decide)
        entry_skipped(info, reason);
    }

    void count_reason(const std::string& reason) {
        // Group reasons by their first words ("invalid JSON: ..." -> "invalid JSON").
        auto colon = reason.find(':');
        ++summary_.skip_reasons[reason.substr(0, colon)];
    }
    /// Chrome removal (unless --keep-chrome) and finish_article; the reason the article is
    /// skipped, "" when it is to be written.
    std::string prepare(Article& a, const cleaning::PageReading* reading);
    void work(std::size_t shard);
    void show_progress();
    /// --reclean: the recorded input files not under one of `paths` (those still there).
    std::vector<std::string> recorded_inputs(const std::vector<std::string>& paths);
    /// The chrome statistics: loaded, --reclean's recorded inputs added to `paths`, then
    /// prepare_cleaning. False when interrupted (nothing written).
    bool first_pass(const std::vector<std::string>& given, std::vector<std::string>& paths);
    /// Count the inputs' pages (StatsPass), merge and save the statistics; then the cleaner is
    /// ready.
    void prepare_cleaning(const std::vector<std::string>& inputs);
    /// The shard workers, the article source over `paths` feeding them; rethrows a failure.
    void second_pass(const std::vector<std::string>& paths);
    /// The workers' counts into the summary.
    void add_worker_stats();
    /// Tell every shard that input `key` is fully queued, `skipped` of its records bad.
    void mark_done(const std::string& key, std::uint64_t skipped) {
        for (auto& q : queues_)
            if (!q->push(WorkItem{std::nullopt, key, skipped})) throw_pending();
    }
    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(fail_mu_);
            if (!failure_) failure_ = e;
        }
        for (auto& q : queues_) q->close();
    }
    [[noreturn]] void throw_pending() {
        std::lock_guard lock(fail_mu_);
        if (failure_) std::rethrow_exception(failure_);
        throw Error("indexing stopped");
    }

    const IndexOptions& options_;
    Diagnostics& diag_;
    ShardedIndex& index_;
    InputKeys keys_;        // shared by both passes: they name an input alike
    KeptPages kept_;        // what the first pass read, for the second
    ArticleSource source_;  // the second pass's
    std::vector<std::unique_ptr<BoundedQueue<WorkItem>>> queues_;
    std::map<std::string, std::uint64_t> done_;  // inputs every shard committed -> bad records
    cleaning::ChromeState chrome_;               // the database's statistics, with this run's
    std::optional<cleaning::Cleaner> cleaner_;   // set by prepare_cleaning
    cleaning::BlockStats batches_{cleaning::batch_limits()};  // this run's pages per batch
    cleaning::BatchClock clock_;      // the second pass's place in each site's pages
    std::vector<WorkerStats> stats_;  // one per shard, written only by its worker
    std::atomic<std::uint64_t> written_{0};
    IndexSummary summary_;
    std::string reading_;  // the entry read last (display form)
    std::string min_slot_, max_slot_;
    std::mutex fail_mu_;
    std::exception_ptr failure_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point walk_start_ = Clock::now();  // after the first pass: the rate's start
    Clock::time_point last_progress_ = Clock::now();
    std::uint64_t total_input_bytes_ = 0;  // 0: unknown (stdin), no share done in progress
    std::uint64_t input_bytes_base_ = 0;   // input_bytes_read() when the walk began
    std::uint64_t resumed_bytes_ = 0;      // sizes of whole inputs skipped as done
};

void Run::write(Article&& a, const cleaning::PageReading* reading) {
    stop_if_requested();
    std::string why = prepare(a, reading);
    if (!why.empty()) {
        bad_record(a.origin, why);
        return;
    }
    std::size_t shard = index_.shard_of(a.id);
    if (!queues_[shard]->push(WorkItem{std::move(a), {}})) throw_pending();
    show_progress();
}

std::string Run::prepare(Article& a, const cleaning::PageReading* reading) {
    a.content_hash = content_hash(a);  // the record as read: chrome removal varies by run
    if (cleaner_) {
        const auto batches = clock_.next(cleaning::source_key(a));
        const cleaning::ArticleCleaning c =
            cleaning::clean_article(a, *cleaner_, cleaning::layout_of(a), batches, reading);
        a.chrome_removed = static_cast<std::uint32_t>(c.removed_blocks);
    }
    std::string why = finish_article(a, options_.finish);
    if (!why.empty()) return why;
    if (auto bad = records::count_replacements(a.title) + records::count_replacements(a.body)) {
        summary_.replaced_chars += bad;  // invalid bytes replaced by the readers, counted
        ++summary_.replaced_articles;
    }
    return {};
}

void Run::work(std::size_t shard) {
    try {
        DocumentBuilder builder;
        ShardWriter& writer = index_.shard(shard);
        WorkerStats& stats = stats_[shard];
        std::unordered_map<std::string, std::string> written_ids;  // id -> content, this run
        while (auto item = queues_[shard]->pop()) {
            if (!item->article) {
                writer.mark_done(item->done_key, item->done_skipped);
                continue;
            }
            const Article& a = *item->article;
            const std::string term = DocumentBuilder::id_term(a.id);
            auto [earlier, first] = written_ids.try_emplace(a.id, a.content_hash);
            if (first)
                stats.classify(a, writer.value_of(term, schema::slot_content), false);
            else
                stats.classify(a, std::exchange(earlier->second, a.content_hash), true);
            writer.put(term, builder.build(a), StoredArticle::of(a));
            stats.add(a);
            ++written_;
        }
        writer.commit();
    } catch (...) {
        fail(std::current_exception());
    }
}

/// "1 min 20 s", "45 s", "2 h 5 min".
std::string duration_text(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    if (s < 60) return fmt::format("{} s", s);
    if (s < 3600) return fmt::format("{} min {} s", s / 60, s % 60);
    return fmt::format("{} h {} min", s / 3600, s % 3600 / 60);
}

void Run::show_progress() {
    if (!diag_.progress_enabled()) return;
    auto now = Clock::now();
    if (now - last_progress_ < std::chrono::milliseconds(200)) return;
    last_progress_ = now;
    double secs = std::chrono::duration<double>(now - walk_start_).count();
    std::string line =
        fmt::format("indexing: {} articles, {:.1f} MB read, {:.0f} articles/s", written_.load(),
                    source_.bytes() / 1e6, written_.load() / std::max(secs, 1e-3));
    if (total_input_bytes_ > 0) {
        // Share of the inputs' bytes read (compressed bytes for an archive); time left at the
        // rate so far, once there is a rate to speak of.
        const double done =
            std::min(0.99, static_cast<double>(input_bytes_read() - input_bytes_base_ +
                                               resumed_bytes_ + source_.input_bytes_not_read()) /
                               static_cast<double>(total_input_bytes_));
        line = fmt::format("indexing: {:3.0f}% · {}", done * 100, line.substr(10));
        if (done >= 0.01 && secs >= 2)
            line += ", about " + duration_text(secs * (1 - done) / done) + " left";
    }
    diag_.progress(line);
}

std::vector<std::string> Run::recorded_inputs(const std::vector<std::string>& paths) {
    std::vector<std::string> given;
    for (const auto& p : paths)
        if (std::string c = keys_.canonical_path(p); !c.empty()) given.push_back(c);
    std::vector<std::string> out;
    for (const auto& file : cleaning::counted_files(chrome_)) {
        bool covered = false;
        for (const auto& g : given) covered = covered || file == g || file.rfind(g + "/", 0) == 0;
        if (covered) continue;
        std::error_code ec;
        if (std::filesystem::is_regular_file(file, ec))
            out.push_back(file);
        else
            summary_.reclean_missing.push_back(file);
    }
    summary_.reclean = true;
    summary_.reclean_inputs = out.size();
    return out;
}

void Run::prepare_cleaning(const std::vector<std::string>& inputs) {
    const auto t0 = Clock::now();
    cleaning::BlockStats counted;
    // Entries parsed on as many threads as the run's (the shard writers wait for the statistics).
    const unsigned threads =
        options_.threads > 0 ? options_.threads : std::max(1U, std::thread::hardware_concurrency());
    cleaning::StatsPass pass(counted, keys_, chrome_.counted, options_.reader, options_.limits,
                             &batches_, &kept_, threads);
    for (const auto& p : inputs) {
        stop_if_requested();
        pass.count(p);
        if (diag_.progress_enabled())
            diag_.progress(fmt::format("counting page blocks: {} pages, {:.1f} MB read",
                                       pass.pages(), pass.bytes() / 1e6));
    }
    diag_.clear_progress();
    chrome_.stats.merge(counted);
    // Saved before any article is written: committed with shard 0's first commit (chrome_store.h).
    cleaning::save_chrome_state(index_.shard(0), chrome_, pass.added());
    cleaner_.emplace(chrome_.stats, cleaning::CleanerConfig{}, &batches_);
    summary_.cleaned = true;
    summary_.first_pass_pages = pass.pages();
    summary_.first_pass_bytes = pass.bytes();
    summary_.entries_parsed += pass.entries_parsed();
    summary_.stats_sources = chrome_.stats.source_count();
    summary_.first_pass_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
}

IndexSummary Run::execute(const std::vector<std::string>& given) {
    if (options_.resume && !options_.reclean) done_ = index_.done_everywhere();
    std::vector<std::string> paths = given;
    std::optional<cleaning::BlockMemoScope> memo;  // both passes describe the same blocks
    if (!options_.keep_chrome && options_.memo_bytes > 0) memo.emplace(options_.memo_bytes);
    if (!options_.keep_chrome && !first_pass(given, paths)) return summary_;  // interrupted
    second_pass(paths);
    add_worker_stats();
    summary_.bytes = source_.bytes();
    summary_.entries_parsed += source_.entries_parsed();
    summary_.entries_kept = source_.entries_taken();
    summary_.doc_count = index_.doc_count();
    summary_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    return summary_;
}

bool Run::first_pass(const std::vector<std::string>& given, std::vector<std::string>& paths) {
    chrome_ = cleaning::load_chrome_state(index_.shard(0), options_.reclean);
    if (chrome_.reset)
        diag_.warn("the database's chrome statistics are unreadable; counting pages again");
    if (options_.reclean)
        for (auto& file : recorded_inputs(given)) paths.push_back(std::move(file));
    try {
        prepare_cleaning(paths);
    } catch (const Interrupted&) {  // during the first pass: nothing written yet
        diag_.clear_progress();
        summary_.interrupted = true;
        summary_.doc_count = index_.doc_count();
        return false;
    }
    return true;
}

void Run::second_pass(const std::vector<std::string>& paths) {
    if (diag_.progress_enabled()) total_input_bytes_ = input_size(paths);
    input_bytes_base_ = input_bytes_read();
    walk_start_ = Clock::now();
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < queues_.size(); ++i) workers.emplace_back([this, i] { work(i); });
    std::exception_ptr walk_failure;
    try {
        for (const auto& p : paths) {
            stop_if_requested();
            source_.read(p, *this);
        }
    } catch (const Interrupted&) {
        summary_.interrupted = true;  // what is queued is still written and committed
    } catch (...) {
        walk_failure = std::current_exception();
    }
    for (auto& q : queues_) q->close();  // workers drain their queues and commit
    for (auto& t : workers) t.join();
    diag_.clear_progress();
    if (failure_) std::rethrow_exception(failure_);
    if (walk_failure) std::rethrow_exception(walk_failure);
}

void Run::add_worker_stats() {
    for (const auto& st : stats_) {
        summary_.indexed += st.written;
        summary_.added += st.added;
        summary_.unchanged += st.unchanged;
        summary_.replaced += st.replaced;
        summary_.copies_replaced += st.copies_replaced;
        summary_.copies_identical += st.copies_identical;
        summary_.dated += st.dated;
        summary_.chrome_blocks += st.chrome_blocks;
        summary_.chrome_articles += st.chrome_articles;
        summary_.titles_derived += st.titles_derived;
        for (const auto& [lang, n] : st.languages) summary_.languages[lang] += n;
        if (!st.min_slot.empty() && (summary_.date_min.empty() || st.min_slot < min_slot_))
            min_slot_ = st.min_slot, summary_.date_min = st.date_min;
        if (!st.max_slot.empty() && (summary_.date_max.empty() || st.max_slot > max_slot_))
            max_slot_ = st.max_slot, summary_.date_max = st.date_max;
    }
}

}  // namespace

void request_stop() noexcept {
    stop_requested.store(true);
}

namespace {

/// Decide the stories (copies) of the whole database for searches to read in one lookup: a copy
/// this run added joins the story of an earlier run's article. An interrupted run leaves the
/// table as it was (a search then summarizes a changed story from its posting list).
void update_stories(const std::string& db, IndexSummary& s) {
    if (s.interrupted) return;
    const auto start = std::chrono::steady_clock::now();
    try {
        const StoryTableUpdate u = update_story_table(db);
        s.stories = u.stories;
        s.stories_updated = u.written + u.removed;
    } catch (const std::exception& e) {
        s.stories_error = e.what();
    } catch (const Xapian::Error& e) {
        s.stories_error = e.get_description();
    }
    s.stories_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// The Urdu vocabulary table for the Roman Urdu bridge (urdu_vocabulary.h); without it searches
/// walk the term list, so a failure only warns.
void update_urdu_vocabulary(const std::string& db, const IndexSummary& s, Diagnostics& diag) {
    if (s.interrupted) return;
    try {
        write_urdu_vocabulary(db);
    } catch (const std::exception& e) {
        diag.warn(std::string("Urdu vocabulary table not written: ") + e.what());
    } catch (const Xapian::Error& e) {
        diag.warn("Urdu vocabulary table not written: " + e.get_description());
    }
}

/// Compacting rewrites every shard: worth it when the run wrote a good share of the database
/// (a first run always), not for a few articles added to a large one.
void compact_if_it_pays(const std::string& db, IndexSummary& s) {
    if (s.interrupted || s.indexed == 0 || s.indexed * 4 < s.doc_count || !has_stub(db)) return;
    const auto start = std::chrono::steady_clock::now();
    try {
        const CompactionResult r = compact_database(db, false);
        s.compacted = true;
        s.bytes_before_compact = r.bytes_before;
    } catch (const std::exception& e) {  // the index is committed and usable as written
        s.compact_error = e.what();
    } catch (const Xapian::Error& e) {
        s.compact_error = e.get_description();
    }
    s.compact_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

IndexSummary run_index(const std::vector<std::string>& paths, const IndexOptions& options,
                       Diagnostics& diag) {
    WriterOptions wo = options.writer;
    if (wo.shards == 0) wo.shards = options.threads;
    IndexSummary summary;
    {
        ShardedIndex index(options.db, wo);
        // The story table stops being trusted before any article changes (stories.h).
        index.shard(0).set_metadata(std::string(schema::stories_current_key), "0");
        // So is the Roman Urdu bridge's Urdu vocabulary (urdu_vocabulary.h).
        index.shard(0).set_metadata(std::string(schema::urdu_vocab_key), "");
        index.shard(0).commit();
        Run run(options, diag, index);
        summary = run.execute(paths);
    }  // every shard committed and closed
    update_stories(options.db, summary);
    update_urdu_vocabulary(options.db, summary, diag);
    if (options.compact) compact_if_it_pays(options.db, summary);
    return summary;
}

namespace {

/// "1 entry", "2 entries".
std::string count_of(std::uint64_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

void print_summary(const IndexSummary& s, const std::string& db, Diagnostics& diag) {
    if (s.interrupted)
        diag.warn(fmt::format(
            "interrupted: this run wrote and committed {} (the database holds {}); run the "
            "same command again to resume — inputs read completely are skipped, the rest is read "
            "again without duplicates",
            count_of(s.indexed, "article", "articles"),
            count_of(s.doc_count, "article", "articles")));
    double rate = s.indexed / std::max(s.seconds, 1e-3);
    diag.info(
        fmt::format("indexed {} from {} in {:.2f} s ({:.0f} articles/s, {:.2f} MB/s)",
                    count_of(s.indexed, "article", "articles"),
                    count_of(s.entries + s.entries_skipped + s.entry_errors, "entry", "entries"),
                    s.seconds, rate, s.bytes / 1e6 / std::max(s.seconds, 1e-3)));
    diag.info(fmt::format("articles: {} added, {} unchanged, {} replaced (same id, other content)",
                          s.added, s.unchanged, s.replaced));
    if (s.copies_replaced + s.copies_identical > 0)
        diag.info(fmt::format(
            "copies: {} replaced by a later record with the same id or URL in this run (the "
            "last is kept), {} identical to an earlier record of this run",
            s.copies_replaced, s.copies_identical));
    if (s.entries_resumed + s.inputs_resumed > 0)
        diag.info(fmt::format(
            "already indexed by an earlier run, not read again: {}, {}{} (--no-resume reads "
            "them again)",
            count_of(s.inputs_resumed, "input", "inputs"),
            count_of(s.entries_resumed, "entry", "entries"),
            s.resumed_bad_records == 0
                ? std::string()
                : fmt::format("; {} skipped then",
                              count_of(s.resumed_bad_records, "record of theirs was",
                                       "records of theirs were"))));
    if (s.bad_records + s.entry_errors + s.entries_skipped > 0) {
        std::string reasons;
        for (const auto& [reason, n] : s.skip_reasons)
            reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ", n, reason);
        diag.info(fmt::format(
            "skipped: {}, {}, {} ({})", count_of(s.bad_records, "record", "records"),
            count_of(s.entry_errors, "unreadable entry", "unreadable entries"),
            count_of(s.entries_skipped, "non-article entry", "non-article entries"), reasons));
    }
    if (s.cleaned) {
        diag.info(fmt::format(
            "site chrome: {} blocks removed from {} articles; {} titles derived from the lead; "
            "first pass {:.2f} s ({} pages counted, {} sites known{})",
            s.chrome_blocks, s.chrome_articles, s.titles_derived, s.first_pass_seconds,
            s.first_pass_pages, s.stats_sources,
            s.entries_kept == 0 ? std::string()
                                : fmt::format("; {} kept for indexing, not parsed again",
                                              count_of(s.entries_kept, "entry", "entries"))));
    }
    if (s.reclean)
        diag.info(fmt::format(
            "--reclean: {} files of earlier runs read again{}", s.reclean_inputs,
            s.reclean_inputs + s.reclean_missing.size() > 0
                ? std::string()
                : " (the database records none: indexed from stdin, with --keep-chrome, or "
                  "before chrome statistics existed)"));
    for (std::size_t i = 0; i < s.reclean_missing.size() && i < 10; ++i)
        diag.warn("--reclean: no longer there, its articles keep their earlier cleaning: " +
                  s.reclean_missing[i]);
    if (s.reclean_missing.size() > 10)
        diag.warn(
            fmt::format("--reclean: {} more files no longer there", s.reclean_missing.size() - 10));
    std::string langs;
    for (const auto& [lang, n] : s.languages)
        langs += fmt::format("{}{} {}", langs.empty() ? "" : ", ", lang, n);
    if (!langs.empty()) diag.info("languages: " + langs);
    if (s.replaced_chars > 0)
        diag.info(fmt::format("invalid bytes: {} replaced by U+FFFD in {} articles",
                              s.replaced_chars, s.replaced_articles));
    if (s.dated > 0)
        diag.info(fmt::format("dates: {} .. {} ({} dated, {} undated)", s.date_min, s.date_max,
                              s.dated, s.indexed - s.dated));
    else if (s.indexed > 0)
        diag.info(fmt::format("dates: none found ({} undated)", s.indexed));
    if (s.stories_updated > 0)
        diag.info(fmt::format("stories: {} with copies ({} updated in {:.2f} s)", s.stories,
                              s.stories_updated, s.stories_seconds));
    if (!s.stories_error.empty())
        diag.warn("story table not updated (searches find copies without it): " + s.stories_error);
    if (s.compacted)
        diag.info(
            fmt::format("compacted: {:.1f} MB -> {:.1f} MB in {:.2f} s (--no-compact leaves "
                        "it as written)",
                        s.bytes_before_compact / 1e6, disk_usage(db) / 1e6, s.compact_seconds));
    if (!s.compact_error.empty())
        diag.warn("not compacted (the index is complete as written): " + s.compact_error);
    diag.info(fmt::format("database: {} ({} documents, {:.1f} MB)", db, s.doc_count,
                          disk_usage(db) / 1e6));
}

}  // namespace khabar
