// Graceful shutdown with requests in flight: SIGTERM while imports are being
// handled; they finish with their whole answers and their data, new
// connections are refused, and the server ends.
#include "core/model/report_json.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/gate.hpp"
#include "tests/support/server_fixture.hpp"

#include <doctest/doctest.h>

#include <boost/asio/ip/tcp.hpp>

#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

using namespace casechain;
using test::http::status;
using test::http::verb;

namespace {

std::string batch_of(const std::string& prefix, int reports) {
  std::string ndjson;
  for (int i = 0; i < reports; ++i) {
    core::append_report_json(ndjson, test::sample_report(prefix + "." + std::to_string(i)));
    ndjson += '\n';
  }
  return ndjson;
}

// True once a plain TCP connection to the port is refused (the server has stopped accepting).
bool connection_refused(unsigned short port) {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket socket(ioc);
  boost::system::error_code ec;
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
  return ec == boost::asio::error::connection_refused;
}

}  // namespace

TEST_SUITE("api/server") {
  TEST_CASE("SIGTERM with requests in flight: they finish whole, new connections are refused, the server ends") {
    test::server_fixture f;
    auto police = f.log_in("police");
    // Restarted with more I/O threads than requests held, so one stays free to begin the stop.
    f.server->stop();
    api::server_settings settings;
    settings.port = 0;
    settings.threads = 4;
    f.server = api::server::start(settings, *f.app, api::make_server_context(f.tls).value(), f.log).value();
    auto port = f.server->port();
    test::https_client client(f.tls.certificate, port);
    f.server->handle_signals();

    // Requests are held at their start (the server reads the clock as it begins a
    // request) until released, so the test knows they are in flight.
    test::gate gate;
    auto now = f.clock;
    f.app->set_clock([&gate, now] {
      gate.pass();
      return now;
    });
    constexpr int in_flight = 3, per_batch = 4;
    std::vector<test::test_response> answers(in_flight);
    std::vector<std::thread> clients;
    for (int i = 0; i < in_flight; ++i)
      clients.emplace_back([&, i] {
        answers[static_cast<size_t>(i)] = client.send(verb::post, "/api/v1/reports/import", batch_of("B" + std::to_string(i), per_batch),
                                                      test::bearer(police), "application/x-ndjson");
      });
    gate.wait_for_arrivals(in_flight);

    std::thread waiter([&] { f.server->wait(); });
    std::raise(SIGTERM);
    while (!connection_refused(port)) std::this_thread::yield();  // the stop has begun
    CHECK_THROWS(client.get("/healthz"));

    gate.release();
    for (auto& c : clients) c.join();
    waiter.join();  // every I/O thread has ended

    for (const auto& answer : answers) {
      REQUIRE(answer.result() == status::ok);
      CHECK(!answer.keep_alive());  // the connection closes after its answer
      auto body = test::json_of(answer);
      CHECK(body.at("read").as_int64() == per_batch);
      CHECK(body.at("imported").as_int64() == per_batch);
      CHECK(body.at("rejected").as_array().empty());
    }
    auto stored = f.app->db().read([](SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM reports").getInt64(); });
    CHECK(stored == in_flight * per_batch);
    auto log = f.log_text();
    std::size_t logged = 0;
    for (auto at = log.find(R"("route":"/api/v1/reports/import","status":200)"); at != std::string::npos;
         at = log.find(R"("route":"/api/v1/reports/import","status":200)", at + 1))
      ++logged;
    CHECK(logged == in_flight);
  }
}
