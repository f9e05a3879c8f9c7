/** @file
 * @brief Tests for the dump -> entries stage: BufferedStream, EntryInfo and walk_dump over real
 *        files, directories and archives built at test time with tar/zip/gzip/xz/zstd and
 *        libarchive's write API, plus the shared corpora when ../shared is present.
 */
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entries/entry.h"
#include "entries/entry_walker.h"
#include "entries/stream_kind.h"
#include "reader_doubles.h"
#include "test_support.h"

namespace fs = std::filesystem;
using khabar::BufferedStream;
using khabar::EntryError;
using khabar::EntryInfo;
using khabar::EntryStream;
using khabar::WalkLimits;
using khabar::test::StringStream;

namespace {

struct Got {
    EntryInfo info;
    std::string data;  ///< the first `keep` bytes
    std::int64_t bytes = 0;
};

/// Records what the walker reports; reads every entry to the end (exceptions propagate, as a
/// record reader's would).
class Recorder : public khabar::WalkEvents {
  public:
    std::vector<Got> entries;
    std::vector<std::pair<EntryInfo, std::string>> errors;
    std::vector<std::pair<EntryInfo, std::string>> skips;
    std::size_t keep = 8u << 20;

    void entry(const EntryInfo& info, EntryStream& data) override {
        entries.push_back(Got{info, {}, 0});
        Got& g = entries.back();
        std::vector<char> buf(65536);
        for (;;) {
            std::size_t n = data.read(buf.data(), buf.size());
            if (n == 0) break;
            g.bytes += static_cast<std::int64_t>(n);
            if (g.data.size() < keep) g.data.append(buf.data(), std::min(n, keep - g.data.size()));
        }
    }
    void error(const EntryInfo& info, const std::string& reason) override {
        errors.emplace_back(info, reason);
    }
    void skipped(const EntryInfo& info, const std::string& reason) override {
        skips.emplace_back(info, reason);
    }

    std::vector<std::string> paths() const {
        std::vector<std::string> out;
        for (const auto& g : entries) out.push_back(g.info.path);
        return out;
    }
    std::vector<std::string> displays() const {
        std::vector<std::string> out;
        for (const auto& g : entries) out.push_back(g.info.display());
        return out;
    }
    const Got* find(const std::string& path) const {
        for (const auto& g : entries)
            if (g.info.path == path) return &g;
        return nullptr;
    }
    std::string report() const {
        std::ostringstream o;
        for (const auto& g : entries) o << "entry " << g.info.display() << " " << g.bytes << "\n";
        for (const auto& [i, r] : errors) o << "error " << i.display() << ": " << r << "\n";
        for (const auto& [i, r] : skips) o << "skipped " << i.display() << ": " << r << "\n";
        return o.str();
    }
};

Recorder walk(const fs::path& p, const WalkLimits& limits = {}) {
    Recorder r;
    khabar::walk_dump(p.string(), limits, r);
    return r;
}

void sh(const std::string& cmd) {
    INFO("command: " << cmd);
    REQUIRE(std::system(cmd.c_str()) == 0);
}

std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

void write_file(const fs::path& p, const std::string& s) {
    fs::create_directories(p.parent_path());
    std::ofstream o(p, std::ios::binary);
    o << s;
    REQUIRE(o.good());
}

std::string read_file(const fs::path& p) {
    std::ifstream i(p, std::ios::binary);
    std::ostringstream o;
    o << i.rdbuf();
    return o.str();
}

/// Real text to put in archives: the project's own sources.
std::string real_text(const char* rel) {
    std::string s = read_file(khabar::test::source_dir() / rel);
    REQUIRE_FALSE(s.empty());
    return s;
}

/// About `bytes` of word salad drawn from real text with a fixed-seed generator: compresses like
/// prose (about 3:1), so truncating a .tar.gz lands at a predictable member.
std::string prose(std::size_t bytes, unsigned seed) {
    std::istringstream in(real_text("indexer/entries/entry_walker.h") +
                          real_text("indexer/entries/entry.h"));
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    std::string out;
    unsigned x = seed * 2654435761u + 1;
    while (out.size() < bytes) {
        x = x * 1664525u + 1013904223u;
        out += words[(x >> 8) % words.size()];
        out += (x & 15) == 0 ? '\n' : ' ';
    }
    return out;
}

/// Write an archive with libarchive's write API (formats the CLI tools here cannot make).
void write_with_libarchive(const fs::path& out, int (*set_format)(archive*),
                           const std::vector<std::pair<std::string, std::string>>& files) {
    archive* a = archive_write_new();
    REQUIRE(a);
    REQUIRE(set_format(a) == ARCHIVE_OK);
    REQUIRE(archive_write_open_filename(a, out.c_str()) == ARCHIVE_OK);
    for (const auto& [name, data] : files) {
        archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_mtime(e, 1700000000, 0);
        CHECK(archive_write_header(a, e) == ARCHIVE_OK);
        CHECK(archive_write_data(a, data.data(), data.size()) ==
              static_cast<la_ssize_t>(data.size()));
        archive_entry_free(e);
    }
    CHECK(archive_write_close(a) == ARCHIVE_OK);
    archive_write_free(a);
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

TEST_CASE("EntryInfo::name is the innermost last path component") {
    struct Row {
        EntryInfo info;
        const char* name;
        const char* display;
    };
    const Row rows[] = {
        {{"dump/a.csv", "", -1}, "a.csv", "dump/a.csv"},
        {{"-", "", -1}, "-", "-"},
        {{"d.tar.gz", "x/y.jsonl", -1}, "y.jsonl", "d.tar.gz::x/y.jsonl"},
        {{"d.tar", "outer/inner.zip::dir/file.csv", -1},
         "file.csv",
         "d.tar::outer/inner.zip::dir/file.csv"},
        {{"d.tar", "a.jsonl.gz::a.jsonl", -1}, "a.jsonl", "d.tar::a.jsonl.gz::a.jsonl"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.display);
        CHECK(r.info.name() == r.name);
        CHECK(r.info.display() == r.display);
    }
}

TEST_CASE("printable: control characters and bytes that are not UTF-8 escaped, once") {
    using khabar::printable;
    CHECK(printable("dir/file.csv") == "dir/file.csv");
    CHECK(printable("\u0627\u0631\u062f\u0648/\u00e9t\u00e9.txt") ==
          "\u0627\u0631\u062f\u0648/\u00e9t\u00e9.txt");
    CHECK(printable("a\nb.txt") == "a\\nb.txt");
    CHECK(printable("x\r\ty") == "x\\r\\ty");
    CHECK(printable("\x1b[31mred") == "\\x1b[31mred");
    CHECK(printable(std::string("nul\0x", 5)) == "nul\\x00x");
    CHECK(printable("del\x7f") == "del\\x7f");
    CHECK(printable("c1\u009b2J") == "c1\\x9b2J");                    // U+009B CSI
    CHECK(printable("latin1 caf\xe9.txt") == "latin1 caf\\xe9.txt");  // not UTF-8
    CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");            // a surrogate
    CHECK(printable("cut \xe2\x82") == "cut \\xe2\\x82");
    for (const char* s : {"a\nb", "\x1b]0;t\x07", "caf\xe9", "c1\u0085"})
        CHECK(printable(printable(s)) == printable(s));
    EntryInfo info{"dump\n.zip", "in\x1b[2Jner.txt", -1};
    CHECK(info.display() == "dump\\n.zip::in\\x1b[2Jner.txt");
}

TEST_CASE("BufferedStream lines, peek, get and read_all") {
    SUBCASE("\\r\\n is trimmed, a lone \\r kept, last line without newline returned") {
        StringStream s("one\r\ntwo\n\nthree\rx\nlast", 3);
        BufferedStream b(s);
        CHECK(b.peek(5) == "one\r\n");
        std::string line;
        std::vector<std::string> lines;
        while (b.getline(line)) lines.push_back(line);
        CHECK(lines == std::vector<std::string>{"one", "two", "", "three\rx", "last"});
        CHECK(b.eof());
        CHECK(b.get() == -1);
    }
    SUBCASE("long lines are truncated to max_line and the rest of the line dropped") {
        StringStream s("abcdefghij\nxy\r\nabcde\r\n123456\r\n", 4);
        BufferedStream b(s);
        std::string line;
        bool cut = false;
        REQUIRE(b.getline(line, 5, &cut));
        CHECK(line == "abcde");
        CHECK(cut);
        REQUIRE(b.getline(line, 5, &cut));
        CHECK(line == "xy");
        CHECK_FALSE(cut);
        REQUIRE(b.getline(line, 5, &cut));  // exactly max_line before \r\n: not truncated
        CHECK(line == "abcde");
        CHECK_FALSE(cut);
        REQUIRE(b.getline(line, 5, &cut));
        CHECK(line == "12345");
        CHECK(cut);
        CHECK_FALSE(b.getline(line, 5, &cut));
    }
    SUBCASE("get, peek after partial consumption, read_all with a limit") {
        StringStream s("hello world", 3);
        BufferedStream b(s);
        CHECK(b.get() == 'h');
        CHECK(b.peek(4) == "ello");
        CHECK(b.read_all() == "ello world");
        CHECK(b.eof());
        StringStream big(std::string(1000, 'x'), 3);
        BufferedStream b2(big);
        CHECK_THROWS_AS(b2.read_all(999), EntryError);
    }
    SUBCASE("read errors surface as EntryError") {
        StringStream s("line one\nline two\n", 4, 10);
        BufferedStream b(s);
        std::string line;
        CHECK(b.getline(line));
        CHECK(line == "line one");
        CHECK_THROWS_AS(b.getline(line), EntryError);
    }
    SUBCASE("bytes above 0x7f come back unsigned from get()") {
        StringStream s("\xd8\xa7", 3);  // Urdu alef
        BufferedStream b(s);
        CHECK(b.get() == 0xd8);
        CHECK(b.get() == 0xa7);
        CHECK(b.get() == -1);
    }
}

TEST_CASE("plain file is delivered as itself") {
    auto dir = khabar::test::fresh_tmp_dir("entries-plain");
    std::string text = real_text("indexer/entries/entry.h");
    write_file(dir / "notes.txt", text);
    auto r = walk(dir / "notes.txt");
    INFO(r.report());
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].info.file == (dir / "notes.txt").string());
    CHECK(r.entries[0].info.path.empty());
    CHECK(r.entries[0].info.size == static_cast<std::int64_t>(text.size()));
    CHECK(r.entries[0].data == text);
    CHECK(r.errors.empty());
    CHECK(r.skips.empty());
}

TEST_CASE("content decides: a .txt with an archive-like start is text, a .dat zip is opened") {
    auto dir = khabar::test::fresh_tmp_dir("entries-sniff");
    // "!<arch>\n" (ar) and a cpio-looking run of octal digits at the start of text files.
    std::string ar_like = "!<arch>\nnot really an archive, " + prose(300, 1);
    std::string cpio_like = std::string(80, '0').replace(0, 6, "070707") + "\n" + prose(200, 2);
    write_file(dir / "ar.txt", ar_like);
    write_file(dir / "cpio.csv", cpio_like);
    auto r1 = walk(dir / "ar.txt");
    auto r2 = walk(dir / "cpio.csv");
    REQUIRE(r1.entries.size() == 1);
    CHECK(r1.entries[0].data == ar_like);
    REQUIRE(r2.entries.size() == 1);
    CHECK(r2.entries[0].data == cpio_like);

    write_file(dir / "src/story.txt", prose(2000, 3));
    sh("cd " + q(dir / "src") + " && zip -q ../bundle.dat story.txt");
    auto r3 = walk(dir / "bundle.dat");
    INFO(r3.report());
    CHECK(r3.paths() == std::vector<std::string>{"story.txt"});
    CHECK(r3.entries.at(0).data == prose(2000, 3));

    // A .zip name on something that is not an archive: delivered unchanged.
    write_file(dir / "fake.zip", "just,some,csv\n1,2,3\n");
    auto r4 = walk(dir / "fake.zip");
    INFO(r4.report());
    REQUIRE(r4.entries.size() == 1);
    CHECK(r4.entries[0].info.path.empty());
    CHECK(r4.entries[0].data == "just,some,csv\n1,2,3\n");
}

TEST_CASE("directory walk: recursive, sorted, macOS litter skipped silently") {
    auto dir = khabar::test::fresh_tmp_dir("entries-dir");
    write_file(dir / "b.txt", "b");
    write_file(dir / "a/z.txt", "az");
    write_file(dir / "a/b.csv", "ab");
    write_file(dir / "c/d/e.json", "{}");
    write_file(dir / "._b.txt", "resource fork");
    write_file(dir / "__MACOSX/a/._z.txt", "resource fork");
    write_file(dir / ".DS_Store", "finder");
    auto r = walk(dir);
    INFO(r.report());
    std::string d = dir.string();
    CHECK(r.displays() == std::vector<std::string>{d + "/a/b.csv", d + "/a/z.txt", d + "/b.txt",
                                                   d + "/c/d/e.json"});
    CHECK(r.errors.empty());
    CHECK(r.skips.empty());
    // A trailing slash on the argument does not double up.
    auto r2 = walk(d + "/");
    CHECK(r2.displays() == r.displays());
}

TEST_CASE("symlink loops are reported and walked once") {
    auto dir = khabar::test::fresh_tmp_dir("entries-symlink");
    write_file(dir / "top/sub/a.txt", "a");
    fs::create_directory_symlink("..", dir / "top/sub/up");       // loop back to top
    fs::create_directory_symlink("sub", dir / "top/zagain");      // second way into sub
    fs::create_symlink("nowhere.txt", dir / "top/dangling.txt");  // broken link
    fs::create_symlink("self", dir / "top/self");                 // link to itself (ELOOP)
    auto r = walk(dir / "top");
    INFO(r.report());
    CHECK(r.displays() == std::vector<std::string>{(dir / "top/sub/a.txt").string()});
    bool loop = false, again = false, self = false;
    for (const auto& [info, reason] : r.skips) {
        if (info.file == (dir / "top/sub/up").string() && contains(reason, "symlink loop"))
            loop = true;
        if (info.file == (dir / "top/sub").string() || info.file == (dir / "top/zagain").string())
            again = true;
        if (info.file == (dir / "top/self").string() && contains(reason, "loop")) self = true;
    }
    CHECK(loop);
    CHECK(again);
    CHECK(self);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].first.file == (dir / "top/dangling.txt").string());
    CHECK(contains(r.errors[0].second, "broken symbolic link"));
}

TEST_CASE("unreadable and missing files are errors, the walk goes on") {
    // As root the check runs as "nobody", who must be able to reach the directory: use /tmp, not
    // the build tree (which may sit under /root).
    auto dir = ::geteuid() == 0
                   ? fs::temp_directory_path() / ("khabar-unreadable-" + std::to_string(::getpid()))
                   : khabar::test::fresh_tmp_dir("entries-unreadable");
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto missing = walk(dir / "no-such-file.csv");
    REQUIRE(missing.errors.size() == 1);
    CHECK(contains(missing.errors[0].second, "No such file"));

    write_file(dir / "d/ok.txt", "fine");
    write_file(dir / "d/secret.txt", "hidden");
    fs::create_directories(dir / "d/locked");
    write_file(dir / "d/locked/inside.txt", "hidden too");
    fs::permissions(dir / "d/secret.txt", fs::perms::none);
    fs::permissions(dir / "d/locked", fs::perms::none);
    // Permission bits do not stop root: walk as "nobody" in a child process then.
    auto check = [&]() -> bool {
        auto r = walk(dir / "d");
        std::vector<std::string> err_files;
        for (const auto& [info, reason] : r.errors) err_files.push_back(info.file);
        return r.displays() == std::vector<std::string>{(dir / "d/ok.txt").string()} &&
               err_files == std::vector<std::string>{(dir / "d/locked").string(),
                                                     (dir / "d/secret.txt").string()} &&
               contains(r.errors[0].second, "Permission denied");
    };
    bool ok = false;
    if (::geteuid() != 0) {
        ok = check();
    } else {
        fs::permissions(dir, fs::perms::all);
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(2);
            ::_exit(check() ? 0 : 1);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) != 2);  // could not become nobody
        ok = WEXITSTATUS(status) == 0;
    }
    fs::permissions(dir / "d/secret.txt", fs::perms::owner_all);
    fs::permissions(dir / "d/locked", fs::perms::owner_all);
    if (::geteuid() == 0) fs::remove_all(dir);
    CHECK(ok);
}

TEST_CASE("tar.gz and tar.xz members are streamed with their paths") {
    auto dir = khabar::test::fresh_tmp_dir("entries-tar");
    write_file(dir / "src/news/en.txt", real_text("indexer/entries/entry.h"));
    write_file(dir / "src/news/more/b.csv", "id,title\n1,hello\n");
    write_file(dir / "src/news/empty.txt", "");
    sh("cd " + q(dir / "src") + " && tar czf ../d.tar.gz news && tar cJf ../d.tar.xz news" +
       " && tar --zstd -cf ../d.tar.zst news");
    for (const char* name : {"d.tar.gz", "d.tar.xz", "d.tar.zst"}) {
        CAPTURE(name);
        auto r = walk(dir / name);
        INFO(r.report());
        auto paths = r.paths();
        std::sort(paths.begin(), paths.end());
        CHECK(paths ==
              std::vector<std::string>{"news/empty.txt", "news/en.txt", "news/more/b.csv"});
        REQUIRE(r.find("news/en.txt"));
        CHECK(r.find("news/en.txt")->data == real_text("indexer/entries/entry.h"));
        CHECK(r.find("news/more/b.csv")->info.display() ==
              (dir / name).string() + "::news/more/b.csv");
        CHECK(r.find("news/more/b.csv")->info.size == 17);
        CHECK(r.errors.empty());
    }
}

TEST_CASE("zip members, __MACOSX and ._ forks skipped") {
    auto dir = khabar::test::fresh_tmp_dir("entries-zip");
    write_file(dir / "src/bbc/tech/001.txt", prose(3000, 4));
    write_file(dir / "src/bbc/README.TXT", "readme");
    write_file(dir / "src/__MACOSX/bbc/tech/._001.txt", "fork");
    write_file(dir / "src/bbc/._README.TXT", "fork");
    sh("cd " + q(dir / "src") + " && zip -qr ../bbc.zip bbc __MACOSX");
    auto r = walk(dir / "bbc.zip");
    INFO(r.report());
    auto paths = r.paths();
    std::sort(paths.begin(), paths.end());
    CHECK(paths == std::vector<std::string>{"bbc/README.TXT", "bbc/tech/001.txt"});
    CHECK(r.find("bbc/tech/001.txt")->data == prose(3000, 4));
    CHECK(r.errors.empty());
    CHECK(r.skips.empty());
}

TEST_CASE("nested archives: zip inside tar, tar.gz inside zip, jsonl.gz inside tar") {
    auto dir = khabar::test::fresh_tmp_dir("entries-nested");
    write_file(dir / "in/dir/file.csv", "id,text\n1," + prose(500, 5) + "\n");
    write_file(dir / "in/dir/other.txt", prose(800, 6));
    sh("cd " + q(dir / "in") + " && zip -qr ../inner.zip dir");
    write_file(dir / "lines.jsonl", "{\"a\":1}\n{\"a\":2}\n");
    sh("mkdir -p " + q(dir / "o/outer") + " && cp " + q(dir / "inner.zip") + " " +
       q(dir / "o/outer/inner.zip") + " && gzip -c " + q(dir / "lines.jsonl") + " > " +
       q(dir / "o/outer/lines.jsonl.gz"));
    sh("cd " + q(dir / "o") + " && tar cf ../dump.tar outer");

    auto r = walk(dir / "dump.tar");
    INFO(r.report());
    auto paths = r.paths();
    std::sort(paths.begin(), paths.end());
    CHECK(paths == std::vector<std::string>{"outer/inner.zip::dir/file.csv",
                                            "outer/inner.zip::dir/other.txt",
                                            "outer/lines.jsonl.gz::lines.jsonl"});
    const Got* csv = r.find("outer/inner.zip::dir/file.csv");
    REQUIRE(csv);
    CHECK(csv->info.display() == (dir / "dump.tar").string() + "::outer/inner.zip::dir/file.csv");
    CHECK(csv->info.name() == "file.csv");
    CHECK(csv->data == read_file(dir / "in/dir/file.csv"));
    CHECK(r.find("outer/lines.jsonl.gz::lines.jsonl")->data == "{\"a\":1}\n{\"a\":2}\n");
    CHECK(r.errors.empty());

    // The other way round: a .tar.gz inside a zip.
    sh("cd " + q(dir / "in") + " && tar czf ../inner.tar.gz dir && cd .. && zip -q outer.zip " +
       "inner.tar.gz");
    auto r2 = walk(dir / "outer.zip");
    INFO(r2.report());
    paths = r2.paths();
    std::sort(paths.begin(), paths.end());
    CHECK(paths ==
          std::vector<std::string>{"inner.tar.gz::dir/file.csv", "inner.tar.gz::dir/other.txt"});
    CHECK(r2.find("inner.tar.gz::dir/other.txt")->data == prose(800, 6));
}

TEST_CASE(
    "depth limit: archives nested deeper than max_depth are not opened: an error with a reason") {
    auto dir = khabar::test::fresh_tmp_dir("entries-depth");
    write_file(dir / "l3/deep.txt", "deep text");
    sh("cd " + q(dir / "l3") + " && zip -q ../l2.zip deep.txt");
    sh("cd " + q(dir) + " && zip -q l1.zip l2.zip && tar cf l0.tar l1.zip");

    auto all = walk(dir / "l0.tar");
    INFO(all.report());
    CHECK(all.paths() == std::vector<std::string>{"l1.zip::l2.zip::deep.txt"});

    WalkLimits limits;
    limits.max_depth = 1;
    auto r = walk(dir / "l0.tar", limits);
    INFO(r.report());
    CHECK(r.entries.empty());
    CHECK(r.skips.empty());
    REQUIRE(r.errors.size() == 1);  // an error: deep.txt is not indexed, the user must be told
    CHECK(r.errors[0].first.path == "l1.zip::l2.zip");
    CHECK(contains(r.errors[0].second, "max_depth (1)"));
}

TEST_CASE("single compressed files: .jsonl.gz, .zst, .xz, multi-member gzip") {
    auto dir = khabar::test::fresh_tmp_dir("entries-single");
    std::string jsonl;
    for (int i = 0; i < 200; ++i)
        jsonl += "{\"id\":" + std::to_string(i) + ",\"text\":\"" + prose(60, 7 + i) + "\"}\n";
    write_file(dir / "x.jsonl", jsonl);
    sh("gzip -k " + q(dir / "x.jsonl") + " && zstd -q -k " + q(dir / "x.jsonl") + " && xz -k " +
       q(dir / "x.jsonl"));
    for (const char* name : {"x.jsonl.gz", "x.jsonl.zst", "x.jsonl.xz"}) {
        CAPTURE(name);
        auto r = walk(dir / name);
        INFO(r.report());
        REQUIRE(r.entries.size() == 1);
        CHECK(r.entries[0].info.path == "x.jsonl");
        CHECK(r.entries[0].info.name() == "x.jsonl");
        CHECK(r.entries[0].info.display() == (dir / name).string() + "::x.jsonl");
        CHECK(r.entries[0].data == jsonl);
        CHECK(r.errors.empty());
    }
    // Two gzip members back to back decompress as one stream.
    write_file(dir / "p1.txt", "first part\n");
    write_file(dir / "p2.txt", "second part\n");
    sh("gzip -c " + q(dir / "p1.txt") + " > " + q(dir / "both.txt.gz") + " && gzip -c " +
       q(dir / "p2.txt") + " >> " + q(dir / "both.txt.gz"));
    auto r = walk(dir / "both.txt.gz");
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].data == "first part\nsecond part\n");
}

TEST_CASE("WARC files are leaves: decompressed, never opened as an archive") {
    auto dir = khabar::test::fresh_tmp_dir("entries-warc");
    std::string rec1 = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ntest\r\n\r\n";
    std::string rec2 = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n";
    write_file(dir / "r1", rec1);
    write_file(dir / "r2", rec2);
    write_file(dir / "plain.warc", rec1 + rec2);
    // Per-record gzip members, as WARC writers produce.
    sh("gzip -c " + q(dir / "r1") + " > " + q(dir / "crawl.warc.gz") + " && gzip -c " +
       q(dir / "r2") + " >> " + q(dir / "crawl.warc.gz"));
    auto r = walk(dir / "crawl.warc.gz");
    INFO(r.report());
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].info.path == "crawl.warc");
    CHECK(r.entries[0].data == rec1 + rec2);
    auto p = walk(dir / "plain.warc");
    REQUIRE(p.entries.size() == 1);
    CHECK(p.entries[0].info.path.empty());
    CHECK(p.entries[0].data == rec1 + rec2);
    // Inside a tar, still one leaf each.
    sh("cd " + q(dir) + " && tar cf crawls.tar crawl.warc.gz plain.warc");
    auto t = walk(dir / "crawls.tar");
    INFO(t.report());
    CHECK(t.paths() == std::vector<std::string>{"crawl.warc.gz::crawl.warc", "plain.warc"});
}

TEST_CASE("formats written with libarchive: 7z, cpio, ar, iso9660") {
    auto dir = khabar::test::fresh_tmp_dir("entries-formats");
    std::vector<std::pair<std::string, std::string>> files = {{"news/one.txt", prose(4000, 8)},
                                                              {"news/two.csv", "a,b\n1,2\n"}};
    struct Fmt {
        const char* file;
        int (*set)(archive*);
        std::vector<std::string> expect;
    };
    std::vector<Fmt> fmts = {
        {"d.7z", archive_write_set_format_7zip, {"news/one.txt", "news/two.csv"}},
        {"d.cpio", archive_write_set_format_cpio_newc, {"news/one.txt", "news/two.csv"}},
        {"d.iso", archive_write_set_format_iso9660, {"news/one.txt", "news/two.csv"}},
        // ar keeps base names only
        {"d.ar", archive_write_set_format_ar_svr4, {"one.txt", "two.csv"}},
    };
    for (const auto& f : fmts) {
        CAPTURE(f.file);
        auto files_here = files;
        if (std::string(f.file) == "d.ar")
            for (auto& [n, d] : files_here) n = n.substr(n.find('/') + 1);
        write_with_libarchive(dir / f.file, f.set, files_here);
        auto r = walk(dir / f.file);
        INFO(r.report());
        auto paths = r.paths();
        std::sort(paths.begin(), paths.end());
        CHECK(paths == f.expect);
        REQUIRE(!r.entries.empty());
        CHECK(r.find(f.expect[0])->data == prose(4000, 8));
        CHECK(r.errors.empty());
    }
    // The same files under uninformative names are still recognised by content.
    fs::copy_file(dir / "d.7z", dir / "d7.bin");
    fs::copy_file(dir / "d.iso", dir / "iso.img");
    CHECK(walk(dir / "d7.bin").entries.size() == 2);
    CHECK(walk(dir / "iso.img").entries.size() == 2);

    // Inside a tar, ISO 9660 streams fine; 7z needs seeking, so it is an error naming it.
    sh("cd " + q(dir) + " && tar cf both.tar d.7z d.iso d.cpio");
    auto r = walk(dir / "both.tar");
    INFO(r.report());
    auto paths = r.paths();
    std::sort(paths.begin(), paths.end());
    CHECK(paths == std::vector<std::string>{"d.cpio::news/one.txt", "d.cpio::news/two.csv",
                                            "d.iso::news/one.txt", "d.iso::news/two.csv"});
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].first.path == "d.7z");
    CHECK(contains(r.errors[0].second, "seekable"));
}

TEST_CASE("damaged tar header, encrypted zip members, empty compressed file") {
    auto dir = khabar::test::fresh_tmp_dir("entries-damaged");
    for (int i = 1; i <= 4; ++i)
        write_file(dir / ("src/m" + std::to_string(i) + ".txt"), prose(3000, 30 + i));
    sh("cd " + q(dir / "src") + " && tar cf ../c.tar m1.txt m2.txt m3.txt m4.txt");
    std::string tar = read_file(dir / "c.tar");
    auto at = tar.find("m3.txt");
    REQUIRE(at != std::string::npos);
    for (std::size_t i = at; i < at + 100; ++i) tar[i] = '\xff';  // m3's header checksum fails
    write_file(dir / "c.tar", tar);
    auto r = walk(dir / "c.tar");
    INFO(r.report());
    CHECK(r.paths() == std::vector<std::string>{"m1.txt", "m2.txt", "m4.txt"});
    CHECK(r.find("m4.txt")->data == prose(3000, 34));
    REQUIRE(r.errors.size() == 1);
    CHECK(contains(r.errors[0].second, "after entry m2.txt"));

    sh("cd " + q(dir / "src") + " && zip -q -P secret ../enc.zip m1.txt m2.txt");
    auto e = walk(dir / "enc.zip");
    INFO(e.report());
    CHECK(e.entries.empty());
    REQUIRE(e.errors.size() == 2);
    CHECK(e.errors[0].first.path == "m1.txt");
    CHECK(contains(e.errors[0].second, "encrypted"));

    write_file(dir / "empty.jsonl", "");
    sh("gzip " + q(dir / "empty.jsonl"));
    auto z = walk(dir / "empty.jsonl.gz");
    INFO(z.report());
    REQUIRE(z.entries.size() == 1);
    CHECK(z.entries[0].info.path == "empty.jsonl");
    CHECK(z.entries[0].bytes == 0);
    CHECK(z.errors.empty());
}

TEST_CASE("truncated tar.gz: earlier members delivered, error names the file and entry") {
    auto dir = khabar::test::fresh_tmp_dir("entries-trunc");
    for (int i = 0; i < 6; ++i)
        write_file(dir / ("src/part" + std::to_string(i) + ".txt"), prose(150000, 10 + i));
    sh("cd " + q(dir / "src") + " && tar czf ../full.tar.gz part0.txt part1.txt part2.txt " +
       "part3.txt part4.txt part5.txt");
    std::string full = read_file(dir / "full.tar.gz");
    write_file(dir / "cut.tar.gz", full.substr(0, full.size() * 6 / 10));

    auto r = walk(dir / "cut.tar.gz");
    INFO(r.report());
    REQUIRE(r.entries.size() >= 2);
    CHECK(r.entries[0].info.path == "part0.txt");
    CHECK(r.entries[0].data == prose(150000, 10));
    CHECK(r.entries[1].data == prose(150000, 11));
    REQUIRE(r.errors.size() == 1);
    const auto& [info, reason] = r.errors[0];
    CHECK(info.file == (dir / "cut.tar.gz").string());
    CHECK(info.path.starts_with("part"));  // the member being read when the data ran out
    CHECK(contains(reason, "runcated"));   // libarchive: "truncated gzip input"
    CHECK(r.entries.size() < 6);

    // A corrupt (not just short) stream: garbage in the middle of the compressed data.
    std::string bad = full;
    for (std::size_t i = bad.size() / 2; i < bad.size() / 2 + 64; ++i) bad[i] = '\x55';
    write_file(dir / "bad.tar.gz", bad);
    auto b = walk(dir / "bad.tar.gz");
    INFO(b.report());
    CHECK(b.entries.size() >= 2);
    CHECK(b.errors.size() >= 1);
}

TEST_CASE("a corrupt zip member is an error; the other members are still read") {
    auto dir = khabar::test::fresh_tmp_dir("entries-badzip");
    write_file(dir / "src/a.txt", prose(20000, 20));
    write_file(dir / "src/b.txt", prose(20000, 21));
    sh("cd " + q(dir / "src") + " && zip -q ../z.zip a.txt b.txt");
    std::string z = read_file(dir / "z.zip");
    // Damage a.txt's deflate data (it starts after the 30-byte local header and its name).
    for (std::size_t i = 100; i < 400; ++i) z[i] = static_cast<char>(z[i] ^ 0x5a);
    write_file(dir / "z.zip", z);
    auto r = walk(dir / "z.zip");
    INFO(r.report());
    REQUIRE(r.errors.size() >= 1);
    CHECK(r.errors[0].first.path == "a.txt");
    const Got* b = r.find("b.txt");
    REQUIRE(b);
    CHECK(b->data == prose(20000, 21));
}

TEST_CASE("reasons and names are one line: libarchive's trailing newline, control characters") {
    auto dir = khabar::test::fresh_tmp_dir("entries-oneline");
    auto one_line = [](const std::string& s) {
        return !s.empty() && std::none_of(s.begin(), s.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        });
    };
    auto check_all = [&](const Recorder& r) {
        for (const auto& [info, reason] : r.errors) {
            CHECK(one_line(reason));
            CHECK(one_line(info.display()));
        }
        for (const auto& [info, reason] : r.skips) {
            CHECK(one_line(reason));
            CHECK(one_line(info.display()));
        }
        for (const auto& g : r.entries) CHECK(one_line(g.info.display()));
    };
    // The fuzzer's reproducers (byte 0 picked the name dump.zip).
    auto reproducer = [&](const char* name) {
        std::string bytes =
            read_file(khabar::test::source_dir() / "fuzz/regressions/fuzz_walker" / name);
        REQUIRE(bytes.size() > 1);
        write_file(dir / "dump.zip", bytes.substr(1));
        return walk(dir / "dump.zip");
    };
    auto wrong = reproducer("zip-wrong-size-reason-ends-in-newline");
    INFO(wrong.report());
    check_all(wrong);
    REQUIRE(wrong.errors.size() >= 1);
    CHECK(contains(wrong.errors[0].second, "wrong size"));

    auto nl = reproducer("zip-member-name-with-newline-in-reason");
    INFO(nl.report());
    check_all(nl);
    REQUIRE(nl.errors.size() >= 1);
    CHECK(contains(nl.errors[0].second, "after entry a\\nb.txt: "));

    // Member names with a newline, ESC and C1 CSI, written with libarchive.
    write_with_libarchive(dir / "names.zip", archive_write_set_format_zip,
                          {{"line\nbreak.txt", "one\n"},
                           {"\x1b[31mred.txt", "two\n"},
                           {"csi\u009b2J.txt", "three\n"}});
    auto names = walk(dir / "names.zip");
    INFO(names.report());
    check_all(names);
    CHECK(names.errors.empty());
    auto paths = names.paths();
    std::sort(paths.begin(), paths.end());
    CHECK(paths ==
          std::vector<std::string>{"\\x1b[31mred.txt", "csi\\x9b2J.txt", "line\\nbreak.txt"});
    const Got* red = names.find("\\x1b[31mred.txt");
    REQUIRE(red);
    CHECK(red->data == "two\n");
    CHECK(red->info.name() == "\\x1b[31mred.txt");
}

TEST_CASE("a zip whose central directory is damaged: members read from their local headers") {
    // testdata/bad/bad-central-directory.zip: three members, central directory overwritten with
    // 0xff. libarchive's seekable reader ends such a zip at once, without an error.
    auto r = walk(khabar::test::source_dir() / "testdata/bad/bad-central-directory.zip");
    INFO(r.report());
    CHECK(r.paths() ==
          std::vector<std::string>{"article-16.jsonl", "article-17.jsonl", "article-18.jsonl"});
    for (const auto& g : r.entries) CHECK(g.data.starts_with("{\"id\": \"reuters-"));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].first.path.empty());
    CHECK(contains(r.errors[0].second, "central directory"));
}

TEST_CASE("bomb guard: max_entry_bytes and max_ratio stop an expanding entry") {
    auto dir = khabar::test::fresh_tmp_dir("entries-bomb");
    sh("head -c 52428800 /dev/zero | gzip -c > " + q(dir / "zeros.bin.gz"));
    SUBCASE("max_entry_bytes") {
        WalkLimits limits;
        limits.max_entry_bytes = 1 << 20;
        auto r = walk(dir / "zeros.bin.gz", limits);
        INFO(r.report());
        REQUIRE(r.entries.size() == 1);
        CHECK(r.entries[0].bytes <= (1 << 20));
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].first.path == "zeros.bin");
        CHECK(contains(r.errors[0].second, "max_entry_bytes (1048576 bytes)"));
    }
    SUBCASE("max_ratio") {
        WalkLimits limits;
        limits.max_ratio = 100;
        auto r = walk(dir / "zeros.bin.gz", limits);
        INFO(r.report());
        REQUIRE(r.errors.size() == 1);
        CHECK(contains(r.errors[0].second, "max_ratio (100 x"));
        CHECK(r.entries.at(0).bytes < 52428800 / 4);
    }
    SUBCASE("inside a tar.gz the rest of the archive is not decompressed") {
        write_file(dir / "t/a.txt", "before");
        write_file(dir / "t/z.txt", "after");
        sh("head -c 52428800 /dev/zero > " + q(dir / "t/m.bin") + " && cd " + q(dir / "t") +
           " && tar czf ../bomb.tar.gz a.txt m.bin z.txt && rm m.bin");
        WalkLimits limits;
        limits.max_entry_bytes = 1 << 20;
        auto r = walk(dir / "bomb.tar.gz", limits);
        INFO(r.report());
        CHECK(r.find("a.txt"));
        CHECK_FALSE(r.find("z.txt"));
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].first.path == "m.bin");
        REQUIRE(r.skips.size() == 1);
        CHECK(contains(r.skips[0].second, "bomb"));
    }
}

TEST_CASE("stdin (\"-\") is walked like a file, compressed or not") {
    auto dir = khabar::test::fresh_tmp_dir("entries-stdin");
    write_file(dir / "s.csv", "id,title\n1,stdin works\n");
    sh("gzip -k " + q(dir / "s.csv") + " && cd " + q(dir) + " && tar czf s.tar.gz s.csv");
    auto with_stdin = [](const fs::path& file) {
        int saved = ::dup(STDIN_FILENO);
        int fd = ::open(file.c_str(), O_RDONLY);
        REQUIRE(fd >= 0);
        ::dup2(fd, STDIN_FILENO);
        ::close(fd);
        Recorder r;
        khabar::walk_dump("-", WalkLimits{}, r);
        ::dup2(saved, STDIN_FILENO);
        ::close(saved);
        return r;
    };
    auto plain = with_stdin(dir / "s.csv");
    REQUIRE(plain.entries.size() == 1);
    CHECK(plain.entries[0].info.display() == "-");
    CHECK(plain.entries[0].data == "id,title\n1,stdin works\n");
    auto gz = with_stdin(dir / "s.csv.gz");
    REQUIRE(gz.entries.size() == 1);
    CHECK(gz.entries[0].info.display() == "-");
    CHECK(gz.entries[0].data == "id,title\n1,stdin works\n");
    auto tgz = with_stdin(dir / "s.tar.gz");
    REQUIRE(tgz.entries.size() == 1);
    CHECK(tgz.entries[0].info.display() == "-::s.csv");
}

TEST_CASE("consumer behaviour: swallowed read errors still reported, fatal errors propagate") {
    auto dir = khabar::test::fresh_tmp_dir("entries-consumer");
    for (int i = 0; i < 3; ++i)
        write_file(dir / ("src/p" + std::to_string(i) + ".txt"), prose(200000, 40 + i));
    sh("cd " + q(dir / "src") + " && tar czf ../a.tar.gz p0.txt p1.txt p2.txt && cd .. && " +
       "zip -q outer.zip a.tar.gz");
    std::string full = read_file(dir / "a.tar.gz");
    write_file(dir / "cut.tar.gz", full.substr(0, full.size() / 2));

    // A consumer that catches EntryError itself and carries on.
    struct Swallower : Recorder {
        void entry(const EntryInfo& info, EntryStream& data) override {
            try {
                Recorder::entry(info, data);
            } catch (const EntryError&) {
            }
        }
    } swallow;
    khabar::walk_dump((dir / "cut.tar.gz").string(), WalkLimits{}, swallow);
    INFO(swallow.report());
    REQUIRE(swallow.errors.size() == 1);
    CHECK(swallow.errors[0].first.path.starts_with("p"));

    // A consumer whose own failure is fatal: it leaves walk_dump, from two archives deep too.
    struct Fatal : Recorder {
        void entry(const EntryInfo&, EntryStream&) override {
            throw std::runtime_error("index is gone");
        }
    } fatal;
    CHECK_THROWS_WITH(khabar::walk_dump((dir / "outer.zip").string(), WalkLimits{}, fatal),
                      "index is gone");
    CHECK(fatal.errors.empty());
}

TEST_CASE("a stream the consumer holds already is delivered in its place with no bytes, unread") {
    auto dir = khabar::test::fresh_tmp_dir("entries-held");
    write_file(dir / "src/a.txt", prose(3000, 50));
    write_file(dir / "src/b.txt", prose(3000, 51));
    write_file(dir / "dump/lines.jsonl", "{\"a\":1}\n");
    sh("gzip " + q(dir / "dump/lines.jsonl"));
    write_file(dir / "dump/page.txt", prose(5000, 52));
    sh("cd " + q(dir / "src") + " && zip -q ../dump/x.zip a.txt b.txt");

    // Holds an archive member, the one stream of a compressed file and a plain file.
    struct Holder : Recorder {
        std::vector<std::string> asked;
        bool holds(const EntryInfo& info) override {
            asked.push_back(fs::path(info.file).filename().string() + "::" + info.path);
            return info.path == "a.txt" || info.path == "lines.jsonl" ||
                   info.file.ends_with("page.txt");
        }
    } held;
    const std::uint64_t before = khabar::input_bytes_read();
    khabar::walk_dump((dir / "dump/page.txt").string(), WalkLimits{}, held);
    CHECK(khabar::input_bytes_read() == before);  // a held file is not read at all
    REQUIRE(held.displays() == std::vector<std::string>{(dir / "dump/page.txt").string()});
    CHECK(held.entries[0].bytes == 0);
    held.entries.clear();
    khabar::walk_dump((dir / "dump").string(), WalkLimits{}, held);
    INFO(held.report());
    auto all = walk(dir / "dump");
    CHECK(held.displays() == all.displays());  // the same entries, in the same places
    REQUIRE(all.entries.size() == 4);
    for (std::size_t i = 0; i < all.entries.size(); ++i) {
        const bool is_held = all.entries[i].info.path == "a.txt" ||
                             all.entries[i].info.path == "lines.jsonl" ||
                             all.entries[i].info.file.ends_with("page.txt");
        CHECK(held.entries[i].bytes == (is_held ? 0 : all.entries[i].bytes));
    }
    // Asked of every stream before it is looked at; the decompressed one before decompressing.
    CHECK(held.asked ==
          std::vector<std::string>{"page.txt::", "lines.jsonl.gz::", "lines.jsonl.gz::lines.jsonl",
                                   "page.txt::", "x.zip::", "x.zip::a.txt", "x.zip::b.txt"});
    CHECK(held.errors.empty());
}

// ---------------------------------------------------------------------------------------------
// The shared corpora.

TEST_CASE("shared: reuters21578.tar.gz yields its 22 .sgm files") {
    if (khabar::test::skip_without_shared("reuters21578.tar.gz")) return;
    auto r = walk(*khabar::test::shared_dir() / "corpora/reuters21578.tar.gz");
    INFO(r.report());
    int sgm = 0;
    for (const auto& g : r.entries) {
        if (g.info.name().ends_with(".sgm")) {
            ++sgm;
            CHECK(g.info.path.starts_with("reuters21578/reut2-0"));
            CHECK(g.data.starts_with("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">"));
        }
    }
    CHECK(sgm == 22);
    CHECK(r.errors.empty());
}

TEST_CASE("shared: urdu-fake-news.tar.zst yields about 1300 .txt files") {
    if (khabar::test::skip_without_shared("urdu-fake-news.tar.zst")) return;
    auto r = walk(*khabar::test::shared_dir() / "corpora/urdu-fake-news.tar.zst");
    int txt = 0;
    for (const auto& g : r.entries)
        if (g.info.name().ends_with(".txt")) ++txt;
    CHECK(txt >= 1250);
    CHECK(txt <= 1350);
    CHECK(r.errors.empty());
}

TEST_CASE("shared: warc-samples/example.warc.gz is one decompressed leaf") {
    if (khabar::test::skip_without_shared("example.warc.gz")) return;
    auto dir = *khabar::test::shared_dir() / "corpora/warc-samples";
    auto r = walk(dir / "example.warc.gz");
    INFO(r.report());
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].info.path == "example.warc");
    CHECK(r.entries[0].data.starts_with("WARC/1.0"));
    CHECK(r.errors.empty());

    // The whole directory: every sample is one leaf (WARC/ARC, compressed or not, good or bad).
    auto all = walk(dir);
    INFO(all.report());
    CHECK(all.entries.size() == 16);
    for (const auto& g : all.entries) {
        CAPTURE(g.info.display());
        CHECK((g.data.starts_with("WARC/") || g.data.starts_with("filedesc://")));
    }
}

TEST_CASE("stream kind: the content decides, the name breaks ties") {
    using khabar::entries::Plan;
    using khabar::entries::plan_for;
    using namespace std::string_literals;
    std::string tar_head(512, '\0');
    tar_head.replace(257, 5, "ustar");
    const struct {
        const char* name;
        std::string head;
        Plan plan;
    } cases[] = {
        {"a.jsonl", R"({"title": "x"})", Plan::leaf},
        {"a.jsonl.gz", "\x1f\x8b\x08\x00"s, Plan::decompress},
        {"a.txt", "\x1f\x8b\x08\x00"s, Plan::decompress},  // a strong signature wins
        {"a.bin", tar_head, Plan::archive},
        {"a.zip", "PK\x03\x04"s, Plan::archive},
        {"a.warc.gz", "PK\x03\x04"s, Plan::leaf},     // WARC names stay leaves
        {"a.warc", "WARC/1.0\r\n", Plan::leaf},       // WARC content too
        {"list.txt", "!<arch>\nnot ar", Plan::leaf},  // a weak signature in a text type
        {"lib.a", "!<arch>\nmember", Plan::archive},
        {"a.tar", "no signature at all", Plan::maybe_archive},
        {"a.csv", "no signature at all", Plan::leaf},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(plan_for(c.name, c.head) == c.plan);
    }
    std::string stripped;
    CHECK(khabar::entries::strip_compression_ext("x.tgz", stripped));
    CHECK(stripped == "x.tar");
    CHECK_FALSE(khabar::entries::strip_compression_ext("x.jsonl", stripped));
    CHECK(khabar::entries::is_macos_junk("__MACOSX/a/b.txt"));
    CHECK(khabar::entries::is_macos_junk("dir/._b.txt"));
    CHECK_FALSE(khabar::entries::is_macos_junk("dir/b.txt"));
}
