#include "api/server/server.hpp"

#include "api/handlers/routes.hpp"
#include "api/server/database_jobs.hpp"
#include "api/server/log_sink.hpp"
#include "api/http/audit_trail.hpp"
#include "api/http/problem.hpp"
#include "api/http/security_headers.hpp"
#include "api/http/static_assets.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/util/json_writer.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <openssl/rand.h>

#include <malloc.h>

#include <array>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace casechain::api {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;

class connection;

struct server::impl {
  server_settings settings;
  app_state& app;
  std::shared_ptr<ssl::context> tls;
  std::unique_ptr<router> routes;
  log_sink log;
  std::atomic<std::size_t> body_bytes{0};  // bodies being read or handled, against settings.body_budget
  // One io_context per I/O thread: a connection lives on one thread, so its
  // handlers need no strand and no thread wakes another to run them. The
  // first also runs the acceptor, the back-off timer and the signals.
  std::vector<std::unique_ptr<net::io_context>> contexts = make_contexts(settings.threads);
  std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_running;  // until the stop begins
  std::atomic<std::size_t> next_context{0};
  net::io_context& ioc = *contexts.front();
  tcp::acceptor acceptor{ioc};
  net::steady_timer backoff{ioc};
  std::chrono::milliseconds backoff_delay{0};
  net::signal_set signals{ioc};
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  std::mutex connections_mutex;
  std::unordered_map<std::uint64_t, std::weak_ptr<connection>> connections;
  std::size_t peak_since_trim = 0;  // open connections at most since the last trim (under connections_mutex)
  std::atomic<std::uint64_t> next_connection{1};
  std::atomic<std::uint64_t> next_request{1};
  std::string request_prefix;
  std::once_flag joined;
  // Last, so destroyed first: its queued jobs refer to the members above.
  std::unique_ptr<database_jobs> jobs;

  impl(const server_settings& s, app_state& a, std::shared_ptr<ssl::context> t, std::ostream& l)
      : settings(s), app(a), tls(std::move(t)), routes(build_router()), log(l) {
    jobs = std::make_unique<database_jobs>(s.database_workers ? s.database_workers : a.settings().readers + 2,
                                           s.queue_limit, s.before_database_job);
    unsigned char bytes[4];
    RAND_bytes(bytes, sizeof bytes);
    static constexpr char hex[] = "0123456789abcdef";
    for (auto b : bytes) request_prefix += {hex[b >> 4], hex[b & 15]};
  }

  static std::vector<std::unique_ptr<net::io_context>> make_contexts(std::size_t threads) {
    auto count = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::unique_ptr<net::io_context>> made;
    for (std::size_t t = 0; t < count; ++t) made.push_back(std::make_unique<net::io_context>(1));
    return made;
  }

  std::string new_request_id() { return request_prefix + "-" + std::to_string(next_request++); }

  void write_log(std::string_view line) { log.write(line); }

  void accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void begin_stop();
  void forget(std::uint64_t id) {
    bool idle_after_load = false;
    {
      std::lock_guard lock(connections_mutex);
      connections.erase(id);
      peak_since_trim = std::max(peak_since_trim, connections.size() + 1);
      idle_after_load = connections.empty() && peak_since_trim >= 64;
      if (idle_after_load) peak_since_trim = 0;
    }
    // After a burst of many connections, hand the memory their buffers took
    // back to the system (the allocator keeps it otherwise), so the resident
    // size falls back when the load stops.
    if (idle_after_load) ::malloc_trim(0);
  }
};

// One client connection: TLS handshake, then requests answered in turn.
class connection : public std::enable_shared_from_this<connection> {
 public:
  connection(tcp::socket&& socket, server::impl& srv, std::uint64_t id)
      : stream_(std::move(socket), *srv.tls), server_(srv), id_(id) {
    beast::error_code ec;
    auto endpoint = beast::get_lowest_layer(stream_).socket().remote_endpoint(ec);
    address_ = ec ? "unknown" : endpoint.address().to_string();
  }

  ~connection() { release_body(); }

  void start() { net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->on_start(); }); }

  // From stop(): an idle connection closes now; a busy one after its answer.
  void stop() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) beast::get_lowest_layer(self->stream_).cancel();
    });
  }

 private:
  void on_start() {
    beast::get_lowest_layer(stream_).expires_after(server_.settings.handshake_timeout);
    stream_.async_handshake(ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->finish();
      self->read_request();
    });
  }

  void read_request() {
    busy_ = false;
    release_body();
    if (server_.stopping) return shutdown();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.settings.header_limit));
    // The header phase allows the largest body any route takes; on_header
    // applies the route's own limit (the parser checks a declared length as
    // soon as the header is complete).
    parser_->body_limit(std::max(server_.settings.body_limit, server_.settings.import_body_limit));
    if (buffer_.size() > 0) return read_header();  // the next request is already here (pipelined)
    // An idle keep-alive connection may wait for its next request's first
    // byte; from there the whole header must come within the header timeout,
    // so a client trickling bytes (slowloris) cannot hold the connection.
    beast::get_lowest_layer(stream_).expires_after(server_.settings.idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec) return self->finish();
      self->buffer_.commit(n);
      self->read_header();
    });
  }

  void read_header() {
    // The bytes already here usually hold the whole header: parse them now rather
    // than through another asynchronous read (a round trip through the scheduler,
    // often to the other I/O thread). Parsing stops at the end of the header.
    if (buffer_.size() > 0) {
      beast::error_code ec;
      buffer_.consume(parser_->put(buffer_.data(), ec));
      if (ec != http::error::need_more) return on_header(ec);
    }
    beast::get_lowest_layer(stream_).expires_after(server_.settings.header_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec == http::error::header_limit) return answer_error(http::status::request_header_fields_too_large, "the request's headers are too large");
    if (ec == http::error::body_limit) {
      drain_bytes_ = 4 * server_.settings.import_body_limit;
      return answer_error(http::status::payload_too_large, "the request's body is too large");
    }
    if (ec) return finish();  // end of stream, timeout, a closed or garbled connection
    busy_ = true;
    started_ = std::chrono::steady_clock::now();
    auto limit = parser_->get().target() == "/api/v1/reports/import" ? server_.settings.import_body_limit
                                                                      : server_.settings.body_limit;
    parser_->body_limit(limit);
    // A declared body over the limit is refused before it is read; the bytes
    // already on their way are read and dropped, so the client sees the answer
    // instead of a reset connection.
    if (auto declared = parser_->content_length(); declared && *declared > limit) {
      drain_bytes_ = std::min<std::uint64_t>(*declared, 4 * server_.settings.import_body_limit);
      return answer_error(http::status::payload_too_large, "the request's body is too large");
    }
    // The server-wide budget for bodies in flight bounds memory however many
    // connections send at once (a chunked body may grow to the route's limit).
    auto length = parser_->content_length();
    std::uint64_t needed = length ? *length : (parser_->chunked() ? limit : 0);
    if (!reserve_body(needed)) {
      drain_bytes_ = needed;
      return answer_error(http::status::service_unavailable, "the server is receiving too much at once; try again shortly",
                          true);
    }
    // A request without a body (most GETs) is complete with its header: no read, no timer.
    if (parser_->is_done()) return handle(parser_->release());
    beast::get_lowest_layer(stream_).expires_after(server_.settings.body_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code e, std::size_t) { self->on_read(e); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      drain_bytes_ = 4 * server_.settings.import_body_limit;
      return answer_error(http::status::payload_too_large, "the request's body is too large");
    }
    if (ec) return finish();
    handle(parser_->release());
  }

  // What a request's answer needs once the handler has run (on whichever thread ran it).
  struct answer_in_progress {
    response res;
    std::string request_id;
    std::vector<core::audit::audit_entry> audit;
    bool audit_committed = false;
    bool keep = false;
    std::string method;
    std::string route;
  };

  // Static files and routes that need no database are answered here, on the
  // I/O thread; the others go to the database workers, or get 503 at once
  // when their queue is full.
  void handle(request req) {
    if (auto asset = static_asset(req)) return deliver(finished(req, std::move(*asset)));
    if (!server_.routes->needs_database(req.method(), req.target())) return deliver(respond(req));
    auto held = std::make_shared<request>(std::move(req));
    auto guard = std::make_shared<net::executor_work_guard<net::any_io_executor>>(stream_.get_executor());
    bool queued = server_.jobs->try_submit([self = shared_from_this(), held, guard] {
      auto answer = self->respond(*held);
      // Entries to commit go to the group commit from here: its answer reaches the
      // connection's thread once, instead of a hop there and another back.
      if (!answer.audit.empty() && !answer.audit_committed) return self->deliver_when_recorded(std::move(answer));
      auto ready = std::make_shared<answer_in_progress>(std::move(answer));
      net::post(self->stream_.get_executor(), [self, ready, guard] { self->deliver(std::move(*ready)); });
    });
    if (queued) return;
    auto id = server_.new_request_id();
    auto busy = problem(http::status::service_unavailable, "the server is busy; try again shortly", id, {}, held->version());
    busy.set(http::field::retry_after, "1");
    deliver(finished(*held, std::move(busy), id));
  }

  // Runs the router (on a database worker, or here for routes without the database).
  answer_in_progress respond(const request& req) {
    request_context context{req, server_.app, server_.new_request_id(), address_, server_.app.now(), {}, {}, {}, 0, {}, {}, {}, false};
    response res;
    try {
      res = server_.routes->handle(context);
      finish_audit(context, res.result_int());
    } catch (const SQLite::Exception& e) {
      // A database failure no store call caught: a full or failing disk is
      // still a 503 (retry later), not an unexpected fault.
      auto failure = core::store::from_sqlite(e, "answer the request");
      if (failure.code == core::errc::internal)
        server_.write_log(R"({"level":"error","request_id":")" + context.request_id + R"(","error":"database fault"})");
      res = problem(failure, context.request_id, req.version());
      context.audit.clear();
    } catch (const std::exception& e) {
      // Unexpected faults: logged with the request id, answered without details.
      server_.write_log(R"({"level":"error","request_id":")" + context.request_id + R"(","error":"unexpected fault"})");
      res = problem(http::status::internal_server_error, "an unexpected fault; quote the request id", context.request_id,
                    {}, req.version());
      context.audit.clear();
    }
    auto answer = finished(req, std::move(res), context.request_id);
    answer.audit = std::move(context.audit);
    answer.audit_committed = context.audit_committed;
    return answer;
  }

  answer_in_progress finished(const request& req, response res, std::string id = {}) {
    answer_in_progress a;
    a.res = std::move(res);
    a.request_id = id.empty() ? server_.new_request_id() : std::move(id);
    a.keep = req.keep_alive() && !server_.stopping;
    a.method = std::string(req.method_string().substr(0, 16));
    a.route = server_.routes->pattern_of(req.method(), req.target());
    return a;
  }

  // On the connection's thread: the answer leaves, after its audit entries are durable.
  void deliver(answer_in_progress a) {
    if (!a.audit.empty() && !a.audit_committed) return deliver_when_recorded(std::move(a));
    log_request(a.method, a.route, a.request_id, a.res.result_int());
    write(std::move(a.res), a.keep);
  }

  // From any thread: the answer leaves on the connection's thread once its audit
  // entries are durable (group commit), or as a 503 when they cannot be written.
  void deliver_when_recorded(answer_in_progress a) {
    auto pending = std::make_shared<response>(std::move(a.res));
    auto guard = std::make_shared<net::executor_work_guard<net::any_io_executor>>(stream_.get_executor());
    server_.app.audit_commits().submit(
        std::move(a.audit),
        [self = shared_from_this(), pending, guard, keep = a.keep, method = a.method, route = a.route,
         id = a.request_id](const core::result<void>& r) {
          net::post(self->stream_.get_executor(), [self, pending, guard, keep, method, route, id, ok = bool(r)] {
            if (!ok) *pending = problem(http::status::service_unavailable,
                                        "the access could not be recorded in the audit trail; try again shortly", id, {},
                                        pending->version());
            self->log_request(method, route, id, pending->result_int());
            self->write(std::move(*pending), keep && ok);
          });
        });
  }

  bool reserve_body(std::uint64_t bytes) {
    if (bytes == 0) return true;
    auto before = server_.body_bytes.fetch_add(bytes);
    if (before + bytes > server_.settings.body_budget) {
      server_.body_bytes.fetch_sub(bytes);
      return false;
    }
    reserved_ = bytes;
    return true;
  }

  void release_body() {
    if (reserved_ == 0) return;
    server_.body_bytes.fetch_sub(reserved_);
    reserved_ = 0;
  }

  void answer_error(http::status status, std::string_view detail, bool retry_later = false) {
    busy_ = true;
    started_ = std::chrono::steady_clock::now();
    auto id = server_.new_request_id();
    auto res = problem(status, detail, id);
    if (retry_later) res.set(http::field::retry_after, "1");
    write(std::move(res), false);
  }

  void write(response res, bool keep_alive) {
    add_security_headers(res);
    res.keep_alive(keep_alive);
    res.prepare_payload();
    auto shared = std::make_shared<response>(std::move(res));
    beast::get_lowest_layer(stream_).expires_after(server_.settings.request_timeout);
    http::async_write(stream_, *shared, [self = shared_from_this(), shared](beast::error_code ec, std::size_t) {
      if (ec) return self->finish();
      if (self->drain_bytes_ > 0) return self->drain(self->buffer_.size());
      if (!shared->keep_alive()) return self->shutdown();
      self->read_request();
    });
  }

  // Reads and drops what remains of a refused body (within a time limit), then closes.
  void drain(std::uint64_t drained) {
    buffer_.consume(buffer_.size());
    if (drained >= drain_bytes_) return shutdown();
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    stream_.async_read_some(net::buffer(scratch_), [self = shared_from_this(), drained](beast::error_code ec, std::size_t n) {
      if (ec) return self->finish();
      self->drain(drained + n);
    });
  }

  void log_request(std::string_view method, const std::string& route, const std::string& request_id, unsigned status) {
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    std::string line;
    core::json_writer w(line);
    w.begin_object();
    w.field("time", core::format_timestamp(core::now_utc()));
    w.field("request_id", request_id);
    w.field("method", method);
    w.field("route", route.empty() ? "(unknown)" : route);  // the pattern, never the raw path or query
    w.field("status", std::int64_t{status});
    w.key("ms");
    char formatted[32];
    std::snprintf(formatted, sizeof formatted, "%.3f", ms);
    w.raw(formatted);
    w.end_object();
    server_.write_log(line);
  }

  void shutdown() {
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    // A peer that closes without close_notify ends with stream_truncated: a normal end.
    stream_.async_shutdown([self = shared_from_this()](beast::error_code) { self->finish(); });
  }

  void finish() {
    release_body();
    beast::error_code ignored;
    beast::get_lowest_layer(stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(stream_).close();
    server_.forget(id_);
  }

  beast::ssl_stream<beast::tcp_stream> stream_;
  server::impl& server_;
  std::uint64_t id_;
  std::string address_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool busy_ = false;
  std::uint64_t drain_bytes_ = 0;
  std::uint64_t reserved_ = 0;  // of the server's body budget
  std::array<char, 16384> scratch_{};
  std::chrono::steady_clock::time_point started_;
};

void server::impl::accept() {
  auto& home = *contexts[next_context++ % contexts.size()];  // connections take the threads in turn
  acceptor.async_accept(home.get_executor(), [this](beast::error_code ec, tcp::socket socket) {
    on_accept(ec, std::move(socket));
  });
}

void server::impl::on_accept(beast::error_code ec, tcp::socket socket) {
  if (stopping) return;
  if (ec) {
    // Out of file descriptors or a passing network fault: back off, keep accepting.
    backoff_delay = std::min(std::max(backoff_delay * 2, std::chrono::milliseconds(10)), std::chrono::milliseconds(1000));
    write_log(R"({"level":"warning","event":"accept failed","error":")" + ec.message() + "\"}");
    backoff.expires_after(backoff_delay);
    backoff.async_wait([this](beast::error_code) {
      if (!stopping) accept();
    });
    return;
  }
  backoff_delay = std::chrono::milliseconds(0);
  std::shared_ptr<connection> c;
  {
    std::lock_guard lock(connections_mutex);
    if (connections.size() < settings.max_connections) {
      auto id = next_connection++;
      c = std::make_shared<connection>(std::move(socket), *this, id);
      connections[id] = c;
    }
  }
  if (c) c->start();
  else {
    beast::error_code ignored;
    socket.close(ignored);  // over the limit: refuse at once rather than queue
  }
  accept();
}

void server::impl::begin_stop() {
  net::post(ioc, [this] {
    if (stopping.exchange(true)) return;
    beast::error_code ignored;
    acceptor.close(ignored);
    backoff.cancel();
    signals.cancel();
    keep_running.clear();  // each thread ends once its connections have
    std::vector<std::shared_ptr<connection>> open;
    {
      std::lock_guard lock(connections_mutex);
      for (auto& [id, weak] : connections)
        if (auto c = weak.lock()) open.push_back(c);
    }
    for (auto& c : open) c->stop();
  });
}

server::server(std::unique_ptr<impl> i) : impl_(std::move(i)) {}

server::~server() { stop(); }

core::result<std::unique_ptr<server>> server::start(const server_settings& settings, app_state& app,
                                                    std::shared_ptr<ssl::context> tls, std::ostream& log) {
  auto i = std::make_unique<impl>(settings, app, std::move(tls), log);
  beast::error_code ec;
  auto address = net::ip::make_address(settings.host, ec);
  if (ec) return core::fail(core::errc::invalid_argument, "--listen: '" + settings.host + "' is not an IP address");
  tcp::endpoint endpoint{address, settings.port};
  auto where = settings.host + ":" + std::to_string(settings.port);
  i->acceptor.open(endpoint.protocol(), ec);
  if (!ec) i->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) i->acceptor.bind(endpoint, ec);
  if (!ec) i->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return core::fail(core::errc::unavailable, "cannot listen on " + where + ": " + ec.message());
  i->accept();
  for (auto& context : i->contexts) {
    i->keep_running.push_back(net::make_work_guard(*context));
    i->threads.emplace_back([context = context.get()] { context->run(); });
  }
  return std::unique_ptr<server>(new server(std::move(i)));
}

unsigned short server::port() const {
  beast::error_code ec;
  auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? impl_->settings.port : endpoint.port();
}

std::size_t server::database_jobs_waiting() const { return impl_->jobs->waiting(); }

void server::flush_log() { impl_->log.flush(); }

std::size_t server::open_connections() const {
  std::lock_guard lock(impl_->connections_mutex);
  return impl_->connections.size();
}

void server::handle_signals() {
  impl_->signals.add(SIGINT);
  impl_->signals.add(SIGTERM);
  impl_->signals.async_wait([raw = impl_.get()](beast::error_code ec, int) {
    if (!ec) raw->begin_stop();
  });
}

void server::wait() {
  std::call_once(impl_->joined, [this] {
    for (auto& t : impl_->threads) t.join();
  });
}

void server::stop() {
  if (!impl_) return;
  impl_->begin_stop();
  wait();
}

}  // namespace casechain::api
