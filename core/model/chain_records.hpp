#pragma once
// The case manager's work on a case: round tables, the action plan's goals
// and interventions, screenings of signals and protective factors, and
// contacts with the family. Each row keeps the id of the case event that
// recorded it. The rules for them live in chain/.

#include "core/model/enums.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace casechain::core {

enum class intervention_status : std::uint8_t { planned, in_progress, done, cancelled };
enum class screening_kind : std::uint8_t { risk, plan_start, closing };
enum class contact_channel : std::uint8_t { call, letter, visit, meeting };
enum class contact_outcome : std::uint8_t { reached, not_reached, refused };

template <> struct enum_names<intervention_status> {
  static constexpr std::array<std::string_view, 4> values{"planned", "in_progress", "done", "cancelled"};
};
template <> struct enum_names<screening_kind> {
  static constexpr std::array<std::string_view, 3> values{"risk", "plan_start", "closing"};
};
template <> struct enum_names<contact_channel> {
  static constexpr std::array<std::string_view, 4> values{"call", "letter", "visit", "meeting"};
};
template <> struct enum_names<contact_outcome> {
  static constexpr std::array<std::string_view, 3> values{"reached", "not_reached", "refused"};
};

struct round_table {
  std::int64_t id = 0;
  case_id case_ = 0;
  event_id event = 0;
  date held_on;
  std::vector<organisation_id> participants;
  std::string decisions;  // they bind the partners
  bool operator==(const round_table&) const = default;
};

struct plan_goal {
  std::int64_t id = 0;
  case_id case_ = 0;
  event_id event = 0;
  std::string text;
  bool operator==(const plan_goal&) const = default;
};

struct intervention {
  std::int64_t id = 0;
  case_id case_ = 0;
  event_id event = 0;
  std::optional<std::int64_t> goal;
  organisation_id organisation = 0;  // the executing partner
  std::optional<user_id> owner;
  std::string description;
  std::optional<date> due_on;
  intervention_status status = intervention_status::planned;
  std::string result;  // what came of it, once reported
  timestamp updated_at;
  bool reported() const {
    return status == intervention_status::cancelled || (status == intervention_status::done && !result.empty());
  }
  bool operator==(const intervention&) const = default;
};

// Scores 0 (none) to 4 (most) per factor, e.g. {"housing", 3}.
struct screening {
  std::int64_t id = 0;
  case_id case_ = 0;
  event_id event = 0;
  screening_kind kind = screening_kind::risk;
  std::vector<std::pair<std::string, int>> scores;
  bool operator==(const screening&) const = default;
};

struct contact {
  std::int64_t id = 0;
  case_id case_ = 0;
  event_id event = 0;
  timestamp at;
  contact_channel channel = contact_channel::call;
  contact_outcome outcome = contact_outcome::reached;
  bool operator==(const contact&) const = default;
};

struct alert {
  std::int64_t id = 0;
  case_id case_ = 0;
  std::optional<user_id> user;  // empty: for the triage team
  std::string kind;             // "new_report", "order_ending", "evaluation_due", ...
  std::string key;              // makes the alert one of a kind: a report id, a due date
  std::string detail = "{}";
  timestamp created_at;
  std::optional<timestamp> seen_at;
};

}  // namespace casechain::core
