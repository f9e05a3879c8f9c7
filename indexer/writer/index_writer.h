/** @file
 * @brief The database side of indexing: open/lock, replace documents by id, commit in batches.
 */
#pragma once

#include <cstdint>
#include <string>

#include <xapian.h>

namespace khabar {

struct WriterOptions {
    bool overwrite = false;        ///< start a new database (--overwrite)
    std::uint32_t batch_docs = 5000;  ///< commit after this many documents
};

/// One writable database. Throws khabar::Error with a clear message for lock, permission, disk.
class IndexWriter {
public:
    IndexWriter(const std::string& path, const WriterOptions& options);
    /// Add or replace (same id term) one document; commits when the batch is full.
    void put(const std::string& id_term, const Xapian::Document& doc);
    /// Commit what is pending (explicit, so errors are seen: the destructor swallows them).
    void commit();
    std::uint64_t doc_count() const { return db_.get_doccount(); }
    std::uint64_t committed() const { return committed_; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    WriterOptions options_;
    Xapian::WritableDatabase db_;
    std::uint32_t pending_ = 0;
    std::uint64_t committed_ = 0;
};

/// Turn a Xapian exception raised while writing into a khabar::Error with a hint.
[[noreturn]] void rethrow_write_error(const Xapian::Error& e, const std::string& path);

}  // namespace khabar
