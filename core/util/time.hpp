#pragma once
// Dates and instants as CaseChain stores and exchanges them.
// Instants are UTC seconds, written "2026-11-22T09:30:00Z"; calendar dates
// (birth dates, order end dates) are written "2026-11-22". Parsing validates
// the calendar (no 31 April) and never throws.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace casechain::core {

using timestamp = std::chrono::sys_seconds;
using date = std::chrono::year_month_day;

// "YYYY-MM-DDTHH:MM:SSZ"; "+HH:MM"/"-HH:MM" offsets are accepted and
// converted to UTC. Fractional seconds are refused (reports do not carry them).
std::optional<timestamp> parse_timestamp(std::string_view text);
std::string format_timestamp(timestamp t);

// "YYYY-MM-DD", a valid calendar date between years 1900 and 2200.
std::optional<date> parse_date(std::string_view text);
std::string format_date(date d);

// The date part of an instant, in UTC.
inline date date_of(timestamp t) { return date{std::chrono::floor<std::chrono::days>(t)}; }

// The current time, truncated to seconds.
inline timestamp now_utc() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace casechain::core
