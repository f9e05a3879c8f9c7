/** @file
 * @brief The stub file, shard names and disk usage of a khabar database.
 */
#include "database/layout.h"

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

void write_stub(const fs::path& dir, const std::vector<std::string>& shards) {
    const fs::path tmp = dir / (std::string(stub_file) + ".tmp");
    {
        std::ofstream out(tmp);
        for (const auto& name : shards) out << "glass " << name << "\n";
        if (!out) throw Error("cannot write '" + tmp.string() + "'");
    }
    fs::rename(tmp, dir / stub_file);
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
