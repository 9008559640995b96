#pragma once
// The OpenAPI 3.1 document of a router's routes.

#include "api/http/router.hpp"

#include <string>

namespace casechain::api {

std::string openapi_document(const router& r);

}  // namespace casechain::api
