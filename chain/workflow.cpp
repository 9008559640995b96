#include "chain/workflow.hpp"

#include <algorithm>
#include <chrono>
#include <functional>

namespace casechain::chain {
namespace {

using core::case_step;
using core::track;
using step = case_step;

struct guard {
  const char* id;
  const char* text;
  std::function<bool(const guard_input&)> holds;
};

struct transition_rule {
  track on;
  step from;
  step to;
  std::vector<guard> guards;
};

bool early_reason(std::string_view r) { return r == "refused_help" || r == "family_moved" || r == "transferred"; }

// The guards, each once; transitions below refer to them.
const guard criteria_confirmed{"criteria_confirmed", "the chain's criteria have been confirmed for this family",
                               [](const guard_input& in) { return in.facts.count("criteria_confirmed") > 0; }};
const guard round_table_held{"round_table_held", "a multidisciplinary round table has been held",
                             [](const guard_input& in) { return in.facts.round_tables > 0; }};
const guard case_manager_appointed{"case_manager_appointed", "a case manager has been appointed",
                                   [](const guard_input& in) { return in.c.case_manager.has_value(); }};
const guard risk_screening{"risk_screening", "a risk screening of signals and protective factors has been recorded",
                           [](const guard_input& in) { return in.facts.screenings.count("risk") > 0; }};
const guard global_plan{"global_plan", "the action plan has at least one goal",
                        [](const guard_input& in) { return in.facts.goals > 0; }};
const guard interventions_planned{"interventions_planned",
                                  "the plan has concrete interventions, each with its executing partner",
                                  [](const guard_input& in) { return in.facts.interventions > 0; }};
const guard plan_agreed_partners{"plan_agreed_partners", "the plan has been agreed with the executing partners",
                                 [](const guard_input& in) { return in.facts.count("plan_agreed_partners") > 0; }};
const guard plan_agreed_family{"plan_agreed_family", "the plan has been agreed with the family members",
                               [](const guard_input& in) { return in.facts.count("plan_agreed_family") > 0; }};
const guard interventions_reported{
    "interventions_reported", "every intervention has been reported on (done with its result, or cancelled)",
    [](const guard_input& in) { return in.facts.interventions > 0 && in.facts.unreported_interventions == 0; }};
const guard closure_reason_given{"closure_reason", "a reason for closing is given",
                                 [](const guard_input& in) { return is_closure_reason(in.closure_reason); }};
const guard closing_screening{"closing_screening", "a closing screening has been recorded",
                              [](const guard_input& in) { return in.facts.screenings.count("closing") > 0; }};
const guard early_closure{"early_closure_reason",
                          "before the last step, a case closes only because the family refused help, moved or was "
                          "transferred",
                          [](const guard_input& in) { return early_reason(in.closure_reason); }};
const guard early_closure_or_not_reached{
    "early_closure_reason",
    "before the intake, a help offer closes only because the family was not reached, refused help, moved or was "
    "transferred",
    [](const guard_input& in) { return early_reason(in.closure_reason) || in.closure_reason == "not_reached"; }};
const guard three_attempts{"three_attempts", "closing as not reached needs at least three contact attempts",
                           [](const guard_input& in) {
                             if (in.closure_reason != "not_reached") return true;
                             auto it = in.facts.contacts.find("not_reached");
                             return it != in.facts.contacts.end() && it->second >= 3;
                           }};
const guard family_reached{"family_reached", "the family has been reached",
                           [](const guard_input& in) { return in.facts.contacts.count("reached") > 0; }};
const guard intake_held{"intake_held", "an intake conversation has been held",
                        [](const guard_input& in) { return in.facts.count("intake_held") > 0; }};
const guard safety_plan_made{"safety_plan_made", "a safety plan has been made",
                             [](const guard_input& in) { return in.facts.count("safety_plan_made") > 0; }};
const guard referral_made{"referral_made", "the family has been referred to regular services",
                          [](const guard_input& in) { return in.facts.count("referral_made") > 0; }};
const guard first_contact_made{"first_contact_made", "the first contact with the family has been made",
                               [](const guard_input& in) { return in.facts.contacts.count("reached") > 0; }};
const guard crisis_intervention{"crisis_intervention", "a crisis intervention has been recorded",
                                [](const guard_input& in) { return in.facts.count("crisis_intervention") > 0; }};
const guard follow_up_year{"follow_up_year",
                           "closing as follow-up ended needs the year of follow-up to have passed",
                           [](const guard_input& in) {
                             return in.closure_reason != "follow_up_ended" ||
                                    in.now >= in.c.opened_at + std::chrono::days{365};
                           }};

std::vector<transition_rule> build_rules() {
  std::vector<transition_rule> rules{
      // Track 2: the CO3 chain.
      {track::chain, step::intake, step::file, {criteria_confirmed}},
      {track::chain, step::file, step::assessment, {round_table_held, case_manager_appointed}},
      {track::chain, step::assessment, step::assignment, {risk_screening, global_plan}},
      {track::chain, step::assignment, step::implementation,
       {interventions_planned, plan_agreed_partners, plan_agreed_family}},
      {track::chain, step::implementation, step::evaluation, {interventions_reported}},
      {track::chain, step::evaluation, step::implementation, {}},
      {track::chain, step::evaluation, step::closed, {closure_reason_given, closing_screening}},
      // Track 1: the help offer.
      {track::help_offer, step::contact, step::intake, {family_reached}},
      {track::help_offer, step::intake, step::safety_plan, {intake_held}},
      {track::help_offer, step::safety_plan, step::referral, {safety_plan_made}},
      {track::help_offer, step::referral, step::closed, {closure_reason_given, referral_made}},
      {track::help_offer, step::contact, step::closed, {early_closure_or_not_reached, three_attempts}},
      // Track 3: intensive case management.
      {track::intensive, step::intake, step::crisis, {case_manager_appointed, first_contact_made}},
      {track::intensive, step::crisis, step::system_help, {crisis_intervention}},
      {track::intensive, step::system_help, step::follow_up, {risk_screening, global_plan}},
      {track::intensive, step::follow_up, step::system_help, {}},
      {track::intensive, step::follow_up, step::closed, {closure_reason_given, closing_screening, follow_up_year}},
  };
  // Early closure from every other open step.
  for (auto s : {step::intake, step::file, step::assessment, step::assignment, step::implementation})
    rules.push_back({track::chain, s, step::closed, {early_closure}});
  for (auto s : {step::intake, step::safety_plan}) rules.push_back({track::help_offer, s, step::closed, {early_closure}});
  for (auto s : {step::intake, step::crisis, step::system_help})
    rules.push_back({track::intensive, s, step::closed, {early_closure}});
  return rules;
}

const std::vector<transition_rule>& rules() {
  static const auto all = build_rules();
  return all;
}

const transition_rule* find_rule(track t, step from, step to) {
  for (const auto& r : rules())
    if (r.on == t && r.from == from && r.to == to) return &r;
  return nullptr;
}

}  // namespace

bool is_closure_reason(std::string_view reason) {
  return std::find(std::begin(closure_reasons), std::end(closure_reasons), reason) != std::end(closure_reasons);
}

std::vector<case_step> next_steps(track t, case_step from) {
  std::vector<case_step> steps;
  for (const auto& r : rules())
    if (r.on == t && r.from == from) steps.push_back(r.to);
  return steps;
}

bool is_transition(track t, case_step from, case_step to) { return find_rule(t, from, to) != nullptr; }

std::vector<unmet_guard> unmet_guards(const guard_input& in, case_step to) {
  std::vector<unmet_guard> unmet;
  const auto* rule = find_rule(in.c.track, in.c.step, to);
  if (!rule) return unmet;
  for (const auto& g : rule->guards)
    if (!g.holds(in)) unmet.push_back({g.id, g.text});
  return unmet;
}

bool step_of_track(track t, case_step s) {
  if (s == step::closed) return true;
  for (const auto& r : rules())
    if (r.on == t && (r.from == s || r.to == s)) return true;
  return false;
}

}  // namespace casechain::chain
