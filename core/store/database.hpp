#pragma once
// The SQLite database of a data folder: opened with WAL, synchronous=FULL,
// foreign keys on and a busy timeout, and migrated to this binary's schema
// before use. One `database` per thread; SQLite connections are not shared
// (opened without a per-connection mutex: use one from one thread at a time).
// Each has a prepared-statement cache (statement_cache.hpp) that store
// functions use through statement_lease; it is dropped before the connection closes.

#include "core/error.hpp"
#include "core/store/migrations.hpp"
#include "core/store/statement_cache.hpp"
#include "core/util/embedded_file.hpp"

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <span>

namespace casechain::core::store {

// The page cache each connection gets (KiB); bulk intake raises its own for a while.
inline constexpr int default_cache_kib = 65536;

struct open_options {
  bool create = false;  // create the file when missing; otherwise a missing file is not_found
  std::chrono::milliseconds busy_timeout{5000};
  // The migrations to apply; empty span means this binary's schema/ files.
  std::span<const embedded_file> migrations{};
  // Off for extra connections to a database another connection has just
  // migrated (the server's readers): the schema version is then only checked.
  bool migrate = true;
  // Told before pending migrations run (see apply_migrations).
  upgrade_notice before_upgrade{};
};

class database {
 public:
  // Opens (and migrates) the database at `file`. Errors: not_found for a
  // missing file without `create`, failed_precondition for a newer schema,
  // unavailable/internal for files that cannot be opened or read.
  static result<database> open(const std::filesystem::path& file, const open_options& options = {});

  database(database&&) noexcept = default;
  // The old connection's statements go before the old connection does.
  database& operator=(database&& other) noexcept {
    statements_.reset();
    db_ = std::move(other.db_);
    path_ = std::move(other.path_);
    statements_ = std::move(other.statements_);
    return *this;
  }
  ~database() = default;

  SQLite::Database& sql() { return *db_; }
  const std::filesystem::path& path() const { return path_; }
  const statement_cache& statements() const { return *statements_; }

 private:
  database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path)
      : db_(std::move(db)), path_(std::move(path)), statements_(std::make_unique<statement_cache>(*db_)) {}

  std::unique_ptr<SQLite::Database> db_;  // unique_ptr: SQLite::Database is not movable
  std::filesystem::path path_;
  // Declared after db_, so destroyed (and unregistered) before the connection
  // closes; unique_ptr so its registered address survives moves of `database`.
  std::unique_ptr<statement_cache> statements_;
};

}  // namespace casechain::core::store
