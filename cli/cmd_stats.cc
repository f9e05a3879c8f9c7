/** @file
 * @brief `khabar stats`: document count, languages, dated articles, date range, database size.
 */
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "database/layout.h"
#include "database/reader.h"
#include "database/schema.h"
#include "dates/date.h"
#include "flags.h"
#include "render/output.h"

namespace khabar::cli {

namespace {

/// A date slot bound (the earliest or latest YYYYMMDD) as YYYY-MM-DD, "" when there is none.
std::string slot_to_iso(const std::string& slot) {
    return Date::from_slot(slot, 'd').iso();
}

/// What `stats` reports of a database's contents.
struct Contents {
    std::map<std::string, Xapian::doccount> langs;
    Xapian::doccount docs = 0, dated = 0;
    std::string lo, hi;  ///< earliest and latest date, "" when none is dated
};

Contents contents_of(Xapian::Database& db) {
    return read_with_retry(db, [&] {
        Contents c;
        const std::string lp(schema::prefix_lang);
        for (auto t = db.allterms_begin(lp); t != db.allterms_end(lp); ++t)
            c.langs[(*t).substr(lp.size())] = t.get_termfreq();
        c.docs = db.get_doccount();
        c.dated = db.get_value_freq(schema::slot_date);
        c.lo = slot_to_iso(db.get_value_lower_bound(schema::slot_date));
        c.hi = slot_to_iso(db.get_value_upper_bound(schema::slot_date));
        return c;
    });
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
        const auto [langs, docs, dated, lo, hi] = contents_of(db);
        std::uint64_t size = 0;
        for (const auto& p : paths) size += disk_usage(p);
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
