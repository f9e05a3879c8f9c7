/** @file
 * @brief Test helpers: locating inputs and running the khabar binary as a user would.
 */
#include "test_support.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace khabar::test {

namespace {

/// In a forked child: become `bin` with `args` (exit 127 when it cannot be run).
[[noreturn]] void exec_program(const std::string& bin, const std::vector<std::string>& args) {
    std::vector<char*> argv{const_cast<char*>(bin.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
}

}  // namespace

namespace fs = std::filesystem;

static std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

fs::path source_dir() {
    return env_or("KHABAR_SOURCE_DIR", ".");
}

std::optional<fs::path> shared_dir() {
    fs::path p = env_or("KHABAR_SHARED_DIR", (source_dir() / ".." / "shared").string());
    if (fs::exists(p / "corpora")) return p;
    return std::nullopt;
}

bool skip_without_shared(const char* test_name) {
    if (shared_dir()) return false;
    std::cerr << "SKIPPED " << test_name << ": ../shared (corpora, analysis) is not present\n";
    return true;
}

fs::path fresh_tmp_dir(const std::string& name) {
    fs::path p =
        fs::path(env_or("KHABAR_TMP", (fs::temp_directory_path() / "khabar-tests").string())) /
        (name + "-" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

RunResult run_khabar(const std::vector<std::string>& args, const std::string& stdin_text,
                     const std::vector<std::string>& extra_env) {
    std::string bin = env_or("KHABAR_BIN", "khabar");
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(in_pipe[0], 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
            close(fd);
        setenv("NO_COLOR", "1", 1);
        unsetenv("KHABAR_DB");
        for (const auto& kv : extra_env) {
            auto eq = kv.find('=');
            if (eq == std::string::npos)
                unsetenv(kv.c_str());
            else
                setenv(kv.substr(0, eq).c_str(), kv.substr(eq + 1).c_str(), 1);
        }
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(bin.c_str()));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    close(in_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    signal(SIGPIPE, SIG_IGN);
    RunResult r;
    size_t written = 0;
    if (stdin_text.empty()) {
        close(in_pipe[1]);
        in_pipe[1] = -1;
    }
    pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_pipe[1], POLLOUT, 0}};
    int open_reads = 2;
    char buf[65536];
    while (open_reads > 0 || fds[2].fd >= 0) {
        if (poll(fds, 3, -1) < 0) break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP))) {
                ssize_t n = read(fds[i].fd, buf, sizeof buf);
                if (n <= 0) {
                    close(fds[i].fd);
                    fds[i].fd = -1;
                    --open_reads;
                } else {
                    (i == 0 ? r.out : r.err).append(buf, n);
                }
            }
        }
        if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = write(fds[2].fd, stdin_text.data() + written, stdin_text.size() - written);
            if (n > 0) written += n;
            if (n <= 0 || written == stdin_text.size()) {
                close(fds[2].fd);
                fds[2].fd = -1;
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

std::vector<nlohmann::json> hit_data(const std::string& json_lines) {
    std::vector<nlohmann::json> out;
    std::istringstream lines(json_lines);
    std::string line;
    while (std::getline(lines, line)) {
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_discarded() && j.value("type", "") == "hit") out.push_back(std::move(j["data"]));
    }
    return out;
}

std::vector<std::string> hit_ids_of(const std::string& json_lines) {
    std::vector<std::string> ids;
    for (const auto& d : hit_data(json_lines)) ids.push_back(d["id"].get<std::string>());
    return ids;
}

std::vector<std::vector<std::string>> read_tsv(const fs::path& path, std::size_t columns) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string x;
        while (std::getline(ss, x, '\t')) f.push_back(x);
        REQUIRE_MESSAGE(f.size() == columns, "bad line in " << path << ": " << line);
        rows.push_back(std::move(f));
    }
    return rows;
}

pid_t spawn_khabar(const std::vector<std::string>& args, const fs::path& log) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::string bin = env_or("KHABAR_BIN", "khabar");
        FILE* f = std::fopen(log.c_str(), "w");
        if (f) {
            dup2(fileno(f), 1);
            dup2(fileno(f), 2);
        }
        exec_program(bin, args);
    }
    return pid;
}

RunResult run_on_tty(const std::vector<std::string>& args, const std::vector<std::string>& env,
                     unsigned short cols, TtyStream stream) {
    const char* env_bin = std::getenv("KHABAR_BIN");
    const std::string bin = env_bin && *env_bin ? env_bin : "khabar";
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master >= 0);
    REQUIRE(grantpt(master) == 0);
    REQUIRE(unlockpt(master) == 0);
    const std::string slave_name = ptsname(master);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        setsid();
        int slave = open(slave_name.c_str(), O_RDWR);
        if (slave < 0) _exit(126);
        termios t{};
        tcgetattr(slave, &t);
        cfmakeraw(&t);
        tcsetattr(slave, TCSANOW, &t);
        winsize ws{};
        ws.ws_row = 50;
        ws.ws_col = cols;
        ioctl(slave, TIOCSWINSZ, &ws);
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(stream == TtyStream::out ? slave : null, 1);
        dup2(stream == TtyStream::err ? slave : null, 2);
        close(master);
        setenv("NO_COLOR", "1", 1);
        unsetenv("KHABAR_DB");
        for (const char* v : {"COLUMNS", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM"}) unsetenv(v);
        setenv("TERM", "xterm-256color", 1);
        for (const auto& kv : env) {
            auto eq = kv.find('=');
            if (eq == std::string::npos)
                unsetenv(kv.c_str());
            else
                setenv(kv.substr(0, eq).c_str(), kv.substr(eq + 1).c_str(), 1);
        }
        exec_program(bin, args);
    }
    RunResult r;
    char buf[65536];
    for (;;) {
        ssize_t n = read(master, buf, sizeof buf);
        if (n > 0) {
            (stream == TtyStream::out ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        break;  // EIO: the slave side is closed (the program ended)
    }
    int status = 0;
    waitpid(pid, &status, 0);
    close(master);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

const std::string& sample_db(const std::string& name) {
    static std::map<std::string, std::string> made;
    auto it = made.find(name);
    if (it != made.end()) return it->second;
    const std::string p = (fresh_tmp_dir(name) / "db").string();
    auto r = run_khabar(
        {"index", "-q", "--db", p, (source_dir() / "testdata" / "sample-news.tar.gz").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return made.emplace(name, p).first->second;
}

}  // namespace khabar::test
