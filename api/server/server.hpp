#pragma once
// The HTTPS server: an accept loop that keeps accepting after errors (with a
// short back-off), sessions that do the TLS handshake, read requests within
// header and body limits, answer through the router with the security
// headers, keep connections alive and time out every step; one I/O thread
// per core by default; a limit on open connections; and a graceful stop:
// no new connections, requests in flight finish, idle connections close.
// One structured log line per request (method, route, status, duration,
// request id); never bodies, tokens or personal data.

#include "api/app/app_state.hpp"
#include "api/http/router.hpp"

#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace casechain::api {

struct server_settings {
  std::string host = "127.0.0.1";
  unsigned short port = 8443;  // 0: any free port (tests)
  std::size_t threads = 0;     // 0: one per core
  std::size_t max_connections = 1000;
  std::chrono::seconds handshake_timeout{10};
  std::chrono::seconds request_timeout{30};   // reading one request, writing one answer
  std::chrono::seconds idle_timeout{60};      // between requests on a kept-alive connection
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1 << 20;           // 1 MiB; batch imports may send more
  std::size_t import_body_limit = 64 << 20;   // 64 MiB for POST /api/v1/reports/import
};

class server {
 public:
  // Binds the listening socket (errors: unavailable, naming the address).
  static core::result<std::unique_ptr<server>> start(const server_settings& settings, app_state& app,
                                                     std::shared_ptr<boost::asio::ssl::context> tls,
                                                     std::ostream& log);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  unsigned short port() const;
  // Stops accepting, lets requests in flight finish, closes idle connections,
  // and returns once every I/O thread has ended. Safe to call twice.
  void stop();
  // Blocks until the server stops (after stop(), or SIGINT/SIGTERM when
  // `handle_signals` was called).
  void wait();
  void handle_signals();

  struct impl;

 private:
  explicit server(std::unique_ptr<impl> i);
  std::unique_ptr<impl> impl_;
};

}  // namespace casechain::api
