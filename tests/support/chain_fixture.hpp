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
  core::case_record get(core::case_id id) { return core::store::get_case(t.sql(), id).value(); }
};

}  // namespace casechain::test
