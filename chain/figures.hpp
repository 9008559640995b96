#pragma once
// The evaluation figures with the chain's own clocks: core/stats computes
// them, this adds the due-day rules from the working-day calendar and clock
// settings (chain/clocks.hpp) and the overdue work on the query's as_of day,
// filtered like the case figures (docs/figures.md).
// Errors: those of the store.

#include "chain/clocks.hpp"
#include "core/stats/compute.hpp"

namespace casechain::chain {

// Report to triage: report_to_triage_working_days after the report's day;
// first contact: the track's first_contact_working_days after the decision's day.
core::stats::clock_rules stats_clock_rules(const working_calendar& calendar, const clock_settings& settings);

core::result<core::stats::figures> chain_figures(SQLite::Database& db, const core::stats::query& q,
                                                 const working_calendar& calendar, const clock_settings& settings);

}  // namespace casechain::chain
