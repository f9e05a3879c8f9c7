/** @file
 * @brief `khabar stats`: document count, languages, dated articles, date range, database size.
 */
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "database/reader.h"
#include "flags.h"
#include "render/output.h"
#include "stats.h"

namespace khabar::cli {

Runner add_stats_command(CLI::App& app) {
    struct Flags {
        DatabaseFlag db;
        bool json = false;
    };
    auto flags = std::make_shared<Flags>();
    auto* cmd = add_command(app, "stats");
    flags->db.add_to(*cmd);
    cmd->add_flag("--json", flags->json, "one JSON object");
    return [flags]() -> int {
        auto paths = flags->db.paths();
        Xapian::Database db = open_for_reading(paths);
        const nlohmann::json stats = database_stats(db, paths);
        if (flags->json) {
            out(stats.dump() + "\n");
        } else {
            std::string l;
            for (const auto& [k, v] : stats["languages"].items())
                l += fmt::format("{}{} {}", l.empty() ? "" : ", ", k, v.get<Xapian::doccount>());
            const auto docs = stats["documents"].get<Xapian::doccount>();
            const auto dated = stats["dated"].get<Xapian::doccount>();
            const std::string lo =
                stats["date_min"].is_string() ? stats["date_min"].get<std::string>() : "";
            const std::string hi =
                stats["date_max"].is_string() ? stats["date_max"].get<std::string>() : "";
            out(fmt::format(
                "documents  {}\nlanguages  {}\ndated      {} ({} undated)\ndates      "
                "{}\nsize       {:.1f} MB\n",
                docs, l.empty() ? "-" : l, dated, docs - dated, lo.empty() ? "-" : lo + " .. " + hi,
                static_cast<double>(stats["size_bytes"].get<std::uintmax_t>()) / 1e6));
        }
        out_flush();
        return 0;
    };
}

}  // namespace khabar::cli
