#pragma once
// A small hand-built chain database whose figures are known by hand
// (tests/chain/figures_test.cpp works them out): reports around the turn of
// 2025/2026 with Christmas and New Year in the clocks, a report with no
// decision, one awaiting a second team member, a reopened case, closures
// followed (or not) by a new report, screenings at plan start and closure.
// Rows are written with plain SQL so every timestamp is exactly as chosen.

#include "core/store/report_store.hpp"
#include "tests/support/test_database.hpp"

#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace casechain::test {

class stats_builder {
 public:
  // Sensitive columns are sealed under `protection`: the data folder's keys
  // when commands will read the rows, throwaway keys otherwise.
  explicit stats_builder(SQLite::Database& db, std::shared_ptr<const core::crypto::field_protection> protection =
                                                   core::crypto::ephemeral_protection())
      : db_(db), protection_(std::move(protection)) {}
  const core::crypto::field_protection& protection() const { return *protection_; }

  std::int64_t org(const std::string& name) {
    return insert("INSERT INTO organisations (name, sector, created_at) VALUES (?, 'care', '2024-01-01T00:00:00Z')", name);
  }
  std::int64_t user(const std::string& name, std::int64_t org) {
    return insert("INSERT INTO users (username, organisation_id, password_hash, created_at) VALUES (?, ?, '$h', "
                  "'2024-01-01T00:00:00Z')", name, org);
  }
  std::int64_t family() { return insert("INSERT INTO families (created_at) VALUES ('2024-01-01T00:00:00Z')"); }
  // A report with the instrument's proposal (0: none).
  std::int64_t report(const std::string& zone, const std::string& reported_at, std::optional<std::int64_t> family,
                      int proposed, const std::string& narrative = "") {
    auto next = db_.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM reports").getInt64();
    auto sealed = core::store::seal_narrative(protection_->sealing, next, narrative);
    SQLite::Statement s(db_, "INSERT INTO reports (id, external_ref, police_zone, reported_at, relationship, violence, "
                             "indicators, arrest, red_file, narrative_sealed, family_id, received_at) "
                             "VALUES (?1, ?2, ?3, ?4, 'partner', '[]', '{}', 0, 0, ?5, ?6, ?7)");
    s.bind(1, next);
    s.bind(2, "PVCANARY-" + std::to_string(++refs_));  // a police report number: never exported
    s.bind(3, zone);
    s.bind(4, reported_at);
    s.bind(5, static_cast<const void*>(sealed.data()), static_cast<int>(sealed.size()));
    if (family) s.bind(6, *family);
    s.bind(7, reported_at);
    s.exec();
    auto id = db_.getLastInsertRowid();
    if (proposed)
      exec("INSERT INTO triage_proposals (report_id, instrument, track, risk_level, score, complexity, unknowns, "
           "proposed_at) VALUES (?, 'swift-1', ?, 'medium', 1, 0, 0, ?)", id, proposed, reported_at);
    return id;
  }
  // A person named in `report`, linked and a member of `family`, with identifiers tests look for.
  std::int64_t person(std::int64_t report, int position, std::int64_t family, const std::string& role,
                      const std::string& first, const std::string& birth, const std::string& gender,
                      const std::string& national_id, const std::string& postcode, const std::string& phone) {
    auto id = insert("INSERT INTO persons (first_name, last_name, birth_date, gender, national_id, created_at) "
                     "VALUES (?, 'Quixlemort', ?, ?, ?, '2024-01-01T00:00:00Z')", first, birth, gender, national_id);
    auto address = core::store::seal_address(protection_->sealing, report, position,
                                             {"Canarystraat", "17", postcode, "Canaryville"});
    auto sealed_phone = core::store::seal_phone(protection_->sealing, report, position, phone);
    SQLite::Statement s(db_, "INSERT INTO report_persons (report_id, position, person_id, role, first_name, last_name, "
                             "birth_date, gender, national_id, address_sealed, phone_sealed) "
                             "VALUES (?, ?, ?, ?, ?, 'Quixlemort', ?, ?, ?, ?, ?)");
    s.bind(1, report);
    s.bind(2, position);
    s.bind(3, id);
    s.bind(4, role);
    s.bind(5, first);
    s.bind(6, birth);
    s.bind(7, gender);
    s.bind(8, national_id);
    s.bind(9, static_cast<const void*>(address.data()), static_cast<int>(address.size()));
    s.bind(10, static_cast<const void*>(sealed_phone.data()), static_cast<int>(sealed_phone.size()));
    s.exec();
    exec("INSERT INTO family_members (family_id, person_id, role) VALUES (?, ?, ?)", family, id, role);
    return id;
  }
  void decision(std::int64_t report, int track, const std::string& decided_at, std::int64_t by,
                std::optional<std::int64_t> case_id, const std::string& status = "decided") {
    SQLite::Statement s(db_, "INSERT INTO triage_decisions (report_id, track, decided_by, decided_at, status, case_id) "
                             "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, report);
    s.bind(2, track);
    s.bind(3, by);
    s.bind(4, decided_at);
    s.bind(5, status);
    if (case_id) s.bind(6, *case_id);
    s.exec();
  }
  // A case opened at `opened_at` (with its "opened" event).
  std::int64_t open_case(std::int64_t family, int track, const std::string& step, const std::string& opened_at,
                         std::optional<std::int64_t> manager = {}) {
    SQLite::Statement s(db_, "INSERT INTO cases (family_id, track, step, case_manager_id, opened_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, family);
    s.bind(2, track);
    s.bind(3, step);
    if (manager) s.bind(4, *manager);
    s.bind(5, opened_at);
    s.bind(6, opened_at);
    s.exec();
    auto id = db_.getLastInsertRowid();
    event(id, opened_at, "opened", "{}");
    return id;
  }
  std::int64_t event(std::int64_t case_id, const std::string& at, const std::string& kind, const std::string& detail) {
    return insert("INSERT INTO case_events (case_id, at, kind, detail) VALUES (?, ?, ?, ?)", case_id, at, kind, detail);
  }
  void close(std::int64_t case_id, const std::string& at, const std::string& from_step) {
    event(case_id, at, "transition", "{\"from\":\"" + from_step + "\",\"to\":\"closed\"}");
    exec("UPDATE cases SET step = 'closed', closed_at = ?, closure_reason = 'goals_met' WHERE id = ?", at, case_id);
  }
  void reopen(std::int64_t case_id, const std::string& at, const std::string& step) {
    event(case_id, at, "reopened", "{}");
    exec("UPDATE cases SET step = ?, closed_at = NULL, closure_reason = NULL WHERE id = ?", step, case_id);
  }
  void member(std::int64_t case_id, std::int64_t org) {
    exec("INSERT INTO case_members (case_id, organisation_id, admitted_at) VALUES (?, ?, '2024-01-01T00:00:00Z')",
         case_id, org);
  }
  void contact(std::int64_t case_id, const std::string& at, const std::string& outcome) {
    auto e = event(case_id, at, "contact", "{}");
    exec("INSERT INTO contacts (case_id, event_id, at, channel, outcome) VALUES (?, ?, ?, 'call', ?)", case_id, e, at,
         outcome);
  }
  void round_table(std::int64_t case_id, const std::string& held_on) {
    auto e = event(case_id, held_on + "T10:00:00Z", "round_table", "{}");
    exec("INSERT INTO round_tables (case_id, event_id, held_on, decisions) VALUES (?, ?, ?, 'x')", case_id, e, held_on);
  }
  void intervention(std::int64_t case_id, std::int64_t org, const std::string& at, const std::string& status) {
    auto e = event(case_id, at, "intervention_planned", "{}");
    exec("INSERT INTO interventions (case_id, event_id, organisation_id, description, status, updated_at) "
         "VALUES (?, ?, ?, 'support', ?, ?)", case_id, e, org, status, at);
  }
  void screening(std::int64_t case_id, const std::string& kind, const std::string& scores) {
    auto e = event(case_id, "2025-12-01T10:00:00Z", "screening", "{}");
    exec("INSERT INTO screenings (case_id, event_id, kind, scores) VALUES (?, ?, ?, ?)", case_id, e, kind, scores);
  }

 private:
  template <class... V>
  void exec(const char* sql, const V&... values) {
    SQLite::Statement s(db_, sql);
    int i = 0;
    (s.bind(++i, values), ...);
    s.exec();
  }
  template <class... V>
  std::int64_t insert(const char* sql, const V&... values) {
    exec(sql, values...);
    return db_.getLastInsertRowid();
  }
  SQLite::Database& db_;
  std::shared_ptr<const core::crypto::field_protection> protection_;
  int refs_ = 0;
};

// The scenario of tests/chain/figures_test.cpp, written into `db`; ids kept for the checks.
struct stats_scenario_rows {
  stats_builder b;
  std::int64_t org_a = b.org("A org"), org_b = b.org("B org"), org_c = b.org("C org");
  std::int64_t triage = b.user("triage", org_a), manager = b.user("manager", org_a);
  std::int64_t f1 = b.family(), f2 = b.family(), f3 = b.family(), f4 = b.family(), f5 = b.family(), f6 = b.family();
  std::int64_t c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0;

  explicit stats_scenario_rows(SQLite::Database& db, std::shared_ptr<const core::crypto::field_protection> protection =
                                                          core::crypto::ephemeral_protection())
      : b(db, std::move(protection)) {
    b.report("Z1", "2025-12-14T23:59:59Z", std::nullopt, 1);  // R0: the second before the period
    b.report("Z1", "2026-01-16T00:00:00Z", std::nullopt, 1);  // R5: the first second after it
    b.report("Z1", "2025-06-01T10:00:00Z", f4, 2);            // R8: F4's first report, long before
    b.report("Z2", "2026-01-30T10:00:00Z", f5, 2);            // R10: F5, after the period

    c1 = b.open_case(f1, 2, "file", "2025-12-24T10:00:00Z", manager);
    auto r1 = b.report("Z1", "2025-12-23T10:00:00Z", f1, 2);
    b.decision(r1, 2, "2025-12-24T10:00:00Z", triage, c1);
    b.event(c1, "2025-12-29T10:00:00Z", "transition", R"({"from":"intake","to":"file"})");
    b.contact(c1, "2026-01-02T09:00:00Z", "reached");
    b.member(c1, org_a);
    b.member(c1, org_b);
    b.round_table(c1, "2025-12-30");
    b.round_table(c1, "2026-02-01");
    b.intervention(c1, org_b, "2026-01-03T10:00:00Z", "in_progress");

    c2 = b.open_case(f2, 1, "contact", "2026-01-05T12:00:00Z");
    auto r2 = b.report("Z1", "2025-12-31T12:00:00Z", f2, 1);
    b.decision(r2, 1, "2026-01-05T12:00:00Z", triage, c2);
    b.contact(c2, "2026-01-06T09:00:00Z", "not_reached");
    b.contact(c2, "2026-01-13T10:00:00Z", "reached");
    b.member(c2, org_a);
    b.screening(c2, "plan_start", R"({"housing":3,"safety":2})");
    b.screening(c2, "closing", R"({"housing":1,"safety":2})");
    b.close(c2, "2026-01-14T10:00:00Z", "referral");
    b.report("Z1", "2026-03-01T10:00:00Z", f2, 1);  // R7: a repeat report on F2

    b.report("Z2", "2026-01-10T08:00:00Z", f6, 3);  // R3: no decision yet
    auto r4 = b.report("Z1", "2026-01-14T08:00:00Z", std::nullopt, 2);
    b.decision(r4, 1, "2026-01-14T09:00:00Z", triage, std::nullopt, "awaiting_confirmation");

    c3 = b.open_case(f3, 3, "intake", "2025-12-15T06:00:00Z");
    auto r6 = b.report("Z1", "2025-12-15T00:00:00Z", f3, 2);  // the period's first second
    b.decision(r6, 3, "2025-12-15T06:00:00Z", triage, c3);

    c4 = b.open_case(f4, 2, "intake", "2024-11-01T10:00:00Z", manager);
    b.close(c4, "2024-12-10T10:00:00Z", "evaluation");
    b.reopen(c4, "2025-12-20T10:00:00Z", "intake");
    b.member(c4, org_a);
    b.member(c4, org_b);
    b.member(c4, org_c);
    b.intervention(c4, org_c, "2025-12-22T10:00:00Z", "done");
    b.screening(c4, "plan_start", R"({"housing":2})");
    b.screening(c4, "closing", R"({"housing":3})");
    b.close(c4, "2026-01-10T10:00:00Z", "evaluation");
    b.report("Z1", "2027-01-10T10:00:01Z", f4, 2);  // R9: one second after C4's 12 months

    c5 = b.open_case(f5, 2, "intake", "2026-02-01T10:00:00Z", manager);
  }
};

struct owned_test_database {
  test_database t;
};

// The scenario in a database of its own.
struct stats_scenario : owned_test_database, stats_scenario_rows {
  stats_scenario() : stats_scenario_rows(t.sql()) {}
};

}  // namespace casechain::test
