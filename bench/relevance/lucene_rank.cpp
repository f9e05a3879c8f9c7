// Ranked retrieval on the Lucene++ peer's index (../shared/peers/engines/lucenepp), to a depth.
//   lucene_rank INDEXDIR SET.tsv OUT.run DEPTH
// SET lines: qid<TAB>query<TAB>op (op "and" or "or"). OUT: TREC run lines
// "qid Q0 docid rank score lucenepp". The search is the peer's own (lucene_peer.cpp): StandardAnalyzer,
// MultiFieldQueryParser over title+body, the query escaped (no syntax), default operator AND
// (OR for op "or"), classic TF-IDF; only the depth differs (the peer stops at 10).
// Built by bench/relevance/run.sh with the same pkg-config line as the peer's adapter.
#include <LuceneHeaders.h>
#include <MultiFieldQueryParser.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace Lucene;

static String W(const std::string& s) { return StringUtils::toUnicode(s); }
static std::string U(const String& s) { return StringUtils::toUTF8(s); }

static std::string escapeQuery(const std::string& q) {  // as lucene_peer.cpp
    std::string r;
    for (char c : q) {
        if (std::string("\\+-!():^[]\"{}~*?|&/").find(c) != std::string::npos) r += '\\';
        r += c;
    }
    return r;
}

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: lucene_rank INDEXDIR SET.tsv OUT.run DEPTH\n";
        return 2;
    }
    try {
        IndexReaderPtr reader = IndexReader::open(FSDirectory::open(W(argv[1])), true);
        SearcherPtr searcher = newLucene<IndexSearcher>(reader);
        AnalyzerPtr analyzer = newLucene<StandardAnalyzer>(LuceneVersion::LUCENE_CURRENT);
        QueryParserPtr parser = newLucene<MultiFieldQueryParser>(
            LuceneVersion::LUCENE_CURRENT, newCollection<String>(L"title", L"body"), analyzer);
        int depth = std::stoi(argv[4]);
        std::ifstream in(argv[2]);
        std::ofstream out(argv[3]);
        std::string line;
        while (std::getline(in, line)) {
            auto t1 = line.find('\t');
            if (t1 == std::string::npos) continue;
            auto t2 = line.find('\t', t1 + 1);
            std::string qid = line.substr(0, t1);
            std::string q = line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
            std::string op = t2 == std::string::npos ? "and" : line.substr(t2 + 1);
            parser->setDefaultOperator(op == "or" ? QueryParser::OR_OPERATOR : QueryParser::AND_OPERATOR);
            try {
                QueryPtr query = parser->parse(W(escapeQuery(q)));
                TopDocsPtr top = searcher->search(query, FilterPtr(), depth);
                int rank = 0;
                for (auto sd : top->scoreDocs)
                    out << qid << " Q0 " << U(searcher->doc(sd->doc)->get(L"id")) << ' ' << ++rank << ' '
                        << sd->score << " lucenepp\n";
            } catch (LuceneException& e) {  // e.g. a query of stop words only: no hits
                std::cerr << "lucene_rank: " << qid << ": " << U(e.getError()) << "\n";
            }
        }
        return 0;
    } catch (LuceneException& e) {
        std::cerr << "lucene error: " << U(e.getError()) << "\n";
        return 1;
    }
}
