/** @file
 * @brief Complete a record into an article: clean fields, parse the date, detect the language,
 *        derive the stable id.
 */
#pragma once

#include <string>

#include "model/article.h"

namespace khabar {

struct FinishOptions {
    std::string forced_lang;  ///< --lang: use this language for every article
};

/// Fill id, date, lang and trim fields. Returns "" when the article is usable, else the reason it
/// must be skipped (e.g. "no title or body").
std::string finish_article(Article& a, const FinishOptions& options);

/// The stable id rule (README.md, Indexing): the record's own id (qualified when purely numeric),
/// else the URL ("u" + hash), else the content ("c" + content_hash).
std::string make_article_id(const Article& a);

/// 128-bit hash (hex) of what the record says: title, body, date as written, source, author,
/// section and URL, each with its whitespace squeezed. Computed on the record as read (before
/// chrome removal, whose statistics change between runs), so the same record always hashes alike.
std::string content_hash(const Article& a);

/// 64-bit FNV-1a, hex.
std::string hash_hex(std::string_view data);
/// 128-bit FNV-1a, hex.
std::string hash128_hex(std::string_view data);

}  // namespace khabar
