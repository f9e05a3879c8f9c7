/** @file
 * @brief `khabar`: build a search index from a news dump and search it from the terminal.
 *
 * Two programs are built from this file. `khabar-index` has every command. `khabar` has every
 * command but `index` and `serve`, which it hands to `khabar-index` next to it (execv: same
 * process, same arguments, same exit status). `khabar search` then loads only what searching needs:
 * 11 shared libraries instead of 21 (no libarchive, libxml2, CLD2 and their compressors and
 * crypto), which halves the dynamic linker's work at every start.
 */
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "commands.h"
#include "docs.h"
#include "error.h"
#ifdef KHABAR_STATIC_ICU
#include "analysis/normalizer.h"
#include "icu_data.h"
#endif

namespace {

int report(const std::string& what, const std::string& hint = {}) {
    std::fflush(stdout);
    std::cerr << "khabar: error: " << what << "\n";
    if (!hint.empty()) std::cerr << "khabar: hint: " << hint << "\n";
    return khabar::exit_error;
}

/// Levenshtein distance of two short ASCII strings.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            diag = up;
        }
    }
    return row[b.size()];
}

/// "did you mean --since?" for the first argument of the command line that names no flag of its
/// command (or no command), when one is within edit distance 2; "" otherwise.
std::string did_you_mean(CLI::App& app, int argc, char** argv) {
    CLI::App* cmd = nullptr;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.empty()) continue;
        std::vector<std::string> known;
        if (arg[0] != '-') {
            if (cmd) continue;  // a value or a query word
            for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
                if (sub->get_name() == arg) cmd = sub;
                known.push_back(sub->get_name());
            }
            if (cmd) continue;
        } else {
            if (arg.rfind("--", 0) != 0) continue;  // -x: too short to guess
            arg = arg.substr(0, arg.find('='));
            for (const CLI::Option* opt : (cmd ? cmd : &app)->get_options())
                for (const std::string& name : opt->get_lnames()) known.push_back("--" + name);
            if (std::find(known.begin(), known.end(), arg) != known.end()) continue;
        }
        std::string best;
        std::size_t best_d = 3;
        for (const auto& k : known) {
            const std::size_t d = edit_distance(arg, k);
            if (d < best_d) best_d = d, best = k;
        }
        return best.empty() ? std::string() : "did you mean " + best + "?";
    }
    return {};
}

/// The subcommand named on the command line ("" when none): the first argument that is not an
/// option (the program has no options that take a value before the subcommand).
std::string subcommand(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (argv[i][0] != '-') return argv[i];
    return {};
}

/// Whether an argument may ask for help: --help, --help-all, or a short option with an h in it
/// (-h, or -h among several single-letter flags); also after `--`, where it is a query word.
bool asks_help(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "--help-all") return true;
        if (a.size() > 1 && a[0] == '-' && a[1] != '-' && a.find('h') != std::string_view::npos)
            return true;
    }
    return false;
}

#ifndef KHABAR_WITH_INDEX
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
    const std::string command = subcommand(argc, argv);
    if (command == "index" || command == "serve") return exec_indexer(argv);
#endif
#ifdef KHABAR_STATIC_ICU
    khabar::set_icu_data_loader(khabar::cli::load_icu_data);  // ICU's data, when text needs it
#endif
    signal(SIGPIPE, SIG_IGN);  // broken pipes are seen as EPIPE and end the program quietly
    signal(SIGXFSZ, SIG_IGN);  // a file size limit is reported as a write error, like a full disk
    CLI::App app{"khabar — full-text search for English and Urdu news archives", "khabar"};
    app.footer(khabar::cli::main_footer());
    app.require_subcommand(1);
    app.set_version_flag("--version", std::function<std::string()>(khabar::cli::version_text),
                         "print the version, git revision, libraries and allocator");
    // Only the command named on the command line declares its flags (building every command's
    // options cost more than the rest of `khabar --version`); the others are declared by name and
    // summary for --help and "did you mean". `__docs` writes the man page from every command.
    const std::string named = subcommand(argc, argv);
    const bool every = named == "__docs";
    using Adder = khabar::cli::Runner (*)(CLI::App&);
    const std::map<std::string_view, Adder> adders = {
#ifdef KHABAR_WITH_INDEX
        {"index", khabar::cli::add_index_command},
#endif
        {"search", khabar::cli::add_search_command},   {"show", khabar::cli::add_show_command},
        {"export", khabar::cli::add_export_command},   {"stats", khabar::cli::add_stats_command},
        {"compact", khabar::cli::add_compact_command},
#ifdef KHABAR_WITH_INDEX
        {"serve", khabar::cli::add_serve_command},
#endif
    };
    // The other commands are not declared at all when the named one is and no help is asked for
    // (`khabar search …`: 0.1 M instructions of every search): nothing else reads them, as the
    // mistakes of a named command are guessed among its own flags (did_you_mean) and no second
    // command is parsed after it (require_subcommand(1)).
    const bool lean = adders.count(named) && !asks_help(argc, argv);
    std::map<CLI::App*, khabar::cli::Runner> runners;
    for (const auto& c : khabar::cli::command_list) {
        auto adder = adders.find(c.name);
        if (adder != adders.end() && (every || named == c.name)) {
            khabar::cli::Runner run = adder->second(app);
            runners[app.get_subcommands([](CLI::App*) { return true; }).back()] = std::move(run);
        } else if (!lean) {
            // Never run: a command named on the command line is declared in full above, and
            // `khabar index` and `khabar serve` were handed to khabar-index before this.
            khabar::cli::add_command(app, c.name);
        }
    }
    if (every) {
        khabar::cli::Runner run = khabar::cli::add_docs_command(app);
        runners[app.get_subcommands([](CLI::App*) { return true; }).back()] = std::move(run);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        const std::string guess = did_you_mean(app, argc, argv);
        return report(e.what(),
                      guess.empty() ? "see `khabar --help` or `khabar COMMAND --help`" : guess);
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
