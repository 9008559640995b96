#pragma once
// Routing: every route declares its method, path pattern ("/api/v1/cases/{id}"),
// the roles that may call it (none: public) and its handler. The router
// authenticates (bearer token, or the session cookie with a CSRF token on
// unsafe methods) and checks the roles before any handler runs: 401 for an
// unknown caller, 403 for a forbidden role, 404/405 for unknown paths and
// methods, 400 for a malformed id. Handlers return a response or a core error
// (mapped to problem+json in one place). Thread-safe once built.

#include "api/app/app_state.hpp"
#include "core/audit/audit_entry.hpp"
#include "api/http/message.hpp"
#include "core/model/organisation.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace casechain::api {

inline constexpr std::string_view session_cookie = "__Host-casechain-session";

struct request_context {
  const request& req;
  app_state& app;
  std::string request_id;
  std::string client_address;
  core::timestamp now;
  std::vector<std::int64_t> ids;             // the {id} parts of the path, in order
  std::map<std::string, std::string> query;  // ?a=b&c=d, decoded
  std::optional<core::user> user;            // set on authenticated routes
  std::int64_t session_id = 0;
  std::string session_token;  // never logged
  std::string purpose;        // "GET /api/v1/cases/{id}": the route, for the audit trail
  // The request's audit entries (api/http/audit_trail.hpp): committed with
  // the change they record, or by group commit before the answer leaves.
  std::vector<core::audit::audit_entry> audit;
  bool audit_committed = false;
};

using handler = std::function<core::result<response>(request_context&)>;

struct route {
  http::verb method;
  std::string pattern;
  std::vector<core::role> roles;  // empty: any authenticated user, unless is_public
  bool is_public = false;
  std::string summary;
  handler run;
  // False for routes that never touch the database (health, the OpenAPI
  // document): the I/O thread answers them at once, even when the database
  // workers are saturated.
  bool needs_database = true;
};

class router {
 public:
  void add(route r) { routes_.push_back(std::move(r)); }
  const std::vector<route>& routes() const { return routes_; }

  // The route pattern a path and method resolve to ("" when none), for logs.
  std::string pattern_of(http::verb method, std::string_view target) const;
  // Whether answering needs the database workers: true unless the path and
  // method resolve to a route declared without (unknown paths go the normal way).
  bool needs_database(http::verb method, std::string_view target) const;
  response handle(request_context& context) const;

 private:
  std::vector<route> routes_;
};

// A JSON response with `body`.
response json_response(http::status status, std::string body, unsigned version = 11);

}  // namespace casechain::api
