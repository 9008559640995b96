#pragma once
// The state of a case rebuilt from its events alone: the proof that the
// stored state is derived from, and consistent with, the history.

#include "core/model/case_record.hpp"

#include <vector>

namespace casechain::chain {

struct case_state {
  core::track track = core::track::help_offer;
  core::case_step step = core::case_step::intake;
  std::optional<core::user_id> case_manager;
  std::optional<core::timestamp> closed_at;
  std::string closure_reason;
  bool operator==(const case_state&) const = default;
};

// The state after `events` (oldest first). Unknown event kinds change nothing.
case_state rebuild_state(const std::vector<core::case_event>& events);
// The stored case's state fields, for comparison.
case_state state_of(const core::case_record& c);

}  // namespace casechain::chain
