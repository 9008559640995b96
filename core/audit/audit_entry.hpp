#pragma once
// One entry of the audit trail: who did what to which case and data
// categories, on which legal basis, and how it ended. Never a sensitive
// value: categories name kinds of data, purpose names a route or command.

#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <array>
#include <optional>
#include <string>

namespace casechain::core::audit {

// What was done. Kept as text in the trail so new kinds need no migration.
namespace action {
inline constexpr std::string_view read = "read";
inline constexpr std::string_view write = "write";
inline constexpr std::string_view deny = "deny";
inline constexpr std::string_view export_data = "export";
inline constexpr std::string_view log_in = "log_in";
inline constexpr std::string_view log_in_failed = "log_in_failed";
inline constexpr std::string_view log_out = "log_out";
// A reloaded page took up its session again (with a new CSRF token).
inline constexpr std::string_view session_resumed = "session_resumed";
inline constexpr std::string_view emergency_access = "emergency_access";
inline constexpr std::string_view verify = "audit_verify";
}  // namespace action

enum class outcome { allowed, denied, failed };
std::string_view to_string(outcome o);
std::optional<outcome> parse_outcome(std::string_view text);

using entry_hash = std::array<unsigned char, 32>;

struct audit_entry {
  std::int64_t id = 0;  // given when appended: the previous entry's id + 1
  timestamp at{};
  std::optional<user_id> user;
  std::optional<organisation_id> organisation;
  std::string roles;  // the user's roles, comma-separated
  std::string action;
  std::optional<case_id> case_ref;
  std::string category;     // data categories touched, comma-separated
  std::string legal_basis;  // the basis per category, in the same order
  std::string purpose;      // "GET /api/v1/cases/{id}", "casechain export"
  outcome result = outcome::allowed;
  std::string request_id;
  entry_hash hash{};  // set when appended
};

}  // namespace casechain::core::audit
