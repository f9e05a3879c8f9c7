/** @file
 * @brief The article source (article_source.h): one walk of an input for either pass — the
 *        articles in walk order, documentation files skipped once, resume keys, byte counts,
 *        entries kept by one pass for the next (kept_pages.h) — and the two passes of a real
 *        index run naming their inputs with the same keys and parsing each entry once.
 */
#include <doctest/doctest.h>

#include <algorithm>
#include <any>
#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "article_source.h"
#include "cleaning/article_cleaning.h"
#include "cleaning/block_stats.h"
#include "cleaning/blocks.h"
#include "cleaning/chrome_store.h"
#include "cleaning/stats_pass.h"
#include "diagnostics.h"
#include "index_run.h"
#include "kept_pages.h"
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
    std::vector<std::string> bodies;
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
        bodies.push_back(a.body);
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

/// An HTML page of one site: its own story, with the site's stock line inside the article on
/// every page (chrome the extractor keeps and the statistics remove).
std::string html_page(const std::string& title, const std::string& story) {
    return "<!DOCTYPE html><html><head><title>" + title +
           "</title><link rel=\"canonical\" href=\"https://example.com/" + title +
           "\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1><p>" +
           story +
           " The council met on Tuesday to discuss the matter at length, and its members agreed "
           "to meet again next week.</p><p>" +
           story +
           " Residents said they would follow the next meeting closely.</p><p>Get the Example "
           "News app for stories from your town on your phone</p></article></body></html>";
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

TEST_CASE("kept pages: whole entries within the budget, records in order") {
    Article small;
    small.title = "Small";
    small.body = std::string(200, 'x');
    Article big = small;
    big.body = std::string(4 * approx_bytes(small), 'y');
    KeptPages kept(3 * approx_bytes(small) + 100);
    auto add = [&](const Article& a, std::any prepared = {}, std::size_t bytes = 0) {
        Article copy = a;
        return kept.add_article(copy, prepared, bytes);
    };

    kept.begin("a");
    const KeptRecord* first = add(small, std::string("prepared"), 100);
    REQUIRE(first != nullptr);  // moved in, with what was prepared for it
    CHECK(first->article->body == small.body);
    CHECK(std::any_cast<std::string>(first->prepared) == "prepared");
    kept.add_bad_record(Origin{"dump", "a.warc", 2}, "no text");
    kept.commit();
    CHECK(kept.entries() == 1);
    const std::size_t a_bytes = kept.bytes();
    CHECK(a_bytes >= approx_bytes(small) + 100);  // the prepared bytes count

    kept.begin("b");  // beyond the budget: given up, whole
    Article left = small;
    std::any untouched = std::string("kept by the caller");
    CHECK(kept.add_article(left, untouched) == nullptr);  // given up: nothing moved
    CHECK(left.body == small.body);
    CHECK(std::any_cast<std::string>(untouched) == "kept by the caller");
    CHECK(add(big) == nullptr);
    kept.commit();
    CHECK(kept.entries() == 1);
    CHECK(kept.over_budget() == 1);
    CHECK(kept.bytes() == a_bytes);
    CHECK_FALSE(kept.take("b"));

    kept.begin("a");  // a second entry under a kept key is not kept
    CHECK(add(big) == nullptr);
    kept.commit();
    kept.begin("c");
    add(small);
    kept.commit();
    kept.drop("c");  // its reading failed after all
    CHECK_FALSE(kept.take("c"));

    auto records = kept.take("a");
    REQUIRE(records);
    REQUIRE(records->size() == 2);
    REQUIRE((*records)[0].article);
    CHECK((*records)[0].article->body == small.body);
    CHECK(std::any_cast<std::string>((*records)[0].prepared) == "prepared");
    CHECK_FALSE((*records)[1].article);
    CHECK((*records)[1].reason == "no text");
    CHECK((*records)[1].where.record == 2);
    CHECK_FALSE(kept.take("a"));
    CHECK(kept.bytes() == 0);
}

TEST_CASE("article source: entries kept by one pass are delivered by the next, not parsed") {
    const fs::path dir = test::fresh_tmp_dir("article-source-kept") / "dump";
    test::write_file(dir / "a.html", html_page("Alpha", "The bridge on the river closed."));
    test::write_file(dir / "b.html", html_page("Beta", "The market reopened after the rain."));
    test::write_file(dir / "c.txt", "Gamma\n\nThe third story.\n");
    test::write_file(dir / "d.html.gz", "\x1f\x8b\x08\x00\x00\x00\x00\x00");  // truncated
    test::write_file(dir / "e.jsonl",
                     "{\"id\": \"e1\", \"title\": \"Delta\", \"body\": \"The fourth story.\"}\n"
                     "not json\n"
                     "{\"id\": \"e2\", \"title\": \"Epsilon\", \"body\": \"The fifth story.\"}\n");
    InputKeys keys;

    Recorder plain;
    ArticleSource unkept(keys, options(true, true, false));
    unkept.read(dir.string(), plain);
    REQUIRE(plain.titles.size() == 5);

    KeptPages kept(1 << 20);
    SourceOptions first = options(true, false, true);
    first.keep_in = &kept;
    Recorder counted, counted_unkept;
    ArticleSource(keys, first).read(dir.string(), counted);
    ArticleSource(keys, options(true, false, true)).read(dir.string(), counted_unkept);
    CHECK(counted.events == counted_unkept.events);  // keeping changes nothing the pass sees
    CHECK(kept.entries() == 4);  // HTML, text and JSON Lines alike; not the failed one

    SourceOptions second = options(true, true, false);
    second.take_from = &kept;
    ArticleSource source(keys, second);
    Recorder again;
    source.read(dir.string(), again);
    CHECK(again.events == plain.events);
    CHECK(again.bodies == plain.bodies);
    CHECK(source.bytes() == unkept.bytes());  // kept entries' bytes are counted all the same
    CHECK(source.entries_taken() == 4);
    CHECK(source.entries_parsed() == unkept.entries_parsed() - 4);
    CHECK(kept.entries() == 0);
}

/// Prepares each article (its title), as StatsPass prepares a page's reading.
class Preparer : public Recorder {
  public:
    std::vector<std::string> kept;
    std::any prepare(const Article& a) const override { return "prepared " + a.title; }
    void article_kept(const Article& a, std::any& prepared) override {
        kept.push_back(std::any_cast<std::string>(prepared));
        article(Article(a));
        prepared = std::any_cast<std::string>(prepared) + ", kept";  // what the next pass gets
    }
};

/// Records what each article came with.
class Taker : public Recorder {
  public:
    std::vector<std::string> prepared;
    void article_prepared(Article&& a, std::any&& p) override {
        prepared.push_back(std::any_cast<std::string>(p));
        article(std::move(a));
    }
};

TEST_CASE("article source: a kept article reaches the next pass with what was prepared for it") {
    const fs::path dir = test::fresh_tmp_dir("article-source-kept-prepared") / "dump";
    test::write_file(dir / "a.html", html_page("Alpha", "The bridge on the river closed."));
    test::write_file(dir / "c.txt", "Gamma\n\nThe third story.\n");
    test::write_file(dir / "e.jsonl",
                     "{\"id\": \"e1\", \"title\": \"Delta\", \"body\": \"The fourth story.\"}\n");
    for (unsigned threads : {0U, 2U}) {  // prepared on the walk's thread, or on workers
        CAPTURE(threads);
        InputKeys keys;
        KeptPages kept(1 << 20);
        SourceOptions first = options(true, false, true);
        first.keep_in = &kept;
        first.parse_threads = threads;
        Preparer counted;
        ArticleSource(keys, first).read(dir.string(), counted);
        CHECK(counted.kept ==
              std::vector<std::string>{"prepared Alpha", "prepared Gamma", "prepared Delta"});
        CHECK(counted.titles == std::vector<std::string>{"Alpha", "Gamma", "Delta"});

        SourceOptions second = options(true, true, false);
        second.take_from = &kept;
        Taker taker;
        ArticleSource(keys, second).read(dir.string(), taker);
        CHECK(taker.prepared == std::vector<std::string>{"prepared Alpha, kept",
                                                         "prepared Gamma, kept",
                                                         "prepared Delta, kept"});
        CHECK(taker.titles == counted.titles);
    }
}

TEST_CASE("article source: a kept entry is not read again, not even looked at by the walk") {
    const fs::path dir = test::fresh_tmp_dir("article-source-not-reread") / "dump";
    std::string story;
    while (story.size() < (1 << 20)) story += "The bridge on the river closed for repairs. ";
    test::write_file(dir / "big.html", html_page("Alpha", story));
    InputKeys keys;
    KeptPages kept(std::size_t{64} << 20);
    SourceOptions first = options(true, false, true);
    first.keep_in = &kept;
    Recorder counted;
    const std::uint64_t start = input_bytes_read();
    ArticleSource(keys, first).read(dir.string(), counted);
    const std::uint64_t first_read = input_bytes_read() - start;
    REQUIRE(kept.entries() == 1);

    SourceOptions second = options(true, true, false);
    second.take_from = &kept;
    ArticleSource source(keys, second);
    Recorder again;
    const std::uint64_t before = input_bytes_read();
    source.read(dir.string(), again);
    const std::uint64_t second_read = input_bytes_read() - before;
    CHECK(second_read == 0);  // the walk does not sniff it either (WalkEvents::holds)
    // What it did not read is told, for the progress line's share of the inputs read.
    CHECK(second_read + source.input_bytes_not_read() == first_read);
    CHECK(source.entries_taken() == 1);
    CHECK(source.bytes() == fs::file_size(dir / "big.html"));
    CHECK(again.titles == std::vector<std::string>{"Alpha"});
}

TEST_CASE("index run: each entry is parsed once; the index is the same as parsing twice") {
    const fs::path root = test::fresh_tmp_dir("article-source-once");
    const fs::path dir = root / "dump";
    const std::vector<std::string> stories = {
        "The bridge on the river closed.",   "The market reopened after the rain.",
        "A new school opened in the north.", "The festival drew large crowds.",
        "The airport added two new routes.", "The library extended its hours."};
    for (std::size_t i = 0; i < stories.size(); ++i)
        test::write_file(dir / ("p" + std::to_string(i) + ".html"),
                         html_page("Story" + std::to_string(i), stories[i]));
    test::write_file(dir / "notes.txt", "Gamma\n\nA plain text page, parsed by the first pass.\n");

    IndexOptions options;
    options.threads = 2;
    Diagnostics quiet(false, true);
    options.db = (root / "kept.db").string();
    const IndexSummary once = run_index({dir.string()}, options, quiet);
    options.db = (root / "reparsed.db").string();
    options.keep_bytes = 0;
    const IndexSummary twice = run_index({dir.string()}, options, quiet);

    CHECK(once.first_pass_pages == 7);
    CHECK(once.entries_kept == 7);
    CHECK(once.entries_parsed == 7);  // the text page too is parsed by the first pass only
    CHECK(twice.entries_kept == 0);
    CHECK(twice.entries_parsed == 2 * 7);
    CHECK(once.indexed == 7);
    CHECK(once.chrome_blocks == 6);  // the stock line of the site's pages
    CHECK(once.chrome_blocks == twice.chrome_blocks);

    auto exported = [](const fs::path& db) {
        const test::RunResult r = test::run_khabar({"export", "--db", db.string()});
        REQUIRE(r.exit_code == 0);
        std::vector<std::string> lines;
        for (std::size_t pos = 0, nl; (nl = r.out.find('\n', pos)) != std::string::npos;
             pos = nl + 1)
            lines.push_back(r.out.substr(pos, nl - pos));
        std::sort(lines.begin(), lines.end());
        return lines;
    };
    const auto a = exported(root / "kept.db");
    CHECK(a.size() == 7);
    CHECK(a == exported(root / "reparsed.db"));
}

namespace {

/// A dump of many entries of every kind the source treats apart: HTML pages of one site, a JSON
/// Lines file with a bad line, one larger than the parse-ahead limit of the test (a bad line in
/// its middle), a text page,
/// a truncated gzip file, a binary file, a documentation file.
fs::path make_mixed_dump(const std::string& name) {
    const fs::path dir = test::fresh_tmp_dir(name) / "dump";
    for (int i = 0; i < 30; ++i) {
        const std::string n = std::to_string(i);
        test::write_file(
            dir / (i < 20 ? "" : "sub") / ("p" + n + ".html"),
            html_page("Story" + n, "Story " + n + " begins here." +
                                       std::string(static_cast<std::size_t>(i * 37), 'x') +
                                       " The end of story " + n + "."));
    }
    test::write_file(dir / "a.jsonl", R"({"title": "Alpha", "body": "First story."})"
                                      "\n{not json\n"
                                      R"({"title": "Beta", "body": "Second story."})"
                                      "\n");
    std::string big;
    for (int i = 0; i < 200; ++i)
        big += (i == 100 ? "{broken\n" : "") + std::string(R"({"title": "Big )") +
               std::to_string(i) + R"(", "body": "A story of the big file."})" + "\n";
    test::write_file(dir / "big.jsonl", big);
    test::write_file(dir / "c.txt", "Gamma\n\nThe third story.\n");
    test::write_file(dir / "d.html.gz", "\x1f\x8b\x08\x00\x00\x00\x00\x00");  // truncated
    test::write_file(dir / "e.jpg", std::string(100 << 10, '\0'));
    test::write_file(dir / "README.md", "About this dump.\n");
    return dir;
}

/// The events a consumer is promised in dump order whatever the threads: all but entry_found and
/// entry_reading.
std::vector<std::string> ordered_events(const std::vector<std::string>& events) {
    std::vector<std::string> out;
    for (const auto& e : events)
        if (!e.starts_with("found ") && !e.starts_with("reading ")) out.push_back(e);
    return out;
}

}  // namespace

TEST_CASE("article source: entries parsed on worker threads reach the consumer in dump order") {
    const fs::path dir = make_mixed_dump("article-source-threads");
    InputKeys keys;
    auto read = [&](unsigned threads, Recorder& r, KeptPages& kept) {
        SourceOptions o = options(true, false, true);
        o.keep_in = &kept;
        o.parse_threads = threads;
        o.parse_ahead_bytes = 4096;  // big.jsonl is read on the walk's thread
        ArticleSource source(keys, o);
        source.read(dir.string(), r);
        return source;
    };
    Recorder one;
    KeptPages kept_one(1 << 20);
    const ArticleSource sequential = read(0, one, kept_one);
    CHECK(sequential.entries_parsed_ahead() == 0);
    REQUIRE(one.titles.size() == 30 + 2 + 200 + 1);
    for (int run = 0; run < 5; ++run) {  // whatever the workers' timing
        CAPTURE(run);
        Recorder two;
        KeptPages kept_two(1 << 20);
        const ArticleSource parallel = read(2, two, kept_two);
        CHECK(parallel.entries_parsed_ahead() == 30 + 2 + 1);  // not big.jsonl, d.html.gz, e.jpg
        CHECK(ordered_events(two.events) == ordered_events(one.events));
        CHECK(two.bodies == one.bodies);
        CHECK(two.read_keys == one.read_keys);
        CHECK(parallel.bytes() == sequential.bytes());
        CHECK(parallel.entries_parsed() == sequential.entries_parsed());
        CHECK(kept_two.entries() == kept_one.entries());
        CHECK(kept_two.bytes() == kept_one.bytes());
    }
}

/// Prepares each article as Preparer does, and counts those prepared off the thread that reads.
class ThreadPreparer : public Preparer {
  public:
    std::thread::id reader = std::this_thread::get_id();
    mutable std::atomic<int> elsewhere{0};
    std::any prepare(const Article& a) const override {
        if (std::this_thread::get_id() != reader) ++elsewhere;
        return Preparer::prepare(a);
    }
};

TEST_CASE("first pass: the records of an entry read on the walk's thread are prepared on workers") {
    const fs::path dir = make_mixed_dump("article-source-prepare-workers");
    InputKeys keys;  // both passes name the entries alike
    auto read = [&](unsigned threads, ThreadPreparer& p, KeptPages& kept) {
        SourceOptions o = options(true, false, true);
        o.keep_in = &kept;
        o.parse_threads = threads;
        o.parse_ahead_bytes = 4096;  // big.jsonl (200 records) is read on the walk's thread
        ArticleSource(keys, o).read(dir.string(), p);
    };
    ThreadPreparer one;
    KeptPages kept_one(1 << 20);
    read(0, one, kept_one);
    CHECK(one.elsewhere == 0);
    REQUIRE(one.kept.size() == 30 + 2 + 200 + 1);
    for (int run = 0; run < 5; ++run) {  // whatever the workers' timing
        CAPTURE(run);
        ThreadPreparer two;
        KeptPages kept_two(1 << 20);
        read(2, two, kept_two);
        // Every article is prepared on a worker: the pages parsed ahead, and big.jsonl's too.
        CHECK(two.elsewhere == 30 + 2 + 200 + 1);
        CHECK(two.kept == one.kept);  // in the same order, with what was prepared for each
        CHECK(ordered_events(two.events) == ordered_events(one.events));
        CHECK(kept_two.entries() == kept_one.entries());
        CHECK(kept_two.bytes() == kept_one.bytes());
        SourceOptions second = options(true, false, false);
        second.take_from = &kept_two;
        Taker taker;  // the next pass gets each article with what was prepared for it
        ArticleSource(keys, second).read(dir.string(), taker);
        std::vector<std::string> expected;
        for (const auto& k : one.kept) expected.push_back(k + ", kept");
        CHECK(taker.prepared == expected);
        CHECK(ordered_events(taker.events) == ordered_events(one.events));  // bad records in place
    }
}

TEST_CASE("first pass: the chrome statistics are the same on one thread or two") {
    const fs::path dir = make_mixed_dump("stats-pass-threads");
    const std::map<std::string, std::string> none;
    auto count = [&](unsigned threads) {
        cleaning::BlockMemoScope memo(std::size_t{64} << 20);  // filled for the second pass
        InputKeys keys;
        cleaning::BlockStats stats;
        cleaning::BlockStats batches(cleaning::batch_limits());
        KeptPages kept(1 << 20);
        cleaning::StatsPass pass(stats, keys, none, {}, {}, &batches, &kept, threads);
        pass.count(dir.string());
        CHECK(pass.entries_parsed_ahead() == (threads > 1 ? 34 : 0));  // all but d.html.gz, e.jpg
        return std::vector<std::string>{stats.serialize(),
                                        batches.serialize(),
                                        std::to_string(pass.pages()),
                                        std::to_string(pass.added().size()),
                                        std::to_string(kept.entries()),
                                        std::to_string(cleaning::BlockMemoScope::entries()),
                                        std::to_string(cleaning::BlockMemoScope::hits())};
    };
    const auto one = count(1);
    CHECK(one[2] == "233");
    CHECK(one[5] != "0");  // blocks remembered, whichever thread described them
    for (int run = 0; run < 5; ++run) CHECK(count(2) == one);
}
