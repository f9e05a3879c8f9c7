/** @file
 * @brief In-process query runner for the peers harness (../shared/peers, adapter `batch`).
 *
 *   bench_queries DB QUERIES.tsv HITS.tsv LAT.tsv [-n N]
 *
 * Opens the database once, then for every query line `qid<TAB>query<TAB>from<TAB>to` (from/to
 * YYYY, YYYY-MM or YYYY-MM-DD, or empty) times one khabar::Searcher::search() — query parsing,
 * BM25 top-N (default 10), stored-record decoding, snippets and title highlights — and writes
 *   HITS: qid rank id score date snippet   (highlighted words wrapped in [ ])
 *   LAT:  qid ms matches cpu_ms            (matches = exact count from a second, untimed search;
 *                                           cpu_ms = CPU time of the timed part, this thread)
 * Output formatting and the exact count are outside the timed part. The harness reads the first
 * three columns; cpu_ms is for loaded machines, where wall time includes waiting for a core.
 * Under `valgrind --tool=callgrind --collect-atstart=no` only the timed part is counted, and each
 * query's count is dumped apart (the dump's description is the qid): instructions per query.
 * Exit status: 0 ok, 2 error (bad arguments, unreadable files, bad dates, database errors).
 */
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "database/reader.h"
#include "database/schema.h"
#include "dates/date_parser.h"
#include "error.h"
#include "search.h"

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_TOGGLE_COLLECT ((void)0)
#define CALLGRIND_DUMP_STATS_AT(x) ((void)0)
#endif

namespace {

struct QueryLine {
    std::string qid, text, from, to;
};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> f;
    std::size_t pos = 0;
    for (;;) {
        auto tab = line.find('\t', pos);
        f.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
        if (tab == std::string::npos) break;
        pos = tab + 1;
    }
    return f;
}

/// Runs of ASCII whitespace and control characters to one space (the output is TSV).
void flatten(std::string& s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        bool ws = static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
        if (ws) {
            if (!space && !out.empty()) out += ' ';
            space = true;
        } else {
            out += c;
            space = false;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    s.swap(out);
}

/// Snippet text with every highlight range wrapped in [ ].
std::string bracketed(const khabar::Snippet& sn) {
    std::string out;
    std::size_t pos = 0;
    for (auto [s, e] : sn.highlights) {
        if (s < pos || e > sn.text.size() || s > e) continue;
        out.append(sn.text, pos, s - pos);
        out += '[';
        out.append(sn.text, s, e - s);
        out += ']';
        pos = e;
    }
    out.append(sn.text, pos, std::string::npos);
    flatten(out);
    return out;
}

/// CPU time of the calling thread, ms.
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

int usage() {
    std::cerr << "usage: bench_queries DB QUERIES.tsv HITS.tsv LAT.tsv [-n N]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> pos;
    std::size_t limit = 10;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-n" && i + 1 < argc) {
            limit = std::strtoul(argv[++i], nullptr, 10);
        } else {
            pos.push_back(a);
        }
    }
    if (pos.size() != 4) return usage();
    try {
        std::vector<QueryLine> queries;
        {
            std::ifstream in(pos[1]);
            if (!in) throw khabar::Error("cannot read " + pos[1]);
            std::string line;
            while (std::getline(in, line)) {
                if (line.empty()) continue;
                auto f = split_tabs(line);
                if (f.size() < 2) throw khabar::Error("bad query line: " + line);
                f.resize(4);
                queries.push_back({f[0], f[1], f[2], f[3]});
            }
        }
        std::ofstream hits(pos[2]), lat(pos[3]);
        if (!hits) throw khabar::Error("cannot write " + pos[2]);
        if (!lat) throw khabar::Error("cannot write " + pos[3]);

        khabar::Searcher searcher(khabar::open_for_reading({pos[0]}));
        for (const auto& q : queries) {
            khabar::SearchRequest req;
            req.query = q.text;
            req.limit = limit;
            // Dates are parsed before the clock starts (the CLI does it while reading its flags).
            if (!q.from.empty() || !q.to.empty()) {
                khabar::DayRange range;
                if (!q.from.empty()) {
                    auto d = khabar::parse_user_date(q.from);
                    if (!d) throw khabar::Error(q.qid + ": bad from date '" + q.from + "'");
                    range.first = d->first;
                }
                if (!q.to.empty()) {
                    auto d = khabar::parse_user_date(q.to);
                    if (!d) throw khabar::Error(q.qid + ": bad to date '" + q.to + "'");
                    range.last = d->last;
                }
                req.options.dates = range;
            }

            const double c0 = thread_cpu_ms();
            auto t0 = std::chrono::steady_clock::now();
            CALLGRIND_TOGGLE_COLLECT;
            khabar::SearchResult r = searcher.search(req);
            CALLGRIND_TOGGLE_COLLECT;
            auto t1 = std::chrono::steady_clock::now();
            CALLGRIND_DUMP_STATS_AT(q.qid.c_str());
            const double cpu_ms = thread_cpu_ms() - c0;
            double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();

            // Untimed: the exact number of matches (the timed search only estimates it).
            khabar::SearchRequest count = req;
            count.limit = 0;
            count.exact_count = true;
            khabar::SearchResult c = searcher.search(count);
            Xapian::doccount matches = c.lower == c.upper ? c.lower : c.estimated;

            char buf[64], cbuf[64];
            std::snprintf(buf, sizeof buf, "%.3f", ms);
            std::snprintf(cbuf, sizeof cbuf, "%.3f", cpu_ms);
            lat << q.qid << '\t' << buf << '\t' << matches << '\t' << cbuf << '\n';
            for (const auto& h : r.hits) {
                std::string id = h.stored.id;
                std::string date = h.stored.date.iso();
                flatten(id);
                flatten(date);
                std::snprintf(buf, sizeof buf, "%.4f", h.score);
                hits << q.qid << '\t' << h.rank << '\t' << id << '\t' << buf << '\t' << date << '\t'
                     << bracketed(h.snippet) << '\n';
            }
        }
        hits.flush();
        lat.flush();
        if (!hits || !lat) throw khabar::Error("write error");
    } catch (const khabar::Error& e) {
        std::cerr << "bench_queries: " << e.what() << '\n';
        return 2;
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_queries: " << e.get_description() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "bench_queries: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
