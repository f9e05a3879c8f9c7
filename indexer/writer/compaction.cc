/** @file
 * @brief Shard compaction with Xapian::Database::compact and an atomic swap of directories.
 */
#include "writer/compaction.h"

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "database/layout.h"
#include "error.h"
#include "writer/index_writer.h"

namespace khabar {

namespace fs = std::filesystem;

namespace {

void replace_dir(const fs::path& fresh, const fs::path& target) {
    fs::path old = target;
    old += ".old";
    fs::remove_all(old);
    fs::rename(target, old);
    fs::rename(fresh, target);
    fs::remove_all(old);
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
        if (merge && names.size() > 1) {
            Xapian::Database all;
            for (const auto& n : names) all.add_database(Xapian::Database((dir / n).string()));
            fs::path out = dir / "shard-merged.tmp";
            fs::remove_all(out);
            all.compact(out.string(), Xapian::DBCOMPACT_MULTIPASS);
            locks.clear();
            for (const auto& n : names) fs::remove_all(dir / n);
            fs::rename(out, dir / shard_name(0));
            write_stub(dir, {shard_name(0)});
            r.shards_after = 1;
        } else {
            for (std::size_t i = 0; i < names.size(); ++i) {
                fs::path shard = dir / names[i];
                fs::path out = shard;
                out += ".compact.tmp";
                fs::remove_all(out);
                Xapian::Database(shard.string())
                    .compact(out.string(), Xapian::DBCOMPACT_NO_RENUMBER);
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
