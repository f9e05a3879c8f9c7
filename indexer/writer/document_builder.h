/** @file
 * @brief Article → Xapian::Document following the schema: positional words, stems, title field,
 *        boolean filters, date values and the stored record
 *        (StoredArticle).
 */
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "model/article.h"

namespace khabar {

/// Builds documents; owns an Analyzer, so use one per thread.
class DocumentBuilder {
  public:
    DocumentBuilder() = default;
    /// The terms and values of `a` (its data, the packed record, is set by ShardWriter::put).
    Xapian::Document build(const Article& a);
    /// The unique-id term of an article id.
    static std::string id_term(const std::string& id);

  private:
    /// Index `text` into doc: unprefixed terms with positions (weighted by wdf), stems, and the
    /// same under `field_prefix` when given. Advances pos.
    void index_text(Xapian::Document& doc, std::string_view text, unsigned wdf,
                    std::string_view field_prefix, Xapian::termpos& pos);

    std::string hash_key() const;
    /// The duplicate key takes the term (while it still wants words).
    void add_to_fingerprint(const std::string& term);
    /// Key words of `text` without indexing them (short bodies: the title joins the key).
    void fingerprint_text(std::string_view text);
    /// `Z` + the stem of a lowercased term, or "" when the term is not stemmed or is its own stem
    /// (then the plain term stands for the stem). Cached: news vocabularies are small, and the
    /// stemmer call, its result string and the prefixing cost more than the lookup.
    const std::string& stem_term(const std::string& term);

    static constexpr unsigned kFingerprintTerms = 64;  ///< words of the opening that form the key
    static constexpr unsigned kMinFingerprintTerms = 20;    ///< below this the title joins the key
    static constexpr std::size_t kStemCacheLimit = 200000;  ///< entries before the cache restarts
    Analyzer analyzer_;
    std::unordered_map<std::string, std::string> stem_terms_;
    std::string scratch_;
    std::uint64_t fingerprint_ = 0;
    unsigned fingerprint_terms_ = 0;
};

}  // namespace khabar
