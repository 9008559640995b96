#pragma once
// Schema migrations: numbered SQL files applied in order, recorded in
// PRAGMA user_version. All pending migrations apply in one transaction, so a
// failing migration leaves the database as it was. Applying twice is a no-op.
// A database whose version is newer than the migrations known here is refused
// (failed_precondition), never downgraded.

#include "core/error.hpp"
#include "core/util/embedded_file.hpp"

#include <SQLiteCpp/Database.h>

#include <functional>
#include <span>

namespace casechain::core::store {

// Reads PRAGMA user_version.
int schema_version(SQLite::Database& db);

// Told the versions (from, to) before pending migrations run, so a caller can
// say why a start takes long: some rebuild tables (seconds per 100k cases).
using upgrade_notice = std::function<void(int from, int to)>;

// Brings `db` up to migrations.size(); returns the version reached.
// Errors: internal when the files are misnumbered or a migration fails
// (naming the file), failed_precondition for a newer database.
result<int> apply_migrations(SQLite::Database& db, std::span<const embedded_file> migrations,
                             const upgrade_notice& before_upgrade = {});

}  // namespace casechain::core::store
