/** @file
 * @brief MixedStem: English Snowball for Latin words, identity for Arabic script, cached.
 */
#include "analysis/stemmer.h"

namespace khabar {

namespace {
constexpr std::size_t kCacheLimit = 200000;
}

bool has_arabic_script(std::string_view word) {
    // Arabic (U+0600–06FF), Supplement (0750–077F), Extended-A (08A0–08FF): lead bytes D8–DB, DD,
    // E0 A2/A3; presentation forms are gone after NFKC.
    for (std::size_t i = 0; i < word.size(); ++i) {
        auto b = static_cast<unsigned char>(word[i]);
        if (b >= 0xD8 && b <= 0xDD) return true;
        if (b == 0xE0 && i + 1 < word.size()) {
            auto b2 = static_cast<unsigned char>(word[i + 1]);
            if (b2 == 0xA2 || b2 == 0xA3) return true;
        }
    }
    return false;
}

MixedStem::MixedStem() : english_("english") {}

std::string MixedStem::operator()(const std::string& word) {
    if (has_arabic_script(word)) return word;
    auto it = cache_.find(word);
    if (it != cache_.end()) return it->second;
    std::string stem = english_(word);
    if (cache_.size() >= kCacheLimit) cache_.clear();
    cache_.emplace(word, stem);
    return stem;
}

Xapian::Stem make_stemmer() {
    return Xapian::Stem(new MixedStem());
}

}  // namespace khabar
