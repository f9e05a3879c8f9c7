/** @file
 * @brief The HTTP side of `khabar serve`: routes, security headers, embedded assets, signals.
 */
#include "serve/server.h"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <string_view>
#include <thread>

// No TLS, no compression: a local server; httplib.h then needs neither OpenSSL nor zlib.
#include <httplib.h>

#include "error.h"
#include "serve/api.h"

namespace khabar::serve {

namespace {

struct EmbeddedAsset {
    const char* name;
    const unsigned char* data;
    std::size_t size;
};
#include "serve_assets.inc"

/// Scripts, styles and fonts only from this server, no inline script or style, no frames, no
/// plugins, no forms elsewhere: a scraped `<script>` that got into the page could not run.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

const char* content_type(std::string_view name) {
    if (name.ends_with(".html")) return "text/html; charset=utf-8";
    if (name.ends_with(".css")) return "text/css; charset=utf-8";
    if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (name.ends_with(".svg")) return "image/svg+xml";
    if (name.ends_with(".png")) return "image/png";
    return "application/octet-stream";
}

const EmbeddedAsset* find_asset(std::string_view name) {
    for (const auto& a : embedded_assets)
        if (name == a.name) return &a;
    return nullptr;
}

void send(httplib::Response& res, const Response& r) {
    res.status = r.status;
    if (!r.filename.empty())
        res.set_header("Content-Disposition", "attachment; filename=\"" + r.filename + "\"");
    res.set_content(r.body, r.content_type.c_str());
}

void send_asset(httplib::Response& res, std::string_view name) {
    const EmbeddedAsset* a = find_asset(name);
    if (!a) {
        send(res, error_response(404, "no such file"));
        return;
    }
    res.set_content(reinterpret_cast<const char*>(a->data), a->size, content_type(name));
}

Params params_of(const httplib::Request& req) {
    return Params(req.params.begin(), req.params.end());
}

bool loopback(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "::1" ||
           host.rfind("127.", 0) == 0;
}

}  // namespace

int run_server(const ServeOptions& options) {
    // SIGINT and SIGTERM are taken by sigwait below, in this thread only: blocked before any
    // thread starts, so that every server thread inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    Api api(options.databases);
    httplib::Server server;
    server.set_payload_max_length(1 << 20);
    // A response goes out as two writes (head, body): without TCP_NODELAY the body waits for the
    // client's delayed ACK, 40 ms a request on a keep-alive connection (measured: bench/serve).
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1000);  // httplib's default closes after 5 requests
    server.set_read_timeout(10);
    server.set_write_timeout(10);
    server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"Content-Security-Policy", kContentSecurityPolicy},
                                {"Referrer-Policy", "no-referrer"},
                                {"Cache-Control", "no-store"}});

    auto api_route = [&](const char* path, auto handler) {
        server.Get(path, [&api, handler](const httplib::Request& req, httplib::Response& res) {
            send(res, Api::guarded([&] { return handler(req); }));
        });
    };
    api_route("/api/search",
              [&](const httplib::Request& req) { return api.search(params_of(req)); });
    api_route("/api/histogram",
              [&](const httplib::Request& req) { return api.histogram(params_of(req)); });
    api_route("/api/facets",
              [&](const httplib::Request& req) { return api.facets(params_of(req)); });
    api_route("/api/stats", [&](const httplib::Request&) { return api.stats(); });
    api_route(R"(/api/article/(.+))", [&](const httplib::Request& req) {
        return api.article(req.matches[1].str(), params_of(req));
    });
    server.Get("/api/export", [&api](const httplib::Request& req, httplib::Response& res) {
        ExportRequest e;
        try {
            e = parse_export_request(params_of(req));
        } catch (const BadParameter& bad) {
            send(res, error_response(400, bad.what(), bad.parameter));
            return;
        }
        res.set_header("Content-Disposition", "attachment; filename=\"" + e.filename + "\"");
        // Streamed as it is read: every match, without holding the export in memory.
        res.set_chunked_content_provider(
            e.content_type, [&api, e](std::size_t, httplib::DataSink& sink) {
                try {
                    api.write_export(e, [&](const std::string& piece) {
                        return sink.is_writable() && sink.write(piece.data(), piece.size());
                    });
                } catch (const std::exception& err) {
                    std::cerr << "khabar: export stopped: " << err.what() << "\n";
                    return false;  // the client sees a cut-off transfer, not a complete file
                }
                sink.done();
                return true;
            });
    });
    server.Post("/api/batch", [&api](const httplib::Request& req, httplib::Response& res) {
        send(res, Api::guarded([&] { return api.batch(params_of(req), req.body); }));
    });
    // The page: one document for the search page and the article page (the script reads the URL).
    auto page = [](const httplib::Request&, httplib::Response& res) {
        send_asset(res, "index.html");
    };
    server.Get("/", page);
    server.Get(R"(/article/.+)", page);
    server.Get("/batch", page);
    server.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) {
        res.status = 204;  // no icon, and no 404 in the browser's console
    });
    server.Get(R"(/assets/([A-Za-z0-9_.-]+))",
               [](const httplib::Request& req, httplib::Response& res) {
                   send_asset(res, req.matches[1].str());
               });
    // Anything else: 404, as JSON under /api/ and as text elsewhere.
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        const std::string what =
            res.status == 404 ? "no such page: " + req.path : "cannot answer this request";
        if (req.path.rfind("/api/", 0) == 0)
            send(res, error_response(res.status, what));
        else
            res.set_content(what + "\n", "text/plain; charset=utf-8");
    });

    int port = options.port;
    if (port == 0)
        port = server.bind_to_any_port(options.host);
    else if (!server.bind_to_port(options.host, port))
        port = -1;
    if (port < 0)
        throw Error("cannot listen on " + options.host + ":" + std::to_string(options.port),
                    "is another program using the port? choose one with --listen HOST:PORT");
    const bool v6 = options.host.find(':') != std::string::npos;
    const std::string url = "http://" + (v6 ? "[" + options.host + "]" : options.host) + ":" +
                            std::to_string(port) + "/";
    std::cout << url << std::endl;
    if (!loopback(options.host))
        std::cerr << "khabar: warning: listening on " << options.host
                  << ", not only this computer: anyone who can reach it on the network can read "
                     "the archive\n";
    std::cerr << "khabar: serving " << options.databases.size()
              << (options.databases.size() == 1 ? " database" : " databases") << " at " << url
              << " (Ctrl-C stops)\n";

    const pthread_t main_thread = pthread_self();
    std::thread listener([&] {
        server.listen_after_bind();
        pthread_kill(main_thread, SIGTERM);  // stopped by us, or failed: wake sigwait either way
    });
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
    listener.join();
    std::cerr << "khabar: stopped\n";
    return 0;
}

}  // namespace khabar::serve
