/** @file
 * @brief Roman Urdu bridge: Latin query words (`mehngai`, `wazir-e-azam`) also searched as the
 *        Urdu spellings the index holds (مہنگائی, وزیراعظم), from a table learnt from Express
 * slugs.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace khabar {

/// One bridged query word (or izafat group such as `wazir e azam`) and the Urdu it also searches.
using RomanBridge = std::pair<std::string, std::vector<std::string>>;

/// How the bridge asks whether an indexed word begins with a partial spelling: `automatic` reads
/// the index-time table (database/urdu_vocabulary.h) when the database has a current one, else
/// seeks in the term list; `walk` always seeks (what old databases get; bench/bench_roman.cc).
/// Both give the same spellings.
enum class RomanVocab { automatic, walk };

/// Urdu words of the index that `latin` (lowercase a-z) may spell, best first, at most `top`:
/// letter rules (scripts/roman_urdu/learn.py) walked over the index's vocabulary, ranked by fit
/// and frequency. Empty when nothing fits well enough.
std::vector<std::string> roman_spellings(const Xapian::Database& db, std::string_view latin,
                                         std::size_t top = 3,
                                         RomanVocab how = RomanVocab::automatic);

/// Step 1b of the query builder: every plain Latin word of `prepared` (outside quotes, not an
/// operator or field) that reads as Urdu becomes `(word OR اردو OR ...)`; izafat groups
/// (`wazir-e-azam`, `wazir e azam`) also as the joined word and the two-word phrase. English
/// words stay as they are: a word indexed in English articles is bridged only when the slugs
/// showed it as Roman Urdu or a name. Appends what it added to `bridges`.
std::string bridge_roman(const Xapian::Database& db, const std::string& prepared,
                         std::vector<RomanBridge>& bridges, RomanVocab how = RomanVocab::automatic);

}  // namespace khabar
