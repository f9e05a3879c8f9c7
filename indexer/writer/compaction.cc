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
/// differs from the one it holds, and a compacted shard starts again at revision 1. So that a
/// reader whose open raced with replace_dir (its version file read from the old shard, some
/// tables from the new one) or a long-lived reader (`khabar serve`) reopens the new shard whole,
/// the compacted shard's revision is lifted above every revision of the shard it replaces
/// (`above`), by committing one metadata change: unsynced while catching up, synced last.
void lift_revision(const fs::path& shard, Xapian::rev above) {
    const std::string key(schema::compacted_key), when = std::to_string(std::time(nullptr));
    const auto bump = [&](Xapian::WritableDatabase& w) {
        w.set_metadata(key, when + " " + std::to_string(w.get_revision() + 1));
        w.commit();
    };
    {
        Xapian::WritableDatabase w(shard.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        while (w.get_revision() + 1 < above + 1) bump(w);
    }
    Xapian::WritableDatabase w(shard.string(), Xapian::DB_OPEN);
    bump(w);
}

/// Put the compacted shard `fresh` in place of `target`. Exchanged in one step (Linux
/// renameat2 RENAME_EXCHANGE), so that neither a reader opening the database nor a kill at any
/// moment ever finds the shard missing; the old shard, now under `fresh`'s name, is then removed
/// (a leftover one is removed by the next compaction). Where the file system cannot exchange,
/// two renames.
void replace_dir(const fs::path& fresh, const fs::path& target) {
    if (renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(fresh);
        return;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        throw fs::filesystem_error("exchanging with the compacted shard", fresh, target,
                                   std::error_code(errno, std::generic_category()));
    fs::path old = target;
    old += ".old";
    fs::remove_all(old);
    fs::rename(target, old);
    fs::rename(fresh, target);
    fs::remove_all(old);
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
            Xapian::rev above = 0;
            for (const auto& w : locks) above = std::max(above, w->get_revision());
            lift_revision(out, above);
            locks.clear();
            // Under a name the stub does not list, switched to by rewriting the stub (atomic),
            // and only then the old shards removed: a kill at any point leaves a stub whose
            // shards all exist (the old ones, or the merged one).
            const std::string merged = unused_shard_name(names);
            fs::remove_all(dir / merged);
            fs::rename(out, dir / merged);
            write_stub(dir, {merged});
            for (const auto& n : names) fs::remove_all(dir / n);
            r.shards_after = 1;
        } else {
            for (std::size_t i = 0; i < names.size(); ++i) {
                fs::path shard = dir / names[i];
                // Not named shard-…: a leftover of a killed run is no shard of the database.
                fs::path out = dir / ("compacting-" + names[i]);
                fs::remove_all(out);
                Xapian::Database(shard.string())
                    .compact(out.string(), Xapian::DBCOMPACT_NO_RENUMBER);
                lift_revision(out, locks[i]->get_revision());
                locks[i].reset();
                replace_dir(out, shard);
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
