/** @file
 * @brief The stored record as a document's data (schema 2): LZ4-compressed with a dictionary made
 *        of a database's first records, in a form Xapian stores as it is (no zlib to inflate).
 */
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "database/stored_article.h"

namespace khabar {

/// The first byte of a packed record (schema 1's data, encode()'s JSON object, starts with '{').
inline constexpr char packed_record_mark = '\x03';

/// At most this many bytes of a database's first records make its dictionary (LZ4's window).
inline constexpr std::size_t record_dictionary_size = 64 * 1024;

/// A dictionary records are compressed with: the raw records (record_text) of a database's first
/// articles. Kept in each shard's metadata under key(), which names it by a hash of its bytes, so
/// shards merged by compaction keep every dictionary their records name.
class RecordDictionary {
  public:
    explicit RecordDictionary(std::string bytes);
    /// One read back from the shard's metadata, whose key names its id.
    RecordDictionary(std::string bytes, std::uint64_t id);
    std::uint64_t id() const { return id_; }  ///< never 0 (0: a record without dictionary)
    const std::string& bytes() const { return bytes_; }
    std::string key() const;  ///< schema::record_dictionary_prefix + id in hex
    /// The id a metadata key names, 0 when it is not such a key.
    static std::uint64_t id_of_key(std::string_view key);

  private:
    std::string bytes_;
    std::uint64_t id_;
};

/// What is compressed: encode()'s object without the body, '\n' (which the object never holds),
/// then the body as encode() would write it (invalid UTF-8 replaced).
std::string record_text(const StoredArticle& a);

/// `a` as document data: packed_record_mark, then the raw record's length (LEB128), the
/// dictionary's id (8 bytes, little-endian; 0 for none) and the LZ4 block of record_text(a), all
/// after the mark XORed with a fixed pseudo-random stream. Xapian's glass deflates a document's
/// data only when that saves bytes, which it then cannot do: a hit's record is read without zlib.
/// (RecordPacker packs a shard's records; this packs one, e.g. for tests.)
std::string pack_record(const StoredArticle& a, const RecordDictionary* dictionary);

/// Inverse of pack_record, tolerant as StoredArticle::decode (damaged data decodes as an empty
/// article); data without the mark is schema 1's JSON object, decoded. A record naming a
/// dictionary no open database holds throws khabar::Error.
StoredArticle unpack_record(std::string_view data);

/// Make the dictionaries of `shards` (opened one by one) known to unpack_record: those they hold
/// now, and those a later commit adds, which a record naming one not yet known looks up in the
/// shards `reopen` opens anew (the latest call's that gives one; open_for_reading calls this).
void load_record_dictionaries(const std::vector<Xapian::Database>& shards,
                              std::function<std::vector<Xapian::Database>()> reopen);
/// Make one dictionary known to unpack_record (the writer's own).
void add_record_dictionary(std::shared_ptr<const RecordDictionary> dictionary);

/// The first records of a database's shards, until they add up to record_dictionary_size bytes
/// and make the dictionary every shard then uses (one dictionary per database: a reader loads it
/// once, whatever the number of shards). Shared by the shards' writer threads.
class DictionarySampler {
  public:
    /// `existing`: the database's dictionary when a shard has one already.
    explicit DictionarySampler(std::shared_ptr<const RecordDictionary> existing = nullptr)
        : made_(std::move(existing)) {}
    /// Adds one record's raw text (record_text) while there is no dictionary; the dictionary once
    /// made (by this call or an earlier one), else nullptr.
    std::shared_ptr<const RecordDictionary> add(const std::string& raw);
    /// A shard's dictionary, which the others use too when there is none yet.
    void adopt(std::shared_ptr<const RecordDictionary> dictionary);

  private:
    std::mutex mutex_;
    std::string sample_;
    std::shared_ptr<const RecordDictionary> made_;
};

/// Packs the records of one shard: with the shard's dictionary when it has one, else without
/// until the database's first records make one (DictionarySampler), then with that.
class RecordPacker {
  public:
    /// `existing`: the shard's dictionary (its metadata value), empty when it has none yet;
    /// `sampler`: where a shard without one gets it (a packer of its own when null).
    explicit RecordPacker(std::string existing = {},
                          std::shared_ptr<DictionarySampler> sampler = nullptr);
    ~RecordPacker();
    RecordPacker(const RecordPacker&) = delete;
    RecordPacker& operator=(const RecordPacker&) = delete;

    std::string pack(const StoredArticle& a);
    /// The dictionary this packer started using with the last pack(), once, for the caller to
    /// store in the shard's metadata (committed with the records that name it); else nullptr.
    std::shared_ptr<const RecordDictionary> take_new_dictionary();

  private:
    void use(std::shared_ptr<const RecordDictionary> d);

    struct Lz4;  // the compressor's state, prepared with the dictionary
    std::unique_ptr<Lz4> lz4_;
    std::shared_ptr<DictionarySampler> sampler_;
    std::shared_ptr<const RecordDictionary> dictionary_;
    std::shared_ptr<const RecordDictionary> fresh_;
};

}  // namespace khabar
