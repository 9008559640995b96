#include "chain/case_service.hpp"

#include "core/store/case_store.hpp"
#include "core/store/chain_store.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"
#include "core/util/json_writer.hpp"

#include <algorithm>
#include <set>

namespace casechain::chain {
namespace {

using core::errc;
using core::fail;

constexpr std::string_view milestones[] = {"criteria_confirmed", "plan_agreed_partners", "plan_agreed_family",
                                           "intake_held",        "safety_plan_made",     "referral_made",
                                           "crisis_intervention"};
constexpr std::size_t max_note = 5000;

// A JSON object built from a few fields.
class detail {
 public:
  detail() : w_(text_) { w_.begin_object(); }
  detail& with(std::string_view key, std::string_view value) { return w_.field(key, value), *this; }
  detail& with(std::string_view key, std::int64_t value) { return w_.field(key, value), *this; }
  std::string done() {
    w_.end_object();
    return std::move(text_);
  }

 private:
  std::string text_;
  core::json_writer w_;
};

core::case_event event_for(core::case_id c, const actor& who, std::string kind, std::string detail_json,
                           std::string reason = {}) {
  return {0, c, who.at, who.user, std::move(kind), std::move(detail_json), std::move(reason)};
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// The case, refused when closed (work on a closed case needs a reopening first).
core::result<core::case_record> open_case(SQLite::Database& db, core::case_id c) {
  auto found = core::store::get_case(db, c);
  if (!found) return found.error();
  if (found->step == core::case_step::closed)
    return fail(errc::failed_precondition, "the case is closed; reopen it first");
  return found;
}

core::result<void> require_member(SQLite::Database& db, core::case_id c, core::organisation_id org) {
  auto members = core::store::case_members(db, c);
  if (!members) return members.error();
  bool member = std::any_of(members->begin(), members->end(), [&](const core::case_member& m) { return m.organisation == org; });
  if (!member)
    return fail(errc::failed_precondition, "organisation " + std::to_string(org) +
                                               " is not a member of the case's consultation; admit it first");
  return {};
}

std::string step_list(const std::vector<core::case_step>& steps) {
  std::string out;
  for (auto s : steps) out += (out.empty() ? "" : ", ") + std::string(core::to_string(s));
  return out.empty() ? "nowhere" : out;
}

// Runs `body` in one write transaction, committing when it succeeds.
template <class T, class Body>
core::result<T> atomically(SQLite::Database& db, const char* operation, Body&& body) {
  return core::store::guarded(operation, [&]() -> core::result<T> {
    core::store::write_transaction transaction(db);
    core::result<T> outcome = body();
    if (outcome) transaction.commit();
    return outcome;
  });
}

}  // namespace

bool is_milestone(std::string_view kind) {
  return std::find(std::begin(milestones), std::end(milestones), kind) != std::end(milestones);
}

core::result<std::vector<unmet_guard>> check_transition(SQLite::Database& db, core::case_id c, core::case_step to,
                                                        std::string_view closure_reason, core::timestamp now) {
  auto found = core::store::get_case(db, c);
  if (!found) return found.error();
  if (!is_transition(found->track, found->step, to))
    return fail(errc::invalid_argument, "a case on track " + std::to_string(core::to_int(found->track)) +
                                            " cannot go from " + std::string(core::to_string(found->step)) + " to " +
                                            std::string(core::to_string(to)) + "; it can go to " +
                                            step_list(next_steps(found->track, found->step)));
  auto facts = core::store::load_case_facts(db, c);
  if (!facts) return facts.error();
  return unmet_guards({*found, *facts, closure_reason, now}, to);
}

core::result<core::case_record> transition(SQLite::Database& db, core::case_id c, core::case_step to, const actor& who,
                                           const std::string& closure_reason, const std::string& note) {
  if (note.size() > max_note) return fail(errc::invalid_argument, "note: at most 5000 characters");
  return atomically<core::case_record>(db, "move the case", [&]() -> core::result<core::case_record> {
    auto unmet = check_transition(db, c, to, closure_reason, who.at);
    if (!unmet) return unmet.error();
    if (!unmet->empty()) {
      std::string message = "the case cannot move to " + std::string(core::to_string(to)) + " yet: ";
      for (size_t i = 0; i < unmet->size(); ++i) message += (i ? "; " : "") + (*unmet)[i].text;
      return fail(errc::failed_precondition, message);
    }
    auto current = core::store::get_case(db, c);
    if (!current) return current.error();
    auto next = *current;
    next.step = to;
    next.updated_at = who.at;
    detail d;
    d.with("from", core::to_string(current->step)).with("to", core::to_string(to));
    if (to == core::case_step::closed) {
      next.closed_at = who.at;
      next.closure_reason = closure_reason;
      d.with("closure_reason", closure_reason);
    }
    auto stored = core::store::update_case(db, next, event_for(c, who, "transition", d.done(), note));
    if (!stored) return stored.error();
    return next;
  });
}

core::result<core::case_record> change_track(SQLite::Database& db, core::case_id c, core::track to, const actor& who,
                                             const std::string& reason) {
  if (blank(reason)) return fail(errc::invalid_argument, "reason: changing track is a decision that needs a reason");
  if (reason.size() > max_note) return fail(errc::invalid_argument, "reason: at most 5000 characters");
  return atomically<core::case_record>(db, "change the track", [&]() -> core::result<core::case_record> {
    auto current = open_case(db, c);
    if (!current) return current.error();
    if (current->track == to) return fail(errc::failed_precondition, "the case is already on that track");
    auto next = *current;
    next.track = to;
    next.step = core::first_step(to);
    next.updated_at = who.at;
    auto d = detail()
                 .with("track", std::int64_t{core::to_int(to)})
                 .with("previous_track", std::int64_t{core::to_int(current->track)})
                 .with("previous_step", core::to_string(current->step))
                 .done();
    auto stored = core::store::update_case(db, next, event_for(c, who, "track_changed", d, reason));
    if (!stored) return stored.error();
    return next;
  });
}

core::result<core::case_record> reopen(SQLite::Database& db, core::case_id c, const actor& who,
                                       const std::string& reason) {
  if (blank(reason)) return fail(errc::invalid_argument, "reason: reopening a case needs a reason");
  if (reason.size() > max_note) return fail(errc::invalid_argument, "reason: at most 5000 characters");
  return atomically<core::case_record>(db, "reopen the case", [&]() -> core::result<core::case_record> {
    auto current = core::store::get_case(db, c);
    if (!current) return current.error();
    if (current->step != core::case_step::closed) return fail(errc::failed_precondition, "the case is not closed");
    auto next = *current;
    next.step = core::first_step(current->track);
    next.closed_at.reset();
    next.closure_reason.clear();
    next.updated_at = who.at;
    auto d = detail().with("previous_closure_reason", current->closure_reason).done();
    auto stored = core::store::update_case(db, next, event_for(c, who, "reopened", d, reason));
    if (!stored) return stored.error();
    return next;
  });
}

core::result<core::case_record> assign_case_manager(SQLite::Database& db, core::case_id c, core::user_id manager,
                                                    const actor& who, const std::string& note) {
  return atomically<core::case_record>(db, "assign the case manager", [&]() -> core::result<core::case_record> {
    auto current = open_case(db, c);
    if (!current) return current.error();
    auto u = core::store::get_user(db, manager);
    if (!u) return u.error();
    if (u->disabled || !u->has_role(core::role::case_manager))
      return fail(errc::failed_precondition, "user " + u->username + " is not an active case manager");
    if (current->case_manager == manager)
      return fail(errc::failed_precondition, "user " + u->username + " is already the case manager");
    auto next = *current;
    next.case_manager = manager;
    next.updated_at = who.at;
    detail d;
    d.with("to", std::int64_t{manager});
    if (current->case_manager) d.with("from", std::int64_t{*current->case_manager});
    auto stored = core::store::update_case(db, next, event_for(c, who, "case_manager_assigned", d.done(), note));
    if (!stored) return stored.error();
    return next;
  });
}

core::result<void> record_milestone(SQLite::Database& db, core::case_id c, std::string_view milestone,
                                    const actor& who, const std::string& note) {
  if (!is_milestone(milestone))
    return fail(errc::invalid_argument, "milestone: expected criteria_confirmed, plan_agreed_partners, "
                                        "plan_agreed_family, intake_held, safety_plan_made, referral_made or "
                                        "crisis_intervention");
  if (note.size() > max_note) return fail(errc::invalid_argument, "note: at most 5000 characters");
  return atomically<void>(db, "record a milestone", [&]() -> core::result<void> {
    if (auto current = open_case(db, c); !current) return current.error();
    auto stored = core::store::append_case_event(db, event_for(c, who, std::string(milestone), "{}", note));
    if (!stored) return stored.error();
    return {};
  });
}

core::result<void> admit_member(SQLite::Database& db, core::case_id c, core::organisation_id org, const actor& who) {
  return atomically<void>(db, "admit a member", [&]() -> core::result<void> {
    if (auto current = open_case(db, c); !current) return current.error();
    if (auto o = core::store::get_organisation(db, org); !o) return o.error();
    auto d = detail().with("organisation", std::int64_t{org}).done();
    return core::store::add_case_member(db, {c, org, who.at, who.user}, event_for(c, who, "member_admitted", d));
  });
}

core::result<core::round_table> record_round_table(SQLite::Database& db, core::case_id c, core::date held_on,
                                                   std::vector<core::organisation_id> participants,
                                                   const std::string& decisions, const actor& who) {
  if (participants.empty()) return fail(errc::invalid_argument, "participants: name at least one organisation");
  if (blank(decisions) || decisions.size() > 20000)
    return fail(errc::invalid_argument, "decisions: expected the round table's decisions (at most 20000 characters)");
  if (std::chrono::sys_days{held_on} > std::chrono::floor<std::chrono::days>(who.at))
    return fail(errc::invalid_argument, "held_on: a round table cannot be recorded before it is held");
  return atomically<core::round_table>(db, "record a round table", [&]() -> core::result<core::round_table> {
    if (auto current = open_case(db, c); !current) return current.error();
    for (auto org : participants)
      if (auto member = require_member(db, c, org); !member) return member.error();
    auto d = detail().with("held_on", core::format_date(held_on)).with("participants", std::int64_t(participants.size())).done();
    return core::store::add_round_table(db, {0, c, 0, held_on, std::move(participants), decisions},
                                        event_for(c, who, "round_table", d));
  });
}

core::result<core::plan_goal> add_goal(SQLite::Database& db, core::case_id c, const std::string& text,
                                       const actor& who) {
  if (blank(text) || text.size() > 2000) return fail(errc::invalid_argument, "goal: expected 1 to 2000 characters");
  return atomically<core::plan_goal>(db, "add a goal", [&]() -> core::result<core::plan_goal> {
    if (auto current = open_case(db, c); !current) return current.error();
    return core::store::add_goal(db, {0, c, 0, text}, event_for(c, who, "goal_added", "{}"));
  });
}

core::result<core::intervention> plan_intervention(SQLite::Database& db, core::case_id c,
                                                   std::optional<std::int64_t> goal, core::organisation_id org,
                                                   std::optional<core::user_id> owner, const std::string& description,
                                                   std::optional<core::date> due_on, const actor& who) {
  if (blank(description) || description.size() > 2000)
    return fail(errc::invalid_argument, "description: expected 1 to 2000 characters");
  return atomically<core::intervention>(db, "plan an intervention", [&]() -> core::result<core::intervention> {
    if (auto current = open_case(db, c); !current) return current.error();
    if (auto member = require_member(db, c, org); !member) return member.error();
    if (owner) {
      auto u = core::store::get_user(db, *owner);
      if (!u) return u.error();
      if (u->organisation != org)
        return fail(errc::failed_precondition, "the owner must work for the executing organisation");
    }
    if (goal) {
      auto all = core::store::goals(db, c);
      if (!all) return all.error();
      if (std::none_of(all->begin(), all->end(), [&](const core::plan_goal& g) { return g.id == *goal; }))
        return fail(errc::not_found, "the case has no goal " + std::to_string(*goal));
    }
    core::intervention i;
    i.case_ = c;
    i.goal = goal;
    i.organisation = org;
    i.owner = owner;
    i.description = description;
    i.due_on = due_on;
    i.updated_at = who.at;
    auto d = detail().with("organisation", std::int64_t{org}).done();
    return core::store::add_intervention(db, std::move(i), event_for(c, who, "intervention_planned", d));
  });
}

core::result<core::intervention> report_intervention(SQLite::Database& db, std::int64_t id,
                                                     core::intervention_status status, const std::string& result,
                                                     const actor& who) {
  if (status == core::intervention_status::done && blank(result))
    return fail(errc::invalid_argument, "result: a finished intervention is reported with its result");
  if (result.size() > 5000) return fail(errc::invalid_argument, "result: at most 5000 characters");
  return atomically<core::intervention>(db, "report on an intervention", [&]() -> core::result<core::intervention> {
    auto i = core::store::get_intervention(db, id);
    if (!i) return i.error();
    if (auto current = open_case(db, i->case_); !current) return current.error();
    auto previous = i->status;
    i->status = status;
    i->result = result;
    i->updated_at = who.at;
    auto d = detail()
                 .with("intervention", std::int64_t{id})
                 .with("from", core::to_string(previous))
                 .with("to", core::to_string(status))
                 .done();
    auto stored = core::store::update_intervention(db, *i, event_for(i->case_, who, "intervention_reported", d));
    if (!stored) return stored.error();
    return *i;
  });
}

core::result<core::screening> record_screening(SQLite::Database& db, core::case_id c, core::screening_kind kind,
                                               std::vector<std::pair<std::string, int>> scores, const actor& who) {
  if (scores.empty()) return fail(errc::invalid_argument, "scores: score at least one factor");
  std::set<std::string> seen;
  for (const auto& [factor, score] : scores) {
    if (std::find(std::begin(screening_factors), std::end(screening_factors), factor) == std::end(screening_factors))
      return fail(errc::invalid_argument, "scores: unknown factor '" + factor.substr(0, 40) + "'");
    if (!seen.insert(factor).second) return fail(errc::invalid_argument, "scores: " + factor + " is scored twice");
    if (score < 0 || score > 4) return fail(errc::invalid_argument, "scores." + factor + ": expected 0 to 4");
  }
  return atomically<core::screening>(db, "record a screening", [&]() -> core::result<core::screening> {
    if (auto current = open_case(db, c); !current) return current.error();
    auto d = detail().with("kind", core::to_string(kind)).done();
    return core::store::add_screening(db, {0, c, 0, kind, std::move(scores)}, event_for(c, who, "screening", d));
  });
}

core::result<core::contact> record_contact(SQLite::Database& db, core::case_id c, core::contact_channel channel,
                                           core::contact_outcome outcome, core::timestamp at, const actor& who) {
  if (at > who.at) return fail(errc::invalid_argument, "at: a contact cannot be recorded before it happens");
  return atomically<core::contact>(db, "record a contact", [&]() -> core::result<core::contact> {
    if (auto current = open_case(db, c); !current) return current.error();
    auto d = detail().with("channel", core::to_string(channel)).with("outcome", core::to_string(outcome)).done();
    return core::store::add_contact(db, {0, c, 0, at, channel, outcome}, event_for(c, who, "contact", d));
  });
}

}  // namespace casechain::chain
