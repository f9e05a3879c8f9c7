/** @file
 * @brief is_saving_time: the words a saving tool or reading list writes before its own date.
 */
#include "dates/saving_time.h"

#include <array>
#include <cctype>

#include "dates/date_parser.h"

namespace khabar {

namespace {

/// True when `text` is `lower` in any ASCII case (`lower` is lower case; other bytes compare as
/// they are).
bool same_lower(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (std::size_t i = 0; i < lower.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            static_cast<unsigned char>(lower[i]))
            return false;
    return true;
}

}  // namespace

bool is_saving_time(std::string_view line) {
    // Lower case; a prefix must end the line or be followed by a space, ':' or a digit.
    static constexpr std::array<std::string_view, 40> kPrefixes = {
        "added on", "added", "saved on", "saved at", "saved", "clipped on", "clipped at", "clipped",
        "exported on", "exported at", "exported", "downloaded on", "downloaded", "fetched on",
        "fetched", "retrieved on", "retrieved", "accessed on", "accessed", "archived on",
        "captured on", "captured", "crawled on", "crawled", "last synced", "synced",
        "snapshot taken", "printed on", "scanned on", "scanned", "digitised on", "digitised",
        "digitized on", "digitized",
        // Urdu: saved, saved (adj.), clipping prepared, downloaded, exported, added
        "محفوظ کیا گیا", "محفوظ کردہ", "کلپنگ تیار کی گئی", "ڈاؤن لوڈ کیا گیا", "برآمد کیا گیا",
        "شامل کیا گیا"};
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '*' ||
                             line.front() == '-' || line.front() == '|'))
        line.remove_prefix(1);
    for (std::string_view p : kPrefixes) {
        if (line.size() < p.size() || !same_lower(line.substr(0, p.size()), p)) continue;
        if (line.size() == p.size()) return true;
        const auto next = static_cast<unsigned char>(line[p.size()]);
        if (next == ' ' || next == ':' || std::isdigit(next)) return true;
    }
    // Urdu puts the verb last: "سب ٹائٹل فائل 4 مئی 2027 کو ڈاؤن لوڈ کی گئی".
    {
        std::string_view tail = line;
        while (!tail.empty() && (tail.back() == ' ' || tail.back() == '.')) tail.remove_suffix(1);
        if (tail.ends_with("\xDB\x94")) tail.remove_suffix(2);  // ۔
        while (!tail.empty() && tail.back() == ' ') tail.remove_suffix(1);
        for (std::string_view verb :
             {"ڈاؤن لوڈ کی گئی", "ڈاؤن لوڈ کیا گیا", "محفوظ کی گئی", "محفوظ کیا گیا"})
            if (tail.ends_with(verb) && has_digit(tail)) return true;
    }
    // A chat channel's day as its export or a copy shows it ("#newsdesk — Thursday, May 6,
    // 2027"): when its messages were posted, not when their story was published.
    if (line.starts_with('#') && line.size() > 1 && line[1] != ' ' && line[1] != '#') {
        const std::size_t space = line.find(' ');
        if (space != std::string_view::npos &&
            (line.substr(space).starts_with(" \xE2\x80\x94 ") ||
             line.substr(space).starts_with(" - ")) &&
            has_digit(line))
            return true;
    }
    // The words right before the date, set off as a field (after two spaces, a tab, a bar or a
    // colon): "Profile: Trade    Exported 10/10/2026 10:48"; not a sentence's verb ("The
    // militants captured 12 soldiers").
    const std::size_t digit = line.find_first_of("0123456789");
    if (digit == std::string_view::npos) return false;
    std::string_view head = line.substr(0, digit);
    while (!head.empty() && (head.back() == ' ' || head.back() == ':')) head.remove_suffix(1);
    for (std::string_view p : kPrefixes) {
        if (head.size() < p.size() || !same_lower(head.substr(head.size() - p.size()), p)) continue;
        const std::string_view before = head.substr(0, head.size() - p.size());
        if (before.empty() || before.ends_with("  ") || before.ends_with('\t') ||
            before.ends_with("| ") || before.ends_with(": ") || before.ends_with('|'))
            return true;
    }
    return false;
}

}  // namespace khabar
