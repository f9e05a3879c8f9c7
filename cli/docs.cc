/** @file
 * @brief khabar(1), the bash and zsh completions and `--version`, all from the CLI definition.
 */
#include "docs.h"

#include <archive.h>
#include <dlfcn.h>
#include <unicode/uversion.h>
#include <xapian.h>

#include <iostream>
#include <set>
#include <sstream>

#include "version_info.h"

namespace khabar::cli {

namespace {

const char* kSummary = "full-text search for English and Urdu news archives";

const char* kDescription =
    R"(khabar builds a search database from dumps of news articles (JSON Lines, JSON, CSV, HTML pages,
WARC crawls, Reuters and TREC SGML, XML, SMART, plain text; in directories or in any archive format
libarchive reads) and searches it with ranked results, highlighted snippets, date filters and a
query language, in English and in Urdu. Scraped pages are cleaned of their site's chrome before
they are indexed. The database is a directory of Xapian shards.)";

const char* kExitStatus = R"(0  success (search: at least one hit; index: every record indexed)
1  search: no hit; index: finished, but some records were skipped; show: an id was not found
2  error (bad flag or query, unreadable database, fatal indexing error)
130  interrupted (Ctrl-C); what index committed stays usable and a rerun resumes)";

const char* kEnvironment = R"(KHABAR_DB  the database used when --db is not given (else ./khabar.db)
NO_COLOR  set and not empty: no colour, whatever --color auto would choose
TERM  dumb: no colour and no progress line
COLUMNS  the width output is wrapped to (80 when stdout is not a terminal)
VTE_VERSION, KONSOLE_VERSION, MLTERM  a terminal that shows right-to-left text itself: --bidi auto keeps Urdu in logical order)";

const char* kExamples = R"(khabar index --db news.db dump.tar.gz
khabar search --db news.db 'cocoa prices'
khabar search --db news.db --since 1987-03 --until 1987-04 --sort newest oil
khabar search --db news.db 'وزیراعظم' --json
khabar search --db news.db --histogram month flood
khabar show --db news.db reuters-12
khabar stats --db news.db)";

/// The visible subcommands, in the order they were added.
std::vector<const CLI::App*> commands(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
}

/// The options of a command that a user types: named options and positionals, without the help
/// flag, in declaration order.
std::vector<const CLI::Option*> options(const CLI::App& cmd) {
    return cmd.get_options([&](const CLI::Option* o) { return o != cmd.get_help_ptr(); });
}

/// A flag takes no value: CLI11's help formatter shows no value name for it either.
bool is_flag(const CLI::Option& o) {
    return o.get_type_size() == 0 || o.get_type_name().empty();
}

/// Every name of a named option: "-n", "--limit".
std::vector<std::string> names(const CLI::Option& o) {
    std::vector<std::string> out;
    for (const auto& s : o.get_snames()) out.push_back("-" + s);
    for (const auto& l : o.get_lnames()) out.push_back("--" + l);
    return out;
}

/// The placeholder a flag's value is shown with: its type name without the choices ("DIR").
std::string value_name(const CLI::Option& o) {
    std::string t = o.get_type_name();
    if (auto brace = t.find('{'); brace != std::string::npos) t = t.substr(0, brace);
    while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.pop_back();
    if (t.empty() || t == "TEXT") {
        std::string first = names(o).empty() ? o.get_name() : names(o).back();
        t = first;
        std::erase(t, '-');
        for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return t;
}

/// roff: a backslash escaped, a line starting with '.' or '\'' protected, '-' as a minus.
std::string roff(std::string_view text) {
    std::string out;
    bool line_start = true;
    for (char c : text) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
        line_start = c == '\n';
    }
    return out;
}

/// A two-column text (first field up to two spaces) as roff tagged paragraphs.
std::string roff_table(std::string_view text) {
    std::string out;
    std::istringstream in{std::string(text)};
    for (std::string line; std::getline(in, line);) {
        auto gap = line.find("  ");
        out += ".TP\n.B " + roff(line.substr(0, gap)) + "\n";
        out += roff(gap == std::string::npos ? "" : line.substr(line.find_first_not_of(' ', gap))) +
               "\n";
    }
    return out;
}

std::string usage(const CLI::App& cmd) {
    std::string out = "khabar " + cmd.get_name();
    std::string positionals;
    for (const CLI::Option* o : options(cmd)) {
        if (o->nonpositional()) continue;
        positionals += " " + o->get_name() + (o->get_expected_max() > 1 ? "..." : "");
    }
    return out + " [OPTIONS]" + positionals;
}

/// Words for a shell's list, separated by spaces.
std::string joined(const std::vector<std::string>& words, const char* sep = " ") {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : sep) + w;
    return out;
}

/// A description on one line, safe inside single quotes and zsh's [ ] and : syntax.
std::string zsh_text(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') c = ' ';
        if (c == '[') c = '(';
        if (c == ']') c = ')';
        if (c == '\'')
            out += "'\\''";
        else if (c == ':')
            out += "\\:";
        else
            out += c;
    }
    return out;
}

bool wants_directory(const CLI::Option& o) {
    const auto& l = o.get_lnames();
    return std::find(l.begin(), l.end(), "db") != l.end();
}

}  // namespace

std::vector<std::string> option_choices(const CLI::Option& opt) {
    std::string t = opt.get_type_name();
    auto open = t.find('{'), close = t.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open) return {};
    std::vector<std::string> out;
    std::string word;
    for (char c : t.substr(open + 1, close - open - 1)) {
        if (c == ',') {
            if (!word.empty()) out.push_back(word);
            word.clear();
        } else if (c != ' ') {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

std::string main_footer() {
    return std::string("Exit status:\n") + kExitStatus + "\n\nEnvironment:\n" + kEnvironment +
           "\n\nRun `khabar COMMAND --help` for a command's flags; `man khabar` for all of them.";
}

std::string man_page(const CLI::App& app) {
    std::string out;
    out += ".TH KHABAR 1 \"\" \"khabar " KHABAR_VERSION "\" \"User Commands\"\n";
    out += ".SH NAME\nkhabar \\- " + roff(kSummary) + "\n";
    out += ".SH SYNOPSIS\n";
    for (const CLI::App* cmd : commands(app)) out += ".B " + roff(usage(*cmd)) + "\n.br\n";
    out += ".B khabar \\-\\-version\n";
    out += ".SH DESCRIPTION\n";
    out += roff(kDescription) + "\n.PP\n";
    out +=
        "Each command's flags follow; every command also takes \\fB\\-h\\fR, "
        "\\fB\\-\\-help\\fR.\n";
    out += ".SH COMMANDS\n";
    for (const CLI::App* cmd : commands(app)) {
        out += ".SS \"" + roff(usage(*cmd)) + "\"\n" + roff(cmd->get_description()) + ".\n";
        for (const CLI::Option* o : options(*cmd)) {
            out += ".TP\n";
            if (o->nonpositional()) {
                std::string head;
                for (const auto& n : names(*o))
                    head += (head.empty() ? "" : ", ") + ("\\fB" + roff(n) + "\\fR");
                if (!is_flag(*o)) head += " \\fI" + roff(value_name(*o)) + "\\fR";
                out += head + "\n";
            } else {
                out += "\\fI" + roff(o->get_name()) + "\\fR\n";
            }
            std::string desc = o->get_description();
            if (auto choices = option_choices(*o); !choices.empty())
                desc += " (one of: " + joined(choices, ", ") + ")";
            if (!o->get_default_str().empty()) desc += " (default: " + o->get_default_str() + ")";
            out += roff(desc) + "\n";
        }
        std::string footer = cmd->get_footer();
        while (!footer.empty() && footer.front() == '\n') footer.erase(0, 1);
        if (!footer.empty()) out += ".PP\n.nf\n" + roff(footer) + "\n.fi\n";
    }
    out += ".SH \"EXIT STATUS\"\n" + roff_table(kExitStatus);
    out += ".SH ENVIRONMENT\n" + roff_table(kEnvironment);
    out += ".SH EXAMPLES\n.nf\n" + roff(kExamples) + "\n.fi\n";
    out +=
        ".SH \"SEE ALSO\"\n\\fBxapian\\-check\\fR(1), \\fBxapian\\-compact\\fR(1), "
        "\\fBxapian\\-tcpsrv\\fR(1); /usr/share/doc/khabar/README.md\n";
    return out;
}

std::string bash_completion(const CLI::App& app) {
    std::vector<std::string> cmd_names;
    for (const CLI::App* cmd : commands(app)) cmd_names.push_back(cmd->get_name());
    std::string out = R"(# bash completion for khabar (generated by `khabar __docs bash`)
_khabar() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" i
    ((COMP_CWORD > 0)) && prev="${COMP_WORDS[COMP_CWORD-1]}"
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in -*) ;; *) cmd="${COMP_WORDS[i]}"; break ;; esac
    done
    case "$cmd" in
)";
    out += "    \"\") mapfile -t COMPREPLY < <(compgen -W \"" + joined(cmd_names) +
           " --help --version\" -- \"$cur\") ;;\n";
    for (const CLI::App* cmd : commands(app)) {
        std::vector<std::string> flags{"-h", "--help"};
        std::string values;
        bool files = false;
        for (const CLI::Option* o : options(*cmd)) {
            if (!o->nonpositional()) {
                files = files || cmd->get_name() == "index";
                continue;
            }
            for (const auto& n : names(*o)) flags.push_back(n);
            if (is_flag(*o)) continue;
            std::string pattern = joined(names(*o), "|");
            if (wants_directory(*o))
                values += "            " + pattern +
                          ") mapfile -t COMPREPLY < <(compgen -d -- \"$cur\"); return ;;\n";
            else if (auto c = option_choices(*o); !c.empty())
                values += "            " + pattern + ") mapfile -t COMPREPLY < <(compgen -W \"" +
                          joined(c) + "\" -- \"$cur\"); return ;;\n";
            else
                values += "            " + pattern + ") return ;;\n";
        }
        out +=
            "    " + cmd->get_name() + ")\n        case \"$prev\" in\n" + values + "        esac\n";
        out += "        if [[ $cur == -* ]]; then mapfile -t COMPREPLY < <(compgen -W \"" +
               joined(flags) + "\" -- \"$cur\")\n";
        out += files ? "        else mapfile -t COMPREPLY < <(compgen -f -- \"$cur\"); fi ;;\n"
                     : "        fi ;;\n";
    }
    out += "    esac\n    return 0\n}\ncomplete -o filenames -F _khabar khabar khabar-index\n";
    return out;
}

std::string zsh_completion(const CLI::App& app) {
    std::string out =
        "#compdef khabar khabar-index\n# zsh completion for khabar (generated by "
        "`khabar __docs zsh`)\n_khabar() {\n    local -a commands\n    commands=(\n";
    for (const CLI::App* cmd : commands(app))
        out += "        '" + cmd->get_name() + ":" + zsh_text(cmd->get_description()) + "'\n";
    out +=
        "    )\n    if (( CURRENT == 2 )); then\n        _describe 'command' commands\n"
        "        return\n    fi\n    case $words[2] in\n";
    for (const CLI::App* cmd : commands(app)) {
        out += "    " + cmd->get_name() + ")\n        _arguments -s \\\n";
        out += "            '(-h --help)'{-h,--help}'[print help]' \\\n";
        for (const CLI::Option* o : options(*cmd)) {
            std::string desc = zsh_text(o->get_description());
            if (!o->nonpositional()) {
                out += "            '*:" + zsh_text(o->get_name()) + ":" +
                       (cmd->get_name() == "index" ? "_files" : " ") + "' \\\n";
                continue;
            }
            std::string action;
            if (!is_flag(*o)) {
                if (wants_directory(*o))
                    action = ":" + value_name(*o) + ":_directories";
                else if (auto c = option_choices(*o); !c.empty())
                    action = ":" + value_name(*o) + ":(" + joined(c) + ")";
                else
                    action = ":" + value_name(*o) + ": ";
            }
            bool repeat = o->get_expected_max() > 1 || o->get_expected_max() < 0;
            for (const auto& n : names(*o))
                out += "            '" + std::string(repeat ? "*" : "") + n + "[" + desc + "]" +
                       action + "' \\\n";
        }
        out += "            && return\n        ;;\n";
    }
    out += "    esac\n}\n_khabar \"$@\"\n";
    return out;
}

std::string version_text() {
    std::string out = "khabar " KHABAR_VERSION " (git " KHABAR_GIT_REVISION ")\n";
    UVersionInfo icu;
    u_getVersion(icu);
    char icu_text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(icu, icu_text);
    out += "Xapian " + std::string(Xapian::version_string()) + ", ICU " + icu_text;
#ifdef KHABAR_WITH_INDEX
    out += ", " + std::string(archive_version_string());
#else
    out += ", libarchive " ARCHIVE_VERSION_ONLY_STRING " (khabar-index)";
#endif
    out += "\nallocator: ";
#ifdef KHABAR_WITH_INDEX
    // jemalloc, when linked, answers mallctl("version"); looked up so that no header is needed.
    using Mallctl = int (*)(const char*, void*, std::size_t*, void*, std::size_t);
    const char* version = nullptr;
    std::size_t size = sizeof version;
    auto mallctl = reinterpret_cast<Mallctl>(dlsym(RTLD_DEFAULT, "mallctl"));
    if (mallctl && mallctl("version", &version, &size, nullptr, 0) == 0 && version)
        out += "jemalloc " + std::string(version).substr(0, std::string_view(version).find('-'));
    else
        out += "glibc malloc";
#else
    out += KHABAR_INDEX_ALLOCATOR " (khabar index), glibc malloc (searches)";
#endif
    return out;
}

Runner add_docs_command(CLI::App& app) {
    auto what = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("__docs", "write the man page or a shell completion");
    cmd->group("");  // hidden: the build runs it
    cmd->add_option("WHAT", *what, "man, bash or zsh")
        ->required()
        ->check(CLI::IsMember({"man", "bash", "zsh"}));
    return [&app, what]() -> int {
        if (*what == "man") std::cout << man_page(app);
        if (*what == "bash") std::cout << bash_completion(app);
        if (*what == "zsh") std::cout << zsh_completion(app);
        return std::cout.flush() ? 0 : 2;
    };
}

}  // namespace khabar::cli
