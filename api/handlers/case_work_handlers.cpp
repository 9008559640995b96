// The case manager's work through the API: members, round tables, the plan
// and its interventions, screenings, contacts, milestones, track changes,
// reopening, the case manager, and what is late. Each write goes through the
// chain's services (one transaction with its event) after the access policy.
#include "api/handlers/case_view_parts.hpp"
#include "api/handlers/handler_support.hpp"
#include "api/http/audit_trail.hpp"
#include "api/handlers/routes.hpp"
#include "chain/case_service.hpp"
#include "chain/clocks.hpp"
#include "api/handlers/case_policy.hpp"
#include "core/store/case_store.hpp"
#include "core/store/chain_store.hpp"

#include <boost/json/array.hpp>

namespace casechain::api {
namespace {

using core::role;
using core::policy::category;
using core::policy::level;

chain::actor actor_of(const request_context& c) { return {c.user->id, c.now}; }

core::result<response> created(const request_context& c, std::int64_t id) {
  return answer(c, http::status::created, [&](core::json_writer& w) {
    w.begin_object();
    w.field("id", id);
    w.end_object();
  });
}

core::result<response> no_content(const request_context& c) { return response{http::status::no_content, c.req.version()}; }

// Reads the body, asks the policy for `needed` of `what` in the case, then
// runs `work(db, body, case)` on the writer, committed with its audit entry.
template <class Work>
core::result<response> case_write(request_context& c, std::initializer_list<std::string_view> fields, category what,
                                  level needed, Work&& work) {
  auto in = read_json(c, fields);
  if (in.problem) return std::move(*in.problem);
  record(c, core::audit::action::write, c.ids[0], std::string(core::policy::to_string(what)));
  return audited_write(c, [&](SQLite::Database& db) -> core::result<response> {
    auto found = case_for(db, c, c.ids[0], what, needed);
    if (!found) return found.error();
    c.audit.back().legal_basis = std::string(core::policy::to_string(decide(c, *found, what).why));
    return work(db, *in.body, found->record);
  });
}

core::result<core::date> date_field(const boost::json::object& o, std::string_view name) {
  auto text = string_field(o, name, 10);
  if (!text) return text.error();
  if (!*text) return core::fail(core::errc::invalid_argument, std::string(name) + ": required");
  auto d = core::parse_date(**text);
  if (!d) return core::fail(core::errc::invalid_argument, std::string(name) + ": expected a date YYYY-MM-DD");
  return *d;
}

core::result<std::string> required_text(const boost::json::object& o, std::string_view name, std::size_t max) {
  auto text = string_field(o, name, max);
  if (!text) return text.error();
  if (!*text) return core::fail(core::errc::invalid_argument, std::string(name) + ": required");
  return **text;
}

core::result<response> add_member(request_context& c) {
  return case_write(c, {"organisation"}, category::action_plan, level::write, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto org = integer_field(b, "organisation");
    if (!org) return org.error();
    if (!*org) return core::fail(core::errc::invalid_argument, "organisation: required");
    auto added = chain::admit_member(db, k.id, **org, actor_of(c));
    if (!added) return added.error();
    return no_content(c);
  });
}

core::result<response> add_meeting(request_context& c) {
  return case_write(c, {"held_on", "participants", "decisions"}, category::round_table, level::write, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto held = date_field(b, "held_on");
    if (!held) return held.error();
    auto decisions = required_text(b, "decisions", 20000);
    if (!decisions) return decisions.error();
    std::vector<core::organisation_id> participants;
    auto list = b.if_contains("participants");
    if (!list || !list->is_array()) return core::fail(core::errc::invalid_argument, "participants: expected a list of organisation ids");
    for (const auto& p : list->get_array()) {
      if (!p.is_int64()) return core::fail(core::errc::invalid_argument, "participants: expected organisation ids");
      participants.push_back(p.get_int64());
    }
    auto rt = chain::record_round_table(db, k.id, *held, std::move(participants), *decisions, actor_of(c));
    if (!rt) return rt.error();
    return created(c, rt->id);
  });
}

core::result<response> add_goal(request_context& c) {
  return case_write(c, {"text"}, category::action_plan, level::write, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto text = required_text(b, "text", 2000);
    if (!text) return text.error();
    auto goal = chain::add_goal(db, k.id, *text, actor_of(c));
    if (!goal) return goal.error();
    return created(c, goal->id);
  });
}

core::result<response> add_intervention(request_context& c) {
  return case_write(c, {"goal", "organisation", "owner", "description", "due_on"}, category::action_plan, level::write, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto goal = integer_field(b, "goal");
    auto org = integer_field(b, "organisation");
    auto owner = integer_field(b, "owner");
    auto description = required_text(b, "description", 2000);
    if (!goal) return goal.error();
    if (!org) return org.error();
    if (!owner) return owner.error();
    if (!description) return description.error();
    if (!*org) return core::fail(core::errc::invalid_argument, "organisation: required");
    std::optional<core::date> due;
    if (b.contains("due_on")) {
      auto d = date_field(b, "due_on");
      if (!d) return d.error();
      due = *d;
    }
    auto planned = chain::plan_intervention(db, k.id, *goal, **org, *owner, *description, due, actor_of(c));
    if (!planned) return planned.error();
    return created(c, planned->id);
  });
}

core::result<response> report_intervention(request_context& c) {
  return case_write(c, {"status", "result"}, category::action_plan, level::summary, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto status_text = required_text(b, "status", 20);
    if (!status_text) return status_text.error();
    auto status = core::parse<core::intervention_status>(*status_text);
    if (!status) return core::fail(core::errc::invalid_argument, "status: expected planned, in_progress, done or cancelled");
    auto result = string_field(b, "result", 5000);
    if (!result) return result.error();
    auto existing = core::store::get_intervention(db, c.ids[1]);
    if (!existing || existing->case_ != k.id) return core::fail(core::errc::not_found, "the case has no such intervention");
    // A partner reports on their own tasks only; the case manager on any.
    bool own_task = existing->organisation == c.user->organisation || existing->owner == c.user->id;
    if (!own_task && !c.user->has_role(role::case_manager))
      return core::fail(core::errc::permission_denied, "this intervention is not one of your organisation's tasks");
    auto reported = chain::report_intervention(db, c.ids[1], *status, result->value_or(""), actor_of(c));
    if (!reported) return reported.error();
    return no_content(c);
  });
}

core::result<response> add_screening(request_context& c) {
  return case_write(c, {"kind", "scores"}, category::risk, level::write, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto kind_text = required_text(b, "kind", 20);
    if (!kind_text) return kind_text.error();
    auto kind = core::parse<core::screening_kind>(*kind_text);
    if (!kind) return core::fail(core::errc::invalid_argument, "kind: expected risk, plan_start or closing");
    auto scores_value = b.if_contains("scores");
    if (!scores_value || !scores_value->is_object()) return core::fail(core::errc::invalid_argument, "scores: expected {factor: 0..4}");
    std::vector<std::pair<std::string, int>> scores;
    for (const auto& [factor, score] : scores_value->get_object()) {
      if (!score.is_int64()) return core::fail(core::errc::invalid_argument, "scores: expected whole numbers 0 to 4");
      scores.emplace_back(std::string(factor), static_cast<int>(score.get_int64()));
    }
    auto recorded = chain::record_screening(db, k.id, *kind, std::move(scores), actor_of(c));
    if (!recorded) return recorded.error();
    return created(c, recorded->id);
  });
}

core::result<response> add_contact(request_context& c) {
  return case_write(c, {"channel", "outcome", "at"}, category::action_plan, level::write, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto channel = required_text(b, "channel", 20);
    auto outcome = required_text(b, "outcome", 20);
    if (!channel) return channel.error();
    if (!outcome) return outcome.error();
    auto ch = core::parse<core::contact_channel>(*channel);
    auto out = core::parse<core::contact_outcome>(*outcome);
    if (!ch) return core::fail(core::errc::invalid_argument, "channel: expected call, letter, visit or meeting");
    if (!out) return core::fail(core::errc::invalid_argument, "outcome: expected reached, not_reached or refused");
    auto at = c.now;
    if (auto text = string_field(b, "at", 40); !text) return text.error();
    else if (*text) {
      auto parsed = core::parse_timestamp(**text);
      if (!parsed) return core::fail(core::errc::invalid_argument, "at: expected a time like 2026-03-14T21:40:00Z");
      at = *parsed;
    }
    auto recorded = chain::record_contact(db, k.id, *ch, *out, at, actor_of(c));
    if (!recorded) return recorded.error();
    return created(c, recorded->id);
  });
}

core::result<response> add_milestone(request_context& c) {
  return case_write(c, {"milestone", "note"}, category::action_plan, level::write, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto milestone = required_text(b, "milestone", 40);
    auto note = string_field(b, "note", 5000);
    if (!milestone) return milestone.error();
    if (!note) return note.error();
    auto recorded = chain::record_milestone(db, k.id, *milestone, actor_of(c), note->value_or(""));
    if (!recorded) return recorded.error();
    return no_content(c);
  });
}

core::result<response> change_track(request_context& c) {
  return case_write(c, {"track", "reason"}, category::action_plan, level::write, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto t = integer_field(b, "track");
    auto reason = string_field(b, "reason", 5000);
    if (!t) return t.error();
    if (!reason) return reason.error();
    if (!*t || !core::track_from_int(**t)) return core::fail(core::errc::invalid_argument, "track: expected 1, 2 or 3");
    auto changed = chain::change_track(db, k.id, *core::track_from_int(**t), actor_of(c), reason->value_or(""));
    if (!changed) return changed.error();
    return answer(c, http::status::ok, [&](core::json_writer& w) { write_case_summary(w, *changed); });
  });
}

core::result<response> reopen(request_context& c) {
  return case_write(c, {"reason"}, category::action_plan, level::write, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto reason = string_field(b, "reason", 5000);
    if (!reason) return reason.error();
    auto reopened = chain::reopen(db, k.id, actor_of(c), reason->value_or(""));
    if (!reopened) return reopened.error();
    return answer(c, http::status::ok, [&](core::json_writer& w) { write_case_summary(w, *reopened); });
  });
}

core::result<response> assign_manager(request_context& c) {
  return case_write(c, {"user", "note"}, category::action_plan, level::summary, [&](SQLite::Database& db, const boost::json::object& b, const core::case_record& k) -> core::result<response> {
    auto user = integer_field(b, "user");
    auto note = string_field(b, "note", 5000);
    if (!user) return user.error();
    if (!note) return note.error();
    if (!*user) return core::fail(core::errc::invalid_argument, "user: required");
    auto assigned = chain::assign_case_manager(db, k.id, **user, actor_of(c), note->value_or(""));
    if (!assigned) return assigned.error();
    return answer(c, http::status::ok, [&](core::json_writer& w) { write_case_summary(w, *assigned); });
  });
  // The coordinator (action plan in summary on every case) appoints case
  // managers; the route's roles say who else may.
}

core::result<response> overdue(request_context& c) {
  // A page of the late work, latest first, and how much there is in all: the
  // coordinator's list spans every open case and would otherwise be unbounded.
  auto paging = query_page(c, 500, 1000);
  if (!paging) return paging.error();
  // A case manager sees their own cases (only theirs are read); the coordinator sees all.
  core::store::case_clock_scope scope;
  if (!c.user->has_role(role::coordinator)) scope.case_manager = c.user->id;
  auto items = c.app.db().read([&](SQLite::Database& db) {
    return chain::case_due_work(db, chain::working_calendar{}, chain::clock_settings{}, core::date_of(c.now), scope);
  });
  if (!items) return items.error();
  auto total = static_cast<std::int64_t>(items->size());
  auto first = std::min<std::size_t>(static_cast<std::size_t>(paging->offset), items->size());
  auto last = std::min<std::size_t>(first + static_cast<std::size_t>(paging->limit), items->size());
  return answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.key("items");
    w.begin_array();
    for (auto i = first; i < last; ++i) case_parts::write_due_item(w, (*items)[i], true);
    w.end_array();
    w.field("total", total);
    paging->write(w);
    w.end_object();
  });
}

}  // namespace

void add_case_work_routes(router& r) {
  const std::vector<role> manager{role::case_manager};
  r.add({http::verb::post, "/api/v1/cases/{id}/members", manager, false, "Admit an organisation to the consultation.", add_member});
  r.add({http::verb::post, "/api/v1/cases/{id}/meetings", manager, false, "Record a round table (participants, decisions).", add_meeting});
  r.add({http::verb::post, "/api/v1/cases/{id}/goals", manager, false, "Add a goal to the action plan.", add_goal});
  r.add({http::verb::post, "/api/v1/cases/{id}/interventions", manager, false, "Plan an intervention with its executing partner.", add_intervention});
  r.add({http::verb::post, "/api/v1/cases/{id}/interventions/{id}/status",
         {role::case_manager, role::social_worker, role::police, role::prosecutor}, false,
         "Report on an intervention (done needs its result).", report_intervention});
  r.add({http::verb::post, "/api/v1/cases/{id}/screenings", manager, false, "Record a screening of signals and protective factors.", add_screening});
  r.add({http::verb::post, "/api/v1/cases/{id}/contacts", manager, false, "Record a contact (attempt) with the family.", add_contact});
  r.add({http::verb::post, "/api/v1/cases/{id}/milestones", manager, false, "Record a milestone the guards look for.", add_milestone});
  r.add({http::verb::post, "/api/v1/cases/{id}/track", manager, false, "Change track, with the reason.", change_track});
  r.add({http::verb::post, "/api/v1/cases/{id}/reopen", manager, false, "Reopen a closed case, with the reason.", reopen});
  r.add({http::verb::post, "/api/v1/cases/{id}/case-manager", {role::case_manager, role::coordinator}, false,
         "Appoint the case manager, or hand over.", assign_manager});
  r.add({http::verb::get, "/api/v1/overdue", {role::case_manager, role::coordinator}, false,
         "What is late, latest first: the user's own cases (all open cases for the coordinator); paging: limit, offset.", overdue});
}

}  // namespace casechain::api
