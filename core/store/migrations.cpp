#include "core/store/migrations.hpp"

#include "core/store/sqlite_error.hpp"
#include "core/store/write_transaction.hpp"

#include <charconv>
#include <string>

namespace casechain::core::store {
namespace {

// "0003_cases.sql" -> 3; 0 when the name does not start with four digits and '_'.
int migration_number(std::string_view name) {
  int number = 0;
  if (name.size() < 5 || name[4] != '_') return 0;
  auto [end, ec] = std::from_chars(name.data(), name.data() + 4, number);
  return ec == std::errc{} && end == name.data() + 4 ? number : 0;
}

}  // namespace

int schema_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

result<int> apply_migrations(SQLite::Database& db, std::span<const embedded_file> migrations,
                             const upgrade_notice& before_upgrade) {
  const int known = static_cast<int>(migrations.size());
  for (int i = 0; i < known; ++i) {
    if (migration_number(migrations[static_cast<size_t>(i)].name) != i + 1)
      return fail(errc::internal, "migration " + std::string(migrations[static_cast<size_t>(i)].name) +
                                      " is out of sequence: expected number " + std::to_string(i + 1));
  }
  try {
    write_transaction transaction(db);
    // Read inside the write lock, so two processes starting at once apply each migration once.
    const int current = schema_version(db);
    if (current > known)
      return fail(errc::failed_precondition,
                  "the database has schema version " + std::to_string(current) +
                      ", newer than this casechain knows (" + std::to_string(known) +
                      "); run a newer casechain or restore a backup");
    if (current < known && before_upgrade) before_upgrade(current, known);
    for (int version = current + 1; version <= known; ++version) {
      const auto& file = migrations[static_cast<size_t>(version - 1)];
      try {
        db.exec(std::string(file.bytes));
      } catch (const SQLite::Exception& e) {
        return fail(errc::internal, "migration " + std::string(file.name) + " failed: " + e.what());
      }
      db.exec("PRAGMA user_version = " + std::to_string(version));
    }
    transaction.commit();
    return known;
  } catch (const SQLite::Exception& e) {
    return from_sqlite(e, "apply schema migrations");
  }
}

}  // namespace casechain::core::store
