/** @file
 * @brief The man page and the shell completions, generated from the same CLI definition as
 *        `--help` (so a flag added to a command appears in all three), and `--version`.
 */
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "commands.h"

namespace khabar::cli {

/// khabar(1) in roff: every command with its description, flags and `--help` footer, then exit
/// status, environment, examples and see-also.
std::string man_page(const CLI::App& app);

/// A bash completion script: commands, flags per command, values of flags with a fixed set of
/// values (`--sort`, `--format`, …), directories for `--db`, files for `index` paths.
std::string bash_completion(const CLI::App& app);

/// A zsh completion script (`#compdef khabar`) with the same content as bash_completion().
std::string zsh_completion(const CLI::App& app);

/// The values an option accepts when it takes one of a fixed set ("{a,b,c}" in its type name,
/// as CLI::IsMember writes it); empty otherwise.
std::vector<std::string> option_choices(const CLI::Option& opt);

/// The top-level `--help` footer: exit status and environment (also in the man page).
std::string main_footer();

/// What `--version` prints: version, git revision, the libraries' versions, the allocator.
std::string version_text();

/// Registers the hidden `khabar __docs man|bash|zsh` used by the build to write the files.
Runner add_docs_command(CLI::App& app);

}  // namespace khabar::cli
