#include "core/store/organisation_store.hpp"
#include "tests/support/test_database.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using namespace casechain::core;
namespace store = casechain::core::store;

TEST_SUITE("core/store/organisations") {
  TEST_CASE("an organisation round-trips by id and by name, case-insensitively") {
    test::test_database t;
    auto added = store::add_organisation(t.sql(), "PZ Antwerpen", sector::police, test::at("2026-01-05T10:00:00Z"));
    REQUIRE(added);
    auto by_id = store::get_organisation(t.sql(), added->id);
    REQUIRE(by_id);
    CHECK(*by_id == *added);
    auto by_name = store::find_organisation(t.sql(), "pz antwerpen");
    REQUIRE(by_name);
    CHECK(by_name->id == added->id);
    CHECK(by_name->sector == sector::police);
  }

  TEST_CASE("a second organisation with the same name is already_exists") {
    test::test_database t;
    REQUIRE(store::add_organisation(t.sql(), "CAW Antwerpen", sector::care, now_utc()));
    auto twice = store::add_organisation(t.sql(), "caw antwerpen", sector::care, now_utc());
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == errc::already_exists);
    CHECK(t.count("organisations") == 1);
  }

  TEST_CASE("empty or padded organisation names are refused") {
    test::test_database t;
    CHECK(store::add_organisation(t.sql(), "", sector::care, now_utc()).error().code == errc::invalid_argument);
    CHECK(store::add_organisation(t.sql(), " CAW", sector::care, now_utc()).error().code == errc::invalid_argument);
    CHECK(store::add_organisation(t.sql(), std::string(201, 'a'), sector::care, now_utc()).error().code ==
          errc::invalid_argument);
    CHECK(t.count("organisations") == 0);
  }

  TEST_CASE("unknown organisations are not_found") {
    test::test_database t;
    CHECK(store::get_organisation(t.sql(), 42).error().code == errc::not_found);
    CHECK(store::find_organisation(t.sql(), "nobody").error().code == errc::not_found);
  }

  TEST_CASE("organisations are listed by name") {
    test::test_database t;
    REQUIRE(store::add_organisation(t.sql(), "Parket Antwerpen", sector::justice, now_utc()));
    REQUIRE(store::add_organisation(t.sql(), "CAW Antwerpen", sector::care, now_utc()));
    auto all = store::list_organisations(t.sql());
    REQUIRE(all);
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].name == "CAW Antwerpen");
    CHECK((*all)[1].name == "Parket Antwerpen");
  }
}

TEST_SUITE("core/store/users") {
  TEST_CASE("a user round-trips with sorted, unique roles") {
    test::test_database t;
    auto org = store::add_organisation(t.sql(), "FJC Limburg", sector::administration, now_utc());
    REQUIRE(org);
    auto added = store::add_user(t.sql(), {"an.peeters", org->id, {role::triage, role::case_manager, role::triage}, "$hash"},
                                 test::at("2026-02-01T08:00:00Z"));
    REQUIRE(added);
    CHECK(added->roles == std::vector<role>{role::triage, role::case_manager});
    CHECK(added->has_role(role::triage));
    CHECK_FALSE(added->has_role(role::admin));
    auto found = store::find_user(t.sql(), "AN.PEETERS");
    REQUIRE(found);
    CHECK(*found == *added);
  }

  TEST_CASE("a user needs a known organisation, a role, a valid name and a password") {
    test::test_database t;
    auto org = store::add_organisation(t.sql(), "FJC", sector::administration, now_utc());
    REQUIRE(org);
    CHECK(store::add_user(t.sql(), {"x", 999, {role::admin}, "$h"}, now_utc()).error().code == errc::not_found);
    CHECK(store::add_user(t.sql(), {"x", org->id, {}, "$h"}, now_utc()).error().code == errc::invalid_argument);
    CHECK(store::add_user(t.sql(), {"has space", org->id, {role::admin}, "$h"}, now_utc()).error().code ==
          errc::invalid_argument);
    CHECK(store::add_user(t.sql(), {"x", org->id, {role::admin}, ""}, now_utc()).error().code == errc::invalid_argument);
    CHECK(t.count("users") == 0);
    CHECK(t.count("user_roles") == 0);
  }

  TEST_CASE("a taken username is already_exists and leaves no roles behind") {
    test::test_database t;
    auto org = store::add_organisation(t.sql(), "FJC", sector::administration, now_utc());
    REQUIRE(store::add_user(t.sql(), {"jan", org->id, {role::admin}, "$h"}, now_utc()));
    auto twice = store::add_user(t.sql(), {"Jan", org->id, {role::auditor}, "$h"}, now_utc());
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == errc::already_exists);
    CHECK(t.count("user_roles") == 1);
  }

  TEST_CASE("roles are replaced and users disabled") {
    test::test_database t;
    auto org = store::add_organisation(t.sql(), "FJC", sector::administration, now_utc());
    auto u = store::add_user(t.sql(), {"jan", org->id, {role::admin}, "$h"}, now_utc());
    REQUIRE(u);
    REQUIRE(store::set_user_roles(t.sql(), u->id, {role::auditor, role::coordinator}));
    REQUIRE(store::set_user_disabled(t.sql(), u->id, true));
    auto reread = store::get_user(t.sql(), u->id);
    REQUIRE(reread);
    CHECK(reread->roles == std::vector<role>{role::coordinator, role::auditor});
    CHECK(reread->disabled);
    CHECK(store::set_user_roles(t.sql(), u->id, {}).error().code == errc::invalid_argument);
    CHECK(store::set_user_disabled(t.sql(), 999, true).error().code == errc::not_found);
    CHECK(store::set_user_roles(t.sql(), 999, {role::admin}).error().code == errc::not_found);
  }
}
