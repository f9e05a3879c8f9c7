/** @file
 * @brief The subcommands of `khabar`: each registers its flags on the CLI and runs when chosen.
 */
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace khabar::cli {

/// A subcommand's run function returns the process exit code.
using Runner = std::function<int()>;

Runner add_index_command(CLI::App& app);
Runner add_search_command(CLI::App& app);
Runner add_show_command(CLI::App& app);
Runner add_export_command(CLI::App& app);
Runner add_stats_command(CLI::App& app);
Runner add_compact_command(CLI::App& app);
Runner add_serve_command(CLI::App& app);

}  // namespace khabar::cli
