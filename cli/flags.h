/** @file
 * @brief Flags several commands share, declared once (as PISA's tools/app.hpp does with its
 *        option mixins): `--db` for the commands that read a database, `--color` for those that
 *        write for people.
 */
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace khabar::cli {

/// `--db PATH`, repeatable: the databases to read as one (default: $KHABAR_DB, else ./khabar.db).
struct DatabaseFlag {
    std::vector<std::string> dbs;
    /// Declares `--db` on `cmd`; `help` is its line in --help.
    void add_to(CLI::App& cmd, const std::string& help = "database (repeatable)");
    /// The paths to open (searcher/database.h resolve_db_paths).
    std::vector<std::string> paths() const;
};

/// `--color auto|always|never`.
struct ColorFlag {
    std::string color = "auto";
    void add_to(CLI::App& cmd, const std::string& help = "auto, always, never");
    /// Whether to colour: `always`, or `auto` on a terminal without NO_COLOR (render/output.h).
    bool enabled() const;
};

}  // namespace khabar::cli
