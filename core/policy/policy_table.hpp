#pragma once
// The policy table: role × data category → level and scope, loaded from a
// versioned JSON file (core/policy/tables/secrecy-1.json, built in) and
// reviewed like code. Every role and every category must be present: a
// missing or misspelt cell is a load error, never a silent default.

#include "core/error.hpp"
#include "core/model/enums.hpp"
#include "core/policy/categories.hpp"

#include <memory>
#include <string>

namespace casechain::core::policy {

enum class scope {
  manager,  // the case's own case manager
  member,   // an organisation admitted to the case's consultation (or the case manager)
  own_org,  // as member, but only items the user's organisation wrote; others' need consent
  any       // every case: the role's duty
};

struct cell {
  level grants = level::none;
  scope where = scope::member;
  bool needs_consent = false;  // beyond the data's owner: consent or a danger override
  bool operator==(const cell&) const = default;
};

class policy_table {
 public:
  // Errors name the role, the category and what was expected.
  static result<policy_table> load(std::string_view json_text);

  const std::string& version() const { return version_; }
  const cell& at(role r, category c) const;

 private:
  static constexpr std::size_t role_count = 8;
  std::string version_;
  std::array<std::array<cell, all_categories.size()>, role_count> cells_{};
};

// Parses "read@member+consent".
result<cell> parse_cell(std::string_view text);
std::string format_cell(const cell& c);

// The built-in table (secrecy-1).
std::shared_ptr<const policy_table> builtin_policy();

}  // namespace casechain::core::policy
