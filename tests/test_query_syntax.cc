/** @file
 * @brief The query language (searcher/query/syntax.h): one filter, one ranking, however it is
 *        written (issue 15) — `oil date:1987-03` and `--since 1987-03 --until 1987-03 oil` give
 *        the same query, hits and scores, and a filtered search is the unfiltered one restricted
 *        to the filter; and the table's own rules (operators, fields, words, help).
 */
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "database/schema.h"
#include "error.h"
#include "query/query_builder.h"
#include "query/syntax.h"
#include "test_support.h"

using namespace khabar;

namespace {

const std::string& sample_db() {
    return test::sample_db("query-syntax");
}

struct Hit {
    std::string id, date;
    double score = 0;
    bool partial = false;
};

/// "id score" lines, scores to the last bit (or to `digits` significant digits), so a failure
/// shows where the lists part.
std::string show(const std::vector<Hit>& hits, int digits = 17) {
    std::string out;
    for (const Hit& h : hits)
        out += fmt::format("{} {:.{}g}{}\n", h.id, h.score, digits, h.partial ? " partial" : "");
    return out;
}

/// The hits of `khabar search --json` with `args` (and `-n 50` unless they have -n) then `--`
/// `query`.
std::vector<Hit> hit_list(const std::string& query, std::vector<std::string> args = {}) {
    std::vector<std::string> all{"search", "--db", sample_db(), "--json"};
    all.insert(all.end(), args.begin(), args.end());
    if (std::find(args.begin(), args.end(), "-n") == args.end())
        all.insert(all.end(), {"-n", "50"});
    all.insert(all.end(), {"--", query});
    const auto r = test::run_khabar(all);
    REQUIRE_MESSAGE((r.exit_code == 0 || r.exit_code == 1), r.err);
    std::vector<Hit> out;
    for (const auto& d : test::hit_data(r.out))
        out.push_back({d.at("id").get<std::string>(),
                       d.at("date").is_string() ? d.at("date").get<std::string>() : "",
                       d.at("score").get<double>(), d.value("partial", false)});
    return out;
}

std::string hits(const std::string& query, std::vector<std::string> args = {}) {
    return show(hit_list(query, std::move(args)));
}

/// Queries of the sample's two languages: single words, several words (boosts, partial matches),
/// phrases and operators.
const std::vector<std::string> queries = {
    "oil",
    "cocoa",
    "wheat",
    "coffee",
    "gold",
    "dollar",
    "oil prices",
    "crude oil output",
    "bank rates",
    "sugar exports",
    "trade deficit",
    "\"oil prices\"",
    "oil OR gas",
    "oil NOT iran",
    "cocoa exports coffee tea",
    "پاکستان",
    "حکومت",
    "وزیر اعظم",
    "karachi",
    "title:oil",
};

}  // namespace

TEST_CASE("date: in the query and --since/--until give the same hits and scores") {
    for (const auto& [in_text, since, until] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"date:1987-03", "1987-03", "1987-03"},
             {"date:1987-03-01..1987-03-05", "1987-03-01", "1987-03-05"},
             {"date:..1987-03-03", "", "1987-03-03"}}) {
        for (const auto& q : queries) {
            CAPTURE(q);
            CAPTURE(in_text);
            std::vector<std::string> flags;
            if (!since.empty()) flags.insert(flags.end(), {"--since", since});
            if (!until.empty()) flags.insert(flags.end(), {"--until", until});
            CHECK(hits(q + " " + in_text) == hits(q, flags));
            CHECK(hits(in_text + " " + q) == hits(q, flags));
        }
    }
}

TEST_CASE("lang: in the query and --lang give the same hits and scores") {
    for (const auto& q : queries) {
        CAPTURE(q);
        CHECK(hits(q + " lang:en") == hits(q, {"--lang", "en"}));
        CHECK(hits(q + " lang:ur") == hits(q, {"--lang", "ur"}));
    }
}

TEST_CASE("a quoted filter value is the value: lang:\"en\" is lang:en") {
    for (const std::string q : {"oil", "oil prices", "پاکستان"}) {
        CAPTURE(q);
        const std::string expected = hits(q, {"--lang", "en"});
        CHECK(hits(q + " lang:\"en\"") == expected);
        CHECK(hits("lang:\"en\" " + q) == expected);
    }
    CHECK(!hit_list("oil lang:\"en\"").empty());
}

TEST_CASE("a date-filtered search is the unfiltered search restricted to the range, in order") {
    // Every copy, full matches only: the filter must neither add, drop nor reorder an article.
    const std::vector<std::string> all{"--no-collapse", "--all-words", "-n", "1000"};
    for (const auto& q : queries) {
        CAPTURE(q);
        std::vector<Hit> in_march;
        for (const Hit& h : hit_list(q, all))
            if (h.date.size() >= 7 && h.date.substr(0, 7) == "1987-03") in_march.push_back(h);
        // The same weights; Xapian sums them in another order under a filter (last bits differ).
        const std::string restricted = show(in_march, 12);
        CHECK(show(hit_list(q + " date:1987-03", all), 12) == restricted);
        auto since = all;
        since.insert(since.end(), {"--since", "1987-03", "--until", "1987-03"});
        CHECK(show(hit_list(q, since), 12) == restricted);
    }
}

TEST_CASE("a date range the database has no article in finds nothing, however it is written") {
    // The sample is dated 1987: before or after it, and a reversed range, match no article.
    REQUIRE(!hit_list("oil").empty());
    for (const auto& [in_text, since, until] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"date:2026", "2026", "2026"},
             {"date:1980..1985-06", "1980", "1985-06"},
             {"date:1988-01-01..", "1988-01-01", ""},
             {"date:..1986", "", "1986"}}) {
        CAPTURE(in_text);
        for (const std::string q : {"oil", "bank rates", "\"oil prices\"", "پاکستان"}) {
            CAPTURE(q);
            CHECK(hit_list(q + " " + in_text).empty());
            std::vector<std::string> flags;
            if (!since.empty()) flags.insert(flags.end(), {"--since", since});
            if (!until.empty()) flags.insert(flags.end(), {"--until", until});
            CHECK(hit_list(q, flags).empty());
        }
        std::vector<std::string> count{"search", "--db", sample_db(), "--count"};
        if (!since.empty()) count.insert(count.end(), {"--since", since});
        if (!until.empty()) count.insert(count.end(), {"--until", until});
        count.insert(count.end(), {"--", "oil"});
        CHECK(test::run_khabar(count).out == "0\n");
    }
    // A range that ends before it starts is an error, written either way.
    const auto in_text =
        test::run_khabar({"search", "--db", sample_db(), "oil date:1987-04..1987-03"});
    CHECK(in_text.exit_code == 2);
    CHECK(in_text.err.find("date:1987-04..1987-03 ends before it starts") != std::string::npos);
    const auto flags = test::run_khabar(
        {"search", "--db", sample_db(), "--since", "1987-04", "--until", "1987-03", "oil"});
    CHECK(flags.exit_code == 2);
}

TEST_CASE("QueryBuilder: a filter in the text and the same filter as an option are one query") {
    Xapian::WritableDatabase mem(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryBuilder qb(mem);
    QueryOptions march;
    march.dates = DayRange{"19870301", "19870331"};
    for (const char* q :
         {"oil", "oil prices", "\"oil prices\"", "oil OR gas", "title:(oil OR gas)"}) {
        CAPTURE(q);
        const BuiltQuery by_flag = qb.build(q, march);
        const BuiltQuery in_text = qb.build(std::string(q) + " date:1987-03", {});
        CHECK(in_text.query.get_description() == by_flag.query.get_description());
        CHECK(in_text.any_words.get_description() == by_flag.any_words.get_description());
        // A pure filter: the date range weighs nothing, OP_FILTER on the whole query.
        CHECK(in_text.query.get_type() == Xapian::Query::OP_FILTER);
    }
    QueryOptions ur;
    ur.langs = {"ur"};
    CHECK(qb.build("oil prices lang:ur", {}).query.get_description() ==
          qb.build("oil prices", ur).query.get_description());
}

TEST_CASE("syntax: operators only in capitals, with /N for NEAR and ADJ") {
    for (const char* w : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "NEAR/5", "ADJ/3"})
        CHECK(syntax::is_operator_word(w));
    for (const char* w : {"and", "Or", "AND/5", "NEAR/", "NEARBY", "ADJUST", "XOR/2"})
        CHECK_FALSE(syntax::is_operator_word(w));
    CHECK(syntax::is_lowercased_operator("near"));
    CHECK_FALSE(syntax::is_lowercased_operator("oil"));
}

TEST_CASE("syntax: fields with the schema's prefixes; filters are the boolean ones") {
    REQUIRE(syntax::find_field("title") != nullptr);
    CHECK(syntax::find_field("title")->prefix == schema::prefix_title);
    CHECK(syntax::find_field("section")->prefix == schema::prefix_section);
    CHECK(syntax::find_field("topic") == nullptr);
    CHECK(syntax::fields_text() == "title: author: lang: source: section: date:");
    CHECK(syntax::filter_of("lang:ur") == syntax::find_field("lang"));
    CHECK(syntax::filter_of("date:1987..") == syntax::find_field("date"));
    for (const char* w : {"title:oil", "lang:", "-lang:ur", "oil", "http://x"})
        CHECK(syntax::filter_of(w) == nullptr);
}

TEST_CASE("syntax: words split at spaces outside quotes, knowing what is inside brackets") {
    const auto words = syntax::split_words("oil  \"crude  prices\" (gas lang:ur) date:1987");
    REQUIRE(words.size() == 5);
    CHECK(words[1].text == "\"crude  prices\"");
    CHECK(words[1].top);
    CHECK(words[2].text == "(gas");
    CHECK(words[3].text == "lang:ur)");
    CHECK_FALSE(words[3].top);
    CHECK(words[4].top);
    CHECK(syntax::balanced("(a \"b)\" c)"));
    CHECK_FALSE(syntax::balanced("(a"));
    CHECK_FALSE(syntax::balanced("\"a"));
}

TEST_CASE("syntax: one date range query for date: and the flags") {
    CHECK(syntax::date_range_query(syntax::date_filter_range("1987-03")).get_description() ==
          "Query(VALUE_RANGE 0 19870301 19870331)");
    CHECK(syntax::date_range_query(syntax::date_filter_range("..1987")).get_description() ==
          "Query(VALUE_LE 0 19871231)");
    CHECK(syntax::date_range_query(syntax::date_filter_range("1987-04..")).get_description() ==
          "Query(VALUE_GE 0 19870401)");
    CHECK_THROWS_AS(syntax::date_filter_range("1987-13"), Error);
    CHECK_THROWS_AS(syntax::date_filter_range(".."), Error);
    CHECK_THROWS_AS(syntax::date_filter_range("1987-04..1987-03"), Error);
}

TEST_CASE("syntax: a date range as year, month and day terms tiling it within the span") {
    const std::optional<syntax::DateTerms> span = syntax::DateTerms{"19870226", "19881020"};
    const auto terms = [&](const std::string& value) {
        return syntax::date_range_query(syntax::date_filter_range(value), span).get_description();
    };
    CHECK(terms("1987-03") == "Query(0 * XTM198703)");
    CHECK(terms("1987") == "Query(0 * XTY1987)");  // nothing is dated before 1987-02-26
    CHECK(terms("1987-02") == "Query(0 * XTM198702)");
    CHECK(terms("1987-02-27..1987-03-02") ==
          "Query(0 * (XTD19870227 OR XTD19870228 OR XTD19870301 OR XTD19870302))");
    CHECK(terms("1986..") == terms("1987-02-26..1988-10-20"));  // open ends: the span's
    CHECK(terms("1988-02-28..1988-03-01") ==
          "Query(0 * (XTD19880228 OR XTD19880229 OR "
          "XTD19880301))");                                    // a leap day
    CHECK(terms("1985..1986") == "Query(XTD00000000)");        // outside the span: nothing
    CHECK(terms("1988-01..1988-12") == "Query(0 * XTY1988)");  // nothing dated after 1988-10-20
    CHECK(terms("1988-01..1988-09") ==
          "Query(0 * (XTM198801 OR XTM198802 OR XTM198803 OR XTM198804 OR XTM198805 OR "
          "XTM198806 OR XTM198807 OR XTM198808 OR XTM198809))");
}

TEST_CASE("date terms and the date slot select the same articles, with the same scores") {
    Xapian::Database db(sample_db());
    const std::optional<syntax::DateTerms> span = syntax::date_terms_of(db);
    REQUIRE(span);  // every dated article of a new index has its terms
    const std::vector<std::string> ranges = {
        "1987",         "1987-03",          "1987-02-26",       "1987-03-01..1987-03-15",
        "..1987-03-05", "1987-04-10..",     "1987-02..1987-04", "1987-03-31..1987-04-01",
        "1987-06-02",   "1986-12..1987-02", "1988..",           "1987-05-30..1987-06-30"};
    for (const std::string& r : ranges) {
        for (const char* words : {"", "oil", "bank rates"}) {
            CAPTURE(r);
            CAPTURE(words);
            const auto run = [&](const std::optional<syntax::DateTerms>& with) {
                const Xapian::Query filter =
                    syntax::date_range_query(syntax::date_filter_range(r), with);
                Xapian::Query q =
                    *words ? Xapian::QueryParser().parse_query(words) : Xapian::Query::MatchAll;
                Xapian::Enquire e(db);
                e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, filter));
                std::vector<std::pair<Xapian::docid, double>> hits;
                const Xapian::MSet m = e.get_mset(0, db.get_doccount());
                for (auto it = m.begin(); it != m.end(); ++it)
                    hits.emplace_back(*it, it.get_weight());
                return hits;
            };
            const auto by_slot = run(std::nullopt);
            CHECK(run(span) == by_slot);
        }
    }
    // An index whose dated articles lack the terms (written before them) uses the slot.
    const auto tmp = test::fresh_tmp_dir("date-terms-old");
    Xapian::WritableDatabase old((tmp / "db").string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_value(schema::slot_date, "19870301");
    old.add_document(doc);
    old.commit();
    CHECK_FALSE(syntax::date_terms_of(old));
}

TEST_CASE("syntax: the help names every operator and every field") {
    const std::string help = syntax::help_text();
    for (const auto& op : syntax::operators)
        CHECK(help.find(std::string(op.word)) != std::string::npos);
    for (const auto& f : syntax::fields)
        CHECK(help.find(std::string(f.name) + ":") != std::string::npos);
}
