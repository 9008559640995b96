#include "core/model/report_json.hpp"
#include "core/store/audit_store.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/server_fixture.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace casechain;
using boost::beast::http::status;

namespace {

// A track-2 case on a new report, managed by "manager"; its id.
std::string open_case(test::server_fixture& f, const std::string& ref) {
  auto police = f.log_in("police"), triage = f.log_in("triage1"), coordinator = f.log_in("coordinator");
  auto r = test::sample_report(ref.c_str());
  r.measures = {};
  std::string body;
  core::append_report_json(body, r);
  auto report = test::json_of(f.client->post("/api/v1/reports", body, test::bearer(police)));
  auto decided = f.client->post("/api/v1/reports/" + std::to_string(report.at("id").as_int64()) + "/decision",
                                R"({"track": 2, "reason": "complex family situation"})", test::bearer(triage));
  REQUIRE(decided.result() == status::ok);
  auto c = std::to_string(test::json_of(decided).at("case").as_int64());
  REQUIRE(f.client->post("/api/v1/cases/" + c + "/case-manager",
                         "{\"user\": " + std::to_string(f.users["manager"].id) + "}", test::bearer(coordinator))
              .result() == status::ok);
  return c;
}

std::int64_t entry_count(test::server_fixture& f) {
  return f.app->db().read([](SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM audit_entries").getInt64(); });
}

// The newest entries, newest first.
std::vector<core::audit::audit_entry> newest(test::server_fixture& f, int n) {
  return f.app->db().read([&](SQLite::Database& db) { return core::store::list_audit_entries(db, {.limit = n}).value(); });
}

}  // namespace

TEST_SUITE("api/audit") {
  TEST_CASE("log-ins, reads, writes and refusals each leave exactly one entry, and the chain verifies") {
    test::server_fixture f;
    auto c = open_case(f, "A.1");
    auto manager = f.log_in("manager");
    auto login = newest(f, 1).at(0);
    CHECK(login.action == "log_in");
    CHECK(login.user == f.users["manager"].id);

    auto before = entry_count(f);
    auto bad = f.client->post("/api/v1/session", R"({"username": "manager", "password": "not the password at all"})");
    CHECK(bad.result() == status::unauthorized);
    CHECK(entry_count(f) == before + 1);
    auto failed = newest(f, 1).at(0);
    CHECK(failed.action == "log_in_failed");
    CHECK_FALSE(failed.user);
    CHECK(failed.result == core::audit::outcome::denied);

    before = entry_count(f);
    REQUIRE(f.client->get("/api/v1/cases/" + c, test::bearer(manager)).result() == status::ok);
    CHECK(entry_count(f) == before + 1);
    auto read = newest(f, 1).at(0);
    CHECK(read.action == "read");
    CHECK(read.case_ref == std::stoll(c));
    CHECK(read.user == f.users["manager"].id);
    CHECK(read.organisation == f.users["manager"].organisation);
    CHECK(read.roles == "case_manager");
    CHECK(read.purpose == "GET /api/v1/cases/{id}");
    CHECK(read.result == core::audit::outcome::allowed);
    CHECK_FALSE(read.request_id.empty());

    before = entry_count(f);
    auto police = f.log_in("police");
    before = entry_count(f);
    CHECK(f.client->get("/api/v1/cases/" + c, test::bearer(police)).result() == status::not_found);
    CHECK(entry_count(f) == before + 1);
    auto denied = newest(f, 1).at(0);
    CHECK(denied.result == core::audit::outcome::denied);
    CHECK(denied.case_ref == std::stoll(c));

    before = entry_count(f);
    CHECK(f.client->post("/api/v1/cases/" + c + "/goals", R"({"text": "a safe home"})", test::bearer(manager)).result() ==
          status::created);
    CHECK(entry_count(f) == before + 1);
    auto wrote = newest(f, 1).at(0);
    CHECK(wrote.action == "write");
    CHECK(wrote.case_ref == std::stoll(c));
    CHECK(wrote.result == core::audit::outcome::allowed);

    auto admin = f.log_in("admin");
    before = entry_count(f);
    CHECK(f.client->get("/api/v1/cases/" + c, test::bearer(admin)).result() == status::forbidden);
    CHECK(entry_count(f) == before + 1);
    CHECK(newest(f, 1).at(0).action == "deny");

    auto v = f.app->db().read([&](SQLite::Database& db) { return core::store::verify_audit_trail(db, f.app->audit_key()); });
    REQUIRE(v);
    CHECK_FALSE(v->first_bad);
    CHECK(v->entries == entry_count(f));
  }

  TEST_CASE("the auditor's list names the users and organisations its entries show, and no others") {
    test::server_fixture f;
    auto c = open_case(f, "A.names");
    auto manager = f.log_in("manager");
    REQUIRE(f.client->get("/api/v1/cases/" + c, test::bearer(manager)).result() == status::ok);
    auto auditor = f.log_in("auditor");
    auto answer = f.client->get("/api/v1/audit?case=" + c, test::bearer(auditor));
    REQUIRE(answer.result() == status::ok);
    auto body = test::json_of(answer);
    const auto& users = body.at("names").at("users").as_object();
    const auto& organisations = body.at("names").at("organisations").as_object();
    std::set<std::string> user_ids, organisation_ids;
    for (const auto& e : body.at("entries").as_array()) {
      if (!e.at("user").is_null()) user_ids.insert(std::to_string(e.at("user").as_int64()));
      if (!e.at("organisation").is_null()) organisation_ids.insert(std::to_string(e.at("organisation").as_int64()));
    }
    REQUIRE(user_ids.count(std::to_string(f.users["manager"].id)) == 1);
    CHECK(users.size() == user_ids.size());
    for (const auto& id : user_ids) CHECK(users.contains(id));
    CHECK(users.at(std::to_string(f.users["manager"].id)).as_string() == "manager");
    CHECK(organisations.size() == organisation_ids.size());
    CHECK(organisations.at(std::to_string(f.orgs["FJC"].id)).as_string() == "FJC");
    // The social worker did nothing on this case: not named.
    CHECK_FALSE(users.contains(std::to_string(f.users["social"].id)));
  }

  TEST_CASE("the server keeps audit.head at the newest entry, and entries cut off the trail's end are seen") {
    test::server_fixture f;
    auto auditor = f.log_in("auditor");
    auto first = test::json_of(f.client->get("/api/v1/audit/verification", test::bearer(auditor)));
    CHECK(first.at("verifies").as_bool());
    // The verification's own entry went through group commit, which moves the head before the answer.
    auto head = core::audit::read_audit_head(f.dir).value();
    REQUIRE(head);
    CHECK(head->id == newest(f, 1).at(0).id);

    f.app->db().write([&](SQLite::Database& db) {
      db.exec("DROP TRIGGER audit_entries_no_delete");
      db.exec("DELETE FROM audit_entries WHERE id >= " + std::to_string(head->id));
      return 0;
    });
    auto cut = test::json_of(f.client->get("/api/v1/audit/verification", test::bearer(auditor)));
    CHECK_FALSE(cut.at("verifies").as_bool());
    CHECK(cut.at("first_bad").as_int64() == head->id);
    // The trail grows past the head again, chained from the cut: the head stays where it was.
    for (int i = 0; i < 3; ++i) f.client->get("/api/v1/audit/verification", test::bearer(auditor));
    auto kept = core::audit::read_audit_head(f.dir).value();
    REQUIRE(kept);
    CHECK(kept->id == head->id);
    CHECK(kept->hash == head->hash);
    auto still = test::json_of(f.client->get("/api/v1/audit/verification", test::bearer(auditor)));
    CHECK_FALSE(still.at("verifies").as_bool());
    CHECK(still.at("first_bad").as_int64() == head->id);
  }

  TEST_CASE("when the audit entry cannot be written, the request fails and the change is not made") {
    test::server_fixture f;
    auto c = open_case(f, "A.2");
    auto manager = f.log_in("manager");
    f.app->db().write([](SQLite::Database& db) {
      db.exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'disk full'); END");
      return 0;
    });
    auto goals = [&] {
      return f.app->db().read([](SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM plan_goals").getInt(); });
    };
    auto write = f.client->post("/api/v1/cases/" + c + "/goals", R"({"text": "a safe home"})", test::bearer(manager));
    CHECK(write.result() == status::service_unavailable);
    CHECK(goals() == 0);
    auto read = f.client->get("/api/v1/cases/" + c, test::bearer(manager));
    CHECK(read.result() == status::service_unavailable);
    CHECK(read.body().find("audit") != std::string::npos);
  }
}
