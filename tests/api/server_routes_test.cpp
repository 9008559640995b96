// Every route × every role: the router lets exactly the declared roles through
// (401 without a session, 403 for the others), and the case manager's work
// goes through end to end.
#include "api/handlers/routes.hpp"
#include "chain/case_service.hpp"
#include "core/model/report_json.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/server_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace casechain;
using test::http::status;
using test::http::verb;

TEST_SUITE("api/routes") {
  TEST_CASE("every route x every role: allowed roles pass the router, others get 403, no session 401") {
    test::server_fixture f;
    std::map<std::string, std::string> tokens;
    for (const char* who : {"triage1", "manager", "police", "prosecutor", "social", "coordinator", "auditor", "admin"})
      tokens[who] = f.log_in(who);
    auto router = api::build_router();
    int checked = 0;
    for (const auto& r : router->routes()) {
      std::string target = r.pattern;
      // Ids of nothing: a route may answer 404, never act on the fixture's own users.
      for (auto at = target.find("{id}"); at != std::string::npos; at = target.find("{id}")) target.replace(at, 4, "999999");
      CAPTURE(target);
      if (r.is_public) {
        CHECK(f.client->send(r.method, target, r.method == verb::post ? "{}" : "").result() != status::unauthorized);
        continue;
      }
      CHECK(f.client->send(r.method, target, r.method == verb::post ? "{}" : "").result() == status::unauthorized);
      for (const auto& [who, token] : tokens) {
        CAPTURE(who);
        auto user = f.users[who];
        bool allowed = r.roles.empty() || std::any_of(r.roles.begin(), r.roles.end(), [&](core::role x) { return user.has_role(x); });
        auto answer = f.client->send(r.method, target, r.method == verb::post ? "{}" : "", test::bearer(token));
        if (allowed) CHECK(answer.result() != status::forbidden);
        else CHECK(answer.result() == status::forbidden);
        ++checked;
      }
      if (r.method == verb::delete_) tokens["manager"] = f.log_in("manager");  // log-out ended it
      for (auto& [who, token] : tokens)
        if (f.client->get("/api/v1/me", test::bearer(token)).result() != status::ok) token = f.log_in(who);
    }
    CHECK(checked >= 8 * 20);
    // The evaluation figures are among them, for the coordinator and the auditor only.
    auto stats = std::find_if(router->routes().begin(), router->routes().end(),
                              [](const api::route& r) { return r.pattern == "/api/v1/stats"; });
    REQUIRE(stats != router->routes().end());
    CHECK(stats->roles == std::vector<core::role>{core::role::coordinator, core::role::auditor});
  }

  TEST_CASE("the case manager's work through the API, and the partners reporting on their interventions") {
    test::server_fixture f;
    auto police = f.log_in("police"), triage = f.log_in("triage1"), manager = f.log_in("manager"), social = f.log_in("social");
    auto r = test::sample_report("W.1");
    r.measures = {};
    std::string body;
    core::append_report_json(body, r);
    auto report = test::json_of(f.client->post("/api/v1/reports", body, test::bearer(police)));
    auto id = std::to_string(report.at("id").as_int64());
    auto proposed = report.at("triage").at("track").as_int64();
    auto decided = f.client->post("/api/v1/reports/" + id + "/decision",
                                  proposed == 2 ? R"({"track": 2})" : R"({"track": 2, "reason": "children at risk"})",
                                  test::bearer(triage));
    REQUIRE(decided.result() == status::ok);
    auto c = std::to_string(test::json_of(decided).at("case").as_int64());
    auto coordinator = f.log_in("coordinator");
    REQUIRE(f.client->post("/api/v1/cases/" + c + "/case-manager", "{\"user\": " + std::to_string(f.users["manager"].id) + "}",
                           test::bearer(coordinator)).result() == status::ok);
    auto base = "/api/v1/cases/" + c;
    CHECK(f.client->post(base + "/members", "{\"organisation\": " + std::to_string(f.orgs["CAW"].id) + "}", test::bearer(manager)).result() == status::no_content);
    CHECK(f.client->post(base + "/milestones", R"({"milestone": "criteria_confirmed"})", test::bearer(manager)).result() == status::no_content);
    CHECK(f.client->post(base + "/transitions", R"({"to": "file"})", test::bearer(manager)).result() == status::ok);
    auto today = core::format_date(core::date_of(f.clock));
    CHECK(f.client->post(base + "/meetings", "{\"held_on\": \"" + today + "\", \"participants\": [" + std::to_string(f.orgs["CAW"].id) + "], \"decisions\": \"CAW supports\"}", test::bearer(manager)).result() == status::created);
    CHECK(f.client->post(base + "/transitions", R"({"to": "assessment"})", test::bearer(manager)).result() == status::ok);
    CHECK(f.client->post(base + "/screenings", R"({"kind": "risk", "scores": {"housing": 3, "safety": 4}})", test::bearer(manager)).result() == status::created);
    auto bad_screening = f.client->post(base + "/screenings", R"({"kind": "risk", "scores": {"housing": 9}})", test::bearer(manager));
    CHECK(bad_screening.result() == status::bad_request);
    CHECK(f.client->post(base + "/goals", R"({"text": "a safe home"})", test::bearer(manager)).result() == status::created);
    CHECK(f.client->post(base + "/transitions", R"({"to": "assignment"})", test::bearer(manager)).result() == status::ok);
    auto planned = f.client->post(base + "/interventions", "{\"organisation\": " + std::to_string(f.orgs["CAW"].id) + ", \"owner\": " + std::to_string(f.users["social"].id) + ", \"description\": \"weekly support\", \"due_on\": \"2030-01-01\"}", test::bearer(manager));
    REQUIRE(planned.result() == status::created);
    auto intervention = std::to_string(test::json_of(planned).at("id").as_int64());
    // The social worker of the executing organisation is a member now, and reports on it.
    CHECK(f.client->post(base + "/interventions/" + intervention + "/status", R"({"status": "done", "result": "8 sessions"})", test::bearer(social)).result() == status::no_content);
    CHECK(f.client->post(base + "/contacts", R"({"channel": "visit", "outcome": "reached"})", test::bearer(manager)).result() == status::created);
    // What the case page reads back: one answer, one audit entry.
    auto audit_before = f.app->db().read([](SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM audit_entries").getInt64(); });
    auto work = test::json_of(f.client->get(base, test::bearer(manager)));
    auto audit_after = f.app->db().read([](SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM audit_entries").getInt64(); });
    CHECK(audit_after == audit_before + 1);
    CHECK(work.at("round_tables").as_array().size() == 1);
    CHECK(work.at("goals").at(0).at("text").as_string() == "a safe home");
    CHECK(work.at("interventions").at(0).at("status").as_string() == "done");
    CHECK(work.at("risk").at("screenings").at(0).at("scores").at("housing").as_int64() == 3);
    CHECK(work.at("contacts").as_array().size() == 1);
    CHECK(work.at("events").as_array().size() >= 8);
    CHECK(work.at("alerts").is_array());
    CHECK(work.at("overdue").is_array());  // the case manager's own case
    // Names for the ids shown, and the member organisations' users to pick an owner from.
    auto caw = std::to_string(f.orgs["CAW"].id);
    auto names = work.at("names");
    CHECK(names.at("organisations").at(caw).as_string() == "CAW");
    CHECK(names.at("users").at(std::to_string(f.users["social"].id)).as_string() == "social");
    CHECK(names.at("users").at(std::to_string(f.users["manager"].id)).as_string() == "manager");
    CHECK(work.at("consents").as_array().empty());  // the case manager reads the family's consents (none yet)
    CHECK(work.at("admittable").as_array().size() == 3);  // every organisation but CAW
    CHECK(names.at("owners").at(caw).at(0).as_int64() == f.users["social"].id);
    // Police take no part: no user of theirs is named; nor anyone who could not own an intervention.
    CHECK_FALSE(names.at("users").as_object().contains(std::to_string(f.users["police"].id)));
    CHECK_FALSE(names.at("users").as_object().contains(std::to_string(f.users["admin"].id)));
    CHECK_FALSE(names.at("users").as_object().contains(std::to_string(f.users["triage2"].id)));
    // The partner reads its own tasks and the names they need, not the plan writer's directory.
    auto partner = test::json_of(f.client->get(base, test::bearer(social)));
    CHECK_FALSE(partner.as_object().contains("admittable"));
    CHECK_FALSE(partner.as_object().contains("consents"));  // as GET .../consents: case managers only
    CHECK_FALSE(partner.as_object().contains("overdue"));  // as GET /api/v1/overdue: case managers and the coordinator
    auto partner_users = partner.at("names").at("users").as_object();
    CHECK(partner_users.contains(std::to_string(f.users["social"].id)));
    CHECK_FALSE(partner_users.contains(std::to_string(f.users["triage2"].id)));  // shows nowhere in the answer
    auto tasks = test::json_of(f.client->get("/api/v1/tasks", test::bearer(social))).at("tasks").as_array();
    REQUIRE(tasks.size() == 1);
    CHECK(tasks[0].at("description").as_string() == "weekly support");
    CHECK(test::json_of(f.client->get("/api/v1/tasks", test::bearer(police))).at("tasks").as_array().empty());
    CHECK(f.client->get(base, test::bearer(police)).result() == status::not_found);  // not a member
    CHECK(f.client->get(base + "/work", test::bearer(manager)).result() == status::not_found);  // one case answer only
    auto overdue = f.client->get("/api/v1/overdue", test::bearer(manager));
    CHECK(overdue.result() == status::ok);
    auto changed = f.client->post(base + "/track", R"({"track": 3, "reason": "restraining order imposed"})", test::bearer(manager));
    CHECK(changed.result() == status::ok);
    CHECK(test::json_of(changed).at("step").as_string() == "intake");
    CHECK(f.client->post(base + "/track", R"({"track": 2})", test::bearer(manager)).result() == status::bad_request);
    auto events = test::json_of(f.client->get(base + "/events", test::bearer(manager))).at("events").as_array();
    CHECK(events.size() >= 12);
  }

  TEST_CASE("administration: organisations and users, the password policy, and disabling ends sessions") {
    test::server_fixture f;
    auto admin = f.log_in("admin");
    auto org = f.client->post("/api/v1/organisations", R"({"name": "OCMW Genk", "sector": "care"})", test::bearer(admin));
    REQUIRE(org.result() == status::created);
    auto org_id = std::to_string(test::json_of(org).at("id").as_int64());
    CHECK(f.client->post("/api/v1/organisations", R"({"name": "OCMW Genk", "sector": "care"})", test::bearer(admin)).result() == status::conflict);
    auto weak = f.client->post("/api/v1/users", "{\"username\": \"new\", \"organisation\": " + org_id + ", \"roles\": [\"social_worker\"], \"password\": \"short\"}", test::bearer(admin));
    CHECK(weak.result() == status::bad_request);
    CHECK(test::json_of(weak).at("detail").as_string().find("too short") != std::string::npos);
    auto made = f.client->post("/api/v1/users", "{\"username\": \"new\", \"organisation\": " + org_id + ", \"roles\": [\"social_worker\"], \"password\": \"a long passphrase 42\"}", test::bearer(admin));
    REQUIRE(made.result() == status::created);
    auto token = f.log_in("new");
    CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::ok);
    auto user_id = std::to_string(test::json_of(made).at("id").as_int64());
    CHECK(f.client->post("/api/v1/users/" + user_id + "/disable", "", test::bearer(admin)).result() == status::no_content);
    CHECK(f.client->get("/api/v1/me", test::bearer(token)).result() == status::unauthorized);
    CHECK(test::json_of(f.client->get("/api/v1/organisations", test::bearer(admin))).at("organisations").as_array().size() == 5);
  }

  TEST_CASE("the triage desk reads one report: proposal, rules, history, decision; no contact details") {
    test::server_fixture f;
    auto police = f.log_in("police"), triage = f.log_in("triage1");
    std::string body;
    core::append_report_json(body, test::sample_report("W.2"));
    auto report = test::json_of(f.client->post("/api/v1/reports", body, test::bearer(police)));
    auto path = "/api/v1/reports/" + std::to_string(report.at("id").as_int64());
    auto answer = f.client->get(path, test::bearer(triage));
    REQUIRE(answer.result() == status::ok);
    auto one = test::json_of(answer);
    CHECK(one.at("external_ref").as_string() == "W.2");
    CHECK(one.at("proposal").at("track") == report.at("triage").at("track"));
    CHECK(one.at("proposal").at("rules").as_array().size() == report.at("triage").at("rules").as_array().size());
    CHECK(one.at("history").at("reports_last_12_months").as_int64() == 0);
    CHECK(one.at("persons").as_array().size() == 3);
    CHECK(!one.as_object().contains("decision"));
    // The desk decides a track; it contacts no one: no address, phone or national number.
    CHECK(answer.body().find("Lange Leemstraat") == std::string::npos);
    CHECK(answer.body().find("+32 478") == std::string::npos);
    CHECK(answer.body().find("90.06.02") == std::string::npos);
    REQUIRE(f.client->post(path + "/decision", R"({"track": 1, "reason": "order lifted"})", test::bearer(triage)).result() == status::ok);
    auto decided = test::json_of(f.client->get(path, test::bearer(triage)));
    CHECK(decided.at("decision").at("track").as_int64() == 1);
    CHECK(decided.at("decision").at("awaiting_confirmation").as_bool());
    CHECK(f.client->get("/api/v1/reports/999999", test::bearer(triage)).result() == status::not_found);
  }

  TEST_CASE("the front end's files are served from the binary, under the security headers") {
    test::server_fixture f;
    auto page = f.client->get("/");
    REQUIRE(page.result() == status::ok);
    CHECK(page[test::http::field::content_type].starts_with("text/html"));
    CHECK(page["Content-Security-Policy"].find("script-src 'self'") != std::string::npos);
    CHECK(page.body().find("/app.js") != std::string::npos);
    auto script = f.client->get("/app.js");
    CHECK(script.result() == status::ok);
    CHECK(script[test::http::field::content_type].starts_with("text/javascript"));
    CHECK(f.client->get("/no-such-file.js").result() == status::not_found);
    CHECK(f.client->get("/../index.html").result() == status::not_found);
  }
}
