#pragma once
// How long each category of a family's records is kept, from a versioned
// JSON file (core/retention/policies/retention-1.json built in, or an
// override file). A family is erased as one unit, when every period that
// applies to it has run out:
//   closed_help_offer    after the closing of each track-1 case,
//   closed_chain_case    after the closing of each track-2/3 case,
//   report_without_case  after the family's latest report (so a report that
//                        never became a case, or came after the last case, counts too).
// A family with an open case is never due. Persons are erased with the last
// family that still names them; the audit trail is never erased (its entries
// hold no values). Every period must be present; unknown keys are load errors.

#include "core/error.hpp"
#include "core/util/time.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace casechain::core::retention {

struct period {
  int years = 0;
  int days = 0;
  bool operator==(const period&) const = default;
};

// `t` moved on by the period: calendar years (29 February becomes 28
// February in a year without one), then days.
timestamp after(timestamp t, const period& p);

struct retention_policy {
  std::string version;  // "retention-1", or the override file's "retention-<version>"
  period closed_help_offer;
  period closed_chain_case;
  period report_without_case;
};

// Errors: invalid_argument naming the key that is wrong.
result<retention_policy> parse_retention_policy(std::string_view json_text);
// The built-in policy (retention-1).
retention_policy builtin_retention_policy();
// The override file when given, else the data folder's retention.json when
// there is one, else the built-in policy.
result<retention_policy> load_retention_policy(const std::optional<std::filesystem::path>& override_file,
                                               const std::filesystem::path& data_folder_file);

}  // namespace casechain::core::retention
