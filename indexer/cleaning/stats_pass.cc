/** @file
 * @brief First pass over a dump: pages into block statistics, inputs into the counted list.
 */
#include "cleaning/stats_pass.h"

#include <sys/stat.h>

#include <exception>

#include "cleaning/article_cleaning.h"

namespace khabar::cleaning {

namespace {

/// Counts the bytes an entry delivers.
class Counted : public EntryStream {
  public:
    Counted(EntryStream& in, std::uint64_t& n) : in_(in), n_(n) {}
    std::size_t read(char* buf, std::size_t n) override {
        const std::size_t got = in_.read(buf, n);
        n_ += got;
        return got;
    }

  private:
    EntryStream& in_;
    std::uint64_t& n_;
};

enum class PathKind { stream, file, directory };

/// A regular file or a directory can be read again by the second pass; stdin, pipes cannot.
PathKind path_kind(const std::string& path) {
    struct stat st {};
    if (path == "-" || ::stat(path.c_str(), &st) != 0) return PathKind::stream;
    if (S_ISREG(st.st_mode)) return PathKind::file;
    return S_ISDIR(st.st_mode) ? PathKind::directory : PathKind::stream;
}

}  // namespace

StatsPass::StatsPass(BlockStats& stats, InputKeys& keys,
                     const std::map<std::string, std::string>& counted, const ReaderOptions& reader,
                     const WalkLimits& limits, BlockStats* batches)
    : stats_(stats),
      batches_(batches),
      keys_(keys),
      counted_(counted),
      reader_(reader),
      limits_(limits) {}

void StatsPass::count(const std::string& path) {
    const PathKind kind = path_kind(path);
    if (kind == PathKind::stream) return;
    const std::string whole = kind == PathKind::file ? keys_.whole_key(path) : std::string();
    if (!whole.empty() && is_counted(whole)) return;
    const std::uint64_t errors_before = errors_;
    try {
        walk_dump(path, limits_, *this);
    } catch (const std::exception&) {
        return;  // the second pass meets the same failure and reports it
    }
    if (!whole.empty() && errors_ == errors_before) added_[whole] = keys_.canonical_path(path);
}

void StatsPass::entry(const EntryInfo& info, EntryStream& data) {
    if (is_documentation(info.name())) return;
    const std::string key = keys_.entry_key(info);
    if (!key.empty() && is_counted(key)) return;
    Counted counted(data, bytes_);
    read_entry(info, counted, reader_, *this);
    if (!key.empty()) added_[key] = keys_.canonical_path(info.file);
}

void StatsPass::article(Article&& a) {
    if (batches_ != nullptr) {
        const auto keys = clock_.next(source_key(a));
        add_to_stats(stats_, a, layout_of(a), batches_, keys);
    } else {
        add_to_stats(stats_, a, layout_of(a));
    }
    ++pages_;
}

}  // namespace khabar::cleaning
