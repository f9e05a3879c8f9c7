/** @file
 * @brief StoredArticle: the record a khabar database keeps for each article (the document data),
 *        typed, with its one encoding (packed by the indexer's ShardWriter: packed_record.h) and
 *        its one decoding (search, rendering, show, export, stats).
 */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "dates/date.h"
#include "model/article.h"

namespace khabar {

/// What `show`, `export` and search results print of an article: the fields of the stored JSON
/// object (schema::field_*). A field an older record lacks decodes as empty (0, false).
struct StoredArticle {
    std::string id;
    std::string title;
    bool title_derived =
        false;  ///< title made from the first sentence (schema::field_title_derived)
    std::string body;
    std::string url;
    Date date;  ///< precision none when undated; date.source is the stored date_source
    /// Why the page's date was chosen or refused (Article::date_notes); empty for most records.
    std::vector<std::string> date_notes;
    std::string lang;
    std::string source;
    std::string author;
    std::string section;
    Origin origin;
    std::uint32_t chrome_removed = 0;   ///< blocks of site chrome removed before indexing
    std::vector<RemovedBlock> removed;  ///< the first of those blocks, with why

    /// The stored fields of an indexed article.
    static StoredArticle of(const Article& a);
    /// One JSON object (schema::field_* keys; optional ones only when set): schema 1's document
    /// data.
    std::string encode() const;
    /// encode()'s object without the body's key (the body is packed apart: packed_record.h).
    std::string encode_without_body() const;
    /// Inverse of encode(); tolerant: data that is not a JSON object decodes as an empty
    /// article, a missing or mistyped field as empty.
    static StoredArticle decode(std::string_view data);
    /// decode() through the general JSON parser alone (what decode() falls back to for data
    /// other than what encode() writes); the same result for every input. For tests.
    static StoredArticle decode_general(std::string_view data);
    /// decode() through its direct reader alone: every record encode() writes; nullopt for
    /// what it leaves to the general parser. For tests.
    static std::optional<StoredArticle> decode_direct(std::string_view data);
    /// The stored article of a document: its data unpacked (packed_record.h), schema 1's JSON
    /// object decoded.
    static StoredArticle of(const Xapian::Document& doc);
};

/// Put a known date in a document's value slots (schema::slot_date: Date::slot_value(), and
/// slot_date_precision: its precision letter; Date::from_slot reads them back) and its date terms
/// (schema::prefix_year/month/day of the slot value); an unknown date adds none.
void set_slot_date(Xapian::Document& doc, const Date& date);

/// An origin as its JSON object {"file", "entry", "record"} (stored, and printed by --json).
void to_json(nlohmann::json& j, const Origin& o);

}  // namespace khabar
