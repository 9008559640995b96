#include "core/store/case_store.hpp"
#include "core/store/triage_store.hpp"
#include "core/triage/decisions.hpp"
#include "tests/support/triage_fixture.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using namespace casechain::core;
using triage::decide;

namespace {

// A report the instrument puts on track 3 (a restraining order).
police_report order_report(const std::string& ref) {
  auto r = test::plain_report(ref);
  r.measures.restraining_order = restraining_order{*parse_date("2026-03-15"), *parse_date("2026-03-25")};
  return r;
}

}  // namespace

TEST_SUITE("core/triage/decisions") {
  TEST_CASE("confirming the proposal opens the family's case with an event") {
    test::triage_fixture f;
    auto r = f.import(order_report("R1"));
    REQUIRE(r.proposal.track == track::intensive);
    auto decided = decide(f.t.sql(), {r.id, track::intensive, f.anna.id, "", test::at("2026-03-15T09:00:00Z")});
    REQUIRE(decided);
    CHECK_FALSE(decided->awaiting_confirmation);
    REQUIRE(decided->case_);
    auto c = store::get_case(f.t.sql(), *decided->case_).value();
    CHECK(c.track == track::intensive);
    CHECK(c.family == r.links.family);
    auto events = store::case_events(f.t.sql(), c.id).value();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == "opened");
    CHECK(events[0].actor == f.anna.id);
    CHECK(events[0].detail.find("\"report\":" + std::to_string(r.id)) != std::string::npos);
    auto d = store::get_decision(f.t.sql(), r.id).value();
    CHECK(d.status == store::decision_status::decided);
    CHECK(d.case_ == c.id);
  }

  TEST_CASE("a different track needs a reason; raising takes effect at once") {
    test::triage_fixture f;
    auto r = f.import(test::plain_report("R1"));
    REQUIRE(r.proposal.track == track::help_offer);
    auto no_reason = decide(f.t.sql(), {r.id, track::chain, f.anna.id, "  ", now_utc()});
    REQUIRE_FALSE(no_reason);
    CHECK(no_reason.error().code == errc::invalid_argument);
    CHECK(no_reason.error().message.find("reason") != std::string::npos);
    CHECK(f.t.count("cases") == 0);
    auto raised = decide(f.t.sql(), {r.id, track::chain, f.anna.id, "children at risk, known to the CAW", now_utc()});
    REQUIRE(raised);
    CHECK_FALSE(raised->awaiting_confirmation);
    CHECK(store::get_case(f.t.sql(), *raised->case_).value().track == track::chain);
    CHECK(store::case_events(f.t.sql(), *raised->case_).value()[0].reason == "children at risk, known to the CAW");
  }

  TEST_CASE("lowering waits for a second team member") {
    test::triage_fixture f;
    auto r = f.import(order_report("R1"));
    auto lowered = decide(f.t.sql(), {r.id, track::chain, f.anna.id, "order lifted by the prosecutor", now_utc()});
    REQUIRE(lowered);
    CHECK(lowered->awaiting_confirmation);
    CHECK_FALSE(lowered->case_);
    CHECK(f.t.count("cases") == 0);
    auto queue = store::triage_queue(f.t.sql(), 10).value();
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].awaiting_confirmation);

    auto self = triage::confirm(f.t.sql(), r.id, f.anna.id, now_utc());
    REQUIRE_FALSE(self);
    CHECK(self.error().code == errc::permission_denied);
    CHECK(f.t.count("cases") == 0);

    auto not_team = triage::confirm(f.t.sql(), r.id, f.carl.id, now_utc());
    REQUIRE_FALSE(not_team);
    CHECK(not_team.error().code == errc::permission_denied);

    auto confirmed = triage::confirm(f.t.sql(), r.id, f.bert.id, now_utc());
    REQUIRE(confirmed);
    REQUIRE(confirmed->case_);
    CHECK(store::get_case(f.t.sql(), *confirmed->case_).value().track == track::chain);
    auto d = store::get_decision(f.t.sql(), r.id).value();
    CHECK(d.status == store::decision_status::decided);
    CHECK(d.confirmed_by == f.bert.id);
    CHECK(store::triage_queue(f.t.sql(), 10).value().empty());
    CHECK(triage::confirm(f.t.sql(), r.id, f.bert.id, now_utc()).error().code == errc::failed_precondition);
  }

  TEST_CASE("only triage team members decide, once") {
    test::triage_fixture f;
    auto r = f.import(test::plain_report("R1"));
    CHECK(decide(f.t.sql(), {r.id, track::help_offer, f.carl.id, "", now_utc()}).error().code == errc::permission_denied);
    CHECK(decide(f.t.sql(), {r.id + 100, track::help_offer, f.anna.id, "", now_utc()}).error().code == errc::not_found);
    REQUIRE(decide(f.t.sql(), {r.id, track::help_offer, f.anna.id, "", now_utc()}));
    CHECK(decide(f.t.sql(), {r.id, track::help_offer, f.bert.id, "", now_utc()}).error().code == errc::failed_precondition);
  }

  TEST_CASE("a later report on the family updates its open case") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("R1"));
    auto c = *decide(f.t.sql(), {first.id, track::help_offer, f.anna.id, "", now_utc()})->case_;
    auto second = f.import(order_report("R2"));
    CHECK(second.links.family == first.links.family);
    auto moved = decide(f.t.sql(), {second.id, track::intensive, f.anna.id, "", now_utc()});
    REQUIRE(moved);
    CHECK(*moved->case_ == c);
    CHECK(store::get_case(f.t.sql(), c).value().track == track::intensive);
    auto events = store::case_events(f.t.sql(), c).value();
    REQUIRE(events.size() == 2);
    CHECK(events[1].kind == "track_changed");
    CHECK(events[1].detail.find("\"previous_track\":1") != std::string::npos);

    auto third = f.import(order_report("R3"));
    REQUIRE(decide(f.t.sql(), {third.id, track::intensive, f.bert.id, "", now_utc()}));
    CHECK(store::case_events(f.t.sql(), c).value().back().kind == "report_added");
    CHECK(f.t.count("cases") == 1);
  }
}
