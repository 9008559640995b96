#include "core/policy/case_access.hpp"

#include <algorithm>

namespace casechain::core::policy {

case_access access_to_case(const user& u, const case_record& c, const std::vector<case_member>& members) {
  if (u.disabled) return case_access::none;
  bool content_role = std::any_of(u.roles.begin(), u.roles.end(), [](role r) {
    return r != role::admin && r != role::auditor;
  });
  if (!content_role) return case_access::none;
  if (c.case_manager == u.id) return case_access::read;
  bool member = std::any_of(members.begin(), members.end(),
                            [&](const case_member& m) { return m.organisation == u.organisation; });
  if (member) return case_access::read;
  if (u.has_role(role::coordinator) || u.has_role(role::triage)) return case_access::summary;
  return case_access::none;
}

}  // namespace casechain::core::policy
