/** @file
 * @brief database_stats: counts from the index's terms and value bounds, size from the files.
 */
#include "stats.h"

#include <filesystem>
#include <map>

#include "database/schema.h"

namespace khabar {

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

/// "YYYY-MM-DD" of a date slot value; null when there is none.
nlohmann::json slot_to_iso(const std::string& slot) {
    if (slot.size() != 8) return nullptr;
    return slot.substr(0, 4) + "-" + slot.substr(4, 2) + "-" + slot.substr(6, 2);
}

}  // namespace

nlohmann::json database_stats(const Xapian::Database& db, const std::vector<std::string>& paths) {
    std::map<std::string, Xapian::doccount> langs;
    const std::string lp(schema::prefix_lang);
    for (auto t = db.allterms_begin(lp); t != db.allterms_end(lp); ++t)
        langs[(*t).substr(lp.size())] = t.get_termfreq();
    const Xapian::doccount docs = db.get_doccount();
    const Xapian::doccount dated = db.get_value_freq(schema::slot_date);
    std::uintmax_t size = 0;
    for (const auto& p : paths) size += directory_size(p);
    return {{"documents", docs},
            {"languages", langs},
            {"dated", dated},
            {"undated", docs - dated},
            {"date_min", slot_to_iso(db.get_value_lower_bound(schema::slot_date))},
            {"date_max", slot_to_iso(db.get_value_upper_bound(schema::slot_date))},
            {"size_bytes", size},
            {"database", paths}};
}

}  // namespace khabar
