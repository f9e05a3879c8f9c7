/** @file
 * @brief Article-extraction quality on ../shared/corpora/article-extraction (Scrapinghub's
 *        article-extraction-benchmark pages: html/SHA.html.gz and ground-truth.json).
 *
 *   bench_extraction [DIR] [--show SHA-PREFIX] [--quiet] [--meta] [--dates] [--no-url]
 *
 * Every page is decoded (records/charset.h, no HTTP header) and extracted with
 * khabar::records::extract_article(html, url). The extracted body is compared with the true
 * articleBody of the page:
 *
 * - Tokens: maximal runs of letters, combining marks, decimal digits and `_` (ICU character
 *   properties; the same set as Python's `\w`), each lower-cased code point by code point (ICU
 *   simple case mapping). Everything else separates tokens.
 * - Token precision/recall/F1 of a page: over the multisets (bags) of tokens. tp = sum over
 *   tokens of min(count in truth, count in extraction); P = tp / tokens extracted, R = tp /
 *   tokens in truth, F1 = 2PR / (P + R) (0 when tp = 0). The table's means are plain means over
 *   the pages (each page weighs the same).
 * - Shingle F1 (the benchmark's own evaluate.py): the same over bags of 4-token shingles; per page
 *   tp/fp/fn are normalised to sum 1, summed over the pages, then P = TP/(TP+FP), R = TP/(TP+FN).
 *
 * Prints one line per page (worst first), the means, and the time per page.
 * Exit status: 0 ok, 2 the corpus cannot be read.
 */
#include <archive.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "records/charset.h"
#include "records/html_extractor.h"

namespace fs = std::filesystem;
using khabar::records::ExtractedPage;

namespace {

/// One page's numbers.
struct PageScore {
    std::string sha, host, body_field, charset;
    std::size_t truth_tokens = 0, extracted_tokens = 0;
    double precision = 0, recall = 0, f1 = 0;
    double shingle_tp = 0, shingle_fp = 0, shingle_fn = 0;  ///< normalised to sum 1
};

/// Decompressed contents of a gzip file (libarchive raw format).
std::string gunzip_file(const fs::path& path) {
    archive* a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_raw(a);
    std::string out;
    archive_entry* entry = nullptr;
    if (archive_read_open_filename(a, path.c_str(), 1 << 16) == ARCHIVE_OK &&
        archive_read_next_header(a, &entry) == ARCHIVE_OK) {
        char buf[1 << 16];
        la_ssize_t n;
        while ((n = archive_read_data(a, buf, sizeof buf)) > 0)
            out.append(buf, static_cast<std::size_t>(n));
    }
    archive_read_free(a);
    return out;
}

bool is_word_char(UChar32 c) {
    const int8_t type = u_charType(c);
    return u_isalpha(c) || type == U_DECIMAL_DIGIT_NUMBER || type == U_NON_SPACING_MARK ||
           type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK || c == '_';
}

/// Lower-cased word tokens (see the file comment).
std::vector<std::string> tokenize(std::string_view text) {
    std::vector<std::string> tokens;
    std::string current;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto len = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c >= 0 && is_word_char(c)) {
            UChar32 lower = u_tolower(c);
            char buf[4];
            int32_t n = 0;
            U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), n, lower);
            current.append(buf, static_cast<std::size_t>(n));
        } else if (!current.empty()) {
            tokens.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

/// Bag of n-grams of tokens (n = 1: the tokens themselves).
std::unordered_map<std::string, int> bag(const std::vector<std::string>& tokens, std::size_t n) {
    std::unordered_map<std::string, int> counts;
    if (tokens.size() < n) return counts;
    for (std::size_t i = 0; i + n <= tokens.size(); ++i) {
        std::string key = tokens[i];
        for (std::size_t k = 1; k < n; ++k) key += '\x1F' + tokens[i + k];
        ++counts[key];
    }
    return counts;
}

/// tp, fp, fn between two bags.
std::array<double, 3> compare_bags(const std::unordered_map<std::string, int>& truth,
                                   const std::unordered_map<std::string, int>& pred) {
    double tp = 0, fp = 0, fn = 0;
    for (const auto& [k, t] : truth) {
        auto it = pred.find(k);
        const int p = it == pred.end() ? 0 : it->second;
        tp += std::min(t, p);
        fn += std::max(0, t - p);
    }
    for (const auto& [k, p] : pred) {
        auto it = truth.find(k);
        fp += std::max(0, p - (it == truth.end() ? 0 : it->second));
    }
    return {tp, fp, fn};
}

void score_page(const std::string& truth, const std::string& extracted, PageScore& s) {
    const auto t = tokenize(truth), e = tokenize(extracted);
    s.truth_tokens = t.size();
    s.extracted_tokens = e.size();
    auto [tp, fp, fn] = compare_bags(bag(t, 1), bag(e, 1));
    s.precision = e.empty() ? 0 : tp / static_cast<double>(e.size());
    s.recall = t.empty() ? 0 : tp / static_cast<double>(t.size());
    s.f1 = tp > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    auto [stp, sfp, sfn] = compare_bags(bag(t, 4), bag(e, 4));
    const double sum = stp + sfp + sfn;
    if (sum > 0) {
        s.shingle_tp = stp / sum;
        s.shingle_fp = sfp / sum;
        s.shingle_fn = sfn / sum;
    }
}

std::string host_of(const std::string& url) {
    std::size_t p = url.find("://");
    std::string h = p == std::string::npos ? url : url.substr(p + 3);
    return h.substr(0, h.find('/'));
}

struct Options {
    fs::path dir;
    std::string show;
    bool quiet = false;
    bool meta = false;    ///< print the metadata of every page instead of the table
    bool dates = false;   ///< print each page's date, its source and the date notes (TSV)
    bool no_url = false;  ///< extract without the page's URL, as the indexer reads files
};

Options parse_args(int argc, char** argv) {
    Options o;
    const char* shared = std::getenv("KHABAR_SHARED_DIR");
    o.dir = fs::path(shared ? shared : "../shared") / "corpora" / "article-extraction";
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--show" && i + 1 < argc)
            o.show = argv[++i];
        else if (a == "--quiet")
            o.quiet = true;
        else if (a == "--meta")
            o.meta = true, o.quiet = true;
        else if (a == "--dates")
            o.dates = true, o.quiet = true;
        else if (a == "--no-url")
            o.no_url = true;
        else
            o.dir = a;
    }
    return o;
}

/// Paragraphs (non-empty lines) of text, whitespace-collapsed and lower-cased.
std::vector<std::string> paragraphs_of(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::string line;
        for (const std::string& t : tokenize(text.substr(0, nl))) line += t + " ";
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

/// Lines of `a` whose tokens do not occur in `b` in that order, prefixed with `mark`.
void print_missing(const std::string& a, const std::string& b, const char* mark) {
    std::string hay;
    for (const std::string& t : tokenize(b)) hay += t + " ";
    for (const std::string& p : paragraphs_of(a))
        if (hay.find(p) == std::string::npos) std::cout << mark << p.substr(0, 300) << "\n";
}

/// Prints the extraction of one page in full (for --show).
void show_page(const ExtractedPage& p, const std::string& truth) {
    std::cout << "----- missing from the extraction:\n";
    print_missing(truth, p.body, "- ");
    std::cout << "----- extra in the extraction:\n";
    print_missing(p.body, truth, "+ ");
    std::cout << "title [" << p.title_field << "]: " << p.title << "\ndate [" << p.date_field
              << "]: " << p.date_text << "\nauthor: " << p.author << "\nurl: " << p.url
              << "\nsection: " << p.section << "\nlang: " << p.lang << "\nsite: " << p.site_name
              << "\nbody [" << p.body_field << "]:\n"
              << p.body << "\n\n===== truth:\n"
              << truth << "\n";
}

void print_table(std::vector<PageScore> scores) {
    std::sort(scores.begin(), scores.end(),
              [](const PageScore& a, const PageScore& b) { return a.f1 < b.f1; });
    std::printf("%-12s %-32s %6s %6s %6s %6s %6s  %s\n", "page", "host", "truth", "extr", "P", "R",
                "F1", "body");
    for (const PageScore& s : scores)
        std::printf("%-12.12s %-32.32s %6zu %6zu %6.3f %6.3f %6.3f  %s (%s)\n", s.sha.c_str(),
                    s.host.c_str(), s.truth_tokens, s.extracted_tokens, s.precision, s.recall, s.f1,
                    s.body_field.c_str(), s.charset.c_str());
}

void print_means(const std::vector<PageScore>& scores, double seconds) {
    double p = 0, r = 0, f = 0, tp = 0, fp = 0, fn = 0;
    for (const PageScore& s : scores) {
        p += s.precision, r += s.recall, f += s.f1;
        tp += s.shingle_tp, fp += s.shingle_fp, fn += s.shingle_fn;
    }
    const double n = static_cast<double>(scores.size());
    const double sp = tp / (tp + fp), sr = tp / (tp + fn);
    std::printf("\npages: %zu\n", scores.size());
    std::printf("token bag   mean P %.4f  mean R %.4f  mean F1 %.4f\n", p / n, r / n, f / n);
    std::printf("4-shingles  P %.4f  R %.4f  F1 %.4f  (article-extraction-benchmark evaluate.py)\n",
                sp, sr, 2 * sp * sr / (sp + sr));
    std::printf("time: %.2f ms per page (decode + extract)\n", seconds * 1000 / n);
}

}  // namespace

int main(int argc, char** argv) {
    const Options opt = parse_args(argc, argv);
    std::ifstream truth_file(opt.dir / "ground-truth.json");
    if (!truth_file) {
        std::cerr << "bench_extraction: cannot read " << (opt.dir / "ground-truth.json") << "\n";
        return 2;
    }
    const nlohmann::json truth = nlohmann::json::parse(truth_file, nullptr, false);
    if (truth.is_discarded() || !truth.is_object()) {
        std::cerr << "bench_extraction: ground-truth.json is not a JSON object\n";
        return 2;
    }
    std::vector<PageScore> scores;
    double seconds = 0;
    for (const auto& [sha, item] : truth.items()) {
        if (!opt.show.empty() && sha.rfind(opt.show, 0) != 0) continue;
        const std::string raw = gunzip_file(opt.dir / "html" / (sha + ".html.gz"));
        const std::string url = item.value("url", "");
        const auto start = std::chrono::steady_clock::now();
        const auto decoded = khabar::records::decode_html_bytes(raw, "");
        const ExtractedPage page =
            khabar::records::extract_article(decoded.utf8, opt.no_url ? "" : url);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        PageScore s{sha, host_of(url), page.body_field,
                    decoded.charset + "/" + decoded.charset_source};
        score_page(item.value("articleBody", ""), page.body, s);
        scores.push_back(s);
        if (!opt.show.empty()) show_page(page, item.value("articleBody", ""));
        if (opt.meta)
            std::cout << sha.substr(0, 8) << " | " << page.title_field << ": " << page.title
                      << " | " << page.date_field << ": " << page.date_text << " | " << page.author
                      << " | " << page.section << " | " << page.lang << " | " << page.site_name
                      << " | " << page.url << "\n";
        if (opt.dates) {
            std::cout << sha.substr(0, 8) << "\t" << page.date_field << "\t" << page.date_text;
            for (const std::string& note : page.date_notes) std::cout << "\t" << note;
            std::cout << "\n";
        }
    }
    if (scores.empty()) {
        std::cerr << "bench_extraction: no pages\n";
        return 2;
    }
    if (!opt.quiet) print_table(scores);
    print_means(scores, seconds);
    return 0;
}
