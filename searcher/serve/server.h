/** @file
 * @brief `khabar serve`: the API (api.h) and the embedded web UI over HTTP (cpp-httplib), until
 *        SIGINT or SIGTERM.
 */
#pragma once

#include <string>
#include <vector>

namespace khabar::serve {

struct ServeOptions {
    std::vector<std::string> databases;
    std::string host = "127.0.0.1";
    int port = 8080;  ///< 0: any free port (the URL printed says which)
};

/// Open the databases, bind, print the URL on stdout and serve until SIGINT or SIGTERM; then stop
/// accepting, finish the requests under way and return 0. Throws khabar::Error when the address
/// cannot be bound or a database cannot be opened.
int run_server(const ServeOptions& options);

}  // namespace khabar::serve
