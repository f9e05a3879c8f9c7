// The Urdu vocabulary table written at index time for the Roman Urdu bridge (issue 17): written by
// `khabar index`, read by searches when current, and the same spellings as the term list walk.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "database/layout.h"
#include "database/schema.h"
#include "database/urdu_vocabulary.h"
#include "query/roman_urdu.h"
#include "test_support.h"

namespace fs = std::filesystem;
using khabar::test::run_khabar;
using khabar::test::RunResult;

namespace {

/// Roman Urdu and names the sample's Urdu articles answer (and English words that stay English).
const std::vector<std::string> words = {
    "karachi", "hukumat", "imran",   "khan",  "intikhabat", "wazireazam", "mehngai", "pakistan",
    "lahore",  "adalat",  "siyasat", "awam",  "qaumi",      "sharif",     "nawaz",   "oil",
    "bank",    "shahbaz", "taleem",  "sehat", "aur",        "ke",         "mein",    "hai"};

/// sample-news.tar.gz indexed into a fresh directory (the tests below change its table).
std::string fresh_sample(const std::string& name) {
    const std::string db = (khabar::test::fresh_tmp_dir(name) / "sample.db").string();
    RunResult r =
        run_khabar({"index", "--db", db,
                    (khabar::test::source_dir() / "testdata" / "sample-news.tar.gz").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return db;
}

/// The first shard of a khabar database directory (where the table lives).
std::string first_shard(const std::string& db) {
    return (fs::path(db) / khabar::read_stub(db).front()).string();
}

/// `--analyze` of every word of `words` in one query: the "roman urdu:" lines.
std::string analyzed(const std::string& db) {
    std::string q;
    for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
    RunResult r = run_khabar({"search", "--db", db, "--analyze", "--", q});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string out;
    for (std::size_t p = 0; (p = r.out.find("roman urdu: ", p)) != std::string::npos;) {
        const std::size_t e = r.out.find('\n', p);
        out += r.out.substr(p, e - p) + "\n";
        p = e;
    }
    return out;
}

/// Whether an indexed term begins with `prefix`, by a term list seek.
bool walk_has_prefix(const Xapian::Database& db, const std::string& prefix) {
    auto it = db.allterms_begin();
    it.skip_to(prefix);
    return it != db.allterms_end() && (*it).compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

TEST_CASE("khabar index writes the Urdu vocabulary table; it answers as the term list does") {
    const std::string db = fresh_sample("urdu-vocab-answers");
    const Xapian::Database x(db);
    auto table = khabar::UrduVocabulary::open(x);
    REQUIRE(table.has_value());
    // Every prefix of every Urdu term, and each followed by letters, some absent.
    std::size_t terms = 0, absent = 0;
    auto t = x.allterms_begin();
    for (t.skip_to("\xD8"); t != x.allterms_end() && static_cast<unsigned char>((*t)[0]) <= 0xDB;
         ++t) {
        const std::string term = *t;
        ++terms;
        for (std::size_t n = 2; n <= term.size(); n += 2)
            for (const std::string& tail : {std::string(), std::string("ا"), std::string("ے"),
                                            std::string("ڑ"), std::string("ظظ")}) {
                const std::string p = term.substr(0, n) + tail;
                const bool walked = walk_has_prefix(x, p);
                absent += !walked;
                auto has = table->has_prefix(p);
                REQUIRE(has.has_value());
                if (*has != walked) FAIL_CHECK("prefix " << p << ": table " << *has);
            }
    }
    CHECK(terms > 1000);
    CHECK(absent > 1000);
    CHECK_FALSE(table->has_prefix("karachi").has_value());  // not an Arabic-script letter
}

TEST_CASE(
    "Roman Urdu: the bridge reads the table; without a current one it walks, same spellings") {
    const std::string db = fresh_sample("urdu-vocab-used");
    const std::string with_table = analyzed(db);
    REQUIRE(with_table.find("roman urdu: karachi → کراچی") != std::string::npos);
    {
        const Xapian::Database x(db);
        for (const auto& w : words)
            CHECK(khabar::roman_spellings(x, w, 3, khabar::RomanVocab::automatic) ==
                  khabar::roman_spellings(x, w, 3, khabar::RomanVocab::walk));
    }
    const std::string key = std::string(khabar::schema::urdu_vocab_prefix) + "ک";
    const std::string stamp_key(khabar::schema::urdu_vocab_key);
    std::string letter, stamp;
    {  // the table without کراچی (and every other word beginning with کرا)
        Xapian::WritableDatabase shard(first_shard(db), Xapian::DB_OPEN);
        letter = shard.get_metadata(key);
        stamp = shard.get_metadata(stamp_key);
        REQUIRE(!stamp.empty());
        std::string cut;
        for (std::size_t b = 0, e; (e = letter.find('\n', b)) != std::string::npos; b = e + 1)
            if (letter.compare(b, std::string("کرا").size(), "کرا") != 0)
                cut += letter.substr(b, e - b + 1);
        REQUIRE(cut.size() < letter.size());
        shard.set_metadata(key, cut);
        shard.commit();
    }
    const std::string cut_table = analyzed(db);
    CHECK(cut_table.find("کراچی") == std::string::npos);  // the search read the table
    for (const std::string& old_stamp : {std::string(), std::string("1 1")}) {
        // An old database (no stamp), or a table of another database: the walk, same spellings.
        CAPTURE(old_stamp);
        Xapian::WritableDatabase shard(first_shard(db), Xapian::DB_OPEN);
        shard.set_metadata(stamp_key, old_stamp);
        shard.commit();
        shard.close();
        CHECK(analyzed(db) == with_table);
    }
    {  // the table as written, stamped again: read again
        Xapian::WritableDatabase shard(first_shard(db), Xapian::DB_OPEN);
        shard.set_metadata(key, letter);
        shard.set_metadata(stamp_key, stamp);
        shard.commit();
    }
    CHECK(analyzed(db) == with_table);
}

TEST_CASE("Urdu vocabulary table: an index run adding articles writes it anew") {
    const std::string db = fresh_sample("urdu-vocab-rerun");
    const fs::path more = khabar::test::fresh_tmp_dir("urdu-vocab-more") / "more.txt";
    std::ofstream(more) << "زرافہنما ایک نیا لفظ ہے جو اس مضمون میں پہلی بار آیا۔\n";
    RunResult r = run_khabar({"index", "--db", db, more.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const Xapian::Database x(db);
    auto table = khabar::UrduVocabulary::open(x);
    REQUIRE(table.has_value());
    CHECK(table->has_prefix("زرافہن") == true);
    CHECK(walk_has_prefix(x, "زرافہن"));
}
