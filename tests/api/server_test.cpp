// The HTTPS API through the real server over TLS on loopback.
#include "api/handlers/routes.hpp"
#include "core/store/case_store.hpp"
#include "chain/case_service.hpp"
#include "tests/support/sample_report.hpp"
#include "core/model/report_json.hpp"
#include "tests/support/server_fixture.hpp"

#include <doctest/doctest.h>

#include <set>
#include <thread>

using namespace casechain;
using test::http::status;
using test::http::verb;

namespace {

void check_security_headers(const test::test_response& r) {
  CHECK(r[test::http::field::strict_transport_security] == "max-age=63072000; includeSubDomains");
  CHECK(r[test::http::field::cache_control] == "no-store");
  CHECK(r["X-Content-Type-Options"] == "nosniff");
  CHECK(r["Content-Security-Policy"].find("default-src 'self'") == 0);
  CHECK(r["Referrer-Policy"] == "no-referrer");
  CHECK(r.find(test::http::field::server) == r.end());
}

std::string report_json(const std::string& ref) {
  auto r = test::sample_report(ref);
  std::string out;
  core::append_report_json(out, r);
  return out;
}

}  // namespace

TEST_SUITE("api/server") {
  TEST_CASE("health answers without log-in, and every answer carries the security headers") {
    test::server_fixture f;
    auto health = f.client->get("/healthz");
    CHECK(health.result() == status::ok);
    CHECK(test::json_of(health).at("status").as_string() == "ok");
    check_security_headers(health);
    for (const auto& r : {f.client->get("/api/v1/cases"), f.client->get("/nowhere"), f.client->get("/api/v1/cases/abc"),
                          f.client->send(verb::put, "/healthz")}) {
      CHECK(r[test::http::field::content_type] == "application/problem+json");
      check_security_headers(r);
    }
    CHECK(f.client->get("/api/v1/cases").result() == status::unauthorized);
    CHECK(f.client->get("/nowhere").result() == status::not_found);
    CHECK(f.client->get("/api/v1/cases/abc").result() == status::bad_request);
    CHECK(f.client->send(verb::put, "/healthz").result() == status::method_not_allowed);
  }

  TEST_CASE("log-in gives a token and a cookie; a wrong password and an unknown user look the same; log-out ends it") {
    test::server_fixture f;
    auto ok = f.client->post("/api/v1/session", R"({"username": "manager", "password": "a long passphrase 42"})");
    REQUIRE(ok.result() == status::ok);
    auto body = test::json_of(ok);
    auto token = std::string(body.at("token").as_string());
    CHECK(token.size() == 43);
    CHECK(body.at("user").at("username").as_string() == "manager");
    auto cookie = std::string(ok[test::http::field::set_cookie]);
    CHECK(cookie.find("__Host-casechain-session=" + token) == 0);
    CHECK(cookie.find("Secure; HttpOnly; SameSite=Strict") != std::string::npos);

    auto wrong = f.client->post("/api/v1/session", R"({"username": "manager", "password": "not the password"})");
    auto unknown = f.client->post("/api/v1/session", R"({"username": "nobody", "password": "not the password"})");
    CHECK(wrong.result() == status::unauthorized);
    CHECK(unknown.result() == status::unauthorized);
    CHECK(test::json_of(wrong).at("detail") == test::json_of(unknown).at("detail"));

    CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::ok);
    CHECK(f.client->send(verb::delete_, "/api/v1/session", {}, test::bearer(token)).result() == status::no_content);
    CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::unauthorized);
    CHECK(f.log_text().find(token) == std::string::npos);  // never logged
  }

  TEST_CASE("after log-out no reader connection still sees the session (cached statements hold no old snapshot)") {
    test::server_fixture f;
    auto token = f.log_in("manager");
    // Enough reads for every pooled reader to have the session query cached.
    for (int i = 0; i < 16; ++i) REQUIRE(f.client->get("/api/v1/me", test::bearer(token)).result() == status::ok);
    REQUIRE(f.client->send(verb::delete_, "/api/v1/session", {}, test::bearer(token)).result() == status::no_content);
    for (int i = 0; i < 16; ++i) CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::unauthorized);
  }

  TEST_CASE("failed log-ins are throttled with Retry-After, per account") {
    test::server_fixture f;
    for (int i = 0; i < 5; ++i)
      CHECK(f.client->post("/api/v1/session", R"({"username": "police", "password": "wrong password!"})").result() ==
            status::unauthorized);
    auto throttled = f.client->post("/api/v1/session", R"({"username": "police", "password": "a long passphrase 42"})");
    CHECK(throttled.result() == status::too_many_requests);
    CHECK(!throttled[test::http::field::retry_after].empty());
    f.clock += std::chrono::minutes(16);  // the window has passed
    CHECK(f.client->post("/api/v1/session", R"({"username": "police", "password": "a long passphrase 42"})").result() ==
          status::ok);
  }

  TEST_CASE("colleagues behind one address do not wait for each other's typos; a guesser across names does") {
    test::server_fixture f;  // every client here comes from 127.0.0.1, as an office behind one router
    for (auto name : {"police", "prosecutor", "social", "manager"})
      for (int i = 0; i < 4; ++i)
        CHECK(f.client->post("/api/v1/session", R"({"username": ")" + std::string(name) +
                                                    R"(", "password": "wrong password!"})").result() == status::unauthorized);
    for (auto name : {"police", "prosecutor", "social", "manager"}) CHECK(!f.log_in(name).empty());
    for (int i = 0; i < 34; ++i)
      CHECK(f.client->post("/api/v1/session", R"({"username": "nobody)" + std::to_string(i) +
                                                  R"(", "password": "wrong password!"})").result() == status::unauthorized);
    // 50 failures from the address: now every name from it waits.
    auto throttled = f.client->post("/api/v1/session", R"({"username": "triage1", "password": "a long passphrase 42"})");
    CHECK(throttled.result() == status::too_many_requests);
    CHECK(!throttled[test::http::field::retry_after].empty());
  }

  TEST_CASE("sessions time out when idle and absolutely, and disabling a user ends its rights at once") {
    test::server_fixture f;
    auto token = f.log_in("coordinator");
    f.clock += std::chrono::minutes(29);
    CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::ok);
    f.clock += std::chrono::minutes(31);
    CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::unauthorized);

    // Busy all day: never idle for 30 minutes, yet the session ends after 12 hours.
    auto kept_busy = f.log_in("coordinator");
    auto logged_in_at = f.clock;
    while (f.clock + std::chrono::minutes(25) < logged_in_at + std::chrono::hours(12)) {
      f.clock += std::chrono::minutes(25);
      CHECK(f.client->get("/api/v1/me", test::bearer(kept_busy)).result() == status::ok);
    }
    f.clock = logged_in_at + std::chrono::hours(12) + std::chrono::minutes(1);
    CHECK(f.client->get("/api/v1/me", test::bearer(kept_busy)).result() == status::unauthorized);

    auto third = f.log_in("coordinator");
    f.app->db().write([&](SQLite::Database& db) {
      return core::store::set_user_disabled(db, f.users["coordinator"].id, true).value(), 0;
    });
    CHECK(f.client->get("/api/v1/me", test::bearer(third)).result() == status::unauthorized);
  }

  TEST_CASE("routes check roles: 401 without log-in, 403 for a role that may not") {
    test::server_fixture f;
    auto triage = f.log_in("triage1"), manager = f.log_in("manager"), admin = f.log_in("admin");
    CHECK(f.client->get("/api/v1/triage/queue").result() == status::unauthorized);
    CHECK(f.client->get("/api/v1/triage/queue", test::bearer(manager)).result() == status::forbidden);
    CHECK(f.client->get("/api/v1/triage/queue", test::bearer(triage)).result() == status::ok);
    CHECK(f.client->get("/api/v1/cases", test::bearer(admin)).result() == status::forbidden);
    CHECK(f.client->post("/api/v1/reports", report_json("R1"), test::bearer(manager)).result() == status::forbidden);
  }

  TEST_CASE("cookie sessions need the CSRF token on unsafe methods") {
    test::server_fixture f;
    auto ok = f.client->post("/api/v1/session", R"({"username": "triage1", "password": "a long passphrase 42"})");
    auto body = test::json_of(ok);
    std::string cookie = "__Host-casechain-session=" + std::string(body.at("token").as_string());
    std::string csrf(body.at("csrf_token").as_string());
    CHECK(f.client->get("/api/v1/triage/queue", {{"Cookie", cookie}}).result() == status::ok);
    CHECK(f.client->post("/api/v1/reports", report_json("C1"), {{"Cookie", cookie}}).result() == status::forbidden);
    CHECK(f.client->post("/api/v1/reports", report_json("C1"), {{"Cookie", cookie}, {"X-CSRF-Token", "wrong"}}).result() ==
          status::forbidden);
    CHECK(f.client->post("/api/v1/reports", report_json("C1"), {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}).result() ==
          status::created);
  }

  TEST_CASE("a report goes in, is triaged, decided, and opens a case its case manager can move") {
    test::server_fixture f;
    auto police = f.log_in("police"), triage = f.log_in("triage1"), manager = f.log_in("manager");
    auto added = f.client->post("/api/v1/reports", report_json("AN.1"), test::bearer(police));
    REQUIRE(added.result() == status::created);
    auto report = test::json_of(added);
    CHECK(report.at("triage").at("track").as_int64() == 3);  // the sample has a restraining order
    CHECK(report.at("triage").at("instrument").as_string() == "swift-1");
    auto id = std::to_string(report.at("id").as_int64());
    CHECK(f.client->post("/api/v1/reports", report_json("AN.1"), test::bearer(police)).result() == status::conflict);

    auto queue = test::json_of(f.client->get("/api/v1/triage/queue", test::bearer(triage)));
    CHECK(queue.at("reports").as_array().size() == 1);
    auto decided = f.client->post("/api/v1/reports/" + id + "/decision", R"({"track": 3})", test::bearer(triage));
    REQUIRE(decided.result() == status::ok);
    auto case_id = test::json_of(decided).at("case").as_int64();

    // The case manager cannot know the case until appointed to it: the same 404 as for no case at all.
    auto hidden = f.client->get("/api/v1/cases/" + std::to_string(case_id), test::bearer(manager));
    auto missing = f.client->get("/api/v1/cases/999999", test::bearer(manager));
    CHECK(hidden.result() == status::not_found);
    CHECK(missing.result() == status::not_found);
    CHECK(test::json_of(hidden).at("detail") == test::json_of(missing).at("detail"));

    f.app->db().write([&](SQLite::Database& db) {
      return chain::assign_case_manager(db, case_id, f.users["manager"].id, {f.users["coordinator"].id, f.clock}).value(), 0;
    });
    auto seen = f.client->get("/api/v1/cases/" + std::to_string(case_id), test::bearer(manager));
    REQUIRE(seen.result() == status::ok);
    CHECK(test::json_of(seen).at("access").at("action_plan").as_string() == "write");
    auto refused = f.client->post("/api/v1/cases/" + std::to_string(case_id) + "/transitions", R"({"to": "crisis"})",
                                  test::bearer(manager));
    CHECK(refused.result() == status::conflict);
    auto errors = test::json_of(refused).at("errors").as_array();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].at("field").as_string() == "first_contact_made");
    auto events = f.client->get("/api/v1/cases/" + std::to_string(case_id) + "/events", test::bearer(manager));
    CHECK(test::json_of(events).at("events").as_array().size() == 2);
    auto coordinator = f.log_in("coordinator");
    CHECK(test::json_of(f.client->get("/api/v1/cases/" + std::to_string(case_id), test::bearer(coordinator)))
              .at("access")
              .at("action_plan")
              .as_string() == "summary");
    CHECK(f.client->get("/api/v1/cases/" + std::to_string(case_id) + "/events", test::bearer(coordinator)).result() ==
          status::not_found);
  }

  TEST_CASE("bad requests get their own clear 4xx") {
    test::server_fixture f;
    auto triage = f.log_in("triage1");
    auto malformed = f.client->post("/api/v1/reports/1/decision", "{", test::bearer(triage));
    CHECK(malformed.result() == status::bad_request);
    CHECK(test::json_of(malformed).at("detail").as_string().find("not valid JSON") != std::string::npos);
    auto unknown_field = f.client->post("/api/v1/reports/1/decision", R"({"track": 1, "colour": "red"})", test::bearer(triage));
    CHECK(unknown_field.result() == status::bad_request);
    CHECK(test::json_of(unknown_field).at("detail").as_string() == "unknown field 'colour'");
    auto wrong_type = f.client->send(verb::post, "/api/v1/reports/1/decision", "track=1", test::bearer(triage),
                                     "application/x-www-form-urlencoded");
    CHECK(wrong_type.result() == status::unsupported_media_type);
    auto no_report = f.client->post("/api/v1/reports/77/decision", R"({"track": 1})", test::bearer(triage));
    CHECK(no_report.result() == status::not_found);
    auto big = f.client->post("/api/v1/reports", std::string(2 << 20, ' '), test::bearer(triage));
    CHECK(big.result() == status::payload_too_large);
    auto bad_report = f.client->post("/api/v1/reports", R"({"external_ref": "x"})", test::bearer(triage));
    CHECK(bad_report.result() == status::bad_request);
    CHECK(test::json_of(bad_report).at("detail").as_string().find("field") != std::string::npos);
  }

  TEST_CASE("a TLS 1.1 client is refused") {
    test::server_fixture f;
    namespace net = boost::asio;
    auto old = api::make_client_context(f.tls.certificate, TLS1_VERSION, TLS1_1_VERSION).value();
    net::io_context ioc;
    boost::beast::ssl_stream<boost::beast::tcp_stream> stream(ioc, *old);
    boost::beast::get_lowest_layer(stream).connect(
        net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), f.server->port()));
    boost::beast::error_code ec;
    stream.handshake(net::ssl::stream_base::client, ec);
    CHECK(ec);
    CHECK(f.client->get("/healthz").result() == status::ok);  // and the server goes on
  }

  TEST_CASE("the OpenAPI document lists exactly the routes, with their roles") {
    test::server_fixture f;
    auto doc = test::json_of(f.client->get("/api/v1/openapi.json"));
    CHECK(doc.at("openapi").as_string() == "3.1.0");
    std::set<std::string> documented, routed;
    for (const auto& [path, operations] : doc.at("paths").as_object())
      for (const auto& [method, operation] : operations.as_object()) documented.insert(std::string(method) + " " + std::string(path));
    auto router = api::build_router();
    for (const auto& r : router->routes()) {
      std::string method(test::http::to_string(r.method));
      for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      routed.insert(method + " " + r.pattern);
    }
    CHECK(documented == routed);
    CHECK(doc.at("paths").at("/api/v1/triage/queue").at("get").at("x-roles").as_array().front().as_string() == "triage");
  }

  TEST_CASE("stopping closes idle connections and lets the server end") {
    auto f = std::make_unique<test::server_fixture>();
    namespace net = boost::asio;
    auto context = api::make_client_context(f->tls.certificate).value();
    net::io_context ioc;
    boost::beast::ssl_stream<boost::beast::tcp_stream> idle(ioc, *context);
    SSL_set_tlsext_host_name(idle.native_handle(), "localhost");
    boost::beast::get_lowest_layer(idle).connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), f->server->port()));
    idle.handshake(net::ssl::stream_base::client);
    auto began = std::chrono::steady_clock::now();
    f->server->stop();  // must not wait for the idle connection's 60 s timeout
    CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(10));
    char byte;
    boost::beast::error_code ec;
    idle.read_some(net::buffer(&byte, 1), ec);
    CHECK(ec);  // the server closed it
  }
}
