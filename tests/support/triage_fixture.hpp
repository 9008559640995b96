#pragma once
// A real database with the built-in instrument and lexicons, an importer, and
// a triage team of three, for intake and triage tests.

#include "core/intake/importer.hpp"
#include "core/store/organisation_store.hpp"
#include "tests/support/sample_report.hpp"
#include "tests/support/test_database.hpp"

namespace casechain::test {

struct triage_fixture {
  test_database t;
  core::intake::report_importer importer{t.sql(), *t.protection, core::triage::builtin_instrument(),
                                         core::triage::builtin_lexicons()};
  core::organisation fjc = core::store::add_organisation(t.sql(), "FJC", core::sector::administration, core::now_utc()).value();
  core::user anna = add("anna", {core::role::triage});
  core::user bert = add("bert", {core::role::triage});
  core::user carl = add("carl", {core::role::case_manager});

  core::user add(const char* name, std::vector<core::role> roles) {
    return core::store::add_user(t.sql(), {name, fjc.id, std::move(roles), "$h"}, core::now_utc()).value();
  }

  core::intake::imported_report import(const core::police_report& r) {
    auto imported = importer.import(r, at("2026-03-15T08:00:00Z"));
    REQUIRE(imported);
    return *imported;
  }
};

// The sample report with another number, date and no measures: a plain track-1 report.
inline core::police_report plain_report(const std::string& ref, const char* reported_at = "2026-03-14T21:40:00Z") {
  auto r = sample_report(ref);
  r.reported_at = core::parse_timestamp(reported_at).value();
  r.incident_at.reset();
  r.measures = {};
  r.indicators.clear();
  r.narrative = "Er was een hevige woordenwisseling.";
  return r;
}

}  // namespace casechain::test
