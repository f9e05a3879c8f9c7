/** @file
 * @brief Input keys: file identities (canonical path, size, mtime) hashed with the entry path.
 */
#include "input_keys.h"

#include <filesystem>

#include "articles/article_finisher.h"

namespace khabar {

const InputKeys::Identity& InputKeys::identity(const std::string& file) {
    auto it = identities_.find(file);
    if (it != identities_.end()) return it->second;
    namespace fs = std::filesystem;
    Identity id;
    if (file != "-") {
        std::error_code ec;
        const fs::path canonical = fs::canonical(file, ec);
        if (!ec) {
            const auto size = fs::is_regular_file(canonical, ec) ? fs::file_size(canonical, ec) : 0;
            const auto mtime = fs::last_write_time(canonical, ec).time_since_epoch().count();
            if (!ec) {
                id.canonical = canonical.string();
                id.id = id.canonical + "|" + std::to_string(size) + "|" + std::to_string(mtime);
            }
        }
    }
    return identities_.emplace(file, std::move(id)).first->second;
}

std::string InputKeys::entry_key(const EntryInfo& info) {
    const Identity& id = identity(info.file);
    if (id.id.empty()) return {};
    return hash_hex(id.id + "::" + info.path + "#" + std::to_string(info.size));
}

std::string InputKeys::whole_key(const std::string& path) {
    const Identity& id = identity(path);
    return id.id.empty() ? std::string() : hash_hex(id.id + "::*");
}

std::string InputKeys::canonical_path(const std::string& file) {
    return identity(file).canonical;
}

}  // namespace khabar
