#include "core/export/k_anonymity.hpp"

#include <map>

namespace casechain::core::research {

k_outcome enforce_k(std::vector<quasi_identifiers>& rows, int k) {
  std::map<quasi_identifiers, int> groups;
  for (const auto& r : rows) ++groups[r];
  k_outcome out;
  out.keep.assign(rows.size(), true);
  const quasi_identifiers all_suppressed{std::string(suppressed), std::string(suppressed), std::string(suppressed),
                                         std::string(suppressed)};
  for (auto& r : rows)
    if (groups[r] < k && r != all_suppressed) {
      r = all_suppressed;
      ++out.suppressed_rows;
    }
  int in_suppressed = 0;
  for (const auto& r : rows) in_suppressed += r == all_suppressed ? 1 : 0;
  if (in_suppressed > 0 && in_suppressed < k)
    for (size_t i = 0; i < rows.size(); ++i)
      if (rows[i] == all_suppressed) {
        out.keep[i] = false;
        ++out.dropped_rows;
      }
  return out;
}

}  // namespace casechain::core::research
