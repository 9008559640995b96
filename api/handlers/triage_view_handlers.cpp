// What the triage desk reads of one report: the report as the police wrote it
// (without addresses, phone numbers or national numbers: the desk decides a
// track, it does not contact anyone), the instrument's proposal with its fired
// rules and evidence, the team's decision so far, and the family's history.
#include "api/handlers/handler_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/audit_trail.hpp"
#include "core/store/intake_store.hpp"
#include "core/store/report_store.hpp"
#include "core/store/triage_store.hpp"

namespace casechain::api {
namespace {

using core::role;

void write_persons(core::json_writer& w, const core::police_report& r) {
  w.key("persons");
  w.begin_array();
  for (const auto& p : r.persons) {
    w.begin_object();
    w.field("role", core::to_string(p.role));
    w.field("first_name", p.first_name);
    w.field("last_name", p.last_name);
    if (p.birth_date) w.field("birth_date", core::format_date(*p.birth_date));
    w.end_object();
  }
  w.end_array();
}

void write_violence(core::json_writer& w, const core::violence_kinds& v) {
  w.key("violence");
  w.begin_array();
  const std::pair<const char*, bool> kinds[] = {{"physical", v.physical}, {"psychological", v.psychological},
                                                {"sexual", v.sexual},     {"economic", v.economic},
                                                {"threats", v.threats},   {"stalking", v.stalking}};
  for (const auto& [name, present] : kinds)
    if (present) w.string(name);
  w.end_array();
}

void write_measures(core::json_writer& w, const core::report_measures& m) {
  w.key("measures");
  w.begin_object();
  if (m.restraining_order) {
    w.key("restraining_order");
    w.begin_object();
    w.field("from", core::format_date(m.restraining_order->from));
    w.field("until", core::format_date(m.restraining_order->until));
    w.end_object();
  }
  w.field("arrest", m.arrest);
  w.field("red_file", m.red_file);
  w.end_object();
}

void write_history(core::json_writer& w, const core::store::family_history& h) {
  w.key("history");
  w.begin_object();
  w.field("reports_last_12_months", std::int64_t{h.reports_last_12_months});
  w.key("earlier_tracks");
  w.begin_array();
  for (auto t : h.earlier_tracks) w.integer(core::to_int(t));
  w.end_array();
  if (h.open_case) w.field("open_case", std::int64_t{*h.open_case});
  if (h.open_case_track) w.field("open_case_track", std::int64_t{core::to_int(*h.open_case_track)});
  w.end_object();
}

void write_decision(core::json_writer& w, const core::store::stored_decision& d) {
  w.key("decision");
  w.begin_object();
  w.field("track", std::int64_t{core::to_int(d.track)});
  if (!d.reason.empty()) w.field("reason", d.reason);
  w.field("decided_by", std::int64_t{d.decided_by});
  w.field("decided_at", core::format_timestamp(d.decided_at));
  w.field("awaiting_confirmation", d.status == core::store::decision_status::awaiting_confirmation);
  if (d.case_) w.field("case", std::int64_t{*d.case_});
  w.end_object();
}

core::result<response> one_report(request_context& c) {
  return c.app.db().read([&](SQLite::Database& db) -> core::result<response> {
    auto stored = core::store::get_report(db, c.app.protection().sealing, c.ids[0]);
    if (!stored) return stored.error();
    auto proposal = core::store::open_proposal_record(db, c.app.protection().sealing, stored->id);
    if (!proposal && proposal.error().code != core::errc::not_found) return proposal.error();
    auto decision = core::store::get_decision(db, stored->id);
    if (!decision && decision.error().code != core::errc::not_found) return decision.error();
    std::optional<core::store::family_history> history;
    if (stored->family) {
      core::store::intake_store intake(db, c.app.protection());
      history = intake.history(*stored->family, stored->id, stored->report.reported_at, true);
    }
    const auto& r = stored->report;
    // Triage's duty on every report; the answer leaves out safe addresses.
    record(c, core::audit::action::read, std::nullopt, "identity,incident,judicial,risk", "duty,duty,duty,duty");
    return answer(c, http::status::ok, [&](core::json_writer& w) {
      w.begin_object();
      w.field("id", std::int64_t{stored->id});
      w.field("external_ref", r.external_ref);
      w.field("police_zone", r.police_zone);
      w.field("reported_at", core::format_timestamp(r.reported_at));
      if (r.incident_at) w.field("incident_at", core::format_timestamp(*r.incident_at));
      w.field("relationship", core::to_string(r.relationship));
      write_persons(w, r);
      write_violence(w, r.violence);
      write_measures(w, r.measures);
      w.field("narrative", r.narrative);
      if (proposal) {
        w.key("proposal");
        w.raw(*proposal);
      }
      if (decision) write_decision(w, *decision);
      if (history) write_history(w, *history);
      w.end_object();
    });
  });
}

}  // namespace

void add_triage_view_routes(router& r) {
  r.add({http::verb::get, "/api/v1/reports/{id}", {role::triage}, false,
         "One report for the triage desk: the report without contact details, the instrument's proposal with its "
         "fired rules and evidence, the decision so far, and the family's history.",
         one_report});
}

}  // namespace casechain::api
