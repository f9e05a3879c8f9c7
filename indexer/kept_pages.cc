/** @file
 * @brief KeptPages: records of whole entries by key, within a byte budget.
 */
#include "kept_pages.h"

#include <utility>

namespace khabar {

namespace {

/// Per-record overhead beyond its strings: the KeptRecord, vector growth, the map node.
constexpr std::size_t kRecordOverhead = sizeof(KeptRecord) + 64;

std::size_t string_bytes(const std::string& s) {
    return s.capacity() > 15 ? s.capacity() + 1 : 0;  // heap only beyond the small-string buffer
}

}  // namespace

std::size_t approx_bytes(const Article& a) {
    std::size_t n = sizeof(Article);
    for (const std::string* s : {&a.own_id, &a.id, &a.url, &a.title, &a.body, &a.date_text,
                                 &a.date_field, &a.lang, &a.source, &a.site_name, &a.author,
                                 &a.section, &a.content_hash, &a.origin.file, &a.origin.entry})
        n += string_bytes(*s);
    for (const std::string& note : a.date_notes) n += sizeof(std::string) + string_bytes(note);
    for (const RemovedBlock& b : a.removed_chrome)
        n += sizeof(RemovedBlock) + string_bytes(b.text) + string_bytes(b.reason);
    return n;
}

void KeptPages::begin(const std::string& key) {
    abandon();
    if (!key.empty() && kept_.count(key) == 0) open_key_ = key;
}

KeptRecord* KeptPages::add(KeptRecord&& r, std::size_t bytes) {
    if (open_key_.empty()) return nullptr;
    if (used_ + bytes > budget_) {  // too much: the second pass reads this entry again
        ++over_budget_;
        abandon();
        return nullptr;
    }
    used_ += bytes;
    open_.bytes += bytes;
    return &open_.records.emplace_back(std::move(r));
}

KeptRecord* KeptPages::add_article(Article& a, std::any& prepared, std::size_t prepared_bytes) {
    if (open_key_.empty()) return nullptr;
    const std::size_t bytes = approx_bytes(a) + kRecordOverhead + prepared_bytes;
    if (used_ + bytes > budget_) return add(KeptRecord{}, bytes);  // gives the entry up
    return add(KeptRecord{std::move(a), {}, {}, std::move(prepared)}, bytes);
}

void KeptPages::add_bad_record(const Origin& where, const std::string& reason) {
    if (open_key_.empty()) return;
    add(KeptRecord{std::nullopt, where, reason, {}}, kRecordOverhead + string_bytes(where.file) +
                                                         string_bytes(where.entry) +
                                                         string_bytes(reason));
}

void KeptPages::commit(KeptSize size) {
    if (open_key_.empty()) return;
    open_.size = size;
    kept_.emplace(std::exchange(open_key_, {}), std::exchange(open_, {}));
}

void KeptPages::abandon() {
    used_ -= open_.bytes;
    open_ = {};
    open_key_.clear();
}

void KeptPages::drop(const std::string& key) {
    if (auto it = kept_.find(key); it != kept_.end()) {
        used_ -= it->second.bytes;
        kept_.erase(it);
    }
}

std::optional<std::vector<KeptRecord>> KeptPages::take(const std::string& key, KeptSize* size) {
    auto it = kept_.find(key);
    if (it == kept_.end()) return std::nullopt;
    used_ -= it->second.bytes;
    if (size != nullptr) *size = it->second.size;
    std::vector<KeptRecord> records = std::move(it->second.records);
    kept_.erase(it);
    return records;
}

}  // namespace khabar
