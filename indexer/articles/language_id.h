/** @file
 * @brief Language of an article: the main script of its letters (code and style sheets left out),
 *        then CLD2 within the script (Urdu, Arabic, Persian, … for Arabic script).
 */
#pragma once

#include <string>
#include <string_view>

namespace khabar {

/// Letters of a text by script, counted on NFKC-normalized text with CSS/JavaScript junk (text
/// inside braces, `jQuery.noConflict();`-like words, URLs) left out.
struct ScriptCounts {
    std::size_t latin = 0;
    std::size_t arabic = 0;    ///< Arabic script (Urdu, Arabic, Persian, Pashto, …)
    std::size_t other = 0;     ///< every other script, together
    std::string other_script;  ///< ISO 15924 code of the most frequent other script ("Cyrl", …)
    std::size_t total() const { return latin + arabic + other; }
};

/// Counts the letters of `text` by script (see ScriptCounts); looks at the first 8,000 bytes.
ScriptCounts count_scripts(std::string_view text);

/// The text prepared for detection: NFKC-normalized (Arabic presentation forms become letters),
/// with CSS rules, JavaScript and URLs replaced by spaces. Exposed for tests.
std::string language_text(std::string_view text);

/// ISO 639-1 code of the main language of an article, "" when it has too few letters to tell.
/// The script with most letters decides the family — a Latin-script majority is `en` — and inside
/// Arabic script CLD2 names the language (`ur`, `ar`, `fa`, `ps`, …), with the Urdu-letter
/// statistics as the fallback for text too short for CLD2. Other scripts: CLD2, else the script's
/// usual language (Cyrillic `ru`, Devanagari `hi`, …). A headline is in the publication's
/// language: when the title is in a non-Latin script that has at least a tenth of the letters,
/// that script is the main one — names, film titles and photo captions in Latin letters inside an
/// Arabic or Urdu article do not make it English.
std::string detect_language(std::string_view title, std::string_view body);
/// Same, on one text without a separate title.
std::string detect_language(std::string_view text);

}  // namespace khabar
