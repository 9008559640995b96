// The API benchmark's floor: a bare Beast HTTPS server with the real server's
// TLS context (the same protocol policy and certificate) and I/O threads, but
// no router, authentication, policy, headers or logging. Two answers:
//   GET /constant     a constant JSON body
//   GET /cases/{id}   one row of the cases table read by primary key from
//                     the given database (a reader connection per thread,
//                     opened as the server opens its readers), 404 when absent
// Keep-alive; anything else is 404. Prints "listening on PORT" once bound and
// serves until SIGINT or SIGTERM.
// Usage: casechain_bench_bare_server --data DIR [--port P] [--threads N]
#include "api/server/tls.hpp"
#include "core/data_dir.hpp"
#include "core/store/database.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <SQLiteCpp/Statement.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace casechain;
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

namespace {

using request = http::request<http::string_body>;
using response = http::response<http::string_body>;

std::filesystem::path database_file;

// One reader connection and its prepared statement per I/O thread (SQLite connections are not shared).
struct case_reader {
  core::store::database db;
  SQLite::Statement select;
  explicit case_reader(core::store::database opened)
      : db(std::move(opened)),
        select(db.sql(), "SELECT id, track, step, case_manager_id, opened_at, closed_at FROM cases WHERE id = ?") {}
};

case_reader& thread_reader() {
  thread_local std::unique_ptr<case_reader> reader;
  if (!reader) {
    auto opened = core::store::database::open(database_file, {.migrate = false});
    if (!opened) throw std::runtime_error(opened.error().message);
    reader = std::make_unique<case_reader>(std::move(*opened));
  }
  return *reader;
}

// The row as JSON, or nullopt when there is none.
std::optional<std::string> read_case(std::int64_t id) {
  auto& r = thread_reader();
  r.select.reset();
  r.select.bind(1, id);
  if (!r.select.executeStep()) return std::nullopt;
  std::string body = "{\"id\":" + std::to_string(r.select.getColumn(0).getInt64()) +
                     ",\"track\":" + std::to_string(r.select.getColumn(1).getInt()) + ",\"step\":\"" +
                     r.select.getColumn(2).getString() + "\",\"case_manager\":" +
                     (r.select.getColumn(3).isNull() ? "null" : std::to_string(r.select.getColumn(3).getInt64())) +
                     ",\"opened_at\":\"" + r.select.getColumn(4).getString() + "\",\"closed_at\":" +
                     (r.select.getColumn(5).isNull() ? "null" : "\"" + r.select.getColumn(5).getString() + "\"") + "}";
  return body;
}

response answer(const request& req) {
  response res{http::status::ok, req.version()};
  res.set(http::field::content_type, "application/json");
  std::string_view target = req.target();
  if (target == "/constant") {
    res.body() = R"({"status":"ok"})";
  } else if (target.starts_with("/cases/")) {
    auto digits = target.substr(7);
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    auto row = ec == std::errc{} && end == digits.data() + digits.size() ? read_case(id) : std::nullopt;
    if (row) res.body() = std::move(*row);
    else res.result(http::status::not_found);
  } else {
    res.result(http::status::not_found);
  }
  res.keep_alive(req.keep_alive());
  res.prepare_payload();
  return res;
}

// One connection: handshake, then requests answered in turn until the peer closes.
class session : public std::enable_shared_from_this<session> {
 public:
  session(tcp::socket&& socket, ssl::context& tls) : stream_(std::move(socket), tls) {}

  void start() {
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(10));
    stream_.async_handshake(ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
      if (!ec) self->read();
    });
  }

 private:
  void read() {
    request_ = {};
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(60));
    http::async_read(stream_, buffer_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;  // the peer closed, or a timeout: the connection ends with the session
      self->response_ = answer(self->request_);
      http::async_write(self->stream_, self->response_, [self](beast::error_code e, std::size_t) {
        if (!e && self->response_.keep_alive()) self->read();
      });
    });
  }

  beast::ssl_stream<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
  request request_;
  response response_;
};

void accept(tcp::acceptor& acceptor, net::io_context& ioc, ssl::context& tls) {
  acceptor.async_accept(net::make_strand(ioc), [&](beast::error_code ec, tcp::socket socket) {
    if (!acceptor.is_open()) return;
    if (!ec) std::make_shared<session>(std::move(socket), tls)->start();
    accept(acceptor, ioc, tls);
  });
}

std::string option(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (argv[i] == "--" + name) return argv[i + 1];
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    auto dir = core::data_dir::open(option(argc, argv, "data", "./var"));
    if (!dir) throw std::runtime_error(dir.error().message);
    database_file = dir->database_file();
    auto files = api::ensure_self_signed(dir->root());
    if (!files) throw std::runtime_error(files.error().message);
    auto tls = api::make_server_context(files->files);
    if (!tls) throw std::runtime_error(tls.error().message);
    auto port = static_cast<unsigned short>(std::stoul(option(argc, argv, "port", "0")));
    auto threads = std::stoul(option(argc, argv, "threads", "0"));
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

    net::io_context ioc;
    tcp::acceptor acceptor(ioc, {net::ip::make_address("127.0.0.1"), port});
    std::printf("listening on %u\n", acceptor.local_endpoint().port());
    std::fflush(stdout);
    net::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](beast::error_code, int) { ioc.stop(); });
    accept(acceptor, ioc, **tls);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back([&] { ioc.run(); });
    ioc.run();
    for (auto& t : pool) t.join();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bare server: " << e.what() << "\n";
    return 1;
  }
}
