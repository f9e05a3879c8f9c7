/** @file
 * @brief Article → Xapian::Document following the schema: positional words, stems, title field,
 *        boolean filters, date values and the stored record.
 */
#pragma once

#include <string>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "model/article.h"

namespace khabar {

/// Builds documents; owns an Analyzer, so use one per thread.
class DocumentBuilder {
  public:
    DocumentBuilder() = default;
    Xapian::Document build(const Article& a);
    /// The unique-id term of an article id.
    static std::string id_term(const std::string& id);
    /// Stored JSON (the record `show`/`export` print).
    static std::string stored_data(const Article& a);

  private:
    /// Index `text` into doc: unprefixed terms with positions (weighted by wdf), stems, and the
    /// same under `field_prefix` when given. Advances pos.
    void index_text(Xapian::Document& doc, std::string_view text, unsigned wdf,
                    std::string_view field_prefix, Xapian::termpos& pos);

    std::string hash_key() const;

    static constexpr unsigned kFingerprintTerms = 64;  ///< words of the opening that form the key
    static constexpr unsigned kMinFingerprintTerms = 20;  ///< below this the title joins the key
    Analyzer analyzer_;
    std::string scratch_;
    std::uint64_t fingerprint_ = 0;
    unsigned fingerprint_terms_ = 0;
};

/// Normalized, lowercased form of a short label for boolean filter terms ("Dawn News" -> "dawn
/// news").
std::string filter_value(Analyzer& analyzer, std::string_view label);

}  // namespace khabar
