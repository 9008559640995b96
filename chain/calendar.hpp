#pragma once
// The working-day calendar the chain's clocks count in: which dates are
// working days (not Saturday, Sunday or a holiday), and counting and adding
// working days. Belgian public holidays are built in and computed per year on
// demand, so every year works without a table; a deployment adds regional days
// (11 July, 27 September, ...) or replaces the Belgian set with a holiday file.
// The calendar owns no clock and no time zone: callers pass local dates.
// Errors: only load_holidays can fail (invalid_argument, naming the JSON path).
// A working_calendar is immutable once built and safe to share between threads.

#include "core/error.hpp"
#include "core/util/time.hpp"

#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

namespace casechain::chain {

// Easter Sunday (Meeus/Jones/Butcher); Gregorian only, so years from 1583.
core::date easter_sunday(int year);

// The 10 Belgian legal holidays of a year, in date order. Today's list is used
// for every year (history of the law is not modelled); when two fall on the same
// date (Ascension on 1 May, as in 2008) the date appears once.
std::vector<core::date> belgian_public_holidays(int year);

class working_calendar {
 public:
  // Belgian public holidays; Saturday and Sunday are never working days.
  working_calendar() = default;

  // Adds `extra` holidays to the Belgian ones, or uses only them when
  // include_belgian is false. Duplicates, weekend dates and invalid dates are ignored.
  static working_calendar with_holidays(std::vector<core::date> extra, bool include_belgian = true);

  // Every query expects a valid date (d.ok()), as core::parse_date returns.
  bool is_working_day(core::date d) const;

  // The first working day strictly after d, whether or not d is one itself.
  core::date next_working_day(core::date d) const;

  // The n-th working day after `from` (n < 0: the |n|-th before it). n = 0 gives
  // `from` itself on a working day, else the next one: a clock started on a
  // holiday starts running on the next working day.
  core::date add_working_days(core::date from, int n) const;

  // Working days in (from, to]; negative, -(working days in (to, from]), when to < from.
  // A clock of N working days is overdue when working_days_between(start, today) > N.
  int working_days_between(core::date from, core::date to) const;

 private:
  using day = std::chrono::sys_days;

  bool is_holiday(day d) const;
  // Working days in (from, to], for from <= to; weekdays by arithmetic, then
  // holidays subtracted, so long ranges cost a loop over years, not days.
  std::int64_t count(day from, day to) const;

  bool include_belgian_ = true;
  // Sorted and unique; weekend and Belgian dates are dropped at construction so
  // that count() can subtract them without checking each one again.
  std::vector<day> extra_;
};

// Reads a holiday file: {"include_belgian": true, "holidays": ["2026-07-11"]}.
// Both keys are optional (defaults: true, none); unknown keys are refused so a
// typo does not silently drop a holiday. The first fault is named by its path,
// e.g. "$.holidays[1]: expected a date YYYY-MM-DD".
core::result<working_calendar> load_holidays(std::string_view json_text);

}  // namespace casechain::chain
