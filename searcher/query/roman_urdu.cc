#include "query/roman_urdu.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "database/schema.h"
#include "database/urdu_vocabulary.h"
#include "query/syntax.h"

namespace khabar {

namespace {

struct Rule {
    std::string_view latin;
    char pos;  ///< 'I' initial, 'M' medial, 'F' final, '*' anywhere
    std::string_view urdu;
    double cost;
};

constexpr Rule rules[] = {
#define KHABAR_ROMAN_RULE(l, p, u, c) {l, p, u, c},
#include "query/roman_urdu_table.inc"
#undef KHABAR_ROMAN_RULE
};

struct Word {
    std::string_view latin, urdu;
};

constexpr Word words[] = {
#define KHABAR_ROMAN_WORD(l, u) {l, u},
#include "query/roman_urdu_table.inc"
#undef KHABAR_ROMAN_WORD
    {"", ""},  // so that the table may have none
};

constexpr std::string_view known[] = {
#define KHABAR_ROMAN_KNOWN(l) l,
#include "query/roman_urdu_table.inc"
#undef KHABAR_ROMAN_KNOWN
    "",
};

constexpr std::size_t beam = 16;         // partial spellings kept per Latin position
constexpr double freq_weight = 0.5;      // score = cost - freq_weight * ln(1 + articles)
constexpr double cost_per_letter = 0.6;  // a spelling costing more than this per letter + slack
constexpr double cost_slack = 1.5;       // ... is not offered

bool pos_fits(char rule, std::size_t i, std::size_t a, std::size_t n) {
    if (rule == '*') return true;
    char p = i == 0 ? 'I' : i + a == n ? 'F' : 'M';
    return p == rule;
}

bool is_latin_word(std::string_view w) {
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// Answers "does an indexed term begin with this partial spelling?" for one bridge: from the
/// index-time table when the database has a current one, else with B-tree seeks.
class Vocabulary {
  public:
    Vocabulary(const Xapian::Database& db, RomanVocab how)
        : db_(db), table_(how == RomanVocab::automatic ? UrduVocabulary::open(db) : std::nullopt) {}

    /// The keys of `sorted` (ascending, no repeats) that begin an indexed term ("" does).
    std::unordered_set<std::string> indexed(const std::vector<std::string>& sorted) {
        std::unordered_set<std::string> ok;
        // `at` is the first indexed term >= the last key sought, so for a key <= `at` it is also
        // the first term >= that key: only a key beyond `at` needs a seek.
        std::optional<Xapian::TermIterator> it;  // opened on the first seek (it costs one)
        std::string at;
        for (const auto& k : sorted) {
            if (k.empty()) {
                ok.insert(k);
                continue;
            }
            if (table_)
                if (const auto has = table_->has_prefix(k)) {
                    if (*has) ok.insert(k);
                    continue;
                }
            if (at.empty() || k > at) {
                if (!it) it = db_.allterms_begin();
                it->skip_to(k);
                if (*it == db_.allterms_end()) break;
                at = **it;
            }
            if (at.compare(0, k.size(), k) == 0) ok.insert(k);
        }
        return ok;
    }

    const Xapian::Database& db() const { return db_; }

  private:
    const Xapian::Database& db_;
    std::optional<UrduVocabulary> table_;
};

std::vector<std::string> spellings(Vocabulary& vocab, std::string_view latin, std::size_t top) {
    const Xapian::Database& db = vocab.db();
    const std::size_t n = latin.size();
    if (!is_latin_word(latin) || n > 30) return {};
    // states[i]: Urdu prefixes of indexed words spelling latin[0, i), with their cost.
    std::vector<std::unordered_map<std::string, double>> states(n + 1);
    states[0][""] = 0;
    struct Step {
        std::size_t to;
        std::string urdu;
        double cost;
    };
    // Keeps the steps whose Urdu begins an indexed word: the candidates of one position, checked
    // in sorted order.
    auto keep_indexed = [&](std::vector<Step>& steps) {
        std::vector<std::string> keys;
        for (const auto& s : steps) keys.push_back(s.urdu);
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        const std::unordered_set<std::string> ok = vocab.indexed(keys);
        std::erase_if(steps, [&](const Step& s) { return !ok.count(s.urdu); });
    };
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::pair<std::string, double>> items(states[i].begin(), states[i].end());
        std::sort(items.begin(), items.end(),
                  [](const auto& x, const auto& y) { return x.second < y.second; });
        if (items.size() > beam) items.resize(beam);
        // The rules that fit at position i, found once for every partial spelling.
        std::vector<const Rule*> silent, fitting;
        for (const Rule& r : rules) {
            const std::size_t a = r.latin.size();
            if (a == 0) {
                if (i > 0 && pos_fits(r.pos, i, 1, n)) silent.push_back(&r);
            } else if (i + a <= n && latin.substr(i, a) == r.latin && pos_fits(r.pos, i, a, n)) {
                fitting.push_back(&r);
            }
        }
        if (!silent.empty()) {  // a letter not written in Latin (ع in `shoaib`), then a real step
            std::vector<Step> inserted;
            for (const auto& [u0, c0] : items)
                for (const Rule* r : silent)
                    inserted.push_back({i, u0 + std::string(r->urdu), c0 + r->cost});
            keep_indexed(inserted);
            for (auto& s : inserted) items.emplace_back(std::move(s.urdu), s.cost);
        }
        std::vector<Step> steps;
        for (const auto& [u0, c0] : items)
            for (const Rule* r : fitting)
                steps.push_back({i + r->latin.size(), u0 + std::string(r->urdu), c0 + r->cost});
        keep_indexed(steps);
        for (auto& s : steps) {
            auto [it, fresh] = states[s.to].try_emplace(std::move(s.urdu), s.cost);
            if (!fresh && s.cost < it->second) it->second = s.cost;
        }
    }
    const double limit = cost_per_letter * static_cast<double>(n) + cost_slack;
    std::vector<std::pair<double, std::string>> found;
    for (const auto& w : words)
        if (w.latin == latin && db.term_exists(std::string(w.urdu)))
            found.emplace_back(-1e9, std::string(w.urdu));
    for (const auto& [u, c] : states[n]) {
        if (u.empty() || c > limit) continue;
        const Xapian::doccount f = db.get_termfreq(u);
        if (f == 0) continue;
        const std::string& word = u;  // clang 14 cannot capture a structured binding
        if (std::any_of(found.begin(), found.end(),
                        [&word](const auto& x) { return x.second == word; }))
            continue;
        found.emplace_back(c - freq_weight * std::log(1.0 + f), u);
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (std::size_t k = 0; k < found.size() && out.size() < top; ++k)
        out.push_back(found[k].second);
    return out;
}

}  // namespace

std::vector<std::string> roman_spellings(const Xapian::Database& db, std::string_view latin,
                                         std::size_t top, RomanVocab how) {
    Vocabulary vocab(db, how);
    return spellings(vocab, latin, top);
}

namespace {

/// Whether a Latin word is English for this index: in an English article (as typed or by its
/// English stem, as `ship` by `ships`) and not shown by the slugs as Roman Urdu or a name. Even
/// one English article counts: in a small index `milk` occurs once, and bridging it to ملک would
/// add every Urdu article with that word; a name written in Latin inside Urdu articles is still
/// bridged.
bool is_english(const Xapian::Database& db, const std::string& w) {
    if (std::find(std::begin(known), std::end(known), w) != std::end(known)) return false;
    static const Xapian::Stem english("english");
    const std::string en = std::string(schema::prefix_lang) + "en";
    // Whether an article holds both `term` and `en`: the two posting lists leapfrogged, which
    // stops at the first such article (a match of the two with Enquire read on far longer).
    auto with_en = [&](const std::string& term) {
        if (db.get_termfreq(term) == 0) return false;
        auto p = db.postlist_begin(term), l = db.postlist_begin(en);
        while (p != db.postlist_end(term) && l != db.postlist_end(en)) {
            if (*p == *l) return true;
            if (*p < *l)
                p.skip_to(*l);
            else
                l.skip_to(*p);
        }
        return false;
    };
    return with_en(w) || with_en(std::string(schema::prefix_stem) + english(w));
}

std::string alternatives(const std::string& typed, const std::vector<std::string>& urdu) {
    std::string out = "(" + typed;
    for (const auto& u : urdu)
        out += " OR " + (u.find(' ') != std::string::npos ? "\"" + u + "\"" : u);
    return out + ")";
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == sep)
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

/// Urdu for an izafat group `a e b`: the joined word and the two words as a phrase.
std::vector<std::string> izafat_spellings(Vocabulary& vocab, const std::string& a,
                                          const std::string& b) {
    const Xapian::Database& db = vocab.db();
    std::vector<std::string> out = spellings(vocab, a + b, 2);
    // Each word alone: the most frequent of its three best spellings.
    auto most_frequent = [&](const std::string& w) {
        std::string best;
        Xapian::doccount best_f = 0;
        for (const auto& u : spellings(vocab, w, 3))
            if (db.get_termfreq(u) > best_f) best = u, best_f = db.get_termfreq(u);
        return best;
    };
    const std::string ua = most_frequent(a), ub = most_frequent(b);
    if (!ua.empty() && !ub.empty()) out.push_back(ua + " " + ub);
    return out;
}

std::string bridge_words(const Xapian::Database& db, const std::string& prepared,
                         std::vector<RomanBridge>& bridges, RomanVocab how) {
    if (db.get_termfreq(std::string(schema::prefix_lang) + "ur") == 0) return prepared;
    Vocabulary vocab(db, how);
    // Words separated by spaces (syntax::split_words); quoted stretches are copied as they are.
    std::vector<std::string> tokens;
    std::vector<bool> open;  // may be bridged (outside quotes)
    for (auto& w : syntax::split_words(prepared)) {
        open.push_back(w.text.find('"') == std::string::npos);
        // Spaces inside quotes: one, as between the words.
        auto twice = [](char a, char b) { return a == ' ' && b == ' '; };
        w.text.erase(std::unique(w.text.begin(), w.text.end(), twice), w.text.end());
        tokens.push_back(std::move(w.text));
    }
    const std::size_t before = bridges.size();
    std::string out;
    auto emit = [&](const std::string& piece) { out += (out.empty() ? "" : " ") + piece; };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        if (!open[i]) {
            emit(t);
            continue;
        }
        // `wazir e azam` (three words) or `wazir-e-azam` (one).
        auto parts = split(t, '-');
        if (parts.size() == 3 && parts[1] == "e" && is_latin_word(parts[0]) &&
            is_latin_word(parts[2])) {
            auto u = izafat_spellings(vocab, parts[0], parts[2]);
            if (!u.empty()) {
                bridges.emplace_back(t, u);
                emit(alternatives(t, u));
                continue;
            }
        }
        if (i + 2 < tokens.size() && open[i + 1] && open[i + 2] && tokens[i + 1] == "e" &&
            is_latin_word(t) && is_latin_word(tokens[i + 2])) {
            auto u = izafat_spellings(vocab, t, tokens[i + 2]);
            if (!u.empty()) {
                const std::string group = t + " e " + tokens[i + 2];
                bridges.emplace_back(group, u);
                emit(alternatives("(" + group + ")", u));
                i += 2;
                continue;
            }
        }
        // One word, possibly inside brackets: `(karachi`.
        std::size_t b = 0, e = t.size();
        while (b < e && t[b] == '(') ++b;
        while (e > b && t[e - 1] == ')') --e;
        const std::string w = t.substr(b, e - b);
        std::vector<std::string> u;
        if (w.size() >= 2 && is_latin_word(w) && !is_english(db, w)) u = spellings(vocab, w, 3);
        if (u.empty()) {
            emit(t);
            continue;
        }
        bridges.emplace_back(w, u);
        emit(t.substr(0, b) + alternatives(w, u) + t.substr(e));
    }
    return bridges.size() > before ? out : prepared;
}

}  // namespace

std::string bridge_roman(const Xapian::Database& db, const std::string& prepared,
                         std::vector<RomanBridge>& bridges, RomanVocab how) {
    // A concurrent commit that discards the revision read is not handled here: the search that
    // builds the query reads through read_with_retry (search.cc), which reopens and builds it
    // again, bridges included.
    return bridge_words(db, prepared, bridges, how);
}

}  // namespace khabar
