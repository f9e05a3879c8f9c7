/** @file
 * @brief ShardWriter and ShardedIndex: the Xapian shards of a database, written with explicit
 *        batched commits, resume checkpoints and clear errors.
 */
#include "writer/index_writer.h"

#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "database/layout.h"
#include "database/schema.h"
#include "error.h"

namespace khabar {

namespace {

/// The full disk (or file size limit) hit while writing the shard at `path`.
Error disk_full(const std::string& path, const std::string& detail) {
    return Error("disk full (or file size limit) while writing '" + path + "': " + detail,
                 "free space and rerun the same command: what was committed is kept");
}

}  // namespace

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
    if (mentions("No space left") || mentions(std::strerror(ENOSPC)) ||
        mentions(std::strerror(EFBIG)) || mentions("File too large") || mentions("Disk quota"))
        throw disk_full(path, detail);
    if (mentions("ermission denied") || mentions("Read-only"))
        throw Error("cannot write database '" + path + "': " + detail,
                    "check permissions, or pass another --db");
    throw Error("database '" + path + "': " + type + ": " + detail);
}

namespace fs = std::filesystem;

namespace {

/// The shard whose Xapian commit may run on this thread now, null when none (see ShardWriter).
thread_local const std::string* committing = nullptr;
/// The terminate handler before ShardWriter's, for every other termination.
std::terminate_handler handler_before = nullptr;

/// Marks this thread, for its lifetime, as one where Xapian may commit the shard at `path`.
class CommitScope {
  public:
    explicit CommitScope(const std::string& path) : before_(std::exchange(committing, &path)) {}
    ~CommitScope() { committing = before_; }
    CommitScope(const CommitScope&) = delete;
    CommitScope& operator=(const CommitScope&) = delete;

  private:
    const std::string* before_;
};

/// Whether the shard at `path` has no room for another block: one of its files within a block
/// (glass's largest) of the file size limit, or its file system without a free block.
bool out_of_room(const std::string& path) {
    constexpr std::uintmax_t block = 65536;
    rlimit limit{};
    if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        std::error_code ec;
        for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
            const std::uintmax_t size = it->file_size(ec);
            if (!ec && size + block > limit.rlim_cur) return true;
        }
    }
    struct statvfs v {};
    if (statvfs(path.c_str(), &v) != 0) return false;
    const std::uintmax_t free_blocks = geteuid() == 0 ? v.f_bfree : v.f_bavail;
    return free_blocks * v.f_frsize < block;
}

/// On a thread where Xapian was committing a shard: khabar's error, then exit_error at once (the
/// shards keep their last commit, as after a kill). Else the handler set before.
[[noreturn]] void terminate_in_commit() {
    if (const std::string* path = committing) {
        std::string text;
        try {
            const Error e =
                out_of_room(*path)
                    ? disk_full(*path,
                                "a write failed inside Xapian's commit, which then ended "
                                "the process")
                    : Error("writing '" + *path +
                                "' failed inside Xapian's commit, which then ended the process "
                                "(a write error it cannot report)",
                            "check the disk and rerun the same command: what was committed is "
                            "kept");
            text = "khabar: error: " + std::string(e.what()) + "\nkhabar: hint: " + e.hint() + "\n";
        } catch (...) {
            text = "khabar: error: a write failed inside Xapian's commit\n";
        }
        [[maybe_unused]] const auto written = ::write(STDERR_FILENO, text.data(), text.size());
        std::_Exit(exit_error);
    }
    if (handler_before) handler_before();
    std::abort();
}

}  // namespace

ShardWriter::ShardWriter(const std::string& path, const WriterOptions& options, bool create,
                         std::shared_ptr<DictionarySampler> sampler)
    : path_(path), batch_docs_(options.batch_docs) {
    static std::once_flag once;
    std::call_once(once, [] { handler_before = std::set_terminate(terminate_in_commit); });
    try {
        int flags = create ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
        db_ = Xapian::WritableDatabase(path, flags | Xapian::DB_BACKEND_GLASS);
        std::string v = db_.get_metadata(std::string(schema::version_key));
        if (!v.empty() && v != schema::version && v != schema::version_json_data)
            throw Error("database '" + path + "' has schema version " + v,
                        "rebuild it with `khabar index --overwrite`");
        if (v.empty())  // a new shard: every article it will hold carries its key term
            db_.set_metadata(std::string(schema::dup_terms_key), "1");
        // The articles this run adds are packed (schema::version): a schema 1 shard says 2.
        if (v != schema::version)
            db_.set_metadata(std::string(schema::version_key), std::string(schema::version));
        // The shard's dictionary (a merged shard's first), which this run's records use too.
        const std::string prefix(schema::record_dictionary_prefix);
        auto it = db_.metadata_keys_begin(prefix);
        packer_ = std::make_unique<RecordPacker>(
            it == db_.metadata_keys_end(prefix) ? std::string() : db_.get_metadata(*it),
            std::move(sampler));
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path);
    }
}

ShardWriter::~ShardWriter() {
    // Xapian commits what is pending when the database is closed, and swallows the errors it can
    // report.
    const CommitScope scope(path_);
    db_ = Xapian::WritableDatabase();
}

void ShardWriter::put(const std::string& id_term, Xapian::Document doc,
                      const StoredArticle& record) {
    const CommitScope scope(path_);  // Xapian commits by itself after many changes
    try {
        doc.set_data(packer_->pack(record));
        // Committed with the records that name it, never after them.
        if (auto d = packer_->take_new_dictionary()) db_.set_metadata(d->key(), d->bytes());
        db_.replace_document(id_term, doc);
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path_);
    }
    if (++pending_ >= batch_docs_) commit();
}

std::optional<std::string> ShardWriter::value_of(const std::string& id_term, unsigned slot) const {
    try {
        auto it = db_.postlist_begin(id_term);
        if (it == db_.postlist_end(id_term)) return std::nullopt;
        return db_.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(slot);
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path_);
    }
}

void ShardWriter::commit() {
    const CommitScope scope(path_);
    try {
        db_.commit();
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path_);
    }
    pending_ = 0;
}

void ShardWriter::mark_done(const std::string& key, std::uint64_t skipped) {
    try {
        // "1" alone (as before skip counts were kept) or "1 skipped=N".
        db_.set_metadata(std::string(schema::done_key_prefix) + key,
                         skipped ? "1 skipped=" + std::to_string(skipped) : std::string("1"));
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path_);
    }
}

std::map<std::string, std::uint64_t> ShardWriter::done_keys() const {
    std::map<std::string, std::uint64_t> keys;
    const std::string prefix(schema::done_key_prefix);
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        const std::string value = db_.get_metadata(*it);
        auto eq = value.find("skipped=");
        keys[(*it).substr(prefix.size())] =
            eq == std::string::npos ? 0 : std::strtoull(value.c_str() + eq + 8, nullptr, 10);
    }
    return keys;
}

std::string ShardWriter::metadata(const std::string& key) const {
    try {
        return db_.get_metadata(key);
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path_);
    }
}

void ShardWriter::set_metadata(const std::string& key, const std::string& value) {
    try {
        db_.set_metadata(key, value);
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path_);
    }
}

std::vector<std::string> ShardWriter::metadata_keys(const std::string& prefix) const {
    std::vector<std::string> out;
    try {
        for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it)
            out.push_back(*it);
    } catch (const Xapian::Error& e) {
        rethrow_write_error(e, path_);
    }
    return out;
}

std::map<std::string, std::uint64_t> ShardedIndex::done_everywhere() const {
    std::map<std::string, std::size_t> seen;
    std::map<std::string, std::uint64_t> skipped;
    for (const auto& s : shards_)
        for (const auto& [k, n] : s->done_keys()) {
            ++seen[k];
            skipped[k] = std::max(skipped[k], n);
        }
    std::map<std::string, std::uint64_t> out;
    for (const auto& [k, n] : seen)
        if (n == shards_.size()) out[k] = skipped[k];
    return out;
}

ShardedIndex::ShardedIndex(const std::string& dir, const WriterOptions& options) {
    const fs::path root(dir);
    std::error_code ec;
    if (is_plain_glass(root)) {
        // A plain single glass database (e.g. a compacted one): one shard.
        shards_.push_back(std::make_unique<ShardWriter>(dir, options, options.overwrite, sampler_));
        return;
    }
    bool create = options.overwrite || !has_stub(root);
    if (fs::exists(root, ec) && !fs::is_directory(root, ec))
        throw Error("'" + dir + "' exists and is not a database directory");
    if (create && fs::exists(root, ec) && !options.overwrite) {
        // A run killed while creating the database leaves only shard-* directories: resume it.
        for (const auto& entry : fs::directory_iterator(root, ec)) {
            std::string name = entry.path().filename().string();
            if (name.rfind(shard_prefix, 0) != 0 && name != std::string(stub_file) + ".tmp")
                throw Error("'" + dir + "' exists and is not a khabar database",
                            "choose another --db, or pass --overwrite to replace it");
        }
    }
    std::vector<std::string> names;
    try {
        if (create) {
            unsigned n =
                options.shards ? options.shards : std::max(1u, std::thread::hardware_concurrency());
            fs::create_directories(root);
            // --overwrite: make sure no indexer holds the old shards (their lock), then remove
            // them, so a smaller shard count leaves nothing behind.
            if (has_stub(root)) {
                for (const auto& old : read_stub(root)) {
                    try {
                        Xapian::WritableDatabase probe((root / old).string(), Xapian::DB_OPEN);
                    } catch (const Xapian::DatabaseLockError& e) {
                        rethrow_write_error(e, dir);
                    } catch (const Xapian::Error&) {
                        // missing or broken shard: it is replaced below
                    }
                }
            }
            for (auto& entry : fs::directory_iterator(root))
                if (entry.path().filename().string().rfind(shard_prefix, 0) == 0)
                    fs::remove_all(entry.path());
            fs::remove(root / stub_file);
            for (unsigned i = 0; i < n; ++i) names.push_back(shard_name(i));
        } else {
            names = read_stub(root);
            if (names.empty())
                throw Error("database stub '" + (root / stub_file).string() + "' lists no shards");
        }
    } catch (const fs::filesystem_error& e) {
        throw Error("cannot create database '" + dir + "': " + e.code().message(),
                    "check the path and its permissions");
    }
    // Shards first, then the stub: the directory becomes a database only once every shard exists;
    // a run killed before that leaves shard-* directories that the next run recreates (above).
    for (const auto& name : names)
        shards_.push_back(
            std::make_unique<ShardWriter>((root / name).string(), options, create, sampler_));
    if (create) write_stub(root, names);
}

std::size_t ShardedIndex::shard_of(const std::string& id) const {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a: stable across runs and platforms
    for (unsigned char c : id) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(h % shards_.size());
}

std::uint64_t ShardedIndex::doc_count() const {
    std::uint64_t n = 0;
    for (const auto& s : shards_) n += s->doc_count();
    return n;
}

}  // namespace khabar
