/** @file
 * @brief The index schema shared by indexer and searcher: metadata keys, term prefixes, value
 * slots, stored fields (their encoding: stored_article.h; the files on disk: layout.h).
 *
 * Prefixes follow Omega's conventions (omega/docs/termprefixes.rst): Q unique id, S title,
 * L language, A author; X… are ours. Stemmed terms carry Xapian's usual "Z" before the prefix.
 */
#pragma once

#include <string_view>

namespace khabar::schema {

/// Bumped when the layout changes incompatibly; stored in the database metadata. "2": the document
/// data is the packed record (packed_record.h), no longer encode()'s JSON object. Shards of
/// version "1" are still read, and an index run that adds to one marks it "2" (a khabar that
/// reads only "1" refuses it rather than read records it cannot decode).
inline constexpr std::string_view version = "2";
inline constexpr std::string_view version_json_data = "1";  ///< still read, see `version`

// Metadata keys (each shard's own, committed with its documents).
inline constexpr std::string_view version_key = "khabar:schema";  ///< `version` of every shard
/// "1" in shards created with prefix_dup terms on every article (older shards lack the terms).
inline constexpr std::string_view dup_terms_key = "khabar:dup-terms";
/// Prefix of resume checkpoints: `khabar:done:<input key>` = "1" or "1 skipped=N" when the input
/// is fully written to the shard, with N of its records skipped as bad (input_keys.h).
inline constexpr std::string_view done_key_prefix = "khabar:done:";
/// Shard 0 only (chrome statistics are per database; cleaning/chrome_store.h): BlockStats of
/// every page counted so far, and `khabar:chrome-input:<input key>` = the canonical path of each
/// input they count.
inline constexpr std::string_view chrome_stats_key = "khabar:chrome-stats";
inline constexpr std::string_view chrome_input_prefix = "khabar:chrome-input:";
/// First shard only: `khabar:story:<duplicate key>` = the encoded Story of every duplicate key
/// with two articles or more (stories.h), rewritten at the end of every index run.
inline constexpr std::string_view story_key_prefix = "khabar:story:";
/// First shard only: "1" when the story table was written after the last change to the articles;
/// an index run sets "0" before it writes anything (a run interrupted since leaves it "0").
inline constexpr std::string_view stories_current_key = "khabar:stories-current";
/// `khabar:record-dict:<16 hex digits>` = a dictionary the shard's packed records are compressed
/// with, named by its hash (packed_record.h); a shard merged from others keeps all of theirs.
inline constexpr std::string_view record_dictionary_prefix = "khabar:record-dict:";
/// "TIME REVISION": Unix time of the compaction that wrote the shard. Setting it lifts the
/// compacted shard's revision above the one it was compacted from, which is what tells a reader
/// of the replaced shard to reopen it (compaction.cc).
inline constexpr std::string_view compacted_key = "khabar:compacted";
/// First shard only (urdu_vocabulary.h): "DOCCOUNT TOTAL_LENGTH" of the database the Urdu
/// vocabulary table lists ("" while an index run changes it), and `khabar:urdu-vocab:<letter>` =
/// the sorted terms beginning with that Arabic-script letter, each followed by '\n'.
inline constexpr std::string_view urdu_vocab_key = "khabar:urdu-vocab";
inline constexpr std::string_view urdu_vocab_prefix = "khabar:urdu-vocab:";

// Term prefixes.
inline constexpr std::string_view prefix_id = "Q";      ///< boolean: article id
inline constexpr std::string_view prefix_title = "S";   ///< free text: title words
inline constexpr std::string_view prefix_lang = "L";    ///< boolean: language code ("en", "ur")
inline constexpr std::string_view prefix_author = "A";  ///< free text: author words
inline constexpr std::string_view prefix_source =
    "XSRC";  ///< boolean: source, normalized lowercase
inline constexpr std::string_view prefix_section =
    "XSEC";                                           ///< boolean: section, normalized lowercase
inline constexpr std::string_view prefix_stem = "Z";  ///< Xapian's stemmed-term marker
/// boolean: the duplicate key (slot_dup) as a term, so an article's copies are one short posting
/// list (shards created before it lack these terms, see dup_terms_key; search then uses the slot).
inline constexpr std::string_view prefix_dup = "XD";
/// boolean: the date slot's year "XTY1987", month "XTM198703" and day "XTD19870305" (Omega's Y/M/D
/// terms): a date range is an OR of a few of them, far cheaper to filter by than the value slot.
/// Articles indexed before them lack them: search uses the terms only when every dated article
/// has its year term (syntax::DateTerms).
inline constexpr std::string_view prefix_year = "XTY";
inline constexpr std::string_view prefix_month = "XTM";
inline constexpr std::string_view prefix_day = "XTD";

// Value slots.
/// "YYYYMMDD" (Date::slot_value: an unknown month or day is 01); absent when undated.
inline constexpr unsigned slot_date = 0;
inline constexpr unsigned slot_date_precision = 1;  ///< 'd', 'm' or 'y'
inline constexpr unsigned slot_dup = 2;  ///< duplicate key: hash of the opening 64 words (hex)
/// Hash of the record's content as read (Article::content_hash): a re-index tells an unchanged
/// record from a replaced one; absent in documents indexed before it existed.
inline constexpr unsigned slot_content = 3;

// Term weighting and positions.
inline constexpr unsigned title_wdf = 3;  ///< a title word counts like this many body words
inline constexpr unsigned title_body_gap =
    100;  ///< positions between title and body (no phrase across)

// The stored record: one JSON object with these keys (StoredArticle::encode; packed with the body
// apart by pack_record).
inline constexpr std::string_view field_id = "id";
inline constexpr std::string_view field_title = "title";
inline constexpr std::string_view field_title_derived = "title_derived";
/// Blocks of site chrome removed from the page before indexing; absent when none (issue 7).
inline constexpr std::string_view field_chrome_removed = "chrome_removed";
/// The removed blocks with why: [{"text": ..., "reason": ...}], capped; absent when none.
inline constexpr std::string_view field_removed = "removed";
/// Why the page's date was chosen or refused (Article::date_notes): an array of strings.
inline constexpr std::string_view field_date_notes = "date_notes";
inline constexpr std::string_view field_body = "body";
inline constexpr std::string_view field_url = "url";
inline constexpr std::string_view field_date = "date";
inline constexpr std::string_view field_date_source = "date_source";
inline constexpr std::string_view field_lang = "lang";
inline constexpr std::string_view field_source = "source";
inline constexpr std::string_view field_author = "author";
inline constexpr std::string_view field_section = "section";
inline constexpr std::string_view field_origin = "origin";

}  // namespace khabar::schema
