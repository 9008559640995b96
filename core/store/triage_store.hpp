#pragma once
// Triage proposals and the team's decisions in the store, and the queue of
// reports awaiting a decision. The rules of deciding (reasons, four eyes)
// live in core/triage/decisions; this file only reads and writes rows.
// The decision record (it names the narrative words that fired each rule) is
// sealed (core/crypto/sealer.hpp); the ids of the rules that fired are kept
// in clear beside it. Errors: not_found for a report without a proposal or
// decision; failed_precondition for a record that does not open.

#include "core/crypto/sealer.hpp"
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
  std::string fired_rules;  // the ids of the rules that fired, a JSON array
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

// The proposal without its decision record (nothing sealed is opened).
result<stored_proposal> get_proposal(SQLite::Database& db, report_id report);
// The proposal's decision record as JSON, opened.
result<std::string> open_proposal_record(SQLite::Database& db, const crypto::sealer& sealer, report_id report);
// Seals a decision record where it is stored: triage_proposals.record_sealed of the report's row.
crypto::sealed_blob seal_proposal_record(const crypto::sealer& sealer, report_id report, std::string_view record);
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

// Seals the decision records migration 0008 set aside in clear
// (triage_records_to_seal), one transaction per `batch_size`, emptying that
// table; then truncates the write-ahead log, so no copy of them is left in
// it. Returns how many it sealed (0, and no checkpoint, when none were left).
result<std::int64_t> seal_records_left_in_clear(SQLite::Database& db, const crypto::sealer& sealer,
                                                int batch_size = 1000);

// One decided report, for the validity figures.
struct decided_pair {
  report_id report = 0;
  family_id family = 0;
  timestamp reported_at;
  core::track proposed = track::help_offer;
  core::track decided = track::help_offer;
  std::string fired_rules;  // the ids of the proposal's fired rules, a JSON array
};
// Decided reports whose report date falls in [from, to).
result<std::vector<decided_pair>> decided_reports(SQLite::Database& db, timestamp from, timestamp to);
// True when the family has another report within 365 days after `after`.
result<bool> has_report_within_year(SQLite::Database& db, family_id family, report_id report, timestamp after);

}  // namespace casechain::core::store
