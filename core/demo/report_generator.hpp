#pragma once
// The synthetic police-report generator: realistic, fictitious reports on
// domestic violence in Belgian police zones, for `casechain demo generate`,
// the demo server, benchmarks and tests. Families have victims, suspects,
// children and others with valid national register numbers, addresses and
// phones; about a third of families come back within 12 months; indicators,
// kinds of violence, measures and a Dutch/French/English narrative agree.
//
// Guarantees:
//  - determinism: the same options give the same reports, byte for byte, with
//    any compiler and standard library (own PRNG, integer arithmetic, no
//    std:: distributions); different seeds give different reports;
//  - memory is bounded by the families "in flight" (those with a repeat report
//    still due), not by the number of reports: a family is regenerated from
//    its own seed each time it comes back;
//  - every report is exactly one latent class (46 % / 34 % / 20 %), defined
//    from the report alone, which the triage instrument should recover:
//      3: a restraining order (from the report date, 10 to 14 days) or a red
//         file without an order;
//      2: neither, at least 2 serious items yes AND at least 2 complexity
//         signals yes (serious: injury, strangulation, weapon,
//         threats_to_kill, victim_fear, stalking, coercive_control,
//         order_breach, suicide_threats, pregnancy; complexity:
//         housing_problems, debts, addiction, mental_health,
//         conflictual_divorce, agencies_involved);
//      1: neither and not the above; a family's third or later report within
//         12 months of its first is never class 1.
// `relationship` reads from suspect to victim: parent_child means the suspect
// is the victim's parent, child_parent that the suspect is the victim's child.
// Errors: none. Out-of-range options are clamped: fewer than 0 reports give
// none, fewer than 1 day counts as 1.
// Thread safety: none; use one generator per thread.

#include "core/model/police_report.hpp"
#include "core/util/time.hpp"

#include <chrono>
#include <cstdint>
#include <memory>

namespace casechain::core::demo {

struct generator_options {
  std::uint64_t seed = 1;
  std::int64_t reports = 1000;  // how many reports to produce
  date start = std::chrono::year{2025} / std::chrono::January / std::chrono::day{1};  // first reporting day
  int days = 365;  // reports spread evenly over [start, start + days), in reported_at order
};

class report_generator {
 public:
  explicit report_generator(const generator_options& options);
  // A moved-from generator may only be destroyed or assigned to.
  ~report_generator();
  report_generator(report_generator&&) noexcept;
  report_generator& operator=(report_generator&&) noexcept;

  // Fills `out` with the next report, reusing its buffers, and returns true;
  // returns false (leaving `out` alone) once all reports are produced.
  // Reports come in reported_at order.
  bool next(police_report& out);

  // How many reports `next` has produced so far.
  std::int64_t produced() const;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace casechain::core::demo
