#pragma once
// A real, migrated SQLite database in a temporary folder, for store tests.

#include "core/crypto/field_protection.hpp"
#include "core/store/database.hpp"
#include "core/util/time.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <span>

namespace casechain::test {

struct test_database {
  test_database() = default;
  // A database brought only up to `migrations` (an older schema), for migration tests.
  explicit test_database(std::span<const core::embedded_file> migrations) : db(open(dir, migrations)) {}

  temp_dir dir;
  core::store::database db = open(dir);
  // A fresh in-memory key ring per test database.
  std::shared_ptr<const core::crypto::field_protection> protection = core::crypto::ephemeral_protection();
  SQLite::Database& sql() { return db.sql(); }

  int count(const char* table) {
    return sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
  }

 private:
  static core::store::database open(const temp_dir& d, std::span<const core::embedded_file> migrations = {}) {
    auto opened = core::store::database::open(d / "test.db", {.create = true, .migrations = migrations});
    REQUIRE(opened);
    return std::move(*opened);
  }
};

inline core::timestamp at(const char* text) { return core::parse_timestamp(text).value(); }

}  // namespace casechain::test
