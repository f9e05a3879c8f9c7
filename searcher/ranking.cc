/** @file
 * @brief Ranking parameters: defaults and the KHABAR_RANKING tuning override.
 */
#include "ranking.h"

#include <cstdlib>
#include <iostream>
#include <sstream>

#include "error.h"

namespace khabar {

namespace {

double number(const std::string& key, const std::string& v) {
    std::size_t used = 0;
    double d = 0;
    try {
        d = std::stod(v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v.size() || v.empty() || d < 0)
        throw Error("KHABAR_RANKING: bad value '" + v + "' for " + key);
    return d;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(' ');
    return first == std::string::npos ? "" : s.substr(first, s.find_last_not_of(' ') - first + 1);
}

}  // namespace

Ranking parse_ranking(const std::string& spec, Ranking r) {
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.find_first_not_of(" ") == std::string::npos) continue;
        auto eq = item.find('=');
        if (eq == std::string::npos) throw Error("KHABAR_RANKING: expected key=value: " + item);
        std::string k = trim(item.substr(0, eq)), v = trim(item.substr(eq + 1));
        double d = number(k, v);
        if (k == "k1")
            r.k1 = d;
        else if (k == "b")
            r.b = d;
        else if (k == "exact")
            r.exact = d;
        else if (k == "phrase")
            r.phrase = d;
        else if (k == "title")
            r.title = d;
        else if (k == "near")
            r.near = static_cast<unsigned>(d);
        else if (k == "near_weight")
            r.near_weight = d;
        else if (k == "partial")
            r.partial = static_cast<int>(d);
        else
            throw Error("KHABAR_RANKING: unknown key " + k);
    }
    if (r.b > 1) throw Error("KHABAR_RANKING: b must be within 0..1");
    return r;
}

const Ranking& ranking() {
    static const Ranking r = [] {
        const char* env = std::getenv("KHABAR_RANKING");
        return env && *env ? parse_ranking(env) : Ranking{};
    }();
    return r;
}

}  // namespace khabar
