#include "core/store/case_store.hpp"
#include "core/store/family_store.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/write_transaction.hpp"
#include "tests/support/test_database.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using namespace casechain::core;
namespace store = casechain::core::store;

namespace {

struct case_fixture {
  test::test_database t;
  family fam = store::add_family(t.sql(), test::at("2026-03-01T09:00:00Z")).value();
  organisation police = store::add_organisation(t.sql(), "PZ Gent", sector::police, now_utc()).value();
  user manager = store::add_user(t.sql(), {"cm", police.id, {role::case_manager}, "$h"}, now_utc()).value();

  case_record new_case() const {
    case_record c;
    c.family = fam.id;
    c.track = track::chain;
    c.step = case_step::intake;
    c.opened_at = c.updated_at = test::at("2026-03-02T10:00:00Z");
    return c;
  }
  case_event event(case_id id, std::string kind) const {
    return case_event{0, id, test::at("2026-03-02T10:00:00Z"), manager.id, std::move(kind), "{}", ""};
  }
};

}  // namespace

TEST_SUITE("core/store/cases") {
  TEST_CASE("opening a case writes the case and its first event together") {
    case_fixture f;
    auto opened = store::open_case(f.t.sql(), f.new_case(), f.event(0, "ignored"));
    REQUIRE(opened);
    auto reread = store::get_case(f.t.sql(), opened->id);
    REQUIRE(reread);
    CHECK(*reread == *opened);
    auto events = store::case_events(f.t.sql(), opened->id);
    REQUIRE(events);
    REQUIRE(events->size() == 1);
    CHECK((*events)[0].kind == "opened");
    CHECK((*events)[0].actor == f.manager.id);
    auto open = store::find_open_case(f.t.sql(), f.fam.id);
    REQUIRE(open);
    CHECK(open->id == opened->id);
  }

  TEST_CASE("a family has at most one open case; a closed one does not count") {
    case_fixture f;
    auto first = store::open_case(f.t.sql(), f.new_case(), f.event(0, "opened"));
    REQUIRE(first);
    auto second = store::open_case(f.t.sql(), f.new_case(), f.event(0, "opened"));
    REQUIRE_FALSE(second);
    CHECK(second.error().code == errc::already_exists);
    CHECK(f.t.count("case_events") == 1);

    auto closed = *first;
    closed.step = case_step::closed;
    closed.closed_at = test::at("2026-06-01T10:00:00Z");
    closed.closure_reason = "goals_met";
    auto close_event = f.event(closed.id, "closed");
    close_event.detail = R"({"reason":"goals_met"})";
    REQUIRE(store::update_case(f.t.sql(), closed, close_event));
    CHECK(store::find_open_case(f.t.sql(), f.fam.id).error().code == errc::not_found);
    CHECK(store::open_case(f.t.sql(), f.new_case(), f.event(0, "opened")));
  }

  TEST_CASE("updating a case keeps state and history in step") {
    case_fixture f;
    auto c = store::open_case(f.t.sql(), f.new_case(), f.event(0, "opened")).value();
    c.step = case_step::file;
    c.case_manager = f.manager.id;
    auto e = f.event(c.id, "transition");
    e.detail = R"({"from":"intake","to":"file"})";
    e.reason = "criteria confirmed";
    auto stored = store::update_case(f.t.sql(), c, e);
    REQUIRE(stored);
    CHECK(stored->id > 0);
    CHECK(store::get_case(f.t.sql(), c.id).value() == c);
    auto events = store::case_events(f.t.sql(), c.id).value();
    REQUIRE(events.size() == 2);
    CHECK(events[1].detail == R"({"from":"intake","to":"file"})");
    CHECK(events[1].reason == "criteria confirmed");
  }

  TEST_CASE("a failed update rolls back the state and writes no event") {
    case_fixture f;
    auto c = store::open_case(f.t.sql(), f.new_case(), f.event(0, "opened")).value();
    auto changed = c;
    changed.step = case_step::file;
    auto bad = f.event(c.id, "transition");
    bad.detail = "not json";  // refused by the schema after the case row was written
    auto refused = store::update_case(f.t.sql(), changed, bad);
    REQUIRE_FALSE(refused);
    CHECK(store::get_case(f.t.sql(), c.id).value().step == case_step::intake);
    CHECK(f.t.count("case_events") == 1);
    CHECK(store::update_case(f.t.sql(), changed, f.event(c.id + 1, "x")).error().code == errc::invalid_argument);
    changed.id = 999;
    CHECK(store::update_case(f.t.sql(), changed, f.event(999, "x")).error().code == errc::not_found);
  }

  TEST_CASE("case events are append-only") {
    case_fixture f;
    auto c = store::open_case(f.t.sql(), f.new_case(), f.event(0, "opened")).value();
    CHECK_THROWS(f.t.sql().exec("UPDATE case_events SET kind = 'forged'"));
    CHECK_THROWS(f.t.sql().exec("DELETE FROM case_events"));
    CHECK(store::case_events(f.t.sql(), c.id).value().front().kind == "opened");
  }

  TEST_CASE("members are admitted once, with an event each") {
    case_fixture f;
    auto c = store::open_case(f.t.sql(), f.new_case(), f.event(0, "opened")).value();
    auto care = store::add_organisation(f.t.sql(), "CAW Oost-Vlaanderen", sector::care, now_utc()).value();
    case_member m{c.id, care.id, test::at("2026-03-03T09:00:00Z"), f.manager.id};
    REQUIRE(store::add_case_member(f.t.sql(), m, f.event(c.id, "member_admitted")));
    auto twice = store::add_case_member(f.t.sql(), m, f.event(c.id, "member_admitted"));
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == errc::already_exists);
    auto members = store::case_members(f.t.sql(), c.id).value();
    REQUIRE(members.size() == 1);
    CHECK(members[0] == m);
    CHECK(f.t.count("case_events") == 2);
  }

  TEST_CASE("store operations compose inside a caller's transaction") {
    case_fixture f;
    {
      store::write_transaction outer(f.t.sql());
      auto c = store::open_case(f.t.sql(), f.new_case(), f.event(0, "opened"));
      REQUIRE(c);
      REQUIRE(store::append_case_event(f.t.sql(), f.event(c->id, "note")));
      // no commit: everything inside is rolled back
    }
    CHECK(f.t.count("cases") == 0);
    CHECK(f.t.count("case_events") == 0);
    {
      store::write_transaction outer(f.t.sql());
      auto c = store::open_case(f.t.sql(), f.new_case(), f.event(0, "opened"));
      REQUIRE(c);
      outer.commit();
    }
    CHECK(f.t.count("cases") == 1);
  }
}
