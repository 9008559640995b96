#pragma once
// `casechain retention run`: finds the families whose retention periods
// (retention_policy.hpp) have all run out as of a moment, and erases each
// one whole, in its own write transaction (so a running server waits at
// most one family's erasure for the write lock), with one audit entry per
// erased case and one for the family: ids and counts, never a value. Then a
// truncating checkpoint copies the log back and empties it; with secure
// delete (on for every connection, checked here) no erased value is left in
// the database file or its write-ahead log. A dry run reads only.
// Not thread-safe: one run per connection.

#include "core/audit/audit_key.hpp"
#include "core/error.hpp"
#include "core/retention/retention_policy.hpp"
#include "core/store/retention_store.hpp"

#include <SQLiteCpp/Database.h>

#include <functional>
#include <map>
#include <optional>

namespace casechain::core::retention {

// When the family's records are all due for erasure; nullopt while it has an open case.
std::optional<timestamp> erasure_due_at(const store::family_retention_dates& family, const retention_policy& policy);

struct run_options {
  timestamp as_of;
  bool dry_run = false;
  std::string purpose;  // what the audit entries name as the purpose: the command and who ran it
};

struct run_progress {
  std::int64_t erased = 0;  // families so far
  std::int64_t due = 0;     // families due (not held) found
};

struct run_summary {
  std::int64_t families_examined = 0;
  std::int64_t families_due = 0;     // due and not held: erased (or, in a dry run, would be)
  std::int64_t families_held = 0;    // due, but under a legal hold
  std::int64_t families_erased = 0;  // 0 in a dry run
  std::int64_t cases_erased = 0;
  std::map<std::string, std::int64_t> rows;  // erased rows per kind, summed
  bool log_truncated = false;  // the checkpoint emptied the write-ahead log (false: a reader held it; run again)
};

result<run_summary> run_retention(SQLite::Database& db, const audit::audit_key& key, const retention_policy& policy,
                                  const run_options& options,
                                  const std::function<void(const run_progress&)>& progress = {});

}  // namespace casechain::core::retention
