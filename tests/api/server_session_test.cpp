// A reloaded page resumes its session: GET /api/v1/session with the cookie
// answers the user and a new CSRF token, the old token is refused at once,
// an expired session is not resumed, and every resume is in the audit trail.
#include "core/store/audit_store.hpp"
#include "tests/support/server_fixture.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using test::http::status;

namespace {

struct cookie_session {
  std::string cookie;
  std::string csrf;
};

cookie_session log_in_with_cookie(test::server_fixture& f, const std::string& who) {
  auto ok = f.client->post("/api/v1/session", R"({"username": ")" + who + R"(", "password": "a long passphrase 42"})");
  REQUIRE(ok.result() == status::ok);
  auto body = test::json_of(ok);
  return {"__Host-casechain-session=" + std::string(body.at("token").as_string()), std::string(body.at("csrf_token").as_string())};
}

// A change a case manager may make on no case at all: it passes the CSRF
// check (then answers 404), or is refused by it (403).
status unsafe_request(test::server_fixture& f, const cookie_session& s, const std::string& csrf) {
  return f.client->post("/api/v1/cases/999999/goals", R"({"text": "x"})", {{"Cookie", s.cookie}, {"X-CSRF-Token", csrf}})
      .result();
}

core::audit::audit_entry newest_entry(test::server_fixture& f) {
  return f.app->db().read([](SQLite::Database& db) { return core::store::list_audit_entries(db, {.limit = 1}).value().at(0); });
}

}  // namespace

TEST_SUITE("api/session") {
  TEST_CASE("resuming gives the user and a new CSRF token; the old token is refused at once") {
    test::server_fixture f;
    auto s = log_in_with_cookie(f, "manager");
    CHECK(unsafe_request(f, s, s.csrf) == status::not_found);

    auto resumed = f.client->get("/api/v1/session", {{"Cookie", s.cookie}});
    REQUIRE(resumed.result() == status::ok);
    auto body = test::json_of(resumed);
    CHECK(body.at("user").at("username").as_string() == "manager");
    CHECK(body.at("user").at("id").as_int64() == f.users["manager"].id);
    CHECK_FALSE(body.as_object().contains("token"));  // the session token stays in its cookie
    std::string renewed(body.at("csrf_token").as_string());
    CHECK(renewed != s.csrf);

    CHECK(unsafe_request(f, s, s.csrf) == status::forbidden);
    CHECK(unsafe_request(f, s, renewed) == status::not_found);
    // Resuming again renews again.
    auto again = test::json_of(f.client->get("/api/v1/session", {{"Cookie", s.cookie}}));
    CHECK(unsafe_request(f, s, renewed) == status::forbidden);
    CHECK(unsafe_request(f, s, std::string(again.at("csrf_token").as_string())) == status::not_found);
  }

  TEST_CASE("a resume is audited as session_resumed, for its user") {
    test::server_fixture f;
    auto s = log_in_with_cookie(f, "social");
    REQUIRE(f.client->get("/api/v1/session", {{"Cookie", s.cookie}}).result() == status::ok);
    auto entry = newest_entry(f);
    CHECK(entry.action == "session_resumed");
    CHECK(entry.user == f.users["social"].id);
    CHECK(entry.purpose == "GET /api/v1/session");
    CHECK(entry.result == core::audit::outcome::allowed);
    CHECK_FALSE(entry.case_ref);
  }

  TEST_CASE("no resume without a session, after log-out, or once the session has expired") {
    test::server_fixture f;
    CHECK(f.client->get("/api/v1/session").result() == status::unauthorized);
    CHECK(f.client->get("/api/v1/session", {{"Cookie", "__Host-casechain-session=not-a-token"}}).result() == status::unauthorized);

    auto ended = log_in_with_cookie(f, "manager");
    REQUIRE(f.client->send(test::http::verb::delete_, "/api/v1/session", {}, {{"Cookie", ended.cookie}, {"X-CSRF-Token", ended.csrf}})
                .result() == status::no_content);
    CHECK(f.client->get("/api/v1/session", {{"Cookie", ended.cookie}}).result() == status::unauthorized);

    auto idle = log_in_with_cookie(f, "manager");
    f.clock += std::chrono::hours(1);  // longer than the 30 minutes a session may stay idle
    CHECK(f.client->get("/api/v1/session", {{"Cookie", idle.cookie}}).result() == status::unauthorized);
    f.clock -= std::chrono::hours(1);
    CHECK(f.client->get("/api/v1/session", {{"Cookie", idle.cookie}}).result() == status::unauthorized);  // it stays ended
  }
}
