#pragma once
// Every word of the quarterly report, in Dutch, French and English. The
// report takes all its text from here, so a language is complete or absent.

#include <optional>
#include <string_view>

namespace casechain::core::report {

struct report_strings {
  std::string_view lang, title, period, generated, small_cells_note;
  std::string_view reports_title, received, track, proposal, decision, none, undecided, all;
  std::string_view timing_title, report_to_triage, triage_to_contact, done, median, p90, within_clock, hours;
  std::string_view cases_title, opened, reopened, closed, open_by_step, step, total;
  std::string_view overdue_title, clock, late_items, nothing_late;
  std::string_view partners_title, active_cases, partners_admitted, cases_with_partners, round_tables_held;
  std::string_view interventions_title, organisation, planned, in_progress, finished, cancelled;
  std::string_view caseload_title, case_managers, unassigned;
  std::string_view repeat_title, after_closure, after_help_offer, moments, observed, repeated;
  std::string_view screening_title, factor, pairs, plan_start, closing, lower, same, higher;
};

// "nl", "fr" or "en"; empty for any other.
std::optional<report_strings> strings_for(std::string_view lang);

}  // namespace casechain::core::report
