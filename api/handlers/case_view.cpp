#include "api/handlers/case_view.hpp"

#include "api/handlers/handler_support.hpp"
#include "api/handlers/name_directory.hpp"
#include "api/http/audit_trail.hpp"
#include "chain/clocks.hpp"
#include "chain/workflow.hpp"
#include "core/store/case_store.hpp"
#include "core/store/case_view_store.hpp"
#include "core/store/chain_store.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/secrecy_store.hpp"

#include <algorithm>

namespace casechain::api {
namespace {

using core::policy::category;
using core::policy::level;
using core::json_writer;

constexpr int report_limit = 50;

void optional_date(json_writer& w, std::string_view name, const std::optional<core::date>& d) {
  w.key(name);
  if (d) w.string(core::format_date(*d));
  else w.null();
}

void write_family(json_writer& w, const std::vector<core::store::family_person>& persons, level l) {
  if (l >= level::read) {
    w.key("family");
    w.begin_array();
    for (const auto& p : persons) {
      w.begin_object();
      w.field("id", std::int64_t{p.id});
      w.field("role", core::to_string(p.role));
      w.field("first_name", p.first_name);
      w.field("last_name", p.last_name);
      optional_date(w, "birth_date", p.birth_date);
      w.field("gender", core::to_string(p.gender));
      w.end_object();
    }
    w.end_array();
    return;
  }
  std::int64_t children = 0;
  for (const auto& p : persons) children += p.role == core::family_role::child;
  w.key("household");
  w.begin_object();
  w.field("persons", static_cast<std::int64_t>(persons.size()));
  w.field("children", children);
  w.end_object();
}

void write_reports(json_writer& w, const std::vector<core::store::family_report>& reports, level l) {
  w.key("reports");
  w.begin_array();
  for (const auto& r : reports) {
    w.begin_object();
    w.field("id", std::int64_t{r.id});
    w.field("reported_at", core::format_timestamp(r.reported_at));
    if (l >= level::read) {
      w.field("police_zone", r.police_zone);
      w.key("violence");
      w.raw(r.violence);
      w.field("narrative", r.narrative);
    }
    w.end_object();
  }
  w.end_array();
}

void write_judicial(json_writer& w, const std::vector<core::store::family_report>& reports, level l, core::date today) {
  w.key("judicial");
  if (l >= level::read) {
    w.begin_array();
    for (const auto& r : reports) {
      w.begin_object();
      w.field("report", std::int64_t{r.id});
      optional_date(w, "order_from", r.order_from);
      optional_date(w, "order_until", r.order_until);
      w.field("arrest", r.arrest);
      w.field("red_file", r.red_file);
      w.end_object();
    }
    w.end_array();
    return;
  }
  // The summary a partner needs: that an order is in force, and until when.
  std::optional<core::date> until;
  for (const auto& r : reports)
    if (r.order_from && r.order_until && *r.order_from <= today && today <= *r.order_until &&
        (!until || *r.order_until > *until))
      until = r.order_until;
  w.begin_object();
  w.field("order_in_force", until.has_value());
  optional_date(w, "order_until", until);
  w.end_object();
}

core::result<void> write_consents(json_writer& w, SQLite::Database& db, const request_context& c, const case_in_view& v,
                                  name_directory& names) {
  auto all = core::store::consents_of_family(db, v.record.family);
  if (!all) return all.error();
  w.key("consents");
  w.begin_array();
  for (const auto& k : *all) {
    w.begin_object();
    w.field("id", k.id);
    w.field("person", std::int64_t{k.person});
    w.field("organisation", std::int64_t{k.recipient});
    names.organisation(k.recipient);
    w.field("category", core::policy::to_string(k.what));
    w.field("valid_until", core::format_timestamp(k.valid_until));
    w.field("live", !k.revoked_at && k.given_at <= c.now && c.now < k.valid_until);
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
  auto items = chain::due_work(db, chain::working_calendar{}, chain::clock_settings{}, core::date_of(c.now), 1000);
  if (!items) return items.error();
  w.key("overdue");
  w.begin_array();
  for (const auto& i : *items) {
    if (i.case_ != v.record.id) continue;
    w.begin_object();
    w.field("clock", i.clock);
    w.field("due", core::format_date(i.due));
    w.field("days_late", std::int64_t{i.days_late});
    w.field("why", i.why);
    w.end_object();
  }
  w.end_array();
  return {};
}

core::result<void> write_risk(json_writer& w, SQLite::Database& db, const case_in_view& v,
                              const std::vector<core::store::family_report>& reports, level l) {
  w.key("risk");
  w.begin_object();
  w.field("track", std::int64_t{core::to_int(v.record.track)});
  if (!reports.empty()) w.field("risk_level", reports.front().risk_level);
  if (l >= level::read) {
    w.key("triage");
    w.begin_array();
    for (const auto& r : reports) {
      w.begin_object();
      w.field("report", std::int64_t{r.id});
      w.key("proposed_track");
      if (r.proposed_track) w.integer(*r.proposed_track);
      else w.null();
      w.key("decided_track");
      if (r.decided_track) w.integer(*r.decided_track);
      else w.null();
      w.field("risk_level", r.risk_level);
      w.end_object();
    }
    w.end_array();
    auto all = core::store::screenings(db, v.record.id);
    if (!all) return all.error();
    w.key("screenings");
    w.begin_array();
    for (const auto& s : *all) {
      w.begin_object();
      w.field("id", s.id);
      w.field("kind", core::to_string(s.kind));
      w.key("scores");
      w.begin_object();
      for (const auto& [name, score] : s.scores) w.field(name, std::int64_t{score});
      w.end_object();
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  return {};
}

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
    w.begin_object();
    w.field("id", std::int64_t{e.id});
    w.field("at", core::format_timestamp(e.at));
    w.key("actor");
    if (e.actor) w.integer(*e.actor);
    else w.null();
    names.user(e.actor);
    w.field("kind", e.kind);
    w.key("detail");
    w.raw(e.detail);
    if (!e.reason.empty()) w.field("reason", e.reason);
    w.end_object();
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

// Care notes stay with the organisation that wrote them; another's reach
// the user only with consent or a danger override.
core::result<std::optional<core::policy::basis>> write_care_notes(json_writer& w, SQLite::Database& db,
                                                                  const request_context& c, const case_in_view& v,
                                                                  const core::policy::decision& d, name_directory& names) {
  auto notes = core::store::care_notes_of_case(db, c.app.protection().sealing, v.record.id);
  if (!notes) return notes.error();
  auto shared = core::policy::sharing_allowed(v.facts, category::care_notes);
  std::optional<core::policy::basis> used;
  w.key("care_notes");
  w.begin_array();
  for (const auto& n : *notes) {
    bool own = n.owner == c.user->organisation;
    if (!own && d.own_organisation_only && !shared) continue;
    used = own || !d.own_organisation_only ? d.why : *shared;
    w.begin_object();
    w.field("id", n.id);
    w.field("organisation", std::int64_t{n.owner});
    names.organisation(n.owner);
    w.field("written_at", core::format_timestamp(n.written_at));
    w.field("text", n.text);
    w.end_object();
  }
  w.end_array();
  return used;
}

}  // namespace

core::result<response> case_view(SQLite::Database& db, request_context& c, const case_in_view& v) {
  released_categories released;
  std::string body;
  json_writer w(body);
  w.begin_object();
  name_directory names;
  w.key("case");
  write_case_summary(w, v.record);
  names.user(v.record.case_manager);
  auto plan = decide(c, v, category::action_plan);
  released.add(category::action_plan, plan.why);

  w.key("access");
  w.begin_object();
  for (auto what : core::policy::all_categories) w.field(core::policy::to_string(what), core::policy::to_string(decide(c, v, what).granted));
  w.end_object();

  if (auto d = decide(c, v, category::identity); d.allows(level::summary)) {
    auto persons = core::store::family_persons(db, v.record.family);
    if (!persons) return persons.error();
    write_family(w, *persons, d.granted);
    // The family's consents, as GET .../consents gives them: for case managers who read the family.
    if (d.allows(level::read) && c.user->has_role(core::role::case_manager))
      if (auto written = write_consents(w, db, c, v, names); !written) return written.error();
    released.add(category::identity, d.why);
  }
  // A safe address is the person's own: each one is decided for its person.
  if (decide(c, v, category::safe_address).allows(level::read) ||
      core::policy::sharing_allowed(v.facts, category::safe_address)) {
    auto addresses = core::store::family_contact_addresses(db, c.app.protection().sealing, v.record.family);
    if (!addresses) return addresses.error();
    std::optional<core::policy::basis> used;
    w.key("safe_contacts");
    w.begin_array();
    for (const auto& a : *addresses) {
      auto d = decide(c, v, category::safe_address, a.person);
      if (!d.allows(level::read)) continue;
      used = d.why;
      w.begin_object();
      w.field("person", std::int64_t{a.person});
      w.field("street", a.street);
      w.field("house_number", a.house_number);
      w.field("postcode", a.postcode);
      w.field("municipality", a.municipality);
      w.field("phone", a.phone);
      w.end_object();
    }
    w.end_array();
    if (used) released.add(category::safe_address, *used);
  }
  auto incident = decide(c, v, category::incident), judicial = decide(c, v, category::judicial),
       risk = decide(c, v, category::risk);
  if (incident.allows(level::summary) || judicial.allows(level::summary) || risk.allows(level::summary)) {
    auto reports = core::store::family_reports(db, c.app.protection().sealing, v.record.family, report_limit,
                                                incident.allows(level::read));
    if (!reports) return reports.error();
    if (incident.allows(level::summary)) {
      write_reports(w, *reports, incident.granted);
      released.add(category::incident, incident.why);
    }
    if (judicial.allows(level::summary)) {
      write_judicial(w, *reports, judicial.granted, core::date_of(c.now));
      released.add(category::judicial, judicial.why);
    }
    if (risk.allows(level::summary)) {
      if (auto written = write_risk(w, db, v, *reports, risk.granted); !written) return written.error();
      released.add(category::risk, risk.why);
    }
  }
  if (auto d = decide(c, v, category::care_notes); d.allows(level::read)) {
    auto used = write_care_notes(w, db, c, v, d, names);
    if (!used) return used.error();
    if (*used) released.add(category::care_notes, **used);
  }
  if (auto written = write_plan(w, db, c, v, plan.granted, names); !written) return written.error();
  if (auto written = write_overdue(w, db, c, v); !written) return written.error();
  if (auto d = decide(c, v, category::round_table); d.allows(level::summary)) {
    if (auto written = write_round_tables(w, db, v, d.granted, names); !written) return written.error();
    released.add(category::round_table, d.why);
  }
  if (auto written = names.write(w, db); !written) return written.error();
  w.end_object();
  record(c, core::audit::action::read, v.record.id, released.categories(), released.bases());
  return json_response(http::status::ok, std::move(body), c.req.version());
}

}  // namespace casechain::api
