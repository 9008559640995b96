#pragma once
// The HTTPS server: an accept loop that keeps accepting after errors (with a
// short back-off), sessions that do the TLS handshake, read requests within
// header and body limits (and a server-wide budget for bodies in flight),
// answer through the router with the security headers, keep connections
// alive and time out every step (idle, header, body, answer); one I/O thread
// per core by default, each with its own connections (taken in turn); requests that touch the database run on a bounded
// worker pool so the I/O threads never wait on SQLite (over its queue limit:
// 503 with Retry-After); a limit on open connections; and a graceful stop:
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
  std::size_t threads = 0;     // I/O threads; 0: one per core
  std::size_t max_connections = 1000;  // over it a new connection is closed at once
  std::chrono::seconds handshake_timeout{10};
  std::chrono::seconds idle_timeout{60};     // waiting for a request's first byte on an open connection
  std::chrono::seconds header_timeout{10};   // the whole header, from its first byte (slowloris)
  std::chrono::seconds body_timeout{60};     // the whole body, from the end of the header
  std::chrono::seconds request_timeout{30};  // writing one answer
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1 << 20;           // 1 MiB; batch imports may send more
  std::size_t import_body_limit = 64 << 20;   // 64 MiB for POST /api/v1/reports/import
  // Bytes of request bodies being read or handled at once, server-wide; a
  // request whose body would pass it gets 503 with Retry-After.
  std::size_t body_budget = 256 << 20;
  std::size_t database_workers = 0;  // threads for requests that touch the database; 0: readers + 2
  std::size_t queue_limit = 256;     // requests waiting for a database worker; over it: 503 with Retry-After
  // For tests only: runs on a database worker before each request it takes.
  std::function<void()> before_database_job;
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

  // Returns once every log line so far is on the log stream (lines are written by a thread of their own).
  void flush_log();

  // For tests and monitoring: requests waiting for a database worker, and open connections.
  std::size_t database_jobs_waiting() const;
  std::size_t open_connections() const;

  struct impl;

 private:
  explicit server(std::unique_ptr<impl> i);
  std::unique_ptr<impl> impl_;
};

}  // namespace casechain::api
