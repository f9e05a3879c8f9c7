/** @file
 * @brief Reading a khabar database: which paths, opening one or several as one (schema checked),
 *        reads that survive a concurrent `khabar index` commit, and an article by id or all.
 */
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <xapian.h>

#include "database/stored_article.h"

namespace khabar {

/// The database paths to use: --db values, else $KHABAR_DB, else ./khabar.db.
std::vector<std::string> resolve_db_paths(const std::vector<std::string>& given);

/// Open every path (a khabar database directory, a Xapian stub file, "host:port" remote shard
/// written as `remote:HOST:PORT`) as one combined read-only database. Throws khabar::Error with a
/// hint when a path is missing or not a khabar database.
Xapian::Database open_for_reading(const std::vector<std::string>& paths);

/// A read is tried again on a newer revision at least this many times, and for at least this
/// long, before its error is let through: an index run committing small batches on a loaded
/// machine can overtake a slow read many times in a row, but not for long.
inline constexpr int read_retries = 20;
inline constexpr std::chrono::seconds read_retry_time{5};

/// Run `read` (which reads `db`) and return what it returns; when a concurrent `khabar index`
/// commit discarded the revision it was reading, reopen `db` at the newest revision and run it
/// again. `read` must be safe to repeat: write output only after what it reads is complete, or
/// keep track of where it got to in `*progress`: then the retries are counted only while that
/// stays the same, so a long walk that gets further between commits is never cut short.
template <typename F>
auto read_with_retry(Xapian::Database& db, F&& read, const std::uint64_t* progress = nullptr)
    -> decltype(read()) {
    std::uint64_t seen = progress ? *progress : 0;
    auto since = std::chrono::steady_clock::now();
    for (int attempt = 0;; ++attempt) {
        if (progress && *progress != seen) {
            seen = *progress;
            attempt = 0;
            since = std::chrono::steady_clock::now();
        }
        const bool last =
            attempt >= read_retries && std::chrono::steady_clock::now() - since >= read_retry_time;
        try {
            return read();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (last) throw;
            db.reopen();
        } catch (const Xapian::DatabaseError&) {
            // A reader more than one commit behind, or one whose shard a compaction replaced,
            // can find its revision's blocks reused or gone, and Xapian reports such reads as
            // corruption ("Expected block 2 to be level 1") or a short read ("EOF reading
            // block"), not as a modification. Retry on the newer revision; when none comes
            // within the retries' time, the error is real. The newer revision may not be visible
            // yet (its commit is being written, reusing the blocks this read met): wait for it a
            // little.
            if (last) throw;
            if (!db.reopen()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
}

/// The stored article with this id, nullopt when there is none.
std::optional<StoredArticle> article_by_id(Xapian::Database& db, std::string_view id);

/// Visit every stored article in docid order. A concurrent commit is survived: the walk goes on
/// from the next docid on the newer revision (an article replaced meanwhile keeps its docid, so
/// each is visited once).
void for_each_article(Xapian::Database& db, const std::function<void(const StoredArticle&)>& fn);

}  // namespace khabar
