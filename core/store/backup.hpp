#pragma once
// Backing up a data folder's database while the server runs, and restoring
// a backup after checking it. A backup is the database alone: the keys stay
// in the folder's secrets/ (audit.key, data.keys), so a backup restores only
// into the folder whose keys it was made with, or one holding copies of them.
//
// Errors: unavailable for files that cannot be written or read;
// failed_precondition for a backup that fails a check (naming which), before
// anything is replaced; the store's errors (sqlite_error.hpp) otherwise.
// Not thread-safe per connection; restore must run with the server stopped.

#include "core/data_dir.hpp"
#include "core/audit/audit_head.hpp"
#include "core/error.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>

namespace casechain::core::store {

// Writes a consistent snapshot of the database file `database` to `out`
// (VACUUM INTO over its own read-only connection: one read transaction and no
// write lock, so a busy writer neither blocks it nor is blocked), mode 0600;
// `out` appears whole or not at all, replacing what was there.
result<void> write_backup(const std::filesystem::path& database, const std::filesystem::path& out);

struct backup_check {
  std::int64_t audit_entries = 0;  // the audit trail's length, verified
  bool sealed_sample = false;      // whether a sealed value was there to open
  std::optional<audit::audit_head> newest_entry;  // the trail's last entry, for secrets/audit.head
};

// Checks a backup against the folder `dir`: PRAGMA integrity_check is ok,
// the audit chain verifies under dir's audit.key, and the first sealed value
// of each sealed column opens with dir's data keys. Changes nothing.
result<backup_check> check_backup(const data_dir& dir, const std::filesystem::path& backup);

// Checks `backup` (as above), then replaces dir's database with it
// atomically: a copy is written and synced beside the database, the old
// database's WAL is checkpointed away, and the copy is renamed over it. A
// failed check leaves the folder as it was.
result<backup_check> restore_backup(const data_dir& dir, const std::filesystem::path& backup);

}  // namespace casechain::core::store
