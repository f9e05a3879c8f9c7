/** @file
 * @brief QueryBuilder: normalize, prepare case, parse with Xapian::QueryParser, add filters.
 */
#include "query/query_builder.h"

#include <unicode/locid.h>
#include <unicode/utf16.h>

#include <unicode/unistr.h>
#include <algorithm>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "analysis/stemmer.h"
#include "database/schema.h"
#include "dates/date_parser.h"
#include "error.h"
#include "query/syntax.h"
#include "ranking.h"

namespace khabar {

namespace {

std::string lowercase(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    u.toLower(icu::Locale::getRoot());
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// "u.s." / "U.s" / "e.g." → "U.S." / "U.S" / "E.G.": Xapian joins capital initials into one term.
/// "" when `w` is not dotted initials.
std::string upcase_initials(std::string_view w) {
    // Pattern: letter ('.' letter)+ '.'?  with single letters only.
    std::size_t i = 0;
    int letters = 0;
    while (i < w.size()) {
        if (!is_ascii_letter(w[i])) return {};
        ++letters;
        ++i;
        if (i == w.size()) break;
        if (w[i] != '.') return {};
        ++i;
    }
    if (letters < 2) return {};
    std::string out(w);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return out;
}

/// `date:2017`, `date:2017-05`, `date:2017-01-01..2017-06-30`, `date:..2017` inside the query
/// text (syntax::date_filter_range, syntax::date_range_query). A bad date is not thrown from here:
/// Xapian's QueryParser leaks its parse state when an exception unwinds through it. It matches
/// nothing and is recorded; QueryBuilder::parse throws it once parse_query has returned.
class DateFieldProcessor : public Xapian::FieldProcessor {
  public:
    /// `terms` gives the database's date terms (QueryBuilder::date_terms).
    explicit DateFieldProcessor(std::function<const std::optional<syntax::DateTerms>&()> terms)
        : terms_(std::move(terms)) {}

    Xapian::Query operator()(const std::string& text) override {
        try {
            return syntax::date_range_query(syntax::date_filter_range(text), terms_());
        } catch (const Error& e) {
            if (!error_) error_ = e;
            return Xapian::Query::MatchNothing;
        }
    }

    /// Forget an earlier parse's error (before parse_query).
    void reset() { error_.reset(); }
    /// Throw the first error recorded since reset() (after parse_query).
    void throw_recorded() const {
        if (error_) throw *error_;
    }

  private:
    std::function<const std::optional<syntax::DateTerms>&()> terms_;
    std::optional<Error> error_;
};

/// Common Urdu spelling pairs (normalized forms) searched together (SPEC §2.3).
const std::vector<std::vector<std::string>>& urdu_variants() {
    static const std::vector<std::vector<std::string>> groups = {
        {"انہوں", "انھوں"}, {"انہیں", "انھیں"},
        {"جنہوں", "جنھوں"}, {"جنہیں", "جنھیں"},
        {"تمہیں", "تمھیں"}, {"تمہارا", "تمھارا"},
        {"لئے", "لیے"},     {"کیلئے", "کیلیے", "کے لیے", "کے لئے"},
        {"دئے", "دیے"},     {"گئی", "گی"},
    };
    return groups;
}

/// Query text for one variant: a word, or a phrase for a two-word spelling.
std::string variant_text(const std::string& v) {
    return v.find(' ') == std::string::npos ? v : "\"" + v + "\"";
}

bool is_plain_arabic_word(std::string_view w) {
    if (w.empty() || !has_arabic_script(w)) return false;
    for (char c : w)
        if (c == '"' || c == ':' || c == '(' || c == ')' || c == '*' || c == '+' || c == '-')
            return false;
    return true;
}

/// Code points of a UTF-8 string.
std::u32string code_points(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    std::u32string out;
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        out.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    return out;
}

std::string to_utf8(const std::u32string& s) {
    icu::UnicodeString u;
    for (char32_t c : s) u.append(static_cast<UChar32>(c));
    std::string out;
    u.toUTF8String(out);
    return out;
}

/// Edit distance (optimal string alignment: a swap of two neighbours counts 1, as in "cocao").
unsigned edit_distance(const std::u32string& a, const std::u32string& b, unsigned limit) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
    const std::size_t w = b.size() + 1;
    std::vector<unsigned> d((a.size() + 1) * w);
    for (std::size_t j = 0; j < w; ++j) d[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        d[i * w] = static_cast<unsigned>(i);
        unsigned row_min = d[i * w];
        for (std::size_t j = 1; j < w; ++j) {
            unsigned v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1,
                                   d[(i - 1) * w + j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, d[(i - 2) * w + j - 2] + 1);
            d[i * w + j] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > limit) return limit + 1;
    }
    return d[a.size() * w + b.size()];
}

/// Control characters (C0 other than whitespace, DEL, C1) become spaces: they separate words in
/// documents too, and must not reach the terminal through notes or suggestions.
std::string blank_controls(std::string text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b < 0x20 && b != '\t' && b != '\n') || b == 0x7F) {
            text[i] = ' ';
        } else if (b == 0xC2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            text[i] = ' ';  // U+0080..U+009F (two bytes, two spaces)
            text[++i] = ' ';
        }
    }
    return text;
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
        if (syntax::is_operator_word(word)) {
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
            out.append(!up.empty() ? up : lowercase(core));
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
    date_field_ = std::make_unique<DateFieldProcessor>(
        [this]() -> const std::optional<syntax::DateTerms>& { return date_terms(); });
    for (const syntax::Field& f : syntax::fields) {
        const std::string name(f.name), prefix(f.prefix);
        switch (f.kind) {
            case syntax::FieldKind::text:
                parser_.add_prefix(name, prefix);
                break;
            case syntax::FieldKind::label:
                labels_.push_back(std::make_unique<LabelFieldProcessor>(db_, name, prefix));
                parser_.add_boolean_prefix(name, labels_.back().get());
                break;
            case syntax::FieldKind::date:
                parser_.add_boolean_prefix(name, date_field_.get());
                break;
        }
    }
    parser_.set_max_expansion(max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_ERROR);
}

LabelFieldProcessor& QueryBuilder::label(std::string_view field) const {
    for (const auto& l : labels_)
        if (l->field() == field) return *l;
    throw std::logic_error("no label field " + std::string(field));
}

std::string QueryBuilder::expand_urdu(const std::vector<syntax::Word>& typed, BuiltQuery& out) {
    std::vector<std::string> words;
    for (const auto& w : typed) words.push_back(w.text);
    std::string result;
    auto append = [&](const std::string& piece) {
        if (!result.empty()) result.push_back(' ');
        result += piece;
    };
    auto exists = [&](const std::string& term) { return db_.term_exists(term); };
    // Articles holding the two words as a phrase (counted up to `cap`).
    auto phrase_count = [&](const std::string& a, const std::string& b, Xapian::doccount cap) {
        Xapian::Enquire e(db_);
        Xapian::Query pair[] = {Xapian::Query(a), Xapian::Query(b)};
        e.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, pair, pair + 2, 2));
        e.set_weighting_scheme(Xapian::BoolWeight());
        return e.get_mset(0, 0, cap).get_matches_lower_bound();
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (!is_plain_arabic_word(w)) {
            append(w);
            continue;
        }
        // A spelling variant: search every spelling.
        bool done = false;
        for (const auto& group : urdu_variants()) {
            bool two = i + 1 < words.size() &&
                       std::find(group.begin(), group.end(), w + " " + words[i + 1]) != group.end();
            if (!two && std::find(group.begin(), group.end(), w) == group.end()) continue;
            std::string alt;
            for (const auto& v : group) alt += (alt.empty() ? "(" : " OR ") + variant_text(v);
            alt += ")";
            out.notes.push_back("spelling variants: " + alt);
            append(alt);
            if (two) ++i;
            done = true;
            break;
        }
        if (done) continue;
        // Two words that are also written as one (وزیر اعظم / وزیراعظم).
        if (i + 1 < words.size() && is_plain_arabic_word(words[i + 1]) &&
            exists(w + words[i + 1])) {
            std::string alt = "(" + w + words[i + 1] + " OR \"" + w + " " + words[i + 1] + "\")";
            out.notes.push_back("compound: " + alt);
            append(alt);
            ++i;
            continue;
        }
        // One word that is also written as two, in earnest: of the ways to cut it, the one
        // written most often as a phrase, and only when that is at least a twentieth as common
        // as the joined word. Real compounds are (Makhzan: بد قسمتی 38 and بدقسمتی 187, وزیر اعظم
        // 580 and وزیراعظم 550); a stray break inside an ordinary word is not ("انتخا بات" 4
        // against انتخابات 406, which the query would otherwise split), nor a rarer cut of a
        // compound ("خو شحال" beside "خوش حال").
        std::u32string cps = code_points(w);
        std::string split;
        if (cps.size() >= 5) {
            const Xapian::doccount joined = db_.get_termfreq(w);
            const Xapian::doccount need = std::max<Xapian::doccount>(1, (joined + 19) / 20);
            const Xapian::doccount cap = std::max<Xapian::doccount>(need, 10 * joined + 10);
            Xapian::doccount best = 0;
            for (std::size_t k = 2; k + 2 <= cps.size(); ++k) {
                std::string left = to_utf8(cps.substr(0, k)), right = to_utf8(cps.substr(k));
                if (!exists(left) || !exists(right)) continue;
                Xapian::doccount n = phrase_count(left, right, cap);
                if (n >= need && n > best) best = n, split = left + " " + right;
            }
        }
        if (!split.empty()) {
            std::string alt = "(" + w + " OR \"" + split + "\")";
            out.notes.push_back("compound: " + alt);
            append(alt);
        } else {
            append(w);
        }
    }
    return result;
}

std::string QueryBuilder::suggest(const std::string& text) {
    std::string norm = prepare_query_text(blank_controls(normalize(text, analyzer_.mode())));
    std::vector<std::string> words = syntax::word_texts(norm);
    if (words.size() > 32) return {};  // a pasted text: nothing to suggest, and costly
    bool changed = false;
    std::string out;
    for (const auto& w : words) {
        std::string best = w;
        bool plain = !w.empty() && w.find_first_of("\":()*+-") == std::string::npos;
        if (plain && !w.empty() && !(w[0] >= 'A' && w[0] <= 'Z')) {
            std::string stem = should_stem(w) ? analyzer_.stemmer()(w) : w;
            Xapian::doccount freq =
                db_.get_termfreq(w) + db_.get_termfreq(std::string(schema::prefix_stem) + stem);
            if (freq < 2) {
                std::u32string target = code_points(w);
                unsigned limit = target.size() >= 8 ? 2 : 1;
                unsigned best_d = limit + 1;
                Xapian::doccount best_f = freq;
                // Candidates share the first letter (typos rarely hit it); bounded scan.
                std::string first = to_utf8(target.substr(0, 1));
                std::size_t scanned = 0;
                for (auto t = db_.allterms_begin(first);
                     t != db_.allterms_end(first) && scanned < 200000; ++t, ++scanned) {
                    const std::string& cand = *t;
                    Xapian::doccount f = t.get_termfreq();
                    if (f <= best_f && best_d <= limit) continue;
                    unsigned d = edit_distance(target, code_points(cand), std::min(limit, best_d));
                    if (d == 0 || d > limit) continue;
                    if (d < best_d || (d == best_d && f > best_f)) {
                        best_d = d;
                        best_f = f;
                        best = cand;
                    }
                }
                if (best_d > limit) best = w;
            }
        }
        if (best != w) changed = true;
        out += (out.empty() ? "" : " ") + best;
    }
    return changed ? out : std::string();
}

namespace {

/// Collect the leaf terms of a query for highlighting: exact words and stems.
void collect_terms(const Xapian::Query& q, BuiltQuery& out) {
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
        const std::string& term = *t;
        if (term.empty()) continue;
        if (term.starts_with(schema::prefix_stem)) {
            std::string rest = term.substr(schema::prefix_stem.size());
            if (rest.starts_with(schema::prefix_title))  // title: field stems
                rest = rest.substr(schema::prefix_title.size());
            out.stems.insert(rest);
        } else if (term[0] >= 'A' && term[0] <= 'Z') {
            if (term.starts_with(schema::prefix_title))
                out.exact_terms.insert(term.substr(schema::prefix_title.size()));
        } else {
            out.exact_terms.insert(term);
        }
    }
}

/// Documents carry a stem term `Z<stem>` only for words that differ from their stem; a word equal
/// to its stem is indexed once, plainly. So every stem leaf `Z[prefix]s` whose `s` stems to itself
/// becomes SYNONYM(`Z[prefix]s`, `[prefix]s`), which weights both as one term.
Xapian::Query expand_stems(const Xapian::Query& q, Xapian::Stem& stemmer, bool& changed) {
    const auto type = q.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        auto t = q.get_terms_begin();
        if (t == q.get_terms_end()) return q;
        const std::string term = *t;
        if (term.size() <= schema::prefix_stem.size() || !term.starts_with(schema::prefix_stem))
            return q;
        std::size_t p = schema::prefix_stem.size();
        while (p < term.size() && term[p] >= 'A' && term[p] <= 'Z') ++p;
        std::string word = term.substr(p);
        if (word.empty() || stemmer(word) != word) return q;
        changed = true;
        const std::size_t z = schema::prefix_stem.size();
        Xapian::Query plain(term.substr(z, p - z) + word);
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

Xapian::Query QueryBuilder::parse(const std::string& prepared, BuiltQuery& out) {
    constexpr unsigned strict =
        Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
        Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
        Xapian::QueryParser::FLAG_PURE_NOT;
    Xapian::Query q;
    try {
        q = parser_.parse_query(prepared, strict);
    } catch (const Xapian::QueryParserError& e) {
        // Real text pasted as a query (a stray quote, `C++ &`, `-`): search its words instead.
        out.fell_back = true;
        out.fallback_reason = e.get_msg();
        q = parser_.parse_query(prepared, Xapian::QueryParser::FLAG_WILDCARD);
    }
    static_cast<DateFieldProcessor&>(*date_field_).throw_recorded();  // a bad date in date:
    return q;
}

const std::optional<syntax::DateTerms>& QueryBuilder::date_terms() {
    if (!date_terms_read_) date_terms_ = syntax::date_terms_of(db_);
    date_terms_read_ = true;
    return date_terms_;
}

Xapian::Query QueryBuilder::filter_query(const syntax::Field& field, const std::string& value) {
    if (field.kind == syntax::FieldKind::date)
        return syntax::date_range_query(syntax::date_filter_range(value), date_terms());
    return label(field.name)(value);  // records a warning for a value no article has
}

namespace {

/// `parts` AND-ed (`op` OP_AND) or OR-ed, without a wrapper around a single part.
Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

Xapian::Query QueryBuilder::filters(const TextFilters& in_text) {
    // As Xapian's QueryParser combines boolean prefixes: values of one field OR-ed, fields AND-ed.
    std::vector<Xapian::Query> parts;
    for (const syntax::Field& f : syntax::fields) {
        std::vector<Xapian::Query> any;
        for (const auto& [field, value] : in_text)
            if (field == &f) any.push_back(filter_query(f, value));
        if (!any.empty()) parts.push_back(combine(Xapian::Query::OP_OR, any));
    }
    return combine(Xapian::Query::OP_AND, parts);
}

Xapian::Query QueryBuilder::filters(const QueryOptions& options, const Xapian::Query& in_text) {
    std::vector<Xapian::Query> parts;
    if (!in_text.empty()) parts.push_back(in_text);
    if (options.dates) parts.push_back(syntax::date_range_query(*options.dates, date_terms()));
    if (!options.langs.empty()) {
        std::vector<Xapian::Query> ls;
        for (const auto& l : options.langs) ls.emplace_back(label("lang").term_of(l));
        parts.push_back(combine(Xapian::Query::OP_OR, ls));
    }
    std::erase_if(parts, [](const Xapian::Query& q) { return q.empty(); });
    return combine(Xapian::Query::OP_AND, parts);
}

namespace {

/// Whether the user wrote query syntax: quotes, brackets, a field, a leading +/- (not a hyphen
/// inside a word such as message-passing), or an operator in capitals.
bool has_query_syntax(const std::string& prepared, const std::vector<syntax::Word>& words) {
    if (prepared.find_first_of("\"()*") != std::string::npos ||
        prepared.find(':') != std::string::npos)
        return true;
    for (std::size_t i = 0; i < prepared.size(); ++i)
        if ((prepared[i] == '-' || prepared[i] == '+') && (i == 0 || prepared[i - 1] == ' '))
            return true;
    return std::any_of(words.begin(), words.end(),
                       [](const syntax::Word& w) { return syntax::is_operator_word(w.text); });
}

/// Words (operators not counted; quoted phrases word by word) over max_query_words: an error.
void check_length(const std::vector<syntax::Word>& words) {
    std::size_t n = 0;
    for (const auto& w : words) {
        std::istringstream in(w.text);
        for (std::string part; in >> part;) n += syntax::is_operator_word(part) ? 0 : 1;
    }
    if (n > max_query_words)
        throw Error("query too long: " + std::to_string(n) + " words (at most " +
                        std::to_string(max_query_words) + ")",
                    "search for its rarest words, or a phrase from it");
}

/// The query without its top-level filters, and the filters.
struct Hoisted {
    std::string rest;  ///< the other words, space-separated (the text itself when none moved)
    std::vector<syntax::Word> rest_words;
    std::vector<std::pair<const syntax::Field*, std::string>> filters;  ///< field, value
    std::string filters_text;                                           ///< as typed
};

/// Boolean filters (`date:` `lang:` `source:` `section:`) written at the top level bind, in
/// Xapian's grammar, to the nearest words only (`oil OR gas date:1987-03` is `oil OR (gas FILTER
/// date)`). Taken out of the text, they filter the whole query, as --since/--until/--lang do.
/// A filter inside brackets or quotes, or next to an operator (`oil OR lang:ur`), stays put; so
/// do all when the text is only filters or its quotes or brackets do not balance.
Hoisted hoist_filters(const std::string& typed, const std::vector<syntax::Word>& words) {
    auto is_operator = [&](std::size_t i) {
        return i < words.size() && syntax::starts_with_operator(words[i].text);
    };
    Hoisted h;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const syntax::Word& w = words[i];
        const syntax::Field* f = syntax::filter_of(w.text);
        if (f && w.top && !(i > 0 && is_operator(i - 1)) && !is_operator(i + 1)) {
            std::string value = w.text.substr(f->name.size() + 1);
            // `source:"new york times"`, `lang:"en"`: the value without its quotes, as the
            // parser gives a quoted boolean value.
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            h.filters.emplace_back(f, std::move(value));
            h.filters_text += (h.filters_text.empty() ? "" : " ") + w.text;
        } else {
            h.rest += (h.rest.empty() ? "" : " ") + w.text;
            h.rest_words.push_back(w);
        }
    }
    if (h.filters.empty() || h.rest.empty() || !syntax::balanced(typed))
        return {typed, words, {}, {}};
    return h;
}

/// The words of a parsed plain query joined by OR instead of AND: what Xapian's QueryParser gives
/// for the same text with OR as its default operator. A plain query has no AND of its own, so
/// every AND is the default operator: in the words, in the parser's groups of a long query
/// (around a phrase such as `it's`) and in brackets the Urdu and Roman Urdu steps added. As the
/// parser extends a first part that is already an OR (`(a OR b) c` is `a OR b OR c`), so does
/// this.
Xapian::Query any_of_words(const Xapian::Query& q) {
    const auto type = q.get_type();
    if (type != Xapian::Query::OP_AND && type != Xapian::Query::OP_OR) return q;
    std::vector<Xapian::Query> subs;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        Xapian::Query sub = any_of_words(q.get_subquery(i));
        if (i == 0 && sub.get_type() == Xapian::Query::OP_OR)
            for (std::size_t j = 0; j < sub.get_num_subqueries(); ++j)
                subs.push_back(sub.get_subquery(j));
        else
            subs.push_back(sub);
    }
    return Xapian::Query(Xapian::Query::OP_OR, subs.begin(), subs.end());
}

}  // namespace

std::vector<Xapian::Query> QueryBuilder::boosts(const std::string& plain_text) {
    // Ranking boosts for plain queries (bench/relevance): the words exactly as typed rank above
    // stem-only or variant matches, and the words together as a phrase rank first.
    // Weights: searcher/ranking.h (chosen in bench/relevance/RESULTS.md).
    const Ranking& rk = ranking();
    std::vector<Xapian::Query> words, titles;
    analyzer_.tokenizer().tokenize(plain_text, [&](const Token& t) {
        if (t.term.size() > max_term_bytes) return;
        words.emplace_back(t.term, 1, static_cast<Xapian::termpos>(words.size() + 1));
        titles.emplace_back(std::string(schema::prefix_title) + t.term);
    });
    std::vector<Xapian::Query> parts;
    auto add = [&](Xapian::Query part, double weight) {
        if (weight > 0) parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, part, weight);
    };
    const auto n = static_cast<Xapian::termcount>(words.size());
    if (n > 0) add(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()), rk.exact);
    if (n >= 2 && n <= 12)
        add(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), n), rk.phrase);
    if (n >= 2 && n <= 12 && rk.near > 0)
        add(Xapian::Query(Xapian::Query::OP_NEAR, words.begin(), words.end(),
                          std::max(n, static_cast<Xapian::termcount>(rk.near))),
            rk.near_weight);
    if (n > 0) add(Xapian::Query(Xapian::Query::OP_OR, titles.begin(), titles.end()), rk.title);
    return parts;
}

BuiltQuery QueryBuilder::build(const std::string& text, const QueryOptions& options) {
    BuiltQuery out;
    out.normalized = blank_controls(normalize(text, options.fold));
    const std::string typed = prepare_query_text(out.normalized);
    const std::vector<syntax::Word> words = syntax::split_words(typed);
    check_length(words);
    check_fields(words);  // `topic:interest` is an error, not a search for nothing
    for (const auto& l : options.langs)
        if (std::string w = label("lang").check(l, label("lang").term_of(l)); !w.empty())
            out.warnings.push_back(std::move(w));
    static_cast<DateFieldProcessor&>(*date_field_).reset();
    for (auto& l : labels_) l->reset();
    date_terms_read_ = false;
    const Hoisted h = hoist_filters(typed, words);
    const bool plain = !has_query_syntax(h.rest, h.rest_words);
    const std::string expanded = options.roman
                                     ? bridge_roman(db_, expand_urdu(h.rest_words, out), out.roman)
                                     : expand_urdu(h.rest_words, out);
    out.prepared = h.filters.empty() ? expanded : "(" + expanded + ") " + h.filters_text;
    const Xapian::Query parsed = parse(expanded, out);
    collect_terms(parsed, out);
    bool changed = false;
    Xapian::Query q = expand_stems(parsed, analyzer_.stemmer(), changed);
    // The filters typed in the query and given as flags: one filter on the whole query.
    const Xapian::Query in_text = filters(h.filters);
    const Xapian::Query f = filters(options, in_text);
    for (auto& l : labels_)
        for (const auto& w : l->warnings())
            if (std::find(out.warnings.begin(), out.warnings.end(), w) == out.warnings.end())
                out.warnings.push_back(w);
    if (q.empty() && !in_text.empty())
        q = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, in_text, 0.0);
    out.parsed =
        (in_text.empty() || q.empty() ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, in_text))
            .get_description();
    auto with_filters = [&](const Xapian::Query& base) {
        if (f.empty()) return base;
        if (base.empty()) return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0.0);
        return Xapian::Query(Xapian::Query::OP_FILTER, base, f);
    };
    if (q.empty() && out.prepared.find_first_not_of(" ") != std::string::npos) {
        out.query = q;  // e.g. only punctuation: nothing to search for
        return out;
    }
    const std::vector<Xapian::Query> boost = plain ? boosts(h.rest) : std::vector<Xapian::Query>();
    // Each boost is its own AND_MAYBE on top of the last: base AND_MAYBE b1 AND_MAYBE b2 ...
    // The shorter AND_MAYBE(base, OR(b1, b2)) means the same, but Xapian 1.4.22 then adds the
    // phrase's weight to some articles that do not hold the phrase when base is an OR (the
    // partial matches): on Reuters, 214 wrong weights over 10 two-word queries; none nested.
    // tests/test_remote.cc found it: one database and the same articles in two shards ranked
    // the partial matches of "brazil debt" differently.
    auto boosted = [&](const Xapian::Query& base) {
        Xapian::Query b = base;
        for (const auto& x : boost) b = Xapian::Query(Xapian::Query::OP_AND_MAYBE, b, x);
        return b;
    };
    out.query = with_filters(boosted(q));
    out.words = q;
    out.filtered = !f.empty();
    // The same words OR-ed, for "never a dead end" partial matches. Only when the query has
    // several words and no explicit operators (their meaning must not be relaxed).
    if (plain && q.get_length() >= 2) {
        bool c = false;
        out.any_words =
            with_filters(boosted(expand_stems(any_of_words(parsed), analyzer_.stemmer(), c)));
    }
    return out;
}

}  // namespace khabar
