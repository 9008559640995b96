#pragma once
// The chain's evaluation figures for one query, as plain counts. Arrays
// indexed by track use 1..3 for the tracks and 0 for "none" (no proposal,
// no decision) or "all tracks", as each field says. The exact rule for each
// figure is in docs/figures.md; the names here follow that page.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace casechain::core::stats {

using count = std::int64_t;
using per_track = std::array<count, 4>;

// How long a step of the work took, and whether within its clock.
struct duration_figure {
  count done = 0;                         // measured: the step happened
  count within_clock = 0;                 // ... on or before its due day
  count waiting = 0;                      // not happened yet
  count waiting_late = 0;                 // ... and its due day has passed on as_of
  std::optional<count> median_seconds;    // nearest rank over `done`
  std::optional<count> p90_seconds;
  // within_clock / (done + waiting_late); empty when that is 0.
  std::optional<double> share_within_clock() const;
};

struct report_figures {
  count received = 0;
  per_track proposed{};  // [0]: no proposal
  per_track decided{};   // [0]: no final decision yet
};

struct case_figures {
  per_track opened{};    // "opened" events in the period, by the case's track
  per_track reopened{};  // "reopened" events in the period
  per_track closed{};    // transitions to closed in the period
  // Open cases on as_of (the current state), step name -> cases per track.
  std::map<std::string, per_track> open_by_step;
};

struct partner_figures {
  count cases = 0;                      // cases active in the period
  count partners = 0;                   // organisations admitted, summed over those cases
  std::array<count, 6> histogram{};     // cases with 0, 1, 2, 3, 4, 5+ partners
};

struct round_table_figures {
  count held = 0;
  count cases = 0;  // distinct cases with one
};

// Interventions recorded in the period, per executing organisation and status.
struct intervention_row {
  std::string organisation;
  std::array<count, 4> by_status{};  // planned, in_progress, done, cancelled
};

struct caseload_row {
  std::int64_t case_manager = 0;  // a user id
  count open_cases = 0;
};

// Reports on the family within 12 months after a moment (a closure, a help offer).
struct repeat_figure {
  count moments = 0;        // closures (or help offers) in the period
  count observed = 0;       // ... whose 12 months have passed on as_of
  count repeated = 0;       // observed ones followed by a report within the 12 months
  count repeated_so_far = 0;  // all moments followed by a report so far
};

// One screening factor, compared between plan start and closure.
struct screening_change {
  count pairs = 0;                  // cases with both screenings scoring the factor
  count sum_plan_start = 0;
  count sum_closing = 0;
  count lower = 0, same = 0, higher = 0;  // closing vs plan start
};

struct figures {
  report_figures reports;
  std::array<duration_figure, 4> report_to_triage;       // [0]: all, [t]: by decided track
  std::array<duration_figure, 4> triage_to_first_contact;
  case_figures cases;
  std::map<std::string, count> overdue;                   // clock name -> items late on as_of
  partner_figures partners;
  round_table_figures round_tables;
  std::vector<intervention_row> interventions;            // by organisation name
  std::vector<caseload_row> caseload;                     // by case manager id
  count unassigned_open_cases = 0;
  std::array<repeat_figure, 4> repeat_after_closure;      // [0]: all, [t]: by the case's track
  repeat_figure repeat_after_help_offer;                  // track 1
  std::map<std::string, screening_change> screening;      // factor -> change
};

}  // namespace casechain::core::stats
