#pragma once
// A family's case in the chain, the organisations admitted to its
// consultation, and its append-only history of events.

#include "core/model/enums.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <optional>
#include <string>

namespace casechain::core {

struct case_record {
  case_id id = 0;
  family_id family = 0;
  core::track track = track::help_offer;
  case_step step = case_step::intake;
  std::optional<user_id> case_manager;
  timestamp opened_at;
  std::optional<timestamp> closed_at;
  std::string closure_reason;  // empty while open
  timestamp updated_at;
  bool operator==(const case_record&) const = default;
};

struct case_member {
  case_id case_ = 0;
  organisation_id organisation = 0;
  timestamp admitted_at;
  std::optional<user_id> admitted_by;
  bool operator==(const case_member&) const = default;
};

// One entry of a case's history. `detail` is a JSON object with the facts of
// the change (e.g. {"from":"intake","to":"file"}); `reason` is the person's
// own words where the rules ask for one.
struct case_event {
  event_id id = 0;
  case_id case_ = 0;
  timestamp at;
  std::optional<user_id> actor;  // empty for the system's own events
  std::string kind;              // e.g. "opened", "transition", "member_admitted"
  std::string detail = "{}";
  std::string reason;
  bool operator==(const case_event&) const = default;
};

}  // namespace casechain::core
