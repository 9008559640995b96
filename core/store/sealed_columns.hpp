#pragma once
// Every column that holds sealed values (core/crypto/sealer.hpp), with the
// queries that key rotation and `keys status` run over them: whether any
// value is sealed, how many values each key version sealed, and re-sealing
// a batch under the active key. A new sealed column (care notes) is one more
// entry in sealed_columns(). Errors: the store's (sqlite_error.hpp);
// failed_precondition for a value that does not open (naming its row).
// Not thread-safe: one connection per thread.

#include "core/crypto/sealer.hpp"
#include "core/error.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <span>

namespace casechain::core::store {

struct sealed_column {
  std::string_view table;
  std::string_view column;
  bool keyed_by_position;  // the row is (id, position), as in report_persons
  const char* any_sql;     // one row if any value is sealed
  const char* count_sql;   // (key version bytes, count) per version
  const char* batch_sql;   // (row, position, blob) after a cursor, in key order, at most ?3 (or ?2) rows
  const char* update_sql;  // blob ?1 for row ?2 (and position ?3)
};

std::span<const sealed_column> sealed_columns();
// Whether `db`'s schema has the column (a backup made before the column's migration has not).
result<bool> has_sealed_column(SQLite::Database& db, const sealed_column& column);

// Whether the database holds any sealed value (then its key file must exist).
result<bool> has_sealed_data(SQLite::Database& db);

// Sealed values per key version over all sealed columns; version 0 counts
// values whose format is not known.
result<std::map<crypto::key_version, std::int64_t>> count_sealed_by_version(SQLite::Database& db);

// Where a re-sealing pass over one column has got to.
struct reseal_cursor {
  std::int64_t row = 0;
  std::int64_t position = -1;
  bool done = false;
};

// Re-seals, in one write transaction, the values of `column` after `cursor`
// (at most `batch_size` rows) that are not under the sealer's active key;
// moves the cursor on. Returns how many values it re-sealed.
result<std::int64_t> reseal_batch(SQLite::Database& db, const crypto::sealer& sealer, const sealed_column& column,
                                  reseal_cursor& cursor, int batch_size);

}  // namespace casechain::core::store
