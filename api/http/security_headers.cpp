#include "api/http/security_headers.hpp"

namespace casechain::api {

void add_security_headers(response& r) {
  r.set(http::field::strict_transport_security, "max-age=63072000; includeSubDomains");
  r.set(http::field::cache_control, "no-store");
  r.set("X-Content-Type-Options", "nosniff");
  r.set("Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  r.set("Referrer-Policy", "no-referrer");
  r.set("X-Frame-Options", "DENY");
  r.erase(http::field::server);
}

}  // namespace casechain::api
