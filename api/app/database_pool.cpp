#include "api/app/database_pool.hpp"

#include <sqlite3.h>

namespace casechain::api {

core::result<std::unique_ptr<database_pool>> database_pool::open(const std::filesystem::path& file,
                                                                 std::size_t readers) {
  auto pool = std::unique_ptr<database_pool>(new database_pool());
  auto writer = core::store::database::open(file);
  if (!writer) return writer.error();
  pool->writer_ = std::make_unique<core::store::database>(std::move(*writer));
  for (std::size_t i = 0; i < std::max<std::size_t>(readers, 1); ++i) {
    auto connection = core::store::database::open(file, {.migrate = false});  // the writer migrated it
    if (!connection) return connection.error();
    if (connection->sql().tryExec("PRAGMA query_only = ON") != SQLITE_OK)
      return core::fail(core::errc::unavailable, "could not make a reader connection read-only");
    auto r = std::make_unique<reader>();
    r->db = std::make_unique<core::store::database>(std::move(*connection));
    pool->free_.push_back(r.get());
    pool->readers_.push_back(std::move(r));
  }
  pool->sweeper_ = std::thread([raw = pool.get()] { raw->end_stale_snapshots(); });
  return pool;
}

database_pool::~database_pool() {
  {
    std::lock_guard lock(readers_mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  if (sweeper_.joinable()) sweeper_.join();
  for (auto& r : readers_) r->end_snapshot();
}

void database_pool::reader::end_snapshot() noexcept {
  // Nothing was written (readers are query_only); ROLLBACK also succeeds with statements pending.
  if (sqlite3_get_autocommit(db->sql().getHandle()) == 0) db->sql().tryExec("ROLLBACK");
  holding = false;
}

void database_pool::begin_snapshot(reader& r, bool new_snapshot) {
  auto writes = writes_.load();
  auto now = std::chrono::steady_clock::now();
  if (r.holding && (new_snapshot || r.writes_before != writes || now - r.began >= recent)) r.end_snapshot();
  if (r.holding) return;
  // Deferred: the snapshot is taken by the first query, after `writes` was read,
  // so it holds at least every write counted there.
  r.db->sql().exec("BEGIN");
  r.holding = true;
  r.writes_before = writes;
  r.began = now;
}

void database_pool::end_stale_snapshots() {
  std::unique_lock lock(readers_mutex_);
  while (!stopping_) {
    stop_.wait_for(lock, recent);
    auto now = std::chrono::steady_clock::now();
    // Idle readers only: a leased one belongs to its request.
    for (auto* r : free_)
      if (r->holding && now - r->began >= recent) r->end_snapshot();
  }
}

database_pool::lease::lease(database_pool& p) : pool(p) {
  std::unique_lock lock(pool.readers_mutex_);
  pool.reader_free_.wait(lock, [&] { return !pool.free_.empty(); });
  held = pool.free_.back();
  pool.free_.pop_back();
}

database_pool::lease::~lease() {
  {
    std::lock_guard lock(pool.readers_mutex_);
    pool.free_.push_back(held);
  }
  pool.reader_free_.notify_one();
}

}  // namespace casechain::api
