#include "core/store/sqlite_error.hpp"

#include <sqlite3.h>

#include <string>

namespace casechain::core::store {

error from_sqlite(const SQLite::Exception& e, std::string_view operation) {
  std::string what(operation);
  switch (e.getExtendedErrorCode()) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return fail(errc::already_exists, what + ": it already exists");
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return fail(errc::not_found, what + ": it refers to something that does not exist");
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return fail(errc::invalid_argument, what + ": a value is missing or out of range");
    case SQLITE_CONSTRAINT_TRIGGER:
      return fail(errc::failed_precondition, what + ": not allowed (" + e.getErrorStr() + ")");
    default: break;
  }
  switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return fail(errc::unavailable, what + ": the database is busy; try again");
    case SQLITE_FULL:
      return fail(errc::resource_exhausted, what + ": the disk or database is full; nothing was changed");
    // A failing disk (EIO) or a failed sync: retrying may work once it is
    // repaired, and SQLite rolled the transaction back, so it is not a bug.
    case SQLITE_IOERR:
      return fail(errc::unavailable, what + ": the disk could not be written or read; nothing was changed");
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return fail(errc::unavailable, what + ": the database cannot be written");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return fail(errc::internal, what + ": the database file is damaged");
    default:
      return fail(errc::internal, what + ": database error " + std::to_string(e.getErrorCode()));
  }
}

}  // namespace casechain::core::store
