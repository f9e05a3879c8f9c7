/** @file
 * @brief What a byte stream is, from its name and first bytes: compression and archive
 *        signatures, text types, compression extensions.
 */
#include "entries/stream_kind.h"

#include <initializer_list>
#include <string>

namespace khabar::entries {

namespace {

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

// ---------------------------------------------------------------------------------------------
// Content sniffing

enum class Magic {
    none,             ///< nothing recognised
    text,             ///< starts like WARC/ARC: never an archive
    compressed,       ///< a compression filter's signature
    archive,          ///< an unambiguous archive signature
    weak,             ///< a signature text could start with by chance (ar, cpio, lha, v7 tar)
    weak_compressed,  ///< lzma-alone: three bytes of signature
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
    if (h.starts_with("WARC/"sv) || h.starts_with("filedesc://"sv)) return Magic::text;

    // Compression filters.
    if (h.starts_with("\x1f\x8b\x08"sv) || h.starts_with("\x1f\x9d"sv) ||
        h.starts_with("\xfd"
                      "7zXZ\x00"sv) ||
        h.starts_with("\x28\xb5\x2f\xfd"sv) || h.starts_with("\x04\x22\x4d\x18"sv) ||
        h.starts_with("\x02\x21\x4c\x18"sv) || h.starts_with("LZIP\x01"sv))
        return Magic::compressed;
    if (h.size() >= 10 && h.starts_with("BZh"sv) && h[3] >= '1' && h[3] <= '9' &&
        (has_at(h, 4, "1AY&SY"sv) || has_at(h, 4, "\x17\x72\x45\x38\x50\x90"sv)))
        return Magic::compressed;

    // Archive formats with unambiguous signatures.
    if (h.starts_with("PK\x03\x04"sv) || h.starts_with("PK\x05\x06"sv) ||
        h.starts_with("PK\x07\x08PK"sv) || h.starts_with("PK00PK"sv) ||
        h.starts_with("7z\xbc\xaf\x27\x1c"sv) || h.starts_with("Rar!\x1a\x07"sv) ||
        h.starts_with("xar!"sv) || h.starts_with("MSCF\0\0\0\0"sv) || has_at(h, 257, "ustar"sv) ||
        has_at(h, 0x8001, "CD001"sv) || has_at(h, 0x8801, "CD001"sv) ||
        has_at(h, 0x9001, "CD001"sv))
        return Magic::archive;

    // Weak signatures.
    if (h.starts_with("!<arch>\n"sv)) return Magic::weak;
    if (h.size() >= 76 && h.starts_with("070707"sv) && all_of_class(h.substr(0, 76), false))
        return Magic::weak;
    if (h.size() >= 110 && (h.starts_with("070701"sv) || h.starts_with("070702"sv)) &&
        all_of_class(h.substr(6, 104), true))
        return Magic::weak;
    if (h.starts_with("\xc7\x71"sv) || h.starts_with("\x71\xc7"sv)) return Magic::weak;
    if (h.size() >= 21 && has_at(h, 2, "-l"sv) && h[6] == '-') return Magic::weak;  // lha
    if (h.size() >= 13 && h.starts_with("\x5d\x00\x00"sv)) return Magic::weak_compressed;
    if (tar_checksum_ok(h)) return Magic::weak;  // v7 tar
    return Magic::none;
}

}  // namespace

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

bool is_warc_name(std::string_view name) {
    std::string n(name), stripped;
    while (strip_compression_ext(n, stripped)) n = stripped;
    return ends_with_any(lower(n), {".warc", ".arc"});
}

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

bool is_7z(std::string_view head) {
    using namespace std::string_view_literals;
    return head.starts_with("7z\xbc\xaf\x27\x1c"sv);
}

Plan plan_for(std::string_view name, std::string_view head) {
    Magic m = sniff(head);
    bool text_name = has_text_ext(name);
    switch (m) {
        case Magic::text:
            return Plan::leaf;
        case Magic::compressed:
            return Plan::decompress;
        case Magic::weak_compressed:
            return text_name ? Plan::leaf : Plan::decompress;
        case Magic::archive:
            return is_warc_name(name) ? Plan::leaf : Plan::archive;
        case Magic::weak:
            return text_name ? Plan::leaf : Plan::archive;
        case Magic::none:
            break;
    }
    return has_archive_ext(name) && !is_warc_name(name) ? Plan::maybe_archive : Plan::leaf;
}

}  // namespace khabar::entries
