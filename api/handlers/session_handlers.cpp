// Log-in, log-out, who am I, and the liveness probe.
#include "api/handlers/handler_support.hpp"
#include "api/http/audit_trail.hpp"
#include "api/handlers/routes.hpp"

namespace casechain::api {
namespace {

core::result<response> health(request_context& c) {
  return answer(c, http::status::ok, [](core::json_writer& w) {
    w.begin_object();
    w.field("status", "ok");
    w.end_object();
  });
}

core::result<response> log_in(request_context& c) {
  auto in = read_json(c, {"username", "password"});
  if (in.problem) return std::move(*in.problem);
  auto username = string_field(*in.body, "username", 64);
  auto password = string_field(*in.body, "password", 256);
  if (!username) return username.error();
  if (!password) return password.error();
  if (!*username || !*password) return core::fail(core::errc::invalid_argument, "send username and password");
  auto& throttle = c.app.throttle();
  if (auto wait = throttle.retry_after(**username, c.client_address, c.now)) {
    auto r = problem(http::status::too_many_requests, "too many failed log-ins; try again later", c.request_id, {},
                     c.req.version());
    r.set(http::field::retry_after, std::to_string(wait->count()));
    record(c, core::audit::action::log_in_failed, std::nullopt, {}, {}, core::audit::outcome::denied);
    return r;
  }
  // The session and its log-in entry commit together: a crash or a full disk
  // never leaves a session that the audit trail does not know of.
  auto session = c.app.db().write([&](SQLite::Database& db) {
    return core::store::guarded("log in", [&]() -> core::result<core::auth::new_session> {
      core::store::write_transaction transaction(db);
      auto made = core::auth::log_in(db, c.app.hasher(), **username, **password, c.client_address, c.now);
      if (!made) return made;
      c.user = made->user;
      record(c, core::audit::action::log_in, std::nullopt);
      if (!core::store::append_audit_entries(db, c.app.audit_key(), c.audit))
        return core::fail(core::errc::unavailable, "the log-in could not be recorded in the audit trail; try again shortly");
      transaction.commit();
      c.audit_committed = true;
      return made;
    });
  });
  if (!session) {
    // A log-in entry whose transaction did not commit, for nobody logged in.
    c.audit.clear();
    c.user.reset();
    if (session.error().code == core::errc::unauthenticated) throttle.record_failure(**username, c.client_address, c.now);
    // Never the username typed: it may be a password typed in the wrong field.
    record(c, core::audit::action::log_in_failed, std::nullopt, {}, {}, core::audit::outcome::denied);
    return session.error();
  }
  throttle.record_success(**username, c.client_address);
  auto r = answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.field("token", session->token);
    w.field("csrf_token", session->csrf_token);
    w.key("user");
    write_user(w, session->user);
    w.end_object();
  });
  r->set(http::field::set_cookie, std::string(session_cookie) + "=" + session->token +
                                      "; Path=/; Secure; HttpOnly; SameSite=Strict");
  return r;
}

core::result<response> log_out(request_context& c) {
  record(c, core::audit::action::log_out, std::nullopt);
  auto ended = audited_write(c, [&](SQLite::Database& db) { return core::auth::log_out(db, c.session_token, c.now); });
  if (!ended) return ended.error();
  response r{http::status::no_content, c.req.version()};
  r.set(http::field::set_cookie, std::string(session_cookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
  return r;
}

// A reloaded page keeps its session: the cookie proves it, and the CSRF token
// the page held in memory is replaced (the old one is refused from now on).
// Only the cookie's owner can read the answer (SameSite=Strict, same origin).
core::result<response> resume(request_context& c) {
  record(c, core::audit::action::session_resumed, std::nullopt);
  auto renewed = audited_write(c, [&](SQLite::Database& db) { return core::auth::renew_csrf(db, c.session_id); });
  if (!renewed) return renewed.error();
  return answer(c, http::status::ok, [&](core::json_writer& w) {
    w.begin_object();
    w.field("csrf_token", *renewed);
    w.key("user");
    write_user(w, *c.user);
    w.end_object();
  });
}

core::result<response> me(request_context& c) {
  return answer(c, http::status::ok, [&](core::json_writer& w) { write_user(w, *c.user); });
}

}  // namespace

void add_session_routes(router& r) {
  r.add({http::verb::get, "/healthz", {}, true, "Liveness: answers when the server runs.", health, false});
  r.add({http::verb::post, "/api/v1/session", {}, true, "Log in with username and password.", log_in});
  r.add({http::verb::get, "/api/v1/session", {}, false,
         "Resume the session of the cookie (a reloaded page): the user and a new CSRF token; the old one is refused from now on.",
         resume});
  r.add({http::verb::delete_, "/api/v1/session", {}, false, "Log out: the session ends.", log_out});
  r.add({http::verb::get, "/api/v1/me", {}, false, "The logged-in user.", me});
}

}  // namespace casechain::api
