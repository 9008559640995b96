#pragma once
// Organisations of the chain (a police zone, the prosecutor's office, a CAW)
// and the users who work for them, with their roles.

#include "core/model/enums.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <string>
#include <vector>

namespace casechain::core {

struct organisation {
  organisation_id id = 0;
  std::string name;
  core::sector sector = sector::care;
  timestamp created_at;
  bool operator==(const organisation&) const = default;
};

struct user {
  user_id id = 0;
  std::string username;
  organisation_id organisation = 0;
  std::vector<role> roles;  // sorted, no duplicates
  std::string password_hash;  // PHC string; never shown or logged
  bool disabled = false;
  timestamp created_at;
  bool has_role(role r) const;
  bool operator==(const user&) const = default;
};

}  // namespace casechain::core
