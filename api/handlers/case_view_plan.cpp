// The chain's parts of a case's page: members, history, next steps, the plan, overdue work, round tables.
#include "api/handlers/case_view_parts.hpp"

#include "api/handlers/handler_support.hpp"
#include "chain/clocks.hpp"
#include "chain/workflow.hpp"
#include "core/store/case_store.hpp"
#include "core/store/chain_store.hpp"
#include "core/store/organisation_store.hpp"

#include <algorithm>

namespace casechain::api::case_parts {

using core::json_writer;
using core::policy::category;
using core::policy::level;

namespace {

void note_intervention(name_directory& names, const core::intervention& i) {
  names.organisation(i.organisation);
  names.user(i.owner);
}

// Organisations a plan writer may admit to the consultation: those not in it yet.
core::result<void> write_admittable(json_writer& w, SQLite::Database& db, const case_in_view& v, name_directory& names) {
  auto all = core::store::list_organisations(db);
  if (!all) return all.error();
  w.key("admittable");
  w.begin_array();
  for (const auto& o : *all) {
    if (std::find(v.facts.members.begin(), v.facts.members.end(), o.id) != v.facts.members.end()) continue;
    w.integer(o.id);
    names.organisation(o.id);
  }
  w.end_array();
  return {};
}

// The history and the user's own unseen alerts on the case, with the plan.
core::result<void> write_history(json_writer& w, SQLite::Database& db, const request_context& c, const case_in_view& v,
                                 name_directory& names) {
  auto events = core::store::case_events(db, v.record.id);
  if (!events) return events.error();
  w.key("events");
  w.begin_array();
  for (const auto& e : *events) {
    write_case_event(w, e);
    names.user(e.actor);
  }
  w.end_array();
  auto alerts = core::store::unseen_alerts(db, c.user->id, 1000);
  if (!alerts) return alerts.error();
  w.key("alerts");
  w.begin_array();
  for (const auto& a : *alerts) {
    if (a.case_ != v.record.id) continue;
    w.begin_object();
    w.field("kind", a.kind);
    w.field("created_at", core::format_timestamp(a.created_at));
    w.end_object();
  }
  w.end_array();
  return {};
}

}  // namespace

core::result<void> write_plan(json_writer& w, SQLite::Database& db, const request_context& c, const case_in_view& v, level l,
                              name_directory& names) {
  auto planned = core::store::interventions(db, v.record.id);
  if (!planned) return planned.error();
  if (l < level::read) {
    // A partner's own tasks, nothing else of the plan.
    w.key("my_tasks");
    w.begin_array();
    for (const auto& i : *planned)
      if (i.organisation == c.user->organisation || i.owner == c.user->id) {
        write_intervention(w, i);
        note_intervention(names, i);
      }
    w.end_array();
    return {};
  }
  w.key("members");
  w.begin_array();
  for (auto m : v.facts.members) {
    w.integer(m);
    names.organisation(m);
    // Who may write the plan picks an intervention's owner among the members' users.
    if (l >= level::write) names.users_of(m);
  }
  w.end_array();
  if (l >= level::write)
    if (auto written = write_admittable(w, db, v, names); !written) return written.error();
  if (auto written = write_history(w, db, c, v, names); !written) return written.error();
  auto facts = core::store::load_case_facts(db, v.record.id);
  if (!facts) return facts.error();
  w.key("next_steps");
  w.begin_array();
  for (auto step : chain::next_steps(v.record.track, v.record.step)) {
    w.begin_object();
    w.field("step", core::to_string(step));
    w.key("unmet_guards");
    w.begin_array();
    for (const auto& g : chain::unmet_guards({v.record, *facts, "", c.now}, step)) {
      w.begin_object();
      w.field("id", g.id);
      w.field("text", g.text);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  auto goals = core::store::goals(db, v.record.id);
  if (!goals) return goals.error();
  w.key("goals");
  w.begin_array();
  for (const auto& g : *goals) {
    w.begin_object();
    w.field("id", g.id);
    w.field("text", g.text);
    w.end_object();
  }
  w.end_array();
  w.key("interventions");
  w.begin_array();
  for (const auto& i : *planned) {
    write_intervention(w, i);
    note_intervention(names, i);
  }
  w.end_array();
  auto contacts = core::store::contacts(db, v.record.id);
  if (!contacts) return contacts.error();
  w.key("contacts");
  w.begin_array();
  for (const auto& k : *contacts) {
    w.begin_object();
    w.field("at", core::format_timestamp(k.at));
    w.field("channel", core::to_string(k.channel));
    w.field("outcome", core::to_string(k.outcome));
    w.end_object();
  }
  w.end_array();
  return {};
}

// What is late on this case, as GET /api/v1/overdue gives it to the same
// user (case managers their own cases, the coordinator all), so the case page
// needs no second request.
core::result<void> write_overdue(json_writer& w, SQLite::Database& db, const request_context& c, const case_in_view& v) {
  bool all = c.user->has_role(core::role::coordinator);
  if (!all && !(c.user->has_role(core::role::case_manager) && v.record.case_manager == c.user->id)) return {};
  auto items = chain::case_due_work(db, chain::working_calendar{}, chain::clock_settings{}, core::date_of(c.now),
                                    {.case_ = v.record.id});
  if (!items) return items.error();
  w.key("overdue");
  w.begin_array();
  for (const auto& i : *items) write_due_item(w, i, false);
  w.end_array();
  return {};
}

void write_due_item(json_writer& w, const chain::due_item& i, bool with_case) {
  w.begin_object();
  if (with_case) w.field("case", std::int64_t{i.case_});
  w.field("clock", i.clock);
  w.field("due", core::format_date(i.due));
  w.field("days_late", std::int64_t{i.days_late});
  w.field("why", i.why);
  w.end_object();
}

core::result<void> write_round_tables(json_writer& w, SQLite::Database& db, const case_in_view& v, level l,
                                      name_directory& names) {
  auto held = core::store::round_tables(db, v.record.id);
  if (!held) return held.error();
  w.key("round_tables");
  w.begin_array();
  for (const auto& r : *held) {
    w.begin_object();
    w.field("id", r.id);
    w.field("held_on", core::format_date(r.held_on));
    if (l >= level::read) {
      w.key("participants");
      w.begin_array();
      for (auto p : r.participants) {
        w.integer(p);
        names.organisation(p);
      }
      w.end_array();
      w.field("decisions", r.decisions);
    }
    w.end_object();
  }
  w.end_array();
  return {};
}

}  // namespace casechain::api::case_parts
