#include "core/store/organisation_store.hpp"

#include "core/store/sqlite_error.hpp"
#include "core/store/statement_cache.hpp"
#include "core/store/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace casechain::core::store {
namespace {

constexpr auto insert_organisation_sql =
    "INSERT INTO organisations (name, sector, created_at) VALUES (?, ?, ?)";
constexpr auto select_organisation_by_id_sql =
    "SELECT id, name, sector, created_at FROM organisations WHERE id = ?";
constexpr auto select_organisation_by_name_sql =
    "SELECT id, name, sector, created_at FROM organisations WHERE name = ? COLLATE NOCASE";
constexpr auto select_organisations_sql =
    "SELECT id, name, sector, created_at FROM organisations ORDER BY name COLLATE NOCASE";
constexpr auto insert_user_sql =
    "INSERT INTO users (username, organisation_id, password_hash, created_at) VALUES (?, ?, ?, ?)";
constexpr auto insert_user_role_sql = "INSERT INTO user_roles (user_id, role) VALUES (?, ?)";
constexpr auto delete_user_roles_sql = "DELETE FROM user_roles WHERE user_id = ?";
constexpr auto select_user_by_id_sql =
    "SELECT id, username, organisation_id, password_hash, disabled, created_at FROM users WHERE id = ?";
constexpr auto select_user_by_name_sql =
    "SELECT id, username, organisation_id, password_hash, disabled, created_at FROM users "
    "WHERE username = ? COLLATE NOCASE";
constexpr auto select_user_roles_sql = "SELECT role FROM user_roles WHERE user_id = ?";
constexpr auto select_usernames_with_roles_sql =
    "SELECT id, username FROM users WHERE organisation_id = ?1 AND disabled = 0 AND EXISTS "
    "(SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.role IN (?2, ?3, ?4, ?5)) ORDER BY username COLLATE NOCASE";
constexpr std::size_t max_roles_asked = 4;
constexpr auto update_user_disabled_sql = "UPDATE users SET disabled = ? WHERE id = ?";

organisation read_organisation(SQLite::Statement& row) {
  return organisation{row.getColumn(0).getInt64(), row.getColumn(1).getString(),
                      parse<sector>(row.getColumn(2).getString()).value_or(sector::care),
                      parse_timestamp(row.getColumn(3).getString()).value_or(timestamp{})};
}

result<organisation> query_organisation(SQLite::Database& db, const char* sql, auto key, std::string_view what) {
  return guarded("read organisation", [&]() -> result<organisation> {
    statement_lease query(db, sql);
    query->bind(1, key);
    if (!query->executeStep()) return fail(errc::not_found, std::string("no organisation ") + std::string(what));
    return read_organisation(*query);
  });
}

std::optional<std::string> roles_problem(std::vector<role>& roles) {
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  if (roles.empty()) return "a user needs at least one role";
  return std::nullopt;
}

void insert_roles(SQLite::Database& db, user_id id, const std::vector<role>& roles) {
  statement_lease insert(db, insert_user_role_sql);
  for (role r : roles) {
    insert->bind(1, id);
    insert->bind(2, std::string(to_string(r)));
    insert->exec();
    insert->reset();
  }
}

result<user> query_user(SQLite::Database& db, const char* sql, auto key, std::string_view what) {
  return guarded("read user", [&]() -> result<user> {
    statement_lease query(db, sql);
    query->bind(1, key);
    if (!query->executeStep()) return fail(errc::not_found, std::string("no user ") + std::string(what));
    user u;
    u.id = query->getColumn(0).getInt64();
    u.username = query->getColumn(1).getString();
    u.organisation = query->getColumn(2).getInt64();
    u.password_hash = query->getColumn(3).getString();
    u.disabled = query->getColumn(4).getInt() != 0;
    u.created_at = parse_timestamp(query->getColumn(5).getString()).value_or(timestamp{});
    statement_lease roles(db, select_user_roles_sql);
    roles->bind(1, u.id);
    while (roles->executeStep())
      if (auto r = parse<role>(roles->getColumn(0).getString())) u.roles.push_back(*r);
    std::sort(u.roles.begin(), u.roles.end());
    return u;
  });
}

}  // namespace

result<organisation> add_organisation(SQLite::Database& db, std::string_view name, sector s, timestamp now) {
  if (name.empty() || name.size() > 200 || name.front() == ' ' || name.back() == ' ')
    return fail(errc::invalid_argument, "organisation name: expected 1 to 200 characters without leading or trailing spaces");
  return guarded("add organisation", [&]() -> result<organisation> {
    write_transaction transaction(db);
    statement_lease insert(db, insert_organisation_sql);
    insert->bind(1, std::string(name));
    insert->bind(2, std::string(to_string(s)));
    insert->bind(3, format_timestamp(now));
    insert->exec();
    organisation created{db.getLastInsertRowid(), std::string(name), s, now};
    transaction.commit();
    return created;
  });
}

result<organisation> get_organisation(SQLite::Database& db, organisation_id id) {
  return query_organisation(db, select_organisation_by_id_sql, id, "with id " + std::to_string(id));
}

result<organisation> find_organisation(SQLite::Database& db, std::string_view name) {
  return query_organisation(db, select_organisation_by_name_sql, std::string(name), "named '" + std::string(name) + "'");
}

result<std::vector<organisation>> list_organisations(SQLite::Database& db) {
  return guarded("list organisations", [&]() -> result<std::vector<organisation>> {
    statement_lease query(db, select_organisations_sql);
    std::vector<organisation> all;
    while (query->executeStep()) all.push_back(read_organisation(*query));
    return all;
  });
}

std::optional<std::string> username_problem(std::string_view username) {
  if (username.empty() || username.size() > 64) return "username: expected 1 to 64 characters";
  for (char c : username) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '-' || c == '_';
    if (!ok) return "username: only letters a-z, digits, '.', '-' and '_' are allowed";
  }
  return std::nullopt;
}

result<user> add_user(SQLite::Database& db, const new_user& u, timestamp now) {
  if (auto problem = username_problem(u.username)) return fail(errc::invalid_argument, *problem);
  auto roles = u.roles;
  if (auto problem = roles_problem(roles)) return fail(errc::invalid_argument, *problem);
  if (u.password_hash.empty()) return fail(errc::invalid_argument, "a user needs a password");
  auto added = guarded("add user", [&]() -> result<user_id> {
    write_transaction transaction(db);
    statement_lease insert(db, insert_user_sql);
    insert->bind(1, u.username);
    insert->bind(2, u.organisation);
    insert->bind(3, u.password_hash);
    insert->bind(4, format_timestamp(now));
    insert->exec();
    auto id = db.getLastInsertRowid();
    insert_roles(db, id, roles);
    transaction.commit();
    return id;
  });
  if (!added) return added.error();
  return get_user(db, *added);
}

result<user> get_user(SQLite::Database& db, user_id id) {
  return query_user(db, select_user_by_id_sql, id, "with id " + std::to_string(id));
}

result<user> find_user(SQLite::Database& db, std::string_view username) {
  return query_user(db, select_user_by_name_sql, std::string(username), "named '" + std::string(username) + "'");
}

result<std::vector<std::pair<user_id, std::string>>> usernames_with_roles(SQLite::Database& db, organisation_id org,
                                                                          const std::vector<role>& roles) {
  if (roles.empty() || roles.size() > max_roles_asked) return fail(errc::invalid_argument, "ask for one to four roles");
  return guarded("list usernames", [&]() -> result<std::vector<std::pair<user_id, std::string>>> {
    statement_lease query(db, select_usernames_with_roles_sql);
    query->bind(1, org);
    // Unused places repeat the first role.
    for (std::size_t i = 0; i < max_roles_asked; ++i)
      query->bind(static_cast<int>(i + 2), std::string(to_string(roles[i < roles.size() ? i : 0])));
    std::vector<std::pair<user_id, std::string>> found;
    while (query->executeStep()) found.emplace_back(query->getColumn(0).getInt64(), query->getColumn(1).getString());
    return found;
  });
}

result<void> set_user_roles(SQLite::Database& db, user_id id, std::vector<role> roles) {
  if (auto problem = roles_problem(roles)) return fail(errc::invalid_argument, *problem);
  return guarded("set user roles", [&]() -> result<void> {
    write_transaction transaction(db);
    statement_lease remove(db, delete_user_roles_sql);
    remove->bind(1, id);
    remove->exec();
    insert_roles(db, id, roles);
    transaction.commit();
    return {};
  });
}

result<void> set_user_disabled(SQLite::Database& db, user_id id, bool disabled) {
  return guarded("set user disabled", [&]() -> result<void> {
    write_transaction transaction(db);
    statement_lease update(db, update_user_disabled_sql);
    update->bind(1, disabled ? 1 : 0);
    update->bind(2, id);
    if (update->exec() == 0) return fail(errc::not_found, "no user with id " + std::to_string(id));
    transaction.commit();
    return {};
  });
}

}  // namespace casechain::core::store
