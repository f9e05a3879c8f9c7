/** @file
 * @brief The articles of an index run's inputs, for one consumer at a time: walk a PATH, skip
 *        the dump's documentation files and the inputs read completely before (resume keys),
 *        count the entry bytes read, and turn entries into records into Articles. The two
 *        consumers are the chrome-statistics pass (cleaning/stats_pass.h) and the indexing run
 *        (index_run.cc). The first pass keeps the records of the entries it read (KeptPages,
 *        within a byte budget) and the second takes them instead of reading those entries again.
 */
#pragma once

#include <any>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "entries/entry_walker.h"
#include "input_keys.h"
#include "kept_pages.h"
#include "records/record_reader.h"

namespace khabar {

/// README, LICENSE, COPYING, CHANGES files that ship inside dumps describe the dump itself: the
/// source skips them (`name`: the entry's file name, EntryInfo::name).
bool is_documentation(const std::string& name);

/// A part of the input the source names with a key (InputKeys): a whole PATH or one entry of it.
struct InputUnit {
    std::string key;     ///< InputKeys::whole_key or entry_key; never ""
    std::string file;    ///< the PATH as given (whole) or the entry's file (EntryInfo::file)
    bool whole = false;  ///< a whole PATH, not one entry
};

/// What one pass over the inputs does with what the source finds. The RecordSink calls come from
/// the record readers; every call comes from the thread that called ArticleSource::read.
class ArticleConsumer : public RecordSink {
  public:
    /// Whether `unit` was read completely before (by an earlier run or pass): if so the source
    /// does not read it (a whole PATH is not even opened).
    virtual bool already_read(const InputUnit& /*unit*/) { return false; }
    /// `unit` has been read to its end; `bad_records` of its records went to bad_record(). A whole
    /// PATH is reported only when none of its entries gave entry_error().
    virtual void read_completely(const InputUnit& /*unit*/, std::uint64_t /*bad_records*/) {}
    /// First for every leaf entry the walk finds, before anything is decided about it (may throw
    /// to end the walk, e.g. on Ctrl-C).
    virtual void entry_found(const EntryInfo& /*info*/) {}
    /// The entry is about to be read: not documentation, not read before.
    virtual void entry_reading(const EntryInfo& /*info*/) {}
    /// A file or entry that could not be read, or only in part (WalkEvents::error).
    virtual void entry_error(const EntryInfo& /*info*/, const std::string& /*reason*/) {}
    /// An entry not read on purpose (WalkEvents::skipped), and documentation files, with the
    /// reason "documentation file, not an article".
    virtual void entry_skipped(const EntryInfo& /*info*/, const std::string& /*reason*/) {}

    /// For an entry parsed on a worker (SourceOptions::parse_threads): work on one of its articles
    /// that needs nothing else, done on that worker (several at once: it must be thread-safe).
    /// Its result comes with the article to article_prepared() instead of article(), in dump
    /// order. Articles of entries read on the calling thread go to article() unprepared.
    /// Also for the records of an earlier pass (SourceOptions::take_from) that were kept with
    /// what that pass's consumer made of them (article_kept).
    virtual std::any prepare(const Article& /*a*/) const { return {}; }
    virtual void article_prepared(Article&& a, std::any&& /*prepared*/) { article(std::move(a)); }
    /// For a source that keeps records (SourceOptions::keep_in): an article (prepared, on a
    /// worker or on the calling thread) that is now kept, instead of article_prepared(). What
    /// the consumer leaves in `prepared` is kept with it, for the pass that takes it.
    virtual void article_kept(const Article& a, std::any& prepared) {
        article_prepared(Article(a), std::any(prepared));
    }
    /// Heap bytes a result of prepare() holds, for the budget of the records kept with it.
    virtual std::size_t prepared_bytes(const std::any& /*prepared*/) const { return 0; }
};

struct SourceOptions {
    ReaderOptions reader;
    WalkLimits limits;
    /// Name inputs with resume keys (already_read / read_completely); false: every input is read
    /// and none is reported as read completely.
    bool keys = true;
    /// A directory PATH gets a whole key too (the indexing run's checkpoints); false: only a file
    /// PATH does, and a directory is checked entry by entry.
    bool whole_directories = true;
    /// Leave out what cannot be read a second time: stdin, pipes, devices, missing paths (the
    /// first pass, whose inputs the second pass reads again).
    bool rereadable_only = false;
    /// Keep the records of every entry a reader parsed, whatever its format, in `keep_in` (within
    /// its budget), each article with what the consumer prepared for it (ArticleConsumer::
    /// article_kept), for a later pass over the same inputs; an entry whose reading fails is
    /// not kept.
    KeptPages* keep_in = nullptr;
    /// Records kept by an earlier pass: an entry found there is neither parsed nor read again
    /// (the walk does not look at it: WalkEvents::holds); its records are delivered as kept (to
    /// article_prepared() when kept with something prepared), and its bytes counted as that
    /// pass read them.
    KeptPages* take_from = nullptr;
    /// Parse entries on this many threads (2 or more; 0 or 1: on the thread that calls read()).
    /// An entry of an article format up to `parse_ahead_bytes` is read into memory and parsed on
    /// a worker while the walk goes on; the consumer still gets every record, read_completely()
    /// and error in dump order, as from one thread, but entry_found() and entry_reading() of the
    /// next entries may come before the records of earlier ones. Entries larger, of other
    /// formats, or whose reading fails are read on the calling thread, after those before them;
    /// with keep_in, the articles of such an entry are prepared (ArticleConsumer::prepare) on
    /// workers while the reader goes on, and handed on in order (a single large JSON Lines file
    /// is not prepared on one thread). Not with take_from.
    unsigned parse_threads = 0;
    std::size_t parse_ahead_bytes = std::size_t{8} << 20;
};

/// Reads inputs for a consumer. One source per pass: bytes() counts what this source read.
class ArticleSource {
  public:
    /// `keys` is shared by the passes of one run, so both name an input alike.
    ArticleSource(InputKeys& keys, SourceOptions options);

    /// Read one PATH as given on the command line ("-" = stdin). What the consumer throws, and a
    /// fatal error of the walk, propagates.
    void read(const std::string& path, ArticleConsumer& consumer);

    /// Bytes of entry data read so far (decompressed), by all read() calls.
    std::uint64_t bytes() const { return bytes_; }
    /// Entries a reader parsed (RecordSink::reading_as), and entries delivered from take_from
    /// instead, so far.
    std::uint64_t entries_parsed() const { return parsed_; }
    std::uint64_t entries_taken() const { return taken_; }
    /// Bytes of the input files (input_bytes_read()) that the earlier pass read for the entries
    /// taken from take_from: not read by this source (for a progress line that compares the
    /// bytes read with the inputs' sizes).
    std::uint64_t input_bytes_not_read() const { return input_not_read_; }
    /// Entries parsed on a worker thread (SourceOptions::parse_threads), so far.
    std::uint64_t entries_parsed_ahead() const { return parsed_ahead_; }

  private:
    class Events;
    /// The whole key of PATH, "" when it gets none (keys off, stdin, a directory when whole
    /// directories are off).
    std::string whole_key(const std::string& path, bool directory);

    InputKeys& keys_;
    SourceOptions options_;
    std::uint64_t bytes_ = 0;
    std::uint64_t parsed_ = 0;
    std::uint64_t taken_ = 0;
    std::uint64_t parsed_ahead_ = 0;
    std::uint64_t input_not_read_ = 0;
};

}  // namespace khabar
