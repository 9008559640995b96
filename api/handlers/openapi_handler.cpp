// The OpenAPI 3.1 document of the API, made from the router's own table, so
// every route is documented with its roles and no documented route is missing;
// the bodies' schemas come from the table in openapi_schemas.cpp.
#include "api/handlers/handler_support.hpp"
#include "api/handlers/openapi.hpp"
#include "api/handlers/openapi_schemas.hpp"
#include "api/handlers/routes.hpp"

#include <map>

namespace casechain::api {
namespace {

std::string lower(std::string_view method) {
  std::string out(method);
  for (auto& ch : out) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return out;
}

void write_error(core::json_writer& w, const char* code, const char* description) {
  w.key(code);
  w.begin_object();
  w.field("description", description);
  w.key("content");
  w.begin_object();
  w.key("application/problem+json");
  w.begin_object();
  w.key("schema");
  w.begin_object();
  w.field("$ref", "#/components/schemas/problem");
  w.end_object();
  w.end_object();
  w.end_object();
  w.end_object();
}

// {"content": {TYPE: {"schema": SCHEMA}}} inside an open object.
void write_content(core::json_writer& w, std::string_view type, std::string_view schema) {
  w.key("content");
  w.begin_object();
  w.key(type);
  w.begin_object();
  w.key("schema");
  w.raw(schema);
  w.end_object();
  w.end_object();
}

// The request body (when the route takes one) and the success answer, from the schema table.
void write_bodies(core::json_writer& w, const route& x) {
  const auto& table = route_body_schemas();
  auto found = table.find(route_key(x.method, x.pattern));
  if (found == table.end()) {  // a test fails on this; the document still lists the route
    w.key("responses");
    w.begin_object();
    w.key("200");
    w.begin_object();
    w.field("description", "done");
    w.end_object();
    return;
  }
  const auto& bodies = found->second;
  if (!bodies.request_type.empty()) {
    w.key("requestBody");
    w.begin_object();
    w.field("required", true);
    write_content(w, bodies.request_type, bodies.request);
    w.end_object();
  }
  w.key("responses");
  w.begin_object();
  w.key(std::to_string(bodies.status));
  w.begin_object();
  w.field("description", bodies.response.empty() ? "done; no body" : "done");
  if (!bodies.response.empty()) write_content(w, "application/json", bodies.response);
  w.end_object();
}

}  // namespace

std::string openapi_document(const router& r) {
  std::map<std::string, std::vector<const route*>> by_path;
  for (const auto& x : r.routes()) by_path[x.pattern].push_back(&x);
  std::string out;
  core::json_writer w(out);
  w.begin_object();
  w.field("openapi", "3.1.0");
  w.key("info");
  w.begin_object();
  w.field("title", "CaseChain API");
  w.field("version", "1");
  w.end_object();
  w.key("paths");
  w.begin_object();
  for (const auto& [path, routes] : by_path) {
    w.key(path);
    w.begin_object();
    for (const auto* x : routes) {
      w.key(lower(http::to_string(x->method)));
      w.begin_object();
      w.field("summary", x->summary);
      if (path.find("{id}") != std::string::npos) {
        w.key("parameters");
        w.begin_array();
        w.begin_object();
        w.field("name", "id");
        w.field("in", "path");
        w.field("required", true);
        w.key("schema");
        w.begin_object();
        w.field("type", "integer");
        w.field("minimum", std::int64_t{1});
        w.end_object();
        w.end_object();
        w.end_array();
      }
      w.key("security");
      w.begin_array();
      if (!x->is_public) {
        w.begin_object();
        w.key("bearer");
        w.begin_array();
        w.end_array();
        w.end_object();
        w.begin_object();
        w.key("cookie");
        w.begin_array();
        w.end_array();
        w.end_object();
      }
      w.end_array();
      w.key("x-roles");
      w.begin_array();
      for (auto role : x->roles) w.string(core::to_string(role));
      w.end_array();
      write_bodies(w, *x);  // opens "responses", with the success answer
      write_error(w, "400", "malformed input, naming the field");
      if (!x->is_public) {
        write_error(w, "401", "not logged in, or the session expired");
        write_error(w, "403", "the role does not allow this");
      }
      if (path.find("{id}") != std::string::npos) write_error(w, "404", "no such thing, or one the user may not know");
      write_error(w, "409", "the state does not allow it (for a transition: every unmet guard)");
      write_error(w, "500", "an unexpected fault, with its request id");
      w.end_object();
      w.end_object();
    }
    w.end_object();
  }
  w.end_object();
  w.key("components");
  w.begin_object();
  w.key("securitySchemes");
  w.begin_object();
  w.key("bearer");
  w.begin_object();
  w.field("type", "http");
  w.field("scheme", "bearer");
  w.end_object();
  w.key("cookie");
  w.begin_object();
  w.field("type", "apiKey");
  w.field("in", "cookie");
  w.field("name", session_cookie);
  w.end_object();
  w.end_object();
  w.key("schemas");
  w.begin_object();
  for (const auto& [name, schema] : shared_schemas()) {
    w.key(name);
    w.raw(schema);
  }
  w.end_object();
  w.end_object();
  w.end_object();
  return out;
}

void add_openapi_route(router& r) {
  r.add({http::verb::get, "/api/v1/openapi.json", {}, true, "This document.", [&r](request_context& c) {
           return core::result<response>(json_response(http::status::ok, openapi_document(r), c.req.version()));
         },
         false});
}

std::unique_ptr<router> build_router() {
  auto r = std::make_unique<router>();  // on the heap: the OpenAPI route refers to it
  add_session_routes(*r);
  add_report_routes(*r);
  add_triage_view_routes(*r);
  add_case_routes(*r);
  add_case_work_routes(*r);
  add_case_view_routes(*r);
  add_admin_routes(*r);
  add_secrecy_routes(*r);
  add_audit_routes(*r);
  add_stats_routes(*r);
  add_openapi_route(*r);
  return r;
}

}  // namespace casechain::api
