/** @file
 * @brief Shared helpers for the libFuzzer targets (header only: every fuzz/fuzz_*.cc is a target).
 */
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "articles/article_finisher.h"
#include "entries/entry.h"
#include "records/record_reader.h"
#include "writer/document_builder.h"

namespace khabar::fuzz {

/// Stop the fuzzer with a message: a broken invariant is a finding like a crash.
[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "\nINVARIANT BROKEN: %s\n", what);
    if (!detail.empty()) {
        std::fprintf(stderr, "  detail (%zu bytes): ", detail.size());
        for (unsigned char c : detail.substr(0, 400)) {
            if (c >= 0x20 && c < 0x7f && c != '\\')
                std::fputc(c, stderr);
            else
                std::fprintf(stderr, "\\x%02x", c);
        }
        std::fputc('\n', stderr);
    }
    std::abort();
}

/// An in-memory entry. Hands out at most `chunk` bytes per read() so that buffer boundaries move
/// with the input (readers must not assume one read() returns everything).
class MemoryStream : public EntryStream {
  public:
    MemoryStream(std::string_view data, std::size_t chunk)
        : data_(data), chunk_(std::max<std::size_t>(1, chunk)) {}
    std::size_t read(char* buf, std::size_t n) override {
        std::size_t k = std::min({n, chunk_, data_.size() - pos_});
        std::memcpy(buf, data_.data() + pos_, k);
        pos_ += k;
        return k;
    }

  private:
    std::string_view data_;
    std::size_t chunk_;
    std::size_t pos_ = 0;
};

/// The sink of the record-reader targets: every article goes through the rest of the indexing
/// path in memory (finish_article: ids, date parsing, language; DocumentBuilder::build: analysis,
/// terms, stored JSON) and is then discarded.
class DiscardSink : public RecordSink {
  public:
    void article(Article&& a) override {
        ++articles;
        if (finish_article(a, FinishOptions{}).empty()) (void)builder_.build(a);
    }
    void bad_record(const Origin&, const std::string& reason) override {
        ++bad;
        if (reason.empty()) fail("bad_record with an empty reason");
        if (reason.find('\n') != std::string::npos)
            fail("bad_record reason is not one line", reason);
    }
    void skipped_entry(const EntryInfo&, const std::string& reason) override {
        ++skipped;
        if (reason.empty()) fail("skipped_entry with an empty reason");
    }
    std::size_t articles = 0, bad = 0, skipped = 0;

  private:
    DocumentBuilder builder_;
};

/// Run read_entry on `data` as an entry named `name`. EntryError (the entry is unreadable) is an
/// expected outcome; any other exception escapes and libFuzzer reports it.
inline void read_one_entry(std::string_view data, const std::string& name, Format format) {
    static DiscardSink sink;  // one DocumentBuilder (ICU break iterator, stemmer) for the process
    EntryInfo info;
    info.file = "fuzz-dump";
    info.path = name;
    info.size = static_cast<std::int64_t>(data.size());
    // Chunk size from the input length: most inputs are read in one piece, a third in pieces of
    // 1..509 bytes (BufferedStream zero-fills 64 KiB per read(), so 1-byte pieces would be slow).
    const std::size_t chunk = data.size() % 3 == 0 ? 1 + data.size() % 509 : 64u << 10;
    MemoryStream stream(data, chunk);
    ReaderOptions options;
    options.format = format;
    try {
        read_entry(info, stream, options, sink);
    } catch (const EntryError&) {
    }
}

}  // namespace khabar::fuzz
