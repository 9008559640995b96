#include "core/stats/percentile.hpp"

#include <algorithm>
#include <cassert>

namespace casechain::core::stats {

std::optional<std::int64_t> nearest_rank(std::vector<std::int64_t>& values, int p) {
  assert(p >= 1 && p <= 100);
  if (values.empty()) return std::nullopt;
  auto n = static_cast<std::int64_t>(values.size());
  auto rank = (static_cast<std::int64_t>(p) * n + 99) / 100;  // ceil(p * n / 100), at least 1
  auto at = values.begin() + (rank - 1);
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

}  // namespace casechain::core::stats
