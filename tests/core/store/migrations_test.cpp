#include "core/store/database.hpp"
#include "core/store/migrations.hpp"
#include "schema/migrations.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <vector>

using namespace casechain;
using core::embedded_file;
using core::store::database;

namespace {

int table_count(SQLite::Database& db, const std::string& name) {
  SQLite::Statement q(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, name);
  q.executeStep();
  return q.getColumn(0).getInt();
}

std::vector<embedded_file> shipped_plus(std::vector<embedded_file> extra) {
  std::vector<embedded_file> all(schema::migrations().begin(), schema::migrations().end());
  all.insert(all.end(), extra.begin(), extra.end());
  return all;
}

}  // namespace

TEST_SUITE("core/store/migrations") {
  TEST_CASE("a fresh database gets every migration and the right pragmas") {
    test::temp_dir dir;
    auto db = database::open(dir / "fresh.db", {.create = true});
    REQUIRE(db);
    CHECK(core::store::schema_version(db->sql()) == static_cast<int>(schema::migrations().size()));
    CHECK(table_count(db->sql(), "cases") == 1);
    CHECK(table_count(db->sql(), "case_events") == 1);
    CHECK(db->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db->sql().execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
    CHECK(db->sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  }

  TEST_CASE("opening twice applies nothing the second time") {
    test::temp_dir dir;
    { REQUIRE(database::open(dir / "twice.db", {.create = true})); }
    auto again = database::open(dir / "twice.db");
    REQUIRE(again);
    CHECK(core::store::schema_version(again->sql()) == static_cast<int>(schema::migrations().size()));
    auto applied = core::store::apply_migrations(again->sql(), schema::migrations());
    REQUIRE(applied);
    CHECK(*applied == static_cast<int>(schema::migrations().size()));
  }

  TEST_CASE("an older database is upgraded with the newer migrations only") {
    test::temp_dir dir;
    { REQUIRE(database::open(dir / "old.db", {.create = true})); }
    auto next_number = schema::migrations().size() + 1;
    char name[32];
    std::snprintf(name, sizeof name, "%04zu_test_extra.sql", next_number);
    auto migrations = shipped_plus({{name, "CREATE TABLE extra (id INTEGER PRIMARY KEY);"}});
    auto upgraded = database::open(dir / "old.db", {.migrations = migrations});
    REQUIRE(upgraded);
    CHECK(core::store::schema_version(upgraded->sql()) == static_cast<int>(next_number));
    CHECK(table_count(upgraded->sql(), "extra") == 1);
  }

  TEST_CASE("an upgrade is announced with its versions before it runs; an up-to-date database is not") {
    test::temp_dir dir;
    { REQUIRE(database::open(dir / "old.db", {.create = true})); }
    const int shipped = static_cast<int>(schema::migrations().size());
    char name[32];
    std::snprintf(name, sizeof name, "%04d_test_extra.sql", shipped + 1);
    std::vector<std::pair<int, int>> notices;
    auto notice = [&](int from, int to) { notices.emplace_back(from, to); };

    // Announced before it runs: even an upgrade that then fails was told of.
    auto failing = shipped_plus({{name, "CREATE TABLE extra (id INTEGER PRIMARY KEY); SELECT nonsense FROM nowhere;"}});
    CHECK_FALSE(database::open(dir / "old.db", {.migrations = failing, .before_upgrade = notice}));
    CHECK(notices == std::vector<std::pair<int, int>>{{shipped, shipped + 1}});

    auto working = shipped_plus({{name, "CREATE TABLE extra (id INTEGER PRIMARY KEY);"}});
    { REQUIRE(database::open(dir / "old.db", {.migrations = working, .before_upgrade = notice})); }
    CHECK(notices.size() == 2);
    auto again = database::open(dir / "old.db", {.migrations = working, .before_upgrade = notice});
    REQUIRE(again);
    CHECK(notices.size() == 2);
  }

  TEST_CASE("a failing migration leaves the database as it was") {
    test::temp_dir dir;
    { REQUIRE(database::open(dir / "fail.db", {.create = true})); }
    auto next_number = schema::migrations().size() + 1;
    char good[32], bad[32];
    std::snprintf(good, sizeof good, "%04zu_good.sql", next_number);
    std::snprintf(bad, sizeof bad, "%04zu_bad.sql", next_number + 1);
    auto migrations = shipped_plus({{good, "CREATE TABLE good (id INTEGER);"}, {bad, "CREATE TABLE oops ("}});
    auto failed = database::open(dir / "fail.db", {.migrations = migrations});
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == core::errc::internal);
    CHECK(failed.error().message.find(bad) != std::string::npos);
    auto reopened = database::open(dir / "fail.db");
    REQUIRE(reopened);
    CHECK(table_count(reopened->sql(), "good") == 0);
    CHECK(core::store::schema_version(reopened->sql()) == static_cast<int>(schema::migrations().size()));
  }

  TEST_CASE("a database newer than the binary is refused with a clear message") {
    test::temp_dir dir;
    {
      auto db = database::open(dir / "new.db", {.create = true});
      REQUIRE(db);
      db->sql().exec("PRAGMA user_version = 999");
    }
    auto refused = database::open(dir / "new.db");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == core::errc::failed_precondition);
    CHECK(refused.error().message.find("999") != std::string::npos);
    CHECK(refused.error().message.find("newer") != std::string::npos);
  }

  TEST_CASE("misnumbered migration files are refused") {
    test::temp_dir dir;
    std::vector<embedded_file> gap{{"0001_a.sql", "CREATE TABLE a (id INTEGER);"},
                                   {"0003_c.sql", "CREATE TABLE c (id INTEGER);"}};
    auto refused = database::open(dir / "gap.db", {.create = true, .migrations = gap});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("0003_c.sql") != std::string::npos);
  }

  TEST_CASE("a missing file is not created unless asked") {
    test::temp_dir dir;
    auto missing = database::open(dir / "missing.db");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == core::errc::not_found);
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
  }

  TEST_CASE("a file that is not a database is refused without a crash") {
    test::temp_dir dir;
    { std::ofstream(dir / "junk.db") << std::string(8192, 'x'); }
    auto refused = database::open(dir / "junk.db");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == core::errc::internal);
  }
}

TEST_SUITE("core/store/migrations") {
  TEST_CASE("an extra connection that does not migrate checks the schema version instead") {
    test::temp_dir dir;
    { REQUIRE(database::open(dir / "empty.db", {.create = true, .migrations = std::vector<embedded_file>{{"0001_a.sql", "CREATE TABLE a (id INTEGER);"}}})); }
    auto stale = database::open(dir / "empty.db", {.migrate = false});
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == core::errc::failed_precondition);
    { REQUIRE(database::open(dir / "full.db", {.create = true})); }
    auto reader = database::open(dir / "full.db", {.migrate = false});
    REQUIRE(reader);
    CHECK(core::store::schema_version(reader->sql()) == static_cast<int>(schema::migrations().size()));
  }
}
