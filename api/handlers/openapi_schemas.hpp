#pragma once
// The request and response bodies of every route, as JSON Schema (2020-12,
// as OpenAPI 3.1 takes it), for the OpenAPI document. One table keyed by
// "METHOD pattern" ("GET /api/v1/cases/{id}"), apart from the routes so the
// handler files stay as they are; the field names are the handlers' own.
// A test checks that every route has an entry and every entry a route: a
// route added without its schemas fails it. Immutable; thread-safe.

#include "api/http/message.hpp"

#include <map>
#include <string>
#include <string_view>

namespace casechain::api {

struct route_bodies {
  std::string_view request_type;  // the request's content type; empty: no body
  std::string_view request;       // its schema (JSON text)
  unsigned status = 200;          // the success status
  std::string_view response;      // its application/json schema; empty: no body (204)
};

// "GET /api/v1/cases/{id}": the method as HTTP spells it, then the pattern.
std::string route_key(http::verb method, std::string_view pattern);

const std::map<std::string, route_bodies, std::less<>>& route_body_schemas();

// Shared schemas (components/schemas), referred to as "#/components/schemas/NAME".
const std::map<std::string_view, std::string_view>& shared_schemas();

}  // namespace casechain::api
