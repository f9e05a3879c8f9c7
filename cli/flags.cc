/** @file
 * @brief The shared flags: one declaration of `--db` and `--color` for every command.
 */
#include "flags.h"

#include "database.h"
#include "render/output.h"

namespace khabar::cli {

void DatabaseFlag::add_to(CLI::App& cmd, const std::string& help) {
    cmd.add_option("--db", dbs, help)->allow_extra_args(false);
}

std::vector<std::string> DatabaseFlag::paths() const {
    return resolve_db_paths(dbs);
}

void ColorFlag::add_to(CLI::App& cmd, const std::string& help) {
    cmd.add_option("--color", color, help)->check(CLI::IsMember({"auto", "always", "never"}));
}

bool ColorFlag::enabled() const {
    ColorChoice choice = ColorChoice::automatic;
    parse_color_choice(color, choice);
    return use_color(choice);
}

}  // namespace khabar::cli
