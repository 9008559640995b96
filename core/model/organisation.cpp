#include "core/model/organisation.hpp"

#include <algorithm>

namespace casechain::core {

bool user::has_role(role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

}  // namespace casechain::core
