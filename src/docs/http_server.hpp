#pragma once

// A small HTTP/1.1 server on POSIX sockets: a thread per connection (a browser's idle
// preconnection must not hold up the others), GET and HEAD only, "Connection: close" after every
// answer. Enough for one person's browser on 127.0.0.1.

#include <csignal>
#include <functional>
#include <string>

namespace flick::docs {

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
};

// Answers a GET for `path` (percent-decoded, without the query string).
using HttpHandler = std::function<HttpResponse(const std::string& path)>;

class HttpServer {
 public:
  // Listens on 127.0.0.1:`port` (0: a free port the system picks). Throws flick::UserError when
  // the port cannot be bound.
  explicit HttpServer(int port);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }

  // Answers requests until `stop` becomes non-zero (looked at least every 200 ms), then waits
  // for the connections being answered. `handler` is called from several threads at once.
  void run(const HttpHandler& handler, const volatile std::sig_atomic_t& stop);

 private:
  static void answer(int connection, const HttpHandler& handler);

  int socket_ = -1;
  int port_ = 0;
};

}  // namespace flick::docs
