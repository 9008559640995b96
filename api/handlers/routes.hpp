#pragma once
// The HTTPS API's routes, one group per file, and the router that holds them all.

#include "api/http/router.hpp"

#include <memory>

namespace casechain::api {

void add_session_routes(router& r);
void add_report_routes(router& r);
void add_triage_view_routes(router& r);
void add_case_routes(router& r);
void add_case_work_routes(router& r);
void add_case_view_routes(router& r);
void add_admin_routes(router& r);
void add_secrecy_routes(router& r);
void add_audit_routes(router& r);
void add_stats_routes(router& r);
void add_openapi_route(router& r);

// Every route of the API. The router stays where it is made (its OpenAPI
// route refers to it).
std::unique_ptr<router> build_router();

}  // namespace casechain::api
