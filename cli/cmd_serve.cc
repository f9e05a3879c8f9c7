/** @file
 * @brief `khabar serve`: the flags; the server is searcher/serve/server.h.
 */
#include <charconv>

#include "commands.h"
#include "error.h"
#include "flags.h"
#include "serve/server.h"

namespace khabar::cli {

namespace {

const char* kServeHelp = R"(
Serves a web page for searching the databases, and a JSON API, until
Ctrl-C (or SIGTERM); exits 0. Every page, script and style is inside
the program: it works with no network. The databases are only read; a
`khabar index` running on one of them is seen at the next request.

Pages: /  (the search page; its URL holds the search: /?q=oil&since=1987-03&sort=newest)
       /article/ID   /batch (a count per query of a list)
API (JSON; errors are {"error": ..., "parameter": ...} with status 400,
or 404 for an unknown path or id):
  /api/search?q=&since=&until=&sort=&n=&offset=&lang=   the data of search --json:
                     {"begin": {...}, "hits": [...], "summary": {...}}
                     (&format=jsonl: search --json's lines as they are)
  /api/article/ID    show --json's object (&q=: "highlights" of its words)
  /api/histogram?q=&by=year|month|day|auto   search --histogram --json's data
  /api/facets?q=     matches per lang, source and section
  /api/stats         stats --json's object
  /api/export?q=&format=csv|csv-excel|jsonl   every match, as search --export
  POST /api/batch?by=year|month|day&format=json|csv   queries in the body,
                     one a line: matching articles per query (and period)

--listen takes HOST:PORT; the default 127.0.0.1:8080 is this computer
only. Another address (0.0.0.0: every network) must be given and is
warned about: anyone who can reach it can read the archive. Port 0 takes
any free port; the URL printed on stdout says which.

Examples:
  khabar serve --db news.db
  curl 'http://127.0.0.1:8080/api/search?q=cocoa&n=3')";

/// "HOST:PORT" or "[V6]:PORT" → host and port; throws khabar::Error when malformed.
void parse_listen(const std::string& listen, serve::ServeOptions& o) {
    const std::size_t colon = listen.rfind(':');
    std::string host = colon == std::string::npos ? "" : listen.substr(0, colon);
    const std::string port = colon == std::string::npos ? "" : listen.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    int n = -1;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
    if (host.empty() || ec != std::errc() || end != port.data() + port.size() || n < 0 || n > 65535)
        throw Error("bad --listen '" + listen + "'",
                    "use HOST:PORT, e.g. 127.0.0.1:8080 (port 0: any free port)");
    o.host = host;
    o.port = n;
}

}  // namespace

Runner add_serve_command(CLI::App& app) {
    struct Flags {
        DatabaseFlag db;
        std::string listen = "127.0.0.1:8080";
    };
    auto flags = std::make_shared<Flags>();
    auto* cmd =
        app.add_subcommand("serve", "Search in a web browser: a local web page and JSON API");
    cmd->footer(kServeHelp);
    flags->db.add_to(*cmd, "database (repeat to search several as one)");
    cmd->add_option("--listen", flags->listen, "HOST:PORT to serve on")->capture_default_str();
    return [flags]() -> int {
        serve::ServeOptions o;
        parse_listen(flags->listen, o);
        o.databases = flags->db.paths();
        return serve::run_server(o);
    };
}

}  // namespace khabar::cli
