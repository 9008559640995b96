#include "api/http/problem.hpp"

#include "core/util/json_writer.hpp"

namespace casechain::api {

http::status status_of(core::errc code) {
  switch (code) {
    case core::errc::invalid_argument: return http::status::bad_request;
    case core::errc::not_found: return http::status::not_found;
    case core::errc::already_exists: return http::status::conflict;
    case core::errc::failed_precondition: return http::status::conflict;
    case core::errc::permission_denied: return http::status::forbidden;
    case core::errc::unauthenticated: return http::status::unauthorized;
    case core::errc::resource_exhausted: return http::status::service_unavailable;
    case core::errc::unavailable: return http::status::service_unavailable;
    case core::errc::internal: return http::status::internal_server_error;
  }
  return http::status::internal_server_error;
}

response problem(http::status status, std::string_view detail, std::string_view request_id,
                 const std::vector<field_problem>& fields, unsigned version) {
  std::string body;
  core::json_writer w(body);
  w.begin_object();
  w.field("type", "about:blank");
  w.field("title", http::obsolete_reason(status));
  w.field("status", static_cast<std::int64_t>(status));
  w.field("detail", detail);
  w.field("request_id", request_id);
  if (!fields.empty()) {
    w.key("errors");
    w.begin_array();
    for (const auto& f : fields) {
      w.begin_object();
      w.field("field", f.field);
      w.field("problem", f.problem);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  response r{status, version};
  r.set(http::field::content_type, "application/problem+json");
  // 503 is what a busy database or a full or failing disk answers: worth a retry, not at once.
  if (status == http::status::service_unavailable) r.set(http::field::retry_after, std::to_string(retry_after_seconds));
  r.body() = std::move(body);
  return r;
}

response problem(const core::error& e, std::string_view request_id, unsigned version) {
  return problem(status_of(e.code), e.message, request_id, {}, version);
}

}  // namespace casechain::api
