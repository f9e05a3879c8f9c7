/** @file
 * @brief Shard compaction with Xapian::Database::compact and an atomic swap of directories.
 */
#include "writer/compaction.h"

#include <fcntl.h>
#include <stdio.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

#include "database/layout.h"
#include "database/schema.h"
#include "error.h"
#include "writer/index_writer.h"

namespace khabar {

namespace fs = std::filesystem;

namespace {

/// A reader sees a newer database (Xapian::Database::reopen) only when the shard's revision
/// differs from the one it holds, and a compacted shard starts again at revision 1. A reader
/// whose open raced with the swap (its version file read from the old shard at revision `old`,
/// some tables from the new one), or a long-lived reader at `old` (`khabar serve`), must see a
/// different revision to reopen the new shard whole. Marking the shard as compacted is one commit;
/// a second is made only when that lands on `old` (a cost of one or two commits whatever `old` is).
void mark_compacted(const fs::path& shard, const std::vector<Xapian::rev>& old) {
    const std::string key(schema::compacted_key), when = std::to_string(std::time(nullptr));
    Xapian::WritableDatabase w(shard.string(), Xapian::DB_OPEN);
    do {
        w.set_metadata(key, when + " " + std::to_string(w.get_revision() + 1));
        w.commit();
    } while (std::find(old.begin(), old.end(), w.get_revision()) != old.end());
}

/// Put the compacted shard `fresh` in place of `target`, in one step (Linux renameat2
/// RENAME_EXCHANGE), so that neither a reader opening the database nor a kill at any moment ever
/// finds the shard missing. Returns where the old shard now is, for the caller to remove once it
/// has released the old shard's lock (a leftover is removed by the next compaction). Where the
/// file system cannot exchange, two renames.
fs::path replace_dir(const fs::path& fresh, const fs::path& target) {
    if (renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0)
        return fresh;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        throw fs::filesystem_error("exchanging with the compacted shard", fresh, target,
                                   std::error_code(errno, std::generic_category()));
    fs::path old = target;
    old += ".old";
    fs::remove_all(old);
    fs::rename(target, old);
    fs::rename(fresh, target);
    return old;
}

/// The first shard name (shard-0, shard-1, …) that `listed` does not hold.
std::string unused_shard_name(const std::vector<std::string>& listed) {
    for (unsigned i = 0;; ++i)
        if (std::find(listed.begin(), listed.end(), shard_name(i)) == listed.end())
            return shard_name(i);
}

}  // namespace

CompactionResult compact_database(const std::string& dir_str, bool merge) {
    const fs::path dir(dir_str);
    CompactionResult r;
    r.bytes_before = disk_usage(dir_str);
    std::vector<std::string> names = read_stub(dir);
    r.shards_before = static_cast<unsigned>(names.size());
    try {
        // Hold every shard's write lock: no indexer may change them while we rewrite.
        std::vector<std::unique_ptr<Xapian::WritableDatabase>> locks;
        for (const auto& n : names)
            locks.push_back(
                std::make_unique<Xapian::WritableDatabase>((dir / n).string(), Xapian::DB_OPEN));
        // Shard directories the stub does not list are what a killed merge left behind.
        for (const auto& entry : fs::directory_iterator(dir)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(shard_prefix, 0) == 0 &&
                std::find(names.begin(), names.end(), name) == names.end())
                fs::remove_all(entry.path());
        }
        if (merge && names.size() > 1) {
            Xapian::Database all;
            for (const auto& n : names) all.add_database(Xapian::Database((dir / n).string()));
            fs::path out = dir / "compacting-merged";
            fs::remove_all(out);
            all.compact(out.string(), Xapian::DBCOMPACT_MULTIPASS);
            std::vector<Xapian::rev> old;
            for (const auto& w : locks) old.push_back(w->get_revision());
            mark_compacted(out, old);
            // Under a name the stub does not list, switched to by rewriting the stub (atomic),
            // and only then the old shards removed: a kill at any point leaves a stub whose
            // shards all exist (the old ones, or the merged one). The old shards stay locked
            // until they are gone: no index run can write into them meanwhile.
            const std::string merged = unused_shard_name(names);
            fs::remove_all(dir / merged);
            fs::rename(out, dir / merged);
            write_stub(dir, {merged});
            for (const auto& n : names) fs::remove_all(dir / n);
            locks.clear();
            r.shards_after = 1;
        } else {
            for (std::size_t i = 0; i < names.size(); ++i) {
                fs::path shard = dir / names[i];
                // Not named shard-…: a leftover of a killed run is no shard of the database.
                fs::path out = dir / ("compacting-" + names[i]);
                fs::remove_all(out);
                Xapian::Database(shard.string())
                    .compact(out.string(), Xapian::DBCOMPACT_NO_RENUMBER);
                mark_compacted(out, {locks[i]->get_revision()});
                // Swapped while still locked: an index run that gets the lock after this opens
                // the new shard, never the old one that is about to be removed.
                const fs::path old = replace_dir(out, shard);
                locks[i].reset();
                fs::remove_all(old);
            }
            r.shards_after = r.shards_before;
        }
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, dir_str);
    } catch (const fs::filesystem_error& e) {
        throw Error("compacting '" + dir_str + "': " + e.what());
    }
    r.bytes_after = disk_usage(dir_str);
    return r;
}

}  // namespace khabar
