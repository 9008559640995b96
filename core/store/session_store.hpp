#pragma once
// Log-in sessions in the store (table `sessions`, schema/0004). The store
// holds only SHA-256 hashes of the session and CSRF tokens, as raw 32-byte
// strings; making tokens, hashing them and deciding whether a session is
// still valid (timeouts, disabled users) belong to core/auth/sessions.
// Sessions are ended, never deleted, so they stay in the audit.
// Every change is one transaction. Errors: invalid_argument for a malformed
// hash or address, not_found for an unknown (or already ended) session or
// an unknown user, unavailable when the database is busy.
// Thread safety: that of the SQLite::Database passed in (one per thread).

#include "core/error.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casechain::core::store {

using session_id = std::int64_t;

// A session as stored. The token hash is not carried: only its owner looks it up.
struct session {
  session_id id = 0;
  user_id user = 0;
  std::string csrf_hash;  // raw SHA-256 of the CSRF token, 32 bytes
  timestamp created_at;
  timestamp last_seen_at;
  std::optional<timestamp> ended_at;  // set once logged out, timed out or refused
  std::string address;
  bool operator==(const session&) const = default;
};

// Starts a session for `user`. Both hashes must be 32 bytes; the address at
// most 255 characters. not_found for an unknown user; already_exists if the
// token hash is taken (only with a broken random source).
result<session> add_session(SQLite::Database& db, user_id user, std::string_view token_hash,
                            std::string_view csrf_hash, std::string_view address, timestamp now);
// The session with this token hash that has not ended; not_found otherwise.
// Does not look at timeouts: that is the caller's policy.
result<session> find_active_session(SQLite::Database& db, std::string_view token_hash);
// Any session by id, ended or not (for CSRF checks and the audit).
result<session> get_session(SQLite::Database& db, session_id id);
// Sets last_seen_at; not_found when the session is unknown or ended.
result<void> touch_session(SQLite::Database& db, session_id id, timestamp now);
// Replaces the session's CSRF hash (32 bytes) when the page resumes it, so
// the old token stops working at once; not_found when unknown or ended.
result<void> set_session_csrf(SQLite::Database& db, session_id id, std::string_view csrf_hash);
// Ends one session (log-out); not_found when unknown or already ended, so
// the first end time is kept.
result<void> end_session(SQLite::Database& db, session_id id, timestamp now);
// Ends every open session of `user` (disabled user, password change); the
// number ended, 0 when there were none.
result<int> end_user_sessions(SQLite::Database& db, user_id user, timestamp now);

}  // namespace casechain::core::store
