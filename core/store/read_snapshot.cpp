#include "core/store/read_snapshot.hpp"

#include <sqlite3.h>

namespace casechain::core::store {

read_snapshot::read_snapshot(SQLite::Database& db)
    : db_(db), began_(sqlite3_get_autocommit(db.getHandle()) != 0) {
  if (began_) db_.exec("BEGIN");  // deferred: the snapshot is taken by the first read
}

read_snapshot::~read_snapshot() {
  // Nothing was written (readers are query_only), so ending either way is the same;
  // ROLLBACK also succeeds with statements still pending.
  if (began_ && sqlite3_get_autocommit(db_.getHandle()) == 0) db_.tryExec("ROLLBACK");
}

}  // namespace casechain::core::store
