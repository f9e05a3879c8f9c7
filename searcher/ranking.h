/** @file
 * @brief Ranking parameters of relevance-ordered searches, in one place.
 *
 * Every value here was chosen by measurement on the judged sets of bench/relevance (tuned on the
 * dev split, confirmed on the test split; the table of what was tried is
 * bench/relevance/RESULTS.md). The index side contributes schema::title_wdf (title words count
 * like that many body words); the rest is applied at query time:
 *
 *   weight:   BM25(k1, b) over every term (Xapian's BM25Weight, k2 = 0, k3 = 1, min_normlen 0.5)
 *   query:    AND_MAYBE(the parsed query, boost) for plain queries (no operators), where boost =
 *             OR(exact × the words as typed, phrase × PHRASE(words), title × title:words)
 *   partial:  fewer full matches than the page → the best articles with some of the words follow
 *
 * The environment variable KHABAR_RANKING overrides them for tuning runs only (bench/relevance
 * tune.sh), e.g. `KHABAR_RANKING="k1=1.2,b=0.75,phrase=0"`; it is not a user setting.
 */
#pragma once

#include <string>

#include <xapian.h>

namespace khabar {

struct Ranking {
    double k1 = 1.2;  ///< BM25 term-frequency saturation (Xapian's default: 1)
    double b = 0.75;  ///< BM25 document-length normalization, 0..1 (Xapian's default: 0.5)
    /// Weight of the exact-form boost: each word as typed (unstemmed, unfolded variant) adds its
    /// BM25 weight × exact, so an article with the typed form ranks above a stem-only match.
    double exact = 0.5;
    /// Weight of the whole-query phrase boost (2-12 words adjacent, in order).
    double phrase = 1.0;
    /// Weight of the title-field boost: each word found in the title (S prefix) adds its
    /// title-field BM25 weight × title (on top of the index-side title wdf).
    double title = 0.0;
    /// Window of a NEAR boost of all the words (0 = off); weight near_weight.
    unsigned near = 0;
    double near_weight = 1.0;
    /// Partial matches: 0 = off (only articles with all the words), 1 = after the full matches
    /// when fewer than a page have all the words.
    int partial = 1;

    /// Xapian weighting object for these parameters.
    Xapian::BM25Weight weight() const { return Xapian::BM25Weight(k1, 0, 1, b, 0.5); }
};

/// The parameters in force: the defaults above, or KHABAR_RANKING's overrides (read once). A
/// malformed KHABAR_RANKING is a fatal error (a tuning run must not silently use defaults).
const Ranking& ranking();

/// Parse "key=value,key=value" over `base` (exposed for tests). Throws khabar::Error on an
/// unknown key or a bad number.
Ranking parse_ranking(const std::string& spec, Ranking base = {});

}  // namespace khabar
