/** @file
 * @brief DocumentBuilder: the one place that decides which terms and values an article gets.
 */
#include "writer/document_builder.h"

#include "database/schema.h"
#include "database/stored_article.h"
#include "model/labels.h"

namespace khabar {

std::string DocumentBuilder::id_term(const std::string& id) {
    return std::string(schema::prefix_id) + id;
}

void DocumentBuilder::index_text(Xapian::Document& doc, std::string_view text, unsigned wdf,
                                 std::string_view field_prefix, Xapian::termpos& pos) {
    analyzer_.for_each_term(text, [&](const Token& t) {
        if (t.term.size() > max_term_bytes) return;  // as TermGenerator: overlong words are junk
        add_to_fingerprint(t.term);
        ++pos;
        doc.add_posting(t.term, pos, wdf);
        if (!field_prefix.empty()) {
            scratch_.assign(field_prefix).append(t.term);
            doc.add_posting(scratch_, pos, 1);
        }
        const std::string& stem = stem_term(t.term);
        if (stem.empty()) return;  // the plain term stands for its stem (query_builder adds it)
        doc.add_term(stem, wdf);
        if (!field_prefix.empty()) {
            scratch_.assign(schema::prefix_stem).append(field_prefix).append(stem, 1);
            doc.add_term(scratch_, 1);
        }
    });
}

void DocumentBuilder::add_to_fingerprint(const std::string& term) {
    if (fingerprint_terms_ >= kFingerprintTerms) return;
    ++fingerprint_terms_;
    for (unsigned char c : term) fingerprint_ = (fingerprint_ ^ c) * 1099511628211ULL;
    fingerprint_ = (fingerprint_ ^ ' ') * 1099511628211ULL;
}

void DocumentBuilder::fingerprint_text(std::string_view text) {
    if (fingerprint_terms_ >= kFingerprintTerms) return;
    analyzer_.for_each_term(text, [&](const Token& t) {
        if (t.term.size() <= max_term_bytes) add_to_fingerprint(t.term);
    });
}

const std::string& DocumentBuilder::stem_term(const std::string& term) {
    auto it = stem_terms_.find(term);
    if (it != stem_terms_.end()) return it->second;
    if (stem_terms_.size() >= kStemCacheLimit) stem_terms_.clear();
    std::string z;
    if (should_stem(term)) {
        std::string stem = analyzer_.stemmer()(term);
        if (stem != term) z.assign(schema::prefix_stem).append(stem);
    }
    return stem_terms_.emplace(term, std::move(z)).first->second;
}

std::string DocumentBuilder::hash_key() const {
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    std::uint64_t h = fingerprint_;
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = digits[h & 15];
    return out;
}

Xapian::Document DocumentBuilder::build(const Article& a) {
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    // The duplicate key: the opening words of the body (of the title too when the body is short),
    // so syndicated copies that differ only in their tails or sign-offs collapse together.
    fingerprint_ = 1469598103934665603ULL;
    fingerprint_terms_ = kFingerprintTerms;  // the title counts only if the body is short
    index_text(doc, a.title, schema::title_wdf, schema::prefix_title, pos);
    pos += schema::title_body_gap;
    fingerprint_terms_ = 0;
    index_text(doc, a.body, 1, {}, pos);
    if (fingerprint_terms_ < kMinFingerprintTerms) {
        // The key goes on from the body's few words (kept as it was: keys of existing
        // databases must not change) through the title, then the body again.
        fingerprint_terms_ = 0;
        fingerprint_text(a.title);
        fingerprint_text(a.body);
    }
    if (fingerprint_terms_ > 0) {
        std::string key = hash_key();
        doc.add_boolean_term(std::string(schema::prefix_dup) + key);
        doc.add_value(schema::slot_dup, std::move(key));
    }
    if (!a.author.empty()) {
        Xapian::termpos apos = 0;
        analyzer_.for_each_term(a.author, [&](const Token& t) {
            if (t.term.size() > max_term_bytes) return;
            doc.add_posting(std::string(schema::prefix_author) + t.term, ++apos, 0);
            if (should_stem(t.term))
                doc.add_term(std::string(schema::prefix_stem) + std::string(schema::prefix_author) +
                                 analyzer_.stemmer()(t.term),
                             0);
        });
    }
    doc.add_boolean_term(id_term(a.id));
    if (!a.lang.empty()) doc.add_boolean_term(std::string(schema::prefix_lang) + a.lang);
    if (!a.source.empty())
        doc.add_boolean_term(std::string(schema::prefix_source) +
                             filter_value(analyzer_, a.source));
    for (const auto& section : section_values(analyzer_, a.section))
        doc.add_boolean_term(std::string(schema::prefix_section) + section);
    set_slot_date(doc, a.date);
    if (!a.content_hash.empty()) doc.add_value(schema::slot_content, a.content_hash);
    return doc;
}

}  // namespace khabar
