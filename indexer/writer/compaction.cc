/** @file
 * @brief Shard compaction with Xapian::Database::compact and an atomic swap of directories.
 */
#include "writer/compaction.h"

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "error.h"
#include "writer/index_writer.h"

namespace khabar {

namespace fs = std::filesystem;

std::uint64_t disk_usage(const std::string& path) {
    std::error_code ec;
    std::uint64_t size = 0;
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) size += it->file_size(ec);
    return size;
}

namespace {

std::vector<std::string> stub_shards(const fs::path& dir) {
    std::ifstream in(dir / "XAPIANDB");
    if (!in) throw Error("'" + dir.string() + "' is not a khabar database (no XAPIANDB stub)");
    std::vector<std::string> names;
    std::string backend, name;
    while (in >> backend >> name) names.push_back(name);
    return names;
}

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
    std::vector<std::string> names = stub_shards(dir);
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
            fs::rename(out, dir / "shard-0");
            std::ofstream stub(dir / "XAPIANDB.tmp");
            stub << "glass shard-0\n";
            stub.close();
            fs::rename(dir / "XAPIANDB.tmp", dir / "XAPIANDB");
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
