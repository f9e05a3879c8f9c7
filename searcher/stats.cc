/** @file
 * @brief database_stats: counts from the index's terms and value bounds, size from the files.
 */
#include "stats.h"

#include <map>

#include "database/layout.h"
#include "database/reader.h"
#include "database/schema.h"
#include "dates/date.h"

namespace khabar {

namespace {

/// "YYYY-MM-DD" of a date slot bound; null when there is none.
nlohmann::json slot_to_iso(const std::string& slot) {
    if (slot.empty()) return nullptr;
    return Date::from_slot(slot, 'd').iso();
}

}  // namespace

nlohmann::json database_stats(Xapian::Database& db, const std::vector<std::string>& paths) {
    std::uint64_t size = 0;
    for (const auto& p : paths) size += disk_usage(p);
    return read_with_retry(db, [&]() -> nlohmann::json {
        std::map<std::string, Xapian::doccount> langs;
        const std::string lp(schema::prefix_lang);
        for (auto t = db.allterms_begin(lp); t != db.allterms_end(lp); ++t)
            langs[(*t).substr(lp.size())] = t.get_termfreq();
        const Xapian::doccount docs = db.get_doccount();
        const Xapian::doccount dated = db.get_value_freq(schema::slot_date);
        return {{"documents", docs},
                {"languages", langs},
                {"dated", dated},
                {"undated", docs - dated},
                {"date_min", slot_to_iso(db.get_value_lower_bound(schema::slot_date))},
                {"date_max", slot_to_iso(db.get_value_upper_bound(schema::slot_date))},
                {"size_bytes", size},
                {"database", paths}};
    });
}

}  // namespace khabar
