#pragma once
// One atomic write: BEGIN IMMEDIATE (the write lock up front, so two writers
// never deadlock on a lock upgrade), or a SAVEPOINT when already inside a
// transaction, so store operations compose into a caller's larger one.
// Destruction without commit() rolls back; the destructor never throws.

#include <SQLiteCpp/Database.h>

namespace casechain::core::store {

class write_transaction {
 public:
  // Throws SQLite::Exception when the lock cannot be had (busy timeout).
  explicit write_transaction(SQLite::Database& db);
  ~write_transaction();
  write_transaction(const write_transaction&) = delete;
  write_transaction& operator=(const write_transaction&) = delete;

  // Throws SQLite::Exception when the commit fails; the work is then rolled back.
  void commit();

 private:
  SQLite::Database& db_;
  bool nested_;
  bool done_ = false;
};

}  // namespace casechain::core::store
