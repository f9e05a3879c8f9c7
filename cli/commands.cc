/** @file
 * @brief The command table's one helper: a subcommand declared with its summary.
 */
#include "commands.h"

#include <algorithm>
#include <string>

namespace khabar::cli {

CLI::App* add_command(CLI::App& app, std::string_view name) {
    const auto* c = std::find_if(std::begin(command_list), std::end(command_list),
                                 [name](const Command& x) { return x.name == name; });
    const std::string summary = c == std::end(command_list) ? "" : std::string(c->summary);
    return app.add_subcommand(std::string(name), summary);
}

}  // namespace khabar::cli
