// The man page and shell completions are generated from the CLI (cli/docs.cc): every flag that
// `--help` lists is in all three, the completions work in a real bash, and --version tells what
// khabar was built from and runs with.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"

using namespace khabar::test;

namespace {

const std::vector<std::string> kCommands = {"index", "search",  "show", "export",
                                            "stats", "compact", "serve"};

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Where the build wrote khabar.1 and the completions: docs/ next to the khabar binary.
std::filesystem::path docs_dir() {
    const char* bin = std::getenv("KHABAR_BIN");
    REQUIRE(bin);
    return std::filesystem::path(bin).parent_path() / "docs";
}

/// The flags a command's --help lists in its OPTIONS section ("-n", "--limit", …).
std::set<std::string> help_flags(const std::string& command) {
    RunResult r = run_khabar({command, "--help"});
    REQUIRE_MESSAGE(r.exit_code == 0, command << " --help: " << r.err);
    std::set<std::string> flags;
    std::istringstream in(r.out);
    bool options = false;
    static const std::regex flag(R"((^|[ ,])(--?[A-Za-z][A-Za-z0-9-]*))");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("Options:", 0) == 0 || line.rfind("OPTIONS:", 0) == 0)
            options = true;
        else if (options && (line.empty() || line[0] != ' '))
            options = false;
        if (!options || line.size() < 3 || line[2] != '-') continue;
        std::string names = line.substr(0, line.find("  ", 2));
        for (std::sregex_iterator it(names.begin(), names.end(), flag), end; it != end; ++it)
            flags.insert((*it)[2]);
    }
    return flags;
}

/// The man page with roff's escaped minus signs as plain '-'.
std::string man_text() {
    std::string man = read_file(docs_dir() / "khabar.1");
    std::string out;
    for (std::size_t i = 0; i < man.size(); ++i) {
        if (man.compare(i, 2, "\\-") == 0) {
            out += '-';
            ++i;
        } else {
            out += man[i];
        }
    }
    return out;
}

/// What bash's completion of khabar offers for the words typed so far (the last one is the word
/// being completed), through the generated script in a real bash.
std::vector<std::string> complete(const std::vector<std::string>& words,
                                  const std::filesystem::path& cwd = ".") {
    std::string array;
    for (const auto& w : words) array += " '" + w + "'";
    std::string script = "cd '" + cwd.string() + "' && source '" +
                         (docs_dir() / "khabar.bash").string() + "' && COMP_WORDS=(khabar" + array +
                         ") && COMP_CWORD=" + std::to_string(words.size()) +
                         " && _khabar && printf '%s\\n' \"${COMPREPLY[@]}\"";
    std::filesystem::path out = fresh_tmp_dir("docs-complete") / "out";
    setenv("KHABAR_TEST_SCRIPT", script.c_str(), 1);
    int rc = std::system(("bash -c \"$KHABAR_TEST_SCRIPT\" > '" + out.string() + "'").c_str());
    REQUIRE_MESSAGE(rc == 0, "bash completion failed for: " << script);
    std::vector<std::string> lines;
    std::istringstream in(read_file(out));
    for (std::string l; std::getline(in, l);)
        if (!l.empty()) lines.push_back(l);
    return lines;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("every flag of every command's --help is in the man page and both completions") {
    std::string man = man_text();
    std::string bash = read_file(docs_dir() / "khabar.bash");
    std::string zsh = read_file(docs_dir() / "_khabar");
    std::size_t checked = 0;
    for (const auto& command : kCommands) {
        std::set<std::string> flags = help_flags(command);
        CHECK_MESSAGE(flags.count("--help") == 1, command << " --help lists no --help");
        CHECK_MESSAGE(flags.size() >= 2, command << ": found only " << flags.size() << " flags");
        INFO("command: " << command);
        CHECK_MESSAGE(man.find("khabar " + command + " [OPTIONS]") != std::string::npos,
                      "no man section for " << command);
        for (const auto& f : flags) {
            INFO("flag: " << f);
            // "\fB--db\fR" in the man page; "--db" as a word of bash's list; "'--db[" in zsh's.
            CHECK(man.find("\\fB" + f + "\\fR") != std::string::npos);
            CHECK((bash.find(" " + f + " ") != std::string::npos ||
                   bash.find("\"" + f + " ") != std::string::npos ||
                   bash.find(" " + f + "\"") != std::string::npos));
            CHECK((zsh.find("'" + f + "[") != std::string::npos ||
                   zsh.find("'*" + f + "[") != std::string::npos ||
                   (zsh.find("{-h,--help}") != std::string::npos && (f == "-h" || f == "--help"))));
            ++checked;
        }
    }
    CHECK(checked > 40);  // index, search, show, export, stats and compact have 50-odd in all
    for (const char* section : {".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH EXAMPLES"})
        CHECK_MESSAGE(man.find(section) != std::string::npos, "man page lacks " << section);
    for (const char* env : {"KHABAR_DB", "NO_COLOR", "COLUMNS"})
        CHECK_MESSAGE(man.find(env) != std::string::npos, "man page lacks " << env);
}

TEST_CASE("bash completion: commands, flags, fixed values, directories for --db, files for index") {
    CHECK(complete({"sea"}) == std::vector<std::string>{"search"});
    CHECK(complete({"se"}) == std::vector<std::string>{"search", "serve"});
    auto sub = complete({""});
    for (const auto& c : kCommands) CHECK_MESSAGE(has(sub, c), "missing command " << c);
    CHECK_FALSE(has(sub, "__docs"));  // the build's own command stays hidden
    CHECK(complete({"search", "--so"}) == std::vector<std::string>{"--sort"});
    CHECK(complete({"search", "--sort", ""}) ==
          std::vector<std::string>{"relevance", "newest", "oldest"});
    CHECK(complete({"search", "--histogram", "m"}) == std::vector<std::string>{"month"});
    CHECK(complete({"index", "--format", "js"}) == std::vector<std::string>{"jsonl", "json"});
    auto dir = fresh_tmp_dir("docs-dirs");
    std::filesystem::create_directory(dir / "news.db");
    std::ofstream(dir / "notes.txt") << "x";
    CHECK(complete({"search", "--db", ""}, dir) == std::vector<std::string>{"news.db"});
    auto paths = complete({"index", ""}, dir);
    CHECK(has(paths, "notes.txt"));
    CHECK(has(paths, "news.db"));
}

TEST_CASE("the man page renders with man(1) and the zsh completion parses") {
    if (std::system("command -v man >/dev/null 2>&1 && command -v zsh >/dev/null 2>&1") != 0) {
        MESSAGE("SKIPPED: man or zsh is not installed (scripts/packages.sh installs them)");
        return;
    }
    auto out = fresh_tmp_dir("docs-man") / "man.txt";
    std::string cmd = "MANWIDTH=80 man -l '" + (docs_dir() / "khabar.1").string() + "' > '" +
                      out.string() + "' 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string page = read_file(out);
    CHECK(page.find("EXIT STATUS") != std::string::npos);
    CHECK(page.find("--since") != std::string::npos);
    CHECK(std::system(("zsh -n '" + (docs_dir() / "_khabar").string() + "'").c_str()) == 0);
}

TEST_CASE("--version: version, git revision, library versions, allocator") {
    RunResult r = run_khabar({"--version"});
    REQUIRE(r.exit_code == 0);
    CHECK(std::regex_search(r.out,
                            std::regex(R"(^khabar \d+\.\d+\.\d+ \(git ([0-9a-f]{7,}|unknown))")));
    CHECK(std::regex_search(r.out, std::regex(R"(Xapian 1\.\d+\.\d+)")));
    CHECK(std::regex_search(r.out, std::regex(R"(ICU \d+\.\d+)")));
    CHECK(std::regex_search(r.out, std::regex(R"(libarchive \d+\.\d+\.\d+)")));
    CHECK(r.out.find("allocator: ") != std::string::npos);
}
