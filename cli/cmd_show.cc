/** @file
 * @brief `khabar show ID…` and `khabar export`: the stored articles, for people or as JSON Lines.
 */
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "commands.h"
#include "database.h"
#include "database/schema.h"
#include "flags.h"
#include "render/export.h"
#include "render/output.h"
#include "render/render.h"
#include "search.h"

namespace khabar::cli {

namespace {

/// One line per removed block: `  "Opinion"  list under the label "Opinion"`.
std::string removed_lines(const StoredArticle& stored, bool color) {
    std::string out;
    for (const RemovedBlock& r : stored.removed)
        out += fmt::format("  \"{}\"  {}{}{}\n", r.text, color ? "\033[2m" : "", r.reason,
                           color ? "\033[0m" : "");
    return out;
}

/// The article for people, with a line on chrome removal and a derived title after the header.
std::string show_text(const StoredArticle& stored, bool color) {
    std::string text = render_article(stored, color);
    std::string notes;
    const auto removed = stored.chrome_removed;
    if (removed > 0) {
        const std::string listed = removed_lines(stored, color);
        notes += fmt::format("{}cleaning{} removed {} chrome block{}{}\n", color ? "\033[2m" : "",
                             color ? "\033[0m" : "", removed, removed == 1 ? "" : "s",
                             listed.empty() ? "" : ":");
        notes += listed;
    }
    for (const std::string& note : stored.date_notes)
        notes +=
            fmt::format("{}dating{}   {}\n", color ? "\033[2m" : "", color ? "\033[0m" : "", note);
    if (stored.title_derived)
        notes += fmt::format("{}title{}    derived from the lead\n", color ? "\033[2m" : "",
                             color ? "\033[0m" : "");
    const std::size_t header_end = text.find("\n\n");  // the body follows a blank line
    if (!notes.empty() && header_end != std::string::npos) text.insert(header_end + 1, notes);
    return text;
}

/// The line between two articles of one `show`: a rule as wide as the output (at most 80).
std::string separator() {
    std::string rule;
    for (std::size_t i = 0; i < std::min<std::size_t>(output_width(), 80); ++i) rule += "─";
    return "\n" + rule + "\n\n";
}

}  // namespace

Runner add_show_command(CLI::App& app) {
    struct Flags {
        DatabaseFlag db;
        bool json = false;
        ColorFlag color;
        std::vector<std::string> ids;
    };
    auto flags = std::make_shared<Flags>();
    auto* cmd = app.add_subcommand("show", "Print stored articles by id (as indexed)");
    cmd->footer("\nExit status: 0 every id found, 1 some id not found, 2 error.");
    flags->db.add_to(*cmd);
    cmd->add_flag("--json", flags->json, "one JSON object per article (the export fields)");
    flags->color.add_to(*cmd);
    cmd->add_option("ID", flags->ids, "article ids as printed by search")->required();
    return [flags]() -> int {
        auto db = open_for_reading(flags->db.paths());
        bool color = !flags->json && flags->color.enabled();
        int rc = 0;
        bool first = true;
        for (const auto& id : flags->ids) {
            std::string term = std::string(schema::prefix_id) + id;
            auto p = db.postlist_begin(term);
            if (p == db.postlist_end(term)) {
                std::cerr << "khabar: no article with id '" << id << "'\n";
                rc = 1;
                continue;
            }
            const StoredArticle stored = StoredArticle::of(db.get_document(*p));
            if (flags->json) {
                out(json_line(show_json(stored)));
            } else {
                if (!first) out(separator());
                out(show_text(stored, color));
            }
            first = false;
        }
        out_flush();
        return rc;
    };
}

Runner add_export_command(CLI::App& app) {
    struct Flags {
        DatabaseFlag db;
    };
    auto flags = std::make_shared<Flags>();
    auto* cmd = app.add_subcommand(
        "export", "Write every stored article as JSON Lines (same fields as show --json)");
    flags->db.add_to(*cmd);
    return [flags]() -> int {
        auto db = open_for_reading(flags->db.paths());
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
            out(json_line(show_json(StoredArticle::of(db.get_document(*it)))));
        out_flush();
        return 0;
    };
}

}  // namespace khabar::cli
