#pragma once
// The chain's clocks: what must happen by when, per track, and what is late.
//   report_to_triage    a report is decided within N working days (all tracks)
//   first_contact       the family is reached within N working days of the
//                       decision; track 3: on the first working day after the
//                       restraining order
//   case_manager        a case manager is appointed within N working days
//                       (track 2); track 3: on the first working day
//   evaluation          track 2 in implementation: evaluated every N days
//   follow_up_contact   track 3 in follow-up: a contact at least every N days
//   follow_up_end       track 3: the year of follow-up has passed (close or extend)
//   order_end           track 3: the restraining order ends within N days (due soon)
// Settings have defaults and load from JSON; days count on a working_calendar
// (Belgian public holidays by default). Pure over the facts the store gives.

#include "chain/calendar.hpp"
#include "core/error.hpp"
#include "core/store/chain_store.hpp"

#include <SQLiteCpp/Database.h>

#include <array>
#include <string>
#include <vector>

namespace casechain::chain {

struct clock_settings {
  int report_to_triage_working_days = 2;
  std::array<int, 4> first_contact_working_days{0, 5, 5, 1};  // per track (index 1..3)
  std::array<int, 4> case_manager_working_days{0, 0, 10, 1};  // 0: no such clock on the track
  int evaluation_interval_days = 90;
  int follow_up_contact_interval_days = 30;
  int follow_up_days = 365;
  int order_end_warning_days = 3;
};

// {"report_to_triage_working_days": 2, "first_contact_working_days": {"1": 5, "2": 5, "3": 1}, ...};
// keys left out keep their defaults. Errors name the JSON path.
core::result<clock_settings> load_clock_settings(std::string_view json_text);

struct due_item {
  std::string clock;                  // one of the names above
  core::case_id case_ = 0;            // 0 for a report not yet decided
  core::report_id report = 0;         // for report_to_triage
  core::track track = core::track::help_offer;
  core::case_step step = core::case_step::intake;
  std::optional<core::user_id> case_manager;
  core::date due;
  int days_late = 0;                  // calendar days past due; negative: due soon
  std::string why;                    // one line for the person responsible
};

// The last day on time for a clock of `n` working days started on `start`;
// n <= 1 means "the first working day after" (track 3's clocks).
core::date clock_due(const working_calendar& calendar, core::date start, int n);

// Everything late on `today`, plus what is due soon (an order about to end),
// latest first. At most `report_limit` undecided reports are looked at.
core::result<std::vector<due_item>> due_work(SQLite::Database& db, const working_calendar& calendar,
                                             const clock_settings& settings, core::date today,
                                             int report_limit = 100000);

// What is late (or due soon) on some open cases only (one case, or one case
// manager's), as due_work gives it for them, without looking at the others.
core::result<std::vector<due_item>> case_due_work(SQLite::Database& db, const working_calendar& calendar,
                                                  const clock_settings& settings, core::date today,
                                                  const core::store::case_clock_scope& scope);

// Raises one alert per item for its case manager (the triage team for
// reports); an alert already raised is not raised again. Returns how many are new.
core::result<int> raise_alerts(SQLite::Database& db, const std::vector<due_item>& items, core::timestamp now);

}  // namespace casechain::chain
