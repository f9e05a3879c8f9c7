/** @file
 * @brief walk_dump: files, directories, stdin and every archive or compressed format libarchive
 *        reads, nested archives followed through read callbacks (never extracted to disk).
 *
 * Every byte stream (a file, stdin, an archive member) goes through one decision (plan_for): its
 * first 64 KiB are peeked and sniffed, the name only breaks ties. A stream the consumer holds
 * already (WalkEvents::holds: an earlier pass kept it) is a leaf without being looked at.
 *   - WARC/ARC content or a text start              -> a leaf, the stream itself;
 *   - a compression signature (gzip, bzip2, xz, zstd, lz4, lzip, compress; lzma-alone unless the
 *     name is a text type)                          -> decompress with libarchive's raw format,
 *     then sniff the decompressed bytes again: an archive (x.tar.gz) is read as one, anything
 *     else is one leaf named without the compression extension (x.jsonl.gz -> x.jsonl); WARC/ARC
 *     names stay leaves whatever they hold;
 *   - an archive signature (zip, 7z, rar, xar, cab, ustar, ISO 9660; ar, cpio, lha and v7 tar
 *     unless the name is a text type)               -> libarchive's archive formats;
 *   - no signature but an archive/compression name  -> tried as an archive, delivered unchanged
 *     when it is not one;
 *   - anything else                                 -> a leaf, the stream itself.
 * An archive member is handled the same way one level deeper: a nested archive gets a child
 * libarchive reader whose read callback pulls from the parent's archive_read_data().
 *
 * Three walks, one job each: FileSystemWalk (a PATH: stdin, a file, a directory tree),
 * StreamWalk (one stream: the decision above, decompression, delivery of leaves) and ArchiveWalk
 * (one archive's members). The decision itself is stream_kind.h; the streams are byte_sources.h;
 * libarchive's callbacks and configurations are archive_glue.h.
 */
#include "entries/entry_walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entries/archive_glue.h"
#include "entries/byte_sources.h"
#include "entries/stream_kind.h"

namespace khabar {

namespace {

using namespace entries;

/// Consecutive ARCHIVE_RETRY results (damaged headers being skipped) before giving up.
constexpr int kMaxRetries = 100000;

std::string join_path(const std::string& dir, const std::string& name) {
    if (dir.empty()) return name;
    if (dir.back() == '/') return dir + name;
    return dir + "/" + name;
}

/// The name of a compressed file's one stream: its own name without the compression extension
/// ("x.jsonl.gz" -> "x.jsonl"); "" for compressed stdin.
std::string decompressed_name(const EntryInfo& compressed) {
    if (compressed.file == "-" && compressed.path.empty()) return "";
    std::string name = compressed.name(), stripped;
    return strip_compression_ext(name, stripped) ? stripped : name;
}

// ---------------------------------------------------------------------------------------------
// One stream: what it is, and its leaves

/// Walks one byte stream: a leaf is delivered, a compressed stream decompressed and looked at
/// again, an archive's members walked one level deeper (ArchiveWalk).
class StreamWalk {
  public:
    StreamWalk(const WalkLimits& limits, WalkEvents& events) : limits_(limits), events_(events) {}

    /// Decide what the stream `raw` (described by info, `known_size` bytes when known) is and
    /// walk it. `level` is the nesting level an archive found here is opened at (0 = the dump).
    void handle(const EntryInfo& info, Input& raw, std::int64_t known_size, int level);

    /// Hand a leaf to the consumer; read failures surface as error(), exactly once.
    void deliver(const EntryInfo& info, Input& data);
    /// Whether the consumer holds the stream `info` already (WalkEvents::holds): if so it has
    /// been delivered as a leaf with no bytes, and is not to be looked at.
    bool held(const EntryInfo& info);

    const WalkLimits& limits() const { return limits_; }
    WalkEvents& events() { return events_; }

  private:
    /// Whether an archive or compressed stream found at `level` may be opened; reports why not.
    bool may_open(const EntryInfo& info, const Input& raw, int level, bool seven_zip);
    /// A compressed stream: decompress it, then it is either an archive (x.tar.gz: its members
    /// keep the compressed file as their container) or one leaf named without the compression
    /// extension (x.jsonl.gz -> x.jsonl). WARC/ARC files always stay leaves.
    void decompress(const EntryInfo& info, Peeked& in, std::int64_t known_size, int level);
    /// The decompressed stream `data` of `info` (delivered as `leaf`, or read as an archive).
    void walk_decompressed(const EntryInfo& info, const EntryInfo& leaf, archive* a,
                           MemberInput& stream, const Budget& budget, int level);
    /// Walk the members of an archive read from `in` (ArchiveWalk).
    void read_archive(const EntryInfo& container, const EntryInfo& as_is, Peeked& in,
                      const Budget& budget, int level, bool maybe);

    const WalkLimits& limits_;
    WalkEvents& events_;
};

void StreamWalk::handle(const EntryInfo& info, Input& raw, std::int64_t known_size, int level) {
    if (held(info)) return;
    Peeked in(raw);
    Plan plan = Plan::leaf;
    bool seven_zip = false;
    try {
        std::string_view head = in.peek(kPeekBytes);
        plan = plan_for(info.name(), head);
        seven_zip = is_7z(head);
    } catch (const EntryError& e) {
        events_.error(info, e.what());
        return;
    }
    if (plan == Plan::leaf) {
        deliver(info, in);
        return;
    }
    if (!may_open(info, raw, level, seven_zip)) return;
    in.rewind_if_seekable();
    if (plan == Plan::decompress) {
        decompress(info, in, known_size, level);
    } else {
        Budget budget{known_size, nullptr, false};
        read_archive(info, info, in, budget, level, plan == Plan::maybe_archive);
    }
}

bool StreamWalk::may_open(const EntryInfo& info, const Input& raw, int level, bool seven_zip) {
    if (level > limits_.max_depth) {
        // An error, not a skip: what the archive holds is not indexed, so the user is told.
        events_.error(info, "archive nested deeper than max_depth (" +
                                std::to_string(limits_.max_depth) + "); not opened");
        return false;
    }
    if (seven_zip && !raw.seekable()) {
        events_.error(info,
                      "7z archive inside another archive or on a pipe: 7z needs a "
                      "seekable file, so it is not opened (extract it first)");
        return false;
    }
    return true;
}

void StreamWalk::deliver(const EntryInfo& info, Input& data) {
    try {
        events_.entry(info, data);
        // The consumer swallowed a read failure: still report it.
        if (!data.failure().empty()) events_.error(info, data.failure());
    } catch (const EntryError& e) {
        events_.error(info, e.what());
    }
    // Anything else the consumer throws is its own fatal error: it propagates out of
    // walk_dump (the archive readers on the way are freed by their RAII owners).
}

bool StreamWalk::held(const EntryInfo& info) {
    if (!events_.holds(info)) return false;
    EmptyInput none;
    deliver(info, none);
    return true;
}

void StreamWalk::decompress(const EntryInfo& info, Peeked& in, std::int64_t known_size, int level) {
    ReadContext ctx;  // declared before the archive: it must outlive it
    ctx.in = &in;
    ArchivePtr a(archive_read_new());
    if (!a) {
        events_.error(info, "cannot allocate a decompressor");
        return;
    }
    configure_decompressor(a.get());
    if (!open_reader(a.get(), ctx)) {
        events_.error(info, "cannot decompress: " + archive_message(a.get()));
        return;
    }
    EntryInfo leaf = nested_info(info, decompressed_name(info), -1);
    archive_entry* ae = nullptr;
    int r = archive_read_next_header(a.get(), &ae);
    if (r == ARCHIVE_EOF) {  // compressed nothing: an empty leaf, as the empty file would be
        EmptyInput empty;
        leaf.size = 0;
        deliver(leaf, empty);
        return;
    }
    if (r < ARCHIVE_WARN) {
        events_.error(info, "cannot decompress: " + archive_message(a.get()));
        return;
    }
    Budget budget{known_size, &ctx.consumed, true};
    MemberInput stream(a.get(), limits_, budget);
    walk_decompressed(info, leaf, a.get(), stream, budget, level);
}

void StreamWalk::walk_decompressed(const EntryInfo& info, const EntryInfo& leaf, archive* a,
                                   MemberInput& stream, const Budget& budget, int level) {
    if (held(leaf)) return;  // the one stream, read by an earlier pass: not decompressed again
    stream.set_entry_limit(false);
    Peeked data(stream);
    Plan plan = Plan::leaf;
    try {
        plan = plan_for(leaf.name(), data.peek(kPeekBytes));
    } catch (const EntryError& e) {
        events_.error(info, e.what());
        return;
    }
    if (archive_filter_count(a) <= 1) {
        // Looked compressed, but no filter took it: the bytes are the file itself.
        stream.set_entry_limit(true);
        deliver(info, data);
        return;
    }
    if (is_warc_name(info.name())) plan = Plan::leaf;  // WARC readers parse it later
    switch (plan) {
        case Plan::leaf:
            stream.set_entry_limit(true);
            deliver(leaf, data);
            break;
        case Plan::decompress:  // compressed twice (x.gz.gz); a level deeper, so no loops
            if (level + 1 > limits_.max_depth) {
                events_.error(leaf, "compressed more times than max_depth (" +
                                        std::to_string(limits_.max_depth) + ") allows");
                break;
            }
            decompress(leaf, data, -1, level + 1);
            break;
        case Plan::archive:
        case Plan::maybe_archive:
            read_archive(info, leaf, data, budget, level, plan == Plan::maybe_archive);
            break;
    }
}

// ---------------------------------------------------------------------------------------------
// One archive: its members

/// Walks the members of one archive read from `in`, each handed to the StreamWalk one level
/// deeper and named container.path::member. `budget` is what the ratio guard measures members
/// against. `maybe`: only the name said "archive"; if it is not one, the stream is delivered as
/// the leaf `as_is`.
class ArchiveWalk {
  public:
    ArchiveWalk(StreamWalk& streams, const EntryInfo& container, const EntryInfo& as_is, Peeked& in,
                const Budget& budget, int level, bool maybe)
        : streams_(streams),
          events_(streams.events()),
          container_(container),
          as_is_(as_is),
          in_(in),
          outer_(budget),
          level_(level),
          maybe_(maybe) {}

    void run();

  private:
    /// What a pass says about the next one: members to resume after (0: done), or:
    static constexpr int kRetryAsStream = -1;  ///< a seekable zip whose directory gave nothing

    /// One reader's pass over the archive; members up to `resume_after` were done by an earlier
    /// pass. `stream`: read without seeking (zip members from their local headers, not the
    /// central directory).
    int pass(int resume_after, bool stream);
    /// The archive ended at once although it is a zip that starts with a member: its central
    /// directory is damaged (reported), so read it again as a stream.
    bool empty_zip_directory(archive* a, int index, bool stream);
    /// Walk one member (header read: `r`, `ae`). Returns the pass's result when the pass must
    /// end here (a fatal error inside the member, the bomb guard on a compressed stream), or
    /// nothing to go on with the next member.
    std::optional<int> walk_member(archive* a, archive_entry* ae, int r, const Budget& budget,
                                   int index, bool stream);
    /// Whether the archive's format is zip.
    static bool is_zip(archive* a) {
        return (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
    }
    /// Whether the seekable stream `in` starts with a zip local file header (a member).
    bool starts_with_zip_member();
    std::string where() const {
        return last_.empty() ? std::string() : "after entry " + last_ + ": ";
    }

    StreamWalk& streams_;
    WalkEvents& events_;
    const EntryInfo& container_;
    const EntryInfo& as_is_;
    Peeked& in_;
    const Budget& outer_;
    const int level_;
    const bool maybe_;
    std::string last_;  // last member seen, for messages about what follows it
};

void ArchiveWalk::run() {
    // A fatal error inside one member of a seekable zip ends libarchive's reader; reopen and
    // resume after that member (the central directory makes skipping cheap).
    int resume_after = 0;
    bool stream = false;  // read without seeking: zip members from their local headers
    for (;;) {
        int next = pass(resume_after, stream);
        if (next == kRetryAsStream && !stream && in_.seek(0, SEEK_SET) == 0) {
            stream = true;
            resume_after = 0;
            continue;
        }
        if (next <= resume_after || in_.seek(0, SEEK_SET) != 0) break;
        resume_after = next;
    }
}

int ArchiveWalk::pass(int resume_after, bool stream) {
    ReadContext ctx;  // declared before the archive: it must outlive it
    ctx.in = &in_;
    ArchivePtr a(archive_read_new());
    if (!a) {
        events_.error(container_, "cannot allocate an archive reader");
        return 0;
    }
    configure_archive(a.get(), maybe_);
    if (!open_reader(a.get(), ctx, !stream)) {
        events_.error(container_, "cannot open archive: " + archive_message(a.get()));
        return 0;
    }
    Budget budget = outer_;
    if (!budget.consumed) budget.consumed = &ctx.consumed;

    int retries = 0;
    int index = 0;  // headers read in this pass
    for (;;) {
        archive_entry* ae = nullptr;
        int r = archive_read_next_header(a.get(), &ae);
        if (r == ARCHIVE_EOF)
            return empty_zip_directory(a.get(), index, stream) ? kRetryAsStream : 0;
        if (r == ARCHIVE_RETRY) {  // a damaged header being skipped over
            if (retries++ == 0) events_.error(container_, where() + archive_message(a.get()));
            if (retries > kMaxRetries) break;
            continue;
        }
        retries = 0;
        if (r == ARCHIVE_FATAL) {
            events_.error(container_, where() + archive_message(a.get()));
            break;
        }
        if (++index <= resume_after) continue;  // handled by an earlier pass
        if (archive_format(a.get()) == ARCHIVE_FORMAT_RAW) {
            // Named like an archive but not one: the stream is delivered as it is.
            MemberInput member(a.get(), streams_.limits(), budget);
            streams_.deliver(as_is_, member);
            break;
        }
        if (auto end = walk_member(a.get(), ae, r, budget, index, stream)) return *end;
    }
    return 0;
}

bool ArchiveWalk::empty_zip_directory(archive* a, int index, bool stream) {
    // libarchive's seekable zip reader trusts the central directory: a damaged one can end the
    // archive at once, without an error. Members are still there.
    if (index != 0 || stream || !in_.seekable() || !is_zip(a) || !starts_with_zip_member())
        return false;
    events_.error(container_,
                  "zip central directory lists no members (damaged?); reading the members from "
                  "their local headers instead");
    return true;
}

std::optional<int> ArchiveWalk::walk_member(archive* a, archive_entry* ae, int r,
                                            const Budget& budget, int index, bool stream) {
    std::string mpath = member_path(ae);
    last_ = mpath;
    std::int64_t size = archive_entry_size_is_set(ae) ? archive_entry_size(ae) : -1;
    EntryInfo info = nested_info(container_, mpath, size);
    if (r == ARCHIVE_FAILED) {  // this member's header is unusable; the next may be fine
        events_.error(info, archive_message(a));
        return std::nullopt;
    }
    // r is ARCHIVE_OK or ARCHIVE_WARN (a usable header with a remark).
    auto type = archive_entry_filetype(ae);
    if (type != AE_IFREG && type != 0) return std::nullopt;  // directories, links, devices
    if (archive_entry_hardlink(ae) && size <= 0) return std::nullopt;
    if (mpath.empty() || mpath.back() == '/') return std::nullopt;
    if (is_macos_junk(mpath)) return std::nullopt;
    if (archive_entry_is_data_encrypted(ae)) {
        events_.error(info, "encrypted entry; not supported");
        return std::nullopt;
    }

    MemberInput member(a, streams_.limits(), budget);
    streams_.handle(info, member, size, level_ + 1);

    if (member.fatal())  // already reported by whoever read it
        return is_zip(a) && in_.seekable() && !stream && !budget.stream_compressed ? index : 0;
    if (member.limit_hit() && budget.stream_compressed) {
        // Skipping the rest of a compressed stream means decompressing the bomb.
        events_.skipped(container_, "rest of the archive not read after " + mpath +
                                        " hit the decompression bomb guard");
        return 0;
    }
    return std::nullopt;
}

bool ArchiveWalk::starts_with_zip_member() {
    char sig[4] = {};
    if (in_.seek(0, SEEK_SET) != 0) return false;
    std::size_t got = 0;
    try {
        while (got < sizeof sig) {
            std::size_t n = in_.read(sig + got, sizeof sig - got);
            if (n == 0) break;
            got += n;
        }
    } catch (const EntryError&) {
        return false;
    }
    return got == sizeof sig && std::memcmp(sig, "PK\x03\x04", 4) == 0;
}

void StreamWalk::read_archive(const EntryInfo& container, const EntryInfo& as_is, Peeked& in,
                              const Budget& budget, int level, bool maybe) {
    ArchiveWalk(*this, container, as_is, in, budget, level, maybe).run();
}

// ---------------------------------------------------------------------------------------------
// Files and directories

/// Walks a PATH on disk: stdin, a file, or a directory tree in sorted order (symlink loops and
/// directories reached twice are skipped); every file is handed to the StreamWalk.
class FileSystemWalk {
  public:
    explicit FileSystemWalk(StreamWalk& streams) : streams_(streams), events_(streams.events()) {}

    void walk_path(const std::string& path);

  private:
    struct Dir {
        dev_t dev;
        ino_t ino;
        std::string path;
    };

    void walk_dir(const std::string& path, const struct stat& st, std::vector<Dir>& ancestors);
    /// Whether the directory was met before: an ancestor (a symlink loop) or walked already.
    bool seen_before(const EntryInfo& info, const struct stat& st,
                     const std::vector<Dir>& ancestors);
    /// The names in a directory, sorted ("." and ".." left out); errors reported.
    std::vector<std::string> list_dir(const EntryInfo& info);
    /// One name of a directory: a directory, a regular file, or something skipped.
    void walk_child(const std::string& child, std::vector<Dir>& ancestors);
    void walk_file(const std::string& path);
    /// A path that stat() could not follow: a broken symbolic link, a symlink loop, or `err`.
    void report_stat_failure(const EntryInfo& info, int err, bool loops_are_skipped);

    StreamWalk& streams_;
    WalkEvents& events_;
    std::map<std::pair<dev_t, ino_t>, std::string> walked_dirs_;
};

void FileSystemWalk::walk_path(const std::string& path) {
    if (path == "-") {
        FdInput in(STDIN_FILENO, false);
        streams_.handle(EntryInfo{"-", "", -1}, in, -1, 0);
        return;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        report_stat_failure(EntryInfo{path, "", -1}, errno, false);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        std::vector<Dir> ancestors;
        walk_dir(path, st, ancestors);
    } else if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
        walk_file(path);  // a named pipe or /dev/stdin is read as a stream
    } else {
        events_.skipped(EntryInfo{path, "", -1}, "not a regular file, directory or stream");
    }
}

void FileSystemWalk::report_stat_failure(const EntryInfo& info, int err, bool loops_are_skipped) {
    struct stat lst {};
    if (::lstat(info.file.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
        if (loops_are_skipped && err == ELOOP)
            events_.skipped(info, "symlink loop: " + errno_text(err));
        else
            events_.error(info, "broken symbolic link");
    } else {
        events_.error(info, errno_text(err));
    }
}

void FileSystemWalk::walk_dir(const std::string& path, const struct stat& st,
                              std::vector<Dir>& ancestors) {
    EntryInfo info{path, "", -1};
    if (seen_before(info, st, ancestors)) return;
    walked_dirs_.emplace(std::make_pair(st.st_dev, st.st_ino), path);
    const std::vector<std::string> names = list_dir(info);
    ancestors.push_back(Dir{st.st_dev, st.st_ino, path});
    for (const auto& name : names)
        if (!is_macos_junk(name)) walk_child(join_path(path, name), ancestors);
    ancestors.pop_back();
}

bool FileSystemWalk::seen_before(const EntryInfo& info, const struct stat& st,
                                 const std::vector<Dir>& ancestors) {
    for (const auto& a : ancestors) {
        if (a.dev == st.st_dev && a.ino == st.st_ino) {
            events_.skipped(info, "symlink loop: leads back to directory " + printable(a.path));
            return true;
        }
    }
    if (auto seen = walked_dirs_.find(std::make_pair(st.st_dev, st.st_ino));
        seen != walked_dirs_.end()) {
        events_.skipped(info, "directory already walked as " + printable(seen->second));
        return true;
    }
    return false;
}

std::vector<std::string> FileSystemWalk::list_dir(const EntryInfo& info) {
    std::vector<std::string> names;
    std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(info.file.c_str()), ::closedir);
    if (!dir) {
        events_.error(info, "cannot open directory: " + errno_text(errno));
        return names;
    }
    for (;;) {
        errno = 0;
        dirent* d = ::readdir(dir.get());
        if (!d) {
            if (errno != 0) events_.error(info, "cannot read directory: " + errno_text(errno));
            break;
        }
        std::string_view n = d->d_name;
        if (n == "." || n == "..") continue;
        names.emplace_back(n);
    }
    std::sort(names.begin(), names.end());
    return names;
}

void FileSystemWalk::walk_child(const std::string& child, std::vector<Dir>& ancestors) {
    EntryInfo child_info{child, "", -1};
    struct stat cst {};
    if (::stat(child.c_str(), &cst) != 0) {
        report_stat_failure(child_info, errno, true);
        return;
    }
    if (S_ISDIR(cst.st_mode))
        walk_dir(child, cst, ancestors);
    else if (S_ISREG(cst.st_mode))
        walk_file(child);
    else
        events_.skipped(child_info, "not a regular file (fifo, socket or device)");
}

void FileSystemWalk::walk_file(const std::string& path) {
    EntryInfo info{path, "", -1};
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        events_.error(info, "cannot open: " + errno_text(errno));
        return;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        events_.error(info, "cannot stat: " + errno_text(errno));
        return;
    }
    bool regular = S_ISREG(st.st_mode);
    if (regular) info.size = st.st_size;
    FdInput in(fd.get(), regular);
    streams_.handle(info, in, info.size, 0);
}

}  // namespace

std::uint64_t input_bytes_read() {
    return fd_bytes_total();
}

void walk_dump(const std::string& path, const WalkLimits& limits, WalkEvents& events) {
    StreamWalk streams(limits, events);
    FileSystemWalk(streams).walk_path(path);
}

}  // namespace khabar
