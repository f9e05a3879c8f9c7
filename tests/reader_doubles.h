/** @file
 * @brief Test doubles for the readers: an entry stream over a string and a sink that keeps
 *        what the readers report.
 */
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "entries/entry.h"
#include "records/record_reader.h"

namespace khabar::test {

/// An EntryStream over a string that hands out at most `chunk` bytes per read (to cross buffer
/// boundaries at awkward places), optionally failing once `fail_after` bytes are read.
class StringStream : public EntryStream {
  public:
    explicit StringStream(std::string data, std::size_t chunk = 1u << 20,
                          std::size_t fail_after = static_cast<std::size_t>(-1))
        : data_(std::move(data)), chunk_(chunk), fail_after_(fail_after) {}
    std::size_t read(char* buf, std::size_t n) override {
        if (pos_ >= fail_after_) throw EntryError("simulated read failure");
        n = std::min({n, chunk_, data_.size() - pos_});
        data_.copy(buf, n, pos_);
        pos_ += n;
        return n;
    }

  private:
    std::string data_;
    std::size_t chunk_;
    std::size_t fail_after_;
    std::size_t pos_ = 0;
};

/// A record the readers refused, and where it was.
struct BadRecord {
    Origin where;
    std::string reason;
};

/// Keeps what the readers report: articles, refused records, skipped entries and the format an
/// entry was read as.
class CollectSink : public RecordSink {
  public:
    void article(Article&& a) override { articles.push_back(std::move(a)); }
    void bad_record(const Origin& where, const std::string& reason) override {
        bad.push_back({where, reason});
    }
    void skipped_entry(const EntryInfo& /*info*/, const std::string& reason) override {
        skipped.push_back(reason);
    }
    void reading_as(const EntryInfo& /*info*/, Format f) override { format = f; }
    std::vector<Article> articles;
    std::vector<BadRecord> bad;
    std::vector<std::string> skipped;
    Format format = Format::unknown;
};

}  // namespace khabar::test
