#pragma once
// The audit trail in the database: appending entries to the hash chain,
// listing them with filters, and verifying the whole chain.

#include "core/audit/audit_entry.hpp"
#include "core/audit/audit_head.hpp"
#include "core/audit/audit_key.hpp"
#include "core/error.hpp"

#include <SQLiteCpp/Database.h>

#include <functional>
#include <span>
#include <vector>

namespace casechain::core::store {

// Appends `entries` in order, giving each its id and hash. Inside the
// caller's transaction when there is one (so an entry commits with the change
// it records), otherwise in its own.
result<void> append_audit_entries(SQLite::Database& db, const audit::audit_key& key, std::span<audit::audit_entry> entries);

struct audit_filter {
  std::optional<case_id> case_ref{};
  std::optional<user_id> user{};
  std::optional<timestamp> from{};   // inclusive
  std::optional<timestamp> until{};  // exclusive
  std::int64_t before_id = 0;      // paging: entries older than this id (0: the newest)
  int limit = 100;
};
// Newest first.
result<std::vector<audit::audit_entry>> list_audit_entries(SQLite::Database& db, const audit_filter& filter);

// The newest entry's id and hash; none when the trail is empty.
result<std::optional<audit::audit_head>> newest_audit_entry(SQLite::Database& db);
// The hash of entry `id`; none when there is no such entry.
result<std::optional<audit::entry_hash>> audit_entry_hash(SQLite::Database& db, std::int64_t id);

struct audit_verification {
  std::int64_t entries = 0;  // entries checked
  std::optional<std::int64_t> first_bad;  // the first entry that does not verify
  std::string problem;                    // why, when first_bad is set
};
// Checks ids run 1, 2, 3, ... and every hash chains from the one before;
// with a recorded `head` (secrets/audit.head), also that the trail still holds
// that entry unchanged, so entries cut off the end are seen.
// `progress(checked)` is called every 100,000 entries.
result<audit_verification> verify_audit_trail(SQLite::Database& db, const audit::audit_key& key,
                                              const std::optional<audit::audit_head>& head = {},
                                              const std::function<void(std::int64_t)>& progress = {});

}  // namespace casechain::core::store
