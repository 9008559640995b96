// What the case page and the partners' view read beyond the case itself: a
// case's work (round tables, plan, interventions with their owners,
// screenings, contacts, the user's alerts on it) and the user's own tasks.
// Both go through the secrecy policy: the work needs the action plan in
// full, and each part is released only as far as its category allows.
#include "api/handlers/handler_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/handlers/case_policy.hpp"
#include "api/http/audit_trail.hpp"
#include "core/store/secrecy_store.hpp"
#include "core/store/case_store.hpp"
#include "core/store/chain_store.hpp"

namespace casechain::api {
namespace {

using core::role;

void write_intervention(core::json_writer& w, const core::intervention& i) {
  w.begin_object();
  w.field("id", std::int64_t{i.id});
  w.field("case", std::int64_t{i.case_});
  if (i.goal) w.field("goal", std::int64_t{*i.goal});
  w.field("organisation", std::int64_t{i.organisation});
  if (i.owner) w.field("owner", std::int64_t{*i.owner});
  w.field("description", i.description);
  if (i.due_on) w.field("due_on", core::format_date(*i.due_on));
  w.field("status", core::to_string(i.status));
  if (!i.result.empty()) w.field("result", i.result);
  w.end_object();
}

// Everything the case page shows of the work on one case, read in one go.
struct case_work {
  std::vector<core::round_table> meetings;
  std::vector<core::plan_goal> goals;
  std::vector<core::intervention> interventions;
  std::vector<core::screening> screenings;
  std::vector<core::contact> contacts;
  std::vector<core::alert> alerts;
};

core::result<case_work> read_work(SQLite::Database& db, const request_context& c, core::case_id id) {
  case_work work;
  auto meetings = core::store::round_tables(db, id);
  auto goals = core::store::goals(db, id);
  auto interventions = core::store::interventions(db, id);
  auto screenings = core::store::screenings(db, id);
  auto contacts = core::store::contacts(db, id);
  auto alerts = core::store::unseen_alerts(db, c.user->id, 1000);
  if (!meetings) return meetings.error();
  if (!goals) return goals.error();
  if (!interventions) return interventions.error();
  if (!screenings) return screenings.error();
  if (!contacts) return contacts.error();
  if (!alerts) return alerts.error();
  work.meetings = std::move(*meetings);
  work.goals = std::move(*goals);
  work.interventions = std::move(*interventions);
  work.screenings = std::move(*screenings);
  work.contacts = std::move(*contacts);
  for (auto& a : *alerts)
    if (a.case_ == id) work.alerts.push_back(std::move(a));
  return work;
}

// What of the work the user may see: the plan always (the route needs it),
// round tables and screenings by their own categories.
struct work_access {
  bool round_tables = false;
  bool screenings = false;
};

void write_work(core::json_writer& w, const case_work& work, work_access access) {
  w.begin_object();
  if (access.round_tables) {
  w.key("meetings");
  w.begin_array();
  for (const auto& m : work.meetings) {
    w.begin_object();
    w.field("held_on", core::format_date(m.held_on));
    w.key("participants");
    w.begin_array();
    for (auto p : m.participants) w.integer(p);
    w.end_array();
    w.field("decisions", m.decisions);
    w.end_object();
  }
  w.end_array();
  }
  w.key("goals");
  w.begin_array();
  for (const auto& g : work.goals) {
    w.begin_object();
    w.field("id", std::int64_t{g.id});
    w.field("text", g.text);
    w.end_object();
  }
  w.end_array();
  w.key("interventions");
  w.begin_array();
  for (const auto& i : work.interventions) write_intervention(w, i);
  w.end_array();
  if (access.screenings) {
  w.key("screenings");
  w.begin_array();
  for (const auto& s : work.screenings) {
    w.begin_object();
    w.field("kind", core::to_string(s.kind));
    w.key("scores");
    w.begin_object();
    for (const auto& [factor, score] : s.scores) w.field(factor, std::int64_t{score});
    w.end_object();
    w.end_object();
  }
  w.end_array();
  }
  w.key("contacts");
  w.begin_array();
  for (const auto& k : work.contacts) {
    w.begin_object();
    w.field("at", core::format_timestamp(k.at));
    w.field("channel", core::to_string(k.channel));
    w.field("outcome", core::to_string(k.outcome));
    w.end_object();
  }
  w.end_array();
  w.key("alerts");
  w.begin_array();
  for (const auto& a : work.alerts) {
    w.begin_object();
    w.field("kind", a.kind);
    w.field("created_at", core::format_timestamp(a.created_at));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

core::result<response> work_on_case(request_context& c) {
  using core::policy::category;
  using core::policy::level;
  return c.app.db().read([&](SQLite::Database& db) -> core::result<response> {
    auto v = case_for(db, c, c.ids[0], category::action_plan, level::read);
    if (!v) return v.error();
    auto work = read_work(db, c, v->record.id);
    if (!work) return work.error();
    released_categories released;
    released.add(category::action_plan, decide(c, *v, category::action_plan).why);
    work_access access;
    if (auto d = decide(c, *v, category::round_table); d.allows(level::read)) {
      access.round_tables = true;
      released.add(category::round_table, d.why);
    }
    if (auto d = decide(c, *v, category::risk); d.allows(level::read)) {
      access.screenings = true;
      released.add(category::risk, d.why);
    }
    record(c, core::audit::action::read, v->record.id, released.categories(), released.bases());
    return answer(c, http::status::ok, [&](core::json_writer& w) { write_work(w, *work, access); });
  });
}

// The interventions the user owns, on open cases they may read.
core::result<response> my_tasks(request_context& c) {
  return c.app.db().read([&](SQLite::Database& db) -> core::result<response> {
    core::store::case_filter f;
    f.viewer = c.user->id;
    f.viewer_organisation = c.user->organisation;
    f.open_only = true;
    f.limit = 500;
    auto cases = core::store::list_cases(db, f);
    if (!cases) return cases.error();
    std::vector<core::intervention> mine;
    for (const auto& k : *cases) {
      // Own tasks need no more than the action plan in summary.
      auto facts = core::store::load_secrecy_facts(db, k, *c.user, c.now);
      if (!facts) return facts.error();
      auto d = core::policy::decide(c.app.policy(), *c.user, *facts, core::policy::category::action_plan);
      if (!d.allows(core::policy::level::summary)) continue;
      auto all = core::store::interventions(db, k.id);
      if (!all) return all.error();
      for (auto& i : *all)
        if (i.owner == c.user->id) mine.push_back(std::move(i));
    }
    record(c, core::audit::action::read, std::nullopt, "action_plan", "consultation");
    return answer(c, http::status::ok, [&](core::json_writer& w) {
      w.begin_object();
      w.key("tasks");
      w.begin_array();
      for (const auto& i : mine) write_intervention(w, i);
      w.end_array();
      w.end_object();
    });
  });
}

}  // namespace

void add_case_view_routes(router& r) {
  r.add({http::verb::get, "/api/v1/cases/{id}/work",
         {role::case_manager, role::coordinator, role::police, role::prosecutor, role::social_worker, role::triage}, false,
         "A case's work for the case page: round tables, plan goals, interventions with their owners, screenings, "
         "contacts, and the user's unseen alerts on it (only for users who may read the case).",
         work_on_case});
  r.add({http::verb::get, "/api/v1/tasks", {role::case_manager, role::police, role::prosecutor, role::social_worker}, false,
         "The interventions the user owns, on the open cases they may read.", my_tasks});
}

}  // namespace casechain::api
