// The server's connection pool: a recent read sees every write made through
// the pool at once, a new read sees everything, an audit append leaves recent
// snapshots alone, other connections' writes reach recent reads, and idle
// readers do not pin the write-ahead log.
#include "api/app/database_pool.hpp"
#include "tests/support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <thread>

using namespace casechain;

namespace {

struct pool_fixture {
  test::temp_dir tmp;
  std::filesystem::path file = tmp.path() / "casechain.db";
  std::unique_ptr<api::database_pool> pool;

  pool_fixture() {
    core::store::database::open(file, {.create = true}).value();  // made and migrated
    pool = api::database_pool::open(file, 1).value();              // one reader: every read uses it
    pool->write([](SQLite::Database& db) { return db.exec("CREATE TABLE scratch (x INTEGER)"); });
  }

  std::int64_t count_recent() {
    return pool->read_recent([](SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM scratch").getInt64(); });
  }
  std::int64_t count_new() {
    return pool->read([](SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM scratch").getInt64(); });
  }
};

template <class Condition>
bool within_seconds(int seconds, Condition done) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace

TEST_SUITE("api/server database pool") {
  TEST_CASE("a recent read sees a write made through the pool as soon as the write returns") {
    pool_fixture f;
    CHECK(f.count_recent() == 0);  // the reader now holds a snapshot
    for (int i = 1; i <= 20; ++i) {
      f.pool->write([](SQLite::Database& db) { return db.exec("INSERT INTO scratch VALUES (1)"); });
      CHECK(f.count_recent() == i);
    }
  }

  TEST_CASE("a new read sees an audit append at once; a recent read within the recent period") {
    pool_fixture f;
    CHECK(f.count_recent() == 0);
    f.pool->append_audit([](SQLite::Database& db) { return db.exec("INSERT INTO scratch VALUES (1)"); });
    CHECK(f.count_new() == 1);
    f.pool->append_audit([](SQLite::Database& db) { return db.exec("INSERT INTO scratch VALUES (2)"); });
    CHECK(within_seconds(5, [&] { return f.count_recent() == 2; }));
  }

  TEST_CASE("another connection's write reaches recent reads") {
    pool_fixture f;
    CHECK(f.count_recent() == 0);
    auto other = core::store::database::open(f.file).value();
    other.sql().exec("INSERT INTO scratch VALUES (1)");
    CHECK(within_seconds(5, [&] { return f.count_recent() == 1; }));
  }

  TEST_CASE("an idle reader's snapshot ends by itself: the write-ahead log can be truncated") {
    pool_fixture f;
    CHECK(f.count_recent() == 0);  // a snapshot, held by the idle reader from here on
    for (int i = 0; i < 50; ++i)
      f.pool->write([](SQLite::Database& db) { return db.exec("INSERT INTO scratch VALUES (randomblob(3000))"); });
    auto other = core::store::database::open(f.file).value();
    // busy is 1 while any reader still uses the log; the log is then left as it is.
    CHECK(within_seconds(5, [&] {
      auto busy = other.sql().execAndGet("PRAGMA wal_checkpoint(TRUNCATE)").getInt();
      return busy == 0 && std::filesystem::file_size(f.file.string() + "-wal") == 0;
    }));
  }
}
