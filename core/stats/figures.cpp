#include "core/stats/figures.hpp"

namespace casechain::core::stats {

std::optional<double> duration_figure::share_within_clock() const {
  auto judged = done + waiting_late;
  if (judged == 0) return std::nullopt;
  return static_cast<double>(within_clock) / static_cast<double>(judged);
}

}  // namespace casechain::core::stats
