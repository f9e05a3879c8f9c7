/** @file
 * @brief The database side of indexing: a khabar database is a directory of Xapian shards behind a
 *        stub file (`XAPIANDB`), written in parallel, one writer per shard; every reader (khabar
 *        search, xapian-delve) opens the directory as one database.
 */
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "database/packed_record.h"

namespace khabar {

struct WriterOptions {
    bool overwrite = false;           ///< start a new database (--overwrite)
    std::uint32_t batch_docs = 1000;  ///< commit a shard after this many documents
    unsigned shards = 0;              ///< shards of a new database; 0 = number of cores
};

/// One writable shard. Throws khabar::Error with a clear message for lock, permission, disk.
///
/// Xapian 1.4 cannot report every write failure of a commit: one that happens while it merges the
/// value slots' changes (in a destructor) ends the process with std::terminate ("terminate called
/// without an active exception"), e.g. when the disk fills at that moment. A ShardWriter therefore
/// marks the thread while Xapian may commit (put, commit, destruction), and the first ShardWriter
/// sets a terminate handler that, on a marked thread, prints khabar's disk-full error (or a write
/// failure it cannot name) and exits with khabar::exit_error at once: like a kill at that moment,
/// the shards keep their last commit, and the same command resumes. Other terminations go to the
/// handler that was set before.
class ShardWriter {
  public:
    /// `sampler`: shared by the database's shards, so they make and use one record dictionary.
    ShardWriter(const std::string& path, const WriterOptions& options, bool create,
                std::shared_ptr<DictionarySampler> sampler = nullptr);
    ~ShardWriter();
    ShardWriter(const ShardWriter&) = delete;
    ShardWriter& operator=(const ShardWriter&) = delete;
    /// Add or replace (same id term) one document, with `record` packed as its data (and, once
    /// the shard's first records make one, its dictionary); commits when the batch is full.
    void put(const std::string& id_term, Xapian::Document doc, const StoredArticle& record);
    /// The value in `slot` of the document with this id term ("" when it has none), nullopt when
    /// no document has the term (pending changes of this writer included).
    std::optional<std::string> value_of(const std::string& id_term, unsigned slot) const;
    /// Commit what is pending (explicit, so errors are seen: the destructor swallows them).
    void commit();
    /// Record that input `key` is fully written to this shard, with `skipped` records of it that
    /// were skipped as bad (so a resumed run still reports them); committed with the shard's next
    /// commit, atomically with the documents before it.
    void mark_done(const std::string& key, std::uint64_t skipped);
    /// Input keys this shard has committed as done, with their skipped records.
    std::map<std::string, std::uint64_t> done_keys() const;
    /// Other metadata (committed with the shard's next commit, like mark_done).
    std::string metadata(const std::string& key) const;
    void set_metadata(const std::string& key, const std::string& value);
    /// Metadata keys starting with `prefix`.
    std::vector<std::string> metadata_keys(const std::string& prefix) const;
    std::uint64_t doc_count() const { return db_.get_doccount(); }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    std::uint32_t batch_docs_;
    Xapian::WritableDatabase db_;
    std::unique_ptr<RecordPacker> packer_;
    std::uint32_t pending_ = 0;
};

/// The shards of one database directory, opened (or created) for writing.
class ShardedIndex {
  public:
    ShardedIndex(const std::string& dir, const WriterOptions& options);
    std::size_t shard_count() const { return shards_.size(); }
    ShardWriter& shard(std::size_t i) { return *shards_[i]; }
    /// The shard an article id lives in (stable for the life of the database).
    std::size_t shard_of(const std::string& id) const;
    std::uint64_t doc_count() const;
    /// Inputs every shard has committed as done (safe to skip on a rerun), with their records
    /// skipped as bad.
    std::map<std::string, std::uint64_t> done_everywhere() const;

  private:
    std::shared_ptr<DictionarySampler> sampler_ = std::make_shared<DictionarySampler>();
    std::vector<std::unique_ptr<ShardWriter>> shards_;
};

/// Turn a Xapian exception raised while writing into a khabar::Error with a hint.
[[noreturn]] void rethrow_write_error(const Xapian::Error& e, const std::string& path);

}  // namespace khabar
