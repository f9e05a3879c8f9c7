/** @file
 * @brief `khabar compact`: rewrite the database's shards compactly (smaller, faster searches).
 */
#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "database/reader.h"
#include "writer/compaction.h"

namespace khabar::cli {

Runner add_compact_command(CLI::App& app) {
    struct Flags {
        std::string db;
        bool merge = false;
    };
    auto flags = std::make_shared<Flags>();
    auto* cmd = add_command(app, "compact");
    cmd->footer(
        "\nCompaction needs free disk space about the size of one shard (or of the whole database\n"
        "with --merge) and takes the write lock: no `khabar index` may run meanwhile.\n"
        "Exit status: 0 done, 2 error.");
    cmd->add_option("--db", flags->db,
                    "database directory (default: $KHABAR_DB, else ./khabar.db)");
    cmd->add_flag("--merge", flags->merge,
                  "merge all shards into one (fastest searches; later index runs use one writer)");
    return [flags]() -> int {
        std::string db = resolve_db_paths(flags->db.empty() ? std::vector<std::string>{}
                                                            : std::vector<std::string>{flags->db})
                             .front();
        auto r = compact_database(db, flags->merge);
        std::cerr << fmt::format("khabar: compacted {}: {:.1f} MB -> {:.1f} MB, {} -> {} shards\n",
                                 db, r.bytes_before / 1e6, r.bytes_after / 1e6, r.shards_before,
                                 r.shards_after);
        return 0;
    };
}

}  // namespace khabar::cli
