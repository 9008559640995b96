#include "core/store/statement_cache.hpp"
#include "tests/support/test_database.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace casechain;
namespace store = casechain::core::store;

namespace {

constexpr auto count_sql = "SELECT count(*) FROM organisations WHERE id > ?";
constexpr auto numbers_sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT i FROM n";

// Statements of the connection that are stepping (not reset or done).
int active_statements(SQLite::Database& db) {
  int active = 0;
  for (sqlite3_stmt* s = sqlite3_next_stmt(db.getHandle(), nullptr); s; s = sqlite3_next_stmt(db.getHandle(), s))
    active += sqlite3_stmt_busy(s) ? 1 : 0;
  return active;
}

}  // namespace

TEST_SUITE("core/store/statement_cache") {
  TEST_CASE("a second lease of the same SQL reuses the same statement") {
    test::test_database t;
    SQLite::Statement* first = nullptr;
    {
      store::statement_lease lease(t.sql(), count_sql);
      CHECK(lease.cached());
      first = &*lease;
    }
    store::statement_lease again(t.sql(), count_sql);
    CHECK(again.cached());
    CHECK(&*again == first);
    CHECK(t.db.statements().size() == 1);
  }

  TEST_CASE("a nested lease of the same SQL gets a statement of its own") {
    test::test_database t;
    store::statement_lease outer(t.sql(), numbers_sql);
    outer->bind(1, 3);
    REQUIRE(outer->executeStep());
    store::statement_lease inner(t.sql(), numbers_sql);
    CHECK_FALSE(inner.cached());
    CHECK(&*inner != &*outer);
    inner->bind(1, 2);
    REQUIRE(inner->executeStep());
    CHECK(inner->getColumn(0).getInt() == 1);
    // The outer iteration goes on undisturbed.
    REQUIRE(outer->executeStep());
    CHECK(outer->getColumn(0).getInt() == 2);
  }

  TEST_CASE("a statement left mid-iteration is reset with its bindings cleared before reuse") {
    test::test_database t;
    {
      store::statement_lease lease(t.sql(), numbers_sql);
      lease->bind(1, 5);
      REQUIRE(lease->executeStep());
      REQUIRE(lease->executeStep());
      CHECK(lease->getColumn(0).getInt() == 2);
    }
    store::statement_lease again(t.sql(), numbers_sql);
    REQUIRE(again.cached());
    // Cleared bindings: the limit is NULL, so only the first row comes.
    REQUIRE(again->executeStep());
    CHECK(again->getColumn(0).getInt() == 1);
    CHECK_FALSE(again->executeStep());
  }

  TEST_CASE("a statement left mid-iteration is no longer active after release") {
    test::test_database t;
    {
      store::statement_lease lease(t.sql(), numbers_sql);
      lease->bind(1, 5);
      REQUIRE(lease->executeStep());
      CHECK(active_statements(t.sql()) == 1);
    }
    // An active statement would keep the connection's read snapshot (WAL) open.
    CHECK(active_statements(t.sql()) == 0);
  }

  TEST_CASE("a statement whose step failed is reset without throwing and is reusable") {
    test::test_database t;
    constexpr auto insert_sql = "INSERT INTO organisations (id, name, sector, created_at) VALUES (?, ?, 'police', ?)";
    {
      store::statement_lease lease(t.sql(), insert_sql);
      lease->bind(1, 1);
      lease->bind(2, "PZ Gent");
      lease->bind(3, "2026-03-01T09:00:00Z");
      lease->exec();
    }
    {
      store::statement_lease lease(t.sql(), insert_sql);
      lease->bind(1, 1);  // the same id again: a constraint error
      lease->bind(2, "PZ Gent");
      lease->bind(3, "2026-03-01T09:00:00Z");
      CHECK_THROWS_AS(lease->exec(), SQLite::Exception);
    }
    store::statement_lease lease(t.sql(), insert_sql);
    REQUIRE(lease.cached());
    lease->bind(1, 2);
    lease->bind(2, "PZ Brugge");
    lease->bind(3, "2026-03-01T09:00:00Z");
    CHECK(lease->exec() == 1);
  }

  TEST_CASE("a connection without a cache gets freshly prepared statements") {
    test::temp_dir dir;
    SQLite::Database bare((dir / "bare.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    store::statement_lease lease(bare, "SELECT 1");
    CHECK_FALSE(lease.cached());
    REQUIRE(lease->executeStep());
    CHECK(lease->getColumn(0).getInt() == 1);
  }

  TEST_CASE("closing a database drops its cache, and a new connection starts with its own") {
    test::temp_dir dir;
    auto file = dir / "test.db";
    REQUIRE(store::database::open(file, {.create = true}));
    // A statement kept past its connection, or a closed connection's cache
    // found again by a reused handle, is a use after free (the sanitizer build
    // sees it; a plain build usually reuses the handle's address at once).
    for (int i = 0; i < 200; ++i) {
      auto db = store::database::open(file);
      REQUIRE(db);
      CHECK(db->statements().size() == 0);
      store::statement_lease lease(db->sql(), count_sql);
      CHECK(lease.cached());
      CHECK(db->statements().size() == 1);  // this connection's cache, not a closed one's found by a reused handle
      lease->bind(1, 0);
      REQUIRE(lease->executeStep());
      CHECK(lease->getColumn(0).getInt() == 0);
    }
  }

  TEST_CASE("a moved database keeps its cache") {
    test::test_database t;
    SQLite::Statement* first = nullptr;
    {
      store::statement_lease lease(t.sql(), count_sql);
      first = &*lease;
    }
    store::database moved = std::move(t.db);
    store::statement_lease again(moved.sql(), count_sql);
    CHECK(again.cached());
    CHECK(&*again == first);
  }
}
