/** @file
 * @brief Filter labels: one normalization for the index terms and the query values.
 */
#include "model/labels.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace khabar {

namespace {

/// Language names and three-letter codes users and records write, with their ISO 639-1 code.
constexpr std::pair<std::string_view, std::string_view> kLanguageNames[] = {
    {"english", "en"}, {"eng", "en"},        {"urdu", "ur"},    {"urd", "ur"},
    {"arabic", "ar"},  {"ara", "ar"},        {"persian", "fa"}, {"farsi", "fa"},
    {"fas", "fa"},     {"per", "fa"},        {"hindi", "hi"},   {"hin", "hi"},
    {"pashto", "ps"},  {"pushto", "ps"},     {"pus", "ps"},     {"punjabi", "pa"},
    {"pan", "pa"},     {"sindhi", "sd"},     {"snd", "sd"},     {"french", "fr"},
    {"fra", "fr"},     {"german", "de"},     {"deu", "de"},     {"spanish", "es"},
    {"spa", "es"},     {"portuguese", "pt"}, {"por", "pt"},     {"italian", "it"},
    {"ita", "it"},     {"dutch", "nl"},      {"russian", "ru"}, {"rus", "ru"},
    {"chinese", "zh"}, {"zho", "zh"},        {"turkish", "tr"}, {"tur", "tr"},
    {"bengali", "bn"}, {"ben", "bn"}};

}  // namespace

std::string filter_value(Analyzer& analyzer, std::string_view label) {
    std::string out;
    analyzer.for_each_term(label, [&](const Token& t) {
        if (!out.empty()) out.push_back(' ');
        out += t.term;
    });
    return out;
}

std::vector<std::string> section_values(Analyzer& analyzer, std::string_view label) {
    std::vector<std::string> out;
    auto add = [&](std::string_view part) {
        std::string v = filter_value(analyzer, part);
        if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end())
            out.push_back(std::move(v));
    };
    add(label);
    if (label.find_first_of(",;") == std::string_view::npos) return out;
    std::size_t start = 0;
    while (start <= label.size()) {
        std::size_t end = label.find_first_of(",;", start);
        if (end == std::string_view::npos) end = label.size();
        add(label.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string language_code(std::string_view name) {
    std::string l;
    for (char c : name) {
        if (c == '-' || c == '_') break;
        if (c == ' ' || c == '\t') continue;
        l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    for (const auto& [n, code] : kLanguageNames)
        if (l == n) return std::string(code);
    return l;
}

bool known_language(std::string_view code) {
    return std::any_of(std::begin(kLanguageNames), std::end(kLanguageNames),
                       [&](const auto& p) { return p.second == code; });
}

}  // namespace khabar
