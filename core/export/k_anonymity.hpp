#pragma once
// k-anonymity over quasi-identifiers: every combination of their values that
// appears in an export must cover at least k rows. Rows in smaller groups
// have all their quasi-identifiers replaced by "*"; if the "*" group itself
// stays under k, its rows are left out of the export altogether.

#include <array>
#include <string>
#include <vector>

namespace casechain::core::research {

inline constexpr int min_group = 5;
inline constexpr std::string_view suppressed = "*";

using quasi_identifiers = std::array<std::string, 4>;  // age band, gender, postcode area, household size

struct k_outcome {
  std::vector<bool> keep;  // per row: false = left out
  int suppressed_rows = 0;
  int dropped_rows = 0;
};
// Rewrites `rows` in place as above.
k_outcome enforce_k(std::vector<quasi_identifiers>& rows, int k = min_group);

}  // namespace casechain::core::research
