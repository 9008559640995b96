#include "core/store/database.hpp"

#include "core/store/migrations.hpp"
#include "core/store/sqlite_error.hpp"
#include "schema/migrations.hpp"

#include <sqlite3.h>

namespace casechain::core::store {
namespace {

// SQLite's allocation statistics take a global mutex on every allocation, and
// nothing here reads them. sqlite3_config() only works before SQLite starts
// (the first open); later calls fail harmlessly (SQLITE_MISUSE).
void configure_sqlite_once() {
  static const bool configured = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
  (void)configured;
}

}  // namespace

result<database> database::open(const std::filesystem::path& file, const open_options& options) {
  std::error_code ec;
  if (!options.create && !std::filesystem::exists(file, ec))
    return fail(errc::not_found, "no database at " + file.string() + "; run `casechain init` first");
  configure_sqlite_once();
  try {
    // No mutex per connection (multi-thread mode): a connection is used by one
    // thread at a time (one per thread, or leased from the server's pool), and
    // locking it on every sqlite3_* call was a measurable share of a case read.
    int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX | (options.create ? SQLite::OPEN_CREATE : 0);
    auto db = std::make_unique<SQLite::Database>(file.string(), flags,
                                                 static_cast<int>(options.busy_timeout.count()));
    // journal_mode answers with the mode it got; anything but "wal" means the
    // file system cannot do WAL, which we do not run without.
    if (db->execAndGet("PRAGMA journal_mode = WAL").getString() != "wal")
      return fail(errc::unavailable, "the database at " + file.string() + " cannot use write-ahead logging");
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA secure_delete = ON");
    // A larger page cache keeps index pages of bulk intake in memory (the default is 2 MiB).
    db->exec("PRAGMA cache_size = -" + std::to_string(default_cache_kib));
    // Savepoints (one per report in a batch) keep their sub-journals in memory, not in temporary files.
    db->exec("PRAGMA temp_store = MEMORY");
    auto migrations = options.migrations.empty() ? schema::migrations() : options.migrations;
    if (options.migrate) {
      auto migrated = apply_migrations(*db, migrations, options.before_upgrade);
      if (!migrated) return migrated.error();
    } else if (schema_version(*db) != static_cast<int>(migrations.size())) {
      return fail(errc::failed_precondition, "the database at " + file.string() + " has another schema version than this casechain");
    }
    return database(std::move(db), file);
  } catch (const SQLite::Exception& e) {
    return from_sqlite(e, "open the database at " + file.string());
  }
}

}  // namespace casechain::core::store
