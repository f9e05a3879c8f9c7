/** @file
 * @brief ArticleSource: the walk's events and the readers' records of one PATH, filtered and
 *        counted once for every pass.
 */
#include "article_source.h"

#include <sys/stat.h>

#include <cctype>
#include <utility>
#include <vector>

namespace khabar {

namespace {

/// Counts the bytes an entry delivers.
class CountingStream : public EntryStream {
  public:
    CountingStream(EntryStream& in, std::uint64_t& counter) : in_(in), counter_(counter) {}
    std::size_t read(char* buf, std::size_t n) override {
        const std::size_t got = in_.read(buf, n);
        counter_ += got;
        return got;
    }

  private:
    EntryStream& in_;
    std::uint64_t& counter_;
};

enum class PathKind { stream, file, directory };

/// A regular file or a directory can be read again; stdin, pipes, devices and missing paths
/// cannot.
PathKind path_kind(const std::string& path) {
    struct stat st {};
    if (path == "-" || ::stat(path.c_str(), &st) != 0) return PathKind::stream;
    if (S_ISREG(st.st_mode)) return PathKind::file;
    return S_ISDIR(st.st_mode) ? PathKind::directory : PathKind::stream;
}

}  // namespace

bool is_documentation(const std::string& name) {
    std::string upper;
    for (char c : name)
        upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    for (const char* stem : {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES"}) {
        std::string st(stem);
        if (upper == st || upper.rfind(st + ".", 0) == 0) return true;
    }
    return false;
}

/// The walk's events and the readers' records of one read(): filtered, counted, then handed on.
class ArticleSource::Events : public WalkEvents, public RecordSink {
  public:
    Events(ArticleSource& source, ArticleConsumer& consumer)
        : source_(source), consumer_(consumer) {}

    std::uint64_t errors() const { return errors_; }
    std::uint64_t bad_records() const { return bad_records_; }

    // WalkEvents
    void entry(const EntryInfo& info, EntryStream& data) override {
        consumer_.entry_found(info);
        if (is_documentation(info.name())) {
            consumer_.entry_skipped(info, "documentation file, not an article");
            return;
        }
        InputUnit unit{source_.options_.keys ? source_.keys_.entry_key(info) : std::string(),
                       info.file, false};
        if (!unit.key.empty() && consumer_.already_read(unit)) return;
        consumer_.entry_reading(info);
        const std::uint64_t bad_before = bad_records_;
        CountingStream counted(data, source_.bytes_);
        if (!take_kept(info, counted)) read_keeping(info, counted);
        if (!unit.key.empty()) consumer_.read_completely(unit, bad_records_ - bad_before);
    }
    void error(const EntryInfo& info, const std::string& reason) override {
        ++errors_;
        if (KeptPages* keep = source_.options_.keep_in) keep->drop(kept_key(info));
        consumer_.entry_error(info, reason);
    }
    void skipped(const EntryInfo& info, const std::string& reason) override {
        consumer_.entry_skipped(info, reason);
    }

    // RecordSink
    void reading_as(const EntryInfo& info, Format) override {
        ++source_.parsed_;
        if (keeping_) source_.options_.keep_in->begin(kept_key(info));
    }
    void article(Article&& a) override {
        if (keeping_) source_.options_.keep_in->add_article(a);
        consumer_.article(std::move(a));
    }
    void bad_record(const Origin& where, const std::string& reason) override {
        ++bad_records_;
        if (keeping_) source_.options_.keep_in->add_bad_record(where, reason);
        consumer_.bad_record(where, reason);
    }
    void skipped_entry(const EntryInfo& info, const std::string& reason) override {
        consumer_.skipped_entry(info, reason);
    }

  private:
    /// The key entries are kept under: the entry key, whether or not this pass names inputs.
    std::string kept_key(const EntryInfo& info) { return source_.keys_.entry_key(info); }

    /// Deliver the records an earlier pass kept for the entry, then read its bytes (counted; a
    /// failure to read them throws as the reader's would). False when none were kept.
    bool take_kept(const EntryInfo& info, EntryStream& data) {
        KeptPages* kept = source_.options_.take_from;
        if (kept == nullptr || kept->entries() == 0) return false;
        auto records = kept->take(kept_key(info));
        if (!records) return false;
        ++source_.taken_;
        for (KeptRecord& r : *records) {
            if (r.article)
                article(std::move(*r.article));
            else
                bad_record(r.where, r.reason);
        }
        drain_.resize(1 << 16);
        while (data.read(drain_.data(), drain_.size()) > 0) {
        }
        return true;
    }

    /// Read the entry with its reader, keeping its records when this pass keeps them.
    void read_keeping(const EntryInfo& info, EntryStream& data) {
        KeptPages* keep = source_.options_.keep_in;
        keeping_ = keep != nullptr;
        try {
            read_entry(info, data, source_.options_.reader, *this);
        } catch (...) {
            if (keeping_) keep->abandon();
            keeping_ = false;
            throw;
        }
        if (keeping_) keep->commit();
        keeping_ = false;
    }

    ArticleSource& source_;
    ArticleConsumer& consumer_;
    bool keeping_ = false;           // read_keeping is reading an entry for keep_in
    std::vector<char> drain_;        // take_kept's buffer
    std::uint64_t errors_ = 0;       // walk errors (a whole PATH with any is not read completely)
    std::uint64_t bad_records_ = 0;  // records skipped as bad
};

ArticleSource::ArticleSource(InputKeys& keys, SourceOptions options)
    : keys_(keys), options_(std::move(options)) {}

std::string ArticleSource::whole_key(const std::string& path, bool directory) {
    if (!options_.keys || (directory && !options_.whole_directories)) return {};
    return keys_.whole_key(path);
}

void ArticleSource::read(const std::string& path, ArticleConsumer& consumer) {
    const PathKind kind = path_kind(path);
    if (options_.rereadable_only && kind == PathKind::stream) return;
    const InputUnit whole{whole_key(path, kind == PathKind::directory), path, true};
    if (!whole.key.empty() && consumer.already_read(whole)) return;  // not even opened
    Events events(*this, consumer);
    walk_dump(path, options_.limits, events);
    if (!whole.key.empty() && events.errors() == 0)
        consumer.read_completely(whole, events.bad_records());
}

}  // namespace khabar
