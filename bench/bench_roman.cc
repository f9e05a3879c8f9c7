/** @file
 * @brief The Roman Urdu bridge's own cost (issue 17), in-process: bench/roman/run.py's latency.
 *
 *   bench_roman DB QUERIES.txt [--reps N] [--walk] [--print]
 *
 * For every query line (lowercase Latin words, as typed), times khabar::bridge_roman — the step
 * that turns a query's Latin words into `(word OR اردو ...)` — N times (default 5), each time on
 * a freshly opened database (the opening is not timed), so that nothing carries over from one
 * call to the next, as in one `khabar search` process. Before the timed calls one untimed pass
 * over every query warms the page cache. Prints per query `ms<TAB>bridged words<TAB>query`
 * (ms: the median of the N calls) with --print, then p50/p90 over the queries.
 *
 * --walk   bridge with the vocabulary walk even when the database has the index-time table
 *          (database/urdu_vocabulary.h): the cost before the table, and old databases.
 *
 * Under `valgrind --tool=callgrind --collect-atstart=no`, each query's bridge call (one call, no
 * repetitions) is collected alone and dumped as its own part: instructions per query.
 * Exit status: 0 ok, 2 error.
 */
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#define CALLGRIND_TOGGLE_COLLECT ((void)0)
#define CALLGRIND_DUMP_STATS_AT(x) ((void)0)
#endif

#include <xapian.h>

#include "database/reader.h"
#include "query/roman_urdu.h"

namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> pos;
    int reps = 5;
    bool walk = false, print = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--reps" && i + 1 < argc)
            reps = std::max(1, std::atoi(argv[++i]));
        else if (a == "--walk")
            walk = true;
        else if (a == "--print")
            print = true;
        else
            pos.push_back(a);
    }
    if (pos.size() != 2) {
        std::cerr << "usage: bench_roman DB QUERIES.txt [--reps N] [--walk] [--print]\n";
        return 2;
    }
    std::vector<std::string> queries;
    std::ifstream in(pos[1]);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(line);
    if (!in.eof() || queries.empty()) {
        std::cerr << "bench_roman: no queries read from " << pos[1] << "\n";
        return 2;
    }
    const auto how = walk ? khabar::RomanVocab::walk : khabar::RomanVocab::automatic;
    try {
        const bool callgrind = RUNNING_ON_VALGRIND;
        if (callgrind) reps = 1;
        for (const auto& q : queries) {  // warm the page cache
            std::vector<khabar::RomanBridge> b;
            khabar::bridge_roman(khabar::open_for_reading({pos[0]}), q, b, how);
        }
        std::vector<double> ms;
        std::size_t bridged_queries = 0;
        for (std::size_t k = 0; k < queries.size(); ++k) {
            std::vector<double> runs;
            std::vector<khabar::RomanBridge> bridges;
            for (int r = 0; r < reps; ++r) {
                const Xapian::Database db = khabar::open_for_reading({pos[0]});
                bridges.clear();
                CALLGRIND_TOGGLE_COLLECT;
                const auto t0 = std::chrono::steady_clock::now();
                khabar::bridge_roman(db, queries[k], bridges, how);
                const auto t1 = std::chrono::steady_clock::now();
                CALLGRIND_TOGGLE_COLLECT;
                if (callgrind) CALLGRIND_DUMP_STATS_AT(("query " + std::to_string(k)).c_str());
                runs.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            }
            ms.push_back(percentile(runs, 0.5));
            bridged_queries += !bridges.empty();
            if (print) {
                std::string words;
                for (const auto& [latin, urdu] : bridges) {
                    words += (words.empty() ? "" : "; ") + latin + " →";
                    for (const auto& u : urdu) words += " " + u;
                }
                std::printf("%.3f\t%s\t%s\n", ms.back(), words.c_str(), queries[k].c_str());
            }
        }
        std::printf("queries %zu (bridged %zu), %s: p50 %.3f ms, p90 %.3f ms, mean %.3f ms\n",
                    queries.size(), bridged_queries, walk ? "walk" : "automatic",
                    percentile(ms, 0.5), percentile(ms, 0.9), [&] {
                        double s = 0;
                        for (double x : ms) s += x;
                        return s / static_cast<double>(ms.size());
                    }());
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_roman: " << e.get_description() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "bench_roman: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
