#pragma once
// The store side of retention (core/retention): legal holds, each family's
// dates that retention periods run from, and erasing one family's records
// whole. Errors: the store's (sqlite_error.hpp); not_found for an unknown
// case or family, or no hold to remove.
// Not thread-safe: one connection per thread.

#include "core/error.hpp"
#include "core/model/ids.hpp"
#include "core/util/time.hpp"

#include <SQLiteCpp/Database.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace casechain::core::store {

struct retention_hold {
  std::int64_t id = 0;
  family_id family = 0;
  std::optional<case_id> case_;  // nullopt: placed on the family
  std::string reason;
  std::string placed_by;
  timestamp placed_at;
};

// On a case (its family is held) or on a family; exactly one of the two.
result<std::int64_t> add_hold(SQLite::Database& db, std::optional<case_id> on_case, std::optional<family_id> on_family,
                              const std::string& reason, const std::string& by, timestamp at);
// Ends the active holds placed on that case (or family); returns how many.
result<std::int64_t> remove_holds(SQLite::Database& db, std::optional<case_id> on_case,
                                  std::optional<family_id> on_family, const std::string& by, timestamp at);
// The active holds, oldest first.
result<std::vector<retention_hold>> list_holds(SQLite::Database& db);

// What retention periods run from, for one family.
struct family_retention_dates {
  family_id family = 0;
  timestamp created_at;
  bool open_case = false;
  bool held = false;
  std::optional<timestamp> help_offer_closed;  // the latest closing of a track-1 case
  std::optional<timestamp> chain_case_closed;  // the latest closing of a track-2/3 case
  std::optional<timestamp> latest_report;
};
// Every family after `after_family`, in id order, at most `limit`.
result<std::vector<family_retention_dates>> family_retention_dates_batch(SQLite::Database& db, family_id after_family,
                                                                         int limit);

enum class erasability { erasable, open_case, held, gone };
// Whether the family may be erased now.
result<erasability> family_erasability(SQLite::Database& db, family_id family);

// What erasing a family removed: rows per kind ("cases", "case_events",
// "care_notes", "reports", "persons", "consents", ...), and the erased cases.
struct erasure_counts {
  std::vector<case_id> cases;
  std::map<std::string, std::int64_t> rows;
};
// Deletes the family and everything of it: its cases and all their rows
// (events included, through retention_erasing, see schema/0009), its
// reports with their persons, proposals and decisions, the persons no other
// family or report names (with their consents and link flags), its
// exclusions and ended holds. Inside the caller's transaction. Refused
// (failed_precondition) for a family with an open case or an active hold.
result<erasure_counts> erase_family(SQLite::Database& db, family_id family);

}  // namespace casechain::core::store
