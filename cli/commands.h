/** @file
 * @brief The subcommands of `khabar`: each registers its flags on the CLI and runs when chosen.
 */
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string_view>

namespace khabar::cli {

/// A subcommand's run function returns the process exit code.
using Runner = std::function<int()>;

/// A command as `khabar --help` lists it.
struct Command {
    std::string_view name;
    std::string_view summary;
};

/// Every command, in --help order (`__docs`, hidden, is not listed).
inline constexpr Command command_list[] = {
    {"index", "Build or update a search database from news dumps"},
    {"search", "Search the database; ranked results with snippets"},
    {"show", "Print stored articles by id (as indexed)"},
    {"export", "Write every stored article as JSON Lines (same fields as show --json)"},
    {"stats", "Summarize the database: documents, languages, dates, size"},
    {"compact", "Rewrite the database compactly (after a big index run)"},
    {"serve", "Search in a web browser: a local web page and JSON API"},
};

/// The subcommand `name` of command_list on `app`, with its summary: what every add_*_command
/// starts with, and all main() declares of the commands not named on the command line.
CLI::App* add_command(CLI::App& app, std::string_view name);

Runner add_index_command(CLI::App& app);
Runner add_search_command(CLI::App& app);
Runner add_show_command(CLI::App& app);
Runner add_export_command(CLI::App& app);
Runner add_stats_command(CLI::App& app);
Runner add_compact_command(CLI::App& app);
Runner add_serve_command(CLI::App& app);

}  // namespace khabar::cli
