/** @file
 * @brief `khabar`: build a search index from a news dump and search it from the terminal.
 *
 * Two programs are built from this file. `khabar-index` has every command. `khabar` has every
 * command but `index`, which it hands to `khabar-index` next to it (execv: same process, same
 * arguments, same exit status). `khabar search` then loads only what searching needs: 11 shared
 * libraries instead of 21 (no libarchive, libxml2, CLD2 and their compressors and crypto), which
 * halves the dynamic linker's work at every start.
 */
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <string>

#include <xapian.h>

#include "commands.h"
#include "docs.h"
#include "error.h"

namespace {

int report(const std::string& what, const std::string& hint = {}) {
    std::fflush(stdout);
    std::cerr << "khabar: error: " << what << "\n";
    if (!hint.empty()) std::cerr << "khabar: hint: " << hint << "\n";
    return khabar::exit_error;
}

#ifndef KHABAR_WITH_INDEX
/// The subcommand named on the command line ("" when none): the first argument that is not an
/// option (the program has no options that take a value before the subcommand).
std::string subcommand(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (argv[i][0] != '-') return argv[i];
    return {};
}

/// Run `khabar-index` from this program's directory with our arguments, in this process.
int exec_indexer(char** argv) {
    std::string self(4096, '\0');
    ssize_t n = readlink("/proc/self/exe", self.data(), self.size() - 1);
    self.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    std::string dir = self.empty() ? std::string(".") : self.substr(0, self.rfind('/'));
    std::string indexer = dir + "/khabar-index";
    execv(indexer.c_str(), argv);
    return report("cannot run the indexer '" + indexer + "': " + std::strerror(errno),
                  "`khabar index` runs khabar-index, which is built and installed next to khabar");
}
#endif

}  // namespace

int main(int argc, char** argv) {
#ifndef KHABAR_WITH_INDEX
    if (subcommand(argc, argv) == "index") return exec_indexer(argv);
#endif
    signal(SIGPIPE, SIG_IGN);  // broken pipes are seen as EPIPE and end the program quietly
    signal(SIGXFSZ, SIG_IGN);  // a file size limit is reported as a write error, like a full disk
    CLI::App app{"khabar — full-text search for English and Urdu news archives", "khabar"};
    app.footer(khabar::cli::main_footer());
    app.require_subcommand(1);
    app.set_version_flag("--version", std::function<std::string()>(khabar::cli::version_text),
                         "print the version, git revision, libraries and allocator");
    std::map<CLI::App*, khabar::cli::Runner> runners;
    auto add = [&](khabar::cli::Runner r) {
        runners[app.get_subcommands([](CLI::App*) { return true; }).back()] = std::move(r);
    };
#ifdef KHABAR_WITH_INDEX
    add(khabar::cli::add_index_command(app));
#else
    // Listed in --help only; `khabar index …` never gets here (exec_indexer above).
    app.add_subcommand("index", "Build or update a search database from news dumps");
    add([] { return khabar::exit_error; });
#endif
    add(khabar::cli::add_search_command(app));
    add(khabar::cli::add_show_command(app));
    add(khabar::cli::add_export_command(app));
    add(khabar::cli::add_stats_command(app));
    add(khabar::cli::add_compact_command(app));
    add(khabar::cli::add_docs_command(app));
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return report(e.what(), "see `khabar --help` or `khabar COMMAND --help`");
    }
    try {
        for (auto* sub : app.get_subcommands())
            if (runners.count(sub)) return runners[sub]();
        return report("no command given", "try `khabar --help`");
    } catch (const khabar::Error& e) {
        return report(e.what(), e.hint());
    } catch (const Xapian::DatabaseLockError& e) {
        return report("database is locked by another khabar index: " + e.get_msg());
    } catch (const Xapian::DatabaseCorruptError& e) {
        return report("database is corrupt: " + e.get_msg(),
                      "check it with xapian-check, rebuild with --overwrite");
    } catch (const Xapian::Error& e) {
        return report(std::string(e.get_type()) + ": " + e.get_msg());
    } catch (const std::bad_alloc&) {
        return report("out of memory");
    } catch (const std::exception& e) {
        return report(e.what());
    }
}
