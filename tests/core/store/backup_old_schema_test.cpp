// A backup made before a sealed column's migration is still a good backup:
// the restore check looks only for the columns its schema has (the restored
// database is migrated when it is next opened).
#include "core/data_dir.hpp"
#include "core/store/backup.hpp"
#include "core/store/database.hpp"
#include "core/store/migrations.hpp"
#include "schema/migrations.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace casechain;
using namespace casechain::core;

TEST_SUITE("core/store/backup of an older schema") {
  TEST_CASE("a version-7 backup (no sealed decision records yet) passes the check and restores") {
    test::temp_dir tmp;
    auto dir = data_dir::create(tmp / "var").value();
    const std::vector<embedded_file> version_7(schema::migrations().begin(), schema::migrations().begin() + 7);
    const auto backup = tmp / "v7.db";
    {
      auto old = store::database::open(backup, {.create = true, .migrations = version_7});
      REQUIRE(old);
      old->sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    auto checked = store::check_backup(dir, backup);
    REQUIRE(checked);
    CHECK_FALSE(checked->sealed_sample);
    REQUIRE(store::restore_backup(dir, backup));
    auto reopened = store::database::open(dir.database_file());  // migrated to the current schema
    REQUIRE(reopened);
    CHECK(store::schema_version(reopened->sql()) == static_cast<int>(schema::migrations().size()));
  }
}
