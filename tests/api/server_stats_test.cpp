// GET /api/v1/stats over TLS: who may ask, how bad parameters are answered,
// and that the figures count what was posted.
#include "core/model/report_json.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/server_fixture.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using test::http::status;

TEST_SUITE("api/stats") {
  TEST_CASE("only the coordinator and the auditor get the figures") {
    test::server_fixture f;
    const std::string target = "/api/v1/stats?from=2026-01-01&to=2026-12-31";
    CHECK(f.client->get(target).result() == status::unauthorized);
    for (const char* who : {"coordinator", "auditor"}) {
      CAPTURE(who);
      CHECK(f.client->get(target, test::bearer(f.log_in(who))).result() == status::ok);
    }
    for (const char* who : {"triage1", "manager", "police", "prosecutor", "social", "admin"}) {
      CAPTURE(who);
      CHECK(f.client->get(target, test::bearer(f.log_in(who))).result() == status::forbidden);
    }
  }

  TEST_CASE("bad parameters answer 400 naming the parameter") {
    test::server_fixture f;
    auto token = f.log_in("coordinator");
    auto detail = [&](const std::string& query) {
      auto answer = f.client->get("/api/v1/stats" + query, test::bearer(token));
      CHECK(answer.result() == status::bad_request);
      return std::string(test::json_of(answer).at("detail").as_string());
    };
    CHECK(detail("").find("from and to") != std::string::npos);
    CHECK(detail("?from=2026-01-01").find("from and to") != std::string::npos);
    CHECK(detail("?from=2026-02-30&to=2026-03-01").starts_with("from:"));
    CHECK(detail("?from=2026-01-01&to=2025-12-31").starts_with("to:"));
    CHECK(detail("?from=2026-01-01&to=2026-12-31&track=4").starts_with("track:"));
    CHECK(detail("?from=2026-01-01&to=2026-12-31&organisation=x").starts_with("organisation:"));
    CHECK(detail("?from=2026-01-01&to=2026-12-31&as_of=soon").starts_with("as_of:"));
    CHECK(detail("?from=2026-01-01&to=2026-12-31&zone=" + std::string(101, 'z')).starts_with("zone:"));
    CHECK(detail("?from=2026-01-01&to=2026-12-31&trak=2").find("unknown parameter") != std::string::npos);
  }

  TEST_CASE("the figures count a report posted and decided through the API") {
    test::server_fixture f;
    auto police = f.log_in("police"), triage = f.log_in("triage1"), coordinator = f.log_in("coordinator");
    auto r = test::sample_report("S.1");
    std::string body;
    core::append_report_json(body, r);
    auto posted = f.client->post("/api/v1/reports", body, test::bearer(police));
    REQUIRE(posted.result() == status::created);
    auto report = test::json_of(posted);
    auto proposed = report.at("triage").at("track").as_int64();
    auto stats = test::json_of(f.client->get("/api/v1/stats?from=2026-03-14&to=2026-03-14", test::bearer(coordinator)));
    CHECK(stats.at("reports").at("received").as_int64() == 1);
    CHECK(stats.at("reports").at("proposed").at(std::to_string(proposed)).as_int64() == 1);
    CHECK(stats.at("reports").at("decided").at("none").as_int64() == 1);
    auto id = std::to_string(report.at("id").as_int64());
    auto decision = "{\"track\": " + std::to_string(proposed) + "}";
    REQUIRE(f.client->post("/api/v1/reports/" + id + "/decision", decision, test::bearer(triage)).result() == status::ok);
    auto after = test::json_of(f.client->get("/api/v1/stats?from=2026-03-14&to=2026-03-14", test::bearer(coordinator)));
    CHECK(after.at("reports").at("decided").at(std::to_string(proposed)).as_int64() == 1);
    CHECK(after.at("report_to_triage").at("all").at("done").as_int64() == 1);
    auto elsewhere = test::json_of(f.client->get("/api/v1/stats?from=2026-03-14&to=2026-03-14&zone=elsewhere",
                                                 test::bearer(coordinator)));
    CHECK(elsewhere.at("reports").at("received").as_int64() == 0);
  }
}
