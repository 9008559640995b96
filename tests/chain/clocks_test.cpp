#include "chain/clocks.hpp"
#include "core/store/chain_store.hpp"
#include "core/store/report_store.hpp"
#include "core/triage/decisions.hpp"
#include "tests/support/chain_fixture.hpp"
#include "tests/support/triage_fixture.hpp"

#include <doctest/doctest.h>

using namespace casechain;
using namespace casechain::core;

namespace {

std::vector<chain::due_item> due_on(test::chain_fixture& f, const char* day) {
  auto items = chain::due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{}, *parse_date(day));
  REQUIRE(items);
  return *items;
}

const chain::due_item* find(const std::vector<chain::due_item>& items, const std::string& clock, case_id c) {
  for (const auto& i : items)
    if (i.clock == clock && i.case_ == c) return &i;
  return nullptr;
}

}  // namespace

TEST_SUITE("chain/clocks") {
  TEST_CASE("track 3: first contact and case manager on the first working day, across Easter Monday") {
    test::chain_fixture f;
    f.now = test::at("2026-04-03T16:00:00Z");  // a Friday; Monday 6 April is Easter Monday
    auto c = f.open(track::intensive).id;
    CHECK_FALSE(find(due_on(f, "2026-04-07"), "first_contact", c));
    auto late = due_on(f, "2026-04-08");
    auto contact = find(late, "first_contact", c);
    REQUIRE(contact);
    CHECK(format_date(contact->due) == "2026-04-07");
    CHECK(contact->days_late == 1);
    REQUIRE(find(late, "case_manager", c));
    f.who.at = test::at("2026-04-07T10:00:00Z");
    REQUIRE(chain::record_contact(f.t.sql(), c, contact_channel::visit, contact_outcome::reached, f.who.at, f.who));
    REQUIRE(chain::assign_case_manager(f.t.sql(), c, f.manager.id, f.who));
    auto after = due_on(f, "2026-04-08");
    CHECK_FALSE(find(after, "first_contact", c));
    CHECK_FALSE(find(after, "case_manager", c));
  }

  TEST_CASE("one case's due work is all of due_work's items for that case, and nothing of the others") {
    test::chain_fixture f;
    f.now = test::at("2026-03-02T09:00:00Z");
    auto intensive = f.open(track::intensive).id;
    auto chain_case = f.open(track::chain).id;
    auto help = f.open(track::help_offer).id;
    auto all = due_on(f, "2026-06-01");
    for (auto c : {intensive, chain_case, help}) {
      CAPTURE(c);
      auto one = chain::case_due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{}, *parse_date("2026-06-01"), {.case_ = c});
      REQUIRE(one);
      std::vector<std::pair<std::string, std::string>> expected, got;
      for (const auto& i : all)
        if (i.case_ == c) expected.emplace_back(i.clock, format_date(i.due));
      for (const auto& i : *one) {
        CHECK(i.case_ == c);
        got.emplace_back(i.clock, format_date(i.due));
      }
      CHECK_FALSE(expected.empty());
      CHECK(got == expected);
    }
    // A case manager's scope: the items of the cases they manage, no others.
    REQUIRE(chain::assign_case_manager(f.t.sql(), chain_case, f.manager.id, f.who));
    auto managed = chain::case_due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{},
                                        *parse_date("2026-06-01"), {.case_manager = f.manager.id});
    REQUIRE(managed);
    std::size_t expected_managed = 0;
    for (const auto& i : due_on(f, "2026-06-01")) expected_managed += i.case_manager == f.manager.id;
    CHECK(expected_managed > 0);
    CHECK(managed->size() == expected_managed);
    for (const auto& i : *managed) CHECK(i.case_ == chain_case);
    // Closed (as the chain would close it; its guards are not what this test is about).
    f.t.sql().exec("UPDATE cases SET step = 'closed', closed_at = '2026-05-01T00:00:00Z' WHERE id = " + std::to_string(help));
    auto closed = chain::case_due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{}, *parse_date("2026-06-01"), {.case_ = help});
    REQUIRE(closed);
    CHECK(closed->empty());
  }

  TEST_CASE("track 2: a case manager within ten working days, counted past a weekend") {
    test::chain_fixture f;
    f.now = test::at("2026-03-02T09:00:00Z");  // Monday
    auto c = f.open(track::chain).id;
    CHECK_FALSE(find(due_on(f, "2026-03-16"), "case_manager", c));
    auto on_17th = due_on(f, "2026-03-17");  // kept: find() points into it
    auto item = find(on_17th, "case_manager", c);
    REQUIRE(item);
    CHECK(format_date(item->due) == "2026-03-16");
    CHECK(item->why == "no case manager has been appointed");
    // Track 1 has no case-manager clock.
    auto t1 = f.open(track::help_offer).id;
    CHECK_FALSE(find(due_on(f, "2026-06-01"), "case_manager", t1));
    REQUIRE(find(due_on(f, "2026-06-01"), "first_contact", t1));
  }

  TEST_CASE("track 2: evaluation due every 90 days in implementation") {
    test::chain_fixture f;
    f.now = test::at("2026-01-05T09:00:00Z");
    auto c = f.open(track::chain).id;
    f.who.at = test::at("2026-01-10T09:00:00Z");
    f.walk_to_implementation(c);
    CHECK_FALSE(find(due_on(f, "2026-04-10"), "evaluation", c));
    auto on_11th = due_on(f, "2026-04-11");
    auto item = find(on_11th, "evaluation", c);
    REQUIRE(item);
    CHECK(format_date(item->due) == "2026-04-10");
  }

  TEST_CASE("undecided reports: two working days, across Christmas and a weekend") {
    test::triage_fixture f;
    auto r = f.import(test::plain_report("X1", "2026-12-24T15:00:00Z"));  // Thursday; 25th is a holiday
    auto items = chain::due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{}, *parse_date("2026-12-29"));
    REQUIRE(items);
    CHECK(items->empty());
    items = chain::due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{}, *parse_date("2026-12-30"));
    REQUIRE(items);
    REQUIRE(items->size() == 1);
    CHECK((*items)[0].report == r.id);
    CHECK(format_date((*items)[0].due) == "2026-12-29");
    REQUIRE(triage::decide(f.t.sql(), {r.id, track::help_offer, f.anna.id, "", now_utc()}));
    items = chain::due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{}, *parse_date("2026-12-30"));
    REQUIRE(items);
    for (const auto& i : *items) CHECK(i.clock != "report_to_triage");
  }

  TEST_CASE("track 3: a restraining order about to end, and the end of the follow-up year") {
    test::triage_fixture f;
    auto report = test::plain_report("O1", "2026-04-01T10:00:00Z");
    report.measures.restraining_order = restraining_order{*parse_date("2026-04-01"), *parse_date("2026-04-11")};
    auto r = f.import(report);
    auto decided = triage::decide(f.t.sql(), {r.id, track::intensive, f.anna.id, "", test::at("2026-04-01T12:00:00Z")});
    REQUIRE(decided);
    auto on = [&](const char* day) {
      return chain::due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{}, *parse_date(day)).value();
    };
    auto soon = on("2026-04-08");
    const chain::due_item* order = nullptr;
    for (const auto& i : soon) order = i.clock == "order_end" ? &i : order;
    REQUIRE(order);
    CHECK(order->days_late == -3);
    CHECK(format_date(order->due) == "2026-04-11");
    bool early = false;
    for (const auto& i : on("2026-04-07")) early = early || i.clock == "order_end";
    CHECK_FALSE(early);
    bool year_over = false;
    for (const auto& i : on("2027-04-02")) year_over = year_over || i.clock == "follow_up_end";
    CHECK(year_over);
  }

  TEST_CASE("alerts: raised once per item, and a new report reaches the case manager") {
    test::triage_fixture f;
    auto first = f.import(test::plain_report("A1", "2026-03-01T10:00:00Z"));
    auto decided = triage::decide(f.t.sql(), {first.id, track::chain, f.anna.id, "serious", test::at("2026-03-01T12:00:00Z")});
    REQUIRE(decided);
    auto items = chain::due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{}, *parse_date("2026-06-01")).value();
    REQUIRE_FALSE(items.empty());
    auto raised = chain::raise_alerts(f.t.sql(), items, now_utc());
    REQUIRE(raised);
    CHECK(*raised == 2);  // first contact and case manager
    CHECK(*chain::raise_alerts(f.t.sql(), items, now_utc()) == 0);

    auto manager = f.add("cm", {role::case_manager});
    REQUIRE(chain::assign_case_manager(f.t.sql(), *decided->case_, manager.id, {f.anna.id, now_utc()}));
    auto second = f.import(test::plain_report("A2", "2026-03-20T10:00:00Z"));
    auto alerts = store::unseen_alerts(f.t.sql(), manager.id, 10).value();
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].kind == "new_report");
    CHECK(alerts[0].key == std::to_string(second.id));
    REQUIRE(store::mark_alert_seen(f.t.sql(), alerts[0].id, now_utc()));
    CHECK(store::unseen_alerts(f.t.sql(), manager.id, 10).value().empty());
  }

  TEST_CASE("clock settings load with defaults kept and faults named") {
    auto s = chain::load_clock_settings(R"({"report_to_triage_working_days": 1, "first_contact_working_days": {"3": 2}})");
    REQUIRE(s);
    CHECK(s->report_to_triage_working_days == 1);
    CHECK(s->first_contact_working_days[3] == 2);
    CHECK(s->first_contact_working_days[1] == 5);
    CHECK(s->evaluation_interval_days == 90);
    CHECK(chain::load_clock_settings(R"({"evaluation_interval_days": -1})").error().message.find("$.evaluation_interval_days") !=
          std::string::npos);
    CHECK(chain::load_clock_settings(R"({"first_contact_working_days": {"4": 1}})").error().message.find(
              "$.first_contact_working_days.4") != std::string::npos);
    CHECK(chain::load_clock_settings(R"({"coffee_breaks": 3})").error().message.find("unknown setting") != std::string::npos);
    CHECK_FALSE(chain::load_clock_settings("[]"));
  }
}

TEST_SUITE("chain/clocks") {
  TEST_CASE("track 3 counts from the restraining order, not from the paperwork") {
    test::triage_fixture f;
    auto report = test::plain_report("T3", "2026-05-08T22:00:00Z");  // Friday night
    report.measures.restraining_order = restraining_order{*parse_date("2026-05-08"), *parse_date("2026-05-18")};
    auto r = f.import(report);
    // Decided only on Tuesday; the contact was due Monday 11 May, the first working day after the order.
    REQUIRE(triage::decide(f.t.sql(), {r.id, track::intensive, f.anna.id, "", test::at("2026-05-12T09:00:00Z")}));
    auto items = chain::due_work(f.t.sql(), chain::working_calendar{}, chain::clock_settings{}, *parse_date("2026-05-12")).value();
    const chain::due_item* contact = nullptr;
    for (const auto& i : items) contact = i.clock == "first_contact" ? &i : contact;
    REQUIRE(contact);
    CHECK(format_date(contact->due) == "2026-05-11");
    CHECK(contact->days_late == 1);
  }
}
