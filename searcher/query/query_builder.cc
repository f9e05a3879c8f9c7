/** @file
 * @brief QueryBuilder: normalize, prepare case, parse with Xapian::QueryParser, add filters.
 */
#include "query/query_builder.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "schema.h"

namespace khabar {

namespace {

bool is_operator_word(std::string_view w) {
    static const char* ops[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (const char* op : ops) {
        std::string_view o(op);
        if (w == o) return true;
        // NEAR/5, ADJ/3
        if (w.size() > o.size() + 1 && w.substr(0, o.size()) == o && w[o.size()] == '/' &&
            (o == "NEAR" || o == "ADJ"))
            return true;
    }
    return false;
}

std::string lowercase(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    u.toLower(icu::Locale::getRoot());
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// "u.s." / "U.s" / "e.g." → "U.S." / "U.S" / "E.G.": Xapian joins capital initials into one term.
std::string upcase_initials(std::string_view w) {
    // Pattern: letter ('.' letter)+ '.'?  with single letters only.
    std::size_t i = 0;
    int letters = 0;
    while (i < w.size()) {
        if (!is_ascii_letter(w[i])) return std::string(w);
        ++letters;
        ++i;
        if (i == w.size()) break;
        if (w[i] != '.') return std::string(w);
        ++i;
    }
    if (letters < 2) return std::string(w);
    std::string out(w);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return out;
}

}  // namespace

std::string prepare_query_text(const std::string& normalized) {
    std::string out;
    out.reserve(normalized.size());
    std::size_t i = 0;
    while (i < normalized.size()) {
        std::size_t j = i;
        while (j < normalized.size() && normalized[j] != ' ' && normalized[j] != '\t' &&
               normalized[j] != '\n' && normalized[j] != '(' && normalized[j] != ')')
            ++j;
        if (j == i) {
            out.push_back(normalized[i]);
            ++i;
            continue;
        }
        std::string_view word(normalized.data() + i, j - i);
        if (is_operator_word(word)) {
            out.append(word);
        } else {
            // Keep a leading sigil or quote, look at the word itself for initials.
            std::size_t k = 0;
            while (k < word.size() && (word[k] == '"' || word[k] == '+' || word[k] == '-')) ++k;
            std::size_t e = word.size();
            while (e > k && (word[e - 1] == '"' || word[e - 1] == ',')) --e;
            std::string core(word.substr(k, e - k));
            std::string up = upcase_initials(core);
            out.append(word.substr(0, k));
            out.append(up != core ? up : lowercase(core));
            out.append(word.substr(e));
        }
        i = j;
    }
    return out;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, FoldMode fold) : db_(db), analyzer_(fold) {
    parser_.set_database(db_);
    parser_.set_stemmer(analyzer_.stemmer());
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
    parser_.add_prefix("title", std::string(schema::prefix_title));
    parser_.add_prefix("author", std::string(schema::prefix_author));
    parser_.add_boolean_prefix("lang", std::string(schema::prefix_lang));
    parser_.add_boolean_prefix("source", std::string(schema::prefix_source));
    parser_.add_boolean_prefix("section", std::string(schema::prefix_section));
}

namespace {

/// Collect the leaf terms of a query for highlighting: exact words and stems.
void collect_terms(const Xapian::Query& q, BuiltQuery& out) {
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
        const std::string& term = *t;
        if (term.empty()) continue;
        if (term[0] == 'Z') {
            std::string rest = term.substr(1);
            if (!rest.empty() && rest[0] == 'S') rest = rest.substr(1);  // title: field stems
            out.stems.insert(rest);
        } else if (term[0] >= 'A' && term[0] <= 'Z') {
            if (term[0] == 'S') out.exact_terms.insert(term.substr(1));
        } else {
            out.exact_terms.insert(term);
        }
    }
}

/// Documents carry a stem term `Z<stem>` only for words that differ from their stem; a word equal to
/// its stem is indexed once, plainly. So every stem leaf `Z[prefix]s` whose `s` stems to itself
/// becomes SYNONYM(`Z[prefix]s`, `[prefix]s`), which weights both as one term.
Xapian::Query expand_stems(const Xapian::Query& q, Xapian::Stem& stemmer, bool& changed) {
    const auto type = q.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        auto t = q.get_terms_begin();
        if (t == q.get_terms_end()) return q;
        const std::string term = *t;
        if (term.size() < 2 || term[0] != 'Z') return q;
        std::size_t p = 1;
        while (p < term.size() && term[p] >= 'A' && term[p] <= 'Z') ++p;
        std::string word = term.substr(p);
        if (word.empty() || stemmer(word) != word) return q;
        changed = true;
        Xapian::Query plain(term.substr(1, p - 1) + word);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, q, plain);
    }
    switch (type) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
            break;
        default:
            return q;  // phrases, NEAR, wildcards, value ranges: no stem leaves inside
    }
    std::vector<Xapian::Query> subs;
    bool any = false;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        subs.push_back(expand_stems(q.get_subquery(i), stemmer, any));
    if (!any) return q;
    changed = true;
    return Xapian::Query(type, subs.begin(), subs.end());
}

}  // namespace

BuiltQuery QueryBuilder::build(const std::string& text, const QueryOptions& options) {
    BuiltQuery out;
    out.normalized = normalize(text, options.fold);
    out.prepared = prepare_query_text(out.normalized);
    constexpr unsigned strict = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                Xapian::QueryParser::FLAG_LOVEHATE;
    Xapian::Query q;
    try {
        q = parser_.parse_query(out.prepared, strict);
    } catch (const Xapian::QueryParserError& e) {
        out.fell_back = true;
        out.fallback_reason = e.get_msg();
        q = parser_.parse_query(out.prepared, 0);
    }
    collect_terms(q, out);
    bool changed = false;
    q = expand_stems(q, analyzer_.stemmer(), changed);
    out.parsed = q.get_description();
    if (q.empty() && !out.prepared.empty()) {
        // e.g. only punctuation: nothing to search for.
        out.query = q;
        return out;
    }
    std::vector<Xapian::Query> filters;
    if (options.dates) {
        const DayRange& r = *options.dates;
        if (!r.first.empty() && !r.last.empty())
            filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, r.first, r.last);
        else if (!r.first.empty())
            filters.emplace_back(Xapian::Query::OP_VALUE_GE, schema::slot_date, r.first);
        else if (!r.last.empty())
            filters.emplace_back(Xapian::Query::OP_VALUE_LE, schema::slot_date, r.last);
    }
    if (!options.langs.empty()) {
        std::vector<Xapian::Query> ls;
        for (const auto& l : options.langs) ls.emplace_back(std::string(schema::prefix_lang) + l);
        filters.emplace_back(Xapian::Query::OP_OR, ls.begin(), ls.end());
    }
    out.query = q;
    for (auto& f : filters) {
        out.query = out.query.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0.0)
                                      : Xapian::Query(Xapian::Query::OP_FILTER, out.query, f);
    }
    return out;
}

}  // namespace khabar
