/** @file
 * @brief The one stemmer for documents and queries: Snowball English for Latin-script words,
 *        Arabic-script (Urdu) words unchanged (SPEC §4: Snowball arabic is harmful on Urdu).
 */
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace khabar {

/// Xapian stem implementation with a bounded cache. One instance per thread.
class MixedStem : public Xapian::StemImplementation {
  public:
    MixedStem();
    std::string operator()(const std::string& word) override;
    std::string get_description() const override { return "khabar-mixed(english+urdu-none)"; }

  private:
    Xapian::Stem english_;
    std::unordered_map<std::string, std::string> cache_;
};

/// A Xapian::Stem wrapping a fresh MixedStem (Xapian reference-counts and frees it).
Xapian::Stem make_stemmer();

/// True when the word contains an Arabic-script letter (and so is not stemmed).
bool has_arabic_script(std::string_view word);

}  // namespace khabar
