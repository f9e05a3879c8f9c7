/** @file
 * @brief The stub file, shard names and disk usage of a khabar database.
 */
#include "database/layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "error.h"

namespace khabar {

namespace fs = std::filesystem;

std::string shard_name(unsigned i) {
    return shard_prefix + std::to_string(i);
}

bool has_stub(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / stub_file, ec);
}

bool is_plain_glass(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "iamglass", ec);
}

std::vector<std::string> read_stub(const fs::path& dir) {
    const fs::path stub = dir / stub_file;
    std::ifstream in(stub);
    if (!in)
        throw Error("'" + dir.string() + "' is not a khabar database (no " + stub_file + " stub)");
    std::vector<std::string> names;
    std::string backend, name;
    while (in >> backend >> name) {
        if (backend != "glass")
            throw Error(
                "database stub '" + stub.string() + "' lists a '" + backend + "' shard",
                "khabar index writes only local glass shards; search remote shards with --db");
        names.push_back(name);
    }
    return names;
}

namespace {

// Flushes a file or directory to disk; a failure names the path.
void sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const std::string why = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        throw Error("cannot flush '" + path.string() + "' to disk: " + why);
    }
    ::close(fd);
}

}  // namespace

// Written aside, flushed, renamed over the stub and the rename flushed: a reader sees the old
// list or the new one, and a power loss after this returns keeps the new one.
void write_stub(const fs::path& dir, const std::vector<std::string>& shards) {
    const fs::path tmp = dir / (std::string(stub_file) + ".tmp");
    {
        std::ofstream out(tmp);
        for (const auto& name : shards) out << "glass " << name << "\n";
        out.flush();
        if (!out) throw Error("cannot write '" + tmp.string() + "'");
    }
    sync_path(tmp, O_RDONLY);
    fs::rename(tmp, dir / stub_file);
    sync_path(dir, O_RDONLY | O_DIRECTORY);
}

std::uint64_t disk_usage(const fs::path& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
    std::uint64_t size = 0;
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) size += it->file_size(ec);
    return size;
}

}  // namespace khabar
