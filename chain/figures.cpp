#include "chain/figures.hpp"

#include "core/store/stats_store.hpp"

namespace casechain::chain {

core::stats::clock_rules stats_clock_rules(const working_calendar& calendar, const clock_settings& settings) {
  return {[&calendar, n = settings.report_to_triage_working_days](core::date reported) {
            return clock_due(calendar, reported, n);
          },
          [&calendar, per_track = settings.first_contact_working_days](core::track t, core::date decided) {
            return clock_due(calendar, decided, per_track[static_cast<size_t>(core::to_int(t))]);
          }};
}

core::result<core::stats::figures> chain_figures(SQLite::Database& db, const core::stats::query& q,
                                                 const working_calendar& calendar, const clock_settings& settings) {
  auto figures = core::stats::compute(db, q, stats_clock_rules(calendar, settings));
  if (!figures) return figures.error();
  auto due = due_work(db, calendar, settings, q.as_of);
  if (!due) return due.error();
  // Due work is on open cases only: without a filter every one of them counts.
  std::unordered_set<std::int64_t> cases, reports;
  bool case_filter = q.zone || q.track || q.organisation;
  if (case_filter)
    if (auto read = core::store::stats_open_case_ids(db, q, cases); !read) return read.error();
  // Undecided reports have no track or organisation yet: only the zone filter applies to them
  // (and without one they all count, so the zone's reports need not be read).
  bool with_reports = !q.track && !q.organisation;
  if (with_reports && q.zone)
    if (auto read = core::store::stats_report_ids_in_zone(db, q, reports); !read) return read.error();
  for (const auto& item : *due) {
    if (item.days_late <= 0) continue;  // due soon is not late
    bool counted = item.case_ ? !case_filter || cases.count(item.case_) > 0
                              : with_reports && (!q.zone || reports.count(item.report) > 0);
    if (counted) ++figures->overdue[item.clock];
  }
  return figures;
}

}  // namespace casechain::chain
