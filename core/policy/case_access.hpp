#pragma once
// Who may know a case, and how much: the one decision every case read goes
// through. Deny by default. This first version decides per case (none,
// summary, read); the secrecy issue refines it per data category with
// consent, emergency access and exclusions.
//   read:    the case manager, and users of an organisation admitted to the
//            case's consultation (except admins and auditors)
//   summary: coordinators (the chain's workload) and the triage team
//   none:    everybody else, admins and auditors included; the API answers
//            them 404, the same as for a case that does not exist

#include "core/model/case_record.hpp"
#include "core/model/organisation.hpp"

#include <vector>

namespace casechain::core::policy {

enum class case_access { none, summary, read };

case_access access_to_case(const user& u, const case_record& c, const std::vector<case_member>& members);

}  // namespace casechain::core::policy
