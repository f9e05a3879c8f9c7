/** @file
 * @brief Language identification on the shared corpora: how many articles of each corpus get
 *        which language, with the detector of indexer/articles/language_id.h and with the
 *        letter-statistics baseline it replaced (kept here only for comparison).
 *
 *   bench_language [CORPORA_DIR]     (default ../shared/corpora)
 *
 * Every article of each corpus is read and finished as `khabar index` does (readers, then
 * finish_article, so a record's stated language is honoured the same way); the baseline column
 * applies the old detector to the same finished article with the same stated-language rule. Each
 * corpus is in one language, so every count outside that language is a confusion. Makhzan states
 * `ur` for its documents; its "raw" row shows the detectors without that statement.
 * Exit status: 0 ok, 2 a corpus could not be read.
 */
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "articles/article_finisher.h"
#include "articles/language_id.h"
#include "entries/entry_walker.h"
#include "records/record_reader.h"

namespace fs = std::filesystem;
using namespace khabar;

namespace {

/// The detector before CLD2 (script letters and Urdu/Arabic/Persian letter statistics, on raw
/// text): a Latin majority is English.
std::string baseline_language(std::string_view text) {
    std::size_t latin = 0, arabic_script = 0, urdu = 0, arabic_only = 0, persian = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto len = static_cast<int32_t>(std::min<std::size_t>(text.size(), 20000));
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0) continue;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F)) {
            ++latin;
        } else if ((c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) ||
                   (c >= 0xFB50 && c <= 0xFEFC)) {
            ++arabic_script;
            if (c == 0x0679 || c == 0x0688 || c == 0x0691 || c == 0x06BA || c == 0x06D2 ||
                c == 0x06C1 || c == 0x06BE || c == 0x06D3)
                ++urdu;
            else if (c == 0x0629 || c == 0x064A || c == 0x0643 || c == 0x0649)
                ++arabic_only;
            else if (c == 0x067E || c == 0x0686 || c == 0x06AF || c == 0x0698 || c == 0x06A9 ||
                     c == 0x06CC)
                ++persian;
        }
    }
    if (latin + arabic_script < 8) return "";
    if (latin >= arabic_script) return "en";
    if (urdu * 50 >= arabic_script) return "ur";
    if (persian > arabic_only) return "fa";
    return "ar";
}

bool arabic_script(const std::string& l) {
    return l == "ur" || l == "ar" || l == "fa";
}

/// The finisher's rule: a stated language stands unless the text is in another script.
std::string with_stated(const std::string& stated, const std::string& detected) {
    if (stated.empty() || (!detected.empty() && arabic_script(detected) != arabic_script(stated)))
        return detected.empty() ? stated : detected;
    return stated;
}

using Counts = std::map<std::string, std::uint64_t>;

struct Tally {
    Counts current, baseline, current_raw, baseline_raw;
    std::uint64_t articles = 0;
    double baseline_seconds = 0, current_seconds = 0;  ///< time in the detectors
    std::vector<std::string> examples;                 ///< first confusions of the current detector
};

class Sink : public WalkEvents, public RecordSink {
  public:
    Sink(Tally& t, std::string expected) : t_(t), expected_(std::move(expected)) {}
    void entry(const EntryInfo& info, EntryStream& data) override {
        // `khabar index` skips the README/LICENSE files that ship inside dumps.
        for (const char* doc : {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG"}) {
            const std::string name = info.name();
            std::string upper;
            for (char c : name)
                upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (upper == doc || upper.rfind(std::string(doc) + ".", 0) == 0) return;
        }
        read_entry(info, data, ReaderOptions{}, *this);
    }
    void error(const EntryInfo& info, const std::string& reason) override {
        std::cerr << "error: " << info.display() << ": " << reason << "\n";
    }
    void skipped(const EntryInfo&, const std::string&) override {}
    void bad_record(const Origin&, const std::string&) override {}
    void article(Article&& a) override {
        const std::string stated = a.lang;
        if (!finish_article(a, FinishOptions{}).empty()) return;
        ++t_.articles;
        const auto t0 = std::chrono::steady_clock::now();
        const std::string old_raw = baseline_language(a.title + "\n" + a.body.substr(0, 4000));
        const auto t1 = std::chrono::steady_clock::now();
        const std::string new_raw = detect_language(a.title, a.body);
        const auto t2 = std::chrono::steady_clock::now();
        t_.baseline_seconds += std::chrono::duration<double>(t1 - t0).count();
        t_.current_seconds += std::chrono::duration<double>(t2 - t1).count();
        auto key = [](const std::string& l) { return l.empty() ? std::string("?") : l; };
        ++t_.current[key(a.lang)];
        ++t_.baseline[key(with_stated(stated, old_raw))];
        ++t_.current_raw[key(new_raw)];
        ++t_.baseline_raw[key(old_raw)];
        if (a.lang != expected_ && t_.examples.size() < 5)
            t_.examples.push_back(a.lang + " " + a.origin.display() + " " + a.url + " | " +
                                  a.title.substr(0, 80));
    }

  private:
    Tally& t_;
    std::string expected_;
};

std::string show(const Counts& c) {
    std::string out;
    for (const auto& [l, n] : c) out += (out.empty() ? "" : ", ") + l + " " + std::to_string(n);
    return out;
}

std::uint64_t wrong(const Counts& c, const std::string& expected) {
    std::uint64_t n = 0;
    for (const auto& [l, k] : c)
        if (l != expected) n += k;
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path("../shared/corpora");
    const std::pair<const char*, const char*> corpora[] = {
        {"saudinewsnet/zips", "ar"},      {"urdu-news-ha405", "ur"},
        {"urdu-fake-news.tar.zst", "ur"}, {"makhzan-urdu.tar.xz", "ur"},
        {"reuters21578.tar.gz", "en"},    {"bbc-news-2225.zip", "en"},
        {"cacm/cacm.all", "en"},          {"dawn-2013-teasers", "en"}};
    std::cout << "| corpus | expected | articles | baseline: wrong | CLD2: wrong | baseline | CLD2 "
                 "|\n|---|---|---|---|---|---|---|\n";
    int rc = 0;
    for (const auto& [name, expected] : corpora) {
        const fs::path p = dir / name;
        if (!fs::exists(p)) {
            std::cerr << "missing: " << p << "\n";
            rc = 2;
            continue;
        }
        Tally t;
        Sink sink(t, expected);
        const auto start = std::chrono::steady_clock::now();
        walk_dump(p.string(), WalkLimits{}, sink);
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << "| " << name << " | " << expected << " | " << t.articles << " | "
                  << wrong(t.baseline, expected) << " | " << wrong(t.current, expected) << " | "
                  << show(t.baseline) << " | " << show(t.current) << " |\n";
        if (t.baseline_raw != t.baseline || t.current_raw != t.current)
            std::cout << "| " << name << " (raw, no stated language) | " << expected << " | "
                      << t.articles << " | " << wrong(t.baseline_raw, expected) << " | "
                      << wrong(t.current_raw, expected) << " | " << show(t.baseline_raw) << " | "
                      << show(t.current_raw) << " |\n";
        for (const auto& e : t.examples) std::cerr << "  " << name << ": " << e << "\n";
        std::cerr << name << ": " << secs << " s; detection per article: baseline "
                  << 1e6 * t.baseline_seconds / std::max<std::uint64_t>(1, t.articles)
                  << " us, CLD2 "
                  << 1e6 * t.current_seconds / std::max<std::uint64_t>(1, t.articles) << " us\n";
    }
    return rc;
}
