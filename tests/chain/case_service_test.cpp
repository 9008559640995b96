#include "chain/case_history.hpp"
#include "core/store/chain_store.hpp"
#include "tests/support/chain_fixture.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using namespace casechain::core;

TEST_SUITE("chain/case_service") {
  TEST_CASE("changing track is a decision with a reason; the case restarts at the new track's first step") {
    test::chain_fixture f;
    auto c = f.open(track::help_offer).id;
    auto no_reason = chain::change_track(f.t.sql(), c, track::chain, f.who, " ");
    REQUIRE_FALSE(no_reason);
    CHECK(no_reason.error().code == errc::invalid_argument);
    auto up = chain::change_track(f.t.sql(), c, track::chain, f.who, "new report: strangulation");
    REQUIRE(up);
    CHECK(up->track == track::chain);
    CHECK(up->step == case_step::intake);
    CHECK(chain::change_track(f.t.sql(), c, track::chain, f.who, "again").error().code == errc::failed_precondition);
    auto down = chain::change_track(f.t.sql(), c, track::help_offer, f.who, "order lifted, family stable");
    REQUIRE(down);
    CHECK(down->step == case_step::contact);
    auto events = store::case_events(f.t.sql(), c).value();
    REQUIRE(events.size() == 3);
    CHECK(events[1].kind == "track_changed");
    CHECK(events[1].reason == "new report: strangulation");
    CHECK(chain::state_of(f.get(c)) == chain::rebuild_state(events));
  }

  TEST_CASE("reopening keeps the history, and the guards count only what happened since") {
    test::chain_fixture f;
    auto c = f.open(track::chain).id;
    REQUIRE(chain::record_milestone(f.t.sql(), c, "criteria_confirmed", f.who));
    REQUIRE(chain::transition(f.t.sql(), c, case_step::closed, f.who, "family_moved"));
    CHECK(chain::record_milestone(f.t.sql(), c, "criteria_confirmed", f.who).error().code == errc::failed_precondition);
    CHECK(chain::reopen(f.t.sql(), c, f.who, "").error().code == errc::invalid_argument);
    auto reopened = chain::reopen(f.t.sql(), c, f.who, "the family came back");
    REQUIRE(reopened);
    CHECK(reopened->step == case_step::intake);
    CHECK_FALSE(reopened->closed_at);
    CHECK(reopened->closure_reason.empty());
    // The old confirmation belongs to the closed cycle.
    auto unmet = chain::check_transition(f.t.sql(), c, case_step::file, "", f.now);
    REQUIRE(unmet);
    REQUIRE(unmet->size() == 1);
    CHECK((*unmet)[0].id == "criteria_confirmed");
    auto events = store::case_events(f.t.sql(), c).value();
    CHECK(events.size() == 4);
    CHECK(chain::state_of(f.get(c)) == chain::rebuild_state(events));
    CHECK(chain::reopen(f.t.sql(), c, f.who, "twice").error().code == errc::failed_precondition);
  }

  TEST_CASE("the case manager is an active case manager; a hand-over names both") {
    test::chain_fixture f;
    auto c = f.open(track::chain).id;
    CHECK(chain::assign_case_manager(f.t.sql(), c, f.social_worker.id, f.who).error().code == errc::failed_precondition);
    CHECK(chain::assign_case_manager(f.t.sql(), c, 999, f.who).error().code == errc::not_found);
    REQUIRE(chain::assign_case_manager(f.t.sql(), c, f.manager.id, f.who));
    CHECK(chain::assign_case_manager(f.t.sql(), c, f.manager.id, f.who).error().code == errc::failed_precondition);
    auto handed = chain::assign_case_manager(f.t.sql(), c, f.other_manager.id, f.who, "holiday cover");
    REQUIRE(handed);
    CHECK(handed->case_manager == f.other_manager.id);
    auto last = store::case_events(f.t.sql(), c).value().back();
    CHECK(last.detail.find("\"from\":" + std::to_string(f.manager.id)) != std::string::npos);
    REQUIRE(store::set_user_disabled(f.t.sql(), f.manager.id, true));
    CHECK(chain::assign_case_manager(f.t.sql(), c, f.manager.id, f.who).error().code == errc::failed_precondition);
  }

  TEST_CASE("partners take part only as members of the consultation") {
    test::chain_fixture f;
    auto c = f.open(track::chain).id;
    auto not_member = chain::record_round_table(f.t.sql(), c, *parse_date("2026-03-01"), {f.police.id}, "x", f.who);
    REQUIRE_FALSE(not_member);
    CHECK(not_member.error().message.find("not a member") != std::string::npos);
    CHECK(chain::plan_intervention(f.t.sql(), c, {}, f.caw.id, {}, "support", {}, f.who).error().code ==
          errc::failed_precondition);
    REQUIRE(chain::admit_member(f.t.sql(), c, f.caw.id, f.who));
    CHECK(chain::admit_member(f.t.sql(), c, f.caw.id, f.who).error().code == errc::already_exists);
    CHECK(chain::admit_member(f.t.sql(), c, 999, f.who).error().code == errc::not_found);
    CHECK(chain::plan_intervention(f.t.sql(), c, {}, f.caw.id, f.manager.id, "support", {}, f.who).error().code ==
          errc::failed_precondition);  // the owner works elsewhere
    CHECK(chain::plan_intervention(f.t.sql(), c, 12345, f.caw.id, {}, "support", {}, f.who).error().code == errc::not_found);
    auto planned = chain::plan_intervention(f.t.sql(), c, {}, f.caw.id, f.social_worker.id, "support", {}, f.who);
    REQUIRE(planned);
    CHECK(planned->status == intervention_status::planned);
    CHECK(chain::report_intervention(f.t.sql(), planned->id, intervention_status::done, "", f.who).error().code ==
          errc::invalid_argument);
    auto all = store::interventions(f.t.sql(), c).value();
    REQUIRE(all.size() == 1);
    CHECK(all[0] == *planned);
  }

  TEST_CASE("bad values are refused with the field named") {
    test::chain_fixture f;
    auto c = f.open(track::chain).id;
    REQUIRE(chain::admit_member(f.t.sql(), c, f.caw.id, f.who));
    CHECK(chain::record_round_table(f.t.sql(), c, *parse_date("2026-03-09"), {f.caw.id}, "x", f.who).error().message.find(
              "held_on") == 0);
    CHECK(chain::record_round_table(f.t.sql(), c, *parse_date("2026-03-01"), {}, "x", f.who).error().message.find(
              "participants") == 0);
    CHECK(chain::record_screening(f.t.sql(), c, screening_kind::risk, {{"housing", 5}}, f.who).error().message ==
          "scores.housing: expected 0 to 4");
    CHECK(chain::record_screening(f.t.sql(), c, screening_kind::risk, {{"weather", 1}}, f.who).error().code ==
          errc::invalid_argument);
    CHECK(chain::record_screening(f.t.sql(), c, screening_kind::risk, {{"housing", 1}, {"housing", 2}}, f.who)
              .error()
              .code == errc::invalid_argument);
    CHECK(chain::record_milestone(f.t.sql(), c, "party", f.who).error().code == errc::invalid_argument);
    CHECK(chain::record_contact(f.t.sql(), c, contact_channel::call, contact_outcome::reached, f.now + std::chrono::hours{1},
                                f.who)
              .error()
              .code == errc::invalid_argument);
    CHECK(chain::add_goal(f.t.sql(), c, "", f.who).error().code == errc::invalid_argument);
    CHECK(store::case_events(f.t.sql(), c).value().size() == 2);  // opened, member admitted: nothing else written
  }

  TEST_CASE("records round-trip with the event that made them") {
    test::chain_fixture f;
    auto c = f.open(track::chain).id;
    REQUIRE(chain::admit_member(f.t.sql(), c, f.caw.id, f.who));
    REQUIRE(chain::admit_member(f.t.sql(), c, f.police.id, f.who));
    auto rt = chain::record_round_table(f.t.sql(), c, *parse_date("2026-03-01"), {f.police.id, f.caw.id, f.caw.id},
                                        "police checks the order; CAW offers support", f.who);
    REQUIRE(rt);
    auto stored = store::round_tables(f.t.sql(), c).value();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0] == *rt);
    CHECK(stored[0].participants.size() == 2);
    auto s = chain::record_screening(f.t.sql(), c, screening_kind::plan_start, {{"housing", 3}, {"network", 1}}, f.who);
    REQUIRE(s);
    CHECK(store::screenings(f.t.sql(), c).value().front() == *s);
    auto k = chain::record_contact(f.t.sql(), c, contact_channel::letter, contact_outcome::not_reached, f.now, f.who);
    REQUIRE(k);
    CHECK(store::contacts(f.t.sql(), c).value().front() == *k);
    auto events = store::case_events(f.t.sql(), c).value();
    CHECK(events[static_cast<size_t>(events.size() - 1)].id == k->event);
  }
}
