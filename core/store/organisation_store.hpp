#pragma once
// Organisations and users in the store. Every change is one transaction.
// Errors: invalid_argument for malformed names, already_exists for a name
// taken (case-insensitive), not_found for unknown ids or names.

#include "core/error.hpp"
#include "core/model/organisation.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casechain::core::store {

result<organisation> add_organisation(SQLite::Database& db, std::string_view name, sector s, timestamp now);
result<organisation> get_organisation(SQLite::Database& db, organisation_id id);
result<organisation> find_organisation(SQLite::Database& db, std::string_view name);
result<std::vector<organisation>> list_organisations(SQLite::Database& db);

struct new_user {
  std::string username;
  organisation_id organisation = 0;
  std::vector<role> roles;  // at least one
  std::string password_hash;
};

// Usernames: 1-64 characters of a-z, 0-9, '.', '-', '_' (case-insensitive unique).
result<user> add_user(SQLite::Database& db, const new_user& u, timestamp now);
result<user> get_user(SQLite::Database& db, user_id id);
result<user> find_user(SQLite::Database& db, std::string_view username);
// Replaces the user's roles (at least one).
// The enabled users of an organisation who hold one of `roles`, by name:
// (id, username). At most four roles.
result<std::vector<std::pair<user_id, std::string>>> usernames_with_roles(SQLite::Database& db, organisation_id org,
                                                                          const std::vector<role>& roles);
result<void> set_user_roles(SQLite::Database& db, user_id id, std::vector<role> roles);
result<void> set_user_disabled(SQLite::Database& db, user_id id, bool disabled);

// Why `username` is not acceptable, or nullopt when it is.
std::optional<std::string> username_problem(std::string_view username);

}  // namespace casechain::core::store
