#pragma once
// The case manager's operations on a case. Each checks the chain's rules,
// then writes the change and its case event in one transaction, so the
// history and the state never disagree. Who may call what is the API's
// concern (roles and the secrecy policy); these functions check the rules of
// the work itself: a closed case takes no work until reopened, partners
// must be members of the consultation, a case manager must be an active user
// with that role, reasons are required where the rules ask for one.
// Errors: not_found (no such case, user, organisation or intervention),
// invalid_argument (a malformed or missing value), failed_precondition (the
// rules refuse it; for a transition the message lists every unmet guard).

#include "chain/workflow.hpp"
#include "core/error.hpp"
#include "core/model/case_record.hpp"
#include "core/model/chain_records.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace casechain::chain {

// Who acts, and when.
struct actor {
  core::user_id user = 0;
  core::timestamp at;
};

// The transition's unmet guards (empty when it may happen now); invalid_argument
// when `to` does not follow the case's step on its track.
core::result<std::vector<unmet_guard>> check_transition(SQLite::Database& db, core::case_id c, core::case_step to,
                                                        std::string_view closure_reason, core::timestamp now);
// Moves the case to `to`. Closing needs `closure_reason`; `note` is kept with the event.
core::result<core::case_record> transition(SQLite::Database& db, core::case_id c, core::case_step to, const actor& who,
                                           const std::string& closure_reason = {}, const std::string& note = {});

// A recorded decision to change track (up or down), with its reason; the case
// restarts at the new track's first step, keeping its history.
core::result<core::case_record> change_track(SQLite::Database& db, core::case_id c, core::track to, const actor& who,
                                             const std::string& reason);
// Reopens a closed case at its track's first step; its history stays.
core::result<core::case_record> reopen(SQLite::Database& db, core::case_id c, const actor& who,
                                       const std::string& reason);
// Appoints the case manager, or hands the case over to another one.
core::result<core::case_record> assign_case_manager(SQLite::Database& db, core::case_id c, core::user_id manager,
                                                    const actor& who, const std::string& note = {});

// Milestones the guards look for: criteria_confirmed, plan_agreed_partners,
// plan_agreed_family, intake_held, safety_plan_made, referral_made,
// crisis_intervention.
core::result<void> record_milestone(SQLite::Database& db, core::case_id c, std::string_view milestone,
                                    const actor& who, const std::string& note = {});
bool is_milestone(std::string_view kind);

// Admits an organisation to the case's consultation.
core::result<void> admit_member(SQLite::Database& db, core::case_id c, core::organisation_id org, const actor& who);

// Participants must be members of the consultation; decisions bind the partners.
core::result<core::round_table> record_round_table(SQLite::Database& db, core::case_id c, core::date held_on,
                                                   std::vector<core::organisation_id> participants,
                                                   const std::string& decisions, const actor& who);
core::result<core::plan_goal> add_goal(SQLite::Database& db, core::case_id c, const std::string& text,
                                       const actor& who);
// The executing organisation must be a member; the owner, when given, must work there.
core::result<core::intervention> plan_intervention(SQLite::Database& db, core::case_id c,
                                                   std::optional<std::int64_t> goal, core::organisation_id org,
                                                   std::optional<core::user_id> owner, const std::string& description,
                                                   std::optional<core::date> due_on, const actor& who);
// Sets an intervention's status; done needs its result.
core::result<core::intervention> report_intervention(SQLite::Database& db, std::int64_t intervention,
                                                     core::intervention_status status, const std::string& result,
                                                     const actor& who);

// The factors a screening scores, 0 (none) to 4 (most).
inline constexpr std::string_view screening_factors[] = {
    "housing", "income", "health", "addiction", "day_activities", "education", "network", "bond_with_children",
    "safety"};
core::result<core::screening> record_screening(SQLite::Database& db, core::case_id c, core::screening_kind kind,
                                               std::vector<std::pair<std::string, int>> scores, const actor& who);
core::result<core::contact> record_contact(SQLite::Database& db, core::case_id c, core::contact_channel channel,
                                           core::contact_outcome outcome, core::timestamp at, const actor& who);

}  // namespace casechain::chain
