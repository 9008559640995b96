#include "core/store/session_store.hpp"

#include "core/store/sqlite_error.hpp"
#include "core/store/statement_cache.hpp"
#include "core/store/write_transaction.hpp"

#include <SQLiteCpp/Statement.h>

namespace casechain::core::store {
namespace {

constexpr std::size_t hash_bytes = 32;
constexpr std::size_t max_address_length = 255;

constexpr auto insert_session_sql =
    "INSERT INTO sessions (token_hash, csrf_hash, user_id, created_at, last_seen_at, address) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr auto select_active_session_by_token_sql =
    "SELECT id, user_id, csrf_hash, created_at, last_seen_at, ended_at, address FROM sessions "
    "WHERE token_hash = ? AND ended_at IS NULL";
constexpr auto select_session_by_id_sql =
    "SELECT id, user_id, csrf_hash, created_at, last_seen_at, ended_at, address FROM sessions WHERE id = ?";
constexpr auto update_session_last_seen_sql =
    "UPDATE sessions SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL";
constexpr auto update_session_csrf_sql = "UPDATE sessions SET csrf_hash = ? WHERE id = ? AND ended_at IS NULL";
constexpr auto update_session_ended_sql = "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL";
constexpr auto update_user_sessions_ended_sql =
    "UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL";

// Hashes are bound as BLOBs: SQLite never finds a TEXT value equal to a BLOB.
void bind_blob(SQLite::Statement& s, int index, std::string_view bytes) {
  s.bind(index, static_cast<const void*>(bytes.data()), static_cast<int>(bytes.size()));
}

std::string read_blob(const SQLite::Column& column) {
  if (column.getBytes() <= 0) return {};  // getBlob() is null for an empty value
  return std::string(static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes()));
}

session read_session(SQLite::Statement& row) {
  session s;
  s.id = row.getColumn(0).getInt64();
  s.user = row.getColumn(1).getInt64();
  s.csrf_hash = read_blob(row.getColumn(2));
  s.created_at = parse_timestamp(row.getColumn(3).getString()).value_or(timestamp{});
  s.last_seen_at = parse_timestamp(row.getColumn(4).getString()).value_or(timestamp{});
  if (!row.getColumn(5).isNull()) s.ended_at = parse_timestamp(row.getColumn(5).getString()).value_or(timestamp{});
  s.address = row.getColumn(6).getString();
  return s;
}

result<session> query_session(SQLite::Database& db, const char* sql, auto bind_key) {
  return guarded("read session", [&]() -> result<session> {
    statement_lease query(db, sql);
    bind_key(*query);
    if (!query->executeStep()) return fail(errc::not_found, "no such session");
    return read_session(*query);
  });
}

// Runs one UPDATE of a single session in its own transaction; not_found when no open session matched.
result<void> update_open_session(SQLite::Database& db, const char* sql, session_id id, timestamp value,
                                 std::string_view operation) {
  return guarded(operation, [&]() -> result<void> {
    write_transaction transaction(db);
    statement_lease update(db, sql);
    update->bind(1, format_timestamp(value));
    update->bind(2, id);
    if (update->exec() == 0) return fail(errc::not_found, "no open session with id " + std::to_string(id));
    transaction.commit();
    return {};
  });
}

}  // namespace

result<session> add_session(SQLite::Database& db, user_id user, std::string_view token_hash,
                            std::string_view csrf_hash, std::string_view address, timestamp now) {
  if (token_hash.size() != hash_bytes || csrf_hash.size() != hash_bytes)
    return fail(errc::invalid_argument, "session hashes must be 32 bytes");
  if (address.size() > max_address_length)
    return fail(errc::invalid_argument, "client address: expected at most 255 characters");
  return guarded("add session", [&]() -> result<session> {
    write_transaction transaction(db);
    statement_lease insert(db, insert_session_sql);
    bind_blob(*insert, 1, token_hash);
    bind_blob(*insert, 2, csrf_hash);
    insert->bind(3, user);
    insert->bind(4, format_timestamp(now));
    insert->bind(5, format_timestamp(now));
    insert->bind(6, std::string(address));
    insert->exec();
    session created{db.getLastInsertRowid(), user, std::string(csrf_hash), now, now, std::nullopt,
                    std::string(address)};
    transaction.commit();
    return created;
  });
}

result<session> find_active_session(SQLite::Database& db, std::string_view token_hash) {
  // A wrong-sized hash cannot match; no need to ask the database.
  if (token_hash.size() != hash_bytes) return fail(errc::not_found, "no such session");
  return query_session(db, select_active_session_by_token_sql,
                       [&](SQLite::Statement& query) { bind_blob(query, 1, token_hash); });
}

result<session> get_session(SQLite::Database& db, session_id id) {
  return query_session(db, select_session_by_id_sql, [&](SQLite::Statement& query) { query.bind(1, id); });
}

result<void> touch_session(SQLite::Database& db, session_id id, timestamp now) {
  return update_open_session(db, update_session_last_seen_sql, id, now, "touch session");
}

result<void> set_session_csrf(SQLite::Database& db, session_id id, std::string_view csrf_hash) {
  if (csrf_hash.size() != hash_bytes) return fail(errc::invalid_argument, "session hashes must be 32 bytes");
  return guarded("renew the CSRF token", [&]() -> result<void> {
    write_transaction transaction(db);
    statement_lease update(db, update_session_csrf_sql);
    bind_blob(*update, 1, csrf_hash);
    update->bind(2, id);
    if (update->exec() == 0) return fail(errc::not_found, "no open session with id " + std::to_string(id));
    transaction.commit();
    return {};
  });
}

result<void> end_session(SQLite::Database& db, session_id id, timestamp now) {
  return update_open_session(db, update_session_ended_sql, id, now, "end session");
}

result<int> end_user_sessions(SQLite::Database& db, user_id user, timestamp now) {
  return guarded("end sessions of user", [&]() -> result<int> {
    write_transaction transaction(db);
    statement_lease update(db, update_user_sessions_ended_sql);
    update->bind(1, format_timestamp(now));
    update->bind(2, user);
    int ended = update->exec();
    transaction.commit();
    return ended;
  });
}

}  // namespace casechain::core::store
