/** @file
 * @brief The packed stored record: LZ4 with a shard's dictionary, whitened for Xapian; the
 *        dictionaries known to this process.
 */
#include "database/packed_record.h"

#include <bit>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

#include <lz4.h>
#include <lz4hc.h>
#include <nlohmann/json.hpp>

#include "database/schema.h"
#include "error.h"
#include "utf8.h"

namespace khabar {

namespace {

/// XORs s[from..] with a fixed pseudo-random stream (splitmix64 from a fixed seed, the same for
/// every record; byte k of each 8 the k-th lowest of its word): random to a compressor, and its
/// own inverse.
void whiten(std::string& s, std::size_t from) {
    std::uint64_t state = 0x6b68616261722032ULL;
    auto next = [&state] {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    std::size_t i = from;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t k = next(), w;
        if constexpr (std::endian::native == std::endian::big) k = __builtin_bswap64(k);
        std::memcpy(&w, s.data() + i, 8);
        w ^= k;
        std::memcpy(s.data() + i, &w, 8);
    }
    for (std::uint64_t k = i < s.size() ? next() : 0; i < s.size(); ++i, k >>= 8)
        s[i] = static_cast<char>(s[i] ^ static_cast<char>(k & 0xff));
}

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

/// LZ4 HC's level. Records with the dictionary, against level 9 (bench/REPORT.md, 2026-12-07
/// evening): Reuters 39.0 % of their size (9: 38.3 %, fast mode: 51.3 %), 1.4x as fast; Urdu
/// (urdu-news-ha405) 30.4 % (27.6 %, 39.8 %), 4.2x as fast. Urdu text makes long match chains,
/// which level 9 walks 256 deep and level 4 8 deep.
constexpr int lz4_level = 4;

/// The dictionaries this process knows, by id, and the shards to look a new one up in.
struct Known {
    std::mutex mutex;
    std::map<std::uint64_t, std::shared_ptr<const RecordDictionary>> by_id;
    /// Opens the shards of the latest open_for_reading anew (nothing is kept open).
    std::function<std::vector<Xapian::Database>()> reopen;
};

Known& known() {
    static Known k;
    return k;
}

/// Every dictionary `shard` holds that is not known yet (mutex held).
void load_locked(Known& k, const Xapian::Database& shard) {
    const std::string prefix(schema::record_dictionary_prefix);
    for (auto it = shard.metadata_keys_begin(prefix); it != shard.metadata_keys_end(prefix); ++it) {
        const std::uint64_t id = RecordDictionary::id_of_key(*it);
        if (id == 0 || k.by_id.count(id)) continue;
        // Named by its key: hashing 64 KiB again would cost a CLI search more than it saves.
        k.by_id.emplace(id, std::make_shared<const RecordDictionary>(shard.get_metadata(*it), id));
    }
}

std::shared_ptr<const RecordDictionary> dictionary_of(std::uint64_t id) {
    Known& k = known();
    std::lock_guard lock(k.mutex);
    auto it = k.by_id.find(id);
    if (it == k.by_id.end()) {
        // Added by a commit after the shards were opened: look in their newest revision.
        if (k.reopen)
            for (const Xapian::Database& shard : k.reopen()) load_locked(k, shard);
        it = k.by_id.find(id);
    }
    if (it == k.by_id.end())
        throw Error("a stored record names a compression dictionary the database does not hold",
                    "the database is damaged: rebuild it with `khabar index --overwrite`");
    return it->second;
}

std::uint64_t read_u64(std::string_view s, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(s[at + i]);
    return v;
}

}  // namespace

RecordDictionary::RecordDictionary(std::string bytes)
    : bytes_(std::move(bytes)), id_(fnv1a(bytes_) | 1) {}

RecordDictionary::RecordDictionary(std::string bytes, std::uint64_t id)
    : bytes_(std::move(bytes)), id_(id) {}

std::string RecordDictionary::key() const {
    static const char* digits = "0123456789abcdef";
    std::string out(schema::record_dictionary_prefix);
    for (int shift = 60; shift >= 0; shift -= 4) out += digits[(id_ >> shift) & 15];
    return out;
}

std::uint64_t RecordDictionary::id_of_key(std::string_view key) {
    if (!key.starts_with(schema::record_dictionary_prefix)) return 0;
    key.remove_prefix(schema::record_dictionary_prefix.size());
    if (key.size() != 16) return 0;
    std::uint64_t id = 0;
    for (char c : key) {
        const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) return 0;
        id = id << 4 | static_cast<unsigned>(v);
    }
    return id;
}

std::string record_text(const StoredArticle& a) {
    std::string out = a.encode_without_body();
    out += '\n';
    if (valid_utf8(a.body))
        out += a.body;
    else  // what encode() would write: invalid bytes replaced as the JSON writer does
        out += nlohmann::json::parse(nlohmann::json(a.body).dump(
                                         -1, ' ', false, nlohmann::json::error_handler_t::replace))
                   .get<std::string>();
    return out;
}

namespace {

/// pack_record's form around an LZ4 block of `raw` (`compress` writes it, returns its size).
template <typename Compress>
std::string pack_with(const std::string& raw, std::uint64_t dictionary_id, Compress compress) {
    std::string out(1, packed_record_mark);
    for (std::uint64_t n = raw.size();; n >>= 7) {  // LEB128
        const auto low = static_cast<char>(n & 0x7f);
        if (n < 0x80) {
            out += low;
            break;
        }
        out += static_cast<char>(low | 0x80);
    }
    for (int i = 0; i < 8; ++i) out += static_cast<char>((dictionary_id >> (8 * i)) & 0xff);
    const std::size_t head = out.size();
    if (raw.size() > LZ4_MAX_INPUT_SIZE) throw Error("a record too large to store (over 2 GB)");
    const int bound = LZ4_compressBound(static_cast<int>(raw.size()));
    out.resize(head + static_cast<std::size_t>(bound));
    const int n = compress(raw, out.data() + head, bound);
    if (n <= 0 && !raw.empty()) throw Error("LZ4 could not compress a record");
    out.resize(head + static_cast<std::size_t>(std::max(n, 0)));
    whiten(out, 1);
    return out;
}

/// An LZ4 block of `in` at `to` (at most `cap` bytes), with `dictionary` when not null; its size.
int compress_one(const std::string& in, char* to, int cap, const RecordDictionary* dictionary) {
    const std::unique_ptr<LZ4_streamHC_t, int (*)(LZ4_streamHC_t*)> stream(LZ4_createStreamHC(),
                                                                           LZ4_freeStreamHC);
    if (!stream) throw Error("out of memory for the LZ4 compressor");
    LZ4_resetStreamHC_fast(stream.get(), lz4_level);
    if (dictionary)
        LZ4_loadDictHC(stream.get(), dictionary->bytes().data(),
                       static_cast<int>(dictionary->bytes().size()));
    return LZ4_compress_HC_continue(stream.get(), in.data(), to, static_cast<int>(in.size()), cap);
}

}  // namespace

std::string pack_record(const StoredArticle& a, const RecordDictionary* dictionary) {
    return pack_with(record_text(a), dictionary ? dictionary->id() : 0,
                     [&](const std::string& in, char* to, int cap) {
                         return compress_one(in, to, cap, dictionary);
                     });
}

StoredArticle unpack_record(std::string_view data) {
    if (data.empty() || data[0] != packed_record_mark) return StoredArticle::decode(data);
    std::string plain(data.substr(1));
    whiten(plain, 0);
    std::uint64_t raw_size = 0;
    std::size_t at = 0;
    for (int shift = 0;; shift += 7) {
        if (at >= plain.size() || shift > 28) return {};
        const auto byte = static_cast<unsigned char>(plain[at++]);
        raw_size |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) break;
    }
    if (plain.size() < at + 8 || raw_size > 0x7fffffff) return {};
    const std::uint64_t id = read_u64(plain, at);
    at += 8;
    std::shared_ptr<const RecordDictionary> dictionary;
    if (id != 0) dictionary = dictionary_of(id);
    std::string raw(raw_size, '\0');
    const std::string_view dict = dictionary ? std::string_view(dictionary->bytes()) : "";
    const int n = LZ4_decompress_safe_usingDict(
        plain.data() + at, raw.data(), static_cast<int>(plain.size() - at),
        static_cast<int>(raw.size()), dict.data(), static_cast<int>(dict.size()));
    if (n != static_cast<int>(raw.size())) return {};
    const std::size_t nl = raw.find('\n');
    StoredArticle s = StoredArticle::decode(std::string_view(raw).substr(0, nl));
    if (nl != std::string::npos) s.body.assign(raw, nl + 1);
    return s;
}

StoredArticle StoredArticle::of(const Xapian::Document& doc) {
    return unpack_record(doc.get_data());
}

void load_record_dictionaries(const std::vector<Xapian::Database>& shards,
                              std::function<std::vector<Xapian::Database>()> reopen) {
    Known& k = known();
    std::lock_guard lock(k.mutex);
    for (const Xapian::Database& shard : shards) load_locked(k, shard);
    if (reopen) k.reopen = std::move(reopen);
}

void add_record_dictionary(std::shared_ptr<const RecordDictionary> dictionary) {
    Known& k = known();
    std::lock_guard lock(k.mutex);
    const std::uint64_t id = dictionary->id();
    k.by_id.emplace(id, std::move(dictionary));
}

struct RecordPacker::Lz4 {
    struct Free {
        void operator()(LZ4_streamHC_t* s) const { LZ4_freeStreamHC(s); }
    };
    std::unique_ptr<LZ4_streamHC_t, Free> prepared{LZ4_createStreamHC()};  ///< dictionary loaded
    std::unique_ptr<LZ4_streamHC_t, Free> work{LZ4_createStreamHC()};      ///< a copy per record
};

std::shared_ptr<const RecordDictionary> DictionarySampler::add(const std::string& raw) {
    std::lock_guard lock(mutex_);
    if (made_) return made_;
    sample_ += raw;
    if (sample_.size() >= record_dictionary_size) {
        sample_.resize(record_dictionary_size);
        made_ = std::make_shared<const RecordDictionary>(std::move(sample_));
        sample_.clear();
    }
    return made_;
}

void DictionarySampler::adopt(std::shared_ptr<const RecordDictionary> dictionary) {
    std::lock_guard lock(mutex_);
    if (!made_) made_ = std::move(dictionary);
}

RecordPacker::RecordPacker(std::string existing, std::shared_ptr<DictionarySampler> sampler)
    : lz4_(std::make_unique<Lz4>()),
      sampler_(sampler ? std::move(sampler) : std::make_shared<DictionarySampler>()) {
    if (!lz4_->prepared || !lz4_->work) throw Error("out of memory for the LZ4 compressor");
    if (existing.empty()) return;
    auto d = std::make_shared<const RecordDictionary>(std::move(existing));
    sampler_->adopt(d);
    use(std::move(d));
}

RecordPacker::~RecordPacker() = default;

void RecordPacker::use(std::shared_ptr<const RecordDictionary> d) {
    dictionary_ = std::move(d);
    LZ4_resetStreamHC_fast(lz4_->prepared.get(), lz4_level);
    LZ4_loadDictHC(lz4_->prepared.get(), dictionary_->bytes().data(),
                   static_cast<int>(dictionary_->bytes().size()));
    add_record_dictionary(dictionary_);
}

std::string RecordPacker::pack(const StoredArticle& a) {
    const std::string raw = record_text(a);
    if (dictionary_)
        return pack_with(raw, dictionary_->id(), [&](const std::string& in, char* to, int cap) {
            // Copying the prepared state is how LZ4 reuses a loaded dictionary (lz4hc.h).
            std::memcpy(lz4_->work.get(), lz4_->prepared.get(), sizeof(LZ4_streamHC_t));
            return LZ4_compress_HC_continue(lz4_->work.get(), in.data(), to,
                                            static_cast<int>(in.size()), cap);
        });
    std::string out = pack_with(raw, 0, [](const std::string& in, char* to, int cap) {
        return LZ4_compress_HC(in.data(), to, static_cast<int>(in.size()), cap, lz4_level);
    });
    if (auto made = sampler_->add(raw)) {  // the next record uses it
        fresh_ = made;
        use(std::move(made));
    }
    return out;
}

std::shared_ptr<const RecordDictionary> RecordPacker::take_new_dictionary() {
    return std::exchange(fresh_, nullptr);
}

}  // namespace khabar
