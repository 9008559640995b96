#include "core/store/write_transaction.hpp"

#include <sqlite3.h>

namespace casechain::core::store {

write_transaction::write_transaction(SQLite::Database& db)
    : db_(db), nested_(sqlite3_get_autocommit(db.getHandle()) == 0) {
  db_.exec(nested_ ? "SAVEPOINT casechain_write" : "BEGIN IMMEDIATE");
}

write_transaction::~write_transaction() {
  if (done_) return;
  if (nested_) {
    db_.tryExec("ROLLBACK TO casechain_write");
    db_.tryExec("RELEASE casechain_write");
  } else if (sqlite3_get_autocommit(db_.getHandle()) == 0) {
    db_.tryExec("ROLLBACK");
  }
}

void write_transaction::commit() {
  db_.exec(nested_ ? "RELEASE casechain_write" : "COMMIT");
  done_ = true;
}

}  // namespace casechain::core::store
