/** @file
 * @brief Open one or more khabar databases (local, stub, remote) as one, and read through
 *        concurrent commits.
 */
#include "database/reader.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "database/layout.h"
#include "database/packed_record.h"
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
    // As read_with_retry: a run committing small batches can replace the revision many times in
    // a row while it is being opened, but not for long.
    const auto since = std::chrono::steady_clock::now();
    for (int attempt = 0;; ++attempt) {
        const bool last =
            attempt >= read_retries && std::chrono::steady_clock::now() - since >= read_retry_time;
        try {
            Xapian::Database db(path);
            return db;
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw Error("'" + path + "' is not a khabar database: " + e.get_msg(),
                        "pass the directory `khabar index --db` created");
        } catch (const Xapian::DatabaseModifiedError&) {
            // A commit replaced the revision while it was being opened: open the new one.
            if (last) throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            if (last) throw;  // the same, reported as a reused block
        }
        if (attempt >= read_retries) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

}  // namespace

namespace {

/// What a path names, shard by shard: the shards a database directory's stub lists (each one's
/// metadata is its own: its schema, its record dictionaries), else the path itself.
std::vector<std::string> shard_paths(const std::string& path) {
    namespace fs = std::filesystem;
    if (path.rfind("remote:", 0) == 0 || !has_stub(path)) return {path};
    std::vector<std::string> out;
    for (const auto& name : read_stub(path)) out.push_back((fs::path(path) / name).string());
    return out;
}

}  // namespace

Xapian::Database open_for_reading(const std::vector<std::string>& paths) {
    Xapian::Database db;
    std::vector<std::string> shards;
    for (const auto& p : paths) {
        for (const auto& shard : shard_paths(p)) {
            Xapian::Database one = open_one(shard);
            const std::string v = read_with_retry(
                one, [&] { return one.get_metadata(std::string(schema::version_key)); });
            if (!v.empty() && v != schema::version && v != schema::version_json_data)
                throw Error("database '" + p + "' has schema version " + v +
                                ", this khabar reads " + std::string(schema::version) + " and " +
                                std::string(schema::version_json_data),
                            "rebuild it with `khabar index --overwrite`");
            read_with_retry(one, [&] { load_record_dictionaries({one}, nullptr); });
            db.add_database(one);
            shards.push_back(shard);
        }
    }
    // A dictionary committed after this opening is looked up in the shards opened anew.
    load_record_dictionaries({}, [shards] {
        std::vector<Xapian::Database> fresh;
        for (const auto& shard : shards) fresh.push_back(open_one(shard));
        return fresh;
    });
    return db;
}

std::optional<StoredArticle> article_by_id(Xapian::Database& db, std::string_view id) {
    const std::string term = std::string(schema::prefix_id) + std::string(id);
    return read_with_retry(db, [&]() -> std::optional<StoredArticle> {
        auto p = db.postlist_begin(term);
        if (p == db.postlist_end(term)) return std::nullopt;
        return StoredArticle::of(db.get_document(*p));
    });
}

void for_each_article(Xapian::Database& db, const std::function<void(const StoredArticle&)>& fn) {
    std::uint64_t next = 1;  // the docid to go on from
    read_with_retry(
        db,
        [&] {
            auto it = db.postlist_begin("");
            if (it != db.postlist_end("")) it.skip_to(static_cast<Xapian::docid>(next));
            for (; it != db.postlist_end(""); ++it) {
                const StoredArticle article = StoredArticle::of(db.get_document(*it));
                next = *it + 1;
                fn(article);
            }
        },
        &next);
}

}  // namespace khabar
