#pragma once
// Log-in sessions: checking a password and starting a session, finding the
// user behind a session token on every request, CSRF checks and log-out.
// Owns the session policy (idle and absolute timeouts, what ends a session);
// the rows live in core/store/session_store, throttling of failed log-ins in
// core/auth/login_throttle (the caller asks it before log_in and tells it the
// outcome), cookies and HTTP in the API layer. Tokens exist in clear only in
// new_session and in the client; the database holds their SHA-256 hashes.
// Errors: unauthenticated for every refusal, with one message per function
// so a refusal never tells which check failed; unavailable/internal from the
// store. Users returned here carry no password hash.
// Thread safety: stateless; each call uses the connection it is given.

#include "core/auth/password.hpp"
#include "core/error.hpp"
#include "core/model/organisation.hpp"
#include "core/util/time.hpp"

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace casechain::core::auth {

struct session_settings {
  std::chrono::seconds idle{30 * 60};        // since the last request
  std::chrono::seconds absolute{12 * 3600};  // since log-in, however busy
};

// The only time the tokens exist in clear: hand them to the client and drop them.
struct new_session {
  std::string token;       // goes in the session cookie
  std::string csrf_token;  // echoed by the browser in a header on every change
  core::user user;
};

// Checks the password and starts a session. Unknown user, disabled user and
// wrong password all give the SAME error (errc::unauthenticated, "wrong
// username or password") and take about the same time: an unknown user costs
// one Argon2 hash of the given password, a known one its verification.
// `address` (at most 255 characters) is kept for the audit.
result<new_session> log_in(SQLite::Database& db, const password_hasher& hasher, std::string_view username,
                           std::string_view password, std::string_view address, timestamp now);

struct authenticated {
  core::user user;
  std::int64_t session_id = 0;
};

// The user behind `token`, read fresh from the database every time, so a
// disabled user or changed roles take effect on the next request.
// unauthenticated when the token is malformed or unknown, the session ended,
// idle longer than settings.idle, older than settings.absolute, or the user is
// disabled or gone; a session refused for any reason but the first two is
// ended, so it stays dead even if the settings are loosened later. Touches
// last_seen at most once a minute (to spare writes), so idle time is measured
// to within a minute; a failed touch does not fail the request.
result<authenticated> authenticate(SQLite::Database& db, std::string_view token, const session_settings& settings,
                                   timestamp now);
// authenticate() without writing, for a reader connection: when the session
// must be touched or ended, `needs_write` is set and the caller calls
// authenticate() on a writer (which checks again and writes).
result<authenticated> authenticate_without_writing(SQLite::Database& db, std::string_view token,
                                                   const session_settings& settings, timestamp now, bool& needs_write);

// Whether `csrf_token` belongs to session `session_id`, compared in constant
// time; false for an ended session; not_found for an unknown session id.
result<bool> check_csrf(SQLite::Database& db, std::int64_t session_id, std::string_view csrf_token);

// A new CSRF token for session `session_id` (a page reloaded with its cookie
// resumes the session but lost the token it kept in memory); the old one is
// refused from now on. not_found when the session is unknown or ended.
result<std::string> renew_csrf(SQLite::Database& db, std::int64_t session_id);

// Ends the session of `token`, whether or not it has timed out;
// unauthenticated when the token is unknown or its session already ended
// (the API may well answer "logged out" anyway).
result<void> log_out(SQLite::Database& db, std::string_view token, timestamp now);

}  // namespace casechain::core::auth
