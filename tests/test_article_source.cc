/** @file
 * @brief The article source (article_source.h): one walk of an input for either pass — the
 *        articles in walk order, documentation files skipped once, resume keys, byte counts —
 *        and the two passes of a real index run naming their inputs with the same keys.
 */
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "article_source.h"
#include "cleaning/block_stats.h"
#include "cleaning/chrome_store.h"
#include "cleaning/stats_pass.h"
#include "diagnostics.h"
#include "index_run.h"
#include "test_support.h"
#include "writer/index_writer.h"

using namespace khabar;
namespace fs = std::filesystem;

namespace {

/// Everything the source tells a consumer, as lines, in order; `done` holds the keys of the
/// inputs it may skip.
class Recorder : public ArticleConsumer {
  public:
    std::vector<std::string> events;
    std::vector<std::string> titles;
    std::map<std::string, std::string> read_keys;  ///< key -> "whole FILE" / "entry FILE"
    std::map<std::string, std::uint64_t> done;

    bool already_read(const InputUnit& unit) override {
        if (done.count(unit.key) == 0) return false;
        events.push_back("resumed " + name(unit.file));
        return true;
    }
    void read_completely(const InputUnit& unit, std::uint64_t bad) override {
        read_keys[unit.key] = (unit.whole ? "whole " : "entry ") + name(unit.file);
        events.push_back("read " + name(unit.file) + " bad " + std::to_string(bad));
    }
    void entry_found(const EntryInfo& info) override { events.push_back("found " + name(info)); }
    void entry_reading(const EntryInfo& info) override {
        events.push_back("reading " + name(info));
    }
    void entry_error(const EntryInfo& info, const std::string& reason) override {
        events.push_back("error " + name(info) + ": " + reason);
    }
    void entry_skipped(const EntryInfo& info, const std::string& reason) override {
        events.push_back("skipped " + name(info) + ": " + reason);
    }
    void article(Article&& a) override {
        titles.push_back(a.title);
        events.push_back("article " + a.title);
    }
    void bad_record(const Origin&, const std::string&) override { events.push_back("bad record"); }

  private:
    static std::string name(const std::string& file) { return fs::path(file).filename(); }
    static std::string name(const EntryInfo& info) { return name(info.file); }
};

SourceOptions options(bool keys, bool whole_directories, bool rereadable_only) {
    return SourceOptions{.reader = {},
                         .limits = {},
                         .keys = keys,
                         .whole_directories = whole_directories,
                         .rereadable_only = rereadable_only};
}

/// A dump folder: two JSONL records and a bad line, a text page, and two documentation files.
fs::path make_dump(const std::string& name) {
    const fs::path dir = test::fresh_tmp_dir(name) / "dump";
    test::write_file(dir / "a.jsonl", R"({"title": "Alpha", "body": "First story."})"
                                      "\n{not json\n"
                                      R"({"title": "Beta", "body": "Second story."})"
                                      "\n");
    test::write_file(dir / "README.md", "About this dump: Gamma stories, one per line.\n");
    test::write_file(dir / "sub" / "LICENSE", "Gamma licence text.\n");
    test::write_file(dir / "sub" / "c.txt", "Gamma\n\nThe third story.\n");
    return dir;
}

}  // namespace

TEST_CASE("article source: articles in walk order, documentation skipped once, keys per input") {
    const fs::path dir = make_dump("article-source-walk");
    InputKeys keys;
    ArticleSource source(keys, options(true, true, false));
    Recorder r;
    source.read(dir.string(), r);
    const std::vector<std::string> expected = {
        "skipped README.md: documentation file, not an article",
        "found a.jsonl",
        "reading a.jsonl",
        "article Alpha",
        "bad record",
        "article Beta",
        "read a.jsonl bad 1",
        "skipped LICENSE: documentation file, not an article",
        "found c.txt",
        "reading c.txt",
        "article Gamma",
        "read c.txt bad 0",
        "read dump bad 1",
    };
    // entry_found comes first for documentation files too.
    std::vector<std::string> without_doc_found;
    for (const auto& e : r.events)
        if (e != "found README.md" && e != "found LICENSE") without_doc_found.push_back(e);
    CHECK(without_doc_found == expected);
    CHECK(r.events.size() == expected.size() + 2);
    CHECK(r.read_keys.size() == 3);  // two entries and the directory as a whole
    CHECK(source.bytes() == fs::file_size(dir / "a.jsonl") + fs::file_size(dir / "sub" / "c.txt"));

    SUBCASE("read before: a whole PATH is not opened, an entry is not read") {
        Recorder again;
        for (const auto& [key, what] : r.read_keys)
            if (what == "entry a.jsonl") again.done[key] = 1;
        ArticleSource second(keys, options(true, true, false));
        second.read(dir.string(), again);
        CHECK(again.titles == std::vector<std::string>{"Gamma"});
        CHECK(second.bytes() == fs::file_size(dir / "sub" / "c.txt"));
        for (const auto& [key, what] : r.read_keys) again.done[key] = 0;
        Recorder none;
        none.done = again.done;
        second.read(dir.string(), none);
        CHECK(none.events == std::vector<std::string>{"resumed dump"});
    }
    SUBCASE("without whole directories, a directory is checked entry by entry") {
        Recorder entries;
        ArticleSource(keys, options(true, false, false)).read(dir.string(), entries);
        CHECK(entries.read_keys.size() == 2);
        CHECK(entries.titles == r.titles);
        for (const auto& [key, what] : entries.read_keys) CHECK(r.read_keys.at(key) == what);
    }
    SUBCASE("without keys nothing is resumed or recorded") {
        Recorder plain;
        plain.done = {{keys.whole_key(dir.string()), 0}};
        ArticleSource(keys, options(false, true, false)).read(dir.string(), plain);
        CHECK(plain.titles == r.titles);
        CHECK(plain.read_keys.empty());
    }
}

TEST_CASE("article source: a whole PATH with an unreadable entry is not read completely") {
    const fs::path dir = test::fresh_tmp_dir("article-source-errors");
    test::write_file(dir / "ok.txt", "Title\n\nA story.\n");
    fs::create_symlink(dir / "gone.jsonl", dir / "broken.jsonl");
    InputKeys keys;
    Recorder r;
    ArticleSource(keys, options(true, true, false)).read(dir.string(), r);
    CHECK(r.titles == std::vector<std::string>{"Title"});
    bool error = false;
    for (const auto& e : r.events) error = error || e == "error broken.jsonl: broken symbolic link";
    CHECK(error);
    CHECK(r.read_keys.size() == 1);  // ok.txt only: the folder is read again by the next run
    CHECK(r.read_keys.begin()->second == "entry ok.txt");
}

TEST_CASE("article source: a pass that needs its inputs again leaves out streams") {
    const fs::path dir = test::fresh_tmp_dir("article-source-streams");
    InputKeys keys;
    Recorder r;
    ArticleSource again(keys, options(true, false, true));
    again.read("-", r);
    again.read((dir / "missing.jsonl").string(), r);
    CHECK(r.events.empty());
    ArticleSource once(keys, options(true, true, false));
    once.read((dir / "missing.jsonl").string(), r);
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].starts_with("error missing.jsonl"));
}

TEST_CASE("index run: both passes name the inputs with the same keys") {
    const fs::path dir = make_dump("article-source-run");
    const fs::path root = dir.parent_path();
    test::write_file(root / "feed.jsonl", R"({"title": "Delta", "body": "Fourth story."})"
                                          "\n");
    IndexOptions options;
    options.db = (root / "db").string();
    options.threads = 2;
    Diagnostics quiet(false, true);
    const IndexSummary s =
        run_index({dir.string(), (root / "feed.jsonl").string()}, options, quiet);
    CHECK(s.indexed == 4);
    CHECK(s.first_pass_pages == 4);
    CHECK(s.entries_skipped == 2);  // README.md and LICENSE, once each

    // The first pass alone, as the run ran it.
    InputKeys keys;
    cleaning::BlockStats stats;
    const std::map<std::string, std::string> none;
    cleaning::StatsPass pass(stats, keys, none, {}, {});
    pass.count(dir.string());
    pass.count((root / "feed.jsonl").string());
    CHECK(pass.pages() == 4);

    ShardedIndex index(options.db, WriterOptions{});
    const auto counted = cleaning::load_chrome_state(index.shard(0)).counted;
    const auto done = index.done_everywhere();
    std::map<std::string, std::string> expected_done = pass.added();
    expected_done[keys.whole_key(dir.string())] = "";  // the run also checkpoints the folder
    CHECK(counted.size() == pass.added().size());
    for (const auto& [key, path] : pass.added()) CHECK(counted.count(key) == 1);
    CHECK(done.size() == expected_done.size());
    for (const auto& [key, path] : expected_done) CHECK(done.count(key) == 1);
}
