#include "core/stats/figures_json.hpp"

#include <cstdio>

namespace casechain::core::stats {
namespace {

void per_track_object(json_writer& w, std::string_view name, const per_track& n, std::string_view slot0) {
  w.key(name);
  w.begin_object();
  w.field(slot0, n[0]);
  for (size_t t = 1; t <= 3; ++t) w.field(std::to_string(t), n[t]);
  w.end_object();
}

void optional_number(json_writer& w, std::string_view name, const std::optional<count>& n) {
  w.key(name);
  if (n) w.integer(*n);
  else w.null();
}

void share(json_writer& w, std::string_view name, std::optional<double> value) {
  w.key(name);
  if (!value) return w.null();
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", *value);
  w.raw(text);
}

void duration(json_writer& w, const duration_figure& d) {
  w.begin_object();
  w.field("done", d.done);
  w.field("within_clock", d.within_clock);
  w.field("waiting", d.waiting);
  w.field("waiting_late", d.waiting_late);
  optional_number(w, "median_seconds", d.median_seconds);
  optional_number(w, "p90_seconds", d.p90_seconds);
  share(w, "share_within_clock", d.share_within_clock());
  w.end_object();
}

void durations(json_writer& w, std::string_view name, const std::array<duration_figure, 4>& d) {
  w.key(name);
  w.begin_object();
  w.key("all");
  duration(w, d[0]);
  for (size_t t = 1; t <= 3; ++t) {
    w.key(std::to_string(t));
    duration(w, d[t]);
  }
  w.end_object();
}

void repeat(json_writer& w, const repeat_figure& r) {
  w.begin_object();
  w.field("moments", r.moments);
  w.field("observed", r.observed);
  w.field("repeated", r.repeated);
  w.field("repeated_so_far", r.repeated_so_far);
  w.end_object();
}

void write_query(json_writer& w, const query& q) {
  w.key("query");
  w.begin_object();
  w.field("from", format_date(q.from));
  w.field("to", format_date(q.to));
  w.field("as_of", format_date(q.as_of));
  w.key("zone");
  if (q.zone) w.string(*q.zone);
  else w.null();
  w.key("track");
  if (q.track) w.integer(to_int(*q.track));
  else w.null();
  w.key("organisation");
  if (q.organisation) w.integer(*q.organisation);
  else w.null();
  w.end_object();
}

}  // namespace

void write_json(json_writer& w, const query& q, const figures& f) {
  w.begin_object();
  write_query(w, q);
  w.key("reports");
  w.begin_object();
  w.field("received", f.reports.received);
  per_track_object(w, "proposed", f.reports.proposed, "none");
  per_track_object(w, "decided", f.reports.decided, "none");
  w.end_object();
  durations(w, "report_to_triage", f.report_to_triage);
  durations(w, "triage_to_first_contact", f.triage_to_first_contact);
  w.key("cases");
  w.begin_object();
  per_track_object(w, "opened", f.cases.opened, "all");
  per_track_object(w, "reopened", f.cases.reopened, "all");
  per_track_object(w, "closed", f.cases.closed, "all");
  w.key("open_by_step");
  w.begin_object();
  for (const auto& [step, n] : f.cases.open_by_step) per_track_object(w, step, n, "all");
  w.end_object();
  w.end_object();
  w.key("overdue");
  w.begin_object();
  for (const auto& [clock, n] : f.overdue) w.field(clock, n);
  w.end_object();
  w.key("partners");
  w.begin_object();
  w.field("cases", f.partners.cases);
  w.field("partners", f.partners.partners);
  w.key("histogram");
  w.begin_array();
  for (auto n : f.partners.histogram) w.integer(n);
  w.end_array();
  w.end_object();
  w.key("round_tables");
  w.begin_object();
  w.field("held", f.round_tables.held);
  w.field("cases", f.round_tables.cases);
  w.end_object();
  w.key("interventions");
  w.begin_array();
  for (const auto& row : f.interventions) {
    w.begin_object();
    w.field("organisation", row.organisation);
    constexpr std::string_view statuses[] = {"planned", "in_progress", "done", "cancelled"};
    for (size_t s = 0; s < 4; ++s) w.field(statuses[s], row.by_status[s]);
    w.end_object();
  }
  w.end_array();
  w.key("caseload");
  w.begin_object();
  w.key("case_managers");
  w.begin_array();
  for (const auto& c : f.caseload) {
    w.begin_object();
    w.field("user", c.case_manager);
    w.field("open_cases", c.open_cases);
    w.end_object();
  }
  w.end_array();
  w.field("unassigned", f.unassigned_open_cases);
  w.end_object();
  w.key("repeat_after_closure");
  w.begin_object();
  w.key("all");
  repeat(w, f.repeat_after_closure[0]);
  for (size_t t = 1; t <= 3; ++t) {
    w.key(std::to_string(t));
    repeat(w, f.repeat_after_closure[t]);
  }
  w.end_object();
  w.key("repeat_after_help_offer");
  repeat(w, f.repeat_after_help_offer);
  w.key("screening");
  w.begin_object();
  for (const auto& [factor, s] : f.screening) {
    w.key(factor);
    w.begin_object();
    w.field("pairs", s.pairs);
    w.field("sum_plan_start", s.sum_plan_start);
    w.field("sum_closing", s.sum_closing);
    w.field("lower", s.lower);
    w.field("same", s.same);
    w.field("higher", s.higher);
    w.end_object();
  }
  w.end_object();
  w.end_object();
}

}  // namespace casechain::core::stats
