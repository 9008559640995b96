// The secrecy rules through the real server: for every role x every legal
// basis (none, membership, consent, danger override, emergency access,
// exclusion, being the case manager), GET /api/v1/cases/{id} has exactly the
// parts the policy table allows. The table the test expects is written out
// here, cell by cell: a change to core/policy/tables/secrecy-1.json that is
// not made here too fails this test. Sensitive fields hold canary strings,
// searched for in every answer, the server log and the audit trail.
#include "core/model/report_json.hpp"
#include "core/policy/policy_table.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/secrecy_store.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/server_fixture.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using boost::beast::http::status;
using core::policy::category;
using core::policy::level;

namespace {

constexpr std::string_view canary_street = "Canarystraat SAFE-4471";
constexpr std::string_view canary_phone = "+32 499 71 44 71";
constexpr std::string_view canary_narrative = "CANARYNARR8812";
constexpr std::string_view canary_care_note = "CANARYCARE5530";
constexpr std::string_view canary_minutes = "CANARYMINUTES2290";

// secrecy-1, as this test expects it.
const std::map<std::string, std::map<std::string, std::string>> expected_table{
    {"case_manager", {{"identity", "write@member"}, {"safe_address", "write@manager"}, {"incident", "read@member"},
                      {"judicial", "read@member"}, {"risk", "write@member"}, {"care_notes", "write@own_org"},
                      {"action_plan", "write@member"}, {"round_table", "write@member"}, {"audit", "read@manager"}}},
    {"police", {{"identity", "read@member"}, {"safe_address", "read@member+consent"}, {"incident", "write@member"},
                {"judicial", "read@member"}, {"risk", "summary@member"}, {"care_notes", "none"},
                {"action_plan", "summary@member"}, {"round_table", "read@member"}, {"audit", "none"}}},
    {"prosecutor", {{"identity", "read@member"}, {"safe_address", "read@member+consent"}, {"incident", "read@member"},
                    {"judicial", "write@member"}, {"risk", "summary@member"}, {"care_notes", "none"},
                    {"action_plan", "summary@member"}, {"round_table", "read@member"}, {"audit", "none"}}},
    {"social_worker", {{"identity", "read@member"}, {"safe_address", "read@member+consent"}, {"incident", "summary@member"},
                       {"judicial", "summary@member"}, {"risk", "read@member"}, {"care_notes", "write@own_org"},
                       {"action_plan", "read@member"}, {"round_table", "read@member"}, {"audit", "none"}}},
    {"triage", {{"identity", "read@any"}, {"safe_address", "none"}, {"incident", "read@any"}, {"judicial", "read@any"},
                {"risk", "write@any"}, {"care_notes", "none"}, {"action_plan", "summary@any"}, {"round_table", "none"},
                {"audit", "none"}}},
    {"coordinator", {{"identity", "none"}, {"safe_address", "none"}, {"incident", "none"}, {"judicial", "none"},
                     {"risk", "summary@any"}, {"care_notes", "none"}, {"action_plan", "summary@any"},
                     {"round_table", "none"}, {"audit", "none"}}},
};

enum class basis_case { outsider, member, consent, danger_override, emergency, excluded, case_manager };
const char* name_of(basis_case b) {
  constexpr const char* names[] = {"outsider", "member", "consent", "danger_override", "emergency", "excluded", "case_manager"};
  return names[static_cast<int>(b)];
}

level expected_level(const std::string& role, category c, basis_case b) {
  auto cell = core::policy::parse_cell(expected_table.at(role).at(std::string(core::policy::to_string(c)))).value();
  if (b == basis_case::excluded || cell.grants == level::none) return level::none;
  bool in_scope = false;
  switch (cell.where) {
    case core::policy::scope::any: in_scope = true; break;
    case core::policy::scope::manager: in_scope = b == basis_case::case_manager; break;
    case core::policy::scope::member:
    case core::policy::scope::own_org: in_scope = b != basis_case::outsider; break;
  }
  bool shared = b == basis_case::consent || b == basis_case::danger_override;
  if (!in_scope || (cell.needs_consent && !shared)) return level::none;
  return cell.grants;
}

struct secrecy_fixture {
  test::server_fixture f;
  std::string police = f.log_in("police"), triage = f.log_in("triage1"), coordinator = f.log_in("coordinator"),
              manager = f.log_in("manager");
  int next_report = 1;

  secrecy_fixture() {
    f.app->db().write([&](SQLite::Database& db) {
      f.orgs["GP"] = core::store::add_organisation(db, "Huisartsenkring", core::sector::care, f.clock).value();
      f.users["manager2"] = core::store::add_user(db, {"manager2", f.orgs["FJC"].id, {core::role::case_manager},
                                                       f.app->hasher().hash(test::test_password)}, f.clock).value();
      return 0;
    });
  }

  // A new track-2 case managed by "manager", with canaries in its report, a
  // round table and a care note of CAW's; its id.
  std::int64_t new_case() {
    auto r = test::sample_report("S." + std::to_string(next_report++));
    r.measures = {};
    // A family of its own: other birth dates, no national numbers to link by.
    for (auto& p : r.persons) {
      p.national_id.clear();
      p.birth_date = core::date{std::chrono::sys_days{*p.birth_date} + std::chrono::days(40 * next_report)};
    }
    r.persons[0].address->street = std::string(canary_street);
    r.persons[0].phone = std::string(canary_phone);
    r.narrative = "Hij heeft haar geslagen. " + std::string(canary_narrative);
    std::string body;
    core::append_report_json(body, r);
    auto report = test::json_of(f.client->post("/api/v1/reports", body, test::bearer(police)));
    auto decided = f.client->post("/api/v1/reports/" + std::to_string(report.at("id").as_int64()) + "/decision",
                                  R"({"track": 2, "reason": "complex family situation"})", test::bearer(triage));
    REQUIRE(decided.result() == status::ok);
    auto id = test::json_of(decided).at("case").as_int64();
    REQUIRE(post(coordinator, id, "/case-manager", "{\"user\": " + std::to_string(f.users["manager"].id) + "}") == status::ok);
    // The round table's participant: an organisation none of the users under test belongs to.
    REQUIRE(post(manager, id, "/members", "{\"organisation\": " + std::to_string(f.orgs["GP"].id) + "}") == status::no_content);
    auto today = core::format_date(core::date_of(f.clock));
    REQUIRE(post(manager, id, "/meetings", "{\"held_on\": \"" + today + "\", \"participants\": [" +
                                              std::to_string(f.orgs["GP"].id) + "], \"decisions\": \"" +
                                              std::string(canary_minutes) + "\"}") == status::created);
    f.app->db().write([&](SQLite::Database& db) {
      return core::store::add_care_note(db, f.app->protection().sealing, {0, id, f.orgs["CAW"].id, f.users["social"].id, f.clock, std::string(canary_care_note)})
          .value();
    });
    return id;
  }

  status post(const std::string& token, std::int64_t id, const std::string& tail, const std::string& body) {
    return f.client->post("/api/v1/cases/" + std::to_string(id) + tail, body, test::bearer(token)).result();
  }

  std::vector<std::int64_t> family_of(std::int64_t id) {
    auto a = test::json_of(f.client->get("/api/v1/cases/" + std::to_string(id), test::bearer(manager)));
    std::vector<std::int64_t> persons;
    for (const auto& p : a.at("family").as_array()) persons.push_back(p.at("id").as_int64());
    return persons;
  }

  // Puts `user` (of organisation `org`) in the given standing on case `id`.
  void establish(std::int64_t id, const std::string& user, core::organisation_id org, basis_case b) {
    auto admit = [&] {
      auto s = post(manager, id, "/members", "{\"organisation\": " + std::to_string(org) + "}");
      REQUIRE((s == status::no_content || s == status::conflict));
    };
    auto share_everything = [&](const char* route) {
      for (auto c : core::policy::all_categories) {
        if (c == category::audit) continue;
        if (std::string(route) == "/consents")
          for (auto person : family_of(id))
            REQUIRE(post(manager, id, route, "{\"person\": " + std::to_string(person) + ", \"organisation\": " +
                                                 std::to_string(org) + ", \"category\": \"" +
                                                 std::string(core::policy::to_string(c)) + "\", \"valid_until\": \"2099-01-01\"}") ==
                    status::created);
        else
          REQUIRE(post(manager, id, route, "{\"organisation\": " + std::to_string(org) + ", \"category\": \"" +
                                               std::string(core::policy::to_string(c)) +
                                               "\", \"justification\": \"imminent danger to the children\"}") == status::created);
      }
    };
    switch (b) {
      case basis_case::outsider: break;
      case basis_case::case_manager: break;
      case basis_case::member: admit(); break;
      case basis_case::consent: admit(); share_everything("/consents"); break;
      case basis_case::danger_override: admit(); share_everything("/danger-overrides"); break;
      case basis_case::emergency: {
        auto token = f.log_in(user);
        REQUIRE(post(token, id, "/emergency-access", "{\"reason\": \"the victim called from a shelter in danger\", "
                                                     "\"password\": \"" + std::string(test::test_password) + "\"}") ==
                status::created);
        break;
      }
      case basis_case::excluded:
        admit();
        share_everything("/consents");
        REQUIRE(post(manager, id, "/exclusions", "{\"user\": " + std::to_string(f.users[user].id) +
                                                     ", \"reason\": \"declared_relation\"}") == status::created);
        break;
    }
  }
};

bool has(const boost::json::object& o, const char* key) { return o.contains(key); }

void check_answer(const std::string& role, basis_case b, const test::test_response& answer, bool own_care_notes) {
  auto plan = expected_level(role, category::action_plan, b);
  if (plan == level::none) {
    CHECK(answer.result() == status::not_found);
  } else {
    REQUIRE(answer.result() == status::ok);
    auto a = test::json_of(answer).as_object();
    for (auto c : core::policy::all_categories) {
      CAPTURE(core::policy::to_string(c));
      CHECK(a.at("access").at(core::policy::to_string(c)).as_string() == core::policy::to_string(expected_level(role, c, b)));
    }
    auto identity = expected_level(role, category::identity, b);
    CHECK(has(a, "family") == (identity >= level::read));
    CHECK(has(a, "household") == (identity == level::summary));
    auto safe = expected_level(role, category::safe_address, b);
    CHECK((answer.body().find(canary_street) != std::string::npos) == (safe >= level::read));
    CHECK((answer.body().find(canary_phone) != std::string::npos) == (safe >= level::read));
    auto incident = expected_level(role, category::incident, b);
    CHECK(has(a, "reports") == (incident >= level::summary));
    CHECK((answer.body().find(canary_narrative) != std::string::npos) == (incident >= level::read));
    auto judicial = expected_level(role, category::judicial, b);
    CHECK(has(a, "judicial") == (judicial >= level::summary));
    if (judicial == level::summary) CHECK(a.at("judicial").is_object());
    if (judicial >= level::read) CHECK(a.at("judicial").is_array());
    auto risk = expected_level(role, category::risk, b);
    CHECK(has(a, "risk") == (risk >= level::summary));
    if (has(a, "risk")) CHECK(a.at("risk").as_object().contains("triage") == (risk >= level::read));
    auto care = expected_level(role, category::care_notes, b);
    bool shared = b == basis_case::consent || b == basis_case::danger_override;
    CHECK((answer.body().find(canary_care_note) != std::string::npos) == (care >= level::read && (own_care_notes || shared)));
    CHECK(has(a, "members") == (plan >= level::read));
    CHECK(has(a, "my_tasks") == (plan == level::summary));
    auto minutes = expected_level(role, category::round_table, b);
    CHECK(has(a, "round_tables") == (minutes >= level::summary));
    CHECK((answer.body().find(canary_minutes) != std::string::npos) == (minutes >= level::read));
  }
}

}  // namespace

TEST_SUITE("api/secrecy") {
  TEST_CASE("every role x every legal basis gets exactly the parts the policy table allows") {
    secrecy_fixture s;
    const std::vector<std::pair<std::string, std::string>> users{
        {"case_manager", "manager2"}, {"police", "police"}, {"prosecutor", "prosecutor"},
        {"social_worker", "social"}, {"triage", "triage1"}, {"coordinator", "coordinator"}};
    int checked = 0;
    for (const auto& [role, username] : users)
      for (auto b : {basis_case::outsider, basis_case::member, basis_case::consent, basis_case::danger_override,
                     basis_case::emergency, basis_case::excluded, basis_case::case_manager}) {
        bool manages = b == basis_case::case_manager;
        if (manages && role != "case_manager") continue;
        bool may_break_glass = role != "triage" && role != "coordinator";
        if (b == basis_case::emergency && !may_break_glass) continue;
        auto user = manages ? std::string("manager") : username;
        CAPTURE(role);
        CAPTURE(name_of(b));
        auto id = s.new_case();
        s.establish(id, user, s.f.users[user].organisation, b);
        auto token = s.f.log_in(user);
        auto answer = s.f.client->get("/api/v1/cases/" + std::to_string(id), test::bearer(token));
        check_answer(role, b, answer, s.f.users[user].organisation == s.f.orgs["CAW"].id);
        if (b == basis_case::excluded) {
          // Must-not-know reaches lists too.
          auto listed = s.f.client->get("/api/v1/cases?limit=500", test::bearer(token));
          CHECK(listed.body().find("\"id\":" + std::to_string(id) + ",") == std::string::npos);
        }
        ++checked;
      }
    CHECK(checked == 6 * 5 + 4 + 1);

    // No canary in the server's log or in the audit trail.
    for (auto canary : {canary_street, canary_phone, canary_narrative, canary_care_note, canary_minutes}) {
      CAPTURE(canary);
      CHECK(s.f.log_text().find(canary) == std::string::npos);
      auto in_trail = s.f.app->db().read([&](SQLite::Database& db) {
        SQLite::Statement q(db, "SELECT count(*) FROM audit_entries WHERE instr(category || legal_basis || purpose || roles, ?) > 0");
        q.bind(1, std::string(canary));
        q.executeStep();
        return q.getColumn(0).getInt();
      });
      CHECK(in_trail == 0);
    }
  }

  TEST_CASE("consent expires and revocation takes effect at once") {
    secrecy_fixture s;
    auto id = s.new_case();
    s.establish(id, "police", s.f.orgs["Police"].id, basis_case::member);
    auto victim = s.family_of(id).at(0);
    auto path = "/api/v1/cases/" + std::to_string(id);
    auto tomorrow = core::format_date(core::date_of(s.f.clock + std::chrono::days(1)));
    REQUIRE(s.post(s.manager, id, "/consents", "{\"person\": " + std::to_string(victim) + ", \"organisation\": " +
                                                   std::to_string(s.f.orgs["Police"].id) +
                                                   ", \"category\": \"safe_address\", \"valid_until\": \"" + tomorrow + "\"}") ==
            status::created);
    auto sees_address = [&] {
      return s.f.client->get(path, test::bearer(s.police)).body().find(canary_street) != std::string::npos;
    };
    CHECK(sees_address());
    s.f.clock += std::chrono::days(3);
    s.police = s.f.log_in("police");
    s.manager = s.f.log_in("manager");
    CHECK_FALSE(sees_address());

    auto given = s.f.client->post(path + "/consents", "{\"person\": " + std::to_string(victim) + ", \"organisation\": " +
                                                          std::to_string(s.f.orgs["Police"].id) +
                                                          ", \"category\": \"safe_address\", \"valid_until\": \"2099-12-31\"}",
                                  test::bearer(s.manager));
    REQUIRE(given.result() == status::created);
    CHECK(sees_address());
    auto consent = std::to_string(test::json_of(given).at("id").as_int64());
    CHECK(s.post(s.manager, id, "/consents/" + consent + "/revoke", "{}") == status::no_content);
    CHECK_FALSE(sees_address());
    CHECK(s.post(s.manager, id, "/consents/" + consent + "/revoke", "{}") == status::not_found);
  }

  TEST_CASE("emergency access: password confirmed, time-limited, alerted, reviewed by an auditor") {
    secrecy_fixture s;
    auto id = s.new_case();
    auto path = "/api/v1/cases/" + std::to_string(id);
    CHECK(s.f.client->get(path, test::bearer(s.police)).result() == status::not_found);
    auto wrong = s.f.client->post(path + "/emergency-access",
                                  R"({"reason": "the victim called from a shelter", "password": "not my password at all"})",
                                  test::bearer(s.police));
    CHECK(wrong.result() == status::unauthorized);
    auto short_reason = s.f.client->post(path + "/emergency-access", "{\"reason\": \"urgent\", \"password\": \"" +
                                                                         std::string(test::test_password) + "\"}",
                                         test::bearer(s.police));
    CHECK(short_reason.result() == status::bad_request);
    CHECK(s.f.client->get(path, test::bearer(s.police)).result() == status::not_found);

    s.establish(id, "police", s.f.orgs["Police"].id, basis_case::emergency);
    auto opened = s.f.client->get(path, test::bearer(s.police));
    REQUIRE(opened.result() == status::ok);
    CHECK(test::json_of(opened).at("access").at("incident").as_string() == "write");
    // The case manager is alerted at once.
    auto alerts = s.f.app->db().read([&](SQLite::Database& db) {
      return db.execAndGet("SELECT count(*) FROM alerts WHERE kind = 'emergency_access' AND user_id = " +
                           std::to_string(s.f.users["manager"].id)).getInt();
    });
    CHECK(alerts == 1);
    // The auditor sees it in the review queue until closed.
    auto auditor = s.f.log_in("auditor");
    auto queue = test::json_of(s.f.client->get("/api/v1/emergency-access", test::bearer(auditor))).at("emergency_access").as_array();
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].at("case").as_int64() == id);
    auto grant = std::to_string(queue[0].at("id").as_int64());
    CHECK(s.f.client->post("/api/v1/emergency-access/" + grant + "/review", R"({"note": "justified: shelter call"})",
                           test::bearer(auditor)).result() == status::no_content);
    CHECK(test::json_of(s.f.client->get("/api/v1/emergency-access", test::bearer(auditor))).at("emergency_access").as_array().empty());
    // It lasts four hours.
    s.f.clock += std::chrono::hours(4) + std::chrono::minutes(1);
    s.police = s.f.log_in("police");
    CHECK(s.f.client->get(path, test::bearer(s.police)).result() == status::not_found);
  }

  TEST_CASE("the case manager lists who accessed the case; the auditor filters the whole trail") {
    secrecy_fixture s;
    auto id = s.new_case();
    s.establish(id, "police", s.f.orgs["Police"].id, basis_case::member);
    REQUIRE(s.f.client->get("/api/v1/cases/" + std::to_string(id), test::bearer(s.police)).result() == status::ok);
    auto log = test::json_of(s.f.client->get("/api/v1/cases/" + std::to_string(id) + "/access-log", test::bearer(s.manager)))
                   .at("entries").as_array();
    bool police_read = false;
    for (const auto& e : log)
      police_read = police_read || (e.at("user").as_int64() == s.f.users["police"].id && e.at("action").as_string() == "read" &&
                                    e.at("legal_basis").as_string().find("consultation") != std::string::npos);
    CHECK(police_read);
    // Another case manager is not this case's manager: no access log for them.
    auto other = s.f.log_in("manager2");
    CHECK(s.f.client->get("/api/v1/cases/" + std::to_string(id) + "/access-log", test::bearer(other)).result() ==
          status::not_found);
    auto auditor = s.f.log_in("auditor");
    auto filtered = test::json_of(s.f.client->get("/api/v1/audit?case=" + std::to_string(id) + "&user=" +
                                                      std::to_string(s.f.users["police"].id),
                                                  test::bearer(auditor))).at("entries").as_array();
    REQUIRE_FALSE(filtered.empty());
    for (const auto& e : filtered) {
      CHECK(e.at("case").as_int64() == id);
      CHECK(e.at("user").as_int64() == s.f.users["police"].id);
    }
    CHECK(s.f.client->get("/api/v1/audit?from=yesterday", test::bearer(auditor)).result() == status::bad_request);
  }
}
