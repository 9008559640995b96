#include "core/triage/decisions.hpp"

#include "core/store/case_store.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/report_store.hpp"
#include "core/store/sqlite_error.hpp"
#include "core/store/triage_store.hpp"
#include "core/store/write_transaction.hpp"
#include "core/util/json_writer.hpp"

namespace casechain::core::triage {
namespace {

constexpr std::size_t max_reason_length = 2000;

result<user> triage_member(SQLite::Database& db, user_id id) {
  auto u = store::get_user(db, id);
  if (!u || u->disabled || !u->has_role(role::triage))
    return fail(errc::permission_denied, "only an active member of the triage team can decide on a report");
  return u;
}

std::string event_detail(report_id report, track proposed, track decided, std::optional<track> previous = {}) {
  std::string out;
  json_writer w(out);
  w.begin_object();
  w.field("report", std::int64_t{report});
  w.field("proposed_track", std::int64_t{to_int(proposed)});
  w.field("track", std::int64_t{to_int(decided)});
  if (previous) w.field("previous_track", std::int64_t{to_int(*previous)});
  w.end_object();
  return out;
}

// Opens the family's case on the decided track, or updates its open case.
result<case_id> apply_to_case(SQLite::Database& db, report_id report, track proposed, track decided, user_id actor,
                              const std::string& reason, timestamp at) {
  auto family = store::get_report_family(db, report);  // nothing sealed needed here
  if (!family) return family.error();
  if (!*family) return fail(errc::failed_precondition, "the report is not linked to a family");
  auto open = store::find_open_case(db, **family);
  if (!open && open.error().code != errc::not_found) return open.error();
  if (!open) {
    case_record c;
    c.family = **family;
    c.track = decided;
    c.step = first_step(decided);
    c.opened_at = c.updated_at = at;
    auto opened = store::open_case(db, c, {0, 0, at, actor, "opened", event_detail(report, proposed, decided), reason});
    if (!opened) return opened.error();
    return opened->id;
  }
  if (open->track == decided) {
    auto added = store::append_case_event(
        db, {0, open->id, at, actor, "report_added", event_detail(report, proposed, decided), reason});
    if (!added) return added.error();
    return open->id;
  }
  auto previous = open->track;
  auto changed = *open;
  changed.track = decided;
  changed.step = first_step(decided);  // a new track starts at its own first step
  changed.updated_at = at;
  auto updated = store::update_case(
      db, changed, {0, open->id, at, actor, "track_changed", event_detail(report, proposed, decided, previous), reason});
  if (!updated) return updated.error();
  return open->id;
}

}  // namespace

result<decision_outcome> decide(SQLite::Database& db, const decision_request& request) {
  if (request.reason.size() > max_reason_length)
    return fail(errc::invalid_argument, "reason: at most 2000 characters");
  return store::guarded("decide on a report", [&]() -> result<decision_outcome> {
    store::write_transaction transaction(db);
    if (auto member = triage_member(db, request.by); !member) return member.error();
    auto proposal = store::get_proposal(db, request.report);
    if (!proposal) return proposal.error();
    if (auto earlier = store::get_decision(db, request.report); earlier)
      return fail(errc::failed_precondition, "the report has already been decided");
    bool differs = request.track != proposal->track;
    if (differs && request.reason.find_first_not_of(" \t\r\n") == std::string::npos)
      return fail(errc::invalid_argument, "reason: a reason is required when the track differs from the proposal (track " +
                                              std::to_string(to_int(proposal->track)) + ")");
    bool lowered = to_int(request.track) < to_int(proposal->track);
    store::stored_decision d{request.report, request.track, request.reason, request.by, request.at,
                             lowered ? store::decision_status::awaiting_confirmation : store::decision_status::decided,
                             {}, {}, {}};
    decision_outcome outcome{lowered, {}};
    if (!lowered) {
      auto c = apply_to_case(db, request.report, proposal->track, request.track, request.by, request.reason, request.at);
      if (!c) return c.error();
      d.case_ = outcome.case_ = *c;
    }
    if (auto inserted = store::insert_decision(db, d); !inserted) return inserted.error();
    transaction.commit();
    return outcome;
  });
}

result<decision_outcome> confirm(SQLite::Database& db, report_id report, user_id by, timestamp at) {
  return store::guarded("confirm a decision", [&]() -> result<decision_outcome> {
    store::write_transaction transaction(db);
    if (auto member = triage_member(db, by); !member) return member.error();
    auto decision = store::get_decision(db, report);
    if (!decision) return decision.error();
    if (decision->status != store::decision_status::awaiting_confirmation)
      return fail(errc::failed_precondition, "the decision is not awaiting confirmation");
    if (decision->decided_by == by)
      return fail(errc::permission_denied, "lowering a track needs a second team member: you cannot confirm your own decision");
    auto proposal = store::get_proposal(db, report);
    if (!proposal) return proposal.error();
    auto c = apply_to_case(db, report, proposal->track, decision->track, by, decision->reason, at);
    if (!c) return c.error();
    if (auto confirmed = store::confirm_decision(db, report, by, at, *c); !confirmed) return confirmed.error();
    transaction.commit();
    return decision_outcome{false, *c};
  });
}

}  // namespace casechain::core::triage
