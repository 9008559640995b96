#pragma once
// The chain's workflow: for each track, which step may follow which, and the
// guards each transition needs, in words a case manager understands.
//   Track 2 (CO3): intake -> file -> assessment -> assignment -> implementation
//                  -> evaluation -> closed, or evaluation -> implementation.
//   Track 1 (help offer): contact -> intake -> safety_plan -> referral -> closed.
//   Track 3 (intensive): intake -> crisis -> system_help -> follow_up -> closed,
//                  or follow_up -> system_help.
// Before its last step a case closes only because the family refused help,
// moved or was transferred (track 1 also: not reached after three attempts).
// Pure rules over a case and its facts; nothing here reads or writes the store.

#include "core/model/case_record.hpp"
#include "core/store/chain_store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace casechain::chain {

// The reasons a case may close for.
inline constexpr std::string_view closure_reasons[] = {
    "goals_met", "family_moved", "refused_help", "transferred", "not_reached", "follow_up_ended", "no_help_needed"};
bool is_closure_reason(std::string_view reason);

// What a guard looks at.
struct guard_input {
  const core::case_record& c;
  const core::store::case_facts& facts;
  std::string_view closure_reason;  // for transitions to closed
  core::timestamp now;
};

struct unmet_guard {
  std::string id;    // stable, e.g. "round_table_held"
  std::string text;  // e.g. "a multidisciplinary round table has been held"
  bool operator==(const unmet_guard&) const = default;
};

// The steps a case may move to from its current step (its track's table).
std::vector<core::case_step> next_steps(core::track t, core::case_step from);

// Whether `to` follows the case's step on its track at all.
bool is_transition(core::track t, core::case_step from, core::case_step to);

// Every guard of the transition that does not hold; empty when it may happen.
// Precondition: is_transition(c.track, c.step, to).
std::vector<unmet_guard> unmet_guards(const guard_input& in, core::case_step to);

// Steps that belong to a track (closed belongs to all).
bool step_of_track(core::track t, core::case_step s);

}  // namespace casechain::chain
