#pragma once
// The secrecy rules' vocabulary: data categories (every field of every
// answer belongs to one), access levels, and the legal bases that allow
// access.

#include <array>
#include <optional>
#include <string_view>

namespace casechain::core::policy {

enum class category {
  identity,      // persons and household: names, birth dates, roles in the family
  safe_address,  // where a person can safely be reached: address, phone, shelter
  incident,      // what happened: reports, violence, narratives
  judicial,      // criminal and judicial data: orders, arrests, red files, prosecution
  risk,          // risk screening and triage
  care_notes,    // professional secret, owned by the organisation that wrote them
  action_plan,   // the case on the chain: step, goals, interventions, contacts, members
  round_table,   // round-table minutes
  audit          // who accessed the case
};
inline constexpr std::array all_categories{category::identity,  category::safe_address, category::incident,
                                           category::judicial,  category::risk,         category::care_notes,
                                           category::action_plan, category::round_table, category::audit};

enum class level { none, summary, read, write };  // ordered: each includes the ones before

enum class basis {
  none,              // nothing allows it
  case_manager,      // the case's own case manager
  consultation,      // a member of the case's consultation (shared professional secrecy, art. 458ter Sw.)
  duty,              // the role's own duty on every case (triage, coordination, audit)
  own_organisation,  // data the user's organisation wrote
  consent,           // the data subject's consent for the user's organisation
  danger_override,   // imminent danger, justified and reviewed
  emergency_access,  // "break the glass": time-limited, alerted, reviewed
  excluded           // must-not-know: denied, whatever else applies
};

std::string_view to_string(category c);
std::string_view to_string(level l);
std::string_view to_string(basis b);
std::optional<category> parse_category(std::string_view text);
std::optional<level> parse_level(std::string_view text);

}  // namespace casechain::core::policy
