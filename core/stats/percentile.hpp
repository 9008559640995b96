#pragma once
// Nearest-rank percentiles: the p-th percentile of n sorted values is the
// value at rank ceil(p/100 * n) (1-based). It is always one of the values,
// so a median of durations is a duration someone actually waited.

#include <cstdint>
#include <optional>
#include <vector>

namespace casechain::core::stats {

// Empty when there are no values. Reorders `values`. p in 1..100.
std::optional<std::int64_t> nearest_rank(std::vector<std::int64_t>& values, int p);

}  // namespace casechain::core::stats
