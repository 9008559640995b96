// Migration 0006 cannot seal what a database already holds in plaintext (the
// key is not in SQL's reach): such a database is refused, left as it was.
#include "core/store/database.hpp"
#include "core/store/migrations.hpp"
#include "schema/migrations.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace casechain;
using core::embedded_file;
using core::store::database;

TEST_SUITE("core/store/encryption migration") {
  TEST_CASE("a database with plaintext reports is refused by 0006 and left untouched") {
    test::temp_dir dir;
    const std::vector<embedded_file> before_encryption(schema::migrations().begin(), schema::migrations().begin() + 5);
    REQUIRE(std::string(before_encryption.back().name).rfind("0005_", 0) == 0);
    {
      auto old = database::open(dir / "old.db", {.create = true, .migrations = before_encryption});
      REQUIRE(old);
      old->sql().exec(
          "INSERT INTO reports (external_ref, police_zone, reported_at, relationship, violence, indicators, arrest, "
          "red_file, narrative, received_at) VALUES ('R1', 'Z', '2026-01-01T00:00:00Z', 'partner', '{}', '{}', 0, 0, "
          "'plaintext narrative', '2026-01-01T00:00:00Z')");
    }
    auto refused = database::open(dir / "old.db");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("0006_encryption.sql") != std::string::npos);
    CHECK(refused.error().message.find("reports_in_plaintext") != std::string::npos);

    auto untouched = database::open(dir / "old.db", {.migrations = before_encryption});
    REQUIRE(untouched);
    CHECK(core::store::schema_version(untouched->sql()) == 5);
    CHECK(untouched->sql().execAndGet("SELECT narrative FROM reports").getString() == "plaintext narrative");
  }

  TEST_CASE("an empty database is migrated: no plaintext column for sealed fields is left") {
    test::temp_dir dir;
    auto db = database::open(dir / "new.db", {.create = true});
    REQUIRE(db);
    for (const char* gone : {"narrative", "street", "house_number", "postcode", "municipality", "phone"}) {
      CAPTURE(gone);
      SQLite::Statement q(db->sql(),
                          "SELECT count(*) FROM pragma_table_info('reports') WHERE name = ?1 "
                          "UNION ALL SELECT count(*) FROM pragma_table_info('report_persons') WHERE name = ?1");
      q.bind(1, gone);
      while (q.executeStep()) CHECK(q.getColumn(0).getInt() == 0);
    }
  }
}
