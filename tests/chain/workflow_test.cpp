// Every transition of every track, refused with exactly its unmet guards and
// then allowed once they are met.
#include "chain/case_history.hpp"
#include "tests/support/chain_fixture.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using namespace casechain::core;
using chain::unmet_guard;

namespace {

std::vector<std::string> unmet_ids(test::chain_fixture& f, case_id c, case_step to, std::string_view reason = {}) {
  auto unmet = chain::check_transition(f.t.sql(), c, to, reason, f.who.at);
  REQUIRE(unmet);
  std::vector<std::string> ids;
  for (const auto& g : *unmet) ids.push_back(g.id);
  return ids;
}

using ids = std::vector<std::string>;

void move(test::chain_fixture& f, case_id c, case_step to, const std::string& reason = {}) {
  auto moved = chain::transition(f.t.sql(), c, to, f.who, reason);
  REQUIRE(moved);
  CHECK(moved->step == to);
}

}  // namespace

TEST_SUITE("chain/workflow") {
  TEST_CASE("track 2: each step refused with its exact unmet guards, then allowed") {
    test::chain_fixture f;
    auto c = f.open(track::chain).id;
    REQUIRE(chain::admit_member(f.t.sql(), c, f.caw.id, f.who));

    CHECK(unmet_ids(f, c, case_step::file) == ids{"criteria_confirmed"});
    auto refused = chain::transition(f.t.sql(), c, case_step::file, f.who);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == errc::failed_precondition);
    CHECK(refused.error().message == "the case cannot move to file yet: the chain's criteria have been confirmed for this family");
    REQUIRE(chain::record_milestone(f.t.sql(), c, "criteria_confirmed", f.who));
    move(f, c, case_step::file);

    CHECK(unmet_ids(f, c, case_step::assessment) == ids{"round_table_held", "case_manager_appointed"});
    REQUIRE(chain::record_round_table(f.t.sql(), c, *parse_date("2026-03-01"), {f.caw.id}, "CAW takes the lead", f.who));
    CHECK(unmet_ids(f, c, case_step::assessment) == ids{"case_manager_appointed"});
    REQUIRE(chain::assign_case_manager(f.t.sql(), c, f.manager.id, f.who));
    move(f, c, case_step::assessment);

    CHECK(unmet_ids(f, c, case_step::assignment) == ids{"risk_screening", "global_plan"});
    REQUIRE(chain::record_screening(f.t.sql(), c, screening_kind::risk, {{"housing", 3}, {"safety", 4}}, f.who));
    auto goal = chain::add_goal(f.t.sql(), c, "a safe home for the children", f.who);
    REQUIRE(goal);
    move(f, c, case_step::assignment);

    CHECK(unmet_ids(f, c, case_step::implementation) ==
          ids{"interventions_planned", "plan_agreed_partners", "plan_agreed_family"});
    auto i = chain::plan_intervention(f.t.sql(), c, goal->id, f.caw.id, f.social_worker.id, "weekly family support",
                                      parse_date("2026-04-01"), f.who);
    REQUIRE(i);
    REQUIRE(chain::record_milestone(f.t.sql(), c, "plan_agreed_partners", f.who));
    CHECK(unmet_ids(f, c, case_step::implementation) == ids{"plan_agreed_family"});
    REQUIRE(chain::record_milestone(f.t.sql(), c, "plan_agreed_family", f.who));
    move(f, c, case_step::implementation);

    CHECK(unmet_ids(f, c, case_step::evaluation) == ids{"interventions_reported"});
    REQUIRE(chain::report_intervention(f.t.sql(), i->id, intervention_status::in_progress, "", f.who));
    CHECK(unmet_ids(f, c, case_step::evaluation) == ids{"interventions_reported"});
    REQUIRE(chain::report_intervention(f.t.sql(), i->id, intervention_status::done, "12 sessions held", f.who));
    move(f, c, case_step::evaluation);

    move(f, c, case_step::implementation);  // back, once
    move(f, c, case_step::evaluation);

    CHECK(unmet_ids(f, c, case_step::closed) == ids{"closure_reason", "closing_screening"});
    CHECK(unmet_ids(f, c, case_step::closed, "goals_met") == ids{"closing_screening"});
    REQUIRE(chain::record_screening(f.t.sql(), c, screening_kind::closing, {{"housing", 1}, {"safety", 1}}, f.who));
    move(f, c, case_step::closed, "goals_met");
    auto closed = f.get(c);
    CHECK(closed.closure_reason == "goals_met");
    CHECK(closed.closed_at == f.now);
  }

  TEST_CASE("track 1: contact, intake, safety plan, referral, closure") {
    test::chain_fixture f;
    auto c = f.open(track::help_offer).id;
    CHECK(f.get(c).step == case_step::contact);
    CHECK(unmet_ids(f, c, case_step::intake) == ids{"family_reached"});
    REQUIRE(chain::record_contact(f.t.sql(), c, contact_channel::call, contact_outcome::not_reached, f.now, f.who));
    CHECK(unmet_ids(f, c, case_step::intake) == ids{"family_reached"});
    REQUIRE(chain::record_contact(f.t.sql(), c, contact_channel::visit, contact_outcome::reached, f.now, f.who));
    move(f, c, case_step::intake);
    CHECK(unmet_ids(f, c, case_step::safety_plan) == ids{"intake_held"});
    REQUIRE(chain::record_milestone(f.t.sql(), c, "intake_held", f.who));
    move(f, c, case_step::safety_plan);
    CHECK(unmet_ids(f, c, case_step::referral) == ids{"safety_plan_made"});
    REQUIRE(chain::record_milestone(f.t.sql(), c, "safety_plan_made", f.who));
    move(f, c, case_step::referral);
    CHECK(unmet_ids(f, c, case_step::closed, "goals_met") == ids{"referral_made"});
    REQUIRE(chain::record_milestone(f.t.sql(), c, "referral_made", f.who, "referred to the CAW"));
    move(f, c, case_step::closed, "goals_met");
  }

  TEST_CASE("track 1: not reached closes only after three attempts; refusal closes at once") {
    test::chain_fixture f;
    auto c = f.open(track::help_offer).id;
    CHECK(unmet_ids(f, c, case_step::closed, "goals_met") == ids{"early_closure_reason"});
    CHECK(unmet_ids(f, c, case_step::closed, "not_reached") == ids{"three_attempts"});
    for (int attempt = 0; attempt < 3; ++attempt)
      REQUIRE(chain::record_contact(f.t.sql(), c, contact_channel::call, contact_outcome::not_reached, f.now, f.who));
    move(f, c, case_step::closed, "not_reached");

    auto d = f.open(track::help_offer).id;
    CHECK(unmet_ids(f, d, case_step::closed, "refused_help").empty());
  }

  TEST_CASE("track 3: assignment and first contact, crisis, system help, follow-up for a year") {
    test::chain_fixture f;
    auto c = f.open(track::intensive).id;
    CHECK(unmet_ids(f, c, case_step::crisis) == ids{"case_manager_appointed", "first_contact_made"});
    REQUIRE(chain::assign_case_manager(f.t.sql(), c, f.manager.id, f.who));
    REQUIRE(chain::record_contact(f.t.sql(), c, contact_channel::visit, contact_outcome::reached, f.now, f.who));
    move(f, c, case_step::crisis);
    CHECK(unmet_ids(f, c, case_step::system_help) == ids{"crisis_intervention"});
    REQUIRE(chain::record_milestone(f.t.sql(), c, "crisis_intervention", f.who));
    move(f, c, case_step::system_help);
    CHECK(unmet_ids(f, c, case_step::follow_up) == ids{"risk_screening", "global_plan"});
    REQUIRE(chain::record_screening(f.t.sql(), c, screening_kind::risk, {{"safety", 3}}, f.who));
    REQUIRE(chain::add_goal(f.t.sql(), c, "no further violence", f.who));
    move(f, c, case_step::follow_up);
    move(f, c, case_step::system_help);
    move(f, c, case_step::follow_up);
    REQUIRE(chain::record_screening(f.t.sql(), c, screening_kind::closing, {{"safety", 1}}, f.who));
    CHECK(unmet_ids(f, c, case_step::closed, "follow_up_ended") == ids{"follow_up_year"});
    f.who.at = f.now + std::chrono::days{366};
    CHECK(unmet_ids(f, c, case_step::closed, "follow_up_ended").empty());
    move(f, c, case_step::closed, "follow_up_ended");
  }

  TEST_CASE("early closure before the last step needs one of the early reasons") {
    test::chain_fixture f;
    for (auto tr : {track::chain, track::intensive}) {
      auto c = f.open(tr).id;
      CHECK(unmet_ids(f, c, case_step::closed, "goals_met") == ids{"early_closure_reason"});
      CHECK(unmet_ids(f, c, case_step::closed, "family_moved").empty());
    }
  }

  TEST_CASE("steps that do not follow are refused as invalid, naming where the case can go") {
    test::chain_fixture f;
    auto c = f.open(track::chain).id;
    auto skip = chain::transition(f.t.sql(), c, case_step::implementation, f.who);
    REQUIRE_FALSE(skip);
    CHECK(skip.error().code == errc::invalid_argument);
    CHECK(skip.error().message.find("it can go to file, closed") != std::string::npos);
    auto other_track = chain::transition(f.t.sql(), c, case_step::safety_plan, f.who);
    REQUIRE_FALSE(other_track);
    CHECK(other_track.error().code == errc::invalid_argument);
    CHECK(chain::transition(f.t.sql(), 999, case_step::file, f.who).error().code == errc::not_found);
  }

  TEST_CASE("every step of the tables belongs to its track") {
    for (auto tr : {track::help_offer, track::chain, track::intensive}) {
      CHECK(chain::step_of_track(tr, first_step(tr)));
      for (auto s : chain::next_steps(tr, first_step(tr))) CHECK(chain::step_of_track(tr, s));
    }
    CHECK_FALSE(chain::step_of_track(track::help_offer, case_step::file));
    CHECK_FALSE(chain::step_of_track(track::chain, case_step::crisis));
    CHECK_FALSE(chain::step_of_track(track::intensive, case_step::safety_plan));
  }
}
