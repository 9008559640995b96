#pragma once
// The case manager's records in the store: round tables, goals,
// interventions, screenings, contacts and alerts, each written with its case
// event in one transaction; and the facts the chain's guards read. The rules
// themselves live in chain/. Errors: not_found for unknown cases,
// organisations or users; invalid_argument for values the schema refuses.

#include "core/error.hpp"
#include "core/model/case_record.hpp"
#include "core/model/chain_records.hpp"

#include <SQLiteCpp/Database.h>

#include <map>
#include <string>
#include <vector>

namespace casechain::core::store {

// Each add_* stores the event, then the record with the event's id; the
// returned record carries both ids.
result<round_table> add_round_table(SQLite::Database& db, round_table r, const case_event& event);
result<std::vector<round_table>> round_tables(SQLite::Database& db, case_id c);

result<plan_goal> add_goal(SQLite::Database& db, plan_goal g, const case_event& event);
result<std::vector<plan_goal>> goals(SQLite::Database& db, case_id c);

result<intervention> add_intervention(SQLite::Database& db, intervention i, const case_event& event);
result<intervention> get_intervention(SQLite::Database& db, std::int64_t id);
// Writes status, result and updated_at of `i` (found by id), with `event`.
result<void> update_intervention(SQLite::Database& db, const intervention& i, const case_event& event);
result<std::vector<intervention>> interventions(SQLite::Database& db, case_id c);

result<screening> add_screening(SQLite::Database& db, screening s, const case_event& event);
result<std::vector<screening>> screenings(SQLite::Database& db, case_id c);

result<contact> add_contact(SQLite::Database& db, contact k, const case_event& event);
result<std::vector<contact>> contacts(SQLite::Database& db, case_id c);

// What has happened on a case since it was last opened or reopened.
struct case_facts {
  event_id cycle_start = 0;                 // the "opened" or "reopened" event
  std::map<std::string, int> events;        // event kind -> count since then
  int round_tables = 0;
  int goals = 0;
  int interventions = 0;
  int unreported_interventions = 0;         // neither cancelled nor done with a result
  std::map<std::string, int> screenings;    // kind -> count
  std::map<std::string, int> contacts;      // outcome -> count
  std::optional<timestamp> last_reached;    // the last contact that reached the family
  int count(const std::string& event_kind) const {
    auto it = events.find(event_kind);
    return it == events.end() ? 0 : it->second;
  }
};
result<case_facts> load_case_facts(SQLite::Database& db, case_id c);

// Adds an alert unless the same (case, kind, key) exists; true when added.
result<bool> add_alert(SQLite::Database& db, const alert& a);
// Unseen alerts for `user` (all users' when empty), newest first, at most `limit`.
result<std::vector<alert>> unseen_alerts(SQLite::Database& db, std::optional<user_id> user, int limit);
result<void> mark_alert_seen(SQLite::Database& db, std::int64_t id, timestamp at);

}  // namespace casechain::core::store

namespace casechain::core::store {

// What the chain's clocks need of one open case.
struct open_case_clock_facts {
  case_id id = 0;
  core::track track = track::help_offer;
  case_step step = case_step::intake;
  std::optional<user_id> case_manager;
  timestamp cycle_start;                      // opened, reopened or changed track, whichever is last
  std::optional<timestamp> first_reached;     // contacts that reached the family, since the cycle start
  std::optional<timestamp> last_reached;
  std::optional<timestamp> last_implementation;  // last entry into implementation
  std::optional<timestamp> last_evaluation;      // last entry into evaluation
  std::optional<date> order_from;                // the family's latest restraining order
  std::optional<date> order_until;
};
// Which open cases' clock facts to read: all, one case (none when it is closed), or one case manager's.
struct case_clock_scope {
  std::optional<case_id> case_ = std::nullopt;
  std::optional<user_id> case_manager = std::nullopt;
};
result<std::vector<open_case_clock_facts>> open_case_clocks(SQLite::Database& db, const case_clock_scope& scope = {});

struct undecided_report {
  report_id id = 0;
  timestamp reported_at;
};
// Reports with a proposal and no final decision, oldest first, at most `limit`.
result<std::vector<undecided_report>> undecided_reports(SQLite::Database& db, int limit);

}  // namespace casechain::core::store
