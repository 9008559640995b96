#include "core/policy/decision.hpp"

#include <doctest/doctest.h>

using namespace casechain::core;
using namespace casechain::core::policy;

namespace {

user user_with(role r, organisation_id org = 5, user_id id = 50) {
  user u;
  u.id = id;
  u.organisation = org;
  u.roles = {r};
  return u;
}

// The built-in table, read on first use (not at static initialisation, when
// the embedded files may not be ready yet).
const policy_table& shipped() { return *builtin_policy(); }

}  // namespace


TEST_SUITE("core/policy/decision") {
  TEST_CASE("deny by default: no standing in the case, nothing") {
    secrecy_facts outsider;
    outsider.case_manager = 1;
    outsider.members = {9};
    auto d = decide(shipped(), user_with(role::police), outsider, category::incident);
    CHECK(d.granted == level::none);
    CHECK(d.why == basis::none);
  }

  TEST_CASE("membership of the consultation grants the role's cell, on that basis") {
    secrecy_facts f;
    f.members = {5};
    auto d = decide(shipped(), user_with(role::police), f, category::incident);
    CHECK(d.granted == level::write);
    CHECK(d.why == basis::consultation);
    CHECK(decide(shipped(), user_with(role::social_worker), f, category::judicial).granted == level::summary);
  }

  TEST_CASE("the safe address needs consent for that person, or a danger override") {
    secrecy_facts f;
    f.members = {5};
    auto police = user_with(role::police);
    CHECK(decide(shipped(), police, f, category::safe_address, 100).granted == level::none);
    f.consents = {{category::safe_address, 101}};
    CHECK(decide(shipped(), police, f, category::safe_address, 100).granted == level::none);  // another person's consent
    auto consented = decide(shipped(), police, f, category::safe_address, 101);
    CHECK(consented.granted == level::read);
    CHECK(consented.why == basis::consent);
    f.consents.clear();
    f.danger_overrides = {category::safe_address};
    auto overridden = decide(shipped(), police, f, category::safe_address, 100);
    CHECK(overridden.granted == level::read);
    CHECK(overridden.why == basis::danger_override);
  }

  TEST_CASE("the manager scope is the case's own case manager only") {
    secrecy_facts f;
    f.case_manager = 50;
    f.members = {5};
    auto mine = decide(shipped(), user_with(role::case_manager, 5, 50), f, category::safe_address, 100);
    CHECK(mine.granted == level::write);
    CHECK(mine.why == basis::case_manager);
    auto colleague = decide(shipped(), user_with(role::case_manager, 5, 51), f, category::safe_address, 100);
    CHECK(colleague.granted == level::none);
  }

  TEST_CASE("emergency access gives the member cells, not the manager's nor consented ones") {
    secrecy_facts f;
    f.emergency = true;
    auto police = user_with(role::police);
    auto d = decide(shipped(), police, f, category::incident);
    CHECK(d.granted == level::write);
    CHECK(d.why == basis::emergency_access);
    CHECK(decide(shipped(), police, f, category::safe_address, 100).granted == level::none);
    CHECK(decide(shipped(), user_with(role::case_manager), f, category::safe_address, 100).granted == level::none);
  }

  TEST_CASE("must-not-know beats everything: manager, consent, override and emergency") {
    secrecy_facts f;
    f.case_manager = 50;
    f.members = {5};
    f.emergency = true;
    f.consents = {{category::safe_address, 100}};
    f.danger_overrides = {category::incident};
    f.excluded = true;
    for (auto c : all_categories) {
      CAPTURE(to_string(c));
      auto d = decide(shipped(), user_with(role::case_manager, 5, 50), f, c, 100);
      CHECK(d.granted == level::none);
      CHECK(d.why == basis::excluded);
    }
  }

  TEST_CASE("duty roles see every case as far as their cells go; a disabled user sees nothing") {
    secrecy_facts f;
    auto triage = user_with(role::triage);
    auto d = decide(shipped(), triage, f, category::risk);
    CHECK(d.granted == level::write);
    CHECK(d.why == basis::duty);
    CHECK(decide(shipped(), triage, f, category::care_notes).granted == level::none);
    triage.disabled = true;
    CHECK(decide(shipped(), triage, f, category::risk).granted == level::none);
  }

  TEST_CASE("several roles: the highest level any of them grants") {
    secrecy_facts f;
    f.members = {5};
    auto u = user_with(role::coordinator);
    u.roles = {role::social_worker, role::coordinator};
    CHECK(decide(shipped(), u, f, category::risk).granted == level::read);
    CHECK(decide(shipped(), u, f, category::care_notes).own_organisation_only);
  }

  TEST_CASE("sharing beyond the owner: consent or override, else nothing") {
    secrecy_facts f;
    CHECK_FALSE(sharing_allowed(f, category::care_notes));
    f.consents = {{category::care_notes, 7}};
    CHECK(sharing_allowed(f, category::care_notes) == basis::consent);
    CHECK_FALSE(sharing_allowed(f, category::care_notes, 8));
  }
}
