// Load and limits, through the real TLS server on 127.0.0.1: a client that
// trickles its header (slowloris) is cut off by the header timeout while
// others are served; a silent connection (or one whose body never comes) is
// closed; the connection limit holds and frees up; a full database queue
// answers 503 with Retry-After at once (made deterministic by holding the
// workers in a test hook, not by timing); the budget for bodies in flight
// refuses with 503; and the server serves normally afterwards.
#include "tests/support/gate.hpp"
#include "tests/support/server_fixture.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace casechain;
using test::http::status;
using test::http::verb;
namespace net = boost::asio;
namespace beast = boost::beast;

namespace {


// One TLS connection under the test's control, byte by byte if need be.
class tls_connection {
 public:
  tls_connection(const std::filesystem::path& ca, unsigned short port) : context_(api::make_client_context(ca).value()) {
    SSL_set_tlsext_host_name(stream_.native_handle(), "localhost");
    beast::get_lowest_layer(stream_).connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    stream_.handshake(net::ssl::stream_base::client);
  }
  // False once the server has closed the connection.
  bool send(std::string_view bytes) {
    beast::error_code ec;
    net::write(stream_, net::buffer(bytes.data(), bytes.size()), ec);
    return !ec;
  }
  // Blocks until the server answers or closes; true when it closed without an answer.
  bool closed_by_server() {
    char byte = 0;
    beast::error_code ec;
    auto n = stream_.read_some(net::buffer(&byte, 1), ec);
    return ec && n == 0;
  }
  // The next answer on the connection.
  beast::http::response<beast::http::string_body> read_answer() {
    beast::http::response<beast::http::string_body> answer;
    beast::http::read(stream_, buffer_, answer);
    return answer;
  }
  void close() {
    beast::error_code ignored;
    beast::get_lowest_layer(stream_).socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(stream_).close();
  }

 private:
  net::io_context ioc_;
  std::shared_ptr<net::ssl::context> context_;
  beast::ssl_stream<beast::tcp_stream> stream_{ioc_, *context_};
  beast::flat_buffer buffer_;
};

template <class Condition>
void wait_until(Condition done) {
  while (!done()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace

TEST_SUITE("api/server limits") {
  TEST_CASE("a client trickling its header is cut off by the header timeout while others are served") {
    api::server_settings settings;
    settings.header_timeout = std::chrono::seconds(1);
    settings.idle_timeout = std::chrono::seconds(60);
    test::server_fixture f(settings);

    tls_connection slow(f.tls.certificate, f.server->port());
    std::atomic<int> sent{0};
    std::atomic<bool> cut{false};
    std::thread trickler([&] {
      // Far longer than the timeout allows at this pace (but within the header size limit).
      auto header = std::string{"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: "} + std::string(3000, 'a');
      for (char c : header) {
        if (!slow.send(std::string_view(&c, 1))) {
          cut = true;
          return;
        }
        ++sent;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    });
    wait_until([&] { return sent >= 3; });
    // Meanwhile others are served, with and without the database.
    CHECK(f.client->get("/healthz").result() == status::ok);
    auto token = f.log_in("police");
    CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::ok);
    trickler.join();
    CHECK(cut);
    CHECK(sent < 3000);  // the whole header never went through
    CHECK(f.client->get("/healthz").result() == status::ok);
  }

  TEST_CASE("requests sent back to back in one write (pipelined) are each answered, in order, bodies included") {
    test::server_fixture f;
    tls_connection c(f.tls.certificate, f.server->port());
    std::string body = R"({"username": "nobody", "password": "not the password at all"})";
    REQUIRE(c.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                   "POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                   "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body +
                   "GET /api/v1/openapi.json HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    auto first = c.read_answer();
    CHECK(first.result() == status::ok);
    CHECK(first.body().find("\"ok\"") != std::string::npos);
    auto second = c.read_answer();
    CHECK(second.result() == status::unauthorized);
    auto third = c.read_answer();
    CHECK(third.result() == status::ok);
    CHECK(third.body().find("\"openapi\"") != std::string::npos);
    CHECK_FALSE(third.keep_alive());
    CHECK(c.closed_by_server());
  }

  TEST_CASE("a silent connection is closed: by the idle, body and handshake timeouts") {
    api::server_settings settings;
    settings.idle_timeout = std::chrono::seconds(1);
    settings.body_timeout = std::chrono::seconds(1);
    settings.handshake_timeout = std::chrono::seconds(1);
    test::server_fixture f(settings);

    tls_connection silent(f.tls.certificate, f.server->port());
    CHECK(silent.closed_by_server());

    // A header whose body never comes: closed by the body timeout.
    tls_connection no_body(f.tls.certificate, f.server->port());
    REQUIRE(no_body.send("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                         "Content-Length: 100\r\n\r\n{"));
    CHECK(no_body.closed_by_server());

    net::io_context ioc;
    net::ip::tcp::socket raw(ioc);
    raw.connect({net::ip::make_address("127.0.0.1"), f.server->port()});
    char byte = 0;
    beast::error_code ec;
    raw.read_some(net::buffer(&byte, 1), ec);  // no handshake sent: the server gives up and closes
    CHECK(ec == net::error::eof);
    wait_until([&] { return f.server->open_connections() == 0; });
    CHECK(f.client->get("/healthz").result() == status::ok);
  }

  TEST_CASE("the connection limit refuses more at once and frees up when connections close") {
    api::server_settings settings;
    settings.max_connections = 3;
    test::server_fixture f(settings);

    std::vector<std::unique_ptr<tls_connection>> held;
    for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<tls_connection>(f.tls.certificate, f.server->port()));
    CHECK(f.server->open_connections() == 3);
    CHECK_THROWS(f.client->get("/healthz"));  // closed before its handshake
    CHECK_THROWS(tls_connection(f.tls.certificate, f.server->port()));

    for (auto& c : held) c->close();
    wait_until([&] { return f.server->open_connections() == 0; });
    CHECK(f.client->get("/healthz").result() == status::ok);
    auto token = f.log_in("police");
    CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::ok);
  }

  TEST_CASE("a full database queue answers 503 with Retry-After at once; routes without the database still answer") {
    test::gate gate;  // holds the database workers at the start of each job
    api::server_settings settings;
    settings.database_workers = 1;
    settings.queue_limit = 2;
    settings.before_database_job = [&gate] { gate.pass(); };
    test::server_fixture f(settings);

    // One request held by the only worker, two waiting: the queue is full.
    std::vector<test::test_response> held(3);
    std::vector<std::thread> clients;
    auto send_held = [&](std::size_t i) {
      clients.emplace_back([&, i] { held[i] = f.client->get("/api/v1/me", test::bearer("not-a-session")); });
    };
    send_held(0);
    gate.wait_for_arrivals(1);
    send_held(1);
    send_held(2);
    wait_until([&] { return f.server->database_jobs_waiting() == 2; });

    auto refused = f.client->get("/api/v1/me", test::bearer("not-a-session"));
    CHECK(refused.result() == status::service_unavailable);
    CHECK(refused[test::http::field::retry_after] == "1");
    CHECK(refused[test::http::field::content_type] == "application/problem+json");
    CHECK(test::json_of(refused).at("status").as_int64() == 503);
    CHECK(f.client->get("/healthz").result() == status::ok);
    CHECK(f.client->get("/api/v1/openapi.json").result() == status::ok);
    CHECK(f.log_text().find(R"("route":"/api/v1/me","status":503)") != std::string::npos);

    gate.release();
    for (auto& c : clients) c.join();
    for (const auto& answer : held) CHECK(answer.result() == status::unauthorized);
    // Served normally after the overload.
    auto token = f.log_in("police");
    CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::ok);
    CHECK(f.server->database_jobs_waiting() == 0);
  }

  TEST_CASE("bodies over the server-wide budget in flight are refused with 503 and Retry-After") {
    api::server_settings settings;
    settings.body_budget = 1000;
    test::server_fixture f(settings);

    auto big = std::string{R"({"username": "police", "password": ")"} + std::string(2000, 'x') + "\"}";
    auto refused = f.client->post("/api/v1/session", big);
    CHECK(refused.result() == status::service_unavailable);
    CHECK(refused[test::http::field::retry_after] == "1");
    // The budget was given back: small bodies pass, as before.
    CHECK(f.log_in("police").size() > 10);
    CHECK(f.log_in("manager").size() > 10);
  }
}
