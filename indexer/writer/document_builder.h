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

    Analyzer analyzer_;
    std::string scratch_;
};

/// Normalized, lowercased form of a short label for boolean filter terms ("Dawn News" -> "dawn news").
std::string filter_value(Analyzer& analyzer, std::string_view label);

}  // namespace khabar
