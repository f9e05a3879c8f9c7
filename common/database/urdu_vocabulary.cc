/** @file
 * @brief The Urdu vocabulary table: written from the whole database's term list into the first
 *        shard, read one first letter at a time.
 */
#include "database/urdu_vocabulary.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include "database/layout.h"
#include "database/schema.h"

namespace khabar {

namespace {

/// The byte length of `s`'s first letter when it is in the Arabic block (U+0600-U+06FF: lead
/// bytes D8-DB), else 0.
std::size_t arabic_letter(std::string_view s) {
    if (s.size() < 2) return 0;
    const auto lead = static_cast<unsigned char>(s[0]);
    return lead >= 0xD8 && lead <= 0xDB ? 2 : 0;
}

std::string stamp_of(const Xapian::Database& db) {
    return std::to_string(db.get_doccount()) + " " + std::to_string(db.get_total_length());
}

}  // namespace

std::size_t write_urdu_vocabulary(const std::string& dir) {
    namespace fs = std::filesystem;
    const std::string first =
        has_stub(dir) ? (fs::path(dir) / read_stub(dir).front()).string() : dir;
    Xapian::WritableDatabase table(first, Xapian::DB_OPEN);
    const Xapian::Database all(dir);
    std::map<std::string, std::string> letters;
    std::size_t terms = 0;
    auto t = all.allterms_begin();
    for (t.skip_to("\xD8"); t != all.allterms_end(); ++t) {
        const std::string term = *t;
        if (static_cast<unsigned char>(term[0]) > 0xDB) break;
        const std::size_t n = arabic_letter(term);
        // A term the list cannot hold leaves no table: searches walk the term list.
        if (n == 0 || term.find('\n') != std::string::npos) {
            table.set_metadata(std::string(schema::urdu_vocab_key), "");
            table.commit();
            return 0;
        }
        letters[term.substr(0, n)] += term + '\n';
        ++terms;
    }
    const std::string prefix(schema::urdu_vocab_prefix);
    std::vector<std::string> stale;
    for (auto k = table.metadata_keys_begin(prefix); k != table.metadata_keys_end(prefix); ++k)
        if (!letters.count((*k).substr(prefix.size()))) stale.push_back(*k);
    for (const auto& k : stale) table.set_metadata(k, "");
    for (const auto& [letter, list] : letters) table.set_metadata(prefix + letter, list);
    table.set_metadata(std::string(schema::urdu_vocab_key), stamp_of(all));
    table.commit();
    return terms;
}

std::optional<UrduVocabulary> UrduVocabulary::open(const Xapian::Database& db) {
    const std::string stamp = db.get_metadata(std::string(schema::urdu_vocab_key));
    if (stamp.empty() || stamp != stamp_of(db)) return std::nullopt;
    return UrduVocabulary(db);
}

std::optional<bool> UrduVocabulary::has_prefix(std::string_view prefix) {
    const std::size_t n = arabic_letter(prefix);
    if (n == 0) return std::nullopt;
    const std::string_view letter = prefix.substr(0, n);
    auto it = letters_.find(letter);
    if (it == letters_.end())
        it = letters_
                 .emplace(letter, db_->get_metadata(std::string(schema::urdu_vocab_prefix) +
                                                    std::string(letter)))
                 .first;
    // Binary search for the first term >= prefix, over the term starts ('\n' before each but
    // the first) of the sorted list.
    const std::string_view list = it->second;
    auto term_at = [&](std::size_t start) {
        return list.substr(start, list.find('\n', start) - start);
    };
    auto start_before = [&](std::size_t pos) {  // the start of the term holding byte `pos`
        const std::size_t nl = pos == 0 ? std::string_view::npos : list.rfind('\n', pos - 1);
        return nl == std::string_view::npos ? 0 : nl + 1;
    };
    // Terms starting before `lo` are < prefix, the term at `hi` (if any) is not; both are term
    // starts, and lo <= mid < hi.
    std::size_t lo = 0, hi = list.size();
    while (lo < hi) {
        const std::size_t mid = start_before(lo + (hi - lo) / 2);
        if (term_at(mid) < prefix)
            lo = mid + term_at(mid).size() + 1;
        else
            hi = mid;
    }
    return lo < list.size() && term_at(lo).starts_with(prefix);
}

}  // namespace khabar
