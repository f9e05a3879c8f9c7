/** @file
 * @brief libarchive glue: read, skip and seek callbacks over an Input; reader configurations.
 */
#include "entries/archive_glue.h"

#include <algorithm>
#include <cerrno>
#include <exception>
#include <string_view>

namespace khabar::entries {

namespace {

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

}  // namespace

std::string archive_message(archive* a) {
    const char* s = archive_error_string(a);
    std::string_view m = s ? s : "";
    while (!m.empty() &&
           (m.back() == '\n' || m.back() == '\r' || m.back() == ' ' || m.back() == '\t'))
        m.remove_suffix(1);
    while (!m.empty() && (m.front() == ' ' || m.front() == '\n')) m.remove_prefix(1);
    return m.empty() ? "truncated or corrupt data (libarchive gave no details)" : printable(m);
}

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

bool open_reader(archive* a, ReadContext& ctx, bool seek) {
    archive_read_set_read_callback(a, read_callback);
    if (seek && ctx.in->seekable()) {
        archive_read_set_seek_callback(a, seek_callback);
        archive_read_set_skip_callback(a, skip_callback);
    }
    archive_read_set_callback_data(a, &ctx);
    return archive_read_open1(a) == ARCHIVE_OK;
}

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

}  // namespace khabar::entries
