#pragma once
// Errors as RFC 9457 problem details (application/problem+json), and the one
// place where CaseChain's error codes become HTTP statuses. Details never
// carry stack traces, SQL or personal data: they are the core error's
// message, written for the user.

#include "api/http/message.hpp"
#include "core/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace casechain::api {

http::status status_of(core::errc code);

// Every 503 problem carries Retry-After with this many seconds.
inline constexpr int retry_after_seconds = 5;

struct field_problem {
  std::string field;
  std::string problem;
};

// A problem response; `request_id` is echoed so a user can quote it.
response problem(http::status status, std::string_view detail, std::string_view request_id,
                 const std::vector<field_problem>& fields = {}, unsigned version = 11);
// The problem for a core error.
response problem(const core::error& e, std::string_view request_id, unsigned version = 11);

}  // namespace casechain::api
