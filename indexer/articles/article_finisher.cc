/** @file
 * @brief Article completion: ids, dates, language, whitespace.
 */
#include "articles/article_finisher.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>

#include "articles/language_id.h"
#include "cleaning/article_cleaning.h"
#include "dates/date_parser.h"
#include "model/labels.h"

namespace khabar {

namespace {

std::string trim(std::string_view s) {
    auto is_space = [](unsigned char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

/// Collapse runs of spaces/tabs/newlines to one space (titles, short fields).
std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

/// Lowercase ASCII slug of a name: "Reuters" -> "reuters", "Dawn News" -> "dawn-news".
std::string slug(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c))
            out.push_back(static_cast<char>(std::tolower(c)));
        else if (c >= 0x80)
            out.push_back(static_cast<char>(c));
        else if (!out.empty() && out.back() != '-')
            out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string hash_hex(std::string_view data) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : data) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = digits[h & 15];
    return out;
}

std::string hash128_hex(std::string_view data) {
    // FNV-1a, 128 bits: content ids must not collide where 64 bits might in a large archive.
    unsigned __int128 h =
        (static_cast<unsigned __int128>(0x6c62272e07bb0142ULL) << 64) | 0x62b821756295c58dULL;
    const unsigned __int128 prime = (static_cast<unsigned __int128>(1) << 88) | 0x13b;
    for (unsigned char c : data) {
        h ^= c;
        h *= prime;
    }
    static const char* digits = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 31; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = digits[h & 15];
    return out;
}

std::string content_hash(const Article& a) {
    std::string text;
    text.reserve(a.title.size() + a.body.size() + 256);
    for (std::string_view field :
         {std::string_view(a.title), std::string_view(a.body), std::string_view(a.date_text),
          std::string_view(a.source), std::string_view(a.author), std::string_view(a.section),
          std::string_view(a.url)}) {
        text += squeeze(field);
        text.push_back('\x1f');  // field separator: "ab"+"c" differs from "a"+"bc"
    }
    return hash128_hex(text);
}

std::string make_article_id(const Article& a) {
    std::string id;
    if (!a.own_id.empty()) {
        std::string own = squeeze(a.own_id);
        if (all_digits(own)) {
            // Numeric ids repeat across files (two CSVs both start at 0): qualify them.
            std::string ns = slug(a.source);
            if (ns.empty()) {
                std::string entry = a.origin.entry.empty() ? a.origin.file : a.origin.entry;
                auto last = entry.rfind("::");
                if (last != std::string::npos) entry = entry.substr(last + 2);
                ns = slug(std::filesystem::path(entry).stem().string());
            }
            id = ns.empty() ? own : ns + "-" + own;
        } else {
            id = own;
        }
    } else if (!a.url.empty()) {
        id = "u" + hash_hex(a.url);
    } else {
        // No id of its own: the content names it, so a different article under the same file
        // name (a daily export, two dumps on stdin) never replaces an earlier one (issue 19).
        id = "c" + (a.content_hash.empty() ? content_hash(a) : a.content_hash);
    }
    for (char& c : id)
        if (c == ' ' || c == '\t' || c == '\n') c = '_';
    if (id.size() > 120) id = "h" + hash_hex(id);
    return id;
}

std::string finish_article(Article& a, const FinishOptions& options) {
    if (a.content_hash.empty()) a.content_hash = content_hash(a);  // as read, before any change
    a.title = squeeze(a.title);
    a.body = trim(a.body);
    a.url = trim(a.url);
    a.author = squeeze(a.author);
    a.source = squeeze(a.source);
    a.section = squeeze(a.section);
    if (a.title.empty() && a.body.empty()) return "no title or body";
    if (a.title.empty()) {  // one rule for every derived title (chrome removal uses it too)
        a.title = squeeze(cleaning::derive_title(a.body));
        a.title_derived = true;
    }
    if (!a.date_text.empty() && !a.date.known()) {  // cleaning may have read it in a site's order
        if (auto d = parse_date(a.date_text)) {
            a.date = *d;
            a.date.source = a.date_field.empty() ? "field" : a.date_field;
        }
    }
    a.lang = language_code(a.lang);
    if (!options.forced_lang.empty()) {
        a.lang = language_code(options.forced_lang);
    } else {
        // A stated language is kept unless the text is in another script (an "en" record written
        // in Urdu); within one script the record knows better than letter statistics.
        std::string detected = detect_language(a.title, a.body);
        auto arabic_script = [](const std::string& l) {
            return l == "ur" || l == "ar" || l == "fa";
        };
        if (a.lang.empty() ||
            (!detected.empty() && arabic_script(detected) != arabic_script(a.lang)))
            if (!detected.empty()) a.lang = detected;
    }
    a.id = make_article_id(a);
    return "";
}

}  // namespace khabar
