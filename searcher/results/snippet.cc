/** @file
 * @brief SnippetMaker: score windows of words by distinct matched terms, cut at word boundaries.
 */
#include "results/snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>

namespace khabar {

FirstBytes SnippetMaker::first_bytes(const std::set<std::string>& terms) {
    FirstBytes b;
    for (const auto& s : terms)
        if (!s.empty()) b.set(static_cast<unsigned char>(s[0]));
    return b;
}

const FirstBytes* SnippetMaker::wanted(const std::set<std::string>& exact_terms,
                                       const std::set<std::string>& stems,
                                       const std::vector<Phrase>& phrases, FirstBytes& out) {
    // An empty term would match the words left empty.
    if (exact_terms.count("")) return nullptr;
    out = first_bytes(exact_terms) | first_bytes(stems);
    for (const Phrase& p : phrases)
        for (const auto& w : p)
            if (w.empty())
                return nullptr;
            else
                out.set(static_cast<unsigned char>(w[0]));
    return &out;
}

bool SnippetMaker::matches(const Token& t, const std::set<std::string>& exact_terms,
                           const std::set<std::string>& stems, const FirstBytes& exact_first,
                           const FirstBytes& stem_first) {
    if (t.term.empty()) return exact_terms.count(t.term) > 0;
    const auto c0 = static_cast<unsigned char>(t.term[0]);
    // Most words of an article share no first byte with any query term: no set lookup for them.
    if (exact_first.test(c0) && exact_terms.count(t.term)) return true;
    // A stem is its word up to the last few letters (Snowball English rewrites only endings, at
    // most the last two letters of the stem: abilities → able; Urdu words are their own stems),
    // so most words need no stemming at all: stemming every word of an article was most of the
    // snippet's cost.
    if (!stem_first.test(c0) || !should_stem(t.term)) return false;
    bool candidate = false;
    for (const auto& s : stems) candidate = candidate || t.term.starts_with(stem_prefix(s));
    return candidate && stems.count(analyzer_.stemmer()(t.term)) > 0;
}

std::string_view SnippetMaker::stem_prefix(std::string_view stem) {
    // Three letters of margin where the rule needs two; at least the first byte.
    return stem.substr(0, std::max<std::size_t>(1, stem.size() > 3 ? stem.size() - 3 : 0));
}

void SnippetMaker::match_tokens(const std::vector<Token>& tokens, std::size_t from,
                                const std::set<std::string>& exact_terms,
                                const std::set<std::string>& stems,
                                const std::vector<Phrase>& phrases, std::vector<TokenSpan>& match) {
    match.resize(tokens.size(), TokenSpan{no_match, no_match});
    const FirstBytes exact_first = first_bytes(exact_terms), stem_first = first_bytes(stems);
    // The words tokens_in_raw left empty (most of them) are matched with one test.
    const bool empty_matches = exact_terms.count("") > 0;
    for (std::size_t i = from; i < tokens.size(); ++i) {
        if (match[i].first == no_match &&
            (tokens[i].term.empty()
                 ? empty_matches
                 : matches(tokens[i], exact_terms, stems, exact_first, stem_first)))
            match[i] = {i, i};
        for (const Phrase& p : phrases) {
            if (p.empty() || i + p.size() > tokens.size()) continue;
            std::size_t k = 0;
            while (k < p.size() && tokens[i + k].term == p[k]) ++k;
            if (k < p.size()) continue;
            for (k = 0; k < p.size(); ++k) match[i + k] = {i, i + p.size() - 1};
        }
    }
}

std::vector<std::pair<std::size_t, std::size_t>> SnippetMaker::mark(
    const std::string& text, const std::set<std::string>& exact_terms,
    const std::set<std::string>& stems, const std::vector<Phrase>& phrases) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    FirstBytes bytes;
    const std::vector<Token> tokens =
        analyzer_.tokens_in_raw(text, wanted(exact_terms, stems, phrases, bytes));
    std::vector<TokenSpan> match;
    match_tokens(tokens, 0, exact_terms, stems, phrases, match);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (match[i].first != no_match) out.emplace_back(tokens[i].start, tokens[i].end);
    return out;
}

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// The code point at byte i (U+FFFD for an invalid byte) and the byte after it.
UChar32 char_at(const std::string& s, std::size_t i) {
    auto k = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
    return c < 0 ? 0xFFFD : c;
}
std::size_t next_char(const std::string& s, std::size_t i) {
    auto k = static_cast<int32_t>(i);
    U8_FWD_1(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()));
    return static_cast<std::size_t>(k);
}

bool is_mark(UChar32 c) {
    const auto t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

/// Collapse whitespace runs to single spaces, remembering where each output byte came from.
std::string flatten(const std::string& s, std::size_t from, std::size_t to,
                    std::vector<std::size_t>& map) {
    std::string out;
    map.clear();
    bool space = false;
    for (std::size_t i = from; i < to; ++i) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            out.push_back(' ');
            map.push_back(i - 1);  // the (last) whitespace byte it stands for
        }
        space = false;
        out.push_back(c);
        map.push_back(i);
    }
    return out;
}

}  // namespace

void SnippetMaker::analyze_piece(const std::string& text, std::size_t from, std::size_t to,
                                 const FirstBytes* wanted, TextMatches& m) {
    std::vector<Token> piece =
        analyzer_.tokens_in_raw(std::string_view(text).substr(from, to - from), wanted);
    for (Token& t : piece) {
        t.start += static_cast<std::uint32_t>(from);
        t.end += static_cast<std::uint32_t>(from);
    }
    if (m.tokens.empty()) {
        m.tokens = std::move(piece);
    } else {
        m.tokens.reserve(m.tokens.size() + piece.size());
        std::move(piece.begin(), piece.end(), std::back_inserter(m.tokens));
    }
    m.match_id.resize(m.tokens.size(), -1);
    m.match.resize(m.tokens.size(), TokenSpan{no_match, no_match});
}

TextMatches SnippetMaker::find_matches(const std::string& text,
                                       const std::set<std::string>& exact_terms,
                                       const std::set<std::string>& stems, std::size_t length,
                                       const std::vector<Phrase>& phrases) {
    // Analyze the text in pieces (4 KB, then 32 KB, …) and stop at the first piece with a match:
    // long articles cost no more than their opening when the words occur early, as they mostly do.
    TextMatches m;
    std::vector<std::string> matched_words;  // the query words matched, in order of appearance
    std::size_t piece_start = 0, piece_len = 4096;
    FirstBytes bytes;
    const FirstBytes* candidates = wanted(exact_terms, stems, phrases, bytes);
    const FirstBytes none;  // the context after the last match is never matched
    while (piece_start < text.size()) {
        std::size_t end = std::min(text.size(), piece_start + piece_len);
        while (end < text.size() && text[end] != ' ' && text[end] != '\n')
            ++end;  // cut between words
        const std::size_t first_new = m.tokens.size();
        analyze_piece(text, piece_start, end, candidates, m);
        match_tokens(m.tokens, first_new, exact_terms, stems, phrases, m.match);
        for (std::size_t i = first_new; i < m.tokens.size(); ++i) {
            if (m.match[i].first == no_match) continue;
            const std::string& term = m.tokens[i].term;
            std::string key = should_stem(term) ? analyzer_.stemmer()(term) : term;
            auto it = std::find(matched_words.begin(), matched_words.end(), key);
            m.match_id[i] = static_cast<int>(it - matched_words.begin());
            if (it == matched_words.end()) matched_words.push_back(key);
        }
        piece_start = end;
        piece_len *= 8;
        if (!matched_words.empty()) {
            // Finish the sentence-level context: one more short piece after the last match (its
            // words are context only, never matched).
            std::size_t tail = text.size();
            if (piece_start < text.size()) {
                tail = std::min(text.size(), piece_start + length);
                while (tail < text.size() && text[tail] != ' ' && text[tail] != '\n') ++tail;
                analyze_piece(text, piece_start, tail, &none, m);
            }
            m.analyzed_end = tail;
            break;
        }
        m.analyzed_end = piece_start;
        // No match in the first ~36 KB (a title-only match): show the opening instead.
        if (piece_start >= text.size() || piece_start > 36 * 1024) break;
    }
    m.words = matched_words.size();
    return m;
}

Window choose_window(const TextMatches& m, std::size_t length) {
    const std::vector<Token>& tokens = m.tokens;
    Window best;
    int best_distinct = -1, best_count = -1;
    for (std::size_t first = 0; first < tokens.size(); ++first) {
        // Windows start at a match (not inside a phrase), or at the opening.
        if ((m.match_id[first] < 0 || m.match[first].first != first) &&
            !(first == 0 && best_distinct < 0))
            continue;
        std::vector<bool> seen(m.words, false);
        int distinct = 0, count = 0;
        std::size_t last = first;
        for (std::size_t k = first;
             k < tokens.size() && tokens[k].end - tokens[first].start <= length; ++k) {
            last = k;
            if (m.match_id[k] >= 0) {
                ++count;
                if (!seen[m.match_id[k]]) {
                    seen[m.match_id[k]] = true;
                    ++distinct;
                }
            }
        }
        if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
            best_distinct = distinct;
            best_count = count;
            best = {first, last};
        }
    }
    // Start a little before the first match, for context, when room allows.
    const std::size_t anchor = tokens[best.first].start;
    while (best.first > 0 && tokens[best.last].end - tokens[best.first - 1].start <= length &&
           anchor - tokens[best.first - 1].start < length / 4)
        --best.first;
    // Extend to the right while within length.
    while (best.last + 1 < tokens.size() &&
           tokens[best.last + 1].end - tokens[best.first].start <= length)
        ++best.last;
    return best;
}

Snippet opening_passage(const std::string& text, std::size_t length) {
    std::size_t cut = text.size();
    if (cut > length) {
        cut = text.rfind(' ', length);
        if (cut == std::string::npos || cut == 0) {
            cut = length;
            while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
            while (cut > 0 && is_mark(char_at(text, cut))) {
                --cut;
                while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
            }
        }
    }
    Snippet snip;
    std::vector<std::size_t> map;
    snip.text = flatten(text, 0, cut, map);
    if (cut < text.size() && !snip.text.empty()) snip.text += " …";
    return snip;
}

Snippet cut_passage(const std::string& text, const TextMatches& m, Window w) {
    const std::vector<Token>& tokens = m.tokens;
    std::size_t from = w.first == 0 ? 0 : tokens[w.first].start;
    std::size_t to = w.last + 1 == tokens.size() && m.analyzed_end >= text.size()
                         ? text.size()
                         : tokens[w.last].end;
    // Keep closing punctuation right after the last word (". , ۔ ؟ ”"): whole characters, at
    // most three, and only when a space or the end follows (never part of `3/4` or `a-b`).
    if (to < text.size()) {
        std::size_t p = to;
        for (int n = 0; n < 3 && p < text.size() && !is_space(text[p]); ++n) {
            const std::size_t next = next_char(text, p);
            const UChar32 c = char_at(text, p);
            if (!u_ispunct(c) && u_charType(c) != U_FORMAT_CHAR) break;
            p = next;
        }
        if (p == text.size() || is_space(text[p])) to = p;
    }
    std::vector<std::size_t> map;
    std::string body = flatten(text, from, to, map);
    const bool cut_start = from > 0, cut_end = to < text.size();
    const std::string ellipsis = "…";
    std::size_t shift = cut_start ? ellipsis.size() + 1 : 0;
    Snippet snip;
    snip.text = (cut_start ? ellipsis + " " : "") + body + (cut_end ? " " + ellipsis : "");
    // Map token ranges into the flattened passage.
    std::size_t k = 0;
    for (std::size_t i = w.first; i <= w.last; ++i) {
        // A phrase cut by the window's edge is not a match in it.
        if (m.match_id[i] < 0 || m.match[i].first < w.first || m.match[i].second > w.last) continue;
        while (k < map.size() && map[k] < tokens[i].start) ++k;
        std::size_t s = k;
        while (k < map.size() && map[k] < tokens[i].end) ++k;
        if (k > s) snip.highlights.emplace_back(s + shift, k + shift);
    }
    return snip;
}

Snippet SnippetMaker::make(const std::string& text, const std::set<std::string>& exact_terms,
                           const std::set<std::string>& stems, std::size_t length,
                           const std::vector<Phrase>& phrases) {
    const TextMatches m = find_matches(text, exact_terms, stems, length, phrases);
    if (m.tokens.empty()) return opening_passage(text, length);
    return cut_passage(text, m, choose_window(m, length));
}

}  // namespace khabar
