// The OpenAPI document's body schemas: one entry per route and no other, every
// schema valid JSON with its references resolved, and the field names the
// handlers really take.
#include "api/handlers/openapi_schemas.hpp"
#include "api/handlers/routes.hpp"
#include "tests/support/server_fixture.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <set>

using namespace casechain;
using test::http::status;

namespace {

// Every "$ref" inside `v`.
void collect_refs(const boost::json::value& v, std::set<std::string>& refs) {
  if (const auto* o = v.if_object()) {
    for (const auto& [key, value] : *o) {
      if (key == "$ref" && value.is_string()) refs.insert(std::string(value.get_string()));
      collect_refs(value, refs);
    }
  } else if (const auto* a = v.if_array()) {
    for (const auto& value : *a) collect_refs(value, refs);
  }
}

// The schema with a top-level reference to a shared schema followed.
boost::json::value resolved(std::string_view schema) {
  auto v = boost::json::parse(schema);
  if (const auto* ref = v.as_object().if_contains("$ref")) {
    std::string_view name = ref->as_string();
    name.remove_prefix(std::string_view("#/components/schemas/").size());
    return boost::json::parse(api::shared_schemas().at(name));
  }
  return v;
}

// A fixture user who may call a route with these roles.
std::string caller_for(const std::vector<core::role>& roles) {
  if (roles.empty()) return "manager";
  switch (roles.front()) {
    case core::role::triage: return "triage1";
    case core::role::case_manager: return "manager";
    case core::role::police: return "police";
    case core::role::prosecutor: return "prosecutor";
    case core::role::social_worker: return "social";
    case core::role::coordinator: return "coordinator";
    case core::role::auditor: return "auditor";
    case core::role::admin: return "admin";
  }
  return "manager";
}

}  // namespace

TEST_SUITE("api/openapi") {
  TEST_CASE("every route has body schemas and every schema entry a route") {
    auto router = api::build_router();
    std::set<std::string> routed, described;
    for (const auto& r : router->routes()) routed.insert(api::route_key(r.method, r.pattern));
    for (const auto& [key, bodies] : api::route_body_schemas()) described.insert(key);
    for (const auto& key : routed) {
      CAPTURE(key);
      CHECK(described.count(key) == 1);  // a new route needs its entry in api/handlers/openapi_schemas.cpp
    }
    for (const auto& key : described) {
      CAPTURE(key);
      CHECK(routed.count(key) == 1);  // an entry for a route that does not exist
    }
  }

  TEST_CASE("every schema is JSON and every reference names a shared schema") {
    std::set<std::string> refs;
    for (const auto& [key, bodies] : api::route_body_schemas()) {
      CAPTURE(key);
      CHECK(bodies.request_type.empty() == bodies.request.empty());
      CHECK((bodies.status == 204) == bodies.response.empty());
      for (auto schema : {bodies.request, bodies.response}) {
        if (schema.empty()) continue;
        boost::json::value v;
        CHECK_NOTHROW(v = boost::json::parse(schema));
        CHECK(v.is_object());
        collect_refs(v, refs);
      }
    }
    for (const auto& [name, schema] : api::shared_schemas()) {
      CAPTURE(name);
      boost::json::value v;
      CHECK_NOTHROW(v = boost::json::parse(schema));
      collect_refs(v, refs);
    }
    for (const auto& ref : refs) {
      CAPTURE(ref);
      REQUIRE(ref.starts_with("#/components/schemas/"));
      CHECK(api::shared_schemas().count(ref.substr(std::string_view("#/components/schemas/").size())) == 1);
    }
  }

  TEST_CASE("the served document carries the request and response bodies") {
    test::server_fixture f;
    auto doc = test::json_of(f.client->get("/api/v1/openapi.json"));
    auto& plan = doc.at("paths").at("/api/v1/cases/{id}/interventions").at("post");
    auto& request = plan.at("requestBody").at("content").at("application/json").at("schema");
    CHECK(request.at("required").as_array() == boost::json::array{"organisation", "description"});
    CHECK(plan.at("responses").at("201").at("content").at("application/json").at("schema").at("$ref") ==
          "#/components/schemas/created");
    CHECK(doc.at("paths").at("/api/v1/cases/{id}/members").at("post").at("responses").at("204").as_object().count(
              "content") == 0);
    CHECK(doc.at("paths").at("/api/v1/cases/{id}").at("get").as_object().count("requestBody") == 0);
    CHECK(doc.at("components").at("schemas").at("case_summary").at("properties").as_object().contains("case_manager"));
    for (const auto& [path, operations] : doc.at("paths").as_object())
      for (const auto& [method, operation] : operations.as_object()) {
        CAPTURE(std::string(path));
        CAPTURE(std::string(method));
        bool has_success = false;
        for (const auto& [code, answer] : operation.at("responses").as_object())
          has_success = has_success || code.starts_with("2");
        CHECK(has_success);
      }
  }

  TEST_CASE("each documented request field is one the handler takes, and an undocumented one is refused") {
    test::server_fixture f;
    std::map<std::string, std::string> tokens;
    auto router = api::build_router();
    int checked = 0;
    for (const auto& r : router->routes()) {
      auto found = api::route_body_schemas().find(api::route_key(r.method, r.pattern));
      REQUIRE(found != api::route_body_schemas().end());
      if (found->second.request_type != "application/json") continue;
      std::string target = r.pattern;
      for (auto at = target.find("{id}"); at != std::string::npos; at = target.find("{id}")) target.replace(at, 4, "999999");
      std::map<std::string, std::string> headers;
      if (!r.is_public) {
        auto who = caller_for(r.roles);
        if (!tokens.count(who)) tokens[who] = f.log_in(who);
        headers = test::bearer(tokens[who]);
      }
      CAPTURE(target);
      auto request_schema = resolved(found->second.request);
      for (const auto& [field, schema] : request_schema.at("properties").as_object()) {
        CAPTURE(std::string(field));
        auto answer = f.client->send(r.method, target, "{\"" + std::string(field) + "\": null}", headers);
        CHECK(answer.result() != status::unauthorized);
        CHECK(answer.result() != status::forbidden);
        CHECK(answer.body().find("unknown field") == std::string::npos);
        ++checked;
      }
      auto unknown = f.client->send(r.method, target, R"({"not_a_documented_field": null})", headers);
      CHECK(unknown.result() == status::bad_request);
      CHECK(unknown.body().find("unknown field") != std::string::npos);
    }
    CHECK(checked >= 40);
  }
}
