#pragma once
// A real, migrated SQLite database in a temporary folder, for store tests.

#include "core/store/database.hpp"
#include "core/util/time.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

namespace casechain::test {

struct test_database {
  temp_dir dir;
  core::store::database db = open(dir);
  SQLite::Database& sql() { return db.sql(); }

  int count(const char* table) {
    return sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
  }

 private:
  static core::store::database open(const temp_dir& d) {
    auto opened = core::store::database::open(d / "test.db", {.create = true});
    REQUIRE(opened);
    return std::move(*opened);
  }
};

inline core::timestamp at(const char* text) { return core::parse_timestamp(text).value(); }

}  // namespace casechain::test
