#include "core/store/wal_checkpointer.hpp"
#include "tests/support/test_database.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace casechain;
namespace store = casechain::core::store;

namespace {

void create_wal_pages(test::test_database& t) { t.sql().exec("CREATE TABLE wal_pages (id INTEGER PRIMARY KEY, payload BLOB)"); }

// One commit that adds about one WAL page (a 3 KiB row).
void commit_a_page(SQLite::Database& db) { db.exec("INSERT INTO wal_pages (payload) VALUES (zeroblob(3000))"); }

std::uintmax_t wal_bytes(const test::test_database& t) {
  std::error_code ec;
  auto size = std::filesystem::file_size(t.dir / "test.db-wal", ec);
  return ec ? 0 : size;
}

// Frames in the WAL as SQLite counts them (the header and a frame header per page included).
std::uintmax_t wal_bytes_for(int pages) { return 32 + static_cast<std::uintmax_t>(pages) * (24 + 4096); }

bool eventually(const auto& condition) {
  for (int i = 0; i < 500; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

}  // namespace

TEST_SUITE("core/store/wal_checkpointer") {
  TEST_CASE("the thread copies the WAL; the writer finishes it, so the WAL starts over and stays bounded") {
    test::test_database t;
    create_wal_pages(t);
    auto checkpointer = store::wal_checkpointer::start(
        t.db, {.threshold_pages = 100, .writer_limit_pages = 300, .catch_up_pages = 20});
    REQUIRE(checkpointer);
    std::uintmax_t largest = 0;
    for (int i = 0; i < 3000; ++i) {
      commit_a_page(t.sql());
      largest = std::max(largest, wal_bytes(t));
      if (i % 20 == 19) std::this_thread::sleep_for(std::chrono::milliseconds(2));  // let the thread run
    }
    CHECK(eventually([&] { return (*checkpointer)->checkpoints() > 0; }));
    CHECK((*checkpointer)->writer_checkpoints() > 0);
    // Had the WAL never started over, 3000 commits would have left about 3000 pages.
    CHECK(largest <= wal_bytes_for(2 * 300 + 10));
    CHECK(t.count("wal_pages") == 3000);
  }

  TEST_CASE("without the thread's copies the writer copies the WAL itself at its limit") {
    test::test_database t;
    create_wal_pages(t);
    // Steps larger than any WAL here: the thread never copies, and the writer always finds little enough left.
    auto checkpointer = store::wal_checkpointer::start(
        t.db, {.threshold_pages = 1 << 30, .writer_limit_pages = 100, .catch_up_pages = 1 << 30});
    REQUIRE(checkpointer);
    std::uintmax_t largest = 0;
    for (int i = 0; i < 1000; ++i) {
      commit_a_page(t.sql());
      largest = std::max(largest, wal_bytes(t));
    }
    CHECK((*checkpointer)->checkpoints() == 0);
    CHECK((*checkpointer)->writer_checkpoints() > 0);
    CHECK(largest <= wal_bytes_for(100 + 10));
  }

  TEST_CASE("below the threshold nothing is checkpointed") {
    test::test_database t;
    create_wal_pages(t);
    auto checkpointer = store::wal_checkpointer::start(t.db, {.threshold_pages = 1000, .writer_limit_pages = 8000, .catch_up_pages = 50});
    REQUIRE(checkpointer);
    for (int i = 0; i < 50; ++i) commit_a_page(t.sql());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK((*checkpointer)->checkpoints() == 0);
    CHECK((*checkpointer)->writer_checkpoints() == 0);
    CHECK(wal_bytes(t) >= wal_bytes_for(50));
  }

  TEST_CASE("while it runs the writer's automatic checkpoint is off; stopped, SQLite's is back") {
    test::test_database t;
    auto autocheckpoint = [&] { return t.sql().execAndGet("PRAGMA wal_autocheckpoint").getInt(); };
    REQUIRE(autocheckpoint() == 1000);
    {
      auto checkpointer = store::wal_checkpointer::start(t.db);
      REQUIRE(checkpointer);
      CHECK(autocheckpoint() == 0);
    }
    CHECK(autocheckpoint() == 1000);
  }

  TEST_CASE("what was committed survives the checkpoints, read by another connection") {
    test::test_database t;
    create_wal_pages(t);
    {
      auto checkpointer = store::wal_checkpointer::start(t.db, {.threshold_pages = 20, .writer_limit_pages = 100, .catch_up_pages = 10});
      REQUIRE(checkpointer);
      for (int i = 0; i < 500; ++i) commit_a_page(t.sql());
      CHECK(eventually([&] { return (*checkpointer)->checkpoints() > 0; }));
    }
    auto other = store::database::open(t.dir / "test.db", {.migrate = false});
    REQUIRE(other);
    CHECK(other->sql().execAndGet("SELECT count(*) FROM wal_pages").getInt() == 500);
    CHECK(other->sql().execAndGet("SELECT sum(length(payload)) FROM wal_pages").getInt64() == 500 * 3000);
  }
}
