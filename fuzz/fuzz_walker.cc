/** @file
 * @brief libFuzzer target: walk_dump over a file holding the input (any archive or compression
 *        format libarchive reads, nested), with tight WalkLimits; every entry is read to its end.
 *
 * The first input byte picks the file name (names break ties in format sniffing: .tar, .gz,
 * .warc, ...); the rest is the file's content. Seeds in fuzz/corpus/fuzz_walker/ carry that byte.
 */
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "entries/entry_walker.h"
#include "fuzz_support.h"

namespace {

const char* const kNames[] = {
    "dump",     "dump.tar",  "dump.zip",     "dump.gz",  "dump.tgz", "dump.jsonl.gz",
    "dump.7z",  "dump.cpio", "dump.ar",      "dump.iso", "dump.xz",  "dump.bz2",
    "dump.zst", "dump.warc", "dump.warc.gz", "dump.txt", "dump.csv", "dump.lzma",
};

std::filesystem::path g_dir;

class Events : public khabar::WalkEvents {
  public:
    void entry(const khabar::EntryInfo& info, khabar::EntryStream& data) override {
        ++entries;
        std::size_t total = 0;
        for (;;) {
            std::size_t n =
                data.read(buf_.data(), buf_.size());  // EntryError is caught by the walker
            if (n == 0) break;
            if (n > buf_.size()) khabar::fuzz::fail("read() returned more than asked");
            total += n;
            if (total > kMaxEntry + buf_.size())
                khabar::fuzz::fail("entry read past max_entry_bytes", info.display());
        }
    }
    void error(const khabar::EntryInfo& info, const std::string& reason) override {
        check(info, reason);
    }
    void skipped(const khabar::EntryInfo& info, const std::string& reason) override {
        check(info, reason);
    }
    static void check(const khabar::EntryInfo& info, const std::string& reason) {
        if (reason.empty()) khabar::fuzz::fail("error/skip without a reason", info.display());
        if (reason.find('\n') != std::string::npos)
            khabar::fuzz::fail("error/skip reason is not one line", reason);
    }
    static constexpr std::int64_t kMaxEntry = 4 << 20;
    std::size_t entries = 0;

  private:
    std::vector<char> buf_ = std::vector<char>(64 << 10);
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* tmp = std::getenv("TMPDIR");
    g_dir = std::filesystem::path(tmp && *tmp ? tmp : "/tmp") /
            ("khabar-fuzz-walker-" + std::to_string(::getpid()));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // A fresh directory per input, removed afterwards (libFuzzer may end the process without
    // running atexit handlers; a crash leaves the directory with the crashing file in it).
    std::filesystem::create_directories(g_dir);
    const auto path = g_dir / kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data) + 1, static_cast<std::streamsize>(size - 1));
    }
    khabar::WalkLimits limits;
    limits.max_depth = 3;
    limits.max_entry_bytes = Events::kMaxEntry;
    limits.max_ratio = 100.0;
    Events events;
    khabar::walk_dump(path.string(), limits, events);
    std::error_code ec;
    std::filesystem::remove_all(g_dir, ec);
    return 0;
}
