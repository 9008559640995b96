// The parts of a case's page read from its police reports: incidents, judicial measures, risk.
#include "api/handlers/case_view_parts.hpp"

#include "core/store/chain_store.hpp"

namespace casechain::api::case_parts {

using core::json_writer;
using core::policy::category;
using core::policy::level;

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

}  // namespace casechain::api::case_parts
