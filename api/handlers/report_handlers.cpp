// Police reports in, the triage queue, and the team's decisions.
#include "api/handlers/handler_support.hpp"
#include "api/http/audit_trail.hpp"
#include "api/handlers/routes.hpp"
#include "core/intake/importer.hpp"
#include "core/intake/report_parser.hpp"
#include "core/store/triage_store.hpp"
#include "core/triage/decisions.hpp"

#include <sstream>

namespace casechain::api {
namespace {

using core::role;

core::result<response> add_report(request_context& c) {
  if (c.req[http::field::content_type].substr(0, 16) != "application/json")
    return problem(http::status::unsupported_media_type, "send the report as application/json", c.request_id, {},
                   c.req.version());
  auto report = core::parse_report(std::string_view(c.req.body()));
  if (!report) return report.error();
  record(c, core::audit::action::write, std::nullopt, "identity,safe_address,incident,judicial,risk");
  auto imported = c.app.with_importer([&](core::intake::report_importer& importer, SQLite::Database& writer) {
    return audited_transaction(c, writer, [&](SQLite::Database&) { return importer.import(*report, c.now); });
  });
  if (!imported) return imported.error();
  return answer(c, http::status::created, [&](core::json_writer& w) {
    w.begin_object();
    w.field("id", std::int64_t{imported->id});
    w.field("family", std::int64_t{imported->links.family});
    w.key("triage");
    std::string proposal;
    core::triage::append_proposal_json(proposal, imported->proposal);
    w.raw(proposal);
    w.end_object();
  });
}

core::result<response> import_reports(request_context& c) {
  auto type = c.req[http::field::content_type];
  core::batch_format format;
  if (type.substr(0, 20) == "application/x-ndjson") format = core::batch_format::ndjson;
  else if (type.substr(0, 8) == "text/csv") format = core::batch_format::csv;
  else
    return problem(http::status::unsupported_media_type, "send the batch as application/x-ndjson or text/csv",
                   c.request_id, {}, c.req.version());
  std::istringstream in(c.req.body());
  // A batch commits chunk by chunk (intake's own transactions); its entry
  // commits with the first chunk, so a crash or a full disk midway never
  // leaves stored reports that the trail does not know of. (A batch with no
  // chunk has its entry committed by group commit before the answer leaves.)
  record(c, core::audit::action::write, std::nullopt, "identity,safe_address,incident,judicial,risk");
  bool entry_in_chunk = false;
  auto committed = [&](const core::intake::import_summary&) { c.audit_committed = entry_in_chunk; };
  auto summary = c.app.with_importer([&](core::intake::report_importer& importer, SQLite::Database& writer) {
    using core::intake::report_importer;
    return importer.import_batch(in, format, c.now, committed, report_importer::default_batch_size,
                                 [&]() -> core::result<void> {
                                   if (!core::store::append_audit_entries(writer, c.app.audit_key(), c.audit))
                                     return core::fail(core::errc::unavailable,
                                                       "the batch could not be recorded in the audit trail; nothing was stored");
                                   entry_in_chunk = true;
                                   return {};
                                 });
  });
  if (!summary) return summary.error();
  return answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.field("read", summary->read);
    w.field("imported", summary->imported);
    w.field("duplicates", summary->duplicates);
    w.key("rejected");
    w.begin_array();
    for (const auto& r : summary->rejections) {
      w.begin_object();
      w.field("line", r.line);
      w.field("error", r.message);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  });
}

core::result<response> queue(request_context& c) {
  auto limit = query_number(c, "limit", 100, 1, 1000);
  if (!limit) return limit.error();
  auto entries = c.app.db().read([&](SQLite::Database& db) { return core::store::triage_queue(db, *limit); });
  if (!entries) return entries.error();
  return answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.key("reports");
    w.begin_array();
    for (const auto& e : *entries) {
      w.begin_object();
      w.field("id", std::int64_t{e.report});
      w.field("external_ref", e.external_ref);
      w.field("police_zone", e.police_zone);
      w.field("reported_at", core::format_timestamp(e.reported_at));
      w.field("proposed_track", std::int64_t{core::to_int(e.proposed)});
      w.field("awaiting_confirmation", e.awaiting_confirmation);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  });
}

core::result<response> decision_answer(request_context& c, const core::triage::decision_outcome& outcome) {
  return answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.field("awaiting_confirmation", outcome.awaiting_confirmation);
    w.key("case");
    if (outcome.case_) w.integer(*outcome.case_);
    else w.null();
    w.end_object();
  });
}

core::result<response> decide(request_context& c) {
  auto in = read_json(c, {"track", "reason"});
  if (in.problem) return std::move(*in.problem);
  auto t = integer_field(*in.body, "track");
  auto reason = string_field(*in.body, "reason", 2000);
  if (!t) return t.error();
  if (!reason) return reason.error();
  if (!*t || !core::track_from_int(**t)) return core::fail(core::errc::invalid_argument, "track: expected 1, 2 or 3");
  record(c, core::audit::action::write, std::nullopt, "risk");
  auto outcome = audited_write(c, [&](SQLite::Database& db) {
    return core::triage::decide(db, {c.ids[0], *core::track_from_int(**t), c.user->id, reason->value_or(""), c.now});
  });
  if (!outcome) return outcome.error();
  return decision_answer(c, *outcome);
}

core::result<response> confirm(request_context& c) {
  record(c, core::audit::action::write, std::nullopt, "risk");
  auto outcome = audited_write(c, [&](SQLite::Database& db) { return core::triage::confirm(db, c.ids[0], c.user->id, c.now); });
  if (!outcome) return outcome.error();
  return decision_answer(c, *outcome);
}

}  // namespace

void add_report_routes(router& r) {
  r.add({http::verb::post, "/api/v1/reports", {role::police, role::triage}, false,
         "Add one police report: stored, linked and triaged.", add_report});
  r.add({http::verb::post, "/api/v1/reports/import", {role::police, role::triage}, false,
         "Import a batch of police reports (NDJSON or CSV).", import_reports});
  r.add({http::verb::get, "/api/v1/triage/queue", {role::triage}, false,
         "Reports awaiting the team's decision, oldest first.", queue});
  r.add({http::verb::post, "/api/v1/reports/{id}/decision", {role::triage}, false,
         "The team's track for a report (a reason when it differs from the proposal).", decide});
  r.add({http::verb::post, "/api/v1/reports/{id}/confirmation", {role::triage}, false,
         "A second team member confirms a decision that lowers the proposed track.", confirm});
}

}  // namespace casechain::api
