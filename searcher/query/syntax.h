/** @file
 * @brief The query language in one place: its operators, its fields with their index prefixes,
 *        the filters among them, the one date-range filter, the one word splitter, and the help.
 *
 * Everything that reads or explains query text asks here: the builder (query_builder.cc), the
 * field check (filter_fields.cc), --exact (search.cc), "did you mean" and `khabar search --help`.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "database/schema.h"
#include "dates/date.h"

namespace khabar::syntax {

/// An operator word, recognised only in CAPITALS (lowercase `and` is a word).
struct Operator {
    std::string_view word;
    bool distance;  ///< takes `/N` (NEAR/5, ADJ/3)
};

inline constexpr Operator operators[] = {
    {"AND", false}, {"OR", false}, {"NOT", false}, {"XOR", false}, {"NEAR", true}, {"ADJ", true},
};

/// What a `name:` does: search words in one field, or keep only articles with a value.
enum class FieldKind {
    text,   ///< free text under a term prefix (`title:oil`), ranked like other words
    label,  ///< boolean filter on a normalized label term (`lang:ur`, model/labels.h)
    date,   ///< boolean filter on the date value slot (`date:1987-03`)
};

struct Field {
    std::string_view name;    ///< as typed, before the colon
    std::string_view prefix;  ///< term prefix in the index (schema.h); "" for date (a value slot)
    FieldKind kind;
};

inline constexpr Field fields[] = {
    {"title", schema::prefix_title, FieldKind::text},
    {"author", schema::prefix_author, FieldKind::text},
    {"lang", schema::prefix_lang, FieldKind::label},
    {"source", schema::prefix_source, FieldKind::label},
    {"section", schema::prefix_section, FieldKind::label},
    {"date", "", FieldKind::date},
};

/// `AND` … `ADJ`, and `NEAR/5` `ADJ/3`: an operator word as QueryParser reads it.
bool is_operator_word(std::string_view word);
/// Whether `word` starts like an operator (`NEAR…`, `ADJ…`, or is AND/OR/NOT/XOR): the test the
/// filter hoisting uses to leave `oil OR lang:ur` alone.
bool starts_with_operator(std::string_view word);
/// `term` (already lowercased by the analyzer) is an operator word in lowercase ("and", "near").
bool is_lowercased_operator(std::string_view term);

/// The field named `name` ("title"), or nullptr.
const Field* find_field(std::string_view name);
/// "title: author: lang: source: section: date:" (for messages).
std::string fields_text();

/// The span of a database's dates ("YYYYMMDD" bounds) when every dated article carries its
/// date terms (schema::prefix_year, …); an index written before them has none.
struct DateTerms {
    std::string first, last;
};
/// DateTerms of `db`, nullopt when some dated article lacks its terms (or none is dated).
std::optional<DateTerms> date_terms_of(const Xapian::Database& db);

/// `date:` and `--since/--until` alike: the articles dated in `range` (inclusive days, either
/// end open) as a pure filter that weights nothing. With `terms`: an OR of the year, month and
/// day terms that tile the range within the database's span (at most 30 days and 11 months at
/// each end, and the years between); without: a
/// range on the date slot. The same articles either way.
Xapian::Query date_range_query(const DayRange& range,
                               const std::optional<DateTerms>& terms = std::nullopt);
/// The day range of a `date:` value (`1987`, `1987-03`, `1987-03..1987-04`, `..1987-06`);
/// throws khabar::Error naming the value when it is not one.
DayRange date_filter_range(const std::string& value);

/// One word of query text: split at whitespace outside double quotes, so a quoted phrase and a
/// bracketed field value without spaces stay whole.
struct Word {
    std::string text;
    bool top = false;  ///< starts outside brackets and quotes
};
/// The words of (prepared) query text, with bracket depth tracked outside quotes.
std::vector<Word> split_words(std::string_view text);
/// The same, text only.
std::vector<std::string> word_texts(std::string_view text);

/// Whether every double quote is closed and every bracket outside quotes is closed.
bool balanced(std::string_view text);

/// `lang:ur`, `date:1987-03`… : the field of a word that is a whole filter (name, colon, value),
/// else nullptr. `-lang:ur` and `title:oil` are not.
const Field* filter_of(std::string_view word);

/// The "Query language" section of `khabar search --help`.
std::string help_text();

}  // namespace khabar::syntax
