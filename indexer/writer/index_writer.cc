/** @file
 * @brief IndexWriter: Xapian WritableDatabase with explicit batched commits and clear errors.
 */
#include "writer/index_writer.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "error.h"
#include "schema.h"

namespace khabar {

void rethrow_write_error(const Xapian::Error& e, const std::string& path) {
    const std::string type = e.get_type();
    const std::string msg = e.get_msg();
    const std::string sys = e.get_error_string() ? e.get_error_string() : "";
    const std::string detail = msg + (sys.empty() ? "" : " (" + sys + ")");
    auto mentions = [&](const char* what) {
        return msg.find(what) != std::string::npos || sys.find(what) != std::string::npos;
    };
    if (type == "DatabaseLockError")
        throw Error("database '" + path + "' is locked by another khabar index",
                    "wait for it to finish, or index into another --db");
    if (mentions("No space left") || mentions(std::strerror(ENOSPC)))
        throw Error("disk full while writing '" + path + "': " + detail,
                    "free space and rerun the same command: what was committed is kept");
    if (mentions("ermission denied") || mentions("Read-only"))
        throw Error("cannot write database '" + path + "': " + detail,
                    "check permissions, or pass another --db");
    throw Error("database '" + path + "': " + type + ": " + detail);
}

IndexWriter::IndexWriter(const std::string& path, const WriterOptions& options)
    : path_(path), options_(options) {
    namespace fs = std::filesystem;
    try {
        if (fs::exists(path) && !fs::is_directory(path))
            throw Error("'" + path + "' exists and is not a database directory");
        int flags = options.overwrite ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
        db_ = Xapian::WritableDatabase(path, flags | Xapian::DB_BACKEND_GLASS);
        std::string v = db_.get_metadata(std::string(schema::version_key));
        if (!v.empty() && v != schema::version)
            throw Error("database '" + path + "' has schema version " + v,
                        "rebuild it with `khabar index --overwrite`");
        if (v.empty()) db_.set_metadata(std::string(schema::version_key), std::string(schema::version));
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path);
    } catch (const fs::filesystem_error& e) {
        throw Error("cannot open database '" + path + "': " + e.code().message());
    }
}

void IndexWriter::put(const std::string& id_term, const Xapian::Document& doc) {
    try {
        db_.replace_document(id_term, doc);
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path_);
    }
    if (++pending_ >= options_.batch_docs) commit();
}

void IndexWriter::commit() {
    try {
        db_.commit();
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path_);
    }
    committed_ += pending_;
    pending_ = 0;
}

}  // namespace khabar
