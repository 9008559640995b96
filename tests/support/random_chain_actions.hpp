#pragma once
// One random action of the chain (transition, track change, reopening, case
// manager, milestone, contact, screening, goal, member, intervention and its
// report, round table) on a case, as a user would try it: many are refused by the rules.
// For the property tests, which check what every sequence leaves behind.

#include "chain/case_service.hpp"
#include "core/store/case_store.hpp"
#include "core/store/chain_store.hpp"

#include <iterator>
#include <random>
#include <string_view>
#include <vector>

namespace casechain::test {

struct random_chain_actions {
  std::vector<core::organisation_id> organisations;
  std::vector<core::user_id> managers;
  std::mt19937_64 random;

  std::size_t pick(std::size_t n) { return static_cast<std::size_t>(random() % n); }

  // `who.at` is when it happens; a contact may be recorded up to `who.at`, also earlier.
  core::result<void> act(SQLite::Database& db, core::case_id c, const chain::actor& who) {
    using namespace core;
    static constexpr case_step steps[] = {case_step::intake,    case_step::file,        case_step::assessment,
                                          case_step::assignment, case_step::implementation, case_step::evaluation,
                                          case_step::contact,   case_step::safety_plan, case_step::referral,
                                          case_step::crisis,    case_step::system_help, case_step::follow_up,
                                          case_step::closed};
    static constexpr std::string_view milestones[] = {"criteria_confirmed", "plan_agreed_partners", "plan_agreed_family",
                                                      "intake_held",        "safety_plan_made",     "referral_made",
                                                      "crisis_intervention"};
    static constexpr const char* reasons[] = {"", "goals_met", "family_moved", "refused_help", "not_reached", "follow_up_ended"};
    auto done = [](const auto& r) { return r ? result<void>{} : result<void>(r.error()); };
    switch (pick(13)) {
      case 0:
      case 1:
      case 2: return done(chain::transition(db, c, steps[pick(std::size(steps))], who, reasons[pick(std::size(reasons))]));
      case 3: return done(chain::change_track(db, c, static_cast<track>(1 + pick(3)), who, "picture changed"));
      case 4: return done(chain::reopen(db, c, who, "new facts"));
      case 5: return done(chain::assign_case_manager(db, c, managers[pick(managers.size())], who));
      case 6: return done(chain::record_milestone(db, c, milestones[pick(std::size(milestones))], who));
      case 7: {
        auto when = pick(4) == 0 ? who.at - std::chrono::hours{static_cast<int>(pick(1500))} : who.at;
        return done(chain::record_contact(db, c, contact_channel::call, static_cast<contact_outcome>(pick(3)), when, who));
      }
      case 8:
        return done(chain::record_screening(db, c, static_cast<screening_kind>(pick(3)), {{"safety", static_cast<int>(pick(5))}}, who));
      case 9: return done(chain::add_goal(db, c, "goal", who));
      case 10: {
        auto o = organisations[pick(organisations.size())];
        if (pick(2) == 0) return done(chain::admit_member(db, c, o, who));
        return done(chain::plan_intervention(db, c, {}, o, {}, "intervention", {}, who));
      }
      case 11:
        return done(chain::record_round_table(db, c, date_of(who.at), {organisations[pick(organisations.size())]}, "go", who));
      default: {
        auto all = store::interventions(db, c).value();
        if (all.empty()) return {};
        auto status = static_cast<intervention_status>(pick(4));
        return done(chain::report_intervention(db, all[pick(all.size())].id, status, pick(2) ? "done well" : "", who));
      }
    }
  }
};

}  // namespace casechain::test
