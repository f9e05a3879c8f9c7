/** @file
 * @brief walk_dump: files, directories, stdin and every archive or compressed format libarchive
 *        reads, nested archives followed through read callbacks (never extracted to disk).
 *
 * Every byte stream (a file, stdin, an archive member) goes through one decision (plan_for): its
 * first 64 KiB are peeked and sniffed, the name only breaks ties.
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
 */
#include "entries/entry_walker.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace khabar {

namespace {

/// Bytes sniffed before deciding what a stream is; ISO 9660's volume descriptor sits at 32 KiB.
constexpr std::size_t kPeekBytes = 64u << 10;
/// Block size handed to libarchive by the read callback.
constexpr std::size_t kBlockBytes = 64u << 10;
/// The ratio guard is not applied below this many bytes of one entry (tiny archives of text
/// legitimately compress well; a bomb is only a problem when it is big).
constexpr std::int64_t kRatioFloorBytes = 1 << 20;
/// Consecutive ARCHIVE_RETRY results (damaged headers being skipped) before giving up.
constexpr int kMaxRetries = 100000;

// ---------------------------------------------------------------------------------------------
// Names

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool ends_with_any(const std::string& lowered, std::initializer_list<std::string_view> exts) {
    for (auto ext : exts)
        if (lowered.size() > ext.size() && lowered.ends_with(ext)) return true;
    return false;
}

/// Compression-only extensions and what they leave behind ("x.tgz" -> "x.tar").
struct CompressionExt {
    std::string_view ext;
    std::string_view replacement;
};
constexpr CompressionExt kCompressionExts[] = {
    {".gz", ""},      {".gzip", ""},     {".bz2", ""},     {".bz", ""},      {".xz", ""},
    {".lzma", ""},    {".zst", ""},      {".zstd", ""},    {".lz4", ""},     {".lz", ""},
    {".z", ""},       {".tgz", ".tar"},  {".taz", ".tar"}, {".tbz", ".tar"}, {".tbz2", ".tar"},
    {".txz", ".tar"}, {".tzst", ".tar"}, {".tlz", ".tar"},
};

/// "x.jsonl.gz" -> "x.jsonl"; false when the name has no compression extension.
bool strip_compression_ext(std::string_view name, std::string& out) {
    std::string l = lower(name);
    for (const auto& c : kCompressionExts) {
        if (l.size() > c.ext.size() && l.ends_with(c.ext)) {
            out = std::string(name.substr(0, name.size() - c.ext.size()));
            out += c.replacement;
            return true;
        }
    }
    return false;
}

/// .warc, .arc, optionally followed by compression extensions.
bool is_warc_name(std::string_view name) {
    std::string n(name), stripped;
    while (strip_compression_ext(n, stripped)) n = stripped;
    return ends_with_any(lower(n), {".warc", ".arc"});
}

bool has_archive_ext(std::string_view name) {
    std::string l = lower(name);
    if (ends_with_any(l, {".tar", ".zip", ".7z", ".cpio", ".ar", ".iso", ".rar", ".cab", ".lha",
                          ".lzh", ".xar", ".jar"}))
        return true;
    std::string ignored;
    return strip_compression_ext(name, ignored);
}

/// Types that are text: a weak archive signature at their start is taken to be a coincidence.
bool has_text_ext(std::string_view name) {
    return ends_with_any(lower(name),
                         {".txt",  ".text", ".csv",   ".tsv",  ".json", ".jsonl", ".ndjson", ".xml",
                          ".html", ".htm",  ".xhtml", ".sgm",  ".sgml", ".md",    ".rst",    ".tei",
                          ".rss",  ".atom", ".log",   ".yaml", ".yml",  ".warc",  ".arc"});
}

/// macOS archive litter: __MACOSX/ trees, ._ resource forks, .DS_Store.
bool is_macos_junk(std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        std::string_view comp = path.substr(
            start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (comp == "__MACOSX") return true;
        if (slash == std::string_view::npos) {
            return comp.starts_with("._") || comp == ".DS_Store";
        }
        start = slash + 1;
    }
    return false;
}

std::string join_path(const std::string& dir, const std::string& name) {
    if (dir.empty()) return name;
    if (dir.back() == '/') return dir + name;
    return dir + "/" + name;
}

// ---------------------------------------------------------------------------------------------
// Content sniffing

enum class Magic {
    None,            ///< nothing recognised
    Text,            ///< starts like WARC/ARC: never an archive
    Compressed,      ///< a compression filter's signature
    Archive,         ///< an unambiguous archive signature
    Weak,            ///< a signature text could start with by chance (ar, cpio, lha, v7 tar)
    WeakCompressed,  ///< lzma-alone: three bytes of signature
};

bool has_at(std::string_view h, std::size_t off, std::string_view sig) {
    return h.size() >= off + sig.size() && h.substr(off, sig.size()) == sig;
}

bool all_of_class(std::string_view s, bool hex) {
    for (char c : s) {
        bool ok =
            (c >= '0' && c <= '7') ||
            (hex && ((c >= '8' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        if (!ok) return false;
    }
    return true;
}

/// A 512-byte tar header whose checksum field matches its bytes.
bool tar_checksum_ok(std::string_view h) {
    if (h.size() < 512) return false;
    std::string_view field = h.substr(148, 8);
    std::size_t i = 0;
    while (i < field.size() && field[i] == ' ') ++i;
    if (i == field.size() || field[i] < '0' || field[i] > '7') return false;
    unsigned long stored = 0;
    for (; i < field.size() && field[i] >= '0' && field[i] <= '7'; ++i)
        stored = stored * 8 + static_cast<unsigned long>(field[i] - '0');
    unsigned long sum_unsigned = 0;
    long sum_signed = 0;
    for (std::size_t k = 0; k < 512; ++k) {
        unsigned char u = (k >= 148 && k < 156) ? ' ' : static_cast<unsigned char>(h[k]);
        sum_unsigned += u;
        sum_signed += static_cast<signed char>(u);
    }
    return stored == sum_unsigned || static_cast<long>(stored) == sum_signed;
}

Magic sniff(std::string_view h) {
    using namespace std::string_view_literals;
    if (h.starts_with("WARC/"sv) || h.starts_with("filedesc://"sv)) return Magic::Text;

    // Compression filters.
    if (h.starts_with("\x1f\x8b\x08"sv) || h.starts_with("\x1f\x9d"sv) ||
        h.starts_with("\xfd"
                      "7zXZ\x00"sv) ||
        h.starts_with("\x28\xb5\x2f\xfd"sv) || h.starts_with("\x04\x22\x4d\x18"sv) ||
        h.starts_with("\x02\x21\x4c\x18"sv) || h.starts_with("LZIP\x01"sv))
        return Magic::Compressed;
    if (h.size() >= 10 && h.starts_with("BZh"sv) && h[3] >= '1' && h[3] <= '9' &&
        (has_at(h, 4, "1AY&SY"sv) || has_at(h, 4, "\x17\x72\x45\x38\x50\x90"sv)))
        return Magic::Compressed;

    // Archive formats with unambiguous signatures.
    if (h.starts_with("PK\x03\x04"sv) || h.starts_with("PK\x05\x06"sv) ||
        h.starts_with("PK\x07\x08PK"sv) || h.starts_with("PK00PK"sv) ||
        h.starts_with("7z\xbc\xaf\x27\x1c"sv) || h.starts_with("Rar!\x1a\x07"sv) ||
        h.starts_with("xar!"sv) || h.starts_with("MSCF\0\0\0\0"sv) || has_at(h, 257, "ustar"sv) ||
        has_at(h, 0x8001, "CD001"sv) || has_at(h, 0x8801, "CD001"sv) ||
        has_at(h, 0x9001, "CD001"sv))
        return Magic::Archive;

    // Weak signatures.
    if (h.starts_with("!<arch>\n"sv)) return Magic::Weak;
    if (h.size() >= 76 && h.starts_with("070707"sv) && all_of_class(h.substr(0, 76), false))
        return Magic::Weak;
    if (h.size() >= 110 && (h.starts_with("070701"sv) || h.starts_with("070702"sv)) &&
        all_of_class(h.substr(6, 104), true))
        return Magic::Weak;
    if (h.starts_with("\xc7\x71"sv) || h.starts_with("\x71\xc7"sv)) return Magic::Weak;
    if (h.size() >= 21 && has_at(h, 2, "-l"sv) && h[6] == '-') return Magic::Weak;  // lha
    if (h.size() >= 13 && h.starts_with("\x5d\x00\x00"sv)) return Magic::WeakCompressed;
    if (tar_checksum_ok(h)) return Magic::Weak;  // v7 tar
    return Magic::None;
}

bool is_7z(std::string_view head) {
    using namespace std::string_view_literals;
    return head.starts_with("7z\xbc\xaf\x27\x1c"sv);
}

enum class Plan {
    Leaf,          ///< deliver the stream itself
    Decompress,    ///< a compression filter: decompress (libarchive raw format), then look again
    Archive,       ///< an archive format by its signature
    MaybeArchive,  ///< no signature, but named like an archive: try, else deliver unchanged
};

Plan plan_for(std::string_view name, std::string_view head) {
    Magic m = sniff(head);
    bool text_name = has_text_ext(name);
    switch (m) {
        case Magic::Text:
            return Plan::Leaf;
        case Magic::Compressed:
            return Plan::Decompress;
        case Magic::WeakCompressed:
            return text_name ? Plan::Leaf : Plan::Decompress;
        case Magic::Archive:
            return is_warc_name(name) ? Plan::Leaf : Plan::Archive;
        case Magic::Weak:
            return text_name ? Plan::Leaf : Plan::Archive;
        case Magic::None:
            break;
    }
    return has_archive_ext(name) && !is_warc_name(name) ? Plan::MaybeArchive : Plan::Leaf;
}

// ---------------------------------------------------------------------------------------------
// Byte sources

std::string errno_text(int err) {
    return std::strerror(err);
}

/// libarchive's message for the last error as one line: some end in "\n", and some quote member
/// names, which may hold control characters.
std::string archive_message(archive* a) {
    const char* s = archive_error_string(a);
    std::string_view m = s ? s : "";
    while (!m.empty() &&
           (m.back() == '\n' || m.back() == '\r' || m.back() == ' ' || m.back() == '\t'))
        m.remove_suffix(1);
    while (!m.empty() && (m.front() == ' ' || m.front() == '\n')) m.remove_prefix(1);
    return m.empty() ? "truncated or corrupt data (libarchive gave no details)" : printable(m);
}

/// A byte source the walker reads archives and entries from. Reading an Input is what a leaf
/// entry's consumer does, so it is an EntryStream.
class Input : public EntryStream {
  public:
    virtual bool seekable() const { return false; }
    virtual std::int64_t seek(std::int64_t /*offset*/, int /*whence*/) { return -1; }
    /// Why reading stopped early (read error, bomb guard), or "" while all is well.
    virtual const std::string& failure() const {
        static const std::string none;
        return none;
    }
};

/// Owns a file descriptor.
class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

  private:
    int fd_;
};

/// Every byte FdInput read (input_bytes_read()).
std::atomic<std::uint64_t> fd_bytes_read{0};

/// A file, pipe or stdin.
class FdInput final : public Input {
  public:
    FdInput(int fd, bool seekable) : fd_(fd), seekable_(seekable) {}
    std::size_t read(char* buf, std::size_t n) override {
        if (!failure_.empty()) throw EntryError(failure_);
        for (;;) {
            ssize_t r = ::read(fd_, buf, n);
            if (r >= 0) {
                fd_bytes_read.fetch_add(static_cast<std::uint64_t>(r), std::memory_order_relaxed);
                return static_cast<std::size_t>(r);
            }
            if (errno == EINTR) continue;
            failure_ = "read error: " + errno_text(errno);
            throw EntryError(failure_);
        }
    }
    bool seekable() const override { return seekable_; }
    std::int64_t seek(std::int64_t offset, int whence) override {
        return seekable_ ? ::lseek(fd_, offset, whence) : -1;
    }
    const std::string& failure() const override { return failure_; }

  private:
    int fd_;
    bool seekable_;
    std::string failure_;
};

/// The compressed bytes an archive's members are measured against by the ratio guard. For an
/// archive read through a decompression layer (.tar.gz) this is the compressed file, not the tar.
struct Budget {
    std::int64_t known_size = -1;            ///< the compressed size, when known
    const std::int64_t* consumed = nullptr;  ///< compressed bytes pulled so far (size unknown)
    bool stream_compressed = false;          ///< skipping a member means decompressing it
    std::int64_t compressed_size() const {
        return std::max(known_size, consumed ? *consumed : std::int64_t{0});
    }
};

/// The data of an archive's current member (or of a compressed file's one stream); counts what
/// it delivers and stops at the bomb guard's limits.
class MemberInput final : public Input {
  public:
    MemberInput(archive* a, const WalkLimits& limits, const Budget& budget)
        : a_(a), limits_(limits), budget_(budget) {}

    /// Whether max_entry_bytes applies: yes for entries, no for a decompressed stream that turns
    /// out to be an archive (its members are limited one by one; the ratio guard still applies).
    void set_entry_limit(bool on) { entry_limit_ = on; }

    std::size_t read(char* buf, std::size_t n) override {
        if (!failure_.empty()) throw EntryError(failure_);
        if (n == 0 || eof_) return 0;
        la_ssize_t r = archive_read_data(a_, buf, n);
        if (r < 0) {
            fatal_ = r == ARCHIVE_FATAL;
            failure_ = archive_message(a_);
            throw EntryError(failure_);
        }
        if (r == 0) {
            eof_ = true;
            return 0;
        }
        bytes_ += r;
        if (entry_limit_ && bytes_ > limits_.max_entry_bytes) {
            limit_hit_ = true;
            failure_ = "entry expands past max_entry_bytes (" +
                       std::to_string(limits_.max_entry_bytes) +
                       " bytes); stopped reading it (possible decompression bomb)";
            throw EntryError(failure_);
        }
        std::int64_t compressed = budget_.compressed_size();
        if (bytes_ > kRatioFloorBytes &&
            static_cast<double>(bytes_) > limits_.max_ratio * static_cast<double>(compressed)) {
            limit_hit_ = true;
            failure_ = "entry expands past max_ratio (" + format_ratio(limits_.max_ratio) +
                       " x the archive's compressed size of " + std::to_string(compressed) +
                       " bytes); stopped reading it (possible decompression bomb)";
            throw EntryError(failure_);
        }
        return static_cast<std::size_t>(r);
    }
    const std::string& failure() const override { return failure_; }
    /// The archive itself can no longer be read.
    bool fatal() const { return fatal_; }
    bool limit_hit() const { return limit_hit_; }

  private:
    static std::string format_ratio(double r) {
        std::string s = std::to_string(r);
        if (s.find('.') != std::string::npos) {
            while (s.back() == '0') s.pop_back();
            if (s.back() == '.') s.pop_back();
        }
        return s;
    }

    archive* a_;
    const WalkLimits& limits_;
    const Budget& budget_;
    std::int64_t bytes_ = 0;
    bool entry_limit_ = true;
    bool eof_ = false;
    bool fatal_ = false;
    bool limit_hit_ = false;
    std::string failure_;
};

/// A stream with nothing in it.
class EmptyInput final : public Input {
  public:
    std::size_t read(char*, std::size_t) override { return 0; }
};

/// Replays the sniffed head of an Input before the rest of it.
class Peeked final : public Input {
  public:
    explicit Peeked(Input& in) : in_(in) {}

    /// Up to n bytes from the start (fewer at end of stream). Throws EntryError.
    std::string_view peek(std::size_t n) {
        while (head_.size() < n && !at_end_ && !rewound_) {
            std::size_t old = head_.size();
            head_.resize(n);
            std::size_t got = 0;
            try {
                got = in_.read(head_.data() + old, n - old);
            } catch (...) {
                head_.resize(old);
                throw;
            }
            head_.resize(old + got);
            if (got == 0) at_end_ = true;
        }
        return std::string_view(head_).substr(0, std::min(n, head_.size()));
    }

    /// Start again from byte 0 by seeking when the source allows it (keeps it seekable for
    /// libarchive, which needs that for zip central directories and 7z).
    void rewind_if_seekable() {
        if (pos_ == 0 && in_.seekable() && in_.seek(0, SEEK_SET) == 0) {
            head_.clear();
            at_end_ = false;
            rewound_ = true;
        }
    }

    std::size_t read(char* buf, std::size_t n) override {
        if (pos_ < head_.size()) {
            std::size_t k = std::min(n, head_.size() - pos_);
            std::memcpy(buf, head_.data() + pos_, k);
            pos_ += k;
            return k;
        }
        if (at_end_) return 0;
        return in_.read(buf, n);
    }
    bool seekable() const override { return rewound_; }
    std::int64_t seek(std::int64_t offset, int whence) override {
        return rewound_ ? in_.seek(offset, whence) : -1;
    }
    const std::string& failure() const override { return in_.failure(); }

  private:
    Input& in_;
    std::string head_;
    std::size_t pos_ = 0;
    bool at_end_ = false;
    bool rewound_ = false;
};

// ---------------------------------------------------------------------------------------------
// libarchive glue

struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

/// Callback data: the Input libarchive reads from and the block it reads into.
struct ReadContext {
    Input* in = nullptr;
    std::vector<char> block = std::vector<char>(kBlockBytes);
    std::int64_t consumed = 0;
};

la_ssize_t read_callback(archive* a, void* data, const void** buffer) {
    auto* ctx = static_cast<ReadContext*>(data);
    try {
        std::size_t n = ctx->in->read(ctx->block.data(), ctx->block.size());
        ctx->consumed += static_cast<std::int64_t>(n);
        *buffer = ctx->block.data();
        return static_cast<la_ssize_t>(n);
    } catch (const std::exception& e) {
        archive_set_error(a, EIO, "%s", e.what());
    } catch (...) {
        archive_set_error(a, EIO, "read failed");
    }
    return ARCHIVE_FATAL;
}

la_int64_t skip_callback(archive*, void* data, la_int64_t request) {
    auto* ctx = static_cast<ReadContext*>(data);
    std::int64_t before = ctx->in->seek(0, SEEK_CUR);
    if (before < 0) return 0;
    std::int64_t end = ctx->in->seek(0, SEEK_END);
    std::int64_t target = end < 0 ? before : std::min<std::int64_t>(before + request, end);
    std::int64_t after = ctx->in->seek(target, SEEK_SET);
    if (after < 0) {
        ctx->in->seek(before, SEEK_SET);
        return 0;
    }
    return after - before;
}

la_int64_t seek_callback(archive*, void* data, la_int64_t offset, int whence) {
    auto* ctx = static_cast<ReadContext*>(data);
    std::int64_t r = ctx->in->seek(offset, whence);
    return r < 0 ? ARCHIVE_FATAL : r;
}

/// A reader that only decompresses: libarchive's raw format over every compression filter we
/// trust (multi-member gzip included). Not uu (it would decode text that looks uuencoded), not
/// the filters that run external programs.
void configure_decompressor(archive* a) {
    archive_read_support_format_raw(a);
    archive_read_support_format_empty(a);
    archive_read_support_filter_gzip(a);
    archive_read_support_filter_bzip2(a);
    archive_read_support_filter_xz(a);
    archive_read_support_filter_lzma(a);
    archive_read_support_filter_lzip(a);
    archive_read_support_filter_zstd(a);
    archive_read_support_filter_lz4(a);
    archive_read_support_filter_compress(a);
}

/// A reader for archive formats over uncompressed bytes (decompression is a separate layer, so a
/// compressed file of zeros is never taken for an empty tar). Not warc (WARC files are leaves for
/// the WARC record reader) nor mtree (its heuristic bid can take plain text for a manifest).
/// `with_raw`: when the name said "archive" but no signature did, let non-archives through as is.
void configure_archive(archive* a, bool with_raw) {
    archive_read_support_format_tar(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_7zip(a);
    archive_read_support_format_cpio(a);
    archive_read_support_format_ar(a);
    archive_read_support_format_iso9660(a);
    archive_read_support_format_rar(a);
    archive_read_support_format_rar5(a);
    archive_read_support_format_cab(a);
    archive_read_support_format_lha(a);
    archive_read_support_format_xar(a);
    archive_read_support_format_empty(a);
    if (with_raw) archive_read_support_format_raw(a);
}

/// Open `a` (already configured) over `ctx`; seekable when the input is and `seek` allows it.
bool open_reader(archive* a, ReadContext& ctx, bool seek = true) {
    archive_read_set_read_callback(a, read_callback);
    if (seek && ctx.in->seekable()) {
        archive_read_set_seek_callback(a, seek_callback);
        archive_read_set_skip_callback(a, skip_callback);
    }
    archive_read_set_callback_data(a, &ctx);
    return archive_read_open1(a) == ARCHIVE_OK;
}

/// A member's path as stored, UTF-8 when libarchive can tell, without a leading "./" or "/", with
/// control characters and bytes that are not UTF-8 escaped (printable): the name goes into
/// messages and provenance, and a hostile archive must not forge lines or send escape sequences.
std::string member_path(archive_entry* e) {
    const char* p = archive_entry_pathname_utf8(e);
    if (!p) p = archive_entry_pathname(e);
    std::string_view s = p ? p : "";
    for (;;) {
        if (s.starts_with("./"))
            s.remove_prefix(2);
        else if (s.starts_with("/"))
            s.remove_prefix(1);
        else
            break;
    }
    return printable(s);
}

EntryInfo nested_info(const EntryInfo& container, const std::string& member, std::int64_t size) {
    EntryInfo info;
    info.file = container.file;
    info.path = container.path.empty() ? member
                : member.empty()       ? container.path
                                       : container.path + "::" + member;
    info.size = size;
    return info;
}

// ---------------------------------------------------------------------------------------------
// The walk

class Walker {
  public:
    Walker(const WalkLimits& limits, WalkEvents& events) : limits_(limits), events_(events) {}

    void walk_path(const std::string& path) {
        if (path == "-") {
            FdInput in(STDIN_FILENO, false);
            handle(EntryInfo{"-", "", -1}, in, -1, 0);
            return;
        }
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            int err = errno;
            struct stat lst {};
            if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
                events_.error(EntryInfo{path, "", -1}, "broken symbolic link");
            else
                events_.error(EntryInfo{path, "", -1}, errno_text(err));
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

  private:
    struct Dir {
        dev_t dev;
        ino_t ino;
        std::string path;
    };

    void walk_dir(const std::string& path, const struct stat& st, std::vector<Dir>& ancestors) {
        EntryInfo info{path, "", -1};
        for (const auto& a : ancestors) {
            if (a.dev == st.st_dev && a.ino == st.st_ino) {
                events_.skipped(info, "symlink loop: leads back to directory " + printable(a.path));
                return;
            }
        }
        auto key = std::make_pair(st.st_dev, st.st_ino);
        if (auto seen = walked_dirs_.find(key); seen != walked_dirs_.end()) {
            events_.skipped(info, "directory already walked as " + printable(seen->second));
            return;
        }
        walked_dirs_.emplace(key, path);

        std::vector<std::string> names;
        {
            std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(path.c_str()), ::closedir);
            if (!dir) {
                events_.error(info, "cannot open directory: " + errno_text(errno));
                return;
            }
            for (;;) {
                errno = 0;
                dirent* d = ::readdir(dir.get());
                if (!d) {
                    if (errno != 0)
                        events_.error(info, "cannot read directory: " + errno_text(errno));
                    break;
                }
                std::string_view n = d->d_name;
                if (n == "." || n == "..") continue;
                names.emplace_back(n);
            }
        }
        std::sort(names.begin(), names.end());

        ancestors.push_back(Dir{st.st_dev, st.st_ino, path});
        for (const auto& name : names) {
            if (is_macos_junk(name)) continue;
            std::string child = join_path(path, name);
            EntryInfo child_info{child, "", -1};
            struct stat cst {};
            if (::stat(child.c_str(), &cst) != 0) {
                int err = errno;
                struct stat lst {};
                if (::lstat(child.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
                    if (err == ELOOP)
                        events_.skipped(child_info, "symlink loop: " + errno_text(err));
                    else
                        events_.error(child_info, "broken symbolic link");
                } else {
                    events_.error(child_info, errno_text(err));
                }
                continue;
            }
            if (S_ISDIR(cst.st_mode))
                walk_dir(child, cst, ancestors);
            else if (S_ISREG(cst.st_mode))
                walk_file(child);
            else
                events_.skipped(child_info, "not a regular file (fifo, socket or device)");
        }
        ancestors.pop_back();
    }

    void walk_file(const std::string& path) {
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
        handle(info, in, info.size, 0);
    }

    /// Decide what the stream `raw` (described by info, `known_size` bytes when known) is and
    /// walk it. `level` is the nesting level an archive found here is opened at (0 = the dump).
    void handle(const EntryInfo& info, Input& raw, std::int64_t known_size, int level) {
        Peeked in(raw);
        Plan plan = Plan::Leaf;
        bool seven_zip = false;
        try {
            std::string_view head = in.peek(kPeekBytes);
            plan = plan_for(info.name(), head);
            seven_zip = is_7z(head);
        } catch (const EntryError& e) {
            events_.error(info, e.what());
            return;
        }
        if (plan == Plan::Leaf) {
            deliver(info, in);
            return;
        }
        if (level > limits_.max_depth) {
            // An error, not a skip: what the archive holds is not indexed, so the user is told.
            events_.error(info, "archive nested deeper than max_depth (" +
                                    std::to_string(limits_.max_depth) + "); not opened");
            return;
        }
        if (seven_zip && !raw.seekable()) {
            events_.error(info,
                          "7z archive inside another archive or on a pipe: 7z needs a "
                          "seekable file, so it is not opened (extract it first)");
            return;
        }
        in.rewind_if_seekable();
        if (plan == Plan::Decompress) {
            decompress(info, in, known_size, level);
        } else {
            Budget budget{known_size, nullptr, false};
            read_archive(info, info, in, budget, level, plan == Plan::MaybeArchive);
        }
    }

    /// Hand a leaf to the consumer; read failures surface as error(), exactly once.
    void deliver(const EntryInfo& info, Input& data) {
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

    /// A compressed stream: decompress it, then it is either an archive (x.tar.gz: its members
    /// keep the compressed file as their container) or one leaf named without the compression
    /// extension (x.jsonl.gz -> x.jsonl). WARC/ARC files always stay leaves.
    void decompress(const EntryInfo& info, Peeked& in, std::int64_t known_size, int level) {
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
        stream.set_entry_limit(false);
        Peeked data(stream);
        Plan plan = Plan::Leaf;
        try {
            plan = plan_for(leaf.name(), data.peek(kPeekBytes));
        } catch (const EntryError& e) {
            events_.error(info, e.what());
            return;
        }
        if (archive_filter_count(a.get()) <= 1) {
            // Looked compressed, but no filter took it: the bytes are the file itself.
            stream.set_entry_limit(true);
            deliver(info, data);
            return;
        }
        if (is_warc_name(info.name())) plan = Plan::Leaf;  // WARC readers parse it later
        switch (plan) {
            case Plan::Leaf:
                stream.set_entry_limit(true);
                deliver(leaf, data);
                break;
            case Plan::Decompress:  // compressed twice (x.gz.gz); a level deeper, so no loops
                if (level + 1 > limits_.max_depth) {
                    events_.error(leaf, "compressed more times than max_depth (" +
                                            std::to_string(limits_.max_depth) + ") allows");
                    break;
                }
                decompress(leaf, data, -1, level + 1);
                break;
            case Plan::Archive:
            case Plan::MaybeArchive:
                read_archive(info, leaf, data, budget, level, plan == Plan::MaybeArchive);
                break;
        }
    }

    /// Walk the members of an archive read from `in`. Members are named container.path::member.
    /// `budget` is what the ratio guard measures members against. `maybe`: only the name said
    /// "archive"; if it is not one, the stream is delivered as the leaf `as_is`.
    void read_archive(const EntryInfo& container, const EntryInfo& as_is, Peeked& in,
                      const Budget& budget, int level, bool maybe) {
        // A fatal error inside one member of a seekable zip ends libarchive's reader; reopen and
        // resume after that member (the central directory makes skipping cheap).
        int resume_after = 0;
        bool stream = false;  // read without seeking: zip members from their local headers
        for (;;) {
            int next =
                read_archive_pass(container, as_is, in, budget, level, maybe, resume_after, stream);
            if (next == kRetryAsStream && !stream && in.seek(0, SEEK_SET) == 0) {
                stream = true;
                resume_after = 0;
                continue;
            }
            if (next <= resume_after || in.seek(0, SEEK_SET) != 0) break;
            resume_after = next;
        }
    }

    /// read_archive_pass: a seekable zip whose central directory gave no members.
    static constexpr int kRetryAsStream = -1;

    /// Whether the seekable stream `in` starts with a zip local file header (a member).
    static bool starts_with_zip_member(Peeked& in) {
        char sig[4] = {};
        if (in.seek(0, SEEK_SET) != 0) return false;
        std::size_t got = 0;
        try {
            while (got < sizeof sig) {
                std::size_t n = in.read(sig + got, sizeof sig - got);
                if (n == 0) break;
                got += n;
            }
        } catch (const EntryError&) {
            return false;
        }
        return got == sizeof sig && std::memcmp(sig, "PK\x03\x04", 4) == 0;
    }

    /// One reader's pass over an archive; members up to `resume_after` were done by an earlier
    /// pass. Returns the member count to resume after, 0 when done, or kRetryAsStream. `stream`:
    /// read without seeking (zip members from their local headers, not the central directory).
    int read_archive_pass(const EntryInfo& container, const EntryInfo& as_is, Peeked& in,
                          const Budget& outer, int level, bool maybe, int resume_after,
                          bool stream) {
        ReadContext ctx;  // declared before the archive: it must outlive it
        ctx.in = &in;
        ArchivePtr a(archive_read_new());
        if (!a) {
            events_.error(container, "cannot allocate an archive reader");
            return 0;
        }
        configure_archive(a.get(), maybe);
        if (!open_reader(a.get(), ctx, !stream)) {
            events_.error(container, "cannot open archive: " + archive_message(a.get()));
            return 0;
        }
        Budget budget = outer;
        if (!budget.consumed) budget.consumed = &ctx.consumed;

        std::string last;  // last member seen, for messages about what follows it
        int retries = 0;
        int index = 0;  // headers read in this pass
        for (;;) {
            archive_entry* ae = nullptr;
            int r = archive_read_next_header(a.get(), &ae);
            if (r == ARCHIVE_EOF) {
                // libarchive's seekable zip reader trusts the central directory: a damaged one
                // can end the archive at once, without an error. Members are still there.
                if (index == 0 && !stream && in.seekable() &&
                    (archive_format(a.get()) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP &&
                    starts_with_zip_member(in)) {
                    events_.error(container,
                                  "zip central directory lists no members (damaged?); reading "
                                  "the members from their local headers instead");
                    return kRetryAsStream;
                }
                break;
            }
            if (r == ARCHIVE_RETRY) {  // a damaged header being skipped over
                if (retries++ == 0)
                    events_.error(container, where(last) + archive_message(a.get()));
                if (retries > kMaxRetries) break;
                continue;
            }
            retries = 0;
            if (r == ARCHIVE_FATAL) {
                events_.error(container, where(last) + archive_message(a.get()));
                break;
            }
            if (++index <= resume_after) continue;  // handled by an earlier pass
            if (archive_format(a.get()) == ARCHIVE_FORMAT_RAW) {
                // Named like an archive but not one: the stream is delivered as it is.
                MemberInput member(a.get(), limits_, budget);
                deliver(as_is, member);
                break;
            }
            std::string mpath = member_path(ae);
            last = mpath;
            std::int64_t size = archive_entry_size_is_set(ae) ? archive_entry_size(ae) : -1;
            EntryInfo info = nested_info(container, mpath, size);
            if (r == ARCHIVE_FAILED) {  // this member's header is unusable; the next may be fine
                events_.error(info, archive_message(a.get()));
                continue;
            }
            // r is ARCHIVE_OK or ARCHIVE_WARN (a usable header with a remark).
            auto type = archive_entry_filetype(ae);
            if (type != AE_IFREG && type != 0) continue;  // directories, links, devices
            if (archive_entry_hardlink(ae) && size <= 0) continue;
            if (mpath.empty() || mpath.back() == '/') continue;
            if (is_macos_junk(mpath)) continue;
            if (archive_entry_is_data_encrypted(ae)) {
                events_.error(info, "encrypted entry; not supported");
                continue;
            }

            MemberInput member(a.get(), limits_, budget);
            handle(info, member, size, level + 1);

            if (member.fatal()) {  // already reported by whoever read it
                bool zip =
                    (archive_format(a.get()) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
                return zip && in.seekable() && !stream && !budget.stream_compressed ? index : 0;
            }
            if (member.limit_hit() && budget.stream_compressed) {
                // Skipping the rest of a compressed stream means decompressing the bomb.
                events_.skipped(container, "rest of the archive not read after " + mpath +
                                               " hit the decompression bomb guard");
                break;
            }
        }
        return 0;
    }

    static std::string where(const std::string& last) {
        return last.empty() ? std::string() : "after entry " + last + ": ";
    }

    /// The name of a compressed file's one stream: its own name without the compression
    /// extension ("x.jsonl.gz" -> "x.jsonl"); "" for compressed stdin.
    static std::string decompressed_name(const EntryInfo& compressed) {
        if (compressed.file == "-" && compressed.path.empty()) return "";
        std::string name = compressed.name(), stripped;
        return strip_compression_ext(name, stripped) ? stripped : name;
    }

    const WalkLimits& limits_;
    WalkEvents& events_;
    std::map<std::pair<dev_t, ino_t>, std::string> walked_dirs_;
};

}  // namespace

std::uint64_t input_bytes_read() {
    return fd_bytes_read.load(std::memory_order_relaxed);
}

void walk_dump(const std::string& path, const WalkLimits& limits, WalkEvents& events) {
    Walker(limits, events).walk_path(path);
}

}  // namespace khabar
