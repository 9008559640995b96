#pragma once
// The headers every answer carries, errors included: HSTS, no caching, no
// content sniffing, a strict content security policy, no referrer, no
// framing. No Server header is ever sent.

#include "api/http/message.hpp"

namespace casechain::api {

void add_security_headers(response& r);

}  // namespace casechain::api
