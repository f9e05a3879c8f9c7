/** @file
 * @brief Open one or more khabar databases (local, stub, remote) as one for searching.
 */
#include "database.h"

#include <cstdlib>
#include <filesystem>

#include "database/schema.h"
#include "error.h"

namespace khabar {

std::vector<std::string> resolve_db_paths(const std::vector<std::string>& given) {
    if (!given.empty()) return given;
    const char* env = std::getenv("KHABAR_DB");
    if (env && *env) return {env};
    return {"khabar.db"};
}

namespace {

Xapian::Database open_one(const std::string& path) {
    namespace fs = std::filesystem;
    if (path.rfind("remote:", 0) == 0) {
        std::string rest = path.substr(7);
        auto colon = rest.rfind(':');
        if (colon == std::string::npos)
            throw Error("bad remote database '" + path + "'", "write it as remote:HOST:PORT");
        return Xapian::Remote::open(rest.substr(0, colon),
                                    static_cast<unsigned>(std::stoul(rest.substr(colon + 1))));
    }
    if (!fs::exists(path))
        throw Error("no database at '" + path + "'", "build one with `khabar index --db " + path +
                                                         " DUMP`, or pass --db / set KHABAR_DB");
    try {
        Xapian::Database db(path);
        return db;
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw Error("'" + path + "' is not a khabar database: " + e.get_msg(),
                    "pass the directory `khabar index --db` created");
    }
}

}  // namespace

Xapian::Database open_for_reading(const std::vector<std::string>& paths) {
    Xapian::Database db;
    for (const auto& p : paths) {
        Xapian::Database one = open_one(p);
        std::string v = one.get_metadata(std::string(schema::version_key));
        if (!v.empty() && v != schema::version)
            throw Error("database '" + p + "' has schema version " + v + ", this khabar reads " +
                            std::string(schema::version),
                        "rebuild it with `khabar index --overwrite`");
        db.add_database(one);
    }
    return db;
}

}  // namespace khabar
