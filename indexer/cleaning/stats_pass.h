/** @file
 * @brief The first pass of an index run: read the inputs that can be read twice and count their
 *        pages in the chrome statistics (reading and hashing blocks only; nothing is written).
 */
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "article_source.h"
#include "cleaning/block_stats.h"
#include "cleaning/cleaner.h"

namespace khabar::cleaning {

/// Counts the pages of inputs into `stats`, skipping entries `counted` already holds (their
/// pages are in the stored statistics), README/LICENSE files and what cannot be read twice
/// (stdin, pipes, devices). Errors are left to the second pass, which reports them; an entry
/// that fails is not recorded as counted.
class StatsPass : private ArticleConsumer {
  public:
    /// `batches`: where to count pages per scrape batch too (BatchClock), or null. `keep`: where
    /// to keep the records of the entries read, for the second pass (SourceOptions::keep_in),
    /// or null. `parse_threads`: SourceOptions::parse_threads (the pages are counted in dump
    /// order whatever the number).
    StatsPass(BlockStats& stats, InputKeys& keys, const std::map<std::string, std::string>& counted,
              const ReaderOptions& reader, const WalkLimits& limits, BlockStats* batches = nullptr,
              KeptPages* keep = nullptr, unsigned parse_threads = 0);

    /// Count the pages of one PATH (nothing for stdin and other streams).
    void count(const std::string& path);

    /// Inputs counted by this pass: key -> canonical path (entries, and whole files read without
    /// error; a directory is checked entry by entry, as a file inside may have changed).
    const std::map<std::string, std::string>& added() const { return added_; }
    std::uint64_t pages() const { return pages_; }
    std::uint64_t bytes() const { return source_.bytes(); }
    std::uint64_t entries_parsed() const { return source_.entries_parsed(); }
    std::uint64_t entries_parsed_ahead() const { return source_.entries_parsed_ahead(); }

  private:
    bool already_read(const InputUnit& unit) override {
        return counted_.count(unit.key) > 0 || added_.count(unit.key) > 0;
    }
    void read_completely(const InputUnit& unit, std::uint64_t) override {
        added_[unit.key] = keys_.canonical_path(unit.file);
    }
    void article(Article&& a) override;
    void bad_record(const Origin&, const std::string&) override {}
    /// On a parse worker (or, for a page to keep, on the walk's thread): the page's blocks read
    /// (PageReading) and the short ones' descriptions (PreparedPage).
    std::any prepare(const Article& a) const override;
    /// Back in dump order: the descriptions into this thread's memo (BlockMemoScope, for the
    /// second pass), the page counted from its reading.
    void article_prepared(Article&& a, std::any&& prepared) override;
    /// The same for a page kept for the second pass, which gets the PageReading with it.
    void article_kept(const Article& a, std::any& prepared) override;
    std::size_t prepared_bytes(const std::any& prepared) const override;
    /// Count a page by its hashes (add_hashes_to_stats), in its batches too; `stats_hashes`: the
    /// hashes are page_stats_hashes already.
    void add(const Article& a, std::vector<std::uint64_t> hashes, bool stats_hashes = false);

    BlockStats& stats_;
    BlockStats* batches_;
    BatchClock clock_;
    InputKeys& keys_;
    const std::map<std::string, std::string>& counted_;
    ArticleSource source_;
    std::map<std::string, std::string> added_;
    std::uint64_t pages_ = 0;
};

}  // namespace khabar::cleaning
