#pragma once
// Triage proposals and the team's decisions in the store, and the queue of
// reports awaiting a decision. The rules of deciding (reasons, four eyes)
// live in core/triage/decisions; this file only reads and writes rows.
// Errors: not_found for a report without a proposal or decision.

#include "core/error.hpp"
#include "core/model/enums.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace casechain::core::store {

struct stored_proposal {
  report_id report = 0;
  std::string instrument;
  core::track track = track::help_offer;
  std::string risk_level;
  int score = 0;
  std::string record;  // the decision record as JSON
  timestamp proposed_at;
};

enum class decision_status { decided, awaiting_confirmation };

struct stored_decision {
  report_id report = 0;
  core::track track = track::help_offer;
  std::string reason;
  user_id decided_by = 0;
  timestamp decided_at;
  decision_status status = decision_status::decided;
  std::optional<user_id> confirmed_by;
  std::optional<timestamp> confirmed_at;
  std::optional<case_id> case_;
};

result<stored_proposal> get_proposal(SQLite::Database& db, report_id report);
result<stored_decision> get_decision(SQLite::Database& db, report_id report);
result<void> insert_decision(SQLite::Database& db, const stored_decision& d);
// Marks a decision confirmed (and links its case).
result<void> confirm_decision(SQLite::Database& db, report_id report, user_id by, timestamp at,
                              std::optional<case_id> opened);
result<void> set_decision_case(SQLite::Database& db, report_id report, case_id c);

struct queue_entry {
  report_id report = 0;
  std::string external_ref;
  std::string police_zone;
  timestamp reported_at;
  core::track proposed = track::help_offer;
  bool awaiting_confirmation = false;
};
// Reports without a final decision, oldest first; `limit` at most 1000.
result<std::vector<queue_entry>> triage_queue(SQLite::Database& db, int limit);

// One decided report, for the validity figures.
struct decided_pair {
  report_id report = 0;
  family_id family = 0;
  timestamp reported_at;
  core::track proposed = track::help_offer;
  core::track decided = track::help_offer;
  std::string record;  // the proposal's decision record (its fired rules)
};
// Decided reports whose report date falls in [from, to).
result<std::vector<decided_pair>> decided_reports(SQLite::Database& db, timestamp from, timestamp to);
// True when the family has another report within 365 days after `after`.
result<bool> has_report_within_year(SQLite::Database& db, family_id family, report_id report, timestamp after);

}  // namespace casechain::core::store
