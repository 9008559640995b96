#pragma once
// The rows and counts the evaluation figures (core/stats) are computed from:
// named, read-only queries over reports, decisions, cases and their work,
// each bound to a stats::query's period and filters. The rules that turn
// them into figures (clocks, percentiles, windows) live in core/stats.
// Errors: unavailable/internal when the database cannot be read.

#include "core/error.hpp"
#include "core/stats/query.hpp"

#include <SQLiteCpp/Database.h>

#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace casechain::core::store {

// One report of the period, with its triage and, once decided, its first contact.
struct stats_report_row {
  int proposed = 0;                      // 0: no proposal
  int decided = 0;                       // 0: no final decision
  std::string reported_at;
  std::optional<std::string> decided_at; // the final decision: confirmation, else decision
  bool has_case = false;
  std::optional<std::string> first_reached_at;  // first contact that reached the family, after the decision
};
// Calls `visit` for each report reported in the period (and zone); the row is reused.
result<void> visit_stats_reports(SQLite::Database& db, const stats::query& q,
                                 const std::function<void(const stats_report_row&)>& visit);

// A (track, name) count.
struct stats_count {
  int track = 0;
  std::string name;
  std::int64_t n = 0;
};
// "opened", "reopened" and "closed" events in the period, per the case's track.
result<std::vector<stats_count>> stats_case_events(SQLite::Database& db, const stats::query& q);
// Open cases now, per track and step name.
result<std::vector<stats_count>> stats_open_cases(SQLite::Database& db, const stats::query& q);
// Organisations admitted, one number per case active in the period.
result<std::vector<std::int64_t>> stats_partners_per_case(SQLite::Database& db, const stats::query& q);
// Round tables held in the period, and the distinct cases they were held for.
result<std::pair<std::int64_t, std::int64_t>> stats_round_tables(SQLite::Database& db, const stats::query& q);
// Interventions recorded in the period: name = "<organisation>\t<status>".
result<std::vector<stats_count>> stats_interventions(SQLite::Database& db, const stats::query& q);
// Open cases per case manager (track = 0; name = the user id, "" for none).
result<std::vector<stats_count>> stats_caseload(SQLite::Database& db, const stats::query& q);

// A moment (closure or help offer), when its 12 months end, and whether a report followed within them.
struct stats_moment {
  int track = 0;
  std::string window_end;
  bool repeated = false;
};
result<std::vector<stats_moment>> stats_closures(SQLite::Database& db, const stats::query& q);
result<std::vector<stats_moment>> stats_help_offers(SQLite::Database& db, const stats::query& q);

// For cases closed in the period: the latest plan_start and closing screenings' scores (JSON), when both exist.
result<std::vector<std::pair<std::string, std::string>>> stats_screening_pairs(SQLite::Database& db,
                                                                               const stats::query& q);

// Adds the undecided reports of the zone (all when no zone) to `into`: for filtering overdue work.
result<void> stats_report_ids_in_zone(SQLite::Database& db, const stats::query& q, std::unordered_set<std::int64_t>& into);
// Adds the open cases passing the query's filters to `into`: for filtering overdue work.
result<void> stats_open_case_ids(SQLite::Database& db, const stats::query& q, std::unordered_set<std::int64_t>& into);

}  // namespace casechain::core::store
