#include "api/http/router.hpp"

#include "api/http/problem.hpp"

#include <algorithm>
#include <charconv>

namespace casechain::api {
namespace {

// The next segment of `path` (slashes skipped), taken off its front; empty when none is left.
std::string_view next_segment(std::string_view& path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  auto segment = path.substr(0, path.find('/'));
  path.remove_prefix(segment.size());
  return segment;
}

enum class match { none, yes, bad_id };

// Walks pattern and path segment by segment, without splitting them into
// vectors: every request is matched against every route, so this is hot.
match match_path(std::string_view pattern, std::string_view path, std::vector<std::int64_t>& ids) {
  bool bad_id = false;
  std::vector<std::int64_t> found;
  while (true) {
    auto want = next_segment(pattern), have = next_segment(path);
    if (want.empty() || have.empty()) {
      if (!want.empty() || !have.empty()) return match::none;  // a different number of segments
      break;
    }
    if (want == "{id}") {
      std::int64_t id = 0;
      auto [end, ec] = std::from_chars(have.data(), have.data() + have.size(), id);
      if (ec != std::errc{} || end != have.data() + have.size() || id <= 0) bad_id = true;
      found.push_back(id);
    } else if (want != have) {
      return match::none;
    }
  }
  if (bad_id) return match::bad_id;
  ids = std::move(found);
  return match::yes;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') out += ' ';
    else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else out += text[i];
  }
  return out;
}

std::map<std::string, std::string> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    auto eq = pair.find('=');
    if (!pair.empty()) out[url_decode(pair.substr(0, eq))] = eq == std::string_view::npos ? "" : url_decode(pair.substr(eq + 1));
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
  }
  return out;
}

// The session token from "Authorization: Bearer ..." or from the session cookie.
std::optional<std::string> token_of(const request& req, bool& from_cookie) {
  from_cookie = false;
  if (auto auth = req.find(http::field::authorization); auth != req.end()) {
    std::string_view value = auth->value();
    if (value.substr(0, 7) == "Bearer ") return std::string(value.substr(7));
    return std::nullopt;
  }
  if (auto cookie = req.find(http::field::cookie); cookie != req.end()) {
    std::string_view value = cookie->value();
    while (!value.empty()) {
      auto semi = value.find(';');
      auto part = value.substr(0, semi);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      if (part.substr(0, session_cookie.size()) == session_cookie && part.size() > session_cookie.size() &&
          part[session_cookie.size()] == '=') {
        from_cookie = true;
        return std::string(part.substr(session_cookie.size() + 1));
      }
      value = semi == std::string_view::npos ? std::string_view{} : value.substr(semi + 1);
    }
  }
  return std::nullopt;
}

bool safe_method(http::verb v) { return v == http::verb::get || v == http::verb::head || v == http::verb::options; }

response unauthorized(const request_context& c, std::string_view detail) {
  auto r = problem(http::status::unauthorized, detail, c.request_id, {}, c.req.version());
  r.set(http::field::www_authenticate, "Bearer");
  return r;
}

}  // namespace

response json_response(http::status status, std::string body, unsigned version) {
  response r{status, version};
  r.set(http::field::content_type, "application/json");
  r.body() = std::move(body);
  return r;
}

std::string router::pattern_of(http::verb method, std::string_view target) const {
  auto path = target.substr(0, target.find('?'));
  std::vector<std::int64_t> ids;
  for (const auto& r : routes_)
    if (r.method == method && match_path(r.pattern, path, ids) == match::yes) return r.pattern;
  return "";
}

bool router::needs_database(http::verb method, std::string_view target) const {
  auto path = target.substr(0, target.find('?'));
  std::vector<std::int64_t> ids;
  for (const auto& r : routes_)
    if (r.method == method && match_path(r.pattern, path, ids) == match::yes) return r.needs_database;
  return true;
}

response router::handle(request_context& c) const {
  std::string_view target = c.req.target();
  auto question = target.find('?');
  auto path = target.substr(0, question);
  if (question != std::string_view::npos) c.query = parse_query(target.substr(question + 1));

  const route* found = nullptr;
  bool other_method = false, bad_id = false;
  std::string allowed;
  for (const auto& r : routes_) {
    std::vector<std::int64_t> ids;
    auto m = match_path(r.pattern, path, ids);
    if (m == match::bad_id) bad_id = true;
    if (m != match::yes) continue;
    if (r.method != c.req.method()) {
      other_method = true;
      allowed += (allowed.empty() ? "" : ", ") + std::string(http::to_string(r.method));
      continue;
    }
    if (!found) {
      found = &r;
      c.ids = std::move(ids);
    }
  }
  if (!found) {
    if (other_method) {
      auto r = problem(http::status::method_not_allowed, "this path does not take " + std::string(c.req.method_string()),
                       c.request_id, {}, c.req.version());
      r.set(http::field::allow, allowed);
      return r;
    }
    if (bad_id) return problem(http::status::bad_request, "an id in the path is not a positive whole number", c.request_id, {}, c.req.version());
    return problem(http::status::not_found, "there is nothing at this path", c.request_id, {}, c.req.version());
  }

  c.purpose = std::string(c.req.method_string()) + " " + found->pattern;
  if (!found->is_public) {
    bool from_cookie = false;
    auto token = token_of(c.req, from_cookie);
    if (!token) return unauthorized(c, "log in first: send the session token as a bearer token or cookie");
    // Most requests need only a reader; the writer only when the session is touched (once a minute) or ends.
    bool needs_write = false;
    auto who = c.app.db().read([&](SQLite::Database& db) {
      return core::auth::authenticate_without_writing(db, *token, c.app.settings().sessions, c.now, needs_write);
    });
    if (needs_write)
      who = c.app.db().write([&](SQLite::Database& db) {
        return core::auth::authenticate(db, *token, c.app.settings().sessions, c.now);
      });
    if (!who) return unauthorized(c, "the session is unknown, ended or expired; log in again");
    c.user = who->user;  // known from here on, so refusals below are audited as theirs
    if (from_cookie && !safe_method(c.req.method())) {
      auto csrf = c.req.find("X-CSRF-Token");
      bool valid = false;
      if (csrf != c.req.end()) {
        auto checked = c.app.db().read([&](SQLite::Database& db) {
          return core::auth::check_csrf(db, who->session_id, csrf->value());
        });
        valid = checked && *checked;
      }
      if (!valid)
        return problem(http::status::forbidden, "a request made with the session cookie needs its X-CSRF-Token header",
                       c.request_id, {}, c.req.version());
    }
    if (!found->roles.empty() &&
        std::none_of(found->roles.begin(), found->roles.end(), [&](core::role r) { return who->user.has_role(r); }))
      return problem(http::status::forbidden, "your role does not allow this", c.request_id, {}, c.req.version());
    c.session_id = who->session_id;
    c.session_token = std::move(*token);
  }

  auto answer = found->run(c);
  if (!answer) return problem(answer.error(), c.request_id, c.req.version());
  return std::move(*answer);
}

}  // namespace casechain::api
