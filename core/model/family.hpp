#pragma once
// Persons as known to the chain (linked across reports), and families: the
// client system of a case, with each member's role in it.

#include "core/model/enums.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <optional>
#include <string>

namespace casechain::core {

struct person {
  person_id id = 0;
  std::string first_name;
  std::string last_name;
  std::optional<date> birth_date;
  core::gender gender = gender::unknown;
  std::string national_id;  // empty when unknown; unique when present
  timestamp created_at;
  bool operator==(const person&) const = default;
};

struct family {
  family_id id = 0;
  timestamp created_at;
  bool operator==(const family&) const = default;
};

struct family_member {
  family_id family = 0;
  person_id person = 0;
  family_role role = family_role::other;
  bool operator==(const family_member&) const = default;
};

}  // namespace casechain::core
