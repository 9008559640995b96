#include "core/audit/audit_entry.hpp"

namespace casechain::core::audit {

std::string_view to_string(outcome o) {
  switch (o) {
    case outcome::allowed: return "allowed";
    case outcome::denied: return "denied";
    case outcome::failed: return "failed";
  }
  return "failed";
}

std::optional<outcome> parse_outcome(std::string_view text) {
  for (auto o : {outcome::allowed, outcome::denied, outcome::failed})
    if (to_string(o) == text) return o;
  return std::nullopt;
}

}  // namespace casechain::core::audit
