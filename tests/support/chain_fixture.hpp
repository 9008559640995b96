#pragma once
// A real database with organisations of each sector, a case manager, and a
// helper to open a family's case on a track, for chain tests.

#include "chain/case_service.hpp"
#include "core/store/case_store.hpp"
#include "core/store/family_store.hpp"
#include "core/store/organisation_store.hpp"
#include "tests/support/test_database.hpp"

namespace casechain::test {

struct chain_fixture {
  chain_fixture() = default;
  // On a database of an older schema (the first `migrations`), for migration tests.
  explicit chain_fixture(std::span<const core::embedded_file> migrations) : t(migrations) {}

  test_database t;
  core::timestamp now = at("2026-03-02T09:00:00Z");
  core::organisation fjc = org("FJC Limburg", core::sector::administration);
  core::organisation police = org("PZ LRH", core::sector::police);
  core::organisation caw = org("CAW Limburg", core::sector::care);
  core::user manager = user("marie", fjc.id, {core::role::case_manager});
  core::user other_manager = user("jef", fjc.id, {core::role::case_manager});
  core::user social_worker = user("sara", caw.id, {core::role::social_worker});
  chain::actor who{manager.id, now};

  core::organisation org(const char* name, core::sector s) {
    return core::store::add_organisation(t.sql(), name, s, now).value();
  }
  core::user user(const char* name, core::organisation_id o, std::vector<core::role> roles) {
    return core::store::add_user(t.sql(), {name, o, std::move(roles), "$h"}, now).value();
  }
  // A new family's case, opened on `track` the way a triage decision opens it.
  core::case_record open(core::track tr) {
    auto fam = core::store::add_family(t.sql(), now).value();
    core::case_record c;
    c.family = fam.id;
    c.track = tr;
    c.step = core::first_step(tr);
    c.opened_at = c.updated_at = now;
    auto detail = "{\"track\":" + std::to_string(core::to_int(tr)) + "}";
    return core::store::open_case(t.sql(), c, {0, 0, now, manager.id, "opened", detail, ""}).value();
  }
  // Takes a track-2 case at intake through every guard into implementation,
  // at who.at (one intervention planned with the care partner, not reported).
  void walk_to_implementation(core::case_id c) {
    using core::case_step;
    auto& db = t.sql();
    REQUIRE(chain::admit_member(db, c, caw.id, who));
    REQUIRE(chain::record_milestone(db, c, "criteria_confirmed", who));
    REQUIRE(chain::transition(db, c, case_step::file, who));
    REQUIRE(chain::record_round_table(db, c, core::date_of(who.at), {caw.id}, "go", who));
    REQUIRE(chain::assign_case_manager(db, c, manager.id, who));
    REQUIRE(chain::transition(db, c, case_step::assessment, who));
    REQUIRE(chain::record_screening(db, c, core::screening_kind::risk, {{"safety", 2}}, who));
    REQUIRE(chain::add_goal(db, c, "safety", who));
    REQUIRE(chain::transition(db, c, case_step::assignment, who));
    REQUIRE(chain::plan_intervention(db, c, {}, caw.id, {}, "support", {}, who));
    REQUIRE(chain::record_milestone(db, c, "plan_agreed_partners", who));
    REQUIRE(chain::record_milestone(db, c, "plan_agreed_family", who));
    REQUIRE(chain::transition(db, c, case_step::implementation, who));
  }
  core::case_record get(core::case_id id) { return core::store::get_case(t.sql(), id).value(); }
};

}  // namespace casechain::test
