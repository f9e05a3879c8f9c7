/** @file
 * @brief Identity of what an index run reads — a PATH, or one entry of it — as short keys, for
 *        the resume checkpoints and for the record of inputs the chrome statistics count.
 */
#pragma once

#include <map>
#include <string>

#include "entries/entry.h"

namespace khabar {

/// Keys of inputs, from their files' canonical path, size and modification time (cached per
/// file). A changed file gets new keys; stdin and unresolvable paths get none ("").
class InputKeys {
  public:
    /// Key of one entry: its file's identity, its path inside the file and its size.
    std::string entry_key(const EntryInfo& info);
    /// Key of a whole PATH as given on the command line (every entry of it).
    std::string whole_key(const std::string& path);
    /// The canonical path of a file, "" when it has no identity (stdin, missing).
    std::string canonical_path(const std::string& file);

  private:
    struct Identity {
        std::string id;  ///< canonical path|size|mtime, "" when unknown
        std::string canonical;
    };
    const Identity& identity(const std::string& file);
    std::map<std::string, Identity> identities_;
};

}  // namespace khabar
