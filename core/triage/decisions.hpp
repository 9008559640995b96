#pragma once
// The triage team's decision on a report, recorded beside the instrument's
// proposal: the chosen track, by whom, when. A reason is required when the
// choice differs from the proposal. Raising the track is professional
// judgement; lowering it needs a second team member's confirmation (four
// eyes) before it takes effect. A decision that takes effect opens the
// family's case on that track, or moves its open case to it, or adds the
// report to it — always as a case event, in the same transaction.
// Errors: not_found (no such report or proposal), permission_denied (not a
// triage team member, or confirming one's own decision), invalid_argument
// (missing reason), failed_precondition (already decided; nothing to confirm).

#include "core/error.hpp"
#include "core/model/enums.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

namespace casechain::core::triage {

struct decision_request {
  report_id report = 0;
  core::track track = track::help_offer;
  user_id by = 0;
  std::string reason;
  timestamp at;
};

struct decision_outcome {
  bool awaiting_confirmation = false;
  std::optional<case_id> case_;  // the case the decision opened or updated
};

result<decision_outcome> decide(SQLite::Database& db, const decision_request& request);
// A second team member confirms a lowered track; `reason` is optional.
result<decision_outcome> confirm(SQLite::Database& db, report_id report, user_id by, timestamp at);

}  // namespace casechain::core::triage
