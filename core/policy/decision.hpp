#pragma once
// The policy decision point: every read and write of case data asks it.
// Input: the user (organisation, roles), what the store knows of the user's
// standing in the case (secrecy_facts), the data category, and for
// person-owned data (a safe address) whose it is. Output: the level granted
// and the legal basis that allowed it. Deny by default: no cell, no standing,
// no consent → none. Must-not-know exclusion beats everything, emergency
// access included.

#include "core/model/organisation.hpp"
#include "core/policy/policy_table.hpp"

#include <optional>
#include <vector>

namespace casechain::core::policy {

// A consent or danger override in force for the user's organisation.
struct sharing {
  category what;
  std::optional<person_id> person;  // consent: whose; an override covers the whole case
};

// The user's standing in one case, as the store knows it at this moment.
struct secrecy_facts {
  std::optional<user_id> case_manager;
  std::vector<organisation_id> members;   // organisations admitted to the consultation
  bool excluded = false;                  // the user must not know this family
  bool emergency = false;                 // live emergency access of the user to this case
  std::vector<sharing> consents;          // live consents for the user's organisation
  std::vector<category> danger_overrides; // live overrides for the user's organisation
};

struct decision {
  level granted = level::none;
  basis why = basis::none;
  bool own_organisation_only = false;  // own_org scope: others' items need sharing_allowed()
  bool allows(level needed) const { return granted >= needed; }
};

// `subject`: the person the data belongs to, for person-owned data.
decision decide(const policy_table& table, const user& u, const secrecy_facts& facts, category c,
                std::optional<person_id> subject = std::nullopt);

// Whether data of category `c` owned by another organisation may reach `u`
// (the owner's items need no such check), and on which basis.
std::optional<basis> sharing_allowed(const secrecy_facts& facts, category c, std::optional<person_id> subject = std::nullopt);

}  // namespace casechain::core::policy
