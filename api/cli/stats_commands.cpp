// `casechain stats`: the chain's evaluation figures for a period, as a table or JSON.
#include "api/cli/chain_settings.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/open_store.hpp"
#include "chain/figures.hpp"
#include "core/stats/figures_json.hpp"

#include <iomanip>
#include <ostream>
#include <sstream>

namespace casechain::api::cli {
namespace {

using core::stats::count;

std::string hours(const std::optional<count>& seconds) {
  if (!seconds) return "-";
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << static_cast<double>(*seconds) / 3600.0 << "h";
  return out.str();
}

std::string percent(std::optional<double> share) {
  if (!share) return "-";
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << *share * 100.0 << "%";
  return out.str();
}

void line(std::ostream& out, std::string_view label, const core::stats::per_track& n, std::string_view slot0) {
  out << "  " << std::left << std::setw(26) << label << std::right;
  for (size_t t = 1; t <= 3; ++t) out << std::setw(10) << n[t];
  out << std::setw(10) << n[0] << "  (" << slot0 << ")\n";
}

void durations(std::ostream& out, std::string_view title, const std::array<core::stats::duration_figure, 4>& d) {
  out << title << "\n  " << std::left << std::setw(10) << "track" << std::right << std::setw(8) << "done"
      << std::setw(10) << "median" << std::setw(10) << "p90" << std::setw(10) << "on time" << std::setw(10)
      << "waiting" << std::setw(8) << "late\n";
  for (size_t t = 0; t < 4; ++t)
    out << "  " << std::left << std::setw(10) << (t ? std::to_string(t) : "all") << std::right << std::setw(8)
        << d[t].done << std::setw(10) << hours(d[t].median_seconds) << std::setw(10) << hours(d[t].p90_seconds)
        << std::setw(10) << percent(d[t].share_within_clock()) << std::setw(10) << d[t].waiting << std::setw(7)
        << d[t].waiting_late << "\n";
}

void repeat_line(std::ostream& out, std::string_view label, const core::stats::repeat_figure& r) {
  out << "  " << std::left << std::setw(12) << label << std::right << std::setw(10) << r.moments << std::setw(10)
      << r.observed << std::setw(10) << r.repeated << std::setw(12) << r.repeated_so_far << "\n";
}

void table(std::ostream& out, const core::stats::query& q, const core::stats::figures& f) {
  out << "Figures for " << core::format_date(q.from) << " to " << core::format_date(q.to) << " (as of "
      << core::format_date(q.as_of) << ")";
  if (q.zone) out << ", zone " << *q.zone;
  if (q.track) out << ", track " << core::to_int(*q.track);
  if (q.organisation) out << ", organisation " << *q.organisation;
  out << "\n\nReports received: " << f.reports.received << "\n  " << std::setw(36) << "track 1" << std::setw(10)
      << "track 2" << std::setw(10) << "track 3\n";
  line(out, "instrument's proposal", f.reports.proposed, "none");
  line(out, "team's decision", f.reports.decided, "undecided");
  out << "\n";
  durations(out, "Report to triage decision", f.report_to_triage);
  out << "\n";
  durations(out, "Triage decision to first contact", f.triage_to_first_contact);
  out << "\nCases\n";
  line(out, "opened", f.cases.opened, "all");
  line(out, "reopened", f.cases.reopened, "all");
  line(out, "closed", f.cases.closed, "all");
  for (const auto& [step, n] : f.cases.open_by_step) line(out, "open now in " + step, n, "all");
  out << "\nOverdue work on " << core::format_date(q.as_of) << (f.overdue.empty() ? ": none\n" : "\n");
  for (const auto& [clock, n] : f.overdue) out << "  " << std::left << std::setw(26) << clock << std::right << n << "\n";
  out << "\nPartners per family: " << f.partners.cases << " active cases, " << f.partners.partners
      << " partners admitted; cases with 0..5+ partners:";
  for (auto n : f.partners.histogram) out << " " << n;
  out << "\nRound tables held: " << f.round_tables.held << " (for " << f.round_tables.cases << " cases)\n";
  out << "\nInterventions recorded\n  " << std::left << std::setw(30) << "organisation" << std::right << std::setw(9)
      << "planned" << std::setw(13) << "in_progress" << std::setw(7) << "done" << std::setw(11) << "cancelled\n";
  for (const auto& row : f.interventions) {
    out << "  " << std::left << std::setw(30) << row.organisation.substr(0, 29) << std::right;
    constexpr int widths[] = {9, 13, 7, 10};
    for (size_t s = 0; s < 4; ++s) out << std::setw(widths[s]) << row.by_status[s];
    out << "\n";
  }
  out << "\nCaseload (open cases per case manager):";
  for (const auto& c : f.caseload) out << " user " << c.case_manager << ": " << c.open_cases << ";";
  out << " unassigned: " << f.unassigned_open_cases << "\n";
  out << "\nRepeat reports within 12 months\n  " << std::left << std::setw(12) << "after" << std::right << std::setw(10)
      << "moments" << std::setw(10) << "observed" << std::setw(10) << "repeated" << std::setw(12) << "so far\n";
  repeat_line(out, "closure", f.repeat_after_closure[0]);
  for (size_t t = 1; t <= 3; ++t) repeat_line(out, "  track " + std::to_string(t), f.repeat_after_closure[t]);
  repeat_line(out, "help offer", f.repeat_after_help_offer);
  out << "\nScreening, plan start -> closure (sum of scores; cases lower / same / higher)\n";
  for (const auto& [factor, s] : f.screening)
    out << "  " << std::left << std::setw(20) << factor << std::right << std::setw(6) << s.pairs << " cases  "
        << s.sum_plan_start << " -> " << s.sum_closing << "  " << s.lower << "/" << s.same << "/" << s.higher << "\n";
}

int stats(const parsed_args& args, io& streams) {
  const auto& format = args.get("format");
  if (format != "table" && format != "json") return usage_error(streams, "stats", "--format: expected table or json");
  auto q = core::stats::parse_query({args.get("from"), args.get("to"), args.get("as-of"), args.get("zone"),
                                     args.get("track"), args.get("organisation")},
                                    core::date_of(core::now_utc()));
  if (!q) return usage_error(streams, "stats", "--" + q.error().message);
  auto settings = load_chain_settings(args);
  if (!settings) return report_error(streams, settings.error());
  auto db = open_store(args.get("data"));
  if (!db) return report_error(streams, db.error());
  auto figures = chain::chain_figures(db->sql(), *q, settings->calendar, settings->clocks);
  if (!figures) return report_error(streams, figures.error());
  if (format == "table") {
    table(streams.out, *q, *figures);
    return exit_ok;
  }
  std::string json;
  core::json_writer w(json);
  core::stats::write_json(w, *q, *figures);
  streams.out << json << "\n";
  return exit_ok;
}

}  // namespace

std::vector<command_spec> stats_commands() {
  return {{"stats",
           "The chain's evaluation figures for a period (docs/figures.md defines each one).",
           {data_option(),
            {"from", "DATE", "first day of the period (YYYY-MM-DD, UTC)", {}, true},
            {"to", "DATE", "last day of the period, inclusive", {}, true},
            {"zone", "ZONE", "only this police zone"},
            {"track", "N", "only track 1, 2 or 3"},
            {"organisation", "ID", "only cases whose consultation admits this organisation"},
            {"as-of", "DATE", "the day to judge lateness and 12-month windows by (default: today)"},
            {"format", "FORMAT", "table or json", "table"},
            holidays_option(),
            clocks_option()},
           {},
           stats}};
}

}  // namespace casechain::api::cli
