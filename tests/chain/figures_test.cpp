// Every figure on a hand-built database (tests/support/stats_fixture.hpp),
// with the answers worked out by hand in the comments.
#include "chain/figures.hpp"
#include "tests/support/stats_fixture.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using core::stats::per_track;

namespace {

core::date day(const char* text) { return core::parse_date(text).value(); }

core::stats::figures figures_of(test::stats_scenario& s, core::stats::query q,
                                const chain::working_calendar& calendar = {}) {
  auto f = chain::chain_figures(s.t.sql(), q, calendar, chain::clock_settings{});
  REQUIRE(f);
  return *f;
}

core::stats::query period(const char* as_of = "2026-01-15") {
  return core::stats::make_query(day("2025-12-15"), day("2026-01-15"), day(as_of)).value();
}

}  // namespace

TEST_SUITE("chain/figures") {
  TEST_CASE("reports per track, by proposal and by decision, with inclusive day bounds across the year") {
    test::stats_scenario s;
    auto f = figures_of(s, period());
    // R1, R2, R3, R4, R6: not R0 (a second before) nor R5 (the second after).
    CHECK(f.reports.received == 5);
    CHECK(f.reports.proposed == per_track{0, 1, 3, 1});
    // R3 has no decision, R4's lowering awaits a second member: both undecided.
    CHECK(f.reports.decided == per_track{2, 1, 1, 1});
  }

  TEST_CASE("report to triage: nearest-rank median and p90, on time by working days with Christmas and New Year") {
    test::stats_scenario s;
    auto f = figures_of(s, period());
    const auto& all = f.report_to_triage[0];
    // Durations 6h (R6), 24h (R1), 5 days (R2: over New Year, still on its 2nd working day, 5 January).
    CHECK(all.done == 3);
    CHECK(all.median_seconds == 86400);
    CHECK(all.p90_seconds == 432000);
    CHECK(all.within_clock == 3);
    // R3 (due 13 January) is late on the 15th; R4 (due the 16th) is not yet.
    CHECK(all.waiting == 2);
    CHECK(all.waiting_late == 1);
    CHECK(all.share_within_clock() == doctest::Approx(0.75));
    CHECK(f.report_to_triage[1].done == 1);
    CHECK(f.report_to_triage[2].waiting == 1);
    CHECK(f.report_to_triage[3].waiting_late == 1);
    CHECK(f.report_to_triage[3].share_within_clock() == doctest::Approx(0.5));
  }

  TEST_CASE("triage to first contact: the first reached contact after the final decision, per decided track") {
    test::stats_scenario s;
    auto f = figures_of(s, period());
    const auto& all = f.triage_to_first_contact[0];
    // R1: 24 Dec 10:00 -> 2 Jan 09:00 (774000 s), due 2 Jan (5 working days: 25 Dec and 1 Jan are holidays).
    // R2: 5 Jan 12:00 -> 13 Jan 10:00 (684000 s), due 12 Jan: late. The call of 6 Jan did not reach anyone.
    // R6: track 3, due the next working day, never reached: waiting and late.
    CHECK(all.done == 2);
    CHECK(all.within_clock == 1);
    CHECK(all.median_seconds == 684000);
    CHECK(all.p90_seconds == 774000);
    CHECK(all.waiting_late == 1);
    CHECK(all.share_within_clock() == doctest::Approx(1.0 / 3.0));
    CHECK(f.triage_to_first_contact[1].within_clock == 0);
    CHECK(f.triage_to_first_contact[2].within_clock == 1);
    CHECK(f.triage_to_first_contact[3].done == 0);
  }

  TEST_CASE("without the holidays the same work is late: the clocks count working days of the calendar") {
    test::stats_scenario s;
    auto f = figures_of(s, period(), chain::working_calendar::with_holidays({}, false));
    CHECK(f.report_to_triage[0].within_clock == 2);  // R2 was due 2 January
    CHECK(f.report_to_triage[0].share_within_clock() == doctest::Approx(0.5));
    CHECK(f.triage_to_first_contact[0].within_clock == 0);  // R1 was due 31 December
  }

  TEST_CASE("cases opened, reopened and closed in the period; open cases per step; a reopened case counts again") {
    test::stats_scenario s;
    auto f = figures_of(s, period());
    CHECK(f.cases.opened == per_track{3, 1, 1, 1});
    CHECK(f.cases.reopened == per_track{1, 0, 1, 0});  // C4, closed in 2024, reopened 20 Dec
    CHECK(f.cases.closed == per_track{2, 1, 1, 0});    // C2 and C4's second closure
    REQUIRE(f.cases.open_by_step.size() == 2);
    CHECK(f.cases.open_by_step["file"] == per_track{1, 0, 1, 0});
    CHECK(f.cases.open_by_step["intake"] == per_track{2, 0, 1, 1});
  }

  TEST_CASE("partners, round tables, interventions and caseload") {
    test::stats_scenario s;
    auto f = figures_of(s, period());
    // Active in the period: C1 (2 partners), C2 (1), C3 (0), C4 (3); C5 opens in February.
    CHECK(f.partners.cases == 4);
    CHECK(f.partners.partners == 6);
    CHECK(f.partners.histogram == std::array<core::stats::count, 6>{1, 1, 1, 1, 0, 0});
    CHECK(f.round_tables.held == 1);  // the one of 1 February is outside
    CHECK(f.round_tables.cases == 1);
    REQUIRE(f.interventions.size() == 2);
    CHECK(f.interventions[0].organisation == "B org");
    CHECK(f.interventions[0].by_status == std::array<core::stats::count, 4>{0, 1, 0, 0});
    CHECK(f.interventions[1].organisation == "C org");
    CHECK(f.interventions[1].by_status == std::array<core::stats::count, 4>{0, 0, 1, 0});
    REQUIRE(f.caseload.size() == 1);
    CHECK(f.caseload[0].case_manager == s.manager);
    CHECK(f.caseload[0].open_cases == 2);  // C1 and C5
    CHECK(f.unassigned_open_cases == 1);   // C3
  }

  TEST_CASE("repeat reports within 12 months: counted once the window has passed, to the second") {
    test::stats_scenario s;
    auto now = figures_of(s, period());
    CHECK(now.repeat_after_closure[0].moments == 2);
    CHECK(now.repeat_after_closure[0].observed == 0);
    CHECK(now.repeat_after_closure[0].repeated_so_far == 1);  // R7 on F2
    CHECK(now.repeat_after_closure[1].repeated_so_far == 1);
    CHECK(now.repeat_after_closure[2].repeated_so_far == 0);  // R9 comes one second too late
    auto later = figures_of(s, period("2027-02-01"));
    CHECK(later.repeat_after_closure[0].observed == 2);
    CHECK(later.repeat_after_closure[0].repeated == 1);
    CHECK(later.repeat_after_help_offer.moments == 1);  // C2's first call, 6 January
    CHECK(later.repeat_after_help_offer.observed == 1);
    CHECK(later.repeat_after_help_offer.repeated == 1);
    CHECK(later.report_to_triage[0].waiting_late == 2);  // R4 is late by now too
  }

  TEST_CASE("screenings: plan start against closure, for the cases closed in the period") {
    test::stats_scenario s;
    auto f = figures_of(s, period());
    REQUIRE(f.screening.count("housing"));
    const auto& housing = f.screening["housing"];
    CHECK(housing.pairs == 2);
    CHECK(housing.sum_plan_start == 5);
    CHECK(housing.sum_closing == 4);
    CHECK(housing.lower == 1);
    CHECK(housing.higher == 1);
    CHECK(f.screening["safety"].same == 1);
  }

  TEST_CASE("overdue work on the as_of day: undecided reports and the cases' clocks") {
    test::stats_scenario s;
    auto f = figures_of(s, period());
    // R0, R3 and R8 (of June 2025) await a decision past their due day; C3 has neither contact nor case manager.
    CHECK(f.overdue == std::map<std::string, core::stats::count>{{"case_manager", 1}, {"first_contact", 1},
                                                                  {"report_to_triage", 3}});
  }

  TEST_CASE("filters: police zone, track and organisation") {
    test::stats_scenario s;
    auto q = period();
    q.zone = "Z1";
    auto z1 = figures_of(s, q);
    CHECK(z1.reports.received == 4);
    CHECK(z1.cases.opened[0] == 3);
    CHECK(z1.overdue["report_to_triage"] == 2);
    q.zone = "Z2";
    auto z2 = figures_of(s, q);
    CHECK(z2.reports.received == 1);
    CHECK(z2.cases.opened[0] == 0);
    CHECK(z2.cases.open_by_step["intake"] == per_track{1, 0, 1, 0});  // C5: F5's first report is in Z2

    auto t2 = period();
    t2.track = core::track::chain;
    auto by_track = figures_of(s, t2);
    CHECK(by_track.reports.received == 2);  // R1 decided 2, R4 proposed 2 and undecided
    CHECK(by_track.cases.opened == per_track{1, 0, 1, 0});
    CHECK(by_track.repeat_after_help_offer.moments == 0);

    auto ob = period();
    ob.organisation = s.org_b;
    auto by_org = figures_of(s, ob);
    CHECK(by_org.cases.opened[0] == 1);
    CHECK(by_org.cases.reopened[0] == 1);
    CHECK(by_org.partners.partners == 5);
    REQUIRE(by_org.interventions.size() == 1);
    CHECK(by_org.interventions[0].organisation == "B org");
    CHECK(by_org.overdue.empty());
  }

  TEST_CASE("the same data gives the same figures twice") {
    test::stats_scenario s;
    auto a = figures_of(s, period()), b = figures_of(s, period());
    CHECK(a.reports.proposed == b.reports.proposed);
    CHECK(a.report_to_triage[0].median_seconds == b.report_to_triage[0].median_seconds);
    CHECK(a.overdue == b.overdue);
  }
}
