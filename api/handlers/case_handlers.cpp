// Cases: the list, one case (through the policy), its events, and moving it along the chain.
#include "api/handlers/handler_support.hpp"
#include "api/http/audit_trail.hpp"
#include "api/handlers/routes.hpp"
#include "chain/case_service.hpp"
#include "api/handlers/case_view.hpp"
#include "core/store/case_store.hpp"
#include "core/store/chain_store.hpp"

#include <charconv>

namespace casechain::api {
namespace {

using core::role;
using core::policy::category;
using core::policy::level;

core::result<response> list(request_context& c) {
  core::store::case_filter f;
  f.all_visible = c.user->has_role(role::coordinator) || c.user->has_role(role::triage);
  f.viewer = c.user->id;
  f.viewer_organisation = c.user->organisation;
  if (auto it = c.query.find("track"); it != c.query.end()) {
    auto t = it->second.size() == 1 ? core::track_from_int(it->second[0] - '0') : std::nullopt;
    if (!t) return core::fail(core::errc::invalid_argument, "track: expected 1, 2 or 3");
    f.track = t;
  }
  if (auto it = c.query.find("step"); it != c.query.end()) {
    f.step = core::parse<core::case_step>(it->second);
    if (!f.step) return core::fail(core::errc::invalid_argument, "step: not a step of the chain");
  }
  f.mine = c.query.count("mine") && c.query["mine"] != "0" && c.query["mine"] != "false";
  f.open_only = c.query.count("open") && c.query["open"] != "0" && c.query["open"] != "false";
  auto paging = query_page(c, 50, 500);
  if (!paging) return paging.error();
  f.limit = paging->limit;
  f.offset = paging->offset;
  auto cases = c.app.db().read([&](SQLite::Database& db) { return core::store::list_cases(db, f); });
  record(c, core::audit::action::read, std::nullopt, "action_plan", f.all_visible ? "duty" : "consultation");
  if (!cases) return cases.error();
  return answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.key("cases");
    w.begin_array();
    for (const auto& k : *cases) write_case_summary(w, k);
    w.end_array();
    paging->write(w);
    w.end_object();
  });
}

core::result<response> one(request_context& c) {
  return c.app.db().read([&](SQLite::Database& db) -> core::result<response> {
    auto v = case_for(db, c, c.ids[0], category::action_plan, level::summary);
    if (!v) return v.error();
    return case_view(db, c, *v);
  });
}

core::result<response> events(request_context& c) {
  return c.app.db().read([&](SQLite::Database& db) -> core::result<response> {
    auto v = case_for(db, c, c.ids[0], category::action_plan, level::read);
    if (!v) return v.error();
    record(c, core::audit::action::read, v->record.id, "action_plan", std::string(core::policy::to_string(decide(c, *v, category::action_plan).why)));
    auto all = core::store::case_events(db, v->record.id);
    if (!all) return all.error();
    return answer(c, http::status::ok, [&](core::json_writer& w) {
      w.begin_object();
      w.key("events");
      w.begin_array();
      for (const auto& e : *all) write_case_event(w, e);
      w.end_array();
      w.end_object();
    });
  });
}

core::result<response> transition(request_context& c) {
  auto in = read_json(c, {"to", "closure_reason", "note"});
  if (in.problem) return std::move(*in.problem);
  auto to = string_field(*in.body, "to", 40);
  auto reason = string_field(*in.body, "closure_reason", 40);
  auto note = string_field(*in.body, "note", 5000);
  if (!to) return to.error();
  if (!reason) return reason.error();
  if (!note) return note.error();
  auto step = *to ? core::parse<core::case_step>(**to) : std::nullopt;
  if (!step) return core::fail(core::errc::invalid_argument, "to: expected a step of the chain");
  record(c, core::audit::action::write, c.ids[0], "action_plan");
  return audited_write(c, [&](SQLite::Database& db) -> core::result<response> {
    auto v = case_for(db, c, c.ids[0], category::action_plan, level::write);
    if (!v) return v.error();
    auto unmet = chain::check_transition(db, v->record.id, *step, reason->value_or(""), c.now);
    if (!unmet) return unmet.error();
    if (!unmet->empty()) {
      std::vector<field_problem> guards;
      for (const auto& g : *unmet) guards.push_back({g.id, g.text});
      return problem(http::status::conflict, "the case cannot move to " + **to + " yet", c.request_id, guards,
                     c.req.version());
    }
    auto moved = chain::transition(db, v->record.id, *step, {c.user->id, c.now}, reason->value_or(""), note->value_or(""));
    if (!moved) return moved.error();
    return answer(c, http::status::ok, [&](core::json_writer& w) { write_case_summary(w, *moved); });
  });
}

const std::vector<role> case_roles{role::case_manager, role::coordinator, role::police, role::prosecutor,
                                   role::social_worker, role::triage};

}  // namespace

void add_case_routes(router& r) {
  r.add({http::verb::get, "/api/v1/cases", case_roles, false,
         "Cases the user may know of (filters: track, step, mine, open; paging: limit, offset).", list});
  r.add({http::verb::get, "/api/v1/cases/{id}", case_roles, false,
         "One case, as far as the secrecy rules let the user see it, with its next steps and unmet guards.", one});
  r.add({http::verb::get, "/api/v1/cases/{id}/events", case_roles, false, "The case's history.", events});
  r.add({http::verb::post, "/api/v1/cases/{id}/transitions", {role::case_manager}, false,
         "Move the case to its next step, or learn every unmet guard (409).", transition});
}

}  // namespace casechain::api
