#pragma once
// Persons known to the chain and the families they belong to. Every change
// is one transaction. Errors: already_exists for a national id stored twice,
// not_found for unknown ids, invalid_argument for malformed input.

#include "core/error.hpp"
#include "core/model/family.hpp"

#include <SQLiteCpp/Database.h>

#include <vector>

namespace casechain::core::store {

// Stores `p` (its id is ignored) and returns it with its new id.
result<person> add_person(SQLite::Database& db, const person& p);
result<person> get_person(SQLite::Database& db, person_id id);
// not_found when no person has this national id.
result<person> find_person_by_national_id(SQLite::Database& db, std::string_view national_id);

result<family> add_family(SQLite::Database& db, timestamp now);
// Adds `person` to `family` with `role`; already_exists when already a member.
result<void> add_family_member(SQLite::Database& db, const family_member& member);
result<std::vector<family_member>> family_members(SQLite::Database& db, family_id id);
// The families `person` belongs to, oldest first.
result<std::vector<family_id>> families_of(SQLite::Database& db, person_id person);

}  // namespace casechain::core::store
