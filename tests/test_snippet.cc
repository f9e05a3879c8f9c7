/** @file
 * @brief SnippetMaker in its two halves (results/snippet.h): fragment search (find_matches: which
 *        words match, how far the text was read) and fragment choice (choose_window), then the
 *        passage cut from the window (cut_passage, opening_passage).
 */
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "results/snippet.h"

using namespace khabar;

namespace {

/// Text of `n` words "w0 w1 …" (each 2-4 bytes), with `match` at the given word positions.
struct Made {
    std::string text;
    TextMatches m;
};

/// Hand-made matches: `words` space-separated; a word in `hits` matches query word hits[word].
Made made(const std::vector<std::string>& words, const std::vector<int>& ids) {
    Made out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out.text += ' ';
        Token t;
        t.term = words[i];
        t.start = static_cast<std::uint32_t>(out.text.size());
        out.text += words[i];
        t.end = static_cast<std::uint32_t>(out.text.size());
        out.m.tokens.push_back(t);
        out.m.match_id.push_back(ids[i]);
        out.m.match.emplace_back(ids[i] < 0 ? TextMatches::no_match : i,
                                 ids[i] < 0 ? TextMatches::no_match : i);
    }
    int words_matched = -1;
    for (int id : ids) words_matched = std::max(words_matched, id);
    out.m.words = static_cast<std::size_t>(words_matched + 1);
    out.m.analyzed_end = out.text.size();
    return out;
}

std::vector<std::string> words(std::size_t n) {
    std::vector<std::string> w;
    for (std::size_t i = 0; i < n; ++i) w.push_back("w" + std::to_string(i));
    return w;
}

}  // namespace

TEST_CASE("fragment search: the matching words, their query word, and how far it read") {
    SnippetMaker maker;
    const std::string text = "Oil prices rose. Crude oil output fell; prices of oil.";
    const TextMatches m = maker.find_matches(text, {"oil"}, {"price"}, 200, {});
    REQUIRE(m.tokens.size() == 10);
    CHECK(m.words == 2);         // oil, and price (prices by its stem)
    CHECK(m.match_id[0] == 0);   // Oil
    CHECK(m.match_id[1] == 1);   // prices
    CHECK(m.match_id[2] == -1);  // rose
    CHECK(m.match_id[4] == 0);   // oil again: the same query word
    CHECK(m.analyzed_end == text.size());
    // A phrase matches only whole, and marks every word of it with its span.
    const TextMatches p = maker.find_matches(text, {}, {}, 200, {{"crude", "oil"}});
    CHECK(p.words == 2);  // each word of the phrase is a query word of its own
    CHECK(p.match_id[3] == 0);
    CHECK(p.match_id[4] == 1);
    CHECK(p.match[3] == std::make_pair<std::size_t, std::size_t>(3, 4));
    CHECK(p.match[4] == std::make_pair<std::size_t, std::size_t>(3, 4));
    CHECK(p.match_id[0] == -1);  // "Oil" alone is not the phrase
}

TEST_CASE("marking: a word is found through its stem however its ending was rewritten") {
    // Snowball rewrites up to the last two letters of a stem (abilities → abl, dying → die);
    // words are stemmed only when they start like a query stem, and these must all still match.
    SnippetMaker maker;
    const std::vector<std::string> words = {
        "abilities",  "possibilities",  "sensibilities", "dying",     "lying",   "skies", "happily",
        "activities", "generalization", "operational",   "troubling", "hoping",  "ugly",  "early",
        "agencies",   "relational",     "hopefully",     "argued",    "hopping", "news"};
    std::string text;
    std::set<std::string> stems;
    Analyzer analyzer;
    for (const std::string& w : words) {
        text += (text.empty() ? "" : " ") + w;
        stems.insert(analyzer.stem(w));
    }
    const auto marked = maker.mark(text, {}, stems);
    CHECK(marked.size() == words.size());
    // And a word that only starts like a stem is not marked.
    CHECK(maker.mark("abide dye", {}, stems).empty());
}

TEST_CASE("fragment search: stops after the first 4 KB piece with a match, plus the context") {
    SnippetMaker maker;
    std::string text = "needle";
    while (text.size() < 20000) text += " filler";
    const TextMatches m = maker.find_matches(text, {"needle"}, {}, 100, {});
    CHECK(m.analyzed_end < 4096 + 200);  // the first piece and ~length bytes more, not 20 KB
    CHECK(m.words == 1);
    // Nothing matches: the first ~36 KB are read, then it gives up.
    const TextMatches none = maker.find_matches(text, {"absent"}, {}, 100, {});
    CHECK(none.words == 0);
    CHECK(none.analyzed_end == text.size());
}

TEST_CASE("fragment choice: most distinct words first, then most matches, then earliest") {
    // 40 words of 2-3 bytes; query word 0 at 5 and 30, query word 1 at 32: the window at 30
    // holds both words.
    std::vector<int> ids(40, -1);
    ids[5] = 0;
    ids[30] = 0;
    ids[32] = 1;
    const Made a = made(words(40), ids);
    const Window w = choose_window(a.m, 20);
    CHECK(w.first <= 30);
    CHECK(w.last >= 32);
    CHECK(a.m.tokens[w.last].end - a.m.tokens[w.first].start <= 20);
    // Equal words: more matches win; equal again: the earliest.
    std::vector<int> twice(40, -1);
    twice[5] = 0;
    twice[20] = 0;
    twice[22] = 0;
    const Window t = choose_window(made(words(40), twice).m, 12);
    CHECK(t.first <= 20);
    CHECK(t.last >= 22);
    std::vector<int> once(40, -1);
    once[10] = 0;
    once[30] = 0;
    const Window e = choose_window(made(words(40), once).m, 12);
    CHECK(e.first <= 10);
    CHECK(e.last >= 10);
    CHECK(e.last < 30);
}

TEST_CASE("fragment choice: no match shows the opening; context before a match is bounded") {
    const Made none = made(words(30), std::vector<int>(30, -1));
    const Window w = choose_window(none.m, 20);
    CHECK(w.first == 0);
    CHECK(none.m.tokens[w.last].end <= 20);
    // A match near the end leaves room: the window moves back for context, by less than a
    // quarter of the length.
    std::vector<int> ids(30, -1);
    ids[27] = 0;
    const Made a = made(words(30), ids);
    const Window c = choose_window(a.m, 40);
    CHECK(c.first < 27);
    CHECK(a.m.tokens[27].start - a.m.tokens[c.first].start < 10);
    CHECK(c.last == 29);
}

TEST_CASE("the passage: ellipses where cut, closing punctuation kept, phrases cut at an edge") {
    SnippetMaker maker;
    const std::string text =
        "Intro words here. Oil prices rose sharply, traders said. More text follows after.";
    const TextMatches m = maker.find_matches(text, {"oil"}, {}, 200, {});
    Window w;
    w.first = 3;  // Oil
    w.last = 8;   // said
    const Snippet s = cut_passage(text, m, w);
    CHECK(s.text == "… Oil prices rose sharply, traders said. …");
    REQUIRE(s.highlights.size() == 1);
    CHECK(s.text.substr(s.highlights[0].first, s.highlights[0].second - s.highlights[0].first) ==
          "Oil");
    // A phrase that the window cuts in two is not highlighted.
    const TextMatches p = maker.find_matches(text, {}, {}, 200, {{"here", "oil"}});
    Window half;
    half.first = 3;
    half.last = 5;
    CHECK(cut_passage(text, p, half).highlights.empty());
}

TEST_CASE("the opening of a text without words: cut at a space, whitespace collapsed") {
    CHECK(opening_passage("--  ==\n** ++", 200).text == "-- == ** ++");
    CHECK(opening_passage("-- == ** ++ // ##", 9).text == "-- == ** …");
    CHECK(opening_passage("", 10).text.empty());
}
