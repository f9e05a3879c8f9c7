/** @file
 * @brief SnippetMaker: score windows of words by distinct matched terms, cut at word boundaries.
 */
#include "results/snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace khabar {

bool SnippetMaker::matches(const Token& t, const std::set<std::string>& exact_terms,
                           const std::set<std::string>& stems) {
    if (exact_terms.count(t.term)) return true;
    if (stems.empty() || !should_stem(t.term)) return false;
    // A stem starts with its word's first letter (Snowball English changes only endings; Urdu
    // words are their own stems), so most words need no stemming at all: stemming every word of
    // an article was most of the snippet's cost.
    bool candidate = false;
    for (const auto& s : stems) candidate = candidate || (!s.empty() && s[0] == t.term[0]);
    return candidate && stems.count(analyzer_.stemmer()(t.term)) > 0;
}

void SnippetMaker::match_tokens(const std::vector<Token>& tokens, std::size_t from,
                                const std::set<std::string>& exact_terms,
                                const std::set<std::string>& stems,
                                const std::vector<Phrase>& phrases, std::vector<TokenSpan>& match) {
    match.resize(tokens.size(), TokenSpan{no_match, no_match});
    for (std::size_t i = from; i < tokens.size(); ++i) {
        if (match[i].first == no_match && matches(tokens[i], exact_terms, stems)) match[i] = {i, i};
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
    const std::vector<Token> tokens = analyzer_.tokens_in_raw(text);
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

Snippet SnippetMaker::make(const std::string& text, const std::set<std::string>& exact_terms,
                           const std::set<std::string>& stems, std::size_t length,
                           const std::vector<Phrase>& phrases) {
    // Analyze the text in pieces (4 KB, then 32 KB, …) and stop at the first piece with a match:
    // long articles cost no more than their opening when the words occur early, as they mostly do.
    std::vector<Token> tokens;
    std::vector<int> match_id;  // index of the matched query word, -1 if none
    std::vector<std::string> matched_words;
    std::vector<TokenSpan> match;  // the tokens of the match (a word, a whole phrase) each is in
    std::size_t piece_start = 0, piece_len = 4096;
    while (piece_start < text.size()) {
        std::size_t end = std::min(text.size(), piece_start + piece_len);
        while (end < text.size() && text[end] != ' ' && text[end] != '\n')
            ++end;  // cut between words
        std::size_t first_new = tokens.size();
        for (Token t : analyzer_.tokens_in_raw(
                 std::string_view(text).substr(piece_start, end - piece_start))) {
            t.start += static_cast<std::uint32_t>(piece_start);
            t.end += static_cast<std::uint32_t>(piece_start);
            tokens.push_back(std::move(t));
        }
        match_id.resize(tokens.size(), -1);
        match_tokens(tokens, first_new, exact_terms, stems, phrases, match);
        for (std::size_t i = first_new; i < tokens.size(); ++i) {
            if (match[i].first == no_match) continue;
            std::string key =
                should_stem(tokens[i].term) ? analyzer_.stemmer()(tokens[i].term) : tokens[i].term;
            auto it = std::find(matched_words.begin(), matched_words.end(), key);
            match_id[i] = static_cast<int>(it - matched_words.begin());
            if (it == matched_words.end()) matched_words.push_back(key);
        }
        piece_start = end;
        piece_len *= 8;
        if (!matched_words.empty()) {
            // Finish the sentence-level context: one more short piece after the last match.
            if (piece_start < text.size()) {
                std::size_t tail = std::min(text.size(), piece_start + length);
                while (tail < text.size() && text[tail] != ' ' && text[tail] != '\n') ++tail;
                for (Token t : analyzer_.tokens_in_raw(
                         std::string_view(text).substr(piece_start, tail - piece_start))) {
                    t.start += static_cast<std::uint32_t>(piece_start);
                    t.end += static_cast<std::uint32_t>(piece_start);
                    tokens.push_back(std::move(t));
                    match_id.push_back(-1);
                    match.emplace_back(no_match, no_match);
                }
                analyzed_end_ = tail;
            } else {
                analyzed_end_ = text.size();
            }
            break;
        }
        analyzed_end_ = piece_start;
        // No match in the first ~36 KB (a title-only match): show the opening instead.
        if (piece_start >= text.size() || piece_start > 36 * 1024) break;
    }
    // Best window: most distinct matched words, then most matches, then earliest.
    std::size_t best_first = 0, best_last = 0;
    int best_distinct = -1, best_count = -1;
    if (!tokens.empty()) {
        for (std::size_t first = 0; first < tokens.size(); ++first) {
            // Windows start at a match (not inside a phrase), or at the opening.
            if ((match_id[first] < 0 || match[first].first != first) &&
                !(first == 0 && best_distinct < 0))
                continue;
            std::vector<bool> seen(matched_words.size(), false);
            int distinct = 0, count = 0;
            std::size_t last = first;
            for (std::size_t k = first;
                 k < tokens.size() && tokens[k].end - tokens[first].start <= length; ++k) {
                last = k;
                if (match_id[k] >= 0) {
                    ++count;
                    if (!seen[match_id[k]]) {
                        seen[match_id[k]] = true;
                        ++distinct;
                    }
                }
            }
            if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
                best_distinct = distinct;
                best_count = count;
                best_first = first;
                best_last = last;
            }
        }
        // Start a little before the first match, for context, when room allows.
        const std::size_t anchor = tokens[best_first].start;
        while (best_first > 0 && tokens[best_last].end - tokens[best_first - 1].start <= length &&
               anchor - tokens[best_first - 1].start < length / 4)
            --best_first;
        // Extend to the right while within length.
        while (best_last + 1 < tokens.size() &&
               tokens[best_last + 1].end - tokens[best_first].start <= length)
            ++best_last;
    }
    Snippet snip;
    if (tokens.empty()) {
        // No word at all: the opening, cut at a space, else between whole characters (and not
        // before a combining mark).
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
        std::vector<std::size_t> map;
        snip.text = flatten(text, 0, cut, map);
        if (cut < text.size() && !snip.text.empty()) snip.text += " …";
        return snip;
    }
    std::size_t from = best_first == 0 ? 0 : tokens[best_first].start;
    std::size_t to = best_last + 1 == tokens.size() && analyzed_end_ >= text.size()
                         ? text.size()
                         : tokens[best_last].end;
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
    snip.text = (cut_start ? ellipsis + " " : "") + body + (cut_end ? " " + ellipsis : "");
    // Map token ranges into the flattened passage.
    std::size_t m = 0;
    for (std::size_t i = best_first; i <= best_last; ++i) {
        // A phrase cut by the window's edge is not a match in it.
        if (match_id[i] < 0 || match[i].first < best_first || match[i].second > best_last) continue;
        while (m < map.size() && map[m] < tokens[i].start) ++m;
        std::size_t s = m;
        while (m < map.size() && map[m] < tokens[i].end) ++m;
        if (m > s) snip.highlights.emplace_back(s + shift, m + shift);
    }
    return snip;
}

}  // namespace khabar
