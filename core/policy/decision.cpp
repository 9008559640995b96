#include "core/policy/decision.hpp"

#include <algorithm>

namespace casechain::core::policy {
namespace {

// Which basis puts the user in scope of a cell, if any.
std::optional<basis> standing(const cell& c, const user& u, const secrecy_facts& facts) {
  bool manages = facts.case_manager && *facts.case_manager == u.id;
  bool member = std::find(facts.members.begin(), facts.members.end(), u.organisation) != facts.members.end();
  switch (c.where) {
    case scope::any: return basis::duty;
    case scope::manager: return manages ? std::optional{basis::case_manager} : std::nullopt;
    case scope::member:
    case scope::own_org:
      if (manages) return basis::case_manager;
      if (member) return basis::consultation;
      if (facts.emergency) return basis::emergency_access;
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<basis> sharing_allowed(const secrecy_facts& facts, category c, std::optional<person_id> subject) {
  for (const auto& s : facts.consents)
    if (s.what == c && (!subject || s.person == subject)) return basis::consent;
  if (std::find(facts.danger_overrides.begin(), facts.danger_overrides.end(), c) != facts.danger_overrides.end())
    return basis::danger_override;
  return std::nullopt;
}

decision decide(const policy_table& table, const user& u, const secrecy_facts& facts, category c,
                std::optional<person_id> subject) {
  if (u.disabled) return {};
  if (facts.excluded) return {level::none, basis::excluded, false};
  decision best;
  for (auto r : u.roles) {
    const auto& rule = table.at(r, c);
    if (rule.grants == level::none) continue;
    auto in_scope = standing(rule, u, facts);
    if (!in_scope) continue;
    auto why = *in_scope;
    if (rule.needs_consent) {
      auto shared = sharing_allowed(facts, c, subject);
      if (!shared) continue;
      why = *shared;
    }
    if (rule.grants > best.granted) best = {rule.grants, why, rule.where == scope::own_org};
  }
  return best;
}

}  // namespace casechain::core::policy
