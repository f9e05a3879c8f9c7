/** @file
 * @brief In-process khabar ranking for tuning runs (bench/relevance/tune.py): the same
 *        Searcher and SearchRequest defaults as `khabar search` (duplicates collapsed, partial
 *        matches, relevance order), snippets off, one process for a whole query set.
 *
 *   khabar_rank DB SET.tsv OUT.run DEPTH
 *
 * SET lines: qid<TAB>query[<TAB>...]. OUT: TREC run lines "qid Q0 id rank score khabar", and
 * OUT.copies: "qid rank id copy-ids..." for collapsed hits. KHABAR_RANKING applies (ranking.h).
 * `tune.py --verify-cli` checks that this runner and the CLI give identical runs.
 * Built by tune.py against a khabar build directory (no CMake target: bench/relevance only).
 */
#include <fstream>
#include <iostream>
#include <string>

#include "database.h"
#include "error.h"
#include "search.h"

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: khabar_rank DB SET.tsv OUT.run DEPTH\n";
        return 2;
    }
    try {
        khabar::Searcher searcher(khabar::open_for_reading({argv[1]}));
        std::ifstream in(argv[2]);
        std::ofstream out(argv[3]), copies(std::string(argv[3]) + ".copies");
        const std::size_t depth = std::stoul(argv[4]);
        std::string line;
        while (std::getline(in, line)) {
            auto t1 = line.find('\t');
            if (t1 == std::string::npos) continue;
            auto t2 = line.find('\t', t1 + 1);
            std::string qid = line.substr(0, t1);
            std::string q =
                line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
            khabar::SearchRequest req;  // the CLI's defaults: collapse, partial, relevance
            req.query = q;
            req.limit = depth;
            req.snippets = false;
            khabar::SearchResult r;
            try {
                r = searcher.search(req);
            } catch (const khabar::Error& e) {
                std::cerr << "khabar_rank: " << qid << ": " << e.what() << "\n";
                continue;
            }
            for (const auto& h : r.hits) {
                const std::string& id = h.stored.id;
                out << qid << " Q0 " << id << ' ' << h.rank << ' ' << h.score << " khabar\n";
                if (!h.copies.ids.empty()) {
                    copies << qid << ' ' << h.rank << ' ' << id;
                    for (const auto& c : h.copies.ids) copies << ' ' << c;
                    copies << '\n';
                }
            }
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "khabar_rank: " << e.what() << "\n";
        return 1;
    }
}
