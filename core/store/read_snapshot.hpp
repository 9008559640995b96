#pragma once
// One consistent read: a deferred transaction around all the queries of one
// request on a reader connection, so they see one snapshot of the database
// (a case and its members, events and plan from the same moment) and take the
// WAL read lock once instead of once per statement. Ends on destruction; the
// destructor never throws.

#include <SQLiteCpp/Database.h>

namespace casechain::core::store {

class read_snapshot {
 public:
  // Throws SQLite::Exception when the transaction cannot begin.
  explicit read_snapshot(SQLite::Database& db);
  ~read_snapshot();
  read_snapshot(const read_snapshot&) = delete;
  read_snapshot& operator=(const read_snapshot&) = delete;

 private:
  SQLite::Database& db_;
  bool began_;
};

}  // namespace casechain::core::store
