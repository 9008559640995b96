// Migration 0010 drops persons_birth_first: linking's name candidates come
// from one scan of persons_birth_last by birth date. A version-9 database
// keeps its persons and the index it still uses, and loses the other.
#include "core/store/database.hpp"
#include "core/store/migrations.hpp"
#include "schema/migrations.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <vector>

using namespace casechain;
using namespace casechain::core;

namespace {

bool has_index(SQLite::Database& db, const char* name) {
  SQLite::Statement q(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?");
  q.bind(1, name);
  q.executeStep();
  return q.getColumn(0).getInt() == 1;
}

}  // namespace

TEST_SUITE("core/store/birth date index migration") {
  TEST_CASE("a version-9 database loses persons_birth_first and keeps its persons and persons_birth_last") {
    test::temp_dir tmp;
    const std::vector<embedded_file> version_9(schema::migrations().begin(), schema::migrations().begin() + 9);
    REQUIRE(std::string(version_9.back().name).rfind("0009_", 0) == 0);
    {
      auto old = store::database::open(tmp / "v9.db", {.create = true, .migrations = version_9});
      REQUIRE(old);
      CHECK(has_index(old->sql(), "persons_birth_first"));
      old->sql().exec("INSERT INTO persons (first_name, last_name, birth_date, gender, created_at, first_key, last_key) "
                      "VALUES ('Kevin', 'De Smet', '1987-11-30', 'male', '2026-01-01T00:00:00Z', 'kevin', 'smet')");
    }
    auto upgraded = store::database::open(tmp / "v9.db");
    REQUIRE(upgraded);
    auto& db = upgraded->sql();
    CHECK(store::schema_version(db) == static_cast<int>(schema::migrations().size()));
    CHECK_FALSE(has_index(db, "persons_birth_first"));
    CHECK(has_index(db, "persons_birth_last"));
    CHECK(db.execAndGet("SELECT count(*) FROM persons").getInt() == 1);
    // A lookup by birth date and either name is a seek into the covering index, not a scan of persons.
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN SELECT id, first_key, last_key, national_id FROM persons "
                               "WHERE birth_date = ?1 AND (last_key IN (?2, ?3) OR first_key IN (?2, ?3))");
    REQUIRE(plan.executeStep());
    CHECK(plan.getColumn(3).getString().find("COVERING INDEX persons_birth_last (birth_date=?)") != std::string::npos);
  }
}
