/** @file
 * @brief The records the first pass of an index run read from its entries (any format), kept
 *        in memory for the second pass so that each entry is parsed once; within a byte budget,
 *        beyond which an entry is not kept and the second pass reads it again.
 */
#pragma once

#include <any>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/article.h"

namespace khabar {

/// One record a reader reported: an article, or a bad record with its reason.
struct KeptRecord {
    std::optional<Article> article;  ///< set for an article
    Origin where;                    ///< a bad record: where
    std::string reason;              ///< a bad record: why
    std::any prepared;  ///< an article: what the pass that kept it made of it (may be empty)
};

/// How much of its input a kept entry took to read.
struct KeptSize {
    std::uint64_t entry = 0;  ///< the entry's bytes (decompressed)
    std::uint64_t input = 0;  ///< bytes read from the input files while reading it (compressed)
};

/// Entries' records by entry key (InputKeys::entry_key), filled by one pass and emptied by the
/// next. One entry is open at a time: begin(), its records, then commit() or abandon().
class KeptPages {
  public:
    /// `budget`: bytes of kept records at most (an estimate of their heap use).
    explicit KeptPages(std::size_t budget) : budget_(budget) {}

    /// Start keeping the entry named `key` (an open one is abandoned). An entry kept already
    /// under that key stays as it is: the new one is not kept.
    void begin(const std::string& key);
    /// Records of the open entry; once they would exceed the budget the entry is given up.
    /// add_article moves `a` and `prepared` (of `prepared_bytes` heap bytes) into the store and
    /// returns where they are now (valid until the next add); null, leaving them as they were,
    /// when the record is not kept.
    KeptRecord* add_article(Article& a, std::any& prepared, std::size_t prepared_bytes = 0);
    void add_bad_record(const Origin& where, const std::string& reason);
    /// The open entry was read to its end, taking `size`: keep it, unless given up.
    void commit(KeptSize size = {});
    /// Forget the open entry.
    void abandon();
    /// Forget the entry kept under `key`, if any (its reading turned out to have failed).
    void drop(const std::string& key);

    /// Whether records are kept for `key` (take() would give them).
    bool contains(const std::string& key) const { return kept_.count(key) > 0; }
    /// The records kept for `key`, in the order read, removed from the store; nullopt when none.
    /// `size`, when given, receives the size commit() was told.
    std::optional<std::vector<KeptRecord>> take(const std::string& key, KeptSize* size = nullptr);

    /// Bytes the kept records hold (estimate), and entries kept.
    std::size_t bytes() const { return used_; }
    std::size_t entries() const { return kept_.size(); }
    /// Entries given up because of the budget, since construction.
    std::uint64_t over_budget() const { return over_budget_; }

  private:
    struct Entry {
        std::vector<KeptRecord> records;
        std::size_t bytes = 0;  ///< of the records (the budget's measure)
        KeptSize size;          ///< of the entry they were read from
    };
    KeptRecord* add(KeptRecord&& r, std::size_t bytes);

    std::size_t budget_;
    std::size_t used_ = 0;  ///< kept entries and the open one
    std::unordered_map<std::string, Entry> kept_;
    std::string open_key_;  ///< "" when no entry is open (or it was given up)
    Entry open_;
    std::uint64_t over_budget_ = 0;
};

/// Estimate of the heap bytes an Article holds (its strings, notes and the struct itself).
std::size_t approx_bytes(const Article& a);

}  // namespace khabar
