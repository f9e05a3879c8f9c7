/** @file
 * @brief `khabar stats`: document count, languages, dated articles, date range, database size.
 */
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "database.h"
#include "database/schema.h"
#include "dates/date.h"
#include "flags.h"
#include "render/output.h"

namespace khabar::cli {

namespace {

std::uintmax_t directory_size(const std::string& path) {
    std::error_code ec;
    std::uintmax_t size = 0;
    if (std::filesystem::is_regular_file(path, ec)) return std::filesystem::file_size(path, ec);
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) size += it->file_size(ec);
    return size;
}

std::string slot_to_iso(const std::string& slot) {
    if (slot.size() != 8) return {};
    return slot.substr(0, 4) + "-" + slot.substr(4, 2) + "-" + slot.substr(6, 2);
}

}  // namespace

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
        auto db = open_for_reading(paths);
        std::map<std::string, Xapian::doccount> langs;
        const std::string lp(schema::prefix_lang);
        for (auto t = db.allterms_begin(lp); t != db.allterms_end(lp); ++t)
            langs[(*t).substr(lp.size())] = t.get_termfreq();
        Xapian::doccount docs = db.get_doccount();
        Xapian::doccount dated = db.get_value_freq(schema::slot_date);
        std::string lo = slot_to_iso(db.get_value_lower_bound(schema::slot_date));
        std::string hi = slot_to_iso(db.get_value_upper_bound(schema::slot_date));
        std::uintmax_t size = 0;
        for (const auto& p : paths) size += directory_size(p);
        if (flags->json) {
            nlohmann::json j = {{"documents", docs},
                                {"languages", langs},
                                {"dated", dated},
                                {"undated", docs - dated},
                                {"date_min", lo.empty() ? nlohmann::json() : nlohmann::json(lo)},
                                {"date_max", hi.empty() ? nlohmann::json() : nlohmann::json(hi)},
                                {"size_bytes", size},
                                {"database", paths}};
            out(j.dump() + "\n");
        } else {
            std::string l;
            for (const auto& [k, v] : langs)
                l += fmt::format("{}{} {}", l.empty() ? "" : ", ", k, v);
            out(
                fmt::format("documents  {}\nlanguages  {}\ndated      {} ({} undated)\ndates      "
                            "{}\nsize       {:.1f} MB\n",
                            docs, l.empty() ? "-" : l, dated, docs - dated,
                            lo.empty() ? "-" : lo + " .. " + hi, size / 1e6));
        }
        out_flush();
        return 0;
    };
}

}  // namespace khabar::cli
