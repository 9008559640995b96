#pragma once
// A chain's daily writes against a real `casechain serve` (server_process),
// for the crash and fault tests: a police report, the team's decision, the
// case manager appointed, a partner admitted, a goal and an intervention.
// Every write the server acknowledged (2xx) is remembered with its id; the
// checks then compare the database file with what was acknowledged.

#include "tests/support/https_client.hpp"
#include "tests/support/process.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <boost/json.hpp>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace casechain::test {

inline const std::string load_password = "a long passphrase 42";

// Organisations and one user per role needed, through the command line.
inline void add_load_users(const std::string& binary, const std::filesystem::path& data) {
  auto cli = [&](std::vector<std::string> arguments, const std::string& input = "") {
    auto run = run_process(binary, arguments, input);
    if (run.status != 0) throw std::runtime_error(std::string{"casechain "} + arguments[0] + " failed: " + run.err);
  };
  for (auto [name, sector] : {std::pair{"FJC", "administration"}, {"Police", "police"}, {"CAW", "care"}})
    cli({"org", "add", "--data", data.string(), "--name", name, "--sector", sector});
  for (auto [user, org, role] : {std::tuple{"police", "Police", "police"}, {"triage", "FJC", "triage"},
                                 {"coordinator", "FJC", "coordinator"}, {"manager", "FJC", "case_manager"},
                                 {"admin", "FJC", "admin"}})
    cli({"user", "add", "--data", data.string(), "--username", user, "--org", org, "--role", role}, load_password + "\n");
}

inline boost::json::object json_of(const test_response& r) { return boost::json::parse(r.body()).as_object(); }

// What the server acknowledged; each list is ids (the case's for members and managers).
struct acknowledged {
  std::vector<std::int64_t> reports, decided_reports, decided_cases, managed_cases, member_cases, goals, interventions;
  std::vector<std::string> batches;  // the refs' common start ("B1-7#"), three reports each
  std::size_t log_ins = 0;
  std::size_t total() const {
    return reports.size() + decided_reports.size() + managed_cases.size() + member_cases.size() + goals.size() +
           interventions.size() + batches.size() + log_ins;
  }
};

class chain_load {
 public:
  chain_load(std::filesystem::path ca_pem) : ca_pem_(std::move(ca_pem)) {}

  void set_port(unsigned short port) { port_ = port; }

  // Logs in every user (the sessions outlive restarts: they are committed).
  void log_in() {
    for (auto name : {"police", "triage", "coordinator", "manager", "admin"}) {
      auto r = client().post("/api/v1/session", std::string{R"({"username":")"} + std::string(name) + R"(","password":")" +
                                                    load_password + R"("})");
      if (r.result_int() != 200) throw std::runtime_error(std::string{"log-in of "} + std::string(name) + " failed");
      tokens_[name] = std::string(json_of(r).at("token").as_string());
    }
    manager_id_ = json_of(client().get("/api/v1/me", bearer(tokens_["manager"]))).at("id").as_int64();
    auto orgs = json_of(client().get("/api/v1/organisations", bearer(tokens_["admin"])));
    for (const auto& o : orgs.at("organisations").as_array())
      if (o.as_object().at("name").as_string() == "CAW") partner_ = o.as_object().at("id").as_int64();
  }

  // One family's writes, stopping at the first one not acknowledged (a
  // refused connection, a reset, an error status). Returns how many were.
  int one_family(const std::string& ref) {
    auto report = send(http::verb::post, "/api/v1/reports", report_json(ref), "police", 201);
    if (!report) return 0;
    auto id = report->at("id").as_int64();
    auto proposed = report->at("triage").as_object().at("track").as_int64();
    remember(&acknowledged::reports, id);
    // Never lower the proposal (a lowering waits for a second member of the team).
    auto track = std::max<std::int64_t>(2, proposed);
    auto decided = send(http::verb::post, std::string{"/api/v1/reports/"} + std::to_string(id) + "/decision",
                        std::string{R"({"track":)"} + std::to_string(track) + R"(,"reason":"the team sees a chain case"})", "triage", 200);
    if (!decided || !decided->at("case").is_int64()) return 1;
    auto case_id = decided->at("case").as_int64();
    {
      std::lock_guard lock(mutex_);
      acked_.decided_reports.push_back(id);
      acked_.decided_cases.push_back(case_id);
    }
    auto base = std::string{"/api/v1/cases/"} + std::to_string(case_id);
    if (!send(http::verb::post, base + "/case-manager", std::string{R"({"user":)"} + std::to_string(manager_id_) + "}", "coordinator", 200))
      return 2;
    remember(&acknowledged::managed_cases, case_id);
    if (!send(http::verb::post, base + "/members", std::string{R"({"organisation":)"} + std::to_string(partner_) + "}", "manager", 204))
      return 3;
    remember(&acknowledged::member_cases, case_id);
    auto goal = send(http::verb::post, base + "/goals", std::string{R"({"text":"a safe home for )"} + ref + R"("})", "manager", 201);
    if (!goal) return 4;
    remember(&acknowledged::goals, goal->at("id").as_int64());
    auto planned = send(http::verb::post, base + "/interventions",
                        std::string{R"({"goal":)"} + std::to_string(goal->at("id").as_int64()) + R"(,"organisation":)" +
                            std::to_string(partner_) + R"(,"description":"weekly support talks","due_on":"2030-01-01"})",
                        "manager", 201);
    if (!planned) return 5;
    remember(&acknowledged::interventions, planned->at("id").as_int64());
    return 6;
  }

  // A log-in (a new session, committed with its audit entry); true when acknowledged.
  bool log_in_again(const std::string& name) {
    try {
      auto r = client().post("/api/v1/session", std::string{R"({"username":")"} + name + R"(","password":")" +
                                                    load_password + R"("})");
      if (r.result_int() != 200) {
        std::lock_guard lock(mutex_);
        odd_.push_back(r.result_int());
        return false;
      }
    } catch (const std::exception&) {
      return false;
    }
    std::lock_guard lock(mutex_);
    ++acked_.log_ins;
    return true;
  }

  // Three reports in one NDJSON batch (one chunk: all or none); refs start with `prefix`, which holds a '#'.
  bool one_batch(const std::string& prefix) {
    std::string body;
    for (int i = 0; i < 3; ++i) body += report_json(prefix + std::to_string(i)) + "\n";
    test_response r;
    try {
      r = client().send(http::verb::post, "/api/v1/reports/import", body, bearer(tokens_.at("police")),
                        "application/x-ndjson");
    } catch (const std::exception&) {
      return false;
    }
    if (r.result_int() != 200 || json_of(r).at("imported").as_int64() != 3) {
      std::lock_guard lock(mutex_);
      odd_.push_back(r.result_int());
      return false;
    }
    std::lock_guard lock(mutex_);
    acked_.batches.push_back(prefix);
    return true;
  }

  acknowledged snapshot() const {
    std::lock_guard lock(mutex_);
    return acked_;
  }
  // Statuses seen that were neither the expected one nor a lost connection.
  std::vector<unsigned> odd_statuses() const {
    std::lock_guard lock(mutex_);
    return odd_;
  }

  static std::string report_json(const std::string& ref) {
    std::string json = R"({"external_ref":")";
    json += ref;
    json += R"(","police_zone":"5345 Antwerpen","reported_at":"2026-11-30T21:40:00Z",)"
            R"("persons":[{"role":"victim","first_name":"Sofie","last_name":"Peeters)";
    json += ref;
    json += R"(","birth_date":"1990-06-02","gender":"female","address":{"street":"Lange Leemstraat","number":"12",)"
            R"("postcode":"2018","municipality":"Antwerpen"},"phone":"+32 478 12 34 56"},)"
            R"({"role":"suspect","first_name":"Kevin","last_name":"Janssens)";
    json += ref;
    json += R"(","birth_date":"1987-11-30","gender":"male"}],"relationship":"partner",)"
            R"("violence":{"physical":true,"psychological":false,"sexual":false,"economic":false,"threats":true,"stalking":false},)"
            R"("indicators":{"injury":true},"measures":{"restraining_order":null,"arrest":false,"red_file":false},)"
            R"("narrative":"Hij heeft haar geslagen en gewurgd. Er werd geen wapen gebruikt."})";
    return json;
  }

  https_client client() const { return https_client(ca_pem_, port_.load()); }
  const std::string& token(const std::string& name) { return tokens_.at(name); }

 private:
  // The answer's JSON (an empty object for 204) when the status is `expected`;
  // nothing for a failed connection or another status.
  std::optional<boost::json::object> send(http::verb method, const std::string& target, const std::string& body,
                                          const std::string& user, unsigned expected) {
    test_response r;
    try {
      r = client().send(method, target, body, bearer(tokens_.at(user)));
    } catch (const std::exception&) {
      return std::nullopt;  // killed before it answered: not acknowledged
    }
    if (r.result_int() != expected) {
      std::lock_guard lock(mutex_);
      odd_.push_back(r.result_int());
      return std::nullopt;
    }
    if (r.body().empty()) return boost::json::object{};
    return json_of(r);
  }
  void remember(std::vector<std::int64_t> acknowledged::*list, std::int64_t id) {
    std::lock_guard lock(mutex_);
    (acked_.*list).push_back(id);
  }

  std::filesystem::path ca_pem_;
  std::atomic<unsigned short> port_{0};
  std::map<std::string, std::string> tokens_;
  std::int64_t manager_id_ = 0;
  std::int64_t partner_ = 0;
  mutable std::mutex mutex_;
  acknowledged acked_;
  std::vector<unsigned> odd_;
};

// The database file against what was acknowledged: a list of what is wrong
// (empty when all is well). Opened read-only beside the running server.
inline std::vector<std::string> check_database(const std::filesystem::path& file, const acknowledged& acked) {
  std::vector<std::string> problems;
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  auto text = [&](const std::string& sql) { return db.execAndGet(sql).getString(); };
  auto count = [&](const std::string& sql) { return db.execAndGet(sql).getInt64(); };
  auto ids = [&](const std::string& sql) {
    std::set<std::int64_t> found;
    SQLite::Statement q(db, sql);
    while (q.executeStep()) found.insert(q.getColumn(0).getInt64());
    return found;
  };
  // One snapshot for every query below.
  db.exec("BEGIN");
  if (auto integrity = text("PRAGMA integrity_check"); integrity != "ok") problems.push_back(std::string{"integrity_check: "} + integrity);
  if (count("SELECT count(*) FROM pragma_foreign_key_check") != 0) problems.push_back("foreign_key_check finds orphans");

  auto expect_all = [&](const std::vector<std::int64_t>& wanted, const std::set<std::int64_t>& present, const char* what) {
    for (auto id : wanted)
      if (!present.count(id)) problems.push_back(std::string("acknowledged ") + what + std::string{" "} + std::to_string(id) + " is missing");
  };
  expect_all(acked.reports, ids("SELECT id FROM reports"), "report");
  expect_all(acked.decided_reports, ids("SELECT report_id FROM triage_decisions WHERE case_id IS NOT NULL"), "decision");
  expect_all(acked.decided_cases, ids("SELECT id FROM cases"), "case");
  expect_all(acked.managed_cases, ids("SELECT id FROM cases WHERE case_manager_id IS NOT NULL"), "case manager of case");
  expect_all(acked.member_cases, ids("SELECT case_id FROM case_members"), "partner of case");
  expect_all(acked.goals, ids("SELECT id FROM plan_goals"), "goal");
  expect_all(acked.interventions, ids("SELECT id FROM interventions"), "intervention");
  for (const auto& prefix : acked.batches) {
    SQLite::Statement q(db, "SELECT count(*) FROM reports WHERE substr(external_ref, 1, length(?1)) = ?1");
    q.bind(1, prefix);
    q.executeStep();
    if (q.getColumn(0).getInt64() != 3) problems.push_back("acknowledged batch " + prefix + " is not all there");
  }

  // Nothing half there, acknowledged or not.
  auto none = [&](const std::string& sql, const char* what) {
    if (auto n = count(sql); n != 0) problems.push_back(std::to_string(n) + " " + what);
  };
  none("SELECT count(*) FROM reports r WHERE (SELECT count(*) FROM report_persons p WHERE p.report_id = r.id) <> 2",
       "reports without their two persons");
  none("SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM triage_proposals t WHERE t.report_id = r.id)",
       "reports without their triage proposal");
  none("SELECT count(*) FROM reports WHERE family_id IS NULL", "reports not linked to a family");
  none("SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)",
       "cases without a case event");
  none("SELECT count(*) FROM triage_decisions d WHERE d.case_id IS NOT NULL AND NOT EXISTS "
       "(SELECT 1 FROM cases c WHERE c.id = d.case_id)",
       "decisions without their case");
  // Every stored write has its own allowed audit entry, and no more (each commits with its entry).
  auto entries = [&](const std::string& route) {
    return count("SELECT count(*) FROM audit_entries WHERE action = 'write' AND outcome = 'allowed' AND purpose = '" +
                 route + "'");
  };
  auto same = [&](std::int64_t stored, std::int64_t audited, const char* what) {
    if (stored != audited)
      problems.push_back(std::string(what) + std::string{": "} + std::to_string(stored) + std::string{" stored, "} + std::to_string(audited) +
                         " in the audit trail");
  };
  // Reports one by one (refs without '#'), and batches (one entry each, committed with the batch's chunk).
  same(count("SELECT count(*) FROM reports WHERE instr(external_ref, '#') = 0"), entries("POST /api/v1/reports"), "reports");
  same(count("SELECT count(DISTINCT substr(external_ref, 1, instr(external_ref, '#'))) FROM reports "
             "WHERE instr(external_ref, '#') > 0"),
       entries("POST /api/v1/reports/import"), "batches");
  none("SELECT count(*) FROM (SELECT count(*) AS n FROM reports WHERE instr(external_ref, '#') > 0 "
       "GROUP BY substr(external_ref, 1, instr(external_ref, '#')) HAVING n <> 3)",
       "batches not all there");
  same(count("SELECT count(*) FROM triage_decisions"), entries("POST /api/v1/reports/{id}/decision"), "decisions");
  same(count("SELECT count(*) FROM case_members"), entries("POST /api/v1/cases/{id}/members"), "partners admitted");
  same(count("SELECT count(*) FROM plan_goals"), entries("POST /api/v1/cases/{id}/goals"), "goals");
  same(count("SELECT count(*) FROM interventions"), entries("POST /api/v1/cases/{id}/interventions"), "interventions");
  same(count("SELECT count(*) FROM sessions"),
       count("SELECT count(*) FROM audit_entries WHERE action = 'log_in' AND outcome = 'allowed'"), "sessions");
  db.exec("COMMIT");
  return problems;
}

}  // namespace casechain::test
