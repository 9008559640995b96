#include "core/auth/sessions.hpp"

#include "core/auth/tokens.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/session_store.hpp"

namespace casechain::core::auth {
namespace {

constexpr std::string_view wrong_credentials = "wrong username or password";
constexpr std::string_view not_logged_in = "not logged in, or the session has expired; please log in again";
// A session's last_seen is written at most this often: one write a minute per
// active user instead of one per request.
constexpr std::chrono::seconds touch_interval{60};
// No password the policy accepts (256 characters of up to 4 UTF-8 bytes) is
// longer; refusing longer ones early keeps huge inputs away from Argon2.
constexpr std::size_t max_password_bytes = 1024;

error refused_log_in() { return fail(errc::unauthenticated, std::string(wrong_credentials)); }
error refused_session() { return fail(errc::unauthenticated, std::string(not_logged_in)); }

// Ends a session being refused. A failure here does not change the answer
// (the request is refused either way) and the next request will try again.
void end_refused(SQLite::Database& db, store::session_id id, timestamp now) {
  (void)store::end_session(db, id, now);
}

}  // namespace

result<new_session> log_in(SQLite::Database& db, const password_hasher& hasher, std::string_view username,
                           std::string_view password, std::string_view address, timestamp now) {
  if (password.size() > max_password_bytes) return refused_log_in();
  auto found = store::find_user(db, username);
  if (!found) {
    if (found.error().code != errc::not_found) return found.error();
    // Same work as a verification, so the answer's timing does not tell
    // whether the username exists.
    (void)hasher.hash(password);
    return refused_log_in();
  }
  // Verify even for a disabled user: same time, and the same answer below.
  bool password_ok = hasher.verify(password, found->password_hash);
  if (!password_ok || found->disabled) return refused_log_in();

  new_session created{new_token(), new_token(), std::move(*found)};
  created.user.password_hash.clear();
  auto added = store::add_session(db, created.user.id, token_hash(created.token), token_hash(created.csrf_token),
                                  address, now);
  if (!added) return added.error();
  return created;
}

namespace {

// The checks of authenticate(). With `may_write` false nothing is written:
// `needs_write` tells the caller that the session must be touched or ended,
// which authenticate() on a writer then does.
result<authenticated> check_session(SQLite::Database& db, std::string_view token, const session_settings& settings,
                                    timestamp now, bool may_write, bool& needs_write) {
  needs_write = false;
  if (!looks_like_token(token)) return refused_session();
  // Looking up by hash is not a timing oracle: learning which hash prefixes
  // exist does not help to find a token with that hash.
  auto found = store::find_active_session(db, token_hash(token));
  if (!found) return found.error().code == errc::not_found ? refused_session() : found.error();
  const store::session& s = *found;

  if (now - s.last_seen_at > settings.idle || now - s.created_at > settings.absolute) {
    if (may_write) end_refused(db, s.id, now);
    else needs_write = true;
    return refused_session();
  }
  auto user = store::get_user(db, s.user);
  if (!user && user.error().code != errc::not_found) return user.error();
  if (!user || user->disabled) {
    if (may_write) end_refused(db, s.id, now);
    else needs_write = true;
    return refused_session();
  }
  if (now - s.last_seen_at >= touch_interval) {
    // A failed touch (busy database) only makes the session look idle sooner;
    // refusing an otherwise valid request for it would be worse.
    if (may_write) (void)store::touch_session(db, s.id, now);
    else needs_write = true;
  }

  authenticated who{std::move(*user), s.id};
  who.user.password_hash.clear();
  return who;
}

}  // namespace

result<authenticated> authenticate(SQLite::Database& db, std::string_view token, const session_settings& settings,
                                   timestamp now) {
  bool ignored = false;
  return check_session(db, token, settings, now, true, ignored);
}

result<authenticated> authenticate_without_writing(SQLite::Database& db, std::string_view token,
                                                   const session_settings& settings, timestamp now, bool& needs_write) {
  return check_session(db, token, settings, now, false, needs_write);
}

result<bool> check_csrf(SQLite::Database& db, std::int64_t session_id, std::string_view csrf_token) {
  auto found = store::get_session(db, session_id);
  if (!found) return found.error();
  // Hashing first makes both sides 32 bytes, so the comparison's time does
  // not depend on the length or content of what the client sent.
  bool matches = same_secret(token_hash(csrf_token), found->csrf_hash);
  return matches && !found->ended_at;
}

result<std::string> renew_csrf(SQLite::Database& db, std::int64_t session_id) {
  auto csrf_token = new_token();
  auto set = store::set_session_csrf(db, session_id, token_hash(csrf_token));
  if (!set) return set.error();
  return csrf_token;
}

result<void> log_out(SQLite::Database& db, std::string_view token, timestamp now) {
  if (!looks_like_token(token)) return refused_session();
  auto found = store::find_active_session(db, token_hash(token));
  if (!found) return found.error().code == errc::not_found ? refused_session() : found.error();
  auto ended = store::end_session(db, found->id, now);
  // Ended by a concurrent request in between: the outcome the caller wanted.
  if (!ended && ended.error().code == errc::not_found) return {};
  return ended;
}

}  // namespace casechain::core::auth
